"""A shared copy survives another spreadsheet program: edited in LibreOffice through UNO, merged back."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from lm_excel import layout as L
from lm_excel.workbook.parse import parse_table_rows
from lm_excel.exchange.diff import diff_files
from lm_excel.exchange.merge import merge_files
from lm_excel.exchange.share import share_file
from lm_excel.workbook.reader import read_workbook

from .conftest import soffice_convert

pytestmark = pytest.mark.office
SYSTEM_PYTHON = "/usr/bin/python3"
UNO_EDIT = Path(__file__).with_name("uno_edit.py")


def libreoffice_edit(src: Path, dst: Path, profile: Path, *edits: str) -> Path:
    """Open ``src`` in headless LibreOffice, set cells ('Sheet!A1=text'), save as .xlsx ``dst``."""
    python = SYSTEM_PYTHON if Path(SYSTEM_PYTHON).exists() else shutil.which("python3")
    proc = subprocess.run([python, str(UNO_EDIT), str(src), str(dst), str(profile), *edits],
                          check=False, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0 and dst.exists(), proc.stderr
    return dst


def test_share_edit_in_libreoffice_and_merge_back(tmp_path, example_xlsx):
    model = Path(shutil.copy(example_xlsx, tmp_path / "model.xlsx"))
    sent = share_file(model, tmp_path / "sent.xlsx", sender="Sam", to="Health", by="sam").path
    # The partner edits the copy in LibreOffice: a changed cell and a new component.
    theirs = libreoffice_edit(sent, tmp_path / "back from health.xlsx", tmp_path / "lo-profile",
                              "Components!D5=Health visitor and coordinator",
                              "Components!A10=C7", "Components!B10=Joint home visit with health visitor",
                              "Components!H10=IN1")
    # Meanwhile the LA edits its own copy of what it sent.
    wb = openpyxl.load_workbook(sent)
    wb["Outcomes"]["B4"] = "Parents report feeling supported sooner"
    mine = tmp_path / "mine.xlsx"
    wb.save(mine)

    d = diff_files(sent, theirs)
    assert {(r.sheet, r.id, r.change) for r in d.rows} == {("Components", "C2", "changed"),
                                                          ("Components", "C7", "added")}
    res = merge_files(sent, mine, theirs, tmp_path / "merged.xlsx", by="sam")
    assert res.result.conflicts == []
    merged = read_workbook(res.path)
    assert merged.components[1].text("delivered_by") == "Health visitor and coordinator"
    assert merged.components[-1].id == "C7" and merged.components[-1].ids("inputs_used") == ("IN1",)
    assert merged.outcomes[0].text("outcome") == "Parents report feeling supported sooner"
    # The change log written by share went through LibreOffice and is still there, plus the merge.
    rows = parse_table_rows(merged.extras[L.CHANGE_LOG.name], L.CHANGE_LOG)
    assert [r["action"] for r in rows] == ["share", "merge"]
    # ...and the merged workbook opens in LibreOffice too.
    assert soffice_convert(res.path, "pdf", tmp_path / "pdf").read_bytes().startswith(b"%PDF")


def test_diff_between_xlsm_saved_by_libreoffice_and_xlsx(tmp_path, example_xlsx):
    xlsm = soffice_convert(example_xlsx, "xlsm:Calc MS Excel 2007 VBA XML", tmp_path / "lo")
    assert xlsm.suffix == ".xlsm"
    d = diff_files(xlsm, example_xlsx)
    assert d.empty, d.text()
    # A macro-enabled model shares as a macro-free .xlsx with the same content.
    copy_ = share_file(xlsm, tmp_path / "copy.xlsx", to="Schools", by="sam").path
    assert diff_files(xlsm, copy_).empty
    with zipfile.ZipFile(copy_) as zf:
        assert "xl/workbook.xml" in zf.namelist() and not any("vba" in n.lower() for n in zf.namelist())
    assert b"macroEnabled" not in zipfile.ZipFile(copy_).read("[Content_Types].xml")
