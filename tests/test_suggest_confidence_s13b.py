"""A report by carers or school staff of a change in a child does not suggest a scale adults
fill in about themselves; what carers say of themselves still does (session 13, measE)."""
from lm_excel.measures import match


def _keys(text: str) -> list[str]:
    return [s.measure.key for s in match(text, top=3).suggestions]


def test_carers_reporting_a_childs_worry_get_no_adult_self_report_scale():
    for text in ("Foster carers say the young person in their care is less worried",
                 "Teachers notice pupils are less anxious in class"):
        keys = _keys(text)
        assert keys, text
        assert not {"gad7", "k10", "phq9"} & set(keys), (text, keys)


def test_carers_saying_how_they_feel_themselves_keep_the_adult_scale():
    # near miss: what the carers say is of themselves
    keys = _keys("Parents say they are less worried about their child's future")
    assert "gad7" in keys, keys


def test_carers_anxiety_without_a_report_keeps_the_adult_scale():
    assert _keys("Parents feel less anxious")[:1] == ["gad7"]


def test_a_report_of_parenting_stress_keeps_the_parenting_measure():
    keys = _keys("Parents report less stress in looking after their toddler")
    assert {"pss", "psi4"} & set(keys), keys
