"""Files the reader must refuse with one clear line naming the file and the problem."""

from __future__ import annotations

import io
import os
import zipfile

import openpyxl
import pytest

from lm_excel import errors as E
from lm_excel import layout as L
from lm_excel.workbook.reader import read_workbook

from .conftest import CORPUS


def _assert_one_line(exc: BaseException, name: str) -> None:
    text = str(exc)
    assert "\n" not in text
    assert text.startswith(name + ": ")


@pytest.mark.parametrize(
    ("name", "content", "kind", "words"),
    [
        ("empty.xlsx", b"", E.NotAWorkbookError, "empty"),
        ("data.xlsx", b"id,component\nC1,Check-ins\n", E.NotAWorkbookError, "CSV"),
        ("noise.xlsx", os.urandom(2048).replace(b"\x00", b"\x01").replace(b"PK", b"QK") + b"\xff\x00", E.NotAWorkbookError, "not an Excel workbook"),
        ("legacy.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, E.NotAWorkbookError, ".xls"),
    ],
)
def test_not_a_workbook(tmp_path, name, content, kind, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(kind) as info:
        read_workbook(path)
    _assert_one_line(info.value, name)
    assert words in str(info.value)


def test_zip_without_a_workbook(tmp_path):
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(E.NotAWorkbookError, match="zip file but not an Excel workbook"):
        read_workbook(path)


def test_truncated_workbook(tmp_path, example_xlsx):
    path = tmp_path / "cut.xlsx"
    path.write_bytes(example_xlsx.read_bytes()[:5000])
    with pytest.raises(E.NotAWorkbookError) as info:
        read_workbook(path)
    _assert_one_line(info.value, "cut.xlsx")


def test_encrypted_workbook(tmp_path, example_xlsx):
    path = tmp_path / "secret.xlsx"
    from msoffcrypto.format.ooxml import OOXMLFile

    office = OOXMLFile(io.BytesIO(example_xlsx.read_bytes()))
    with path.open("wb") as out:
        office.encrypt("s3cret", out)
    with pytest.raises(E.EncryptedWorkbookError) as info:
        read_workbook(path)
    _assert_one_line(info.value, "secret.xlsx")
    assert "password" in str(info.value)


def test_missing_required_sheets_are_named(tmp_path, example_xlsx):
    wb = openpyxl.load_workbook(example_xlsx)
    del wb["Mechanisms"]
    del wb["Outcomes"]
    path = tmp_path / "partial.xlsx"
    wb.save(path)
    with pytest.raises(E.MissingSheetsError) as info:
        read_workbook(path)
    _assert_one_line(info.value, "partial.xlsx")
    assert "'Mechanisms', 'Outcomes'" in str(info.value)
    assert info.value.missing == ["Mechanisms", "Outcomes"]


def test_a_workbook_that_is_not_a_logic_model(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Budget"
    wb.active["A1"] = "Spend"
    path = tmp_path / "budget.xlsx"
    wb.save(path)
    with pytest.raises(E.NotALogicModelError, match="not an lm-excel logic-model workbook.*'Budget'"):
        read_workbook(path)


def test_newer_schema_version_is_refused(tmp_path, example_xlsx):
    wb = openpyxl.load_workbook(example_xlsx)
    ws = wb[L.META_SHEET]
    for row in ws.iter_rows():
        if row[0].value == "schema_version":
            row[1].value = str(L.SCHEMA_VERSION + 1)
    path = tmp_path / "future.xlsx"
    wb.save(path)
    with pytest.raises(E.SchemaVersionError) as info:
        read_workbook(path)
    _assert_one_line(info.value, "future.xlsx")
    assert "update lm-excel" in str(info.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(E.WorkbookError, match="file not found"):
        read_workbook(tmp_path / "nope.xlsx")
    with pytest.raises(E.WorkbookError, match="is a folder"):
        read_workbook(tmp_path)




def test_every_foreign_spreadsheet_gets_a_clear_error_and_is_unchanged():
    files = sorted(p for p in CORPUS.iterdir() if p.is_file())
    assert len(files) >= 100
    for path in files:
        before = path.read_bytes()
        with pytest.raises(E.WorkbookError) as info:
            read_workbook(path)
        _assert_one_line(info.value, path.name)
        assert path.read_bytes() == before
