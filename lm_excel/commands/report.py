"""``lm-excel report``: write the Word report (and optionally the diagram) for a workbook."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "Write a formatted, accessible Word report of a logic-model workbook."
DESCRIPTION = """\
Write a Word report of a logic-model workbook: title page, contents, summary, context, the logic
model at a glance (a table and a diagram), how it works, assumptions, potential negative
consequences, and, when available, the quality check and the evaluation-measures plan. The
workbook is only read. By default the report goes next to the workbook, named after it with the
intervention's version and today's date; a report that is open in Word is never overwritten
(a new name is chosen and printed).

example:
  lm-excel report "Family Connect logic model.xlsx"
  lm-excel report model.xlsx -o report.docx --diagram-out diagram.svg
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help=HELP, description=DESCRIPTION,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", type=Path, help="the logic-model workbook (.xlsx or .xlsm)")
    p.add_argument("-o", "--output", type=Path, default=None,
                   help="the report to write (.docx); default: next to the workbook")
    p.add_argument("--diagram-out", type=Path, default=None, metavar="FILE",
                   help="also save the diagram as FILE (.png or .svg)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from lm_excel.usecases import make_report

    result = make_report(args.path, args.output, args.diagram_out)
    if result.renamed:
        print(f"'{result.requested.name}' is open in another program, so the report was written "
              f"under a new name:")
    print(result.path)
    if result.diagram is not None:
        print(result.diagram)
    return 0
