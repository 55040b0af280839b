"""The causes behind held-out sets 8 and 9's remaining misses and false alarm (issue 14), each
fixed in general: good statements that must stay quiet beside bad ones that must be reported,
in wordings of our own from across children's services, not the sets'. The tables were written
before the rules they test."""

from __future__ import annotations

import pytest

from lm_excel.checks.wording import compound_parts

from .modelkit import example, findings_at, row


# --- a mechanism that restates two (or more) of the outcomes it leads to -------------------------


def _two_outcomes(mechanism: str, first: str, second: str, trigger: str = "Weekly group sessions"):
    """The worked example with mechanism M4 (triggered by C4) leading to OC4 and OC5, all reworded."""
    rec = example()
    row(rec, "components", "C4")["component"] = trigger
    row(rec, "outcomes", "OC4")["outcome"] = first
    row(rec, "outcomes", "OC5")["outcome"] = second
    row(rec, "mechanisms", "M4").update(mechanism=mechanism, triggered_by="C4", leads_to="OC4, OC5")
    return rec


@pytest.mark.parametrize("mechanism, first, second, trigger, flagged", [
    # the mechanism only says that both changes happen
    ("Group sessions reduce parenting stress and improve parents' mental wellbeing",
     "Reduced parenting stress", "Improved mental wellbeing of parents", "Parenting groups", True),
    ("The keyworker improves school attendance and reduces exclusions",
     "Improved school attendance", "Fewer fixed-term exclusions", "Keyworker support", True),
    pytest.param("Youth work builds self-esteem and reduces offending among young people",
                 "Higher self-esteem", "Reduced reoffending", "Detached youth work", True,
                 marks=pytest.mark.xfail(strict=True, reason="'offending' and 'reoffending' are read as "
                                         "two things (as 'entering' and 're-entering care' must be)")),
    ("Better sleep and less anxiety for the children",
     "Children sleep better", "Reduced anxiety in children", "Bedtime routine coaching", True),
    ("Therapy increases children's emotional regulation and peer friendships",
     "Improved emotional regulation", "More peer friendships", "Play therapy", True),
    # a process in people that links the two: left alone
    ("Parents learn ways to manage behaviour, which lowers stress and improves family relationships",
     "Reduced parenting stress", "Improved family relationships", "Parenting groups", False),
    ("A consistent keyworker gives parents someone to trust, easing stress and isolation",
     "Reduced parenting stress", "Reduced isolation of parents", "Keyworker support", False),
    ("Peer mentors with lived experience model recovery and hope",
     "Increased hope", "Sustained recovery from substance misuse", "Peer mentoring", False),
    ("Safety planning with the non-abusing parent makes home safer, so children's anxiety falls",
     "Children feel safer at home", "Reduced anxiety in children", "Safety planning", False),
    ("Family group conferences put the family in charge of the plan",
     "Fewer children entering care", "Improved family relationships", "Family group conferences", False),
    ("Confidence with money and with the housing system",
     "Increased financial confidence", "Stable housing", "Debt and housing advice", False),
    # added after the first run, in search of false alarms: a state that restates one outcome
    # and only names the setting of the other (restates OC4 alone, not the attendance outcome)
    ("Children feel safe and settled at school",
     "Children feel safer", "Improved school attendance", "Nurture groups", "OC4"),
    ("Children practise calming techniques in a safe space",
     "Reduced anxiety in children", "Improved emotional regulation", "Nurture groups", False),
    # one outcome restated (the one-outcome rule's business; its message names that outcome)
    ("Trusted adult relationships", "Improved relationships with trusted adults", "Reduced anxiety",
     "Mentoring", "OC4"),
])
def test_a_mechanism_that_restates_two_of_its_outcomes_is_reported(mechanism, first, second, trigger, flagged):
    rec = _two_outcomes(mechanism, first, second, trigger)
    got = findings_at(rec, "mechanism-restates", "M4")
    assert bool(got) == bool(flagged)
    if flagged:
        named = ("OC4", "OC5") if flagged is True else (flagged,)
        assert [o for o in ("OC4", "OC5") if o in got[0].message] == list(named)


# --- compounds: a list after a comma and 'with', a construct described by people ----------------


@pytest.mark.parametrize("text, parts", [
    ("Improved attendance and family relationships", 2),
    ("Stable accommodation and better family relationships", 2),
    ("Fewer exclusions and improved parent-child relationships", 2),
    ("Reduced parental stress and less family conflict", 2),
    ("Children more settled, with better attendance and fewer exclusions", 3),
    ("Young people more independent, with stable housing and better peer relationships", 3),
    # what one standard measure covers: self-concept, resilience, aspiration and independence are
    # four (added with the split of that family, after evaluators on record judged them apart)
    ("Improved confidence and resilience", 2),
    ("Better motivation and independence", 2),
    # how able people feel and how they value themselves are two (held out 13's evaluator, session 7)
    ("Improved confidence and self-esteem", 2),
    ("Improved confidence and self-belief", 0),
    ("More hope and motivation", 0),
    ("Stronger support networks and friendships", 0),
    ("Improved staff wellbeing and team morale", 0),
    ("Improved mental health and family relationships", 2),
    ("Improved behaviour and child safety", 2),
    # one construct, or a construct and its people: not compound
    ("Improved family relationships and communication", 0),
    ("Improved communication and family relationships", 0),
    ("Better parent and child relationships", 0),
    ("Improved housing and family support", 0),
    ("Improved wellbeing for children and families", 0),
    ("Better health and family wellbeing", 0),
    ("Improved confidence, with young people feeling more hopeful", 0),
    ("Better knowledge and skills, with parents more confident", 0),
    ("Improved coordination between partners, with concerns acted on sooner", 0),
    ("Stronger identity and sense of belonging", 0),
    ("Safe and stable family relationships", 0),
])
def test_a_list_of_changes_after_a_comma_and_with_is_compound(text, parts):
    assert len(compound_parts(text)) == parts


# --- unused inputs: what every component rests on is not reported --------------------------------


@pytest.mark.parametrize("resource, kind, flagged", [
    ("Postcode list of eligible wards", "Other", False),
    ("Referral criteria agreed with partners", "Other", False),
    ("Eligibility criteria and thresholds document", "Other", False),
    ("Referral pathway from the front door", "Partnership", False),
    ("Data-sharing protocol with health and schools", "Partnership", False),
    # people a component would use: still reported when none does; things (a minibus, laptops,
    # rooms) are not, since session 9 (an unused thing was never a gap on a first run)
    ("Clinical psychologist (0.5 FTE)", "Staff", True),
    ("Data analyst", "Staff", True),
    ("Minibus for trips", "Other", False),
    ("Interpreters for families who speak little English", "Other", True),
])
def test_criteria_and_pathways_every_component_rests_on_are_not_unused_inputs(resource, kind, flagged):
    rec = example()
    rec.elements["inputs"].append({"id": "IN9", "resource": resource, "type": kind})
    assert bool(findings_at(rec, "input-unused", "IN9")) == flagged


# --- vague outcomes: who and where are not what changes ------------------------------------------


def _outcome(text: str):
    rec = example()
    row(rec, "outcomes", "OC3").update(outcome=text, direction="Increase")
    return rec


@pytest.mark.parametrize("text", [
    "Better health outcomes for children under four",
    "Improved outcomes for children aged five to eleven",
    "Better life chances for children in the most deprived areas",
    "Children have the childhood they deserve",
    "A lasting difference to families in disadvantaged communities",
    # a single broad domain, with no outcome word either (added in the last step, table first)
    "A good education for every child",
    "Improved health for children under five",
    "Young people improve their economic circumstances",
])
def test_an_outcome_naming_only_people_places_and_ages_is_vague(text):
    assert findings_at(_outcome(text), "vague-statement", "OC3")


@pytest.mark.parametrize("text", [
    "Fewer children under four admitted to hospital with injuries",
    "Fewer families in the most deprived areas living in temporary accommodation",
    "Improved school readiness at age five",
    "More children aged two take up funded childcare",
    "Fewer adverse childhood experiences",
    "Fewer families living in deprived areas",
    "Improved speech and language at age two",
    "More young people in meaningful activity",
    "Fewer children suffering significant harm",
    "Improved emotional health",
    "Improved health literacy among parents",
    "Better educational attainment",
    "Improved social skills",
])
def test_an_outcome_with_a_change_for_people_of_an_age_or_place_is_not_vague(text):
    assert not findings_at(_outcome(text), "vague-statement", "OC3")


# --- mechanisms that describe delivery at length, or name an approach ---------------------------


def _mechanism(text: str):
    rec = example()
    row(rec, "mechanisms", "M2")["mechanism"] = text
    return rec


@pytest.mark.parametrize("text, flagged", [
    # what is done, however long, with no account of how it brings change
    ("Intensive therapeutic work with the child and carers together over a six-week placement", True),
    # an opening gerund with its object, off the verbs of a process: an activity (since session 8)
    ("Linking families to debt advice, housing support and local activities", True),
    ("Assessment of the whole family's needs, strengths and risks at the first visit", True),
    ("Therapeutic parenting training for foster carers in the first year of the placement", True),
    ("Shared decision making with young people", True),
    ("Parent-led decision making", True),
    # added after the first run, from a wider table of realistic long mechanisms
    ("Outreach to families who would not come to a centre-based service", True),
    ("Supervision that is reflective and focused on the family's lived experience", True),
    # an account, a quality or a state: left alone
    ("Recognition of the young person as a victim of exploitation, not an offender", False),
    ("Restorative conversations between young people and those they have harmed", False),
    ("Stability of placement and a consistent professional network around the child", False),
    ("Support from a worker who knows the family well builds trust over time", False),
    ("Shared decision making gives parents a sense of control over the plan", False),
    ("Back at school with a routine, young people have less unstructured time and more positive peers", False),
    ("Continuity of the same worker from first contact to the end of support", False),
    ("A consistent relationship with a key adult who does not give up on them", False),
    ("Mentoring means young people have someone on their side when things go wrong", False),
    ("Early identification of need means help comes before problems escalate", False),
])
def test_a_mechanism_that_names_what_is_done_at_any_length_is_delivery(text, flagged):
    assert bool(findings_at(_mechanism(text), "mechanism-no-causal-account", "M2")) == flagged


# --- outcomes worded as an aim ------------------------------------------------------------------


@pytest.mark.parametrize("text, flagged", [
    ("Break the cycle of domestic abuse across generations", True),
    ("Tackle child poverty in the borough", True),
    ("Ensure every child has a safe home", True),
    ("Empower families to solve their own problems", True),
    ("Address the causes of school absence", True),
    # changes, even when they open with a verb or a word like these
    ("Reduce the number of children entering care", False),
    ("Keep children safe at home with their families", False),
    ("Help-seeking by parents increases", False),
    ("Support needs are met earlier", False),
    ("Fewer families caught in a cycle of crisis", False),
    ("Promoted young people stay in post longer", False),
    # the same aim in the passive, at the end of the statement
    ("Financial barriers to attendance addressed", True),
    ("Domestic abuse in the household tackled", True),
    ("Parents' concerns are addressed quickly by the first worker they speak to", False),
    ("Fewer families whose housing problems are not addressed", False),
])
def test_an_outcome_worded_as_an_aim_is_not_a_change(text, flagged):
    rec = example()
    row(rec, "outcomes", "OC3").update(outcome=text, direction="Increase")
    assert bool(findings_at(rec, "outcome-not-a-change", "OC3")) == flagged


@pytest.mark.parametrize("text, flagged", [
    # something done, and the means or the person it is done through: delivery, not an account
    ("Safety monitoring through regular contact with the other parent", True),
    ("Support by a named keyworker", True),
    ("Advice via a helpline and a text service", True),
    ("Mentoring by someone with lived experience of care", True),
    ("Monitoring through home visits and school reports", True),
    # a means of engagement named, no account (the tenth set's evaluator called "Engagement through
    # free choice" a mechanism without an account; issue 14's set-10 round)
    ("Engagement through sport and music", True),
    # an account that happens to use 'through' or 'by'
    ("Trust grows through consistent contact with the same worker", False),
    ("Learning through play builds children's confidence", False),
    ("Parents feel supported by a worker they trust", False),
    ("Young people are diverted by a trusted adult at the point of arrest", False),
    ("Reflection through supervision helps workers stay with families' distress", False),
    ("Support through a key worker means families tell their story once", False),
])
def test_a_mechanism_that_names_what_is_done_and_how_it_is_delivered_is_delivery(text, flagged):
    assert bool(findings_at(_mechanism(text), "mechanism-no-causal-account", "M2")) == flagged


@pytest.mark.parametrize("text, flagged", [
    # a state partners reach (an intermediate outcome), not how change happens
    ("Shared understanding of the impact of neglect across partners", True),
    ("Shared picture of risk between police and children's social care", True),
    ("Shared language of risk and strengths across the workforce", True),
    ("Shared goals agreed with the family", True),
    # the same state, followed by what it brings about
    ("Shared understanding of the family's story means no one has to repeat it", False),
    ("A shared picture of risk lets agencies act sooner", False),
    ("Shared goals give the family something to work towards, so they stay engaged", False),
    ("Sharing information early helps agencies spot risk before it escalates", False),
])
def test_a_mechanism_that_names_a_shared_state_reads_like_an_outcome(text, flagged):
    got = findings_at(_mechanism(text), "mechanism-no-causal-account", "M2")
    assert bool(got) == flagged
    if flagged:
        assert "reads like an outcome" in got[0].message
