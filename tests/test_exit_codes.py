"""Exit codes: 0 ok, 1 problems found, 2 unusable input or refused action, 3 internal error; the
same with --debug (before or after the command name), which only adds the traceback. Errors are
one plain line."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from lm_excel import cli

from .conftest import run_cli

DEBUG = [[], ["--debug"], ["--debug-after"]]


def lm(capsys: pytest.CaptureFixture[str], debug: list[str], *argv: str) -> tuple[int, str, str]:
    args = list(argv)
    if debug == ["--debug"]:
        args = ["--debug", *args]
    elif debug == ["--debug-after"]:
        args = [*args, "--debug"]
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    """The error line (with --debug, the last line after the traceback)."""
    return err.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def with_errors(tmp_path_factory: pytest.TempPathFactory, example_xlsx: Path) -> Path:
    """The example with an outcome's statement blanked: an error-level finding."""
    path = tmp_path_factory.mktemp("errors") / "broken.xlsx"
    wb = openpyxl.load_workbook(example_xlsx)
    ws = wb["Outcomes"]
    for row in ws.iter_rows(min_row=1):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("OC"):
                ws.cell(cell.row, cell.column + 1).value = None
                break
        else:
            continue
        break
    wb.save(path)
    return path


@pytest.mark.parametrize("debug", DEBUG, ids=["plain", "debug-first", "debug-after"])
def test_exit_codes_hold_with_and_without_debug(debug, tmp_path, example_xlsx, with_errors, capsys,
                                                monkeypatch):
    # 0: nothing at or above --fail-on
    code, _, err = lm(capsys, debug, "check", str(example_xlsx), "--fail-on", "error")
    assert code == 0 and err == ""
    # 1: problems found (check) and differences found (diff)
    assert lm(capsys, debug, "check", str(with_errors))[0] == 1
    assert lm(capsys, debug, "diff", str(example_xlsx), str(with_errors))[0] == 1
    # 2: unusable input
    code, _, err = lm(capsys, debug, "check", str(tmp_path / "missing.xlsx"))
    assert code == 2 and one_line(err) == "lm-excel: error: missing.xlsx: file not found"
    assert ("Traceback" in err) == bool(debug)
    # 2: refused action (an existing output without --force)
    (tmp_path / "taken.xlsx").write_bytes(b"mine")
    code, _, err = lm(capsys, debug, "new", str(tmp_path / "taken.xlsx"))
    assert code == 2 and "already exists" in one_line(err)
    # 3: internal error (a bug), still one plain line at the end
    import lm_excel.workbook.reader as reader

    def bug(*args: object, **kwargs: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(reader, "read_workbook", bug)
    code, _, err = lm(capsys, debug, "check", str(example_xlsx))
    assert code == 3 and one_line(err).startswith("lm-excel: internal error: KeyError")
    assert ("Traceback" in err) == bool(debug)


def test_a_command_line_mistake_is_one_line_and_exit_2():
    proc = run_cli("diff", "only-one.xlsx")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "required: b" in proc.stderr and "--help" in proc.stderr
    proc = run_cli("check", "x.xlsx", "--no-such-option")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1


def test_a_renamed_sheet_is_one_line_in_the_singular(tmp_path, example_xlsx, capsys):
    wb = openpyxl.load_workbook(example_xlsx)
    wb["Outcomes"].title = "Results"
    wb.save(tmp_path / "renamed.xlsx")
    code, out, _ = lm(capsys, [], "check", str(tmp_path / "renamed.xlsx"))
    assert code == 0 and "sheet-renamed" in out  # its header row says what it is: read, one note
    for c in range(1, 8):  # renamed, and its header row gone: nothing says what it is
        wb["Results"].cell(3, c).value = None
    wb.save(tmp_path / "renamed.xlsx")
    code, _, err = lm(capsys, [], "check", str(tmp_path / "renamed.xlsx"))
    assert code == 2 and err.count("\n") == 1
    assert "the required sheet 'Outcomes' is missing or renamed; restore it from" in err


def test_a_word_file_given_to_check_is_named_as_a_word_file(tmp_path, capsys):
    import docx

    doc = docx.Document()
    doc.add_paragraph("our logic model")
    for name in ("model.docx", "model.xlsx"):  # the content decides, not the name
        doc.save(str(tmp_path / name))
        code, _, err = lm(capsys, [], "check", str(tmp_path / name))
        assert code == 2 and err.count("\n") == 1
        assert f"{name}: is a Word document (.docx), not an Excel workbook" in err
