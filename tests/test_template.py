"""What the template offers a user with macros disabled: tables, guidance, dropdowns, print set-up."""

from __future__ import annotations

import re

import openpyxl
import pytest

from lm_excel import layout as L


@pytest.fixture(scope="module")
def wb(blank_xlsx):
    return openpyxl.load_workbook(blank_xlsx)


def test_sheets_in_order_and_helpers_hidden(wb):
    assert wb.sheetnames == list(L.SHEET_ORDER)
    assert wb[L.LISTS_SHEET].sheet_state == "hidden"
    assert wb[L.META_SHEET].sheet_state == "hidden"
    visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    assert visible[0] == "Start"


@pytest.mark.parametrize("sheet", L.LIST_SHEETS, ids=lambda s: s.key)
def test_list_sheet_has_table_guidance_and_dropdowns(wb, sheet):
    ws = wb[sheet.name]
    tables = list(ws.tables.values())
    assert len(tables) == 1
    table = tables[0]
    assert table.name == sheet.table_name
    first_cell = table.ref.split(":")[0]
    assert first_cell == f"A{L.HEADER_ROW}"
    headers = [c.value for c in ws[L.HEADER_ROW]][: len(sheet.columns)]
    assert headers == [c.header for c in sheet.columns]
    assert headers[0] == "ID"
    assert ws.freeze_panes == f"B{L.HEADER_ROW + 1}"
    # every column has an input message; choice columns have a dropdown on the right list
    by_col: dict[str, list] = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            by_col.setdefault(re.sub(r"\d", "", rng.coord.split(":")[0]), []).append((dv, rng))
    for c, col in enumerate(sheet.columns, start=1):
        letter = openpyxl.utils.get_column_letter(c)
        assert letter in by_col, f"{sheet.name} column {col.header} has no guidance"
        dv, rng = by_col[letter][0]
        assert dv.prompt and dv.showInputMessage
        assert rng.min_row == L.HEADER_ROW + 1 and rng.max_row >= L.HEADER_ROW + 100
        if col.kind == "choice":
            assert dv.type == "list" and dv.formula1 == f"list_{col.choices}"
    # print set-up
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1)  # 1 is the default, so often left out
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows.replace("$", "") == f"{L.HEADER_ROW}:{L.HEADER_ROW}"


def test_dropdown_lists_are_defined_names_over_the_hidden_lists(wb):
    ws = wb[L.LISTS_SHEET]
    for name, values in L.LISTS.items():
        dn = wb.defined_names[f"list_{name}"]
        (sheet_name, ref), = dn.destinations
        assert sheet_name == L.LISTS_SHEET
        cells = [c.value for row in ws[ref.replace("$", "")] for c in row]
        assert cells == list(values)


def test_intervention_form_has_every_field_with_help(wb):
    ws = wb[L.INTERVENTION.name]
    for i, fld in enumerate(L.INTERVENTION.fields):
        r = L.INTERVENTION.first_row + i
        assert ws.cell(r, 1).value.rstrip(" *") == fld.header
        assert ws.cell(r, 3).value == fld.help and fld.help


def test_start_sheet_links_every_step_and_has_a_status_cell(wb):
    ws = wb["Start"]
    links = {c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink}
    for where, _ in L.START_STEPS:
        if where in L.SHEET_ORDER:
            assert any(where in (loc or "") for loc in links), where
    assert ws[L.START_STATUS_CELL].value == "Not checked yet."


def _luminance(hex_colour: str) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


@pytest.mark.parametrize(
    "colour", sorted({s.colour for s in L.LIST_SHEETS} | {L.INTERVENTION.colour})
)
def test_header_colours_give_white_text_at_least_4_5_to_1(colour):
    ratio = (1.05) / (_luminance(colour) + 0.05)
    assert ratio >= 4.5, f"#{colour} gives {ratio:.2f}:1"


def test_header_cells_use_white_on_the_sheet_colour(wb):
    for sheet in L.LIST_SHEETS:
        cell = wb[sheet.name].cell(L.HEADER_ROW, 1)
        assert cell.fill.fgColor.rgb.upper().endswith(sheet.colour.upper())
        assert cell.font.color.rgb.upper().endswith("FFFFFF")


def test_layout_is_self_consistent():
    prefixes = [s.prefix for s in L.LIST_SHEETS]
    assert len(set(prefixes)) == len(prefixes)
    for sheet in L.LIST_SHEETS:
        assert sheet.columns[0].key == "id"
        assert sheet.statement in {c.key for c in sheet.columns}
        for col in sheet.columns:
            assert col.help, (sheet.key, col.key)
            assert all(t in L.LIST_SHEET_BY_KEY for t in col.targets)
            if col.choices:
                assert col.choices in L.LISTS
