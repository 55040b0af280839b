"""Where the time of `lm-excel report` with page numbers goes: one run, with a timestamp at each
step of the page-number pass (issue 15).

    python benchmarks/trace_report_pages.py [WORKBOOK]

Runs the command line in this process (the example with its measures plan when no workbook is
given) with the steps wrapped to print, on stderr, the seconds since the process started:
LibreOffice launched, the report built, the draft handed to LibreOffice, the pages read back,
the report saved, LibreOffice ended, with the CPU time LibreOffice used (which hyperfine's
user+sys in `bench_report_pages.py` leaves out: LibreOffice is ended before its launcher has
collected it). Timestamps, not a benchmark: run it a few times and read
it beside `bench_report_pages.py`.
"""

from __future__ import annotations

import functools
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _process_start() -> float:
    """Seconds on the monotonic clock when this process started (Linux; else now)."""
    try:
        import os

        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return time.monotonic() - (uptime - ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return time.monotonic()


START = _process_start()


def _say(what: str) -> None:
    print(f"{time.monotonic() - START:6.3f} s  {what}", file=sys.stderr, flush=True)


def _wrap(owner: Any, name: str, before: str, after: str | None = None) -> None:
    inner = getattr(owner, name)

    @functools.wraps(inner)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _say(before)
        result = inner(*args, **kwargs)
        if after:
            _say(after)
        return result

    setattr(owner, name, wrapper)


def _group_cpu(group: int) -> float:
    """CPU seconds used so far by the processes of a process group (Linux; 0 elsewhere)."""
    import os

    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group:  # pgrp
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK") if total else 0.0


def main() -> int:
    sys.path.insert(0, str(ROOT))
    _say("Python started, tracing imported")
    from lm_excel import fileio
    from lm_excel.cli import main as cli
    from lm_excel.report import document, pages

    _wrap(pages, "start_office", "launching LibreOffice and its uno helper")
    _wrap(document, "build_report", "building the report", "report built")
    _wrap(pages.Office, "_ask", "draft saved, handed to LibreOffice", "pages read back")
    _wrap(fileio, "write_verified", "page numbers filled in; saving the report",
          "report saved and read back")
    close = pages.Office.close

    def close_and_count(office: Any) -> None:
        if office.proc is not None:  # LibreOffice's CPU: it is ended before its parent reaps it
            _say(f"ending LibreOffice, which used {_group_cpu(office.proc.pid):.2f} s CPU")
        close(office)
        _say("LibreOffice ended, its profile removed")

    pages.Office.close = close_and_count  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as tmp:
        if len(sys.argv) > 1:
            workbook = Path(sys.argv[1])
        else:
            from lm_excel.example import example_records
            from lm_excel.measures.plan import make_plan
            from lm_excel.workbook.builder import build_workbook
            from lm_excel.workbook.plan_sheet import write_plan
            from lm_excel.workbook.reader import read_workbook

            workbook = build_workbook(Path(tmp, "planned.xlsx"), example_records())
            write_plan(workbook, make_plan(read_workbook(workbook)))
            _say("example workbook written (not part of the command)")
        code = cli(["report", str(workbook), "-o", str(Path(tmp, "report.docx")), "--force"])
    _say("done")
    return code


if __name__ == "__main__":
    sys.exit(main())
