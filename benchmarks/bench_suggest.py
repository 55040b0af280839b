"""Benchmark: measure suggestions for 1,000 outcomes as a whole process (issue 4).

Times `lm-excel suggest --file OUTCOMES --json` on 1,000 generated outcome statements against
two floors measured in the same run: a bare interpreter (`python -c "pass"`) and importing the
package (`python -c "import lm_excel"`). Prints medians of several runs and the ratios.
Budget: at most 2 s for the whole process.

Run from the repository root:  python benchmarks/bench_suggest.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_wall_cpu, python

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "_work"
BUDGET_S = 2.0

WHO = ["Children", "Young people", "Parents", "Families", "Social workers", "Foster carers",
       "Pupils", "Mothers", "Care leavers", "Practitioners", "Teenagers", "Toddlers"]
CHANGE = ["report less", "have fewer", "show improved", "experience reduced", "gain better",
          "see more", "achieve higher", "are helped with", "need less", "maintain"]
THING = ["parenting stress", "re-referrals to children's social care", "school attendance",
         "emotional wellbeing", "placement moves", "contact with the police",
         "confidence in their practice", "anxiety and low mood", "family conflict",
         "time in temporary accommodation", "debt and rent arrears", "use of A&E",
         "exclusions from school", "burnout and exhaustion", "engagement with the programme",
         "drug and alcohol use", "development at the two-year review", "caseloads",
         "joint working with partners", "satisfaction with the support they receive"]
TAIL = ["", " within 12 months", " after six months", " by the end of the programme",
        " compared with last year", " in the first year", " at home", " at school"]


def outcomes(n: int, seed: int = 4) -> list[str]:
    """n varied outcome statements, the same for every run (fixed seed)."""
    rnd = random.Random(seed)
    return [f"{rnd.choice(WHO)} {rnd.choice(CHANGE)} {rnd.choice(THING)}{rnd.choice(TAIL)}"
            for _ in range(n)]


def suggest_command(path: Path) -> list[str]:
    """The CLI command as a user runs it."""
    return [sys.executable, "-m", "lm_excel", "suggest", "--file", str(path), "--json"]


def subprocess_output(cmd: list[str], env: dict[str, str]) -> list[str]:
    """The JSON lines one run writes (to check the benchmark times real work)."""
    import subprocess

    return subprocess.run(cmd, env=env, capture_output=True, text=True,
                          check=True).stdout.splitlines()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7, help="runs per command (median reported)")
    ap.add_argument("-n", type=int, default=1000, help="number of outcomes (default 1000)")
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    src = WORK / "outcomes_1000.txt"
    src.write_text("\n".join(outcomes(args.n)) + "\n", encoding="utf-8")
    cmds = {
        "python -c pass": python("pass"),
        "python -c 'import lm_excel'": python("import lm_excel"),
        f"suggest --file ({args.n} outcomes) --json": suggest_command(src),
    }
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    both = median_wall_cpu(cmds, args.runs, env)
    medians = {k: wall for k, (wall, _) in both.items()}
    cpu = {k: c for k, (_, c) in both.items()}
    out = subprocess_output(suggest_command(src), env)
    assert len(out) == args.n, f"expected {args.n} JSON lines, got {len(out)}"
    floor, imp = list(medians.values())[:2]
    shown = ["python"] + [str(Path(c).relative_to(ROOT)) if c.startswith(str(ROOT)) else c
                          for c in cmds[next(reversed(cmds))][1:]]
    print(f"python {sys.version.split()[0]}, {args.runs} runs each, medians; "
          f"command: {' '.join(shown)}")
    print(f"load average {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("| command | median wall (s) | median CPU (s) | wall vs bare interpreter | "
          "wall vs import lm_excel |")
    print("|---|---|---|---|---|")
    for label, m in medians.items():
        print(f"| {label} | {m:.3f} | {cpu[label]:.3f} | {m / floor:.1f}x | {m / imp:.1f}x |")
    total = list(medians.values())[2]
    verdict = "within" if total <= BUDGET_S else "OVER"
    print(f"\nwhole process {total:.3f} s for {args.n} outcomes: {verdict} the {BUDGET_S} s budget")
    return 0 if total <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
