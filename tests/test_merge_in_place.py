"""Merging into the LA's master in place: one run at a time, and every failure leaves it as it was.

Whole processes (``python -m lm_excel merge ... --in-place``), so the lock, the exit code and the
one line on stderr are what a user gets. Fault injection: a file-size limit (``ulimit -f``, as a
full disk looks to the program), a read-only folder, an office lock file, SIGKILL mid-write.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from lm_excel.exchange.share import share_file
from lm_excel.workbook.reader import read_workbook

ROOT = Path(__file__).resolve().parents[1]


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT))


def _merge_cmd(*files: Path) -> list[str]:
    return [sys.executable, "-m", "lm_excel", "merge", *map(str, files), "--in-place", "--by", "test"]


def _edit(src: Path, dst: Path, **cells: str) -> Path:
    wb = openpyxl.load_workbook(src)
    for ref, value in cells.items():
        sheet, cell = ref.split("__")
        wb[sheet][cell] = value
    wb.save(dst)
    return dst


@pytest.fixture
def copies(tmp_path, example_xlsx):
    """A master, the copy shared from it, and two partners' edited copies."""
    master = Path(shutil.copy(example_xlsx, tmp_path / "master.xlsx"))
    base = share_file(master, tmp_path / "shared.xlsx", by="sam").path
    health = _edit(base, tmp_path / "health.xlsx", Components__D4="Health visitor")
    school = _edit(base, tmp_path / "school.xlsx", Outcomes__B5="Pupils attend more often")
    return master, base, health, school


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_two_in_place_merges_at_once_both_land(copies):
    master, base, health, school = copies
    procs = [subprocess.Popen(_merge_cmd(base, master, theirs), env=_env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for theirs in (health, school)]
    results = [p.communicate(timeout=300) + (p.returncode,) for p in procs]
    assert [r[2] for r in results] == [0, 0], results
    model = read_workbook(master)
    assert model.components[0].text("delivered_by") == "Health visitor"
    assert model.outcomes[1].text("outcome") == "Pupils attend more often"


@pytest.mark.parametrize("command", ["merge", "share"])
def test_a_master_open_in_an_office_program_is_refused(copies, command):
    master, base, health, _ = copies
    lock = master.with_name(".~lock." + master.name + "#")
    lock.write_text("someone,host,2026")
    before, listing = master.read_bytes(), _listing(master.parent)
    cmd = (_merge_cmd(base, master, health) if command == "merge" else
           [sys.executable, "-m", "lm_excel", "share", str(master), "--in-place", "--by", "test"])
    r = subprocess.run(cmd, env=_env(), capture_output=True, text=True)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "open in Excel or LibreOffice" in r.stderr
    assert master.read_bytes() == before and _listing(master.parent) == listing


@pytest.mark.parametrize("stage", ["backup", "output"])
def test_a_full_disk_is_one_line_and_leaves_nothing(copies, stage):
    """``ulimit -f`` makes every write past the limit fail with EFBIG, as a full disk fails."""
    master, base, health, _ = copies
    theirs = health
    if stage == "output":  # the backup fits under the limit; the larger merged copy does not
        theirs = _edit(base, base.with_name("long.xlsx"), Components__C4="x" * 30_000)
    limit_kb = 8 if stage == "backup" else master.stat().st_size // 1024 + 1
    before, listing = master.read_bytes(), _listing(master.parent)
    cmd = " ".join(f"'{a}'" for a in _merge_cmd(base, master, theirs))
    r = subprocess.run(["bash", "-c", f"ulimit -f {limit_kb}; exec {cmd}"], env=_env(),
                       capture_output=True, text=True)
    assert r.returncode == 2, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "internal error" not in r.stderr, r.stderr
    assert "master" in r.stderr
    assert master.read_bytes() == before
    assert _listing(master.parent) == listing  # no partial backup, no temporary file


def _as_unprivileged(cmd: list[str]) -> tuple[list[str], dict[str, str]]:
    """``cmd`` run as the unprivileged user 'nobody' when this process is root (as in CI), since
    root may write into any folder: ``setpriv`` from util-linux drops the user, group and groups."""
    env = _env()
    if os.geteuid() != 0:
        return cmd, env
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv (util-linux) is needed to run this test as an unprivileged user"
    env.update(HOME="/nonexistent", USER="nobody", LOGNAME="nobody", PYTHONDONTWRITEBYTECODE="1")
    return [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", *cmd], env


def test_a_read_only_folder_is_one_line_and_leaves_nothing(copies):
    master, base, health, _ = copies
    # A folder the unprivileged user can read but not write (pytest's own folders are root's only).
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="lm-excel-read-only-"))
    try:
        for f in (master, base, health):
            shutil.copy(f, folder / f.name)
            (folder / f.name).chmod(0o644)
        master, base, health = (folder / f.name for f in (master, base, health))
        before, listing = master.read_bytes(), _listing(folder)
        folder.chmod(0o555)
        cmd, env = _as_unprivileged(_merge_cmd(base, master, health))
        probe = subprocess.run([*cmd[: cmd.index(sys.executable)], sys.executable, "-c", "import lm_excel"],
                               env=env, capture_output=True, text=True)
        if probe.returncode != 0:  # as root, with the checkout or venv in a folder only root can read
            why = "the unprivileged user cannot import lm_excel: " + (probe.stderr.strip().splitlines() or ["?"])[-1]
            if os.environ.get("LM_EXCEL_REQUIRE_UNPRIVILEGED") == "1":  # set by .ci/run, which makes them readable
                pytest.fail(why)
            pytest.skip(why + " (make the checkout and its venv readable by all to run this test)")
        r = subprocess.run(cmd, env=env, capture_output=True, text=True)
        assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1, r.stderr
        assert "cannot be written to" in r.stderr and "master" in r.stderr, r.stderr
        assert master.read_bytes() == before and _listing(folder) == listing
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_sigkill_mid_write_leaves_the_master_whole(copies):
    """Killed at any moment, the master is either the old file or the merged one, never damaged."""
    master, base, health, _ = copies
    before = master.read_bytes()
    outcomes = set()
    for delay in (0.6, 1.2, 1.8, 2.4):
        proc = subprocess.Popen(_merge_cmd(base, master, health), env=_env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        model = read_workbook(master)  # always a whole, readable workbook
        merged = model.components[0].text("delivered_by") == "Health visitor"
        assert merged or master.read_bytes() == before
        outcomes.add(merged)
    assert outcomes  # the loop ran; which outcome depends on timing
    # a killed run cannot remove its temporary file; the next run removes it
    r = subprocess.run(_merge_cmd(base, master, health), env=_env(), capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert not [p.name for p in master.parent.iterdir() if ".~lmx-" in p.name]


_KILLED_WRITER = """
import os, signal, sys
from lm_excel.fileio import write_verified

def write(tmp):
    tmp.write_bytes(b"half a workbook")
    os.kill(os.getpid(), signal.SIGKILL)

write_verified(sys.argv[1], write)
"""


def test_a_temporary_file_left_by_sigkill_is_removed_by_the_next_run_and_only_ours(tmp_path, example_xlsx):
    target = tmp_path / "out.xlsx"
    killed = subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(target)], env=_env())
    assert killed.returncode == -signal.SIGKILL
    left = [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]
    assert len(left) == 1 and not target.exists()
    name = left[0].name  # '.out.~lmx-HOST-PID-RANDOM.tmp.xlsx'
    host, pid = name.split("~lmx-")[1].split("-")[:2]
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        others = [
            name.replace(f"-{pid}-", f"-{alive.pid}-"),  # a run still writing: kept
            name.replace(f"~lmx-{host}-", "~lmx-000000-"),  # another computer's run: kept
            ".out.1a2b3c4d.tmp.xlsx",  # not named by lm-excel: kept
            "notes.tmp.xlsx",
        ]
        for other in others:
            (tmp_path / other).write_bytes(b"x")
        proc = subprocess.run([sys.executable, "-m", "lm_excel", "share", str(example_xlsx), "-o",
                               str(tmp_path / "shared.xlsx"), "--by", "test"], env=_env(),
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*others, "shared.xlsx"])
    finally:
        alive.kill()
        alive.wait()
