"""Issue 8: every case of the bad-input corpus (tests/badinput.py) as a test.

For each case: either a finding (a note on a model that can still be read) or one clear line
naming the file and the problem (exit code 2 from the CLI); the input's bytes never change; no
partial output is left behind; hostile files are refused quickly, before parsing.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
import time
from pathlib import Path

import openpyxl
import pytest

from lm_excel import cli

from lm_excel.workbook import reader
from lm_excel import errors as E
from lm_excel.workbook.builder import build_workbook
from lm_excel.fileio import write_verified
from lm_excel.model import CellRef
from lm_excel.workbook.reader import read_workbook
from lm_excel.workbook.safe_xl import (
    excel_text,
    formula_cells,
    live_text,
    looks_like_formula,
    set_text,
    set_value,
)

from . import badinput as B
from .conftest import run_cli

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534


def _one_line(exc: BaseException, path: Path) -> str:
    text = str(exc)
    assert "\n" not in text and "Traceback" not in text
    assert text.startswith(path.name + ": "), text
    return text


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- refusals: one line naming the file and the problem ------------------------------------------

REFUSED = [
    # generator, needs the example, error type, words in the message
    (B.zero_byte, False, E.NotAWorkbookError, "empty (0 bytes)"),
    (B.legacy_xls, False, E.NotAWorkbookError, "legacy Excel 97-2003 file (.xls)"),
    (B.csv_renamed, False, E.NotAWorkbookError, "text or CSV file"),
    (B.random_bytes, False, E.NotAWorkbookError, "not an Excel workbook"),
    (B.zip_without_workbook, False, E.NotAWorkbookError, "zip file but not an Excel workbook"),
    (B.encrypted, True, E.EncryptedWorkbookError, "password"),
    (B.missing_sheets, True, E.MissingSheetsError, "'Mechanisms'"),
    (B.billion_laughs_strings, True, E.UnsafeWorkbookError, "'xl/sharedStrings.xml' declares XML entities"),
    (B.billion_laughs_sheet, True, E.UnsafeWorkbookError, "'xl/worksheets/sheet3.xml' declares XML entities"),
    (B.zip_bomb, True, E.TooLargeError, "'xl/worksheets/sheet4.xml' expands"),
    (B.lying_zip, True, E.NotAWorkbookError, "damaged"),
    (B.over_long_cell, True, E.TooLargeError, "holds 150,020 characters, above the limit of 100,000"),
    (B.far_away_cell, True, E.TooLargeError, "sheet 'Outputs' has more than 20,000 rows"),
    (B.many_sheets, True, E.TooLargeError, "above the limit of 255"),
]


@pytest.mark.parametrize(("make", "needs_example", "kind", "words"), REFUSED,
                         ids=[r[0].__name__ for r in REFUSED])
def test_refused_with_one_clear_line_and_input_unchanged(tmp_path, example_xlsx, make, needs_example, kind, words):
    path = make(tmp_path, example_xlsx) if needs_example else make(tmp_path)
    before = _snapshot(tmp_path)
    started = time.perf_counter()
    with pytest.raises(kind) as info:
        read_workbook(path)
    elapsed = time.perf_counter() - started
    text = _one_line(info.value, path)
    assert words in text
    assert elapsed < 10, f"took {elapsed:.1f} s to refuse"
    assert _snapshot(tmp_path) == before  # input unchanged, nothing written beside it


def test_hostile_files_are_refused_before_any_sheet_is_parsed(tmp_path, example_xlsx, monkeypatch):
    """The billion-laughs and zip-bomb files never reach openpyxl."""
    calls = []
    monkeypatch.setattr(reader, "read_grids", lambda p: calls.append(p) or {})
    for make in (B.billion_laughs_strings, B.billion_laughs_sheet, B.zip_bomb, B.over_long_cell):
        path = make(tmp_path, example_xlsx)
        if make is B.over_long_cell:  # needs the cell values: refused while reading, not before
            continue
        with pytest.raises(E.WorkbookError):
            read_workbook(path)
    assert calls == []


def test_billion_laughs_fails_fast_even_without_the_prescan(tmp_path, example_xlsx):
    """Defence in depth: openpyxl itself parses through defusedxml, so the entities never expand."""
    import openpyxl.xml
    import openpyxl.xml.functions as xf

    assert openpyxl.xml.DEFUSEDXML is True
    assert xf.iterparse.__module__.startswith("defusedxml")
    path = B.billion_laughs_strings(tmp_path, example_xlsx)
    started = time.perf_counter()
    with pytest.raises(Exception) as info:
        openpyxl.load_workbook(path, read_only=True)
    assert time.perf_counter() - started < 5
    assert not isinstance(info.value, MemoryError)
    chained = info.value.__context__ or info.value.__cause__
    assert "Entities" in type(info.value).__name__ or (
        chained is not None and "Entities" in type(chained).__name__
    )


def test_defusedxml_is_a_runtime_dependency():
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text()
    deps = pyproject.split("dependencies = [", 1)[1].split("]", 1)[0]
    assert '"defusedxml' in deps


@pytest.mark.parametrize(
    ("limit", "value", "words"),
    [
        ("MAX_UNCOMPRESSED_BYTES", 100_000, "above the 0 MB limit"),
        ("MAX_FILE_BYTES", 10_000, "above the 0 MB limit"),
        ("MAX_PARTS", 10, "parts, above the limit of 10"),
        ("MAX_SHEETS", 5, "sheets, above the limit of 5"),
        ("MAX_ROWS", 10, "has more than 10 rows"),
        ("MAX_CELLS", 50, "has more than 50 cells"),
        ("MAX_CELL_CHARS", 100, "above the limit of 100 "),
    ],
)
def test_every_documented_limit_refuses_the_file(tmp_path, example_xlsx, monkeypatch, limit, value, words):
    path = tmp_path / "example copy.xlsx"
    shutil.copyfile(example_xlsx, path)
    read_workbook(path)  # within the real limits
    monkeypatch.setattr(reader, limit, value)
    with pytest.raises(E.TooLargeError) as info:
        read_workbook(path)
    assert words in _one_line(info.value, path)
    assert path.read_bytes() == example_xlsx.read_bytes()


def test_limits_are_documented_in_the_security_page():
    page = (Path(__file__).resolve().parents[1] / "docs" / "security.md").read_text()
    for name in ("MAX_FILE_BYTES", "MAX_UNCOMPRESSED_BYTES", "MAX_COMPRESSION_RATIO", "MAX_PARTS",
                 "MAX_SHEETS", "MAX_ROWS", "MAX_CELLS", "MAX_COLUMNS", "MAX_CELL_CHARS"):
        value = getattr(reader, name)
        assert name in page, name
        shown = f"{value:,}" if value < 1024 * 1024 else f"{value // (1024 * 1024)} MB"
        assert shown in page, (name, shown)


def test_a_cell_longer_than_excel_allows_is_read_and_flagged(tmp_path, example_xlsx):
    """LibreOffice writes cells over Excel's 32,767 characters: read whole, and flagged by the check."""
    from lm_excel.checks import validate

    path = B.long_description(tmp_path, example_xlsx, length=40_000)
    model = read_workbook(path)
    assert model.components[0].text("description") == "x" * 40_000
    flagged = [f for f in validate(model).findings if f.code == "text-too-long"]
    assert [f.ref for f in flagged] == ["Components!C4"]


def test_wide_rows_are_read_within_bounds(tmp_path, example_xlsx):
    """Values in column XFD on 2,000 rows: read quickly, and the far-right column is ignored."""
    path = B.wide_rows(tmp_path, example_xlsx)
    started = time.perf_counter()
    grids = reader.read_grids(path)
    assert time.perf_counter() - started < 10
    assert max(len(row) for row in grids["Context factors"]) <= reader.MAX_COLUMNS
    assert len(read_workbook(path).context) == len(read_workbook(example_xlsx).context)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_refused_without_waiting(tmp_path):
    pipe = tmp_path / "model.xlsx"
    os.mkfifo(pipe)
    started = time.perf_counter()
    with pytest.raises(E.WorkbookError) as info:
        read_workbook(pipe)  # opening a pipe with no writer would block for ever
    assert time.perf_counter() - started < 5
    assert "not a regular file" in _one_line(info.value, pipe)


# --- findings: the model is still read, and the problem is a note on the cell --------------------

FINDINGS = [
    (B.renamed_headers, {("missing-column", "Outcomes!A3", "outcome"), ("missing-column", "Outcomes!A3", "timescale")}),
    (B.deleted_header_row, {("no-header-row", "Components!A3", "")}),
    (B.merged_over_table, {("merged-cells", "Components!B5", "B5:C6")}),
    (B.uncalculated_formulas, {("formula-without-value", "Outcomes!B4", 'outcome: =UPPER("parents feel less alone")'),
                               ("formula-without-value", "Intervention!B5", "name: =1+1")}),
    (B.infinite_number, {("error-value", "Outcomes!B4", "outcome: #NUM!")}),
    (B.error_values, {("error-value", "Outcomes!B4", "outcome: #REF!"),
                      ("error-value", "Mechanisms!C4", "triggered_by: #N/A")}),
    (B.numbers_and_dates_for_text, {
        ("date-where-text-expected", "Components!F4", "dose: 2026-01-02 (a date)"),
        ("number-where-text-expected", "Outcomes!B5", "outcome: 42 (a number)"),
        ("not-a-date", "Intervention!B7", "date: 'next spring'"),
    }),
]


@pytest.mark.parametrize(("make", "expected"), FINDINGS, ids=[f[0].__name__ for f in FINDINGS])
def test_readable_models_carry_notes_on_the_cells(tmp_path, example_xlsx, make, expected):
    path = make(tmp_path, example_xlsx)
    before = path.read_bytes()
    model = read_workbook(path)
    got = {(n.code, str(n.ref), n.detail) for n in model.notes}
    assert expected <= got, got
    # A number in a dropdown (C5) or ID (A5) column is left to the checks that know those columns.
    assert not {r for _, r, _ in got} & {"Outcomes!C5", "Inputs!A5"}
    assert path.read_bytes() == before
    # Nothing else is noted: the example itself is clean.
    assert {(n.code, str(n.ref)) for n in read_workbook(example_xlsx).notes} == set()


def test_uncalculated_formula_cells_read_as_empty_not_as_formula_text(tmp_path, example_xlsx):
    model = read_workbook(B.uncalculated_formulas(tmp_path, example_xlsx))
    assert model.intervention.name == ""
    first = model.outcomes[0]
    assert first.fields["outcome"].ref == CellRef("Outcomes", "B4") and first.statement == ""


def test_merged_cells_keep_the_top_left_value(tmp_path, example_xlsx):
    model = read_workbook(B.merged_over_table(tmp_path, example_xlsx))
    original = read_workbook(example_xlsx)
    # Rows 5 and 6 hold the second and third components; B5 is the top-left cell of the merge.
    assert model.components[1].text("component") == original.components[1].text("component")
    assert original.components[2].text("component") != ""
    assert model.components[2].text("component") == ""  # B6 is covered by the merge


def test_the_reader_restores_escaped_control_characters(tmp_path):
    """Excel stores control characters as _xHHHH_; '_x000D_' must not reach reports as text."""
    path = tmp_path / "escaped.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Intervention"
    ws["A4"], ws["B4"] = "Intervention name", "line one_x000D_\nline two_x000B_end"
    ws["A5"], ws["B5"] = "Summary (what)", "costs _x005F_x0041_ or _x0041_ pounds"  # as Excel shows it
    for sheet in ("Inputs", "Components", "Outputs", "Mechanisms", "Outcomes", "Context factors",
                  "Assumptions", "Negative consequences"):
        wb.create_sheet(sheet)["A3"] = "ID"
    wb.save(path)
    model = read_workbook(path)
    assert model.intervention.name == "line one\r\nline two\x0bend"
    assert model.intervention.text("summary") == "costs _x0041_ or A pounds"
    assert ("control-characters", "Intervention!B4") in {(n.code, str(n.ref)) for n in model.notes}


# --- text written by the tool stays text ----------------------------------------------------------


def test_builder_writes_long_control_emoji_rtl_and_formula_like_text_back_exactly(tmp_path):
    records = B.text_records()
    path = build_workbook(tmp_path / "text survives.xlsx", records)  # verifies by reading back
    model = read_workbook(path)
    assert model.intervention.name == B.EMOJI_RTL
    assert model.intervention.text("summary") == B.CONTROL_TEXT.strip()
    assert model.intervention.text("rationale") == B.FORMULA_LIKE["="]
    assert model.intervention.text("lead_contact") == B.FORMULA_LIKE["+"]
    c1, c2 = model.components
    assert c1.text("component") == B.FORMULA_LIKE["@"] and c1.text("dose") == B.FORMULA_LIKE["-"]
    assert len(c1.text("description")) == 32_767 and c1.text("description") == B.LONG_TEXT.strip()
    assert c2.text("component") == B.EMOJI_RTL
    assert formula_cells(path) == []
    # And openpyxl, asked for formulas rather than values, also sees plain text.
    wb = openpyxl.load_workbook(path)
    cell = wb["Outcomes"]["B4"]
    assert cell.value == B.FORMULA_LIKE["="] and cell.data_type == "s"
    codes = {(n.code, str(n.ref)) for n in model.notes}
    assert ("control-characters", "Intervention!B11") in codes or any(c == "control-characters" for c, _ in codes)


@pytest.mark.parametrize("text", [*B.FORMULA_LIKE.values(), "=1+1", " =SUM(A1)", "plain", B.CONTROL_TEXT,
                                  "_x0041_ literal", B.EMOJI_RTL])
def test_set_text_keeps_text_as_text_in_openpyxl_writers(tmp_path, text):
    path = tmp_path / "written by openpyxl.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet"
    set_text(ws["A1"], text)
    set_value(ws["A2"], text)
    set_value(ws["A3"], 12.5)
    wb.save(path)
    assert formula_cells(path) == []
    grids = reader.read_grids(path)
    assert grids["Sheet"][0][0] == text and grids["Sheet"][1][0] == text
    assert grids["Sheet"][2][0] == 12.5


def test_plain_openpyxl_assignment_would_write_a_formula(tmp_path):
    """Why set_text exists: the audit helper does see formulas when they are written."""
    path = tmp_path / "unsafe.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Sheet"
    wb.active["A1"] = '=HYPERLINK("http://example.invalid","click")'
    wb.save(path)
    assert formula_cells(path) == ["Sheet!A1"]


def test_formula_detection_and_escaping():
    assert all(looks_like_formula(t) for t in B.FORMULA_LIKE.values())
    assert not looks_like_formula("Families") and not looks_like_formula(3)
    assert excel_text("a\x01b") == "a_x0001_b"
    assert excel_text("_x0041_") == "_x005F_x0041_"
    assert excel_text("\ud800") == "\ufffd"
    assert live_text("=1+1") == "'=1+1" and live_text("'quoted") == "''quoted"
    assert live_text("Families") == "Families" and live_text(3) == 3


# --- the input open in Excel, or not readable -----------------------------------------------------


def test_an_input_open_in_excel_is_read_and_left_alone(tmp_path, example_xlsx):
    path = B.open_in_excel(tmp_path, example_xlsx)
    before = _snapshot(tmp_path)
    assert len(read_workbook(path)) == len(read_workbook(example_xlsx))
    assert _snapshot(tmp_path) == before


@contextlib.contextmanager
def _without_file_permissions():
    """A folder in which permissions bite: as root, act as 'nobody' (root reads any file)."""
    folder = Path(tempfile.mkdtemp(prefix="lm-excel-perm "))
    # Import now what the commands import lazily: 'nobody' may not be able to read the
    # virtual environment (CI makes it in a private temporary folder).
    import lm_excel.workbook.builder
    import lm_excel.example
    import lm_excel.fileio
    import lm_excel.workbook.reader  # noqa: F401

    cli.build_parser()
    try:
        if IS_ROOT:
            folder.chmod(0o755)
            yield folder, lambda: _euid(NOBODY)
        else:
            yield folder, contextlib.nullcontext
    finally:
        for p in folder.rglob("*"):
            p.chmod(stat.S_IRWXU)
        shutil.rmtree(folder)


@contextlib.contextmanager
def _euid(uid: int):
    os.seteuid(uid)
    try:
        yield
    finally:
        os.seteuid(0)


def test_an_unreadable_input_gets_one_line(example_xlsx):
    with _without_file_permissions() as (folder, as_user):
        path = folder / "locked by excel.xlsx"
        shutil.copyfile(example_xlsx, path)
        path.chmod(0)
        with as_user(), pytest.raises(E.WorkbookError) as info:
            read_workbook(path)
        assert "permission denied" in _one_line(info.value, path)
        path.chmod(0o644)
        assert path.read_bytes() == example_xlsx.read_bytes()


# --- outputs that cannot be written: one line, exit code 2, nothing left behind ------------------


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _assert_cli_error(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("lm-excel: error: "), err
    assert "Traceback" not in err
    for w in words:
        assert w in err, err


def test_new_into_a_missing_folder(tmp_path, capsys):
    code, _, err = _cli(capsys, "new", str(tmp_path / "no such folder" / "model.xlsx"))
    _assert_cli_error(code, err, "model.xlsx", "does not exist")
    assert list(tmp_path.iterdir()) == []


def test_new_where_a_file_stands_in_place_of_the_folder(tmp_path, capsys):
    (tmp_path / "reports").write_text("I am a file")
    code, _, err = _cli(capsys, "new", str(tmp_path / "reports" / "model.xlsx"))
    _assert_cli_error(code, err, "model.xlsx", "is not a folder")
    code, _, err = _cli(capsys, "demo", str(tmp_path / "reports"))
    _assert_cli_error(code, err, "reports", "is a file, not a folder")
    code, _, err = _cli(capsys, "demo", str(tmp_path / "reports" / "deeper"))
    _assert_cli_error(code, err, "is a file, not a folder")
    assert [p.name for p in tmp_path.iterdir()] == ["reports"]
    assert (tmp_path / "reports").read_text() == "I am a file"


def test_new_into_a_read_only_folder(capsys, blank_xlsx):
    with _without_file_permissions() as (folder, as_user):
        out = folder / "read only"
        out.mkdir()
        out.chmod(0o555)
        with as_user():
            code, _, err = _cli(capsys, "new", str(out / "model.xlsx"))
            code2, _, err2 = _cli(capsys, "demo", str(out / "sub"))
        _assert_cli_error(code, err, "model.xlsx", "permission denied")
        _assert_cli_error(code2, err2, "permission denied")
        assert list(out.iterdir()) == []


def test_a_failed_check_leaves_nothing_behind(tmp_path):
    def write(tmp: Path) -> None:
        tmp.write_bytes(b"half a workbook")

    def verify(tmp: Path) -> None:
        raise E.OutputError("did not read back", tmp_path / "out.xlsx")

    with pytest.raises(E.OutputError):
        write_verified(tmp_path / "out.xlsx", write, verify)
    assert list(tmp_path.iterdir()) == []


def test_demo_failing_half_way_leaves_no_temporary_files(tmp_path, monkeypatch, capsys):
    from lm_excel.workbook import builder

    def broken(path, *a, **k):
        Path(path).write_bytes(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(builder, "write_workbook_file", broken)
    code, _, err = _cli(capsys, "demo", str(tmp_path / "out"))
    _assert_cli_error(code, err, "No space left on device")
    assert list((tmp_path / "out").iterdir()) == []


# --- awkward paths --------------------------------------------------------------------------------


def test_paths_with_spaces_and_non_ascii_names(tmp_path, example_xlsx):
    path = B.awkward_name(tmp_path, example_xlsx)
    assert len(read_workbook(path)) == len(read_workbook(example_xlsx))
    out = path.parent / "Nouveau modèle – été 2026.xlsx"
    proc = run_cli("new", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(out)
    assert len(read_workbook(out)) == 0
    proc = run_cli("demo", str(path.parent / "démo sortie"))
    assert proc.returncode == 0, proc.stderr
    bad = path.parent / "Données à vérifier.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(E.NotAWorkbookError) as info:
        read_workbook(bad)
    _one_line(info.value, bad)



CELL_FINDINGS = [
    (B.error_values, "error-value", "Outcomes!B4", "#REF!"),
    (B.infinite_number, "error-value", "Outcomes!B4", "#NUM!"),
    (B.uncalculated_formulas, "formula-without-value", "Intervention!B5", "=1+1"),
    (B.merged_over_table, "merged-cells", "Components!B5", "B5:C6"),
    (B.numbers_and_dates_for_text, "date-where-text-expected", "Components!F4", "2026-01-02"),
    (B.numbers_and_dates_for_text, "number-where-text-expected", "Outcomes!B5", "42"),
    (B.numbers_and_dates_for_text, "not-a-date", "Intervention!B7", "next spring"),
]


@pytest.mark.parametrize(("make", "code", "ref", "shown"), CELL_FINDINGS,
                         ids=[f"{c[0].__name__}-{c[1]}" for c in CELL_FINDINGS])
def test_cell_value_notes_become_findings_at_the_cell(tmp_path, example_xlsx, make, code, ref, shown):
    from lm_excel.checks import validate

    report = validate(read_workbook(make(tmp_path, example_xlsx)))
    hits = [f for f in report.findings if f.code == code and f.ref == ref]
    assert len(hits) == 1, [(f.code, f.ref) for f in report.findings]
    assert shown in hits[0].message and hits[0].fix
    assert not [f for f in report.findings if f.code == "structure-problem"]
    assert not [f for f in validate(read_workbook(example_xlsx)).findings if f.code == code]


def test_check_writes_control_characters_and_formula_like_text_safely(tmp_path):
    from lm_excel.usecases import check_workbook as check_file

    src = build_workbook(tmp_path / "text.xlsx", B.text_records())
    before = src.read_bytes()
    result = check_file(src, write=True, out=tmp_path / "checked.xlsx")
    assert formula_cells(result.output) == []
    assert read_workbook(result.output).to_records().normalised() == read_workbook(src).to_records().normalised()
    assert src.read_bytes() == before


def test_an_empty_last_row_as_libreoffice_writes_it_reads_as_the_workbook(tmp_path, example_xlsx):
    """LibreOffice writes an empty formatted row 1,048,576 after a row is deleted: it costs
    nothing, counts towards no limit, and the model reads exactly as before."""
    path = B.last_row_written(tmp_path, example_xlsx)
    assert read_workbook(path).to_records() == read_workbook(example_xlsx).to_records()


def test_a_sheet_of_many_one_cell_rows_is_refused_while_streaming(tmp_path, example_xlsx, monkeypatch):
    """Refused at the first row over the limit: the rows below it are never read. (A sheet part
    this small, under 1 MB, is not looked through before parsing: see the next test.)"""
    path = B.many_rows(tmp_path, example_xlsx, rows=21_000)
    assert _part_size(path, "xl/worksheets/sheet7.xml") < reader._LONG_SHEET_BYTES
    seen: list[int] = []
    real = reader._values

    def counting(cells):
        seen.append(1)
        return real(cells)

    monkeypatch.setattr(reader, "_values", counting)
    with pytest.raises(E.TooLargeError) as info:
        read_workbook(path)
    assert "has more than 20,000 rows" in _one_line(info.value, path)
    assert len(seen) < 21_000 + 200  # the example's other sheets, then 20,001 rows of this one


def _part_size(path: Path, part: str) -> int:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return zf.getinfo(part).file_size


def test_a_large_sheet_past_the_row_limit_is_refused_before_any_xml_is_parsed(tmp_path, example_xlsx, monkeypatch):
    """1.5 million one-cell rows: refused from the raw part, before openpyxl opens the workbook."""
    path = B.many_rows(tmp_path, example_xlsx)
    assert _part_size(path, "xl/worksheets/sheet7.xml") > reader._LONG_SHEET_BYTES

    def parsed(*_args):
        raise AssertionError("the workbook was parsed")

    monkeypatch.setattr(reader, "_load_read_only", parsed)
    with pytest.raises(E.TooLargeError) as info:
        read_workbook(path)
    assert "sheet 'Mechanisms' has more than 20,000 rows" in _one_line(info.value, path)


def _large_sheet(folder: Path, example: Path, tail: bytes) -> Path:
    """The example with a Mechanisms sheet of 19,000 rows of text (well over 1 MB), then ``tail``."""
    import zipfile

    path = folder / "large.xlsx"
    with zipfile.ZipFile(example) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet7.xml":
                rows = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>M%d</t></is></c><c r="B%d" '
                                b't="inlineStr"><is><t>A mechanism written out at some length %d</t></is></c>'
                                b'</row>' % (r, r, r, r, r) for r in range(4, 19_004))
                head, _, _ = data.partition(b"<sheetData>")
                _, _, end = data.partition(b"</sheetData>")
                data = head + b"<sheetData><row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>ID</t></is></c>" \
                    b"<c r=\"B3\" t=\"inlineStr\"><is><t>Mechanism</t></is></c></row>" + rows + tail + \
                    b"</sheetData>" + end
            out.writestr(info.filename, data)
    return path


@pytest.mark.parametrize("tail", [
    b'<row r="1048576" s="1" customFormat="1"><c r="A1048576" s="1"/></row>',  # LibreOffice's empty last row
    b'<row r="500000"><c r="HA500000"><v>1</v></c></row>',  # a value beyond the columns read
    b"",
])
def test_a_large_sheet_within_the_limits_is_read_not_refused(tmp_path, example_xlsx, tail):
    path = _large_sheet(tmp_path, example_xlsx, tail)
    assert _part_size(path, "xl/worksheets/sheet7.xml") > reader._LONG_SHEET_BYTES
    model = read_workbook(path)
    assert len(model.mechanisms) == 19_000 and model.mechanisms[-1].id == "M19003"
