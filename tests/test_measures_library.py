"""The shipped measures library: well-formed, complete, documented; the text pipeline."""

from __future__ import annotations

import csv
from pathlib import Path
from urllib.parse import urlparse

import pytest

from lm_excel.measures import MeasureLibraryError, load_library
from lm_excel.measures.docs import library_markdown
from lm_excel.measures.library import (
    COLUMNS,
    DOMAINS,
    KINDS,
    LICENCES,
    OPTIONAL_COLUMNS,
    RESPONDENTS,
    WHO_BENEFITS,
    parse_measures_csv,
    read_measures_csv,
)
from lm_excel.measures.text import stem
from lm_excel.measures.vocab import vocabulary

from .conftest import EVAL

REPO = Path(__file__).resolve().parents[1]
LIBRARY_CSV = REPO / "lm_excel" / "data" / "measures.csv"
REQUIRED = EVAL / "required_measure_keys.csv"


def test_library_file_is_well_formed():
    with LIBRARY_CSV.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames) == COLUMNS + OPTIONAL_COLUMNS
        rows = list(reader)
    keys = [r["key"] for r in rows]
    assert len(keys) == len(set(keys)), "duplicate keys"
    assert len(rows) >= 60
    for r in rows:
        assert r["kind"] in KINDS, r["key"]
        assert r["licence"] in LICENCES, r["key"]
        assert set(r["domains"].split(";")) <= set(DOMAINS), r["key"]
        assert set(r["respondent"].split(";")) <= set(RESPONDENTS), r["key"]
        assert set(r["who_benefits"].split(";")) <= set(WHO_BENEFITS), r["key"]
        assert r["source_url"].startswith("https://"), r["key"]
        for col in ("name", "what_it_measures", "items_or_effort", "licence_note",
                    "data_source", "timepoints", "keywords"):
            assert r[col].strip(), (r["key"], col)
    assert len(load_library()) == len(rows)


def test_every_required_key_is_present_with_its_kind():
    lib = load_library()
    with REQUIRED.open(encoding="utf-8", newline="") as f:
        required = list(csv.DictReader(f))
    assert len(required) >= 50
    for row in required:
        m = lib.get(row["key"])
        assert m is not None, f"missing required measure {row['key']!r}"
        assert m.kind == row["kind"], row["key"]


def test_unverified_facts_are_flagged_for_maintainers_not_users():
    # What could not be verified stays in the maintainer column; what users read is clean.
    lib = load_library()
    for key in ("missing_from_care", "substance_misuse_treatment", "carer_efficacy", "mspss",
                "bright_spots"):
        assert "verified" in lib.get(key).maintainer_notes.lower(), key
    internal = ("verified", "check with corc", "trial", "evaluation reported", "mockingbird",
                "family valued", "primary outcome", "secondary outcome")
    for m in lib:
        shown = " ".join((m.notes, m.licence_note, m.items_or_effort)).lower()
        assert not [w for w in internal if w in shown], (m.key, shown)


def test_audit_corrections_of_issue_18():
    lib = load_library()
    assert "warwick.ac.uk" in lib.get("swemwbs").source_url
    assert "scottdmiller.com" in lib.get("ors_cors").source_url
    gbo = lib.get("gbo")
    assert "goals-in-therapy.com" in gbo.source_url and "Creative Commons" in gbo.licence_note
    assert "Duncan Law" in gbo.licence_note and "CORC" not in gbo.licence_note
    assert lib.get("k10").licence == "free" and "no registration" in lib.get("k10").licence_note
    assert "assessingparenting.com" in lib.get("aapi2").source_url
    assert "4 to 6" in lib.get("gcp2").items_or_effort and "2 to 4 weeks" in lib.get("gcp2").items_or_effort
    assert "school census" in lib.get("placement_stability").data_source
    assert lib.get("school_attendance").age_range == "5-15"
    neet = lib.get("neet")
    assert neet.age_range == "16-17" and "neet-age-16-to-17-by-local-authority" in neet.source_url
    assert "Police National Computer" in lib.get("first_time_entrants").data_source
    assert "paid per informant" in lib.get("sdq").licence_note
    assert "aged 4 to 16" in lib.get("sdq").notes
    assert "commercial providers need a paid licence" in lib.get("wemwbs").licence_note
    assert "qualification" in lib.get("psi4").licence_note
    assert "written permission" in lib.get("epds").licence_note


def test_facts_verified_after_the_audit_are_stated_and_cited():
    lib = load_library()
    for key in ("wemwbs", "swemwbs"):
        m = lib.get(key)
        assert m.source_url.endswith("/wemwbs/using"), key
        assert "does not cover passing WEMWBS on" in m.licence_note, key
        assert "not verified" not in m.maintainer_notes.lower(), key
    pss = lib.get("pss")
    assert "foster and kinship carers" in pss.notes and "Harding" in pss.notes
    assert "10.1111/fare.12483" in pss.maintainer_notes
    assert "verify" not in pss.maintainer_notes.lower()
    assert "electronic system" in pss.licence_note


def test_sources_link_the_measure_own_page_not_a_hub_home_page():
    hubs = {"corc.uk.net", "mindgarden.com", "outcomesstar.org.uk", "aft.org.uk", "cafcass.gov.uk",
            "coresystemtrust.org.uk", "foundations.org.uk", "bettercarenetwork.org"}
    for m in load_library():
        url = urlparse(m.source_url)
        host = url.netloc.removeprefix("www.")
        assert host not in hubs or url.path.strip("/"), (m.key, m.source_url)
        assert host not in {"foundations.org.uk", "bettercarenetwork.org"}, (m.key, m.source_url)


def test_issue_18_additions_cover_the_gaps():
    lib = load_library()
    for key in ("cin_assessments", "bright_spots", "family_time", "carer_efficacy", "carer_survey",
                "school_staff_safeguarding", "childrens_hope_scale", "ons_loneliness", "mspss",
                "community_survey"):
        m = lib.get(key)
        assert m is not None and m.source_url.startswith("https://"), key
    assert set(lib.get("carer_efficacy").who_benefits) == {"foster carer", "kinship carer"}
    assert "school or early-years staff" in lib.get("school_staff_safeguarding").who_benefits


def test_practitioner_only_measures_are_not_child_questionnaires():
    lib = load_library()
    assert lib.get("sdq").is_child_or_parent_questionnaire
    assert lib.get("pss").is_child_or_parent_questionnaire
    assert not lib.get("cbi").is_child_or_parent_questionnaire
    assert not lib.get("referrals").is_child_or_parent_questionnaire
    assert lib.get("stirling").age_range == "8-15" and lib.get("wemwbs").age_range == "13+"


def _csv(rows: list[dict]) -> str:
    lines = [",".join(COLUMNS)]
    for r in rows:
        base = {c: "" for c in COLUMNS}
        base.update(key="a_measure", name="A", kind="bespoke", domains="experience",
                    respondent="family", who_benefits="family", licence="free",
                    source_url="https://example.org")
        base.update(r)
        lines.append(",".join(base[c] for c in COLUMNS))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("rows, message", [
    ([{}, {}], "mine.csv line 3: key 'a_measure' already used on line 2"),
    ([{"kind": "survey"}], "mine.csv line 2 (a_measure): kind 'survey' is not one of"),
    ([{"domains": "fun"}], "domain 'fun' is not one of"),
    ([{"who_benefits": "dogs"}], "who_benefits 'dogs' is not one of"),
    ([{"licence": "cheap"}], "licence 'cheap' is not one of"),
    ([{"source_url": ""}], "source_url must be a web address"),
    ([{"age_min": "ten"}], "mine.csv line 2: age_min 'ten' is not a number"),
    ([{"age_min": "9", "age_max": "3"}], "age_min 9.0 is above age_max 3.0"),
    ([{"key": "Bad Key"}], "key 'Bad Key' must be lower case"),
    ([{"notes": "one, two"}], "mine.csv line 2 (a_measure): more cells than columns"),
])
def test_bad_library_rows_give_one_clear_line(rows, message):
    with pytest.raises(MeasureLibraryError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_measures_csv(_csv(rows), "mine.csv")


def test_missing_columns_and_files_are_reported(tmp_path):
    with pytest.raises(MeasureLibraryError, match="mine.csv: missing column"):
        parse_measures_csv("key,name\nx,y\n", "mine.csv")
    with pytest.raises(MeasureLibraryError, match="nope.csv: file not found"):
        read_measures_csv(tmp_path / "nope.csv")
    good = tmp_path / "good.csv"
    good.write_text(_csv([{"keywords": "panel;voice"}]), encoding="utf-8")
    (m,) = read_measures_csv(good)
    assert m.keywords == ("panel", "voice") and m.age_min is None


def test_docs_page_is_generated_from_the_library_and_lists_every_key():
    page = (REPO / "docs" / "measures.md").read_text(encoding="utf-8")
    assert page == library_markdown(), "regenerate: python -m lm_excel.measures.docs"
    for m in load_library():
        assert f"`{m.key}`" in page


@pytest.mark.parametrize("a, b", [
    ("referral", "referred"), ("families", "family"), ("stability", "stable"),
    ("placement", "placed"), ("engagement", "engaged"), ("depression", "depressed"),
    ("coping", "cope"), ("happiness", "happy"), ("disabled", "disability"),
])
def test_stemmer_joins_word_forms(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize("a, b", [("parenting", "parent"), ("timely", "time"), ("carer", "care")])
def test_stemmer_keeps_apart_words_that_differ_in_meaning(a, b):
    assert stem(a) != stem(b)


@pytest.mark.parametrize("text, concept", [
    ("re-referred", "re_referral"), ("referred again", "re_referral"),
    ("remain safely at home", "stay_home"), ("A&E", "hospital"),
    ("social workers", "practitioner"), ("not in education, employment or training", "neet"),
])
def test_phrases_become_one_concept(text, concept):
    assert [t.token for t in vocabulary().analyse(text) if not t.stop] == [concept]


def test_overlapping_phrases_prefer_more_content_words():
    terms = [t.token for t in vocabulary().analyse("Reduction in care proceedings") if not t.stop]
    assert terms == ["court"]
