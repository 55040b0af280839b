"""Which assumptions need a test: one rule for the check, the evaluation plan, its design and the
report (issue 14).

The check asks for a test plan for every assumption not rated Strong (Some, Weak, Untested or
not rated); the plan used to add test rows only for Weak and Untested ones, so an assumption
rated Some was flagged as untested while the plan said nothing about testing it. Both now read
:func:`lm_excel.model.needs_a_test`.
"""

from __future__ import annotations

import pytest

from lm_excel.measures.plan import make_plan
from lm_excel.model import needs_a_test
from lm_excel.report import build_report

from .modelkit import example, findings_at, model_of, row

RATINGS = ["Strong", "Some", "Weak", "Untested", ""]


def _one_rated(confidence: str, how_tested: str = "", statement: str | None = None):
    """The worked example with assumption A4 rated ``confidence``."""
    rec = example()
    a = row(rec, "assumptions", "A4")
    a["confidence"], a["how_tested"] = confidence, how_tested
    if statement is not None:
        a["assumption"] = statement
    return rec


def _plan_tests(rec) -> set[str]:
    return {r.ref for r in make_plan(model_of(rec)).rows if r.row_type == "Assumption"}


@pytest.mark.parametrize("confidence", RATINGS)
def test_the_plan_tests_exactly_the_assumptions_the_check_asks_a_test_for(confidence):
    rec = _one_rated(confidence)
    flagged = bool(findings_at(rec, "assumption-untested", "A4"))
    planned = "A4" in _plan_tests(rec)
    assert flagged == planned == (confidence != "Strong"), confidence


def test_an_assumption_rated_some_gets_a_test_row_with_its_rating():
    rec = _one_rated("Some", how_tested="Compare stress and wellbeing scores at the end of support")
    (r,) = [r for r in make_plan(model_of(rec)).rows if r.ref == "A4"]
    assert "confidence some" in r.about and "Compare stress" in r.about
    assert not findings_at(rec, "assumption-untested", "A4")  # it has a test plan: no finding


def test_an_assumption_only_about_the_models_parts_is_neither_flagged_nor_planned():
    rec = _one_rated("Some", statement="Outcomes and impacts are interrelated")
    assert not findings_at(rec, "assumption-untested", "A4")
    assert "A4" not in _plan_tests(rec)


def test_the_design_counts_the_same_assumptions_as_the_check():
    rec = example()
    model = model_of(rec)
    needing = [a.id for a in model.assumptions if needs_a_test(a)]
    assert "A4" in needing and "A1" not in needing  # the example: A4 rated Some, A1 Strong
    strands = make_plan(model).design
    (ipe,) = [s for s in strands if s.title == "Implementation and process evaluation"]
    assert f"test {len(needing)} assumptions not rated Strong" in ipe.detail


def test_the_report_says_how_many_will_be_tested_by_the_same_rule():
    model = model_of(example())
    doc = build_report(model, plan=make_plan(model), include_diagram=False)
    text = "\n".join(p.text for p in doc.paragraphs)
    n = sum(needs_a_test(a) for a in model.assumptions)
    assert n == 5  # the example: A2 to A6 are not rated Strong; A1 is
    assert f"{n} of {len(model.assumptions)} are not rated Strong and will be tested" in text
