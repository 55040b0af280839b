"""``lm-excel report``: write the Word report (and optionally the diagram) for a workbook."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lm_excel.commands import OUTPUT_POLICY, add_force_option
from lm_excel.errors import UsageError

HELP = "Write a formatted, accessible Word report of a logic-model workbook."
DESCRIPTION = """\
Write a Word report of a logic-model workbook: title page, contents, summary, context, the logic
model at a glance (a table and a diagram), how it works, assumptions, potential negative
consequences, and, when available, the quality check and the evaluation-measures plan. The
workbook is only read. By default the report goes next to the workbook, named after it with the
intervention's version and today's date.

example:
  lm-excel report "Family Connect logic model.xlsx"
  lm-excel report model.xlsx -o report.docx --diagram-out diagram.svg
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help=HELP, description=DESCRIPTION, epilog=OUTPUT_POLICY,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", type=Path, help="the logic-model workbook (.xlsx or .xlsm)")
    p.add_argument("-o", "--output", type=Path, default=None,
                   help="the report to write (.docx); default: next to the workbook")
    p.add_argument("--diagram-out", type=Path, default=None, metavar="FILE",
                   help="also save the diagram as FILE (.png or .svg)")
    add_force_option(p, "the report or diagram")
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


def make_report(path: Path, output: Path | None = None, diagram_out: Path | None = None,
                *, force: bool = False):  # type: ignore[no-untyped-def]
    """Read ``path`` and write its report; returns the ``ReportResult``."""
    from lm_excel.fileio import claim_output, distinct_outputs
    from lm_excel.report.document import default_report_path, write_report
    from lm_excel.workbook.reader import read_workbook

    if diagram_out is not None and diagram_out.suffix.lower() not in (".png", ".svg"):
        raise UsageError(f"'{diagram_out.name}': the diagram file name must end in .png or .svg")
    if output is not None and output.suffix.lower() != ".docx":
        raise UsageError(f"'{output.name}': the report file name must end in .docx")
    claimed = None if output is None else claim_output(output, inputs=[path], force=force)
    diagram = None if diagram_out is None else claim_output(diagram_out, inputs=[path], force=force)
    distinct_outputs(claimed, diagram)
    model = read_workbook(path)
    findings, plan = _findings_and_plan(model)
    if claimed is None:  # the default name depends on the model's version
        claimed = claim_output(default_report_path(model, path.parent, path.stem), inputs=[path],
                               force=force)
    return write_report(claimed.path, model, findings, plan,
                        None if diagram is None else diagram.path, protect=[path])


def run(args: argparse.Namespace) -> int:
    result = make_report(args.path, args.output, args.diagram_out, force=args.force)
    print(result.path)
    if result.diagram is not None:
        print(result.diagram)
    return 0
