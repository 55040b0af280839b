"""Benchmark (issue 2): reading the example workbook, and importing the package.

Budgets: reading the example <= 1.3x the floor (a Python process that only imports openpyxl and
loads the same file); ``import lm_excel`` adds <= 150 ms to a bare interpreter.

    python benchmarks/bench_read.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_times, python

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "example.xlsx"
        sys.path.insert(0, str(ROOT))
        from lm_excel.workbook.builder import build_workbook
        from lm_excel.example import example_records

        build_workbook(path, example_records())
        p = repr(str(path))
        commands = {
            "bare interpreter": python("pass"),
            "import lm_excel": python("import lm_excel"),
            "floor: openpyxl load_workbook": python(f"import openpyxl; openpyxl.load_workbook({p})"),
            "floor (strict): openpyxl read-only, every value": python(
                "import openpyxl\n"
                f"wb = openpyxl.load_workbook({p}, read_only=True, data_only=True)\n"
                "[list(ws.iter_rows(values_only=True)) for ws in wb.worksheets]\n"
                "wb.close()"
            ),
            "lm_excel read_workbook": python(f"from lm_excel.workbook.reader import read_workbook; read_workbook({p})"),
        }
        med = median_times(commands, args.runs, env)
    width = max(map(len, med))
    print(f"median of {args.runs} interleaved runs, seconds (Python {sys.version.split()[0]})")
    for name, value in med.items():
        print(f"  {name:<{width}}  {value:.3f}")
    read = med["lm_excel read_workbook"]
    floor = med["floor: openpyxl load_workbook"]
    strict = med["floor (strict): openpyxl read-only, every value"]
    added = (med["import lm_excel"] - med["bare interpreter"]) * 1000
    print(f"read / floor = {read / floor:.2f}x (budget <= 1.30x)")
    print(f"read / strict floor = {read / strict:.2f}x (for information)")
    print(f"import lm_excel adds {added:.0f} ms (budget <= 150 ms)")
    ok = read / floor <= 1.3 and added <= 150
    print("within budget" if ok else "OVER BUDGET")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
