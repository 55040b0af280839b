"""Benchmark (issue 17): drawing the Diagram sheet, as whole processes.

Budgets: ``lm-excel diagram`` on the worked example within 1.5 s as a whole process; drawing
the diagram adds at most 0.5 s to a command that has already read the workbook (the cost the
refresh adds to ``plan``). Times, interleaved: a bare interpreter (how loaded the machine is),
reading the example (the floor), reading it and drawing the picture in memory (PNG and SVG), and
the whole ``lm-excel diagram`` command (read, draw, write the sheet, verify).

    python benchmarks/bench_diagram.py [--runs 7]
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
COMMAND_BUDGET_S = 1.5
DRAW_BUDGET_S = 0.5


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        example = Path(tmp) / "example.xlsx"
        code = ("from lm_excel.workbook.builder import build_workbook; "
                "from lm_excel.example import example_records; "
                f"build_workbook({str(example)!r}, example_records())")
        os.system(f"{sys.executable} -c {code!r}")  # noqa: S605 (fixed command of our own)
        out = Path(tmp) / "drawn.xlsx"
        read = f"from lm_excel.workbook.reader import read_workbook; m = read_workbook({str(example)!r})"
        commands = {
            "bare interpreter": python("pass"),
            "floor: read the example": python(read),
            "read + draw (PNG and SVG)": python(read + "; from lm_excel.usecases.diagram import sheet_picture; "
                                                "sheet_picture(m)"),
            "lm-excel diagram": [sys.executable, "-m", "lm_excel", "diagram", str(example), "-o",
                                 str(out), "--force"],
        }
        times = median_times(commands, args.runs, env)
    load = os.getloadavg()[0]
    for name, t in times.items():
        print(f"{name:32s} {t:7.3f} s")
    draw = times["read + draw (PNG and SVG)"] - times["floor: read the example"]
    whole = times["lm-excel diagram"]
    print(f"drawing adds {draw:.3f} s to reading (budget {DRAW_BUDGET_S} s); "
          f"lm-excel diagram {whole:.3f} s = {whole / times['floor: read the example']:.2f}x the "
          f"floor (budget {COMMAND_BUDGET_S} s); load average {load:.1f}; median of {args.runs}")
    return 0 if draw <= DRAW_BUDGET_S and whole <= COMMAND_BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
