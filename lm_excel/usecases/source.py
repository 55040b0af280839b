"""What a use case takes as "a workbook": a file, the grids of a live workbook, or a model."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from lm_excel.model import LogicModel

Grid = Sequence[Sequence[object]]


@dataclass(frozen=True)
class Grids:
    """A workbook read as values: one grid (rows from A1) per sheet, e.g. from a workbook open
    in Excel. ``name`` is how messages name it; ``path`` is its file, when it has one."""

    sheets: Mapping[str, Grid]
    name: str
    path: Path | None = None


#: A workbook as the use cases take it.
WorkbookSource = str | os.PathLike | Grids | LogicModel


def read_model(source: WorkbookSource) -> LogicModel:
    """The logic model of a workbook file, of a live workbook's grids, or the model itself."""
    if isinstance(source, LogicModel):
        return source
    if isinstance(source, Grids):
        from lm_excel.workbook.parse import parse_grids

        return parse_grids(source.sheets, source=source.name, path=source.path)
    from lm_excel.workbook.reader import read_workbook

    return read_workbook(Path(source))


def file_of(source: WorkbookSource) -> Path | None:
    """The file a workbook lives in, when known (a model alone does not say)."""
    if isinstance(source, (str, os.PathLike)):
        return Path(source)
    if isinstance(source, Grids):
        return source.path
    return None
