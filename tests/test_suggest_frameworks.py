"""Outcome wording copied from national outcome frameworks (issue 18).

Published logic models copy the headline outcomes of national frameworks: Supporting Families'
ten headline outcomes, the Children's Social Care National Framework, GIRFEC's SHANARRI
indicators, Wales' seven core aims, Northern Ireland's eight outcomes, Best Start for Life, the
Healthy Child Programme's reviews. Each table is of new statements in that wording, written for
this test (not from any scored set), tested through the public ``suggest`` and ``match``.
"""

from __future__ import annotations

import pytest

from lm_excel.measures import match, suggest


def keys(text: str) -> list[str]:
    return [s.measure.key for s in suggest(text)]


# (statement, measures any of which an evaluator accepts first)
TOP_FITS = [
    # "learn and achieve" (Northern Ireland) and "achieve at school" are attainment
    ("Young people in Belfast learn and achieve", {"attainment"}),
    ("More pupils achieve at school", {"attainment"}),
    # the review at two to two and a half years (England) or 27-30 months (Scotland): the ASQ-3
    ("Every child has a 27-30 month review", {"asq3"}),
    ("Fewer toddlers have developmental concerns", {"asq3"}),
    # "safe in and outside of their homes": harm outside the home is extra-familial harm
    ("Teenagers are safer outside the home", {"child_exploitation"}),
    # economic well-being is money, not a wellbeing scale
    ("Families achieve economic well-being", {"household_income"}),
    # perinatal mental health is what the EPDS screens for
    ("Better maternal mental health in the first year after birth", {"epds"}),
    ("Fewer women experience postnatal depression", {"epds"}),
    # distress of children, or of no one named: a children's measure before an adult scale
    ("Less emotional distress among primary school pupils", {"sdq", "rcads"}),
    ("Reduced mild to moderate distress", {"yp_core", "sdq", "rcads"}),
    # stability with care named is placement stability, with a home named housing stability
    ("Children in foster care experience stability", {"placement_stability"}),
    ("Households in temporary accommodation find stability", {"housing_stability"}),
    # a time named: assessment timeliness, not the number of assessments
    ("Single assessments completed within timescales", {"assessment_timeliness"}),
    # the Healthy Child Programme's "healthy two year olds": the review at two
    ("More healthy 2 year olds in the borough", {"asq3"}),
    # care leavers in suitable accommodation: the care leavers' measure before housing in general
    ("More care leavers live in suitable accommodation", {"care_leavers_eet"}),
    # back into education is attendance; a who-clause before "recover" or "cope" says who
    ("Excluded pupils get back into education quickly", {"school_attendance"}),
    # "everyone who works with children" is the workforce; engagement in youth work is take-up;
    # a secure home to live in is housing
    ("Everyone working with children knows how to respond to concerns about neglect",
     {"practitioner_survey"}),
    ("More young people take part in youth work each week", {"service_engagement"}),
    ("Families have a secure home to live in", {"housing_stability"}),
    # everyday wording (batch 16's kinds): how often pupils attend, a plan a second time, the
    # labour market, miles from home, teeth checked
    ("Pupils with poor attendance attend more regularly", {"school_attendance"}),
    ("Fewer children on a child protection plan for the second time", {"cp_plans_repeat"}),
    ("Lone parents move closer to the labour market", {"employment"}),
    ("Fewer children in care placed more than 20 miles from home", {"placement_type_distance"}),
    ("Looked after children have regular dental checks", {"cla_health_checks"}),
    # money managed and pride in an area (batch 17's kinds)
    ("Parents manage money better after the course", {"household_income"}),
    ("Residents are proud of where they live", {"community_survey"}),
    # a foster or kinship carer's stress is of the caring role; a safe home for a family is
    # housing, for a child in care a stable placement (batch 18's kinds)
    ("Special guardians feel less stressed", {"pss"}),
    ("Women leaving refuges have a safe home", {"housing_stability"}),
    ("Looked after children have a safe and stable home", {"placement_stability"}),
    # a who-clause that names the harm, and a main clause that only says the people are safe,
    # protected or found: the harm is what changes; people who offend stop reoffending
    ("Children who have been sexually exploited are safer", {"child_exploitation"}),
    ("Young people who run away from their placement are found quickly", {"missing_from_care"}),
    ("Young people who have offended before do not offend again", {"reoffending"}),
    # placements out of borough or county; rates of children looked after; phonics and progress
    ("Fewer children in care are placed out of borough", {"placement_type_distance"}),
    ("The rate of looked after children falls", {"entry_to_care"}),
    ("More pupils pass the phonics screening check", {"attainment"}),
    # attendance of pupils with SEND, part-time timetables; care-experienced young people at
    # university; a household budget is money
    ("Young people with an EHCP have good attendance", {"school_attendance"}),
    ("Fewer pupils on reduced timetables", {"school_attendance"}),
    ("Care experienced young people go to university", {"care_leavers_eet"}),
    ("Parents learn to manage a household budget", {"household_income"}),
    # a speech or language delay is development
    ("Fewer two year olds with a speech delay", {"asq3"}),
    # the terms of Scotland, Wales and Northern Ireland
    ("Fewer children are on the child protection register in Fife", {"cp_plans"}),
    ("Fewer children are re-registered within two years", {"cp_plans_repeat"}),
    ("Better literacy in the early years of primary school", {"attainment"}),
    ("Fewer households with children in relative poverty", {"household_income"}),
    ("Family Support Hubs reduce escalation to social care", {"early_help_stepups"}),
    ("Fewer children referred to the Reporter on offence grounds", {"first_time_entrants"}),
    ("Young people who have been exploited recover and feel better", {"sdq", "rcads", "stirling",
                                                                      "wemwbs", "swemwbs", "ons4",
                                                                      "yp_core", "ors_cors"}),
]


@pytest.mark.parametrize("text, fits", TOP_FITS, ids=lambda v: v if isinstance(v, str) else None)
def test_framework_wording_gets_a_measure_that_fits(text, fits):
    got = keys(text)
    assert got and got[0] in fits, (text, got)


# (statement, measures never suggested for it)
NEVER = [
    # stability alone: whose placement, whose housing?
    ("Children live with stability", {"placement_stability", "housing_stability", "adoption"}),
    ("Young people have more stability in their lives", {"adoption", "housing_stability"}),
    # primary school children are 4 to 11: no scale for adults
    ("Primary school children feel less distressed", {"k10", "phq9", "gad7"}),
    # economic and environmental well-being is not emotional wellbeing
    ("Children experience economic and environmental well-being", {"stirling", "ons4", "wemwbs"}),
    # feeling safe at home is a feeling, not staying out of care
    ("Women feel safer in their own homes", {"entry_to_care", "reunification"}),
    # mainstream school alone is a setting, not exclusion
    ("Pupils with autism thrive in mainstream school", {"exclusions"}),
    # returning home after going missing is not reunification from care
    ("Teenagers who run away are found and return home", {"reunification"}),
    # a life compared with peers is not about peers
    ("Children in need do as well as their peers", {"ons_loneliness", "mspss", "sdq"}),
    # "as a result of" gives a cause, not exam results
    ("Fewer pupils miss school as a result of anxiety", {"attainment"}),
    # knife crime and serious violence: no measure in the library counts them
    ("Less knife crime in the town centre", {"child_exploitation"}),
    # a hearing's supervision order is neither care proceedings nor a parent's supervision; a
    # referral to the Reporter is not a referral to children's social care
    ("Fewer compulsory supervision orders are made", {"care_proceedings", "gcp2"}),
    ("Fewer referrals to the Children's Reporter", {"referrals"}),
    # homes for children in care are placements, not housing; the care leavers' measure needs care
    # leavers named
    ("Children in care have secure homes", {"housing_stability", "care_leavers_eet"}),
    # "attend" with an object other than school is not school attendance; a wait for a service
    # is not its crisis contacts
    ("Pupils attend the lunchtime club every week", {"school_attendance"}),
    ("Shorter waits for CAMHS for teenagers", {"mh_crisis_contacts"}),
    # birth parents and adopters as who the outcome is about are not family time nor adoptions;
    # a parent's confidence in parenting is not parenting stress
    ("Birth parents feel listened to in care proceedings", {"family_time"}),
    ("Adoptive parents feel more confident parenting their children", {"adoption", "psi4", "aapi2"}),
    # crime against people is harm suffered, not offending
    ("Fewer hate crimes against disabled young people", {"first_time_entrants", "reoffending"}),
    # secure accommodation is custody, not housing; youth justice is 10-17, so no early years
    # tool; appeals and waits are not plans on time nor development; CAMHS is not social care
    ("Fewer children remanded to secure accommodation", {"housing_stability"}),
    ("Children in the youth justice system have their communication needs assessed",
     {"asq3", "eyfsp_gld"}),
    ("Fewer appeals to the SEND tribunal", {"ehcp_timeliness"}),
    ("Shorter waits for speech and language therapy", {"asq3", "eyfsp_gld"}),
    ("Fewer referrals to CAMHS", {"referrals"}),
    # plans that reflect a young person's wishes are practice recorded, not a count
    ("Pathway plans reflect young people's views", {"care_leavers_eet"}),
    # children who are home educated are not in a children's home
    ("Children who are home educated are visited regularly", {"placement_type_distance"}),
    # a pre-birth assessment is social care's, not a mother's mood in pregnancy
    ("Pre-birth assessments start earlier in pregnancy", {"epds"}),
    # talking about, discussing or the stigma of a harm is not its incidents; people with a named
    # condition, after what changes, say who it is for (round 11's kinds, tuned on)
    ("Young people talk about domestic abuse more openly", {"domestic_abuse_incidents"}),
    ("Less stigma about self-harm among pupils", {"ae_attendances", "mh_crisis_contacts"}),
    ("Better bonding between fathers with mental health problems and their babies",
     {"phq9", "gad7", "k10"}),
    # a who-clause's harm is read back only when the main clause says no more than safe or found
    ("Women who have had children removed are safer", {"entry_to_care"}),
]


def test_a_slogan_of_states_is_no_close_match():
    # "safe, healthy and happy" is a vision's slogan, not one change a measure could show
    for text in ("Children are safe, happy and healthy", "Young people are healthy, safe and happy",
                 "Every child is loved, safe, respected and included"):
        m = match(text)
        assert m.abstained, (text, [s.measure.key for s in m.suggestions])


@pytest.mark.parametrize("text, wrong", NEVER, ids=lambda v: v if isinstance(v, str) else None)
def test_framework_wording_is_not_read_in_another_sense(text, wrong):
    got = keys(text)
    assert not set(got) & wrong, (text, got)


def test_girfec_broad_aims_are_no_close_match():
    # "Included" and "Nurtured" in GIRFEC's words: broad aims, not attainment nor housing
    for text in ("Young people get help to overcome social, educational, physical and economic "
                 "inequalities", "Every child has a nurturing place to live"):
        m = match(text)
        assert m.abstained, (text, [s.measure.key for s in m.suggestions])


def test_stability_alone_is_no_close_match():
    m = match("Children and young people live with stability")
    assert m.abstained and "My measures" in m.advice, [s.measure.key for s in m.suggestions]
