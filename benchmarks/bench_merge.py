"""Benchmark (issue 6): diff and merge of two 2,000-element models, as whole processes.

Builds a base model of 2,000 elements in code, two edited copies (about 10% of fields changed on
each side, some of them the same fields, rows added and deleted), writes the three workbooks,
then times whole processes, median of N runs:

* floor: a Python process that only imports openpyxl and reads every sheet of both copies;
* ``lm-excel diff MINE THEIRS --json``;
* ``lm-excel merge BASE MINE THEIRS -o OUT`` (three-way, writes and verifies the result);
* ``lm-excel merge MINE THEIRS -o OUT`` (no base: every difference flagged).

Budget: each lm-excel command at most 3 s. Run from the project root:

    python benchmarks/bench_merge.py [--runs 5]
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import median_wall_cpu

from lm_excel import layout as L
from lm_excel.workbook.builder import build_workbook
from lm_excel.example import example_records
from lm_excel.model import ModelRecords

N_ELEMENTS = 2_000
BUDGET_S = 3.0
WORDS = ("family", "support", "worker", "parent", "child", "school", "health", "visit", "virtual",
         "contact", "plan", "review", "safety", "trust", "wellbeing", "referral", "multi-agency")


def sentence(rng: random.Random, n: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def big_model(rng: random.Random) -> ModelRecords:
    rec = example_records()
    share = {"inputs": 0.08, "components": 0.2, "outputs": 0.1, "mechanisms": 0.15, "outcomes": 0.2,
             "context": 0.07, "assumptions": 0.1, "negatives": 0.1}
    elements: dict[str, list[dict[str, object]]] = {}
    for sheet in L.LIST_SHEETS:
        n = int(N_ELEMENTS * share.get(sheet.key, 0))  # optional sheets (My measures) left empty
        rows = []
        for i in range(1, n + 1):
            row: dict[str, object] = {}
            for col in sheet.columns:
                if col.kind == "id":
                    row[col.key] = f"{sheet.prefix}{i}"
                elif col.kind == "choice":
                    row[col.key] = rng.choice(col.options)
                elif col.kind == "ids":
                    target = L.LIST_SHEET_BY_KEY[col.targets[0]]
                    row[col.key] = ", ".join(f"{target.prefix}{rng.randint(1, 40)}" for _ in range(2))
                else:
                    row[col.key] = sentence(rng, 14 if col.long else 4)
            rows.append(row)
        elements[sheet.key] = rows
    return ModelRecords(dict(rec.intervention), elements)


def edited(base: ModelRecords, rng: random.Random, side: str) -> ModelRecords:
    out = copy.deepcopy(base)
    for sheet in L.LIST_SHEETS:
        rows = out.elements[sheet.key]
        texts = [c.key for c in sheet.columns if c.kind == "text"]
        for row in rows:
            if rng.random() < 0.10:
                row[rng.choice(texts)] = f"{side} edit {rng.randint(0, 9)}"
        for _ in range(len(rows) // 50):
            rows.pop(rng.randrange(len(rows)))
        for k in range(len(rows) // 50):
            rows.append({"id": f"{sheet.prefix}{len(base.elements[sheet.key]) + k + 1}",
                         sheet.statement: f"{side} new {k}"})
    return out


ENV = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    rng = random.Random(6)
    work = Path(tempfile.mkdtemp(prefix="bench-merge-"))
    base = big_model(rng)
    paths = {name: build_workbook(work / f"{name}.xlsx", rec) for name, rec in
             (("base", base), ("mine", edited(base, rng, "mine")), ("theirs", edited(base, rng, "theirs")))}
    py = sys.executable
    floor_code = (
        "import sys, openpyxl\n"
        "for f in sys.argv[1:]:\n"
        "    wb = openpyxl.load_workbook(f, read_only=True, data_only=True)\n"
        "    for ws in wb.worksheets:\n"
        "        for row in ws.iter_rows(values_only=True): pass\n"
        "    wb.close()\n"
    )
    mine, theirs, base_p = str(paths["mine"]), str(paths["theirs"]), str(paths["base"])
    out = str(work / "out.xlsx")
    results = median_wall_cpu({
        "floor (openpyxl reads both copies)": [py, "-c", floor_code, mine, theirs],
        "lm-excel diff MINE THEIRS --json": [py, "-m", "lm_excel", "diff", mine, theirs, "--json"],
        "lm-excel merge BASE MINE THEIRS -o OUT": [
            py, "-m", "lm_excel", "merge", base_p, mine, theirs, "-o", out, "--force"],
        "lm-excel merge MINE THEIRS -o OUT (no base)": [
            py, "-m", "lm_excel", "merge", mine, theirs, "-o", out, "--force"],
    }, args.runs, ENV, ok_codes=(0, 1))  # diff exits 1 when the copies differ
    floor, floor_cpu = next(iter(results.values()))
    n = sum(len(v) for v in base.elements.values())
    with open("/proc/loadavg") if os.path.exists("/proc/loadavg") else open(os.devnull) as fh:
        load = fh.read().split()[:3]
    print(f"{n} elements per model; median of {args.runs} interleaved runs; "
          f"budget {BUDGET_S:.1f} s per command; {os.cpu_count()} CPUs; load average {' '.join(load)}")
    print(f"{'process':48} {'wall s':>7} {'x floor':>8} {'CPU s':>7} {'x floor':>8}")
    ok = True
    for name, (secs, cpu) in results.items():
        print(f"{name:48} {secs:7.2f} {secs / floor:8.2f} {cpu:7.2f} {cpu / floor_cpu:8.2f}")
        if name.startswith("lm-excel") and secs > BUDGET_S:
            ok = False
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
