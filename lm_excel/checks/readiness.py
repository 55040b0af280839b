"""Evaluation readiness: checks of the measures plan against the model (only when a plan is given).

The plan is any object with ``rows``, each row giving (as attributes or mapping keys):

- ``outcome_id`` (or ``element_id``, or ``ref`` when that is text): the ID of the outcome (or
  other element) it measures;
- ``measure_key`` (or ``key``): the measure, '' when none is chosen yet;
- ``baseline``: the baseline timepoint, '' when none is planned;
- ``licence``: 'free', 'registration', 'licensed' or 'paid' (text after the first word, such as
  'Licensed: fee per use', is allowed);
- optionally ``measure_name`` (or ``name``) for messages, and ``ref`` (a
  :class:`~lm_excel.model.CellRef`, the row's cell on the Measures plan sheet) or ``refs`` (column
  key -> CellRef) so findings point at the plan's cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol

from .. import layout as L
from ..findings import Finding, make, register
from ..model import CellRef
from .base import Context, rule


class PlanRow(Protocol):
    outcome_id: str
    measure_key: str
    baseline: str
    licence: str


class Plan(Protocol):
    rows: Sequence[PlanRow]


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


def _get(row: Any, *names: str, default: Any = "") -> Any:
    for name in names:
        if isinstance(row, Mapping) and name in row:
            return row[name]
        if hasattr(row, name):
            return getattr(row, name)
    return default


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _element_id(row: Any) -> str:
    for name in ("outcome_id", "element_id", "ref"):
        value = _get(row, name, default=None)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _where(row: Any, key: str, fallback: CellRef) -> CellRef:
    refs = _get(row, "refs", default=None)
    if isinstance(refs, Mapping) and isinstance(refs.get(key), CellRef):
        return refs[key]
    ref = _get(row, "ref", default=None)
    return ref if isinstance(ref, CellRef) else fallback


@rule(PRIMARY_UNMEASURED, NO_BASELINE, LICENSED_MEASURE, needs_plan=True)
def plan_rows(ctx: Context) -> Iterator[Finding]:
    """Primary outcomes without a measure; measures without a baseline; licensed measures."""
    rows = list(_get(ctx.plan, "rows", default=()) or ())
    measured: set[str] = set()
    for row in rows:
        oid = L.normalise_id(_element_id(row))
        key = _text(_get(row, "measure_key", "key"))
        if not oid or not key:
            continue
        measured.add(oid)
        outcome = ctx.by_id.get(oid)
        fallback = outcome.ref() if outcome is not None else CellRef(L.MEASURES_PLAN.name, "")
        name = _text(_get(row, "measure_name", "name")) or key
        if not _text(_get(row, "baseline")):
            yield make(NO_BASELINE, _where(row, "baseline", fallback), oid, measure=name)
        words = re.findall(r"[a-z]+", _text(_get(row, "licence", "license")).lower())
        licence = words[0] if words else ""
        if licence in ("licensed", "paid"):
            word = "licensed (you need permission and may have to pay)" if licence == "licensed" \
                else "paid for (each use costs money)"
            yield make(LICENSED_MEASURE, _where(row, "licence", fallback), oid, measure=name,
                       licence=word)
    for o in ctx.model.outcomes:
        if ctx.eid(o) and L.norm_label(o.text("priority")) == "primary" and ctx.eid(o) not in measured:
            yield make(PRIMARY_UNMEASURED, o.ref("priority"), ctx.eid(o))
