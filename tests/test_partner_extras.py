"""What a partner does outside the model's values (cell formats, comments, a sheet of their own)
is carried into the merged workbook where that is safe, and listed on the Conflicts sheet where
it is not (the LibreOffice round trip is in test_partners_office.py)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from lm_excel.exchange.diff import diff_files
from lm_excel.exchange.merge import merge_files
from lm_excel.exchange.share import share_file
from lm_excel.exchange.snapshot import read_snapshot
from lm_excel.model import a1
from lm_excel.workbook.reader import read_workbook


@pytest.fixture()
def shared(tmp_path, example_xlsx):
    model = Path(shutil.copy(example_xlsx, tmp_path / "model.xlsx"))
    return share_file(model, tmp_path / "copy.xlsx", sender="Sam", to="Health", by="sam").path


def cell_of(path: Path, sheet_key: str, key: str, field: str) -> tuple[str, str]:
    """(sheet, A1) of a model value in a file."""
    sheet, row, col = read_snapshot(path).view.cells()[(sheet_key, key, field)]
    return sheet, a1(row, col)


def edited(src: Path, dst: Path, fn) -> Path:
    wb = openpyxl.load_workbook(src)
    fn(wb)
    wb.save(dst)
    return dst


def test_formats_comments_and_an_own_sheet_are_carried(shared, tmp_path):
    s1, oc1 = cell_of(shared, "outcomes", "OC1", "outcome")
    _, oc2 = cell_of(shared, "outcomes", "OC2", "outcome")
    _, oc3 = cell_of(shared, "outcomes", "OC3", "outcome")
    _, c1 = cell_of(shared, "components", "C1", "component")

    def partner(wb):
        wb[s1][oc1].font = Font(name="Arial", size=10, bold=True, color="FFC00000")
        wb[s1][oc1].fill = PatternFill("solid", fgColor="FFFFF2CC")
        wb[s1][oc2].comment = Comment("Who measures this?", "Health")
        ws = wb.create_sheet("Partner data")
        ws["A1"], ws["B1"], ws["A2"], ws["B2"] = "Visits", 42, "Since", dt.date(2026, 4, 1)
        ws["A1"].font = Font(bold=True)
        ws["B1"].number_format = "0.00"
        ws["B1"].comment = Comment("from our records", "Health")

    def la(wb):  # the LA comments a cell of its own (MINE then has comment parts to add to)
        wb["Components"][c1].comment = Comment("Check with finance", "Sam")
        wb[s1][oc3].comment = Comment("Ours: keep", "Sam")  # THEIRS' comment joins this sheet's comments
        wb[s1][oc2].value = "Parents feel supported sooner"

    theirs = edited(shared, tmp_path / "theirs.xlsx", partner)
    mine = edited(shared, tmp_path / "mine.xlsx", la)
    res = merge_files(shared, mine, theirs, tmp_path / "merged.xlsx", by="sam")
    assert res.result.conflicts == [] and len(res.carried) == 4, res.carried
    assert not [c for c in res.conflicts if c.sheet in (s1, "Partner data")], res.conflicts
    out = openpyxl.load_workbook(res.path)
    styled = out[s1][oc1]
    assert styled.font.b and styled.font.color.rgb.endswith("C00000") and styled.fill.fgColor.rgb.endswith("FFF2CC")
    assert out[s1][oc2].comment.text == "Who measures this?"
    assert out[s1][oc2].value == "Parents feel supported sooner"  # MINE's edit, under THEIRS' comment
    assert out["Components"][c1].comment.text == "Check with finance"  # MINE's own, kept
    assert out[s1][oc3].comment.text == "Ours: keep"
    own = out["Partner data"]
    assert [own["A1"].value, own["B1"].value, own["A2"].value] == ["Visits", 42, "Since"]
    assert str(own["B2"].value).startswith("2026-04-01")
    assert own["A1"].font.b and own["B1"].number_format == "0.00"
    assert own["B1"].comment.text == "from our records"
    # the other cells of MINE keep their look
    assert not out[s1][oc2].font.b
    # the written copy reads back with nothing new to report against THEIRS but MINE's edits
    d = diff_files(theirs, res.path)
    assert not [o for o in d.outside if "formatting" in o.what or o.sheet == "Partner data"], d.text()


def test_a_format_is_listed_not_carried_when_mine_changed_it_too_or_the_value_conflicts(shared, tmp_path):
    s1, oc1 = cell_of(shared, "outcomes", "OC1", "outcome")
    _, oc2 = cell_of(shared, "outcomes", "OC2", "outcome")

    def partner(wb):
        wb[s1][oc1].font = Font(name="Arial", size=10, bold=True)
        wb[s1][oc2].font = Font(name="Arial", size=10, italic=True)
        wb[s1][oc2].value = "Theirs"

    def la(wb):
        wb[s1][oc1].fill = PatternFill("solid", fgColor="FFDDEEFF")
        wb[s1][oc2].value = "Mine"

    theirs = edited(shared, tmp_path / "theirs.xlsx", partner)
    mine = edited(shared, tmp_path / "mine.xlsx", la)
    res = merge_files(shared, mine, theirs, tmp_path / "merged.xlsx", by="sam")
    notes = {c.field: c.what for c in res.conflicts if "formatting" in c.what}
    assert "MINE changed its format too" in notes[oc1]
    assert "its value is in conflict" in notes[oc2]
    out = openpyxl.load_workbook(res.path)
    assert not out[s1][oc1].font.b and out[s1][oc1].fill.fgColor.rgb.endswith("DDEEFF")  # MINE's look
    assert not out[s1][oc2].font.i and out[s1][oc2].value == "Mine"
    assert res.carried == []


def test_a_comment_or_sheet_mine_already_has_is_listed_not_carried(shared, tmp_path):
    s1, oc1 = cell_of(shared, "outcomes", "OC1", "outcome")

    def partner(wb):
        wb[s1][oc1].comment = Comment("Theirs", "Health")
        wb.create_sheet("Notes")["A1"] = "their notes"

    def la(wb):
        wb[s1][oc1].comment = Comment("Mine", "Sam")
        wb.create_sheet("Notes")["A1"] = "our notes"

    theirs = edited(shared, tmp_path / "theirs.xlsx", partner)
    mine = edited(shared, tmp_path / "mine.xlsx", la)
    res = merge_files(shared, mine, theirs, tmp_path / "merged.xlsx", by="sam")
    whats = {(c.sheet, c.what.split(";")[0]): c for c in res.conflicts}
    assert "MINE has its own comment there" in whats[(s1, "comment added in THEIRS")].what
    assert whats[(s1, "comment added in THEIRS")].theirs == "Theirs"
    assert "MINE has a sheet of that name" in whats[("Notes", "sheet outside the model added in THEIRS (1 cells with a value)")].what
    out = openpyxl.load_workbook(res.path)
    assert out[s1][oc1].comment.text == "Mine" and out["Notes"]["A1"].value == "our notes"
    assert res.carried == []


def test_diff_lists_a_changed_format_and_an_openpyxl_save_is_no_change(shared, tmp_path):
    s1, oc1 = cell_of(shared, "outcomes", "OC1", "outcome")
    resaved = edited(shared, tmp_path / "resaved.xlsx", lambda wb: None)
    assert diff_files(shared, resaved).empty
    theirs = edited(shared, tmp_path / "theirs.xlsx",
                    lambda wb: setattr(wb[s1][oc1], "number_format", "0.0%"))
    d = diff_files(shared, theirs)
    assert [(o.sheet, o.where, o.what) for o in d.outside] == [(s1, oc1, "formatting changed in the second copy")]
    assert "number format 0.0%" in d.outside[0].new and "number format" not in d.outside[0].old
    assert read_workbook(theirs).outcomes[0].text("outcome")  # values untouched


def test_a_conflict_names_the_cell_it_was_written_to_in_the_report_and_on_the_sheet(shared, tmp_path):
    """Without a base, a partner's own column is a conflict; the merge's report and its Conflicts
    sheet name the same cell, the one the value was written to in MINE's copy."""
    sheet, c1 = cell_of(shared, "components", "C1", "component")
    row = int(c1[1:])

    def partner(wb):
        ws = wb[sheet]
        col = ws.max_column + 1
        ws.cell(3, col).value, ws.cell(row, col).value = "Partner notes", "Ask the school nurse"

    theirs = edited(shared, tmp_path / "theirs.xlsx", partner)
    res = merge_files(None, shared, theirs, tmp_path / "merged.xlsx", by="sam")
    reported = [c for c in res.result.conflicts if c.field == "+Partner notes"]
    listed = [c for c in res.conflicts if c.field == "+Partner notes"]
    assert len(reported) == 1 and reported == listed, (reported, listed)
    cell = reported[0].cell.rsplit("!", 1)[1]
    assert openpyxl.load_workbook(res.path)[sheet][cell].value == "Ask the school nurse"
