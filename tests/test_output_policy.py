"""The one output policy, through every command that writes (lm_excel.fileio.claim_output).

An existing file is replaced only with --force, never one of the command's inputs (even with
--force), never a file open in Excel/Word or LibreOffice; new files get the user's umask;
--in-place keeps a backup and the original's mode, and on a symbolic link updates its target.
"""

from __future__ import annotations

import itertools
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from lm_excel import cli

from .conftest import run_cli


def lm(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line in this process; (exit code, stdout, stderr)."""
    code = cli.main([*argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def umask_027():
    old = os.umask(0o027)
    try:
        yield 0o640
    finally:
        os.umask(old)


@pytest.fixture(scope="module")
def returns(tmp_path_factory: pytest.TempPathFactory, example_xlsx: Path) -> Path:
    """A folder of two returns for the portfolio."""
    folder = tmp_path_factory.mktemp("returns")
    for name in ("a.xlsx", "b.xlsx"):
        (folder / name).write_bytes(example_xlsx.read_bytes())
    return folder


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


_runs = itertools.count()


def fresh(out: Path, suffix: str) -> str:
    """A new name beside ``out`` for a command's other output, so only ``out`` is ever refused."""
    return str(out.with_name(f"other-{next(_runs)}{suffix}"))


#: name -> (output file name, argv for writing OUT given the example workbook and the returns)
Argv = Callable[[Path, Path, Path], list[str]]
WRITERS: dict[str, tuple[str, Argv]] = {
    "new": ("out.xlsx", lambda out, wb, ret: ["new", str(out)]),
    "new --example .xlsm": ("out.xlsm", lambda out, wb, ret: ["new", str(out), "--example"]),
    "new --lite": ("out.xlsx", lambda out, wb, ret: ["new", str(out), "--lite"]),
    "diagram": ("out.xlsx", lambda out, wb, ret: ["diagram", str(wb), "-o", str(out)]),
    "check --write": ("out.xlsx", lambda out, wb, ret: ["check", str(wb), "--write", "-o", str(out)]),
    "plan": ("out.xlsx", lambda out, wb, ret: ["plan", str(wb), "-o", str(out)]),
    "plan --csv": ("out.csv", lambda out, wb, ret: ["plan", str(wb), "-o", fresh(out, ".xlsx"), "--csv", str(out)]),
    "report": ("out.docx", lambda out, wb, ret: ["report", str(wb), "-o", str(out)]),
    "report --diagram-out": ("out.svg", lambda out, wb, ret: [
        "report", str(wb), "-o", fresh(out, ".docx"),
        "--diagram-out", str(out)]),
    "share": ("out.xlsx", lambda out, wb, ret: ["share", str(wb), "-o", str(out)]),
    "merge": ("out.xlsx", lambda out, wb, ret: ["merge", str(wb), str(wb), "-o", str(out)]),
    "portfolio": ("out.xlsx", lambda out, wb, ret: ["portfolio", str(ret), "-o", str(out), "--jobs", "1"]),
    "portfolio --report": ("out.docx", lambda out, wb, ret: [
        "portfolio", str(ret), "-o", fresh(out, ".xlsx"),
        "--report", str(out), "--jobs", "1"]),
    "portfolio --save-themes": ("out.csv", lambda out, wb, ret: ["portfolio", "--save-themes", str(out)]),
    "demo": ("example-logic-model.xlsx", lambda out, wb, ret: ["demo", str(out.parent)]),
    "excel-setup --write-config": ("xlwings.conf", lambda out, wb, ret: [
        "excel-setup", str(out.with_name("model.xlsm")), "--write-config"]),
}


def test_every_command_that_writes_is_covered_here():
    """A new command with --force (it writes files) must join WRITERS, so it is tested here."""
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    writing = {name for name, p in sub.choices.items()
               if any("--force" in a.option_strings for a in p._actions)}
    covered = {key.split()[0] for key in WRITERS}
    assert writing == covered
    for name in writing:  # and its --help states the policy
        assert "never one this command" in " ".join(sub.choices[name].format_help().split())


@pytest.mark.parametrize("name", list(WRITERS))
def test_every_writing_command_follows_the_policy(name, tmp_path, example_xlsx, returns, capsys,
                                                  umask_027):
    file_name, argv = WRITERS[name]
    wb = tmp_path / "model.xlsx"
    wb.write_bytes(example_xlsx.read_bytes())
    if name.startswith("excel-setup"):
        lm(capsys, "new", str(tmp_path / "model.xlsm"))
    out = tmp_path / file_name
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    # A new file gets the user's normal permissions (here umask 027: rw-r-----), not 0600.
    code, _, err = lm(capsys, *argv(out, wb, returns))
    assert code in (0, 1) and err == "", err
    assert out.is_file() and mode(out) == umask_027
    assert all(tmp_path.joinpath(n).read_bytes() == data for n, data in before.items()), \
        "an input changed"

    # An existing file is never replaced without --force.
    out.write_bytes(b"an older file of the user's")
    code, _, err = lm(capsys, *argv(out, wb, returns))
    assert code == 2 and "already exists" in err and "--force" in err
    assert len(err.strip().splitlines()) == 1
    assert out.read_bytes() == b"an older file of the user's"

    # A file open in Excel/Word or LibreOffice is never written, even with --force.
    locks = [out.with_name("~$" + out.name), out.with_name(".~lock." + out.name + "#")]
    for lock in locks:
        lock.write_bytes(b"someone")
        code, _, err = lm(capsys, *argv(out, wb, returns), "--force")
        assert code == 2 and "is open in" in err, err
        assert out.read_bytes() == b"an older file of the user's"
        lock.unlink()

    # With --force it is replaced, with the user's permissions, and nothing is left behind.
    code, _, err = lm(capsys, *argv(out, wb, returns), "--force")
    assert code in (0, 1) and err == "", err
    assert out.read_bytes() != b"an older file of the user's" and mode(out) == umask_027
    assert not [p for p in tmp_path.rglob("*") if ".tmp" in p.name]
    backups = [p.name for p in tmp_path.rglob("*.bak*")]
    # excel-setup updates its settings file in place (other settings kept): after a backup
    assert backups == (["xlwings.bak.conf"] if name.startswith("excel-setup") else [])


#: commands with inputs: (suffix of the output, argv writing OUT from the workbook WB)
INPUT_AS_OUTPUT = {
    "check --write": (".xlsx", lambda wb, out: ["check", str(wb), "--write", "-o", str(out)]),
    "plan": (".xlsx", lambda wb, out: ["plan", str(wb), "-o", str(out)]),
    "plan --csv": (".csv", lambda wb, out: ["plan", str(wb), "-o", str(wb.with_name("p.xlsx")),
                                            "--csv", str(out)]),
    "report": (".docx", lambda wb, out: ["report", str(wb), "-o", str(out)]),
    "report --diagram-out": (".svg", lambda wb, out: ["report", str(wb), "-o",
                                                      str(wb.with_name("r.docx")), "--diagram-out",
                                                      str(out)]),
    "share": (".xlsx", lambda wb, out: ["share", str(wb), "-o", str(out)]),
    "diagram": (".xlsx", lambda wb, out: ["diagram", str(wb), "-o", str(out)]),
    "merge": (".xlsx", lambda wb, out: ["merge", str(wb), str(wb.with_name("theirs.xlsx")), "-o",
                                        str(out)]),
}


@pytest.mark.parametrize(("name", "alias"), [
    (name, alias) for name, (suffix, _) in INPUT_AS_OUTPUT.items()
    for alias in ("itself", "symlink", "hard link")
    if alias != "itself" or suffix == ".xlsx"  # only a link gives the workbook another file type
])
def test_an_input_is_never_an_output_even_with_force(name, alias, tmp_path, example_xlsx, capsys):
    suffix, argv = INPUT_AS_OUTPUT[name]
    wb = tmp_path / "model.xlsx"
    wb.write_bytes(example_xlsx.read_bytes())
    (tmp_path / "theirs.xlsx").write_bytes(example_xlsx.read_bytes())
    if alias == "itself":
        out = wb
    else:  # another name for the same file, with the output's file type
        out = tmp_path / f"other name{suffix}"
        if alias == "symlink":
            out.symlink_to(wb.name)
        else:
            os.link(wb, out)
    code, _, err = lm(capsys, *argv(wb, out), "--force")
    assert code == 2 and "one of the files this command reads" in err, err
    assert len(err.strip().splitlines()) == 1
    assert wb.read_bytes() == example_xlsx.read_bytes()


def test_portfolio_never_writes_into_the_folder_it_reads(returns, capsys):
    before = {p: p.read_bytes() for p in returns.iterdir()}
    for target in (returns / "a.xlsx", returns / "new summary.xlsx"):
        code, _, err = lm(capsys, "portfolio", str(returns), "-o", str(target), "--force")
        assert code == 2 and "outside that folder" in err
    assert {p: p.read_bytes() for p in returns.iterdir()} == before


def test_two_outputs_of_one_command_must_differ(tmp_path, example_xlsx, capsys):
    wb = tmp_path / "model.xlsx"
    wb.write_bytes(example_xlsx.read_bytes())
    code, _, err = lm(capsys, "portfolio", str(tmp_path / "none"), "-o", str(tmp_path / "s.xlsx"))
    assert code == 2
    code, _, err = lm(capsys, "plan", str(wb), "--in-place", "--csv", str(tmp_path / "p.csv"),
                      "-o", str(tmp_path / "x.xlsx"))
    assert code == 2 and "not both" in err


IN_PLACE = {
    "check": lambda p: ["check", str(p), "--in-place"],
    "plan": lambda p: ["plan", str(p), "--in-place"],
    "share": lambda p: ["share", str(p), "--in-place"],
    "diagram": lambda p: ["diagram", str(p), "--in-place"],
    "merge": lambda p: ["merge", str(p), str(p.parent / "theirs.xlsx"), "--in-place"],  # theirs beside
}


@pytest.mark.parametrize("name", list(IN_PLACE))
@pytest.mark.parametrize("through_link", [False, True], ids=["file", "symlink"])
def test_in_place_keeps_a_backup_and_the_mode_and_follows_a_link(name, through_link, tmp_path,
                                                                   example_xlsx, capsys):
    real_dir = tmp_path / "shared drive"
    real_dir.mkdir()
    real = real_dir / "model.xlsx"
    real.write_bytes(example_xlsx.read_bytes())
    for folder in (tmp_path, real_dir):
        (folder / "theirs.xlsx").write_bytes(example_xlsx.read_bytes())
    os.chmod(real, 0o664)  # a colleague-writable file stays colleague-writable
    given = real
    if through_link:
        given = tmp_path / "model.xlsx"
        given.symlink_to(real)
    code, out, err = lm(capsys, *IN_PLACE[name](given))
    assert code in (0, 1) and err == "", err
    assert real.read_bytes() != example_xlsx.read_bytes(), "the workbook was updated"
    assert mode(real) == 0o664
    backup = real_dir / "model.bak.xlsx"
    assert backup.read_bytes() == example_xlsx.read_bytes() and str(backup) in out
    if through_link:
        assert given.is_symlink() and os.readlink(given) == str(real), "the link is kept"
    # A second run keeps the first backup and makes another. (share and merge log the second to
    # the Change log; two identical rows in one second read back as one, so step past it.)
    time.sleep(1.0 - time.time() % 1.0)
    code, out, err = lm(capsys, *IN_PLACE[name](given))
    assert code in (0, 1) and (real_dir / "model.bak2.xlsx").exists(), err
    assert backup.read_bytes() == example_xlsx.read_bytes()


@pytest.mark.parametrize("name", list(IN_PLACE))
def test_in_place_never_writes_a_file_open_in_a_spreadsheet(name, tmp_path, example_xlsx, capsys):
    wb = tmp_path / "model.xlsx"
    wb.write_bytes(example_xlsx.read_bytes())
    (tmp_path / "theirs.xlsx").write_bytes(example_xlsx.read_bytes())
    (tmp_path / ".~lock.model.xlsx#").write_text("LibreOffice lock")
    code, _, err = lm(capsys, *IN_PLACE[name](wb))
    assert code == 2 and "is open in Excel or LibreOffice" in err and ".~lock.model.xlsx#" in err
    assert wb.read_bytes() == example_xlsx.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".~lock.model.xlsx#", "model.xlsx",
                                                          "theirs.xlsx"]


def test_a_failed_in_place_write_leaves_no_backup(tmp_path, example_xlsx, monkeypatch):
    from lm_excel.errors import OutputError
    from lm_excel.fileio import claim_output

    wb = tmp_path / "model.xlsx"
    wb.write_bytes(example_xlsx.read_bytes())
    out = claim_output(wb, in_place=True)

    def fail(tmp: Path) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="No space left"):
        out.write(fail)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.xlsx"]
    assert wb.read_bytes() == example_xlsx.read_bytes()


def test_word_owner_files_of_long_names_count_as_open(tmp_path):
    from lm_excel.fileio import is_locked

    report = tmp_path / "Family Connect report.docx"
    report.write_bytes(b"x")
    assert not is_locked(report)
    (tmp_path / "~$mily Connect report.docx").write_bytes(b"owner")  # Word drops two characters
    assert is_locked(report)


def test_the_policy_holds_in_a_whole_process_too(tmp_path, example_xlsx):
    wb = tmp_path / "model.xlsx"
    wb.write_bytes(example_xlsx.read_bytes())
    out = tmp_path / "model-checked.xlsx"
    out.write_bytes(b"old")
    proc = run_cli("check", str(wb), "--write")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "already exists" in proc.stderr
    assert out.read_bytes() == b"old"
