"""Benchmark (issue 5): the Word report, diagram included, as whole processes.

Budgets: the example's report <= 2 s; a 320-element model's report <= 8 s. Both are measured as
``lm-excel report WORKBOOK -o OUT.docx --no-page-numbers`` (reading the workbook and the check
included), against the floor of a Python process that only imports python-docx and matplotlib,
in the same run, interleaved. The default command also lays the report out once with LibreOffice
to put page numbers in its contents: that run is measured here too, and against the 2 s budget
with hyperfine by bench_report_pages.py (issue 15).

    python benchmarks/bench_report.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_wall_cpu, python

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_BUDGET = 2.0
BIG_BUDGET = 8.0


def big_records(per_sheet: int):  # type: ignore[no-untyped-def]
    """A generated model with ``per_sheet`` elements on each of the 8 list sheets, linked."""
    from lm_excel.model import ModelRecords

    n = per_sheet
    text = "Families get timely and joined-up help from a worker they trust"
    ts = ("Short term", "Medium term", "Long term")
    el = {
        "inputs": [{"id": f"IN{i}", "resource": f"Resource {i}: {text}", "type": "Staff"} for i in range(1, n + 1)],
        "components": [{"id": f"C{i}", "component": f"Component {i}: {text}",
                        "inputs_used": f"IN{i}, IN{(i * 7) % n + 1}"} for i in range(1, n + 1)],
        "outputs": [{"id": f"OP{i}", "output": f"Number of sessions {i}",
                     "from_components": f"C{(i * 3) % n + 1}"} for i in range(1, n + 1)],
        "mechanisms": [{"id": f"M{i}", "mechanism": f"Mechanism {i}: {text}",
                        "triggered_by": f"C{i}, C{(i * 5) % n + 1}", "leads_to": f"OC{(i * 11) % n + 1}",
                        "evidence": "Local feedback."} for i in range(1, n + 1)],
        "outcomes": [{"id": f"OC{i}", "outcome": f"Outcome {i}: {text}", "timescale": ts[i % 3],
                      "contributes_to": f"OC{i + 1}" if i % 3 != 2 and i < n else ""} for i in range(1, n + 1)],
        "context": [{"id": f"CF{i}", "factor": f"Factor {i}: {text}", "type": "Enabler"} for i in range(1, n + 1)],
        "assumptions": [{"id": f"A{i}", "assumption": f"Assumption {i}: {text}", "confidence": "Weak",
                         "relates_to": f"M{i}", "how_tested": "Survey"} for i in range(1, n + 1)],
        "negatives": [{"id": f"NC{i}", "consequence": f"Risk {i}: {text}", "mitigation": "Audit",
                       "monitoring": "Monthly review"} for i in range(1, n + 1)],
    }
    iv = {"organisation": "Big Borough Council", "name": "Big model", "version": "1.0",
          "summary": text, "target_population": text, "rationale": text}
    return ModelRecords(intervention=iv, elements=el)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    sys.path.insert(0, str(ROOT))
    from lm_excel.workbook.builder import build_workbook
    from lm_excel.example import example_records

    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        example = build_workbook(t / "example.xlsx", example_records())
        # The example as the demo leaves it: with its measures plan (so the report has the plan).
        from lm_excel.measures.plan import make_plan
        from lm_excel.workbook.plan_sheet import write_plan
        from lm_excel.workbook.reader import read_workbook

        planned = build_workbook(t / "planned.xlsx", example_records())
        write_plan(planned, make_plan(read_workbook(planned)))
        big = build_workbook(t / "big.xlsx", big_records(40))  # 320 elements
        cli = [sys.executable, "-m", "lm_excel", "report"]
        # --force: each command writes the same output on every run (the output policy refuses
        # to replace a file without it)
        fast = ("--no-page-numbers", "--force")
        commands = {
            "floor: import docx, matplotlib": python("import docx, matplotlib"),
            "report: example (38 drawn, 54 elements)": [*cli, str(example), "-o", str(t / "ex.docx"), *fast],
            "report: example with its measures plan": [*cli, str(planned), "-o", str(t / "pl.docx"), *fast],
            "report: 320-element model": [*cli, str(big), "-o", str(t / "big.docx"), *fast],
            "report: example with plan, page numbers (LibreOffice)": [
                *cli, str(planned), "-o", str(t / "pn.docx"), "--force"],
        }
        both = median_wall_cpu(commands, args.runs, env)
        med = {name: wall for name, (wall, _) in both.items()}
        cpu = {name: c for name, (_, c) in both.items()}
    width = max(map(len, med))
    print(f"median of {args.runs} interleaved runs, seconds (Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})")
    print(f"  {'command':<{width}}  wall    cpu")
    for name, value in med.items():
        print(f"  {name:<{width}}  {value:.3f}  {cpu[name]:.3f}")
    floor = med["floor: import docx, matplotlib"]
    ex = med["report: example (38 drawn, 54 elements)"]
    big_t = med["report: 320-element model"]
    pl = med["report: example with its measures plan"]
    print(f"example with plan: {pl:.2f} s = {pl / floor:.1f}x the floor (budget <= {EXAMPLE_BUDGET} s)")
    print(f"example report: {ex:.2f} s = {ex / floor:.1f}x the floor (budget <= {EXAMPLE_BUDGET} s)")
    print(f"320-element report: {big_t:.2f} s = {big_t / floor:.1f}x the floor (budget <= {BIG_BUDGET} s)")
    ok = max(ex, pl) <= EXAMPLE_BUDGET and big_t <= BIG_BUDGET
    print("within budget" if ok else "OVER BUDGET")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
