"""The bad-input corpus, generated in code: one function per kind of bad or hostile input.

Each generator takes a folder (and, where it edits a real logic-model workbook, the path of one
made by the builder) and returns the path of the file it wrote. Nothing here is a stored binary.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from lm_excel import layout as L
from lm_excel.model import ModelRecords

from .conftest import CORPUS

# --- files that are not workbooks ----------------------------------------------------------------


def zero_byte(folder: Path) -> Path:
    path = folder / "zero.xlsx"
    path.write_bytes(b"")
    return path


def legacy_xls(folder: Path) -> Path:
    """A real Excel 97-2003 file from the foreign-spreadsheet corpus, renamed to .xlsx."""
    path = folder / "legacy.xlsx"  # renamed, as users do: the content decides, not the suffix
    shutil.copyfile(CORPUS / "date.xls", path)
    return path


def csv_renamed(folder: Path) -> Path:
    path = folder / "exported.xlsx"
    path.write_text("ID,Component,Description\nC1,Weekly check-in,\"A call, every week\"\n", encoding="utf-8")
    return path


def random_bytes(folder: Path, seed: int = 8) -> Path:
    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(4096))
    if data[:4] == b"PK\x03\x04":  # pragma: no cover - vanishingly unlikely with this seed
        data = b"\x00" + data
    path = folder / "noise.xlsx"
    path.write_bytes(data)
    return path


def zip_without_workbook(folder: Path) -> Path:
    path = folder / "photos.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("photos/readme.txt", "holiday photos")
    return path


def encrypted(folder: Path, example: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    path = folder / "protected.xlsx"
    office = OOXMLFile(io.BytesIO(example.read_bytes()))
    with path.open("wb") as out:
        office.encrypt("Family-Connect-2026", out)
    return path


# --- real logic-model workbooks, edited the way users and other programs edit them --------------


def _edit(example: Path, path: Path, edit: Callable) -> Path:
    import openpyxl

    wb = openpyxl.load_workbook(example)
    edit(wb)
    wb.save(path)
    return path


def missing_sheets(folder: Path, example: Path) -> Path:
    def edit(wb):
        del wb["Mechanisms"]
        del wb["Negative consequences"]

    return _edit(example, folder / "missing sheets.xlsx", edit)


def renamed_headers(folder: Path, example: Path) -> Path:
    """Outcomes: 'Outcome statement' renamed 'Result'; 'Timescale' header deleted."""

    def edit(wb):
        ws = wb["Outcomes"]
        for cell in ws[L.HEADER_ROW]:
            if cell.value == "Outcome statement":
                cell.value = "Result"
            elif cell.value == "Timescale":
                cell.value = None

    return _edit(example, folder / "renamed headers.xlsx", edit)


def deleted_header_row(folder: Path, example: Path) -> Path:
    """Components: the whole header row cleared."""

    def edit(wb):
        for cell in wb["Components"][L.HEADER_ROW]:
            cell.value = None

    return _edit(example, folder / "no header row.xlsx", edit)


def merged_over_table(folder: Path, example: Path) -> Path:
    """Components: B5:C6 merged across two rows of the table (the values of C5, B6, C6 are lost)."""

    def edit(wb):
        wb["Components"].merge_cells("B5:C6")

    return _edit(example, folder / "merged.xlsx", edit)


def uncalculated_formulas(folder: Path, example: Path) -> Path:
    """Formulas written by a program that never calculates (openpyxl): no cached values."""

    def edit(wb):
        wb["Outcomes"]["B4"] = '=UPPER("parents feel less alone")'
        wb["Intervention"]["B5"] = "=1+1"

    return _edit(example, folder / "uncalculated.xlsx", edit)


def error_values(folder: Path, example: Path) -> Path:
    """Excel error values in cells (#REF! where a link broke, #N/A from a lookup)."""

    def edit(wb):
        wb["Outcomes"]["B4"] = "#REF!"  # openpyxl stores these as error cells (t="e")
        wb["Mechanisms"]["C4"] = "#N/A"

    return _edit(example, folder / "errors.xlsx", edit)


def numbers_and_dates_for_text(folder: Path, example: Path) -> Path:
    """Numbers and dates where text is expected, and text where a date is expected."""

    def edit(wb):
        wb["Components"]["F4"] = dt.datetime(2026, 1, 2)  # '1/2' typed as a dose became a date
        wb["Components"]["F4"].number_format = "dd/mm/yyyy"
        wb["Outcomes"]["B5"] = 42  # a number as an outcome statement
        wb["Outcomes"]["C5"] = 3  # a number in a dropdown column
        wb["Inputs"]["A5"] = 7  # an ID typed as a bare number
        date_row = 4 + [f.key for f in L.INTERVENTION.fields].index("date")
        wb["Intervention"][f"B{date_row}"] = "next spring"

    return _edit(example, folder / "types.xlsx", edit)


def infinite_number(folder: Path, example: Path) -> Path:
    """A number no spreadsheet can hold (1E999 reads as infinity), hand-written into the XML."""
    def edit(data: bytes) -> bytes:
        head, _sep, rest = data.partition(b'<c r="B4"')
        end = rest.index(b"</c>") + 4
        return head + b'<c r="B4"><v>1E999</v></c>' + rest[end:]

    return _rewrite(example, folder / "infinite.xlsx", {sheet_part(example, "Outcomes"): edit})


def over_long_cell(folder: Path, example: Path, length: int = 150_000) -> Path:
    """A shared string far longer than any spreadsheet program writes (the XML is edited:
    openpyxl truncates at Excel's 32,767)."""
    return _rewrite(example, folder / "overlong.xlsx", {
        "xl/sharedStrings.xml": lambda d: d.replace(b"<t>", b"<t>" + b"x" * length, 1),
    })


def long_description(folder: Path, example: Path, length: int = 40_000) -> Path:
    """Components!C4 longer than Excel allows, as LibreOffice can write it."""
    marked = _edit(example, folder / "marked.xlsx", lambda wb: wb["Components"].__setitem__("C4", "LONGMARKER"))
    path = _rewrite(marked, folder / "long description.xlsx", {
        part: (lambda d: d.replace(b"LONGMARKER", b"x" * length))
        for part in ("xl/sharedStrings.xml", sheet_part(marked, "Components"))
    })
    marked.unlink()
    return path


def far_away_cell(folder: Path, example: Path, row: int = 1_000_000) -> Path:
    """One stray value a million rows down: the reader must refuse it, not read a million rows."""

    def edit(wb):
        wb["Outputs"].cell(row=row, column=2, value="stray")

    return _edit(example, folder / "far away.xlsx", edit)


def wide_rows(folder: Path, example: Path, rows: int = 2_000) -> Path:
    """A value in column XFD on many rows: each row must not become 16,384 cells wide."""

    def edit(wb):
        ws = wb["Context factors"]
        for r in range(10, 10 + rows):
            ws.cell(row=r, column=16_384, value="edge")

    return _edit(example, folder / "wide.xlsx", edit)


def many_sheets(folder: Path, example: Path, n: int = 300) -> Path:
    def edit(wb):
        for i in range(n):
            wb.create_sheet(f"Extra {i}")

    return _edit(example, folder / "many sheets.xlsx", edit)


# --- built by the project's own builder: text that must survive exactly -------------------------

LONG_TEXT = ("Families told us the weekly call mattered more than anything else. " * 500)[:32_767]
CONTROL_TEXT = "Copied from case notes\x0bline two\x07 bell\x1f unit sep\x00 nul and a tab\there"
EMOJI_RTL = "Family hub 👪🏽 — العائلة أولاً — משפחה — 家庭支援"
FORMULA_LIKE = {
    "=": '=HYPERLINK("http://example.invalid/x","click me")',
    "+": "+44 20 7946 0000",
    "-": "-2 families on the waiting list",
    "@": "@SUM(A1:A9)",
}


def text_records() -> ModelRecords:
    """Records whose text must be written back exactly, never as formulas."""
    return ModelRecords(
        intervention={"organisation": "Example Borough Council", "name": EMOJI_RTL,
                      "summary": CONTROL_TEXT, "rationale": FORMULA_LIKE["="],
                      "lead_contact": FORMULA_LIKE["+"]},
        elements={
            "components": [
                {"id": "C1", "component": FORMULA_LIKE["@"], "description": LONG_TEXT,
                 "dose": FORMULA_LIKE["-"]},
                {"id": "C2", "component": EMOJI_RTL, "description": CONTROL_TEXT},
            ],
            "outcomes": [{"id": "OC1", "outcome": FORMULA_LIKE["="], "timescale": "Short term"}],
        },
    )


# --- hostile zips ---------------------------------------------------------------------------------


def sheet_part(workbook: Path, name: str) -> str:
    """The zip part holding sheet ``name`` (through workbook.xml and its relationships)."""
    import re

    with zipfile.ZipFile(workbook) as zf:
        wb = zf.read("xl/workbook.xml").decode()
        rels = zf.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet\b[^>]*name="{re.escape(name)}"[^>]*r:id="([^"]+)"', wb).group(1)
    rel = re.search(rf'<Relationship\b[^>]*Id="{rid}"[^>]*>', rels).group(0)
    target = re.search(r'Target="([^"]+)"', rel).group(1)
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def _rewrite(example: Path, path: Path, parts: dict[str, Callable[[bytes], bytes]]) -> Path:
    with zipfile.ZipFile(example) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename in parts:
                data = parts[info.filename](data)
            out.writestr(info.filename, data)
    return path


def _laughs(levels: int = 10) -> str:
    ents = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, levels)
    ]
    return "<!DOCTYPE lolz [" + "".join(ents) + "]>"


def _with_dtd(data: bytes, use: str) -> bytes:
    text = data.decode("utf-8")
    decl, rest = text.split("?>", 1) if text.startswith("<?xml") else ("", text)
    head = decl + "?>" if decl else ""
    return (head + _laughs() + rest.replace(use[0], use[1], 1)).encode("utf-8")


def billion_laughs_strings(folder: Path, example: Path) -> Path:
    """sharedStrings.xml declaring entities that expand to 10^9 'lol's."""
    return _rewrite(example, folder / "laughs.xlsx", {
        "xl/sharedStrings.xml": lambda d: _with_dtd(d, ("<t>", "<t>&lol9;")),
    })


def billion_laughs_sheet(folder: Path, example: Path) -> Path:
    """A worksheet declaring the same entities, used in an inline string."""
    row = '<row r="60"><c r="A60" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    return _rewrite(example, folder / "laughs in sheet.xlsx", {
        sheet_part(example, "Intervention"): lambda d: _with_dtd(d, ("<sheetData>", "<sheetData>" + row)),
    })


def many_rows(folder: Path, example: Path, rows: int = 1_500_000) -> Path:
    """A sheet of ``rows`` one-cell rows (a few MB zipped): refused at once, not read for minutes."""
    path = folder / "many rows.xlsx"
    with zipfile.ZipFile(example) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename == "xl/worksheets/sheet7.xml":
                with out.open(info.filename, "w") as fh:
                    fh.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                             b'spreadsheetml/2006/main"><sheetData>')
                    step = 10_000
                    for first in range(1, rows + 1, step):
                        fh.write(b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r)
                                          for r in range(first, min(first + step, rows + 1))))
                    fh.write(b"</sheetData></worksheet>")
            else:
                out.writestr(info.filename, src.read(info))
    return path


def last_row_written(folder: Path, example: Path) -> Path:
    """Every sheet ends with an empty formatted row 1,048,576, as LibreOffice writes after a
    deleted row: a normal workbook, read as one."""

    def add(data: bytes) -> bytes:
        return data.replace(b"</sheetData>", b'<row r="1048576" s="1" customFormat="1"/></sheetData>', 1)

    with zipfile.ZipFile(example) as src:
        sheets = [n for n in src.namelist() if n.startswith("xl/worksheets/sheet")]
    return _rewrite(example, folder / "last row.xlsx", {n: add for n in sheets})


def zip_bomb(folder: Path, example: Path, megabytes: int = 64) -> Path:
    """A worksheet part of ``megabytes`` MB of empty rows that compresses about 1000 times."""
    path = folder / "bomb.xlsx"
    with zipfile.ZipFile(example) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename == sheet_part(example, "Inputs"):
                with out.open(info.filename, "w") as fh:
                    fh.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                             b'spreadsheetml/2006/main"><sheetData>')
                    block = b"<row/>" * (1 << 17)  # 768 KiB
                    for _ in range(megabytes * 4 // 3):
                        fh.write(block)
                    fh.write(b"</sheetData></worksheet>")
            else:
                out.writestr(info.filename, src.read(info))
    return path


def lying_zip(folder: Path, example: Path) -> Path:
    """A zip whose directory understates a part's size (a bomb hiding from size checks)."""
    path = _rewrite(example, folder / "lying.xlsx", {})
    data = bytearray(path.read_bytes())
    # Patch the uncompressed size of sharedStrings.xml in the central directory to 100 bytes.
    name = b"xl/sharedStrings.xml"
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        n = int.from_bytes(data[pos + 28:pos + 30], "little")
        if data[pos + 46:pos + 46 + n] == name:
            data[pos + 24:pos + 28] = (100).to_bytes(4, "little")
            break
        pos = data.find(b"PK\x01\x02", pos + 4)
    assert pos != -1, "sharedStrings.xml not found in the central directory"
    path.write_bytes(bytes(data))
    return path


# --- files beside the input ------------------------------------------------------------------------


def open_in_excel(folder: Path, example: Path) -> Path:
    """The example with the '~$' owner file Excel leaves beside a workbook it has open."""
    path = folder / "open in excel.xlsx"
    shutil.copyfile(example, path)
    (folder / ("~$" + path.name)).write_bytes(b"\x0bExcel user" + b" " * 150)
    return path


def awkward_name(folder: Path, example: Path) -> Path:
    """A path with spaces and non-ASCII characters in both the folder and the file name."""
    sub = folder / "Café & crèche — plans 2026"
    sub.mkdir(exist_ok=True)
    path = sub / "Modèle logique – Ærø 👪.xlsx"
    shutil.copyfile(example, path)
    return path
