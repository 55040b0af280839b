"""The Diagram sheet: is the picture of the model the model as it is now?"""

from __future__ import annotations

from lm_excel import layout as L
from lm_excel.findings import Finding, make, register
from lm_excel.model import CellRef, drawing_fingerprint

from .base import Context, rule

DIAGRAM_OUT_OF_DATE = register(
    "diagram-out-of-date", category="structure", severity="info",
    title="Diagram out of date",
    description="The picture on the Diagram sheet was drawn before the latest changes to the "
    "elements or links, so it no longer shows the model as it is.",
    message="The diagram on the Diagram sheet was drawn on {drawn} and the model has changed since.",
    fix="Press Build measures plan or Create Word report, or run lm-excel diagram, to draw it again.",
)


@rule(DIAGRAM_OUT_OF_DATE)
def diagram_current(ctx: Context) -> list[Finding]:
    """A diagram has been drawn (its fingerprint is in the metadata) and no longer matches."""
    stored = ctx.model.meta.get(L.META_DIAGRAM_FINGERPRINT, "")
    if not stored or stored == drawing_fingerprint(ctx.model):
        return []
    drawn = ctx.model.meta.get(L.META_DIAGRAM_DRAWN, "") or "an earlier date"
    return [make(DIAGRAM_OUT_OF_DATE, CellRef(L.DIAGRAM.name, "A1"), drawn=drawn)]
