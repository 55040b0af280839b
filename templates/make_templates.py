"""Regenerate the ready-made workbooks in templates/, for people without Python:

    python templates/make_templates.py

* ``logic-model-template.xlsx``: the blank workbook, no macros, no add-in; works everywhere.
* ``logic-model-lite.xlsx``: the blank workbook with Check / Build measures plan / Create Word
  report buttons run by the free xlwings Lite add-in inside Excel (nothing to install).
* ``logic-model-example.xlsx``: the worked example (a fictional council's family-support model),
  with the same xlwings Lite buttons.

They are made by lm-excel's own builder (``lm-excel new``), with fixed dates so the same code
always gives the same files; tests/test_templates.py fails when they are out of date (the
example's diagram picture is compared by kind only: its pixels depend on the font library).
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import datetime as dt

from lm_excel.example import example_records
from lm_excel.usecases.diagram import redraw
from lm_excel.workbook.addin import build_lite_workbook
from lm_excel.workbook.builder import build_workbook
from lm_excel.workbook.reader import read_workbook

#: The date every template says it was made (its metadata and document properties).
FIXED_DATE = "2026-01-01T00:00:00"
BLANK, LITE, EXAMPLE = "logic-model-template.xlsx", "logic-model-lite.xlsx", "logic-model-example.xlsx"
TEMPLATES = (BLANK, LITE, EXAMPLE)


def _fix_dates(path: Path) -> None:
    """Document properties carry the build time: set them to :data:`FIXED_DATE`."""
    with zipfile.ZipFile(path) as zf:
        parts = [(info, zf.read(info.filename)) for info in zf.infolist()]
    stamp = (FIXED_DATE + "Z").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in parts:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>" + stamp + rb"\2", data)
            zf.writestr(info, data)


def build_templates(folder: Path) -> list[Path]:
    """Write the three templates into ``folder``; return their paths."""
    meta = {"created": FIXED_DATE}
    written = [
        build_workbook(folder / BLANK, meta=meta),
        build_lite_workbook(folder / LITE, meta=meta),
        build_lite_workbook(folder / EXAMPLE, example_records(), meta=meta),
    ]
    example = written[-1]  # the worked example comes with its diagram drawn
    redraw(example, read_workbook(example), today=dt.date.fromisoformat(FIXED_DATE[:10]))
    for path in written:
        _fix_dates(path)
    return written


if __name__ == "__main__":
    for out in build_templates(HERE):
        print(out)
