"""Lay out a Word document in a running LibreOffice and print the page of each level-1 heading.

Run as a script by a Python that has LibreOffice's ``uno`` module (LibreOffice's own Python, or
the system's with python3-uno), never imported by lm-excel:

    python3 uno_pages.py PIPE-NAME FILE-URL TIMEOUT-SECONDS

It connects to the LibreOffice started by :mod:`lm_excel.report.pages` (``--accept=pipe,...``),
retrying until that one is ready, opens the file hidden and read-only, and prints a JSON list of
``[heading text, page]`` in document order; then it closes the file and ends that LibreOffice.
With ``-`` for FILE-URL it connects first, then reads the file's URL from its standard input
(so it can be started, and connected, while the file is still being written); an empty line or
the end of the input ends LibreOffice without laying anything out.
"""

import contextlib
import json
import sys
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(pipe, timeout):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + timeout
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # not listening yet
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def headings(doc):
    """[text, page] of each paragraph at outline level 1, in order."""
    cursor = doc.getCurrentController().getViewCursor()
    out = []
    items = doc.getText().createEnumeration()
    while items.hasMoreElements():
        para = items.nextElement()
        if para.supportsService("com.sun.star.text.Paragraph") and para.OutlineLevel == 1:
            cursor.gotoRange(para.getStart(), False)
            out.append([para.getString(), cursor.getPage()])
    return out


def main(pipe, url, timeout):
    ctx = _connect(pipe, timeout)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    try:
        if url == "-":
            url = sys.stdin.readline().strip()
            if not url:
                return
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),
                                                              _prop("ReadOnly", True)))
        try:
            print(json.dumps(headings(doc)))
        finally:
            doc.close(True)
    finally:
        with contextlib.suppress(Exception):  # the bridge closes as LibreOffice ends
            desktop.terminate()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
