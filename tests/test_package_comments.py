"""Comments added at package level (patch_workbook) next to relationships the sheet already has."""

import zipfile

import openpyxl
from defusedxml.ElementTree import fromstring

from lm_excel.workbook.xlsx_comments import CommentAdd
from lm_excel.workbook.xlsx_patch import patch_workbook


def test_a_comment_on_a_sheet_with_an_external_link_gets_its_own_relationship_id(tmp_path):
    src, dst = tmp_path / "in.xlsx", tmp_path / "out.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Notes"
    ws["A1"] = "Guide"
    ws["A1"].hyperlink = "https://example.org/guide"  # an external relationship of the sheet
    wb.save(src)

    patch_workbook(src, dst, [], comments=[CommentAdd("Notes", "B2", "Check the source", "Partner")])

    with zipfile.ZipFile(dst) as zf:
        rels = fromstring(zf.read("xl/worksheets/_rels/sheet1.xml.rels"))
    ids = [r.get("Id") for r in rels]
    assert len(ids) == len(set(ids)) == 3, ids  # hyperlink, comments, VML drawing
    back = openpyxl.load_workbook(dst)["Notes"]
    assert back["B2"].comment is not None and back["B2"].comment.text == "Check the source"
    assert back["A1"].hyperlink.target == "https://example.org/guide"
