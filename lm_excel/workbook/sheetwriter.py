"""Writing results into a workbook through a small interface, so files and live workbooks share it.

:class:`SheetWriter` is the seam: whole-range operations only (a grid of values, a style over a
range, a run of links down a column), so a live-workbook implementation (xlwings) makes few
round trips. :class:`OpenpyxlWriter` implements it for workbook files.

Highlights of offending cells are conditional-formatting rules whose formula carries
:data:`HIGHLIGHT_MARKER`; :meth:`SheetWriter.clear_highlights` removes exactly those rules and
nothing else, so no fill, border or other rule the user set is ever touched.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from lm_excel.model import CellRef
from lm_excel.workbook.safe_xl import set_value

#: Text inside the formula of every highlight rule lm-excel adds (and the only rules it removes).
HIGHLIGHT_MARKER = "lm-excel check"
#: The formula of a highlight rule: always TRUE, and recognisably ours.
HIGHLIGHT_FORMULA = f'"{HIGHLIGHT_MARKER}"<>""'


@runtime_checkable
class SheetWriter(Protocol):
    """What the Validation-sheet writer needs from a workbook (a file or a live workbook)."""

    def sheet_names(self) -> list[str]:
        """Names of the workbook's sheets, in order."""

    def add_sheet(self, name: str, after: str | None = None) -> None:
        """Add an empty sheet (after ``after`` when given, else at the end)."""

    def clear_rows(self, sheet: str, first_row: int) -> None:
        """Remove values, formatting and links from ``first_row`` (1-based) to the sheet's end."""

    def write_grid(self, sheet: str, top_left: str, rows: Sequence[Sequence[object]]) -> None:
        """Write a block of values (text is always written as text, never as a formula)."""

    def set_style(self, sheet: str, cells: str, *, fill: str | None = None,
                  font_colour: str | None = None, bold: bool = False, wrap: bool = False) -> None:
        """Format a range such as 'A5:A9' (colours as 6-digit hex RGB)."""

    def set_links(self, sheet: str, top_left: str, targets: Sequence[CellRef | None]) -> None:
        """Make the cells from ``top_left`` downwards links to ``targets`` (None: no link)."""

    def set_column_widths(self, sheet: str, widths: Mapping[str, float]) -> None:
        """Column widths in characters, by column letter."""

    def set_row_heights(self, sheet: str, first_row: int, heights: Sequence[float]) -> None:
        """Heights in points of the rows from ``first_row`` down (to fit wrapped text)."""

    def highlight(self, sheet: str, cells: Sequence[str], fill: str) -> None:
        """Shade ``cells`` (A1 addresses) in a way :meth:`clear_highlights` can undo exactly.

        The file implementation adds one conditional-formatting rule per call whose formula
        contains :data:`HIGHLIGHT_MARKER`; another implementation may use another mechanism as
        long as its ``clear_highlights`` removes exactly what it added and nothing else.
        """

    def clear_highlights(self) -> None:
        """Remove every highlight added by :meth:`highlight`, and nothing else."""


def _split(cell: str) -> tuple[int, int]:
    """'B12' -> (12, 2)."""
    letters = "".join(ch for ch in cell if ch.isalpha()).upper()
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int("".join(ch for ch in cell if ch.isdigit())), col


class OpenpyxlWriter:
    """:class:`SheetWriter` over an openpyxl ``Workbook`` (loaded with ``load_workbook``)."""

    def __init__(self, wb: Any) -> None:
        self.wb = wb

    def sheet_names(self) -> list[str]:
        return list(self.wb.sheetnames)

    def add_sheet(self, name: str, after: str | None = None) -> None:
        index = self.wb.sheetnames.index(after) + 1 if after in self.wb.sheetnames else None
        self.wb.create_sheet(name, index)

    def clear_rows(self, sheet: str, first_row: int) -> None:
        ws = self.wb[sheet]
        if ws.max_row >= first_row:
            ws.delete_rows(first_row, ws.max_row - first_row + 1)

    def write_grid(self, sheet: str, top_left: str, rows: Sequence[Sequence[object]]) -> None:
        ws = self.wb[sheet]
        r0, c0 = _split(top_left)
        for i, values in enumerate(rows):
            for j, value in enumerate(values):
                # Text stays text (never a formula), control characters stored as Excel does.
                set_value(ws.cell(r0 + i, c0 + j), value)

    def set_style(self, sheet: str, cells: str, *, fill: str | None = None,
                  font_colour: str | None = None, bold: bool = False, wrap: bool = False) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        ws = self.wb[sheet]
        font = Font(name="Arial", size=10, bold=bold, color="FF" + (font_colour or "1A1A1A"))
        pattern = PatternFill("solid", start_color="FF" + fill, end_color="FF" + fill) if fill else None
        align = Alignment(wrap_text=wrap, vertical="top")
        for line in ws[cells] if ":" in cells else ((ws[cells],),):
            for cell in line:
                cell.font = font
                cell.alignment = align
                if pattern is not None:
                    cell.fill = pattern

    def set_links(self, sheet: str, top_left: str, targets: Sequence[CellRef | None]) -> None:
        from openpyxl.styles import Font
        from openpyxl.worksheet.hyperlink import Hyperlink

        ws = self.wb[sheet]
        r0, c0 = _split(top_left)
        font = Font(name="Arial", size=10, color="FF0B5394", underline="single")
        for i, target in enumerate(targets):
            cell = ws.cell(r0 + i, c0)
            if target is None:
                cell.hyperlink = None
                continue
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=str(target),
                                       tooltip=f"Go to {target}")
            cell.font = font

    def set_column_widths(self, sheet: str, widths: Mapping[str, float]) -> None:
        ws = self.wb[sheet]
        for letter, width in widths.items():
            ws.column_dimensions[letter].width = width

    def set_row_heights(self, sheet: str, first_row: int, heights: Sequence[float]) -> None:
        ws = self.wb[sheet]
        for i, height in enumerate(heights):
            ws.row_dimensions[first_row + i].height = height

    def highlight(self, sheet: str, cells: Sequence[str], fill: str) -> None:
        from openpyxl.formatting.rule import FormulaRule
        from openpyxl.styles import PatternFill

        if not cells:
            return
        rule = FormulaRule(formula=[HIGHLIGHT_FORMULA],
                           fill=PatternFill("solid", start_color="FF" + fill, end_color="FF" + fill))
        self.wb[sheet].conditional_formatting.add(" ".join(dict.fromkeys(cells)), rule)

    def clear_highlights(self) -> None:
        from openpyxl.formatting.formatting import ConditionalFormattingList

        for ws in self.wb.worksheets:
            old = ws.conditional_formatting
            if not any(_ours(r) for cf in old for r in cf.rules):
                continue
            new = ConditionalFormattingList()
            for cf in old:
                for r in cf.rules:
                    if not _ours(r):
                        new.add(str(cf.sqref), r)
            ws.conditional_formatting = new


def _ours(rule: Any) -> bool:
    return any(HIGHLIGHT_MARKER in str(f) for f in (rule.formula or ()))


__all__ = ["HIGHLIGHT_FORMULA", "HIGHLIGHT_MARKER", "OpenpyxlWriter", "SheetWriter"]
