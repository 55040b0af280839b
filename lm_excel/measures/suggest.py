"""Suggest evaluation measures for an outcome statement, with a plain-English reason.

The method is deliberately simple and explainable (no machine learning):

1. Both the outcome and every measure's name, description and keywords are reduced to terms:
   light stems, with known phrases replaced by one concept ("re-referred" and "re-referral"
   become the concept ``re_referral``; see lm_excel/data/suggest_vocabulary.txt).
2. A measure scores for each of its terms found in the outcome, weighted by how rare the term is
   across the library (inverse document frequency) and by where it sits in the measure (keyword,
   name, description), plus a bonus for multi-word keywords found as a phrase.
3. A measure in a domain the outcome points to (safety, education...) gets a smaller bonus.
4. The total is then scaled by fit: who benefits (an outcome for practitioners never gets a
   questionnaire completed by children or parents), the age range of the instrument, and the
   outcome's timescale.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from lm_excel.errors import SuggestError
from lm_excel.measures.library import WHO_BENEFITS, Measure, MeasureLibrary, load_library
from lm_excel.measures.text import match_at, normalise
from lm_excel.measures.vocab import Term, vocabulary

NAME_WEIGHT = 2.5
KEYWORD_WEIGHT = 2.0
TEXT_WEIGHT = 1.0
PHRASE_WEIGHT = 0.6
NAME_COVER = 2.0  # bonus when the outcome covers all of a measure's name
POPULATION_WEIGHT = 0.5  # words that say who an outcome is about count half
HEAD_WEIGHT = 1.5  # the first word that points to a measure counts more
DOMAIN_PRIMARY = 2.0
DOMAIN_SECONDARY = 1.2
MISFIT_WHO = 0.55
MISFIT_AGE = 0.45
TIMESCALE_FIT = 1.05
SCORE_HALF = 5.0  # a raw score of 5 shows as 0.5

_WHO_ALIASES = {
    "child": "child", "children": "child", "young person": "child", "young people": "child",
    "child or young person": "child", "children and young people": "child",
    "parent": "parent or carer", "parents": "parent or carer", "carer": "parent or carer",
    "carers": "parent or carer", "parent or carer": "parent or carer",
    "parents or carers": "parent or carer", "parents and carers": "parent or carer",
    "family": "family", "families": "family", "practitioner": "practitioner",
    "practitioners": "practitioner", "staff": "practitioner", "workforce": "practitioner",
    "service": "service or system", "system": "service or system",
    "service or system": "service or system", "community": "community",
    "communities": "community",
}
_WHO_LABEL = {
    "child": "children and young people", "parent or carer": "parents or carers",
    "family": "families", "practitioner": "practitioners",
    "service or system": "the service or system", "community": "the community",
}
_AGE_RANGE = re.compile(
    r"\b(?:aged?|ages)?\s*(\d{1,2})\s*(?:-|to)\s*(\d{1,2})(?!\s*(?:month|week|day|hour|session|time|%))"
)
_AGE_UNDER = re.compile(r"\bunder[\s-]?(?:(\d{1,2})s?\b|fives\b)")
_AGE_OVER = re.compile(r"\b(?:aged?\s+(\d{1,2})\s*(?:\+|and over|or over|plus)|over[\s-]?(\d{1,2})s\b)")
_AGE_YEAR_OLD = re.compile(r"\b(\d{1,2})[\s-]?years?[\s-]?olds?\b")


@dataclass(frozen=True)
class Suggestion:
    """One suggested measure for an outcome, with a score in [0, 1) and the reason."""

    measure: Measure
    score: float
    why: str

    def as_dict(self) -> dict:
        """The suggestion as plain data for JSON output."""
        return {"key": self.measure.key, "name": self.measure.name,
                "score": self.score, "why": self.why}


class Index:
    """Term weights and phrases of every measure in a library, built once."""

    def __init__(self, measures: Iterable[Measure]):
        vocab = vocabulary()
        self.vocab = vocab
        self.measures: tuple[Measure, ...] = tuple(measures)
        weights: list[dict[str, float]] = []
        self.name_terms: list[frozenset[str]] = []
        phrases: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for mid, m in enumerate(self.measures):
            w: dict[str, float] = {}
            seen_phrases: set[tuple[str, ...]] = set()
            fields = [(m.name, NAME_WEIGHT), (m.what_it_measures, TEXT_WEIGHT)]
            fields += [(k, KEYWORD_WEIGHT) for k in m.keywords]
            for text, weight in fields:
                content = [t.token for t in vocab.analyse(text) if not t.stop]
                for tok in content:
                    if tok not in vocab.nonscoring and not tok.isdigit():
                        w[tok] = max(w.get(tok, 0.0), weight)
                if weight != TEXT_WEIGHT and len(content) >= 2:
                    ph = tuple(content)
                    if ph not in seen_phrases:
                        seen_phrases.add(ph)
                        phrases.setdefault(ph[0], []).append((ph, mid))
            weights.append(w)
            self.name_terms.append(frozenset(
                t.token for t in vocab.analyse(m.name)
                if not t.stop and t.token not in vocab.nonscoring and not t.token.isdigit()
            ))
        n = len(self.measures)
        df: dict[str, int] = {}
        for w in weights:
            for tok in w:
                df[tok] = df.get(tok, 0) + 1
        for ph_list in phrases.values():
            for ph, _ in ph_list:
                for tok in ph:
                    df.setdefault(tok, 1)
        self.idf = {tok: math.log(1.0 + n / c) for tok, c in df.items()}
        self.postings: dict[str, list[tuple[int, float]]] = {}
        for mid, w in enumerate(weights):
            for tok, weight in w.items():
                self.postings.setdefault(tok, []).append((mid, weight))
        self.phrases = phrases
        self.name_idf = [sum(self.idf[x] for x in sorted(name)) for name in self.name_terms]
        self.name_postings: dict[str, list[int]] = {}
        for mid, name in enumerate(self.name_terms):
            for tok in name:
                self.name_postings.setdefault(tok, []).append(mid)
        self.by_key = {m.key: i for i, m in enumerate(self.measures)}
        self.who_sets = [frozenset(m.who_benefits) for m in self.measures]
        self.child_or_parent = [m.is_child_or_parent_questionnaire for m in self.measures]
        self.domain_members: dict[str, list[tuple[int, float]]] = {}
        for mid, m in enumerate(self.measures):
            for rank, d in enumerate(m.domains):
                bonus = DOMAIN_PRIMARY if rank == 0 else DOMAIN_SECONDARY
                self.domain_members.setdefault(d, []).append((mid, bonus))

    def rank(self, text: str, who: frozenset[str], ages: tuple[float, float | None] | None,
             timescale: str | None, top: int, terms: list[Term] | None = None
             ) -> list[tuple[float, int, str]]:
        """Score every measure for one outcome; return the best (score, measure index, why).

        ``terms`` is ``self.vocab.analyse(text)`` when the caller already has it."""
        vocab = self.vocab
        if terms is None:
            terms = vocab.analyse(text)
        shown = text if len(normalise(text)) == len(text) else normalise(text)
        content = [t for t in terms if not t.stop]
        raw: dict[int, float] = {}
        hits: dict[int, dict[tuple[int, int], float]] = {}

        def credit(mid: int, span: tuple[int, int], amount: float) -> None:
            raw[mid] = raw.get(mid, 0.0) + amount
            spans = hits.setdefault(mid, {})
            spans[span] = spans.get(span, 0.0) + amount

        seen: set[str] = set()
        head = True
        for t in content:
            if t.token in seen or t.token in vocab.nonscoring or t.token.isdigit():
                continue
            seen.add(t.token)
            idf = self.idf.get(t.token)
            if idf is None:
                continue
            if t.token in vocab.population:
                idf *= POPULATION_WEIGHT
            elif head:
                # The first word that points to a measure is usually what should change
                # ("reduced turnover of practitioners in early help teams").
                idf *= HEAD_WEIGHT
                head = False
            for mid, weight in self.postings.get(t.token, ()):
                credit(mid, (t.start, t.end), idf * weight)
        covered: dict[int, float] = {}
        for tok in sorted(seen):
            for mid in self.name_postings.get(tok, ()):
                covered[mid] = covered.get(mid, 0.0) + self.idf[tok]
        for mid, idf_sum in covered.items():
            raw[mid] += NAME_COVER * idf_sum / self.name_idf[mid]
        credited: set[tuple[int, tuple[str, ...]]] = set()
        present = {t.token for t in terms}
        for i, t in enumerate(terms):
            for ph, mid in self.phrases.get(t.token, ()):
                if (mid, ph) in credited or not all(x in present for x in ph):
                    continue
                hit = match_at(terms, i, ph)
                if hit:
                    credited.add((mid, ph))
                    bonus = PHRASE_WEIGHT * sum(self.idf.get(x, 1.0) for x in ph)
                    credit(mid, (t.start, terms[hit[0] - 1].end), bonus)

        cue_domains: dict[str, None] = {}
        for t in content:
            for d in vocab.domains.get(t.token, ()):
                cue_domains[d] = None
        domain_bonus: dict[int, tuple[float, str]] = {}
        for d in cue_domains:
            for mid, bonus in self.domain_members.get(d, ()):
                if bonus > domain_bonus.get(mid, (0.0, ""))[0]:
                    domain_bonus[mid] = (bonus, d)
        for mid, (bonus, _) in domain_bonus.items():
            raw[mid] = raw.get(mid, 0.0) + bonus

        practitioner_only = who == {"practitioner"}
        scored: list[tuple[float, str, int]] = []
        for mid, base in raw.items():
            m = self.measures[mid]
            if practitioner_only and self.child_or_parent[mid]:
                continue
            factor = 1.0
            if who and not who & self.who_sets[mid]:
                factor = MISFIT_WHO
            if ages is not None or timescale is not None:
                factor = self._fit(m, who, ages, timescale)[0]
            scored.append((base * factor, m.key, mid))
        scored.sort(key=lambda r: (-r[0], r[1]))
        out = []
        for score, _, mid in scored[:top]:
            notes = self._fit(self.measures[mid], who, ages, timescale)[1]
            domain = domain_bonus[mid][1] if mid in domain_bonus else None
            out.append((score, mid, _why(shown, hits.get(mid, {}), domain, notes)))
        return out

    @staticmethod
    def _fit(m: Measure, who: frozenset[str], ages: tuple[float, float | None] | None,
             timescale: str | None) -> tuple[float, list[str]]:
        """How well a measure fits who benefits, the ages and the timescale, and why not."""
        factor = 1.0
        notes: list[str] = []
        if who and not who & set(m.who_benefits):
            factor *= MISFIT_WHO
            notes.append(f"not usually for {_join_who(sorted(who))}")
        # An upper age limit of 18 or less is a child's age and always applies; an open range
        # ("13+", "18+") is the minimum age of someone completing it about themselves, which
        # says nothing when the outcome is about parents or staff ("parents of babies").
        child_age = m.age_max is not None and m.age_max <= 18
        if (ages is not None and (child_age or not who or "child" in who)
                and not _overlaps(ages, (m.age_min, m.age_max))):
            factor *= MISFIT_AGE
            notes.append(f"designed for ages {m.age_range}")
        if timescale == "short" and m.kind != "administrative":
            factor *= TIMESCALE_FIT
            notes.append("can show change in the short term")
        elif timescale == "long" and m.kind == "administrative":
            factor *= TIMESCALE_FIT
            notes.append("routine data suits a long-term outcome")
        return factor, notes


def _join_who(values: Iterable[str]) -> str:
    labels = [_WHO_LABEL.get(v, v) for v in values]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _overlaps(a: tuple[float, float | None], b: tuple[float | None, float | None]) -> bool:
    lo, hi = b
    if lo is None and hi is None:
        return True
    lo = 0.0 if lo is None else lo
    return (hi is None or a[0] <= hi) and (a[1] is None or a[1] >= lo)


def _why(text: str, spans: dict[tuple[int, int], float], domain: str | None,
         notes: list[str]) -> str:
    parts = []
    if spans:
        top = sorted(spans.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        # Drop a span inside a bigger chosen one ("stress" inside "parenting stress").
        chosen = [s for s, _ in top]
        chosen = [s for s in chosen
                  if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in chosen)]
        words = [f"'{text[a:b]}'" for a, b in sorted(chosen)]
        parts.append("matches " + ", ".join(words))
    if domain:
        parts.append(f"{domain.replace('_', ' ')} domain")
    if not spans and domain:
        parts[0:0] = ["no words matched directly"]
    parts += notes
    return "; ".join(parts)


def parse_who(who: str | Iterable[str] | None) -> frozenset[str]:
    """Normalise who-benefits values ("Parents; children") to the library's vocabulary."""
    if who is None:
        return frozenset()
    items = re.split(r"[;,/\n]", who) if isinstance(who, str) else list(who)
    out = set()
    for raw in items:
        v = " ".join(str(raw).lower().split())
        if not v:
            continue
        if v not in _WHO_ALIASES:
            raise SuggestError(
                f"who benefits {raw!r} is not one of: {', '.join(WHO_BENEFITS)}"
            )
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


def who_in_text(terms: list[Term]) -> str | None:
    """Who an outcome is about, from the first person-word in it ("social workers" ...)."""
    cues = vocabulary().beneficiaries
    for t in terms:
        if not t.stop and t.token in cues:
            return cues[t.token]
    return None


def suggest(outcome_text: str, who_benefits=None, timescale: str | None = None, age=None,
            top: int = 3, library: MeasureLibrary | Iterable[Measure] | None = None
            ) -> list[Suggestion]:
    """Suggest up to `top` measures for an outcome statement, best first, each with a reason.

    who_benefits: "child", "parent or carer", "family", "practitioner", "service or system" or
    "community" (or several, separated by semicolons); when None it is read from the text.
    timescale: short, medium or long term. age: a number, a (low, high) pair or "0-5"; when
    None an age range mentioned in the text ("aged 0-5", "teenagers") is used.
    """
    if top < 1:
        raise SuggestError(f"top must be at least 1, not {top}")
    if library is None:
        library = load_library()
    elif not isinstance(library, MeasureLibrary):
        library = MeasureLibrary(library)
    index = library.index
    terms = index.vocab.analyse(outcome_text)
    who = parse_who(who_benefits)
    if not who:
        inferred = who_in_text(terms)
        who = frozenset({inferred}) if inferred else who
    ages = parse_age(age) if age is not None else ages_in_text(outcome_text, terms)
    ranked = index.rank(outcome_text, who, ages, parse_timescale(timescale), top, terms)
    out = [
        Suggestion(index.measures[mid], round(score / (score + SCORE_HALF), 3), why)
        for score, mid, why in ranked
    ]
    if not out:
        out = _fallback(index, who, top)
    return out


_FALLBACK = {
    "practitioner": ("practitioner_survey",),
    "service or system": ("partner_survey", "cost_data"),
}


def _fallback(index: Index, who: frozenset[str], top: int) -> list[Suggestion]:
    keys = _FALLBACK.get(next(iter(who)) if len(who) == 1 else "", ("family_experience",))
    out = []
    for key in keys[:top]:
        if key in index.by_key:
            m = index.measures[index.by_key[key]]
            out.append(Suggestion(m, 0.0, "no words matched the library; a general measure "
                                  f"for {_join_who(m.who_benefits[:1])}; choose by hand"))
    return out
