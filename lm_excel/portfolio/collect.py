"""Portfolio synthesis: many logic-model workbooks, one cross-site summary.

:func:`collect_portfolio` reads every workbook under a folder (recursively) in parallel worker
processes. Each worker reads one workbook and sends back a small plain summary
(:class:`WorkbookSummary`: counts, the rows of the long tables, theme hits), never the whole
model. Broken workbooks never stop the run: each becomes a :class:`FailedWorkbook` with the
reader's one-line error. Files that are not .xlsx/.xlsm are listed as :class:`SkippedFile`.

:meth:`Portfolio.tables` aggregates the summaries with pandas (imported lazily) and
:func:`write_summary` writes them as a workbook of proper Excel tables (XlsxWriter, text always
as text). The Word synthesis report is in :mod:`lm_excel.portfolio.report`.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lm_excel import layout as L
from lm_excel.errors import LmExcelError, UsageError
from lm_excel.portfolio.themes import Theme, ThemeHit, ThemeMatcher, load_themes

#: File endings read as workbooks.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
#: Sheets whose rows go into the long tables of the summary.
LONG_TABLE_SHEETS: tuple[str, ...] = ("outcomes", "components", "mechanisms", "negatives")
#: Label for outcomes that match no outcome domain.
UNCLASSIFIED = "Not classified"

_OTHER_FORMATS = {
    ".xls": "a legacy Excel 97-2003 file; save it as .xlsx to include it",
    ".xlsb": "an Excel Binary Workbook; save it as .xlsx to include it",
    ".ods": "an OpenDocument spreadsheet; save it as .xlsx to include it",
    ".csv": "a CSV file, not a workbook",
}

#: progress(done, total, relative path, read ok)
ProgressCallback = Callable[[int, int, str, bool], None]
#: The check every face runs on a model (:func:`lm_excel.usecases.check_findings`): given by the
#: caller, a module-level function so that worker processes can receive it.
CheckFunc = Callable[[Any], Any]


# --- plain summaries (picklable, small) ---------------------------------------------------------


@dataclass(frozen=True)
class SkippedFile:
    """A file under the folder that is not read, and why."""

    path: str  # relative to the portfolio folder, with '/' separators
    reason: str


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


# --- one workbook -------------------------------------------------------------------------------


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


def summarise_workbook(
    path: str | os.PathLike[str],
    *,
    check: CheckFunc,
    name: str | None = None,
    themes: Sequence[Theme] | None = None,
    domains: Sequence[Theme] | None = None,
) -> WorkbookSummary:
    """Read one workbook and summarise it (raises the reader's errors)."""
    from lm_excel.portfolio.themes import default_domains_path
    from lm_excel.workbook.reader import read_workbook

    model = read_workbook(path)
    return summarise_model(
        model,
        name or Path(path).name,
        ThemeMatcher(themes if themes is not None else load_themes()),
        ThemeMatcher(domains if domains is not None else load_themes(default_domains_path())),
        check,
    )


# --- worker processes ---------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(themes: tuple[Theme, ...], domains: tuple[Theme, ...], check: CheckFunc) -> None:
    _WORKER["themes"] = ThemeMatcher(themes)
    _WORKER["domains"] = ThemeMatcher(domains)
    _WORKER["check"] = check


def _task(path: str, rel: str) -> WorkbookSummary | FailedWorkbook:
    """Summarise one workbook in a worker; every failure becomes a FailedWorkbook."""
    from lm_excel.workbook.reader import read_workbook

    try:
        model = read_workbook(path)
        return summarise_model(model, rel, _WORKER["themes"], _WORKER["domains"], _WORKER["check"])
    except LmExcelError as exc:
        return FailedWorkbook(rel, _one_line(str(exc)), type(exc).__name__)
    except MemoryError:
        return FailedWorkbook(rel, f"{Path(path).name}: too large to read in memory", "MemoryError")
    except Exception as exc:  # noqa: BLE001 (a bug must not stop the run: record it)
        return FailedWorkbook(
            rel, _one_line(f"{Path(path).name}: internal error ({type(exc).__name__}: {exc})"), "InternalError"
        )


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]


# --- the folder ---------------------------------------------------------------------------------


def find_workbooks(
    folder: str | os.PathLike[str], exclude: Iterable[str | os.PathLike[str]] = ()
) -> tuple[list[Path], list[SkippedFile]]:
    """Workbook files under ``folder`` (recursively, sorted) and the files skipped, with reasons.

    Nothing is left out silently and nothing odd stops the walk: a folder that cannot be read, a
    symbolic-link loop, a broken link, a pipe or device, and a name that is not valid UTF-8 (read,
    shown with U+FFFD) each get a row with the reason. Links to folders are followed once.
    """
    root = Path(folder)
    if not root.exists():
        raise UsageError(f"the folder '{root}' does not exist")
    if not root.is_dir():
        raise UsageError(f"'{root}' is not a folder; give the folder that holds the workbooks")
    excluded = {os.path.realpath(p) for p in exclude}
    found: list[Path] = []
    skipped: list[SkippedFile] = []
    walked: set[tuple[int, int]] = set()  # (device, inode) of each folder read: a loop comes back

    def shown(path: Path) -> str:
        rel = path.relative_to(root).as_posix() if path != root else "."
        return os.fsencode(rel).decode("utf-8", "replace")

    def walk(here: Path) -> None:
        try:
            st = here.stat()
            if (st.st_dev, st.st_ino) in walked:
                skipped.append(SkippedFile(shown(here), "a link back to a folder already read (a "
                                                        "symbolic-link loop): not read twice"))
                return
            walked.add((st.st_dev, st.st_ino))
            with os.scandir(here) as entries:
                names = sorted(entries, key=lambda e: os.fsencode(e.name))
        except OSError as exc:
            skipped.append(SkippedFile(shown(here), f"a folder that cannot be read "
                                                    f"({exc.strerror or exc}): its workbooks are missing"))
            return
        for entry in names:
            path = here / entry.name
            reason = _odd_entry(path)
            if reason is not None:
                skipped.append(SkippedFile(shown(path), reason))
            elif path.is_dir():
                walk(path)
            elif os.path.realpath(path) not in excluded:
                _classify(path, shown(path), found, skipped)

    walk(root)
    return found, skipped


def _odd_entry(path: Path) -> str | None:
    """Why ``path`` is neither a folder to walk nor a file to classify (None when it is one)."""
    try:
        st = path.stat()
    except OSError as exc:
        if os.path.islink(path):
            return ("a symbolic-link loop" if exc.errno == errno.ELOOP
                    else "a link to nothing (a broken symbolic link)")
        return f"cannot be read ({exc.strerror or exc})"
    if stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode):
        return None
    if stat.S_ISFIFO(st.st_mode):
        return "a pipe (FIFO), not a file"
    return "a device or socket, not a file"


def _classify(path: Path, rel: str, found: list[Path], skipped: list[SkippedFile]) -> None:
    """A regular file: a workbook to read, or a file skipped with its reason."""
    name = path.name
    suffix = path.suffix.lower()
    if name.startswith("~$"):
        skipped.append(SkippedFile(rel, "an Excel lock file (the workbook is open somewhere)"))
    elif name.startswith(".~lock.") and name.endswith("#"):
        skipped.append(SkippedFile(rel, "a LibreOffice lock file (the workbook is open somewhere)"))
    elif name.startswith("."):
        skipped.append(SkippedFile(rel, "a hidden file"))
    elif suffix in WORKBOOK_SUFFIXES:
        found.append(path)
        if os.fsencode(name).decode("utf-8", "replace") != name:
            skipped.append(SkippedFile(rel, "its name is not valid text (UTF-8): read, and shown here "
                                            "with \ufffd for the unreadable characters"))
    else:
        skipped.append(SkippedFile(rel, _OTHER_FORMATS.get(suffix, "not an .xlsx/.xlsm workbook")))


@dataclass
class Portfolio:
    """Everything read from a folder of workbooks."""

    folder: str
    summaries: list[WorkbookSummary]
    failed: list[FailedWorkbook]
    skipped: list[SkippedFile]
    themes: tuple[Theme, ...]
    domains: tuple[Theme, ...]
    themes_source: str = "built-in theme dictionary"
    seconds: float = 0.0
    created: dt.datetime = field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))
    _tables: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def found(self) -> int:
        return len(self.summaries) + len(self.failed)

    def tables(self) -> dict[str, Any]:
        """The summary's tables as pandas DataFrames, keyed by :data:`TABLES` keys."""
        if self._tables is None:
            self._tables = _aggregate(self)
        return self._tables


def collect_portfolio(
    folder: str | os.PathLike[str],
    *,
    check: CheckFunc,
    themes: str | os.PathLike[str] | Sequence[Theme] | None = None,
    jobs: int | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
    progress: ProgressCallback | None = None,
) -> Portfolio:
    """Read every workbook under ``folder`` and summarise each one.

    ``themes`` is a theme file (.csv/.json), a sequence of :class:`Theme`, or None for the
    built-in dictionary. ``jobs`` worker processes read the workbooks (default: the number of
    CPUs; 1 reads in this process). ``check`` checks each model (a module-level function, e.g.
    :func:`lm_excel.usecases.check_findings`). ``exclude`` lists files to leave out (e.g. the summary being
    written). ``progress`` is called after each workbook.
    """
    from lm_excel.portfolio.themes import default_domains_path

    start = time.perf_counter()
    if themes is None:
        theme_list, source = load_themes(), "built-in theme dictionary"
    elif isinstance(themes, (str, os.PathLike)):
        theme_list, source = load_themes(themes), Path(themes).name
    else:
        theme_list, source = tuple(themes), "themes given by the caller"
    domain_list = load_themes(default_domains_path())
    paths, skipped = find_workbooks(folder, exclude)
    root = Path(folder)
    jobs = (os.cpu_count() or 1) if jobs is None else jobs
    if jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, not {jobs}")
    jobs = min(jobs, max(len(paths), 1))
    tasks = [(str(p), os.fsencode(p.relative_to(root).as_posix()).decode("utf-8", "replace"))
             for p in paths]
    results: list[WorkbookSummary | FailedWorkbook] = []

    def done(result: WorkbookSummary | FailedWorkbook) -> None:
        results.append(result)
        if progress is not None:
            progress(len(results), len(tasks), result.path, isinstance(result, WorkbookSummary))

    if jobs == 1:
        _init_worker(theme_list, domain_list, check)
        for path, rel in tasks:
            done(_task(path, rel))
    else:
        _run_pool(tasks, jobs, (theme_list, domain_list, check), done)

    summaries = sorted((r for r in results if isinstance(r, WorkbookSummary)), key=lambda s: s.path)
    failed = sorted((r for r in results if isinstance(r, FailedWorkbook)), key=lambda f: f.path)
    return Portfolio(
        folder=root.resolve().name or str(root),
        summaries=summaries,
        failed=failed,
        skipped=skipped,
        themes=theme_list,
        domains=domain_list,
        themes_source=source,
        seconds=time.perf_counter() - start,
    )


def _run_pool(
    tasks: list[tuple[str, str]],
    jobs: int,
    init: tuple[tuple[Theme, ...], tuple[Theme, ...], CheckFunc],
    done: Callable[[WorkbookSummary | FailedWorkbook], None],
) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # "spawn" everywhere: the same start method as on Windows, where most users are, and safe
    # in a process that has threads.
    ctx = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(
        max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=init
    )
    try:
        futures = {executor.submit(_task, path, rel): (path, rel) for path, rel in tasks}
        for fut in as_completed(futures):
            path, rel = futures[fut]
            try:
                done(fut.result())
            except Exception as exc:  # noqa: BLE001 (the worker process died, e.g. out of memory)
                done(FailedWorkbook(
                    rel, _one_line(f"{Path(path).name}: could not be read ({type(exc).__name__}: {exc})"),
                    "WorkerError",
                ))
    except BaseException:
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown(wait=True)


# --- aggregation (pandas) -----------------------------------------------------------------------

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
    "skipped": ("Skipped files", "Files in the folder that are not .xlsx/.xlsm workbooks, lock or hidden files, "
                "links, pipes and folders that could not be read, and workbooks read under an odd name."),
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


def _aggregate(p: Portfolio) -> dict[str, Any]:
    import pandas as pd  # local: keeps `import lm_excel` fast

    n = len(p.summaries)
    count_headers = [(s.key, s.name) for s in L.LIST_SHEETS]
    theme_sites: dict[str, set[str]] = {}
    for s in p.summaries:
        for h in s.themes:
            theme_sites.setdefault(s.path, set()).add(h.theme)
    theme_order = {t.name: i for i, t in enumerate(p.themes)}

    wb_rows = []
    for s in p.summaries:
        row: dict[str, object] = {
            "File": s.path,
            "Organisation": s.organisation,
            "Intervention": s.intervention,
            "Version": s.version,
            "Phase": s.phase,
            "Date": s.date,
        }
        for key, header in count_headers:
            row[header] = s.count(key)
        row["Elements"] = sum(v for _, v in s.counts)
        row["Check errors"] = None if s.check.problem else s.check.errors
        row["Check warnings"] = None if s.check.problem else s.check.warnings
        row["Check status"] = s.check.text
        row["Structure notes"] = "; ".join(s.structure_notes)
        row["Delivery modes"] = _join_counts(s.delivery_modes)
        chosen = list(dict.fromkeys(s.measures))
        row["Measures chosen"] = len(chosen)
        row["Measures"] = "; ".join(chosen)
        row["Themes"] = "; ".join(sorted(theme_sites.get(s.path, ()), key=lambda t: theme_order.get(t, 99)))
        wb_rows.append(row)
    workbooks = pd.DataFrame(wb_rows, columns=[
        "File", "Organisation", "Intervention", "Version", "Phase", "Date",
        *(h for _, h in count_headers), "Elements", "Check errors", "Check warnings", "Check status",
        "Structure notes", "Delivery modes", "Measures chosen", "Measures", "Themes",
    ])

    long: dict[str, Any] = {}
    for key in LONG_TABLE_SHEETS:
        sheet = L.LIST_SHEET_BY_KEY[key]
        headers = [c.header for c in sheet.columns]
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
        long[key] = pd.DataFrame(rows, columns=["File", "Organisation", *headers, *extra, "Cell"])

    # Themes across sites.
    hits = pd.DataFrame(
        [
            {"Theme": h.theme, "File": s.path, "Organisation": s.organisation, "Site": s.site,
             "Cell": h.ref, "Matched": "; ".join(h.matched), "Text": h.excerpt}
            for s in p.summaries for h in s.themes
        ],
        columns=["Theme", "File", "Organisation", "Site", "Cell", "Matched", "Text"],
    )
    theme_rows = []
    for t in p.themes:
        sub = hits[hits["Theme"] == t.name]
        words = Counter(w for m in sub["Matched"] for w in m.split("; ") if w)
        theme_rows.append({
            "Theme": t.name,
            "Description": t.description,
            "Workbooks": int(sub["File"].nunique()),
            "Share of workbooks": (sub["File"].nunique() / n) if n else 0.0,
            "Matching cells": len(sub),
            "Words most often matched": "; ".join(f"{w} ({c})" for w, c in words.most_common(6)),
            "Sites": _sites(sub["Site"], sub["File"].nunique(), n),
        })
    themes = pd.DataFrame(theme_rows, columns=[
        "Theme", "Description", "Workbooks", "Share of workbooks", "Matching cells",
        "Words most often matched", "Sites",
    ])
    themes = themes.sort_values("Workbooks", ascending=False, kind="stable").reset_index(drop=True)
    theme_hits = hits.drop(columns=["Site"]).sort_values(
        ["Theme", "File"], key=lambda col: col.map(theme_order) if col.name == "Theme" else col,
        kind="stable",
    ).reset_index(drop=True)

    # Outcome domains.
    outcome_rows = [
        {"Domain": d, "File": s.path, "Site": s.site,
         "Timescale": el.values[[c.key for c in L.OUTCOMES.columns].index("timescale")]}
        for s in p.summaries for el in s.elements if el.kind == "outcomes"
        for d in (el.domains or (UNCLASSIFIED,))
    ]
    od = pd.DataFrame(outcome_rows, columns=["Domain", "File", "Site", "Timescale"])
    domain_rows = []
    for name in [d.name for d in p.domains] + [UNCLASSIFIED]:
        sub = od[od["Domain"] == name]
        if name == UNCLASSIFIED and sub.empty:
            continue
        ts = Counter(sub["Timescale"])
        domain_rows.append({
            "Outcome domain": name,
            "Outcomes": len(sub),
            **{t: int(ts.get(t, 0)) for t in L.LISTS["timescale"]},
            "Workbooks": int(sub["File"].nunique()),
            "Share of workbooks": (sub["File"].nunique() / n) if n else 0.0,
            "Sites": _sites(sub["Site"], sub["File"].nunique(), n),
        })
    domains = pd.DataFrame(domain_rows, columns=[
        "Outcome domain", "Outcomes", *L.LISTS["timescale"], "Workbooks", "Share of workbooks", "Sites",
    ])
    domains = domains.sort_values("Outcomes", ascending=False, kind="stable").reset_index(drop=True)

    # Measures.
    mp = pd.DataFrame(
        [{"Measure": m, "File": s.path, "Site": s.site} for s in p.summaries for m in s.measures],
        columns=["Measure", "File", "Site"],
    )
    if mp.empty:
        measures = pd.DataFrame(columns=["Measure", "Workbooks", "Share of workbooks", "Plan rows", "Sites"])
    else:
        g = mp.groupby("Measure", sort=True)
        measures = pd.DataFrame({
            "Workbooks": g["File"].nunique(),
            "Plan rows": g.size(),
            "Sites": g["Site"].agg(_sites),
        }).reset_index()
        for i, row in measures.iterrows():
            sub = mp[mp["Measure"] == row["Measure"]]
            measures.at[i, "Sites"] = _sites(sub["Site"], sub["File"].nunique(), n)
        measures["Share of workbooks"] = measures["Workbooks"] / n
        measures = measures[["Measure", "Workbooks", "Share of workbooks", "Plan rows", "Sites"]]
        measures = measures.sort_values(["Workbooks", "Plan rows"], ascending=False, kind="stable")
        measures = measures.reset_index(drop=True)

    failed = pd.DataFrame(
        [{"File": f.path, "Problem": f.error, "Kind": FAILURE_KINDS.get(f.kind, "could not be read")}
         for f in p.failed],
        columns=["File", "Problem", "Kind"],
    )
    skipped = pd.DataFrame(
        [{"File": s.path, "Reason": s.reason} for s in p.skipped], columns=["File", "Reason"]
    )
    return {
        "workbooks": workbooks,
        "themes": themes,
        "theme_hits": theme_hits,
        "domains": domains,
        "measures": measures,
        **long,
        "failed": failed,
        "skipped": skipped,
    }


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


# --- the summary workbook (XlsxWriter) ----------------------------------------------------------

#: Sheet name of the overview sheet (first in the summary workbook).
OVERVIEW_SHEET = "Overview"
#: 0-based row of the header row of every table sheet in the summary workbook.
SUMMARY_HEADER_ROW = 3
_MAX_WIDTH = 60
_MAX_CELL = 32_000  # Excel's limit is 32,767 characters per cell

_TABLE_COLOURS = {
    "workbooks": "1F4E79",
    "themes": "5B3A8C",
    "theme_hits": "5B3A8C",
    "domains": "7A1F3D",
    "measures": "2E6B5A",
    "outcomes": "7A1F3D",
    "components": "1F5F8B",
    "mechanisms": "8A4B08",
    "negatives": "9C2A2A",
    "failed": "4A4A4A",
    "skipped": "4A4A4A",
}
_FIXED_WIDTHS = {"File": 26, "Organisation": 24, "Intervention": 26, "Cell": 22, "ID": 7,
                 "Version": 9, "Date": 11, "Phase": 16, "Kind": 20, "Check status": 20,
                 "Structure notes": 24, "Delivery modes": 22, "Measures": 34, "Themes": 40}


def _is_blank(value: object) -> bool:
    if value is None:
        return True
    import math

    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")


def _column_width(name: str, values: Sequence[object]) -> float:
    if name in _FIXED_WIDTHS:
        return _FIXED_WIDTHS[name]
    lengths = sorted(len(str(v)) for v in values if not _is_blank(v))
    typical = lengths[int(len(lengths) * 0.9)] if lengths else 0
    return float(min(max(len(name) + 3, typical + 2, 8), _MAX_WIDTH))


def _write_cell(ws: Any, r: int, c: int, value: object, fmt: Any) -> None:
    """One value with its type kept; text always as text (never a formula or a link)."""
    import numbers

    if _is_blank(value):
        ws.write_blank(r, c, None, fmt)
    elif isinstance(value, bool):
        ws.write_string(r, c, "yes" if value else "no", fmt)
    elif isinstance(value, numbers.Number):
        ws.write_number(r, c, float(value), fmt)  # type: ignore[arg-type]
    else:
        ws.write_string(r, c, str(value)[:_MAX_CELL], fmt)


def _table_sheet(wb: Any, ws: Any, fmts: dict[str, Any], key: str, df: Any) -> None:
    from lm_excel.workbook.styles import fit_row, header_format, print_setup

    name, intro = TABLES[key]
    colour = _TABLE_COLOURS[key]
    hdr = header_format(wb, colour)
    columns = list(df.columns)
    rows = list(df.itertuples(index=False, name=None))
    ws.set_row(0, 26)
    ws.write_string(0, 0, name, fmts["title"])
    ws.write_string(1, 0, intro, fmts["intro"])
    import numbers

    numeric = [
        bool(rows) and all(isinstance(r[i], numbers.Number) or _is_blank(r[i]) for r in rows)
        for i in range(len(columns))
    ]
    widths = [
        10.0 if numeric[i] else _column_width(col, [r[i] for r in rows]) for i, col in enumerate(columns)
    ]
    wrap = [
        not numeric[i] and any(len(str(r[i])) > widths[i] for r in rows if not _is_blank(r[i]))
        for i in range(len(columns))
    ]
    col_fmts = []
    for i, col in enumerate(columns):
        if numeric[i]:
            fmt = fmts["pct"] if col.startswith("Share") else fmts["number"]
        else:
            fmt = fmts["text"] if wrap[i] else fmts["plain"]
        col_fmts.append(fmt)
        ws.set_column(i, i, widths[i], fmt)
    h = SUMMARY_HEADER_ROW
    if not rows:
        rows = [("(none)",) + ("",) * (len(columns) - 1)]
    ws.add_table(h, 0, h + len(rows), len(columns) - 1, {
        "name": "tbl" + "".join(ch for ch in name.title() if ch.isalnum()),
        "style": "Table Style Light 1",
        "autofilter": True,
        "banded_rows": True,
        "columns": [{"header": col, "header_format": hdr} for col in columns],
    })
    for j, row in enumerate(rows):
        r = h + 1 + j
        for i, value in enumerate(row):
            _write_cell(ws, r, i, value, col_fmts[i])
        wrapped = [(str(row[i]), widths[i], 10) for i in range(len(columns)) if wrap[i] and not _is_blank(row[i])]
        if wrapped:
            fit_row(ws, r, wrapped)
    header_lines = max(-(-len(col) // max(int(widths[i]) - 1, 1)) for i, col in enumerate(columns))
    ws.set_row(h, max(30, 13 * header_lines + 4))
    ws.freeze_panes(h + 1, 1 if key in ("workbooks", "theme_hits") else 0)
    print_setup(ws, f"Portfolio summary: {name}", repeat_row=h)
    if sum(widths) > 220:  # too wide for one A4 page: two pages across, file name repeated
        ws.fit_to_pages(2, 0)
        ws.repeat_columns(0)
    ws.set_tab_color("#" + colour)


def _overview_sheet(wb: Any, ws: Any, fmts: dict[str, Any], p: Portfolio) -> None:
    from lm_excel.model import quote_sheet
    from lm_excel.workbook.styles import print_setup

    ws.hide_gridlines(2)
    ws.set_column("A:A", 34)
    ws.set_column("B:B", 90)
    ws.set_row(0, 30)
    ws.write_string(0, 0, "Portfolio summary", fmts["title"])
    ws.write_string(
        1, 0,
        f"Logic models in the folder '{p.folder}', read on {p.created:%d %B %Y at %H:%M}. "
        "Each sheet below is a table you can sort and filter.",
        fmts["intro"],
    )
    r = 3
    ws.write_string(r, 0, "Key figures", fmts["label"])
    r += 1
    for label, value in key_figures(p):
        ws.write_string(r, 0, label, fmts["plain"])
        ws.write_string(r, 1, value, fmts["text"])
        r += 1
    r += 1
    ws.write_string(r, 0, "Sheets in this workbook", fmts["label"])
    r += 1
    tables = p.tables()
    for key, (name, intro) in TABLES.items():
        rows = len(tables[key])
        ws.write_url(r, 0, f"internal:{quote_sheet(name)}!A1", fmts["link"], string=name,
                     tip=f"Go to the {name} sheet")
        ws.write_string(r, 1, f"{intro} ({rows} row{'s' if rows != 1 else ''})", fmts["text"])
        ws.set_row(r, 27 if len(intro) > 80 else 15)
        r += 1
    r += 1
    ws.write_string(r, 0, "Made with", fmts["label"])
    from lm_excel import __version__

    ws.write_string(r, 1, f"lm-excel {__version__} (lm-excel portfolio), in {p.seconds:.1f} s", fmts["text"])
    print_setup(ws, "Portfolio summary")
    ws.set_landscape()
    ws.set_tab_color("#1F4E79")
    ws.activate()


def write_summary_file(path: str | os.PathLike[str], p: Portfolio) -> None:
    """Write the summary workbook to ``path`` directly (see :func:`write_summary`)."""
    import xlsxwriter  # local: keeps `import lm_excel` fast

    from lm_excel import __version__
    from lm_excel.workbook.styles import formats

    tables = p.tables()
    wb = xlsxwriter.Workbook(
        os.fspath(path),
        {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    try:
        wb.set_properties({
            "title": f"Portfolio summary: {p.folder}",
            "subject": "Logic models across sites",
            "comments": f"Made with lm-excel {__version__}",
        })
        wb.set_size(1600, 1000)
        fmts = formats(wb)
        fmts["pct"] = wb.add_format({"font_name": "Arial", "font_size": 10, "valign": "top",
                                      "num_format": "0%", "align": "center"})
        fmts["number"] = wb.add_format({"font_name": "Arial", "font_size": 10, "valign": "top",
                                         "align": "center"})
        overview = wb.add_worksheet(OVERVIEW_SHEET)
        sheets = {key: wb.add_worksheet(name) for key, (name, _) in TABLES.items()}
        _overview_sheet(wb, overview, fmts, p)
        for key, ws in sheets.items():
            _table_sheet(wb, ws, fmts, key, tables[key])
    finally:
        wb.close()


def write_summary(p: Portfolio, path: str | os.PathLike[str]) -> Path:
    """Write the summary workbook atomically, check it reads back, and return its path.

    Whether ``path`` may be written is the caller's decision (``fileio.claim_output``); a file
    open in Excel is never replaced.
    """
    from lm_excel.fileio import write_verified

    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise UsageError(f"'{target.name}': give a summary file name ending in .xlsx")
    expected = [str(f) for f in p.tables()["workbooks"]["File"]]

    def verify(tmp: Path) -> None:
        import openpyxl

        wb = openpyxl.load_workbook(tmp, read_only=True)
        try:
            names = wb.sheetnames
            missing = [n for n, _ in TABLES.values() if n not in names]
            ws = wb[TABLES["workbooks"][0]]
            got = [
                str(row[0])
                for row in ws.iter_rows(min_row=SUMMARY_HEADER_ROW + 2, values_only=True)
                if row and row[0] not in (None, "(none)")
            ]
        finally:
            wb.close()
        if missing or got != expected:
            raise LmExcelError("the summary did not read back as written; nothing was saved", target)

    return write_verified(target, lambda tmp: write_summary_file(tmp, p), verify)
