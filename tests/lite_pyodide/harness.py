"""Run the xlwings Lite Check script on a workbook given as JSON, as the add-in does: the same
file runs in CPython (tests) and inside Pyodide under Node (run.mjs).

The script is found the add-in's way: a module ``main`` made from the workbook's ``main.py``
(``from lm_excel.lite import *``), its scripts listed by xlwings' ``custom_scripts_meta`` and
called through ``custom_scripts_call`` with the book. xlwings' remote engine needs
``XLWINGS_LICENSE_KEY=noncommercial`` (tests only) and ``XLWINGS_ON_SERVER=true`` (its Lite/server
mode, where ``@xw.script`` records the metadata), both set before xlwings is imported.
"""

from __future__ import annotations

import os
import re
import time
import types

MAIN_PY = "from lm_excel.lite import *\n"


def _setup() -> None:
    os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"
    os.environ["XLWINGS_ON_SERVER"] = "true"


async def run_check(payload: dict, repeat: int = 1) -> dict:
    """Press Check ``repeat`` times on fresh copies of ``payload``; what it wrote, and the times."""
    _setup()
    started = time.perf_counter()
    import xlwings as xw
    from xlwings.pro.udfs_officejs import custom_scripts_call, custom_scripts_meta

    main = types.ModuleType("main")
    exec(MAIN_PY, main.__dict__)  # noqa: S102  (the workbook's main.py, as the add-in runs it)
    scripts = {m["function_name"]: m for m in custom_scripts_meta(main)}
    imported = time.perf_counter() - started
    seconds, book = [], None
    for _ in range(repeat):
        book = xw.Book(json=payload)
        t0 = time.perf_counter()
        await custom_scripts_call(main, "lm_check", typehint_to_value={xw.Book: book})
        seconds.append(time.perf_counter() - t0)
    names = [s.name for s in book.sheets]
    writes: dict[str, list] = {}
    for action in book.json()["actions"]:
        if action["func"] == "setValues":
            sheet = names[action["sheet_position"]]
            writes.setdefault(sheet, []).append(
                [action["start_row"], action["start_column"], action["values"]])
    status = writes.get("Start", [[0, 0, [[""]]]])[-1][2][0][0]
    return {
        "scripts": {k: v.get("button") for k, v in scripts.items()},
        # the status without its time of day and duration, which differ from run to run
        "status": re.sub(r" at \d\d:\d\d on [\d/]+| \([\d.]+ s\)$", "", status),
        "validation": writes.get("Validation", []),
        "import_seconds": imported,
        "seconds": seconds,
    }
