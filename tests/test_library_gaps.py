"""The measures added for the gaps the held-out labels kept showing (self-esteem, the
parent-child relationship, parenting self-efficacy): reachable where they fit, never where
they do not.

tests/data/outcomes_library_gaps.csv holds batches written and labelled before the measures were
added: X was tuned on and Y held out until its first run (0.83, 10 of 12, no confident wrong
answer); likewise X2 and Y2 for collective participation and life skills (Y2's first run 0.75,
6 of 8, no confident wrong answer), and X3 and Y3 for youth custody and children's weight (Y3's
first run 0.83, 5 of 6, one confident wrong answer), and X4 and Y4 for smoking in pregnancy
(Y4's first run 1.00, 3 of 3), and X5 and Y5 for session 8's breastfeeding, oral health,
teenage conceptions, anti-social behaviour, physical activity, young people's substance use and
trauma symptoms (Y5's first run 0.92, 12 of 13, no confident wrong answer), and X6 and Y6 for
session 9's school experience (feeling safe, belonging, bullying), school belonging, hospital
admissions for violence, young carers identified and their caring, and help-seeking (Y6's first
run 0.83, 10 of 12, no confident wrong answer), and X7 and Y7 for session 10's knife offences,
feeling safe in the local area, civic engagement, couple relationship quality and the home
learning environment (Y7's first run 0.92, 12 of 13, no confident wrong answer), and X8 and Y8 for
session 12's decisions of the National Referral Mechanism and convictions and cautions of children
looked after (Y8's first run 0.83, 5 of 6, no confident wrong answer). Figures in
docs/measures.md."""

import csv
from pathlib import Path

import pytest

from lm_excel.measures import load_library, suggest

GAPS = Path(__file__).parent / "data" / "outcomes_library_gaps.csv"


def _rows(batch):
    with GAPS.open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r["batch"] == batch]


# (batch, top-1 floor, confident wrong answers allowed). Y3's one is not the new measures': young
# people in custody keeping in touch with their families get family time (contact for children in
# care), with custody as the setting. Nor are X5's two: breastfeeding peer supporters made
# available get service take-up, and staff trained in trauma-informed practice the practitioner
# survey. Y5 (session 8) was held out: first run 0.92 (12 of 13), no confident wrong answer; 1.00
# after 'physically active' became a concept of its own. X6's one is not the new measures' either:
# assessments of young carers' needs completed on time get assessment timeliness (a social work
# assessment's). Y6 (session 9) was held out: first run 0.83 (10 of 12), no confident wrong answer.
@pytest.mark.parametrize("batch, floor, allowed", [
    ("X", 0.8, 0), ("Y", 0.8, 0), ("X2", 0.85, 0), ("Y2", 0.6, 0), ("X3", 0.85, 0), ("Y3", 0.8, 1),
    ("X4", 1.0, 0), ("Y4", 1.0, 0), ("X5", 0.85, 2), ("Y5", 1.0, 0),
    ("X6", 0.85, 1), ("Y6", 0.8, 0), ("X7", 0.75, 0), ("Y7", 0.9, 0), ("X8", 0.8, 0),
    ("Y8", 0.8, 0)])
def test_library_gap_batches_top1_with_no_confident_wrong_answer(batch, floor, allowed):
    keys = set(load_library().keys()) | {"-"}
    rows = _rows(batch)
    top1 = wrong = 0
    for r in rows:
        acceptable = set(r["acceptable"].split(";"))
        assert acceptable <= keys, r
        got = [s.measure.key for s in suggest(r["outcome"])]
        top1 += (got[0] in acceptable) if got else ("-" in acceptable)
        wrong += bool(got) and acceptable == {"-"}
    assert top1 / len(rows) >= floor and wrong <= allowed, (top1, len(rows), wrong)


@pytest.mark.parametrize("text, key", [
    ("Young people have increased self-esteem", "rses"),
    ("Mothers develop a sense of self-worth", "rses"),
    ("Parents feel more confident in their parenting", "topse"),
    ("Parents have improved confidence and skills in positive parenting", "topse"),
    ("Parents have a better relationship with their child", "cprs"),
    ("Improve parent-child relationships", "cprs"),
    ("Young people's voices shape local services", "hear_by_right"),
    ("Young people are involved in recruiting staff", "hear_by_right"),
    ("Young people engaged and influencing decision-making and service delivery",
     "hear_by_right"),  # round 18, tuned on cycle B
    ("Care leavers are better prepared and supported to live independently", "casey_life_skills"),
    ("Young people have the practical skills to live independently", "casey_life_skills"),
    ("Develop life skills", "casey_life_skills"),
    ("More babies are breastfed at six to eight weeks", "breastfeeding"),
    ("Fewer five year olds have tooth decay", "oral_health"),
    ("The under-18 conception rate falls", "teenage_conceptions"),
    ("Fewer reports of anti-social behaviour on the estate", "asb_incidents"),
    ("Residents report fewer incidents of anti-social behaviour near the park", "asb_incidents"),
    ("Girls are more physically active", "active_lives"),
    ("Fewer young people vape or smoke", "youth_substance_use"),
    ("Children show fewer symptoms of post-traumatic stress", "cries8"),
    ("Fewer pupils say they have been bullied", "school_experience"),
    ("Pupils feel safe at school", "school_experience"),
    ("Pupils have a greater sense of belonging to their school", "pssm"),
    ("Fewer hospital admissions for violence in the city", "violence_admissions"),
    ("More young carers are identified in schools", "young_carers_census"),
    ("Young carers do less caring at home", "maca_yc18"),
    ("More young people seek help for their mental health", "ghsq"),
    ("Foster carers feel their views are listened to by the team around the child", "carer_survey"),
    # No close match in tests/test_suggest.py before the library had a measure of caring (caring
    # is still not being in care).
    ("Reduce inappropriate caring roles for young carers", "maca_yc18"),
    ("Improved help-seeking behaviour among young people", "ghsq"),
    # No close match in tests/test_suggest.py before the library had a life skills measure.
    ("Young people develop life skills", "casey_life_skills"),
    ("Reduce the use of custody", "youth_custody"),
    ("Fewer young people are remanded or sentenced to custody", "youth_custody"),
    ("Children are a healthy weight when they start school", "healthy_weight"),
    ("Fewer children in Year 6 are obese", "healthy_weight"),
    ("Fewer women smoke during pregnancy", "smoking_in_pregnancy"),
    # No close match before the library had smoking at delivery (tests/test_suggest_who.py); the
    # alcohol-free part still has no measure.
    ("Mothers-to-be have a smoke-free and alcohol-free pregnancy", "smoking_in_pregnancy"),
    # session 10; the first two were no close match in tests/test_suggest.py before the library
    # had a measure of feeling safe in the local area
    ("Residents feel safe from antisocial behaviour in their street", "feel_safe_area"),
    ("Young people feel safe in their neighbourhood", "feel_safe_area"),
    ("Fewer offences involving knives or sharp instruments", "knife_crime"),
    ("Young people become active citizens in their own communities", "civic_engagement"),
    ("Improved couple relationship quality", "csi4"),
    ("Parents are able to create and maintain a good home learning environment",
     "home_learning_environment"),
])
def test_each_new_measure_is_the_top_suggestion_where_it_is_the_change(text, key):
    got = suggest(text)
    assert got and got[0].measure.key == key, [s.measure.key for s in got]


@pytest.mark.parametrize("text, key", [
    ("Improved parenting capacity", "topse"),  # an assessment of parenting, not confidence
    ("Parents grow in confidence", "topse"),  # confidence in what?
    ("Parents have increased personal confidence", "topse"),
    ("Parents are more confident in feeding their infants", "topse"),
    ("Parents are more able to avoid significant mental health issues", "topse"),
    ("There are enough people to look after children in care in suitable homes", "topse"),
    ("Foster carers feel more confident in caring for teenagers", "topse"),  # carer efficacy
    ("Relationships between separated parents improve after mediation", "cprs"),
    ("Young people have better relationships with their parents", "cprs"),  # a teenager's view
    ("Staff self-esteem and morale improve", "rses"),
    ("Young people feel their views are listened to at their review", "hear_by_right"),
    ("Parents have a say in their child protection plan", "hear_by_right"),
    ("Young people express their voice and demonstrate social commitment", "hear_by_right"),
    ("Care leavers better skilled and empowered to take more control", "casey_life_skills"),
    ("I achieve independence through affordable housing", "casey_life_skills"),
    ("Care leavers are supported to manage a tenancy", "casey_life_skills"),
    ("Reduced spend on high-cost residential placements", "casey_life_skills"),
    ("Children are detained in police custody overnight less often", "youth_custody"),
    ("Fewer disputes over the custody of children reach court", "youth_custody"),
    ("Fewer children are placed in secure accommodation", "youth_custody"),  # welfare, not custody
    ("Children and young people are living healthy lifestyles", "healthy_weight"),
    ("Fewer young people start smoking or vaping", "smoking_in_pregnancy"),
    ("Fewer adults smoke in the borough", "smoking_in_pregnancy"),
    ("Breastfeeding peer supporters are available in every family hub", "breastfeeding"),
    ("Children with a learning disability have annual health checks", "oral_health"),
    ("Reduction in police recorded violence without injury offences", "asb_incidents"),
    ("Young people feel less inclined to get involved in anti-social behaviour", "asb_incidents"),
    ("Children and young people are safe from crime and antisocial behaviour", "asb_incidents"),
    ("Children are less exposed to alcohol misuse in the home", "youth_substance_use"),
    ("Children have opportunities to take part in play, recreation and sport", "active_lives"),
    ("Reduce the impact of substance misuse on parenting capacity", "cries8"),
    # published models (Bright Spots; Navigator, adults in emergency departments)
    ("More children and care leavers take part in the survey each year", "active_lives"),
    ("Reduced alcohol and drug use", "youth_substance_use"),
    ("More breastfeeding-friendly venues", "breastfeeding"),  # provision
    ("Adults recover from trauma", "cries8"),  # a scale for ages 8 to 18
    # session 9: a school's policy, a journey or the community are not the pupil survey's
    ("Every school has an anti-bullying policy", "school_experience"),
    ("Children feel safe walking to school", "school_experience"),
    ("Young people feel safe in their neighbourhood", "school_experience"),
    ("Families feel they belong in their community", "pssm"),
    ("Every child has a strong relationship with a trusted adult in school", "pssm"),
    ("Reduce violence in schools", "violence_admissions"),  # no hospital named
    ("Fewer young people attend A&E with assault-related injuries", "violence_admissions"),
    ("Fewer accidents in the home among under-fives", "violence_admissions"),
    ("Children's special educational needs are identified earlier", "young_carers_census"),
    ("Young carers feel recognised and valued", "young_carers_census"),
    ("Young carers have a break from their caring role", "maca_yc18"),
    ("Parents seek help earlier", "ghsq"),
    # session 10: serious violence without a knife, a school or a home, agencies as partners,
    # separated parents, school-age learning, opportunities are not the new measures'
    ("Reduction in police recorded violence without injury offences", "knife_crime"),
    ("Preventing young people becoming involved in serious youth violence", "knife_crime"),
    ("Every school delivers knife crime awareness lessons", "knife_crime"),
    ("Pupils feel safe at school", "feel_safe_area"),
    ("Survivors feel safe in their homes", "feel_safe_area"),
    ("Children and young people with SEND will feel and be safe in all areas of their lives",
     "feel_safe_area"),
    ("Stronger relationships between partners in health, police and schools", "csi4"),
    ("Relationships between separated parents improve after mediation", "csi4"),
    ("Parents have a better relationship with their child", "csi4"),
    ("Parents help their children with their homework", "home_learning_environment"),
    ("Pupils' reading attainment improves", "home_learning_environment"),
    ("Young people have more opportunities to take part in the democratic process",
     "civic_engagement"),
])
def test_a_new_measure_is_not_suggested_where_it_does_not_fit(text, key):
    assert key not in [s.measure.key for s in suggest(text)]


def test_new_measures_cite_their_own_page_and_flag_what_was_not_verified():
    lib = load_library()
    for key, host in (("rses", "socy.umd.edu"), ("cprs", "edinstruments.org"),
                      ("topse", "topse.org.uk"), ("hear_by_right", "nya.org.uk"),
                      ("casey_life_skills", "performwell.org"), ("youth_custody", "gov.uk"),
                      ("healthy_weight", "gov.uk"), ("breastfeeding", "gov.uk"),
                      ("oral_health", "gov.uk"), ("teenage_conceptions", "gov.uk"),
                      ("asb_incidents", "police.uk"), ("active_lives", "sportengland.org"),
                      ("youth_substance_use", "digital.nhs.uk"),
                      ("cries8", "childrenandwar.org"),
                      ("violence_admissions", "gov.uk"), ("school_experience", "gov.uk"),
                      ("pssm", "edinstruments.org"),
                      ("young_carers_census", "explore-education-statistics.service.gov.uk"),
                      ("maca_yc18", "learnworkcare.org.uk"), ("ghsq", "researchgate.net"),
                      ("knife_crime", "gov.uk"), ("feel_safe_area", "ons.gov.uk"),
                      ("civic_engagement", "gov.uk"), ("csi4", "doi.org"),
                      ("home_learning_environment", "doi.org")):
        m = lib.get(key)
        assert host in m.source_url and m.licence_note and m.respondent
        assert "verified" in m.maintainer_notes
        assert "verified" not in (m.notes + m.licence_note + m.what_it_measures).lower()


def test_new_administrative_measures_name_each_nations_own_figures_or_say_there_are_none():
    lib = load_library()
    scot = lib.for_nation("Scotland")
    assert "Primary 1" in scot.get("healthy_weight").name
    assert "Public Health Scotland" in scot.get("healthy_weight").data_source
    assert scot.get("youth_custody").data_source.startswith("No national equivalent in Scotland")
    assert "Wales" in lib.for_nation("Wales").get("healthy_weight").data_source
    assert lib.for_nation("Northern Ireland").get("healthy_weight").data_source.startswith(
        "No national equivalent")
    assert lib.for_nation("Wales").get("smoking_in_pregnancy").data_source.startswith(
        "No national equivalent in Wales")
    # session 8
    assert "Infant Feeding Statistics Scotland" in scot.get("breastfeeding").name
    assert "Primary 1" in scot.get("oral_health").name
    assert "Office for National Statistics" in lib.for_nation("Wales").get(
        "teenage_conceptions").data_source
    assert scot.get("asb_incidents").data_source.startswith("No national equivalent in Scotland")
    assert "Police Service of Northern Ireland" in lib.for_nation("Northern Ireland").get(
        "asb_incidents").data_source
    # session 9
    assert "Carers Census" in scot.get("young_carers_census").data_source
    assert lib.for_nation("Wales").get("young_carers_census").data_source.startswith(
        "No national equivalent in Wales")
    assert "Public Health Scotland" in scot.get("violence_admissions").data_source


def test_session_10_measures_say_what_each_nation_has():
    lib = load_library()
    scot, wales, ni = (lib.for_nation(n) for n in ("Scotland", "Wales", "Northern Ireland"))
    # The Home Office knife tables cover England and Wales; elsewhere the police are asked.
    assert "Home Office" in wales.get("knife_crime").data_source
    for nation, name in ((scot, "Scotland"), (ni, "Northern Ireland")):
        assert nation.get("knife_crime").data_source.startswith(f"No national equivalent in {name}")
        # England's survey figures are not another nation's: the questions are asked locally.
        assert "Community Life Survey" not in nation.get("civic_engagement").data_source
    assert "Community Life Survey" not in wales.get("civic_engagement").data_source
    assert "England and Wales" in wales.get("feel_safe_area").data_source
