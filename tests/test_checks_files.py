"""`lm-excel check` on real files: CLI exit codes and JSON, the Validation sheet (links, colours,
status, highlights cleared on the next run), the input never changed, seeded defects in files."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill

from lm_excel import layout as L
from lm_excel.workbook.builder import build_workbook
from lm_excel.errors import OutputError
from lm_excel.example import EXAMPLE_FILE_NAME
from lm_excel.workbook.reader import read_workbook
from lm_excel.workbook.sheetwriter import HIGHLIGHT_MARKER, OpenpyxlWriter, SheetWriter
from lm_excel.usecases import check_workbook as check_file
from lm_excel.workbook.validation_sheet import HIGHLIGHT_FILL, TABLE_HEADER_ROW

from .conftest import CORPUS, run_cli, soffice_convert
from .modelkit import example, row


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def broken_xlsx(tmp_path_factory) -> Path:
    """The example with an unknown link (Mechanisms!D5), an empty timescale (Outcomes!C6) and a
    placeholder (Inputs!D5, a warning)."""
    rec = example()
    row(rec, "mechanisms", "M2")["leads_to"] = "OC2, OC77"
    row(rec, "outcomes", "OC3")["timescale"] = None
    row(rec, "inputs", "IN2")["detail"] = "TBC"
    return build_workbook(tmp_path_factory.mktemp("broken") / "broken.xlsx", rec)


@pytest.fixture(scope="module")
def warnings_only_xlsx(tmp_path_factory) -> Path:
    rec = example()
    row(rec, "inputs", "IN2")["detail"] = "TBC"
    return build_workbook(tmp_path_factory.mktemp("warn") / "warn.xlsx", rec)


def _ours(ws) -> list[tuple[str, str]]:
    """(range, fill colour) of lm-excel's highlight rules on a sheet."""
    out = []
    for cf in ws.conditional_formatting:
        for r in cf.rules:
            if any(HIGHLIGHT_MARKER in f for f in r.formula or ()):
                out.append((str(cf.sqref), r.dxf.fill.fgColor.rgb[-6:]))
    return out


# --- command line --------------------------------------------------------------------------------


def test_check_example_exits_0_and_says_so(example_xlsx):
    before = _digest(example_xlsx)
    proc = run_cli("check", str(example_xlsx))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == f"{example_xlsx.name}: no problems found"
    assert _digest(example_xlsx) == before


def test_check_broken_exits_1_with_findings_grouped_by_sheet(broken_xlsx):
    before = _digest(broken_xlsx)
    proc = run_cli("check", str(broken_xlsx))
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout
    assert "needs fixing (2 errors, 1 warning, 0 notes)" in out
    assert out.index("\nInputs\n") < out.index("\nMechanisms\n") < out.index("\nOutcomes\n")
    assert "Mechanisms!D5  error [unknown-id] M2: M2 links to OC77" in out
    assert "Outcomes!C6  error [empty-required] OC3" in out
    assert "Inputs!D5  warning [placeholder] IN2" in out
    assert out.count("Fix: ") == 3
    assert _digest(broken_xlsx) == before
    assert not list(broken_xlsx.parent.glob("*-checked*"))


def test_check_json_shape(broken_xlsx):
    proc = run_cli("check", str(broken_xlsx), "--json")
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert data["format"] == "lm-excel-check/1" and data["source"] == "broken.xlsx"
    assert data["valid"] is False and data["counts"] == {"error": 2, "warning": 1, "info": 0}
    assert [(f["code"], f["ref"], f["element_id"]) for f in data["findings"]] == [
        ("placeholder", "Inputs!D5", "IN2"),
        ("unknown-id", "Mechanisms!D5", "M2"),
        ("empty-required", "Outcomes!C6", "OC3"),
    ]
    f = data["findings"][1]
    assert f["sheet"] == "Mechanisms" and f["cell"] == "D5" and f["severity"] == "error"
    assert f["category"] == "references" and f["title"] and f["fix"]


def test_fail_on_threshold(warnings_only_xlsx):
    assert run_cli("check", str(warnings_only_xlsx)).returncode == 0
    assert run_cli("check", str(warnings_only_xlsx), "--fail-on", "warning").returncode == 1


def test_a_model_with_only_a_warning_says_no_errors_and_counts_the_rest(tmp_path, warnings_only_xlsx):
    """'No errors' then what else was found, with no count of the errors it has just said are
    none; the same words on the command line, the Validation sheet and the Start sheet."""
    proc = run_cli("check", str(warnings_only_xlsx))
    assert proc.stdout.splitlines()[0] == "warn.xlsx: no errors (1 warning, 0 notes)"
    wb = openpyxl.load_workbook(check_file(warnings_only_xlsx, out=tmp_path / "warn-checked.xlsx").output)
    summary = {r[0].value: r[1].value for r in wb["Validation"].iter_rows(min_row=4, max_row=10)}
    assert summary["Result"] == "No errors: 1 warning, 0 notes"
    assert summary["Errors"] == 0 and summary["Warnings"] == 1
    status = wb["Start"][L.START_STATUS_CELL].value
    assert status.startswith("Checked ") and ": no errors (1 warning, 0 notes). See the Validation" in status


def test_unreadable_file_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("id,outcome\nOC1,Fewer children in care\n")
    before = _digest(bad)
    proc = run_cli("check", str(bad))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "notes.xlsx" in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""
    assert _digest(bad) == before
    assert run_cli("check", str(tmp_path / "missing.xlsx")).returncode == 2


def test_help_has_examples_and_check_is_listed():
    proc = run_cli("check", "--help")
    assert proc.returncode == 0 and "example:" in proc.stdout and "lm-excel check" in proc.stdout
    assert "check" in run_cli("--help").stdout


def test_write_default_name_and_output_option(tmp_path, broken_xlsx):
    src = tmp_path / "model.xlsx"
    shutil.copy(broken_xlsx, src)
    before = _digest(src)
    proc = run_cli("check", str(src), "--write")
    assert proc.returncode == 1
    out = tmp_path / "model-checked.xlsx"
    assert out.exists() and f"Results written to {out}" in proc.stdout
    assert _digest(src) == before
    other = tmp_path / "elsewhere.xlsx"
    proc = run_cli("check", str(src), "-o", str(other), "--json")
    assert json.loads(proc.stdout)["output"] == str(other) and other.exists()
    assert read_workbook(other).to_records().normalised() == read_workbook(src).to_records().normalised()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere.xlsx", "model-checked.xlsx", "model.xlsx"]


def test_demo_writes_the_checked_example(tmp_path):
    proc = run_cli("demo", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    checked = tmp_path / "out" / EXAMPLE_FILE_NAME.replace(".xlsx", "-checked.xlsx")
    assert str(checked) in proc.stdout.splitlines()
    ws = openpyxl.load_workbook(checked)["Validation"]
    assert ws[f"A{TABLE_HEADER_ROW + 1}"].value == "No problems found."


# --- the Validation sheet ------------------------------------------------------------------------


def test_validation_sheet_rows_links_colours_and_status(tmp_path, broken_xlsx):
    assert isinstance(OpenpyxlWriter(openpyxl.Workbook()), SheetWriter)
    before = _digest(broken_xlsx)
    result = check_file(broken_xlsx, out=tmp_path / "checked.xlsx")
    assert _digest(broken_xlsx) == before
    wb = openpyxl.load_workbook(result.output)
    ws = wb["Validation"]
    assert ws["A1"].value == "Validation"  # the template's title is kept
    assert [c.value for c in ws[TABLE_HEADER_ROW]][:8] == [
        "Severity", "Problem", "Sheet", "Cell", "Element", "What is wrong", "How to fix", "Code"]
    rows = [[c.value for c in r][:8] for r in ws.iter_rows(min_row=TABLE_HEADER_ROW + 1)]
    assert [(r[0], r[7], r[2], r[3], r[4]) for r in rows] == [
        ("Error", "unknown-id", "Mechanisms", "D5", "M2"),  # errors first
        ("Error", "empty-required", "Outcomes", "C6", "OC3"),
        ("Warning", "placeholder", "Inputs", "D5", "IN2"),
    ]
    assert rows[0][1] == "Link to an ID that does not exist"  # the problem in words
    first = TABLE_HEADER_ROW + 1
    fills = [ws.cell(first + i, 1).fill.fgColor.rgb[-6:] for i in range(3)]
    assert fills[0] == fills[1] != fills[2]
    links = [ws.cell(first + i, 4).hyperlink for i in range(3)]
    assert [h.location for h in links] == ["Mechanisms!D5", "Outcomes!C6", "Inputs!D5"]
    summary = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(4, 10)}
    assert summary["Errors"] == 2 and summary["Warnings"] == 1 and summary["Notes"] == 0
    assert summary["Workbook"] == "broken.xlsx"
    status = wb["Start"][L.START_STATUS_CELL].value
    assert status.startswith("Checked ") and "needs fixing (2 errors, 1 warning, 0 notes)" in status
    assert _ours(wb["Mechanisms"]) == [("D5", HIGHLIGHT_FILL["error"])]
    assert _ours(wb["Inputs"]) == [("D5", HIGHLIGHT_FILL["warning"])]
    assert _ours(wb["Components"]) == []


def test_rerun_clears_old_rows_and_highlights_but_not_the_users_formatting(tmp_path, broken_xlsx):
    src = tmp_path / "model.xlsx"
    check_file(broken_xlsx, out=src)  # a workbook that has been checked once
    wb = openpyxl.load_workbook(src)
    wb["Mechanisms"]["D5"] = "OC2"  # the user fixes one error ...
    green = PatternFill("solid", start_color="FF00B050", end_color="FF00B050")
    wb["Mechanisms"]["B5"].fill = green  # ... and adds formatting of their own
    wb["Mechanisms"]["D5"].fill = green
    wb["Outcomes"].conditional_formatting.add(
        "E4:E14", CellIsRule(operator="equal", formula=['"Decrease"'], fill=green))
    wb.save(src)
    before = _digest(src)

    result = check_file(src, in_place=True)

    assert result.output == src and result.backup is not None and _digest(result.backup) == before
    wb = openpyxl.load_workbook(src)
    assert _ours(wb["Mechanisms"]) == []  # fixed: highlight gone
    assert _ours(wb["Outcomes"]) == [("C6", HIGHLIGHT_FILL["error"])]
    assert wb["Mechanisms"]["B5"].fill.fgColor.rgb == "FF00B050"
    assert wb["Mechanisms"]["D5"].fill.fgColor.rgb == "FF00B050"
    users = [(str(cf.sqref), r.operator) for cf in wb["Outcomes"].conditional_formatting for r in cf.rules
             if not any(HIGHLIGHT_MARKER in f for f in r.formula)]
    assert users == [("E4:E14", "equal")]
    ws = wb["Validation"]
    codes = [ws.cell(r, 8).value for r in range(TABLE_HEADER_ROW + 1, ws.max_row + 1)]  # column H: Code
    assert codes == ["empty-required", "placeholder"]  # the old third row is gone
    assert read_workbook(src).to_records().normalised() == read_workbook(result.backup).to_records().normalised()


def test_no_highlight_option_and_a_clean_model(tmp_path, broken_xlsx, example_xlsx):
    out = check_file(broken_xlsx, out=tmp_path / "plain.xlsx", highlight=False).output
    wb = openpyxl.load_workbook(out)
    assert all(_ours(ws) == [] for ws in wb.worksheets)
    clean = check_file(example_xlsx, out=tmp_path / "clean.xlsx").output
    ws = openpyxl.load_workbook(clean)["Validation"]
    assert ws[f"A{TABLE_HEADER_ROW + 1}"].value == "No problems found."
    # the Result line says the same, not 'No errors: 0 warnings, 0 notes'
    assert (ws["A6"].value, ws["B6"].value) == ("Result", "No problems found")
    status = openpyxl.load_workbook(clean)["Start"][L.START_STATUS_CELL].value
    assert status.startswith("Checked ") and status.endswith(": no problems found. See the Validation sheet for details.")


def test_in_place_refuses_a_workbook_open_in_excel(tmp_path, broken_xlsx):
    src = tmp_path / "open.xlsx"
    shutil.copy(broken_xlsx, src)
    (tmp_path / "~$open.xlsx").write_bytes(b"owner")
    before = _digest(src)
    with pytest.raises(OutputError, match="close it"):
        check_file(src, in_place=True)
    assert _digest(src) == before and not list(tmp_path.glob("*.bak*"))
    # an existing checked copy is replaced only with force, and never while it is open
    (tmp_path / "open-checked.xlsx").write_bytes(b"x")
    with pytest.raises(OutputError, match="already exists"):
        check_file(src, write=True)
    (tmp_path / "~$open-checked.xlsx").write_bytes(b"owner")
    with pytest.raises(OutputError, match="close it"):
        check_file(src, write=True, force=True)
    assert (tmp_path / "open-checked.xlsx").read_bytes() == b"x"


def test_xlsm_keeps_its_vba_project(tmp_path):
    source = CORPUS / "vba.xlsm"
    vba = tmp_path / "vbaProject.bin"
    with zipfile.ZipFile(source) as z:
        vba.write_bytes(z.read("xl/vbaProject.bin"))
    xlsm = tmp_path / "model.xlsm"
    rec = example()
    row(rec, "inputs", "IN2")["detail"] = "TBC"
    build_workbook(xlsm, rec, vba_hook=lambda wb, ws: wb.add_vba_project(str(vba)))
    out = check_file(xlsm, write=True).output
    assert out == tmp_path / "model-checked.xlsm"
    with zipfile.ZipFile(out) as z:
        assert z.read("xl/vbaProject.bin") == vba.read_bytes()
    assert openpyxl.load_workbook(out)["Validation"].cell(TABLE_HEADER_ROW + 1, 8).value == "placeholder"


# --- seeded defects in real files: each found at the cell that holds it ---------------------------


def _seed(src: Path, dst: Path, edit) -> Path:
    shutil.copy(src, dst)
    wb = openpyxl.load_workbook(dst)
    edit(wb)
    wb.save(dst)
    return dst


SEEDED = {
    "renamed column": (lambda wb: wb["Outcomes"].__setitem__("E3", "Which way"), "missing-column", "Outcomes!E3"),
    "deleted sheet": (lambda wb: wb.remove(wb["Context factors"]), "missing-sheet", "Context factors"),
    "renamed sheet with its header wiped": (
        lambda wb: [setattr(wb["Assumptions"], "title", "Assumed"), wb["Assumed"].__setitem__("A3", None)],
        "missing-sheet", "Assumptions"),
    "header row wiped": (lambda wb: [wb["Outputs"].cell(3, c).__setattr__("value", None) for c in range(1, 5)],
                         "missing-header-row", "Outputs!A3"),
    "renamed label": (lambda wb: wb["Intervention"].__setitem__("A12", "Audience"), "missing-field",
                      "Intervention!A12"),
    "schema version text": (lambda wb: wb["Metadata"].__setitem__("B2", "latest"), "schema-version", "Metadata!B2"),
    "missing ID": (lambda wb: wb["Outputs"].__setitem__("A6", None), "missing-id", "Outputs!A6"),
    "duplicate ID across sheets": (lambda wb: wb["Context factors"].__setitem__("A5", "M2"), "duplicate-id",
                                   "'Context factors'!A5"),
    "wrong prefix": (lambda wb: wb["Assumptions"].__setitem__("A6", "NC9"), "wrong-prefix", "Assumptions!A6"),
    "unknown link": (lambda wb: wb["Components"].__setitem__("H6", "IN1, IN99"), "unknown-id", "Components!H6"),
    "wrong kind": (lambda wb: wb["Outputs"].__setitem__("C5", "M2"), "wrong-kind", "Outputs!C5"),
    "self link": (lambda wb: wb["Context factors"].__setitem__("E4", "CF1"), "self-link", "'Context factors'!E4"),
    "cycle": (lambda wb: [wb["Outcomes"].__setitem__("C12", "Medium term"), wb["Outcomes"].__setitem__("F12", "OC8")],
              "outcome-cycle", "Outcomes!F12"),
    "loop closed backwards": (lambda wb: wb["Outcomes"].__setitem__("F13", "OC3"), "contributes-backwards",
                              "Outcomes!F13"),
    "row typed below the table with a bad link": (
        lambda wb: [wb["Mechanisms"].__setitem__("A60", "M7"), wb["Mechanisms"].__setitem__("B60", "Parents feel heard so they engage more with support"),
                    wb["Mechanisms"].__setitem__("C60", "C9"), wb["Mechanisms"].__setitem__("D60", "OC1")],
        "unknown-id", "Mechanisms!C60"),
}


@pytest.mark.parametrize("name", sorted(SEEDED))
def test_seeded_defect_in_a_file_is_found_at_its_cell(tmp_path, example_xlsx, name):
    edit, code, ref = SEEDED[name]
    path = _seed(example_xlsx, tmp_path / "seeded.xlsx", edit)
    report = check_file(path).report
    assert (code, ref) in report.flatten(), report.flatten()
    assert report.findings and not report.valid


@pytest.mark.office
def test_libreoffice_opens_the_checked_workbook(tmp_path, broken_xlsx):
    out = check_file(broken_xlsx, out=tmp_path / "checked.xlsx").output
    pdf = soffice_convert(out, "pdf", tmp_path / "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    resaved = soffice_convert(out, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    back = read_workbook(resaved)
    assert back.to_records().normalised() == read_workbook(broken_xlsx).to_records().normalised()
    grid = back.extras["Validation"]
    assert grid[TABLE_HEADER_ROW - 1][:2] == ("Severity", "Problem")
    assert grid[TABLE_HEADER_ROW][7] == "unknown-id"
