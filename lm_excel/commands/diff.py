"""``lm-excel diff``: compare two copies of a model."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "Compare two copies of a model, element by element and field by field."
DESCRIPTION = """\
Compare two logic-model workbooks (.xlsx or .xlsm, any layout version this lm-excel reads):
elements added, removed and changed (by ID, field by field, with old and new values), link
changes, Intervention fields and measures-plan rows. Exit code 0 when they are the same, 1 when
they differ, 2 on an error.

example:
  lm-excel diff "model v1.xlsx" "model from health.xlsx"
  lm-excel diff a.xlsm b.xlsx --json > changes.json
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("diff", help=HELP, description=DESCRIPTION,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("a", type=Path, help="the earlier (or your) copy")
    p.add_argument("b", type=Path, help="the later (or their) copy")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from lm_excel.exchange.snapshot import to_json
    from lm_excel.usecases import diff_workbooks

    d = diff_workbooks(args.a, args.b)
    print(to_json(d.to_json()) if args.json else d.text())
    return 0 if d.empty else 1
