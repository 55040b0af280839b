"""Wording (warnings): statements a reader, an evaluator or a printer will struggle with."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from functools import lru_cache

from .. import layout as L
from ..findings import Finding, make, register
from ..model import Element, Field, needs_a_test
from . import text as T
from .base import Context, rule, short

C = "wording"
OUTCOME_NOT_CHANGE = register(
    "outcome-not-a-change", category=C, severity="warning",
    title="Outcome worded as an activity or output",
    description="An outcome should describe a change for people or services (e.g. 'Parents "
    "feel more confident'), not something the service does ('Deliver ...', 'Run sessions'), "
    "counts ('Number of ...'), whom it reached or what it gave them ('More pupils referred to "
    "the school nurse', 'Young people receive a mentor'; read by structure: people as the "
    "subject, a verb of getting, a thing the service gives as the object and no change: "
    "'Families receive timely early help support', 'Pupils at risk of exclusion get a place at "
    "the nurture base'; also a dose of it, 'get 12.5 hours of childcare', or anything but a change or a "
    "destination by a time the service keeps, 'a first appointment within ten days of referral'; "
    "'Pupils receive fewer exclusions' is a change; a number of people on the service as a target, "
    "'200+ pupils a year on a SAFE intervention'), what the service gathers or gives, in the passive "
    "with only for whom, when or where after it ('Victim views gathered in every case before panel', "
    "'Safe sleep advice given to all parents'), more of the service itself ('Grow the number of "
    "parent-infant teams', 'Increasing the availability of perinatal care'), a service event taken part in or "
    "carried out, read from the main verb and its object or subject ('Partner agencies attend "
    "every strategy discussion', 'Core group meetings held every four weeks'; attending school "
    "or college is a change), a step of implementation ('Contextual "
    "Safeguarding embedded across the partnership', 'Children and parents prepared for return', "
    "'Consistent joint decisions'), an order to the service acting on everyone ('Screen every under-18 "
    "in custody for ...') or means to do ('Break the cycle of ...', 'Tackle ...', "
    "'Inspire young people'). "
    "Activities belong on Components, counts on Outputs.",
    message="Outcome {id} ({ref}) reads like {what}, not a change: '{text}'.",
    fix="Reword it as the change you hope this brings about, for whom (e.g. 'Parents report "
    "less stress'); move activities to Components and counts to Outputs.",
)
NO_DIRECTION = register(
    "no-direction", category=C, severity="warning",
    title="Outcome without a direction of change",
    description="Neither the outcome statement nor the 'Intended direction' column says "
    "whether things should increase, decrease or stay the same, so it cannot be measured. A "
    "direction said as an end or a way out ('cease to go missing', 'no longer need a plan', "
    "'diverted from court', 'lifted out of poverty') is a direction.",
    message="Outcome {id} does not say which way things should change: '{text}'.",
    fix="Choose Increase, Decrease or Maintain in {ref}, or reword the outcome (e.g. 'more', "
    "'fewer', 'improved', 'reduced').",
)
VAGUE = register(
    "vague-statement", category=C, severity="warning",
    title="Statement that does not say what it is about",
    description="Judged by what is missing, not by length: once the words for people "
    "('families', 'children'), direction ('better', 'more') and stock phrases ('outcomes', "
    "'life chances', 'support') are set aside, nothing is left that says what changes (an "
    "outcome), what is done (a component with no description), what could go wrong or what "
    "must hold true. 'Fewer school exclusions' is short but specific; 'Better outcomes for "
    "families' is not, nor is an aim for a whole life with no construct ('Have fun', 'Reach "
    "their full potential'), nor an improvement said only of a field of work, leaving open who or "
    "what changes and how ('Better safeguarding practice in schools', 'Improved early help across "
    "the borough'; 'Safer sleep practice among new parents' names sleep), nor 'a better deal' "
    "(a fairer, a good deal) from the council or its services ('a better deal on rent' names rent). "
    "Some short aims name words of change yet leave out what an evaluator needs: a gap or inequality "
    "with neither in what nor between whom ('Reduced health inequalities', 'Narrow the gap'; 'the "
    "word gap between disadvantaged children and their peers' says both), 'outcomes' for a group "
    "however described ('Improved outcomes for privately fostered children'), confidence, "
    "engagement, feeling supported or valued, or coping, with no object ('Pupils more confident', "
    "'Improved parental engagement', 'Families feel supported', 'Young people cope better'; 'more "
    "confident as parents', 'engaged in learning' say it), choices said only to be good ('Healthier "
    "lifestyle choices'; 'healthier food choices' says which), services only said to work together "
    "better ('Services better joined up', 'Better joint working between agencies'), and a "
    "shortfall or a stigma of no one ('Reduced underachievement', 'Reduced stigma').",
    message="{id}'s {column} ({ref}) does not say {missing}: '{text}'.",
    fix="Say {missing} in {ref}, specifically enough to measure or check, e.g. '{example}'.",
)
COMPOUND = register(
    "compound-outcome", category=C, severity="warning",
    title="Several outcomes in one",
    description="The outcome joins several things that would be measured separately ('better "
    "housing, income and confidence'), so it cannot be measured with one measure and it will "
    "be unclear which part changed. Two things are reported only when they are separately "
    "measurable changes: of different families of constructs ('sleep and concentration', "
    "'housing and relationships') or each with its own direction ('fewer exclusions and "
    "better attendance'), or two things as the subject of one verb of change ('friendships "
    "and grades improve'), or two groups of people each with a verb ('mothers drink less and "
    "babies gain weight', 'fathers spend time with their children and mothers get a break'), or "
    "two things one group does, each a verb with its own object ('care leavers budget for "
    "themselves and keep their tenancy'), or a change and then, after ', with', a thing said to go "
    "the other way ('more choice and control, with fewer meetings to attend'), or a change and "
    "then people with a direction of their own ('less conflict at home and parents more "
    "confident'), or a clause and then professionals doing something in their practice ('plans "
    "reflect what young people asked for and social workers visit when they said they would'), "
    "or two feelings of different kinds after 'feel' ('feel safe and supported', 'feel supported "
    "and confident', 'feel listened to and satisfied'). Close constructs ('stress and anxiety', "
    "'identity and belonging', 'relationships and communication'), feelings of one kind ('listened "
    "to and valued') and pairs usually measured as one ('health and wellbeing', 'safe and "
    "settled') are not; three or more things always are.",
    message="Outcome {id} ({ref}) joins {count} changes in one statement ({parts}): '{text}'.",
    fix="Split {id} into one outcome per change ({suggestion}), each with its own direction, "
    "and link each to the mechanisms that bring it about.",
)
DIRECTION_CONTRADICTS = register(
    "direction-contradicts", category=C, severity="warning",
    title="Direction that contradicts the statement",
    description="The 'Intended direction' column says the opposite of the statement's own words "
    "('fewer missed appointments' or 'shorter waits' with Increase, 'longer placements' with "
    "Decrease; 'no longer carry knives', 'stop relying on crisis services', 'diverted from "
    "custody' with Increase), so a measure would be read the wrong way round. Words of both ways, "
    "or 'better' beside them, leave the direction to the column.",
    message="Outcome {id} says '{word}' but its intended direction ({ref}) is {chosen}: '{text}'.",
    fix="Choose {expected} in {ref}, or reword the outcome so that it and the direction agree.",
)
PLACEHOLDER = register(
    "placeholder", category=C, severity="warning",
    title="Placeholder text left in",
    description="A cell holds a placeholder instead of an answer: TBC, TBD, xxx, '?', 'e.g.' on "
    "its own, '[insert ...]', or the template's own example copied from the guidance. Text that "
    "only contains an example ('parents, e.g. those with past involvement') is an answer, and so "
    "is a dash in a column that may be left empty ('nothing to add').",
    message="{place} ({ref}) still holds placeholder text ('{found}').",
    fix="Replace the placeholder in {ref} with the real answer, or leave the cell empty until "
    "you know it.",
)
NEAR_DUPLICATE = register(
    "near-duplicate", category=C, severity="warning",
    title="Two statements say almost the same",
    description="Two rows on the same sheet use nearly the same words, which usually means a "
    "row was copied or the same idea was entered twice.",
    message="{id} ({ref}) says almost the same as {other} ({other_ref}): '{text}'.",
    fix="Merge the two rows (keeping one ID and updating links to the other), or reword them "
    "so the difference is clear.",
)
TOO_LONG = register(
    "text-too-long", category=C, severity="warning",
    title="Cell too long to print well",
    description="The text in a cell is longer than its column can show on a printed page "
    "(a row can be at most about 30 lines high), so it will be cut off when printed.",
    message="{place} ({ref}) holds {chars} characters; about {limit} fit in that column when "
    "printed.",
    fix="Shorten the text in {ref} to the essentials (under {limit} characters) and move "
    "detail to a separate document or a Detail/Description column.",
)
NEGATIVE_UNMANAGED = register(
    "negative-unmanaged", category=C, severity="warning",
    title="Negative consequence without mitigation or monitoring",
    description="A potential negative consequence should say what will be done to prevent or "
    "reduce it and how you will notice if it happens.",
    message="Negative consequence {id} has no {what} ({empty}).",
    fix="Fill in {ref}: {help}",
)
ASSUMPTION_UNTESTED = register(
    "assumption-untested", category=C, severity="warning",
    title="Assumption not known to hold, without a test plan",
    description="An assumption rated Some (partly evidenced), weak or untested, or not rated, "
    "needs a plan for checking whether it holds; only one rated Strong can be taken as given. The "
    "evaluation plan adds a test row for each of the same assumptions (one rule, "
    "`lm_excel.model.needs_a_test`). One made only of the model's own parts ('Outcomes and "
    "impacts are interrelated') is not asked for a test: no data could test it.",
    message="Assumption {id} is {confidence} but there is no plan to test it ({ref} is empty).",
    fix="Say in {ref} what evidence you will gather to check it, e.g. a question in a family "
    "survey or an audit of cases.",
)

# --- outcome wording -----------------------------------------------------------------------------

_ACTIVITY = re.compile(
    r"^\s*(?:to\s+)?(?!developing\b|running\s+away\b)(?:deliver|run|provide|hold|offer|organi[sz]e|set\s+up|establish|implement|"
    r"launch|introduce|conduct|host|train|recruit|commission|fund|hire|roll\s+out|distribute|"
    r"produce|carry\s+out|undertake|arrange|facilitate|employ|create|develop)(?:s|ing|ning|ting)?\b|"
    # what the service does for people, as a gerund ('Supporting families to ...', 'Helping
    # young people into work', 'Working with schools'); 'Support networks' is a thing
    r"^\s*(?:supporting|helping|working\s+with)\b|"
    # gerunds of teaching or aiming, listed, before the people they act on ('Educating, informing
    # and challenging young people about ...')
    r"^\W*(?:(?:educating|informing|teaching|challenging|inspiring|equipping|empowering|encouraging|"
    r"enabling|promoting|motivating)\s*(?:,|and|&)?\s*)+(?:all\s+|the\s+|our\s+|local\s+)?(?:children|"
    r"young|people|parents|families|pupils|carers|students|staff|professionals|communities|women|men|"
    r"girls|boys|adults|learners)\b",
    re.IGNORECASE,
)
_COUNT = re.compile(r"^\s*(?:the\s+)?(?:number|no\.?|count|total|amount|quantity)\s+of\b", re.IGNORECASE)
#: A direction said as an end or a way out ('cease to go missing', 'no longer need a plan', 'desist
#: from offending', 'diverted from court', 'move away from crisis support', 'lifted out of
#: poverty', 'come off the register'): what follows should fall. Read by structure: a verb of
#: ending, or a verb of moving with a particle of leaving.
_ENDING = (r"(?:(?<![-\w])stop(?:s|ped|ping)?(?!\s+(?:and|&)\s)|ceas(?:e|es|ed|ing)|no\s+longer(?!\s+than)|"
           r"desist(?:s|ed|ing)?|quit(?:s|ting)?|giv(?:e|es|ing|en)\s+up|gave\s+up|"
           r"divert(?:s|ed|ing)?\s+(?:away\s+)?(?:from|out\s+of)|"
           r"(?:(?!(?:plac|hous|accommodat|educat|look|car|sign)ed)[a-z]+ed|mov(?:e|es|ing)|lifts?|steps?|come|comes|"
           r"came|gets?|got|pulls?|steers?|breaks?|broke|keeps?|kept|stays?)\s+(?:away\s+from|clear\s+of|out\s+of|"
           r"free\s+(?:of|from))(?!\s+(?:hours|area|borough|county|authority)\b)|(?:com(?:e|es|ing)|came|gets?|got|getting|step(?:s|ped|ping)?|mov(?:e|es|ed|ing))\s+off)")
_ENDING_RX = re.compile(r"\b" + _ENDING + r"\b", re.IGNORECASE)
_DIRECTION = re.compile(
    r"\b(?:" + _ENDING + r"|back\s+(?:to|into|in)|increas\w*|decreas\w*|reduc\w*|fewer|more|less|lower\w*|higher|improv\w*|better|worse|"
    r"rais\w*|rise|rises|rising|rose|risen|fall\w*|drop\w*|grow\w*|decline\w*|maintain\w*|sustain\w*|stable|"
    r"steady|prevent\w*|avoid\w*|stop\w*|strengthen\w*|enhanc\w*|greater|boost\w*|cut|shorter|"
    r"longer|quicker|faster|sooner|earlier|slower|gain\w*|extend\w*|expand\w*|minimi[sz]\w*|"
    r"maximi[sz]\w*|keep\w*|kept|positive|negative|safer|healthier|stronger|"
    r"weaker|eliminat\w*|retain\w*|protect\w*|remain\w*|stay|stays|staying|continu\w*)\b",
    re.IGNORECASE,
)

# --- placeholders --------------------------------------------------------------------------------

_TBC = r"(?:TB[CDA]|to\s+be\s+(?:confirmed|decided|determined|agreed|added|completed))"
#: The whole cell is a placeholder.
_PLACEHOLDER_WHOLE = re.compile(
    r"^\W*(?:" + _TBC + r"|x{2,}|\?+|-+|e\.?\s?g\.?|i\.?e\.?|etc\.?|placeholder|lorem\s+ipsum.*|"
    r"insert\b.*|add\s.*\shere|enter\s.*\shere|type\s.*\shere|\.{3,}|…)\W*$",
    re.IGNORECASE | re.DOTALL,
)
#: The cell opens with TBC and says little else ('TBC with finance'), or only a note set off
#: after it ('TBC - clinical lead to write up after the workshop': who will answer, not the answer).
_PLACEHOLDER_LEAD = re.compile(r"^\W*(?P<tbc>" + _TBC + r")\b(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_NOTE_AFTER = re.compile(r"\s*[:(\u2013\u2014]|\s+-|\.\s")
#: Text that is still to come: a short heading, then a note that its answer will be added
#: ('Risks for mums - to be added after steering group'), or a promise of text ('Details to follow
#: from Morning Lane').
_TO_COME = r"(?:to\s+be\s+(?:added|filled\s+in)|to\s+follow|to\s+come)\b"
_NOTE_TO_COME = re.compile(r"^\W*(?P<head>(?:[\w'’]+\s+){0,4}[\w'’]+)\s*(?:\s-|[:\u2013\u2014])\s*(?P<note>"
                           + _TO_COME + r")", re.IGNORECASE)
#: A heading that names only the kind of row it fills ('Accommodation outcome', 'Housing risk'), then
#: TBC set off after it ('Accommodation outcome - TBC with housing'): the answer is still to come.
#: A heading that says something ('Fewer exclusions (TBC: which schools)') is an answer with a note.
_SLOT_TBC = re.compile(r"^\W*(?P<head>(?:[\w'’]+\s+){0,3}(?:outcomes?|mechanisms?|components?|activit(?:y|ies)|"
                       r"outputs?|measures?|targets?|indicators?|risks?|assumptions?|inputs?|impacts?))"
                       r"\s*(?:\s-|[:(\u2013\u2014])\s*(?P<note>" + _TBC + r")\b", re.IGNORECASE)
_PROMISE = re.compile(r"^\W*(?:(?:more|full|further)\s+)?(?:details?|text|information|description|content|"
                      r"wording)\s+(?P<note>" + _TO_COME + r")", re.IGNORECASE)
#: A fill-in marker anywhere ('[insert references]', 'xxx families', 'lorem ipsum').
_PLACEHOLDER_IN = re.compile(
    r"\[\s*(?:insert|add|enter|type|name|tbc)\b[^\]]*\]?|<\s*(?:insert|add|enter|name)\b[^>]*>?|"
    r"\bx{3,}\b|\blorem\s+ipsum\b|\?{3,}",
    re.IGNORECASE,
)

# --- printing ------------------------------------------------------------------------------------

#: Lines a row can show when printed (Excel's row height limit is 409 points, about 30 lines).
PRINT_LINES = 30
#: Width (characters) of the Intervention sheet's answer column.
FORM_WIDTH = 70


def print_limit(width: float) -> int:
    """About how many characters fit in a printed cell of a column ``width`` characters wide."""
    per_line = max(width * 1.15 - 1, 4)
    return math.floor(per_line * PRINT_LINES)


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9'’-]+", text)


@rule(OUTCOME_NOT_CHANGE, NO_DIRECTION, COMPOUND, DIRECTION_CONTRADICTS)
def outcome_wording(ctx: Context) -> Iterator[Finding]:
    """Outcomes worded as activities or counts; several outcomes in one; no direction of change,
    or a direction the statement contradicts."""
    for o in ctx.model.outcomes:
        text = o.statement
        if not ctx.eid(o) or not text:
            continue
        what = not_a_change(text)
        if what:
            yield make(OUTCOME_NOT_CHANGE, o.ref("outcome"), ctx.eid(o), what=what, text=short(text))
        parts = [] if what else compound_parts(text)
        if len(parts) >= 2:
            suggestion = "; ".join(f"'{w[:1].upper() + w[1:]}'" for w in _split_wording(text, parts))
            yield make(COMPOUND, o.ref("outcome"), ctx.eid(o), count=len(parts), parts=_and(parts),
                       text=short(text), suggestion=suggestion)
        if "direction" not in o.fields:
            continue
        chosen = L.norm_label(o.fields["direction"].text)
        if not chosen and not _DIRECTION.search(text):
            yield make(NO_DIRECTION, o.ref("direction"), ctx.eid(o), text=short(text))
        said, word = said_direction(text)
        # the statement's words decide only when they all point one way: with 'better' or
        # 'improved' beside 'less' ('better assessments completed in less time') the 'less' may
        # describe something else than what should change
        if (chosen in ("increase", "decrease") and said and said != chosen
                and (len(parts) < 2 or _leads_them_all(text, parts))  # else it waits for the split
                and not set(T.words(text)) & _UNSIGNED):
            yield make(DIRECTION_CONTRADICTS, o.ref("direction"), ctx.eid(o), word=word,
                       chosen=o.fields["direction"].text, expected=said.capitalize(), text=short(text))


#: Words that say a statement's thing should go down or up, beyond :data:`text.DECREASE` and
#: :data:`text.INCREASE`: of size and time ('shorter waits', 'briefer stays'), of doing away with
#: it ('minimise', 'eliminate', 'prevent', 'avoid'), and of growth ('maximise', 'expanded',
#: 'longer placements'). 'Free of' and '-free' are left open: 'Families free from abuse' is as
#: often measured as a share that rises as a count that falls.
_SAYS_DOWN = T.DECREASE | frozenset("""
shorter shortest shorten shortens shortened shortening briefer lessen lessens lessened lessening
minimise minimises minimised minimising minimize minimizes minimized minimizing eliminate
eliminates eliminated eliminating elimination prevent prevents prevented preventing avoid avoids
avoided avoiding shrink shrinks shrinking shrank shrunk halve halves halved halving diminish
diminished diminishing curb curbed curbing
""".split())
_SAYS_UP = T.INCREASE | frozenset("""
maximise maximises maximised maximising maximize maximizes maximized maximizing expand expands
expanded expanding expansion extend extends extending longer lengthen lengthened widen widened
widening broaden broadened broadening double doubled doubling
""".split())
#: Speed words say less time only before a word for time ('quicker waiting times', 'faster time
#: to adoption'); 'quicker access' leaves open which way its measure goes.
_SPEED_OF_TIME = re.compile(r"\b(?P<w>quicker|faster|speedier|swifter)\s+(?:\w+\s+)?(?:times?|waits?|"
                            r"waiting|durations?|timescales?|delays?|turnaround)\b", re.IGNORECASE)
#: Phrases in which a word of size is no direction ('no longer', 'longer-term', 'extended family',
#: 'most likely', 'at least').
_NOT_SIZE = re.compile(r"\bno\s+longer\b|\b(?:longer|shorter)[\s-]term\b|\bextended\s+famil\w*|"
                       r"\bextended\s+network\w*|"
                       r"\bprevented\s+from\b", re.IGNORECASE)


#: Nothing after a word of ending but a note in brackets: the word says what happened to the thing
#: before it ('EHC plans ceased (outcomes met)', 'Child protection plans ended'), an event counted.
_NOTHING_AFTER = re.compile(r"(?:\s*\([^)]*\)?)*\W*$")


def said_direction(text: str) -> tuple[str, str]:
    """Which way a statement's own words say its thing should go ('increase' or 'decrease') and
    the first word that says so; ('', '') when they say neither, or both ('more children
    prevented from entering care', 'an increase in the reduction of ...')."""
    ending = _ENDING_RX.search(_EXAMPLES.sub("", text))  # not in examples: '(e.g. stopping drinking)'
    if ending and _NOTHING_AFTER.match(ending.string, ending.end()):
        ending = None  # 'Plans ceased (goals met)': what ended is the thing counted, either way
    low = _NOT_SIZE.sub(" ", _DROP_IN.sub("dropin", text))  # a drop-in is a session, not a fall
    ws = T.words(low)
    down = [w for w in ws if w in _SAYS_DOWN] + ([ending.group(0).lower()] if ending else [])
    up = [w for w in ws if w in _SAYS_UP]
    m = _SPEED_OF_TIME.search(low)
    if m:
        down.insert(0, m.group("w").lower())
    if bool(down) == bool(up):
        return "", ""
    return ("decrease", down[0]) if down else ("increase", up[0])


def _leads_them_all(text: str, parts: Sequence[str]) -> bool:
    """Whether a compound's only words of direction come before its first part, so they say the
    direction of every part ('More play, reading and talk at home'), not of one of them
    ('understand the risks and have fewer risk factors')."""
    low = text.lower().replace("-", " ")
    at = low.find(parts[0].lower().replace("-", " ")) if parts else -1
    return at > 0 and not _DIRECTION.search(low, at)


def _split_wording(text: str, parts: Sequence[str]) -> list[str]:
    """Each part of a compound outcome with its own direction word where the statement gives one
    ('more confident and less isolated' -> 'more confident', 'less isolated'), else the first."""
    low = text.lower().replace("-", " ")
    lead = _with_its_preposition(next((w for w in T.words(text) if w in T.DIRECTION), ""), low)
    out, start = [], 0
    for p in parts:
        at = low.find(p.lower().replace("-", " "), start)
        if at < 0:
            out.append((lead + " " + p).strip())
            continue
        own = [w for w in T.words(low[start:at]) if w in T.DIRECTION]
        word = _with_its_preposition(own[-1], low[start:at]) if own else lead
        out.append((word + " " + p).strip())
        start = at + len(p)
    return out


def _with_its_preposition(word: str, text: str) -> str:
    """A direction word with the 'in' or 'of' that follows it in ``text`` ('reduction in'), so that
    each part of a split reads as English ('Reduction in violence', not 'Reduction violence')."""
    m = re.search(rf"\b{re.escape(word)}\s+(in|of)\b", text) if word else None
    return f"{word} {m.group(1)}" if m else word


#: Words of change that say better or worse but not up or down.
_UNSIGNED = frozenset("""
improve improves improved improving improvement improvements better worse enhance enhanced
enhancing strengthen strengthened strengthening stronger
""".split())


#: Words that open a clause of change ('reduced exclusions'), not 'more' or 'less', which are
#: often part of what is described ('more stable placements').
_CLAUSE_OPENERS = (T.INCREASE | T.DECREASE | _UNSIGNED) - {"more", "less"}


#: An outcome opening with a verb of aiming says what the service means to do ('Break the cycle
#: of ...', 'Tackle child poverty', 'Ensure every child ...'), not what changes.
_AIM = re.compile(r"^\s*(?:to\s+)?(?:break(?:ing)?\s+(?:the|a)\s+cycles?|tackle|address|ensure|enable|"
                  r"empower|promote|eradicate|"
                  # what the service does to others, as an order: inspire, equip, instil, ...
                  r"inspire|instil|instill|equip|motivate|encourage|nurture|give|engage|educate|"
                  r"teach|inform|champion|celebrate|foster(?!\s+(?:carers?|care|famil\w*|placements?|"
                  r"parents?|homes?)\b))\b(?![-'’])", re.IGNORECASE)
#: Staff or services as the subject, working with people for a purpose ('Practitioners work with
#: parents to build trust'): what the service does, whatever the purpose.
_STAFF_AT_WORK = re.compile(
    r"^\W*(?:all\s+|the\s+|our\s+|local\s+)?(?:[\w-]+\s+){0,2}?(?:practitioners?|professionals?|"
    r"staff|workers?|teams?|services?|agencies|partners?)\s+(?:will\s+|should\s+)?"
    r"(?:work|works|working)\s+(?:closely\s+|together\s+|jointly\s+)*(?:with|alongside)\b"
    r".*\b(?:to|so\s+that|in\s+order\s+to)\s+\w+", re.IGNORECASE)
#: ... or ends with it in the passive, with no direction ('Financial barriers addressed').
_AIM_DONE = re.compile(r"\b(?:addressed|tackled)\W*$", re.IGNORECASE)


@lru_cache(maxsize=16384)
def not_a_change(text: str) -> str:
    """What an outcome statement reads like instead of a change ('an activity', 'an output (a
    count)', 'an aim', 'an output (taking part in the service)'), or '' when it reads like a
    change. A count that says which way it should go ('Number of children in care falls') is a
    change."""
    if _COUNT.search(text) and not _DIRECTION.search(text):
        return "an output (a count)"
    if _AIM.search(text) or (_AIM_DONE.search(text) and not _DIRECTION.search(text)):
        return "an aim (what the service means to do)"
    m = _ACTIVITY.search(text)
    if (m and not (_SELF_MADE.match(m.group(0)) and _develops_a_quality(text[m.end():]))) \
            or _STAFF_AT_WORK.search(text) or _an_order_to_the_service(text):
        return "an activity"
    if _MORE_OF_THE_SERVICE.search(text):
        return "an output (more of the service)"
    if takes_part(text) or service_done(text):
        return "an output (taking part in the service)"
    if served(text):
        return "an output (whom the service reached)"
    if given(text):
        return "an output (what people are given)"
    if gathered(text):
        return "an output (what the service gathers or gives)"
    if implemented(text):
        return "a step of implementation (a process or milestone)"
    return ""


#: A verb of the service's own work, as an order to it with everyone it acts on after ('Screen
#: every under-18 in custody for ...', 'Visit all families within a week'): an activity.
_ORDER = re.compile(r"^\W*(?:to\s+)?(?P<verb>[a-z-]+)\s+(?:every|all|each)\b", re.IGNORECASE)
_SERVICE_BASE = T.service_words(("reaching", "sending", "casework"), ("base",)) - {"meet"}  # 'meet every need' is an aim


def _an_order_to_the_service(text: str) -> bool:
    """Whether an outcome opens with a verb of the service's own contacts, referrals or casework,
    in its base form, acting on every, all or each of the people (:data:`_ORDER`)."""
    m = _ORDER.match(text)
    return bool(m) and m.group("verb").lower() in _SERVICE_BASE


#: More of the service itself: its number of teams, services or places, or its availability
#: ('Grow the number of specialised parent-infant relationship teams', 'Increasing the
#: availability of specialist perinatal mental health care'): an output of commissioning.
_MORE_OF_THE_SERVICE = re.compile(
    r"^\W*(?:to\s+)?(?:grow(?:ing)?|increas\w*|expand\w*|improv\w*|more|greater|better)\s+(?:the\s+)?"
    r"(?:availability|supply)\s+of\b|"
    r"^\W*(?:to\s+)?(?:grow(?:ing)?|increas\w*|expand\w*)\s+(?:the\s+)?number\s+of\s+(?:[\w-]+\s+){0,4}?"
    r"(?:teams?|services?|hubs?|places|clinics?|groups?|programmes?|sessions?|panels?|providers?)\b",
    re.IGNORECASE)


#: Words that say a way of working, a tool or a structure has been put in place ('Contextual
#: Safeguarding embedded across the partnership', 'Multi-agency panel established', 'Protocol
#: agreed', 'Shared tool used by all agencies'): a milestone of implementation.
_IMPLEMENTED = re.compile(
    r"\b(?:embedded|rolled[\s-]out|adopted|established|implemented|launched|set[\s-]up|introduced|"
    r"in\s+place|agreed|commissioned|re-?commissioned|mainstreamed|operational|up\s+and\s+running|"
    r"signed\s+off|used\s+by|in\s+use|co-located|scaled\s+up|integrated\s+into|piloted|"
    r"redesigned|restructured|aligned|ratified|approved|live|co-?produced|co-?designed|co-?developed)\b",
    re.IGNORECASE)
#: A way of working named with no change ('Consistent joint decisions', 'Joined up working across
#: services', 'Seamless services'): how the service works, a process.
_WAY_OF_WORKING = re.compile(
    r"^\W*(?:more\s+)?(?:effective|efficient|good|strong|robust|consistent|joint|joined[\s-]up|shared|integrated|multi-agency|collaborative|"
    r"co-?ordinated|seamless|partnership|whole[\s-](?:family|school|system)|person-centred|"
    r"child-centred|trauma-informed|relational|strengths-based)\s+(?:[\w-]+\s+)?(?:working|decisions?|"
    r"decision[\s-]making|planning|approach(?:es)?|responses?|process(?:es)?|pathways?|services?|"
    r"practice|systems?|offer)\b", re.IGNORECASE)
#: Services or agencies working together, with no change named ('Services that work together',
#: 'Agencies working together'): a way of working.
_TOGETHER = re.compile(r"^\W*(?:the\s+|all\s+|local\s+)*(?:services|agencies|partners|teams|professionals|"
                       r"organisations|organizations)\s+(?:that\s+|which\s+|who\s+)?work(?:s|ing)?\s+"
                       r"(?:well\s+)?together\b", re.IGNORECASE)
#: People made ready for a stage of the service ('Children and parents prepared for return'): the
#: preparation stage itself. Feeling prepared ('Young people feel prepared for ...') is a change.
_PREPARED = re.compile(
    r"\bprepared\s+for\s+(?:the\s+|their\s+|a\s+|an\s+)?(?:[\w-]+\s+)?(?:return|transfer|"
    r"transition|discharge|move|reunification|hearing|court|panel|review|adoption|placement|"
    r"meeting|conference|assessment|step-down|closure)s?\b", re.IGNORECASE)


#: Structures and ways of working a service puts in place.
_STRUCTURES = frozenset("""
model models panel panels hub hubs approach approaches framework frameworks service services
protocol protocols pathway pathways tool tools team teams board boards policy policies process
processes system systems practice offer programme programmes strategy strategies partnership
partnerships forum forums meeting meetings procedure procedures agreement agreements
""".split())


def implemented(text: str) -> bool:
    """Whether an outcome only says a step of implementation is done: a way of working, a tool or
    a structure put in place (:data:`_IMPLEMENTED`, with no people and nothing measurable before
    it), a way of working named with no direction (:data:`_WAY_OF_WORKING`), or people prepared
    for a stage of the service (:data:`_PREPARED`). A change said of it ('Improved joint
    working') or something people do or feel ('Parents adopt safer sleep') is an outcome."""
    ws = T.words(text)
    if any(w in T.DIRECTION or w in _COMPARATIVES or w in _SAYS_DOWN or w in _SAYS_UP
           or w in _PEOPLE_VERBS or w in _STATE_VERBS for w in ws):
        return False
    m = _IMPLEMENTED.search(text)
    if m:
        before = T.words(text[:m.start()])
        named = len(re.findall(r"\b[A-Z][\w-]*", text[:m.start()])) >= 2  # 'Signs of Safety'
        if before and (named or not any(_construct(w) for w in before)) and (
                before[-1] in _STRUCTURES or before[-1].endswith("ing")
                or not any(w in T.ACTORS for w in before)):
            return True  # people before it only describe a structure: 'Family hub model'
    return bool(_WAY_OF_WORKING.search(text) or _PREPARED.search(text) or _TOGETHER.search(text))


#: Verbs of making that people do for themselves ('Develop good relationship skills'), unlike
#: 'Create hope', which the service does for others.
_SELF_MADE = re.compile(r"\s*(?:to\s+)?develop", re.IGNORECASE)
#: Words that end the thing a verb acts on ('Develop confidence | in managing money').
_OBJECT_END = frozenset("""
with for in to on at across within through by from so that which who when where between among
""".split())


def _develops_a_quality(rest: str) -> bool:
    """Whether what an opening verb of making acts on is a quality of the people themselves ('Develop
    good relationship skills', 'Create hope', 'Develop a secure attachment with their carer'): a
    change for them, not something the service makes ('Develop a parenting programme')."""
    heads, last = [], ""
    for w in _TOKENS.findall(rest.lower()):
        if w in _OBJECT_END or w in ("and", "&", ","):
            heads.append(last)
            last = ""
            if w in _OBJECT_END:
                break
        elif w not in _PUNCT:
            last = w
    heads.append(last)
    return any(h and _construct(h) and T.construct_family(h) != "service use" for h in heads)


#: Taking part in the service itself ('attending sessions', 'take-up of the parenting programme',
#: 'engaging with the service', 'referrals to the kinship service'): what an output counts. What
#: people take part in beyond the service (school, appointments, community groups, funded
#: childcare) is a change.
_GAP = r"(?:(?!(?:of|for|in|to|with|and|or|by|from|at)\s)[\w&'’-]+\s+)"
_DELIVERED = (r"(?:(?:the|our|this|its)\s+" + _GAP + r"{0,3}?(?:service|programme|"
              r"project|course|group|training|hub|drop-in|intervention|scheme|clinic|club)s?\b|"
              + _GAP + r"{0,3}?(?:sessions?|workshops?|drop-ins?|meetings?|panels?|huddles?|"
              r"(?:new[\s-]birth|home|health|antenatal)\s+visits?))\b")
_TAKING_PART = re.compile(
    r"\b(?:attend\w*(?:\s+(?:at|of))?|access\w*|take[\s-]?up\s+of|uptake\s+of|takes?\s+up|complet\w*|"
    r"engag\w*\s+(?:with|in)|participat\w*\s+in|t(?:ake|akes|aking|ook|aken)\s+part\s+in|using|uses?|receiv\w*|(?<![-\w])referrals?\s+(?:in)?to)\s+"
    r"(?:(?:at\s+least|all|every|most|some|more|fewer|each)\s+|(?:\w+\s+)?of\s+|[\d\w-]+\s+of\s+)*"
    + _DELIVERED, re.IGNORECASE)
#: 'Increase in referrals' with nothing about whom from or where to, or what follows ('More
#: referrals lead to an assessment'): the service's own intake.
_MORE_REFERRALS = re.compile(r"^\W*(?:an?\s+)?(?:increase[sd]?\s+in|more|higher|rise\s+in|"
                             r"increased|greater)\s+(?:number\s+of\s+)?referrals?\b"
                             r"(?:\s+(?:for|of|in|among|across|by|within|at)\b.*)?\W*$",
                             re.IGNORECASE)


#: What the service does to people, as a participle ('contacted', 'offered', 'seen', 'referred',
#: 'supported by', 'enrolled on'): with only the people before it, the outcome counts whom the
#: service reached ('More survivors contacted within 24 hours'), an output.
_SERVED = re.compile(r"(?<![-\w])(?:" + T.service_verbs(("reaching", "sending", "casework", "giving"), ("ed",))
                     + r")\b", re.IGNORECASE)
#: Verbs of sending, after which 'to' names where to ('referred to the school nurse'), not a purpose.
_SENDING = T.service_words(("sending",), ("ed",))
#: People receiving something the service gives ('Young people receive a mentor', 'Families
#: allocated a key worker', 'Care leavers get a personal adviser').
_RECEIVED = re.compile(
    r"\b(?:receiv\w*|gets?|got|getting|provided\s+with|given|allocated|assigned|offered|"
    r"matched\s+(?:with|to))\s+(?:a\s+|an\s+|the\s+|their\s+|his\s+|her\s+|one\s+)?"
    r"(?:(?!(?:more|fewer|less|better|improved|higher|lower|greater|reduced|increased|to|of|in|for|"
    r"with|by|from|on|at|into|through)\b)[\w-]+\s+){0,2}"
    r"(?:mentors?|key\s*workers?|workers?|advis[eo]rs?|advocates?|befrienders?|volunteers?|"
    r"coach(?:es)?|buddies|buddy|caseworkers?|practitioners?|professionals?|nurses?|plans?|"
    r"assessments?|reviews?|packages?|counselling|therapy|interventions?|offers?|visits?|"
    r"sessions?|leaflets?|packs?|information|advice|services?|person|checks?|screenings?|"
    r"places?\s+on)\b", re.IGNORECASE)
#: The frame of a count of people ('Increase in the number of', 'A higher proportion of'), read as
#: 'more'.
_REACH_FRAME = re.compile(r"^\W*(?:an?\s+)?(?:increase[sd]?|rise|growth|more|higher|greater|bigger)"
                          r"\s+(?:in\s+)?(?:the\s+)?(?:number|numbers|proportion|percentage|rate|share)"
                          r"\s+of\s+|"
                          # a target share ('93% of new babies seen ...')
                          r"^\W*(?:at\s+least\s+)?\d+(?:\.\d+)?\s*%\s+of\s+", re.IGNORECASE)
_OPENERS_OF_REACH = frozenset("""
more increased increase higher greater all every each number proportion who that are is were was
be been being get gets got now have has had
""".split())
#: Things the service produces, and words that say it produced them ('More safety plans
#: completed', 'Team around the family meetings held').
_PRODUCED = re.compile(
    r"\b(?:plans?|assessments?|reviews?|conferences?|meetings?|sessions?|visits?|referrals?|"
    r"checks?|contacts?|calls?|notifications?|screenings?|recommendations?|reports?|"
    r"appointments\s+offered)\s+(?:(?:for|about|on)\s+(?:[\w-]+\s+){0,3}?)?"
    r"(?:are\s+|were\s+|being\s+|is\s+|was\s+)?(?:completed|opened|held|written|produced|convened|"
    r"triaged|reviewed|screened|allocated|processed|acknowledged|answered|"
    r"made|signed\s+off|submitted|issued|logged|recorded|sent|"
    r"shared|offered|delivered)\b", re.IGNORECASE)


#: The service's contacts with people done ('Statutory visits carried out every six weeks',
#: 'Return home interviews undertaken'); plans carried out are what families do.
_CONTACTS_DONE = re.compile(r"\b(?:visits?|meetings?|reviews?|assessments?|checks?|sessions?|interviews?|"
                            r"appointments?|contacts?)\s+(?:are\s+|were\s+|is\s+|was\s+)?(?:carried\s+out|"
                            r"undertaken|done|conducted|held|completed)\b", re.IGNORECASE)
#: Having access to the service's help ('Children have access to further support'): its
#: availability, an output. Access to a person or a place ('a trusted adult') is not matched.
_ACCESS_TO = re.compile(r"\b(?:ha(?:ve|s|d)|gain\w*|given)\s+access\s+to\s+(?:(?:further|more|the|specialist|"
                        r"extra|additional|their|a|an|early|local|appropriate|ongoing)\s+){0,2}"
                        r"(?:support|help|services?|advice|interventions?)\b", re.IGNORECASE)
#: 'Informed' before a decision or a choice says how people decide ('Carers make informed
#: decisions about SGOs'), not that the service informed them.
_INFORMED_CHOICE = re.compile(r"\binformed\s+(decisions?|choices?|consent|judge?ments?|views?)\b",
                              re.IGNORECASE)
#: The early years session 'stay and play' is a name, not a verb of staying.
_STAY_AND_PLAY = re.compile(r"\bstay[\s-]+and[\s-]+play\b", re.IGNORECASE)


def served(text: str) -> bool:
    """Whether an outcome only says whom the service acted on or what it gave them (see
    :data:`_SERVED`, :data:`_RECEIVED`) or what it produced (:data:`_PRODUCED`): before it, at
    most a word of 'more' or 'all' and the people ('More survivors', 'All families', 'Increase in
    the number of parents who'); after it, no change, no state and no purpose ('supported to stay
    together', 'assessed as ready for school', 'offered a job stay in work')."""
    if counted_on(text):
        return True
    text = _STAY_AND_PLAY.sub("playgroup", _REACH_FRAME.sub("more ", text))
    text = _INFORMED_CHOICE.sub(r"sound \1", text)
    for rx in (_SERVED, _RECEIVED, _PRODUCED, _CONTACTS_DONE, _ACCESS_TO):
        m = rx.search(text)
        thing = _OF_A_THING.search(text[:m.start()]) if rx is _SERVED and m else None
        if thing and not _people(thing.group("n").lower()):
            continue  # 'the opportunities provided by ...': said of a thing, not of people
        if rx is _SERVED and m and _FINITE & set(T.words(re.split(r",|;|\band\b", text[m.end():])[0])):
            continue  # 'Young people supported by the scheme do not reattend': who, then a change
        if m and _reached(text, m, produced=rx in (_PRODUCED, _CONTACTS_DONE)):
            return True
    return False


#: The main verb of what people get from a service, active or passive ('receive', 'get', 'are
#: offered', 'are provided with', 'have access to', 'access'): an output when its subject is people
#: and its object a thing the service gives (see :func:`given`).
_GETS = re.compile(
    r"\b(?:(?:ha(?:ve|s|d)|gets?|got|gain(?:s|ed)?)\s+(?:(?:quick|timely|prompt|easy|direct|swift|fast|"
    r"early)\s+)?access\s+to|receiv(?:e|es|ed)|gets?|got|obtain(?:s|ed)?|access(?:es|ed)?|attend(?:s|ed)?|"
    r"(?:are|is|were|was|be|being|been)\s+(?:offered|given|provided\s+with|allocated|assigned|granted)"
    r")\s+", re.IGNORECASE)
#: What a service gives people, by kind: help and advice; a place, a plan or a package; a
#: contact, a visit or an assessment (:data:`text.SERVICE_THING`); a worker
#: (:data:`_PROFESSIONALS`); a treatment or a break; a thing handed over, a box, a kit, a device
#: (TUNED ON held out 31). Its head word decides ('mental health support' is support).
_GIVEN_THINGS = frozenset("""
support help advice guidance information signposting service services intervention interventions
programme programmes course courses place places plan plans package packages
callback callbacks response responses treatment therapy therapies counselling respite break breaks
leaflet leaflets pack packs letter letters grant grants voucher vouchers mentor mentors adviser
advisers advisor advisors advocate advocates befriender befrienders keyworker keyworkers counsellor
counsellors counselor counselors tutor tutors navigator navigators
box boxes kit kits bundle bundles parcel parcels hamper hampers bag bags gift gifts device devices
laptop laptops tablet tablets equipment guide guides booklet booklets
""".split())
_RIGHT_THING = re.compile(r"\bright\s+(?:support|help|time|services?|place|person|people)\b", re.IGNORECASE)
#: Words that may stand between people and the verb, opening what describes them ('Pupils at risk
#: of exclusion', 'Victims of domestic abuse', 'Families in Flying Start areas', 'Young people
#: subject to a referral order', 'Families who ...').
_DESCRIBES = frozenset("""
of with in at on from under aged subject who whose that living known affected eligible leaving
using across within
""".split())
#: Quantifiers before the people ('All', 'Every', 'More').
_HOW_MANY = frozenset("all every each more most many the our any".split())


def given(text: str) -> bool:
    """Whether an outcome only says what people get from the service: its subject is people,
    with at most what describes them after ('Pupils at risk of exclusion'), its main verb one of
    getting (:data:`_GETS`), and what they get a thing the service gives (:data:`_GIVEN_THINGS`:
    'Families receive timely early help support', 'Kinship carers are provided with a support
    package'), a quantity of it (:data:`_QUANTITY`: 'get 12.5 hours of childcare', 'receive
    education for 15 hours a week') or anything but a change or a destination by the service's
    own time (:data:`_SERVICE_TIME`: 'a first appointment within ten days of referral'), with
    no change anywhere ('Pupils receive fewer exclusions'), no purpose ('offered support to stay
    together') and no state said of them ('able to access help')."""
    if _RIGHT_THING.search(text):
        return False  # 'get the right support at the right time' is a slogan: see :func:`vague`
    text = re.sub(r"\bcall[\s-]+backs?\b", "callback", _REACH_FRAME.sub("more ", text), flags=re.IGNORECASE)
    m = _GETS.search(text) or _HAS_A_DOSE.search(text)
    if not m or not _people_subject(T.words(text[:m.start()])):
        return False
    after = T.words(text[m.end():])
    phrase = list(itertools.takewhile(lambda w: w == "and" or (w not in _OBJECT_STOP and w not in _OBJECT_END
                                                               and w != "of"), after))
    while phrase and phrase[-1] == "and":
        phrase.pop()
    attends = m.group(0).lower().startswith("attend")  # a club or a venue attended may be a change
    if "from" in after and set(after[after.index("from") + 1:]) & (_OWN_PEOPLE - {"their", "own"}):
        return False  # 'support from their family and friends' is a change
    if any(w in T.DIRECTION or w in _COMPARATIVES or w in _SAYS_UP or w in _SAYS_DOWN or w in _STATE_VERBS
           or w in _PERCEIVE or w in _HEARD or w == "to" for w in _not_naming_things(after)) or not phrase:
        return False
    dose = None if attends else _dose_or_time(text[m.end():], phrase, after, m.re is _HAS_A_DOSE)
    if dose is not None:
        return dose
    if (phrase[-1] not in _GIVEN_THINGS and (attends or not T.SERVICE_THING.fullmatch(phrase[-1]))
            and phrase[-1] not in _SERVICE_EVENTS
            and not _PROFESSIONALS.fullmatch(" ".join(phrase[-2:]))
            and not _PROFESSIONALS.fullmatch(phrase[-1])):
        return False
    return not _EDUCATION & {phrase[-1], _head(after[len(phrase) + 1:])}  # 'a place at university'


def _not_naming_things(ws: list[str]) -> list[str]:
    """The words without those that only describe a thing the service gives ('safe sleep' in 'the
    safe sleep leaflet': the leaflet's topic, not a state of the people; TUNED ON held out 31),
    but for words of direction ('better support')."""
    out: list[str] = []
    run: list[str] = []
    for w in [*ws, "and"]:
        if w in _OBJECT_STOP or w in _OBJECT_END or w in ("a", "an", "the", "their", "of", "or"):
            named = run and run[-1] in _GIVEN_THINGS  # a word of direction still says a change
            out.extend([x for x in run if x in T.DIRECTION or x in _COMPARATIVES] + run[-1:] if named else run)
            out.append(w)
            run = []
        else:
            run.append(w)
    return out[:-1]


_NUMBER = (r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
           r"twenty|thirty)")
_PER = r"(?:a|each|every|per)\s+(?:day|week|fortnight|month|term|year)\b"
#: A number of people on, in or through the service itself, as a target ('200+ pupils a year on a
#: SAFE intervention', '150 families a year on the parenting programme'): a count of whom it
#: reached, an output. What people are in beyond the service ('in custody', 'in funded early
#: education') or a number that changes ('200 fewer pupils excluded') is not matched.
_COUNT_ON = re.compile(
    r"^\W*(?:(?:at\s+least|over|up\s+to|around|about|some|more\s+than)\s+)?(?:\d[\d,]*\+?|" + _NUMBER + r")\s+"
    r"(?P<who>(?:[\w'’-]+\s+){1,3}?)(?:" + _PER + r"\s+)?(?:on|in|through|into|starting|joining|completing)\s+"
    r"(?:an?|the|our|this|its|their)\s+(?:[\w&'’-]+\s+){0,3}?(?:service|programme|program|project|course|"
    r"group|training|hub|intervention|scheme|clinic|club)s?\b(?P<rest>.*)$", re.IGNORECASE)
_WHEN_WORDS = frozenset("by each every a per year years term terms month months week weeks".split())


def counted_on(text: str) -> bool:
    """Whether an outcome is a number of people on the service (:data:`_COUNT_ON`), with nothing
    after it but when ('each year', 'by 2026') and no direction anywhere."""
    m = _COUNT_ON.match(text)
    if not m or not _people(T.words(m.group("who"))[-1]):
        return False
    if any(w in T.DIRECTION or w in _COMPARATIVES for w in T.words(text)):
        return False
    return all(w in _WHEN_WORDS or w.isdigit() for w in T.words(m.group("rest")))


#: A quantity of what the service gives, said as its dose ('12.5 hours of childcare', 'three
#: sessions of speech and language therapy a week', 'education for 15 hours a week').
_QUANTITY = re.compile(r"^(?:(?:up\s+to|at\s+least|a\s+minimum\s+of|their|the|full)\s+)*" + _NUMBER
                       + r"\s+(?:hours?|sessions?|days?|visits?|lessons?)\s+(?:of\b|" + _PER + r")|"
                       r"^(?:[\w'’-]+\s+){1,4}for\s+(?:up\s+to\s+|at\s+least\s+)?" + _NUMBER
                       + r"\s+(?:hours?|sessions?|days?)\s+(?:" + _PER + r"|$)", re.IGNORECASE)
#: 'Have' before a dose ('Pupils have three sessions of therapy a week').
_HAS_A_DOSE = re.compile(r"\bha(?:ve|s|d)\s+(?=(?:up\s+to\s+|at\s+least\s+)?" + _NUMBER + r"\s+(?:hours?|"
                         r"sessions?|days?|visits?|lessons?)\s+of\b)", re.IGNORECASE)
#: When the service answers, by its own standard of time ('within ten days of referral', 'the same
#: day', 'on the day they ask', 'by the next working day'); months are left out, as a change may
#: be timed in them ('a permanent home within 12 months').
_SERVICE_TIME = re.compile(r"\bwithin\s+(?:" + _NUMBER + r"|a|an|one)\s+(?:working\s+|school\s+)?"
                           r"(?:hours?|days?|weeks?)\b|\b(?:on\s+)?the\s+same\s+day\b|\bon\s+the\s+day\b|"
                           r"\b(?:by|on)\s+the\s+next\s+(?:working\s+)?day\b", re.IGNORECASE)


def _dose_or_time(rest: str, phrase: list[str], after: list[str], has: bool) -> bool | None:
    """Whether what people get (``phrase``, the words ``after`` the verb, ``rest`` its text) is
    said as a quantity of provision, or is no change, no destination and nothing they learn in
    beyond an appointment, given by a time the service keeps (see :func:`given`); None when it is
    said as neither, or when the thing itself decides. With 'have' ('have three sessions of
    therapy') a dose counts only in the service's own units or of a thing it gives; a dose of what
    people do themselves ('get 16 hours of paid work', 'have 12 hours of sleep') is a change."""
    dose = _QUANTITY.search(rest.strip())
    if dose:
        unit_first = "of" in after and after.index("of") <= 4 and dose.group(0).lower().rstrip().endswith("of")
        thing = list(itertools.takewhile(lambda w: w not in _OBJECT_STOP and w != "a",
                                         after[after.index("of") + 1:])) if unit_first else phrase
        if any(_construct(w) or w in _OWN_DOINGS or w in _STATE_VERBS for w in thing):
            return False  # 'get 10 hours of sleep', 'get 16 hours of paid work'
        return not has or bool(_SERVICE_UNIT.search(dose.group(0))) or bool(set(thing) & _GIVEN_THINGS)
    if has or not _SERVICE_TIME.search(rest) or _a_destination(after) \
            or any(_construct(w) or w in _OWN_DOINGS for w in phrase) \
            or (_EDUCATION - {"appointment", "appointments"}) & set(phrase):
        return None  # what the thing is decides, as without a time
    return True


#: What people do or have for themselves, not what a service gives: a dose or a time of it is a
#: change ('get 16 hours of paid work', 'three hours of exercise', 'a home within 28 days').
_OWN_DOINGS = frozenset("""
work job jobs employment exercise play sport sports activity activities homework volunteering
home homes family families friend friends
""".split())
#: Units of the service's own contacts ('three sessions of therapy', 'two visits of ...').
_SERVICE_UNIT = re.compile(r"\b(?:sessions?|visits?|lessons?)\b", re.IGNORECASE)


#: A thing the service gathers from people or gives them, in the passive with the thing as its
#: subject ('Victim views gathered in every case before panel', 'Feedback collected from every
#: parent', 'Safe sleep advice given to all parents at the new birth visit').
_GATHERED = re.compile(
    r"^\W*(?P<subject>(?:[\w'’-]+\s+){1,6}?)(?:(?:are|is|were|was|being|been|ha(?:ve|s)\s+been)\s+)?"
    r"(?:(?:routinely|systematically|consistently|always)\s+)?"
    r"(?P<verb>gathered|collected|obtained|recorded|sought|captured|logged|documented|requested|provided|"
    r"given|offered|shared|distributed|sent|issued)\b(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
#: Words after the participle that say for whom, from whom, when or where it is done.
_OCCASION = frozenset("""
to from with at in on before after during by for within every each all any the a an their his her
its our case cases time times
""".split())


def gathered(text: str) -> bool:
    """Whether an outcome only says the service gathered something from people or gave them
    something, read by structure: a thing (not people; no construct but the topic of what is
    given: 'Safe sleep advice', not 'Safe homes') as the subject of a passive
    of gathering or giving (:data:`_GATHERED`), then only for whom, from whom, when or where
    ('to every new family', 'at every review', 'before panel'), and no change, state, feeling or
    purpose anywhere ('Children's views are gathered and acted on' says more than an output)."""
    m = _GATHERED.match(text)
    if not m:
        return False
    subject, rest = T.words(m.group("subject")), T.words(m.group("rest"))
    if not subject or _people(subject[-1]) or subject[-1] in T.STOP \
            or any(_construct(w) for w in (subject if subject[-1] not in _GIVEN_THINGS else subject[-1:])) \
            or subject[0] in _HOW_MANY or subject[0] in T.DIRECTION:
        return False  # 'Parents offered ...' is :func:`served`; 'Safe homes provided' a change, but
        # 'Safe sleep advice given' gives advice
    if any(w in T.DIRECTION or w in _COMPARATIVES or w in _UNSIGNED for w in subject) or any(
            w in T.DIRECTION or w in _COMPARATIVES or w in _SAYS_UP or w in _SAYS_DOWN or w in _STATE_VERBS
            or w in _PERCEIVE or w in _HEARD or w in _PEOPLE_VERBS or w in _UNSIGNED for w in rest):
        return False
    if "and" in rest and any(w.endswith("ed") or w in ("taken", "heard", "made") for w in rest[rest.index("and"):]):
        return False  # 'sought and acted upon': what is done with it may be a change in practice
    if "to" in rest and rest[rest.index("to") + 1:rest.index("to") + 2] and \
            rest[rest.index("to") + 1] not in _OCCASION and not _people(rest[rest.index("to") + 1]):
        return False  # a purpose: 'shared to inform the plan'
    return not any(_construct(w) for w in rest)


def _people_subject(before: list[str]) -> bool:
    """Whether the words before a main verb are its subject, people: quantifiers, at most two words
    describing them, a word for people, then only what describes them ('Care-experienced young
    people', 'Victims of domestic abuse', 'Parents who need it'), with no change, no feeling and no
    state of their own ('Parents feel they ...', 'Young people are able to ...')."""
    ws = [w for w in before if w not in _HOW_MANY]
    k = next((k for k, w in enumerate(ws) if _people(w)), -1)
    if k < 0 or k > 2 or any(_construct(w) or w in T.DIRECTION for w in ws[:k]):
        return False
    while k + 1 < len(ws) and _people(ws[k + 1]):
        k += 1
    rest = ws[k + 1:]
    if rest and rest[0] not in _DESCRIBES:
        return False
    return not any(w in T.DIRECTION or w in _COMPARATIVES or w in _PERCEIVE or w in _UNSIGNED
                   or w in ("able", "unable", "know", "can", "will") for w in rest)


#: Words of a verb of its own after a participle of service, which then only says who.
_FINITE = frozenset("do does did don't doesn't will would can could should are is were was".split())
#: A thing named just before a participle of service, which it then describes ('the
#: opportunities provided by attending school').
_OF_A_THING = re.compile(r"\b(?:the|these|those|its|any)\s+(?P<n>[\w-]+)\s+$", re.IGNORECASE)


def _reached(text: str, m: re.Match, produced: bool) -> bool:
    """Whether the words round a participle of service at ``m`` leave it an output (see
    :func:`served`)."""
    # who gave it is no change ('seen at the health visitor contact')
    before, after = T.words(text[:m.start()]), T.words(_PROFESSIONALS.sub(" ", text[m.end():]))
    if any(w in T.DECREASE or w in _UNSIGNED or w in _COMPARATIVES or w in _HEARD or w in _PERCEIVE
           for w in before):
        return False  # 'Fewer children referred again', 'Children feel their reviews are held with them'
    if not produced:
        if not before or any(_construct(w) or (w in _STATE_VERBS and w not in _OPENERS_OF_REACH)
                             for w in before):
            return False
        if len([w for w in before if w not in T.STOP and w not in _OPENERS_OF_REACH
                and w not in T.ACTORS and w not in _MORE_PEOPLE]) > 1:
            return False  # 'Improved wellbeing of parents offered ...' says what changes first
    verb = m.group(0).split()[0].lower()
    if verb in _GIVING and _a_destination(after):
        return False  # 'Care leavers are offered a job', 'offered a place at college': a change
    # what the service was about or who gave it ('screened for depression', 'supported by an
    # independent domestic violence adviser', 'signposted to debt advice') is no change
    topic = after[:1] in (["for"], ["in"], ["on"], ["about"], ["by"], ["of"]) or (
        verb in _SENDING and after[:1] == ["to"])
    if after[:1] == ["by"] and any(w in _OWN_PEOPLE for w in after[1:3]):
        return False  # support from people's own family or friends is a change
    purpose = ("to", "as") if verb not in _SENDING and not produced else ("as",)
    # what the service was about may carry a word of change ('a behaviour change programme')
    signs = (T.INCREASE | T.DECREASE) if topic else T.DIRECTION
    return not any((w in T.CONSTRUCTS and not topic) or w in signs or w in _COMPARATIVES
                   or w in _STATE_VERBS or w in _PEOPLE_VERBS or w in purpose or w in _HEARD
                   for w in after)


#: Participles of giving ('offered', 'given', 'provided'): what is given may be a destination.
_GIVING = T.service_words(("giving", "casework"), ("ed",))


def _a_destination(after: list[str]) -> bool:
    """Whether what people are given is a place in learning or work, a destination rather than a
    service ('a job', 'an apprenticeship', 'a place at college'; not 'an appointment')."""
    phrase = list(itertools.takewhile(lambda w: w not in _NP_STOP and w not in _OBJECT_END and w != "about",
                                      after))
    head, rest = (phrase or [""])[-1], after[len(phrase):]
    if head in _EDUCATION and head not in ("appointment", "appointments"):
        return True
    return head in ("place", "places") and rest[:1] in (["at"], ["in"]) and _head(rest[1:]) in _EDUCATION


#: Words for people beyond :data:`text.ACTORS`, and words that describe them ('More pregnant
#: women seen by the specialist midwife').
_MORE_PEOPLE = frozenset("""
women woman men man girls girl boys boy victims victim survivors survivor perpetrators
perpetrator offenders offender pregnant expectant new
first-time older younger teenage disabled vulnerable local eligible identified known
grandparents siblings tenants residents mums-to-be olds
""".split())


#: People's own family, friends and community: support from them is a change ('supported by
#: their family network').
_OWN_PEOPLE = frozenset("""
their own family families friends friend peers peer network networks community communities
neighbours relatives parents carers
""".split())


#: How people are treated, a change in their experience ('Children are seen and heard', 'offered
#: help and believed'), and 'again' (a count that repeats is a re-referral, an outcome).
_HEARD = frozenset("""
heard listened understood believed valued respected included involved again protected
safeguarded safe safer
""".split())


#: People who work with children, as who takes part ('Social workers and designated safeguarding
#: leads attend the training').
PROFESSIONAL_WORDS = (
    r"(?:social\s+workers?|designated\s+safeguarding\s+leads?|safeguarding\s+leads?|health\s+visitors?|"
    r"school\s+nurses?|nurses?|teachers?|teaching\s+assistants?|gps?|midwives|midwife|police\s+officers?|"
    r"officers?|foster\s+carers?|kinship\s+carers?|sencos?|head\s*teachers?|governors?|managers?|"
    r"volunteers?|mentors?|clinicians?|therapists?|psychologists?|youth\s+workers?|family\s+workers?|"
    r"key\s*workers?|support\s+workers?|staff|leads?|leaders?|each|every|(?:member|partner)\s+agenc(?:y|ies)|"
    r"agenc(?:y|ies)|partners?|members?)")
_PROFESSIONALS = re.compile(r"\b" + PROFESSIONAL_WORDS + r"\b", re.IGNORECASE)
#: The professionals a statement names, for rules that read what changes ('the health visitor'
#: is who acts).
PROFESSIONALS = _PROFESSIONALS
#: Completing a dose of the service ('completes two to four terms in the group', 'complete six
#: weeks of the course', 'twelve sessions of the programme').
_DOSE = re.compile(
    r"\bcomplet\w*\s+(?:the\s+|all\s+|at\s+least\s+)?(?:[\w-]+\s+){0,4}?(?:terms?|weeks?|sessions?|"
    r"modules?|months?|units?)\s+(?:in|of|with|on|at)\s+(?:the|their|a|an|our|this)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:group|programme|program|course|service|scheme|intervention|project|club|training)s?\b",
    re.IGNORECASE)


#: 'Take on' (cases, families) is more delivery, not a state of the people ('take part', 'take
#: responsibility' are).
_TAKE_ON = re.compile(r"\btak(?:e|es|ing)\s+on\b", re.IGNORECASE)


def takes_part(text: str) -> bool:
    """Whether an outcome only says people take part in the service itself (see
    :data:`_TAKING_PART`): before it, only people and a direction ('More families attending
    sessions'); after it, no change of its own. Taking part that says who an outcome is about
    ('Young people attending the youth club feel safer') leaves the change to the rest."""
    if _MORE_REFERRALS.search(text):
        return True
    text = _REACH_FRAME.sub("more ", text)
    m = _TAKING_PART.search(text) or _DOSE.search(text)
    if not m or T.what_changes(_PROFESSIONALS.sub(" ", T.STATUS_PHRASE.sub(" ", text[:m.start()]))):
        return False  # 'Improved wellbeing of parents attending the sessions'; statuses say who
    if any(w in T.DECREASE for w in T.words(text[:m.start()])):
        return False  # less use of a service is less need for it: 'Fewer referrals to the ...'

    tail = _TAKE_ON.sub("accept", text[m.end():])  # 'and take on the families matched to them'
    rest = [*T.words(text[:m.start()]), *T.words(tail)]
    after = T.words(tail)
    return not any(w in _STATE_VERBS or w in ("say", "says", "feel", "feels") for w in rest) \
        and not any(w in T.DIRECTION or w in _COMPARATIVES for w in after)


#: Things the service holds or runs, by kind: its meetings and panels, its sessions and courses,
#: its contacts with families, its paperwork. 'The ... group', 'the ... programme' count only with
#: 'the' (see :data:`_DELIVERED`): a community group is a change.
_SERVICE_EVENTS = frozenset("""
meeting meetings panel panels huddle huddles discussion discussions conference conferences
hearing hearings forum forums board boards network networks briefing briefings handover handovers
session sessions workshop workshops course courses training trainings induction inductions module
modules seminar seminars webinar webinars supervision consultations consultation drop-in drop-ins
visit visits interview interviews review reviews assessment assessments check checks call calls
contact contacts screening screenings triage audit audits dropin
""".split())
#: Verbs that say a service action happened: taken part in, or carried out by the service.
_SERVICE_ACTS = frozenset("""
attend attends attended attending complete completes completed participate participates
participated undertake undertakes undertook undertaken conduct conducts conducted hold holds held
deliver delivers delivered run runs ran convene convenes convened chair chairs chaired carry
carries carried facilitate facilitates facilitated make makes made do does did done provide
provides provided offer offers offered arrange arranges arranged organise organises organised
schedule schedules scheduled finish finishes finished take takes took taken engage engages engaged
been go goes went gone get gets got receive receives received open running available
""".split())
#: What the people learn in, beyond the service: finishing or attending it is a change.
_EDUCATION = frozenset("""
school schools college colleges university nursery lessons lesson class classes degree
apprenticeship apprenticeships gcse gcses qualification qualifications exam exams education
stage key work job placement appointments appointment
""".split())
_OBJECT_STOP = frozenset("for within before after by in on at with to from without so and or but "
                         "as when where while until during than each".split())


def service_done(text: str) -> bool:
    """Whether an outcome's main verb says a service action happened to or by people, or its
    subject is a service event said to be done: a verb of taking part or carrying out
    (:data:`_SERVICE_ACTS`) whose object or subject is a thing the service holds
    (:data:`_SERVICE_EVENTS`: 'Partner agencies attend every strategy discussion', 'Core group
    meetings held every four weeks', 'Caseworkers undertake a home visit'); no word of change,
    state or feeling anywhere. What people attend or finish beyond the service (school, college,
    their appointments) is a change."""
    ws = T.words(_DROP_IN.sub("dropin", _SAFE_AND_WELL_CHECK.sub(
        lambda m: "checks" if "well" in m.group(0).lower() else "ehc", text)))
    if any(w in _COMPARATIVES or w in _HEARD or w in _PERCEIVE for w in ws):
        return False
    for i, w in enumerate(ws):
        if w == "through" and i and _people(ws[i - 1]) and not any(x in T.DIRECTION for x in ws) \
                and _counted_people(ws[:i]) and _service_event(_object_phrase(ws[i + 1:])):
            return True  # 'Each setting has two staff through the training'
        if w not in _SERVICE_ACTS or i == 0:
            continue
        if any(x in T.DIRECTION for x in ws[i:]) or not _counted_people(ws[:i]):
            return False
        subject = [x for x in T.words(_PROFESSIONALS.sub(" ", " ".join(ws[:i]))) if x not in _AUX]
        if subject and (subject[-1] in _SERVICE_EVENTS or subject[-1] in ("group", "groups")) \
                and not set(subject) & _EDUCATION:
            return True  # passive: the service's events held, carried out, delivered, open
        if w in _RUNNING:
            continue
        if w.endswith("ing") and ws[i - 1] not in ("are", "is", "were", "was"):
            continue  # 'parents attending the sessions' names who
        if w in _THROUGH and ws[i + 1:i + 2] != ["through"]:
            continue  # 'has been', 'go home': only 'been through the course' is taking part
        if w in _GIVEN:
            if _from_the_service(ws[i + 1:]):
                return True  # 'Every class gets its lessons from the officer'
            continue
        phrase = _object_phrase(ws[i + 1:])
        dose = w.startswith(("complet", "finish"))  # 'complete a parenting group'
        if _service_event(phrase) or (phrase and phrase[-1] in _THE_SERVICE and not set(phrase) & _EDUCATION
                                      and (phrase[0] in _THE or (dose and phrase[0] in ("a", "an")))):
            return True  # active: people attend, complete, hold the service's events
    return False


def _service_event(phrase: list[str]) -> bool:
    return bool(phrase) and phrase[-1] in _SERVICE_EVENTS and not set(phrase) & _EDUCATION


#: A service said to be open or running ('A school nurse drop-in open one lunchtime a week').
_RUNNING = frozenset("open running available".split())
_DROP_IN = re.compile(r"\bdrop-ins?\b", re.IGNORECASE)  # "drop in exclusions" is a fall


_THROUGH = frozenset("been go goes went gone".split())
_GIVEN = frozenset("get gets got receive receives received".split())


def _from_the_service(after: list[str]) -> bool:
    """Whether what people get comes 'from the officer', 'from their worker', 'from the service':
    delivery by the service (support from their own family or friends is a change)."""
    if "from" not in after:
        return False
    rest = after[after.index("from") + 1:][:4]
    if rest[:1] not in (["the"], ["their"], ["a"], ["an"], ["its"], ["our"]):
        return False
    return any(_PROFESSIONALS.fullmatch(w) or w in _THE_SERVICE for w in rest[1:]) \
        and not any(w in _OWN_PEOPLE for w in rest[1:])


def _counted_people(before: list[str]) -> bool:
    """Whether what comes before the verb of :func:`service_done` is its subject and at most a
    count of it ('More parents from deprived wards'), not a change ('Improved wellbeing of ...',
    'Fewer ...')."""
    before = T.words(_PROFESSIONALS.sub(" ", " ".join(before)))  # 'health visitors' are people
    counted = any(w in T.INCREASE for w in before)  # agencies by sector ('health and education')
    return not any(w in T.DECREASE or w in _UNSIGNED or w in T.OTHER_DIRECTION
                   or (counted and _construct(w)) for w in before)


#: Names of service events that hold words of a state or of education: the police's 'safe and
#: well check', an 'education, health and care needs assessment'.
_SAFE_AND_WELL_CHECK = re.compile(r"\bsafe[\s-]+and[\s-]+well[\s-]+checks?\b|"
                                  r"\beducation,?\s+health\s+and\s+care\b", re.IGNORECASE)
#: Verbs of people's experience: what they feel or say of the service is a change in them.
_PERCEIVE = frozenset("""
feel feels felt say says said report reports reported think thinks thought know knows knew agree
agrees agreed describe describes described
""".split())
_AUX = frozenset("are is were was been being have has had".split())
_THE = frozenset("the our this its".split())
_THE_SERVICE = frozenset("""
group groups programme programmes program project scheme service services club hub clinic
intervention
""".split())


def _object_phrase(after: list[str]) -> list[str]:
    """The noun phrase that opens ``after`` (past a particle: 'carried out', 'take part in', and a
    share or a dose of it: 'at least 75% of', 'all eight weeks of'), up to a preposition or a
    joiner; a name with 'of' or 'to' in it runs on to the service event that ends it ('the Signs
    of Safety training', 'the Skills to Foster course')."""
    while after and after[0] in ("out", "part", "in", "up", "at", "least", "all", "every", "each", "through"):
        after = after[1:]
    k = next((k for k, w in enumerate(after) if w == "of"), -1)
    if 0 < k <= 4 and all(w.isdigit() or w in _SHARES for w in after[:k]):
        after = after[k + 1:]  # '75% of sessions', 'all eight weeks of the course'
    phrase: list[str] = []
    for k, w in enumerate(after):
        if w in _OBJECT_STOP or w == "of":
            run = list(itertools.takewhile(lambda x: x not in _OBJECT_STOP, after[k + 1:k + 5]))
            if w in ("of", "to") and phrase and run and run[-1] in _SERVICE_EVENTS:
                phrase += [w, *run]
            break
        phrase.append(w)
    return phrase


#: Words of a share or a dose before 'of' ('most of', 'eight weeks of', 'three terms of').
_SHARES = frozenset("""
most some half many much part whole rest majority all eight weeks week terms term months month
sessions modules units one two three four five six seven nine ten eleven twelve
""".split())


def _and(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


_TOKENS = re.compile(r"[a-z0-9][a-z0-9'’-]*|[,;&:.()/]")
_PUNCT = frozenset(",;&:.()/")
_CONSTRUCT_STEMS = frozenset(T.stem(w) for w in T.CONSTRUCTS)
_PAIR_STEMS = frozenset((T.stem(a), T.stem(b)) for a, b in T.CONVENTIONAL_PAIRS)


#: An adjective before the thing it describes ('financial stability'), skipped after 'and'.
_ADJECTIVE = re.compile(r"(?:[a-z]+-)*[a-z]+(?:ial|al|ic|ive)")


def _construct(token: str) -> bool:
    """Whether a word names a construct, in any form but an '-ing' one not listed ('loving and
    lasting relationships' describes relationships; 'bonding' and 'reading' are listed)."""
    return token in T.CONSTRUCTS or (T.stem(token) in _CONSTRUCT_STEMS and not token.endswith("ing"))


#: Nouns that a list of words can describe together ('housing and debt advice services').
_HEADS = frozenset("""
service services support advice agencies agency teams team professionals providers provision
settings partners appointments workers programmes programme groups sessions issues problems
needs difficulties services' plans plan routines routine habits practices
""".split())


def _after(toks: list[str], i: int) -> list[str]:
    """The thing joined after the 'and' at ``i``: its words up to the last measurable one within
    three words ('independent living skills'), skipping direction words; [] when there is none."""
    words: list[str] = []
    last = 0
    window = toks[i + 1:i + 4]
    for k, t in enumerate(window):
        if t in T.DIRECTION and not words:
            continue
        described = not words and t in T.ACTORS and k + 1 < len(window) and _construct(window[k + 1])
        if t in T.STOP or t in _PUNCT or (t in T.ACTORS and not described):
            break  # people end the thing, unless they describe it ('family relationships')
        words.append(t)
        if _construct(t) and not _ADJECTIVE.fullmatch(t):
            last = len(words)
    return words[:last]


def _listed_before(toks: list[str], i: int) -> tuple[list[str], int]:
    """The measurable things listed before the 'and' at ``i`` ('housing, income and ...' ->
    ['housing', 'income']; 'emotional wellbeing, school attendance and ...' -> ['emotional
    wellbeing', 'school attendance']), the one just before it alone when there is no list; and
    where the list starts."""
    start = _phrase_start(toks, i - 1)
    items = [" ".join(toks[start:i])]
    while start >= 2 and toks[start - 1] == "," and _construct(toks[start - 2]):
        end, start = start - 1, _phrase_start(toks, start - 2)
        items.insert(0, " ".join(toks[start:end]))
    return items, start


def _phrase_start(toks: list[str], last: int) -> int:
    """Where the phrase ending with the measurable word at ``last`` begins: up to two describing
    words before it ('school attendance'), not direction, small words or possessives."""
    start = last
    while (start > 0 and last - start < 2 and toks[start - 1] not in _PUNCT
           and toks[start - 1] not in T.STOP and toks[start - 1] not in T.DIRECTION
           and "'" not in toks[start - 1] and "’" not in toks[start - 1]):
        start -= 1
    return start


def _last_item(toks: list[str], i: int) -> list[str]:
    """The one word after the 'and' at ``i`` when it ends the list (a noun, not a person)."""
    nxt = toks[i + 1:i + 3]
    if not nxt or nxt[0] in T.STOP or nxt[0] in T.ACTORS or nxt[0] in T.DIRECTION or nxt[0] in _PUNCT:
        return []
    if len(nxt) == 2 and nxt[1] not in T.STOP and nxt[1] not in _PUNCT:
        return []  # more words follow: 'sleep and bedtime routines' may be one thing
    return nxt[:1]


def _shared_head(toks: list[str], i: int) -> bool:
    """Whether the list joined by the 'and' at ``i`` describes one noun after it."""
    return any(t in _HEADS for t in toks[i + 2:i + 4])


_WELL_BEING = re.compile(r"\bwell[\s-]being\b", re.IGNORECASE)
#: '+' joins as 'and' does in a terse plan ('less stressed + more confident').
_PLUS = re.compile(r"\s+\+\s+")
#: Connectedness with someone is a relationship with them ('communication and connectedness with
#: their teenager' is one relationship).
_CONNECTED_WITH = re.compile(r"\bconnect(?:edness|ions?)\s+(?=with\s+(?:their|his|her|the|a|an|each)\s)",
                             re.IGNORECASE)
#: Examples of what a statement names ('progress in a range of areas including health, housing
#: and wellbeing'): they illustrate one thing, they do not add outcomes to it.
_EXAMPLES = re.compile(r"\s*[,(]?\s*\b(?:including|such\s+as|e\.\s?g\.?|for\s+example)\s.*$",
                       re.IGNORECASE | re.DOTALL)
#: Words of knowing, after which 'of' or 'about' names topics, not outcomes ('awareness of infant
#: mental health and parent-infant relationships').
_KNOWING = frozenset("awareness knowledge understanding recognition".split())
#: How much and how good, said of one thing ('more and better things to do').
_AMOUNT_AND_QUALITY = re.compile(r"\b(more|better)\s+(?:and|&)\s+(?:more|better)\b", re.IGNORECASE)
#: Words that join two things as 'and' does ('wellbeing as well as attendance').
_JOINERS = re.compile(r"\s+(?:as\s+well\s+as|alongside|plus|together\s+with)\s+")


#: A clause of means ('through learning ...'; 'stressed by crying' is a cause) or of purpose (', to ensure ...',
#: ', so that ...'): what follows says how or why, not what else changes.
_MEANS_OR_PURPOSE = re.compile(r"\s+through\s+[a-z]+ing\b|\s*,\s*(?:to\s+ensure|so\s+that|in\s+order\s+to)\b",
                               re.IGNORECASE)


#: The ONS personal wellbeing questions (life satisfaction, feeling that life is worthwhile,
#: happiness, anxiety), one measure when named together
#: (https://www.ons.gov.uk/peoplepopulationandcommunity/wellbeing/methodologies/personalwellbeingsurveyuserguide;
#: TUNED ON round 27).
_ONS4_NAMED = re.compile(r"\b(?:worthwhile|life\s+satisfaction|satisf\w*\s+with\s+(?:their\s+|your\s+|his\s+|her\s+|our\s+)?"
                         r"li(?:fe|ves))\b", re.IGNORECASE)  # the questions' own words, not 'satisfied with the service'
_ONS4_ITEM = re.compile(r"\b(?:(?:life\s+)?satisf\w*|worthwhile|happ(?:y|ier|iness)|anxi(?:ety|ous))\b",
                        re.IGNORECASE)


#: Directions that open a target in a terse plan ('Fewer suspensions', 'no permanent exclusions').
_TARGET_DIRECTION = frozenset("fewer less more no zero reduced increased lower higher better improved".split())


def _plus_targets(text: str) -> list[str]:
    """Targets of a terse plan listed with '+', each opening with its own direction ('Fewer
    suspensions + no permanent exclusions' -> ['suspensions', 'permanent exclusions']): separate
    targets, even of one family (TUNED ON held out 28's recorded real problem); [] otherwise
    ('Fewer fixed-term + permanent exclusions' has one direction)."""
    sides = _PLUS.split(text)
    if len(sides) < 2:
        return []
    parts = []
    for side in sides:
        ws = T.words(side)
        if len(ws) < 2 or ws[0] not in _TARGET_DIRECTION or _people(ws[1]) or not T.what_changes(" ".join(ws[1:])):
            return []
        parts.append(" ".join(ws[1:]))
    return parts


def compound_parts(text: str) -> list[str]:
    """The separate things an outcome joins with 'and' or a comma list ('housing, income and
    confidence' -> ['housing', 'income', 'confidence']); [] when it names one thing.

    Only words an evaluator would measure separately count (:data:`text.CONSTRUCTS`); people
    ('parents and carers') and adjectives of one thing ('emotional and behavioural wellbeing')
    do not, nor pairs conventionally measured together ('health and wellbeing'), nor examples
    ('a range of areas including health, housing and wellbeing')."""
    original = text
    head, colon, tail = text.partition(":")
    said = _DIRECTION.search(head)
    if colon and said and T.what_changes(head) and said.group(0).lower() in T.words(tail):
        text = head  # 'Contexts are safer: an individual child is safer ...' explains its headline
    cut = _MEANS_OR_PURPOSE.search(text)
    if cut and T.what_changes(text[:cut.start()]) and _DIRECTION.search(text[:cut.start()]):
        text = text[:cut.start()]  # 'skills improved through learning about X and Y': the means
    text = _AMOUNT_AND_QUALITY.sub(r"\1", text)  # 'more and better things': how much and how good of one
    spelt = _WELL_BEING.search(text)  # one word however it is spelt, shown as the statement has it
    plus = _plus_targets(text)
    text = _CONNECTED_WITH.sub("relationship ", _WELL_BEING.sub("wellbeing", _PLUS.sub(" and ", text)))
    parts = _compound_parts(_EXAMPLES.sub("", text))
    parts = plus if len(plus) > len(parts) else parts
    if len(parts) >= 2 and _ONS4_NAMED.search(original) and all(_ONS4_ITEM.search(p) for p in parts):
        return []  # 'happiness, life satisfaction and sense that life is worthwhile': the ONS4 measure
    parts = [p.replace("wellbeing", spelt.group(0).lower()) for p in parts] if spelt else parts
    if len(parts) >= 2 and _one_practice(original, parts):
        return []
    return [_own_words(original, p) for p in parts]


#: People using or giving more (or less) of a list of things: the list is their practice, one
#: repertoire ('Carers give more praise, attention and clear instructions').
_USE_MORE = re.compile(r"\b(?:use|uses|using|give|gives|giving|show|shows|showing)\s+(?:more|less)\s+", re.IGNORECASE)


#: Whom a list of things people do is done with or to ('... with their baby', '... to the children').
_WITH_SOMEONE = re.compile(r"\s+(?:with|to)\s+(?:their|the|his|her|a|an|each|every)\s+(?:[\w-]+\s+)?"
                           r"(?:bab(?:y|ies)|child(?:ren)?|toddlers?|infants?|sons?|daughters?|kids?|"
                           r"grandchild(?:ren)?)\b")


def _one_practice(text: str, parts: Sequence[str]) -> bool:
    """Whether a list names one practice of one people (TUNED ON held out 31): their own verbs
    after them, done with a child, with 'More' before the people as without it ('More fathers
    sing, read and talk to their toddler', read as 'Fathers sing, read and talk ...'), or what they
    use or give more of,
    listed after that verb with no other word of direction ('Parents use more praise, play and
    calm limits')."""
    first = parts[0].lower().split()
    low = text.lower()
    end = low.find(parts[-1].lower(), low.find(parts[0].lower()))
    if len(first) == 2 and _people(first[0]) and first[1] not in T.CONSTRUCTS \
            and all(len(p.split()) == 1 for p in parts[1:]) and end >= 0 \
            and _WITH_SOMEONE.match(low, end + len(parts[-1])) and not _DIRECTION.search(low, end):
        return True
    m = _USE_MORE.search(low)
    return bool(m) and low.startswith(parts[0].lower(), m.end()) and not _DIRECTION.search(low, m.end())


_JOINS_OR_ENDS = re.compile(r"\s*(?:[,;+&]|\band\b|\bor\b|$)", re.IGNORECASE)
_ENDS_OPEN = frozenset("in on at to of for from with by into".split())


def _own_words(text: str, part: str) -> str:
    """A part of a compound as the statement words it: hyphens and capitals kept, a word cut at a
    hyphen made whole ('risk' in 'Reduced risk-taking' -> 'risk-taking', 'out of area placements'
    -> 'out-of-area placements'), and a part ending on a preposition carried to the end of its
    clause ('time in' -> 'time in school'); the part as found when the statement does not have it."""
    ws = re.findall(r"[a-z0-9]+", part.lower())
    if not ws:
        return part
    m = re.search(r"(?<![\w'’-])(?:[\w'’]+-)*" + r"[\s&/'’-]+".join(re.escape(w) for w in ws) + r"(?:-[\w'’]+)*",
                  text, re.IGNORECASE)
    if not m:
        return part
    end = m.end()
    if ws[-1] in _ENDS_OPEN:
        end = _JOINS_OR_ENDS.search(text, end).start()
    found = text[m.start():end].strip()
    if not text[:m.start()].strip() and found[1:2].islower():
        found = found[:1].lower() + found[1:]  # the statement's capital, not a name's ('KS2', 'A&E')
    return found


def _compound_parts(text: str) -> list[str]:
    toks = _TOKENS.findall(_JOINERS.sub(" and ", text.lower()))
    best: list[str] = []
    for i, tok in enumerate(toks):
        if tok not in ("and", "&") or i == 0:
            continue
        before = toks[i - 1]
        listed, first = _listed_before(toks, i)
        if toks[first - 1:first] in (["of"], ["about"]) and toks[first - 2:first - 1] and toks[first - 2] in _KNOWING:
            continue  # topics of one thing known
        # after a list of measurable things ('routines, sleep and feeding') the last item counts
        # whatever it is; after one thing, only a measurable one does
        after = _after(toks, i) or (_last_item(toks, i) if len(listed) >= 2 else [])
        if not (_construct(before) and after) or T.stem(before) == T.stem(after[-1]):
            continue
        if i >= 2 and _people(toks[i - 2]) and before not in T.CONSTRUCTS:
            continue  # the verb after its people ('Kinship carers understand and manage ...')
        items = [*listed, " ".join(after)]
        if _shared_head(toks, i):
            continue  # 'GP, housing and substance misuse services': kinds of one thing
        stems = [T.stem(w.split()[-1]) for w in items]
        if len(set(stems)) < 2 or len(items) <= len(best):
            continue
        if len(items) == 2 and not _separate(toks, i, items, stems):
            continue
        if len(items) > 2 and _all_close(items, stems):
            continue  # 'stress, anxiety and depression': one family of constructs
        best = _led_with(toks, first, items, stems)
    for found in (_knowing_and(text), _change_clauses(text), _doing_clauses(text), _listed_things(text),
                  _and_well(text), _both(text), _subject_pair(text), _two_directions(text),
                  _two_peoples(text), _two_directed_clauses(text), _with_other_way(text),
                  _practice_and(text), _two_feelings(text), _or_statuses(text)):
        if len(found) > len(best):
            best = found
    return best


#: Statuses by the system that records them: a status of one joined by 'or' to a status of another
#: ('homeless or in custody', 'care or custody') is two outcomes, counted from different records
#: (TUNED ON held out 16's, 24's and 28's recorded real problems); statuses of one system ('homeless
#: or in unsuitable accommodation', 'care or a child protection plan', 'education, employment or
#: training') are one.
_SYSTEMS = (("social care", r"(?<!health\s)(?<!day\s)care(?!\s+(?:leavers?|experienced|plans?|for))|looked[\s-]after"),
            ("justice", r"custody|prison|remand|re-?offending|convicted|criminali[sz]ed"),
            ("housing", r"homeless(?:ness)?"),
            ("education or work", r"neet|excluded\s+from\s+(?:school|education)|permanently\s+excluded"),
            ("exploitation", r"(?:sexually\s+|criminally\s+)?exploited"))
_STATUS_OF = re.compile(r"\b(?:" + "|".join(f"(?P<s{i}>{rx})" for i, (_, rx) in enumerate(_SYSTEMS)) + r")\b",
                        re.IGNORECASE)
#: What may stand between two statuses of a list: a comma or 'or', and a verb or preposition of
#: entering or being in the next ('or sent into custody', ', in custody').
_STATUS_GAP = re.compile(r"^\s*(?:,\s*(?:or\s+)?|\s+or\s+)(?:(?:being|be|become|becoming|sent|going|go|taken|"
                         r"placed|entering|enter|enters|in|into|on|to)\s+){0,2}$", re.IGNORECASE)
_OPENS_WITH_DIRECTION = re.compile(r"^\W*(?:fewer|less|reduced|reduce|reducing|reduction|lower|prevent\w*|"
                                   r"more|increased?|higher)\b", re.IGNORECASE)


def _or_statuses(text: str) -> list[str]:
    """Statuses of different systems listed with 'or' after a direction ('Fewer care leavers
    homeless or in custody' -> ['homeless', 'custody']); [] otherwise, and when they say who
    ('at risk of custody or care')."""
    if not _OPENS_WITH_DIRECTION.match(text) or not re.search(r"\bor\b", text, re.IGNORECASE):
        return []
    found = [(m.start(), m.end(), next(i for i in range(len(_SYSTEMS)) if m.group(f"s{i}"))) for m in _STATUS_OF.finditer(text)]
    best: list[tuple[int, int, int]] = []
    run: list[tuple[int, int, int]] = []
    for item in found:
        if run and _STATUS_GAP.match(text[run[-1][1]:item[0]]):
            run.append(item)
        else:
            run = [item]
        if len(run) > len(best):
            best = list(run)
    if len(best) < 2 or len({sys for _, _, sys in best}) < 2 or " or " not in text[best[0][0]:best[-1][1]].lower():
        return []
    if re.search(r"\bat\s+risk\s+of\s+(?:\w+\s+){0,2}$", text[:best[0][0]], re.IGNORECASE):
        return []  # who they are: 'at risk of custody or care'
    return [text[a:b] for a, b, _ in best]


#: Verbs of something people do or come to know, each a change of its own when two are joined
#: ('understand the consequences of their behaviour and make better choices').
_DOING = frozenset("""
understand understands know knows recognise recognises recognize recognizes identify identifies
manage manages make makes take takes seek seeks ask asks use uses keep keeps stop stops talk talks
learn learns build builds develop develops change changes show shows cope copes respond responds
engage engages access accesses feel feels have has attend attends stay stays live lives report
reports spend spends return returns find finds plan plans set sets reduce reduces avoid avoids
settle settles breastfeed breastfeeds smoke smokes drink drinks sleep sleeps eat eats read reads
speak speaks listen listens join joins enjoy enjoys achieve achieves progress progresses remain
remains recover recovers trust trusts
behave behaves budget budgets
""".split())


#: Knowing about topics, then another thing ('understanding of healthy relationships and domestic
#: abuse, and confidence to talk about it').
_KNOWN_THEN = re.compile(r"\b(?P<k>awareness|knowledge|understanding|recognition)\s+(?:of|about)\b[^,;]*"
                         r",\s*(?:and|as\s+well\s+as)\s+(?:(?:more|greater|better|increased|improved)\s+)?"
                         r"(?P<x>[\w-]+)", re.IGNORECASE)


def _knowing_and(text: str) -> list[str]:
    """What people know and a thing of another family after the topics known (see
    :data:`_KNOWN_THEN`)."""
    m = _KNOWN_THEN.search(text)
    if not m or not _construct(m.group("x").lower()):
        return []
    k, x = m.group("k").lower(), m.group("x").lower()
    return [] if _close(k, x, T.stem(k), T.stem(x)) else [k, x]


#: A clause ending with a preposition and a comma waits for the object of the next ('take
#: responsibility for, and understand, the consequences').
_SHARED_OBJECT = re.compile(r"\b(?:for|of|to|with|about|on|in|from)\s*,\s*(?:and|or)\b", re.IGNORECASE)


#: Verbs whose object may be a noun that is also a verb ('have respect and trust for others').
_HAVE_OR_SHOW = frozenset("have has show shows".split())


def _doing_clauses(text: str) -> list[str]:
    """Things people do, joined by commas and 'and', each a verb and what it acts on ('Young
    people understand the consequences of their behaviour and make better choices', 'Children
    settle in class, make friends and keep up with their learning'); [] otherwise ('Parents
    understand and respond ...' is one capability named twice, 'Parents and carers feel listened
    to' names people, 'make many new friends and meet and talk with others' joins inside the
    first clause)."""
    toks = [t for t in _TOKENS.findall(text.lower().replace("’", "'")) if t not in _PUNCT or t == ","]
    k = _after_subject(toks)
    if k == 0 or k >= len(toks) or not (toks[k] in _DOING or _verb_after_people(toks, k)):
        return []
    clauses, cur = [], []
    for j in range(k, len(toks)):
        t = toks[j]
        nxt = next((w for w in toks[j + 1:] if w not in (",", "and")), "")
        if t in (",", "and") and cur:
            if len(cur) == 1 and not clauses:
                return []  # verbs listed before one object: 'talk, play and read with their child'
            if nxt in _DOING and nxt != cur[0] and not (t == "," and cur[-2:-1] == ["to"]):
                # 'aspire to work, study and ...' lists what they aspire to
                clauses.append(cur)
                cur = []
            elif t == "and" and not clauses:
                return []  # the first 'and' joins things inside the first clause
            elif t == "and":
                cur.append(t)
        elif t not in (",", "and"):
            cur.append(t)
    clauses.append(cur)
    if clauses[0][0] in _HAVE_OR_SHOW and any(c[1:2] in (["for"], ["towards"]) for c in clauses[1:]):
        return []  # 'have respect and trust for others': one verb, two nouns of one attitude (TUNED ON round 27)
    if _SHARED_OBJECT.search(text):
        return []  # 'take responsibility for, and understand, the consequences': one object
    if len(clauses) < 2 or not all(len(c) >= 2 and T.what_changes(" ".join(c[1:])) for c in clauses):
        return []
    return [" ".join(c) for c in clauses]


def _after_subject(toks: list[str]) -> int:
    """Where the words after an opening subject of people start: past quantifiers, words for
    people and at most two words describing them ('Care leavers', 'Kinship carers'); 0 when the
    statement does not open with people."""
    k = next((k for k, w in enumerate(toks[:4]) if _people(w)), -1)
    if k < 0 or any(_construct(w) or w in T.DIRECTION or w in _DOING or w in _ACTS
                    for w in toks[:k] if w not in ("all", "more")):
        return 0  # 'Help children return home ...' opens with a verb
    while k < len(toks) and (_people(toks[k]) or toks[k] in ("and", "all", "more")):
        k += 1
    return k


#: Verbs of what a service does (any form): not a word describing people ('Help children ...').
_ACTS = frozenset(w for f in ("base", "s", "ed") for w in T.service_words(tuple(T.SERVICE_VERBS), (f,)))
#: Words after a verb that open what it acts on ('keep their tenancy'); just after people, also
#: where or how ('budget for themselves').
_DETERMINERS = frozenset("""
the a an their his her its them themselves themself him it our your this these those
""".split())
_OPENS_OBJECT = _DETERMINERS | frozenset("for with to in on at from into well more less better".split())


def _verb_after_people(toks: list[str], k: int, opens: frozenset[str] = _OPENS_OBJECT) -> bool:
    """Whether the word at ``k``, just after people, is their verb off :data:`_DOING` ('Care leavers
    budget for themselves'): not a word of grammar, a construct or a direction, and something it
    acts on after it (a word of ``opens``)."""
    w = toks[k]
    return (w not in T.STOP and w not in _OBJECT_END and not _construct(w) and w not in T.DIRECTION
            and w not in _WH and not w.endswith(("'s", "’s")) and toks[k + 1:k + 2] != []
            and toks[k + 1] in opens)


_WH = frozenset("what when where who whom whose why how which whether together".split())


#: Words that open a list of things that change: a direction or a verb about people, with at most
#: a small word after it ('better routines, boundaries and ...', 'feel valued, listened to and
#: informed', 'have the skills, knowledge and ...').
def _opens_a_list(word: str) -> bool:
    return any(word in ws for ws in (T.DIRECTION, _STATE_VERBS, _PEOPLE_VERBS, _COMPARATIVES,
                                     _SAYS_UP, _SAYS_DOWN))


#: Words opening a clause of time or condition, after which a list describes circumstances.
_SUBORDINATE = frozenset("before until unless if when once whenever".split())
#: Sectors whose names hold a word of direction: 'higher education' is a place, not a change.
_SECTORS = re.compile(r"\b(?:higher|further)\s+education\b", re.IGNORECASE)


def _listed_things(text: str) -> list[str]:
    """Three or more things listed after a direction or a verb about people, whatever they are
    ('Parents have better routines, boundaries and home conditions', 'Carers feel valued, listened
    to and informed'); [] when they are people, kinds of one thing ('GP, housing and debt
    services'), one family of constructs ('stress, anxiety and depression') or joined by 'or'."""
    toks = _TOKENS.findall(_SECTORS.sub(lambda m: "-".join(m.group(0).split()), text.lower()))
    for i, t in enumerate(toks):
        if not _opens_a_list(t) or toks[i - 1:i] in (["that"], ["which"], ["who"]):
            continue  # a relative clause describes something: 'conflict that is frequent, ...'
        if _SUBORDINATE & set(toks[:i]):
            break  # a clause of time or condition describes circumstances: 'before they become ...'

        start = i + 1 + (toks[i + 1:i + 2] in (["the"], ["their"], ["a"], ["an"], ["more"]))
        items = _items_from(toks, start)
        if len(items) >= 3:
            stems = [T.stem(it.split()[-1]) for it in items]
            if not (len(set(stems)) < len(stems) or _all_close(items, stems) or _adjectives_of(items)):
                return items
    return []


def _adjectives_of(items: list[str]) -> bool:
    """Whether a list is adjectives of the one noun its first item of several words ends with
    ('mental, emotional and physical health', 'emotional, financial and practical life skills',
    'children's social, behavioural and emotional development'),
    with nothing after that noun but things close to it ('physical, social, mental health and
    wellbeing')."""
    first = items[0].split()
    if len(first) == 2 and re.search(r"['’]s?$", first[0]):
        items = [first[1], *items[1:]]  # whose: 'children's social, behavioural and emotional development'
    noun = next((k for k, it in enumerate(items) if len(it.split()) >= 2), 0)
    head = items[noun].split()[-1] if noun else ""
    return noun > 0 and all(_ADJECTIVE.fullmatch(it) for it in items[:noun]) and all(
        _close(head, it, T.stem(head), T.stem(it.split()[-1])) for it in items[noun + 1:])


def _items_from(toks: list[str], start: int) -> list[str]:
    """The items of a list 'a, b and c' starting at ``start`` (each one to three words, no people,
    no direction word first), or [] when there is none."""
    items, cur, k = [], [], start
    while k < len(toks):
        t = toks[k]
        if t in (",", "and", "&"):
            while cur and cur[0] in T.DIRECTION:  # 'calmer, more patient and more consistent'
                cur = cur[1:]
            if not cur or len(cur) > 3 or cur[0] in T.STOP \
                    or cur[-1] in T.ACTORS or any(w in T.STOP for w in cur[1:-1]):
                return []
            items.append(" ".join(cur))
            cur = []
            if t in ("and", "&") or toks[k + 1:k + 2] in (["and"], ["&"]):
                k += 2 if t == "," else 1
                last = []
                while k < len(toks) and toks[k] in T.DIRECTION:
                    k += 1
                if toks[k:k + 1] in (["in"], ["at"]) and k + 1 < len(toks) and toks[k + 1] not in T.STOP:
                    last.append(toks[k])  # 'hopeful, motivated and in control'
                    k += 1
                while k < len(toks) and toks[k] not in _PUNCT and toks[k] not in T.STOP and len(last) < 3:
                    last.append(toks[k])
                    k += 1
                if not last or last[-1] in T.ACTORS or any(w in _HEADS for w in last) \
                        or any(w in _HEADS for w in toks[k:k + 2]):
                    return []
                return [*items, " ".join(last)] if len(items) >= 2 else []
        elif t in _PUNCT or t == "or":
            return []
        else:
            cur.append(t)
        k += 1
    return []


#: 'Safe and well', 'happy and well': 'well' there is a state of its own (wellbeing), beside
#: another one; a police 'safe and well check' is an activity. 'Safe and happy' is two as well
#: (held out 16's evaluator).
_AND_WELL = re.compile(r"\b(safe|happy|healthy|settled|secure|fit)\s+and\s+well\b"
                       r"(?![\s-]+(?:checks?|visits?|being|\w+ed)\b)|"
                       r"\b(safe)\s+and\s+happy\b|\b(happy)\s+and\s+safe\b", re.IGNORECASE)


#: 'X and Y both improve': two things said to change together.
_BOTH = re.compile(r"^\W*(?P<x>.+?)\s+and\s+(?P<y>.+?)\s+both\s+(?:improve|improves|increase|increases|"
                   r"rise|fall|reduce|decrease|grow|get\s+better|go\s+(?:up|down)|change)\b", re.IGNORECASE)


def _both(text: str) -> list[str]:
    """The two things of 'X and Y both improve' when each says what changes ('Mothers' confidence
    as parents and their own mental health both improve'); 'Parents and children both feel calmer'
    names people."""
    m = _BOTH.search(text)
    if not m:
        return []
    parts = [m.group("x").strip().lower(), m.group("y").strip().lower()]
    return parts if all(T.what_changes(p) for p in parts) else []


def _and_well(text: str) -> list[str]:
    """'Safe and well' as two states, in the statement's own clause (not in a purpose after 'to':
    'support to help them keep children safe and well')."""
    m = _AND_WELL.search(text)
    if not m or "to" in T.words(text[:m.start()]):
        return []
    first = next(g for g in m.groups() if g)
    return [first.lower(), m.group(0).split()[-1].lower()]


def _led_with(toks: list[str], first: int, items: list[str], stems: list[str]) -> list[str]:
    """Separate things listed after a comma and 'with', and the change before them: 'more
    confident, with stable housing and better family relationships' is three changes. The change
    before is counted only when it is of its own family ('Better knowledge, with skills and
    confidence' stays as the list says)."""
    while first > 0 and toks[first - 1] in T.DIRECTION:
        first -= 1  # 'with better attendance and fewer exclusions'
    if first < 3 or toks[first - 2:first] != [",", "with"] or not _construct(toks[first - 3]):
        return items
    lead = toks[first - 3]
    if any(_close(lead, it, T.stem(lead), st) for it, st in zip(items, stems)):
        return items
    return [lead, *items]


#: Verbs of change with a plural subject ('Friendships and grades improve'): what comes before
#: them is what changes, whatever its words.
_PLURAL_CHANGE = re.compile(r"\s+(?:both\s+)?(?:improve|increase|rise|fall|reduce|decrease|grow|decline|"
                            r"drop|lessen|ease|strengthen|stabilise|stabilize|recover|"
                            r"get\s+(?:better|worse)|go\s+(?:up|down))\b", re.IGNORECASE)
#: Words that qualify one noun rather than name a thing ('mental', 'behavioural', 'positive').
_QUALITY = re.compile(r"[a-z]+(?:ial|al|ic|ive|ous|ful|able|ible|ed|ary|ory|ant|[^m]ent)")
_NP_STOP = _OBJECT_STOP | frozenset("of off among across".split())


def _head(ws: list[str]) -> str:
    """The word a noun phrase names ('school attendance' -> 'attendance', 'time off school' ->
    'time'): its last word before a preposition."""
    head = ""
    for w in ws:
        if w in _NP_STOP:
            break
        head = w
    return head


def _people(w: str) -> bool:
    return w in T.ACTORS or w in _MORE_PEOPLE or bool(_PROFESSIONALS.fullmatch(w))


def _two_things(x: list[str], y: list[str]) -> list[str]:
    """Two noun phrases as two things an evaluator would measure apart: each names a thing (not
    people, not an adjective of the other's noun), with different heads not one construct."""
    hx, hy = _head(x), _head(y)
    if not hx or not hy or _people(hx) or _people(hy) or T.stem(hx) == T.stem(hy):
        return []
    if _QUALITY.fullmatch(hx) or hx in T.DIRECTION or hy in T.DIRECTION or hx in _COMPARATIVES:
        return []  # 'mental and physical health', 'emotional and behavioural difficulties'
    if len(x) == 1 and len(y) > 1 and y[1] not in _NP_STOP and _close(hx, y[0], T.stem(hx), T.stem(y[0])):
        return []  # 'drug and alcohol use': two words of one noun
    if _close(hx, hy, T.stem(hx), T.stem(hy)):
        return []
    return [" ".join(x), " ".join(y)]


def _subject_pair(text: str) -> list[str]:
    """Two things joined as the subject of one verb of change ('Friendships and grades improve',
    'Parents' mental health and children's school attendance improve'): two changes."""
    m = _PLURAL_CHANGE.search(text)
    if not m:
        return []
    ws = T.words(text[:m.start()])
    if ws.count("and") != 1 or any(w in T.DIRECTION or w in _COMPARATIVES for w in ws):
        return []
    k = ws.index("and")
    x, y = [w for w in ws[:k] if not _people(w)], [w for w in ws[k + 1:] if not _people(w)]
    if not x or not y or len(ws[:k]) != len([w for w in ws[:k] if w not in _NP_STOP]):
        return []  # 'Children in care and their carers' wellbeing' names who
    pair = _two_things(x, y)
    return pair if any(_construct(_head(p.split())) for p in pair) else []  # 'reading and writing'


_OWN_DIRECTION = frozenset("more less fewer greater lower higher reduced increased".split())
#: Words of better after a thing with its own direction and 'and' ('Less self-harm and better
#: school attendance'): a second thing with a direction of its own.
_BETTER = frozenset("better improved".split())


#: Words in -ing that describe how the next thing is done ('less controlling and better parenting'),
#: not a thing done of their own.
_MANNER_ING = frozenset("""
controlling caring loving nurturing demanding engaging understanding supporting challenging punishing
reassuring judging accepting encouraging interesting willing lasting
""".split())


def _done(word: str) -> bool:
    """Whether a word in -ing after 'less' or 'more' is a thing people do ('less shouting and better
    routines', 'less arguing'), not how the next thing is done (:data:`_MANNER_ING`)."""
    return word.endswith("ing") and len(word) > 5 and word not in _MANNER_ING


def _two_directions(text: str) -> list[str]:
    """'Less X and more Y': two things, each with a direction of its own ('Less time in care and
    more living at home', 'Fewer arrests and more young people in training'), also after people
    and a verb ('Children spend less time in care and more are living at home')."""
    ws = T.words(text)
    if "and" not in ws:
        return []
    k = ws.index("and")
    i = next((i for i, w in enumerate(ws[:k]) if w in _OWN_DIRECTION), -1)
    if i < 0 or ws[k + 1:k + 2] == [] or ws[k + 1] not in _OWN_DIRECTION | _BETTER:
        return []  # the second may say better ('Less self-harm and better school attendance')
    if i and not all(_people(w) or w in T.STOP or w in _STATE_VERBS or w in ("spend", "spends")
                     for w in ws[:i]):
        return []  # only people and a verb may come before the first direction
    x, y = ws[i + 1:k], ws[k + 2:]
    if ws[k + 1] in _BETTER and (i or len(y) < 1 or len(x) == 1 and not (_construct(x[0]) or _done(x[0]))):
        return []  # 'less harsh and better parenting': one word of how, said of what follows
    if i and y and y[0] in _AUX | _STATE_VERBS:
        y = y[1:]  # '... and more are living at home': the same people
    if y and y[0] in _ELLIPSIS and x and _people(x[0]):
        y = [x[0], *y]  # 'more young people in work and fewer in custody'
        x = [w for w in x if not _people(w)] or x
        return [" ".join(ws[i + 1:k]), " ".join(y)] if _head([w for w in x if w not in _NP_STOP]) else []
    x = [w for w in _before_complement(x) if not _people(w)]
    y = [w for w in _before_complement(y) if not _people(w)]
    if x and y and x[0] == y[0] and len(x) > 1 and len(y) > 1 and x[1] in _NP_STOP and x[1:] != y[1:]:
        return [" ".join(x), " ".join(y)]  # 'less time off school and more time with friends'
    hx, hy = _head(x), _head(y)
    if hx and hy and _construct(hx) and _construct(hy) and not _close(hx, hy, T.stem(hx), T.stem(hy)):
        return [hx, hy]  # two states, each with its own direction: 'less stressed + more confident'
    return _two_things(x, y)


_WITH = re.compile(r",\s*with\s+", re.IGNORECASE)


def _with_other_way(text: str) -> list[str]:
    """A change, then after a comma and 'with' a thing of its own said to go the other way
    ('Families have more choice and control, with fewer meetings to attend', 'Parents more
    confident, with less stress'): two changes, as 'communicate better and argue less' is. Both
    directions must say up or down ('better regulation, with fewer outbursts' may give its sign);
    people after the second ('with more families saying ...', 'with more supported to stay at
    home') say how the first shows, and so does the same way ('Reduced waits, with fewer
    families waiting ...')."""
    m = _WITH.search(text)
    if not m:
        return []
    first, _ = said_direction(text[:m.start()])
    ws = T.words(text[m.end():])
    if not first or len(ws) < 2 or ws[0] not in _SAYS_UP | _SAYS_DOWN:
        return []
    if ("increase" if ws[0] in _SAYS_UP else "decrease") == first:
        return []
    thing = ws[1:]
    if _people(thing[0]) or thing[0] in T.STOP or thing[0] in T.DIRECTION or thing[0].endswith("ly") or (
            thing[0].endswith(("ed", "ing")) and (len(thing) == 1 or thing[1] in T.STOP)):
        return []  # people, a participle or an adverb: how the first change shows
    head = _head(thing)
    before = T.words(text[:m.start()])
    was = T.what_changes(text[:m.start()])
    what = T.what_changes(" ".join(thing))
    if not head or _people(head) or not was or not what or what <= was:
        return []
    said = next((k for k, w in enumerate(before) if w in _SAYS_UP | _SAYS_DOWN), -1)
    lead = before[said + 1:]
    while lead and (_people(lead[0]) or lead[0] in T.STOP):
        lead = lead[1:]
    return [" ".join(lead or before), " ".join(thing)]


def _before_complement(ws: list[str]) -> list[str]:
    """A thing's words before an '-ing' word that says what it is about ('confident settling
    baby' -> 'confident')."""
    return ws[:next((j for j, w in enumerate(ws) if j and w.endswith("ing")), len(ws))]


#: Words of how soon: 'sooner' and 'less waiting' are one change.
_TIMELY = frozenset("sooner earlier quicker faster waiting wait waits delay delays time".split())
_NOT_COMPARATIVE = frozenset("""
under over after later other together either neither never ever whether rather further former
per order water number member matter quarter carer carers foster leader manager officer worker
teacher mother father brother sister partner parent provider
""".split())


def _comparative(w: str) -> bool:
    """A comparative by its form ('kinder', 'calmer', 'happier') or by the lexicon."""
    return w in _COMPARATIVES or w in _OWN_DIRECTION or (
        len(w) > 4 and w.endswith("er") and w not in _NOT_COMPARATIVE and not _people(w))


def _two_directed_clauses(text: str) -> list[str]:
    """Two clauses of the same people joined by 'and', each with a direction of its own ('Parents
    trust the school more and put in fewer requests for an assessment', 'Pupils kinder to one
    another and fewer fall-outs in the playground'): two changes. The second must open with a
    verb or a direction, not an adjective of the first ('feel calmer and less overwhelmed' is
    read by the compound rules of states)."""
    ws = T.words(text)
    if ws.count("and") != 1:
        return []
    k = ws.index("and")
    a, b = ws[:k], ws[k + 1:]
    n = next((n for n, w in enumerate(a) if not (_people(w) or w in T.STOP)), len(a))
    if n == 0 or n >= len(a) or len(b) < 2:
        return []  # the first clause opens with its people
    led = b[0] in ("with", "in") and b[1] in T.DIRECTION  # '... earlier and with fewer hand-offs'
    if led:
        b = b[1:]
    dir_a = [w for w in a[n:] if w in T.DIRECTION or _comparative(w)]
    dir_b = [w for w in b if w in T.DIRECTION or w in _COMPARATIVES]
    if not dir_a or not dir_b:
        return []
    if b[0] in T.DIRECTION:  # 'and fewer fall-outs': a thing of its own after the direction
        if a[n] in T.DIRECTION or len(a) - n > 1 and a[n] in _STATE_VERBS and not led or (
                a[-2] in T.DIRECTION and _QUALITY.fullmatch(a[-1])):
            return []  # 'more positive and less harsh', 'feel calmer and less overwhelmed'
        if _comparative(a[-1]) and len(b) == 2 and not led:
            return []  # 'becomes calmer and more nurturing': two qualities of one thing
        head = _head(b[1:])
        if not head or _people(head) or _QUALITY.fullmatch(head) or (
                head in _TIMELY and set(dir_a) & _TIMELY):
            return []  # 'sooner and with less waiting' says one change twice
    elif b[0] in _STATE_VERBS or b[0] in T.STOP or _people(b[0]) or _QUALITY.fullmatch(b[0]):
        return []  # a state verb of the same people is left to the rules of states
    else:  # a verb, then a direction on a thing of its own: 'put in fewer requests'
        d = next(j for j, w in enumerate(b) if w in T.DIRECTION or w in _COMPARATIVES)
        thing = b[d + 1:d + 2]
        if not thing or thing[0].endswith("ly") or thing[0] in T.STOP or _QUALITY.fullmatch(thing[0]):
            return []  # 'work more closely together' says the first change again
    if not T.what_changes(" ".join(a[n:])) and not _comparative(a[n]):
        return []
    wa, wb = T.what_changes(" ".join(a[n:])), T.what_changes(" ".join(b))
    if wb <= wa:
        return []
    return [" ".join(a), " ".join(b)]


def _two_peoples(text: str) -> list[str]:
    """Two groups of people, each with a verb of its own ('Mothers drink less and babies gain
    weight', 'Teachers feel more skilled and pupils feel listened to'): two people's changes."""
    ws = T.words(text)
    if ws.count("and") != 1:
        return []
    k = ws.index("and")
    a, b = ws[:k], ws[k + 1:]

    def clause(c: list[str]) -> tuple[str, list[str]]:
        n = 0
        while n < len(c) and (_people(c[n]) or c[n] in ("their", "the", "all", "our", "young", "s")):
            n += 1
        people = [w for w in c[:n] if _people(w)]
        rest = c[n:]
        if not people or not rest or rest[0] in _NP_STOP or rest[0] in _QUALIFIERS \
                or rest[0] in ("who", "that", "with"):
            return "", []
        return people[-1], rest

    def changes(rest: list[str]) -> bool:  # a direction, a verb of change or of experience
        return any(w in T.DIRECTION or w in _COMPARATIVES or w in _CHANGE_VERBS or w in _PERCEIVE
                   for w in rest)

    def acts(rest: list[str]) -> bool:  # a verb of their own, active: 'eat together', 'do their homework'
        return len(rest) >= 2 and (rest[0] in _DOING or rest[0] in _PEOPLE_VERBS or (
            rest[0] in ("do", "does") and rest[1] in _DETERMINERS))

    pa, ra = clause(a)
    pb, rb = clause(b)
    if not pa or not pb or T.stem(pa) == T.stem(pb):
        return []
    if not (changes(ra) and changes(rb)) and not (acts(ra) and acts(rb)):
        return []  # 'Young people are helped to stay at home and families are kept together'
    return [" ".join(a), " ".join(b)]


#: How people may feel about themselves and the help they get, by families an evaluator measures
#: as one (a survey item each, or one scale): safe and secure; supported; listened to, heard and
#: valued; loved and cared for; confident and able; calm, happy and hopeful; part of things;
#: satisfied; proud. Two of different families after a verb of feeling are two changes ('feel safe
#: and supported', 'feel supported and confident', 'feel listened to and satisfied'); two of one
#: family are one ('feel listened to and valued', 'feel calmer and less overwhelmed').
_FEELINGS: dict[str, str] = {w: fam for fam, ws in {
    "safety": "safe safer secure protected settled",
    "support": "supported helped",
    "voice": "listened heard understood believed respected valued involved recognised recognized regarded",
    "cared for": "loved cared nurtured cherished wanted",
    "confidence": "confident capable able skilled empowered equipped",
    # how people feel in themselves, hope included ('happier and more hopeful' is one)
    "mood": "happy happier calm calmer content well relaxed stressed anxious overwhelmed worried "
            "hopeful optimistic",
    "belonging": "connected included welcome welcomed isolated lonely part",
    "satisfaction": "satisfied",
    "pride": "proud",
}.items() for w in ws.split()}
_FEELINGS["at home"] = "belonging"  # feeling at home somewhere ('feel safe + at home')
_FEEL = re.compile(r"\bfe(?:el|els|lt|eling)\s+(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_FEEL_JOIN = frozenset({"and", "&", "+"})
_FEEL_GRADE = frozenset("more less much very really increasingly better".split())


def _two_feelings(text: str) -> list[str]:
    """Two feelings of different families after a verb of feeling, joined by 'and' or '+' ('Foster
    carers feel supported and confident', 'Victims feel listened to and satisfied with ...', 'ED
    staff feel safer and less stressed'); pairs conventionally measured as one ('safe and
    settled', 'safe and well') and two of one family are one."""
    m = _FEEL.search(_PLUS.sub(" and ", text))
    if not m:
        return []
    ws = T.words(m.group("rest"))

    def feeling(k: int) -> tuple[str, int]:  # the feeling word at or after k (past grades), and where it ends
        while k < len(ws) and ws[k] in _FEEL_GRADE:
            k += 1
        if ws[k:k + 2] == ["at", "home"]:
            return "at home", k + 2  # feeling at home somewhere: belonging (TUNED ON held out 29)
        if k >= len(ws) or ws[k] not in _FEELINGS:
            return "", k
        end = k + 1
        if ws[end:end + 1] in (["to"], ["for"], ["about"], ["after"], ["of"]) and ws[k] in (
                "listened", "cared", "part", "looked"):
            end += 1
        return ws[k], end

    first, at = feeling(0)
    if not first or at >= len(ws) or ws[at] not in _FEEL_JOIN:
        return []
    second, end = feeling(at + 1)
    if not second or _FEELINGS[first] == _FEELINGS[second]:
        return []
    if (T.stem(first), T.stem(second)) in _PAIR_STEMS or (first, second) in T.CONVENTIONAL_PAIRS:
        return []
    return [" ".join(ws[:at]).strip(), " ".join(ws[at + 1:end])]


#: Verbs of what professionals do in their practice ('social workers visit when they said they
#: would', 'teachers listen', 'health visitors follow up every concern').
_PRACTICE_VERBS = frozenset(w for base in """
visit listen respond act follow keep explain record share involve ask review meet call check
contact see spend plan agree write update tell talk work use offer give refer notice followup
""".split() for w in (base, base + "s"))
#: Verbs a clause of a plan or a record has ('Plans reflect what young people asked for'), beside
#: the verbs of doing, perceiving, change and practice.
_RECORD_VERBS = frozenset("""
reflect reflects include includes show shows match matches describe describes set sets
""".split())


def _practice_and(text: str) -> list[str]:
    """A clause, then 'and' and professionals doing something in their practice ('Plans reflect what
    young people asked for and social workers visit when they said they would', 'Parents feel
    heard and health visitors follow up every concern'): a change in the people's plans or lives
    and a change in practice, two outcomes measured apart. The first clause must have a verb of
    its own and a subject that is not those professionals; professionals with no verb after them
    are people joined to the first ('shared with parents and teachers')."""
    ws = T.words(text)
    if ws.count("and") != 1:
        return []
    k = ws.index("and")
    a, b = ws[:k], ws[k + 1:]
    while b and b[0] in ("the", "their", "all", "his", "her"):
        b = b[1:]
    m = _PROFESSIONALS.match(" ".join(b))
    if len(a) < 3 or not m or m.group(0).lower() in ("each", "every", "members", "member", "partners", "partner"):
        return []
    n = len(m.group(0).split())
    if len(b) <= n + 1 or b[n] not in _PRACTICE_VERBS | _DOING | _PEOPLE_VERBS:
        return []
    if _people(a[-1]) or _PROFESSIONALS.fullmatch(a[-1]) or _PROFESSIONALS.match(" ".join(a)) \
            and _PROFESSIONALS.match(" ".join(a)).group(0).lower() == m.group(0).lower():
        return []  # 'with parents and teachers', or the same professionals twice
    verbs = _DOING | _PEOPLE_VERBS | _PERCEIVE | _CHANGE_VERBS | _PRACTICE_VERBS | _RECORD_VERBS
    if not any(w in verbs or w in T.DIRECTION or w in _COMPARATIVES for w in a[1:]):
        return []
    if T.what_changes(" ".join(b[n:])) <= T.what_changes(" ".join(a)):
        return []
    said = re.split(r"\s+and\s+", text.strip().rstrip("."), maxsplit=1, flags=re.IGNORECASE)
    return [p.lower() for p in said] if len(said) == 2 else [" ".join(a), " ".join(b)]


#: What joins clauses: a comma, semicolon, line or bullet (with or without 'and'), a slash with
#: spaces round it, 'as well as', 'alongside', 'plus', 'together with'; and 'and' before two or more words
#: (the separator is kept, so that clauses joined by 'and' alone are judged more strictly).
_CLAUSE_SPLIT = re.compile(r"(\s*[,;\n\u2022]\s*(?:and\s+|&\s+|-\s+|\u2022\s*)?|"
                           r"\s+/\s+|\s+(?:as\s+well\s+as|"
                           r"alongside|plus|together\s+with)\s+|\s+(?:and|&)\s+(?=\w+\s))")


def _change_clauses(text: str) -> list[str]:
    """The changes of an outcome written as a list of clauses, each with its own direction
    ('Improved attendance, reduced exclusions' -> ['attendance', 'exclusions']; 'Home life
    calmer, children's behaviour better'): two changes with no 'and', or no verb, between them.
    [] unless two or more clauses say a change and what changes, each something different
    (each with its own direction, as 'fewer exclusions and better attendance' is two)."""
    pieces = _CLAUSE_SPLIT.split(text.strip().lower())
    parts: list[str] = []
    for k in range(0, len(pieces), 2):
        ws = pieces[k].strip("-*\u2022 \t").split()  # a bulleted list in one cell
        # a clause joined to its neighbours only by 'and' must open with its change (in 'more
        # stable placements and better attendance' the 'more' is part of what is described)
        joins = [pieces[j].strip() for j in (k - 1, k + 1) if 0 < j < len(pieces)]
        loose = not all(j in ("and", "&") for j in joins)
        before = pieces[k - 2].split() if k >= 2 else []
        rest = (_clause_change(ws) or (_stated_change(ws) if loose else _own_change(ws, before))) \
            if len(ws) >= 2 else ""
        if not rest:
            continue
        what = T.what_changes(rest)
        if what and not any(what <= T.what_changes(p) for p in parts):
            parts.append(rest)
    return parts if len(parts) >= 2 else []


#: Verbs of change after a clause's own subject ('staff morale improves', 'language improves by
#: age 3').
_CHANGE_VERBS = frozenset("""
improve improves increase increases rise rises fall falls reduce reduces decrease decreases grow
grows decline declines
""".split())
#: Words that are never a subject of change of their own ('both', 'all').
_OWN_ACTORS_ONLY = frozenset("both all each every".split())


def _more_or_less(ws: list[str]) -> str:
    """What a clause opening with 'more' or 'less' says changes, when it names a measurable thing
    ('less parental stress', 'more confident') or people ('more mothers breastfeeding'); '' when
    it names something else or continues the clause before ('less on paperwork', 'more stable'
    before a noun, 'less duplication')."""
    if ws[1] in T.ACTORS:  # people counted: 'more mothers breastfeeding at six weeks'
        return " ".join(ws[1:]) if T.what_changes(" ".join(ws[1:])) else ""
    head = ""
    for w in ws[1:]:
        if w in _OBJECT_END or w in ("of", "than"):
            break
        head = w
    return " ".join(ws[1:]) if head and _construct(head) and ws[1] not in _ELLIPSIS else ""


#: A home as where a change is ('in the family', 'within their household'): a setting, not a group of
#: people that 'and' joins to the next (TUNED ON session 11's batch A).
_SETTING = frozenset("family families household households home".split())


def _a_setting(before: Sequence[str]) -> bool:
    return (len(before) >= 3 and before[-1] in _SETTING and before[-2] in ("the", "their", "a")
            and before[-3] in ("in", "within", "at"))


def _own_change(ws: list[str], before: Sequence[str] = ()) -> str:
    """A clause joined by 'and' alone that still says a change of its own: 'less' or 'more' and a
    measurable thing ('less parental stress and fewer crises'), a thing and a verb of change at
    its end ('... and their self-esteem improves'), or people of its own and their direction on a
    measurable state ('Less conflict at home and parents more confident ...'; not after people,
    where 'and' joins two groups: 'less anxiety among children and parents more ...'); ''
    otherwise ('more positive and less harsh parenting', 'feel calmer and less overwhelmed')."""
    if _qualifies(ws):
        return ""
    if ws[0] in ("more", "less"):
        return _more_or_less(ws)
    if _people(ws[0]) and not (before and _people(before[-1]) and not _a_setting(before)):
        n = next((n for n, w in enumerate(ws) if not (_people(w) or w in ("young", "their", "the", "all"))), len(ws))
        rest = ws[n:]
        if rest and rest[0] in _STATE_VERBS:
            rest = rest[1:]
        if len(rest) >= 2 and rest[0] in ("more", "less") and _construct(rest[1]):
            return " ".join(ws)  # 'parents more confident setting boundaries
    at = next((k for k, w in enumerate(ws) if k and w in _CHANGE_VERBS), 0)
    if at and T.what_changes(" ".join(ws[:at])) and not (set(ws[:at]) & _OWN_ACTORS_ONLY):
        return " ".join(ws)  # '... and their self-esteem improves', 'language improves by age 3'
    return ""


#: Words that open a qualifier or a consequence of the clause before, not a change of its own
#: ('..., including babies', '..., with concerns acted on sooner', '..., so children stay').
_QUALIFIERS = frozenset("""
including especially particularly notably mainly e.g. eg such for with so because as by through
when before after which who where while meaning leading helping in
""".split())
#: Words that follow 'more' or 'less' when the clause continues another ('less on paperwork').
_ELLIPSIS = frozenset("on in with for at to of than about from".split())


#: Words after a participle that say how a change shows ('measured by', 'evidenced in').
_SHOWN = frozenset("by through in via using from as".split())


def _qualifies(ws: list[str]) -> bool:
    """Whether a clause only qualifies the one before: an example or a qualifier ('including
    babies', 'i.e. fewer absences'), how the change shows ('measured by improved scores',
    'evidenced in more family-led plans') or what follows from it ('resulting in better
    attainment', 'enabling parents to cope better')."""
    first = ws[0]
    if first in _QUALIFIERS or first.rstrip(".") in ("i.e", "ie", "e.g", "eg", "etc"):
        return True
    if first.endswith(("ed", "wn")) and len(ws) > 1 and ws[1] in _SHOWN:
        return True
    return first.endswith("ing") and not _construct(first) and first not in T.ACTORS \
        and first not in T.DIRECTION


def _stated_change(ws: list[str]) -> str:
    """A clause that says a change without opening with a verb: 'more' or 'less' and what changes
    ('less parental stress'), or what changes and then its direction ('home life calmer',
    'school attendance improved', 'practitioners more confident'); '' otherwise, and for a clause
    that only continues another ('less on paperwork', 'more stable' before a noun)."""
    if _qualifies(ws):
        return ""
    if ws[0] in ("more", "less"):
        if ws[1] in _ELLIPSIS or (len(ws) == 2 and not _construct(ws[1])):
            return ""
        return " ".join(ws[1:])
    signs = [k for k, w in enumerate(ws) if k and (w in T.INCREASE or w in T.DECREASE
                                               or w in _UNSIGNED or w in _COMPARATIVES)
             and ws[k + 1:k + 2] != ["than"]]  # 'go missing more than once' is how often
    if not signs or not T.what_changes(" ".join(ws)):
        return ""
    return " ".join(ws)


#: Verbs a clause of change about people opens with ('attend school more', 'feel safer'), and
#: comparatives that give such a clause its direction.
_STATE_VERBS = frozenset("""
feel feels are is become becomes get gets attend attends have has stay stays remain remains go
goes spend spends show shows report reports take takes engage engages live lives sleep sleeps
""".split())
_COMPARATIVES = frozenset("""
safer happier healthier calmer closer stronger weaker quicker faster earlier sooner longer
shorter better worse
""".split())


def _clause_change(ws: list[str]) -> str:
    """What a clause says changes, when it says a change of its own: opening with a word of change
    ('reduced exclusions'), or with a verb about people and a direction in it ('children feel
    safer at home', 'attend school more', 'have fewer emotional difficulties'); '' otherwise."""
    if ws[0] in _CLAUSE_OPENERS:
        return " ".join(ws[1:])
    k = next((k for k, w in enumerate(ws) if w not in T.ACTORS), len(ws))
    rest = ws[k:]
    if not rest or rest[0] not in _STATE_VERBS:
        return ""
    signs = [w for w in rest if w in T.INCREASE or w in T.DECREASE or w in _COMPARATIVES]
    return " ".join(rest) if signs else ""


def _separate(toks: list[str], i: int, items: list[str], stems: list[str]) -> bool:
    """Whether two things joined by the 'and' at ``i`` are separately measurable changes: each
    with its own direction word ('more confident and less isolated'), or of different families
    of constructs and not a pair conventionally measured as one ('sleep and concentration', not
    'stress and anxiety' or 'health and wellbeing')."""
    start = i - len(items[0].split())
    if start > 0 and toks[start - 1] in T.DIRECTION and toks[i + 1] in T.DIRECTION:
        return True
    first, *rest = items[1].split()
    if len(items[0].split()) == 1 and rest and _close(items[0], first, stems[0], T.stem(first)):
        return False  # 'communication and language development': two words of one noun
    return not _close(items[0], items[1], stems[0], stems[1])


def _close(a: str, b: str, sa: str, sb: str) -> bool:
    """Whether two things are one construct to an evaluator: of one family of close constructs,
    or a pair conventionally measured as one."""
    if (sa, sb) in _PAIR_STEMS:
        return True
    return (T.construct_family(a) or a) == (T.construct_family(b) or b)


def _all_close(items: list[str], stems: list[str]) -> bool:
    """Whether every two of a list of things are close (see :func:`_close`), by their heads or by
    their first words ('speech, language and communication skills')."""
    def close(i: int, j: int) -> bool:
        a, b = items[i].split()[0], items[j].split()[0]
        return _close(items[i], items[j], stems[i], stems[j]) or _close(a, b, T.stem(a), T.stem(b))
    return all(close(i, j) for i in range(len(items)) for j in range(i + 1, len(items)))


#: What a statement on each sheet must say beyond people, direction and stock phrases.
_MISSING: dict[str, tuple[str, str]] = {
    "outcomes": ("what will change", "Fewer school exclusions among children in the programme"),
    "negatives": ("what could go wrong", "Risks at home are missed when contact is only virtual"),
    "assumptions": ("what must hold true", "Families have a device and data to join sessions"),
    "components": ("what is done", "Weekly home visit by a named family worker"),
}


#: What a slogan leaves out.
_SLOGAN = ("who will change, or how (it names a quality of a place or an organisation)",
           "Pupils say they are treated with respect at school")
#: What an improvement of a field of work leaves out.
_FIELD = ("who will change, what will change or how (it names only a field of work)",
          "Designated safeguarding leads' referrals lead to action more often")
#: Words for a quality of a place or an organisation, or a motto ('Positive school ethos', 'A
#: culture of respect', 'Everyone's business'): said of no one, they say no change by themselves.
_QUALITY_OF_PLACE = frozenset("""
ethos culture cultures climate atmosphere environment environments values vision visions business
tolerance organisation organization heart priority priorities philosophy mindset
""".split())
#: Words that say a quality changes ('The ethos of the school is transformed').
_CHANGED = frozenset("transform transforms transformed change changes changed shift shifts shifted".split())
#: Verbs that say what happens to people ('pupils feel ...', 'families have ...').
_PEOPLE_VERBS = frozenset("""
feel feels felt have has had become becomes get gets report reports reported say says know knows
learn learns live lives stay stays attend attends take takes engage engages show shows go goes
spend spends receive receives
""".split())


def slogan(text: str) -> bool:
    """Whether an outcome is a slogan: it names a quality of a place or an organisation ('Positive
    school ethos', 'A culture of respect', 'Safeguarding is everyone's business') and says nothing
    that changes: no direction ('improved'), nothing happening to people ('pupils feel'), and
    nothing measurable where it starts ('Safe environment at home' names safety)."""
    ws = T.words(text)
    if not any(w in _QUALITY_OF_PLACE for w in ws):
        return False
    if any(w in T.INCREASE or w in T.DECREASE or w in _UNSIGNED or w in _COMPARATIVES
           or w in _PEOPLE_VERBS or w in _CHANGED for w in ws):
        return False
    head = []
    for k, w in enumerate(ws):
        if w in _OBJECT_END or w in ("where", "that") or (w == "of" and not _people(ws[k + 1] if k + 1 < len(ws) else "")):
            break  # 'Every member of staff ...' names people after 'of'
        head.append(w)
    if any(w in T.ACTORS for w in head) and (set(ws) & {"is", "are", "was", "were", "be"}
                                             or T.PROCESS.search(text) or T.ACTING.search(text)):
        return False  # people and what they do: 'Parents ... build a home learning environment'
    return not any(_construct(w) for w in head)


#: Stock words of an aim that say no change by themselves: needs met, the right support,
#: prospects, a start in life, role models, help sooner ('Family's needs met', 'Improved life
#: prospects', 'Every family gets what they need', 'Positive role models', 'Families get help
#: earlier'). What is met or whose prospects
#: ('health needs met', 'employment prospects') is left for what_changes to find.
_STOCK_AIMS = frozenset(T.stem(w) for w in """
need needs needed met meet meets meeting right appropriate prospect prospects start starts role
roles model models what whatever fit fits tailored bright brighter earlier sooner quicker faster
deal deals
""".split())
#: 'A better deal' (a fairer, a good deal) is a programme's slogan: what would be better is left
#: unsaid, and the council or the services it comes from are who gives it, not what changes ('Care
#: leavers get a better deal from the council'); 'a better deal on rent' names what.
_DEAL = frozenset({T.stem("deal"), T.stem("deals")})
_A_DEAL = re.compile(r"\b(?:(?:an?|the|their)\s+)?(?:[\w-]+\s+)?(?=deals?\b)", re.IGNORECASE)
_FROM_PROVIDER = re.compile(r"\bfrom\s+(?:(?:the|their|its|our|your|local)\s+)*(?:council|local\s+authority|"
                            r"authority|services?)\b", re.IGNORECASE)
#: An aim for a whole life with no construct: a light verb of living, having or reaching, and words
#: of the most or the whole of it ('Have fun', 'Live their best lives', 'Reach their full
#: potential', 'Enjoy life to the full', 'Make the most of every opportunity', 'Dream big').
_WHOLE_LIFE = frozenset(T.stem(w) for w in """
live lives living life have has be being become reach reaching make do achieve realise realize fulfil
fulfill enjoy enjoying enjoyment fun dream dreams aim aims full fullest fully whole most utmost all
everything anything best big bigger possible opportunity opportunities potential
""".split())
#: 'The right support at the right time': what is right is a stock phrase, not a change.
_RIGHT = re.compile(r"\b(?:right|appropriate)\s+(?:time|times|place|support|help|people|person|way|"
                    r"moment|level|service|services|thing|things)\b|"
                    # and when: 'at the earliest opportunity', 'as early as possible'
                    r"\bat\s+the\s+earliest\s+(?:opportunity|point|stage)\b|"
                    r"\bas\s+(?:early|soon|quickly)\s+as\s+possible\b|\bin\s+a\s+timely\s+(?:way|manner|fashion)\b|"
                    r"\bwhen\s+(?:they|it\s+is|needed)\s+(?:need\s+it|needed)?", re.IGNORECASE)


#: An attitude to a named thing ('more positive about school', 'positive towards education'): a
#: measured construct (attitude to school), with or without 'feel' (TUNED ON held out 29).
_ATTITUDE_TO = re.compile(r"\b(?:positive|negative|optimistic|enthusiastic)\s+(?:about|towards?)\s+"
                          r"(?:(?:the|their|his|her|its|our|your|a|an|going\s+to|coming\s+to|being\s+at)\s+)*"
                          r"(?P<thing>[\w'’-]+)", re.IGNORECASE)


#: Whom an aim is for, described only by who they are and where they live, at its end ('for
#: vulnerable people in Wales', 'for disadvantaged children across the borough'): who and where,
#: not what changes (TUNED ON held out 29). A place is a word of area or a name in capitals, not a
#: status ('in Care', 'in Need').
_DESCRIBED = r"(?:vulnerable|disadvantaged|deprived|marginali[sz]ed|under-?served|poorer|low-income|at[\s-]risk)"
_PLACE = (r"(?:the\s+)?(?:local\s+area|borough|county|city|district|area|region|nation|country|communit(?:y|ies)|"
          r"locality|(?!(?:Care|Need|Custody|Education|Employment|Training|Work|School|Hospital)\b)"
          r"[A-Z][\w'’-]+(?:\s+(?:and\s+)?[A-Z][\w'’-]+)*)")
_FOR_WHOM = re.compile(r"\s+for\s+(?:(?:all|the|our|local|more|every)\s+)*(?:" + _DESCRIBED + r"\s+)*"
                       r"(?:[\w'’-]+\s+)?(?P<people>[\w'’-]+)(?:\s+(?:in|across|throughout|within)\s+" + _PLACE
                       + r")?\W*$")


def _aim_for_whom(text: str) -> str | None:
    """An aim without whom it is for and where, when it ends with them (see :data:`_FOR_WHOM`)."""
    m = _FOR_WHOM.search(text)
    return text[:m.start()] if m and _people(m.group("people").lower()) else None


def _an_attitude_to_a_thing(text: str) -> bool:
    m = _ATTITUDE_TO.search(text)
    return bool(m) and m.group("thing").lower() not in T.GENERIC | {"it", "things", "everything", "anything"}


#: What the kinds of vague aim below leave out, and an example of saying it (TUNED ON the
#: vague-statement real problems of held out 30, 31 and 33 and of the earlier sets).
_GAP_UNSAID = ("between whom a gap should narrow, or in what",
               "The gap in reading at age 7 between children on free school meals and others narrows")
_NO_KIND_OF_CHOICE = ("which choices", "Young people choose water over sugary drinks at school")
_NO_OBJECT = ("in what, or by whom (confident, engaged or supported in what; coping with what)",
              "Parents feel more confident handling their child's tantrums")
#: Words of a gap or an inequality, verbs that close one, and words that say only along which line
#: (poverty, disadvantage) or when ('early', 'long-term'): a gap in a broad domain or in
#: 'outcomes' with none of these says neither in what nor between whom ('Reduced health
#: inequalities', 'Reduced poverty-related outcomes gap'); 'the attainment gap', 'the word gap
#: between disadvantaged children and their peers' name what.
_GAP_WORDS = frozenset(T.stem(w) for w in """
gap gaps inequality inequalities inequity inequities disparity disparities equality equity equal
""".split())
_GAP_VERBS = frozenset(T.stem(w) for w in """
close closes closed closing narrow narrows narrowed narrowing narrower eliminate eliminates eliminated
shrink shrinks smaller
""".split())
_GAP_LINE = frozenset(T.stem(w) for w in """
poverty poverty-related related linked associated socio socioeconomic economic disadvantage
disadvantaged deprivation income wealth early later long term short medium whole county borough city
district area areas region nation country locality
""".split())
#: 'Outcomes' or 'results' for people, with nothing said of them but stock and when ('Better
#: long-term outcomes for children', 'Improved outcomes for privately fostered children',
#: 'Positive outcomes for difficult-to-engage young people'): however the people are described,
#: what changes is not said; 'outcomes for children in reading' says what.
_OUTCOMES_OF = re.compile(r"^\W*(?P<head>.*?\b(?:outcomes?|results?)\b)\s+(?:for|of|among|amongst)\s+"
                          r"(?P<rest>.+?)\W*$", re.IGNORECASE)
_LIFE_STAGE = frozenset(T.stem(w) for w in "long term short medium later early life overall".split())
#: Confidence, engagement, feeling supported or valued, or coping, said of people with no object
#: ('Families feel supported', 'Young people cope better', 'Pupils more confident', 'Parent
#: confidence', 'Improved parental engagement', 'Parents more engaged'): confident in what,
#: engaged with what, is left open; 'more confident as parents', 'engaged in learning', 'parenting
#: confidence' and 'self-confidence' say it.
_OBJECTLESS = frozenset("confidence confident engagement engaged supported valued cope".split())
#: Words around it that say only whose ('parental engagement', 'Pupils feel ...') or which way.
_OF_PEOPLE = frozenset("parental maternal paternal pupil parent family kinship foster adoptive".split())
_LIGHT = frozenset("feel feels felt are is be become becomes show shows report reports have has levels able".split())
#: Choices said only to be good, of no kind ('Healthier lifestyle choices', 'Young people make
#: positive life choices'): which choices (food, smoking, who they spend time with) is left open;
#: 'healthier food choices' names them.
_CHOICES = frozenset("choice choices".split())
_OF_CHOICES = frozenset("""
make makes making made able healthy healthier healthiest lifestyle life positive good better safer
safe informed wise wiser sensible right whole
""".split())
#: Services said only to work together better ('Services better joined up', 'Agencies more
#: integrated'): a field of work, with who or what changes left open.
_JOINED_UP = re.compile(r"^\W*(?:(?:local|partner|all|the|our|key)\s+)*(?:services|agencies|partners|professionals|"
                        r"organisations|organizations|teams)\s+(?:are\s+|become\s+|will\s+be\s+)?"
                        r"(?:better|more)\s+(?:joined[\s-]up|integrated|co-?ordinated|aligned|connected|"
                        r"collaborative)\W*$", re.IGNORECASE)


def _gap_unsaid(text: str) -> bool:
    """A gap or an inequality in a broad domain, in 'outcomes' or in nothing named, with no group
    beyond the line it runs along ('Reduced health inequalities', 'Narrow the gap')."""
    said = T.what_changes(text)
    return bool(said & _GAP_WORDS) and not (said - _GAP_WORDS - _GAP_VERBS - _GAP_LINE - T._BROAD_STEMS)


def _outcomes_for_people(text: str) -> bool:
    """'Outcomes' for people said of nothing else (see :data:`_OUTCOMES_OF`)."""
    m = _OUTCOMES_OF.match(text)
    if not m or T.what_changes(m.group("head")) - _LIFE_STAGE:
        return False
    rest = T.words(m.group("rest"))
    first = next((i for i, w in enumerate(rest) if _people(w)), None)
    if first is None:
        return False
    after = rest[first + 1:]
    return not any(w in ("in", "on", "at", "around") and any(T.stem(T.meaning(x)) in T.CONSTRUCT_STEMS
                                                            for x in after[k + 1:k + 4])
                   for k, w in enumerate(after))


def _without_object(text: str) -> bool:
    """Confidence or engagement of people with no object (see :data:`_OBJECTLESS`): besides it only
    people, words of direction and light verbs before it, and after it only a direction or whose
    ('engagement of families')."""
    ws = T.words(text)
    hits = [k for k, w in enumerate(ws) if w in _OBJECTLESS]
    if len(hits) != 1:
        return False
    k = hits[0]
    if ws[k] in ("engaged", "engagement") and not any(w in T.DIRECTION for w in ws):
        return False  # 'Male carers engaged': a status of taking part, for the take-up rules
    if not all(w in T.STOP or w in T.DIRECTION or w in _OF_PEOPLE or w in _LIGHT or _people(w)
               or (j + 1 < k and _people(ws[j + 1])) for j, w in enumerate(ws[:k])):
        return False  # a word just before people says which people ('grandparent carers')
    after = ws[k + 1:]
    if after and after[0] in ("of", "among", "amongst"):
        return all(w in T.STOP or _people(w) for w in after[1:])
    return all(w in T.DIRECTION for w in after)


#: A shortfall or a stigma said to fall, of no one and about nothing ('Reduced underachievement',
#: 'Less stigma'): whose shortfall, in what, or whose stigma about what, is left open. A broad state
#: such as 'Improved emotional health' is not read so: an evaluator accepts it as a change.
_UMBRELLA = frozenset("underachievement underachieving stigma stigmatisation stigmatization".split())
_UMBRELLA_UNSAID = ("whose it is or in what (a shortfall in which attainment, a stigma about what)",
                    "Fewer pupils on free school meals fall behind in reading by Year 6")


def _umbrella_of_no_one(text: str) -> bool:
    """A shortfall or a stigma with only a direction (see :data:`_UMBRELLA`)."""
    ws = T.words(text)
    return (any(w in T.DIRECTION for w in ws) and any(w in _UMBRELLA for w in ws)
            and all(w in _UMBRELLA or w in T.DIRECTION or w in T.STOP for w in ws))


def _choices_of_no_kind(text: str) -> bool:
    """Choices said only to be good (see :data:`_CHOICES`)."""
    ws = T.words(text)
    return any(w in _CHOICES for w in ws) and all(
        w in _CHOICES or w in _OF_CHOICES or w in T.STOP or w in T.DIRECTION or _people(w) for w in ws)


def unsaid(text: str) -> tuple[str, str] | None:
    """What a short outcome that names a change in words leaves out, by kind, or None: a gap with
    neither in what nor between whom, 'outcomes' for people, confidence or engagement with no
    object, services only said to work together better."""
    if _gap_unsaid(text):
        return _GAP_UNSAID
    if _outcomes_for_people(text):
        return _MISSING["outcomes"]
    if _without_object(text):
        return _NO_OBJECT
    if _choices_of_no_kind(text):
        return _NO_KIND_OF_CHOICE
    if _JOINED_UP.match(text):
        return _FIELD
    if _umbrella_of_no_one(text):
        return _UMBRELLA_UNSAID
    return None


@rule(VAGUE)
def vague(ctx: Context) -> Iterator[Finding]:
    """Statements that leave out what they are about (judged by content, not word count). A
    component counts as vague only when its description does not say what is done either."""
    for el in ctx.model.all_elements():
        text = el.statement
        if el.kind not in _MISSING or not ctx.eid(el) or not text:
            continue
        motto = el.kind == "outcomes" and slogan(text)
        said = T.what_changes(text)
        deal = el.kind == "outcomes" and bool({"deal", "deals"} & set(T.words(text)))
        if deal:  # 'a fairer deal from the council': its words of quality and giver say nothing
            said = T.what_changes(_A_DEAL.sub(" ", _FROM_PROVIDER.sub(" ", text))) - _DEAL
        if el.kind == "outcomes" and not T.STATUS_PHRASE.search(text):  # 'Fewer children in need'
            said = said and T.what_changes(_RIGHT.sub(" ", _A_DEAL.sub(" ", _FROM_PROVIDER.sub(" ", text))
                                                      if deal else text)) - _STOCK_AIMS
            said = said if said - _WHOLE_LIFE else frozenset()
        if said and el.kind == "outcomes" and (aim := _aim_for_whom(text)) is not None:
            # 'Better lives for vulnerable people in Wales': whom and where, and no change
            said = said if (T.what_changes(aim) - _STOCK_AIMS) - _WHOLE_LIFE else frozenset()
        if not said and el.kind == "outcomes" and _an_attitude_to_a_thing(text):
            said = frozenset({"attitude"})
        # a way of working already called not a change ('Effective multi-agency working') is one problem
        field = el.kind == "outcomes" and T.only_a_field(text) and not not_a_change(text)
        left = (el.kind == "outcomes" and said and not motto and not field and not not_a_change(text)
                and unsaid(text))
        if said and not (el.kind == "outcomes" and T.only_a_domain(text)) and not motto and not field \
                and not left:
            continue
        if el.kind == "components" and T.what_changes(el.text("description")):
            continue
        missing, example = _SLOGAN if motto else _FIELD if field else left or _MISSING[el.kind]
        col = el.sheet.column(el.sheet.statement)
        yield make(VAGUE, el.ref(col.key), ctx.eid(el), column=col.header.lower(), text=short(text),
                   missing=missing, example=example)


def _text_fields(ctx: Context) -> Iterator[tuple[Field, L.Column, Element | None]]:
    """Every filled free-text cell: intervention answers and element text/choice columns."""
    iv = ctx.model.intervention
    for fld in L.INTERVENTION.fields:
        f = iv.fields.get(fld.key)
        if f is not None and not f.empty and isinstance(f.value, str):
            yield f, fld, None
    for el in ctx.model.all_elements():
        for col in el.sheet.columns:
            if col.kind in ("text",):
                f = el.fields.get(col.key)
                if f is not None and isinstance(f.value, str) and f.value.strip():
                    yield f, col, el


def _where(col: L.Column, el: Element | None) -> str:
    if el is None:
        return f"The Intervention answer '{col.header}'"
    who = el.id or f"Row {el.row}"
    return f"{who}'s '{col.header}'"


def placeholder(text: str, col: L.Column | None = None) -> str:
    """The placeholder a cell holds ('' when it holds an answer): the whole text is one, or it
    opens with TBC/TBD and says little else, or it is a short heading with a note that its text is
    still to come, or a promise of text, or a heading naming only its kind of row with TBC after it
    (:data:`_NOTE_TO_COME`, :data:`_PROMISE`, :data:`_SLOT_TBC`), or it has a
    fill-in marker ('[insert', 'xxx'), or it is the column's own example copied from the guidance."""
    if _PLACEHOLDER_WHOLE.match(text):
        return text.strip()
    m = _PLACEHOLDER_LEAD.match(text)
    if m and (len(_words(m.group("rest"))) <= 4 or _NOTE_AFTER.match(m.group("rest"))):
        return m.group("tbc")
    m = _SLOT_TBC.match(text)
    if m and not _DIRECTION.search(m.group("head")):  # 'Better housing outcomes (TBC)' says a change
        return m.group("note")
    m = _NOTE_TO_COME.match(text) or _PROMISE.match(text)
    if m:
        return m.group("note")
    m = _PLACEHOLDER_IN.search(text)
    if m:
        return m.group(0).strip()
    if col is not None and text.strip().rstrip(".").lower() == _help_example(col):
        return short(text, 40)
    return ""


def _help_example(col: L.Column) -> str:
    """The example in a column's guidance ('... e.g. Two family support workers (2 FTE).')."""
    _, sep, example = col.help.partition("e.g. ")
    return example.strip().rstrip(".").lower() if sep else "\0"


@rule(PLACEHOLDER, TOO_LONG)
def cells(ctx: Context) -> Iterator[Finding]:
    """Placeholder text left in cells; cells too long to print."""
    for f, col, el in _text_fields(ctx):
        text = f.value if isinstance(f.value, str) else f.text
        eid = ctx.eid(el) if el is not None else ""
        # the guidance's own example counts as a placeholder on the model's sheets only (the
        # Intervention form and My measures name real things the guidance uses as examples)
        found = placeholder(text, col if el is not None and el.kind != "my_measures" else None)
        if found and set(found) <= {"-"} and not col.required:
            found = ""  # a dash in an optional column ('Evidence: -') means 'nothing to add'
        if found:
            yield make(PLACEHOLDER, f.ref, eid, place=_where(col, el), found=found)
        limit = print_limit(FORM_WIDTH if el is None else col.width)
        if len(text) > limit:
            yield make(TOO_LONG, f.ref, eid, place=_where(col, el), chars=len(text), limit=limit)


@rule(NEGATIVE_UNMANAGED, ASSUMPTION_UNTESTED)
def management(ctx: Context) -> Iterator[Finding]:
    """Negative consequences without mitigation or monitoring; weak assumptions without a test."""
    names = {"mitigation": "mitigation", "monitoring": "plan for monitoring it"}
    for n in ctx.model.negatives:
        if not ctx.eid(n):
            continue
        empty = [k for k in names if k in n.fields and n.fields[k].empty]
        if not empty:
            continue  # one finding per consequence, whichever of the two is missing
        cells = [str(n.ref(k)) for k in empty]
        yield make(NEGATIVE_UNMANAGED, n.ref(empty[0]), ctx.eid(n),
                   what=" or ".join(names[k] for k in empty),
                   empty=" and ".join(cells) + (" are empty" if len(cells) > 1 else " is empty"),
                   help=" ".join(L.NEGATIVES.column(k).help for k in empty))
    for a in ctx.model.assumptions:
        if not ctx.eid(a) or "how_tested" not in a.fields or not a.fields["how_tested"].empty:
            continue
        if needs_a_test(a):  # the one rule the plan's test rows follow too
            confidence = L.norm_label(a.text("confidence"))
            label = {"some": "rated Some (only partly evidenced)", "weak": "rated weak",
                     "untested": "rated untested", "": "not rated"}.get(
                         confidence, f"rated '{a.text('confidence')}'")
            yield make(ASSUMPTION_UNTESTED, a.ref("how_tested"), ctx.eid(a), confidence=label)


# --- near-duplicates -------------------------------------------------------------------------------

#: Two statements on one sheet are near-duplicates at or above this Jaccard similarity of words.
DUPLICATE_THRESHOLD = 0.8
_STOP = frozenset((
    "a", "an", "the", "of", "and", "or", "to", "in", "for", "with", "on", "by", "at", "as",
    "from", "into", "is", "are", "be", "been", "their", "they", "them", "this", "that", "who",
    "which", "its", "it", "our", "we", "us", "will", "can",
))


#: A prefix joined by a hyphen makes another word ('re-entering' is not 'entering').
_PREFIX = re.compile(r"\b(re|non|un|pre|post|co|self|anti|de|mis|over|under|ex)-(?=[a-z])")


def _token_set(text: str) -> frozenset[str]:
    out = set()
    low = text.lower()
    for w in re.findall(r"[a-z0-9]+", _PREFIX.sub(r"\1", low) if "-" in low else low):  # a prefix needs its hyphen
        if w in _STOP:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return frozenset(out)


def similar_pairs(
    texts: Sequence[str], threshold: float = DUPLICATE_THRESHOLD, stats: dict[str, int] | None = None
) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of texts whose word sets have Jaccard similarity >= ``threshold``.

    A similarity join with prefix and positional filtering (as in PPJoin): words are ordered
    rarest first; two sets similar enough must share a word among the first few of each, and a
    pair whose shared words so far plus the words left cannot reach the needed overlap is dropped
    early. So only a few candidates per text are compared, not every pair. Each text is paired
    with at most one earlier text (the first that matches). ``stats['verified']`` counts the
    candidates compared in full.
    """
    sets = [_token_set(t) for t in texts]
    freq = Counter(w for s in sets for w in s)
    rank = {w: r for r, w in enumerate(sorted(freq, key=lambda w: (freq[w], w)))}  # rarest first
    ordered = [sorted(s, key=rank.__getitem__) for s in sets]
    index: dict[str, list[tuple[int, int]]] = defaultdict(list)
    pairs: list[tuple[int, int]] = []
    verified = 0
    factor = threshold / (1 + threshold)
    for j, toks in enumerate(ordered):
        n = len(toks)
        if n == 0:
            continue
        prefix = n - math.ceil(threshold * n - 1e-9) + 1
        overlap: dict[int, int] = {}
        for pj, w in enumerate(toks[:prefix]):
            for i, pi in index[w]:
                so_far = overlap.get(i, 0)
                if so_far < 0:
                    continue  # already ruled out
                m = len(ordered[i])
                if m < threshold * n or n < threshold * m:
                    continue
                needed = math.ceil(factor * (n + m) - 1e-9)
                if so_far + 1 + min(m - pi - 1, n - pj - 1) >= needed:
                    overlap[i] = so_far + 1
                else:
                    overlap[i] = -1
        for i in sorted(k for k, v in overlap.items() if v > 0):
            verified += 1
            inter = len(sets[i] & sets[j])
            if inter / (n + len(sets[i]) - inter) >= threshold - 1e-9:
                pairs.append((i, j))
                break
        for pj, w in enumerate(toks[:prefix]):
            index[w].append((j, pj))
    if stats is not None:
        stats["verified"] = verified
    return pairs


@rule(NEAR_DUPLICATE)
def near_duplicates(ctx: Context) -> Iterator[Finding]:
    """Rows on one sheet whose statements use nearly the same words."""
    for sheet in L.LIST_SHEETS:
        els = [e for e in ctx.model.elements[sheet.key] if e.statement]
        for i, j in similar_pairs([e.statement for e in els]):
            a, b = els[i], els[j]
            col = sheet.statement
            yield make(NEAR_DUPLICATE, b.ref(col), ctx.eid(b), other=ctx.eid(a) or f"row {a.row}",
                       other_ref=str(a.ref(col)), text=short(b.statement))
