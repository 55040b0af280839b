"""Edit cells of a workbook in LibreOffice through Python-UNO, then save it as .xlsx.

Run with the system Python that has the ``uno`` module (not the project's virtualenv)::

    python3 uno_edit.py IN.xlsx OUT.xlsx PROFILE_DIR "Sheet!A1=text" ...

It starts a private headless LibreOffice, opens IN, sets each cell to the given text, stores the
document as OUT with the "Calc MS Excel 2007 XML" filter and shuts LibreOffice down. Used by the
partner round-trip test to prove a shared copy survives another spreadsheet program.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(src: str, dst: str, profile: str, *edits: str) -> None:
    pipe = "lmx" + uuid.uuid4().hex[:10]
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={Path(profile).resolve().as_uri()}", "--headless",
         "--invisible", "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                time.sleep(0.25)
        if ctx is None:
            raise SystemExit("could not connect to LibreOffice")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(Path(src).resolve().as_uri(), "_blank", 0, (prop("Hidden", True),))
        for edit in edits:
            ref, text = edit.split("=", 1)
            sheet_name, cell = ref.rsplit("!", 1)
            doc.Sheets.getByName(sheet_name.strip("'")).getCellRangeByName(cell).setString(text)
        doc.storeToURL(Path(dst).resolve().as_uri(), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
        with contextlib.suppress(Exception):  # the bridge drops as LibreOffice exits
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main(*sys.argv[1:])
    sys.exit(0 if os.path.exists(sys.argv[2]) else 1)
