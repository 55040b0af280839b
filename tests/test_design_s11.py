"""The design when a service reaches, by design, everyone eligible in its area (issue 18, item 6).

A statutory duty to every child in care, a screening every pupil of the authority receives, a
team that takes every child identified: nobody eligible is left out locally, so there is no group
of people "who did not take part" to compare with. Work every authority does at once then has no
untreated comparator either, and the honest design explains the contribution; support given one
by one still allows a matched comparison, but with people from areas without it or from before it
started, never a waiting list the service does not keep. The words are read from the model's own
Summary and Target population; an offer people may take up or refuse is not everyone.

The sentences here are our own, written for these probes before the rule existed.
"""

from __future__ import annotations

import pytest

from lm_excel.measures.design import MeasureUse, read_setting, recommend

from .modelkit import example_delivered, model_of

NATIONAL = "Whole local authority, as in every authority (a national duty or programme)"
CHILDREN = "Individual children or young people"
ATTAINMENT = MeasureUse("OC4", "outcome", "Educational attainment", "administrative", True,
                        "attainment")
SURVEY = MeasureUse("OC8", "outcome", "Parental Stress Scale", "validated instrument", True, "pss")
PROCESS = MeasureUse("OP1", "process", "Output count from management information",
                     "administrative", key="output_count")


def _design(summary: str = "", target: str = "", uses=(ATTAINMENT, SURVEY, PROCESS), **delivery):
    records = example_delivered(nation="England", **delivery)
    records.intervention["summary"] = summary
    records.intervention["target_population"] = target
    return recommend(model_of(records), list(uses))


def _text(design) -> str:
    return " ".join(f"{s.title}. {s.detail} {s.why}" for s in design.strands)


# Everyone eligible gets it: what the model's own words say.
EVERYONE = [
    ("The head of the virtual school checks that every child in care has a personal education "
     "plan with targets, and tops up the school's funding against them.", ""),
    ("Nurses visit schools to run health checks.",
     "All pupils aged 5 to 16 in the council's schools, with their parents."),
    ("Each term the team reviews the records of every looked-after child of the county.", ""),
    ("", "Every young person leaving custody in the authority, whatever their sentence."),
]

# Not everyone: take-up by choice, an offer, or "every" about something other than the people.
SOME = [
    ("Every care leaver turning 21 hears that they can ask for an adviser again; those who ask "
     "get a needs assessment and a plan.", ""),
    ("An independent worker is offered to every child who comes back after going missing.", ""),
    ("Workers meet each young person every week and review the plan every six weeks.", ""),
    ("A counsellor works in every secondary school on set days.", "Pupils referred by staff."),
    ("Every agency shares what it knows at a weekly meeting about the families referred.", ""),
    ("Families referred by their health visitor get a home visit.", "Families who choose to "
     "take part, about 300 a year."),
    ("Every family with a two-year-old in the area is entitled to a funded place.", ""),
    ("Drop-in sessions run at all children's centres in the borough.", "Parents of under-fives."),
    ("Staff in every children's home are trained in restorative practice.", ""),
]


@pytest.mark.parametrize(("summary", "target"), EVERYONE)
def test_the_setting_reads_that_everyone_eligible_gets_it(summary, target):
    records = example_delivered(delivery_unit=NATIONAL, reach="400", nation="England")
    records.intervention.update(summary=summary, target_population=target)
    assert read_setting(model_of(records)).everyone


@pytest.mark.parametrize(("summary", "target"), SOME)
def test_an_offer_taken_up_or_every_week_is_not_everyone(summary, target):
    records = example_delivered(delivery_unit=NATIONAL, reach="400", nation="England")
    records.intervention.update(summary=summary, target_population=target)
    assert not read_setting(model_of(records)).everyone


def test_the_example_reaches_families_referred_not_everyone():
    assert not read_setting(model_of(example_delivered(delivery_unit=CHILDREN))).everyone


@pytest.mark.parametrize(("summary", "target"), EVERYONE)
def test_a_national_duty_to_everyone_eligible_explains_its_contribution(summary, target):
    """No child in care is outside the virtual school and every authority has one: neither
    non-participants nor other authorities show what would have happened without it."""
    d = _design(summary, target, delivery_unit=NATIONAL, reach="450")
    first = d.strands[0]
    assert first.title.startswith("Contribution analysis")
    assert "did not take part" not in _text(d) and "waiting" not in _text(d)
    assert "everyone eligible" in first.why and "national trend" in first.why
    assert "Educational attainment" in first.detail  # the routine figures are one strand of evidence
    assert d.evidence_level.startswith("EIF level 2")


#: The near-misses that are not an offer to everyone eligible (since session 13 an offer to
#: everyone under a national duty is explained instead: tests/test_design_s13.py).
NOT_OFFERED = [(s, t) for s, t in SOME if "offered to every" not in s]


@pytest.mark.parametrize(("summary", "target"), NOT_OFFERED)
def test_a_national_duty_taken_up_by_some_is_still_a_comparison_of_those_who_did_not(summary, target):
    first = _design(summary, target, delivery_unit=NATIONAL, reach="450").strands[0]
    assert first.title == "Matched comparison group of children or families who did not take part"


def test_support_one_by_one_to_everyone_eligible_is_compared_with_other_areas_or_earlier_years():
    d = _design("The team works with every child in care of the city who goes missing.", "",
                delivery_unit=CHILDREN, reach="200")
    first = d.strands[0]
    assert first.title == "Matched comparison group of children or young people"
    assert "waiting list" not in first.detail and "who did not get the model" not in first.detail
    assert "areas without it" in first.detail and "before it started" in first.detail
    assert "no one eligible is left out" in first.why
    # nor does it ask whether places could be given by lot: nobody eligible waits for a place
    assert not [g for g in d.missing if "offered by lot" in g.fix]


def test_support_to_those_referred_keeps_the_local_comparison():
    first = _design("Young people referred by schools get a mentor.", "",
                    delivery_unit=CHILDREN, reach="200").strands[0]
    assert "who did not get the model" in first.detail and "waiting list" in first.detail


def test_places_given_by_lot_win_over_the_words():
    """The Allocation field is the user's own answer: a draw means not everyone gets it now."""
    first = _design("Every child in care of the county can be referred.", "",
                    delivery_unit=CHILDREN, reach="200",
                    allocation="Yes, by lot (at random)").strands[0]
    assert first.title == "Randomised controlled trial"


def test_too_few_is_still_too_few_when_everyone_gets_it():
    first = _design("The service works with every child in care of the borough.", "",
                    delivery_unit=NATIONAL, reach="30").strands[0]
    assert first.title == "Pilot now, comparison later"


def test_authority_wide_work_for_everyone_keeps_its_time_series():
    first = _design("The service works with every child in care of the borough.", "",
                    delivery_unit="Whole local authority", reach="450").strands[0]
    assert first.title == "Interrupted time series with comparator authorities"


def test_only_the_summary_and_target_population_are_read():
    """A study in the evidence base that reached every child says nothing of this service."""
    records = example_delivered(delivery_unit=NATIONAL, reach="400", nation="England")
    records.intervention.update(summary="Families referred get a key worker.", target_population="",
                                evidence_base="A trial in which every child in care took part.")
    assert not read_setting(model_of(records)).everyone


# Too few for a comparison: what the pilot can still keep, and how a comparison becomes possible.

def test_a_pilot_that_already_gives_places_by_lot_keeps_the_draw_as_its_comparison():
    """Thirty families a year drawn by lot from those eligible: too few for a trial now, but
    the families not drawn are a fair comparison for the pilot, and draws pooled over years or
    sites make a trial."""
    first = _design(delivery_unit="A cohort of families", reach="30",
                    allocation="Yes, by lot (at random)").strands[0]
    assert first.title == "Pilot now, comparison later"
    assert "not drawn" in first.detail and "keep the draw" in first.detail.lower()


@pytest.mark.parametrize("delivery", [
    {"delivery_unit": CHILDREN, "reach": "25"},
    {"delivery_unit": "Some teams", "delivery_units": "2", "reach": "40"},
])
def test_a_pilot_too_small_alone_says_other_sites_could_be_pooled(delivery):
    first = _design(**delivery).strands[0]
    assert first.title == "Pilot now, comparison later"
    assert "other sites" in first.detail and "pooled" in first.detail
    assert "not drawn" not in first.detail


def test_a_time_series_says_that_authorities_starting_later_are_the_fairest_comparators():
    """Hubs opened district by district, protocols adopted year by year: the authorities not yet
    running the same model are the comparison that shows what would have happened anyway."""
    first = _design(delivery_unit="Whole local authority", reach="900").strands[0]
    assert first.title == "Interrupted time series with comparator authorities"
    assert "different dates" in first.why and "not yet started" in first.why


# Support given one by one, with only a count kept for places to measure its outcome.

ADMISSIONS = MeasureUse("OC6", "outcome", "Hospital admissions for violence (area rate)",
                        "administrative", True, "violence_admissions")


def test_people_helped_one_by_one_are_still_compared_person_by_person_on_their_own_records():
    """Young people seen after an injury: the library's only measure is an area's admission rate,
    counted for places. The comparison is still between people, on each person's own record
    (the hospital's or the service's), which the plan must add; the area rate is context."""
    d = _design(uses=(ADMISSIONS, PROCESS), delivery_unit=CHILDREN, reach="290")
    first = d.strands[0]
    assert first.title == "Matched comparison group of children or young people"
    assert "own record of OC6" in first.detail
    assert "counted for places, not people" in first.why and "context" in first.why
    assert "contribution analysis" in first.why.lower()  # the fallback, said plainly
    assert "Hospital admissions for violence" not in first.detail.split("(")[0]


def test_a_national_programme_measured_only_by_counts_for_places_still_explains_its_contribution():
    first = _design(uses=(ADMISSIONS, PROCESS), delivery_unit=NATIONAL, reach="500").strands[0]
    assert first.title.startswith("Contribution analysis")


# What a time series and a before-and-after can honestly rest on.

INCOME = MeasureUse("OC4", "outcome", "Household income, benefits and debt", "administrative", True,
                    "household_income", source="local management information")
LA = {"delivery_unit": "Whole local authority", "reach": "900"}


def test_a_time_series_on_the_services_own_records_says_comparators_must_share_theirs():
    """Advisers' records of income gained exist only where the service keeps them, and only
    from when it started: other authorities publish no such figures."""
    first = _design(uses=(INCOME, PROCESS), **LA).strands[0]
    assert first.title == "Interrupted time series with comparator authorities"
    assert "would have to share theirs" in first.detail
    assert "before the model started" in first.detail


def test_a_time_series_on_published_returns_needs_no_such_warning():
    first = _design(uses=(ATTAINMENT, PROCESS), **LA).strands[0]
    assert "would have to share theirs" not in first.detail


def test_a_time_series_asks_for_other_changes_at_the_same_time_to_be_named():
    """A pathfinder's other strands, a new threshold, a national reform: they move the same
    figures at the same time, and a series cannot tell them apart."""
    first = _design(**LA).strands[0]
    assert "same time" in first.why and "cannot tell" in first.why


def test_before_and_after_for_work_across_an_authority_is_not_tied_to_a_start_of_support():
    """An annual survey of children in care is a group that changes each year: no one has a
    'start of support'; the measure is taken before the change and again a year or more on."""
    strands = _design(**LA).strands
    (before_after,) = [s for s in strands if s.title.startswith("Before-and-after")]
    assert "a year or more" in before_after.detail and "like with like" in before_after.detail
    cohort = _design(delivery_unit="A cohort of families", reach="150").strands
    (one_by_one,) = [s for s in cohort if s.title.startswith("Before-and-after")]
    assert "at the start and end of support" in one_by_one.detail
    assert "like with like" not in one_by_one.detail


ATTENDANCE_SECONDARY = MeasureUse("OC7", "outcome", "School attendance and persistent absence",
                                  "administrative", False, "school_attendance",
                                  source="school census")
UNMEASURED_PRIMARY = MeasureUse("OC8", "outcome", "", "", True)


def test_a_time_series_resting_only_on_secondary_outcomes_has_contribution_analysis_beside_it():
    """Safer contexts for young people, needs met in mainstream: when no primary outcome has
    routine figures, the series follows a secondary one, and the primary outcomes need their own
    account of how the model contributed."""
    d = _design(uses=(SURVEY, ATTENDANCE_SECONDARY, UNMEASURED_PRIMARY, PROCESS), **LA)
    first = d.strands[0]
    assert first.title == "Interrupted time series with comparator authorities"
    assert "OC7" in first.detail
    (second,) = [s for s in d.strands if s.title.startswith("Contribution analysis")]
    assert "OC8" in second.detail and "OC8" in second.why and "secondary" in second.why


def test_a_time_series_on_a_primary_outcome_needs_no_second_account():
    routine_primary = MeasureUse("OC8", "outcome", "Re-referrals within 12 months",
                                 "administrative", True, "re_referrals_12m", source="CIN census")
    d = _design(uses=(SURVEY, routine_primary, PROCESS), **LA)
    assert d.strands[0].title.startswith("Interrupted time series")
    assert not [s for s in d.strands if s.title.startswith("Contribution analysis")]


# Everyone eligible is offered it: those who did not take part declined.

def test_support_offered_to_everyone_eligible_says_those_left_out_declined():
    """Every child back from going missing is offered an interview: the children without one
    turned it down, and differ for that; areas without the offer or earlier years are fairer."""
    d = _design("Every child who comes back after going missing is offered an interview.", "",
                delivery_unit=CHILDREN, reach="300")
    first = d.strands[0]
    assert first.title == "Matched comparison group of children or young people"
    assert "declined" in first.why and "areas without it" in first.why
    assert "is offered an interview" in first.why


def test_an_offer_to_some_says_nothing_of_declining():
    first = _design("Young people referred by schools are offered a mentor.", "",
                    delivery_unit=CHILDREN, reach="300").strands[0]
    assert "declined" not in first.why
