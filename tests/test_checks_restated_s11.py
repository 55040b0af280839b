"""A component beside the staff input it uses (issue 14, session 11): our own probes, in new
wording, written before the rule changes they test.

An evaluator calls a component the input restated when it only names the people or things the
input is ('Volunteer befrienders' beside 'Trained volunteer befrienders'). Three kinds are what is
done with those people, not the people again:

- the people's name with a word for something done added ('Referral to a Hospital Youth Violence
  Navigator', 'Coaching by a Family Recovery Navigator'): the act is the component;
- the course that people trained to deliver it give ('Thrive training' beside 'Teachers trained
  to deliver Thrive'): they are its trainers, not its trainees;
- a role described as one named person for each family ('Key worker': 'one named person who ...',
  'a named key worker'): the arrangement of a single named worker is the way of working, not
  the staff. A role described only by what one of its staff does ('A lead worker meets the young
  person ...') stays the input restated: evaluators judged it so on the published models.
"""

from __future__ import annotations

import pytest

from .modelkit import example, findings_at, row


def _restated(resource: str, component: str, description: str | None = None) -> bool:
    rec = example()
    row(rec, "inputs", "IN1")["resource"] = resource
    c3 = row(rec, "components", "C3")
    c3["component"] = component
    if description is not None:
        c3["description"] = description
    return bool(findings_at(rec, "restated-across-sheets", "C3"))


#: The people's name with a word for something done: what is done with them.
PEOPLE_AND_AN_ACT = [
    ("Hospital Youth Violence Navigators", "Referral to a Hospital Youth Violence Navigator", False),
    ("Family Recovery Navigators", "Coaching by a Family Recovery Navigator", False),
    ("School Attendance Champions", "Mentoring by the School Attendance Champions", False),
    ("Young Carers Support Workers", "Young Carers Support Worker casework", False),
    # nothing done added: the people again
    ("Family Recovery Navigators (3 FTE)", "Family Recovery Navigators", True),
    ("School Attendance Champions in each academy", "School Attendance Champions", True),
    # the input is itself the act: the same act on both sheets
    ("Supervision for the parent mentors", "Parent mentor supervision", True),
    ("Home visits by the community nursery nurses", "Home visits by community nursery nurses", True),
]


@pytest.mark.parametrize("resource, component, flagged", PEOPLE_AND_AN_ACT)
def test_the_people_with_something_done_is_not_the_input(resource, component, flagged):
    assert _restated(resource, component) == flagged, component


#: Training beside people trained: trainees (the input again) or trainers (what they give).
TRAINERS_AND_TRAINEES = [
    ("Teachers trained to deliver Thrive sessions", "Thrive training", False),
    ("Two senior practitioners trained to run the Solihull course", "Solihull training", False),
    ("Educational psychologists trained to give the course and its supervision", "Course training", False),
    # trained in it: the people who receive it, so the training is the input said again
    ("Family practitioners trained in motivational interviewing", "Motivational interviewing training", True),
    ("Trained family practitioners", "Practitioner training", True),
]


@pytest.mark.parametrize("resource, component, flagged", TRAINERS_AND_TRAINEES)
def test_a_course_given_by_its_trainers_is_not_the_input(resource, component, flagged):
    assert _restated(resource, component) == flagged, component


#: A role named as the component, by its description.
ONE_NAMED_WORKER = [
    ("Key workers from the health visiting and early help teams", "Key worker",
     "Each family has one named person who pulls the professionals together and keeps them informed",
     False),
    ("Lead practitioners drawn from partner agencies", "Lead practitioner",
     "A named lead practitioner for every child: chairs the reviews and keeps the plan moving", False),
    # no description, or one that says where the staff come from: the staff again
    ("Key workers from the health visiting and early help teams", "Key worker", "", True),
    ("Key workers from the health visiting and early help teams", "Key worker",
     "Key workers from the locality teams", True),
    # what one of them does, with no named worker: judged the staff again on published models
    ("Lead workers (youth workers)", "Lead worker",
     "A lead worker meets the young person each week and agrees goals with them", True),
    # a named worker of another role than the component names: the component still only names its role
    ("Trained volunteer befrienders (about 20)", "Volunteer befrienders",
     "A named keyworker works with the family on a plan built around goals the family sets", True),
]


@pytest.mark.parametrize("resource, component, description, flagged", ONE_NAMED_WORKER)
def test_one_named_worker_is_a_way_of_working(resource, component, description, flagged):
    assert _restated(resource, component, description) == flagged, description
