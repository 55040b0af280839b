"""The logic-chain rules on the cases the worked example cannot show: a component that only
produces an output, mechanisms that nothing triggers, and medium- against long-term outcomes.

In the worked example every component both triggers a mechanism and produces an output, and
every outcome is reached, so these cases are built here on purpose (issue 19)."""

from __future__ import annotations

from lm_excel.checks import validate
from lm_excel.model import ModelRecords

from .modelkit import example, model_of, row

#: The logic-chain codes (stable codes: see docs/checks.md).
CHAIN = {"component-leads-nowhere", "input-unused", "mechanism-no-trigger", "mechanism-leads-nowhere",
         "output-no-component", "outcome-no-contributor", "outcome-unreachable", "outcomes-unreachable"}


def _chain(rec: ModelRecords) -> list[tuple[str, str]]:
    """(code, element ID) of every logic-chain finding, in report order (a headline first, then
    the findings grouped under it)."""
    return [(f.code, f.element_id) for f in validate(model_of(rec)).all_findings() if f.code in CHAIN]


def _component(rec: ModelRecords, id_: str, text: str) -> None:
    rec.elements["components"].append({"id": id_, "component": text, "description": text})


def test_a_component_that_only_produces_an_output_leads_somewhere():
    rec = example()
    _component(rec, "C7", "Evening helpline for parents")
    row(rec, "outputs", "OP1")["from_components"] = "C1, C7"
    assert _chain(rec) == []


def test_a_component_that_only_triggers_a_mechanism_leads_somewhere():
    rec = example()
    _component(rec, "C7", "Evening helpline for parents")
    row(rec, "mechanisms", "M1")["triggered_by"] = "C1, C3, C7"
    assert _chain(rec) == []


def test_a_component_with_neither_is_the_one_reported():
    rec = example()
    _component(rec, "C7", "Evening helpline for parents")
    _component(rec, "C8", "Weekend drop-in sessions")
    row(rec, "outputs", "OP1")["from_components"] = "C1, C7"
    assert _chain(rec) == [("component-leads-nowhere", "C8")]


def _untriggered_branch(rec: ModelRecords) -> None:
    """M7 (triggered by nothing) -> OC12 (short term) -> OC13 (long term)."""
    rec.elements["mechanisms"].append({"id": "M7", "mechanism": "Parents trust the service more",
                                       "triggered_by": "", "leads_to": "OC12"})
    rec.elements["outcomes"].append({"id": "OC12", "outcome": "More parents ask for help early",
                                     "timescale": "Short term", "direction": "Increase",
                                     "contributes_to": "OC13"})
    rec.elements["outcomes"].append({"id": "OC13", "outcome": "Fewer families reach crisis point",
                                     "timescale": "Long term", "direction": "Decrease"})


def test_reachability_starts_from_components_not_from_untriggered_mechanisms():
    rec = example()
    _untriggered_branch(rec)
    # OC12 and OC13 are reached only through M7: said once, as a headline over both, with M7's
    # missing trigger (the cause) under it rather than beside it
    assert _chain(rec) == [("outcomes-unreachable", ""), ("mechanism-no-trigger", "M7"),
                           ("outcome-unreachable", "OC12"), ("outcome-unreachable", "OC13")]
    (head,) = [f for f in validate(model_of(rec)).findings if f.code in CHAIN]
    assert head.message.startswith("2 outcomes")


def test_a_triggered_branch_reaches_its_long_term_outcome():
    rec = example()
    _untriggered_branch(rec)
    row(rec, "mechanisms", "M7")["triggered_by"] = "C2"
    assert _chain(rec) == []


def test_a_branch_through_a_mechanism_of_a_component_elsewhere_is_reached():
    # Reaching OC13 needs every hop: component C4 -> M4 -> OC4 (existing) ... and here
    # C6 -> M6 -> OC3 -> OC12 -> OC13, two 'contributes to' steps after the mechanism.
    rec = example()
    _untriggered_branch(rec)
    row(rec, "mechanisms", "M7")["triggered_by"] = "C6"
    row(rec, "mechanisms", "M7")["leads_to"] = "OC3"
    row(rec, "outcomes", "OC3")["contributes_to"] = "OC10, OC12"
    assert _chain(rec) == []


def test_an_unreachable_outcome_is_reported_whatever_its_timescale():
    for timescale in ("Medium term", "Short term", "  LONG   term ", ""):
        rec = example()
        _untriggered_branch(rec)
        row(rec, "outcomes", "OC13")["timescale"] = timescale
        assert ("outcome-unreachable", "OC13") in _chain(rec), timescale


def test_an_outcome_nothing_leads_to_is_reported_once_not_also_as_unreachable():
    rec = example()
    rec.elements["outcomes"].append({"id": "OC12", "outcome": "Fewer families reach crisis point",
                                     "timescale": "Long term", "direction": "Decrease"})
    assert _chain(rec) == [("outcome-no-contributor", "OC12")]


def test_an_outcome_reached_only_through_contributes_to_has_a_contributor():
    rec = example()
    rec.elements["outcomes"].append({"id": "OC12", "outcome": "Fewer families reach crisis point",
                                     "timescale": "Long term", "direction": "Decrease"})
    row(rec, "outcomes", "OC8")["contributes_to"] = "OC9, OC12"
    assert _chain(rec) == []


def test_an_outcome_reached_only_through_a_mechanism_has_a_contributor():
    rec = example()
    rec.elements["outcomes"].append({"id": "OC12", "outcome": "Fewer families reach crisis point",
                                     "timescale": "Long term", "direction": "Decrease"})
    row(rec, "mechanisms", "M4")["leads_to"] = "OC4, OC5, OC12"
    assert _chain(rec) == []


def test_every_unused_input_is_reported_and_a_used_one_is_not():
    rec = example()
    rec.elements["inputs"].append({"id": "IN9", "resource": "A play therapist", "type": "Staff"})
    rec.elements["inputs"].append({"id": "IN10", "resource": "A second play therapist", "type": "Staff"})
    assert _chain(rec) == [("input-unused", "IN9"), ("input-unused", "IN10")]
    row(rec, "components", "C1")["inputs_used"] = str(row(rec, "components", "C1")["inputs_used"]) + ", IN9"
    assert _chain(rec) == [("input-unused", "IN10")]


def test_an_unreachable_outcome_is_an_error_only_when_primary():
    for priority, severity in (("Primary", "error"), ("  PRIMARY ", "error"), ("Secondary", "warning"), ("", "warning")):
        rec = example()
        _untriggered_branch(rec)
        row(rec, "outcomes", "OC13")["priority"] = priority
        (f,) = [f for f in validate(model_of(rec)).all_findings() if f.element_id == "OC13"]
        assert (f.code, f.severity) == ("outcome-unreachable", severity), priority


def test_a_row_without_an_id_does_not_stop_the_rows_after_it_being_checked():
    rec = example()
    rec.elements["mechanisms"].insert(0, {"mechanism": "A mechanism typed without an ID",
                                          "triggered_by": "C1", "leads_to": "OC1"})
    rec.elements["outputs"].insert(0, {"output": "An output typed without an ID", "from_components": "C1"})
    row(rec, "mechanisms", "M6")["leads_to"] = ""
    row(rec, "mechanisms", "M5")["triggered_by"] = ""
    row(rec, "outputs", "OP7")["from_components"] = ""
    assert sorted(c for c in _chain(rec) if c[1]) == [
        ("mechanism-leads-nowhere", "M6"), ("mechanism-no-trigger", "M5"),
        ("outcome-no-contributor", "OC3"), ("outcome-unreachable", "OC10"), ("output-no-component", "OP7")]
