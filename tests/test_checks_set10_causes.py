"""The causes behind held-out sets 10 and 11's remaining misses and false alarms in the chain, the
inputs and the negatives (issue 14), fixed in general: good statements that must stay quiet beside
bad ones that must be reported, in wordings of our own from across children's services, not the
sets'. Each table was written and committed before the rule it tests."""

from __future__ import annotations

import pytest

from lm_excel.model import ModelRecords

from .modelkit import example, example_with_negatives, findings_at, row


# --- unused inputs: what serves the evaluation or oversees the whole is not used by a component ---


@pytest.mark.parametrize("resource, kind, flagged", [
    # the evaluation, and who oversees the whole: no component uses them
    ("Northgate Research (evaluation partner)", "Partnership", False),
    ("Independent evaluator from the University of Leeds", "Other", False),
    ("University evaluation team", "Partnership", False),
    ("Evaluation officer (0.5 FTE)", "Staff", False),
    ("Local research and evaluation partnership", "Partnership", False),
    ("Multi-agency steering group", "Partnership", False),
    ("Programme board with police, health and schools", "Partnership", False),
    ("Governance through the safeguarding children partnership", "Partnership", False),
    ("Case recording system (Liquidlogic)", "Technology", False),
    ("Shared early help data system", "Technology", False),
    # added after the first landing, in search of false alarms: what the evaluation measures with,
    # and the backing every component relies on
    ("Performance and data team", "Staff", False),
    ("Joint strategic needs assessment", "Other", False),
    ("Local needs analysis for early help", "Other", False),
    ("Licence for the outcome measures (SDQ, WEMWBS)", "Other", False),
    ("Senior leadership buy-in", "Other", False),
    ("Commitment from head teachers", "Partnership", False),
    # people a component would use: still reported when none does; things (a minibus, laptops,
    # rooms) are not, since session 9 (an unused thing was never a gap on a first run)
    ("Family support workers (4 FTE)", "Staff", True),
    ("Programme manager", "Staff", True),
    ("Laptops and phones for outreach workers", "Technology", False),
    ("Video-call licences for virtual sessions", "Technology", False),
    ("Clinical supervision from a psychologist", "Staff", True),
    ("Board games and play equipment for sessions", "Other", False),
    # people offered as a resource, not the people the service is for (a noted risk of the last fix)
    ("Families' own volunteers", "Other", True),
    ("Parents trained as peer supporters", "Other", True),
    ("Young people as peer mentors", "Other", True),
    ("Care leavers as paid apprentices in the team", "Other", True),
    ("Foster carers who volunteer as buddies", "Other", True),
    ("Parents with lived experience", "Other", True),
    ("Electronic monitoring equipment", "Technology", False),
    ("Data-enabled phones for young people", "Technology", False),
    # ... while the people it is for stay a premise
    ("Families in the pilot wards", "Other", False),
    ("Children aged 0-5 and their parents", "Other", False),
    ("Young people open to the youth justice service", "Other", False),
    ("Kinship carers in the borough", "Other", False),
])
def test_evaluation_and_governance_are_not_unused_inputs(resource, kind, flagged):
    rec = example()
    rec.elements["inputs"].append({"id": "IN9", "resource": resource, "type": kind})
    assert bool(findings_at(rec, "input-unused", "IN9")) == flagged


# --- negatives: a post is a delivery risk only when it is a job --------------------------------


@pytest.mark.parametrize("consequence, flagged", [
    # jobs and time: delivery risks
    ("Key posts left vacant for months", True),
    ("Specialist posts are hard to fill in a rural county", True),
    ("Health visitors too busy to take part in joint visits", True),
    ("Schools too busy to release staff for training", True),
    # not a job: a post that names people, or something else
    ("Posts on the project's social media identify families who take part", False),
    ("Children's photos in blog posts reveal where they live", False),
])
def test_posts_are_delivery_risks_only_when_they_are_jobs(consequence, flagged):
    rec = example_with_negatives(consequence, "Funding for the service ends after two years")
    assert bool(findings_at(rec, "negatives-delivery-only", "NC1")) == flagged


# --- mechanisms: a label or a quality, and delivery described at length --------------------------


def _mechanism(text: str):
    rec = example()
    row(rec, "mechanisms", "M2")["mechanism"] = text
    return rec


@pytest.mark.parametrize("text, flagged", [
    # a label or a quality with no account, its process word only an adjective or a means
    ("A trusted adult in school", True),
    ("Trusted key adult", True),
    ("Nurturing relationships with foster carers", True),
    ("Safe, warm and stable home", True),
    ("Consistent and reliable personal adviser", True),
    ("Strengths-based conversations", True),
    ("Supportive school environment", True),
    ("Motivational interviewing with parents", True),
    ("Supervision by an advanced practitioner", True),
    ("Engagement through sport", True),
    ("Co-production through a parent carer forum", True),
    ("Protective relationships with safe adults", True),
    # a noun and 'of' with no verb is a noun phrase, not an account (session 7)
    ("Continuity of health visitor", True),
    pytest.param("Positive role models", True, marks=pytest.mark.xfail(
        strict=True, reason="'models' is read as a verb after 'role' ('Mentor models calm')")),
    ("Mentoring by care-experienced adults", True),
    ("Encouraging and motivating environment", True),
    ("Trauma-informed, child-centred culture", True),
    ("Consistent boundaries and routines at home", True),
    # short, but a process in people or a verb of its own: left alone
    ("Trust lets parents speak openly", False),
    ("Children feel safe with their carers", False),
    ("Carers understand the child's behaviour", False),
    ("Young people feel listened to", False),
    ("Pupils belong, so they attend", False),
    ("Practitioners gain confidence to ask about abuse", False),
    ("Parents trust the health visitor", False),
    ("Building trust with the family", False),
    ("A trusted relationship continues beyond 18", False),
    ("Help arrives before crisis point", False),
    ("Parents feeling heard and understood", False),
    ("Carers stay calm under pressure", False),
    ("Family networks step in", False),
    ("Young people see a way out", False),
    ("Learning through play with other children", False),
    ("Encouraging parents to read with their child", False),
    ("Modelling calm responses to conflict", False),
    ("Feeling believed by a professional", False),
    # added after the first landing, in search of false alarms: a state in people named by its noun
    # (what realist evaluators call the reasoning), and a change with its means, are left alone
    ("Trust in the key worker", False),
    ("Hope for a different future", False),
    ("Belief in their own ability", False),
    ("Motivation to change their drinking", False),
    ("Parents' sense of control", False),
    ("Awareness of exploitation risks", False),
    ("Relief from practical pressures", False),
    ("Time and space to reflect", False),
    ("A second chance after exclusion", False),
    ("Reduced shame through shared experience", False),
    ("Better sleep through calmer bedtimes", False),
])
def test_a_mechanism_that_is_only_a_label_or_a_quality_is_reported(text, flagged):
    assert bool(findings_at(_mechanism(text), "mechanism-no-causal-account", "M2")) == flagged


@pytest.mark.parametrize("text, flagged", [
    # who delivers, where, when and how often, with who chairs or attends: delivery at any length
    ("Specialist nurses on the postnatal ward four mornings a week working alongside midwives", True),
    ("Family support worker based in each primary school two days a week", True),
    ("Fortnightly reflective group facilitated by a clinical psychologist, with foster carers and "
     "their supervising social workers", True),
    ("Multi-agency risk meeting chaired by the domestic abuse lead, with police, health and housing "
     "round the table", True),
    ("Educational psychologist attached to the SEND team one day a week, working with SENCOs", True),
    ("Personal advisers co-located in the housing office three days a week", True),
    ("Monthly practice forum led by the principal social worker for all frontline staff", True),
    ("Strategy discussion within a day, attended by police, health and children's social care", True),
    ("Daily huddle in the early help hub, chaired by the team manager", True),
    ("Youth justice worker at the police station on weekday evenings and at weekends", True),
    ("Kinship worker visiting the carer's home every month", True),
    ("Weekly two-hour group for fathers at the family hub, run by two trained facilitators", True),
    # the same people, places and meetings, with what follows from them: left alone
    ("Specialist nurses on the ward notice early signs of low mood, so mothers get help sooner", False),
    ("A family support worker based in school is someone parents already know, so they ask for "
     "help earlier", False),
    ("Carers in a fortnightly group led by a psychologist learn to read the child's behaviour as "
     "communication", False),
    ("Police, health and housing at one meeting share what they know, so the plan covers every risk", False),
    ("Youth workers in the custody suite reach young people at a moment when they are open to help", False),
    ("Personal advisers in the housing office sort tenancy problems before they lead to eviction", False),
    ("Workers who visit every month spot problems before the placement breaks down", False),
    ("Regular supervision by an advanced practitioner keeps social workers reflective and confident", False),
    ("Mothers who attend weekly groups meet others like them and feel less alone", False),
    ("Teachers coached by the educational psychologist adapt lessons, so pupils with SEND keep up", False),
    ("Being seen by the same worker each week means young people do not retell their story", False),
    ("Daily huddles chaired by the team manager catch new risks early", False),
    ("Weekly sessions run by trained volunteers give parents a break and someone to talk to", False),
])
def test_a_mechanism_that_describes_delivery_at_length_is_delivery(text, flagged):
    got = findings_at(_mechanism(text), "mechanism-no-causal-account", "M2")
    assert bool(got) == flagged
    if flagged:
        assert "delivery" in got[0].message or "approach or activity" in got[0].message


# --- a mislink judged by one word of prevention, or by offending beside reoffending -------------


def _branch(mechanism: str, linked: str, other: str) -> ModelRecords:
    """The worked example with M7 (from C1) leading to a new outcome OC12 only, beside OC13 on a
    branch of its own."""
    rec = example()
    rec.elements["outcomes"] += [
        {"id": "OC12", "outcome": linked, "timescale": "Long term", "direction": "Decrease"},
        {"id": "OC13", "outcome": other, "timescale": "Long term", "direction": "Decrease"}]
    rec.elements["mechanisms"].append({"id": "M7", "mechanism": mechanism, "triggered_by": "C1",
                                       "leads_to": "OC12"})
    return rec


@pytest.mark.parametrize("mechanism, linked, other, flagged", [
    # what prevents a change is not what the other outcome is about; offending is what reoffending
    # counts again (held-out set 12's false alarm, in our own words)
    ("Avoiding a court appearance stops the child being labelled, so they stay out of offending",
     "Reduced reoffending", "Cost avoidance for courts and police", False),
    ("Early help prevents problems reaching a crisis", "Fewer children entering care",
     "Prevention of homelessness among care leavers", False),
    # speaking of the other outcome's own things: still reported
    ("Young people learn to manage their anger and avoid fights",
     "More care leavers in employment", "Less anger and fewer fights among young people", True),
])
def test_a_word_of_prevention_alone_does_not_make_a_mislink(mechanism, linked, other, flagged):
    assert bool(findings_at(_branch(mechanism, linked, other), "mechanism-mislinked", "M7")) == flagged


# --- negatives: money and finance systems are delivery risks ------------------------------------


@pytest.mark.parametrize("consequences, flagged", [
    (("Budget overspent in the first year", "Finance system too slow to pay suppliers",
      "Pilot funding ends before the evaluation reports"), True),
    (("Invoices from providers paid late", "Procurement delays the new contract"), True),
    # held out 13's missed plant, in our own words: a grant cut, referrals drying up
    (("Schools stop referring when the grant is cut", "Volunteers drop out before training ends"), True),
    (("Families come to rely on payments, and help stops when the budget ends",
      "Finance system too slow to pay suppliers"), False),
])
def test_money_and_finance_systems_are_delivery_risks(consequences, flagged):
    assert bool(findings_at(example_with_negatives(*consequences), "negatives-delivery-only", "NC1")) == flagged
