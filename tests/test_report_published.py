"""Reports of real published UK logic models entered for the report's evidence (issue 15).

Each ``tests/data/report_models/*.json`` is our own wording of a published model, with its
sources; the models keep the gaps of what was published. Their reports were rendered and read
page by page (docs/report.md); these tests keep what that reading fixed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lm_excel.checks import validate
from lm_excel.measures.plan import make_plan
from lm_excel.model import ModelRecords
from lm_excel.report import build_report

from .report_models import model_from_records

DATA = Path(__file__).parent / "data" / "report_models"
MODELS = sorted(p.stem for p in DATA.glob("*.json"))


def _report(name: str):
    data = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    assert data["sources"] and all(s.startswith("https://") for s in data["sources"])
    model = model_from_records(ModelRecords(intervention=data["intervention"],
                                            elements=data["elements"]))
    doc = build_report(model, findings=validate(model), plan=make_plan(model),
                       include_diagram=False)
    paras = [p.text for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return paras, cells


def test_there_are_at_least_three_models():
    assert len(MODELS) >= 3


@pytest.mark.parametrize("name", MODELS)
def test_a_published_models_report_has_nothing_internal_cut_or_repeated(name):
    paras, cells = _report(name)
    text = "\n".join(paras + cells)
    assert "To be chosen" not in text
    assert "\u2026" not in text  # nothing cut short
    assert not re.search(r"\b[A-Z][A-Za-z ]+![A-Z]+\d+", text)  # no 'Sheet!A7' cell references
    missing = paras[paras.index("What is missing") + 1:paras.index("What to do next")]
    steps = paras[paras.index("What to do next") + 1:]
    steps = steps[:next(i for i, p in enumerate(steps) if p.startswith("The workbook's"))]
    assert len(missing) == len(set(missing)) and len(steps) == len(set(steps))
    assert not any(p.startswith(("No negative consequences or no assumptions",
                                 "1 ", "2 ", "3 ")) for p in missing)


def test_whole_family_wellbeing_funding_names_its_unlinked_activities():
    paras, _ = _report("whole_family_wellbeing_funding")
    assert "Three activities (C1, C3 and C5) are not linked to the rest of the model." in paras
    assert "One mechanism explains how and why change happens, with what sets it off and what " \
           "it leads to." in paras


def test_measure_facts_say_a_licence_once():
    _, _ = _report("welcome_to_the_world")
    from lm_excel.report.evaluation import measure_facts

    facts = dict(measure_facts({"licence": "Free: Free to use; cite ONS."}))
    assert facts["Licence and cost"] == "Free to use; cite ONS."
