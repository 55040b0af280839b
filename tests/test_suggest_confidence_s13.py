"""Kinds behind the confident wrong answers left after session 13's first tuning (issue 18: never
a confident wrong answer), probed in our own words: how a behaviour is seen, skills for what lies
ahead, being part of a community, what housing costs, a gap in outcomes as a whole, a clause saying
for whom whatever their circumstances or when help comes, and ambitions with aspirations. Each
kind has a near-miss whose measure must stay the first answer, so that the rule does not hide a
real match."""

from __future__ import annotations

import pytest

from lm_excel.measures.suggest import match, suggest


def keys(text: str) -> list[str]:
    return [s.measure.key for s in suggest(text)]


# How people see a behaviour (as the norm, as normal) is an attitude a population survey asks,
# not the behaviour's own count.
@pytest.mark.parametrize("text", [
    "Reading to babies every day is seen as normal by parents",
    "Smoking in pregnancy is no longer viewed as normal",
])
def test_how_a_behaviour_is_seen_has_no_close_match(text):
    found = match(text)
    assert found.abstained and "how a behaviour is seen" in found.no_measure_for, found


@pytest.mark.parametrize("text", [
    "More mothers breastfeed their babies at 6 to 8 weeks",
    "Breastfeeding is the norm",
])
def test_the_behaviour_itself_keeps_its_measure(text):
    assert keys(text)[:1] == ["breastfeeding"]


# Skills for life or work are skills, which no destination count records.
@pytest.mark.parametrize("text", [
    "Young people leave school with skills for work and adult life",
    "Every young person has skills for life, employment and learning",
])
def test_skills_for_work_and_life_are_not_neet(text):
    assert keys(text) == []


def test_a_destination_and_a_result_next_to_skills_keep_their_measures():
    assert keys("Young people move into education, employment or training")[:1] == ["neet"]
    assert keys("Pupils achieve good GCSE results and gain skills for life")[:1] == ["attainment"]


# Being part of a community is inclusion in community life; feeling part of it is belonging,
# which the community survey asks.
def test_being_part_of_a_community_has_no_close_match():
    assert keys("Disabled young people are part of their local community") == []


def test_feeling_part_of_a_community_keeps_the_community_survey():
    assert keys("Young people feel part of their local community")[:1] == ["community_survey"]
    assert "community_survey" in keys("Teenagers have a feeling of being part of a community")


# Affordable housing is what homes cost, not whether people are housed.
def test_affordable_homes_are_not_suitable_accommodation():
    assert keys("Young families can find affordable homes") == []
    assert keys("Care leavers are able to access affordable accommodation") == []


def test_care_leavers_in_suitable_accommodation_keep_their_measure():
    assert keys("Care leavers live in suitable accommodation")[:1] == ["care_leavers_eet"]


# A gap in outcomes as a whole (health and wellbeing outcomes) is no one measure's; a gap in
# one thing (attainment) is that thing's.
def test_a_gap_in_outcomes_as_a_whole_has_no_close_match():
    assert keys("Narrow the gap in health and wellbeing outcomes between the most and least "
                "deprived areas") == []


def test_a_gap_in_attainment_keeps_attainment():
    assert keys("Narrow the attainment gap between disadvantaged pupils and their peers")[:1] == [
        "attainment"]


# "Irrespective of where they live or go to school": for whom, whatever their circumstances;
# "before they reach crisis or are at risk of harm": when help comes. Neither is the change.
def test_a_clause_of_whatever_their_circumstances_is_not_the_change():
    found = keys("Children's mental health improves, irrespective of where they live or go to school")
    assert found and "school_attendance" not in found, found


def test_going_to_school_as_the_change_keeps_attendance():
    assert keys("Children go to school every day")[:1] == ["school_attendance"]


def test_a_harm_in_a_clause_of_when_help_comes_is_not_the_change():
    assert "cp_plans" not in keys("Families get early support before they reach crisis point or "
                                  "their children are at risk of harm")


def test_a_risk_of_harm_as_the_change_keeps_its_measure():
    assert keys("Fewer children are at risk of significant harm")[:1] == ["cp_plans"]
    assert keys("Families get help early before problems escalate to statutory services")[:1] == [
        "early_help_stepups"]


# Ambitions with aspirations are what people hope for, with no library measure; a system that
# supports them says nothing of what the system's pupils attain.
def test_ambitions_and_aspirations_have_no_close_match():
    found = match("The education system supports the ambitions and aspirations of every pupil")
    assert found.abstained and "aspirations" in found.no_measure_for, found


def test_results_keep_attainment():
    assert keys("Pupils achieve good GCSE results")[:1] == ["attainment"]


# A condition before a pledge, without its comma ("if a child comes into care we will ..."), is
# when the pledge holds, not the change.
def test_a_condition_before_a_pledge_is_not_the_change():
    assert "entry_to_care" not in keys("If a baby does come into care we will keep them near "
                                       "their family")


def test_a_condition_with_its_comma_keeps_the_change_after_it():
    assert keys("If children come into care, fewer of them are placed out of the borough")[:1] == [
        "placement_type_distance"]


# Stability in one's home life is life at home, not housing.
def test_home_life_is_not_housing():
    assert "housing_stability" not in keys("Children enjoy stability in their home life and at "
                                           "school")


def test_secure_housing_keeps_housing_stability():
    assert keys("More families live in secure housing")[:1] == ["housing_stability"]


# When parents, carers or teachers report a child's change, a scale only the child fills in is
# not the first answer nor a confident one.
def test_what_parents_report_of_a_child_is_not_a_child_self_report_scale():
    found = suggest("Parents said their child's emotional wellbeing had got better")
    assert found and found[0].measure.key != "stirling", found
    assert all(s.confidence != "high" for s in found if s.measure.key == "stirling"), found


def test_what_children_report_keeps_their_own_scale():
    found = suggest("Children say their wellbeing has improved")
    assert found[0].measure.key == "stirling" and found[0].confidence == "high", found


# "In a way that feels safe" says how the change is made: seeing one's birth family is family
# time, whatever the manner.
def test_a_clause_of_manner_is_not_a_second_change():
    found = keys("Children see their birth family in a way that feels safe and happy")
    assert found[:1] == ["family_time"], found


def test_feeling_safe_as_the_change_keeps_bright_spots():
    assert keys("Children in care say they feel safe where they live")[:1] == ["bright_spots"]
