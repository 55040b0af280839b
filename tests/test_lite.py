"""xlwings Lite: ``lm-excel new --lite`` and the three scripts of lm_excel.lite.

The scripts run on xlwings' remote engine (a real xw.Book built from a workbook's values, no
Excel), the way the add-in hands them a workbook; the Check script also runs inside Pyodide in
tests/test_lite_pyodide.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from lm_excel import layout as L
from lm_excel.workbook.addin import MAIN_PY, read_settings
from lm_excel.workbook.buttons import BUTTONS, xlwings_package_version
from lm_excel.workbook.reader import read_workbook

from .conftest import ROOT, run_cli
from .test_xl import actions, payload_from, status_written, writes_to

XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"


@pytest.fixture(autouse=True)
def remote_engine_licence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")  # tests only (remote engine)


@pytest.fixture(scope="module")
def lite_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("lite") / "Family Connect.xlsx"
    res = run_cli("new", str(out), "--lite", "--example")
    assert res.returncode == 0, res.stderr
    return out


def _lite():
    """lm_excel.lite, imported after the licence variable is set (xlwings reads it on import)."""
    import lm_excel.lite

    return lm_excel.lite


def lite_book(path: Path, **kw):
    import xlwings as xw

    return xw.Book(json=payload_from(path, fullname=path.name, **kw))


# --- lm-excel new --lite ------------------------------------------------------------------------


def _cell_of(anchor: ET.Element) -> str:
    col = int(anchor.find(f"{XDR}from/{XDR}col").text)
    row = int(anchor.find(f"{XDR}from/{XDR}row").text)
    return f"{chr(65 + col)}{row + 1}"


def test_new_lite_has_three_named_buttons_linked_to_the_cells_they_cover(lite_example):
    with zipfile.ZipFile(lite_example) as zf:
        drawing = ET.fromstring(zf.read("xl/drawings/drawing1.xml"))
        rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(zf.read("xl/drawings/_rels/drawing1.xml.rels"))}
    anchors = drawing.findall(f"{XDR}twoCellAnchor")
    assert len(anchors) == len(BUTTONS) + 1 == 4  # the buttons, then the note under them
    note = anchors[-1].find(f"{XDR}sp/{XDR}nvSpPr/{XDR}cNvPr")
    assert note.get("name") == "LmLiteNote" and "xlwings Lite add-in" in "".join(
        t.text for t in anchors[-1].iter("{http://schemas.openxmlformats.org/drawingml/2006/main}t"))
    for anchor, button in zip(anchors, BUTTONS):
        pr = anchor.find(f"{XDR}sp/{XDR}nvSpPr/{XDR}cNvPr")
        assert pr.get("name") == button.macro
        link = pr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}hlinkClick")
        rid = link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        assert rels[rid] == f"#{L.START.name}!{button.cell}"
        assert _cell_of(anchor) == button.cell, "the shape must cover the cell it links to"
        text = "".join(t.text for t in anchor.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}t"))
        assert text == button.caption


def test_new_lite_carries_main_py_and_pinned_requirements(lite_example, tmp_path):
    settings = read_settings(lite_example)
    assert settings["main.py"] == MAIN_PY == "from lm_excel.lite import *\n"
    assert settings["requirements.txt"].splitlines() == [f"xlwings=={xlwings_package_version()}",
                                                         "lm-excel==0.1.0"]
    assert settings["pyodideVersion"] and settings["addinVersion"]
    own = tmp_path / "own.xlsx"
    spec = "lm-excel @ https://intranet.example.gov.uk/wheels/lm_excel-0.1.0-py3-none-any.whl"
    assert run_cli("new", str(own), "--lite", "--requirement", spec).returncode == 0
    assert read_settings(own)["requirements.txt"].splitlines()[1] == spec


def test_new_lite_reads_back_as_the_same_model_as_the_plain_workbook(lite_example, example_xlsx):
    assert (read_workbook(lite_example).to_records().normalised()
            == read_workbook(example_xlsx).to_records().normalised())
    assert read_settings(example_xlsx) is None


@pytest.mark.parametrize("args, message", [
    (["x.xlsm", "--lite"], "has no macros"),
    (["x.xlsx", "--requirement", "lm-excel"], "goes with --lite"),
    (["x.xlsx", "--lite", "--requirement", " "], "one pip requirement"),
])
def test_new_lite_refuses_what_cannot_work(tmp_path, args, message):
    res = run_cli("new", *[str(tmp_path / a) if a.startswith("x.") else a for a in args])
    assert res.returncode != 0 and message in res.stderr and "Traceback" not in res.stderr
    assert not list(tmp_path.iterdir())


# --- the scripts as the add-in sees them ----------------------------------------------------------


def test_main_py_exposes_exactly_the_three_scripts_with_their_buttons():
    """What the add-in lists: the functions of main.py (our one import line) carrying script
    metadata. xlwings sets it only in its server/Lite mode, so this runs in a fresh process."""
    code = (
        "import json, types\n"
        "from xlwings.pro.udfs_officejs import custom_scripts_meta\n"
        "main = types.ModuleType('main')\n"
        f"exec({MAIN_PY!r}, main.__dict__)\n"
        "print(json.dumps(custom_scripts_meta(main)))\n"
    )
    env = {**os.environ, "XLWINGS_ON_SERVER": "true", "XLWINGS_LICENSE_KEY": "noncommercial",
           "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60,
                         check=False)
    assert res.returncode == 0, res.stderr
    meta = {m["function_name"]: m for m in json.loads(res.stdout)}
    assert set(meta) == {"lm_check", "lm_build_measures_plan", "lm_create_word_report"}
    want = {"lm_check": "LmCheck", "lm_build_measures_plan": "LmBuildMeasuresPlan",
            "lm_create_word_report": "LmCreateWordReport"}
    cells = {b.macro: b.cell for b in BUTTONS}
    for function, shape in want.items():
        assert meta[function]["button"] == f"[{shape}]{L.START.name}!{cells[shape]}"


def _broken_example(path: Path) -> dict:
    """Edits that give findings: an outcome with no text, an activity pointing nowhere."""
    return {("Outcomes", f"C{L.HEADER_ROW + 1}"): "", ("Activities", f"B{L.HEADER_ROW + 1}"): ""}


def test_check_script_gives_the_findings_of_the_command_line(lite_example, tmp_path):
    from lm_excel.usecases import check_model

    book = lite_book(lite_example, edit=_broken_example(lite_example))
    status = _lite().lm_check(book)
    assert status.startswith("Check at ") and "needs fixing" in status
    assert status_written(book) == status
    model = _lite().LiteBook(lite_book(lite_example, edit=_broken_example(lite_example))).read_model()
    report, _ = check_model(model)
    assert not report.valid and report.findings
    written = [v for a in writes_to(book, L.VALIDATION.name) for row in a["values"] for v in row]
    for finding in report.findings:
        assert finding.code in written, f"{finding.code} not on the Validation sheet"


def test_plan_script_writes_the_plan_sheet(lite_example):
    book = lite_book(lite_example)
    status = _lite().lm_build_measures_plan(book)
    assert "rows; your changes kept" in status, status
    values = [v for a in writes_to(book, L.MEASURES_PLAN.name) for row in a["values"] for v in row]
    assert L.MEASURES_PLAN.name in values


def test_report_script_writes_the_report_to_the_data_folder(lite_example, tmp_path, monkeypatch):
    from docx import Document

    monkeypatch.setattr(_lite(), "DATA_FOLDER", tmp_path / "data")
    status = _lite().lm_create_word_report(lite_book(lite_example))
    reports = list((tmp_path / "data").glob("*.docx"))
    assert len(reports) == 1, status
    assert reports[0].name.startswith("Family Connect report v") and reports[0].name in status
    assert "Files > Import/Export" in status
    assert Document(str(reports[0])).paragraphs


def test_problems_become_one_plain_status_line_never_a_traceback(lite_example, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(_lite(), "DATA_FOLDER", tmp_path / "a-file")
    (tmp_path / "a-file").write_text("not a folder")
    book = lite_book(lite_example)
    status = _lite().lm_create_word_report(book)
    assert "did not finish" in status and "a-file" in status
    assert status_written(book) == status
    assert capsys.readouterr().out.strip() == status  # also printed to the add-in's pane

    def bug(live):
        raise KeyError("boom")

    book = lite_book(lite_example)
    status = _lite().run_script("Check", bug, book)
    assert "something went wrong inside lm-excel (KeyError" in status and "Traceback" not in status
    assert status_written(book) == status
    assert not [a for a in actions(book) if a["func"] == "alert"]


def test_a_workbook_that_is_not_a_logic_model_gets_a_plain_line(tmp_path):
    import xlwings as xw

    payload = {"client": "Microsoft Office Scripts", "version": xw.__version__,
               "book": {"name": "Book1", "active_sheet_index": 0, "selection": "A1"}, "names": [],
               "sheets": [{"name": "Sheet1", "values": [["hello"]], "pictures": [], "tables": []}]}
    status = _lite().lm_check(xw.Book(json=payload))
    assert "did not finish" in status and "Traceback" not in status
