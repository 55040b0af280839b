"""The reader's fast XML paths give exactly what openpyxl's own reader gives.

The reader parses the shared-strings table and the rows of each sheet with the C XML parser when
the part provably has no DTD (so no entity can be declared), converting every cell with
openpyxl's own code, and otherwise lets openpyxl (through defusedxml) do it. These tests compare
the reader with itself with the fast paths off (openpyxl alone) on workbooks built here (plain,
rich-text, phonetic, escaped, DTD, entity, UTF-16 and broken shared strings), on the template and
a large generated model, and on every .xlsx/.xlsm file of the shared foreign-spreadsheet corpus:
the same grids, or the same error.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from lm_excel import errors as E
from lm_excel import layout as L
from lm_excel.workbook import reader
from lm_excel.workbook.builder import build_workbook
from lm_excel.example import example_records
from lm_excel.model import ModelRecords
from lm_excel.workbook.reader import _fast_row_cells, _load_read_only, _NotFast, read_grids, sniff

from .conftest import CORPUS

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _reference_grids(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """The reference: the same reader with the fast paths off (openpyxl and defusedxml alone)."""
    saved = reader._FAST_XML
    reader._FAST_XML = False
    try:
        return read_grids(path)
    finally:
        reader._FAST_XML = saved


def _typed(grids: dict[str, list[tuple[object, ...]]]) -> dict[str, list[list[tuple[str, str]]]]:
    """Values with their types (so 1 and 1.0 and True differ, and NaN equals NaN)."""
    return {k: [[(type(v).__name__, repr(v)) for v in row] for row in g] for k, g in grids.items()}


def _takes_fast_path(ws) -> bool:
    """Whether the C fast path reads this sheet to the end (rather than handing it to openpyxl)."""
    try:
        for _ in _fast_row_cells(ws):
            pass
    except _NotFast:
        return False
    return True


def _assert_same_as_openpyxl(path: Path) -> str:
    """Same grids as openpyxl's own path, or the same error message."""
    try:
        expected = _reference_grids(path)
    except E.WorkbookError as exc:
        with pytest.raises(E.WorkbookError) as info:
            read_grids(path)
        assert (type(info.value), str(info.value)) == (type(exc), str(exc)), path.name
        return "error"
    got = read_grids(path)
    assert _typed(got) == _typed(expected), path.name
    return "same"


def _workbook_with_strings(tmp_path: Path, name: str, sst: bytes, count: int) -> Path:
    """A workbook whose cells A1..A<count> use shared strings 0..count-1 of ``sst`` (raw XML)."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet("Data")
    for i in range(count):  # XlsxWriter numbers shared strings in order of first use
        ws.write_string(i, 0, f"placeholder {i}")
    ws.write_number(0, 1, 42)
    wb.close()
    out = tmp_path / name
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/sharedStrings.xml":
                data = sst
            dst.writestr(info, data)
    return out


def _sst(items: list[str], head: str = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
         encoding: str = "utf-8") -> bytes:
    body = f'{head}<sst xmlns="{NS}" count="{len(items)}" uniqueCount="{len(items)}">{"".join(items)}</sst>'
    return body.encode(encoding)


SI_CASES = [
    "<si><t>Plain text</t></si>",
    '<si><t xml:space="preserve">  leading and trailing  </t></si>',
    "<si><t/></si>",
    "<si/>",
    "<si><t>Caf\u00e9 \u2013 Ysgol Gymraeg \U0001f600</t></si>",
    "<si><t>line one&#10;line two\tTab &amp; &lt;angle&gt; &quot;q&quot; &apos;a&apos;</t></si>",
    "<si><t>_x005F_x000D_ escaped and x005F_ stripped</t></si>",
    ('<si><r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="Calibri"/></rPr><t>Bold </t></r>'
     '<r><t xml:space="preserve">and plain</t></r></si>'),
    '<si><t>Base</t><r><t>run</t></r></si>',
    ('<si><t>\u6f22\u5b57</t><rPh sb="0" eb="2"><t>\u304b\u3093\u3058</t></rPh>'
     '<phoneticPr fontId="1" type="noConversion"/></si>'),
    "<si><r><t></t></r><r><rPr><i/></rPr></r></si>",
    "<si><t><![CDATA[cdata <kept> as text]]></t><!-- a comment --></si>",
    '<si><x:t xmlns:x="urn:other">other namespace</x:t></si>',
    "<si><t>first</t><t>second</t></si>",
]


def test_shared_strings_of_every_shape_read_as_openpyxl_reads_them(tmp_path: Path) -> None:
    path = _workbook_with_strings(tmp_path, "shapes.xlsx", _sst(SI_CASES), len(SI_CASES))
    assert _assert_same_as_openpyxl(path) == "same"
    values = [row[0] for row in read_grids(path)["Data"]]
    assert values[0] == "Plain text"
    assert values[7] == "Bold and plain"  # rich-text runs joined, formatting dropped


@pytest.mark.parametrize(
    ("name", "sst", "outcome"),
    [
        # A DTD without entities: not the fast path; openpyxl (defusedxml) reads it.
        ("dtd.xlsx", _sst(SI_CASES[:3], head='<?xml version="1.0"?><!DOCTYPE sst>'), "same"),
        # An entity declaration (a small "billion laughs"): refused as openpyxl refuses it.
        ("entities.xlsx", _sst(["<si><t>&b;</t></si>"] * 3, head=(
            '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')), "error"),
        # An external entity: refused as openpyxl refuses it.
        ("external.xlsx", _sst(["<si><t>&x;</t></si>"] * 3, head=(
            '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/hostname">]>')), "error"),
        # An undeclared entity: a parse error either way.
        ("undeclared.xlsx", _sst(["<si><t>&nope;</t></si>"] * 3), "error"),
        # UTF-16 (no literal "<!DOCTYPE" bytes to scan): openpyxl's path.
        ("utf16.xlsx", _sst(SI_CASES[:3], head='<?xml version="1.0" encoding="UTF-16"?>',
                            encoding="utf-16"), "same"),
        # Latin-1 declared: openpyxl's path.
        ("latin1.xlsx", _sst(["<si><t>Caf\u00e9</t></si>"] * 3, head='<?xml version="1.0" encoding="ISO-8859-1"?>',
                             encoding="latin-1"), "same"),
        # UTF-8 with a byte order mark: the fast path.
        ("bom.xlsx", b"\xef\xbb\xbf" + _sst(SI_CASES[:3]), "same"),
        # Broken XML: the same error as openpyxl gives.
        ("broken.xlsx", _sst(SI_CASES[:3])[:-20], "error"),
        ("truncated.xlsx", b"<sst", "error"),
    ],
)
def test_unusual_shared_string_parts_match_openpyxl(tmp_path: Path, name: str, sst: bytes, outcome: str) -> None:
    path = _workbook_with_strings(tmp_path, name, sst, 3)
    assert _assert_same_as_openpyxl(path) == outcome


def _big_records(n: int) -> ModelRecords:
    rec = example_records()
    elements = {}
    for sheet in L.LIST_SHEETS:
        rows = []
        for i in range(1, n + 1):
            row: dict[str, object] = {}
            for col in sheet.columns:
                if col.kind == "id":
                    row[col.key] = f"{sheet.prefix}{i}"
                elif col.kind == "choice":
                    row[col.key] = col.options[i % len(col.options)]
                elif col.kind == "text":
                    row[col.key] = f"{col.key} {i} caf\u00e9 & <co> end"
            rows.append(row)
        elements[sheet.key] = rows
    return ModelRecords(dict(rec.intervention), elements)


def test_project_workbooks_read_as_openpyxl_reads_them(tmp_path: Path, example_xlsx: Path,
                                                       blank_xlsx: Path) -> None:
    big = build_workbook(tmp_path / "big.xlsx", _big_records(150))
    data = Path(__file__).parent / "data"
    for path in [example_xlsx, blank_xlsx, big, *sorted(data.glob("*.xls[xm]"))]:
        assert _assert_same_as_openpyxl(path) == "same", path.name
    wb = _load_read_only(big)  # the builder's sheets all take the fast path
    try:
        assert all(_takes_fast_path(ws) for ws in wb.worksheets)
    finally:
        wb.close()


def test_foreign_corpus_reads_as_openpyxl_reads_it() -> None:
    files = sorted(p for p in CORPUS.iterdir() if p.suffix.lower() in (".xlsx", ".xlsm"))
    assert len(files) >= 50
    outcomes = []
    for path in files:
        try:
            sniff(path)
        except E.WorkbookError:
            continue  # refused before any XML is read, on either path
        outcomes.append(_assert_same_as_openpyxl(path))
    assert outcomes.count("same") >= 40


def _workbook_with_sheet_xml(tmp_path: Path, name: str, sheet_data: str, extra: str = "",
                             before: str = "") -> Path:
    """A workbook whose first sheet's XML is replaced by ``sheet_data`` rows (raw XML)."""
    path = _workbook_with_strings(tmp_path, name, _sst(SI_CASES[:3]), 3)
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i.filename) for i in src.infolist()}
        infos = src.infolist()
    parts["xl/worksheets/sheet1.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'{before}<sheetData>{sheet_data}</sheetData>{extra}</worksheet>').encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in infos:
            dst.writestr(info, parts[info.filename])
    return path


ROWS = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>3.5</v></c><c r="D1" t="b"><v>1</v></c>'
    '<c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="str"><f>A1</f><v>formula text</v></c></row>'
    '<row r="4" spans="1:3" ht="30" customHeight="1"><c r="B4" t="inlineStr"><is><t>inline</t></is></c>'
    '<c r="A4" t="s"><v>1</v></c><c><v>7</v></c></row>'
    '<row r="3"><c r="A3"><v>1e3</v></c></row>'
    '<row><c t="d"><v>2024-02-29T10:30:00</v></c><c t="inlineStr"><is><r><t>rich </t></r><r><t>inline</t></r></is></c></row>'
    '<row r="9"/><row r="10"><c r="Z10" t="s"><v>2</v></c><c r="B10"><v>-0</v></c></row>'
)


@pytest.mark.parametrize(
    ("name", "rows", "extra", "before"),
    [
        ("rows.xlsx", ROWS, "", '<dimension ref="A1:B2"/>'),
        ("with-cols.xlsx", ROWS, ('<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>'
                                  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'),
         '<sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="1" max="2" width="12"/></cols>'),
        # Shapes the fast path leaves to openpyxl: a comment, CDATA, a row outside sheetData.
        ("comment.xlsx", ROWS + "<!-- note -->", "", ""),
        ("cdata.xlsx", '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[x]]></t></is></c></row>', "", ""),
        ("outside.xlsx", ROWS, '<extLst><row r="40"><c r="A40"><v>1</v></c></row></extLst>', ""),
        # Broken: the same error as openpyxl.
        ("bad-row.xlsx", '<row r="x"><c r="A1"><v>1</v></c></row>', "", ""),
        ("bad-ref.xlsx", '<row r="1"><c r="1A"><v>1</v></c></row>', "", ""),
        ("bad-string.xlsx", '<row r="1"><c r="A1" t="s"><v>99</v></c></row>', "", ""),
        ("bad-margins.xlsx", ROWS, '<pageMargins left="wide"/>', ""),
        ("unclosed.xlsx", ROWS, "<pageMargins left='1'>", ""),
    ],
)
def test_sheet_rows_read_as_openpyxl_reads_them(tmp_path: Path, name: str, rows: str, extra: str,
                                                before: str) -> None:
    path = _workbook_with_sheet_xml(tmp_path, name, rows, extra, before)
    outcome = _assert_same_as_openpyxl(path)
    assert outcome == ("error" if name.startswith(("bad-", "unclosed")) else "same"), outcome
    if outcome == "same":  # the comparison above really covered the fast path where it applies
        wb = _load_read_only(path)
        try:
            fast = _takes_fast_path(wb.worksheets[0])
        finally:
            wb.close()
        assert fast == (name in ("rows.xlsx", "with-cols.xlsx")), name


@pytest.mark.parametrize("epoch_1904", [False, True])
def test_dates_numbers_and_types_read_as_openpyxl_reads_them(tmp_path: Path, epoch_1904: bool) -> None:
    import datetime as dt

    wb = openpyxl.Workbook()
    ws = wb.active
    wb.epoch = openpyxl.utils.datetime.MAC_EPOCH if epoch_1904 else openpyxl.utils.datetime.WINDOWS_EPOCH
    ws.append(["text", 1, 2.5, True, False, None, "=1+1", dt.date(2025, 4, 1)])
    ws.append([dt.datetime(2024, 2, 29, 13, 45, 10), dt.time(9, 30), dt.timedelta(hours=30), -1.25e-7])
    ws["J2"] = 45000
    ws["J2"].number_format = "dd/mm/yyyy"
    ws["K2"] = 0.5
    ws["K2"].number_format = "[h]:mm:ss"
    ws["L2"] = 44927.75
    ws["L2"].number_format = '[$-809]d mmmm yyyy;@'
    ws["M2"] = 12
    ws["M2"].number_format = '0.00" days"'
    ws["A5"] = "after a gap"
    ws2 = wb.create_sheet("Second sheet")
    ws2["C3"] = "only cell"
    path = tmp_path / f"types-{epoch_1904}.xlsx"
    wb.save(path)
    assert _assert_same_as_openpyxl(path) == "same"
    grid = read_grids(path)["Sheet"]
    assert isinstance(grid[1][0], dt.datetime) and grid[0][3] is True


def test_the_fast_paths_run_on_the_pinned_openpyxl():
    """The openpyxl range pinned in pyproject.toml is the reader's, the installed openpyxl is in
    it, so the equivalence tests above compare the fast paths (not openpyxl with itself)."""
    import re
    from importlib.metadata import version

    from lm_excel.workbook import reader

    text = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    pin = re.search(r'"openpyxl>=(\d+)\.(\d+),<(\d+)\.(\d+)"', text)
    assert pin, "pyproject.toml pins openpyxl as >=X.Y,<X.Z"
    low, high = tuple(map(int, pin.groups()[:2])), tuple(map(int, pin.groups()[2:]))
    assert (low, high) == reader.OPENPYXL_FAST_RANGE
    installed = tuple(int(p) for p in version("openpyxl").split(".")[:2])
    assert low <= installed < high
    assert reader._fast_xml(), "with the pinned openpyxl, the fast paths are on"
