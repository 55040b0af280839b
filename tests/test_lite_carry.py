"""Every lm-excel writer keeps the parts it does not own: the xlwings Lite add-in (its settings,
task pane and the named buttons on Start) and other programs' parts.

Each writer is run as a user runs it (the command line), on a copy of a Lite workbook; the
output is opened as a zip package and read independently of the writer's own code.
"""

from __future__ import annotations

import json
import re
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


# --- what cannot be put back is said, one line each ------------------------------------------------

_SHAPE = (b'<xdr:twoCellAnchor xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>'
          b'<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff>'
          b'<xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink="">'
          b'<xdr:nvSpPr><xdr:cNvPr id="9" name="A note of mine"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr>'
          b'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:sp><xdr:clientData/>'
          b'</xdr:twoCellAnchor>')


def _partner_copy(tmp_path: Path, example_xlsx: Path) -> Path:
    """The example as a partner left it: a sheet of their own with a picture, a comment on
    Outcomes, a renamed model sheet, and a picture plus a shape of their own on Start."""
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.drawing.image import Image

    pytest.importorskip("PIL")
    from PIL import Image as PILImage

    png = tmp_path / "red.png"
    PILImage.new("RGB", (4, 4), "red").save(png)
    wb = openpyxl.load_workbook(example_xlsx)
    notes = wb.create_sheet("Notes")
    notes["A1"] = "my notes"
    notes.add_image(Image(str(png)), "B2")
    wb["Outcomes"]["B5"].comment = Comment("Is this measurable?", "Kim")
    wb["Start"].add_image(Image(str(png)), "H2")
    wb["Assumptions"].title = "Our assumptions"
    path = tmp_path / "partner.xlsx"
    wb.save(path)
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    start = _start_part(zipfile.ZipFile(path))
    rels = parts[f"{start.rsplit('/', 1)[0]}/_rels/{start.rsplit('/', 1)[1]}.rels"]
    drawing = "xl/drawings/" + rels.split(b"drawings/")[1].split(b'"')[0].decode()
    shape = _SHAPE if b"</xdr:wsDr>" in parts[drawing] else _SHAPE.replace(b"xdr:", b"")
    parts[drawing] = re.sub(rb"</(xdr:)?wsDr>", lambda m: shape + m.group(0), parts[drawing])
    assert shape in parts[drawing]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def test_share_says_what_it_kept_out_one_line_each(tmp_path, example_xlsx):
    partner = _partner_copy(tmp_path, example_xlsx)
    res = run_cli("share", str(partner), "-o", str(tmp_path / "copy.xlsx"))
    assert res.returncode == 0, res.stderr
    kept_out = sorted(line for line in res.stdout.splitlines() if line.startswith("kept out of"))
    assert kept_out == [
        "kept out of copy.xlsx: 1 comment(s) on sheet 'Outcomes', because this command does not keep comments",
        "kept out of copy.xlsx: sheet 'Notes' with its pictures or shapes, because this command "
        "writes lm-excel's own sheets only",
    ], res.stdout  # the renamed Assumptions sheet is written as Assumptions: nothing lost there
    with zipfile.ZipFile(tmp_path / "copy.xlsx") as zf:  # Start's picture and shape were carried
        drawings = [n for n in zf.namelist() if n.startswith("xl/drawings/drawing")]
        assert any(b"A note of mine" in zf.read(n) for n in drawings), drawings


@pytest.mark.parametrize("command", ["check", "plan"])
def test_openpyxl_writers_say_which_shapes_they_lost(tmp_path, example_xlsx, command):
    # openpyxl keeps Start's picture but drops the shape beside it, and redraws the drawing:
    # the shape cannot be put back into a drawing the writer made, so it is named.
    partner = _partner_copy(tmp_path, example_xlsx)
    args = ["--write", "--json"] if command == "check" else []
    res = run_cli(command, str(partner), *args, "-o", str(tmp_path / "out.xlsx"))
    assert res.returncode in (0, 1), res.stderr
    line = ("kept out of out.xlsx: 1 picture(s) or shape(s) on sheet 'Start', because this command "
            "redrew that sheet's pictures")
    if command == "check":
        assert json.loads(res.stdout)["kept_out"] == [line]
    else:
        assert [x for x in res.stdout.splitlines() if x.startswith("kept out")] == [line]


def test_nothing_is_said_when_nothing_is_left_out(model):
    for args in (["check", str(model), "--write"], ["plan", str(model)], ["share", str(model), "-o",
                                                                          str(model.with_name("s.xlsx"))]):
        res = run_cli(*args)
        assert res.returncode == 0, res.stderr
        assert "kept out" not in res.stdout, args


def _actions_heading(path: Path) -> object:
    import openpyxl

    wb = openpyxl.load_workbook(path)
    try:
        return wb[L.START.name].cell(L.START_BUTTONS_ROW - 1, 5).value
    finally:
        wb.close()


def test_a_shared_copy_of_a_lite_workbook_keeps_the_actions_heading(tmp_path, example_xlsx):
    lite = tmp_path / "lite.xlsx"
    assert run_cli("new", str(lite), "--lite", "--requirement", REQUIREMENT).returncode == 0
    assert _actions_heading(lite) == "Actions"
    res = run_cli("share", str(lite), "-o", str(tmp_path / "shared.xlsx"))
    assert res.returncode == 0, res.stderr
    assert _actions_heading(tmp_path / "shared.xlsx") == "Actions"
    assert_lite_kept(tmp_path / "shared.xlsx")
    # A workbook without buttons gets no heading in its shared copy.
    res = run_cli("share", str(example_xlsx), "-o", str(tmp_path / "plain.xlsx"))
    assert res.returncode == 0, res.stderr
    assert _actions_heading(tmp_path / "plain.xlsx") is None
