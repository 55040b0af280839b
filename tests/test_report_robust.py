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
from lm_excel.report.text import clean

from .report_models import big_records, example_model, model_from_records

NASTY = "Bad\x00 text\x01\x02\x08\x0b line\x0c feed\x1b[31m \x7f\x85\ud800 \ufffe\uffff end"
WORLD = "Familles 👨‍👩‍👧 soutien — 家庭支援 — دعم الأسرة — सहायता — Ελληνικά ✓ $x^2$ <b>&amp;"


def test_clean_removes_what_xml_forbids():
    out = clean(NASTY)
    assert all(ch in "\t\n" or ord(ch) >= 0x20 for ch in out)
    assert "\x00" not in out and "\ud800" not in out and "\ufffe" not in out
    assert out.startswith("Bad text") and out.endswith("end")
    assert "line\nfeed" in out.replace(" ", "")


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
    # The diagram draws as much as a box can hold: every line of every box fits its box.
    graph = D.build_graph(model)
    geo = D.layout_graph(graph)
    for node in graph.nodes:
        assert len(node.lines) <= D.MAX_LINES
        for i, line in enumerate(node.lines):
            room = geo.widths[node.stage] - 2 * D.PAD_X - (node.first_offset if i == 0 else 0)
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


def _inside(graph: D.Graph, geo: D.Geometry) -> None:
    """Every box and every arrow lies inside the drawing; boxes in a column never overlap."""
    for col in graph.columns:
        for a, b in itertools.pairwise(col):
            assert a.y + a.h <= b.y + 1e-9  # boxes never overlap
        assert col[-1].y + col[-1].h <= geo.height + 1e-9
    for steps in D._route(graph, geo):
        for _, (x, y) in steps:
            assert 0 <= x <= geo.width and 0 <= y <= geo.height, (x, y)


def _same_column_model():
    rec = example_model().to_records()
    oc = {o["id"]: o for o in rec.elements["outcomes"]}
    oc["OC9"]["contributes_to"] = "OC10, OC11"  # long-term to long-term: the last column
    oc["OC1"]["contributes_to"] = "OC2, " + str(oc["OC1"].get("contributes_to", ""))
    return model_from_records(rec)


def test_diagram_ids_in_order_full_text_and_every_link_inside():
    model = _same_column_model()
    graph = D.build_graph(model)
    inputs = [n.label for n in graph.columns[0]]
    assert inputs == sorted(inputs, key=D.id_key) and inputs[:2] == ["IN1", "IN2"]
    assert D.id_key("C2") < D.id_key("C10")
    geo = D.layout_graph(graph)
    assert (geo.width, geo.height) == (D.WIDTH_IN, D.HEIGHT_IN) and geo.font >= 6.5
    _inside(graph, geo)
    # Full text in every box: the words drawn are the statement's words, none cut.
    for node in graph.nodes:
        drawn = "".join(node.lines).replace(" ", "")
        assert drawn == node.text.replace(" ", ""), node.label
        assert not any(line.endswith("\u2026") for line in node.lines)
    # Links within the last column curve through a lane inside the drawing.
    last = len(graph.columns) - 1
    assert geo.lanes[last] > 0
    assert geo.xs[last] + geo.widths[last] + geo.lanes[last] <= geo.width


def test_dense_fans_share_a_trunk():
    rec = big_records(6)
    for c in rec.elements["components"]:
        c["inputs_used"] = "IN1, IN2"  # every component uses IN1: a fan of six arrows
    graph = D.build_graph(model_from_records(rec))
    geo = D.layout_graph(graph)
    in1 = graph.columns[0][0]
    fan = [steps for (a, _), steps in zip(graph.edges, D._route(graph, geo)) if a == in1.key]
    assert len(fan) == 6
    # Each leaves the box along the same straight trunk before it branches.
    assert len({(steps[0], steps[1]) for steps in fan}) == 1 and fan[0][1][0] == "L"


@pytest.mark.parametrize("per_stage", [1, 3, 8, 16])
def test_diagram_from_5_to_80_elements_fits_the_page_with_every_word(per_stage: int):
    graph = D.build_graph(model_from_records(big_records(per_stage)))
    geo = D.layout_graph(graph)
    assert (geo.width, geo.height) == (D.WIDTH_IN, D.HEIGHT_IN)
    assert geo.font >= 5.5
    _inside(graph, geo)
    for node in graph.nodes:
        assert node.lines and not node.lines[-1].endswith("\u2026"), node.label


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
