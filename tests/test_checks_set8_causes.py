"""The causes behind held-out set 8's misses (issue 14), each fixed in general: good and bad
statements side by side, in wordings of our own, not the set's."""

from __future__ import annotations

import pytest

from lm_excel.checks import validate
from lm_excel.model import ModelRecords

from .modelkit import example, model_of, row


def _found(rec: ModelRecords, code: str) -> list:
    return [f for f in validate(model_of(rec)).all_findings() if f.code == code]


@pytest.mark.parametrize("text, flagged", [
    ("Homework support twice a week after school at the library", True),
    ("Drop-in every Tuesday at the children's centre", True),
    ("Breakfast club in term-time for pupils on the list", True),
    ("Youth workers meet young people three times a month in the community centre", True),
    ("Termly reviews in school", True),
    ("Meeting a mentor every week gives young people an adult they trust, so they stay in school", False),
    ("Seeing the same worker twice a week lets parents build trust and talk about what is hard", False),
    ("Children who feel safe with a trusted adult learn to manage their feelings", False),
])
def test_a_mechanism_that_says_when_and_where_delivery_happens_is_not_an_account(text, flagged):
    rec = example()
    row(rec, "mechanisms", "M2")["mechanism"] = text
    got = [f for f in _found(rec, "mechanism-no-causal-account") if f.element_id == "M2"]
    assert bool(got) == flagged


@pytest.mark.parametrize("risks, flagged", [
    (("Partners withdraw from the board", "Relationships with the commissioned provider break down"), True),
    (("A school pulls out of the pilot", "The contract with the charity ends early"), True),
    (("Partners withdraw from the board", "Families feel judged by a visit from a new agency"), False),
    (("The provider withdraws", "Referrals fall and some harm is missed"), False),
])
def test_negatives_that_are_all_partnership_risks_suggest_harms(risks, flagged):
    rec = example()
    rec.elements["negatives"] = rec.elements["negatives"][:len(risks)]
    for n, text in zip(rec.elements["negatives"], risks):
        n["consequence"] = text
    assert bool(_found(rec, "negatives-delivery-only")) == flagged
