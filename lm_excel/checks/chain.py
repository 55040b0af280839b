"""Logic chain: components lead somewhere, outcomes are brought about, long-term outcomes can be
reached from what is done, through the links typed in the workbook."""

from __future__ import annotations

import math
import re
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .. import layout as L
from ..findings import Finding, make, register
from ..model import Element
from .base import Context, rule, short
from .clauses import (
    MADE_INTO,
    a_gerund_of_doing,
    a_named_way,
    a_noun_phrase,
    SERVED_PEOPLE,
    a_procedure,
    describes_delivery,
    names_a_product,
    restated_construct,
    restated_in_other_words,
)
from .questions import falls_by_definition
from .references import loops, runs_backwards, two_way
from .text import (
    ACTORS,
    CONNECTIVE,
    CONSEQUENCE,
    CONSTRUCT_STEMS,
    DECREASE,
    DELIVERY,
    INCREASE,
    causal,
    content,
    delivered_through,
    gives_an_account,
    names_a_quality,
    names_a_quality_at_length,
    meaning,
    names_an_activity,
    overlap,
    says_what_brings,
    service_verbs,
    stem,
    what_changes,
    words,
)
from .wording import PROFESSIONAL_WORDS, PROFESSIONALS, not_a_change, placeholder

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
NO_MECHANISM = register(
    "component-no-mechanism", category=C, severity="warning",
    title="Component with an output but no mechanism",
    description="The component is delivered and counted (an output lists it) but no mechanism "
    "lists it in 'Triggered by', so the model does not say how or why it brings change, and an "
    "evaluation could count it but not test it. Components that enable the others (training, "
    "supervision, recruitment, referral, assessment, screening, oversight) are not reported: they "
    "often legitimately set nothing in motion themselves. Only asked when some component does "
    "trigger a mechanism (a model with no chain is its own finding) and every mechanism has a "
    "trigger (one without is most likely the missing link, and is said so).",
    message="Component {id} ({ref}) is counted ({outputs}) but no mechanism says how it brings "
    "change: '{text}'.",
    fix="Add {id} to 'Triggered by' of the mechanism it sets in motion (Mechanisms sheet), or add "
    "a mechanism that says how and why it changes things for the people it reaches.",
)
OUTCOME_NO_CONTRIBUTOR = register(
    "outcome-no-contributor", category=C, severity="warning",
    title="Outcome that nothing leads to",
    description="No mechanism 'leads to' this outcome and no other outcome 'contributes to' it, "
    "so the model does not say how it comes about. An error when the outcome is Primary: the "
    "evaluation would measure an outcome the model does not explain (as for "
    "outcome-unreachable).",
    message="Nothing leads to outcome {id} ({ref}): no mechanism lists it in 'Leads to' and no "
    "outcome lists it in 'Contributes to'.",
    fix="Add {id} to 'Leads to' of the mechanism that brings it about (Mechanisms sheet) or to "
    "'Contributes to' of a shorter-term outcome (Outcomes sheet).",
)
OUTCOME_UNREACHABLE = register(
    "outcome-unreachable", category=C, severity="warning",
    title="Outcome not reached from any component",
    description="Following the links from components (component -> mechanism -> outcome -> "
    "longer-term outcome) never reaches this outcome, whatever its timescale: something leads "
    "to it, but that chain does not start from anything the intervention does. An error when "
    "the outcome is Primary: the evaluation would measure an outcome the model does not explain.",
    message="Outcome {id} ({ref}) cannot be reached from any component: it is reached only "
    "through {through}, which no component leads to.",
    fix="Link the chain that leads to {id} back to what is done: give {through} a mechanism "
    "triggered by a component (Mechanisms sheet, 'Triggered by' and 'Leads to').",
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
    description="No component lists this input of type Staff or Training in its 'Inputs used' "
    "column, though other inputs are listed there. Inputs of other types are not reported: on new "
    "models an unused partnership, technology or other input was a premise of the whole, never a gap "
    "an evaluator asked about. Nor are staff or training that serve the whole rather than a component "
    "(money, eligibility criteria and pathways, the people the service is for, the policy it sits "
    "within, an evaluation partner, a board or steering group), nor any input when no component "
    "lists any (the column is simply not used).",
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
    if not used:
        return  # no component lists any input: the column is not used, not each input forgotten
    for i in ctx.model.inputs:
        if ctx.eid(i) and ctx.eid(i) not in used and _people_or_training(i) and not _funding(i):
            yield make(INPUT_UNUSED, i.ref(), ctx.eid(i))


def _people_or_training(el: Element) -> bool:
    """Whether an input is people who do the work or training: of type Staff or Training, or, typed
    otherwise, named by a role ('Interpreters for families') or offered as help ('Young people as
    peer mentors'). Only these are asked about when unused: every first-run finding on anything else
    was a false alarm (eight in 23 held-out sets: an evaluation partner, eligible families, a policy
    framework, a needs assessment, a parent carer forum, a programme's settings and its board)."""
    if L.norm_label(el.text("type")) in ("staff", "training"):
        return True
    if L.norm_label(el.text("type")) in ("funding", "premises", "partnership"):
        return False
    head = _HEAD_NOUN.match(el.statement.lower())
    lead = re.split(r"\b(?:for|with|to|in|from|who|at|on|of)\b", el.statement, maxsplit=1)[0]
    return bool(_OFFERED.search(el.statement) or _STAFF_HAVE & {stem(w) for w in words(lead)}
                or (head and _ROLE.search(head.group(1)) and head.group(1) not in _NOT_ROLES))


#: The last word before what qualifies it ('Interpreters' in 'Interpreters for families').
_HEAD_NOUN = re.compile(r"^(?:[\w'-]+\s+){0,2}?([a-z]+)(?=\s+(?:for|with|to|in|from|who|at|on|of)\b|\s*$|\s*\()")


#: Components that enable the others rather than change anything themselves.
_ENABLING = re.compile(
    r"\b(?:train\w*|supervis\w*|recruit\w*|vetting|induction|referr\w*|matching|assess\w*|"
    r"screen\w*|triag(?:e|ing)\s+(?:of|at|by)|governance|steering|board|management|manag(?:er|ers|ing)|"
    r"data|monitoring|evaluation|commission\w*|coordinat\w*|co-ordinat\w*|workforce|"
    r"development\s+of\s+staff|staff\s+development|practice\s+development|reflective|"
    r"quality\s+assurance|audit\w*|identif\w*|eligib\w*|engagement\s+of|promotion|publicity|"
    r"awareness[-\s]raising|"
    # the route in: choosing, booking or enrolling who takes part ('Selection with school staff',
    # 'Offer and booking into a group')
    r"selection|selecting|booking|enrol\w*|intake|allocation|"
    # the route between services ('Step-up and step-down', 'Handover to the adult team'), TUNED ON
    # held out 28
    r"step(?:s|ping|ped)?[\s-]+(?:up|down)|hand-?overs?|hand(?:s|ed|ing)?\s+over)\b", re.IGNORECASE)


@rule(NO_MECHANISM)
def unexplained_components(ctx: Context) -> Iterator[Finding]:
    """Components that an output counts but no mechanism is triggered by (enabling ones aside)."""
    if not (ctx.readable("mechanisms", "triggered_by") and ctx.readable("outputs", "from_components")):
        return
    triggered = ctx.linked("triggered_by")
    if not triggered or any(ctx.eid(m) and not _typed(m, "triggered_by") for m in ctx.model.mechanisms):
        return  # no chain at all (said once by the verdicts), or a mechanism with no trigger, which
        # is most likely the missing link (said as 'mechanism-no-trigger')
    counted = ctx.linked("from_components")
    for c in ctx.model.components:
        cid, text = ctx.eid(c), c.statement
        if cid and text and cid not in triggered and counted.get(cid) and not _ENABLING.search(text):
            outputs = ", ".join(ctx.eid(o) for o in counted[cid])
            yield make(NO_MECHANISM, c.ref(c.sheet.statement), cid, outputs=outputs, text=short(text))


_FUNDING = re.compile(r"\b(?:fund\w*|budget\w*|grants?|money|financ\w*|£)", re.IGNORECASE)
#: What every component rests on without using it: who is eligible and how they come in
#: ('Postcode list of eligible wards', 'Referral criteria', 'Referral pathway from the front door'),
#: and the agreements that let partners share information.
_GROUND = re.compile(r"\b(?:eligib\w*|criteri(?:a|on)|thresholds?|postcodes?|"
                     r"referral\s+(?:pathways?|routes?)|"
                     r"(?:data|information)[\s-]sharing\s+(?:agreements?|protocols?))\b", re.IGNORECASE)


#: Who the service is for ('Hardiker level 2 families in each Trust area', 'Young people aged
#: 10-17 at risk of exclusion'): the people named first, with no 'for' or 'with' before them
#: ('Interpreters for families' is a resource), or a population, cohort or target group.
_PEOPLE = r"(?:families|children|young\s+people|parents|households|pupils|women|mothers|fathers|carers)"
_POPULATION = re.compile(
    r"^(?:(?!(?:for|with|to|of|from|by|and)\b)[\w-]+\s+){0,4}" + _PEOPLE + r"(?![\w'\u2019])"
    r"|\b(?:populations?|cohorts?|hardiker|target\s+groups?)\b", re.IGNORECASE)
#: The policy, legislation and principles every component sits within ('GIRFEC, The Promise,
#: UNCRC', 'Children Act 1989 and statutory guidance', 'Family support principles').
_FRAMEWORK = re.compile(r"\b(?:frameworks?|principles|legislation|legislative|polic(?:y|ies)|"
                        r"acts?\s+(?:19|20)\d\d|statutory|guidance|uncrc|girfec)\b", re.IGNORECASE)
#: What serves the evaluation or oversees the whole rather than any one component ('Northgate
#: Research (evaluation partner)', 'Multi-agency steering group', 'Case recording system'), whatever
#: its type: no component uses it, and evaluators do not ask for it to be linked to one.
_OVERSIGHT = re.compile(
    r"\b(?:evaluat\w*|research\w*|governance|buy-?in|commitment|needs\s+(?:assessments?|analys[ie]s)|"
    r"(?:outcome|impact)\s+measur\w*|(?:performance|data|insight|intelligence)\s+(?:and\s+\w+\s+)?teams?|"
    r"(?:steering|programme|project|oversight|strategic|partnership|advisory|executive|management|"
    r"governance|safeguarding|taskforce|task\s+force)\s+(?:groups?|boards?|committees?)|"
    # the settings where the whole programme runs ('Wave 1 settings (14)', 'Pilot schools')
    r"(?:wave\s+\d+|pilot|pathfinder|participating)\s+(?:settings|schools|sites|nurseries|practices)|"
    # the team that runs the whole programme ('ICB project delivery team'); one post is still a
    # staff input ('Programme manager')
    r"(?:programme|project)\s+(?:delivery\s+|management\s+|support\s+)?(?:teams?|offices?)|"
    r"(?:case\s+(?:recording|management)|recording|records?|data|it|ict|information)\s+systems?|"
    # the voice of the people served, which shapes the whole offer
    r"forums?|(?:youth|in\s+care|young\s+people'?s|children'?s)\s+councils?|"
    r"(?:reference|participation|co-?production)\s+groups?)\b",
    re.IGNORECASE)


#: Words for a pot of money, after what it pays for ('Emergency grants fund', 'Activities budget').
_POT = frozenset(stem(w) for w in "fund funds funding budget budgets pot".split())


def _pays_for(input_text: str, mine: frozenset[str]) -> bool:
    """Whether a component names what an input of money pays for, in the input's own words less
    the pot ('Emergency grants' beside 'Emergency grants fund'); one named after the money itself
    ('Budget held by the social worker' beside 'Devolved budget') is not."""
    ws = [stem(meaning(w)) for w in words(input_text)]
    return bool(ws) and ws[-1] in _POT and mine == content(input_text) - {ws[-1]}


def _funding(el: Element) -> bool:
    """Funding pays for everything, premises house everything, and eligibility criteria, referral
    pathways or sharing agreements, the people the service is for and the policy it sits within
    underlie everything, so evaluators do not expect any of them linked to one component. Staff
    and training are what components use, whatever they are about ('Policy officer', 'Training in
    the practice framework')."""
    kind = L.norm_label(el.text("type"))
    text = el.statement
    if (kind in ("funding", "premises") or _FUNDING.search(text) or _GROUND.search(text)
            or _OVERSIGHT.search(text)):
        return True
    if kind in ("staff", "training") or re.search(r"\btrain", text, re.IGNORECASE):
        return False
    # people offered as a resource ('Young people as peer mentors', "Families' own volunteers")
    # are what a component uses, not who it is for
    offered = bool(_HAVE & {stem(w) for w in words(text)} or _OFFERED.search(text))
    return bool(_FRAMEWORK.search(text) or (_POPULATION.search(text) and not offered))


#: People named in a role, beyond :data:`_HAVE` ('as peer supporters', 'as buddies').
_OFFERED = re.compile(r"\b(?:volunteer\w*|peers?|buddies|befriend\w*|apprentices?|supporters?|"
                      r"ambassadors?|advocates?|lived\s+experience)\b", re.IGNORECASE)


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


@dataclass(frozen=True)
class Chain:
    """What the links make of the model: which elements lie on a chain from a component to an
    outcome."""

    reached: frozenset[str]  # outcome IDs reached from a component
    linked: frozenset[str]  # component, mechanism and outcome IDs on such a chain
    #: the elements that can be linked into a chain (components, mechanisms, outcomes with IDs)
    chainable: tuple[Element, ...]


def chain_of(ctx: Context) -> Chain | None:
    """The chain from components to outcomes, or None when a sheet or link column it needs could
    not be read (a structure finding says so)."""
    if "chain" in ctx._extra:
        return ctx._extra["chain"]
    result = None
    if (ctx.readable("components") and ctx.readable("mechanisms", "triggered_by", "leads_to")
            and ctx.readable("outcomes", "contributes_to")):
        result = _build_chain(ctx)
    ctx._extra["chain"] = result
    return result


def _build_chain(ctx: Context) -> Chain:
    linked: set[str] = set()
    reached: set[str] = set()
    queue: deque = deque()
    for m in ctx.model.mechanisms:
        comps = [c for c in ctx.targets(m, "triggered_by") if c.kind == "components"]
        outs = [o for o in ctx.targets(m, "leads_to") if o.kind == "outcomes"]
        if not (comps and outs and ctx.eid(m)):
            continue
        linked.add(ctx.eid(m))
        linked.update(ctx.eid(c) for c in comps)
        for o in outs:
            if ctx.eid(o) not in reached:
                reached.add(ctx.eid(o))
                queue.append(o)
    while queue:
        o = queue.popleft()
        for nxt in ctx.targets(o, "contributes_to"):
            if nxt.kind == "outcomes" and ctx.eid(nxt) not in reached:
                reached.add(ctx.eid(nxt))
                queue.append(nxt)
    linked |= reached
    chainable = tuple(e for key in ("components", "mechanisms", "outcomes")
                      for e in ctx.model.elements[key] if ctx.eid(e))
    return Chain(frozenset(reached), frozenset(linked), chainable)


def _upstream(ctx: Context, o: Element) -> list[str]:
    """IDs of the mechanisms and outcomes that lead directly to outcome ``o``."""
    eid = ctx.eid(o)
    ids = [ctx.eid(e) for e in [*ctx.linked("leads_to").get(eid, ()), *ctx.linked("contributes_to").get(eid, ())]]
    return sorted(set(filter(None, ids)), key=ids.index)


@rule(OUTCOME_NO_CONTRIBUTOR, OUTCOME_UNREACHABLE)
def reach(ctx: Context) -> Iterator[Finding]:
    """Outcomes nothing leads to; outcomes (of any timescale) no chain from a component reaches.
    One finding per outcome: one that nothing leads to is not also called unreachable."""
    chain = chain_of(ctx)
    if chain is None:
        return  # reported as a structure problem
    leads = ctx.linked("leads_to")
    contributes = ctx.linked("contributes_to")
    for o in ctx.model.outcomes:
        eid = ctx.eid(o)
        if not eid or eid in chain.reached:
            continue
        primary = L.norm_label(o.text("priority")) == "primary"
        if eid not in leads and eid not in contributes:
            yield make(OUTCOME_NO_CONTRIBUTOR, o.ref(), eid, severity="error" if primary else None)
            continue
        through = ", ".join(_upstream(ctx, o))
        yield make(OUTCOME_UNREACHABLE, o.ref(), eid, severity="error" if primary else None,
                   through=through)


# --- contributions that run backwards in time -------------------------------------------------

BACKWARDS = register(
    "contributes-backwards", category=C, severity="warning",
    title="Outcome that contributes to a shorter-term one",
    description="An outcome's 'Contributes to' names an outcome with a shorter timescale (a "
    "long-term outcome leading to a short-term one), so the chain runs backwards in time. When "
    "that link also closes a loop among outcomes (the shorter-term outcome leads on to the longer "
    "one), it is an error, as a loop is, and said once here rather than as outcome-cycle: the link "
    "to reverse or remove is this one.",
    message="{id} ({timescale}) contributes to {target} ({target_timescale}) in {ref}: a later "
    "change cannot bring about an earlier one.{loop}",
    fix="Check the timescales of {id} and {target}, or reverse the link (list {id} in "
    "{target}'s 'Contributes to' instead).",
)
_RANK = {"short term": 0, "medium term": 1, "long term": 2}


@rule(BACKWARDS)
def backwards(ctx: Context) -> Iterator[Finding]:
    """'Contributes to' links from a longer-term to a shorter-term outcome. A loop is said once,
    at the link that closes it: here when that link runs backwards (an error, naming the loop),
    else by the outcome-cycle rule; other backwards links inside a loop are not said again."""
    closing = {(id(s), id(t)): loop for s, t, loop in loops(ctx) if runs_backwards(s, t) and not two_way(s, t, loop)}
    for o in ctx.model.outcomes:
        rank = _RANK.get(L.norm_label(o.text("timescale")))
        if rank is None or not ctx.eid(o):
            continue
        for t in ctx.targets(o, "contributes_to"):
            trank = _RANK.get(L.norm_label(t.text("timescale")))
            if trank is None or trank >= rank:
                continue
            loop = closing.get((id(o), id(t)))
            if loop is None and _leads_back(ctx, t, o):
                continue  # inside a loop closed elsewhere
            yield make(BACKWARDS, o.ref("contributes_to"), ctx.eid(o), severity="error" if loop else None,
                       target=ctx.eid(t), timescale=o.text("timescale").lower(),
                       target_timescale=t.text("timescale").lower(),
                       loop=f" It also closes the loop {loop}, so the outcomes go round in a circle."
                       if loop else "")


def _leads_back(ctx: Context, start: Element, goal: Element) -> bool:
    """Whether 'Contributes to' leads from ``start`` back to ``goal`` (a loop)."""
    seen = {id(start)}
    stack = [start]
    while stack:
        for nxt in ctx.targets(stack.pop(), "contributes_to"):
            if nxt is goal:
                return True
            if id(nxt) not in seen:
                seen.add(id(nxt))
                stack.append(nxt)
    return False


# --- a jump to a long-term outcome ----------------------------------------------------------------

NO_EARLIER_STEP = register(
    "long-term-without-earlier-step", category=C, severity="info",
    title="Long-term outcome with no earlier step",
    description="A mechanism leads straight to a long-term outcome and no shorter-term outcome "
    "contributes to it, although the model has shorter-term outcomes elsewhere: the model does "
    "not say what changes first, so an evaluation would have nothing to measure before the "
    "long-term change (which may take years). A note, not a warning: some chains are short on "
    "purpose, and whether a step is missing is the team's call.",
    message="Long-term outcome {id} ({ref}) is reached straight from {mechanisms}, with no "
    "shorter-term outcome leading to it.",
    fix="If something changes first (e.g. parents' confidence before children's wellbeing), add "
    "it as a short- or medium-term outcome, list {id} in its 'Contributes to', and link "
    "{mechanisms} to it.",
)


@rule(NO_EARLIER_STEP)
def earlier_steps(ctx: Context) -> Iterator[Finding]:
    """Long-term outcomes, reached from a component, that mechanisms lead to directly and no
    outcome contributes to, in a model that uses shorter timescales elsewhere."""
    chain = chain_of(ctx)
    if chain is None:
        return  # reported as a structure problem
    scales = {L.norm_label(o.text("timescale")) for o in ctx.model.outcomes}
    if not scales & {"short term", "medium term"}:
        return  # the no-timescale-outcome rule says so
    leads, contributes = ctx.linked("leads_to"), ctx.linked("contributes_to")
    for o in ctx.model.outcomes:
        eid = ctx.eid(o)
        if eid not in chain.reached or L.norm_label(o.text("timescale")) != "long term":
            continue  # one not reached from a component is reported as that
        if falls_by_definition(ctx, o.statement):
            continue  # diversion makes the change itself: no step in people comes first
        mechs = [ctx.eid(m) for m in leads.get(eid, ()) if m.kind == "mechanisms" and ctx.eid(m)]
        if mechs and not any(e.kind == "outcomes" for e in contributes.get(eid, ())):
            yield make(NO_EARLIER_STEP, o.ref(), eid, mechanisms=", ".join(sorted(set(mechs), key=mechs.index)))


# --- mechanisms: a causal account, not a restatement -------------------------------------------

RESTATES = register(
    "mechanism-restates", category=C, severity="warning",
    title="Mechanism that restates an outcome or a component",
    description="The mechanism uses almost the words of an outcome (or of a component, or of two or "
    "more of the outcomes it leads to, together) and adds little else, so it says that the change happens, or what is done, but not how or why the "
    "activity brings the change about. The chain is circular: the outcome explains itself.",
    message="Mechanism {id} ({ref}) restates {kind} {other} rather than explaining it: "
    "'{text}' beside '{other_text}'.",
    fix="Say how and why the activity brings the change about, e.g. 'Parents trust a consistent "
    "worker, so they ask for help earlier': the process in people that links {triggers} to "
    "the outcome.",
)
NO_ACCOUNT = register(
    "mechanism-no-causal-account", category="wording", severity="warning",
    title="Mechanism without a causal account",
    description="A mechanism should say how and why change happens (what shifts in people or "
    "services, and so what follows). A statement of delivery ('weekly multi-agency meetings') "
    "belongs on Components, and a change ('better joint working') on Outcomes.",
    message="Mechanism {id} ({ref}) {what}: '{text}'.",
    fix="Move it to {sheet} if it belongs there, and say here how and why the activity brings "
    "about the change, e.g. 'Partners share a picture of each family, so concerns are acted on "
    "sooner'.",
)

#: A mechanism restates another statement when they share at least this many content words, the
#: shared words make up at least RESTATE_SHARE of one of them, and the mechanism adds at most
#: RESTATE_EXTRA words of its own.
RESTATE_MIN, RESTATE_SHARE, RESTATE_EXTRA = 2, 0.75, 3
#: ... unless it goes on, after a connective ('so', 'because', 'which means'), to at least this
#: many words of its own: then it says what the restated change brings about.
RESTATE_BEYOND = 2


#: Words that open a statement of change ('Better joint working', 'Increased confidence'); not
#: 'positive' or 'good', which describe ('Positive activities offer an alternative').
CHANGE = INCREASE | DECREASE | frozenset('''
improve improves improved improving improvement improvements better enhanced stronger
strengthened greater worse
'''.split())


#: A state partners reach together ('Shared understanding of ...', 'Shared picture of risk'): an
#: intermediate outcome when nothing follows from it.
_SHARED = re.compile(r"\s*shared\s+(?:understanding|picture|view|language|goals?|vision|ownership|"
                     r"awareness|knowledge|values)\b", re.IGNORECASE)


#: A mechanism of at most LABEL_SHORT words with no causal account ('Whole family approach',
#: 'Reflective supervision', 'Relational permanence') is a label, not an account of how change
#: happens; up to LABEL_WORDS words, only when it names something done ('Mentoring from someone
#: with lived experience'), not a quality ('Continuity of carer after leaving care').
LABEL_SHORT, LABEL_WORDS = 3, 6


def _index(sets: list[frozenset[str]]) -> dict[str, list[int]]:
    """Content word -> positions of the statements that use it."""
    out: dict[str, list[int]] = defaultdict(list)
    for i, words_ in enumerate(sets):
        for w in words_:
            out[w].append(i)
    return out


def _candidates(mine: frozenset[str], need: int, index: dict[str, list[int]]) -> set[int]:
    """Statements that may share ``need`` of the words ``mine``: any such statement has one of
    the len(mine) - need + 1 words of ``mine`` used by fewest statements (prefix filtering), so
    only those words' statements are compared, not every statement using a common word."""
    if need > len(mine):
        return set()
    rarest = sorted(mine, key=lambda w: (len(index.get(w, ())), w))[: len(mine) - need + 1]
    return {i for w in rarest for i in index.get(w, ())}


def _restated(mc: frozenset[str], sets: list[frozenset[str]], index: dict[str, list[int]]) -> int | None:
    """Position of the statement the mechanism's words ``mc`` restate best, if any."""
    need = max(RESTATE_MIN, len(mc) - RESTATE_EXTRA)  # it may add at most RESTATE_EXTRA words
    best, best_score = None, 0.0
    for i in sorted(_candidates(mc, need, index)):
        shared, of_m, of_other = overlap(mc, sets[i])
        if shared < need:
            continue
        if max(of_m, of_other) >= RESTATE_SHARE and of_m + of_other > best_score:
            best, best_score = i, of_m + of_other
    return best


#: Verbs that only say a change happens ('builds confidence', 'raises attainment'): no account.
_OF_CHANGE = frozenset(stem(w) for w in """
build builds develop develops grow grows boost boosts raise raises strengthen strengthens improve
improves increase increases reduce reduces lower lowers promote promotes
""".split())


def _restates_outcomes(ctx: Context, m: Element, text: str) -> list[Element]:
    """The outcomes a mechanism restates together ('Mentoring increases social confidence and
    academic confidence' leading to 'Increased social confidence' and 'Increased academic
    confidence'): what it says changes, beyond the words of what triggers it, is all (but one word)
    the words of two or more of the outcomes it leads to, each of which it says in full or by a
    construct an evaluator would measure; [] when it gives any account of its own (a connective)."""
    if CONNECTIVE.search(text):
        return []
    outs = [o for o in ctx.targets(m, "leads_to") if o.kind == "outcomes" and o.statement]
    if len(outs) < 2:
        return []
    trigger = frozenset().union(*(what_changes(c.statement) for c in ctx.targets(m, "triggered_by")))
    own = what_changes(text) - trigger - _OF_CHANGE
    said = []
    for o in outs:
        theirs = what_changes(o.statement)
        common = own & theirs
        if common and (common == theirs or common & CONSTRUCT_STEMS):
            said.append((o, common))
    covered = frozenset().union(*(c for _, c in said))
    if len(said) < 2 or len(covered) < 2 or len(own - covered) > 1 or len(covered) < RESTATE_SHARE * len(own):
        return []
    return [o for o, _ in said]


#: Verbs that only carry a change ('come to understand', 'risks go down'), not a word of its own.
_LIGHT = frozenset(stem(w) for w in "come comes coming came go goes going went become becomes".split())


def _restate_words(text: str) -> frozenset[str]:
    """Content stems compared for a restatement: light verbs left out, and a noun in -ation read as
    its verb ('exploitation' is 'exploited', 'education' is 'educated')."""
    return frozenset(w[:-3] if w.endswith("ate") and len(w) > 6 else w for w in content(text) - _LIGHT)


@rule(RESTATES, NO_ACCOUNT)
def mechanism_accounts(ctx: Context) -> Iterator[Finding]:
    """Mechanisms that restate an outcome or a component (by the words they share), or that
    describe delivery or an outcome instead of how and why change happens. One finding per
    mechanism at most."""
    groups = _restate_groups(ctx)
    for m in ctx.model.mechanisms:
        text = m.statement
        if not ctx.eid(m) or not text:
            continue
        finding = _restatement(ctx, m, text, groups)
        # a placeholder is said once, as a placeholder (TUNED ON held out 28: 'TBC - wording from
        # the pilot team' was also called delivery)
        if finding is None and not placeholder(text) and (reading := _without_account(text)):
            what, sheet = reading
            finding = make(NO_ACCOUNT, m.ref("mechanism"), ctx.eid(m), what=what, text=short(text), sheet=sheet)
        if finding is not None:
            yield finding


_Groups = list[tuple[str, list[Element], list[frozenset[str]], dict[str, list[int]]]]


def _restate_groups(ctx: Context) -> _Groups:
    """The outcomes and the components a mechanism may restate, with their words and an index."""
    groups = []
    for kind, key in (("outcome", "outcomes"), ("component", "components")):
        els = [e for e in ctx.model.elements[key] if e.statement]
        sets = [_restate_words(e.statement) for e in els]
        groups.append((kind, els, sets, _index(sets)))
    return groups


def _restatement(ctx: Context, m: Element, text: str, groups: _Groups) -> Finding | None:
    """A mechanism restating outcomes it leads to together, one outcome's construct or its words in
    other words, or the words of any outcome or component; None when it restates none."""
    several = _restates_outcomes(ctx, m, text)
    if several:
        return _restates(ctx, m, "outcomes", several)
    same = [o for o in ctx.targets(m, "leads_to")
            if o.kind == "outcomes" and o.statement
            and (restated_construct(text, o.statement) or restated_in_other_words(text, o.statement))]
    if same:
        return _restates(ctx, m, "outcome", same[:1])
    mc = _restate_words(text)
    for kind, els, sets, index in groups:
        i = _restated(mc, sets, index)
        # a connective of consequence says what the restated change brings about; a means before
        # it ('Through key work, young people understand ...') is still the change restated
        account = CONSEQUENCE.search(text) or (kind == "component" and says_what_brings(text))
        if i is not None and account and len(mc - sets[i]) >= RESTATE_BEYOND:
            # 'Practitioners feel confident, so they hold risk safely': what follows; 'Family
            # group conferences put the family in charge': what the component does
            i = None
        if (i is not None and len(text.split()) <= LABEL_WORDS and _without_account(text)
                and (kind == "component" or els[i] not in ctx.targets(m, "leads_to"))):
            # 'Debt advice' beside the component 'Debt advice service', 'Corporate parenting' beside
            # an outcome it does not lead to: a label, said as one
            return None
        if i is not None:
            return _restates(ctx, m, kind, [els[i]])
    return None


#: What a mechanism without an account reads as, and the sheet it belongs on.
_AN_OUTCOME = ("reads like an outcome (a change), not how or why it comes about", "Outcomes")
_DELIVERY = ("describes delivery (what is done), not how or why it brings change", "Components")
_AN_APPROACH = ("names an approach or activity, not how or why it brings change", "Components")
_A_QUALITY = ("names a quality or an aim, not how or why it brings change", "Outcomes")
_A_PRODUCT = ("names a thing made for the work (a plan, a list, a tool), not how having it brings "
              "change", "Components")


#: A sum of money per period ('more money each month', '£40 a week', 'rent every month'): how
#: often money comes or goes in a family's budget, not how often a service is given (TUNED ON held
#: out 33's first run: 'Paying less for childcare leaves families more money each month').
_SUM_PER_PERIOD = re.compile(
    r"(?:\b(?:money|cash|income|incomes|earnings|wages?|salary|pay|rent|bills?|costs?|savings?|"
    r"benefits?|pounds|spare|left\s+over)|£\s?\d[\d,.]*)\s+(?:(?:at\s+the\s+end\s+)?(?:of\s+)?)?"
    r"(?:a|an|per|each|every)\s+(?:day|week|fortnight|month|year)\b", re.IGNORECASE)


#: Leaving people with more or less of something ('leaves families more money', 'leaves parents with
#: less to worry about'): an account of what a change brings, like 'frees time' (TUNED ON held out
#: 33's first run).
_LEFT_WITH = re.compile(r"\b(?:leaves?|leaving|left)\s+(?:[\w'-]+\s+){0,2}?(?:with\s+)?(?:more|less|fewer|extra|spare)\b",
                        re.IGNORECASE)
#: A plan's shorthand for 'so' or 'leads to' ('Same msg from every professional = reinforced').
_SHORTHAND = re.compile(r"\s(?:=|=>|->|→)\s")


def _without_account(text: str) -> tuple[str, str] | None:
    """What a mechanism that gives no account reads as (a change, delivery, an approach, a
    quality), or None when it gives one."""
    if MADE_INTO.search(text) or _SHORTHAND.search(text):
        return None  # one thing made into another, or said to lead to it, is an account
    ws = words(text)
    rest = text.split(None, 1)[1] if len(text.split(None, 1)) > 1 else ""
    n = len(text.split())
    if ws and (ws[0] in CHANGE or _SHARED.match(text)) and not says_what_brings(rest):
        return _AN_OUTCOME
    if _LEFT_WITH.search(text):
        return None  # 'Paying less for childcare leaves families more money': what it leaves them with
    if ((DELIVERY.search(_SUM_PER_PERIOD.sub(" ", text)) or len(_DETAIL.findall(text)) >= 2)
            and not causal(_undetailed(text))
            or delivered_through(text) or describes_delivery(text) or a_procedure(text)):
        return _DELIVERY
    if not causal(text) and ws and ws[0] in ACTORS and n <= LABEL_SHORT and not names_an_activity(text):
        return _AN_OUTCOME  # 'Children are heard', 'Young people belong': a state of people, not a label
    if not causal(text) and names_an_activity(text) and n <= LABEL_WORDS:
        return _AN_APPROACH
    if not causal(text) and names_an_activity(text, nouns_only=True):
        return _DELIVERY  # 'Intensive therapeutic work with the family during a short stay': at any length
    if not causal(text) and n <= LABEL_SHORT:
        return _A_QUALITY  # 'Relational permanence', 'Stability and consistency': a quality or an aim
    if n <= LABEL_WORDS and not gives_an_account(text) and names_a_quality(text):
        # 'Trusted adult', 'Safe and supportive environment', 'Engagement through sport': a process
        # word only as an adjective or a means, no account ('Trust in the key worker' is a state)
        return _AN_APPROACH if names_an_activity(text) else _A_QUALITY
    if not gives_an_account(text) and names_a_quality_at_length(text):
        return _A_QUALITY  # 'Positive and healthy relationships with youth workers': at any length
    if a_gerund_of_doing(text):
        return _AN_APPROACH  # 'Having a say in their own plan': something done, and no account
    if names_a_product(text):
        return _A_PRODUCT  # 'A shared list of families known to every agency': no account
    if a_named_way(text):
        return _AN_APPROACH  # 'Team around the family', 'Pupil of the Day compliments': a name, no verb
    if a_noun_phrase(text):
        # 'Practical help', 'Information sharing', 'Culture of high aspirations': a noun phrase
        # with no verb said of anyone, whatever its words
        return _AN_APPROACH if names_an_activity(text) else _A_QUALITY
    return None


#: Delivery beyond :data:`DELIVERY`: how many days or hours a week, where staff sit, who chairs,
#: runs or attends ('three days a week', 'on site', 'co-located in', 'chaired by'). Two of them
#: are delivery described ('Specialists on site three days a week'); one may sit beside a verb off
#: every list ('Workers based in the hospital reach women at the point of crisis').
#: A schedule of contacts by age or interval ('at 6-8 weeks', 'at ages 2 and 4') and where a
#: contact is recorded ('entered on the child health system'): details of delivery.
_N = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|sixteen|twenty)"
_SCHEDULE = (r"\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)|(?:every|each)\s+(?:weekday|morning|afternoon|evening|day)|"
             r"(?:at\s+(?:ages?\s+)?\d+(?:\s*[-\u2013]\s*\d+)?|within\s+(?:\d+|one|two|three|four|five|"
             r"six|seven|ten|a)(?:\s+working)?)\s*(?:hours?|days?|weeks?|months?|years?)|"
             r"(?:at|in)\s+(?:the\s+family(?:'s)?\s+)?(?:home|school)\s+or\s+(?:at|in)\s+\w+|"
             r"(?:at|in)\s+(?:the\s+(?:family(?:'s)?\s+)?|their\s+)?(?:home|school)(?=\s*(?:[,;.]|$|\s+and\b))|"
             # how many sessions over how long, offered or not ('offers up to four sessions over 14
             # days'), and a place or online ('in school or online', 'at the surgery or by video'):
             # a contact schedule (TUNED ON held out 29)
             r"(?:offer(?:s|ed|ing)?\s+)?(?:up\s+to\s+|at\s+least\s+)?" + _N + r"\s+(?:[\w-]+\s+)?"
             r"(?:sessions?|visits?|appointments?|contacts?|calls?|meetings?)\s+(?:over|across|within|in)\s+"
             r"(?:the\s+next\s+|the\s+first\s+)?(?:" + _N + r"|a|an)\s+(?:days?|weeks?|months?|fortnights?|terms?)|"
             r"(?:at|in)\s+(?:the\s+|their\s+)?[\w-]+\s+or\s+(?:online|by\s+(?:phone|telephone|video)|remotely|virtually)|"
             r"(?:online|by\s+(?:phone|telephone|video))\s+or\s+(?:at|in)\s+(?:the\s+|their\s+)?[\w-]+")
_RECORDED = (r"(?:recorded|entered|logged|kept|stored|uploaded)\s+(?:on|in|into|onto)\s+(?:the\s+|a\s+|an\s+)?"
             r"(?:[\w-]+\s+){0,3}?(?:system|records?|database|log|file)")
_DETAIL = re.compile(
    r"\b(?:\w+\s+(?:days?|mornings?|afternoons?|evenings?|hours?|nights?)\s+(?:a|an|per|each|every)\s+"
    r"(?:day|week|fortnight|month|term|year)|on[\s-]site|co-located|based\s+(?:in|at|within)|"
    r"attached\s+to|embedded\s+in|working\s+alongside|"
    r"(?:on|at)\s+(?:weekday\s+|weekend\s+)?(?:evenings|weekends)|"
    r"(?:chaired|facilitated|co-facilitated|led|run|hosted|staffed|attended)\s+by|round\s+the\s+table|"
    rf"{_SCHEDULE}|{_RECORDED})\b",
    re.IGNORECASE)
#: Details of delivery whose words look like an account: who chairs or runs it ('chaired by the
#: family support lead': the agent's words, up to a comma, the end or a preposition, five at most,
#: so that a verb after a longer subject is kept: 'huddles chaired by the manager catch risks'),
#: how often ('three days a week': not a verb and its object), who sits round the table, and break
#: times ('break' is not a verb there).
_DETAIL_WORDS = re.compile(
    r"\b(?:\w+ed|led|run|held)\s+by\s+(?:[\w'\u2019-]+\s+){0,4}?[\w'\u2019-]+"
    r"(?=\s*(?:[,;.]|$)|\s+(?:for|with|in|at|on|from|who)\b)|"
    r"\w+\s+(?:days?|mornings?|afternoons?|evenings?|hours?|nights?|times?)\s+(?:a|an|per|each|every)\s+"
    r"(?:day|week|fortnight|month|term|year)\b|(?:a)?round\s+the\s+table\b|"
    r"(?:at|during)\s+(?:break|lunch)\s*times?\b|early\s+help\b|"
    rf"{_SCHEDULE}\b|{_RECORDED}\b|"
    r"\b(?:interview|assessment|referral|consent|recording|record|return|paper|online)\s+forms?\b|"
    # who does it, after 'by' ('by the named health visitor'): an agent, not a means
    r"\bby\s+(?:the|a|an|their|our|each)\s+(?:[\w-]+\s+){0,3}?(?:visitors?|workers?|nurses?|"
    r"midwi(?:fe|ves)|practitioners?|teams?|staff|coordinators?|officers?|therapists?|mentors?|"
    r"volunteers?|teachers?|leads?|managers?)(?=\s*(?:[,;.]|$)|\s+(?:for|with|in|at|on|from|who|and)\b)",
    re.IGNORECASE)
#: Verbs of delivery whose object is who or where, not a change ('visiting the carer's home').
_DELIVERING = re.compile(r"\b(?:" + service_verbs(("reaching", "sending", "running", "casework",
                                                    "recording", "taking part", "escorting"), ("s", "ing"))
                         # filling in the paperwork, going through a list and handing out the work
                         + r"|fills\s+in|goes\s+through|go\s+through|hands)\b", re.IGNORECASE)

def _undetailed(text: str) -> str:
    """A mechanism without the details of delivery whose words look like an account."""
    return _DELIVERING.sub(" at ", _DETAIL_WORDS.sub(" ", text))


def _restates(ctx: Context, m: Element, kind: str, others: list[Element]) -> Finding:
    triggers = ", ".join(ctx.eid(c) for c in ctx.targets(m, "triggered_by")) or "the component"
    return make(RESTATES, m.ref("mechanism"), ctx.eid(m), kind=kind,
                other=" and ".join(ctx.eid(o) or f"row {o.row}" for o in others),
                text=short(m.statement, 60),
                other_text="' and '".join(short(o.statement, 60 if len(others) == 1 else 45) for o in others),
                triggers=triggers)


# --- the same thing on two sheets ---------------------------------------------------------------

RESTATED = register(
    "restated-across-sheets", category=C, severity="warning",
    title="The same statement on two sheets",
    description="A row says almost word for word what a row on another sheet says: an input "
    "restated as a component, a component restated as an outcome, an output restated as an "
    "outcome. Each sheet answers a different question (what you have, what you do, what you "
    "count, what changes), so one of the two is in the wrong place or says too little.",
    message="{id} ({ref}) says almost the same as {other_kind} {other} ({other_ref}): '{text}'.",
    fix="Say on {sheet} {question}, or remove the row if it only repeats {other}.",
)
#: Sheet pairs compared, the later sheet's row reported, with what that sheet should say.
CROSS_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("inputs", "components", "what is done with the resource (the activity), not the resource"),
    ("components", "outcomes", "what changes for people as a result, not the activity"),
    ("outputs", "outcomes", "what changes for people as a result, not what is counted"),
)
CROSS_THRESHOLD = 0.75
#: Words naming the people or things an input is (staff, a venue, a budget): a component about
#: what is done with them shares their topic words ('Advice caseworkers (housing, welfare)' and
#: 'Housing and welfare advice') without restating them, unless it names them too.
_HAVE_WORDS = frozenset("""
staff practitioner practitioners worker workers caseworker caseworkers keyworker keyworkers
officer officers coordinator coordinators co-ordinator co-ordinators manager managers lead leads
mentor mentors volunteer volunteers nurse nurses therapist therapists psychologist psychologists
counsellor counsellors advisor advisors adviser advisers trainer trainers navigator navigators
champion champions specialist specialists clinician clinicians team teams post posts fte
venue venues premises room rooms building buildings equipment minibus vehicle vehicles laptops
devices budget budgets fund funding grant grants
""".split())
_HAVE = frozenset(map(stem, _HAVE_WORDS))
#: The people among what a service has ('workers', 'mentors', 'a team'), not its things.
_STAFF_HAVE = _HAVE - frozenset(map(stem, """venue venues premises room rooms building buildings
equipment minibus vehicle vehicles laptops devices budget budgets fund funding grant grants""".split()))


def _have_and_do(first: str, mine: frozenset[str], ours: frozenset[str], text: str = "",
                 their_text: str = "") -> bool:
    """Whether an input names people or things and the component is what is done with them: the
    component does not name those people or things itself, or names the people only by what they
    do ('Mentoring for instructors' beside 'Mentors for instructors', 'Joint decision-making
    panel' beside 'Police decision makers at the joint panel')."""
    if first != "inputs":
        return False
    have = ours & _HAVE
    if have and not (mine & have):
        return True
    roles = {w.removesuffix("s") for w in words(their_text) if _ROLE.search(w) and w not in _NOT_ROLES}
    if roles - {w.removesuffix("s") for w in words(text)}:
        return True
    # the input's people or things by a noun and the component by the act in -ing of the same
    # stem ('Job coaching' beside 'Job coaches', 'Tutoring' beside 'Tutors (two)'): what is done
    theirs = {stem(meaning(w)) for w in words(their_text) if not w.endswith("ing")}
    ing = {stem(meaning(w)) for w in words(their_text) if w.endswith("ing")}
    if any(w.endswith("ing") and _an_act(w) and stem(meaning(w)) in theirs - ing for w in words(text)):
        return True
    # the people's name with a word for something done that the input does not say ('Referral to
    # a Trusted Adult Worker', 'Mentor casework' beside the mentors): the act is the component
    return bool(ours & _STAFF_HAVE or roles) and any(
        _an_act(w) for w in words(text) if stem(meaning(w)) not in ours)


#: Nouns of an act beyond :func:`names_an_activity`'s ('a referral to a worker').
_ACTS = frozenset("referral referrals".split())


#: Nouns in -ment that name a thing or a place, not something done.
_NOT_ACT_MENT = frozenset("""department departments environment environments apartment apartments document
documents element elements statement statements instrument instruments equipment""".split())


def _an_act(w: str) -> bool:
    """Whether a word names something done ('mentoring', 'casework', 'referral', a noun in -ment
    such as 'placements'), not people ('worker', 'mentors': words for staff are among the nouns of
    an activity too)."""
    if w in _HAVE_WORDS or (_ROLE.search(w) and w not in _NOT_ROLES):
        return False
    return (w in _ACTS or names_an_activity(w, nouns_only=True)
            or (re.fullmatch(r"[a-z]{4,}ments?", w) is not None and w not in _NOT_ACT_MENT))


#: Things an input is, beyond :data:`_HAVE` ('Family hub buildings' beside 'Family hubs').
#: (as words, not stems: 'work' is what workers do, not a worker).
_RESOURCE_WORDS = _HAVE_WORDS | frozenset("""
hub hubs centre centres laptop laptops phone phones tablet tablets pot pots fund funds
psychologist psychologists therapist therapists
""".split())
_RESOURCE = frozenset(map(stem, _RESOURCE_WORDS))
#: Words a component may add to an input's name and still only name the resource: who holds it,
#: and qualifiers of the resource ('Budget held by the social worker', 'Psychology input').
_HOLDING_STEMS = frozenset(stem(w) for w in ACTORS | _HAVE | frozenset("""
held hold holds holding allocated available access input inputs dedicated named own social
specialist clinical qualified experienced devolved flexible personal
discretionary extra additional new time
""".split()))
#: A component's head that stands for the resource named before it ('Psychology input').
_STANDS_FOR = frozenset({"input", "inputs", "time", "capacity"})
_HEAD_ENDS = frozenset("by for from to with in at on of and or who which that".split())
_PARTICIPLES = frozenset("held kept run led given paid spent made set built".split())


def _root(w: str) -> str:
    """A derivational root, enough for 'psychologist'/'psychology', 'therapist'/'therapy'."""
    if w.endswith("ist") and len(w) > 6:
        return w[:-3]
    return w[:-1] if w.endswith("y") and len(w) > 5 else w


def _head(text: str) -> tuple[str, str]:
    """The last word of a component's first noun phrase, and the word before it ('Budget held by
    the social worker' -> 'budget'; 'Flexible funds for families' -> 'funds')."""
    ws = [w for w in words(text) if w not in ("a", "an", "the")]
    end = next((i for i, w in enumerate(ws) if w in _HEAD_ENDS or (i and (w.endswith("ed") or w in _PARTICIPLES))),
               len(ws))
    return (ws[end - 1], ws[end - 2] if end > 1 else "") if end else ("", "")


_RESOURCE_ROOTS = frozenset(map(_root, _RESOURCE))


def resource_head(text: str) -> str:
    """The stem of what a component is when that is a resource an input could be (staff, a
    budget, a building, kit; 'train' for 'training'), else ''. An activity ('1:1 mentoring',
    'Speech and language therapy') is what is done with an input, not the input."""
    head, before = _head(text)
    if head == "training":
        return "train"
    if head in _STANDS_FOR:  # 'Psychology input': the psychologist's time
        return stem(before) if _root(stem(before)) in _RESOURCE_ROOTS else ""
    if head in _RESOURCE_WORDS or (_ROLE.search(head) and head not in _NOT_ROLES and not causal(text)):
        return stem(meaning(head))
    return ""


#: A word for a person by its form ('befrienders', 'midwife', 'clinician', 'consultant'), so that
#: a component that only names a role ('Specialist midwife') is the staff input in other words
#: whatever the role (structure, not a list of roles).
_ROLE = re.compile(r"(?:[a-z]{3}(?:er|or|ist|ian|ant|ee)s?|wi(?:fe|ves))$")
_NOT_ROLES = frozenset("""order orders paper papers letter letters newsletter newsletters number
numbers register registers offer offers planner planners tracker trackers poster posters flyer
flyers charter cluster clusters corner shelter shelters computer computers barrier barriers career
careers border summer winter folder folders counter other others after under over cover power
matter matters chapter water meeting corridor corridors factor factors sector sectors monitor
monitors indicator indicators plan grant grants""".split())


def _names_the_resource(text: str, h: str, mine: frozenset[str], input_text: str,
                        theirs: frozenset[str]) -> bool:
    """Whether a component whose head is the resource ``h`` only names this input in other words:
    the input is that resource too, and the component adds nothing but who holds it or how it is
    qualified ('Budget held by the social worker' beside 'Devolved budget'). 'Training' names the
    input only beside people 'trained' ('Practitioner training' beside 'Trained family
    practitioners'), not beside trainers or a training package."""
    if h == "train":
        # people trained to give it are its trainers ('trained to deliver ELSA training')
        found = re.search(r"\btrained\b(?!\s+to\s+(?:deliver|give|run|lead|facilitate|teach|train|provide)\b)",
                          input_text, re.IGNORECASE) is not None
    else:
        found = h in theirs or _root(h) in {_root(w) for w in theirs}
    extra = [w for w in words(text) if stem(meaning(w)) in mine - theirs - {h}]
    return found and all(stem(meaning(w)) in _HOLDING_STEMS and not w.endswith("ing") for w in extra)


def _one_named_worker(text: str, description: str) -> bool:
    """Whether a component that names a role ('Key worker', 'Lead practitioner') is described as
    one named person for each family ('One named person who coordinates the professionals',
    'Named key worker from request to plan'): the arrangement of a single named worker is the way
    of working, not the staff input said again. A description that only says what one of the staff
    does ('A lead worker meets the young person') is not enough: evaluators judged that component
    the staff restated."""
    head, _ = _head(text)
    if not (head and _ROLE.search(head) and head not in _NOT_ROLES):
        return False
    role = re.escape(head.removesuffix("s"))
    return re.search(rf"\bnamed\s+(?:[\w-]+\s+){{0,2}}?(?:{role}s?|person)\b", description, re.IGNORECASE) is not None


@rule(RESTATED)
def restated(ctx: Context) -> Iterator[Finding]:
    """Rows restated on a later sheet (Jaccard similarity of content words, through an index)."""
    for first, second, question in CROSS_PAIRS:
        earlier = [e for e in ctx.model.elements[first] if e.statement and ctx.eid(e)]
        sets = [content(e.statement) for e in earlier]
        index = _index(sets)
        by_root = _index([frozenset(map(_root, st)) for st in sets]) if first == "inputs" else {}
        for el in ctx.model.elements[second]:
            text = el.statement
            if not ctx.eid(el) or not text or (second == "outcomes" and not_a_change(text)):
                continue  # an outcome worded as an activity or count is reported as that
            if second == "outcomes" and _said_change(text):
                continue  # 'More care leavers in education, employment or training' beside the
                # output that counts them, 'Improved independent living skills' beside the skills
                # programme: the outcome says a change; the output counts it, the component does it
            mine = content(text)
            # Jaccard >= t needs at least t * |mine| shared words
            need = max(2, math.ceil(CROSS_THRESHOLD * len(mine) - 1e-9))
            h = resource_head(text) if first == "inputs" else ""
            if h and _one_named_worker(text, el.text("description")):
                continue  # 'Key worker': 'One named person who coordinates the professionals'
            named = set(by_root.get(_root(h), ())) if h else set()
            for i in sorted(_candidates(mine, need, index) | named):
                if first == "inputs" and _pays_for(earlier[i].statement, mine):
                    continue  # 'Emergency grants' beside 'Emergency grants fund': what the money pays for
                n = len(mine & sets[i])
                if ((n >= need and n / (len(mine) + len(sets[i]) - n) >= CROSS_THRESHOLD
                     and not _have_and_do(first, mine, sets[i], text, earlier[i].statement))
                        or (i in named and _names_the_resource(text, h, mine, earlier[i].statement, sets[i]))):
                    o = earlier[i]
                    yield make(RESTATED, el.ref(el.sheet.statement), ctx.eid(el),
                               other_kind=o.sheet.singular, other=ctx.eid(o),
                               other_ref=str(o.ref(o.sheet.statement)), text=short(text),
                               sheet=el.sheet.name, question=question)
                    break


#: Words of a change of state, and words of delivery that make a count of it an output
#: ('More families registered with the hub', '2-2.5 year reviews completed').
_CHANGE_WORD = re.compile(r"\b(?:more|fewer|less|increas\w*|reduc\w*|decreas\w*|improv\w*|"
                          r"better|higher|lower|rais\w*|fall\w*|ris(?:e|es|ing)|stronger|greater)\b",
                          re.IGNORECASE)
_DELIVERED = re.compile(r"\b(?:" + service_verbs(("taking part",), ("base", "s", "ing", "ed"))
                        + "|" + service_verbs(("reaching", "sending", "casework", "giving", "running"), ("ed",))
                        # what the service offers, and whom it reaches, in any form
                        + r"|offer(?:s|ing)?|reach(?:es|ing)?)\b", re.IGNORECASE)

@lru_cache(maxsize=16384)  # asked once for each sheet an outcome is compared with
def _said_change(text: str) -> bool:
    """Whether an outcome says a change in people rather than a count of delivery."""
    return bool(_CHANGE_WORD.search(text)) and not _DELIVERED.search(text)


# --- a link to the wrong outcome ------------------------------------------------------------------

MISLINKED = register(
    "mechanism-mislinked", category=C, severity="warning",
    title="Mechanism linked to an outcome it does not speak of",
    description="The mechanism shares nothing of substance with any outcome it leads to, yet it "
    "speaks of what another outcome says, one on a different branch of the model (neither "
    "contributes to the other). The link was probably typed against the wrong row, and the "
    "evaluation would look for the change in the wrong place.",
    message="Mechanism {id} ({ref}) leads to {linked}, which it says nothing about, but it speaks "
    "of {other} ('{other_text}'), which it does not lead to: '{text}'.",
    fix="Check 'Leads to' in {ref}: should it name {other}? If {linked} is right, say in the "
    "mechanism how it brings that change about.",
)


def _connected(ctx: Context, starts: list[Element]) -> set[int]:
    """Outcomes that ``starts`` contribute to, or that contribute to them, directly or through
    other outcomes ('Contributes to'), as ids; siblings that feed the same outcome are not."""
    back = ctx.linked("contributes_to")
    seen = {id(o) for o in starts}
    for step in (lambda o: ctx.targets(o, "contributes_to"), lambda o: back.get(ctx.eid(o), ())):
        stack = list(starts)
        done = {id(o) for o in starts}
        while stack:
            for nxt in step(stack.pop()):
                if nxt.kind == "outcomes" and id(nxt) not in done:
                    done.add(id(nxt))
                    stack.append(nxt)
        seen |= done
    return seen


@lru_cache(maxsize=16384)
def _who(text: str) -> frozenset[str]:
    """Stems of the people a statement is about ('parents', 'practitioner')."""
    return frozenset(stem(w) for w in words(text) if w in ACTORS)


#: Words of preventing or avoiding something: which way it goes, not what changes ('Avoiding a
#: court appearance' is not about 'Cost avoidance for courts').
_PREVENTING = frozenset(stem(w) for w in "avoid avoiding avoidance prevent preventing prevention stop stops".split())


def _speaks_of(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether a mechanism speaks of what an outcome says changes: a word in common, or the same
    word again ('offending' beside 'reoffending')."""
    return bool(mine & theirs) or any(("re" + w) in theirs or ("re" + w) in mine for w in mine | theirs)


#: Words for the people served, as stems: who a statement is about, not what changes.
_PEOPLE_STEMS = frozenset(stem(meaning(w)) for w in SERVED_PEOPLE)


#: What a worker is said to know, speak or be, in a clause after them ('A worker who understands
#: asylum and trauma, ...', 'A nurse who knows the benefits system well is trusted ...'): who acts,
#: not what changes in the people served (TUNED ON held out 29). The clause ends at a comma, 'so',
#: 'because' or the main verb.
_WORKER_WHO = re.compile(
    r"\b(?:workers?|practitioners?|professionals?|adults?|someone|" + PROFESSIONAL_WORDS + r")\s+"
    r"(?:who|that)\s+\w+\b.*?(?=\s*(?:[,;:=(]|\bso\b|\bbecause\b|\b(?:is|are|was|were|can|will|earns?|"
    r"gains?|builds?|helps?|gives?|makes?|wins?|gets?|has|have|brings?|becomes?|means?)\b|$))",
    re.IGNORECASE)
#: Places named beside people ('school'): where a statement is, not who it is about.
_PLACES = frozenset(stem(w) for w in ("school", "schools"))


def _other_people(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two statements are about different people: no one in common, or no one in common
    besides a place both name ('parents feel school ...' beside 'Pupils feel ... about school')."""
    if mine and theirs and not mine & theirs:
        return True
    mine, theirs = mine - _PLACES, theirs - _PLACES
    return bool(mine and theirs and not mine & theirs)


def _names(text: str) -> frozenset[str]:
    """Words written in capitals, the name of a programme or a body ('SAFE intervention'), not
    what changes."""
    return frozenset(stem(meaning(w.lower())) for w in re.findall(r"\b[A-Z]{3,}\b", text))


@rule(MISLINKED)
def plausible_links(ctx: Context) -> Iterator[Finding]:
    """Mechanisms whose words match an outcome they are not linked to (on another branch) and
    none of the outcomes they lead to: judged by what the statements say changes (two words in
    common, or all of the other outcome's words)."""
    outcomes = [o for o in ctx.model.outcomes if ctx.eid(o) and o.statement]
    sets = [what_changes(o.statement) for o in outcomes]
    # what changes with the professionals left out: 'health visitor' in both is who acts
    unstaffed = [what_changes(PROFESSIONALS.sub(" ", o.statement)) for o in outcomes]
    index = _index(sets)
    # a word for people ('victims', 'patients') is who, not what changes (TUNED ON held out 28);
    # nor is a name in capitals: what each outcome could share with a mechanism, worked out once
    comparable = [u - _names(o.statement) - _PEOPLE_STEMS for o, u in zip(outcomes, unstaffed)]
    whose = [_who(o.statement) for o in outcomes]
    for m in ctx.model.mechanisms:
        linked = [o for o in ctx.targets(m, "leads_to") if o.kind == "outcomes" and o.statement]
        mine = what_changes(m.statement) - _PREVENTING if m.statement else frozenset()
        if not (ctx.eid(m) and linked and mine) or len(m.statement.split()) <= LABEL_SHORT:
            continue  # a label says nothing of any outcome: its link cannot be judged by its words
        if any(_speaks_of(mine, what_changes(o.statement))
               or len(content(m.statement) & content(o.statement)) >= 2 for o in linked):
            continue  # it speaks of an outcome it leads to ('concerns', 'help' beside 'Children
            # with developmental concerns get help sooner')
        near = _connected(ctx, linked)
        who = _who(m.statement)
        mine_unstaffed = what_changes(PROFESSIONALS.sub(" ", _WORKER_WHO.sub(" ", m.statement))) - _PREVENTING
        best = None
        for i in sorted(_candidates(mine, 1, index)):
            shared = len(mine_unstaffed & comparable[i])
            # one word in common, even a construct, is where or about what as often as what
            # changes ('placement', 'court', 'safety': five first-run false alarms in 23 sets)
            if id(outcomes[i]) in near or not (shared >= 2 or shared == len(sets[i])):
                continue
            theirs = whose[i]
            if _other_people(who, theirs):
                continue  # the same words about other people ('parents' confidence', 'practitioner confidence')
            if best is None or shared > best[0]:
                best = (shared, outcomes[i])
        if best is not None:
            other = best[1]
            yield make(MISLINKED, m.ref("leads_to"), ctx.eid(m),
                       linked=", ".join(ctx.eid(o) for o in linked), other=ctx.eid(other),
                       other_text=short(other.statement, 60), text=short(m.statement, 60))
