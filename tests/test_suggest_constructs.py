"""A measure is suggested only when it measures what an outcome says changes (issue 18).

Round 11's confident wrong answers came from a topic word, a who-part or a setting deciding the
measure when the change itself is one the library has no measure for: stigma, attachment,
siblings kept together, identifying and responding to a risk, achieving potential, telling a
trusted adult. Each table below enumerates the wording of one such construct across agencies and
domains (written for this test, not taken from any scored set) and says what the answer must be,
through the public ``suggest``, ``match`` and the CLI. Controls show the same topic words still
get their measure when the change is one the library measures.
"""

from __future__ import annotations

import json

import pytest

from lm_excel.measures import match, suggest
from lm_excel.measures.suggest import no_measure_constructs

from .conftest import run_cli


def keys(text: str) -> list[str]:
    return [s.measure.key for s in suggest(text)]


# (statement, the construct with no library measure that is its main change)
NO_MEASURE = [
    # stigma, shame, embarrassment, being judged, secrecy, taboo: of a harm, a need or a service
    ("Less stigma around domestic abuse in the community", "stigma or shame"),
    ("Parents who use drugs feel less stigmatised by professionals", "stigma or shame"),
    ("Young carers feel less ashamed of their family situation", "stigma or shame"),
    ("Families feel no embarrassment about using the food bank", "stigma or shame"),
    ("Care-experienced young people are not judged by employers", "stigma or shame"),
    ("Fewer judgemental attitudes towards mental health in secondary schools", "stigma or shame"),
    ("Self-harm is no longer a taboo subject among pupils", "stigma or shame"),
    ("Less secrecy about substance misuse in families", "stigma or shame"),
    # attachment and bonding between a parent and an infant
    ("Better attachment between fathers and their infants", "attachment or bonding"),
    ("Mothers in the perinatal mental health service bond with their babies", "attachment or bonding"),
    ("Stronger bonding between teenage parents and their newborns", "attachment or bonding"),
    ("Parents are more attuned to their baby's cues", "attachment or bonding"),
    ("Improved parent-infant relationships in families with postnatal depression",
     "attachment or bonding"),
    ("More babies are securely attached to their caregiver", "attachment or bonding"),
    # trust or confidence in the police
    ("Young people trust the police more", "trust in the police"),
    ("Greater public confidence in the police response to youth violence", "trust in the police"),
    ("Victims of domestic abuse have more faith in the police", "trust in the police"),
    # siblings kept together when children come into care
    ("More sibling groups are placed together in foster care", "siblings kept together"),
    ("Fewer brothers and sisters are split up when they enter care", "siblings kept together"),
    ("Siblings in care are not separated", "siblings kept together"),
    ("Children in kinship care stay living with their brothers and sisters",
     "siblings kept together"),
    # waits for a service
    ("Shorter waits for CAMHS", "a wait for a service"),
    ("Children wait less for an autism assessment", "a wait for a service"),
    ("Reduced waiting lists for speech and language therapy", "a wait for a service"),
    ("Quicker access to perinatal mental health support", "a wait for a service"),
    ("Young people referred to the youth counselling service are seen within four weeks",
     "a wait for a service"),
    # achieving potential, ambitions, aspirations
    ("Children living in poverty reach their full potential", "achieving potential"),
    ("Care leavers fulfil their ambitions", "achieving potential"),
    ("Young people in the youth justice system realise their potential", "achieving potential"),
    # telling a trusted adult (disclosure)
    ("Children feel able to talk to a trusted adult about abuse at home", "telling a trusted adult"),
    ("Pupils tell a teacher when they are worried about online harm", "telling a trusted adult"),
    ("Young people disclose exploitation to a member of staff", "telling a trusted adult"),
    # identifying and responding to a risk (practice of services)
    ("Better identification of and response to child sexual exploitation by hotels and taxis",
     "identifying and responding to a risk"),
    ("Self-harm is recognised and managed well in A&E", "identifying and responding to a risk"),
    ("Schools detect and respond to signs of domestic abuse", "identifying and responding to a risk"),
]


@pytest.mark.parametrize("text, construct", NO_MEASURE, ids=[t for t, _ in NO_MEASURE])
def test_a_change_the_library_has_no_measure_for_is_no_close_match(text, construct):
    assert construct in {name for _, _, name in no_measure_constructs(text)}, text
    m = match(text)
    assert m.abstained, (text, [(s.measure.key, s.why) for s in m.suggestions])


# (statement, measures any of which must come first): the same topic words where the change is
# one the library measures
STILL_MEASURED = [
    # a wait the library measures: EHC plans, social care assessments, adoption
    ("Families wait less time for an EHC plan", {"ehcp_timeliness"}),
    ("Children wait less time to be adopted", {"adoption"}),
    # siblings' time together is family time, not siblings placed together
    ("Siblings in care spend more time together", {"family_time"}),
    # a construct in a clause of cause is not the main change
    ("Fewer children enter care because parents feel less judged", {"entry_to_care"}),
    # one part of a compound outcome with no measure leaves the other part's measure
    ("Fewer mothers have postnatal depression; mothers bond with their babies", {"epds"}),
    # identifying a harm is measured by what screens for it
    ("Mothers with postnatal depression are identified earlier", {"epds"}),
    ("Young people at risk of exploitation are identified earlier", {"child_exploitation"}),
]


@pytest.mark.parametrize("text, fits", STILL_MEASURED, ids=[t for t, _ in STILL_MEASURED])
def test_the_same_topic_words_keep_their_measure_when_the_change_is_measured(text, fits):
    got = keys(text)
    assert got and got[0] in fits, (text, got)


# (statement, measures that read a word in the wrong sense and must not be suggested)
WRONG_SENSE = [
    # a condition before the change ("where living with their family is not possible")
    ("Where a return home is not possible, children in care settle in their placement",
     {"reunification", "entry_to_care"}),
    # the youth justice service named as a setting or team is not offending
    ("Young people take an active part in their youth offending team plans",
     {"first_time_entrants", "reoffending"}),
    ("Families feel listened to by the youth justice service",
     {"first_time_entrants", "reoffending"}),
    # identifying a harm is practice, not the acute service use it leads to
    ("Earlier recognition of self-harm by GPs", {"ae_attendances", "mh_crisis_contacts"}),
    # a child protection process named as where the voice is heard is not plans
    ("Children's voices carry more weight in child protection processes",
     {"cp_plans", "cp_plan_duration", "cp_plans_repeat"}),
    # victims returning home are not children returning home from care
    ("Survivors of domestic abuse return home safely with their children", {"reunification"}),
    # friends who take children in are kinship carers, not social support
    ("Children stay with extended family or friends when they cannot live at home", {"mspss"}),
    # enough placements (sufficiency) is not how stable they are
    ("Enough foster placements for teenagers in the borough", {"placement_stability"}),
    # staying with (or leaving) the birth family is entry to care, not family time
    ("Fewer children have to leave their birth family", {"family_time"}),
    ("More babies grow up with their birth family", {"family_time"}),
]


@pytest.mark.parametrize("text, wrong", WRONG_SENSE, ids=[t for t, _ in WRONG_SENSE])
def test_a_word_is_not_read_in_another_sense(text, wrong):
    got = keys(text)
    assert not wrong & set(got), (text, got)


def test_children_in_care_listened_to_or_cared_for_get_bright_spots_first():
    for text in ("Children in care feel listened to when plans are made",
                 "Children in foster care feel cared for",
                 "Looked after children have a say in decisions about their lives"):
        got = keys(text)
        assert got and got[0] == "bright_spots", (text, got)


def test_staying_with_the_birth_family_is_entry_to_care():
    for text in ("More children stay with their birth families",
                 "Children remain with their birth family where it is safe"):
        got = keys(text)
        assert got and got[0] in {"entry_to_care", "kinship_care"}, (text, got)


def test_cli_says_no_close_match_for_a_change_with_no_measure():
    proc = run_cli("suggest", "Less stigma about asking for help with parenting", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["suggestions"] == [] and data["no_match"].startswith("No close match")
    assert "no measure of stigma or shame" in data["no_match"], data
    text = run_cli("suggest", "Mothers bond with their newborn babies").stdout
    assert "no measure of attachment or bonding" in text and "My measures" in text, text
