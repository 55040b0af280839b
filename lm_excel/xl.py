"""The Excel buttons' entry points (xlwings): the only module of lm-excel that imports xlwings.

Each button on the Start sheet runs ``RunPython "import lm_excel.xl as xl; xl.<function>()"``
(see macros/LmButtons.bas). Each function here:

1. gets the workbook that called it (``xw.Book.caller()``, only inside the function, never at
   import time) or the ``book`` passed in (tests use xlwings' remote engine);
2. reads every sheet in one whole-range read each (values from A1 to the end of the used range)
   and parses the grids with :func:`lm_excel.workbook.parse.parse_grids`, the code the file reader uses;
3. runs the library, writes the results back in whole-range writes, and a status line with the
   time and a summary on the Start sheet;
4. turns every problem into a plain message box that says what to do: never a traceback.

Problems Excel can see by itself (workbook never saved, opened from a web address, Python not
found) are also caught on the VBA side before Python starts.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from lm_excel import layout as L
from lm_excel.errors import LmExcelError
from lm_excel.model import CellRef, LogicModel

TITLE = "lm-excel"
#: Same limits as the file reader: a sheet is read up to here and no further.
MAX_ROWS = 20_000
MAX_COLUMNS = 200
#: First row (1-based) the tools write on an output sheet; rows above hold its title and intro.
OUTPUT_FIRST_ROW = 4


class ExcelSetupError(LmExcelError):
    """The buttons cannot work with this workbook or this computer as set up (message says why)."""


# --- the entry points ---------------------------------------------------------------------------


def validate(book: Any = None) -> str:
    """Check button: check the logic model, write the Validation sheet and the status line."""
    return _run("Check", _validate, book)


def measures_plan(book: Any = None) -> str:
    """Build measures plan button: (re)build the Measures plan sheet, keeping the user's edits."""
    return _run("Build measures plan", _measures_plan, book)


def word_report(book: Any = None, open_file: bool = True) -> str:
    """Create Word report button: write the report next to the workbook and open it."""
    return _run("Create Word report", lambda live: _word_report(live, open_file), book)


# --- the live workbook --------------------------------------------------------------------------


def _pad(rows: Sequence[Sequence[object]], width: int) -> list[list[object]]:
    return [list(r) + [None] * (width - len(r)) for r in rows]


class LiveBook:
    """A workbook open in Excel (or an xlwings remote-engine book), read and written in blocks."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.path = workbook_path(book.fullname)

    @property
    def name(self) -> str:
        return self.path.name

    def sheet_names(self) -> list[str]:
        return [sh.name for sh in self.book.sheets]

    def grid(self, sheet_name: str) -> list[list[object]]:
        """All values of one sheet from A1 to the end of its used range, in one read."""
        sheet = self.book.sheets[sheet_name]
        last = sheet.used_range.last_cell
        rows, cols = min(last.row, MAX_ROWS), min(last.column, MAX_COLUMNS)
        if rows == 1 and cols == 1:
            value = sheet.range((1, 1)).value
            return [] if value is None else [[value]]
        values = sheet.range((1, 1), (rows, cols)).options(ndim=2).value
        grid = _pad(values, cols)
        while grid and all(v is None or v == "" for v in grid[-1]):
            grid.pop()
        return grid

    def grids(self, skip: Sequence[str] = (L.LISTS_SHEET,)) -> dict[str, list[list[object]]]:
        skipped = {L.match_key(s) for s in skip}
        return {n: self.grid(n) for n in self.sheet_names() if L.match_key(n) not in skipped}

    def read_model(self) -> LogicModel:
        from lm_excel.workbook.parse import parse_grids

        return parse_grids(self.grids(), source=self.name, path=self.path)

    def find_sheet(self, wanted: str) -> str | None:
        from lm_excel.workbook.parse import find_sheet

        return find_sheet(self.sheet_names(), wanted)

    def write_block(self, sheet_name: str, first_row: int, rows: Sequence[Sequence[object]],
                    old_rows: int = 0, old_cols: int = 0) -> None:
        """Replace what is on a sheet from ``first_row`` down with ``rows`` (two whole-range writes:
        clear the old block, write the new one)."""
        sheet = self.book.sheets[sheet_name]
        width = max((len(r) for r in rows), default=0)
        if old_rows >= first_row and old_cols:
            sheet.range((first_row, 1), (old_rows, max(old_cols, width, 1))).clear_contents()
        if rows and width:
            sheet.range((first_row, 1)).value = [[_as_text(v) for v in row] for row in _pad(rows, width)]

    def write_plan(self, model: LogicModel) -> str:
        """Rebuild the Measures plan sheet as ``lm-excel plan`` does (every edit the user made to
        the plan already in the workbook kept); redraw the Diagram sheet; return the summary."""
        from lm_excel.usecases import build_plan
        from lm_excel.workbook.plan_sheet import plan_grid

        plan = build_plan(model).plan
        sheet = self.find_sheet(L.MEASURES_PLAN.name)
        if sheet is None:
            self.book.sheets.add(L.MEASURES_PLAN.name, after=self.book.sheets[len(self.book.sheets) - 1])
            sheet = L.MEASURES_PLAN.name
        old = model.extras.get(L.MEASURES_PLAN.name, ())
        self.write_block(sheet, 1, plan_grid(plan), len(old), max((len(r) for r in old), default=0))
        _style_plan_sheet(self, sheet, len(plan.rows))
        self.draw_diagram(model)
        return (f"{len(plan.rows)} rows; your changes kept: {plan.kept_edits} cells, "
                f"{plan.kept_rows} rows; see the Measures plan sheet")

    def draw_diagram(self, model: LogicModel) -> None:
        """Draw the logic-model diagram onto the Diagram sheet (added after Start when missing),
        with its caption, and record what it was drawn from on the Metadata sheet."""
        import tempfile

        from lm_excel.usecases.diagram import diagram_state, sheet_picture
        from lm_excel.workbook.diagram_sheet import PICTURE_NAME, PICTURE_ROW

        if diagram_state(model).current and self.find_sheet(L.DIAGRAM.name):
            return
        pic = sheet_picture(model)
        name = self.find_sheet(L.DIAGRAM.name)
        if name is None:
            start = self.find_sheet(L.START.name)
            self.book.sheets.add(L.DIAGRAM.name, after=self.book.sheets[start or 0])
            name = L.DIAGRAM.name
        sheet = self.book.sheets[name]
        sheet.range("A1").value = [[L.DIAGRAM.name], [pic.caption], [""]]
        with tempfile.TemporaryDirectory() as tmp:
            png = Path(tmp) / "diagram.png"
            png.write_bytes(pic.png)
            picture = sheet.pictures.add(str(png), name=PICTURE_NAME, update=True,
                                         anchor=sheet.range(f"A{PICTURE_ROW + 1}"))
            picture.width, picture.height = pic.width_in * 72, pic.height_in * 72
        self.set_meta(pic.meta)

    def set_meta(self, values: Mapping[str, str]) -> None:
        """Set keys on the hidden Metadata sheet (key in column A, value in B), adding rows."""
        name = self.find_sheet(L.META_SHEET)
        if name is None:
            return
        rows = [list(r[:2]) + [None] * (2 - len(r[:2])) for r in self.grid(name)]
        where = {str(r[0]): i for i, r in enumerate(rows) if r[0] not in (None, "")}
        for key, value in values.items():
            if key in where:
                rows[where[key]][1] = value
            else:
                where[key] = len(rows)
                rows.append([key, value])
        self.write_block(name, 1, rows)

    def set_status(self, text: str) -> None:
        start = self.find_sheet(L.START.name)
        if start is not None:
            self.book.sheets[start].range(L.START_STATUS_CELL).value = text

    def alert(self, text: str, critical: bool = False) -> None:
        self.book.app.alert(text, title=TITLE, buttons="ok", mode="critical" if critical else "info")


def _as_text(value: object) -> object:
    """A value for a live cell: empty as "", text that looks like a formula kept as text."""
    from lm_excel.workbook.safe_xl import live_text

    return "" if value is None else live_text(value)


def _split_cell(cell: str) -> tuple[int, int]:
    """'B12' -> (12, 2)."""
    m = re.fullmatch(r"\$?([A-Za-z]{1,3})\$?(\d+)", cell.strip())
    if not m:
        raise ValueError(f"not a cell address: {cell!r}")
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


class XlwingsWriter:
    """The checks' ``SheetWriter`` over a live workbook (xlwings): whole-range operations only."""

    def __init__(self, live: LiveBook) -> None:
        self.live = live
        self.book = live.book

    def sheet_names(self) -> list[str]:
        return self.live.sheet_names()

    def add_sheet(self, name: str, after: str | None = None) -> None:
        sheets = self.book.sheets
        if after in self.sheet_names():
            sheets.add(name, after=sheets[after])
        else:
            sheets.add(name, after=sheets[len(sheets) - 1])

    def clear_rows(self, sheet: str, first_row: int) -> None:
        sh = self.book.sheets[sheet]
        last = sh.used_range.last_cell
        if last.row >= first_row:
            sh.range((first_row, 1), (last.row, max(last.column, 1))).clear()

    def write_grid(self, sheet: str, top_left: str, rows: Sequence[Sequence[object]]) -> None:
        width = max((len(r) for r in rows), default=0)
        if not rows or not width:
            return
        block = [[_as_text(v) for v in row] for row in _pad(rows, width)]
        self.book.sheets[sheet].range(top_left).value = block

    def set_style(self, sheet: str, cells: str, *, fill: str | None = None,
                  font_colour: str | None = None, bold: bool = False, wrap: bool = False) -> None:
        rng = self.book.sheets[sheet].range(cells)
        if fill:
            rng.color = "#" + fill
        if font_colour:
            rng.font.color = "#" + font_colour
        if bold:
            rng.font.bold = True
        if wrap:
            rng.wrap_text = True

    def set_links(self, sheet: str, top_left: str, targets: Sequence[CellRef | None]) -> None:
        """One column of HYPERLINK formulas (a single write) that keep each cell's text."""
        if not targets:
            return
        row, col = _split_cell(top_left)
        rng = self.book.sheets[sheet].range((row, col), (row + len(targets) - 1, col))
        shown = rng.options(ndim=2).value
        formulas = []
        for (text,), target in zip(shown, targets):
            label = "" if text is None else str(text)
            if target is None:
                formulas.append([_as_text(label)])
            else:
                address = f"#{target}".replace('"', '""')
                formulas.append([f'=HYPERLINK("{address}","{label.replace(chr(34), chr(34) * 2)}")'])
        rng.formula = formulas

    def set_column_widths(self, sheet: str, widths: Mapping[str, float]) -> None:
        sh = self.book.sheets[sheet]
        for letter, width in widths.items():
            sh.range(f"{letter}1").column_width = width

    def set_row_heights(self, sheet: str, first_row: int, heights: Sequence[float]) -> None:
        sh = self.book.sheets[sheet]
        start = 0
        while start < len(heights):  # one call per run of equal heights
            end = start
            while end + 1 < len(heights) and heights[end + 1] == heights[start]:
                end += 1
            sh.range((first_row + start, 1), (first_row + end, 1)).row_height = heights[start]
            start = end + 1

    def highlight(self, sheet: str, cells: Sequence[str], fill: str) -> None:
        from lm_excel.workbook.sheetwriter import HIGHLIGHT_FORMULA

        sh = self.book.sheets[sheet]
        for cell in dict.fromkeys(cells):
            sh.range(cell).conditional_formats.add_custom("=" + HIGHLIGHT_FORMULA, fill_color="#" + fill)

    def clear_highlights(self) -> None:
        from lm_excel.workbook.sheetwriter import HIGHLIGHT_MARKER

        for sh in self.book.sheets:
            try:
                rules = list(sh.cells.conditional_formats)
            except NotImplementedError:  # an engine that cannot list rules (remote engine)
                return
            for rule in rules:
                if HIGHLIGHT_MARKER in str(rule.formula or ""):
                    rule.delete()


def workbook_path(fullname: str) -> Path:
    """The workbook's file path, or :class:`ExcelSetupError` when the buttons cannot use it."""
    name = str(fullname or "")
    if re.match(r"^[a-z][a-z0-9+.-]*://", name, re.IGNORECASE):
        raise ExcelSetupError(
            "This workbook is open from OneDrive or SharePoint (a web address), so lm-excel cannot "
            "find it on this computer. Open it from a synced folder or a copy in Documents (File "
            "Explorer or Finder) and press the button again. If your OneDrive folder is synced, "
            "'lm-excel excel-setup' can set xlwings up to find it."
        )
    path = Path(name)
    if not path.suffix or (not path.is_absolute() and str(path.parent) in ("", ".")):
        raise ExcelSetupError(
            "This workbook has not been saved yet. Save it (File > Save As > Excel Macro-Enabled "
            "Workbook) in a folder on this computer, then press the button again."
        )
    return path


def check_xlwings_version(model: LogicModel) -> None:
    """The VBA module built into the workbook must be the xlwings version Python has."""
    import xlwings as xw

    from lm_excel.workbook.buttons import META_XLWINGS_VBA

    built = model.meta.get(META_XLWINGS_VBA, "")
    if built and built != xw.__version__:
        raise ExcelSetupError(
            f"This workbook's buttons were built for xlwings {built}, but Python here has xlwings "
            f"{xw.__version__}. Ask your IT contact to run: pip install \"xlwings=={built}\" "
            "(or run 'lm-excel excel-setup' on this workbook for the details)."
        )


# --- running an action --------------------------------------------------------------------------


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _stamp(when: dt.datetime) -> str:
    return when.strftime("%H:%M on %d/%m/%Y")


def _run(action: str, work: Callable[[LiveBook], str], book: Any) -> str:
    """Run one button's work; every failure becomes a message box and a status line."""
    import xlwings as xw

    if book is None:
        book = xw.Book.caller()
    started = time.perf_counter()
    live: LiveBook | None = None
    try:
        live = LiveBook(book)
        summary = work(live)
    except LmExcelError as exc:
        message = exc.detail if isinstance(exc, ExcelSetupError) else str(exc)
        _report_failure(book, live, action, message)
        return message
    except Exception as exc:  # noqa: BLE001  (a bug: still a plain message, with where to look)
        message = (
            f"Something went wrong inside lm-excel ({type(exc).__name__}: {exc}). Your own entries "
            "were not changed. Run the same action from the command line with "
            "--debug for details (e.g. lm-excel --debug check \"THIS WORKBOOK\"), and report it."
        )
        _report_failure(book, live, action, message)
        return message
    seconds = time.perf_counter() - started
    status = f"{action} at {_stamp(_now())}: {summary} ({seconds:.1f} s)"
    live.set_status(status)
    return status


def _report_failure(book: Any, live: LiveBook | None, action: str, message: str) -> None:
    try:
        if live is not None:
            live.set_status(f"{action} at {_stamp(_now())} did not finish: {message}")
    finally:
        book.app.alert(f"{action} did not finish.\n\n{message}", title=TITLE, buttons="ok", mode="critical")


# --- Check --------------------------------------------------------------------------------------


def _validate(live: LiveBook) -> str:
    """Check the workbook as ``lm-excel check`` does and write the results on its Validation
    sheet (the same layout ``lm-excel check --write`` gives a file)."""
    from lm_excel.usecases import check_workbook

    model = live.read_model()
    check_xlwings_version(model)
    report = check_workbook(model, writer=XlwingsWriter(live)).report
    return f"{report.status()}; see the Validation sheet"


# --- Build measures plan ------------------------------------------------------------------------


def _measures_plan(live: LiveBook) -> str:
    """Rebuild the Measures plan sheet as ``lm-excel plan`` does (see :meth:`LiveBook.write_plan`)."""
    model = live.read_model()
    check_xlwings_version(model)
    return live.write_plan(model)


def _style_plan_sheet(live: LiveBook, sheet: str, n_rows: int) -> None:
    """Header colours, wrapped text and the hidden bookkeeping columns (a few range calls)."""
    from lm_excel.model import col_letter

    sh = live.book.sheets[sheet]
    last = col_letter(len(L.PLAN_COLUMNS))
    header = sh.range(f"A{L.HEADER_ROW}:{last}{L.HEADER_ROW}")
    header.color = "#" + L.MEASURES_PLAN.colour
    header.font.color = "#FFFFFF"
    header.font.bold = True
    if n_rows:
        sh.range(f"A{L.HEADER_ROW + 1}:{last}{L.HEADER_ROW + n_rows}").wrap_text = True
    for i, col in enumerate(L.PLAN_COLUMNS, start=1):
        if col.key in L.PLAN_HIDDEN:
            sh.range(f"{col_letter(i)}1").columns.hidden = True


# --- Create Word report -------------------------------------------------------------------------


def open_document(path: Path) -> None:
    """Open a file with the program the computer uses for it (Word for .docx)."""
    if sys.platform.startswith("win"):
        os.startfile(str(path))  # type: ignore[attr-defined]
    elif sys.platform == "darwin":
        subprocess.run(["open", str(path)], check=False)
    else:
        subprocess.run(["xdg-open", str(path)], check=False)


def _word_report(live: LiveBook, open_file: bool) -> str:
    """Write the report as ``lm-excel report`` does, next to the workbook (named with the version
    and the date; an existing report of that name is never replaced: a free name is picked),
    and open it."""
    from lm_excel.fileio import free_path, is_locked
    from lm_excel.report.document import default_report_path
    from lm_excel.usecases import make_report

    model = live.read_model()
    check_xlwings_version(model)
    usual = default_report_path(model, live.path.parent, live.path.stem)
    target = free_path(usual)  # a button never asks: it never replaces a file, it picks a free name
    result = make_report(model, target, protect=[live.path])
    live.draw_diagram(model)
    if open_file:
        open_document(result.path)
    renamed = ""
    if target != usual:
        renamed = (" (the usual name is open in Word)" if is_locked(usual)
                   else f" ({usual.name} already exists)")
    return f"report saved as {result.path.name}{renamed}"
