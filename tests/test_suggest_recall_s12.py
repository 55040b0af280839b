"""Recall of measure suggestions (issue 18, session 12): where a library measure fits round 26's
and round 27's statements but got no close match or came second, probed in our own words, each
kind with a near-miss that must not get the measure."""

from __future__ import annotations

import pytest

from lm_excel.measures import load_library, match
from lm_excel.measures.suggest import suggest


def keys(text: str) -> list[str]:
    return [s.measure.key for s in suggest(text)]


# Pupils' achievement, or achievement at school, is attainment; achievements celebrated are not.
@pytest.mark.parametrize("text", [
    "Raise the achievement of pupils with special educational needs",
    "Learners' achievement improves at key stage 4",
    "Better achievement at school for children in care",
])
def test_pupils_achievement_is_attainment(text):
    assert "attainment" in keys(text)[:1] or keys(text)[:1] == ["attainment"]


def test_achievements_celebrated_are_no_attainment():
    assert "attainment" not in keys("Young people's achievements are celebrated at an awards evening")


# People's experience of the support, help or services they get, or insight into it, is what the
# family and child experience survey asks.
@pytest.mark.parametrize("text", [
    "Carers' experience of the help they get from the service improves",
    "Better understand how young people experience the support they receive",
    "Families report a better experience of services",
])
def test_experience_of_support_is_the_experience_survey(text):
    assert keys(text)[:1] == ["family_experience"]


def test_experience_of_a_harm_is_no_experience_survey():
    assert "family_experience" not in keys("Fewer children experience neglect at home")


# A permanent home or family for a child who cannot live with their parents is permanence
# (adoption, kinship care, a long-term placement).
@pytest.mark.parametrize("text", [
    "More children who cannot return home have a permanent family",
    "Children waiting for adoption find a permanent home sooner",
])
def test_a_permanent_home_is_permanence(text):
    got = keys(text)
    assert got and got[0] in ("adoption", "placement_stability", "kinship_care")


@pytest.mark.parametrize("text, wanted", [
    ("Fewer permanent exclusions from secondary schools", "exclusions"),
    ("A permanent, stable social work workforce", "workforce_turnover"),
])
def test_other_permanent_things_keep_their_measures(text, wanted):
    assert keys(text)[:1] == [wanted]


# Volunteering is what the civic engagement survey asks (the Community Life Survey asks formal
# volunteering); volunteers named as people are who an outcome is about.
@pytest.mark.parametrize("text", [
    "Young people give their time by volunteering in the community",
    "More parents volunteer in their neighbourhood",
])
def test_volunteering_is_civic_engagement(text):
    assert "civic_engagement" in keys(text)


@pytest.mark.parametrize("text", [
    "Volunteers feel supported by the scheme coordinator",
    "Volunteer befrienders stay with the scheme for longer",
])
def test_volunteers_as_people_are_not_volunteering(text):
    assert "civic_engagement" not in keys(text)


def test_volunteering_opportunities_are_provision():
    assert "civic_engagement" not in keys("Young people have access to volunteering opportunities")


# A focus named in an aim ("with a focus on obesity", "focusing on domestic abuse") is the change
# the aim is about, not a complement.
@pytest.mark.parametrize("text, wanted", [
    ("Improve children's health with a particular focus on obesity", "healthy_weight"),
    ("Help children and families to stay safe, focusing on domestic abuse", "domestic_abuse_incidents"),
])
def test_a_named_focus_is_the_change(text, wanted):
    assert keys(text)[:1] == [wanted]


# A pledge to "you" (corporate parents' pledges to children in care) names a change in the person
# it is addressed to, not the service's provision; a pledge with only a topic stays provision.
@pytest.mark.parametrize("text, wanted", [
    ("We will help you keep in touch with your brothers and sisters", "family_time"),
    ("We will support you to do well at school", "attainment"),
    ("We'll help you find work or training when you leave care", "care_leavers_eet"),
    ("We will help you to maintain relationships with your family", "family_time"),
])
def test_a_pledge_to_you_names_your_change(text, wanted):
    assert keys(text)[:1] == [wanted]


def test_a_pledge_with_only_a_topic_is_still_provision():
    assert keys("We will help you with your health") == []


# Outside England the EYFS profile is not collected (Scotland records developmental concerns at
# child health reviews instead): an early development outcome leads with the ASQ-3 and the EYFS
# profile's stand-in is never of high confidence. In England, or with no nation known, the
# profile stays first.
@pytest.mark.parametrize("nation", ["Scotland", "Wales", "Northern Ireland"])
def test_outside_england_early_development_leads_with_the_asq3(nation):
    found = match("Improving early years development of children in our area",
                  library=load_library().for_nation(nation)).suggestions
    assert [s.measure.key for s in found][:1] == ["asq3"]
    assert all(s.confidence != "high" for s in found if s.measure.key == "eyfsp_gld")


def test_in_england_the_eyfs_profile_stays_first():
    found = match("Improving early years development of children in our area").suggestions
    assert [s.measure.key for s in found][:1] == ["eyfsp_gld"]


def test_outside_england_a_measure_not_collected_is_still_suggested_when_alone():
    found = match("More children reach a good level of development by age five",
                  library=load_library().for_nation("Wales")).suggestions
    assert [s.measure.key for s in found] == ["eyfsp_gld"] and found[0].confidence == "medium"
