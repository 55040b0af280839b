"""Shared test helpers: workbooks built in code, and LibreOffice as the real spreadsheet client."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: Frozen test data committed with the project, so a fresh clone runs every test.
DATA = ROOT / "tests" / "data"
#: The foreign-spreadsheet corpus (from the calamine project, MIT: see its README and LICENSE).
CORPUS = DATA / "corpus" / "foreign-spreadsheets"
#: The measure-suggestion development set and the required measure keys (see data/eval/README.md).
EVAL = DATA / "eval"
#: shared/ sits beside the project checkout in the team's sandbox and CI. Only
#: test_test_data.py reads it (to prove the frozen copies are current), through ``shared_path``.
SHARED = ROOT.parent / "shared"


def shared_path(relative: str) -> Path:
    """``shared/RELATIVE`` beside the checkout: skipped when absent, a failure under
    ``LM_EXCEL_REQUIRE_SHARED=1`` (set by .ci/run), so nothing that needs it skips silently in CI."""
    path = SHARED / relative
    if not path.exists():
        if os.environ.get("LM_EXCEL_REQUIRE_SHARED") == "1":
            pytest.fail(f"LM_EXCEL_REQUIRE_SHARED=1 but {relative} is not in shared/ beside the checkout")
        pytest.skip(f"shared/{relative} is not beside the checkout")
    return path


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


#: The poppler-utils programs the tests marked ``pdf`` read LibreOffice's PDFs with.
PDF_TOOLS = ("pdftotext", "pdfinfo", "pdfimages")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``office`` need LibreOffice, tests marked ``pdf`` need poppler-utils: each is
    skipped when its programs are absent, and LM_EXCEL_REQUIRE_OFFICE=1 (set by .ci/run) turns
    that skip into a failure."""
    missing = {
        "office": [] if soffice_path() else ["LibreOffice (soffice)"],
        "pdf": [tool for tool in PDF_TOOLS if shutil.which(tool) is None],
    }
    for marker, absent in missing.items():
        if not absent or not any(marker in item.keywords for item in items):
            continue
        what = ", ".join(absent)
        if os.environ.get("LM_EXCEL_REQUIRE_OFFICE") == "1":
            raise pytest.UsageError(f"LM_EXCEL_REQUIRE_OFFICE=1 but not installed: {what}")
        skip = pytest.mark.skip(reason=f"not installed: {what}")
        for item in items:
            if marker in item.keywords:
                item.add_marker(skip)


def soffice_convert(src: Path, fmt: str, outdir: Path, timeout: float = 180) -> Path:
    """Convert ``src`` with headless LibreOffice; return the output path (fails the test on error).

    ``fmt`` is a LibreOffice filter spec such as ``pdf`` or ``xlsx:Calc MS Excel 2007 XML``.
    """
    exe = soffice_path()
    assert exe, "LibreOffice is not installed"
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / "lo-profile"
    proc = subprocess.run(
        [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", fmt, "--outdir", str(outdir), str(src)],
        capture_output=True, text=True, timeout=timeout, check=False,
    )
    ext = fmt.split(":")[0]
    out = outdir / f"{src.stem}.{ext}"
    assert proc.returncode == 0 and out.exists() and out.stat().st_size > 0, (
        f"LibreOffice could not convert {src.name} to {ext}: rc={proc.returncode} "
        f"stdout={proc.stdout!r} stderr={proc.stderr!r}"
    )
    return out


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``python -m lm_excel ARGS`` as a user would (a whole process)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "lm_excel", *args],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout, check=False,
    )


@pytest.fixture(scope="session")
def example_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The worked example, built once per test session (treat as read-only)."""
    from lm_excel.workbook.builder import build_workbook
    from lm_excel.example import example_records

    return build_workbook(tmp_path_factory.mktemp("example") / "example.xlsx", example_records())


@pytest.fixture(scope="session")
def blank_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A blank template, built once per test session (treat as read-only)."""
    from lm_excel.workbook.builder import build_workbook

    return build_workbook(tmp_path_factory.mktemp("blank") / "blank.xlsx")
