"""Benchmark (issue 15): the example's Word report with its contents' page numbers, with hyperfine.

`lm-excel report` lays the report out once with LibreOffice to write the contents' page numbers
(a LibreOffice started at the beginning of the job, while the report is written; see
lm_excel/report/pages.py). Budgets: the example's report, measures plan included, <= 2 s as a
whole process; a 320-element model's report <= 8 s. Measured with hyperfine (whole processes;
one run of each command in turn, round after round, so a change in the shared machine's load
hits every command alike), against the floor of a Python process that imports python-docx and
matplotlib, and the same report with --no-page-numbers:

    python benchmarks/bench_report_pages.py [--runs 10] [--before OTHER_CHECKOUT]

``--before`` also times the default command with another checkout's code (PYTHONPATH), e.g. a
checkout of main before this change. Prints the medians, the load average before and after,
and exits non-zero when the default report's median is over budget. The user+sys time leaves
out most of LibreOffice's own CPU (it is ended before its launcher has collected it):
`trace_report_pages.py` reports it.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET = 2.0
BIG_BUDGET = 8.0


def _interleaved(commands: dict[str, str], runs: int, tmp: Path) -> dict[str, dict[str, float]]:
    """Median and mean wall time and median user+sys of each command, timed by hyperfine one
    run at a time, every command in turn in each round, so that all see the same load (the
    machine is shared; hyperfine alone runs all of one command's runs before the next's)."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    out = tmp / "hyperfine.json"
    for round_ in range(runs + 1):  # the first round warms the caches and is not counted
        cmd = ["hyperfine", "-N", "--runs", "1", "--export-json", str(out),
               *[arg for name, c in commands.items() for arg in ("-n", name, c)]]
        # run from the temporary folder: `python -m` puts the working folder first on the
        # path, so from a checkout every command would import that checkout's lm_excel
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=tmp)
        for r in json.loads(out.read_text())["results"]:
            if round_:
                times[r["command"]].append((r["times"][0], r["user"] + r["system"]))
    return {name: {"median": statistics.median(w for w, _ in t), "mean": statistics.fmean(
        w for w, _ in t), "cpu": statistics.median(c for _, c in t)} for name, t in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--before", help="another checkout to time the default command with")
    args = ap.parse_args()
    if not shutil.which("hyperfine"):
        sys.exit("hyperfine is not installed (apt-get install hyperfine)")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_report import big_records

    from lm_excel.example import example_records
    from lm_excel.measures.plan import make_plan
    from lm_excel.workbook.builder import build_workbook
    from lm_excel.workbook.plan_sheet import write_plan
    from lm_excel.workbook.reader import read_workbook

    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        planned = build_workbook(t / "planned.xlsx", example_records())
        write_plan(planned, make_plan(read_workbook(planned)))
        big = build_workbook(t / "big.xlsx", big_records(40))  # 320 elements
        py = shlex.quote(sys.executable)

        def report(tree: Path, out: str, *extra: str, src: Path = planned) -> str:
            return (f"env PYTHONPATH={shlex.quote(str(tree))} {py} -m lm_excel report "
                    f"{shlex.quote(str(src))} -o {shlex.quote(str(t / out))} --force "
                    + " ".join(extra)).strip()

        commands = {
            "floor: import docx, matplotlib": f"{py} -c 'import docx, matplotlib'",
            "report --no-page-numbers": report(ROOT, "a.docx", "--no-page-numbers"),
            "report (page numbers)": report(ROOT, "b.docx"),
            "report, 320 elements (page numbers)": report(ROOT, "d.docx", src=big),
        }
        if args.before:
            commands["report (page numbers), --before checkout"] = report(Path(args.before), "c.docx")
        load_before = os.getloadavg()
        results = _interleaved(commands, args.runs, t)
        load_after = os.getloadavg()
    print(f"hyperfine, {args.runs} rounds of every command in turn after one warm-up round "
          f"(Python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
          f"{load_before[0]:.1f} before, {load_after[0]:.1f} after)")
    print(f"  {'command':<44} median   mean    user+sys (median)")
    for name, r in results.items():
        print(f"  {name:<44} {r['median']:.3f}  {r['mean']:.3f}   {r['cpu']:.3f}")
    default = results["report (page numbers)"]["median"]
    big_t = results["report, 320 elements (page numbers)"]["median"]
    floor = results["floor: import docx, matplotlib"]["median"]
    plain = results["report --no-page-numbers"]["median"]
    print(f"example report with page numbers: {default:.2f} s median = {default / floor:.1f}x the "
          f"floor, {default / plain:.2f}x the report without page numbers (budget <= {BUDGET} s)")
    print(f"320-element report with page numbers: {big_t:.2f} s median (budget <= {BIG_BUDGET} s)")
    ok = default <= BUDGET and big_t <= BIG_BUDGET
    print("within budget" if ok else "OVER BUDGET")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
