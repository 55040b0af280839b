"""Share, diff and merge: working on a model with partners (thin over :mod:`lm_excel.exchange`)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from lm_excel.exchange.diff import Diff
    from lm_excel.exchange.merge import MergeFilesResult
    from lm_excel.exchange.share import ShareResult

PathLike = str | os.PathLike[str]


def share_workbook(model: PathLike, out: PathLike | None = None, *, sender: str | None = None,
                   to: str | None = None, return_to: str | None = None, by: str | None = None,
                   force: bool = False, in_place: bool = False) -> ShareResult:
    """Write a macro-free .xlsx copy of a model to email to a partner (note on Start, log row)."""
    from lm_excel.exchange.share import share_file
    from lm_excel.usecases.diagram import diagram_state, redraw
    from lm_excel.workbook.reader import read_workbook

    result = share_file(model, out, sender=sender, to=to, return_to=return_to, by=by, force=force,
                        in_place=in_place)
    shared = read_workbook(result.path)
    if not diagram_state(shared).current:  # partners get the picture of the model they are sent
        redraw(result.path, shared)
    return result


def diff_workbooks(a: PathLike, b: PathLike) -> Diff:
    """What changed from copy ``a`` to copy ``b``, element by element and field by field."""
    from lm_excel.exchange.diff import diff_files

    return diff_files(a, b)


def merge_workbooks(base: PathLike | None, mine: PathLike, theirs: PathLike,
                    out: PathLike | None = None, *, by: str | None = None, force: bool = False,
                    in_place: bool = False) -> MergeFilesResult:
    """Merge THEIRS into MINE (three-way with BASE, the copy sent out) and write the result."""
    from lm_excel.exchange.merge import merge_files

    return merge_files(base, mine, theirs, out, by=by, force=force, in_place=in_place)
