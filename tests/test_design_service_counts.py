"""Counts the service's own decisions move, rare events in a small service, and regression to the
mean (held out 25's reservations, docs/measures.md): the design leads with measures of the people
helped, says why in plain words, and warns where nothing fairer is chosen yet."""

from __future__ import annotations

from dataclasses import replace

import pytest

from lm_excel.measures.design import RARE_BELOW, MeasureUse

from .test_design import PROCESS, SURVEY, _design

EXPLOITATION = MeasureUse("OC8", "outcome", "Children assessed at risk of exploitation",
                          "administrative", True, "child_exploitation")
FIRST_TIME = MeasureUse("OC8", "outcome", "First-time entrants to the youth justice system",
                        "administrative", True, "first_time_entrants")
REOFFENDING = MeasureUse("OC4", "outcome", "Reoffending by children in the youth justice system",
                         "administrative", True, "reoffending")
ENTRY = MeasureUse("OC8", "outcome", "Children entering care", "administrative", True,
                   "entry_to_care")
FAMILIES = "A cohort of families"
SCHOOLS = "Some schools or early-years settings"
LA = "Whole local authority"


def _first(uses, **setting):
    return _design(uses=(*uses, PROCESS), nation="England", **setting).strands[0]


@pytest.mark.parametrize("setting", [
    {"delivery_unit": FAMILIES, "reach": "150"},
    {"delivery_unit": SCHOOLS, "delivery_units": "12"},
])
def test_a_count_the_service_moves_is_left_out_of_a_comparison_beside_a_fair_measure(setting):
    first = _first((SURVEY, EXPLOITATION), **setting)
    assert "Parental Stress Scale" in first.detail
    assert "Children assessed at risk of exploitation" not in first.detail
    assert "Left out of the comparison, to follow as context: Children assessed at risk of " \
           "exploitation (it rises as practitioners recognise exploitation better)" in first.why


def test_a_count_the_service_moves_alone_stays_with_a_warning_and_what_to_add():
    first = _first((EXPLOITATION,), delivery_unit=FAMILIES, reach="150")
    assert first.title == "Matched comparison group of families"
    assert "Children assessed at risk of exploitation" in first.detail
    assert "Take care with Children assessed at risk of exploitation" in first.why
    assert "Add a measure of the people themselves" in first.why
    assert "keep this count as context" in first.why


def test_a_time_series_leads_with_the_fair_measure_and_reads_the_other_with_care():
    first = _first((FIRST_TIME, REOFFENDING), delivery_unit=LA)
    assert first.title == "Interrupted time series with comparator authorities"
    assert first.detail.startswith("Follow Reoffending by children in the youth justice system and "
                                   "First-time entrants to the youth justice system")
    assert "Read First-time entrants to the youth justice system (it falls when more children " \
           "are diverted" in first.why
    assert "the other measures are the test of impact" in first.why


def test_two_counts_alone_are_named_together_in_the_plural():
    referrals = replace(EXPLOITATION, name="Referrals to children's social care", key="referrals")
    first = _first((EXPLOITATION, referrals), delivery_unit=LA)
    assert "a change in them could be" in first.why and "keep these counts as context" in first.why


@pytest.mark.parametrize("uses", [(SURVEY,), (REOFFENDING,)])
def test_measures_of_the_people_helped_carry_no_warning(uses):
    for setting in ({"delivery_unit": FAMILIES, "reach": "150"}, {"delivery_unit": LA}):
        why = _first(uses, **setting).why
        assert "with care" not in why and "Take care" not in why and "Left out" not in why


@pytest.mark.parametrize(("reach", "warned"), [("150", True), (str(RARE_BELOW - 1), True),
                                               (str(RARE_BELOW), False), ("900", False)])
def test_a_rare_event_in_a_small_cohort_is_said_to_be_chance_prone(reach, warned):
    why = _first((SURVEY, ENTRY), delivery_unit=FAMILIES, reach=reach).why
    said = f"With {reach} a year, Children entering care counts events few of them have in a year"
    assert (said in why) is warned


def test_a_common_outcome_in_a_small_cohort_is_not_called_rare():
    assert "few of them have" not in _first((SURVEY,), delivery_unit=FAMILIES, reach="150").why


def test_before_and_after_says_people_start_at_their_worst_in_plain_words():
    strands = _design(uses=(SURVEY, PROCESS), delivery_unit=FAMILIES, reach="150",
                      nation="England").strands
    before = next(s for s in strands if s.title.startswith("Before-and-after"))
    assert "at their worst" in before.why and "regression to the mean" in before.why


def test_a_matched_comparison_of_people_says_to_match_on_what_decides_who_is_offered():
    first = _first((SURVEY,), delivery_unit=FAMILIES, reach="150")
    assert first.title == "Matched comparison group of families"
    assert "match on whatever decides who is offered it (a referral route, a risk score, a " \
           "threshold)" in first.why
    # Allocation by lot needs no such matching.
    trial = _first((SURVEY,), delivery_unit=FAMILIES, reach="150", allocation="Yes, by lot (at random)")
    assert "decides who is offered" not in trial.why
