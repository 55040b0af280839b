"""``lm-excel new``: write a blank or example workbook."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "Write a new logic-model workbook (blank, or the worked example)."
DESCRIPTION = """\
Write a new logic-model workbook: blank, ready to fill in, or with --example the worked example
of a fictional council's hybrid family-support model. A name ending in .xlsm gives the
macro-enabled workbook with Check / Build measures plan / Create Word report buttons on its
Start sheet (they need Python with lm-excel on the computer: see lm-excel excel-setup);
a name ending in .xlsx gives the macro-free workbook, which works everywhere.

example:
  lm-excel new "Family Connect logic model.xlsx"
  lm-excel new example.xlsx --example
  lm-excel new "Family Connect logic model.xlsm"
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help=HELP, description=DESCRIPTION,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", type=Path, help="the workbook to write (.xlsx, or .xlsm for one with buttons)")
    p.add_argument("--example", action="store_true", help="fill it with the worked example")
    p.add_argument("--force", action="store_true", help="replace the file if it already exists")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from lm_excel.usecases import new_workbook

    out = new_workbook(args.path, example=args.example, force=args.force)
    print(out)
    return 0
