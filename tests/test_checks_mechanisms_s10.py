"""Real problems the published models still miss (issue 14, session 10), as tables of our own in
new wording from every agency and nation, written before the rules changed. Each table mixes the
kind with near-misses in the same shapes, which must stay quiet.

- MOVED: an outcome counting a status the services themselves decide (children on a child
  protection plan, in need, on a supervision order), contacts to the social care front door, or
  how long a case stays open: it moves with thresholds and the service's own decisions;
- UNSEEN: a bare claim of safety or of a lower risk of harm, with nothing that would show it;
- AT_RISK: a count of people judged 'at risk of' a harm: it counts what professionals recognise;
- PROCEDURES, NAMES, RESTATED: mechanisms that are a run of staff acts with verbs of acting, a
  named way of working, or the outcome said again in other words.

First run (rules as at main da467ca, before any change for this batch), in each test's docstring:
9 of 33 defects found, none of the 24 near-misses flagged (moved 0/8, unseen 0/6, at risk 0/3,
procedures 3/5, names 5/6, restated 1/5). The misses are strict expected failures until a rule
finds them.
"""

from __future__ import annotations

import pytest

from .modelkit import example, findings_at, mechanism_is_delivery, mechanism_restates, row

#: What the rules still miss of these tables (first-run misses, removed as rules find them).
STILL_MISSED: frozenset[str] = frozenset({
    "The family worker unlocks the centre, sets out the chairs and shows parents where to sit",
    "The midwife books the scan, sends the letter and shows the mother the ward",
    "Team around the child",
    "Mums feel calmer and more on top of things",
    "Children feel they belong at school",
    "Carers stop thinking about giving up",
    "Teenagers keep away from the people who exploit them",
})


def _table(rows: list[tuple]) -> list:
    """The rows as parameters, a row still missed a strict expected failure."""
    return [pytest.param(*r, marks=pytest.mark.xfail(strict=True, reason="missed on the first run"))
            if r[0] in STILL_MISSED else r for r in rows]


def _codes_at_outcome(outcome: str, direction: str, priority: str = "Secondary") -> set[str]:
    """The evaluation questions asked of outcome OC3 of the worked example, its text replaced."""
    rec = example()
    o = row(rec, "outcomes", "OC3")
    o["outcome"], o["direction"], o["priority"] = outcome, direction, priority
    return {code for code in ("outcome-moved-by-delivery", "outcome-not-observable",
                              "outcome-counted-by-recognition", "rare-outcome-small-scale",
                              "outcome-chosen-by-need")
            if findings_at(rec, code, "OC3")}


MOVED = [
    ("Fewer children subject to a child protection plan", "Decrease", True),
    ("Reduction in the number of children on CP plans across the county", "Decrease", True),
    ("Fewer children in need where parental substance misuse is a factor", "Decrease", True),
    ("Fewer young people on compulsory supervision orders", "Decrease", True),
    ("Fewer contacts to the front door from early years settings", "Decrease", True),
    ("A lower proportion of police contacts to children's social care ending in no further action",
     "Decrease", True),
    ("Families open to children's social care for less time", "Decrease", True),
    ("Shorter time that cases stay open to the locality team", "Decrease", True),
    # near-misses: a change in the people on a plan, a recurrence, a rise in a quality of the work
    ("Parents on a child protection plan understand what has to change", "Increase", False),
    ("Fewer children placed on a second child protection plan", "Decrease", False),
    ("Children in need say their worker listens to them", "Increase", False),
    ("Fewer families in need of statutory services", "Decrease", False),
    ("More contacts from schools include the child's own words", "Increase", False),
    ("Social workers spend less time on paperwork and more with families", "Decrease", False),
]


@pytest.mark.parametrize("outcome, direction, flagged", _table(MOVED))
def test_moved_by_the_services_own_decisions(outcome, direction, flagged):
    """First run: 0 of 8 found, none of the 6 near-misses flagged."""
    assert ("outcome-moved-by-delivery" in _codes_at_outcome(outcome, direction)) == flagged, outcome


UNSEEN = [
    ("Reduced risk of criminal exploitation", "Decrease", True),
    ("Lower risk of serious youth violence", "Decrease", True),
    ("Babies are safer", "Increase", True),
    ("Children in kinship care are safe", "Maintain", True),
    ("More children living safely at home with their parents", "Increase", True),
    ("Infants safe from harm", "Increase", True),
    # near-misses: a named measure, what people say, an event counted
    ("Reduced risk of exploitation on the CSE screening tool", "Decrease", False),
    ("Young people say they feel safer in their neighbourhood", "Increase", False),
    ("Fewer babies admitted to hospital with head injuries", "Decrease", False),
    ("Lower risk scores on the Brook sexual behaviours traffic light tool", "Decrease", False),
    ("More children return home from care and stay there", "Increase", False),
    ("Parents know how to keep their baby safe when it cries", "Increase", False),
]


@pytest.mark.parametrize("outcome, direction, flagged", _table(UNSEEN))
def test_a_bare_claim_of_safety_or_risk(outcome, direction, flagged):
    """First run: 0 of 6 found, none of the 6 near-misses flagged."""
    assert ("outcome-not-observable" in _codes_at_outcome(outcome, direction)) == flagged, outcome


AT_RISK = [
    ("Fewer young people at risk of criminal exploitation", "Decrease", True),
    ("Fewer girls assessed as at high risk of child sexual exploitation", "Decrease", True),
    ("A fall in the number of children at risk of radicalisation", "Decrease", True),
    # near-misses: people at risk are who, and something else changes
    ("Young people at risk of exploitation feel safer with their worker", "Increase", False),
    ("More pupils at risk of exclusion attend school every day", "Increase", False),
    ("Practitioners better able to spot children at risk of neglect", "Increase", False),
]


@pytest.mark.parametrize("outcome, direction, flagged", _table(AT_RISK))
def test_a_count_of_people_judged_at_risk(outcome, direction, flagged):
    """First run: 0 of 3 found, none of the 3 near-misses flagged."""
    assert ("outcome-counted-by-recognition" in _codes_at_outcome(outcome, direction)) == flagged, outcome


PROCEDURES = [
    ("The family worker unlocks the centre, sets out the chairs and shows parents where to sit", True),
    ("The youth worker picks the young people up from school, drives them to the club and drops them "
     "home", True),
    ("The midwife books the scan, sends the letter and shows the mother the ward", True),
    ("The PCSO walks the route to school each morning and hands out leaflets at the gate", True),
    ("The speech therapist brings the picture cards, lays them on the table and packs them away", True),
    # accounts in the same shape
    ("The family worker sits with parents while they phone the school, so they find their own voice", False),
    ("The youth worker picks young people up from school, and the drive is when they talk", False),
    ("The midwife shows the mother how to hold the baby, and she feels more able to care for it", False),
]


@pytest.mark.parametrize("mechanism, flagged", _table(PROCEDURES))
def test_a_run_of_acts_with_verbs_of_acting(mechanism, flagged):
    """First run: 3 of 5 found ('unlocks ... shows', 'books ... shows' missed), no account flagged."""
    assert mechanism_is_delivery(mechanism) == flagged, mechanism


def _is_named_not_account(mechanism: str) -> bool:
    rec = example()
    row(rec, "mechanisms", "M4")["mechanism"] = mechanism
    return bool(findings_at(rec, "mechanism-no-causal-account", "M4"))


NAMES = [
    ("Team around the child", True),
    ("Restorative practice", True),
    ("Think Family", True),
    ("Signs of Safety", True),
    ("Relational practice across the partnership", True),
    ("No wrong door", True),
    # accounts that begin with the name
    ("Team around the child meetings mean the family tells its story once", False),
    ("Restorative practice gives families a say, so they stick with the plan", False),
    ("Signs of Safety mapping helps parents see what worries the social worker", False),
]


@pytest.mark.parametrize("mechanism, flagged", _table(NAMES))
def test_a_named_way_of_working(mechanism, flagged):
    """First run: 5 of 6 found ('Team around the child' missed), no account flagged."""
    assert _is_named_not_account(mechanism) == flagged, mechanism


RESTATED = [
    ("Young people feel more hopeful about what lies ahead", "Improved aspirations of young people", True),
    ("Mums feel calmer and more on top of things", "Reduced parental stress", True),
    ("Children feel they belong at school", "Improved sense of belonging at school", True),
    ("Carers stop thinking about giving up", "Fewer foster placements ending unplanned", True),
    ("Teenagers keep away from the people who exploit them", "Reduced criminal exploitation", True),
    # accounts in the same shapes
    ("A mentor who has done it shows young people a future they can reach",
     "Improved aspirations of young people", False),
    ("Someone to ring at night means mums are not left to cope alone", "Reduced parental stress", False),
    ("A worker who sees the warning signs acts before young people are drawn in",
     "Reduced criminal exploitation", False),
]


@pytest.mark.parametrize("mechanism, outcome, flagged", _table(RESTATED))
def test_the_outcome_said_again_in_other_words(mechanism, outcome, flagged):
    """First run: 1 of 5 found (only 'hopeful' beside 'aspirations'), no account flagged."""
    assert mechanism_restates(mechanism, outcome) == flagged, mechanism
