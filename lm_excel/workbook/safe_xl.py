"""Write user text into workbooks safely: text that looks like a formula stays text.

A value typed by a user (or arriving in a partner's copy) such as ``=HYPERLINK("http://...")``,
``+44 20 7946 0000``, ``-2 families`` or ``@SUM(A1)`` must be written back as the text it is,
never as a formula that Excel would evaluate ("formula injection"). XlsxWriter writers get this
from ``write_string`` and the workbook options ``strings_to_formulas=False``; openpyxl writers
must use :func:`set_text` / :func:`set_value` here, because openpyxl turns any string starting with
``=`` into a formula unless the cell's data type is set to text. Writers into a live workbook
(xlwings) pass text through :func:`live_text`.

openpyxl also refuses control characters in strings (``IllegalCharacterError``); these helpers
store them the way Excel does (``_xHHHH_``), so nothing typed is lost.

Nothing in this module imports openpyxl at import time.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

#: First characters that make Excel (or a CSV import) treat a typed value as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@")

_ESCAPE_LIKE = re.compile(r"(_x[0-9A-Fa-f]{4}_)")
_SURROGATE = re.compile("[\ud800-\udfff]")
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def looks_like_formula(value: object) -> bool:
    """Whether ``value`` is text that a spreadsheet could take for a formula."""
    return isinstance(value, str) and value.lstrip()[:1] in FORMULA_TRIGGERS


def excel_text(value: str) -> str:
    """``value`` as an OOXML string: control characters as ``_xHHHH_`` (ECMA-376 ST_Xstring).

    A literal ``_xHHHH_`` in the text is protected as ``_x005F_xHHHH_`` first, as Excel does.
    Lone surrogates, which no file can hold, become U+FFFD.
    """
    text = _SURROGATE.sub("\ufffd", value)
    text = _ESCAPE_LIKE.sub(r"_x005F\1", text)
    return _XML_ILLEGAL.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def set_text(cell: Any, value: object) -> None:
    """Put ``value`` into an openpyxl ``cell`` as text, never as a formula.

    ``None`` or ``''`` empties the cell; anything else is written as its ``str()``.
    """
    if value is None or value == "":
        cell.value = None
        return
    cell.value = excel_text(str(value))
    cell.data_type = "s"  # after the assignment: openpyxl infers 'f' for '=...'


def set_value(cell: Any, value: object) -> None:
    """Put ``value`` into an openpyxl ``cell`` keeping numbers, booleans and dates; text as text."""
    if value is None or isinstance(value, (bool, int, float, dt.date, dt.time)):
        cell.value = value
    else:
        set_text(cell, value)


def live_text(value: object) -> object:
    """A value to assign to a live Excel cell (xlwings ``range.value``) so text stays text.

    Excel, like a user typing, turns '=...' (and '+...', '-...', '@...') into a formula; a
    leading apostrophe makes it store the rest as text and is not part of the cell's value. Other
    values are returned unchanged.
    """
    if isinstance(value, str) and (looks_like_formula(value) or value.startswith("'")):
        return "'" + value
    return value


def formula_cells(path: Any) -> list[str]:
    """Every cell holding a formula in the workbook at ``path``, as 'Sheet!A1' (for audits)."""
    import zipfile

    from lm_excel.workbook.xlsx_scan import sheet_parts

    found: list[str] = []
    with zipfile.ZipFile(path) as zf:
        for sheet, part in sheet_parts(zf).items():
            from defusedxml.ElementTree import iterparse

            with zf.open(part) as fh:
                for _event, node in iterparse(fh, events=("end",)):
                    tag = node.tag.rsplit("}", 1)[-1] if isinstance(node.tag, str) else ""
                    if tag == "c" and any(
                        isinstance(ch.tag, str) and ch.tag.rsplit("}", 1)[-1] == "f" for ch in node
                    ):
                        found.append(f"{sheet}!{node.get('r')}")
                    elif tag == "row":
                        node.clear()
    return found
