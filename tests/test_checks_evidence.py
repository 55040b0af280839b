"""The checker on real published UK logic models (issue 14): every finding has an evaluator's
judgement on record, the planted defect of each copy is found at the right element, and the
figures in docs/checks.md are the ones the models give now."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .published import figures, finding_keys, judgements, published_models, table

MODELS = published_models()
DOCS = Path(__file__).resolve().parents[1] / "docs" / "checks.md"


def test_the_set_has_tuning_and_held_out_models_each_citing_its_sources():
    assert len([m for m in MODELS if m.holdout]) >= 6 and len([m for m in MODELS if not m.holdout]) >= 5
    for m in MODELS:
        assert m.data["sources"] and all(re.match(r"https?://", u) for u in m.data["sources"]), m.key


@pytest.mark.parametrize("m", MODELS, ids=lambda m: m.key)
def test_every_finding_has_a_judgement_on_record(m):
    """A rule change that adds or removes a finding on these models must be judged again."""
    judged = judgements()[m.key]
    clean = finding_keys(m.check())
    assert sorted(judged["clean"]) == sorted(clean)
    planted = finding_keys(m.check(planted=True))
    assert sorted(judged["planted"]) == sorted(k for k in planted if k not in clean)


# Planted defects the rules missed on their set's first run (held out 8 to 34), kept in view until
# a rule catches them: strict, so this test fails (and the entry must go) once one is found.
MISSED_ON_FIRST_RUN = {
    # "constructive_resettlement_camden" (held out 20: the caseworker 'collects the young person at the gate')
    # and "slt_youth_justice_wales" (held out 21: 'The therapist sees each child at the youth justice office
    # within 15 working days ...') were here until issue 14's fix after cycle B's first run (tuned on):
    # collecting or seeing someone is a contact of the service, not acting on them or perceiving.
    # "scottish_mentoring_leadership" (held out 8: a mechanism restating two outcomes with a verb,
    # 'Mentoring increases ...') was here until issue 14's set-9 round: a mechanism whose words are
    # those of two or more of the outcomes it leads to is now a restatement.
    # "creating_opportunities_forum" (held out 9: three changes after a comma and 'with', 'more
    # confident, with stable housing and better family relationships') was here until issue 14's
    # set-9 round: people describing a construct ('family relationships') no longer end the list,
    # and the change before ', with' joins it.
    # "ap_specialist_taskforce" (held out 10: 'Specialists on site three days a week working alongside
    # teachers ...') and "whole_family_wellbeing_funding" (held out 11: 'Monthly multi-agency locality
    # panel chaired by ...') were here until issue 14's set-10 round: two details of delivery (how
    # many days a week, on site, chaired by) with no account are delivery, and who chairs is no account.
    # "whole_school_approach_wales" (held out 10: two changes joined by 'as well as') was here until
    # issue 14's session-5 round: 'as well as', 'alongside', 'plus' and 'together with' join as 'and' does.
    # "early_intervention_support_service" (held out 11: 'Home life calmer, children's behaviour
    # better') and "reflective_fostering" (held out 11: 'Carers attend at least seven of the ten group
    # sessions') were here until issue 14's session-5 round: clauses that each say what changes and
    # its direction, in either order, are separate changes; taking part in the service is an output.
    # "home_start_volunteer_visiting" (held out 13: negatives that are all delivery risks, 'Health
    # visitors stop referring when the early help grant is cut' among them) was here until issue 14's
    # fix after held out 13's first run (tuned on): a grant is a delivery risk, as funding is.
    # "mental_health_support_teams" (held out 13: direction Increase on 'Shorter waits ...') and
    # "school_nursing_scotland" (held out 13: 'More pupils referred to the school nurse through the
    # nine pathways') were here until issue 14's session-6 wording round (tuned on): the direction
    # lexicon has words of size and time ('shorter', 'briefer', 'quicker waiting times'), and people
    # referred, signposted, supported by or enrolled on the service are whom it reached.
    # "wirral_we_can_talk" (held out 11: negatives that are all delivery risks, posts hard to fill,
    # COVID-19 restrictions, social workers too busy to attend) was here until issue 14's set-11
    # round: vacant posts, busy staff, workload and pandemic restrictions are now delivery risks.
    # "devolved_budgets_darlington" (held out 12: negatives that are all delivery risks about money,
    # 'Finance system too slow to pay suppliers quickly' among them) was here until issue 14's fix after
    # held out 12's first run: finance, suppliers, invoices, procurement and under- or overspends are
    # delivery risks.
    # "suffolk_diversion" (held out 12: 'More victims contacted and offered restorative justice',
    # beside output OP3 counting it) was here until the fix after the twelfth set's first run (tuned
    # on): the people the service contacts, offers, sees, assesses or trains are whom it reached.
    # "virtual_school_cwsw" and "derby_speech_language_pathway" (held out 14: professionals attending
    # the training; 'Children's language improves by age 3 and parents feel more confident to
    # support it'), "nurture_groups_ni" and "cedar_scotland" (held out 15: 'Each child completes two
    # to four terms in the group ...'; '... and their own mental health both improve') were here
    # until the wording fixes after cycle A's first run (tuned on): professionals are people,
    # completing a dose of the service is taking part, a verb of change may have words after it,
    # and 'X and Y both improve' is two changes.
    # "navigator_scotland" (held out 15: negatives that are all delivery risks of a hospital
    # service, a rota leaving night shifts uncovered, ED staff not flagging patients when the
    # department is overwhelmed, late funding) was here until issue 14's fix after held out 15's
    # first run (tuned on): rotas, shifts and cover are delivery, a department overwhelmed is not a
    # harm to people, and flagging is referring.
    # "achieving_change_together" (held out 14: a mechanism restating its outcome in other words after a
    # means, 'Through key work, young people come to understand ...') was here until issue 14's fix
    # after held out 14's first run (tuned on): a means is no account of what follows, light verbs
    # ('come to', 'go down') add nothing, and 'exploitation' is 'exploited'.
    # "short_breaks_disabled_children" (held out 14: negatives that are all delivery risks, carers not
    # recruited, providers handing back contracts, beds closed after an Ofsted inspection) was here
    # until issue 14's fix after held out 14's first run (tuned on): inspection, regulation, beds and
    # places closed are delivery risks; and (the lead's fix at the same time) a negative counts as a
    # harm only with evidence of one.
    # "missing_return_interviews" (held out 14: a mechanism that describes delivery, contact within 72
    # hours and the interview form at home or at school) was here until issue 14's fix after held out
    # 14's first run (tuned on): how soon and where a contact happens, verbs of delivery in the present
    # tense and the paperwork are details of delivery.
    # "universal_health_visiting_scotland" (held out 15: a mechanism that describes delivery, a
    # schedule of reviews at set ages and where they are recorded) was here until issue 14's fix
    # after held out 15's first run (tuned on): a schedule of contacts by age or interval, where a
    # contact is recorded and who does it ('by the named health visitor') are details of delivery.
    # "mash_front_door" (held out 16) was here until issue 14's fix after held out 16's first run (tuned on).
    # "private_fostering" (held out 16: 'Statutory visits carried out every six weeks ...') and
    # "family_support_hubs_ni" (held out 17: 'Member agencies attend every fortnightly hub meeting
    # ...') were here until the wording fix after cycle B's first run (tuned on): the service's
    # contacts carried out or undertaken, and partner agencies attending its meetings, are outputs.
    # "holiday_activities_food" (held out 16) was here until issue 14's fix after held out 16's first run (tuned on).
    # "focus_on_practice_triborough", "pins_neurodiversity_schools" (held out 18) and "roots_of_empathy_ni",
    # "school_liaison_police_wales" (held out 19) were here until the wording fix after cycle A's first
    # run (tuned on): 'been through' the course is taking part; what a class gets 'from the officer' is
    # delivery; two clauses of the same people, each with its own direction, are two changes.
    # "families_first_pathfinder_dorset" and "lancashire_child_first_diversion" (held out 18: a duty desk
    # 'which checks them ... and allocates a coordinator within ten working days'; 'Young people start to
    # think well of themselves and feel hopeful ...' beside 'Children see themselves in a positive way ...')
    # were here until issue 14's fix after cycle A's first run (tuned on): 'which' after a noun of the
    # service and before a verb of delivery is a relative pronoun, and a verb with a reflexive object
    # ('think well of themselves', 'see themselves') names self-esteem.
    # "elsec_pathfinder_shropshire" (held out 20) and "school_nursing_wales" (held out 21) were here until
    # the wording fix after cycle B's first run (tuned on): staff 'through' the training, and a drop-in
    # 'open' each week, are outputs; a drop-in is no 'drop'.
    # "parent_infant_relationship_team_ni" (held out 21: 'Parents get better at reading what their baby is
    # telling them and answering it' beside 'Parents respond more sensitively to their baby's cues') was here
    # until issue 14's session-8 rule (tuned on): a change said as what the outcome's own people come to do,
    # sharing a word of the outcome beyond them, with nothing of how, restates it.
    # "your_choice_london_borough" (held out 22: 'Young people gain better control over their emotions and
    # act on impulse less often' beside 'Young people are better able to manage their emotions and
    # impulses') was here until issue 14's session-9 rule (tuned on): gaining control of something is
    # coming to manage it, a change said of the outcome's own people.
    # "housing_first_youth_west_lothian" (held out 23: 'The young person manages to hold on to their home'
    # beside 'Young people sustain their tenancy for at least a year') was here until issue 14's session-9
    # rule (tuned on): a construct said in everyday words ('hold on to their home' is a tenancy) is that
    # construct.
    # "icon_abusive_head_trauma_icb" (held out 23: 'Parents less stressed by crying + more confident settling
    # baby') was here until the wording fix tuned on set 23: '+' joins as 'and', two directed states are two.
    # "bolton_dsl_supervision_schools" (held out 24: a vague outcome put in place of a specific one, 'Better
    # safeguarding practice in schools') was here until issue 14's session-10 rule (TUNED ON held out 24): an
    # improvement said only of a field of work ('safeguarding practice', 'early help') says no change.
    # "islington_amass_edge_of_care" (held out 24: a placeholder left in a mechanism, 'TBC - clinical lead to
    # write up after the carers' workshop') was here until a note set off after TBC counted as a placeholder
    # (TUNED ON held out 24).
    # "snap_north_ayrshire" (held out 25: 'Children get a better grip on their temper' beside 'Children better
    # able to control their anger') and "sos_plus_norfolk_schools" (held out 25: 'Caseworker meets the pupil
    # ... and writes up the visit for the designated safeguarding lead') were here until issue 14's fix after
    # held out 25's first run (TUNED ON): temper and anger are aggression beside a word of change, and
    # 'safeguarding' names a role, not safety.
    # "swansea_bureau_wales" (held out 25: 'Victim views gathered in every case before panel') was here until
    # issue 14's session-10 rule (TUNED ON held out 25): a thing the service gathers or gives, as the subject
    # of a passive of gathering or giving with only for whom, when or where after it, is an output.
    # "surrey_youth_restorative_intervention" (held out 26: 'Fewer of the young people come back through the
    # panel with a new offence' beside 'Reduced proven reoffending within 12 months') was here until issue
    # 14's fix after held out 26's first run (TUNED ON): 'a new offence' is reoffending, and a share ('Fewer
    # of the young people') still names its people.
    # "blocks_transition_gm_vru" (held out 27) and "child_protection_information_sharing" (held out 26): a
    # long-term outcome feeding a short-term one that leads back to it, reported at the right element as the
    # loop it closes, were here until issue 14's session-11 rule (TUNED ON held out 26 and 27): a loop closed by
    # a link running backwards in time is that link, said once as contributes-backwards (an error). So was
    # "step_down_residential_to_foster_birmingham" (held out 28: long-term 'Better life chances' feeding the
    # short-term OC1), found by the same rule once held out 28's first run was recorded (TUNED ON held out 28).
    # "elsa_ealing_schools" ('Better SEMH outcomes for pupils'), "getting_ready_for_baby_ni" ('Risks for mums - to
    # be added after steering group') and "healthy_child_wales_health_board" ('93% of new babies seen at the 10-14
    # day health visitor contact'), held out 27, were here until issue 14's fix after its first run (TUNED ON):
    # SEMH is a broad domain, a heading with its text to come is a placeholder, a target share of people seen
    # is a count of whom the service reached.
    # "reclaiming_social_work_scaling" (held out 26: 'Details to follow from Morning Lane') and
    # "youth_justice_liaison_diversion" (held out 26: 'Screen every under-18 in custody for ...') were here
    # until issue 14's fix after held out 26's first run (TUNED ON): a promise of text is a placeholder, and an
    # order to the service with a verb of its casework acting on everyone is an activity.
    # "advocacy_rights_participation_birmingham" (held out 20: 'Plans reflect what young people asked for and
    # social workers visit when they said they would'), "safe_taskforce_haringey" (held out 22: '200+ pupils a
    # year on a SAFE intervention'), "send_pathfinder_hartlepool_darlington" and "new_belongings_care_leavers"
    # (held out 26: 'more choice and control, with fewer meetings to attend'; 'Care leavers get a better deal
    # from the council') and "edge_of_care_adolescents_devon" (held out 28: 'Less conflict at home and parents
    # more confident setting boundaries') were here until issue 14's session-11 wording rules (TUNED ON held
    # out 20, 22, 26 and 28): a clause and then professionals doing something in their practice, a number of
    # people on the service as a target, a thing said to go the other way after ', with', 'a better deal',
    # and a change and then people with a direction of their own are what they are.
    # "distress_brief_intervention_under18_scotland" ('Level 2 practitioner phones within one working day and
    # offers up to four sessions over 14 days, in school or online'), "early_action_together_wales_police"
    # ('Better lives for vulnerable people in Wales') and "inclusion_plus_dundee" (a loop of two short-term
    # outcomes said at the outcome whose link was the model's own), held out 29, were here until issue 14's
    # session-12 rules (TUNED ON held out 29): a contact schedule is delivery; whom an aim is for and where
    # they live say no change; on one timescale, a loop is said at the link back from the outcome that leads
    # on beyond it.
    # "home_learning_visits_luton_family_hubs" (held out 30: 'More play, reading and talk at home each day' set to
    # Decrease) and "st_davids_day_fund_wales" (held out 31: 'Accommodation outcome - TBC with housing') were here
    # until issue 14's session-13 rules (TUNED ON held out 30 and 31): one direction word leading a compound's list
    # is the direction of every part, and a heading naming only its kind of row with TBC after it is a placeholder.
    # "transition_hub_children_in_care_afc" (held out 30: OC3, medium term, contributing back to OC2, short term,
    # which contributes to it, reported as a backwards link), "baby_box_scotland" ('Every registered family receives
    # a box with a mattress and the safe sleep leaflet by 36 weeks'), "good_behaviour_game_primary" ('Better
    # behaviour') and "mecsh_health_visiting_england" ('Parents respond more sensitively to their baby ...' beside
    # 'More sensitive, responsive parenting'), held out 31, were here until issue 14's session-13 rules (TUNED ON
    # held out 30 and 31): two outcomes of neighbouring timescales feeding each other are a circle; a thing handed
    # over (a box, a kit, a device) is what people are given, whatever its topic's words; a behaviour said only to
    # get better is a domain; doing something more or less in a manner is the outcome's change said again.
    # Held out 33 (rules frozen at a8184ec, session 13's start): all seven planted defects found on its first run.
    # Held out 35 (rules frozen at 0fc4ca6, F1, session 13's freeze): all ten planted defects found on its first run.
    "independent_visitors_hertfordshire": "held out 34: a compound outcome ('Children have higher self-esteem "
                                          "and do better at school'), not reported",
}
# Planted defects found on the first run whose expected code is also reported at the same element of the
# clean copy for another reason, so the test cannot tell the plant from the clean finding.
PLANT_SAME_AS_CLEAN = {
    "youth_engagement_progression_wales": "held out 17: found on the first run (C2 restates input IN2), but by an "
                                          "entry slip the clean copy's C2 ('Lead worker') already restates IN2 "
                                          "('Lead workers (youth workers)')",
    # "kinship_connected" (held out 11) was here until issue 14's session 8: the clean copy's M1 ('Peer
    # support') was reported with the plant's code, as restating component C2; it is now said as a label.
}
# Planted defects found once and given up on purpose, for precision on new text.
GIVEN_UP = {
    "lifelong_links": "held out 5: M3 linked to the wrong outcome shares one word ('placement') with the right "
                      "one; since session 9 a mislink needs two words in common, as one shared word was a false "
                      "alarm on five held-out first runs ('court', 'development', 'safety', 'placement', 'pupils')",
}
NOT_TOLD_APART = {**MISSED_ON_FIRST_RUN, **PLANT_SAME_AS_CLEAN, **GIVEN_UP}
PLANTED = [pytest.param(m, marks=pytest.mark.xfail(strict=True, reason=NOT_TOLD_APART[m.key]))
           if m.key in NOT_TOLD_APART else m for m in MODELS]


@pytest.mark.parametrize("m", PLANTED, ids=lambda m: m.key)
def test_the_planted_defect_is_found_at_the_right_element(m):
    expect = m.data["plant"]["expect"]
    found = [(f.code, f.element_id) for f in m.check(planted=True).all_findings()]
    assert (expect["code"], expect["element"]) in found
    assert (expect["code"], expect["element"]) not in [(f.code, f.element_id) for f in m.check().all_findings()]


def test_precision_on_the_tuning_set_is_at_least_19_in_20():
    f = figures([m for m in MODELS if not m.holdout], judgements())
    assert f["precision"] >= 0.95 and f["planted_found"] == f["planted"]


def test_the_figures_in_the_docs_are_current():
    assert table() in DOCS.read_text(encoding="utf-8")
