"""Every lm-excel writer keeps the parts it does not own: the xlwings Lite add-in (its settings,
task pane and the named buttons on Start) and other programs' parts.

Each writer is run as a user runs it (the command line), on a copy of a Lite workbook; the
output is opened as a zip package and read independently of the writer's own code.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from lm_excel import layout as L
from lm_excel.example import example_records
from lm_excel.workbook.addin import (
    CT_TASKPANES,
    CT_WEBEXTENSION,
    build_lite_workbook,
    read_settings,
)
from lm_excel.workbook.buttons import BUTTONS
from lm_excel.workbook.carry import carry_parts
from lm_excel.workbook.reader import read_workbook

from .conftest import run_cli

REQUIREMENT = "https://intranet.example.gov.uk/wheels/lm_excel-0.1.0-py3-none-any.whl"
NS = {"r": "http://schemas.openxmlformats.org/package/2006/relationships",
      "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
      "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"}


@pytest.fixture(scope="module")
def lite_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_lite_workbook(tmp_path_factory.mktemp("lite") / "model.xlsx", example_records(), REQUIREMENT)


@pytest.fixture()
def model(lite_model: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(lite_model, tmp_path / "model.xlsx"))


def _rels(zf: zipfile.ZipFile, name: str) -> list[ET.Element]:
    return ET.fromstring(zf.read(name)).findall("r:Relationship", NS)


def _start_part(zf: zipfile.ZipFile) -> str:
    wb = ET.fromstring(zf.read("xl/workbook.xml"))
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rid = next(s.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
               for s in wb.iter(main + "sheet") if s.get("name") == L.START.name)
    target = next(r.get("Target") for r in _rels(zf, "xl/_rels/workbook.xml.rels") if r.get("Id") == rid)
    return "xl/" + target.lstrip("/").removeprefix("xl/")


def assert_lite_kept(path: Path) -> None:
    """The add-in's settings, its package relationship and content types, and the three named
    button shapes on Start, still linked to their cells."""
    settings = read_settings(path)
    assert settings is not None, f"{path.name}: the xlwings Lite add-in was dropped"
    assert settings["main.py"] == "from lm_excel.lite import *\n"
    assert REQUIREMENT in settings["requirements.txt"].splitlines()
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        types = {o.get("PartName"): o.get("ContentType")
                 for o in ET.fromstring(zf.read("[Content_Types].xml")).findall("ct:Override", NS)}
        assert types.get("/xl/webextensions/webextension1.xml") == CT_WEBEXTENSION
        assert types.get("/xl/webextensions/taskpanes.xml") == CT_TASKPANES
        start = _start_part(zf)
        sheet_rels = f"{start.rsplit('/', 1)[0]}/_rels/{start.rsplit('/', 1)[1]}.rels"
        drawing_rels = [r for r in _rels(zf, sheet_rels) if r.get("Type").endswith("/drawing")]
        assert len(drawing_rels) == 1, f"{path.name}: Start has {len(drawing_rels)} drawings"
        rid = drawing_rels[0].get("Id")
        assert f'r:id="{rid}"'.encode() in zf.read(start) or f'id="{rid}"'.encode() in zf.read(start)
        drawing = "xl/" + drawing_rels[0].get("Target").split("../", 1)[-1]
        names = [c.get("name") for c in ET.fromstring(zf.read(drawing)).iter(f"{{{NS['xdr']}}}cNvPr")]
        assert names == [*(b.macro for b in BUTTONS), "LmLiteNote"]
        links = [r.get("Target") for r in _rels(zf, drawing.replace("drawings/", "drawings/_rels/") + ".rels")]
        assert links == [f"#{L.START.name}!{b.cell}" for b in BUTTONS]


def test_the_lite_workbook_itself_has_everything_checked_here(lite_model):
    assert_lite_kept(lite_model)


def test_check_write_keeps_the_addin(model):
    res = run_cli("check", str(model), "--write")
    assert res.returncode == 0, res.stderr
    out = model.with_name("model-checked.xlsx")
    assert_lite_kept(out)
    assert L.VALIDATION.name in read_workbook(out).extras


def test_check_in_place_keeps_the_addin(model):
    res = run_cli("check", str(model), "--in-place")
    assert res.returncode == 0, res.stderr
    assert_lite_kept(model)
    assert_lite_kept(model.with_name("model.bak.xlsx"))


def test_plan_keeps_the_addin(model):
    res = run_cli("plan", str(model))
    assert res.returncode == 0, res.stderr
    out = model.with_name("model-plan.xlsx")
    assert_lite_kept(out)
    assert read_workbook(out).extras.get(L.MEASURES_PLAN.name)


def test_plan_in_place_keeps_the_addin(model):
    res = run_cli("plan", str(model), "--in-place")
    assert res.returncode == 0, res.stderr
    assert_lite_kept(model)


def test_share_makes_a_lite_copy_of_a_lite_model(model):
    res = run_cli("share", str(model), "-o", str(model.with_name("for health.xlsx")), "--to", "Health")
    assert res.returncode == 0, res.stderr
    assert_lite_kept(model.with_name("for health.xlsx"))


def test_share_in_place_keeps_the_addin(model):
    res = run_cli("share", str(model), "--in-place", "--to", "Health")
    assert res.returncode == 0, res.stderr
    assert_lite_kept(model)


def test_merge_keeps_mine_s_addin(model, tmp_path):
    theirs = tmp_path / "theirs.xlsx"
    assert run_cli("share", str(model), "-o", str(theirs)).returncode == 0
    res = run_cli("merge", str(model), str(model), str(theirs), "-o", str(tmp_path / "merged.xlsx"))
    assert res.returncode == 0, res.stderr
    assert_lite_kept(tmp_path / "merged.xlsx")


def test_merge_in_place_keeps_the_addin(model, tmp_path):
    theirs = tmp_path / "theirs.xlsx"
    assert run_cli("share", str(model), "-o", str(theirs)).returncode == 0
    res = run_cli("merge", str(model), str(theirs), "--in-place")
    assert res.returncode == 0, res.stderr
    assert_lite_kept(model)


# --- the mechanism on parts lm-excel never makes ------------------------------------------------


def _foreign_package(path: Path) -> None:
    """A workbook with a picture on its second sheet and a package-level custom part, as another
    program might leave them."""
    import openpyxl
    from openpyxl.drawing.image import Image

    from PIL import Image as PILImage  # Pillow comes with matplotlib, a dependency

    wb = openpyxl.Workbook()
    wb.active.title = "One"
    two = wb.create_sheet("Two")
    png = path.with_suffix(".png")
    PILImage.new("RGB", (4, 4), "red").save(png)
    two.add_image(Image(str(png)), "B2")
    wb.save(path)
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    parts["custom/thing.xml"] = b"<thing xmlns='urn:example:thing'>kept</thing>"
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdX" Type="urn:example:thing-rel" Target="custom/thing.xml"/></Relationships>')
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/custom/thing.xml" ContentType="application/x-thing+xml"/></Types>')
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def test_carry_puts_back_a_foreign_package_part_and_a_sheet_picture(tmp_path):
    import openpyxl

    src = tmp_path / "src.xlsx"
    _foreign_package(src)
    out = tmp_path / "out.xlsx"
    wb = openpyxl.Workbook()  # the writer's own output: same sheets, an image of its own on One
    wb.active.title = "One"
    wb.create_sheet("Two")["A1"] = "written"
    from openpyxl.drawing.image import Image

    wb["One"].add_image(Image(str(src.with_suffix(".png"))), "C3")
    wb.save(out)
    carried = carry_parts(src, out)
    assert "custom/thing.xml" in carried.parts and carried.left == []
    with zipfile.ZipFile(out) as zf:
        assert zf.read("custom/thing.xml") == b"<thing xmlns='urn:example:thing'>kept</thing>"
        assert any(r.get("Type") == "urn:example:thing-rel" for r in _rels(zf, "_rels/.rels"))
        drawings = sorted(n for n in zf.namelist() if n.startswith("xl/drawings/drawing"))
        assert len(drawings) == 2, drawings  # the writer's own, and Two's under a free name
    back = openpyxl.load_workbook(out)
    assert len(back["One"]._images) == 1 and len(back["Two"]._images) == 1
    assert back["Two"]["A1"].value == "written"
    again = carry_parts(src, out)  # nothing is added twice
    assert again.parts == []


def test_carry_never_brings_a_vba_project_into_a_macro_free_copy(tmp_path):
    from lm_excel.workbook.buttons import build_macro_workbook

    xlsm = build_macro_workbook(tmp_path / "m.xlsm")
    res = run_cli("share", str(xlsm), "-o", str(tmp_path / "s.xlsx"))
    assert res.returncode == 0, res.stderr
    with zipfile.ZipFile(tmp_path / "s.xlsx") as zf:
        assert not [n for n in zf.namelist() if "vba" in n.lower()]
        assert b"macroEnabled" not in zf.read("[Content_Types].xml")


def test_diagram_keeps_the_addin(model):
    res = run_cli("diagram", str(model))
    assert res.returncode == 0, res.stderr
    assert_lite_kept(model.with_name("model-diagram.xlsx"))
    res = run_cli("diagram", str(model), "--in-place")
    assert res.returncode == 0, res.stderr
    assert_lite_kept(model)


def test_merge_takes_nothing_from_theirs_but_values(model, example_xlsx, tmp_path):
    """A partner's copy can change values, not slip parts (an add-in, shapes) into your model."""
    mine = Path(shutil.copy(example_xlsx, tmp_path / "mine.xlsx"))  # plain, no add-in
    res = run_cli("merge", str(mine), str(model), "-o", str(tmp_path / "merged.xlsx"))
    assert res.returncode == 0, res.stderr
    assert read_settings(tmp_path / "merged.xlsx") is None
    with zipfile.ZipFile(tmp_path / "merged.xlsx") as zf:
        assert not [n for n in zf.namelist() if "webextension" in n]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # openpyxl's own files
def test_carry_copes_with_every_workbook_of_the_foreign_corpus(tmp_path):
    """Packages written by other programs (custom properties, drawings, odd relationships): after
    an openpyxl re-save, carrying never fails, and the result is a sound package openpyxl loads,
    with nothing carried a second time."""
    import warnings

    import openpyxl

    from .conftest import CORPUS

    tried = 0
    for src in sorted([*CORPUS.glob("*.xlsx"), *CORPUS.glob("*.xlsm")]):
        out = tmp_path / src.name
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                openpyxl.load_workbook(src, keep_vba=src.suffix == ".xlsm").save(out)
        except Exception:  # noqa: BLE001  (openpyxl cannot round-trip it: not this test's concern)
            continue
        tried += 1
        carry_parts(src, out)
        with zipfile.ZipFile(out) as zf:
            assert zf.testzip() is None, src.name
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            openpyxl.load_workbook(out).close()
        assert carry_parts(src, out).parts == [], f"{src.name}: carried twice"
    assert tried >= 40, f"only {tried} corpus workbooks could be tried"
