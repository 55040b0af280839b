"""Turn free text into comparable terms: tokens, a light stemmer and phrase concepts.

Pure Python and deterministic. The same pipeline is applied to outcome statements and to the
measures library, so that a word and its variants ("re-referred", "re-referral") meet.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_TOKEN = re.compile(r"[a-z0-9]+")
_POSSESSIVE = re.compile(r"(?<=[a-z])'s?\b")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"})
_SPECIAL = (("a&e", "aae"), ("a & e", "aae  "))  # same length, so positions still fit the text

# Irregular forms and comparatives that suffix rules do not reach: replaced by a base word that
# is then stemmed like any other ("earlier" -> "early" -> "earli").
_REPLACE = {
    "children": "child", "people": "person", "men": "man", "women": "woman",
    "earlier": "early", "sooner": "soon", "happier": "happy", "better": "good",
    "fewer": "few", "lower": "low", "higher": "high", "greater": "great", "calmer": "calm",
    "safer": "safe", "closer": "close", "stronger": "strong", "longer": "long",
    "shorter": "short", "quicker": "quick", "faster": "fast", "older": "old",
    "younger": "young", "worse": "bad", "needs": "need",
    # "offence" would lose "-ence" and meet "off" ("time off", "come off a plan", "off-rolling")
    "offence": "offend", "offences": "offend",
}
# Words kept as they are, where a suffix rule would merge them with a word of another meaning
# ("parenting" is not "parent", "timely" is not "time", "looked after" is not "looking after").
_KEEP = frozenset({
    "less", "was", "has", "does", "this", "its", "his", "is", "process", "stress", "address",
    "wellness", "news", "series", "basis", "crisis", "parenting", "looked", "timely", "development",
    "developmental", "caring", "referring", "graded",
})


_SUFFIXES = (("ness", 7), ("ment", 8), ("ity", 7), ("ation", 8), ("ssion", 8), ("ate", 6),
             ("al", 7), ("ance", 7), ("ence", 7))


def _undouble(w: str) -> str:
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        return w[:-1]
    return w


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    """Return a light stem of one lower-case word (plural, -ing, -ed and common suffixes)."""
    if word in _KEEP:
        return word
    w = _REPLACE.get(word, word)
    if len(w) <= 3 or w.isdigit():
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "ches", "shes", "xes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("ing") and len(w) >= 6:
        w = _undouble(w[:-3])
    elif w.endswith("ed") and len(w) >= 5:
        w = _undouble(w[:-2])
    if w.endswith("ly") and len(w) >= 6 and not w.endswith(("ily", "ply")):
        w = w[:-2]
    for _ in range(2):
        for suffix, minimum in _SUFFIXES:
            if w.endswith(suffix) and len(w) >= minimum:
                w = _undouble(w[: -len(suffix)]) if suffix != "ssion" else w[:-3]
                break
        else:
            break
    if w.endswith("e") and len(w) >= 4:
        w = w[:-1]
    if w.endswith("y") and len(w) > 3 and w[-2] not in "aeiou":
        w = w[:-1] + "i"
    if w.endswith("bl"):
        w = w[:-2] + "bil"
    return w


class Token(NamedTuple):
    """One word of a text: its stem, whether it is a stopword, and where it sits in the text."""

    token: str
    stop: bool
    start: int
    end: int


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Lower-case text with curly quotes, dashes and special forms made plain (cached: the
    rules ask for the same outcome's form many times).

    The result has the same length as the text (when lower-casing keeps it), so that character
    positions found in it also point into the original text.
    """
    t = text.lower().translate(_QUOTES)
    for old, new in _SPECIAL:
        t = t.replace(old, new)
    return _POSSESSIVE.sub(lambda m: " " * len(m.group(0)), t)


def tokens(text: str, stopwords: frozenset[str]) -> list[Token]:
    """Split text into stemmed tokens, keeping character positions of the normalised text."""
    t = normalise(text)
    out = []
    for m in _TOKEN.finditer(t):
        s = stem(m.group(0))
        out.append(Token(s, s in stopwords, m.start(), m.end()))
    return out


def match_at(seq: list, i: int, phrase: tuple[str, ...],
             max_other: int = 1) -> tuple[int, list[int]] | None:
    """Match phrase (stems) in seq starting at position i, allowing small gaps.

    Between two phrase words up to three stopwords and at most `max_other` other words may
    sit, so "time with families" matches ("time", "famili") and, with max_other=1, "plans of
    good quality" matches ("plan", "qual"). Returns the index after the last matched token and
    the indices of skipped content tokens, or None.
    """
    if seq[i].token != phrase[0]:
        return None
    pos = i + 1
    skipped: list[int] = []
    n = len(seq)
    for want in phrase[1:]:
        stops = others = 0
        while pos < n and seq[pos].token != want:
            if seq[pos].stop:
                stops += 1
                if stops > 3:
                    return None
            else:
                others += 1
                if others > max_other:
                    return None
                skipped.append(pos)
            pos += 1
        if pos >= n:
            return None
        pos += 1
    return pos, skipped
