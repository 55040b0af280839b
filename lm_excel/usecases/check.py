"""Check: read a workbook, check its logic model (with its measures plan), write the results."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lm_excel.errors import UsageError
from lm_excel.findings import Report
from lm_excel.model import LogicModel
from lm_excel.usecases.source import WorkbookSource, file_of, read_model

if TYPE_CHECKING:  # pragma: no cover
    from lm_excel.measures.plan import Plan
    from lm_excel.workbook.sheetwriter import SheetWriter


@dataclass(frozen=True)
class CheckResult:
    """What a check found, and what it wrote."""

    report: Report
    model: LogicModel
    plan: Plan | None  # the measures plan the readiness rules checked, if the workbook has one
    output: Path | None = None  # the workbook file written, if any
    backup: Path | None = None  # the backup of the input, when written in place
    kept_out: tuple[str, ...] = ()  # one line per part of the input the written copy could not keep


def check_model(model: LogicModel) -> tuple[Report, Plan | None]:
    """Check a logic model, and the measures plan its workbook holds.

    The one rule for which plan a check uses, for every face: the plan saved on the workbook's
    *Measures plan* sheet, as the user left it, whenever that sheet holds a plan table; none
    otherwise (then the evaluation-readiness rules are skipped). The plan is never rebuilt for
    a check: the check judges what the user will use.
    """
    from lm_excel.checks import validate
    from lm_excel.workbook.plan_sheet import saved_plan

    plan = saved_plan(model)
    return validate(model, plan), plan


def check_findings(model: LogicModel) -> Report:
    """The findings of :func:`check_model` alone (what the portfolio counts per workbook)."""
    return check_model(model)[0]


def check_workbook(
    source: WorkbookSource,
    *,
    write: bool = False,
    out: str | os.PathLike[str] | None = None,
    in_place: bool = False,
    highlight: bool = True,
    writer: SheetWriter | None = None,
    force: bool = False,
) -> CheckResult:
    """Check a workbook; optionally write the results on its Validation sheet.

    ``writer``: write into this sheet writer (a workbook open in Excel). ``write``/``out``/
    ``in_place``: write a checked copy of the workbook file (default name
    '<name>-checked.xlsx' beside it), or the file itself after a backup, under the output
    policy (``force`` replaces an existing copy). The input file is only read unless
    ``in_place`` is given.
    """
    model = read_model(source)
    report, plan = check_model(model)
    if writer is not None:
        from lm_excel.workbook.validation_sheet import write_validation

        write_validation(writer, report, highlight=highlight)
    if not (write or in_place or out is not None):
        return CheckResult(report, model, plan)
    path = file_of(source)
    if path is None:
        raise UsageError("a checked copy can only be written for a workbook file")
    from lm_excel.workbook.validation_sheet import write_checked

    written = write_checked(path, model, report, out=out, in_place=in_place, highlight=highlight,
                            force=force)
    return CheckResult(report, model, plan, written.path, written.backup, written.kept_out)
