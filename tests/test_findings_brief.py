"""The brief of a finding: its message without its own cell, for the Validation sheet's table and
the command line's list, which show the cell beside it. The cell is left out of the message's
template, so the user's own words quoted in the message stay as written, even when they hold
something that looks like the cell."""

from __future__ import annotations

import openpyxl

from lm_excel.usecases import check_workbook
from lm_excel.workbook.builder import build_workbook
from lm_excel.workbook.validation_sheet import HEADERS, TABLE_HEADER_ROW

from .conftest import run_cli
from .modelkit import example, row


def _m1_rows(tmp_path, statement: str) -> tuple[list[list[object]], str]:
    """The Validation sheet's rows about M1, and the command line's lines about it, once M1's
    statement is ``statement``."""
    rec = example()
    row(rec, "mechanisms", "M1")["mechanism"] = statement
    src = build_workbook(tmp_path / "model.xlsx", rec)
    out = check_workbook(src, out=tmp_path / "checked.xlsx").output
    ws = openpyxl.load_workbook(out)["Validation"]
    rows = [[c.value for c in r][:len(HEADERS)] for r in ws.iter_rows(min_row=TABLE_HEADER_ROW + 1)]
    element = HEADERS.index("Element")
    cli = [line for line in run_cli("check", str(src)).stdout.splitlines() if "Mechanisms!B4" in line]
    return [r for r in rows if r[element] == "M1"], "\n".join(cli)


def test_the_brief_leaves_out_the_findings_own_cell(tmp_path):
    rows, cli = _m1_rows(tmp_path, "Relational permanence")
    (m1,) = rows
    assert (m1[HEADERS.index("Sheet")], m1[HEADERS.index("Cell")]) == ("Mechanisms", "B4")
    assert m1[HEADERS.index("What is wrong")] == (
        "Mechanism M1 names a quality or an aim, not how or why it brings change: "
        "'Relational permanence'.")
    assert cli.startswith("  Mechanisms!B4  ") and "Mechanism M1 names a quality" in cli
    assert "(Mechanisms!B4)" not in cli


def test_the_users_words_are_quoted_as_written_even_when_they_hold_the_cell(tmp_path):
    """Taking the cell out of the message by replacing its text also cut it out of the quoted
    statement ('Relational permanence (Mechanisms!B4)' was quoted as 'Relational permanence')."""
    rows, cli = _m1_rows(tmp_path, "Relational permanence (Mechanisms!B4)")
    (m1,) = rows
    assert m1[HEADERS.index("What is wrong")] == (
        "Mechanism M1 names a quality or an aim, not how or why it brings change: "
        "'Relational permanence (Mechanisms!B4)'.")
    assert "Mechanism M1 names a quality" in cli and "'Relational permanence (Mechanisms!B4)'" in cli
    assert "M1 (Mechanisms!B4)" not in cli  # the message's own mention of the cell is still left out
