"""Cell formats in a workbook package: what a cell looks like, and bringing a format across files.

A cell's ``s`` attribute is an index into the cell formats (``cellXfs``) of ``xl/styles.xml``;
each format names a font, a fill, a border and a number format by index ([ECMA-376] Part 1,
18.8). Two programs write the same look very differently (LibreOffice rewrites every style
record, spells colours with another alpha byte, writes 'General' as a custom number format), so
formats are compared as :class:`CellFormat`: only what a person sets and sees (bold, italic,
underline, strike-through, font name and size, font colour, fill colour, number format), with
the spellings of "automatic" folded together.

:class:`StyleImport` brings the font, fill and number format of a cell format in another file
(a partner's copy) into a workbook's own ``styles.xml``, keeping the cell's own border,
alignment and protection; records are only appended, so every existing ``s`` index keeps its
meaning. Everything here works on bytes with regular expressions and defusedxml.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: Number formats built into every spreadsheet program (ECMA-376 Part 1, 18.8.30), as codes.
BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
    11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm",
    17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
    22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0",
    49: "@",
}
_AUTO = {"", "000000", "THEME:1", "INDEXED:64", "INDEXED:8", "AUTO"}


class StyleError(Exception):
    """The styles part cannot be edited safely (the message says why)."""


@dataclass(frozen=True)
class CellFormat:
    """What a person sets on a cell and sees (see the module's description)."""

    number_format: str = "General"
    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    font: str = ""
    size: str = ""
    colour: str = ""  # font colour: 'RRGGBB', 'THEME:n', '' = automatic
    fill: str = ""  # fill colour: 'RRGGBB', 'THEME:n', '' = none

    def describe(self) -> str:
        """One short phrase, e.g. 'bold, fill FFF2CC, number format 0.00'."""
        parts = [w for w, on in (("bold", self.bold), ("italic", self.italic),
                                 ("underlined", self.underline), ("struck through", self.strike)) if on]
        if self.font or self.size:
            parts.append(f"font {self.font} {self.size}".strip())
        if self.colour:
            parts.append(f"colour {self.colour.lower() if self.colour.startswith('THEME') else self.colour}")
        parts.append(f"fill {self.fill}" if self.fill else "no fill")
        if self.number_format != "General":
            parts.append(f"number format {self.number_format}")
        return ", ".join(parts)


_P = rb"(?:[A-Za-z_][\w.-]*:)?"


def _section(data: bytes, tag: bytes) -> re.Match[bytes] | None:
    return re.search(rb"<(" + _P + rb")" + tag + rb"\b([^>]*?)(?:/>|>(.*?)</\1" + tag + rb">)", data, re.DOTALL)


def _children(body: bytes | None, tag: bytes) -> list[bytes]:
    if not body:
        return []
    pattern = rb"<(" + _P + rb")" + tag + rb"\b[^>]*?(?:/>|>.*?</\1" + tag + rb">)"
    return [m.group(0) for m in re.finditer(pattern, body, re.DOTALL)]


def _attr(element: bytes, name: bytes) -> str | None:
    m = re.search(rb"\b" + name + rb'\s*=\s*"([^"]*)"', element[: element.find(b">") + 1])
    return m.group(1).decode("utf-8", "replace") if m else None


def _child_attr(element: bytes, tag: bytes, name: bytes) -> str | None:
    m = re.search(rb"<" + _P + tag + rb"\b[^>]*>", element)
    return _attr(m.group(0), name) if m else None


def _on(element: bytes, tag: bytes) -> bool:
    m = re.search(rb"<" + _P + tag + rb"\b[^>]*>", element)
    if m is None:
        return False
    val = _attr(m.group(0), b"val")
    return val is None or val.lower() not in ("0", "false", "none")


def _colour(element: bytes, tag: bytes) -> str:
    m = re.search(rb"<" + _P + tag + rb"\b[^>]*>", element)
    if m is None:
        return ""
    el = m.group(0)
    rgb, theme, indexed, auto = (_attr(el, n) for n in (b"rgb", b"theme", b"indexed", b"auto"))
    if rgb:
        value = rgb.upper()[-6:]
    elif theme is not None:
        value = f"THEME:{theme}"
    elif indexed is not None:
        value = f"INDEXED:{indexed}"
    else:
        value = "AUTO" if auto else ""
    return "" if value in _AUTO else value


def _size(text: str | None) -> str:
    try:
        return f"{float(text):g}" if text else ""
    except ValueError:
        return text or ""


class Styles:
    """The cell formats of one ``styles.xml``, by ``s`` index, with their raw records."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        sheet = _section(data, b"styleSheet")
        self.prefix = sheet.group(1) if sheet else b""
        self.fonts = _children(self._body(b"fonts"), b"font")
        self.fills = _children(self._body(b"fills"), b"fill")
        self.xfs = _children(self._body(b"cellXfs"), b"xf")
        self.num_fmts: dict[int, str] = dict(BUILTIN_FORMATS)
        for nf in _children(self._body(b"numFmts"), b"numFmt"):
            nid, code = _attr(nf, b"numFmtId"), _attr(nf, b"formatCode")
            if nid is not None and nid.isdigit() and code is not None:
                self.num_fmts[int(nid)] = _unescape(code)
        self._formats: dict[int, CellFormat] = {}

    def _body(self, tag: bytes) -> bytes | None:
        m = _section(self.data, tag)
        return m.group(3) if m else None

    def parts(self, s: int) -> tuple[int, int, int]:
        """(number format id, font index, fill index) of cell format ``s`` (0 when absent)."""
        xf = self.xfs[s] if 0 <= s < len(self.xfs) else b"<xf/>"

        def num(name: bytes) -> int:
            v = _attr(xf, name)
            return int(v) if v and v.isdigit() else 0

        return num(b"numFmtId"), num(b"fontId"), num(b"fillId")

    def format(self, s: int) -> CellFormat:
        if s not in self._formats:
            nid, font_id, fill_id = self.parts(s)
            font = self.fonts[font_id] if font_id < len(self.fonts) else b"<font/>"
            fill = self.fills[fill_id] if fill_id < len(self.fills) else b"<fill/>"
            pattern = _child_attr(fill, b"patternFill", b"patternType") or ""
            code = self.num_fmts.get(nid, "General")
            self._formats[s] = CellFormat(
                "General" if code.lower() == "general" else code,
                _on(font, b"b"), _on(font, b"i"), _on(font, b"u"), _on(font, b"strike"),
                _child_attr(font, b"name", b"val") or "", _size(_child_attr(font, b"sz", b"val")),
                _colour(font, b"color"),
                _colour(fill, b"fgColor") if pattern.lower() not in ("", "none", "gray125") else "",
            )
        return self._formats[s]


def _unescape(text: str) -> str:
    return (text.replace("&quot;", '"').replace("&apos;", "'").replace("&lt;", "<")
            .replace("&gt;", ">").replace("&amp;", "&"))


_CELL_TAG = re.compile(rb"<" + _P + rb"c\b([^>]*?)/?>")
_R = re.compile(rb'\br\s*=\s*"\$?([A-Z]{1,3})\$?(\d+)"')
_S = re.compile(rb'\bs\s*=\s*"(\d+)"')


def cell_styles(sheet_xml: bytes, wanted: Iterable[tuple[int, int]] | None = None) -> dict[tuple[int, int], int]:
    """The ``s`` index of each cell written in a worksheet part, by (row, column), 1-based."""
    want = set(wanted) if wanted is not None else None
    out: dict[tuple[int, int], int] = {}
    for m in _CELL_TAG.finditer(sheet_xml):
        r = _R.search(m.group(1))
        if r is None:
            continue
        col = 0
        for ch in r.group(1):
            col = col * 26 + ch - 64
        key = (int(r.group(2)), col)
        if want is not None and key not in want:
            continue
        s = _S.search(m.group(1))
        out[key] = int(s.group(1)) if s else 0
    return out


def styles_part(zf: zipfile.ZipFile) -> str | None:
    """The name of the workbook's styles part, or None."""
    from lm_excel.workbook.xlsx_scan import workbook_rels

    for kind, part in workbook_rels(zf, "xl/workbook.xml").values():
        if kind == "styles" and part in zf.namelist():
            return part
    return "xl/styles.xml" if "xl/styles.xml" in zf.namelist() else None


def read_cell_formats(path: object, cells: Mapping[str, Iterable[tuple[int, int]]],
                      ) -> dict[tuple[str, int, int], tuple[int, CellFormat]]:
    """(``s`` index, format) of the given cells (sheet name -> (row, column)s) that the file
    writes; a cell the file does not write is left out. A damaged part gives nothing for it."""
    from lm_excel.workbook.xlsx_scan import sheet_parts

    out: dict[tuple[str, int, int], tuple[int, CellFormat]] = {}
    try:
        with zipfile.ZipFile(path) as zf:  # type: ignore[arg-type]
            name = styles_part(zf)
            if name is None:
                return out
            styles = Styles(zf.read(name))
            parts = sheet_parts(zf)
            for sheet, wanted in cells.items():
                if sheet not in parts:
                    continue
                for (row, col), s in cell_styles(zf.read(parts[sheet]), wanted).items():
                    out[(sheet, row, col)] = (s, styles.format(s))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return out  # formats are compared, never needed: a damaged part only hides them
    return out


def sheet_cell_styles(path: object, sheet: str) -> dict[tuple[int, int], int]:
    """The ``s`` index of every cell the sheet writes (nothing for a damaged or absent part)."""
    from lm_excel.workbook.xlsx_scan import sheet_parts

    try:
        with zipfile.ZipFile(path) as zf:  # type: ignore[arg-type]
            part = sheet_parts(zf).get(sheet)
            return cell_styles(zf.read(part)) if part else {}
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return {}


class StyleImport:
    """Bring cell formats of another file (THEIRS) into a workbook's own styles part (MINE)."""

    def __init__(self, mine: bytes, theirs: bytes) -> None:
        self.mine, self.theirs = Styles(mine), Styles(theirs)
        if self.mine.prefix or self.theirs.prefix or not self.mine.xfs:
            raise StyleError("the styles part is written in an unusual way")
        self.fonts: list[bytes] = []
        self.fills: list[bytes] = []
        self.num_fmts: list[tuple[int, str]] = []
        self.xfs: list[bytes] = []
        self._done: dict[tuple[int, int], int] = {}
        self._font_of: dict[int, int] = {}
        self._fill_of: dict[int, int] = {}
        self._num_of: dict[int, int] = {}

    def restyle(self, mine_s: int, theirs_s: int) -> int:
        """A cell format of MINE: ``mine_s`` with the font, fill and number format of THEIRS'
        ``theirs_s`` (appended once; the same pair gives the same index)."""
        if (mine_s, theirs_s) in self._done:
            return self._done[(mine_s, theirs_s)]
        nid, font_id, fill_id = self.theirs.parts(theirs_s)
        base = self.mine.xfs[mine_s] if 0 <= mine_s < len(self.mine.xfs) else self.mine.xfs[0]
        new = base
        for name, value in ((b"numFmtId", self._num(nid)), (b"fontId", self._font(font_id)),
                            (b"fillId", self._fill(fill_id))):
            new = _set_attr(new, name, str(value).encode())
        for flag in (b"applyNumberFormat", b"applyFont", b"applyFill"):
            new = _set_attr(new, flag, b"1")
        self.xfs.append(new)
        index = len(self.mine.xfs) + len(self.xfs) - 1
        self._done[(mine_s, theirs_s)] = index
        return index

    def _font(self, i: int) -> int:
        if i not in self._font_of:
            self.fonts.append(self.theirs.fonts[i] if i < len(self.theirs.fonts) else b"<font/>")
            self._font_of[i] = len(self.mine.fonts) + len(self.fonts) - 1
        return self._font_of[i]

    def _fill(self, i: int) -> int:
        if i not in self._fill_of:
            self.fills.append(self.theirs.fills[i] if i < len(self.theirs.fills) else b"<fill/>")
            self._fill_of[i] = len(self.mine.fills) + len(self.fills) - 1
        return self._fill_of[i]

    def _num(self, nid: int) -> int:
        if nid in BUILTIN_FORMATS:
            return nid
        if nid not in self._num_of:
            code = self.theirs.num_fmts.get(nid, "General")
            mine_ids = {i: c for i, c in self.mine.num_fmts.items()}
            hit = next((i for i, c in mine_ids.items() if c == code), None)
            if hit is None:
                hit = max([163, *mine_ids, *(i for i, _ in self.num_fmts)]) + 1
                self.num_fmts.append((hit, code))
            self._num_of[nid] = hit
        return self._num_of[nid]

    def xml(self) -> bytes:
        """MINE's styles part with the new records appended."""
        data = self.mine.data
        data = _append(data, b"cellXfs", b"xf", self.xfs)
        data = _append(data, b"fills", b"fill", self.fills)
        data = _append(data, b"fonts", b"font", self.fonts)
        if self.num_fmts:
            from xml.sax.saxutils import quoteattr

            records = [b'<numFmt numFmtId="%d" formatCode=%s/>' % (i, quoteattr(c).encode("utf-8"))
                       for i, c in self.num_fmts]
            if _section(data, b"numFmts") is None:
                at = re.search(rb"<styleSheet\b[^>]*>", data)
                if at is None:
                    raise StyleError("the styles part has no style sheet element")
                data = data[: at.end()] + b'<numFmts count="0"></numFmts>' + data[at.end():]
            data = _append(data, b"numFmts", b"numFmt", records)
        return data


def _set_attr(element: bytes, name: bytes, value: bytes) -> bytes:
    end = element.find(b">")
    head = element[:end]
    pattern = re.compile(rb"\b" + name + rb'\s*=\s*"[^"]*"')
    if pattern.search(head):
        head = pattern.sub(name + b'="' + value + b'"', head, count=1)
    else:
        closing = b"/" if head.endswith(b"/") else b""
        head = head[: len(head) - len(closing)] + b" " + name + b'="' + value + b'"' + closing
    return head + element[end:]


def _append(data: bytes, tag: bytes, child: bytes, records: list[bytes]) -> bytes:
    if not records:
        return data
    m = _section(data, tag)
    if m is None:
        raise StyleError(f"the styles part has no {tag.decode()} list")
    body = m.group(3) or b""
    count = len(_children(body, child)) + len(records)
    head = _set_attr(b"<" + tag + m.group(2) + b">", b"count", str(count).encode())
    new = head + body + b"".join(records) + b"</" + tag + b">"
    return data[: m.start()] + new + data[m.end():]


__all__ = ["CellFormat", "StyleError", "StyleImport", "Styles", "cell_styles", "read_cell_formats", "sheet_cell_styles"]
