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

from .modelkit import example, example_with_negatives, findings_at, mechanism_is_delivery, mechanism_restates, row

#: What the rules still miss of these tables (first-run misses, removed as rules find them).
STILL_MISSED: frozenset[str] = frozenset({
    "Carers stop thinking about giving up",
    "Teenagers keep away from the people who exploit them",
    # a count of people ('Fewer pupils suspended') is read as a count across the population
    "Secondary pupils at risk of exclusion, referred by their head of year",
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


def _chosen_at(population: str, outcome: str) -> bool:
    """Whether Primary outcome OC3 of the worked example, its text replaced and the target population
    replaced, is said to measure the need people are chosen by."""
    rec = example()
    rec.intervention["target_population"] = population
    o = row(rec, "outcomes", "OC3")
    o["outcome"], o["direction"], o["priority"] = outcome, "Decrease", "Primary"
    return bool(findings_at(rec, "outcome-chosen-by-need", "OC3"))


#: The need people are chosen by, and the outcome named by the scale that measures it or by another
#: word for it (written before the rule changed; first run in the test's docstring).
CHOSEN_BY_SCALE = [
    ("Children aged 5 to 11 referred by schools with disruptive behaviour at home or in class",
     "Lower SDQ conduct problems scores", True),
    ("Young people aged 11-16 with challenging behaviour referred by the youth offending service",
     "Reduced externalising problems on the Youth Self Report", True),
    ("Pupils in Years 7 to 9 who have had two or more suspensions this year",
     "Fewer suspensions", True),
    ("Secondary pupils at risk of exclusion, referred by their head of year",
     "Fewer pupils suspended", True),
    ("Families referred by health visitors for concerns about a toddler's behavior",
     "Fewer behavior problems on the Eyberg inventory", True),
    # near-misses: a population not chosen by that need, an outcome in another construct
    ("All pupils in Year 7 in the trust's five secondary schools", "Fewer suspensions", False),
    ("Children aged 5 to 11 referred by schools with disruptive behaviour", "Higher reading ages", False),
    ("Parents of children aged 2 to 4 in the borough's family hubs", "Lower SDQ total difficulties scores", False),
]


@pytest.mark.parametrize("population, outcome, flagged", _table(CHOSEN_BY_SCALE))
def test_the_need_named_by_its_scale(population, outcome, flagged):
    """First run (before scales and other names were read as their construct): 0 of 5 found, none
    of the 3 near-misses flagged; then 4 of 5."""
    assert _chosen_at(population, outcome) == flagged, outcome


#: Tuned on the published models (written after their misses were read, so no first run): arrests
#: count what the police detect, and a notification what someone recognises and reports.
COUNTED_BY_POLICE_OR_NOTICE = [
    ("Fewer arrests for knife offences among young people on the programme", "Decrease", True),
    ("More privately fostered children notified to the local authority", "Increase", True),
    ("Fewer arrests and convictions of young people supported", "Decrease", False),  # no harm named
    ("Parents notified of their child's progress every term", "Increase", False),
]


@pytest.mark.parametrize("outcome, direction, flagged", COUNTED_BY_POLICE_OR_NOTICE)
def test_arrests_and_notifications_are_counted_by_recognition(outcome, direction, flagged):
    assert ("outcome-counted-by-recognition" in _codes_at_outcome(outcome, direction)) == flagged, outcome


# --- TUNED ON held out 26's first run (its false alarms and a missed plant, and probes in our own words)


@pytest.mark.parametrize("outcome, direction, flagged", [
    ("Less time from identification of need to the first specialist intervention", "Decrease", False),
    ("Fewer weeks between referral for neglect and the first home visit", "Decrease", False),
    ("More children at risk of neglect identified by health visitors", "Increase", True),
])
def test_a_time_from_identification_is_no_count_of_it(outcome, direction, flagged):
    assert ("outcome-counted-by-recognition" in _codes_at_outcome(outcome, direction)) == flagged, outcome


@pytest.mark.parametrize("population, outcome, flagged", [
    ("Young people aged 10-17 who admit an offence, and the victims of those offences",
     "Victims feel listened to and satisfied with how the offence was dealt with", False),
    ("Parents of children with behaviour that worries their school",
     "Parents understand how their child's behaviour is shaped by stress at home", False),
    ("Young people aged 10-17 who admit an offence", "Reduced offending", True),
])
def test_what_people_judge_is_not_the_need_they_were_chosen_by(population, outcome, flagged):
    assert _chosen_at(population, outcome) == flagged, outcome


@pytest.mark.parametrize("mechanism, outcome, flagged", [
    ("Fewer of the young people come back through the panel with a new offence",
     "Reduced proven reoffending within 12 months", True),
    ("Most of the young people commit no further offences", "Reduced reoffending", True),
    ("Meeting the victim makes a new offence feel real to the young person, so fewer come back",
     "Reduced reoffending", False),
])
def test_a_new_offence_is_reoffending(mechanism, outcome, flagged):
    assert mechanism_restates(mechanism, outcome) == flagged, mechanism


@pytest.mark.parametrize("component, flagged", [
    ("Selection with school staff", False),
    ("Offer and booking into a group", False),
    ("Weekly group sessions for parents", True),
])
def test_the_route_in_owes_no_mechanism(component, flagged):
    """TUNED ON held out 27 (two component-no-mechanism false alarms: choosing or booking who takes
    part is the route into the programme)."""
    rec = example()
    c = row(rec, "components", "C6")
    c["component"] = component
    for m in rec.elements["mechanisms"]:
        m["triggered_by"] = ", ".join(t for t in str(m["triggered_by"]).split(", ") if t != "C6")
    rec.elements["mechanisms"] = [m for m in rec.elements["mechanisms"] if m["triggered_by"]]
    assert bool(findings_at(rec, "component-no-mechanism", "C6")) == flagged, component


def test_reminders_that_close_the_gaps_are_an_account():
    """TUNED ON held out 27 (a false alarm: a thin but causal mechanism called delivery)."""
    rec = example()
    row(rec, "mechanisms", "M4")["mechanism"] = "Reminders and follow-up at contacts close the gaps where doses are missed"
    assert not findings_at(rec, "mechanism-no-causal-account", "M4")


@pytest.mark.parametrize("consequences, flagged", [
    (("A fixed schedule of contacts leaves less time for families who need more, when staff are short",
      "More developmental referrals lengthen waits for speech and language therapy"), False),
    (("Staff leave and posts stay vacant", "Referrals fall when schools are busy"), True),
])
def test_less_time_for_families_and_longer_waits_are_harms(consequences, flagged):
    """TUNED ON held out 27 (a false alarm: both negatives name who loses out)."""
    assert bool(findings_at(example_with_negatives(*consequences), "negatives-delivery-only", "NC1")) == flagged
