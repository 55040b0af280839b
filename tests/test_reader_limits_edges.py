"""Edges of the reader's limits that mutation testing found unprotected (see docs/testing.md):
a large part that does not compress is no zip bomb, and the sheet limit is a maximum, not a ban."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import openpyxl

from lm_excel.workbook.reader import MAX_SHEETS, read_workbook


def _with_part(src: Path, dst: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info.filename))
        zout.writestr(name, data)
    return dst


def test_a_large_part_that_does_not_compress_is_read(example_xlsx, tmp_path):
    # 1.5 MB of random bytes (a photo, say) compresses about 1:1: far from a zip bomb's ratio.
    data = random.Random(0).randbytes(1_500_000)
    path = _with_part(example_xlsx, tmp_path / "photo.xlsx", "xl/media/photo.bin", data)
    assert read_workbook(path).components


def test_a_workbook_with_exactly_the_most_sheets_allowed_is_read(example_xlsx, tmp_path):
    wb = openpyxl.load_workbook(example_xlsx)
    for i in range(MAX_SHEETS - len(wb.sheetnames)):
        wb.create_sheet(f"Extra {i + 1}")
    assert len(wb.sheetnames) == MAX_SHEETS
    path = tmp_path / "many-sheets.xlsx"
    wb.save(path)
    assert read_workbook(path).components


def test_an_over_long_cell_is_named_by_its_own_address(example_xlsx, tmp_path):
    import pytest

    from lm_excel.errors import TooLargeError
    from lm_excel.workbook.reader import MAX_CELL_CHARS

    from .badinput import long_description

    path = long_description(tmp_path, example_xlsx, MAX_CELL_CHARS + 1)  # Components!C4
    with pytest.raises(TooLargeError, match=r"cell Components!C4 holds 100,001 characters"):
        read_workbook(path)


def test_only_a_formula_without_a_cached_result_counts_as_uncalculated(tmp_path):
    from lm_excel.workbook.xlsx_scan import scan_sheet

    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c>'  # a number
             '<c r="B1" t="str"><f>""</f><v></v></c>'  # an empty text result is a result
             '<c r="C1"><f>A1*2</f></c>'  # never calculated
             '<c r="D1"><f>A1*3</f><v> </v></c>'  # a blank number is none
             '</row></sheetData></worksheet>')
    path = tmp_path / "formulas.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
    with zipfile.ZipFile(path) as zf:
        assert scan_sheet(zf, "xl/worksheets/sheet1.xml").uncalculated == [("C1", "=A1*2"), ("D1", "=A1*3")]
