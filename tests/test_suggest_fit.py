"""Who benefits and age against each measure, through ``suggest``: which measures fit, which are
said not to fit, and that a fitting measure ranks above one that does not (issue 19).

Most cases use a small library of measures that match the outcome's words equally, so only the
fit can separate them; one case uses the shipped library with measures that do appear."""

from __future__ import annotations

import pytest

from lm_excel.errors import SuggestError
from lm_excel.measures import Measure, match, suggest

AGE_NOTE = "designed for ages"


def _measure(key: str, lo: float | None = None, hi: float | None = None,
             who: tuple[str, ...] = ("child",)) -> Measure:
    return Measure(key=key, name="Wellbeing scale", kind="questionnaire", domains=("emotional_wellbeing",),
                   what_it_measures="Wellbeing.", respondent=who, who_benefits=who,
                   age_min=lo, age_max=hi, keywords=("wellbeing",))


#: Child measures for every band of ages, and one with no age limits at all.
AGE_BANDS = [_measure("m0_2", 0, 2), _measure("m0_4", 0, 4), _measure("m3_5", 3, 5),
             _measure("m5_10", 5, 10), _measure("m10_15", 10, 15), _measure("m11_17", 11, 17),
             _measure("m16_25", 16, 25), _measure("m13_up", 13, None), _measure("any_age")]


def _fitting(text: str, **kw) -> list[str]:
    """Keys of the measures suggested without an age note, in rank order; fitting measures come
    before every measure said not to fit."""
    found = suggest(text, who_benefits="child", top=len(AGE_BANDS), library=AGE_BANDS, **kw)
    assert found
    notes = [AGE_NOTE in s.why for s in found]
    assert notes == sorted(notes), [(s.measure.key, s.score, s.why) for s in found]
    for s in found:
        if AGE_NOTE in s.why:
            assert f"{AGE_NOTE} {s.measure.age_range}" in s.why
    return [s.measure.key for s in found if AGE_NOTE not in s.why]


#: Children with no age given: every band but those for 13 and over or 16 to 25.
NO_AGE_FITS = {m.key for m in AGE_BANDS} - {"m13_up", "m16_25"}


@pytest.mark.parametrize(("text", "fits"), [
    # "under 5" is 0-4: a measure starting at 5 does not fit
    ("Children under 5 have better wellbeing", {"m0_2", "m0_4", "m3_5", "any_age"}),
    ("Under-fives have better wellbeing", {"m0_2", "m0_4", "m3_5", "any_age"}),
    ("Children under 11 have better wellbeing", {"m0_2", "m0_4", "m3_5", "m5_10", "m10_15", "any_age"}),
    # both ends of a range are inside it: 5-10 meets 3-5 at 5 and 10-15 at 10
    ("Children aged 5-10 have better wellbeing", {"m3_5", "m5_10", "m10_15", "any_age"}),
    ("Children aged 5 to 10 have better wellbeing", {"m3_5", "m5_10", "m10_15", "any_age"}),
    # several ages: from the lowest to the highest
    ("Children aged 3-4 and young people aged 16-17 have better wellbeing",
     {"m0_4", "m3_5", "m5_10", "m10_15", "m11_17", "m13_up", "m16_25", "any_age"}),
    ("12-year-olds have better wellbeing", {"m10_15", "m11_17", "any_age"}),
    ("Young people aged 16 and over have better wellbeing", {"m11_17", "m13_up", "m16_25", "any_age"}),
    ("Over-18s have better wellbeing", {"m13_up", "m16_25", "any_age"}),
    # a span of months is not an age: every measure fits but those whose youngest respondent
    # is 13 or older (children, no age given: most are younger)
    ("Children have better wellbeing within 6-12 months", NO_AGE_FITS),
])
def test_ages_read_from_the_text_decide_which_measures_fit(text, fits):
    assert set(_fitting(text)) == fits


@pytest.mark.parametrize(("age", "fits"), [
    (4, {"m0_4", "m3_5", "any_age"}),
    (4.5, {"m3_5", "any_age"}),
    ("0-2", {"m0_2", "m0_4", "any_age"}),
    ("15 to 16", {"m10_15", "m11_17", "m13_up", "m16_25", "any_age"}),
    ("26+", {"m13_up", "any_age"}),
    ((2, 3), {"m0_2", "m0_4", "m3_5", "any_age"}),
    ((17, None), {"m11_17", "m13_up", "m16_25", "any_age"}),
])
def test_an_age_given_overrides_the_text(age, fits):
    assert set(_fitting("Children aged 0-2 have better wellbeing", age=age)) == fits


def test_an_age_misfit_ranks_below_every_fit():
    found = suggest("Children under 5 have better wellbeing", who_benefits="child", top=len(AGE_BANDS),
                    library=AGE_BANDS)
    fit = [s.score for s in found if AGE_NOTE not in s.why]
    misfit = [s.score for s in found if AGE_NOTE in s.why]
    assert fit and (not misfit or max(misfit) < min(fit))


# --- who benefits ---------------------------------------------------------------------------

WHO_LIBRARY = [_measure("for_children"), _measure("for_parents", who=("parent or carer",)),
               _measure("for_staff", who=("practitioner",))]


@pytest.mark.parametrize(("who", "best", "label"), [
    ("child", "for_children", "children and young people"),
    ("parent or carer", "for_parents", "parents or carers"),
    ("Parents; carers", "for_parents", "parents or carers"),
])
def test_the_measure_for_whoever_benefits_ranks_first_and_the_others_say_why(who, best, label):
    found = suggest("Better wellbeing", who_benefits=who, top=3, library=WHO_LIBRARY)
    assert found[0].measure.key == best and "not usually" not in found[0].why
    others = found[1:]
    assert all(f"not usually for {label}" in s.why and s.score < found[0].score for s in others)


def test_who_benefits_read_from_the_text_when_not_given():
    found = suggest("Social workers report better wellbeing", top=3, library=WHO_LIBRARY)
    assert found[0].measure.key == "for_staff"


def test_beneficiaries_joined_by_a_slash_are_each_read_and_a_bare_slash_is_refused():
    found = suggest("Better wellbeing", who_benefits="child / parent or carer", top=3, library=WHO_LIBRARY)
    assert {s.measure.key for s in found[:2]} == {"for_children", "for_parents"}
    for bad in ("/", " / ", "child / aliens"):
        with pytest.raises(SuggestError, match="who benefits"):
            suggest("Better wellbeing", who_benefits=bad, library=WHO_LIBRARY)


# --- compound outcomes -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "parts"), [
    # 'and' in a phrase that says where or for whom does not join two changes ...
    ("More confidence among staff in early help and partner teams", 1),
    ("Fewer exclusions in school and better housing", 1),
    # ... but a semicolon does, even after such a phrase
    ("Fewer exclusions in the school; better housing", 2),
    ("Fewer exclusions and better attendance at school", 2),
])
def test_what_joins_two_changes_and_what_does_not(text, parts):
    m = match(text)
    assert max(1, len(m.parts)) == parts, m.parts


def test_an_upper_age_of_18_is_a_childs_age_and_applies_when_the_outcome_is_about_parents():
    # "up to 18" names the children it is about, so parents of babies are outside it; "13-25"
    # is the age of someone completing it about themselves, which says nothing about parents.
    both = ("child", "parent or carer")
    library = [_measure("to_18", 13, 18, who=both), _measure("to_17", 13, 17, who=both),
               _measure("to_25", 13, 25, who=both), _measure("any_age", who=both)]
    found = suggest("Better wellbeing", who_benefits="parent or carer", age="0-1", top=4, library=library)
    assert {s.measure.key for s in found if AGE_NOTE not in s.why} == {"to_25", "any_age"}


def test_an_empty_age_is_no_age_and_the_statements_own_ages_are_read():
    # a blank Age cell arrives as "": it must not hide the ages the statement itself gives
    assert set(_fitting("Children have better wellbeing", age="")) == NO_AGE_FITS
    assert set(_fitting("Children have better wellbeing", age="")) == set(
        _fitting("Children have better wellbeing", age=None))
    in_text = "Children aged 0-4 have better wellbeing"
    assert set(_fitting(in_text, age="")) == set(_fitting(in_text, age=None))
    assert set(_fitting(in_text, age="")) != {m.key for m in AGE_BANDS}


def test_routine_records_suit_the_long_term_and_other_measures_the_short_term():
    import dataclasses

    records = dataclasses.replace(_measure("records"), kind="administrative")
    library = [records, dataclasses.replace(_measure("scale"), kind="validated instrument")]
    plain = {s.measure.key: s for s in suggest("Better wellbeing", top=2, library=library)}
    for timescale, fits, note in (("short term", "scale", "short term"), ("long term", "records", "long-term")):
        found = {s.measure.key: s for s in suggest("Better wellbeing", timescale=timescale, top=2, library=library)}
        other = ({"records", "scale"} - {fits}).pop()
        assert note in found[fits].why and found[fits].score > plain[fits].score
        assert "term" not in found[other].why and found[other].score == plain[other].score
