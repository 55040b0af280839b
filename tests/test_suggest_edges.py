"""Edges of the suggestions that mutation testing found unprotected (see docs/testing.md)."""

from __future__ import annotations

import pytest

from lm_excel.measures import match, suggest
from lm_excel.measures.suggest import SCORE_HALF, TIMESCALE_FIT, join_words
from lm_excel.measures.vocab import parse_vocabulary


def test_three_suggestions_unless_asked_otherwise():
    assert len(suggest("Children and young people have better emotional wellbeing", top=10)) > 3
    assert len(suggest("Children and young people have better emotional wellbeing")) == 3


@pytest.mark.parametrize(("words", "last", "joined"), [
    (["a"], "and", "a"), (["a", "b"], "and", "a and b"), (["a", "", "b", "c"], "or", "a, b or c"),
])
def test_words_joined_as_a_readable_list(words, last, joined):
    assert join_words(words, last) == joined


def test_a_timescale_that_suits_a_measure_multiplies_its_raw_score():
    plain = {s.measure.key: s.score for s in suggest("Parents are less stressed", top=10)}
    short = {s.measure.key: s.score for s in suggest("Parents are less stressed", timescale="short term", top=10)}
    raw = SCORE_HALF * plain["pss"] / (1 - plain["pss"])  # shown = raw / (raw + SCORE_HALF)
    expected = raw * TIMESCALE_FIT / (raw * TIMESCALE_FIT + SCORE_HALF)
    assert short["pss"] == pytest.approx(expected, abs=0.002)


def test_a_join_that_is_not_a_split_does_not_stop_a_later_split():
    # 'and with ...' and 'in school and ...' do not join two changes; the semicolon after does
    assert match("Better sleep and with fewer worries; better housing").parts == (
        "Better sleep and with fewer worries", "better housing")
    assert match("Fewer exclusions in school and better housing; less parenting stress").parts == (
        "Fewer exclusions in school and better housing", "less parenting stress")


def test_words_are_quoted_right_after_a_letter_that_lower_cases_longer():
    # 'İ' lower-cases to two characters: positions are in the normalised text, which is quoted
    (top,) = suggest("İ Parents report less parenting stress", top=1)
    assert "matches 'parenting stress'" in top.why


def test_a_vocabulary_entry_continues_on_lines_indented_by_one_space_or_a_tab():
    vocab = parse_vocabulary("[synonyms]\nwellbeing: happiness\n content\n\tcontentment\nstress: strain\n")
    plain = parse_vocabulary("[synonyms]\nwellbeing: happiness; content; contentment\nstress: strain\n")
    assert vocab == plain


# --- found by the second mutation sample (seed 2; see docs/testing.md) --------------------------


def _wellbeing_measure(key: str, respondent: tuple[str, ...], who: tuple[str, ...]):
    from lm_excel.measures import Measure

    return Measure(key=key, name=f"Wellbeing scale {key}", kind="questionnaire",
                   domains=("emotional_wellbeing",), what_it_measures="Wellbeing.",
                   respondent=respondent, who_benefits=who, keywords=("wellbeing",))


#: A questionnaire parents fill in that lists staff among those it benefits, and a staff one.
STAFF_LIBRARY = [_wellbeing_measure("parents_fill_in", ("parent or carer",), ("parent or carer", "practitioner")),
                 _wellbeing_measure("staff_fill_in", ("practitioner",), ("practitioner",))]


@pytest.mark.parametrize(("who", "keys"), [
    # an outcome for staff alone never gets a questionnaire children or parents fill in ...
    ("practitioner", {"staff_fill_in"}),
    ("Practitioner; school or early-years staff", {"staff_fill_in"}),
    # ... but one for staff and parents too may
    ("Practitioner; school or early-years staff; parent or carer", {"staff_fill_in", "parents_fill_in"}),
])
def test_a_child_or_parent_questionnaire_is_kept_from_outcomes_for_staff_alone(who, keys):
    found = suggest("Better wellbeing", who_benefits=who, top=5, library=STAFF_LIBRARY)
    assert {s.measure.key for s in found} == keys


def test_only_listed_anchors_are_specific_alone_and_phrases_always_are():
    v = parse_vocabulary("[synonyms]\nmoney: income; financial; financial security\n"
                         "cost: cost; spend\n[anchors]\nincome\ncost\n")
    specific = {text: [t.specific for t in v.analyse(text) if not t.stop][0]
                for text in ("income", "financial", "financial security", "spend", "costs",
                             "aspirations")}
    # a listed word, a listed concept (all its words) and a phrase of two content words are
    # specific; a word of the same concept that is not listed, or an unknown word, is not
    assert specific == {"income": True, "financial": False, "financial security": True,
                        "spend": True, "costs": True, "aspirations": False}
    assert [t.token for t in v.analyse("financial")] == ["money"]


def test_care_only_measures_need_care_named_in_the_whole_outcome():
    # "missing" alone names no care; with "from placements" in another part it does
    assert "missing_from_care" not in [s.measure.key for s in suggest("Fewer children go missing")]
    m = match("Missing and absent from placements")
    assert m.suggestions[0].measure.key == "missing_from_care"
