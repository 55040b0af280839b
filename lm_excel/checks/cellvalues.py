"""Cell values: what the reader read but noted (issue 8), as findings on the cells concerned.

The reader keeps a workbook readable when a cell holds something its column does not expect (an
Excel error value, a formula never calculated, a date where text was typed, control characters)
or when cells are merged over a table; it records a :class:`~lm_excel.model.StructureNote` with
one of :data:`NOTE_CODES`, and this rule turns each into a finding with a fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, make, register
from .base import Context, rule

C = "structure"
ERROR_VALUE = register(
    "error-value", category=C, severity="warning",
    title="Excel error value",
    description="A cell shows an Excel error (#REF!, #N/A, #VALUE!, ...) instead of a value, "
    "usually from a broken formula or link, or pasted from another workbook.",
    message="{ref} shows the Excel error {value} instead of a value, so it reads as that error.",
    fix="Type the value into {ref} as plain text (or repair the formula behind it).",
)
FORMULA_WITHOUT_VALUE = register(
    "formula-without-value", category=C, severity="warning",
    title="Formula never calculated",
    description="A cell holds a formula that was never calculated (the file was written by a "
    "program that does not calculate). lm-excel reads cached results only and never calculates "
    "formulas, so the cell reads as empty.",
    message="{ref} holds a formula ({formula}) that has never been calculated, so it reads as "
    "empty.",
    fix="Open the workbook in Excel and save it (Excel calculates formulas when it saves), or "
    "type the value into {ref} instead of a formula.",
)
MERGED_CELLS = register(
    "merged-cells", category=C, severity="warning",
    title="Merged cells",
    description="Cells below the title are merged. Only the top-left cell of a merged range "
    "holds a value, so whatever belonged in the other cells is not read.",
    message="Cells {range} on '{sheet}' are merged, so only {ref} is read and the other cells "
    "of the range read as empty.",
    fix="Select {range}, choose Merge & Center > Unmerge Cells, and type each value in its own "
    "cell.",
)
DATE_FOR_TEXT = register(
    "date-where-text-expected", category=C, severity="warning",
    title="Date where text is expected",
    description="A text cell holds a date. Excel turns some typed text into dates (1/2, "
    "3-4, Jan 5), so the text may have been lost.",
    message="{ref} holds the date {value}, but this column expects text; Excel may have turned "
    "what was typed into a date.",
    fix="Retype it in {ref} with an apostrophe first (for example '1/2) so Excel keeps it as text.",
)
NUMBER_FOR_TEXT = register(
    "number-where-text-expected", category=C, severity="warning",
    title="Number where a statement is expected",
    description="A cell meant for a written statement holds only a number.",
    message="{ref} holds only the number {value}, but this column expects a written statement.",
    fix="Write the statement in {ref} in words.",
)
NOT_A_DATE = register(
    "not-a-date", category=C, severity="warning",
    title="Not a date",
    description="A date cell holds text or a number that is not a date.",
    message="{ref} should hold a date but holds {value}.",
    fix="Type a date in {ref}, for example 01/03/2026.",
)
CONTROL_CHARACTERS = register(
    "control-characters", category=C, severity="info",
    title="Invisible control characters",
    description="A cell contains invisible control characters, usually pasted from another "
    "system. They are kept as they are but can upset other programs.",
    message="{ref} contains {value} (invisible, usually pasted from another system).",
    fix="Retype the text in {ref}, or paste it as plain text (Paste Special > Values).",
)

#: Reader note codes this rule handles (the structure rule leaves them alone).
NOTE_CODES = frozenset({ERROR_VALUE, FORMULA_WITHOUT_VALUE, MERGED_CELLS, DATE_FOR_TEXT,
                        NUMBER_FOR_TEXT, NOT_A_DATE, CONTROL_CHARACTERS})


@rule(*sorted(NOTE_CODES))
def cell_values(ctx: Context) -> Iterator[Finding]:
    """Turn the reader's cell-value notes into findings at their cells."""
    notes = [n for n in ctx.model.notes if n.code in NOTE_CODES and n.ref is not None]
    if not notes:
        return
    owner = {f.ref: ctx.eid(el) for el in ctx.model.all_elements() for f in el.fields.values()}
    for note in notes:
        eid = owner.get(note.ref, "")
        found = note.detail.split(": ", 1)[-1]
        if note.code == MERGED_CELLS:
            yield make(MERGED_CELLS, note.ref, eid, range=note.detail)
        elif note.code == FORMULA_WITHOUT_VALUE:
            yield make(FORMULA_WITHOUT_VALUE, note.ref, eid, formula=found)
        else:
            yield make(note.code, note.ref, eid, value=found.removesuffix(" (a date)").removesuffix(" (a number)"))
