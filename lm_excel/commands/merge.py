"""``lm-excel merge``: merge partners' copies of a model, losing nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

from lm_excel.commands import OUTPUT_POLICY
from lm_excel.commands.share import add_write_options, print_written
from lm_excel.errors import UsageError

HELP = "Merge two edited copies of a model (three-way with the copy you sent)."
DESCRIPTION = """\
Merge two edited copies of a logic model. With three files (BASE MINE THEIRS), BASE is the copy
you sent out: a change made on one side only is applied; when both sides changed one field
differently, the cell keeps MINE's value and the Conflicts sheet lists BASE, MINE and THEIRS with a
link to the cell; a row deleted on one side and changed on the other is kept and listed. Elements
both sides added under the same ID are both kept, THEIRS' renumbered (reported). With two files
(MINE THEIRS) there is no base: the result is the union and every difference is listed. The
merge is added to the Change log. The output is a copy of MINE with only the merged cells
written: MINE's formatting, comments, other sheets, names, charts and macros stay as they were. A
partner's own column beside a table is carried; a sheet renamed by the partner is recognised by
its table; a missing sheet or column, a partner's comments, own sheets and edits to the
recommended design are listed (here and on the Conflicts sheet), never applied as deletions. The
output is written to a new file (or --in-place over MINE, after a backup, holding a lock so two
merges into one master run one after the other), checked, and only then put in place.

example:
  lm-excel merge sent.xlsx mine.xlsx "back from health.xlsx" -o merged.xlsx
  lm-excel merge mine.xlsx theirs.xlsx -o union.xlsx
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("merge", help=HELP, description=DESCRIPTION, epilog=OUTPUT_POLICY,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", type=Path, nargs="+", metavar="FILE", help="[BASE] MINE THEIRS")
    add_write_options(p, "the merged workbook to write (.xlsx, or .xlsm when MINE is one)",
                      "write over MINE after copying it to MINE.bak.xlsx")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from lm_excel.usecases import merge_workbooks

    if len(args.files) not in (2, 3):
        raise UsageError("give BASE MINE THEIRS (three-way) or MINE THEIRS (no base)")
    base, mine, theirs = ([None, *args.files] if len(args.files) == 2 else args.files)
    res = merge_workbooks(base, mine, theirs, args.output, by=args.by, force=args.force,
                      in_place=args.in_place)
    lines = [res.result.report()]
    lines += [f"  CARRIED from THEIRS: {line}" for line in res.carried]
    for c in res.conflicts[len(res.result.conflicts):]:
        lines.append(f"  NOTE {c.sheet} {c.field}: {c.what}" + (f" ({c.id})" if c.id else ""))
    if res.conflicts:
        lines.append(f"{len(res.conflicts)} row(s) on the Conflicts sheet of {res.path.name}")
    print_written(res.path, res.backup, *lines)
    return 0
