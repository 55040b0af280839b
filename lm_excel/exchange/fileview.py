"""Where a model's parts sit in the workbook file it was read from, and what else the file holds.

A merge writes into a copy of the LA's own file (not a rebuild), so it needs each element's row,
each column's position (a column moved by a user stays where it is), the intervention fields'
cells and the ends of the tool-written tables; and it reports what a partner added outside the
model: a column of their own beside a table, a sheet of their own, cell comments.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lm_excel import layout as L
from lm_excel.model import LogicModel, cell_text
from lm_excel.workbook.xlsx_styles import CellFormat

Grid = Sequence[Sequence[object]]

#: Output sheets the tools write, whose rows a merge appends or rewrites.
OUTPUT_SHEETS = (L.MEASURES_PLAN, L.CHANGE_LOG, L.CONFLICTS)


@dataclass
class TablePlace:
    """A table on a sheet: its 1-based header row and columns, and its rows by key."""

    name: str  # actual sheet name
    header_row: int
    columns: dict[str, int]  # column key (or '+Header' for a user's own column) -> 1-based column
    rows: dict[str, int] = field(default_factory=dict)  # element key -> 1-based row
    last_row: int = 0  # last row of the sheet holding anything (1-based)


@dataclass
class FileView:
    path: Path
    sheet_names: list[str]
    located: dict[str, str | None]  # sheet key -> actual sheet name (intervention and list sheets)
    sheets: dict[str, TablePlace]  # list sheet key -> its table
    intervention: dict[str, tuple[str, int, int]]  # field key -> (sheet, row, column)
    outputs: dict[str, tuple[str, int]]  # output sheet name -> (actual name, rows in its grid)
    own_sheets: dict[str, int]  # sheets outside the layout -> number of cells with a value
    own_sheet_text: dict[str, str]  # the same sheets' values, as text (to tell edits apart)
    comments: dict[tuple[str, str], str]  # (sheet, cell) -> comment text
    own_grids: dict[str, Grid] = field(default_factory=dict, repr=False, compare=False)  # their values
    _formats: dict[tuple[str, str, str], tuple[int, CellFormat]] | None = field(
        default=None, repr=False, compare=False)

    @classmethod
    def of(cls, path: Path, model: LogicModel, grids: Mapping[str, Grid]) -> FileView:
        from lm_excel.workbook.parse import EXTRA_SHEETS, find_sheet, locate_sheets

        names = list(grids)
        located = locate_sheets(grids)
        sheets = {}
        for sheet in L.LIST_SHEETS:
            actual = located.get(sheet.key)
            if actual is not None:
                place = table_place(grids[actual], sheet, actual, model)
                if place is not None:
                    sheets[sheet.key] = place
        intervention = {}
        for key, fld in model.intervention.fields.items():
            row, col = _split(fld.ref.cell)
            intervention[key] = (fld.ref.sheet, row, col)
        outputs = {}
        for out in OUTPUT_SHEETS:
            actual = find_sheet(names, out.name)
            if actual is not None:
                outputs[out.name] = (actual, len(grids[actual]))
        known = {*located.values(), *(find_sheet(names, n) for n in
                                       (*EXTRA_SHEETS, *L.SHEET_ORDER, L.META_SHEET, L.LISTS_SHEET))}
        own = [n for n in names if n not in known]
        return cls(path, names, located, sheets, intervention, outputs,
                   {n: sum(1 for row in grids[n] for v in row if cell_text(v)) for n in own},
                   {n: grid_text(grids[n]) for n in own}, read_comments(path),
                   own_grids={n: grids[n] for n in own})


    def cells(self) -> dict[tuple[str, str, str], tuple[str, int, int]]:
        """Where each model value sits: (sheet key, element key, field key) -> (sheet, row,
        column); the Intervention form's fields have element key ''."""
        out = {(L.INTERVENTION.key, "", k): where for k, where in self.intervention.items()}
        for sheet_key, place in self.sheets.items():
            for key, row in place.rows.items():
                for fkey, col in place.columns.items():
                    out[(sheet_key, key, fkey)] = (place.name, row, col)
        return out

    def formats(self) -> dict[tuple[str, str, str], tuple[int, CellFormat]]:
        """The cell format (``s`` index, :class:`CellFormat`) of each model value's cell that the
        file writes, by (sheet key, element key, field key); read once, on first use."""
        if self._formats is None:
            from lm_excel.workbook.xlsx_styles import read_cell_formats

            cells = self.cells()
            wanted: dict[str, set[tuple[int, int]]] = {}
            for sheet, row, col in cells.values():
                wanted.setdefault(sheet, set()).add((row, col))
            found = read_cell_formats(self.path, wanted)
            self._formats = {k: found[w] for k, w in cells.items() if w in found}
        return self._formats


    def comment_map(self) -> dict[tuple[str, ...], tuple[str, str, str]]:
        """Each comment by what it is attached to, so a sorted or renamed sheet keeps its
        comments: ('model', sheet key, element key, field key) for a model value's cell, else
        ('cell', sheet key or sheet name, A1); -> (sheet, A1, text)."""
        from lm_excel.model import a1

        by_cell = {(sheet, a1(row, col)): k for k, (sheet, row, col) in self.cells().items()}
        keys = {actual: key for key, actual in self.located.items() if actual}
        out: dict[tuple[str, ...], tuple[str, str, str]] = {}
        for (sheet, cell), text in self.comments.items():
            k = by_cell.get((sheet, cell))
            ident = ("model", *k) if k is not None else ("cell", keys.get(sheet, sheet), cell)
            out[ident] = (sheet, cell, text)
        return out


def grid_text(grid: Grid) -> str:
    return "\n".join("\t".join(cell_text(v) for v in row) for row in grid)


def table_place(grid: Grid, sheet: L.ListSheet, actual: str, model: LogicModel) -> TablePlace | None:
    """The table of a list sheet in its grid; None without a header row."""
    from lm_excel.exchange.snapshot import element_key
    from lm_excel.workbook.parse import find_header_row

    found = find_header_row(grid, sheet)
    if found is None:
        return None
    header_r, mapping = found
    columns = {k: c + 1 for k, c in mapping.items()}
    taken = set(mapping.values())
    header = grid[header_r]
    for c, value in enumerate(header):
        text = cell_text(value).strip()
        if text and c not in taken and "+" + text not in columns:
            columns["+" + text] = c + 1
    rows: dict[str, int] = {}
    for el in model.elements.get(sheet.key, ()):
        rec = {k: f.value for k, f in el.fields.items()}
        rows[element_key(sheet, rec, rows)] = el.row
    last = max([header_r + 1, *rows.values()])
    return TablePlace(actual, header_r + 1, columns, rows, last)


def _split(cell: str) -> tuple[int, int]:
    letters = "".join(ch for ch in cell if ch.isalpha())
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return int(cell[len(letters):]), col


def read_comments(path: Path) -> dict[tuple[str, str], str]:
    """Every cell comment (legacy notes and threaded comments' note copies) by sheet and cell."""
    from defusedxml.ElementTree import fromstring

    from lm_excel.workbook.opc import Package
    from lm_excel.workbook.xlsx_scan import sheet_parts

    out: dict[tuple[str, str], str] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            package = Package(zf)
            for sheet, part in sheet_parts(zf).items():
                for rel in package.rels(part):
                    target = package.internal_target(part, rel)
                    if not rel.type.endswith("/comments") or target is None:
                        continue
                    for node in fromstring(zf.read(target)).iter():
                        if node.tag.rsplit("}", 1)[-1] == "comment" and node.get("ref"):
                            text = "".join(t.text or "" for t in node.iter() if t.tag.rsplit("}", 1)[-1] == "t")
                            out[(sheet, node.get("ref"))] = text.strip()
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError):
        return out  # comments are reported, never needed: a damaged part only hides them
    return out
