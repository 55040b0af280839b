"""Whole-model verdicts: the problems an evaluator names first, said once.

A model whose rows are not linked into a chain from what is done to what changes is a set of
lists, not a logic model; saying so once ("no causal chain") is more use than a warning on every
row. These verdict rules run after the others and group the per-row findings they explain under
one headline (each detail still points at its own cell). The check's summary line and the
Validation sheet lead with the headlines.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .. import layout as L
from ..findings import Finding, make, register
from .base import Context, rule
from .chain import (
    COMPONENT_NOWHERE,
    INPUT_UNUSED,
    MECHANISM_NO_TRIGGER,
    MECHANISM_NOWHERE,
    NO_ACCOUNT,
    OUTCOME_NO_CONTRIBUTOR,
    OUTCOME_UNREACHABLE,
    OUTPUT_NO_COMPONENT,
    chain_of,
)
from .completeness import NO_ELEMENTS
from .wording import ASSUMPTION_UNTESTED, NEGATIVE_UNMANAGED

C = "model"
NO_CHAIN = register(
    "no-causal-chain", category=C, severity="error",
    title="No causal chain",
    description="No component is linked, through a mechanism, to any outcome: the model lists "
    "what is done and what should change but never says which leads to which (or has no "
    "mechanisms at all). An evaluation "
    "cannot test a theory the model does not state, so this is an error. The rows that need "
    "links are listed under it, once each.",
    message="No component is linked through a mechanism to any outcome: the {components} "
    "components, {mechanisms} mechanisms and {outcomes} outcomes are separate lists, not a "
    "logic model, so it cannot be evaluated as it stands.",
    fix="On the Mechanisms sheet, give each mechanism the components that trigger it "
    "('Triggered by') and the outcomes it leads to ('Leads to'); on Outcomes, link each outcome "
    "to the longer-term outcomes it contributes to. The {count} rows to link are listed below.",
)
MOSTLY_UNLINKED = register(
    "mostly-unlinked", category=C, severity="error",
    title="Most of the model is not linked",
    description="More than half of the components, mechanisms and outcomes are on no chain from "
    "a component to an outcome. The linked part can be evaluated; most of the model cannot, "
    "so this is an error. The rows concerned are listed under it.",
    message="{unlinked} of the {total} components, mechanisms and outcomes are not on any chain "
    "from a component to an outcome ({which}), so most of the model cannot be evaluated as it "
    "stands.",
    fix="Link the rows listed below: each mechanism to the components that trigger it and the "
    "outcomes it leads to, each outcome to the longer-term outcomes it contributes to.",
)
UNREACHABLE = register(
    "outcomes-unreachable", category=C, severity="warning",
    title="Outcomes not reached from any component",
    description="Several outcomes cannot be reached by following the links from any component, "
    "so the model does not say how the intervention brings them about. A warning, or an error "
    "when a Primary outcome is among them (the evaluation would measure an outcome the model "
    "does not explain). Each outcome is listed under it, with any mechanism they hang from that "
    "no component triggers (one missing trigger, said once).",
    message="{count} outcomes cannot be reached from any component: {which}.",
    fix="For each outcome listed below, link it to a mechanism triggered by a component, or to "
    "a shorter-term outcome that is reached.",
)

#: Per-row findings that a missing chain explains.
CHAIN_DETAILS = frozenset({COMPONENT_NOWHERE, INPUT_UNUSED, MECHANISM_NO_TRIGGER, MECHANISM_NOWHERE,
                           OUTCOME_NO_CONTRIBUTOR, OUTCOME_UNREACHABLE, OUTPUT_NO_COMPONENT})


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


@rule(NO_CHAIN, MOSTLY_UNLINKED, verdict=True)
def chain_verdict(ctx: Context, findings: Sequence[Finding]) -> Iterator[Finding]:
    """No chain from any component to any outcome; or most rows on no such chain."""
    chain = chain_of(ctx)
    m = ctx.model
    if chain is None or not (m.components and m.outcomes):
        return  # a structure or no-elements finding says so
    details = [f for f in findings if f.code in CHAIN_DETAILS
               or (f.code == NO_ELEMENTS and f.sheet == L.MECHANISMS.name)]
    if not chain.reached:
        yield make(NO_CHAIN, None, components=len(m.components), mechanisms=len(m.mechanisms),
                   outcomes=len(m.outcomes), count=len(details)).with_details(details)
        return
    unlinked = [e for e in chain.chainable if ctx.eid(e) not in chain.linked]
    if 2 * len(unlinked) > len(chain.chainable):
        by_kind = {k: sum(1 for e in unlinked if e.kind == k) for k in ("components", "mechanisms", "outcomes")}
        which = ", ".join(_count(n, k[:-1]) for k, n in by_kind.items() if n)
        yield make(MOSTLY_UNLINKED, None, unlinked=len(unlinked), total=len(chain.chainable),
                   which=which).with_details(details)


@rule(UNREACHABLE, verdict=True)
def reach_verdict(ctx: Context, findings: Sequence[Finding]) -> Iterator[Finding]:
    """Two or more outcomes no component reaches, said once (one alone is its own finding)."""
    details = [f for f in findings if f.code in (OUTCOME_NO_CONTRIBUTOR, OUTCOME_UNREACHABLE)]
    if len(details) < 2:
        return
    # a mechanism with no trigger that these outcomes hang from is the same problem: said once
    behind = _mechanisms_behind(ctx, {f.element_id for f in details})
    details += [f for f in findings if f.code == MECHANISM_NO_TRIGGER and f.element_id in behind]
    primary = {ctx.eid(o) for o in ctx.model.outcomes if o.text("priority").strip().lower() == "primary"}
    outcomes = [f for f in details if f.code != MECHANISM_NO_TRIGGER]
    which = ", ".join(f.element_id + (" (primary)" if f.element_id in primary else "") for f in outcomes)
    severity = "error" if any(f.element_id in primary for f in outcomes) else None
    yield make(UNREACHABLE, None, severity=severity, count=len(outcomes), which=which).with_details(details)


def _mechanisms_behind(ctx: Context, outcome_ids: set[str]) -> set[str]:
    """IDs of the mechanisms that lead to these outcomes, directly or through the outcomes that
    contribute to them."""
    leads, contributes = ctx.linked("leads_to"), ctx.linked("contributes_to")
    seen, stack, found = set(outcome_ids), list(outcome_ids), set()
    while stack:
        eid = stack.pop()
        found.update(ctx.eid(m) for m in leads.get(eid, ()) if m.kind == "mechanisms")
        for o in contributes.get(eid, ()):
            if o.kind == "outcomes" and ctx.eid(o) not in seen:
                seen.add(ctx.eid(o))
                stack.append(ctx.eid(o))
    return found


# --- the same gap on many rows of a sheet ----------------------------------------------------------

NONE_MANAGED = register(
    "negatives-unmanaged", category="wording", severity="warning",
    title="Negative consequences without mitigation or monitoring",
    description="Three or more negative consequences do not say how they will be reduced or how "
    "you would notice them, which usually means the sheet was filled in as a list of risks only. "
    "Said once for the sheet, with each row under it.",
    message="{count} negative consequences do not say what will be done to reduce them or how "
    "you would notice them.",
    fix="For each negative consequence listed below, fill in Mitigation (what you do to make it "
    "less likely or less harmful) and How it will be monitored (how you would notice it).",
)
NONE_TESTED = register(
    "assumptions-untested", category="wording", severity="warning",
    title="Assumptions without a test plan",
    description="Three or more assumptions that are only partly evidenced, weak, untested or not "
    "rated have no plan for "
    "testing them, so the evaluation would take them on trust. Said once for the sheet, with "
    "each row under it.",
    message="{count} assumptions not rated Strong do not say how they will be tested.",
    fix="For each assumption listed below, say in 'How it will be tested' what evidence you will "
    "gather to check it, e.g. a question in a family survey or an audit of cases.",
)
NONE_EXPLAINED = register(
    "mechanisms-unexplained", category="wording", severity="warning",
    title="Mechanisms that do not say how change happens",
    description="Three or more mechanisms name an approach, describe delivery or restate a "
    "change instead of saying how and why the activity brings the change about, which usually "
    "means the sheet was filled in with labels ('Whole family approach', 'Peer support'). Said "
    "once for the sheet, with each row under it.",
    message="{count} mechanisms name what is done or what changes but do not say how or why the "
    "change comes about.",
    fix="For each mechanism listed below, say what shifts in people or services and so what "
    "follows, e.g. 'Parents trust a consistent worker, so they ask for help earlier'.",
)
#: A sheet-wide gap is said once when at least this many rows share it.
SHEET_WIDE_MIN = 3


@rule(NONE_MANAGED, NONE_TESTED, NONE_EXPLAINED, verdict=True)
def sheet_wide(ctx: Context, findings: Sequence[Finding]) -> Iterator[Finding]:
    """The same gap on three or more rows of the negatives, assumptions or mechanisms sheet, said
    once with the rows under it."""
    for code, group in ((NEGATIVE_UNMANAGED, NONE_MANAGED), (ASSUMPTION_UNTESTED, NONE_TESTED),
                        (NO_ACCOUNT, NONE_EXPLAINED)):
        details = [f for f in findings if f.code == code]
        if len(details) >= SHEET_WIDE_MIN:
            first = details[0]
            yield make(group, (first.sheet, first.cell), count=len(details)).with_details(details)
