"""``lm-excel plan``: build the evaluation-measures plan of a logic-model workbook."""

from __future__ import annotations

import argparse
from pathlib import Path

from lm_excel.commands import OUTPUT_POLICY, add_force_option

HELP = "Build the measures plan: suggested measures for each outcome, kept edits, a design."
DESCRIPTION = """\
Build the evaluation-measures plan of a logic-model workbook and write it into the workbook's
Measures plan sheet: for each outcome (primary first) a suggested measure with alternatives,
who completes it, the data source, baseline and follow-up timepoints and the licence; process
measures for outputs; monitoring for negative consequences; tests for assumptions not
rated Strong; and a recommended evaluation design. Measures on the My measures sheet take part.

Run it again after editing the plan: every cell you changed in the Measure, Baseline,
Follow-up, Responsible, Target, Status and Notes columns is kept, rows you added are kept, and
rows whose outcome has gone are kept and flagged, never dropped.

The workbook you give is not changed: the result goes to a new file (default: NAME-plan.xlsx
beside it), unless you add --in-place, which first saves a backup copy (NAME.bak.xlsx).

example:
  lm-excel plan my-model.xlsx
  lm-excel plan my-model.xlsx -o my-model-with-plan.xlsx --csv plan.csv
  lm-excel plan my-model-with-plan.xlsx --in-place
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plan", help=HELP, description=DESCRIPTION, epilog=OUTPUT_POLICY,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", type=Path, help="the logic-model workbook (.xlsx or .xlsm)")
    p.add_argument("-o", "--output", type=Path, metavar="OUT",
                   help="the workbook to write (default: NAME-plan.xlsx beside PATH)")
    p.add_argument("--in-place", action="store_true",
                   help="update PATH itself, after saving a backup copy")
    p.add_argument("--csv", type=Path, metavar="CSV", help="also export the plan as CSV")
    add_force_option(p, "OUT or CSV")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from lm_excel.usecases import build_plan

    result = build_plan(args.path, args.output, in_place=args.in_place, csv=args.csv,
                        force=args.force)
    print(result.plan.summary())
    for note in result.plan.notes:
        if note.code != "edit-kept":
            print(f"- {note}")
    for line in result.kept_out:
        print(line)
    for path in result.written:
        print(path)
    return 0
