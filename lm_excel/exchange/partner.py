"""What a partner did outside the model's values, brought into MINE's file by a merge.

A merge writes into a copy of MINE (:mod:`~lm_excel.exchange.master`). Besides the values, a
partner's copy (THEIRS) may hold things a person did in their spreadsheet program, and a merge
carries each into the output where that is safe, and lists it on the *Conflicts* sheet where it
is not:

* **cell formats** (font, fill, number format) THEIRS gave a model value's cell: carried when
  the merge is three-way, MINE left that cell's format as it was in BASE, and the value is not in
  conflict (it is THEIRS' or unchanged); otherwise listed, with both formats.
* **comments** THEIRS added on a model value's cell: carried onto the merged cell of that value
  (wherever sorting, inserted rows or a renamed sheet put it), unless MINE has a comment there;
  a changed or removed comment, or one on a cell outside the model, is listed.
* **sheets of THEIRS' own** (added since BASE, not in MINE): added to the output as their
  values, cell formats and comments (formulas as their results); a changed own sheet, or one
  whose name MINE already uses, is listed.
* edits to the recommended-design text of the measures plan are listed (``plan`` writes it).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Collection
from dataclasses import dataclass, field

from lm_excel import layout as L
from lm_excel.exchange.fileview import FileView
from lm_excel.exchange.snapshot import PLAN, Snapshot
from lm_excel.exchange.structure import Outside, design_text
from lm_excel.model import a1, cell_text
from lm_excel.workbook.xlsx_comments import CommentAdd
from lm_excel.workbook.xlsx_patch import CellEdit, FormatEdit

#: What the Conflicts sheet says after a change that was not carried.
NOT_CARRIED = "not copied into MINE: copy it by hand if wanted"


@dataclass
class Carry:
    """The package edits that carry THEIRS' extras into MINE's copy, and what they could not."""

    edits: list[CellEdit] = field(default_factory=list)
    formats: list[FormatEdit] = field(default_factory=list)
    comments: list[CommentAdd] = field(default_factory=list)
    new_sheets: list[str] = field(default_factory=list)
    carried: list[str] = field(default_factory=list)  # one line per thing carried
    listed: list[Outside] = field(default_factory=list)  # for the Conflicts sheet


def _sheet_name(sheet_key: str) -> str:
    if sheet_key == L.INTERVENTION.key:
        return L.INTERVENTION.name
    return L.LIST_SHEET_BY_KEY[sheet_key].name if sheet_key in L.LIST_SHEET_BY_KEY else sheet_key


def carry_from_theirs(base: Snapshot | None, mine: Snapshot, theirs: Snapshot, placement: object,
                      in_conflict: Collection[tuple[str, str, str]]) -> Carry:
    """What to carry from THEIRS into MINE's copy (see the module's description).

    ``placement`` is the merge's :class:`~lm_excel.exchange.master.Placement` (where each merged
    value is written); ``in_conflict`` the (sheet key, element key, field key) of values in
    conflict ('' as field key: the whole row).
    """
    out = Carry()
    ref = base or mine
    if ref.view is None or mine.view is None or theirs.view is None:
        return out
    _formats(out, base, mine, theirs, placement, in_conflict)
    carried_sheets = _own_sheets(out, ref.view, mine.view, theirs.view)
    _comments(out, ref.view, mine.view, theirs.view, placement, carried_sheets)
    a, b = design_text(ref), design_text(theirs)
    if a != b and b:
        out.listed.append(Outside(PLAN, "Recommended design", f"evaluation-design text edited in THEIRS; "
                                  f"{NOT_CARRIED} (lm-excel plan writes it again)", a, b))
    return out


def _importable(mine: FileView, theirs: FileView) -> str:
    """'' when THEIRS' cell formats can be brought into MINE's styles part, else why not."""
    from lm_excel.workbook.xlsx_styles import StyleError, StyleImport, styles_part

    try:
        with zipfile.ZipFile(mine.path) as zm, zipfile.ZipFile(theirs.path) as zt:
            pm, pt = styles_part(zm), styles_part(zt)
            if pm is None or pt is None:
                return "a copy has no cell formats part"
            StyleImport(zm.read(pm), zt.read(pt))
    except (OSError, zipfile.BadZipFile, KeyError, StyleError) as exc:
        return f"the formats could not be read ({exc})"
    return ""


def _formats(out: Carry, base: Snapshot | None, mine: Snapshot, theirs: Snapshot, placement: object,
             in_conflict: Collection[tuple[str, str, str]]) -> None:
    ref = base or mine
    assert ref.view is not None and mine.view is not None and theirs.view is not None
    tf, rf, mf = theirs.view.formats(), ref.view.formats(), mine.view.formats()
    changed = {k: v for k, v in tf.items() if k in rf and rf[k][1] != v[1]}
    if not changed:
        return
    blocked = _importable(mine.view, theirs.view)
    cells = theirs.view.cells()
    for k, (style, fmt) in sorted(changed.items()):
        before = rf[k][1]
        where = placement.where(*k)  # type: ignore[attr-defined]
        if blocked:
            why = blocked
        elif base is None:
            why = "no base to tell which copy changed it"
        elif k in mf and mf[k][1] != before:
            why = "MINE changed its format too"
        elif k in in_conflict or (k[0], k[1], "") in in_conflict:
            why = "its value is in conflict (MINE's value was kept)"
        elif where is None:
            why = "the merged workbook has no cell for it"
        else:
            why = ""
        sheet, row, col = cells[k]
        if why:
            out.listed.append(Outside(sheet, a1(row, col), f"formatting changed in THEIRS; not copied "
                                      f"into MINE: {why}", before.describe(), fmt.describe()))
            continue
        out.formats.append(FormatEdit(where[0], where[1], where[2], style))
        out.carried.append(f"format of {where[0]}!{a1(where[1], where[2])} ({fmt.describe()})")


def _comments(out: Carry, ref: FileView, mine: FileView, theirs: FileView, placement: object,
              carried_sheets: Collection[str]) -> None:
    rc, mc, tc = ref.comment_map(), mine.comment_map(), theirs.comment_map()
    mine_cells = set(mine.comments)
    for ident, (sheet, cell, text) in sorted(tc.items(), key=lambda kv: kv[1]):
        if sheet in carried_sheets:
            out.comments.append(CommentAdd(sheet, cell, text))
            out.carried.append(f"comment on {sheet}!{cell} ({text[:60]})")
            continue
        before = rc[ident][2] if ident in rc else None
        if before == text:
            continue
        why = ""
        if before is not None:
            why = "it changes an existing comment"
        elif ident in mc:
            why = "MINE has its own comment there"
        elif ident[0] != "model":
            why = "it is not on a value of the model"
        where = placement.where(*ident[1:]) if not why else None  # type: ignore[attr-defined]
        if not why and where is None:
            why = "the merged workbook has no cell for it"
        if not why and where is not None and (where[0], a1(where[1], where[2])) in mine_cells:
            why = "MINE has a comment on that cell"
        if why:
            out.listed.append(Outside(sheet, cell, f"comment {'changed' if before else 'added'} in THEIRS; "
                                      f"{NOT_CARRIED} ({why})", before or "", text))
            continue
        assert where is not None
        target = a1(where[1], where[2])
        out.comments.append(CommentAdd(where[0], target, text))
        out.carried.append(f"comment on {where[0]}!{target} ({text[:60]})")
    for ident, (sheet, cell, text) in sorted(rc.items(), key=lambda kv: kv[1]):
        if ident not in tc:
            out.listed.append(Outside(sheet, cell, f"comment removed in THEIRS; {NOT_CARRIED}", text, ""))


def _own_sheets(out: Carry, ref: FileView, mine: FileView, theirs: FileView) -> set[str]:
    """Sheets THEIRS added: each added to the output with its values and formats."""
    from lm_excel.workbook.xlsx_styles import sheet_cell_styles

    taken = {n.casefold() for n in mine.sheet_names}
    done: set[str] = set()
    for name, text in theirs.own_sheet_text.items():
        before = ref.own_sheet_text.get(name)
        if before == text:
            continue
        cells = theirs.own_sheets[name]
        if before is not None or name.casefold() in taken:
            why = "MINE has a sheet of that name" if before is None else "it changes a sheet MINE has"
            out.listed.append(Outside(name, "(whole sheet)", f"sheet outside the model "
                                      f"{'changed' if before is not None else 'added'} in THEIRS "
                                      f"({cells} cells with a value); {NOT_CARRIED} ({why})", "", text[:500]))
            continue
        styles = sheet_cell_styles(theirs.path, name)
        out.new_sheets.append(name)
        grid = theirs.own_grids.get(name, ())
        valued = set()
        for r, row in enumerate(grid, start=1):
            for c, value in enumerate(row, start=1):
                if cell_text(value):
                    out.edits.append(CellEdit(name, r, c, _cell_value(value)))
                    valued.add((r, c))
        out.formats += [FormatEdit(name, r, c, s) for (r, c), s in styles.items() if s and (r, c) in valued]
        out.carried.append(f"sheet '{name}' ({cells} cells with a value, as values and formats)")
        done.add(name)
    return done


def _cell_value(value: object) -> object:
    """A value as the patcher writes it: dates and times as the text a person reads."""
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        return cell_text(value)
    return value
