"""Portfolio synthesis, reading: every workbook under a folder, read in parallel.

:func:`collect_portfolio` finds the workbooks (:mod:`lm_excel.portfolio.folder`) and reads each
in a worker process, which sends back a small plain summary
(:mod:`lm_excel.portfolio.summarise`), never the whole model. Broken workbooks never stop the
run: each becomes a ``FailedWorkbook`` with the reader's one-line error. The result is a
:class:`Portfolio`; its tables are aggregated in :mod:`lm_excel.portfolio.tables` and written by
:mod:`lm_excel.portfolio.summary_workbook` (and :mod:`lm_excel.portfolio.report`).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lm_excel.errors import UsageError
from lm_excel.portfolio.folder import SkippedFile, find_workbooks
from lm_excel.portfolio.summarise import (
    CheckFunc,
    FailedWorkbook,
    WorkbookSummary,
    one_line,
    try_summarise,
)
from lm_excel.portfolio.themes import Theme, ThemeMatcher, load_themes

#: progress(done, total, relative path, read ok)
ProgressCallback = Callable[[int, int, str, bool], None]
Result = WorkbookSummary | FailedWorkbook


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
        """The summary's tables as pandas DataFrames, keyed by :data:`~lm_excel.portfolio.tables.TABLES` keys."""
        if self._tables is None:
            from lm_excel.portfolio.tables import aggregate

            self._tables = aggregate(self)
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

    ``check`` checks each model (a module-level function, so worker processes can receive it:
    :func:`lm_excel.usecases.check_findings`). ``themes`` is a theme file (.csv/.json), a
    sequence of :class:`Theme`, or None for the built-in dictionary. ``jobs`` worker processes
    read the workbooks (default: the number of CPUs; 1 reads in this process). ``exclude`` lists
    files to leave out (e.g. the summary being written). ``progress`` is called after each
    workbook.
    """
    from lm_excel.portfolio.themes import default_domains_path

    start = time.perf_counter()
    theme_list, source = _themes(themes)
    domain_list = load_themes(default_domains_path())
    paths, skipped = find_workbooks(folder, exclude)
    root = Path(folder)
    jobs = (os.cpu_count() or 1) if jobs is None else jobs
    if jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, not {jobs}")
    # shown names are text: bytes that are not UTF-8 become U+FFFD (the file itself is read as is)
    tasks = [(str(p), os.fsencode(p.relative_to(root).as_posix()).decode("utf-8", "replace"))
             for p in paths]
    results: list[Result] = []

    def done(result: Result) -> None:
        results.append(result)
        if progress is not None:
            progress(len(results), len(tasks), result.path, isinstance(result, WorkbookSummary))

    init = (theme_list, domain_list, check)
    if min(jobs, len(tasks)) <= 1:
        _init_worker(*init)
        for path, rel in tasks:
            done(_task(path, rel))
    else:
        _run_pool(tasks, min(jobs, len(tasks)), init, done)
    return Portfolio(
        folder=root.resolve().name or str(root),
        summaries=sorted((r for r in results if isinstance(r, WorkbookSummary)), key=lambda s: s.path),
        failed=sorted((r for r in results if isinstance(r, FailedWorkbook)), key=lambda f: f.path),
        skipped=skipped,
        themes=theme_list,
        domains=domain_list,
        themes_source=source,
        seconds=time.perf_counter() - start,
    )


def _themes(themes: str | os.PathLike[str] | Sequence[Theme] | None) -> tuple[tuple[Theme, ...], str]:
    """The theme dictionary to use, and how the summary names where it came from."""
    if themes is None:
        return load_themes(), "built-in theme dictionary"
    if isinstance(themes, (str, os.PathLike)):
        return load_themes(themes), Path(themes).name
    return tuple(themes), "themes given by the caller"


# --- worker processes ---------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(themes: tuple[Theme, ...], domains: tuple[Theme, ...], check: CheckFunc) -> None:
    _WORKER["themes"] = ThemeMatcher(themes)
    _WORKER["domains"] = ThemeMatcher(domains)
    _WORKER["check"] = check


def _task(path: str, rel: str) -> Result:
    """Summarise one workbook in a worker (set up by :func:`_init_worker`)."""
    return try_summarise(path, rel, _WORKER["themes"], _WORKER["domains"], _WORKER["check"])


def _run_pool(
    tasks: list[tuple[str, str]],
    jobs: int,
    init: tuple[tuple[Theme, ...], tuple[Theme, ...], CheckFunc],
    done: Callable[[Result], None],
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
                    rel, one_line(f"{Path(path).name}: could not be read ({type(exc).__name__}: {exc})"),
                    "WorkerError",
                ))
    except BaseException:
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown(wait=True)
