"""lm-excel excel-setup: what the buttons need, checked against real built workbooks."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from lm_excel import excel_setup

from lm_excel.workbook import buttons
from lm_excel.workbook.vba import VbaModule

from .conftest import run_cli


@pytest.fixture(scope="module")
def example_xlsm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from lm_excel.workbook.buttons import build_macro_workbook
    from lm_excel.example import example_records

    return build_macro_workbook(tmp_path_factory.mktemp("xlsm") / "example.xlsm", example_records())


def test_setup_on_a_fresh_workbook_finds_nothing_to_fix_and_writes_config(tmp_path, example_xlsm):
    book = tmp_path / "model.xlsm"
    book.write_bytes(example_xlsm.read_bytes())
    proc = run_cli("excel-setup", str(book))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "matching Python" in proc.stdout and "validate" in proc.stdout
    key = f"INTERPRETER_{excel_setup.platform_key()}"
    assert f"no {key} is set" in proc.stdout

    conf = tmp_path / "xlwings.conf"
    conf.write_text('"SHOW CONSOLE","False"\r\n', encoding="utf-8")  # a setting of the user's own
    proc = run_cli("excel-setup", str(book), "--write-config")
    assert proc.returncode == 2 and "add --force to update it" in proc.stderr, "never replaced unasked"
    proc = run_cli("excel-setup", str(book), "--write-config", "--force")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    settings = excel_setup.read_conf_file(conf)
    assert settings["SHOW CONSOLE"] == "False", "other settings are kept"
    assert settings[key] == sys.executable or settings[key].endswith("python.exe")
    assert f"ok   {key} = " in proc.stdout
    assert book.read_bytes() == example_xlsm.read_bytes(), "the workbook is never changed"


def test_setup_names_the_xlwings_version_to_install_on_a_mismatch(tmp_path, monkeypatch):
    real = buttons.xlwings_modules

    def older() -> list[VbaModule]:
        mods = real()
        source = mods[0].source
        built = buttons.vba_module_version(source)
        return [VbaModule("xlwings", source.replace(f'"{built}"', '"0.30.0"')), *mods[1:]]

    monkeypatch.setattr(buttons, "xlwings_modules", older)
    book = buttons.build_macro_workbook(tmp_path / "old.xlsm")
    items = excel_setup.check(book)
    fixes = [i for i in items if i.status == excel_setup.FIX]
    assert len(fixes) == 1 and "xlwings 0.30.0 VBA module" in fixes[0].what
    assert 'pip install "xlwings==0.30.0"' in fixes[0].todo


def test_setup_on_a_workbook_without_macros_says_how_to_get_buttons(blank_xlsx):
    proc = run_cli("excel-setup", str(blank_xlsx))
    assert proc.returncode == 1
    assert "has no macros" in proc.stdout and "lm-excel new" in proc.stdout


def test_write_config_needs_a_workbook():
    proc = run_cli("excel-setup", "--write-config")
    assert proc.returncode == 2 and "needs the workbook" in proc.stderr


def test_conf_file_round_trip(tmp_path):
    path = tmp_path / "xlwings.conf"
    settings = {"INTERPRETER_WIN": r"C:\Program Files\Python311\python.exe", "PYTHONPATH": 'a "quoted" dir'}
    path.write_text(excel_setup.conf_text(settings), encoding="utf-8")
    assert excel_setup.read_conf_file(path) == settings
    assert path.read_text(encoding="utf-8").startswith('"INTERPRETER_WIN","C:\\Program Files')


def test_demo_also_writes_the_workbook_with_buttons(tmp_path):
    proc = run_cli("demo", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    xlsm = [Path(line) for line in proc.stdout.splitlines() if line.endswith(".xlsm")]
    assert len(xlsm) == 1 and xlsm[0].exists()
    assert "LmButtons" in buttons.read_workbook_vba(xlsm[0])


def test_excel_setup_help_has_an_example():
    proc = run_cli("excel-setup", "--help")
    assert proc.returncode == 0 and "example:" in proc.stdout and "lm-excel excel-setup" in proc.stdout


def test_excel_setup_needs_no_dev_only_package(tmp_path, example_xlsm):
    """A shipped command needs only runtime dependencies: excel-setup reads the VBA project
    without oletools (a dev extra), and never imports the Excel face lm_excel.xl."""
    import subprocess

    book = tmp_path / "model.xlsm"
    book.write_bytes(example_xlsm.read_bytes())
    code = ("import sys; sys.modules['oletools'] = None; from lm_excel.cli import main; "
            "rc = main(['excel-setup', sys.argv[1]]); "
            "assert 'lm_excel.xl' not in sys.modules and 'xlwings' not in sys.modules, 'face imported'; "
            "sys.exit(rc)")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.run([sys.executable, "-c", code, str(book)], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "matching Python" in proc.stdout and "the buttons call" in proc.stdout
