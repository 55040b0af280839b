"""The wheel: built from this checkout and installed on its own, it carries every package and
the button macros (macros/*.bas, their one source) inside the package, where lm-excel finds them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")  # a copy: a build writes build/ and egg-info beside it
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for folder in ("lm_excel", "macros"):
        shutil.copytree(ROOT / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "--quiet", "-w", str(out), str(src)], check=True, capture_output=True, text=True)
    [built] = out.glob("lm_excel-*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_has_every_package_and_the_macros_inside_the_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = sorted(p.parent.relative_to(ROOT).as_posix() for p in (ROOT / "lm_excel").rglob("__init__.py"))
    missing = [p for p in packages if f"{p}/__init__.py" not in names]
    assert not missing, f"pyproject.toml's package list lacks {missing}"
    macros = sorted(p.name for p in (ROOT / "macros").glob("*.bas"))
    assert macros and all(f"lm_excel/macros/{m}" in names for m in macros)
    assert not [n for n in names if "/share/" in n or ".data/" in n], "nothing installed outside the package"


@pytest.mark.slow
def test_an_installed_wheel_finds_its_macros(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target",
                    str(target), str(wheel)], check=True, capture_output=True, text=True)
    code = ("import lm_excel.workbook.buttons as b; print(b.macros_dir()); "
            "print(','.join(m.name for m in b.macro_modules()))")
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=tmp_path, check=True)
    folder, modules = out.stdout.strip().splitlines()
    assert Path(folder) == target / "lm_excel" / "macros"
    assert modules.split(",") == sorted(p.stem for p in (ROOT / "macros").glob("*.bas"))
