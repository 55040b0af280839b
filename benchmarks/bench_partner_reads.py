"""Benchmark (issue 13): partners' copies read as fast as our own; a hostile sheet refused at once.

* A shared copy with one row deleted in LibreOffice (which then writes an empty row 1,048,576 on
  every sheet) is read within 1.1x the time of the same model saved by lm-excel.
* A sheet of 1.5 million one-cell rows is refused in under 1 s of wall time and under 100 MB of
  peak memory (maximum resident set size of the whole process).

Whole processes, interleaved, medians; the floor is a bare ``import lm_excel.workbook.reader``.

    python benchmarks/bench_partner_reads.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ENV = dict(os.environ, PYTHONPATH=str(ROOT))
READ = "import sys; from lm_excel.workbook.reader import read_workbook; read_workbook(sys.argv[1])"
REFUSE = ("import sys\nfrom lm_excel.workbook.reader import read_workbook\nfrom lm_excel.errors import TooLargeError\n"
          "try:\n    read_workbook(sys.argv[1])\nexcept TooLargeError:\n    sys.exit(0)\nsys.exit(1)")
FLOOR = "import lm_excel.workbook.reader, openpyxl.reader.excel"


TIME = "/usr/bin/time"  # GNU time: the child's own peak memory (a forked child's ru_maxrss
# starts from this benchmark's own size, about 60 MB, so it cannot show a smaller process)


def run(code: str, *args: str) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of one whole process."""
    with tempfile.NamedTemporaryFile("r", suffix=".mem") as mem:
        prefix = [TIME, "-f", "%M", "-o", mem.name] if Path(TIME).exists() else []
        start = time.perf_counter()
        proc = subprocess.Popen([*prefix, sys.executable, "-c", code, *args], env=ENV,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, rusage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"benchmark command failed ({proc.returncode}): {code[:60]} {args}")
        kb = float(mem.read().split()[-1]) if prefix else rusage.ru_maxrss
    return wall, kb / 1024


def libreoffice_copy(src: Path, work: Path) -> Path:
    """``src`` with its sixth Components row deleted in LibreOffice (through UNO), saved as .xlsx."""
    python = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else shutil.which("python3")
    dst = work / "libreoffice.xlsx"
    subprocess.run([python, str(ROOT / "tests" / "uno_edit.py"), str(src), str(dst), str(work / "profile"),
                    "delete-row:Components:6"], check=True, capture_output=True, timeout=300)
    return dst


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    from lm_excel.example import example_records
    from lm_excel.workbook.builder import build_workbook
    from lm_excel.workbook.reader import read_workbook
    from tests import badinput

    work = Path(tempfile.mkdtemp(prefix="bench-partner-reads-"))
    example = build_workbook(work / "example.xlsx", example_records())
    lo = libreoffice_copy(example, work)
    ours = build_workbook(work / "ours.xlsx", read_workbook(lo).to_records())
    hostile = badinput.many_rows(work, example)
    cases = {"floor: import the reader": (FLOOR,), "read: saved by lm-excel": (READ, str(ours)),
             "read: saved by LibreOffice (row deleted)": (READ, str(lo)),
             "refuse: 1.5 million one-cell rows": (REFUSE, str(hostile))}
    samples: dict[str, list[tuple[float, float]]] = {k: [] for k in cases}
    for _ in range(args.runs):
        for name, (code, *files) in cases.items():
            samples[name].append(run(code, *files))
    load = os.getloadavg()
    print(f"median of {args.runs} interleaved runs; {os.cpu_count()} CPUs; load average "
          f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; hostile file {hostile.stat().st_size / 1e6:.1f} MB")
    med = {k: (statistics.median(w for w, _ in v), max(m for _, m in v)) for k, v in samples.items()}
    for name, (wall, mb) in med.items():
        print(f"  {name:44} {wall:6.3f} s  peak {mb:6.1f} MB")
    ratio = med["read: saved by LibreOffice (row deleted)"][0] / med["read: saved by lm-excel"][0]
    refuse, refuse_mb = med["refuse: 1.5 million one-cell rows"]
    print(f"LibreOffice copy / lm-excel copy = {ratio:.2f}x (budget <= 1.10x)")
    print(f"refusal {refuse:.2f} s (budget < 1 s), peak {refuse_mb:.0f} MB (budget < 100 MB); "
          f"above the floor: {refuse - med['floor: import the reader'][0]:.2f} s")
    shutil.rmtree(work, ignore_errors=True)
    ok = ratio <= 1.10 and refuse < 1.0 and refuse_mb < 100
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    sys.exit(main())
