"""lm-excel portfolio: a generated folder of varied workbooks (some broken) into one summary."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from lm_excel import layout as L
from lm_excel.workbook.builder import write_workbook_file
from lm_excel.errors import UsageError
from lm_excel.example import example_records
from lm_excel.portfolio.collect import collect_portfolio
from lm_excel.portfolio.summarise import plan_measures
from lm_excel.portfolio.summary_workbook import write_summary
from lm_excel.portfolio.tables import TABLES, UNCLASSIFIED
from lm_excel.portfolio.themes import Theme, ThemeMatcher, load_themes
from lm_excel.usecases import check_findings

from .conftest import CORPUS, ROOT, run_cli, soffice_convert
from .portfolio_data import THEME_SENTENCES, add_measures_plan, variant_records

#: Stands for the worked example itself, unchanged (the checker finds no error in it).
EXAMPLE = -1
#: Good workbooks: relative path -> variant number.
GOOD = {
    "north/wb-0.xlsx": 0,
    "north/wb-1.xlsx": 1,
    "north/deeper/still/wb-2.xlsx": 2,
    "south/wb-3.xlsm": 3,
    "wb-4.xlsx": 4,
    "wb-5.xlsx": 5,
    "east/wb-6.xlsx": 6,
    "east/wb-7.xlsx": 7,
    "clean/example.xlsx": EXAMPLE,
}
#: Variants that mention fathers at the football club (found only by the custom theme file).
FOOTBALL = {1, 4}
FOOTBALL_SENTENCE = "Fathers now meet their worker at the football club on Saturday mornings."
#: Variant whose organisation looks like a formula: it must stay text in the summary.
FORMULA_ORG = 5
#: Workbook with a seeded defect the checker reports as an error (a duplicated component ID).
DEFECT_PATH = "east/wb-7.xlsx"
#: Broken workbooks: relative path -> expected exception class name.
BROKEN = {
    "empty.xlsx": "NotAWorkbookError",
    "south/data.xlsx": "NotAWorkbookError",
    "secret.xlsx": "EncryptedWorkbookError",
    "east/partial.xlsx": "MissingSheetsError",
    "budget.xlsx": "NotALogicModelError",
    "north/cut.xlsx": "NotAWorkbookError",
}
#: Other files: relative path -> words expected in the skip reason.
SKIPPED = {
    "notes.txt": "not an .xlsx/.xlsm",
    "old/legacy.xls": "legacy Excel",
    "north/~$wb-0.xlsx": "lock file",
    ".hidden.xlsx": "hidden",
    "report.docx": "not an .xlsx/.xlsm",
}
#: Real measures plans (lm-excel plan) in these variants, edited by hand: variant -> (own
#: measure typed over the first row's, second row marked 'Not needed').
PLANS = {0: ("Our own family survey", True), 3: (None, False)}
#: Measures each planned workbook ends up with (filled in by the folder fixture).
PLANNED: dict[int, list[str]] = {}


def _facts(i: int) -> tuple[object, dict]:
    if i == EXAMPLE:
        rec = example_records()
        return rec, {
            "organisation": rec.intervention["organisation"],
            "intervention": rec.intervention["name"],
            "counts": {k: len(v) for k, v in rec.elements.items()},
            "injected": [],
            "modes": [c["delivery_mode"] for c in rec.elements["components"]],
        }
    rec, facts = variant_records(i)
    if i in FOOTBALL:
        rec.intervention["local_context"] = f"{rec.intervention['local_context']} {FOOTBALL_SENTENCE}"
    if i == GOOD[DEFECT_PATH]:
        comps = rec.elements["components"]
        comps[1]["id"] = comps[0]["id"]
    if i == FORMULA_ORG:
        rec.intervention["organisation"] = "=SUM(1,2)"
        facts["organisation"] = "=SUM(1,2)"
    return rec, facts


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("portfolio") / "returns"
    for rel, i in GOOD.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        rec, _ = _facts(i)
        write_workbook_file(path, rec)
        if i in PLANS:
            PLANNED[i] = add_measures_plan(path, *PLANS[i])
    good = root / "wb-4.xlsx"
    (root / "empty.xlsx").write_bytes(b"")
    (root / "south" / "data.xlsx").write_text("id,component\nC1,Check-ins\n", encoding="utf-8")
    from msoffcrypto.format.ooxml import OOXMLFile

    with (root / "secret.xlsx").open("wb") as out:
        OOXMLFile(io.BytesIO(good.read_bytes())).encrypt("s3cret", out)
    wb = openpyxl.load_workbook(good)
    del wb["Mechanisms"]
    wb.save(root / "east" / "partial.xlsx")
    other = openpyxl.Workbook()
    other.active.title = "Budget"
    other.save(root / "budget.xlsx")
    (root / "north" / "cut.xlsx").write_bytes(good.read_bytes()[:4000])
    (root / "notes.txt").write_text("minutes of the meeting", encoding="utf-8")
    (root / "old").mkdir()
    (root / "old" / "legacy.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (root / "north" / "~$wb-0.xlsx").write_bytes(b"owner")
    (root / ".hidden.xlsx").write_bytes(good.read_bytes())
    (root / "report.docx").write_bytes(b"PK\x03\x04 not really")
    return root


@pytest.fixture(scope="module")
def theme_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("themes") / "my-themes.csv"
    path.write_text(
        "theme,description,keywords\n"
        "Fathers,Work with fathers and male carers,father*; dads; football club\n"
        "Workforce wellbeing,Staff wellbeing,burnout; reflective supervision\n"
        "Not in any model,Nothing matches this,zeppelin*\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def portfolio(folder):
    return collect_portfolio(folder, check=check_findings, jobs=2)


def _local_context_ref() -> str:
    row = L.INTERVENTION.first_row + [f.key for f in L.INTERVENTION.fields].index("local_context")
    return f"Intervention!B{row}"


# --- the library -------------------------------------------------------------------------------


def test_good_workbooks_are_read_broken_ones_listed_other_files_skipped(portfolio):
    assert sorted(s.path for s in portfolio.summaries) == sorted(GOOD)
    assert {f.path: f.kind for f in portfolio.failed} == BROKEN
    for f in portfolio.failed:
        assert "\n" not in f.error
        assert f.error.startswith(Path(f.path).name + ": "), f.error
    reasons = {s.path: s.reason for s in portfolio.skipped}
    assert set(reasons) == set(SKIPPED)
    for rel, words in SKIPPED.items():
        assert words in reasons[rel]
    assert "password" in next(f.error for f in portfolio.failed if f.path == "secret.xlsx")
    assert "'Mechanisms'" in next(f.error for f in portfolio.failed if f.path == "east/partial.xlsx")


def test_summaries_hold_what_each_workbook_says(folder, portfolio):
    from lm_excel.checks import validate
    from lm_excel.workbook.reader import read_workbook

    by_path = {s.path: s for s in portfolio.summaries}
    for rel, i in GOOD.items():
        s = by_path[rel]
        _, facts = _facts(i)
        assert s.organisation == facts["organisation"]
        assert s.intervention == facts["intervention"]
        for key, n in facts["counts"].items():
            assert s.count(key) == n, (rel, key)
        assert sum(n for _, n in s.delivery_modes) == len(facts["modes"])
        assert dict(s.delivery_modes) == {m: facts["modes"].count(m) for m in set(facts["modes"])}
        assert sorted(s.measures) == sorted(PLANNED.get(i, [])), rel
        counts = validate(read_workbook(folder / rel)).counts
        assert (s.check.errors, s.check.warnings, s.check.infos) == (
            counts["error"], counts["warning"], counts["info"]), rel
    # The seeded defect (a duplicated component ID) is counted as a check error; the worked
    # example has none.
    assert by_path[DEFECT_PATH].check.errors >= 1
    assert by_path["clean/example.xlsx"].check.errors == 0


def test_injected_sentences_are_found_under_their_theme_with_the_cell(portfolio):
    ref = _local_context_ref()
    by_path = {s.path: s for s in portfolio.summaries}
    checked = 0
    for rel, i in GOOD.items():
        _, facts = _facts(i)
        hits = [h for h in by_path[rel].themes if h.ref == ref]
        for sentence, theme in THEME_SENTENCES:
            found = [h for h in hits if h.theme == theme]
            if theme in facts["injected"]:
                assert found, (rel, theme)
                checked += 1
            else:
                # The sentence is absent, so no excerpt of this cell can quote it.
                assert all(sentence[:30] not in h.excerpt for h in found)
    assert checked >= 5


def test_serial_and_parallel_runs_agree(folder, portfolio):
    serial = collect_portfolio(folder, check=check_findings, jobs=1)
    for key in ("workbooks", "outcomes", "themes", "domains", "measures", "failed", "skipped"):
        a, b = serial.tables()[key], portfolio.tables()[key]
        assert a.equals(b), key


def test_frequency_tables(portfolio):
    t = portfolio.tables()
    measures = t["measures"].set_index("Measure")
    assert PLANNED[0] and PLANNED[3]
    expected = {m for ms in PLANNED.values() for m in ms}
    assert set(measures.index) == expected
    for m in expected:
        assert measures.loc[m, "Workbooks"] == sum(m in ms for ms in PLANNED.values()), m
        assert measures.loc[m, "Plan rows"] == sum(ms.count(m) for ms in PLANNED.values()), m
    assert measures.loc["Our own family survey", "Workbooks"] == 1
    assert list(t["measures"]["Workbooks"]) == sorted(t["measures"]["Workbooks"], reverse=True)
    domains = t["domains"].set_index("Outcome domain")
    n_outcomes = sum(s.count("outcomes") for s in portfolio.summaries)
    assert len(t["outcomes"]) == n_outcomes
    # Every outcome is counted at least once (in a domain or as not classified).
    assert domains["Outcomes"].sum() >= n_outcomes
    for name, row in domains.iterrows():
        assert row["Outcomes"] == row["Short term"] + row["Medium term"] + row["Long term"], name
    classified = t["outcomes"][t["outcomes"]["Outcome domains"] != UNCLASSIFIED]
    assert len(classified) > n_outcomes / 2


def test_plan_measures_finds_moved_columns_and_skips_rows_not_needed():
    grid = [
        ("Measures plan",),
        ("intro",),
        (),
        ("Notes", "Status", "Ref", " MEASURE "),
        ("", "Agreed", "OC1", "SDQ"),
        (None, None, None, None),
        ("x", "Not needed", "OC2", "WEMWBS"),
        ("x", "", "OC3", "Re-referrals within 12 months"),
    ]
    assert plan_measures(grid) == ("SDQ", "Re-referrals within 12 months")
    assert plan_measures([("Outcome", "Responsible")]) == ()


def test_theme_matching_rules():
    m = ThemeMatcher([
        Theme("Multi-agency", ("multi-agency",)),
        Theme("Safeguarding", ("safeguard*",)),
        Theme("Early help", ("early help",)),
    ])
    assert m.names("A multi agency meeting") == ["Multi-agency"]
    assert m.names("Multiagency? no, multi-agency!") == ["Multi-agency"]
    assert m.names("Safeguarding leads") == ["Safeguarding"]
    assert m.names("An early helpful chat") == []
    assert m.names("EARLY HELP offer") == ["Early help"]
    hits = m.scan([("Intervention!B4", "We run a multi\u2013agency early help panel.")])
    assert {h.theme for h in hits} == {"Multi-agency", "Early help"}
    assert all(h.ref == "Intervention!B4" for h in hits)


# --- theme files --------------------------------------------------------------------------------


def test_builtin_theme_dictionary_loads():
    themes = load_themes()
    names = [t.name for t in themes]
    for wanted in ("Hybrid delivery", "Community need", "Multi-agency risk", "Workforce wellbeing",
                   "Phase of change", "Early help"):
        assert wanted in names
    assert all(t.keywords and t.description for t in themes)


def test_json_theme_files(tmp_path):
    listed = tmp_path / "t.json"
    listed.write_text(json.dumps({"themes": [{"theme": "Fathers", "keywords": ["dads", "father*"]}]}))
    assert load_themes(listed) == (Theme("Fathers", ("dads", "father*"), ""),)
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"Fathers": ["dads"], "Sport": "football; swimming"}))
    assert [t.keywords for t in load_themes(mapping)] == [("dads",), ("football", "swimming")]


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("a.csv", "theme,terms\nFathers,dads\n", "needs a 'keywords' column"),
        ("b.csv", "theme,keywords\nFathers,\n", "row 2: theme 'Fathers' has no keywords"),
        ("c.csv", "theme,keywords\n,dads\n", "row 2: keywords without a theme"),
        ("d.csv", "theme,keywords\nFathers,da\n", "row 2, theme 'Fathers': keyword 'da' is too short"),
        ("e.csv", "theme,keywords\nFathers,fa*ther\n", "'*' may only end a word"),
        ("f.csv", "", "empty"),
        ("g.json", '{"themes": [{"theme": "X", "keywords": ["abc"]},]}', "not valid JSON (line 1"),
        ("h.json", '[{"theme": "X", "keywords": 3}]', "theme 'X': 'keywords' must be a list"),
        ("i.json", '"hello"', "expected a list of themes"),
        ("j.yaml", "x: y", "must be .csv or .json"),
    ],
)
def test_malformed_theme_files_get_one_line_naming_the_file(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as info:
        load_themes(path)
    text = str(info.value)
    assert text.startswith(f"{name}: ") and "\n" not in text
    assert words in text


def test_theme_file_saved_in_excel_encoding(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("theme,keywords\nCaf\u00e9 culture,caf\u00e9s\n".encode("cp1252"))
    assert load_themes(path)[0].name == "Caf\u00e9 culture"


# --- the command line and the summary workbook --------------------------------------------------


@pytest.fixture(scope="module")
def cli_run(folder, theme_file, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    summary, report = out / "summary.xlsx", out / "synthesis.docx"
    proc = run_cli("portfolio", str(folder), "-o", str(summary), "--report", str(report),
                   "--themes", str(theme_file), "--jobs", "2", timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc, summary, report


def _table(ws) -> list[dict[str, object]]:
    from lm_excel.portfolio.summary_workbook import SUMMARY_HEADER_ROW

    rows = list(ws.iter_rows(min_row=SUMMARY_HEADER_ROW + 1, values_only=True))
    header = rows[0]
    return [dict(zip(header, r)) for r in rows[1:] if any(v is not None for v in r) and r[0] != "(none)"]


def test_cli_prints_the_outputs_and_the_broken_workbooks(cli_run):
    proc, summary, report = cli_run
    lines = proc.stdout.splitlines()
    assert str(summary) in lines and str(report) in lines
    assert f"Read {len(GOOD)} of {len(GOOD) + len(BROKEN)} workbooks" in proc.stdout
    for rel in BROKEN:
        assert Path(rel).name + ": " in proc.stdout
    assert "\r" not in proc.stderr and "[#" not in proc.stderr  # no progress bar off a terminal
    assert proc.stderr == ""


def test_summary_workbook_content(cli_run):
    _, summary, _ = cli_run
    wb = openpyxl.load_workbook(summary)  # full mode: data types and tables are visible
    assert wb.sheetnames == ["Overview", *(name for name, _ in TABLES.values())]
    for name, _ in TABLES.values():
        ws = wb[name]
        assert len(ws.tables) == 1, name
        assert ws.freeze_panes is not None, name
        assert ws.print_title_rows, name
    rows = {r["File"]: r for r in _table(wb["Workbooks"])}
    assert set(rows) == set(GOOD)
    for rel, i in GOOD.items():
        _, facts = _facts(i)
        row = rows[rel]
        assert row["Organisation"] == facts["organisation"]
        assert row["Intervention"] == facts["intervention"]
        for sheet in L.LIST_SHEETS:
            assert row[sheet.name] == facts["counts"][sheet.key], (rel, sheet.name)
        assert row.get("Check status")
        assert isinstance(row["Check errors"], (int, float))
    assert rows[DEFECT_PATH]["Check errors"] >= 1
    assert "error" in rows[DEFECT_PATH]["Check status"]
    assert rows["clean/example.xlsx"]["Check errors"] == 0
    assert re.fullmatch(r"no errors or warnings|\d+ warnings?", rows["clean/example.xlsx"]["Check status"])
    # A formula-like organisation stays text.
    ws = wb["Workbooks"]
    formula_cells = [c for r in ws.iter_rows() for c in r if c.value == "=SUM(1,2)"]
    assert formula_cells and all(c.data_type == "s" for c in formula_cells)

    outcomes = _table(wb["Outcomes"])
    assert len(outcomes) == sum(_facts(i)[1]["counts"]["outcomes"] for i in GOOD.values())
    assert all(str(r["Cell"]).startswith("Outcomes!A") for r in outcomes)
    assert all(r["File"] in GOOD and str(r["ID"]).startswith("OC") for r in outcomes)
    for key in ("components", "mechanisms", "negatives"):
        sheet = L.LIST_SHEET_BY_KEY[key]
        got = _table(wb[TABLES[key][0]])
        assert len(got) == sum(_facts(i)[1]["counts"][key] for i in GOOD.values()), key
        assert all(str(r["ID"]).startswith(sheet.prefix) for r in got)

    failed = {r["File"]: r for r in _table(wb["Could not read"])}
    assert set(failed) == set(BROKEN)
    assert "password" in failed["secret.xlsx"]["Problem"]
    assert failed["secret.xlsx"]["Kind"] == "password-protected"
    assert failed["east/partial.xlsx"]["Kind"] == "required sheets missing"
    skipped = {r["File"] for r in _table(wb["Skipped files"])}
    assert skipped == set(SKIPPED)

    measures = {r["Measure"]: r for r in _table(wb["Measures"])}
    assert set(measures) == {m for ms in PLANNED.values() for m in ms}
    assert measures["Our own family survey"]["Workbooks"] == 1


def test_summary_themes_from_the_themes_file(cli_run):
    _, summary, _ = cli_run
    wb = openpyxl.load_workbook(summary, read_only=True)
    themes = {r["Theme"]: r for r in _table(wb["Themes"])}
    assert set(themes) == {"Fathers", "Workforce wellbeing", "Not in any model"}
    fathers_sites = {_facts(i)[1]["organisation"] for i in FOOTBALL}
    assert themes["Fathers"]["Workbooks"] == len(FOOTBALL)
    assert set(themes["Fathers"]["Sites"].split("; ")) == fathers_sites
    assert themes["Not in any model"]["Workbooks"] == 0
    hits = [r for r in _table(wb["Theme matches"]) if r["Theme"] == "Fathers"]
    assert {r["File"] for r in hits} == {rel for rel, i in GOOD.items() if i in FOOTBALL}
    ctx = [r for r in hits if r["Cell"] == _local_context_ref()]
    assert len(ctx) == len(FOOTBALL)
    for r in ctx:
        assert "football club" in r["Matched"] and "fathers" in r["Matched"]
        assert "football club on Saturday" in r["Text"]
    overview = [c for row in wb["Overview"].iter_rows(values_only=True) for c in row if c]
    assert "my-themes.csv" in overview
    wb.close()


def test_word_report_content(cli_run):
    import docx
    from docx.oxml.ns import qn

    _, _, report = cli_run
    doc = docx.Document(str(report))
    assert doc.core_properties.title.startswith("Portfolio synthesis")
    assert doc.core_properties.language == "en-GB"
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    names = [t for _, t in headings]
    assert headings[0] == ("Title", "Portfolio synthesis: logic models across sites")
    order = ["Summary", "Themes across sites", "Fathers", "Outcomes", "Measures planned",
             "The workbooks", "Potential negative consequences", "Workbooks that could not be read",
             "Files skipped", "About this report"]
    assert [n for n in names if n in order] == order
    assert "Not in any model" not in names  # no section for a theme that no site mentions
    pictures = doc.inline_shapes
    assert len(pictures) == 3  # themes, outcome domains, measures
    for shape in pictures:
        descr = shape._inline.docPr.get("descr")
        assert descr and descr.startswith("Bar chart")
    assert "Fathers 2" in pictures[0]._inline.docPr.get("descr")
    for table in doc.tables:
        assert table.rows[0]._tr.trPr.xpath("./w:tblHeader"), "header row must repeat"
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "football club on Saturday" in text
    cells = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    assert "Our own family survey" in cells and "secret.xlsx" in cells
    # The single-model report's house style: its reference document's header and footer, with
    # the placeholders filled, page numbers as fields, numbered captions, en-GB text.
    section = doc.sections[0]
    header = "".join(p.text for p in section.header.paragraphs)
    assert header.startswith("Portfolio synthesis: ") and "{" not in header
    footer = section.footer._element
    assert "{" not in "".join(t.text or "" for t in footer.iter(qn("w:t")))
    assert any("PAGE" in (i.text or "") for i in footer.iter(qn("w:instrText")))
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert captions[0].startswith("Figure 1: ") and any(c.startswith("Table 1: ") for c in captions)
    lang = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "en-GB"


@pytest.mark.office
@pytest.mark.pdf
def test_libreoffice_opens_the_summary_and_the_report(cli_run, tmp_path):
    _, summary, report = cli_run
    for src in (summary, report):
        pdf = soffice_convert(src, "pdf", tmp_path)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "Portfolio" in text
        if src == report:
            assert "Themes across sites" in text and "Fathers" in text


def test_progress_bar_is_drawn_on_a_terminal(folder, tmp_path):
    master, slave = pty.openpty()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "lm_excel", "portfolio", str(folder), "-o", str(tmp_path / "s.xlsx"),
         "--jobs", "1"],
        stdout=subprocess.DEVNULL, stderr=slave, env=env,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(master)
    drawn = b"".join(chunks).decode()
    assert proc.returncode == 0
    total = len(GOOD) + len(BROKEN)
    assert "\r[" in drawn and f"{total}/{total} workbooks" in drawn
    assert f"{len(BROKEN)} could not be read" in drawn


def test_output_is_never_one_of_the_files_read(folder, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    before = {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    a_return = sorted(before)[0]
    for target in (copy / "summary.xlsx", a_return, copy / "sub" / "new.xlsx"):
        for extra in ([], ["--force"]):
            proc = run_cli("portfolio", str(copy), "-o", str(target), "--jobs", "1", *extra)
            assert proc.returncode == 2 and "write the summary outside that folder" in proc.stderr
            assert len(proc.stderr.strip().splitlines()) == 1
    assert {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()} == before


def test_cli_errors_are_one_line(tmp_path, folder):
    (tmp_path / "empty").mkdir()
    cases = [
        (["portfolio", str(tmp_path / "nope"), "-o", str(tmp_path / "s.xlsx")], "does not exist"),
        (["portfolio", str(tmp_path / "empty"), "-o", str(tmp_path / "s.xlsx")], "no .xlsx or .xlsm workbooks"),
        (["portfolio", str(folder), "-o", str(tmp_path / "s.csv")], "ending in .xlsx"),
        (["portfolio", str(folder), "-o", str(tmp_path / "s.xlsx"), "--jobs", "0"], "--jobs must be 1 or more"),
        (["portfolio", str(folder), "-o", str(tmp_path / "s.xlsx"), "--themes", str(tmp_path / "x.csv")],
         "x.csv: theme file not found"),
    ]
    for args, words in cases:
        proc = run_cli(*args)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        assert proc.stderr.startswith("lm-excel: error: ") and words in proc.stderr, proc.stderr
        assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert not (tmp_path / "s.xlsx").exists()


def test_save_themes_writes_an_editable_copy(tmp_path):
    target = tmp_path / "mine.csv"
    proc = run_cli("portfolio", "--save-themes", str(target))
    assert proc.returncode == 0, proc.stderr
    assert load_themes(target) == load_themes()
    again = run_cli("portfolio", "--save-themes", str(target))
    assert again.returncode == 2 and "already exists" in again.stderr


def test_a_folder_of_only_broken_workbooks_exits_1_with_a_summary(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.xlsx").write_bytes(b"")
    proc = run_cli("portfolio", str(tmp_path / "in"), "-o", str(tmp_path / "s.xlsx"))
    assert proc.returncode == 1
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx", read_only=True)
    assert [r["File"] for r in _table(wb["Could not read"])] == ["empty.xlsx"]
    assert _table(wb["Workbooks"]) == []
    wb.close()




def test_the_whole_corpus_of_foreign_spreadsheets_as_one_folder(tmp_path):
    import shutil

    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    out = tmp_path / "summary.xlsx"
    proc = run_cli("portfolio", str(folder), "-o", str(out), "--jobs", "2", timeout=600)
    assert proc.returncode == 1, proc.stderr  # none is a logic model, yet the run finishes
    assert "Traceback" not in proc.stderr and proc.stderr == ""
    wb = openpyxl.load_workbook(out, read_only=True)
    failed = {r["File"]: r for r in _table(wb["Could not read"])}
    skipped = {r["File"] for r in _table(wb["Skipped files"])}
    wb.close()
    workbooks = {p.relative_to(folder).as_posix() for p in before
                 if p.suffix.lower() in (".xlsx", ".xlsm") and not p.name.startswith(("~$", "."))}
    assert set(failed) == workbooks
    for rel, row in failed.items():
        assert "\n" not in row["Problem"] and row["Problem"].startswith(Path(rel).name + ": ")
        assert "internal error" not in row["Problem"], row["Problem"]
    assert skipped == {p.relative_to(folder).as_posix() for p in before} - workbooks
    assert {p: p.read_bytes() for p in before} == before


def test_control_characters_in_a_workbook_do_not_break_the_outputs(tmp_path):
    import docx

    from lm_excel.portfolio.report import write_report

    rec, _ = variant_records(2)
    rec.intervention["local_context"] = "Bell\x07 in the text; families in lockdown\x0b used video calls."
    (tmp_path / "in").mkdir()
    write_workbook_file(tmp_path / "in" / "odd.xlsx", rec)
    p = collect_portfolio(tmp_path / "in", check=check_findings, jobs=1, themes=[Theme("Bells", ("bell",))])
    assert not p.failed
    assert [h.ref for h in p.summaries[0].themes] == [_local_context_ref()]
    summary = write_summary(p, tmp_path / "s.xlsx")
    report = write_report(p, tmp_path / "r.docx")
    text = "\n".join(par.text for par in docx.Document(str(report)).paragraphs)
    assert "Bell in the text; families in lockdown used video calls." in text
    assert "\x07" not in text and "\x0b" not in text
    wb = openpyxl.load_workbook(summary, read_only=True)
    assert any("lockdown" in str(r["Text"]) for r in _table(wb["Theme matches"]))
    wb.close()


def test_odd_folders_are_listed_with_reasons_and_nothing_crashes(tmp_path, example_xlsx):
    """Issue 13: symbolic-link loops, broken links, a FIFO, a name that is not UTF-8 and a folder
    that cannot be read each get a reason, on the summary and in the output; the rest is read."""
    folder = tmp_path / "returns"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.xlsx").write_bytes(example_xlsx.read_bytes())
    odd_name = os.fsdecode(b"caf\xe9.xlsx")  # Latin-1 bytes: not a UTF-8 name
    (folder / odd_name).write_bytes(example_xlsx.read_bytes())
    (folder / "sub" / "up").symlink_to("..")  # a loop through a folder link
    (folder / "loop1").symlink_to("loop2")
    (folder / "loop2").symlink_to("loop1")  # a loop of file links
    (folder / "gone.xlsx").symlink_to("nowhere.xlsx")
    os.mkfifo(folder / "pipe.xlsx")
    closed = folder / "closed"
    closed.mkdir()
    (closed / "b.xlsx").write_bytes(example_xlsx.read_bytes())
    closed.chmod(0)
    try:
        out = tmp_path / "summary.xlsx"
        proc = run_cli("portfolio", str(folder), "-o", str(out), "--jobs", "1")
    finally:
        closed.chmod(0o755)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    wb = openpyxl.load_workbook(out, read_only=True)
    skipped = {r["File"]: r["Reason"] for r in _table(wb["Skipped files"])}
    read = [r["File"] for r in _table(wb["Workbooks"])]
    wb.close()
    assert skipped["sub/up"].startswith("a link back to a folder already read")
    assert skipped["loop1"] == skipped["loop2"] == "a symbolic-link loop"
    assert skipped["gone.xlsx"].startswith("a link to nothing")
    assert skipped["pipe.xlsx"].startswith("a pipe (FIFO)")
    assert "caf\ufffd.xlsx" in read and "not valid text (UTF-8)" in skipped["caf\ufffd.xlsx"]
    if os.geteuid() != 0:  # root reads any folder
        assert skipped["closed"].startswith("a folder that cannot be read")
    else:
        assert "closed/b.xlsx" in read
    for name in ("sub/up", "loop1", "gone.xlsx", "pipe.xlsx", "caf\ufffd.xlsx"):
        assert f"  {name}: " in proc.stdout, name  # in the output too
