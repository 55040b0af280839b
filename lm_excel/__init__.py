"""lm-excel: build, check and report on a logic model of a model of practice, in Excel.

The public library API is imported lazily, so ``import lm_excel`` stays fast::

    from lm_excel import read_workbook, build_workbook, example_records
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_API = {
    "read_workbook": "lm_excel.workbook.reader",
    "build_workbook": "lm_excel.workbook.builder",
    "example_records": "lm_excel.example",
    "LogicModel": "lm_excel.model",
    "Element": "lm_excel.model",
    "Intervention": "lm_excel.model",
    "ModelRecords": "lm_excel.model",
    "CellRef": "lm_excel.model",
    "LmExcelError": "lm_excel.errors",
    # evaluation measures (issue 4)
    "suggest": "lm_excel.measures.suggest",
    "load_library": "lm_excel.measures.library",
    "make_plan": "lm_excel.measures.plan",
    "write_plan": "lm_excel.workbook.plan_sheet",
}

__all__ = [  # noqa: PLE0604 (names are strings; built from _API)
    "__version__",
    *_API,
]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'lm_excel' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
