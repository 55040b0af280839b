"""Page numbers for the report's contents, from a layout of the document by LibreOffice.

Word fills in the contents' page numbers when it opens the report (the file asks it to update
fields). Other readers, and PDFs made from the report, show the contents as saved. So when
LibreOffice (``soffice``) is installed, the report is laid out once by LibreOffice, the page of
each level-1 heading is read from that layout, and the numbers are written into the saved
contents. Adding the numbers does not move anything: each entry already has its own line.
Without LibreOffice the report is saved without numbers (Word still adds them) and nothing
else changes.

Starting LibreOffice takes longer than laying the report out, so :func:`start_office` starts it
(headless, listening on a private pipe) at the beginning of the job, while the report is being
written; :meth:`Office.layout_pages` then hands it the finished draft through the Python that
comes with LibreOffice's ``uno`` module (:mod:`.uno_pages`). Where that Python is missing, or
the hand-over fails, the draft is converted to PDF instead (``soffice --convert-to pdf``, with
poppler's ``pdftotext``): slower, same numbers.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Self

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


# --- a LibreOffice started early ------------------------------------------------------------------

#: Pythons that may have LibreOffice's ``uno`` module, besides LibreOffice's own.
SYSTEM_PYTHONS = ("/usr/bin/python3",)


def uno_python(soffice: str) -> str | None:
    """A Python that can run :mod:`.uno_pages`: LibreOffice's own (Windows, macOS) or the
    system's (Linux, with python3-uno); None when neither is there."""
    program = Path(soffice).resolve().parent
    for candidate in (program / "python.exe", program / "python", *map(Path, SYSTEM_PYTHONS)):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return os.fspath(candidate)
    return None


class Office:
    """A headless LibreOffice started now, to lay out one document later (or never: close it).

    Use as a context manager; on leaving, LibreOffice is ended if it is still running and its
    temporary profile removed."""

    def __init__(self, soffice: str) -> None:
        self.soffice = soffice
        self.tmp = tempfile.TemporaryDirectory(prefix="lm-excel-office-")
        self.profile = Path(self.tmp.name, "profile").as_uri()
        self.pipe = f"lm-excel-{os.getpid()}-{uuid.uuid4().hex[:12]}"
        self.proc: subprocess.Popen[bytes] | None = None
        try:
            self.proc = subprocess.Popen(
                [soffice, f"-env:UserInstallation={self.profile}", "--headless", "--invisible",
                 "--nologo", "--norestore", "--nodefault",
                 f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext"],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError:
            self.proc = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def layout_pages(self, docx: Path, headings: Sequence[str]) -> dict[str, int]:
        """The page of each heading in ``docx`` as LibreOffice lays it out ({} when it cannot)."""
        python = uno_python(self.soffice)
        if self.proc is not None and python is not None:
            script = Path(__file__).with_name("uno_pages.py")
            try:
                proc = subprocess.run([python, os.fspath(script), self.pipe, docx.resolve().as_uri(),
                                       str(TIMEOUT_S)], capture_output=True, timeout=TIMEOUT_S,
                                      check=False)
                found = json.loads(proc.stdout) if proc.returncode == 0 else None
            except (OSError, subprocess.TimeoutExpired, ValueError):
                found = None
            if isinstance(found, list):
                self.close(laid_out=True)
                return match_headings([(str(t), int(p)) for t, p in found], headings)
        self.close()  # the PDF route starts its own LibreOffice
        return layout_pages(docx, headings)

    def close(self, laid_out: bool = False) -> None:
        """End LibreOffice (after a layout it ends by itself: give it a moment) and remove
        its profile."""
        if self.proc is not None:
            if not laid_out:
                self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None
        self.tmp.cleanup()


def start_office() -> Office | None:
    """A LibreOffice starting in the background, or None when it is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    return Office(soffice) if soffice else None


def match_headings(laid_out: Sequence[tuple[str, int]], headings: Sequence[str]) -> dict[str, int]:
    """Page of each of ``headings`` from (heading text, page) pairs in document order, each
    heading matched to the first such pair after the one before."""
    out: dict[str, int] = {}
    i = 0
    for heading in headings:
        want = _norm(heading)
        for j in range(i, len(laid_out)):
            if _norm(laid_out[j][0]) == want:
                out[heading] = laid_out[j][1]
                i = j + 1
                break
    return out
