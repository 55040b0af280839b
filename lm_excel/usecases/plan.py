"""Plan: build the evaluation-measures plan of a workbook, keeping the user's edits, and write it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lm_excel.errors import UsageError
from lm_excel.model import LogicModel
from lm_excel.usecases.source import WorkbookSource, read_model

if TYPE_CHECKING:  # pragma: no cover
    from lm_excel.measures.plan import Plan


@dataclass(frozen=True)
class PlanResult:
    """The plan built, the model it was built from, and the files written (backup first)."""

    plan: Plan
    model: LogicModel
    written: tuple[Path, ...] = field(default=())
    kept_out: tuple[str, ...] = ()  # one line per part of the input the written copy could not keep


def plan_of(model: LogicModel) -> Plan:
    """The plan of a model, keeping every edit the user made to the plan its workbook holds."""
    from lm_excel.measures.plan import make_plan
    from lm_excel.workbook.plan_sheet import saved_plan

    return make_plan(model, saved_plan(model))


def build_plan(source: WorkbookSource, output: Path | None = None, *, in_place: bool = False,
               csv: Path | None = None, force: bool = False) -> PlanResult:
    """Build the measures plan of a workbook (keeping the user's edits to the plan it holds).

    For a workbook file, also write it: into a copy (``output``, default NAME-plan.xlsx beside
    it) or, with ``in_place``, into the file itself after a backup; ``csv`` also exports it. For
    grids or a model, nothing is written: the caller lays the plan out
    (:func:`lm_excel.workbook.plan_sheet.plan_grid`).
    """
    if isinstance(source, (str, os.PathLike)):
        return _plan_file(Path(source), output, in_place=in_place, csv=csv, force=force)
    model = read_model(source)
    return PlanResult(plan_of(model), model)


def _plan_file(path: Path, output: Path | None, *, in_place: bool, csv: Path | None,
               force: bool) -> PlanResult:
    from lm_excel.fileio import claim_output, distinct_outputs
    from lm_excel.workbook.plan_sheet import write_plan, write_plan_csv

    if in_place and output is not None:
        raise UsageError("give either -o OUT or --in-place, not both")
    requested = path if in_place else output or path.with_name(f"{path.stem}-plan{path.suffix}")
    target = claim_output(requested, inputs=[path], force=force, in_place=in_place)
    csv_out = None if csv is None else claim_output(csv, inputs=[path], force=force)
    distinct_outputs(target, csv_out)
    model = read_model(path)
    plan = plan_of(model)
    saved = write_plan(path, plan, target)  # in place: after a backup (``saved.backup``)
    written = [saved.backup] if saved.backup else []
    written.append(saved.path)
    if csv_out is not None:
        written.append(write_plan_csv(plan, csv_out.path))
    from lm_excel.usecases.diagram import diagram_state, redraw

    if not diagram_state(model).current:  # the Diagram sheet kept current with the model
        redraw(saved.path, model)
    return PlanResult(plan, model, tuple(written), saved.kept_out)
