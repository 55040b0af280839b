"""Page numbers for the report's contents, from a layout of the document by LibreOffice.

Word fills in the contents' page numbers when it opens the report (the file asks it to update
fields). Other readers, and PDFs made from the report, show the contents as saved. So when
LibreOffice (``soffice``) and poppler's ``pdftotext`` are installed, the report is laid out once
to PDF, the page of each level-1 heading is read from the PDF's text, and the numbers are
written into the saved contents. Adding the numbers does not move anything: each entry already
has its own line. Without those programs the report is saved without numbers (Word still adds
them) and nothing else changes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

#: Longest a LibreOffice layout may take before the report is saved without page numbers.
TIMEOUT_S = 120


def tools() -> tuple[str, str] | None:
    """Paths of ``soffice`` and ``pdftotext``, or None when either is missing."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    return (soffice, pdftotext) if soffice and pdftotext else None


def pdf_pages(pdf: Path, pdftotext: str) -> list[str]:
    """The text of each page of ``pdf``."""
    proc = subprocess.run([pdftotext, "-enc", "UTF-8", os.fspath(pdf), "-"], capture_output=True,
                          timeout=TIMEOUT_S, check=False)
    if proc.returncode != 0:
        return []
    return proc.stdout.decode("utf-8", "replace").split("\f")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def find_headings(pages: Sequence[str], headings: Sequence[str], start: int = 1) -> dict[str, int]:
    """1-based page of each heading, searched in order from page ``start`` (1-based).

    A heading is found where a line of a page reads exactly the heading; each is looked for
    on or after the page of the one before, so a word in the text or in the contents is never
    taken for it.
    """
    out: dict[str, int] = {}
    page = start - 1
    for heading in headings:
        want = _norm(heading)
        for i in range(page, len(pages)):
            lines = [_norm(line) for line in pages[i].splitlines()]
            if want in lines:
                out[heading] = i + 1
                page = i
                break
    return out


def layout_pages(docx: Path, headings: Sequence[str], contents_page: int = 2) -> dict[str, int]:
    """The page of each heading in ``docx`` as LibreOffice lays it out ({} when it cannot)."""
    found = tools()
    if found is None:
        return {}
    soffice, pdftotext = found
    with tempfile.TemporaryDirectory(prefix="lm-excel-pages-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        try:
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                            "--convert-to", "pdf", "--outdir", tmp, os.fspath(docx)],
                           capture_output=True, timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return {}
        pdf = Path(tmp, docx.with_suffix(".pdf").name)
        if not pdf.is_file():
            return {}
        return find_headings(pdf_pages(pdf, pdftotext), headings, start=contents_page)
