"""Negative consequences judged by positive evidence (issue 14): a negative counts as a harm
considered only when it names a harm or the people served outside a risk to delivery. Written
before the change, in words neither lexicon held, after four held-out sets in a row missed
delivery-only negatives worded in new terms (rota gaps, beds closed after an inspection)."""

from __future__ import annotations

import pytest

from lm_excel.checks import validate

from .modelkit import example_with_negatives, model_of


def delivery_only(*consequences: str) -> bool:
    report = validate(model_of(example_with_negatives(*consequences)))
    return any(f.code == "negatives-delivery-only" for f in report.all_findings())


@pytest.mark.parametrize("consequence, flagged", [
    # about the service, in words no delivery list holds: no harm to anyone considered
    ("Rota gaps on weekend nights", True),
    ("Residential unit has to close beds after a poor inspection", True),
    ("The clinic moves to a building further from the bus routes", True),
    ("Managers change the eligibility criteria halfway through", True),
    ("The new case recording screens are slow", True),
    ("Court timetables slip", True),
    ("Ofsted judges the service inadequate", True),
    ("Some GP practices never pass the leaflet on to new parents", True),
    ("Housing officers do not hand details on to the family hub", True),
    # about the people served, in words no harm list holds: a harm was considered
    ("Some children feel singled out", False),
    ("Parents overlook the help on offer from relatives", False),
    ("Young people's views carry less weight once the plan is set", False),
    ("Grandparents take on more than they can manage", False),
    ("Pupils miss their friends' break times", False),
    ("Early help workers in schools hold risk that should sit with social care", False),
    ("Victims are asked to retell their story", False),
    ("Parents pass their worries on to their children", False),
])
def test_a_negative_counts_as_a_harm_only_with_evidence_of_one(consequence, flagged):
    assert delivery_only(consequence) == flagged, consequence


def test_one_harm_among_unknown_service_risks_is_enough():
    assert not delivery_only("Rota gaps on weekend nights", "Some children feel singled out")
    assert delivery_only("Rota gaps on weekend nights", "Court timetables slip")
