"""Mechanisms the held-out first runs still miss (issue 14, session 9), as tables of our own in new
wording from every agency and nation, written before the rules changed:

- RESTATED: a mechanism that says the outcome it leads to in other words, sharing no word of the
  construct ('gain better control over their emotions' beside 'manage their emotions', 'feel less
  cut off' beside 'reduced loneliness');
- PROCEDURES: staff doing a series of concrete acts with verbs off the delivery lexicon ('the health
  visitor weighs the baby and books the next visit'), with no account;
- NAMES: a mechanism that names a duty, a product, a way of working or a quality of access rather
  than how change happens ('Corporate parenting', 'A shared list of families').

Each table mixes the kind with genuine accounts in the same shapes, which must stay quiet. Batch X
(``*_X``) was used for tuning: its first run was 26/36 (11 of 21 defects found, no false alarm),
36/36 after. Batch Y (``*_Y``, written at the same time by the same engineer) was kept out and run
once, after X's procedure and restatement changes (the rule for things made for the work came
after and changed no Y result): 23/36, 8 of 21 defects found (restatements 0/8, procedures 3/7, names 5/6)
and none of the 15 accounts flagged. Tuned on Y since (a clause of time or condition is not the
change; everyday words for offending, debt, coping, concentration; a role in capitals as staff):
28/36, still no false alarm; then 27/36, 'attention' given up as a word for concentration (parents
pay attention to their child); what is still missed is a strict xfail. A restatement in everyday
words is read from a list of such words by construct family, and Y's first run shows how little
such a list reaches on new wording."""

from __future__ import annotations

import pytest

from .modelkit import example, findings_at, mechanism_is_delivery, mechanism_restates, row

RESTATED_X = [
    ("Young people gain better control over their emotions", "Young people manage their emotions", True),
    ("Parents feel less worried about money", "Reduced financial stress for parents", True),
    ("Young people feel less cut off from others", "Reduced loneliness among young people", True),
    ("Mothers feel happier in themselves", "Improved maternal mood", True),
    ("Children get on better with their brothers and sisters", "Improved sibling relationships", True),
    ("Carers become more sure of themselves when handling difficult behaviour",
     "Foster carers' confidence in managing behaviour increases", True),
    ("Young people are less likely to be drawn back into crime", "Reduced reoffending", True),
    ("Pupils turn up to school more often", "Improved attendance", True),
    # accounts in the same shapes
    ("Young people learn to name what they feel, so they can stop before lashing out",
     "Young people manage their emotions", False),
    ("Advice on benefits puts more money in the household", "Reduced financial stress for parents", False),
    ("Regular visits from a befriender give young people someone to talk to",
     "Reduced loneliness among young people", False),
    ("Carers try new techniques with a coach beside them and see them work",
     "Foster carers' confidence in managing behaviour increases", False),
    ("A trusted adult helps young people picture a different future, so crime looks less worth it",
     "Reduced reoffending", False),
    ("Pupils have someone at school who notices when they are missing", "Improved attendance", False),
]

PROCEDURES_X = [
    ("The health visitor weighs the baby and books the next visit", True),
    ("The school nurse measures each child's height, tests their eyesight and posts the results home", True),
    ("The youth offending officer photocopies the order, files it and emails the panel", True),
    ("Wardens patrol the estate, lock the park gates and log any incidents", True),
    ("The caseworker fills in the housing form, scans the documents and uploads them to the portal", True),
    ("The family support worker lays out the toys, greets each family and serves lunch", True),
    ("The Children's Reporter reads the police report, decides on grounds and notifies the family", True),
    # accounts in the same shape
    ("The health visitor weighs the baby in front of the mother and praises her feeding, so she "
     "trusts her own judgement", False),
    ("The worker listens without judging and the young person opens up", False),
    ("Nurses explain every result to parents, who then understand what their child needs", False),
    ("Wardens get to know residents by name, and residents come to report problems", False),
    ("Teachers greet every pupil at the door, and pupils feel noticed", False),
]

NAMES_X = [
    ("Corporate parenting", True),
    ("A shared list of families known to every agency", True),
    ("Holistic whole family support", True),
    ("Prompt and equitable access", True),
    ("Linking families to local support and activities", True),
    ("A written safety plan for every family", True),
    # accounts
    ("A shared plan means every agency knows its part, so families are not passed around", False),
    ("Meeting other parents like them makes parents feel less alone", False),
    ("A written safety plan gives the young person steps to follow when they feel unsafe", False),
    ("Being known by name at the hub makes families more willing to come back", False),
]

RESTATED_Y = [
    pytest.param("Children feel more settled in their minds", "Reduced anxiety in children", True,
                 marks=pytest.mark.xfail(strict=True, reason="missed on Y's first run and after: 'settled' is a placement word; no everyday word for anxiety")),
    pytest.param("Dads spend more time playing with their little ones", "Fathers more involved with their children", True,
                 marks=pytest.mark.xfail(strict=True, reason="missed on Y's first run and after: 'involved' names no construct, so nothing to compare")),
    ("Young people keep out of trouble with the police", "Fewer arrests of young people", True),
    ("Tenants keep up with what they owe the landlord", "Fewer rent arrears", True),
    pytest.param("Women can see the warning signs of an abusive partner", "Women recognise abuse in relationships", True,
                 marks=pytest.mark.xfail(strict=True, reason="missed on Y's first run and after: 'see the signs' is not read as recognising")),
    ("Kinship carers feel they can cope", "Improved resilience of kinship carers", True),
    pytest.param("Learners stop drifting out of college", "Reduced dropout from further education", True,
                 marks=pytest.mark.xfail(strict=True, reason="missed on Y's first run and after: 'stop' before 'drifting out' reads as a change, and no word is shared with 'dropout'")),
    pytest.param("Pupils show they can concentrate for longer in class", "Improved attention in lessons", True,
                 marks=pytest.mark.xfail(strict=True, reason="caught once tuned on Y, then given up: 'attention' "
                                                             "is as often what parents pay their child")),
    # accounts
    ("Children are told what will happen next, so the unknown is less frightening",
     "Reduced anxiety in children", False),
    ("Dads are welcomed at groups run at weekends, so they can come", "Fathers more involved with their children", False),
    ("Young people have somewhere to be in the evenings instead of on the street",
     "Fewer arrests of young people", False),
    ("A budgeting plan agreed with the tenant spreads the debt over the year", "Fewer rent arrears", False),
    ("Sessions on healthy relationships give women words for what is happening to them",
     "Women recognise abuse in relationships", False),
    ("A tutor who checks in weekly spots learners struggling before they give up",
     "Reduced dropout from further education", False),
]

PROCEDURES_Y = [
    ("The midwife takes the blood pressure, dips the urine and writes it in the notes", True),
    ("The PCSO knocks on doors, hands out the newsletter and reports broken street lights", True),
    ("Duty staff open the post, stamp each referral and pass it to the screening team", True),
    # found in session 10: a verb of acting with a thing or a place as its whole object is a step
    ("The coach unlocks the hall, sets out the cones and takes the register", True),
    ("The family hub receptionist greets visitors, signs them in and shows them to the room", True),
    ("The Welsh-language officer translates the letters, prints them and posts them to families", True),
    ("Nursery staff change nappies, prepare snacks and tidy the room between sessions", True),
    # accounts
    ("The midwife checks in at every visit about how the woman is feeling, so low mood is noticed early", False),
    ("The PCSO chats to young people in the park, and over time they start to trust the police", False),
    ("Staff read every referral with the family in mind, so none waits without a response", False),
    ("The coach picks the quiet ones to lead warm-ups, and they grow in confidence", False),
    ("Nursery staff talk with children throughout the day, building their vocabulary", False),
]

NAMES_Y = [
    ("Trauma-informed practice", True),
    ("Team around the family", True),  # found in session 10: a thing named with a preposition, no verb
    ("A single point of contact for schools", True),
    ("Timely and consistent access to services", True),
    ("Signposting carers to community groups", True),
    ("A personal education plan for each child", True),
    # accounts
    ("Staff who understand trauma respond to behaviour as distress, so children are not excluded", False),
    ("A single point of contact means schools get an answer the same day", False),
    ("Groups nearby let carers share tips and feel less alone", False),
    ("A plan that the child helped to write keeps everyone aiming at the same goals", False),
]


def _is_named_not_account(mechanism: str) -> bool:
    rec = example()
    row(rec, "mechanisms", "M4")["mechanism"] = mechanism
    return bool(findings_at(rec, "mechanism-no-causal-account", "M4"))


@pytest.mark.parametrize("mechanism, outcome, flagged", RESTATED_X)
def test_x_restated_in_other_words(mechanism, outcome, flagged):
    assert mechanism_restates(mechanism, outcome) == flagged, mechanism


@pytest.mark.parametrize("mechanism, flagged", PROCEDURES_X)
def test_x_procedure_off_the_lexicon(mechanism, flagged):
    assert mechanism_is_delivery(mechanism) == flagged, mechanism


@pytest.mark.parametrize("mechanism, flagged", NAMES_X)
def test_x_a_name_not_an_account(mechanism, flagged):
    assert _is_named_not_account(mechanism) == flagged, mechanism


@pytest.mark.parametrize("mechanism, outcome, flagged", RESTATED_Y)
def test_y_restated_in_other_words(mechanism, outcome, flagged):
    assert mechanism_restates(mechanism, outcome) == flagged, mechanism


@pytest.mark.parametrize("mechanism, flagged", PROCEDURES_Y)
def test_y_procedure_off_the_lexicon(mechanism, flagged):
    assert mechanism_is_delivery(mechanism) == flagged, mechanism


@pytest.mark.parametrize("mechanism, flagged", NAMES_Y)
def test_y_a_name_not_an_account(mechanism, flagged):
    assert _is_named_not_account(mechanism) == flagged, mechanism


#: Tuned on the published models (held out 23's 'Plan for when crying gets too much'): a thing made
#: for the work named first, before what it is for, is no account either.
PRODUCTS_TUNED = [
    ("Plan for when crying gets too much", True),
    ("Plan for when crying gets too much means parents know what to do instead of shaking", False),
    ("List of local groups for new parents", True),
]


@pytest.mark.parametrize("mechanism, flagged", PRODUCTS_TUNED)
def test_a_thing_named_first_is_no_account(mechanism, flagged):
    assert _is_named_not_account(mechanism) == flagged, mechanism


#: The everyday words of the other families (a sweep by family, written after Y's first run: tuned),
#: each beside an account in the same words, which must stay quiet.
EVERYDAY = [
    ("The young person manages to hold on to their home", "Young people sustain their tenancy", True),
    ("Young people stop lashing out", "Fewer fights in school", True),
    ("Parents argue less in front of the children", "Reduced conflict between parents", True),
    ("Young people find a job", "More young people in employment", True),
    ("Care leavers live on their own", "Care leavers more independent", True),
    ("A worker who stays when things go wrong means young people hold on to their home",
     "Young people sustain their tenancy", False),
    ("Young people learn what sets off their anger, so they walk away instead of lashing out",
     "Fewer fights in school", False),
    ("Parents who argue less give children a calmer home", "Reduced conflict between parents", False),
    ("Work experience shows young people what a job asks of them", "More young people in employment", False),
]


@pytest.mark.parametrize("mechanism, outcome, flagged", EVERYDAY)
def test_everyday_words_for_a_construct(mechanism, outcome, flagged):
    assert mechanism_restates(mechanism, outcome) == flagged, mechanism


#: Everyday words read narrowly (before the freeze, for precision on new text): only of the outcome's
#: own people, and not where the word has a commoner other sense.
NARROW = [
    ("Parents pay more attention to their child", "Improved concentration in class", False),
    ("Children are happy to come to school", "Improved wellbeing of children", False),
    ("Young people feel less excluded", "Fewer school exclusions", False),
    ("Parents feel less alone", "Children less isolated at school", False),
    ("Parents feel less alone", "Reduced isolation among parents", True),
]


@pytest.mark.parametrize("mechanism, outcome, flagged", NARROW)
def test_everyday_words_read_narrowly(mechanism, outcome, flagged):
    assert mechanism_restates(mechanism, outcome) == flagged, mechanism


# --- TUNED ON held out 25's first run (its two missed plants, and probes in our own words) -------


@pytest.mark.parametrize("mechanism, outcome, flagged", [
    ("Children get a better grip on their temper", "Children better able to control their anger", True),
    ("Children feel less angry", "Reduced aggression in class", True),
    ("Children express anger safely", "Fewer violent incidents", False),
    ("Parents learn why their child gets angry, so they stay calm", "Fewer angry outbursts", False),
])
def test_temper_and_anger_are_aggression_beside_a_change(mechanism, outcome, flagged):
    assert mechanism_restates(mechanism, outcome) == flagged, mechanism


@pytest.mark.parametrize("mechanism, flagged", [
    ("Caseworker meets the pupil in a room at school every Tuesday, works through the booklet and writes "
     "up the visit for the designated safeguarding lead", True),
    ("The worker sees the child at school and tells the safeguarding lead, so concerns are acted on", False),
    ("Staff help the child feel safe, and the child starts to talk", False),
])
def test_safeguarding_names_a_role_not_safety(mechanism, flagged):
    assert mechanism_is_delivery(mechanism) == flagged, mechanism
