"""Safe output files: written to a temporary file beside the target, checked, then renamed.

A reader never sees a half-written file, an existing file is never left damaged, and a failed
write or check leaves nothing behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError


def check_writable_folder(target: Path) -> None:
    """Raise :class:`OutputError` unless ``target``'s folder exists and can be written."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise OutputError(f"the folder '{folder}' does not exist", target)
    if not folder.is_dir():
        raise OutputError(f"'{folder}' is not a folder", target)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"the folder '{folder}' cannot be written to (permission denied)", target)
    if target.is_dir():
        raise OutputError("is a folder; give a file name", target)


def ensure_folder(folder: str | os.PathLike[str]) -> Path:
    """Create ``folder`` (and its parents) if needed; :class:`OutputError` when that cannot work."""
    folder = Path(folder)
    if folder.is_dir():
        return folder
    blocker = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        raise OutputError(f"cannot make the folder '{folder}': '{blocker}' is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except PermissionError:
        raise OutputError(f"cannot make the folder '{folder}': permission denied") from None
    except OSError as exc:
        raise OutputError(f"cannot make the folder '{folder}': {exc.strerror or exc}") from None
    return folder


def lock_file(path: Path) -> Path:
    """The owner file Excel and LibreOffice leave beside a workbook they have open."""
    return path.with_name("~$" + path.name)


def is_locked(path: Path) -> bool:
    """Whether ``path`` looks open in an office program (an owner/lock file beside it)."""
    lo_lock = path.with_name(".~lock." + path.name + "#")
    return lock_file(path).exists() or lo_lock.exists()


def free_path(path: Path) -> Path:
    """``path`` itself, or 'name (2).ext', 'name (3).ext', ... when it exists and is open."""
    if not (path.exists() and is_locked(path)):
        return path
    n = 2
    while True:
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success rename it over ``target``.

    If the body raises, the temporary file is removed and ``target`` is untouched.
    """
    target = Path(target)
    check_writable_folder(target)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.stem}.", suffix=".tmp" + target.suffix, dir=target.parent or "."
        )
    except PermissionError:
        raise OutputError(
            f"the folder '{target.parent}' cannot be written to (permission denied)", target
        ) from None
    except OSError as exc:
        raise OutputError(f"cannot be written: {exc.strerror or exc}", target) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        try:
            os.replace(tmp, target)
        except PermissionError:
            raise OutputError(
                "cannot be replaced: permission denied (if it is open in Excel, close it and try again)",
                target,
            ) from None
        except OSError as exc:
            raise OutputError(f"cannot be written: {exc.strerror or exc}", target) from None
    finally:
        if tmp.exists():
            tmp.unlink()


def write_verified(
    target: str | os.PathLike[str],
    write: Callable[[Path], None],
    verify: Callable[[Path], None] | None = None,
) -> Path:
    """Write with ``write(tmp)``, check with ``verify(tmp)``, then move into place.

    ``verify`` raises when the written file is wrong; then nothing is left behind.
    """
    target = Path(target)
    with atomic_path(target) as tmp:
        try:
            write(tmp)
        except OSError as exc:
            raise OutputError(f"cannot be written: {exc.strerror or exc}", target) from exc
        if verify is not None:
            verify(tmp)
    return target


def backup(path: Path) -> Path:
    """Copy ``path`` to 'name.bak.ext' (or 'name.bak2.ext', ...) and return the copy's path."""
    n = 1
    while True:
        suffix = ".bak" if n == 1 else f".bak{n}"
        candidate = path.with_name(f"{path.stem}{suffix}{path.suffix}")
        if not candidate.exists():
            shutil.copy2(path, candidate)
            return candidate
        n += 1
