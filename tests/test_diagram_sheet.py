"""The Diagram sheet (issue 17): the picture, its alt text and caption, kept current, and
everything else in the workbook kept as it was."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from lm_excel import layout as L
from lm_excel.checks import validate
from lm_excel.usecases.diagram import diagram_state, draw_into
from lm_excel.example import example_records
from lm_excel.model import drawing_fingerprint
from lm_excel.report import diagram as D
from lm_excel.workbook.builder import build_workbook
from lm_excel.workbook.diagram_sheet import DRAWING_PART, PNG_PART, SVG_PART
from lm_excel.workbook.reader import read_workbook

from .conftest import soffice_convert
from .report_models import big_records, model_from_records

OWNED = {"xl/workbook.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels", DRAWING_PART,
         PNG_PART, SVG_PART, "xl/drawings/_rels/lmDiagram.xml.rels"}


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lm_excel", *args], capture_output=True,
                          text=True, cwd=cwd)


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def sheet_part(path: Path, name: str) -> str:
    """The part name of sheet ``name`` (through workbook.xml and its relationships)."""
    p = parts(path)
    wb = p["xl/workbook.xml"].decode()
    rid = re.search(rf'<sheet\b[^>]*name="{re.escape(name)}"[^>]*r:id="([^"]+)"', wb).group(1)
    rels = p["xl/_rels/workbook.xml.rels"].decode()
    target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid}"', rels)
    return "xl/" + (target.group(1) or target.group(2)).lstrip("/").removeprefix("xl/")


@pytest.fixture()
def example_xlsx(tmp_path: Path) -> Path:
    return build_workbook(tmp_path / "example.xlsx", example_records())


def test_blank_template_has_a_diagram_sheet_after_start_saying_nothing_is_drawn(tmp_path: Path):
    path = build_workbook(tmp_path / "blank.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:2] == [L.START.name, L.DIAGRAM.name]
    assert "No diagram has been drawn yet" in wb[L.DIAGRAM.name]["A3"].value
    model = read_workbook(path)
    assert not diagram_state(model).drawn
    assert "No diagram has been drawn yet" in diagram_state(model).note


def test_draw_adds_the_picture_with_alt_text_caption_and_fingerprint(example_xlsx: Path, tmp_path: Path):
    model = read_workbook(example_xlsx)
    out = draw_into(example_xlsx, tmp_path / "drawn.xlsx", model, today=dt.date(2026, 3, 3))
    p = parts(out)
    assert p[PNG_PART].startswith(b"\x89PNG") and b"<svg" in p[SVG_PART]
    drawing = p[DRAWING_PART].decode()
    descr = re.search(r'descr="([^"]*)"', drawing).group(1)
    assert descr.startswith("Logic model diagram of Family Connect")
    assert f"{len(D.build_graph(model).edges)} arrows" in descr
    assert "svgBlip" in drawing  # Excel 365 shows the SVG; older Excel and LibreOffice the PNG
    # The sheet points at the drawing, the drawing at the picture.
    diagram_part = sheet_part(out, L.DIAGRAM.name)
    assert '<drawing r:id="rIdLmDrawing"/>' in p[diagram_part].decode()
    wb = openpyxl.load_workbook(out)
    caption = wb[L.DIAGRAM.name]["A2"].value
    assert "version 1.0" in caption and "3 March 2026" in caption and "11 outcomes" in caption
    assert wb[L.DIAGRAM.name]["A3"].value is None  # current: no note
    drawn = read_workbook(out)
    assert drawn.meta[L.META_DIAGRAM_FINGERPRINT] == drawing_fingerprint(model)
    assert drawn.meta[L.META_DIAGRAM_DRAWN] == "2026-03-03"
    assert diagram_state(drawn).current
    # The model reads back unchanged.
    assert drawn.to_records().normalised() == model.to_records().normalised()


def test_everything_else_is_kept_byte_for_byte(example_xlsx: Path, tmp_path: Path):
    before = parts(example_xlsx)
    out = draw_into(example_xlsx, tmp_path / "drawn.xlsx", read_workbook(example_xlsx))
    after = parts(out)
    diagram_part = sheet_part(out, L.DIAGRAM.name)
    meta_part = sheet_part(out, L.META_SHEET)
    changed = {n for n in before if before[n] != after.get(n)}
    assert changed <= OWNED | {diagram_part, meta_part}
    assert set(before) <= set(after)
    assert example_xlsx.read_bytes() == example_xlsx.read_bytes()  # input untouched (same file)


def test_out_of_date_after_an_edit_is_an_info_finding_and_redrawing_clears_it(
        example_xlsx: Path, tmp_path: Path):
    drawn = draw_into(example_xlsx, tmp_path / "drawn.xlsx", read_workbook(example_xlsx),
                      today=dt.date(2026, 3, 3))
    assert "diagram-out-of-date" not in {f.code for f in validate(read_workbook(drawn)).findings}
    wb = openpyxl.load_workbook(drawn)
    ws = wb[L.OUTCOMES.name]
    ws.cell(L.HEADER_ROW + 1, 2).value = "Families feel less isolated and better connected"
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    model = read_workbook(edited)
    state = diagram_state(model)
    assert state.drawn and not state.current
    assert "drawn from version 1.0 on 3 March 2026" in state.note
    findings = [f for f in validate(model).findings if f.code == "diagram-out-of-date"]
    assert len(findings) == 1 and findings[0].severity == "info"
    assert findings[0].sheet == L.DIAGRAM.name
    # A change the picture does not show (who delivers, evidence) keeps it current.
    wb = openpyxl.load_workbook(drawn)
    wb[L.COMPONENTS.name].cell(L.HEADER_ROW + 1, L.COMPONENTS.columns.index(
        next(c for c in L.COMPONENTS.columns if c.key not in ("id", L.COMPONENTS.statement)
             and c.kind != "ids")) + 1).value = "Someone else"
    other = tmp_path / "other.xlsx"
    wb.save(other)
    assert diagram_state(read_workbook(other)).current
    redrawn = draw_into(edited, tmp_path / "redrawn.xlsx", model)
    assert diagram_state(read_workbook(redrawn)).current


def test_cli_diagram_writes_a_copy_or_in_place_with_a_backup(example_xlsx: Path, tmp_path: Path):
    res = cli("diagram", str(example_xlsx))
    assert res.returncode == 0, res.stderr
    out = example_xlsx.with_name("example-diagram.xlsx")
    assert res.stdout.strip() == str(out)
    assert diagram_state(read_workbook(out)).current
    again = cli("diagram", str(example_xlsx))
    assert again.returncode == 2 and "already exists" in again.stderr
    original = example_xlsx.read_bytes()
    res = cli("diagram", str(example_xlsx), "--in-place")
    assert res.returncode == 0, res.stderr
    backups = list(tmp_path.glob("example.bak*.xlsx"))
    assert backups and backups[0].read_bytes() == original
    assert diagram_state(read_workbook(example_xlsx)).current


def test_a_workbook_without_the_sheet_gets_it_after_start_and_names_still_point_right(tmp_path: Path):
    # An older or foreign workbook: the Diagram sheet removed, a print-titles name on a later sheet.
    src = build_workbook(tmp_path / "example.xlsx", example_records())
    wb = openpyxl.load_workbook(src)
    del wb[L.DIAGRAM.name]
    ws = wb[L.OUTCOMES.name]
    ws.print_title_rows = "3:3"
    old = tmp_path / "old.xlsx"
    wb.save(old)
    out = draw_into(old, tmp_path / "drawn.xlsx", read_workbook(old))
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == [L.START.name, L.DIAGRAM.name]
    assert wb[L.OUTCOMES.name].print_title_rows == "$3:$3"
    assert diagram_state(read_workbook(out)).current


def test_macro_enabled_workbook_keeps_its_vba(tmp_path: Path):
    xlsm = tmp_path / "buttons.xlsm"
    res = cli("new", str(xlsm), "--example")
    assert res.returncode == 0, res.stderr
    before = parts(xlsm)
    out = draw_into(xlsm, tmp_path / "drawn.xlsm", read_workbook(xlsm))
    after = parts(out)
    assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
    assert "macroEnabled" in after["[Content_Types].xml"].decode()


def test_large_models_stay_readable_at_the_largest_font():
    records = big_records(80)
    model = model_from_records(records)
    graph = D.build_graph(model)
    geo = D.layout_graph(graph, 15.0, D.natural_height(graph))
    assert geo.font == D.FONT_SIZES[0]


@pytest.mark.office
@pytest.mark.pdf
def test_libreoffice_prints_the_diagram_sheet_on_one_landscape_page(example_xlsx: Path, tmp_path: Path):
    out = draw_into(example_xlsx, tmp_path / "drawn.xlsx", read_workbook(example_xlsx))
    only = tmp_path / "only.xlsx"
    wb = openpyxl.load_workbook(out)
    # Print just the Diagram sheet: hide the rest from printing by converting a copy with LibreOffice
    pdf = soffice_convert(out, "pdf", tmp_path / "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True).stdout
    pages = text.split("\f")
    hit = [i for i, page in enumerate(pages) if "drawn by lm-excel" in page]
    assert hit == [1], "the caption should be on page 2 (the Diagram sheet, after Start)"
    assert shutil.which("pdfimages")
    listing = subprocess.run(["pdfimages", "-list", "-f", "2", "-l", "2", str(pdf)],
                             capture_output=True, text=True).stdout
    assert len(listing.strip().splitlines()) >= 3  # header lines + at least one image
    del wb, only


@pytest.mark.parametrize("command", ["plan", "check"])
def test_openpyxl_writers_keep_the_picture_as_drawn(command, example_xlsx: Path, tmp_path: Path):
    drawn = draw_into(example_xlsx, tmp_path / "drawn.xlsx", read_workbook(example_xlsx))
    before = parts(drawn)
    out = tmp_path / "out.xlsx"
    args = {"plan": ["plan", str(drawn), "-o", str(out)],
            "check": ["check", str(drawn), "--write", "-o", str(out)]}[command]
    res = cli(*args)
    assert res.returncode == 0, res.stderr
    after = parts(out)
    for name in (DRAWING_PART, PNG_PART, SVG_PART):
        assert after[name] == before[name], name
    assert not [n for n in after if n.startswith("xl/media/") and n not in (PNG_PART, SVG_PART)]
    assert '<drawing r:id="rIdLmDrawing"/>' in after[sheet_part(out, L.DIAGRAM.name)].decode()
    assert diagram_state(read_workbook(out)).current


def test_plan_redraws_a_stale_diagram_and_leaves_a_current_one(example_xlsx: Path, tmp_path: Path):
    drawn = draw_into(example_xlsx, tmp_path / "drawn.xlsx", read_workbook(example_xlsx),
                      today=dt.date(2026, 3, 3))
    res = cli("plan", str(drawn), "-o", str(tmp_path / "same.xlsx"))
    assert res.returncode == 0, res.stderr
    assert read_workbook(tmp_path / "same.xlsx").meta[L.META_DIAGRAM_DRAWN] == "2026-03-03"
    wb = openpyxl.load_workbook(drawn)
    wb[L.OUTCOMES.name].cell(L.HEADER_ROW + 1, 2).value = "Families feel less isolated"
    stale = tmp_path / "stale.xlsx"
    wb.save(stale)
    res = cli("plan", str(stale), "-o", str(tmp_path / "redrawn.xlsx"))
    assert res.returncode == 0, res.stderr
    redrawn = read_workbook(tmp_path / "redrawn.xlsx")
    assert diagram_state(redrawn).current
    assert redrawn.meta[L.META_DIAGRAM_DRAWN] == dt.date.today().isoformat()


def test_a_very_large_model_gets_a_smaller_png_and_the_same_svg():
    import struct

    from lm_excel.workbook.diagram_sheet import svg_size_in

    model = model_from_records(big_records(10))
    full = D.render_formats(model, ("png", "svg"), 144, width=15.0, height=0)
    capped = D.render_formats(model, ("png", "svg"), 144, width=15.0, height=0, max_pixels=400_000)
    w, h = struct.unpack(">II", capped["png"][16:24])
    assert w * h <= 400_000
    assert struct.unpack(">II", full["png"][16:24])[0] == 15 * 144
    assert capped["svg"] == full["svg"]
    assert svg_size_in(full["svg"])[0] == pytest.approx(15.0)
