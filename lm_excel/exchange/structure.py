"""Structure is not content: what a copy lacks of the layout, and what it holds outside the model.

A partner who renames or deletes a sheet, deletes or retitles a column, or clears the
Intervention form's labels has changed the workbook's *structure*, not its content: the values
that sheet or column held in the other copies are not deleted by it. :func:`without_structure_gaps`
fills each gap with the values the other copies agree on (BASE, else MINE), so the merge applies
no deletion, and returns one :class:`Outside` per gap for the Conflicts sheet.

:func:`outside_model` lists what a copy changed outside the model (comments, sheets of its own,
the recommended-design text below the measures plan): reported by ``diff`` and, where a merge
cannot carry it, listed on the Conflicts sheet.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from lm_excel import layout as L
from lm_excel.exchange.snapshot import PLAN, Rec, Snapshot, columns_of, keyed_elements
from lm_excel.model import ModelRecords, a1, cell_text


@dataclass(frozen=True)
class Outside:
    """A change a copy made outside the model's values (structure, comments, own sheets)."""

    sheet: str
    where: str  # a cell, '(whole sheet)', a column header, ...
    what: str
    old: str
    new: str


def _header(sheet_key: str, col: str) -> str:
    cols = columns_of(sheet_key)
    return cols[col].header if col in cols else col


def _sheet_name(sheet_key: str) -> str:
    if sheet_key == L.INTERVENTION.key:
        return L.INTERVENTION.name
    return L.LIST_SHEET_BY_KEY[sheet_key].name


def _has_values(snap: Snapshot, sheet_key: str, col: str) -> bool:
    if sheet_key == L.INTERVENTION.key:
        return bool(cell_text(snap.records.intervention.get(col)))
    rows = snap.records.elements.get(sheet_key, [])
    return any(cell_text(r.get(col)) for r in rows) if col else any(rows)


def structure_gaps(snap: Snapshot, side: str, others: Sequence[Snapshot | None]) -> list[Outside]:
    """One line per sheet, column or field ``snap`` lacks where one of ``others`` has values."""
    out = []
    for sheet_key, col in sorted(snap.missing):
        if not any(o is not None and _has_values(o, sheet_key, col) for o in others):
            continue
        name = _sheet_name(sheet_key)
        if not col:
            out.append(Outside(name, "(whole sheet)", f"sheet not found in {side} (renamed beyond "
                               "recognition or deleted?): its rows were left as they were", "", ""))
        else:
            out.append(Outside(name, _header(sheet_key, col), f"column or field not found in {side} "
                               "(deleted or retitled?): its values were left as they were", "", ""))
    return out


def without_structure_gaps(snap: Snapshot, reference: Snapshot | None) -> Snapshot:
    """``snap`` with each sheet, column or field it lacks filled from ``reference``."""
    if not snap.missing or reference is None:
        return snap
    intervention = dict(snap.records.intervention)
    elements = {k: [dict(r) for r in rows] for k, rows in snap.records.elements.items()}
    for sheet_key, col in snap.missing:
        if sheet_key == L.INTERVENTION.key:
            if col in reference.records.intervention:
                intervention[col] = reference.records.intervention[col]
            continue
        sheet = L.LIST_SHEET_BY_KEY[sheet_key]
        if not col:
            elements[sheet_key] = [dict(r) for r in reference.records.elements.get(sheet_key, [])]
            continue
        ref_rows = reference.keyed(sheet)
        keyed = keyed_elements(sheet, elements.get(sheet_key, []))
        filled: list[Rec] = []
        for key, rec in keyed.items():
            rec = dict(rec)
            if key in ref_rows and col in ref_rows[key]:
                rec[col] = ref_rows[key][col]
            filled.append(rec)
        elements[sheet_key] = filled
    return dataclasses.replace(snap, records=ModelRecords(intervention, elements), _keyed={})


def outside_model(old: Snapshot, new: Snapshot, side: str = "the second copy") -> list[Outside]:
    """What ``new`` changed outside the model compared with ``old``: comments, own sheets, the
    recommended-design text, model cells' formats (needs both read from files; else nothing)."""
    out: list[Outside] = []
    if old.view is None or new.view is None:
        return out
    ov, nv = old.view, new.view
    oc, nc = ov.comment_map(), nv.comment_map()
    for ident, (sheet, cell, text) in sorted(nc.items(), key=lambda kv: kv[1]):
        before = oc[ident][2] if ident in oc else None
        if before != text:
            out.append(Outside(sheet, cell, f"comment {'changed' if before else 'added'} in {side}",
                               before or "", text))
    for ident, (sheet, cell, text) in sorted(oc.items(), key=lambda kv: kv[1]):
        if ident not in nc:
            out.append(Outside(sheet, cell, f"comment removed in {side}", text, ""))
    out += format_changes(old, new, side)
    for name, text in nv.own_sheet_text.items():
        if ov.own_sheet_text.get(name) != text:
            what = "changed" if name in ov.own_sheet_text else "added"
            out.append(Outside(name, "(whole sheet)", f"sheet outside the model {what} in {side} "
                               f"({nv.own_sheets[name]} cells with a value)", "", text[:500]))
    for name in ov.own_sheet_text:
        if name not in nv.own_sheet_text:
            out.append(Outside(name, "(whole sheet)", f"sheet outside the model removed in {side}", "", ""))
    a, b = design_text(old), design_text(new)
    if a != b and b:
        out.append(Outside(PLAN, "Recommended design", f"evaluation-design text edited in {side}", a, b))
    return out


def format_changes(old: Snapshot, new: Snapshot, side: str) -> list[Outside]:
    """Model values' cells whose format (font, fill, number format) ``new`` changed."""
    if old.view is None or new.view is None:
        return []
    before, after = old.view.formats(), new.view.formats()
    cells = new.view.cells()
    out = []
    for k, (_, fmt) in after.items():
        if k in before and before[k][1] != fmt:
            sheet, row, col = cells[k]
            out.append(Outside(sheet, a1(row, col), f"formatting changed in {side}",
                               before[k][1].describe(), fmt.describe()))
    return sorted(out, key=lambda o: (o.sheet, o.where))


def design_text(snap: Snapshot) -> str:
    grid = snap.extras.get(PLAN) or ()
    rows = sorted(L.plan_design_rows(grid))
    return "\n".join(" ".join(cell_text(v) for v in grid[r] if cell_text(v)) for r in rows)
