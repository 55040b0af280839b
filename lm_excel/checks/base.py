"""The machinery shared by the rules: the rule registry, the context each rule reads, ``validate``.

A *rule* is a function taking a :class:`Context` and yielding :class:`~lm_excel.findings.Finding`
records. Each rule declares the codes it may emit with the :func:`rule` decorator; the decorator
refuses codes that are not registered, so the docs page (generated from the registry) always
covers what the rules can say.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .. import layout as L
from ..findings import REGISTRY, Finding, Report
from ..model import Element, LogicModel

RuleFunc = Callable[..., Iterable[Finding]]

_SHEETS_BY_NAME = {L.match_key(n): s for s in L.LIST_SHEETS for n in (s.name, *s.aliases)}


def list_sheet_named(name: str) -> L.ListSheet | None:
    """The list sheet a sheet name (or a known alias) stands for."""
    return _SHEETS_BY_NAME.get(L.match_key(name))


def short(text: str, n: int = 80) -> str:
    """Text on one line, cut to about ``n`` characters for quoting in a message."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3].rstrip() + "..."


@dataclass(frozen=True)
class Rule:
    """A check function with the codes it may emit."""

    name: str
    codes: tuple[str, ...]
    func: RuleFunc
    needs_plan: bool = False
    #: A verdict rule runs after the others and takes (ctx, findings so far): it says a
    #: whole-model problem once, with the findings it explains grouped under it as details.
    verdict: bool = False

    def __call__(self, ctx: Context, findings: Sequence[Finding] = ()) -> Iterable[Finding]:
        return self.func(ctx, findings) if self.verdict else self.func(ctx)


#: Every rule, in the order they run (the order of the rule modules, then of definition).
RULES: list[Rule] = []


def rule(*codes: str, needs_plan: bool = False, verdict: bool = False) -> Callable[[RuleFunc], Rule]:
    """Register a rule function that may emit ``codes`` (each must be in the registry).

    With ``verdict=True`` the function takes (ctx, findings) and runs after every ordinary
    rule; the details of the headlines it yields are taken out of the list of findings."""
    unknown = [c for c in codes if c not in REGISTRY]
    if unknown:
        raise ValueError(f"rule emits unregistered codes: {unknown}")

    def wrap(func: RuleFunc) -> Rule:
        r = Rule(func.__name__, tuple(codes), func, needs_plan, verdict)
        RULES.append(r)
        return r

    return wrap


@dataclass(frozen=True)
class Link:
    """One ID typed in a link column, resolved against the model."""

    source: Element
    source_id: str
    column: L.Column
    target_id: str
    target: Element | None  # None when no element has that ID


@dataclass
class Context:
    """The model being checked, with indexes the rules share (each computed once)."""

    model: LogicModel
    plan: Any = None
    _extra: dict[str, Any] = field(default_factory=dict)

    def list_sheet(self, name: str) -> L.ListSheet | None:
        """The list sheet an actual sheet name stands for, a renamed one included (the reader
        notes each sheet it found by its header row as ``sheet-renamed``)."""
        renamed = {n.sheet: n.detail for n in self.model.notes if n.code == "sheet-renamed"}
        return list_sheet_named(renamed.get(name, name))

    @cached_property
    def _gaps(self) -> tuple[set[str], set[tuple[str, str]]]:
        """Sheets the reader could not read (missing, no header row), and (sheet, column) pairs
        it could not find, as layout keys."""
        sheets: set[str] = set()
        columns: set[tuple[str, str]] = set()
        for note in self.model.notes:
            sheet = self.list_sheet(note.sheet)
            if sheet is None:
                continue
            key = sheet.key
            if note.code in ("missing-sheet", "no-header-row"):
                sheets.add(key)
            elif note.code == "missing-column":
                columns.add((key, note.detail))
        return sheets, columns

    def readable(self, sheet_key: str, *columns: str) -> bool:
        """Whether the reader read the sheet and found the named columns (else a structure
        finding already says so, and rules relying on them stay quiet)."""
        sheets, cols = self._gaps
        return sheet_key not in sheets and not any((sheet_key, c) in cols for c in columns)

    @cached_property
    def _ids(self) -> dict[int, str]:
        return {id(el): el.id for el in self.model.all_elements()}

    def eid(self, el: Element) -> str:
        """The element's normalised ID ('' when it has none), computed once per check."""
        return self._ids[id(el)]

    @cached_property
    def occurrences(self) -> dict[str, list[Element]]:
        """Every element with an ID, by normalised ID (several when the ID is duplicated)."""
        out: dict[str, list[Element]] = defaultdict(list)
        ids = self._ids
        for el in self.model.all_elements():
            eid = ids[id(el)]
            if eid:
                out[eid].append(el)
        return out

    @cached_property
    def by_id(self) -> dict[str, Element]:
        """First element with each ID."""
        return {k: v[0] for k, v in self.occurrences.items()}

    @cached_property
    def links(self) -> list[Link]:
        """Every ID typed in every link column of every element."""
        out: list[Link] = []
        by_id = self.by_id
        link_columns = {s.key: [c for c in s.columns if c.kind == "ids"] for s in L.LIST_SHEETS}
        for el in self.model.all_elements():
            source_id = self._ids[id(el)]
            for col in link_columns[el.kind]:
                f = el.fields.get(col.key)
                if f is None or f.value is None:
                    continue
                for target in L.split_ids(f.value):
                    out.append(Link(el, source_id, col, target, by_id.get(target)))
        return out

    @cached_property
    def good_links(self) -> list[Link]:
        """Links to an existing element of an allowed kind, other than the element itself."""
        return [
            lk for lk in self.links
            if lk.target is not None and lk.target.kind in lk.column.targets
            and lk.target_id != lk.source_id
        ]

    def linked(self, column: str) -> dict[str, list[Element]]:
        """For one link column key: target ID -> elements that link to it through that column."""
        key = "linked:" + column
        if key not in self._extra:
            out: dict[str, list[Element]] = defaultdict(list)
            for lk in self.good_links:
                if lk.column.key == column:
                    out[lk.target_id].append(lk.source)
            self._extra[key] = out
        return self._extra[key]

    def targets(self, el: Element, column: str) -> list[Element]:
        """Elements ``el`` links to through ``column`` (good links only)."""
        key = "targets"
        if key not in self._extra:
            out: dict[tuple[int, str], list[Element]] = defaultdict(list)
            for lk in self.good_links:
                assert lk.target is not None
                out[(id(lk.source), lk.column.key)].append(lk.target)
            self._extra[key] = out
        return self._extra[key].get((id(el), column), [])


def run_rules(ctx: Context, rules: Iterable[Rule] | None = None) -> Iterator[Finding]:
    """The findings of the ordinary (non-verdict) rules."""
    for r in RULES if rules is None else rules:
        if r.verdict or (r.needs_plan and ctx.plan is None):
            continue
        for f in r(ctx):
            if f.code not in r.codes:
                raise AssertionError(f"rule {r.name} emitted undeclared code {f.code!r}")
            yield f


def apply_verdicts(ctx: Context, findings: list[Finding]) -> list[Finding]:
    """Run the verdict rules in order: each headline joins the list and the details it groups
    leave it, so a problem is said once (a later verdict sees what earlier ones left)."""
    for r in RULES:
        if not r.verdict:
            continue
        for headline in list(r(ctx, tuple(findings))):
            if headline.code not in r.codes:
                raise AssertionError(f"rule {r.name} emitted undeclared code {headline.code!r}")
            taken = {id(d) for d in headline.details}
            findings = [f for f in findings if id(f) not in taken]
            findings.append(headline)
    return findings


def validate(model: LogicModel, plan: Any = None) -> Report:
    """Check a logic model (and its measures plan, when given) and collect every finding.

    Never stops at the first problem. ``plan`` is any object with ``rows`` (see
    :mod:`lm_excel.checks.readiness`); without it the evaluation-readiness rules are skipped.
    """
    ctx = Context(model, plan)
    return Report(tuple(apply_verdicts(ctx, list(run_rules(ctx)))), source=model.source)
