"""The xlwings Lite scripts: Check, Build measures plan and Create Word report, inside Excel.

xlwings Lite (a free Office add-in) runs Python in Excel itself through Pyodide: nothing to
install on the computer, no macros, the workbook stays a plain ``.xlsx``. A workbook made with
``lm-excel new NAME.xlsx --lite`` holds a ``main.py`` of one line, ``from lm_excel.lite import *``,
so the add-in finds the three scripts below and runs each when its button on the Start sheet is
pressed (a named shape linked to the cell it covers: see :mod:`lm_excel.workbook.addin`).

Each script is a thin face over the same library functions the command line and the classic
buttons (:mod:`lm_excel.xl`) use, on the same whole-range reads and writes:

* the workbook is read sheet by sheet and parsed by :func:`lm_excel.parse.parse_grids`;
* results go to the Validation / Measures plan sheets and a status line on Start;
* every problem becomes one plain status line on Start (also printed to the add-in's pane),
  never a traceback;
* the report is written to ``/data`` (the add-in's *Files > Import/Export* list, where the user
  downloads it), named '<workbook> report <version> <date>.docx'.

Unlike the classic buttons there is no workbook path on disk, no VBA module whose version must
match, and nothing may start a process or a thread: everything these paths import works in
Pyodide (the Check path is run there in the test suite).
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import xlwings as xw

from lm_excel.errors import LmExcelError
from lm_excel.workbook.addin import button_spec
from lm_excel.xl import LiveBook

#: The only names ``from lm_excel.lite import *`` gives ``main.py``: the scripts.
__all__ = ["lm_build_measures_plan", "lm_check", "lm_create_word_report"]

#: Where xlwings Lite shows files for download (Files > Import/Export).
DATA_FOLDER = Path("/data")


class LiteBook(LiveBook):
    """The workbook the add-in hands a script. It has a name but no folder on this computer:
    its path is taken to be in :data:`DATA_FOLDER`, which is where outputs go."""

    def __init__(self, book: Any) -> None:
        self.book = book
        name = Path(str(book.name or "")).name or "logic model.xlsx"
        name = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', "-", name)
        self.path = DATA_FOLDER / (name if Path(name).suffix else name + ".xlsx")


def _stamp() -> str:
    return dt.datetime.now().strftime("%H:%M on %d/%m/%Y")


def run_script(action: str, work: Callable[[LiteBook], str], book: Any) -> str:
    """Run one script's work; the outcome, good or bad, is one status line on Start."""
    started = time.perf_counter()
    live = LiteBook(book)
    try:
        summary = work(live)
        status = f"{action} at {_stamp()}: {summary} ({time.perf_counter() - started:.1f} s)"
    except LmExcelError as exc:
        status = f"{action} at {_stamp()} did not finish: {exc}"
    except Exception as exc:  # noqa: BLE001  (a bug: still one plain line)
        status = (f"{action} at {_stamp()} did not finish: something went wrong inside lm-excel "
                  f"({type(exc).__name__}: {exc}). Your own entries were not changed. Please report "
                  "it to whoever supports lm-excel for you, with this line.")
    try:
        live.set_status(status)
    except Exception as exc:  # noqa: BLE001  (the status cannot be written: the pane shows it)
        status += f" (it could not be written on the Start sheet: {type(exc).__name__})"
    print(status)
    return status


# --- the work behind each button --------------------------------------------------------------


def _check(live: LiteBook) -> str:
    from lm_excel.usecases import check_workbook
    from lm_excel.xl import XlwingsWriter

    report = check_workbook(live.read_model(), writer=XlwingsWriter(live)).report
    return f"{report.status()}; see the Validation sheet"


def _plan(live: LiteBook) -> str:
    return live.write_plan(live.read_model())


def _report(live: LiteBook) -> str:
    from lm_excel.fileio import ensure_folder
    from lm_excel.report.document import default_report_path
    from lm_excel.usecases import make_report

    model = live.read_model()
    folder = ensure_folder(DATA_FOLDER)
    result = make_report(model, default_report_path(model, folder, live.path.stem))
    live.draw_diagram(model)
    return (f"report saved as '{result.path.name}': download it from the xlwings Lite menu, "
            "Files > Import/Export")


# --- the scripts ------------------------------------------------------------------------------


@xw.script(name="Check", button=button_spec("LmCheck"))
def lm_check(book: xw.Book) -> str:
    """Check: check the logic model; results on the Validation sheet and the status line."""
    return run_script("Check", _check, book)


@xw.script(name="Build measures plan", button=button_spec("LmBuildMeasuresPlan"))
def lm_build_measures_plan(book: xw.Book) -> str:
    """Build measures plan: (re)build the Measures plan sheet, keeping the user's edits."""
    return run_script("Build measures plan", _plan, book)


@xw.script(name="Create Word report", button=button_spec("LmCreateWordReport"))
def lm_create_word_report(book: xw.Book) -> str:
    """Create Word report: write the report for download from the add-in's Files list."""
    return run_script("Create Word report", _report, book)
