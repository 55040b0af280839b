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

from .errors import OutputError, os_error_text


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
        except OSError as exc:
            raise OutputError(os_error_text(exc, "cannot be written", "cannot be replaced"),
                              target) from None
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
    """Copy ``path`` to 'name.bak.ext' (or 'name.bak2.ext', ...) and return the copy's path.

    The copy is written under a temporary name and only then given its name, so a failed copy
    (a full disk, a file-size limit) leaves no partial backup: :class:`OutputError`, nothing left.
    """
    n = 1
    while True:
        suffix = ".bak" if n == 1 else f".bak{n}"
        candidate = path.with_name(f"{path.stem}{suffix}{path.suffix}")
        if not candidate.exists():
            break
        n += 1
    with atomic_path(candidate) as tmp:
        try:
            shutil.copy2(path, tmp)
        except OSError as exc:
            raise OutputError(os_error_text(exc, "cannot be backed up before it is changed"), path) from None
    return candidate


@contextmanager
def exclusive_lock(path: Path | None, wait: float = 60.0) -> Iterator[None]:
    """Hold an exclusive lock on the file ``path`` (None: no lock) for the body.

    For a read-change-write of one file in place: a second lm-excel run on the same file waits
    (up to ``wait`` seconds, then :class:`OutputError`) until the first has replaced it, then
    reads the new file. A file open in Excel or LibreOffice (its lock file beside it) is refused.
    The lock is advisory (``flock``): other programs are kept off by the atomic replace instead.
    """
    if path is None:
        yield
        return
    import fcntl
    import time

    if is_locked(path):
        raise OutputError("is open in Excel or LibreOffice (its lock file is beside it); close it and "
                          "try again", path)
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError as exc:
            raise OutputError(os_error_text(exc, "cannot be opened"), path) from None
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise OutputError("is being changed by another lm-excel run; try again when it "
                                          "has finished", path) from None
                    time.sleep(0.05)
            try:
                same = os.fstat(fd).st_ino == os.stat(path).st_ino
            except OSError:
                same = False
            if same:  # else another run replaced the file while this one waited: lock the new one
                yield
                return
        finally:
            os.close(fd)
