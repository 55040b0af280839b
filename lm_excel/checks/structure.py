"""Structure: sheets, header rows, columns, labels and metadata the reader had to work around.

The reader never fails on these; it records them as :class:`~lm_excel.model.StructureNote` and
this rule turns each into a finding at the best cell it can name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import layout as L
from ..findings import Finding, make, register
from ..model import CellRef, StructureNote, a1, col_letter
from .base import Context, rule
from .cellvalues import NOTE_CODES as CELL_VALUE_NOTES

C = "structure"
MISSING_SHEET = register(
    "missing-sheet", category=C, severity="error",
    title="Sheet missing or renamed",
    description="A sheet of the template cannot be found, under its own name or a known "
    "alternative. Whatever it held is not checked, planned or reported.",
    message="The '{sheet}' sheet is missing or has been renamed, so nothing on it can be checked.",
    fix="Rename the sheet back to '{sheet}', or copy the '{sheet}' sheet from a fresh template "
    "(lm-excel new) and paste your rows into it.",
)
MISSING_HEADER = register(
    "missing-header-row", category=C, severity="error",
    title="Header row not found",
    description="No row near the top of a list sheet names the ID column and at least one other "
    "column, so none of the sheet's rows can be read.",
    message="The '{sheet}' sheet has no header row that lm-excel recognises (it needs an 'ID' "
    "column and the other column names of the template, in row {row}), so its rows were not read.",
    fix="Put the template's column names back in row {row} of '{sheet}' (copy them from a fresh "
    "template), starting with 'ID'.",
)
MISSING_COLUMN = register(
    "missing-column", category=C, severity="error",
    title="Column missing or renamed",
    description="A column of a list sheet cannot be found by its header (case, spaces and "
    "punctuation are ignored). Values typed under a renamed header are ignored.",
    message="The '{column}' column on '{sheet}' is missing or its header has been changed, so "
    "anything typed in it is ignored.",
    fix="Type '{column}' as the header of that column in row {row} (or add the column back from "
    "a fresh template).",
)
MISSING_FIELD = register(
    "missing-field", category=C, severity="error",
    title="Intervention line missing or renamed",
    description="A labelled line of the Intervention sheet cannot be found by its label in "
    "column A, so its answer is not read.",
    message="The line '{label}' is missing from the '{sheet}' sheet (or its label in column A "
    "has been changed), so its answer cannot be read.",
    fix="Put the label '{label}' back in column A of '{sheet}' with your answer in column B "
    "beside it.",
)
MISSING_METADATA = register(
    "missing-metadata", category=C, severity="error",
    title="Metadata sheet missing",
    description="The hidden Metadata sheet, which records the layout version the workbook was "
    "made with, is missing; lm-excel cannot tell which layout the workbook follows.",
    message="The hidden '{sheet}' sheet is missing, so lm-excel cannot tell which version of "
    "the template this workbook follows.",
    fix="Copy your rows into a fresh template (lm-excel new), which has the '{sheet}' sheet.",
)
SCHEMA_VERSION = register(
    "schema-version", category=C, severity="error",
    title="Layout version missing or unreadable",
    description="The Metadata sheet has no layout (schema) version, or one that is not a "
    "version this lm-excel knows.",
    message="The layout version in the hidden '{sheet}' sheet is {problem}, so lm-excel cannot "
    "be sure it reads this workbook correctly.",
    fix="Copy your rows into a fresh template (lm-excel new); do not edit the hidden '{sheet}' sheet.",
)
SHEET_RENAMED = register(
    "sheet-renamed", category=C, severity="info",
    title="Sheet renamed",
    description="A sheet of the template has another name, but its header row is that sheet's, "
    "so it was read as that sheet (e.g. 'Our assumptions' for 'Assumptions').",
    message="The '{sheet}' sheet was read as the '{template}' sheet: its header row is that sheet's.",
    fix="Nothing is lost. To keep the workbook easy to follow for everyone, rename the sheet back "
    "to '{template}'.",
)
STRUCTURE_PROBLEM = register(
    "structure-problem", category=C, severity="warning",
    title="Other structure problem",
    description="The reader worked around another problem with the workbook's structure.",
    message="The '{sheet}' sheet has a structure problem ({what}).",
    fix="Compare the sheet with a fresh template (lm-excel new) and restore its layout.",
)


def _row_of(ref: CellRef | None, default: int) -> int:
    if ref is None:
        return default
    m = re.search(r"(\d+)$", ref.cell)
    return int(m.group(1)) if m else default


def _column_cell(ctx: Context, note: StructureNote, sheet: L.ListSheet) -> tuple[str, int]:
    """Best cell for a missing column: its template position in the header row, unless another
    recognised column sits there (then the header row's first cell); and the header row."""
    row = _row_of(note.ref, L.HEADER_ROW)
    index = next(i for i, c in enumerate(sheet.columns) if c.key == note.detail) + 1
    letter = col_letter(index)
    elements = ctx.model.elements.get(sheet.key, ())
    if elements:
        used = {re.sub(r"\d+$", "", f.ref.cell) for f in elements[0].fields.values()}
        if letter in used:
            return (note.ref.cell if note.ref else a1(row, 1)), row
    return f"{letter}{row}", row


def _meta_cell(ctx: Context) -> str:
    keys = list(ctx.model.meta)
    if "schema_version" in keys:
        return a1(keys.index("schema_version") + 1, 2)
    return "A1"


@rule(MISSING_SHEET, MISSING_HEADER, MISSING_COLUMN, MISSING_FIELD, MISSING_METADATA,
      SCHEMA_VERSION, SHEET_RENAMED, STRUCTURE_PROBLEM)
def structure(ctx: Context) -> Iterator[Finding]:
    """Turn the reader's structure notes (and an out-of-range layout version) into findings."""
    for note in ctx.model.notes:
        if note.code in CELL_VALUE_NOTES:  # findings of the cell_values rule
            continue
        if note.code == "missing-sheet":
            yield make(MISSING_SHEET, (note.sheet, ""))
        elif note.code == "no-header-row":
            row = _row_of(note.ref, L.HEADER_ROW)
            yield make(MISSING_HEADER, note.ref or (note.sheet, a1(row, 1)), row=row)
        elif note.code == "sheet-renamed":
            yield make(SHEET_RENAMED, (note.sheet, ""), template=note.detail)
        elif note.code == "missing-column" and (sheet := ctx.list_sheet(note.sheet)) is not None:
            col = next((c for c in sheet.columns if c.key == note.detail), None)
            if col is None:
                yield make(STRUCTURE_PROBLEM, note.ref or (note.sheet, ""), what=f"column {note.detail}")
                continue
            cell, row = _column_cell(ctx, note, sheet)
            yield make(MISSING_COLUMN, (note.sheet, cell), column=col.header, row=row)
        elif note.code == "missing-field":
            yield from _missing_field(ctx, note)
        elif note.code == "missing-metadata":
            yield make(MISSING_METADATA, (L.META_SHEET, ""))
        elif note.code == "missing-schema-version":
            yield make(SCHEMA_VERSION, (note.sheet, "A1"), problem="missing")
        elif note.code == "bad-schema-version":
            yield make(SCHEMA_VERSION, (note.sheet, _meta_cell(ctx)),
                       problem=f"'{note.detail}', which is not a version number")
        else:
            where = note.ref or (note.sheet, "")
            yield make(STRUCTURE_PROBLEM, where, what=(note.detail or note.code).replace("-", " "))
    raw = ctx.model.meta.get("schema_version", "")
    try:
        version = int(float(raw)) if raw else None
    except ValueError:
        version = None
    if version is not None and version < 1:
        yield make(SCHEMA_VERSION, (L.META_SHEET, _meta_cell(ctx)),
                   problem=f"{raw}, which no lm-excel template has used")


def _missing_field(ctx: Context, note: StructureNote) -> Iterator[Finding]:
    form = L.INTERVENTION
    try:
        fld = form.field(note.detail)
    except KeyError:
        yield make(STRUCTURE_PROBLEM, (note.sheet, ""), what=f"line {note.detail}")
        return
    index = [f.key for f in form.fields].index(fld.key)
    row = form.first_row + index
    used_rows = {_row_of(f.ref, 0) for f in ctx.model.intervention.fields.values()}
    cell = f"A{row}" if row not in used_rows else ""
    yield make(MISSING_FIELD, (note.sheet, cell), label=fld.header)
