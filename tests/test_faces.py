"""Every face gives the same verdict on the same workbook.

The faces: ``lm-excel check``, the check appendix of ``lm-excel report --with-check-detail``
and the readiness summary of the default report, the Check button (``xl.validate``) and the
Create Word report button (``xl.word_report``) on xlwings' remote engine, and the per-workbook
check status of ``lm-excel portfolio``. The workbooks: the worked
example without a plan, with its plan, and with a plan that disagrees with the model (three
baselines blanked on the Measures plan sheet: the issue's example, three warnings).
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from lm_excel import layout as L
from lm_excel import xl
from lm_excel.usecases import build_plan, check_workbook
from lm_excel.workbook.validation_sheet import TABLE_HEADER_ROW

from .conftest import run_cli
from .test_xl import alerts, remote_book, writes_to

SEVERITY = {"error": "error", "warning": "warning", "info": "info", "note": "info"}
Verdict = Counter  # (severity, message) -> how many times


@pytest.fixture(autouse=True)
def remote_engine_licence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")  # tests only (see test_xl)


def _blank_baselines(path: Path, n: int) -> list[str]:
    """Blank the baseline of the first ``n`` plan rows that have a measure and a baseline, as a
    user would in Excel; return their IDs."""
    wb = openpyxl.load_workbook(path)
    ws = wb[L.MEASURES_PLAN.name]
    header = {c.key: c.header for c in L.PLAN_COLUMNS}
    col = {key: [c.value for c in ws[L.HEADER_ROW]].index(h) + 1 for key, h in header.items()}
    done: list[str] = []
    for r in range(L.HEADER_ROW + 1, ws.max_row + 1):
        if len(done) == n:
            break
        if ws.cell(r, col["measure"]).value and ws.cell(r, col["baseline"]).value:
            ws.cell(r, col["baseline"]).value = None
            done.append(ws.cell(r, col["ref"]).value)
    wb.save(path)
    return done


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory, example_xlsx: Path) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("faces")
    plain = folder / "no plan" / "model.xlsx"
    plain.parent.mkdir()
    shutil.copy(example_xlsx, plain)
    planned = folder / "plan" / "model.xlsx"
    planned.parent.mkdir()
    build_plan(example_xlsx, planned)
    disagrees = folder / "disagrees" / "model.xlsx"
    disagrees.parent.mkdir()
    shutil.copy(planned, disagrees)
    assert len(_blank_baselines(disagrees, 3)) == 3
    return {"no plan": plain, "plan": planned, "disagrees": disagrees}


def _verdict(rows: list[tuple[str, str]]) -> Verdict:
    return Counter((SEVERITY[s.strip().lower()], m.strip()) for s, m in rows)


def cli_check(path: Path) -> Verdict:
    proc = run_cli("check", str(path), "--json")
    assert proc.returncode in (0, 1), proc.stderr
    return _verdict([(f["severity"], f["message"]) for f in json.loads(proc.stdout)["findings"]])


def _report_verdict(docx_path: Path) -> Verdict:
    import docx

    doc = docx.Document(str(docx_path))
    tables = [t for t in doc.tables
              if [c.text for c in t.rows[0].cells] == ["Severity", "Where", "What the check found",
                                                       "How to fix it"]]
    if not tables:  # "The automatic check of this logic model found no problems."
        assert any("found no problems" in p.text for p in doc.paragraphs)
        return Counter()
    (table,) = tables
    return _verdict([(r.cells[0].text, r.cells[2].text) for r in table.rows[1:]])


def cli_report(path: Path, tmp: Path, *options: str) -> Path:
    out = tmp / f"{path.parent.name}{''.join(options)}.docx"
    proc = run_cli("report", str(path), "-o", str(out), *options)
    assert proc.returncode == 0, proc.stderr
    return out


def _text(docx_path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(docx_path)).paragraphs)


def readiness_lines(path: Path) -> list[str]:
    """What the readiness summary of the report must say, from the check every face runs."""
    from lm_excel.report.readiness import assess

    result = check_workbook(path)
    summary = assess(result.model, result.report, result.plan)
    return [summary.verdict, *summary.gaps]


def button_check(path: Path) -> Verdict:
    book = remote_book(path)
    xl.validate(book)
    assert alerts(book) == []
    (block,) = [a for a in writes_to(book, L.VALIDATION.name)
                if a["start_row"] == TABLE_HEADER_ROW and a["start_column"] == 0]
    rows = block["values"]
    if rows == [["No problems found."]]:
        return Counter()
    return _verdict([(r[0], r[5]) for r in rows])


def button_report(path: Path, tmp: Path) -> Path:
    folder = tmp / f"button {path.parent.name}"
    folder.mkdir()
    copy = folder / path.name
    shutil.copy(path, copy)
    book = remote_book(copy)
    xl.word_report(book, open_file=False)
    assert alerts(book) == []
    (report,) = folder.glob("*.docx")
    return report


def portfolio_counts(path: Path, tmp: Path) -> tuple[int, int]:
    folder = tmp / f"portfolio {path.parent.name}"
    folder.mkdir()
    shutil.copy(path, folder / path.name)
    out = tmp / f"summary {path.parent.name}.xlsx"
    proc = run_cli("portfolio", str(folder), "-o", str(out), "--jobs", "1", "--no-progress")
    assert proc.returncode == 0, proc.stderr
    ws = openpyxl.load_workbook(out, read_only=True)["Workbooks"]
    rows = list(ws.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r and r[0] == "File")
    head, (row,) = rows[header], rows[header + 1:header + 2]
    return row[head.index("Check errors")], row[head.index("Check warnings")]


@pytest.mark.parametrize("name", ["no plan", "plan", "disagrees"])
def test_every_face_gives_the_same_findings(name: str, workbooks: dict[str, Path], tmp_path: Path):
    path = workbooks[name]
    expected = check_workbook(path).report
    want = _verdict([(f.severity, f.message) for f in expected.findings])
    assert cli_check(path) == want
    # the Validation sheet and the report's table show each finding's cell beside its message, so
    # the message there leaves it out (Finding.brief); the finding is the same
    beside = _verdict([(f.severity, f.brief) for f in expected.findings])
    assert button_check(path) == beside
    assert _report_verdict(cli_report(path, tmp_path, "--with-check-detail")) == beside
    # The default report says what the check found in plain words: the same from both faces.
    lines = readiness_lines(path)
    for text in (_text(cli_report(path, tmp_path)), _text(button_report(path, tmp_path))):
        missing = [line for line in lines if line not in text]
        assert not missing, missing
    assert portfolio_counts(path, tmp_path) == (expected.counts["error"], expected.counts["warning"])


def test_a_plan_that_disagrees_with_the_model_gives_its_warnings(workbooks: dict[str, Path]):
    """The issue's example: three baselines blanked on the plan are three warnings, pointing
    at the plan's cells; without a plan the readiness rules do not run."""
    plain = check_workbook(workbooks["no plan"])
    planned = check_workbook(workbooks["plan"])
    disagrees = check_workbook(workbooks["disagrees"])
    assert plain.plan is None and "no-baseline" not in plain.report.codes()
    assert planned.plan is not None and "no-baseline" not in planned.report.codes()
    missing = [f for f in disagrees.report.findings if f.code == "no-baseline"]
    assert len(missing) == 3 and all(f.sheet == L.MEASURES_PLAN.name for f in missing)
    assert disagrees.report.counts["warning"] == planned.report.counts["warning"] + 3
    gap = [line for line in readiness_lines(workbooks["disagrees"]) if "without a baseline" in line]
    assert len(gap) == 1 and gap[0].startswith("Three measures (OC4, OC5 and OC6)")
