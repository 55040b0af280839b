"""Builder -> reader round trips: every value comes back, at the cell the layout says."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from lm_excel import layout as L
from lm_excel.workbook.builder import build_workbook
from lm_excel.example import example_records
from lm_excel.model import ModelRecords, a1
from lm_excel.workbook.reader import read_workbook


def test_example_reads_back_value_for_value(example_xlsx):
    model = read_workbook(example_xlsx)
    assert model.to_records().normalised() == example_records().normalised()
    assert model.notes == ()
    assert model.source == example_xlsx.name


def test_example_cell_references_match_the_layout(example_xlsx):
    model = read_workbook(example_xlsx)
    records = example_records()
    for sheet in L.LIST_SHEETS:
        elements = model.elements[sheet.key]
        assert len(elements) == len(records.elements[sheet.key])
        for i, el in enumerate(elements):
            row = L.HEADER_ROW + 1 + i
            assert el.row == row
            for c, col in enumerate(sheet.columns, start=1):
                ref = el.fields[col.key].ref
                assert (ref.sheet, ref.cell) == (sheet.name, a1(row, c))
    for i, fld in enumerate(L.INTERVENTION.fields):
        ref = model.intervention.ref(fld.key)
        assert (ref.sheet, ref.cell) == ("Intervention", f"B{L.INTERVENTION.first_row + i}")


def test_values_read_back_are_at_the_cells_they_claim(example_xlsx):
    wb = openpyxl.load_workbook(example_xlsx)
    model = read_workbook(example_xlsx)
    for el in model.all_elements():
        for fld in el.fields.values():
            assert wb[fld.ref.sheet][fld.ref.cell].value == fld.value
    assert str(model.components[0].ref("component")) == "Components!B4"
    assert str(model.negatives[0].ref()) == "'Negative consequences'!A4"


def test_blank_template_reads_as_an_empty_model(blank_xlsx):
    model = read_workbook(blank_xlsx)
    assert len(model) == 0
    assert model.notes == ()
    assert set(model.intervention.fields) == {f.key for f in L.INTERVENTION.fields}
    assert all(f.empty for f in model.intervention.fields.values())
    assert model.meta["schema_version"] == str(L.SCHEMA_VERSION)
    assert model.meta["kind"] == L.WORKBOOK_KIND


def test_awkward_values_survive_as_text(tmp_path):
    awkward = [
        "=1+1", "+44 20 7946 0000", "-minus", "@handle", "  leading spaces kept in the cell",
        "Emoji 👪 and Welsh ŵ ŷ", "مرحبا بالعائلة", "line one\nline two", "0123",
    ]
    records = ModelRecords(
        intervention={"name": "=HYPERLINK(\"x\")", "date": dt.date(2026, 3, 2), "version": 2},
        elements={"components": [{"id": f"C{i}", "component": text} for i, text in enumerate(awkward, 1)]},
    )
    path = build_workbook(tmp_path / "awkward.xlsx", records)
    model = read_workbook(path)
    assert [c.fields["component"].value for c in model.components] == awkward
    assert model.intervention.text("name") == '=HYPERLINK("x")'
    assert model.intervention.text("date") == "2026-03-02"
    assert model.intervention.text("version") == "2"
    ws = openpyxl.load_workbook(path)["Components"]
    assert ws["B4"].data_type == "s"  # stored as text, not a formula


def test_unknown_keys_are_refused(tmp_path):
    from lm_excel.errors import UsageError

    with pytest.raises(UsageError, match="unknown column"):
        build_workbook(tmp_path / "x.xlsx", ModelRecords(elements={"components": [{"colour": "red"}]}))
    assert not (tmp_path / "x.xlsx").exists()
    assert list(tmp_path.iterdir()) == []
