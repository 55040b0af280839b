"""The folder of a portfolio: which files are workbooks to read, and which are skipped, and why."""

from __future__ import annotations

import os
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
    """Workbook files under ``folder`` (recursively, sorted) and the files skipped, with reasons."""
    root = Path(folder)
    if not root.exists():
        raise UsageError(f"the folder '{root}' does not exist")
    if not root.is_dir():
        raise UsageError(f"'{root}' is not a folder; give the folder that holds the workbooks")
    excluded = {Path(p).resolve() for p in exclude}
    found: list[Path] = []
    skipped: list[SkippedFile] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            p = Path(dirpath) / name
            rel = p.relative_to(root).as_posix()
            if p.resolve() in excluded:
                continue
            suffix = p.suffix.lower()
            if name.startswith("~$"):
                skipped.append(SkippedFile(rel, "an Excel lock file (the workbook is open somewhere)"))
            elif name.startswith(".~lock.") and name.endswith("#"):
                skipped.append(SkippedFile(rel, "a LibreOffice lock file (the workbook is open somewhere)"))
            elif name.startswith("."):
                skipped.append(SkippedFile(rel, "a hidden file"))
            elif suffix in WORKBOOK_SUFFIXES:
                found.append(p)
            else:
                skipped.append(
                    SkippedFile(rel, _OTHER_FORMATS.get(suffix, "not an .xlsx/.xlsm workbook"))
                )
    return found, skipped
