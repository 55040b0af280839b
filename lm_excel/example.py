"""The worked example: a fictional council's hybrid family-support model, kept as data.

The example lives in ``lm_excel/data/example.json`` and is rendered by the same builder as any
other workbook, so there is one source of truth for it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from .model import ModelRecords

EXAMPLE_FILE_NAME = "example-logic-model.xlsx"


@lru_cache(maxsize=1)
def _example_json() -> str:
    return resources.files("lm_excel").joinpath("data/example.json").read_text(encoding="utf-8")


def example_records() -> ModelRecords:
    """A fresh copy of the worked example's records."""
    data = json.loads(_example_json())
    return ModelRecords(intervention=data["intervention"], elements=data["elements"])
