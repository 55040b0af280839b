"""Where share and merge write, and how: a new file (never over an input without --force) or
in place after a backup; written beside the target, read back and checked, then renamed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from lm_excel.errors import LmExcelError, OutputError, UsageError
from lm_excel.exchange.snapshot import Grid, Snapshot
from lm_excel.fileio import Output, Written
from lm_excel.model import ModelRecords
from lm_excel.workbook.xlsx_comments import CommentAdd
from lm_excel.workbook.xlsx_patch import CellEdit, FormatEdit


def output_target(out: Path | None, in_place_of: Path | None, inputs: Sequence[Path], force: bool,
                  suffix: str | None) -> Output:
    """Where to write, under the output policy (:func:`lm_excel.fileio.claim_output`); in place,
    :meth:`~lm_excel.fileio.Output.write` makes the backup."""
    from lm_excel.fileio import claim_output

    if in_place_of is not None:
        if suffix and in_place_of.suffix.lower() != suffix:
            raise UsageError(f"'{in_place_of.name}': --in-place needs a {suffix} file; give -o OUT{suffix}")
        return claim_output(in_place_of, in_place=True)
    if out is None:
        raise UsageError("give the output file with -o OUT.xlsx (or --in-place)")
    if suffix and out.suffix.lower() != suffix:
        raise UsageError(f"'{out.name}': give an output file name ending in {suffix}")
    return claim_output(out, inputs=inputs, force=force)


def write_model(out: Output, records: ModelRecords, extras: Mapping[str, Grid], meta: Mapping[str, str],
                start_note: str | None, check: Callable[[Snapshot], None], carry_from: Path,
                renamed: Mapping[str, str] | None = None) -> Written:
    """Build the workbook, then put back the parts of ``carry_from`` it lacks (the xlwings Lite
    add-in and its buttons, other programs' parts), check it, and put it in place. What could not
    be put back is in the result's ``kept_out`` lines (``renamed``: see
    :func:`~lm_excel.workbook.carry.carry_parts`)."""
    from lm_excel.workbook.addin import is_lite
    from lm_excel.workbook.builder import write_workbook_file
    from lm_excel.workbook.carry import carry_parts
    from lm_excel.workbook.reader import read_workbook

    target = out.path
    kept_out: list[str] = []

    def write(tmp: Path) -> None:
        # a Lite workbook's buttons are carried over: Start keeps their heading too
        write_workbook_file(tmp, records, meta=meta, extras=extras, start_note=start_note,
                            buttons=is_lite(carry_from))
        kept_out[:] = carry_parts(carry_from, tmp, renamed).lines(target.name)

    def verify(tmp: Path) -> None:
        model = read_workbook(tmp)
        if model.to_records().normalised() != records.normalised():
            raise LmExcelError("the written workbook did not read back as written; nothing was saved", target)
        from lm_excel.workbook.builder import check_extras

        check_extras(model, extras, target, "nothing was saved")
        check(Snapshot.of(model))

    return dataclasses.replace(out.write(write, verify), kept_out=tuple(kept_out))


def write_into_copy(src: Path, out: Output, edits: Sequence[CellEdit],
                    check: Callable[[Snapshot], None], new_sheets: Sequence[str] = (),
                    formats: Sequence[FormatEdit] = (), formats_from: Path | None = None,
                    comments: Sequence[CommentAdd] = ()) -> Written:
    """Write a copy of ``src`` with ``edits`` (and cell formats from ``formats_from``, comments)
    to ``out``, verified (see :mod:`~lm_excel.workbook.xlsx_patch`)."""
    from lm_excel.exchange.snapshot import read_snapshot
    from lm_excel.workbook.xlsx_patch import PatchError, patch_workbook

    target = out.path

    def write(tmp: Path) -> None:
        try:
            patch_workbook(src, tmp, edits, new_sheets, formats, formats_from, comments)
        except PatchError as exc:
            raise OutputError(f"cannot be written into a copy of '{src.name}': {exc}", target) from None

    return out.write(write, lambda tmp: check(read_snapshot(tmp)))
