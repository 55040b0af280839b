"""Write a few cells into a copy of an .xlsx/.xlsm file, keeping everything else as it was.

Used where lm-excel writes into a workbook a person owns (a merge into the LA's master): the
output starts as a copy of the file, every zip part is copied unchanged (same bytes once
unzipped: styles, comments, charts, defined names, sensitivity labels, VBA, add-in parts, parts
no program here knows), and only the worksheet parts holding an edited cell are rewritten. Inside
such a part only the edited rows change; the rest of the XML is kept byte for byte (no parse and
re-serialise, which would rename namespace prefixes that ``mc:Ignorable`` refers to).

Text is written as inline strings (``t="inlineStr"``), so the shared-strings part is never
touched; a cell keeps its style, and a new cell takes the style of the cell above it, so added
rows look like the rows before them. A table (ListObject) whose last row an edit passes is
extended to it. A formula overwritten by a value is removed, and so is the calculation chain
(Excel rebuilds it). Anything this module cannot edit safely (a row or cell without its
address, a sheet not found) raises :class:`PatchError` and nothing is written.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from lm_excel.model import col_letter
from lm_excel.workbook import xlsx_scan
from lm_excel.workbook.opc import NS_R, Package, with_override, with_rel
from lm_excel.workbook.safe_xl import excel_text
from lm_excel.workbook.xlsx_comments import CommentAdd
from lm_excel.workbook.xlsx_styles import StyleError, StyleImport


class PatchError(Exception):
    """The file cannot be edited in place safely (the message says why, for one line)."""


@dataclass(frozen=True)
class CellEdit:
    """Put ``value`` into ``sheet``!(``row``, ``col``) (1-based); None empties the cell."""

    sheet: str
    row: int
    col: int
    value: object
    link: str = ""  # a place in the workbook the cell links to, e.g. "'Outcomes'!B5"


@dataclass(frozen=True)
class FormatEdit:
    """Give ``sheet``!(``row``, ``col``) the font, fill and number format of cell format
    ``style`` of another file (see :class:`~lm_excel.workbook.xlsx_styles.StyleImport`); the
    cell keeps its value, border and alignment."""

    sheet: str
    row: int
    col: int
    style: int


_P = rb"(?:[A-Za-z_][\w.-]*:)?"
_SHEET_DATA = re.compile(rb"<(" + _P + rb")sheetData\b[^>]*?(/?)>")
_ROW = re.compile(rb"<(" + _P + rb")row\b([^>]*?)(?:/>|>(.*?)</\1row>)", re.DOTALL)
_CELL = re.compile(rb"<(" + _P + rb")c\b([^>]*?)(?:/>|>(.*?)</\1c>)", re.DOTALL)
_R_ATTR = re.compile(rb'\br\s*=\s*"([^"]*)"')
_S_ATTR = re.compile(rb'\bs\s*=\s*"(\d+)"')
_SPANS = re.compile(rb'\s+spans\s*=\s*"[^"]*"')
_DIMENSION = re.compile(rb'(<' + _P + rb'dimension\b[^>]*?\bref\s*=\s*")([^"]*)(")')
#: Elements that follow ``hyperlinks`` in a worksheet (ECMA-376 Part 1, 18.3.1.99 CT_Worksheet).
_AFTER_HYPERLINKS = (b"printOptions", b"pageMargins", b"pageSetup", b"headerFooter", b"rowBreaks",
                     b"colBreaks", b"customProperties", b"cellWatches", b"ignoredErrors", b"smartTags",
                     b"drawing", b"legacyDrawing", b"legacyDrawingHF", b"picture", b"oleObjects",
                     b"controls", b"webPublishItems", b"tableParts", b"extLst")
_A1 = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")
_FORMULA = re.compile(rb"<" + _P + rb"f\b")


def _col_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _split(ref: bytes) -> tuple[int, int]:
    m = _A1.match(ref.decode("ascii", "replace"))
    if not m:
        raise PatchError(f"a cell address '{ref.decode(errors='replace')}' is not a plain A1 address")
    return int(m.group(2)), _col_number(m.group(1))


def cell_xml(prefix: bytes, ref: str, style: bytes | None, value: object) -> bytes:
    """One ``c`` element holding ``value`` (text as an inline string, never as a formula)."""
    s = b' s="' + style + b'"' if style is not None else b""
    r = ref.encode("ascii")
    p = prefix
    if value is None or value == "":
        return b"<" + p + b'c r="' + r + b'"' + s + b"/>"
    if isinstance(value, bool):
        return b"<%sc r=\"%s\"%s t=\"b\"><%sv>%d</%sv></%sc>" % (p, r, s, p, int(value), p, p)
    if isinstance(value, (int, float)) and not (isinstance(value, float) and not math.isfinite(value)):
        return b"<%sc r=\"%s\"%s><%sv>%s</%sv></%sc>" % (p, r, s, p, repr(value).encode(), p, p)
    text = escape(excel_text(str(value))).encode("utf-8")
    space = b' xml:space="preserve"' if text != text.strip() or b"\n" in text else b""
    return (b"<%sc r=\"%s\"%s t=\"inlineStr\"><%sis><%st%s>%s</%st></%sis></%sc>"
            % (p, r, s, p, p, space, text, p, p, p))


@dataclass
class _Row:
    number: int
    attrs: bytes
    cells: list[tuple[int, bytes]]  # (column, raw c element)


def _parse_row(m: re.Match[bytes]) -> _Row:
    r = _R_ATTR.search(m.group(2))
    if r is None:
        raise PatchError("a row has no row number (written by an unusual program)")
    try:
        number = int(r.group(1))
    except ValueError:
        raise PatchError(f"a row number '{r.group(1).decode(errors='replace')}' is not a number") from None
    cells = []
    for c in _CELL.finditer(m.group(3) or b""):
        cr = _R_ATTR.search(c.group(2))
        if cr is None:
            raise PatchError(f"a cell in row {number} has no address (written by an unusual program)")
        row, col = _split(cr.group(1))
        if row != number:
            raise PatchError(f"cell {cr.group(1).decode()} is inside row {number}")
        cells.append((col, c.group(0)))
    return _Row(number, m.group(2), cells)


#: A cell whose value stays as it is (only its format changes).
_KEEP = object()


def _with_style(raw: bytes, style: bytes | None) -> bytes:
    """A ``c`` element with its ``s`` attribute set to ``style``."""
    end = raw.find(b">")
    head = raw[:end]
    if style is None:
        return raw
    if _S_ATTR.search(head):
        head = _S_ATTR.sub(b's="' + style + b'"', head, count=1)
    else:
        closing = b"/" if head.endswith(b"/") else b""
        head = head[: len(head) - len(closing)] + b' s="' + style + b'"' + closing
    return head + raw[end:]


def _style(raw: bytes) -> bytes | None:
    m = _S_ATTR.search(raw[: raw.find(b">") + 1])
    return m.group(1) if m else None


class _SheetPatch:
    """The edits of one worksheet part, applied to its bytes."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.dropped_formula = False

    def apply(self, edits: Mapping[tuple[int, int], object],
              restyle: Mapping[tuple[int, int], int] | None = None,
              styles: StyleImport | None = None) -> bytes:
        """The part with ``edits`` (cell -> value) applied; ``restyle`` (cell -> a cell format of
        ``styles``' other file) gives cells that file's font, fill and number format."""
        self.restyle, self.styles = restyle or {}, styles
        data = self.data
        sd = _SHEET_DATA.search(data)
        if sd is None:
            raise PatchError("a sheet has no cell data element")
        prefix = sd.group(1)
        if sd.group(2):  # <sheetData/>: give it a body
            data = data[: sd.start()] + b"<" + prefix + b"sheetData></" + prefix + b"sheetData>" + data[sd.end():]
            sd = _SHEET_DATA.search(data)
            assert sd is not None
        close = data.find(b"</" + prefix + b"sheetData>", sd.end())
        if close < 0:
            raise PatchError("a sheet's cell data is not closed")
        body = data[sd.end(): close]
        matches = list(_ROW.finditer(body))
        rows = [_parse_row(m) for m in matches]
        by_row: dict[int, dict[int, object]] = {}
        for (r, c), v in edits.items():
            by_row.setdefault(r, {})[c] = v
        for r, c in self.restyle:
            by_row.setdefault(r, {}).setdefault(c, _KEEP)
        styles_above = _StylesAbove(rows)
        new_rows: dict[int, bytes] = {}
        for number in sorted(by_row):
            existing = next((row for row in rows if row.number == number), None)
            row = existing or _Row(number, b' r="%d"' % number, [])
            new_rows[number] = self._row_xml(prefix, row, by_row[number], styles_above)
        out = bytearray()
        pos = 0
        pending = sorted(n for n in new_rows if not any(r.number == n for r in rows))
        for m, row in zip(matches, rows):
            while pending and pending[0] < row.number:
                out += body[pos:m.start()]
                pos = m.start()
                out += new_rows[pending.pop(0)]
            out += body[pos:m.start()]
            out += new_rows.get(row.number, m.group(0))
            pos = m.end()
        out += body[pos:]
        for n in pending:
            out += new_rows[n]
        data = data[: sd.end()] + bytes(out) + data[close:]
        return _widen_dimension(data, {**edits, **dict.fromkeys(self.restyle)})

    @staticmethod
    def add_links(data: bytes, prefix: bytes, links: Mapping[str, str]) -> bytes:
        """Internal hyperlinks (cell -> location), added to the sheet's ``hyperlinks`` element."""
        if not links:
            return data
        new = b"".join(b"<%shyperlink ref=\"%s\" location=%s display=%s/>"
                       % (prefix, ref.encode(), quoteattr(loc).encode("utf-8"), quoteattr(loc).encode("utf-8"))
                       for ref, loc in links.items())
        close = re.search(rb"</" + re.escape(prefix) + rb"hyperlinks>", data)
        if close is not None:
            return data[: close.start()] + new + data[close.start():]
        element = b"<" + prefix + b"hyperlinks>" + new + b"</" + prefix + b"hyperlinks>"
        after = re.search(rb"<" + re.escape(prefix) + rb"(?:" + b"|".join(_AFTER_HYPERLINKS) + rb")\b", data)
        end = data.rfind(b"</" + prefix + b"worksheet>")
        at = after.start() if after is not None else end
        if at < 0:
            raise PatchError("a sheet's XML is not closed")
        return data[:at] + element + data[at:]

    def _row_xml(self, prefix: bytes, row: _Row, values: Mapping[int, object],
                 styles_above: _StylesAbove) -> bytes:
        cells = dict(row.cells)
        for col, value in values.items():
            old = cells.get(col)
            style = _style(old) if old is not None else styles_above.style(row.number, col)
            theirs = self.restyle.get((row.number, col))
            if theirs is not None and self.styles is not None:
                style = str(self.styles.restyle(int(style or 0), theirs)).encode()
            ref = f"{col_letter(col)}{row.number}"
            if value is _KEEP:  # a new format only: the value stays as it is
                cells[col] = _with_style(old, style) if old is not None else cell_xml(prefix, ref, style, None)
                continue
            if old is not None and _FORMULA.search(old):
                self.dropped_formula = True
            cells[col] = cell_xml(prefix, ref, style, value)
        attrs = _SPANS.sub(b"", row.attrs)
        inner = b"".join(cells[c] for c in sorted(cells))
        return b"<" + prefix + b"row" + attrs + b">" + inner + b"</" + prefix + b"row>"


class _StylesAbove:
    """The style of the nearest cell above in the same column (for cells of new rows)."""

    def __init__(self, rows: Sequence[_Row]) -> None:
        self.rows = sorted(rows, key=lambda r: r.number)

    def style(self, number: int, col: int) -> bytes | None:
        for row in reversed(self.rows):
            if row.number >= number:
                continue
            for c, raw in row.cells:
                if c == col:
                    return _style(raw)
        return None


def _widen_dimension(data: bytes, edits: Mapping[tuple[int, int], object]) -> bytes:
    m = _DIMENSION.search(data)
    if m is None or not edits:
        return data
    parts = m.group(2).decode("ascii", "replace").split(":")
    try:
        (r1, c1), (r2, c2) = _split(parts[0].encode()), _split(parts[-1].encode())
    except PatchError:
        return data
    r2 = max(r2, *(r for r, _ in edits))
    c2 = max(c2, *(c for _, c in edits))
    ref = f"{col_letter(c1)}{r1}:{col_letter(c2)}{r2}".encode()
    return data[: m.start(2)] + ref + data[m.end(2):]


_TABLE_REF = re.compile(rb'(<(?:[A-Za-z_][\w.-]*:)?(?:table|autoFilter)\b[^>]*?\bref\s*=\s*")([^"]*)(")')


def _extended_table(data: bytes, rows: Mapping[int, set[int]]) -> bytes | None:
    """The table part with its range (and filter range) extended over edits just below it."""
    m = _TABLE_REF.search(data)
    if m is None:
        return None
    first, _, last = m.group(2).decode("ascii", "replace").partition(":")
    try:
        (_, c1), (r2, c2) = _split(first.encode()), _split(last.encode())
    except PatchError:
        return None
    end = r2
    while end + 1 in rows and any(c1 <= c <= c2 for c in rows[end + 1]):
        end += 1
    if end == r2:
        return None
    old = f"{first}:{last}".encode()
    new = f"{first}:{col_letter(c2)}{end}".encode()
    return _TABLE_REF.sub(lambda t: t.group(1) + (new if t.group(2) == old else t.group(2)) + t.group(3), data)


_EMPTY_SHEET = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="'
                b'http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>')
_R_NS = NS_R.encode()
_WS_TYPE = f"{NS_R}/worksheet"
_WS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


def _added_sheets(zf: zipfile.ZipFile, names: Sequence[str]) -> tuple[dict[str, str], dict[str, bytes]]:
    """New empty sheets at the end of the workbook: their parts, and the changed package parts
    (workbook, its relationships, content types)."""
    book, rels, types = (zf.read(n) for n in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                              "[Content_Types].xml"))
    have = set(zf.namelist())
    ids = [int(x) for x in re.findall(rb'\bsheetId\s*=\s*"(\d+)"', book)] or [0]
    rids = set(re.findall(rb'\bId\s*=\s*"([^"]+)"', rels))
    parts: dict[str, str] = {}
    m = re.search(rb"<(\w+:)?sheets\b", book)
    if m is None:
        raise PatchError("the workbook has no sheet list")
    prefix = m.group(1) or b""
    r_prefix = re.search(rb'xmlns:(\w+)="' + _R_NS + rb'"', book)
    if r_prefix is None or b"</" + prefix + b"sheets>" not in book:
        raise PatchError("the workbook's sheet list cannot be extended")
    for name in names:
        n = 1
        while f"xl/worksheets/sheet{n}.xml" in have or f"xl/worksheets/sheet{n}.xml" in parts.values():
            n += 1
        part, rid = f"xl/worksheets/sheet{n}.xml", f"rIdLmx{n}"
        while rid.encode() in rids:
            rid += "x"
        parts[name] = part
        ids.append(max(ids) + 1)
        # the relationships namespace is declared on the element: some writers declare it on
        # each sheet element rather than on the workbook's root
        book = book.replace(b"</" + prefix + b"sheets>", b"<%ssheet xmlns:%s=\"%s\" name=%s sheetId=\"%d\" "
                            b"%s:id=\"%s\"/></%ssheets>"
                            % (prefix, r_prefix.group(1), _R_NS, quoteattr(name).encode("utf-8"), ids[-1],
                               r_prefix.group(1), rid.encode(), prefix), 1)
        try:
            rels, _ = with_rel(rels, _WS_TYPE, f"worksheets/sheet{n}.xml", rid)
            types = with_override(types, part, _WS_CT)
        except ValueError as exc:
            raise PatchError(str(exc)) from None
    return parts, {"xl/workbook.xml": book, "xl/_rels/workbook.xml.rels": rels, "[Content_Types].xml": types}


def patch_workbook(src: str | Path, dst: str | Path, edits: Sequence[CellEdit],
                   new_sheets: Sequence[str] = (), formats: Sequence[FormatEdit] = (),
                   formats_from: str | Path | None = None, comments: Sequence[CommentAdd] = ()) -> None:
    """Write ``src`` to ``dst`` with ``edits`` applied (see the module's description); the sheets
    named in ``new_sheets`` are added, empty, at the end first (edits may then fill them).
    ``formats`` name cell formats of the file ``formats_from``: their font, fill and number
    format are added to the copy's styles part (appended: existing formats keep their index).
    ``comments`` are added to their cells (see :mod:`~lm_excel.workbook.xlsx_comments`)."""
    by_sheet: dict[str, dict[tuple[int, int], object]] = {}
    for e in edits:
        by_sheet.setdefault(e.sheet, {})[(e.row, e.col)] = e.value
    restyle: dict[str, dict[tuple[int, int], int]] = {}
    for f in formats:
        restyle.setdefault(f.sheet, {})[(f.row, f.col)] = f.style
        by_sheet.setdefault(f.sheet, {})
    with zipfile.ZipFile(src) as zf:
        styles, styles_name = _style_import(zf, formats_from) if formats else (None, None)
        parts = xlsx_scan.sheet_parts(zf)
        book = Package(zf)
        new: dict[str, bytes] = {}
        added: dict[str, bytes] = {}
        if new_sheets:
            fresh, package = _added_sheets(zf, [n for n in new_sheets if n not in parts])
            parts.update(fresh)
            new.update(package)
            added = {part: _EMPTY_SHEET for part in fresh.values()}
        dropped_formula = False
        for sheet, cells in by_sheet.items():
            part = parts.get(sheet)
            if part is None:
                raise PatchError(f"sheet '{sheet}' is not in the workbook")
            patch = _SheetPatch(added[part] if part in added else zf.read(part))
            data = patch.apply(cells, restyle.get(sheet), styles)
            links = {f"{col_letter(e.col)}{e.row}": e.link for e in edits if e.sheet == sheet and e.link}
            sd = _SHEET_DATA.search(data)
            new[part] = patch.add_links(data, sd.group(1) if sd else b"", links)
            dropped_formula |= patch.dropped_formula
            rows: dict[int, set[int]] = {}
            for r, c in cells:
                rows.setdefault(r, set()).add(c)
            for rel in (book.rels(part) if part not in added else ()):
                target = book.internal_target(part, rel)
                if rel.type.endswith("/table") and target is not None:
                    table = _extended_table(zf.read(target), rows)
                    if table is not None:
                        new[target] = table
        drop = {i.filename for i in zf.infolist() if i.filename.endswith("calcChain.xml")} if dropped_formula else set()
        if drop:
            new.update(_without_calc_chain(zf, new))
        new.update({part: data for part, data in added.items() if part not in new})
        if styles is not None and styles_name is not None and styles.xfs:
            new[styles_name] = styles.xml()
        if comments:
            _add_comments(zf, parts, new, comments)
        _copy_zip(zf, dst, new, drop)


def _add_comments(zf: zipfile.ZipFile, parts: Mapping[str, str], new: dict[str, bytes],
                  comments: Sequence[CommentAdd]) -> None:
    from lm_excel.workbook.xlsx_comments import CommentError, add_comments

    names = set(zf.namelist())

    def read(name: str) -> bytes | None:
        return new[name] if name in new else zf.read(name) if name in names else None

    by_sheet: dict[str, list[CommentAdd]] = {}
    for c in comments:
        by_sheet.setdefault(c.sheet, []).append(c)
    for sheet, items in by_sheet.items():
        if sheet not in parts:
            raise PatchError(f"sheet '{sheet}' is not in the workbook")
        types = read("[Content_Types].xml") or b""
        try:
            changed, types = add_comments(parts[sheet], items, read, names | set(new), types)
        except CommentError as exc:
            raise PatchError(str(exc)) from None
        new.update(changed)
        new["[Content_Types].xml"] = types


def _style_import(zf: zipfile.ZipFile, other: str | Path | None) -> tuple[StyleImport, str]:
    from lm_excel.workbook.xlsx_styles import styles_part

    if other is None:
        raise PatchError("cell formats to carry need the file they come from")
    with zipfile.ZipFile(other) as oz:
        theirs = styles_part(oz)
        mine = styles_part(zf)
        if theirs is None or mine is None:
            raise PatchError("a workbook has no styles part to carry cell formats with")
        try:
            return StyleImport(zf.read(mine), oz.read(theirs)), mine
        except StyleError as exc:
            raise PatchError(str(exc)) from None


def _without_calc_chain(zf: zipfile.ZipFile, new: Mapping[str, bytes]) -> dict[str, bytes]:
    """[Content_Types].xml and the workbook's relationships (as changed so far, in ``new``)
    without the calculation chain."""
    out: dict[str, bytes] = {}
    gone = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:Override|Relationship)\b[^>]*calcChain[^>]*/>")
    for name in ("[Content_Types].xml", "xl/_rels/workbook.xml.rels"):
        if name in new or name in zf.namelist():
            out[name] = gone.sub(b"", new[name] if name in new else zf.read(name))
    return out


def _copy_zip(zf: zipfile.ZipFile, dst: str | Path, new: Mapping[str, bytes], drop: set[str]) -> None:
    with zipfile.ZipFile(dst, "w") as out:
        for info in zf.infolist():
            if info.filename in drop:
                continue
            data = new[info.filename] if info.filename in new else zf.read(info)
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = info.compress_type
            copy.external_attr = info.external_attr
            copy.create_system = info.create_system
            out.writestr(copy, data, compress_type=info.compress_type)
        for name in (n for n in new if n not in zf.namelist()):
            out.writestr(name, new[name], compress_type=zipfile.ZIP_DEFLATED)


__all__ = ["CellEdit", "FormatEdit", "PatchError", "cell_xml", "patch_workbook"]
