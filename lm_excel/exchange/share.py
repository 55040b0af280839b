"""Write a macro-free copy of a model for a partner: ``lm-excel share``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from lm_excel import __version__
from lm_excel import layout as L
from lm_excel.errors import LmExcelError
from lm_excel.exchange.snapshot import (
    Snapshot,
    default_user,
    log_rows,
    now_text,
    read_snapshot,
    table_grid_of,
)
from lm_excel.exchange.writing import output_target, write_model
from lm_excel.model import cell_text


@dataclass
class ShareResult:
    path: Path
    note: str
    summary: str
    backup: Path | None = None
    kept_out: tuple[str, ...] = ()  # one line per part of the model the copy could not keep


def share_file(model_path: str | os.PathLike[str], out: str | os.PathLike[str] | None, *,
               sender: str | None = None, to: str | None = None, return_to: str | None = None,
               by: str | None = None, force: bool = False, in_place: bool = False) -> ShareResult:
    """Write a macro-free .xlsx copy of a model for emailing, with a note on Start and a log row.

    With ``in_place`` the model is replaced (after a backup) under the same exclusive lock as an
    in-place merge, and refused while it is open in Excel or LibreOffice.
    """
    from lm_excel.fileio import exclusive_lock

    src = Path(model_path)
    with exclusive_lock(src if in_place else None):
        return _share(src, out, sender, to, return_to, by, force, in_place)


def _share(src: Path, out: str | os.PathLike[str] | None, sender: str | None, to: str | None,
           return_to: str | None, by: str | None, force: bool, in_place: bool) -> ShareResult:
    snap = read_snapshot(src)
    claimed = output_target(None if out is None else Path(out), src if in_place else None, [src],
                            force, ".xlsx")
    target = claimed.path
    who = by or default_user()
    when = now_text()
    version = cell_text(snap.records.intervention.get("version"))
    sender = sender or who
    parts = [f"Shared by {sender} on {when[:10]}"]
    if to:
        parts.append(f"for {to}")
    note = " ".join(parts) + "."
    if version:
        note += f" Model version {version}."
    note += (f" Please return your edited copy to {return_to}." if return_to else
             f" Please return your edited copy to {sender}.")
    note += (" Edit the rows and cells freely, but keep the IDs and sheet names so the copies can be "
             "merged (lm-excel merge).")
    n = sum(len(v) for v in snap.records.elements.values())
    summary = f"shared a macro-free copy ({n} elements) from {sender}" + (f" to {to}" if to else "") + (
        f"; return to {return_to}" if return_to else "")
    log = log_rows(snap) + [{"when": when, "who": who, "action": "share", "summary": summary,
                             "files": f"{src.name} -> {target.name}", "tool": __version__}]
    extras = dict(snap.extras)
    extras[L.CHANGE_LOG.name] = table_grid_of(L.CHANGE_LOG, log)
    meta = {
        "model_version": version, "shared_at": when, "shared_by": sender, "shared_to": to or "",
        "return_to": return_to or sender, "shared_from": src.name,
    }
    before = log_rows(snap)

    def check(written: Snapshot) -> None:
        after = log_rows(written)
        if len(after) < len(before) + 1:
            raise LmExcelError("the change log lost rows when written; nothing was saved", target)

    from lm_excel.workbook.builder import metadata

    written = write_model(claimed, snap.records, extras, metadata(meta), note, check, src, _renamed(snap))
    return ShareResult(written.path, note, summary, written.backup, written.kept_out)


def _renamed(snap: Snapshot) -> dict[str, str]:
    """The copy's name for each model sheet the model has under another name (found by its header)."""
    if snap.view is None:
        return {}
    names = {L.INTERVENTION.key: L.INTERVENTION.name, **{k: s.name for k, s in L.LIST_SHEET_BY_KEY.items()}}
    renamed = {actual: names[key] for key, actual in snap.view.located.items() if actual and key in names}
    renamed.update({actual: name for name, (actual, _rows) in snap.view.outputs.items()})
    return renamed

