"""The house style's document-writing layer: a new document from the reference, and a writer.

Everything here knows Word and python-docx and nothing about logic models: the single-model
report (:mod:`lm_excel.report.sections`) and the portfolio synthesis report both write through
:class:`DocWriter`, so they share one look. It covers the reference document (styles, page
set-up, header and footer placeholders), British English and field updating, headings and
text, captions with SEQ fields, tables built as raw XML rows (fast, with repeating header rows,
rows kept together and empty columns dropped), pictures with alt text, landscape and portrait
sections, and the contents field (with page numbers when they are known).
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Sequence
from typing import Any

from ..errors import OutputError
from .reference import find_reference, make_reference
from .text import clean, one_line

LANGUAGE = "en-GB"
#: A table whose cells hold fewer characters than this is kept on one page when it can be.
KEEP_TOGETHER_CHARS = 1800
#: A row holding fewer characters than this is never split across pages.
CANT_SPLIT_CHARS = 700

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_PLACEHOLDER = re.compile(r"\{(intervention|version|organisation|date)\}")


def qn(tag: str) -> str:
    """python-docx's Clark-notation name for a prefixed tag ('w:p' -> '{...}p')."""
    from docx.oxml.ns import qn as _qn

    return _qn(tag)


def el(tag: str, **attrs: str) -> Any:
    """A new WordprocessingML element with ``w:`` attributes."""
    from docx.oxml import OxmlElement

    out = OxmlElement(tag)
    for key, value in attrs.items():
        out.set(qn(f"w:{key}"), value)
    return out


# --- the document -----------------------------------------------------------------------------


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
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _header_footer_parts(doc: Any) -> list[Any]:
    parts, seen = [], set()
    for section in doc.sections:
        for hf in (section.header, section.footer, section.first_page_header,
                   section.first_page_footer, section.even_page_header, section.even_page_footer):
            if not hf.is_linked_to_previous and id(hf._element) not in seen:
                seen.add(id(hf._element))
                parts.append(hf._element)
    return parts


def _fill_placeholders(doc: Any, values: dict[str, str]) -> None:
    """Put the intervention's name, version, ... into the header and footer placeholders."""
    for part in _header_footer_parts(doc):
        for p in part.iter(qn("w:p")):
            texts = list(p.iter(qn("w:t")))
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


def _insert_before_any(parent: Any, new: Any, later_tags: Sequence[str]) -> None:
    later = {qn(t) for t in later_tags}
    anchor = next((c for c in parent if c.tag in later), None)
    if anchor is not None:
        anchor.addprevious(new)
    else:
        parent.append(new)


def _settings(doc: Any) -> None:
    """Word updates fields (contents, page numbers) when it opens the file; British English."""
    settings = doc.settings.element
    for tag in ("w:updateFields", "w:themeFontLang"):
        for old in settings.findall(qn(tag)):
            settings.remove(old)
    # Schema order: updateFields comes early, themeFontLang later.
    _insert_before_any(settings, el("w:updateFields", val="true"),
                       ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat",
                        "w:docVars", "w:rsids", "w:themeFontLang", "w:clrSchemeMapping",
                        "w:shapeDefaults", "w:decimalSymbol", "w:listSeparator"))
    _insert_before_any(settings, el("w:themeFontLang", val=LANGUAGE),
                       ("w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                        "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
                        "w:readModeInkLockDown", "w:smartTagType", "w:shapeDefaults",
                        "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator"))


def _language(doc: Any) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None else None
    if rpr is not None:
        for old in rpr.findall(qn("w:lang")):
            rpr.remove(old)
        rpr.append(el("w:lang", val=LANGUAGE, eastAsia=LANGUAGE, bidi="ar-SA"))


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


def finish(doc: Any) -> None:
    """Remove a final section break followed by nothing (the last section becomes the final one)."""
    body = doc.element.body
    children = [c for c in body if c.tag != qn("w:sectPr")]
    if not children:
        return
    last = children[-1]
    ppr = last.find(qn("w:pPr"))
    if last.tag == qn("w:p") and ppr is not None and ppr.find(qn("w:sectPr")) is not None \
            and not "".join(t.text or "" for t in last.iter(qn("w:t"))).strip():
        inner = ppr.find(qn("w:sectPr"))
        final = body.find(qn("w:sectPr"))
        final.getparent().replace(final, inner)
        body.remove(last)


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
    for pr in style.findall(qn("w:tblStylePr")):
        if pr.get(qn("w:type")) == "firstRow":
            shd = pr.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
            if shd is not None and shd.get(qn("w:fill")) not in (None, "auto"):
                fill = shd.get(qn("w:fill"))
            col = pr.find(f"{qn('w:rPr')}/{qn('w:color')}")
            if col is not None and col.get(qn("w:val")) not in (None, "auto"):
                colour = col.get(qn("w:val"))
    return fill, colour


def add_field(paragraph: Any, instruction: str, cached: str, dirty: bool = True) -> None:
    """A Word field (SEQ, PAGE, ...) showing ``cached`` until Word updates it."""
    def run_with(child: Any) -> None:
        paragraph.add_run()._r.append(child)

    begin = el("w:fldChar", fldCharType="begin", dirty="true") if dirty else \
        el("w:fldChar", fldCharType="begin")
    run_with(begin)
    instr = el("w:instrText")
    instr.set(_XML_SPACE, "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    run_with(el("w:fldChar", fldCharType="separate"))
    paragraph.add_run(cached)
    run_with(el("w:fldChar", fldCharType="end"))


def fill_contents(doc: Any, pages: dict[str, Any]) -> int:
    """Set each contents entry's page number (``pages``: heading -> page) after its tab leader.

    An entry's previous number is replaced; an entry missing from ``pages`` gets none. Returns
    how many entries have a number.
    """
    filled = 0
    entry_styles = {s.style_id for s in doc.styles
                    if s.name.startswith("TOC ") and s.name != "TOC Heading"}
    for p in doc.paragraphs:
        if p._p.style not in entry_styles:  # the style's id, read from the paragraph itself
            continue
        for run in p.runs:
            if run.text.startswith("\t"):
                run._r.getparent().remove(run._r)
        text = p.text
        if text in pages:
            p.add_run(f"\t{pages[text]}")
            filled += 1
    return filled


def drop_empty_columns(headers: Sequence[str], rows: Sequence[Sequence[Any]],
                       widths: Sequence[float], keep: int = 1) -> tuple[list[str], list[list[Any]], list[float]]:
    """Leave out columns (after the first ``keep``) that are empty in every row."""
    def empty(v: Any) -> bool:
        if isinstance(v, list):
            return all(empty(x) for x in v)
        if isinstance(v, tuple):
            return not clean(v[1])
        return not clean(v)

    cols = [i for i in range(len(headers))
            if i < keep or any(not empty(r[i]) for r in rows)]
    return ([headers[i] for i in cols], [[r[i] for i in cols] for r in rows],
            [widths[i] for i in cols])


class DocWriter:
    """Writes the house style's parts into a document: headings, text, captions, tables, pictures.

    Knows nothing about a logic model, so other documents (the portfolio synthesis report)
    share the single-model report's look through it; start them with :func:`new_document`.
    """

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.figures = 0
        self.tables = 0
        self.header_fill, self.header_colour = _header_style(doc)
        self.text_width = self._width(doc.sections[0])

    @staticmethod
    def _width(sec: Any) -> Any:
        from docx.shared import Emu

        return Emu(sec.page_width - sec.left_margin - sec.right_margin)

    # headings and text

    def heading(self, text: str, level: int, new_page: bool = False) -> Any:
        p = self.doc.add_heading(one_line(text), level=level)
        if new_page:
            # A property of the heading, not a break paragraph: never leaves an empty page.
            p.paragraph_format.page_break_before = True
        return p

    def run(self, paragraph: Any, text: str, bold: bool = False, italic: bool = False) -> Any:
        run = paragraph.add_run(clean(text, strip=False))
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        return run

    def para(self, text: str = "", style: str | None = None, keep: bool = False,
             container: Any = None) -> Any:
        """A paragraph of cleaned text (cells may hold characters Word's XML rejects)."""
        p = (container or self.doc).add_paragraph(style=style)
        if text:
            self.run(p, text)
        if keep:
            p.paragraph_format.keep_with_next = True
        return p

    def paragraphs(self, text: str, container: Any = None) -> None:
        """One paragraph per line of ``text``."""
        for block in re.split(r"\n\s*\n|\n", clean(text)):
            if block.strip():
                self.para(block.strip(), container=container)

    def labelled(self, label: str, text: str, keep: bool = False) -> Any:
        """'Label: text' with the label in bold."""
        p = self.doc.add_paragraph()
        self.run(p, f"{label}: ", bold=True)
        self.run(p, text)
        if keep:
            p.paragraph_format.keep_with_next = True
        return p

    def bullets(self, items: Sequence[str], keep: bool = False) -> None:
        """A bulleted list, held together on one page (and with what follows when ``keep``)."""
        for i, item in enumerate(items):
            self.para(one_line(item), "List Bullet", keep=keep or i < len(items) - 1)

    def caption(self, kind: str, text: str) -> Any:
        p = self.doc.add_paragraph(style="Caption")
        if kind == "Figure":
            self.figures += 1
            n = self.figures
        else:
            self.tables += 1
            n = self.tables
        self.run(p, f"{kind} ")
        add_field(p, f"SEQ {kind} \\* ARABIC", str(n))
        self.run(p, f": {one_line(text)}")
        return p

    # sections (page orientation)

    def landscape(self) -> Any:
        """Start a new section on a landscape page; returns its text width."""
        return self._section(landscape=True)

    def portrait(self) -> Any:
        return self._section(landscape=False)

    def _section(self, landscape: bool) -> Any:
        from docx.enum.section import WD_ORIENT, WD_SECTION

        sec = self.doc.add_section(WD_SECTION.NEW_PAGE)
        sec.different_first_page_header_footer = False
        want = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        if sec.orientation != want:
            sec.orientation = want
            sec.page_width, sec.page_height = sec.page_height, sec.page_width
        return sec

    # contents

    def contents(self, entries: Sequence[tuple[int, str, int | None]], title: str = "Contents") -> None:
        """A table-of-contents field whose cached result lists ``entries`` (level, text, page).

        Word rebuilds the field when it opens the file; other readers (LibreOffice, a PDF made
        from it) show the cached entries, with their page numbers when known.
        """
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER

        self.doc.add_paragraph(title, style="TOC Heading")
        styles = {s.name for s in self.doc.styles}
        right = self.text_width
        first = None
        for i, (level, text, page) in enumerate(entries or [(1, "", None)]):
            style = f"TOC {level}" if f"TOC {level}" in styles else None
            p = self.doc.add_paragraph(style=style)
            p.paragraph_format.tab_stops.add_tab_stop(right, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            if i == 0:
                first = p
                p.add_run()._r.append(el("w:fldChar", fldCharType="begin", dirty="true"))
                instr = el("w:instrText")
                instr.set(_XML_SPACE, "preserve")
                instr.text = ' TOC \\o "1-1" \\h \\z \\u '
                p.add_run()._r.append(instr)
                p.add_run()._r.append(el("w:fldChar", fldCharType="separate"))
            self.run(p, one_line(text))
            if page is not None:
                self.run(p, f"\t{page}")
        end = self.doc.add_paragraph()
        end.add_run()._r.append(el("w:fldChar", fldCharType="end"))
        del first

    def fill_contents(self, pages: dict[str, int]) -> int:
        """Write page numbers into the contents' cached entries; returns how many were filled."""
        return fill_contents(self.doc, pages)

    # tables

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float],
              caption: str | None = None, width: Any = None, font_size: float | None = None,
              drop_empty: bool = True, keep_together: bool = True) -> Any:
        """A table in the report's table style with a repeating, marked header row.

        ``widths`` are relative column widths; cells may be text or (bold prefix, text) pairs or
        lists of such pairs (one paragraph each). Columns empty in every row are left out
        (``drop_empty``). A short table is kept on one page (unless ``keep_together`` is false:
        a table that opens a page under its section's heading should start there, not leave the
        heading alone on a page of its own); a long one keeps its first and last two rows
        together, so no row is stranded alone on a page.
        """
        from docx.shared import Emu

        if drop_empty and rows:
            headers, rows, widths = drop_empty_columns(headers, rows, widths)
        if caption:
            cap = self.caption("Table", caption)
            cap.paragraph_format.keep_with_next = True
        total = int(width or self.text_width)
        scale = total / sum(widths)
        col_w = [Emu(int(w * scale)) for w in widths]
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = self.doc.styles["Table Grid"]
        table.autofit = False
        _table_properties(table, total, col_w, caption)
        # Rows are built as XML text and parsed once each: python-docx's cell-by-cell API is
        # slow for reports with many tables.
        tbl = table._tbl
        tbl.remove(tbl.tr_lst[0])
        twips = [int(w / 635) for w in col_w]
        size = f'<w:sz w:val="{round(font_size * 2)}"/><w:szCs w:val="{round(font_size * 2)}"/>' \
            if font_size else ""
        cells = [[self._cell_runs(v) for v in values] for values in rows]
        lengths = [sum(len(t) for c in row for p in c for t, _ in p) for row in cells]
        together = keep_together and sum(lengths) < KEEP_TOGETHER_CHARS
        n = len(cells)
        tbl.append(self._row_xml([self._cell_runs(h) for h in headers], twips, size, header=True,
                                 keep=True))
        for i, (row, length) in enumerate(zip(cells, lengths)):
            # Keep-with-next on a row's paragraphs holds it on the page of the next row.
            keep = i < n - 1 and (together or i == 0 or i == n - 2)
            tbl.append(self._row_xml(row, twips, size, keep=keep,
                                     cant_split=length < CANT_SPLIT_CHARS))
        return table

    def _row_xml(self, cells: Sequence[list[list[tuple[str, bool]]]], twips: Sequence[int], size: str,
                 header: bool = False, keep: bool = False, cant_split: bool = True) -> Any:
        from xml.sax.saxutils import escape

        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        if header:
            tr_pr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        elif cant_split:
            tr_pr = "<w:trPr><w:cantSplit/></w:trPr>"
        else:
            tr_pr = ""  # a very long row may break (Word must split it anyway)
        shd = (f'<w:shd w:val="clear" w:color="auto" w:fill="{self.header_fill}"/>'
               if header else "")
        colour = f'<w:color w:val="{self.header_colour}"/>' if header else ""
        # Tight spacing in cells (the Normal style's spacing is for body text).
        p_pr = ("<w:pPr>" + ("<w:keepNext/>" if keep else "")
                + '<w:spacing w:before="0" w:after="60" w:line="240" w:lineRule="auto"/></w:pPr>')
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
                runs = [(clean(f"{prefix} ", strip=False), True)] if clean(prefix) else []
                paragraphs.append(runs + [(clean(text, strip=False), False)])
            else:
                for line in clean(item).split("\n"):
                    paragraphs.append([(line, False)] if line else [])
        return paragraphs

    # pictures

    def picture(self, png: bytes, width: Any, alt: str, title: str, height_limit: Any = None) -> Any:
        """A centred picture ``width`` wide (narrower if it would exceed ``height_limit``)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Emu
        from PIL import Image

        with Image.open(io.BytesIO(png)) as im:
            w_px, h_px = im.size
        shape_w, shape_h = width, int(width * h_px / w_px)
        if height_limit is not None and shape_h > height_limit:
            shape_w, shape_h = int(height_limit * w_px / h_px), int(height_limit)
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        shape = p.add_run().add_picture(io.BytesIO(png), width=Emu(int(shape_w)),
                                        height=Emu(int(shape_h)))
        docpr = shape._inline.docPr
        docpr.set("descr", clean(alt))
        docpr.set("title", clean(title))
        return shape


def _table_properties(table: Any, total: int, col_w: Sequence[Any], caption: str | None) -> None:
    """The table's look (header row marked, no banding), its fixed width and column widths in
    twips, and its title for screen readers (Word: Table Properties > Alt Text)."""
    tblpr = table._tbl.tblPr
    look = tblpr.find(qn("w:tblLook"))
    if look is None:
        look = el("w:tblLook")
        tblpr.append(look)
    for key, value in (("val", "04A0"), ("firstRow", "1"), ("lastRow", "0"),
                       ("firstColumn", "0"), ("lastColumn", "0"), ("noHBand", "1"),
                       ("noVBand", "1")):
        look.set(qn(f"w:{key}"), value)
    tblw = tblpr.find(qn("w:tblW"))
    if tblw is None:
        tblw = el("w:tblW")
        tblpr.append(tblw)
    tblw.set(qn("w:w"), str(int(total / 635)))
    tblw.set(qn("w:type"), "dxa")
    if caption:
        tblpr.append(el("w:tblCaption", val=one_line(caption)[:255]))
    for gc, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), col_w):
        gc.set(qn("w:w"), str(int(w / 635)))
