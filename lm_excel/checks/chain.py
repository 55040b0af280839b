"""Logic chain: components lead somewhere, outcomes are brought about, long-term outcomes can be
reached from what is done, through the links typed in the workbook."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from .. import layout as L
from ..findings import Finding, make, register
from .base import Context, rule

C = "chain"
COMPONENT_NOWHERE = register(
    "component-leads-nowhere", category=C, severity="warning",
    title="Component that leads nowhere",
    description="No mechanism is triggered by this component and no output comes from it, so "
    "the model does not say what it achieves.",
    message="Nothing links to component {id} ({ref}): no mechanism lists it in 'Triggered by' "
    "and no output lists it in 'From components'.",
    fix="Add {id} to the 'Triggered by' column of the mechanism it sets in motion (Mechanisms "
    "sheet) or to 'From components' of what it produces (Outputs sheet); or remove it if it is "
    "not part of the intervention.",
)
OUTCOME_NO_CONTRIBUTOR = register(
    "outcome-no-contributor", category=C, severity="warning",
    title="Outcome that nothing leads to",
    description="No mechanism 'leads to' this outcome and no other outcome 'contributes to' it, "
    "so the model does not say how it comes about.",
    message="Nothing leads to outcome {id} ({ref}): no mechanism lists it in 'Leads to' and no "
    "outcome lists it in 'Contributes to'.",
    fix="Add {id} to 'Leads to' of the mechanism that brings it about (Mechanisms sheet) or to "
    "'Contributes to' of a shorter-term outcome (Outcomes sheet).",
)
LONG_TERM_UNREACHABLE = register(
    "long-term-unreachable", category=C, severity="warning",
    title="Long-term outcome not reached from any component",
    description="Following the links from components (component -> mechanism -> outcome -> "
    "longer-term outcome) never reaches this long-term outcome.",
    message="Long-term outcome {id} ({ref}) cannot be reached from any component by following "
    "'Triggered by', 'Leads to' and 'Contributes to'.",
    fix="Link the outcomes that lead to {id} back to a mechanism triggered by a component, or "
    "add the missing mechanism.",
)
MECHANISM_NO_TRIGGER = register(
    "mechanism-no-trigger", category=C, severity="warning",
    title="Mechanism not triggered by any component",
    description="The mechanism's 'Triggered by' column is empty, so the model does not say "
    "which activity sets it in motion.",
    message="Mechanism {id} does not say which component triggers it ({ref} is empty).",
    fix="Type the IDs of the components that set it in motion in {ref}, e.g. C1, C2.",
)
MECHANISM_NOWHERE = register(
    "mechanism-leads-nowhere", category=C, severity="warning",
    title="Mechanism that leads to no outcome",
    description="The mechanism's 'Leads to' column is empty, so the model does not say which "
    "change it brings about.",
    message="Mechanism {id} does not say which outcome it leads to ({ref} is empty).",
    fix="Type the IDs of the outcomes it brings about in {ref}, e.g. OC1.",
)
OUTPUT_NO_COMPONENT = register(
    "output-no-component", category=C, severity="warning",
    title="Output not tied to a component",
    description="The output's 'From components' column is empty, so the model does not say "
    "which activity produces it.",
    message="Output {id} does not say which component produces it ({ref} is empty).",
    fix="Type the IDs of the components that produce it in {ref}, e.g. C1.",
)
INPUT_UNUSED = register(
    "input-unused", category=C, severity="warning",
    title="Input never used",
    description="No component lists this input in its 'Inputs used' column.",
    message="No component uses input {id} ({ref}).",
    fix="Add {id} to the 'Inputs used' column of the components that need it, or remove it if "
    "the intervention does not need it.",
)


def _typed(el, key: str) -> bool:
    """Whether anything is typed in a link column (bad IDs are reported by the reference rule)."""
    return key not in el.fields or not el.fields[key].empty


@rule(COMPONENT_NOWHERE, INPUT_UNUSED)
def orphans(ctx: Context) -> Iterator[Finding]:
    """Components nothing follows from, and inputs no component uses."""
    triggered = ctx.linked("triggered_by")
    produced = ctx.linked("from_components")
    if ctx.readable("mechanisms", "triggered_by") and ctx.readable("outputs", "from_components"):
        for c in ctx.model.components:
            if ctx.eid(c) and ctx.eid(c) not in triggered and ctx.eid(c) not in produced:
                yield make(COMPONENT_NOWHERE, c.ref(), ctx.eid(c))
    if not ctx.readable("components", "inputs_used"):
        return  # reported as a structure problem
    used = ctx.linked("inputs_used")
    for i in ctx.model.inputs:
        if ctx.eid(i) and ctx.eid(i) not in used:
            yield make(INPUT_UNUSED, i.ref(), ctx.eid(i))


@rule(MECHANISM_NO_TRIGGER, MECHANISM_NOWHERE, OUTPUT_NO_COMPONENT)
def empty_links(ctx: Context) -> Iterator[Finding]:
    """Mechanisms without a trigger or an outcome, outputs without a component."""
    for m in ctx.model.mechanisms:
        if not ctx.eid(m):
            continue
        if not _typed(m, "triggered_by"):
            yield make(MECHANISM_NO_TRIGGER, m.ref("triggered_by"), ctx.eid(m))
        if not _typed(m, "leads_to"):
            yield make(MECHANISM_NOWHERE, m.ref("leads_to"), ctx.eid(m))
    for o in ctx.model.outputs:
        if ctx.eid(o) and not _typed(o, "from_components"):
            yield make(OUTPUT_NO_COMPONENT, o.ref("from_components"), ctx.eid(o))


@rule(OUTCOME_NO_CONTRIBUTOR, LONG_TERM_UNREACHABLE)
def reach(ctx: Context) -> Iterator[Finding]:
    """Outcomes nothing leads to; long-term outcomes no chain from a component reaches."""
    if not (ctx.readable("mechanisms", "leads_to") and ctx.readable("outcomes", "contributes_to")):
        return  # reported as a structure problem
    leads = ctx.linked("leads_to")
    contributes = ctx.linked("contributes_to")
    orphaned: set[str] = set()
    for o in ctx.model.outcomes:
        if ctx.eid(o) and ctx.eid(o) not in leads and ctx.eid(o) not in contributes:
            orphaned.add(ctx.eid(o))
            yield make(OUTCOME_NO_CONTRIBUTOR, o.ref(), ctx.eid(o))
    if not (ctx.readable("components") and ctx.readable("mechanisms", "triggered_by")
            and ctx.readable("outcomes", "timescale")):
        return
    # Breadth-first from every component: component -> mechanisms it triggers -> outcomes they
    # lead to -> outcomes those contribute to ...
    triggers = ctx.linked("triggered_by")  # component ID -> mechanisms
    reached: set[str] = set()
    queue: deque = deque()
    for c in ctx.model.components:
        for m in triggers.get(ctx.eid(c), ()) if ctx.eid(c) else ():
            for o in ctx.targets(m, "leads_to"):
                if o.kind == "outcomes" and ctx.eid(o) not in reached:
                    reached.add(ctx.eid(o))
                    queue.append(o)
    while queue:
        o = queue.popleft()
        for nxt in ctx.targets(o, "contributes_to"):
            if nxt.kind == "outcomes" and ctx.eid(nxt) not in reached:
                reached.add(ctx.eid(nxt))
                queue.append(nxt)
    for o in ctx.model.outcomes:
        if (ctx.eid(o) and ctx.eid(o) not in reached and ctx.eid(o) not in orphaned
                and L.norm_label(o.text("timescale")) == "long term"):
            yield make(LONG_TERM_UNREACHABLE, o.ref(), ctx.eid(o))
