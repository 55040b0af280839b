"""The report through the command line, and through LibreOffice: it converts to PDF without
error and the key strings land on the expected pages, in the expected orientation."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import docx
import pytest

from .conftest import run_cli, soffice_convert


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_cli_default_name_next_to_the_workbook(example_xlsx: Path, tmp_path: Path):
    src = tmp_path / "Family model.xlsx"
    shutil.copy(example_xlsx, src)
    before = _sha(src)
    proc = run_cli("report", str(src), "--no-page-numbers")
    assert proc.returncode == 0, proc.stderr
    expected = tmp_path / f"Family model report v1.0 {dt.date.today().isoformat()}.docx"
    assert proc.stdout.strip() == str(expected)
    assert expected.exists() and _sha(src) == before  # the workbook is only read
    assert docx.Document(str(expected)).core_properties.title.startswith("Family Connect")


def test_cli_refuses_to_overwrite_the_input(example_xlsx: Path, tmp_path: Path):
    src = tmp_path / "model.xlsx"
    shutil.copy(example_xlsx, src)
    before = _sha(src)
    proc = run_cli("report", str(src), "-o", str(src))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "end in .docx" in proc.stderr
    copy = tmp_path / "model.docx"
    shutil.copy(src, copy)
    proc = run_cli("report", str(src), "--diagram-out", str(tmp_path / "d.gif"))
    assert proc.returncode == 2 and ".png or .svg" in proc.stderr
    assert _sha(src) == before


def test_cli_never_writes_a_report_open_in_libreoffice(example_xlsx: Path, tmp_path: Path):
    out = tmp_path / "report.docx"
    out.write_bytes(b"open in Word")
    lock = tmp_path / ".~lock.report.docx#"
    lock.write_text("LibreOffice lock")
    argv = ["report", str(example_xlsx), "-o", str(out), "--diagram-out", str(tmp_path / "d.svg"),
            "--no-page-numbers"]
    proc = run_cli(*argv, "--force")
    assert proc.returncode == 2 and "is open in Excel or LibreOffice" in proc.stderr
    assert out.read_bytes() == b"open in Word" and not (tmp_path / "d.svg").exists()
    lock.unlink()
    proc = run_cli(*argv)
    assert proc.returncode == 2 and "already exists" in proc.stderr
    proc = run_cli(*argv, "--force")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines() == [str(out), str(tmp_path / "d.svg")]
    assert (tmp_path / "d.svg").read_text(encoding="utf-8").startswith("<?xml")


def test_cli_without_libreoffice_says_the_contents_have_no_page_numbers(
        example_xlsx: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    bin_dir = tmp_path / "bin"  # a PATH where no soffice is found
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))
    out = tmp_path / "r.docx"
    proc = run_cli("report", str(example_xlsx), "-o", str(out))
    assert proc.returncode == 0 and proc.stdout.strip() == str(out)
    assert proc.stderr.splitlines() == [(
        "lm-excel: note: the contents have no page numbers: LibreOffice is not installed (Word "
        "adds them when it opens the report)")]
    entries = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "TOC 1"]
    assert entries[0] == "Readiness summary" and not any("\t" in e for e in entries)
    # asked for no page numbers, nothing is said
    proc = run_cli("report", str(example_xlsx), "-o", str(out), "--force", "--no-page-numbers")
    assert proc.returncode == 0 and proc.stderr == ""


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for LibreOffice")
def test_cli_when_libreoffice_fails_says_so_at_once(example_xlsx: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"  # a LibreOffice that cannot start
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    if shutil.which("pdftotext"):
        (bin_dir / "pdftotext").symlink_to(shutil.which("pdftotext"))
    monkeypatch.setenv("PATH", str(bin_dir))
    out = tmp_path / "r.docx"
    # given up on as soon as LibreOffice has ended, not after the two minutes a layout may take
    proc = run_cli("report", str(example_xlsx), "-o", str(out), timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == str(out)
    assert proc.stderr.splitlines() == [(
        "lm-excel: note: the contents have no page numbers: LibreOffice could not lay the report "
        "out (Word adds them when it opens the report)")]
    assert docx.Document(str(out)).core_properties.title.startswith("Family Connect")


def test_cli_unreadable_workbook_is_one_line(tmp_path: Path):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("id,name\n1,x\n")
    proc = run_cli("report", str(bad))
    assert proc.returncode == 2 and proc.stderr.startswith("lm-excel: error: notes.xlsx:")
    assert not list(tmp_path.glob("*.docx"))


def test_demo_writes_the_report(tmp_path: Path):
    proc = run_cli("demo", str(tmp_path / "demo"))
    assert proc.returncode == 0, proc.stderr
    paths = [Path(p) for p in proc.stdout.split("\n") if p.strip()]
    reports = [p for p in paths if p.suffix == ".docx"]
    assert len(reports) == 1 and reports[0].exists()
    doc = docx.Document(str(reports[0]))
    assert doc.inline_shapes[0]._inline.docPr.get("descr")
    # The demo's report leads with the readiness of the example (which has no problems).
    h1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert h1[0] == "Readiness summary"
    assert h1[-2:] == ["Evaluation plan", "Appendix: the measures used"]
    assert any(p.text.startswith("This logic model is ready to guide an evaluation") for p in doc.paragraphs)


def _pages(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return [
        subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                       capture_output=True, text=True, check=True).stdout
        for n in range(1, count + 1)
    ]


def _landscape(pdf: Path, page: int) -> bool:
    info = subprocess.run(["pdfinfo", "-f", str(page), "-l", str(page), str(pdf)],
                          capture_output=True, text=True, check=True).stdout
    w, h = map(float, re.search(rf"Page\s+{page} size:\s+([\d.]+) x ([\d.]+)", info).groups())
    return w > h


def _first(pages: list[str], text: str, after: int = 0) -> int:
    """1-based number of the first page after ``after`` whose text contains ``text``."""
    for i, page in enumerate(pages, start=1):
        if i > after and text in re.sub(r"\s+", " ", page):
            return i
    raise AssertionError(f"{text!r} not found in the PDF")


@pytest.mark.office
@pytest.mark.pdf
def test_libreoffice_converts_the_report_and_pages_are_where_expected(example_xlsx: Path, tmp_path: Path):
    out = tmp_path / "example-report.docx"
    proc = run_cli("report", str(example_xlsx), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    pdf = soffice_convert(out, "pdf", tmp_path / "pdf")
    pages = _pages(pdf)
    n = len(pages)
    assert 8 <= n <= 20, n
    # Title page, then the contents and the readiness summary; the footer's fields are rendered.
    assert _first(pages, "Family Connect hybrid support") == 1
    assert _first(pages, "Logic model report") == 1
    assert _first(pages, "Contents") == 2
    assert _first(pages, "This logic model is ready to guide an evaluation") == 2
    assert f"Page 3 of {n}" in re.sub(r"\s+", " ", pages[2])
    assert "Family Connect hybrid support · version 1.0" in re.sub(r"\s+", " ", pages[2])
    # The contents in the saved file carry page numbers (laid out by LibreOffice when the
    # report was written), and each number is the page its heading is on.
    toc = {m.group(1).strip(): int(m.group(2)) for m in
           re.finditer(r"^(\S[^\n.]*?)\s*\.{3,}\s*(\d+)\s*$", pages[1], re.MULTILINE)}
    assert list(toc) == ["Readiness summary", "Summary", "Context", "The logic model at a glance",
                         "How it works", "Assumptions", "Potential negative consequences",
                         "Evaluation plan"], toc
    for heading, page in toc.items():
        lines = [ln.strip() for ln in pages[page - 1].splitlines()]
        assert heading in lines, (heading, page)
    glance = _first(pages, "The logic model at a glance", after=2)
    diagram = _first(pages, "Figure 1: Logic model diagram")
    assert 3 < glance < diagram
    assert _landscape(pdf, glance) and _landscape(pdf, diagram)
    assert not _landscape(pdf, 1) and not _landscape(pdf, 3)
    details = _first(pages, "Components in detail", after=2)
    works = _first(pages, "How it works", after=2)
    assert diagram < details < works and _landscape(pdf, details)
    assert not _landscape(pdf, works)
    # No blank pages: every page has more than its header and footer.
    for i, page in enumerate(pages, start=1):
        body = [ln for ln in page.splitlines() if ln.strip() and "Page " not in ln
                and "version 1.0" not in ln]
        assert len(body) >= 2, f"page {i} is empty"
    assert works < _first(pages, "Assumptions and confidence") < _first(
        pages, "Potential negative consequences, mitigation")
    # Table header rows repeat on every page the column table spans.
    table_pages = [i for i in range(glance, diagram) if "Short-term" in pages[i - 1]]
    assert table_pages and all("Long-term" in pages[i - 1] for i in table_pages)


@pytest.mark.office
@pytest.mark.pdf
def test_the_column_table_starts_on_the_first_page_of_the_model_at_a_glance(tmp_path: Path):
    """A short column table that does not fit beside the section's introduction is not pushed
    whole to the next page, leaving the heading and its introduction alone on a page of their own
    (seen on a published model entered as a user would: held out 28's Devon edge of care service)."""
    from lm_excel.workbook.builder import build_workbook

    from .published import published_models

    model = next(m for m in published_models() if m.key == "edge_of_care_adolescents_devon")
    src = build_workbook(tmp_path / "edge-of-care.xlsx", model.records())
    out = tmp_path / "edge-of-care-report.docx"
    proc = run_cli("report", str(src), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    pages = _pages(soffice_convert(out, "pdf", tmp_path / "pdf"))
    glance = _first(pages, "The logic model at a glance", after=2)
    assert _first(pages, "The logic model in columns", after=2) == glance
    assert "IN1 Edge of care team" in re.sub(r"\s+", " ", pages[glance - 1])


def _running_with(text: str) -> list[int]:
    """PIDs of processes whose command line mentions ``text`` (Linux /proc)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if text in cmdline.read_bytes().decode(errors="replace"):
                found.append(int(cmdline.parent.name))
        except OSError:
            continue
    return found


@pytest.mark.office
@pytest.mark.pdf
def test_a_libreoffice_started_early_gives_the_pages_the_pdf_gives_and_is_ended(
        example_xlsx: Path, tmp_path: Path):
    """The contents' page numbers from a LibreOffice started while the report is written (read
    through its uno bridge) are the pages the PDF shows; LibreOffice is ended either way."""
    from lm_excel.report import pages

    if pages.tools() is None:
        pytest.skip("LibreOffice or pdftotext is not installed")
    out = tmp_path / "r.docx"
    assert run_cli("report", str(example_xlsx), "-o", str(out)).returncode == 0  # numbered
    headings = ["Readiness summary", "Summary", "Context", "The logic model at a glance",
                "How it works", "Assumptions", "Potential negative consequences", "Evaluation plan"]
    office = pages.start_office()
    assert office is not None and office.proc is not None
    pid = office.proc.pid
    with office:
        early = office.layout_pages(out, headings)
    assert early == pages.layout_pages(out, headings)  # the PDF route
    assert len(early) == len(headings) and list(early.values()) == sorted(early.values())
    assert office.proc is None and not Path(office.tmp.name).exists()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert not _running_with(office.tmp.name)
    # one started and never used is ended at once, with its LibreOffice (soffice.bin included)
    unused = pages.start_office()
    assert unused is not None
    time.sleep(1.5)  # let the launcher start soffice.bin
    assert _running_with(unused.tmp.name), "the test cannot see LibreOffice's processes"
    with unused:
        pass
    assert unused.proc is None and unused.helper is None
    assert not _running_with(unused.tmp.name), "LibreOffice outlived its launcher"
    # and one never closed is ended when it is collected
    import gc

    forgotten = pages.start_office()
    assert forgotten is not None and forgotten.proc is not None
    proc = forgotten.proc
    del forgotten
    gc.collect()
    deadline = time.monotonic() + 10
    while proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert proc.poll() is not None


@pytest.mark.office
def test_a_profile_is_kept_for_the_next_start_and_copied_for_each_run(example_xlsx: Path,
                                                                    tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch):
    from lm_excel.report import pages

    if pages.tools() is None or pages.uno_python(str(pages.tools()[0])) is None:
        pytest.skip("LibreOffice, its uno Python or pdftotext is not installed")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    out = tmp_path / "r.docx"
    assert run_cli("report", str(example_xlsx), "-o", str(out), "--no-page-numbers").returncode == 0
    assert not pages.profile_cache().exists()
    with pages.start_office() as first:
        found = first.layout_pages(out, ["Summary"])
    assert found.get("Summary", 0) >= 2
    kept = pages.profile_cache()
    assert kept.is_dir() and any(kept.iterdir())
    # marked as having seen this LibreOffice: the next start skips LibreOffice's self-test
    settings = (kept / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    assert re.search(r'ooSetupLastVersion".*?<value>\d+\.\d+', settings)
    second = pages.start_office()
    assert second is not None
    with second:
        copied = Path(second.tmp.name, "profile")
        assert copied.is_dir() and copied != kept  # its own copy
        assert second.layout_pages(out, ["Summary"]) == found
    assert kept.is_dir()  # the kept one is left as it was


@pytest.mark.office
def test_headings_in_another_style_are_found_by_their_outline_level(tmp_path: Path):
    """The helper finds level-1 headings by the "Heading 1" style in one search; a document
    whose level-1 headings have another style (a reference document of the user's) still gets
    its pages, from every paragraph's outline level."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from lm_excel.report import pages

    if pages.tools() is None or pages.uno_python(str(pages.tools()[0])) is None:
        pytest.skip("LibreOffice, its uno Python or pdftotext is not installed")
    found = {}
    for style in ("Heading 1", "Part title"):
        doc = docx.Document()
        if style != "Heading 1":
            part = doc.styles.add_style(style, WD_STYLE_TYPE.PARAGRAPH)
            level = OxmlElement("w:outlineLvl")
            level.set(qn("w:val"), "0")  # Word's level 1
            part.element.get_or_add_pPr().append(level)
        for i, title in enumerate(["First", "Second", "Third"]):
            if i:
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                doc.add_paragraph("Some text on this page.")  # a filler page between parts
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            doc.add_paragraph(title, style=style)
            doc.add_paragraph(f"The text of part {title.lower()}.")
        path = tmp_path / f"{style}.docx"
        doc.save(str(path))
        with pages.start_office() as office:
            found[style] = office.layout_pages(path, ["First", "Second", "Third"])
        pdf = pages.layout_pages(path, ["First", "Second", "Third"], contents_page=1)
        assert found[style] == pdf
    assert found["Heading 1"] == found["Part title"] == {"First": 1, "Second": 3, "Third": 5}
