"""Portfolio synthesis, the summary workbook: the aggregated tables as proper Excel tables.

:func:`write_summary` writes a :class:`~lm_excel.portfolio.collect.Portfolio`'s tables
(:mod:`lm_excel.portfolio.tables`) as a workbook with XlsxWriter: an Overview sheet with the key
figures, then one sheet per table, text always as text; written atomically and read back.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lm_excel.errors import LmExcelError, UsageError
from lm_excel.portfolio.tables import TABLES, is_blank, is_share, key_figures

if TYPE_CHECKING:  # pragma: no cover
    from lm_excel.portfolio.collect import Portfolio

#: Sheet name of the overview sheet (first in the summary workbook).
OVERVIEW_SHEET = "Overview"
#: 0-based row of the header row of every table sheet in the summary workbook.
SUMMARY_HEADER_ROW = 3
_MAX_WIDTH = 60
_MAX_CELL = 32_000  # Excel's limit is 32,767 characters per cell

_TABLE_COLOURS = {
    "workbooks": "1F4E79",
    "themes": "5B3A8C",
    "theme_hits": "5B3A8C",
    "domains": "7A1F3D",
    "measures": "2E6B5A",
    "outcomes": "7A1F3D",
    "components": "1F5F8B",
    "mechanisms": "8A4B08",
    "negatives": "9C2A2A",
    "failed": "4A4A4A",
    "skipped": "4A4A4A",
}
_FIXED_WIDTHS = {"File": 26, "Organisation": 24, "Intervention": 26, "Cell": 22, "ID": 7,
                 "Version": 9, "Date": 11, "Phase": 16, "Kind": 20, "Check status": 20,
                 "Structure notes": 24, "Delivery modes": 22, "Measures": 34, "Themes": 40}


def _column_width(name: str, values: Sequence[object]) -> float:
    if name in _FIXED_WIDTHS:
        return _FIXED_WIDTHS[name]
    lengths = sorted(len(str(v)) for v in values if not is_blank(v))
    typical = lengths[int(len(lengths) * 0.9)] if lengths else 0
    return float(min(max(len(name) + 3, typical + 2, 8), _MAX_WIDTH))


def _write_cell(ws: Any, r: int, c: int, value: object, fmt: Any) -> None:
    """One value with its type kept; text always as text (never a formula or a link)."""
    import numbers

    if is_blank(value):
        ws.write_blank(r, c, None, fmt)
    elif isinstance(value, bool):
        ws.write_string(r, c, "yes" if value else "no", fmt)
    elif isinstance(value, numbers.Number):
        ws.write_number(r, c, float(value), fmt)  # type: ignore[arg-type]
    else:
        ws.write_string(r, c, str(value)[:_MAX_CELL], fmt)


def _column_layout(fmts: dict[str, Any], columns: list[str], rows: list[tuple]
                   ) -> tuple[list[float], list[bool], list[Any]]:
    """Width, whether to wrap, and the cell format of each column of a table."""
    import numbers

    numeric = [
        bool(rows) and all(isinstance(r[i], numbers.Number) or is_blank(r[i]) for r in rows)
        for i in range(len(columns))
    ]
    widths = [
        10.0 if numeric[i] else _column_width(col, [r[i] for r in rows]) for i, col in enumerate(columns)
    ]
    wrap = [
        not numeric[i] and any(len(str(r[i])) > widths[i] for r in rows if not is_blank(r[i]))
        for i in range(len(columns))
    ]
    col_fmts = []
    for i, col in enumerate(columns):
        if numeric[i]:
            col_fmts.append(fmts["pct"] if is_share(col) else fmts["number"])
        else:
            col_fmts.append(fmts["text"] if wrap[i] else fmts["plain"])
    return widths, wrap, col_fmts


def _table_sheet(wb: Any, ws: Any, fmts: dict[str, Any], key: str, df: Any) -> None:
    from lm_excel.workbook.styles import fit_row, header_format, print_setup

    name, intro = TABLES[key]
    colour = _TABLE_COLOURS[key]
    columns = list(df.columns)
    rows = list(df.itertuples(index=False, name=None))
    ws.set_row(0, 26)
    ws.write_string(0, 0, name, fmts["title"])
    ws.write_string(1, 0, intro, fmts["intro"])
    widths, wrap, col_fmts = _column_layout(fmts, columns, rows)
    for i, width in enumerate(widths):
        ws.set_column(i, i, width, col_fmts[i])
    h = SUMMARY_HEADER_ROW
    if not rows:
        rows = [("(none)",) + ("",) * (len(columns) - 1)]
    hdr = header_format(wb, colour)
    ws.add_table(h, 0, h + len(rows), len(columns) - 1, {
        "name": "tbl" + "".join(ch for ch in name.title() if ch.isalnum()),
        "style": "Table Style Light 1",
        "autofilter": True,
        "banded_rows": True,
        "columns": [{"header": col, "header_format": hdr} for col in columns],
    })
    for j, row in enumerate(rows):
        r = h + 1 + j
        for i, value in enumerate(row):
            _write_cell(ws, r, i, value, col_fmts[i])
        wrapped = [(str(row[i]), widths[i], 10) for i in range(len(columns)) if wrap[i] and not is_blank(row[i])]
        if wrapped:
            fit_row(ws, r, wrapped)
    header_lines = max(-(-len(col) // max(int(widths[i]) - 1, 1)) for i, col in enumerate(columns))
    ws.set_row(h, max(30, 13 * header_lines + 4))
    ws.freeze_panes(h + 1, 1 if key in ("workbooks", "theme_hits") else 0)
    print_setup(ws, f"Portfolio summary: {name}", repeat_row=h)
    if sum(widths) > 220:  # too wide for one A4 page: two pages across, file name repeated
        ws.fit_to_pages(2, 0)
        ws.repeat_columns(0)
    ws.set_tab_color("#" + colour)


def _overview_sheet(wb: Any, ws: Any, fmts: dict[str, Any], p: Portfolio) -> None:
    from lm_excel.model import quote_sheet
    from lm_excel.workbook.styles import print_setup

    ws.hide_gridlines(2)
    ws.set_column("A:A", 34)
    ws.set_column("B:B", 90)
    ws.set_row(0, 30)
    ws.write_string(0, 0, "Portfolio summary", fmts["title"])
    ws.write_string(
        1, 0,
        f"Logic models in the folder '{p.folder}', read on {p.created:%d %B %Y at %H:%M}. "
        "Each sheet below is a table you can sort and filter.",
        fmts["intro"],
    )
    r = 3
    ws.write_string(r, 0, "Key figures", fmts["label"])
    r += 1
    for label, value in key_figures(p):
        ws.write_string(r, 0, label, fmts["plain"])
        ws.write_string(r, 1, value, fmts["text"])
        r += 1
    r += 1
    ws.write_string(r, 0, "Sheets in this workbook", fmts["label"])
    r += 1
    tables = p.tables()
    for key, (name, intro) in TABLES.items():
        rows = len(tables[key])
        ws.write_url(r, 0, f"internal:{quote_sheet(name)}!A1", fmts["link"], string=name,
                     tip=f"Go to the {name} sheet")
        ws.write_string(r, 1, f"{intro} ({rows} row{'s' if rows != 1 else ''})", fmts["text"])
        ws.set_row(r, 27 if len(intro) > 80 else 15)
        r += 1
    r += 1
    ws.write_string(r, 0, "Made with", fmts["label"])
    from lm_excel import __version__

    ws.write_string(r, 1, f"lm-excel {__version__} (lm-excel portfolio), in {p.seconds:.1f} s", fmts["text"])
    print_setup(ws, "Portfolio summary")
    ws.set_landscape()
    ws.set_tab_color("#1F4E79")
    ws.activate()


def write_summary_file(path: str | os.PathLike[str], p: Portfolio) -> None:
    """Write the summary workbook to ``path`` directly (see :func:`write_summary`)."""
    import xlsxwriter  # local: keeps `import lm_excel` fast

    from lm_excel import __version__
    from lm_excel.workbook.styles import formats

    tables = p.tables()
    wb = xlsxwriter.Workbook(
        os.fspath(path),
        {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    try:
        wb.set_properties({
            "title": f"Portfolio summary: {p.folder}",
            "subject": "Logic models across sites",
            "comments": f"Made with lm-excel {__version__}",
        })
        wb.set_size(1600, 1000)
        fmts = formats(wb)
        fmts["pct"] = wb.add_format({"font_name": "Arial", "font_size": 10, "valign": "top",
                                      "num_format": "0%", "align": "center"})
        fmts["number"] = wb.add_format({"font_name": "Arial", "font_size": 10, "valign": "top",
                                         "align": "center"})
        overview = wb.add_worksheet(OVERVIEW_SHEET)
        sheets = {key: wb.add_worksheet(name) for key, (name, _) in TABLES.items()}
        _overview_sheet(wb, overview, fmts, p)
        for key, ws in sheets.items():
            _table_sheet(wb, ws, fmts, key, tables[key])
    finally:
        wb.close()


def write_summary(p: Portfolio, path: str | os.PathLike[str]) -> Path:
    """Write the summary workbook atomically, check it reads back, and return its path.

    Whether ``path`` may be written is the caller's decision (``fileio.claim_output``); a file
    open in Excel is never replaced.
    """
    from lm_excel.fileio import write_verified

    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise UsageError(f"'{target.name}': give a summary file name ending in .xlsx")
    expected = [str(f) for f in p.tables()["workbooks"]["File"]]

    def verify(tmp: Path) -> None:
        import openpyxl

        wb = openpyxl.load_workbook(tmp, read_only=True)
        try:
            names = wb.sheetnames
            missing = [n for n, _ in TABLES.values() if n not in names]
            ws = wb[TABLES["workbooks"][0]]
            got = [
                str(row[0])
                for row in ws.iter_rows(min_row=SUMMARY_HEADER_ROW + 2, values_only=True)
                if row and row[0] not in (None, "(none)")
            ]
        finally:
            wb.close()
        if missing or got != expected:
            raise LmExcelError("the summary did not read back as written; nothing was saved", target)

    return write_verified(target, lambda tmp: write_summary_file(tmp, p), verify)
