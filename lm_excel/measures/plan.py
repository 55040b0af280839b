"""The evaluation-measures plan: how the evaluation will know each outcome changed.

``make_plan(model)`` builds one row per outcome (primary outcomes first), per output (a process
measure), per negative consequence (monitoring) and per assumption not rated Strong (a test),
each with a suggested measure, alternatives, who completes it, the data source, baseline and
follow-up timepoints, licence and a status. It also recommends an evaluation design, by rule.

A plan is a :class:`Plan` of frozen :class:`PlanRow` records (one field per column of the
*Measures plan* sheet, layout.PLAN_COLUMNS) and a recommended design. It is built here from the
model, or read from the sheet by :func:`lm_excel.workbook.plan_sheet.read_plan`; the check, the
plan writer, the report and the portfolio all take this one type.

The plan already in the workbook (``previous``, read from the sheet) is merged in: every cell of
the user's columns (layout.PLAN_EDITABLE) that the user changed is kept, rows the user added are
kept, and rows whose outcome (or output ...) has gone are kept and flagged, never dropped.

No pandas and no workbook I/O here: this is domain code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lm_excel import layout as L
from lm_excel.errors import SuggestError
from lm_excel.measures import design as D
from lm_excel.measures.library import (
    KINDS,
    RESPONDENTS,
    WHO_BENEFITS,
    Measure,
    MeasureLibrary,
    load_library,
)
from lm_excel.measures.suggest import (
    NO_MATCH,
    NO_MATCH_ADVICE,
    Match,
    Suggestion,
    match,
    parse_age,
    parse_timescale,
    parse_who,
    suggest,
)
from lm_excel.model import CellRef, Element, LogicModel, needs_a_test

COLUMNS: tuple[str, ...] = tuple(c.key for c in L.PLAN_COLUMNS)
EDITABLE: tuple[str, ...] = L.PLAN_EDITABLE
#: Library measures offered for process rows (outputs): counts, take-up, fidelity.
PROCESS_MEASURES = ("output_count", "service_engagement", "fidelity_log")
ALTERNATIVES = 3


_RESPONDENT_ALIASES = {
    "parent": "parent or carer", "parents": "parent or carer", "carer": "parent or carer",
    "carers": "parent or carer", "staff": "practitioner", "worker": "practitioner",
    "workers": "practitioner", "social worker": "practitioner", "keyworker": "practitioner",
    "practitioners": "practitioner", "service": "service or system",
    "system": "service or system", "records": "service or system",
    "administrative record": "service or system", "children": "child",
    "young people": "young person", "teachers": "teacher", "families": "family",
}


@dataclass(frozen=True)
class PlanNote:
    """Something the plan builder noticed: a kept edit, a deleted outcome, a bad local measure."""

    code: str
    message: str
    ref: CellRef | None = None

    def __str__(self) -> str:
        return f"{self.ref}: {self.message}" if self.ref else self.message


@dataclass(frozen=True)
class DesignStrand:
    """One strand of the recommended evaluation design, with the reason and a source."""

    title: str
    detail: str  # as the Measures plan sheet shows it: what is missing says where to add it
    source: str
    plain: str = ""  # the detail for readers outside the workbook (a board), when it differs


@dataclass(frozen=True)
class PlanRow:
    """One row of the measures plan: a field per column of the *Measures plan* sheet (text).

    ``cells`` (column key -> CellRef) and ``sheet_row`` (1-based) say where a row read from the
    sheet sits, so findings can point at it; both are empty for a row built from the model.
    """

    ref: str = ""
    row_type: str = ""
    statement: str = ""
    about: str = ""
    measure: str = ""
    alternatives: str = ""
    why: str = ""
    kind: str = ""  # the measure's kind: administrative, validated instrument, ...
    respondent: str = ""
    data_source: str = ""
    baseline: str = ""
    follow_up: str = ""
    responsible: str = ""
    target: str = ""
    licence: str = ""
    status: str = ""
    notes: str = ""
    check: str = ""
    measure_key: str = ""
    generated: str = ""  # JSON: what the tool wrote in the user's columns (hidden column)
    cells: Mapping[str, CellRef] = field(default_factory=dict, compare=False, hash=False,
                                         repr=False)
    sheet_row: int = field(default=0, compare=False)

    @property
    def row_kind(self) -> str:
        """'outcome', 'process', 'negative', 'assumption', or '' when it cannot be told."""
        return _row_kind(self.values())

    def values(self) -> dict[str, str]:
        """The row as column key -> text, in layout order."""
        return {c: getattr(self, c) for c in COLUMNS}

    def cell(self, key: str) -> CellRef | None:
        """The sheet cell of one column of this row, when the row was read from the sheet."""
        return self.cells.get(key)

    @classmethod
    def from_values(cls, values: Mapping[str, object], **where: Any) -> PlanRow:
        """A row from column key -> value (missing columns empty, values as text)."""
        return cls(**{c: _str(values.get(c)) for c in COLUMNS}, **where)


def _str(value: object) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Plan:
    """A measures plan: its rows, the recommended design, and what was noticed making it.

    ``tracked``: the rows carry the tool's record of what it wrote (the hidden 'Generated'
    column), so the user's edits can be told apart; a plan read from a sheet without that
    column is not tracked. ``library``: the measures the plan chooses from (shipped ones plus
    My measures), when known.
    """

    rows: tuple[PlanRow, ...]
    design: tuple[DesignStrand, ...]
    notes: tuple[PlanNote, ...] = ()
    kept_edits: int = 0  # cells of the user's columns that the user had changed
    kept_rows: int = 0  # rows the user added, or whose outcome (output ...) has gone
    library: MeasureLibrary | None = None
    tracked: bool = True

    def count(self, kind: str) -> int:
        """Number of rows of one kind: outcome, process, negative or assumption."""
        return sum(1 for r in self.rows if r.row_kind == kind)

    def summary(self) -> str:
        """A few plain lines: what the plan holds, edits kept, flags, the recommended design."""
        primary = sum(1 for r in self.rows if r.row_type == "Outcome (primary)")
        local_keys = {m.key for m in self.library or () if m.local}
        local = sorted({r.measure for r in self.rows if r.measure_key in local_keys})
        flagged = [n for n in self.notes if n.code in ("ref-deleted", "not-regenerated")]
        lines = [
            (f"Measures plan: {self.count('outcome')} outcome rows ({primary} primary), "
            f"{self.count('process')} process rows, {self.count('negative')} negative-consequence "
            f"rows, {self.count('assumption')} assumption rows."),
            (f"Your changes kept: {self.kept_edits} cells, {self.kept_rows} rows; rows flagged "
            f"for you to look at: {len(flagged)}."),
        ]
        if local:
            lines.append(f"Your own measures used: {', '.join(local)}.")
        lines.append("Recommended design: " + "; ".join(s.title for s in self.design) + ".")
        return "\n".join(lines)


# --- local measures (My measures sheet) --------------------------------------------------------

def local_measures(model: LogicModel | Sequence[Element]
                   ) -> tuple[tuple[Measure, ...], list[PlanNote]]:
    """The LA's own measures from the My measures sheet (of a model, or its rows as elements),
    and notes on rows that could not be used."""
    out: list[Measure] = []
    notes: list[PlanNote] = []
    seen: set[str] = set()
    for el in (model.my_measures if isinstance(model, LogicModel) else model):
        name = el.text("name")
        if not el.id or not name:
            notes.append(PlanNote("local-measure-skipped",
                                  "a measure on My measures needs an ID and a name; row skipped",
                                  el.ref("name" if not name else "id")))
            continue
        if el.id in seen:
            notes.append(PlanNote("local-measure-skipped",
                                  f"ID {el.id} is used twice on My measures; this row skipped",
                                  el.ref("id")))
            continue
        seen.add(el.id)
        kind = el.text("kind").lower() or "bespoke"
        if kind not in KINDS:
            notes.append(PlanNote("local-measure-value", f"kind '{el.text('kind')}' is not one of "
                                  f"{', '.join(KINDS)}; read as bespoke", el.ref("kind")))
            kind = "bespoke"
        domain = el.text("domain").lower().replace(" ", "_")
        respondent: list[str] = []
        for part in re.split(r"[;,/\n]", el.text("respondent")):
            v = " ".join(part.lower().split())
            v = _RESPONDENT_ALIASES.get(v, v)
            if v in RESPONDENTS:
                respondent.append(v)
            elif v:
                notes.append(PlanNote("local-measure-value", f"completed by '{part.strip()}' is not "
                                      f"one of {', '.join(RESPONDENTS)}; ignored", el.ref("respondent")))
        try:
            who = tuple(sorted(parse_who(el.text("who_benefits")))) or WHO_BENEFITS
        except SuggestError as exc:
            notes.append(PlanNote("local-measure-value", f"{exc}; read as suits any outcome",
                                  el.ref("who_benefits")))
            who = WHO_BENEFITS
        ages = None
        if el.text("ages"):
            try:
                ages = parse_age(el.text("ages"))
            except SuggestError as exc:
                notes.append(PlanNote("local-measure-value", f"{exc}; ignored", el.ref("ages")))
        licence = el.text("licence").lower()
        out.append(Measure(
            key=f"local_{el.id.lower()}", name=name, kind=kind,
            domains=(domain,) if domain in _DOMAIN_KEYS else (),
            what_it_measures=el.text("what_it_measures"), respondent=tuple(respondent),
            who_benefits=who, age_min=ages[0] if ages else None,
            age_max=ages[1] if ages else None, licence=licence,
            licence_note="", data_source=el.text("data_source"),
            timepoints=el.text("timepoints"), notes=el.text("notes"),
            keywords=tuple(k.strip() for k in el.text("keywords").split(";") if k.strip()),
            local=True,
        ))
    return tuple(out), notes


_DOMAIN_KEYS = {d.lower().replace(" ", "_") for d in L.LISTS["measure_domain"]}


# --- building the rows --------------------------------------------------------------------------

def _row_kind(row: dict[str, Any]) -> str:
    gen = _generated(row)
    if gen and gen.get("kind"):
        return gen["kind"]
    t = row.get("row_type", "").lower()
    for kind, word in (("outcome", "outcome"), ("process", "process"),
                       ("negative", "negative"), ("assumption", "assumption")):
        if word in t:
            return kind
    return ""


def _generated(row: dict[str, Any]) -> dict[str, str] | None:
    try:
        gen = json.loads(row.get("generated") or "null")
    except ValueError:
        return None
    return gen if isinstance(gen, dict) else None


def _timepoints(kind: str, timescale: str | None) -> tuple[str, str]:
    ts = timescale or "medium"
    if kind == "administrative":
        return ("The 12 months before the change (same data, same definitions)", {
            "short": "Quarterly from launch",
            "medium": "6 and 12 months after launch",
            "long": "12, 24 and 36 months after launch",
        }[ts])
    if kind == "qualitative":
        return ("Early in delivery (first 3 months)", {
            "short": "End of support",
            "medium": "End of support and 6 months later",
            "long": "Once a year",
        }[ts])
    return ("At the start of support, before the first session", {
        "short": "End of support (about 3 months)",
        "medium": "End of support and 6 months after the start",
        "long": "12 and 24 months after the start",
    }[ts])


def _licence(m: Measure) -> str:
    if not m.licence:
        return "Not stated"
    if m.licence_note.casefold().startswith(m.licence.casefold()):  # "Free to use ...": said once
        return m.licence_note
    note = f": {m.licence_note}" if m.licence_note else ""
    return f"{m.licence.capitalize()}{note}"


def _describe(row: dict[str, Any], m: Measure | None) -> None:
    """Fill the columns that follow from the chosen measure."""
    if m is None:
        row.update(measure_key="", kind="", respondent="", data_source="", licence="")
        return
    row.update(measure_key=m.key, kind=m.kind, respondent="; ".join(m.respondent),
               data_source=m.data_source, licence=_licence(m))


def _row(ref: str, kind: str, row_type: str, statement: str, about: str,
         found: list[Suggestion], baseline: str, follow_up: str, target: str = "",
         why: str = "") -> dict[str, Any]:
    chosen = found[0].measure if found else None
    row = {c: "" for c in COLUMNS}
    row.update(
        ref=ref, row_type=row_type, statement=statement, about=about,
        measure=chosen.name if chosen else "",
        alternatives="; ".join(s.measure.name for s in found[1:1 + ALTERNATIVES]),
        why=why or (_why(found[0]) if found else f"{NO_MATCH}: {NO_MATCH_ADVICE}"),
        baseline=baseline, follow_up=follow_up, target=target, status="Suggested",
    )
    _describe(row, chosen)
    row["generated"] = json.dumps({"kind": kind, **{c: row[c] for c in EDITABLE}},
                                  ensure_ascii=False, sort_keys=True)
    return row


def _why(s: Suggestion) -> str:
    """The reason a measure was suggested, with how confident the suggestion is."""
    return f"{s.why}; confidence {s.confidence}" if s.why else ""


_PART_OF = re.compile(r"^part \d+ of \d+ \('.*?'\): one measure per part \(or split the outcome\): ")


def _monitoring_why(found: Sequence[Suggestion]) -> str:
    """The reason for a monitoring row (a negative consequence, an assumption), which gets one
    row however many parts its text has: the part the measure covers, not "part 1 of 5"."""
    if not found:
        return ""
    s = found[0]
    why = _why(s)
    if s.part and _PART_OF.match(why):
        why = f"for '{s.part}': " + _PART_OF.sub("", why)
    return why


def _outcome_rows(model: LogicModel, lib: MeasureLibrary, notes: list[PlanNote]) -> list[dict]:
    outcomes = list(model.outcomes)
    is_primary = [el.text("priority").lower() == "primary" for el in outcomes]
    ordered = [el for el, p in zip(outcomes, is_primary) if p] + [
        el for el, p in zip(outcomes, is_primary) if not p]
    rows = []
    for el in ordered:
        if not el.id or not el.statement:
            notes.append(PlanNote("outcome-skipped", "an outcome needs an ID and a statement to "
                                  "get a measure; row skipped", el.ref("outcome")))
            continue
        who = _safe(parse_who, el, "who_benefits", notes)
        ts = _safe(parse_timescale, el, "timescale", notes)
        found = match(el.statement, who_benefits=who or None, timescale=ts,
                      top=1 + ALTERNATIVES, library=lib)
        priority = el.text("priority").lower()
        row_type = f"Outcome ({priority})" if priority in ("primary", "secondary") else "Outcome"
        about = "; ".join(x for x in (el.text("timescale"), el.text("who_benefits"),
                                      el.text("direction"), el.text("priority")) if x)
        rows += _rows_for_outcome(el, found, row_type, about, ts)
    return rows


def _rows_for_outcome(el: Element, found: Match, row_type: str, about: str,
                      ts: str | None) -> list[dict]:
    """One row for an outcome; a compound outcome gets one row per part, each with its own
    measure, and a part with no close match its own row saying so."""
    groups: list[list[Suggestion]] = ([[s] for s in found.suggestions] if found.compound
                                      else [list(found.suggestions)])
    if found.compound:
        groups += [[] for _ in found.unmatched]
    unmatched = list(found.unmatched) if found.compound else []
    rows = []
    for group in groups:
        kind = group[0].measure.kind if group else "bespoke"
        baseline, follow_up = _timepoints(kind, ts)
        part = group[0].part if group else (unmatched.pop(0) if unmatched else "")
        row_about, why = about, ""
        if part:
            where = (f"part {found.parts.index(part) + 1} of {len(found.parts)}"
                     if part in found.parts else "part")
            row_about = "; ".join(x for x in (about, f"{where}: '{part}'") if x)
        if found.abstained:
            why = found.advice.rstrip(".")  # names what the library has no measure of
        elif not group and part:
            why = f"{NO_MATCH} for this part ('{part}'): {NO_MATCH_ADVICE}"
        rows.append(_row(el.id, "outcome", row_type, el.statement, row_about, group,
                         baseline, follow_up, why=why))
    return rows


def _safe(parse, el: Element, key: str, notes: list[PlanNote]):
    try:
        return parse(el.text(key))
    except SuggestError as exc:
        notes.append(PlanNote("outcome-value", f"{exc}; ignored", el.ref(key)))
        return None


def _process_rows(model: LogicModel, lib: MeasureLibrary) -> list[dict]:
    process = MeasureLibrary(m for m in lib if m.key in PROCESS_MEASURES)
    fallback = [Suggestion(m, 0.0, "") for m in process]
    rows = []
    for el in model.outputs:
        if not el.id or not el.statement:
            continue
        ranked = suggest(el.statement, library=process, top=len(process)) if process else []
        keys = [s.measure.key for s in ranked]
        ranked += [s for s in fallback if s.measure.key not in keys]
        # The count of the output against its target comes first; the others as alternatives.
        found = sorted(ranked, key=lambda s: s.measure.key != PROCESS_MEASURES[0])
        target = el.text("target")
        rows.append(_row(
            el.id, "process", "Process", el.statement,
            f"Target: {target}" if target else "No target set on Outputs",
            found, "From launch (or the same months a year earlier, if counted then)",
            "Monthly; compared with the target every quarter", target=target,
            why="a process measure: counts what the activities produce, against the target",
        ))
    return rows


def _negative_rows(model: LogicModel, lib: MeasureLibrary) -> list[dict]:
    rows = []
    for el in model.negatives:
        if not el.id or not el.statement:
            continue
        text = f"{el.statement}. {el.text('monitoring')}"
        found = suggest(text, top=1 + ALTERNATIVES, library=lib)
        high = "high" in (el.text("likelihood").lower(), el.text("impact").lower())
        about = "; ".join(x for x in (
            el.text("likelihood") and f"likelihood {el.text('likelihood').lower()}",
            el.text("impact") and f"impact {el.text('impact').lower()}",
            el.text("monitoring") and f"monitoring: {el.text('monitoring')}") if x)
        rows.append(_row(
            el.id, "negative", "Negative consequence", el.statement, about, found,
            "Before launch if the data exist; otherwise the first month",
            "Monthly review" if high else "Quarterly review", why=_monitoring_why(found),
        ))
    return rows


def _assumption_rows(model: LogicModel, lib: MeasureLibrary) -> list[dict]:
    rows = []
    for el in model.assumptions:
        confidence = el.text("confidence").lower()
        if not el.id or not el.statement or not needs_a_test(el):
            continue  # the check's rule: every assumption not rated Strong is tested
        text = f"{el.statement}. {el.text('how_tested')}"
        found = suggest(text, top=1 + ALTERNATIVES, library=lib)
        about = "; ".join(x for x in (
            f"confidence {confidence}" if confidence else "confidence not stated (treated as untested)",
            el.text("how_tested") and f"test: {el.text('how_tested')}") if x)
        rows.append(_row(
            el.id, "assumption", "Assumption", el.statement, about, found,
            "Start of delivery", "Review at 6 and 12 months", why=_monitoring_why(found),
        ))
    return rows


# --- keeping the user's edits ------------------------------------------------------------------

def _norm(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def _measure_named(lib: MeasureLibrary, name: str, key: str = "") -> Measure | None:
    """The measure a plan row names: by its key and name, else by its name (the nation's or
    the library's own: a plan built before the Nation was set names the English one) or key."""
    wanted = _norm(name)
    if key and key in lib and wanted in (_norm(lib.get(key).name), _norm(lib.get(key).match_name)):
        return lib.get(key)
    for m in lib:
        if wanted in (_norm(m.name), _norm(m.match_name), _norm(m.key)):
            return m
    return None


def _merge(new_rows: list[dict], previous: list[dict], has_generated: bool,
           model: LogicModel, lib: MeasureLibrary, notes: list[PlanNote]
           ) -> tuple[list[dict], int, int]:
    """Carry the user's edits and rows from the previous plan into the new rows.

    Returns the rows, the number of edited cells kept and the number of old rows kept."""
    tool_prev: dict[tuple[str, str], list[dict]] = {}
    user_prev: list[dict] = []
    for p in previous:
        key = (L.normalise_id(p.get("ref", "")), _row_kind(p))
        if (_generated(p) is not None or not has_generated) and key[1]:
            tool_prev.setdefault(key, []).append(p)
        else:
            user_prev.append(p)
    kept = 0
    out: list[dict] = []
    for row in new_rows:
        key = (L.normalise_id(row["ref"]), _row_kind(row))
        matches = tool_prev.get(key)
        if matches:
            prev = matches.pop(0)
            kept += _carry(row, prev, _generated(prev), lib, notes)
        out.append(row)
    leftovers = [p for ps in tool_prev.values() for p in ps] + user_prev
    leftovers.sort(key=lambda p: p["_row"])
    regenerated = {(L.normalise_id(r["ref"]), _row_kind(r)) for r in new_rows}
    ids = model.by_id()
    for p in leftovers:
        row = {c: p.get(c, "") for c in COLUMNS}
        el = ids.get(L.normalise_id(row["ref"]))
        if el is not None:
            row["statement"] = el.statement
        chosen = _measure_named(lib, row["measure"], row["measure_key"])
        if row["measure"]:
            _describe(row, chosen)
        if el is None:
            check = (f"{row['ref'] or 'This row'} is no longer in the logic model; row kept: "
                     "delete it if it is no longer needed")
            notes.append(PlanNote("ref-deleted", check, p["_ref"]))
        elif _generated(p) is not None and (L.normalise_id(row["ref"]), _row_kind(p)) in regenerated:
            check = "a second row for this item: kept as you left it"
        elif _generated(p) is not None:
            check = (f"{row['ref']} no longer gets a row of this type (e.g. an assumption now "
                     "marked strong); row kept: delete it if it is no longer needed")
            notes.append(PlanNote("not-regenerated", check, p["_ref"]))
        else:
            check = "a row you added: kept"
        row["check"] = _join(check, _NOT_IN_LIBRARY if row["measure"] and chosen is None else "")
        _insert_after_ref(out, row)
    return out, kept, len(leftovers)


_NOT_IN_LIBRARY = "measure not in the library or My measures: details left blank"


def _join(a: str, b: str) -> str:
    return f"{a}; {b}" if a and b not in a else (a or b)


def _carry(row: dict, prev: dict, gen: dict | None, lib: MeasureLibrary,
           notes: list[PlanNote]) -> int:
    """Keep every editable cell of ``prev`` the user changed; return how many were kept."""
    kept = 0
    changed = []
    for col in EDITABLE:
        before = prev.get(col, "")
        if gen is not None:
            edited = _norm(before) != _norm(gen.get(col, ""))
        else:  # no record of what the tool wrote: keep anything that differs from the new value
            edited = bool(_norm(before)) and _norm(before) != _norm(row[col])
        if edited:
            row[col] = before
            changed.append(col)
    if "measure" in changed:
        suggested = json.loads(row["generated"])["measure"]
        chosen = _measure_named(lib, row["measure"])
        _describe(row, chosen)
        row["check"] = _join(f"your measure kept (suggested: {suggested})" if suggested
                             else "your measure kept",
                             "" if chosen is not None or not row["measure"] else _NOT_IN_LIBRARY)
    if changed:
        kept += len(changed)
        notes.append(PlanNote("edit-kept", f"{row['ref']}: kept your "
                              + ", ".join(_HEADERS[c] for c in changed), prev["_ref"]))
    return kept


_HEADERS = {c.key: c.header.lower() for c in L.PLAN_COLUMNS}


def _insert_after_ref(rows: list[dict], row: dict) -> None:
    ref = L.normalise_id(row["ref"])
    last = max((i for i, r in enumerate(rows) if ref and L.normalise_id(r["ref"]) == ref),
               default=None)
    if last is None:
        rows.append(row)
    else:
        rows.insert(last + 1, row)


# --- the recommended design ----------------------------------------------------------------------

def _use(row: PlanRow) -> D.MeasureUse:
    return D.MeasureUse(ref=row.ref, role=row.row_kind, name=row.measure, kind=row.kind,
                        primary=row.row_type.startswith("Outcome (primary)"),
                        key=row.measure_key, source=row.data_source)


def _still(gaps: Iterable[str]) -> str:
    text = " ".join(gaps)
    return f" Still to decide: {text}" if text else ""


def recommend_design(plan_rows: Sequence[PlanRow], model: LogicModel | None = None
                     ) -> tuple[DesignStrand, ...]:
    """The evaluation design that fits the model (its causal chain and delivery: the
    Intervention sheet) and the plan's measures, each strand with its reason
    (lm_excel.measures.design). Without the model the design follows from the rows alone."""
    d = D.recommend(model, [_use(r) for r in plan_rows])
    strands = [DesignStrand(s.title, f"{s.detail} Why: {s.why}", s.source,
                            f"{s.plain} Why: {s.why}" if s.plain else "") for s in d.strands]
    level = f"This design can give {d.evidence_level}. {D.EIF_LEVELS}"
    strands.append(DesignStrand("Strength of evidence", level + _still(g.fix for g in d.missing),
                                D.EIF_STANDARDS, level + _still(g.plain for g in d.missing)))
    return tuple(strands)


# --- entry point --------------------------------------------------------------------------------

def make_plan(model: LogicModel, previous: Plan | None = None,
              library: MeasureLibrary | None = None) -> Plan:
    """Build the measures plan for a logic model, keeping the user's edits to ``previous``.

    previous: the plan already in the workbook (read from its sheet with
    :func:`lm_excel.workbook.plan_sheet.read_plan`), or None for a fresh plan.
    library: the measures to choose from; by default the shipped library plus the model's own
    measures (My measures sheet). Either way, as the nation on the Intervention sheet needs
    them (:meth:`MeasureLibrary.for_nation`).
    """
    notes: list[PlanNote] = []
    if library is None:
        local, local_notes = local_measures(model)
        notes += local_notes
        library = load_library(extra=local)
    # Outside England each measure names that nation's own collection, not the English one.
    library = library.for_nation(D.read_setting(model).nation)
    rows = (_outcome_rows(model, library, notes) + _process_rows(model, library)
            + _negative_rows(model, library) + _assumption_rows(model, library))
    kept = kept_rows = 0
    if previous is not None:
        before = [{**r.values(), "_ref": r.cell("ref"), "_row": r.sheet_row} for r in previous.rows]
        rows, kept, kept_rows = _merge(rows, before, previous.tracked, model, library, notes)
    if not any(_row_kind(r) == "outcome" for r in rows):
        notes.append(PlanNote("no-outcomes", "the Outcomes sheet has no outcomes to measure yet"))
    frozen = tuple(PlanRow.from_values(r) for r in rows)
    return Plan(rows=frozen, design=recommend_design(frozen, model), notes=tuple(notes),
                kept_edits=kept, kept_rows=kept_rows, library=library)


def plan_from_rows(rows: Sequence[PlanRow], library: MeasureLibrary | None = None,
                   tracked: bool = True, model: LogicModel | None = None) -> Plan:
    """A plan of rows as they are (e.g. read from the sheet), with the design that follows
    from them and, when given, from the model (its causal chain and delivery)."""
    return Plan(rows=tuple(rows), design=recommend_design(rows, model),
                library=library, tracked=tracked)

