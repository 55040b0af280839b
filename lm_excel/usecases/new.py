"""New: a blank or example workbook."""

from __future__ import annotations

from pathlib import Path

from lm_excel.errors import UsageError


def new_workbook(path: Path, *, example: bool = False, force: bool = False, lite: bool = False,
                 requirement: str | None = None) -> Path:
    """Write a blank or example workbook to ``path`` (refusing to replace a file unless forced).
    A name ending in .xlsm gives the macro-enabled workbook with buttons; ``lite`` the .xlsx
    with the xlwings Lite add-in (``requirement``: the pip requirement it installs)."""
    from lm_excel.example import example_records
    from lm_excel.fileio import claim_output
    from lm_excel.workbook.builder import build_workbook

    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm"):
        raise UsageError(f"'{path.name}': give a file name ending in .xlsx (or .xlsm for one with buttons)")
    if requirement is not None and not lite:
        raise UsageError("--requirement goes with --lite")
    if lite and suffix != ".xlsx":
        raise UsageError(f"'{path.name}': an xlwings Lite workbook has no macros; give a name ending in .xlsx")
    if requirement is not None and (not requirement.strip() or "\n" in requirement):
        raise UsageError("--requirement: give one pip requirement or wheel URL on one line")
    path = claim_output(path, force=force).path  # the output policy
    records = example_records() if example else None
    if lite:
        from lm_excel.workbook.addin import build_lite_workbook

        written = build_lite_workbook(path, records, requirement)
    elif suffix == ".xlsm":
        from lm_excel.workbook.buttons import build_macro_workbook

        written = build_macro_workbook(path, records)
    else:
        written = build_workbook(path, records)
    if example:  # the worked example comes with its diagram drawn
        from lm_excel.usecases.diagram import redraw
        from lm_excel.workbook.reader import read_workbook

        written = redraw(written, read_workbook(written))
    return written
