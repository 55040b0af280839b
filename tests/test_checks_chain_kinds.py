"""Kinds the chain rules missed on new models (issue 14, session 6), as tables of our own from
every domain, written before the rules: mechanisms that name a quality at any length or a
pathway's name, and inputs restated as components in other words (synonyms and morphology), beside
components that use an input to do something else. Batch Y (``*_HELD_OUT``) was kept out of the
tuning and run once."""

from __future__ import annotations

import pytest

from .modelkit import example, findings_at, mechanism_mislinked, row

MECHANISMS = [
    # qualities of seven words or more, with no account of how change happens
    ("Positive and healthy relationships with youth workers", True),
    ("Consistent, reliable and non-judgemental support from a trusted worker", True),
    ("Strong, trusting and lasting relationships between mentors and young people", True),
    ("A safe, nurturing and stimulating environment for every child in the setting", True),
    ("High quality, evidence-based and culturally sensitive support for parents", True),
    ("Flexible, creative and person-centred practice with families and their networks", True),
    ("Timely access to the right support at the right time", True),
    # a pathway's name used as a mechanism
    ("Resources dedicated to the family's needs", True),
    ("Support tailored to each young person's goals", True),
    pytest.param("Help matched to what the family says it needs", True, marks=pytest.mark.xfail(
        strict=True, reason="a clause after the participle ('what the family says') reads as an account")),
    # accounts, at any length
    ("Parents learn practical strategies and meet others, which reduces isolation", False),
    ("A trusted relationship with a consistent key worker helps parents open up about their worries", False),
    ("Warm, consistent care from the same foster carers lets children feel secure enough to learn", False),
    ("Positive relationships with youth workers give young people someone to turn to before a crisis", False),
    ("Young people trust workers who keep their promises, so they accept help", False),
    ("Practitioners supported to hold risk feel confident to keep children at home", False),
]

#: A schedule of contacts and where they are recorded is delivery (tuned on held-out set 15's
#: missed plant, in our own words).
SCHEDULES = [
    ("Reviews at 6-8 weeks, 12 months and 2 years, recorded on the child health system", True),
    ("Contacts at 10 days and 6 weeks by the named health visitor, entered on the electronic record", True),
    ("Checks at set ages mean worries are noticed while they are small, so help comes early", False),
    ("Seeing the baby at 6-8 weeks lets the health visitor spot low mood in the mother", False),
]


SCHEDULES += [
    # tuned on held-out set 14's missed plant, in our own words: how soon, where, and verbs of
    # delivery in the present tense
    ("Key worker visits the family within 48 hours of the referral and completes the assessment at home", True),
    ("A practitioner meets the young person within five working days at school and fills in the plan", True),
    ("A worker who visits within 48 hours shows the family someone cares, so they accept help", False),
    ("Meeting a mentor every week at school gives young people an adult they trust", False),
    # tuned on held-out set 16's missed plant, in our own words: a meeting at a clock time every day
    # that goes through a list and hands out the work
    ("An 8.30am meeting every morning goes through new referrals and allocates each one to a worker", True),
]


@pytest.mark.parametrize("text, flagged", SCHEDULES)
def test_a_schedule_of_contacts_is_delivery(text, flagged):
    assert _mechanism_finding(text) == flagged, text

MECHANISMS_HELD_OUT = [
    ("Caring, patient and respectful relationships with school staff", True),
    ("Stable and predictable routines in a calm and welcoming home", True),
    ("Services organised around the child rather than the agency", True),
    ("Intensive, consistent and persistent engagement with the whole family", True),
    ("Calm, predictable adults help children settle and concentrate in class", False),
    ("Mothers treated with respect by midwives are more likely to come back for care", False),
]


def _mechanism_finding(text: str) -> bool:
    rec = example()
    row(rec, "mechanisms", "M4")["mechanism"] = text
    return bool(findings_at(rec, "mechanism-no-causal-account", "M4"))


@pytest.mark.parametrize("text, flagged", MECHANISMS)
def test_qualities_at_any_length_and_pathway_names_are_no_account(text, flagged):
    assert _mechanism_finding(text) == flagged, text


INPUTS = [
    # (input, its type, component, restated?)
    ("Devolved budget", "Funding", "Budget held by the social worker", True),
    ("Trained family practitioners", "Staff", "Practitioner training", True),
    ("Specialist domestic abuse workers (3 FTE)", "Staff", "Specialist domestic abuse worker", True),
    ("Family hub buildings", "Premises", "Family hubs", True),
    ("Laptops and phones for outreach staff", "Technology", "Laptops for staff", True),
    ("Clinical psychologist (0.5 FTE)", "Staff", "Psychology input", True),
    ("Flexible funding pot", "Funding", "Flexible funds for families", True),
    # a component that uses the input to do something else
    ("Devolved budget", "Funding", "Social worker spends the budget with the family on what they need", False),
    ("Trained family practitioners", "Staff", "Family practitioners visit weekly at home", False),
    ("Specialist domestic abuse workers (3 FTE)", "Staff", "Safety planning with survivors", False),
    ("Family hub buildings", "Premises", "Drop-in sessions at the family hub", False),
    ("Clinical psychologist (0.5 FTE)", "Staff", "Consultation for social workers on complex cases", False),
    ("Advice caseworkers (housing, welfare)", "Staff", "Housing and welfare advice", False),
    ("Training in motivational interviewing", "Training", "Motivational interviewing with parents", False),
]

# tuned on held-out set 14's false alarm, in our own words: an activity noun that shares a stem
# with the people who do it ('work' and 'workers') is what is done, not the resource
INPUTS += [
    ("Youth workers available evenings and weekends", "Staff", "Work with parents and carers", False),
    ("Family support workers (4 FTE)", "Staff", "Work with the whole family", False),
    ("Therapists trained in play therapy", "Staff", "Therapy for children", False),
    ("Mentors (6 FTE)", "Staff", "Mentors for young people", True),
]

INPUTS_HELD_OUT = [
    ("Mentors recruited from the local community", "Staff", "Community mentors", True),
    ("Personal budgets for young people", "Funding", "Young person's budget", True),
    ("Youth workers (2 FTE)", "Staff", "Youth work sessions on the estate", False),
    ("Minibus", "Other", "Trips and outings by minibus", False),
]


def _input_restated(resource: str, kind: str, component: str) -> bool:
    rec = example()
    rec.elements["inputs"].append({"id": "IN9", "resource": resource, "type": kind, "detail": ""})
    c = row(rec, "components", "C6")
    c["component"] = component
    c["inputs_used"] = f"{c['inputs_used']}, IN9"
    return bool(findings_at(rec, "restated-across-sheets", "C6"))


@pytest.mark.parametrize("resource, kind, component, restated", INPUTS)
def test_an_input_restated_as_a_component_in_other_words(resource, kind, component, restated):
    assert _input_restated(resource, kind, component) == restated, component


@pytest.mark.parametrize("text, flagged", MECHANISMS_HELD_OUT)
def test_held_out_mechanisms(text, flagged):
    assert _mechanism_finding(text) == flagged, text


@pytest.mark.parametrize("resource, kind, component, restated", INPUTS_HELD_OUT)
def test_held_out_inputs(resource, kind, component, restated):
    assert _input_restated(resource, kind, component) == restated, component


# --- a component delivered and counted, with no mechanism to say why it should work

COMPONENTS_WITHOUT_MECHANISM = [
    # something done for families or children: the model should say how it brings change
    ("Family support", True),
    ("Health support for young people", True),
    ("Parenting programmes and family group conferences", True),
    ("Showcase events for the community", True),
    ("Triage Level 1 intervention", True),
    ("Home visits by a family nurse", True),
    ("Holiday activity programme", True),
    ("Debt and housing advice", True),
    # what enables the rest: training, recruiting, referral and assessment, oversight
    ("Staff training", False),
    ("Mentor recruitment and vetting", False),
    ("Referral and matching", False),
    ("Needs assessment for every eligible child", False),
    ("Clinical supervision for workers", False),
    ("Screening at the front door", False),
    ("Induction for new volunteers", False),
    ("Data collection and monitoring", False),
    ("Project management and governance", False),
    ("Multi-agency steering group", False),
]


def _component_without_mechanism(name: str) -> bool:
    rec = example()
    rec.elements["components"].append({"id": "C7", "component": name, "description": "Weekly.",
                                       "inputs_used": "IN1"})
    rec.elements["outputs"].append({"id": "OP8", "output": "Number of families taking part",
                                    "from_components": "C7"})
    return bool(findings_at(rec, "component-no-mechanism", "C7"))


@pytest.mark.parametrize("name, flagged", COMPONENTS_WITHOUT_MECHANISM)
def test_a_component_counted_but_with_no_mechanism(name, flagged):
    assert _component_without_mechanism(name) == flagged, name


# --- mislinks (tuned on held-out set 15's two false alarms, in our own words)


@pytest.mark.parametrize("mechanism, linked_outcome, other_outcome, flagged", [
    # a label says nothing of any outcome: its link cannot be judged by its words (and it is
    # already reported as a label)
    ("Safety planning", "Young people aware of the risks of going missing",
     "Safety plans written with every young person", False),
    ("Relationship building", "Parents less isolated", "Better relationships between parents and school", False),
    # two words of substance in common with the linked outcome: it speaks of it, whatever
    # another outcome shares with it
    ("Checking growth at set ages means worries are spotted while small, so help comes early",
     "Children with growth worries get help sooner", "Parents know more about growth and feeding", False),
    # a mechanism of some length that speaks only of another branch's outcome is still a mislink
    ("Parents learn calm ways of managing tantrums, so their confidence as parents grows",
     "Fewer school exclusions", "Parents more confident in managing their child's behaviour", True),
    # one word in common, even a construct, is not enough (session 9: five first-run false alarms
    # in 23 sets were one shared word: 'placement', 'court', 'safety', 'development', 'pupils')
    ("Parents learn calm ways to respond to tantrums, so their confidence as parents grows",
     "Fewer school exclusions", "Parents more confident in managing their child's behaviour", False),
])
def test_a_mislink_needs_a_mechanism_that_says_something_and_nothing_of_its_own_outcome(
        mechanism, linked_outcome, other_outcome, flagged):
    assert mechanism_mislinked(mechanism, linked_outcome, other_outcome) == flagged, mechanism


# --- unused inputs: the voice of the people served shapes the whole offer (tuned on held-out set
# 14's false alarm, in our own words)


@pytest.mark.parametrize("resource, kind, flagged", [
    ("Parent carer forum", "Partnership", False),
    ("Youth council that reviews the offer each year", "Other", False),
    ("Children in care council", "Other", False),
    ("Young people's advisory group", "Other", False),
    ("Reference group of parents with lived experience", "Other", False),
    # people who do the work are still reported when no component uses them
    ("Parent peer supporters (paid sessional)", "Staff", True),
    ("Participation worker (0.5 FTE)", "Staff", True),
])
def test_the_voice_of_those_served_is_a_premise_not_an_unused_input(resource, kind, flagged):
    rec = example()
    rec.elements["inputs"].append({"id": "IN9", "resource": resource, "type": kind})
    assert bool(findings_at(rec, "input-unused", "IN9")) == flagged, resource


# --- a means before a restated change is still a restatement (tuned on held-out set 14's missed
# plant, in our own words)


@pytest.mark.parametrize("mechanism, flagged", [
    # restated in other words: the same construct in another word form (session 7)
    ("Through group sessions, parents come to feel less stressed as parents", True),
    ("By working with a keyworker, parents' parenting stress goes down", True),
    ("Group sessions let parents share worries, so their stress as parents falls", False),
])
def test_a_means_before_a_restated_outcome_is_still_a_restatement(mechanism, flagged):
    rec = example()
    row(rec, "mechanisms", "M4")["mechanism"] = mechanism
    assert bool(findings_at(rec, "mechanism-restates", "M4")) == flagged, mechanism
