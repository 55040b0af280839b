"""Compare two copies of a model: ``lm-excel diff``.

Element by element (by normalised ID) and field by field, plus the rows of the measures plan;
the result (:class:`Diff`) prints as text for a person and as JSON for a program.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field

from lm_excel import layout as L
from lm_excel.exchange.snapshot import (
    PLAN,
    ROW_GRIDS,
    Snapshot,
    columns_of,
    grid_table,
    norm,
    read_snapshots,
)
from lm_excel.exchange.structure import Outside
from lm_excel.model import cell_text


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
    #: Changes outside the model's values: structure gaps, comments, own sheets, design text.
    outside: list[Outside] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.intervention and not self.rows and not self.outside

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
            "outside_model": [asdict(o) for o in self.outside],
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
            lines.append(f"  {mark} {r.id} {quoted(r.statement)}".rstrip() + f" ({r.change})")
            if r.change == "changed":
                lines += [f"      {_field_line(f)}" for f in r.fields]
            else:
                lines += [f"      {f.header}: {quoted(f.new or f.old)}" for f in r.fields
                          if f.header != _statement_header(r.sheet)]
        if self.outside:
            lines.append("Outside the model (not merged as values)")
            for o in self.outside:
                change = f": {quoted(o.old) or '(none)'} -> {quoted(o.new) or '(none)'}" if (o.old or o.new) else ""
                lines.append(f"  ! {o.sheet} {o.where}: {o.what}{change}")
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


def quoted(text: str, limit: int = 70) -> str:
    text = text.replace("\n", " / ")
    if not text:
        return ""
    return '"' + (text if len(text) <= limit else text[: limit - 1] + "…") + '"'


def _field_line(f: FieldChange) -> str:
    if f.link:
        parts = [f"+{x}" for x in f.links_added] + [f"-{x}" for x in f.links_removed]
        return f"{f.header} (links): {f.old or '(none)'} -> {f.new or '(none)'} [{' '.join(parts)}]"
    return f"{f.header}: {quoted(f.old) or '(empty)'} -> {quoted(f.new) or '(empty)'}"


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
        header = col.header if col else (k[1:] + " (own column)" if k.startswith("+") else k)
        if col is not None and col.kind == "ids":
            sa, sb = L.split_ids(a), L.split_ids(b)
            out.append(FieldChange(k, header, ", ".join(sa), ", ".join(sb), True,
                                   tuple(x for x in sb if x not in sa), tuple(x for x in sa if x not in sb)))
        else:
            out.append(FieldChange(k, header, cell_text(a), cell_text(b)))
    return out


def diff_snapshots(a: Snapshot, b: Snapshot) -> Diff:
    """Compare two models element by element (by ID) and field by field, plus plan rows.

    A sheet, column or field one copy lacks is a structure change, said once as such: its values
    are not listed as emptied (each side's gaps are filled from the other before comparing)."""
    from lm_excel.exchange.structure import outside_model, structure_gaps, without_structure_gaps

    outside = structure_gaps(a, "the first copy", [b]) + structure_gaps(b, "the second copy", [a]) + outside_model(a, b)
    a, b = without_structure_gaps(a, b), without_structure_gaps(b, a)
    iv_cols = columns_of(L.INTERVENTION.key)
    intervention = _field_changes(iv_cols, a.records.intervention, b.records.intervention,
                                  [f.key for f in L.INTERVENTION.fields])
    rows: list[RowChange] = []
    for sheet in L.LIST_SHEETS:
        cols = columns_of(sheet.key)
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
    return Diff(a.source, b.source, a.schema_version, b.schema_version, intervention, rows, outside)


def diff_files(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> Diff:
    return diff_snapshots(*read_snapshots([a, b]))

