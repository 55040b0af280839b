"""Logic models built in code for the checker's tests: records -> grids (as the template lays
them out) -> :func:`lm_excel.workbook.parse.parse_grids`, with edits at either level."""

from __future__ import annotations

import copy
from collections.abc import Callable

from lm_excel import layout as L
from lm_excel.checks import validate
from lm_excel.example import example_records
from lm_excel.model import LogicModel, ModelRecords
from lm_excel.workbook.parse import parse_grids

Grids = dict[str, list[list[object]]]


def grids_from_records(records: ModelRecords) -> Grids:
    """Grids laid out exactly as the template builder lays out the workbook."""
    grids: Grids = {L.START.name: [["Logic model workbook"]]}
    form = L.INTERVENTION
    iv: list[list[object]] = [[form.name], [form.intro], ["Field", "Your answer", "Guidance"]]
    assert len(iv) == form.first_row - 1
    for fld in form.fields:
        iv.append([fld.header + (" *" if fld.required else ""), records.intervention.get(fld.key), fld.help])
    grids[form.name] = iv
    for sheet in L.LIST_SHEETS:
        grid: list[list[object]] = [[sheet.name], [sheet.intro]]
        assert len(grid) == L.HEADER_ROW - 1
        grid.append([c.header for c in sheet.columns])
        for rec in records.elements.get(sheet.key, []):
            grid.append([rec.get(c.key) for c in sheet.columns])
        grids[sheet.name] = grid
    grids[L.MEASURES_PLAN.name] = [[L.MEASURES_PLAN.name]]
    grids[L.VALIDATION.name] = [[L.VALIDATION.name]]
    grids[L.META_SHEET] = [["kind", L.WORKBOOK_KIND], ["schema_version", str(L.SCHEMA_VERSION)],
                           ["template_version", L.TEMPLATE_VERSION]]
    return grids


def example() -> ModelRecords:
    return copy.deepcopy(example_records())


DELIVERY_FIELDS = ("delivery_unit", "delivery_units", "reach", "nation", "allocation")


def example_delivered(**intervention: object) -> ModelRecords:
    """The worked example with its delivery setting cleared, then set to ``intervention``
    (so each design test states the setting it needs)."""
    records = example()
    for key in DELIVERY_FIELDS:
        records.intervention.pop(key, None)
    records.intervention.update(intervention)
    return records


def findings_at(records: ModelRecords, code: str, element: str) -> list:
    """The findings with ``code`` at ``element`` when ``records`` are checked (headline details
    included)."""
    return [f for f in validate(model_of(records)).all_findings()
            if f.code == code and f.element_id == element]


def example_with_negatives(*consequences: str) -> ModelRecords:
    """The worked example with its negative consequences replaced by ``consequences`` (NC1, NC2,
    ...; the other fields copied from its first)."""
    records = example()
    first = records.elements["negatives"][0]
    records.elements["negatives"] = [{**first, "id": f"NC{i}", "consequence": text}
                                     for i, text in enumerate(consequences, 1)]
    return records


def row(records: ModelRecords, sheet_key: str, id_: str) -> dict[str, object]:
    """The record with ID ``id_`` on a sheet (to edit in place)."""
    for rec in records.elements[sheet_key]:
        if rec.get("id") == id_:
            return rec
    raise KeyError(id_)


def model_of(
    records: ModelRecords | None = None,
    edit_grids: Callable[[Grids], None] | None = None,
) -> LogicModel:
    """Parse ``records`` (default: the worked example) laid out as the template, after ``edit_grids``."""
    grids = grids_from_records(records if records is not None else example())
    if edit_grids is not None:
        edit_grids(grids)
    return parse_grids(grids, source="test.xlsx")


def mechanism_restates(mechanism: str, outcome: str) -> bool:
    """Whether mechanism M4 of the worked example, leading only to OC4 (its text replaced by
    ``outcome``), is called a restatement of it."""
    rec = example()
    m4 = row(rec, "mechanisms", "M4")
    m4["mechanism"], m4["leads_to"] = mechanism, "OC4"
    row(rec, "outcomes", "OC4")["outcome"] = outcome
    return bool(findings_at(rec, "mechanism-restates", "M4"))


def mechanism_mislinked(mechanism: str, linked_outcome: str, other_outcome: str) -> bool:
    """Whether mechanism M4 of the worked example, leading only to OC4 (its text replaced by
    ``linked_outcome``), is said to speak of OC7 (``other_outcome``) instead."""
    rec = example()
    row(rec, "mechanisms", "M4")["mechanism"] = mechanism
    row(rec, "outcomes", "OC4")["outcome"] = linked_outcome
    row(rec, "outcomes", "OC7")["outcome"] = other_outcome
    row(rec, "mechanisms", "M4")["leads_to"] = "OC4"
    return bool(findings_at(rec, "mechanism-mislinked", "M4"))


def mechanism_is_delivery(mechanism: str) -> bool:
    """Whether mechanism M4 of the worked example is said to describe delivery rather than how
    change happens."""
    rec = example()
    row(rec, "mechanisms", "M4")["mechanism"] = mechanism
    return any("delivery" in f.message for f in findings_at(rec, "mechanism-no-causal-account", "M4"))
