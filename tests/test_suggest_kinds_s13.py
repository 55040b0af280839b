"""Kinds behind round 28's answers (issue 18, session 13), probed in our own words: one word of a
vision, an aim or a pledge read as a measure's construct, where "no close match" is the honest
answer. Each rule has a near-miss where the measure still fits, so that the rule does not hide a
real match."""

from __future__ import annotations

import pytest

from lm_excel.measures.suggest import suggest


def keys(text: str) -> list[str]:
    return [s.measure.key for s in suggest(text)]


# A place to be ("a place where ...") is not a placement in care, though the stems meet.
def test_a_place_to_be_is_not_a_placement():
    assert not {"placement_type_distance", "placement_stability"} & set(
        keys("Make the borough a place where young people want to stay"))


def test_placements_out_of_the_borough_keep_their_measure():
    assert keys("Fewer children are placed out of the borough")[:1] == ["placement_type_distance"]


# Caring about something is a concern, not care: no survey of children in care.
def test_caring_about_something_is_not_care():
    assert "bright_spots" not in keys("Young people feel safe and care about their own futures")


def test_children_in_care_who_feel_cared_for_keep_bright_spots():
    assert keys("Children in care feel cared for")[:1] == ["bright_spots"]


# Happy as a state joined to other aims is one aim of a vision, not a change in happiness.
@pytest.mark.parametrize("text", [
    "Young people are happy and have chances to learn new skills",
    "Young children have the best possible start in life, so they can grow and be happy",
    "Each child experiences a happy and secure childhood",
])
def test_happy_in_a_vision_is_no_wellbeing_measure(text):
    assert not {"ons4", "stirling", "swemwbs", "wemwbs"} & set(keys(text)), text


@pytest.mark.parametrize("text", [
    "Children report being happier",
    "Children feel happier and calmer after the group",
])
def test_a_change_in_happiness_keeps_a_wellbeing_measure(text):
    got = keys(text)
    assert got and got[0] in ("ons4", "stirling", "swemwbs", "wemwbs"), (text, got)


# Safe in several places at once is safety as a whole: not the care at home (the Graded Care
# Profile), staying at home rather than entering care, nor the pupil survey of one of the places.
@pytest.mark.parametrize("text", [
    "Teenagers are safe at home, at school and online",
    "Children are safe both at home and in their neighbourhoods",
    "Young people feel safe in their homes, their schools and public places",
])
def test_safe_in_several_places_points_to_no_one_places_measure(text):
    assert not {"gcp2", "entry_to_care", "school_experience"} & set(keys(text)), text


def test_safe_at_school_alone_keeps_the_pupil_survey():
    assert keys("Children feel safe at school")[:1] == ["school_experience"]


# Everyone treated well is no service's users: not the family experience survey.
def test_everyone_treated_with_dignity_is_not_the_experience_survey():
    assert "family_experience" not in keys(
        "We'll value each child and make sure everybody is treated with dignity")


def test_families_treated_with_respect_by_staff_keep_the_experience_survey():
    assert keys("Families say staff treated them with respect")[:1] == ["family_experience"]


# A service named as the means to outcomes in general counts nothing of its own.
def test_early_help_as_the_means_to_better_outcomes_is_not_step_ups():
    assert "early_help_stepups" not in keys("Early help to achieve better outcomes for families in poverty")


def test_step_ups_from_early_help_keep_their_measure():
    assert keys("Fewer families are stepped up from early help to social care")[:1] == [
        "early_help_stepups"]


# The service supporting parents is its help, not support from other parents (the MSPSS).
def test_supporting_parents_to_do_something_is_not_social_support():
    assert "mspss" not in keys("To support parents to refresh their skills")


@pytest.mark.parametrize("text", [
    "Parents get more support from other parents",
    "Reciprocal support between families grows",
])
def test_support_from_other_parents_keeps_the_mspss(text):
    assert "mspss" in keys(text), text


# Attitudes and behaviour towards people from other backgrounds are an attitude to others, not a
# child's behaviour difficulties.
def test_attitudes_to_people_from_other_backgrounds_are_not_behaviour_difficulties():
    assert "sdq" not in keys(
        "Teenagers show more positive attitudes and behaviour towards people from other faiths")


def test_behaviour_at_home_keeps_the_sdq():
    assert keys("Children's behaviour at home improves")[:1] == ["sdq"]


# Supervision in the community is a sentence served, not a parent's supervision nor a care order.
def test_orders_under_community_supervision_are_not_care_orders():
    assert not {"care_proceedings", "gcp2"} & set(
        keys("More young people under community supervision finish their orders"))


def test_care_orders_keep_care_proceedings():
    assert keys("Fewer children become subject to care orders")[:1] == ["care_proceedings"]


# Young people heard as a group, or a pledge to listen with nothing more said, is their voice in
# what the council does (a participation standard), not one family's experience of a service.
@pytest.mark.parametrize("text", [
    "Young people in the borough are heard",
    "Children and young people across the city feel heard",
    "We will always listen to you",
])
def test_young_people_heard_as_a_group_is_participation(text):
    assert keys(text)[:1] == ["hear_by_right"], text


@pytest.mark.parametrize("text", [
    "Young people feel listened to by their youth worker",
    "Young people in care are heard in their reviews",
])
def test_heard_by_a_worker_or_in_ones_own_case_is_not_participation(text):
    assert keys(text)[:1] != ["hear_by_right"], text


def test_everyone_safe_and_heard_stays_no_close_match():
    assert keys("Every young person feels safe and heard") == []


# A pledge that gives "you" something for a purpose, or help toward a change it names, is read
# for the change, as an outcome is.
def test_a_pledge_giving_you_help_to_find_a_home_is_read_for_the_home():
    assert keys("We will provide you with advice to find a secure home of your own")[:1] == [
        "housing_stability"]


def test_help_to_reduce_a_named_rate_is_that_rate():
    assert keys("Help reduce the rate of teenage pregnancy")[:1] == ["teenage_conceptions"]


def test_potential_in_learning_is_attainment():
    assert keys("Pupils are helped to reach their academic potential through good schools")[:1] == [
        "attainment"]


def test_a_pledge_of_provision_with_no_purpose_stays_provision():
    assert keys("We will provide you with a new website") == []


# Being in school, said of the people named ("pupils stay in school"), is attendance.
def test_being_in_school_is_attendance():
    assert keys("Pupils stay in school")[:1] == ["school_attendance"]


def test_children_in_school_as_who_keep_their_change():
    got = keys("Children in school are happier")
    assert got and got[0] in ("ons4", "stirling"), got


# One's views or opinions valued are one's say in a service: the experience survey.
def test_opinions_valued_are_the_experience_survey():
    assert keys("Our views and opinions are valued")[:1] == ["family_experience"]


# A gap between groups of people named by their income is a gap in what it is in; the places or
# stages after the groups say where it is measured.
@pytest.mark.parametrize("text", [
    "Close the gap in achievement between pupils on low incomes and their classmates",
    "Narrow the gap for pupils from poorer households and others at every key stage",
])
def test_a_gap_between_income_groups_is_a_gap_in_attainment(text):
    assert keys(text)[:1] == ["attainment"], text


def test_low_income_as_the_change_keeps_household_income():
    assert keys("Fewer families live on a low income")[:1] == ["household_income"]


# Aims of a vision in a clause of where after the change leave the change itself ("feel safe ...
# where they can thrive and flourish"); a list of feelings is not a phrase ("secure, cared for").
def test_the_change_before_a_where_clause_of_aims_keeps_its_measure():
    assert keys("Children in care feel safe, secure, loved and cared for in homes where they can "
                "thrive and flourish")[:1] == ["bright_spots"]


def test_aims_alone_stay_no_close_match():
    assert keys("Children grow up in homes where they can thrive and flourish") == []
