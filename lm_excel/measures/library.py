"""The measures library: a curated CSV shipped in the package, plus an LA's own measures."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lm_excel.errors import MeasureLibraryError

KINDS = ("administrative", "validated instrument", "bespoke", "qualitative")
LICENCES = ("free", "registration", "licensed", "paid")
DOMAINS = (
    "safety", "service", "placement", "education", "early_years", "emotional_wellbeing",
    "mental_health", "parenting", "family_functioning", "workforce", "offending", "health",
    "financial", "housing", "experience", "practice_quality", "partnership", "cost", "engagement",
)
#: Whom an outcome is for (the Outcomes sheet's *Who benefits*), and whom a measure suits.
WHO_BENEFITS = (
    "child", "young person", "parent or carer", "foster carer", "kinship carer", "family",
    "practitioner", "school or early-years staff", "service or system", "community",
)
RESPONDENTS = (
    "child", "young person", "parent or carer", "family", "teacher", "practitioner",
    "partner agency", "evaluator", "service or system",
)
# Respondents whose answers make a measure a questionnaire about children or parents, never
# suitable on its own for an outcome about practitioners.
CHILD_OR_PARENT_RESPONDENTS = frozenset({"child", "young person", "parent or carer", "family", "teacher"})

COLUMNS = (
    "key", "name", "kind", "domains", "what_it_measures", "respondent", "who_benefits",
    "age_min", "age_max", "items_or_effort", "licence", "licence_note", "data_source",
    "timepoints", "source_url", "notes", "keywords",
)
#: Columns a measures CSV may have: notes for the library's maintainers (what could not be
#: verified, where a figure came from). Never shown to users.
OPTIONAL_COLUMNS = ("maintainer_notes",)
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")

#: The nations whose own collections replace the English ones a measure names
#: (lm_excel/data/measures_nations.csv); the library itself describes England.
OTHER_NATIONS = ("Scotland", "Wales", "Northern Ireland")
#: English national collections the library names as data sources: a measure that names one
#: needs each other nation's equivalent, or a plain "no national equivalent", in that file.
#: (The Police National Computer serves England and Wales, so it is not among them.)
ENGLISH_RETURNS = ("CIN census", "SSDA903", "school census", "EYFSP return", "SEN2 return",
                   "NCCIS", "workforce census", "early years census", "NDTMS", "Ofsted")
NATION_COLUMNS = ("key", "nation", "data_source", "source_url", "notes")
#: Optional columns of that file: the measure's name in that nation where it differs (a child
#: protection register, not child protection plans), and notes for maintainers only.
NATION_OPTIONAL = ("name", "what_it_measures", "items_or_effort", "maintainer_notes")


@dataclass(frozen=True)
class Measure:
    """One evaluation measure: what it measures, who completes it, what it costs, its source."""

    key: str
    name: str
    kind: str
    domains: tuple[str, ...]
    what_it_measures: str = ""
    respondent: tuple[str, ...] = ()
    who_benefits: tuple[str, ...] = ()
    age_min: float | None = None
    age_max: float | None = None
    items_or_effort: str = ""
    licence: str = "free"
    licence_note: str = ""
    data_source: str = ""
    timepoints: str = ""
    source_url: str = ""
    notes: str = ""
    keywords: tuple[str, ...] = ()
    local: bool = False
    maintainer_notes: str = ""
    #: The measure as the library describes it, when another nation's words for it replace
    #: its name or description (for_nation); suggestions are matched on the library's words,
    #: so they do not depend on the nation.
    library_form: Measure | None = field(default=None, repr=False)

    @property
    def matched(self) -> Measure:
        """The measure whose words suggestions are matched on: the library's, whatever the
        nation."""
        return self.library_form or self

    @property
    def match_name(self) -> str:
        """The name suggestions are matched on: the library's own, whatever the nation."""
        return self.matched.name

    @property
    def is_child_or_parent_questionnaire(self) -> bool:
        """True when children, young people or parents fill it in and no practitioner does."""
        if self.kind == "administrative":
            return False
        return bool(self.respondent) and set(self.respondent) <= CHILD_OR_PARENT_RESPONDENTS

    @property
    def age_range(self) -> str:
        """The age range as text ("8-15", "13+"), or "" when there is none."""
        if self.age_min is None and self.age_max is None:
            return ""
        lo = _fmt_age(self.age_min if self.age_min is not None else 0)
        return f"{lo}+" if self.age_max is None else f"{lo}-{_fmt_age(self.age_max)}"


def _fmt_age(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _not_one_of(label: str, values: Sequence[str], allowed: Sequence[str]) -> list[str]:
    return [f"{label} {v!r} is not one of: {', '.join(allowed)}" for v in values if v not in allowed]


def problems_of(m: Measure, *, need_source: bool = True) -> list[str]:
    """Return what is wrong with one measure, in plain English (empty when it is fine).

    An LA's own (local) measure may leave its domains, licence and source blank.
    """
    out = []
    if not _KEY.match(m.key or ""):
        out.append(f"key {m.key!r} must be lower case letters, digits and underscores")
    if not m.name.strip():
        out.append("name is empty")
    if m.kind not in KINDS:
        out.append(f"kind {m.kind!r} is not one of: {', '.join(KINDS)}")
    if not m.domains and not m.local:
        out.append("domains is empty")
    out += _not_one_of("domain", m.domains, DOMAINS)
    out += _not_one_of("respondent", m.respondent, RESPONDENTS)
    if not m.who_benefits and not m.local:
        out.append("who_benefits is empty")
    out += _not_one_of("who_benefits", m.who_benefits, WHO_BENEFITS)
    if m.licence not in LICENCES and not (m.local and m.licence == ""):
        out.append(f"licence {m.licence!r} is not one of: {', '.join(LICENCES)}")
    if m.age_min is not None and m.age_max is not None and m.age_min > m.age_max:
        out.append(f"age_min {m.age_min} is above age_max {m.age_max}")
    if need_source and not m.source_url.startswith(("https://", "http://")):
        out.append("source_url must be a web address (https://...)")
    return out


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split(";") if p.strip())


def _age(cell: str, column: str, where: str) -> float | None:
    cell = cell.strip()
    if not cell:
        return None
    try:
        value = float(cell)
    except ValueError:
        raise MeasureLibraryError(f"{where}: {column} {cell!r} is not a number of years") from None
    if not 0 <= value <= 120:
        raise MeasureLibraryError(f"{where}: {column} {cell!r} is not an age in years")
    return value


def parse_measures_csv(text: str, name: str = "measures.csv") -> tuple[Measure, ...]:
    """Parse measures from CSV text; raise MeasureLibraryError naming the file and line."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise MeasureLibraryError(f"{name}: missing column(s): {', '.join(missing)}")
    measures: list[Measure] = []
    seen: dict[str, int] = {}
    problems: list[str] = []
    for row in reader:
        line = reader.line_num
        where = f"{name} line {line}"
        cells = {c: (row.get(c) or "").strip() for c in COLUMNS + OPTIONAL_COLUMNS}
        m = Measure(
            key=cells["key"], name=cells["name"], kind=cells["kind"],
            domains=_split(cells["domains"]), what_it_measures=cells["what_it_measures"],
            respondent=_split(cells["respondent"]), who_benefits=_split(cells["who_benefits"]),
            age_min=_age(cells["age_min"], "age_min", where),
            age_max=_age(cells["age_max"], "age_max", where),
            items_or_effort=cells["items_or_effort"], licence=cells["licence"],
            licence_note=cells["licence_note"], data_source=cells["data_source"],
            timepoints=cells["timepoints"], source_url=cells["source_url"], notes=cells["notes"],
            keywords=_split(cells["keywords"]), maintainer_notes=cells["maintainer_notes"],
        )
        problems += [f"{where} ({m.key or 'no key'}): {p}" for p in problems_of(m)]
        if row.get(None):  # csv.DictReader keeps cells past the header under the key None
            problems.append(f"{where} ({m.key or 'no key'}): more cells than columns (a comma in "
                            f"an unquoted cell?)")
        if m.key in seen:
            problems.append(f"{where}: key {m.key!r} already used on line {seen[m.key]}")
        seen.setdefault(m.key, line)
        measures.append(m)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise MeasureLibraryError(problems[0] + more)
    return tuple(measures)


def read_measures_csv(path: str | Path) -> tuple[Measure, ...]:
    """Read a measures CSV file (UTF-8, header row) into Measure records."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise MeasureLibraryError(f"{p}: file not found") from None
    except UnicodeDecodeError as exc:
        raise MeasureLibraryError(f"{p}: not UTF-8 text (byte {exc.start})") from None
    return parse_measures_csv(text, p.name)


def english_return_in(source: str) -> bool:
    """True when a data source (parts separated by semicolons) opens a part with an English
    national collection: "school census", not the "Department of Education school census"."""
    parts = [p.strip().casefold() for p in source.split(";")]
    return any(p.startswith(r.casefold()) for p in parts for r in ENGLISH_RETURNS)


def names_english_return(m: Measure) -> bool:
    """True when a measure's data come from an English national collection."""
    return english_return_in(m.data_source)


def no_national_equivalent(nation: str) -> str:
    """The data source said for a measure whose English collection has no equivalent in
    ``nation``."""
    return f"No national equivalent in {nation}: collect locally"


@dataclass(frozen=True)
class NationSource:
    """Where one measure's data come from in another nation: its own collection, or none
    (``data_source`` blank), with a cited source and notes for users and for maintainers."""

    key: str
    nation: str
    data_source: str = ""
    source_url: str = ""
    notes: str = ""
    maintainer_notes: str = ""
    name: str = ""  # the measure's name in that nation, when it differs from the library's
    what_it_measures: str = ""  # what it measures there, when that differs too
    items_or_effort: str = ""  # how its figures are got there, when that differs


def parse_nations_csv(text: str, keys: Iterable[str], name: str = "measures_nations.csv"
                      ) -> dict[tuple[str, str], NationSource]:
    """Each measure's collection in another nation, by (key, nation); raise
    MeasureLibraryError naming the file and line of the first problem."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in NATION_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise MeasureLibraryError(f"{name}: missing column(s): {', '.join(missing)}")
    known = set(keys)
    out: dict[tuple[str, str], NationSource] = {}
    for row in reader:
        cells = {c: (row.get(c) or "").strip() for c in (*NATION_COLUMNS, *NATION_OPTIONAL)}
        ns = NationSource(**cells)
        where = f"{name} line {reader.line_num}"
        if ns.key not in known:
            raise MeasureLibraryError(f"{where}: no measure with key {ns.key!r}")
        if ns.nation not in OTHER_NATIONS:
            raise MeasureLibraryError(f"{where}: nation {ns.nation!r} is not one of: "
                                      f"{', '.join(OTHER_NATIONS)}")
        if ns.source_url and not ns.source_url.startswith(("https://", "http://")):
            raise MeasureLibraryError(f"{where}: source_url must be a web address (https://...)")
        if (ns.key, ns.nation) in out:
            raise MeasureLibraryError(f"{where}: {ns.key} in {ns.nation} is given twice")
        out[(ns.key, ns.nation)] = ns
    return out


def for_nation(m: Measure, nation: str,
               sources: Mapping[tuple[str, str], NationSource]) -> Measure:
    """The measure as a user in ``nation`` needs it: the nation's own name for it, collection,
    link and notes in place of the English ones (or "no national equivalent")."""
    found = sources.get((m.key, nation))
    if m.local or found is None:
        return m
    effort = m.items_or_effort
    if any(r.casefold() in effort.casefold() for r in ENGLISH_RETURNS):  # "Extract from SEN2"
        effort = "Extract from your own records, or the national figures named as its data source"
    effort = found.items_or_effort or effort
    words = {f: getattr(found, f) for f in ("name", "what_it_measures") if getattr(found, f)}
    if words:
        words["library_form"] = m
    return dataclasses.replace(m, data_source=found.data_source or no_national_equivalent(nation),
                               source_url=found.source_url, notes=found.notes,
                               items_or_effort=effort, **words)


class MeasureLibrary(Sequence[Measure]):
    """An ordered, read-only set of measures with unique keys (its search index: index.index_of)."""

    def __init__(self, measures: Iterable[Measure]):
        self._measures: tuple[Measure, ...] = tuple(measures)
        self._nations: dict[str, MeasureLibrary] = {}
        self._by_key: dict[str, Measure] = {}
        for m in self._measures:
            if m.key in self._by_key:
                raise MeasureLibraryError(f"measure key {m.key!r} is used twice")
            self._by_key[m.key] = m

    def __getitem__(self, i):  # type: ignore[override]
        return self._measures[i]

    def __len__(self) -> int:
        return len(self._measures)

    def __iter__(self) -> Iterator[Measure]:
        return iter(self._measures)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_key
        return item in self._measures

    def get(self, key: str) -> Measure | None:
        """The measure with this key, or None."""
        return self._by_key.get(key)

    def keys(self) -> list[str]:
        """All measure keys in library order."""
        return list(self._by_key)

    def for_nation(self, nation: str) -> MeasureLibrary:
        """The library as a user in ``nation`` needs it (each measure's own collection there,
        lm_excel/data/measures_nations.csv); itself for England or a nation not given.
        Kept, so its search index is built once."""
        if nation not in OTHER_NATIONS:
            return self
        if nation not in self._nations:
            sources = nation_sources()
            self._nations[nation] = MeasureLibrary(for_nation(m, nation, sources) for m in self)
        return self._nations[nation]


@lru_cache(maxsize=1)
def _builtin() -> MeasureLibrary:
    text = resources.files("lm_excel").joinpath("data/measures.csv").read_text("utf-8")
    return MeasureLibrary(parse_measures_csv(text, "measures.csv"))


@lru_cache(maxsize=1)
def nation_sources() -> dict[tuple[str, str], NationSource]:
    """Every shipped measure's collection in Scotland, Wales and Northern Ireland."""
    text = resources.files("lm_excel").joinpath("data/measures_nations.csv").read_text("utf-8")
    return parse_nations_csv(text, _builtin().keys())


@lru_cache(maxsize=8)
def _with_extra(extra: tuple[Measure, ...]) -> MeasureLibrary:
    base = _builtin()
    for m in extra:
        problems = problems_of(m, need_source=False)
        if problems:
            raise MeasureLibraryError(f"local measure {m.key or '(no key)'}: {problems[0]}")
        if m.key in base:
            raise MeasureLibraryError(
                f"local measure key {m.key!r} is already in the library; choose another key"
            )
    return MeasureLibrary(tuple(base) + extra)


def load_library(extra: Iterable[Measure] | None = None) -> MeasureLibrary:
    """Return the shipped measures library, plus an LA's own measures when given (cached)."""
    if not extra:
        return _builtin()
    return _with_extra(tuple(extra))
