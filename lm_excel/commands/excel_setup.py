"""``lm-excel excel-setup``: check (and set up) what the Excel buttons need on this computer."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..commands import OUTPUT_POLICY, add_force_option
from ..errors import UsageError

HELP = "Check what the Excel buttons need here; write their xlwings.conf on request."
DESCRIPTION = """\
Check what the buttons of a macro-enabled logic-model workbook (.xlsm) need on this computer and
say what to do about anything missing: the Python interpreter Excel should start (this one), the
xlwings version against the xlwings VBA module inside the workbook, the xlwings.conf settings in
effect, and (on Windows) whether the file is blocked as downloaded from the internet. With
--write-config, write an xlwings.conf beside the workbook that points Excel at this Python
(an existing one is updated only with --force: its other settings are kept, after a backup copy).
Exit code 0 when nothing needs fixing, 1 when something does, 2 when the workbook cannot be read
or the file cannot be written.

example:
  lm-excel excel-setup
  lm-excel excel-setup "Family Connect logic model.xlsm"
  lm-excel excel-setup "Family Connect logic model.xlsm" --write-config
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("excel-setup", help=HELP, description=DESCRIPTION, epilog=OUTPUT_POLICY,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("workbook", nargs="?", type=Path, help="the macro-enabled workbook (.xlsm) to check")
    p.add_argument("--write-config", action="store_true",
                   help="write xlwings.conf beside the workbook, pointing Excel at this Python")
    add_force_option(p, "an xlwings.conf")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..excel_setup import FIX, check, write_config

    if args.write_config:
        if args.workbook is None:
            raise UsageError("--write-config needs the workbook: lm-excel excel-setup WORKBOOK --write-config")
        written = write_config(args.workbook, args.force)
        if written is None:
            print(f"{args.workbook.with_name('xlwings.conf')} already points Excel at this Python")
        else:
            if written.backup is not None:
                print(f"backup: {written.backup}")
            print(f"wrote {written.path}")
    items = check(args.workbook)
    for item in items:
        print(item.line())
    problems = sum(item.status == FIX for item in items)
    print(f"{problems} thing(s) to fix" if problems else "nothing to fix: the buttons have what they need")
    return 1 if problems else 0
