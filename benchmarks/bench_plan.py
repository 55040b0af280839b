"""Benchmark (issue 4): building the measures plan of a 2,000-element model, as whole processes.

Budget: building the plan adds at most 2 s to reading the workbook. Times, interleaved: a bare
interpreter (to show how loaded the machine is), reading a generated 2,000-element workbook (the
floor), reading it and importing pandas, reading it and making the plan, and the whole
`lm-excel plan` command (read, plan, write the sheet, read back to check).

    python benchmarks/bench_plan.py [--runs 5]

With --example (issue 18): the plan for the worked example, budget 1.5 s as a whole process
(interpreter, imports, reading the workbook, the plan with its design).

    python benchmarks/bench_plan.py --example [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_times, median_wall_cpu, python

ROOT = Path(__file__).resolve().parents[1]
BUDGET_S = 2.0
EXAMPLE_BUDGET_S = 1.5
SUBJECTS = ["children", "young people", "parents", "families", "social workers", "carers"]
CHANGES = ["less parenting stress", "fewer re-referrals", "better school attendance",
           "improved emotional wellbeing", "fewer placement moves", "less anxiety",
           "more confidence in practice", "fewer police call-outs for domestic abuse",
           "less debt", "fewer A&E attendances", "fewer exclusions", "lower turnover"]


def records(n_total: int = 2000, seed: int = 4):
    """A model with ``n_total`` elements spread over the list sheets like a large real one."""
    from lm_excel.model import ModelRecords

    rnd = random.Random(seed)
    share = {"inputs": 0.05, "components": 0.15, "outputs": 0.15, "mechanisms": 0.15,
             "outcomes": 0.25, "context": 0.05, "assumptions": 0.1, "negatives": 0.1}
    counts = {k: int(n_total * v) for k, v in share.items()}
    counts["outcomes"] += n_total - sum(counts.values())

    def text() -> str:
        return f"{rnd.choice(SUBJECTS).capitalize()} have {rnd.choice(CHANGES)}"

    el = {
        "inputs": [{"id": f"IN{i}", "resource": f"Resource {i}"} for i in range(1, counts["inputs"] + 1)],
        "components": [{"id": f"C{i}", "component": f"Activity {i}"}
                       for i in range(1, counts["components"] + 1)],
        "outputs": [{"id": f"OP{i}", "output": f"Number of families reached by activity {i}",
                     "target": "100 a year"} for i in range(1, counts["outputs"] + 1)],
        "mechanisms": [{"id": f"M{i}", "mechanism": f"Mechanism {i}"}
                       for i in range(1, counts["mechanisms"] + 1)],
        "outcomes": [{"id": f"OC{i}", "outcome": text(),
                      "timescale": rnd.choice(["Short term", "Medium term", "Long term"]),
                      "priority": rnd.choice(["Primary", "Secondary"])}
                     for i in range(1, counts["outcomes"] + 1)],
        "context": [{"id": f"CF{i}", "factor": f"Factor {i}"} for i in range(1, counts["context"] + 1)],
        "assumptions": [{"id": f"A{i}", "assumption": text(),
                         "confidence": rnd.choice(["Weak", "Untested", "Strong"])}
                        for i in range(1, counts["assumptions"] + 1)],
        "negatives": [{"id": f"NC{i}", "consequence": text(), "impact": "High"}
                      for i in range(1, counts["negatives"] + 1)],
    }
    return ModelRecords(intervention={"organisation": "Bench", "name": "Large model"}, elements=el)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--example", action="store_true",
                    help="time the plan for the worked example (budget 1.5 s)")
    args = ap.parse_args()
    if args.example:
        return example(args.runs)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    sys.path.insert(0, str(ROOT))
    from lm_excel.workbook.builder import build_workbook

    with tempfile.TemporaryDirectory() as tmp:
        path = build_workbook(Path(tmp) / "large.xlsx", records())
        out = Path(tmp) / "large-plan.xlsx"
        p = repr(str(path))
        read = f"from lm_excel.workbook.reader import read_workbook; m = read_workbook({p})"
        commands = {
            "bare interpreter (load indicator)": python("pass"),
            "read the workbook (floor)": python(read),
            "read + import pandas": python(read + "; import pandas"),
            "read + make_plan": python(read + "; from lm_excel.measures.plan import make_plan; "
                                       "make_plan(m)"),
            "lm-excel plan -o OUT (read, plan, write, check)": [
                sys.executable, "-m", "lm_excel", "plan", str(path), "-o", str(out), "--force"],
        }
        medians = median_times(commands, args.runs, env)
    floor = medians["read the workbook (floor)"]
    extra = medians["read + make_plan"] - floor
    own = medians["read + make_plan"] - medians["read + import pandas"]
    print(f"python {sys.version.split()[0]}; 2,000-element model; {args.runs} interleaved runs, "
          "medians")
    print("| command | median (s) | vs floor |")
    print("|---|---|---|")
    for label, m in medians.items():
        print(f"| {label} | {m:.3f} | {m / floor:.2f}x |")
    verdict = "within" if extra <= BUDGET_S else "OVER"
    print(f"\nmaking the plan adds {extra:.3f} s to reading ({own:.3f} s without importing "
          f"pandas): {verdict} the {BUDGET_S} s budget")
    return 0 if extra <= BUDGET_S else 1


def example(runs: int) -> int:
    """The plan for the worked example as whole processes, against a bare interpreter."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    sys.path.insert(0, str(ROOT))
    from lm_excel.example import example_records
    from lm_excel.workbook.builder import build_workbook

    with tempfile.TemporaryDirectory() as tmp:
        path = build_workbook(Path(tmp) / "example.xlsx", example_records())
        p = repr(str(path))
        read = f"from lm_excel.workbook.reader import read_workbook; m = read_workbook({p})"
        plan = read + ("; from lm_excel.measures.plan import make_plan; p = make_plan(m); "
                       "assert p.rows and p.design")
        commands = {
            "bare interpreter (load indicator)": python("pass"),
            "read the example workbook": python(read),
            "read + make_plan (the plan and its design)": python(plan),
        }
        both = median_wall_cpu(commands, runs, env)
    print(f"python {sys.version.split()[0]}; worked example; {runs} interleaved runs, medians; "
          f"load average {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("| command | median wall (s) | median CPU (s) |")
    print("|---|---|---|")
    for label, (wall, cpu) in both.items():
        print(f"| {label} | {wall:.3f} | {cpu:.3f} |")
    total = both["read + make_plan (the plan and its design)"][0]
    verdict = "within" if total <= EXAMPLE_BUDGET_S else "OVER"
    print(f"\nthe plan for the example takes {total:.3f} s as a whole process: {verdict} the "
          f"{EXAMPLE_BUDGET_S} s budget")
    return 0 if total <= EXAMPLE_BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
