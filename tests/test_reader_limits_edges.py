"""Edges of the reader's limits that mutation testing found unprotected (see docs/testing.md):
a large part that does not compress is no zip bomb, the sheet limit is a maximum, not a ban, the
compression ratio is not rounded, entity declarations are looked for where XML allows them, and
over-long cells, escapes and uncalculated formulas are reported as they are."""

from __future__ import annotations

import random
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest

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
             '</row></sheetData><autoFilter ref="A1:D1"/>'
             '<mergeCells count="1"><mergeCell ref="A5:C7"/></mergeCells></worksheet>')
    path = tmp_path / "formulas.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
    with zipfile.ZipFile(path) as zf:
        scan = scan_sheet(zf, "xl/worksheets/sheet1.xml")
    assert scan.uncalculated == [("C1", "=A1*2"), ("D1", "=A1*3")]
    assert scan.merges == ["A5:C7"]  # not the filter's range


def test_escapes_of_any_character_are_decoded(tmp_path):
    # letters above '_' too: 'caf_x00E9_' is 'café'
    path = tmp_path / "escaped.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Intervention"
    ws["A4"], ws["B4"] = "Intervention name", "caf_x00E9_ for the na_x00EF_ve_x007E_"
    for sheet in ("Inputs", "Components", "Outputs", "Mechanisms", "Outcomes", "Context factors",
                  "Assumptions", "Negative consequences"):
        wb.create_sheet(sheet)["A3"] = "ID"
    wb.save(path)
    assert read_workbook(path).intervention.name == "café for the naïve~"


def _zip_of(tmp_path: Path, parts: dict[str, bytes]) -> zipfile.ZipFile:
    path = tmp_path / "parts.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return zipfile.ZipFile(path)


def test_entity_declarations_are_found_before_the_root_and_anywhere_in_other_encodings(tmp_path):
    from lm_excel.workbook.xlsx_scan import find_entity_declarations

    doctype = '<!DOCTYPE x [<!ENTITY a "b">]>'
    clean = b'<?xml version="1.0" encoding="UTF-8"?><x>&amp;</x>'
    with _zip_of(tmp_path, {"a.xml": clean, "b.xml": f'<?xml version="1.0"?>{doctype}<x>&a;</x>'.encode()}) as zf:
        assert find_entity_declarations(zf) == "b.xml"
    with _zip_of(tmp_path, {"a.xml": clean}) as zf:
        assert find_entity_declarations(zf) is None
    # only XML parts are looked at: an image may hold any bytes
    with _zip_of(tmp_path, {"a.xml": clean, "xl/media/image1.bin": f"GIF89a{doctype}".encode()}) as zf:
        assert find_entity_declarations(zf) is None
    # UTF-16 is read whole: a prolog of more than one read's worth of spaces hides nothing
    spaced = f'<?xml version="1.0" encoding="UTF-16"?>{" " * 600_000}{doctype}<x>&a;</x>'
    with _zip_of(tmp_path, {"a.xml": clean, "c.xml": spaced.encode("utf-16")}) as zf:
        assert find_entity_declarations(zf) == "c.xml"


def _deflated_size(data: bytes) -> int:
    c = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)  # as zipfile deflates
    return len(c.compress(data) + c.flush())


def test_a_part_expanding_just_over_the_limit_is_refused(example_xlsx, tmp_path):
    # a ratio between MAX_COMPRESSION_RATIO and one more (200.x times): the ratio is not rounded
    from lm_excel.errors import TooLargeError
    from lm_excel.workbook.reader import MAX_COMPRESSION_RATIO

    size, noise = 3_000_000, random.Random(1).randbytes(40_000)
    lo, hi = 0, len(noise)
    while lo < hi:  # the fewest random bytes that bring the ratio down to the limit + 0.5
        mid = (lo + hi) // 2
        data = noise[:mid] + bytes(size - mid)
        if size / _deflated_size(data) > MAX_COMPRESSION_RATIO + 0.5:
            lo = mid + 1
        else:
            hi = mid
    data = noise[:lo - 1] + bytes(size - lo + 1)
    assert MAX_COMPRESSION_RATIO < size / _deflated_size(data) < MAX_COMPRESSION_RATIO + 1
    path = _with_part(example_xlsx, tmp_path / "just-over.xlsx", "xl/media/blob.bin", data)
    with pytest.raises(TooLargeError, match="expands 20[01] times"):
        read_workbook(path)


def test_a_small_part_that_compresses_very_well_is_no_zip_bomb(example_xlsx, tmp_path):
    # under 1 MB, however well it compresses (a blank image, say), a part cannot be a zip bomb
    path = _with_part(example_xlsx, tmp_path / "blank.xlsx", "xl/media/blank.bin", bytes(900_000))
    assert read_workbook(path).components


def test_an_encrypted_file_is_told_by_its_encryption_stream_beyond_the_first_sectors(tmp_path):
    # an encrypted workbook is an OLE file; the stream's name may come megabytes after the header
    from lm_excel.errors import EncryptedWorkbookError

    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2_000_000) + "EncryptionInfo".encode("utf-16-le")
                     + bytes(1000))
    with pytest.raises(EncryptedWorkbookError, match="encrypted or password-protected"):
        read_workbook(path)


@pytest.mark.parametrize(("data", "kind"), [
    ("Name;Café;Reach\nFamily Connect;Hub;900\n".encode("cp1252"), "a text or CSV file"),  # not UTF-8
    ("Name,Reach\nFamily Connect,900\n".encode("utf-8"), "a text or CSV file"),
    (b"\x81\x8d\x8f\x90\x9d" * 50, "an unknown kind of file"),  # neither UTF-8 nor Windows-1252
])
def test_a_text_file_is_told_from_other_files_in_any_encoding(tmp_path, data, kind):
    from lm_excel.errors import NotAWorkbookError

    path = tmp_path / "model.xlsx"
    path.write_bytes(data)
    with pytest.raises(NotAWorkbookError, match=f"is {kind}, not an Excel workbook"):
        read_workbook(path)


def test_a_workbook_with_a_part_named_like_an_opendocument_one_is_still_a_workbook(example_xlsx, tmp_path):
    # an OpenDocument file has both 'mimetype' and 'content.xml'; one of them alone proves nothing
    for name in ("content.xml", "mimetype"):
        path = _with_part(example_xlsx, tmp_path / f"with-{name}.xlsx", name, b"<x/>")
        assert read_workbook(path).components


def test_an_over_long_cell_in_another_column_is_named_by_its_own_address(example_xlsx, tmp_path):
    from lm_excel.errors import TooLargeError
    from lm_excel.workbook.reader import MAX_CELL_CHARS

    from .badinput import _edit, _rewrite, sheet_part

    marked = _edit(example_xlsx, tmp_path / "marked.xlsx", lambda wb: wb["Outcomes"].__setitem__("B6", "LONGMARKER"))
    path = _rewrite(marked, tmp_path / "long outcome.xlsx", {
        part: (lambda d: d.replace(b"LONGMARKER", b"x" * (MAX_CELL_CHARS + 1)))
        for part in ("xl/sharedStrings.xml", sheet_part(marked, "Outcomes"))
    })
    with pytest.raises(TooLargeError, match=r"cell Outcomes!B6 holds 100,001 characters"):
        read_workbook(path)
