"""The Word synthesis report of a portfolio: the summary's content, with bar charts.

It is written in the house style of the single-model report: it starts from the same reference
document (styles, page set-up, header and footer, see :mod:`lm_excel.report.reference`) and uses
:class:`lm_excel.report.docwriter.DocWriter` for headings, captions, tables and pictures.
python-docx and matplotlib are imported inside the functions (``import lm_excel`` stays fast).
Accessibility as in the single-model report: real heading styles in order, alt text on every
chart (with the numbers it shows), table header rows marked to repeat, title and language set in
the document properties, nothing conveyed by colour alone.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from lm_excel.errors import LmExcelError, UsageError
from lm_excel.portfolio.collect import Portfolio
from lm_excel.portfolio.tables import TABLES, is_blank, is_share, key_figures
from lm_excel.report.reference import BRAND
from lm_excel.report.text import one_line

#: Most rows shown in a report table; the summary workbook has them all.
MAX_ROWS = 60
#: Examples quoted per theme.
EXAMPLES_PER_THEME = 4
#: Bars in a chart.
MAX_BARS = 15

_FIGURE_WIDTH_CM = 16.0


def _cell(value: object, share: bool = False) -> object:
    """A table value as the report shows it: missing values as empty cells, shares as percentages."""
    if is_blank(value):
        return ""
    if share:
        return f"{value:.0%}" if isinstance(value, float) else ""
    return value if isinstance(value, (str, tuple, list)) else str(value)


def _rows(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> list[list[object]]:
    """Rows for :meth:`DocWriter.table`: shares as percentages, everything else as text."""
    return [[_cell(v, is_share(h)) for h, v in zip(headers, row)] for row in rows]


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
    ax.barh(y, values, color="#" + BRAND, height=0.6)
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


def _more_note(w: Any, shown: int, total: int, sheet_key: str) -> None:
    if total > shown:
        w.para(
            f"The first {shown} of {total} rows are shown; the summary workbook's "
            f"'{TABLES[sheet_key][0]}' sheet has them all."
        )


def _chart(w: Any, png: bytes, caption: str, alt: str) -> None:
    """A chart in the house style: the picture (with alt text giving its numbers), then its caption."""
    from docx.shared import Cm

    w.picture(png, Cm(_FIGURE_WIDTH_CM), alt, caption)
    w.caption("Figure", caption)


def _table(w: Any, headers: Sequence[str], rows: Iterable[Sequence[object]], widths: Sequence[float],
           caption: str, font_size: float = 8.5) -> None:
    w.table(headers, _rows(headers, rows), widths, caption=caption, font_size=font_size)
    w.para()


def _organisation(p: Portfolio) -> str:
    """The organisation for the header and footer: the one all the workbooks share, if they do."""
    names = {one_line(s.organisation) for s in p.summaries}
    return names.pop() if len(names) == 1 and "" not in names else "Logic models across sites"


def _title_page(w: Any, p: Portfolio, values: dict[str, str]) -> None:
    from docx.shared import Pt

    from lm_excel import __version__

    n = len(p.summaries)
    spacer = w.para()
    spacer.paragraph_format.space_before = Pt(120)
    w.para(values["organisation"], "Subtitle")
    w.para("Portfolio synthesis: logic models across sites", "Title")
    w.para("Portfolio synthesis report", "Subtitle")
    w.para(
        f"{n} logic model{'s' if n != 1 else ''} from the folder '{p.folder}', "
        f"read on {p.created:%d %B %Y}."
    )
    made = w.para()
    made.paragraph_format.space_before = Pt(36)
    made.add_run(f"Made with lm-excel {__version__} by 'lm-excel portfolio'.").italic = True


def build_report(p: Portfolio) -> Any:
    """The synthesis report as a python-docx Document (not yet saved).

    It starts from the single-model report's reference document (styles, page set-up, header
    and footer) and is written with the same helpers, so both reports share one house style.
    """
    from lm_excel.report.docwriter import DocWriter, new_document, page_break

    t = p.tables()
    values = {
        "intervention": f"Portfolio synthesis: {p.folder}",
        "version": f"{p.created:%Y-%m-%d}",
        "organisation": _organisation(p),
        "date": f"{p.created:%Y-%m-%d}",
    }
    doc = new_document(values)
    w = DocWriter(doc)
    _title_page(w, p, values)
    page_break(doc)
    for section in (_summary, _themes, _outcomes, _measures, _workbooks, _negatives, _problems):
        section(w, p, t)
    w.heading("About this report", 1)
    w.para(
        "Made by lm-excel portfolio from the logic-model workbooks in the folder. The summary "
        "workbook written with it holds every row behind these figures, with the file and cell "
        "each came from. Themes and outcome domains are found by words and phrases, so read the "
        "quoted examples before drawing conclusions; edit the theme dictionary to suit your "
        "programme (lm-excel portfolio --save-themes)."
    )
    _properties(doc, p)
    return doc


def _summary(w: Any, p: Portfolio, t: dict[str, Any]) -> None:
    n = len(p.summaries)
    w.heading("Summary", 1)
    w.bullets([f"{label}: {value}" for label, value in key_figures(p)])
    themes = t["themes"]
    common = themes[themes["Workbooks"] > 0].head(3)
    if len(common):
        listed = "; ".join(
            f"{r.Theme} ({r.Workbooks} of {n})" for r in common.itertuples(index=False)
        )
        w.para(f"The themes found in most workbooks: {listed}.")


def _themes(w: Any, p: Portfolio, t: dict[str, Any]) -> None:
    n = len(p.summaries)
    themes = t["themes"]
    w.heading("Themes across sites", 1)
    w.para(
        f"Each theme is a list of words and phrases ({p.themes_source}). A workbook counts under "
        "a theme when any of its cells uses one of them; the examples quote the text that matched "
        "and give the cell it came from."
    )
    if n:
        _chart(
            w,
            bar_chart(list(themes["Theme"]), list(themes["Workbooks"]), "Workbooks mentioning the theme"),
            "Workbooks mentioning each theme",
            "Bar chart of the number of workbooks mentioning each theme: "
            + "; ".join(f"{r.Theme} {r.Workbooks}" for r in themes.itertuples(index=False)) + ".",
        )
    _table(
        w, ["Theme", "Workbooks", "Share of workbooks", "Words most often matched"],
        [(r.Theme, r.Workbooks, r[3], r[5]) for r in themes.itertuples(index=False)],
        [4.0, 2.4, 2.4, 8.2], "Themes: how many workbooks mention each",
    )
    hits = t["theme_hits"]
    for r in themes.itertuples(index=False):
        if not r.Workbooks:
            continue
        w.heading(r.Theme, 2)
        if r.Description:
            w.para(r.Description)
        if str(r.Sites).startswith("all "):
            w.para(f"Found in all {n} workbooks.")
        else:
            w.para(f"Found in {r.Workbooks} of {n} workbooks: {r.Sites}.")
        sub = hits[hits["Theme"] == r.Theme].drop_duplicates("Text").drop_duplicates("File")
        sub = sub.head(EXAMPLES_PER_THEME)
        w.bullets([
            f"\u201c{h.Text}\u201d ({h.Organisation or h.File}, {h.File}, {h.Cell})"
            for h in sub.itertuples(index=False)
        ])


def _outcomes(w: Any, p: Portfolio, t: dict[str, Any]) -> None:
    w.heading("Outcomes", 1)
    domains = t["domains"]
    outcomes = t["outcomes"]
    w.para(
        f"{len(outcomes)} outcomes in all. Each is placed in the outcome domains whose words it "
        "uses (an outcome can count in more than one domain)."
    )
    if len(outcomes):
        shown = domains[domains["Outcomes"] > 0]
        _chart(
            w,
            bar_chart(list(shown["Outcome domain"]), list(shown["Outcomes"]), "Outcomes"),
            "Outcomes by domain",
            "Bar chart of the number of outcomes in each domain: "
            + "; ".join(f"{r[0]} {r[1]}" for r in shown.itertuples(index=False)) + ".",
        )
    _table(
        w, ["Outcome domain", "Outcomes", "Short term", "Medium term", "Long term", "Workbooks"],
        [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in domains.itertuples(index=False)],
        [5.5, 2.2, 2.2, 2.2, 2.2, 2.7], "Outcomes by domain and term",
    )


def _measures(w: Any, p: Portfolio, t: dict[str, Any]) -> None:
    w.heading("Measures planned", 1)
    measures = t["measures"]
    if measures.empty:
        w.para(
            "None of the workbooks has a measures plan yet. Build one in each workbook "
            "(Build measures plan, or lm-excel plan) and run the portfolio again."
        )
        return
    with_plan = sum(1 for s in p.summaries if s.measures)
    w.para(f"{with_plan} of {len(p.summaries)} workbooks have a measures plan.")
    _chart(
        w,
        bar_chart(list(measures["Measure"]), list(measures["Workbooks"]), "Workbooks choosing the measure"),
        "Measures chosen most often",
        "Bar chart of the number of workbooks choosing each measure: "
        + "; ".join(f"{r.Measure} {r.Workbooks}" for r in measures.head(MAX_BARS).itertuples(index=False))
        + ".",
    )
    rows = [(r.Measure, r.Workbooks, r[2], r[3]) for r in measures.itertuples(index=False)]
    _table(w, ["Measure", "Workbooks", "Share of workbooks", "Plan rows"], rows[:MAX_ROWS],
           [9.0, 2.5, 2.8, 2.7], "Measures in the workbooks' plans")
    _more_note(w, min(len(rows), MAX_ROWS), len(rows), "measures")


def _workbooks(w: Any, p: Portfolio, t: dict[str, Any]) -> None:
    w.heading("The workbooks", 1)
    wb = t["workbooks"].sort_values(["Organisation", "Intervention"], key=lambda c: c.str.lower(), kind="stable")
    headers = ["Organisation", "Intervention", "Phase", "Components", "Outcomes", "Check status"]
    rows = [tuple(r[h] for h in headers) for _, r in wb.iterrows()]
    _table(w, headers, rows, [3.5, 3.6, 2.4, 2.6, 2.1, 2.8], "The workbooks read", font_size=8)


def _negatives(w: Any, p: Portfolio, t: dict[str, Any]) -> None:
    w.heading("Potential negative consequences", 1)
    neg = t["negatives"]
    high = neg[neg["Impact"].str.lower() == "high"] if len(neg) else neg
    w.para(
        f"{len(neg)} potential negative consequences in all; {len(high)} are rated high impact "
        "and are listed here with their source."
    )
    if len(high):
        rows = [
            (r["Organisation"], r["ID"], r["Potential negative consequence"], r["Likelihood"], r["Mitigation"])
            for _, r in high.head(MAX_ROWS).iterrows()
        ]
        _table(w, ["Organisation", "ID", "Potential negative consequence", "Likelihood", "Mitigation"],
               rows, [3.2, 1.2, 5.8, 1.8, 5.0], "High-impact potential negative consequences",
               font_size=8)
        _more_note(w, len(rows), len(high), "negatives")


def _problems(w: Any, p: Portfolio, t: dict[str, Any]) -> None:
    """The workbooks that could not be read and the files skipped, when there are any."""
    if p.failed:
        w.heading("Workbooks that could not be read", 1)
        rows = [(f.path, f.error) for f in p.failed]
        _table(w, ["File", "Problem"], rows[:MAX_ROWS], [5.0, 12.0], "Workbooks that could not be read")
        _more_note(w, min(len(rows), MAX_ROWS), len(rows), "failed")
    if p.skipped:
        w.heading("Files skipped", 1)
        rows = [(s.path, s.reason) for s in p.skipped]
        _table(w, ["File", "Reason"], rows[:MAX_ROWS], [6.0, 11.0], "Files in the folder that were not read")
        _more_note(w, min(len(rows), MAX_ROWS), len(rows), "skipped")


def _properties(doc: Any, p: Portfolio) -> None:
    from lm_excel.report.docwriter import LANGUAGE

    props = doc.core_properties
    props.title = f"Portfolio synthesis: {one_line(p.folder)}"
    props.subject = "Logic models across sites"
    props.language = LANGUAGE
    props.author = "lm-excel"
    props.keywords = "logic model; portfolio; children's services"


def write_report(p: Portfolio, path: str | os.PathLike[str]) -> Path:
    """Write the synthesis report atomically, check it reopens, and return its path.

    Whether ``path`` may be written is the caller's decision (``fileio.claim_output``); a file
    open in Word is never replaced.
    """
    from lm_excel.fileio import write_verified

    target = Path(path)
    if target.suffix.lower() != ".docx":
        raise UsageError(f"'{target.name}': give a report file name ending in .docx")
    doc = build_report(p)

    def verify(tmp: Path) -> None:
        import docx

        reopened = docx.Document(str(tmp))
        titles = [para.text for para in reopened.paragraphs if para.style.name == "Title"]
        if not titles:
            raise LmExcelError("the report did not read back as written; nothing was saved", target)

    return write_verified(target, lambda tmp: doc.save(str(tmp)), verify)
