"""The Word report: a formatted, accessible document built from a logic model.

:func:`build_report` returns a python-docx ``Document``; :func:`write_report` saves it atomically,
re-reads it to verify, and never overwrites a report that is open in Word (a new name is chosen).
The sections' content is in :mod:`.sections` and :mod:`.evaluation`; the house style's writing
layer (reference document, tables, fields, pictures) in :mod:`.docwriter`; the readiness summary
in :mod:`.readiness`.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import OutputError, UsageError
from ..model import LogicModel
from . import diagram as D
from . import evaluation as E
from . import sections as S
from .docwriter import LANGUAGE, finish, new_document, page_break
from .readiness import assess
from .text import one_line


@dataclass
class ReportResult:
    """What :func:`write_report` wrote."""

    path: Path
    requested: Path  # the path asked for (differs from ``path`` when that one was open)
    diagram: Path | None = None
    note: str | None = None  # one line for the user: why the contents have no page numbers

    @property
    def renamed(self) -> bool:
        return self.path != self.requested


#: The level-1 headings of the report, in order (the optional appendices are added when written).
CORE_SECTIONS = ("Readiness summary", "Summary", "Context", "The logic model at a glance",
                 "How it works", "Assumptions", "Potential negative consequences", "Evaluation plan")


def planned_headings(plan: Any, with_check_detail: bool, findings: Any) -> list[str]:
    """The level-1 headings, in order, for the contents (must match what is written)."""
    from . import sources

    out = list(CORE_SECTIONS)
    if sources.plan_measures(plan):
        out.append("Appendix: the measures used")
    if with_check_detail and findings is not None:
        out.append("Appendix: the check in detail")
    return out


def build_report(model: LogicModel, findings: Any = None, plan: Any = None, *,
                 diagram_png: bytes | None = None, include_diagram: bool = True,
                 with_check_detail: bool = False,
                 page_numbers: dict[str, int] | None = None) -> Any:
    """A python-docx ``Document`` reporting on ``model``.

    ``findings`` is the quality check's report (anything with ``.findings``, or a list of
    findings): it gives the readiness summary, and with ``with_check_detail`` an appendix of
    every finding. ``plan`` is the evaluation-measures plan. ``diagram_png`` reuses an
    already-rendered diagram. ``page_numbers`` (heading -> page) fills the contents' page numbers.
    """
    values = S.intervention_values(model)
    doc = new_document(values)
    graph = D.build_graph(model)
    png = None
    alt = ""
    if len(graph) and include_diagram:
        png = diagram_png if diagram_png is not None else D.render(model, "png")
        alt = D.alt_text(model, graph)
    w = S.Writer(doc, model, assess(model, findings, plan))
    S.title_page(w, values)
    page_break(doc)
    pages = page_numbers or {}
    w.contents([(1, h, pages.get(h)) for h in planned_headings(plan, with_check_detail, findings)])
    S.readiness(w)
    S.summary(w)
    S.context(w)
    S.at_a_glance(w, graph, png, alt)
    S.how_it_works(w)
    S.assumptions(w)
    S.negatives(w)
    E.evaluation(w, plan)
    E.measures_appendix(w, plan)
    if with_check_detail:
        E.check_appendix(w, findings)
    finish(doc)
    _properties(doc, model, values)
    return doc


def _properties(doc: Any, model: LogicModel, values: dict[str, str]) -> None:
    props = doc.core_properties
    props.title = f"{values['intervention']}: logic model report"
    props.subject = "Logic model report"
    props.author = values["organisation"] or "lm-excel"
    props.language = LANGUAGE
    props.keywords = "logic model; evaluation; children's services"
    props.comments = f"Made with lm-excel {__version__} from {one_line(model.source)}"
    props.version = values["version"]
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
    props.last_modified_by = "lm-excel"
    props.revision = 1


# --- writing ----------------------------------------------------------------------------------


def default_report_path(model: LogicModel, folder: Path, stem: str | None = None) -> Path:
    """'<workbook name> report v<version> <yyyy-mm-dd>.docx' in ``folder``."""
    base = stem or Path(model.source).stem or "logic-model"
    version = re.sub(r"[^\w.\-]+", "-", one_line(model.intervention.version)).strip("-")
    parts = [base, "report"]
    if version:
        parts.append(f"v{version}")
    parts.append(_dt.date.today().isoformat())
    name = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', "-", " ".join(parts))
    return folder / f"{name}.docx"


def _number_contents(doc: Any, headings: Sequence[str], office: Any = None) -> str | None:
    """Fill the contents' page numbers from a LibreOffice layout of ``doc`` (when LibreOffice
    is installed), by ``office`` (a :class:`.pages.Office` started earlier) or one started now.
    Returns a line saying why some or all are missing (None when every section has one)."""
    import tempfile
    from contextlib import nullcontext

    from . import pages
    from .docwriter import fill_contents

    started = pages.start_office() if office is None else None
    if office is None and started is None:
        return ("the contents have no page numbers: LibreOffice is not installed "
                "(Word adds them when it opens the report)")
    with started or nullcontext():
        # A stand-in number on every entry, so no contents line reads like a heading.
        fill_contents(doc, {h: "00" for h in headings})
        with tempfile.TemporaryDirectory(prefix="lm-excel-report-") as tmp:
            draft = Path(tmp, "report.docx")
            doc.save(os.fspath(draft))
            found = (office or started).layout_pages(draft, headings)
    fill_contents(doc, found)
    missing = len([h for h in headings if h not in found])
    if not missing:
        return None
    which = "the contents have no page numbers" if missing == len(headings) else \
        f"{missing} of the {len(headings)} contents entries have no page number"
    return f"{which}: LibreOffice could not lay the report out (Word adds them when it opens the report)"


def _verify(path: Path, expected_title: str) -> None:
    import docx

    try:
        doc = docx.Document(os.fspath(path))
    except Exception as exc:  # noqa: BLE001 - any failure to re-read means a bad file
        raise OutputError(f"the report was not written correctly ({exc})", path) from None
    if doc.core_properties.title != expected_title or not doc.paragraphs:
        raise OutputError("the report was not written correctly (it reads back different)", path)


def write_report(path: str | os.PathLike[str], model: LogicModel, findings: Any = None,
                 plan: Any = None, diagram_out: str | os.PathLike[str] | None = None,
                 *, protect: Sequence[str | os.PathLike[str]] = (),
                 with_check_detail: bool = False, page_numbers: bool = False,
                 office: Any = None) -> ReportResult:
    """Write the report to ``path`` (.docx) atomically and verify it by reading it back.

    Whether ``path`` may be written is the caller's decision (``fileio.claim_output``; the Excel
    button picks a free name with ``fileio.free_path``); a file open in Word is never replaced.
    ``protect`` lists files that must never be overwritten (the input workbook).
    ``diagram_out`` also saves the diagram (.png or .svg). ``with_check_detail`` adds an appendix
    listing every finding of the check. With ``page_numbers`` the contents get their page
    numbers from a LibreOffice layout when LibreOffice is installed (see :mod:`.pages`; about
    half a second more), by ``office`` when given (a :class:`.pages.Office` started earlier, so that
    LibreOffice starts while the report is written); Word adds them anyway when it opens the file.
    """
    from ..fileio import write_verified

    requested = Path(path)
    if requested.suffix.lower() != ".docx":
        raise UsageError(f"'{requested.name}': the report file name must end in .docx")
    for other in protect:
        if Path(other).exists() and requested.exists() and requested.resolve() == Path(other).resolve():
            raise UsageError(f"'{requested.name}' is the input workbook; choose another name for the report")
    target = requested
    diagram_path = None
    png = None
    if diagram_out is not None:
        dpath = Path(diagram_out)
        for other in (*protect, target):
            if dpath.exists() and Path(other).exists() and dpath.resolve() == Path(other).resolve():
                raise UsageError(f"'{dpath.name}' is the input or the report; choose another name for the diagram")
        diagram_path = D.save_diagram(model, dpath)
        if dpath.suffix.lower() == ".png":
            png = dpath.read_bytes()
    doc = build_report(model, findings, plan, diagram_png=png, with_check_detail=with_check_detail)
    note = None
    if page_numbers:
        note = _number_contents(doc, planned_headings(plan, with_check_detail, findings), office)
    title = doc.core_properties.title
    write_verified(target, lambda tmp: doc.save(os.fspath(tmp)), lambda tmp: _verify(tmp, title))
    return ReportResult(target, requested, diagram_path, note)
