"""The merge on explicit examples: each side's change against the other's deletion, identical
additions, two-way merges where one side is empty, and the counts and row order the summary
reports (issue 19). The property tests in test_merge_properties.py cover random edits."""

from __future__ import annotations

import copy

from lm_excel import layout as L
from lm_excel.example import example_records
from lm_excel.exchange.merge import merge_snapshots
from lm_excel.exchange.snapshot import WHOLE_ROW, Snapshot
from lm_excel.model import ModelRecords

BASE = example_records()


def edited(*edits) -> ModelRecords:
    rec = copy.deepcopy(BASE)
    for edit in edits:
        edit(rec)
    return rec


def set_field(sheet: str, id_: str, field: str, value: object):
    def edit(rec: ModelRecords) -> None:
        next(r for r in rec.elements[sheet] if r["id"] == id_)[field] = value
    return edit


def delete(sheet: str, id_: str):
    return lambda rec: rec.elements[sheet].remove(next(r for r in rec.elements[sheet] if r["id"] == id_))


def add(sheet: str, **values: object):
    return lambda rec: rec.elements[sheet].append(dict(values))


def merge(mine: ModelRecords, theirs: ModelRecords, base: ModelRecords | None = BASE):
    return merge_snapshots(None if base is None else Snapshot(base), Snapshot(mine), Snapshot(theirs))


def ids(result, sheet: str = "components") -> list[str]:
    return [r["id"] for r in result.records.elements[sheet]]


def comp(result, id_: str) -> dict[str, object]:
    return next(r for r in result.records.elements["components"] if r["id"] == id_)


def conflicts(result) -> list[tuple[str, str, str, str]]:
    return [(c.sheet, c.id, c.field, c.what) for c in result.conflicts]


BASE_IDS = [r["id"] for r in BASE.elements["components"]]
NEW_DOSE = "Weekly visit for 3 months"


# --- a change against a deletion, both ways ------------------------------------------------------

def test_mine_changed_theirs_deleted_keeps_mines_row_and_lists_the_conflict():
    result = merge(edited(set_field("components", "C3", "dose", NEW_DOSE)), edited(delete("components", "C3")))
    assert ids(result) == BASE_IDS
    assert comp(result, "C3")["dose"] == NEW_DOSE
    assert conflicts(result) == [("Components", "C3", WHOLE_ROW, "changed in MINE, deleted in THEIRS")]
    c = result.conflicts[0]
    assert c.theirs == "(deleted)" and NEW_DOSE in c.mine and NEW_DOSE in c.kept and NEW_DOSE not in c.base
    assert result.removed == [] and result.added == [] and result.applied == 0


def test_theirs_changed_mine_deleted_brings_theirs_row_back_in_its_place():
    result = merge(edited(delete("components", "C3")), edited(set_field("components", "C3", "dose", NEW_DOSE)))
    assert ids(result) == BASE_IDS  # back between C2 and C4, where THEIRS has it
    assert comp(result, "C3")["dose"] == NEW_DOSE
    assert conflicts(result) == [("Components", "C3", WHOLE_ROW, "deleted in MINE, changed in THEIRS")]
    c = result.conflicts[0]
    assert c.mine == "(deleted)" and NEW_DOSE in c.theirs and NEW_DOSE in c.kept
    assert result.removed == [] and result.added == [] and result.applied == 0


def test_a_deletion_of_an_unchanged_row_is_applied_from_either_side():
    for mine, theirs, by in ((edited(delete("components", "C3")), edited(), "MINE"),
                             (edited(), edited(delete("components", "C3")), "THEIRS"),
                             (edited(delete("components", "C3")), edited(delete("components", "C3")),
                              "MINE and THEIRS")):
        result = merge(mine, theirs)
        assert ids(result) == [i for i in BASE_IDS if i != "C3"], by
        assert result.removed == [("Components", "C3", by)] and result.conflicts == [] and result.applied == 0


def test_a_change_elsewhere_in_the_row_does_not_save_it_from_the_other_sides_deletion_of_another():
    # THEIRS deletes C3; MINE changes C4: both apply, nothing conflicts.
    result = merge(edited(set_field("components", "C4", "dose", NEW_DOSE)), edited(delete("components", "C3")))
    assert ids(result) == [i for i in BASE_IDS if i != "C3"]
    assert comp(result, "C4")["dose"] == NEW_DOSE
    assert result.conflicts == [] and result.removed == [("Components", "C3", "THEIRS")] and result.applied == 1


# --- additions -----------------------------------------------------------------------------------

HELPLINE = {"id": "C7", "component": "Evening helpline for parents", "dose": "Open until 10pm"}


def test_an_identical_element_added_on_both_sides_is_added_once():
    result = merge(edited(add("components", **HELPLINE)), edited(add("components", **HELPLINE)))
    assert ids(result) == [*BASE_IDS, "C7"]
    assert result.renumbered == [] and result.conflicts == []
    assert result.added == [("Components", "C7", "MINE and THEIRS")] and result.applied == 0


def test_the_same_element_added_on_both_sides_with_another_dose_is_one_row_and_one_conflict():
    result = merge(edited(add("components", **HELPLINE)),
                   edited(add("components", **{**HELPLINE, "dose": "Open until midnight"})))
    assert ids(result) == [*BASE_IDS, "C7"] and result.renumbered == []
    assert comp(result, "C7")["dose"] == "Open until 10pm"
    assert conflicts(result) == [("Components", "C7", "Dose / frequency",
                                  "added on both sides with different values")]


def test_different_elements_under_one_id_are_both_kept_theirs_renumbered():
    result = merge(edited(add("components", **HELPLINE)),
                   edited(add("components", id="C7", component="Weekend drop-in sessions")))
    assert result.renumbered == [("Components", "C7", "C8")]
    # THEIRS' row follows its predecessor in THEIRS (C6), so it comes before MINE's addition
    assert ids(result) == [*BASE_IDS, "C8", "C7"]
    assert comp(result, "C8")["component"] == "Weekend drop-in sessions"
    assert sorted(result.added) == [("Components", "C7", "MINE"), ("Components", "C8", "THEIRS")]
    assert result.conflicts == []


def test_theirs_new_row_follows_its_predecessor_in_theirs_order():
    def insert_after_c2(rec: ModelRecords) -> None:
        rec.elements["components"].insert(2, {"id": "C9", "component": "Weekend drop-in sessions"})
    result = merge(edited(add("components", **HELPLINE)), edited(insert_after_c2))
    assert ids(result) == ["C1", "C2", "C9", "C3", "C4", "C5", "C6", "C7"]
    assert sorted(result.added) == [("Components", "C7", "MINE"), ("Components", "C9", "THEIRS")]


def test_a_new_first_row_of_theirs_stays_first():
    def insert_first(rec: ModelRecords) -> None:
        rec.elements["components"].insert(0, {"id": "C9", "component": "Weekend drop-in sessions"})
    result = merge(edited(), edited(insert_first))
    assert ids(result) == ["C9", *BASE_IDS]


# --- counts --------------------------------------------------------------------------------------

def test_counts_of_applied_added_and_removed_changes_match_the_summary():
    mine = edited(set_field("components", "C1", "dose", NEW_DOSE), set_field("outcomes", "OC2", "priority", "Primary"),
                  add("components", **HELPLINE), delete("inputs", "IN2"))
    theirs = edited(set_field("components", "C2", "delivery_mode", "Online"), delete("outputs", "OP3"),
                    delete("outputs", "OP4"), lambda r: r.intervention.update(title="A new title"))
    result = merge(mine, theirs)
    assert result.applied == 4 and result.conflicts == []
    assert result.added == [("Components", "C7", "MINE")]
    assert sorted(result.removed) == [("Inputs", "IN2", "MINE"), ("Outputs", "OP3", "THEIRS"),
                                      ("Outputs", "OP4", "THEIRS")]
    assert result.records.intervention["title"] == "A new title"
    assert ("4 one-sided field change(s) applied; 1 element(s)/row(s) added; 3 removed; 0 conflict(s)"
            in result.summary())
    assert len(result.records.elements["outputs"]) == len(BASE.elements["outputs"]) - 2


def test_the_same_change_on_both_sides_is_neither_applied_twice_nor_a_conflict():
    change = set_field("components", "C1", "dose", NEW_DOSE)
    result = merge(edited(change), edited(change))
    assert comp(result, "C1")["dose"] == NEW_DOSE
    assert result.applied == 0 and result.conflicts == [] and result.removed == [] and result.added == []


# --- two-way merges (no base) --------------------------------------------------------------------

def test_two_way_only_theirs_has_a_value_fills_the_cell_and_says_so():
    result = merge(edited(set_field("components", "C3", "dose", "")), edited(), base=None)
    assert comp(result, "C3")["dose"] == next(r for r in BASE.elements["components"] if r["id"] == "C3")["dose"]
    assert conflicts(result) == [("Components", "C3", "Dose / frequency", "only THEIRS has a value")]


def test_two_way_only_mine_has_a_value_keeps_it_and_says_so():
    result = merge(edited(), edited(set_field("components", "C3", "dose", "")), base=None)
    assert comp(result, "C3")["dose"] == next(r for r in BASE.elements["components"] if r["id"] == "C3")["dose"]
    assert conflicts(result) == [("Components", "C3", "Dose / frequency", "only MINE has a value")]


def test_two_way_differences_keep_mine_and_list_both():
    result = merge(edited(set_field("components", "C3", "dose", "Mine's dose")),
                   edited(set_field("components", "C3", "dose", "Their dose")), base=None)
    assert comp(result, "C3")["dose"] == "Mine's dose"
    (c,) = result.conflicts
    assert (c.kept, c.mine, c.theirs, c.base) == ("Mine's dose", "Mine's dose", "Their dose", None)


def test_two_way_rows_on_one_side_only_are_kept_and_listed():
    result = merge(edited(add("components", **HELPLINE)), edited(delete("components", "C3")), base=None)
    assert ids(result) == BASE_IDS + ["C7"]
    assert sorted(conflicts(result)) == [
        ("Components", "C3", WHOLE_ROW, "only in MINE (no base: added in MINE or deleted in THEIRS?)"),
        ("Components", "C7", WHOLE_ROW, "only in MINE (no base: added in MINE or deleted in THEIRS?)"),
    ]
    assert result.removed == [] and not result.three_way


def test_rows_repeating_an_id_are_each_kept_under_a_numbered_key():
    from lm_excel.exchange.snapshot import keyed_elements

    rows = [{"id": "C3", "component": f"Copy {i}"} for i in range(1, 4)] + [{"component": "No ID"}, {}]
    keyed = keyed_elements(L.LIST_SHEET_BY_KEY["components"], rows)
    assert list(keyed) == ["C3", "C3 #2", "C3 #3", "(no ID) No ID"]
    assert [r["component"] for r in keyed.values()] == ["Copy 1", "Copy 2", "Copy 3", "No ID"]


def test_an_intervention_conflict_points_at_the_cell_that_holds_the_field():
    from .modelkit import grids_from_records

    result = merge(edited(lambda r: r.intervention.update(name="Mine's name")),
                   edited(lambda r: r.intervention.update(name="Their name")))
    (c,) = result.conflicts
    grid = grids_from_records(result.records)[L.INTERVENTION.name]
    row_ = next(i for i, r in enumerate(grid, 1) if len(r) > 1 and r[1] == "Mine's name")
    assert (c.sheet, c.cell) == (L.INTERVENTION.name, f"Intervention!B{row_}")


def test_plan_rows_repeating_a_key_are_each_kept_under_a_numbered_key():
    from lm_excel.exchange.snapshot import grid_table

    grid = [["Measures plan"], ["Intro"], ["Outcome ID", "Measure", "Baseline"]]
    grid += [["OC4", "pss", f"Baseline {i}"] for i in range(1, 4)] + [["OC5", "psi4", "At referral"]]
    table = grid_table(grid)
    assert list(table.rows) == ["OC4 / pss", "OC4 / pss #2", "OC4 / pss #3", "OC5 / psi4"]
    assert [r["Baseline"] for r in table.rows.values()] == ["Baseline 1", "Baseline 2", "Baseline 3", "At referral"]
