"""The diagram's PNG is painted by matplotlib's Agg core without its backend module (a cheaper
import, issue 17's refresh budget): the same pixels as matplotlib's full renderer."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops

import lm_excel.report.agg as agg
import lm_excel.report.diagram as D
from lm_excel.example import example_records

from .report_models import model_from_records

ROOT = Path(__file__).resolve().parents[1]


def _png(monkeypatch: pytest.MonkeyPatch, forced_full: bool) -> Image.Image:
    real = agg.renderer
    monkeypatch.setattr(agg, "renderer", lambda w, h, dpi, full=False: real(w, h, dpi, full=forced_full))
    png = D.render_formats(model_from_records(example_records()), ("png",), 96)["png"]
    return Image.open(io.BytesIO(png)).convert("RGB")


def test_the_light_renderer_paints_the_same_pixels_as_matplotlib_s_own(monkeypatch):
    assert isinstance(agg.renderer(10, 10, 72), agg._Core)  # the installed matplotlib takes the light path
    light, full = _png(monkeypatch, False), _png(monkeypatch, True)
    assert light.size == full.size
    assert ImageChops.difference(light, full).getbbox() is None


def test_drawing_the_sheet_picture_imports_no_text_machinery(tmp_path):
    # matplotlib's backend_bases (text, artists, mathtext) and xml.sax.saxutils (urllib, http,
    # email, ssl) were most of the refresh's import time; drawing needs neither.
    code = (
        "import sys\n"
        "from lm_excel.example import example_records\n"
        "from lm_excel.model import LogicModel\n"
        "from tests.report_models import model_from_records\n"
        "from lm_excel.usecases.diagram import sheet_picture\n"
        "sheet_picture(model_from_records(example_records()))\n"
        "print(sorted(m for m in ('matplotlib.backend_bases', 'matplotlib.text', 'xml.sax.saxutils',"
        " 'urllib.request') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
