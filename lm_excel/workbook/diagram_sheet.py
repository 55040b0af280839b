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

import os
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

from defusedxml.ElementTree import fromstring as safe_fromstring

from lm_excel import layout as L
from lm_excel.errors import OutputError
from lm_excel.workbook.opc import relative_target, rels_part, resolve_target

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
    return (f'<c r="{ref}" t="inlineStr"{s}><is><t xml:space="preserve">{escape(_xml_text(text))}'
            "</t></is></c>")


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
        f'<xdr:cNvPr id="2" name={quoteattr(PICTURE_NAME)} descr={quoteattr(_xml_text(pic.alt_text))}/>'
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


class _Package:
    """A workbook's parts in memory, with the few look-ups the Diagram sheet needs."""

    def __init__(self, path: Path) -> None:
        try:
            with zipfile.ZipFile(path) as zf:
                self.infos = zf.infolist()
                self.parts = {i.filename: zf.read(i) for i in self.infos}
        except (zipfile.BadZipFile, OSError, KeyError) as exc:
            raise OutputError(f"cannot read the workbook to add the diagram ({exc})", path) from None
        self.path = path

    def xml(self, name: str) -> ET.Element:
        try:
            return safe_fromstring(self.parts[name])
        except (KeyError, ET.ParseError, ValueError):
            raise OutputError(f"the workbook's part '{name}' is missing or damaged", self.path) from None

    def sheets(self) -> list[tuple[str, str, str]]:
        """(name, relationship ID, part name) of every sheet, in workbook order."""
        wb = self.xml("xl/workbook.xml")
        rels = {r.get("Id"): r.get("Target", "") for r in self.xml("xl/_rels/workbook.xml.rels")}
        out = []
        for sheet in wb.iter(f"{{{MAIN_NS}}}sheet"):
            rid = sheet.get(f"{{{REL_NS}}}id", "")
            out.append((sheet.get("name", ""), rid, resolve_target("xl/workbook.xml", rels.get(rid, ""))))
        return out


def _add_content_types(ct: bytes, overrides: Mapping[str, str], defaults: Mapping[str, str]) -> bytes:
    text = ct.decode("utf-8")
    for ext, kind in defaults.items():
        if not re.search(rf'<Default[^>]*Extension="{ext}"', text, re.I):
            text = text.replace("</Types>", f'<Default Extension="{ext}" ContentType="{kind}"/></Types>')
    for part, kind in overrides.items():
        if f'PartName="/{part}"' not in text:
            text = text.replace("</Types>", f'<Override PartName="/{part}" ContentType="{kind}"/></Types>')
    return text.encode("utf-8")


def _insert_sheet(pkg: _Package, after: int) -> str:
    """Add a Diagram sheet to workbook.xml after sheet index ``after``; return its part name."""
    used = set(pkg.parts)
    n = 1
    while f"xl/worksheets/sheet{n}.xml" in used:
        n += 1
    part = f"xl/worksheets/sheet{n}.xml"
    rels = pkg.parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdLmDiagram" Type="{REL_TYPE}worksheet" '
        f'Target="worksheets/sheet{n}.xml"/></Relationships>',
    )
    pkg.parts["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")
    wb = pkg.parts["xl/workbook.xml"].decode("utf-8")
    ids = [int(x) for x in re.findall(r'<sheet\b[^>]*\bsheetId="(\d+)"', wb)]
    new = f'<sheet name="{L.DIAGRAM.name}" sheetId="{max(ids, default=0) + 1}" r:id="rIdLmDiagram"/>'
    tags = list(re.finditer(r"<sheet\b[^>]*/>", wb))
    pos = after + 1
    at = tags[after].end() if 0 <= after < len(tags) else tags[-1].end()
    wb = wb[:at] + new + wb[at:]
    # Later sheets move one place right: sheet-local names and the active/first tab follow them.
    wb = re.sub(r'localSheetId="(\d+)"',
                lambda m: f'localSheetId="{int(m.group(1)) + (int(m.group(1)) >= pos)}"', wb)
    wb = re.sub(r'\b(activeTab|firstSheet)="(\d+)"',
                lambda m: f'{m.group(1)}="{int(m.group(2)) + (int(m.group(2)) >= pos)}"', wb)
    if not re.search(r'xmlns:r="', wb[: wb.index(">", wb.index("<workbook")) + 1]):
        wb = wb.replace("<workbook ", f'<workbook xmlns:r="{REL_NS}" ', 1)
    pkg.parts["xl/workbook.xml"] = wb.encode("utf-8")
    return part


def _meta_xml(pkg: _Package, meta_part: str, updates: Mapping[str, str]) -> bytes:
    """The Metadata sheet with ``updates`` set: rows rewritten as inline text, key in A, value in B."""
    shared = _shared_strings(pkg)
    sheet = pkg.xml(meta_part)
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


def _shared_strings(pkg: _Package) -> list[str]:
    if "xl/sharedStrings.xml" not in pkg.parts:
        return []
    root = pkg.xml("xl/sharedStrings.xml")
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


def diagram_package(path: Path, pic: DiagramPicture) -> tuple[list[zipfile.ZipInfo], dict[str, bytes]]:
    """The workbook's parts with the Diagram sheet written (added after Start when missing)."""
    pkg = _Package(path)
    sheets = pkg.sheets()
    names = [s[0] for s in sheets]
    norm = [L.norm_sheet_name(n) for n in names]
    if L.norm_sheet_name(L.DIAGRAM.name) in norm:
        part = sheets[norm.index(L.norm_sheet_name(L.DIAGRAM.name))][2]
    else:
        start = norm.index(L.norm_sheet_name(L.START.name)) if L.norm_sheet_name(L.START.name) in norm else -1
        part = _insert_sheet(pkg, start)
    pkg.parts[part] = sheet_xml(pic)
    pkg.parts[rels_part(part)] = _rels(("rIdLmDrawing", "drawing", relative_target(part, DRAWING_PART)))
    pkg.parts[DRAWING_PART] = drawing_xml(pic)
    media = [("rIdLmPng", "image", relative_target(DRAWING_PART, PNG_PART))]
    pkg.parts[PNG_PART] = pic.png
    if pic.svg:
        media.append(("rIdLmSvg", "image", relative_target(DRAWING_PART, SVG_PART)))
        pkg.parts[SVG_PART] = pic.svg
    else:
        pkg.parts.pop(SVG_PART, None)
    pkg.parts[rels_part(DRAWING_PART)] = _rels(*media)
    if L.norm_sheet_name(L.META_SHEET) in norm:
        meta_part = sheets[norm.index(L.norm_sheet_name(L.META_SHEET))][2]
        pkg.parts[meta_part] = _meta_xml(pkg, meta_part, pic.meta)
    pkg.parts["[Content_Types].xml"] = _add_content_types(
        pkg.parts["[Content_Types].xml"],
        {part: WORKSHEET_CT, DRAWING_PART: DRAWING_CT},
        {"png": "image/png", "svg": "image/svg+xml"},
    )
    return pkg.infos, pkg.parts


def restore_diagram(source: str | os.PathLike[str], output: str | os.PathLike[str]) -> bool:
    """Put ``source``'s Diagram sheet back into ``output`` (rewritten in place) exactly as it was.

    openpyxl keeps a picture's PNG when it saves but rewrites its drawing, which loses the alt
    text and the SVG: writers that save through openpyxl call this (through
    :func:`lm_excel.workbook.carry.carry_parts`) on their temporary file. Returns whether there
    was a diagram to restore.
    """
    src = _Package(Path(source))
    if DRAWING_PART not in src.parts:
        return False
    src_sheets = {L.norm_sheet_name(n): part for n, _rid, part in src.sheets()}
    src_part = src_sheets.get(L.norm_sheet_name(L.DIAGRAM.name))
    if src_part is None or src_part not in src.parts:
        return False
    out = _Package(Path(output))
    out_sheets = {L.norm_sheet_name(n): part for n, _rid, part in out.sheets()}
    out_part = out_sheets.get(L.norm_sheet_name(L.DIAGRAM.name))
    if out_part is None:
        return False
    # The writer's own drawing of the sheet (and the parts only it used) go.
    old_rels = out.parts.get(rels_part(out_part), b"")
    for target in re.findall(rb'Target="([^"]+)"', old_rels):
        drawing = resolve_target(out_part, target.decode())
        if drawing == DRAWING_PART or drawing not in out.parts:
            continue
        for media in re.findall(rb'Target="([^"]+)"', out.parts.get(rels_part(drawing), b"")):
            out.parts.pop(resolve_target(drawing, media.decode()), None)
        out.parts.pop(rels_part(drawing), None)
        out.parts.pop(drawing, None)
    names = [DRAWING_PART, rels_part(DRAWING_PART), PNG_PART, SVG_PART]
    for name in names:
        if name in src.parts:
            out.parts[name] = src.parts[name]
    out.parts[out_part] = src.parts[src_part]
    out.parts[rels_part(out_part)] = _rels(("rIdLmDrawing", "drawing", relative_target(out_part, DRAWING_PART)))
    ct = out.parts["[Content_Types].xml"].decode("utf-8")
    ct = re.sub(r'<Override PartName="/xl/drawings/(?!lmDiagram)[^"]*"[^>]*/>',
                lambda m: m.group(0) if m.group(0).split('"')[1].lstrip("/") in out.parts else "", ct)
    out.parts["[Content_Types].xml"] = _add_content_types(
        ct.encode("utf-8"), {out_part: WORKSHEET_CT, DRAWING_PART: DRAWING_CT},
        {"png": "image/png", "svg": "image/svg+xml"})
    infos = [i for i in out.infos if i.filename in out.parts]
    write_package(infos, out.parts, Path(output))
    return True


def write_package(infos: list[zipfile.ZipInfo], parts: Mapping[str, bytes], target: Path) -> None:
    """Write parts as a zip: existing entries in their order with their settings, new ones after."""
    seen = set()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in infos:
            if info.filename in parts:
                out.writestr(info, parts[info.filename], compress_type=info.compress_type)
                seen.add(info.filename)
        for name, data in parts.items():
            if name not in seen:
                out.writestr(name, data)


def verify_package(target: Path, parts: Mapping[str, bytes], pic: DiagramPicture) -> None:
    """Raise :class:`OutputError` unless ``target`` holds exactly ``parts``."""
    try:
        with zipfile.ZipFile(target) as zf:
            names = set(zf.namelist())
            if names != set(parts):
                raise OutputError("the workbook with its diagram did not read back as written", target)
            for name in (PNG_PART, DRAWING_PART, "xl/workbook.xml"):
                if zf.read(name) != parts[name]:
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
    infos, parts = diagram_package(source, pic)
    return write_verified(target, lambda tmp: write_package(infos, parts, tmp),
                          lambda tmp: verify_package(tmp, parts, pic))
