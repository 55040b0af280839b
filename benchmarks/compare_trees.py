"""Run one benchmark script from two checkouts back to back, to compare before and after.

Each checkout runs its own copy of the script (``TREE/benchmarks/SCRIPT``) from its own folder,
with ``PYTHONPATH=TREE``, so each times its own lm-excel and its own floor in the same run. The
two are interleaved (before, after, before, after, ...) so load on a shared machine hits both
alike; each run's output is printed in full with the load average when it started and the
wall-clock time of the whole script. Compare ratios against the floor, not raw seconds.

    python benchmarks/compare_trees.py BEFORE_TREE AFTER_TREE bench_read.py [--rounds 2] \
        [--log DIR] -- --runs 9

Exit status: 0 when every run finished (whatever its budget verdict), 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def run_script(tree: Path, script: str, script_args: list[str]) -> tuple[int, str, float]:
    """Run ``tree/benchmarks/script`` from ``tree``; return its exit code, output and seconds."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, str(tree / "benchmarks" / script), *script_args],
                          cwd=tree, env=env, capture_output=True, text=True, check=False)
    return proc.returncode, proc.stdout + proc.stderr, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path, help="the checkout measured as 'before'")
    ap.add_argument("after", type=Path, help="the checkout measured as 'after'")
    ap.add_argument("script", help="file name of the script under benchmarks/, e.g. bench_read.py")
    ap.add_argument("--rounds", type=int, default=1, help="before/after pairs to run (default 1)")
    ap.add_argument("--log", type=Path, help="also write each run's output to this folder")
    argv = sys.argv[1:] if argv is None else argv
    cut = argv.index("--") if "--" in argv else len(argv)
    args = ap.parse_args(argv[:cut])
    script_args = argv[cut + 1:]  # after '--': passed to the script in both checkouts
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    for label, tree in trees.items():
        if not (tree / "benchmarks" / args.script).is_file():
            print(f"{label}: {tree} has no benchmarks/{args.script}", file=sys.stderr)
            return 1
    if args.log:
        args.log.mkdir(parents=True, exist_ok=True)
    ok = True
    for round_no in range(1, args.rounds + 1):
        for label, tree in trees.items():
            load = load_average()
            code, output, secs = run_script(tree, args.script, script_args)
            ok &= code in (0, 1)  # 1 is a budget missed, still a finished measurement
            header = (f"### {args.script} {label} (round {round_no}/{args.rounds}, {tree.name}): "
                      f"exit {code}, {secs:.0f} s, load average at start {load}")
            print(header, output.rstrip(), "", sep="\n", flush=True)
            if args.log:
                stem = Path(args.script).stem
                (args.log / f"{stem}-{label}-{round_no}.txt").write_text(header + "\n" + output)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
