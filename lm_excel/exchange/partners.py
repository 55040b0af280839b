"""Working with partners by email: macro-free copies, comparing two copies, three-way merge.

The library side of ``lm-excel share``, ``lm-excel diff`` and ``lm-excel merge``. Everything here
works on :class:`Snapshot` objects (a model's records plus the grids of the sheets the tools
write), so comparing and merging run in memory and are tested without files; the ``*_files``
functions add reading, writing (atomic, verified) and the Change log.

Elements are matched by their normalised ID per sheet (``c 01`` is ``C1``), fields by column.
Link columns compare as sets of IDs, other fields as the text a user reads.

How a merge shows a conflict (both sides changed one field differently, or one side deleted a
row the other changed): the merged cell holds MINE's value (or the surviving row), and a row on
the *Conflicts* sheet gives the base, MINE's and THEIRS' values with a link to the cell. Elements
added on both sides under one ID with different statements are both kept: THEIRS' is renumbered
to the next free ID with the sheet's prefix, and links inside THEIRS are renumbered with it.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from lm_excel import __version__
from lm_excel import layout as L
from lm_excel.errors import LmExcelError, UsageError
from lm_excel.fileio import Output, Written
from lm_excel.model import LogicModel, ModelRecords, a1, cell_text, quote_sheet

Grid = Sequence[Sequence[object]]
Rec = dict[str, object]

WHOLE_ROW = "(whole row)"
PLAN = L.MEASURES_PLAN.name
#: Kept grids compared and merged row by row (the Validation sheet is derived: MINE's is kept).
ROW_GRIDS: tuple[str, ...] = (PLAN,)


# --- snapshots ----------------------------------------------------------------------------------


@dataclass
class Snapshot:
    """A model's values (no cell addresses) and the grids of the sheets the tools write."""

    records: ModelRecords
    extras: dict[str, Grid] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    source: str = ""
    _keyed: dict[str, dict[str, Rec]] = field(default_factory=dict, repr=False, compare=False)

    def keyed(self, sheet: L.ListSheet) -> dict[str, Rec]:
        """The sheet's rows by key (see :func:`keyed_elements`), computed once per snapshot."""
        if sheet.key not in self._keyed:
            self._keyed[sheet.key] = keyed_elements(sheet, self.records.elements.get(sheet.key, []))
        return self._keyed[sheet.key]

    @classmethod
    def of(cls, model: LogicModel) -> Snapshot:
        return cls(model.to_records(), dict(model.extras), dict(model.meta), model.source)

    @property
    def schema_version(self) -> str:
        return self.meta.get("migrated_from") or self.meta.get("schema_version", "")


def read_snapshot(path: str | os.PathLike[str]) -> Snapshot:
    from lm_excel.workbook.reader import read_workbook

    return Snapshot.of(read_workbook(path))


def read_snapshots(paths: Sequence[str | os.PathLike[str]]) -> list[Snapshot]:
    """Read several workbooks, one after the other (in order)."""
    return [read_snapshot(p) for p in paths]


def norm(col: L.Column | None, value: object) -> str:
    """What a field's value means, for comparing: link columns as sorted IDs, else the text."""
    kind = col.kind if col is not None else "text"
    try:
        return _norm(kind, value)
    except TypeError:  # an unhashable value: not from a workbook, but never fail on it
        return _norm.__wrapped__(kind, value)


@lru_cache(maxsize=65536)
def _norm(kind: str, value: object) -> str:
    if kind == "ids":
        return ", ".join(sorted(L.split_ids(value)))
    if kind == "id":
        return L.normalise_id(value)
    return cell_text(value)


def _columns(sheet_key: str) -> dict[str, L.Column]:
    if sheet_key == L.INTERVENTION.key:
        return {c.key: c for c in L.INTERVENTION.fields}
    return {c.key: c for c in L.LIST_SHEET_BY_KEY[sheet_key].columns}


def _empty(rec: Mapping[str, object]) -> bool:
    return not any(cell_text(v) for v in rec.values())


def keyed_elements(sheet: L.ListSheet, rows: Iterable[Mapping[str, object]]) -> dict[str, Rec]:
    """A sheet's rows by key: the normalised ID; rows without one by their statement.

    A repeated key gets ' #2', ' #3', ... so no row is ever dropped.
    """
    out: dict[str, Rec] = {}
    for rec in rows:
        if _empty(rec):
            continue
        id_ = L.normalise_id(rec.get("id"))
        base = id_ or "(no ID) " + cell_text(rec.get(sheet.statement))[:60]
        key, n = base, 2
        while key in out:
            key, n = f"{base} #{n}", n + 1
        out[key] = dict(rec)
    return out


# --- grids of plan rows -------------------------------------------------------------------------


@dataclass
class GridTable:
    """A kept grid read as a table: rows above the header, the header, rows by key."""

    prelude: list[tuple[object, ...]]
    header: list[str]
    rows: dict[str, Rec]  # key -> header text -> value
    keyed_by: tuple[str, ...]  # headers making the key; () = whole-row content


def _is_key_header(h: str) -> bool:
    k = L.match_key(h)
    return k in {"key", "rowid", "planid", "rowkey"}


def grid_table(grid: Grid | None) -> GridTable:
    """Read a tool-written grid (e.g. the measures plan) as a table keyed by its ID columns.

    The header is the first row from row 3 with at least two texts. The key is a 'Key'/'Row ID'
    column when there is one, else the ID columns (e.g. 'Ref' or 'Outcome ID') plus the first
    'measure' column; without any, a row's whole content is its key (a changed row = one removed + one added).
    The recommended design below a measures plan is left out: it follows from the rows.
    """
    rows = [tuple(r) for r in (grid or ())]
    header_r = None
    for r in range(L.HEADER_ROW - 1, min(len(rows), 15)):
        if sum(1 for v in rows[r] if cell_text(v)) >= 2:
            header_r = r
            break
    if header_r is None:
        return GridTable(rows, [], {}, ())
    header = [cell_text(v) for v in rows[header_r]]
    named = [h for h in header if h]
    keys = tuple(h for h in named if _is_key_header(h))
    if not keys:
        ids = tuple(h for h in named if L.match_key(h) in {"id", "ref", "reference"}
                    or L.match_key(h).endswith("id"))
        measure = next((h for h in named if "measure" in L.match_key(h)), None)
        keys = ids + ((measure,) if ids and measure else ())
    table: dict[str, Rec] = {}
    design = L.plan_design_rows(rows)  # worked out from the rows: written again, not merged
    for r in range(header_r + 1, len(rows)):
        if r in design:
            continue
        rec = {h: rows[r][c] for c, h in enumerate(header) if h and c < len(rows[r])}
        if _empty(rec):
            continue
        if keys:
            base = " / ".join(cell_text(rec.get(k)) for k in keys)
        else:
            base = " | ".join(cell_text(v) for v in rec.values() if cell_text(v))
        key, n = base, 2
        while key in table:
            key, n = f"{base} #{n}", n + 1
        table[key] = rec
    return GridTable(rows[:header_r], header, table, keys)


def table_grid(t: GridTable) -> tuple[list[tuple[object, ...]], dict[str, int]]:
    """Back to a grid; also the 0-based grid row of each key."""
    out = list(t.prelude) + [tuple(t.header)]
    where: dict[str, int] = {}
    for key, rec in t.rows.items():
        where[key] = len(out)
        out.append(tuple(rec.get(h) if h else None for h in t.header))
    return out, where


# --- diff ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    field: str  # column key (or header text for plan rows)
    header: str
    old: str
    new: str
    link: bool = False
    links_added: tuple[str, ...] = ()
    links_removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class RowChange:
    sheet: str  # sheet name
    id: str  # element key (normalised ID) or plan row key
    change: str  # "added" | "removed" | "changed"
    statement: str
    fields: tuple[FieldChange, ...] = ()


@dataclass
class Diff:
    a: str
    b: str
    a_schema: str
    b_schema: str
    intervention: list[FieldChange]
    rows: list[RowChange]

    @property
    def empty(self) -> bool:
        return not self.intervention and not self.rows

    def counts(self) -> dict[str, int]:
        c = Counter(r.change for r in self.rows if r.sheet != PLAN)
        p = Counter(r.change for r in self.rows if r.sheet == PLAN)
        return {
            "intervention_fields_changed": len(self.intervention),
            "elements_added": c["added"],
            "elements_removed": c["removed"],
            "elements_changed": c["changed"],
            "links_changed": sum(1 for r in self.rows if r.change == "changed" for f in r.fields if f.link),
            "plan_rows_added": p["added"],
            "plan_rows_removed": p["removed"],
            "plan_rows_changed": p["changed"],
        }

    def to_json(self) -> dict[str, object]:
        return {
            "a": self.a,
            "b": self.b,
            "schema": {"a": self.a_schema, "b": self.b_schema, "compared_as": L.SCHEMA_VERSION},
            "identical": self.empty,
            "summary": self.counts(),
            "intervention": [asdict(f) for f in self.intervention],
            "rows": [
                {**asdict(r), "fields": [asdict(f) for f in r.fields]} for r in self.rows
            ],
        }

    def text(self) -> str:
        lines = [f"Comparing {self.a} (layout {self.a_schema}) with {self.b} (layout {self.b_schema})"]
        if self.intervention:
            lines.append("Intervention")
            lines += [f"  ~ {_field_line(f)}" for f in self.intervention]
        sheet = None
        for r in self.rows:
            if r.sheet != sheet:
                sheet = r.sheet
                lines.append(sheet)
            mark = {"added": "+", "removed": "-", "changed": "~"}[r.change]
            lines.append(f"  {mark} {r.id} {_q(r.statement)}".rstrip() + f" ({r.change})")
            if r.change == "changed":
                lines += [f"      {_field_line(f)}" for f in r.fields]
            else:
                lines += [f"      {f.header}: {_q(f.new or f.old)}" for f in r.fields
                          if f.header != _statement_header(r.sheet)]
        c = self.counts()
        if self.empty:
            lines.append("No differences.")
        else:
            lines.append(
                f"Summary: {c['elements_added']} added, {c['elements_removed']} removed, "
                f"{c['elements_changed']} changed element(s) ({c['links_changed']} link change(s)); "
                f"{c['intervention_fields_changed']} intervention field(s) changed; plan rows: "
                f"{c['plan_rows_added']} added, {c['plan_rows_removed']} removed, "
                f"{c['plan_rows_changed']} changed."
            )
        return "\n".join(lines)


def _statement_header(sheet_name: str) -> str:
    for sheet in L.LIST_SHEETS:
        if sheet.name == sheet_name:
            return sheet.column(sheet.statement).header
    return ""


def _q(text: str, limit: int = 70) -> str:
    text = text.replace("\n", " / ")
    if not text:
        return ""
    return '"' + (text if len(text) <= limit else text[: limit - 1] + "…") + '"'


def _field_line(f: FieldChange) -> str:
    if f.link:
        parts = [f"+{x}" for x in f.links_added] + [f"-{x}" for x in f.links_removed]
        return f"{f.header} (links): {f.old or '(none)'} -> {f.new or '(none)'} [{' '.join(parts)}]"
    return f"{f.header}: {_q(f.old) or '(empty)'} -> {_q(f.new) or '(empty)'}"


def _field_changes(cols: Mapping[str, L.Column], old: Mapping[str, object], new: Mapping[str, object],
                   order: Sequence[str]) -> list[FieldChange]:
    out: list[FieldChange] = []
    keys = list(order) + sorted(k for k in set(old) | set(new) if k not in order)
    for k in keys:
        col = cols.get(k)
        if k == "id":
            continue
        a, b = old.get(k), new.get(k)
        if norm(col, a) == norm(col, b):
            continue
        header = col.header if col else k
        if col is not None and col.kind == "ids":
            sa, sb = L.split_ids(a), L.split_ids(b)
            out.append(FieldChange(k, header, ", ".join(sa), ", ".join(sb), True,
                                   tuple(x for x in sb if x not in sa), tuple(x for x in sa if x not in sb)))
        else:
            out.append(FieldChange(k, header, cell_text(a), cell_text(b)))
    return out


def diff_snapshots(a: Snapshot, b: Snapshot) -> Diff:
    """Compare two models element by element (by ID) and field by field, plus plan rows."""
    iv_cols = _columns(L.INTERVENTION.key)
    intervention = _field_changes(iv_cols, a.records.intervention, b.records.intervention,
                                  [f.key for f in L.INTERVENTION.fields])
    rows: list[RowChange] = []
    for sheet in L.LIST_SHEETS:
        cols = _columns(sheet.key)
        order = [c.key for c in sheet.columns]
        ea = a.keyed(sheet)
        eb = b.keyed(sheet)
        for key, rec in ea.items():
            if key not in eb:
                rows.append(RowChange(sheet.name, key, "removed", cell_text(rec.get(sheet.statement)),
                                      tuple(_field_changes(cols, rec, {}, order))))
            else:
                changes = _field_changes(cols, rec, eb[key], order)
                if changes:
                    rows.append(RowChange(sheet.name, key, "changed",
                                          cell_text(eb[key].get(sheet.statement)), tuple(changes)))
        for key, rec in eb.items():
            if key not in ea:
                rows.append(RowChange(sheet.name, key, "added", cell_text(rec.get(sheet.statement)),
                                      tuple(_field_changes(cols, {}, rec, order))))
    for name in ROW_GRIDS:
        ta, tb = grid_table(a.extras.get(name)), grid_table(b.extras.get(name))
        order = tb.header or ta.header
        for key, rec in ta.rows.items():
            if key not in tb.rows:
                rows.append(RowChange(name, key, "removed", "", tuple(_field_changes({}, rec, {}, order))))
            else:
                changes = _field_changes({}, rec, tb.rows[key], order)
                if changes:
                    rows.append(RowChange(name, key, "changed", "", tuple(changes)))
        for key, rec in tb.rows.items():
            if key not in ta.rows:
                rows.append(RowChange(name, key, "added", "", tuple(_field_changes({}, {}, rec, order))))
    return Diff(a.source, b.source, a.schema_version, b.schema_version, intervention, rows)


def diff_files(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> Diff:
    return diff_snapshots(*read_snapshots([a, b]))


# --- merge --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    """Two copies disagree about one field (or a whole row)."""

    sheet: str
    id: str
    field: str  # header text, or WHOLE_ROW
    what: str
    kept: str
    base: str | None
    mine: str
    theirs: str
    cell: str = ""  # reference of the merged cell, e.g. "Components!C5"

    def record(self, found: str) -> Rec:
        return {
            "found": found, "sheet": self.sheet, "id": self.id, "field": self.field,
            "cell": self.cell, "what": self.what, "kept": self.kept,
            "base": "(no base)" if self.base is None else self.base,
            "mine": self.mine, "theirs": self.theirs,
        }


@dataclass
class MergeResult:
    records: ModelRecords
    extras: dict[str, Grid]
    conflicts: list[Conflict]
    renumbered: list[tuple[str, str, str]]  # sheet, old ID, new ID (in THEIRS)
    removed: list[tuple[str, str, str]]  # sheet, key, which side deleted it
    added: list[tuple[str, str, str]]  # sheet, key, which side added it
    applied: int  # fields changed on one side only and taken over
    three_way: bool
    theirs: Snapshot  # THEIRS after renumbering (what was merged)

    def summary(self) -> str:
        parts = [
            ("three-way merge" if self.three_way else "two-way merge (no base)"),
            f"{self.applied} one-sided field change(s) applied",
            f"{len(self.added)} element(s)/row(s) added",
            f"{len(self.removed)} removed",
            f"{len(self.conflicts)} conflict(s)",
        ]
        if self.renumbered:
            parts.append("renumbered " + ", ".join(f"{o}->{n}" for _, o, n in self.renumbered))
        return "; ".join(parts)

    def report(self) -> str:
        lines = [self.summary()]
        for sheet, old, new in self.renumbered:
            lines.append(f"  renumbered: {sheet} {old} from THEIRS is now {new} (both sides added {old})")
        for sheet, key, by in self.removed:
            lines.append(f"  removed: {sheet} {key} (deleted in {by})")
        for c in self.conflicts:
            where = f" at {c.cell}" if c.cell else ""
            lines.append(
                f"  CONFLICT {c.sheet} {c.id} {c.field}{where}: {c.what}; kept {_q(c.kept) or '(empty)'}, "
                f"mine {_q(c.mine) or '(empty)'}, theirs {_q(c.theirs) or '(empty)'}"
            )
        return "\n".join(lines)


_SIDE = {"mine": "MINE", "theirs": "THEIRS"}


class _Merger:
    def __init__(self, three_way: bool) -> None:
        self.three_way = three_way
        self.conflicts: list[tuple[Conflict, str, str, str]] = []  # conflict, sheet key, rec key, field key
        self.removed: list[tuple[str, str, str]] = []
        self.added: list[tuple[str, str, str]] = []
        self.applied = 0

    def conflict(self, sheet_name: str, sheet_key: str, key: str, fkey: str, header: str, what: str,
                 kept: object, b: object, m: object, t: object) -> None:
        c = Conflict(sheet_name, key, header, what, cell_text(kept),
                     None if not self.three_way else cell_text(b), cell_text(m), cell_text(t))
        self.conflicts.append((c, sheet_key, key, fkey))

    def fields(self, sheet_name: str, sheet_key: str, key: str, cols: Mapping[str, L.Column],
               b: Mapping[str, object] | None, m: Mapping[str, object], t: Mapping[str, object],
               order: Sequence[str]) -> Rec:
        """Merge one record field by field (``b`` None: no base, every difference is flagged)."""
        out: Rec = {}
        keys = list(order) + [k for k in dict.fromkeys([*m, *t]) if k not in order]
        for k in keys:
            if k not in m and k not in t:
                continue
            col = cols.get(k)
            header = col.header if col else k
            mv, tv = m.get(k), t.get(k)
            nm, nt = norm(col, mv), norm(col, tv)
            if nm == nt:
                out[k] = mv if k in m else tv
                continue
            if b is None:
                out[k] = mv if nm else tv
                what = ("only THEIRS has a value" if not nm else "only MINE has a value" if not nt
                        else "MINE and THEIRS differ (no base to tell who changed it)")
                self.conflict(sheet_name, sheet_key, key, k, header, what, out[k], None, mv, tv)
                continue
            bv = b.get(k)
            nb = norm(col, bv)
            if nm == nb:
                out[k] = tv
                self.applied += 1
            elif nt == nb:
                out[k] = mv
                self.applied += 1
            else:
                out[k] = mv
                what = "both sides changed it differently" if (b or nb) else "added on both sides with different values"
                self.conflict(sheet_name, sheet_key, key, k, header, what, mv, bv, mv, tv)
        return out

    def rows(self, sheet_name: str, sheet_key: str, cols: Mapping[str, L.Column], order: Sequence[str],
             base: Mapping[str, Rec] | None, mine: Mapping[str, Rec], theirs: Mapping[str, Rec],
             ) -> dict[str, Rec]:
        def same(x: Mapping[str, object], y: Mapping[str, object]) -> bool:
            return all(norm(cols.get(k), x.get(k)) == norm(cols.get(k), y.get(k)) for k in {*x, *y})

        def whole(rec: Mapping[str, object]) -> str:
            return " | ".join(f"{(cols[k].header if k in cols else k)}: {cell_text(v)}"
                              for k, v in rec.items() if cell_text(v))

        merged: dict[str, Rec] = {}
        for key, m in mine.items():
            t = theirs.get(key)
            b = base.get(key) if base is not None else None
            if t is not None:
                if base is not None and b is None:
                    self.added.append((sheet_name, key, "MINE and THEIRS"))
                if base is None:
                    merged[key] = self.fields(sheet_name, sheet_key, key, cols, None, m, t, order)
                else:
                    merged[key] = self.fields(sheet_name, sheet_key, key, cols, b or {}, m, t, order)
            elif base is None:
                merged[key] = dict(m)
                self.added.append((sheet_name, key, "MINE"))
                self.conflict(sheet_name, sheet_key, key, "", WHOLE_ROW, "only in MINE (no base: added in "
                              "MINE or deleted in THEIRS?)", whole(m), None, whole(m), "")
            elif b is None:
                merged[key] = dict(m)
                self.added.append((sheet_name, key, "MINE"))
            elif same(m, b):
                self.removed.append((sheet_name, key, "THEIRS"))
            else:
                merged[key] = dict(m)
                self.conflict(sheet_name, sheet_key, key, "", WHOLE_ROW, "changed in MINE, deleted in THEIRS",
                              whole(m), whole(b), whole(m), "(deleted)")
        # THEIRS-only rows, placed after their predecessor in THEIRS' order.
        result: list[tuple[str, Rec]] = list(merged.items())
        prev: str | None = None
        for key, t in theirs.items():
            if key in mine:
                prev = key
                continue
            b = base.get(key) if base is not None else None
            keep = True
            if base is None:
                self.added.append((sheet_name, key, "THEIRS"))
                self.conflict(sheet_name, sheet_key, key, "", WHOLE_ROW, "only in THEIRS (no base: added in "
                              "THEIRS or deleted in MINE?)", whole(t), None, "", whole(t))
            elif b is None:
                self.added.append((sheet_name, key, "THEIRS"))
            elif same(t, b):
                self.removed.append((sheet_name, key, "MINE"))
                keep = False
            else:
                self.conflict(sheet_name, sheet_key, key, "", WHOLE_ROW, "deleted in MINE, changed in THEIRS",
                              whole(t), whole(b), "(deleted)", whole(t))
            if keep:
                at = next((i + 1 for i, (k, _) in enumerate(result) if k == prev), 0 if prev is None else len(result))
                result.insert(at, (key, dict(t)))
                prev = key
        if base is not None:
            for key in base:
                if key not in mine and key not in theirs:
                    self.removed.append((sheet_name, key, "MINE and THEIRS"))
        return dict(result)


def _renumber(base: Snapshot, mine: Snapshot, theirs: Snapshot) -> tuple[Snapshot, list[tuple[str, str, str]]]:
    """Give THEIRS' elements a new ID where both sides added the same ID with different statements."""
    renames: dict[tuple[str, str], str] = {}
    links: dict[str, str] = {}
    reported: list[tuple[str, str, str]] = []
    used: set[str] = set()
    for snap in (base, mine, theirs):
        for rows in snap.records.elements.values():
            used.update(L.normalise_id(r.get("id")) for r in rows)
    for sheet in L.LIST_SHEETS:
        kb = base.keyed(sheet)
        km = mine.keyed(sheet)
        kt = theirs.keyed(sheet)
        for key in kt:
            if key in kb or key not in km or " " in key:
                continue
            if norm(None, km[key].get(sheet.statement)) == norm(None, kt[key].get(sheet.statement)):
                continue  # the same element added by both: merged field by field
            n = 1
            while f"{sheet.prefix}{n}" in used:
                n += 1
            new = f"{sheet.prefix}{n}"
            used.add(new)
            renames[(sheet.key, key)] = new
            links[key] = new
            reported.append((sheet.name, key, new))
    if not renames:
        return theirs, []
    elements: dict[str, list[Rec]] = {}
    for sheet in L.LIST_SHEETS:
        cols = _columns(sheet.key)
        kt = theirs.keyed(sheet)
        out: list[Rec] = []
        for key, rec in kt.items():
            rec = dict(rec)
            if (sheet.key, key) in renames:
                rec["id"] = renames[(sheet.key, key)]
            for k, v in rec.items():
                col = cols.get(k)
                if col is not None and col.kind == "ids":
                    ids = L.split_ids(v)
                    if any(i in links for i in ids):
                        rec[k] = ", ".join(links.get(i, i) for i in ids)
            out.append(rec)
        elements[sheet.key] = out
    renamed = Snapshot(ModelRecords(dict(theirs.records.intervention), elements),
                       dict(theirs.extras), dict(theirs.meta), theirs.source)
    return renamed, reported


def merge_snapshots(base: Snapshot | None, mine: Snapshot, theirs: Snapshot) -> MergeResult:
    """Merge THEIRS into MINE, three-way when ``base`` is given, else a flagged union."""
    reported: list[tuple[str, str, str]] = []
    if base is not None:
        theirs, reported = _renumber(base, mine, theirs)
    mg = _Merger(base is not None)
    iv_order = [f.key for f in L.INTERVENTION.fields]
    intervention = mg.fields(L.INTERVENTION.name, L.INTERVENTION.key, "", _columns(L.INTERVENTION.key),
                             None if base is None else base.records.intervention,
                             mine.records.intervention, theirs.records.intervention, iv_order)
    elements: dict[str, list[Rec]] = {}
    for sheet in L.LIST_SHEETS:
        kb = base.keyed(sheet) if base else None
        km = mine.keyed(sheet)
        kt = theirs.keyed(sheet)
        merged = mg.rows(sheet.name, sheet.key, _columns(sheet.key), [c.key for c in sheet.columns],
                         kb, km, kt)
        if merged:
            elements[sheet.key] = list(merged.values())
    extras: dict[str, Grid] = {k: v for k, v in mine.extras.items() if k not in ROW_GRIDS}
    plan_where: dict[str, dict[str, int]] = {}
    plan_headers: dict[str, list[str]] = {}
    for name in ROW_GRIDS:
        tb = grid_table(base.extras.get(name)) if base else None
        tm, tt = grid_table(mine.extras.get(name)), grid_table(theirs.extras.get(name))
        if not (tm.rows or tt.rows or (tb and tb.rows)):
            if mine.extras.get(name) or theirs.extras.get(name):
                extras[name] = mine.extras.get(name) or theirs.extras[name]
            continue
        header = list(tm.header) if tm.header else list(tt.header)
        header += [h for h in tt.header if h and h not in header]
        rows = mg.rows(name, name, {}, header, tb.rows if tb else None, tm.rows, tt.rows)
        prelude = tm.prelude if tm.header else tt.prelude
        grid, where = table_grid(GridTable(prelude, header, rows, tm.keyed_by))
        extras[name] = grid
        plan_where[name] = where
        plan_headers[name] = header
    records = ModelRecords(intervention, elements)
    conflicts = _locate(mg.conflicts, records, plan_where, plan_headers)
    return MergeResult(records, extras, conflicts, reported, mg.removed, mg.added, mg.applied,
                       base is not None, theirs)


def _locate(raw: list[tuple[Conflict, str, str, str]], records: ModelRecords,
            plan_where: Mapping[str, Mapping[str, int]], plan_headers: Mapping[str, list[str]]) -> list[Conflict]:
    """Fill in each conflict's cell: where the merged workbook holds the kept value."""
    out: list[Conflict] = []
    rows_of: dict[str, dict[str, int]] = {}
    for sheet in L.LIST_SHEETS:
        keyed = keyed_elements(sheet, records.elements.get(sheet.key, []))
        rows_of[sheet.key] = {k: i for i, k in enumerate(keyed)}
    for c, sheet_key, key, fkey in raw:
        cell = ""
        if sheet_key == L.INTERVENTION.key:
            keys = [f.key for f in L.INTERVENTION.fields]
            if fkey in keys:
                cell = a1(L.INTERVENTION.first_row + keys.index(fkey), 2)
        elif sheet_key in L.LIST_SHEET_BY_KEY:
            sheet = L.LIST_SHEET_BY_KEY[sheet_key]
            if key in rows_of[sheet_key]:
                cols = [col.key for col in sheet.columns]
                col = cols.index(fkey) + 1 if fkey in cols else 1
                cell = a1(L.HEADER_ROW + 1 + rows_of[sheet_key][key], col)
        elif sheet_key in plan_where and key in plan_where[sheet_key]:
            header = plan_headers[sheet_key]
            col = header.index(fkey) + 1 if fkey in header else 1
            cell = a1(plan_where[sheet_key][key] + 1, col)
        out.append(Conflict(c.sheet, c.id, c.field, c.what, c.kept, c.base, c.mine, c.theirs,
                            f"{quote_sheet(c.sheet)}!{cell}" if cell else ""))
    return out


# --- what must survive --------------------------------------------------------------------------


def lost_values(base: Snapshot | None, mine: Snapshot, theirs: Snapshot, out: Snapshot,
                conflict_rows: Sequence[Mapping[str, object]]) -> list[str]:
    """Values of MINE or THEIRS that are neither in the merged model nor on the Conflicts sheet.

    A value may rightly be gone only when the other side changed it from the base (the one-sided
    change was applied) or deleted an unchanged row (the deletion is reported). ``theirs`` is
    THEIRS as merged (after any renumbering). Returns one line per lost value (empty: all safe).
    """
    on_sheet: dict[tuple[str, str], set[str]] = {}
    for r in conflict_rows:
        k = (cell_text(r.get("sheet")), cell_text(r.get("id")))
        on_sheet.setdefault(k, set()).update(
            cell_text(r.get(x)) for x in ("kept", "base", "mine", "theirs"))

    def listed(sheet_name: str, key: str, col: L.Column | None, value: object) -> bool:
        texts = on_sheet.get((sheet_name, key), set())
        t = cell_text(value)
        return any(t == x or t in x for x in texts)

    problems: list[str] = []

    def check(sheet_name: str, key: str, cols: Mapping[str, L.Column], rec: Mapping[str, object],
              other: Mapping[str, object] | None, b: Mapping[str, object] | None,
              merged: Mapping[str, object] | None, side: str) -> None:
        for k, v in rec.items():
            col = cols.get(k)
            nv = norm(col, v)
            if not nv:
                continue
            if merged is not None and norm(col, merged.get(k)) == nv:
                continue
            if listed(sheet_name, key, col, v):
                continue
            if (b is not None and norm(col, b.get(k)) == nv
                    and (other is None or norm(col, other.get(k)) != nv)):
                continue  # the other side changed or deleted it: that change was applied
            problems.append(f"{side} {sheet_name} {key} {col.header if col else k}: {cell_text(v)!r} is lost")

    iv_cols = _columns(L.INTERVENTION.key)
    for side, snap, other in (("MINE", mine, theirs), ("THEIRS", theirs, mine)):
        check(L.INTERVENTION.name, "", iv_cols, snap.records.intervention, other.records.intervention,
              base.records.intervention if base else None, out.records.intervention, side)
        for sheet in L.LIST_SHEETS:
            cols = _columns(sheet.key)
            ks = snap.keyed(sheet)
            ko = other.keyed(sheet)
            kb = base.keyed(sheet) if base else {}
            kout = out.keyed(sheet)
            for key, rec in ks.items():
                check(sheet.name, key, cols, rec, ko.get(key), kb.get(key) if base else None,
                      kout.get(key), side)
        for name in ROW_GRIDS:
            ts, to, tout = grid_table(snap.extras.get(name)), grid_table(other.extras.get(name)), grid_table(out.extras.get(name))
            tb = grid_table(base.extras.get(name)) if base else None
            for key, rec in ts.rows.items():
                check(name, key, {}, rec, to.rows.get(key), tb.rows.get(key) if tb else None,
                      tout.rows.get(key), side)
    return problems


# --- change log ---------------------------------------------------------------------------------


def now_text() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")


def default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):  # no user name available (some service accounts)
        return "unknown"


def log_rows(*snaps: Snapshot) -> list[Rec]:
    """Change log rows of all the given copies, each once, oldest first."""
    from lm_excel.workbook.parse import parse_table_rows

    seen: set[tuple[str, ...]] = set()
    rows: list[Rec] = []
    for snap in snaps:
        for rec in parse_table_rows(snap.extras.get(L.CHANGE_LOG.name, ()), L.CHANGE_LOG):
            sig = tuple(sorted((k, cell_text(v)) for k, v in rec.items()))
            if sig not in seen:
                seen.add(sig)
                rows.append(rec)
    rows.sort(key=lambda r: cell_text(r.get("when")))
    return rows


def _sig(rec: Mapping[str, object]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, cell_text(v)) for k, v in rec.items()))


def conflict_rows(snap: Snapshot) -> list[Rec]:
    """The rows of a copy's Conflicts sheet."""
    from lm_excel.workbook.parse import parse_table_rows

    return parse_table_rows(snap.extras.get(L.CONFLICTS.name, ()), L.CONFLICTS)


def table_grid_of(sheet: L.OutputSheet, rows: Sequence[Mapping[str, object]]) -> list[tuple[object, ...]]:
    """A grid for a table output sheet (as the builder and reader lay it out)."""
    from lm_excel.workbook.migrate import empty_table_grid

    grid = empty_table_grid(sheet)
    keys = [c.key for c in sheet.columns]
    extra = [k for r in rows for k in r if k not in keys]
    extra = list(dict.fromkeys(extra))
    if extra:
        grid[-1] = (*grid[-1], *(k.removeprefix("+") for k in extra))
    for r in rows:
        grid.append(tuple(r.get(k) for k in [*keys, *extra]))
    return grid


# --- writing safely -----------------------------------------------------------------------------


def _target(out: Path | None, in_place_of: Path | None, inputs: Sequence[Path], force: bool,
            suffix: str | None) -> Output:
    """Where to write, under the output policy (``fileio.claim_output``)."""
    from lm_excel.fileio import claim_output

    if in_place_of is not None:
        if suffix and in_place_of.suffix.lower() != suffix:
            raise UsageError(f"'{in_place_of.name}': --in-place needs a {suffix} file; give -o OUT{suffix}")
        return claim_output(in_place_of, in_place=True)
    if out is None:
        raise UsageError("give the output file with -o OUT.xlsx (or --in-place)")
    if suffix and out.suffix.lower() != suffix:
        raise UsageError(f"'{out.name}': give an output file name ending in {suffix}")
    return claim_output(out, inputs=inputs, force=force)


def _write(out: Output, records: ModelRecords, extras: Mapping[str, Grid], meta: Mapping[str, str],
           start_note: str | None, check: Callable[[Snapshot], None], carry_from: Path) -> Written:
    """Build the workbook, then put back the parts of ``carry_from`` it lacks (the xlwings Lite
    add-in and its buttons, other programs' parts), check it, and put it in place."""
    from lm_excel.workbook.builder import write_workbook_file
    from lm_excel.workbook.carry import carry_parts
    from lm_excel.workbook.reader import read_workbook

    target = out.path

    def verify(tmp: Path) -> None:
        model = read_workbook(tmp)
        if model.to_records().normalised() != records.normalised():
            raise LmExcelError("the written workbook did not read back as written; nothing was saved", target)
        from lm_excel.workbook.builder import check_extras

        check_extras(model, extras, target, "nothing was saved")
        check(Snapshot.of(model))

    return out.write(
        lambda tmp: (write_workbook_file(tmp, records, meta=meta, extras=extras, start_note=start_note),
                     carry_parts(carry_from, tmp)),
        verify,
    )


# --- share --------------------------------------------------------------------------------------


@dataclass
class ShareResult:
    path: Path
    note: str
    summary: str
    backup: Path | None = None


def share_file(model_path: str | os.PathLike[str], out: str | os.PathLike[str] | None, *,
               sender: str | None = None, to: str | None = None, return_to: str | None = None,
               by: str | None = None, force: bool = False, in_place: bool = False) -> ShareResult:
    """Write a macro-free .xlsx copy of a model for emailing, with a note on Start and a log row."""
    src = Path(model_path)
    snap = read_snapshot(src)
    claimed = _target(None if out is None else Path(out), src if in_place else None, [src],
                      force, ".xlsx")
    target = claimed.path
    who = by or default_user()
    when = now_text()
    version = cell_text(snap.records.intervention.get("version"))
    sender = sender or who
    parts = [f"Shared by {sender} on {when[:10]}"]
    if to:
        parts.append(f"for {to}")
    note = " ".join(parts) + "."
    if version:
        note += f" Model version {version}."
    note += (f" Please return your edited copy to {return_to}." if return_to else
             f" Please return your edited copy to {sender}.")
    note += (" Edit the rows and cells freely, but keep the IDs and sheet names so the copies can be "
             "merged (lm-excel merge).")
    n = sum(len(v) for v in snap.records.elements.values())
    summary = f"shared a macro-free copy ({n} elements) from {sender}" + (f" to {to}" if to else "") + (
        f"; return to {return_to}" if return_to else "")
    log = log_rows(snap) + [{"when": when, "who": who, "action": "share", "summary": summary,
                             "files": f"{src.name} -> {target.name}", "tool": __version__}]
    extras = dict(snap.extras)
    extras[L.CHANGE_LOG.name] = table_grid_of(L.CHANGE_LOG, log)
    meta = {
        "model_version": version, "shared_at": when, "shared_by": sender, "shared_to": to or "",
        "return_to": return_to or sender, "shared_from": src.name,
    }
    before = log_rows(snap)

    def check(written: Snapshot) -> None:
        after = log_rows(written)
        if len(after) < len(before) + 1:
            raise LmExcelError("the change log lost rows when written; nothing was saved", target)

    from lm_excel.workbook.builder import metadata

    written = _write(claimed, snap.records, extras, metadata(meta), note, check, src)
    return ShareResult(written.path, note, summary, written.backup)


# --- merge files --------------------------------------------------------------------------------


@dataclass
class MergeFilesResult:
    path: Path
    result: MergeResult
    backup: Path | None


def merge_files(base: str | os.PathLike[str] | None, mine: str | os.PathLike[str],
                theirs: str | os.PathLike[str], out: str | os.PathLike[str] | None, *,
                by: str | None = None, force: bool = False, in_place: bool = False) -> MergeFilesResult:
    """Merge THEIRS into MINE (three-way with BASE) and write the result, verified."""
    paths = [Path(p) for p in (base, mine, theirs) if p is not None]
    snaps = read_snapshots(paths)
    sb = snaps[0] if base is not None else None
    sm, st = snaps[-2], snaps[-1]
    claimed = _target(None if out is None else Path(out), Path(mine) if in_place else None,
                      paths, force, ".xlsx")
    target = claimed.path
    result = merge_snapshots(sb, sm, st)
    who = by or default_user()
    when = now_text()
    names = " + ".join(p.name for p in paths)
    log = log_rows(*(s for s in (sb, sm, st) if s is not None))
    log.append({"when": when, "who": who, "action": "merge", "summary": result.summary(),
                "files": f"{names} -> {target.name}", "tool": __version__})
    # Earlier conflicts: MINE's rows, plus THEIRS' rows that are new (not in BASE), so a row the
    # LA deleted after resolving it does not come back from a partner's older copy.
    gone = {_sig(r) for r in conflict_rows(sb)} if sb is not None else set()
    earlier = conflict_rows(sm) + [r for r in conflict_rows(st) if _sig(r) not in gone]
    earlier = list({_sig(r): r for r in earlier}.values())
    new_rows = [c.record(when) for c in result.conflicts]
    extras = dict(result.extras)
    extras[L.CHANGE_LOG.name] = table_grid_of(L.CHANGE_LOG, log)
    extras[L.CONFLICTS.name] = table_grid_of(L.CONFLICTS, new_rows + earlier)
    meta = {"merged_at": when, "merged_by": who, "merged_from": names,
            "model_version": cell_text(result.records.intervention.get("version"))}
    theirs_merged = result.theirs

    def check(written: Snapshot) -> None:
        lost = lost_values(sb, sm, theirs_merged, written, conflict_rows(written))
        if lost:
            raise LmExcelError(f"the merged workbook would lose {len(lost)} value(s) (first: {lost[0]}); "
                               "nothing was saved", target)
        if len(log_rows(written)) < len(log):
            raise LmExcelError("the change log lost rows when written; nothing was saved", target)

    from lm_excel.workbook.builder import metadata

    written = _write(claimed, result.records, extras, metadata(meta), None, check, Path(mine))
    return MergeFilesResult(written.path, result, written.backup)


def to_json(obj: object) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False, default=str)


__all__ = [
    "Conflict", "Diff", "MergeResult", "Snapshot", "diff_files", "diff_snapshots", "lost_values",
    "merge_files", "merge_snapshots", "read_snapshot", "share_file",
]
