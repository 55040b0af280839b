"""Benchmark (issue 8): refusing hostile files costs no more than reading a real workbook.

Each command is a whole Python process that calls ``read_workbook`` on one file and expects the
outcome (a model, or the project's own error). The floor is reading the worked example in the
same run. Budget: refusing the billion-laughs file, the zip bomb and a too-many-sheets file each takes
<= 0.5x the floor (they are refused before any sheet is parsed); an over-long cell <= 1.2x (the
shared strings must be read to find it); a stray value a million rows down and values in column
XFD on 2,000 rows each <= 4x (their rows must be walked to find them).

    python benchmarks/bench_hardening.py [--runs 9]
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

READ = """
import sys
from lm_excel.errors import LmExcelError
from lm_excel.workbook.reader import read_workbook
try:
    read_workbook(sys.argv[1])
except LmExcelError:
    sys.exit(0 if sys.argv[2] == "refused" else 1)
sys.exit(0 if sys.argv[2] == "read" else 1)
"""

CASES = {  # name -> (generator in tests/badinput.py, expected outcome, budget vs floor)
    "billion laughs (sharedStrings)": ("billion_laughs_strings", "refused", 0.5),
    "zip bomb (64 MB sheet, 1:700)": ("zip_bomb", "refused", 0.5),
    "300 extra sheets": ("many_sheets", "refused", 0.5),
    "over-long cell (150,000 chars)": ("over_long_cell", "refused", 1.2),
    "stray value at row 1,000,000": ("far_away_cell", "refused", 4.0),
    "values in column XFD on 2,000 rows": ("wide_rows", "read", 4.0),
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    sys.path.insert(0, str(ROOT))
    from lm_excel.workbook.builder import build_workbook
    from lm_excel.example import example_records
    from tests import badinput

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        example = build_workbook(folder / "example.xlsx", example_records())
        commands = {"floor: read the example": python(READ) + [str(example), "read"]}
        for name, (gen, outcome, _budget) in CASES.items():
            sub = folder / gen
            sub.mkdir()
            path = getattr(badinput, gen)(sub, example)
            commands[name] = python(READ) + [str(path), outcome]
        med = median_times(commands, args.runs, env)
    floor = med["floor: read the example"]
    width = max(map(len, med))
    print(f"median of {args.runs} interleaved runs, seconds (Python {sys.version.split()[0]})")
    ok = True
    for name, value in med.items():
        budget = CASES[name][2] if name in CASES else None
        ratio = value / floor
        verdict = "" if budget is None else f"{ratio:5.2f}x (budget <= {budget:.1f}x)"
        ok &= budget is None or ratio <= budget
        print(f"  {name:<{width}}  {value:.3f}  {verdict}")
    print("within budget" if ok else "OVER BUDGET")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
