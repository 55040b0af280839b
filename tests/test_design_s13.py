"""The design when the model's scale, offer or population changes what a fair comparison is
(issue 18, item 6). Five kinds an evaluator would state in one sentence each:

* **Measures of other people.** A count kept only for children in care (their placement type,
  placement moves, a survey of children in care) says nothing of children a model serves outside
  care: the design does not rest on it, and the plan is told to choose another measure.
* **The workforce is a step, not the impact.** When no primary outcome on the chain has a measure,
  the design rests on the other outcomes, but not on a change in practitioners or staff when the
  primary outcomes are for children, parents or families.
* **A universal offer under a national programme.** Everyone eligible is offered it, so those who
  did not take it up chose not to: they are no fair comparison, and the contribution is explained.
* **A national programme started in planned waves.** The authorities still waiting are the
  comparison while the roll-out lasts (a stepped roll-out), not "every authority at once".
* **A team's scale is its caseload.** One or two teams are too few to compare as teams, but the
  people they serve are compared with similar people without such a team; only a small caseload
  makes it a pilot. And small groups run across a whole city or county reach many people.

The sentences here are our own, written for these probes, not copied from any labelled model.
"""

from __future__ import annotations

import pytest

from lm_excel.measures.design import MeasureUse, area_wide, read_setting, recommend

from .modelkit import example_delivered, model_of, row

NATIONAL = "Whole local authority, as in every authority (a national duty or programme)"
WHOLE = "Whole local authority"
SETTINGS = "Some schools or early-years settings"
TEAMS = "Some teams"
FAMILIES = "A cohort of families"
PARENTS = "Individual parents or other adults"

# The example model's outcomes: OC3 is for practitioners (secondary), OC4 and OC5 for parents and
# OC6 for children (primary), OC7 for children (secondary).
SDQ = MeasureUse("OC6", "outcome", "Strengths and Difficulties Questionnaire (SDQ)",
                 "validated instrument", True, "sdq", "questionnaire")
STRESS = MeasureUse("OC4", "outcome", "Parental Stress Scale", "validated instrument", True, "pss")
PLACEMENT = MeasureUse("OC6", "outcome", "Placement type and distance from home", "administrative",
                       True, "placement_type_distance", "SSDA903")
STAFF = MeasureUse("OC3", "outcome", "Practitioner survey on the new model", "bespoke", False,
                   "practitioner_survey", "survey")
ATTENDANCE = MeasureUse("OC7", "outcome", "School attendance and persistent absence",
                        "administrative", False, "school_attendance", "school census")
INCOME = MeasureUse("OC8", "outcome", "Household income, benefits and debt", "administrative", True,
                    "household_income", "local management information")
UNMEASURED = [MeasureUse(ref, "outcome", "", "", True) for ref in ("OC4", "OC5", "OC6")]
PROCESS = MeasureUse("OP1", "process", "Output count from management information",
                     "administrative", key="output_count")


def _design(summary: str = "", target: str = "", uses=(SDQ, STRESS, PROCESS), name: str = "",
            organisation: str = "", **delivery):
    delivery.setdefault("nation", "England")
    records = example_delivered(**delivery)
    records.intervention["summary"] = summary
    records.intervention["target_population"] = target
    if name:
        records.intervention["name"] = name
    if organisation:
        records.intervention["organisation"] = organisation
    return recommend(model_of(records), list(uses))


def _text(design) -> str:
    return " ".join(f"{s.title}. {s.detail} {s.why}" for s in design.strands)


def _gaps(design) -> str:
    return " ".join(g.plain for g in design.missing)


# --- measures of other people -----------------------------------------------------------------

NURSERY = ("Extra money for nurseries to support three-year-olds whose speech or behaviour "
           "worries staff, with visits from a specialist teacher.")
NURSERY_WHO = "Three- and four-year-olds in funded nursery places with emerging needs."
IN_CARE = [
    ("Extra support for foster carers of three-year-olds whose behaviour worries them.", ""),
    ("Specialist teachers visit nurseries.", "Looked-after children aged 2-4 in nursery places."),
    ("A worker helps families so that children can stay at home rather than come into care.", ""),
    ("Relatives who take on a child get a support package.", ""),
]


def test_a_measure_of_children_in_care_is_left_out_where_the_model_serves_other_children():
    d = _design(NURSERY, NURSERY_WHO, uses=(PLACEMENT, SDQ, PROCESS), delivery_unit=FAMILIES,
                reach="200")
    assert "Placement type" not in d.strands[0].detail
    assert "SDQ" in d.strands[0].detail
    assert "Placement type and distance from home (for OC6) counts only children in care" in _gaps(d)
    assert any("Choose another measure for OC6" in g.fix for g in d.missing)


@pytest.mark.parametrize(("summary", "target"), IN_CARE)
def test_a_measure_of_children_in_care_stays_where_the_model_serves_them(summary, target):
    d = _design(summary, target, uses=(PLACEMENT, PROCESS), delivery_unit=FAMILIES, reach="200")
    assert "Placement type" in d.strands[0].detail
    assert "children in care" not in _gaps(d)


def test_an_outcome_about_care_keeps_its_measure_whatever_the_summary():
    records = example_delivered(delivery_unit=FAMILIES, reach="200", nation="England")
    records.intervention.update(summary=NURSERY, target_population=NURSERY_WHO)
    row(records, "outcomes", "OC6")["outcome"] = "Fewer children move placement"
    d = recommend(model_of(records), [PLACEMENT, PROCESS])
    assert "Placement type" in d.strands[0].detail


def test_a_model_whose_only_primary_measure_counts_children_in_care_gets_a_feasibility_stage():
    """Settings paid to support individual children, with only a staff survey beside the
    mis-chosen measure: nothing to compare the children on yet."""
    d = _design(NURSERY, NURSERY_WHO, uses=(PLACEMENT, STAFF, PROCESS), delivery_unit=SETTINGS)
    first = d.strands[0]
    assert first.title == "Pilot now, comparison later"
    assert "practitioners or staff" in first.detail
    assert "children in care" in _gaps(d)


# --- the workforce is a step, not the impact ----------------------------------------------------

def test_a_change_in_staff_is_not_the_test_when_the_primary_outcomes_are_unmeasured():
    d = _design(NURSERY, NURSERY_WHO, uses=(*UNMEASURED, STAFF, PROCESS), delivery_unit=SETTINGS)
    assert d.strands[0].title == "Pilot now, comparison later"
    assert "Practitioner survey" not in _text(d)
    whole = _design(NURSERY, NURSERY_WHO, uses=(*UNMEASURED, STAFF, PROCESS), delivery_unit=WHOLE)
    assert whole.strands[0].title.startswith("Contribution analysis")
    assert "practitioners or staff" in whole.strands[0].why


def test_another_secondary_outcome_for_the_people_served_still_carries_the_design():
    d = _design(NURSERY, NURSERY_WHO, uses=(*UNMEASURED, STAFF, ATTENDANCE, PROCESS),
                delivery_unit=SETTINGS, delivery_units="12")
    assert d.strands[0].title.startswith("Matched comparison schools or settings")
    assert "School attendance" in d.strands[0].detail
    assert "Practitioner survey" not in d.strands[0].detail


def test_a_change_in_staff_carries_the_design_when_staff_are_whom_the_model_is_for():
    records = example_delivered(delivery_unit=SETTINGS, delivery_units="12", nation="England")
    records.intervention.update(summary=NURSERY, target_population=NURSERY_WHO)
    row(records, "outcomes", "OC4")["who_benefits"] = "School or early-years staff"
    d = recommend(model_of(records), [*UNMEASURED, STAFF, PROCESS])
    assert d.strands[0].title.startswith("Matched comparison schools or settings")
    assert "Practitioner survey" in d.strands[0].detail


# --- a universal offer under a national programme ------------------------------------------------

UNIVERSAL_OFFER = [
    "Every new parent in the country can register for a free starter pack of books and toys.",
    "All families with a newborn are offered a visit from a volunteer in the baby's first month.",
]
NOT_UNIVERSAL = [
    "Parents referred by their midwife can register for a free starter pack.",
    "A volunteer visits families with a newborn who ask for one.",
]


@pytest.mark.parametrize("summary", UNIVERSAL_OFFER)
def test_a_national_offer_to_everyone_is_explained_not_compared_with_those_who_declined(summary):
    d = _design(summary, delivery_unit=NATIONAL, reach="40000", nation="Scotland")
    first = d.strands[0]
    assert first.title.startswith("Contribution analysis")
    assert "chose not to" in first.why and "no fair comparison" in first.why
    assert "did not take part" not in first.title
    assert "similar councils" in first.why  # the nation's comparators, read as a benchmark


@pytest.mark.parametrize("summary", NOT_UNIVERSAL)
def test_a_national_offer_to_some_still_compares_those_who_did_not_take_part(summary):
    first = _design(summary, delivery_unit=NATIONAL, reach="40000").strands[0]
    assert first.title == "Matched comparison group of children or families who did not take part"


def test_the_setting_reads_a_right_to_register_as_an_offer():
    records = example_delivered(delivery_unit=NATIONAL, nation="England")
    records.intervention["summary"] = UNIVERSAL_OFFER[0]
    assert read_setting(model_of(records)).offered
    records.intervention["summary"] = "Every new parent in the country gets a free starter pack."
    assert not read_setting(model_of(records)).offered


# --- a national programme started in planned waves ----------------------------------------------

WAVES = "Yes, in planned waves"


def test_a_national_programme_started_in_waves_compares_the_authorities_still_waiting():
    d = _design("Funded childcare for working parents, first in a few authorities, then in all.",
                uses=(INCOME, STRESS, PROCESS), delivery_unit=NATIONAL, allocation=WAVES,
                nation="Wales")
    first = d.strands[0]
    assert first.title == "Stepped roll-out across authorities"
    assert "started first with those that started later" in first.detail
    assert "at the same time" not in first.why
    assert d.evidence_level.startswith("EIF level 3")


def test_in_northern_ireland_the_waves_are_trusts():
    first = _design("A new health visiting schedule, Trust by Trust.", delivery_unit=NATIONAL,
                    allocation=WAVES, nation="Northern Ireland").strands[0]
    assert first.title == "Stepped roll-out across Health and Social Care Trusts"


def test_a_national_programme_not_in_waves_is_unchanged():
    first = _design("Funded childcare for working parents in every authority.",
                    uses=(INCOME, STRESS, PROCESS), delivery_unit=NATIONAL).strands[0]
    assert first.title.startswith("Contribution analysis")
    assert "at the same time" in first.why


def test_an_authority_s_own_plan_under_a_national_duty_keeps_its_time_series_whatever_the_waves():
    first = _design("The council's recovery plan clears the backlog of reviews, team by team.",
                    uses=(INCOME, PROCESS), delivery_unit=NATIONAL, allocation=WAVES).strands[0]
    assert first.title.startswith("Interrupted time series")


# --- a team's scale is its caseload -------------------------------------------------------------

CRISIS = "Nurses see young people in mental health crisis at home or in A&E, seven days a week."


def test_one_team_with_no_reach_stated_compares_the_people_it_serves():
    d = _design(CRISIS, "Under-18s in crisis in two towns.", delivery_unit=TEAMS,
                delivery_units="1", organisation="An NHS foundation trust's CAMHS")
    first = d.strands[0]
    assert first.title == "Matched comparison group of the children or families the team serves"
    assert "where no such team works, or from before it began" in first.detail
    assert "similar NHS areas" in first.detail  # the area's figures, led by the NHS
    assert "how many children, families or adults it reaches a year" in _gaps(d)


def test_a_few_teams_reaching_many_are_compared_through_their_people():
    d = _design(CRISIS, delivery_unit=TEAMS, delivery_units="3", reach="400")
    assert d.strands[0].title == "Matched comparison group of the children or families the teams serve"
    assert "With 400 reached a year" in d.strands[0].why
    assert "reaches a year" not in _gaps(d)


@pytest.mark.parametrize("delivery", [
    {"delivery_units": "2", "reach": "30"},  # a small caseload: a pilot
    {"delivery_units": "2", "allocation": "Yes, by lot (at random)"},  # a draw of too few teams
])
def test_a_few_teams_with_a_small_caseload_or_drawn_by_lot_are_still_a_pilot(delivery):
    assert _design(CRISIS, delivery_unit=TEAMS, **delivery).strands[0].title == \
        "Pilot now, comparison later"


def test_many_teams_are_still_compared_as_teams():
    first = _design(CRISIS, delivery_unit=TEAMS, delivery_units="9").strands[0]
    assert first.title == "Matched comparison teams (difference-in-differences)"


# --- small groups across a whole place -----------------------------------------------------------

GROUPS = "Parents of toddlers whose behaviour worries them meet in groups of eight for ten weeks."
WIDE = [
    "Run in two towns at first, then county-wide.",
    "Practitioners across the whole city are trained to run the groups.",
    "Groups run across the borough in children's centres.",
]
NOT_WIDE = [
    "Run in two of the county's towns.",
    "The school-wide approach supports the groups.",
    "Groups run in three boroughs' youth offending services.",
]


@pytest.mark.parametrize("where", WIDE)
def test_small_groups_run_across_a_whole_place_keep_the_comparison(where):
    d = _design(f"{GROUPS} {where}", delivery_unit=PARENTS)
    first = d.strands[0]
    assert first.title == "Matched comparison group of parents or other adults"
    assert "across a whole place" in first.why and "groups of eight" in first.why
    assert "how many" in _gaps(d)  # the reach is still asked for


@pytest.mark.parametrize("where", NOT_WIDE)
def test_small_groups_in_a_few_places_still_get_a_feasibility_stage(where):
    assert _design(f"{GROUPS} {where}", delivery_unit=PARENTS).strands[0].title == \
        "Pilot now, comparison later"


@pytest.mark.parametrize("where", WIDE)
def test_the_setting_reads_work_across_a_whole_place(where):
    assert area_wide(where)


@pytest.mark.parametrize("where", [*NOT_WIDE, "A nationwide helpline.", "Across the two wards."])
def test_a_few_places_a_school_or_the_nation_is_not_a_whole_place(where):
    assert not area_wide(where)


# --- numbers in words read as in figures ---------------------------------------------------------

@pytest.mark.parametrize(("words", "figures"), [
    ("Parents meet in groups of six to thirteen.", "Parents meet in groups of 6 to 13."),
    ("Parents meet in groups of fourteen.", "Parents meet in groups of 14."),
    ("Parents meet in groups of up to eight.", "Parents meet in groups of up to 8."),
    ("A course of fifteen weekly sessions in groups.", "A course of 15 weekly sessions in groups."),
])
def test_group_sizes_and_sessions_in_words_read_as_in_figures(words, figures):
    def read(summary):
        records = example_delivered(delivery_unit=PARENTS, nation="England")
        records.intervention.update(summary=summary, target_population="")
        s = read_setting(model_of(records))
        return bool(s.small_groups), bool(s.courses)
    assert read(words) == read(figures)


# --- a service that takes everyone eligible in its area -------------------------------------------

def test_a_matched_comparison_of_people_says_where_the_comparison_comes_from_if_no_one_waits():
    """A team every unaccompanied child in a borough is allocated to has no waiting list and no
    one eligible left out: the comparison would come from other areas or from before it began."""
    first = _design("A team of social workers supports children who arrive alone in the borough.",
                    delivery_unit="Individual children or young people", reach="120").strands[0]
    assert first.title == "Matched comparison group of children or young people"
    assert "waiting list where there is one" in first.detail
    assert "If the service takes every eligible child or young person in the area" in first.why
    assert "areas without it or from before it began" in first.why


def test_an_offer_to_everyone_says_so_once():
    first = _design("Every child back from going missing is offered a talk with a worker.",
                    delivery_unit="Individual children or young people", reach="300").strands[0]
    assert "declined" in first.why and "If the service takes every eligible" not in first.why
