"""Kinds behind round 30's answers (issue 18, session 13), probed in our own words: promises to
children in care that a measure fits but got no close match, and one word of a broad aim deciding
the measure. Each rule has a near-miss where the measure still fits, so that the rule does not
hide a real match."""

from __future__ import annotations

import pytest

from lm_excel.measures.suggest import suggest


def keys(text: str) -> list[str]:
    return [s.measure.key for s in suggest(text)]


# A corporate parent's promise to "you", naming no one else, is made to a child in its care: the
# measures of children in care may answer it.
def test_a_promise_to_you_to_feel_settled_is_the_survey_of_children_in_care():
    assert keys("We promise to help you feel settled and safe in your home")[:1] == ["bright_spots"]


def test_a_promise_to_you_as_a_parent_is_not_one_to_a_child_in_care():
    assert "bright_spots" not in keys("We will help you as a parent to feel safe at home")


# Learning to handle one's own money is a skill for living independently; a household managing
# its money better is its finances.
def test_learning_to_budget_is_a_life_skill():
    assert keys("We will help you learn to budget and manage your money")[:1] == ["casey_life_skills"]


def test_a_household_managing_its_money_keeps_household_income():
    assert keys("Families manage their money better")[:1] == ["household_income"]


# Skills for the life after care are the skills to live independently.
@pytest.mark.parametrize("text", [
    "We will help you build the skills you need for when you leave care",
    "Teenagers in foster care develop the skills they need after leaving care",
])
def test_skills_for_life_after_care_are_life_skills(text):
    assert keys(text)[:1] == ["casey_life_skills"], text


def test_skills_for_a_job_after_care_keep_the_care_leavers_measure():
    assert keys("Care leavers have the skills to find a job")[:1] == ["care_leavers_eet"]


# Moves of placement and of school said together are placement stability (its school moves).
@pytest.mark.parametrize("text", [
    "Children we look after have fewer placement and school changes",
    "Fewer unnecessary placement or school changes for children we look after",
])
def test_placement_and_school_moves_are_placement_stability(text):
    assert keys(text)[:1] == ["placement_stability"], text


# Safe from several harms at once is safety as a whole: not the Graded Care Profile's grading of
# the care one child gets at home, and for everyone (all ages) no measure of children at risk.
@pytest.mark.parametrize("text", [
    "Children are kept safe from abuse and neglect",
    "Babies and toddlers are protected from harm, neglect and violence",
])
def test_neglect_among_harms_kept_from_is_no_graded_care_profile(text):
    assert "gcp2" not in keys(text), text


def test_neglect_at_home_keeps_the_graded_care_profile():
    assert keys("Fewer children live with neglect at home")[:1] == ["gcp2"]


@pytest.mark.parametrize("text", [
    "Everyone in the town is safe from violence and exploitation",
    "Everyone who lives here is safe from abuse and exploitation",
])
def test_everyone_safe_from_harms_is_no_measure_of_children_at_risk(text):
    assert keys(text) == [], text


def test_young_people_safe_from_exploitation_keep_its_measure():
    assert keys("Young people are safe from exploitation")[:1] == ["child_exploitation"]


# Educating people about something is what the service does; the change is what they then know.
def test_educating_people_is_not_attainment():
    assert "attainment" not in keys("Educate children to stay safe online")


def test_results_at_school_keep_attainment():
    assert keys("Children achieve better results at school")[:1] == ["attainment"]


# An area praised as a place to live is a vision of the area, not a home housing records count.
@pytest.mark.parametrize("text", [
    "Make the city a great place to live and work",
    "Make the district the best place to live and bring up a family",
])
def test_an_area_as_a_place_to_live_is_no_housing_measure(text):
    assert "housing_stability" not in keys(text), text


@pytest.mark.parametrize("text", [
    "Families have a secure place to live",
    "Families find a better place to live",
])
def test_a_home_as_a_place_to_live_keeps_housing_stability(text):
    assert keys(text)[:1] == ["housing_stability"], text


# Views "taken into account" with no case record or decision about one life named count in what
# is decided for people in general: no case file audit; of young people as a group, participation.
def test_views_counting_in_public_life_are_no_case_file_audit():
    assert "case_file_audit" not in keys(
        "Every young person's opinions are taken into account in the life of the town")


def test_young_peoples_views_taken_into_account_are_participation():
    assert keys("Young people's views are taken into account")[:1] == ["hear_by_right"]


def test_views_taken_into_account_in_care_plans_keep_the_case_file_audit():
    assert keys("Children's views are taken into account in their care plans")[:1] == ["case_file_audit"]


# "The right time for every child" is when help comes, not social workers' time with children.
def test_the_right_time_for_every_child_is_no_caseload():
    assert not {"caseload", "practice_observation", "practitioner_survey"} & set(
        keys("Help comes at the right time for every child"))


def test_more_time_with_children_keeps_the_caseload():
    assert keys("Social workers have more time with children")[:1] == ["caseload"]


# A stage of school said as when a change in health is seen: when, not the stage's assessment.
def test_obesity_at_the_end_of_a_stage_is_healthy_weight():
    got = keys("Lower rates of childhood obesity at the end of the early years foundation stage")
    assert got == ["healthy_weight"], got


def test_development_at_the_end_of_reception_keeps_the_foundation_stage_profile():
    assert keys("More children reach a good level of development by the end of reception")[:1] == [
        "eyfsp_gld"]


# Economic wellbeing of young people on their way into adult life is being in education,
# employment or training; of families it is their income.
def test_young_peoples_economic_wellbeing_into_adulthood_is_neet():
    assert keys("Young people move into adulthood able to achieve economic wellbeing")[:1] == ["neet"]


def test_families_economic_wellbeing_keeps_household_income():
    assert keys("Families achieve economic wellbeing")[:1] == ["household_income"]
