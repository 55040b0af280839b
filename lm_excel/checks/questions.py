"""Questions an evaluator asks of an outcome that no wording rule asks: how it would be seen.

Each is a note, not a warning: the model may be right, and the answer may sit in the evaluation
plan, but an evaluator would ask it of nearly every model that has it, and the model should say
which result it expects. One finding per outcome (the first question that applies):

- counted from what is reported, disclosed, referred or identified, or of people judged at risk,
  so a rise can mean more harm or better recognition (and a fall less harm or less reporting);
- a count the service's own decisions move (referrals and requests that gatekeeping or thresholds
  hold back; children on a plan, in need or on an order; contacts to the front door; how long
  cases stay open; first-time entry under a diversion scheme, which falls by definition);
- a rare event as a Primary outcome at a small scale (the Intervention sheet's reach), where no
  change could be seen;
- something nobody can observe or ask of those concerned (babies' feelings, "children are safer",
  "reduced risk of exploitation", a change across generations);
- a Primary outcome that changes the very need people are chosen by (regression to the mean).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding, make, register
from ..model import Element
from .base import Context, rule, short
from .clauses import changes_what_chose, chosen_by_need
from . import text as T
from .text import direction

C = "evaluation"
RECOGNITION = register(
    "outcome-counted-by-recognition", category=C, severity="info",
    title="Outcome counted from what is reported or recognised",
    description="The outcome counts harm through what is reported, recorded, disclosed, referred "
    "or identified (incidents, disclosures, referrals, identification), or people judged 'at risk of' "
    "a harm. Such counts move with "
    "recognition as well as with harm: a rise can mean more harm or that people now see and report "
    "it, a fall less harm or less reporting. An evaluator asks which the model expects, and for a "
    "second measure that does not rest on reporting. A note: the model may already mean one of "
    "them, and the plan may hold the second measure.",
    message="Outcome {id} ({ref}) counts harm or need through what is {how}, so a {change} could mean "
    "{meaning}: '{text}'.",
    fix="Say which the model expects (e.g. 'more disclosures at first, as children trust staff, "
    "then fewer incidents'), and plan a second measure that does not rest on reporting (what "
    "children or parents say in a survey, a standardised scale, records of another agency).",
)
MOVED_BY_DELIVERY = register(
    "outcome-moved-by-delivery", category=C, severity="info",
    title="Outcome the service's own decisions move",
    description="The outcome counts something the services themselves decide: referrals, "
    "requests or demand that thresholds and gatekeeping can hold back whatever happens to need; "
    "children on a child protection plan, in need or on a supervision order (a status that "
    "conferences, panels and hearings decide); contacts to children's social care; how long cases "
    "stay open; or first-time entry to the justice system under a scheme that diverts children "
    "from it (which falls by definition). An evaluator asks how a fall from met need will be told apart from a "
    "fall from the service's decisions. A note: the model may answer it in the plan.",
    message="Outcome {id} ({ref}) {why}: '{text}'.",
    fix="Say how the evaluation will tell a real change from the service's own decisions, e.g. "
    "{example}, or name an outcome for the children and families themselves beside it.",
)
RARE = register(
    "rare-outcome-small-scale", category=C, severity="info",
    title="Rare outcome at a small scale",
    description="A Primary outcome is an event that happens to few people in a year (entering "
    "care, a child protection plan, custody, serious violence, permanent exclusion, maltreatment), "
    "and the Intervention sheet says the intervention reaches fewer than 100 people (its Reach a "
    "year, or when that is empty the largest number of people its summary or target population "
    "names): too few events for any change to be seen. An evaluator asks for an earlier, more common outcome on "
    "the way to it. A note: pooled years, sites or records may still show it.",
    message="Outcome {id} ({ref}) is a rare event, and the intervention reaches about {reach} people "
    "({ref_reach}): too few for a change in it to be seen: '{text}'.",
    fix="Keep it as the aim, but make an earlier, more common change on the way to it Primary "
    "(what the mechanisms change first), or plan to pool several years or sites.",
)
NOT_OBSERVABLE = register(
    "outcome-not-observable", category=C, severity="info",
    title="Outcome that cannot be observed or asked",
    description="The outcome is something nobody can observe or ask of those concerned as it is "
    "worded: how babies feel, whether children 'are safer' or 'free from harm' or at a 'reduced "
    "risk of exploitation', a change across generations. An evaluator asks what will be observed instead, by whom. A note: the plan may "
    "name an observable measure.",
    message="Outcome {id} ({ref}) cannot be observed as it stands ({why}): '{text}'.",
    fix="Say what will be observed instead, and by whom. {fix}",
)

CHOSEN_AT_WORST = register(
    "outcome-chosen-by-need", category=C, severity="info",
    title="Outcome in the very need people are chosen by",
    description="The outcome is a change in the need by which the target population chooses "
    "people (pupils with persistent absence and 'Increased attendance'; parents with concerns "
    "about behaviour and 'Fewer behaviour problems'). People chosen when a need is high tend to "
    "improve anyway as it returns towards their usual level (regression to the mean), so a change "
    "from before to after the service overstates what the service did. An evaluator asks what the "
    "change will be compared with. A note: the plan may hold a comparison.",
    message="Outcome {id} ({ref}) measures the need people are chosen by ({what}, {ref_tp}): people "
    "chosen at a point of need tend to improve anyway, so a before-and-after change overstates the "
    "effect: '{text}'.",
    fix="Plan a comparison chosen the same way (a waiting list, similar children or families not yet "
    "reached), or measure the need more than once before the service starts.",
)

_HARM = (r"abus\w*|violen\w*|harm\w*|neglect\w*|maltreat\w*|exploit\w*|crimes?|criminal|offen[cs]\w*|"
         r"bull(?:y|ying|ied)|assaults?|anti-?social|missing|domestic|safeguarding|"
         r"risks?|hate|sexual|grooming|marac|knives|knife|weapons?|radicalis\w*|traffick\w*|fgm|"
         r"young\s+carers?|private(?:ly)?\s+fostering|fostering\s+arrangements?")
HARM = re.compile(rf"\b(?:{_HARM})\b", re.IGNORECASE)
#: A count made through someone recognising or reporting it.
COUNTED = re.compile(
    r"\b(?:report(?:s|ed)?|record(?:s|ed)|incidents?|disclos\w*|(?<![-\w])referr(?:als?|ed)|"
    r"notifications?|call-?outs?|calls?\s+to\s+(?:the\s+)?police|identif(?:ied|ication)|"
    r"detect(?:ed|ion)|concerns?\s+(?:raised|reported)|(?:raised|reported)\s+concerns?|"
    # a missing episode is known only when someone reports it
    r"missing\s+(?:from\s+\w+\s+)?episodes?|episodes?\s+of\s+(?:going\s+)?missing)\b",
    re.IGNORECASE)
_SELF_REPORT = re.compile(r"\b(?:feel\w*|felt|say|says|said)\b", re.IGNORECASE)
_NEEDS_IDENTIFIED = re.compile(r"\bidentif(?:ied|ication)\b.*\bneeds?\b|\bneeds?\b.*\bidentified\b",
                               re.IGNORECASE)


#: A count of people judged to be at risk of a harm ('Fewer young people at risk of criminal
#: exploitation'), with nothing after but where or among whom: the count is of professionals'
#: judgements, which better screening raises. People at risk who then do something ('... attend
#: school') are who the outcome is about, not what it counts.
_AT_RISK_COUNT = re.compile(
    r"^\W*(?:fewer|more|(?:a\s+)?(?:fall|drop|reduction|rise|increase)\s+in\s+(?:the\s+)?(?:numbers?|proportion)\s+"
    r"of|(?:reduced|lower|higher)\s+(?:numbers?|proportion)\s+of)\s+(?:[\w'-]+\s+){0,2}?(?:children|young\s+people|"
    r"pupils|girls|boys|women|adults|families|babies|students)\s+(?:(?:assessed|judged|identified|considered|"
    r"deemed|rated|screened)\s+(?:as\s+)?(?:being\s+)?)?at\s+(?:[\w-]+\s+){0,2}?risk\s+of\s+(?:[\w'-]+\s+){0,3}?"
    rf"(?:{_HARM})(?:\s+(?:in|across|within|among|by)\b.*)?\W*$", re.IGNORECASE)


def _what_is_counted(text: str) -> str:
    if _AT_RISK_COUNT.search(text):
        return "judged by professionals (people 'at risk')"
    m = COUNTED.search(text)
    word = m.group(0).lower() if m else ""
    if word.startswith(("identif", "detect")):
        return "identified"
    if word.startswith("disclos"):
        return "disclosed"
    if word.startswith("referr"):
        return "referred"
    return "reported or recorded"


#: What is counted is not the report that sets a response going ('a response to notifications',
#: 'support the day after an incident').
_TRIGGER = re.compile(r"\b(?:after|following|response\s+to|responses\s+to|respond\w*\s+to|"
                      r"handling\s+of)\s+(?:[\w'-]+\s+){0,4}$", re.IGNORECASE)


#: People, then a phrase that says which ('with an identified need', 'who witness ... incidents'),
#: then what they do ('attend an intervention'): the count word says who, not what is counted.
_WHO_PHRASE = re.compile(r"^\W*(?:all\s+|more\s+|fewer\s+)?(?:[\w'-]+\s+){0,6}?(?:who|with|that)\s",
                         re.IGNORECASE)
_THEN_DOES = re.compile(r"\b(?:attend|attends|receive|receives|get|gets|access|accesses|take|takes|"
                        r"make|makes|feel|feels|have|has)\b", re.IGNORECASE)


def _says_who(text: str, m: re.Match) -> bool:
    before = text[:m.start()]
    return bool(_WHO_PHRASE.search(before)) and any(w in T.ACTORS for w in T.words(before)[:4]) \
        and bool(_THEN_DOES.search(re.split(r"[,;]", text[m.end():])[0]))


#: A clause of place or condition round the count word ('hubs within reach, where there is an
#: identified need'): it says where or when, not what is counted.
_CONDITION = re.compile(r"\b(?:where|wherever|if|when|whenever)\s+(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)


def _counts_recognised(text: str) -> bool:
    return any(not _TRIGGER.search(text[:m.start()]) and not _CONDITION.search(text[:m.start()])
               and not _says_who(text, m) for m in COUNTED.finditer(text))


def _recognition(text: str, up: bool) -> str:
    """How a count of recognised harm would be misread ('' when the outcome is no such count)."""
    if not (_counts_recognised(text) or _AT_RISK_COUNT.search(text)) or _SELF_REPORT.search(text):
        return ""
    if not (HARM.search(text) or _NEEDS_IDENTIFIED.search(text)):
        return ""
    return ("more harm, or that it is now seen and reported more" if up
            else "less harm, or that less of it is seen or reported")


_GATE = re.compile(
    r"\b(?:(?<![-\w])(?<!repeat\s)referr(?:als?|ed)\s+(?:on\s+)?(?:\w+\s+){0,3}?(?:to|for|into)|"
    r"requests?\s+for|applications?\s+for|step-?ups?\s+to|escalations?\s+to|"
    r"demand\s+(?:on|for))\b", re.IGNORECASE)
#: A recurrence, not a gate ('referred again', 'repeat referrals', 'coming back').
_AGAIN = re.compile(r"\b(?:again|repeat\w*|re-?referr\w*|back\s+(?:to|into)|return\w*)\b", re.IGNORECASE)
_ENTRY = re.compile(
    r"\bfirst[-\s]time\s+entrants?|\b(?:entry|entries|entering|entrants?)\s+(?:(?:in)?to\s+)?the\s+"
    r"(?:youth|criminal)\s+justice\s+system|\bformal\s+(?:criminal\s+justice\s+)?(?:outcomes|"
    r"sanctions|disposals)|\bcriminal\s+records?\b", re.IGNORECASE)
_DIVERSION = re.compile(
    r"\bdiversion\b|\bdivert(?:s|ed|ing)?\s+(?:\w+\s+){0,2}?(?:away\s+)?from\s+(?:formal|prosecution|"
    r"court|charg|caution|arrest|custody|the\s+(?:youth|criminal)\s+justice)|"
    r"\bout[-\s]of[-\s]court|\bcommunity\s+resolutions?|\boutcome\s+22\b|"
    r"\btriage\b|\binstead\s+of\s+(?:being\s+)?(?:charged|cautioned|arrested|prosecuted)|"
    r"\bdeferred\s+prosecution", re.IGNORECASE)


def _diverts(ctx: Context) -> bool:
    iv = ctx.model.intervention
    texts = [iv.text(k) for k in ("name", "summary", "rationale")]
    texts += [c.text(k) for c in ctx.model.components for k in ("component", "description")]
    return any(_DIVERSION.search(t) for t in texts)


def falls_by_definition(ctx: Context, text: str) -> bool:
    """Whether an outcome counts first-time entry to the justice system in a model that diverts
    children from it: it falls by the scheme's own decisions, with no step in people before it."""
    return bool(_ENTRY.search(text)) and _diverts(ctx)


#: A status the services decide, counted as a stock of people in it (children on a child protection
#: plan, in need, on a supervision order): conferences, panels, hearings and thresholds move it. An
#: entry or a recurrence ('becoming subject to', 'a second plan') is left to the other rules.
_PEOPLE_IN = r"(?:children|child|young\s+people|young\s+person|pupils|families|babies|girls|boys)"
_STATUS = re.compile(
    rf"\b{_PEOPLE_IN}\s+(?:(?:who\s+are\s+)?(?:on|subject\s+to|under)\s+(?:a\s+|an\s+)?(?:(?:child\s+protection|"
    rf"cp)\s+plans?|(?:compulsory\s+)?supervision\s+orders?)|in\s+need\b(?!\s+of))|"
    r"^\W*(?:reduced|fewer|lower|less)\s+(?:number\s+of\s+)?(?:child\s+protection|cp)\s+plans\b"
    r"(?=\W*$|\s+(?:for|because|where|among|in|across)\b)",
    re.IGNORECASE)
_ENTRY_OR_AGAIN = re.compile(r"\b(?:becom\w*|became|enter\w*|entr(?:y|ies|ants?)|new|newly|start\w*|placed|"
                             r"made|second|repeat\w*|again|re-\w+|re(?:referr|enter|entr|open)\w*)\b", re.IGNORECASE)
#: Contacts to children's social care (its front door, the MASH), or contacts ending in no further
#: action: they move with thresholds, with how partners are advised, and with how contacts are recorded.
_CONTACTS = re.compile(
    r"\bcontacts?\b(?:\s+[\w'-]+){0,6}?\s+(?:to|into)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:front\s+door|"
    r"children'?s\s+social\s+care|social\s+care|mash|children'?s\s+services)\b|"
    r"\bcontacts?\b[^,;]*\bno\s+further\s+action\b", re.IGNORECASE)
#: How long a case stays open: the service's own decision to close it.
_OPEN_FOR = re.compile(
    r"\b(?:(?:social\s+work|statutory|children'?s\s+(?:social\s+care|services))\s+involvement|"
    r"open\s+to\s+(?:[\w'-]+\s+){0,3}?(?:social\s+care|social\s+work|services?|teams?|early\s+help)|"
    r"cases?\s+(?:stay|stays|remain|remains|are\s+kept|kept)\s+open)\b", re.IGNORECASE)
_HOW_LONG = re.compile(r"\b(?:shorter|less\s+time|time|length|duration|periods?|sooner|quicker|faster)\b",
                       re.IGNORECASE)


def _decided(text: str) -> tuple[str, str] | None:
    """Why a count of a status, a contact or a case's length is the services' own decision."""
    if _STATUS.search(text) and not _ENTRY_OR_AGAIN.search(text):
        return ("counts children in a status that conferences, panels, hearings and thresholds "
                "decide (a plan, an order, in need): a fall could mean needs are met, or that "
                "decisions and thresholds changed",
                "what happens to the children whose plans or orders end or who are not made "
                "subject to one (re-referrals, repeat plans, harm later), with the thresholds "
                "tracked over time")
    if _CONTACTS.search(text):
        return ("counts contacts to children's social care, which move with thresholds, with how "
                "partners are advised and with how contacts are recorded: a fall could mean needs "
                "are met earlier, or that need goes unseen",
                "what happens to the children about whom no contact is made (needs met, contacts "
                "later, harm), and how the front door records contacts over time")
    if _OPEN_FOR.search(text) and _HOW_LONG.search(text):
        return ("counts how long cases stay open, which is the service's own decision to close "
                "them: shorter involvement could mean needs met sooner, or cases closed too soon",
                "re-referrals after cases close, and what families say of their needs at closure")
    return None


def _moved_by_delivery(ctx: Context, text: str, down: bool) -> tuple[str, str] | None:
    """Why the service's own decisions move this count, and an example of telling them apart."""
    if not down:
        return None
    if decided := _decided(text):
        return decided
    if falls_by_definition(ctx, text):
        return ("falls by definition when children are diverted from formal outcomes: the scheme's "
                "own decisions make the change",
                "reoffending or harm for the children diverted, against a comparison group")
    if _GATE.search(text) and not _AGAIN.search(text):
        return ("counts referrals, requests or demand that thresholds and gatekeeping can hold "
                "back: a fall could mean needs are met earlier, or that need goes unmet",
                "what happens to the children and families not referred (needs met, re-referrals, "
                "escalations later), and the thresholds tracked over time")
    return None


_RARE = re.compile(
    r"\b(?:(?:ent(?:ry|ries|ering|rants?)|admissions?)\s+(?:(?:in)?to\s+)?care|care\s+entr\w*|"
    r"(?:taken|received|come|comes|coming|go|going|goes)\s+into\s+care|becom\w*\s+looked[-\s]after|"
    r"child\s+protection\s+plans?|subject\s+to\s+(?:a\s+)?(?:child\s+protection|cp)|custod\w*|"
    r"serious\s+(?:youth\s+)?violence|permanent(?:ly)?\s+exclu\w*|maltreat\w*|deaths?|homicides?|"
    r"adoption\s+breakdowns?|placement\s+breakdowns?|statutory\s+intervention|care\s+proceedings|"
    r"sudden\s+infant|stabbings?|teenage\s+pregnanc\w*|conceptions?|"
    r"secure\s+(?:or\s+[\w-]+\s+)?(?:accommodation|units?|children'?s\s+homes?|placements?)|"
    r"residential\s+(?:care|placements?|"
    r"special\s+schools?))\b", re.IGNORECASE)
#: Fewer people a year than this and a rare event could not change visibly.
SMALL_REACH = 100


_INFANT_FEELS = re.compile(
    r"\b(?:bab(?:y|ies)|infants?|newborns?|neonates?)(?:'s|s')?\s+(?:\w+\s+){0,2}?"
    r"(?:feel\w*|are\s+(?:happier|happy|content\w*|calm\w*)|say|tell|report|express\w*|know)\b",
    re.IGNORECASE)
_GENERATIONS = re.compile(r"\bintergeneration\w*|\bacross\s+generations|\bnext\s+generation|"
                          r"\bbreak(?:s|ing)?\s+the\s+(?:\w+\s+)?cycle", re.IGNORECASE)
#: A risk of a harm said with no more than its kind ('risk of further violence', 'risk of abuse and
#: neglect'): read as 'risk of harm'.
_HARMS = r"(?:harm|abuse|neglect|exploitation|violence)"
_RISK_OF = re.compile(
    rf"\brisk\s+of\s+(?:(?:further|serious|significant|criminal|sexual|child|youth|physical|emotional)\s+)*"
    rf"{_HARMS}(?:\s+(?:and|or)\s+{_HARMS})?\b", re.IGNORECASE)
_SAFETY = re.compile(r"\bsafe(?:r|ly|ty)?\b|\bfree\s+from\s+harm|\brisk\s+of\s+harm", re.IGNORECASE)
#: The words a bare claim of safety is made of (anything else names what would show it).
_SAFETY_WORDS = frozenset("""
safe safer safely safety free from harm risk of significant reduced lower less more are is be become
becomes live lives living grow up feel in the their a an to for and at home homes community
communities place places area areas neighbourhood neighbourhoods child children young people
person persons youth families family adults pupils learners residents within network networks
baby babies infant infants with parents kinship care privately fostered
""".split())
_WORD = re.compile(r"[a-z'-]+")


def _bare_safety(text: str) -> bool:
    text = _RISK_OF.sub("risk of harm", text)
    if not _SAFETY.search(text) or _SELF_REPORT.search(text):
        return False
    return all(w.strip("'") in _SAFETY_WORDS for w in _WORD.findall(text.lower()))


def _unobservable(text: str) -> tuple[str, str] | None:
    """Why the outcome cannot be observed, and what to do instead."""
    if _INFANT_FEELS.search(text):
        return ("babies cannot say how they feel",
                "Word it as what can be observed of the baby or between baby and carer, e.g. "
                "'Babies are more settled and responsive in play with their parent', observed "
                "with a named tool, or as what parents report of their baby.")
    if _GENERATIONS.search(text):
        return ("a change across generations cannot be seen within an evaluation of the service",
                "Keep it as the long-term aim, and make Primary the change in this generation the "
                "evaluation can see (e.g. parents' care of their own children).")
    if _bare_safety(text):
        return ("safety itself is not observed, only judged from incidents, plans or what children "
                "and carers say",
                "Name what would show it, e.g. 'Fewer children on a plan for the same concern "
                "again', 'Children say they feel safe at home', or a practitioner's rated risk "
                "with the tool named.")
    return None


#: A number of people said in the Intervention sheet's text ('about 25 young people', '30-50
#: families', '40 disabled children'), not an age ('aged 0 to 18 and their families') nor a count per
#: group or place ('6 to 10 children per group').
_PEOPLE_COUNT = re.compile(
    r"\b(\d[\d,]*)\s+(?!and\b|or\b|to\b|their\b|of\b|years?\b|olds?\b)(?:[\w-]+\s+)?"
    r"(?:young\s+people|families|children|parents|pupils|mothers|women|carers|care\s+leavers|fathers|"
    r"households|learners|students)\b(?!\s+(?:per|in\s+each|each|at\s+a\s+time|a\s+(?:group|class|school|"
    r"session|worker)))", re.IGNORECASE)


def _small_reach(ctx: Context) -> tuple[int, str] | None:
    """The reach a year when it is small: the largest number typed in *Reach a year* ('30-50
    families' is 50; 'Year 7 pupils, about 200' is 200, so that a year group or a range never makes
    it look smaller); when that is empty, the largest number of people the summary or the target
    population names."""
    iv = ctx.model.intervention
    counts = [(int(n.replace(",", "")), "reach") for n in re.findall(r"\d[\d,]*", iv.text("reach"))]
    if not counts:
        counts = [(int(m.group(1).replace(",", "")), key) for key in ("summary", "target_population")
                  for m in _PEOPLE_COUNT.finditer(iv.text(key))]
    reach, key = max(counts, default=(0, ""))
    return (reach, key) if 0 < reach < SMALL_REACH else None  # none typed, or 0 while not known yet


def _question(ctx: Context, o: Element, text: str) -> Finding | None:
    eid, ref = ctx.eid(o), o.ref(o.sheet.statement)
    said = direction(text) or o.text("direction").casefold()
    up, down = said.startswith("increase"), said.startswith("decrease")
    quoted = short(text, 70)
    if meaning := _recognition(text, up):
        return make(RECOGNITION, ref, eid, text=quoted, how=_what_is_counted(text),
                    change="rise" if up else "fall", meaning=meaning)
    if moved := _moved_by_delivery(ctx, text, down):
        return make(MOVED_BY_DELIVERY, ref, eid, text=quoted, why=moved[0], example=moved[1])
    if (o.text("priority").casefold() == "primary" and _RARE.search(text)
            and direction(text) in ("increase", "decrease")  # a count of the event, not a status
            and (small := _small_reach(ctx)) is not None):
        return make(RARE, ref, eid, text=quoted, reach=small[0],
                    ref_reach=str(ctx.model.intervention.ref(small[1]) or "Intervention sheet"))
    if unseen := _unobservable(text):
        return make(NOT_OBSERVABLE, ref, eid, text=quoted, why=unseen[0], fix=unseen[1])
    if o.text("priority").casefold() == "primary" and (
            what := changes_what_chose(text, chosen_by_need(ctx.model.intervention.text("target_population")))):
        return make(CHOSEN_AT_WORST, ref, eid, text=quoted, what=f"'{what}'",
                    ref_tp=str(ctx.model.intervention.ref("target_population") or "Intervention sheet"))
    return None


@rule(RECOGNITION, MOVED_BY_DELIVERY, RARE, NOT_OBSERVABLE, CHOSEN_AT_WORST)
def how_seen(ctx: Context) -> Iterator[Finding]:
    """Outcomes whose change could not be told apart from recognition or the service's own
    decisions, could not be seen at the intervention's scale, or could not be observed at all."""
    for o in ctx.model.outcomes:
        text = o.statement
        if ctx.eid(o) and text:
            if (finding := _question(ctx, o, text)) is not None:
                yield finding
