"""``lm-excel portfolio``: many logic-model workbooks into one cross-site summary."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from lm_excel.commands import OUTPUT_POLICY, add_force_option
from lm_excel.errors import UsageError

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


#: Reasons for skipping a file that need no attention (other formats, lock and hidden files);
#: every other skipped entry (links, pipes, unreadable folders, odd names) is printed too.
_USUAL_SKIPS = ("an Excel lock file", "a LibreOffice lock file", "a hidden file", "not an .xlsx",
                "a CSV file", "a legacy", "an OpenDocument", "an Excel Binary")


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
    """The progress of the run on a terminal (stderr), one line redrawn in place (tqdm)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.bar: Any = None
        self.failed = 0

    def __call__(self, done: int, total: int, path: str, ok: bool) -> None:
        import shutil

        from tqdm import tqdm

        if self.bar is None:
            # A terminal of unknown size says 0 x 0, and tqdm would then draw nothing.
            size = shutil.get_terminal_size()
            self.bar = tqdm(total=total, file=self.stream, ascii=" #", ncols=size.columns or 80,
                            nrows=size.lines or 24,
                            bar_format="[{bar:30}] {n_fmt}/{total_fmt} workbooks{postfix} ({elapsed})")
        if not ok:
            self.failed += 1
            self.bar.set_postfix_str(f"{self.failed} could not be read", refresh=False)
        self.bar.update(done - self.bar.n)
        if done == total:
            self.bar.close()


def save_themes(target: Path, force: bool = False) -> Path:
    """Copy the built-in theme dictionary to ``target`` (under the output policy)."""
    from lm_excel.fileio import claim_output
    from lm_excel.portfolio.themes import default_themes_path, load_themes

    if target.suffix.lower() != ".csv":
        raise UsageError(f"'{target.name}': give a file name ending in .csv")
    out = claim_output(target, force=force)
    data = default_themes_path().read_bytes()
    return out.write(lambda tmp: tmp.write_bytes(data), lambda tmp: load_themes(tmp) and None).path


def run(args: argparse.Namespace) -> int:
    from lm_excel.usecases import summarise_folder

    if args.save_themes:
        print(save_themes(args.save_themes, args.force))
        return 0
    if args.folder is None or args.output is None:
        raise UsageError("give the folder of workbooks and -o SUMMARY.xlsx (see lm-excel portfolio --help)")
    show_bar = not args.no_progress and sys.stderr.isatty()
    result = summarise_folder(args.folder, args.output, report=args.report, themes=args.themes,
                              jobs=args.jobs, force=args.force,
                              progress=ProgressBar(sys.stderr) if show_bar else None)
    portfolio = result.portfolio
    print(
        f"Read {len(portfolio.summaries)} of {portfolio.found} workbooks in {portfolio.seconds:.1f} s"
        + (f"; {len(portfolio.skipped)} other file{'s' if len(portfolio.skipped) != 1 else ''} skipped" if portfolio.skipped else "")
        + "."
    )
    odd = [s for s in portfolio.skipped if not s.reason.startswith(_USUAL_SKIPS)]
    if odd:
        print(f"{len(odd)} to look at (listed in the summary, sheet 'Skipped files'):")
        for s in odd:
            print(f"  {s.path}: {s.reason}")
    if portfolio.failed:
        print(f"{len(portfolio.failed)} could not be read (listed in the summary, sheet 'Could not read'):")
        for f in portfolio.failed:
            print(f"  {f.error}" if os.path.basename(f.path) == f.path else f"  {f.path}: {f.error}")
    print(result.summary)
    if result.report is not None:
        print(result.report)
    return 0 if portfolio.summaries else 1
