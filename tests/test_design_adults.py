"""Individual parents or other adults as a unit of delivery (issue 18, item 6): Pause works with
individual women, the Family Nurse Partnership with young mothers, Caring Dads with fathers.
Such a cohort is compared person to person, like other cohorts; the choice is offered by the
workbook and kept when an older workbook gets it."""

from __future__ import annotations

import openpyxl

from lm_excel import layout as L
from lm_excel.measures.design import MeasureUse, read_setting, recommend
from lm_excel.usecases.plan import build_plan, plan_of
from lm_excel.workbook.builder import build_workbook
from lm_excel.workbook.reader import read_workbook

from .modelkit import example, example_delivered, model_of

ADULTS = "Individual parents or other adults"
STRESS = MeasureUse("OC4", "outcome", "Parental Stress Scale", "validated instrument", True, "pss")
PROCESS = MeasureUse("OP1", "process", "Output count from management information",
                     "administrative", key="output_count")


def _design(**intervention):
    return recommend(model_of(example_delivered(**intervention)), [STRESS, PROCESS])


def test_the_choice_is_offered_and_read_as_a_cohort_of_adults():
    assert ADULTS in L.LISTS["delivery_unit"]
    records = example()
    records.intervention.update(delivery_unit=ADULTS, reach="80 women a year")
    assert read_setting(model_of(records)).unit == "adults"


def test_a_cohort_of_adults_gets_a_matched_comparison_of_adults_not_of_children():
    d = _design(delivery_unit=ADULTS, reach="120", nation="England", allocation="No")
    first = d.strands[0]
    assert first.title == "Matched comparison group of parents or other adults"
    assert "children or young people" not in first.detail + first.why
    assert "families" not in first.title
    assert d.evidence_level.startswith("EIF level 3")


def test_a_cohort_of_adults_offered_places_by_lot_gets_a_trial():
    d = _design(delivery_unit=ADULTS, reach="150", nation="Wales",
                allocation="Yes, by lot (at random)")
    assert d.strands[0].title == "Randomised controlled trial"
    assert "individual parents or other adults" in d.strands[0].why


def test_few_adults_is_a_pilot_and_an_unstated_reach_is_asked_for():
    d = _design(delivery_unit=ADULTS, reach="25", nation="Scotland")
    assert d.strands[0].title == "Pilot now, comparison later"
    assert "25 parents or other adults" in d.strands[0].detail
    d = _design(delivery_unit=ADULTS, nation="Scotland")
    assert any("how many parents or other adults it reaches a year" in g.plain for g in d.missing)


def test_an_older_workbooks_dropdown_gains_the_choice_when_the_plan_is_written(tmp_path):
    """A workbook built before the choice existed keeps every value, and the copy the plan
    writes offers the new choice in the Unit of delivery dropdown."""
    path = build_workbook(tmp_path / "old.xlsx", example())
    wb = openpyxl.load_workbook(path)
    ws = wb[L.LISTS_SHEET]
    col = next(c.column for c in ws[1] if c.value == "delivery_unit")
    old = [v for v in L.LISTS["delivery_unit"] if v != ADULTS]
    for r in range(2, ws.max_row + 1):
        ws.cell(row=r, column=col).value = None
    for r, value in enumerate(old, start=2):
        ws.cell(row=r, column=col).value = value
    letter = openpyxl.utils.get_column_letter(col)
    wb.defined_names["list_delivery_unit"].attr_text = \
        f"{L.LISTS_SHEET}!${letter}$2:${letter}${len(old) + 1}"
    wb.save(path)
    before = read_workbook(path)

    written = build_plan(path).written[-1]
    wb = openpyxl.load_workbook(written)
    ref = wb.defined_names["list_delivery_unit"].attr_text
    sheet, cells = ref.split("!")
    first, last = cells.replace("$", "").split(":")
    offered = [c.value for row in wb[sheet][first:last] for c in row]
    assert offered == list(L.LISTS["delivery_unit"])
    after = read_workbook(written)
    assert after.intervention.values() == before.intervention.values()  # every value kept
    assert plan_of(after).rows  # and it still plans
