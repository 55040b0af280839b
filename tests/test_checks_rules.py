"""Every rule of the checker: a failing case (built in code) found at the right cell, and the
worked example (the passing case) free of it; plus near misses that must not be reported."""

from __future__ import annotations

import dataclasses
import datetime
import itertools
from collections.abc import Callable

import pytest

from lm_excel import layout as L
from lm_excel.checks import RULES, validate
from lm_excel.checks.wording import print_limit, similar_pairs
from lm_excel.findings import REGISTRY, SEVERITIES, Report
from lm_excel.measures.plan import PlanRow, plan_from_rows
from lm_excel.model import CellRef, LogicModel, ModelRecords, StructureNote

from .modelkit import Grids, example, model_of, row

Case = Callable[[], tuple[LogicModel, object]]


def records_case(edit: Callable[[ModelRecords], None]) -> Case:
    def build() -> tuple[LogicModel, object]:
        rec = example()
        edit(rec)
        return model_of(rec), None
    return build


def grids_case(edit: Callable[[Grids], None]) -> Case:
    return lambda: (model_of(edit_grids=edit), None)


def setter(sheet: str, id_: str, **values: object) -> Callable[[ModelRecords], None]:
    return lambda rec: row(rec, sheet, id_).update(values)


def adder(sheet: str, **values: object) -> Callable[[ModelRecords], None]:
    return lambda rec: rec.elements[sheet].append(dict(values))


def _rename_header(sheet: str, old: str, new: str) -> Callable[[Grids], None]:
    def edit(g: Grids) -> None:
        hdr = g[sheet][L.HEADER_ROW - 1]
        hdr[hdr.index(old)] = new
    return edit


def _set_cell(sheet: str, r: int, c: int, value: object) -> Callable[[Grids], None]:
    def edit(g: Grids) -> None:
        g[sheet][r - 1][c - 1] = value
    return edit


def _extra_note(code: str = "odd-layout", detail: str = "an odd layout") -> Case:
    """A model carrying one more reader note (as the file reader adds for what only a file shows)."""
    def build() -> tuple[LogicModel, object]:
        m = model_of()
        note = StructureNote(code, "Outcomes", detail, CellRef("Outcomes", "B5"))
        return dataclasses.replace(m, notes=(*m.notes, note)), None
    return build


def _all_timescales(value: str) -> Callable[[ModelRecords], None]:
    def edit(rec: ModelRecords) -> None:
        for o in rec.elements["outcomes"]:
            o["timescale"] = value
    return edit


def _plan(**overrides: dict[str, object]) -> Case:
    """The example with a measures plan measuring every primary outcome, then ``overrides``."""
    def build() -> tuple[LogicModel, object]:
        m = model_of()
        rows = {
            o.id: {"ref": o.id, "measure_key": "pss", "measure": "Parenting Stress Scale",
                   "baseline": "At referral", "licence": "free"}
            for o in m.outcomes if o.text("priority") == "Primary"
        }
        for oid, change in overrides.items():
            if change is None:
                rows.pop(oid)
            else:
                rows[oid].update(change)
        return m, plan_from_rows([PlanRow.from_values(r) for r in rows.values()])
    return build


def _new_long_term_chain(rec: ModelRecords) -> None:
    rec.elements["outcomes"].append({"id": "OC12", "outcome": "Fewer families in temporary housing",
                                     "timescale": "Long term", "direction": "Decrease"})
    rec.elements["outcomes"].append({"id": "OC13", "outcome": "More families get housing advice early",
                                     "timescale": "Short term", "direction": "Increase",
                                     "contributes_to": "OC12"})


def _untriggered(*ids: str) -> Callable[[ModelRecords], None]:
    def edit(rec: ModelRecords) -> None:
        for id_ in ids:
            row(rec, "mechanisms", id_)["triggered_by"] = ""
    return edit


def _labels(rec: ModelRecords) -> None:
    for mid, text in (("M1", "Whole family approach"), ("M2", "Reflective supervision"), ("M4", "Peer support")):
        row(rec, "mechanisms", mid)["mechanism"] = text


def _unmanaged(rec: ModelRecords) -> None:
    for n in rec.elements["negatives"]:
        n.update(mitigation="", monitoring="")


def _untested(rec: ModelRecords) -> None:
    for a in rec.elements["assumptions"]:
        a["how_tested"] = ""


def _no_descriptions(rec: ModelRecords) -> None:
    for c in rec.elements["components"]:
        c["description"] = ""


def _delivery_risks_only(rec: ModelRecords) -> None:
    for n, text in zip(rec.elements["negatives"], (
            "Funding ends before the service is embedded", "Low take-up of the online parenting groups",
            "Partners stop attending the weekly huddle", "Recruitment of family support workers is slow",
            "Delays in the information-sharing agreement")):
        n["consequence"] = text


LONG = "Every worker " + "completes the course and joins supervision every month. " * 60

#: code -> (case, [(ref, element_id), ...] each of which must be reported with that code)
CASES: dict[str, tuple[Case, list[tuple[str, str]]]] = {
    # structure
    "missing-sheet": (grids_case(lambda g: g.pop("Outputs")), [("Outputs", "")]),
    "missing-header-row": (grids_case(lambda g: g["Outputs"].__setitem__(2, ["a", "b", "c"])),
                           [("Outputs!A3", "")]),
    "missing-column": (grids_case(_rename_header("Outcomes", "Timescale", "When")), [("Outcomes!C3", "")]),
    "missing-field": (grids_case(_set_cell("Intervention", 5, 1, "Title of the work")), [("Intervention!A5", "")]),
    "missing-metadata": (grids_case(lambda g: g.pop("Metadata")), [("Metadata", "")]),
    "schema-version": (grids_case(_set_cell("Metadata", 2, 2, "one")), [("Metadata!B2", "")]),
    "sheet-renamed": (grids_case(lambda g: g.__setitem__("Harms", g.pop("Negative consequences"))), [("Harms", "")]),
    "structure-problem": (_extra_note(), [("Outcomes!B5", "")]),
    "diagram-out-of-date": (grids_case(lambda g: g["Metadata"].append(["diagram_fingerprint", "0" * 16])),
                            [("Diagram!A1", "")]),
    # cell values the reader noted (issue 8)
    "error-value": (grids_case(_set_cell("Outcomes", 5, 2, "#REF!")), [("Outcomes!B5", "OC2")]),
    "formula-without-value": (_extra_note("formula-without-value", "outcome: =A1&\"x\""),
                              [("Outcomes!B5", "OC2")]),
    "merged-cells": (_extra_note("merged-cells", "B5:C6"), [("Outcomes!B5", "OC2")]),
    "date-where-text-expected": (grids_case(_set_cell("Components", 4, 6, datetime.datetime(2026, 1, 2))),
                                 [("Components!F4", "C1")]),
    "number-where-text-expected": (grids_case(_set_cell("Outcomes", 5, 2, 42)), [("Outcomes!B5", "OC2")]),
    "not-a-date": (grids_case(_set_cell("Intervention", 7, 2, "next spring")), [("Intervention!B7", "")]),
    "control-characters": (grids_case(_set_cell("Components", 4, 3, "Pasted\x0bfrom case notes")),
                           [("Components!C4", "C1")]),
    # identity
    "missing-id": (records_case(setter("components", "C3", id=None)), [("Components!A6", "")]),
    "duplicate-id": (records_case(setter("components", "C3", id="C2")),
                     [("Components!A5", "C2"), ("Components!A6", "C2")]),
    "wrong-prefix": (records_case(setter("outcomes", "OC3", id="C7")), [("Outcomes!A6", "C7")]),
    "invalid-id": (records_case(setter("outcomes", "OC3", id="Outcome three")), [("Outcomes!A6", "OUTCOMETHREE")]),
    # references
    "unknown-id": (records_case(setter("mechanisms", "M2", leads_to="OC2, OC77")), [("Mechanisms!D5", "M2")]),
    "wrong-kind": (records_case(setter("mechanisms", "M1", leads_to="OC1, C1")), [("Mechanisms!D4", "M1")]),
    "self-link": (records_case(setter("outcomes", "OC4", contributes_to="OC4, OC5")), [("Outcomes!F7", "OC4")]),
    # a loop of one timescale (OC8 -> OC9 -> OC8); one closed by a longer-term outcome feeding a
    # shorter-term one is reported as contributes-backwards
    "outcome-cycle": (records_case(setter("outcomes", "OC9", contributes_to="OC8", timescale="Medium term")),
                      [("Outcomes!F12", "OC9")]),
    # completeness
    "empty-required": (records_case(setter("outcomes", "OC3", timescale="")), [("Outcomes!C6", "OC3")]),
    "invalid-choice": (records_case(setter("assumptions", "A3", confidence="Fairly sure")),
                       [("Assumptions!D6", "A3")]),
    "intervention-incomplete": (records_case(lambda r: r.intervention.update(rationale="")),
                                [("Intervention!B13", "")]),
    "no-elements": (records_case(lambda r: r.elements.update(mechanisms=[])), [("Mechanisms!A4", "")]),
    "no-timescale-outcome": (records_case(_all_timescales("Short term")), [("Outcomes!C4", "")]),
    "not-considered": (records_case(lambda r: r.elements.update(negatives=[])),
                       [("'Negative consequences'!A4", "")]),
    "no-outputs": (records_case(lambda r: r.elements.update(outputs=[])), [("Outputs!A4", "")]),
    "no-descriptions": (records_case(_no_descriptions), [("Components!C4", "")]),
    "negatives-delivery-only": (records_case(_delivery_risks_only), [("'Negative consequences'!B4", "NC1")]),
    # whole-model verdicts
    "no-causal-chain": (records_case(_untriggered("M1", "M2", "M3", "M4", "M5", "M6")), [("", "")]),
    "mostly-unlinked": (records_case(_untriggered("M1", "M2", "M3", "M4", "M5")), [("", "")]),
    "outcomes-unreachable": (records_case(_new_long_term_chain), [("", "")]),
    # logic chain
    "component-leads-nowhere": (records_case(adder("components", id="C7", component="Evening helpline for parents")),
                                [("Components!A10", "C7")]),
    "input-unused": (records_case(adder("inputs", id="IN9", resource="A play therapist", type="Staff")), [("Inputs!A12", "IN9")]),
    "mechanism-no-trigger": (records_case(setter("mechanisms", "M1", triggered_by="")), [("Mechanisms!C4", "M1")]),
    "mechanism-leads-nowhere": (records_case(setter("mechanisms", "M6", leads_to=None)), [("Mechanisms!D9", "M6")]),
    "output-no-component": (records_case(setter("outputs", "OP1", from_components="")), [("Outputs!C4", "OP1")]),
    "outcome-no-contributor": (records_case(adder("outcomes", id="OC12", outcome="More fathers take part in groups",
                                                  timescale="Medium term", direction="Increase")),
                               [("Outcomes!A15", "OC12")]),
    "outcome-unreachable": (records_case(_new_long_term_chain), [("Outcomes!A15", "OC12")]),
    "contributes-backwards": (records_case(setter("outcomes", "OC11", contributes_to="OC4")),
                              [("Outcomes!F14", "OC11")]),
    "long-term-without-earlier-step": (records_case(setter("outcomes", "OC3", contributes_to="")),
                                       [("Outcomes!A13", "OC10")]),
    "mechanism-restates": (records_case(setter("mechanisms", "M4", mechanism="Keyworkers and groups reduce "
                                               "parenting stress among parents and carers")),
                           [("Mechanisms!B7", "M4")]),
    "restated-across-sheets": (records_case(setter("components", "C6", component="Training in hybrid and "
                                                   "relationship-based practice and online safety")),
                               [("Components!B9", "C6")]),
    # wording
    "outcome-not-a-change": (records_case(setter("outcomes", "OC3", outcome="Deliver monthly hybrid practice training")),
                             [("Outcomes!B6", "OC3")]),
    "no-direction": (records_case(setter("outcomes", "OC3", direction="",
                                         outcome="Practitioner confidence in supporting families in person and online")),
                     [("Outcomes!E6", "OC3")]),
    "mechanism-no-causal-account": (records_case(setter("mechanisms", "M2", mechanism="Better joint "
                                                        "working between partners")), [("Mechanisms!B5", "M2")]),
    "compound-outcome": (records_case(setter("outcomes", "OC5", outcome="Better housing, income and confidence "
                                             "for parents")), [("Outcomes!B8", "OC5")]),
    "direction-contradicts": (records_case(setter("outcomes", "OC8", direction="Increase")),
                              [("Outcomes!E11", "OC8")]),
    "vague-statement": (records_case(setter("outcomes", "OC3", outcome="Better outcomes for staff")),
                        [("Outcomes!B6", "OC3")]),
    "placeholder": (records_case(setter("inputs", "IN2", detail="TBC with finance")), [("Inputs!D5", "IN2")]),
    "near-duplicate": (records_case(adder("outcomes", id="OC12", timescale="Short term", contributes_to="OC5",
                                          outcome="Reduced parenting stress among the parents and carers receiving "
                                                  "keyworker or group support")),
                       [("Outcomes!B15", "OC12")]),
    "text-too-long": (records_case(setter("components", "C6", description=LONG)), [("Components!C9", "C6")]),
    "negative-unmanaged": (records_case(setter("negatives", "NC2", monitoring="")),
                           [("'Negative consequences'!H5", "NC2")]),
    "assumption-untested": (records_case(setter("assumptions", "A2", how_tested="")), [("Assumptions!E5", "A2")]),
    "negatives-unmanaged": (records_case(_unmanaged), [("'Negative consequences'!G4", "")]),
    "mechanisms-unexplained": (records_case(_labels), [("Mechanisms!B4", "")]),
    "mechanism-mislinked": (records_case(adder("mechanisms", id="M7", triggered_by="C3", leads_to="OC10",
                                               mechanism="Children who receive a warm welcome at school attend more")),
                            [("Mechanisms!D10", "M7")]),
    "assumptions-untested": (records_case(_untested), [("Assumptions!E5", "")]),
    # evaluation readiness
    "primary-unmeasured": (_plan(OC9=None), [("Outcomes!G12", "OC9")]),
    "no-baseline": (_plan(OC4={"baseline": ""}), [("Outcomes!A7", "OC4")]),
    "licensed-measure": (_plan(OC5={"licence": "licensed"}), [("Outcomes!A8", "OC5")]),
    "component-no-mechanism": (records_case(setter("mechanisms", "M4", triggered_by="C1")), [("Components!B7", "C4")]),
    # questions an evaluator would ask
    "outcome-counted-by-recognition": (records_case(setter(
        "outcomes", "OC2", outcome="More disclosures of domestic abuse by pupils to school staff")),
        [("Outcomes!B5", "OC2")]),
    "outcome-moved-by-delivery": (records_case(setter("outcomes", "OC8", outcome="Fewer referrals to children's social care")),
                                  [("Outcomes!B11", "OC8")]),
    "rare-outcome-small-scale": (records_case(lambda r: r.intervention.update(reach="About 40 families a year")),
                                 [("Outcomes!B12", "OC9")]),
    "outcome-not-observable": (records_case(setter("outcomes", "OC6", outcome="Children are safer")),
                               [("Outcomes!B9", "OC6")]),
    "outcome-chosen-by-need": (records_case(lambda r: (
        r.intervention.update(target_population="Families of pupils with persistent absence from school"),
        setter("outcomes", "OC7", priority="Primary")(r))), [("Outcomes!B10", "OC7")]),
}


def test_every_registered_code_has_a_failing_case():
    assert set(CASES) == set(REGISTRY)


def test_every_rule_declares_registered_codes_and_every_code_has_a_rule():
    declared = [c for r in RULES for c in r.codes]
    assert len(declared) == len(set(declared))
    assert set(declared) == set(REGISTRY)


@pytest.fixture(scope="module")
def example_report() -> Report:
    return validate(model_of())


def test_the_worked_example_has_no_findings_at_all(example_report):
    assert example_report.valid
    assert example_report.findings == ()
    assert example_report.counts == {"error": 0, "warning": 0, "info": 0}


@pytest.mark.parametrize("code", sorted(CASES))
def test_failing_case_is_found_at_the_right_cell(code, example_report):
    build, expected = CASES[code]
    model, plan = build()
    report = validate(model, plan)
    got = [(f.ref, f.element_id) for f in report.all_findings() if f.code == code]
    for where in expected:
        assert where in got, (code, where, report.flatten(["code", "ref", "element_id"]))
    f = next(f for f in report.all_findings() if f.code == code)
    info = REGISTRY[code]
    assert f.severity == info.severity
    assert f.message and f.fix and "{" not in f.message + f.fix
    if info.severity == "error":
        assert not report.valid
    # the passing case: the worked example itself (and with a full plan, for the plan rules)
    assert code not in example_report.codes()
    if info.category == "readiness":
        m, plan = _plan()()
        assert code not in validate(m, plan).codes()


def test_findings_name_the_element_and_say_where_in_plain_words():
    rec = example()
    row(rec, "mechanisms", "M2")["leads_to"] = "OC2, OC77"
    (f,) = [f for f in validate(model_of(rec)).findings if f.code == "unknown-id"]
    assert f.sheet == "Mechanisms" and f.cell == "D5" and f.element_id == "M2"
    assert f.message == "M2 links to OC77 in 'Leads to' (Mechanisms!D5), but no row has the ID OC77."
    assert "Mechanisms!D5" in f.fix and "outcome" in f.fix


# --- near misses: things that look like defects but are not ---------------------------------------


def _codes(rec: ModelRecords | None = None, edit=None) -> set[str]:
    return validate(model_of(rec, edit)).codes()


def test_ids_in_odd_case_and_spacing_still_link():
    rec = example()
    row(rec, "mechanisms", "M1").update(triggered_by="c 1; c-03", leads_to="oc01")
    assert _codes(rec) == set()


def test_moved_columns_are_not_missing():
    def swap(g: Grids) -> None:
        for r in g["Outcomes"]:
            while len(r) < 7:
                r.append(None)
            r[1], r[5] = r[5], r[1]
    assert _codes(edit=swap) == set()


def test_similar_ids_are_not_duplicates_and_a_sheet_alias_is_not_missing():
    rec = example()
    rec.elements["components"].append({"id": "C20", "component": "Holiday activity days for children",
                                       "inputs_used": "IN4"})
    rec.elements["mechanisms"].append({"id": "M7", "mechanism": "Children who enjoy the activity days "
                                       "build friendships, so they feel less isolated over the holidays",
                                       "triggered_by": "C20", "leads_to": "OC6"})

    def rename(g: Grids) -> None:
        g["Activities"] = g.pop("Components")
    assert _codes(rec, rename) == set()


def test_a_diamond_of_outcomes_is_not_a_cycle_and_each_cycle_is_reported_once():
    rec = example()
    row(rec, "outcomes", "OC4")["contributes_to"] = "OC5, OC6, OC8"  # diamond into OC9
    assert "outcome-cycle" not in _codes(rec) and "contributes-backwards" not in _codes(rec)
    # two separate loops of one timescale each: OC5 -> OC6 -> OC5 and OC7 -> OC8 -> OC7
    row(rec, "outcomes", "OC6")["contributes_to"] = "OC5"
    row(rec, "outcomes", "OC5")["contributes_to"] = "OC9, OC6"
    row(rec, "outcomes", "OC8")["contributes_to"] = "OC7"
    row(rec, "outcomes", "OC7")["contributes_to"] = "OC9, OC8"
    cycles = [f for f in validate(model_of(rec)).findings if f.code == "outcome-cycle"]
    found = [(f.ref, f.message) for f in cycles]
    # each said at the link back from the outcome that leads on beyond its loop (OC5 and OC7 lead on
    # to OC9; OC6 and OC8 only into the loop)
    assert [r for r, _ in found] == ["Outcomes!F8", "Outcomes!F10"]
    assert cycles[0].fix.startswith("Remove OC6 from OC5's 'Contributes to' (Outcomes!F8)")
    assert "OC8 -> OC7 -> OC8" in found[1][1]
    assert found[0][1].startswith("The outcomes OC6 -> OC5 -> OC6 form a loop")


def test_loops_closed_by_backwards_links_are_each_reported_once_at_that_link():
    rec = example()
    # OC9 -> OC4 -> OC5 -> OC9 and OC10 -> OC3 -> OC10, each closed by a long-term outcome
    row(rec, "outcomes", "OC9")["contributes_to"] = "OC4"
    row(rec, "outcomes", "OC10")["contributes_to"] = "OC3"
    found = [f for f in validate(model_of(rec)).findings if f.code in ("outcome-cycle", "contributes-backwards")]
    assert [(f.code, f.ref, f.severity) for f in found] == [
        ("contributes-backwards", "Outcomes!F12", "error"), ("contributes-backwards", "Outcomes!F13", "error")]
    assert "closes the loop OC4 -> OC5 -> OC9 -> OC4" in found[0].message
    assert "closes the loop OC3 -> OC10 -> OC3" in found[1].message


def test_a_two_outcome_loop_is_one_finding():
    rec = example()
    row(rec, "outcomes", "OC9")["contributes_to"] = "OC8"  # OC8 -> OC9 -> OC8, closed by long term OC9
    found = [f for f in validate(model_of(rec)).findings if f.code in ("outcome-cycle", "contributes-backwards")]
    # medium and long term, each feeding the other: a circle (session 13, TUNED ON held out 30)
    assert [(f.code, f.ref) for f in found] == [("outcome-cycle", "Outcomes!F12")]
    row(rec, "outcomes", "OC8")["timescale"] = "Short term"  # a long-term outcome feeding a short-term one
    found = [f for f in validate(model_of(rec)).findings if f.code in ("outcome-cycle", "contributes-backwards")]
    assert [(f.code, f.ref) for f in found] == [("contributes-backwards", "Outcomes!F12")]
    row(rec, "outcomes", "OC8")["timescale"] = "Medium term"
    row(rec, "outcomes", "OC9")["timescale"] = "Medium term"  # one timescale: a loop
    found = [f for f in validate(model_of(rec)).findings if f.code in ("outcome-cycle", "contributes-backwards")]
    assert [(f.code, f.ref) for f in found] == [("outcome-cycle", "Outcomes!F12")]


def test_direction_in_the_text_is_enough():
    rec = example()
    row(rec, "outcomes", "OC3").update(direction="", outcome="Practitioners feel more confident online")
    assert _codes(rec) == set()


def test_weak_assumption_with_a_test_plan_and_strong_one_without_are_fine():
    rec = example()
    row(rec, "assumptions", "A1")["how_tested"] = ""  # strong: no test plan needed
    assert _codes(rec) == set()
    row(rec, "assumptions", "A1")["confidence"] = ""  # not rated: needs one
    assert "assumption-untested" in _codes(rec)


def test_negative_with_only_mitigation_missing_is_reported_at_that_cell():
    rec = example()
    row(rec, "negatives", "NC1")["mitigation"] = None
    got = [(f.code, f.ref) for f in validate(model_of(rec)).findings]
    assert got == [("negative-unmanaged", "'Negative consequences'!G4")]


def test_an_outcome_may_start_with_a_past_participle():
    rec = example()
    row(rec, "outcomes", "OC3")["outcome"] = "Trained practitioners feel more confident online"
    row(rec, "outcomes", "OC2")["outcome"] = "Established trust between partners, so concerns are shared sooner"
    assert _codes(rec) == set()
    row(rec, "outcomes", "OC3")["outcome"] = "Running hybrid practice workshops for practitioners"
    assert "outcome-not-a-change" in _codes(rec)


def test_outputs_may_be_counts_but_outcomes_may_not():
    rec = example()
    row(rec, "outcomes", "OC3").update(outcome="Number of practitioners trained in hybrid practice")
    got = [f for f in validate(model_of(rec)).findings if f.code == "outcome-not-a-change"]
    assert len(got) == 1 and "output" in got[0].message
    assert all(o.get("output", "").startswith("Number of") for o in example().elements["outputs"])


def test_a_missing_column_is_reported_once_and_not_as_empty_cells():
    rep = validate(model_of(edit_grids=_rename_header("Outcomes", "Timescale", "When")))
    assert rep.flatten(["code", "ref"]) == [("missing-column", "Outcomes!C3")]


def test_a_deleted_column_points_at_the_header_row():
    def drop(g: Grids) -> None:
        for r in g["Mechanisms"][2:]:
            del r[2]  # Triggered by
    rep = validate(model_of(edit_grids=drop))
    assert ("missing-column", "Mechanisms!A3") in rep.flatten(["code", "ref"])
    assert "mechanism-no-trigger" not in rep.codes()


def test_blank_model_lists_what_is_missing_without_stopping():
    rep = validate(model_of(ModelRecords()))
    assert rep.codes() == {"intervention-incomplete", "no-elements", "not-considered"}
    assert rep.counts["error"] == 8 and rep.counts["warning"] == 2


def test_placeholders_are_found_in_any_text_cell():
    rec = example()
    rec.intervention["evidence_base"] = "[insert references here]"
    row(rec, "components", "C2")["dose"] = "xxx"
    row(rec, "negatives", "NC3")["who_affected"] = "e.g."
    row(rec, "outputs", "OP2")["target"] = "TBC"
    got = {f.ref for f in validate(model_of(rec)).findings if f.code == "placeholder"}
    assert got == {"Intervention!B15", "Components!F5", "'Negative consequences'!C6", "Outputs!D5"}


def test_text_that_contains_an_example_or_tbc_in_passing_is_not_a_placeholder():
    rec = example()
    row(rec, "negatives", "NC3")["who_affected"] = "Parents, e.g. those with past involvement"
    row(rec, "inputs", "IN2")["detail"] = ("Funding for the analyst post is confirmed; the coordinator's "
                                           "hours are TBC at the March budget meeting")
    assert _codes(rec) == set()


def test_print_limit_grows_with_column_width():
    assert print_limit(46) > print_limit(24) > 0


# --- report --------------------------------------------------------------------------------------


def test_report_counts_sorting_and_json_shape():
    rec = example()
    row(rec, "outcomes", "OC3")["timescale"] = ""
    rec.elements["components"].append({"id": "c 2", "component": "Holiday clubs for children"})
    rec.intervention["evidence_base"] = "TBC"
    rep = validate(model_of(rec))
    assert rep.counts == {"error": 3, "warning": 1, "info": 0} and not rep.valid
    sheets = [f.sheet for f in rep.findings]
    assert sheets == ["Intervention", "Components", "Components", "Outcomes"]
    assert list(rep.by_sheet()) == ["Intervention", "Components", "Outcomes"]
    assert [f.severity for f in rep.at_or_above("error")] == ["error"] * 3
    data = rep.to_dict()
    assert set(data) == {"format", "source", "checked_at", "valid", "verdict", "counts", "findings"}
    assert set(data["findings"][0]) == {"code", "severity", "category", "title", "sheet", "cell", "ref",
                                        "element_id", "message", "fix", "details"}
    assert rep.summary() == "3 errors, 1 warning, 0 notes"
    assert all(s in SEVERITIES for s in rep.counts)


# --- near-duplicates at scale --------------------------------------------------------------------


def test_near_duplicate_search_is_exact_and_fast_on_thousands_of_statements():
    words = ["parents", "children", "schools", "stress", "confidence", "attendance", "housing",
             "wellbeing", "safety", "trust", "support", "contact"]
    texts = [f"Improved {a} and {b} for families in area {n}"
             for n, (a, b) in enumerate(itertools.islice(itertools.cycle(itertools.permutations(words, 2)), 2000))]
    texts.append(texts[10] + " too")  # a true near-duplicate of #10
    stats: dict[str, int] = {}
    pairs = similar_pairs(texts, stats=stats)
    assert pairs == [(10, 2000)]
    assert stats["verified"] <= 2 * len(texts)  # not every pair (about 2 million) is compared
    # against brute force on a sample
    sample = texts[:150] + [texts[3] + " today", texts[40], "Improved parents and children", "Improved",
                            "improved parents children", "Improved parents, children and schools"]
    fast = set(similar_pairs(sample))
    from lm_excel.checks.wording import _token_set

    sets = [_token_set(t) for t in sample]
    slow = set()
    for j in range(len(sample)):
        for i in range(j):
            inter = len(sets[i] & sets[j])
            if inter / len(sets[i] | sets[j]) >= 0.8:
                slow.add((i, j))
                break
    assert fast == slow and fast


def test_plan_rows_shaped_like_the_measures_plan_sheet():
    """Rows keyed by the element's ID in ``ref``, licence as free text, cells on the plan sheet."""
    m = model_of()
    plan_cell = CellRef("Measures plan", "K7")
    rows = [
        PlanRow(ref=o.id, measure_key="wemwbs", measure="WEMWBS", baseline="At referral",
                licence="Free (registration)")
        for o in m.outcomes if o.text("priority") == "Primary" and o.id != "OC5"
    ]
    rows.append(PlanRow(ref="oc5", measure_key="psi4", measure="Parenting Stress Index",
                        baseline="", licence="Licensed: fee per use",
                        cells={"baseline": plan_cell, "licence": CellRef("Measures plan", "O7")}))
    rep = validate(m, plan_from_rows(rows))
    assert rep.flatten(["code", "ref", "element_id"]) == [
        ("no-baseline", "'Measures plan'!K7", "OC5"),
        ("licensed-measure", "'Measures plan'!O7", "OC5"),
    ]
    assert rep.valid and rep.counts == {"error": 0, "warning": 1, "info": 1}
    assert "Parenting Stress Index" in rep.findings[0].message


@pytest.mark.parametrize("sheet", ["Inputs", "Components", "Outputs", "Mechanisms", "Outcomes",
                                   "Context factors", "Assumptions", "Negative consequences"])
def test_an_unreadable_sheet_is_one_finding_not_a_cascade(sheet):
    def wipe(g: Grids) -> None:
        g[sheet][L.HEADER_ROW - 1] = ["x"] * 3
    rep = validate(model_of(edit_grids=wipe))
    assert rep.flatten(["code", "ref"]) == [("missing-header-row", f"{quote(sheet)}!A3")]


@pytest.mark.parametrize("sheet", ["Inputs", "Outputs", "Context factors", "Assumptions", "Negative consequences"])
def test_a_missing_optional_sheet_is_one_finding(sheet):
    # C7 only produces an output and IN9 is used by C7 alone: without the Outputs sheet nothing
    # says what C7 achieves, which must not cascade into 'component leads nowhere' (issue 19). (C7
    # enables the rest, so it needs no mechanism of its own: 'component-no-mechanism'.)
    rec = example()
    rec.elements["components"].append({"id": "C7", "component": "Recruitment of evening volunteers",
                                       "description": "Volunteers for a phone line open until 10pm",
                                       "inputs_used": "IN9"})
    rec.elements["inputs"].append({"id": "IN9", "resource": "A phone line", "detail": "One mobile phone"})
    row(rec, "outputs", "OP1")["from_components"] = "C1, C7"
    assert validate(model_of(rec)).findings == ()
    rep = validate(model_of(rec, edit_grids=lambda g: g.pop(sheet)))
    assert rep.flatten(["code", "ref"]) == [("missing-sheet", sheet)]


@pytest.mark.parametrize(("sheet", "header"), [("Mechanisms", "Triggered by"), ("Mechanisms", "Leads to"),
                                               ("Outputs", "From components"), ("Components", "Inputs used"),
                                               ("Outcomes", "Contributes to")])
def test_a_renamed_link_column_is_one_finding(sheet, header):
    rep = validate(model_of(edit_grids=_rename_header(sheet, header, "Links")))
    assert rep.codes() == {"missing-column"} and len(rep.findings) == 1


def quote(sheet: str) -> str:
    return f"'{sheet}'" if " " in sheet else sheet
