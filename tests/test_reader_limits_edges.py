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
