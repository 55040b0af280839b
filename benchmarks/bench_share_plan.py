"""Benchmark (integration): share and merge of a model that holds a measures plan, as whole processes.

Writes the worked example with its measures plan (made by ``lm-excel plan``), an edited partner
copy, then times, interleaved, median of N runs:

* floor: a Python process that imports openpyxl and loads the workbook (styles and all);
* ``lm-excel share MODEL -o COPY`` (read, rebuild, plan sheet laid out by the plan writer, check);
* ``lm-excel merge SENT MINE THEIRS -o OUT`` (three-way).

``--tree DIR`` times the lm-excel in another checkout (run from that folder) (e.g. the commit before the plan sheet was
laid out by the plan writer) on the same inputs, for a before/after comparison. Run from the
project root:

    python benchmarks/bench_share_plan.py [--runs 7] [--tree OTHER_CHECKOUT]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import median_times, python


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--tree", type=Path, help="another checkout whose lm-excel to time as well")
    args = ap.parse_args()

    from lm_excel.workbook.builder import build_workbook
    from lm_excel.example import example_records
    from lm_excel.measures.plan import make_plan
    from lm_excel.workbook.plan_sheet import write_plan
    from lm_excel.workbook.reader import read_workbook

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        model = build_workbook(tmp / "model.xlsx", example_records())
        write_plan(model, make_plan(read_workbook(model)))
        import openpyxl

        wb = openpyxl.load_workbook(model)
        ws = wb["Measures plan"]
        ws["M5"] = "Health visiting data team"  # a partner's edit to the plan
        wb.save(tmp / "theirs.xlsx")
        trees = {"this tree": ROOT}
        if args.tree:
            trees["--tree"] = args.tree.resolve()
        commands: dict[str, list[str]] = {
            "floor: openpyxl loads the workbook":
                python(f"import openpyxl; openpyxl.load_workbook({str(model)!r})"),
        }
        for label, tree in trees.items():
            cli = [sys.executable, "-m", "lm_excel"]
            commands[f"share ({label})"] = [
                "env", "-C", str(tree), f"PYTHONPATH={tree}", *cli, "share", str(model), "-o",
                str(tmp / f"copy-{len(commands)}.xlsx"), "--force", "--by", "bench"]
            commands[f"merge ({label})"] = [
                "env", "-C", str(tree), f"PYTHONPATH={tree}", *cli, "merge", str(model), str(model),
                str(tmp / "theirs.xlsx"), "-o", str(tmp / f"merged-{len(commands)}.xlsx"), "--force",
                "--by", "bench"]
        times = median_times(commands, args.runs)
    floor = times["floor: openpyxl loads the workbook"]
    print(f"median of {args.runs} runs")
    print("| process | median s | x floor |")
    print("|---|---|---|")
    for name, t in times.items():
        print(f"| {name} | {t:.2f} | {t / floor:.2f} |")


if __name__ == "__main__":
    main()
