"""Recall probes of session 11 (issue 18): statements in the team's own words, of the kinds that
stayed "no close match" where a library measure fits, or ranked a worse measure first, and the
near misses that must stay as they are. Built through the public suggest() interface."""

from __future__ import annotations

import pytest

from lm_excel.measures import suggest


def keys(text: str) -> list[str]:
    return [s.measure.key for s in suggest(text)]


@pytest.mark.parametrize("text, wanted", [
    # access to or use of a named service is its take-up
    ("Mothers can access the specialist perinatal mental health service", "service_engagement"),
    ("More children in care make use of the independent advocacy service", "service_engagement"),
    ("Young people accessing the school counselling service rises", "service_engagement"),
    # knife crime as a count of offences in an area
    ("Knife crime offences across the borough fall", "knife_crime"),
    # partners as one of a couple
    ("Mothers report a better relationship with their partner", "csi4"),
    # reading and stories with young children at home
    ("More parents read with their baby every day", "home_learning_environment"),
    # going on to offend, staying out of the justice system
    ("Fewer children at risk go on to offend", "first_time_entrants"),
    ("Help children stay out of the youth justice system", "first_time_entrants"),
    # children's mental health and wellbeing
    ("Children in kinship care have better mental health and wellbeing", "sdq"),
    # readiness for work and participation after 16 are NEET's
    ("Young people leave school ready for work", "neet"),
    ("Young people can access education, training and employment locally", "neet"),
    ("Young people take up education, training and employment opportunities", "neet"),
    # progress in reading, motor development, delays in getting help
    ("Pupils make faster progress in reading", "attainment"),
    ("Toddlers' motor development improves", "asq3"),
    ("Fewer delays for children accessing speech and language therapy", "waiting_times"),
    # young people with care experience in work or learning; parents able to work, train or study
    ("More young people with care experience are in education or employment at 19", "care_leavers_eet"),
    ("Mothers are able to work, train or study", "employment"),
    # people supported by a service, named first, say who; what they then do is the change
    ("Children supported by the family support team avoid coming into care", "entry_to_care"),
    # demand on children's social care is its referrals; parenting efficacy is TOPSE's
    ("Less demand on children's social care from schools", "referrals"),
    ("Parents of toddlers report greater parenting efficacy", "topse"),
    # supporting children to be ready for school names the change in them
    ("Support more children to be ready for school", "eyfsp_gld"),
    # trust in the staff or services people receive is what they say of their experience
    ("Families trust the staff they meet at every stage", "family_experience"),
    pytest.param("Parents trust the staff at the family hub", "family_experience",
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "open: the service named where ('at the family hub') is one phrase of the "
                     "engagement measure's and outscores the trust it is about"))),
    # "cared for children" is some councils' name for children in care
    ("Cared for children have their annual health assessment on time", "cla_health_checks"),
    # time spent in school or education is attendance, not attainment
    ("Pupils spend more time in school", "school_attendance"),
    pytest.param("Pupils at risk of exclusion spend more time in school", "school_attendance",
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "open: a risk named with the people is what the work prevents (the rules' "
                     "convention), so exclusions come first; attendance is second"))),
    ("More time in education for children missing from school", "school_attendance"),
    ("Children in care spend more time at school", "school_attendance"),
    ("Young people are back in full-time education", "school_attendance"),
    # moving down the tiers of need; family units kept together
    ("More families move down the tiers of need after early help", "early_help_stepups"),
    ("Family units stay together wherever it is safe", "entry_to_care"),
    # staying local is placement distance for children in care
    ("Children in care are placed closer to home and stay local", "placement_type_distance"),
    # people with a condition say who; getting treatment from a service is its use
    ("More young people with a mental health difficulty get treatment from a community mental "
     "health service", "mh_crisis_contacts"),
    # a pledge to a child in care to keep in touch with their family is family time
    ("We'll help you keep in touch with your birth family", "family_time"),
    # influencing decisions in general is collective participation
    ("Young people have a say and can influence decisions that affect them", "hear_by_right"),
    # young people heard as a group is participation (session 13, round 28's kinds)
    ("Young people are heard and help design and improve the youth service", "hear_by_right"),
])
def test_the_measure_that_fits_comes_first(text, wanted):
    got = keys(text)
    assert got and got[0] == wanted, (text, got)


@pytest.mark.parametrize("text, never", [
    # no kind of service named, or not a service at all
    ("Families can access services and support", "service_engagement"),
    ("Young people access a wide range of opportunities", "service_engagement"),
    ("Improved access to health support for care leavers", "service_engagement"),
    # carrying a knife, and knife crime among named young people, are not the area's count
    ("Fewer young people carry knives", "knife_crime"),
    ("Less knife crime among the young people we work with", "knife_crime"),
    # partners who are agencies
    ("Relationships between partners in the safeguarding partnership improve", "csi4"),
    # a child's own reading at school is not the home learning environment
    ("Pupils enjoy reading at secondary school", "home_learning_environment"),
    # influencing decisions about one's own plan or placement is one's own say
    ("Children in care influence decisions about their own care plan", "hear_by_right"),
    ("Children can influence decisions about their placement", "hear_by_right"),
    ("Young people feel listened to by the youth service", "hear_by_right"),
    ("Children are listened to at their reviews", "hear_by_right"),
    # supporting people to make decisions is still an intention, with no change named
    ("We will support young people to make informed decisions about their health", "stirling"),
    ("Care leavers trust their support networks", "family_experience"),
    ("The quality of care for children in need improves", "bright_spots"),
    # time spent elsewhere, or with someone, is not time in school
    ("Parents spend more time with their children at home", "school_attendance"),
    ("Children spend more time reading at home", "school_attendance"),
    # opportunities are provision, not being in education, employment or training
    ("Young people can access a range of work experience and volunteering opportunities", "neet"),
    ("More young people access further education opportunities", "neet"),
])
def test_near_misses_do_not_get_that_measure(text, never):
    assert never not in keys(text), (text, keys(text))


def test_wellbeing_in_general_ranks_the_mental_wellbeing_scales_first():
    for text, first in (("Foster carers' wellbeing improves", {"wemwbs", "swemwbs"}),
                        ("Pupils' wellbeing improves", {"stirling"}),
                        ("Mothers in the group have better wellbeing", {"wemwbs", "swemwbs"})):
        got = keys(text)
        assert got and got[0] in first, (text, got)
    # life satisfaction is what ONS4 asks
    assert keys("Young people are more satisfied with their lives")[0] == "ons4"
