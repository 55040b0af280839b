"""What users read: the check's findings as an evaluator's review, not a lint log (issue 14).

- a suggested split of a compound outcome reads as English ('Reduction in violence', not
  'Reduction violence');
- where a table shows a finding's cell beside it, the message does not say the cell again
  ('Mechanism M1 names a quality ...', not 'Mechanism M1 (Mechanisms!B4) names ...');
- the report's appendix lists the rows a sheet-wide finding speaks of, since its fix says
  'for each assumption listed below';
- the Validation sheet names each problem in words, with the rule's code last, for looking it up.
"""

from __future__ import annotations

import openpyxl
import pytest

from lm_excel.checks import validate
from lm_excel.report import build_report
from lm_excel.usecases import check_workbook
from lm_excel.workbook.builder import build_workbook
from lm_excel.workbook.validation_sheet import HEADERS, TABLE_HEADER_ROW

from .modelkit import example, findings_at, model_of, row


@pytest.mark.parametrize("outcome, parts", [
    ("Reduction in reported family conflict and violence",
     ["Reduction in reported family conflict", "Reduction in violence"]),
    ("Increase in school attendance and reduction in exclusions",
     ["Increase in school attendance", "Reduction in exclusions"]),
    ("Parents more confident and less isolated", ["More confident", "Less isolated"]),
    ("Improved sleep and concentration", ["Improved sleep", "Improved concentration"]),
])
def test_a_suggested_split_reads_as_english(outcome, parts):
    rec = example()
    row(rec, "outcomes", "OC7")["outcome"] = outcome
    (f,) = findings_at(rec, "compound-outcome", "OC7")
    assert "; ".join(f"'{p}'" for p in parts) in f.fix, f.fix


def test_a_message_beside_its_cell_does_not_say_the_cell_again():
    rec = example()
    row(rec, "mechanisms", "M1")["mechanism"] = "Reachable moment"
    (f,) = findings_at(rec, "mechanism-no-causal-account", "M1")
    assert f"({f.ref})" in f.message  # the message alone (command line, JSON) names its cell
    assert f"({f.ref})" not in f.brief and f.brief.startswith("Mechanism M1 names")
    # another row's cell stays: it is not beside the message
    rec = example()
    row(rec, "components", "C3")["component"] = "Family support workers in four locality teams"
    (f,) = findings_at(rec, "restated-across-sheets", "C3")
    assert "(Inputs!B4)" in f.brief and "(Components!B6)" not in f.brief


def _untested_three():
    rec = example()
    for a in ("A2", "A3", "A4"):
        row(rec, "assumptions", a)["how_tested"] = ""
    return rec


def test_the_reports_appendix_lists_the_rows_under_a_sheet_wide_finding():
    model = model_of(_untested_three())
    report = validate(model)
    (head,) = [f for f in report.findings if f.code == "assumptions-untested"]
    assert "listed below" in head.fix
    doc = build_report(model, report, include_diagram=False, with_check_detail=True)
    (table,) = [t for t in doc.tables if t.rows[0].cells[0].text == "Severity"]
    texts = [[c.text for c in r.cells] for r in table.rows]
    at = next(i for i, r in enumerate(texts) if r[2].startswith("3 assumptions"))
    under = [r[2] for r in texts[at + 1:at + 4]]
    assert [u.split()[2] for u in under] == ["A2", "A3", "A4"], under
    assert all(u.startswith("\u21b3 ") for u in under) and all(not r[3] for r in texts[at + 1:at + 4])


def test_the_validation_sheet_names_each_problem_in_words_with_its_code_last(tmp_path):
    rec = example()
    row(rec, "mechanisms", "M1")["mechanism"] = "Reachable moment"
    path = build_workbook(tmp_path / "model.xlsx", rec)
    check_workbook(path, write=True, out=tmp_path / "checked.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "checked.xlsx")["Validation"]
    grid = [[c.value for c in r] for r in ws.iter_rows(min_row=TABLE_HEADER_ROW)]
    assert tuple(grid[0][:len(HEADERS)]) == HEADERS
    assert HEADERS[1] == "Problem" and HEADERS[-1] == "Code"
    (m1,) = [r for r in grid[1:] if r[HEADERS.index("Element")] == "M1"]
    assert m1[1] == "Mechanism without a causal account"
    assert m1[-1] == "mechanism-no-causal-account"
    assert m1[HEADERS.index("What is wrong")].startswith("Mechanism M1 names")
    result = {r[0].value: r[1].value for r in ws.iter_rows(min_row=1, max_row=TABLE_HEADER_ROW - 1) if r[0].value}
    assert result["Result"].startswith("No errors: ") and "0 errors" not in result["Result"], result["Result"]
