"""Kinds the chain and negatives rules missed on new models (issue 14, session 7), judged by the
STRUCTURE of a statement rather than by its words, as tables of our own in new wording from every
agency and nation, written before the rules changed:

- a mechanism that restates the outcome it leads to in other words or word forms (a change in
  the same construct, with nothing said of how it comes about);
- a mechanism whose subject is a service event, a time, a place, a frequency or a record
  (delivery, whatever the words);
- negative consequences that are all risks to delivery in new words (the people served not
  taking part is take-up, a risk to delivery).

Batch X (``*_X``) was used for tuning; batch Y (``*_Y``) was kept out and run once: its first run
is recorded in docs/checks.md and the cases still missed are strict xfails."""

from __future__ import annotations

import pytest

from .modelkit import (example, example_with_negatives, findings_at, mechanism_is_delivery,
                       mechanism_restates, row)




RESTATED_X = [
    ("Through group sessions, parents come to feel less stressed as parents", "Reduced parenting stress", True),
    ("By the end of the course, carers feel less anxious about the child's behaviour",
     "Reduced anxiety among foster carers", True),
    ("With a mentor's support, young people grow in confidence", "Young people are more confident", True),
    ("Over time, children become less lonely", "Reduced isolation among children in care", True),
    ("Families feel more settled where they live", "Greater placement stability for children", True),
    ("Through the sessions, mothers feel their mood lift", "Improved maternal wellbeing", True),
    # an account: a change that brings about another, or a consequence said
    ("Parents feel less stressed, so they have more patience with their children", "Reduced parenting stress", False),
    ("Group sessions reduce isolation, which eases parents' stress", "Reduced parenting stress", False),
    ("Mothers trust the midwife, so they feel less anxious", "Reduced maternal anxiety", False),
    ("Young people feel more confident", "Improved school attendance", False),
    ("Carers understand the child's behaviour as communication", "Reduced carer stress", False),
    ("Parents feel less isolated", "Reduced parenting stress", False),
    # our own probes after the first rules (tuned on): a means before the change, word forms
    ("Attending the group, mothers become calmer and less depressed", "Improved maternal mood", True),
    ("Pupils become more motivated", "Increased motivation to learn", True),
]

RESTATED_Y = [
    ("Through peer support, dads come to feel less anxious", "Fathers' anxiety reduces", True),
    ("Over the programme, young carers feel less isolated", "Young carers are less lonely", True),
    ("With the mentor's help, children grow more resilient", "Increased resilience in children", True),
    ("In the group, women feel more hopeful about the future", "Women have greater hope for the future", True),
    ("Pupils feel less worried in class", "Reduced anxiety among pupils", True),
    ("Through supervision, staff feel less stressed at work", "Lower stress among social workers", True),
    ("Youth workers listen without judging, so young people feel less anxious about asking for help",
     "Young people's anxiety falls", False),
    ("Children feel safe with their carers, so they settle", "Greater placement stability", False),
    ("Parents feel less alone", "Improved parental confidence", False),
    ("Young people feel respected by the police", "Fewer young people reoffend", False),
]


@pytest.mark.parametrize("mechanism, outcome, flagged", RESTATED_X)
def test_x_a_mechanism_restating_its_outcome_in_other_words(mechanism, outcome, flagged):
    assert mechanism_restates(mechanism, outcome) == flagged, mechanism


@pytest.mark.parametrize("mechanism, outcome, flagged", RESTATED_Y)
def test_y_a_mechanism_restating_its_outcome_in_other_words(mechanism, outcome, flagged):
    assert mechanism_restates(mechanism, outcome) == flagged, mechanism




DELIVERY_X = [
    ("A daily triage meeting screens every new contact", True),
    ("Fortnightly review meetings with the family and the social worker", True),
    ("Cases are allocated within two working days of the strategy meeting", True),
    ("Practitioners record each contact on the case management system", True),
    ("The panel meets monthly and agrees a plan for each young person", True),
    ("Sessions take place in the school library on Tuesday afternoons", True),
    ("A follow-up phone call a week after discharge", True),
    ("Assessments are completed by the duty team within ten days", True),
    ("Weekly sessions let young people build trust in a worker, so they talk about what worries them", False),
    ("A daily meeting means concerns are acted on the same day, so children are protected sooner", False),
    ("Regular reviews show parents their progress, which keeps them motivated", False),
    ("Young people trust a worker who turns up every week as promised", False),
    # our own probes after the first rules (tuned on)
    ("Referrals go through a single front door and are triaged the same day", True),
    ("The duty worker phones the family the next day", True),
    ("Family group conference puts the family in charge of the plan", False),
    ("Continuity of the same worker from first contact to the end of support", False),
]

DELIVERY_Y = [
    ("Clinic appointments offered within 18 weeks of referral", True),
    ("The hub is open from 8am to 6pm, Monday to Friday", True),
    ("Each family has a review every 12 weeks with the lead professional", True),
    ("Referrals are screened by the MASH within 24 hours", True),
    ("Home visits on Saturday mornings by trained volunteers", True),
    ("The group is held in the community centre after school on Thursdays", True),
    ("Seeing the same nurse at every visit helps mothers trust her, so they mention worries early", False),
    ("A quick response within a day shows young people that adults take them seriously", False),
]


@pytest.mark.parametrize("mechanism, flagged", DELIVERY_X)
def test_x_a_mechanism_about_a_service_event_time_place_or_record_is_delivery(mechanism, flagged):
    assert mechanism_is_delivery(mechanism) == flagged, mechanism


@pytest.mark.parametrize("mechanism, flagged", DELIVERY_Y)
def test_y_a_mechanism_about_a_service_event_time_place_or_record_is_delivery(mechanism, flagged):
    assert mechanism_is_delivery(mechanism) == flagged, mechanism


def _delivery_only(*consequences: str) -> bool:
    rec = example_with_negatives(*consequences)
    return bool(findings_at(rec, "negatives-delivery-only", "NC1"))


NEGATIVES_X = [
    (("The summer scheme cannot find enough play leaders for August", "Court dates are adjourned",
      "The lease on the youth club building ends"), True),
    (("Parents do not turn up to the first session", "Schools stop releasing teaching assistants"), True),
    (("Few fathers come to the groups", "Data returns to the Department are late"), True),
    (("Police restructure the neighbourhood teams", "Partner charities lose their lottery bid"), True),
    (("Young people feel let down when the club closes for the holidays", "Court dates are adjourned"), False),
    (("Carers are exhausted by extra paperwork",), False),
    (("Schools do not send pupils to the groups", "GPs do not refer mothers"), True),
    (("Parents think the group is judging them", "The lease on the youth club building ends"), False),
]

NEGATIVES_Y = [
    (("The mobile unit breaks down in winter", "The interpreting contract ends in March"), True),
    (("The Care Inspectorate grades the service as weak", "An Estyn inspection takes managers' time"), True),
    (("GP surgeries do not use the new referral form", "Holiday club staff go on leave in August"), True),
    (("Young people stop coming once the novelty wears off", "Families choose not to use the app"), True),
    (("Children placed out of area lose touch with friends", "The mobile unit breaks down in winter"), False),
    (("Some fathers feel pushed aside by mothers' groups",), False),
]


@pytest.mark.parametrize("consequences, flagged", NEGATIVES_X)
def test_x_negatives_that_are_all_delivery_risks_in_new_words(consequences, flagged):
    assert _delivery_only(*consequences) == flagged, consequences


@pytest.mark.parametrize("consequences, flagged", NEGATIVES_Y)
def test_y_negatives_that_are_all_delivery_risks_in_new_words(consequences, flagged):
    assert _delivery_only(*consequences) == flagged, consequences


def _restated_input(resource: str, component: str) -> bool:
    rec = example()
    rec.elements["inputs"][0]["resource"] = resource
    row(rec, "components", "C3")["component"] = component
    return bool(findings_at(rec, "restated-across-sheets", "C3"))


#: A component that only names a role, known by the form of the word (our own probes, tuned on).
ROLES_X = [
    ("Trained volunteer befrienders (about 20)", "Volunteer befrienders", True),
    ("Perinatal mental health midwife", "Specialist midwife", True),
    ("Two parent peer supporters", "Parent peer supporters", True),
    ("Speech and language therapists (2 FTE)",
     "SLT sessions in nurseries, with coaching for staff on modelling language", False),
    ("Family group conference coordinators", "Family group conferences convened by an independent coordinator",
     False),
    ("Clinical psychologist", "Consultation with a clinical psychologist for foster carers", False),
    ("Two parent peer supporters", "Peer supporters who visit new parents at home", False),
]


@pytest.mark.parametrize("resource, component, flagged", ROLES_X)
def test_x_a_component_that_only_names_a_role_restates_the_input(resource, component, flagged):
    assert _restated_input(resource, component) == flagged, component


#: Those who deliver the service feeling something about delivery ('Partners worry the pilot will
#: end'): a risk to delivery, not a harm; their own distress ('Staff feel stressed') is a harm.
#: Written before the rule (X2 to tune, Y2 held out and run once).
FEELINGS_X2 = [
    (("Partners worry the pilot will end early", "Schools fear the extra workload"), True),
    (("Staff feel the training is too short",), True),
    (("GPs feel the referral form is too long",), True),
    (("Staff feel stressed by the extra caseload",), False),
    (("Practitioners feel unsafe on evening visits",), False),
]
FEELINGS_Y2 = [
    (("Managers fear the budget will not stretch to a second year",), True),
    (("Youth workers worry that the van will not be replaced",), True),
    (("Commissioners feel the service is too costly",), True),
    (("Nurses feel anxious about home visits alone",), False),
    (("Teachers feel blamed when pupils are excluded",), False),
]


@pytest.mark.parametrize("consequences, flagged", FEELINGS_X2)
def test_x2_what_deliverers_feel_about_delivery_is_a_delivery_risk(consequences, flagged):
    assert _delivery_only(*consequences) == flagged, consequences


@pytest.mark.parametrize("consequences, flagged", FEELINGS_Y2)
def test_y2_what_deliverers_feel_about_delivery_is_a_delivery_risk(consequences, flagged):
    assert _delivery_only(*consequences) == flagged, consequences


def _chosen_by_need(population: str, outcome: str) -> bool:
    """Whether Primary outcome OC1 (its text replaced) is asked about regression to the mean when
    the Intervention sheet's target population is ``population``."""
    rec = example()
    rec.intervention["target_population"] = population
    oc1 = row(rec, "outcomes", "OC1")
    oc1["outcome"], oc1["priority"] = outcome, "Primary"
    return bool(findings_at(rec, "outcome-chosen-by-need", "OC1"))


#: An evaluator's question (regression to the mean), tuned on the published models' real problems;
#: batch Y3 written after the rule and before any run of it on these cases, run once.
CHOSEN_Y3 = [
    ("Young people aged 11-16 with low school attendance referred by heads of year", "Improved attendance", True),
    ("Parents of toddlers with sleep problems", "Children sleep better", True),
    ("Care leavers who are homeless or sofa-surfing", "Care leavers in stable accommodation", True),
    pytest.param("Women experiencing domestic abuse in the borough", "Women feel safer at home", True,
                 marks=pytest.mark.xfail(strict=True, reason="missed on Y3's first run: feeling safer and abuse "
                                                             "are one family, but not one of near-synonyms")),
    ("Children aged 8-12 showing early signs of anxiety", "Reduced anxiety", True),
    ("Young people at risk of exclusion from school", "Fewer exclusions", True),
    ("Families in the borough", "Reduced parental stress", False),
    ("All pupils in participating schools", "Improved attendance", False),
    ("Pupils with SEND", "Improved attendance", False),
    ("Children with language delay at the 27-month review", "Fewer children start school with delayed language", False),
    ("Parents with concerns about their child's behaviour", "Parents feel more confident", False),
]


@pytest.mark.parametrize("population, outcome, flagged", CHOSEN_Y3)
def test_y3_an_outcome_in_the_need_people_are_chosen_by(population, outcome, flagged):
    assert _chosen_by_need(population, outcome) == flagged, (population, outcome)


#: A mechanism that is only a noun phrase, with no verb said of anyone (tuned on the published
#: models' real problems, with our own accounts beside them).
NOUN_PHRASES = [
    ("Practical help", True),
    ("Early help before crisis", True),
    ("Continuous improvement", True),
    ("Information sharing", True),
    ("Culture of high aspirations", True),
    ("Help arrives", False),
    ("Trust builds", False),
    ("Children feel safe", False),
    ("Staff share information", False),
    ("Extra help helps families", False),
]


@pytest.mark.parametrize("mechanism, flagged", NOUN_PHRASES)
def test_a_mechanism_that_is_only_a_noun_phrase_gives_no_account(mechanism, flagged):
    rec = example()
    row(rec, "mechanisms", "M4")["mechanism"] = mechanism
    assert bool(findings_at(rec, "mechanism-no-causal-account", "M4")) == flagged, mechanism


#: Tuned on cycle B (held out 20 and 21), in our own words: collecting or seeing someone is a contact
#: of the service; one thing made into another is an account.
CYCLE_B = [
    # no service event, time or record named: caught since session 8 as a procedure (staff, then
    # actions that each open with a verb of delivery)
    ("The key worker collects the young person from custody and drives them to the hostel", True),
    ("The nurse sees each mother at the clinic within ten days and emails the plan to the GP", True),
    ("Practice in the classroom turns the new strategies into daily routines", False),
]


@pytest.mark.parametrize("mechanism, flagged", CYCLE_B)
def test_cycle_b_contacts_are_delivery_and_made_into_is_an_account(mechanism, flagged):
    assert mechanism_is_delivery(mechanism) == flagged, mechanism


@pytest.mark.parametrize("population, outcome", [
    ("Children on a plan and their family network", "Children stay living with their family"),
    ("All pupils, with extra contacts for pupils with additional health needs", "Better health for pupils"),
])
def test_cycle_b_no_regression_to_the_mean_for_who_is_served_or_a_lasting_need(population, outcome):
    assert not _chosen_by_need(population, outcome)
