"""Identity: every row has an ID, IDs are unique in the whole workbook and use the sheet's prefix."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import layout as L
from ..findings import Finding, make, register
from .base import Context, rule, short

C = "identity"
MISSING_ID = register(
    "missing-id", category=C, severity="error",
    title="Row without an ID",
    description="A row of a list sheet has content but no ID, so nothing can link to it and "
    "the checks, plan and report cannot name it.",
    message="Row {row} of '{sheet}' has no ID in {cell} ('{statement}').",
    fix="Type a new ID in {cell}, e.g. {example} (the next free number after the sheet's other IDs).",
)
DUPLICATE_ID = register(
    "duplicate-id", category=C, severity="error",
    title="ID used more than once",
    description="The same ID appears on more than one row (on one sheet or across sheets), so "
    "links to it are ambiguous.",
    message="The ID {id} in {ref} is also used in {others}; each ID must be used once in the "
    "whole workbook.",
    fix="Give one of these rows a new ID (e.g. {example}) and update any links that meant that row.",
)
WRONG_PREFIX = register(
    "wrong-prefix", category=C, severity="error",
    title="ID with the wrong prefix",
    description="An ID does not start with the letters of its sheet (e.g. C for Components, OC "
    "for Outcomes), so it reads as a different kind of element.",
    message="The ID {id} in {ref} does not start with {prefix}, the prefix for {plural}{hint}.",
    fix="Change it to an ID starting with {prefix}, e.g. {example}, and update any links to it.",
)
INVALID_ID = register(
    "invalid-id", category=C, severity="error",
    title="ID that is not a code",
    description="An ID is not letters followed by a number (like C1 or OC12), so it cannot be "
    "typed reliably in link columns.",
    message="'{raw}' in {ref} is not an ID like {example} (letters then a number).",
    fix="Replace it with {example} or the next free number, and update any links to it.",
)

_VALID = re.compile(r"^[A-Z]+\d+$")


def _next_free(ctx: Context, sheet: L.ListSheet) -> str:
    key = f"next:{sheet.key}"
    if key not in ctx._extra:
        numbers = [int(m.group(1)) for i in ctx.occurrences
                   if (m := re.fullmatch(re.escape(sheet.prefix) + r"(\d+)", i))]
        ctx._extra[key] = max(numbers, default=0) + 1
    n = ctx._extra[key]
    ctx._extra[key] = n + 1
    return f"{sheet.prefix}{n}"


@rule(MISSING_ID, DUPLICATE_ID, WRONG_PREFIX, INVALID_ID)
def identity(ctx: Context) -> Iterator[Finding]:
    """Missing, duplicated, malformed and wrongly prefixed IDs."""
    for el in ctx.model.all_elements():
        sheet = el.sheet
        ref = el.ref()
        if not ctx.eid(el):
            statement = el.statement or next((f.text for f in el.fields.values() if f.text), "")
            yield make(MISSING_ID, ref, row=el.row, statement=short(statement, 60),
                       example=_next_free(ctx, sheet))
            continue
        if not _VALID.match(ctx.eid(el)):
            yield make(INVALID_ID, ref, ctx.eid(el), raw=el.raw_id, example=_next_free(ctx, sheet))
            continue
        prefix = L.id_prefix(ctx.eid(el))
        if prefix != sheet.prefix:
            other = L.PREFIXES.get(prefix)
            hint = f" ({prefix} is the prefix for {L.LIST_SHEET_BY_KEY[other].name})" if other else ""
            yield make(WRONG_PREFIX, ref, ctx.eid(el), prefix=sheet.prefix, plural=sheet.name,
                       hint=hint, example=_next_free(ctx, sheet))
    for id_, els in ctx.occurrences.items():
        if len(els) < 2:
            continue
        for el in els:
            others = ", ".join(str(o.ref()) for o in els if o is not el)
            yield make(DUPLICATE_ID, el.ref(), id_, others=others, example=_next_free(ctx, el.sheet))
