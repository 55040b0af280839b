"""``lm-excel share``: a macro-free copy of a model for emailing to a partner."""

from __future__ import annotations

import argparse
from pathlib import Path

from lm_excel.commands import OUTPUT_POLICY, add_force_option

HELP = "Write a macro-free .xlsx copy of a model to email to a partner."
DESCRIPTION = """\
Write a macro-free copy (.xlsx) of a logic model to email to a partner: every sheet, dropdown and
piece of guidance is there, a note on the Start sheet says who sent it and to whom to return it,
the model version and date go into the workbook's metadata, and a row is added to the Change log.
Emailed macro-enabled (.xlsm) files have their macros blocked, so partners get the .xlsx.
The model itself is never changed.

example:
  lm-excel share model.xlsm -o "model for health.xlsx" --from "Sam Patel" --to "Health visiting" --return-to sam.patel@example.gov.uk
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("share", help=HELP, description=DESCRIPTION, epilog=OUTPUT_POLICY,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model", type=Path, help="the logic-model workbook (.xlsx or .xlsm)")
    p.add_argument("--from", dest="sender", help="who sends it (default: your user name)")
    p.add_argument("--to", help="who it is for (a person or organisation)")
    p.add_argument("--return-to", help="email or name to return the edited copy to (default: the sender)")
    add_write_options(p, "the copy to write (.xlsx)",
                      "rewrite MODEL itself (an .xlsx) after copying it to MODEL.bak.xlsx")
    p.set_defaults(handler=run)


def add_write_options(p: argparse.ArgumentParser, output_help: str, in_place_help: str) -> None:
    """-o/--output, --by, --force and --in-place: how share and merge write their workbook."""
    p.add_argument("-o", "--output", type=Path, help=output_help)
    p.add_argument("--by", help="name for the Change log (default: your user name)")
    add_force_option(p, "the output")
    p.add_argument("--in-place", action="store_true", help=in_place_help)


def print_written(path: Path, backup: Path | None, *lines: str) -> None:
    """The backup (when written in place), any lines, then the path written."""
    if backup:
        print(f"backup: {backup}")
    for line in lines:
        print(line)
    print(path)


def run(args: argparse.Namespace) -> int:
    from lm_excel.usecases import share_workbook

    res = share_workbook(args.model, args.output, sender=args.sender, to=args.to,
                     return_to=args.return_to, by=args.by, force=args.force, in_place=args.in_place)
    print_written(res.path, res.backup, f"note on Start: {res.note}", *res.kept_out)
    return 0
