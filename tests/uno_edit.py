"""Edit cells of a workbook in LibreOffice through Python-UNO, then save it as .xlsx.

Run with the system Python that has the ``uno`` module (not the project's virtualenv)::

    python3 uno_edit.py IN.xlsx OUT.xlsx PROFILE_DIR "Sheet!A1=text" ...

It starts a private headless LibreOffice, opens IN, applies each edit in order, stores the
document as OUT with the "Calc MS Excel 2007 XML" filter and shuts LibreOffice down. Used by the
partner round-trip tests to prove a shared copy survives another spreadsheet program. An edit is
``Sheet!A1=text`` (set a cell), or one of (rows and columns 1-based):

    delete-row:Sheet:ROW          insert-row:Sheet:ROW          delete-col:Sheet:COL
    sort:Sheet:A4:H9:COL          (sort the range's rows by its COL-th column, descending)
    comment:Sheet!A1=text         bold:Sheet!A1                 rename:Old=New
    add-sheet:Name
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


def apply(doc: object, edit: str) -> None:
    verb, _, rest = edit.partition(":")
    sheets = doc.Sheets  # type: ignore[attr-defined]
    if verb in ("delete-row", "insert-row", "delete-col"):
        name, n = rest.rsplit(":", 1)
        sheet = sheets.getByName(name)
        if verb == "delete-row":
            sheet.Rows.removeByIndex(int(n) - 1, 1)
        elif verb == "insert-row":
            sheet.Rows.insertByIndex(int(n) - 1, 1)
        else:
            sheet.Columns.removeByIndex(int(n) - 1, 1)
    elif verb == "sort":
        name, first, last, col = rest.split(":")
        from com.sun.star.table import TableSortField  # type: ignore[import-not-found]

        rng = sheets.getByName(name).getCellRangeByName(f"{first}:{last}")
        field = TableSortField()
        field.Field, field.IsAscending = int(col) - 1, False
        desc = list(rng.createSortDescriptor())
        for d in desc:
            if d.Name == "SortFields":
                d.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
        uno.invoke(rng, "sort", (tuple(desc),))
    elif verb == "comment":
        ref, text = rest.split("=", 1)
        name, cell = ref.rsplit("!", 1)
        sheet = sheets.getByName(name)
        sheet.Annotations.insertNew(sheet.getCellRangeByName(cell).CellAddress, text)
    elif verb == "bold":
        name, cell = rest.rsplit("!", 1)
        target = sheets.getByName(name).getCellRangeByName(cell)
        target.CharWeight = 150.0  # com.sun.star.awt.FontWeight.BOLD
        target.CellBackColor = 0xFFF2CC
    elif verb == "rename":
        old, new = rest.split("=", 1)
        sheets.getByName(old).Name = new
    elif verb == "add-sheet":
        sheets.insertNewByName(rest, sheets.Count)
    else:
        ref, text = edit.split("=", 1)
        sheet_name, cell = ref.rsplit("!", 1)
        sheets.getByName(sheet_name.strip("'")).getCellRangeByName(cell).setString(text)


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
            apply(doc, edit)
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
