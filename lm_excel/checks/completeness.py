"""Completeness: required answers given, and the model has every part a logic model needs."""

from __future__ import annotations

from collections.abc import Iterator

from .. import layout as L
from ..findings import Finding, make, register
from ..model import CellRef, a1
from .base import Context, rule

C = "completeness"
EMPTY_REQUIRED = register(
    "empty-required", category=C, severity="error",
    title="Required answer left empty",
    description="A row has an ID but a column the template marks as required (such as the "
    "statement itself, or an outcome's timescale) is empty.",
    message="{id} on '{sheet}' has no '{column}' ({ref}).",
    fix="Fill in {ref}: {help}",
)
INTERVENTION_INCOMPLETE = register(
    "intervention-incomplete", category=C, severity="error",
    title="Intervention description incomplete",
    description="One of the Intervention sheet's required lines (organisation, name, what, who, "
    "why) is empty.",
    message="The '{label}' line of the Intervention sheet is empty ({ref}).",
    fix="Fill in {ref}: {help}",
)
NO_ELEMENTS = register(
    "no-elements", category=C, severity="error",
    title="No components, mechanisms or outcomes",
    description="A logic model needs at least one component (what is done), one mechanism (how "
    "it brings change) and one outcome (the change).",
    message="There are no {plural} on the '{sheet}' sheet; a logic model needs at least one.",
    fix="Add at least one row to '{sheet}', starting in {cell}: {intro}",
)
NO_TIMESCALE = register(
    "no-timescale-outcome", category=C, severity="error",
    title="No short-term or no long-term outcome",
    description="The outcomes should run from short-term changes (within months) to long-term "
    "ones (years); one end of the chain is missing.",
    message="None of the outcomes is {timescale}; a logic model should show both the first "
    "changes and the lasting ones.",
    fix="Add a {timescale} outcome (choose '{choice}' in the Timescale column), or correct the "
    "timescale of an existing outcome.",
)
NOT_CONSIDERED = register(
    "not-considered", category=C, severity="warning",
    title="No negative consequences or no assumptions",
    description="Every logic model should say what could go wrong and what must hold true for "
    "it to work; the sheet for one of these is empty.",
    message="The '{sheet}' sheet is empty: {why}",
    fix="Add at least one row to '{sheet}', starting in {cell}.",
)


INVALID_CHOICE = register(
    "invalid-choice", category=C, severity="warning",
    title="Answer not in the dropdown list",
    description="A column with a dropdown list (e.g. Timescale, Confidence) holds a value that is "
    "not one of the list's answers, so lm-excel cannot use it (Excel lets you type past the list "
    "after a warning).",
    message="{id}'s '{column}' ({ref}) is '{value}', which is not one of the list's answers.",
    fix="Pick one of {options} from the dropdown in {ref}.",
)


@rule(EMPTY_REQUIRED, INVALID_CHOICE)
def required_fields(ctx: Context) -> Iterator[Finding]:
    """Each row's required columns (layout ``required``) are filled in, and dropdown columns hold
    one of their list's answers."""
    allowed = {name: {L.norm_label(v) for v in values} for name, values in L.LISTS.items()}
    for el in ctx.model.all_elements():
        eid = ctx.eid(el)
        if not eid:
            continue  # reported as missing-id
        for col in el.sheet.columns:
            f = el.fields.get(col.key)
            if f is None:
                continue  # the column is missing: reported as missing-column
            if col.required and col.kind != "id" and f.empty:
                yield make(EMPTY_REQUIRED, f.ref, eid, column=col.header, help=col.help)
            elif col.choices and not f.empty and L.norm_label(f.text) not in allowed[col.choices]:
                options = ", ".join(col.options[:-1]) + " or " + col.options[-1]
                yield make(INVALID_CHOICE, f.ref, eid, column=col.header, value=f.text[:60],
                           options=options)


@rule(INTERVENTION_INCOMPLETE)
def intervention(ctx: Context) -> Iterator[Finding]:
    """The intervention's organisation, name, what, who and why are given."""
    iv = ctx.model.intervention
    for fld in L.INTERVENTION.fields:
        if not fld.required:
            continue
        ref = iv.ref(fld.key)
        if ref is None:
            continue  # the label is missing: reported as missing-field
        if not iv.text(fld.key):
            yield make(INTERVENTION_INCOMPLETE, ref, label=fld.header, help=fld.help)


def _first_row_cell(sheet: L.ListSheet) -> CellRef:
    return CellRef(sheet.name, a1(L.HEADER_ROW + 1, 1))


@rule(NO_ELEMENTS, NO_TIMESCALE, NOT_CONSIDERED)
def parts(ctx: Context) -> Iterator[Finding]:
    """At least one component, mechanism and outcome; a short- and a long-term outcome; at least
    one negative consequence and one assumption."""
    m = ctx.model
    for sheet in (L.COMPONENTS, L.MECHANISMS, L.OUTCOMES):
        if not m.elements[sheet.key] and ctx.readable(sheet.key):
            yield make(NO_ELEMENTS, _first_row_cell(sheet), plural=sheet.name.lower(),
                       intro=sheet.intro)
    if m.outcomes and "timescale" in m.outcomes[0].fields:
        scales = {L.norm_label(o.text("timescale")) for o in m.outcomes}
        for choice in ("Short term", "Long term"):
            if L.norm_label(choice) not in scales:
                yield make(NO_TIMESCALE, m.outcomes[0].ref("timescale"), timescale=choice.lower(),
                           choice=choice)
    why = {
        "negatives": "think about what could go wrong, for whom, and how you would notice.",
        "assumptions": "write down what must be true for the intervention to work, and how "
        "sure you are.",
    }
    for sheet in (L.NEGATIVES, L.ASSUMPTIONS):
        if not m.elements[sheet.key] and ctx.readable(sheet.key):
            yield make(NOT_CONSIDERED, _first_row_cell(sheet), why=why[sheet.key])
