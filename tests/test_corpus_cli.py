"""Issue 8: every CLI command that reads a workbook, over the whole shared corpus of foreign
spreadsheets (none is a logic model): exit code 2 and one clear line naming the file, no
traceback, no hang, no change to the file, nothing written.

Most runs are in-process (``lm_excel.cli.main`` with captured output) to keep the test fast; a few
are whole processes (``python -m lm_excel``), so the contract is also checked outside pytest's
warning filters. Commands join ``READING_COMMANDS`` as their branches reach main; the guard test
below fails when a command is added without being listed here or in ``NOT_READING``.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from lm_excel import cli
from lm_excel.commands import COMMAND_MODULES

from .conftest import CORPUS, run_cli

#: command -> argv for one input workbook, given a folder for any output it might write.
READING_COMMANDS: dict[str, Callable[[Path, Path], list[str]]] = {
    "check": lambda wb, out: ["check", str(wb), "--write", "-o", str(out / "checked.xlsx")],
    "share": lambda wb, out: ["share", str(wb), "-o", str(out / "shared.xlsx"), "--to", "Partner"],
    "diff": lambda wb, out: ["diff", str(wb), str(wb)],
    "merge": lambda wb, out: ["merge", str(wb), str(wb), "-o", str(out / "merged.xlsx")],
    "plan": lambda wb, out: ["plan", str(wb), "-o", str(out / "with plan.xlsx"), "--csv", str(out / "plan.csv")],
    "report": lambda wb, out: ["report", str(wb), "-o", str(out / "report.docx"),
                               "--diagram-out", str(out / "diagram.svg")],
    "excel_setup": lambda wb, out: ["excel-setup", str(wb)],
    "diagram": lambda wb, out: ["diagram", str(wb), "-o", str(out / "drawn.xlsx")],
}
#: Commands that read no workbook given by the user.
NOT_READING = {"new", "demo", "suggest", "portfolio"}  # suggest reads outcome text; portfolio
# reads a folder and never stops on a bad file (its corpus test is in test_portfolio.py)
#: A few files run as whole processes: one of each kind of refusal.
SUBPROCESS_SAMPLE = ("date.xls", "any_sheets.ods", "issues.xlsb", "pass_protected.xlsx",
                     "issue252.xlsx", "errors.xlsx", "vba.xlsm", "too_small.xls")

def test_every_command_is_classified():
    unknown = set(COMMAND_MODULES) - set(READING_COMMANDS) - NOT_READING
    assert not unknown, f"add {sorted(unknown)} to READING_COMMANDS (or NOT_READING) in this file"


@pytest.fixture(scope="module")
def corpus_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy, so a command that wrongly writes cannot damage the corpus."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(CORPUS.iterdir()):
        if path.is_file():
            shutil.copy2(path, folder / path.name)
    return folder


def _check_error_line(err: str, name: str) -> None:
    assert err.count("\n") == 1, err
    assert err.startswith(f"lm-excel: error: {name}: "), err
    assert "Traceback" not in err and "internal error" not in err


@pytest.mark.parametrize("command", sorted(READING_COMMANDS))
def test_command_over_the_whole_corpus(command, corpus_copy, tmp_path, capsys):
    files = sorted(p for p in corpus_copy.iterdir() if p.is_file())
    assert len(files) >= 100
    before = {p.name: p.read_bytes() for p in files}
    for path in files:
        out = tmp_path / path.name
        out.mkdir()
        started = time.perf_counter()
        code = cli.main(READING_COMMANDS[command](path, out))
        elapsed = time.perf_counter() - started
        _, err = capsys.readouterr()
        assert code == 2, (path.name, err)
        _check_error_line(err, path.name)
        assert elapsed < 20, f"{command} {path.name} took {elapsed:.1f} s"
        assert list(out.iterdir()) == [], f"{command} {path.name} left output behind"
    assert {p.name: p.read_bytes() for p in sorted(corpus_copy.iterdir())} == before


@pytest.mark.parametrize("command", sorted(READING_COMMANDS))
def test_command_as_a_whole_process_on_a_sample(command, corpus_copy, tmp_path):
    for name in SUBPROCESS_SAMPLE:
        path = corpus_copy / name
        before = path.read_bytes()
        proc = run_cli(*READING_COMMANDS[command](path, tmp_path), timeout=60)
        assert proc.returncode == 2, (name, proc.stderr)
        _check_error_line(proc.stderr, name)
        assert path.read_bytes() == before


READ_ALL = """
import sys
from pathlib import Path
from lm_excel.errors import LmExcelError
from lm_excel.workbook.reader import read_workbook
for path in sorted(Path(sys.argv[1]).iterdir()):
    try:
        read_workbook(path)
        print(f"{path.name}: READ")
    except LmExcelError as exc:
        print(exc)
"""


def test_reading_the_corpus_in_a_plain_process_prints_only_one_line_per_file(corpus_copy):
    """Outside pytest, openpyxl's warnings would reach stderr: the reader must keep them quiet."""
    import os
    import subprocess
    import sys

    from .conftest import ROOT

    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONWARNINGS="default")
    proc = subprocess.run([sys.executable, "-c", READ_ALL, str(corpus_copy)], capture_output=True,
                          text=True, env=env, timeout=300, check=False)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr[-2000:]
    lines = proc.stdout.splitlines()
    names = sorted(p.name for p in corpus_copy.iterdir())
    assert len(lines) == len(names)
    for line, name in zip(lines, names):
        assert line.startswith(name + ": ") and not line.endswith("READ"), line
