"""``lm-excel new``: write a blank or example workbook."""

from __future__ import annotations

import argparse
from pathlib import Path

from lm_excel.commands import OUTPUT_POLICY, add_force_option
from lm_excel.errors import UsageError

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
    p = sub.add_parser("new", help=HELP, description=DESCRIPTION, epilog=OUTPUT_POLICY,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", type=Path, help="the workbook to write (.xlsx, or .xlsm for one with buttons)")
    p.add_argument("--example", action="store_true", help="fill it with the worked example")
    add_force_option(p)
    p.set_defaults(handler=run)


def new_workbook(path: Path, *, example: bool = False, force: bool = False) -> Path:
    """Write a blank or example workbook to ``path`` (refusing to replace a file unless forced)."""
    from lm_excel.workbook.builder import build_workbook
    from lm_excel.example import example_records
    from lm_excel.fileio import claim_output

    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm"):
        raise UsageError(f"'{path.name}': give a file name ending in .xlsx (or .xlsm for one with buttons)")
    path = claim_output(path, force=force).path
    records = example_records() if example else None
    if suffix == ".xlsm":
        from lm_excel.workbook.buttons import build_macro_workbook

        return build_macro_workbook(path, records)
    return build_workbook(path, records)


def run(args: argparse.Namespace) -> int:
    out = new_workbook(args.path, example=args.example, force=args.force)
    print(out)
    return 0
