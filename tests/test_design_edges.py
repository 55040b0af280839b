"""Edges of the design recommendation that mutation testing found unprotected (see
docs/testing.md): what the Intervention sheet must still say, and how a too-small pilot reads."""

from __future__ import annotations

from dataclasses import replace

import pytest

from .test_design import _design

SCHOOLS = "Some schools or early-years settings"
FAMILIES = "A cohort of families"


@pytest.mark.parametrize(("setting", "asks"), [
    ({"delivery_unit": SCHOOLS}, "Say how many schools or settings deliver it"),
    ({"delivery_unit": SCHOOLS, "delivery_units": "12"}, None),
    ({"delivery_unit": FAMILIES}, "Say how many families it reaches a year"),
    ({"delivery_unit": FAMILIES, "reach": "150"}, None),
    # 0 is typed while the figure is not known yet: asked for, not judged "too few"
    ({"delivery_unit": FAMILIES, "reach": "0"}, "Say how many families it reaches a year"),
    ({"delivery_unit": SCHOOLS, "delivery_units": "0"}, "Say how many schools or settings deliver it"),
])
def test_the_design_asks_for_the_scale_only_when_it_is_missing(setting, asks):
    missing = [m.fix for m in _design(nation="England", **setting).missing]
    scale = [m for m in missing if m.startswith("Say how many")]
    assert scale == ([] if asks is None else [next(m for m in missing if m.startswith(asks))])


@pytest.mark.parametrize(("setting", "start"), [
    ({"delivery_unit": FAMILIES, "reach": "40"}, "40 families are too few"),
    ({"delivery_unit": SCHOOLS, "delivery_units": "1"}, "one school or setting is too few"),
    ({"delivery_unit": FAMILIES, "reach": "2"}, "2 families are too few"),
    ({"delivery_unit": SCHOOLS, "delivery_units": "2"}, "2 schools or settings are too few"),
])
def test_a_pilot_too_small_to_compare_says_so_in_a_sentence(setting, start):
    first = _design(nation="England", **setting).strands[0]
    assert first.title == "Pilot now, comparison later"
    assert first.why.startswith(start[0].upper() + start[1:])


def test_one_outcome_is_named_in_the_singular_and_several_in_the_plural():
    from .test_design import PROCESS, ROUTINE, SURVEY

    def first_detail(uses):
        return _design(uses=uses, delivery_unit=FAMILIES, reach="150", nation="England").strands[0].detail

    assert "for the primary outcome OC4 with" in first_detail((SURVEY, PROCESS))
    # Re-referrals are a count the service's thresholds move: a comparison of families leaves them
    # out (tests/test_design_service_counts.py), so a second outcome of the families' own is used.
    attendance = replace(ROUTINE, name="School attendance and persistent absence",
                         key="school_attendance")
    assert "for the primary outcomes OC4 and OC8 with" in first_detail((SURVEY, attendance, PROCESS))


def test_a_time_series_follows_routine_data_only():
    from .test_design import ROUTINE, SURVEY

    la = {"delivery_unit": "Whole local authority", "nation": "England", "reach": "900"}
    (series,) = [s for s in _design(uses=(ROUTINE, SURVEY), **la).strands if "time series" in s.title]
    assert "Re-referrals within 12 months" in series.detail and "Parental Stress Scale" not in series.detail
    assert not [s for s in _design(uses=(SURVEY,), **la).strands if "time series" in s.title]
    unstated = {"nation": "England"}
    (over_time,) = [s for s in _design(uses=(ROUTINE, SURVEY), **unstated).strands
                    if s.title.startswith("Comparison over time")]
    assert "Parental Stress Scale" not in over_time.detail


def test_without_a_causal_chain_the_design_says_what_is_missing_from_the_mechanisms():
    from lm_excel.measures.design import recommend

    from .modelkit import example, model_of
    from .test_design import ROUTINE

    unlinked, empty = example(), example()
    for mech in unlinked.elements["mechanisms"]:
        mech["triggered_by"] = ""
    empty.elements["mechanisms"] = []
    for records, gap in ((unlinked, "No mechanism is both triggered by a component and leads to an outcome"),
                         (empty, "The Mechanisms sheet is empty")):
        first = recommend(model_of(records), [ROUTINE]).strands[0]
        assert first.title == "Finish the theory of change before any impact design"
        assert first.why.startswith(f"{gap}, so there is no causal chain to test yet")


RANDOM, WAVES = "Yes, by lot (at random)", "Yes, in planned waves"


@pytest.mark.parametrize(("setting", "title"), [
    # a trial needs enough units or people allocated by lot: 10 schools, 100 families at least
    ({"delivery_unit": SCHOOLS, "delivery_units": "10", "allocation": RANDOM}, "Cluster-randomised trial"),
    ({"delivery_unit": SCHOOLS, "delivery_units": "9", "allocation": RANDOM}, "Matched comparison"),
    ({"delivery_unit": SCHOOLS, "delivery_units": "12", "allocation": WAVES}, "Stepped roll-out"),
    ({"delivery_unit": FAMILIES, "reach": "100", "allocation": RANDOM}, "Randomised controlled trial"),
    ({"delivery_unit": FAMILIES, "reach": "99", "allocation": RANDOM}, "Matched comparison"),
    ({"delivery_unit": FAMILIES, "reach": "101", "allocation": RANDOM}, "Randomised controlled trial"),
    ({"delivery_unit": FAMILIES, "reach": "150", "allocation": WAVES}, "Matched comparison"),
])
def test_a_trial_starts_at_the_smallest_number_that_can_show_change(setting, title):
    assert _design(nation="England", **setting).strands[0].title.startswith(title)
