"""Batch Y for the evaluator's questions and delivery risks (issue 14): written with batch X
(test_checks_questions.py) before the rules, kept out of their tuning and run once; its first-run
figure is in docs/checks.md. New wordings from every domain."""

from __future__ import annotations

import pytest

from .modelkit import example_with_negatives, model_of
from .test_checks_questions import questions_at, validate, with_outcome

CASES = [
    # (outcome, direction, intervention fields, code expected or None)
    ("More children disclosing harm to a trusted adult", "Increase", {}, "outcome-counted-by-recognition"),
    ("Reduction in reported sexual exploitation", "Decrease", {}, "outcome-counted-by-recognition"),
    ("Fewer police call-outs to the family home for domestic incidents", "Decrease", {},
     "outcome-counted-by-recognition"),
    ("More private fostering arrangements identified", "Increase", {}, "outcome-counted-by-recognition"),
    ("Fewer safeguarding referrals about children missing from education", "Decrease", {},
     "outcome-counted-by-recognition"),
    ("Young people say they feel listened to", "Increase", {}, None),
    ("Fewer children exposed to violence at home", "Decrease", {}, None),
    ("Fewer referrals to the front door that lead to no further action", "Decrease", {}, "outcome-moved-by-delivery"),
    ("Reduced demand for tier 4 beds", "Decrease", {}, "outcome-moved-by-delivery"),
    ("Fewer applications for statutory assessment of SEN", "Decrease", {}, "outcome-moved-by-delivery"),
    ("Fewer young people entering the criminal justice system", "Decrease",
     {"summary": "Children arrested for low-level offences are diverted to a triage worker instead of "
                 "being charged"}, "outcome-moved-by-delivery"),
    ("Reduced waiting list for speech and language therapy", "Decrease", {}, None),
    ("Fewer children taken into care", "Decrease", {"reach": "35 families"}, "rare-outcome-small-scale"),
    ("Fewer adoption breakdowns", "Decrease", {"reach": "20 adoptive families a year"}, "rare-outcome-small-scale"),
    ("Fewer deaths of infants in unsafe sleep", "Decrease", {"reach": "90 families"}, "rare-outcome-small-scale"),
    ("Better mood among mothers", "Increase", {"reach": "35 mothers"}, None),
    ("Newborns feel calm and content", "Increase", {}, "outcome-not-observable"),
    ("Children live free from harm", "Increase", {}, "outcome-not-observable"),
    ("Communities are safer places for young people", "Increase", {}, "outcome-not-observable"),
    ("Mothers feel less alone with their baby", "Decrease", {}, None),
    ("Fewer children carried into the next generation of care", "Decrease", {}, "outcome-not-observable"),
]


@pytest.mark.parametrize("text, direction, iv, code", CASES)
def test_batch_y_questions(text, direction, iv, code):
    got = questions_at(with_outcome(text, direction, **iv))
    assert got == ({code} if code else set()), text


@pytest.mark.parametrize("consequence, delivery", [
    ("Match funding from the health board is withdrawn", True),
    ("The charity cannot raise enough money to keep the service running", True),
    ("Too few befrienders are recruited", True),
    ("Caseloads grow beyond what workers can manage", True),
    ("Health visitors stop signposting families to the groups", True),
    ("Schools opt out of the second year", True),
    ("The shared database is not ready on time", True),
    ("Trainers are not available in rural areas", True),
    ("Young people feel singled out by being offered a mentor", False),
    ("Parents are reluctant to seek help for fear of their children being removed", False),
    ("Children miss lessons to attend sessions", False),
    ("Workers experience vicarious trauma", False),
])
def test_batch_y_negatives(consequence, delivery):
    records = example_with_negatives(consequence)
    got = any(f.code == "negatives-delivery-only" for f in validate(model_of(records)).all_findings())
    assert got == delivery, consequence
