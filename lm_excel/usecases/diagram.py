"""Diagram: draw the logic-model picture onto the workbook's Diagram sheet, and say whether the
picture there is current.

The picture is drawn by the report's renderer (:mod:`lm_excel.report.diagram`), sized for a
sheet: as wide as a landscape page and as tall as the fullest column needs at the largest font,
so it reads at 100% zoom whatever the model's size. Whether a drawn diagram is current is
decided by the model's drawing fingerprint (:func:`lm_excel.model.drawing_fingerprint`), stored
with the date and the model's version in the workbook's metadata when it is drawn.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from lm_excel import layout as L
from lm_excel.model import DRAWN_SHEETS, LogicModel, drawing_fingerprint

#: Width of the picture on the sheet, inches (about a landscape A3 page's width at 100% zoom).
SHEET_WIDTH_IN = 15.0
#: Resolution of the PNG: sharp at 100% and 150% zoom; the SVG beside it zooms without limit.
SHEET_DPI = 144
#: Most pixels in the PNG (about 4 MB of memory): a very large model's PNG is drawn at a lower
#: resolution, and Excel 365 shows the SVG, which keeps every detail.
SHEET_MAX_PIXELS = 6_000_000


@dataclass(frozen=True)
class DiagramState:
    """Whether the workbook's diagram shows the model as it is now."""

    drawn: bool  # a diagram has been drawn into this workbook
    current: bool  # ... and the model has not changed since
    drawn_on: str  # ISO date it was drawn ('' when never)
    version: str  # the model's version when drawn ('' when none was given)

    @property
    def note(self) -> str:
        """The plain note shown on the Diagram sheet ('' when the diagram is current)."""
        if not self.drawn:
            return ("No diagram has been drawn yet: press Build measures plan or Create Word "
                    "report, or run lm-excel diagram.")
        if self.current:
            return ""
        return (f"This diagram was drawn{_from_version(self.version)} on {_day(self.drawn_on)}; the "
                "model has changed since: press Build measures plan or Create Word report, or run "
                "lm-excel diagram, to draw it again.")


def diagram_state(model: LogicModel) -> DiagramState:
    """Compare the fingerprint stored when the diagram was drawn with the model's own."""
    stored = model.meta.get(L.META_DIAGRAM_FINGERPRINT, "")
    return DiagramState(
        drawn=bool(stored),
        current=bool(stored) and stored == drawing_fingerprint(model),
        drawn_on=model.meta.get(L.META_DIAGRAM_DRAWN, ""),
        version=model.meta.get(L.META_DIAGRAM_VERSION, ""),
    )


def _day(iso: str) -> str:
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso or "an earlier date"
    return f"{day.day} {day:%B %Y}"


def _from_version(version: str) -> str:
    return f" from version {version}" if version else ""


def caption(model: LogicModel, today: dt.date) -> str:
    """What the picture was drawn from, and when."""
    name = model.intervention.name.strip() or "this logic model"
    counts = [f"{len(model.elements[k])} {L.LIST_SHEET_BY_KEY[k].name.lower()}"
              for k in DRAWN_SHEETS if model.elements[k]]
    links = sum(1 for k in DRAWN_SHEETS for el in model.elements[k] for _ in el.links())
    what = ", ".join(counts) if counts else "no elements yet"
    version = model.intervention.version.strip()
    return (f"{name}{_from_version(version)}, drawn by lm-excel on {today.day} {today:%B %Y}: "
            f"{what}; {links} link{'s' if links != 1 else ''}. Arrows show the links typed in "
            "the link columns.")


def sheet_picture(model: LogicModel, today: dt.date | None = None):  # -> DiagramPicture
    """The Diagram sheet's picture (PNG and SVG), caption and metadata for ``model`` now."""
    from lm_excel.report.diagram import alt_text, render_formats
    from lm_excel.workbook.diagram_sheet import DiagramPicture, svg_size_in

    today = today or dt.date.today()
    drawn = render_formats(model, ("png", "svg"), SHEET_DPI, width=SHEET_WIDTH_IN, height=0,
                           max_pixels=SHEET_MAX_PIXELS)
    png, svg = drawn["png"], drawn["svg"]
    width, height = svg_size_in(svg)
    return DiagramPicture(
        png=png,
        svg=svg,
        width_in=width,
        height_in=height,
        alt_text=alt_text(model),
        caption=caption(model, today),
        note="",
        meta={
            L.META_DIAGRAM_FINGERPRINT: drawing_fingerprint(model),
            L.META_DIAGRAM_DRAWN: today.isoformat(),
            L.META_DIAGRAM_VERSION: model.intervention.version.strip(),
        },
    )


def draw_into(source: str | os.PathLike[str], target: str | os.PathLike[str],
              model: LogicModel, today: dt.date | None = None) -> Path:
    """Write ``source`` to ``target`` with its Diagram sheet drawn from ``model`` (everything
    else in the workbook kept as it was)."""
    from lm_excel.workbook.diagram_sheet import write_diagram_sheet

    return write_diagram_sheet(source, target, sheet_picture(model, today))


@dataclass(frozen=True)
class DiagramResult:
    """The model drawn and the files written (a backup first, with ``in_place``)."""

    model: LogicModel
    written: tuple[Path, ...]


def draw_diagram(path: str | os.PathLike[str], output: str | os.PathLike[str] | None = None, *,
                 in_place: bool = False, force: bool = False) -> DiagramResult:
    """Draw the diagram of a workbook file onto its Diagram sheet: into a copy (``output``,
    default NAME-diagram.xlsx beside it) or, with ``in_place``, the file itself after a backup,
    under the output policy (:func:`lm_excel.fileio.claim_output`)."""
    from lm_excel.errors import UsageError
    from lm_excel.fileio import claim_output
    from lm_excel.usecases.source import read_model

    path = Path(path)
    if in_place and output is not None:
        raise UsageError("give either -o OUT or --in-place, not both")
    requested = path if in_place else (Path(output) if output is not None
                                       else path.with_name(f"{path.stem}-diagram{path.suffix}"))
    out = claim_output(requested, inputs=[path], force=force, in_place=in_place)
    model = read_model(path)
    saved = out.write(lambda tmp: draw_into(path, tmp, model) and None)
    return DiagramResult(model, (saved.backup, saved.path) if saved.backup else (saved.path,))


def redraw(path: Path, model: LogicModel, today: dt.date | None = None) -> Path:
    """Draw ``model`` onto the Diagram sheet of ``path``, a file this action has just written
    (its permissions, set by the output policy, are kept)."""
    mode = os.stat(path).st_mode & 0o7777
    drawn = draw_into(path, path, model, today)
    os.chmod(drawn, mode)
    return drawn
