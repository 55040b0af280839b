"""LibreOffice, a real spreadsheet program, opens what we write."""

from __future__ import annotations

import pytest

from lm_excel.workbook.reader import read_workbook

from .conftest import soffice_convert

pytestmark = pytest.mark.office


def test_libreoffice_renders_the_example_to_pdf(tmp_path, example_xlsx):
    pdf = soffice_convert(example_xlsx, "pdf", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 20_000


def test_libreoffice_resave_reads_back_as_the_same_model(tmp_path, example_xlsx):
    resaved = soffice_convert(example_xlsx, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    assert read_workbook(resaved).to_records().normalised() == read_workbook(example_xlsx).to_records().normalised()


def test_libreoffice_opens_the_blank_template(tmp_path, blank_xlsx):
    resaved = soffice_convert(blank_xlsx, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    assert len(read_workbook(resaved)) == 0
