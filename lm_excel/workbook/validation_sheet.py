"""The Validation sheet: a check's findings written into the workbook, and the status on Start.

:func:`write_validation` lays the report out through any :class:`~lm_excel.workbook.sheetwriter.SheetWriter`
(a file through openpyxl here; a live workbook through xlwings in the Excel buttons).
:func:`write_checked` writes a checked copy of a file (or the file itself, after a backup)
atomically, and verifies that the copy reads back with exactly the input's values. Reading and
checking are the use case's (:func:`lm_excel.usecases.check_workbook`).
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from lm_excel import layout as L
from lm_excel.errors import LmExcelError, UsageError
from lm_excel.fileio import Output, Written, claim_output
from lm_excel.findings import SEVERITIES, Finding, Report
from lm_excel.model import CellRef, LogicModel
from lm_excel.workbook.sheetwriter import SheetWriter

#: Row of the "Checked" line (the summary runs to the "Verdict" line on row 10), and of the
#: findings table's header.
SUMMARY_ROW = 4
TABLE_HEADER_ROW = 11
#: The problem in words first (the rule's title); its code last, for looking it up in the docs.
HEADERS = ("Severity", "Problem", "Sheet", "Cell", "Element", "What is wrong", "How to fix", "Code")
WIDTHS = {"A": 11, "B": 28, "C": 20, "D": 8, "E": 9, "F": 60, "G": 60, "H": 22}
LAST_COLUMN = "H"
#: Severity as text (never colour alone), with its fill and text colour (contrast >= 7:1).
SEVERITY_TEXT = {"error": "Error", "warning": "Warning", "info": "Note"}
SEVERITY_STYLE = {
    "error": ("F8D7DA", "7A1010"),
    "warning": ("FFF2CC", "5C4300"),
    "info": ("DDEBF7", "1F3864"),
}
#: Conditional-formatting fill of highlighted cells on the model's sheets.
HIGHLIGHT_FILL = {"error": "FFC7CE", "warning": "FFEB9C"}
HEADER_FILL, HEADER_TEXT = "4A4A4A", "FFFFFF"


def status_line(report: Report) -> str:
    """The one-line result written on the Start sheet."""
    when = report.checked_at.strftime("%d/%m/%Y %H:%M")
    return f"Checked {when}: {report.status()}. See the Validation sheet for details."


#: Marks a finding grouped under the headline above it (the rows it concerns).
DETAIL_MARK = "\u21b3 "


def _ordered(report: Report) -> list[tuple[Finding, bool]]:
    """The headlines first (most serious first), each followed by the findings grouped under it
    (marked True); then the other findings, errors first, then warnings, then notes, each in
    workbook order, again with any grouped under them."""
    rows: list[tuple[Finding, bool]] = []
    for f in report.headlines:
        rows.append((f, False))
        rows.extend((d, True) for d in f.details)
    rest = [f for f in report.findings if not f.headline]
    for f in sorted(rest, key=lambda f: SEVERITIES.index(f.severity)):
        rows.append((f, False))
        rows.extend((d, True) for d in f.details)  # a sheet-wide finding's rows
    return rows


def _sheet_lookup(names: list[str]) -> dict[str, str]:
    return {L.match_key(n): n for n in names}


def write_validation(writer: SheetWriter, report: Report, *, highlight: bool = True) -> None:
    """Write ``report`` to the Validation sheet, the status on Start and (optionally) highlights.

    Everything the previous check wrote (rows of the Validation sheet from row 3 down, and its
    highlights) is removed first; nothing else in the workbook is touched.
    """
    names = writer.sheet_names()
    actual = _sheet_lookup(names)
    sheet = actual.get(L.match_key(L.VALIDATION.name))
    if sheet is None:
        writer.add_sheet(L.VALIDATION.name, after=actual.get(L.match_key(L.MEASURES_PLAN.name)))
        sheet = L.VALIDATION.name
        writer.write_grid(sheet, "A1", [[L.VALIDATION.name], [L.VALIDATION.intro]])
        writer.set_style(sheet, "A1", bold=True)
    writer.clear_rows(sheet, 3)
    writer.clear_highlights()

    _summary(writer, sheet, report)
    ordered = _ordered(report)
    findings = [f for f, _ in ordered]
    writer.write_grid(sheet, f"A{TABLE_HEADER_ROW}", [list(HEADERS)])
    writer.set_style(sheet, f"A{TABLE_HEADER_ROW}:{LAST_COLUMN}{TABLE_HEADER_ROW}", fill=HEADER_FILL,
                     font_colour=HEADER_TEXT, bold=True, wrap=True)
    first = TABLE_HEADER_ROW + 1
    if not findings:
        writer.write_grid(sheet, f"A{first}", [["No problems found."]])
        _status(writer, actual, report)
        return
    _findings_table(writer, sheet, first, ordered)
    links: list[CellRef | None] = []
    for f in findings:
        target_sheet = actual.get(L.match_key(f.sheet)) if f.sheet else None
        links.append(CellRef(target_sheet, f.cell or "A1") if target_sheet else None)
    writer.set_links(sheet, f"D{first}", links)
    if highlight:
        _highlight(writer, actual, findings)
    _status(writer, actual, report)


def _summary(writer: SheetWriter, sheet: str, report: Report) -> None:
    """The block above the findings: when, which workbook, the result and the counts."""
    c = report.counts
    summary = [
        ["Checked", report.checked_at.strftime("%d/%m/%Y %H:%M")],
        ["Workbook", report.source],
        ["Result", report.result()],
        ["Errors", c["error"]],
        ["Warnings", c["warning"]],
        ["Notes", c["info"]],
        ["Verdict", report.verdict()],
    ]
    writer.write_grid(sheet, f"A{SUMMARY_ROW}", summary)
    writer.set_style(sheet, f"A{SUMMARY_ROW}:A{SUMMARY_ROW + len(summary) - 1}", bold=True)
    writer.set_column_widths(sheet, WIDTHS)


def _findings_table(writer: SheetWriter, sheet: str, first: int,
                    ordered: list[tuple[Finding, bool]]) -> None:
    """One row per finding from row ``first``: severity coloured, headlines in bold, details
    of a headline marked and without a fix of their own."""
    rows = [
        [SEVERITY_TEXT[f.severity], f.info.title, f.sheet or "(workbook)", f.cell, f.element_id,
         (DETAIL_MARK if detail else "") + f.brief, "" if detail else f.fix, f.code]
        for f, detail in ordered
    ]
    writer.write_grid(sheet, f"A{first}", rows)
    last = first + len(rows) - 1
    writer.set_style(sheet, f"B{first}:{LAST_COLUMN}{last}", wrap=True)
    writer.set_row_heights(sheet, first, [_height(r) for r in rows])
    for start, end, sev in _runs([f.severity for f, _ in ordered]):  # one style call per run
        fill, text = SEVERITY_STYLE[sev]
        writer.set_style(sheet, f"A{first + start}:A{first + end}", fill=fill, font_colour=text, bold=True)
    headline_rows = [i for i, (f, _) in enumerate(ordered) if f.headline or f.details]
    for i in headline_rows:
        writer.set_style(sheet, f"B{first + i}:{LAST_COLUMN}{first + i}", bold=True, wrap=True)


def _runs(severities: list[str]) -> list[tuple[int, int, str]]:
    """(first, last, severity) of each run of equal severities, as 0-based row offsets."""
    runs: list[tuple[int, int, str]] = []
    for i, sev in enumerate(severities):
        if runs and runs[-1][2] == sev and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i, sev)
        else:
            runs.append((i, i, sev))
    return runs


def _height(row: list[object]) -> float:
    """Row height (points) that fits the row's wrapped text (estimated as the builder does)."""
    from lm_excel.workbook.styles import text_lines

    lines = max(text_lines(str(value or ""), WIDTHS[letter]) for value, letter in zip(row, "ABCDEFGH"))
    return min(409.0, lines * 12.9 + 3)


def _highlight(writer: SheetWriter, actual: dict[str, str], findings: list[Finding]) -> None:
    cells: dict[tuple[str, str], list[str]] = {}
    done: set[tuple[str, str]] = set()
    for f in sorted(findings, key=lambda f: SEVERITIES.index(f.severity)):  # a cell with an error
        # and a warning shows the error
        name = actual.get(L.match_key(f.sheet)) if f.sheet else None
        if name is None or not f.cell or f.severity not in HIGHLIGHT_FILL or (name, f.cell) in done:
            continue
        done.add((name, f.cell))
        cells.setdefault((name, f.severity), []).append(f.cell)
    for (name, sev), refs in cells.items():
        writer.highlight(name, refs, HIGHLIGHT_FILL[sev])


def _status(writer: SheetWriter, actual: dict[str, str], report: Report) -> None:
    start = actual.get(L.match_key(L.START.name))
    if start is not None:
        writer.write_grid(start, L.START_STATUS_CELL, [[status_line(report)]])


# --- files -----------------------------------------------------------------------------------------


def checked_name(path: Path) -> Path:
    """Default output beside the input: 'name-checked.xlsx' (or '.xlsm')."""
    return path.with_name(f"{path.stem}-checked{path.suffix}")


def write_checked(
    src: Path,
    model: LogicModel,
    report: Report,
    *,
    out: str | os.PathLike[str] | None = None,
    in_place: bool = False,
    highlight: bool = True,
    force: bool = False,
) -> Written:
    """Write ``report`` on the Validation sheet of a copy of the workbook file ``src`` (whose
    logic model is ``model``); return the file written, the backup made, if any, and what could
    not be kept (``kept_out``: see :func:`lm_excel.workbook.carry.carry_parts`).

    The result goes to ``out`` (default: '<name>-checked.xlsx' beside the input) or, with
    ``in_place``, into the input itself after a backup copy, under the output policy
    (:func:`lm_excel.fileio.claim_output`; ``force`` allows replacing an existing output).
    Whatever is written is written atomically and checked: re-read, its logic model must equal
    the input's value for value.
    """
    from lm_excel.workbook.carry import carry_parts
    from lm_excel.workbook.reader import read_workbook

    target = _claim_checked_output(src, out, in_place=in_place, force=force)
    suffix = src.suffix.lower()
    expected = model.to_records().normalised()
    kept_out: list[str] = []

    def write_file(tmp: Path) -> None:
        import openpyxl

        from lm_excel.workbook.sheetwriter import OpenpyxlWriter

        try:
            wb = openpyxl.load_workbook(src, keep_vba=suffix == ".xlsm", keep_links=True)
        except Exception as exc:  # damaged in a way the value reader tolerated
            raise LmExcelError(f"could not be opened for writing ({type(exc).__name__})", src) from exc
        try:
            write_validation(OpenpyxlWriter(wb), report, highlight=highlight)
            wb.save(tmp)
        finally:
            wb.close()
        # what openpyxl dropped: the xlwings Lite add-in, shapes, ...
        kept_out[:] = carry_parts(src, tmp).lines(target.path.name)

    def verify(tmp: Path) -> None:
        back = read_workbook(tmp)
        if back.to_records().normalised() != expected:
            raise LmExcelError("the checked copy did not read back with the same values as the "
                               "input; nothing was saved", target.path)
        grid = back.extras.get(L.VALIDATION.name, ())
        rows = max(len(report.all_findings()), 1)
        if len(grid) < TABLE_HEADER_ROW + rows:
            raise LmExcelError("the Validation sheet did not read back as written; nothing was saved",
                               target.path)

    return dataclasses.replace(target.write(write_file, verify), kept_out=tuple(kept_out))


def _claim_checked_output(src: Path, out: str | os.PathLike[str] | None, *, in_place: bool,
                          force: bool) -> Output:
    """Where ``write_checked`` may write (the output policy), keeping the input's file type."""
    if in_place and out is not None:
        raise UsageError("give either an output file (-o) or --in-place, not both")
    requested = src if in_place else (Path(out) if out is not None else checked_name(src))
    if requested.suffix.lower() != src.suffix.lower():
        raise UsageError(f"'{requested.name}': the output must end in {src.suffix.lower()} like the input")
    return claim_output(requested, inputs=[src], force=force, in_place=in_place)
