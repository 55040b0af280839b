"""Who an outcome is about is not what changes (issue 18): the kinds behind rounds 8 and 9.

Every statement here is new, written for this test in children's services wording across the
domains (not taken from any scored set): a relative clause or a status phrase after the people
an outcome is about ("women who have had children removed", "families where there is drug
misuse", "perpetrators of exploitation") says who, and the main predicate says what changes;
a guess resting only on the who-part is no close match; confidence orders every list, a compound
outcome's too; a children's wellbeing outcome gets no scale made for older people. Tested through
the public ``match`` and ``suggest``.
"""

from __future__ import annotations

import pytest

from lm_excel.measures import match, suggest

_ORDER = {"high": 0, "medium": 1, "low": 2}


def keys(text: str) -> list[str]:
    return [s.measure.key for s in suggest(text)]


# Compound outcomes (one measure per part) and single ones: the list is ordered by confidence
# first, whatever part each suggestion is for; within one confidence a single outcome's by score,
# a compound one's by part.
ORDERED = [
    "Manage anger and worries",
    "A committed workforce with the skills to improve children's outcomes, and less burnout",
    "Screening systems identify parents, and case records say which adults are parents",
    "Parents feel less stressed and children's behaviour improves",
    "Foster carers feel supported and are less likely to resign",
    "Better school attendance, fewer exclusions and improved wellbeing",
    "Youth workers are confident, and young people feel happier and more hopeful",
    "Fewer children go missing from placements and from school",
    "Staff morale improves and fewer social workers experience burnout",
]


@pytest.mark.parametrize("text", ORDERED)
def test_confidence_orders_every_list(text):
    m = match(text)
    got = [(_ORDER[s.confidence], 0 if m.compound else -s.score) for s in m.suggestions]
    assert got == sorted(got), (text, [(s.measure.key, s.score, s.confidence)
                                      for s in m.suggestions])


# (statement, measures that read the who-part as the change): any other answer, including no
# close match, is acceptable.
WHO_IS_NOT_THE_CHANGE = [
    ("Mothers who have had a baby taken into care feel hopeful about the future",
     {"entry_to_care"}),
    ("Fathers who have been violent in the past develop a sense of purpose",
     {"domestic_abuse_incidents"}),
    ("Young people who have offended feel they belong in their community",
     {"first_time_entrants", "reoffending"}),
    ("Parents who misuse alcohol feel better understood by their social worker",
     {"substance_misuse_treatment"}),
    ("Improve the confidence of families where there is domestic abuse",
     {"domestic_abuse_incidents"}),
    ("Improve the quality of life of children affected by parental substance misuse",
     {"substance_misuse_treatment"}),
    ("Better friendships for young people living with a disability who have been excluded",
     {"exclusions"}),
    ("Perpetrators of child sexual exploitation are brought to justice",
     {"child_exploitation"}),
    ("Perpetrators of domestic abuse are held to account by the courts",
     {"domestic_abuse_incidents"}),
    ("Children who have been adopted keep in touch with their siblings", {"adoption"}),
]


@pytest.mark.parametrize("text, wrong", WHO_IS_NOT_THE_CHANGE,
                         ids=lambda v: v if isinstance(v, str) else None)
def test_the_who_part_is_not_read_as_the_change(text, wrong):
    got = keys(text)
    assert not set(got) & wrong, (text, got)


# (statement, measures any of which an evaluator accepts first): the main predicate still finds
# its measure after a who-clause.
MAIN_PREDICATE = [
    # the clause splits the phrase "parents feel less stressed", so the stress scales for adults
    # tie on "stressed" (k10 first by name); a parent's own distress scale is still a fit
    ("Parents who have been in care themselves feel less stressed", {"pss", "psi4", "k10"}),
    ("Children who cannot live with their parents are cared for by grandparents",
     {"kinship_care"}),
    ("Young people who have been excluded attend school regularly", {"school_attendance"}),
    ("Families where there is domestic abuse are referred to social care less often",
     {"re_referrals_12m", "referrals"}),
    ("Women who have had children removed are not subject to further care proceedings",
     {"care_proceedings"}),
]


@pytest.mark.parametrize("text, fit", MAIN_PREDICATE, ids=lambda v: v if isinstance(v, str) else None)
def test_the_main_predicate_decides_after_a_who_clause(text, fit):
    got = keys(text)
    assert got and got[0] in fit, (text, got)


# Where the who-part is the change itself, it still counts: no main predicate follows it.
WHO_IS_THE_CHANGE = [
    ("Fewer children affected by domestic abuse", {"domestic_abuse_incidents"}),
    ("Fewer young people who offend", {"first_time_entrants", "reoffending"}),
]


@pytest.mark.parametrize("text, fit", WHO_IS_THE_CHANGE, ids=lambda v: v if isinstance(v, str) else None)
def test_a_who_phrase_with_no_main_predicate_is_the_change(text, fit):
    got = keys(text)
    assert got and got[0] in fit, (text, got)


# No measure fits: the honest answer is no close match, not a guess resting on a word that names
# what is absent ("alcohol-free"), on the people the outcome is about, or on a move back between
# settings.
NO_CLOSE_MATCH = [
    "Children grow up in violence-free homes",
    "Victim-survivors are believed when they first tell someone",
    "Pupils in alternative provision are reintegrated into mainstream school",
    "More pupils return to mainstream education from the pupil referral unit",
    "Adopted children feel they belong in their new family",
]


@pytest.mark.parametrize("text", NO_CLOSE_MATCH)
def test_no_close_match_rather_than_a_guess(text):
    m = match(text)
    assert m.abstained, (text, [(s.measure.key, s.score, s.confidence) for s in m.suggestions])


# The words that still decide: a drug-free parent after treatment, a placement for an adopted
# child, a victim-survivor's housing.
STILL_DECIDES = [
    ("Parents complete drug and alcohol treatment and stay drug-free",
     {"substance_misuse_treatment"}),
    ("Victim-survivors have settled accommodation", {"housing_stability"}),
    ("Adopted children have fewer placement moves", {"placement_stability"}),
    ("Fewer children are excluded from school", {"exclusions"}),
]


@pytest.mark.parametrize("text, fit", STILL_DECIDES, ids=lambda v: v if isinstance(v, str) else None)
def test_the_words_of_the_change_still_decide(text, fit):
    got = keys(text)
    assert got and got[0] in fit, (text, got)


# A children's wellbeing outcome, with no age given, gets no scale made for teenagers and adults
# (WEMWBS 13 and over, SWEMWBS 15 and over); one for young people, or with teenage ages, may.
TEEN_SCALES = {"wemwbs", "swemwbs"}


@pytest.mark.parametrize("text", [
    "Improved mental health and wellbeing of children in low-income families",
    "Children's mental wellbeing improves",
    "Better emotional wellbeing for children living in temporary accommodation",
])
def test_a_childrens_wellbeing_outcome_gets_no_teenage_scale(text):
    assert not set(keys(text)) & TEEN_SCALES, (text, keys(text))


@pytest.mark.parametrize("text", [
    "Young people's mental wellbeing improves",
    "Children aged 14 to 17 have better mental wellbeing",
])
def test_a_teenage_wellbeing_outcome_may_get_a_teenage_scale(text):
    assert set(keys(text)) & TEEN_SCALES, (text, keys(text))


# The families, homes or areas people live in say who too ("children in workless families").
@pytest.mark.parametrize("text, wrong", [
    ("Improved mental health of children in workless and disadvantaged families", {"neet"}),
    ("Better physical health for young people from low-income households", {"household_income"}),
    ("The confidence of parents in families affected by debt", {"household_income"}),
], ids=lambda v: v if isinstance(v, str) else None)
def test_the_families_people_live_in_are_not_the_change(text, wrong):
    got = keys(text)
    assert not set(got) & wrong, (text, got)


def test_people_at_risk_of_a_harm_after_the_change_say_who_it_is_for():
    found = [s.measure.key for s in suggest("Improved wellbeing of children at risk of exploitation")]
    assert found and "child_exploitation" not in found and found[0] in {"stirling", "ons4", "wemwbs"}
    # ... while the risk itself, as the change, is still the exploitation measure
    top = suggest("Young people at risk of exploitation are identified earlier")
    assert top and top[0].measure.key == "child_exploitation"
