"""Read a logic-model workbook file (.xlsx / .xlsm) into a :class:`~lm_excel.model.LogicModel`.

The file is checked before it is parsed: its first bytes say what it really is (a legacy .xls, an
encrypted workbook, an OpenDocument file, CSV, random bytes), and its zip directory is checked
against size limits so a hostile file is refused before any XML is read. The file is only ever
opened for reading.

Safety limits (all documented in docs/security.md): file size, total uncompressed size, the
expansion ratio of any large part, number of zip parts, number of sheets, rows and columns read
per sheet, characters per cell; any DTD or entity declaration in an XML part is refused.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
import stat
import warnings
import zipfile
from pathlib import Path

from . import xlsx_scan
from .errors import (
    EncryptedWorkbookError,
    NotAWorkbookError,
    TooLargeError,
    UnsafeWorkbookError,
    WorkbookError,
    os_error_text,
)
from .model import CellRef, LogicModel, StructureNote
from .parse import Grid, located_sheets, parse_grids

#: Refuse workbooks whose parts would expand to more than this many bytes.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
#: Refuse zip parts that expand more than this many times (a zip bomb's signature).
MAX_COMPRESSION_RATIO = 200
#: Read at most this many rows of any sheet.
MAX_ROWS = 20_000
#: Read at most this many columns of any sheet (columns further right are ignored).
MAX_COLUMNS = 200
#: Refuse files larger than this on disk.
MAX_FILE_BYTES = 100 * 1024 * 1024
#: Refuse zip files with more parts than this.
MAX_PARTS = 10_000
#: Refuse workbooks with more sheets than this.
MAX_SHEETS = 255
#: Refuse cells holding more characters than this. Excel's own limit is 32,767; LibreOffice
#: allows more, so longer cells up to this limit are read (the checks flag text too long to print).
MAX_CELL_CHARS = 100_000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")


def sniff(path: Path) -> None:
    """Raise a clear error unless ``path`` looks like an unencrypted .xlsx/.xlsm file."""
    try:
        st = path.stat()
        size = st.st_size
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):  # a pipe or device: opening it could wait for ever
            raise WorkbookError("is not a regular file (a pipe or a device), not a workbook", path)
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
    if size > MAX_FILE_BYTES:
        raise TooLargeError(
            f"is refused: it is {size / 1e6:.0f} MB, above the {MAX_FILE_BYTES / 1e6:.0f} MB limit "
            "for a logic-model workbook",
            path,
        )
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
        kind = "a text or CSV file" if _looks_like_text(path) else "an unknown kind of file"
        raise NotAWorkbookError(
            f"is {kind}, not an Excel workbook (.xlsx/.xlsm); open it in Excel and save it as an "
            "Excel Workbook (.xlsx)",
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
            if len(infos) > MAX_PARTS:
                raise TooLargeError(
                    f"is refused: it holds {len(infos):,} parts, above the limit of {MAX_PARTS:,}",
                    path,
                )
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
            hostile = xlsx_scan.find_entity_declarations(zf)
            if hostile:
                raise UnsafeWorkbookError(
                    f"is refused: its part '{hostile}' declares XML entities (a DTD), which Excel "
                    "never writes and which can make a small file expand without limit",
                    path,
                )
            n_sheets = len(xlsx_scan.sheet_parts(zf))
            if n_sheets > MAX_SHEETS:
                raise TooLargeError(
                    f"is refused: it has {n_sheets:,} sheets, above the limit of {MAX_SHEETS}",
                    path,
                )
    except zipfile.BadZipFile:
        raise NotAWorkbookError("is damaged: it is not a readable .xlsx/.xlsm file", path) from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError) as exc:
        raise NotAWorkbookError(f"is damaged: it is not a readable .xlsx/.xlsm file ({_short(exc)})", path) from None
    except Exception as exc:  # defusedxml refusals and damaged XML in workbook.xml
        if isinstance(exc, WorkbookError):
            raise
        if type(exc).__module__.startswith("defusedxml"):
            raise UnsafeWorkbookError(
                "is refused: it declares XML entities (a DTD), which Excel never writes", path
            ) from None
        raise NotAWorkbookError(f"is damaged: it is not a readable .xlsx/.xlsm file ({_short(exc)})", path) from None


def read_grids(path: Path) -> dict[str, Grid]:
    """Values of every sheet as grids (rows from A1), read with openpyxl in read-only mode."""
    # openpyxl warns about features it does not keep (extensions, odd styles); they do not matter
    # for reading values, and a warning must not add lines to the one-line error contract.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _read_grids(path)


def _read_grids(path: Path) -> dict[str, Grid]:
    import openpyxl  # local: keeps `import lm_excel` fast

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except WorkbookError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise NotAWorkbookError(f"could not be read as an Excel workbook ({_short(exc)})", path) from exc
    try:
        try:
            with zipfile.ZipFile(path) as zf:
                fixes = xlsx_scan.shared_string_fixes(zf)
        except Exception as exc:
            raise NotAWorkbookError(f"its text could not be read ({_short(exc)})", path) from exc
        if len(wb.sheetnames) > MAX_SHEETS:
            raise TooLargeError(
                f"is refused: it has {len(wb.sheetnames):,} sheets, above the limit of {MAX_SHEETS}",
                path,
            )
        grids: dict[str, Grid] = {}
        for ws in wb.worksheets:
            grid: list[tuple[object, ...]] = []
            try:
                ws.reset_dimensions()
                # max_col bounds every row: a cell far to the right must not make every row wide.
                for n, row in enumerate(ws.iter_rows(max_col=MAX_COLUMNS, values_only=True)):
                    end = len(row)
                    while end and row[end - 1] is None:
                        end -= 1
                    if n >= MAX_ROWS:
                        # Empty (e.g. formatted) rows below the limit are skipped, within reason.
                        if end or n >= MAX_ROWS * 5:
                            raise TooLargeError(
                                f"is refused: sheet '{ws.title}' has more than {MAX_ROWS:,} rows",
                                path,
                            )
                        continue
                    grid.append(_checked_row(row[:end], ws.title, n, path, fixes))
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


# Characters XML cannot carry are stored as _xHHHH_ escapes (see xlsx_scan.unescape). openpyxl
# leaves them escaped, and in shared strings drops the '_x005F_' that protects a typed
# '_xHHHH_'; the raw shared strings say which is which (xlsx_scan.shared_string_fixes).
def _checked_row(
    row: tuple[object, ...], sheet: str, n: int, path: Path, fixes: dict[str, str]
) -> tuple[object, ...]:
    """The row with Excel's escapes decoded; refuse over-long cells."""
    out: list[object] | None = None
    for c, value in enumerate(row):
        if isinstance(value, float) and not math.isfinite(value):
            # Only a hand-made file holds one (e.g. 1E999); Excel shows such a number as #NUM!.
            if out is None:
                out = list(row)
            out[c] = "#NUM!"
        elif isinstance(value, str):
            if len(value) > MAX_CELL_CHARS:
                raise TooLargeError(
                    f"is refused: cell {CellRef(sheet, _a1(n + 1, c + 1))} holds {len(value):,} "
                    f"characters, above the limit of {MAX_CELL_CHARS:,} (Excel's own limit is 32,767)",
                    path,
                )
            if "_x" in value:
                fixed = fixes[value] if value in fixes else xlsx_scan.unescape(value)
                if fixed != value:
                    if out is None:
                        out = list(row)
                    out[c] = fixed
    return row if out is None else tuple(out)


def _a1(row: int, col: int) -> str:
    from .model import a1

    return a1(row, col)


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
    model = parse_grids(grids, source=p.name, path=p)
    extra = _cell_notes(p, model, list(grids))
    return dataclasses.replace(model, notes=model.notes + tuple(extra)) if extra else model


def _cell_notes(path: Path, model: LogicModel, names: list[str]) -> list[StructureNote]:
    """Notes only the file shows: uncalculated formulas and merged cells on logic-model sheets."""
    keys: dict[CellRef, str] = {f.ref: k for k, f in model.intervention.fields.items()}
    for el in model.all_elements():
        keys.update({f.ref: k for k, f in el.fields.items()})
    notes: list[StructureNote] = []
    try:
        with zipfile.ZipFile(path) as zf:
            parts = xlsx_scan.sheet_parts(zf)
            for sheet in located_sheets(names):
                part = parts.get(sheet)
                if part is None:
                    continue
                scan = xlsx_scan.scan_sheet(zf, part)
                for cell, formula in scan.uncalculated:
                    ref = CellRef(sheet, cell)
                    if ref in keys:
                        notes.append(StructureNote("formula-without-value", sheet, f"{keys[ref]}: {formula}", ref))
                for rng in scan.merges:
                    first = rng.split(":")[0]
                    if int(re.sub(r"^[A-Z]+", "", first) or 0) > 2:  # rows 1-2: title and guidance
                        notes.append(StructureNote("merged-cells", sheet, rng, CellRef(sheet, first)))
    except (OSError, zipfile.BadZipFile) as exc:
        raise NotAWorkbookError(f"could not be read as an Excel workbook ({_short(exc)})", path) from exc
    except WorkbookError:
        raise
    except Exception as exc:  # damaged XML the openpyxl pass did not read
        raise NotAWorkbookError(f"sheet could not be read ({_short(exc)})", path) from exc
    return notes

