"""Suggest evaluation measures for an outcome statement, with a plain-English reason.

The method is deliberately simple and explainable (no machine learning):

1. Both the outcome and every measure's name, description and keywords are reduced to terms:
   light stems, with known phrases replaced by one concept ("re-referred" and "re-referral"
   become the concept ``re_referral``; see lm_excel/data/suggest_vocabulary.txt).
2. A measure scores for each of its terms found in the outcome, weighted by how rare the term is
   across the library and by where it sits in the measure (keyword, name, description), plus a
   bonus for keyword phrases found as a phrase (lm_excel.measures.index).
3. A match needs real evidence: a concept, a specific word in the measure's name or keywords, or
   a keyword phrase. Generic words ("support", "contact", "needs") weigh little and never carry
   a suggestion alone. Below the evidence or confidence threshold the answer is honest: no close
   match in the library (``Match.abstained``).
4. Who benefits and age are filters, not penalties: a measure whose population cannot fit the
   outcome's beneficiary (read from the statement when not given) or age is never suggested.
5. A compound outcome ("better housing, income and confidence") gets one measure per part.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from functools import lru_cache
from dataclasses import dataclass, replace

from lm_excel.errors import SuggestError
from lm_excel.measures.index import EVIDENCE_NEEDED, Candidate, Index, index_of
from lm_excel.measures.library import WHO_BENEFITS, Measure, MeasureLibrary, load_library
from lm_excel.measures.text import normalise
from lm_excel.measures.vocab import Term, vocabulary
from lm_excel.status import STATUS_LINKS

SCORE_HALF = 5.0  # a raw score of 5 shows as 0.5
TIMESCALE_FIT = 1.05
AGE_PART_PENALTY = 0.3  # the most a measure covering few of the outcome's ages loses
# Calibrated on the tuning sets (153 statements): no top suggestion that scored below 0.59 was
# one an evaluator accepted, so below 0.5 the honest answer is no close match; 0.5-0.6 is shown
# as low confidence.
ABSTAIN_BELOW = 0.5  # a best match below this shown score is no close match
HIGH_SCORE, HIGH_EVIDENCE = 0.65, 2.0
MEDIUM_SCORE = 0.6
ALTERNATIVE_WITHIN = 0.2  # a second or third suggestion scores at most this far below the first
#: A questionnaire whose youngest respondent is this old or older is not suggested for an
#: outcome about children (not young people) when no age is given (WEMWBS is for 13 and over).
TEEN_SCALE_FROM = 13.0
#: Ages assumed for an outcome about young people or care leavers when no age is given.
YOUNG_PERSON_AGES = (10.0, 25.0)
#: An outcome that names no one, in a children's-services model, is most often about children
#: or young people ("stay mentally healthy"): a measure only adults complete about themselves
#: ranks below one made for children when the evidence is about the same (a distress scale for
#: adults does not come before a children's one for "mild to moderate distress").
NO_ONE_ADULT_FACTOR = 0.75
#: A carer's stress or confidence "with their teenager" is of the caring role: a parenting
#: measure ranks a little above a general adult one when the evidence is the same.
CARING_ROLE_FIT = 1.05
#: Outside England (the library as a nation needs it, MeasureLibrary.for_nation), a measure the
#: nation does not collect, or collects as a different measure (the EYFS profile in Scotland,
#: Wales and Northern Ireland), ranks below one that fits as well and is used there, and is at
#: most of medium confidence.
NOT_COLLECTED_FACTOR = 0.85
#: Education, employment or training of people leaving care is first the care leavers' measure,
#: before the count of all 16- and 17-year-olds not in it (NEET).
CARE_LEAVERS_OWN_FACTOR = 0.8
#: Physical and mental or emotional health named together ("good physical and emotional health"):
#: health as a whole, not symptoms, so the SDQ (children's strengths and difficulties) ranks before
#: the symptom scales of anxiety, depression and distress (RCADS, YP-CORE) unless symptoms are
#: named.
_HEALTH_AS_A_WHOLE = re.compile(r"\bphysical(?:ly)?\b[^,;.]{0,40}?\b(?:mental|emotional)(?:ly)?\b"
                                r"|\b(?:mental|emotional)(?:ly)?\b[^,;.]{0,40}?\bphysical(?:ly)?\b")
_SYMPTOMS_NAMED = re.compile(r"\b(?:anxi\w*|depress\w*|distress\w*|worr\w*|low mood|symptoms?|"
                             r"disorders?|illness\w*|problems?|difficult\w*)\b")
_SYMPTOM_SCALES = frozenset({"rcads", "yp_core"})
SYMPTOMS_AFTER_BROAD_FACTOR = 0.85

#: What a plan row says when the library has no close match, and what to do about it.
NO_MATCH = "No close match in the library"
NO_MATCH_ADVICE = ("use a bespoke measure written for this outcome (a few survey questions, a "
                   "count from your records) or add a measure to My measures, then rebuild the plan")

_WHO_ALIASES = {
    "child": "child", "children": "child", "child or young person": "child",
    "children and young people": "child", "young person": "young person",
    "young people": "young person", "young person or care leaver": "young person",
    "young people or care leavers": "young person", "care leaver": "young person",
    "care leavers": "young person", "young people / care leavers": "young person",
    "parent": "parent or carer", "parents": "parent or carer", "carer": "parent or carer",
    "carers": "parent or carer", "parent or carer": "parent or carer",
    "parents or carers": "parent or carer", "parents and carers": "parent or carer",
    "foster carer": "foster carer", "foster carers": "foster carer",
    "kinship carer": "kinship carer", "kinship carers": "kinship carer",
    "family": "family", "families": "family", "practitioner": "practitioner",
    "practitioners": "practitioner", "staff": "practitioner", "workforce": "practitioner",
    "school or early-years staff": "school or early-years staff",
    "school or early years staff": "school or early-years staff",
    "school staff": "school or early-years staff", "early-years staff": "school or early-years staff",
    "early years staff": "school or early-years staff", "teachers": "school or early-years staff",
    "service": "service or system", "system": "service or system",
    "service or system": "service or system", "community": "community",
    "communities": "community",
}
_WHO_LABEL = {
    "child": "children", "young person": "young people or care leavers",
    "parent or carer": "parents or carers", "foster carer": "foster carers",
    "kinship carer": "kinship carers", "family": "families", "practitioner": "practitioners",
    "school or early-years staff": "school or early-years staff",
    "service or system": "the service or system", "community": "the community",
}
#: For an outcome about X, the measures that suit (their who_benefits) any of these.
_WHO_FITS = {
    "child": {"child", "young person"},
    "young person": {"young person", "child"},
    "family": {"family", "parent or carer"},
}
_STAFF = frozenset({"practitioner", "school or early-years staff"})
_AGE_RANGE = re.compile(
    r"\b(?:aged?|ages)?\s*(\d{1,2})\s*(?:-|to)\s*(\d{1,2})(?!\s*(?:month|week|day|hour|session|time|%))"
)
_AGE_UNDER = re.compile(r"\bunder[\s-]?(?:(\d{1,2})s?\b|fives\b)")
_AGE_OVER = re.compile(r"\b(?:aged?\s+(\d{1,2})\s*(?:\+|and over|or over|and above|or above|plus)|over[\s-]?(\d{1,2})s\b)")
_AGE_YEAR_OLD = re.compile(r"\b(\d{1,2})[\s-]?years?[\s-]?olds?\b")
_SPLIT = re.compile(r"[,;&]|\band\b|\bas well as\b|\bplus\b")


@dataclass(frozen=True)
class Suggestion:
    """One suggested measure for an outcome (or one part of it), with its score and the reason.

    score is in [0, 1); confidence is "high", "medium" or "low" (how strong the evidence is);
    part is the part of a compound outcome this measure is for ("" for the whole outcome)."""

    measure: Measure
    score: float
    why: str
    confidence: str = "medium"
    part: str = ""
    #: what the match rests on, (how much, where): see evidence_pattern; ("construct", "main")
    #: for the measure of a construct the change names
    evidence: tuple[str, str] = ("construct", "main")

    def as_dict(self) -> dict:
        """The suggestion as plain data for JSON output."""
        out = {"key": self.measure.key, "name": self.measure.name, "score": self.score,
               "confidence": self.confidence, "why": self.why}
        if self.part:
            out["part"] = self.part
        return out


@dataclass(frozen=True)
class Match:
    """The measures suggested for one outcome, or the honest answer that none is close.

    parts: the parts of a compound outcome, each measured on its own (empty when the outcome
    is one thing); unmatched: parts with no close match in the library."""

    outcome: str
    suggestions: tuple[Suggestion, ...]
    parts: tuple[str, ...] = ()
    unmatched: tuple[str, ...] = ()
    #: changes the outcome names that the library has no measure for ("stigma or shame")
    no_measure_for: tuple[str, ...] = ()

    @property
    def abstained(self) -> bool:
        """True when the library has no close match for the outcome."""
        return not self.suggestions

    @property
    def compound(self) -> bool:
        """True when the outcome has several parts, each with its own measure."""
        return len(self.parts) > 1

    @property
    def advice(self) -> str:
        """What to do when there is no close match: one plain sentence."""
        if self.no_measure_for:
            return (f"{NO_MATCH} (it has no measure of {join_words(self.no_measure_for)}): "
                    f"{NO_MATCH_ADVICE}.")
        return f"{NO_MATCH}: {NO_MATCH_ADVICE}."

    def as_dict(self) -> dict:
        """The match as plain data for JSON output."""
        out: dict = {"outcome": self.outcome, "suggestions": [s.as_dict() for s in self.suggestions]}
        if self.abstained:
            out["no_match"] = self.advice
        if self.compound:
            out["parts"] = list(self.parts)
        if self.unmatched:
            out["unmatched_parts"] = list(self.unmatched)
        return out


# --- who benefits, ages, timescale ------------------------------------------------------------

def join_words(words: Iterable[str], last: str = "and") -> str:
    """Words as a readable list: "a", "a and b", "a, b and c"."""
    items = [w for w in words if w]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def who_label(values: Iterable[str]) -> str:
    """Who-benefits values as words ("children and parents or carers")."""
    return join_words(_WHO_LABEL.get(v, v) for v in sorted(values))


def parse_who(who: str | Iterable[str] | None) -> frozenset[str]:
    """Normalise who-benefits values ("Parents; children") to the library's vocabulary."""
    if who is None:
        return frozenset()
    items = re.split(r"[;,\n]", who) if isinstance(who, str) else list(who)
    out = set()
    for raw in items:
        v = " ".join(str(raw).lower().split())
        if not v:
            continue
        if v not in _WHO_ALIASES:
            parts = [" ".join(p.split()) for p in v.split("/") if p.strip()]
            if len(parts) > 1 and all(p in _WHO_ALIASES for p in parts):
                out.update(_WHO_ALIASES[p] for p in parts)
                continue
            raise SuggestError(f"who benefits {raw!r} is not one of: {', '.join(WHO_BENEFITS)}")
        out.add(_WHO_ALIASES[v])
    return frozenset(out)


def parse_age(age) -> tuple[float, float | None] | None:
    """Normalise an age (12), a range ((0, 5) or "0-5") or "13+" to (low, high or None)."""
    if age is None or age == "":
        return None
    if isinstance(age, (int, float)):
        return (float(age), float(age))
    if isinstance(age, str):
        s = age.strip()
        m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(?:-|to)\s*(\d+(?:\.\d+)?)", s)
        if m:
            return (float(m.group(1)), float(m.group(2)))
        m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*\+", s)
        if m:
            return (float(m.group(1)), None)
        m = re.fullmatch(r"\d+(?:\.\d+)?", s)
        if m:
            return (float(s), float(s))
        raise SuggestError(f"age {age!r} is not a number of years or a range such as 0-5")
    lo, hi = age
    return (float(lo), None if hi is None else float(hi))


def parse_timescale(timescale: str | None) -> str | None:
    """Normalise "Short term", "short-term", "medium"... to short, medium or long."""
    if not timescale:
        return None
    first = re.split(r"[\s-]", timescale.strip().lower())[0]
    if first in ("short", "medium", "long"):
        return first
    raise SuggestError(f"timescale {timescale!r} is not short, medium or long term")


def ages_in_text(text: str, terms: list[Term]) -> tuple[float, float | None] | None:
    """The age range an outcome statement mentions ("aged 0-5", "teenagers"), if any."""
    t = normalise(text)
    found: list[tuple[float, float | None]] = []
    for m in _AGE_RANGE.finditer(t):
        lo, hi = int(m.group(1)), int(m.group(2))
        if lo < hi <= 25:
            found.append((float(lo), float(hi)))
    for m in _AGE_UNDER.finditer(t):
        found.append((0.0, float(int(m.group(1)) - 1) if m.group(1) else 4.0))
    for m in _AGE_OVER.finditer(t):
        found.append((float(m.group(1) or m.group(2)), None))
    for m in _AGE_YEAR_OLD.finditer(t):
        found.append((float(m.group(1)), float(m.group(1))))
    if not found:
        ages = vocabulary().ages
        found = [ages[x.token] for x in terms if x.token in ages]
    if not found:
        return None
    lo = min(f[0] for f in found)
    his = [f[1] for f in found]
    return (lo, None if None in his else max(h for h in his if h is not None))


def who_in_text(terms: list[Term], text: str = "") -> frozenset[str]:
    """Who an outcome is about: the people named first in its main clause ("social workers",
    "parents, carers and families").

    Words after "because", "through", "by"... say how, not for whom. "Carers" alone may be
    parents, foster carers or kinship carers."""
    cues = vocabulary().beneficiaries
    end = len(text)
    m = _CLAUSE.search(normalise(text)) if text else None
    if m:
        end = m.start()
    partners = _PARTNERS.match(normalise(text)) if text else None
    if partners and any(t.start >= partners.end() and t.token in cues for t in terms):
        # "Work with parents to support children to ...": the people worked with are partners
        terms = [t for t in terms if t.start >= partners.end()]
    found: set[str] = set()
    in_complement = False
    last_and, last_end = False, 0
    for t in terms:
        if t.start >= end:
            break
        if not t.stop and t.token in cues and not _NAMES_A_TEAM.match(text[t.end:]):
            who = cues[t.token]
            if who == "service or system" and not found and _IN_COMPLEMENT.search(
                    normalise(text[:t.start])):
                # "confidence in the police service amongst young people": where, when people
                # are named after it
                in_complement = True
                continue
            if found and _POSSESSIVE_GAP.fullmatch(text[last_end:t.start]) and (
                    who in _PEOPLE or (who == "child" and found <= _ANY_CARER | {"carer"})):
                # "children's social workers", "young people's parents", "foster carers' own
                # children": the people named last are who, the first whose
                found = set(_ANY_CARER if who == "carer" else {who})
                last_and, last_end = False, t.end
                continue
            if found and not (last_and or "," in text[last_end:t.start]):
                break  # "young people's agency": not a list of people
            found.update(_ANY_CARER if who == "carer" else {who})
            last_and, last_end = False, t.end
            continue
        if found and t.stop and t.token == "own":
            continue  # "foster carers' own children": the possessive goes on
        if found and not (t.stop and t.token in ("and", "or")):
            break  # the list of people named first ("parents, carers and families") ends
        last_and = True
    return frozenset(found or ({"service or system"} if in_complement else ()))


#: "Work with parents to ...", "working closely with schools to ...": partners, not who.
_PARTNERS = re.compile(r"^(?:we\s+will\s+)?(?:work|working|partner|partnering)\s+(?:closely\s+|together\s+)?"
                       r"with\s+[^,;.]*?\bto\b")
_CLAUSE = re.compile(r"\b(?:because|so that|through|by|which|whereby|while|rather than|thanks to)\b")
#: A preposition (and a few modifiers) just before a word: the word is in a complement.
_IN_COMPLEMENT = re.compile(r"\b(?:in|with|by|from|of|to|into|within|across|at|on)\s+(?:the|a|an|their|"
                            r"our|its|this|local)?\s*(?:[\w-]+\s+){0,2}$")
_ANY_CARER = frozenset({"parent or carer", "foster carer", "kinship carer"})
_POSSESSIVE_GAP = re.compile(r"(?:'s|s'|'|\u2019s|s\u2019|\u2019)\s+(?:own\s+)?")
#: "Family safeguarding teams", "parent groups", "family hubs": people's word naming a team or
#: a place, not who an outcome is about.
_NAMES_A_TEAM = re.compile(r"(?:'s|s'|'|\u2019s|\u2019)?\s+(?:[\w-]+\s+)?(?:teams?|hubs?|centres?|"
                           r"services?|programmes?|"
                           r"groups?|courts?)\b", re.IGNORECASE)
#: Who benefits that are people one can belong to ("children's social workers").
_PEOPLE = frozenset({"practitioner", "school or early-years staff", "parent or carer", "carer",
                     "foster carer", "kinship carer"})


#: "Parents report fewer behaviour problems in their child": the people named first say what
#: they see in someone else, who the outcome is also about.
_REPORT_VERB = re.compile(r"\b(?:report|reports|reported|say|says|said|notice|notices|noticed|see|sees|saw|"
                          r"observe|observes|observed|"
                          r"describe|describes|rate|rates)\b")


def _reported_of(text: str, terms: list[Term]) -> frozenset[str]:
    """Who a report is about when the people named first report a change in a child ("parents
    report fewer behaviour problems in their child"): that child; otherwise no one."""
    m = _REPORT_VERB.search(normalise(text))
    if not m:
        return frozenset()
    cues = vocabulary().beneficiaries
    after = {cues.get(t.token) for t in terms if not t.stop and t.start >= m.end()}
    return frozenset(after & {"child", "young person"})


#: Who fills in a scale, by who the people reporting are: carers fill in the parent form, school
#: staff the teacher form.
_REPORTER_FORM = {"parent or carer": "parent or carer", "foster carer": "parent or carer",
                  "kinship carer": "parent or carer", "school or early-years staff": "teacher"}
REPORTER_FACTOR = 0.6  # a scale the people reporting do not fill in (and at most medium confidence)


#: "Parents say they feel less anxious": what they say is of themselves, not of a child.
_SAYS_OF_SELF = re.compile(r"\s+(?:that\s+)?(?:they|we|i|he|she)\b")


def _reports_of_child(text: str) -> bool:
    """True when carers or school staff report a change in a child ("parents say their teenager
    is less anxious"), not in themselves ("parents say they feel less anxious about their child"):
    a scale adults fill in about themselves does not measure it."""
    if not _reporters(text):
        return False
    t = normalise(text)
    m = _REPORT_VERB.search(t)
    return not _SAYS_OF_SELF.match(t, m.end())


@lru_cache(maxsize=1024)
def _reporters(text: str) -> frozenset[str]:
    """The forms of a scale that the people named first fill in when they report a change in a
    child ("parents said their children's wellbeing improved": the parent form); empty when no
    one reports a child's change."""
    t = normalise(text)
    m = _REPORT_VERB.search(t)
    terms = vocabulary().analyse(text)
    if not m or not _reported_of(text, terms):
        return frozenset()
    cues = vocabulary().beneficiaries
    before = {cues.get(x.token) for x in terms if not x.stop and x.end <= m.start()}
    return frozenset(_REPORTER_FORM[w] for w in before if w in _REPORTER_FORM)


def not_collected_here(m: Measure) -> bool:
    """True for a measure in a nation's form of the library that the nation does not collect,
    or collects only as a different measure (lm_excel/data/measures_nations.csv); never in
    England's, where the nation is not known."""
    return m.data_source.startswith("No national equivalent") or m.notes.startswith(
        "Not the same measure")


def fits(m: Measure, who: frozenset[str], ages: tuple[float, float | None] | None) -> bool:
    """True when a measure can serve an outcome for these people of these ages."""
    if who:
        wanted = set().union(*(_WHO_FITS.get(w, {w}) for w in who))
        if not wanted & set(m.who_benefits):
            return False
        # A questionnaire that children or parents fill in never measures a staff outcome.
        if who <= _STAFF and m.is_child_or_parent_questionnaire:
            return False
    if ages is None and who == {"child"} and m.kind != "administrative" and (
            m.age_min is not None and m.age_min >= TEEN_SCALE_FROM):
        return False  # "children's wellbeing": most children are younger than a teenage scale
    # An upper age limit of 18 or less is a child's age and always applies; an open range
    # ("13+", "18+") is the minimum age of someone completing it about themselves, which
    # says nothing when the outcome is about parents or staff ("parents of babies").
    if ages is None or (m.age_min is None and m.age_max is None):
        return True
    child_age = m.age_max is not None and m.age_max <= 18
    if not (child_age or not who or who & {"child", "young person"}):
        return True
    lo, hi = (0.0 if m.age_min is None else m.age_min), m.age_max
    return (hi is None or ages[0] <= hi) and (ages[1] is None or ages[1] >= lo)


def age_cover(m: Measure, who: frozenset[str], ages: tuple[float, float | None] | None) -> float:
    """How much of a child's or young person's age range a measure covers, from 0 to 1.

    1 when the outcome's ages are unknown or open, or it is about adults or staff."""
    if ages is None or ages[1] is None or ages[1] <= ages[0]:
        return 1.0
    if who and not who & {"child", "young person"}:
        return 1.0
    lo = max(ages[0], m.age_min if m.age_min is not None else 0.0)
    hi = min(ages[1], m.age_max if m.age_max is not None else ages[1])
    return max(0.0, hi - lo) / (ages[1] - ages[0])


def _caring_role(who: frozenset[str], terms: list[Term]) -> bool:
    """True when an outcome for carers names the child they care for ("with their teenager"),
    or is of foster or kinship carers, whose role is caring ("kinship carers report less
    stress")."""
    if not who or not who <= _ANY_CARER:
        return False
    if who <= _CARERS:
        return True
    cues = vocabulary().beneficiaries
    return any(cues.get(t.token) in ("child", "young person") for t in terms if not t.stop)


_PARENT_ROLES = frozenset({"parent or carer", "foster carer", "kinship carer", "family"})
_PARENT_WORDS = frozenset({"parent", "carer", "mother", "foster_carer", "kinship_carer"})


def _names_parenting(terms: list[Term]) -> bool:
    """True when an outcome names parents or carers, or parenting, anywhere ("young carers feel
    less stressed" does not: a young carer is a child, and their stress is not parenting stress)."""
    domains = vocabulary().domains
    # "The school environment becomes more nurturing": a nurturing school is not parenting
    school = any(t.token in _SCHOOL_TERMS for t in terms if not t.stop)
    return any(t.token in _PARENT_WORDS or ("parenting" in domains.get(t.token, ()) and not (
               school and t.token.startswith("nurtur"))) for t in terms if not t.stop)


def _adult_only(m: Measure) -> bool:
    """True for a questionnaire adults complete about themselves and no child or young person."""
    return (m.age_min is not None and m.age_min >= 18
            and not set(m.who_benefits) & {"child", "young person"})


def _timescale_note(m: Measure, timescale: str | None) -> tuple[float, str]:
    if timescale == "short" and m.kind != "administrative":
        return TIMESCALE_FIT, "can show change in the short term"
    if timescale == "long" and m.kind == "administrative":
        return TIMESCALE_FIT, "routine data suits a long-term outcome"
    return 1.0, ""


# --- ranking ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Query:
    index: Index
    text: str  # the outcome as shown in reasons
    who: frozenset[str]
    ages: tuple[float, float | None] | None
    timescale: str | None
    known_ages: tuple[float, float | None] | None  # given or read from the text, not assumed
    examples_at: int | None = None  # where "such as ..." starts: examples, not the change
    frames: tuple[tuple[int, int, str], ...] = ()  # "awareness of ...": a subject, not the change
    names_parenting: bool = False  # the whole outcome names parents, carers or parenting
    names_care: bool = False  # the whole outcome names care, placements or leaving care
    names_agency: bool = False  # the outcome names another agency (police, courts, prison)
    process: bool = False  # about practice or process compliance (recorded, oversight)
    names_victim: bool = False  # the outcome is about victims of crime
    tokens: frozenset[str] = frozenset()  # every term of the outcome (see [needs])
    #: what the service will do, not a change in people: "" (not an activity), "change" (an
    #: activity toward a change it names: "we will work with schools to cut exclusions") or
    #: "provision" (no change named: "we will develop a new early help strategy")
    activity: str = ""
    #: an aim for a generation or a responsibility of everyone ("prevent domestic abuse for our
    #: next generation", "domestic abuse is everybody's business"): no one's change to measure
    aspiration: bool = False
    #: everyone in a population ("every child feels safe and heard") with no service, worker or
    #: plan named, or a say in public decisions ("decisions about their community"): no survey
    #: of a service's own users
    everyone: bool = False
    who_given: bool = False  # who benefits was given, not read from the statement
    #: physical and mental or emotional health together, with no symptom named (_HEALTH_AS_A_WHOLE)
    health_as_a_whole: bool = False


    def ranked(self, terms: list[Term]) -> list[tuple[float, Candidate]]:
        """(shown score, candidate) for the measures that fit, best first."""
        ms = self.index.measures
        cands = self.index.candidates(terms, lambda mid: fits(ms[mid], self.who, self.ages))
        caring_role = _caring_role(self.who, terms)
        parents_named = bool(self.who & _PARENT_ROLES) or self.names_parenting
        care_only = self.index.vocab.care_only
        felt = _feeling_clause(self.text)
        reporters = _reporters(self.text)
        of_child = _reports_of_child(self.text)
        out = []
        for c in cands:
            if not self.who and c.domain != "workforce" and set(ms[c.mid].who_benefits) <= _STAFF:
                continue  # a staff-only measure needs staff named or a workforce word ("burnout")
            if ms[c.mid].domains[:1] == ("parenting",) and not parents_named:
                continue  # a parenting measure is of a parent's or carer's outcome, not a child's
            if ms[c.mid].key in care_only and not self.names_care:
                continue  # a measure of children in care needs an outcome that names care
            needs = self.index.vocab.needs.get(ms[c.mid].key, ())
            if any(not group & self.tokens for group in needs):
                continue  # assessment timeliness needs time named, not "assessment of neglect"
            if self.index.vocab.unless.get(ms[c.mid].key, frozenset()) & self.tokens:
                continue  # "assessments completed on time" is timeliness, not their number
            if self.aspiration:
                continue  # a generation's aim or everyone's business: no one change to measure
            if ms[c.mid].domains[:1] == ("experience",) and (self.names_agency or (
                    self.everyone and ms[c.mid].key != "hear_by_right")):
                # "treated fairly by the police", "every child feels safe and heard": not the
                # service's own users' survey
                continue
            if self.process and ms[c.mid].kind in ("administrative", "validated instrument"):
                # "plans are reviewed with management oversight", "speech and language needs
                # are considered when plans are made": a case-file audit, not a count nor a scale
                continue
            if ms[c.mid].kind == "administrative" and (
                    "feel_safe" in self.tokens or felt[0] <= c.spans[0][0] < felt[1]
                    or felt[0] and all(b <= felt[0] for _, b in c.spans)
                    and not _NOT_ONLY_WHO.search(normalise(self.text), 0, felt[0])):
                # feeling safe or settled is asked, not counted from records; the people who
                # feel ("grandparents bringing up their grandchildren feel less isolated") are
                # who, not a count of them
                continue
            if self.who == _ANY_CARER and set(ms[c.mid].who_benefits) <= _CARERS and not (
                    self.tokens & _FOSTER_OR_KIN):
                # "caregivers" or "carers" alone (not listed with professionals, whose fellow
                # carers foster) may be parents: not a measure for foster and kinship carers only
                continue
            if self.activity and (self.activity == "provision"
                                  or ms[c.mid].kind != "administrative"):
                continue  # "we will support young people to ...": no scale of a topic word
            if self.names_victim and ms[c.mid].kind != "administrative":
                continue  # victims of crime are not the service's users nor a child's scale
            if self.examples_at is not None and all(a >= self.examples_at for a, _ in c.spans):
                continue  # matched only an example ("risky behaviour, such as drug use")
            if self._framed(c):
                continue  # awareness of domestic abuse is not measured by its incidents
            if all(_QUALIFIED.match(self.text, b) for _, b in c.spans):
                continue  # "homes that are warm": what the homes are like is the change
            if evidence_pattern(self.text, c.spans) in ABSTAIN_PATTERNS:
                continue  # "the generational cycle of crime": one word where the change is not
            factor = _timescale_note(ms[c.mid], self.timescale)[0]
            # A measure made for part of the ages ("care leavers": 16-25) ranks below one
            # made for all of them.
            factor *= 1.0 - AGE_PART_PENALTY * (1.0 - age_cover(ms[c.mid], self.who, self.known_ages))
            if of_child and _adult_only(ms[c.mid]) and "parenting" not in ms[c.mid].domains:
                continue  # "parents say their teenager is less anxious": not the parent's own scale
            if not self.who and _adult_only(ms[c.mid]):
                factor *= NO_ONE_ADULT_FACTOR
            if caring_role and "parenting" in ms[c.mid].domains:
                factor *= CARING_ROLE_FIT
            if not_collected_here(ms[c.mid]):
                factor *= NOT_COLLECTED_FACTOR
            if ms[c.mid].key in _SYMPTOM_SCALES and self.health_as_a_whole:
                factor *= SYMPTOMS_AFTER_BROAD_FACTOR  # see _HEALTH_AS_A_WHOLE
            if ms[c.mid].key == "neet" and "care_leaver" in self.tokens:
                factor *= CARE_LEAVERS_OWN_FACTOR  # people leaving care have their own EET measure
            if reporters and ms[c.mid].kind == "validated instrument" and not (
                    reporters & set(ms[c.mid].respondent)):
                factor *= REPORTER_FACTOR  # "parents said ...": a form parents fill in first
            raw = c.score * factor
            out.append((round(raw / (raw + SCORE_HALF), 3), c))
        out = self._wellbeing_scales_first(out, terms)
        out.sort(key=lambda sc: (-sc[0], ms[sc[1].mid].key))
        return out

    def _wellbeing_scales_first(self, out: list[tuple[float, Candidate]], terms: list[Term]
                                ) -> list[tuple[float, Candidate]]:
        """Wellbeing named in general (no life satisfaction, happiness, worth, anxiety, sessions):
        the mental wellbeing scales (WEMWBS, SWEMWBS, Stirling for children) rank before ONS4's
        personal wellbeing questions and the ORS/CORS session rating, which otherwise win on a
        shorter name."""
        ms = self.index.measures
        best = max((shown for shown, c in out if ms[c.mid].key in _WELLBEING_SCALES), default=None)
        if best is None:
            return out
        rescored = []
        for shown, c in out:
            if ms[c.mid].key in _WELLBEING_RATINGS and shown >= best:
                matched = {t.token for t in terms if not t.stop
                           and any(a <= t.start < b for a, b in c.spans)}
                if matched <= _WELLBEING_WORDS:
                    shown = round(best - WELLBEING_RATING_BELOW, 3)  # just after the scale
            rescored.append((shown, c))
        return rescored

    def _framed(self, c: Candidate) -> bool:
        """True when a candidate matched only words after a cue of knowing or using (see
        _frames) and cannot measure that."""
        if not c.spans:
            return False
        m = self.index.measures[c.mid]
        admin = m.kind == "administrative"
        if self.who & _STAFF and not admin and "workforce" in m.domains:
            return False  # what staff know or can spot is what a practitioner survey asks
        if self.who & _CARERS and not admin and set(m.who_benefits) <= _CARERS:
            return False  # what foster or kinship carers can do is what a carers' measure asks
        if m.domains[:1] == ("experience",) and any(
                "experienc" in self.text[x:y].lower() for x, y in c.spans):
            # "understand better how families experience early help": insight into people's
            # experience is what a survey or interviews of that experience give
            return False
        if any(self.text[x:y].lower().startswith("confiden") and " " in self.text[x:y].strip()
               for x, y in c.spans):
            # a phrase of the measure's own that names the confidence with its object ("confident
            # in their parenting"): the measure is of that confidence, which the frame is about
            return False
        kinds = set()
        for x, y in c.spans:
            inside = [w for a, b, w in self.frames if a <= x and y <= b]
            if not inside:
                return False
            kinds.update(inside)
        if "quality" in kinds:  # asked of the people in a setting, not counted nor scored
            return admin or (m.kind == "validated instrument" and "experience" not in m.domains)
        # after "access to" a named service, a scale of its topic is not its use either
        return "knowing" in kinds or admin or ("service_use" in self.tokens
                                                and "experience" not in m.domains)

    def suggestion(self, shown: float, c: Candidate, part: str = "") -> Suggestion:
        m = self.index.measures[c.mid]
        confidence = _confidence(shown, c.evidence)
        if confidence == "high" and not_collected_here(m):
            confidence = "medium"  # another measure than the one the outcome names, or none kept
        reporters = _reporters(self.text)
        if confidence == "high" and reporters and m.kind == "validated instrument" and not (
                reporters & set(m.respondent)):
            confidence = "medium"  # "parents said ...": a scale they do not fill in
        return Suggestion(m, shown, self.why(c), confidence, part,
                          evidence_pattern(self.text, c.spans))

    def why(self, c: Candidate) -> str:
        m = self.index.measures[c.mid]
        parts = []
        chosen = list(c.spans[:3])
        # Drop a span inside a bigger chosen one ("stress" inside "parenting stress").
        chosen = [s for s in chosen
                  if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in chosen)]
        if chosen:
            parts.append("matches " + join_words(f"'{self.text[a:b]}'" for a, b in sorted(chosen)))
        if c.domain:
            parts.append(f"{c.domain.replace('_', ' ')} domain")
        if self.who:
            parts.append(f"suits outcomes for {who_label(self.who)}")
        note = _timescale_note(m, self.timescale)[1]
        if note:
            parts.append(note)
        return "; ".join(parts)


#: Wellbeing in general (see _Query._wellbeing_scales_first): the scales of mental wellbeing, the
#: ratings that rank after them when nothing but wellbeing is matched, the words of wellbeing in
#: general, and how far below the best scale those ratings then come (ONS4 and ORS/CORS beat
#: WEMWBS and Stirling on "wellbeing" alone by up to a fifth, on their shorter names).
_WELLBEING_SCALES = frozenset({"wemwbs", "swemwbs", "stirling"})
_WELLBEING_RATINGS = frozenset({"ons4", "ors_cors"})
#: ("programme": the sessions or group people attend say where they are, not which rating)
_WELLBEING_WORDS = frozenset({"wellbeing", "emotional_wellbeing", "mental_wellbeing", "overall",
                              "programme"})
WELLBEING_RATING_BELOW = 0.005


#: "Children feel settled in their foster homes": when what the people named first do is feel,
#: the change is a feeling, which is asked, not counted from records ("feel they have enough
#: time" is a view of a fact, which records may count).
_FEELING = re.compile(r"^(?:[\w'-]+\s+){1,6}?(?:feel|feels|felt)\b(?!\s+(?:that|they|there|it|he|she|we)\b)")


#: Words before "feel" that make them more than the people who feel: a change ("fewer children
#: enter care because parents feel ...") or a clause of its own.
_NOT_ONLY_WHO = re.compile(r"\b(?:fewer|more|less|reduc\w*|increas\w*|improv\w*|because|so|when|"
                           r"where|if|as|while|after|since|which|that|until|unless)\b")


def _feeling_clause(text: str) -> tuple[int, int]:
    """Where the feeling is said when the people named first feel something, else (0, 0)."""
    t = normalise(text)
    m = _FEELING.match(t)
    if not m:
        return (0, 0)
    end = re.search(r"[,;.]|\band\b", t[m.end():])
    return (m.end(), m.end() + end.start() if end else len(t))


def _confidence(shown: float, evidence: float) -> str:
    if shown >= HIGH_SCORE and evidence >= HIGH_EVIDENCE:
        return "high"
    if shown >= MEDIUM_SCORE:
        return "medium"
    return "low"


def _close(ranked: list[tuple[float, Candidate]]) -> list[tuple[float, Candidate]]:
    """The ranked measures with enough evidence to be suggested at all."""
    return [(s, c) for s, c in ranked if c.evidence >= EVIDENCE_NEEDED]


def _parts(text: str, terms: list[Term]) -> list[tuple[int, int]]:
    """Character spans of the parts of an outcome that joins separate changes.

    Parts are joined by 'and', 'as well as', ';' or a list of commas ending in 'and' ("better
    housing, income and confidence"). Not a join: 'and' inside a known phrase ("drug and
    alcohol") or inside a phrase that says where or for whom ("in early help and partner
    teams"), and a comma or 'and' followed by a qualifier ("..., with more families saying")."""
    t = normalise(text)
    has_list_end = bool(re.search(r"\b(?:and|or)\b", t))
    spans, pos = [], 0
    for m in _SPLIT.finditer(t):
        a, b = m.span()
        if any(x.start < a and b <= x.end for x in terms):
            continue
        if t[a] == "," and not (has_list_end and re.search(r"\band\b", t[b:])):
            continue
        after = t[b:].split(None, 1)
        if after and after[0].strip(",;") in _QUALIFIERS:
            continue
        before = t[pos:a].split()
        if t[a] != ";" and (any(w in _PREPOSITIONS for w in before[-4:-1])
                            or any(w in _LIST_OF_PEOPLE for w in before)):
            continue
        if len(before) >= 2 and before[-2] == "to" and after and after[0] not in _STOP_AFTER_TO:
            continue  # two verbs of one clause: "empowered to make and sustain change"
        if before and before[-1] in _ADJECTIVES and _noun_follows(t[b:]):
            continue  # two adjectives of one noun: "stable and supportive networks"
        spans.append((pos, a))
        pos = b
    spans.append((pos, len(t)))
    return [(a, b) for a, b in spans
            if any(a <= x.start and x.end <= b and not x.stop for x in terms)]


_QUALIFIERS = frozenset("""with through before after by in for including among so because which
    who when while where to as from via at so that whose then""".split())
_PREPOSITIONS = frozenset("in of for with between among from within across at on".split())
#: Words that open a list of people or places that runs to the end of a clause ("relationships
#: between carers, children and birth families"): no join inside that list.
_LIST_OF_PEOPLE = frozenset("between among amongst including".split())
#: Adjectives that often share one noun with the next ("safe and loving homes").
_ADJECTIVES = frozenset("""stable safe secure supportive loving healthy happy strong positive
    nurturing consistent settled meaningful lasting trusting caring warm resilient confident
    sustainable sustained timely effective high-quality good social emotional physical mental
    personal""".split())


def _noun_follows(rest: str) -> bool:
    """True when the words after 'and' are an adjective then its noun ("supportive networks")."""
    words = rest.split()
    return len(words) >= 2 and words[1].strip(",.;") not in _QUALIFIERS | _PREPOSITIONS \
        and words[0].strip(",.;") == words[0]


#: After "to <verb> and", these words start a new outcome rather than a second verb.
_STOP_AFTER_TO = frozenset("more fewer less better improved increased reduced higher lower".split())


def _compound(q: _Query, terms: list[Term], top: int) -> Match | None:
    """One measure per part when an outcome joins parts that need different measures."""
    spans = _parts(q.text, terms)
    if len(spans) < 2:
        return None
    found: list[tuple[str, tuple[float, Candidate] | None]] = []
    for a, b in spans:
        part_terms = [x for x in terms if a <= x.start and x.end <= b]
        close = _close(_part_query(q, part_terms, a, b).ranked(part_terms))
        ok = close and close[0][0] >= ABSTAIN_BELOW
        found.append((q.text[a:b].strip(" .,;:"), close[0] if ok else None))
    matched = [(p, best) for p, best in found if best is not None]
    keys = {q.index.measures[best[1].mid].key for _, best in matched}
    if len(matched) < 2 or len(keys) < 2:
        return None
    unmatched = tuple(p for p, best in found if best is None)
    n = len(found)
    out: list[Suggestion] = []
    for i, (p, best) in enumerate(found, 1):
        if best is None:
            continue
        s = q.suggestion(*best, part=p)
        if any(x.measure.key == s.measure.key for x in out):
            continue
        why = f"part {i} of {n} ('{p}'): one measure per part (or split the outcome): {s.why}"
        out.append(Suggestion(s.measure, s.score, why, s.confidence, p, s.evidence))
    return Match(q.text, _by_confidence(out), tuple(p for p, _ in found), unmatched)


def _part_query(q: _Query, part_terms: list[Term], a: int, b: int) -> _Query:
    """The query for one part of a compound outcome: a part that names its own people ("...
    and their children's school attendance improves") is about them, unless who benefits was
    given."""
    if q.who_given:
        return q
    masked = " " * a + q.text[a:b] + " " * (len(q.text) - b)
    who = who_in_text(part_terms, masked)
    return replace(q, who=who) if who and who != q.who else q


#: "..., as reported in parent surveys": how a change is measured, not what changes.
_METHOD = re.compile(r"\b(?:as (?:reported|measured|shown|evidenced|recorded)|measured by|"
                     r"according to|reported (?:in|by|through))\b")


#: "..., such as drug use": an example of the change, which alone does not decide the measure.
_EXAMPLES = re.compile(r"\b(?:such as|for example|for instance|e\.g\.?|including)(?=\W)")


def _examples_at(text: str) -> int | None:
    """Where a clause of examples starts in an outcome statement, if it has one after its start."""
    t = normalise(text)
    m = _EXAMPLES.search(t)
    if m and m.group(0) == "including" and not re.search(r",|\band\b", t[m.end():]):
        return None  # one thing after "including" ("take risks, including offending") is the point
    return m.start() if m and m.start() > 0 else None


def _without_method(text: str, terms: list[Term]) -> list[Term]:
    """The terms before a phrase saying how the outcome is measured, when one follows it."""
    m = _METHOD.search(normalise(text))
    if not m or m.start() == 0:
        return terms
    return [t for t in terms if t.start < m.start()]


#: "Safe from crime", "victims of antisocial behaviour": being harmed, not offending, so the
#: offending words after these cues point to no youth justice measure.
_VICTIM_CUES = frozenset({"safe_from", "victim", "trust", "public", "resid", "resident",
                          "confidence", "confid"})
_OFFENDER_SENSE = frozenset({"offending", "first_time", "reoffending", "youth_justice"})


_CARERS = frozenset({"foster carer", "kinship carer"})
#: Words saying carers are foster or kinship carers (or that the children are in care): a measure
#: only for foster and kinship carers needs one of them ("caregivers" alone may be parents).
_FOSTER_OR_KIN = frozenset({"foster_carer", "kinship_carer", "foster", "fostering", "kinship",
                            "guardian", "grandpar", "grandparent", "looked_after", "placement",
                            "care_leaver", "special_guardian"})
_YOUNG = frozenset({"child", "young person"})
#: "Confidence", "skills", "knowledge", "better able": of staff or foster and kinship carers, what
#: they can do in their role (a practitioner or carers' survey asks it); of anyone else, no one
#: construct (see [ambiguous] in the vocabulary).
_CAPABILITY = frozenset({"confidence", "skills"})
#: Of staff only, what they know or can do ("able to have conversations", "know how to refer").
_SUPPORT = frozenset({"support", "peer_support", "help"})
#: "Financial support", "practical support": money or things, not support as carers feel it.
_MONEY_BEFORE = re.compile(r"\b(?:financial|money|monetary|practical|material)\s+(?:and\s+\w+\s+)?$",
                           re.IGNORECASE)
_STAFF_CAPABILITY = frozenset({"abil", "know", "understand", "awar", "knowledg"})
_ECONOMIC_WELLBEING = re.compile(r"\beconomic\s+well", re.IGNORECASE)  # wellbeing, well-being
#: Of staff only, being heard or valued at work: a practitioner survey asks it.
_STAFF_VOICE = frozenset({"listened", "felt_supported", "voice", "valu"})


#: "Foster carers understand how trauma affects children", "know about ...": knowledge of a
#: topic, which the carers' measures (their efficacy in the role, their support and
#: satisfaction) do not ask; a practitioner survey may ask it of staff.
_TOPIC_AFTER = re.compile(r"\s+(?:more\s+|better\s+)?(?:how(?!\s+to\b)|why|what|that|about|of|where|"
                          r"who|when|which|(?:their|his|her)\s+(?:rights|entitlements?))\b")


def _people_sense(terms: list[Term], who: frozenset[str], text: str = "") -> list[Term]:
    """The terms, with words whose sense depends on whose outcome it is read for those people.

    Employment of children or young people, and their economic wellbeing ("enter adult life well
    placed to achieve economic wellbeing"), is being in education, employment or training (NEET),
    not parental employment nor household income; of staff ("confident in working with families") it is their job, no
    outcome. Confidence, skills and knowledge of staff or foster and kinship carers are their
    capability in the role."""
    staff_or_carers = bool(who) and who <= _STAFF | _CARERS
    out = []
    for t in terms:
        if t.token == "employment" and who and who <= _YOUNG:
            t = Term("neet", False, t.start, t.end, True)
        elif t.token == "money" and who and who <= _YOUNG and _ECONOMIC_WELLBEING.search(
                text[t.start:t.end]):
            t = Term("neet", False, t.start, t.end, True)
        elif t.token == "employment" and who and who <= _STAFF:
            t = Term("work", False, t.start, t.end, False)
        elif t.token in _SUPPORT and who and who <= _CARERS and not _MONEY_BEFORE.search(
                text[max(0, t.start - 25):t.start]):
            # "kinship carers receive timely support", "foster families get peer support":
            # support for carers, which the carers' survey asks, not perceived social support
            t = Term("support_for_carers", False, t.start, t.end, True)
        elif t.token in _STAFF_VOICE and who and who <= _STAFF:
            # "all staff feel listened to and heard": their experience of work, which a
            # practitioner survey asks, not a family's experience of a service
            t = Term("staff_voice", False, t.start, t.end, True)
        elif (t.token in _CAPABILITY and staff_or_carers) or (
                t.token in _STAFF_CAPABILITY and who and who <= _STAFF) or (
                t.token in _STAFF_CAPABILITY - {"abil"} and who and who <= _CARERS
                and not _TOPIC_AFTER.match(normalise(text), t.end)):
            # what foster or kinship carers know or understand in their role ("the know-how
            # to care for the children they are raising"), not what they are able to do
            t = Term("capability", False, t.start, t.end, True)
        out.append(t)
    return out


_SCHOOL_WORDS = frozenset("""school schools education class classes lessons classroom college colleges
academy academies nursery""".split())
#: What people are excluded from, after the kinds of school ("excluded from primary school").
_EXCLUDED_FROM = re.compile(r"[^,;.]*?\bfrom\s+(?:(?:and|or)\s+(?:within|in)\s+)?(?:the\s+|their\s+|a\s+)?(?:(?:primary|secondary|"
                            r"mainstream|special|local|infant|junior|high)\s+)*(\w+)")


def _exclusion_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms, with exclusion read as social exclusion when what people are excluded from is
    not school ("excluded less often from activities in their community"), and removal from
    school or lessons read as exclusion."""
    t = normalise(text)
    out = []
    for x in terms:
        if x.token == "exclusion":
            m = _EXCLUDED_FROM.match(t[x.end:])
            if m and m.group(1) not in _SCHOOL_WORDS:
                x = Term("inclusion", False, x.start, x.end, False)
        elif x.token == "enter_care" and t[x.start:x.end].startswith("remov") and _BARRIERS.match(
                t, x.end):
            continue  # "removes the emotional barriers to learning": not a removal into care
        elif x.token == "enter_care" and t[x.start:x.end].startswith("remov") and _FROM_SCHOOL.match(
                t[x.end:]):
            # "removed from mainstream education", "removed from lessons": excluded, not taken
            # into care
            x = Term("exclusion", False, x.start, x.end, True)
        out.append(x)
    return out


_BARRIERS = re.compile(r"\s+(?:the\s+|any\s+|all\s+|these\s+)?(?:[\w-]+\s+){0,2}?(?:barriers?|obstacles?)\b")
_FROM_SCHOOL = re.compile(r"\s+from\s+(?:the\s+|their\s+|a\s+)?(?:mainstream\s+)?(?:school|schools|"
                          r"education|class|classes|lessons|classroom)\b")


_RELATIONSHIP_WITH = re.compile(r"[^,;.]*?\b(?:with|between)\b")
#: ... with or between a school or its staff as one party (not "primary-school children").
_WITH_A_SCHOOL = re.compile(r"[^,;.]*?\b(?:with|between)\b[^,;.]*?\b(?:schools?|teachers?|staff|"
                            r"nurser(?:y|ies)|colleges?|settings?)\b(?![\s-]+(?:age|aged|children|"
                            r"child|pupils|years?)\b)")


def _worker_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms, with a relationship with a worker ("trusting relationships between families
    and health visitors") read as the family's experience of the service, not social support."""
    t = normalise(text)
    if any(x.token in _SCHOOL_TERMS for x in terms):
        if not any(x.token in ("parent", "family", "carer") for x in terms):
            return terms  # pupils' relationships with staff and peers are school life
        # "relationships between parents and schools": between home and school, which no
        # measure of family relationships asks
        return [Term("home_school", False, x.start, x.end, True)
                if "relationship" in t[x.start:x.end] and _WITH_A_SCHOOL.match(t[x.end:])
                else x for x in terms]
    out = []
    for i, x in enumerate(terms):
        if "relationship" in t[x.start:x.end] and _RELATIONSHIP_WITH.match(t[x.end:]):
            end = x.end + (re.search(r"[,;.]|$", t[x.end:]).start())
            if any(y.token == "practitioner" and y.start < end for y in terms[i + 1:]):
                x = Term("worker_relationship", False, x.start, x.end, True)
        out.append(x)
    return out


#: A vision's slogan: three or more states in a list ("safe, healthy and happy"; GIRFEC's "safe,
#: healthy, achieving, nurtured, active, respected, responsible and included"), no one change.
_STATE = (r"(?:safe|safer|happy|happier|healthy|healthier|achieving|thriving|loved|secure|confident|"
          r"nurturing|caring|loving|strong|stable|independent|ambitious|empowered|positive|"
          r"resilient|successful|respected|included|nurtured|active|responsible|well|valued|heard|"
          r"supported|listened to|protected|settled|informed|ready)")
_SLOGAN = re.compile(r"\b" + _STATE + r"(?:\s*,\s*(?:and\s+)?" + _STATE + r"){1,}\s*,?\s+and\s+"
                     + _STATE + r"\b"
                     # three states or more listed, then anything ("happy, safe, thriving, and
                     # fulfilling their potential")
                     r"|\b" + _STATE + r"(?:\s*,\s*" + _STATE + r"){2,}\s*,?\s+and\b")


def _slogan_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without those of a slogan of states ("children are safe, happy and healthy")
    and of the words after it in its clause, which say where the states hold ("parents are
    confident, positive and resilient in their parenting")."""
    t = normalise(text)
    spans = []
    for m in _SLOGAN.finditer(t):
        end = re.search(r"[,;.]", t[m.end():])
        spans.append((m.start(), m.end() + end.start() if end else len(t)))
    return [x for x in terms if not any(a <= x.start < b for a, b in spans)]


#: The aims of a good life: thriving, flourishing, reaching one's potential, enjoying life,
#: having fun, trying new things, living full lives, aspiring, succeeding, the best start in life.
_VISION = re.compile(
    r"\b(?:thriv\w*|flourish\w*|aspire|aspiring|(?:succeed|succeeds|succeeding)(?!\s+(?:in|at|with)\s+"
    r"(?!life\b))|have fun|having fun|"
    r"best (?:possible )?start in life|bright futures?|"
    r"(?:reach|reaches|reaching|achieve|achieves|achieving|fulfil|fulfils|fulfill|fulfills|"
    r"fulfilling|realise|realises|realize|realizes)\s+(?:their|his|her|its|our|your)?\s*(?:full\s+|"
    # (potential in learning is attainment: "achieve their learning potential")
    r"fullest\s+)?(?:[\w-]+,?\s+(?:and\s+)?){0,4}?(?<!learning )(?<!educational )(?<!academic )potential|"
    r"(?:live|lives|living|lead|leads|leading)\s+(?:full|fulfilling|happy|good|rich)\s+(?:[\w-]+\s+)?lives|"
    r"enjoy\w*\s+(?:life|their lives|their life|(?:their\s+)?childhood|new experiences|new things)|"
    r"try\w*\s+new\s+(?:things|experiences|activities))\b")
#: Enjoying the benefits, fun or rewards that something brings ("every child enjoys the benefits
#: that come from play and sport"): an aim whose good is not named, with the means to it.
_ENJOY_WHAT_BRINGS = re.compile(r"\benjoy\w*\s+(?:the\s+|all\s+the\s+)?(?:[\w-]+\s+){0,2}?(?:benefits?|fun|"
                                r"rewards?|joys?)\b")
#: The adults people will grow into, with what they will be like ("grow up to be a happy,
#: confident adult", "as happy, healthy, successful and financially secure adults"): an aim for
#: their adult lives, not a change an evaluation sees, to the end of its sentence.
_ADULTS_TO_BE = re.compile(
    r"\bgrow(?:s|ing)?\s+up\s+(?:to\s+be(?:come)?|into|as)\b"
    r"|\b(?:as|into|become|becoming|be)\s+(?:a\s+|an\s+)?(?:[\w-]+,?\s+(?:and\s+)?){0,6}?(?:happy|healthy|"
    r"successful|confident|independent|resilient|responsible|secure|fulfilled|capable|productive|"
    r"well-adjusted|rounded|well-rounded)\s*,?\s+(?:[\w-]+\s+){0,2}?(?:adults?|individuals?|"
    r"citizens|members of (?:society|their communit(?:y|ies)))\b")
#: A whole life qualified by what it is like ("lead healthy and happy lives", "live a happy
#: life"), and an ideal ("the best possible health and well-being", "optimal physical health"):
#: an aim for everything at once, to the end of its clause, not one change a scale measures.
_WHOLE_LIFE = re.compile(
    r"\b(?:lead|leads|leading|live|lives|living|have|has|having|enjoy|enjoys|experience|experiences|"
    r"experiencing)\s+(?:a\s+)?"
    r"(?:(?:happy|happier|healthy|healthier|fulfilling|fulfilled|full|good|rich|long|positive|safe|"
    r"meaningful|rewarding|secure|loving)\s*,?\s+(?:and\s+)?)+(?:life|lives|childhood|childhoods)\b"
    r"|\b(?:best possible|optimal|optimum|highest possible)\b")
#: Readiness for life as a whole ("equipped to succeed in life", "ready for work and life", skills
#: for life or work): an aim for everything ahead, which no destination count or scale measures.
_READY_FOR_LIFE = re.compile(r"\b(?:ready|prepared|equipped|readiness|preparation)\s+(?:for|to)\s+"
                             r"(?:(?:work|adulthood)\s+and\s+)?(?:adult\s+)?(?:life|(?:succeed|thrive|get "
                             r"on|do well)\s+in\s+life)\b"
                             # skills for what lies ahead ("skills for life, work and learning"),
                             # which no destination count or attainment measure records
                             r"|\bskills\s+for\s+(?:life|work|learning|employment|adult life|adulthood|"
                             r"independence|independent living)\b")


#: A clause of where or why that the aims of a vision may sit in, after the change itself.
_AIMS_CLAUSE = re.compile(r"\b(?:where|in which|so that|so they|so that they)\b")


def _vision_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without those of a sentence that names two or more aims of a good life
    ("children thrive in their families, achieve in schools and flourish in their communities",
    "live full lives, make friends and try new things"): a vision whose parts are its aspects,
    not changes to measure one by one; and without what is said of the adults people will grow
    into ("grows up to be a happy, confident adult")."""
    t = normalise(text)
    spans = []
    for a, b in _sentences(t):
        found = list(_VISION.finditer(t, a, b))
        # "aspire to reach their full potential" is one aim
        aims = 1 + sum(not re.fullmatch(r"\s+to\s+", t[x.end():y.start()])
                       for x, y in zip(found, found[1:])) if found else 0
        if aims >= 2:
            # aims in a clause of where or why after the change ("children feel safe and cared
            # for in an environment where they can thrive and succeed"): that clause only
            cue = [c for c in _AIMS_CLAUSE.finditer(t, a, found[0].start())]
            spans.append((cue[-1].start() if cue else a, b))
        elif found and re.match(r"\s+(?:through|by means of|thanks to)\b", t[found[-1].end():]):
            # "children thrive through effective early help, good housing and ...": the aim,
            # with the means to it, not a change in the services named
            spans.append((found[-1].start(), b))
        m = _ADULTS_TO_BE.search(t, a, b)
        if m:
            spans.append((m.start(), b))
        m = _ENJOY_WHAT_BRINGS.search(t, a, b)
        if m:
            spans.append((m.start(), b))
        ready = _READY_FOR_LIFE.search(t, a, b)
        if ready:
            # "leaves school equipped to succeed in life": when, and an aim, from the start of
            # its clause ("... and adults are ready for work and life")
            joins = [j.end() for j in re.finditer(r"[,;]|\band\b", t[a:ready.start()])]
            spans.append((a + joins[-1] if joins else a, b))
        for m in _WHOLE_LIFE.finditer(t, a, b):
            # to the end of its clause, across a list of what it qualifies ("the best possible
            # physical, social and emotional start")
            # a harm the life is free from is a change ("live safe lives free from domestic abuse")
            free = r"|\b(?:free from|safe from|away from|without)\b"
            stop = r"[;.]|,\s*(?:so|which|while|where|because|through|by|with)\b|" + _AND_A_CHANGE + free
            if not re.match(r"(?:\s+[\w-]+){1,2}\s*,\s*[\w\s,-]{1,60}?\band\b", t[m.end():]):
                stop = r"[,;.]|" + _AND_A_CHANGE + free
            spans.append((m.start(), _clause_end(t, m.end(), stop)))
    # a term running into a span is in it ("develop as well-rounded individuals")
    return [x for x in terms if not any(x.start < b and a < x.end for a, b in spans)]


#: "Irrespective of where they were born, where they live and go to school", "regardless of
#: background": who the aim is for, all of them, not a change in where they live or go to school.
_REGARDLESS = re.compile(r"\b(?:irrespective of|regardless of|no matter|whatever (?:their|his|her))\b")
#: "... before their families reach crisis or they are put at risk of harm": when help comes, not
#: the harm as the thing to count (the help in the main clause is the change).
_BEFORE_CLAUSE = re.compile(r"\bbefore\s+(?:(?:their|the|a|any|such)\s+)?(?:[\w'-]+\s+){0,2}?(?:reach|reaches|"
                            r"are|is|become|becomes|hit|hits|fall|falls|enter|enters|get|gets|go|goes)\b")


#: "... keep in touch with their birth parents in a way that feels safe": how the change is made,
#: not a second change.
_IN_A_WAY = re.compile(r"\bin (?:a|the) (?:way|manner)s? that\b|\bin ways that\b")


def _context_clause_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without a clause that says for whom the aim holds whatever their circumstances
    (_REGARDLESS, to the end of its clause and a list of clauses like it: "where they were born,
    where they live") or when help comes (_BEFORE_CLAUSE after a main clause, to the end of its
    sentence), and a clause of manner after a main clause (_IN_A_WAY, to the end of its
    clause)."""
    t = normalise(text)
    spans = []
    for m in _REGARDLESS.finditer(t):
        end = _clause_end(t, m.end())
        while re.match(r",\s*(?:and\s+|or\s+)?(?:where|when|who|whether|what|how|which)\b", t[end:]):
            end = _clause_end(t, end + 1)
        spans.append((m.start(), end))
    for m in _BEFORE_CLAUSE.finditer(t):
        if any(not x.stop and x.end <= m.start() for x in terms):
            spans.append((m.start(), _clause_end(t, m.end(), r"[;.]")))
    for m in _IN_A_WAY.finditer(t):
        if any(not x.stop and x.end <= m.start() for x in terms):
            spans.append((m.start(), _clause_end(t, m.end())))
    if not spans:
        return terms
    return [x for x in terms if not any(a <= x.start < b for a, b in spans)]


#: "Stability in their home lives": life at home, in the family, not housing (a home to live in).
_HOME_LIFE = re.compile(r"\bhome[\s-]+(?:life|lives)\b")


def _home_life_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without those read from "home life" or "home lives" (life at home is not a
    home to live in)."""
    spans = [(m.start(), m.end()) for m in _HOME_LIFE.finditer(normalise(text))]
    return [x for x in terms if not any(a <= x.start < b for a, b in spans)]


def _sentences(t: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a normalised text."""
    out, pos = [], 0
    for m in re.finditer(r"[.;!?](?:\s+|$)", t):
        out.append((pos, m.start()))
        pos = m.end()
    if pos < len(t):
        out.append((pos, len(t)))
    return out


#: "Pupils with persistent absence attend more often": "attend" with no object but how often.
_ATTEND_HOW_OFTEN = re.compile(r"\s*(?:school\s+)?(?:(?:more|less)\s+)?(?:often|regularly|consistently|"
                               r"every day|daily|more|well)?\s*(?:[,;.]|$)")
_SCHOOL_TERMS = frozenset({"pupil", "school", "school_attendance", "exclusion", "primary_school",
                           "secondary_school", "send", "ehcp", "academi"})


#: "Attendance at parenting sessions": attendance at something named, which need not be school;
#: not a figure ("attendance of 97%"), a verb after "to" ("attendance to be above average") nor
#: a school ("attendance at our primary schools").
_ATTENDANCE_OF = re.compile(r"\s+(?:at|in|of|to|for)\b"
                            r"(?!\s*(?:(?:at least|over|above|more than|no less than)\s+)?\d)"
                            r"(?!\s+(?:be|rise|improve|increase|reach|exceed|remain|stay|match|meet)s?\b)"
                            r"(?!\s+(?:(?:the|our|their|its|local|primary|secondary|special|all|each|"
                            r"every|mainstream)\s+){0,3}(?:schools?|academ(?:y|ies)|lessons?)\b)")
#: "Pupils missing more than 10% of sessions": missing school, not missing from home or care.
_MISSING_SCHOOL = re.compile(r"\s+(?:[\w%]+\s+){0,4}?(?:sessions|lessons|schooling|school days|days of "
                             r"school)\b")


#: Being in school as what the people named do ("children are in school", "stay in school").
_IN_SCHOOL = re.compile(r"\b(?:are|is|be|being|stay|stays|staying|remain|remains|kept|back)\s+in\s+$")


def _attend_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms, with "attend" read as school attendance when it has no object but how often
    and the outcome is about pupils or school ("pupils with persistent absence attend more
    often": the who-part names what they attend), as is "attendance" alone ("pupils' attendance
    rises") and missing sessions or lessons."""
    if not any(x.token in _SCHOOL_TERMS for x in terms):
        return terms
    t = normalise(text)
    out = []
    for x in terms:
        if x.token == "school" and _IN_SCHOOL.search(t[:x.start]) and not _ATTENDANCE_OF.match(t, x.end):
            # "children are in school", "pupils stay in school": being there, which attendance counts
            out.append(Term("school_attendance", False, x.start, x.end, True))
            continue
        noun = t[x.start:x.end].startswith("attendance") and not _ATTENDANCE_OF.match(t, x.end)
        if (x.token == "attend" and (noun or _ATTEND_HOW_OFTEN.match(t[x.end:]))) or (
                x.token == "missing" and _MISSING_SCHOOL.match(t, x.end)):
            x = Term("school_attendance", False, x.start, x.end, True)
        out.append(x)
    return out


#: "Parents finish the programme more confident in their parenting": finishing or leaving a
#: programme, followed by how people are then, says when the change is seen, not that they
#: completed it (which "more parents complete the programme" is).
_DONE_THEN = re.compile(
    r"\b(?:finish|finishes|finishing|leave|leaves|leaving|complete|completes|completing)\s+"
    r"(?:the|their|a|our|this)\s+(?:[\w-]+\s+){0,2}?(?:programme|program|course|sessions?|group|"
    r"intervention)\s+(?=(?:feeling|more|less|better|with|able|having|knowing|confident|happier|"
    r"calmer|healthier|stronger|safer)\b)")


def _outside(pattern: re.Pattern[str], text: str, terms: list[Term], token: str = "") -> list[Term]:
    """The terms not inside a match of ``pattern`` in the statement (only those of ``token``
    are dropped when it is given)."""
    spans = [m.span() for m in pattern.finditer(normalise(text))]
    if not spans:
        return terms
    return [x for x in terms
            if not ((not token or x.token == token) and any(a <= x.start < b for a, b in spans))]


def _done_then_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without a programme finished or left before how people then are (_DONE_THEN)."""
    return _outside(_DONE_THEN, text, terms)


#: Respect, trust or tolerance for others ("young people have respect and trust for others",
#: "children treat one another with kindness and respect"): an attitude to other people, not an
#: experience of a service (which the family and child experience survey asks) nor a scale.
_TOWARD_OTHERS = re.compile(
    r"\b(?:respect\w*|trust\w*|toleran\w*|kindness|kind|empathy|compassion\w*|consideration)\b"
    r"(?:\s*(?:,|and|or)\s*[\w-]+){0,3}\s+(?:for|towards?|of|to|in)\s+(?:all\s+)?(?:their\s+)?(?:others|"
    r"each other|one another|other people|everyone|peers|neighbours|people from)\b"
    r"|\b(?:treat|treats|treating)\s+(?:others|each other|one another|other people|everyone|their peers)\s+"
    r"with\s+[^,;.]*"
    # "positive attitudes and behaviours towards people from different backgrounds"
    r"|\b(?:attitudes?|views|behaviou?rs?)\b(?:\s*(?:,|and|or)\s*[\w-]+){0,3}\s+(?:towards?|to|about)\s+"
    r"(?:people|others|those|children|families|communities)\s+(?:from|of|with|who)\s+[^,;.]*")


def _toward_others_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without an attitude to other people (_TOWARD_OTHERS)."""
    return _outside(_TOWARD_OTHERS, text, terms)


#: Outcomes or a gap across several domains of life, health and learning or work among them ("achieve
#: health, wellbeing and educational outcomes comparable with all other children", "the gap in
#: health, education and work between care leavers and their peers"): people's life chances as a
#: whole, not parts to measure one by one; to the end of the clause.
_DOMAIN = (r"(?:health|healthy|wellbeing|well-being|physical|mental|emotional|social|education|educational|"
           r"learning|employment|work|economic|housing|life)")
_ACROSS_DOMAINS = re.compile(r"\b" + _DOMAIN + r"(?:\s*,\s*(?:and\s+)?" + _DOMAIN + r"){1,}\s*,?\s+(?:and|or)\s+"
                             + _DOMAIN + r"\b")
_HEALTH_DOMAIN = re.compile(r"\b(?:health|healthy|wellbeing|well-being|physical|mental|emotional)\b")
_LEARNING_DOMAIN = re.compile(r"\b(?:education|educational|learning|employment|work|economic)\b")
#: A comparison of one group with others: a gap, inequalities, outcomes comparable with or the same
#: as their peers'.
_GAP = re.compile(r"\b(?:gaps?|inequalit(?:y|ies)|comparable|same|as good as|in line with|on a par|"
                  r"as well as|equal|equality|parity)\b")


def _across_domains_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without a list of outcomes across domains of life (_ACROSS_DOMAINS) that names
    health or wellbeing and learning or work, and the rest of its clause, in an outcome that
    compares one group with others (_GAP)."""
    t = normalise(text)
    if not _GAP.search(t):
        return terms  # "improve educational, health and wellbeing outcomes": one part each
    spans = []
    for m in _ACROSS_DOMAINS.finditer(t):
        if _HEALTH_DOMAIN.search(m.group()) and _LEARNING_DOMAIN.search(m.group()):
            # with the verb that reaches them ("achieve education, health and employment outcomes")
            verb = re.search(r"\b(?:achiev\w*|attain\w*|reach\w*)\s+$", t[:m.start()])
            spans.append((verb.start() if verb else m.start(),
                          _clause_end(t, m.end(), r"[,;.]|" + _AND_A_CHANGE)))
    if not spans:
        return terms
    return [x for x in terms if not any(a <= x.start < b for a, b in spans)]


#: Volunteers as people ("volunteers feel valued", "volunteer mentors learn new skills"): who an
#: outcome is about, not volunteering as a change.
_VOLUNTEERS_AS_PEOPLE = re.compile(r"volunteers\b|volunteer\s+(?!in\b|at\b|for\b|with\b|and\b|or\b|"
                                   r"their\b|locally\b|regularly\b|more\b|to\b|as\b|within\b)[a-z]")


def _volunteer_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without volunteering where the word names volunteers as people."""
    t = normalise(text)
    return [x for x in terms if not (x.token == "volunteering" and _VOLUNTEERS_AS_PEOPLE.match(t, x.start))]


def _repeat_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms, with a referral read as a re-referral when its clause says it happens again
    ("referred to children's social care again within a year")."""
    t = normalise(text)
    again = [x for x in terms if x.token == "repeat"]

    def same_clause(a: Term, b: Term) -> bool:
        lo, hi = sorted((a, b), key=lambda x: x.start)
        return not re.search(r"[,;]|\band\b", t[lo.end:hi.start])

    return [Term("re_referral", False, x.start, x.end, True)
            if x.token == "referral" and any(same_clause(x, r) for r in again) else x
            for x in terms]


_FREE = re.compile(r"\s*-\s*free\b")
#: What a place or a practice is like for people ("a child-friendly city", "anxiety-aware
#: schools", "breastfeeding-friendly venues"): not their friendships, anxiety or feeding.
_FRIENDLY = re.compile(r"\s*-\s*(?:friendly|aware)\b")


_WITHOUT = re.compile(r"\bwithout\s+(?:any\s+)?$")


def _free_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms, with a word before "-free" ("an alcohol-free pregnancy", "violence-free homes")
    or just after "without" ("violence without injury") read as half the evidence a suggestion
    needs: it names what is absent, and the thing that is free of it decides the measure; a
    word before "-friendly" or "-aware", and that word, are dropped (see _FRIENDLY)."""
    t = normalise(text)
    return [Term(x.token, x.stop, x.start, x.end, False)
            if _FREE.match(t[x.end:]) or _WITHOUT.search(t[:x.start]) else x for x in terms
            if not _FRIENDLY.match(t[x.end:]) and not _FRIENDLY.match(t[x.start - 1:])]


#: "Participation within the youth justice service", "their youth offending team plans": the
#: service named as where the work happens, not offending.
_SERVICE_AFTER = re.compile(r"\s*(?:'s\s+)?(?:teams?|services?|boards?|plans?|workers?|panels?|"
                            r"officers?|staff|practitioners?|partnership)\b")
_PROCESS_AFTER = re.compile(r"\s+(?:processes|process|procedures|conferences|meetings|system|"
                            r"work|practice|arrangements)\b")
_OF_A_BODY = re.compile(r"\s+of\s+(?:the|a|an|their|our|its)\s+(?:[\w-]+\s+){0,3}?(?:boards?|"
                        r"services?|teams?|partnerships?|councils?|panels?|forums?|groups?)\b")
_TEAM_END = re.compile(r"\b(?:team|teams|service|services)$")
#: "The youth offending team treated them fairly": the team acts, so it is named as a team.
_ACTS = re.compile(r"\s+(?:\w+ed|has|have|is|are|was|were|will|can|does|do|helps?|works?|"
                   r"supports?|listens?|treats?|gives?|offers?|makes?|enables?|ensures?|provides?|"
                   r"improves?|enhances?|reduces?|prevents?)\b")
#: Services that, as the subject that acts, are named as a service ("early help enables ...").
_SERVICES = frozenset({"early_help", "youth_justice", "social_care"})
#: A topic before a role, after the subject ("schools have a designated mental health lead",
#: "trained domestic abuse champions"): the role names a person's job, not the change.
_ROLE_AFTER = re.compile(r"\s+(?:leads?|champions?|co-?ordinators?|officers?|first aiders?|"
                         r"ambassadors?|navigators?)\b(?!\s+to\b)")
#: Words for staff after a topic at the start ("mental health practitioners ...").
_STAFF_AFTER = re.compile(r"\s+(?:practitioners?|workers?|nurses?|therapists?|counsellors?|advocates?|"
                          r"clinicians?|specialists?)\b")
_ONLY_QUANTITY = re.compile(r"(?:(?:more|fewer|additional|extra|new|our|the|all|every|local|\d+)\s+)*")
_OFFENDING_WORDS = re.compile(r"\b(?:offend\w*|reoffend\w*|crimes?|criminal|first[- ]time|entrants?|"
                              r"custody|convict\w*|arrest\w*|sentenc\w*|antisocial|anti-social)\b")


#: A service named as the means to outcomes in general ("early help and intervention to deliver
#: improved outcomes for families"): the outcomes it serves are not named.
_MEANS_TO_OUTCOMES = re.compile(
    r"(?:\s+(?:and|or)\s+[\w-]+){0,2}\s+(?:to|that|which)\s+(?:deliver|delivers|achieve|achieves|secure|"
    r"secures|bring about|brings about|drive|drives|produce|produces|improve|improves)\s+"
    r"(?:(?:improved|better|good|positive|the best|best)\s+)?(?:outcomes|lives|life chances)\b")


def _service_name_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without the youth justice service when it is named as a place or team
    ("take part in their youth offending team plans") and no offending is named, without
    "work" when it is what a body does ("the work of the youth justice board"), and without a
    topic that names a role after the subject ("schools have a mental health lead")."""
    t = normalise(text)
    out = []
    for x in terms:
        if x.token == "employment" and _OF_A_BODY.match(t[x.end:]):
            continue  # "the work of the youth justice board": what a body does, not a job
        if x.token == "cp_plan" and _PROCESS_AFTER.match(t[x.end:]):
            continue  # "the voice of the child in child protection processes": where, not plans
        named = _SERVICE_AFTER.match(t[x.end:]) or (_TEAM_END.search(t[x.start:x.end])
                                                   and _ACTS.match(t[x.end:]))
        if x.token == "youth_justice" and named and not \
                _OFFENDING_WORDS.search(t[:x.start] + " " + t[x.end:]):
            continue
        if x.token in _SERVICES and _ACTS.match(t[x.end:]) and not _CHANGE_WORD.search(
                t[x.end:]) and not _WORD_BEFORE.search(
                re.sub(r"\b(?:the|our|their|local)\s+$", "", t[:x.start])):
            # "early help enables children to flourish": the service acts, naming no change it
            # counts ("early help reduces the need for statutory services" does)
            continue
        if x.token in _SERVICES and _MEANS_TO_OUTCOMES.match(t, x.end):
            # "early help and intervention to deliver improved outcomes for ...": the service
            # as the means to outcomes in general, no change in its own counts
            continue
        if _ROLE_AFTER.match(t[x.end:]) and len(t[:x.start].split()) >= 3:
            continue  # "schools have a designated mental health lead": a role, not the change
        if _STAFF_AFTER.match(t[x.end:]) and _ONLY_QUANTITY.fullmatch(t[:x.start]):
            continue  # "more mental health practitioners are recruited": their job, who they are
        out.append(x)
    return out


def _informed_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms, with "trauma-informed support" read as support (a quality of a service), not
    informal support from family and friends (the stems of "informed" and "informal" meet)."""
    t = normalise(text)
    return [Term("support", False, x.start, x.end, False)
            if x.token == "peer_support" and t[x.start:x.end].startswith("informed") else x
            for x in terms]


#: "Parents' relationships with their partners", "the relationship between partners" around a
#: pregnancy: a person's partner is one of a couple, not a partner agency. Partners are a couple
#: when they are someone's ("their partner") or, between partners, when the outcome is about
#: parents, a pregnancy or a baby; never when it names agencies, services or a partnership.
_PARTNER_WORD = re.compile(r"\b(?:(?P<own>their|his|her|my|your|a)\s+)?partners?$")
_COUPLE_CUES = re.compile(r"\b(?:parents?|mothers?|fathers?|mums?|dads?|pregnan\w*|bab(?:y|ies)|birth|"
                          r"couples?|expectant)\b")
_AGENCY_CUES = re.compile(r"\b(?:agenc\w*|services?|organisations?|organizations?|professionals?|"
                          r"practitioners?|partnerships?|safeguarding|council|police|schools?|"
                          r"multi-agency|providers?|sector)\b")


def _couple_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms, with partners who are one of a couple read as a couple (see _PARTNER_WORD):
    the relationship named with them stays a relationship."""
    t = normalise(text)
    if _AGENCY_CUES.search(t):
        return terms
    out = []
    for x in terms:
        m = _PARTNER_WORD.search(t[:x.end], max(0, x.start - 7)) if x.token == "multi_agency" else None
        if m and m.start("own" if m.group("own") else 0) < x.start and not re.match(r"partners?$",
                                                                                t[x.start:x.end]):
            m = None  # the possessive must be in the phrase, or the phrase only the word
        if m and (m.group("own") or _COUPLE_CUES.search(t)):
            if re.match(r"relationships?\b", t[x.start:x.end]):
                out.append(Term("relationships", False, x.start, x.start + t[x.start:].index(" "), True))
            x = Term("coupl", False, m.start(), x.end, True)
        out.append(x)
    return out


#: Access to or use of a named service or treatment ("access to evidence-based psychological
#: therapies", "increased use of the Independent Visitors service", "young people accessing the
#: youth counselling service"): using it is take-up, which the service's records count. A
#: service with no kind named ("access services and support", "community services", "local
#: support services") and support, help, opportunities or activities are not: what people can get
#: there is not one service's take-up.
_TAKE_UP_CUE = re.compile(
    r"\b(?:access|accesses|accessing|accessed|(?:make|makes|making|made)\s+use\s+of|"
    r"(?:the\s+)?use\s+of|using|uses|access\s+rates?\s+(?:to|for|of))\s+(?:to\s+)?"
    r"(?:the\s+|their\s+|a\s+|an\s+|our\s+|your\s+)?(?P<kind>(?:[\w'-]+\s+){1,6}?)"
    r"(?P<noun>services?|therapy|therapies|treatments?|counselling|hubs?|clinics?|drop-ins?|drop-in|"
    r"care(?!\s+(?:leavers?|experienced|homes?|proceedings|placements?|system|orders?)\b))\b")
#: Words inside what is accessed that show the service is not what is accessed ("access to health
#: support for care leavers": the people it is for; "access to and experience of care": a list).
_NOT_A_KIND = frozenset("""for to of in with from at on by about through they them need needs who
that which when where""".split())
#: Words that name no kind of service.
_NO_KIND = frozenset("""local community appropriate relevant right the these those public all other
support their our your wider range wide of good high-quality quality high universal available
specialist targeted statutory some any more new existing different various key to and or for in
with from at on by a an""".split())


def _take_up_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms, with the cue of access to or use of a named service read as the use of a
    service, which the service engagement measure counts (see _TAKE_UP_CUE)."""
    t = normalise(text)
    out = terms
    for m in _TAKE_UP_CUE.finditer(t):
        words = m.group("kind").split()
        kind = [w for w in words if w not in _NO_KIND]
        if not kind or _NOT_A_KIND & set(words):
            continue
        a, b = m.start(), m.start("kind")
        out = [x for x in out if not (a <= x.start < b)]
        out = sorted(out + [Term("service_use", False, a, b, True)], key=lambda x: x.start)
    return out


#: "Cared for children and young people" (some councils' name for children in care): the words
#: "cared for" before the people, not care given to them ("the quality of care for children").
_CARED_FOR = re.compile(r"\bcared[\s-]+for\s+(?:children|child|young people|young person)\b")


def _cared_for_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms, with "cared for children" read as children in care."""
    t = normalise(text)
    spans = [m.span() for m in _CARED_FOR.finditer(t)
             if not re.search(r"\b(?:are|is|be|been|being|were|was|feel|feels|felt)\s+$", t[:m.start()])]
    if not spans:
        return terms
    out = [x for x in terms if not any(a <= x.start < b for a, b in spans)]
    out += [Term("looked_after", False, a, b, True) for a, b in spans]
    return sorted(out, key=lambda x: x.start)


#: "Remain with members of their extended family", "placed with family and friends": living
#: with the wider family is kinship care; the wider family alone is the people around someone.
_LIVE_WITH = re.compile(r"\b(?:live|lives|living|remain|remains|remaining|stay|stays|staying|placed|"
                        r"cared for|brought up|looked after|raised|grow up|grows up|growing up)\s+"
                        r"(?:with|by|within)\s+(?:[\w'-]+\s+){0,4}?$")


def _kin_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms, with the wider family or family and friends read as kinship care when the
    outcome says the child lives with them."""
    t = normalise(text)
    return [Term("kinship", x.stop, x.start, x.end, True)
            if x.token == "family_friends" and _LIVE_WITH.search(t[:x.start]) else x
            for x in terms]


#: "Happy in their schools and settings", "happy at nursery": content with a place or service is
#: an experience of it, not a person's wellbeing.
_IN_A_PLACE = re.compile(r"\s+(?:in|at|with)\s+(?:their|the|a|his|her|our|your)?\s*(?:own\s+|local\s+|"
                         r"new\s+)?(?:schools?|settings?|nursery|nurseries|college|class|classes|"
                         r"placements?|clubs?|groups?|services?|support)\b")


#: "Engaged in their children's learning", "engagement with their community": engagement with
#: something other than a service is not take-up of one.
_ENGAGED_IN = re.compile(r"\s+(?:in|with)\s+(?:(?:the|their|a|an|our|his|her|its)\s+)?(?:[\w'-]+\s+){0,2}?"
                         r"(?P<what>[\w-]+)\b")
_SERVICE_OBJECTS = frozenset("""service services support programme programmes help team teams worker
workers offer sessions session group groups treatment therapy hub hubs centre centres plan plans
intervention interventions course courses work provision provider providers practitioners
professionals agencies clinic""".split())


def _engage_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms, with engagement in something that is not a service ("engaged in their
    children's learning") read as half the evidence a suggestion needs."""
    t = normalise(text)
    out = []
    for x in terms:
        m = _ENGAGED_IN.match(t, x.end) if x.token == "take_up" and "engag" in t[x.start:x.end] else None
        if m and m.group("what") not in _SERVICE_OBJECTS:
            x = Term(x.token, x.stop, x.start, x.end, False)
        out.append(x)
    return out


#: A record as the subject, showing something ("assessments evidence the voice of the child",
#: "plans clearly record ..."): what the records hold, which a case file audit reads.
_RECORD_SHOWS = re.compile(
    r"^(?:[\w'-]+\s+){0,3}?(?:assessments|plans|records|case files|case notes|case records|chronologies|"
    r"care plans|pathway plans|reports)\s+(?:clearly\s+|consistently\s+|always\s+|routinely\s+|now\s+)?"
    r"(?P<verb>evidence|reflect|include|record|capture|contain|set out)\b")


def _record_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms, with the verb of a record that shows something read as recording."""
    m = _RECORD_SHOWS.match(normalise(text))
    if not m:
        return terms
    a, b = m.span("verb")
    kept = [x for x in terms if not (a <= x.start < b)]
    return sorted(kept + [Term("recording", False, a, b, True)], key=lambda x: x.start)


#: "A leisure activity of their choice", "creative and cultural activities": an activity of a
#: kind that is not physical, which no measure of physical activity counts.
_ACTIVITY_KIND = re.compile(r"\b(?:leisure|creative|cultural|social|positive|extra-?curricular|arts?|"
                            r"music|youth|hobby|fun|enrichment|out-of-school|after-school|group|"
                            r"community|holiday|new)\s+(?:and\s+[\w-]+\s+)?$")


def _activity_kind_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without "activity" when a kind that is not physical comes before it."""
    t = normalise(text)
    return [x for x in terms
            if not (x.token == "activ" and t[x.start:x.end].startswith("activit")
                    and _ACTIVITY_KIND.search(t[:x.start]))]


#: "Schools adopt an anxiety-aware approach": taking up a way of working, not adoption.
_ADOPT_A_WAY = re.compile(r"\badopt(?:s|ed|ing)?\s+(?:an?|the|this|that|their|our|its|new)\s+"
                          r"(?:[\w-]+\s+){0,3}?(?:approach|approaches|model|models|policy|policies|"
                          r"framework|strategy|way|ways|practice|practices|programme|curriculum|"
                          r"standards?|charter|principles|tool|tools|culture)\b")


def _adopt_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without "adopt" where what is adopted is a way of working."""
    return _outside(_ADOPT_A_WAY, text, terms, token="adoption")


_CARE_WORDS = frozenset({"looked_after", "foster_carer", "kinship_carer", "kinship", "care_leaver",
                         "residential", "enter_care", "foster", "fostering", "ifa", "care"})
_SCHOOL_PLACE = frozenset({"placement", "out_of_area", "placement_move"})


def _school_placement_sense(text: str, terms: list[Term]) -> list[Term]:
    """Placements of pupils with SEND ("placed in specialist provision and out-of-county
    placements"), where no care is named, are school placements, not placements in care."""
    tokens = {x.token for x in terms if not x.stop}
    if "send" not in tokens or tokens & _CARE_WORDS:
        return terms
    return [Term("school_placement", x.stop, x.start, x.end, x.specific)
            if x.token in _SCHOOL_PLACE else x for x in terms]


def _place_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms, with being happy in a place or with a service read as half the evidence a
    suggestion needs (not a wellbeing scale alone)."""
    t = normalise(text)
    return [Term(x.token, x.stop, x.start, x.end, False)
            if x.token == "happy" and _IN_A_PLACE.match(t[x.end:]) else x for x in terms]


#: A place as somewhere to be ("make the borough a place where everyone is accepted", "a great place
#: to grow up"): the word "place" itself, which the stemmer meets with "placement", is not a
#: placement in care.
_PLACEMENT_FAMILY = frozenset({"placement", "out_of_area", "placement_move", "plac"})
_PLACE_NOUN = re.compile(r"\bplaces?\b")
#: Caring about something ("families care about their health"): a concern, not care.
_CARE_ABOUT = re.compile(r"\bcar(?:e|es|ed|ing)\s+(?:more\s+|deeply\s+)?about\b")
#: Happy as a state joined to other aims ("children are happy and have good opportunities", "have
#: every chance to succeed and be happy"): one aim of a vision, not a change in happiness, which
#: is said as a feeling or a comparison ("children feel happier", "report being happier").
_HAPPY_STATE = re.compile(r"\b(?:are|is|be|being|been|remain|remains|stay|stays|grow up)\s+happy\s+and\b"
                          r"|\band\s+(?:to\s+)?(?:are|is|be|being)\s+happy\b")
_PLACE_WORD = (r"(?:(?:the|their|our|your|a|his|her|its|own|local|public|wider)\s+){0,2}(?:homes?|schools?|"
               r"settings?|communit(?:y|ies)|neighbourhoods?|areas?|streets?|spaces?|online|places?)")
#: Safe in several places at once ("safe both at home and in the communities where they live",
#: "feel safe in their homes, schools and public spaces"): safety as a whole, not the care at home
#: nor the school that one of the places would point to.
_SAFE_ACROSS = re.compile(r"\bsafe(?:ty|r)?\s+(?:both\s+)?(?:(?:at|in|within)\s+)?" + _PLACE_WORD
                          + r"(?:\s*(?:,|\band\b|,\s*and\b)\s*(?:(?:at|in|within)\s+)?" + _PLACE_WORD + r")+")
#: A town or borough praised as a place to live ("an amazing place to live, work and grow up", "the
#: best place to live"): a vision of the area, not a home that housing records count.
_PLACE_TO_LIVE_IN = re.compile(
    r"\bplace\s+to\s+live(?=\s*(?:,|\band\b|\bor\b)\s*(?:and\s+)?(?:work|visit|learn|study|play|grow up|"
    r"raise|bring up|invest|belong|thrive|age)\b)"
    # (not "a better place to live", "a good place to live": a family's move or home may be)
    r"|\b(?:amazing|great|greatest|best|brilliant|wonderful|fantastic|attractive|vibrant|lovely|"
    r"excellent|welcoming|fairer|inclusive)\s+places?\s+to\s+live\b")


def _place_noun_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without a placement read from the noun "place" (_PLACE_NOUN), without a home read
    from an area praised as a place to live (_PLACE_TO_LIVE_IN), without care read
    from caring about something (_CARE_ABOUT), with happy as a state joined to other aims read as
    half the evidence a suggestion needs (_HAPPY_STATE), and without the places of safety in
    several places at once (_SAFE_ACROSS)."""
    t = normalise(text)
    about = [m.start() for m in _CARE_ABOUT.finditer(t)]
    happy = [m.span() for m in _HAPPY_STATE.finditer(t)]
    across = [m.span() for m in _SAFE_ACROSS.finditer(t)]
    area = [m.span() for m in _PLACE_TO_LIVE_IN.finditer(t)]
    out = []
    for x in terms:
        if x.token in _PLACEMENT_FAMILY and _PLACE_NOUN.search(t, x.start, x.end):
            continue
        if any(a <= x.start < b for a, b in area):
            continue  # "a great place to live, work and grow up": the area, not a home
        if x.start in about:
            continue
        if any(a <= x.start < b for a, b in across) and not re.fullmatch(
                r"safe(?:ty|r)?", t[x.start:x.end]):
            continue  # the places, and a concept of safety in one of them ("safe at home")
        if x.token == "happy" and t[x.start:x.end] == "happy" and any(
                a <= x.start < b for a, b in happy):
            x = Term(x.token, x.stop, x.start, x.end, False)
        out.append(x)
    return out


_HARM_KIND = (r"(?:(?:[\w-]+\s+)?(?:harm|abuse|neglect|exploitation|maltreatment|violence|bullying|"
              r"harassment|danger|dangers|crime|victimisation|trafficking|radicalisation|extremism))")
#: Safe from several harms at once ("kept safe from harm, abuse and neglect", "protected from abuse
#: and exploitation"): safety as a whole, which no one family's care (the Graded Care Profile's
#: grading of the care a child gets at home) measures.
_SAFE_FROM_HARMS = re.compile(
    r"\b(?:safe|safer|protected|free|kept safe)\s+from\s+(?:all\s+(?:forms\s+of\s+)?)?" + _HARM_KIND
    + r"(?:\s*(?:,\s*(?:and\s+|or\s+)?|\band\s+|\bor\s+)" + _HARM_KIND + r")+")
#: Everyone as the subject ("everyone is safe from ...", "all residents are ..."): people of every
#: age, whom no measure of children at risk counts.
_EVERYONE_SUBJECT = re.compile(r"^(?:(?:we want|ensure|ensuring|make sure)\s+(?:that\s+)?)?"
                               r"(?:everyone|everybody|all people|all residents|residents|people)\s+"
                               # "everyone in the borough is ...", "everyone who lives here is ..."
                               r"(?:(?:in|across|of|who\s+lives?\s+in|living\s+in|who\s+lives?)\s+"
                               r"(?:[\w'-]+\s+){0,4}?)?"
                               r"(?:is|are|feels?|stays?|remains?|can|will|lives?)\b")
_CHILD_NAMED = re.compile(r"\b(?:child|children|childhood|young|youth|pupils?|teenagers?|babies|baby|"
                          r"adolescents?|boys|girls)\b")


def _harms_listed_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without neglect when it is one of several harms people are kept safe from
    (_SAFE_FROM_HARMS), and without any of those harms when the people are everyone and no child
    is named (_EVERYONE_SUBJECT): an aim of safety as a whole."""
    t = normalise(text)
    lists = [m.span() for m in _SAFE_FROM_HARMS.finditer(t)]
    if not lists:
        return terms
    everyone = bool(_EVERYONE_SUBJECT.match(t)) and not _CHILD_NAMED.search(t)
    out = []
    for x in terms:
        inside = any(a <= x.start < b for a, b in lists)
        if inside and not x.stop and (everyone and x.token != "safe_from" or x.token == "neglect"):
            continue
        out.append(x)
    return out


#: A stage of school as the time a change is seen ("obesity at the end of the foundation stage",
#: "overweight by the end of year 6"): when, not the stage's own assessment, unless what changes is
#: learning or development (whose measure the stage names: "a good level of development at the end
#: of the foundation stage").
_STAGE_WHEN = re.compile(r"\b(?:at|by|before)\s+the\s+end\s+of\s+(?:the\s+)?(?:early\s+years\s+)?"
                         r"(?:foundation\s+stage|reception(?:\s+year)?|key\s+stage\s+\w+|year\s+\w+|"
                         r"primary\s+school)\b")
_LEARNING_DOMAINS = frozenset({"education", "early_years"})


def _stage_when_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without a stage of school said as when (_STAGE_WHEN), after a change named
    specifically that is not learning or development."""
    t = normalise(text)
    stages = [m.span() for m in _STAGE_WHEN.finditer(t)]
    if not stages:
        return terms
    domains = vocabulary().domains
    first = stages[0][0]
    before = [x for x in terms if not x.stop and x.specific and x.end <= first]
    if not before or any(_LEARNING_DOMAINS & set(domains.get(x.token, ())) for x in before):
        return terms
    return [x for x in terms if not any(a <= x.start < b for a, b in stages)]


#: Skills for the life after care ("the skills you need to build your future beyond care",
#: "skills for when they leave care"): the skills to live independently (life skills).
_SKILLS_AFTER_CARE = re.compile(r"\bskills?\b[^,;.]{0,50}?\b(?:beyond|after|leav(?:e|es|ing))\s+care\b")


def _skills_after_care_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms, with skills for the life after care read as life skills (_SKILLS_AFTER_CARE)."""
    t = normalise(text)
    starts = {m.start() for m in _SKILLS_AFTER_CARE.finditer(t)}
    return [Term("life_skills", False, x.start, x.end, True) if x.start in starts and x.token == "skills"
            else x for x in terms]


#: "Educate children and young people to manage risks", "educating parents about ...": teaching
#: people something, which is what the service does; the change is what they then know or do,
#: not education as a setting or attainment.
_EDUCATE_PEOPLE = re.compile(r"\beducat(?:e|es|ing)\s+(?!in\b|at\b)(?=[\w'-]+)")


def _educate_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without the verb "educate" said of people taught something (_EDUCATE_PEOPLE)."""
    t = normalise(text)
    starts = {m.start() for m in _EDUCATE_PEOPLE.finditer(t)}
    return [x for x in terms if x.start not in starts]


#: Young people heard as a group ("young people are heard", "children and young people feel
#: heard"), or a pledge to listen with nothing more said ("make sure we listen to you"): their voice
#: in what the council and its services do, which a participation standard assesses, not one
#: family's experience of a service.
_GROUP_HEARD = re.compile(
    r"^(?:(?:all|our|more|local)\s+)?(?:children\s+and\s+)?(?:young people|youth)\b"
    r"|^(?:(?:make sure|ensure)\s+(?:that\s+)?)?we(?:'ll|\s+will)?\s+(?:always\s+)?listen\s+to\s+you\s*[.!]?$")
#: A relation with a service, a worker or one's own case, or a status that makes the people a
#: service's users ("listened to by their social worker", "heard in their reviews", "with SEND",
#: "listened to by the youth service").
_HEARD_BY_SERVICE = re.compile(
    r"\b(?:workers?|practitioners?|staff|professionals?|teachers?|carers?|reviews?|plans?|meetings?|"
    r"assessments?|care|cared|support|supported|satisfied|send|ehcps?|disabilit\w*|special educational|"
    r"own|school|schools|court|police|justice|offend\w*)\b"
    r"|\bby\s+(?:the\s+|their\s+|a\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:services?|teams?|hubs?|council)\b")


#: Views "taken into account" (or "into consideration"), and the words naming a case record or a
#: decision about one person's life ("documented", "decisions about their care"): without them the
#: views count in what is decided for people in general, which no case file audit reads.
_VIEWS_COUNT = re.compile(r"\b(?:views?|opinions?|wishes|voices?|ideas|feelings)\b[^,;.]{0,40}?"
                          r"\b(?P<taken>taken\s+into\s+(?:account|consideration))\b")
_CASE_RECORD = re.compile(r"\b(?:documented|recorded|records?|files?|case|cases)\b"
                          r"|\bdecisions?\b[^,;.]{0,40}?\b(?:life|lives|care|future|futures)\b")


def _group_voice_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms, with being heard or listened to read as participation when it is said of young
    people as a group, or pledged with nothing more said (_GROUP_HEARD), and no relation with a
    service, worker or case is named (_HEARD_BY_SERVICE); without views "taken into account" read
    as recording when no service, worker or case record is named (_VIEWS_COUNT, _CASE_RECORD)."""
    t = normalise(text)
    by_service = bool(_HEARD_BY_SERVICE.search(t))
    group = bool(_GROUP_HEARD.search(t)) and not by_service and not _everyone(text)
    unrecorded = set() if by_service or _CASE_RECORD.search(t) else {
        m.start("taken") for m in _VIEWS_COUNT.finditer(t)}
    out = []
    for x in terms:
        views = x.token == "recording" and x.start in unrecorded
        if group and (x.token == "listened" or views):
            x = Term("hear", False, x.start, x.end, True)
        elif views:
            continue  # "has their views taken into account": no case record is read
        out.append(x)
    return out


#: Words before "offences" that count offences in general, not one kind of them.
_ANY_OFFENCE = frozenset("""fewer more less no any all further repeat new first proven recorded
reported total number of the their criminal youth committing commit committed""".split())
_OFFENCE_WORD = re.compile(r"offen[cs]es\b")
_WORD_BEFORE = re.compile(r"([a-z][\w-]*)\s+$")


def _offence_kind_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without offending named as one kind of offence ("shoplifting offences",
    "drug-related offences", "violence without injury offences") and without the kind: a count
    of one kind is police-recorded crime, not the entry of children to youth justice nor their
    reoffending, and the kind ("drug-related") is not a change of its own."""
    t = normalise(text)
    kinds = []
    for x in terms:
        if x.token == "offending" and _OFFENCE_WORD.match(t, x.start):
            start = x.start
            for _ in range(3):  # the kind: up to three words before, back to a counting word
                before = _WORD_BEFORE.search(t[:start])
                if not before or before.group(1) in _ANY_OFFENCE:
                    break
                start = before.start(1)
            if start < x.start:
                kinds.append((start, x.end))
    # A kind the library counts on its own (offences involving knives) stays, as that count.
    return [x for x in terms if x.token in _COUNTED_KINDS
            or not any(a <= x.start < b for a, b in kinds)]


#: Kinds of offence the library counts on their own (police-recorded offences involving knives).
_COUNTED_KINDS = frozenset({"knife_crime"})
#: "Offences are recorded", "crimes recorded by the police": how a count of offences is kept, not
#: the recording of practice that a case file audit reads.
_RECORDED_COUNT = re.compile(r"\b(?:offences|offending|crimes?|incidents)\s+(?:(?:are|is|were|was|being|"
                             r"that are|as)\s+)?recorded\b")


def _recorded_count_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without "recorded" where it says how offences or incidents are counted
    ("fewer knife crime offences are recorded across the county")."""
    return _outside(_RECORDED_COUNT, text, terms, token="recording")


def _victim_sense(terms: list[Term]) -> list[Term]:
    """The terms, with offending words read as harm to victims after "(feel) safe from" or
    "victim"."""
    out, victim = [], False
    for i, t in enumerate(terms):
        after = terms[i + 1].token if i + 1 < len(terms) else ""
        if t.token in _VICTIM_CUES or (t.token == "feel_safe" and after == "from"):
            victim = True
        elif victim and t.token in _OFFENDER_SENSE:
            t = Term("harm_from_crime", False, t.start, t.end, t.specific)
        out.append(t)
    return out


#: "Understanding of domestic abuse", "aware of exploitation", "experience of the youth justice
#: system": what people know, think of or use. The words after these cues name the subject, not
#: the change, so a count from records about that subject (domestic abuse incidents, first-time
#: entrants) is not suggested for them; a survey or questionnaire about it may be.
_FRAME_ALWAYS = frozenset({"understand", "awar", "know", "knowledg", "control", "recognis",
                           "recogniz", "realis", "acknowledg", "insight", "skills", "strategi",
                           "capability", "design", "redesign", "commiss"})
_FRAME_BEFORE = frozenset({"experience", "access", "view", "perception", "inform", "discuss",
                           "toler", "attitud",
                           "disclos", "disclosur",
                           "talk", "stigma", "conversat",
                           "caus", "driver", "respons"})
_GENERIC_HEADS = frozenset({"support", "help", "servic", "service", "access", "offer", "inform",
                            "opportun", "provid", "provision", "advic"})
_PROVISION = frozenset({"support", "help", "advic", "provision", "opportun", "offer"})
_FRAME_PREPOSITIONS = frozenset({"of", "to", "on", "about", "toward", "towards", "with"})


#: "Health visitors ask every mother about domestic abuse", "school nurses screen all pupils",
#: "midwives offer every woman a mental health check": what staff do with families is practice
#: (a case file audit or a fidelity log), not the thing they ask about or screen for.
_STAFF_PRACTICE = re.compile(
    r"^(?:[\w-]+\s+){0,2}?(?:health visitors?|school nurses?|nurses?|midwives|midwife|gps?|"
    r"doctors?|teachers?|schools?|social workers?|practitioners?|workers?|staff|professionals?|"
    r"officers?|police officers?|clinicians?|key ?workers?|youth workers?|therapists?|"
    r"early help workers?|family support workers?|personal advisers?)\s+(?:routinely\s+|always\s+|"
    r"consistently\s+|now\s+|regularly\s+|systematically\s+)?(?:ask|screen|offer|record|assess|"
    r"check|visit|discuss|complete|deliver|provide|refer|identify)\b")
#: Concepts saying an outcome is about practice or process compliance ("assessments are routinely
#: completed", "plans reviewed with management oversight"): a case-file audit, not a count.
_PROCESS = frozenset({"recording", "audit"})

_PROVIDE = (r"(?:support|provide|deliver|offer|work|encourage|help|promote|enable|run|commission|"
            r"create|give|ensure|raise|signpost|equip|empower|invest|facilitate|train|establish|"
            r"introduce|expand|extend|strengthen|embed|co-ordinate|coordinate|develop|design|produce|"
            r"publish|review|launch|set up|put in place|implement|build|use)")
#: An activity statement: what the service will do ("We will support young people to make
#: informed decisions about their health", "Our youth workers will help ...", "Supporting
#: schools and colleges to provide ..."), an intention of the service, not a change in people.
#: Only a count from records (take-up, a routine figure the activity aims at) may measure it.
_ACTIVITY = re.compile(
    r"^(?:(?:we|we'll|(?:the|our)\s+(?:[\w-]+\s+){0,3}?(?:service|services|team|teams|council|"
    r"partnership|partners|programme|project|workers|staff|practitioners|board|hub|hubs))\s+"
    r"(?:will|shall|aim to|are going to|plan to|intend to|commit to)\s+(?:continue to\s+|also\s+)?"
    + _PROVIDE + r"|(?:embed|establish|introduce|commission|deliver|provide|implement|roll out|"
    r"launch|set up|put in place|publish|co-locate|recruit and train|train)\s+(?!more\b|fewer\b)"
    r"|(?:support|promote|encourage|enable|foster|nurture)\s+(?!(?:more|fewer|less|"
    r"better|improved|increased|reduced)\b)(?:[\w/'-]+\s+){0,3}?(?:wellbeing|well-being|health|"
    r"development|learning|resilience|independence)\s*(?:[,;.]|$)"
    r"|(?:supporting|enabling|helping|encouraging|empowering|equipping|enable|empower|"
    r"equip)\s+(?:[\w/'-]+\s+){1,8}?to\s+(?!the\b|their\b|a\b|an\b)\w+|(?:providing|delivering|"
    r"offering|giving|commissioning|funding|running|establishing|equipping|enabling|empowering)\s+"
    r"(?:[\w/'-]+\s+){0,4}?(?:with|to|for)\b)\b")


#: A change an activity statement names ("... to cut the number of exclusions"): only a count
#: from records of that change may measure it.
_CHANGE_WORD = re.compile(r"\b(?:more|fewer|less|lower|higher|reduc\w*|increas\w*|cut|cuts|"
                          r"prevent\w*|improv\w*|decreas\w*|halve|avoid\w*|no longer|stop|stops|"
                          r"(?:do|does|will) not go on to|(?:to\s+)?be\s+ready\s+(?:for|to)\s+(?:school|start\s+school|"
                          r"learn))\b")


#: A document as the subject, written, agreed or put in place ("a new early help strategy is
#: published", "the local offer is co-produced"): the service's output, not a change in people.
_DOCUMENT_DONE = re.compile(
    r"^(?:[\w'-]+\s+){0,5}?(?:strategy|strategies|policy|policies|protocol|protocols|pathway|"
    r"pathways|framework|frameworks|guidance|procedures?|toolkits?|charter|local offer|website|"
    r"directory|handbook|leaflets?)\s+(?:is|are|has been|have been|will be|gets|get)\s+"
    r"(?:\w+\s+)?(?:published|agreed|developed|written|produced|launched|in place|signed off|adopted|"
    r"refreshed|updated|co-produced|coproduced|implemented|rolled out|created|put in place|"
    r"approved|made available|available)\b")


#: "Make sure that <settings> support ...", or provision in the passive ("opportunities ... are
#: promoted"): what the service does, not a change in people.
_PROVIDER_ACTS = re.compile(
    r"^(?:(?:make sure|ensure)\s+(?:that\s+)?(?:all\s+)?(?:[\w'-]+\s+){0,6}?(?:providers?|settings?|"
    r"schools?|services?|teams?|partners?|agencies)\s+" + _PROVIDE + r"\b)")
_PASSIVE_PROVISION = re.compile(r"\b(?:is|are|will be|should be)\s+(?:actively\s+|further\s+)?(?:promoted|"
                                r"encouraged|provided|offered|made available|championed|delivered|"
                                r"rolled out|taught|given|opened|launched|introduced|set up|available|"
                                r"established|commissioned|funded)(?:\s+(?:in|at|across|to|for|by)\s+[^,;.]*)?\s*(?:[,;.]|$)")


#: A place or service as the subject that opens or starts ("a family hub opens in each
#: locality", "youth clubs open later"): the service's output, not a change in people.
_SERVICE_OPENS = re.compile(r"^(?:[\w'-]+\s+){0,4}?(?:hubs?|centres?|centers?|clubs?|clinics?|services?|"
                            r"groups?|cafes?|caf\u00e9s?|spaces?|sessions?|drop-ins?|teams?)\s+"
                            r"(?:opens?|launch(?:es)?|starts?|begins?)\b")


def _activity(text: str) -> str:
    """"" when the statement is not an activity of the service (see _ACTIVITY); "change" when
    it is one aimed at a change it names, "provision" otherwise."""
    t = normalise(text)
    if _PLEDGE_TO_YOU.match(t):
        return ""  # "we will help you stay in touch with your family": the change in "you"
    if _SERVICE_OPENS.match(t):
        return "change" if _CHANGE_WORD.search(t) else "provision"
    provided = _PASSIVE_PROVISION.search(t)
    if _DOCUMENT_DONE.match(t) or (provided and not _CHANGE_WORD.search(t, 0, provided.end())):
        return "provision"  # not "the service is delivered at lower cost": a change
    if _PROVIDER_ACTS.match(t):
        return "change" if _CHANGE_WORD.search(t) else "provision"
    if not _ACTIVITY.match(t):
        return ""
    return "change" if _CHANGE_WORD.search(t) else "provision"


#: A pledge to the person it is addressed to ("We will help you stay in touch with your brothers
#: and sisters", "We'll support you to do well at school"; corporate parents' pledges to children
#: in care): what follows "you" is a change in that person, not the service's provision.
_PLEDGE_TO_YOU = re.compile(r"^we(?:'ll|\s+ll|\s+will|\s+shall)?\s+(?:always\s+|also\s+|continue\s+to\s+)?"
                            # "we promise to help you ...", "we will try to help you ..."
                            r"(?:(?:promise|pledge|commit|try|aim)\s+to\s+)?"
                            r"(?:help|support|encourage|enable)\s+(?:you|each of you)\s+(?:to\s+)?"
                            r"(?!with\b|through\b|by\b|if\b|when\b|in\b)\w"
                            # what the pledge gives "you" for a purpose ("provide you with guidance to
                            # find a home", "we'll make sure you have ..."): what "you" then have or
                            # do, as an outcome says it
                            r"|^(?:we(?:'ll|\s+ll|\s+will|\s+shall)?\s+(?:always\s+|also\s+)?)?"
                            r"(?:(?:provide|give|offer)\s+you\s+with\b[^,;.]*?\bto\s+(?!live\b)\w+|"
                            r"(?:make sure|ensure)\s+(?:that\s+)?you\s+(?:have|get|are|can|feel))\b")
#: An aim for a generation ("so that domestic abuse is prevented in the next generation") or a
#: responsibility shared by everyone ("domestic abuse is everybody's business"): what no
#: evaluation's data can show changing in the people it works with.
_ASPIRATION = re.compile(r"\b(?:next|future|coming)\s+generations?\b"
                         r"|\b(?:everybody|everyone)(?:['\u2019]s)?\s+(?:business|responsibility|concern)\b"
                         r"|\b(?:a|our|the)\s+(?:shared|collective)\s+responsibility\b")
#: Everyone in a population named first ("every child", "all young people", "everyone who lives
#: here"), and the words naming a service, a worker or a plan, whose users a survey could ask.
_EVERYONE = re.compile(r"^(?:(?:we want|ensure|ensuring|make sure)\s+(?:that\s+)?)?"
                       r"(?:every|everyone|everybody|all)\b"
                       # a later clause of a pledge ("we'll celebrate who you are and make sure
                       # everyone is treated with respect"): everyone, not the service's users
                       r"|\b(?:ensure|ensuring|make sure)\s+(?:that\s+)?(?:everyone|everybody)\b")
_SERVICE_NAMED = re.compile(
    r"\b(?:services?|workers?|professionals?|practitioners?|staff|teams?|plans?|reviews?|"
    r"meetings?|assessments?|support|supported|help|programmes?|hubs?|schools?|care|carers?|"
    r"adviser|advisers|decisions?|consulted|involved)\b")


#: Decisions about a community, an area or the world: a say in public life, not in one's care.
_CIVIC = re.compile(r"\bdecisions?\b[^,;.]{0,40}?\b(?:community|communities|area|areas|world|"
                    r"neighbourhoods?|town|city|borough|county|country|society|democracy)\b")


def _everyone(text: str) -> bool:
    """True when an outcome is for everyone in a population and names no service, worker,
    plan or decision ("every child feels safe and heard"), or is about a say in public
    decisions ("involved in decisions about their lives and world")."""
    t = normalise(text)
    return bool(_EVERYONE.search(t)) and not _SERVICE_NAMED.search(t) or bool(_CIVIC.search(t))


#: "Children in the youth justice system with a mental health need attend ...", "children on
#: child protection plans have their wishes recorded": a status phrase at the start says who
#: the outcome is about, up to the verb that says what changes.
_STATUS = re.compile(
    r"^(?:\w+\s+){0,2}?(?:children|young people|pupils|families|parents|care leavers|those|boys|girls)"
    r"(?:\s+and\s+young people)?\s+(?P<prep>" + "|".join(STATUS_LINKS) + r")\s+(?P<what>.*?)\b(?:who|have|has|attend|attends|"
    r"get|gets|take|takes|feel|feels|are|is|will|can|receive|receives|make|makes|achieve|achieves|"
    r"show|shows|remain|remains|stay|stays|do|does|move|moves|go|goes|enter|enters|find|finds|"
    r"gain|gains|access|accesses|engage|engages|sustain|sustains|live|lives|say|says|complete|completes|"
    r"finish|finishes)\b")


def _status_span(text: str) -> tuple[int, int] | None:
    m = _STATUS.search(normalise(text))
    if not m or not m.group("what").strip():
        return None
    # From the preposition ("subject to child protection plans" is one concept), except for a
    # risk, which the concept may name whole ("at risk of exploitation": what the work prevents).
    at_risk = m.group("prep") in ("at risk of", "on the edge of")
    return (m.start("what") if at_risk else m.start("prep"), m.end("what"))


_PEOPLE_WORDS = (r"(?:children|young people|pupils|families|parents|carers|caregivers|care leavers|mothers|"
                 r"fathers|women|men|adults|people|those|households|babies|boys|girls)")
#: The verb of a main clause after a who-phrase ("... develop a sense of self-worth").
_MAIN_VERB = (r"\b(?:have|has|attend|attends|get|gets|take|takes|feel|feels|are|is|will|can|receive|"
              r"receives|make|makes|achieve|achieves|show|shows|remain|remains|stay|stays|do|does|"
              r"move|moves|go|goes|enter|enters|find|finds|gain|gains|access|accesses|engage|"
              r"engages|sustain|sustains|live|lives|say|says|develop|develops|maintain|maintains|"
              r"keep|keeps|return|returns|become|becomes|build|builds|report|reports|know|knows|"
              r"understand|understands|use|uses|enjoy|enjoys|experience|experiences|stop|stops|recover|"
              r"recovers|cope|copes|thrive|thrives|settle|settles|succeed|succeeds|progress|"
              r"progresses|from\s+\w+ing)\b")
#: "Women who have had children removed develop ...", "children who cannot live with their
#: parents remain ...", "perpetrators of exploitation are held to account", "adopted children
#: feel ...": the people and what is said of them, up to the main verb, say who the outcome is
#: about; the main verb and what follows say what changes. With no main verb after it ("fewer young people who offend") the
#: phrase is the change itself.
_WHO_SUBJECT = re.compile(
    r"^(?:\w+\s+){0,3}?(?:(" + _PEOPLE_WORDS + r")\s+(?:who|whose|that)\s+(?:(?:have|has|had|are|"
    r"were|is|was|cannot|can not|can't|do|does|did|not|never|been|being)\s+)*\w+|"
    r"(" + _PEOPLE_WORDS + r")\s+(?:where there (?:is|are|has been|have been)|affected by|"
    r"living with|experiencing|attending|accessing|completing|taking part in|referred to|"
    r"supported by|helped by|seen by|working with|using|at risk of,? or (?:who have )?(?:experienced|"
    r"been affected by|affected by|suffered))\s+|"
    r"((?:perpetrators?|victims?|survivors?|victim-survivors?|(?:young\s+)?offenders)(?:\s+of\s+)?|"
    r"(?:adopted|looked after|looked-after|fostered|exploited|excluded|care-experienced|"
    r"care experienced|bereaved|homeless)\s+" + _PEOPLE_WORDS + r"\s*))(.*?)(?<!\bor )(?<!\band )"
    + _MAIN_VERB)
#: "The wellbeing of families where there is drug misuse", "friendships for young people living
#: with a disability", "the health of children in workless and disadvantaged families": after
#: the change, the people it is for and what is said of them, to the
#: end of the clause. Not after "the number of" ("reduce the number of children affected by
#: domestic abuse": that is the change).
_WHO_AFTER = re.compile(
    r"(?<!number )(?<!proportion )(?<!rate )(?<!percentage )(?<!% )\b(?:of|for|among|amongst|with|to|"
    r"between)\s+"
    r"(?:\w+\s+){0,2}?(" + _PEOPLE_WORDS + r")\s+(?:where there (?:is|are|has been|have been)|"
    r"affected by|living with|living in|living on|experiencing|at risk of|who|whose|in poverty|"
    r"(?:eligible for|on|receiving|entitled to) free school meals|on (?:a\s+)?low incomes?|"
    r"in (?:temporary|emergency|unsuitable|overcrowded|poor) (?:accommodation|housing)|"
    r"attending|accessing|using|taking part in|supported by|"
    r"(?:in|from)\s+(?:[\w-]+\s+(?:and\s+)?){1,4}?"
    r"(?:families|households|homes|communities|areas|neighbourhoods))\b"
    # to the end of the clause, not into where the gap is ("... and their peers across all Key
    # Stages")
    r"(?:(?!\s(?:across|throughout|at (?:every|each|all|key)|by the end of)\b)[^,;.])*")


#: The circumstances of people after a change ("for children living in temporary accommodation",
#: "in poverty", "on free school meals"): who the change is for, unless the clause counts them.
_CIRCUMSTANCE = re.compile(r"\s+(?:living in|living on|in poverty|(?:eligible for|on|receiving|entitled to) "
                           r"free school meals|in (?:temporary|emergency|unsuitable|overcrowded|poor) "
                           r"(?:accommodation|housing))\b")
_PEOPLE_COUNTED = re.compile(r"\b(?:fewer|number|numbers|proportion|rate|percentage|share)\b")


#: A harm before the people it names, at the start ("domestic abuse survivors ..."): who.
_HARM_NAMES_PEOPLE = re.compile(r"((?:[\w'-]+\s+){1,3}?)(?:victims?|survivors?|victim-survivors?)\b"
                                r"(?!\s+of\b)")


def _who_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of phrases saying who an outcome is about, not what changes."""
    t = normalise(text)
    out = []
    kept = []  # who-phrases kept whatever they say may happen ("at risk of or who have ...")
    m = _WHO_SUBJECT.search(t)
    if m:
        # The people named count as they would alone ("parents ... feel less stressed"); a
        # perpetrator, a victim or an adopted child is who as a whole.
        span = (m.end(1) if m.group(1) else m.end(2) if m.group(2) else m.start(3), m.end(4))
        if m.group(3) and re.match(r"victim|survivor", m.group(3)):
            # "Domestic abuse victims return to ...": the harm before them names them too
            span = (m.start(), span[1])
        (kept if m.group(2) and "at risk of" in t[span[0]:m.start(4)] else out).append(span)
    else:
        m = _HARM_NAMES_PEOPLE.match(t)
        if m and m.group(1).split()[0] not in _MORE_OR_LESS:
            out.append((0, m.end()))  # "Domestic abuse survivors rebuild ...", whatever verb
    m = _WHO_CIRCUMSTANCE.search(t)
    if m:
        out.append((m.end(1), m.end()))
    m = _AT_RISK_GET.search(t)
    if m:
        kept.append((m.end(1), m.start(2)))
    for m in _WHO_AFTER.finditer(t):
        if _CIRCUMSTANCE.match(t, m.end(1)) and _PEOPLE_COUNTED.search(
                t[max(t.rfind(c, 0, m.start()) for c in ",;.") + 1:m.start()]):
            continue  # "fewer families with children living in temporary accommodation": counted
        if m.start() > 0:
            # "self-esteem among girls at risk of exploitation": after the change, the risk
            # says who it is for
            at_risk = t[m.end(1):].lstrip().startswith("at risk of")
            (kept if at_risk else out).append((m.end(1), m.end()))
    out.extend((m.end(1), m.end()) for m in _WITH_CONDITION.finditer(t) if m.start() > 0)
    for m in _AFFECTED.finditer(t):
        clause = t[max(t.rfind(c, 0, m.start()) for c in ",;.") + 1:m.start()]
        if not _COUNTED.search(clause):
            out.append((m.end(1), m.end()))  # "support ... for men affected by domestic abuse"
    # "Families whose children might otherwise be removed": what may happen to them is what
    # the service prevents, so it is the change, not who.
    return kept + [(a, b) for a, b in out if not _MAY_HAPPEN.search(t[a:b])]


#: "Working age people in low income families gain employment", "children from low-income
#: households ...": the circumstances of the people named first say who, not what changes.
_WHO_CIRCUMSTANCE = re.compile(
    r"^(?:[\w-]+\s+){0,3}?(" + _PEOPLE_WORDS + r")\s+(?:in|from|living in|growing up in)\s+"
    r"(?:[\w-]+\s+(?:and\s+|or\s+)?){0,4}?(?:families|family|households|household|poverty)\b"
    r"(?=\s*,?\s*(?:" + _MAIN_VERB + r"|\b(?:fulfil|fulfils|reach|reaches|realise|realises)\b))")
#: "Families most at risk of poverty get person-centred support", "young people at risk of
#: exclusion get mentoring": when what the people get is help, what they are at risk of or in
#: says who it is for; the help they get is the change (a family survey, take-up), not a count
#: of the risk.
_AT_RISK_GET = re.compile(
    r"^(?:[\w-]+\s+){0,3}?(" + _PEOPLE_WORDS + r")\s+(?:(?:most|more|who are|already)\s+)?"
    r"(?:at risk of|in|living in|affected by|experiencing|facing)\s+"
    r"(?:(?!(?:are|is|and|who|get|gets|have|has)\b)[\w'-]+\s+){1,4}?"
    r"((?:get|gets|receive|receives|are offered|is offered|are given|is given|have access to|"
    r"has access to|can access|access|are referred to|are supported by)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:support|help|advice|mentoring|services?|activities|interventions?|programmes?|"
    r"sessions|a mentor|a key worker|a trusted adult|therapy|counselling|holiday))\b")
#: "Positive attachment between mothers with perinatal mental health problems and their child":
#: people with a named condition, after what changes, say who it is for.
_WITH_CONDITION = re.compile(
    r"\b(" + _PEOPLE_WORDS + r")\s+with\s+(?:[\w-]+\s+){1,5}?(?:problems?|needs|difficulty|difficulties|"
    r"issues?|disability|disabilities|conditions?|illness|illnesses|diagnosis|diagnoses)\b")
#: People "affected by" or "impacted by" a harm, anywhere, up to a main verb: being affected names
#: who, not the count of the harm, unless the clause counts those people ("fewer families
#: affected by ...").
_AFFECTED = re.compile(r"\b(" + _PEOPLE_WORDS + r")\s+(?:who\s+(?:are|were|is|have been|has been)\s+)?"
                       r"(?:affected|impacted)\s+by\b(?:(?!" + _MAIN_VERB + r")[^,;.])*")
_COUNTED = re.compile(r"\b(?:fewer|less|number|numbers|proportion|rate|percentage|reduc\w*)\b")
_MAY_HAPPEN = re.compile(r"\b(?:otherwise|might|could|would|at risk|edge of|likely)\b")


#: "Parents are helped to care for their children", "supported to stay at home": what follows the
#: participle and "to" is the change itself, not a kind of support.
_PARTICIPLE_TO = re.compile(r"\w+ed\s+to\s+(?!the\b|their\b|a\b|an\b|families\b|children\b|"
                            r"parents\b|people\b|young\b)")
#: "Links between schools and mental health services", "transitions between nursery and school":
#: the services or settings named after the link or move say where, not what changes.
_BETWEEN = re.compile(r"\s*(?:between|with|across|from|into|to)\b")
#: Joint working as what people do ("work more closely together", "collaborate"), not a word
#: for partners ("partner family-support teams").
_WORK_TOGETHER = re.compile(r"\b(?:work|working|collaborat|coordinat|join)")


#: What a change follows or recovers from ("after domestic abuse", "recover from the negative
#: impacts of ..."): a harm there is context, not the thing counted.
_AFTERMATH = re.compile(r"\b(?:(?<!looked )(?<!looked-)(?<!look )(?<!looking )after|following|in the aftermath of|recover(?:s|y|ing)? from|"
                        r"heal(?:s|ing)? from|overcome|overcoming|cope with|coping with)\b")
_CAUSE = re.compile(r"\b(?:because of|due to|as a result of|owing to)\b")


def _names_agency(text: str, terms: list[Term], agencies: frozenset[str]) -> bool:
    """True when an outcome names another agency (police, courts) outside a status phrase that
    says who it is about ("young people in contact with the youth justice service feel ...")."""
    status = _status_span(text)
    return any(t.token in agencies and not (status and status[0] <= t.start < status[1])
               for t in terms if not t.stop)


#: Where one matched word sits decides whether it can carry a suggestion alone (calibrated in
#: docs/measures.md): the change words and verbs that govern what changes, the prepositions that
#: open a complement, and the heads of a complement that still name an amount of it ("the impact
#: of neglect", "safe from exploitation"). Moving into a state, narrowing a gap, progressing in
#: something, or wanting, intending or choosing to do it govern it too ("pushed into poverty",
#: "narrowing the obesity gap", "progress within employment", "intend to volunteer").
_GOVERNS = frozenset("""more fewer less lower higher greater better worse reduced reduce reduces
reducing reduction reductions increased increase increases increasing improved improve improves
improving improvement fall falls rise rises decrease decreased decreases good positive poor prevent
prevention preventing prevents prevented stop stops stopping cease cut avoid avoiding tackle
tackling lessen minimise feel feels felt are is be become
becomes being get gets have has gain gains reach reaches achieve achieves secure secures sustain
sustains find keep keeps experience experiences remain remains stay stays develop build report
reports say says narrow narrows narrowing narrowed halve halving falling fallen fell push pushed
pushes pushing drift drifting slip slips slipping progress progresses progressing intend
intends intending intended want wants wanting choose chooses choosing""".split())
_OPENS = frozenset("""of in to within for from with about on at into after against through
towards toward around among between across as upon""".split())
_AMOUNT_HEADS = frozenset("""impact impacts occurrence incidence prevalence consumption use rate
rates number numbers level levels risk risks amount proportion experience experiences instances
effects effect harm safe safer free protected affected quality standard standards sense feeling
feelings relation regard respect terms focus focusing focused emphasis""".split())
_MORE_OR_LESS = frozenset("""more fewer less lower higher greater reduced reduce reduces reducing
reduction increased increase increases increasing""".split())
_DETERMINERS = frozenset("the their a an his her its our your my all any some".split())
_WORD = re.compile(r"[a-z0-9&'/-]+|[,;:.()]")


#: A relative clause saying what the matched thing is like ("live in homes that are warm and free
#: from damp"): the qualities are the change, not the thing.
_QUALIFIED = re.compile(r"\s+(?:that|which)\s+(?:are|is)\b")


def evidence_pattern(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, str]:
    """What a match rests on: (how much, where). How much: "one word", "one phrase" (a phrase
    or concept) or "several" matched spans; where: "complement" when the strongest span sits in
    a complement (see _in_complement), else "main". docs/measures.md gives how often each
    pattern's top suggestion was right across every labelled set."""
    if not spans:
        return ("none", "main")
    a, b = spans[0]
    if len(spans) > 1:
        much = "several"
    else:
        much = "one phrase" if re.search(r"[\s-]", text[a:b].strip()) else "one word"
    return (much, "complement" if _in_complement(text, a) else "main")


#: Evidence patterns a suggestion may not rest on: across every labelled set, a top suggestion
#: resting on them was right less often than ABSTAIN_PATTERN_BELOW (the table and the
#: leave-one-round-out check are in docs/measures.md; python -m tests.suggest_calibration).
ABSTAIN_PATTERN_BELOW = 0.8
ABSTAIN_PATTERNS = frozenset({("one word", "complement")})


@lru_cache(maxsize=4096)
def _in_complement(text: str, start: int) -> bool:
    """True when the word at ``start`` sits in a complement that something other than a change
    governs ("the generational cycle of crime", "involved in their education", "their local
    schools and colleges"): who or where an outcome is about, not what changes. The walk back
    crosses a list and determiners, and stops at the first change word, verb or preposition."""
    before = _WORD.findall(normalise(text)[:start])
    if before and not (before[-1] in _OPENS or before[-1] in _DETERMINERS
                       or before[-1] in (",", "and", "or")):
        return False  # a word just before it is a modifier or a subject: "parents drinking"
    for i in range(len(before) - 1, -1, -1):
        w = before[i]
        if w in ";:.()" or w in _GOVERNS:
            return False
        if w in _OPENS:
            if (i == 0 or before[i - 1] in ";:.()") and before[i + 1:].count(",") == 1 \
                    and not {"and", "or"} & set(before[i + 1:]):
                return False  # "Across the city, NEET is below ...": a fronted phrase ends at its comma
            head = next((x for x in reversed(before[:i]) if x not in _DETERMINERS), "")
            if head in _AMOUNT_HEADS or head in _GOVERNS:
                return False
            clause = re.split(r"[;:.()]", " ".join(before[:i]))[-1].split()
            # "Fewer children are referred to the Reporter on offence grounds": an amount of
            # the whole clause is the change, the complement with it
            return not _MORE_OR_LESS & set(clause)
    return False


#: "... and improve the relationship ...": a second change, which a frame does not run into.
_AND_A_CHANGE = (r"\band\s+(?:to\s+)?(?:improv|increas|reduc|strengthen|build|develop|enhanc|promot|"
                 r"better|more|fewer|less|greater)\w*")
#: "... who access alternative provision and those who are NEET": a second group of people, whom
#: the frame of the first does not reach.
_AND_THOSE = r"\band\s+(?:those|people|children|young people|families|parents)\s+(?:who|that|whose)\b"
_LIST_GOES_ON = re.compile(r"\w*\s*,\s*[\w\s-]{1,40}?\band\b")


def _clause_end(t: str, start: int, stop: str = r"[,;.]") -> int:
    """Where the clause that runs on from ``start`` ends: at ``stop`` or the end of the text."""
    end = re.search(stop, t[start:])
    return start + end.start() if end else len(t)


def _frames(text: str, terms: list[Term]) -> tuple[tuple[int, int, str], ...]:
    """Character spans that follow a cue of knowing or using ("awareness of"), each up to the
    end of its clause."""
    t = normalise(text)
    out = _head_frame(t, terms)
    status = _status_span(text)
    if status:
        out.append((status[0], status[1], "knowing"))
    out += _provision_frames(terms, t)
    out += _link_frames(t, terms)
    for m in _CAUSE.finditer(t):
        # "Fewer children in care because of neglect": the cause, not the change
        out.append((m.end(), _clause_end(t, m.end()), "knowing"))
    for m in _AFTERMATH.finditer(t):
        # "the mother-child relationship after domestic abuse", "recover from the impact of
        # domestic abuse": the harm is the context the change follows, not a count to reduce
        out.append((m.end(), _clause_end(t, m.end(), r"[,;.]|\band\b"), "using"))
    out += _cue_frames(t, terms)
    for kind, rx in (("using", _IMPACT_ON), ("knowing", _HARM_TO)):
        for m in rx.finditer(t):
            if not _AMOUNT_BEFORE.search(t[max(t.rfind(c, 0, m.start()) for c in ",;.") + 1:m.start()]):
                # "reducing the impact of poverty on children": what the harm does to them, which
                # no count of the harm shows; "the harm caused to children by parental conflict"
                # is measured by no measure of the conflict
                out.append((m.start("harm"), m.end("harm"), kind))
    for m in _CAN_ACCESS.finditer(t):
        # "young offenders leaving custody can access appropriate accommodation": access to it
        if not _ETE_AFTER.match(t, m.end()):
            out.append((m.end(), _clause_end(t, m.end()), "using"))
    quality = _SETTING_IS.match(t)
    end = _clause_end(t, quality.end(), r"[;.]|\bwhere\b|,\s*(?:so|which|while)\b|"
                      + _AND_A_CHANGE) if quality else 0
    if quality and not _COUNT_CHANGE.search(t[quality.end():end]):
        # not "the service is delivered at lower cost per family": a change in an amount
        out.append((0, end, "quality"))
    return tuple(out)


#: "Access good quality education, training and local employment": two of education, training
#: and employment, which young people are in or not (NEET), not a service they use.
_ETE_AFTER = re.compile(r"\s*(?:to\s+)?(?:(?:good|high|better|quality|good-quality|high-quality|local|"
                        r"further|the|a|an)\s+)*(?:education|training|employment)\b[^,;.]{0,12}?[\s,]\s*"
                        r"(?:(?:and|or)\s+)?(?:local\s+|further\s+)?(?:education|training|employment)\b")
#: "The impact of poverty on children", "the effects of domestic abuse on young people": the
#: harm's consequences for the people named after "on", not its amount.
_HARM_TO = re.compile(r"\b(?:harm|damage|impacts?|effects?)\s+(?:caused|done)\s+to\s+(?:[\w'-]+\s+){1,4}?"
                      r"by\s+(?P<harm>[^,;.]+)")
_IMPACT_ON = re.compile(r"\b(?:impacts?|effects?|consequences)\s+of\s+(?P<harm>[^,;.]+?)\s+on\s+"
                        r"(?:the\s+|their\s+|our\s+|local\s+|all\s+)*(?:[\w-]+\s+){0,2}?"
                        r"(?:children|child|young people|families|family|parents|people|pupils|babies|"
                        r"communities|residents|women|mothers|victims)\b")
#: An amount of the harm named with its impact ("prevent and reduce the impact of neglect",
#: "the incidence and impact of poverty"): the harm's count still fits.
_AMOUNT_BEFORE = re.compile(r"\b(?:prevent\w*|incidence|occurrence|prevalence|numbers?|rates?|levels?)\b")
#: Access as a verb ("can access", "able to access"): using a service or a resource.
_CAN_ACCESS = re.compile(r"\b(?:can|could|cannot|to|will|able to)\s+(?:easily\s+|quickly\s+|safely\s+)?"
                         r"(access)\b")
#: A change in an amount, not in a quality ("calmer, more nurturing").
_COUNT_CHANGE = re.compile(r"\b(?:fewer|lower|higher|reduc\w*|increas\w*|cuts?|costs?|numbers?|"
                           r"rates?|less)\b")
#: "Children's homes are safe and caring places to live", "schools are anxiety-aware": a
#: setting or a service as the subject and what it is like as the predicate, with no change in
#: anyone named. What a setting is like is asked of the people in it (a survey), not counted
#: from records nor scored on a scale of a person; a "where" clause after it may name a change.
_SETTING_IS = re.compile(
    r"^(?:the|our|all|every|local|a|an)?\s*(?:(?!children\b(?!\W+homes\b)|young\b|people\b|families\b|parents\b|"
    r"pupils\b|carers\b|from\b|of\b|in\b|for\b|with\b|who\b)[\w'-]+\s+){0,3}?"
    r"(?:settings?|schools?|homes?|hubs?|services?|provision|environments?|system|offer|classrooms?|"
    r"places?|city|town|borough|county|neighbourhoods?|communit(?:y|ies)|workplaces?|culture)\s+"
    r"(?:is|are|becomes?|will be|remains?)\s+(?!more\b|less\b|fewer\b|reduced\b|increased\b|"
    r"available\b|in\b|within\b|part\b|rated\b|close\b|closer\b|near\b|nearer\b|local\b)")


#: After a comma, the rest of a list up to its "and" or "or" ("..., employment and volunteering").
_LIST_ENDS = re.compile(r"\s*[\w\s-]{1,40}?\b(?:and|or)\b")


#: "Help children stay out of the criminal justice system", "support families to stay together":
#: a verb of help, the people helped and what they do; what they do is the change, not a kind of
#: help.
_HELP_PEOPLE_DO = re.compile(
    r"(?:help|helps|helping|support|supports|supporting|enable|enables|enabling)\s+(?:more\s+|our\s+|"
    r"all\s+|the\s+)?(?:(?:[\w'-]+\s+)?" + _PEOPLE_WORDS + r"\s+(?:to\s+)?(?:get|go|"
    # "help children and young people to stay safe": two groups of people, then the change
    r"become|achieve|reach)|(?:[\w'-]+\s+)?(?:(?:children|families|parents)\s+and\s+)?"
    + _PEOPLE_WORDS + r"\s+(?:to\s+)?(?:stay|stays|remain|keep|avoid|move|return|live|stop|leave|"
    r"recover|overcome|be))\b")


#: "Help reduce childhood obesity rates", "support to prevent homelessness": help toward a change it
#: names, which is the change, not a kind of help.
_HELP_TO_CHANGE = re.compile(r"(?:help|helps|helping|support|supports|supporting)\s+(?:to\s+)?(?:reduce|"
                             r"prevent|improve|increase|cut|lower|raise|narrow|close|tackle|halve|"
                             r"decrease)\b")


#: "Young people supported by the Hospital Navigator scheme do not reattend": who helped them
#: (a who-clause), not a kind of help.
_HELPED_BY = re.compile(r"(?:supported|helped|assisted)\s+by\b")


def _head_frame(t: str, terms: list[Term]) -> list[tuple[int, int, str]]:
    """"Better support for young people in the justice system": the change is the support; the
    rest of the clause says for whom and where."""
    vocab = vocabulary()
    head = next((x for x in terms if not x.stop and x.token not in vocab.beneficiaries
                 and x.token not in vocab.population), None)
    if head is not None and head.token in _GENERIC_HEADS and not _PARTICIPLE_TO.match(
            t[head.start:]) and not _HELP_PEOPLE_DO.match(t, head.start) and not (
            head.token == "access" and _ETE_AFTER.match(t, head.end)) and not _HELPED_BY.match(
            t, head.start) and not _PLEDGE_TO_YOU.match(t) and not _HELP_TO_CHANGE.match(t, head.start):
        # "access to a wide range of work experience, employment and volunteering": access to
        # what is listed, to the end of the sentence
        end = _clause_end(t, head.end)
        listed = head.token in ("access", "opportun", "offer") and t[end:end + 1] == ","
        stop = r"[;.]" if listed and _LIST_ENDS.match(t, end + 1) else r"[,;.]"
        return [(head.end, _clause_end(t, head.end, stop), "using")]
    return []


def _provision_frames(terms: list[Term], t: str = "") -> list[tuple[int, int, str]]:
    """"Mental health support", "parenting advice": a kind of support, not the thing; not
    "education, training and employment opportunities", which young people are in or not."""
    generic = vocabulary().generic
    content = [x for x in terms if not x.stop]
    return [(x.start, nxt.end, "knowing") for x, nxt in zip(content, content[1:])
            if nxt.token in _PROVISION and x.token not in generic and nxt.start - x.end <= 1
            and not (x.token == "neet" and _ETE_AFTER.match(t, x.start))]


#: The means just before a way of working ("through effective partnership working").
_MEANS = re.compile(r"\b(?:through|by|via)\s+(?:[\w-]+\s+){0,2}$")


def _link_frames(t: str, terms: list[Term]) -> list[tuple[int, int, str]]:
    """The services or settings a link or a move is between ("transitions between nursery and
    school"), and the services named before they "work more closely together"."""
    out = []
    for x in terms:
        if x.token == "transition" or (x.token == "multi_agency" and (
                _BETWEEN.match(t[x.end:]) or t[:x.end].endswith(("between", "with")))):
            # What a transition is like ("high quality, planned transitions") is the transition.
            start = x.end if x.token == "multi_agency" else max(
                (m.end() for m in re.finditer(r";|\band\b", t[:x.start])), default=0)
            out.append((start, _clause_end(t, x.end), "knowing"))
            continue
        before = t[:x.start]
        joined = re.search(r"\band\b", before)
        listed = "," not in before or (
            "," not in before[joined.end():] if joined else False) and not _CHANGE_WORD.search(before) and all(
            len(item.split()) <= 3 for item in before[:joined.start()].split(","))
        if x.token == "multi_agency" and _WORK_TOGETHER.search(t[x.start:x.end]) and joined and listed \
                and not re.search(r"[;.]", before) and not _MEANS.search(before):
            # "Schools and early help work more closely together", "education, health and social
            # care work together": the services named (a list ending in "and") say who works
            # together, not what changes (but "good mental health and wellbeing through
            # partnership working" names the change before the means)
            out.append((0, x.start, "knowing"))
    return out


def _cue_frames(t: str, terms: list[Term]) -> list[tuple[int, int, str]]:
    """The clause after each cue of knowing ("understanding of", "skills") or of using
    ("experience of", "access to"), the cue itself included.

    Knowing about a subject is measured by no measure of the subject; using or experiencing it
    may be, by a survey or questionnaire (not a count from records). A measure matched by
    "skills" and the subject alike is still matched by nothing but the frame. Confidence in
    something ("confident parenting their child") is not that thing either: a measure of
    parenting stress does not measure it."""
    out = []
    for i, x in enumerate(terms):
        after = terms[i + 1].token if i + 1 < len(terms) else ""
        confident = x.token == "confidence" and t[x.start:x.end].startswith("confiden")
        if not (x.token in _FRAME_ALWAYS or confident or (
                x.token in _FRAME_BEFORE and after in _FRAME_PREPOSITIONS)):
            continue
        if x.token == "access" and _ETE_AFTER.match(t, x.end):
            continue  # "access to education, employment and training": being in them (NEET)
        stop = r"[,;.]|\band\b" if confident else r"[,;.]|" + _AND_A_CHANGE + r"|" + _AND_THOSE
        if not confident and re.search(stop, t[x.end:]) and _LIST_GOES_ON.match(t, x.end):
            # "understanding, confidence and ability to discuss domestic abuse": the list
            # shares its subject, to the end of the sentence
            stop = r"[;.]"
        what = "knowing" if x.token in _FRAME_ALWAYS or confident else "using"
        out.append((x.start, _clause_end(t, x.end, stop), what))
    return out


#: Changes a topic word misleads about. When one is what a part of an outcome says changes (its
#: main construct), no measure of that part's other words is suggested ("less stigma about
#: domestic abuse" is not a count of domestic abuse; "a secure bond between mothers with
#: postnatal depression and their babies" is not a depression scale): the measure of the
#: construct itself is (_CONSTRUCT_MEASURE), or, when the library has none, no close match.
#: The time people wait for a service, said without "wait": help got or given "sooner", "no
#: later than 4 weeks" after a referral, services that "act quickly" when help is needed.
_WITHIN = (r"(?:within|no later than|in under|in less than|in no more than)\s+(?:\d+|one|two|three|four|"
           r"five|six|eight|ten|twelve|eighteen|a|an)\s+(?:working\s+)?(?:hours?|days?|weeks?|months?|fortnight)")
_TIME_TO_HELP = (
    r"\b(?:appointments?|seen|help|support|treatment|therapy|first contact|access)\b[^,;.]{0,80}?\b"
    + _WITHIN + r"|"
    r"\b(?:get|gets|getting|receive|receives|receiving|access|accesses|accessing|seen|offered|reach|"
    r"reaches)\s+(?:[\w'-]+\s+){1,3}?(?:more quickly|quicker|faster|promptly|without delay|"
    r"sooner (?:after|once|when))\b(?!\s+[\w-]+\s+(?:diagnosis|diagnoses|assessment|assessments))|"
    r"\b(?:services?|teams?|we|they)\s+(?:\w+\s+)?(?:act|acts|respond|responds|react|reacts)\s+"
    r"(?:more\s+)?(?:quickly|promptly|swiftly|sooner|faster)\b|"
    r"\btime from referral to (?:first contact|help|support|treatment|an? (?:first )?appointment)\b")
_NO_MEASURE = {
    "stigma or shame": r"\bstigm\w*|\bshame\w*|\bashamed\b|\bembarrass\w*|\bjudged\b|"
                       r"\bjudgement(?:al)?\b|\bsecrecy\b|\btaboo\w*",
    "attachment or bonding": r"\battachments?\b|\bsecurely attached\b|\bbond(?:s|ing|ed)?\b|"
                             r"\battun(?:ed|ement)\b|\bparent[- ]infant relationships?\b(?!\s+(?:teams?|services?|workers?))|"
                             r"\brelationships?\s+with\s+(?:their|the|her|his)\s+(?:new\s+)?"
                             r"(?:bab(?:y|ies)|infants?|newborns?)\b",
    "trust in the police": r"\b(?:trust|trusts|confidence|faith)\b[^,;.]{0,40}\bpolic(?:e|ing)\b",
    "siblings kept together": r"\b(?:siblings?|sibling groups?|brothers and sisters)\b[^,;.]{0,50}?"
                              r"\b(?:(?:placed|live|living|stay|stays|staying|remain|remains|kept|"
                              r"keep)\s+together|split(?:\s+up)?|separated|apart)\b|"
                              r"\b(?:stay|stays|staying|live|lives|living|remain|remains|placed|kept)"
                              r"\s+(?:together\s+)?with\s+(?:their\s+)?(?:brothers|sisters|siblings)\b",
    "a wait for a service": r"\bwait(?:s|ing|ed)?\b|\bdelays?\s+(?:for|in)\s+(?:[\w'-]+\s+){0,3}?"
                            r"(?:access\w*|getting|receiving|being seen)\b|\b(?:quicker|faster|speedier|prompter|"
                            r"sooner|earlier|timelier) (?:to )?access\b|\bseen within\b|" + _TIME_TO_HELP
                            # "timely and effective support for their mental health": help from a
                            # mental health service in time (timely support in general is not a wait)
                            + r"|\btimely\b(?:\s*,?\s*(?:and\s+)?[\w-]+){0,3}?\s+(?:help|support|treatment|"
                            r"therapy|interventions?|responses?|access)\b(?=[^,;.]{0,30}?\b(?:mental|emotional)"
                            r"\s+(?:health|wellbeing|well-being)\b)|\btimely\s+(?:mental|emotional)\s+(?:health|"
                            r"wellbeing|well-being)\s+(?:help|support|treatment|services?|care)\b"
                            # help for mental health "at the right time" is timely help for it
                            r"|\b(?:help|support|treatment|therapy|care)\b[^,;.]{0,60}?\b(?:mental|emotional)"
                            r"\s+(?:health|wellbeing|well-being)\b[^,;.]{0,40}?\bat the right time\b"
                            r"|\b(?:mental|emotional)\s+(?:health|wellbeing|well-being)\s+(?:help|support|"
                            r"treatment|services?|care)\b[^,;.]{0,40}?\bat the right time\b",
    "achieving potential": r"\b(?:achieve|achieves|reach|reaches|fulfil|fulfils|fulfill|fulfills|"
                           r"realise|realises|realize|realizes)\s+(?:their|his|her|its|our)\s+"
                           r"(?:full\s+)?(?:(?:goals|hopes)\s+and\s+)?(?:potential|ambitions?|"
                           r"aspirations?|dreams?)\b",
    "identifying and responding to a risk": r"\b(?:identif\w*|recogni[sz]\w*|detect\w*|spott\w*)\s+"
                                            r"(?:of\s+)?(?:and|&)\s+(?:respon\w*|manag\w*|"
                                            r"act\w* on|address\w*)",
    # (ambitions with aspirations, "supports the ambitions and aspirations of all our children")
    "aspirations": r"\baspir(?:ation|ations|ational|e|es|ing)\b|\bambitions?\s+and\s+aspir\w*",
    # "Breastfeeding is increasingly seen as the norm": how people see a behaviour, not the
    # behaviour (the attitude is asked in a population survey; "breastfeeding is the norm" is
    # the behaviour)
    "how a behaviour is seen": r"\b(?:seen|viewed|regarded|perceived)\s+(?:by\s+[\w\s]{1,30}?\s+)?as"
                               r"\s+(?:the\s+|a\s+)?(?:norm|normal)\b",
    # "Part of the community" (not feeling part of it, which a belonging survey asks): being
    # included in community life
    "being part of a community": r"(?<!\bfeel )(?<!\bfeels )(?<!\bfelt )(?<!\bfeeling )(?<!\bof being )\bpart of (?:the|their|"
                                 r"our|a|his|her|its)\s+(?:local\s+|wider\s+)?communit(?:y|ies)\b",
    # "Care leavers can access affordable housing": what housing costs, not whether people are
    # housed
    "affordable housing": r"\baffordab\w*\s+(?:social\s+)?(?:housing|homes?|accommodation|rents?)\b",
    # "close the gap in health and well-being outcomes": a gap across outcomes as a whole
    "a gap in outcomes as a whole": r"\bgaps?\s+in\s+(?:(?:health|well-being|wellbeing|life|all|overall|"
                                    r"physical|mental)\s*,?\s+(?:and\s+)?)+outcomes\b",
    "resilience to life's ups and downs": r"\bups and downs\b|\bbounce back\b|\blife'?s (?:challenges|"
                                          r"knocks|setbacks)\b|\b(?:cope|coping|deal|dealing) with "
                                          r"(?:life|adversity|adversities|setbacks)\b",
    "parenting skills": r"\bparenting (?:skills?|techniques|strategies|abilit(?:y|ies))\b|"
                        r"\bskills (?:as|in) (?:a )?parent\w*",
    "telling a trusted adult": r"\b(?:tell|telling|talk|talking|speak|speaking|disclos\w*|confide|"
                               r"confiding|open up)\b[^,;.]{0,60}?\b(?:(?:to|in|with)\s+)?(?:a|an|the|"
                               r"their|any|one)?\s*(?:trusted\s+)?(?:adult|member of staff|staff "
                               r"member|teacher|someone)\b",
}
_NO_MEASURE_RE = {k: re.compile(v) for k, v in _NO_MEASURE.items()}
#: The library measure of a construct above, where there is one (a custom library may lack it).
_CONSTRUCT_MEASURE = {"a wait for a service": "waiting_times",
                      "siblings kept together": "siblings_together",
                      "trust in the police": "police_confidence",
                      "attachment or bonding": "pbq"}
#: The bonding questionnaire is of a mother and her baby: attachment of older children has no
#: library measure.
_INFANT = re.compile(r"\b(?:bab(?:y|ies|y's)|infants?|infant's|newborns?|new-borns?|postnatal|"
                     r"post-natal|perinatal|postpartum|mother-infant|parent-infant)\b")
#: Measures of one construct, suggested only through it: "waiting" elsewhere in an outcome, or
#: "police" or "babies", does not make an outcome about waits, trust or bonding.
_CONSTRUCT_ONLY = frozenset(_CONSTRUCT_MEASURE.values())
SCORE_CONSTRUCT = 0.75  # the shown score of the measure of an outcome's main construct
#: Waits the library measures: for a social care assessment, an EHC plan, an adoption, an NRM
#: decision.
_MEASURED_WAIT = re.compile(r"\b(?:ehcps?|ehc plans?|education,? health and care|single assessments?|"
                            r"social (?:care|work) assessments?|child and family assessments?|"
                            r"(?:initial |review )?health assessments?|adopt\w*|nrm|national referral "
                            r"mechanism|(?:reasonable|conclusive) grounds)\b")
#: "Staff are able to recognise and respond ...": a capability (a practitioner survey asks it).
_CAPABLE_OF = re.compile(r"\b(?:able to|confident to|confident in|skills to|know how to|"
                         r"equipped to|better at|competent in|competent at)\s*$")
#: "Confidence in their parenting skills": a parent's self-efficacy, not the skills.
_CONFIDENT_IN = re.compile(r"\bconfiden\w*\s+(?:in|about|with)\s+(?:their\s+|his\s+|her\s+|own\s+)*$")
#: "Where living with their family is not possible, ...": a condition before the change; without
#: the comma, up to the pledge that follows it ("if a child does come into care we will ...").
_CONDITION = re.compile(r"^(?:where|when|if|unless|wherever|whenever)\b(?:[^,;]*,|[^,;]*?(?=\bwe\s+(?:will|"
                        r"would|shall|can|aim to|try)\b))")
#: A subordinate clause inside a part ("... because ...", "... so that ...", "... by helping
#: ..."): what follows it is a cause, a purpose or the means, not the part's main construct.
_SUBORDINATE = re.compile(r"\b(?:because|so that|so|as a result of|due to|in order to|which|"
                          r"leading to|that may lead|by\s+\w+ing)\b")


#: A construct as the subject of a passive verb of provision ("... relationships are supported
#: in the first 1001 days"): the outcome is that a service supports it, not that it changes.
_PROVIDED = re.compile(r"[^,;.]{0,60}?\b(?:is|are)\s+(?:supported|promoted|encouraged|nurtured)\b")


@lru_cache(maxsize=1024)
def no_measure_constructs(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, name) of the constructs of _NO_MEASURE in an outcome statement (cached)."""
    t = normalise(text)
    out = []
    for name, rx in _NO_MEASURE_RE.items():
        for m in rx.finditer(t):
            if name == "a wait for a service" and _MEASURED_WAIT.search(t):
                continue
            context = _AFTERMATH.search(t, m.start(), m.end()) or _CAUSE.search(t, m.start(), m.end())
            if context and context.end() < m.end() - 1:
                continue  # "in contact with their siblings after being placed apart": context
            if name == "parenting skills" and _CONFIDENT_IN.search(t[max(0, m.start() - 40):m.start()]):
                continue  # "confidence in their parenting skills": self-efficacy, which is asked
            if name == "identifying and responding to a risk" and _CAPABLE_OF.search(
                    t[max(0, m.start() - 30):m.start()]):
                continue  # "able to recognise and respond": what people can do, which is asked
            out.append((m.start(), m.end(), name))
    return tuple(out)


def construct_measures(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, construct, measure key) of the constructs in an outcome statement that one
    library measure counts ("shorter waits for CAMHS": waiting times)."""
    t = normalise(text)
    out = []
    for a, b, name in no_measure_constructs(text):
        key = _CONSTRUCT_MEASURE.get(name)
        if key == "pbq" and not _INFANT.search(t):
            key = None
        if key and _PROVIDED.match(t, b):
            key = None  # "parent-infant relationships are supported": the support, not a change
        if key:
            out.append((a, b, name, key))
    return out


def _word_library(library: MeasureLibrary) -> MeasureLibrary:
    """The library without the measures suggested only through their construct: they are not
    matched by words, so they neither match nor change how rare a word is."""
    found = _WORD_LIBRARIES.get(library)
    if found is None:
        found = _WORD_LIBRARIES[library] = MeasureLibrary(
            m for m in library if m.key not in _CONSTRUCT_ONLY)
    return found


_WORD_LIBRARIES: weakref.WeakKeyDictionary[MeasureLibrary, MeasureLibrary] = \
    weakref.WeakKeyDictionary()


#: A cue of knowing with its object ("awareness of", "knowledge about their", "skills to").
_CUE_OBJECT = re.compile(r"[\w'-]+\s+(?:[\w'-]+\s+)?(?:of|about|on|around|in|into|to|with|for)\b")


def _construct_suggestions(q: _Query, library: MeasureLibrary, text: str, others: bool
                           ) -> list[Suggestion]:
    """The measure of each construct an outcome's main change is, when it is in the library and
    fits whom the outcome is for; "others" says the outcome has other suggested parts."""
    out: list[Suggestion] = []
    found = construct_measures(text)
    if not found:
        return []
    terms = q.index.vocab.analyse(text)
    t = normalise(text)
    # "awareness of parent-infant relationships" frames the bond; "expertise and advice quicker
    # to access" does not frame the wait (the cue is the subject, with no object of its own)
    knowing = [(x, y) for x, y, kind in _frames(text, terms)
               if kind == "knowing" and _CUE_OBJECT.match(t, x)]
    # who the outcome is for, read from the whole statement: the construct's part is not scored,
    # so its people ("staff feel supported by quicker access ...") are not in q.who
    who = q.who or who_in_text(terms, text)
    for a, b, name, key in found:
        m = library.get(key)
        if m is None or not fits(m, who, q.ages) or any(s.measure.key == key for s in out):
            continue
        if any(x < a and b <= y for x, y in knowing):
            continue  # "awareness of parent-infant relationships" is not the bond itself
        part = q.text[a:b]
        why = f"the change is {name} ('{part}'), which this measure counts"
        if q.who:
            why += f"; suits outcomes for {who_label(q.who)}"
        out.append(Suggestion(m, SCORE_CONSTRUCT, why, "high", part if others else ""))
    return out


#: "Pupils achieve their full potential, making good progress from their starting points": a
#: clause after a comma that opens with a verb in -ing says how, and names its own change.
_HOW_AFTER = re.compile(r",\s+(?:by\s+)?(?!(?:learning|training|wellbeing|well-being|housing|parenting|"
                        r"being|schooling|offending|bullying|funding|something|everything)\b)[a-z]+ing\b"
                        r"(?!\s*(?:,|and\b|or\b))")


def _construct_sense(text: str, terms: list[Term]) -> list[Term]:
    """The terms without a leading condition and without the parts whose main construct is a
    change the library has no measure for (see _NO_MEASURE). Within a part, a construct after
    a subordinate clause's cue ("because", "so that") drops only that clause."""
    t = normalise(text)
    cond = _CONDITION.match(t)
    if cond and cond.end() < len(t.rstrip(" .")):
        terms = [x for x in terms if x.start >= cond.end()]
    found = no_measure_constructs(text)
    if not found:
        return terms
    drop: list[tuple[int, int]] = []
    for a, b in _parts(text, terms) or [(0, len(t))]:
        for x, y, _ in found:
            if x < b and a < y:  # the construct is in this part (or runs into it)
                sub = [m.start() for m in _SUBORDINATE.finditer(t, a, max(a, x))]
                how = _HOW_AFTER.search(t, y, b)
                drop.append((sub[0] if sub else a, how.start() if how else b))
    return [x for x in terms if not any(a <= x.start < b for a, b in drop)]


#: What a main clause says of the people a who-clause named when it says only that they are safe,
#: protected or found ("victims of domestic abuse are safer", "children who go missing from care
#: are found quickly"): then the harm the who-clause names is what should change.
_SUBSTANCES = frozenset({"drug", "alcohol", "substance", "misuse", "addiction", "cannabis",
                         "drinking"})
_STATE_ONLY = frozenset({"safe", "safe_from", "harm", "found", "find", "timeliness", "further",
                         "repeat"})


def _who_sense(terms: list[Term], who_terms: list[Term], vocab) -> list[Term]:
    """The main clause's terms, with what a who-clause says read back in where the main clause
    only says the people are safe, protected or found, and offending by people who offend read
    as reoffending ("young people who offend stop offending")."""
    if any(t.token == "offending" for t in who_terms):
        terms = [Term("reoffending", False, t.start, t.end, True) if t.token == "offending" else t
                 for t in terms]
    after = max((t.end for t in who_terms), default=0)
    main = {t.token for t in terms if not t.stop and t.start >= after
            and t.token not in vocab.beneficiaries and t.token not in vocab.nonscoring}
    harms = [t for t in who_terms if not t.stop and "safety" in vocab.domains.get(t.token, ())]
    if main and main <= _STATE_ONLY and harms:
        return sorted(terms + harms, key=lambda t: t.start)
    uses = [t for t in who_terms if not t.stop and t.token in _SUBSTANCES]
    if "treatment" in main and uses:
        # "parents who misuse substances engage in treatment": treatment of that use
        return sorted(terms + uses, key=lambda t: t.start)
    return terms


def match(outcome_text: str, who_benefits=None, timescale: str | None = None, age=None,
          top: int = 3, library: MeasureLibrary | Iterable[Measure] | None = None) -> Match:
    """The measures for an outcome statement, best first, or an honest "no close match".

    who_benefits: one or more of WHO_BENEFITS (or "Parents; children"); when None it is read
    from the text. timescale: short, medium or long term. age: a number, a (low, high) pair or
    "0-5"; when None an age range mentioned in the text ("aged 0-5", "teenagers") is used.
    A compound outcome gets one measure per part, each naming its part (Match.parts).
    """
    if top < 1:
        raise SuggestError(f"top must be at least 1, not {top}")
    if library is None:
        library = load_library()
    elif not isinstance(library, MeasureLibrary):
        library = MeasureLibrary(library)
    index = index_of(_word_library(library))
    terms = _victim_sense(_without_method(outcome_text, index.vocab.analyse(outcome_text)))
    for sense in (_context_clause_sense, _home_life_sense, _repeat_sense, _done_then_sense, _toward_others_sense, _across_domains_sense,
                  _volunteer_sense, _exclusion_sense, _free_sense, _worker_sense, _attend_sense,
                  _slogan_sense, _vision_sense, _construct_sense, _service_name_sense, _informed_sense,
                  _offence_kind_sense, _kin_sense, _place_sense, _place_noun_sense, _harms_listed_sense, _educate_sense, _stage_when_sense,
                  _skills_after_care_sense,
                  _group_voice_sense, _engage_sense,
                  _record_sense, _activity_kind_sense, _adopt_sense, _school_placement_sense,
                  _recorded_count_sense, _couple_sense, _take_up_sense, _cared_for_sense):
        terms = sense(outcome_text, terms)
    who = parse_who(who_benefits)
    if not who:
        who = who_in_text(terms, outcome_text) | _reported_of(outcome_text, terms)
    ages = parse_age(age)  # a blank age is no age: the statement's own ages are read then
    if ages is None:
        ages = ages_in_text(outcome_text, terms)
    known_ages = ages
    if ages is None and who == {"young person"}:
        ages = YOUNG_PERSON_AGES
    shown_text = outcome_text if len(normalise(outcome_text)) == len(outcome_text) \
        else normalise(outcome_text)
    terms = _people_sense(terms, who, outcome_text)
    q = _Query(index, shown_text, who, ages, parse_timescale(timescale), known_ages,
               _examples_at(outcome_text), _frames(outcome_text, terms), _names_parenting(terms),
               any(t.token in index.vocab.care_context for t in terms if not t.stop)
               # a corporate parent's pledge to "you", naming no one else: to a child in its care
               or not who and bool(_PLEDGE_TO_YOU.match(normalise(outcome_text))),
               _names_agency(outcome_text, terms, index.vocab.other_agencies),
               any(t.token in _PROCESS for t in terms if not t.stop)
               or bool(_STAFF_PRACTICE.match(normalise(outcome_text))),
               any(t.token == "victim" for t in terms if not t.stop),
               frozenset(t.token for t in terms if not t.stop),
               _activity(outcome_text), bool(_ASPIRATION.search(normalise(outcome_text))),
               _everyone(outcome_text), bool(parse_who(who_benefits)),
               bool(_HEALTH_AS_A_WHOLE.search(normalise(outcome_text))
                    and not _SYMPTOMS_NAMED.search(normalise(outcome_text))))
    # Who the outcome is about ("women who have had children removed ...") is no evidence for
    # a measure of what changes.
    who_spans = _who_spans(outcome_text)
    # A concept that runs from the people into what is said of them ("for children in poverty")
    # is who as a whole.
    who_terms = [t for t in terms if any(a <= t.start < b or t.start < a < t.end and not t.stop
                                         for a, b in who_spans)]
    terms = _who_sense([t for t in terms if t not in who_terms], who_terms, index.vocab)
    found = _ranked_match(q, terms, top, outcome_text)
    measured = _construct_suggestions(q, library, outcome_text, not found.abstained)
    if not measured:
        return found
    keys = {s.measure.key for s in measured}
    rest = tuple(s for s in found.suggestions if s.measure.key not in keys)
    return Match(outcome_text, _by_confidence(measured + list(rest))[:max(top, len(measured))],
                 found.parts, found.unmatched)


def _ranked_match(q: _Query, terms: list[Term], top: int, outcome_text: str) -> Match:
    """The measures the outcome's terms point to, one per part of a compound outcome, or no
    close match (naming the changes the library has no measure for)."""
    compound = _compound(q, terms, top)
    if compound is not None:
        return compound
    close = _close(q.ranked(terms))
    if not close or close[0][0] < ABSTAIN_BELOW:
        measured = {name for _, _, name, _ in construct_measures(outcome_text)}
        missing = tuple(dict.fromkeys(name for _, _, name in no_measure_constructs(outcome_text)
                                      if name not in measured))
        return Match(outcome_text, (), no_measure_for=missing)
    # Alternatives are offered when nearly as good as the best, not as a weak guess.
    close = [(s, c) for s, c in close if s >= close[0][0] - ALTERNATIVE_WITHIN]
    return Match(outcome_text, _by_confidence(q.suggestion(s, c) for s, c in close)[:top])


_CONFIDENCE_ORDER = {"high": 0, "medium": 1, "low": 2}


def _by_confidence(suggestions: Iterable[Suggestion]) -> tuple[Suggestion, ...]:
    """Suggestions ordered by confidence first, keeping their order (by score, or a compound
    outcome's by part) within one confidence: a low confidence guess never comes before a
    medium one."""
    return tuple(sorted(suggestions, key=lambda s: _CONFIDENCE_ORDER[s.confidence]))


def suggest(outcome_text: str, who_benefits=None, timescale: str | None = None, age=None,
            top: int = 3, library: MeasureLibrary | Iterable[Measure] | None = None
            ) -> list[Suggestion]:
    """Suggest up to `top` measures for an outcome statement, best first, each with a reason.

    An empty list means no close match in the library (see ``match`` for the advice and the
    parts of a compound outcome, which get one measure each)."""
    return list(match(outcome_text, who_benefits, timescale, age, top, library).suggestions)
