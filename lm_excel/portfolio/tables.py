"""Portfolio synthesis, aggregation: the summaries of many workbooks as the summary's tables.

:func:`aggregate` turns a :class:`~lm_excel.portfolio.collect.Portfolio` into pandas DataFrames
(one per sheet of the summary workbook, :data:`TABLES`): one row per workbook, the long tables
of elements, themes, outcome domains and measures across sites, and the files that could not
be read or were skipped. :func:`key_figures` gives the headline numbers.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from lm_excel import layout as L
from lm_excel.portfolio.summarise import LONG_TABLE_SHEETS, WorkbookSummary

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from lm_excel.portfolio.collect import Portfolio

#: Label for outcomes that match no outcome domain.
UNCLASSIFIED = "Not classified"

#: The summary's tables: key -> (sheet name, what it holds).
TABLES: dict[str, tuple[str, str]] = {
    "workbooks": ("Workbooks", "One row per workbook read: who, what, how complete, checked, delivered and measured."),
    "themes": ("Themes", "Themes across sites from the theme dictionary: how many workbooks mention each, and which."),
    "theme_hits": ("Theme matches", "Every cell whose text matched a theme: the words that matched and the text around them."),
    "domains": ("Outcome domains", "Outcomes grouped by domain (an outcome can count in more than one), by timescale."),
    "measures": ("Measures", "Measures chosen in the workbooks' Measures plan sheets, most often chosen first."),
    "outcomes": ("Outcomes", "Every outcome of every workbook, with its source file, ID and cell."),
    "components": ("Components", "Every component (activity) of every workbook, with its source."),
    "mechanisms": ("Mechanisms", "Every mechanism of every workbook, with its source."),
    "negatives": ("Negative consequences", "Every potential negative consequence of every workbook, with its source."),
    "failed": ("Could not read", "Workbooks that could not be read, with the reason. Fix them and run the portfolio again."),
    "skipped": ("Skipped files", ("Files in the folder that are not .xlsx/.xlsm workbooks, lock or hidden "
                                  "files, links, pipes and folders that could not be read, and workbooks "
                                  "read under an odd name.")),
}


#: Plain names for the reasons a workbook could not be read (by exception class).
FAILURE_KINDS = {
    "NotAWorkbookError": "not a readable .xlsx/.xlsm file",
    "EncryptedWorkbookError": "password-protected",
    "MissingSheetsError": "required sheets missing",
    "NotALogicModelError": "not a logic-model workbook",
    "SchemaVersionError": "made by a newer lm-excel",
    "TooLargeError": "too large",
    "WorkbookError": "cannot be opened",
    "MemoryError": "too large",
    "InternalError": "internal error (please report it)",
    "WorkerError": "internal error (please report it)",
}


def is_blank(value: object) -> bool:
    """A missing value in a table: None, NaN, or pandas' NA or NaT (both writers show it empty)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")


def is_share(column: str) -> bool:
    """A column of fractions of the workbooks (shown as percentages)."""
    return column.startswith("Share")


def _join_counts(pairs: Iterable[tuple[str, int]]) -> str:
    return "; ".join(f"{k} {v}" for k, v in pairs)


#: Most sites named in one cell of a frequency table (the long tables name them all).
MAX_SITES_LISTED = 20


def _sites(values: Iterable[str], files: int | None = None, total: int | None = None) -> str:
    """Sites as '; '-separated names; 'all N workbooks' when every workbook is among them."""
    if files is not None and total is not None and total > 1 and files == total:
        return f"all {total} workbooks"
    names = sorted(set(values), key=str.lower)
    if len(names) > MAX_SITES_LISTED:
        rest = len(names) - MAX_SITES_LISTED
        return "; ".join(names[:MAX_SITES_LISTED]) + f"; ... and {rest} more"
    return "; ".join(names)


def aggregate(p: Portfolio) -> dict[str, Any]:
    """The summary's tables as pandas DataFrames, keyed by :data:`TABLES` keys."""
    import pandas as pd  # local: keeps `import lm_excel` fast

    return {
        "workbooks": _workbooks(pd, p),
        **_theme_tables(pd, p),
        "domains": _domains(pd, p),
        "measures": _measures(pd, p),
        **{key: _long_table(pd, p, key) for key in LONG_TABLE_SHEETS},
        "failed": pd.DataFrame(
            [{"File": f.path, "Problem": f.error, "Kind": FAILURE_KINDS.get(f.kind, "could not be read")}
             for f in p.failed],
            columns=["File", "Problem", "Kind"],
        ),
        "skipped": pd.DataFrame(
            [{"File": s.path, "Reason": s.reason} for s in p.skipped], columns=["File", "Reason"]
        ),
    }


def _share(files: int, n: int) -> float:
    return files / n if n else 0.0


def _workbook_row(s: WorkbookSummary, themes: Iterable[str]) -> dict[str, object]:
    """One row of the Workbooks table."""
    row: dict[str, object] = {
        "File": s.path,
        "Organisation": s.organisation,
        "Intervention": s.intervention,
        "Version": s.version,
        "Phase": s.phase,
        "Date": s.date,
    }
    for sheet in L.LIST_SHEETS:
        row[sheet.name] = s.count(sheet.key)
    row["Elements"] = sum(v for _, v in s.counts)
    row["Check errors"] = None if s.check.problem else s.check.errors
    row["Check warnings"] = None if s.check.problem else s.check.warnings
    row["Check status"] = s.check.text
    row["Structure notes"] = "; ".join(s.structure_notes)
    row["Delivery modes"] = _join_counts(s.delivery_modes)
    chosen = list(dict.fromkeys(s.measures))
    row["Measures chosen"] = len(chosen)
    row["Measures"] = "; ".join(chosen)
    row["Themes"] = "; ".join(themes)
    return row


def _workbooks(pd: Any, p: Portfolio) -> pd.DataFrame:
    order = {t.name: i for i, t in enumerate(p.themes)}
    rows = []
    for s in p.summaries:
        found = {h.theme for h in s.themes}
        rows.append(_workbook_row(s, sorted(found, key=lambda t: order.get(t, 99))))
    return pd.DataFrame(rows, columns=[
        "File", "Organisation", "Intervention", "Version", "Phase", "Date",
        *(s.name for s in L.LIST_SHEETS), "Elements", "Check errors", "Check warnings",
        "Check status", "Structure notes", "Delivery modes", "Measures chosen", "Measures", "Themes",
    ])


def _long_table(pd: Any, p: Portfolio, key: str) -> pd.DataFrame:
    """Every element of one list sheet across the workbooks, with its file and cell."""
    headers = [c.header for c in L.LIST_SHEET_BY_KEY[key].columns]
    extra = ["Outcome domains"] if key == "outcomes" else []
    rows = []
    for s in p.summaries:
        for el in s.elements:
            if el.kind != key:
                continue
            rec = {"File": s.path, "Organisation": s.organisation, **dict(zip(headers, el.values))}
            if extra:
                rec["Outcome domains"] = "; ".join(el.domains) or UNCLASSIFIED
            rec["Cell"] = el.ref
            rows.append(rec)
    return pd.DataFrame(rows, columns=["File", "Organisation", *headers, *extra, "Cell"])


def _theme_tables(pd: Any, p: Portfolio) -> dict[str, pd.DataFrame]:
    """Themes across sites (one row per theme) and every cell that matched one."""
    n = len(p.summaries)
    hits = pd.DataFrame(
        [
            {"Theme": h.theme, "File": s.path, "Organisation": s.organisation, "Site": s.site,
             "Cell": h.ref, "Matched": "; ".join(h.matched), "Text": h.excerpt}
            for s in p.summaries for h in s.themes
        ],
        columns=["Theme", "File", "Organisation", "Site", "Cell", "Matched", "Text"],
    )
    rows = []
    for t in p.themes:
        sub = hits[hits["Theme"] == t.name]
        words = Counter(w for m in sub["Matched"] for w in m.split("; ") if w)
        rows.append({
            "Theme": t.name,
            "Description": t.description,
            "Workbooks": int(sub["File"].nunique()),
            "Share of workbooks": _share(sub["File"].nunique(), n),
            "Matching cells": len(sub),
            "Words most often matched": "; ".join(f"{w} ({c})" for w, c in words.most_common(6)),
            "Sites": _sites(sub["Site"], sub["File"].nunique(), n),
        })
    themes = pd.DataFrame(rows, columns=[
        "Theme", "Description", "Workbooks", "Share of workbooks", "Matching cells",
        "Words most often matched", "Sites",
    ])
    order = {t.name: i for i, t in enumerate(p.themes)}
    return {
        "themes": themes.sort_values("Workbooks", ascending=False, kind="stable").reset_index(drop=True),
        "theme_hits": hits.drop(columns=["Site"]).sort_values(
            ["Theme", "File"], key=lambda col: col.map(order) if col.name == "Theme" else col,
            kind="stable",
        ).reset_index(drop=True),
    }


def _domains(pd: Any, p: Portfolio) -> pd.DataFrame:
    """Outcomes by outcome domain (an outcome can count in more than one) and timescale."""
    n = len(p.summaries)
    timescale = [c.key for c in L.OUTCOMES.columns].index("timescale")
    od = pd.DataFrame([
        {"Domain": d, "File": s.path, "Site": s.site, "Timescale": el.values[timescale]}
        for s in p.summaries for el in s.elements if el.kind == "outcomes"
        for d in (el.domains or (UNCLASSIFIED,))
    ], columns=["Domain", "File", "Site", "Timescale"])
    rows = []
    for name in [d.name for d in p.domains] + [UNCLASSIFIED]:
        sub = od[od["Domain"] == name]
        if name == UNCLASSIFIED and sub.empty:
            continue
        ts = Counter(sub["Timescale"])
        rows.append({
            "Outcome domain": name,
            "Outcomes": len(sub),
            **{t: int(ts.get(t, 0)) for t in L.LISTS["timescale"]},
            "Workbooks": int(sub["File"].nunique()),
            "Share of workbooks": _share(sub["File"].nunique(), n),
            "Sites": _sites(sub["Site"], sub["File"].nunique(), n),
        })
    domains = pd.DataFrame(rows, columns=[
        "Outcome domain", "Outcomes", *L.LISTS["timescale"], "Workbooks", "Share of workbooks", "Sites",
    ])
    return domains.sort_values("Outcomes", ascending=False, kind="stable").reset_index(drop=True)


def _measures(pd: Any, p: Portfolio) -> pd.DataFrame:
    """Measures chosen in the workbooks' plans, most often chosen first."""
    n = len(p.summaries)
    columns = ["Measure", "Workbooks", "Share of workbooks", "Plan rows", "Sites"]
    mp = pd.DataFrame(
        [{"Measure": m, "File": s.path, "Site": s.site} for s in p.summaries for m in s.measures],
        columns=["Measure", "File", "Site"],
    )
    if mp.empty:
        return pd.DataFrame(columns=columns)
    g = mp.groupby("Measure", sort=True)
    measures = pd.DataFrame({"Workbooks": g["File"].nunique(), "Plan rows": g.size()}).reset_index()
    measures["Sites"] = [
        _sites(sub["Site"], sub["File"].nunique(), n)
        for sub in (mp[mp["Measure"] == name] for name in measures["Measure"])
    ]
    measures["Share of workbooks"] = measures["Workbooks"] / n
    measures = measures[columns].sort_values(["Workbooks", "Plan rows"], ascending=False,
                                             kind="stable")
    return measures.reset_index(drop=True)


def key_figures(p: Portfolio) -> list[tuple[str, str]]:
    """Headline numbers of a portfolio, as (label, value) lines."""
    phases = Counter(s.phase or "Not given" for s in p.summaries)
    modes: Counter[str] = Counter()
    for s in p.summaries:
        modes.update(dict(s.delivery_modes))
    checked = [s for s in p.summaries if not s.check.problem]
    lines = [
        ("Workbooks found", str(p.found)),
        ("Workbooks read", str(len(p.summaries))),
        ("Could not be read", str(len(p.failed))),
        ("Other files skipped", str(len(p.skipped))),
        ("Elements in all models", str(sum(sum(v for _, v in s.counts) for s in p.summaries))),
        ("Outcomes in all models", str(sum(s.count("outcomes") for s in p.summaries))),
        ("Phases", _join_counts(phases.most_common()) or "none"),
        ("Components by delivery mode", _join_counts(modes.most_common()) or "none"),
        ("Workbooks with a measures plan", str(sum(1 for s in p.summaries if s.measures))),
    ]
    lines.append(("Workbooks with check errors",
                  f"{sum(1 for s in checked if s.check.errors)} of {len(checked)} checked"
                  + (f" ({len(p.summaries) - len(checked)} could not be checked)"
                     if len(checked) < len(p.summaries) else "")))
    lines.append(("Theme dictionary", p.themes_source))
    return lines
