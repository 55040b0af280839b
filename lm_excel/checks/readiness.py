"""Evaluation readiness: checks of the measures plan against the model (only when a plan is given).

The plan is a :class:`lm_excel.measures.plan.Plan` (built from the model, or read from the
*Measures plan* sheet). Each row gives the ID it measures (``ref``), the measure chosen
(``measure_key``, or the ``measure`` typed when it is not in the library), the baseline and the
licence ('free', 'registration', 'licensed' or 'paid'; text after the first word, such as
'Licensed: fee per use', is allowed); a row read from the sheet also knows its cells, so
findings point at the plan itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import layout as L
from ..findings import Finding, make, register
from ..model import CellRef
from .base import Context, rule

if TYPE_CHECKING:  # pragma: no cover
    from ..measures.plan import Plan, PlanRow


C = "readiness"
PRIMARY_UNMEASURED = register(
    "primary-unmeasured", category=C, severity="warning",
    title="Primary outcome without a measure",
    description="An outcome marked Primary (one the evaluation must measure) has no measure in "
    "the measures plan.",
    message="Primary outcome {id} ({ref}) has no measure in the measures plan.",
    fix="Choose a measure for {id} on the 'Measures plan' sheet (rebuild it with 'Build "
    "measures plan'), or mark the outcome Secondary if it will not be measured.",
)
NO_BASELINE = register(
    "no-baseline", category=C, severity="warning",
    title="Measure without a baseline",
    description="A measure in the plan has no baseline timepoint, so change cannot be shown.",
    message="The measure {measure} for {id} has no baseline timepoint ({ref}).",
    fix="Plan a baseline (before support starts, or the year before the change) for {measure} "
    "in {ref}.",
)
LICENSED_MEASURE = register(
    "licensed-measure", category=C, severity="info",
    title="Measure that needs a licence or payment",
    description="A measure in the plan is licensed or paid for: budget for it and check the "
    "terms before the evaluation starts.",
    message="The measure {measure} for {id} is {licence} ({ref}).",
    fix="Check the licence terms and cost of {measure} with its publisher, or choose a free "
    "measure of the same outcome.",
)


def _where(row: PlanRow, key: str, fallback: CellRef) -> CellRef:
    return row.cell(key) or row.cell("ref") or fallback


@rule(PRIMARY_UNMEASURED, NO_BASELINE, LICENSED_MEASURE, needs_plan=True)
def plan_rows(ctx: Context) -> Iterator[Finding]:
    """Primary outcomes without a measure; measures without a baseline; licensed measures."""
    plan: Plan = ctx.plan
    measured: set[str] = set()
    for row in plan.rows:
        oid = L.normalise_id(row.ref)
        key = (row.measure_key or row.measure).strip()
        if not oid or not key:
            continue
        measured.add(oid)
        outcome = ctx.by_id.get(oid)
        fallback = outcome.ref() if outcome is not None else CellRef(L.MEASURES_PLAN.name, "")
        name = row.measure.strip() or key
        if not row.baseline.strip():
            yield make(NO_BASELINE, _where(row, "baseline", fallback), oid, measure=name)
        words = re.findall(r"[a-z]+", row.licence.lower())
        licence = words[0] if words else ""
        if licence in ("licensed", "paid"):
            word = "licensed (you need permission and may have to pay)" if licence == "licensed" \
                else "paid for (each use costs money)"
            yield make(LICENSED_MEASURE, _where(row, "licence", fallback), oid, measure=name,
                       licence=word)
    for o in ctx.model.outcomes:
        if ctx.eid(o) and L.norm_label(o.text("priority")) == "primary" and ctx.eid(o) not in measured:
            yield make(PRIMARY_UNMEASURED, o.ref("priority"), ctx.eid(o))
