"""What users do to a workbook that the reader must take in its stride."""

from __future__ import annotations

import shutil

import openpyxl
import pytest

from lm_excel import layout as L
from lm_excel.workbook.builder import build_workbook
from lm_excel.model import ModelRecords
from lm_excel.workbook.parse import parse_grids
from lm_excel.workbook.reader import read_grids, read_workbook


def _edit(src, dst, fn):
    shutil.copy(src, dst)
    wb = openpyxl.load_workbook(dst)
    fn(wb)
    wb.save(dst)
    return dst


def test_blank_rows_inside_and_rows_typed_below_the_table(tmp_path, blank_xlsx):
    def fill(wb):
        ws = wb["Components"]
        ws["A4"], ws["B4"] = "C1", "First"
        # rows 5-6 left blank inside the table
        ws["A7"], ws["B7"] = "C2", "Second"
        ws["A40"], ws["B40"] = "C3", "Typed far below the table's end"

    model = read_workbook(_edit(blank_xlsx, tmp_path / "w.xlsx", fill))
    assert [(c.id, c.statement, c.row) for c in model.components] == [
        ("C1", "First", 4), ("C2", "Second", 7), ("C3", "Typed far below the table's end", 40)
    ]
    assert str(model.components[2].ref("component")) == "Components!B40"


def test_columns_moved_renamed_in_case_and_extra_user_columns(tmp_path):
    grid = [
        ["Outcomes"],
        ["anything"],
        ["My notes", "  outcome STATEMENT ", "id", "Time scale", "WHO_BENEFITS", "Priority", "Extra"],
        ["private", "Fewer children enter care", "oc1", "Long term", "Child", "Primary", "x"],
    ]
    grids = _minimal_grids() | {"Outcomes": grid}
    model = parse_grids(grids, "t.xlsx")
    (oc,) = model.outcomes
    assert oc.id == "OC1" and oc.raw_id == "oc1"
    assert oc.statement == "Fewer children enter care"
    assert oc.text("timescale") == "Long term" and oc.text("who_benefits") == "Child"
    assert str(oc.ref("outcome")) == "Outcomes!B4" and str(oc.ref()) == "Outcomes!C4"
    assert "My notes" not in {f.value for f in oc.fields.values()}
    missing = {(n.code, n.detail) for n in model.notes}
    assert ("missing-column", "direction") in missing
    assert ("missing-column", "contributes_to") in missing


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("C1, C2", ("C1", "C2")),
        ("c1;c2", ("C1", "C2")),
        ("C1\nC2\r\nC3", ("C1", "C2", "C3")),
        (" c 01 , C-2 ", ("C1", "C2")),
        ("C1 C2", ("C1", "C2")),
        ("C1 and C2", ("C1", "C2")),
        ("C1, C1", ("C1",)),
        (None, ()),
        ("", ()),
    ],
)
def test_several_ids_in_one_cell(cell, expected):
    grids = _minimal_grids() | {
        "Mechanisms": [[], [], ["ID", "Mechanism", "Triggered by"], ["m 1", "Trust", cell]]
    }
    (mech,) = parse_grids(grids, "t.xlsx").mechanisms
    assert mech.id == "M1"
    assert mech.ids("triggered_by") == expected


def test_ids_with_odd_case_spacing_and_numbers():
    grids = _minimal_grids() | {
        "Inputs": [[], [], ["ID", "Resource"], [" in-03 ", "Staff"], [7.0, "A number typed as ID"]]
    }
    model = parse_grids(grids, "t.xlsx")
    assert [i.id for i in model.inputs] == ["IN3", "7"]


def test_sheet_names_matched_loosely_and_optional_sheets_may_be_missing():
    grids = {
        "intervention ": [["Intervention name", "X"]],
        "COMPONENTS": [["ID", "Component"], ["C1", "a"]],
        "Mechanisms": [["ID", "Mechanism"]],
        "outcomes": [["ID", "Outcome statement"]],
    }
    model = parse_grids(grids, "t.xlsx")
    assert model.intervention.name == "X"
    assert [c.id for c in model.components] == ["C1"]
    missing_sheets = {n.sheet for n in model.notes if n.code == "missing-sheet"}
    assert missing_sheets == {"Inputs", "Outputs", "Context factors", "Assumptions", "Negative consequences",
                              "My measures"}
    assert any(n.code == "missing-metadata" for n in model.notes)


def test_intervention_labels_found_when_rows_are_moved(tmp_path, blank_xlsx):
    def move(wb):
        ws = wb["Intervention"]
        ws.insert_rows(5, 3)
        ws["B4"] = "Example Borough Council"

    model = read_workbook(_edit(blank_xlsx, tmp_path / "w.xlsx", move))
    assert model.intervention.organisation == "Example Borough Council"
    name_ref = model.intervention.ref("name")
    assert name_ref is not None and name_ref.cell == f"B{L.INTERVENTION.first_row + 4}"


def test_a_file_saved_by_openpyxl_reads_the_same(tmp_path, example_xlsx):
    copy = _edit(example_xlsx, tmp_path / "copy.xlsx", lambda wb: None)
    assert read_workbook(copy).to_records() == read_workbook(example_xlsx).to_records()


def test_read_grids_never_writes_to_the_input(tmp_path, example_xlsx):
    path = tmp_path / "in.xlsx"
    shutil.copy(example_xlsx, path)
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    read_grids(path)
    read_workbook(path)
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime


def test_builder_and_reader_share_the_layout(tmp_path):
    """A record written for every column of every sheet comes back under the same key."""
    records = ModelRecords(
        intervention={f.key: f"value of {f.key}" for f in L.INTERVENTION.fields if f.kind != "date"},
        elements={
            s.key: [{c.key: f"{s.prefix}1" if c.kind == "id" else f"{c.key} text" for c in s.columns}]
            for s in L.LIST_SHEETS
        },
    )
    model = read_workbook(build_workbook(tmp_path / "all.xlsx", records))
    assert model.to_records().normalised() == records.normalised()


def _minimal_grids():
    return {
        "Intervention": [["Intervention name", "Test"]],
        "Components": [[], [], ["ID", "Component"]],
        "Mechanisms": [[], [], ["ID", "Mechanism"]],
        "Outcomes": [[], [], ["ID", "Outcome statement"]],
        "Metadata": [["schema_version", "1"]],
    }


def test_a_renamed_list_sheet_reads_the_same_in_every_command(tmp_path, example_xlsx):
    """A sheet renamed by a partner ('Our assumptions') is found by its header row by the reader
    itself, so check, plan and report read it as share, diff and merge do: one note, nothing missing."""
    import json

    from lm_excel.exchange.diff import diff_files
    from lm_excel.measures.plan import make_plan

    from .conftest import run_cli

    wb = openpyxl.load_workbook(example_xlsx)
    wb["Assumptions"].title = "Our assumptions"
    renamed = tmp_path / "renamed.xlsx"
    wb.save(renamed)
    model, original = read_workbook(renamed), read_workbook(example_xlsx)
    assert [n.code for n in model.notes] == ["sheet-renamed"]
    assert (model.notes[0].sheet, model.notes[0].detail) == ("Our assumptions", "Assumptions")
    assert model.to_records().normalised() == original.to_records().normalised()
    assert model.assumptions[1].fields["assumption"].ref.sheet == "Our assumptions"
    assert make_plan(model).rows == make_plan(original).rows
    assert diff_files(example_xlsx, renamed).empty
    proc = run_cli("check", str(renamed), "--json")
    findings = json.loads(proc.stdout)["findings"]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert [(f["code"], f["severity"], f["sheet"]) for f in findings] == [("sheet-renamed", "info", "Our assumptions")]
    assert "read as the 'Assumptions' sheet" in findings[0]["message"]
    wb["Our assumptions"]["B5"] = "Schools share attendance data each term"
    wb.save(renamed)
    d = diff_files(example_xlsx, renamed)  # the same sheet: only the edited assumption differs
    assert [(r.sheet, r.id, r.change) for r in d.rows] == [("Assumptions", "A2", "changed")] and not d.outside
