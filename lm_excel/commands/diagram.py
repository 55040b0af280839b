"""``lm-excel diagram``: draw the logic-model diagram onto the workbook's Diagram sheet."""

from __future__ import annotations

import argparse
from pathlib import Path

from lm_excel.commands import OUTPUT_POLICY, add_force_option

HELP = "Draw the logic-model diagram onto the workbook's Diagram sheet."
DESCRIPTION = """\
Draw the logic model at a glance (boxes in columns from inputs to long-term outcomes, arrows for
the links typed in the workbook) onto the workbook's Diagram sheet, with a caption saying when and
from which version it was drawn. Everything else in the workbook is kept as it was. A workbook
without a Diagram sheet gets one, after Start.

The workbook you give is not changed: the result goes to a new file (default: NAME-diagram.xlsx
beside it), unless you add --in-place, which first saves a backup copy (NAME.bak.xlsx).
'lm-excel check' says when the diagram is out of date; Build measures plan redraws it too.

example:
  lm-excel diagram my-model.xlsx
  lm-excel diagram my-model.xlsx --in-place
  lm-excel diagram my-model.xlsx -o my-model-drawn.xlsx
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("diagram", help=HELP, description=DESCRIPTION, epilog=OUTPUT_POLICY,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", type=Path, help="the logic-model workbook (.xlsx or .xlsm)")
    p.add_argument("-o", "--output", type=Path, metavar="OUT",
                   help="the workbook to write (default: NAME-diagram.xlsx beside PATH)")
    p.add_argument("--in-place", action="store_true",
                   help="update PATH itself, after saving a backup copy")
    add_force_option(p, "OUT")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from lm_excel.usecases import draw_diagram

    result = draw_diagram(args.path, args.output, in_place=args.in_place, force=args.force)
    for path in result.written:
        print(path)
    return 0
