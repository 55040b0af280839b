"""Benchmark (issue 16): xlwings Lite.

1. The Check script on the worked example inside Pyodide (WebAssembly, as in Excel) under Node,
   against the same script in CPython, both through tests/lite_pyodide/harness.py (the add-in's
   way: main.py, the scripts' metadata, ``custom_scripts_call``). Each side presses Check
   ``--presses`` times in one process; the figure is the median press after the first (the
   add-in is loaded and has imported lm-excel). The two sides run in turn ``--rounds`` times
   (load on a shared machine moves between runs); the budget is on the median of the rounds'
   ratios: Pyodide <= 3x CPython. The first press and the one-off costs (Pyodide's start,
   unpacking wheels, imports) are reported too.
2. ``lm-excel new NAME.xlsx --lite`` as a whole process: median <= 1 s; the plain
   ``lm-excel new NAME.xlsx`` is measured in the same run as its floor.

    python benchmarks/bench_lite.py --pyodide DIR --wheels DIR [--presses 9] [--rounds 3] [--runs 7]

DIR for --pyodide is Node's npm package ``pyodide``; --wheels holds pure wheels of lm-excel and
its dependencies (see .ci/run, which makes both).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_wall_cpu

ROOT = Path(__file__).resolve().parents[1]
HARNESS = ROOT / "tests" / "lite_pyodide"
EXAMPLE = ROOT / "templates" / "logic-model-example.xlsx"
RATIO_BUDGET = 3.0
NEW_BUDGET = 1.0


def check_sides(pyodide: Path, wheels: Path, presses: int, work: Path) -> tuple[dict, dict]:
    from bench_xl import payload_of

    payload = work / "payload.json"
    payload.write_text(json.dumps(payload_of(EXAMPLE), default=str))
    out = work / "pyodide.json"
    subprocess.run(["node", str(HARNESS / "run.mjs"), str(pyodide), str(wheels), str(payload), str(out),
                    str(presses)], check=True, capture_output=True, timeout=600)
    inside = json.loads(out.read_text())
    code = ("import asyncio, json, types\n"
            f"h = types.ModuleType('h'); exec(open({str(HARNESS / 'harness.py')!r}).read(), h.__dict__)\n"
            f"print(json.dumps(asyncio.run(h.run_check(json.load(open({str(payload)!r})), {presses}))))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env)
    outside = json.loads(res.stdout.strip().splitlines()[-1])
    return inside, outside


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pyodide", type=Path, default=os.environ.get("LM_EXCEL_PYODIDE_DIR"))
    ap.add_argument("--wheels", type=Path, default=os.environ.get("LM_EXCEL_PYODIDE_WHEELS"))
    ap.add_argument("--presses", type=int, default=9)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    ok = True
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="bench-lite-") as tmp:
        work = Path(tmp)
        if args.pyodide and args.wheels:
            rounds = [check_sides(args.pyodide, args.wheels, args.presses, work) for _ in range(args.rounds)]
            warm = [(statistics.median(i["seconds"][1:]), statistics.median(o["seconds"][1:])) for i, o in rounds]
            ratio = statistics.median(w_in / w_out for w_in, w_out in warm)
            for n, (w_in, w_out) in enumerate(warm, start=1):
                print(f"round {n}: Check, median of presses 2..{args.presses}: Pyodide {w_in:.3f} s, "
                      f"CPython {w_out:.3f} s, ratio {w_in / w_out:.2f}x")
            print(f"Check in Pyodide / CPython: median ratio {ratio:.2f}x (budget {RATIO_BUDGET:.0f}x)")
            inside, outside = rounds[-1]
            print(f"Check, first press: Pyodide {statistics.median(i['seconds'][0] for i, _ in rounds):.3f} s, "
                  f"CPython {statistics.median(o['seconds'][0] for _, o in rounds):.3f} s")
            print(f"one-off in Pyodide: start {inside['boot_seconds']:.1f} s, unpack wheels + import "
                  f"xlwings and lm-excel {inside['import_seconds']:.1f} s (CPython imports "
                  f"{outside['import_seconds']:.2f} s)")
            ok &= ratio <= RATIO_BUDGET
        else:
            print("Pyodide part skipped: give --pyodide and --wheels (or LM_EXCEL_PYODIDE_DIR/_WHEELS)")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        cli = [sys.executable, "-m", "lm_excel", "new"]
        times = median_wall_cpu({"new": [*cli, str(work / "plain.xlsx"), "--force"],
                                 "new --lite": [*cli, str(work / "lite.xlsx"), "--lite", "--force"]},
                                runs=args.runs, env=env)
        (lite_wall, lite_cpu), (plain_wall, plain_cpu) = times["new --lite"], times["new"]
        print(f"lm-excel new --lite: median {lite_wall:.3f} s wall, {lite_cpu:.3f} s CPU (budget "
              f"{NEW_BUDGET:.1f} s wall); plain new {plain_wall:.3f} s wall, {plain_cpu:.3f} s CPU; the add-in "
              f"parts and named buttons add {lite_wall - plain_wall:.3f} s wall, {lite_cpu - plain_cpu:.3f} s CPU")
        ok &= lite_wall <= NEW_BUDGET
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
