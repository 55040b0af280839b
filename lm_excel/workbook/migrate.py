"""Schema migrations: bring the grids of an older workbook up to the current layout before parsing.

Each migration takes the grids of a workbook at version ``n`` (keyed by actual sheet name) and
returns grids at version ``n + 1``. They work on grids, not files, so the file reader and the live
workbook (xlwings) share them, and an input file is never changed: the migrated layout is only
written when a command writes a new workbook.

To change the layout: raise :data:`lm_excel.layout.SCHEMA_VERSION`, describe the change in
:data:`lm_excel.layout.SCHEMA_HISTORY`, add a function here registered for the previous version,
and freeze a fixture of the previous version under ``tests/data/`` (made by the previous builder).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from lm_excel import layout as L
from lm_excel.model import cell_text

Grid = Sequence[Sequence[object]]
Grids = dict[str, Grid]
Migration = Callable[[Grids], Grids]

#: Migrations by the version they start from.
MIGRATIONS: dict[int, Migration] = {}


def migration(from_version: int) -> Callable[[Migration], Migration]:
    """Register a migration from ``from_version`` to ``from_version + 1``."""

    def register(fn: Migration) -> Migration:
        assert from_version not in MIGRATIONS, from_version
        MIGRATIONS[from_version] = fn
        return fn

    return register


def _find(grids: Mapping[str, Grid], wanted: str) -> str | None:
    for name in grids:
        if L.norm_sheet_name(name) == L.norm_sheet_name(wanted):
            return name
    return None


def _meta_version(grids: Mapping[str, Grid]) -> int | None:
    name = _find(grids, L.META_SHEET)
    if name is None:
        return None
    for row in grids[name]:
        if row and cell_text(row[0]) == "schema_version":
            try:
                return int(float(cell_text(row[1]) if len(row) > 1 else ""))
            except ValueError:
                return None
    return None


def _set_meta(grids: Grids, key: str, value: str) -> None:
    name = _find(grids, L.META_SHEET)
    assert name is not None
    rows = [tuple(r) for r in grids[name]]
    for i, row in enumerate(rows):
        if row and cell_text(row[0]) == key:
            rows[i] = (key, value, *row[2:])
            break
    else:
        rows.append((key, value))
    grids[name] = rows


def empty_table_grid(sheet: L.OutputSheet) -> list[tuple[object, ...]]:
    """The grid of a table output sheet with no rows: title, intro, blank row, header."""
    rows: list[tuple[object, ...]] = [(sheet.name,), (sheet.intro,)]
    while len(rows) < L.HEADER_ROW - 1:
        rows.append(())
    rows.append(tuple(c.header for c in sheet.columns))
    return rows


@migration(1)
def _add_change_log_and_conflicts(grids: Grids) -> Grids:
    """1 -> 2: the Change log and Conflicts sheets appear (empty)."""
    out = dict(grids)
    for sheet in (L.CHANGE_LOG, L.CONFLICTS):
        if _find(out, sheet.name) is None:
            out[sheet.name] = empty_table_grid(sheet)
    return out


#: Intervention fields added in schema version 3 (issue 18): the delivery setting.
DELIVERY_FIELDS = ("delivery_unit", "delivery_units", "reach", "nation", "allocation")


@migration(2)
def _add_delivery_fields(grids: Grids) -> Grids:
    """2 -> 3: the Intervention sheet gets blank rows for the delivery fields it lacks."""
    out = dict(grids)
    name = _find(out, L.INTERVENTION.name)
    if name is None:
        return out
    rows = [tuple(r) for r in out[name]]
    labels = {cell_text(c) for r in rows for c in r[:3] if cell_text(c)}
    for key in DELIVERY_FIELDS:
        col = L.INTERVENTION.field(key)
        if not any(col.matches(label) for label in labels):
            rows.append((col.header, None, col.help))
    out[name] = rows
    return out


def migrate_grids(grids: Mapping[str, Grid]) -> tuple[Grids, int | None]:
    """Grids brought up to :data:`~lm_excel.layout.SCHEMA_VERSION`, and the version they came from.

    Workbooks without a readable version, or at or above the current version, are returned
    unchanged (the parser notes a missing version and refuses a newer one).
    """
    version = _meta_version(grids)
    out: Grids = dict(grids)
    if version is None or version >= L.SCHEMA_VERSION:
        return out, version
    start = version
    while version < L.SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:  # pragma: no cover - guarded by a test over all versions
            raise AssertionError(f"no migration from schema version {version}")
        out = step(out)
        version += 1
    _set_meta(out, "schema_version", str(L.SCHEMA_VERSION))
    _set_meta(out, "migrated_from", str(start))
    return out, start
