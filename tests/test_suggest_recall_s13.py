"""Recall of measure suggestions (issue 18, session 13): where a library measure fits one of round
29's plain, countable statements but got no close match, probed in our own words, each kind with
a near-miss that must not get the measure (or must stay no close match)."""

from __future__ import annotations

import pytest

from lm_excel.measures.suggest import suggest


def keys(text: str) -> list[str]:
    return [s.measure.key for s in suggest(text)]


# Reconviction is how Scotland reports reoffending.
@pytest.mark.parametrize("text", [
    "Cut the reconviction rate among young people leaving custody",
    "Fewer young people are reconvicted within a year of release",
])
def test_reconviction_is_reoffending(text):
    assert keys(text)[:1] == ["reoffending"]


def test_a_conviction_record_spent_is_no_reoffending():
    assert "reoffending" not in keys("Young people understand when a caution is spent")


# Succeeding, thriving or catching up in education or at school is attainment.
@pytest.mark.parametrize("text", [
    "Learners catch up on lost learning after the pandemic",
    "Looked after children succeed in education",
    "Young people in care thrive in their education",
])
def test_succeeding_in_education_is_attainment(text):
    assert keys(text)[:1] == ["attainment"]


@pytest.mark.parametrize("text", [
    "Children thrive in their learning and play",   # learning in general, not school
    "Young people reach their full potential",      # an aim the library has no measure for
])
def test_thriving_in_general_or_potential_is_no_attainment(text):
    assert "attainment" not in keys(text)


# Attendance with a figure, a verb after "to" or a school after "at" is still school attendance
# when the statement is about pupils or schools (academies are schools).
@pytest.mark.parametrize("text", [
    "Every school reaches attendance of 95% or more",
    "Pupil attendance to rise above the local average",
    "Attendance at our primary schools to rise above the regional average",
    "Each academy reports attendance of at least 96%",
])
def test_attendance_with_a_figure_or_a_target_is_school_attendance(text):
    assert keys(text)[:1] == ["school_attendance"]


def test_attendance_at_a_parents_group_is_no_school_attendance():
    assert "school_attendance" not in keys("Attendance of 90% at parenting sessions")


# A change reached "by helping" people to an aim: the aim is the means, the change comes first.
@pytest.mark.parametrize("text, wanted", [
    ("Cut offending by helping young people reach their potential", {"first_time_entrants", "reoffending"}),
    ("Reduce exclusions by supporting pupils to achieve their potential", {"exclusions"}),
])
def test_an_aim_after_by_is_the_means_not_the_change(text, wanted):
    assert keys(text)[:1] and keys(text)[0] in wanted


# Wellbeing "through partnership working": the way of working is the means, the change comes
# first; the services that work together are who works, not a change.
def test_a_change_through_partnership_working_is_the_change():
    got = keys("Better emotional wellbeing for pupils through stronger partnership working")
    assert got[:1] and got[0] in {"stirling", "sdq", "wemwbs", "swemwbs"}


def test_services_working_together_get_no_wellbeing_scale():
    got = keys("Schools and mental health services work in partnership")
    assert not {"stirling", "sdq", "wemwbs", "swemwbs", "rcads"} & set(got)


# Being pushed or slipping into a state, narrowing a gap, progressing in something, or wanting,
# intending or choosing to do it: the words after "into", "in" or "to" are the change.
@pytest.mark.parametrize("text, wanted", [
    ("No young family slips into poverty", "household_income"),
    ("Fewer households are pushed into debt", "household_income"),
    ("Narrowing the healthy weight gap between areas", "healthy_weight"),
    ("Parents gain and progress in employment", "employment"),
    ("More young people want to volunteer", "civic_engagement"),
    ("Young people intend to volunteer in their community", "civic_engagement"),
])
def test_the_state_after_a_verb_of_moving_or_wanting_is_the_change(text, wanted):
    assert keys(text)[:1] == [wanted]


@pytest.mark.parametrize("text, unwanted", [
    ("Children are not pushed into adult roles too early", None),
    ("Young people progress through the stages of the programme", None),
    ("Parents want to learn more about their child's development", "asq3"),
    ("Narrowing the gap between services and the communities they serve", "community_survey"),
])
def test_what_is_not_a_measured_change_stays_out(text, unwanted):
    got = keys(text)
    assert (got == []) if unwanted is None else (unwanted not in got), got


# An aim the library has no measure for, then a clause that says how with a change of its own.
def test_a_clause_of_how_after_an_aim_names_its_own_change():
    assert keys("Children reach their potential, making good progress in reading")[:1] == ["attainment"]
    assert keys("Young people realise their potential, gaining qualifications")[:1] == ["attainment"]


@pytest.mark.parametrize("text", [
    "Children reach their potential, enjoying their childhood",
    "Young people fulfil their ambitions, learning and growing",
])
def test_an_aim_with_no_measured_change_after_it_stays_no_close_match(text):
    assert keys(text) == []


# Sport and activity, or doing sport, is physical activity; playing sport with others as a way of
# mixing is not (it is about the mixing).
@pytest.mark.parametrize("text", [
    "Children and young people do more sport and activity",
    "Sport and activity are part of every child's day",
])
def test_sport_and_activity_is_physical_activity(text):
    assert keys(text)[:1] == ["active_lives"]


def test_playing_sport_to_mix_is_no_physical_activity():
    assert "active_lives" not in keys("Young people socialise and play sport with peers from other faiths")


# Services listed before "work together" say who works together: no measure of the first one's
# topic ("education": attainment) comes before the partner survey.
@pytest.mark.parametrize("text", [
    "Education, health and social care services work together in children's best interests",
    "Police, schools and youth services work together",
])
def test_services_listed_before_working_together_are_who_works(text):
    assert keys(text)[:1] == ["partner_survey"]


# A phrase at the front that says where or when ("Across the city, ...") ends at its comma: the
# word after it is the change, not a complement of the phrase.
@pytest.mark.parametrize("text", [
    "Across the city, NEET falls",
    "In our county, the NEET rate is below the regional rate",
])
def test_a_fronted_place_ends_at_its_comma(text):
    assert keys(text)[:1] == ["neet"]


# Help or support for mental health "at the right time" is timely help for it (a wait); the right
# help at the right time, with no mental health named, stays no close match.
@pytest.mark.parametrize("text", [
    "Young people get mental health support at the right time",
    "Pupils receive help with their emotional wellbeing at the right time",
])
def test_mental_health_help_at_the_right_time_is_a_wait(text):
    assert keys(text)[:1] == ["waiting_times"]


def test_the_right_help_at_the_right_time_alone_is_no_close_match():
    assert keys("Children get the right help at the right time") == []


# Being part of decision making or planning about one's own care is a say in it, which the
# family and child experience survey asks; the timeliness of care planning is not.
@pytest.mark.parametrize("text", [
    "Families are at the centre of planning about their care",
    "Children are involved in planning their care",
])
def test_planning_their_own_care_is_their_say(text):
    assert keys(text)[:1] and keys(text)[0] in {"family_experience", "bright_spots", "esq"}


def test_care_planning_on_time_is_no_say():
    assert not {"family_experience", "bright_spots", "esq"} & set(keys("Care planning is timely"))


# Views that are influential, or people who influenced a service, have the collective say Hear by
# Right assesses ("influential" and "influence" are one concept whatever their stems); an
# influence on a child is not a say.
@pytest.mark.parametrize("text", [
    "Young people's views are influential in how local services develop",
    "Children in care influenced the design of the new service",
])
def test_influential_views_on_services_are_hear_by_right(text):
    assert keys(text)[:1] == ["hear_by_right"]


def test_an_influence_on_children_is_no_say():
    assert "hear_by_right" not in keys("Parents are a positive influence on their children")


# Social or generalised trust is what the Community Life Survey asks (whether most people can be
# trusted); a child's trust in the adults at school is not.
@pytest.mark.parametrize("text", [
    "Young adults report higher social trust",
    "Residents say most people can be trusted",
])
def test_social_trust_is_the_community_survey(text):
    assert keys(text)[:1] == ["community_survey"]


def test_trust_in_adults_at_school_is_no_community_survey():
    assert "community_survey" not in keys("Children trust adults in their school")
