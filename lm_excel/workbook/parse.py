"""Turn grids of cell values into a :class:`~lm_excel.model.LogicModel`.

A *grid* is the values of one sheet as rows of cells, starting at A1 (``grid[0][0]`` is A1). The
file reader (openpyxl) and the live-workbook reader (xlwings) both produce grids and share this
code, so a workbook is understood the same way whichever way it is read.

Tolerated on purpose: blank rows inside or after a table, rows typed below a table's end, columns
moved (headers matched case- and space-insensitively), extra user columns (ignored), sheets
renamed to a known alias, IDs with odd case or spacing, several IDs in one cell.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Iterable, Mapping, Sequence

from lm_excel import layout as L
from lm_excel.errors import MissingSheetsError, NotALogicModelError, SchemaVersionError
from lm_excel.model import (
    CellRef,
    Element,
    Field,
    Intervention,
    LogicModel,
    StructureNote,
    a1,
    cell_text,
    col_letter,
)
from lm_excel.workbook.migrate import migrate_grids

Grid = Sequence[Sequence[object]]

#: How many rows from the top are searched for a list sheet's header row.
HEADER_SEARCH_ROWS = 15
#: Output sheets whose grids are kept on the model for the features that own them.
EXTRA_SHEETS: tuple[str, ...] = (
    L.MEASURES_PLAN.name,
    L.VALIDATION.name,
    L.CHANGE_LOG.name,
    L.CONFLICTS.name,
)


def find_sheet(names: Sequence[str], wanted: str, aliases: Sequence[str] = ()) -> str | None:
    """The actual name of a sheet matching ``wanted`` or an alias, case- and space-insensitively."""
    by_norm: dict[str, str] = {}
    for name in names:
        by_norm.setdefault(L.norm_sheet_name(name), name)
    for candidate in (wanted, *aliases):
        hit = by_norm.get(L.norm_sheet_name(candidate))
        if hit is not None:
            return hit
    return None


def locate_sheets(grids: Mapping[str, Grid], by_content: bool = True) -> dict[str, str | None]:
    """The actual sheet of the intervention form and of each list sheet (by sheet key): by name
    or alias, else (``by_content``: a renamed list sheet) by its header row; None when not found."""
    names = list(grids)
    located: dict[str, str | None] = {
        L.INTERVENTION.key: find_sheet(names, L.INTERVENTION.name, L.INTERVENTION.aliases)
    }
    for sheet in L.LIST_SHEETS:
        located[sheet.key] = find_sheet(names, sheet.name, sheet.aliases)
    for sheet in L.LIST_SHEETS if by_content else ():
        if located[sheet.key] is None:
            located[sheet.key] = sheet_by_content(grids, sheet, {*located.values(), *_known_sheets(names)})
    return located


def _known_sheets(names: Sequence[str]) -> set[str | None]:
    """Sheets that are never a renamed list sheet (output sheets, lists, metadata, start)."""
    known = [*EXTRA_SHEETS, L.META_SHEET, L.LISTS_SHEET, *(n for n in L.SHEET_ORDER if n not in
                                                             {s.name for s in L.LIST_SHEETS})]
    return {find_sheet(names, n) for n in known}


def sheet_by_content(grids: Mapping[str, Grid], sheet: L.ListSheet, taken: set[str | None]) -> str | None:
    """A renamed list sheet, found by its header row: the one other sheet whose header names the
    ID column, the statement column and at least half of the sheet's columns."""
    hits = []
    for name, grid in grids.items():
        if name in taken:
            continue
        found = find_header_row(grid, sheet, required=("id", sheet.statement))
        if found is not None and 2 * len(found[1]) >= len(sheet.columns):
            hits.append(name)
    return hits[0] if len(hits) == 1 else None


def _cell(grid: Grid, r: int, c: int) -> object:
    """Value at 0-based row and column, None outside the grid."""
    if r < len(grid):
        row = grid[r]
        if c < len(row):
            value = row[c]
            if isinstance(value, str):
                return value if value.strip() else None
            return value
    return None


def find_header_row(
    grid: Grid,
    columns: L.ListSheet | L.OutputSheet | Sequence[L.Column],
    required: Sequence[str] = ("id",),
    rows: int = HEADER_SEARCH_ROWS,
) -> tuple[int, dict[str, int]] | None:
    """0-based header row and column index per column key, or None if no header row is found.

    The header row is the row near the top (within ``rows`` rows) that names the most of the
    columns (at least two) and includes every ``required`` column. ``columns`` is a sheet of the
    layout or a sequence of its columns (e.g. ``layout.PLAN_COLUMNS``).
    """
    cols = tuple(columns.columns if isinstance(columns, (L.ListSheet, L.OutputSheet)) else columns)
    best: tuple[int, dict[str, int]] | None = None
    for r in range(min(len(grid), rows)):
        mapping: dict[str, int] = {}
        for c, value in enumerate(grid[r]):
            if value is None:
                continue
            for col in cols:
                if col.key not in mapping and col.matches(value):
                    mapping[col.key] = c
                    break
        if (len(mapping) >= 2 and all(k in mapping for k in required)
                and (best is None or len(mapping) > len(best[1]))):
            best = (r, mapping)
    return best


def parse_list_sheet(
    grid: Grid, sheet: L.ListSheet, actual_name: str
) -> tuple[tuple[Element, ...], list[StructureNote]]:
    """Elements of one list sheet, plus notes about missing columns or header."""
    notes: list[StructureNote] = []
    found = find_header_row(grid, sheet)
    if found is None:
        notes.append(StructureNote("no-header-row", actual_name, "", CellRef(actual_name, a1(L.HEADER_ROW, 1))))
        return (), notes
    header_r, mapping = found
    for col in sheet.columns:
        if col.key not in mapping:
            notes.append(
                StructureNote("missing-column", actual_name, col.key, CellRef(actual_name, a1(header_r + 1, 1)))
            )
    elements: list[Element] = []
    cols = [(key, c) for key, c in mapping.items()]
    letters = {c: col_letter(c + 1) for _, c in cols}
    header_id = L.norm_label(_cell(grid, header_r, mapping["id"]))
    for r in range(header_r + 1, len(grid)):
        values = [(key, c, _cell(grid, r, c)) for key, c in cols]
        if all(cell_text(v) == "" for _, _, v in values):
            continue
        id_value = _cell(grid, r, mapping["id"])
        # A repeated header row (e.g. pasted from another copy) is not an element.
        if (
            id_value is not None
            and L.norm_label(id_value) == header_id
            and sum(sheet.column(k).matches(v) for k, _, v in values if v is not None) >= 2
        ):
            continue
        fields = {key: Field(v, CellRef(actual_name, f"{letters[c]}{r + 1}")) for key, c, v in values}
        elements.append(Element(sheet.key, r + 1, fields))
    return tuple(elements), notes


def parse_form_sheet(
    grid: Grid, sheet: L.FormSheet, actual_name: str
) -> tuple[Intervention, list[StructureNote]]:
    """The Intervention record: each label found in the first columns, its value to its right."""
    found: dict[str, Field] = {}
    for r in range(len(grid)):
        for c in range(min(3, len(grid[r]))):
            label = _cell(grid, r, c)
            if label is None or not isinstance(label, str):
                continue
            for fld in sheet.fields:
                if fld.key not in found and fld.matches(label):
                    found[fld.key] = Field(_cell(grid, r, c + 1), CellRef(actual_name, a1(r + 1, c + 2)))
                    break
            else:
                continue
            break
    notes = [
        StructureNote("missing-field", actual_name, fld.key)
        for fld in sheet.fields
        if fld.key not in found
    ]
    return Intervention(found), notes


def parse_table_rows(grid: Grid, sheet: L.OutputSheet) -> list[dict[str, object]]:
    """Entries of a table output sheet (Change log, Conflicts) as records by column key.

    The header row is found by its texts (columns may have been moved); columns a user added
    are kept under the key ``'+' + header``; blank rows are skipped.
    """
    found = find_header_row(grid, sheet, required=())
    if found is None:
        return []
    header_r, by_key = found
    mapping = {c: key for key, c in by_key.items()}
    for c, value in enumerate(grid[header_r]):
        if c not in mapping and cell_text(value):
            mapping[c] = "+" + cell_text(value)
    rows: list[dict[str, object]] = []
    for r in range(header_r + 1, len(grid)):
        rec = {key: _cell(grid, r, c) for c, key in mapping.items()}
        if any(cell_text(v) for v in rec.values()):
            rows.append({k: v for k, v in rec.items() if cell_text(v) != ""})
    return rows


def parse_meta(grid: Grid) -> dict[str, str]:
    """Key / value pairs of the metadata sheet (keys in column A, values in column B)."""
    meta: dict[str, str] = {}
    for r in range(len(grid)):
        key = cell_text(_cell(grid, r, 0))
        if key:
            meta[key] = cell_text(_cell(grid, r, 1))
    return meta


def check_schema(meta: Mapping[str, str], path: str | os.PathLike[str] | None) -> list[StructureNote]:
    """Refuse a newer schema; note a missing or unreadable one."""
    raw = meta.get("schema_version", "")
    if not raw:
        return [StructureNote("missing-schema-version", L.META_SHEET, "schema_version")]
    try:
        version = int(float(raw))
    except ValueError:
        return [StructureNote("bad-schema-version", L.META_SHEET, raw)]
    if version > L.SCHEMA_VERSION:
        raise SchemaVersionError(
            f"this workbook uses layout version {version}, but this lm-excel reads up to version "
            f"{L.SCHEMA_VERSION}; update lm-excel (pip install -U lm-excel)",
            path,
        )
    return []


# --- values the reader keeps but notes (the checker turns notes into findings) -----------------

#: Excel's error values, as a cell holding one reads (cached formula results or pasted values).
ERROR_VALUES = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
     "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
     "#EXTERNAL!", "#PYTHON!"}
)
#: Control characters that have no place in typed text (tab and line breaks are allowed).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def value_note(col: L.Column, fld: Field, sheet: str) -> StructureNote | None:
    """A note when a cell's value is not what its column expects, else None.

    Codes: ``error-value`` (an Excel error such as #REF!), ``control-characters``,
    ``date-where-text-expected`` (in a text column: often Excel turning '1/2' into a date),
    ``number-where-text-expected`` (in a long-text column, e.g. a statement) and ``not-a-date``
    (in a date column). ``detail`` is '<column key>: <what was found>'. Values in ID, ID-list and
    dropdown columns are left to the checks that know those columns (invalid IDs, unknown IDs,
    answers outside the list).
    """
    v = fld.value
    what: str | None = None
    code = ""
    if isinstance(v, str):
        if v.strip().upper() in ERROR_VALUES:
            code, what = "error-value", v.strip().upper()
        elif CONTROL_CHARS.search(v):
            n = len(CONTROL_CHARS.findall(v))
            code, what = "control-characters", f"{n} control character{'s' if n > 1 else ''}"
        elif col.kind == "date" and v.strip():
            try:
                _dt.date.fromisoformat(v.strip())
            except ValueError:
                code, what = "not-a-date", repr(v.strip()[:40])
    elif isinstance(v, (_dt.date, _dt.time)):  # datetime is a date
        if col.kind == "text":
            code, what = "date-where-text-expected", f"{cell_text(v)} (a date)"
    elif isinstance(v, (bool, int, float)):
        if col.kind == "date":
            code, what = "not-a-date", f"{cell_text(v)} (a number)"
        elif col.kind == "text" and col.long:
            code, what = "number-where-text-expected", f"{cell_text(v)} (a number)"
    if not code:
        return None
    return StructureNote(code, sheet, f"{col.key}: {what}", fld.ref)


def value_notes(intervention: Intervention, elements: Mapping[str, Iterable[Element]]) -> list[StructureNote]:
    """Notes for every cell whose value is not what its column expects (see :func:`value_note`)."""
    notes: list[StructureNote] = []
    for key, fld in intervention.fields.items():
        note = value_note(L.INTERVENTION.field(key), fld, fld.ref.sheet)
        if note:
            notes.append(note)
    for sheet_key, els in elements.items():
        sheet = L.LIST_SHEET_BY_KEY[sheet_key]
        for el in els:
            for key, fld in el.fields.items():
                note = value_note(sheet.column(key), fld, fld.ref.sheet)
                if note:
                    notes.append(note)
    return notes


def parse_grids(
    grids: Mapping[str, Grid],
    source: str,
    path: str | os.PathLike[str] | None = None,
) -> LogicModel:
    """Build a logic model from grids keyed by actual sheet name.

    A list sheet not found by name or alias is looked for by its header row (a renamed sheet,
    e.g. a partner's 'Our assumptions' for 'Assumptions'); one found that way is read, with a
    ``sheet-renamed`` note (sheet: the actual name, detail: the template's name), so every
    command reads the workbook the same way.

    Raises :class:`NotALogicModelError` when no logic-model sheet is present,
    :class:`MissingSheetsError` when required sheets are missing, and
    :class:`SchemaVersionError` when the workbook is newer than this reader.
    """
    grids, _ = migrate_grids(grids)
    names = list(grids)
    notes: list[StructureNote] = []

    meta_name = find_sheet(names, L.META_SHEET)
    meta = parse_meta(grids[meta_name]) if meta_name else {}

    located = locate_sheets(grids)
    by_name = locate_sheets(grids, by_content=False)

    if not any(located.values()):
        shown = ", ".join(f"'{n}'" for n in names[:4]) + (", ..." if len(names) > 4 else "")
        raise NotALogicModelError(
            f"this is not an lm-excel logic-model workbook (its sheets are {shown or 'none'}); "
            "start from a template made by 'lm-excel new'",
            path,
        )
    required = [L.INTERVENTION, *L.LIST_SHEETS]
    missing = [s.name for s in required if s.required and not located[s.key]]
    if missing:
        raise MissingSheetsError(missing, path)
    notes.extend(check_schema(meta, path) if meta_name else [StructureNote("missing-metadata", L.META_SHEET, "")])

    iv_name = located[L.INTERVENTION.key]
    assert iv_name is not None
    intervention, iv_notes = parse_form_sheet(grids[iv_name], L.INTERVENTION, iv_name)
    notes.extend(iv_notes)

    elements = _list_sheets(grids, located, by_name, notes)
    notes.extend(value_notes(intervention, elements))

    extras = {extra: tuple(tuple(row) for row in grids[actual]) for extra in EXTRA_SHEETS
              if (actual := find_sheet(names, extra)) is not None}
    return LogicModel(
        source=source,
        intervention=intervention,
        elements=elements,
        meta=meta,
        notes=tuple(notes),
        extras=extras,
    )


def _list_sheets(grids: Mapping[str, Grid], located: Mapping[str, str | None],
                 by_name: Mapping[str, str | None], notes: list[StructureNote],
                 ) -> dict[str, tuple[Element, ...]]:
    """The elements of every list sheet, keyed by the sheet's key (none for a missing sheet);
    adds a note for each sheet missing or found by its header row under another name."""
    elements: dict[str, tuple[Element, ...]] = {}
    for sheet in L.LIST_SHEETS:
        actual = located[sheet.key]
        if actual is None:
            notes.append(StructureNote("missing-sheet", sheet.name, ""))
            elements[sheet.key] = ()
            continue
        if by_name[sheet.key] is None:
            notes.append(StructureNote("sheet-renamed", actual, sheet.name))
        elements[sheet.key], sheet_notes = parse_list_sheet(grids[actual], sheet, actual)
        notes.extend(sheet_notes)
    return elements
