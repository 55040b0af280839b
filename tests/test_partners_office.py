"""A shared copy survives another spreadsheet program: edited in LibreOffice through UNO, merged back."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from lm_excel import layout as L
from lm_excel.workbook.parse import parse_table_rows
from lm_excel.exchange.diff import diff_files
from lm_excel.exchange.merge import merge_files
from lm_excel.exchange.share import share_file
from lm_excel.workbook.reader import read_workbook

from .conftest import soffice_convert

pytestmark = pytest.mark.office
SYSTEM_PYTHON = "/usr/bin/python3"
UNO_EDIT = Path(__file__).with_name("uno_edit.py")


def libreoffice_edit(src: Path, dst: Path, profile: Path, *edits: str) -> Path:
    """Open ``src`` in headless LibreOffice, set cells ('Sheet!A1=text'), save as .xlsx ``dst``."""
    python = SYSTEM_PYTHON if Path(SYSTEM_PYTHON).exists() else shutil.which("python3")
    proc = subprocess.run([python, str(UNO_EDIT), str(src), str(dst), str(profile), *edits],
                          check=False, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0 and dst.exists(), proc.stderr
    return dst


def test_share_edit_in_libreoffice_and_merge_back(tmp_path, example_xlsx):
    model = Path(shutil.copy(example_xlsx, tmp_path / "model.xlsx"))
    sent = share_file(model, tmp_path / "sent.xlsx", sender="Sam", to="Health", by="sam").path
    # The partner edits the copy in LibreOffice: a changed cell and a new component.
    theirs = libreoffice_edit(sent, tmp_path / "back from health.xlsx", tmp_path / "lo-profile",
                              "Components!D5=Health visitor and coordinator",
                              "Components!A10=C7", "Components!B10=Joint home visit with health visitor",
                              "Components!H10=IN1")
    # Meanwhile the LA edits its own copy of what it sent.
    wb = openpyxl.load_workbook(sent)
    wb["Outcomes"]["B4"] = "Parents report feeling supported sooner"
    mine = tmp_path / "mine.xlsx"
    wb.save(mine)

    d = diff_files(sent, theirs)
    assert {(r.sheet, r.id, r.change) for r in d.rows} == {("Components", "C2", "changed"),
                                                          ("Components", "C7", "added")}
    res = merge_files(sent, mine, theirs, tmp_path / "merged.xlsx", by="sam")
    assert res.result.conflicts == []
    merged = read_workbook(res.path)
    assert merged.components[1].text("delivered_by") == "Health visitor and coordinator"
    assert merged.components[-1].id == "C7" and merged.components[-1].ids("inputs_used") == ("IN1",)
    assert merged.outcomes[0].text("outcome") == "Parents report feeling supported sooner"
    # The change log written by share went through LibreOffice and is still there, plus the merge.
    rows = parse_table_rows(merged.extras[L.CHANGE_LOG.name], L.CHANGE_LOG)
    assert [r["action"] for r in rows] == ["share", "merge"]
    # ...and the merged workbook opens in LibreOffice too.
    assert soffice_convert(res.path, "pdf", tmp_path / "pdf").read_bytes().startswith(b"%PDF")


def test_diff_between_xlsm_saved_by_libreoffice_and_xlsx(tmp_path, example_xlsx):
    xlsm = soffice_convert(example_xlsx, "xlsm:Calc MS Excel 2007 VBA XML", tmp_path / "lo")
    assert xlsm.suffix == ".xlsm"
    d = diff_files(xlsm, example_xlsx)
    assert d.empty, d.text()
    # A macro-enabled model shares as a macro-free .xlsx with the same content.
    copy_ = share_file(xlsm, tmp_path / "copy.xlsx", to="Schools", by="sam").path
    assert diff_files(xlsm, copy_).empty
    with zipfile.ZipFile(copy_) as zf:
        assert "xl/workbook.xml" in zf.namelist() and not any("vba" in n.lower() for n in zf.namelist())
    assert b"macroEnabled" not in zipfile.ZipFile(copy_).read("[Content_Types].xml")


# --- a partner's copy edited the way people edit: rows, columns, sheets, comments, formats ----------


def _with_plan(src: Path, dst: Path) -> Path:
    from lm_excel.measures.plan import make_plan
    from lm_excel.workbook.plan_sheet import write_plan

    return write_plan(src, make_plan(read_workbook(src)), dst).path


def _design_cell(path: Path) -> str:
    """The A1 address of the first numbered line of the recommended design on the plan sheet."""
    grid = read_workbook(path).extras[L.MEASURES_PLAN.name]
    rows = sorted(L.plan_design_rows(grid))
    return f"B{rows[1] + 1}" if len(rows) > 1 else f"A{rows[0] + 1}"


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


@pytest.fixture(scope="module")
def edited_copies(tmp_path_factory, example_xlsx):
    """MINE (the LA's master, with a plan), BASE (the copy shared) and THEIRS (BASE edited in
    LibreOffice in one session with every kind of edit a partner makes)."""
    tmp = tmp_path_factory.mktemp("lo-round-trip")
    mine = _with_plan(example_xlsx, tmp / "master.xlsx")
    base = share_file(mine, tmp / "shared.xlsx", sender="Sam", to="Health", by="sam").path
    design = _design_cell(base)
    theirs = libreoffice_edit(
        base, tmp / "theirs.xlsx", tmp / "lo-profile",
        "Components!B5=Weekly huddle, now with health",  # a changed cell
        "delete-row:Components:6",  # C3 deleted
        "insert-row:Outcomes:6", "Outcomes!A6=OC20", "Outcomes!B6=Carers feel listened to",  # mid-table
        "sort:Context factors:A4:F9:1",  # rows sorted by ID, descending
        "Components!M3=Partner notes", "Components!M4=Ask the school nurse first",  # own column
        "comment:Outcomes!B4=Is this measurable?",
        "bold:Outcomes!B5",
        "rename:Assumptions=Our assumptions",
        "delete-col:Outputs:4",  # a template column
        "add-sheet:Health notes", "Health notes!A1=Questions for the LA",
        f"Measures plan!{design}=Use a comparison group from the neighbouring borough",
    )
    return mine, base, theirs


def test_every_libreoffice_edit_is_carried_or_listed_and_nothing_else_changes(edited_copies, tmp_path):
    mine, base, theirs = edited_copies
    before = _parts(mine)
    res = merge_files(base, mine, theirs, tmp_path / "merged.xlsx", by="sam")
    out = read_workbook(res.path)
    listed = {(c.sheet, c.field, c.what.split(";")[0]) for c in res.conflicts}
    comps = {c.id: c for c in out.components}
    # carried: a changed cell, a deleted row, a row inserted mid-table, the partner's own column
    assert comps["C2"].text("component") == "Weekly huddle, now with health"
    assert "C3" not in comps
    assert any(o.id == "OC20" and o.text("outcome") == "Carers feel listened to" for o in out.outcomes)
    from lm_excel.exchange.snapshot import read_snapshot

    snap = read_snapshot(res.path)
    assert snap.keyed(L.COMPONENTS)["C1"]["+Partner notes"] == "Ask the school nurse first"
    # a sorted sheet and a renamed sheet are the same sheets: nothing deleted, nothing listed
    mine_model = read_workbook(mine)
    assert [e.id for e in out.context] == [e.id for e in mine_model.context]
    assert [(e.id, e.statement) for e in out.assumptions] == [(e.id, e.statement) for e in mine_model.assumptions]
    # carried: the comment (on its cell), the bold fill (on its value's cell), the partner's sheet
    _assert_carried(res.path, snap)
    assert len(res.carried) == 3, res.carried
    # listed: the deleted template column, the design text; nothing carried is listed
    assert any(s == "Outputs" and "column or field not found in THEIRS" in w for s, _, w in listed), listed
    assert any(s == L.MEASURES_PLAN.name and "evaluation-design text edited" in w for s, _, w in listed)
    assert not any(s in ("Health notes", "Outcomes") for s, _, _ in listed), listed
    assert [o.text("description") for o in out.outputs] == [o.text("description") for o in mine_model.outputs]
    # nothing else in MINE changed: every part not holding a changed cell is byte for byte MINE's;
    # the new parts are the comment's two parts and the partner's sheet
    after = _parts(res.path)
    assert set(before) <= set(after)
    added = set(after) - set(before)
    assert len(added) == 3 and {n.rsplit("/", 1)[0] for n in added} == {"xl", "xl/drawings", "xl/worksheets"}, added
    changed = {n for n in before if before[n] != after[n]}
    assert changed <= {"xl/worksheets/sheet%d.xml" % i for i in range(1, 40)} | {
        n for n in before if n.startswith(("xl/tables/", "xl/worksheets/_rels/"))} | {
        "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"}, changed
    # MINE's own cell formats keep their places: new formats are only appended
    old_xfs, new_xfs = (re.search(rb"<cellXfs[^>]*>(.*)</cellXfs>", x["xl/styles.xml"], re.DOTALL).group(1)
                        for x in (before, after))
    assert new_xfs.startswith(old_xfs) and len(new_xfs) > len(old_xfs)
    with zipfile.ZipFile(mine) as zf:
        from lm_excel.workbook.xlsx_scan import sheet_parts

        parts = sheet_parts(zf)
    untouched = ("Start", "Intervention", "Inputs", "Mechanisms", "Lists")
    assert all(before[parts[s]] == after[parts[s]] for s in untouched if s in parts)
    # base-less: the same copy merges, every difference listed, nothing deleted
    res2 = merge_files(None, mine, theirs, tmp_path / "merged-no-base.xlsx", by="sam")
    out2 = read_workbook(res2.path)
    assert "C3" in {c.id for c in out2.components}
    assert any(c.id == "C3" and "only in MINE" in c.what for c in res2.conflicts)
    # base-less, nobody can tell who formatted the cell: listed with both formats, not carried
    fmt = [c for c in res2.conflicts if c.sheet == "Outcomes" and c.field == "B5"]
    assert len(fmt) == 1 and "formatting changed in THEIRS" in fmt[0].what and "bold" in fmt[0].theirs
    # the merged workbooks open in LibreOffice, which reads the carried comment, format and sheet
    assert soffice_convert(res.path, "pdf", tmp_path / "pdf").read_bytes().startswith(b"%PDF")
    resaved = soffice_convert(res.path, "xlsx:Calc MS Excel 2007 XML", tmp_path / "resaved")
    _assert_carried(resaved, read_snapshot(resaved))


def _assert_carried(path: Path, snap) -> None:
    """The comment, the bold yellow fill and the partner's sheet of THEIRS are in ``path``."""
    view = snap.view
    oc2 = next(k for k in view.formats() if k[:2] == ("outcomes", "OC2") and k[2] == "outcome")
    fmt = view.formats()[oc2][1]
    assert fmt.bold and fmt.fill == "FFF2CC", (path.name, fmt)
    oc1 = view.cells()[("outcomes", "OC1", "outcome")]
    assert view.comments == {("Outcomes", f"B{oc1[1]}"): "Is this measurable?"}, (path.name, view.comments)
    assert view.own_sheet_text.get("Health notes") == "Questions for the LA", (path.name, view.own_sheet_text)
    # the other model cells kept MINE's look: only OC2's statement is bold on a fill
    assert [k for k, (_, f) in view.formats().items() if f.fill == "FFF2CC"] == [oc2]


def test_diff_reports_the_libreoffice_edits_outside_the_model(edited_copies):
    _, base, theirs = edited_copies
    d = diff_files(base, theirs)
    text = d.text()
    assert "Partner notes (own column)" in text
    whats = {(o.sheet, o.what) for o in d.outside}
    assert ("Outcomes", "comment added in the second copy") in whats
    formats = [o for o in d.outside if o.what == "formatting changed in the second copy"]
    assert [(o.sheet, o.where) for o in formats] == [("Outcomes", "B5")]
    assert "bold" in formats[0].new and "fill FFF2CC" in formats[0].new and "bold" not in formats[0].old
    assert any(s == "Health notes" for s, _ in whats)
    assert any("evaluation-design text edited" in w for _, w in whats)
    assert any(s == "Outputs" and "column or field not found" in w for s, w in whats)
