"""What the report reads from the quality check and the measures plan, whatever their exact types.

The report depends on a small duck-typed surface, so it renders the check's findings and the
measures plan without importing those modules. Each adapter returns plain dicts of text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any

from .text import clean, one_line

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
            "fix": _text(_get(f, "fix", "how_to_fix", "hint")),
        })
    order = {s: i for i, s in enumerate(SEVERITIES)}
    rows.sort(key=lambda r: order.get(r["severity"], len(order)))
    return rows


def finding_counts(findings: Any) -> dict[str, int]:
    counts = {s: 0 for s in SEVERITIES}
    for row in finding_rows(findings):
        counts[row["severity"]] = counts.get(row["severity"], 0) + 1
    return counts


# --- measures plan ----------------------------------------------------------------------------

#: Plan row fields the report shows, with the attribute or column names they may go by.
PLAN_FIELDS: dict[str, tuple[str, ...]] = {
    "outcome_id": ("ref", "outcome_id", "Outcome ID", "id"),
    "outcome": ("statement", "outcome", "outcome_text", "Outcome"),
    "about": ("about",),
    "measure_key": ("measure_key", "key", "Measure key"),
    "measure": ("measure_name", "measure", "Measure", "name"),
    "kind": ("kind", "Kind", "row_kind"),
    "respondent": ("respondent", "Respondent", "informant"),
    "source": ("data_source", "source", "Data source"),
    "baseline": ("baseline", "baseline_timepoint", "Baseline"),
    "follow_up": ("follow_up", "follow_ups", "followup", "Follow-up", "timepoints"),
    "licence": ("licence", "licence_note", "Licence", "license"),
    "responsible": ("responsible", "Responsible"),
    "status": ("status", "Status"),
    "purpose": ("row_type", "purpose", "section", "Purpose"),
    "target": ("target", "Target"),
}


def row_group(row: dict[str, str]) -> str:
    """'outcome', 'process', 'negative', 'assumption' or 'other', from a plan row's type."""
    purpose = row.get("purpose", "").lower()
    for key, words in (("outcome", ("outcome",)), ("process", ("process", "output")),
                       ("negative", ("negative", "risk")), ("assumption", ("assumption",))):
        if any(purpose.startswith(w) for w in words):
            return key
    return "outcome" if not purpose else "other"


def _records(table: Any) -> list[Any]:
    if table is None:
        return []
    to_dict = getattr(table, "to_dict", None)
    if callable(to_dict) and hasattr(table, "columns"):  # a pandas DataFrame
        return list(to_dict("records"))
    if isinstance(table, Mapping):
        return [table]
    return list(table)


def plan_rows(plan: Any) -> list[dict[str, str]]:
    """The plan's rows as dicts of text keyed like :data:`PLAN_FIELDS`."""
    if plan is None:
        return []
    table = _get(plan, "rows", "table", "frame", "df")
    if table is None and not isinstance(plan, Mapping):
        table = plan
    out = []
    for rec in _records(table):
        row: dict[str, str] = {}
        for key, names in PLAN_FIELDS.items():
            value = _get(rec, *names)
            if key == "measure" and value is not None and not isinstance(value, str):
                value = _get(value, "name", "key", default=value)
            row[key] = one_line(_text(value)) if value is not None else ""
        if any(row.values()):
            out.append(row)
    return out


def plan_design(plan: Any) -> dict[str, Any] | None:
    """The recommended design: {'title', 'paragraphs': [str], 'strands': [(title, text, source)]}.

    Accepts a text, an object with a title and an explanation, or a sequence of strands (each with
    a title and a detail or explanation, and optionally a source).
    """
    if plan is None:
        return None
    design = _get(plan, "design", "recommended_design", "recommendation")
    if design is None:
        return None
    if isinstance(design, str):
        text = clean(design)
        return {"title": "", "paragraphs": [p for p in text.split("\n") if p.strip()],
                "strands": []}
    if isinstance(design, (list, tuple)):
        strands = []
        for item in design:
            if isinstance(item, str):
                strands.append(("", _text(item), ""))
                continue
            strands.append((
                _text(_get(item, "title", "name")),
                _text(_get(item, "detail", "why", "summary", "description", "text", "explanation")),
                _text(_get(item, "source", "link", "url")),
            ))
        strands = [s for s in strands if s[0] or s[1]]
        return {"title": "", "paragraphs": [], "strands": strands} if strands else None
    title = _text(_get(design, "title", "name", "design"))
    paragraphs: list[str] = []
    for name in ("summary", "why", "explanation", "rationale", "reason", "text", "description"):
        value = _get(design, name)
        if value is not None:
            if isinstance(value, (list, tuple)):
                paragraphs.extend(_text(v) for v in value if _text(v))
            elif _text(value) and _text(value) not in paragraphs:
                paragraphs.append(_text(value))
    strands = []
    for name in ("strands", "steps", "points", "components", "reasons"):
        value = _get(design, name)
        if isinstance(value, (list, tuple)):
            for v in value:
                if isinstance(v, str) or v is None:
                    strands.append(("", _text(v), ""))
                else:
                    strands.append((_text(_get(v, "title", "name")),
                                    _text(_get(v, "detail", "why", "summary", "description", "text")),
                                    _text(_get(v, "source", "link"))))
    strands = [s for s in strands if s[0] or s[1]]
    if not (title or paragraphs or strands):
        return None
    return {"title": title, "paragraphs": paragraphs, "strands": strands}


def _age(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


#: Measure detail fields shown in the appendix, with the names they may go by.
MEASURE_FIELDS: dict[str, tuple[str, ...]] = {
    "key": ("key",),
    "name": ("name",),
    "kind": ("kind",),
    "measures": ("what_it_measures", "measures", "description"),
    "domains": ("domains", "outcome_domains"),
    "respondent": ("respondent", "informant"),
    "age_range": ("age_range", "ages"),
    "items": ("items_or_effort", "items", "effort"),
    "licence": ("licence", "license", "cost", "licence_cost"),
    "licence_note": ("licence_note",),
    "source": ("data_source",),
    "timepoints": ("timepoints", "typical_timepoints"),
    "link": ("source_url", "source_link", "link", "url", "source"),
    "notes": ("notes",),
}


def plan_measures(plan: Any) -> list[dict[str, str]]:
    """Details of every measure the plan uses, in first-use order, from whatever the plan offers."""
    if plan is None:
        return []
    found = _get(plan, "measures_used", "measures", "library")
    details: list[Any] = []
    if isinstance(found, Mapping):
        details = list(found.values())
    elif found is not None and not isinstance(found, (str, bytes)):
        details = list(found)
    if not details:  # rows carrying measure objects
        for rec in _records(_get(plan, "rows", "table")):
            m = _get(rec, "measure")
            if m is not None and not isinstance(m, str):
                details.append(m)
    # First use of each measure (by key or name) in the plan's rows.
    first_use: dict[str, int] = {}
    for i, r in enumerate(plan_rows(plan)):
        for ident in (r["measure_key"], r["measure"]):
            if ident:
                first_use.setdefault(ident, i)
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for m in details:
        row = {k: _text(_get(m, *names)) for k, names in MEASURE_FIELDS.items()}
        if not row["age_range"]:
            lo, hi = _get(m, "age_min"), _get(m, "age_max")
            if lo is not None or hi is not None:
                row["age_range"] = (f"{_age(lo)} to {_age(hi)} years" if lo is not None and hi is not None
                                    else f"{_age(lo)} years and over" if lo is not None
                                    else f"up to {_age(hi)} years")
        if row["licence"] and row.pop("licence_note", ""):
            row["licence"] = f"{row['licence'].capitalize()}: {_text(_get(m, 'licence_note'))}"
        row.pop("licence_note", None)
        ident = row["key"] or row["name"]
        if not ident or ident in seen:
            continue
        if row["key"] not in first_use and row["name"] not in first_use:
            continue  # in the library but not used by this plan
        seen.add(ident)
        out.append(row)
    big = len(first_use) + 1
    out.sort(key=lambda r: min(first_use.get(r["key"], big), first_use.get(r["name"], big)))
    return out
