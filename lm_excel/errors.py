"""The project's own exceptions.

Raised only when work cannot go on (a file that cannot be read, an output that cannot be
written). Problems inside a readable model are findings, not exceptions. Every message is one
plain-English line that names the file and says what to do.
"""

from __future__ import annotations

import os


class LmExcelError(Exception):
    """Base class: one plain-English line for the user, naming the file where there is one."""

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None) -> None:
        self.path = os.fspath(path) if path is not None else None
        self.detail = message
        super().__init__(f"{os.path.basename(self.path)}: {message}" if self.path else message)


def os_error_text(exc: OSError, action: str, denied_action: str | None = None) -> str:
    """One line for a failed file operation: 'cannot be opened: permission denied (...)'.

    ``action`` names what failed ('cannot be opened'); ``denied_action`` replaces it when
    permission was denied (most often: the file is open in Excel).
    """
    if isinstance(exc, PermissionError):
        return (f"{denied_action or action}: permission denied (if it is open in Excel, close it "
                "and try again)")
    return f"{action}: {exc.strerror or exc}"


class WorkbookError(LmExcelError):
    """A workbook cannot be read as a logic model."""


class NotAWorkbookError(WorkbookError):
    """The file is not an .xlsx/.xlsm workbook (legacy .xls, CSV, random bytes, ...)."""


class EncryptedWorkbookError(WorkbookError):
    """The workbook is encrypted or password-protected."""


class NotALogicModelError(WorkbookError):
    """A real workbook, but not an lm-excel logic-model workbook."""


class MissingSheetsError(WorkbookError):
    """Required sheets are missing (named in the message)."""

    def __init__(self, missing: list[str], path: str | os.PathLike[str] | None = None) -> None:
        self.missing = list(missing)
        names = ", ".join(f"'{m}'" for m in missing)
        noun = "sheet" if len(missing) == 1 else "sheets"
        super().__init__(
            f"the required {noun} {names} {'is' if len(missing) == 1 else 'are'} missing or renamed; "
            f"restore {'it' if len(missing) == 1 else 'them'} from a fresh template (lm-excel new)",
            path,
        )


class SchemaVersionError(WorkbookError):
    """The workbook was made by a newer lm-excel than this one."""


class TooLargeError(WorkbookError):
    """The workbook exceeds a safety limit (size, rows) and is refused before parsing."""


class UnsafeWorkbookError(WorkbookError):
    """The workbook holds something Excel never writes and a hostile file uses (XML entities)."""


class OutputError(LmExcelError):
    """An output file cannot be written (folder missing or read-only, file locked, ...)."""


class UsageError(LmExcelError):
    """A command was called with arguments that cannot work."""


class MeasureLibraryError(LmExcelError):
    """A measures library file, or an LA's own measure, is not usable (issue 4)."""


class SuggestError(UsageError):
    """A measure-suggestion request cannot be understood (e.g. an unknown who-benefits value)."""
