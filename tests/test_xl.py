"""The buttons' Python side (lm_excel.xl) on xlwings' remote engine: a real xw.Book built from a
workbook's values, no Excel. Reads come from the payload; writes are recorded as actions."""

from __future__ import annotations

import base64
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from lm_excel import layout as L
from lm_excel import xl
from lm_excel.example import example_records
from lm_excel.workbook.reader import read_grids, read_workbook


@pytest.fixture(scope="module")
def example_xlsm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from lm_excel.workbook.buttons import build_macro_workbook
    from lm_excel.example import example_records

    return build_macro_workbook(tmp_path_factory.mktemp("xlsm") / "example.xlsm", example_records())


@pytest.fixture(autouse=True)
def remote_engine_licence(monkeypatch: pytest.MonkeyPatch) -> None:
    # The remote engine is an xlwings PRO module, free under the PolyForm Noncommercial licence.
    # Tests only: the shipped path runs open-source xlwings against Excel.
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")


_ISO_TEXT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")


def _payload_value(value: object) -> object:
    """A cell value as the remote client sends it: "" for empty, dates as ISO text with Z."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(value, str) and _ISO_TEXT.match(value):
        # The remote engine takes any ISO-looking text for a date and cuts its last character
        # (the client's "Z"): send such text (the metadata's "created") as a client would a date.
        return value + "Z"
    return value


def payload_from(path: Path, fullname: str | None = None,
                 edit: dict[tuple[str, str], object] | None = None,
                 replace: dict[str, list[list[object]]] | None = None) -> dict[str, Any]:
    """The remote-engine payload of a workbook file: every sheet's values from A1."""
    import xlwings as xw

    from lm_excel.model import col_letter

    grids = {**read_grids(path), **(replace or {})}
    sheets = []
    for name, grid in grids.items():
        width = max((len(r) for r in grid), default=0)
        values = [[_payload_value(v) for v in list(r) + [None] * (width - len(r))] for r in grid]
        for (sheet, cell), value in (edit or {}).items():
            if sheet != name:
                continue
            col = ord(cell[0]) - 64
            row = int(cell[1:])
            while len(values) < row:
                values.append([""] * width)
            for r in values:
                r.extend([""] * (col - len(r)))
            values[row - 1][col - 1] = value
            assert col_letter(col) == cell[0]
        sheets.append({"name": name, "values": values or [[]], "pictures": [], "tables": []})
    return {
        "client": "Microsoft Office Scripts",
        "version": xw.__version__,
        "book": {"name": fullname or str(path), "active_sheet_index": 0, "selection": "A1"},
        "names": [],
        "sheets": sheets,
    }


def remote_book(path: Path, **kw: Any) -> Any:
    import xlwings as xw

    return xw.Book(json=payload_from(path, **kw))


def actions(book: Any, func: str | None = None) -> list[dict[str, Any]]:
    return [a for a in book.json()["actions"] if func is None or a["func"] == func]


def writes_to(book: Any, sheet: str) -> list[dict[str, Any]]:
    index = [s.name for s in book.sheets].index(sheet)
    return [a for a in actions(book, "setValues") if a["sheet_position"] == index]


def status_written(book: Any) -> str:
    row = L.START_STATUS_ROW - 1
    col = ord(L.START_STATUS_CELL[0]) - 65
    hits = [a for a in writes_to(book, L.START.name) if a["start_row"] == row and a["start_column"] == col]
    assert hits, "no status written"
    return hits[-1]["values"][0][0]  # the last write is what the user sees


def alerts(book: Any) -> list[str]:
    return [a["args"][0] for a in actions(book, "alert")]


# --- reading --------------------------------------------------------------------------------------


def test_live_read_gives_the_same_model_as_the_file_reader(example_xlsm):
    book = remote_book(example_xlsm)
    live = xl.LiveBook(book)
    model = live.read_model()
    assert model.to_records().normalised() == read_workbook(example_xlsm).to_records().normalised()
    assert model.meta["schema_version"] == str(L.SCHEMA_VERSION)
    outcome = model.outcomes[0]
    assert str(outcome.ref("outcome")) == f"Outcomes!B{L.HEADER_ROW + 1}"
    assert actions(book) == [], "reading must not write"


def test_live_read_pads_ragged_rows_and_ignores_cells_past_the_limits(example_xlsm):
    book = remote_book(example_xlsm, edit={("Outputs", "J40"): "a note typed far away"})
    grid = xl.LiveBook(book).grid("Outputs")
    assert len(grid) == 40 and all(len(r) == 10 for r in grid)
    assert grid[39][9] == "a note typed far away"


# --- Check ----------------------------------------------------------------------------------------


def test_check_writes_validation_and_status(example_xlsm):
    from lm_excel.checks import validate
    from lm_excel.workbook.validation_sheet import SUMMARY_ROW, TABLE_HEADER_ROW

    book = remote_book(example_xlsm)
    status = xl.validate(book)
    assert alerts(book) == []
    written = writes_to(book, L.VALIDATION.name)
    summary = next(a for a in written if a["start_row"] == SUMMARY_ROW - 1)
    assert summary["values"][0][0] == "Checked"
    header = next(a for a in written if a["start_row"] == TABLE_HEADER_ROW - 1)
    assert header["values"][0][:2] == ["Severity", "Problem"] and header["values"][0][-1] == "Code"
    body = next(a for a in written if a["start_row"] == TABLE_HEADER_ROW)
    report = validate(read_workbook(example_xlsm))
    assert report.valid and body["values"] == [["No problems found."]]
    text = status_written(book)
    assert text == status
    assert text.startswith("Check at ") and ": no problems found; see the Validation sheet (" in text
    assert dt.datetime.now().strftime("%d/%m/%Y") in text


def test_check_findings_point_at_cells_with_links_and_highlights(tmp_path):
    from lm_excel.workbook.builder import build_workbook
    from lm_excel.checks import validate
    from lm_excel.workbook.validation_sheet import TABLE_HEADER_ROW

    path = build_workbook(tmp_path / "x.xlsx", example_records())
    first = L.HEADER_ROW + 1
    # an ID deleted on Components and a column renamed on Outcomes
    edits = {("Components", f"A{first}"): "", ("Outcomes", f"C{L.HEADER_ROW}"): "When"}
    book = remote_book(path, edit=edits)
    xl.validate(book)
    assert alerts(book) == []
    body = next(a for a in writes_to(book, L.VALIDATION.name) if a["start_row"] == TABLE_HEADER_ROW)
    rows = body["values"]
    # the same findings the library gives for the same values
    expected = validate(xl.LiveBook(remote_book(path, edit=edits)).read_model())
    assert [r[7] for r in rows] == [f.code for f in sorted(expected.findings, key=lambda f: ("error", "warning", "info").index(f.severity))]
    assert any(r[0] == "Error" and r[2] == "Components" and r[3] == f"A{first}" for r in rows), rows
    assert any(r[2] == "Outcomes" for r in rows), rows
    # links: one whole-column formula write on column D, each a HYPERLINK to the cell
    links = [a for a in actions(book, "setFormula") if a["start_column"] == 3]
    assert len(links) == 1 and links[0]["start_row"] == TABLE_HEADER_ROW
    assert "HYPERLINK(\"#Components!A" in links[0]["values"][[r[3] for r in rows].index(f"A{first}")][0]
    # the offending cell is highlighted with a rule lm-excel can find and remove later
    cf = [a for a in actions(book, "addConditionalFormat")
          if a["sheet_position"] == L.SHEET_ORDER.index("Components")]
    assert cf and "lm-excel check" in cf[0]["args"][0]["formula"]
    assert "needs fixing" in status_written(book)


def test_a_second_check_clears_the_previous_result_first(example_xlsm):
    old = {(L.VALIDATION.name, f"A{r}"): "old finding" for r in range(4, 30)}
    again = remote_book(example_xlsm, edit=old)
    xl.validate(again)
    index = L.SHEET_ORDER.index(L.VALIDATION.name)
    clears = [a for a in actions(again, "rangeClear") if a["sheet_position"] == index]
    assert clears and clears[0]["start_row"] == 2 and clears[0]["row_count"] >= 27
    funcs = [(a["func"], a["sheet_position"]) for a in actions(again)]
    assert funcs.index(("rangeClear", index)) < funcs.index(("setValues", index))


# --- what the user is told ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fullname", "expected"),
    [
        ("Book1", "has not been saved"),
        ("https://contoso.sharepoint.com/sites/cs/Shared Documents/model.xlsm", "OneDrive or SharePoint"),
        ("https://d.docs.live.net/abc123/Documents/model.xlsm", "OneDrive or SharePoint"),
    ],
)
def test_unusable_workbook_locations_get_a_plain_message(example_xlsm, fullname, expected):
    book = remote_book(example_xlsm, fullname=fullname)
    message = xl.validate(book)
    assert expected in message
    (shown,) = alerts(book)
    assert shown.startswith("Check did not finish.") and expected in shown
    assert "Traceback" not in shown
    assert writes_to(book, L.VALIDATION.name) == []


def test_xlwings_version_mismatch_says_what_to_install(example_xlsm):
    from lm_excel.workbook.buttons import META_XLWINGS_VBA

    meta = read_grids(example_xlsm)[L.META_SHEET]
    row = next(i for i, r in enumerate(meta, start=1) if r[0] == META_XLWINGS_VBA)
    book = remote_book(example_xlsm, edit={(L.META_SHEET, f"B{row}"): "0.30.0"})
    xl.validate(book)
    (shown,) = alerts(book)
    assert 'pip install "xlwings==0.30.0"' in shown
    assert "did not finish" in status_written(book)
    assert writes_to(book, L.VALIDATION.name) == []


def test_a_workbook_that_is_not_a_logic_model_gets_a_plain_message(tmp_path):
    import xlsxwriter

    path = tmp_path / "other.xlsx"
    wb = xlsxwriter.Workbook(path)
    wb.add_worksheet("Budget").write("A1", "cost")
    wb.close()
    book = remote_book(path)
    xl.validate(book)
    (shown,) = alerts(book)
    assert "not an lm-excel logic-model workbook" in shown


def test_an_unexpected_error_is_a_message_not_a_traceback(example_xlsm, monkeypatch):
    import lm_excel.checks

    def broken(model, plan=None):
        raise KeyError("boom")

    monkeypatch.setattr(lm_excel.checks, "validate", broken)
    book = remote_book(example_xlsm)
    xl.validate(book)
    (shown,) = alerts(book)
    assert "Something went wrong inside lm-excel (KeyError" in shown and "--debug" in shown


# --- Build measures plan --------------------------------------------------------------------------


def _written_grid(book: Any, sheet: str) -> list[list[object]]:
    """The sheet as Excel would hold it after the recorded writes (one block from A1 here)."""
    (block,) = [a for a in writes_to(book, sheet) if a["start_row"] == 0 and a["start_column"] == 0]
    return [[None if v == "" else v for v in row] for row in block["values"]]


def test_plan_is_written_then_rebuilt_keeping_the_users_edits(example_xlsm):
    from lm_excel.measures.plan import make_plan

    first = remote_book(example_xlsm)
    status = xl.measures_plan(first)
    assert alerts(first) == [], alerts(first)
    grid = _written_grid(first, L.MEASURES_PLAN.name)
    expected = make_plan(read_workbook(example_xlsm))
    header = grid[L.HEADER_ROW - 1]
    assert header == [c.header for c in L.PLAN_COLUMNS]
    body = [r for r in grid[L.HEADER_ROW:] if r[0] and not str(r[0]).endswith(".") and r[0] != L.PLAN_DESIGN_MARKER]
    assert [r[0] for r in body] == [r.ref for r in expected.rows]
    assert any(r[0] == L.PLAN_DESIGN_MARKER for r in grid)
    assert status_written(first) == status and f"{len(expected.rows)} rows" in status
    hidden = [a for a in actions(first, "setColumnHidden")]
    assert len(hidden) == len(L.PLAN_HIDDEN)

    # The user fills in who is responsible for the first row and swaps its measure by hand.
    keys = [c.key for c in L.PLAN_COLUMNS]
    edited = [list(r) for r in grid]
    row = L.HEADER_ROW  # 0-based index of the first plan row
    edited[row][keys.index("responsible")] = "Jo Bloggs, data team"
    alternative = str(edited[row][keys.index("alternatives")]).split(";")[0].split(",")[0].strip()
    edited[row][keys.index("notes")] = "Agreed at the steering group"
    edited[row][keys.index("target")] = "-10% in a year"  # text a spreadsheet would take for a formula
    again = remote_book(example_xlsm, replace={L.MEASURES_PLAN.name: edited})
    status2 = xl.measures_plan(again)
    assert alerts(again) == []
    rebuilt = _written_grid(again, L.MEASURES_PLAN.name)
    assert rebuilt[row][keys.index("responsible")] == "Jo Bloggs, data team"
    assert rebuilt[row][keys.index("notes")] == "Agreed at the steering group"
    assert rebuilt[row][0] == grid[row][0]
    assert rebuilt[row][keys.index("target")] == "'-10% in a year", "kept as text, not a formula"
    assert "your changes kept: 3 cells" in status2, status2
    # the previous block is cleared before the new one is written
    index = L.SHEET_ORDER.index(L.MEASURES_PLAN.name)
    order = [(a["func"], a["sheet_position"]) for a in actions(again)]
    assert order.index(("rangeClearContents", index)) < order.index(("setValues", index))
    assert alternative  # the example's first outcome has alternatives to choose from


# --- Create Word report ---------------------------------------------------------------------------


def test_report_is_saved_next_to_the_workbook_with_version_and_date(tmp_path, example_xlsm):
    import docx

    workbook = tmp_path / "Family Connect.xlsm"
    workbook.write_bytes(example_xlsm.read_bytes())
    book = remote_book(workbook)
    status = xl.word_report(book, open_file=False)
    assert alerts(book) == []
    (report,) = tmp_path.glob("*.docx")
    model = read_workbook(workbook)
    assert report.name.startswith("Family Connect report")
    assert f"v{model.intervention.version}" in report.name and dt.date.today().isoformat() in report.name
    assert status_written(book) == status and report.name in status
    assert docx.Document(str(report)).core_properties.title
    assert workbook.read_bytes() == example_xlsm.read_bytes(), "the workbook file is never changed"


def test_an_open_report_is_never_overwritten(tmp_path, example_xlsm):
    workbook = tmp_path / "model.xlsm"
    workbook.write_bytes(example_xlsm.read_bytes())
    xl.word_report(remote_book(workbook), open_file=False)
    (first,) = tmp_path.glob("*.docx")
    first.write_bytes(b"the user's copy, open in Word")
    (tmp_path / ("~$" + first.name)).write_bytes(b"")  # Word's owner file: the report is open
    book = remote_book(workbook)
    status = xl.word_report(book, open_file=False)
    assert first.read_bytes() == b"the user's copy, open in Word"
    others = [p for p in tmp_path.glob("*.docx") if p != first and not p.name.startswith("~$")]
    assert len(others) == 1 and others[0].name in status and "open in Word" in status




# --- Diagram sheet (issue 17) -----------------------------------------------------------------------


def test_plan_and_report_buttons_draw_the_diagram_sheet(tmp_path, example_xlsm):
    from lm_excel.model import drawing_fingerprint
    from lm_excel.workbook.diagram_sheet import PICTURE_NAME

    book = remote_book(example_xlsm)
    xl.measures_plan(book)
    assert alerts(book) == []
    diagram = [s.name for s in book.sheets].index(L.DIAGRAM.name)
    (added,) = [a for a in actions(book, "addPicture") if a["sheet_position"] == diagram]
    assert base64.b64decode(added["args"][0]).startswith(b"\x89PNG")
    assert added["args"][1:3] == [0, 4]  # anchored at A5, under the title, caption and note
    names = [a["args"][1] for a in actions(book, "setPictureName") if a["sheet_position"] == diagram]
    assert names == [PICTURE_NAME]
    caption = [a["values"] for a in writes_to(book, L.DIAGRAM.name)][0]
    assert "drawn by lm-excel" in caption[1][0]
    meta = [a["values"] for a in writes_to(book, L.META_SHEET)][-1]
    model = read_workbook(example_xlsm)
    assert [L.META_DIAGRAM_FINGERPRINT, drawing_fingerprint(model)] in meta

    # A workbook whose diagram is current is not redrawn by the report button.
    fresh = {(L.META_SHEET, f"A{len(model.meta) + 1}"): L.META_DIAGRAM_FINGERPRINT,
             (L.META_SHEET, f"B{len(model.meta) + 1}"): drawing_fingerprint(model)}
    workbook = tmp_path / "drawn.xlsm"
    workbook.write_bytes(example_xlsm.read_bytes())
    current = remote_book(workbook, edit=fresh)
    xl.word_report(current, open_file=False)
    assert alerts(current) == []
    assert actions(current, "addPicture") == []
