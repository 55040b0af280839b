"""Findings: what a check of a logic model found, as data.

A :class:`Finding` is an immutable record with a stable kebab-case ``code``, a severity, the sheet
and cell it points at, the element's ID, a plain-English message and how to fix it. Every code is
registered once in :data:`REGISTRY` as a :class:`CodeInfo` (title, description, message template,
default severity, category, how to fix); the docs page ``docs/checks.md`` is generated from the
registry. A :class:`Report` collects all findings of one check.

Nothing in this module does I/O.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from string import Formatter
from typing import Any

from . import layout as L
from .model import CellRef, quote_sheet

#: Severities from most to least serious.
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
#: Categories of checks, in the order the docs list them.
CATEGORIES: dict[str, str] = {
    "model": "The model as a whole",
    "structure": "Structure of the workbook",
    "identity": "IDs",
    "references": "Links between rows",
    "completeness": "Completeness",
    "chain": "Logic chain",
    "wording": "Wording",
    "readiness": "Evaluation readiness",
    "evaluation": "Questions an evaluator would ask",
}
#: Version of the JSON shape written by :meth:`Report.to_json` (raise it on incompatible changes).
JSON_FORMAT = "lm-excel-check/1"


@dataclass(frozen=True)
class CodeInfo:
    """The registry entry of one finding code."""

    code: str
    title: str
    description: str
    message: str  # template: str.format fields filled from the finding's parameters
    severity: str
    category: str
    fix: str  # template too

    def __post_init__(self) -> None:
        assert self.severity in SEVERITIES, self.code
        assert self.category in CATEGORIES, self.code
        assert self.code == self.code.lower() and " " not in self.code and "_" not in self.code, self.code

    @property
    def fields(self) -> set[str]:
        """Names of the template fields the message and fix use."""
        names = set()
        for template in (self.message, self.fix):
            names.update(name for _, name, _, _ in Formatter().parse(template) if name)
        return names


#: Every finding code, by code.
REGISTRY: dict[str, CodeInfo] = {}


def register(
    code: str,
    *,
    title: str,
    description: str,
    message: str,
    fix: str,
    severity: str,
    category: str,
) -> str:
    """Add a code to :data:`REGISTRY` (once) and return the code."""
    if code in REGISTRY:
        raise ValueError(f"finding code {code!r} registered twice")
    REGISTRY[code] = CodeInfo(code, title, description, message, severity, category, fix)
    return code


@dataclass(frozen=True)
class Finding:
    """One problem (or note) found in a logic model, pointing at a cell."""

    code: str
    severity: str
    sheet: str  # actual sheet name ('' for the workbook as a whole)
    cell: str  # A1 address ('' when the finding is about a whole sheet)
    element_id: str  # normalised ID of the row concerned ('' when none)
    message: str
    fix: str
    #: The findings a headline finding says once for (each still points at its own cell).
    details: tuple[Finding, ...] = ()
    #: The message without its own cell, for a table or a list that shows the cell beside it
    #: ('Mechanism M1 names a quality ...' rather than 'Mechanism M1 (Mechanisms!B4) names a
    #: quality ...'); another row's cell in it is kept. :func:`make` builds it from the
    #: message's template; '' (the default) means the message itself.
    brief: str = ""

    def __post_init__(self) -> None:
        assert self.severity in SEVERITIES, self.severity
        if not self.brief:
            object.__setattr__(self, "brief", self.message)

    @property
    def headline(self) -> bool:
        """Whether this is a whole-model verdict (category 'model'), listed before the rest."""
        return self.info.category == "model"

    def with_details(self, details: Sequence[Finding]) -> Finding:
        """The same finding with ``details`` grouped under it."""
        return Finding(self.code, self.severity, self.sheet, self.cell, self.element_id,
                       self.message, self.fix, tuple(sorted(details, key=sort_key)), self.brief)

    @property
    def ref(self) -> str:
        """'Sheet!A1', 'Sheet' (a whole sheet) or '' (the whole workbook)."""
        if self.sheet and self.cell:
            return f"{quote_sheet(self.sheet)}!{self.cell}"
        return self.sheet

    @property
    def info(self) -> CodeInfo:
        return REGISTRY[self.code]

    def to_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "severity": self.severity,
            "category": self.info.category,
            "title": self.info.title,
            "sheet": self.sheet,
            "cell": self.cell,
            "ref": self.ref,
            "element_id": self.element_id,
            "message": self.message,
            "fix": self.fix,
            "details": [d.to_dict() for d in self.details],
        }


def make(
    code: str,
    where: CellRef | tuple[str, str] | None,
    element_id: str = "",
    severity: str | None = None,
    **params: object,
) -> Finding:
    """A finding of a registered ``code`` at ``where``, its message and fix filled from ``params``.

    ``where`` is a :class:`CellRef`, a (sheet, cell) pair, or None for the whole workbook.
    ``element_id`` is also available to the templates as ``{id}``.
    """
    info = REGISTRY[code]
    if isinstance(where, CellRef):
        sheet, cell = where.sheet, where.cell
    elif where is None:
        sheet, cell = "", ""
    else:
        sheet, cell = where
    values: dict[str, object] = {"id": element_id, "sheet": sheet, "cell": cell,
                                 "ref": f"{quote_sheet(sheet)}!{cell}" if sheet and cell else sheet}
    values.update(params)
    missing = info.fields - set(values)
    if missing:
        raise KeyError(f"finding {code!r} needs {sorted(missing)}")
    return Finding(
        code=code,
        severity=severity or info.severity,
        sheet=sheet,
        cell=cell,
        element_id=element_id,
        message=info.message.format(**values),
        fix=info.fix.format(**values),
        brief=_without_own_cell(info.message).format(**values) if cell else "",
    )


#: How a message template gives the finding's own cell after what it names ('Mechanism {id}
#: ({ref}) names ...'); the brief leaves it out.
_OWN_CELL = " ({ref})"


def _without_own_cell(template: str) -> str:
    """A message template without the finding's own cell ('Mechanism {id} ({ref}) names ...' ->
    'Mechanism {id} names ...'). Taken out of the template, not out of the message, so a cell
    that a value happens to hold (a quoted statement, another row's cell) is kept."""
    return template.replace(_OWN_CELL, "")


def _cell_order(cell: str) -> tuple[int, int]:
    letters = "".join(ch for ch in cell if ch.isalpha())
    digits = "".join(ch for ch in cell if ch.isdigit())
    col = 0
    for ch in letters:
        col = col * 26 + (ord(ch.upper()) - 64)
    return (int(digits) if digits else 0, col)


def sheet_rank(sheet: str) -> int:
    """Position of a sheet in the workbook's order (workbook-level first, unknown sheets last)."""
    if not sheet:
        return -1
    key = L.match_key(sheet)
    for i, name in enumerate(L.SHEET_ORDER):
        if L.match_key(name) == key:
            return i
    aliases = [(L.INTERVENTION.aliases, L.INTERVENTION.name)] + [(s.aliases, s.name) for s in L.LIST_SHEETS]
    for names, canonical in aliases:
        if key in {L.match_key(a) for a in names}:
            return L.SHEET_ORDER.index(canonical)
    return len(L.SHEET_ORDER)


def sort_key(f: Finding) -> tuple[Any, ...]:
    """Order findings: headlines first (most serious first), then by sheet (workbook order), row,
    column and severity."""
    if f.headline:
        return (0, SEVERITIES.index(f.severity), sheet_rank(f.sheet), f.code, f.cell)
    return (1, sheet_rank(f.sheet), f.sheet, _cell_order(f.cell), SEVERITIES.index(f.severity), f.code)


@dataclass(frozen=True)
class Report:
    """The result of checking one logic model."""

    findings: tuple[Finding, ...]
    source: str = ""
    checked_at: _dt.datetime = field(default_factory=lambda: _dt.datetime.now().replace(microsecond=0))

    def __post_init__(self) -> None:
        object.__setattr__(self, "findings", tuple(sorted(self.findings, key=sort_key)))

    @property
    def counts(self) -> dict[str, int]:
        """Number of findings per severity (every severity present, zero or not)."""
        counts = dict.fromkeys(SEVERITIES, 0)
        for f in self.findings:
            counts[f.severity] += 1
        return counts

    @property
    def valid(self) -> bool:
        """True when there is no error (warnings and notes do not make a model invalid)."""
        return self.counts["error"] == 0

    @property
    def headlines(self) -> list[Finding]:
        """The whole-model verdicts (no causal chain, most elements unlinked, ...), most serious
        first; the details they group are in each one's ``details``."""
        return [f for f in self.findings if f.headline]

    def all_findings(self) -> list[Finding]:
        """Every finding, each headline followed by the details grouped under it."""
        out: list[Finding] = []
        for f in self.findings:
            out.append(f)
            out.extend(f.details)
        return out

    def at_or_above(self, severity: str) -> list[Finding]:
        """Findings at least as serious as ``severity``."""
        limit = SEVERITIES.index(severity)
        return [f for f in self.findings if SEVERITIES.index(f.severity) <= limit]

    def by_sheet(self) -> dict[str, list[Finding]]:
        """Findings grouped by sheet, in workbook order ('' = the workbook as a whole)."""
        out: dict[str, list[Finding]] = {}
        for f in self.findings:
            out.setdefault(f.sheet, []).append(f)
        return out

    def codes(self) -> set[str]:
        """Codes of every finding, details under headlines included."""
        return {f.code for f in self.all_findings()}

    def flatten(self, keys: Sequence[str] = ("code", "ref")) -> list[tuple[str, ...]]:
        """Findings as tuples of the named attributes, for compact test assertions.

        ``report.flatten(["code", "ref", "element_id"])`` ->
        ``[("unknown-id", "Mechanisms!D5", "M2"), ...]``
        """
        return [tuple(str(getattr(f, k)) for k in keys) for f in self.findings]

    def summary(self, errors: bool = True) -> str:
        """One line, leading with the headlines: 'No causal chain; 1 error, 2 warnings, 1 note'
        (without the count of errors when ``errors`` is False: '2 warnings, 1 note').

        Counts are of findings as listed: a headline counts once, not once per detail under it.
        """
        c = self.counts
        parts = [
            *([_plural(c["error"], "error")] if errors else []),
            _plural(c["warning"], "warning"),
            _plural(c["info"], "note"),
        ]
        counts = ", ".join(parts)
        lead = "; ".join(f.info.title for f in self.headlines)
        return f"{lead}; {counts}" if lead else counts

    def _outcome(self) -> tuple[str, str]:
        """The result and its counts: ('no problems found', '') when there is no finding at all;
        ('no errors', '8 warnings, 2 notes') when none is an error; else ('needs fixing', '2 errors,
        1 warning, 0 notes'), headlines first as in :meth:`summary`."""
        if not self.findings:
            return "no problems found", ""
        if self.valid:
            return "no errors", self.summary(errors=False)
        return "needs fixing", self.summary()

    def result(self) -> str:
        """The result in a few words, as the Validation sheet's Result line gives it: 'No problems
        found', 'No errors: 8 warnings, 2 notes', 'Needs fixing: 2 errors, 1 warning, 0 notes'."""
        head, counts = self._outcome()
        return head.capitalize() + (f": {counts}" if counts else "")

    def status(self) -> str:
        """The result as a status line puts it after a file name or a time: 'no problems found',
        'no errors (8 warnings, 2 notes)', 'needs fixing (2 errors, 1 warning, 0 notes)'."""
        head, counts = self._outcome()
        return head + (f" ({counts})" if counts else "")

    def verdict(self) -> str:
        """The check's conclusion in one sentence, as an evaluator would put it."""
        errors = [f for f in self.headlines if f.severity == "error"]
        if errors:
            return f"Not ready to evaluate: {errors[0].message}"
        if self.counts["error"]:
            return ("Not ready to evaluate: fix the errors listed first; they stop parts of the "
                    "model being read or linked.")
        if self.headlines:
            gaps = "; ".join(f.info.title.lower() for f in self.headlines)
            return f"Can be evaluated, but with gaps an evaluator will ask about: {gaps}."
        if self.counts["warning"]:
            return "Can be evaluated; the warnings say how to make it clearer and easier to measure."
        return "Ready to evaluate: no problems found."

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": JSON_FORMAT,
            "source": self.source,
            "checked_at": self.checked_at.isoformat(),
            "valid": self.valid,
            "verdict": self.verdict(),
            "counts": self.counts,
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The report as JSON (the shape is documented in docs/checks.md)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def codes_by_category(codes: Iterable[CodeInfo] | None = None) -> Mapping[str, list[CodeInfo]]:
    """Registered codes grouped by category (in :data:`CATEGORIES` order)."""
    out: dict[str, list[CodeInfo]] = {c: [] for c in CATEGORIES}
    for info in codes if codes is not None else REGISTRY.values():
        out[info.category].append(info)
    return {k: v for k, v in out.items() if v}
