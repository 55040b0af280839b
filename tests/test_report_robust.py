"""The report and diagram on awkward input: control characters, emoji, other scripts, huge cells,
big models; and the diagram's layout promises (ordering, wrapping, sizes, formats)."""

from __future__ import annotations

import io
import itertools
import time
from pathlib import Path

import docx
import pytest

from lm_excel.report import diagram as D
from lm_excel.report import save_diagram, write_report
from lm_excel.report.text import clean, shorten

from .report_models import big_records, example_model, model_from_records

NASTY = "Bad\x00 text\x01\x02\x08\x0b line\x0c feed\x1b[31m \x7f\x85\ud800 \ufffe\uffff end"
WORLD = "Familles 👨‍👩‍👧 soutien — 家庭支援 — دعم الأسرة — सहायता — Ελληνικά ✓ $x^2$ <b>&amp;"


def test_clean_removes_what_xml_forbids():
    out = clean(NASTY)
    assert all(ch in "\t\n" or ord(ch) >= 0x20 for ch in out)
    assert "\x00" not in out and "\ud800" not in out and "\ufffe" not in out
    assert out.startswith("Bad text") and out.endswith("end")
    assert "line\nfeed" in out.replace(" ", "")
    assert shorten("word " * 50, 30).endswith("\u2026") and len(shorten("word " * 50, 30)) <= 30


def _records_with(text: str, long: str = ""):
    rec = big_records(4, text)
    rec.intervention["name"] = "Name " + text
    rec.intervention["summary"] = text + long
    rec.intervention["local_context"] = text
    rec.elements["mechanisms"][0]["evidence"] = text + long
    rec.elements["negatives"][0]["mitigation"] = long or text
    return rec


def test_control_characters_emoji_and_other_scripts_do_not_crash(tmp_path: Path):
    model = model_from_records(_records_with(NASTY + " " + WORLD))
    out = write_report(tmp_path / "r.docx", model, diagram_out=tmp_path / "d.svg").path
    doc = docx.Document(str(out))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "家庭支援" in body and "👨‍👩‍👧" in body and "دعم الأسرة" in body
    assert "$x^2$ <b>&amp;" in body  # shown literally, not as maths or markup
    assert "\x00" not in body and "\x1b" not in body
    assert doc.core_properties.title.startswith("Name Bad text")
    svg = (tmp_path / "d.svg").read_text(encoding="utf-8")
    assert "&lt;b&gt;&amp;amp;" in svg and "\x01" not in svg
    from lxml import etree

    etree.fromstring(svg.encode("utf-8"))  # well-formed XML despite the input


def test_very_long_cells(tmp_path: Path):
    long = " ".join(f"sentence{i} about the family support offer." for i in range(2500))
    assert len(long) > 100_000
    model = model_from_records(_records_with("Long", long))
    result = write_report(tmp_path / "long.docx", model)
    doc = docx.Document(str(result.path))
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert long in cells  # full text kept in the table
    # The diagram shortens it: every line of every box fits its box.
    graph = D.build_graph(model)
    D.order_columns(graph)
    geo = D.layout_graph(graph)
    for node in graph.nodes:
        assert len(node.lines) <= D.MAX_LINES
        for i, line in enumerate(node.lines):
            room = geo.box_w - 2 * D.PAD_X - (node.first_offset if i == 0 else 0)
            assert D.text_width(line, geo.font) <= room + 1e-6, line


def test_three_hundred_element_model(tmp_path: Path):
    records = big_records(40)  # 8 sheets x 40 = 320 elements
    model = model_from_records(records)
    assert len(model) == 320
    start = time.perf_counter()
    result = write_report(tmp_path / "big.docx", model, diagram_out=tmp_path / "big.png")
    elapsed = time.perf_counter() - start
    doc = docx.Document(str(result.path))
    assert len(doc.inline_shapes) == 1
    # Each of the 40 mechanisms is written out in full.
    body = "\n".join(p.text for p in doc.paragraphs)
    assert all(f"M{i}. Mechanism {i}:" in body for i in range(1, 41))
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert any("The model is large" in c for c in captions)
    png = (tmp_path / "big.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    assert elapsed < 30  # the benchmark holds the real budget; this only catches blow-ups


def test_diagram_ordering_reduces_crossings():
    # Links that cross completely in workbook order: C1->M3, C2->M2, C3->M1 (and on to outcomes).
    rec = big_records(3)
    for key in ("inputs", "outputs", "context", "assumptions", "negatives"):
        rec.elements[key] = []
    rec.elements["mechanisms"] = [
        {"id": f"M{i}", "mechanism": f"Mechanism {i}", "triggered_by": f"C{4 - i}", "leads_to": f"OC{i}"}
        for i in (1, 2, 3)]
    rec.elements["outcomes"] = [
        {"id": f"OC{i}", "outcome": f"Outcome {i}", "timescale": "Short term",
         "contributes_to": ""} for i in (1, 2, 3)]
    rec.elements["components"] = [{"id": f"C{i}", "component": f"Component {i}"} for i in (1, 2, 3)]
    graph = D.build_graph(model_from_records(rec))
    assert D.count_crossings(graph) == 3  # every pair of component->mechanism links crosses
    assert D.order_columns(graph) == 0
    assert D.count_crossings(graph) == 0
    # The example's crossings drop too.
    ex = D.build_graph(example_model())
    before = D.count_crossings(ex)
    assert D.order_columns(ex) < before


def test_diagram_fits_a_landscape_page_for_forty_elements():
    model = model_from_records(big_records(8))  # 40 elements in the five drawn stages
    graph = D.build_graph(model)
    assert len(graph) == 40
    D.order_columns(graph)
    geo = D.layout_graph(graph)
    assert geo.height == D.HEIGHT_IN and geo.width == D.WIDTH_IN
    assert geo.font >= 6.5  # readable when printed
    for col in graph.columns:
        for a, b in itertools.pairwise(col):
            assert a.y + a.h <= b.y  # boxes never overlap
        assert col[-1].y + col[-1].h <= geo.height
    for node in graph.nodes:
        assert node.lines, node.label  # some of the text, not only the ID
    labels = [s.title for s in graph.stages]
    assert labels == ["Inputs", "Components", "Outputs", "Mechanisms", "Short-term outcomes",
                      "Medium-term outcomes", "Long-term outcomes"]


def test_diagram_png_and_svg(tmp_path: Path):
    from PIL import Image

    model = example_model()
    png = save_diagram(model, tmp_path / "d.png")
    with Image.open(png) as im:
        assert im.size == (round(D.WIDTH_IN * D.DPI), round(D.HEIGHT_IN * D.DPI))
        assert "Logic model diagram of Family Connect" in im.info.get("Description", "")
        # Not blank: the stage colours are there.
        colours = {c for _, c in im.convert("RGB").getcolors(1_000_000)}
        assert (0x1F, 0x5F, 0x8B) in colours and (0x7A, 0x1F, 0x3D) in colours
    svg = save_diagram(model, tmp_path / "d.svg").read_text(encoding="utf-8")
    from lxml import etree

    root = etree.fromstring(svg.encode("utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("role") == "img"
    assert svg.startswith("<?xml") and "<title id=\"title\">Logic model: Family Connect" in svg
    for el in model.components:
        assert f">{el.id}</text>" in svg
    assert svg.count("<polygon") == len(D.build_graph(model).edges)
    from lm_excel.errors import UsageError

    with pytest.raises(UsageError, match=r"\.png or \.svg"):
        save_diagram(model, tmp_path / "d.gif")


def test_drawing_leaves_matplotlib_global_state_alone():
    import subprocess
    import sys

    code = (
        "import sys, matplotlib\n"
        "from tests.report_models import example_model\n"
        "from lm_excel.report.diagram import render\n"
        "def snapshot():  # raw values: reading 'backend' normally would resolve it\n"
        "    return {k: repr(dict.__getitem__(matplotlib.rcParams, k)) for k in matplotlib.rcParams.keys()}\n"
        "before = snapshot()\n"
        "render(example_model())\n"
        "after = snapshot()\n"
        "assert before == after, 'rcParams changed'\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported'\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                          cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_missing_glyphs_are_replaced_without_warnings():
    # Characters no installed font has become a visible square (the full text is in the table).
    out = D.drawable("a\U0010fffd b")
    assert out[0] == "a" and out[-1] == "b" and D.MISSING_GLYPH in out
    D.render(model_from_records(_records_with(WORLD)), "png")  # warnings are errors in pytest


def test_import_lm_excel_report_is_light():
    import subprocess
    import sys

    code = ("import sys, lm_excel.report, lm_excel.commands.report; "
            "bad = [m for m in ('docx', 'matplotlib', 'PIL', 'lxml') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                          cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_png_is_deterministic_in_size():
    a = D.render(example_model())
    b = D.render(example_model())
    assert abs(len(a) - len(b)) < 100
    assert io.BytesIO(a).read(8) == b"\x89PNG\r\n\x1a\n"
