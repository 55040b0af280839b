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
                     progress: ProgressCallback | None = None,
                     force: bool = False) -> PortfolioResult:
    """Read every workbook under ``folder`` in parallel, each checked as ``lm-excel check``
    checks it, and write the summary workbook ``output`` (and the Word synthesis ``report``).

    The outputs follow the output policy (``force`` replaces existing ones); the summary is
    never written inside ``folder``, where it would be one of the workbooks read."""
    from lm_excel.portfolio.collect import collect_portfolio
    from lm_excel.portfolio.summary_workbook import write_summary
    from lm_excel.usecases.check import check_findings

    theme_file = themes if isinstance(themes, (str, os.PathLike)) else None
    output, report = _claim_outputs(Path(folder), Path(output), report, theme_file, force)
    portfolio = collect_portfolio(
        folder, check=check_findings, themes=themes, jobs=jobs, progress=progress,
    )
    if not portfolio.found:
        raise UsageError(f"no .xlsx or .xlsm workbooks found in '{folder}' or its subfolders")
    summary = write_summary(portfolio, output)
    written = None
    if report is not None:
        from lm_excel.portfolio.report import write_report

        written = write_report(portfolio, report)
    return PortfolioResult(portfolio, summary, written)


def _claim_outputs(folder: Path, output: Path, report: str | os.PathLike[str] | None,
                   themes: str | os.PathLike[str] | None, force: bool) -> tuple[Path, Path | None]:
    """The summary and report paths under the output policy; never a file the run reads.

    A summary inside ``folder`` would be one of the workbooks read (now or on the next run), so
    it is refused; so is the theme file.
    """
    from lm_excel.errors import OutputError
    from lm_excel.fileio import claim_output, distinct_outputs

    if output.suffix.lower() != ".xlsx":
        raise UsageError(f"'{output.name}': give a summary file name ending in .xlsx")
    if report is not None and Path(report).suffix.lower() != ".docx":
        raise UsageError(f"'{Path(report).name}': give a report file name ending in .docx")
    if Path(os.path.realpath(folder)) in Path(os.path.realpath(output)).parents:
        raise OutputError(f"is inside the folder '{folder.name or folder}' being read, so it would "
                          "be read as one of its workbooks; write the summary outside that folder",
                          output)
    inputs = [themes] if themes is not None else []
    summary = claim_output(output, inputs=inputs, force=force)
    synthesis = None if report is None else claim_output(report, inputs=inputs, force=force)
    distinct_outputs(summary, synthesis)
    return summary.path, None if synthesis is None else synthesis.path
