"""The *Measures plan* sheet: read a plan from its grid, write a plan into it, export it as CSV.

:func:`read_plan` (a grid) and :func:`saved_plan` (a model) read the plan a workbook holds as a
:class:`~lm_excel.measures.plan.Plan`; :func:`plan_grid` lays a plan out as one block of values
(for a live workbook); :func:`write_plan` writes it into a workbook file.

The workbook is opened with openpyxl and only the *Measures plan* sheet and two hidden lists
(the measures offered in the plan's dropdown, and the plan statuses) are rewritten; every other
sheet is saved as it was. The output is written beside its target under a temporary name, read
back and checked, then renamed: the source file is never changed unless it is the target.

Limitation: openpyxl does not keep form controls (buttons) or pictures; for a macro-enabled
workbook with buttons, build the plan from inside Excel, where the workbook itself is updated.
"""

from __future__ import annotations

import dataclasses
import math
import os
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from lm_excel import layout as L
from lm_excel.errors import OutputError
from lm_excel.fileio import Output, Written, as_output, write_verified
from lm_excel.measures.design import read_setting
from lm_excel.measures.library import MeasureLibrary, load_library
from lm_excel.measures.plan import (
    DesignStrand,
    Plan,
    PlanRow,
    local_measures,
    plan_from_rows,
    recommend_design,
)
from lm_excel.model import CellRef, LogicModel, a1, cell_text, col_letter
from lm_excel.workbook import styles
from lm_excel.workbook.parse import find_header_row
from lm_excel.workbook.safe_xl import set_text

Grid = Sequence[Sequence[object]]

# --- reading the sheet ----------------------------------------------------------------------------


def find_plan_header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    """The plan table's header row (0-based) and column index per column key, or None."""
    return find_header_row(grid, L.MEASURES_PLAN, required=("ref", "measure"), rows=20)


def plan_rows(grid: Grid, sheet: str = L.MEASURES_PLAN.name) -> list[PlanRow]:
    """The rows of a *Measures plan* grid (values from A1), each with its cells on the sheet.
    Columns the user moved are found by their headers; rows typed below the recommended
    design are plan rows too; blank rows are skipped."""
    found = find_plan_header(grid)
    if found is None:
        return []
    header_r, mapping = found
    design = L.plan_design_rows(grid)
    rows = []
    for r in range(header_r + 1, len(grid)):
        if r in design:
            continue
        row = grid[r]
        values = {k: cell_text(row[c]) if c < len(row) else "" for k, c in mapping.items()}
        if not any(values.values()):
            continue
        cells = {k: CellRef(sheet, a1(r + 1, c + 1)) for k, c in mapping.items()}
        rows.append(PlanRow.from_values(values, cells=cells, sheet_row=r + 1))
    return rows


def read_plan(grid: Grid, library: MeasureLibrary | None = None,
              model: LogicModel | None = None) -> Plan | None:
    """The plan held in a *Measures plan* grid, or None when the grid has no plan table.

    A table header with no rows under it is a plan (an empty one). The design is the one that
    follows from the rows; ``tracked`` says whether the hidden 'Generated' column was found.
    """
    found = find_plan_header(grid)
    if found is None:
        return None
    return plan_from_rows(plan_rows(grid), library, tracked="generated" in found[1], model=model)


def saved_plan(model: LogicModel) -> Plan | None:
    """The plan saved in a model's workbook (its *Measures plan* sheet, with the user's edits),
    with the measures it chooses from (the shipped library and My measures); None without one."""
    grid = model.extras.get(L.MEASURES_PLAN.name, ())
    if find_plan_header(grid) is None:
        return None
    library = load_library(extra=local_measures(model)[0]).for_nation(read_setting(model).nation)
    return read_plan(grid, library, model)


def plan_values(grid: Grid) -> list[tuple[str, ...]]:
    """The plan rows of a grid as tuples of texts (every column): to check a written plan."""
    return [tuple(r.values().values()) for r in plan_rows(grid)]


def plan_grid(plan: Plan) -> list[list[object]]:
    """The *Measures plan* sheet as one block of values from A1, laid out as :func:`write_plan`
    lays it out (title, intro, header row, one row per measure, then the recommended design)."""
    columns = L.PLAN_COLUMNS
    header_row = L.HEADER_ROW
    design_row = header_row + max(len(plan.rows), 1) + 2
    grid: list[list[object]] = [[""] * len(columns) for _ in range(design_row + len(plan.design))]
    grid[0][0] = L.MEASURES_PLAN.name
    grid[1][0] = (f"{L.MEASURES_PLAN.intro} The recommended evaluation design is below the table "
                  f"(row {design_row}).")
    grid[header_row - 1] = [col.header for col in columns]
    for i, row in enumerate(plan.rows):
        grid[header_row + i] = list(row.values().values())
    grid[design_row - 1][0] = L.PLAN_DESIGN_MARKER
    title, detail, link = (_col(k) - 1 for k in (_DESIGN_TITLE[0], _DESIGN_DETAIL[0], _DESIGN_LINK))
    for n, strand in enumerate(plan.design, start=1):
        line = grid[design_row - 1 + n]
        line[0], line[title], line[detail], line[link] = (f"{n}.", strand.title, strand.detail,
                                                          strand.source)
    return grid


#: A cell starting with one of these would be run as a formula by Excel when the CSV is opened
#: (OWASP, "CSV Injection"): such text is written after a single quote, so Excel shows it as text.
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """One exported cell: text that Excel would treat as a formula gets a leading quote.

    Numbers are written as they are (a negative number is not a formula); text starting with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``, which Excel takes
    as "show as text" and LibreOffice shows as typed. Quotes and line breaks inside a cell are
    left to the CSV quoting (the whole cell is quoted), so multi-line text exports as one cell.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, str) and value.startswith(CSV_FORMULA_STARTS):
        return "'" + value
    return value


def plan_csv_text(plan: Plan) -> str:
    """The plan's visible columns as CSV text, headed as in the workbook, every cell quoted and
    formula-like text escaped (:func:`csv_cell`)."""
    import csv
    import io

    visible = [c for c in L.PLAN_COLUMNS if c.key not in L.PLAN_HIDDEN]
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([csv_cell(c.header) for c in visible])
    for row in plan.rows:
        writer.writerow([csv_cell(getattr(row, c.key)) for c in visible])
    return out.getvalue()


# --- writing the sheet ----------------------------------------------------------------------------

# The template's font and colours (contrast of at least 4.5:1 on white), as openpyxl takes them.
_FONT = styles.FONT
_TEXT, _MUTED, _LINK = (c.lstrip("#") for c in (styles.TEXT, styles.MUTED, styles.LINK))


def _measure_names(library: MeasureLibrary) -> list[str]:
    local = [m.name for m in library if m.local]
    shipped = sorted((m.name for m in library if not m.local), key=str.casefold)
    return list(dict.fromkeys(local + shipped))


def _set_list(wb: Any, name: str, values: list[str]) -> None:
    """Write a named list into a column of the hidden Lists sheet (replacing an older copy)."""
    from openpyxl.workbook.defined_name import DefinedName

    if L.LISTS_SHEET in wb.sheetnames:
        ws = wb[L.LISTS_SHEET]
    else:
        ws = wb.create_sheet(L.LISTS_SHEET)
        ws.sheet_state = "hidden"
    col = next((c.column for c in ws[1] if c.value == name), None)
    if col is None:
        col = max((c.column for c in ws[1] if c.value not in (None, "")), default=0) + 1
    for row in range(2, ws.max_row + 1):
        ws.cell(row=row, column=col).value = None
    ws.cell(row=1, column=col).value = name
    for i, value in enumerate(values, start=2):
        set_text(ws.cell(row=i, column=col), value)
    letter = col_letter(col)
    ref = f"{L.LISTS_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    key = f"list_{name}"
    if key in wb.defined_names:
        del wb.defined_names[key]
    wb.defined_names[key] = DefinedName(key, attr_text=ref)


def _col(key: str) -> int:
    """1-based column of a plan column key."""
    return next(i for i, c in enumerate(L.PLAN_COLUMNS, start=1) if c.key == key)


def _folded(rows: Sequence[PlanRow]) -> set[str]:
    """Keys of the columns folded away: those for choosing a measure, and Notes and Check while
    they are empty in every row."""
    empty = {k for k in ("notes", "check") if not any(getattr(r, k) for r in rows)}
    return set(L.PLAN_FOLDED) | empty


def _lines(text: str, width: float) -> int:
    """Lines that ``text`` takes, wrapped at word boundaries in a column ``width`` wide (10 pt
    Arial is about 1.25 characters per unit of column width; a little fewer to be safe)."""
    per_line = max(int(width * 1.15) - 1, 4)
    return sum(len(textwrap.wrap(part, per_line)) or 1 for part in str(text).split("\n"))


def _height(texts: list[tuple[str, float]]) -> float:
    """Row height (points) fitting wrapped 10 pt text in columns of the given widths."""
    lines = max((_lines(text, width) for text, width in texts), default=1)
    return min(409, max(15, lines * 12.4 + 4))


# --- printing -------------------------------------------------------------------------------------
# The sheet prints on A4 landscape, fitted to the page's width (only the unfolded columns print),
# with its page breaks placed here: the table's header row repeats on every page, and the design
# below the table always follows at least one table row, so it never sits alone under a repeated
# header. The breaks are planned at the largest scale the page could print at (Calibri's column
# widths; a font with wider digits makes the columns, so the rows, print smaller), filling 90% of
# a page's height: a page never overflows, it may end a little early.

_PAGE_W, _PAGE_H = 841.9, 595.3  # A4 landscape, points
_MARGIN_SIDE, _MARGIN_TOP = 0.4, 0.6  # inches; header and footer at 0.3
_FILL = 0.9
#: The design's cells: title across Type..Statement, detail across Measure..Target, link in Status.
_DESIGN_TITLE, _DESIGN_DETAIL, _DESIGN_LINK = ("row_type", "statement"), ("measure", "target"), "status"


def _span_width(first: str, last: str, folded: set[str]) -> float:
    """Width of the unfolded columns from ``first`` to ``last``."""
    cols = L.PLAN_COLUMNS[_col(first) - 1:_col(last)]
    return sum(c.width for c in cols if c.key not in folded and c.key not in L.PLAN_HIDDEN)


def print_scale(widths: Sequence[float]) -> float:
    """The largest scale (1 = 100%) at which columns of these widths print across an A4
    landscape page: Excel's pixels for a width in Calibri 11, at 96 dpi."""
    points = sum(int(w * 7 + 5) for w in widths) * 0.75
    usable = _PAGE_W - 72 * 2 * _MARGIN_SIDE
    return min(1.0, usable / max(points, 1))


def page_breaks(heights: Sequence[float], header_row: int, last_row: int,
                scale: float) -> list[int]:
    """Rows (1-based) after which a printed page ends, for rows of ``heights`` (row 1 first):
    the table (rows up to ``last_row``) then the design. The header row repeats on every page;
    when the design does not fit under the table's last page, the last table row moves over
    with it."""
    page = (_PAGE_H - 72 * 2 * _MARGIN_TOP) / scale * _FILL
    header = heights[header_row - 1]
    breaks: list[int] = []
    used = 0.0
    for r in range(1, last_row + 1):
        h = heights[r - 1]
        if used + h > page and r > header_row + 1:
            breaks.append(r - 1)
            used = header
        used += h
    design = sum(heights[last_row:])
    page_start = breaks[-1] + 1 if breaks else 1
    if used + design > page and page_start < last_row:
        breaks.append(last_row - 1)
    return breaks


def _print_setup(ws: Any, heights: Sequence[float], last_row: int, widths: Sequence[float]) -> None:
    """A4 landscape fitted to the width, the header row repeated, the pages broken as planned."""
    from openpyxl.worksheet.pagebreak import Break

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as it takes, broken where planned
    margins = ws.page_margins
    margins.left = margins.right = _MARGIN_SIDE
    margins.top = margins.bottom = _MARGIN_TOP
    margins.header = margins.footer = 0.3
    ws.print_title_rows = f"{L.HEADER_ROW}:{L.HEADER_ROW}"
    for row in page_breaks(heights, L.HEADER_ROW, last_row, print_scale(widths)):
        ws.row_breaks.append(Break(id=row))
    ws.oddHeader.left.text = L.MEASURES_PLAN.name
    ws.oddFooter.right.text = "Page &P of &N"


def _text_cell(ws: Any, row: int, col: int, value: str, **style: Any) -> Any:
    """Write text as text (never a formula), with optional font/alignment/fill/link."""
    cell = ws.cell(row=row, column=col)
    set_text(cell, value)  # text that starts with '=' stays text; control characters kept
    for attr, v in style.items():
        setattr(cell, attr, v)
    return cell


def _plan_sheet(wb: Any, rows: Sequence[PlanRow], design: Sequence[DesignStrand]) -> None:
    """(Re)create the *Measures plan* sheet: title, the table, guidance and dropdowns, the design
    below the table, and the print set-up."""
    from openpyxl.styles import Alignment, Font

    from lm_excel.workbook.parse import find_sheet

    name = L.MEASURES_PLAN.name
    existing = find_sheet(wb.sheetnames, name)
    if existing is not None:
        index = wb.sheetnames.index(existing)
        del wb[existing]
    else:
        after = find_sheet(wb.sheetnames, L.VALIDATION.name)
        index = wb.sheetnames.index(after) if after else len(wb.sheetnames)
    ws = wb.create_sheet(name, index)
    ws.sheet_properties.tabColor = L.MEASURES_PLAN.colour
    header_row = L.HEADER_ROW
    last_row = header_row + max(len(rows), 1)
    design_row = last_row + 2
    folded = _folded(rows)

    _text_cell(ws, 1, 1, name, font=Font(name=_FONT, size=16, bold=True, color=_TEXT))
    ws.row_dimensions[1].height = 26
    printed = [c for c in L.PLAN_COLUMNS if c.key not in folded and c.key not in L.PLAN_HIDDEN]
    intro = _intro(design_row, folded)
    _text_cell(ws, 2, 1, intro, font=Font(name=_FONT, size=10, italic=True, color=_MUTED),
               alignment=Alignment(wrap_text=True, vertical="top"))
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=_col(printed[-1].key))
    ws.row_dimensions[2].height = _height([(intro, sum(c.width for c in printed))])
    heights = [26.0, ws.row_dimensions[2].height, *_plan_table(ws, rows, folded)]
    heights += [15.0] * (last_row - len(heights))  # the empty row of an empty plan
    _plan_guidance(ws)
    visible = [i for i, c in enumerate(L.PLAN_COLUMNS, start=1) if c.key not in L.PLAN_HIDDEN]
    ws.auto_filter.ref = f"A{header_row}:{col_letter(max(visible))}{last_row}"
    ws.freeze_panes = f"B{header_row + 1}"
    heights += [15.0, *_plan_design(ws, design, design_row, folded)]
    _print_setup(ws, heights, last_row, [c.width for c in printed])


def _intro(design_row: int, folded: set[str]) -> str:
    """The line under the title: what the sheet is, where the design is, what is folded."""
    names = [c.header for c in L.PLAN_COLUMNS if c.key in folded]
    shown = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
    return (f"{L.MEASURES_PLAN.intro} The recommended evaluation design is below the table "
            f"(row {design_row}). The columns {shown} are folded away so the plan prints "
            "legibly: press + above the column letters to show them.")


def _plan_table(ws: Any, rows: Sequence[PlanRow], folded: set[str]) -> list[float]:
    """The header row (hidden bookkeeping columns hidden, the folded columns in outline groups)
    and one row per plan row; the heights of the header row and of each row."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    header_row = L.HEADER_ROW
    white = Side(style="thin", color="FFFFFF")
    head_font = Font(name=_FONT, size=10, bold=True, color="FFFFFF")
    head_fill = PatternFill("solid", fgColor=L.MEASURES_PLAN.colour)
    for c, col in enumerate(L.PLAN_COLUMNS, start=1):
        _text_cell(ws, header_row, c, col.header, font=head_font, fill=head_fill,
                   alignment=Alignment(wrap_text=True, vertical="center"),
                   border=Border(left=white, right=white, top=white, bottom=white))
        dim = ws.column_dimensions[col_letter(c)]
        dim.width = col.width
        if col.key in L.PLAN_HIDDEN:
            dim.hidden = True
        elif col.key in folded:
            dim.outline_level, dim.hidden = 1, True
            after = c + 1  # the column right of a folded run shows the + to unfold it
            if after > len(L.PLAN_COLUMNS) or L.PLAN_COLUMNS[after - 1].key not in folded:
                ws.column_dimensions[col_letter(after)].collapsed = True
    ws.sheet_properties.outlinePr.summaryRight = True
    ws.sheet_format.outlineLevelCol = 1
    ws.row_dimensions[header_row].height = 30
    heights = [30.0]
    wrap = Alignment(wrap_text=True, vertical="top")
    text_font = Font(name=_FONT, size=10, color=_TEXT)
    for r, row in enumerate(rows, start=header_row + 1):
        shown = []
        for c, col in enumerate(L.PLAN_COLUMNS, start=1):
            value = getattr(row, col.key)
            _text_cell(ws, r, c, value, font=text_font, alignment=wrap)
            if col.key not in L.PLAN_HIDDEN and col.key not in folded:
                shown.append((value, col.width))
        heights.append(_height(shown))
        ws.row_dimensions[r].height = heights[-1]
    return heights


def _plan_guidance(ws: Any) -> None:
    """Guidance on every visible column, and dropdowns for the measure and the status."""
    from openpyxl.worksheet.datavalidation import DataValidation

    header_row = L.HEADER_ROW
    last = header_row + L.PREPARED_ROWS
    for c, col in enumerate(L.PLAN_COLUMNS, start=1):
        if col.key in L.PLAN_HIDDEN:
            continue
        letter = col_letter(c)
        if col.key == "measure":
            dv = DataValidation(type="list", formula1=f"=list_{L.PLAN_MEASURE_LIST}",
                                allow_blank=True, errorStyle="warning", showErrorMessage=True,
                                errorTitle="Measure",
                                error="Not a measure in the library or on My measures. "
                                      "Keep it anyway?")
        elif col.key == "status":
            dv = DataValidation(type="list", formula1="=list_plan_status", allow_blank=True,
                                errorStyle="warning", showErrorMessage=True, errorTitle="Status",
                                error=f"Pick one of: {', '.join(L.LISTS['plan_status'])}.")
        else:
            dv = DataValidation(allow_blank=True)
        dv.showInputMessage = True
        dv.promptTitle = col.header[:32]
        dv.prompt = col.help[:255]
        dv.add(f"{letter}{header_row + 1}:{letter}{last}")
        ws.add_data_validation(dv)


def _plan_design(ws: Any, design: Sequence[DesignStrand], design_row: int,
                 folded: set[str]) -> list[float]:
    """The recommended design, below the table: a heading, then each strand's title, detail and
    source link across the printed columns; the heights of those rows."""
    from openpyxl.styles import Alignment, Font

    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")  # for single words (the Source links)
    text_font = Font(name=_FONT, size=10, color=_TEXT)
    _text_cell(ws, design_row, 1, L.PLAN_DESIGN_MARKER,
               font=Font(name=_FONT, size=12, bold=True, color=_TEXT))
    ws.row_dimensions[design_row].height = 20
    heights = [20.0]
    spans = [(_col(a), _col(b), _span_width(a, b, folded)) for a, b in (_DESIGN_TITLE,
                                                                        _DESIGN_DETAIL)]
    (title_col, title_end, title_w), (detail_col, detail_end, detail_w) = spans
    for n, strand in enumerate(design, start=1):
        r = design_row + n
        _text_cell(ws, r, 1, f"{n}.", font=text_font, alignment=top)
        _text_cell(ws, r, title_col, strand.title,
                   font=Font(name=_FONT, size=10, bold=True, color=_TEXT), alignment=wrap)
        _text_cell(ws, r, detail_col, strand.detail, font=text_font, alignment=wrap)
        for first, last in ((title_col, title_end), (detail_col, detail_end)):
            ws.merge_cells(start_row=r, start_column=first, end_row=r, end_column=last)
        link = _text_cell(ws, r, _col(_DESIGN_LINK), "Source",
                          font=Font(name=_FONT, size=10, color=_LINK, underline="single"),
                          alignment=top)
        link.hyperlink = strand.source
        heights.append(_height([(strand.detail, detail_w), (strand.title, title_w * 0.9)]))
        ws.row_dimensions[r].height = heights[-1]
    return heights


def _render(src: Path, rows: Sequence[PlanRow],
            design: Sequence[DesignStrand] | Callable[[Any], Sequence[DesignStrand]],
            library: MeasureLibrary | Callable[[Any], MeasureLibrary], out: Path, keep_vba: bool,
            extra: Sequence[tuple[str, Sequence[object]]] = ()) -> None:
    """Open ``src``, write the plan sheet (``rows``, ``design`` or ``design(workbook)``) and its
    lists (the measures of ``library``, or of ``library(workbook)``, and the statuses), save as
    ``out`` (no check).

    ``extra``: columns of the user's own, (header, one value per plan row), kept to the right of
    the plan's columns."""
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.load_workbook(src, keep_vba=keep_vba)
    try:
        if callable(library):
            library = library(wb)
        if callable(design):
            design = design(wb)
        _set_list(wb, L.PLAN_MEASURE_LIST, _measure_names(library))
        _set_list(wb, "plan_status", list(L.LISTS["plan_status"]))
        for name, values in L.LISTS.items():  # an older workbook's dropdowns offer today's choices
            if f"list_{name}" in wb.defined_names and name != "plan_status":
                _set_list(wb, name, list(values))
        _plan_sheet(wb, rows, design)
        ws = wb[L.MEASURES_PLAN.name]
        for i, (header, values) in enumerate(extra, start=len(L.PLAN_COLUMNS) + 1):
            _text_cell(ws, L.HEADER_ROW, i, header, font=Font(name=_FONT, size=10, bold=True))
            for r, value in enumerate(values, start=L.HEADER_ROW + 1):
                if isinstance(value, str):
                    _text_cell(ws, r, i, value)  # text stays text, never a formula
                elif value is not None:
                    ws.cell(row=r, column=i).value = value
        wb.save(out)
    finally:
        wb.close()


def _extra_columns(grid: Sequence[Sequence[object]]) -> list[tuple[str, list[object]]]:
    """Columns a user added to a plan grid (not the plan's own), with their values per plan row."""
    found = find_plan_header(grid)
    if found is None:
        return []
    header_r, mapping = found
    own = set(mapping.values())
    rows = plan_rows(grid)
    out = []
    for c, head in enumerate(grid[header_r]):
        if c in own or not cell_text(head):
            continue
        values = [grid[r.sheet_row - 1][c] if c < len(grid[r.sheet_row - 1]) else None
                  for r in rows]
        out.append((cell_text(head), values))
    return out


def rewrite_plan_sheet(path: str | os.PathLike[str], grid: Sequence[Sequence[object]]) -> None:
    """Lay out the plan held in ``grid`` on the *Measures plan* sheet of the workbook ``path``,
    in place, exactly as :func:`write_plan` does (dropdowns, hidden columns, named lists,
    formatting, the design), keeping every row and cell value of the plan as it is, and any
    columns a user added to the right of the plan's own.

    Used when a workbook is rebuilt from its values (share, merge), so that one writer lays out
    that sheet. ``path`` is a file being written (not yet checked), not a user's file.
    """
    from lm_excel.errors import LmExcelError
    from lm_excel.workbook.parse import find_sheet, parse_grids, parse_list_sheet

    target = Path(path)
    rows = [PlanRow.from_values(r.values()) for r in plan_rows(grid)]

    def library(wb: Any) -> MeasureLibrary:
        """The measures the model offers for the dropdown: shipped ones plus My measures."""
        name = find_sheet(wb.sheetnames, L.MY_MEASURES.name)
        if name is None:
            return load_library()
        mine = [tuple(r) for r in wb[name].iter_rows(values_only=True)]
        return load_library(extra=local_measures(parse_list_sheet(mine, L.MY_MEASURES, name)[0])[0])

    def design(wb: Any) -> Sequence[DesignStrand]:
        """The design for the rows and the model's own setting (unit of delivery, nation...)."""
        grids = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)]
                 for ws in wb.worksheets if ws.title != L.MEASURES_PLAN.name}
        try:
            model = parse_grids(grids, target.name)
        except LmExcelError:  # not readable as a model: the design follows from the rows alone
            model = None
        return recommend_design(rows, model)

    side = target.with_name(f"{target.stem}.plan{target.suffix}")
    try:
        # The rows are written as they are; the design follows from them and the model.
        _render(target, rows, design, library, side,
                target.suffix.lower() == ".xlsm", _extra_columns(grid))
        os.replace(side, target)
    finally:
        if side.exists():
            side.unlink()


def write_plan(source: str | os.PathLike[str], plan: Plan,
               target: Output | str | os.PathLike[str] | None = None) -> Written:
    """Write ``plan`` into the *Measures plan* sheet of a copy of ``source`` saved as ``target``.

    ``target`` defaults to ``source`` itself; an in-place :class:`~lm_excel.fileio.Output`
    (from ``claim_output``) backs the original up first. The file is written under a temporary
    name, read back and checked before it replaces anything.
    """
    from lm_excel.workbook.reader import read_workbook

    src = Path(source)
    out = as_output(target if target is not None else src)
    dest = out.path
    if dest.suffix.lower() not in (".xlsx", ".xlsm"):
        raise OutputError("give a workbook name ending in .xlsx or .xlsm", dest)
    keep_vba = src.suffix.lower() == ".xlsm"
    if keep_vba != (dest.suffix.lower() == ".xlsm"):
        raise OutputError(f"keep the file type of '{src.name}' ({src.suffix})", dest)

    kept_out: list[str] = []

    def write(tmp: Path) -> None:
        from lm_excel.workbook.carry import carry_parts

        _render(src, plan.rows, plan.design, plan.library or load_library(), tmp, keep_vba)
        # what openpyxl dropped: the xlwings Lite add-in, shapes, ...; kept_out: what it cannot
        kept_out[:] = carry_parts(src, tmp).lines(dest.name)

    expected = [(r.ref, r.measure) for r in plan.rows]

    def verify(tmp: Path) -> None:
        got = plan_rows(read_workbook(tmp).extras.get(L.MEASURES_PLAN.name, ()))
        if [(r.ref, r.measure) for r in got] != expected:
            raise OutputError("the measures plan did not read back as written; nothing was saved",
                              dest)

    return dataclasses.replace(out.write(write, verify), kept_out=tuple(kept_out))


def write_plan_csv(plan: Plan, target: str | os.PathLike[str]) -> Path:
    """Export the plan's visible columns as CSV (UTF-8 with a byte-order mark, for Excel)."""
    dest = Path(target)
    data = plan_csv_text(plan).encode("utf-8-sig")

    def verify(tmp: Path) -> None:
        if tmp.read_bytes() != data:
            raise OutputError("the CSV did not read back as written; nothing was saved", dest)

    return write_verified(dest, lambda tmp: tmp.write_bytes(data), verify)


__all__ = ["csv_cell", "find_plan_header", "plan_csv_text", "plan_grid", "plan_rows", "plan_values",
           "read_plan", "rewrite_plan_sheet", "saved_plan", "write_plan", "write_plan_csv"]
