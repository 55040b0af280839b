"""The macro-enabled workbook: buttons on the Start sheet and the VBA project behind them.

The VBA project is built when the workbook is built, from two sources and nothing else:

- the button macros in the project's ``macros/*.bas`` (one small Sub per action, each calling
  xlwings' ``RunPython "import lm_excel.xl as xl; xl.<function>()"``);
- the VBA module ``xlwings.bas`` (and the ``Dictionary`` class it needs on a Mac) of the xlwings
  package installed here, so the VBA side always has the version of the Python side.

No copy of xlwings' VBA and no built ``vbaProject.bin`` is kept in the project. This module does
not import xlwings: it finds the installed package's folder without running it.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lm_excel import layout as L
from lm_excel.errors import LmExcelError
from lm_excel.workbook.vba import CLASS, STANDARD, VbaModule, vba_project_bin

#: Metadata key holding the version of the xlwings VBA module built into the workbook.
META_XLWINGS_VBA = "xlwings_vba_version"
#: Cell the probe macro (``LmTestMacros`` in macros/LmProbe.bas) writes, on the Start sheet.
PROBE_CELL = f"E{L.START_BUTTONS_ROW + 5}"
#: Name of the probe macro and of its module.
PROBE_MACRO = "LmTestMacros"
PROBE_MODULE = "LmProbe"


@dataclass(frozen=True)
class Button:
    macro: str  # the Sub in macros/LmButtons.bas
    caption: str
    function: str  # the entry point in lm_excel.xl it runs
    cell: str  # top-left cell on the Start sheet


#: The buttons on the Start sheet, left to right from column E.
BUTTONS: tuple[Button, ...] = (
    Button("LmCheck", "Check", "validate", f"E{L.START_BUTTONS_ROW}"),
    Button("LmBuildMeasuresPlan", "Build measures plan", "measures_plan", f"F{L.START_BUTTONS_ROW}"),
    Button("LmCreateWordReport", "Create Word report", "word_report", f"G{L.START_BUTTONS_ROW}"),
)

_VERSION_RE = re.compile(r'XLWINGS_VERSION\s+As\s+String\s*=\s*"([^"]+)"', re.IGNORECASE)
_RUNPYTHON_RE = re.compile(r'\bRunPython\s*\(?\s*"((?:[^"]|"")*)"', re.IGNORECASE)
_SUB_RE = re.compile(r"^\s*(?:Public\s+|Private\s+)?Sub\s+(\w+)\s*\(", re.IGNORECASE | re.MULTILINE)


# --- where the sources are ----------------------------------------------------------------------


def macros_dir() -> Path:
    """The folder of the button macros' .bas files.

    An installed wheel carries them inside the package (``lm_excel/macros``, see pyproject.toml);
    in a source checkout (and an editable install) they are the top-level ``macros/`` beside it.
    """
    package = Path(__file__).resolve().parents[1]
    for folder in (package / "macros", package.parent / "macros"):
        if folder.is_dir() and any(folder.glob("*.bas")):
            return folder
    raise LmExcelError(
        "the button macros (macros/*.bas) were not found; reinstall lm-excel (pip install --force-reinstall lm-excel)"
    )


def xlwings_dir() -> Path:
    """Folder of the installed xlwings package (found without importing it)."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        raise LmExcelError("xlwings is not installed; run: pip install xlwings (the buttons need it)")
    return Path(next(iter(spec.submodule_search_locations)))


def xlwings_package_version() -> str:
    """Version of the installed xlwings package, without importing it: the ``__version__`` its
    ``__init__.py`` declares (a glance at one file; scanning every installed package's metadata
    took a quarter of a second on a loaded machine), else its metadata."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        text = (xlwings_dir() / "__init__.py").read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    m = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", text, re.MULTILINE)
    if m:
        return m.group(1)
    try:
        return version("xlwings")
    except PackageNotFoundError:
        raise LmExcelError("xlwings is not installed; run: pip install xlwings (the buttons need it)") from None


def vba_module_version(source: str) -> str | None:
    """The version an xlwings VBA module declares (``XLWINGS_VERSION``), or None."""
    m = _VERSION_RE.search(source)
    return m.group(1) if m else None


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("cp1252")
    except OSError as exc:
        raise LmExcelError(f"cannot be read: {exc.strerror or exc}", path) from None


def _module_name(source: str, path: Path) -> str:
    m = re.search(r'^\s*Attribute\s+VB_Name\s*=\s*"([^"]+)"', source, re.IGNORECASE | re.MULTILINE)
    return m.group(1) if m else path.stem


def macro_modules() -> list[VbaModule]:
    """The button macros, one module per macros/*.bas file, in file-name order."""
    modules = []
    for path in sorted(macros_dir().glob("*.bas")):
        source = _read_text(path)
        modules.append(VbaModule(_module_name(source, path), source, STANDARD, origin=path.name))
    return modules


def xlwings_modules() -> list[VbaModule]:
    """xlwings' own VBA (``xlwings.bas`` and the ``Dictionary`` class) from the installed package."""
    folder = xlwings_dir()
    bas = folder / "xlwings.bas"
    cls = folder / "addin" / "Dictionary.cls"
    if not bas.is_file():
        raise LmExcelError("the installed xlwings has no xlwings.bas; reinstall it (pip install --force-reinstall xlwings)")
    source = _read_text(bas)
    declared = vba_module_version(source)
    installed = xlwings_package_version()
    if declared != installed:
        raise LmExcelError(
            f"the installed xlwings ({installed}) ships a VBA module of version {declared}; "
            "reinstall it (pip install --force-reinstall xlwings)"
        )
    modules = [VbaModule("xlwings", source, STANDARD, origin=f"xlwings {installed}: xlwings.bas")]
    if cls.is_file():  # needed by xlwings.bas on a Mac (Scripting.Dictionary is Windows-only)
        modules.append(VbaModule("Dictionary", _read_text(cls), CLASS, origin=f"xlwings {installed}: Dictionary.cls"))
    return modules


# --- reading VBA back ---------------------------------------------------------------------------


def strip_vba_comments(source: str) -> str:
    """VBA source without comments (a ' outside a string literal, or a Rem line, to line end)."""
    lines = []
    for line in source.splitlines():
        if re.match(r"^\s*Rem(\s|$)", line, re.IGNORECASE):
            lines.append("")
            continue
        in_string = False
        for i, ch in enumerate(line):
            if ch == '"':
                in_string = not in_string
            elif ch == "'" and not in_string:
                line = line[:i]
                break
        lines.append(line)
    return "\n".join(lines)


def runpython_commands(source: str) -> list[str]:
    """Every Python command a VBA source passes to ``RunPython`` as a string literal (comments
    are not code and are skipped)."""
    return [m.group(1).replace('""', '"') for m in _RUNPYTHON_RE.finditer(strip_vba_comments(source))]


_ENTRY_RE = re.compile(r"^\s*import\s+lm_excel\.xl\s+as\s+xl\s*;\s*xl\.(\w+)\(\)\s*$")


def entry_point_of(command: str) -> str | None:
    """The lm_excel.xl function a RunPython command calls (None if it is not of our form)."""
    m = _ENTRY_RE.match(command)
    return m.group(1) if m else None


def sub_names(source: str) -> list[str]:
    return _SUB_RE.findall(source)


#: Files that can hold a VBA project Excel runs (an .xlsx never runs macros).
MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlam", ".xls", ".xla", ".xlt", ".xlsb")


def read_workbook_vba(path: str | os.PathLike[str]) -> dict[str, str]:
    """Module name -> source of the VBA project inside a workbook; {} when it has none.

    Read with pyOpenVBA (a runtime dependency, which also writes the project); the tests check
    it against oletools' olevba.
    """
    from pyopenvba import ExcelFile, PyOpenVBAError

    path = Path(path)
    if path.suffix.lower() not in MACRO_SUFFIXES:
        return {}
    try:
        book = ExcelFile(path)
    except (PyOpenVBAError, OSError, ValueError) as exc:
        raise LmExcelError(f"its macros cannot be read ({exc})", path) from None
    try:
        if not book.has_vba_project():
            return {}
        return dict(book.vba_modules())
    except (PyOpenVBAError, ValueError, KeyError) as exc:
        raise LmExcelError(f"its macros cannot be read ({exc})", path) from None
    finally:
        book.close()


# --- the build hook -----------------------------------------------------------------------------

_BUTTON_W, _BUTTON_H = 138, 40


def vba_hook(workbook: Any, start_ws: Any) -> None:
    """Builder hook (see :func:`lm_excel.workbook.builder.build_workbook`): embed the VBA project and buttons."""
    modules = [*macro_modules(), *xlwings_modules()]
    sheet_names = [ws.vba_codename for ws in workbook.worksheets()]
    data = vba_project_bin(modules, sheet_names, workbook.vba_codename or "ThisWorkbook")
    workbook.add_vba_project(io.BytesIO(data), is_stream=True)
    for button in BUTTONS:
        start_ws.insert_button(
            button.cell,
            {
                "macro": button.macro,
                "caption": button.caption,
                "width": _BUTTON_W,
                "height": _BUTTON_H,
                "x_offset": 2,
                "y_offset": 2,
                "description": f"Runs {button.caption} with lm-excel (needs Python and lm-excel on this computer)",
            },
        )
    fmt = workbook.add_format({"font_name": "Arial", "font_size": 9, "font_color": "#4D4D4D",
                               "italic": True, "text_wrap": True, "valign": "top"})
    note_row = L.START_BUTTONS_ROW + 2  # 0-based row below the buttons
    start_ws.merge_range(note_row, 4, note_row + 1, 6,
                         "The buttons need Python with lm-excel on this computer (see 'Using the buttons "
                         "in Excel' in the lm-excel README). Without them, run the same actions with the "
                         "lm-excel command line.", fmt)


def xlsm_meta() -> Mapping[str, str]:
    """Metadata the macro-enabled workbook carries besides the usual (see builder.metadata)."""
    return {META_XLWINGS_VBA: xlwings_package_version(),
            "vba_built": dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")}


def build_macro_workbook(path: str | os.PathLike[str], records: Any = None) -> Path:
    """Write the macro-enabled workbook (.xlsm) with buttons, atomically and verified."""
    from lm_excel.workbook.builder import build_workbook

    target = Path(path)
    if target.suffix.lower() != ".xlsm":
        raise LmExcelError("a workbook with buttons must end in .xlsm", target)
    return build_workbook(target, records, meta=xlsm_meta(), vba_hook=vba_hook)
