"""Write a VBA project (``vbaProject.bin``) from module sources: the one place that does.

Everything else in lm-excel hands :func:`vba_project_bin` a list of :class:`VbaModule` and the
code names of the workbook's document modules, and gets the bytes XlsxWriter embeds with
``Workbook.add_vba_project``. The writer behind it is the PyPI package ``pyopenvba``: it adds a
project to a macro-enabled workbook the way Excel does for a first macro (a document module for
the workbook and for each sheet, named by the workbook's code names), and handles class modules.
To try another writer, replace :func:`_pyopenvba_project` and keep the signature.

Whatever the writer, :func:`without_cache` then puts the project in the form that makes Excel
compile the modules from their source when it opens the file ([MS-OVBA] 2.3.4.1, 2.3.4.2, 2.3.4.3):
a ``_VBA_PROJECT`` stream of 7 bytes with version 0xFFFF and no performance cache, project and
module cookies 0xFFFF, module streams holding only their compressed source (offset 0), and
nothing after the ``dir`` stream's terminator. LibreOffice writes projects this way, and Excel
accepts them from any version, since nothing compiled for another version is left to trust.

Nothing here imports xlwings; the VBA sources themselves are found by :mod:`lm_excel.workbook.buttons`.
"""

from __future__ import annotations

import re
import struct
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lm_excel.errors import LmExcelError

#: Kinds of module a project can hold here.
STANDARD = "standard"
CLASS = "class"

_MACRO_ENABLED = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_PLAIN_MAIN = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


@dataclass(frozen=True)
class VbaModule:
    """One VBA module: its name, its source text (as in a .bas/.cls file) and its kind."""

    name: str
    source: str
    kind: str = STANDARD
    origin: str = ""  # where the source came from, for messages

    def __post_init__(self) -> None:
        assert self.kind in (STANDARD, CLASS), self.kind
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,30}", self.name):
            raise LmExcelError(f"'{self.name}' is not a valid VBA module name ({self.origin or 'no file'})")

    @property
    def crlf_source(self) -> str:
        """The source with Windows line endings, as the VBA editor stores it."""
        return self.source.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")


def vba_project_bin(
    modules: Sequence[VbaModule],
    sheet_code_names: Sequence[str],
    workbook_code_name: str = "ThisWorkbook",
) -> bytes:
    """The bytes of a ``vbaProject.bin`` holding ``modules``.

    ``sheet_code_names`` are the code names of the workbook's worksheets in order (as given to
    XlsxWriter's ``Worksheet.set_vba_name``); the project gets a document module for each, and
    one named ``workbook_code_name`` for the workbook, as Excel makes them.
    """
    names = [m.name.casefold() for m in modules]
    clash = sorted({n for n in names if names.count(n) > 1} |
                   {n for n in names if n in {c.casefold() for c in (*sheet_code_names, workbook_code_name)}})
    if clash:
        raise LmExcelError(f"VBA module name(s) used twice: {', '.join(clash)}")
    for m in modules:
        try:
            m.source.encode("cp1252")
        except UnicodeEncodeError as exc:
            raise LmExcelError(
                f"VBA module '{m.name}' ({m.origin or 'no file'}) has a character VBA cannot store: "
                f"{m.source[exc.start:exc.end]!r}"
            ) from None
    return without_cache(_pyopenvba_project(modules, sheet_code_names, workbook_code_name))


def _skeleton_xlsm(path: Path, sheet_code_names: Sequence[str], workbook_code_name: str) -> None:
    """A macro-enabled workbook with no VBA project yet and the given code names."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    wb.set_vba_name(workbook_code_name)
    for i, code in enumerate(sheet_code_names, start=1):
        wb.add_worksheet(f"S{i}").set_vba_name(code)
    wb.close()
    # XlsxWriter types the main part as a macro-enabled workbook only when it embeds a project;
    # a macro-enabled workbook saved before its first macro is typed so.
    with zipfile.ZipFile(path) as zf:
        parts = [(info, zf.read(info.filename)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in parts:
            if info.filename == "[Content_Types].xml":
                data = data.replace(_PLAIN_MAIN, _MACRO_ENABLED)
            zf.writestr(info, data)


def _pyopenvba_project(
    modules: Sequence[VbaModule], sheet_code_names: Sequence[str], workbook_code_name: str
) -> bytes:
    """pyopenvba: add a project to a skeleton workbook as Excel would, add the modules, save."""
    from pyopenvba import ExcelFile, VBAModuleKind

    with tempfile.TemporaryDirectory(prefix="lm-excel-vba-") as tmp:
        skeleton = Path(tmp) / "skeleton.xlsm"
        out = Path(tmp) / "with-project.xlsm"
        _skeleton_xlsm(skeleton, sheet_code_names, workbook_code_name)
        with ExcelFile(skeleton) as book:
            project = book.add_vba_project()
            for m in modules:
                kind = VBAModuleKind.other if m.kind == CLASS else VBAModuleKind.standard
                project.add_module(m.name, m.crlf_source, kind=kind)
            book.save(out)
        with zipfile.ZipFile(out) as zf:
            return zf.read("xl/vbaProject.bin")


# --- the no-cache form ([MS-OVBA]) --------------------------------------------------------------

#: The whole ``_VBA_PROJECT`` stream: reserved 0x61CC, version 0xFFFF (no cache), reserved 0x00,
#: reserved 0x0000.
NO_CACHE_VBA_PROJECT = b"\xcc\x61\xff\xff\x00\x00\x00"
_PROJECTVERSION, _PROJECTCOOKIE, _MODULESTREAMNAME = 0x0009, 0x0013, 0x001A
_MODULEOFFSET, _MODULECOOKIE, _MODULE_END, _DIR_END = 0x0031, 0x002C, 0x002B, 0x0010


def dir_records(data: bytes) -> list[tuple[int, bytes]]:
    """The records of a decompressed ``dir`` stream, as (id, data), up to its terminator.

    Every record is Id (2 bytes), Size (4), Data, except PROJECTVERSION, whose 4-byte field is
    reserved and followed by 6 bytes of data. Bytes after the terminator are not returned.
    """
    records, i = [], 0
    while i + 6 <= len(data):
        rid, size = struct.unpack_from("<HI", data, i)
        if rid == _PROJECTVERSION:
            size = 6
        records.append((rid, bytes(data[i + 6:i + 6 + size])))
        i += 6 + size
        if rid == _DIR_END:
            return records
    raise LmExcelError("the VBA project's dir stream has no terminator")


def _dir_bytes(records: list[tuple[int, bytes]]) -> bytes:
    out = bytearray()
    for rid, body in records:
        if rid == _PROJECTVERSION:
            out += struct.pack("<HI", rid, 4) + body
        elif rid == _DIR_END:
            out += struct.pack("<HI", rid, 0)  # the 4-byte field is Reserved: nothing follows
        else:
            out += struct.pack("<HI", rid, len(body)) + body
    return bytes(out)


def without_cache(project: bytes) -> bytes:
    """``project`` (a vbaProject.bin) in the no-cache form described at the top of this module."""
    from pyopenvba.cfb import CFB
    from pyopenvba.vba import compress, decompress

    cfb = CFB.from_bytes(project)
    records = dir_records(decompress(cfb.get_stream_in_storage("VBA", "dir")))
    out, stream = [], None
    for rid, body in records:
        if rid == _MODULESTREAMNAME:
            stream = body.decode("cp1252")
        elif rid == _MODULEOFFSET:
            offset = struct.unpack("<I", body)[0]
            if offset and stream is not None:  # drop the compiled code before the source
                cfb.write_stream_in_storage("VBA", stream, cfb.get_stream_in_storage("VBA", stream)[offset:])
            body = struct.pack("<I", 0)
        elif rid in (_PROJECTCOOKIE, _MODULECOOKIE):
            body = b"\xff\xff"
        out.append((rid, body))
    for name in cfb.list_streams_in_storage("VBA"):
        if name.upper().startswith("__SRP_"):  # cached compiled state
            cfb.remove_stream_in_storage("VBA", name)
    cfb.write_stream_in_storage("VBA", "dir", compress(_dir_bytes(out)))
    cfb.write_stream_in_storage("VBA", "_VBA_PROJECT", NO_CACHE_VBA_PROJECT)
    return cfb.to_bytes()
