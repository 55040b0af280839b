"""The design when the model's own words change who or what a fair comparison is (issue 18, item 6).

Three kinds an evaluator would state in one sentence each:

* **One body's own plan for a national duty.** A schedule or duty every authority has is national,
  but a plan by one authority or trust to recover or improve its own delivery of it is that body's
  own work: the bodies without such a plan, running the same duty, are a fair comparison.
* **Small groups, no reach.** Support given in small groups (a dozen or fewer), with no yearly reach
  stated, may reach too few people for a comparison to show a change: a feasibility stage comes
  first, and the reach decides what follows.
* **Comparators follow the lead body's geography.** In England the DfE's statistical neighbours
  group councils; a system led by the NHS (an integrated care board, an NHS trust, CAMHS) is
  compared with similar NHS areas.
* **A count of people identified** (young carers recorded by schools) rises as a service finds
  more of them and is the same for everyone it helps: it is context, not the test of impact.

The sentences here are our own, written for these probes before the rules existed.
"""

from __future__ import annotations

import pytest

from lm_excel.measures.design import MeasureUse, read_setting, recommend

from .modelkit import example_delivered, model_of

NATIONAL = "Whole local authority, as in every authority (a national duty or programme)"
WHOLE = "Whole local authority"
PARENTS = "Individual parents or other adults"
ATTAINMENT = MeasureUse("OC4", "outcome", "Educational attainment", "administrative", True,
                        "attainment")
WAITS = MeasureUse("OC4", "outcome", "Waiting times from referral to help", "administrative", True,
                   "waiting_times", "local management information")
SURVEY = MeasureUse("OC8", "outcome", "Parental Stress Scale", "validated instrument", True, "pss")
PROCESS = MeasureUse("OP1", "process", "Output count from management information",
                     "administrative", key="output_count")


def _design(summary: str = "", target: str = "", uses=(ATTAINMENT, SURVEY, PROCESS),
            organisation: str = "", **delivery):
    delivery.setdefault("nation", "England")
    records = example_delivered(**delivery)
    records.intervention["summary"] = summary
    records.intervention["target_population"] = target
    if organisation:
        records.intervention["organisation"] = organisation
    return recommend(model_of(records), list(uses))


def _text(design) -> str:
    return " ".join(f"{s.title}. {s.detail} {s.why}" for s in design.strands)


# --- one body's own plan for a national duty -------------------------------------------------

OWN_PLAN = [
    "The trust's recovery plan brings every overdue two-year review back within the national "
    "timescale: extra clinics, evening slots and reminders.",
    "An improvement plan after the inspection: the council puts right how it meets its duty to "
    "visit children in care.",
    "Clear the backlog of overdue health assessments for children in care, with two extra nurses.",
]
NOT_OWN_PLAN = [
    "Every council runs the holiday programme with free meals and activities for pupils on free "
    "school meals.",
    "Advisers help each care leaver draw up a pathway plan and review it every six months.",
    "Every family gets a plan agreed with their lead practitioner.",
    "A family recovery programme: one key worker for every family with parents misusing drugs.",
]


@pytest.mark.parametrize("summary", OWN_PLAN)
def test_the_setting_reads_a_bodys_own_plan(summary):
    records = example_delivered(delivery_unit=NATIONAL, nation="England")
    records.intervention["summary"] = summary
    assert read_setting(model_of(records)).own_plan


@pytest.mark.parametrize("summary", NOT_OWN_PLAN)
def test_a_national_programme_or_a_personal_plan_is_no_bodys_own_plan(summary):
    records = example_delivered(delivery_unit=NATIONAL, nation="England")
    records.intervention["summary"] = summary
    assert not read_setting(model_of(records)).own_plan


@pytest.mark.parametrize("summary", OWN_PLAN)
def test_a_bodys_own_plan_for_a_national_duty_is_compared_with_the_bodies_without_it(summary):
    d = _design(summary, "All children due a review in the area.", delivery_unit=NATIONAL)
    first = d.strands[0]
    assert first.title == "Interrupted time series with comparator authorities"
    assert "statistical neighbours" in first.detail
    assert "own" in first.why and "national trend" not in first.why
    # the user chose the national unit: the strand does not tell them to choose it
    assert "say so in the Unit of delivery" not in first.why
    assert not [g for g in d.missing if "reaches a year" in g.plain]


def test_in_northern_ireland_the_other_trusts_are_the_comparison():
    d = _design(OWN_PLAN[0], "", delivery_unit=NATIONAL, nation="Northern Ireland")
    first = d.strands[0]
    assert first.title.startswith("Interrupted time series")
    assert "the other Health and Social Care Trusts" in first.detail
    assert "other Trusts" in first.why and "statistical neighbours" not in _text(d)


@pytest.mark.parametrize("summary", NOT_OWN_PLAN)
def test_a_national_programme_keeps_its_design(summary):
    first = _design(summary, "", delivery_unit=NATIONAL, reach="450").strands[0]
    assert not first.title.startswith("Interrupted time series")


def test_a_recovery_plan_for_work_of_the_authoritys_own_is_unchanged():
    """The rule is about a national duty: an authority-wide model keeps its own wording."""
    first = _design(OWN_PLAN[0], "", delivery_unit=WHOLE).strands[0]
    assert first.title == "Interrupted time series with comparator authorities"
    assert "say so in the Unit of delivery" in first.why


# --- small groups with no reach stated ---------------------------------------------------------

SMALL_GROUPS = [
    "Parents meet weekly for ten weeks in groups of 6-10, led by two trained facilitators.",
    "A course for fathers run in groups of up to eight, one evening a week.",
    "Young carers meet in small groups of about twelve after school.",
    "Carers join a group of eight to ten other kinship carers for six sessions.",
]
NOT_SMALL_GROUPS = [
    "Parents meet weekly for ten weeks in groups led by two trained facilitators.",
    "Groups of 15-20 parents meet in the family hub each term.",
    "A worker visits each family at home every week for six months.",
    "The programme runs in groups of schools across the county.",
    # an offer open to everyone: many small groups reach many people
    "Ten weekly sessions in groups of up to twelve, open to any parent in the borough.",
    "A universal course: groups of 8-10 parents meet in every family hub each term.",
]


@pytest.mark.parametrize("summary", SMALL_GROUPS)
def test_the_setting_reads_small_groups(summary):
    records = example_delivered(delivery_unit=PARENTS, nation="England")
    records.intervention["summary"] = summary
    assert read_setting(model_of(records)).small_groups


@pytest.mark.parametrize("summary", NOT_SMALL_GROUPS)
def test_large_groups_visits_or_groups_of_schools_are_not_small_groups(summary):
    records = example_delivered(delivery_unit=PARENTS, nation="England")
    records.intervention["summary"] = summary
    assert not read_setting(model_of(records)).small_groups


@pytest.mark.parametrize("summary", SMALL_GROUPS)
def test_small_groups_with_no_reach_stated_get_a_feasibility_stage_first(summary):
    d = _design(summary, "", delivery_unit=PARENTS)
    first = d.strands[0]
    assert first.title == "Pilot now, comparison later"
    assert "reach" in first.why and "feasibility" in first.detail
    assert [g for g in d.missing if "reaches a year" in g.plain]  # the plan still asks for it


@pytest.mark.parametrize("summary", SMALL_GROUPS)
def test_small_groups_with_a_large_reach_keep_the_comparison(summary):
    first = _design(summary, "", delivery_unit=PARENTS, reach="150").strands[0]
    assert first.title.startswith("Matched comparison group of")


def test_small_groups_allocated_by_lot_keep_the_trial():
    first = _design(SMALL_GROUPS[0], "", delivery_unit=PARENTS,
                    allocation="Yes, by lot (at random)").strands[0]
    assert first.title == "Randomised controlled trial"


@pytest.mark.parametrize("summary", NOT_SMALL_GROUPS)
def test_no_small_groups_keeps_the_comparison(summary):
    first = _design(summary, "", delivery_unit=PARENTS).strands[0]
    assert first.title.startswith("Matched comparison group of")


# --- comparators follow the lead body's geography ----------------------------------------------

NHS_LED = [
    "NHS children and young people's mental health services (CAMHS) with the council's early help",
    "An integrated care board's safeguarding team with maternity and health visiting services",
    "The community NHS trust's school nursing service",
]
COUNCIL_LED = [
    "A county council's children's services with the NHS trust's health visitors",
    "Local authority public health with the health visiting provider",
    "A borough council, with CAMHS and the integrated care board as partners",
]


@pytest.mark.parametrize("organisation", NHS_LED)
def test_an_nhs_led_system_in_england_is_compared_with_similar_nhs_areas(organisation):
    d = _design("", "", uses=(WAITS, SURVEY, PROCESS), organisation=organisation,
                delivery_unit=WHOLE)
    first = d.strands[0]
    assert first.title.startswith("Interrupted time series")
    assert "integrated care board" in first.detail
    assert "benchmarking tool" not in _text(d)  # the DfE's tool is not offered as the comparators
    assert "group councils" in first.detail  # and says why not


@pytest.mark.parametrize("organisation", COUNCIL_LED)
def test_a_council_led_system_keeps_statistical_neighbours(organisation):
    d = _design("", "", uses=(WAITS, SURVEY, PROCESS), organisation=organisation,
                delivery_unit=WHOLE)
    assert "statistical neighbour benchmarking tool" in d.strands[0].detail


@pytest.mark.parametrize("nation", ["Scotland", "Wales", "Northern Ireland"])
def test_outside_england_the_nations_comparators_stay(nation):
    d = _design("", "", uses=(WAITS, SURVEY, PROCESS), organisation=NHS_LED[0],
                delivery_unit=WHOLE, nation=nation)
    assert "integrated care board" not in d.strands[0].detail


# --- a count of people identified ---------------------------------------------------------------

IDENTIFIED = MeasureUse("OC1", "outcome", "Young carers identified in the school census",
                        "administrative", True, "young_carers_census")


def test_a_count_of_people_identified_is_left_out_of_a_comparison_of_people():
    d = _design("Workers support young carers referred by schools.", "",
                uses=(IDENTIFIED, SURVEY, PROCESS), delivery_unit="Individual children or young "
                "people", reach="200")
    first = d.strands[0]
    assert first.title.startswith("Matched comparison group of")
    assert "Young carers identified" not in first.detail
    assert "Young carers identified" in first.why and "context" in first.why


def test_a_published_collection_beside_own_records_is_not_called_own_records():
    waits = MeasureUse("OC4", "outcome", "Waiting times from referral to help", "administrative",
                       True, "waiting_times", "local management information; for NHS children and "
                       "young people's mental health services, the Mental Health Services Data Set "
                       "(MHSDS)")
    detail = _design("", "", uses=(waits, SURVEY, PROCESS), delivery_unit=WHOLE).strands[0].detail
    assert "local management information (your own records" in detail
    assert "(MHSDS) (your own records" not in detail


# --- courses that run again and again: the next course is the comparison -------------------------

COURSES = [
    "Parents come to a course of ten weekly sessions in the family hub; a new course starts each "
    "term.",
    "Young people join a twelve-week group run three times a year by two youth workers.",
]
NOT_COURSES = [
    "A worker visits each family at home every week for six months.",
    "Parents get one-to-one coaching on the phone when they ask.",
    "Volunteers who finished a six-week facilitator training visit families at home.",
    "Mothers referred between 12 and 26 weeks of pregnancy get a midwife's home visits in a group "
    "practice.",
]


@pytest.mark.parametrize("summary", COURSES)
def test_courses_that_run_again_name_the_next_course_as_the_comparison(summary):
    d = _design(summary, "", delivery_unit=PARENTS, reach="200")
    first = d.strands[0]
    assert first.title.startswith("Matched comparison group of")
    assert "next course" in first.why and "by lot" in first.why
    assert [g for g in d.missing if "this course and the next" in g.fix]


@pytest.mark.parametrize("summary", NOT_COURSES)
def test_support_one_to_one_does_not_speak_of_courses(summary):
    d = _design(summary, "", delivery_unit=PARENTS, reach="200")
    assert "next course" not in _text(d)
    assert not [g for g in d.missing if "this course and the next" in g.fix]
