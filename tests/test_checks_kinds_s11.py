"""Kinds of false alarm evaluators judged on the published models (issue 14, session 11), as our
own probes in new wording, written before the rules changed:

- 'informed' before a decision or a choice says how people decide, not that the service informed
  them ('Parents make informed choices about their child's school' is a change, not a count of
  whom the service reached);
- a professional named in a mechanism and in an outcome on another branch ('the health
  visitor', 'a police officer') is who acts, not what changes: sharing the role is no mislink;
- an assumption that speaks only of the model's own parts ('Outcomes and impacts are
  interrelated') says nothing about the world that data could test: no test plan is asked for;
- a means in which other people act ('With a shared record that every professional can open,
  ...') says how the change comes about, so the mechanism is no restatement (held out 26).
"""

from __future__ import annotations

import pytest

from lm_excel.checks.wording import not_a_change

from .modelkit import example, findings_at, mechanism_mislinked, mechanism_restates, row


@pytest.mark.parametrize("outcome, reads_as_a_change", [
    ("Parents make informed choices about their child's school", True),
    ("Young people take informed decisions about their sexual health", True),
    ("Foster carers make more informed decisions about contact", True),
    # informing as what the service did to people: whom it reached
    ("More parents informed about the offer", False),
    ("All families informed of the outcome of the assessment", False),
])
def test_an_informed_decision_is_a_change(outcome, reads_as_a_change):
    assert (not_a_change(outcome) == "") == reads_as_a_change, not_a_change(outcome)


@pytest.mark.parametrize("mechanism, linked_outcome, other_outcome, flagged", [
    # only the professional in common: who acts, not what changes
    ("Advice from the health visitor at the moment a worry comes up is more likely to be followed than a leaflet",
     "Fewer children missing nursery through minor illness",
     "Every baby seen by the health visitor at ten days", False),
    ("Time with a police officer they trust helps young people think before they act",
     "Fewer arrests of young people", "More young people meet a police officer in the first week", False),
    # what changes in common besides the professional: still a mislink
    ("Parents learn calm ways of managing tantrums from the health visitor, so their confidence as parents grows",
     "Fewer school exclusions",
     "Parents more confident in managing their child's behaviour after health visitor contact", True),
])
def test_a_professional_in_common_is_no_mislink(mechanism, linked_outcome, other_outcome, flagged):
    assert mechanism_mislinked(mechanism, linked_outcome, other_outcome) == flagged, mechanism


@pytest.mark.parametrize("assumption, flagged", [
    ("Outcomes and impacts are interrelated", False),
    ("The short-term outcomes lead to the long-term outcomes", False),
    ("Activities, outputs and outcomes are linked", False),
    # about people, places or the service: data could test it
    ("Parents will come to groups held in the evening", True),
    ("Short-term gains in confidence last into the long term", True),
    ("Schools will share attendance data each term", True),
])
def test_an_assumption_only_about_the_model_needs_no_test(assumption, flagged):
    rec = example()
    a = row(rec, "assumptions", "A4")
    a["assumption"], a["confidence"], a["how_tested"] = assumption, "Some", ""
    assert bool(findings_at(rec, "assumption-untested", "A4")) == flagged, assumption


@pytest.mark.parametrize("mechanism, outcome, flagged", [
    # a means in which other people act: how the change comes about (held out 26's kind)
    ("With a shared record that every professional can open, parents stop having to tell their story again",
     "Parents repeat their story less", False),
    ("Through a plan that teachers and parents both keep, children feel more settled in class",
     "Children more settled in class", False),
    # a means that is only a thing or a detail of delivery: still the outcome said again
    ("Through group sessions, parents come to feel less stressed as parents", "Reduced parenting stress", True),
    ("With group sessions that run every week, parents feel less stressed", "Reduced parenting stress", True),
    ("With a worker who visits every week, parents feel less stressed", "Reduced parenting stress", True),
])
def test_a_means_in_which_others_act_is_an_account(mechanism, outcome, flagged):
    assert mechanism_restates(mechanism, outcome) == flagged, mechanism
