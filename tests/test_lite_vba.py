"""The classic buttons' VBA: the project is in the no-cache form, and the macros fail gently.

The no-cache form ([MS-OVBA] 2.3.4.1-2.3.4.3) makes Excel compile every module from its source on
open: a 7-byte ``_VBA_PROJECT`` stream with version 0xFFFF, project and module cookies 0xFFFF,
module streams holding only compressed source, and nothing after the ``dir`` terminator. The
checks below read the built workbook with olefile and oletools, not with the writer's own code.
"""

from __future__ import annotations

import io
import re
import struct
import warnings
import zipfile
from pathlib import Path

import olefile
import pytest

with warnings.catch_warnings():  # oletools uses pyparsing names newer pyparsing deprecates
    warnings.simplefilter("ignore", DeprecationWarning)
    from oletools.olevba import decompress_stream

from lm_excel.workbook import buttons

from .conftest import ROOT

MACROS = sorted((ROOT / "macros").glob("*.bas"))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> olefile.OleFileIO:
    path = buttons.build_macro_workbook(tmp_path_factory.mktemp("vba") / "blank.xlsm")
    with zipfile.ZipFile(path) as zf:
        return olefile.OleFileIO(io.BytesIO(zf.read("xl/vbaProject.bin")))


def _records(dir_stream: bytes) -> tuple[list[tuple[int, bytes]], bytes]:
    """(id, data) records up to the terminator, and whatever follows it (an independent walk)."""
    out, i = [], 0
    while True:
        rid, size = struct.unpack_from("<HI", dir_stream, i)
        if rid == 0x0009:  # PROJECTVERSION: Reserved (4) then 6 bytes of version
            size = 6
        out.append((rid, dir_stream[i + 6:i + 6 + size]))
        i += 6 + size
        if rid == 0x0010:
            return out, dir_stream[i:]


def test_vba_project_stream_is_seven_bytes_with_version_ffff(project):
    data = project.openstream("VBA/_VBA_PROJECT").read()
    assert data == bytes.fromhex("cc61ffff000000")


def test_dir_stream_has_ffff_cookies_zero_offsets_and_nothing_after_its_terminator(project):
    records, tail = _records(bytes(decompress_stream(bytearray(project.openstream("VBA/dir").read()))))
    assert tail == b"", f"{len(tail)} stray byte(s) after the dir stream's terminator"
    ids = [rid for rid, _ in records]
    assert ids.count(0x0013) == 1 and dict(records)[0x0013] == b"\xff\xff"  # PROJECTCOOKIE
    cookies = [body for rid, body in records if rid == 0x002C]
    offsets = [struct.unpack("<I", body)[0] for rid, body in records if rid == 0x0031]
    names = [body.decode("cp1252") for rid, body in records if rid == 0x001A]
    assert len(cookies) == len(offsets) == len(names) >= 5
    assert set(cookies) == {b"\xff\xff"}
    assert set(offsets) == {0}
    assert {"ThisWorkbook", "LmButtons", "xlwings"} <= set(names)
    # each module stream is its compressed source and nothing else: it decompresses from byte 0
    for name in names:
        source = bytes(decompress_stream(bytearray(project.openstream(f"VBA/{name}").read())))
        assert source.startswith(b"Attribute VB_Name = "), name
    assert not [e for e in project.listdir() if e[-1].upper().startswith("__SRP_")]


# --- the macros ---------------------------------------------------------------------------------

_PROC = re.compile(r"^\s*(?:Public\s+|Private\s+)?(Sub|Function)\s+(\w+).*?^\s*End\s+\1", re.IGNORECASE | re.MULTILINE | re.DOTALL)


def _procedures(source: str) -> dict[str, str]:
    return {m.group(2): m.group(0) for m in _PROC.finditer(buttons.strip_vba_comments(source))}


@pytest.mark.parametrize("path", MACROS, ids=lambda p: p.name)
def test_every_file_lookup_runs_inside_an_error_handler(path: Path):
    """Dir() raises error 52 on a malformed path (such as a mistyped INTERPRETER_WIN); every call
    must come after an 'On Error GoTo' in its procedure, so the user gets our message instead."""
    for name, body in _procedures(path.read_text(encoding="cp1252")).items():
        for call in re.finditer(r"\bDir\s*\(", body, re.IGNORECASE):
            handler = re.search(r"\bOn\s+Error\s+GoTo\s+(?!0\b)\w+", body[:call.start()], re.IGNORECASE)
            assert handler, f"{path.name}: {name} calls Dir() outside an error handler"


def test_interpreter_setting_is_checked_through_the_guarded_lookup():
    source = buttons.strip_vba_comments((ROOT / "macros" / "LmButtons.bas").read_text(encoding="cp1252"))
    procs = _procedures(source)
    assert re.search(r"If\s+Not\s+FileExists\(interpreter\)\s+Then\s+MsgBox\s+\"Python was not found at",
                     re.sub(r"\s+", " ", procs["PythonFound"]))
    assert "On Error GoTo" in procs["FileExists"]
