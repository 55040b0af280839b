"""Lay out a Word document in a running LibreOffice and print the page of each level-1 heading.

Run as a script by a Python that has LibreOffice's ``uno`` module (LibreOffice's own Python, or
the system's with python3-uno), never imported by lm-excel:

    python3 uno_pages.py PIPE-NAME FILE-URL TIMEOUT-SECONDS [WARM-UP-URL]

It connects to the LibreOffice started by :mod:`lm_excel.report.pages` (``--accept=pipe,...``),
retrying until that one is ready, opens the file hidden and read-only, and prints a JSON list of
``[heading text, page]`` in document order on one line, as soon as it has them; then it closes
the file and ends that LibreOffice. With ``-`` for FILE-URL it connects first, then reads the
file's URL from its standard input (so it can be started, and connected, while the file is
still being written); an empty line or the end of the input ends LibreOffice without laying
anything out.

Once connected, while the report is still being written, it opens and closes WARM-UP-URL (a
small Word document), so that LibreOffice has loaded its Word import and layout code, and the
fonts, before the report arrives: the report then loads about a tenth of a second sooner.
It also marks the profile as having seen this version of LibreOffice, as
LibreOffice does itself when it first opens a window (never, headless): a profile without the
mark makes every start run LibreOffice's graphics self-test, most of a second of CPU.
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
            time.sleep(0.02)


def mark_version_seen(ctx):
    """Record this LibreOffice's version as the profile's last one (written as it ends)."""
    provider = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", ctx)
    product = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (_prop("nodepath", "/org.openoffice.Setup/Product"),))
    if product.getByName("ooSetupLastVersion") != product.getByName("ooSetupVersion"):
        product.replaceByName("ooSetupLastVersion", product.getByName("ooSetupVersion"))
        product.commitChanges()


def warm_up(desktop, url):
    """Open and lay out a small document, then close it."""
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),
                                                          _prop("ReadOnly", True)))
    try:
        doc.getCurrentController().getViewCursor().jumpToLastPage()
    finally:
        doc.close(True)


def headings(doc):
    """[text, page] of each level-1 heading, in order.

    The paragraphs in the style "Heading 1" are found by one search in LibreOffice (walking every
    paragraph over the bridge costs about a second for a 30-page report); where that style
    finds nothing, every paragraph at outline level 1 is taken instead."""
    cursor = doc.getCurrentController().getViewCursor()
    search = doc.createSearchDescriptor()
    search.SearchStyles = True
    styles = doc.getStyleFamilies().getByName("ParagraphStyles")
    found = []
    if styles.hasByName("Heading 1"):  # searched by the name LibreOffice shows, in any language
        search.SearchString = styles.getByName("Heading 1").DisplayName
        ranges = doc.findAll(search)
        found = [ranges.getByIndex(i) for i in range(ranges.getCount())]
    if not found:
        items = doc.getText().createEnumeration()
        while items.hasMoreElements():
            para = items.nextElement()
            if para.supportsService("com.sun.star.text.Paragraph") and para.OutlineLevel == 1:
                found.append(para)
    out = []
    for para in found:
        cursor.gotoRange(para.getStart(), False)
        out.append([para.getString(), cursor.getPage()])
    return out


def main(pipe, url, timeout, warm_up_url=None):
    ctx = _connect(pipe, timeout)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    try:
        with contextlib.suppress(Exception):  # only a faster next start is lost
            mark_version_seen(ctx)
        if warm_up_url:
            with contextlib.suppress(Exception):  # only a faster layout is lost
                warm_up(desktop, warm_up_url)
        if url == "-":
            url = sys.stdin.readline().strip()
            if not url:
                return
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),
                                                              _prop("ReadOnly", True)))
        try:
            print(json.dumps(headings(doc)), flush=True)  # read before LibreOffice has ended
        finally:
            doc.close(True)
    finally:
        with contextlib.suppress(Exception):  # the bridge closes as LibreOffice ends
            desktop.terminate()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]), *sys.argv[4:5])
