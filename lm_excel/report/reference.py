"""The reference document the Word report starts from: styles, page set-up, header and footer.

The committed file ``templates/report-reference.docx`` is made by :func:`make_reference` (run
``python templates/make_reference_docx.py`` to regenerate it). A local authority rebrands its
reports by editing that file in Word: the styles (fonts, colours, spacing), the header and footer
(add a logo), the page margins. See ``docs/report.md``.

What the report needs from a reference document (all Word built-in style names):
Title, Subtitle, Heading 1-3, Normal, Caption, List Bullet, TOC Heading, Table Grid (the table
style: its header-row formatting comes from its "header row" conditional format), Header, Footer.
Placeholders in the header and footer are filled in: ``{intervention}``, ``{version}``,
``{organisation}``, ``{date}``. Page numbers are Word fields (PAGE, NUMPAGES).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

#: File name of the reference document in ``templates/``.
REFERENCE_NAME = "report-reference.docx"
#: Environment variable naming another reference document (an LA's own branding).
REFERENCE_ENV = "LM_EXCEL_REPORT_TEMPLATE"

FONT = "Arial"
BRAND = "1F4E79"  # headings and table header fill (white text on it: contrast 9.3:1)
DARK = "1A1A1A"
GREY = "404040"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def reference_candidates() -> list[Path]:
    """Where a reference document is looked for, in order."""
    out = []
    env = os.environ.get(REFERENCE_ENV)
    if env:
        out.append(Path(env))
    # A source checkout or an editable install: templates/ beside the package.
    out.append(Path(__file__).resolve().parents[2] / "templates" / REFERENCE_NAME)
    return out


def find_reference() -> Path | None:
    """The reference document to use, or None (then one is made in memory, identical in style)."""
    for path in reference_candidates():
        if path.is_file():
            return path
    return None


def _qn(tag: str) -> str:
    prefix, local = tag.split(":")
    assert prefix == "w"
    return f"{{{W_NS}}}{local}"


def _el(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement

    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(_qn(f"w:{key}"), value)
    return el


def _set_child(parent: Any, tag: str, **attrs: str) -> Any:
    """Replace ``parent``'s ``tag`` child with a new one carrying ``attrs``."""
    for old in parent.findall(_qn(tag)):
        parent.remove(old)
    el = _el(tag, **attrs)
    parent.append(el)
    return el


def _style_font(style: Any, size: float, bold: bool | None = None, colour: str = DARK,
                italic: bool | None = None) -> None:
    from docx.shared import Pt, RGBColor

    font = style.font
    font.name = FONT
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(_qn("w:rFonts"))
    if rfonts is not None:
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            rfonts.attrib.pop(_qn(f"w:{attr}"), None)
        rfonts.set(_qn("w:ascii"), FONT)
        rfonts.set(_qn("w:hAnsi"), FONT)
        rfonts.set(_qn("w:cs"), FONT)
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    font.color.rgb = RGBColor.from_string(colour)


def _spacing(style: Any, before: float, after: float, keep_next: bool = False,
             line: float | None = None) -> None:
    from docx.shared import Pt

    pf = style.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if line is not None:
        pf.line_spacing = line
    if keep_next:
        pf.keep_with_next = True


def _add_field(paragraph: Any, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES, ...) with a cached result shown before Word updates it."""
    run = paragraph.add_run()
    run._r.append(_el("w:fldChar", fldCharType="begin"))
    run = paragraph.add_run()
    instr = _el("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    run = paragraph.add_run()
    run._r.append(_el("w:fldChar", fldCharType="separate"))
    paragraph.add_run(placeholder)
    run = paragraph.add_run()
    run._r.append(_el("w:fldChar", fldCharType="end"))


def make_reference(path: str | os.PathLike[str] | None = None) -> Any:
    """Build the reference document; save it to ``path`` when given. Returns the Document."""
    import docx
    from docx.shared import Pt

    doc = docx.Document()
    _house_styles(doc.styles)
    _page_setup(doc)
    _sample_body(doc)
    props = doc.core_properties
    props.title = "lm-excel report reference document"
    props.language = "en-GB"
    props.author = "lm-excel"
    props.comments = "Styles for lm-excel Word reports; see docs/report.md"
    doc.styles["Normal"].font.size = Pt(11)
    _drop_extra_parts(doc)
    if path is not None:
        doc.save(os.fspath(path))
    return doc


def _house_styles(styles: Any) -> None:
    """The fonts, colours and spacing of every style the reports use."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm

    # Language and default font for the whole document (docDefaults).
    rpr_default = styles.element.find(_qn("w:docDefaults")).find(_qn("w:rPrDefault")).find(_qn("w:rPr"))
    _set_child(rpr_default, "w:lang", val="en-GB", eastAsia="en-GB", bidi="ar-SA")

    normal = styles["Normal"]
    _style_font(normal, 11)
    _spacing(normal, 0, 6, line=1.15)

    _style_font(styles["Title"], 28, True, BRAND)
    _spacing(styles["Title"], 0, 12)
    title_ppr = styles["Title"].element.get_or_add_pPr()
    for border in title_ppr.findall(_qn("w:pBdr")):
        title_ppr.remove(border)
    # A rule in the brand colour under the title (pBdr goes before spacing in pPr).
    rule = _el("w:pBdr")
    rule.append(_el("w:bottom", val="single", sz="18", space="6", color=BRAND))
    spacing = title_ppr.find(_qn("w:spacing"))
    if spacing is not None:
        spacing.addprevious(rule)
    else:
        title_ppr.append(rule)
    _style_font(styles["Subtitle"], 16, False, GREY, italic=False)
    _spacing(styles["Subtitle"], 0, 18)
    for level, (size, colour, before) in enumerate(
        ((18, BRAND, 18), (14, BRAND, 14), (12, GREY, 10)), start=1
    ):
        st = styles[f"Heading {level}"]
        _style_font(st, size, True, colour, italic=False)
        _spacing(st, before, 6, keep_next=True)
    _style_font(styles["Caption"], 9, False, GREY, italic=True)
    _spacing(styles["Caption"], 4, 12)
    _style_font(styles["List Bullet"], 11)
    _spacing(styles["List Bullet"], 0, 3, line=1.15)
    for name in ("Header", "Footer"):
        _style_font(styles[name], 9, False, GREY)

    if "TOC Heading" in [s.name for s in styles]:
        toc_heading = styles["TOC Heading"]
    else:
        toc_heading = styles.add_style("TOC Heading", WD_STYLE_TYPE.PARAGRAPH)
        toc_heading.base_style = styles["Heading 1"]
    _style_font(toc_heading, 18, True, BRAND)
    # Not an outline level: the Contents heading does not list itself in the contents.
    _set_child(toc_heading.element.get_or_add_pPr(), "w:outlineLvl", val="9")
    for level in (1, 2):
        name = f"TOC {level}" if f"TOC {level}" in [s.name for s in styles] else None
        st = styles[name] if name else styles.add_style(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = normal
        st.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        _spacing(st, 0, 3)

    _table_style(styles["Table Grid"])
    _drop_unused_styles(styles)


def _page_setup(doc: Any) -> None:
    """A4 portrait, 2 cm margins, a different first page (the title page), the header and the
    footer with its page numbers."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    section.different_first_page_header_footer = True

    header = section.header.paragraphs[0]
    header.text = "{intervention} \u00b7 version {version}"
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("{organisation} \u00b7 Page ")
    _add_field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _add_field(footer, "NUMPAGES", "1")
    first = section.first_page_header.paragraphs[0]
    first.text = "{organisation}"
    first.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _sample_body(doc: Any) -> None:
    """A page showing each style to whoever edits this file. The report builder removes it."""
    doc.add_paragraph("Report title (style: Title)", style="Title")
    doc.add_paragraph("Subtitle (style: Subtitle)", style="Subtitle")
    doc.add_paragraph(
        "This file holds the styles, page set-up, header and footer of lm-excel's Word reports. "
        "Edit the styles (Home > Styles > right-click > Modify), the header and footer (add your "
        "logo there) and the margins, then save. The text of this page is never used: the "
        "report replaces it. Keep the placeholders {intervention}, {version} and {organisation} "
        "in the header and footer where you want those values."
    )
    doc.add_paragraph("Heading 1", style="Heading 1")
    doc.add_paragraph("Body text in the Normal style.")
    doc.add_paragraph("Heading 2", style="Heading 2")
    doc.add_paragraph("A bulleted point (style: List Bullet)", style="List Bullet")
    doc.add_paragraph("Heading 3", style="Heading 3")
    table = doc.add_table(rows=2, cols=2)
    table.style = doc.styles["Table Grid"]
    table.cell(0, 0).text, table.cell(0, 1).text = "Header row", "(table style: Table Grid)"
    table.cell(1, 0).text, table.cell(1, 1).text = "Body", "Body"
    doc.add_paragraph("Figure 1: a caption (style: Caption)", style="Caption")


def _drop_extra_parts(doc: Any) -> None:
    """Leave out parts the report does not need (Word 2010 style effects, thumbnail, custom XML)."""
    unwanted = ("stylesWithEffects", "thumbnail", "customXml")
    for rels in (doc.part.rels, doc.part.package.rels):
        for r_id, rel in list(rels.items()):
            if any(u in rel.reltype for u in unwanted):
                del rels[r_id]


#: Styles the report uses (others are dropped from the reference to keep it small and clear).
USED_STYLES = (
    "Normal", "Default Paragraph Font", "Normal Table", "No List", "Title", "Subtitle",
    "Heading 1", "Heading 2", "Heading 3", "Caption", "List Bullet", "TOC Heading", "TOC 1",
    "TOC 2", "Header", "Footer", "Table Grid", "Hyperlink",
)


def _drop_unused_styles(styles: Any) -> None:
    """Remove styles the report never uses, keeping those the used ones are based on or linked to."""
    root = styles.element
    by_id = {el.get(_qn("w:styleId")): el for el in root.findall(_qn("w:style"))}
    wanted = {el.get(_qn("w:styleId")) for el in by_id.values()
              if el.find(_qn("w:name")) is not None
              and el.find(_qn("w:name")).get(_qn("w:val")) in {n.lower() for n in USED_STYLES} | set(USED_STYLES)}
    todo = list(wanted)
    while todo:
        el = by_id.get(todo.pop())
        if el is None:
            continue
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = el.find(_qn(tag))
            if ref is not None and ref.get(_qn("w:val")) not in wanted:
                wanted.add(ref.get(_qn("w:val")))
                todo.append(ref.get(_qn("w:val")))
    for style_id, el in by_id.items():
        if style_id not in wanted:
            root.remove(el)


def _table_style(style: Any) -> None:
    """Light grey grid, cell padding, and a header row in the brand colour with white bold text."""
    el = style.element
    for old in el.findall(_qn("w:tblStylePr")):
        el.remove(old)
    tblpr = el.find(_qn("w:tblPr"))
    if tblpr is None:
        tblpr = _el("w:tblPr")
        el.append(tblpr)
    borders = _set_child(tblpr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{side}", val="single", sz="4", space="0", color="A6A6A6"))
    margins = _set_child(tblpr, "w:tblCellMar")
    for side, width in (("top", "57"), ("left", "85"), ("bottom", "57"), ("right", "85")):
        margins.append(_el(f"w:{side}", w=width, type="dxa"))
    ppr = el.find(_qn("w:pPr"))
    if ppr is None:
        ppr = _el("w:pPr")
        el.insert(list(el).index(tblpr), ppr)
    _set_child(ppr, "w:spacing", before="0", after="0", line="240", lineRule="auto")
    rpr = el.find(_qn("w:rPr"))
    if rpr is None:
        rpr = _el("w:rPr")
        el.insert(list(el).index(tblpr), rpr)
    _set_child(rpr, "w:sz", val="19")
    _set_child(rpr, "w:szCs", val="19")

    first = _el("w:tblStylePr", type="firstRow")
    frpr = _el("w:rPr")
    frpr.append(_el("w:b"))
    frpr.append(_el("w:bCs"))
    frpr.append(_el("w:color", val="FFFFFF"))
    first.append(frpr)
    first.append(_el("w:tblPr"))
    trpr = _el("w:trPr")
    trpr.append(_el("w:tblHeader"))
    first.append(trpr)
    tcpr = _el("w:tcPr")
    tcpr.append(_el("w:shd", val="clear", color="auto", fill=BRAND))
    first.append(tcpr)
    el.append(first)
