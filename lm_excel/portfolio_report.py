"""The Word synthesis report of a portfolio: the summary's content, with bar charts.

python-docx and matplotlib are imported inside the functions (``import lm_excel`` stays fast).
Accessibility as in the single-model report: real heading styles in order, alt text on every
chart (with the numbers it shows), table header rows marked to repeat, title and language set in
the document properties, nothing conveyed by colour alone.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import LmExcelError, UsageError
from .portfolio import TABLES, Portfolio, key_figures

#: Most rows shown in a report table; the summary workbook has them all.
MAX_ROWS = 60
#: Examples quoted per theme.
EXAMPLES_PER_THEME = 4
#: Bars in a chart.
MAX_BARS = 15

_BAR_COLOUR = "#1F4E79"


def _clean(text: object) -> str:
    """Text safe for Word's XML (control characters that lxml rejects are dropped)."""
    s = "" if text is None else str(text)
    return "".join(ch for ch in s if ch in "\t\n" or ord(ch) >= 32)


def _para(doc: Any, text: object, style: str | None = None) -> Any:
    """A paragraph of cleaned text (workbook text may hold characters Word's XML rejects)."""
    return doc.add_paragraph(_clean(text), style=style)


def bar_chart(labels: Sequence[str], values: Sequence[float], xlabel: str) -> bytes:
    """A horizontal bar chart as PNG bytes (value written at the end of each bar)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    labels = [(lab if len(lab) <= 40 else lab[:38] + "...") for lab in labels][:MAX_BARS]
    values = list(values)[:MAX_BARS]
    height = 0.9 + 0.36 * max(len(labels), 1)
    fig = Figure(figsize=(6.3, height), dpi=200)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(111)
    y = list(range(len(labels)))[::-1]
    ax.barh(y, values, color=_BAR_COLOUR, height=0.6)
    ax.set_yticks(y)
    ax.set_yticklabels(labels, fontsize=8)
    ax.set_xlabel(xlabel, fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    top = max(values) if values else 1
    ax.set_xlim(0, top * 1.15 if top else 1)
    for yy, v in zip(y, values):
        ax.text(v + top * 0.01, yy, f"{v:g}", va="center", fontsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def _alt_text(picture_run_inline: Any, title: str, descr: str) -> None:
    doc_pr = picture_run_inline.docPr
    doc_pr.set("title", _clean(title)[:250])
    doc_pr.set("descr", _clean(descr)[:4000])


def _add_chart(doc: Any, png: bytes, title: str, descr: str) -> None:
    from docx.shared import Cm

    caption = _para(doc, title, style="Caption")
    caption.paragraph_format.keep_with_next = True
    run = doc.add_paragraph().add_run()
    shape = run.add_picture(io.BytesIO(png), width=Cm(16))
    _alt_text(shape._inline, title, descr)


def _mark_header_row(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _add_table(doc: Any, headers: Sequence[str], rows: Sequence[Sequence[object]],
               widths_cm: Sequence[float] | None = None, font_pt: float = 8.5) -> Any:
    from docx.shared import Cm, Pt

    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for i, h in enumerate(headers):
        cell = table.rows[0].cells[i]
        cell.text = ""
        run = cell.paragraphs[0].add_run(_clean(h))
        run.bold = True
        run.font.size = Pt(font_pt)
    _mark_header_row(table.rows[0])
    for values in rows:
        cells = table.add_row().cells
        for i, v in enumerate(values):
            if isinstance(v, float) and math.isnan(v):
                v = ""
            text = f"{v:.0%}" if isinstance(v, float) and headers[i].startswith("Share") else _clean(v)
            run = cells[i].paragraphs[0].add_run(text)
            run.font.size = Pt(font_pt)
    if widths_cm:
        table.autofit = False
        for i, w in enumerate(widths_cm):
            table.columns[i].width = Cm(w)
        for row in table.rows:
            for i, w in enumerate(widths_cm):
                row.cells[i].width = Cm(w)
    doc.add_paragraph()
    return table


def _page_number_footer(doc: Any, text: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    footer = doc.sections[0].footer
    para = footer.paragraphs[0]
    para.text = _clean(text) + " - page "
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    para._p.append(fld)


def _more_note(doc: Any, shown: int, total: int, sheet_key: str) -> None:
    if total > shown:
        _para(
            doc,
            f"The first {shown} of {total} rows are shown; the summary workbook's "
            f"'{TABLES[sheet_key][0]}' sheet has them all."
        )


def build_report(p: Portfolio) -> Any:
    """The synthesis report as a python-docx Document (not yet saved)."""
    import docx
    from docx.shared import Cm

    t = p.tables()
    n = len(p.summaries)
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    props = doc.core_properties
    props.title = f"Portfolio synthesis: {p.folder}"
    props.subject = "Logic models across sites"
    props.language = "en-GB"
    props.author = "lm-excel"
    _page_number_footer(doc, f"Portfolio synthesis: {p.folder}")

    _para(doc, "Portfolio synthesis: logic models across sites", style="Title")
    _para(
        doc,
        f"{n} logic model{'s' if n != 1 else ''} from the folder '{p.folder}', "
        f"read on {p.created:%d %B %Y}."
    )

    # Summary.
    doc.add_heading("Summary", level=1)
    for label, value in key_figures(p):
        _para(doc, f"{label}: {value}", style="List Bullet")
    themes = t["themes"]
    common = themes[themes["Workbooks"] > 0].head(3)
    if len(common):
        listed = "; ".join(
            f"{r.Theme} ({r.Workbooks} of {n})" for r in common.itertuples(index=False)
        )
        _para(doc, f"The themes found in most workbooks: {listed}.")

    # Themes.
    doc.add_heading("Themes across sites", level=1)
    _para(
        doc,
        f"Each theme is a list of words and phrases ({p.themes_source}). A workbook counts under "
        "a theme when any of its cells uses one of them; the examples quote the text that matched "
        "and give the cell it came from."
    )
    if n:
        _add_chart(
            doc,
            bar_chart(list(themes["Theme"]), list(themes["Workbooks"]), "Workbooks mentioning the theme"),
            "Figure 1. Workbooks mentioning each theme",
            "Bar chart of the number of workbooks mentioning each theme: "
            + "; ".join(f"{r.Theme} {r.Workbooks}" for r in themes.itertuples(index=False)) + ".",
        )
    _add_table(
        doc, ["Theme", "Workbooks", "Share of workbooks", "Words most often matched"],
        [(r.Theme, r.Workbooks, r[3], r[5]) for r in themes.itertuples(index=False)],
        widths_cm=[4.0, 2.4, 2.4, 8.2],
    )
    hits = t["theme_hits"]
    for r in themes.itertuples(index=False):
        if not r.Workbooks:
            continue
        doc.add_heading(_clean(r.Theme), level=2)
        if r.Description:
            _para(doc, r.Description)
        if str(r.Sites).startswith("all "):
            _para(doc, f"Found in all {n} workbooks.")
        else:
            _para(doc, f"Found in {r.Workbooks} of {n} workbooks: {r.Sites}.")
        sub = hits[hits["Theme"] == r.Theme].drop_duplicates("Text").drop_duplicates("File")
        sub = sub.head(EXAMPLES_PER_THEME)
        for h in sub.itertuples(index=False):
            _para(
                doc,
                f"\u201c{h.Text}\u201d ({h.Organisation or h.File}, {h.File}, {h.Cell})",
                style="List Bullet",
            )

    # Outcomes.
    doc.add_heading("Outcomes", level=1)
    domains = t["domains"]
    outcomes = t["outcomes"]
    _para(
        doc,
        f"{len(outcomes)} outcomes in all. Each is placed in the outcome domains whose words it "
        "uses (an outcome can count in more than one domain)."
    )
    if len(outcomes):
        shown = domains[domains["Outcomes"] > 0]
        _add_chart(
            doc,
            bar_chart(list(shown["Outcome domain"]), list(shown["Outcomes"]), "Outcomes"),
            "Figure 2. Outcomes by domain",
            "Bar chart of the number of outcomes in each domain: "
            + "; ".join(f"{r[0]} {r[1]}" for r in shown.itertuples(index=False)) + ".",
        )
    _add_table(
        doc, ["Outcome domain", "Outcomes", "Short term", "Medium term", "Long term", "Workbooks"],
        [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in domains.itertuples(index=False)],
        widths_cm=[5.5, 2.2, 2.2, 2.2, 2.2, 2.7],
    )

    # Measures.
    doc.add_heading("Measures planned", level=1)
    measures = t["measures"]
    if measures.empty:
        _para(
            doc,
            "None of the workbooks has a measures plan yet. Build one in each workbook "
            "(Build measures plan, or lm-excel plan) and run the portfolio again."
        )
    else:
        with_plan = sum(1 for s in p.summaries if s.measures)
        _para(doc, f"{with_plan} of {n} workbooks have a measures plan.")
        _add_chart(
            doc,
            bar_chart(list(measures["Measure"]), list(measures["Workbooks"]), "Workbooks choosing the measure"),
            "Figure 3. Measures chosen most often",
            "Bar chart of the number of workbooks choosing each measure: "
            + "; ".join(f"{r.Measure} {r.Workbooks}" for r in measures.head(MAX_BARS).itertuples(index=False))
            + ".",
        )
        rows = [(r.Measure, r.Workbooks, r[2], r[3]) for r in measures.itertuples(index=False)]
        _add_table(doc, ["Measure", "Workbooks", "Share of workbooks", "Plan rows"], rows[:MAX_ROWS],
                   widths_cm=[9.0, 2.5, 2.8, 2.7])
        _more_note(doc, min(len(rows), MAX_ROWS), len(rows), "measures")

    # The workbooks.
    doc.add_heading("The workbooks", level=1)
    wb = t["workbooks"].sort_values(["Organisation", "Intervention"], key=lambda c: c.str.lower(), kind="stable")
    headers = ["Organisation", "Intervention", "Phase", "Components", "Outcomes", "Check status"]
    widths = [3.5, 3.6, 2.4, 2.6, 2.1, 2.8]
    rows = [tuple(r[h] for h in headers) for _, r in wb.iterrows()]
    _add_table(doc, headers, rows, widths_cm=widths, font_pt=8)

    # Negative consequences.
    doc.add_heading("Potential negative consequences", level=1)
    neg = t["negatives"]
    high = neg[neg["Impact"].str.lower() == "high"] if len(neg) else neg
    _para(
        doc,
        f"{len(neg)} potential negative consequences in all; {len(high)} are rated high impact "
        "and are listed here with their source."
    )
    if len(high):
        rows = [
            (r["Organisation"], r["ID"], r["Potential negative consequence"], r["Likelihood"], r["Mitigation"])
            for _, r in high.head(MAX_ROWS).iterrows()
        ]
        _add_table(doc, ["Organisation", "ID", "Potential negative consequence", "Likelihood", "Mitigation"],
                   rows, widths_cm=[3.2, 1.2, 5.8, 1.8, 5.0], font_pt=8)
        _more_note(doc, len(rows), len(high), "negatives")

    # Problems.
    if p.failed:
        doc.add_heading("Workbooks that could not be read", level=1)
        rows = [(f.path, f.error) for f in p.failed]
        _add_table(doc, ["File", "Problem"], rows[:MAX_ROWS], widths_cm=[5.0, 12.0])
        _more_note(doc, min(len(rows), MAX_ROWS), len(rows), "failed")
    if p.skipped:
        doc.add_heading("Files skipped", level=1)
        rows = [(s.path, s.reason) for s in p.skipped]
        _add_table(doc, ["File", "Reason"], rows[:MAX_ROWS], widths_cm=[6.0, 11.0])
        _more_note(doc, min(len(rows), MAX_ROWS), len(rows), "skipped")

    doc.add_heading("About this report", level=1)
    _para(
        doc,
        "Made by lm-excel portfolio from the logic-model workbooks in the folder. The summary "
        "workbook written with it holds every row behind these figures, with the file and cell "
        "each came from. Themes and outcome domains are found by words and phrases, so read the "
        "quoted examples before drawing conclusions; edit the theme dictionary to suit your "
        "programme (lm-excel portfolio --save-themes)."
    )
    return doc


def write_report(p: Portfolio, path: str | os.PathLike[str]) -> Path:
    """Write the synthesis report atomically, check it reopens, and return its path.

    When ``path`` is open in Word (a lock file beside it) a free name is chosen instead.
    """
    from .fileio import free_path, write_verified

    target = Path(path)
    if target.suffix.lower() != ".docx":
        raise UsageError(f"'{target.name}': give a report file name ending in .docx")
    target = free_path(target)
    doc = build_report(p)

    def verify(tmp: Path) -> None:
        import docx

        reopened = docx.Document(str(tmp))
        titles = [para.text for para in reopened.paragraphs if para.style.name == "Title"]
        if not titles:
            raise LmExcelError("the report did not read back as written; nothing was saved", target)

    return write_verified(target, lambda tmp: doc.save(str(tmp)), verify)
