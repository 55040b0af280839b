"""Benchmark (issue 7): ``lm-excel portfolio`` on 10 / 50 / 150 / 500 generated workbooks.

Budget: 150 workbooks the size of the worked example in at most 60 s on 2 cores, with peak
memory at most 1 GB (the whole process tree: the command and its worker processes together).

Each workbook is a different variant of the worked example (another council and intervention,
rows dropped, delivery modes changed, sentences added; see tests/portfolio_data.py), generated
once into benchmarks/_work/ (not committed). Timings are whole processes; the floor is a Python
process that only reads the same workbooks with openpyxl in read-only mode (every value of every
sheet) in the same number of worker processes. Commands are interleaved; medians are quoted.

    python benchmarks/bench_portfolio.py [--runs 3] [--sizes 10 50 150 500] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(__file__).resolve().parent / "_work" / "portfolio"
GENERATOR_VERSION = "1"  # raise when tests/portfolio_data.py changes what it writes

FLOOR = """
import sys, openpyxl
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

def read(path):
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    n = sum(1 for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row)
    wb.close()
    return n

if __name__ == "__main__":
    import multiprocessing
    files = sorted(str(p) for p in Path(sys.argv[1]).rglob("*.xlsx"))
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(int(sys.argv[2]), mp_context=ctx) as ex:
        print(sum(ex.map(read, files, chunksize=4)))
"""


def _write(i: int) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.portfolio_data import write_variant

    target = WORK / "all" / f"site-{i:03d}.xlsx"
    if not target.exists():
        write_variant(target, i)


def generate(n: int, jobs: int) -> None:
    """Make variants 0..n-1 in WORK/all (kept between runs)."""
    stamp = WORK / "all" / f".generator-{GENERATOR_VERSION}"
    if not stamp.exists() and (WORK / "all").exists():
        for old in (WORK / "all").glob("*.xlsx"):
            old.unlink()
    (WORK / "all").mkdir(parents=True, exist_ok=True)
    missing = [i for i in range(n) if not (WORK / "all" / f"site-{i:03d}.xlsx").exists()]
    if missing:
        print(f"generating {len(missing)} workbooks ...", flush=True)
        start = time.perf_counter()
        with ProcessPoolExecutor(jobs) as ex:
            list(ex.map(_write, missing, chunksize=8))
        print(f"  done in {time.perf_counter() - start:.0f} s", flush=True)
    stamp.touch()


def folder_of(n: int) -> Path:
    """A folder holding the first n variants (hard links into WORK/all), in nested folders."""
    folder = WORK / f"n{n}"
    if folder.exists() and len(list(folder.rglob("*.xlsx"))) == n:
        return folder
    for old in folder.rglob("*.xlsx") if folder.exists() else ():
        old.unlink()
    for i in range(n):
        target = folder / f"region-{i % 9}" / f"site-{i:03d}.xlsx"
        target.parent.mkdir(parents=True, exist_ok=True)
        src = WORK / "all" / f"site-{i:03d}.xlsx"
        try:
            os.link(src, target)
        except OSError:
            target.write_bytes(src.read_bytes())
    return folder


def _tree_rss_kb(root_pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc), in kB."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().rsplit(b")", 1)[1].split()
            parents[int(entry)] = int(stat[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root_pid}, [root_pid]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total


def measure(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak resident memory of the process tree in MB) for one run.

    CPU seconds (user + system) include the worker processes (waited for by the command), so
    they show the work done even when other programs compete for the CPUs.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, _tree_rss_kb(proc.pid))
        time.sleep(0.1)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark command failed (exit {proc.returncode}): {argv}")
    return elapsed, usage.ru_utime + usage.ru_stime, peak / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 50, 150, 500])
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    generate(max(args.sizes), args.jobs)
    py = sys.executable
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        floor_script = Path(tmp) / "floor.py"
        floor_script.write_text(FLOOR)
        for n in args.sizes:
            folder = folder_of(n)
            commands = {
                "floor": [py, str(floor_script), str(folder), str(args.jobs)],
                "portfolio": [py, "-m", "lm_excel", "portfolio", str(folder), "-o",
                              str(Path(tmp) / f"summary-{n}.xlsx"), "--jobs", str(args.jobs),
                              "--force"],
                "portfolio + report": [py, "-m", "lm_excel", "portfolio", str(folder), "-o",
                                       str(Path(tmp) / f"summary-{n}r.xlsx"), "--report",
                                       str(Path(tmp) / f"report-{n}.docx"), "--jobs", str(args.jobs),
                                       "--force"],
            }
            runs = args.runs if n <= 150 else max(1, args.runs - 2)
            times: dict[str, list[float]] = {k: [] for k in commands}
            cpus: dict[str, list[float]] = {k: [] for k in commands}
            peaks: dict[str, list[float]] = {k: [] for k in commands}
            for _ in range(runs):
                for name, argv in commands.items():
                    t, c, m = measure(argv, env)
                    times[name].append(t)
                    cpus[name].append(c)
                    peaks[name].append(m)
            med = {k: statistics.median(v) for k, v in times.items()}
            cpu = {k: statistics.median(v) for k, v in cpus.items()}
            rows.append((n, runs, med["floor"], med["portfolio"], med["portfolio + report"],
                         max(peaks["portfolio"]), max(peaks["portfolio + report"]),
                         cpu["floor"], cpu["portfolio"], cpu["portfolio + report"]))
            print(f"n={n}: floor {med['floor']:.1f} s, portfolio {med['portfolio']:.1f} s, "
                  f"with report {med['portfolio + report']:.1f} s, peak "
                  f"{max(peaks['portfolio + report']):.0f} MB, load {os.getloadavg()[0]:.1f}", flush=True)
    print()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, --jobs {args.jobs}; medians; "
          f"load average at the end {os.getloadavg()[0]:.1f}")
    print("| workbooks | runs | floor s | portfolio s | ratio | with --report s | CPU s floor / "
          "portfolio / with report | CPU ms per workbook (with report) | peak MB (portfolio / with report) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for n, runs, floor, port, rep, pk, pkr, cf, cp, cr in rows:
        print(f"| {n} | {runs} | {floor:.1f} | {port:.1f} | {port / floor:.2f}x | {rep:.1f} "
              f"| {cf:.1f} / {cp:.1f} / {cr:.1f} | {1000 * cr / n:.0f} | {pk:.0f} / {pkr:.0f} |")
    ok = True
    for n, _, _, _port, rep, pk, pkr, *_ in rows:
        if n == 150:
            ok = rep <= 60 and max(pk, pkr) <= 1024
            print(f"150 workbooks: {rep:.1f} s with the report (budget 60 s), peak {max(pk, pkr):.0f} MB "
                  "(budget 1024 MB)")
    print("within budget" if ok else "OVER BUDGET")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
