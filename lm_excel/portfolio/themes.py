"""Theme dictionaries: named groups of keywords and phrases, matched in a logic model's text.

A theme dictionary is a small data file a user can edit: the default themes across sites
(``lm_excel/data/themes.csv``: hybrid delivery, community need, multi-agency risk, ...) and the
outcome domains (``lm_excel/data/outcome_domains.csv``: safety, education, wellbeing, ...) are
two of them. See ``docs/portfolio.md`` for the file format.

Matching is plain and explainable: a phrase matches whole words, case-insensitively; spaces and
hyphens between words are interchangeable ("multi-agency" finds "multi agency"); a ``*`` at the
end of a word matches any ending ("safeguard*" finds "safeguarding"). Every match records the
text that matched, so a reader can see why a site was counted under a theme.

Nothing here does I/O except :func:`load_themes`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lm_excel.errors import UsageError

#: Separators between keywords in one CSV cell.
_KEYWORD_SPLIT = re.compile(r"[;\n|]+")
#: Shortest keyword accepted (shorter ones match too much by accident).
MIN_KEYWORD_LENGTH = 3
#: Characters of context kept either side of a match in an excerpt.
EXCERPT_CONTEXT = 60


@dataclass(frozen=True)
class Theme:
    """A named theme and the keywords or phrases that signal it."""

    name: str
    keywords: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class ThemeHit:
    """One cell whose text matched a theme: where, what matched, and a short excerpt."""

    theme: str
    ref: str  # "Sheet!A1"
    matched: tuple[str, ...]  # the words as found in the text (lower case, distinct)
    excerpt: str


# --- loading ------------------------------------------------------------------------------------


def default_themes_path() -> Path:
    """The theme dictionary shipped with lm-excel (copy it to make your own)."""
    return Path(str(resources.files("lm_excel").joinpath("data/themes.csv")))


def default_domains_path() -> Path:
    """The outcome-domain dictionary shipped with lm-excel."""
    return Path(str(resources.files("lm_excel").joinpath("data/outcome_domains.csv")))


def load_themes(path: str | os.PathLike[str] | None = None) -> tuple[Theme, ...]:
    """Read a theme dictionary (.csv or .json); the shipped one when ``path`` is None.

    Raises :class:`~lm_excel.errors.UsageError` with one line naming the file and the row (or
    JSON entry) when the file cannot be used.
    """
    p = default_themes_path() if path is None else Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise UsageError("theme file not found", p) from None
    except IsADirectoryError:
        raise UsageError("is a folder; give a theme file (.csv or .json)", p) from None
    except OSError as exc:
        raise UsageError(f"theme file cannot be read: {exc.strerror or exc}", p) from None
    text = _decode(raw, p)
    suffix = p.suffix.lower()
    if suffix == ".json":
        themes = _from_json(text, p)
    elif suffix in (".csv", ".txt"):
        themes = _from_csv(text, p)
    else:
        raise UsageError(
            f"theme files must be .csv or .json, not '{p.suffix or 'no extension'}'", p
        )
    if not themes:
        raise UsageError("the theme file has no themes; see docs/portfolio.md for the format", p)
    return themes


def _decode(raw: bytes, path: Path) -> str:
    if raw.startswith(b"PK\x03\x04") or b"\x00" in raw[:4096]:
        raise UsageError(
            "is not a text file; save the theme list as CSV (comma separated) or JSON", path
        )
    for encoding in ("utf-8-sig", "cp1252"):  # Excel on Windows saves CSV as cp1252
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UsageError("cannot be decoded as text; save it as CSV UTF-8", path)  # pragma: no cover


def _norm_header(value: object) -> str:
    return re.sub(r"[^a-z]", "", str(value or "").lower())


_HEADERS = {
    "theme": ("theme", "name", "domain", "themename"),
    "keywords": ("keywords", "keyword", "phrases", "words", "keywordsorphrases"),
    "description": ("description", "about", "meaning", "notes"),
}


def _from_csv(text: str, path: Path) -> tuple[Theme, ...]:
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise UsageError(f"is not valid CSV ({exc})", path) from None
    rows_numbered = [(n, r) for n, r in enumerate(rows, start=1) if any(c.strip() for c in r)]
    if not rows_numbered:
        raise UsageError("the theme file is empty; see docs/portfolio.md for the format", path)
    header_n, header = rows_numbered[0]
    cols: dict[str, int] = {}
    for i, cell in enumerate(header):
        key = _norm_header(cell)
        for name, aliases in _HEADERS.items():
            if key in aliases and name not in cols:
                cols[name] = i
    for needed in ("theme", "keywords"):
        if needed not in cols:
            raise UsageError(
                f"row {header_n}: the header row needs a '{needed}' column "
                "(expected columns: theme, description, keywords)",
                path,
            )
    order: list[str] = []
    keywords: dict[str, list[str]] = {}
    descriptions: dict[str, str] = {}
    for n, row in rows_numbered[1:]:
        def cell(name: str, row: list[str] = row) -> str:
            i = cols.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        name = cell("theme")
        words = [w.strip() for w in _KEYWORD_SPLIT.split(cell("keywords")) if w.strip()]
        where = f"row {n}"
        if not name:
            raise UsageError(f"{where}: keywords without a theme name in the 'theme' column", path)
        if not words and name not in keywords:
            raise UsageError(
                f"{where}: theme '{name}' has no keywords; list words or phrases separated by "
                "semicolons in the 'keywords' column",
                path,
            )
        for w in words:
            _check_keyword(w, f"{where}, theme '{name}'", path)
        if name not in keywords:
            order.append(name)
            keywords[name] = []
        keywords[name].extend(w for w in words if w.lower() not in {k.lower() for k in keywords[name]})
        if cell("description") and not descriptions.get(name):
            descriptions[name] = cell("description")
    return tuple(Theme(name, tuple(keywords[name]), descriptions.get(name, "")) for name in order)


def _from_json(text: str, path: Path) -> tuple[Theme, ...]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})", path) from None
    if isinstance(data, dict) and "themes" in data:
        data = data["themes"]
    entries: list[tuple[str, object, str, str]] = []  # name, keywords, description, where
    if isinstance(data, dict):
        for name, words in data.items():
            entries.append((str(name), words, "", f"theme '{name}'"))
    elif isinstance(data, list):
        for i, item in enumerate(data, start=1):
            where = f"theme number {i}"
            if not isinstance(item, dict):
                raise UsageError(f"{where}: expected an object with 'theme' and 'keywords'", path)
            name = item.get("theme", item.get("name"))
            if not isinstance(name, str) or not name.strip():
                raise UsageError(f"{where}: needs a 'theme' name", path)
            desc = item.get("description", "")
            entries.append((name.strip(), item.get("keywords"), str(desc or ""), f"theme '{name.strip()}'"))
    else:
        raise UsageError(
            "expected a list of themes, or an object mapping each theme to its keywords", path
        )
    themes: list[Theme] = []
    seen: set[str] = set()
    for name, words, desc, where in entries:
        if isinstance(words, str):
            words = [w.strip() for w in _KEYWORD_SPLIT.split(words) if w.strip()]
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise UsageError(f"{where}: 'keywords' must be a list of words or phrases", path)
        words = [w.strip() for w in words if w.strip()]
        if not words:
            raise UsageError(f"{where}: has no keywords", path)
        if name in seen:
            raise UsageError(f"{where}: appears twice; give each theme once", path)
        seen.add(name)
        for w in words:
            _check_keyword(w, where, path)
        themes.append(Theme(name, tuple(words), desc))
    return tuple(themes)


def _check_keyword(word: str, where: str, path: Path) -> None:
    bare = word.replace("*", "").strip()
    if len(bare) < MIN_KEYWORD_LENGTH:
        raise UsageError(
            f"{where}: keyword '{word}' is too short (at least {MIN_KEYWORD_LENGTH} letters)", path
        )
    if "*" in word.rstrip("*").replace("* ", " ").replace("*-", "-"):
        raise UsageError(f"{where}: keyword '{word}': '*' may only end a word", path)


# --- matching -----------------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"})


def _phrase_pattern(phrase: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", phrase.lower().translate(_APOSTROPHES)) if w]
    parts = []
    for w in words:
        star = w.endswith("*")
        core = re.escape(w.rstrip("*"))
        parts.append(core + (r"[\w'-]*" if star else ""))
    return r"[\s\-]*".join(parts)


class ThemeMatcher:
    """Compiled patterns for a theme dictionary; finds themes in pieces of text."""

    def __init__(self, themes: Iterable[Theme]) -> None:
        self.themes = tuple(themes)
        self._patterns = [
            # One word-boundary check around the alternation (not one per phrase): ten times
            # faster, because the regex engine tests the boundary once per position.
            (t.name, re.compile(r"(?<![\w])(?:" + "|".join(_phrase_pattern(k) for k in t.keywords) + r")(?![\w])"))
            for t in self.themes
        ]

    def names(self, text: str) -> list[str]:
        """Names of the themes found in ``text``, in dictionary order."""
        low = text.lower().translate(_APOSTROPHES)
        return [name for name, pat in self._patterns if pat.search(low)]

    def scan(self, cells: Iterable[tuple[str, str]]) -> list[ThemeHit]:
        """Theme hits for (cell reference, text) pairs: one hit per theme and cell."""
        hits: list[ThemeHit] = []
        for ref, text in cells:
            if not text:
                continue
            low = text.lower().translate(_APOSTROPHES)
            for name, pat in self._patterns:
                found: list[str] = []
                first = None
                for m in pat.finditer(low):
                    if first is None:
                        first = m
                    word = re.sub(r"\s+", " ", m.group(0))
                    if word not in found:
                        found.append(word)
                if first is not None:
                    hits.append(ThemeHit(name, ref, tuple(found), excerpt(text, first.start(), first.end())))
        return hits


def excerpt(text: str, start: int, end: int, context: int = EXCERPT_CONTEXT) -> str:
    """The words around ``text[start:end]``, on one line, with '...' where it was cut."""
    a = max(0, start - context)
    b = min(len(text), end + context)
    if a > 0:
        space = text.find(" ", a, start)
        a = space + 1 if space != -1 else a
    if b < len(text):
        space = text.rfind(" ", end, b)
        b = space if space != -1 else b
    piece = " ".join(text[a:b].split())
    return ("..." if a > 0 else "") + piece + ("..." if b < len(text) else "")
