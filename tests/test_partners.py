"""share, diff and merge through real files and the command line."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from lm_excel import layout as L
from lm_excel.workbook.builder import build_workbook, write_workbook_file
from lm_excel.example import example_records
from lm_excel.workbook.migrate import empty_table_grid
from lm_excel.workbook.parse import parse_table_rows
from lm_excel.exchange.diff import diff_files
from lm_excel.exchange.merge import merge_files
from lm_excel.exchange.share import share_file
from lm_excel.model import ModelRecords
from lm_excel.workbook.reader import read_workbook

from .conftest import run_cli
from .test_merge_properties import apply, check_three_way, edits

DATA = Path(__file__).parent / "data"


def edit(src: Path, dst: Path, **cells: str) -> Path:
    """Copy a workbook, setting cells given as Sheet__A1="value" (as a user would in Excel)."""
    wb = openpyxl.load_workbook(src)
    for ref, value in cells.items():
        sheet, cell = ref.split("__")
        wb[sheet.replace("_", " ")][cell] = value
    wb.save(dst)
    return dst


def log(path: Path) -> list[dict]:
    return parse_table_rows(read_workbook(path).extras[L.CHANGE_LOG.name], L.CHANGE_LOG)


def conflicts(path: Path) -> list[dict]:
    return parse_table_rows(read_workbook(path).extras[L.CONFLICTS.name], L.CONFLICTS)


@pytest.fixture()
def shared(tmp_path, example_xlsx):
    model = shutil.copy(example_xlsx, tmp_path / "model.xlsx")
    res = share_file(model, tmp_path / "copy.xlsx", sender="Sam Patel", to="Health visiting",
                     return_to="sam.patel@example.gov.uk", by="sam")
    return Path(model), res.path


# --- share ----------------------------------------------------------------------------------


def test_share_writes_a_macro_free_copy_with_everything(shared, tmp_path):
    _, copy_ = shared
    assert read_workbook(copy_).to_records().normalised() == example_records().normalised()
    with zipfile.ZipFile(copy_) as zf:
        assert not any("vba" in n.lower() for n in zf.namelist())
    wb = openpyxl.load_workbook(copy_)
    assert wb.sheetnames == list(L.SHEET_ORDER)
    note = wb[L.START.name][L.START_SHARE_CELL].value
    assert "Sam Patel" in note and "Health visiting" in note and "sam.patel@example.gov.uk" in note
    template = openpyxl.load_workbook(build_workbook(tmp_path / "t.xlsx", example_records()))
    for sheet in L.LIST_SHEETS:  # every dropdown and piece of guidance is there
        got = wb[sheet.name].data_validations.dataValidation
        want = template[sheet.name].data_validations.dataValidation
        assert [(d.sqref, d.formula1, d.prompt) for d in got] == [(d.sqref, d.formula1, d.prompt) for d in want]
    meta = read_workbook(copy_).meta
    assert meta["model_version"] == "1.0" and meta["shared_by"] == "Sam Patel"
    assert meta["return_to"] == "sam.patel@example.gov.uk"
    assert meta["shared_at"][:10] == dt.date.today().isoformat()
    assert meta["schema_version"] == str(L.SCHEMA_VERSION)
    [row] = log(copy_)
    assert row["who"] == "sam" and row["action"] == "share" and "Health visiting" in row["summary"]


def test_sharing_again_appends_to_the_change_log(shared, tmp_path):
    _, copy_ = shared
    again = share_file(copy_, tmp_path / "again.xlsx", to="Schools", by="alex").path
    rows = log(again)
    assert [r["who"] for r in rows] == ["sam", "alex"]
    assert rows[0] == log(copy_)[0]


def test_share_never_touches_the_model_and_refuses_to_overwrite(shared, tmp_path):
    model, copy_ = shared
    before = model.read_bytes()
    r = run_cli("share", str(model), "-o", str(copy_))
    assert r.returncode == 2 and "already exists" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("share", str(model), "-o", str(tmp_path / "copy.xlsm"))
    assert r.returncode == 2 and ".xlsx" in r.stderr
    assert model.read_bytes() == before


def test_share_in_place_keeps_a_backup(tmp_path, example_xlsx):
    model = shutil.copy(example_xlsx, tmp_path / "model.xlsx")
    before = Path(model).read_bytes()
    r = run_cli("share", str(model), "--in-place", "--to", "Police", "--by", "kim")
    assert r.returncode == 0, r.stderr
    backup = tmp_path / "model.bak.xlsx"
    assert backup.read_bytes() == before
    assert log(Path(model))[0]["who"] == "kim"


def test_two_in_place_shares_within_one_second_keep_both_log_rows(tmp_path, example_xlsx, monkeypatch):
    # Two runs in the same second write identical Change log rows: both are kept (they used
    # to be de-duplicated on reading, and the second share was refused as "lost rows").
    import lm_excel.exchange.share as share_mod

    monkeypatch.setattr(share_mod, "now_text", lambda: "2026-11-29 23:59:59")
    model = Path(shutil.copy(example_xlsx, tmp_path / "model.xlsx"))
    share_file(model, None, in_place=True, by="kim")
    share_file(model, None, in_place=True, by="kim")
    rows = [r for r in log(model) if r["action"] == "share"]
    assert len(rows) == 2 and rows[0] == rows[1]
    assert rows[0]["when"] == "2026-11-29 23:59:59"


def test_merge_keeps_a_partner_s_repeated_log_rows_once_each(shared, tmp_path, monkeypatch):
    # THEIRS has the shared row twice (two identical shares); MINE once: the merge adds one.
    import lm_excel.exchange.share as share_mod

    master, copy_ = shared
    monkeypatch.setattr(share_mod, "now_text", lambda: "2026-11-29 23:59:59")
    theirs = Path(shutil.copy(copy_, tmp_path / "theirs.xlsx"))
    share_file(theirs, None, in_place=True, by="kim")
    mine = Path(shutil.copy(theirs, tmp_path / "mine.xlsx"))
    share_file(theirs, None, in_place=True, by="kim")
    out = tmp_path / "merged.xlsx"
    merge_files(copy_, mine, theirs, out, by="lead")
    kim = [r for r in log(out) if r["who"] == "kim"]
    assert len(kim) == 2, kim


# --- diff -----------------------------------------------------------------------------------


def test_diff_reports_elements_fields_links_and_intervention(shared, tmp_path):
    _, copy_ = shared
    theirs = edit(copy_, tmp_path / "theirs.xlsx", Components__D4="Health visitor",
                  Mechanisms__C4="C1, C2", Intervention__B6="1.1", Components__A10="C7",
                  Components__B10="Drop-in clinic at the children's centre",
                  Negative_consequences__A4=None, Negative_consequences__B4=None,
                  Negative_consequences__C4=None, Negative_consequences__D4=None,
                  Negative_consequences__E4=None, Negative_consequences__F4=None,
                  Negative_consequences__G4=None, Negative_consequences__H4=None)
    d = diff_files(copy_, theirs)
    by = {(r.sheet, r.id): r for r in d.rows}
    assert by[("Components", "C7")].change == "added"
    assert by[("Negative consequences", "NC1")].change == "removed"
    [f] = by[("Components", "C1")].fields
    assert (f.header, f.old, f.new) == ("Delivered by", "Family support worker", "Health visitor")
    [link] = by[("Mechanisms", "M1")].fields
    assert link.link and link.links_added == ("C2",) and link.links_removed == ("C3",)
    assert [(f.field, f.old, f.new) for f in d.intervention] == [("version", "1.0", "1.1")]

    r = run_cli("diff", str(copy_), str(theirs))
    assert r.returncode == 1
    assert "Delivered by: \"Family support worker\" -> \"Health visitor\"" in r.stdout
    assert "+ C7" in r.stdout and "- NC1" in r.stdout and "[+C2 -C3]" in r.stdout
    j = json.loads(run_cli("diff", str(copy_), str(theirs), "--json").stdout)
    assert j["summary"]["elements_added"] == 1 and j["summary"]["elements_removed"] == 1
    assert j["summary"]["links_changed"] == 1 and j["intervention"][0]["new"] == "1.1"


def test_diff_works_across_layout_versions_and_xlsm(tmp_path):
    from .test_migrate import frozen_records

    current = build_workbook(tmp_path / "current.xlsx", frozen_records(1))  # same content, layout now
    xlsm = shutil.copy(current, tmp_path / "model.xlsm")
    r = run_cli("diff", str(DATA / "example-schema-1.xlsx"), str(xlsm))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "layout 1" in r.stdout and f"layout {L.SCHEMA_VERSION}" in r.stdout
    assert "No differences." in r.stdout


# --- merge ----------------------------------------------------------------------------------


def test_three_way_merge_through_the_cli(shared, tmp_path):
    _, base = shared
    mine = edit(base, tmp_path / "mine.xlsx", Components__F4="2 hours weekly",
                Outcomes__B5="Partners share concerns within a day")
    theirs = edit(base, tmp_path / "theirs.xlsx", Components__D4="Health visitor",
                  Outcomes__B5="Partners act on concerns sooner")
    before = {p: p.read_bytes() for p in (base, mine, theirs)}
    out = tmp_path / "merged.xlsx"
    r = run_cli("merge", str(base), str(mine), str(theirs), "-o", str(out), "--by", "lead")
    assert r.returncode == 0, r.stderr
    assert "CONFLICT Outcomes OC2 Outcome statement at Outcomes!B5" in r.stdout
    assert all(p.read_bytes() == b for p, b in before.items())
    model = read_workbook(out)
    c1 = model.components[0]
    assert (c1.text("dose"), c1.text("delivered_by")) == ("2 hours weekly", "Health visitor")
    assert model.outcomes[1].text("outcome") == "Partners share concerns within a day"
    [c] = conflicts(out)
    assert (c["sheet"], c["id"], c["field"], c["cell"]) == ("Outcomes", "OC2", "Outcome statement", "Outcomes!B5")
    assert (c["mine"], c["theirs"], c["kept"]) == ("Partners share concerns within a day",
                                                  "Partners act on concerns sooner",
                                                  "Partners share concerns within a day")
    assert c["base"].startswith("Improved coordination")
    ws = openpyxl.load_workbook(out)[L.CONFLICTS.name]
    assert ws.cell(L.HEADER_ROW + 1, 5).hyperlink.location == "Outcomes!B5"
    rows = log(out)
    assert [r_["action"] for r_ in rows] == ["share", "merge"] and rows[-1]["who"] == "lead"
    assert "1 conflict" in rows[-1]["summary"]


def test_two_way_merge_flags_every_difference(shared, tmp_path):
    _, base = shared
    mine = edit(base, tmp_path / "mine.xlsx", Components__F4="2 hours weekly")
    theirs = edit(base, tmp_path / "theirs.xlsx", Components__A10="C7", Components__B10="New in theirs")
    res = merge_files(None, mine, theirs, tmp_path / "union.xlsx", by="lead")
    got = {(c.sheet, c.id, c.field) for c in res.result.conflicts}
    assert got == {("Components", "C1", "Dose / frequency"), ("Components", "C7", "(whole row)")}
    model = read_workbook(res.path)
    assert [c.id for c in model.components][-1] == "C7"


def test_merge_in_place_keeps_a_backup_and_refuses_to_overwrite_otherwise(shared, tmp_path):
    _, base = shared
    mine = edit(base, tmp_path / "mine.xlsx", Components__F4="2 hours weekly")
    theirs = edit(base, tmp_path / "theirs.xlsx", Components__D4="Health visitor")
    r = run_cli("merge", str(base), str(mine), str(theirs), "-o", str(mine))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    before = mine.read_bytes()
    r = run_cli("merge", str(base), str(mine), str(theirs), "--in-place")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "mine.bak.xlsx").read_bytes() == before
    assert read_workbook(mine).components[0].text("delivered_by") == "Health visitor"


def test_a_cell_longer_than_excel_allows_survives_the_merge(shared, tmp_path):
    """LibreOffice allows cells over Excel's 32,767 characters: the merge writes the text whole
    (an inline string in the master's copy), nothing is cut or lost."""
    _, base = shared
    marked = edit(base, tmp_path / "marked.xlsx", Components__C4="LONGMARKER")
    theirs = tmp_path / "theirs.xlsx"
    with zipfile.ZipFile(marked) as src, zipfile.ZipFile(theirs, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, src.read(info).replace(b"LONGMARKER", b"x" * 40_000))
    assert len(read_workbook(theirs).components[0].text("description")) == 40_000
    r = run_cli("merge", str(base), str(base), str(theirs), "-o", str(tmp_path / "out.xlsx"))
    assert r.returncode == 0, r.stderr
    assert read_workbook(tmp_path / "out.xlsx").components[0].text("description") == "x" * 40_000


def plan_grid(rows: list[tuple[str, ...]]) -> list[tuple[object, ...]]:
    return [("Measures plan",), ("intro",), ("Outcome ID", "Outcome", "Measure", "Responsible", "Target"),
            *rows]


def test_plan_rows_are_compared_and_merged_by_outcome_and_measure(tmp_path):
    rec = example_records()
    base_rows = [("OC1", "Parents feel supported", "PSS", "", ""), ("OC2", "Fewer re-referrals", "CIN census", "", "")]

    def book(name: str, rows: list[tuple[str, ...]]) -> Path:
        path = tmp_path / name
        write_workbook_file(path, rec, extras={L.MEASURES_PLAN.name: plan_grid(rows)})
        return path

    base = book("base.xlsx", base_rows)
    mine = book("mine.xlsx", [("OC1", "Parents feel supported", "PSS", "Team manager", ""), base_rows[1]])
    theirs = book("theirs.xlsx", [("OC1", "Parents feel supported", "PSS", "Data team", "80%"), base_rows[1],
                                  ("OC3", "Staff confidence", "Survey", "", "")])
    d = diff_files(base, theirs)
    plan = {(r.id, r.change) for r in d.rows if r.sheet == L.MEASURES_PLAN.name}
    assert plan == {("OC1 / PSS", "changed"), ("OC3 / Survey", "added")}
    res = merge_files(base, mine, theirs, tmp_path / "out.xlsx", by="lead")
    [c] = res.result.conflicts
    assert (c.sheet, c.id, c.field, c.mine, c.theirs) == ("Measures plan", "OC1 / PSS", "Responsible",
                                                          "Team manager", "Data team")
    assert c.cell == "'Measures plan'!D4"
    grid = read_workbook(res.path).extras[L.MEASURES_PLAN.name]
    assert grid[3][:5] == ("OC1", "Parents feel supported", "PSS", "Team manager", "80%")
    assert grid[5][0] == "OC3"


def test_earlier_conflicts_and_log_rows_survive_a_later_merge(shared, tmp_path):
    _, base = shared
    mine = edit(base, tmp_path / "mine.xlsx", Outcomes__B5="Mine")
    theirs = edit(base, tmp_path / "theirs.xlsx", Outcomes__B5="Theirs")
    first = merge_files(base, mine, theirs, tmp_path / "first.xlsx", by="lead").path
    other = edit(first, tmp_path / "other.xlsx", Components__D4="Health visitor")
    second = merge_files(first, first, other, tmp_path / "second.xlsx", by="lead").path
    assert conflicts(first)[0] in conflicts(second)
    assert [r["action"] for r in log(second)] == ["share", "merge", "merge"]


def by_key(rec: ModelRecords) -> tuple[object, dict[str, dict[str, object]]]:
    from lm_excel.exchange.snapshot import Snapshot

    norm = rec.normalised()
    snap = Snapshot(norm)
    return norm.intervention, {s.key: snap.keyed(s) for s in L.LIST_SHEETS}


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                HealthCheck.too_slow])
@given(edits("mine"), edits("theirs"))
def test_merge_through_files_matches_the_in_memory_merge(tmp_path_factory, mine_edits, theirs_edits):
    check_three_way(mine_edits, theirs_edits)
    folder = tmp_path_factory.mktemp("files")
    base = build_workbook(folder / "base.xlsx", copy.deepcopy(example_records()))
    mine = build_workbook(folder / "mine.xlsx", apply(mine_edits))
    theirs = build_workbook(folder / "theirs.xlsx", apply(theirs_edits))
    res = merge_files(base, mine, theirs, folder / "out.xlsx", by="t")
    # The same elements and values; rows MINE's file did not have are written below its table,
    # so the order within a sheet may differ from the in-memory merge's.
    assert by_key(read_workbook(res.path).to_records()) == by_key(res.result.records)
    assert len(conflicts(res.path)) == len(res.result.conflicts)


def test_empty_change_log_grid_round_trips():
    rows = parse_table_rows(empty_table_grid(L.CHANGE_LOG), L.CHANGE_LOG)
    assert rows == []


def test_a_conflict_row_deleted_after_resolving_does_not_come_back(shared, tmp_path):
    _, base = shared
    mine = edit(base, tmp_path / "mine.xlsx", Outcomes__B5="Mine")
    theirs = edit(base, tmp_path / "theirs.xlsx", Outcomes__B5="Theirs")
    first = merge_files(base, mine, theirs, tmp_path / "first.xlsx", by="lead").path
    sent = share_file(first, tmp_path / "sent.xlsx", to="Schools", by="lead").path
    assert len(conflicts(sent)) == 1
    wb = openpyxl.load_workbook(sent)
    wb[L.CONFLICTS.name].delete_rows(L.HEADER_ROW + 1)  # resolved: the LA deletes the row
    wb.save(tmp_path / "resolved.xlsx")
    back = edit(sent, tmp_path / "back.xlsx", Components__D4="Health visitor")
    out = merge_files(sent, tmp_path / "resolved.xlsx", back, tmp_path / "out.xlsx", by="lead").path
    assert conflicts(out) == []
    assert read_workbook(out).components[0].text("delivered_by") == "Health visitor"


def test_plan_rows_keyed_by_ref_and_measure():
    from lm_excel.exchange.snapshot import grid_table

    t = grid_table([("Measures plan",), ("intro",), ("Ref", "Type", "Statement", "Measure", "Target"),
                    ("OC1", "Outcome", "x", "SDQ", ""), ("OC1", "Outcome", "x", "PSI", "10%")])
    assert t.keyed_by == ("Ref", "Measure")
    assert list(t.rows) == ["OC1 / SDQ", "OC1 / PSI"]


def test_merge_into_an_xlsm_keeps_every_part_of_mine_byte_for_byte(shared, tmp_path):
    """MINE's macros, sensitivity label and other programs' parts are copied, not rebuilt; only
    the sheets holding a merged cell change, and within them only the merged rows."""
    _, base = shared
    mine = tmp_path / "master.xlsm"
    extra = {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 not really VBA, kept as bytes",
             "docMetadata/LabelInfo.xml": b'<?xml version="1.0"?><clbl:labelList xmlns:clbl='
                                          b'"http://schemas.microsoft.com/office/2020/mipLabelMetadata">'
                                          b'<clbl:label id="{1}" enabled="1" method="Standard"/></clbl:labelList>',
             "customXml/item9.xml": b"<partner-tool-data>keep me</partner-tool-data>"}
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(mine, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        for name, data in extra.items():
            out.writestr(name, data)
    theirs = edit(base, tmp_path / "theirs.xlsx", Outcomes__B5="Partners act on concerns sooner")
    res = merge_files(base, mine, theirs, tmp_path / "merged.xlsm")
    with zipfile.ZipFile(mine) as a, zipfile.ZipFile(res.path) as b:
        before = {n: a.read(n) for n in a.namelist()}
        after = {n: b.read(n) for n in b.namelist()}
    assert list(after) == list(before)
    changed = sorted(n for n in before if before[n] != after[n])
    from lm_excel.workbook.xlsx_scan import sheet_parts

    with zipfile.ZipFile(mine) as zf:
        parts = sheet_parts(zf)
    assert changed == sorted({parts["Outcomes"], parts[L.CHANGE_LOG.name]}), changed
    assert read_workbook(res.path).outcomes[1].text("outcome") == "Partners act on concerns sooner"
    # within the changed sheet, rows other than the merged one are kept as they were
    import re

    rows = lambda data: re.findall(rb"<row [^>]*>.*?</row>", data, re.S)  # noqa: E731
    old, new = rows(before[parts["Outcomes"]]), rows(after[parts["Outcomes"]])
    assert len(old) == len(new) and sum(x != y for x, y in zip(old, new)) == 1
