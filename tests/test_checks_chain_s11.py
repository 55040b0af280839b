"""Issue 14, session 11: a loop among outcomes that a longer-term outcome closes by feeding a
shorter-term one is that backwards link, said once at it (an error, as the loop it closes), not a
loop in general. Probes on the worked example, written before the rule."""

from __future__ import annotations

from lm_excel.checks import validate

from .modelkit import example, model_of, row


def _found(rec, *codes: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.element_id, f.severity) for f in validate(model_of(rec)).all_findings()
            if f.code in codes]


def test_a_long_term_outcome_feeding_the_short_term_one_that_leads_to_it_is_a_backwards_link():
    rec = example()
    # OC3 (short term) already contributes to OC10 (long term); OC10 now feeds OC3 back
    row(rec, "outcomes", "OC10")["contributes_to"] = "OC3"
    assert _found(rec, "contributes-backwards", "outcome-cycle") == [("contributes-backwards", "OC10", "error")]
    (f,) = [f for f in validate(model_of(rec)).all_findings() if f.code == "contributes-backwards"]
    assert "long term" in f.message and "short term" in f.message
    assert "OC3 -> OC10 -> OC3" in f.message and f.ref == "Outcomes!F13"


def test_a_longer_loop_closed_by_a_backwards_link_is_reported_at_that_link():
    rec = example()
    row(rec, "outcomes", "OC9")["contributes_to"] = "OC4"  # OC4 -> OC5 -> OC9 -> OC4
    assert _found(rec, "contributes-backwards", "outcome-cycle") == [("contributes-backwards", "OC9", "error")]
    (f,) = [f for f in validate(model_of(rec)).all_findings() if f.code == "contributes-backwards"]
    assert "OC4 -> OC5 -> OC9 -> OC4" in f.message
    assert "OC9" in f.fix and "OC4" in f.fix


def test_a_backwards_link_that_closes_no_loop_stays_a_warning():
    rec = example()
    row(rec, "outcomes", "OC11")["contributes_to"] = "OC4"  # OC4 does not lead to OC11
    assert _found(rec, "contributes-backwards", "outcome-cycle") == [("contributes-backwards", "OC11", "warning")]
    (f,) = [f for f in validate(model_of(rec)).all_findings() if f.code == "contributes-backwards"]
    assert "loop" not in f.message


def test_a_loop_among_outcomes_of_one_timescale_is_still_a_loop():
    rec = example()
    row(rec, "outcomes", "OC6")["contributes_to"] = "OC5"  # medium term
    row(rec, "outcomes", "OC5")["contributes_to"] = "OC6"  # medium term
    got = _found(rec, "contributes-backwards", "outcome-cycle")
    assert [c for c, _, _ in got] == ["outcome-cycle"] and got[0][2] == "error"


def test_a_loop_through_an_outcome_with_no_timescale_is_still_a_loop():
    rec = example()
    row(rec, "outcomes", "OC9").update(contributes_to="OC4", timescale="")
    codes = [c for c, _, _ in _found(rec, "contributes-backwards", "outcome-cycle")]
    assert codes == ["outcome-cycle"]


def test_a_medium_term_outcome_feeding_back_the_short_term_one_that_feeds_it_is_a_circle():
    """Session 13 (TUNED ON held out 30): two outcomes of neighbouring timescales that each contribute
    to the other are said as the loop, still once and at the same link (session 11 said it as a
    backwards link); a longer loop, or a long-term outcome feeding a short-term one, stays backwards."""
    rec = example()
    row(rec, "outcomes", "OC8")["contributes_to"] = "OC9, OC2"  # OC2 -> OC8 -> OC2
    assert _found(rec, "contributes-backwards", "outcome-cycle") == [("outcome-cycle", "OC8", "error")]
    (f,) = [f for f in validate(model_of(rec)).all_findings() if f.code == "outcome-cycle"]
    assert "OC2 -> OC8 -> OC2" in f.message and "OC2" in f.fix and "OC8" in f.fix
