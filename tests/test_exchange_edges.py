"""Edges of diff, merge and their structure checks that mutation testing found unprotected (see
docs/testing.md). Everything is built in memory, so each mutant's run stays fast."""

from __future__ import annotations

import copy
from pathlib import Path

from lm_excel import layout as L
from lm_excel.example import example_records
from lm_excel.exchange.diff import diff_snapshots
from lm_excel.exchange.fileview import FileView
from lm_excel.exchange.snapshot import Snapshot, grid_table
from lm_excel.exchange.structure import outside_model, structure_gaps

PLAN = L.MEASURES_PLAN.name
PLAN_HEADER = ("Ref", "Type", "Statement", "Measure", "Target")


def _plan(*rows: tuple[str, ...]) -> list[tuple[object, ...]]:
    return [(PLAN,), ("intro",), PLAN_HEADER, *rows]


def test_diff_counts_model_rows_and_plan_rows_apart():
    base, theirs = example_records(), example_records()
    theirs.elements["outcomes"].append({"id": "OC12", "outcome": "Fewer children go missing from school"})
    theirs.elements["negatives"].pop(0)
    theirs.elements["components"][0]["delivered_by"] = "Health visitor"
    row = ("OC1", "Outcome", "x", "SDQ", "")
    d = diff_snapshots(Snapshot(base, {PLAN: _plan(row)}),
                       Snapshot(theirs, {PLAN: _plan(row, ("OC12", "Outcome", "y", "Records", "5%"))}))
    assert d.counts() == {
        "intervention_fields_changed": 0, "elements_added": 1, "elements_removed": 1,
        "elements_changed": 1, "links_changed": 0,
        "plan_rows_added": 1, "plan_rows_removed": 0, "plan_rows_changed": 0,
    }


def test_a_missing_sheet_and_a_missing_column_are_told_apart():
    mine = Snapshot(copy.deepcopy(example_records()), missing=frozenset({("outcomes", ""), ("components", "dose")}))
    gaps = structure_gaps(mine, "MINE", [None, Snapshot(example_records())])
    assert [(g.sheet, g.where, g.what.split(" (")[0]) for g in gaps] == [
        ("Components", L.COMPONENTS.column("dose").header, "column or field not found in MINE"),
        ("Outcomes", "(whole sheet)", "sheet not found in MINE"),
    ]


def test_a_plan_table_below_a_blank_row_keeps_its_header_out_of_the_rows():
    t = grid_table([(PLAN,), ("intro",), (), PLAN_HEADER, ("OC1", "Outcome", "x", "SDQ", "")])
    assert t.header == list(PLAN_HEADER)
    assert list(t.rows) == ["OC1 / SDQ"]


def test_a_date_written_the_other_way_round_is_a_change():
    # a date is compared as text, not as a list of IDs ('01/02/2026' is not '02/01/2026')
    base, theirs = example_records(), example_records()
    base.intervention["date"], theirs.intervention["date"] = "01/02/2026", "02/01/2026"
    d = diff_snapshots(Snapshot(base), Snapshot(theirs))
    assert [(f.field, f.old, f.new) for f in d.intervention] == [("date", "01/02/2026", "02/01/2026")]


def _view(comments: dict[tuple[str, str], str], own: dict[str, str] | None = None) -> FileView:
    own = own or {}
    return FileView(Path("model.xlsx"), [], {}, {}, {}, {}, {n: 1 for n in own}, own, comments)


def test_comments_added_changed_removed_and_unchanged():
    base = Snapshot(example_records())
    old = Snapshot(base.records, view=_view({("Outcomes", "B5"): "Check this", ("Outcomes", "B6"): "Same",
                                             ("Outcomes", "B7"): "Gone"}))
    new = Snapshot(base.records, view=_view({("Outcomes", "B5"): "Checked", ("Outcomes", "B6"): "Same",
                                             ("Components", "C4"): "New"}))
    got = [(o.sheet, o.where, o.what) for o in outside_model(old, new, "THEIRS")]
    assert got == [("Components", "C4", "comment added in THEIRS"), ("Outcomes", "B5", "comment changed in THEIRS"),
                   ("Outcomes", "B7", "comment removed in THEIRS")]


def test_own_sheets_added_changed_removed_and_unchanged():
    base = Snapshot(example_records())
    old = Snapshot(base.records, view=_view({}, {"Notes": "a", "Budget": "same", "Old": "x"}))
    new = Snapshot(base.records, view=_view({}, {"Notes": "b", "Budget": "same", "Contacts": "y"}))
    got = [(o.sheet, o.what.split(" (")[0]) for o in outside_model(old, new, "THEIRS")]
    assert got == [("Notes", "sheet outside the model changed in THEIRS"),
                   ("Contacts", "sheet outside the model added in THEIRS"),
                   ("Old", "sheet outside the model removed in THEIRS")]


def test_the_design_text_edited_below_the_plan_is_reported_and_an_unedited_one_is_not():
    def snap(line: str) -> Snapshot:
        grid = _plan(("OC1", "Outcome", "x", "SDQ", ""), (), (L.PLAN_DESIGN_MARKER,), ("1.", line))
        return Snapshot(example_records(), {PLAN: grid}, view=_view({}))

    old, same, new = snap("Pilot now"), snap("Pilot now"), snap("Pilot now, then a matched comparison")
    assert outside_model(old, same, "THEIRS") == []
    (o,) = outside_model(old, new, "THEIRS")
    assert (o.sheet, o.where, o.what) == (PLAN, "Recommended design", "evaluation-design text edited in THEIRS")
    assert (o.old, o.new) == (f"{L.PLAN_DESIGN_MARKER}\n1. Pilot now",
                              f"{L.PLAN_DESIGN_MARKER}\n1. Pilot now, then a matched comparison")


def test_diff_says_a_deleted_column_or_sheet_once_and_lists_none_of_its_values_as_emptied():
    theirs = copy.deepcopy(example_records())
    for row in theirs.elements["components"]:
        row.pop("dose", None)
    theirs.elements["components"][0]["delivered_by"] = "Health visitor"  # a real change beside it
    theirs.elements["negatives"] = []
    d = diff_snapshots(Snapshot(example_records()),
                       Snapshot(theirs, missing=frozenset({("components", "dose"), ("negatives", "")})))
    changed = [(r.sheet, r.id, r.change, [f.field for f in r.fields]) for r in d.rows]
    assert changed == [(L.COMPONENTS.name, example_records().elements["components"][0]["id"], "changed",
                        ["delivered_by"])]
    assert sorted((o.sheet, o.where) for o in d.outside) == [
        (L.COMPONENTS.name, L.COMPONENTS.column("dose").header), ("Negative consequences", "(whole sheet)")]


def test_a_missing_intervention_field_is_filled_from_the_other_copy():
    from lm_excel.exchange.structure import without_structure_gaps

    mine = copy.deepcopy(example_records())
    del mine.intervention["date"]
    filled = without_structure_gaps(Snapshot(mine, missing=frozenset({("intervention", "date")})),
                                    Snapshot(example_records()))
    assert filled.records.intervention["date"] == example_records().intervention["date"]


def test_the_plan_header_is_looked_for_from_the_template_s_header_row_down():
    # a note typed beside the intro (row 2) is not taken for the header
    t = grid_table([(PLAN,), ("intro", "a note"), PLAN_HEADER, ("OC1", "Outcome", "x", "SDQ", "")])
    assert t.header == list(PLAN_HEADER)
    assert list(t.rows) == ["OC1 / SDQ"]
