"""Schema versions: every earlier version has a frozen fixture that reads (migrated) to the same model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lm_excel import layout as L
from lm_excel.workbook.builder import build_workbook, write_workbook_file
from lm_excel.errors import SchemaVersionError
from lm_excel.example import example_records
from lm_excel.workbook.migrate import MIGRATIONS, migrate_grids
from lm_excel.model import ModelRecords
from lm_excel.workbook.reader import read_grids, read_workbook

DATA = Path(__file__).parent / "data"


def test_every_earlier_version_has_a_migration_and_a_fixture():
    for version in range(1, L.SCHEMA_VERSION):
        assert version in MIGRATIONS
        assert (DATA / f"example-schema-{version}.xlsx").exists()
        assert (DATA / f"example-schema-{version}.json").exists()
    assert set(L.SCHEMA_HISTORY) == set(range(1, L.SCHEMA_VERSION + 1))


@pytest.mark.parametrize("version", range(1, L.SCHEMA_VERSION))
def test_older_fixture_reads_migrated_to_the_same_model(version):
    path = DATA / f"example-schema-{version}.xlsx"
    before = path.read_bytes()
    model = read_workbook(path)
    # The records the fixture was built from, frozen with it (the example itself may grow).
    frozen = json.loads((DATA / f"example-schema-{version}.json").read_text(encoding="utf-8"))
    expected = ModelRecords(intervention=frozen["intervention"], elements=frozen["elements"])
    assert model.to_records().normalised() == expected.normalised()
    assert model.meta["schema_version"] == str(L.SCHEMA_VERSION)
    assert model.meta["migrated_from"] == str(version)
    # Only optional sheets added later (none required) may be noted as missing.
    optional = {s.name for s in L.LIST_SHEETS if not s.required}
    assert all(n.code == "missing-sheet" and n.sheet in optional for n in model.notes)
    assert L.CHANGE_LOG.name in model.extras and L.CONFLICTS.name in model.extras
    assert path.read_bytes() == before  # the input file is never changed


def frozen_records(version: int) -> ModelRecords:
    frozen = json.loads((DATA / f"example-schema-{version}.json").read_text(encoding="utf-8"))
    return ModelRecords(intervention=frozen["intervention"], elements=frozen["elements"])


def test_migration_works_on_grids_and_leaves_its_input_alone():
    grids = read_grids(DATA / "example-schema-1.xlsx")
    assert L.CHANGE_LOG.name not in grids
    snapshot = {k: list(v) for k, v in grids.items()}
    migrated, start = migrate_grids(grids)
    assert start == 1
    assert {k: list(v) for k, v in grids.items()} == snapshot
    assert migrated[L.CHANGE_LOG.name][L.HEADER_ROW - 1][0] == "When"


def test_current_workbook_is_not_migrated(tmp_path):
    model = read_workbook(build_workbook(tmp_path / "now.xlsx", example_records()))
    assert "migrated_from" not in model.meta


def test_newer_workbook_is_refused_with_one_clear_line(tmp_path):
    path = tmp_path / "future.xlsx"
    write_workbook_file(path, meta={"schema_version": str(L.SCHEMA_VERSION + 1)})
    with pytest.raises(SchemaVersionError) as err:
        read_workbook(path)
    assert "future.xlsx" in str(err.value) and "update lm-excel" in str(err.value)
    assert "\n" not in str(err.value)
