"""The commands working together: plan -> share -> partner edits -> merge -> plan; check with a plan."""

from __future__ import annotations

import json
import shutil

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from lm_excel import layout as L
from lm_excel.usecases.plan import plan_of
from lm_excel.workbook.plan_sheet import read_plan, write_plan
from lm_excel.exchange.merge import merge_files
from lm_excel.exchange.share import share_file
from lm_excel.workbook.reader import read_workbook

from .conftest import run_cli

HEADERS = [c.header for c in L.PLAN_COLUMNS]


def _plan_rows(path):
    plan = read_plan(read_workbook(path).extras[L.MEASURES_PLAN.name])
    return [{**r.values(), "_row": r.sheet_row} for r in plan.rows], plan.tracked


def _first(rows, ref):
    return next(r for r in rows if r["ref"] == ref)


def _set_plan_cell(path, ref, header, value):
    wb = openpyxl.load_workbook(path)
    ws = wb[L.MEASURES_PLAN.name]
    col = HEADERS.index(header) + 1
    row = next(r for r in range(L.HEADER_ROW + 1, ws.max_row + 1) if ws.cell(r, 1).value == ref)
    ws.cell(row, col).value = value
    wb.save(path)


def _add_my_measure(path, values):
    wb = openpyxl.load_workbook(path)
    ws = wb[L.MY_MEASURES.name]
    headers = [c.header for c in L.MY_MEASURES.columns]
    row = L.HEADER_ROW + 1
    while ws.cell(row, 1).value not in (None, ""):
        row += 1
    for key, value in values.items():
        col = next(i for i, c in enumerate(L.MY_MEASURES.columns, start=1) if c.key == key)
        assert headers[col - 1]
        ws.cell(row, col).value = value
    wb.save(path)


def _assert_plan_sheet_is_the_writers(path):
    """Dropdowns, hidden columns, the named list of measures and the Generated record are there."""
    wb = openpyxl.load_workbook(path)
    ws = wb[L.MEASURES_PLAN.name]
    assert [c.value for c in ws[L.HEADER_ROW]][:len(HEADERS)] == HEADERS
    formulas = {dv.formula1 for dv in ws.data_validations.dataValidation if dv.formula1}
    assert {f"=list_{L.PLAN_MEASURE_LIST}", "=list_plan_status"} <= formulas
    for key in L.PLAN_HIDDEN:
        idx = next(i for i, c in enumerate(L.PLAN_COLUMNS, start=1) if c.key == key)
        assert ws.column_dimensions[get_column_letter(idx)].hidden, key
    assert f"list_{L.PLAN_MEASURE_LIST}" in wb.defined_names
    lists = wb[L.LISTS_SHEET]
    col = next(c.column for c in lists[1] if c.value == L.PLAN_MEASURE_LIST)
    names = [lists.cell(r, col).value for r in range(2, lists.max_row + 1)]
    assert ws.cell(L.HEADER_ROW, 1).font.b  # the header keeps the writer's formatting
    return names


@pytest.fixture()
def planned(tmp_path, example_xlsx):
    """The worked example with its measures plan written in."""
    out = tmp_path / "model.xlsx"
    write_plan(example_xlsx, plan_of(read_workbook(example_xlsx)), out)
    return out


def test_share_keeps_the_plan_sheet_as_the_plan_writer_made_it(tmp_path, planned):
    copy = share_file(planned, tmp_path / "copy.xlsx", sender="Sam", to="Health", by="sam").path
    _assert_plan_sheet_is_the_writers(copy)
    before, _ = _plan_rows(planned)
    after, has_generated = _plan_rows(copy)
    assert has_generated
    assert [{k: r[k] for k in ("ref", "measure", "generated")} for r in after] == [
        {k: r[k] for k in ("ref", "measure", "generated")} for r in before]


def test_plan_edits_and_my_measures_survive_share_merge_and_a_rebuild(tmp_path, planned):
    sent = share_file(planned, tmp_path / "sent.xlsx", sender="Sam", to="Health", by="sam").path
    theirs = tmp_path / "theirs.xlsx"
    shutil.copy(sent, theirs)
    _set_plan_cell(theirs, "OC5", "Responsible", "Health visiting data team")
    _set_plan_cell(theirs, "OC8", "Status", "Agreed")
    _add_my_measure(theirs, {"id": "MM9", "name": "Bike club attendance register",
                             "kind": "Administrative", "keywords": "bike club"})
    mine = tmp_path / "mine.xlsx"
    shutil.copy(sent, mine)
    _set_plan_cell(mine, "OC9", "Notes", "Ask the performance team")

    merged = merge_files(sent, mine, theirs, tmp_path / "merged.xlsx", by="sam").path
    names = _assert_plan_sheet_is_the_writers(merged)
    rows, has_generated = _plan_rows(merged)
    assert has_generated
    assert _first(rows, "OC5")["responsible"] == "Health visiting data team"
    assert _first(rows, "OC8")["status"] == "Agreed"
    assert _first(rows, "OC9")["notes"] == "Ask the performance team"
    assert "Parental Stress Scale" in names
    # The merge writes only merged cells into MINE: the dropdown's hidden list follows from My
    # measures and is refreshed by the next `lm-excel plan` (below), not by the merge.
    before = [e.text("name") for e in read_workbook(planned).my_measures]
    assert before  # the worked example has measures of its own
    assert [e.text("name") for e in read_workbook(merged).my_measures] == [
        *before, "Bike club attendance register"]

    proc = run_cli("plan", str(merged), "-o", str(tmp_path / "rebuilt.xlsx"))
    assert proc.returncode == 0, proc.stderr
    assert "Your changes kept: 3 cells, 0 rows" in proc.stdout
    names = _assert_plan_sheet_is_the_writers(tmp_path / "rebuilt.xlsx")
    assert "Bike club attendance register" in names  # My measures joined the dropdown
    rows, _ = _plan_rows(tmp_path / "rebuilt.xlsx")
    assert _first(rows, "OC5")["responsible"] == "Health visiting data team"
    assert _first(rows, "OC8")["status"] == "Agreed"
    assert _first(rows, "OC9")["notes"] == "Ask the performance team"
    gen = json.loads(_first(rows, "OC5")["generated"])
    assert gen["responsible"] != "Health visiting data team"  # still recorded as the user's edit


def test_a_plan_conflict_links_to_the_cell_holding_the_kept_value(tmp_path, planned):
    sent = share_file(planned, tmp_path / "sent.xlsx", sender="Sam", by="sam").path
    mine, theirs = tmp_path / "mine.xlsx", tmp_path / "theirs.xlsx"
    shutil.copy(sent, mine)
    shutil.copy(sent, theirs)
    _set_plan_cell(mine, "OC6", "Target", "Up 2 points")
    _set_plan_cell(theirs, "OC6", "Target", "Up 5 points")
    res = merge_files(sent, mine, theirs, tmp_path / "merged.xlsx", by="sam")
    cells = [c.cell for c in res.result.conflicts if c.sheet == L.MEASURES_PLAN.name]
    assert len(cells) == 1
    sheet, addr = cells[0].rsplit("!", 1)
    assert sheet.strip("'") == L.MEASURES_PLAN.name
    ws = openpyxl.load_workbook(res.path)[L.MEASURES_PLAN.name]
    assert ws[addr].value == "Up 2 points"


# --- check reads the plan in the workbook ------------------------------------------------------


def _check_json(path):
    proc = run_cli("check", str(path), "--json")
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def _codes(report, code):
    return [f for f in report["findings"] if f["code"] == code]


def test_check_runs_the_readiness_rules_against_the_plan_in_the_workbook(tmp_path, planned,
                                                                        example_xlsx):
    assert not [f for f in _check_json(planned)["findings"] if f["category"] == "readiness"]
    rows, _ = _plan_rows(planned)
    primary = next(r for r in rows if r["row_type"] == "Outcome (primary)")
    other = next(r for r in rows if r["row_type"].startswith("Outcome") and r is not primary)
    _set_plan_cell(planned, primary["ref"], "Measure", "")
    _set_plan_cell(planned, primary["ref"], "Measure key", "")
    _set_plan_cell(planned, other["ref"], "Baseline", "")
    _set_plan_cell(planned, other["ref"], "Licence and cost", "Paid: per copy")

    report = _check_json(planned)
    unmeasured = _codes(report, "primary-unmeasured")
    assert [f["element_id"] for f in unmeasured] == [primary["ref"]]
    baseline = _codes(report, "no-baseline")
    col = get_column_letter(HEADERS.index("Baseline") + 1)
    assert [(f["element_id"], f["sheet"], f["cell"]) for f in baseline] == [
        (other["ref"], L.MEASURES_PLAN.name, f"{col}{other['_row']}")]
    assert [f["element_id"] for f in _codes(report, "licensed-measure")] == [other["ref"]]
    # a workbook without a plan: the readiness rules are not run
    assert not [f for f in _check_json(example_xlsx)["findings"] if f["category"] == "readiness"]


def test_the_demo_example_with_its_plan_checks_clean(tmp_path):
    proc = run_cli("demo", str(tmp_path / "demo"))
    assert proc.returncode == 0, proc.stderr
    workbook = tmp_path / "demo" / "example-logic-model.xlsx"
    assert _plan_rows(workbook)[0]  # the demo wrote the plan into it
    report = _check_json(workbook)
    assert report["findings"] == []


def test_a_column_a_partner_adds_to_the_plan_survives_the_merge(tmp_path, planned):
    sent = share_file(planned, tmp_path / "sent.xlsx", sender="Sam", by="sam").path
    mine, theirs = tmp_path / "mine.xlsx", tmp_path / "theirs.xlsx"
    shutil.copy(sent, mine)
    shutil.copy(sent, theirs)
    wb = openpyxl.load_workbook(theirs)
    ws = wb[L.MEASURES_PLAN.name]
    extra_col = len(HEADERS) + 1
    ws.cell(L.HEADER_ROW, extra_col).value = "Health lead"
    row = next(r for r in range(L.HEADER_ROW + 1, ws.max_row + 1) if ws.cell(r, 1).value == "OC5")
    cell = ws.cell(row, extra_col)
    cell.value = "=Dr Shah"  # text that looks like a formula (typed as text): must stay text
    cell.data_type = "s"
    wb.save(theirs)
    res = merge_files(sent, mine, theirs, tmp_path / "merged.xlsx", by="sam")
    ws = openpyxl.load_workbook(res.path)[L.MEASURES_PLAN.name]
    assert ws.cell(L.HEADER_ROW, extra_col).value == "Health lead"
    row = next(r for r in range(L.HEADER_ROW + 1, ws.max_row + 1) if ws.cell(r, 1).value == "OC5")
    assert ws.cell(row, extra_col).value == "=Dr Shah"
    assert ws.cell(row, extra_col).data_type == "s"
    _assert_plan_sheet_is_the_writers(res.path)
