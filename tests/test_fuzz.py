"""Issue 8: property-based (fuzz) tests. Whatever a workbook holds, lm-excel raises nothing but its
own error types (:class:`lm_excel.errors.LmExcelError`), and text it writes reads back exactly.

Budget: the ``ci`` profile (the default) is fixed and derandomised, so the fuzz tests take well
under a minute on 2 cores and never need LibreOffice. ``LM_EXCEL_FUZZ=thorough`` runs ten times
as many examples with fresh random data, for a local soak.

Steps covered: reading a file (read_workbook), checking it (validate, and check --write, which
writes the Validation sheet with openpyxl), the measures plan (make_plan, write_plan, CSV), share,
diff and merge, parsing grids as the live-workbook reader produces
them (parse_grids), writing records (build_workbook) and the CLI's ``new``. The report step joins
``_downstream`` when it reaches main.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from lm_excel import cli
from lm_excel import layout as L
from lm_excel.workbook.builder import build_workbook
from lm_excel.errors import LmExcelError
from lm_excel.model import LogicModel, ModelRecords
from lm_excel.workbook.parse import parse_grids
from lm_excel.workbook.reader import read_workbook
from lm_excel.workbook.safe_xl import formula_cells

SUPPRESS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]
# No shrinking in CI: a failure is reported as found (with a blob to reproduce it) within the
# budget, instead of spending minutes minimising it. The thorough profile shrinks.
settings.register_profile(
    "ci", deadline=None, derandomize=True, database=None, print_blob=True,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=SUPPRESS,
)
settings.register_profile(
    "thorough", deadline=None, derandomize=False,
    suppress_health_check=SUPPRESS,
)
PROFILE = os.environ.get("LM_EXCEL_FUZZ", "ci")
SCALE = 10 if PROFILE == "thorough" else 1


def budget(n: int) -> settings:
    return settings(settings.get_profile(PROFILE), max_examples=n * SCALE)


# --- values a user (or another program) can leave in a cell ---------------------------------------

_chars = st.characters(codec="utf-8", exclude_categories=("Cs",))  # surrogates cannot be stored
_control = st.characters(min_codepoint=0, max_codepoint=0x1F)
_text = st.text(st.one_of(_chars, _control, st.sampled_from("=+-@#_x0 ,;\n\r\t")), max_size=40)
_special = st.sampled_from([
    "=1+1", '=HYPERLINK("http://example.invalid","x")', "+44 20 7946 0000", "-2 families", "@SUM(A1)",
    "#REF!", "#N/A", "#DIV/0!", "C1, C2", "c-01; OC 2\nM3", "OC1 and OC2", "  ", "\n", "_x000D_",
    "_x0041_", "Short term", "Increase", "Primary", "2026-03-01", "1/2", "ID", "Outcome statement",
    "العائلة أولاً", "👪🏽", "x" * 2000,
])
_numbers = st.one_of(st.integers(-(10**15), 10**15),
                     st.floats(allow_nan=False, allow_infinity=False, width=64))
_dates = st.one_of(st.dates(dt.date(1900, 3, 1), dt.date(2199, 12, 31)),
                   st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2199, 12, 31)))
cell_values = st.one_of(st.none(), _text, _special, _numbers, st.booleans(), _dates)
#: A formula with a cached value, or with none ("") as a non-calculating program leaves it.
formulas = st.tuples(st.sampled_from(["=1/0", "=NA()", '="a"&"b"', "=A1", "=SUM(B:B)"]),
                     st.sampled_from(["", "#N/A", "#REF!", "ab", 3, True]))
written_values = st.one_of(cell_values, formulas)


def _write_cell(ws, fmt, r: int, c: int, value: object) -> None:
    if value is None:
        return
    if isinstance(value, tuple):
        ws.write_formula(r, c, value[0], None, value[1])
    elif isinstance(value, bool):
        ws.write_boolean(r, c, value)
    elif isinstance(value, (int, float)):
        ws.write_number(r, c, value)
    elif isinstance(value, (dt.date, dt.datetime)):
        ws.write_datetime(r, c, value, fmt)
    else:
        ws.write_string(r, c, value)


@st.composite
def workbooks(draw: st.DrawFn) -> dict[str, object]:
    """Contents for the Intervention sheet and every list sheet: random values in every cell."""
    iv = {fld.key: draw(written_values) for fld in L.INTERVENTION.fields}
    sheets = {}
    for sheet in L.LIST_SHEETS:
        n = draw(st.integers(0, 4))
        sheets[sheet.key] = [[draw(written_values) for _ in sheet.columns] for _ in range(n)]
    return {"intervention": iv, "sheets": sheets,
            "schema": draw(st.sampled_from(["1", "", "one", "1.0", None]))}


def _write_workbook(path: Path, content: dict) -> None:
    """A logic-model workbook as another program might write it (XlsxWriter, no template)."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False,
                                         "strings_to_urls": False})
    fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws = wb.add_worksheet(L.INTERVENTION.name)
    for i, fld in enumerate(L.INTERVENTION.fields):
        ws.write_string(3 + i, 0, fld.header)
        _write_cell(ws, fmt, 3 + i, 1, content["intervention"][fld.key])
    for sheet in L.LIST_SHEETS:
        ws = wb.add_worksheet(sheet.name)
        for c, col in enumerate(sheet.columns):
            ws.write_string(L.HEADER_ROW - 1, c, col.header)
        for r, row in enumerate(content["sheets"][sheet.key]):
            for c, value in enumerate(row):
                _write_cell(ws, fmt, L.HEADER_ROW + r, c, value)
    meta = wb.add_worksheet(L.META_SHEET)
    if content["schema"] is not None:
        meta.write_string(0, 0, "schema_version")
        meta.write_string(0, 1, content["schema"])
    wb.close()


def _downstream(model: LogicModel, outdir: Path, path: Path | None = None) -> None:
    """The steps after reading. Each must raise nothing but LmExcelError."""
    from lm_excel.checks import validate

    report = validate(model)
    assert all(f.code and f.message and f.fix for f in report.findings)
    # Every value remembers its cell, and every note points into the workbook.
    for el in model.all_elements():
        for fld in el.fields.values():
            assert fld.ref.sheet and fld.ref.cell
    for note in model.notes:
        assert note.code and note.sheet
    if path is not None:  # check --write: the Validation sheet, written with openpyxl
        from lm_excel.usecases import check_workbook as check_file

        outdir.mkdir(exist_ok=True)
        typed = set(formula_cells(path))  # the user's own formulas are kept, never added to
        try:
            result = check_file(path, write=True, out=outdir / "checked.xlsx")
        except LmExcelError:
            assert list(outdir.iterdir()) == []
        else:
            assert set(formula_cells(result.output)) <= typed
        # the measures plan, written with openpyxl; share and merge, written with the builder
        from lm_excel.usecases.plan import plan_of as make_plan
        from lm_excel.workbook.plan_sheet import write_plan, write_plan_csv
        from lm_excel.exchange.diff import diff_files
        from lm_excel.exchange.merge import merge_files
        from lm_excel.exchange.share import share_file

        try:
            plan = make_plan(model)
        except LmExcelError:
            plan = None
        for step in (lambda: None if plan is None else write_plan(path, plan, outdir / "with plan.xlsx").path,
                     lambda: None if plan is None else write_plan_csv(plan, outdir / "plan.csv") and None,lambda: share_file(path, outdir / "shared.xlsx", to="Partner", force=True).path,
                     lambda: merge_files(None, path, path, outdir / "merged.xlsx", force=True).path,
                     lambda: diff_files(path, path) and None):
            try:
                written = step()
            except LmExcelError:
                continue
            if written is not None:
                assert set(formula_cells(written)) <= typed


@given(content=workbooks())
@budget(15)
def test_any_cell_contents_read_without_crashing(content):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzzed model.xlsx"
        _write_workbook(path, content)
        before = path.read_bytes()
        try:
            model = read_workbook(path)
        except LmExcelError as exc:
            assert "\n" not in str(exc) and str(exc).startswith(path.name + ": ")
        else:
            rows = {k: len([r for r in v if any(x not in (None, "") for x in r)])
                    for k, v in content["sheets"].items()}
            for key, n in rows.items():
                assert len(model.elements[key]) <= n
            _downstream(model, Path(tmp) / "out", path)
        assert path.read_bytes() == before
        assert sorted(p.name for p in Path(tmp).iterdir() if p.name != "out") == ["fuzzed model.xlsx"]


# --- grids, as the file reader and the live (xlwings) reader hand them to the parser -------------

_sheet_names = st.sampled_from(
    [L.INTERVENTION.name, *(s.name for s in L.LIST_SHEETS), L.META_SHEET, "Measures plan", "Validation",
     "Start", "Sheet1", "outcomes ", "NEGATIVE CONSEQUENCES", "Budget"]
)
_header_like = st.sampled_from(
    ["ID", "id", " Id ", *(c.header for s in L.LIST_SHEETS for c in s.columns),
     *(f.header for f in L.INTERVENTION.fields), "schema_version"]
)
_grid_cell = st.one_of(cell_values, _header_like)
_grids = st.dictionaries(
    _sheet_names,
    st.lists(st.lists(_grid_cell, max_size=9), max_size=12),
    max_size=12,
)


@given(grids=_grids)
@budget(150)
def test_any_grids_parse_or_raise_our_own_error(grids):
    try:
        model = parse_grids(grids, source="live workbook")
    except LmExcelError as exc:
        assert "\n" not in str(exc)
    else:
        _downstream(model, Path(tempfile.gettempdir()))


# --- what lm-excel writes reads back exactly, and holds no formulas -------------------------------

_record_text = st.one_of(_text, _special).map(str.strip)
_record_values = st.one_of(st.none(), _record_text, st.integers(-(10**9), 10**9),
                           st.dates(dt.date(1901, 1, 1), dt.date(2199, 12, 31)))


@st.composite
def records(draw: st.DrawFn) -> ModelRecords:
    iv = {f.key: draw(_record_values) for f in L.INTERVENTION.fields if draw(st.booleans())}
    elements = {}
    for sheet in L.LIST_SHEETS:
        rows = draw(st.lists(st.fixed_dictionaries({c.key: _record_values for c in sheet.columns}),
                             max_size=2))
        if rows:
            elements[sheet.key] = rows
    return ModelRecords(intervention=iv, elements=elements)


@given(recs=records())
@budget(15)
def test_builder_round_trips_any_text_and_writes_no_formula(recs):
    with tempfile.TemporaryDirectory() as tmp:
        path = build_workbook(Path(tmp) / "built.xlsx", recs)  # raises if it does not read back
        assert formula_cells(path) == []
        assert read_workbook(path).to_records().normalised() == recs.normalised()


# --- the CLI, with any file name ------------------------------------------------------------------

_names = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="/\\"),
    min_size=1, max_size=30,
).filter(lambda s: s.strip(" .") == s and s not in (".", ".."))


@given(name=_names, suffix=st.sampled_from([".xlsx", ".XLSX", ".xlsm", ".csv", ""]))
@budget(20)
def test_cli_new_with_any_file_name(capsys, name, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / (name + suffix)
        if len(os.fsencode(target.name)) > 255:
            return
        code = cli.main(["new", str(target)])
        out, err = capsys.readouterr()
        if code == 0:
            assert out.strip() == str(target) and err == ""
            assert len(read_workbook(target)) == 0
        else:
            assert code == 2 and err.count("\n") == 1 and err.startswith("lm-excel: error: "), err
            assert not target.exists()
        leftovers = [p.name for p in Path(tmp).iterdir() if p != target]
        assert leftovers == []

