"""The xlwings Lite Check script inside Pyodide (WebAssembly Python, as in Excel) under Node.

lm-excel is built as a wheel from this checkout; its pure dependencies (xlwings, openpyxl,
et-xmlfile, defusedxml) come as wheels from ``LM_EXCEL_PYODIDE_WHEELS``; Node's ``pyodide``
package is in ``LM_EXCEL_PYODIDE_DIR``. .ci/run provides both and sets
``LM_EXCEL_REQUIRE_PYODIDE=1``, which turns the skip (no Node, no Pyodide) into a failure.

The Check script runs on the worked example (with two edits that give findings) sent as JSON,
the add-in's way (main.py, the scripts' metadata, ``custom_scripts_call``), inside Pyodide and in
CPython: both must write the same Validation sheet and status line.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lm_excel import layout as L

from .conftest import ROOT
from .test_xl import payload_from

pytestmark = [pytest.mark.pyodide, pytest.mark.slow]

HERE = Path(__file__).resolve().parent / "lite_pyodide"
EXAMPLE = ROOT / "templates" / "logic-model-example.xlsx"
#: Edits that give findings: an outcome with no text, a link to an outcome that does not exist,
#: an ID used twice, a direction not in its list.
_FIRST = L.HEADER_ROW + 1
EDITS = {("Outcomes", f"B{_FIRST}"): "", ("Outcomes", f"F{_FIRST + 1}"): "OC99",
         ("Outcomes", f"A{_FIRST + 2}"): "OC1", ("Outcomes", f"E{_FIRST}"): "Sideways"}
#: Within this the whole Pyodide run must finish (boot, installs, imports and the script).
BUDGET_SECONDS = 120


def _need(what: str) -> None:
    if os.environ.get("LM_EXCEL_REQUIRE_PYODIDE") == "1":
        pytest.fail(f"LM_EXCEL_REQUIRE_PYODIDE=1 but {what}")
    pytest.skip(what)


@pytest.fixture(scope="module")
def pyodide_dir() -> Path:
    node = shutil.which("node")
    folder = os.environ.get("LM_EXCEL_PYODIDE_DIR")
    if not node:
        _need("Node is not installed")
    if not folder or not (Path(folder) / "pyodide.mjs").is_file():
        _need("LM_EXCEL_PYODIDE_DIR does not name the npm package pyodide (see .ci/run)")
    return Path(folder)


@pytest.fixture(scope="module")
def wheels(pyodide_dir, tmp_path_factory: pytest.TempPathFactory) -> Path:
    deps = os.environ.get("LM_EXCEL_PYODIDE_WHEELS")
    if not deps or not list(Path(deps).glob("*.whl")):
        _need("LM_EXCEL_PYODIDE_WHEELS does not hold the dependencies' wheels (see .ci/run)")
    folder = tmp_path_factory.mktemp("wheels")
    for whl in Path(deps).glob("*.whl"):
        if not whl.name.startswith("lm_excel-"):
            shutil.copy(whl, folder)
    res = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder), str(ROOT)],
                         capture_output=True, text=True, timeout=300, check=False)
    assert res.returncode == 0, f"building the lm-excel wheel failed:\n{res.stderr[-2000:]}"
    return folder


@pytest.fixture(scope="module")
def payload(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("payload") / "payload.json"
    path.write_text(json.dumps(payload_from(EXAMPLE, fullname=EXAMPLE.name, edit=EDITS), default=str))
    return path


def run_in_pyodide(pyodide_dir: Path, wheels: Path, payload: Path, out: Path, repeat: int = 1) -> dict:
    res = subprocess.run(["node", str(HERE / "run.mjs"), str(pyodide_dir), str(wheels), str(payload), str(out),
                          str(repeat)], capture_output=True, text=True, timeout=BUDGET_SECONDS, check=False)
    assert res.returncode == 0, f"Pyodide run failed:\n{res.stderr[-3000:]}"
    return json.loads(out.read_text())


def run_in_cpython(payload: Path, repeat: int = 1) -> dict:
    """The same harness in a fresh CPython process (xlwings must start in its Lite/server mode)."""
    code = ("import asyncio, json, sys, types\n"
            f"h = types.ModuleType('harness'); exec(open({str(HERE / 'harness.py')!r}).read(), h.__dict__)\n"
            f"print(json.dumps(asyncio.run(h.run_check(json.load(open({str(payload)!r})), {repeat}))))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                         check=False)
    assert res.returncode == 0, res.stderr[-3000:]
    return json.loads(res.stdout.strip().splitlines()[-1])


def _comparable(result: dict) -> dict:
    """What the user sees, without the time of day the Validation sheet's 'Checked' row shows."""
    writes = [[r, c, [row for row in values if row[:1] != ["Checked"]]] for r, c, values in result["validation"]]
    return {"scripts": result["scripts"], "status": result["status"], "validation": writes}


def test_check_script_in_pyodide_gives_the_cpython_findings(pyodide_dir, wheels, payload, tmp_path):
    inside = run_in_pyodide(pyodide_dir, wheels, payload, tmp_path / "out.json")
    outside = run_in_cpython(payload)
    assert "needs fixing" in inside["status"], inside["status"]
    assert set(inside["scripts"]) == {"lm_check", "lm_build_measures_plan", "lm_create_word_report"}
    codes = {row[7] for _, _, values in inside["validation"] for row in values[1:] if len(row) > 7}
    assert len(codes) >= 3, f"the edits should give several kinds of finding: {codes}"
    assert _comparable(inside) == _comparable(outside)
