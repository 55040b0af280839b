"""``lm-excel report``: write the Word report (and optionally the diagram) for a workbook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lm_excel.commands import OUTPUT_POLICY, add_force_option

HELP = "Write a formatted, accessible Word report of a logic-model workbook."
DESCRIPTION = """\
Write a Word report of a logic-model workbook for a board or funder: title page, contents, a
readiness summary (from the quality check), summary, context, the logic model at a glance (a
table and a diagram), how it works, assumptions, potential negative consequences and the
evaluation plan (from the workbook's measures plan). The
workbook is only read. By default the report goes next to the workbook, named after it with the
intervention's version and today's date.

example:
  lm-excel report "Family Connect logic model.xlsx"
  lm-excel report model.xlsx -o report.docx --diagram-out diagram.svg
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help=HELP, description=DESCRIPTION, epilog=OUTPUT_POLICY,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", type=Path, help="the logic-model workbook (.xlsx or .xlsm)")
    p.add_argument("-o", "--output", type=Path, default=None,
                   help="the report to write (.docx); default: next to the workbook")
    p.add_argument("--diagram-out", type=Path, default=None, metavar="FILE",
                   help="also save the diagram as FILE (.png or .svg)")
    p.add_argument("--no-page-numbers", action="store_true",
                   help="do not lay the report out with LibreOffice to put page numbers in its "
                        "contents (faster; Word adds them when it opens the file)")
    p.add_argument("--with-check-detail", action="store_true",
                   help="add an appendix listing every finding of the check with its cell "
                        "(for the model's authors; the board sees the readiness summary)")
    add_force_option(p, "the report or diagram")
    p.add_argument("--update-workbook", action="store_true",
                   help="also redraw the workbook's Diagram sheet when it is out of date (after "
                        "saving a backup copy, NAME.bak.xlsx)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from lm_excel.usecases import make_report

    result = make_report(args.path, args.output, args.diagram_out,
                         with_check_detail=args.with_check_detail,
                         page_numbers=not args.no_page_numbers, force=args.force,
                         update_workbook=args.update_workbook)
    print(result.path)
    if result.diagram is not None:
        print(result.diagram)
    if result.note:
        print(f"lm-excel: note: {result.note}", file=sys.stderr)
    return 0
