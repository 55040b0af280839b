"""``lm-excel report``: write the Word report (and optionally the diagram) for a workbook."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lm_excel.errors import UsageError

HELP = "Write a formatted, accessible Word report of a logic-model workbook."
DESCRIPTION = """\
Write a Word report of a logic-model workbook for a board or funder: title page, contents, a
readiness summary (from the quality check), summary, context, the logic model at a glance (a
table and a diagram), how it works, assumptions, potential negative consequences and the
evaluation plan (from the workbook's measures plan). The
workbook is only read. By default the report goes next to the workbook, named after it with the
intervention's version and today's date; a report that is open in Word is never overwritten
(a new name is chosen and printed).

example:
  lm-excel report "Family Connect logic model.xlsx"
  lm-excel report model.xlsx -o report.docx --diagram-out diagram.svg
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help=HELP, description=DESCRIPTION,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", type=Path, help="the logic-model workbook (.xlsx or .xlsm)")
    p.add_argument("-o", "--output", type=Path, default=None,
                   help="the report to write (.docx); default: next to the workbook")
    p.add_argument("--diagram-out", type=Path, default=None, metavar="FILE",
                   help="also save the diagram as FILE (.png or .svg)")
    p.add_argument("--no-page-numbers", action="store_true",
                   help="do not lay the report out with LibreOffice to put page numbers in its "
                        "contents (faster; Word adds them when it opens the file)")
    p.add_argument("--with-check-detail", action="store_true",
                   help="add an appendix listing every finding of the check with its cell "
                        "(for the model's authors; the board sees the readiness summary)")
    p.set_defaults(handler=run)


@dataclass(frozen=True)
class SavedPlan:
    """The measures plan as saved in the workbook (with the user's edits), for the report.

    Read from the Measures plan sheet rather than rebuilt, so the report shows exactly the plan
    the user sees, and needs no pandas.
    """

    rows: list[dict[str, Any]]
    design: tuple[Any, ...]
    library: Any


def saved_plan(model: Any) -> SavedPlan | None:
    """The workbook's measures plan, or None when its Measures plan sheet has no rows."""
    from lm_excel import layout as L
    from lm_excel.measures.library import load_library
    from lm_excel.measures.plan import local_measures, parse_plan_grid, recommend_design

    rows, _ = parse_plan_grid(model.extras.get(L.MEASURES_PLAN.name, ()))
    if not rows:
        return None
    # Every column present (a user may have deleted one), cell references kept for the check.
    rows = [{**{c.key: "" for c in L.PLAN_COLUMNS}, **r} for r in rows]
    local, _ = local_measures(model)
    return SavedPlan(rows, recommend_design(rows), load_library(extra=local))


def _findings_and_plan(model: Any) -> tuple[Any, Any]:
    """The quality check's findings, and the measures plan when the workbook has one."""
    from lm_excel.checks import validate

    plan = saved_plan(model)
    return validate(model, plan), plan


def make_report(path: Path, output: Path | None = None, diagram_out: Path | None = None,  # type: ignore[no-untyped-def]
                with_check_detail: bool = False, page_numbers: bool = True):
    """Read ``path`` and write its report; returns the ``ReportResult``."""
    from lm_excel.workbook.reader import read_workbook
    from lm_excel.report.document import default_report_path, write_report

    if diagram_out is not None and diagram_out.suffix.lower() not in (".png", ".svg"):
        raise UsageError(f"'{diagram_out.name}': the diagram file name must end in .png or .svg")
    model = read_workbook(path)
    findings, plan = _findings_and_plan(model)
    out = output or default_report_path(model, path.parent, path.stem)
    return write_report(out, model, findings, plan, diagram_out, protect=[path],
                        with_check_detail=with_check_detail, page_numbers=page_numbers)


def run(args: argparse.Namespace) -> int:
    result = make_report(args.path, args.output, args.diagram_out, args.with_check_detail,
                         not args.no_page_numbers)
    if result.renamed:
        print(f"'{result.requested.name}' is open in another program, so the report was written "
              f"under a new name:")
    print(result.path)
    if result.diagram is not None:
        print(result.diagram)
    return 0
