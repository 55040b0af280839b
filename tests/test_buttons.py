"""The macro-enabled workbook: VBA source, the VBA project built into it, and its buttons."""

from __future__ import annotations

import inspect
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from lm_excel import xl

from lm_excel.workbook import buttons
from lm_excel import layout as L
from lm_excel.errors import LmExcelError
from lm_excel.workbook.reader import read_workbook
from lm_excel.workbook.vba import CLASS, VbaModule, vba_project_bin

from .conftest import ROOT, run_cli, soffice_path
from .olevba import olevba_modules

MACROS = sorted((ROOT / "macros").glob("*.bas"))
UNO_PYTHON = "/usr/bin/python3"


@pytest.fixture(scope="module")
def example_xlsm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from lm_excel.example import example_records

    return buttons.build_macro_workbook(tmp_path_factory.mktemp("xlsm") / "example.xlsm", example_records())


@pytest.fixture(scope="module")
def built_vba(example_xlsm: Path) -> dict[str, str]:
    return olevba_modules(example_xlsm)  # an independent reader, not the writer's library


def test_the_product_reads_the_vba_project_as_olevba_does(example_xlsm, built_vba):
    assert buttons.read_workbook_vba(example_xlsm) == built_vba


def assert_entry_points(source: str, where: str) -> set[str]:
    """Every RunPython command in ``source`` names an lm_excel.xl function callable with no arguments."""
    commands = buttons.runpython_commands(source)
    found = set()
    for command in commands:
        function = buttons.entry_point_of(command)
        assert function, f"{where}: RunPython command not of the form 'import lm_excel.xl as xl; xl.f()': {command!r}"
        target = getattr(xl, function, None)
        assert callable(target), f"{where}: lm_excel.xl has no function {function}()"
        required = [p for p in inspect.signature(target).parameters.values()
                    if p.default is inspect.Parameter.empty
                    and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
        assert not required, f"{where}: xl.{function}() has required arguments {required}"
        found.add(function)
    return found


# --- 1. RunPython strings -----------------------------------------------------------------------


def test_macro_sources_call_existing_entry_points():
    assert MACROS, "no macros/*.bas"
    called: set[str] = set()
    for path in MACROS:
        source = path.read_text(encoding="ascii")  # VBA stores cp1252: keep the sources ASCII
        called |= assert_entry_points(source, path.name)
    assert called == {b.function for b in buttons.BUTTONS}


def test_each_button_macro_is_a_sub_that_runs_its_own_entry_point():
    source = (ROOT / "macros" / "LmButtons.bas").read_text()
    subs = re.split(r"(?im)^\s*(?:Public\s+)?Sub\s+", source)[1:]
    bodies = {s.split("(", 1)[0]: s.split("End Sub", 1)[0] for s in subs}
    for button in buttons.BUTTONS:
        assert button.macro in bodies, f"no Sub {button.macro} in LmButtons.bas"
        commands = buttons.runpython_commands(bodies[button.macro])
        assert [buttons.entry_point_of(c) for c in commands] == [button.function]


def test_entry_point_parser_rejects_other_commands():
    assert buttons.entry_point_of("import lm_excel.xl as xl; xl.validate()") == "validate"
    assert buttons.entry_point_of("import os; os.system('x')") is None
    assert buttons.entry_point_of("import lm_excel.xl as xl; xl.validate(1)") is None
    assert buttons.runpython_commands('RunPython ("import a; a.b(""x"")")') == ['import a; a.b("x")']


def test_built_workbook_vba_calls_existing_entry_points(built_vba):
    joined = "\n".join(built_vba.values())
    assert assert_entry_points(joined, "built .xlsm") == {b.function for b in buttons.BUTTONS}


def test_built_vba_holds_our_modules_and_the_installed_xlwings(built_vba):
    from importlib.metadata import version

    for path in MACROS:
        name = path.stem
        assert name in built_vba, f"module {name} missing from the built workbook"
        def code(text: str) -> list[str]:
            return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("Attribute ")]

        ours, theirs = code(path.read_text()), code(built_vba[name])
        assert ours == theirs, f"module {name} differs from macros/{path.name}"
    assert buttons.vba_module_version(built_vba["xlwings"]) == version("xlwings")
    assert "Dictionary" in built_vba  # needed by xlwings.bas on a Mac
    # one document module for the workbook and one per sheet, as Excel makes them
    assert "ThisWorkbook" in built_vba
    assert {f"Sheet{i}" for i in range(1, len(L.SHEET_ORDER) + 1)} <= set(built_vba)


def test_probe_macro_writes_the_documented_cell():
    source = (ROOT / "macros" / f"{buttons.PROBE_MODULE}.bas").read_text()
    assert f"Sub {buttons.PROBE_MACRO}()" in source
    assert f'Worksheets("{L.START.name}").Range("{buttons.PROBE_CELL}")' in source


# --- 4. buttons on Start ------------------------------------------------------------------------

_NS = {
    "x": "urn:schemas-microsoft-com:office:excel",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
}


def _sheet_part(zf: zipfile.ZipFile, sheet_name: str) -> str:
    wb = ET.fromstring(zf.read("xl/workbook.xml"))
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
    rid = next(s.get(f"{{{ns['r']}}}id") for s in wb.find("m:sheets", ns) if s.get("name") == sheet_name)
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    target = next(r.get("Target") for r in rels if r.get("Id") == rid)
    return "xl/" + target.lstrip("/").removeprefix("xl/")


def buttons_on(path: Path, sheet_name: str) -> list[dict[str, object]]:
    """Form buttons drawn on a sheet (from its legacy VML drawing): caption, macro, anchor."""
    with zipfile.ZipFile(path) as zf:
        part = _sheet_part(zf, sheet_name)
        folder, name = part.rsplit("/", 1)
        sheet = ET.fromstring(zf.read(part))
        legacy = sheet.find("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}legacyDrawing")
        if legacy is None:
            return []
        rid = legacy.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        rels = ET.fromstring(zf.read(f"{folder}/_rels/{name}.rels"))
        target = next(r.get("Target") for r in rels if r.get("Id") == rid)
        vml = ET.fromstring(zf.read(str(Path(folder, target)).replace("\\", "/").replace("xl/worksheets/../", "xl/")))
    found = []
    for shape in vml.iter("{urn:schemas-microsoft-com:vml}shape"):
        data = shape.find("x:ClientData", _NS)
        if data is None or data.get("ObjectType") != "Button":
            continue
        anchor = [int(v) for v in data.find("x:Anchor", _NS).text.split(",")]
        caption = "".join(shape.find("v:textbox", _NS).itertext()).strip()
        found.append({"caption": caption, "macro": data.find("x:FmlaMacro", _NS).text,
                      "col": anchor[0], "row": anchor[2]})
    return found


def test_buttons_on_start_are_bound_to_the_button_macros(example_xlsm):
    found = buttons_on(example_xlsm, L.START.name)
    assert {(b["caption"], b["macro"]) for b in found} == {(b.caption, f"[0]!{b.macro}") for b in buttons.BUTTONS}
    source = "\n".join(p.read_text() for p in MACROS)
    for b in found:
        macro = str(b["macro"]).removeprefix("[0]!")
        assert re.search(rf"(?im)^\s*Public\s+Sub\s+{macro}\(\)", source), f"no public Sub {macro}"
        assert 4 <= int(b["col"]) <= 6, "buttons belong in columns E:G"  # 0-based E..G
        assert int(b["row"]) == L.START_BUTTONS_ROW - 1
    for other in L.SHEET_ORDER[1:]:
        assert buttons_on(example_xlsm, other) == []


def test_xlsm_is_macro_enabled_and_reads_back(example_xlsm):
    with zipfile.ZipFile(example_xlsm) as zf:
        types = zf.read("[Content_Types].xml").decode()
        assert "application/vnd.ms-excel.sheet.macroEnabled.main+xml" in types
        assert "xl/vbaProject.bin" in zf.namelist()
        assert 'codeName="ThisWorkbook"' in zf.read("xl/workbook.xml").decode()
    from pyopenvba import ExcelFile

    with ExcelFile(example_xlsm) as book:  # the writer's own integrity check of the embedded project
        assert book.validate() == []
        assert {r.name for r in book.references()} >= {"stdole", "Office"}
    model = read_workbook(example_xlsm)
    assert len(model) > 30
    from importlib.metadata import version

    assert model.meta[buttons.META_XLWINGS_VBA] == version("xlwings")


def test_cli_new_xlsm_and_refuses_other_suffixes(tmp_path):
    out = tmp_path / "blank.xlsm"
    proc = run_cli("new", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.exists() and buttons.read_workbook_vba(out)
    bad = run_cli("new", str(tmp_path / "x.xls"))
    assert bad.returncode == 2 and ".xlsm" in bad.stderr
    assert not (tmp_path / "x.xls").exists()


# --- the VBA writer -----------------------------------------------------------------------------


def test_vba_writer_refuses_bad_names_and_characters_vba_cannot_store():
    with pytest.raises(LmExcelError, match="not a valid VBA module name"):
        VbaModule("2bad", "Sub A()\nEnd Sub\n")
    with pytest.raises(LmExcelError, match="character VBA cannot store"):
        vba_project_bin([VbaModule("Emoji", 'Sub A()\n MsgBox "\U0001F600"\nEnd Sub\n')], ["Sheet1"])
    with pytest.raises(LmExcelError, match="used twice"):
        vba_project_bin([VbaModule("Sheet1", "Sub A()\nEnd Sub\n")], ["Sheet1"])


def test_vba_writer_output_reads_back_with_olevba(tmp_path):
    import xlsxwriter

    cls = 'VERSION 1.0 CLASS\nBEGIN\n  MultiUse = -1  \'True\nEND\nAttribute VB_Name = "Thing"\nPublic Size As Long\n'
    data = vba_project_bin([VbaModule("Hello", 'Attribute VB_Name = "Hello"\nSub Hi()\nEnd Sub\n'),
                            VbaModule("Thing", cls, CLASS)], ["Sheet1", "Sheet2"])
    path = tmp_path / "t.xlsm"
    wb = xlsxwriter.Workbook(path)
    wb.set_vba_name("ThisWorkbook")
    for i in (1, 2):
        wb.add_worksheet().set_vba_name(f"Sheet{i}")
    import io

    wb.add_vba_project(io.BytesIO(data), is_stream=True)
    wb.close()
    code = olevba_modules(path)
    assert set(code) == {"ThisWorkbook", "Sheet1", "Sheet2", "Hello", "Thing"}
    assert "Sub Hi()" in code["Hello"] and "Public Size As Long" in code["Thing"]


# --- 3. LibreOffice reads the project and runs our probe ----------------------------------------


def _uno_available() -> bool:
    if not Path(UNO_PYTHON).exists():
        return False
    return subprocess.run([UNO_PYTHON, "-c", "import uno"], capture_output=True, check=False).returncode == 0


@pytest.mark.office
def test_libreoffice_lists_our_modules_and_runs_the_probe(tmp_path, example_xlsm):
    assert soffice_path(), "LibreOffice is not installed"
    if not _uno_available():
        pytest.fail(f"Python-UNO is not available ({UNO_PYTHON} -c 'import uno' failed): install python3-uno")
    book = tmp_path / "probe.xlsm"
    shutil.copy(example_xlsm, book)
    proc = subprocess.run(
        [UNO_PYTHON, str(ROOT / "tests" / "uno_vba_probe.py"), str(book), buttons.PROBE_MODULE,
         buttons.PROBE_MACRO, L.START.name, buttons.PROBE_CELL,
         # LibreOffice Basic cannot compile xlwings' conditional compilation (see the script's
         # docstring); they are dropped in memory so that our own modules can run.
         "--drop", "xlwings", "--drop", "Dictionary", "--soffice", soffice_path()],
        capture_output=True, text=True, timeout=180, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert "VBAProject" in out["libraries"]
    for name in ("LmButtons", "LmProbe", "xlwings", "Dictionary", "ThisWorkbook"):
        assert name in out["modules"], f"LibreOffice does not list module {name}"
    from importlib.metadata import version

    assert f'XLWINGS_VERSION As String = "{version("xlwings")}"' in out["sources"]["xlwings"]
    assert "RunPython \"import lm_excel.xl as xl; xl.validate()\"" in out["sources"]["LmButtons"]
    assert out.get("error") is None, out.get("error")
    assert out["before"] == ""
    assert out["after"].startswith("Macros run in this workbook"), out
    assert book.read_bytes() == example_xlsm.read_bytes(), "the probe run must not save the file"


def test_installed_copy_finds_the_macros_inside_the_package(tmp_path, monkeypatch):
    """A wheel install has no macros/ beside the package: they are inside it, lm_excel/macros
    (the wheel itself is built and installed in tests/test_packaging.py)."""
    fake_pkg = tmp_path / "site-packages" / "lm_excel"
    data = fake_pkg / "macros"
    data.mkdir(parents=True)
    for path in MACROS:
        (data / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(buttons, "__file__", str(fake_pkg / "workbook" / "buttons.py"))
    assert buttons.macros_dir() == data
    assert [m.name for m in buttons.macro_modules()] == [p.stem for p in MACROS]
    for path in data.glob("*.bas"):
        path.unlink()
    with pytest.raises(LmExcelError, match="were not found"):
        buttons.macros_dir()
