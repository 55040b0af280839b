"""The recommended evaluation design, chosen from the logic model and the measures chosen for it.

Pure: frozen dataclasses in, frozen dataclasses out; no pandas, no files. The plan builder turns
its rows into :class:`MeasureUse` records and calls :func:`recommend`.

What decides the design, in plain words:

* **Is there a causal chain?** An impact design needs mechanisms triggered by components and
  leading to outcomes (the Mechanisms sheet). Without one the honest design is to finish the
  theory of change and study delivery: no impact design yet.
* **The unit of delivery** (Intervention sheet): the whole local authority, some schools or
  settings, some neighbourhoods, some teams, or a cohort of families, carers, individual
  parents or other adults (Pause, the Family Nurse Partnership, Caring Dads), or young people.
  The comparison is made at that unit: an LA-wide comparison would dilute the effect of work
  delivered in a few schools.
  Work every authority does at once (a national duty or programme) has no untreated
  comparator authorities: those who take part are compared with similar people who do not.
* **Does everyone eligible get it?** When the model's own words say so ("every child in care
  has a plan"), nobody eligible is left out locally: people given support one by one are
  compared with similar people in areas without it or from before it began, and a national duty
  reaching everyone has neither non-participants nor untreated authorities, so its
  contribution is explained. An offer, an entitlement or help for those who ask is not everyone.
* **Scale** (how many units, how many people a year): too few for a comparison to show change
  reliably means a pilot design now and a comparison later. A team's scale is the people it
  serves: one or two teams reaching many are compared through those people.
* **Allocation**: when places or sites can be allocated by lot or in planned waves, a randomised
  or stepped roll-out design is feasible and gives the strongest evidence.
* **The nation**: comparators and routine data differ across England, Scotland, Wales and
  Northern Ireland ("statistical neighbours" is an English DfE construct).
* **The kinds of measures**: routine (administrative) data suit time series and comparisons;
  validated questionnaires suit before-and-after and comparison-group designs. A measure of other
  people (children in care, for a model that does not serve them) carries no design, nor does a
  change in the workforce stand in for the people the model is for.

Evidence levels follow the Early Intervention Foundation's standards: level 1 a logic model,
level 2 preliminary evidence (change before and after), level 3 one rigorous comparison-group
study, level 4 two or more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from lm_excel import layout as L
from lm_excel.measures.library import english_return_in
from lm_excel.model import LogicModel

EIF_STANDARDS = "https://guidebook.eif.org.uk/eif-evidence-standards"
EIF_PILOT = "https://evaluationhub.eif.org.uk/pilot-impact-studies/"
EIF_IPE = "https://evaluationhub.eif.org.uk/implementation-and-process-studies/"
MAGENTA = "https://www.gov.uk/government/publications/the-magenta-book"
#: What the evidence levels mean, for a reader who has not met them.
EIF_LEVELS = ("EIF levels are the evidence standards of the Early Intervention Foundation (now "
              "part of Foundations): level 2 is change seen before and after, level 3 one study "
              "with a credible comparison group, level 4 two or more such studies.")

#: Units of delivery as the Intervention sheet offers them, and the key each stands for.
UNITS = dict(zip(L.LISTS["delivery_unit"],
                 ("la", "national", "schools", "areas", "teams", "families", "carers",
                  "adults", "children")))
NATIONS = L.LISTS["nation"]
ALLOCATION = dict(zip(L.LISTS["allocation"], ("random", "waves", "no", "")))
#: Fewer units or people than this and a comparison cannot show change reliably.
MIN_CLUSTERS = 6
MIN_PEOPLE = 60
MIN_RCT_CLUSTERS = 10
MIN_RCT_PEOPLE = 100

#: England's comparators for a system the NHS leads: the DfE's statistical neighbours are groups of
#: councils, and NHS figures are published for NHS areas.
_NHS_AREAS = ("similar NHS areas (other integrated care boards or NHS trusts' areas, matched on "
              "population, deprivation and need; the DfE's statistical neighbours group councils, "
              "so suit only figures published by council)")
_CLUSTER_UNITS = {"schools": "schools or settings", "areas": "areas", "teams": "teams"}
_PEOPLE_UNITS = {"families": "families", "carers": "carers",
                 "adults": "parents or other adults", "children": "children or young people"}
_ONE = {"schools": "school or setting", "areas": "area", "teams": "team", "families": "family",
        "carers": "carer", "adults": "parent or other adult", "children": "child or young person"}
_COMPARATORS = {
    "England": ("statistical neighbours (the DfE's children's services statistical neighbour "
                "benchmarking tool)", "DfE returns (CIN census, SSDA903, school census)"),
    "Scotland": ("similar councils (for example your Local Government Benchmarking Framework "
                 "family group)", "the Scottish Government's children's social work statistics"),
    "Wales": ("similar Welsh local authorities", "the Welsh Government's children receiving care "
              "and support and looked-after children statistics"),
    "Northern Ireland": ("the other Health and Social Care Trusts", "the Department of Health's "
                         "children's social care statistics"),
}

#: Each other nation's adjective (English returns named where a plan row still holds one).
_ADJECTIVE = {"Scotland": "Scottish", "Wales": "Welsh", "Northern Ireland": "Northern Ireland"}


#: Data sources that are an authority's or a service's own records, published by no one.
_OWN_RECORDS = ("local management information", "local case records")


def _data(routine: Sequence[MeasureUse], nation: str, default: str) -> str:
    """Where the routine figures come from: the measures' own sources, with another nation's
    equivalents in place of English returns."""
    sources = []
    for u in routine:
        # "local management information; for NHS mental health services, the MHSDS": the
        # service's own records, and a published collection where it applies
        own, _, rest = u.source.partition("; ")
        sources += [own, rest] if rest and own.casefold().startswith(_OWN_RECORDS) else [u.source]
    sources = list(dict.fromkeys(x for x in sources if x))
    local = [x for x in sources if x.casefold().startswith("no national equivalent")]
    if local:  # the nation publishes none for some measures: their figures are the LA's own
        sources = [x for x in sources if x not in local] + [
            f"your own records where {nation or 'your nation'} publishes no national figures "
            f"(comparators would have to share theirs)"]
    own = [x for x in sources if x.casefold().startswith(_OWN_RECORDS)]
    if own:  # the service's or the authority's own records: no one else publishes them
        sources = [x for x in sources if x not in own] + [
            f"{join_words(own)} (your own records: comparators would have to share "
            "theirs, and the series can start only where the records go back to before the "
            "model started)"]
    if not sources:
        return default
    english = [x for x in sources if english_return_in(x)]
    if not english:
        return join_words(sources)
    rest = [x for x in sources if x not in english]
    if nation in _ADJECTIVE:
        social_care = any(r in x for x in english for r in ("CIN census", "SSDA903"))
        return join_words(rest + [f"the {_ADJECTIVE[nation]} equivalents of the "
                                  f"{join_words(english)}"
                                  + (f" (for example {default})" if social_care else "")])
    return join_words(rest + [f"the DfE's {join_words(english)}"])


@dataclass(frozen=True)
class MeasureUse:
    """One measure chosen in the plan: what it measures (ref, role) and what kind it is."""

    ref: str  # the ID of the outcome (output, negative consequence, assumption) it measures
    role: str  # "outcome", "process", "negative" or "assumption"
    name: str = ""  # "" when no measure is chosen yet
    kind: str = ""  # administrative, validated instrument, bespoke, qualitative ("" unknown)
    primary: bool = False
    key: str = ""
    source: str = ""  # where its data come from (the plan's Data source column)


@dataclass(frozen=True)
class Setting:
    """How the intervention is delivered, from the Intervention sheet ("" or None when blank)."""

    unit: str = ""  # a value of UNITS
    units: int | None = None  # how many schools, areas, teams
    reach: int | None = None  # how many children, families or carers a year
    nation: str = ""  # one of NATIONS
    allocation: str = ""  # a value of ALLOCATION
    #: The model's own words saying that everyone eligible in the area gets it ("every child in
    #: care"), from its Summary or Target population; "" when they say no such thing.
    everyone: str = ""
    #: The model's own words saying that everyone eligible is offered it ("every child ... is
    #: offered an interview"): those who did not take part declined. "" otherwise.
    offered: str = ""
    #: The model's own words saying it is one body's own plan to recover or improve its delivery
    #: ("a recovery plan", "clear the backlog"): under a national duty, the bodies running the
    #: same duty without such a plan are a fair comparison. "" otherwise.
    own_plan: str = ""
    #: The model's own words saying support is given in small groups ("groups of 6-10"): with no
    #: yearly reach stated, too few people may take part for a comparison. "" otherwise.
    small_groups: str = ""
    #: True when the body leading the model is the NHS (an integrated care board, an NHS trust,
    #: CAMHS): in England its comparators are similar NHS areas, not groups of councils.
    nhs_led: bool = False
    #: The model's own words saying support comes in courses or groups that start again and again
    #: ("ten weekly sessions", "a new course each term"): the next course is a natural comparison.
    courses: str = ""
    #: The model's own words saying it runs across a whole city, county or area ("city-wide",
    #: "across the county"): small groups run there reach many people a year. "" otherwise.
    wide: str = ""


@dataclass(frozen=True)
class Strand:
    """One strand of the recommended design: what to do, why, and where to read more."""

    title: str
    detail: str
    why: str
    source: str
    plain: str = ""  # the detail without where to fix in the workbook (for a board), if it differs


@dataclass(frozen=True)
class Gap:
    """Something the model does not say yet: ``plain`` says so to any reader (a board reading
    the report); ``fix`` says where in the workbook to say it (the Measures plan sheet)."""

    plain: str
    fix: str


@dataclass(frozen=True)
class Design:
    """The recommended evaluation design with its evidence level and what is missing."""

    strands: tuple[Strand, ...]
    evidence_level: str
    setting: Setting
    chain: tuple[str, ...]  # outcome IDs on a causal chain (components -> mechanisms -> outcomes)
    missing: tuple[Gap, ...]  # what the model does not say yet

    @property
    def titles(self) -> str:
        """The strand titles as one readable line."""
        return join_words(s.title for s in self.strands)


# --- wording ----------------------------------------------------------------------------------

def join_words(words: Iterable[str], last: str = "and") -> str:
    """Words as a readable list: "a", "a and b", "a, b and c"; with semicolons when an item
    has a comma of its own ("Household income, benefits and debt; SDQ and PSI-4")."""
    items = [w for w in words if w]
    if len(items) <= 1:
        return "".join(items)
    sep = "; " if any("," in w for w in items) else ", "
    return sep.join(items[:-1]) + f"{';' if sep == '; ' else ''} {last} " + items[-1]


def measure_names(uses: Sequence[MeasureUse], limit: int = 4) -> str:
    """The distinct measure names of some uses as a readable list, at most ``limit`` named."""
    names = list(dict.fromkeys(u.name for u in uses if u.name))
    if len(names) > limit:
        rest = len(names) - limit
        return join_words(names[:limit] + [f"{rest} more"])
    return join_words(names)


def _count(n: int, one: str, many: str) -> str:
    return f"{'one' if n == 1 else n} {one if n == 1 else many}"


def _for(which: str, uses: Sequence[MeasureUse]) -> str:
    """ "the primary outcome OC8" or "the outcomes OC4 and OC8"."""
    refs = list(dict.fromkeys(u.ref for u in uses))
    return f"the {which[:-1] if len(refs) == 1 else which} {join_words(refs)}"


# --- reading the model -------------------------------------------------------------------------

def _number(text: str) -> int | None:
    """The first whole number in ``text``; none, or 0 (typed while the figure is not known yet), is None."""
    m = re.search(r"\d[\d,]*", text)
    return int(m.group(0).replace(",", "")) or None if m else None


def _choice(text: str, options: dict[str, str] | tuple[str, ...]) -> str:
    t = " ".join(text.split()).casefold()
    if not t:
        return ""
    for label in options:
        if label.casefold() == t:
            return options[label] if isinstance(options, dict) else label
    for label in options:  # a looser match: "England and Wales" -> first nation named
        if label.casefold() in t or t in label.casefold():
            return options[label] if isinstance(options, dict) else label
    return ""


def read_setting(model: LogicModel) -> Setting:
    """The delivery setting the Intervention sheet states (blank fields stay blank)."""
    iv = model.intervention
    return Setting(
        unit=_choice(iv.text("delivery_unit"), UNITS),
        units=_number(iv.text("delivery_units")),
        reach=_number(iv.text("reach")),
        nation=_choice(iv.text("nation"), NATIONS),
        allocation=_choice(iv.text("allocation"), ALLOCATION),
        everyone=everyone_eligible(" ".join((iv.text("summary"), iv.text("target_population")))),
        offered=offered_to_everyone(" ".join((iv.text("summary"),
                                              iv.text("target_population")))),
        own_plan=own_plan(iv.text("summary")) or own_plan(iv.text("name")),
        small_groups=small_groups(" ".join((iv.text("summary"), iv.text("target_population")))),
        nhs_led=nhs_led(iv.text("organisation")),
        courses=repeated_courses(" ".join((iv.text("summary"), iv.text("target_population")))),
        wide=area_wide(" ".join((iv.text("summary"), iv.text("target_population")))),
    )


def _quote(text: str, start: int, end: int, words: int = 20) -> str:
    """The clause of ``text`` around ``start:end``, at most ``words`` words, for a reader to see."""
    before = re.split(r"[.;:!?]\s", text[:start])[-1].split()
    lead = "..." if len(before) > 6 else ""  # a long clause: from a few words before the match
    after = re.match(r"[^.;:!?]*", text[end:]).group(0)
    said = (" ".join(before[-6:]) + " " + text[start:end] + after).split()
    return lead + " ".join(said[:words]) + ("..." if len(said) > words else "")


#: One body's own plan to put right or improve how it delivers something ("the Trust's recovery
#: plan", "an improvement plan after the inspection", "clear the backlog of reviews"); not a
#: programme helping people recover ("a family recovery programme").
_OWN_PLAN = re.compile(
    r"\b(?:recovery|improvement|catch[- ]up|turnaround) plans?\b"
    r"|\b(?:clear|clears|clearing|cleared|reduce|reduces|reducing|tackle|tackles|tackling) "
    r"(?:the |a |its |our |their )?backlogs?\b", re.IGNORECASE)


def own_plan(text: str) -> str:
    """The words of ``text`` (a model's Summary, else its name) saying it is one body's own plan to
    recover or improve its delivery ("Recovery plan to get every child a review on time"); ""
    when they say no such thing."""
    found = _OWN_PLAN.search(text)
    return _quote(text, found.start(), found.end()) if found else ""


#: Numbers as a model may write them in words (group sizes, counts of sessions or weeks).
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "sixteen": 16, "a dozen": 12}
#: A number, captured (group sizes): in figures or in words.
_N = r"(\d+|" + "|".join(_NUMBER_WORDS) + ")"
#: A number, not captured (sessions, weeks): in figures or in one word, as before.
_NUM = r"(?:\d+|" + "|".join(w for w in _NUMBER_WORDS if " " not in w) + ")"
#: "groups of 6-10", "a group of up to eight", "small groups of about twelve": people, not "groups
#: of schools" or "groups of 6 settings".
_GROUPS = re.compile(
    rf"\bgroups? of (?:up to |about |around |roughly |between |no more than |at most )?{_N}"
    rf"(?:\s*(?:-|\u2013|to|and)\s*{_N})?\b(?!\s+(?:schools?|settings?|teams?|areas?|councils?|"
    rf"authorities|sessions?|weeks?|months?|days?|hours?)\b)", re.IGNORECASE)
#: Groups this size or smaller are small: a few groups a year reach few people.
SMALL_GROUP = 12
#: An offer open to everyone ("open to any parent", "a universal course"): many small groups, so
#: many people, and group size says nothing of the reach.
_OPEN_TO_ALL = re.compile(r"\bopen to (?:all|any|every)\w*|\b(?:any|every) parents? (?:or carers? )?"
                          r"(?:can|may|who wants?)\b|\buniversal(?:ly)?\b|\bfor any (?:parent|"
                          r"carer|family|families)\b", re.IGNORECASE)


def small_groups(text: str) -> str:
    """The words of ``text`` saying support is given in groups of a dozen people or fewer
    ("weekly groups of 6-10 parents"); "" when they say no such thing, or when the groups are
    open to everyone (a universal offer runs many groups)."""
    if _OPEN_TO_ALL.search(text):
        return ""
    for found in _GROUPS.finditer(text):
        largest = max(int(n) if n.isdigit() else _NUMBER_WORDS[n.casefold()]
                      for n in found.groups() if n)
        if largest <= SMALL_GROUP:
            return _quote(text, found.start(), found.end(), words=16)
    return ""


#: The places a model may say it covers whole: a city, county, borough, district or region (not a
#: school, which "school-wide" work covers, nor the nation, which a national programme's unit says).
_PLACES = (r"(?:cit(?:y|ies)|count(?:y|ies)|boroughs?|districts?|regions?|council areas?"
           r"|authorit(?:y|ies))")
#: "city-wide", "across the county", "the whole borough": work run across a whole place.
_WIDE = re.compile(rf"\b{_PLACES}[- ]wide\b|\bacross (?:the |all (?:of )?(?:the )?)(?:whole )?"
                   rf"{_PLACES}\b|\b(?:the|a) whole {_PLACES}\b", re.IGNORECASE)


def area_wide(text: str) -> str:
    """The words of ``text`` saying the model runs across a whole city, county or other place
    ("started in half the city, then city-wide"); "" when they say no such thing."""
    found = _WIDE.search(text)
    return _quote(text, found.start(), found.end(), words=16) if found else ""


_COURSE = re.compile(r"\b(?:courses?|groups?)\b", re.IGNORECASE)
#: A course that starts again and again: its sessions counted, its weeks, or its next start.
_REPEATED = re.compile(
    rf"\b{_NUM}\s+(?:weekly\s+)?(?:(?:\w+-hour|\w+-hours?)\s+)?sessions\b|\b{_NUM}[- ]weeks?\b(?!\s+(?:after|"
    rf"before|later|from|of|old|(?:\w+\s+)?training))|\beach term\b|\bevery term\b|\btermly\b|\b{_NUM} times a year\b|"
    rf"\ba new (?:course|group) (?:starts|begins|runs)\b|\brolling programme\b", re.IGNORECASE)


def repeated_courses(text: str) -> str:
    """The words of ``text`` saying support comes in courses or groups that run again and again
    ("a course of ten weekly sessions", "a twelve-week group run three times a year"); "" when
    they say no such thing (visits, one-to-one help)."""
    for sentence in re.split(r"(?<=[.;])\s+", text):
        found = _REPEATED.search(sentence)
        if found and _COURSE.search(sentence):
            return _quote(sentence, found.start(), found.end(), words=16)
    return ""


#: The NHS bodies that lead children's health and mental health services in England.
_NHS = re.compile(r"\bNHS\b|\bCAMHS\b|\bCYPMHS\b|\bICBs?\b|\bCCGs?\b|\bintegrated care boards?\b"
                  r"|\bclinical commissioning groups?\b|\bfoundation trusts?\b", re.IGNORECASE)
_COUNCIL = re.compile(r"\bcouncils?\b|\blocal authorit(?:y|ies)\b|\bchildren's (?:services|social "
                      r"care|trust)\b|\bpublic health\b", re.IGNORECASE)


def nhs_led(organisation: str) -> bool:
    """Whether the body leading the model (the Organisation, before any partners it works "with")
    is the NHS and not a council: "NHS CAMHS with the council's early help" is; "a county council
    with the NHS trust" is not."""
    lead = re.split(r"\bwith\b", organisation, maxsplit=1, flags=re.IGNORECASE)[0]
    return bool(_NHS.search(lead)) and not _COUNCIL.search(lead)


#: The people a service is for, as a model names them after "every" or "all".
_PEOPLE_WORDS = (r"child(?:ren)?|young (?:person|people)|pupils?|students?|learners?|famil(?:y|ies)"
                 r"|parents?|mothers?|fathers?|carers?|care leavers?|bab(?:y|ies)|infants?"
                 r"|adolescents?|residents?|households?|women|men|girls?|boys?")
#: "every child in care", "all pupils aged 5-16", "every looked-after child": everyone of a group
#: (one word may qualify it), not "every week", "every school" or "every agency".
_EVERYONE = re.compile(rf"\b(?:every|all)\s+(?:(?:the|of the|eligible)\s+)?(?:[\w'-]+\s+)?"
                       rf"(?:{_PEOPLE_WORDS})(?:\s+in care)?\b(?!['\u2019]s?\s+(?:centres?|"
                       rf"homes?|services?|social|trusts?|hubs?|workforce|partnerships?))",
                       re.IGNORECASE)
#: An offer people take up or refuse, or take part in by choice: then not everyone gets it.
_TAKE_UP = re.compile(
    r"\b(?:offer(?:s|ed|ing)?|invited|entitled|entitlement|told (?:that )?they can|can (?:ask|choose|opt|come back|refer"
    r" themselves|register|apply|claim|sign up)|(?:who|that) (?:ask|asks|choose|chooses|want|wants|opt|opts|agree|agrees|consent"
    r"|consents|sign up|signs up|take (?:it |them )?up)|take[- ]?up|taken up|opt(?:s|ed)?[- ]"
    r"(?:in|out)|voluntar(?:y|ily)|on request|if they (?:want|wish|choose)|self[- ]refer\w*)\b",
    re.IGNORECASE)


#: An offer, or a right to ask for something ("can register for a free box", "may apply for").
_OFFER = re.compile(r"\b(?:offer(?:s|ed|ing)?|invited|(?:can|may) (?:register|apply|claim|sign up)"
                    r")\b", re.IGNORECASE)


def offered_to_everyone(text: str) -> str:
    """The sentence of ``text`` saying that everyone eligible is offered the service ("every
    child reported missing is offered an interview"); "" when none does."""
    for sentence in re.split(r"(?<=[.;])\s+", text):
        if _EVERYONE.search(sentence) and _OFFER.search(sentence):
            words = sentence.split()
            return " ".join(words[:24]).rstrip(".;") + ("..." if len(words) > 24 else "")
    return ""


def everyone_eligible(text: str) -> str:
    """The words of ``text`` (a model's Summary and Target population) saying that everyone
    eligible gets the service, by design: "every child in care has a plan". "" when it says no
    such thing, or when people take it up by choice (an offer, those who ask): then those who do
    not take part are a comparison, if a selected one."""
    found = _EVERYONE.search(text)
    if not found or _TAKE_UP.search(text):
        return ""
    # Quoted with the rest of its clause, up to eight words more, so a reader sees who is meant.
    rest = re.match(r"[^.;:,()]*", text[found.end():]).group(0).split()
    return " ".join(found.group(0).split() + rest[:8]) + ("..." if len(rest) > 8 else "")


def causal_chain(model: LogicModel) -> tuple[str, ...]:
    """IDs of the outcomes reached by a causal chain: a mechanism triggered by a component of
    the model that leads to the outcome, and the longer-term outcomes those contribute to."""
    components = {el.id for el in model.components if el.id}
    outcomes = {el.id: el for el in model.outcomes if el.id}
    reached: list[str] = []
    for mech in model.mechanisms:
        if components & set(mech.ids("triggered_by")):
            reached += [o for o in mech.ids("leads_to") if o in outcomes]
    seen: dict[str, None] = {}
    while reached:
        o = reached.pop(0)
        if o in seen:
            continue
        seen[o] = None
        reached += [x for x in outcomes[o].ids("contributes_to") if x in outcomes]
    return tuple(sorted(seen, key=list(outcomes).index))


# --- the design --------------------------------------------------------------------------------

def recommend(model: LogicModel | None, uses: Sequence[MeasureUse]) -> Design:
    """The evaluation design that fits the model, its delivery and its measures, with reasons.

    Without the model (a plan read back from its sheet alone) the delivery setting is unknown
    and every measured outcome is taken to be on the causal chain."""
    outcomes = [u for u in uses if u.role == "outcome" and u.name]
    if model is None:
        setting, chain, missing = Setting(), tuple(dict.fromkeys(u.ref for u in outcomes)), []
        has_outcomes = any(u.role == "outcome" for u in uses)
    else:
        setting, chain = read_setting(model), causal_chain(model)
        missing = _missing(model, setting) + _stale_nation(uses, setting.nation)
        has_outcomes = any(el.statement for el in model.outcomes)
        misfits = _misfits(model, outcomes)
        if misfits:  # measures of other people: the design does not rest on them
            outcomes = [u for u in outcomes if u not in misfits]
            missing.append(_misfit_gap(misfits))
    strands: list[Strand] = []
    if not has_outcomes:
        strands.append(Strand(
            "Outcomes needed", "Add outcomes on the Outcomes sheet, then rebuild the plan.",
            "There is nothing to measure yet: an evaluation starts from the outcomes the "
            "intervention is meant to change.", EIF_PILOT))
        level = "EIF level 1 at most (a logic model)"
    elif not chain and model is not None:
        strands.append(_theory_first(model))
        level = "EIF level 1 (a logic model); no impact design until the causal chain is complete"
    else:
        on_chain = [u for u in outcomes if u.ref in chain]
        basis = ([u for u in on_chain if u.primary]
                 or _in_place_of_primary(model, uses, on_chain, chain))
        impact, level = _impact(basis, setting, on_chain)
        strands += impact + _primary_beside(impact, uses, chain)
        if basis:
            missing += _unmeasured(uses, chain)
    strands.append(_process(uses))
    if any(u.key == "cost_data" for u in uses):
        strands.append(Strand(
            "Value for money", "Set the cost of delivery against the outcomes achieved (cost per "
            "family, costs avoided).", "Cost data are in the plan; commissioners will ask "
            "whether the model is worth what it costs.", MAGENTA))
    return Design(tuple(strands), level, setting, chain, tuple(missing))


#: Measures counted only for children in care or care leavers (the children looked after return,
#: surveys of children in care): they say nothing of children a model serves outside care.
_IN_CARE_ONLY = frozenset({
    "placement_stability", "placement_type_distance", "reunification", "kinship_care",
    "missing_from_care", "care_leavers_eet", "cla_health_checks", "adoption", "bright_spots",
    "family_time", "siblings_together", "cla_offending"})
#: Words by which a model says it serves children in care, on its edge (protected, helped to stay
#: at home or with relatives) or leaving it, or their carers.
_CARE_WORDS = re.compile(
    r"\bin care\b|\bcare[- ](?:leavers?|leaving|experienced|system|placements?|proceedings|orders?"
    r"|homes?)\b|\blooked[- ]after\b|\b(?:into|entering|enters?|edge of|out of|from|leaving|left)"
    r" care\b|\bfoster\w*|\bkinship\b|\bspecial guardian\w*|\badopt\w*|\bplacements?\b"
    r"|\bresidential\b|\bchildren's homes?\b|\bcorporate parent\w*|\bvirtual schools?\b"
    r"|\bunaccompanied\b|\bUASC\b|\bCLA\b|\bLAC\b|\breunif\w*|\bSGOs?\b|\bconnected persons?\b"
    r"|\bfamily and friends\b|\bfamily time\b|\bcontact with (?:their )?birth famil"
    # children on the edge of care: protected, or helped to stay at home or with relatives
    r"|\bchild protection\b|\bCP plans?\b|\b(?:stay|stays|live|lives|remain|remains) (?:safely )?"
    r"at home\b|\breturns? home\b|\bwider family\b|\bfamily networks?\b|\brelatives\b",
    re.IGNORECASE)
#: Whom an outcome is for, when it is the workforce: their change is a step, not the impact.
_WORKFORCE = ("Practitioner", "School or early-years staff")


def _misfits(model: LogicModel, outcomes: Sequence[MeasureUse]) -> list[MeasureUse]:
    """Outcome measures counted only for children in care, chosen for a model whose own words
    (its name, Summary and Target population, and the outcome itself) never say it serves
    children in or around care: they measure other children."""
    iv = model.intervention
    said = " ".join(iv.text(f) for f in ("name", "summary", "target_population"))
    if _CARE_WORDS.search(said):
        return []
    statements = {el.id: el.statement for el in model.outcomes}
    return [u for u in outcomes if u.key in _IN_CARE_ONLY
            and not _CARE_WORDS.search(statements.get(u.ref, ""))]


def _misfit_gap(misfits: Sequence[MeasureUse]) -> Gap:
    refs = join_words(dict.fromkeys(u.ref for u in misfits))
    names = measure_names(misfits)
    one = len({u.name for u in misfits}) == 1
    counts = "counts" if one else "count"
    return Gap(f"{names} (for {refs}) {counts} only children in care, whom the model does not say "
               "it serves, so the design does not rest on "
               f"{'it' if one else 'them'}.",
               f"Choose another measure for {refs} in the plan: {names} {counts} only children "
               "in care, whom the model does not say it serves; then rebuild.")


def _in_place_of_primary(model: LogicModel | None, uses: Sequence[MeasureUse],
                         on_chain: list[MeasureUse], chain: Sequence[str]) -> list[MeasureUse]:
    """The outcomes a design rests on when no primary outcome on the chain has a measure: the
    other outcomes on the chain, but not a change in the workforce (practitioners' or staff's
    confidence) when the primary outcomes are for children, families or others: that is a step
    on the way, not the impact on the people the model is for."""
    if model is None:
        return on_chain
    who = {el.id: el.text("who_benefits") for el in model.outcomes}
    primary = {who.get(u.ref, "") for u in uses
               if u.role == "outcome" and u.primary and u.ref in chain} - {""}
    if not primary or primary & set(_WORKFORCE):
        return on_chain
    return [u for u in on_chain if who.get(u.ref, "") not in _WORKFORCE]


def _primary_beside(impact: Sequence[Strand], uses: Sequence[MeasureUse],
                    chain: Sequence[str]) -> list[Strand]:
    """A time series that can follow only secondary outcomes (no primary outcome on the chain has
    routine figures) says nothing of the primary ones: a theory-based account of them beside it."""
    if not impact or not impact[0].title.startswith("Interrupted time series"):
        return []
    primary = [u for u in uses if u.role == "outcome" and u.primary and u.ref in chain]
    if not primary or any(u.name and u.kind == "administrative" for u in primary):
        return []
    refs = list(dict.fromkeys(u.ref for u in primary))
    names = measure_names([u for u in primary if u.name])
    which = f"primary outcome{'s' if len(refs) > 1 else ''} {join_words(refs)}"
    return [Strand(
        "Contribution analysis (or realist evaluation) of the primary outcomes",
        f"Beside the time series, set out the contribution story for the {which} from the logic "
        "model and gather evidence for each link (" + (f"including {names}, " if names else "")
        + "practitioner and family views, and other things that changed locally), testing the "
        "alternative explanations.",
        f"No primary outcome has routine figures, so the time series follows secondary outcomes "
        f"only and cannot show whether the {which} changed: a theory-based account of "
        f"{'them' if len(refs) > 1 else 'it'} leads beside it.", MAGENTA)]


def _missing(model: LogicModel, s: Setting) -> list[Gap]:
    out = []
    if not s.unit:
        what = ("the unit of delivery (the whole local authority, some schools, some areas, a cohort "
                "of families...)")
        out.append(Gap(f"The model does not yet say {what}, so the comparison cannot yet be made "
                       "where the work happens.",
                       f"The Intervention sheet does not say {what}: choose one, so the comparison "
                       "is made where the work happens."))
    if not s.nation:
        out.append(Gap("The model does not yet say the nation (England, Scotland, Wales or Northern "
                       "Ireland) that comparators and routine data must fit.",
                       "The Intervention sheet does not say the nation: choose England, Scotland, "
                       "Wales or Northern Ireland, so comparators and routine data fit."))
    scale = ""
    if s.unit in _CLUSTER_UNITS and s.units is None:
        scale = f"how many {_CLUSTER_UNITS[s.unit]} deliver it"
    if s.unit in _PEOPLE_UNITS and s.reach is None:
        scale = f"how many {_PEOPLE_UNITS[s.unit]} it reaches a year"
    if s.unit == "teams" and s.units is not None and s.units < MIN_CLUSTERS and s.reach is None:
        scale = "how many children, families or adults it reaches a year"
    if s.unit == "national" and s.reach is None and not s.own_plan:
        scale = "how many children, families or adults it reaches a year"
    if scale:
        out.append(Gap(f"The model does not yet say {scale}, which decides whether a comparison "
                       "can show change.",
                       f"Say {scale} (Intervention sheet), to judge whether a comparison can show "
                       "change."))
    allocation = _allocation_gap(s)
    if allocation:
        out.append(allocation)
    return out


def _stale_nation(uses: Sequence[MeasureUse], nation: str) -> list[Gap]:
    """Rows still naming English collections in another nation: a plan built before the Nation
    was set (or changed), not rebuilt since."""
    english = list(dict.fromkeys(u.source for u in uses if u.source and english_return_in(u.source)
                                 and not u.key.startswith("local_")))  # My measures: as typed
    if nation not in _ADJECTIVE or not english:
        return []
    what = f"English collections ({join_words(english[:3])})"
    return [Gap(f"Some measures in the plan still name {what}: the plan was built before the "
                f"Nation was set to {nation}, and names {nation}'s own once it is rebuilt.",
                f"Rebuild the plan (Build measures plan): some rows still name {what}, from "
                f"before the Nation was set to {nation}; rebuilt, they name {nation}'s own.")]


def _allocation_gap(s: Setting) -> Gap | None:
    """Allocation by lot or in waves, unstated where it would allow a fairer comparison."""
    if s.allocation or s.unit not in {**_CLUSTER_UNITS, **_PEOPLE_UNITS}:
        return None
    if s.unit in _CLUSTER_UNITS:
        if s.units is not None and s.units < MIN_CLUSTERS:
            return None
        what = (f"whether the {_CLUSTER_UNITS[s.unit]} could be chosen by lot (a "
                "cluster-randomised trial) or started in planned waves (a stepped roll-out)")
    elif s.everyone:  # everyone eligible gets it: no places to draw, but it could start in waves
        if s.reach is not None and s.reach < MIN_PEOPLE:
            return None
        what = ("whether it could start in planned waves, area by area or team by team (a stepped "
                "roll-out)")
    else:
        if s.reach is not None and s.reach < MIN_PEOPLE:
            return None
        what = ("whether places could be offered by lot, for example when more are referred "
                "than can be helped (a randomised trial), or started in planned waves (a stepped "
                "roll-out)") if not s.courses else (
                "whether bookings could be drawn by lot between this course and the next (a "
                "wait-list trial), or courses started in planned waves (a stepped roll-out)")
    fairer = "it gives" if s.everyone and s.unit in _PEOPLE_UNITS else "either gives"
    return Gap(f"The model does not yet say {what}: {fairer} a fairer comparison than matching.",
               f"Say on the Intervention sheet {what}: {fairer} a fairer comparison than matching.")


def _unmeasured(uses: Sequence[MeasureUse], chain: Sequence[str]) -> list[Gap]:
    """Primary outcomes on the chain with no measure: the design rests on the others."""
    refs = list(dict.fromkeys(u.ref for u in uses if u.role == "outcome" and u.primary
                              and not u.name and u.ref in chain))
    if not refs:
        return []
    # A compound outcome with a measure for some of its parts is measured only in part.
    measured = {u.ref for u in uses if u.role == "outcome" and u.name}
    whole = [r for r in refs if r not in measured]
    part = [r for r in refs if r in measured]
    said = []
    if whole:
        said.append(f"the primary outcome{'s' if len(whole) > 1 else ''} {join_words(whole)} "
                    f"{'have' if len(whole) > 1 else 'has'} no measure yet")
    if part:
        said.append(f"part of {join_words(part)} {'has' if len(part) == 1 else 'have'} none")
    what = f"primary outcome{'s' if len(refs) > 1 else ''} {join_words(refs)}"
    return [Gap(f"{_capitalised(join_words(said))}, so the design rests on the other outcomes.",
                f"Choose a measure for the {what} in the plan (a bespoke one if the library has "
                "no close match), then rebuild.")]


def _capitalised(text: str) -> str:
    """The text with its first letter in capitals."""
    return text[:1].upper() + text[1:]


def _theory_first(model: LogicModel) -> Strand:
    mechs = [m for m in model.mechanisms if m.id]
    if not mechs:
        gap = "The Mechanisms sheet is empty"
    else:
        gap = "No mechanism is both triggered by a component and leads to an outcome"
    return Strand(
        "Finish the theory of change before any impact design",
        "Link each mechanism to the components that trigger it and the outcomes it leads to "
        "(Mechanisms sheet), then rebuild the plan. Meanwhile, study delivery and collect "
        "baseline data on the outcome measures.",
        f"{gap}, so there is no causal chain to test yet: an impact design now would test a "
        "change nobody has said how the intervention brings about.", EIF_STANDARDS)


def _impact(basis: list[MeasureUse], s: Setting,
            on_chain: list[MeasureUse]) -> tuple[list[Strand], str]:
    """Impact strands for the outcomes on the causal chain, and the evidence level they allow."""
    which = "primary outcomes" if any(u.primary for u in basis) else "outcomes"
    routine = [u for u in basis if u.kind == "administrative"]
    measured = [u for u in basis if u.kind in ("validated instrument", "bespoke")]
    strands: list[Strand] = []
    level = "EIF level 2 (preliminary evidence)"
    comparison = _comparison(basis, routine, s, which, on_chain)
    if not basis and (comparison is None or comparison[0].title != _TOO_FEW):
        # nothing to compare yet, at any scale (or only changes in the workforce: a step)
        comparison = _nothing_measured(s, workforce=bool(on_chain))
    if comparison is not None:
        strands.append(comparison[0])
        level = comparison[1]
    if measured:
        when = (f"before the change and again a year or more on for {_for(which, measured)}, "
                "comparing like with like (the same ages, or those served at both times), since "
                "the group served changes; or at the start and end of support where people join "
                "one by one, including those who stop early."
                if s.unit in ("la", "national", "areas") else
                f"at the start and end of support for {_for(which, measured)}, including those "
                "who stop early.")
        strands.append(Strand(
            "Before-and-after measurement (pilot impact study)",
            f"Measure {measure_names(measured)} {when}",
            "Change before and after on validated measures is preliminary evidence (EIF level "
            "2): it shows whether outcomes moved, not that the intervention moved them. People "
            "often start when things are at their worst, and scores then tend to improve anyway "
            "(regression to the mean), so a change before and after alone overstates the effect.",
            EIF_PILOT))
    return strands, level


#: Said when the only outcomes measured on the chain are changes in the workforce.
_WORKFORCE_ONLY = ("No primary outcome on the causal chain has a measure yet, and the outcomes "
                   "that have one are changes in practitioners or staff, a step on the way rather "
                   "than the change for the people the model is for")


def _nothing_measured(s: Setting, workforce: bool = False) -> Choice:
    """No outcome on the causal chain has a measure (or only changes in the workforce): a
    feasibility stage first, or, for work across a whole authority or area, a theory-based design
    while the measures are chosen."""
    if s.unit not in ("la", "national", "areas"):
        return _feasibility(workforce), _PILOT_LEVEL
    return Strand(
        "Contribution analysis (or realist evaluation)",
        "Set out the contribution story from the logic model and gather evidence for each link "
        "(delivery, practitioner and family views, the area's routine figures, and other things "
        "that changed locally); choose a measure for each outcome on the causal chain in the plan "
        "(a bespoke one if the library has no close match), then rebuild to plan a comparison.",
        "The model is delivered across a whole authority or area, so few people are left out to "
        "compare with, and no outcome on its causal chain has a measure yet"
        + (" but changes in practitioners or staff (a step on the way, not the change for the "
           "people the model is for)" if workforce else "") + ": a theory-based "
        "design asks whether and how the model contributed to the change, and for whom, while "
        "the measures are chosen.", MAGENTA), _THEORY_LEVEL


def _feasibility(workforce: bool = False) -> Strand:
    """No outcome on the causal chain has a measure: a feasibility stage first."""
    none = _WORKFORCE_ONLY if workforce else "The outcomes on the causal chain have no measure yet"
    return Strand(
        _TOO_FEW,
        f"{none}: study delivery and feasibility now, choose a measure for each outcome in the plan "
        "(a bespoke one if the library has no close match), then rebuild to plan the comparison.",
        "A comparison needs something to measure on the outcomes the chain leads to; until "
        "then a feasibility and process study is the honest first stage.", EIF_PILOT)


#: A comparison strand and the evidence level it allows.
Choice = tuple[Strand, str]
_PILOT_LEVEL = "EIF level 2 at most for now"
_TRIAL_LEVEL = "EIF level 3 (if the trial is well run)"
_CREDIBLE_LEVEL = "EIF level 3 (if the comparison is credible)"
_THEORY_LEVEL = "EIF level 2; contribution analysis explains rather than rates impact"


def _comparison(basis: list[MeasureUse], routine: list[MeasureUse], s: Setting, which: str,
                on_chain: Sequence[MeasureUse] = ()) -> Choice | None:
    """The comparison-group strand that fits the unit of delivery, scale and allocation."""
    comparator, data = _COMPARATORS.get(s.nation, (
        "similar local authorities in your nation", "your nation's routine statistics"))
    if s.nation == "England" and s.nhs_led:  # statistical neighbours are groups of councils
        comparator = _NHS_AREAS
    if s.unit in ("la", "national", "") and s.reach is not None and s.reach < MIN_PEOPLE:
        # About twenty private fostering arrangements a year: whatever the measures, too few
        # people for any comparison to show a change; a feasibility stage comes first.
        return _too_few(f"{s.reach} children, families or adults reached a year", which), \
            _PILOT_LEVEL
    if s.unit in _CLUSTER_UNITS:
        return _clusters(basis, s, which)
    if s.unit in _PEOPLE_UNITS:
        return _people(basis, s, which)
    if s.unit == "la" or (s.unit == "national" and s.own_plan):
        return _authority(basis, routine, s, which, on_chain, comparator, data)
    if s.unit == "national" and s.allocation == "waves":
        return _national_waves(basis, s, which, data)
    if s.unit == "national":
        return _national(basis, s, which, comparator)
    return _unit_unknown(routine, which, comparator)


def _clusters(basis: list[MeasureUse], s: Setting, which: str) -> Choice:
    """Work delivered by some schools, areas or teams: compared at that level, leading with
    measures the service's own decisions do not move."""
    basis, moved = _service_moved(basis, drop=True)
    strand, level = _cluster_strand(basis, s, which)
    return (replace(strand, why=strand.why + moved) if moved and strand.title != _TOO_FEW
            else strand), level


def _cluster_strand(basis: list[MeasureUse], s: Setting, which: str) -> Choice:
    """The comparison of schools, areas or teams that fits their number and allocation."""
    label, one, n, names = _CLUSTER_UNITS[s.unit], _ONE[s.unit], s.units, measure_names(basis)
    if s.unit == "areas" and n is not None and n < MIN_CLUSTERS and s.allocation != "waves":
        few = _count(n, one, label)
        return _theory_based(names, which, basis, why=(
            f"Place-based work in {few}, with many partners and strands: too few areas for a "
            "comparison of areas alone to show a change reliably, so a theory-based design asks "
            "whether and how the model contributed to the change, and for whom, with the "
            "area's routine figures set against matched areas as one strand of the evidence.")), \
            _THEORY_LEVEL
    if (s.unit == "teams" and n is not None and n < MIN_CLUSTERS and s.allocation != "random"
            and (s.reach is None or s.reach >= MIN_PEOPLE)):
        return _team_caseload(basis, s, which), _CREDIBLE_LEVEL
    if n is not None and n < MIN_CLUSTERS:
        return _too_few(_count(n, one, label), which, drawn=s.allocation == "random"), \
            _PILOT_LEVEL
    if s.allocation == "random" and (n is None or n >= MIN_RCT_CLUSTERS):
        return Strand(
            f"Cluster-randomised trial across {label}",
            f"Allocate {label} by lot to start now or later, and compare {names} for "
            f"{_for(which, basis)} between the two groups, analysed at the level of the {one}.",
            f"The work is delivered by {label} and you can allocate them by lot: a fair "
            "comparison at that level is the strongest test (EIF level 3 or 4).",
            EIF_STANDARDS), _TRIAL_LEVEL
    if s.allocation == "waves":
        return Strand(
            f"Stepped roll-out across {label}",
            f"Start the {label} in planned waves and compare {names} in those already "
            f"started with those still waiting, for {_for(which, basis)}.",
            f"The work is delivered by {label} in waves: the {label} still waiting are a "
            "fair comparison, and the comparison is made where the work happens.",
            EIF_STANDARDS), "EIF level 3 (if the waves are kept)"
    if s.unit == "areas":  # place-based work: explain the contribution, not rate it
        return _theory_based(names, which, basis), _THEORY_LEVEL
    return Strand(
        f"Matched comparison {label} (difference-in-differences)",
        f"Pick {label} like yours that do not deliver the model (intake, need, size) and "
        f"compare the change in {names} for {_for(which, basis)} before and after, at the "
        f"level of the {one}: the difference between their change and yours is the likely "
        "effect.",
        f"The work is delivered in some {label}: comparing whole-authority figures would "
        f"dilute any effect, so the comparison is made between matched {label}. A credible "
        "comparison is what EIF level 3 needs.",
        EIF_STANDARDS), _CREDIBLE_LEVEL


def _team_caseload(basis: list[MeasureUse], s: Setting, which: str) -> Strand:
    """A few teams, each serving many people (a crisis team for a whole area): too few teams to
    compare with other teams, but the people they serve are many, so the comparison is made
    between them and similar people where no such team works, or from before it began."""
    basis, left_out = _fair_basis(basis)
    few, names = _count(s.units, "team", "teams"), measure_names(basis)
    serves = "team serves" if s.units == 1 else "teams serve"
    comparator = _COMPARATORS.get(s.nation, ("similar local authorities in your nation",))[0]
    if s.nation == "England" and s.nhs_led:
        comparator = _NHS_AREAS
    scale = (f"With {s.reach} reached a year, that is enough people for a comparison."
             if s.reach is not None else
             "The model does not say how many it reaches a year: fewer than "
             f"{MIN_PEOPLE} and a pilot comes first.")
    return Strand(
        f"Matched comparison group of the children or families the {serves}",
        f"Compare {names} for {_for(which, basis)} in the children or families the {serves} "
        "with similar ones where no such "
        "team works, or from before it began (matched on need, age and history from case "
        "records), before and after; where it serves everyone in need in its area, follow the "
        f"area's figures against {comparator} as a second check.",
        f"With {few}, a comparison of teams cannot show a change, but a team's scale is the "
        "people it serves, not the number of teams: the comparison is made between those people "
        f"and similar people without the team. {scale}" + left_out, EIF_STANDARDS)


#: Measured together in a cohort, these children have already offended: whether each becomes a
#: first-time entrant is what the service decides (diversion), so reoffending is compared.
_DECIDED_BY_DELIVERY = ("first_time_entrants", "reoffending")


#: Counted for places or for a sample of an age group, not for the people a service works with
#: (police-recorded incidents by street, a dental survey of 5-year-olds, a conception rate, an
#: area's rate of hospital admissions for violence pooled over three years): they cannot show a
#: difference between people who did and did not take part.
_PLACES_ONLY = frozenset({"asb_incidents", "oral_health", "teenage_conceptions",
                          "violence_admissions"})


#: Counts the service's own decisions move (its thresholds, what it recognises, whom it diverts or
#: closes), with what moves each, in plain words: a change in them may show the service deciding
#: or recognising differently, not children or families doing better.
_MOVED_BY_THE_SERVICE = {
    "child_exploitation": "it rises as practitioners recognise exploitation better",
    "first_time_entrants": "it falls when more children are diverted from a formal outcome, whether "
                           "or not they offend less",
    "referrals": "it moves with the front door's thresholds",
    "re_referrals_12m": "it moves with the thresholds for a referral and for closing a case",
    "s47_enquiries": "it moves with the threshold for an enquiry",
    "cp_plans": "it moves with the thresholds for starting and ending a plan",
    "cin_plans": "it moves with the thresholds for starting and ending a plan",
    "early_help_stepups": "it moves with the thresholds between early help and social care",
    "domestic_abuse_incidents": "it rises when victims and agencies recognise and report more",
    # A count of people identified: it rises as more are found, and everyone helped was found.
    "young_carers_census": "it rises as schools and services find more young carers, and "
                           "everyone helped has been identified",
}


def _service_moved(basis: list[MeasureUse], drop: bool) -> tuple[list[MeasureUse], str]:
    """The measures to lead with, and a plain warning when some are counts the service's own
    decisions move. With other measures beside them they are left out of a comparison of people
    or places (``drop``) or follow the others (a time series); alone they stay, with the warning."""
    moved = [u for u in basis if u.key in _MOVED_BY_THE_SERVICE]
    if not moved:
        return basis, ""
    fair = [u for u in basis if u.key not in _MOVED_BY_THE_SERVICE]
    one = len({u.key for u in moved}) == 1
    what = join_words(dict.fromkeys(f"{u.name} ({_MOVED_BY_THE_SERVICE[u.key]})" for u in moved))
    if fair and drop:
        return fair, (f" Left out of the comparison, to follow as context: {what}. A change "
                      f"in {'it' if one else 'them'} could be the service deciding or recognising "
                      "differently, not a change for the people it helps.")
    if fair:
        return fair + moved, (f" Read {what} with care: a change in {'it' if one else 'them'} "
                              "could be the service deciding or recognising differently; the other "
                              "measures are the test of impact.")
    return basis, (f" Take care with {what}: a change in {'it' if one else 'them'} could be the "
                   "service deciding or recognising differently, not a change for the people it "
                   "helps. Add a measure of the "
                   "people themselves (a questionnaire, or their own records of harm or "
                   "offending) as the test of impact, and keep "
                   f"{'this count' if one else 'these counts'} as context.")


#: Events few people have in a year: in a small service a difference of a handful is chance.
_RARE = frozenset({"entry_to_care", "care_proceedings", "youth_custody", "adoption",
                   "cp_plans_repeat", "first_time_entrants", "missing_from_care"})
#: Fewer people than this a year and a rare event cannot show a difference reliably.
RARE_BELOW = 200


def _rare(basis: list[MeasureUse], reach: int | None) -> str:
    """A warning when a comparison of a small cohort rests on events few people have."""
    rare = [u for u in basis if u.key in _RARE]
    if not rare or reach is None or reach >= RARE_BELOW:
        return ""
    return (f" With {reach} a year, {measure_names(rare)} "
            f"{'counts events' if len(rare) == 1 else 'count events'} few of them have in a year: "
            "a difference of a handful could be chance, so pool two or more years of intake, or "
            "lead with a measure everyone gives (a questionnaire).")


def _fair_basis(basis: list[MeasureUse]) -> tuple[list[MeasureUse], str]:
    """The measures a comparison of people can use fairly, and why any was left out."""
    kept, why = basis, ""
    decided, fair = _DECIDED_BY_DELIVERY
    if {decided, fair} <= {u.key for u in basis}:
        kept = [u for u in kept if u.key != decided]
        why = (" First-time entry is left out of the comparison: the children measured for "
               "reoffending have already offended, so whether they become first-time "
               "entrants is what the service itself decides.")
    places = [u for u in kept if u.key in _PLACES_ONLY]
    if places and len(places) < len(kept):
        kept = [u for u in kept if u.key not in _PLACES_ONLY]
        one = len(places) == 1
        why += (f" {measure_names(places)} {'is' if one else 'are'} counted for places, not "
                f"people, so {'it is' if one else 'they are'} left out of the comparison of "
                f"people: follow {'it' if one else 'them'} for the area as context.")
    return kept, why


def _places_only(basis: list[MeasureUse], who: str, which: str) -> Choice | None:
    """A national programme whose outcomes are measured only by counts for places: no comparison
    of people can rest on them, and other authorities do the same, so the contribution is
    explained instead (support given one by one is compared on the people's own records:
    :func:`_own_records`)."""
    if not basis or any(u.key not in _PLACES_ONLY for u in basis):
        return None
    names = measure_names(basis)
    return _theory_based(names, which, basis, why=(
        f"Support goes to {who}, but {names} {'is' if len(basis) == 1 else 'are'} counted for "
        "places, not people, so no comparison of those who took part with those who did not can "
        "rest on it: a theory-based design asks whether and how the model contributed to the "
        "change, and for whom. A measure of the people themselves (a survey, or their own "
        "records) would allow that comparison (EIF level 3).")), _THEORY_LEVEL


def _own_records(basis: list[MeasureUse], s: Setting, which: str) -> Strand:
    """Support given one by one whose outcomes have only counts kept for places: the people are
    still compared person by person, on each one's own record of the same outcome (the service's,
    the hospital's, the police's), which the plan must add; the count for places is context."""
    label, names, one = _PEOPLE_UNITS[s.unit], measure_names(basis), len(basis) == 1
    refs = join_words(dict.fromkeys(u.ref for u in basis))
    others = ("similar {0} in areas without it or from before it began" if s.everyone else
              "similar {0} who did not get the model (matched on need, age and history from case "
              "records)").format(label)
    return Strand(
        f"Matched comparison group of {label}",
        f"Compare the {label} helped, on each one's own record of {refs} (kept by the service "
        f"or a partner: the hospital, the police, the school), with {others}, before and after. "
        f"Add that measure to the plan ({names} {'is' if one else 'are'} counted for places, "
        "not people).",
        f"Support goes to {label} one by one, so the comparison is between people. {names} "
        f"{'is' if one else 'are'} counted for places, not people, so {'it' if one else 'they'} "
        "cannot show a difference between those who took part and those who did not: follow "
        f"{'it' if one else 'them'} as context. If no record of each person can be had, a "
        "theory-based design (contribution analysis) explains the contribution instead.",
        EIF_STANDARDS)


def _people(basis: list[MeasureUse], s: Setting, which: str) -> Choice:
    """Support for a cohort of families, carers, other adults or young people: compared
    between similar people, or by lot."""
    basis, left_out = _fair_basis(basis)
    basis, moved = _service_moved(basis, drop=True)
    left_out += moved + _rare(basis, s.reach)
    label, n, names = _PEOPLE_UNITS[s.unit], s.reach, measure_names(basis)
    if n is not None and n < MIN_PEOPLE:
        return _too_few(_count(n, _ONE[s.unit], label), which,
                        drawn=s.allocation == "random"), _PILOT_LEVEL
    if n is None and s.small_groups and s.allocation != "random":
        if not s.wide:
            return _groups_first(s, which), _PILOT_LEVEL
        # Small groups run across a whole city or county: many groups a year, not a few.
        left_out += (f" Support is given in small groups (the model says \"{s.small_groups}\"), "
                     f"but run across a whole place (the model says \"{s.wide}\"): many groups a "
                     "year, so enough people for a comparison; say how many a year to confirm it.")
    if basis and all(u.key in _PLACES_ONLY for u in basis):
        return _own_records(basis, s, which), _CREDIBLE_LEVEL
    if s.allocation == "random" and (n is None or n >= MIN_RCT_PEOPLE):
        return Strand(
            "Randomised controlled trial",
            f"Offer places by lot (or a waiting list decided by lot) and compare {names} "
            f"for {_for(which, basis)} between those offered the model now and later.",
            f"Support goes to individual {label} and you can allocate places fairly by "
            "lot: this is the strongest test of impact (EIF level 3 or 4)." + left_out,
            EIF_STANDARDS), _TRIAL_LEVEL
    if s.everyone:  # nobody eligible here is left out: the comparison comes from elsewhere
        return Strand(
            f"Matched comparison group of {label}",
            f"Compare {names} for {_for(which, basis)} with similar {label} in areas without it "
            "or from before it started (matched on need, age and history from case records), "
            "before and after.",
            f"Support goes to {label} one by one, but everyone eligible in the area gets it by "
            f"design (the model says \"{s.everyone}\"), so no one eligible is left out here to "
            f"compare with: similar {label} in comparator areas that do not run it, or from "
            "before it began, are the comparison. Match on whatever decided who was eligible (a "
            "referral route, a risk score, a threshold) and say how the groups still differ; "
            "if neither is possible, a theory-based design (contribution analysis) explains "
            "instead." + left_out,
            EIF_STANDARDS), _CREDIBLE_LEVEL
    if s.courses and s.allocation != "random":  # the next course: a wait list, or a draw
        left_out += (f" Support comes in courses that run again and again (the model says "
                     f"\"{s.courses}\"): {label} booked onto the next course are a natural "
                     "comparison (a wait list), and drawing bookings by lot between this course "
                     "and the next would make it a randomised trial (EIF level 3 or 4).")
    if s.offered:  # everyone eligible is offered it: those without it turned it down
        left_out = (f" Everyone eligible is offered it (the model says \"{s.offered}\"), so "
                    f"those who did not get it declined, and differ for that: similar {label} in "
                    "areas without it, or from before it began, are a fairer comparison."
                    + left_out)
    return Strand(
        f"Matched comparison group of {label}",
        f"Compare {names} for {_for(which, basis)} with similar {label} who did not get the "
        "model (matched on need, age and history from case records, or those on a waiting "
        "list where there is one), before and after.",
        f"Support goes to a cohort of {label}: the comparison is made between similar "
        f"{label}, not between whole areas, where the effect would be diluted. Those who are "
        "offered and take up support often differ from those who are not: match on whatever "
        "decides who is offered it (a referral route, a risk score, a threshold) and say how the "
        "groups still differ."
        + ("" if s.offered else f" If the service takes every eligible {_ONE[s.unit]} in the "
           "area, none turned away or kept waiting, the comparison comes from areas without it "
           "or from before it began.") + left_out,
        EIF_STANDARDS), _CREDIBLE_LEVEL


def _authority(basis: list[MeasureUse], routine: list[MeasureUse], s: Setting, which: str,
               on_chain: Sequence[MeasureUse], comparator: str, data: str) -> Choice | None:
    """Work across the whole authority: a time series against comparator authorities on
    routine figures, else a theory-based design."""
    if not routine:  # the primary outcomes' measures are not routine data
        routine = [u for u in on_chain if u.kind == "administrative"]
        which = "outcomes"
    # Northern Ireland's children's services are run by Health and Social Care Trusts; a system
    # the NHS leads in England covers an NHS area, compared with other NHS areas.
    nhs = s.nhs_led and s.nation == "England"
    whole, wide, body, bodies = (
        ("the whole Health and Social Care Trust area", "Trust-wide", "Trust", "Trusts")
        if s.nation == "Northern Ireland" else
        ("the whole NHS area", "area-wide", "area", "areas") if nhs else
        ("the whole local authority", "authority-wide", "authority", "authorities"))
    if s.unit == "national":  # one body's own plan for a duty every body has
        national = (f" The duty is national, but this plan is the {body}'s own (the model says "
                    f"\"{s.own_plan}\"): the other {bodies} carry out the same duty without it, so "
                    "they are a fair comparison.")
    else:
        national = (f" If every {body} delivers it at once (a national duty or programme), say "
                    f"so in the Unit of delivery: other {bodies} would then show only the "
                    "national trend.")
    routine, moved = _service_moved(routine, drop=False)
    if routine:
        return Strand(
            f"Interrupted time series with comparator {'areas' if nhs else 'authorities'}",
            f"Follow {measure_names(routine)} for {_for(which, routine)} every month or "
            f"quarter, for at least a year before the change and after it (three points each "
            f"side at the very least), and the same figures for {comparator}; data: "
            f"{_data(routine, s.nation, data)}.",
            f"The model is delivered across {whole}, so {wide} routine "
            "figures can show whether the trend changed when the model started (an interrupted "
            f"time series), and the comparator {bodies} show what would have happened anyway: "
            "the difference between the two changes is the likely effect (a difference in "
            "differences). EIF level 3 needs that comparison." + national + f" Where other "
            f"{bodies} took up the same model at different dates, those not yet started are the "
            "fairest comparators (a staggered roll-out). Name anything else that changed the "
            "same figures at the same time (other strands of a wider programme, a new threshold, "
            "a national reform): a time series cannot tell them apart." + moved,
            EIF_STANDARDS), _CREDIBLE_LEVEL
    if not basis:
        return None
    return _theory_based(measure_names(basis), which, basis, why=(
        f"The model is delivered across {whole}, but no outcome on its "
        f"causal chain has {wide} routine figures to set against "
        f"{comparator}: a theory-based design asks whether and how the model contributed to "
        "the change, and for whom. A routine measure of an outcome on the chain would allow "
        "that comparison (EIF level 3).")), _THEORY_LEVEL


def _national(basis: list[MeasureUse], s: Setting, which: str,
              comparator: str = "similar authorities") -> Choice | None:
    """Work every authority does at once (a national duty or programme): comparator
    authorities are not untreated, so those who take part are compared with similar people who
    do not, or the contribution is explained."""
    if not basis:
        return None
    basis, left_out = _fair_basis(basis)
    basis, moved = _service_moved(basis, drop=True)
    left_out += moved + _rare(basis, s.reach)
    names = measure_names(basis)
    every, other = (("Every Health and Social Care Trust", "other Trusts")
                    if s.nation == "Northern Ireland" else ("Every authority", "other authorities"))
    why = (f"{every} delivers the model at the same time (a national duty or programme), so "
           f"{other} show only the national trend, not what would have happened without it.")
    places = _places_only(basis, "the people taking part", which)
    if places:
        return places
    if s.everyone:  # nobody eligible is outside it: no one "did not take part"
        return _theory_based(names, which, basis, why=(
            f"{why} And everyone eligible gets it by design (the model says \"{s.everyone}\"), so "
            "no one eligible is left out to compare with either: a theory-based design asks "
            "whether and how the model contributed to the change, and for whom, with your "
            f"figures set against {comparator} and the national figures as one strand of the "
            "evidence, read as a benchmark." + left_out)), _THEORY_LEVEL
    if s.offered:  # everyone eligible may have it: those without it chose not to
        return _theory_based(names, which, basis, why=(
            f"{why} And everyone eligible is offered it (the model says \"{s.offered}\"), so "
            "those who did not take it up chose not to, and differ for that: they are no fair "
            "comparison. A theory-based design asks whether and how the model contributed to "
            "the change, and for whom, with the trend in your figures from the years before it "
            f"began set against {comparator} and the national figures as strands of the evidence "
            "(where places started it at different dates, those starting later are the "
            "fairest comparison while they wait)." + left_out)), _THEORY_LEVEL
    if s.reach is None:
        return _theory_based(names, which, basis, why=(
            f"{why} A theory-based design asks whether and how the model contributed to the "
            "change, and for whom; with the numbers it reaches a year, a matched comparison of "
            "those who take part may also be possible.")), _THEORY_LEVEL
    return Strand(
        "Matched comparison group of children or families who did not take part",
        f"Compare {names} for {_for(which, basis)} between those who took part and similar "
        "eligible children or families who did not (matched on need, age and history, or "
        "those waiting), before and after; say how those who chose to take part differ.",
        f"{why} With {s.reach} reached a year, the comparison is made between similar people "
        "who did and did not take part. A credible comparison is what EIF level 3 needs."
        + left_out,
        EIF_STANDARDS), _CREDIBLE_LEVEL


def _national_waves(basis: list[MeasureUse], s: Setting, which: str, data: str) -> Choice | None:
    """A national duty or programme started in planned waves, authority by authority: while the
    later authorities wait, they are a fair comparison for the earlier ones (a stepped roll-out,
    or a difference in differences between the waves)."""
    if not basis:
        return None
    basis, left_out = _fair_basis(basis)
    basis, moved = _service_moved(basis, drop=True)
    names = measure_names(basis)
    bodies, body = (("Health and Social Care Trusts", "Trust") if s.nation == "Northern Ireland"
                    else ("authorities", "authority"))
    routine = [u for u in basis if u.kind == "administrative"]
    where = f"; data: {_data(routine, s.nation, data)}" if routine else ""
    return Strand(
        f"Stepped roll-out across {bodies}",
        f"Compare {names} for {_for(which, basis)} in the {bodies} that started first with those "
        f"that started later, before and after each {body}'s start, while the later ones still "
        f"wait (a difference in differences between the waves){where}.",
        f"The programme is national, but it started in planned waves, {body} by {body}: until "
        f"the last wave starts, the {bodies} still waiting show what would have happened without "
        "it, a fairer comparison than those who chose not to take part. Once every "
        f"{body} runs it, only the national trend is left, so the comparison must use the "
        "years of the roll-out." + left_out + moved,
        EIF_STANDARDS), "EIF level 3 (if the waves are kept)"


def _unit_unknown(routine: list[MeasureUse], which: str, comparator: str) -> Choice | None:
    """The unit of delivery not stated: a comparison over time, to be confirmed."""
    if not routine:
        return None
    return Strand(
        "Comparison over time (to be confirmed)",
        f"Follow {measure_names(routine)} for {_for(which, routine)} before and after the "
        f"change, with a comparison at the unit of delivery; for authority-wide work, "
        f"{comparator}.",
        "Routine data can show a change in trend, but the right comparison depends on the "
        "unit of delivery, which the model does not say yet.",
        EIF_STANDARDS), "EIF level 2 until a comparison is agreed"


_TOO_FEW = "Pilot now, comparison later"


def _too_few(what: str, which: str, drawn: bool = False) -> Strand:
    """A pilot now: too few for a comparison to show change. Places already given by lot keep
    their draw (those not drawn are the pilot's comparison); otherwise other sites running the
    same model, pooled, can give the numbers one site lacks."""
    later = ("keep the draw: those not drawn are the pilot's fair comparison, and draws pooled "
             "over years or with other sites that use one make a trial." if drawn else
             "plan a comparison group for when the model reaches more, or with other sites that "
             "deliver the same model (pooled, their numbers can show a change one site cannot).")
    return Strand(
        _TOO_FEW,
        f"With {what}, study delivery and measure the {which} before and after; {later}",
        f"{what[0].upper() + what[1:]} {'is' if what.split()[0].lower() in ('1', 'one') else 'are'} "
        "too few for a comparison to show a change reliably: "
        "any difference could be chance.", EIF_PILOT)


def _groups_first(s: Setting, which: str) -> Strand:
    """Support in small groups with no yearly reach stated: a feasibility stage first, since a few
    groups a year may be too few people for a comparison, and the reach decides what follows."""
    label = _PEOPLE_UNITS[s.unit]
    return Strand(
        _TOO_FEW,
        f"Run a feasibility stage now: study delivery, recruitment and who stays to the end, and "
        f"measure the {which} before and after; once the reach is known, plan a comparison of "
        f"{label} (or a trial, with places in a later group decided by lot), pooled across groups "
        "and sites if one site's numbers are too few.",
        f"Support is given in small groups (the model says \"{s.small_groups}\") and the model "
        "does not say how many groups run, or how many people they reach, a year: a few small "
        "groups may be too few people for a comparison to show a change reliably, so the reach "
        "decides what comes next.", EIF_PILOT)


def _theory_based(names: str, which: str, basis: list[MeasureUse], why: str = "") -> Strand:
    return Strand(
        "Contribution analysis (or realist evaluation)",
        f"Set out the contribution story from the logic model, gather evidence for each link "
        f"(including {names} for {_for(which, basis)}, practitioner and family views, "
        "and other things that changed locally) and test the alternative explanations.",
        why or "Place-based work in a few areas, with many partners and components, rarely "
        "allows a fair comparison group: a theory-based design asks whether and how the model "
        "contributed to the change, and for whom.", MAGENTA)


def _process(uses: Sequence[MeasureUse]) -> Strand:
    process = [u for u in uses if u.role == "process"]
    negatives = [u for u in uses if u.role == "negative"]
    tests = [u for u in uses if u.role == "assumption"]
    doing = []
    gaps = []
    if process:
        doing.append(f"track delivery, reach and fidelity (whether it is delivered as designed) with "
                     f"{_count(len(process), 'process measure', 'process measures')}")
    else:
        gaps.append(Gap("no process measures yet", "add outputs with targets on the Outputs sheet"))
    if negatives:
        doing.append(f"monitor {_count(len(negatives), 'negative consequence', 'negative consequences')}")
    else:
        gaps.append(Gap("no negative consequences listed",
                        "name what could go wrong on the Negative consequences sheet"))
    if tests:
        doing.append(f"test {_count(len(tests), 'assumption not rated Strong', 'assumptions not rated Strong')}")
    detail = ("Always needed: " + join_words(doing) + ", with practitioner and family views."
              if doing else "Always needed: collect practitioner and family views of delivery.")
    plain = detail + (" Still missing: " + "; ".join(g.plain for g in gaps) + "." if gaps else "")
    if gaps:
        detail += " Still missing: " + "; ".join(f"{g.plain}: {g.fix}" for g in gaps) + "."
    return Strand(
        "Implementation and process evaluation", detail,
        "It shows whether the model can be delivered as intended and for whom; on its own it "
        "says nothing about impact.", EIF_IPE, plain if gaps else "")
