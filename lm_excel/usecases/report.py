"""Report: the Word report of a workbook, with its check and the measures plan it holds."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lm_excel.errors import UsageError
from lm_excel.usecases.check import check_model
from lm_excel.usecases.source import WorkbookSource, file_of, read_model

if TYPE_CHECKING:  # pragma: no cover
    from lm_excel.report.document import ReportResult


def make_report(source: WorkbookSource, output: str | os.PathLike[str] | None = None,
                diagram_out: str | os.PathLike[str] | None = None, *,
                protect: Sequence[str | os.PathLike[str]] = (), with_check_detail: bool = False,
                page_numbers: bool = True, force: bool = False,
                update_workbook: bool = False) -> ReportResult:
    """Write the Word report of a workbook; return the ``ReportResult``.

    The report shows the same check as :func:`check_workbook` (the findings of
    :func:`check_model`) and the measures plan the workbook holds, as the user left it (none
    when it holds none). By default it goes beside the workbook file, named after it with the
    intervention's version and today's date. The outputs follow the output policy (``force``
    replaces existing ones; never the workbook, never a file open in Word). The workbook itself
    is never written. ``with_check_detail`` adds every finding's detail;
    ``page_numbers=False`` leaves the page-number fields out. ``update_workbook`` (a workbook
    file only) also redraws the workbook's Diagram sheet when it is out of date, after a backup.
    """
    from contextlib import nullcontext

    from lm_excel.fileio import claim_output, distinct_outputs
    from lm_excel.report.pages import start_office

    if diagram_out is not None and Path(diagram_out).suffix.lower() not in (".png", ".svg"):
        raise UsageError(f"'{Path(diagram_out).name}': the diagram file name must end in .png or .svg")
    if output is not None and Path(output).suffix.lower() != ".docx":
        raise UsageError(f"'{Path(output).name}': the report file name must end in .docx")
    path = file_of(source)
    keep = [*protect, *([path] if path is not None else [])]
    claimed = None if output is None else claim_output(output, inputs=keep, force=force)
    diagram = None if diagram_out is None else claim_output(diagram_out, inputs=keep, force=force)
    distinct_outputs(claimed, diagram)
    if update_workbook and path is None:
        raise UsageError("--update-workbook needs a workbook file")
    # LibreOffice (for the contents' page numbers) starts now, while the report is written.
    office = start_office() if page_numbers else None
    with office or nullcontext():
        return _write(source, path, keep, claimed, diagram, with_check_detail, page_numbers,
                      force, update_workbook, office)


def _write(source: WorkbookSource, path: Path | None, keep: list[Any], claimed: Any,
           diagram: Any, with_check_detail: bool, page_numbers: bool, force: bool,
           update_workbook: bool, office: Any) -> ReportResult:
    """Read and check the model, then write its report to the outputs already claimed."""
    from lm_excel.fileio import claim_output
    from lm_excel.report.document import default_report_path, write_report

    model = read_model(source)
    report, plan = check_model(model)
    if claimed is None:  # the default name depends on the model's version
        if path is None:
            raise UsageError("give the report's file name (the workbook has no folder)")
        claimed = claim_output(default_report_path(model, path.parent, path.stem), inputs=keep,
                               force=force)
    result = write_report(claimed.path, model, report, plan,
                          None if diagram is None else diagram.path, protect=keep,
                          with_check_detail=with_check_detail, page_numbers=page_numbers,
                          office=office)
    if update_workbook and path is not None:
        from lm_excel.usecases.diagram import diagram_state, draw_diagram

        if not diagram_state(model).current:
            draw_diagram(path, in_place=True)
    return result
