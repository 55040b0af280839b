"""Measure suggestions: quality on the dev set, the fit rules, explanations and the CLI."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lm_excel.errors import LmExcelError
from lm_excel.measures import (
    Measure,
    MeasureLibraryError,
    SuggestError,
    load_library,
    suggest,
)

from .conftest import EVAL, run_cli

REPO = Path(__file__).resolve().parents[1]
DEV_SET = EVAL / "outcomes_dev.csv"
OWN_HELDOUT = REPO / "tests" / "data" / "outcomes_heldout_own.csv"


def hit_at_3(path: Path) -> tuple[float, list[str]]:
    """Share of rows whose top 3 suggestions include an acceptable key, and the misses."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows, f"{path} has no rows"
    misses = []
    for row in rows:
        acceptable = set(row["acceptable"].split(";"))
        got = [s.measure.key for s in suggest(row["outcome"], top=3)]
        if not acceptable & set(got):
            misses.append(f"{row['outcome']!r}: got {got}, want one of {sorted(acceptable)}")
    return 1 - len(misses) / len(rows), misses


def test_hit_at_3_on_dev_set_is_at_least_090():
    score, misses = hit_at_3(DEV_SET)
    print(f"hit@3 on {DEV_SET.name}: {score:.3f}")
    assert score >= 0.90, "\n".join(misses)


def test_hit_at_3_on_own_heldout_set_is_at_least_090():
    score, misses = hit_at_3(OWN_HELDOUT)
    print(f"hit@3 on {OWN_HELDOUT.name}: {score:.3f}")
    assert score >= 0.90, "\n".join(misses)


def test_eval_sets_only_name_measures_in_the_library():
    keys = set(load_library().keys())
    for path in (DEV_SET, OWN_HELDOUT):
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) >= 40, path.name
        for row in rows:
            assert set(row["acceptable"].split(";")) <= keys, row


# --- who benefits -------------------------------------------------------------------------

PRACTITIONER_OUTCOMES = [
    "Social workers feel less anxious and stressed at work",
    "Practitioners report better emotional wellbeing",
    "Staff feel happier and more hopeful",
    "Improved mental health of the workforce",
    "Family support workers are more confident in talking to parents about their own depression",
]


@pytest.mark.parametrize("text", PRACTITIONER_OUTCOMES)
def test_practitioner_outcomes_never_get_child_or_parent_questionnaires(text):
    found = suggest(text, top=len(load_library()))
    assert found
    bad = [s.measure.key for s in found if s.measure.is_child_or_parent_questionnaire]
    assert bad == []


def test_explicit_practitioner_beneficiary_excludes_child_questionnaires():
    text = "Improved emotional wellbeing and less anxiety"
    everyone = [s.measure for s in suggest(text, top=10)]
    # Without the rule the same words do bring child and parent questionnaires ...
    assert any(m.is_child_or_parent_questionnaire for m in everyone)
    staff = [s.measure for s in suggest(text, who_benefits="practitioner", top=10)]
    # ... and with it none, while staff instruments stay.
    assert not any(m.is_child_or_parent_questionnaire for m in staff)
    assert staff and all("practitioner" in m.who_benefits or m.kind == "administrative"
                         for m in staff[:3])


def test_who_benefits_mismatch_ranks_lower_and_says_so():
    text = "Improved mental wellbeing"
    for_parents = [s.measure.key for s in suggest(text, who_benefits="parent or carer", top=6)]
    for_children = {s.measure.key: s for s in suggest(text, who_benefits="child", top=20)}
    assert "phq9" not in for_parents or for_parents.index("phq9") > for_parents.index("wemwbs")
    assert "stirling" not in for_parents[:3]
    if "phq9" in for_children:
        assert "not usually for children and young people" in for_children["phq9"].why


def test_unknown_who_benefits_is_a_clear_error():
    with pytest.raises(SuggestError, match="who benefits 'aliens' is not one of"):
        suggest("Improved wellbeing", who_benefits="aliens")
    assert issubclass(SuggestError, LmExcelError)


# --- ages -------------------------------------------------------------------------------

def _score(text, key, **kw):
    return {s.measure.key: s.score for s in suggest(text, top=len(load_library()), **kw)}[key]


def test_instrument_outside_the_age_range_ranks_lower_and_says_why():
    text = "Improved emotional wellbeing of children"
    assert _score(text, "stirling", age=(0, 5)) < _score(text, "stirling")
    assert _score(text, "stirling", age=10) == _score(text, "stirling")
    assert _score(text, "sdq", age="0-5") == _score(text, "sdq")  # SDQ covers 2-17
    ranked = suggest(text, age="0-5", top=30)
    why = {s.measure.key: s.why for s in ranked}
    assert ranked[0].measure.key == "sdq"
    assert "designed for ages 8-15" in why["stirling"]
    assert "designed for ages" not in why["sdq"]


def test_age_range_is_read_from_the_text():
    young = suggest("Toddlers aged 1-3 have better wellbeing", top=5)
    older = suggest("Teenagers have better wellbeing", top=5)
    assert young[0].measure.key == "sdq"  # the only wellbeing instrument for under-5s
    assert all("designed for ages" in s.why for s in young[1:] if s.measure.age_range)
    assert not any("designed for ages" in s.why for s in older[:3])


def test_adult_self_report_limits_do_not_count_against_outcomes_about_parents():
    # WEMWBS is for ages 13+ completing it about themselves: "parents of babies" are adults.
    parents = {s.measure.key: s.why for s in suggest("Parents of babies have better mental wellbeing",
                                                     top=10)}
    assert "wemwbs" in parents and "designed for ages" not in parents["wemwbs"]
    # A child-age instrument still counts the child's age: PSI-4 is for parents of 0-12s.
    teens = {s.measure.key: s.why for s in suggest("Parents of teenagers report less parenting stress",
                                                   top=10)}
    assert "designed for ages 0-12" in teens["psi4"]


def test_bad_age_and_timescale_are_clear_errors():
    with pytest.raises(SuggestError, match="age 'toddler' is not"):
        suggest("x", age="toddler")
    with pytest.raises(SuggestError, match="timescale 'soon' is not"):
        suggest("x", timescale="soon")


def test_timescale_favours_questionnaires_short_term_and_records_long_term():
    text = "Fewer children need a child protection plan and parents are less stressed"
    short = suggest(text, timescale="short term", top=30)
    long = suggest(text, timescale="long-term", top=30)
    s_why = {s.measure.key: s.why for s in short}
    l_why = {s.measure.key: s.why for s in long}
    assert "short term" in s_why["pss"] and "long-term" in l_why["cp_plans"]
    assert [s.measure.key for s in short] != [s.measure.key for s in long]


# --- explanations and determinism -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Fewer children are re-referred within a year",
    "Parents report less parenting stress",
    "Reduced social worker turnover",
    "More children are ready for school",
])
def test_explanations_quote_the_words_that_matched(text):
    top = suggest(text, top=1)[0]
    quoted = re.findall(r"'([^']+)'", top.why)
    assert top.why.startswith("matches ")
    assert quoted and all(q in text for q in quoted), top.why


def test_explanation_names_the_domain():
    s = suggest("Fewer children are re-referred within 12 months", top=1)[0]
    assert s.measure.key == "re_referrals_12m"
    assert "safety domain" in s.why


def test_suggestions_are_deterministic_across_processes():
    code = ("import json; from lm_excel.measures import suggest; "
            "print(json.dumps([[s.as_dict() for s in suggest(t, top=5)] for t in "
            "['Improved family relationships', 'Fewer children enter care', 'Better wellbeing']]))")
    outs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)}
        outs.add(subprocess.run([sys.executable, "-c", code], env=env, check=True,
                                capture_output=True, text=True).stdout)
    assert len(outs) == 1
    assert suggest("Better wellbeing", top=5) == suggest("Better wellbeing", top=5)


def test_scores_are_between_0_and_1_and_sorted():
    found = suggest("Fewer exclusions and better attendance at school", top=10)
    scores = [s.score for s in found]
    assert all(0 <= x < 1 for x in scores)
    assert scores == sorted(scores, reverse=True)


def test_top_limits_the_number_and_must_be_positive():
    assert len(suggest("Improved wellbeing", top=2)) == 2
    with pytest.raises(SuggestError):
        suggest("Improved wellbeing", top=0)


def test_text_that_matches_nothing_gets_a_general_measure_said_plainly():
    found = suggest("Zzz qqq", top=3)
    assert [s.measure.key for s in found] == ["family_experience"]
    assert found[0].score == 0 and "choose by hand" in found[0].why
    staff = suggest("Zzz qqq", who_benefits="practitioner")
    assert [s.measure.key for s in staff] == ["practitioner_survey"]


# --- local measures (My measures) ---------------------------------------------------------

def _local(**kw) -> Measure:
    fields = {"key": "la_voice_panel", "name": "Family voice panel rating", "kind": "bespoke",
              "domains": ("experience",), "respondent": ("family",), "who_benefits": ("family",),
              "keywords": ("voice panel", "panel rating"), "local": True}
    fields.update(kw)
    return Measure(**fields)


def test_local_measures_take_part_in_suggestions():
    lib = load_library(extra=[_local()])
    assert len(lib) == len(load_library()) + 1
    top = suggest("Families on the voice panel rate the service more highly", library=lib)[0]
    assert top.measure.key == "la_voice_panel"
    assert "voice panel" in top.why
    plain = suggest("Families on the voice panel rate the service more highly")
    assert "la_voice_panel" not in [s.measure.key for s in plain]


def test_local_measure_key_clash_and_bad_values_are_clear_errors():
    with pytest.raises(MeasureLibraryError, match="'sdq' is already in the library"):
        load_library(extra=[_local(key="sdq")])
    with pytest.raises(MeasureLibraryError, match="kind 'survey' is not one of"):
        load_library(extra=[_local(kind="survey")])


def test_library_is_cached():
    assert load_library() is load_library()
    assert load_library().index is load_library().index


# --- the CLI command (whole processes: python -m lm_excel suggest ...) ----------------------

def test_cli_text_output_lists_ranked_measures_with_reasons():
    proc = run_cli("suggest", "Fewer repeat child protection plans", "--top", "2")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.splitlines()[0] == "Outcome: Fewer repeat child protection plans"
    assert "1. Repeat child protection plans [cp_plans_repeat]" in out
    assert "2. " in out and "3. " not in out
    assert "why: matches" in out


def test_cli_json_for_one_outcome():
    proc = run_cli("suggest", "Parents report reduced parenting stress", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["outcome"] == "Parents report reduced parenting stress"
    assert len(data["suggestions"]) == 3
    assert set(data["suggestions"][0]) == {"key", "name", "score", "why"}
    assert {s["key"] for s in data["suggestions"][:2]} == {"pss", "psi4"}


def test_cli_file_gives_one_json_line_per_outcome(tmp_path):
    src = tmp_path / "outcomes.txt"
    src.write_text("Reduced social worker turnover\n\n  Fewer exclusions from school  \n",
                   encoding="utf-8")
    before = src.read_bytes()
    proc = run_cli("suggest", "--file", str(src), "--json", "--top", "1")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [r["outcome"] for r in rows] == ["Reduced social worker turnover",
                                            "Fewer exclusions from school"]
    assert [r["suggestions"][0]["key"] for r in rows] == ["workforce_turnover", "exclusions"]
    assert src.read_bytes() == before  # input left alone


def test_cli_options_reach_the_library():
    proc = run_cli("suggest", "Improved emotional wellbeing", "--who", "practitioner",
                   "--timescale", "short", "--age", "30", "--top", "5", "--json")
    assert proc.returncode == 0, proc.stderr
    keys = [s["key"] for s in json.loads(proc.stdout)["suggestions"]]
    assert "sdq" not in keys and "stirling" not in keys


@pytest.mark.parametrize("args, message", [
    (["--file", "nope.txt"], "nope.txt: file not found"),
    (["--file", "latin1.txt"], "latin1.txt line 2: not UTF-8 text"),
    ([], "give either an outcome statement or --file FILE"),
    (["Improved wellbeing", "--who", "aliens"], "who benefits 'aliens' is not one of"),
    (["Improved wellbeing", "--top", "0"], "--top must be at least 1"),
])
def test_cli_errors_are_one_line_with_exit_code_2(tmp_path, args, message):
    (tmp_path / "latin1.txt").write_bytes(b"Fewer exclusions\nCaf\xe9 outcome\n")
    proc = run_cli("suggest", *args, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and message in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


def test_cli_help_includes_an_example():
    proc = run_cli("suggest", "--help")
    assert proc.returncode == 0
    assert "example:" in proc.stdout and 'lm-excel suggest "' in proc.stdout
    assert "--file" in proc.stdout and "suggest" in run_cli("--help").stdout


def test_importing_measures_and_the_cli_does_not_import_pandas():
    code = ("import sys, lm_excel.measures, lm_excel.cli; lm_excel.cli.build_parser(); "
            "print(sorted(m for m in ('pandas', 'numpy', 'openpyxl') if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True,
                         capture_output=True, text=True).stdout
    assert out.strip() == "[]"
