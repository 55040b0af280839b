"""One workbook of a portfolio: read, checked and boiled down to a small plain summary.

A :class:`WorkbookSummary` holds what the portfolio needs (counts, the rows of the long tables,
theme hits, the check's counts), never the whole model, so it travels cheaply between worker
processes. A workbook that cannot be read becomes a :class:`FailedWorkbook`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lm_excel import layout as L
from lm_excel.errors import LmExcelError
from lm_excel.portfolio.themes import ThemeHit, ThemeMatcher

#: Sheets whose rows go into the long tables of the summary.
LONG_TABLE_SHEETS: tuple[str, ...] = ("outcomes", "components", "mechanisms", "negatives")

#: The check every face runs on a model (:func:`lm_excel.usecases.check_findings`): given by the
#: caller, a module-level function so that worker processes can receive it.
CheckFunc = Callable[[Any], Any]


@dataclass(frozen=True)
class FailedWorkbook:
    """A workbook that could not be read, with the reader's one-line error."""

    path: str
    error: str
    kind: str  # the exception class, e.g. "EncryptedWorkbookError"


@dataclass(frozen=True)
class ElementRow:
    """One row of a long table: an element's values as text, in layout column order."""

    kind: str  # list-sheet key
    id: str
    values: tuple[str, ...]  # one per column of the layout's ListSheet
    ref: str  # "Sheet!A1" of the row's ID cell
    domains: tuple[str, ...] = ()  # outcome domains (outcomes only)


@dataclass(frozen=True)
class CheckStatus:
    """Counts of findings from the checker (``lm-excel check``)."""

    errors: int
    warnings: int
    infos: int = 0
    problem: str = ""  # set when the checker itself failed on this workbook

    @property
    def text(self) -> str:
        if self.problem:
            return f"check failed: {self.problem}"
        if not self.errors and not self.warnings:
            return "no errors or warnings"
        parts = []
        if self.errors:
            parts.append(f"{self.errors} error{'s' if self.errors != 1 else ''}")
        if self.warnings:
            parts.append(f"{self.warnings} warning{'s' if self.warnings != 1 else ''}")
        return ", ".join(parts)


@dataclass(frozen=True)
class WorkbookSummary:
    """What the portfolio needs from one workbook (small, so it travels cheaply between processes)."""

    path: str
    organisation: str
    intervention: str
    version: str
    phase: str
    date: str
    counts: tuple[tuple[str, int], ...]  # (list-sheet key, number of rows)
    delivery_modes: tuple[tuple[str, int], ...]  # (mode, components)
    structure_notes: tuple[str, ...]  # what the reader had to work around
    check: CheckStatus
    measures: tuple[str, ...]  # chosen measure of each Measures plan row
    elements: tuple[ElementRow, ...]
    themes: tuple[ThemeHit, ...]

    @property
    def site(self) -> str:
        """How the workbook is named in lists of sites: its organisation, else its file name."""
        return self.organisation or Path(self.path).stem

    def count(self, key: str) -> int:
        return dict(self.counts).get(key, 0)


def check_status(model: Any, check: CheckFunc) -> CheckStatus:
    """Errors, warnings and notes ``check`` (the check of ``lm-excel check``) finds in ``model``."""
    try:
        counts = check(model).counts
    except Exception as exc:  # noqa: BLE001 (the checker must not stop a portfolio run)
        return CheckStatus(0, 0, 0, problem=f"{type(exc).__name__}: {exc}"[:200])
    return CheckStatus(counts["error"], counts["warning"], counts["info"])


def plan_measures(grid: Sequence[Sequence[object]]) -> tuple[str, ...]:
    """The measure chosen on each row of a Measures plan sheet's grid, as the user left it.

    Read with the plan sheet's own reader (:func:`lm_excel.workbook.plan_sheet.plan_rows`),
    so columns the user moved are still found. Rows without a measure, and rows whose status
    is 'Not needed', are left out.
    """
    from lm_excel.workbook.plan_sheet import plan_rows

    return tuple(
        " ".join(r.measure.split())
        for r in plan_rows(grid)
        if r.measure and L.match_key(r.status) != "notneeded"
    )


def _intervention_cells(model: Any) -> Iterable[tuple[str, str]]:
    for fld in L.INTERVENTION.fields:
        f = model.intervention.fields.get(fld.key)
        if f is not None and fld.kind in ("text", "choice") and not f.empty:
            yield str(f.ref), f.text


def _element_cells(model: Any) -> Iterable[tuple[str, str]]:
    for el in model.all_elements():
        for col in el.sheet.columns:
            if col.kind in ("text", "choice"):
                f = el.fields.get(col.key)
                if f is not None and not f.empty:
                    yield str(f.ref), f.text


def summarise_model(
    model: Any, path: str, themes: ThemeMatcher, domains: ThemeMatcher, check: CheckFunc
) -> WorkbookSummary:
    """The plain summary of one logic model (``path`` is how the portfolio names its file)."""
    iv = model.intervention
    rows: list[ElementRow] = []
    for key in LONG_TABLE_SHEETS:
        sheet = L.LIST_SHEET_BY_KEY[key]
        for el in model.elements[key]:
            values = tuple(el.text(col.key) for col in sheet.columns)
            doms = tuple(domains.names(el.statement)) if key == "outcomes" else ()
            rows.append(ElementRow(key, el.id or el.raw_id, values, str(el.ref()), doms))
    modes = Counter(el.text("delivery_mode") or "Not given" for el in model.components)
    plan_grid = model.extras.get(L.MEASURES_PLAN.name, ())
    notes = tuple(
        f"{n.code}: {n.sheet}" + (f" ({n.detail})" if n.detail else "") for n in model.notes
    )
    return WorkbookSummary(
        path=path,
        organisation=iv.organisation,
        intervention=iv.name,
        version=iv.version,
        phase=iv.text("phase"),
        date=iv.text("date"),
        counts=tuple((s.key, len(model.elements[s.key])) for s in L.LIST_SHEETS),
        delivery_modes=tuple(sorted(modes.items(), key=lambda kv: (-kv[1], kv[0]))),
        structure_notes=notes,
        check=check_status(model, check),
        measures=plan_measures(plan_grid),
        elements=tuple(rows),
        themes=tuple(themes.scan([*_intervention_cells(model), *_element_cells(model)])),
    )


def try_summarise(path: str, rel: str, themes: ThemeMatcher, domains: ThemeMatcher,
                  check: CheckFunc) -> WorkbookSummary | FailedWorkbook:
    """Read and summarise one workbook; every failure becomes a :class:`FailedWorkbook` with a
    one-line reason (``rel`` is how the portfolio names the file)."""
    from lm_excel.workbook.reader import read_workbook

    try:
        model = read_workbook(path)
        return summarise_model(model, rel, themes, domains, check)
    except LmExcelError as exc:
        return FailedWorkbook(rel, one_line(str(exc)), type(exc).__name__)
    except MemoryError:
        return FailedWorkbook(rel, f"{Path(path).name}: too large to read in memory", "MemoryError")
    except Exception as exc:  # noqa: BLE001 (a bug must not stop the run: record it)
        return FailedWorkbook(
            rel, one_line(f"{Path(path).name}: internal error ({type(exc).__name__}: {exc})"), "InternalError"
        )


def one_line(text: str) -> str:
    """Text on one line, at most 500 characters (a reason in a table cell)."""
    return " ".join(text.split())[:500]
