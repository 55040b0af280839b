"""The Nation set after the plan was built (issue 18): a plan built while the Intervention sheet's
Nation was blank names the English collections and measures; once the user sets the Nation and
rebuilds, everything that depends on it follows (each measure's name in that nation, its data
source, the comparators of the design), whatever the face: ``lm-excel plan``, the Build
measures plan button (xlwings) and the xlwings Lite script give the same plan."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from lm_excel import layout as L
from lm_excel import xl
from lm_excel.usecases import build_plan
from lm_excel.workbook.builder import build_workbook
from lm_excel.workbook.plan_sheet import plan_values
from lm_excel.workbook.reader import read_grids

from .conftest import run_cli
from .modelkit import example
from .test_lite import _lite, lite_book
from .test_xl import _written_grid, remote_book

ENGLISH = re.compile(r"CIN census|SSDA903|NCCIS|workforce census|(^|;\s*)school census|"
                     r"Section 47|child in need plan|Child protection plans", re.IGNORECASE)
KEYS = [c.key for c in L.PLAN_COLUMNS]


@pytest.fixture(autouse=True)
def remote_engine_licence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")  # tests only (see test_xl)


def _set_nation(path: Path, nation: str, out: Path) -> Path:
    """Type the Nation on the Intervention sheet, as a user would in Excel."""
    wb = openpyxl.load_workbook(path)
    ws = wb[L.INTERVENTION.name]
    keys = [f.key for f in L.INTERVENTION.fields]
    ws.cell(L.INTERVENTION.first_row + keys.index("nation"), 2).value = nation
    wb.save(out)
    return out


@pytest.fixture(scope="module")
def set_later(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with an outcome measured by child protection plans: its plan built with the
    Nation blank, then the Nation set to Scotland (not rebuilt yet)."""
    folder = tmp_path_factory.mktemp("nation-later")
    records = example()
    records.intervention["nation"] = ""
    for rec in records.elements["outcomes"]:
        if rec.get("id") == "OC6":
            rec.update(outcome="Fewer children need a child protection plan", who_benefits="")
    path = build_workbook(folder / "model.xlsx", records)
    build_plan(path, in_place=True)
    return _set_nation(path, "Scotland", folder / "later.xlsx")


def _rows(grid: list[list[object]]) -> list[dict[str, str]]:
    return [dict(zip(KEYS, r)) for r in plan_values(grid)]


def _design(grid: list[list[object]]) -> str:
    return " ".join(str(v) for r in grid for v in r if isinstance(v, str) and "Why:" in v)


def test_before_the_rebuild_the_saved_plan_is_english(set_later: Path):
    rows = _rows(read_grids(set_later)[L.MEASURES_PLAN.name])
    assert any(ENGLISH.search(r["data_source"]) for r in rows)
    assert "Child protection plans" in [r["measure"] for r in rows]


def test_every_face_rebuilds_the_plan_for_the_nation_set_later(set_later: Path, tmp_path: Path):
    out = tmp_path / "cli.xlsx"
    res = run_cli("plan", str(set_later), "-o", str(out))
    assert res.returncode == 0, res.stderr
    cli = read_grids(out)[L.MEASURES_PLAN.name]
    button = remote_book(set_later)
    xl.measures_plan(button)
    lite = lite_book(set_later)
    _lite().lm_build_measures_plan(lite)
    faces = {"cli": cli, "button": _written_grid(button, L.MEASURES_PLAN.name),
             "lite": _written_grid(lite, L.MEASURES_PLAN.name)}
    plans = {face: _rows(grid) for face, grid in faces.items()}
    assert plans["button"] == plans["cli"] and plans["lite"] == plans["cli"]
    rows = plans["cli"]
    for r in rows:
        assert not ENGLISH.search(f"{r['measure']} {r['alternatives']} {r['data_source']}"), r
    measures = {r["measure"] for r in rows}
    assert {"Children on the child protection register",
            "Children starting to be looked after"} <= measures
    assert any(r["data_source"] == "No national equivalent in Scotland: collect locally"
               for r in rows)
    designs = {face: _design(grid) for face, grid in faces.items()}
    assert designs["button"] == designs["cli"] == designs["lite"]
    assert "similar councils" in designs["cli"] and "statistical neighbours" not in designs["cli"]
    assert not ENGLISH.search(designs["cli"]) and "DfE" not in designs["cli"]


def test_a_measure_the_user_typed_by_its_english_name_is_still_the_librarys(set_later: Path,
                                                                             tmp_path: Path):
    """A user who chose "Child protection plans" by hand before the Nation was set keeps that
    choice; it is recognised as the library's measure, with Scotland's source, not flagged as
    a measure the library does not hold."""
    wb = openpyxl.load_workbook(set_later)
    ws = wb[L.MEASURES_PLAN.name]
    col = {c.value: c.column for c in ws[L.HEADER_ROW]}
    headers = {c.key: c.header for c in L.PLAN_COLUMNS}
    oc8 = next(r for r in range(L.HEADER_ROW + 1, ws.max_row + 1)
               if ws.cell(r, col[headers["ref"]]).value == "OC8")
    ws.cell(oc8, col[headers["measure"]]).value = "Child protection plans"
    wb.save(tmp_path / "typed.xlsx")
    plan = build_plan(tmp_path / "typed.xlsx", tmp_path / "typed-plan.xlsx").plan
    row = next(r for r in plan.rows if r.ref == "OC8")
    assert row.measure == "Child protection plans" and row.measure_key == "cp_plans"
    assert "register" in row.data_source and "not in the library" not in row.check


def test_a_plan_not_yet_rebuilt_says_to_rebuild_it(set_later: Path):
    """Checked or reported before the rebuild, the plan is the one the user left, and its design
    says plainly that its rows still name English collections and how to put that right."""
    from lm_excel.usecases.check import check_model
    from lm_excel.workbook.reader import read_workbook

    _report, plan = check_model(read_workbook(set_later))
    evidence = plan.design[-1]
    assert "Rebuild the plan" in evidence.detail and "CIN census" in evidence.detail
    assert "built before the Nation was set to Scotland" in evidence.plain
    assert "similar councils" in " ".join(s.detail for s in plan.design)
    rebuilt = build_plan(set_later, set_later.with_name("rebuilt.xlsx")).plan
    assert not any("Rebuild the plan" in s.detail for s in rebuilt.design)


def test_the_rebuild_note_is_only_for_the_librarys_measures():
    """A measure of the user's own (My measures) whose data source they typed as "school census"
    stays as typed whatever the Nation: rebuilding would not change it, so no note asks to."""
    from lm_excel.measures.design import MeasureUse, recommend

    from .modelkit import model_of

    records = example()
    records.intervention.update({"nation": "Scotland", "delivery_unit": "Whole local authority"})
    own = MeasureUse("OC7", "outcome", "Our attendance count", "administrative", True,
                     "local_m1", "school census")
    shipped = MeasureUse("OC7", "outcome", "School attendance and persistent absence",
                         "administrative", True, "school_attendance", "school census")
    assert not any("Rebuild the plan" in g.fix for g in recommend(model_of(records), [own]).missing)
    assert any("Rebuild the plan" in g.fix for g in recommend(model_of(records), [shipped]).missing)
