"""Read a logic-model workbook file (.xlsx / .xlsm) into a :class:`~lm_excel.model.LogicModel`.

The file is checked before it is parsed: its first bytes say what it really is (a legacy .xls, an
encrypted workbook, an OpenDocument file, CSV, random bytes), and its zip directory is checked
against size limits so a hostile file is refused before any XML is read. The file is only ever
opened for reading.

Safety limits (all documented in docs/security.md): file size, total uncompressed size, the
expansion ratio of any large part, number of zip parts, number of sheets, rows and columns read
per sheet, characters per cell; any DTD or entity declaration in an XML part is refused.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
import stat
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lm_excel.errors import (
    EncryptedWorkbookError,
    NotAWorkbookError,
    TooLargeError,
    UnsafeWorkbookError,
    WorkbookError,
    os_error_text,
)
from lm_excel.model import CellRef, LogicModel, StructureNote
from lm_excel.workbook import xlsx_scan
from lm_excel.workbook.parse import Grid, locate_sheets, parse_grids

#: Refuse workbooks whose parts would expand to more than this many bytes.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
#: Refuse zip parts that expand more than this many times (a zip bomb's signature).
MAX_COMPRESSION_RATIO = 200
#: Read at most this many rows of any sheet.
MAX_ROWS = 20_000
#: Refuse a sheet with more cells than this (counted while streaming, empty ones included).
MAX_CELLS = 2_000_000
#: Read at most this many columns of any sheet (columns further right are ignored).
MAX_COLUMNS = 200
#: Refuse files larger than this on disk.
MAX_FILE_BYTES = 100 * 1024 * 1024
#: Refuse zip files with more parts than this.
MAX_PARTS = 10_000
#: Refuse workbooks with more sheets than this.
MAX_SHEETS = 255
#: Refuse cells holding more characters than this. Excel's own limit is 32,767; LibreOffice
#: allows more, so longer cells up to this limit are read (the checks flag text too long to print).
MAX_CELL_CHARS = 100_000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")


def sniff(path: Path) -> None:
    """Raise a clear error unless ``path`` looks like an unencrypted .xlsx/.xlsm file."""
    try:
        st = path.stat()
        size = st.st_size
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):  # a pipe or device: opening it could wait for ever
            raise WorkbookError("is not a regular file (a pipe or a device), not a workbook", path)
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise WorkbookError("file not found", path) from None
    except IsADirectoryError:
        raise WorkbookError("is a folder, not a workbook file", path) from None
    except OSError as exc:
        raise WorkbookError(os_error_text(exc, "cannot be opened"), path) from None
    if path.is_dir():
        raise WorkbookError("is a folder, not a workbook file", path)
    if size == 0:
        raise NotAWorkbookError("is empty (0 bytes); it may not have finished saving or downloading", path)
    if size > MAX_FILE_BYTES:
        raise TooLargeError(
            f"is refused: it is {size / 1e6:.0f} MB, above the {MAX_FILE_BYTES / 1e6:.0f} MB limit "
            "for a logic-model workbook",
            path,
        )
    if head.startswith(_OLE_MAGIC):
        with path.open("rb") as fh:
            data = fh.read(4 * 1024 * 1024)
        if _ENCRYPTION_INFO in data:
            raise EncryptedWorkbookError(
                "is encrypted or password-protected; open it in Excel, remove the password "
                "(File > Info > Protect Workbook) and save it again",
                path,
            )
        raise NotAWorkbookError(
            "is a legacy Excel 97-2003 file (.xls) or another old Office format; open it in Excel "
            "and save it as an Excel Workbook (.xlsx)",
            path,
        )
    if not head.startswith(_ZIP_MAGIC):
        kind = "a text or CSV file" if _looks_like_text(path) else "an unknown kind of file"
        raise NotAWorkbookError(
            f"is {kind}, not an Excel workbook (.xlsx/.xlsm); open it in Excel and save it as an "
            "Excel Workbook (.xlsx)",
            path,
        )
    _check_zip(path)


def _looks_like_text(path: Path) -> bool:
    with path.open("rb") as fh:
        chunk = fh.read(4096)
    if b"\x00" in chunk:
        return False
    try:
        chunk.decode("utf-8")
    except UnicodeDecodeError:
        try:
            chunk.decode("cp1252")
        except UnicodeDecodeError:
            return False
    return True


def _other_zip_kind(names: set[str]) -> str:
    """What a zip file that is not a workbook is, as one line ('is a Word document, ...')."""
    if "word/document.xml" in names:
        return ("is a Word document (.docx), not an Excel workbook; give the logic-model workbook "
                "(.xlsx or .xlsm)")
    if "ppt/presentation.xml" in names:
        return ("is a PowerPoint presentation (.pptx), not an Excel workbook; give the logic-model "
                "workbook (.xlsx or .xlsm)")
    return "is a zip file but not an Excel workbook"


def _check_zip(path: Path) -> None:
    """Refuse, with one line, a zip that is not a workbook, is too large once expanded, or holds
    something hostile, before openpyxl parses any of it."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _refuse_other_kinds({i.filename for i in infos}, path)
            _refuse_large(infos, path)
            _refuse_hostile_or_long(zf, path)
    except zipfile.BadZipFile:
        raise NotAWorkbookError("is damaged: it is not a readable .xlsx/.xlsm file", path) from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError) as exc:
        raise NotAWorkbookError(f"is damaged: it is not a readable .xlsx/.xlsm file ({_short(exc)})", path) from None
    except Exception as exc:  # defusedxml refusals and damaged XML in workbook.xml
        if isinstance(exc, WorkbookError):
            raise
        if type(exc).__module__.startswith("defusedxml"):
            raise UnsafeWorkbookError(
                "is refused: it declares XML entities (a DTD), which Excel never writes", path
            ) from None
        raise NotAWorkbookError(f"is damaged: it is not a readable .xlsx/.xlsm file ({_short(exc)})", path) from None


def _refuse_other_kinds(names: set[str], path: Path) -> None:
    """A zip of another kind (.ods, .xlsb, a Word or PowerPoint file) is named as what it is."""
    if "mimetype" in names and "content.xml" in names:
        raise NotAWorkbookError(
            "is an OpenDocument spreadsheet (.ods); open it and save it as an Excel Workbook (.xlsx)",
            path,
        )
    if "xl/workbook.bin" in names:
        raise NotAWorkbookError(
            "is an Excel Binary Workbook (.xlsb); open it in Excel and save it as an Excel Workbook (.xlsx)",
            path,
        )
    if "xl/workbook.xml" not in names:
        raise NotAWorkbookError(_other_zip_kind(names), path)


def _refuse_large(infos: list[zipfile.ZipInfo], path: Path) -> None:
    """Too many parts, a part that expands like a zip bomb, or too much in all, from the zip's
    directory alone."""
    if len(infos) > MAX_PARTS:
        raise TooLargeError(
            f"is refused: it holds {len(infos):,} parts, above the limit of {MAX_PARTS:,}",
            path,
        )
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > MAX_COMPRESSION_RATIO:
            raise TooLargeError(
                f"is refused: its part '{info.filename}' expands {ratio:.0f} times "
                "(a sign of a damaged or hostile file)",
                path,
            )
    if total > MAX_UNCOMPRESSED_BYTES:
        raise TooLargeError(
            f"is refused: it would expand to {total / 1e6:.0f} MB, above the "
            f"{MAX_UNCOMPRESSED_BYTES / 1e6:.0f} MB limit for a logic-model workbook",
            path,
        )


def _refuse_hostile_or_long(zf: zipfile.ZipFile, path: Path) -> None:
    """XML entity declarations anywhere, too many sheets, or a sheet past the row limit."""
    hostile = xlsx_scan.find_entity_declarations(zf)
    if hostile:
        raise UnsafeWorkbookError(
            f"is refused: its part '{hostile}' declares XML entities (a DTD), which Excel "
            "never writes and which can make a small file expand without limit",
            path,
        )
    parts = xlsx_scan.sheet_parts(zf)
    if len(parts) > MAX_SHEETS:
        raise TooLargeError(
            f"is refused: it has {len(parts):,} sheets, above the limit of {MAX_SHEETS}",
            path,
        )
    _refuse_long_sheets(zf, parts, path)


#: A worksheet part larger than this is looked through for rows past the row limit before any
#: XML is parsed (a smaller one is parsed in a moment, and refused while streaming if need be).
_LONG_SHEET_BYTES = 1024 * 1024


def _refuse_long_sheets(zf: zipfile.ZipFile, parts: dict[str, str], path: Path) -> None:
    """Refuse a large sheet with a value past :data:`MAX_ROWS` at once, from its raw XML, as the
    streaming read would after parsing every row before it (e.g. 1.5 million one-cell rows)."""
    sizes = {i.filename: i.file_size for i in zf.infolist()}
    for sheet, part in parts.items():
        if sizes.get(part, 0) > _LONG_SHEET_BYTES and xlsx_scan.valued_row_beyond(
                zf, part, MAX_ROWS, MAX_COLUMNS) is not None:
            raise TooLargeError(f"is refused: sheet '{sheet}' has more than {MAX_ROWS:,} rows", path)


#: The openpyxl versions (major, minor) whose reader internals the fast paths below use
#: (``ExcelReader.read_strings``, ``WorkSheetParser.parse_row``, ...), as pinned in
#: pyproject.toml: at least the first, below the second. Outside it, openpyxl's own path runs.
OPENPYXL_FAST_RANGE = ((3, 1), (3, 2))


def _openpyxl_in_fast_range() -> bool:
    # openpyxl's own version string: the reader imports openpyxl before any fast path runs, and
    # importlib.metadata would add about 15 ms to every process that imports this module.
    import openpyxl

    try:
        found = tuple(int(p) for p in openpyxl.__version__.split(".")[:2])
    except (AttributeError, ValueError):
        return False
    low, high = OPENPYXL_FAST_RANGE
    return low <= found < high


#: Parse shared strings and sheet rows with the C XML parser where provably safe (tests turn it
#: off to compare with openpyxl's own path); only with an openpyxl the fast paths are tested on.
#: None until first needed (see :func:`_fast_xml`), so importing the reader stays cheap.
_FAST_XML: bool | None = None


def _fast_xml() -> bool:
    """Whether the fast paths run (decided once, on first use, unless a test has set it)."""
    global _FAST_XML
    if _FAST_XML is None:
        _FAST_XML = _openpyxl_in_fast_range()
    return _FAST_XML
#: The XML declaration's encoding, if any (group 1).
_XML_DECL_ENCODING = re.compile(rb"""\A(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
_UTF8_NAMES = (b"utf-8", b"utf8")


def _plain_xml(data: bytes) -> bool:
    """True when ``data`` is UTF-8 XML that provably has no DTD, so no entity can be declared.

    In UTF-8 (or its ASCII subset) a document type declaration, and any entity declaration, must
    appear literally as the bytes ``<!DOCTYPE`` / ``<!ENTITY``; without one, the XML parser can
    only expand the five predefined entities and character references, so no entity expansion
    attack (nested or external entities) is possible. Anything else (another encoding, a byte
    order mark other than UTF-8's, a NUL byte, a DTD) returns False and takes openpyxl's own,
    defusedxml-protected path.
    """
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if not body.startswith(b"<") or b"\x00" in data:
        return False
    m = _XML_DECL_ENCODING.match(data)
    if m and m.group(1).strip().lower() not in _UTF8_NAMES:
        return False
    return b"<!DOCTYPE" not in data and b"<!ENTITY" not in data


def _fast_string_table(data: bytes) -> list[str]:
    """The shared-strings table as openpyxl's ``read_string_table`` gives it, parsed in C.

    Only call on data for which :func:`_plain_xml` is True. Each ``si`` that is a single plain
    ``t`` element is read directly; any other shape (rich-text runs, phonetic runs, attributes)
    is handed to openpyxl's own ``Text`` class, so the result is the same string by construction.
    """
    from xml.etree.ElementTree import XMLPullParser  # the C-accelerated parser

    from openpyxl.cell.text import Text
    from openpyxl.xml.constants import SHEET_MAIN_NS

    si_tag = f"{{{SHEET_MAIN_NS}}}si"
    t_tag = f"{{{SHEET_MAIN_NS}}}t"
    parser = XMLPullParser(events=("end",))
    strings: list[str] = []

    def take() -> None:
        for _, node in parser.read_events():
            if node.tag != si_tag:
                continue
            t = node[0] if len(node) == 1 else None
            if not node.attrib and t is not None and t.tag == t_tag and len(t) == 0:
                text = t.text or ""
            else:
                text = Text.from_tree(node).content
            strings.append(text.replace("x005F_", ""))
            node.clear()

    step = 1 << 20
    for start in range(0, len(data), step):
        parser.feed(data[start:start + step])
        take()
    parser.close()
    take()
    return strings


def _load_read_only(path: Path):  # type: ignore[no-untyped-def]
    """``openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)``, with
    the shared-strings table parsed by the C XML parser when the part provably has no DTD.

    The speed-up is local to this reader (a subclass of openpyxl's ``ExcelReader``): openpyxl's
    defusedxml setting is not touched. If the fast parse fails for any reason, openpyxl's own
    reader runs instead, so damaged files give exactly the errors they gave before.
    """
    from openpyxl.reader.excel import SHARED_STRINGS, ExcelReader
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class _Sheet(ReadOnlyWorksheet):  # type: ignore[misc]
        def _get_size(self) -> None:
            """Not read: openpyxl parses a sheet without a ``dimension`` element to its end to
            look for one, and this reader never uses the declared size."""

    class _Reader(ExcelReader):  # type: ignore[misc]
        def read_worksheets(self) -> None:
            """openpyxl's read-only branch, with sheets that do not parse themselves on load."""
            for sheet, rel in self.parser.find_sheets():
                if rel.target not in self.valid_files:
                    continue
                if "chartsheet" in rel.Type:
                    self.read_chartsheet(sheet, rel)
                    continue
                ws = _Sheet(self.wb, sheet.name, rel.target, self.shared_strings)
                ws.sheet_state = sheet.state
                self.wb._sheets.append(ws)

        def read_strings(self) -> None:
            ct = self.package.find(SHARED_STRINGS)
            fast = None
            if ct is not None and not self.rich_text and _fast_xml():
                try:
                    data = self.archive.read(ct.PartName[1:])
                    fast = _fast_string_table(data) if _plain_xml(data) else None
                except Exception:  # noqa: BLE001 - openpyxl's reader below gives its own error
                    fast = None
            if fast is None:
                super().read_strings()
            else:
                self.shared_strings = fast

    reader = _Reader(path, read_only=True, data_only=True, keep_links=False)
    try:
        reader.read()
    except BaseException:
        reader.archive.close()  # openpyxl leaves the file open when a read-only load fails
        raise
    return reader.wb


_SHEET_DATA_OPEN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sheetData\b[^>]*>")
_SHEET_DATA_CLOSE = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?sheetData\s*>")
#: Byte patterns that send a sheet to openpyxl's path (comments, CDATA, DTD, processing instructions).
_NOT_FAST = (b"<!--", b"<![CDATA[", b"<!DOCTYPE", b"<!ENTITY")
_WINDOW = 512  # bytes kept from the previous chunk, so a tag split across chunks is still seen
_STEP = 1 << 18

Cells = list[dict[str, Any]]


class _NotFast(Exception):
    """This sheet must take openpyxl's path (raised at any point of the fast stream)."""


def _parser(ws: Any, src: Any) -> Any:
    from openpyxl.worksheet._reader import WorkSheetParser

    wb = ws.parent
    return WorkSheetParser(src, ws._shared_strings, data_only=wb.data_only, epoch=wb.epoch,
                           date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)


class _SheetBytes:
    """The bytes of one sheet part, seen chunk by chunk: checks that the C parser may read it, and
    keeps everything outside ``sheetData``'s content (the "rest") for openpyxl's own parse."""

    def __init__(self) -> None:
        self.offset = 0  # bytes seen before the current chunk
        self.tail = b""  # the last bytes of the previous window
        self.head = bytearray()  # bytes from the start, until sheetData's opening tag is passed
        self.after = bytearray()  # bytes from sheetData's closing tag on
        self.open_at: int | None = None  # offset just after <sheetData>
        self.close_at: int | None = None  # offset of </sheetData>

    def see(self, chunk: bytes) -> None:
        base = self.offset - len(self.tail)  # offset of the window's first byte
        window = self.tail + chunk
        fresh = len(self.tail)  # a match ending after this point was not seen before
        if self.offset == 0 and not _plain_xml(chunk[:4096]):
            raise _NotFast
        if b"\x00" in chunk or any(m in window for m in _NOT_FAST):
            raise _NotFast
        pi = window.find(b"<?")
        while pi >= 0:
            if base + pi > 3:  # only the XML declaration (after a byte-order mark) may be one
                raise _NotFast
            pi = window.find(b"<?", pi + 1)
        for m in _SHEET_DATA_OPEN.finditer(window):
            if m.end() > fresh:
                if self.open_at is not None or m.group().endswith(b"/>"):
                    raise _NotFast
                self.open_at = base + m.end()
        for m in _SHEET_DATA_CLOSE.finditer(window):
            if m.end() > fresh:
                if self.close_at is not None or self.open_at is None:
                    raise _NotFast
                self.close_at = base + m.start()
                self.after += window[m.start():]
                chunk = b""  # already kept
        if self.close_at is not None and chunk and self.after:
            self.after += chunk
        if self.open_at is None or len(self.head) < self.open_at:
            self.head += window[fresh:]
            if self.open_at is None and len(self.head) > 16 * _STEP:
                raise _NotFast
        self.tail = window[-_WINDOW:]
        self.offset += len(window) - fresh

    def rest(self) -> bytes:
        """The sheet XML with the rows cut out."""
        if self.open_at is None or self.close_at is None:
            raise _NotFast
        return bytes(self.head[: self.open_at]) + bytes(self.after)


def _fast_row_cells(ws: Any) -> Iterator[tuple[int, Cells]]:
    """Each ``row`` element of a read-only sheet as ``(row number, cells)``, as openpyxl's
    ``WorkSheetParser.parse`` gives them, but parsed by the C XML parser while streaming.

    Only for sheet XML that provably has no DTD (:func:`_plain_xml`), no comments, CDATA or
    processing instructions, and exactly one ``sheetData`` element; anything else raises
    :class:`_NotFast` (at any point of the stream) and the caller reads the sheet with openpyxl.
    Every cell is converted by openpyxl's own ``WorkSheetParser.parse_row``; the rest of the sheet
    XML (without the rows) goes through openpyxl's own, defusedxml-protected parse at the end, so
    anything that would make openpyxl fail or warn still does (and sends the sheet to openpyxl).
    Memory stays bounded: each row is dropped from the tree once read.
    """
    import io
    from xml.etree.ElementTree import XMLPullParser  # the C-accelerated parser

    from openpyxl.xml.constants import SHEET_MAIN_NS

    row_tag = f"{{{SHEET_MAIN_NS}}}row"
    sheet_data_tag = f"{{{SHEET_MAIN_NS}}}sheetData"
    scan = _SheetBytes()
    rows = _parser(ws, None)
    pull = XMLPullParser(events=("start", "end"))
    holder: list[Any] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with ws.parent._archive.open(ws._worksheet_path) as fh:
            while True:
                chunk = fh.read(_STEP)
                if not chunk:
                    break
                scan.see(chunk)
                pull.feed(chunk)
                for event, el in pull.read_events():
                    if event == "start":
                        if el.tag == sheet_data_tag:
                            holder.append(el)
                        continue
                    if el.tag == row_tag:
                        if not holder or not len(holder[0]) or holder[0][0] is not el:
                            raise _NotFast  # a row outside sheetData: leave it to openpyxl
                        row = rows.parse_row(el)
                        rows.row_dimensions.clear()  # not kept: memory stays bounded
                        holder[0].remove(el)  # read: dropped from the tree
                        if caught:
                            raise _NotFast
                        yield row
            pull.close()
            if any(ev == "end" and el.tag == row_tag for ev, el in pull.read_events()):
                raise _NotFast
        if any(True for _ in _parser(ws, io.BytesIO(scan.rest())).parse()):
            raise _NotFast  # a row outside sheetData: leave it to openpyxl
        if caught:
            raise _NotFast


def _openpyxl_row_cells(ws: Any) -> Iterator[tuple[int, Cells]]:
    """Each ``row`` element as ``(row number, cells)``, from openpyxl's own streaming parser."""
    with ws._get_source() as src:
        yield from _parser(ws, src).parse()


def _sheet_grid(ws: Any, path: Path, fixes: dict[str, str]) -> list[tuple[object, ...]]:
    """The sheet's values as rows from A1: the C fast path when it applies, else openpyxl's."""
    if _fast_xml():
        try:
            return _grid(ws, _fast_row_cells(ws), path, fixes)
        except WorkbookError:
            raise
        except Exception:  # noqa: BLE001, S110 - _NotFast, or damage openpyxl's path reports its own way
            pass
    return _grid(ws, _openpyxl_row_cells(ws), path, fixes)


def _grid(ws: Any, rows: Iterator[tuple[int, Cells]], path: Path,
          fixes: dict[str, str]) -> list[tuple[object, ...]]:
    """Rows as values, cut to ``MAX_COLUMNS``; the limits are applied while streaming.

    As openpyxl's read-only sheet gives them (a row number not after the previous one is
    skipped), except that empty rows cost nothing: missing rows are not padded in until a row
    with a value follows, and empty rows never count towards the row limit.
    """
    grid: list[tuple[object, ...]] = []
    counter = 1  # the next row number a row may have
    cells_seen = 0
    for idx, cells in rows:
        if idx < counter:
            continue
        counter = idx + 1
        cells_seen += len(cells)
        if cells_seen > MAX_CELLS:
            raise TooLargeError(
                f"is refused: sheet '{ws.title}' has more than {MAX_CELLS:,} cells", path)
        row = _values(cells)
        if not row:
            continue
        if idx > MAX_ROWS:
            raise TooLargeError(f"is refused: sheet '{ws.title}' has more than {MAX_ROWS:,} rows", path)
        grid.extend(() for _ in range(idx - 1 - len(grid)))
        grid.append(_checked_row(row, ws.title, idx - 1, path, fixes))
    return grid


def _values(cells: Cells) -> tuple[object, ...]:
    """One row's values from column A to its last value within ``MAX_COLUMNS`` (as openpyxl's
    ``_get_row`` places them: a later cell in the same column wins), without trailing Nones."""
    by_col: dict[int, object] = {}
    for cell in cells:
        col = cell["column"]
        if 1 <= col <= MAX_COLUMNS:
            by_col[col] = cell["value"]
    last = max((c for c, v in by_col.items() if v is not None), default=0)
    return tuple(by_col.get(c) for c in range(1, last + 1))


def read_grids(path: Path) -> dict[str, Grid]:
    """Values of every sheet as grids (rows from A1), read with openpyxl in read-only mode."""
    # openpyxl warns about features it does not keep (extensions, odd styles); they do not matter
    # for reading values, and a warning must not add lines to the one-line error contract.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _read_grids(path)


def _read_grids(path: Path) -> dict[str, Grid]:
    try:
        wb = _load_read_only(path)
    except WorkbookError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise NotAWorkbookError(f"could not be read as an Excel workbook ({_short(exc)})", path) from exc
    try:
        try:
            with zipfile.ZipFile(path) as zf:
                fixes = xlsx_scan.shared_string_fixes(zf)
        except Exception as exc:
            raise NotAWorkbookError(f"its text could not be read ({_short(exc)})", path) from exc
        if len(wb.sheetnames) > MAX_SHEETS:
            raise TooLargeError(
                f"is refused: it has {len(wb.sheetnames):,} sheets, above the limit of {MAX_SHEETS}",
                path,
            )
        grids: dict[str, Grid] = {}
        for ws in wb.worksheets:
            try:
                grids[ws.title] = _sheet_grid(ws, path, fixes)
            except WorkbookError:
                raise
            except Exception as exc:
                raise NotAWorkbookError(
                    f"sheet '{ws.title}' could not be read ({_short(exc)})", path
                ) from exc
        return grids
    finally:
        wb.close()


# Characters XML cannot carry are stored as _xHHHH_ escapes (see xlsx_scan.unescape). openpyxl
# leaves them escaped, and in shared strings drops the '_x005F_' that protects a typed
# '_xHHHH_'; the raw shared strings say which is which (xlsx_scan.shared_string_fixes).
def _checked_row(
    row: tuple[object, ...], sheet: str, n: int, path: Path, fixes: dict[str, str]
) -> tuple[object, ...]:
    """The row with Excel's escapes decoded; refuse over-long cells."""
    out: list[object] | None = None
    for c, value in enumerate(row):
        if isinstance(value, float) and not math.isfinite(value):
            # Only a hand-made file holds one (e.g. 1E999); Excel shows such a number as #NUM!.
            if out is None:
                out = list(row)
            out[c] = "#NUM!"
        elif isinstance(value, str):
            if len(value) > MAX_CELL_CHARS:
                raise TooLargeError(
                    f"is refused: cell {CellRef(sheet, _a1(n + 1, c + 1))} holds {len(value):,} "
                    f"characters, above the limit of {MAX_CELL_CHARS:,} (Excel's own limit is 32,767)",
                    path,
                )
            if "_x" in value:
                fixed = fixes[value] if value in fixes else xlsx_scan.unescape(value)
                if fixed != value:
                    if out is None:
                        out = list(row)
                    out[c] = fixed
    return row if out is None else tuple(out)


def _a1(row: int, col: int) -> str:
    from lm_excel.model import a1

    return a1(row, col)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def read_workbook(path: str | os.PathLike[str]) -> LogicModel:
    """Read a logic-model workbook file.

    Raises a :class:`~lm_excel.errors.WorkbookError` subclass, whose message names the file and
    the problem in one line, when the file cannot be read as a logic model.
    """
    return read_workbook_grids(path)[0]


def read_workbook_grids(path: str | os.PathLike[str]) -> tuple[LogicModel, dict[str, Grid]]:
    """:func:`read_workbook`, and the grids it was read from (for tools that work on the file)."""
    p = Path(path)
    sniff(p)
    grids = read_grids(p)
    model = parse_grids(grids, source=p.name, path=p)
    extra = _cell_notes(p, model, [n for n in locate_sheets(grids).values() if n is not None])
    return (dataclasses.replace(model, notes=model.notes + tuple(extra)) if extra else model), grids


def _cell_notes(path: Path, model: LogicModel, sheets: list[str]) -> list[StructureNote]:
    """Notes only the file shows: uncalculated formulas and merged cells on the logic-model
    ``sheets`` (actual names)."""
    keys: dict[CellRef, str] = {f.ref: k for k, f in model.intervention.fields.items()}
    for el in model.all_elements():
        keys.update({f.ref: k for k, f in el.fields.items()})
    notes: list[StructureNote] = []
    try:
        with zipfile.ZipFile(path) as zf:
            parts = xlsx_scan.sheet_parts(zf)
            for sheet in sheets:
                part = parts.get(sheet)
                if part is None:
                    continue
                scan = xlsx_scan.scan_sheet(zf, part)
                for cell, formula in scan.uncalculated:
                    ref = CellRef(sheet, cell)
                    if ref in keys:
                        notes.append(StructureNote("formula-without-value", sheet, f"{keys[ref]}: {formula}", ref))
                for rng in scan.merges:
                    first = rng.split(":")[0]
                    if int(re.sub(r"^[A-Z]+", "", first) or 0) > 2:  # rows 1-2: title and guidance
                        notes.append(StructureNote("merged-cells", sheet, rng, CellRef(sheet, first)))
    except (OSError, zipfile.BadZipFile) as exc:
        raise NotAWorkbookError(f"could not be read as an Excel workbook ({_short(exc)})", path) from exc
    except WorkbookError:
        raise
    except Exception as exc:  # damaged XML the openpyxl pass did not read
        raise NotAWorkbookError(f"sheet could not be read ({_short(exc)})", path) from exc
    return notes

