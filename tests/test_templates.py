"""templates/: the ready-made workbooks are what templates/make_templates.py makes today.

When this fails, the builder (or the layout, the example, the add-in parts, a version) changed
after the templates were made: run ``python templates/make_templates.py`` and commit the result.
"""

from __future__ import annotations

import runpy
import zipfile
from pathlib import Path

import pytest

from lm_excel.example import example_records
from lm_excel.workbook.addin import read_settings
from lm_excel.workbook.reader import read_workbook

from .conftest import ROOT

SCRIPT = ROOT / "templates" / "make_templates.py"


@pytest.fixture(scope="module")
def script() -> dict:
    return runpy.run_path(str(SCRIPT), run_name="templates")


@pytest.fixture(scope="module")
def fresh(script, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("templates")
    script["build_templates"](folder)
    return folder


#: The example's diagram picture: its pixels and glyph outlines depend on the installed font
#: library, so it is compared by kind (a PNG, an SVG), everything else byte for byte.
PICTURES = {"xl/media/lmDiagram.png": b"\x89PNG", "xl/media/lmDiagram.svg": b"<?xml"}


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    for name, head in PICTURES.items():
        if name in parts:
            assert parts[name].startswith(head), name
            parts[name] = head
    return parts


def test_committed_templates_are_what_the_builder_makes_now(script, fresh):
    for name in script["TEMPLATES"]:
        committed = ROOT / "templates" / name
        assert committed.is_file(), f"templates/{name} is missing: run python templates/make_templates.py"
        old, new = _parts(committed), _parts(fresh / name)
        stale = sorted(n for n in old.keys() | new.keys() if old.get(n) != new.get(n))
        assert not stale, (f"templates/{name} is out of date ({', '.join(stale[:5])} differ): "
                           "run python templates/make_templates.py and commit the result")


def test_generation_is_deterministic(script, fresh, tmp_path):
    script["build_templates"](tmp_path)
    for name in script["TEMPLATES"]:
        assert _parts(tmp_path / name) == _parts(fresh / name), name


def test_each_template_is_what_its_name_says(script):
    folder = ROOT / "templates"
    blank, lite, example = (folder / n for n in (script["BLANK"], script["LITE"], script["EXAMPLE"]))
    assert read_settings(blank) is None
    for path in (blank, lite, example):
        with zipfile.ZipFile(path) as zf:
            assert not [n for n in zf.namelist() if "vba" in n.lower()], f"{path.name} has macros"
    assert read_settings(lite)["main.py"] == read_settings(example)["main.py"] == "from lm_excel.lite import *\n"
    assert read_workbook(blank).to_records().normalised() == read_workbook(lite).to_records().normalised()
    assert read_workbook(example).to_records().normalised() == example_records().normalised()
    assert read_workbook(example).meta["created"] == script["FIXED_DATE"]


@pytest.mark.office
def test_libreoffice_opens_each_template_and_keeps_the_lite_buttons(script, tmp_path):
    """LibreOffice opens each template and saves it again with its logic model and, in a Lite
    one, the three named buttons: it read the shapes, their names and links."""
    from .conftest import soffice_convert, soffice_path

    assert soffice_path(), "LibreOffice is not installed"
    for name in script["TEMPLATES"]:
        src = ROOT / "templates" / name
        again = soffice_convert(src, "xlsx", tmp_path / "xlsx")
        with zipfile.ZipFile(again) as zf:
            drawings = b"".join(zf.read(n) for n in zf.namelist() if n.startswith("xl/drawings/drawing"))
        names = {m for m in (b"LmCheck", b"LmBuildMeasuresPlan", b"LmCreateWordReport") if b'name="' + m + b'"' in drawings}
        assert len(names) == (0 if name == script["BLANK"] else 3), (name, names)
        assert read_workbook(again).to_records().normalised() == read_workbook(src).to_records().normalised()
