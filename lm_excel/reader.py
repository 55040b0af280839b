"""Read a logic-model workbook file (.xlsx / .xlsm) into a :class:`~lm_excel.model.LogicModel`.

The file is checked before it is parsed: its first bytes say what it really is (a legacy .xls, an
encrypted workbook, an OpenDocument file, CSV, random bytes), and its zip directory is checked
against size limits so a hostile file is refused before any XML is read. The file is only ever
opened for reading.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from .errors import (
    EncryptedWorkbookError,
    NotAWorkbookError,
    TooLargeError,
    WorkbookError,
    os_error_text,
)
from .model import LogicModel
from .parse import Grid, parse_grids

#: Refuse workbooks whose parts would expand to more than this many bytes.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
#: Refuse zip parts that expand more than this many times (a zip bomb's signature).
MAX_COMPRESSION_RATIO = 200
#: Read at most this many rows of any sheet.
MAX_ROWS = 20_000
#: Read at most this many columns of any sheet.
MAX_COLUMNS = 200

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")


def sniff(path: Path) -> None:
    """Raise a clear error unless ``path`` looks like an unencrypted .xlsx/.xlsm file."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise WorkbookError("file not found", path) from None
    except IsADirectoryError:
        raise WorkbookError("is a folder, not a workbook file", path) from None
    except OSError as exc:
        raise WorkbookError(os_error_text(exc, "cannot be opened"), path) from None
    if path.is_dir():
        raise WorkbookError("is a folder, not a workbook file", path)
    if size == 0:
        raise NotAWorkbookError("is empty (0 bytes); it may not have finished saving or downloading", path)
    if head.startswith(_OLE_MAGIC):
        with path.open("rb") as fh:
            data = fh.read(4 * 1024 * 1024)
        if _ENCRYPTION_INFO in data:
            raise EncryptedWorkbookError(
                "is encrypted or password-protected; open it in Excel, remove the password "
                "(File > Info > Protect Workbook) and save it again",
                path,
            )
        raise NotAWorkbookError(
            "is a legacy Excel 97-2003 file (.xls) or another old Office format; open it in Excel "
            "and save it as an Excel Workbook (.xlsx)",
            path,
        )
    if not head.startswith(_ZIP_MAGIC):
        kind = "a text or CSV file" if _looks_like_text(path) else "not an Excel workbook"
        raise NotAWorkbookError(
            f"is {kind}, not an .xlsx/.xlsm workbook; open it in Excel and save it as an Excel Workbook (.xlsx)",
            path,
        )
    _check_zip(path)


def _looks_like_text(path: Path) -> bool:
    with path.open("rb") as fh:
        chunk = fh.read(4096)
    if b"\x00" in chunk:
        return False
    try:
        chunk.decode("utf-8")
    except UnicodeDecodeError:
        try:
            chunk.decode("cp1252")
        except UnicodeDecodeError:
            return False
    return True


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "mimetype" in names and "content.xml" in names:
                raise NotAWorkbookError(
                    "is an OpenDocument spreadsheet (.ods); open it and save it as an Excel Workbook (.xlsx)",
                    path,
                )
            if "xl/workbook.bin" in names:
                raise NotAWorkbookError(
                    "is an Excel Binary Workbook (.xlsb); open it in Excel and save it as an Excel Workbook (.xlsx)",
                    path,
                )
            if "xl/workbook.xml" not in names:
                raise NotAWorkbookError("is a zip file but not an Excel workbook", path)
            total = 0
            for info in infos:
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > 1024 * 1024 and ratio > MAX_COMPRESSION_RATIO:
                    raise TooLargeError(
                        f"is refused: its part '{info.filename}' expands {ratio:.0f} times "
                        "(a sign of a damaged or hostile file)",
                        path,
                    )
            if total > MAX_UNCOMPRESSED_BYTES:
                raise TooLargeError(
                    f"is refused: it would expand to {total / 1e6:.0f} MB, above the "
                    f"{MAX_UNCOMPRESSED_BYTES / 1e6:.0f} MB limit for a logic-model workbook",
                    path,
                )
    except zipfile.BadZipFile:
        raise NotAWorkbookError("is damaged: it is not a readable .xlsx/.xlsm file", path) from None


def read_grids(path: Path) -> dict[str, Grid]:
    """Values of every sheet as grids (rows from A1), read with openpyxl in read-only mode."""
    import openpyxl  # local: keeps `import lm_excel` fast

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except WorkbookError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise NotAWorkbookError(f"could not be read as an Excel workbook ({_short(exc)})", path) from exc
    try:
        grids: dict[str, Grid] = {}
        for ws in wb.worksheets:
            grid: list[tuple[object, ...]] = []
            try:
                ws.reset_dimensions()
                for n, row in enumerate(ws.iter_rows(values_only=True)):
                    if n >= MAX_ROWS:
                        raise TooLargeError(
                            f"is refused: sheet '{ws.title}' has more than {MAX_ROWS:,} rows",
                            path,
                        )
                    grid.append(row[:MAX_COLUMNS])
            except WorkbookError:
                raise
            except Exception as exc:
                raise NotAWorkbookError(
                    f"sheet '{ws.title}' could not be read ({_short(exc)})", path
                ) from exc
            while grid and all(v is None for v in grid[-1]):
                grid.pop()
            grids[ws.title] = grid
        return grids
    finally:
        wb.close()


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def read_workbook(path: str | os.PathLike[str]) -> LogicModel:
    """Read a logic-model workbook file.

    Raises a :class:`~lm_excel.errors.WorkbookError` subclass, whose message names the file and
    the problem in one line, when the file cannot be read as a logic model.
    """
    p = Path(path)
    sniff(p)
    grids = read_grids(p)
    return parse_grids(grids, source=p.name, path=p)

