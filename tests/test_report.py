"""The Word report: reopen the saved document and check its content, structure and accessibility."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from lm_excel.findings import Finding
from lm_excel.measures.library import Measure, MeasureLibrary
from lm_excel.measures.plan import DesignStrand, Plan, PlanRow
from lm_excel.report import build_report, write_report
from lm_excel.report.document import ReportResult, default_report_path

from .report_models import big_records, example_model, model_from_records

WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def headings(doc: docx.document.Document) -> list[tuple[int, str]]:
    """(level, text) of every Title / Heading paragraph, in order (Title is level 0)."""
    out = []
    for p in doc.paragraphs:
        name = p.style.name if p.style is not None else ""
        if name == "Title":
            out.append((0, p.text))
        elif name.startswith("Heading "):
            out.append((int(name.split()[1]), p.text))
    return out


@pytest.fixture(scope="module")
def example_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, docx.document.Document]:
    out = tmp_path_factory.mktemp("report") / "example.docx"
    result = write_report(out, example_model())
    assert isinstance(result, ReportResult) and result.path == out and not result.renamed
    return out, docx.Document(str(out))


CORE = ["Readiness summary", "Summary", "Context", "The logic model at a glance", "How it works",
        "Assumptions", "Potential negative consequences", "Evaluation plan"]


def test_headings_in_order_and_sections_present(example_report):
    _, doc = example_report
    hs = headings(doc)
    assert hs[0] == (0, "Family Connect hybrid support")
    level1 = [t for lvl, t in hs if lvl == 1]
    assert level1 == CORE
    # No skipped levels: each heading is at most one level deeper than the one before.
    levels = [lvl for lvl, _ in hs]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    level2 = [t for lvl, t in hs if lvl == 2]
    assert ["What it is", "Who it is for", "Why it is needed", "Evidence base"] == \
        level2[level2.index("What it is"):level2.index("What it is") + 4]
    assert "Context factors" in level2 and "Diagram" in level2
    i = level2.index("Diagram")
    assert level2[i - 1:i + 4] == ["The logic model in columns", "Diagram", "Components in detail",
                                   "Outputs in detail", "Outcomes in detail"]
    # Mechanisms are paragraphs, not headings: a heading is never cut short.
    assert not any(t.startswith("M1") for t in level2)
    assert not any(t.endswith("\u2026") for _, t in hs)


def test_content_from_the_model(example_report):
    _, doc = example_report
    model = example_model()
    body = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert model.intervention.text("summary") in body
    assert "Example Borough Council" in body
    for el in model.mechanisms:
        assert el.statement in body  # full text of each mechanism in "How it works"
    for el in [*model.assumptions, *model.negatives, *model.context]:
        assert el.statement in cells
    # The column table holds every element of the five stages in full.
    for key in ("inputs", "components", "outputs", "mechanisms", "outcomes"):
        for el in model.elements[key]:
            assert el.statement in cells, el.id


def test_tables_have_repeating_marked_header_rows(example_report):
    _, doc = example_report
    # context factors, columns, components, outputs, outcomes, assumptions, negatives
    assert len(doc.tables) == 7
    for table in doc.tables:
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
        # Only the header row repeats.
        for row in table.rows[1:]:
            tr_pr = row._tr.trPr
            assert tr_pr is None or tr_pr.find(qn("w:tblHeader")) is None
        assert table.style.name == "Table Grid"
        assert table._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val"))  # table alt text
    assert [c.text for c in doc.tables[1].rows[0].cells] == [
        "Inputs", "Components", "Outputs", "Mechanisms", "Short-term outcomes",
        "Medium-term outcomes", "Long-term outcomes"]
    confidence = [r.cells[3].text for r in doc.tables[5].rows[1:]]
    assert confidence == [el.text("confidence") for el in example_model().assumptions]


def test_picture_has_alt_text(example_report):
    _, doc = example_report
    pics = list(doc.element.body.iter(WP_DOCPR))
    assert len(pics) == 1
    descr = pics[0].get("descr")
    assert descr.startswith("Logic model diagram of Family Connect hybrid support")
    assert "8 inputs, 6 components, 7 outputs, 6 mechanisms" in descr
    assert "the table 'The logic model in columns' lists every element in full" in descr
    assert pics[0].get("title") == "Logic model diagram"
    figure = [p.text for p in doc.paragraphs if p.style.name == "Caption" and p.text.startswith("Figure")]
    assert len(figure) == 1 and figure[0].startswith("Figure 1: Logic model diagram.")
    assert "is large" not in figure[0]
    assert len(doc.inline_shapes) == 1
    shape = doc.inline_shapes[0]
    section = doc.sections[1]  # the landscape section
    assert shape.width <= section.page_width - section.left_margin - section.right_margin


def test_properties_language_fields_and_page_setup(example_report):
    _path, doc = example_report
    props = doc.core_properties
    assert props.title == "Family Connect hybrid support: logic model report"
    assert props.language == "en-GB"
    assert props.author == "Example Borough Council"
    lang = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(
        qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-GB"
    settings = doc.settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    instr = " ".join(t.text for t in doc.element.body.iter(qn("w:instrText")))
    assert "TOC \\o" in instr
    # A4 portrait, then a landscape section for the model at a glance, then portrait again.
    orient = [(round(s.page_width.cm, 1), round(s.page_height.cm, 1)) for s in doc.sections]
    assert orient == [(21.0, 29.7), (29.7, 21.0), (21.0, 29.7)]
    # Header and footer: name, version, organisation and a PAGE field.
    sec = doc.sections[0]
    assert "Family Connect hybrid support" in sec.header.paragraphs[0].text
    assert "version 1.0" in sec.header.paragraphs[0].text
    footer_xml = sec.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert "Example Borough Council" in sec.footer.paragraphs[0].text
    assert "{" not in sec.header.paragraphs[0].text + sec.footer.paragraphs[0].text
    assert sec.different_first_page_header_footer
    assert not any(s.different_first_page_header_footer for s in doc.sections[1:])


def test_empty_parts_are_said_not_hidden(tmp_path: Path):
    records = big_records(3)
    for key in ("context", "assumptions", "negatives", "inputs", "outputs"):
        records.elements[key] = []
    records.intervention.pop("rationale")
    model = model_from_records(records)
    doc = build_report(model)
    level1 = [t for lvl, t in headings(doc) if lvl == 1]
    assert level1 == CORE  # every core section, even when its part of the model is empty
    body = "\n".join(p.text for p in doc.paragraphs)
    for said in ("No assumptions have been recorded yet.",
                 "No potential negative consequences have been identified yet.",
                 "No context factors (enablers, barriers or moderators) have been recorded yet.",
                 "The need and the reasons for this approach have not been described yet.",
                 "No evaluation measures plan has been built yet."):
        assert said in body, said
    # The column table has only the stages that have elements; detail tables only for those too.
    assert [t.rows[0].cells[0].text for t in doc.tables] == ["Components", "Component", "Outcome"]
    assert [c.text for c in doc.tables[0].rows[0].cells] == [
        "Components", "Mechanisms", "Short-term outcomes", "Medium-term outcomes",
        "Long-term outcomes"]
    for table in doc.tables:
        assert len(table.rows) > 1  # never an empty table
    # Contents lists exactly the sections written.
    toc = [p.text.split("\t")[0] for p in doc.paragraphs if p.style.name in ("TOC 1", "TOC 2")]
    assert toc == level1


def test_empty_columns_are_dropped_and_outcomes_read_as_sentences():
    records = example_model().to_records()
    for comp in records.elements["components"]:
        comp["description"] = ""
    doc = build_report(model_from_records(records), include_diagram=False)
    comps = next(t for t in doc.tables if t.rows[0].cells[0].text == "Component")
    assert "Description" not in [c.text for c in comps.rows[0].cells]
    outcomes = next(t for t in doc.tables if t.rows[0].cells[0].text == "Outcome")
    assert [c.text for c in outcomes.rows[0].cells] == ["Outcome", "What kind of outcome", "Contributes to"]
    kinds = [r.cells[1].text for r in outcomes.rows[1:]]
    assert "A medium-term, primary outcome for families; it should decrease." in kinds
    assert all(k[0].isupper() and k.endswith(".") for k in kinds)


def test_empty_model_still_makes_a_document(tmp_path: Path):
    from lm_excel.model import ModelRecords

    model = model_from_records(ModelRecords(intervention={"name": "Blank"}))
    out = write_report(tmp_path / "blank.docx", model).path
    doc = docx.Document(str(out))
    assert headings(doc)[0] == (0, "Blank")
    assert [t for lvl, t in headings(doc) if lvl == 1] == CORE
    assert not doc.inline_shapes and not doc.tables
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "The model has no inputs, activities, outputs, mechanisms or outcomes yet." in body


def _finding(code: str, severity: str = "warning", element: str = "", message: str = "m") -> Finding:
    return Finding(code, severity, "Outcomes", "A5", element, message, "Edit Outcomes!A5")


def test_readiness_summary_in_plain_words_from_the_check():
    """The real check's findings on a model with seeded defects: a summary, no cell references."""
    from lm_excel.checks import validate

    records = example_model().to_records()
    mech = records.elements["mechanisms"][1]
    mech["leads_to"] = "OC99"  # an unknown outcome
    records.elements["outcomes"][2]["outcome"] = "TBC"  # a placeholder left in
    model = model_from_records(records)
    report = validate(model)
    assert report.counts["error"] >= 1
    doc = build_report(model, findings=report, include_diagram=False)
    hs = headings(doc)
    assert [t for lvl, t in hs if lvl == 1] == CORE
    start = hs.index((1, "Readiness summary"))
    assert [t for _, t in hs[start + 1:start + 4]] == ["What is strong", "What is missing", "What to do next"]
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "nearly ready to guide an evaluation" in body
    assert "The workbook has 1 error to fix" in body or "The workbook has" in body
    # Cell-level detail is not printed for the board ...
    tables = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "Mechanisms!" not in body + tables and "How to fix it" not in tables
    # ... unless asked for, as an appendix at the end.
    detail = build_report(model, findings=report, include_diagram=False, with_check_detail=True)
    level1 = [t for lvl, t in headings(detail) if lvl == 1]
    assert level1[-1] == "Appendix: the check in detail"
    assert next(p for p in detail.paragraphs if p.text == "Appendix: the check in detail"
                and p.style.name == "Heading 1").paragraph_format.page_break_before
    table = detail.tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["Severity", "Where", "What the check found", "How to fix it"]
    severities = [r.cells[0].text for r in table.rows[1:]]
    assert severities == sorted(severities, key=["Error", "Warning", "Note"].index)
    unknown = next(f for f in report.findings if "OC99" in f.message)
    assert f"{unknown.sheet}!{unknown.cell}" in [r.cells[1].text for r in table.rows[1:]]
    # No findings at all: ready, said plainly.
    clean_doc = build_report(example_model(), findings=validate(example_model()), include_diagram=False)
    text = "\n".join(p.text for p in clean_doc.paragraphs)
    assert "ready to guide an evaluation" in text and "not yet ready" not in text


def _unlinked_example():
    """The example with every mechanism and outcome link cleared: no causal chain."""
    records = example_model().to_records()
    for m in records.elements["mechanisms"]:
        m["triggered_by"], m["leads_to"] = "", ""
    for o in records.elements["outcomes"]:
        o["contributes_to"] = ""
    return model_from_records(records)


def test_a_model_without_a_causal_chain_is_flagged_at_the_top_and_gets_no_impact_design():
    model = _unlinked_example()
    findings = [_finding("no-causal-chain", "error", message="No component is linked ...")]
    doc = build_report(model, findings=findings, plan=_plan())
    paras = [p.text for p in doc.paragraphs]
    title = paras.index("Logic model report")
    contents = next(i for i, p in enumerate(doc.paragraphs) if p.style.name == "TOC Heading")
    assert any(p.startswith("Draft: This logic model is not yet ready") for p in paras[title:contents])
    body = "\n".join(paras)
    assert "no activity leads, through a mechanism, to any outcome" in body
    assert "No impact evaluation design is recommended yet." in body
    assert "Recommended design" not in [t for _, t in headings(doc)]
    caption = next(p for p in paras if p.startswith("Figure 1"))
    assert "No chain of arrows yet runs from the activities to the outcomes." in caption


def test_default_report_name_has_version_and_date(tmp_path: Path):
    import datetime as dt

    path = default_report_path(example_model(), tmp_path, "Family model")
    assert path.parent == tmp_path
    assert path.name == f"Family model report v1.0 {dt.date.today().isoformat()}.docx"


def test_open_report_is_never_written(tmp_path: Path):
    from lm_excel.errors import OutputError

    target = tmp_path / "report.docx"
    target.write_bytes(b"the user's open copy")
    (tmp_path / "~$report.docx").write_bytes(b"owner")  # Word's lock file
    with pytest.raises(OutputError, match="is open in"):
        write_report(target, example_model())
    assert target.read_bytes() == b"the user's open copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx", "~$report.docx"]
    # Once closed, the library writes where it is told (whether it may is the command's decision).
    (tmp_path / "~$report.docx").unlink()
    again = write_report(target, example_model())
    assert again.path == target and not again.renamed
    assert docx.Document(str(target)).core_properties.title.endswith("logic model report")


def test_a_failed_write_leaves_nothing(tmp_path: Path):
    from lm_excel.errors import OutputError

    with pytest.raises(OutputError, match="does not exist"):
        write_report(tmp_path / "missing" / "r.docx", example_model())
    assert list(tmp_path.iterdir()) == []


def test_rebranded_reference_document_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An LA edits the reference: heading colour and font, table header colour, a logo."""
    from docx.shared import Inches, RGBColor

    from lm_excel.report.reference import REFERENCE_ENV, make_reference

    ref = tmp_path / "our-style.docx"
    make_reference(ref)
    brand = docx.Document(str(ref))
    brand.styles["Heading 1"].font.color.rgb = RGBColor(0x00, 0x5A, 0x30)
    brand.styles["Heading 1"].font.name = "Georgia"
    for pr in brand.styles["Table Grid"].element.findall(qn("w:tblStylePr")):
        pr.find(qn("w:tcPr")).find(qn("w:shd")).set(qn("w:fill"), "005A30")
    logo = tmp_path / "logo.png"
    from PIL import Image

    Image.new("RGB", (60, 20), (0, 90, 48)).save(logo)
    header = brand.sections[0].header.paragraphs[0]
    header.add_run().add_picture(str(logo), width=Inches(0.6))
    brand.save(str(ref))

    monkeypatch.setenv(REFERENCE_ENV, str(ref))
    out = write_report(tmp_path / "r.docx", example_model()).path
    doc = docx.Document(str(out))
    h1 = doc.styles["Heading 1"]
    assert h1.font.color.rgb == RGBColor(0x00, 0x5A, 0x30) and h1.font.name == "Georgia"
    fills = {c._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) for c in doc.tables[0].rows[0].cells}
    assert fills == {"005A30"}
    sec = doc.sections[0]
    assert "Family Connect hybrid support" in sec.header.paragraphs[0].text
    assert "graphicData" in sec.header._element.xml  # the logo is kept
    # The sample text of the reference never reaches the report.
    assert not any("holds the styles" in p.text for p in doc.paragraphs)


def _measure(key: str, name: str, kind: str, what: str, respondent: tuple[str, ...],
             effort: str, licence: str, note: str, source: str, url: str,
             age_min: float | None = None, age_max: float | None = None) -> Measure:
    return Measure(key, name, kind, (), what_it_measures=what, respondent=respondent,
                   items_or_effort=effort, licence=licence, licence_note=note, data_source=source,
                   source_url=url, age_min=age_min, age_max=age_max)


def _plan() -> Plan:
    rows = [
        {"ref": "OC4", "row_type": "Outcome (primary)", "statement": "Reduced parenting stress",
         "about": "Short term; parent or carer", "measure": "Parenting Stress Index", "measure_key": "psi",
         "kind": "validated instrument", "respondent": "parent or carer", "data_source": "questionnaire",
         "baseline": "First visit", "follow_up": "12 weeks", "licence": "Paid: per form", "status": "Suggested"},
        {"ref": "OC8", "row_type": "Outcome (secondary)", "statement": "Fewer re-referrals",
         "about": "Medium term", "measure": "Re-referrals within 12 months", "measure_key": "rereferral",
         "kind": "administrative", "respondent": "", "data_source": "CIN census",
         "baseline": "Year before", "follow_up": "Yearly", "licence": "Free", "status": "Suggested"},
        {"ref": "OP1", "row_type": "Process", "statement": "Families contacted within 5 days",
         "about": "", "measure": "Contact timeliness", "measure_key": "", "kind": "administrative",
         "respondent": "", "data_source": "case management system", "baseline": "", "follow_up": "Monthly",
         "licence": "", "status": "Suggested"},
        {"ref": "NC1", "row_type": "Negative consequence", "statement": "Risks missed when virtual",
         "about": "", "measure": "Audit of virtual-only cases", "measure_key": "", "kind": "qualitative",
         "respondent": "", "data_source": "practice audit", "baseline": "", "follow_up": "Quarterly",
         "licence": "", "status": "Suggested"},
    ]
    library = MeasureLibrary((
        _measure("rereferral", "Re-referrals within 12 months", "administrative", "Repeat referrals",
                 ("service or system",), "None: routine data", "free", "", "CIN census", "https://example.org/cin"),
        _measure("unused", "Unused measure", "bespoke", "", (), "", "free", "", "", ""),
        _measure("psi", "Parenting Stress Index", "validated instrument", "Stress in the parenting role",
                 ("parent or carer",), "36 items, 10 minutes", "paid", "per form", "questionnaire",
                 "https://example.org/psi", 0.0, 12.0),
    ))
    design = (
        DesignStrand("Pilot impact study (pre/post)", "Measure parenting stress before and after.",
                     "EIF hub"),
        DesignStrand("Implementation and process evaluation", "Track delivery and reach.", "EIF hub"),
    )
    return Plan(tuple(PlanRow.from_values(r) for r in rows), design, library=library)


def test_evaluation_plan_and_appendix_with_a_plan():
    model = example_model()
    doc = build_report(model, plan=_plan(), include_diagram=False)
    hs = headings(doc)
    level1 = [t for lvl, t in hs if lvl == 1]
    assert level1 == CORE + ["Appendix: the measures used"]
    i = [t for _, t in hs].index("Evaluation plan")
    assert [t for _, t in hs[i + 1:i + 4]] == [
        "Recommended design", "Pilot impact study (pre/post)", "Implementation and process evaluation"]
    assert "Measures for each outcome" in [t for _, t in hs]
    assert "Process measures" in [t for _, t in hs]
    assert "Monitoring risks and testing assumptions" in [t for _, t in hs]
    outcome_table = next(t for t in doc.tables if t.rows[0].cells[1].text == "Measure")
    assert [r.cells[0].text.split("\n")[0] for r in outcome_table.rows[1:]] == [
        "OC4 Reduced parenting stress", "OC8 Fewer re-referrals"]
    # Fields read as words: the kind of outcome, the kind of measure, who provides it.
    assert "A short-term, primary outcome for parents and carers" in outcome_table.rows[1].cells[0].text
    assert "Validated questionnaire" in outcome_table.rows[1].cells[1].text
    assert outcome_table.rows[1].cells[2].text == "Completed by parents or carers, using a questionnaire"
    assert outcome_table.rows[2].cells[2].text == "From the child in need census (DfE return)"
    assert "Baseline: First visit" in outcome_table.rows[1].cells[3].text
    # Appendix: the measures used, in order of first use, not the unused one.
    appendix = [t for lvl, t in hs if lvl == 2][-2:]
    assert appendix == ["Parenting Stress Index", "Re-referrals within 12 months"]
    # An appendix starts its own page: its heading is never left at the foot of the last one.
    start = next(p for p in doc.paragraphs
                 if p.text == "Appendix: the measures used" and p.style.name == "Heading 1")
    assert start.paragraph_format.page_break_before
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "Unused measure" not in body
    assert "Age range: 0 to 12 years" in body and "Licence and cost: Paid: per form" in body
    assert "Source: https://example.org/psi" in body
    toc = [p.text.split("\t")[0] for p in doc.paragraphs if p.style.name in ("TOC 1", "TOC 2")]
    assert "Evaluation plan" in toc and "Appendix: the measures used" in toc


def test_measure_notes_show_facts_only():
    """Internal caveats and other programmes' results stay in the library."""
    from lm_excel.report.evaluation import measure_facts

    facts = dict(measure_facts({
        "kind": "administrative", "respondent": "service or system",
        "licence": "Free: A CORC resource; terms of use not confirmed.",
        "source": "CIN census", "measures": "Days to complete an assessment (not re-verified here)",
        "notes": "Primary outcome of the Family Valued trial (not re-verified here).",
    }))
    text = " ".join(facts.values())
    assert "not re-verified" not in text and "not confirmed" not in text
    assert "Family Valued" not in text  # the library's notes are never shown
    assert facts["Kind"] == "Records the council already keeps"
    assert facts["Data source"] == "The child in need census (DfE return)"
    assert facts["Licence and cost"].startswith("Free: A CORC resource.")
    assert facts["What it measures"] == "Days to complete an assessment."


def test_without_the_templates_folder_the_same_reference_is_made_in_memory(monkeypatch: pytest.MonkeyPatch):
    """An install without templates/ (a wheel) still gets the plain lm-excel styles."""
    from lm_excel.report import reference

    committed = docx.Document(str(reference.find_reference()))
    monkeypatch.setattr(reference, "reference_candidates", list)
    assert reference.find_reference() is None
    doc = build_report(example_model(), include_diagram=False)

    def style_xml(d: docx.document.Document, name: str) -> str:
        return d.styles[name].element.xml

    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Caption", "Table Grid"):
        assert style_xml(doc, name) == style_xml(committed, name), name
    assert headings(doc)[0] == (0, "Family Connect hybrid support")


def test_committed_reference_matches_its_generator(tmp_path: Path):
    """templates/report-reference.docx is what templates/make_reference_docx.py makes."""
    from lm_excel.report import reference

    fresh = reference.make_reference(tmp_path / "fresh.docx")
    committed = docx.Document(str(reference.find_reference()))
    assert sorted(s.name for s in fresh.styles) == sorted(s.name for s in committed.styles)
    for style in fresh.styles:
        assert style.element.xml == committed.styles[style.name].element.xml, style.name
    assert (reference.find_reference().stat().st_size < 20_000)


def test_contents_page_numbers_from_a_layout():
    from lm_excel.report.docwriter import fill_contents
    from lm_excel.report.pages import find_headings

    pages = ["Title", "Contents\nSummary 00\nContext 00\nReadiness summary",
             "Summary\nThe Context of it\nmore", "Context\nSummary", "Evaluation plan"]
    # Each heading is a whole line, found in order: the word inside a sentence does not count.
    assert find_headings(pages, ["Readiness summary", "Summary", "Context", "Evaluation plan"],
                         start=2) == {"Readiness summary": 2, "Summary": 3, "Context": 4,
                                      "Evaluation plan": 5}
    doc = build_report(example_model(), include_diagram=False)
    assert fill_contents(doc, {"Summary": 3, "Context": "00"}) == 2
    assert fill_contents(doc, {"Summary": 4}) == 1  # numbers are replaced, never added twice
    toc = {p.text.split("\t")[0]: p.text for p in doc.paragraphs if p.style.name == "TOC 1"}
    assert toc["Summary"] == "Summary\t4" and toc["Context"] == "Context"


def test_readiness_names_every_other_point_and_counts_right():
    from lm_excel import checks  # noqa: F401  (registers the codes)
    from lm_excel.report.readiness import assess

    model = example_model()
    findings = [_finding("restated-across-sheets", element="C2"), _finding("compound-outcome", element="OC1")]
    r = assess(model, findings)
    assert "ready to guide an evaluation, with some points worth strengthening" in r.verdict
    assert any(g.startswith("The same statement on two sheets: C2") for g in r.gaps), r.gaps
    assert any("clearer wording for 1 statement." in g for g in r.gaps), r.gaps
    one = model_from_records(example_model().to_records())
    records = one.to_records()
    records.elements["assumptions"] = records.elements["assumptions"][:1]
    text = " ".join(assess(model_from_records(records), []).strengths)
    assert "One assumption is recorded with how confident we are and how it will be tested." in text
    assert " 0 " not in text and "1 assumptions" not in text


def test_design_text_never_counts_zero():
    from lm_excel.measures.plan import PlanRow, recommend_design

    rows = [PlanRow(ref="OC1", row_type="Outcome (primary)", measure="X", measure_key="x",
                    kind="administrative"),
            PlanRow(ref="OP1", row_type="Process", measure="Y", measure_key="y", kind="administrative")]
    text = " ".join(s.detail for s in recommend_design(rows))
    assert " 0 " not in text and "one process measure" in text


def _table_text(doc) -> list[list[str]]:
    return [[c.text for c in r.cells] for t in doc.tables for r in t.rows]


def test_plan_rows_without_a_match_say_so_and_suggestions_show_their_confidence():
    import dataclasses
    import json

    plan = _plan()
    first, second, *rest = plan.rows
    first = dataclasses.replace(first, why="matches 'parenting stress'; confidence high",
                                generated=json.dumps({"measure": first.measure}))
    # the team chose another measure than the one suggested: no confidence shown for it
    second = dataclasses.replace(second, why="matches 'referral'; confidence low",
                                 generated=json.dumps({"measure": "Something else"}))
    empty = dataclasses.replace(rest[0], ref="OC9", row_type="Outcome (secondary)", measure="",
                                measure_key="", kind="", why="No close match in the library: use")
    plan = dataclasses.replace(plan, rows=(first, second, empty, *rest))
    doc = build_report(example_model(), plan=plan, include_diagram=False)
    # the measures tables come after the outcomes in detail: the last row of each ID
    oc4, oc8, oc9 = ([row for row in _table_text(doc) if row[0].startswith(ref + " ")][-1]
                     for ref in ("OC4", "OC8", "OC9"))
    assert "Match: high confidence" in oc4[1]
    assert "confidence" not in oc8[1]
    assert oc9[1].startswith("No close match in the library.") and "To do: write a measure" in oc9[1]
    assert not any("To be chosen" in c for row in _table_text(doc) for c in row)


def test_a_row_without_a_match_says_what_the_library_has_no_measure_of():
    import dataclasses

    plan = _plan()
    first, *rest = plan.rows
    empty = dataclasses.replace(
        first, measure="", measure_key="", kind="",
        why="No close match in the library (it has no measure of stigma or shame): use a bespoke")
    doc = build_report(example_model(), plan=dataclasses.replace(plan, rows=(empty, *rest)),
                       include_diagram=False)
    row = [r for r in _table_text(doc) if r[0].startswith(first.ref + " ")][-1]
    assert row[1].startswith("No close match in the library: it has no measure of stigma or "
                             "shame.") and "To do: write a measure" in row[1]


def test_each_row_of_a_compound_outcome_says_which_part_it_measures():
    import dataclasses

    plan = _plan()
    first, *rest = plan.rows
    parts = [dataclasses.replace(first, about=f"{first.about}; part {n} of 2: '{text}'")
             for n, text in ((1, "Parents feel less stressed"), (2, "sleep better"))]
    doc = build_report(example_model(), plan=dataclasses.replace(plan, rows=(*parts, *rest)),
                       include_diagram=False)
    rows = [r[0] for r in _table_text(doc) if r[0].startswith(first.ref + " ")]
    assert any("This row: part 1 of 2, 'Parents feel less stressed'." in r for r in rows)
    assert any("This row: part 2 of 2, 'sleep better'." in r for r in rows)


def test_timing_most_rows_share_is_said_once_above_the_table():
    import dataclasses

    plan = _plan()
    base = plan.rows[0]
    rows = [dataclasses.replace(base, ref=f"OC{i}", baseline="At the start of support",
                                follow_up=("6 months" if i < 4 else "12 months"),
                                measure=f"Measure {i}") for i in range(1, 6)]
    rows.append(dataclasses.replace(base, ref="OC9", baseline="The year before",
                                    follow_up="12 months", measure="Measure 9"))
    doc = build_report(example_model(), plan=dataclasses.replace(plan, rows=tuple(rows)),
                       include_diagram=False)
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "Unless a row says otherwise, the baseline is at the start of support." in body
    assert "the follow-up is" not in body  # 3 of 6 rows: not most, said on the rows
    when = [row[-1] for row in _table_text(doc) if row[0].startswith("OC")
            and row[1].startswith("Measure ")]
    assert when and not any("At the start of support" in w for w in when)
    assert any("The year before" in w for w in when)
    assert all("Follow-up:" in w for w in when)


def test_grouped_findings_of_a_whole_model_verdict_are_named_in_plain_words():
    from lm_excel.checks import validate

    model = _unlinked_example()
    report = validate(model)
    assert any(f.code == "no-causal-chain" and f.details for f in report.findings)
    doc = build_report(model, findings=report, include_diagram=False)
    paras = [p.text for p in doc.paragraphs]
    missing = paras[paras.index("What is missing") + 1:paras.index("What to do next")]
    n_out = len(model.outcomes)
    # the Primary ones first: nothing leads to them, which is an error for a Primary outcome
    assert any(p.startswith(f"{n_out} outcomes (OC") and "and 3 others" in p
               and "not reached from any activity" in p for p in missing), missing
    from lm_excel.report.prose import count

    mechanisms = count(len(model.mechanisms), "mechanism", True).capitalize()  # "Six mechanisms"
    assert any(p.startswith(f"{mechanisms} (M1, ") for p in missing), missing
    assert not any("!" in p for p in missing)  # no cell references


def test_a_measure_every_row_shares_is_said_once_not_on_every_row():
    import dataclasses

    base = _plan().rows[2]  # a process row
    rows = tuple(dataclasses.replace(base, ref=f"OP{i}", statement=f"Output {i}",
                                     follow_up=f"Month {i}") for i in range(1, 5))
    doc = build_report(example_model(), plan=dataclasses.replace(_plan(), rows=rows),
                       include_diagram=False)
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "Every row in this table uses the same measure: Contact timeliness (records the " \
           "council already keeps)." in body
    process = [row for row in _table_text(doc) if row[0].startswith("OP")]
    assert process and not any("Contact timeliness" in c for row in process for c in row)


def test_laid_out_headings_match_the_contents_in_order():
    from lm_excel.report.pages import match_headings

    laid_out = [("Contents", 2), ("Readiness  summary", 2), ("Summary", 3), ("Context", 3),
                ("Summary", 9)]
    assert match_headings(laid_out, ["Readiness summary", "Summary", "Context", "Missing"]) == {
        "Readiness summary": 2, "Summary": 3, "Context": 3}
    # a heading is looked for only after the one before it
    assert match_headings(laid_out, ["Context", "Summary"]) == {"Context": 3, "Summary": 9}


def test_the_design_says_what_the_model_lacks_in_words_for_a_board_not_which_sheet_to_fix():
    from lm_excel.example import example_records
    from lm_excel.measures.plan import make_plan

    records = example_records()
    records.intervention.pop("delivery_unit", None)  # the unit of delivery is not stated
    records.elements["negatives"] = []  # nor what could go wrong
    model = model_from_records(records)
    plan = make_plan(model)
    sheet_text = next(s.detail for s in plan.design if s.title == "Strength of evidence")
    assert "The Intervention sheet does not say the unit of delivery" in sheet_text  # the sheet says where

    doc = build_report(model, plan=plan, include_diagram=False)
    paras = [p.text for p in doc.paragraphs]
    start = paras.index("Evaluation plan")
    section = " ".join(paras[start:paras.index("Measures for each outcome", start)])
    assert "Strength of evidence" in section
    assert "The model does not yet say the unit of delivery" in section
    assert "Still missing: no negative consequences listed." in section
    assert not re.search(r"\b[A-Z][a-z]+( [a-z]+)? sheet\b", section), section


def test_readiness_counts_a_wording_point_once_and_steps_by_what_is_flagged():
    """A mechanism with no account or a negative consequence with no plan is named by its gap;
    it is not counted again as 'clearer wording', and the step about outcomes' wording is given
    only when an outcome is flagged."""
    from lm_excel import checks  # noqa: F401  (registers the codes)
    from lm_excel.report.readiness import NEXT_STEPS, assess

    model = example_model()
    said = [_finding("mechanism-no-causal-account", element="M2"), _finding("negative-unmanaged", element="NC1")]
    r = assess(model, said)
    assert not any("clearer wording" in g for g in r.gaps), r.gaps
    assert NEXT_STEPS["wording"] not in r.next_steps
    r = assess(model, [*said, _finding("compound-outcome", element="OC1")])
    assert any("clearer wording for 1 statement." in g for g in r.gaps), r.gaps
    assert NEXT_STEPS["wording"] in r.next_steps
