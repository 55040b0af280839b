"""What share, diff and merge work on: a model's values as a :class:`Snapshot`.

A snapshot holds a model's records (no cell addresses) and the grids of the sheets the tools
write (the measures plan, the Change log, the Conflicts sheet), so comparing and merging run in
memory and are tested without files. Elements are matched by their normalised ID per sheet
(``c 01`` is ``C1``), fields by column; link columns compare as sets of IDs, other fields as the
text a user reads (:func:`norm`). Also here: the plan grid read as a keyed table, and the Change
log and Conflicts rows every written copy carries.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lm_excel import layout as L
from lm_excel.exchange.fileview import FileView
from lm_excel.model import LogicModel, ModelRecords, cell_text

Grid = Sequence[Sequence[object]]
Rec = dict[str, object]

WHOLE_ROW = "(whole row)"
PLAN = L.MEASURES_PLAN.name
#: Kept grids compared and merged row by row (the Validation sheet is derived: MINE's is kept).
ROW_GRIDS: tuple[str, ...] = (PLAN,)


# --- snapshots ----------------------------------------------------------------------------------


@dataclass
class Snapshot:
    """A model's values (no cell addresses) and the grids of the sheets the tools write."""

    records: ModelRecords
    extras: dict[str, Grid] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    source: str = ""
    #: Where everything is in the file the snapshot was read from (None: built in memory).
    view: FileView | None = field(default=None, repr=False, compare=False)
    #: (sheet key, column key) the file lacks; column key "" = the whole sheet (see ``missing``).
    missing: frozenset[tuple[str, str]] = frozenset()
    _keyed: dict[str, dict[str, Rec]] = field(default_factory=dict, repr=False, compare=False)

    def keyed(self, sheet: L.ListSheet) -> dict[str, Rec]:
        """The sheet's rows by key (see :func:`keyed_elements`), computed once per snapshot."""
        if sheet.key not in self._keyed:
            self._keyed[sheet.key] = keyed_elements(sheet, self.records.elements.get(sheet.key, []))
        return self._keyed[sheet.key]

    @classmethod
    def of(cls, model: LogicModel) -> Snapshot:
        return cls(model.to_records(), dict(model.extras), dict(model.meta), model.source)

    @property
    def schema_version(self) -> str:
        return self.meta.get("migrated_from") or self.meta.get("schema_version", "")


def read_snapshot(path: str | os.PathLike[str]) -> Snapshot:
    """A workbook file as a snapshot: its model, a column of the user's own beside a table as a
    field '+Header', what the file lacks of the layout, and where everything is in the file."""
    from lm_excel.workbook.reader import read_workbook_grids

    model, grids = read_workbook_grids(path)
    view = FileView.of(Path(path), model, grids)
    records = model.to_records()
    elements = {k: list(rows) for k, rows in records.elements.items()}
    for sheet_key, place in view.sheets.items():
        own = {h: c for h, c in place.columns.items() if h.startswith("+")}
        if not own:
            continue
        grid = grids[place.name]
        by_row = {el.row: i for i, el in enumerate(model.elements.get(sheet_key, ()))}
        for row, i in by_row.items():
            cells = grid[row - 1] if row - 1 < len(grid) else ()
            for h, c in own.items():
                value = cells[c - 1] if c - 1 < len(cells) else None
                if cell_text(value):
                    elements[sheet_key][i][h] = value
    return Snapshot(ModelRecords(records.intervention, elements), dict(model.extras), dict(model.meta),
                    model.source, view=view, missing=frozenset(_missing(model, view)))


def _missing(model: LogicModel, view: FileView) -> set[tuple[str, str]]:
    """What the file lacks of the layout, from the reader's structure notes."""
    by_name = {s.name: s.key for s in L.LIST_SHEETS}
    by_name.update({actual: key for key, actual in view.located.items() if actual})
    out: set[tuple[str, str]] = set()
    for note in model.notes:
        if note.code == "missing-sheet" and note.sheet in by_name or note.code == "no-header-row" and note.sheet in by_name:
            out.add((by_name[note.sheet], ""))
        elif note.code == "missing-column" and note.sheet in by_name:
            out.add((by_name[note.sheet], note.detail))
        elif note.code == "missing-field":
            out.add((L.INTERVENTION.key, note.detail))
    return out


def read_snapshots(paths: Sequence[str | os.PathLike[str]]) -> list[Snapshot]:
    """Read several workbooks, one after the other (in order)."""
    return [read_snapshot(p) for p in paths]


def norm(col: L.Column | None, value: object) -> str:
    """What a field's value means, for comparing: link columns as sorted IDs, else the text."""
    kind = col.kind if col is not None else "text"
    try:
        return _norm(kind, value)
    except TypeError:  # an unhashable value: not from a workbook, but never fail on it
        return _norm.__wrapped__(kind, value)


@lru_cache(maxsize=65536)
def _norm(kind: str, value: object) -> str:
    if kind == "ids":
        return ", ".join(sorted(L.split_ids(value)))
    if kind == "id":
        return L.normalise_id(value)
    return cell_text(value)


def columns_of(sheet_key: str) -> dict[str, L.Column]:
    if sheet_key == L.INTERVENTION.key:
        return {c.key: c for c in L.INTERVENTION.fields}
    return {c.key: c for c in L.LIST_SHEET_BY_KEY[sheet_key].columns}


def is_empty(rec: Mapping[str, object]) -> bool:
    return not any(cell_text(v) for v in rec.values())


def keyed_elements(sheet: L.ListSheet, rows: Iterable[Mapping[str, object]]) -> dict[str, Rec]:
    """A sheet's rows by key: the normalised ID; rows without one by their statement.

    A repeated key gets ' #2', ' #3', ... so no row is ever dropped.
    """
    out: dict[str, Rec] = {}
    for rec in rows:
        if is_empty(rec):
            continue
        out[element_key(sheet, rec, out)] = dict(rec)
    return out


def element_key(sheet: L.ListSheet, rec: Mapping[str, object], taken: Mapping[str, object]) -> str:
    """A row's key (see :func:`keyed_elements`) given the keys already ``taken``."""
    id_ = L.normalise_id(rec.get("id"))
    base = id_ or "(no ID) " + cell_text(rec.get(sheet.statement))[:60]
    key, n = base, 2
    while key in taken:
        key, n = f"{base} #{n}", n + 1
    return key


# --- grids of plan rows -------------------------------------------------------------------------


@dataclass
class GridTable:
    """A kept grid read as a table: rows above the header, the header, rows by key."""

    prelude: list[tuple[object, ...]]
    header: list[str]
    rows: dict[str, Rec]  # key -> header text -> value
    keyed_by: tuple[str, ...]  # headers making the key; () = whole-row content
    where: dict[str, int] = field(default_factory=dict)  # key -> 0-based grid row


def _is_key_header(h: str) -> bool:
    k = L.match_key(h)
    return k in {"key", "rowid", "planid", "rowkey"}


def grid_table(grid: Grid | None) -> GridTable:
    """Read a tool-written grid (e.g. the measures plan) as a table keyed by its ID columns.

    The header is the first row from row 3 with at least two texts. The key is a 'Key'/'Row ID'
    column when there is one, else the ID columns (e.g. 'Ref' or 'Outcome ID') plus the first
    'measure' column; without any, a row's whole content is its key (a changed row = one removed + one added).
    The recommended design below a measures plan is left out: it follows from the rows.
    """
    rows = [tuple(r) for r in (grid or ())]
    header_r = None
    for r in range(L.HEADER_ROW - 1, min(len(rows), 15)):
        if sum(1 for v in rows[r] if cell_text(v)) >= 2:
            header_r = r
            break
    if header_r is None:
        return GridTable(rows, [], {}, ())
    header = [cell_text(v) for v in rows[header_r]]
    named = [h for h in header if h]
    keys = tuple(h for h in named if _is_key_header(h))
    if not keys:
        ids = tuple(h for h in named if L.match_key(h) in {"id", "ref", "reference"}
                    or L.match_key(h).endswith("id"))
        measure = next((h for h in named if "measure" in L.match_key(h)), None)
        keys = ids + ((measure,) if ids and measure else ())
    table: dict[str, Rec] = {}
    where: dict[str, int] = {}
    design = L.plan_design_rows(rows)  # worked out from the rows: written again, not merged
    for r in range(header_r + 1, len(rows)):
        if r in design:
            continue
        rec = {h: rows[r][c] for c, h in enumerate(header) if h and c < len(rows[r])}
        if is_empty(rec):
            continue
        if keys:
            base = " / ".join(cell_text(rec.get(k)) for k in keys)
        else:
            base = " | ".join(cell_text(v) for v in rec.values() if cell_text(v))
        key, n = base, 2
        while key in table:
            key, n = f"{base} #{n}", n + 1
        table[key] = rec
        where[key] = r
    return GridTable(rows[:header_r], header, table, keys, where)


def table_grid(t: GridTable) -> tuple[list[tuple[object, ...]], dict[str, int]]:
    """Back to a grid; also the 0-based grid row of each key."""
    out = list(t.prelude) + [tuple(t.header)]
    where: dict[str, int] = {}
    for key, rec in t.rows.items():
        where[key] = len(out)
        out.append(tuple(rec.get(h) if h else None for h in t.header))
    return out, where


# --- change log ---------------------------------------------------------------------------------


def now_text() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")


def default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):  # no user name available (some service accounts)
        return "unknown"


def log_rows(*snaps: Snapshot) -> list[Rec]:
    """Change log rows of all the given copies, oldest first.

    A row found in several copies is listed once per copy it came from at the most: rows are
    counted, not de-duplicated, so two identical rows of one copy (two shares of one file within
    the same second) both stay.
    """
    from lm_excel.workbook.parse import parse_table_rows

    kept: Counter[tuple[tuple[str, str], ...]] = Counter()
    rows: list[Rec] = []
    for snap in snaps:
        here: Counter[tuple[tuple[str, str], ...]] = Counter()
        for rec in parse_table_rows(snap.extras.get(L.CHANGE_LOG.name, ()), L.CHANGE_LOG):
            sig = record_sig(rec)
            here[sig] += 1
            if here[sig] > kept[sig]:
                kept[sig] += 1
                rows.append(rec)
    rows.sort(key=lambda r: cell_text(r.get("when")))
    return rows


def new_log_rows(theirs: Snapshot, mine: Snapshot) -> list[Rec]:
    """THEIRS's Change log rows that MINE lacks (counted: a row THEIRS has twice, MINE once, is one)."""
    have = Counter(record_sig(r) for r in log_rows(mine))
    out: list[Rec] = []
    for rec in log_rows(theirs):
        sig = record_sig(rec)
        if have[sig]:
            have[sig] -= 1
        else:
            out.append(rec)
    return out


def record_sig(rec: Mapping[str, object]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, cell_text(v)) for k, v in rec.items()))


def conflict_rows(snap: Snapshot) -> list[Rec]:
    """The rows of a copy's Conflicts sheet."""
    from lm_excel.workbook.parse import parse_table_rows

    return parse_table_rows(snap.extras.get(L.CONFLICTS.name, ()), L.CONFLICTS)


def table_grid_of(sheet: L.OutputSheet, rows: Sequence[Mapping[str, object]]) -> list[tuple[object, ...]]:
    """A grid for a table output sheet (as the builder and reader lay it out)."""
    from lm_excel.workbook.migrate import empty_table_grid

    grid = empty_table_grid(sheet)
    keys = [c.key for c in sheet.columns]
    extra = [k for r in rows for k in r if k not in keys]
    extra = list(dict.fromkeys(extra))
    if extra:
        grid[-1] = (*grid[-1], *(k.removeprefix("+") for k in extra))
    for r in rows:
        grid.append(tuple(r.get(k) for k in [*keys, *extra]))
    return grid


def to_json(obj: object) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False, default=str)
