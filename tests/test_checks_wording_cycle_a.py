"""Kinds the fourteenth and fifteenth held-out sets (cycle A) showed the wording rules missing or
misreading, each swept in our own words from several agencies (written before the fixes; tuned
on cycle A)."""

from __future__ import annotations

import pytest

from .test_checks_wording_kinds import codes

# two changes, the first with its verb of change before more words, the second a clause of people
TWO_CHANGES = [
    "Mothers' confidence as parents and their own mental health both improve",       # planted, set 15
    "Children's language improves by age 3 and parents feel more confident to support it",  # planted, set 14
    "Attendance rises over the year and pupils feel more connected to school",
    "Parents' stress and their children's sleep both get better",
    "Reoffending falls within a year and young people report feeling safer",
]
NOT_TWO_CHANGES = [
    "Children's language improves by age 3",
    "Both parents feel more confident",
    "Parents and children both feel calmer at home",
]
# taking part in, or completing a dose of, the service (professionals as the people)
TAKING_PART = [
    "Social workers and designated safeguarding leads attend the virtual school's training",  # planted, set 14
    "Each child completes two to four terms in the group and returns to class full time",  # planted, set 15
    "Health visitors and school nurses attend the new training",
    "Foster carers complete six weeks of the therapeutic parenting course",
    "Teachers take part in the trauma-informed training",
    "Young people complete twelve sessions of the programme",
]
NOT_TAKING_PART = [
    "Children complete two years in the same school",
    "Improved confidence of teachers attending the training",
    "Social workers feel more confident after attending the training",
]
# a statement that is two changes with opposite directions is a compound, not a contradiction
MIXED = [
    ("Young people understand how exploitation works and have fewer risk factors in their lives", "Increase"),
    ("Parents learn calming strategies and have fewer arguments at home", "Increase"),
]
PROCESS_OR_PRODUCT = [
    "Services co-produced with families",
    "Effective multi-agency working",
    "Recommendations for further support made to the social worker",
    "Children have access to further support",
]
NOT_PROCESS_OR_PRODUCT = [
    "Children have access to a trusted adult at school",
    "Families feel they helped shape the service",
]


@pytest.mark.parametrize("text", TWO_CHANGES)
def test_two_changes_with_their_own_verbs_are_compound(text):
    assert "compound-outcome" in codes(text), text


@pytest.mark.parametrize("text", NOT_TWO_CHANGES)
def test_one_change_or_both_people_is_not_compound(text):
    assert "compound-outcome" not in codes(text), text


@pytest.mark.parametrize("text", TAKING_PART + PROCESS_OR_PRODUCT)
def test_taking_part_a_process_or_a_product_is_not_an_outcome(text):
    assert "outcome-not-a-change" in codes(text), text


@pytest.mark.parametrize("text", NOT_TAKING_PART + NOT_PROCESS_OR_PRODUCT)
def test_a_change_beside_the_service_is_an_outcome(text):
    assert "outcome-not-a-change" not in codes(text), text


@pytest.mark.parametrize("text, direction", MIXED)
def test_two_changes_of_opposite_directions_are_a_compound_not_a_contradiction(text, direction):
    found = codes(text, direction)
    assert "compound-outcome" in found and "direction-contradicts" not in found, text


def test_settled_and_ready_to_learn_is_one_nurture_outcome():
    assert "compound-outcome" not in codes("Children settled and ready to learn in class")


# cycle B (held out 16 and 17; written before the fix, tuned on): statutory contacts carried out,
# and partners attending the service's own meetings
CYCLE_B_OUTPUTS = [
    "Statutory visits carried out every six weeks with the child seen on their own",
    "Return home interviews undertaken within 72 hours",
    "Member agencies attend every fortnightly hub meeting and take on the families matched to them",
    "Partner agencies attend the monthly panel",
]
CYCLE_B_OUTCOMES = [
    "Family plans are carried out",
    "Parents feel listened to at child protection conferences",
]


@pytest.mark.parametrize("text", CYCLE_B_OUTPUTS)
def test_contacts_carried_out_and_partners_at_meetings_are_outputs(text):
    assert "outcome-not-a-change" in codes(text), text


@pytest.mark.parametrize("text", CYCLE_B_OUTCOMES)
def test_plans_carried_out_by_families_are_not_outputs(text):
    assert "outcome-not-a-change" not in codes(text), text
