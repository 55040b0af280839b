"""Output files: the one output policy, and safe writing.

:func:`claim_output` decides whether a command may write a file (the rules are in the README's
"Files lm-excel writes" section); :meth:`Output.write` and :func:`write_verified` write it to a
temporary file beside the target, check it, then rename it into place. A reader never sees a
half-written file, an existing file is never left damaged, and a failed write or check leaves
nothing behind.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
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


WORD_SUFFIXES = (".docx", ".docm", ".doc", ".dotx")


def lock_files(path: Path) -> list[Path]:
    """The owner/lock files an office program leaves beside ``path`` while it has it open.

    Excel: '~$' + the whole name. Word: '~$' + the name less its first one or two characters when
    the name (without extension) is 7 or 8+ characters long. LibreOffice: '.~lock.' + name + '#'.
    """
    name = path.name
    found = [path.with_name("~$" + name), path.with_name(".~lock." + name + "#")]
    if path.suffix.lower() in WORD_SUFFIXES and len(path.stem) >= 7:
        found.append(path.with_name("~$" + name[2 if len(path.stem) >= 8 else 1:]))
    return found


def lock_file(path: Path) -> Path:
    """The owner file Excel leaves beside a workbook it has open ('~$' + name)."""
    return lock_files(path)[0]


def open_lock(path: Path) -> Path | None:
    """The lock file beside ``path`` when it looks open in Excel, Word or LibreOffice; else None."""
    return next((lock for lock in lock_files(path) if os.path.lexists(lock)), None)


def is_locked(path: Path) -> bool:
    """Whether ``path`` looks open in an office program (an owner/lock file beside it)."""
    return open_lock(Path(path)) is not None


def refuse_if_open(path: Path) -> None:
    """Raise :class:`OutputError` when ``path`` (or the file it links to) is open in an office program."""
    for candidate in dict.fromkeys((Path(path), Path(os.path.realpath(path)))):
        lock = open_lock(candidate)
        if lock is not None:
            raise OutputError(f"is open in Excel or LibreOffice (its lock file '{lock.name}' is "
                              "beside it); close it there and try again", candidate)


def free_path(path: Path) -> Path:
    """``path`` itself, or 'name (2).ext', 'name (3).ext', ... when it exists.

    For a face that must save somewhere without asking (the Excel report button): it never
    replaces a file, open or not.
    """
    if not os.path.lexists(path):
        return path
    n = 2
    while True:
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not os.path.lexists(candidate):
            return candidate
        n += 1


#: A temporary file of lm-excel's: '.NAME.~lmx-HOST-PID-RANDOM.tmp.EXT' (and names made from it).
_TEMP = re.compile(r"^\..*\.~lmx-([0-9a-f]{6})-(\d+)-[0-9a-f]{8}\.tmp")


@lru_cache(maxsize=1)
def _host_tag() -> str:
    """Six hex digits naming this computer, so a run never judges another computer's processes."""
    import hashlib
    import socket

    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]


def _process_gone(pid: int) -> bool:
    """Whether no process ``pid`` runs on this computer (False when that cannot be known)."""
    if os.name != "posix" or not hasattr(os, "kill"):
        return False  # on Windows os.kill(pid, 0) would end the process; Pyodide has no processes
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it exists (owned by someone else), or the answer is unknown
        return False
    return False


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove the temporary files an lm-excel run on this computer left in ``folder`` when it was
    killed (SIGKILL, a power cut) before it could remove them; return them.

    Only files named as :func:`_new_temp` names them, made on this computer, owned by this user,
    whose process is gone: a run still writing keeps its file, and nobody else's file is touched.
    """
    host, removed = _host_tag(), []
    uid = os.getuid() if hasattr(os, "getuid") else None
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP.match(entry.name)
        if m is None or m.group(1) != host or int(m.group(2)) == os.getpid():
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(st.st_mode) or (uid is not None and st.st_uid != uid):
                continue
            if _process_gone(int(m.group(2))):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


def _new_temp(target: Path) -> Path:
    """Create an empty, hidden temporary file beside ``target``, named so that a later run can
    tell it is lm-excel's and whose (see :func:`remove_stale_temps`, which runs first).

    It is created with mode 0o666 so the system applies the user's umask (and a shared folder's
    default permissions): the finished file gets the user's normal permissions, unlike
    ``tempfile.mkstemp``'s 0o600.
    """
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temps(folder)
    for _ in range(100):
        tmp = folder / f".{target.stem}.~lmx-{_host_tag()}-{os.getpid()}-{secrets.token_hex(4)}.tmp{target.suffix}"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except PermissionError:
            raise OutputError(f"the folder '{folder}' cannot be written to (permission denied)",
                              target) from None
        except OSError as exc:
            raise OutputError(f"cannot be written: {exc.strerror or exc}", target) from None
        os.close(fd)
        return tmp
    raise OutputError("cannot be written: no free temporary name beside it", target)


@contextmanager
def atomic_path(target: str | os.PathLike[str], *, mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success rename it over ``target``.

    If the body raises, the temporary file is removed and ``target`` is untouched. A target open
    in an office program is never replaced. The file gets ``mode`` when given (``--in-place``
    keeps the original's), else the user's normal permissions for a new file.
    """
    target = Path(target)
    check_writable_folder(target)
    refuse_if_open(target)
    tmp = _new_temp(target)
    try:
        new_mode = stat.S_IMODE(tmp.stat().st_mode) if mode is None else mode
        yield tmp
        refuse_if_open(target)  # opened while we were writing
        try:
            os.chmod(tmp, new_mode)  # the writer may have re-created the file
            os.replace(tmp, target)
        except OSError as exc:
            raise OutputError(os_error_text(exc, "cannot be written", "cannot be replaced"),
                              target) from None
    finally:
        if os.path.lexists(tmp):
            tmp.unlink()


def write_verified(
    target: str | os.PathLike[str],
    write: Callable[[Path], None],
    verify: Callable[[Path], None] | None = None,
    *,
    mode: int | None = None,
) -> Path:
    """Write with ``write(tmp)``, check with ``verify(tmp)``, then move into place.

    ``verify`` raises when the written file is wrong; then nothing is left behind. This is the
    low-level step: commands decide *whether* to write a file with :func:`claim_output`.
    """
    target = Path(target)
    with atomic_path(target, mode=mode) as tmp:
        try:
            write(tmp)
        except OSError as exc:
            raise OutputError(f"cannot be written: {exc.strerror or exc}", target) from exc
        if verify is not None:
            verify(tmp)
    return target


def backup(path: Path) -> Path:
    """Copy ``path`` to 'name.bak.ext' (or 'name.bak2.ext', ...) and return the copy's path.

    The copy is written to a temporary file first, so a failed copy (a full disk) leaves no
    partial backup; an existing backup is never replaced. The copy keeps the file's mode.
    """
    path = Path(path)
    tmp = _new_temp(path)
    try:
        try:
            shutil.copy2(path, tmp)
        except OSError as exc:
            raise OutputError(f"cannot make a backup copy: {exc.strerror or exc}; nothing was "
                              "changed", path) from None
        n = 1
        while True:
            suffix = ".bak" if n == 1 else f".bak{n}"
            candidate = path.with_name(f"{path.stem}{suffix}{path.suffix}")
            if not os.path.lexists(candidate):
                os.replace(tmp, candidate)
                return candidate
            n += 1
    finally:
        if os.path.lexists(tmp):
            tmp.unlink()


@contextmanager
def exclusive_lock(path: Path | None, wait: float = 60.0) -> Iterator[None]:
    """Hold an exclusive lock on the file ``path`` (None: no lock) for the body.

    For a read-change-write of one file in place: a second lm-excel run on the same file waits
    (up to ``wait`` seconds, then :class:`OutputError`) until the first has replaced it, then
    reads the new file. A file open in Excel or LibreOffice (its lock file beside it) is refused.
    The lock is advisory (``flock``; ``msvcrt.locking`` on Windows): other programs are kept off by the atomic replace instead.
    """
    if path is None:
        yield
        return
    import time

    refuse_if_open(path)
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError as exc:
            raise OutputError(os_error_text(exc, "cannot be opened"), path) from None
        try:
            while True:
                try:
                    _lock_fd(fd)
                    break
                except (BlockingIOError, PermissionError):
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


def _lock_fd(fd: int) -> None:
    """Lock an open file exclusively without waiting (BlockingIOError/PermissionError if held)."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        return
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


# --- the output policy -------------------------------------------------------------------------


@dataclass(frozen=True)
class Written:
    """A file written under the output policy, and the backup of the original when in place."""

    path: Path
    backup: Path | None = None
    #: One plain line per part of the input the writer could not keep ("kept out of OUT: ...").
    kept_out: tuple[str, ...] = ()


@dataclass(frozen=True)
class Output:
    """Where a command may write, decided once by :func:`claim_output`.

    ``path`` is the file that will be replaced or created: for ``--in-place`` on a symbolic
    link, the file it points to. Write it with :meth:`write`.
    """

    path: Path
    requested: Path
    in_place: bool = False

    def write(self, write: Callable[[Path], None],
              verify: Callable[[Path], None] | None = None) -> Written:
        """Write atomically and verified; in place, back the original up first and keep its mode.

        When the write fails, the backup is removed again (the original is unchanged).
        """
        if not self.in_place:
            return Written(write_verified(self.path, write, verify))
        refuse_if_open(self.path)
        mode = stat.S_IMODE(self.path.stat().st_mode)
        saved = backup(self.path)
        try:
            write_verified(self.path, write, verify, mode=mode)
        except BaseException:
            saved.unlink(missing_ok=True)
            raise
        return Written(self.path, saved)


def as_output(target: Output | str | os.PathLike[str]) -> Output:
    """``target`` as an :class:`Output`: a path given by library code is written as it is."""
    if isinstance(target, Output):
        return target
    return Output(Path(target), Path(target))


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two names lead to one file (through links, '..', case-insensitive drives, ...)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def claim_output(
    path: str | os.PathLike[str],
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
    force: bool = False,
    in_place: bool = False,
) -> Output:
    """The one output policy: decide whether a command may write ``path``.

    - an existing file is never replaced without ``force``;
    - one of the command's ``inputs`` is never an output, even with ``force`` (only
      ``in_place`` writes into an input, and it backs it up first);
    - a file open in Excel, Word or LibreOffice (a lock file beside it) is never written;
    - ``in_place`` on a symbolic link updates the file it points to.

    Raises :class:`OutputError` (exit code 2) with one line saying what to do.
    """
    requested = Path(path)
    if in_place:
        real = Path(os.path.realpath(requested))
        if not real.is_file():
            raise OutputError("cannot be updated in place: it is not an existing file", requested)
        refuse_if_open(requested)
        check_writable_folder(real)
        return Output(real, requested, in_place=True)
    if requested.is_dir():
        raise OutputError("is a folder; give a file name", requested)
    for source in inputs:
        if os.path.lexists(requested) and same_file(requested, source):
            raise OutputError("is one of the files this command reads, and is never replaced; "
                              "give another output name", requested)
    if os.path.lexists(requested):
        if not force:
            raise OutputError("already exists; choose another name, or add --force to replace it",
                              requested)
        refuse_if_open(requested)
    check_writable_folder(requested)
    return Output(requested, requested)


def distinct_outputs(*outputs: Output | None) -> None:
    """Refuse two outputs of one command that are the same file (e.g. -o and --csv)."""
    seen: list[Output] = []
    for out in outputs:
        if out is None:
            continue
        for other in seen:
            if os.path.realpath(out.path) == os.path.realpath(other.path):
                raise OutputError("is given twice as an output; give each output its own name",
                                  out.requested)
        seen.append(out)
