"""The measures plan: rows, design, the user's edits kept on rebuild, the sheet, CSV and CLI."""

from __future__ import annotations

import copy
import csv
import dataclasses
import io
import json
import re
import shutil
import subprocess

import openpyxl
import pytest

from lm_excel import layout as L
from lm_excel.example import example_records
from lm_excel.measures.plan import COLUMNS, PlanRow, make_plan
from lm_excel.model import ModelRecords
from lm_excel.usecases.plan import plan_of
from lm_excel.workbook.builder import build_workbook
from lm_excel.workbook.plan_sheet import (
    page_breaks,
    plan_rows,
    print_scale,
    write_plan,
    write_plan_csv,
)
from lm_excel.workbook.reader import read_workbook

from .conftest import run_cli, soffice_convert


def _records(outcomes, **elements) -> ModelRecords:
    """A small model built in code: the outcomes given, plus any other sheets' rows."""
    base = {"intervention": {"organisation": "Test Council", "name": "Test model"},
            "elements": {"outcomes": outcomes, **elements}}
    return ModelRecords(intervention=base["intervention"], elements=base["elements"])


def _oc(id_, text, timescale="Medium term", who="", priority="", direction=""):
    return {"id": id_, "outcome": text, "timescale": timescale, "who_benefits": who,
            "priority": priority, "direction": direction}


def _plan_rows(path):
    """The plan rows as the reader sees them in a written workbook."""
    grid = read_workbook(path).extras[L.MEASURES_PLAN.name]
    return [{**r.values(), "_ref": r.cell("ref"), "_row": r.sheet_row} for r in plan_rows(grid)]


def _rows(plan):
    """A plan's rows as dicts (column key -> text)."""
    return [r.values() for r in plan.rows]


def _by_ref(rows, kind_word="Outcome"):
    """The first row for each ref (rows the user added come after it)."""
    out = {}
    for r in rows:
        if r["row_type"].startswith(kind_word):
            out.setdefault(r["ref"], r)
    return out


@pytest.fixture(scope="module")
def example_plan(tmp_path_factory, example_xlsx):
    """The worked example with its plan written in (built once; treat as read-only)."""
    out = tmp_path_factory.mktemp("plan") / "example-plan.xlsx"
    write_plan(example_xlsx, plan_of(read_workbook(example_xlsx)), out)
    return out


# --- rows --------------------------------------------------------------------------------------

def test_plan_has_a_row_for_every_outcome_primary_first(example_xlsx):
    model = read_workbook(example_xlsx)
    plan = make_plan(model)
    rows = _rows(plan)
    assert [f.name for f in dataclasses.fields(PlanRow)][:len(COLUMNS)] == list(COLUMNS)
    outcome_rows = [r for r in rows if r["row_type"].startswith("Outcome")]
    assert sorted(r["ref"] for r in outcome_rows) == sorted(el.id for el in model.outcomes)
    types = [r["row_type"] for r in outcome_rows]
    assert types == sorted(types, key=lambda t: t != "Outcome (primary)")
    for r in outcome_rows:
        assert r["measure"] and r["measure_key"] and r["kind"] and r["data_source"]
        assert r["baseline"] and r["follow_up"] and r["licence"] and r["why"]
        assert r["status"] == "Suggested" and r["responsible"] == "" and r["target"] == ""
        assert len(r["alternatives"].split("; ")) <= 3  # only measures with real evidence
    # then process rows, negative consequences, assumptions not rated Strong, in that order
    order = [r["row_type"].split(" (")[0] for r in rows]
    assert order == sorted(order, key=["Outcome", "Process", "Negative consequence",
                                       "Assumption"].index)
    assert {r["ref"] for r in rows if r["row_type"] == "Process"} == {el.id for el in model.outputs}
    assert {r["ref"] for r in rows if r["row_type"] == "Negative consequence"} == {
        el.id for el in model.negatives}
    weak = {el.id for el in model.assumptions if el.text("confidence") != "Strong"}  # the check's rule
    assert {r["ref"] for r in rows if r["row_type"] == "Assumption"} == weak


def test_the_example_plan_reads_as_sensible_advice(example_xlsx):
    rows = {r["ref"]: r for r in _rows(plan_of(read_workbook(example_xlsx)))}
    assert rows["OC4"]["measure_key"] in ("pss", "psi4")  # parenting stress
    assert rows["OC6"]["measure_key"] == "sdq"  # children's emotional and behavioural wellbeing
    assert rows["OC8"]["measure_key"] == "re_referrals_12m"
    assert rows["OC9"]["measure_key"] in ("entry_to_care", "cp_plans")
    assert rows["OC3"]["measure_key"] == "practitioner_survey"
    assert rows["OC10"]["measure_key"] == "workforce_turnover"
    assert rows["OC1"]["measure_key"] == "local_mm1"  # the LA's own feedback card
    assert rows["OP1"]["measure_key"] == "output_count"
    assert rows["OP1"]["target"] == "90% of about 900 referrals a year"  # from the Outputs sheet


def test_a_monitoring_row_names_the_part_its_measure_covers_not_a_part_number(example_xlsx):
    """A negative consequence or an assumption gets one row however many parts its text has:
    its reason says which part the measure covers ("for 'Practitioner workload'"), never
    "part 1 of 5 ... one measure per part" beside a single row."""
    rows = [r for r in _rows(plan_of(read_workbook(example_xlsx)))
            if r["row_type"] in ("Negative consequence", "Assumption")]
    assert rows and not any(re.search(r"part \d+ of \d+", r["why"]) for r in rows)
    nc5 = next(r for r in rows if r["ref"] == "NC5")
    assert nc5["why"].startswith("for 'Practitioner workload': matches 'workload'")


def test_the_licence_column_says_free_once(tmp_path):
    path = build_workbook(tmp_path / "m.xlsx", _records([
        _oc("OC1", "Children feel less lonely", who="Child"),
        _oc("OC2", "Fewer children enter care")]))
    rows = {r.ref: r for r in plan_of(read_workbook(path)).rows}
    assert rows["OC1"].measure_key == "ons_loneliness"
    assert rows["OC1"].licence.startswith("Free: the Office for National Statistics")
    assert rows["OC2"].licence == "Free: Data the local authority already collects."
    assert not any(r.licence.casefold().startswith("free: free") for r in rows.values())


def test_follow_up_timepoints_come_from_the_timescale():
    from lm_excel.workbook.parse import parse_grids

    def grid(rows):
        return [[], [], ["ID", "Outcome statement", "Timescale"], *rows]

    model = parse_grids({"Intervention": [["Intervention name", "T"]], "Components": [["ID"]],
                         "Mechanisms": [["ID"]], "Outcomes": grid([
                             ["OC1", "Parents report less parenting stress", "Short term"],
                             ["OC2", "Parents report less parenting stress", "Long term"],
                             ["OC3", "Fewer children enter care", "Long term"],
                             ["OC4", "Fewer children enter care", ""]])}, "t.xlsx")
    rows = {r["ref"]: r for r in _rows(make_plan(model))}
    assert rows["OC1"]["follow_up"] == "End of support (about 3 months)"
    assert rows["OC2"]["follow_up"] == "12 and 24 months after the start"
    assert rows["OC1"]["baseline"].startswith("At the start of support")
    assert rows["OC3"]["follow_up"] == "12, 24 and 36 months after launch"
    assert rows["OC3"]["baseline"].startswith("The 12 months before the change")
    assert rows["OC4"]["follow_up"] == "6 and 12 months after launch"  # medium when not set


def test_practitioner_outcomes_in_the_plan_get_no_child_questionnaires():
    from lm_excel.workbook.parse import parse_grids

    model = parse_grids({"Intervention": [["Intervention name", "T"]], "Components": [["ID"]],
                         "Mechanisms": [["ID"]], "Outcomes": [
                             ["ID", "Outcome statement", "Who benefits"],
                             ["OC1", "Improved emotional wellbeing and less anxiety", "Practitioner"]]},
                        "t.xlsx")
    plan = make_plan(model)
    row = _rows(plan)[0]
    names = [n for n in (row["measure"], *row["alternatives"].split("; ")) if n]
    assert names
    assert all(not plan.library.get(_key(plan, n)).is_child_or_parent_questionnaire for n in names)


def _key(plan, name):
    return next(m.key for m in plan.library if m.name == name)


# --- the design ------------------------------------------------------------------------------

def test_design_follows_the_model_and_the_measures_of_primary_outcomes(tmp_path):
    def design(outcomes, chain=True, **intervention):
        records = _records(outcomes)
        records.intervention.update(intervention)
        if chain:  # a component triggers a mechanism that leads to every outcome
            records.elements["components"] = [{"id": "C1", "component": "Keyworker support"}]
            records.elements["mechanisms"] = [{
                "id": "M1", "mechanism": "Parents trust their keyworker", "triggered_by": "C1",
                "leads_to": ", ".join(o["id"] for o in outcomes)}]
        path = build_workbook(tmp_path / "m.xlsx", records)
        return plan_of(read_workbook(path)).design

    stress = [_oc("OC1", "Parents report less parenting stress", priority="Primary")]
    titles = [s.title for s in design(stress, delivery_unit="A cohort of families", reach="200")]
    assert titles == ["Matched comparison group of families",
                      "Before-and-after measurement (pilot impact study)",
                      "Implementation and process evaluation", "Strength of evidence"]
    care = [_oc("OC1", "Fewer children enter care", priority="Primary"),
            _oc("OC2", "Less parenting stress", priority="Secondary")]
    strands = design(care, delivery_unit="Whole local authority", nation="Wales")
    assert strands[0].title == "Interrupted time series with comparator authorities"
    assert "Welsh local authorities" in strands[0].detail and "Why:" in strands[0].detail
    # No causal chain: no impact design yet, whatever the measures.
    titles = [s.title for s in design(care, chain=False)]
    assert titles[0] == "Finish the theory of change before any impact design"
    assert not any("comparison" in t.lower() or "time series" in t.lower() for t in titles)
    strands = design([_oc("OC1", "Lower cost per family"), _oc("OC2", "Fewer children enter care")])
    assert [s.title for s in strands][-2:] == ["Value for money", "Strength of evidence"]
    assert "unit of delivery" in strands[-1].detail  # what is still to decide
    assert design([])[0].title == "Outcomes needed"
    for s in strands:
        assert s.source.startswith("https://")
        assert not re.search(r"\b0 [a-z]", s.detail), s.detail


def test_outcome_rows_say_no_close_match_and_split_compound_outcomes(tmp_path):
    path = build_workbook(tmp_path / "m.xlsx", _records([
        _oc("OC1", "Households' everyday needs are met"),
        _oc("OC2", "Fewer exclusions and better attendance at school")]))
    rows = plan_of(read_workbook(path)).rows
    none = [r for r in rows if r.ref == "OC1"]
    assert len(none) == 1 and none[0].measure == ""
    assert none[0].why.startswith("No close match in the library") and "My measures" in none[0].why
    parts = [r for r in rows if r.ref == "OC2"]
    assert [r.measure_key for r in parts] == ["exclusions", "school_attendance"]
    assert "part 2 of 2" in parts[1].about and "one measure per part" in parts[1].why
    assert all("confidence " in r.why for r in parts)


def test_each_part_of_a_compound_outcome_gets_a_row_with_its_number_even_with_no_match(tmp_path):
    """Better housing, income and confidence: a measure for housing and for income, and a row
    of its own for confidence saying the library has none, numbered as the reasons number them."""
    path = build_workbook(tmp_path / "m.xlsx", _records([
        _oc("OC1", "Families have better housing, income and confidence")]))
    parts = [r for r in plan_of(read_workbook(path)).rows if r.ref == "OC1"]
    assert [r.measure_key for r in parts] == ["housing_stability", "household_income", ""]
    assert [r.about.rsplit("; ", 1)[-1][:11] for r in parts] == [
        "part 1 of 3", "part 2 of 3", "part 3 of 3"]
    assert "part 1 of 3" in parts[0].why and "no close match" not in parts[0].why
    last = parts[2]
    assert last.why.startswith("No close match in the library for this part ('confidence')")
    assert "My measures" in last.why


def test_a_row_without_a_match_names_what_the_library_has_no_measure_of(tmp_path):
    # the plan says which change is missing from the library, as the CLI does, so the team knows
    # what its bespoke measure must ask about
    path = build_workbook(tmp_path / "m.xlsx", _records([
        _oc("OC1", "Less stigma about domestic abuse in the community"),
        _oc("OC2", "Households' everyday needs are met")]))
    rows = {r.ref: r for r in plan_of(read_workbook(path)).rows}
    assert rows["OC1"].measure == "" and "it has no measure of stigma" in rows["OC1"].why
    assert "My measures" in rows["OC1"].why
    assert "has no measure of" not in rows["OC2"].why


# --- keeping the user's edits ----------------------------------------------------------------

def _edit_plan(path, edits):
    """Change plan cells as a user would in Excel: edits maps (ref, header) -> new value."""
    wb = openpyxl.load_workbook(path)
    ws = wb[L.MEASURES_PLAN.name]
    headers = {c.value: c.column for c in ws[L.HEADER_ROW]}
    for (ref, header), value in edits.items():
        row = next(r for r in range(L.HEADER_ROW + 1, ws.max_row + 1)
                   if ws.cell(r, 1).value == ref)
        ws.cell(row, headers[header]).value = value
    wb.save(path)


def _add_plan_row(path, values):
    """Type a row at the bottom of the sheet, below the recommended design, as a user might."""
    wb = openpyxl.load_workbook(path)
    ws = wb[L.MEASURES_PLAN.name]
    headers = {c.value: c.column for c in ws[L.HEADER_ROW]}
    row = ws.max_row + 2
    for header, value in values.items():
        ws.cell(row, headers[header]).value = value
    wb.save(path)


def _design_row(ws):
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == L.PLAN_DESIGN_MARKER)


def _change_model(path, delete_outcome, reword):
    wb = openpyxl.load_workbook(path)
    ws = wb["Outcomes"]
    for r in range(L.HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(r, 1).value == delete_outcome:
            for c in range(1, ws.max_column + 1):
                ws.cell(r, c).value = None
        if ws.cell(r, 1).value == reword[0]:
            ws.cell(r, 2).value = reword[1]
    wb.save(path)


def test_rebuilding_the_plan_keeps_every_edit_and_flags_deleted_outcomes(tmp_path, example_plan):
    work = tmp_path / "model.xlsx"
    shutil.copy(example_plan, work)
    before = _by_ref(_plan_rows(work))
    _edit_plan(work, {
        ("OC4", "Measure"): "Parenting Stress Index, 4th edition (PSI-4 / PSI-4-SF)",
        ("OC5", "Responsible"): "Early help data team",
        ("OC5", "Target"): "Average WEMWBS up 3 points",
        ("OC6", "Follow-up"): "End of support only",
        ("OC8", "Status"): "Agreed",
        ("OC9", "Notes"): "Ask the performance team for monthly extracts",
        ("OC11", "Measure"): "Our own community survey",  # not in any library
    })
    _add_plan_row(work, {"Ref": "OC4", "Type": "Outcome (primary)",
                         "Measure": "Goal Based Outcomes (GBO)", "Responsible": "Keyworkers"})
    _add_plan_row(work, {"Ref": "OC5", "Measure": "Home-made mood tracker"})
    _change_model(work, delete_outcome="OC7",
                  reword=("OC6", "Better emotional wellbeing of children in supported families"))

    proc = run_cli("plan", str(work), "--in-place")
    assert proc.returncode == 0, proc.stderr
    assert "Your changes kept: 7 cells, 3 rows; rows flagged for you to look at: 1." in proc.stdout
    assert (tmp_path / "model.bak.xlsx").exists()  # the backup of the file before
    rows = _plan_rows(work)
    after = _by_ref(rows)

    assert after["OC4"]["measure"] == "Parenting Stress Index, 4th edition (PSI-4 / PSI-4-SF)"
    assert after["OC4"]["measure_key"] == "psi4" and after["OC4"]["kind"] == "validated instrument"
    assert after["OC4"]["licence"].startswith("Paid")  # details follow the chosen measure
    assert "your measure kept (suggested: " in after["OC4"]["check"]
    assert after["OC5"]["responsible"] == "Early help data team"
    assert after["OC5"]["target"] == "Average WEMWBS up 3 points"
    assert after["OC6"]["follow_up"] == "End of support only"
    assert after["OC6"]["statement"] == "Better emotional wellbeing of children in supported families"
    assert after["OC8"]["status"] == "Agreed"
    assert after["OC9"]["notes"] == "Ask the performance team for monthly extracts"
    assert after["OC11"]["measure"] == "Our own community survey"
    assert "not in the library" in after["OC11"]["check"] and after["OC11"]["kind"] == ""
    # untouched cells still follow the tool
    assert after["OC5"]["measure"] == before["OC5"]["measure"]
    assert after["OC10"] == {**before["OC10"], "_ref": after["OC10"]["_ref"],
                             "_row": after["OC10"]["_row"]}
    # the deleted outcome's row is kept and flagged, never dropped
    assert after["OC7"]["measure"] == before["OC7"]["measure"]
    assert "OC7 is no longer in the logic model" in after["OC7"]["check"]
    assert "OC7 is no longer in the logic model" in proc.stdout
    # the row the user added is kept, next to its outcome
    refs = [r["ref"] for r in rows]
    added = [r for r in rows if r["ref"] == "OC4" and r["measure"].startswith("Goal Based")]
    assert len(added) == 1 and added[0]["responsible"] == "Keyworkers"
    assert added[0]["measure_key"] == "gbo" and added[0]["check"] == "a row you added: kept"
    assert refs[refs.index("OC4") + 1] == "OC4"
    tracker = next(r for r in rows if r["measure"] == "Home-made mood tracker")
    assert tracker["ref"] == "OC5" and refs[refs.index("OC5") + 1] == "OC5"
    assert tracker["check"] == "a row you added: kept; measure not in the library or My " \
                               "measures: details left blank"

    # A second rebuild with no new edits changes nothing.
    again = plan_of(read_workbook(work))
    assert [{k: r[k] for k in COLUMNS} for r in _rows(again)] == [
        {k: r[k] for k in COLUMNS} for r in rows]


def test_rebuilding_an_unedited_plan_gives_the_same_plan(example_plan):
    model = read_workbook(example_plan)
    fresh = make_plan(model)
    merged = plan_of(model)
    assert merged.kept_edits == merged.kept_rows == 0 and merged.notes == ()
    assert merged.rows == fresh.rows


def test_a_plan_without_the_hidden_generated_column_keeps_what_differs(tmp_path, example_plan):
    work = tmp_path / "m.xlsx"
    shutil.copy(example_plan, work)
    wb = openpyxl.load_workbook(work)
    ws = wb[L.MEASURES_PLAN.name]
    ws.delete_cols(ws.max_column)  # the hidden Generated column
    wb.save(work)
    _edit_plan(work, {("OC5", "Responsible"): "Data team"})
    rows = _by_ref(_rows(plan_of(read_workbook(work))))
    assert rows["OC5"]["responsible"] == "Data team"
    assert rows["OC4"]["measure"] and rows["OC4"]["check"] == ""


# --- My measures --------------------------------------------------------------------------------

def test_local_measures_join_the_plan_and_bad_values_are_reported_by_cell(tmp_path):
    mine = [
        {"id": "MM1", "name": "Bike club attendance register", "kind": "Administrative",
         "domain": "Engagement", "who_benefits": "Child", "keywords": "bike club; cycling sessions",
         "respondent": "service or system"},
        {"id": "MM2", "name": "Odd measure", "kind": "Survey", "who_benefits": "Aliens",
         "ages": "toddlers", "respondent": "robots"},
    ]
    path = build_workbook(tmp_path / "m.xlsx", _records(
        [_oc("OC1", "More young people take part in the bike club cycling sessions")],
        my_measures=mine))
    plan = plan_of(read_workbook(path))
    assert _rows(plan)[0]["measure"] == "Bike club attendance register"
    messages = {str(n) for n in plan.notes}
    assert "'My measures'!C5: kind 'Survey' is not one of administrative, validated instrument, " \
           "bespoke, qualitative; read as bespoke" in messages
    assert any(m.startswith("'My measures'!F5: completed by 'robots'") for m in messages)
    assert any(m.startswith("'My measures'!G5: who benefits 'Aliens'") for m in messages)
    assert any(m.startswith("'My measures'!H5: age 'toddlers'") for m in messages)
    assert "Your own measures used: Bike club attendance register." in plan.summary()


# --- the sheet, the CSV, the source file ------------------------------------------------------

def test_plan_sheet_has_dropdowns_hidden_columns_and_the_design(example_plan, example_xlsx):
    wb = openpyxl.load_workbook(example_plan)
    ws = wb[L.MEASURES_PLAN.name]
    headers = [c.value for c in ws[L.HEADER_ROW]]
    assert headers == [c.header for c in L.PLAN_COLUMNS]
    formulas = {dv.formula1 for dv in ws.data_validations.dataValidation if dv.formula1}
    assert {"=list_measures", "=list_plan_status"} <= formulas
    measure_col = openpyxl.utils.get_column_letter(headers.index("Measure") + 1)
    assert any(measure_col + str(L.HEADER_ROW + 1) in str(dv.sqref)
               for dv in ws.data_validations.dataValidation if dv.formula1 == "=list_measures")
    for key in L.PLAN_HIDDEN:
        letter = openpyxl.utils.get_column_letter(headers.index(
            next(c.header for c in L.PLAN_COLUMNS if c.key == key)) + 1)
        assert ws.column_dimensions[letter].hidden
    names = [c.value for c in wb[L.LISTS_SHEET][openpyxl.utils.get_column_letter(
        next(c.column for c in wb[L.LISTS_SHEET][1] if c.value == "measures"))]][1:]
    assert "Family Connect feedback card" in names and "Parental Stress Scale" in names
    assert ws.freeze_panes == f"B{L.HEADER_ROW + 1}"
    design = _design_row(ws)
    assert ws.cell(design + 1, 2).value == "Interrupted time series with comparator authorities"
    link = headers.index("Status") + 1
    assert ws.cell(design + 1, link).hyperlink.target.startswith("https://")
    # every other sheet is as it was
    before = openpyxl.load_workbook(example_xlsx)
    for name in before.sheetnames:
        if name not in (L.MEASURES_PLAN.name, L.LISTS_SHEET):
            assert [[c.value for c in r] for r in before[name].iter_rows()] == [
                [c.value for c in r] for r in wb[name].iter_rows()], name
    assert read_workbook(example_plan).to_records().normalised() == \
        example_records().normalised()


def test_text_that_looks_like_a_formula_stays_text(tmp_path, example_xlsx):
    model = read_workbook(example_xlsx)
    plan = make_plan(model)
    first = dataclasses.replace(plan.rows[0], notes="=HYPERLINK(\"http://example.org\")")
    plan = dataclasses.replace(plan, rows=(first, *plan.rows[1:]))
    out = write_plan(example_xlsx, plan, tmp_path / "f.xlsx").path
    rows = _plan_rows(out)
    assert rows[0]["notes"] == "=HYPERLINK(\"http://example.org\")"


def test_writing_to_a_new_file_leaves_the_source_alone(tmp_path, example_xlsx):
    before = example_xlsx.read_bytes()
    out = write_plan(example_xlsx, plan_of(read_workbook(example_xlsx)), tmp_path / "o.xlsx").path
    assert example_xlsx.read_bytes() == before
    assert out.exists() and not list(tmp_path.glob(".*tmp*"))


def test_csv_export_has_the_visible_columns(tmp_path, example_xlsx):
    plan = plan_of(read_workbook(example_xlsx))
    out = write_plan_csv(plan, tmp_path / "plan.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(table) == len(plan.rows)
    assert list(table[0]) == [c.header for c in L.PLAN_COLUMNS if c.key not in L.PLAN_HIDDEN]
    assert table[0]["Measure"] == _rows(plan)[0]["measure"]


def test_csv_cells_excel_would_run_as_formulas_are_written_as_text(tmp_path):
    """OWASP CSV injection: text starting with = + - @ tab or CR gets a leading quote; multi-line
    text and carriage returns export as one quoted cell."""
    hostile = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://example.invalid","x")', "@SUM(A1:A9)",
               "+44 20 7946 0000", "-2 families", "\tTabbed", "\rReturn first"]
    rec = example_records()
    outcomes = [dict(r) for r in rec.elements["outcomes"]]
    for row, text in zip(outcomes, hostile):
        row["outcome"] = text
    outcomes[-1]["outcome"] = "Line one\nline two\r\nline three"
    model = read_workbook(build_workbook(tmp_path / "m.xlsx",
                                         ModelRecords(rec.intervention, {**rec.elements, "outcomes": outcomes})))
    plan = make_plan(model)
    out = write_plan_csv(plan, tmp_path / "plan.csv")
    table = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    cells = [c for row in table for c in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    texts = {c.removeprefix("'") for c in cells}
    shown = {model.outcomes[i].text("outcome") for i in range(len(hostile))} & {*hostile}
    assert shown and shown <= texts  # each hostile text exported, after its quote
    assert any(c.startswith("'=cmd|") for c in cells)
    multi = model.outcomes[-1].text("outcome")
    assert "\n" in multi and multi in texts  # one cell, line breaks kept
    assert len({len(row) for row in table}) == 1


# --- the command line and the demo ---------------------------------------------------------------

def test_cli_plan_writes_a_new_file_and_csv_and_refuses_to_overwrite(tmp_path, example_xlsx):
    src = tmp_path / "model.xlsx"
    shutil.copy(example_xlsx, src)
    proc = run_cli("plan", str(src), "--csv", str(tmp_path / "p.csv"))
    assert proc.returncode == 0, proc.stderr
    assert "Measures plan: 11 outcome rows (5 primary)" in proc.stdout
    assert "Recommended design: Interrupted time series with comparator authorities" in proc.stdout
    out = tmp_path / "model-plan.xlsx"
    assert proc.stdout.splitlines()[-2:] == [str(out), str(tmp_path / "p.csv")]
    assert _plan_rows(out)
    again = run_cli("plan", str(src))
    assert again.returncode == 2 and "already exists" in again.stderr
    both = run_cli("plan", str(src), "-o", str(tmp_path / "x.xlsx"), "--in-place")
    assert both.returncode == 2 and "not both" in both.stderr
    assert both.stderr.count("\n") == 1


def test_cli_plan_errors_on_a_file_that_is_not_a_workbook(tmp_path):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("just text\n")
    proc = run_cli("plan", str(bad))
    assert proc.returncode == 2 and "notes.xlsx" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_plan_help_has_an_example():
    proc = run_cli("plan", "--help")
    assert proc.returncode == 0 and "example:" in proc.stdout and "lm-excel plan " in proc.stdout


def test_demo_writes_the_plan_into_the_example_and_as_csv(tmp_path):
    proc = run_cli("demo", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    printed = proc.stdout.splitlines()
    assert str(tmp_path / "out" / "measures-plan.csv") in printed
    workbook = next(p for p in printed if p.endswith(".xlsx"))
    rows = _plan_rows(workbook)
    assert len(rows) >= 20 and rows[0]["row_type"] == "Outcome (primary)"


def test_plan_sheet_prints_the_plan_columns_on_a4_with_the_design_after_a_table_row(example_plan):
    ws = openpyxl.load_workbook(example_plan)[L.MEASURES_PLAN.name]
    headers = [c.value for c in ws[L.HEADER_ROW]]
    folded = {c.header for c in L.PLAN_COLUMNS if c.key in L.PLAN_FOLDED}
    folded |= {"Notes", "Check"}  # empty in a fresh plan
    for i, head in enumerate(headers, start=1):
        dim = ws.column_dimensions[openpyxl.utils.get_column_letter(i)]
        if head in folded:
            assert dim.hidden and dim.outline_level == 1, head  # folded: not printed, + shows it
        elif head not in {c.header for c in L.PLAN_COLUMNS if c.key in L.PLAN_HIDDEN}:
            assert not dim.hidden and not dim.outline_level, head
    assert "folded away" in ws["A2"].value and "Alternatives" in ws["A2"].value
    setup = ws.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (
        "landscape", int(ws.PAPERSIZE_A4), 1, 0)
    assert ws.print_title_rows == f"${L.HEADER_ROW}:${L.HEADER_ROW}"
    breaks = [b.id for b in ws.row_breaks.brk]
    design = _design_row(ws)
    last_table_row = design - 2
    assert breaks and max(breaks) < last_table_row  # the design's page starts with a table row


def test_page_breaks_keep_a_table_row_with_the_design():
    # title, intro, header, then 30 rows of 40 pt, a blank row and a design of 200 pt
    heights = [26, 30, 30] + [40] * 30 + [15, 200]
    breaks = page_breaks(heights, 3, 33, 1.0)
    page = (595.3 - 72 * 1.2) * 0.9
    starts = [1] + [b + 1 for b in breaks]
    for first, nxt in zip(starts, [*starts[1:], len(heights) + 1]):
        used = sum(heights[first - 1:nxt - 1]) + (30 if first > 1 else 0)
        if nxt <= 34:  # a table page never overflows
            assert used <= page
    assert 33 not in breaks and breaks[-1] < 33  # the design follows at least one table row
    # a design that fits under the last rows gets no break of its own
    assert page_breaks([26, 30, 30, 40, 15, 60], 3, 4, 1.0) == []


def test_print_scale_fits_the_printed_columns_to_an_a4_width():
    widths = [c.width for c in L.PLAN_COLUMNS
              if c.key not in L.PLAN_FOLDED and c.key not in L.PLAN_HIDDEN + ("notes", "check")]
    assert 0.8 <= print_scale(widths) <= 1  # about 8 pt or more from 10 pt text
    assert print_scale([c.width for c in L.PLAN_COLUMNS]) < 0.5  # every column: what it was


# --- a real spreadsheet program ------------------------------------------------------------------

@pytest.mark.office
def test_libreoffice_opens_the_plan_and_keeps_it(tmp_path, example_plan):
    soffice_convert(example_plan, "pdf", tmp_path / "pdf")
    resaved = soffice_convert(example_plan, "xlsx:Calc MS Excel 2007 XML", tmp_path / "xlsx")
    assert [(r["ref"], r["measure"]) for r in _plan_rows(resaved)] == [
        (r["ref"], r["measure"]) for r in _plan_rows(example_plan)]
    # and a plan rebuilt from LibreOffice's copy keeps its rows
    again = plan_of(read_workbook(resaved))
    assert again.kept_edits == again.kept_rows == 0
    assert len(again.rows) == len(_plan_rows(example_plan))


@pytest.mark.office
@pytest.mark.pdf
def test_libreoffice_prints_the_plan_legibly_and_the_design_after_table_rows(tmp_path,
                                                                             example_plan):
    if not shutil.which("pdftotext"):
        pytest.skip("poppler's pdftotext is not installed")
    wb = openpyxl.load_workbook(example_plan)
    for name in wb.sheetnames:
        if name not in (L.MEASURES_PLAN.name, L.LISTS_SHEET):
            del wb[name]
    only = tmp_path / "plan-only.xlsx"
    wb.save(only)
    pdf = soffice_convert(only, "pdf", tmp_path / "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert all("Follow-up" in p for p in pages)  # the header row repeats on every page
    design_page = next(p for p in pages if L.PLAN_DESIGN_MARKER in p)
    before = design_page.split(L.PLAN_DESIGN_MARKER)[0]
    last_ref = _plan_rows(example_plan)[-1]["ref"]
    assert re.search(rf"^\s*{last_ref}\s", before, re.MULTILINE)  # a table row above the design
    header_lines = [line for line in text.splitlines() if re.match(r"\s*Ref\s+Type\s", line)]
    assert len(header_lines) == len(pages)
    assert not any("Alternatives" in line or "Why suggested" in line for line in header_lines)
    # the body text prints at 6 pt or more (it was about 4 pt with every column on the page)
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    heights = [float(m[1]) - float(m[0]) for m in re.findall(
        r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">Suggested<', bbox)]
    assert heights and min(heights) >= 6


def test_generated_json_records_what_the_tool_wrote(example_plan):
    rows = _plan_rows(example_plan)
    gen = json.loads(rows[0]["generated"])
    assert gen["kind"] == "outcome" and gen["measure"] == rows[0]["measure"]
    assert set(gen) == {"kind", *L.PLAN_EDITABLE}
    assert copy.deepcopy(gen) == gen
