"""Merge a partner's copy (THEIRS) into the LA's (MINE): ``lm-excel merge``.

Three-way when the shared copy (BASE) is given, else a flagged union. How a merge shows a
conflict (both sides changed one field differently, or one side deleted a row the other
changed): the merged cell holds MINE's value (or the surviving row), and a row on the
*Conflicts* sheet gives the base, MINE's and THEIRS' values with a link to the cell. Elements
added on both sides under one ID with different statements are both kept: THEIRS' is renumbered
to the next free ID with the sheet's prefix, and links inside THEIRS are renumbered with it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from lm_excel import __version__
from lm_excel import layout as L
from lm_excel.errors import LmExcelError
from lm_excel.exchange.diff import quoted
from lm_excel.exchange.snapshot import (
    PLAN,
    ROW_GRIDS,
    WHOLE_ROW,
    Grid,
    GridTable,
    Rec,
    Snapshot,
    columns_of,
    conflict_rows,
    default_user,
    grid_table,
    keyed_elements,
    log_rows,
    new_log_rows,
    norm,
    now_text,
    read_snapshots,
    record_sig,
    table_grid,
)
from lm_excel.exchange.structure import Outside
from lm_excel.exchange.writing import output_target, write_into_copy
from lm_excel.fileio import Output
from lm_excel.model import ModelRecords, a1, cell_text, quote_sheet


@dataclass(frozen=True)
class Conflict:
    """Two copies disagree about one field (or a whole row)."""

    sheet: str
    id: str
    field: str  # header text, or WHOLE_ROW
    what: str
    kept: str
    base: str | None
    mine: str
    theirs: str
    cell: str = ""  # reference of the merged cell, e.g. "Components!C5"

    def record(self, found: str) -> Rec:
        return {
            "found": found, "sheet": self.sheet, "id": self.id, "field": self.field,
            "cell": self.cell, "what": self.what, "kept": self.kept,
            "base": "(no base)" if self.base is None else self.base,
            "mine": self.mine, "theirs": self.theirs,
        }


@dataclass
class MergeResult:
    records: ModelRecords
    extras: dict[str, Grid]
    conflicts: list[Conflict]
    renumbered: list[tuple[str, str, str]]  # sheet, old ID, new ID (in THEIRS)
    removed: list[tuple[str, str, str]]  # sheet, key, which side deleted it
    added: list[tuple[str, str, str]]  # sheet, key, which side added it
    applied: int  # fields changed on one side only and taken over
    three_way: bool
    theirs: Snapshot  # THEIRS after renumbering (what was merged)
    #: For each conflict: (sheet key or plan sheet name, row key, field key or header)
    where: list[tuple[str, str, str]] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            ("three-way merge" if self.three_way else "two-way merge (no base)"),
            f"{self.applied} one-sided field change(s) applied",
            f"{len(self.added)} element(s)/row(s) added",
            f"{len(self.removed)} removed",
            f"{len(self.conflicts)} conflict(s)",
        ]
        if self.renumbered:
            parts.append("renumbered " + ", ".join(f"{o}->{n}" for _, o, n in self.renumbered))
        return "; ".join(parts)

    def report(self) -> str:
        lines = [self.summary()]
        for sheet, old, new in self.renumbered:
            lines.append(f"  renumbered: {sheet} {old} from THEIRS is now {new} (both sides added {old})")
        for sheet, key, by in self.removed:
            lines.append(f"  removed: {sheet} {key} (deleted in {by})")
        for c in self.conflicts:
            where = f" at {c.cell}" if c.cell else ""
            lines.append(
                f"  CONFLICT {c.sheet} {c.id} {c.field}{where}: {c.what}; kept {quoted(c.kept) or '(empty)'}, "
                f"mine {quoted(c.mine) or '(empty)'}, theirs {quoted(c.theirs) or '(empty)'}"
            )
        return "\n".join(lines)


_SIDE = {"mine": "MINE", "theirs": "THEIRS"}


class _Merger:
    def __init__(self, three_way: bool) -> None:
        self.three_way = three_way
        self.conflicts: list[tuple[Conflict, str, str, str]] = []  # conflict, sheet key, rec key, field key
        self.removed: list[tuple[str, str, str]] = []
        self.added: list[tuple[str, str, str]] = []
        self.applied = 0

    def conflict(self, sheet_name: str, sheet_key: str, key: str, fkey: str, header: str, what: str,
                 kept: object, b: object, m: object, t: object) -> None:
        c = Conflict(sheet_name, key, header, what, cell_text(kept),
                     None if not self.three_way else cell_text(b), cell_text(m), cell_text(t))
        self.conflicts.append((c, sheet_key, key, fkey))

    def fields(self, sheet_name: str, sheet_key: str, key: str, cols: Mapping[str, L.Column],
               b: Mapping[str, object] | None, m: Mapping[str, object], t: Mapping[str, object],
               order: Sequence[str]) -> Rec:
        """Merge one record field by field (``b`` None: no base, every difference is flagged)."""
        out: Rec = {}
        keys = list(order) + [k for k in dict.fromkeys([*m, *t]) if k not in order]
        for k in keys:
            if k not in m and k not in t:
                continue
            col = cols.get(k)
            header = col.header if col else k
            mv, tv = m.get(k), t.get(k)
            nm, nt = norm(col, mv), norm(col, tv)
            if nm == nt:
                out[k] = mv if k in m else tv
                continue
            if b is None:
                out[k] = mv if nm else tv
                what = ("only THEIRS has a value" if not nm else "only MINE has a value" if not nt
                        else "MINE and THEIRS differ (no base to tell who changed it)")
                self.conflict(sheet_name, sheet_key, key, k, header, what, out[k], None, mv, tv)
                continue
            bv = b.get(k)
            nb = norm(col, bv)
            if nm == nb:
                out[k] = tv
                self.applied += 1
            elif nt == nb:
                out[k] = mv
                self.applied += 1
            else:
                out[k] = mv
                what = "both sides changed it differently" if (b or nb) else "added on both sides with different values"
                self.conflict(sheet_name, sheet_key, key, k, header, what, mv, bv, mv, tv)
        return out

    def rows(self, sheet_name: str, sheet_key: str, cols: Mapping[str, L.Column], order: Sequence[str],
             base: Mapping[str, Rec] | None, mine: Mapping[str, Rec], theirs: Mapping[str, Rec],
             ) -> dict[str, Rec]:
        """Merge one sheet's rows: MINE's in MINE's order, then THEIRS-only rows after their
        predecessor in THEIRS' order; rows deleted on one side and unchanged on the other go."""
        where = (sheet_name, sheet_key, cols)
        merged = self._mine_rows(where, order, base, mine, theirs)
        result = self._theirs_rows(where, base, mine, theirs, list(merged.items()))
        if base is not None:
            for key in base:
                if key not in mine and key not in theirs:
                    self.removed.append((sheet_name, key, "MINE and THEIRS"))
        return dict(result)

    def _mine_rows(self, where: tuple[str, str, Mapping[str, L.Column]], order: Sequence[str],
                   base: Mapping[str, Rec] | None, mine: Mapping[str, Rec], theirs: Mapping[str, Rec],
                   ) -> dict[str, Rec]:
        sheet_name, sheet_key, cols = where
        merged: dict[str, Rec] = {}
        for key, m in mine.items():
            t = theirs.get(key)
            b = base.get(key) if base is not None else None
            if t is not None:
                if base is not None and b is None:
                    self.added.append((sheet_name, key, "MINE and THEIRS"))
                if base is None:
                    merged[key] = self.fields(sheet_name, sheet_key, key, cols, None, m, t, order)
                else:
                    merged[key] = self.fields(sheet_name, sheet_key, key, cols, b or {}, m, t, order)
            elif base is None:
                merged[key] = dict(m)
                self.added.append((sheet_name, key, "MINE"))
                self.conflict(sheet_name, sheet_key, key, "", WHOLE_ROW, "only in MINE (no base: added in "
                              "MINE or deleted in THEIRS?)", _whole(cols, m), None, _whole(cols, m), "")
            elif b is None:
                merged[key] = dict(m)
                self.added.append((sheet_name, key, "MINE"))
            elif _same(cols, m, b):
                self.removed.append((sheet_name, key, "THEIRS"))
            else:
                merged[key] = dict(m)
                self.conflict(sheet_name, sheet_key, key, "", WHOLE_ROW, "changed in MINE, deleted in THEIRS",
                              _whole(cols, m), _whole(cols, b), _whole(cols, m), "(deleted)")
        return merged

    def _theirs_rows(self, where: tuple[str, str, Mapping[str, L.Column]],
                     base: Mapping[str, Rec] | None, mine: Mapping[str, Rec], theirs: Mapping[str, Rec],
                     result: list[tuple[str, Rec]]) -> list[tuple[str, Rec]]:
        """THEIRS-only rows, each placed after its predecessor in THEIRS' order."""
        sheet_name, sheet_key, cols = where
        prev: str | None = None
        for key, t in theirs.items():
            if key in mine:
                prev = key
                continue
            b = base.get(key) if base is not None else None
            keep = True
            if base is None:
                self.added.append((sheet_name, key, "THEIRS"))
                self.conflict(sheet_name, sheet_key, key, "", WHOLE_ROW, "only in THEIRS (no base: added in "
                              "THEIRS or deleted in MINE?)", _whole(cols, t), None, "", _whole(cols, t))
            elif b is None:
                self.added.append((sheet_name, key, "THEIRS"))
            elif _same(cols, t, b):
                self.removed.append((sheet_name, key, "MINE"))
                keep = False
            else:
                self.conflict(sheet_name, sheet_key, key, "", WHOLE_ROW, "deleted in MINE, changed in THEIRS",
                              _whole(cols, t), _whole(cols, b), "(deleted)", _whole(cols, t))
            if keep:
                at = next((i + 1 for i, (k, _) in enumerate(result) if k == prev), 0 if prev is None else len(result))
                result.insert(at, (key, dict(t)))
                prev = key
        return result


def _same(cols: Mapping[str, L.Column], x: Mapping[str, object], y: Mapping[str, object]) -> bool:
    """Two records hold the same values, field by field, as the merge compares them."""
    return all(norm(cols.get(k), x.get(k)) == norm(cols.get(k), y.get(k)) for k in {*x, *y})


def _whole(cols: Mapping[str, L.Column], rec: Mapping[str, object]) -> str:
    """A whole row as one line ("Header: value | ..."), for a whole-row conflict."""
    return " | ".join(f"{(cols[k].header if k in cols else k)}: {cell_text(v)}"
                      for k, v in rec.items() if cell_text(v))


def _renumber(base: Snapshot, mine: Snapshot, theirs: Snapshot) -> tuple[Snapshot, list[tuple[str, str, str]]]:
    """Give THEIRS' elements a new ID where both sides added the same ID with different statements."""
    renames: dict[tuple[str, str], str] = {}
    links: dict[str, str] = {}
    reported: list[tuple[str, str, str]] = []
    used: set[str] = set()
    for snap in (base, mine, theirs):
        for rows in snap.records.elements.values():
            used.update(L.normalise_id(r.get("id")) for r in rows)
    for sheet in L.LIST_SHEETS:
        kb = base.keyed(sheet)
        km = mine.keyed(sheet)
        kt = theirs.keyed(sheet)
        for key in kt:
            if key in kb or key not in km or " " in key:
                continue
            if norm(None, km[key].get(sheet.statement)) == norm(None, kt[key].get(sheet.statement)):
                continue  # the same element added by both: merged field by field
            n = 1
            while f"{sheet.prefix}{n}" in used:
                n += 1
            new = f"{sheet.prefix}{n}"
            used.add(new)
            renames[(sheet.key, key)] = new
            links[key] = new
            reported.append((sheet.name, key, new))
    if not renames:
        return theirs, []
    elements: dict[str, list[Rec]] = {}
    for sheet in L.LIST_SHEETS:
        cols = columns_of(sheet.key)
        kt = theirs.keyed(sheet)
        out: list[Rec] = []
        for key, rec in kt.items():
            rec = dict(rec)
            if (sheet.key, key) in renames:
                rec["id"] = renames[(sheet.key, key)]
            for k, v in rec.items():
                col = cols.get(k)
                if col is not None and col.kind == "ids":
                    ids = L.split_ids(v)
                    if any(i in links for i in ids):
                        rec[k] = ", ".join(links.get(i, i) for i in ids)
            out.append(rec)
        elements[sheet.key] = out
    renamed = replace(theirs, records=ModelRecords(dict(theirs.records.intervention), elements), _keyed={})
    return renamed, reported


def merge_snapshots(base: Snapshot | None, mine: Snapshot, theirs: Snapshot) -> MergeResult:
    """Merge THEIRS into MINE, three-way when ``base`` is given, else a flagged union."""
    reported: list[tuple[str, str, str]] = []
    if base is not None:
        theirs, reported = _renumber(base, mine, theirs)
    mg = _Merger(base is not None)
    iv_order = [f.key for f in L.INTERVENTION.fields]
    intervention = mg.fields(L.INTERVENTION.name, L.INTERVENTION.key, "", columns_of(L.INTERVENTION.key),
                             None if base is None else base.records.intervention,
                             mine.records.intervention, theirs.records.intervention, iv_order)
    elements: dict[str, list[Rec]] = {}
    for sheet in L.LIST_SHEETS:
        kb = base.keyed(sheet) if base else None
        km = mine.keyed(sheet)
        kt = theirs.keyed(sheet)
        merged = mg.rows(sheet.name, sheet.key, columns_of(sheet.key), [c.key for c in sheet.columns],
                         kb, km, kt)
        if merged:
            elements[sheet.key] = list(merged.values())
    extras: dict[str, Grid] = {k: v for k, v in mine.extras.items() if k not in ROW_GRIDS}
    plan_where: dict[str, dict[str, int]] = {}
    plan_headers: dict[str, list[str]] = {}
    for name in ROW_GRIDS:
        tb = grid_table(base.extras.get(name)) if base else None
        tm, tt = grid_table(mine.extras.get(name)), grid_table(theirs.extras.get(name))
        if not (tm.rows or tt.rows or (tb and tb.rows)):
            if mine.extras.get(name) or theirs.extras.get(name):
                extras[name] = mine.extras.get(name) or theirs.extras[name]
            continue
        header = list(tm.header) if tm.header else list(tt.header)
        header += [h for h in tt.header if h and h not in header]
        rows = mg.rows(name, name, {}, header, tb.rows if tb else None, tm.rows, tt.rows)
        prelude = tm.prelude if tm.header else tt.prelude
        grid, where = table_grid(GridTable(prelude, header, rows, tm.keyed_by))
        extras[name] = grid
        plan_where[name] = where
        plan_headers[name] = header
    records = ModelRecords(intervention, elements)
    conflicts = _locate(mg.conflicts, records, plan_where, plan_headers)
    return MergeResult(records, extras, conflicts, reported, mg.removed, mg.added, mg.applied,
                       base is not None, theirs, [(sk, k, f) for _, sk, k, f in mg.conflicts])


def _locate(raw: list[tuple[Conflict, str, str, str]], records: ModelRecords,
            plan_where: Mapping[str, Mapping[str, int]], plan_headers: Mapping[str, list[str]]) -> list[Conflict]:
    """Fill in each conflict's cell: where the merged workbook holds the kept value."""
    out: list[Conflict] = []
    rows_of: dict[str, dict[str, int]] = {}
    for sheet in L.LIST_SHEETS:
        keyed = keyed_elements(sheet, records.elements.get(sheet.key, []))
        rows_of[sheet.key] = {k: i for i, k in enumerate(keyed)}
    for c, sheet_key, key, fkey in raw:
        cell = ""
        if sheet_key == L.INTERVENTION.key:
            keys = [f.key for f in L.INTERVENTION.fields]
            if fkey in keys:
                cell = a1(L.INTERVENTION.first_row + keys.index(fkey), 2)
        elif sheet_key in L.LIST_SHEET_BY_KEY:
            sheet = L.LIST_SHEET_BY_KEY[sheet_key]
            if key in rows_of[sheet_key]:
                cols = [col.key for col in sheet.columns]
                col = cols.index(fkey) + 1 if fkey in cols else 1
                cell = a1(L.HEADER_ROW + 1 + rows_of[sheet_key][key], col)
        elif sheet_key in plan_where and key in plan_where[sheet_key]:
            header = plan_headers[sheet_key]
            col = header.index(fkey) + 1 if fkey in header else 1
            cell = a1(plan_where[sheet_key][key] + 1, col)
        out.append(Conflict(c.sheet, c.id, c.field, c.what, c.kept, c.base, c.mine, c.theirs,
                            f"{quote_sheet(c.sheet)}!{cell}" if cell else ""))
    return out


# --- what must survive --------------------------------------------------------------------------


def lost_values(base: Snapshot | None, mine: Snapshot, theirs: Snapshot, out: Snapshot,
                conflict_rows: Sequence[Mapping[str, object]]) -> list[str]:
    """Values of MINE or THEIRS that are neither in the merged model nor on the Conflicts sheet.

    A value may rightly be gone only when the other side changed it from the base (the one-sided
    change was applied) or deleted an unchanged row (the deletion is reported). ``theirs`` is
    THEIRS as merged (after any renumbering). Returns one line per lost value (empty: all safe).
    """
    on_sheet: dict[tuple[str, str], set[str]] = {}
    for r in conflict_rows:
        k = (cell_text(r.get("sheet")), cell_text(r.get("id")))
        on_sheet.setdefault(k, set()).update(
            cell_text(r.get(x)) for x in ("kept", "base", "mine", "theirs"))

    def listed(sheet_name: str, key: str, col: L.Column | None, value: object) -> bool:
        texts = on_sheet.get((sheet_name, key), set())
        t = cell_text(value)
        return any(t == x or t in x for x in texts)

    problems: list[str] = []

    def check(sheet_name: str, key: str, cols: Mapping[str, L.Column], rec: Mapping[str, object],
              other: Mapping[str, object] | None, b: Mapping[str, object] | None,
              merged: Mapping[str, object] | None, side: str) -> None:
        for k, v in rec.items():
            col = cols.get(k)
            nv = norm(col, v)
            if not nv:
                continue
            if merged is not None and norm(col, merged.get(k)) == nv:
                continue
            if listed(sheet_name, key, col, v):
                continue
            if (b is not None and norm(col, b.get(k)) == nv
                    and (other is None or norm(col, other.get(k)) != nv)):
                continue  # the other side changed or deleted it: that change was applied
            problems.append(f"{side} {sheet_name} {key} {col.header if col else k}: {cell_text(v)!r} is lost")

    iv_cols = columns_of(L.INTERVENTION.key)
    for side, snap, other in (("MINE", mine, theirs), ("THEIRS", theirs, mine)):
        check(L.INTERVENTION.name, "", iv_cols, snap.records.intervention, other.records.intervention,
              base.records.intervention if base else None, out.records.intervention, side)
        for sheet in L.LIST_SHEETS:
            cols = columns_of(sheet.key)
            ks = snap.keyed(sheet)
            ko = other.keyed(sheet)
            kb = base.keyed(sheet) if base else {}
            kout = out.keyed(sheet)
            for key, rec in ks.items():
                check(sheet.name, key, cols, rec, ko.get(key), kb.get(key) if base else None,
                      kout.get(key), side)
        for name in ROW_GRIDS:
            ts, to, tout = grid_table(snap.extras.get(name)), grid_table(other.extras.get(name)), grid_table(out.extras.get(name))
            tb = grid_table(base.extras.get(name)) if base else None
            for key, rec in ts.rows.items():
                check(name, key, {}, rec, to.rows.get(key), tb.rows.get(key) if tb else None,
                      tout.rows.get(key), side)
    return problems


def merge_copies(base: Snapshot | None, mine: Snapshot, theirs: Snapshot) -> tuple[MergeResult, list[Outside]]:
    """:func:`merge_snapshots`, with structure not taken for content: a sheet, column or field
    one copy lacks is filled from the others (BASE, else the other side) before merging, so it
    is never applied as deletions, and each gap comes back as a note for the Conflicts sheet."""
    from lm_excel.exchange.structure import structure_gaps, without_structure_gaps

    gaps = structure_gaps(mine, "MINE", [base, theirs]) + structure_gaps(theirs, "THEIRS", [base, mine])
    mine_full = without_structure_gaps(mine, base or theirs)
    theirs_full = without_structure_gaps(theirs, base or mine)
    reference = base
    if base is not None:
        gaps += structure_gaps(base, "BASE", [mine, theirs])
        reference = without_structure_gaps(base, mine_full)
    return merge_snapshots(reference, mine_full, theirs_full), gaps


# --- merge files --------------------------------------------------------------------------------


@dataclass
class MergeFilesResult:
    path: Path
    result: MergeResult
    backup: Path | None
    #: Everything listed on the Conflicts sheet by this merge (model conflicts, structure gaps,
    #: changes outside the model, values MINE's file had no place for).
    conflicts: list[Conflict] = field(default_factory=list)
    #: What a partner did outside the model's values that was carried into the output, one line each.
    carried: list[str] = field(default_factory=list)


def merge_files(base: str | os.PathLike[str] | None, mine: str | os.PathLike[str],
                theirs: str | os.PathLike[str], out: str | os.PathLike[str] | None, *,
                by: str | None = None, force: bool = False, in_place: bool = False) -> MergeFilesResult:
    """Merge THEIRS into MINE (three-way with BASE) and write the result into a copy of MINE.

    With ``in_place`` MINE itself is replaced (after a backup), under an exclusive lock held
    from reading to writing, so two merges into one master run one after the other.
    """
    from lm_excel.fileio import exclusive_lock

    paths = [Path(p) for p in (base, mine, theirs) if p is not None]
    mine_path = Path(mine)
    with exclusive_lock(mine_path if in_place else None):
        snaps = read_snapshots(paths)
        sb = snaps[0] if base is not None else None
        sm, st = snaps[-2], snaps[-1]
        suffix = mine_path.suffix.lower() if mine_path.suffix.lower() in (".xlsx", ".xlsm") else ".xlsx"
        claimed = output_target(None if out is None else Path(out), mine_path if in_place else None,
                                paths, force, suffix)
        # in place, the backup is made by claimed.write, and removed again if the write fails
        return _merge_into(paths, sb, sm, st, claimed, by)


def _merge_into(paths: Sequence[Path], sb: Snapshot | None, sm: Snapshot, st: Snapshot,
                claimed: Output, by: str | None) -> MergeFilesResult:
    from lm_excel.exchange.master import append_rows, new_output_sheets, place_merge
    from lm_excel.exchange.partner import carry_from_theirs

    target = claimed.path
    result, gaps = merge_copies(sb, sm, st)
    placement = place_merge(sm, result.records, result.extras.get(PLAN))
    carry = carry_from_theirs(sb, sm, st, placement, set(result.where))
    who, when = by or default_user(), now_text()
    conflicts = [replace(c, cell=placement.cell(*w)) for c, w in zip(result.conflicts, result.where)]
    result = replace(result, conflicts=list(conflicts))  # the cells as written in MINE's copy
    conflicts += [Conflict(g.sheet, "", g.where, g.what, "", None, "", "") for g in gaps]
    conflicts += [Conflict(o.sheet, "", o.where, o.what, "", None if sb is None else o.old, "", o.new)
                  for o in carry.listed]
    conflicts += [Conflict(u.sheet, u.id, u.field, f"not written: {u.why}", "", None, "", u.value)
                  for u in placement.unplaced]
    names = " + ".join(p.name for p in paths)
    summary = result.summary() + (f"; {len(conflicts) - len(result.conflicts)} structure or "
                                  "outside-the-model note(s)" if len(conflicts) > len(result.conflicts) else "")
    if carry.carried:
        summary += f"; carried from THEIRS: {len(carry.carried)} format(s), comment(s) or sheet(s)"
    new_log = {"when": when, "who": who, "action": "merge", "summary": summary,
               "files": f"{names} -> {target.name}", "tool": __version__}
    # Earlier conflicts of THEIRS that are new (not in BASE, not in MINE) are carried too, so a
    # row the LA deleted after resolving it does not come back from a partner's older copy.
    gone = {record_sig(r) for r in [*conflict_rows(sb), *conflict_rows(sm)]} if sb is not None else {
        record_sig(r) for r in conflict_rows(sm)}
    carried = [r for r in conflict_rows(st) if record_sig(r) not in gone]
    view = sm.view
    assert view is not None
    edits = list(placement.edits)
    edits += append_rows(view, sm.extras.get(L.CHANGE_LOG.name), L.CHANGE_LOG,
                         [*new_log_rows(st, sm), new_log])
    edits += append_rows(view, sm.extras.get(L.CONFLICTS.name), L.CONFLICTS,
                         [c.record(when) for c in conflicts] + carried)
    log_count = len(log_rows(sm, st)) + 1
    theirs_merged = result.theirs

    def check(written: Snapshot) -> None:
        lost = lost_values(sb, sm, theirs_merged, written, conflict_rows(written))
        if lost:
            raise LmExcelError(f"the merged workbook would lose {len(lost)} value(s) (first: {lost[0]}); "
                               "nothing was saved", target)
        if len(log_rows(written)) < log_count:
            raise LmExcelError("the change log lost rows when written; nothing was saved", target)

    edits += carry.edits
    written = write_into_copy(view.path, claimed, edits, check, [*new_output_sheets(view), *carry.new_sheets],
                              carry.formats, st.view.path if st.view is not None else None, carry.comments)
    return MergeFilesResult(written.path, result, written.backup, conflicts, carry.carried)
