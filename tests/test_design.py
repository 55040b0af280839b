"""The evaluation design chosen from the model (issue 18): unit of delivery, scale, nation,
allocation, the kinds of measures and whether a causal chain exists."""

from __future__ import annotations

import re

import pytest

from lm_excel.measures.design import (
    Design,
    MeasureUse,
    causal_chain,
    join_words,
    measure_names,
    read_setting,
    recommend,
)

from .modelkit import example, example_delivered, model_of

ROUTINE = MeasureUse("OC8", "outcome", "Re-referrals within 12 months", "administrative", True,
                     "re_referrals_12m")
SURVEY = MeasureUse("OC4", "outcome", "Parental Stress Scale", "validated instrument", True, "pss")
PROCESS = MeasureUse("OP1", "process", "Output count from management information",
                     "administrative", key="output_count")


def _model(**intervention):
    return model_of(example_delivered(**intervention))


def _design(uses=(ROUTINE, SURVEY, PROCESS), **intervention) -> Design:
    return recommend(_model(**intervention), list(uses))


def _text(design: Design) -> str:
    return " ".join(f"{s.title}. {s.detail} {s.why}" for s in design.strands)


def test_the_example_has_a_causal_chain_and_reads_its_setting():
    model = _model(delivery_unit="Whole local authority", nation="England", reach="about 900")
    assert {"OC4", "OC8"} <= set(causal_chain(model))
    s = read_setting(model)
    assert (s.unit, s.nation, s.reach, s.allocation) == ("la", "England", 900, "")


def test_la_wide_work_in_england_gets_a_time_series_with_statistical_neighbours():
    d = _design(delivery_unit="Whole local authority", nation="England")
    assert d.strands[0].title == "Interrupted time series with comparator authorities"
    assert "statistical neighbours" in d.strands[0].detail
    assert "Re-referrals within 12 months" in d.strands[0].detail
    assert d.evidence_level.startswith("EIF level 3")


@pytest.mark.parametrize("nation, comparator", [
    ("Scotland", "Local Government Benchmarking Framework"),
    ("Wales", "Welsh local authorities"),
    ("Northern Ireland", "Health and Social Care Trusts"),
])
def test_comparators_fit_the_nation(nation, comparator):
    d = _design(delivery_unit="Whole local authority", nation=nation)
    assert comparator in d.strands[0].detail
    assert "statistical neighbours" not in _text(d)


def test_work_in_some_schools_is_compared_at_school_level_not_la_wide():
    d = _design(delivery_unit="Some schools or early-years settings", delivery_units="12",
                nation="England")
    first = d.strands[0]
    assert first.title == "Matched comparison schools or settings (difference-in-differences)"
    assert "dilute" in first.why and "statistical neighbours" not in _text(d)


def test_allocation_by_lot_across_enough_schools_gets_a_cluster_trial():
    d = _design(delivery_unit="Some schools or early-years settings", delivery_units="14",
                allocation="Yes, by lot (at random)")
    assert d.strands[0].title.startswith("Cluster-randomised trial")


def test_planned_waves_get_a_stepped_roll_out():
    d = _design(delivery_unit="Some teams", delivery_units="8", allocation="Yes, in planned waves")
    assert d.strands[0].title == "Stepped roll-out across teams"


def test_a_cohort_of_families_gets_a_matched_comparison_or_a_trial():
    matched = _design(delivery_unit="A cohort of families", reach="150")
    assert matched.strands[0].title == "Matched comparison group of families"
    trial = _design(delivery_unit="A cohort of families", reach="150",
                    allocation="Yes, by lot (at random)")
    assert trial.strands[0].title == "Randomised controlled trial"


def test_too_few_to_compare_means_a_pilot_now_and_says_why():
    d = _design(delivery_unit="Some schools or early-years settings", delivery_units="3")
    assert d.strands[0].title == "Pilot now, comparison later"
    assert "3 schools or settings" in d.strands[0].detail and "chance" in d.strands[0].why
    carers = _design(delivery_unit="A group of foster or kinship carers", reach="20")
    assert "20 carers" in carers.strands[0].detail


@pytest.mark.parametrize("uses", [(ROUTINE, SURVEY, PROCESS), (PROCESS,)], ids=["measured", "no measure"])
def test_a_tiny_reach_across_the_authority_means_a_pilot_whatever_the_measures(uses):
    """About twenty private fostering arrangements a year: too few for any comparison, and a
    feasibility stage is due even before the outcomes have measures."""
    d = _design(uses, delivery_unit="Whole local authority", reach="20", nation="England")
    assert d.strands[0].title == "Pilot now, comparison later"
    assert "20 children, families or adults reached a year" in d.strands[0].detail
    assert "statistical neighbours" not in _text(d)
    assert _design(delivery_unit="Whole local authority", reach="600", nation="England"
                   ).strands[0].title.startswith("Interrupted time series")


def test_a_cohort_measured_for_reoffending_is_not_compared_on_first_time_entry():
    """Diversion (Suffolk, Lancashire): the children have offended already, so whether they
    become first-time entrants is the scheme's own decision; reoffending is the fair measure."""
    fte = MeasureUse("OC4", "outcome", "First-time entrants to the youth justice system",
                     "administrative", True, "first_time_entrants")
    reoffending = MeasureUse("OC3", "outcome", "Reoffending by children in the youth justice "
                             "system", "administrative", True, "reoffending")
    d = _design((fte, reoffending, PROCESS), delivery_unit="Individual children or young people",
                reach="800", nation="England")
    first = d.strands[0]
    assert "Reoffending" in first.detail and "First-time entrants" not in first.detail
    assert "already offended" in first.why
    alone = _design((fte, PROCESS), delivery_unit="Individual children or young people",
                    reach="800", nation="England")
    assert "First-time entrants" in alone.strands[0].detail  # prevention: first entry is fair


NATIONAL = "Whole local authority, as in every authority (a national duty or programme)"


ASB = MeasureUse("OC6", "outcome", "Police-recorded anti-social behaviour incidents",
                 "administrative", True, "asb_incidents")


def test_counts_for_places_are_not_a_comparison_of_people():
    """Police-recorded anti-social behaviour is counted by street, not by person: a cohort's
    matched comparison rests on its people's own measures, and names the count as context; with
    only counts for places, the contribution is explained instead."""
    cohort = dict(delivery_unit="Individual children or young people", reach="120",
                  nation="Scotland")
    both = _design((ASB, SURVEY, PROCESS), **cohort)
    first = both.strands[0]
    assert first.title.startswith("Matched comparison group")
    assert "Parental Stress Scale" in first.detail and "anti-social" not in first.detail
    assert "counted for places, not people" in first.why and "as context" in first.why
    # With only counts for places, the people are still compared person by person, on their own
    # records of the outcome, which the plan must add (held out 27's evaluator; session 11).
    alone = _design((ASB, PROCESS), **cohort).strands[0]
    assert alone.title.startswith("Matched comparison group") and "own record of" in alone.detail
    assert "counted for places, not people" in alone.why
    national = _design((ASB, PROCESS), delivery_unit=NATIONAL, reach="500", nation="Wales")
    assert national.strands[0].title.startswith("Contribution analysis")


def test_a_compound_primary_outcome_measured_in_part_is_said_to_be_measured_in_part():
    """Better housing, income and confidence: housing and income have measures, confidence has
    none. The design says part of the outcome has no measure, not that the outcome has none."""
    part = MeasureUse("OC4", "outcome", "", "", True)
    d = _design((SURVEY, part, ROUTINE, PROCESS), delivery_unit="Whole local authority",
                nation="England")
    said = " ".join(g.plain for g in d.missing)
    assert "Part of OC4 has none" in said and "OC4 has no measure" not in said
    alone = _design((part, ROUTINE, PROCESS), delivery_unit="Whole local authority",
                    nation="England")
    assert "The primary outcome OC4 has no measure yet" in " ".join(g.plain for g in alone.missing)


def test_an_areas_rate_of_hospital_admissions_for_violence_is_context_for_a_cohort():
    """The Public Health Outcomes Framework's admissions for violence are a rate for an area,
    pooled over three years: young people mentored are not compared on it (but on their own
    records of the outcome, to be added), while an authority's time series may follow it."""
    violence = MeasureUse("OC7", "outcome", "Hospital admissions for violence (Public Health "
                          "Outcomes Framework)", "administrative", True, "violence_admissions")
    cohort = _design((violence, PROCESS), delivery_unit="Individual children or young people",
                     reach="150", nation="England").strands[0]
    assert cohort.title.startswith("Matched comparison group") and "own record of" in cohort.detail
    assert "counted for places, not people" in cohort.why
    la = _design((violence, PROCESS), delivery_unit="Whole local authority", reach="500",
                 nation="England").strands[0]
    assert "time series" in la.title.lower() and "Hospital admissions for violence" in la.detail




def test_a_national_duty_or_programme_is_not_compared_with_authorities_doing_the_same():
    """Holiday activities and food, school counselling in Wales, the virtual school's extended
    duty: every authority does it at once, so neighbours are no counterfactual."""
    d = _design(delivery_unit=NATIONAL, reach="11000", nation="England")
    assert d.strands[0].title == ("Matched comparison group of children or families who did not "
                                  "take part")
    assert "statistical neighbours" not in _text(d) and "national trend" in d.strands[0].why
    unknown = _design(delivery_unit=NATIONAL, nation="Wales")
    assert unknown.strands[0].title.startswith("Contribution analysis")
    assert "similar Welsh local authorities" not in _text(unknown)
    assert any("how many children, families or adults it reaches a year" in g.plain
               for g in unknown.missing)
    trusts = _design(delivery_unit=NATIONAL, nation="Northern Ireland")
    assert "Every Health and Social Care Trust" in trusts.strands[0].why
    assert _design(delivery_unit=NATIONAL, reach="20").strands[0].title == \
        "Pilot now, comparison later"


def test_place_based_work_in_areas_gets_contribution_analysis():
    """However few the areas: one neighbourhood (set 23's Reach Children's Hub, tuned on) is
    place-based work to explain, not a pilot of too few to compare."""
    d = _design(delivery_unit="Some neighbourhoods or areas", delivery_units="1")
    assert d.strands[0].title.startswith("Contribution analysis")
    assert "one area" in d.strands[0].why and "matched areas" in d.strands[0].why
    d = _design(delivery_unit="Some neighbourhoods or areas", delivery_units="8")
    assert d.strands[0].title.startswith("Contribution analysis")
    d = _design(delivery_unit="Some teams", delivery_units="2", reach="40")  # teams: too few
    assert d.strands[0].title == "Pilot now, comparison later"


def test_authority_wide_work_with_nothing_measured_gets_a_theory_based_design():
    """Set 23's ICON across an ICB area (tuned on): no outcome on the chain has a measure, but
    the work reaches a whole authority, so a theory-based design while measures are chosen; a
    cohort with nothing measured still gets a feasibility stage first."""
    unmeasured = MeasureUse("OC8", "outcome", "", "", True)
    d = _design((unmeasured, PROCESS), delivery_unit="Whole local authority", nation="England")
    assert d.strands[0].title.startswith("Contribution analysis")
    assert "choose a measure" in d.strands[0].detail
    d = _design((unmeasured, PROCESS), delivery_unit="A cohort of families", reach="200",
                nation="England")
    assert d.strands[0].title == "Pilot now, comparison later"


def test_no_causal_chain_means_no_impact_design():
    records = example()
    for mech in records.elements["mechanisms"]:
        mech["triggered_by"] = ""
    d = recommend(model_of(records), [ROUTINE, SURVEY, PROCESS])
    assert causal_chain(model_of(records)) == ()
    titles = [s.title for s in d.strands]
    assert titles[0] == "Finish the theory of change before any impact design"
    assert not any(re.search(r"trial|comparison|time series|before-and-after", t, re.I)
                   for t in titles)
    assert d.evidence_level.startswith("EIF level 1")


def test_missing_setting_is_said_with_what_to_do():
    d = _design()
    assert any("unit of delivery" in m.fix and "Intervention sheet" in m.fix for m in d.missing)
    assert any("England, Scotland, Wales or Northern Ireland" in m.fix for m in d.missing)
    assert all(m.plain.startswith("The model does not yet say") and "sheet" not in m.plain
               for m in d.missing)
    assert not _design(delivery_unit="Whole local authority", nation="Wales").missing


def test_no_zero_sentences_and_gaps_are_named():
    d = _design(uses=(ROUTINE,), delivery_unit="Whole local authority", nation="England")
    text = _text(d)
    assert not re.search(r"\b0 \w", text), text
    process = d.strands[-1]
    assert "no process measures yet" in process.detail and "Outputs sheet" in process.detail
    one = _design(uses=(ROUTINE, PROCESS), delivery_unit="Whole local authority")
    assert "one process measure" in one.strands[-1].detail


def test_measure_names_with_commas_stay_readable():
    uses = [MeasureUse("OC1", "outcome", "Household income, benefits and debt"),
            MeasureUse("OC2", "outcome", "Housing stability and homelessness"),
            MeasureUse("OC3", "outcome", "Parental Stress Scale")]
    assert measure_names(uses) == ("Household income, benefits and debt; Housing stability and "
                                   "homelessness; and Parental Stress Scale")
    assert join_words(["a", "b", "c"]) == "a, b and c"
    many = [MeasureUse(f"OC{i}", "outcome", f"Measure {i}") for i in range(6)]
    assert measure_names(many).endswith("and 2 more")


def test_without_the_model_the_design_still_follows_from_the_measures():
    d = recommend(None, [ROUTINE, SURVEY, PROCESS])
    assert d.chain == ("OC8", "OC4") and d.missing == ()
    assert d.strands[0].title == "Comparison over time (to be confirmed)"
    assert recommend(None, [PROCESS]).strands[0].title == "Outcomes needed"


# --- share and merge keep the design of the model's own setting ------------------------------

def _design_text(path) -> str:
    from lm_excel import layout as L
    from lm_excel.workbook.reader import read_workbook

    grid = read_workbook(path).extras[L.MEASURES_PLAN.name]
    return "\n".join(" ".join(str(v) for v in grid[r] if v is not None)
                     for r in sorted(L.plan_design_rows(grid)))


@pytest.mark.parametrize("action", ["share", "merge"])
def test_share_and_merge_lay_out_the_design_with_the_models_delivery_setting(tmp_path, action):
    from lm_excel.exchange.merge import merge_files
    from lm_excel.exchange.share import share_file
    from lm_excel.usecases.plan import build_plan
    from lm_excel.workbook.builder import build_workbook

    records = example()
    records.intervention.update({"delivery_unit": "Some schools or early-years settings", "delivery_units": "12",
                                 "nation": "Scotland", "allocation": "Yes, by lot (at random)"})
    src = build_workbook(tmp_path / "model.xlsx", records)
    planned = build_plan(src, tmp_path / "planned.xlsx").written[-1]
    before = _design_text(planned)
    assert "cluster" in before.lower() and "statistical neighbours" not in before.lower()
    copy_ = share_file(planned, tmp_path / "copy.xlsx", sender="Sam").path
    if action == "merge":
        copy_ = merge_files(copy_, planned, copy_, tmp_path / "merged.xlsx").path
    assert _design_text(copy_) == before


# --- judged on published models (tests/test_design_published.py): what the first run showed ---

SECONDARY_ROUTINE = MeasureUse("OC8", "outcome", "Re-referrals within 12 months", "administrative",
                               False, "re_referrals_12m")


def test_authority_wide_work_takes_routine_data_from_a_secondary_outcome_on_the_chain():
    d = _design(uses=(SURVEY, SECONDARY_ROUTINE, PROCESS), delivery_unit="Whole local authority",
                nation="England")
    first = d.strands[0]
    assert first.title == "Interrupted time series with comparator authorities"
    assert "Re-referrals within 12 months" in first.detail and "OC8" in first.detail
    assert "statistical neighbours" in first.detail
    assert d.strands[1].title.startswith("Before-and-after")  # the questionnaire still measured


@pytest.mark.parametrize("nation, comparator", [("England", "statistical neighbours"),
                                                ("Scotland", "similar councils")])
def test_authority_wide_work_without_routine_data_gets_a_theory_based_design(nation, comparator):
    d = _design(uses=(SURVEY, PROCESS), delivery_unit="Whole local authority", nation=nation)
    first = d.strands[0]
    assert first.title.startswith("Contribution analysis")
    assert "whole local authority" in first.why and comparator in first.why
    assert d.strands[1].title.startswith("Before-and-after")
    assert d.evidence_level.startswith("EIF level 2")
    if nation != "England":
        assert "statistical neighbours" not in _text(d)


def test_allocation_not_stated_is_a_gap_that_names_the_fairer_designs():
    for unit in ("A cohort of families", "Some schools or early-years settings"):
        d = _design(delivery_unit=unit, reach="150", delivery_units="12", nation="England")
        gap = [m for m in d.missing if "by lot" in m.plain]
        assert len(gap) == 1, unit
        assert "sheet" not in gap[0].plain and "Intervention sheet" in gap[0].fix
        assert "randomised trial" in gap[0].plain
    for unit, allocation in (("A cohort of families", "No"),
                             ("Whole local authority", "")):
        d = _design(delivery_unit=unit, reach="150", nation="England", allocation=allocation)
        assert not any("by lot" in m.plain for m in d.missing), unit


def test_the_design_explains_its_terms_to_a_board_reader():
    d = _design(delivery_unit="Whole local authority", nation="England")
    its = d.strands[0].detail
    assert ") (" not in its  # no run of brackets
    assert "would have happened anyway" in its or "what would have happened" in d.strands[0].why
    assert "as designed" in d.strands[-1].detail  # fidelity said in plain words
    schools = _design(delivery_unit="Some schools or early-years settings", delivery_units="12",
                      nation="England").strands[0]
    assert "difference" in schools.detail and "likely effect" in schools.detail


def test_the_strength_of_evidence_says_what_the_eif_levels_are():
    from lm_excel.measures.plan import make_plan

    records = example()
    plan = make_plan(model_of(records))
    strength = plan.design[-1]
    assert strength.title == "Strength of evidence"
    assert "Early Intervention Foundation" in strength.detail
    assert "comparison group" in strength.detail


def test_the_time_series_names_the_data_of_its_own_measures_for_the_nation():
    ae = MeasureUse("OC8", "outcome", "A&E attendances and emergency admissions", "administrative",
                    True, "ae", source="NHS hospital data")
    d = _design(uses=(ae, PROCESS), delivery_unit="Whole local authority", nation="England")
    assert "data: NHS hospital data" in d.strands[0].detail
    assert "CIN census" not in d.strands[0].detail
    cin = MeasureUse("OC8", "outcome", "Re-referrals within 12 months", "administrative", True,
                     "re_referrals_12m", source="CIN census")
    scot = _design(uses=(cin, PROCESS), delivery_unit="Whole local authority", nation="Scotland")
    assert "Scottish equivalents of the CIN census" in scot.strands[0].detail
    assert "children's social work statistics" in scot.strands[0].detail


def test_a_primary_outcome_without_a_measure_is_said_not_passed_over():
    unmeasured = MeasureUse("OC4", "outcome", "", "", True)
    d = _design(uses=(unmeasured, ROUTINE, PROCESS), delivery_unit="Whole local authority",
                nation="England")
    assert d.strands[0].title == "Interrupted time series with comparator authorities"
    gap = [m for m in d.missing if "OC4" in m.plain]
    assert len(gap) == 1 and "no measure yet" in gap[0].plain and "sheet" not in gap[0].plain
    assert "plan" in gap[0].fix
    assert not any("OC4" in m.plain for m in _design(delivery_unit="Whole local authority",
                                                     nation="England").missing)


def test_another_nations_equivalent_of_school_data_is_not_given_as_social_care_statistics():
    school = MeasureUse("OC8", "outcome", "School attendance and persistent absence",
                        "administrative", True, "attendance", source="school census")
    wales = _design(uses=(school, PROCESS), delivery_unit="Whole local authority", nation="Wales")
    assert "the Welsh equivalents of the school census" in wales.strands[0].detail
    assert "looked-after children statistics" not in wales.strands[0].detail


def test_in_northern_ireland_authority_wide_work_is_trust_wide():
    """Children's services in Northern Ireland are run by Health and Social Care Trusts: the
    design speaks of the Trust area and compares with the other Trusts."""
    for uses in ((SURVEY, SECONDARY_ROUTINE, PROCESS), (SURVEY, PROCESS)):
        d = _design(uses=uses, delivery_unit="Whole local authority", nation="Northern Ireland")
        first = d.strands[0]
        assert "the whole Health and Social Care Trust area" in first.why, first.why
        assert "whole local authority" not in first.why and "authority-wide" not in first.why
        assert "Health and Social Care Trusts" in first.detail + first.why
