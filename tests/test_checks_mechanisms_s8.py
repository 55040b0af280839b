"""Mechanisms every held-out first run kept missing (issue 14, session 8), judged by the STRUCTURE of
the statement, as tables of our own in new wording from every agency and nation, written before the
rules changed:

- a procedure or a schedule written as a mechanism with no service event, time or record named: a
  sequence of actions by staff on or for the people served ('collects the young person at the
  gate', 'checks requests against the threshold and allocates a coordinator'), with no change in
  the people themselves;
- a mechanism that restates the outcome it leads to in other words, outside the construct
  families ('getting better at reading what their baby is telling them' beside 'respond more
  sensitively to their baby's cues'): a change said of the outcome's own people, with no account.

Each table mixes the kind with genuine causal accounts in the same shapes (staff acting on people,
a change leading to another), which must stay quiet. Batch X (``*_X``) was used for tuning; batch
Y (``*_Y``) was kept out and run once. Its first run: procedures 15/17 (6 of 8 found, none of the 9
accounts flagged), restatements 6/7 (2 of 3 found, none of the 4 accounts flagged): 21/24, no false
alarm. The two procedures it missed are caught since (tuned on Y: 'drop' opening an action is a verb
of delivery, not a fall; 'sort out' is an arrangement); what is still missed is a strict xfail."""

from __future__ import annotations

import pytest

from .modelkit import example, findings_at, mechanism_is_delivery, mechanism_restates, row






PROCEDURES_X = [
    # social care, police, health, youth justice, schools, voluntary sector, housing; four nations
    ("The duty social worker rings the referrer back, checks the family's history and passes the "
     "case to a team manager", True),
    ("Our family liaison officer picks the family up from the station, takes them to the suite and "
     "stays with them through the interview", True),
    ("The named nurse weighs the baby, updates the red book and arranges the next appointment", True),
    ("Youth justice workers draw up the referral order contract with the child and the panel "
     "volunteers sign it off", True),
    ("The SENCo gathers reports from class teachers, completes the request and sends it to the "
     "local authority", True),
    ("The practitioner checks each request against the eligibility criteria and allocates a "
     "family support worker", True),
    ("Housing officers meet the young person, complete a homelessness assessment and book "
     "emergency accommodation", True),
    ("The school nurse screens each Year 7 pupil, writes to parents about any concern and refers "
     "on to the GP", True),
    ("The coordinator arranges the venue, invites the wider family and sends everyone the agenda", True),
    ("Officers hand the young person a leaflet, take their details and pass them to the youth "
     "service", True),
    # genuine accounts in the same shape: staff acting on people
    ("The worker sticks with the young person when things go wrong, which shows them that some "
     "adults do not give up", False),
    ("Health visitors praise what parents already do well, and parents start to trust their own "
     "judgement", False),
    ("The officer explains each decision to the young person, so they see the process as fair", False),
    ("Carers stay calm when the child lashes out, and the child learns that anger does not end the "
     "placement", False),
    ("Teachers notice small signs of distress early and act before the pupil falls behind", False),
    ("The mentor takes the young person to places they have never been, opening up ideas of what "
     "they could do", False),
    ("Youth workers give young people real responsibility, which builds their belief in themselves", False),
    ("The key worker models calm conversations, and parents copy them at home", False),
    ("Clinicians see the child in school, removing the stigma and travel that stop families going "
     "to the clinic", False),
    ("Social workers ask the wider family what they can offer, and relatives step in who would "
     "never have been asked", False),
]

PROCEDURES_Y = [
    ("The family worker collects the children from school, drops them at contact and writes up "
     "notes afterwards", True),
    ("Police officers attend the incident, complete the risk checklist and pass details to the "
     "IDVA service", True),
    ("The midwife books the woman in, takes bloods and refers her to the perinatal team", True),
    ("Panel members read the reports beforehand, hear from the young person and agree the contract", True),
    ("Support workers sort out the tenancy, set up the utilities and buy essential furniture for the "
     "care leaver", True),
    ("An advocate goes with the child to the review, speaks for them if asked and follows up the "
     "actions", True),
    ("The Barnardo's worker phones the mother, agrees a time and visits with the health visitor", True),
    ("Coaches pick players up in the minibus, run the training and drop them home", True),
    ("The worker keeps turning up even when the door is shut, and the family slowly lets them in", False),
    ("Nurses show parents how to settle their baby, and parents feel able to cope at night", False),
    ("Volunteers who have been through the same thing give hope that recovery is possible", False),
    ("Officers treat young people as partners, so they report concerns rather than hide them", False),
    ("The therapist helps the child put words to what happened, which makes it less frightening", False),
    ("Mentors introduce young people to employers, widening the jobs they think are open to them", False),
    ("Teachers give every child a job in class, and children feel they belong", False),
    ("Peer supporters share their own story, and parents stop feeling judged", False),
    ("Caseworkers hold the young person's place in college while they are in custody, so they have "
     "somewhere to go back to", False),
]

#: Probes written after Y's first run (tuned on): a clause of condition or place carries an account.
PROCEDURES_Z = [
    ("Youth workers meet young people where they are and take them seriously", False),
    ("Volunteers collect the children and bring them to a club where they make friends", False),
    ("Workers visit the family at home and notice how the children are doing", False),
    ("The keyworker rings the school and arranges a meeting so the child's needs are heard", False),
    ("Family workers book appointments for parents and go with them the first time", True),
    ("Social workers visit the family, see the child alone and record their wishes", True),
    ("Officers attend the school assembly and run a question-and-answer session", True),
]

RESTATED_X = [
    ("Parents get better at noticing when their toddler is upset and comforting them",
     "Parents respond more sensitively to their child's distress", True),
    ("Carers get better at staying calm when the child is angry",
     "Carers manage the child's behaviour more calmly", True),
    pytest.param("Families start to sort out their money problems", "Families' finances are more stable", True,
                 marks=pytest.mark.xfail(strict=True, reason="no word shared beyond the people: money is not "
                                                             "finances without a thesaurus")),
    pytest.param("Mothers find it easier to say no to their partner",
                 "Women are more assertive in their relationship", True,
                 marks=pytest.mark.xfail(strict=True, reason="mothers and women are not read as the same people, "
                                                             "and no word is shared")),
    ("Young people get better at walking away from trouble", "Young people avoid trouble", True),
    # an account: a process in people, a consequence, or a change leading to a different one
    ("Parents learn to read their baby's signals", "Parents respond more sensitively to their baby's cues", False),
    ("Parents feel less alone with a baby who cries a lot",
     "Parents respond more sensitively to their baby's cues", False),
    ("Young people see that fighting gets them nowhere, so they walk away", "Fewer fights between young people", False),
    ("Carers understand the behaviour as fear, not defiance", "Carers respond calmly to the child's behaviour", False),
    ("Parents start to use the strategies at home", "Children's behaviour improves at home", False),
]

RESTATED_Y = [
    ("Fathers get better at playing with their baby and noticing what the baby likes",
     "Fathers interact more warmly with their infant", True),
    pytest.param("Children start to talk about how they feel instead of lashing out",
                 "Children express emotions in words rather than behaviour", True,
                 marks=pytest.mark.xfail(strict=True, reason="missed on Y's first run: no word shared beyond "
                                                             "the children ('feel' is not 'emotions')")),
    ("Tenants start to pay the rent on time", "Fewer tenants fall into rent arrears", True),
    ("Fathers feel welcome at the group, so they keep coming and try the play ideas at home",
     "Fathers interact more warmly with their infant", False),
    ("Children learn words for feelings", "Children express emotions in words rather than behaviour", False),
    ("Tenants get advice early, before debts build", "Fewer tenants fall into rent arrears", False),
    ("Pupils get better at reading", "Pupils feel more confident in class", False),
]


@pytest.mark.parametrize("mechanism, flagged", PROCEDURES_X)
def test_x_a_procedure_of_staff_on_people_is_delivery(mechanism, flagged):
    assert mechanism_is_delivery(mechanism) == flagged, mechanism


@pytest.mark.parametrize("mechanism, flagged", PROCEDURES_Y)
def test_y_a_procedure_of_staff_on_people_is_delivery(mechanism, flagged):
    assert mechanism_is_delivery(mechanism) == flagged, mechanism


@pytest.mark.parametrize("mechanism, flagged", PROCEDURES_Z)
def test_z_a_procedure_of_staff_on_people_is_delivery(mechanism, flagged):
    assert mechanism_is_delivery(mechanism) == flagged, mechanism


@pytest.mark.parametrize("mechanism, outcome, flagged", RESTATED_X)
def test_x_a_change_in_the_outcomes_own_people_in_other_words_restates_it(mechanism, outcome, flagged):
    assert mechanism_restates(mechanism, outcome) == flagged, mechanism


@pytest.mark.parametrize("mechanism, outcome, flagged", RESTATED_Y)
def test_y_a_change_in_the_outcomes_own_people_in_other_words_restates_it(mechanism, outcome, flagged):
    assert mechanism_restates(mechanism, outcome) == flagged, mechanism


#: Tuned on the published models (held out 18's 'Having a say in their own plan', set 9's table): a
#: gerund off the verbs of a process, with nothing after it that gives an account, names something done.
GERUNDS = [
    ("Having a say in their own plan", True),
    ("Brokering places with local employers", True),
    ("Building trust with the family", False),
    ("Encouraging parents to read with their child", False),
    ("Having someone on their side makes young people feel safe to speak", False),
    ("Knowing the advocate already makes it easier to ask for help", False),
    ("Coaching in their own room turns training into everyday habits", False),
]


def _label(mechanism: str) -> bool:
    rec = example()
    row(rec, "mechanisms", "M4")["mechanism"] = mechanism
    return any("approach or activity" in f.message for f in findings_at(rec, "mechanism-no-causal-account", "M4"))


@pytest.mark.parametrize("mechanism, flagged", GERUNDS)
def test_a_gerund_of_doing_with_no_account_names_an_activity(mechanism, flagged):
    assert _label(mechanism) == flagged, mechanism


# --- tuned on held out 22 and 23's first runs (false alarms, in our own words) ---------------------


def test_a_plans_shorthand_for_leads_to_is_an_account():
    assert not mechanism_is_delivery("One message from every nurse = remembered at 3am when the crying starts")
    assert mechanism_is_delivery("The nurse visits at 10am, weighs the baby and records it on the system")


def test_a_component_named_after_what_a_fund_pays_for_is_not_the_fund_restated():
    rec = example()
    rec.elements["inputs"].append({"id": "IN9", "resource": "Hardship grants fund", "type": "Funding"})
    row(rec, "components", "C5")["component"] = "Hardship grants"
    assert not findings_at(rec, "restated-across-sheets", "C5")


def test_a_taskforce_board_is_not_an_unused_input():
    rec = example()
    rec.elements["inputs"].append({"id": "IN9", "resource": "Youth Violence Taskforce Board (police, schools, health)",
                                   "type": "Partnership"})
    assert not findings_at(rec, "input-unused", "IN9")
