"""Session 9's outcome wording batches (issue 14), through validate(): batch X (tuned on) and batch
Y (run once after tuning on X: 28/37 agreed on its first run, recorded in docs/checks.md; tuned
on since). Each row is a statement, the direction beside it and the wording finding an evaluator
expects at it, or none: outputs worded as what people get, directions said as an end or a way
out, aims with no construct, and clauses of different verbs joined with no direction word, each
beside good statements that share its words."""

from __future__ import annotations

import pytest

from lm_excel.checks import validate

from .modelkit import example, model_of, row
from .wording_batches import expected, found, rows

#: Rows the rules still miss, and why: a miss kept visible, not a false alarm.
KNOWN_MISSES: set[str] = set()
# "Young people in custody receive education for 15 hours a week" was here until session 10: a quantity
# of provision after a verb of getting ('for 15 hours a week', '12.5 hours of childcare') is a dose.


def _cases(batch: str):
    for r in rows(batch):
        marks = [pytest.mark.xfail(strict=True, reason="known miss")] if r["text"] in KNOWN_MISSES else []
        yield pytest.param(r, id=f"{batch}-{r['kind']}-{r['text'][:40]}", marks=marks)


@pytest.mark.parametrize("rec", [*_cases("X"), *_cases("Y")])
def test_wording_finding_as_expected(rec):
    assert found(rec["text"], rec["direction"]) == expected(rec), rec


def test_batches_cover_every_kind_in_both():
    kinds = {b: {r["kind"] for r in rows(b)} for b in ("X", "Y")}
    assert kinds["X"] == kinds["Y"]
    assert len(rows("X")) >= 30 and len(rows("Y")) >= 30


#: Good statements that share the new rules' words, found while probing the repository's own
#: statement files after the rules were written: each must not draw the finding beside it.
CLEAN = [
    ("Foster families feel well supported out of hours", "Increase", "direction-contradicts"),
    ("Young people stop and think before acting", "Increase", "direction-contradicts"),
    ("Young people are diverted into positive activities", "Increase", "direction-contradicts"),
    ("Young people have trusted friends and family around them", "Increase", "compound-outcome"),
    ("Young people study for their exams and revise with friends", "Increase", "compound-outcome"),
    ("Victims receive support from their family and friends", "Increase", "outcome-not-a-change"),
    ("Care leavers have access to a trusted adult", "Increase", "outcome-not-a-change"),
    ("Young people gain access to employment", "Increase", "outcome-not-a-change"),
    ("Pupils attend an after-school club", "Increase", "outcome-not-a-change"),
    ("Children attend their health appointments", "Increase", "outcome-not-a-change"),
    ("Raised ambition", "Increase", "vague-statement"),
    # an older rule narrowed in the precision audit: a destination offered is a change
    ("Care leavers are offered a job", "Increase", "outcome-not-a-change"),
    ("Young people are offered an apprenticeship", "Increase", "outcome-not-a-change"),
    ("Young people offered a place at college", "Increase", "outcome-not-a-change"),
]


def test_what_the_service_offers_is_still_an_output():
    assert "outcome-not-a-change" in found("Families are offered an appointment within a week", "Increase")
    assert "outcome-not-a-change" in found("Parents are offered a place on a parenting programme", "Increase")


@pytest.mark.parametrize("text, direction, code", CLEAN)
def test_good_statements_sharing_the_words_stay_clean(text, direction, code):
    assert code not in found(text, direction)


#: TUNED ON rounds 22 and 23 (their first runs' false alarms, after the freeze was lifted): each
#: must not draw the finding beside it.
ROUNDS_22_23 = [
    ("Parents' parenting skills improved through learning about the baby's development and "
     "understanding more about baby's behaviour", "compound-outcome"),
    ("Improve the engagement and participation of young people, to ensure the voice of all young "
     "people are heard, listened to, and consulted with", "compound-outcome"),
    ("Good speech, language, and communication skills", "compound-outcome"),
    ("The school environment becomes calmer and more nurturing", "compound-outcome"),
    ("A range of family hub services available within a 30-minute walk, where there is an "
     "identified need", "outcome-counted-by-recognition"),
]


@pytest.mark.parametrize("text, code", ROUNDS_22_23)
def test_round_22_23_false_alarms_stay_away(text, code):
    records = example()
    row(records, "outcomes", "OC3").update(outcome=text, direction="Increase")
    assert code not in {f.code for f in validate(model_of(records)).all_findings() if f.element_id == "OC3"}


def test_teaching_gerunds_before_people_are_an_activity():
    assert "outcome-not-a-change" in found(
        "Educating, informing and challenging young people about healthy relationships, abuse and consent", "Increase")
    assert "outcome-not-a-change" not in found("Challenging behaviour reduces", "Decrease")
