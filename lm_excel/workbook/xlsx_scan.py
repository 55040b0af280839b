"""Checks on the raw parts of an .xlsx/.xlsm file, made before (and beside) openpyxl's parse.

* :func:`find_entity_declarations` finds a part that declares a DTD or XML entities. Excel never
  writes one; a "billion laughs" file uses one to make a tiny file expand without limit. The reader
  refuses such a file before any part is parsed. (openpyxl parses through defusedxml as well, so
  a declaration this scan misses is still refused, with a less specific message.)
* :func:`sheet_parts` maps sheet names to their worksheet parts, from ``xl/workbook.xml`` and its
  relationships.
* :func:`unescape` decodes Excel's ``_xHHHH_`` escapes, and :func:`shared_string_fixes` says how
  to turn openpyxl's reading of each shared string that holds one into what Excel shows.
* :func:`scan_sheet` finds, in one worksheet part, the cells holding a formula whose result was
  never calculated (a file written by a program that does not calculate: its cells read as
  empty), and the merged ranges (read-only openpyxl does not report them).

Everything here reads through :mod:`defusedxml`, in streaming mode.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

#: Parts that are XML (the ones openpyxl may parse); other parts (images, vbaProject.bin) are not.
XML_SUFFIXES = (".xml", ".rels", ".vml")

_MARKERS = tuple(
    word.encode(enc)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for enc in ("ascii", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(len(m) for m in _MARKERS) - 1
_CHUNK = 1 << 20

_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def find_entity_declarations(zf: zipfile.ZipFile) -> str | None:
    """Name of the first XML part that declares a DTD or entities, or None.

    Reads every XML part as a stream (the caller has already checked the declared sizes). XML
    allows a DTD only in the prolog, before the root element (XML 1.0, section 2.8), and an XML
    parser rejects one anywhere else; so a UTF-8 part is read only up to its root element's
    start tag. Parts in other encodings are read whole.
    """
    for info in zf.infolist():
        if info.is_dir() or not info.filename.lower().endswith(XML_SUFFIXES):
            continue
        with zf.open(info) as fh:
            tail = b""
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                if not tail:
                    root = _root_start(chunk)
                    if root is not None and not any(m in chunk[:root] for m in _MARKERS):
                        break  # no DTD before the root element: none can follow
                window = tail + chunk
                if any(m in window for m in _MARKERS):
                    return info.filename
                tail = window[-_OVERLAP:]
    return None


#: The start of an element (not '<?', '<!' or an end tag) in UTF-8 or ASCII text.
_ELEMENT_START = re.compile(rb"<[A-Za-z_:]")
#: A prolog of nothing but an XML declaration or processing instructions without '<' or '>'.
_PLAIN_PROLOG = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<\?[^<>]*\?>\s*)*")


def _root_start(chunk: bytes) -> int | None:
    """Where the root element starts in the first chunk of a UTF-8 (or ASCII) part, else None."""
    if chunk[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in chunk[:256]:
        return None  # UTF-16 or another encoding: read whole
    m = _ELEMENT_START.search(chunk)
    if m is None or not _PLAIN_PROLOG.fullmatch(chunk[: m.start()]):
        return None  # a comment, DTD or anything unusual before the root: read whole
    return m.start()


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape(text: str) -> str:
    """Decode ``_xHHHH_`` escapes as Excel does (ECMA-376 Part 1, 22.9.2.19, ST_Xstring).

    Characters XML cannot carry (control characters, and a carriage return in most writers) are
    stored this way; a literal '_xHHHH_' in typed text is stored as '_x005F_xHHHH_'.
    """
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def workbook_rels(zf: zipfile.ZipFile, workbook_part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type suffix, part name) for the workbook part."""
    rels_part = posixpath.join(
        posixpath.dirname(workbook_part), "_rels", posixpath.basename(workbook_part) + ".rels"
    )
    out: dict[str, tuple[str, str]] = {}
    try:
        rels = _parse(zf.read(rels_part))
    except KeyError:
        return out
    for rel in rels:
        if _local(rel.tag) != "Relationship":
            continue
        target = rel.get("Target", "")
        if target.startswith("/"):
            part = target.lstrip("/")
        else:
            part = posixpath.normpath(posixpath.join(posixpath.dirname(workbook_part), target))
        out[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], part)
    return out


def shared_string_fixes(zf: zipfile.ZipFile, workbook_part: str = "xl/workbook.xml") -> dict[str, str]:
    """For each shared string holding an escape: openpyxl's value -> the text Excel shows.

    openpyxl drops every 'x005F_' from shared strings and keeps other escapes, so a typed
    '_x000D_' and an escaped carriage return read the same; the raw part tells them apart.
    """
    from defusedxml.ElementTree import iterparse
    from openpyxl.cell.text import Text

    parts = [p for kind, p in workbook_rels(zf, workbook_part).values() if kind == "sharedStrings"]
    names = set(zf.namelist())
    fixes: dict[str, str] = {}
    for part in parts:
        if part not in names:
            continue
        with zf.open(part) as fh:
            if b"_x" not in fh.read():
                continue
        with zf.open(part) as fh:
            for _event, node in iterparse(fh, events=("end",)):
                if _local(node.tag) != "si":
                    continue
                content = Text.from_tree(node).content
                node.clear()
                if "_x" in content:
                    fixes.setdefault(content.replace("x005F_", ""), unescape(content))
    return fixes


def _parse(data: bytes):
    from defusedxml.ElementTree import fromstring

    return fromstring(data)


def sheet_parts(zf: zipfile.ZipFile, workbook_part: str = "xl/workbook.xml") -> dict[str, str]:
    """Worksheet part name for each sheet name (chart sheets and unknown targets left out)."""
    try:
        book = _parse(zf.read(workbook_part))
    except KeyError:
        return {}
    targets = {rid: part for rid, (kind, part) in workbook_rels(zf, workbook_part).items()
               if kind == "worksheet"}
    names = set(zf.namelist())
    out: dict[str, str] = {}
    for node in book.iter():
        if _local(node.tag) != "sheet":
            continue
        rid = node.get(f"{{{_REL_NS}}}id") or next(
            (v for k, v in node.attrib.items() if _local(k) == "id"), ""
        )
        part = targets.get(rid)
        if part in names and node.get("name") is not None:
            out[node.get("name")] = part
    return out


_FORMULA_OR_MERGE = re.compile(rb"<(?:\w+:)?(?:f|mergeCell)[\s>/]")


def _mentions(zf: zipfile.ZipFile, part: str, pattern: re.Pattern[bytes]) -> bool:
    """Whether the part's bytes match ``pattern`` anywhere (streamed; tags are short)."""
    with zf.open(part) as fh:
        tail = b""
        while chunk := fh.read(_CHUNK):
            if pattern.search(tail + chunk):
                return True
            tail = chunk[-64:]
    return False


@dataclass
class SheetScan:
    """What :func:`scan_sheet` found in one worksheet part."""

    #: (A1 address, formula text with a leading '=') of formulas with no calculated value.
    uncalculated: list[tuple[str, str]] = field(default_factory=list)
    #: Merged ranges as written in the file, e.g. 'A5:C7'.
    merges: list[str] = field(default_factory=list)


def scan_sheet(zf: zipfile.ZipFile, part: str) -> SheetScan:
    """Formulas without a calculated value, and merged ranges, in one worksheet part."""
    from defusedxml.ElementTree import iterparse

    scan = SheetScan()
    if not _mentions(zf, part, _FORMULA_OR_MERGE):
        return scan
    with zf.open(part) as fh:
        for _event, node in iterparse(fh, events=("end",)):
            name = _local(node.tag)
            if name == "c":
                f = v = None
                for child in node:
                    local = _local(child.tag)
                    if local == "f":
                        f = child
                    elif local == "v":
                        v = child
                if f is None or not node.get("r"):
                    continue
                has_value = v is not None and (
                    bool((v.text or "").strip()) or node.get("t") in ("str", "inlineStr")
                )
                if not has_value:
                    text = (f.text or "").strip()
                    scan.uncalculated.append((node.get("r"), "=" + text if text else "(shared formula)"))
            elif name == "row":
                node.clear()
            elif name == "mergeCell" and node.get("ref"):
                scan.merges.append(node.get("ref"))
    return scan


# --- rows past the row limit, found in the raw part -----------------------------------------------

_P = rb"(?:[A-Za-z_][\w.-]*:)?"
_ROW_OPEN = re.compile(rb"<" + _P + rb"row\b([^>]*?)(/?)>")
_ROW_CLOSE = re.compile(rb"</" + _P + rb"row>")
_R_NUMBER = re.compile(rb'\br\s*=\s*"(\d+)"')
_CELL = re.compile(rb"<" + _P + rb"c\b([^>]*?)(?:/>|>(.*?)</" + _P + rb"c>)", re.DOTALL)
_CELL_COLUMN = re.compile(rb'\br\s*=\s*"\$?([A-Z]{1,3})\$?\d+"')
_HOLDS_VALUE = re.compile(rb"<" + _P + rb"(?:v>[^<]|is\b)")
_ROW_STEP = 1 << 18
_BACK = 64  # rows looked at from a window's end before scanning the whole window


def _valued_row(window: bytes, m: re.Match[bytes], rows: int, columns: int) -> int | None:
    """The number of the row starting at ``m`` when it is past ``rows`` and a cell in its first
    ``columns`` columns holds a value (a ``v`` with text, or an inline string); else None."""
    if m.group(2):
        return None  # <row .../>: empty
    num = _R_NUMBER.search(m.group(1))
    if num is None or int(num.group(1)) <= rows:
        return None
    end = _ROW_CLOSE.search(window, m.end())
    if end is None:
        return None  # continues in the next window
    for c in _CELL.finditer(window, m.end(), end.start()):
        ref = _CELL_COLUMN.search(c.group(1))
        if c.group(2) and ref is not None and _column(ref.group(1)) <= columns and _HOLDS_VALUE.search(c.group(2)):
            return int(num.group(1))
    return None


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _rows_from_the_end(window: bytes) -> Iterator[re.Match[bytes]]:
    """The last :data:`_BACK` row start tags of a window, last first."""
    pos = len(window)
    for _ in range(_BACK):
        pos = max(window.rfind(b"<row ", 0, pos), window.rfind(b":row ", 0, pos))
        if pos < 0:
            return
        start = window.rfind(b"<", 0, pos + 1)
        m = _ROW_OPEN.match(window, start)
        if m is not None:
            yield m
        pos = start


def valued_row_beyond(zf: zipfile.ZipFile, part: str, rows: int, columns: int) -> int | None:
    """A row past ``rows`` holding a value within the first ``columns`` columns, found in the raw
    worksheet part without parsing it; None when there is none (or it cannot be told cheaply).

    For refusing a sheet with too many rows before any XML is parsed: rows come in order, so
    each window of the stream is skipped when its last rows are within the limit, and the first
    window whose last rows hold a value past it ends the search. What this misses (rows out of
    order, unusual markup), the reader's streaming limits still refuse, only later.
    """
    with zf.open(part) as fh:
        tail = b""
        while chunk := fh.read(_ROW_STEP):
            window = tail + chunk
            tail = window[-65536:]
            for m in _rows_from_the_end(window):
                num = _R_NUMBER.search(m.group(1))
                if num is not None and int(num.group(1)) <= rows:
                    break  # the window ends within the limit
                hit = _valued_row(window, m, rows, columns)
                if hit is not None:
                    return hit
            else:
                for m in _ROW_OPEN.finditer(window):
                    hit = _valued_row(window, m, rows, columns)
                    if hit is not None:
                        return hit
    return None
