"""Place a merge into the LA's own file (MINE): the cells to write, and what cannot be placed.

The merged model is compared with MINE's, and only what differs becomes a cell edit at the
place the value has in MINE's file: a changed field in its own cell, an element added by the
partner in the row after MINE's table (the table grows to hold it), a deleted element's cells
emptied, a partner's own column after MINE's last column under the same header. The Change log
and Conflicts rows are appended below MINE's. A value MINE's file has no place for (a sheet or
column MINE lacks) is not dropped: it comes back in :attr:`Placement.unplaced`, for the
Conflicts sheet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from lm_excel import layout as L
from lm_excel.exchange.fileview import FileView, TablePlace
from lm_excel.exchange.snapshot import (
    PLAN,
    WHOLE_ROW,
    Grid,
    Rec,
    Snapshot,
    columns_of,
    grid_table,
    keyed_elements,
    norm,
)
from lm_excel.model import ModelRecords, a1, cell_text, quote_sheet
from lm_excel.workbook.xlsx_patch import CellEdit


@dataclass
class Unplaced:
    """A merged value MINE's file has no cell for."""

    sheet: str
    id: str
    field: str
    value: str
    why: str


@dataclass
class Placement:
    edits: list[CellEdit] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    #: (sheet key or output sheet name, row key) -> (actual sheet, 1-based row), for conflict links
    rows: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    #: (sheet key or output sheet name, field key or header) -> 1-based column
    columns: dict[tuple[str, str], int] = field(default_factory=dict)
    #: (sheet key, row key, field key) -> 'Sheet'!A1 of cells placed one by one (the form)
    fixed: dict[tuple[str, str, str], str] = field(default_factory=dict)

    def where(self, sheet_key: str, key: str, fkey: str) -> tuple[str, int, int] | None:
        """(sheet, row, column) of a merged value in the written file, or None (no cell)."""
        fixed = self.fixed.get((sheet_key, key, fkey))
        if fixed is not None:
            sheet, _, ref = fixed.rpartition("!")
            row, col = _split_a1(ref)
            return sheet.strip("'").replace("''", "'"), row, col
        at = self.rows.get((sheet_key, key))
        col = self.columns.get((sheet_key, fkey))
        return None if at is None or col is None else (at[0], at[1], col)

    def cell(self, sheet_key: str, key: str, fkey: str) -> str:
        """'Sheet'!A1 of a merged value, or '' when it has no cell."""
        if (sheet_key, key, fkey) in self.fixed:
            return self.fixed[(sheet_key, key, fkey)]
        where = self.rows.get((sheet_key, key))
        if where is None:
            return ""
        col = self.columns.get((sheet_key, fkey), 1)
        return f"{quote_sheet(where[0])}!{a1(where[1], col)}"


def place_merge(mine: Snapshot, merged: ModelRecords, plan: Grid | None) -> Placement:
    """The cell edits that turn MINE's file into the merged model (see the module's description)."""
    view = mine.view
    assert view is not None, "MINE must be read from its file"
    out = Placement()
    _place_intervention(out, view, mine.records.intervention, merged.intervention)
    for sheet in L.LIST_SHEETS:
        place = view.sheets.get(sheet.key)
        old = mine.keyed(sheet)
        new = keyed_elements(sheet, merged.elements.get(sheet.key, []))
        if place is None:
            for key, rec in new.items():
                if key not in old or _differs(sheet.key, old[key], rec):
                    out.unplaced.append(Unplaced(sheet.name, key, WHOLE_ROW, _whole(sheet.key, rec),
                                                 f"MINE has no '{sheet.name}' table to hold it"))
            continue
        _place_rows(out, sheet.key, sheet.name, place, old, new, columns_of(sheet.key))
    if plan is not None or mine.extras.get(PLAN):
        _place_plan(out, view, mine.extras.get(PLAN), plan)
    return out


def _place_intervention(out: Placement, view: FileView, old: Mapping[str, object],
                        new: Mapping[str, object]) -> None:
    cols = columns_of(L.INTERVENTION.key)
    for k, (sheet, row, col) in view.intervention.items():
        out.fixed[(L.INTERVENTION.key, "", k)] = f"{quote_sheet(sheet)}!{a1(row, col)}"
    for k, v in new.items():
        if norm(cols.get(k), v) == norm(cols.get(k), old.get(k)):
            continue
        where = view.intervention.get(k)
        if where is None:
            header = cols[k].header if k in cols else k
            out.unplaced.append(Unplaced(L.INTERVENTION.name, "", header, cell_text(v),
                                         "MINE has no cell for this field"))
            continue
        sheet, row, col = where
        out.edits.append(CellEdit(sheet, row, col, v))


def _place_rows(out: Placement, sheet_key: str, sheet_name: str, place: TablePlace,
                old: Mapping[str, Rec], new: Mapping[str, Rec], cols: Mapping[str, L.Column]) -> None:
    columns = dict(place.columns)
    next_col = max(columns.values(), default=0) + 1
    next_row = place.last_row + 1

    def column(k: str) -> int | None:
        nonlocal next_col
        if k not in columns and k.startswith("+"):
            columns[k] = next_col
            out.edits.append(CellEdit(place.name, place.header_row, next_col, k[1:]))
            next_col += 1
        return columns.get(k)

    for key, rec in new.items():
        was = old.get(key)
        row = place.rows.get(key) if was is not None else None
        if row is None:
            row, next_row = next_row, next_row + 1
            was = {}
        out.rows[(sheet_key, key)] = (place.name, row)
        for k in dict.fromkeys([*rec, *was]):
            v = rec.get(k)
            if norm(cols.get(k), v) == norm(cols.get(k), was.get(k)):
                continue
            c = column(k)
            if c is None:
                header = cols[k].header if k in cols else k.lstrip("+")
                out.unplaced.append(Unplaced(sheet_name, key, header, cell_text(v),
                                             f"MINE's '{place.name}' sheet has no '{header}' column"))
                continue
            out.edits.append(CellEdit(place.name, row, c, v))
    for key, rec in old.items():
        if key in new or key not in place.rows:
            continue
        for k in rec:
            if k in columns and cell_text(rec[k]):
                out.edits.append(CellEdit(place.name, place.rows[key], columns[k], None))
    for k, c in columns.items():
        out.columns[(sheet_key, k)] = c
        if k in cols:
            out.columns[(sheet_key, cols[k].header)] = c


def _place_plan(out: Placement, view: FileView, old_grid: Grid | None, new_grid: Grid | None) -> None:
    """Plan rows by key: changed cells rewritten, removed rows emptied, new rows appended when
    nothing (such as the recommended design) follows MINE's plan rows, else unplaced."""
    actual = view.outputs.get(PLAN, (None, 0))[0]
    old, new = grid_table(old_grid), grid_table(new_grid)
    if not new.rows and not old.rows:
        return
    if actual is None or not old.header:
        for key, rec in new.rows.items():
            out.unplaced.append(Unplaced(PLAN, key, WHOLE_ROW, _whole("", rec),
                                         "MINE has no measures plan table to hold it"))
        return
    header_row = len(old.prelude) + 1
    columns = {h: c + 1 for c, h in enumerate(old.header) if h}
    next_col = len(old.header) + 1
    last = max([header_row, *(r + 1 for r in old.where.values())])
    below = len(old_grid or ()) > last  # e.g. the recommended design: no room to append
    next_row = last + 1
    for key, rec in new.rows.items():
        was = old.rows.get(key)
        if was is None and below:
            out.unplaced.append(Unplaced(PLAN, key, WHOLE_ROW, _whole("", rec),
                                         "MINE's plan has no room for a new row (run lm-excel plan again)"))
            continue
        if was is None:
            row, next_row, was = next_row, next_row + 1, {}
        else:
            row = old.where[key] + 1
        out.rows[(PLAN, key)] = (actual, row)
        for h, v in rec.items():
            if norm(None, v) == norm(None, was.get(h)):
                continue
            if h not in columns:
                columns[h] = next_col
                out.edits.append(CellEdit(actual, header_row, next_col, h))
                next_col += 1
            out.edits.append(CellEdit(actual, row, columns[h], v))
    for key, rec in old.rows.items():
        if key not in new.rows:
            for h, v in rec.items():
                if cell_text(v) and h in columns:
                    out.edits.append(CellEdit(actual, old.where[key] + 1, columns[h], None))
    for h, c in columns.items():
        out.columns[(PLAN, h)] = c


def _split_a1(ref: str) -> tuple[int, int]:
    letters = "".join(ch for ch in ref if ch.isalpha())
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return int(ref[len(letters):]), col


def append_rows(view: FileView, grid: Grid | None, sheet: L.OutputSheet,
                rows: Sequence[Mapping[str, object]]) -> list[CellEdit]:
    """Cell edits appending ``rows`` (column key -> value) to an output table of MINE's file."""
    from lm_excel.workbook.migrate import empty_table_grid
    from lm_excel.workbook.parse import find_header_row

    actual = view.outputs.get(sheet.name, (None, 0))[0]
    if actual is None:  # an older layout: the sheet is added (see new_output_sheets)
        actual, grid = sheet.name, ()
    grid = grid if actual in view.sheet_names and grid else ()
    found = find_header_row(grid, sheet, required=())
    edits: list[CellEdit] = []
    if found is None:
        top = empty_table_grid(sheet) if not grid else [tuple(c.header for c in sheet.columns)]
        header_row = len(grid) + len(top)
        mapping = {c.key: i + 1 for i, c in enumerate(sheet.columns)}
        for r, values in enumerate(top, start=len(grid) + 1):
            edits += [CellEdit(actual, r, c, v) for c, v in enumerate(values, start=1) if v]
    else:
        header_row, mapping = found[0] + 1, {k: c + 1 for k, c in found[1].items()}
    row = max(len(grid), header_row) + 1
    for rec in rows:
        edits += [CellEdit(actual, row, mapping[k], v, _link(v) if k == "cell" else "")
                  for k, v in rec.items() if k in mapping and cell_text(v)]
        row += 1
    return edits


def _link(cell: object) -> str:
    """A link target for a 'Sheet'!A1 reference text, else ''."""
    text = cell_text(cell)
    return text if "!" in text else ""


def _differs(sheet_key: str, a: Mapping[str, object], b: Mapping[str, object]) -> bool:
    cols = columns_of(sheet_key) if sheet_key else {}
    return any(norm(cols.get(k), a.get(k)) != norm(cols.get(k), b.get(k)) for k in {*a, *b})


def _whole(sheet_key: str, rec: Mapping[str, object]) -> str:
    cols = columns_of(sheet_key) if sheet_key else {}
    return " | ".join(f"{cols[k].header if k in cols else k.lstrip('+')}: {cell_text(v)}"
                      for k, v in rec.items() if cell_text(v))


def new_output_sheets(view: FileView) -> list[str]:
    """Output sheets MINE's file lacks (an older layout), added by the merge."""
    return [s.name for s in (L.CHANGE_LOG, L.CONFLICTS) if s.name not in view.outputs]
