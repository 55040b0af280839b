"""Session 10's outcome wording batch A (issue 14), through validate(): written and committed before
the session's rules, run once (26/41 agreed on its first run, all 15 disagreements misses, no false
alarm; recorded in docs/checks.md), then the rules were written. Each row is a statement, the
direction beside it and the wording finding an evaluator expects at it, or none: outputs whose
thing is a dose, a time the service keeps or what it gathers or gives; vague outcomes naming only
a field of work; and the changes, short specific outcomes and one-thing pairs that share their
words and must stay clean."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from lm_excel.checks import text as T
from lm_excel.checks import wording as W

from .wording_batches import expected, found

DATA = Path(__file__).parent / "data"


def _rows() -> list[dict[str, str]]:
    with (DATA / "wording_s10_a.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("rec", _rows(), ids=lambda r: f"{r['kind']}-{r['text'][:40]}")
def test_batch_a_finding_as_expected(rec):
    assert found(rec["text"], rec["direction"]) == expected(rec), rec


def test_batch_a_has_each_kind_and_clean_rows_beside_them():
    recs = _rows()
    kinds = {r["kind"] for r in recs}
    assert {"output-dose", "output-timing", "output-gathered", "vague-domain", "specific-short"} <= kinds
    assert len(recs) >= 40 and sum(not r["expect"] for r in recs) >= 15


@pytest.mark.parametrize("text", [
    "Victim views gathered in every case before panel",
    "Feedback collected from every parent at the last session",
    "Safe sleep advice given to all parents at the new birth visit",
])
def test_a_thing_gathered_or_given_in_the_passive_is_an_output(text):
    assert W.gathered(text)


@pytest.mark.parametrize("text", [
    "Young people's views are sought and acted upon",  # what is done with them may be a change
    "A shared vision across the partnership",  # 'shared' describes, nothing is done
    "Parents offered support feel more confident",  # people, and a change
    "Better advice given to families",  # an improvement of it is a change
    "Information shared to inform the plan",  # a purpose
    "Safe homes provided for every child in care",  # a construct said of what is provided
])
def test_what_says_more_than_gathering_or_giving_is_not(text):
    assert not W.gathered(text)


@pytest.mark.parametrize("text, out", [
    ("Young people in custody receive education for 15 hours a week", True),
    ("Pupils with complex needs have three sessions of speech and language therapy a week", True),
    ("Survivors receive a first appointment within ten days of referral", True),
    ("Care leavers get a job within six months of leaving care", False),  # a destination
    ("Children get a permanent home within 12 months", False),  # months may time a change
    ("Pupils attend school for 25 hours a week", False),  # attending school is a change
    ("Parents get more hours of childcare", False),  # a direction
    ("Pupils have three friends in their class", False),  # no dose of provision
    ("Young people get 16 hours of paid work a week", False),  # a dose of what they do themselves
    ("Babies have 12 hours of sleep a night", False),
    ("Children get three hours of exercise a week", False),
    ("Young people have 10 hours of paid work a week", False),
    ("Children who go missing get a return home interview within 72 hours", True),  # the interview decides
    ("Care leavers get a home within 28 days", False),
])
def test_a_dose_or_a_service_time_makes_what_people_get_an_output(text, out):
    assert W.given(text) is out


@pytest.mark.parametrize("text, out", [
    ("Better safeguarding practice in schools", True),
    ("Improved safeguarding", True),
    ("Improved multi-agency safeguarding arrangements", True),
    ("Better mental health provision for young people", True),
    ("Better mental health for young people", False),  # a construct of people
    ("Better parenting practice among young parents", False),  # parenting is what changes
    ("Improved safeguarding referrals from schools", False),  # referrals can be counted and judged
    ("Better early help for parents' mental health", False),  # what it is for is measurable
    ("Safeguarding practice in schools is audited", False),  # no improvement said
    ("Stronger partnership working", True),
    ("Better joint working between agencies", True),
    ("Better work for young people", False),  # work alone may be employment
])
def test_an_improvement_of_a_field_of_work_alone_is_vague(text, out):
    assert T.only_a_field(text) is out


def test_teamwork_beside_social_skills_is_one_thing():
    # held out 21's evaluator: teamwork is one of the social skills (a false alarm on its first run)
    assert W.compound_parts("Young people's teamwork and social skills improve") == []
    assert len(W.compound_parts("Young people's teamwork and attainment improve")) == 2


def test_a_way_of_working_already_called_not_a_change_is_not_also_vague():
    assert "outcome-not-a-change" in found("Effective multi-agency working", "Increase")
    assert "vague-statement" not in found("Effective multi-agency working", "Increase")
    assert found("Stronger partnership working", "Increase") == {"vague-statement"}


#: TUNED ON the first runs of held out 26 and rounds 24 and 25 (after the freeze was lifted).
TUNED_ON_26_24_25 = [
    # round 24's false alarm: how much and how good of one thing
    ("We want more and better things for young people in Hackney to do", "compound-outcome", False),
    # round 25's false alarm: adjectives of one development, whose it is said first
    ("Improved children's social, behavioural and emotional development", "compound-outcome", False),
    # held out 26's missed plant: an order to the service, acting on everyone
    ("Screen every under-18 in custody for mental health, learning and communication needs",
     "outcome-not-a-change", True),
    # round 25's misses: more of the service itself
    ("Grow the number of specialised parent-infant relationship teams across the UK", "outcome-not-a-change", True),
    ("Increasing the availability of specialist perinatal mental health community care",
     "outcome-not-a-change", True),
    # held out 26's real problem: knowing and confidence are measured apart
    ("Practitioners more knowledgeable and confident in evidence-informed practice", "compound-outcome", True),
    # near-misses that stay clean
    ("Increase the number of foster carers in the borough", "outcome-not-a-change", False),
    ("Meet every child's needs", "outcome-not-a-change", False),
    ("Improved children's social, behavioural and emotional development and school attendance",
     "compound-outcome", True),
    # held out 27's missed plants: a target share of whom the service saw; a domain's acronym
    ("93% of new babies seen at the 10-14 day health visitor contact", "outcome-not-a-change", True),
    ("93% of new babies reach their expected weight at 8 weeks", "outcome-not-a-change", False),
    ("Better SEMH outcomes for pupils", "vague-statement", True),
    ("Fewer pupils with SEMH needs excluded from school", "vague-statement", False),
]


@pytest.mark.parametrize("text, found_", [
    ("Risks for mums - to be added after steering group", "to be added"),  # held out 27's plant
    ("Details to follow from Morning Lane", "to follow"),  # held out 26's plant
    ("Weekly group for parents (to be confirmed)", ""),  # an answer with a detail pending
    ("Parents learn to follow routines", ""),
    ("Care plan: to be written with the family", ""),  # what is done, not a gap
    ("Parents feel able to come back - to follow up later", ""),
])
def test_text_still_to_come_is_a_placeholder(text, found_):
    assert W.placeholder(text) == found_


@pytest.mark.parametrize("text, code, out", TUNED_ON_26_24_25)
def test_tuned_on_the_first_runs_of_26_24_and_25(text, code, out):
    assert (code in found(text, "Increase")) is out
