"""The house style of the workbooks lm-excel writes: fonts, colours, header and print set-up,
row heights fitted to wrapped text. Shared by every XlsxWriter and openpyxl writer.

Nothing here reads or writes a file; each helper takes the writer's own workbook or sheet.
"""

from __future__ import annotations

import math
from typing import Any

FONT = "Arial"
TEXT = "#1A1A1A"
MUTED = "#4D4D4D"  # 8.4:1 on white
LINK = "#0B5394"  # 7.6:1 on white
STRIPE = "#F2F2F2"


def formats(wb: Any) -> dict[str, Any]:
    """The named cell formats of an XlsxWriter workbook (title, text, label, link, ...)."""
    base = {"font_name": FONT, "font_size": 10, "font_color": TEXT, "valign": "top"}

    def f(**kw: Any) -> Any:
        return wb.add_format({**base, **kw})

    return {
        "title": f(font_size=16, bold=True, valign="vcenter"),
        "intro": f(font_color=MUTED, italic=True, valign="vcenter"),
        "text": f(text_wrap=True),
        "plain": f(),
        "date": f(num_format="dd/mm/yyyy", align="left"),
        "label": f(bold=True, text_wrap=True),
        "help": f(font_color=MUTED, text_wrap=True, font_size=9),
        "link": f(font_color=LINK, underline=1),
        "step": f(bold=True, align="center"),
        "status_label": f(bold=True),
        "status": f(text_wrap=True, border=1, border_color="#808080"),
        "note": f(font_color=MUTED, text_wrap=True, italic=True),
    }


def header_format(wb: Any, colour: str) -> Any:
    """White bold text on the sheet's colour: a table's header row (XlsxWriter)."""
    return wb.add_format(
        {
            "font_name": FONT,
            "font_size": 10,
            "bold": True,
            "font_color": "#FFFFFF",
            "bg_color": "#" + colour,
            "text_wrap": True,
            "valign": "vcenter",
            "border": 1,
            "border_color": "#FFFFFF",
        }
    )


def print_setup(ws: Any, title: str, repeat_row: int | None = None) -> None:
    """A4 landscape, fitted to the page width, with a header, page numbers and a repeated row."""
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.set_header(f"&L&\"Arial\"&9{escape_header_footer(title)}&R&\"Arial\"&9&A")
    ws.set_footer("&L&\"Arial\"&9&F&R&\"Arial\"&9Page &P of &N")
    if repeat_row is not None:
        ws.repeat_rows(repeat_row)


def escape_header_footer(text: str) -> str:
    """Text safe inside an Excel page header or footer (``&`` doubled, at most 80 characters)."""
    return text.replace("&", "&&")[:80]


def text_lines(text: str, width: float, font_size: float = 10) -> int:
    """Estimated number of printed lines of ``text`` wrapped in a column ``width`` characters wide."""
    per_line = max(width * 1.15 * 10 / font_size - 1, 4)
    if len(text) <= per_line and "\n" not in text:
        return 1
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n")) if text else 1


def fit_row(ws: Any, row: int, cells: list[tuple[str, float, float]], minimum: float = 15) -> None:
    """Set a row's height to fit wrapped text (XlsxWriter cannot autofit row heights)."""
    lines = max((text_lines(text, width, size) for text, width, size in cells), default=1)
    ws.set_row(row, max(minimum, min(409, lines * 12.9 + 3)))
