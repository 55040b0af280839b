"""The Word report: a formatted, accessible document built from a logic model.

:func:`build_report` returns a python-docx ``Document``; :func:`write_report` saves it atomically,
re-reads it to verify, and never overwrites a report that is open in Word (a new name is chosen).
Sections whose data is absent are left out, never printed empty.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import OutputError, UsageError
from ..model import LogicModel
from . import diagram as D
from . import sources
from .reference import W_NS, find_reference, make_reference
from .text import clean, one_line, shorten

LANGUAGE = "en-GB"
#: Most findings listed in the quality-check table (the rest are counted).
MAX_FINDINGS = 60

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _qn(tag: str) -> str:
    return f"{{{W_NS}}}{tag.split(':', 1)[1]}"


def _el(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement

    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(_qn(f"w:{key}"), value)
    return el


@dataclass
class ReportResult:
    """What :func:`write_report` wrote."""

    path: Path
    requested: Path  # the path asked for (differs from ``path`` when that one was open)
    diagram: Path | None = None

    @property
    def renamed(self) -> bool:
        return self.path != self.requested


# --- small document helpers -------------------------------------------------------------------


def _reference_document() -> Any:
    import docx

    path = find_reference()
    if path is not None:
        try:
            return docx.Document(os.fspath(path))
        except Exception as exc:  # noqa: BLE001 - a damaged or non-Word reference file
            raise OutputError(f"the report's reference document cannot be opened ({exc})", path) from None
    buf = io.BytesIO()
    make_reference().save(buf)
    buf.seek(0)
    return docx.Document(buf)


def _clear_body(doc: Any) -> None:
    body = doc.element.body
    for child in list(body):
        if child.tag != _qn("w:sectPr"):
            body.remove(child)


_PLACEHOLDER = re.compile(r"\{(intervention|version|organisation|date)\}")


def _fill_placeholders(doc: Any, values: dict[str, str]) -> None:
    """Put the intervention's name, version, ... into the header and footer placeholders."""
    parts = []
    for section in doc.sections:
        for hf in (section.header, section.footer, section.first_page_header,
                   section.first_page_footer, section.even_page_header, section.even_page_footer):
            if not hf.is_linked_to_previous:
                parts.append(hf._element)
    seen: set[int] = set()
    for part in parts:
        if id(part) in seen:
            continue
        seen.add(id(part))
        for p in part.iter(_qn("w:p")):
            texts = list(p.iter(_qn("w:t")))
            # Word may split a placeholder over several runs when the file is edited: join them.
            i = 0
            while i < len(texts):
                t = texts[i]
                j = i + 1
                while (t.text or "").count("{") > (t.text or "").count("}") and j < len(texts):
                    t.text = (t.text or "") + (texts[j].text or "")
                    texts[j].text = ""
                    j += 1
                if t.text and "{" in t.text:
                    t.text = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), t.text)
                    t.set(_XML_SPACE, "preserve")
                i = j


def _run(paragraph: Any, text: str, bold: bool = False, italic: bool = False) -> Any:
    run = paragraph.add_run(clean(text, strip=False))
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    return run


def _para(container: Any, text: str = "", style: str | None = None, keep: bool = False) -> Any:
    p = container.add_paragraph(style=style)
    if text:
        _run(p, text)
    if keep:
        p.paragraph_format.keep_with_next = True
    return p


def _labelled(container: Any, label: str, text: str) -> Any:
    p = container.add_paragraph()
    _run(p, f"{label}: ", bold=True)
    _run(p, text)
    return p


def _add_field(paragraph: Any, instruction: str, cached: str) -> None:
    def run_with(el: Any) -> None:
        r = paragraph.add_run()
        r._r.append(el)

    run_with(_el("w:fldChar", fldCharType="begin", dirty="true"))
    instr = _el("w:instrText")
    instr.set(_XML_SPACE, "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    run_with(_el("w:fldChar", fldCharType="separate"))
    paragraph.add_run(cached)
    run_with(_el("w:fldChar", fldCharType="end"))


def page_break(doc: Any) -> None:
    """A page break in a paragraph of its own."""
    from docx.enum.text import WD_BREAK

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _header_style(doc: Any) -> tuple[str, str]:
    """Header-row fill and text colour from the table style's 'header row' format."""
    fill, colour = "1F4E79", "FFFFFF"
    try:
        style = doc.styles["Table Grid"].element
    except KeyError:
        return fill, colour
    for pr in style.findall(_qn("w:tblStylePr")):
        if pr.get(_qn("w:type")) == "firstRow":
            shd = pr.find(f"{_qn('w:tcPr')}/{_qn('w:shd')}")
            if shd is not None and shd.get(_qn("w:fill")) not in (None, "auto"):
                fill = shd.get(_qn("w:fill"))
            col = pr.find(f"{_qn('w:rPr')}/{_qn('w:color')}")
            if col is not None and col.get(_qn("w:val")) not in (None, "auto"):
                colour = col.get(_qn("w:val"))
    return fill, colour


class DocWriter:
    """Writes the house style's parts into a document: headings, text, captions, tables, pictures.

    Knows nothing about a logic model, so other documents (the portfolio synthesis report)
    share the single-model report's look through it; start them with :func:`new_document`.
    """

    def __init__(self, doc: Any) -> None:
        from docx.shared import Emu

        self.doc = doc
        self.figures = 0
        self.tables = 0
        self.header_fill, self.header_colour = _header_style(doc)
        sec = doc.sections[0]
        self.text_width = Emu(sec.page_width - sec.left_margin - sec.right_margin)

    # headings and text

    def heading(self, text: str, level: int, new_page: bool = False) -> Any:
        p = self.doc.add_heading(one_line(text), level=level)
        if new_page:
            # A property of the heading, not a break paragraph: never leaves an empty page.
            p.paragraph_format.page_break_before = True
        return p

    def paragraphs(self, text: str, container: Any = None) -> None:
        container = container or self.doc
        for block in re.split(r"\n\s*\n|\n", clean(text)):
            if block.strip():
                _para(container, block.strip())

    def para(self, text: str = "", style: str | None = None, keep: bool = False) -> Any:
        """A paragraph of cleaned text (cells may hold characters Word's XML rejects)."""
        return _para(self.doc, text, style, keep)

    def bullets(self, items: Sequence[str]) -> None:
        for item in items:
            _para(self.doc, one_line(item), "List Bullet")

    def caption(self, kind: str, text: str) -> Any:
        p = self.doc.add_paragraph(style="Caption")
        if kind == "Figure":
            self.figures += 1
            n = self.figures
        else:
            self.tables += 1
            n = self.tables
        _run(p, f"{kind} ")
        _add_field(p, f"SEQ {kind} \\* ARABIC", str(n))
        _run(p, f": {one_line(text)}")
        return p

    # tables

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float],
              caption: str | None = None, width: Any = None, font_size: float | None = None) -> Any:
        """A table in the report's table style with a repeating, marked header row.

        ``widths`` are relative column widths; cells may be text or (bold prefix, text) pairs or
        lists of such pairs (one paragraph each).
        """
        from docx.shared import Emu

        if caption:
            cap = self.caption("Table", caption)
            cap.paragraph_format.keep_with_next = True
        total = int(width or self.text_width)
        scale = total / sum(widths)
        col_w = [Emu(int(w * scale)) for w in widths]
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = self.doc.styles["Table Grid"]
        table.autofit = False
        tblpr = table._tbl.tblPr
        look = tblpr.find(_qn("w:tblLook"))
        if look is None:
            look = _el("w:tblLook")
            tblpr.append(look)
        for key, value in (("val", "04A0"), ("firstRow", "1"), ("lastRow", "0"),
                           ("firstColumn", "0"), ("lastColumn", "0"), ("noHBand", "1"),
                           ("noVBand", "1")):
            look.set(_qn(f"w:{key}"), value)
        tblw = tblpr.find(_qn("w:tblW"))
        if tblw is None:
            tblw = _el("w:tblW")
            tblpr.append(tblw)
        tblw.set(_qn("w:w"), str(int(total / 635)))
        tblw.set(_qn("w:type"), "dxa")
        if caption:
            # The table's own title for screen readers (Word: Table Properties > Alt Text).
            tblpr.append(_el("w:tblCaption", val=one_line(caption)[:255]))
        for gc, w in zip(table._tbl.tblGrid.findall(_qn("w:gridCol")), col_w):
            gc.set(_qn("w:w"), str(int(w / 635)))
        # Rows are built as XML text and parsed once each: python-docx's cell-by-cell API is
        # slow for reports with many tables.
        tbl = table._tbl
        tbl.remove(tbl.tr_lst[0])
        twips = [int(w / 635) for w in col_w]
        size = f'<w:sz w:val="{round(font_size * 2)}"/><w:szCs w:val="{round(font_size * 2)}"/>' \
            if font_size else ""
        tbl.append(self._row_xml(headers, twips, size, header=True))
        for values in rows:
            tbl.append(self._row_xml(values, twips, size))
        return table

    def _row_xml(self, values: Sequence[Any], twips: Sequence[int], size: str,
                 header: bool = False) -> Any:
        from xml.sax.saxutils import escape

        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        cells = [self._cell_runs(v) for v in values]
        if header:
            tr_pr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        elif sum(len(t) for c in cells for p in c for t, _ in p) < 700:
            # Short rows stay on one page; long ones may break (Word must split them anyway).
            tr_pr = "<w:trPr><w:cantSplit/></w:trPr>"
        else:
            tr_pr = ""
        shd = (f'<w:shd w:val="clear" w:color="auto" w:fill="{self.header_fill}"/>'
               if header else "")
        colour = f'<w:color w:val="{self.header_colour}"/>' if header else ""
        # Tight spacing in cells (the Normal style's spacing is for body text).
        p_pr = '<w:pPr><w:spacing w:before="0" w:after="60" w:line="240" w:lineRule="auto"/></w:pPr>'
        out = [f"<w:tr {nsdecls('w')}>", tr_pr]
        for paragraphs, w in zip(cells, twips):
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{shd}</w:tcPr>')
            for runs in paragraphs or [[]]:
                out.append(f"<w:p>{p_pr}")
                for text, bold in runs:
                    r_pr = ("<w:b/><w:bCs/>" if bold or header else "") + colour + size
                    out.append(f"<w:r>{'<w:rPr>' + r_pr + '</w:rPr>' if r_pr else ''}"
                               f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')
                out.append("</w:p>")
            out.append("</w:tc>")
        out.append("</w:tr>")
        return parse_xml("".join(out))

    @staticmethod
    def _cell_runs(value: Any) -> list[list[tuple[str, bool]]]:
        """A cell value as paragraphs of (text, bold) runs: text, (bold prefix, text), or a list."""
        items = value if isinstance(value, list) else [value]
        paragraphs: list[list[tuple[str, bool]]] = []
        for item in items:
            if isinstance(item, tuple):
                prefix, text = item
                paragraphs.append([(clean(f"{prefix} ", strip=False), True),
                                   (clean(text, strip=False), False)])
            else:
                for line in clean(item).split("\n"):
                    paragraphs.append([(line, False)] if line else [])
        return paragraphs

    # pictures

    def picture(self, png: bytes, width: Any, alt: str, title: str, height_limit: Any = None) -> Any:
        from docx.shared import Emu

        stream = io.BytesIO(png)
        shape_w, shape_h = width, None
        # Keep the aspect ratio but never exceed the height available on the page.
        from PIL import Image

        with Image.open(io.BytesIO(png)) as im:
            w_px, h_px = im.size
        shape_h = int(width * h_px / w_px)
        if height_limit is not None and shape_h > height_limit:
            shape_w, shape_h = int(height_limit * w_px / h_px), int(height_limit)
        p = self.doc.add_paragraph()
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        run = p.add_run()
        shape = run.add_picture(stream, width=Emu(int(shape_w)), height=Emu(int(shape_h)))
        docpr = shape._inline.docPr
        docpr.set("descr", clean(alt))
        docpr.set("title", clean(title))
        return shape


class Writer(DocWriter):
    """Builds the single-model report section by section."""

    def __init__(self, doc: Any, model: LogicModel) -> None:
        super().__init__(doc)
        self.model = model
        self.by_id = model.by_id()

    def describe(self, ids: Sequence[str]) -> str:
        """'C1 (Weekly check-in), C2 (...)' for IDs, shortened text in brackets."""
        parts = []
        for id_ in ids:
            el = self.by_id.get(id_)
            parts.append(f"{id_} ({shorten(el.statement, 70)})" if el and el.statement else id_)
        return "; ".join(parts)


# --- sections ---------------------------------------------------------------------------------


def _intervention_values(model: LogicModel) -> dict[str, str]:
    iv = model.intervention
    return {
        "intervention": one_line(iv.name) or "Logic model",
        "version": one_line(iv.version) or "draft",
        "organisation": one_line(iv.organisation),
        "date": one_line(iv.text("date")),
    }


def _nice_date(text: str) -> str:
    try:
        d = _dt.date.fromisoformat(text[:10])
    except ValueError:
        return text
    return f"{d.day} {d.strftime('%B %Y')}"


def _title_page(w: Writer, values: dict[str, str]) -> None:
    from docx.shared import Pt

    iv = w.model.intervention
    spacer = w.doc.add_paragraph()
    spacer.paragraph_format.space_before = Pt(120)
    if values["organisation"]:
        p = _para(w.doc, values["organisation"], "Subtitle")
    w.doc.add_paragraph(values["intervention"], style="Title")
    _para(w.doc, "Logic model report", "Subtitle")
    facts = [
        ("Version", one_line(iv.version)),
        ("Date", _nice_date(one_line(iv.text("date")))),
        ("Phase", one_line(iv.text("phase"))),
        ("Lead contact", one_line(iv.text("lead_contact"))),
        ("Partners", one_line(iv.text("partners"))),
    ]
    for label, text in facts:
        if text:
            _labelled(w.doc, label, text)
    p = _para(w.doc)
    p.paragraph_format.space_before = Pt(36)
    made = _dt.date.today()
    _run(p, f"Made with lm-excel {__version__} from the workbook "
            f"{one_line(w.model.source) or 'provided'} on {made.day} {made.strftime('%B %Y')}.",
         italic=True)


def _contents(w: Writer, headings: Sequence[tuple[int, str]]) -> None:
    """A table-of-contents field; its cached entries (no page numbers) show until Word updates it."""
    from docx.shared import Pt

    w.doc.add_paragraph("Contents", style="TOC Heading")
    p = w.doc.add_paragraph()
    r = p.add_run()
    r._r.append(_el("w:fldChar", fldCharType="begin", dirty="true"))
    r = p.add_run()
    instr = _el("w:instrText")
    instr.set(_XML_SPACE, "preserve")
    instr.text = ' TOC \\o "1-2" \\h \\z \\u '
    r._r.append(instr)
    r = p.add_run()
    r._r.append(_el("w:fldChar", fldCharType="separate"))
    styles = {s.name for s in w.doc.styles}
    for i, (level, text) in enumerate(headings):
        style = f"TOC {level}" if f"TOC {level}" in styles else None
        q = p if i == 0 else w.doc.add_paragraph(style=style)
        if i == 0 and style:
            q.style = w.doc.styles[style]
        _run(q, one_line(text))
    # The note is part of the field's cached result, so it goes when Word updates the contents.
    end = w.doc.add_paragraph()
    end.paragraph_format.space_before = Pt(12)
    _run(end, "Page numbers appear when the document is opened in Word (it asks to update "
              "fields: choose Yes).", italic=True)
    r = end.add_run()
    r._r.append(_el("w:fldChar", fldCharType="end"))


def _summary(w: Writer) -> bool:
    iv = w.model.intervention
    parts = [("What it is", iv.text("summary")), ("Who it is for", iv.text("target_population")),
             ("Why it is needed", iv.text("rationale")), ("Evidence base", iv.text("evidence_base"))]
    parts = [(h, t) for h, t in parts if t.strip()]
    if not parts:
        return False
    w.heading("Summary", 1)
    for head, text in parts:
        w.heading(head, 2)
        w.paragraphs(text)
    return True


def _context(w: Writer) -> bool:
    local = w.model.intervention.text("local_context")
    factors = w.model.context
    if not local.strip() and not factors:
        return False
    w.heading("Context", 1)
    if local.strip():
        w.heading("Local context", 2)
        w.paragraphs(local)
    if factors:
        w.heading("Context factors", 2)
        _para(w.doc, "Things outside the intervention that help it (enablers), hinder it "
                     "(barriers) or change for whom it works (moderators).", keep=True)
        rows = [[el.id or el.raw_id, el.statement, el.text("type"), el.text("detail"),
                 ", ".join(el.ids("affects"))] for el in factors]
        w.table(["ID", "Factor", "Type", "Detail", "Affects"], rows, [1.1, 4, 2.1, 5, 1.6],
                caption="Context factors")
    return True


def _landscape(doc: Any) -> Any:
    from docx.enum.section import WD_ORIENT, WD_SECTION

    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    sec.different_first_page_header_footer = False
    if sec.orientation != WD_ORIENT.LANDSCAPE:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = sec.page_height, sec.page_width
    return sec


def _aspect(png: bytes) -> float:
    """Height / width of a PNG image."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as im:
        return im.height / im.width


def _portrait(doc: Any) -> Any:
    from docx.enum.section import WD_ORIENT, WD_SECTION

    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    sec.different_first_page_header_footer = False
    if sec.orientation != WD_ORIENT.PORTRAIT:
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = sec.page_height, sec.page_width
    return sec


def _at_a_glance(w: Writer, graph: D.Graph, png: bytes | None, alt: str) -> bool:
    if not len(graph):
        return False
    from docx.shared import Emu

    sec = _landscape(w.doc)
    width = Emu(sec.page_width - sec.left_margin - sec.right_margin)
    height = Emu(sec.page_height - sec.top_margin - sec.bottom_margin)
    w.heading("The logic model at a glance", 1)
    _para(w.doc, "Each column is a stage of the logic model, read from left to right: the "
                 "resources put in, the activities delivered, what they produce, how change "
                 "happens, and the outcomes hoped for over time. The IDs link the columns; "
                 "the diagram after the table shows the links as arrows.")
    w.heading("The logic model in columns", 2)
    _para(w.doc, "Within each column, elements are in the same order as in the diagram, so "
                 "linked elements sit near each other; a row does not mean they are linked.",
          keep=True)
    depth = max(len(col) for col in graph.columns)
    rows = [[(col[i].label, col[i].text) if i < len(col) else "" for col in graph.columns]
            for i in range(depth)]
    w.table([s.title for s in graph.stages], rows, [1] * len(graph.stages),
            caption="The logic model in columns (full text of every element)", width=width,
            font_size=8)
    if png is not None:
        w.heading("Diagram", 2, new_page=True)
        # Room left on a landscape page under a heading and above a caption.
        from docx.shared import Cm

        w.picture(png, width, alt, "Logic model diagram", height_limit=height - Cm(2.6))
        text = ("Logic model diagram. Boxes show IDs and shortened text; arrows show the links "
                "typed in the workbook. The table above has the full text.")
        if _aspect(png) > D.HEIGHT_IN / D.WIDTH_IN + 0.01:
            text += (" The model is large, so the diagram is printed small: save it with "
                     "'lm-excel report --diagram-out diagram.svg' to zoom in.")
        w.caption("Figure", text)
    _details(w, width)
    _portrait(w.doc)
    return True


def _details(w: Writer, width: Any) -> None:
    """Tables with every column of the components, outputs and outcomes (what to replicate)."""
    model = w.model
    comps = model.components
    outs = model.outputs
    outcomes = model.outcomes
    if not (comps or outs or outcomes):
        return
    first = True
    if comps:
        w.heading("Components in detail", 2, new_page=first)
        first = False
        _para(w.doc, "What is delivered, by whom, to whom, how often and how: enough for another "
                     "area to understand and copy it.", keep=True)
        rows = [[(el.id or el.raw_id, el.statement), el.text("description"),
                 el.text("delivered_by"), el.text("received_by"), el.text("dose"),
                 el.text("delivery_mode"), ", ".join(el.ids("inputs_used"))] for el in comps]
        w.table(["Component", "Description", "Delivered by", "Received by", "Dose or frequency",
                 "Mode", "Inputs used"], rows, [3.2, 5, 2.2, 2.4, 2.2, 1.5, 1.5],
                caption="Components in detail", width=width, font_size=8.5)
    if outs:
        w.heading("Outputs in detail", 2, new_page=first)
        first = False
        rows = [[(el.id or el.raw_id, el.statement), ", ".join(el.ids("from_components")),
                 el.text("target")] for el in outs]
        w.table(["Output", "From components", "Target"], rows, [8, 2.5, 5],
                caption="Outputs and their targets", width=width, font_size=8.5)
    if outcomes:
        w.heading("Outcomes in detail", 2, new_page=first)
        rows = [[(el.id or el.raw_id, el.statement), el.text("timescale"), el.text("who_benefits"),
                 el.text("direction"), el.text("priority"), ", ".join(el.ids("contributes_to"))]
                for el in outcomes]
        w.table(["Outcome", "Timescale", "Who benefits", "Direction", "Priority",
                 "Contributes to"], rows, [7, 2, 2.4, 1.8, 1.8, 2],
                caption="Outcomes: timescale, who benefits, direction and priority", width=width,
                font_size=8.5)


def _how_it_works(w: Writer) -> bool:
    mechanisms = w.model.mechanisms
    if not mechanisms:
        return False
    w.heading("How it works", 1)
    _para(w.doc, "The mechanisms explain how and why the activities lead to the outcomes: what "
                 "each one sets in motion, what triggers it and what it leads to.")
    for el in mechanisms:
        label = el.id or el.raw_id
        statement = one_line(el.statement)
        head = shorten(statement, 90) if statement else "(no description)"
        w.heading(f"{label}: {head}" if label else head, 2)
        if statement and shorten(statement, 90) != statement:
            w.paragraphs(el.statement)
        triggers = el.ids("triggered_by")
        leads = el.ids("leads_to")
        if triggers:
            _labelled(w.doc, "Triggered by", w.describe(triggers))
        if leads:
            _labelled(w.doc, "Leads to", w.describe(leads))
        evidence = el.text("evidence")
        if evidence.strip():
            _labelled(w.doc, "Evidence or rationale", one_line(evidence))
    return True




def _assumptions(w: Writer) -> bool:
    items = w.model.assumptions
    if not items:
        return False
    w.heading("Assumptions", 1)
    weak = [el for el in items if el.text("confidence").strip().lower() in ("weak", "untested")]
    text = (f"What must be true for the model to work, with how confident we are in each. "
            f"{len(weak)} of {len(items)} {'is' if len(weak) == 1 else 'are'} weak or untested "
            "and will be tested as the plan says." if weak else
            "What must be true for the model to work, with how confident we are in each.")
    _para(w.doc, text, keep=True)
    rows = [[el.id or el.raw_id, el.statement, ", ".join(el.ids("relates_to")),
             el.text("confidence") or "Not stated", el.text("how_tested")] for el in items]
    w.table(["ID", "Assumption", "Relates to", "Confidence", "How it will be tested"], rows,
            [1.0, 5, 1.6, 2.1, 4.5], caption="Assumptions and confidence")
    return True


def _negatives(w: Writer) -> bool:
    items = w.model.negatives
    if not items:
        return False
    w.heading("Potential negative consequences", 1)
    _para(w.doc, "What could go wrong or harm someone, how likely and how serious it would be, "
                 "how the risk is reduced and how it will be watched for.", keep=True)
    rows = []
    for el in items:
        what: list[Any] = [el.statement]
        if el.text("who_affected"):
            what.append(("Who:", el.text("who_affected")))
        rating = [("Likelihood:", el.text("likelihood") or "not stated"),
                  ("Impact:", el.text("impact") or "not stated")]
        rows.append([el.id or el.raw_id, what, rating, el.text("mitigation") or "None given",
                     el.text("monitoring") or "None given"])
    w.table(["ID", "Potential negative consequence", "Likelihood and impact", "Mitigation",
             "How it will be monitored"], rows, [1.1, 4.4, 2.3, 3.6, 3.6],
            caption="Potential negative consequences, mitigation and monitoring")
    return True


def _evaluation(w: Writer, plan: Any) -> bool:
    rows = sources.plan_rows(plan)
    design = sources.plan_design(plan)
    if not rows and not design:
        return False
    w.heading("Evaluation plan", 1)
    _para(w.doc, "How we will know whether the intervention works: the recommended evaluation "
                 "design, then what will be measured, from whom and when.")
    if design:
        w.heading("Recommended design", 2)
        if design["title"]:
            _run(_para(w.doc), design["title"], bold=True)
        for text in design["paragraphs"]:
            w.paragraphs(text)
        for title, text, source in design["strands"]:
            if title:
                w.heading(title, 3)
            if text:
                w.paragraphs(text)
            if source:
                p = _para(w.doc)
                _run(p, "Source: ", italic=True)
                _run(p, source, italic=True)
    groups: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        groups.setdefault(sources.row_group(r), []).append(r)

    def when(r: dict[str, str]) -> list[Any] | str:
        out: list[Any] = []
        if r["baseline"]:
            out.append(("Baseline:", r["baseline"]))
        if r["follow_up"]:
            out.append(("Follow-up:", r["follow_up"]))
        return out or ""

    def what(r: dict[str, str]) -> list[Any]:
        first: Any = (r["outcome_id"], r["outcome"]) if r["outcome_id"] else r["outcome"]
        out = [first]
        if r["about"]:
            out.append(r["about"])
        return out

    def measure(r: dict[str, str]) -> list[Any]:
        out: list[Any] = [r["measure"] or "To be chosen"]
        if r["kind"]:
            out.append(("Kind:", r["kind"]))
        return out

    outcome_rows = groups.get("outcome", []) + groups.get("other", [])
    if outcome_rows:
        w.heading("Measures for each outcome", 2)
        _para(w.doc, "For each outcome, how we will know it changed: the measure, who provides "
                     "the information, and when it is collected.", keep=True)
        w.table(["Outcome", "Measure", "Completed by and data source", "When"],
                [[what(r), measure(r), "; ".join(x for x in (r["respondent"], r["source"]) if x),
                  when(r)] for r in outcome_rows],
                [4.4, 3.6, 3.2, 3.6], caption="Evaluation measures for each outcome")
        if any(r["licence"] for r in outcome_rows):
            _para(w.doc, "Licences and costs of the measures are in the appendix.")
    if groups.get("process"):
        w.heading("Process measures", 2)
        _para(w.doc, "How delivery and reach will be tracked, from the outputs.", keep=True)
        w.table(["Output", "Measure", "Data source", "When"],
                [[what(r), measure(r), r["source"] or r["respondent"], when(r)]
                 for r in groups["process"]],
                [5, 4, 3.5, 3.2], caption="Process measures")
    watch = groups.get("negative", []) + groups.get("assumption", [])
    if watch:
        w.heading("Monitoring risks and testing assumptions", 2)
        _para(w.doc, "How each potential negative consequence will be watched for, and how each "
                     "weak or untested assumption will be tested.", keep=True)
        w.table(["Negative consequence or assumption", "Measure", "Data source", "When"],
                [[what(r), measure(r), r["source"] or r["respondent"], when(r)] for r in watch],
                [5, 4, 3.5, 3.2], caption="Monitoring negative consequences and testing assumptions")
    return True


def _quality(w: Writer, findings: Any) -> bool:
    if findings is None:
        return False
    rows = sources.finding_rows(findings)
    counts = sources.finding_counts(findings)
    w.heading("Quality check", 1)
    total = sum(counts.values())
    if not total:
        _para(w.doc, "The automatic check of this logic model found no problems.")
        return True
    parts = [f"{n} {'error' if s == 'error' else s}{'' if n == 1 else 's'}"
             for s, n in counts.items() if n]
    _para(w.doc, f"The automatic check of this logic model found {', '.join(parts)}.")
    w.bullets([
        "Errors are problems to fix before the model is shared or used to plan an evaluation.",
        "Warnings are worth a look: they often point at wording that could be clearer.",
        "Information notes need no action.",
    ])
    _para(w.doc, "The findings, with where to look in the workbook:", keep=True)
    shown = rows[:MAX_FINDINGS]
    table_rows = [[r["severity"].capitalize(), r["where"] or r["element"],
                   r["message"], r["fix"]] for r in shown]
    w.table(["Severity", "Where", "What the check found", "How to fix it"], table_rows,
            [2.1, 2.8, 6, 5], caption="Findings of the quality check, errors first")
    if len(rows) > len(shown):
        _para(w.doc, f"{len(rows) - len(shown)} more findings are not listed here; run "
                     "'lm-excel check' on the workbook to see them all.")
    return True


def _appendix(w: Writer, plan: Any) -> bool:
    measures = sources.plan_measures(plan)
    if not measures:
        return False
    w.heading("Appendix: the measures used", 1)
    _para(w.doc, "Details of every measure in the evaluation plan.")
    labels = [("kind", "Kind"), ("measures", "What it measures"), ("respondent", "Respondent"),
              ("age_range", "Age range"), ("items", "Items or effort"),
              ("licence", "Licence and cost"), ("source", "Data source"),
              ("timepoints", "Typical timepoints"), ("link", "Source"), ("notes", "Notes")]
    for m in measures:
        w.heading(m["name"] or m["key"], 2)
        for key, label in labels:
            if m.get(key):
                text = m[key]
                _labelled(w.doc, label, text[:1].upper() + text[1:] if key != "link" else text)
    return True


# --- the document -----------------------------------------------------------------------------


def _planned_headings(model: LogicModel, findings: Any, plan: Any, graph: D.Graph) -> list[tuple[int, str]]:
    """The level-1 headings, in order, for the cached contents (must match what is written)."""
    iv = model.intervention
    out = []
    if any(iv.text(k).strip() for k in ("summary", "target_population", "rationale", "evidence_base")):
        out.append((1, "Summary"))
    if iv.text("local_context").strip() or model.context:
        out.append((1, "Context"))
    if len(graph):
        out.append((1, "The logic model at a glance"))
    if model.mechanisms:
        out.append((1, "How it works"))
    if model.assumptions:
        out.append((1, "Assumptions"))
    if model.negatives:
        out.append((1, "Potential negative consequences"))
    if sources.plan_rows(plan) or sources.plan_design(plan):
        out.append((1, "Evaluation plan"))
    if findings is not None:
        out.append((1, "Quality check"))
    if sources.plan_measures(plan):
        out.append((1, "Appendix: the measures used"))
    return out


def _settings(doc: Any) -> None:
    """Word updates fields (contents, page numbers) when it opens the file; British English."""
    settings = doc.settings.element
    for tag in ("w:updateFields", "w:themeFontLang"):
        for old in settings.findall(_qn(tag)):
            settings.remove(old)
    update = _el("w:updateFields", val="true")
    # Schema order: updateFields comes early; put it before the first of the later elements.
    later = {_qn(t) for t in ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat",
                              "w:docVars", "w:rsids", "w:themeFontLang", "w:clrSchemeMapping",
                              "w:shapeDefaults", "w:decimalSymbol", "w:listSeparator")}
    anchor = next((c for c in settings if c.tag in later), None)
    if anchor is not None:
        anchor.addprevious(update)
    else:
        settings.append(update)
    lang = _el("w:themeFontLang", val=LANGUAGE)
    after = {_qn(t) for t in ("w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                              "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
                              "w:readModeInkLockDown", "w:smartTagType", "w:shapeDefaults",
                              "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")}
    anchor = next((c for c in settings if c.tag in after), None)
    if anchor is not None:
        anchor.addprevious(lang)
    else:
        settings.append(lang)


def _language(doc: Any) -> None:
    styles = doc.styles.element
    defaults = styles.find(_qn("w:docDefaults"))
    rpr = defaults.find(f"{_qn('w:rPrDefault')}/{_qn('w:rPr')}") if defaults is not None else None
    if rpr is not None:
        for old in rpr.findall(_qn("w:lang")):
            rpr.remove(old)
        rpr.append(_el("w:lang", val=LANGUAGE, eastAsia=LANGUAGE, bidi="ar-SA"))


def new_document(values: dict[str, str]) -> Any:
    """An empty document in the house style: the reference document's styles, page set-up,
    header and footer (placeholders ``{intervention}``, ``{version}``, ``{organisation}``,
    ``{date}`` filled from ``values``), British English, fields updated when Word opens it."""
    doc = _reference_document()
    _clear_body(doc)
    _fill_placeholders(doc, {k: one_line(v) for k, v in values.items()})
    _settings(doc)
    _language(doc)
    return doc


def build_report(model: LogicModel, findings: Any = None, plan: Any = None, *,
                 diagram_png: bytes | None = None, include_diagram: bool = True) -> Any:
    """A python-docx ``Document`` reporting on ``model``.

    ``findings`` is the quality check's report (anything with ``.findings``, or a list of
    findings); ``plan`` is the evaluation-measures plan. Their sections appear only when given.
    ``diagram_png`` reuses an already-rendered diagram.
    """
    values = _intervention_values(model)
    doc = new_document(values)

    graph = D.build_graph(model)
    D.order_columns(graph)  # the column table lists elements in the diagram's order
    png = None
    alt = ""
    if len(graph) and include_diagram:
        png = diagram_png if diagram_png is not None else D.render(model, "png")
        alt = D.alt_text(model, graph)
    w = Writer(doc, model)
    _title_page(w, values)
    page_break(doc)
    _contents(w, _planned_headings(model, findings, plan, graph))
    page_break(doc)
    _summary(w)
    _context(w)
    _at_a_glance(w, graph, png, alt)
    _how_it_works(w)
    _assumptions(w)
    _negatives(w)
    _evaluation(w, plan)
    _quality(w, findings)
    _appendix(w, plan)
    _drop_trailing_empty_section(doc)

    props = doc.core_properties
    props.title = f"{values['intervention']}: logic model report"
    props.subject = "Logic model report"
    props.author = values["organisation"] or "lm-excel"
    props.language = LANGUAGE
    props.keywords = "logic model; evaluation; children's services"
    props.comments = f"Made with lm-excel {__version__} from {one_line(model.source)}"
    props.version = values["version"]
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
    props.last_modified_by = "lm-excel"
    props.revision = 1
    return doc


def _drop_trailing_empty_section(doc: Any) -> None:
    """Remove a final section break followed by nothing (e.g. when no section follows 'at a glance')."""
    body = doc.element.body
    children = [c for c in body if c.tag != _qn("w:sectPr")]
    if not children:
        return
    last = children[-1]
    ppr = last.find(_qn("w:pPr"))
    if last.tag == _qn("w:p") and ppr is not None and ppr.find(_qn("w:sectPr")) is not None \
            and not "".join(t.text or "" for t in last.iter(_qn("w:t"))).strip():
        inner = ppr.find(_qn("w:sectPr"))
        final = body.find(_qn("w:sectPr"))
        # The last section (landscape) becomes the document's final section.
        final.getparent().replace(final, inner)
        body.remove(last)


# --- writing ----------------------------------------------------------------------------------


def default_report_path(model: LogicModel, folder: Path, stem: str | None = None) -> Path:
    """'<workbook name> report v<version> <yyyy-mm-dd>.docx' in ``folder``."""
    base = stem or Path(model.source).stem or "logic-model"
    version = re.sub(r"[^\w.\-]+", "-", one_line(model.intervention.version)).strip("-")
    parts = [base, "report"]
    if version:
        parts.append(f"v{version}")
    parts.append(_dt.date.today().isoformat())
    name = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', "-", " ".join(parts))
    return folder / f"{name}.docx"


def _verify(path: Path, expected_title: str) -> None:
    import docx

    try:
        doc = docx.Document(os.fspath(path))
    except Exception as exc:  # noqa: BLE001 - any failure to re-read means a bad file
        raise OutputError(f"the report was not written correctly ({exc})", path) from None
    if doc.core_properties.title != expected_title or not doc.paragraphs:
        raise OutputError("the report was not written correctly (it reads back different)", path)


def write_report(path: str | os.PathLike[str], model: LogicModel, findings: Any = None,
                 plan: Any = None, diagram_out: str | os.PathLike[str] | None = None,
                 *, protect: Sequence[str | os.PathLike[str]] = ()) -> ReportResult:
    """Write the report to ``path`` (.docx) atomically and verify it by reading it back.

    Whether ``path`` may be written is the caller's decision (``fileio.claim_output``; the Excel
    button picks a free name with ``fileio.free_path``); a file open in Word is never replaced.
    ``protect`` lists files that must never be overwritten (the input workbook).
    ``diagram_out`` also saves the diagram (.png or .svg).
    """
    from ..fileio import write_verified

    requested = Path(path)
    if requested.suffix.lower() != ".docx":
        raise UsageError(f"'{requested.name}': the report file name must end in .docx")
    for other in protect:
        if Path(other).exists() and requested.exists() and requested.resolve() == Path(other).resolve():
            raise UsageError(f"'{requested.name}' is the input workbook; choose another name for the report")
    target = requested
    diagram_path = None
    png = None
    if diagram_out is not None:
        dpath = Path(diagram_out)
        for other in (*protect, target):
            if dpath.exists() and Path(other).exists() and dpath.resolve() == Path(other).resolve():
                raise UsageError(f"'{dpath.name}' is the input or the report; choose another name for the diagram")
        diagram_path = D.save_diagram(model, dpath)
        if dpath.suffix.lower() == ".png":
            png = dpath.read_bytes()
    doc = build_report(model, findings, plan, diagram_png=png)
    title = doc.core_properties.title
    write_verified(target, lambda tmp: doc.save(os.fspath(tmp)), lambda tmp: _verify(tmp, title))
    return ReportResult(target, requested, diagram_path)
