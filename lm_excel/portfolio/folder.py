"""The folder of a portfolio: which files are workbooks to read, and which are skipped, and why."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lm_excel.errors import UsageError

#: File endings read as workbooks.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
_OTHER_FORMATS = {
    ".xls": "a legacy Excel 97-2003 file; save it as .xlsx to include it",
    ".xlsb": "an Excel Binary Workbook; save it as .xlsx to include it",
    ".ods": "an OpenDocument spreadsheet; save it as .xlsx to include it",
    ".csv": "a CSV file, not a workbook",
}


@dataclass(frozen=True)
class SkippedFile:
    """A file under the folder that is not read, and why."""

    path: str  # relative to the portfolio folder, with '/' separators
    reason: str


def find_workbooks(
    folder: str | os.PathLike[str], exclude: Iterable[str | os.PathLike[str]] = ()
) -> tuple[list[Path], list[SkippedFile]]:
    """Workbook files under ``folder`` (recursively, sorted) and the files skipped, with reasons.

    Nothing is left out silently and nothing odd stops the walk: a folder that cannot be read, a
    symbolic-link loop, a broken link, a pipe or device, and a name that is not valid UTF-8 (read,
    shown with U+FFFD) each get a row with the reason. Links to folders are followed once.
    """
    root = Path(folder)
    if not root.exists():
        raise UsageError(f"the folder '{root}' does not exist")
    if not root.is_dir():
        raise UsageError(f"'{root}' is not a folder; give the folder that holds the workbooks")
    excluded = {os.path.realpath(p) for p in exclude}
    found: list[Path] = []
    skipped: list[SkippedFile] = []
    walked: set[tuple[int, int]] = set()  # (device, inode) of each folder read: a loop comes back

    def shown(path: Path) -> str:
        rel = path.relative_to(root).as_posix() if path != root else "."
        return os.fsencode(rel).decode("utf-8", "replace")

    def walk(here: Path) -> None:
        try:
            st = here.stat()
            if (st.st_dev, st.st_ino) in walked:
                skipped.append(SkippedFile(shown(here), "a link back to a folder already read (a "
                                                        "symbolic-link loop): not read twice"))
                return
            walked.add((st.st_dev, st.st_ino))
            with os.scandir(here) as entries:
                names = sorted(entries, key=lambda e: os.fsencode(e.name))
        except OSError as exc:
            skipped.append(SkippedFile(shown(here), f"a folder that cannot be read "
                                                    f"({exc.strerror or exc}): its workbooks are missing"))
            return
        for entry in names:
            path = here / entry.name
            reason = _odd_entry(path)
            if reason is not None:
                skipped.append(SkippedFile(shown(path), reason))
            elif path.is_dir():
                walk(path)
            elif os.path.realpath(path) not in excluded:
                _classify(path, shown(path), found, skipped)

    walk(root)
    return found, skipped


def _odd_entry(path: Path) -> str | None:
    """Why ``path`` is neither a folder to walk nor a file to classify (None when it is one)."""
    try:
        st = path.stat()
    except OSError as exc:
        if os.path.islink(path):
            return ("a symbolic-link loop" if exc.errno == errno.ELOOP
                    else "a link to nothing (a broken symbolic link)")
        return f"cannot be read ({exc.strerror or exc})"
    if stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode):
        return None
    if stat.S_ISFIFO(st.st_mode):
        return "a pipe (FIFO), not a file"
    return "a device or socket, not a file"


def _classify(path: Path, rel: str, found: list[Path], skipped: list[SkippedFile]) -> None:
    """A regular file: a workbook to read, or a file skipped with its reason."""
    name = path.name
    suffix = path.suffix.lower()
    if name.startswith("~$"):
        skipped.append(SkippedFile(rel, "an Excel lock file (the workbook is open somewhere)"))
    elif name.startswith(".~lock.") and name.endswith("#"):
        skipped.append(SkippedFile(rel, "a LibreOffice lock file (the workbook is open somewhere)"))
    elif name.startswith("."):
        skipped.append(SkippedFile(rel, "a hidden file"))
    elif suffix in WORKBOOK_SUFFIXES:
        found.append(path)
        if os.fsencode(name).decode("utf-8", "replace") != name:
            skipped.append(SkippedFile(rel, "its name is not valid text (UTF-8): read, and shown here "
                                            "with \ufffd for the unreadable characters"))
    else:
        skipped.append(SkippedFile(rel, _OTHER_FORMATS.get(suffix, "not an .xlsx/.xlsm workbook")))
