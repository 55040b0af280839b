"""``lm-excel new``: write a blank or example workbook."""

from __future__ import annotations

import argparse
from pathlib import Path

from lm_excel.commands import OUTPUT_POLICY, add_force_option

HELP = "Write a new logic-model workbook (blank, or the worked example)."
DESCRIPTION = """\
Write a new logic-model workbook: blank, ready to fill in, or with --example the worked example
of a fictional council's hybrid family-support model. A name ending in .xlsm gives the
macro-enabled workbook with Check / Build measures plan / Create Word report buttons on its
Start sheet (they need Python with lm-excel on the computer: see lm-excel excel-setup);
a name ending in .xlsx gives the macro-free workbook, which works everywhere. With --lite the
.xlsx gets the same three buttons run by the free xlwings Lite add-in inside Excel: nothing to
install on the computer and no macros (see docs/getting-started.md).

example:
  lm-excel new "Family Connect logic model.xlsx"
  lm-excel new example.xlsx --example
  lm-excel new "Family Connect logic model.xlsm"
  lm-excel new "Family Connect logic model.xlsx" --lite
  lm-excel new model.xlsx --lite --requirement "https://intranet.example.gov.uk/wheels/lm_excel-0.1.0-py3-none-any.whl"
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help=HELP, description=DESCRIPTION, epilog=OUTPUT_POLICY,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", type=Path, help="the workbook to write (.xlsx, or .xlsm for one with buttons)")
    p.add_argument("--example", action="store_true", help="fill it with the worked example")
    add_force_option(p)
    p.add_argument("--lite", action="store_true",
                   help="an .xlsx with buttons run by the xlwings Lite add-in (no Python to install)")
    p.add_argument("--requirement", metavar="SPEC",
                   help="with --lite: how the add-in installs lm-excel (a pip requirement or a "
                   "wheel URL; default lm-excel==<this version>)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from lm_excel.usecases import new_workbook

    out = new_workbook(args.path, example=args.example, force=args.force, lite=args.lite,
                       requirement=args.requirement)
    print(out)
    return 0
