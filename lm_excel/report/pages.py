"""Page numbers for the report's contents, from a layout of the document by LibreOffice.

Word fills in the contents' page numbers when it opens the report (the file asks it to update
fields). Other readers, and PDFs made from the report, show the contents as saved. So when
LibreOffice (``soffice``) is installed, the report is laid out once by LibreOffice, the page of
each level-1 heading is read from that layout, and the numbers are written into the saved
contents. Adding the numbers does not move anything: each entry already has its own line.
Without LibreOffice the report is saved without numbers (Word still adds them) and nothing
else changes.

:func:`start_office` starts LibreOffice (headless, listening on a private pipe, from a copy of
a kept profile) at the beginning of the job, while the report is being written, with the helper
that talks to it (:mod:`.uno_pages`, run by the Python that has LibreOffice's ``uno`` module),
which connects as soon as LibreOffice listens and warms it up on a small document;
:meth:`Office.layout_pages` then hands the helper the finished draft and reads the pages back. Where that Python is missing, or
the hand-over fails, the draft is converted to PDF instead (``soffice --convert-to pdf``, with
poppler's ``pdftotext``): slower, same numbers.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Self

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
    with tempfile.TemporaryDirectory(prefix="lm-excel-pages-", ignore_cleanup_errors=True) as tmp:
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
        # an Office process still ending may write into its profile while it is removed
        self.tmp = tempfile.TemporaryDirectory(prefix="lm-excel-office-", dir=runtime_dir(),
                                               ignore_cleanup_errors=True)
        profile = Path(self.tmp.name, "profile")
        with contextlib.suppress(OSError):  # a fresh profile otherwise (a slower start)
            if profile_cache().is_dir():
                shutil.copytree(profile_cache(), profile)
        self.profile = profile.as_uri()
        self.pipe = f"lm-excel-{os.getpid()}-{uuid.uuid4().hex[:12]}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.laid_out = False
        self.helper: subprocess.Popen[bytes] | None = None
        try:
            self.proc = subprocess.Popen(
                [soffice, f"-env:UserInstallation={self.profile}", "--headless", "--invisible",
                 "--nologo", "--norestore", "--nodefault",
                 f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext"],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                start_new_session=_POSIX)  # its own group: soffice's child soffice.bin is ended too
            python = uno_python(soffice)
            if python is not None:  # connects while the report is written; waits for the file
                script = Path(__file__).with_name("uno_pages.py")
                warm = warm_up_document()
                self.helper = subprocess.Popen(
                    [python, os.fspath(script), self.pipe, "-", str(TIMEOUT_S),
                     *([warm.as_uri()] if warm else [])],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                    start_new_session=_POSIX)
        except OSError:
            pass
        # Ended even if never closed (an error between start and use, or at exit).
        self._finalizer = weakref.finalize(self, _end, self.tmp, self.helper, self.proc)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def layout_pages(self, docx: Path, headings: Sequence[str]) -> dict[str, int]:
        """The page of each heading in ``docx`` as LibreOffice lays it out ({} when it cannot).

        The pages are read as soon as the helper prints them; LibreOffice ends meanwhile, and
        :meth:`close` waits for it."""
        if self.proc is not None and self.helper is not None:
            found = self._ask(docx)
            if isinstance(found, list):
                self.laid_out = True
                return match_headings([(str(t), int(p)) for t, p in found], headings)
        self.close()  # the PDF route starts its own LibreOffice
        return layout_pages(docx, headings)

    def _ask(self, docx: Path) -> object:
        """Hand ``docx`` to the helper and read its one line of JSON (None when it fails)."""
        helper = self.helper
        assert helper is not None and helper.stdin is not None and helper.stdout is not None
        try:
            helper.stdin.write(f"{docx.resolve().as_uri()}\n".encode())
            helper.stdin.close()
        except OSError:
            return None
        line = _read_line(helper.stdout, TIMEOUT_S, alive=self.proc)
        try:
            return json.loads(line) if line else None
        except ValueError:
            return None

    def close(self) -> None:
        """End LibreOffice and remove its profile. After a layout, when no profile is kept yet
        (:func:`profile_cache`), LibreOffice is left a moment to end by itself, and a copy of
        its profile is kept for the next start; otherwise it is ended at once (its profile is
        thrown away, and waiting for it to close takes up to a few tenths of a second)."""
        self._finalizer.detach()
        procs = (self.helper, self.proc)
        self.helper = self.proc = None
        keep = self.laid_out and not profile_cache().exists()
        if keep:
            _end(None, *procs, wait_first=True)
            if all(p is None or p.returncode == 0 for p in procs):
                _keep_profile(Path(self.tmp.name, "profile"))
        _end(self.tmp, *procs, wait_first=keep)


def runtime_dir() -> str | None:
    """Where LibreOffice's profile for one run goes: a folder in memory where there is one
    (``$XDG_RUNTIME_DIR``, else ``/dev/shm``, on Linux), else the usual temporary folder (None).
    Its hundred files and folders are removed when the report is written, which on some disks
    takes a fifth of a second; in memory, a millisecond."""
    for folder in (os.environ.get("XDG_RUNTIME_DIR"), "/dev/shm"):
        if folder and os.path.isdir(folder) and os.access(folder, os.W_OK | os.X_OK):
            return folder
    return None


def warm_up_document() -> Path | None:
    """A small Word document for LibreOffice to open while the report is written: python-docx's
    own template, on which the report's styles are built (found without importing python-docx)."""
    spec = importlib.util.find_spec("docx")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder, "templates", "default.docx")
        if path.is_file():
            return path.resolve()
    return None


def profile_cache() -> Path:
    """Where a LibreOffice profile is kept between runs: LibreOffice starts faster with a
    profile it made before than with a new one (about a quarter of a second of CPU), and much
    faster with one marked as having seen its version (:mod:`.uno_pages`). Each run uses its
    own copy, so runs at the same time never share one."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base, "lm-excel", "libreoffice-profile-2")


#: Kept by earlier versions, without the version mark: removed when a new one is kept.
_OLD_PROFILE_CACHES = ("libreoffice-profile",)


def _keep_profile(profile: Path) -> None:
    """Copy a profile LibreOffice has just used and closed to :func:`profile_cache`, when none is
    kept yet (copied beside it, then renamed into place: never a half-written one)."""
    target = profile_cache()
    if target.exists() or not profile.is_dir():
        return
    side = target.with_name(f"{target.name}.{uuid.uuid4().hex[:8]}")
    try:
        shutil.copytree(profile, side)
        side.rename(target)
    except OSError:
        shutil.rmtree(side, ignore_errors=True)
        return
    for old in _OLD_PROFILE_CACHES:
        shutil.rmtree(target.with_name(old), ignore_errors=True)


_POSIX = os.name == "posix"


def _signal(proc: subprocess.Popen[bytes], sig: int) -> None:
    """Send ``sig`` to ``proc`` and, on POSIX, to every process it started (its group): the
    ``soffice`` launcher runs the real ``soffice.bin`` as a child, which would outlive it."""
    try:
        if _POSIX:  # each was started as the leader of its own group
            os.killpg(proc.pid, sig)
        elif proc.returncode is None:
            proc.send_signal(sig)
    except (ProcessLookupError, PermissionError):
        pass


def _end(tmp: tempfile.TemporaryDirectory[str] | None, *procs: subprocess.Popen[bytes] | None,
         wait_first: bool = False) -> None:
    """End an Office's processes (at once, or after a moment when they end by themselves),
    close their pipes and remove the profile. Also run for an Office never closed."""
    for proc in procs:
        if proc is None:
            continue
        if not wait_first:
            _signal(proc, signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            _signal(proc, signal.SIGKILL if _POSIX else signal.SIGTERM)
            proc.wait()
        _signal(proc, signal.SIGKILL if _POSIX else signal.SIGTERM)  # any child left in its group
        for stream in (proc.stdin, proc.stdout):
            if stream is not None and not stream.closed:
                stream.close()
    if tmp is not None:
        tmp.cleanup()


def start_office() -> Office | None:
    """A LibreOffice starting in the background, or None when it is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    return Office(soffice) if soffice else None


def _read_line(stream: IO[bytes], timeout: float,
               alive: subprocess.Popen[bytes] | None = None) -> bytes | None:
    """One line from ``stream``, or None when none comes within ``timeout`` seconds, or soon
    after ``alive`` (LibreOffice) has ended (the reading thread ends when the stream is closed)."""
    box: list[bytes] = []
    reader = threading.Thread(target=lambda: box.append(stream.readline()), daemon=True)
    reader.start()
    deadline = time.monotonic() + timeout
    while reader.is_alive() and time.monotonic() < deadline:
        reader.join(0.05)
        if alive is not None and alive.poll() is not None:  # a line already written still comes
            reader.join(1.0)
            break
    return box[0] if box else None


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
