"""What the report reads from the quality check and the measures plan, as plain dicts of text.

The plan is a :class:`lm_excel.measures.plan.Plan` (its rows are
:class:`~lm_excel.measures.plan.PlanRow` records, its library :class:`~lm_excel.measures.library.Measure`
records); the findings are the check's report or its findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any

from .text import clean, one_line

if TYPE_CHECKING:  # pragma: no cover
    from ..measures.library import Measure
    from ..measures.plan import Plan

SEVERITIES = ("error", "warning", "info")


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    """The first attribute or mapping key of ``obj`` among ``names`` that is present and not None."""
    for name in names:
        if isinstance(obj, Mapping):
            value = obj.get(name)
        else:
            value = getattr(obj, name, None)
        if callable(value) and not isinstance(value, (str, bytes)):
            try:
                value = value()
            except TypeError:
                continue
        if value is not None:
            return value
    return default


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(_text(v) for v in value if _text(v))
    return clean(value)


# --- findings ---------------------------------------------------------------------------------


def finding_list(findings: Any) -> list[Any]:
    """The findings of a check report (an object with ``.findings``) or of a plain iterable."""
    if findings is None:
        return []
    inner = _get(findings, "findings", "errors_and_warnings")
    if inner is not None and not isinstance(inner, (str, bytes)):
        return list(inner)
    if isinstance(findings, Iterable) and not isinstance(findings, (str, bytes, Mapping)):
        return list(findings)
    return []


def finding_rows(findings: Any) -> list[dict[str, str]]:
    """One dict per finding: severity, where, element, code, message, fix (errors first)."""
    rows = []
    for f in finding_list(findings):
        severity = one_line(_text(_get(f, "severity", "level", default="info"))).lower()
        sheet = _text(_get(f, "sheet"))
        cell = _text(_get(f, "cell", "address"))
        ref = _get(f, "ref")
        if not sheet and ref is not None:
            sheet, cell = _text(_get(ref, "sheet")), _text(_get(ref, "cell"))
        where = f"{sheet}!{cell}" if sheet and cell else sheet or cell
        rows.append({
            "severity": severity if severity in SEVERITIES else (severity or "info"),
            "where": where,
            "element": _text(_get(f, "element_id", "id", "element")),
            "code": _text(_get(f, "code")),
            "message": _text(_get(f, "message", "text")),
            # the message without its own cell, for a table that shows the cell beside it
            "brief": _text(_get(f, "brief", "message", "text")),
            "fix": _text(_get(f, "fix", "how_to_fix", "hint")),
        })
    order = {s: i for i, s in enumerate(SEVERITIES)}
    rows.sort(key=lambda r: order.get(r["severity"], len(order)))
    return rows


def finding_rows_with_details(findings: Any) -> list[dict[str, Any]]:
    """:func:`finding_rows`, errors first, each followed by the rows grouped under it
    (``details``; marked ``detail``: True), so that a fix that says 'listed below' is followed by
    its list."""
    out: list[dict[str, Any]] = []
    order = {s: i for i, s in enumerate(SEVERITIES)}
    listed = sorted(finding_list(findings), key=lambda f: order.get(
        one_line(_text(_get(f, "severity", "level", default="info"))).lower(), len(order)))
    for f in listed:
        out.extend({**r, "detail": False} for r in finding_rows([f]))
        out.extend({**r, "detail": True} for r in finding_rows(list(_get(f, "details", default=()))))
    return out


def finding_details(findings: Any) -> list[dict[str, str]]:
    """The per-row findings grouped under whole-model ones (``details``), as :func:`finding_rows`
    rows (the headlines themselves left out)."""
    return finding_rows([d for f in finding_list(findings) for d in _get(f, "details", default=())])


def finding_counts(findings: Any) -> dict[str, int]:
    counts = {s: 0 for s in SEVERITIES}
    for row in finding_rows(findings):
        counts[row["severity"]] = counts.get(row["severity"], 0) + 1
    return counts


# --- measures plan ----------------------------------------------------------------------------

#: Plan row fields the report shows: report key -> the PlanRow field it comes from.
PLAN_FIELDS: dict[str, str] = {
    "outcome_id": "ref",
    "outcome": "statement",
    "about": "about",
    "measure_key": "measure_key",
    "measure": "measure",
    "kind": "kind",
    "respondent": "respondent",
    "source": "data_source",
    "baseline": "baseline",
    "follow_up": "follow_up",
    "licence": "licence",
    "responsible": "responsible",
    "status": "status",
    "purpose": "row_type",
    "target": "target",
    "why": "why",
    "generated": "generated",
}


def row_group(row: dict[str, str]) -> str:
    """'outcome', 'process', 'negative', 'assumption' or 'other', from a plan row's type."""
    purpose = row.get("purpose", "").lower()
    for key, words in (("outcome", ("outcome",)), ("process", ("process", "output")),
                       ("negative", ("negative", "risk")), ("assumption", ("assumption",))):
        if any(purpose.startswith(w) for w in words):
            return key
    return "outcome" if not purpose else "other"


def plan_rows(plan: Plan | None) -> list[dict[str, str]]:
    """The plan's rows as dicts of text keyed like :data:`PLAN_FIELDS` (blank rows left out)."""
    if plan is None:
        return []
    out = []
    for rec in plan.rows:
        row = {key: one_line(_text(getattr(rec, name))) for key, name in PLAN_FIELDS.items()}
        if any(row.values()):
            out.append(row)
    return out


def plan_design(plan: Plan | None) -> dict[str, Any] | None:
    """The recommended design: {'title', 'paragraphs': [str], 'strands': [(title, text, source)]}."""
    if plan is None:
        return None
    # the plain detail: a board reads what the model does not say, not where to add it
    strands = [(_text(s.title), _text(s.plain or s.detail), _text(s.source)) for s in plan.design]
    strands = [s for s in strands if s[0] or s[1]]
    return {"title": "", "paragraphs": [], "strands": strands} if strands else None


def _age(value: float | None) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


#: Measure details shown in the appendix: report key -> the Measure field it comes from.
MEASURE_FIELDS: dict[str, str] = {
    "key": "key",
    "name": "name",
    "kind": "kind",
    "measures": "what_it_measures",
    "domains": "domains",
    "respondent": "respondent",
    "items": "items_or_effort",
    "licence": "licence",
    "source": "data_source",
    "timepoints": "timepoints",
    "link": "source_url",
    "notes": "notes",
}


def plan_measures(plan: Plan | None) -> list[dict[str, str]]:
    """Details of every measure of the plan's library that its rows use, in first-use order."""
    if plan is None or plan.library is None:
        return []
    # First use of each measure (by key or name) in the plan's rows.
    first_use: dict[str, int] = {}
    for i, r in enumerate(plan_rows(plan)):
        for ident in (r["measure_key"], r["measure"]):
            if ident:
                first_use.setdefault(ident, i)
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for m in plan.library:
        if m.key in seen or (m.key not in first_use and m.name not in first_use):
            continue  # in the library but not used by this plan
        seen.add(m.key)
        out.append(_measure_details(m))
    big = len(first_use) + 1
    out.sort(key=lambda r: min(first_use.get(r["key"], big), first_use.get(r["name"], big)))
    return out


def _measure_details(m: Measure) -> dict[str, str]:
    row = {k: _text(getattr(m, name)) for k, name in MEASURE_FIELDS.items()}
    lo, hi = m.age_min, m.age_max
    row["age_range"] = ("" if lo is None and hi is None
                        else f"{_age(lo)} to {_age(hi)} years" if lo is not None and hi is not None
                        else f"{_age(lo)} years and over" if lo is not None
                        else f"up to {_age(hi)} years")
    if row["licence"] and m.licence_note:
        row["licence"] = f"{row['licence'].capitalize()}: {_text(m.licence_note)}"
    return row
