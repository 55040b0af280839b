"""Build a logic-model workbook from the layout description (XlsxWriter).

``build_workbook(path)`` writes a blank template; ``build_workbook(path, records)`` writes a
filled one (the worked example, a merged model, ...). The output works with macros disabled:
guidance, dropdowns and links are native Excel features. Text is always written as text, so a
value such as ``=1+1`` typed by a user is never turned into a formula.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from lm_excel import __version__
from lm_excel import layout as L
from lm_excel.errors import LmExcelError, UsageError
from lm_excel.fileio import write_verified
from lm_excel.workbook.styles import (
    fit_row,
    formats,
    header_format,
    print_setup,
)
from lm_excel.model import ModelRecords, cell_text, col_letter, quote_sheet

#: Optional hook for the macro-enabled build: called with (workbook, start_worksheet).
VbaHook = Callable[[Any, Any], None]
#: Values of one sheet as rows from A1 (as :mod:`lm_excel.workbook.parse` reads them).
Grid = Sequence[Sequence[object]]

def _heading(ws: Any, fmts: dict[str, Any], sheet: Any) -> None:
    """A sheet's title (A1) and introduction (A2)."""
    ws.set_row(0, 26)
    ws.write_string("A1", sheet.name, fmts["title"])
    ws.write_string("A2", sheet.intro, fmts["intro"])


def _finish(ws: Any, sheet: Any, repeat_row: int | None = None) -> None:
    """Print settings (header row repeated on each page) and the sheet's tab colour."""
    print_setup(ws, sheet.name, repeat_row)
    ws.set_tab_color("#" + sheet.colour)


def _input_message(title: str, message: str) -> dict[str, str]:
    return {"input_title": title[:32], "input_message": message[:255]}


def _write_value(ws: Any, row: int, col: int, value: object, fmt: Any, fmts: dict[str, Any]) -> None:
    """Write one value with its type kept; strings always as strings, never formulas."""
    if value is None or value == "":
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, fmt)
    elif isinstance(value, (dt.date, dt.datetime)):
        ws.write_datetime(row, col, value, fmts["date"])
    else:
        ws.write_string(row, col, str(value), fmt)


def _coerce(col: L.Column, value: object) -> object:
    """Turn an ISO date string in a date column into a date; leave everything else alone."""
    if col.kind == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return value
    return value


def _check_keys(records: ModelRecords) -> None:
    known = {f.key for f in L.INTERVENTION.fields}
    bad = sorted(set(records.intervention) - known)
    if bad:
        raise UsageError(f"unknown Intervention field(s): {', '.join(bad)}")
    for key, rows in records.elements.items():
        if key not in L.LIST_SHEET_BY_KEY:
            raise UsageError(f"unknown sheet key '{key}'")
        cols = {c.key for c in L.LIST_SHEET_BY_KEY[key].columns}
        for rec in rows:
            extra = sorted(set(rec) - cols)
            if extra:
                raise UsageError(f"unknown column(s) on {L.LIST_SHEET_BY_KEY[key].name}: {', '.join(extra)}")


def _validation_for(col: L.Column) -> dict[str, Any]:
    msg = _input_message(col.header, col.help)
    if col.kind == "choice":
        return {"validate": "list", "source": f"=list_{col.choices}", "error_type": "warning",
                "error_title": col.header[:32],
                "error_message": f"Pick one of: {', '.join(col.options)}."[:255], **msg}
    if col.kind == "date":
        return {"validate": "date", "criteria": ">", "value": dt.date(1990, 1, 1),
                "error_type": "warning", "error_title": "Date",
                "error_message": "Type a date, e.g. 01/03/2026.", **msg}
    return {"validate": "any", **msg}


def _start_sheet(
    wb: Any, ws: Any, fmts: dict[str, Any], records: ModelRecords | None, note: str | None = None,
    buttons: bool = False,
) -> None:
    ws.hide_gridlines(2)
    ws.set_column("A:A", 6)
    ws.set_column("B:B", 26)
    ws.set_column("C:C", 78)
    ws.set_column("D:D", 3)
    ws.set_column("E:G", 20)
    ws.set_row(0, 30)
    ws.write_string("A1", "Logic model workbook", fmts["title"])
    ws.write_string(
        "A2",
        "A logic model explains what an intervention is, how it is meant to work, what could go wrong "
        "and what to measure. Work through the sheets in this order; every column shows guidance when "
        "you click a cell, and dropdowns offer the allowed answers.",
        fmts["intro"],
    )
    ws.write_string("A4", "Step", fmts["label"])
    ws.write_string("B4", "Where", fmts["label"])
    ws.write_string("C4", "What to do", fmts["label"])
    for i, (where, what) in enumerate(L.START_STEPS):
        r = L.START_FIRST_STEP_ROW - 1 + i
        ws.write_number(r, 0, i + 1, fmts["step"])
        if where in L.SHEET_ORDER:
            ws.write_url(r, 1, f"internal:{quote_sheet(where)}!A1", fmts["link"], string=where,
                         tip=f"Go to the {where} sheet")
        else:
            ws.write_string(r, 1, where, fmts["label"])
        ws.write_string(r, 2, what, fmts["text"])
    label_row = L.START_STATUS_ROW - 1
    ws.write_string(label_row, 1, "Last check", fmts["status_label"])
    ws.write_string(label_row, 2, "Not checked yet.", fmts["status"])
    ws.write_string(
        label_row + 2,
        1,
        "Without Excel buttons",
        fmts["status_label"],
    )
    without = (
        "Everything in this workbook works with macros switched off. To check the model, build the "
        "measures plan or make the Word report without buttons, run lm-excel check, lm-excel plan "
        "or lm-excel report on this file (see the lm-excel README)."
    )
    ws.write_string(label_row + 2, 2, without, fmts["note"])
    fit_row(ws, label_row + 2, [(without, 78, 10)])
    if note:
        ws.write_string(L.START_SHARE_ROW - 1, 1, "Shared copy", fmts["status_label"])
        ws.write_string(L.START_SHARE_ROW - 1, 2, note, fmts["status"])
        fit_row(ws, L.START_SHARE_ROW - 1, [(note, 78, 10)])
    if buttons:  # the macro-enabled build puts its buttons under this heading
        ws.write_string(L.START_BUTTONS_ROW - 2, 4, "Actions", fmts["label"])
    print_setup(ws, "Logic model workbook")
    ws.set_tab_color("#" + L.START.colour)
    ws.activate()


def _intervention_sheet(wb: Any, ws: Any, fmts: dict[str, Any], values: Mapping[str, object]) -> None:
    sheet = L.INTERVENTION
    hdr = header_format(wb, sheet.colour)
    ws.set_column("A:A", 30)
    ws.set_column("B:B", 70)
    ws.set_column("C:C", 55)
    _heading(ws, fmts, sheet)
    ws.write_row(sheet.first_row - 2, 0, ["Field", "Your answer", "Guidance"], hdr)
    for i, fld in enumerate(sheet.fields):
        r = sheet.first_row - 1 + i
        ws.write_string(r, 0, fld.header + (" *" if fld.required else ""), fmts["label"])
        _write_value(ws, r, 1, _coerce(fld, values.get(fld.key)), fmts["text"], fmts)
        ws.write_string(r, 2, fld.help, fmts["help"])
        ws.data_validation(r, 1, r, 1, _validation_for(fld))
        value = str(values.get(fld.key) or "")
        fit_row(ws, r, [(value, 70, 10), (fld.help, 55, 9), (fld.header, 30, 10)],
                 minimum=48 if fld.long and not value else 15)
    last = sheet.first_row - 1 + len(sheet.fields)
    ws.write_string(last + 1, 0, "* required", fmts["help"])
    ws.freeze_panes(sheet.first_row - 1, 0)
    _finish(ws, sheet, repeat_row=sheet.first_row - 2)


def _list_sheet(
    wb: Any, ws: Any, fmts: dict[str, Any], sheet: L.ListSheet, rows: list[Mapping[str, object]]
) -> None:
    hdr = header_format(wb, sheet.colour)
    _heading(ws, fmts, sheet)
    header_r = L.HEADER_ROW - 1
    n_rows = max(len(rows) + 3, L.BLANK_TABLE_ROWS)
    last_col = len(sheet.columns) - 1
    for c, col in enumerate(sheet.columns):
        ws.set_column(c, c, col.width, fmts["plain"] if col.kind == "id" else fmts["text"])
    ws.add_table(
        header_r,
        0,
        header_r + n_rows,
        last_col,
        {
            "name": sheet.table_name,
            "style": "Table Style Light 1",
            "autofilter": True,
            "banded_rows": True,
            "columns": [{"header": col.header, "header_format": hdr} for col in sheet.columns],
        },
    )
    for i, rec in enumerate(rows):
        r = header_r + 1 + i
        for c, col in enumerate(sheet.columns):
            fmt = fmts["plain"] if col.kind == "id" else fmts["text"]
            _write_value(ws, r, c, _coerce(col, rec.get(col.key)), fmt, fmts)
        fit_row(ws, r, [(str(rec.get(col.key) or ""), col.width, 10) for col in sheet.columns])
    first_data = header_r + 1
    last_data = header_r + L.PREPARED_ROWS
    for c, col in enumerate(sheet.columns):
        ws.data_validation(first_data, c, last_data, c, _validation_for(col))
    ws.set_row(header_r, 30)
    ws.freeze_panes(L.HEADER_ROW, 1)
    _finish(ws, sheet, repeat_row=header_r)


def _output_sheet(wb: Any, ws: Any, fmts: dict[str, Any], sheet: L.OutputSheet) -> None:
    ws.set_column("A:A", 14)
    _heading(ws, fmts, sheet)
    _finish(ws, sheet)


def _diagram_placeholder(wb: Any, ws: Any, fmts: dict[str, Any]) -> None:
    """The Diagram sheet before anything is drawn (the picture is written by
    :mod:`lm_excel.workbook.diagram_sheet`)."""
    ws.set_column("A:A", 120)
    ws.hide_gridlines(2)
    _heading(ws, fmts, L.DIAGRAM)
    ws.write_string("A3", "No diagram has been drawn yet: press Build measures plan or Create Word "
                    "report, or run lm-excel diagram.", fmts["note"])
    _finish(ws, L.DIAGRAM)


def _grid_sheet(ws: Any, fmts: dict[str, Any], grid: Grid) -> None:
    """Write a kept grid (e.g. a measures plan) back cell by cell, text as text."""
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if value is not None and value != "":
                _write_value(ws, r, c, value, fmts["text"] if r > 1 else fmts["plain"], fmts)


def _table_output_sheet(
    wb: Any, ws: Any, fmts: dict[str, Any], sheet: L.OutputSheet, grid: Grid | None
) -> None:
    """A Change log / Conflicts sheet: title, intro, header row and the kept rows."""
    from lm_excel.workbook.parse import parse_table_rows

    rows = parse_table_rows(grid, sheet) if grid else []
    extra_keys: list[str] = []
    for rec in rows:
        extra_keys.extend(k for k in rec if k.startswith("+") and k not in extra_keys)
    columns: list[tuple[str, str, float]] = [(c.key, c.header, c.width) for c in sheet.columns]
    columns += [(k, k[1:], 20) for k in extra_keys]
    hdr = header_format(wb, sheet.colour)
    _heading(ws, fmts, sheet)
    header_r = L.HEADER_ROW - 1
    for c, (_key, header, width) in enumerate(columns):
        ws.set_column(c, c, width, fmts["text"])
        ws.write_string(header_r, c, header, hdr)
    for c, col in enumerate(sheet.columns):
        ws.data_validation(header_r + 1, c, header_r + L.PREPARED_ROWS, c, _validation_for(col))
    for i, rec in enumerate(rows):
        r = header_r + 1 + i
        for c, (key, _header, _width) in enumerate(columns):
            value = rec.get(key)
            if key == "cell" and isinstance(value, str) and "!" in value:
                ws.write_url(r, c, f"internal:{value}", fmts["link"], string=value,
                             tip="Go to the cell")
            else:
                _write_value(ws, r, c, value, fmts["text"], fmts)
        fit_row(ws, r, [(str(rec.get(k) or ""), w, 10) for k, _h, w in columns])
    ws.set_row(header_r, 30)
    ws.autofilter(header_r, 0, header_r + max(len(rows), 1), len(columns) - 1)
    ws.freeze_panes(L.HEADER_ROW, 0)
    _finish(ws, sheet, repeat_row=header_r)


def _lists_sheet(wb: Any, ws: Any, fmts: dict[str, Any]) -> None:
    for c, (name, values) in enumerate(L.LISTS.items()):
        ws.write_string(0, c, name, fmts["label"])
        for r, value in enumerate(values, start=1):
            ws.write_string(r, c, value)
        letter = col_letter(c + 1)
        wb.define_name(f"list_{name}", f"={L.LISTS_SHEET}!${letter}$2:${letter}${len(values) + 1}")
    ws.hide()


def _meta_sheet(ws: Any, fmts: dict[str, Any], meta: Mapping[str, str]) -> None:
    ws.set_column("A:A", 22)
    ws.set_column("B:B", 40)
    for r, (key, value) in enumerate(meta.items()):
        ws.write_string(r, 0, key)
        ws.write_string(r, 1, value)
    ws.hide()


def metadata(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The metadata a new workbook carries."""
    meta = {
        "kind": L.WORKBOOK_KIND,
        "schema_version": str(L.SCHEMA_VERSION),
        "template_version": L.TEMPLATE_VERSION,
        "package_version": __version__,
        "created": dt.datetime.now().replace(microsecond=0).isoformat(),
    }
    meta.update(extra or {})
    return meta


def write_workbook_file(
    path: str | os.PathLike[str],
    records: ModelRecords | None = None,
    *,
    meta: Mapping[str, str] | None = None,
    vba_hook: VbaHook | None = None,
    extras: Mapping[str, Grid] | None = None,
    start_note: str | None = None,
    buttons: bool | None = None,
) -> None:
    """Write the workbook to ``path`` directly (no atomic rename, no check): see :func:`build_workbook`.

    ``extras`` are grids of output sheets to carry over (``LogicModel.extras``: the measures plan,
    the validation, the change log, the conflicts), keyed by sheet name; ``start_note`` is a note
    shown on the Start sheet (who sent a shared copy and to whom to return it). ``buttons``: Start
    gets the buttons' "Actions" heading (default: when ``vba_hook`` adds buttons; a shared copy
    of an xlwings Lite workbook, whose buttons are carried over afterwards, sets it).
    """
    import xlsxwriter  # local: keeps `import lm_excel` fast

    records = records or ModelRecords()
    _check_keys(records)
    wb = xlsxwriter.Workbook(
        os.fspath(path), {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
         "in_memory": True}
    )
    try:
        wb.set_properties(_properties(records))
        wb.set_size(1600, 1000)
        fmts = formats(wb)
        if vba_hook is not None:
            wb.set_vba_name("ThisWorkbook")
        sheets = _add_sheets(wb, vba_names=vba_hook is not None)
        extras = dict(extras or {})
        with_buttons = vba_hook is not None if buttons is None else buttons
        _start_sheet(wb, sheets[L.START.name], fmts, records, start_note, buttons=with_buttons)
        _intervention_sheet(wb, sheets[L.INTERVENTION.name], fmts, records.intervention)
        for sheet in L.LIST_SHEETS:
            _list_sheet(wb, sheets[sheet.name], fmts, sheet, records.elements.get(sheet.key, []))
        _diagram_placeholder(wb, sheets[L.DIAGRAM.name], fmts)
        plan_grid = _output_sheets(wb, sheets, fmts, extras)
        _lists_sheet(wb, sheets[L.LISTS_SHEET], fmts)
        _meta_sheet(sheets[L.META_SHEET], fmts, metadata(meta))
        if vba_hook is not None:
            vba_hook(wb, sheets[L.START.name])
    finally:
        wb.close()
    if plan_grid:
        # One writer lays out the plan sheet (dropdowns, hidden columns, named lists): the
        # measures plan writer, with the plan's rows and cells exactly as they were.
        from lm_excel.workbook.plan_sheet import rewrite_plan_sheet

        rewrite_plan_sheet(path, plan_grid)


def _add_sheets(wb: Any, *, vba_names: bool) -> dict[str, Any]:
    """Every sheet in the layout's order, keyed by name (with VBA code names for a macro workbook)."""
    sheets: dict[str, Any] = {}
    for name in L.SHEET_ORDER:
        sheets[name] = wb.add_worksheet(name)
        if vba_names:
            sheets[name].set_vba_name(f"Sheet{len(sheets)}")
    return sheets


def _output_sheets(wb: Any, sheets: dict[str, Any], fmts: Any, extras: Mapping[str, Grid]) -> Grid | None:
    """Lay out the output sheets, carrying over ``extras``' grids.

    Returns the measures plan's grid when it holds a plan table: the plan sheet's own writer lays
    that out once the workbook is closed (see :func:`write_workbook_file`).
    """
    plan_grid = extras.get(L.MEASURES_PLAN.name)
    if plan_grid and not _has_plan_table(plan_grid):
        plan_grid = None  # no plan table (e.g. only a title): kept cell by cell below
    for out in (L.MEASURES_PLAN, L.VALIDATION):
        _output_sheet(wb, sheets[out.name], fmts, out)
        if extras.get(out.name) and not (out is L.MEASURES_PLAN and plan_grid):
            _grid_sheet(sheets[out.name], fmts, extras[out.name])
    for out in L.TABLE_OUTPUT_SHEETS:
        _table_output_sheet(wb, sheets[out.name], fmts, out, extras.get(out.name))
    return plan_grid


def _properties(records: ModelRecords) -> dict[str, str]:
    """The workbook's document properties (File > Info in Excel)."""
    name = records.intervention.get("name")
    return {
        "title": f"Logic model: {name}" if name else "Logic model workbook",
        "subject": "Logic model",
        "author": str(records.intervention.get("organisation") or ""),
        "comments": f"Made with lm-excel {__version__}",
    }


def _has_plan_table(grid: Grid) -> bool:
    from lm_excel.workbook.plan_sheet import find_plan_header

    return find_plan_header(grid) is not None


def check_extras(model: Any, extras: Mapping[str, Grid], target: Path, what: str) -> None:
    """Raise unless every kept grid reads back from the written ``model``: the plan row by row
    (its sheet is laid out again by the plan writer), other sheets every value."""
    for name, grid in extras.items():
        got = model.extras.get(name, ())
        if name == L.MEASURES_PLAN.name and _has_plan_table(grid):
            from lm_excel.workbook.plan_sheet import plan_values

            if plan_values(got) != plan_values(grid):
                raise LmExcelError(f"the '{name}' sheet did not read back as written; {what}", target)
            continue
        missing = grid_texts(grid) - grid_texts(got)
        if missing:
            raise LmExcelError(
                f"the '{name}' sheet did not read back as written ({sum(missing.values())} "
                f"value(s) missing); {what}",
                target,
            )


def build_workbook(
    path: str | os.PathLike[str],
    records: ModelRecords | None = None,
    *,
    meta: Mapping[str, str] | None = None,
    vba_hook: VbaHook | None = None,
    extras: Mapping[str, Grid] | None = None,
    start_note: str | None = None,
) -> Path:
    """Write a blank (or filled) logic-model workbook atomically and check it reads back.

    The file is written beside ``path`` under a temporary name, read back with the reader and
    compared value by value with ``records`` (and every value of ``extras`` must be on its sheet);
    only then is it renamed to ``path``.
    """
    from lm_excel.workbook.reader import read_workbook

    target = Path(path)
    expected = (records or ModelRecords()).normalised()

    def verify(tmp: Path) -> None:
        model = read_workbook(tmp)
        got = model.to_records().normalised()
        if got != expected:
            raise LmExcelError("the written workbook did not read back as written; nothing was saved", target)
        check_extras(model, extras or {}, target, "nothing was saved")

    return write_verified(
        target,
        lambda tmp: write_workbook_file(
            tmp, records, meta=meta, vba_hook=vba_hook, extras=extras, start_note=start_note
        ),
        verify,
    )


def grid_texts(grid: Grid) -> Counter[str]:
    """The non-empty cell texts of a grid, counted (to check nothing was lost)."""
    return Counter(t for row in grid for t in (cell_text(v) for v in row) if t)

