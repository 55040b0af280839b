"""The suggestion vocabulary (lm_excel/data/suggest_vocabulary.txt), parsed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from lm_excel.measures.text import Token, match_at, stem, tokens

_SECTIONS = ("synonyms", "domains", "beneficiaries", "ages", "stopwords", "nonscoring",
             "population", "generic", "ambiguous", "anchors", "care_only", "care_context",
             "other_agencies", "needs", "unless")
_WORD_LISTS = ("stopwords", "nonscoring", "population", "generic", "ambiguous", "anchors",
               "care_only", "care_context", "other_agencies")


#: Words of degree, which do not make a phrase specific ("better support" is "support").
_DEGREE = frozenset(stem(w) for w in """better good more less fewer few greater great higher high
    lower low improved improve increased increase reduced reduce well much""".split())


class Term(NamedTuple):
    """A word or concept found in a text, with the span of the text it came from.

    specific: the term names one construct whatever the words around it (a phrase of two or
    more content words, or a word listed under [anchors]); a term that is not specific
    ("communicate", "financial", "aspirations") is at most half the evidence a suggestion needs.
    """

    token: str
    stop: bool
    start: int
    end: int
    specific: bool = True


@dataclass(frozen=True)
class Vocabulary:
    """Synonym concepts, domain cues, beneficiary cues, age cues, stopwords and generic words."""

    synonyms: dict[str, list[tuple[tuple[str, ...], str]]]  # first stem -> [(stems, concept)]
    stopwords: frozenset[str]
    nonscoring: frozenset[str]
    population: frozenset[str]
    generic: frozenset[str]  # words that alone are no evidence for a measure ("contact")
    ambiguous: frozenset[str]  # words whose sense needs the words around them ("confidence")
    domains: dict[str, tuple[str, ...]]  # concept or stem -> domains
    beneficiaries: dict[str, str]  # concept or stem -> who benefits
    ages: dict[str, tuple[float, float | None]]  # concept or stem -> age range
    anchors: frozenset[str] = frozenset()  # concepts that alone name one construct
    anchor_stems: frozenset[str] = frozenset()  # single words (stems) that alone do
    care_only: frozenset[str] = frozenset()  # keys of measures only for children in care
    care_context: frozenset[str] = frozenset()  # concepts and stems that name care
    other_agencies: frozenset[str] = frozenset()  # concepts and stems naming other agencies
    #: measure key -> groups of concepts and stems; an outcome must name one of each group for
    #: that measure to be suggested
    needs: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    #: measure key -> concepts and stems; an outcome naming one of them does not get that
    #: measure (a time named makes an assessment outcome one of timeliness, not of numbers)
    unless: dict[str, frozenset[str]] = field(default_factory=dict)

    def analyse(self, text: str) -> list[Term]:
        """Return the terms of a text: stems, with known phrases replaced by their concept.

        Where phrases overlap, the one with more content words wins ("care proceedings" over
        "in care" in "reduction in care proceedings"), then the longer, then the earlier.
        """
        toks = tokens(text, self.stopwords)
        present = {t.token for t in toks}
        found = []
        for i, tok in enumerate(toks):
            for phrase, concept in self.synonyms.get(tok.token, ()):
                if len(phrase) > 1 and not all(x in present for x in phrase):
                    continue
                hit = match_at(toks, i, phrase, max_other=0)
                if hit:
                    content = sum(1 for x in phrase if x not in self.stopwords)
                    specific = content >= 2 or concept in self.anchors or (
                        hit[0] == i + 1 and tok.token in self.anchor_stems) or (
                        len(phrase) >= 3 and not set(phrase) & _DEGREE) or (
                        len(phrase) == 2 and phrase[0] == "feel")  # a feeling: "feel respected"
                    found.append(((-content, -len(phrase), i), i, hit[0], concept, specific))
        found.sort()
        owner: dict[int, tuple[int, str, bool]] = {}
        taken = [False] * len(toks)
        for _, i, end, concept, specific in found:
            if not any(taken[i:end]):
                taken[i:end] = [True] * (end - i)
                owner[i] = (end, concept, specific)
        out: list[Term] = []
        i = 0
        while i < len(toks):
            if i in owner:
                end, concept, specific = owner[i]
                out.append(Term(concept, False, toks[i].start, toks[end - 1].end, specific))
                i = end
            else:
                t = toks[i]
                out.append(Term(t.token, t.stop, t.start, t.end, t.token in self.anchor_stems))
                i += 1
        return out


def _phrase(text: str, stopwords: frozenset[str]) -> tuple[str, ...]:
    """Stems of a vocabulary phrase: its content words, or all words when that leaves one.

    A phrase written after "=" keeps every word ("=child in need" is not "children's needs")."""
    if text.startswith("="):
        return tuple(t.token for t in tokens(text[1:], stopwords))
    toks = tokens(text, stopwords)
    content = tuple(t.token for t in toks if not t.stop)
    if len(content) < 2 and len(toks) >= 2:
        return tuple(t.token for t in toks)
    return content


def _sections(text: str) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {s: {} for s in _SECTIONS}
    section = None
    entries: list[str] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("["):
            section = line.strip("[] ")
            entries = []
            continue
        if section in _WORD_LISTS:
            out[section].setdefault("", []).extend(line.split())
        elif raw[:1].isspace() and entries:
            entries.extend(p.strip() for p in line.split(";") if p.strip())
        else:
            name, _, rest = line.partition(":")
            entries = out[section].setdefault(name.strip(), [])
            entries.extend(p.strip() for p in rest.split(";") if p.strip())
    return out


def _groups(words: list[str], concept) -> tuple[frozenset[str], ...]:
    """The groups of a [needs] entry: words separated by ';', groups by '&'."""
    groups: list[set[str]] = [set()]
    for w in words:
        for i, part in enumerate(w.split("&")):
            if i:
                groups.append(set())
            if part.strip():
                groups[-1].add(concept(part.strip()))
    return tuple(frozenset(g) for g in groups if g)


def parse_vocabulary(text: str) -> Vocabulary:
    """Build a Vocabulary from the text format of suggest_vocabulary.txt."""
    sec = _sections(text)
    stopwords = frozenset(stem(w) for w in sec["stopwords"].get("", []))
    synonyms: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for concept, variants in sec["synonyms"].items():
        for v in variants:
            ph = _phrase(v, stopwords)
            if ph:
                synonyms.setdefault(ph[0], []).append((ph, concept))
    partial = Vocabulary(synonyms, stopwords, frozenset(), frozenset(), frozenset(), frozenset(),
                         {}, {}, {})

    def concept_of(word: str) -> str:
        terms = [t for t in partial.analyse(word) if not t.stop] or partial.analyse(word)
        return terms[0].token if terms else word

    concepts = {c for entries in synonyms.values() for _, c in entries}
    # A concept's own name stays itself ("cjs_order" is not the concept of "cjs").
    nonscoring = frozenset(w if w in concepts else concept_of(w)
                           for w in sec["nonscoring"].get("", []))
    population = frozenset(concept_of(w) for w in sec["population"].get("", []))
    generic = frozenset(concept_of(w) for w in sec["generic"].get("", []))
    ambiguous = frozenset(concept_of(w) for w in sec["ambiguous"].get("", []))
    domains: dict[str, list[str]] = {}
    for domain, words in sec["domains"].items():
        for w in words:
            domains.setdefault(concept_of(w), []).append(domain)
    beneficiaries: dict[str, str] = {}
    for who, words in sec["beneficiaries"].items():
        for w in words:
            beneficiaries.setdefault(w if w in concepts else concept_of(w), who)
    ages: dict[str, tuple[float, float | None]] = {}
    for word, (rng, *_) in sec["ages"].items():
        lo, _, hi = rng.partition("-")
        # A concept's own name stays itself, as under [nonscoring] and [beneficiaries].
        ages[word if word in concepts else concept_of(word)] = (float(lo), float(hi) if hi.strip() else None)
    # An anchor is a concept's name (all its phrases) or a word (that word's stem only:
    # "income" is specific where "financial", of the same concept, is not).
    words = sec["anchors"].get("", [])
    anchors = frozenset(w for w in words if w in concepts)
    anchor_stems = frozenset(stem(w.lower()) for w in words if w not in concepts)
    needs = {key: _groups(words, lambda w: w if w in concepts else concept_of(w))
             for key, words in sec["needs"].items()}
    unless = {key: frozenset().union(*_groups(words, lambda w: w if w in concepts else concept_of(w)))
              for key, words in sec["unless"].items()}
    care_context, other_agencies = (
        frozenset(w if w in concepts else stem(w.lower()) for w in sec[name].get("", []))
        for name in ("care_context", "other_agencies"))
    return Vocabulary(
        synonyms, stopwords, nonscoring, population, generic, ambiguous,
        {k: tuple(v) for k, v in domains.items()}, beneficiaries, ages, anchors, anchor_stems,
        frozenset(sec["care_only"].get("", [])), care_context, other_agencies, needs, unless,
    )


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary shipped in the package."""
    text = resources.files("lm_excel").joinpath("data/suggest_vocabulary.txt").read_text("utf-8")
    return parse_vocabulary(text)


__all__ = ["Term", "Token", "Vocabulary", "parse_vocabulary", "vocabulary"]
