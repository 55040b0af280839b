"""Open a macro-enabled workbook in LibreOffice through Python-UNO and run a probe macro.

Run with the system Python that has the ``uno`` module (not the project's virtualenv):

    /usr/bin/python3 tests/uno_vba_probe.py BOOK.xlsm MODULE SUB SHEET CELL [--drop MODULE ...]

Starts its own headless soffice with a fresh profile and a private pipe, opens the workbook
with macros allowed, and prints one JSON object: the modules LibreOffice lists in the
document's ``VBAProject`` Basic library, the first line of each module's source as LibreOffice
holds it, the probe cell's text before and after running ``VBAProject.MODULE.SUB``, and any
error. ``--drop`` removes modules from the library in memory before the run (the file is never
saved): LibreOffice's Basic compiles every module of a library before running any, and it cannot
compile VBA whose conditional compilation (``#If``) splits a procedure header or an ``If`` line,
as xlwings.bas does; the same holds for xlwings' own Excel-made quickstart workbook.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

ALWAYS_EXECUTE_NO_WARN = 4  # com.sun.star.document.MacroExecMode


def _prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("book")
    ap.add_argument("module")
    ap.add_argument("sub")
    ap.add_argument("sheet")
    ap.add_argument("cell")
    ap.add_argument("--drop", action="append", default=[])
    ap.add_argument("--soffice", default=shutil.which("soffice") or "soffice")
    args = ap.parse_args()

    profile = Path(tempfile.mkdtemp(prefix="lm-excel-lo-"))
    pipe = f"lmexcel{os.getpid()}"
    proc = subprocess.Popen(
        [args.soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
         "--norestore", "--nologo", "--nodefault", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    out: dict[str, object] = {}
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        deadline = time.monotonic() + 60
        while ctx is None:
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            except Exception:  # noqa: BLE001  (not listening yet)
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise SystemExit("LibreOffice did not start") from None
                time.sleep(0.2)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        url = uno.systemPathToFileUrl(str(Path(args.book).resolve()))
        doc = desktop.loadComponentFromURL(
            url, "_blank", 0, (_prop("Hidden", True), _prop("MacroExecutionMode", ALWAYS_EXECUTE_NO_WARN))
        )
        if doc is None:
            raise SystemExit("LibreOffice could not open the workbook")
        libs = doc.BasicLibraries
        out["libraries"] = list(libs.getElementNames())
        if libs.hasByName("VBAProject"):
            libs.loadLibrary("VBAProject")
            lib = libs.getByName("VBAProject")
            out["modules"] = sorted(lib.getElementNames())
            out["sources"] = {name: lib.getByName(name) for name in lib.getElementNames()}
            for name in args.drop:
                if lib.hasByName(name):
                    lib.removeByName(name)
        cell = doc.Sheets.getByName(args.sheet).getCellRangeByName(args.cell)
        out["before"] = cell.getString()
        try:
            script = doc.getScriptProvider().getScript(
                f"vnd.sun.star.script:VBAProject.{args.module}.{args.sub}?language=Basic&location=document"
            )
            script.invoke((), (), ())
        except Exception as exc:  # noqa: BLE001  (reported; the caller asserts)
            out["error"] = f"{type(exc).__name__}: {exc}"
        out["after"] = cell.getString()
        doc.close(True)
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:  # noqa: BLE001, S110  (shutting down anyway)
                pass
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        shutil.rmtree(profile, ignore_errors=True)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
