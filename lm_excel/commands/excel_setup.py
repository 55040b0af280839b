"""``lm-excel excel-setup``: check (and set up) what the Excel buttons need on this computer."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import UsageError

HELP = "Check what the Excel buttons need here; write their xlwings.conf on request."
DESCRIPTION = """\
Check what the buttons of a macro-enabled logic-model workbook (.xlsm) need on this computer and
say what to do about anything missing: the Python interpreter Excel should start (this one), the
xlwings version against the xlwings VBA module inside the workbook, the xlwings.conf settings in
effect, and (on Windows) whether the file is blocked as downloaded from the internet. With
--write-config, write an xlwings.conf beside the workbook that points Excel at this Python
(other settings in that file are kept). Exit code 0 when nothing needs fixing, 1 otherwise.

example:
  lm-excel excel-setup
  lm-excel excel-setup "Family Connect logic model.xlsm"
  lm-excel excel-setup "Family Connect logic model.xlsm" --write-config
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("excel-setup", help=HELP, description=DESCRIPTION,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("workbook", nargs="?", type=Path, help="the macro-enabled workbook (.xlsm) to check")
    p.add_argument("--write-config", action="store_true",
                   help="write xlwings.conf beside the workbook, pointing Excel at this Python")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..excel_setup import FIX, check, write_config

    if args.write_config:
        if args.workbook is None:
            raise UsageError("--write-config needs the workbook: lm-excel excel-setup WORKBOOK --write-config")
        written = write_config(args.workbook)
        print(f"wrote {written}")
    items = check(args.workbook)
    for item in items:
        print(item.line())
    problems = sum(item.status == FIX for item in items)
    print(f"{problems} thing(s) to fix" if problems else "nothing to fix: the buttons have what they need")
    return 1 if problems else 0
