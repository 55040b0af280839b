"""The report with the real quality check and the real measures plan (issues 3 and 4)."""

from __future__ import annotations

from pathlib import Path

import docx

from lm_excel.workbook.builder import build_workbook
from lm_excel.checks import validate
from lm_excel.example import example_records
from lm_excel.usecases.plan import plan_of
from lm_excel.workbook.plan_sheet import write_plan
from lm_excel.workbook.reader import read_workbook
from lm_excel.report import build_report

from .conftest import run_cli
from .test_report import headings


def _with_plan(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    workbook = build_workbook(folder / "example.xlsx", example_records())
    write_plan(workbook, plan_of(read_workbook(workbook)))
    return workbook


def test_report_with_real_findings_and_plan(tmp_path: Path):
    model = read_workbook(_with_plan(tmp_path))
    plan = plan_of(model)
    findings = validate(model)
    doc = build_report(model, findings=findings, plan=plan, include_diagram=False)
    level1 = [t for lvl, t in headings(doc) if lvl == 1]
    assert level1[0] == "Readiness summary"
    assert level1[-2:] == ["Evaluation plan", "Appendix: the measures used"]
    body = "\n".join(p.text for p in doc.paragraphs)
    for strand in plan.design:
        assert (3, strand.title) in headings(doc)
    # Every measure the plan chose for an outcome has its details in the appendix.
    chosen = {r.measure for r in plan.rows if r.measure and r.row_type.startswith("Outcome")}
    hs = headings(doc)
    start = hs.index((1, "Appendix: the measures used"))
    appendix = {t for lvl, t in hs[start + 1:] if lvl == 2}
    assert chosen and chosen <= appendix
    counts = findings.counts
    if sum(counts.values()) == 0:
        assert "the automatic check found no problems" in body
    else:
        assert "What is missing" in [t for _, t in hs]


def test_cli_report_includes_the_plan_only_when_the_workbook_has_one(tmp_path: Path):
    plain = build_workbook(tmp_path / "plain.xlsx", example_records())
    proc = run_cli("report", str(plain), "-o", str(tmp_path / "plain.docx"), "--no-page-numbers")
    assert proc.returncode == 0, proc.stderr
    level1 = [t for lvl, t in headings(docx.Document(str(tmp_path / "plain.docx"))) if lvl == 1]
    assert level1[0] == "Readiness summary" and "Appendix: the measures used" not in level1
    body = "\n".join(p.text for p in docx.Document(str(tmp_path / "plain.docx")).paragraphs)
    assert "No evaluation measures plan has been built yet." in body
    planned = _with_plan(tmp_path / "planned")
    proc = run_cli("report", str(planned), "-o", str(tmp_path / "planned.docx"), "--no-page-numbers")
    assert proc.returncode == 0, proc.stderr
    level1 = [t for lvl, t in headings(docx.Document(str(tmp_path / "planned.docx"))) if lvl == 1]
    assert level1[-2:] == ["Evaluation plan", "Appendix: the measures used"]


def test_cli_check_detail_appendix_only_when_asked(tmp_path: Path):
    records = example_records()
    records.elements["mechanisms"][0]["leads_to"] = "OC99"  # an unknown outcome: an error
    workbook = build_workbook(tmp_path / "model.xlsx", records)
    plain, detailed = tmp_path / "plain.docx", tmp_path / "detail.docx"
    assert run_cli("report", str(workbook), "-o", str(plain), "--no-page-numbers").returncode == 0
    proc = run_cli("report", str(workbook), "-o", str(detailed), "--with-check-detail",
                   "--no-page-numbers")
    assert proc.returncode == 0, proc.stderr
    assert "Appendix: the check in detail" not in [t for _, t in headings(docx.Document(str(plain)))]
    doc = docx.Document(str(detailed))
    assert [t for lvl, t in headings(doc) if lvl == 1][-1] == "Appendix: the check in detail"
    assert any("OC99" in c.text for r in doc.tables[-1].rows for c in r.cells)
