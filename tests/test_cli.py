"""The lm-excel command line, run as whole processes the way a user runs it."""

from __future__ import annotations

import pytest

from lm_excel.example import EXAMPLE_FILE_NAME
from lm_excel.workbook.reader import read_workbook

from .conftest import run_cli


def test_new_writes_a_blank_workbook_then_refuses_to_overwrite_it(tmp_path):
    target = tmp_path / "my model.xlsx"
    proc = run_cli("new", str(target))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(target)
    assert len(read_workbook(target)) == 0
    before = target.read_bytes()
    again = run_cli("new", str(target))
    assert again.returncode == 2
    assert "already exists" in again.stderr and "Traceback" not in again.stderr
    assert target.read_bytes() == before


def test_new_example_and_force(tmp_path):
    target = tmp_path / "ex.xlsx"
    target.write_bytes(b"old")
    proc = run_cli("new", str(target), "--example", "--force")
    assert proc.returncode == 0, proc.stderr
    model = read_workbook(target)
    assert len(model.components) >= 5 and len(model.outcomes) >= 8


def test_demo_writes_the_example_and_prints_its_path(tmp_path):
    proc = run_cli("demo", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    printed = proc.stdout.split("\n")
    assert str(tmp_path / "out" / EXAMPLE_FILE_NAME) in printed
    model = read_workbook(tmp_path / "out" / EXAMPLE_FILE_NAME)
    assert model.intervention.organisation == "Example Borough Council"


def test_library_errors_are_one_line_with_exit_code_2(tmp_path):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("just some text\n")
    proc = run_cli("new", str(tmp_path / "missing-folder" / "x.xlsx"))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "does not exist" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_debug_shows_the_traceback(tmp_path):
    proc = run_cli("--debug", "new", str(tmp_path / "missing-folder" / "x.xlsx"))
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr


@pytest.mark.parametrize("command", ["new", "demo"])
def test_every_command_help_has_an_example(command):
    proc = run_cli(command, "--help")
    assert proc.returncode == 0
    assert "example:" in proc.stdout and f"lm-excel {command}" in proc.stdout


def test_top_level_help_lists_the_commands():
    proc = run_cli("--help")
    assert proc.returncode == 0
    for command in ("new", "demo"):
        assert command in proc.stdout
