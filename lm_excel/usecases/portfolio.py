"""Portfolio: every logic-model workbook in a folder, summarised in one workbook (and report)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lm_excel.errors import UsageError

if TYPE_CHECKING:  # pragma: no cover
    from lm_excel.portfolio.collect import Portfolio, ProgressCallback
    from lm_excel.portfolio.themes import Theme


@dataclass(frozen=True)
class PortfolioResult:
    """What was read, and the summary workbook (and Word report) written."""

    portfolio: Portfolio
    summary: Path
    report: Path | None = None


def summarise_folder(folder: str | os.PathLike[str], output: str | os.PathLike[str], *,
                     report: str | os.PathLike[str] | None = None,
                     themes: str | os.PathLike[str] | Sequence[Theme] | None = None,
                     jobs: int | None = None,
                     progress: ProgressCallback | None = None) -> PortfolioResult:
    """Read every workbook under ``folder`` in parallel, each checked as ``lm-excel check``
    checks it, and write the summary workbook ``output`` (and the Word synthesis ``report``)."""
    from lm_excel.portfolio.collect import collect_portfolio
    from lm_excel.portfolio.summary_workbook import write_summary
    from lm_excel.usecases.check import check_findings

    output = Path(output)
    if output.suffix.lower() != ".xlsx":
        raise UsageError(f"'{output.name}': give a summary file name ending in .xlsx")
    if report is not None and Path(report).suffix.lower() != ".docx":
        raise UsageError(f"'{Path(report).name}': give a report file name ending in .docx")
    portfolio = collect_portfolio(
        folder, check=check_findings, themes=themes, jobs=jobs, progress=progress,
        exclude=[p for p in (output, report) if p is not None],
    )
    if not portfolio.found:
        raise UsageError(f"no .xlsx or .xlsm workbooks found in '{folder}' or its subfolders")
    summary = write_summary(portfolio, output)
    written = None
    if report is not None:
        from lm_excel.portfolio.report import write_report

        written = write_report(portfolio, report)
    return PortfolioResult(portfolio, summary, written)
