"""Headlines in what users see (issue 14): the CLI's summary line and text, the JSON, and the
Validation sheet lead with the whole-model verdicts, with the rows they concern grouped under
them and not repeated."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from lm_excel.workbook.builder import build_workbook
from lm_excel.usecases import check_workbook as check_file
from lm_excel.workbook.validation_sheet import DETAIL_MARK, SUMMARY_ROW, TABLE_HEADER_ROW

from .conftest import run_cli
from .modelkit import example, row
from .test_checks_model import _unlinked


@pytest.fixture(scope="module")
def unlinked_xlsx(tmp_path_factory) -> Path:
    """The example with no links at all, and one unrelated problem (an empty timescale)."""
    rec = _unlinked(example())
    row(rec, "outcomes", "OC3")["timescale"] = None
    return build_workbook(tmp_path_factory.mktemp("unlinked") / "unlinked.xlsx", rec)


def test_the_cli_leads_with_the_headline_and_lists_its_rows_under_it(unlinked_xlsx):
    proc = run_cli("check", str(unlinked_xlsx))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0] == "unlinked.xlsx: needs fixing (No causal chain; 2 errors, 0 warnings, 0 notes)"
    assert lines[1].startswith("Not ready to evaluate: No component is linked through a mechanism")
    assert lines[3] == "The model as a whole"
    assert lines[4].startswith("  (workbook)  error [no-causal-chain]: No component is linked")
    assert "      - Mechanisms!C4 [mechanism-no-trigger] M1: " in proc.stdout
    # each row it concerns once, under the headline, and not again by sheet
    assert proc.stdout.count("[mechanism-no-trigger] M1") == 1
    assert "Outcomes!C6  error [empty-required] OC3" in proc.stdout


def test_the_json_has_the_headline_first_with_its_details(unlinked_xlsx):
    proc = run_cli("check", str(unlinked_xlsx), "--json")
    data = json.loads(proc.stdout)
    assert data["counts"] == {"error": 2, "warning": 0, "info": 0}
    head = data["findings"][0]
    assert head["code"] == "no-causal-chain" and head["category"] == "model"
    assert {"mechanism-no-trigger", "outcome-no-contributor"} <= {d["code"] for d in head["details"]}
    assert all(f["details"] == [] for f in data["findings"][1:])


def test_the_validation_sheet_leads_with_the_headline_and_its_rows(tmp_path, unlinked_xlsx):
    result = check_file(unlinked_xlsx, write=True, out=tmp_path / "out.xlsx")
    ws = openpyxl.load_workbook(result.output)["Validation"]
    assert ws.cell(SUMMARY_ROW + 2, 2).value.startswith("Needs fixing: No causal chain; 2 errors")
    assert ws.cell(SUMMARY_ROW + 6, 1).value == "Verdict"
    assert ws.cell(SUMMARY_ROW + 6, 2).value.startswith("Not ready to evaluate: No component is linked")
    first = TABLE_HEADER_ROW + 1
    # column B names the problem in words, column H its code
    assert [ws.cell(first, c).value for c in (1, 2, 3, 8)] == ["Error", "No causal chain", "(workbook)",
                                                               "no-causal-chain"]
    assert ws.cell(first, 2).font.bold
    head = result.report.findings[0]
    details = [ws.cell(first + 1 + i, 6).value for i in range(len(head.details))]
    assert all(d.startswith(DETAIL_MARK) for d in details)
    assert [ws.cell(first + 1 + i, 8).value for i in range(len(head.details))] == [d.code for d in head.details]
    after = first + 1 + len(head.details)
    assert [ws.cell(after, c).value for c in (1, 8, 3, 4)] == ["Error", "empty-required", "Outcomes", "C6"]
    assert ws.cell(after + 1, 1).value is None
    # the details' cells are highlighted like any finding's
    assert any("C4" in str(cf.sqref) for cf in openpyxl.load_workbook(result.output)["Mechanisms"].conditional_formatting)


def test_a_sheet_wide_finding_lists_its_rows_in_the_cli_and_on_the_validation_sheet(tmp_path):
    rec = example()
    for a in rec.elements["assumptions"]:
        a["how_tested"] = ""
    path = build_workbook(tmp_path / "untested.xlsx", rec)
    proc = run_cli("check", str(path))
    # every assumption but A1 (rated Strong): A4 is rated Some, only partly evidenced
    assert "warning [assumptions-untested]: 5 assumptions not rated Strong" in proc.stdout
    assert "      - Assumptions!E6 [assumption-untested] A3: " in proc.stdout
    result = check_file(path, write=True, out=tmp_path / "out.xlsx")
    ws = openpyxl.load_workbook(result.output)["Validation"]
    first = TABLE_HEADER_ROW + 1
    assert [ws.cell(first + i, 8).value for i in range(6)] == ["assumptions-untested"] + ["assumption-untested"] * 5
    assert ws.cell(first + 1, 6).value.startswith(DETAIL_MARK)


def test_the_reports_readiness_summary_names_the_rows_a_headline_groups():
    """A headline says a problem once; the report's summary still names the rows under it and
    does not praise what the headline faults (three mechanisms that are only labels)."""
    from lm_excel.checks import validate
    from lm_excel.report.readiness import assess

    from .modelkit import model_of

    rec = example()
    for mid, text in (("M1", "Whole family approach"), ("M2", "Reflective supervision"),
                      ("M4", "Peer support")):
        row(rec, "mechanisms", mid)["mechanism"] = text
    model = model_of(rec)
    report = validate(model)
    assert [f.code for f in report.findings] == ["mechanisms-unexplained"]
    summary = assess(model, report)
    assert any("mechanisms (M1, M2 and M4)" in g for g in summary.gaps), summary.gaps
    assert not any("explain how and why change happens" in s for s in summary.strengths)
