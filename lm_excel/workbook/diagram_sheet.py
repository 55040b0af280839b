"""The *Diagram* sheet: the logic-model picture inside the workbook, written at package level.

The workbook is copied part by part, byte for byte; only what the Diagram sheet owns is written:
its sheet XML, its drawing, the picture (PNG, plus an SVG that Excel 365 shows and zooms without
blur), and the diagram's rows on the hidden *Metadata* sheet. Everything else a user or another
program put in the workbook (VBA, add-in parts, comments, charts, their own sheets, formatting)
is left exactly as it was. A workbook without a Diagram sheet (older, or made elsewhere) gets one
added after *Start*.

Nothing here draws: :func:`write_diagram_sheet` takes a finished :class:`DiagramPicture`.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from defusedxml.ElementTree import fromstring as safe_fromstring

from lm_excel import layout as L
from lm_excel.errors import OutputError
from lm_excel.workbook.opc import Package, PackageEdit, relative_target, rels_part

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
DRAWING_CT = "application/vnd.openxmlformats-officedocument.drawing+xml"

#: Part names the Diagram sheet owns (a workbook made elsewhere never uses them).
DRAWING_PART = "xl/drawings/lmDiagram.xml"
PNG_PART = "xl/media/lmDiagram.png"
SVG_PART = "xl/media/lmDiagram.svg"
#: The picture's shape name (Excel's Selection pane shows it).
PICTURE_NAME = "Logic model diagram"
#: Excel 365's extension that adds an SVG beside a picture's PNG (MS-ODRAWXML 2.3.6).
SVG_EXT_URI = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
EMU_PER_INCH = 914400
#: Rows above the picture: title, caption, the out-of-date note, a blank row.
PICTURE_ROW = 4


@dataclass(frozen=True)
class DiagramPicture:
    """Everything the Diagram sheet shows."""

    png: bytes
    svg: bytes | None
    width_in: float  # size shown on the sheet at 100% zoom
    height_in: float
    alt_text: str
    caption: str  # what it was drawn from, and when
    note: str  # "" when up to date; else what changed and how to redraw
    meta: Mapping[str, str]  # rows for the Metadata sheet (fingerprint, date, version)

    @property
    def paper(self) -> int:
        """Excel's paper code for one landscape page: 9 = A4, 8 = A3 for a large drawing."""
        return 8 if self.width_in * self.height_in > 11.7 * 8.3 * 1.6 else 9


def svg_size_in(svg: bytes) -> tuple[float, float]:
    """An SVG's width and height in inches (from its ``width``/``height`` in points)."""
    head = svg[:2000].decode("utf-8", "replace")
    found = re.search(r'<svg\b[^>]*\bwidth="([\d.]+)pt"[^>]*\bheight="([\d.]+)pt"', head)
    if not found:
        raise ValueError("not an SVG with its size in points")
    return float(found.group(1)) / 72, float(found.group(2)) / 72


# --- XML written for the Diagram sheet ------------------------------------------------------


def _cell(ref: str, text: str, style: int = 0) -> str:
    s = f' s="{style}"' if style else ""
    return (f'<c r="{ref}" t="inlineStr"{s}><is><t xml:space="preserve">{html.escape(_xml_text(text), quote=False)}'
            "</t></is></c>")


def _attr(text: str) -> str:
    """``text`` as a quoted XML attribute value (line breaks kept as character references).

    Not xml.sax.saxutils: it imports urllib.request (and with it http, email and ssl), a cost
    every diagram refresh would pay."""
    escaped = html.escape(text, quote=False).replace('"', "&quot;")
    return '"' + escaped.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;") + '"'


def _xml_text(text: str) -> str:
    """Text XML 1.0 can hold: control characters dropped."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)


def sheet_xml(pic: DiagramPicture) -> bytes:
    """The Diagram sheet: title, caption, note, then the picture (anchored on row 5)."""
    rows = [
        f'<row r="1" ht="26" customHeight="1">{_cell("A1", L.DIAGRAM.name)}</row>',
        f'<row r="2">{_cell("A2", pic.caption)}</row>',
    ]
    if pic.note:
        rows.append(f'<row r="3">{_cell("A3", pic.note)}</row>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        f'<sheetPr><tabColor rgb="FF{L.DIAGRAM.colour}"/><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<dimension ref="A1:A{3 if pic.note else 2}"/>'
        '<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        '<cols><col min="1" max="1" width="120" customWidth="1"/></cols>'
        f"<sheetData>{''.join(rows)}</sheetData>"
        '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>'
        f'<pageSetup paperSize="{pic.paper}" orientation="landscape" fitToWidth="1" fitToHeight="1"/>'
        '<drawing r:id="rIdLmDrawing"/>'
        "</worksheet>"
    ).encode("utf-8")


def drawing_xml(pic: DiagramPicture) -> bytes:
    """One picture anchored at A5, shown at its own size; alt text in ``descr``."""
    cx, cy = round(pic.width_in * EMU_PER_INCH), round(pic.height_in * EMU_PER_INCH)
    svg = (
        f'<a:extLst><a:ext uri="{SVG_EXT_URI}"><asvg:svgBlip '
        'xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" '
        'r:embed="rIdLmSvg"/></a:ext></a:extLst>'
        if pic.svg else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        f'xmlns:r="{REL_NS}">'
        '<xdr:oneCellAnchor>'
        f'<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{PICTURE_ROW}</xdr:row>'
        '<xdr:rowOff>0</xdr:rowOff></xdr:from>'
        f'<xdr:ext cx="{cx}" cy="{cy}"/>'
        '<xdr:pic><xdr:nvPicPr>'
        f'<xdr:cNvPr id="2" name={_attr(PICTURE_NAME)} descr={_attr(_xml_text(pic.alt_text))}/>'
        '<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>'
        f'<xdr:blipFill><a:blip r:embed="rIdLmPng">{svg}</a:blip>'
        '<a:stretch><a:fillRect/></a:stretch></xdr:blipFill>'
        f'<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>'
        '</xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>'
    ).encode("utf-8")


def _rels(*rels: tuple[str, str, str]) -> bytes:
    body = "".join(
        f'<Relationship Id="{rid}" Type="{REL_TYPE}{kind}" Target="{target}"/>'
        for rid, kind, target in rels
    )
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_REL_NS}">{body}</Relationships>').encode("utf-8")


# --- the package ----------------------------------------------------------------------------


@contextmanager
def _open(path: Path) -> Iterator[Package]:
    """The workbook at ``path`` as a package, every part checked readable; a file that is not
    one is an :class:`OutputError`."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise OutputError(f"cannot read the workbook to add the diagram ({exc})", path) from None
    with zf:
        try:
            damaged = zf.testzip()
            pkg = Package(zf)
        except (zipfile.BadZipFile, OSError, ET.ParseError, ValueError, zlib.error) as exc:
            raise OutputError(f"cannot read the workbook to add the diagram ({exc})", path) from None
        if damaged is not None:
            raise OutputError(f"the workbook's part '{damaged}' is damaged", path)
        yield pkg


def _xml(pkg: Package, name: str) -> ET.Element:
    try:
        return safe_fromstring(pkg.read(name))
    except (KeyError, ET.ParseError, ValueError):
        raise OutputError(f"the workbook's part '{name}' is missing or damaged", Path(pkg.zf.filename or "")) from None


def _sheets(pkg: Package) -> dict[str, str]:
    """Normalised sheet name -> worksheet part, in workbook order."""
    return {L.norm_sheet_name(n): part for n, part in pkg.sheet_parts().items()}


def _insert_sheet(edit: PackageEdit, workbook: str, after: str | None) -> str:
    """Add a Diagram sheet to the workbook after the sheet named ``after`` (last when None or
    not found); return its part name."""
    part = edit.free_name(posixpath.join(posixpath.dirname(workbook), "worksheets/sheet1.xml"))
    rid = edit.add_rel(workbook, REL_TYPE + "worksheet", part)
    edit.add_part(part, b"", WORKSHEET_CT)
    wb = edit.out.read(workbook).decode("utf-8")
    ids = [int(x) for x in re.findall(r'<sheet\b[^>]*\bsheetId="(\d+)"', wb)]
    new = f'<sheet name="{L.DIAGRAM.name}" sheetId="{max(ids, default=0) + 1}" r:id="{rid}"/>'
    tags = list(re.finditer(r"<sheet\b[^>]*/>", wb))
    names = [html.unescape(m.group(1)) if m else None
             for m in (re.search(r'\bname="([^"]*)"', t.group(0)) for t in tags)]
    index = names.index(after) if after in names else len(tags) - 1
    at = tags[index].end()
    wb = wb[:at] + new + wb[at:]
    # Later sheets move one place right: sheet-local names and the active/first tab follow them.
    pos = index + 1
    wb = re.sub(r'localSheetId="(\d+)"',
                lambda m: f'localSheetId="{int(m.group(1)) + (int(m.group(1)) >= pos)}"', wb)
    wb = re.sub(r'\b(activeTab|firstSheet)="(\d+)"',
                lambda m: f'{m.group(1)}="{int(m.group(2)) + (int(m.group(2)) >= pos)}"', wb)
    if not re.search(r'xmlns:r="', wb[: wb.index(">", wb.index("<workbook")) + 1]):
        wb = wb.replace("<workbook ", f'<workbook xmlns:r="{REL_NS}" ', 1)
    edit.replace(workbook, wb.encode("utf-8"))
    return part


def _meta_xml(pkg: Package, meta_part: str, updates: Mapping[str, str]) -> bytes:
    """The Metadata sheet with ``updates`` set: rows rewritten as inline text, key in A, value in B."""
    shared = _shared_strings(pkg)
    sheet = _xml(pkg, meta_part)
    pairs: dict[str, str] = {}
    for row in sheet.iter(f"{{{MAIN_NS}}}row"):
        cells = {}
        for c in row.iter(f"{{{MAIN_NS}}}c"):
            col = re.sub(r"\d", "", c.get("r", ""))
            cells[col] = _cell_value(c, shared)
        if cells.get("A"):
            pairs[cells["A"]] = cells.get("B", "")
    pairs.update(updates)
    rows = "".join(
        f'<row r="{i}">{_cell(f"A{i}", k)}{_cell(f"B{i}", v)}</row>'
        for i, (k, v) in enumerate(pairs.items(), start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><dimension ref="A1:B{max(len(pairs), 1)}"/>'
        '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
        '<cols><col min="1" max="1" width="22" customWidth="1"/><col min="2" max="2" width="40" '
        f'customWidth="1"/></cols><sheetData>{rows}</sheetData>'
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>"
    ).encode("utf-8")


def _shared_strings(pkg: Package) -> list[str]:
    workbook = pkg.workbook_part() or "xl/workbook.xml"
    part = next((t for r in pkg.rels(workbook) if r.type.endswith("/sharedStrings")
                 for t in [pkg.internal_target(workbook, r)] if t), None)
    if part is None:
        return []
    root = _xml(pkg, part)
    return ["".join(t.text or "" for t in si.iter(f"{{{MAIN_NS}}}t"))
            for si in root.iter(f"{{{MAIN_NS}}}si")]


def _cell_value(c: ET.Element, shared: list[str]) -> str:
    kind = c.get("t")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in c.iter(f"{{{MAIN_NS}}}t"))
    v = c.find(f"{{{MAIN_NS}}}v")
    text = v.text if v is not None and v.text else ""
    if kind == "s" and text.isdigit() and int(text) < len(shared):
        return shared[int(text)]
    return text


def _set_picture(edit: PackageEdit, sheet_part: str, sheet: bytes, drawing: bytes,
                 media: Mapping[str, bytes | None], drawing_rels: bytes | None = None) -> None:
    """The Diagram sheet's XML, its drawing and the drawing's pictures (None: no such picture)."""
    edit.add_part(sheet_part, sheet, WORKSHEET_CT)
    edit.add_part(rels_part(sheet_part), _rels(("rIdLmDrawing", "drawing", relative_target(sheet_part, DRAWING_PART))),
                  "")
    edit.add_part(DRAWING_PART, drawing, DRAWING_CT)
    for part, data in media.items():
        if data is None:
            if part in edit.out.names:
                edit.remove(part)
            continue
        edit.add_part(part, data, "image/svg+xml" if part.endswith(".svg") else "image/png")
    if drawing_rels is None:
        drawing_rels = _rels(*[(rid, "image", relative_target(DRAWING_PART, part))
                               for rid, part in (("rIdLmPng", PNG_PART), ("rIdLmSvg", SVG_PART))
                               if media.get(part) is not None])
    edit.add_part(rels_part(DRAWING_PART), drawing_rels, "")


def diagram_edit(pkg: Package, pic: DiagramPicture) -> PackageEdit:
    """The changes that write the Diagram sheet (added after Start when missing)."""
    edit = PackageEdit(pkg)
    sheets = _sheets(pkg)
    workbook = pkg.workbook_part()
    if workbook is None:
        raise OutputError("the workbook's part 'xl/workbook.xml' is missing or damaged", Path(pkg.zf.filename or ""))
    part = sheets.get(L.norm_sheet_name(L.DIAGRAM.name))
    if part is None:
        start = next((n for n in pkg.sheet_parts() if L.norm_sheet_name(n) == L.norm_sheet_name(L.START.name)),
                     None)
        part = _insert_sheet(edit, workbook, start)
    _set_picture(edit, part, sheet_xml(pic), drawing_xml(pic), {PNG_PART: pic.png, SVG_PART: pic.svg})
    meta_part = sheets.get(L.norm_sheet_name(L.META_SHEET))
    if meta_part is not None:
        edit.replace(meta_part, _meta_xml(pkg, meta_part, pic.meta))
    return edit


def restore_diagram(source: str | os.PathLike[str], output: str | os.PathLike[str]) -> bool:
    """Put ``source``'s Diagram sheet back into ``output`` (rewritten in place) exactly as it was.

    openpyxl keeps a picture's PNG when it saves but rewrites its drawing, which loses the alt
    text and the SVG: writers that save through openpyxl call this (through
    :func:`lm_excel.workbook.carry.carry_parts`) on their temporary file. Returns whether there
    was a diagram to restore.
    """
    with _open(Path(source)) as src:
        src_part = _sheets(src).get(L.norm_sheet_name(L.DIAGRAM.name))
        if DRAWING_PART not in src.names or src_part is None:
            return False
        with _open(Path(output)) as out:
            out_part = _sheets(out).get(L.norm_sheet_name(L.DIAGRAM.name))
            if out_part is None:
                return False
            edit = PackageEdit(out)
            # The writer's own drawing of the sheet (and the parts only it used) go.
            for rel in out.rels(out_part):
                drawing = out.internal_target(out_part, rel)
                if drawing is None or drawing == DRAWING_PART:
                    continue
                for media in out.rels(drawing):
                    used = out.internal_target(drawing, media)
                    if used is not None:
                        edit.remove(used)
                edit.remove(rels_part(drawing))
                edit.remove(drawing)
            copied = {name: src.read(name) if name in src.names else None for name in (PNG_PART, SVG_PART)}
            _set_picture(edit, out_part, src.read(src_part), src.read(DRAWING_PART),
                         {n: d for n, d in copied.items() if d is not None or n == SVG_PART},
                         src.read(rels_part(DRAWING_PART)) if rels_part(DRAWING_PART) in src.names else None)
            edit.write(Path(output))
    return True


def verify_package(target: Path, edit: PackageEdit) -> None:
    """Raise :class:`OutputError` unless ``target`` holds the parts ``edit`` wrote."""
    try:
        with zipfile.ZipFile(target) as zf:
            if set(zf.namelist()) != edit.names():
                raise OutputError("the workbook with its diagram did not read back as written", target)
            for name in (PNG_PART, DRAWING_PART, edit.out.workbook_part() or ""):
                if zf.read(name) != edit.data(name):
                    raise OutputError("the diagram did not read back as written", target)
            if zf.testzip() is not None:
                raise OutputError("the workbook with its diagram is damaged", target)
    except zipfile.BadZipFile:
        raise OutputError("the workbook with its diagram is damaged", target) from None


def write_diagram_sheet(source: str | os.PathLike[str], target: str | os.PathLike[str],
                        pic: DiagramPicture) -> Path:
    """Write ``source`` with its Diagram sheet set to ``pic`` to ``target`` (atomically, verified).

    ``source`` and ``target`` may be the same file (the caller has made any backup).
    """
    from lm_excel.fileio import write_verified

    source, target = Path(source), Path(target)
    with _open(source) as pkg:
        edit = diagram_edit(pkg, pic)
        return write_verified(target, edit.write_to, lambda tmp: verify_package(tmp, edit))
