"""``lm-excel portfolio``: many logic-model workbooks into one cross-site summary."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TextIO

from lm_excel.commands import OUTPUT_POLICY, add_force_option
from lm_excel.errors import OutputError, UsageError

HELP = "Summarise every logic-model workbook in a folder: one workbook (and report) across sites."
DESCRIPTION = """\
Read every logic-model workbook (.xlsx/.xlsm) in FOLDER and its subfolders, in parallel, and
write one summary workbook: a row per workbook (organisation, intervention, phase, counts,
check status, delivery modes, measures chosen), every outcome, component, mechanism and
negative consequence with its source, how often each measure and outcome domain occurs, and
the themes found across sites with the text that matched. Workbooks that cannot be read are
listed with the reason; other files are skipped with a note. --report also writes a Word
synthesis report with charts. --themes uses your own theme dictionary (.csv or .json; see
docs/portfolio.md; start from a copy of the built-in one with --save-themes).

example:
  lm-excel portfolio returns/ -o portfolio-summary.xlsx
  lm-excel portfolio returns/ -o summary.xlsx --report synthesis.docx --themes my-themes.csv
  lm-excel portfolio returns/ -o summary.xlsx --jobs 2
  lm-excel portfolio --save-themes my-themes.csv
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("portfolio", help=HELP, description=DESCRIPTION, epilog=OUTPUT_POLICY,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("folder", type=Path, nargs="?", help="folder holding the workbooks (searched recursively)")
    p.add_argument("-o", "--output", type=Path, help="the summary workbook to write (.xlsx)")
    p.add_argument("--report", type=Path, metavar="DOCX", help="also write a Word synthesis report (.docx)")
    p.add_argument("--themes", type=Path, metavar="FILE", help="theme dictionary to use (.csv or .json)")
    p.add_argument("--jobs", type=int, metavar="N", default=None,
                   help="worker processes (default: the number of CPUs; 1 reads in one process)")
    p.add_argument("--save-themes", type=Path, metavar="FILE",
                   help="write the built-in theme dictionary to FILE (.csv) to edit, and stop")
    p.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    add_force_option(p, "the summary, report or theme file")
    p.set_defaults(handler=run)


class ProgressBar:
    """A one-line progress bar redrawn in place on a terminal (stderr)."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.start = time.perf_counter()
        self.failed = 0

    def __call__(self, done: int, total: int, path: str, ok: bool) -> None:
        if not ok:
            self.failed += 1
        filled = int(self.width * done / max(total, 1))
        bar = "#" * filled + "-" * (self.width - filled)
        extra = f", {self.failed} could not be read" if self.failed else ""
        elapsed = time.perf_counter() - self.start
        self.stream.write(f"\r[{bar}] {done}/{total} workbooks{extra} ({elapsed:.0f} s) ")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


def save_themes(target: Path, force: bool = False) -> Path:
    """Copy the built-in theme dictionary to ``target`` (under the output policy)."""
    from lm_excel.fileio import claim_output
    from lm_excel.portfolio.themes import default_themes_path, load_themes

    if target.suffix.lower() != ".csv":
        raise UsageError(f"'{target.name}': give a file name ending in .csv")
    out = claim_output(target, force=force)
    data = default_themes_path().read_bytes()
    return out.write(lambda tmp: tmp.write_bytes(data), lambda tmp: load_themes(tmp) and None).path


def claim_portfolio_outputs(folder: Path, output: Path, report: Path | None, themes: Path | None,
                            force: bool) -> tuple[Path, Path | None]:
    """The summary and report paths under the output policy; never a file the run reads.

    A summary inside FOLDER would be one of the workbooks read (now or on the next run), so it
    is refused; so is the theme file.
    """
    from lm_excel.fileio import claim_output, distinct_outputs

    if output.suffix.lower() != ".xlsx":
        raise UsageError(f"'{output.name}': give a summary file name ending in .xlsx")
    if report is not None and report.suffix.lower() != ".docx":
        raise UsageError(f"'{report.name}': give a report file name ending in .docx")
    real_folder = Path(os.path.realpath(folder))
    if real_folder in Path(os.path.realpath(output)).parents:
        raise OutputError(f"is inside the folder '{folder.name or folder}' being read, so it would "
                          "be read as one of its workbooks; write the summary outside that folder",
                          output)
    inputs = [themes] if themes is not None else []
    summary = claim_output(output, inputs=inputs, force=force)
    synthesis = None if report is None else claim_output(report, inputs=inputs, force=force)
    distinct_outputs(summary, synthesis)
    return summary.path, None if synthesis is None else synthesis.path


def run(args: argparse.Namespace) -> int:
    from lm_excel.portfolio.collect import collect_portfolio, write_summary

    if args.save_themes:
        print(save_themes(args.save_themes, args.force))
        return 0
    if args.folder is None or args.output is None:
        raise UsageError("give the folder of workbooks and -o SUMMARY.xlsx (see lm-excel portfolio --help)")
    output, report = claim_portfolio_outputs(args.folder, args.output, args.report, args.themes,
                                             args.force)
    show_bar = not args.no_progress and sys.stderr.isatty()
    portfolio = collect_portfolio(
        args.folder,
        themes=args.themes,
        jobs=args.jobs,
        progress=ProgressBar(sys.stderr) if show_bar else None,
    )
    if not portfolio.found:
        raise UsageError(f"no .xlsx or .xlsm workbooks found in '{args.folder}' or its subfolders")
    print(
        f"Read {len(portfolio.summaries)} of {portfolio.found} workbooks in {portfolio.seconds:.1f} s"
        + (f"; {len(portfolio.skipped)} other file{'s' if len(portfolio.skipped) != 1 else ''} skipped" if portfolio.skipped else "")
        + "."
    )
    if portfolio.failed:
        print(f"{len(portfolio.failed)} could not be read (listed in the summary, sheet 'Could not read'):")
        for f in portfolio.failed:
            print(f"  {f.error}" if os.path.basename(f.path) == f.path else f"  {f.path}: {f.error}")
    print(write_summary(portfolio, output))
    if report is not None:
        from lm_excel.portfolio.report import write_report

        print(write_report(portfolio, report))
    return 0 if portfolio.summaries else 1
