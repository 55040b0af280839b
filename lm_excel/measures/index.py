"""The search index of a measures library: term weights, phrases and fit data, built once.

``index_of(library)`` builds the index on first use and keeps it while the library lives.
The index knows how strongly each measure is tied to each term, and how much real evidence
a match carries: a generic word ("support", "contact", "needs") weighs little and never
counts as evidence on its own; a concept ("re-referral"), a specific word in a measure's name
or keywords, or a keyword phrase found in the outcome does.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable
from typing import NamedTuple

from lm_excel.measures.library import Measure, MeasureLibrary
from lm_excel.measures.text import match_at
from lm_excel.measures.vocab import Term, vocabulary

NAME_WEIGHT = 2.5
KEYWORD_WEIGHT = 2.0
TEXT_WEIGHT = 1.0
PHRASE_WEIGHT = 0.9  # a measure's keyword phrase found in the outcome, per term of the phrase
NAME_COVER = 2.0  # bonus when the outcome covers all of a measure's name
POPULATION_WEIGHT = 0.5  # words that say who an outcome is about count half
BENEFICIARY_WEIGHT = 0.5  # and words naming who (a filter already) half that again
GENERIC_WEIGHT = 0.3  # generic words ("support", "contact") count little
HEAD_WEIGHT = 1.5  # the first word that points to a measure counts more
DOMAIN_PRIMARY = 2.0
DOMAIN_SECONDARY = 1.2

# Evidence a match carries (a suggestion needs at least EVIDENCE_NEEDED).
EVIDENCE_NEEDED = 1.0
EVIDENCE_STRONG = 1.0  # a concept or specific word in the measure's name or keywords; a phrase
EVIDENCE_TEXT = 0.5  # a specific word found only in the measure's description
EVIDENCE_WEAK = 0.25  # a generic or population word


class Candidate(NamedTuple):
    """One measure scored for one outcome (or part of one)."""

    score: float  # raw score, 0 upwards
    evidence: float  # how much real evidence the match carries (see EVIDENCE_*)
    mid: int  # the measure's position in the index
    spans: tuple[tuple[int, int], ...]  # the matched character spans, strongest first
    domain: str | None  # the domain the outcome pointed to, when it helped


class Index:
    """Term weights and phrases of every measure in a library, built once."""

    def __init__(self, measures: Iterable[Measure]):
        vocab = vocabulary()
        self.vocab = vocab
        self.measures: tuple[Measure, ...] = tuple(measures)
        weights: list[dict[str, float]] = []
        # Terms that stand alone in a measure's name or keywords: strong evidence. A word
        # seen only inside a longer keyword ("confidence" in "parenting confidence") is not.
        self.alone: list[frozenset[str]] = []
        self.name_terms: list[frozenset[str]] = []
        phrases: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for mid, m in enumerate(self.measures):
            w: dict[str, float] = {}
            alone: set[str] = set()
            seen_phrases: set[tuple[str, ...]] = set()
            fields = [(m.matched.name, NAME_WEIGHT), (m.matched.what_it_measures, TEXT_WEIGHT)]
            fields += [(k, KEYWORD_WEIGHT) for k in m.keywords]
            for text, weight in fields:
                content = [t.token for t in vocab.analyse(text) if not t.stop]
                for tok in content:
                    if self._scores(tok):
                        w[tok] = max(w.get(tok, 0.0), weight)
                if weight == NAME_WEIGHT or (weight == KEYWORD_WEIGHT and len(content) == 1):
                    alone.update(content)
                if weight != TEXT_WEIGHT and len(content) >= 2:
                    ph = tuple(content)
                    if ph not in seen_phrases:
                        seen_phrases.add(ph)
                        phrases.setdefault(ph[0], []).append((ph, mid))
            weights.append(w)
            self.alone.append(frozenset(alone))
            self.name_terms.append(frozenset(
                t.token for t in vocab.analyse(m.matched.name) if not t.stop and self._scores(t.token)))
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
        self.domain_members: dict[str, list[tuple[int, float]]] = {}
        for mid, m in enumerate(self.measures):
            for rank, d in enumerate(m.domains):
                bonus = DOMAIN_PRIMARY if rank == 0 else DOMAIN_SECONDARY
                self.domain_members.setdefault(d, []).append((mid, bonus))

    def _scores(self, tok: str) -> bool:
        return tok not in self.vocab.nonscoring and not tok.isdigit()

    def candidates(self, terms: list[Term], allowed) -> list[Candidate]:
        """Score the measures that ``allowed(mid)`` accepts for an outcome's terms, best first.

        Only measures with some match are returned; the caller decides what is enough. The
        score adds, in this order: each word's weight, how much of a measure's name the words
        cover, each phrase matched, and the bonus of a domain the words point to."""
        content = [t for t in terms if not t.stop]
        tally = _Tally()
        seen = self._credit_words(content, tally)
        self._credit_name_cover(seen, tally.raw)
        self._credit_phrases(terms, tally)
        domain_bonus = self._domain_bonus(content, tally.raw)
        out = []
        for mid, score in tally.raw.items():
            if not allowed(mid):
                continue
            spans = tally.hits.get(mid, {})
            ordered = tuple(s for s, _ in sorted(spans.items(), key=lambda kv: (-kv[1], kv[0])))
            domain = domain_bonus[mid][1] if mid in domain_bonus else None
            out.append(Candidate(score, tally.evidence.get(mid, 0.0), mid, ordered, domain))
        out.sort(key=lambda c: (-c.score, self.measures[c.mid].key))
        return out

    def _credit_words(self, content: list[Term], tally: _Tally) -> set[str]:
        """Credit each measure for each distinct word it shares with the outcome (weighted by
        rarity and by kind of word); returns the words that score."""
        vocab = self.vocab
        seen: set[str] = set()
        specific = {t.token for t in content if t.specific}  # named specifically anywhere
        head = True
        for t in content:
            if t.token in seen or not self._scores(t.token):
                continue
            seen.add(t.token)
            idf = self.idf.get(t.token)
            if idf is None:
                continue
            population = t.token in vocab.population
            weak = population or t.token in vocab.generic
            if t.token in vocab.population:
                idf *= POPULATION_WEIGHT
                if t.token in vocab.beneficiaries:
                    idf *= BENEFICIARY_WEIGHT
            elif t.token in vocab.generic:
                idf *= GENERIC_WEIGHT
            elif head:
                # The first word that points to a measure is usually what should change
                # ("reduced turnover of practitioners in early help teams").
                idf *= HEAD_WEIGHT
                head = False
            for mid, weight in self.postings.get(t.token, ()):
                ev = self._word_evidence(t.token, mid, population, weak, specific, tally)
                tally.credit(mid, (t.start, t.end), idf * weight, ev)
        return seen

    def _word_evidence(self, token: str, mid: int, population: bool, weak: bool,
                       specific: set[str], tally: _Tally) -> float:
        """How much evidence one shared word is for one measure (see EVIDENCE_*)."""
        vocab = self.vocab
        if population and token in self.name_terms[mid]:
            # What the measure counts ("more use of kinship placements") is evidence;
            # words naming the people an outcome is about ("care leavers have financial
            # security") are not enough on their own.
            return EVIDENCE_TEXT if token in vocab.beneficiaries else EVIDENCE_STRONG
        if weak:
            return EVIDENCE_WEAK
        if token in vocab.ambiguous:
            # "Increased confidence": whose, in what? Half the evidence needed, however
            # many such words ("skills ... risks") the outcome has.
            ev = max(0.0, EVIDENCE_TEXT - tally.ambiguous.get(mid, 0.0))
            tally.ambiguous[mid] = tally.ambiguous.get(mid, 0.0) + ev
            return ev
        if token not in specific:
            # One word that does not name one construct on its own ("communicate":
            # with whom? "financial": income or skills?) is half the evidence needed.
            return EVIDENCE_TEXT if token in self.alone[mid] else EVIDENCE_WEAK
        return EVIDENCE_STRONG if token in self.alone[mid] else EVIDENCE_TEXT

    def _credit_name_cover(self, seen: set[str], raw: dict[int, float]) -> None:
        """Add to each measure's score the share of its name's weight the words cover."""
        covered: dict[int, float] = {}
        for tok in sorted(seen):
            if tok in self.vocab.beneficiaries:
                continue  # who an outcome is for is a filter, not a match ("kinship carers' X")
            for mid in self.name_postings.get(tok, ()):
                covered[mid] = covered.get(mid, 0.0) + self.idf[tok]
        for mid, idf_sum in covered.items():
            raw[mid] += NAME_COVER * idf_sum / self.name_idf[mid]

    def _credit_phrases(self, terms: list[Term], tally: _Tally) -> None:
        """Credit each measure once for each of its phrases found in the outcome."""
        vocab = self.vocab
        credited: set[tuple[int, tuple[str, ...]]] = set()
        weak_words = vocab.generic | vocab.population | vocab.nonscoring
        present = {t.token for t in terms}
        for i, t in enumerate(terms):
            for ph, mid in self.phrases.get(t.token, ()):
                if (mid, ph) in credited or not all(x in present for x in ph):
                    continue
                hit = match_at(terms, i, ph)
                if hit:
                    credited.add((mid, ph))
                    bonus = PHRASE_WEIGHT * sum(self.idf.get(x, 1.0) for x in ph)
                    # A phrase of words that each say nothing ("family support") says little.
                    ev = EVIDENCE_WEAK if all(x in weak_words for x in ph) else EVIDENCE_STRONG
                    tally.credit(mid, (t.start, terms[hit[0] - 1].end), bonus, ev)

    def _domain_bonus(self, content: list[Term], raw: dict[int, float]) -> dict[int, tuple[float, str]]:
        """Add to each measure already matched the largest bonus of a domain the outcome's
        words point to; returns the bonus and domain given to each."""
        cue_domains: dict[str, None] = {}
        for t in content:
            if t.token in self.vocab.beneficiaries:
                continue  # who an outcome is for says nothing of what changes
            for d in self.vocab.domains.get(t.token, ()):
                cue_domains[d] = None
        domain_bonus: dict[int, tuple[float, str]] = {}
        for d in cue_domains:
            for mid, bonus in self.domain_members.get(d, ()):
                if mid in raw and bonus > domain_bonus.get(mid, (0.0, ""))[0]:
                    domain_bonus[mid] = (bonus, d)
        for mid, (bonus, _) in domain_bonus.items():
            raw[mid] += bonus
        return domain_bonus


class _Tally:
    """What the words and phrases of one outcome have credited to each measure so far."""

    def __init__(self) -> None:
        self.raw: dict[int, float] = {}  # score
        self.evidence: dict[int, float] = {}
        self.hits: dict[int, dict[tuple[int, int], float]] = {}  # span -> score it gave
        self.ambiguous: dict[int, float] = {}  # evidence given by words of several senses

    def credit(self, mid: int, span: tuple[int, int], amount: float, ev: float) -> None:
        self.raw[mid] = self.raw.get(mid, 0.0) + amount
        self.evidence[mid] = self.evidence.get(mid, 0.0) + ev
        spans = self.hits.setdefault(mid, {})
        spans[span] = spans.get(span, 0.0) + amount


_INDEXES: weakref.WeakKeyDictionary[MeasureLibrary, Index] = weakref.WeakKeyDictionary()


def index_of(library: MeasureLibrary) -> Index:
    """The search index of a library, built on first use and kept while the library lives."""
    found = _INDEXES.get(library)
    if found is None:
        found = _INDEXES[library] = Index(library)
    return found
