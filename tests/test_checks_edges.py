"""Edges of the checks that mutation testing found unprotected (see docs/testing.md)."""

from __future__ import annotations

import pytest

from lm_excel.checks import validate
from lm_excel.checks.wording import print_limit

from .modelkit import example, model_of, row


@pytest.mark.parametrize(("width", "chars"), [(10, 315), (46, 1557), (2, 120), (0, 120)])
def test_print_limit_is_about_thirty_lines_of_the_column_width(width, chars):
    # (width x 1.15 - 1) characters a line, at least 4, times 30 lines
    assert print_limit(width) == chars


@pytest.mark.parametrize(("name", "description", "vague"), [
    ("Better support", "", True),
    ("Better support", "A keyworker visits each family weekly to agree a plan", False),
])
def test_a_vague_component_is_excused_only_by_a_description_that_says_what_is_done(name, description, vague):
    rec = example()
    rec.elements["components"].append({"id": "C7", "component": name, "description": description})
    row(rec, "mechanisms", "M1")["triggered_by"] = "C1, C3, C7"
    codes = [f.code for f in validate(model_of(rec)).all_findings() if f.element_id == "C7"]
    assert ("vague-statement" in codes) == vague, codes


def test_a_near_duplicate_sharing_only_its_later_words_is_still_found():
    # The join indexes a prefix of each text's words, rarest first; "d4 e5 f6 g7" shares none of
    # the long text's rare words, so the prefix must be long enough to hold a shared one.
    from lm_excel.checks.wording import similar_pairs

    assert similar_pairs(["a1 b2 c3 d4 e5 f6 g7", "d4 e5 f6 g7"], 0.5) == [(0, 1)]


@pytest.mark.parametrize(("statement", "listed"), [
    ("Families have better housing, income and confidence", "(housing, income and confidence)"),
    ("Sleep and concentration improve", "(sleep and concentration)"),
])
def test_a_compound_outcome_names_its_parts_in_plain_words(statement, listed):
    rec = example()
    row(rec, "outcomes", "OC3")["outcome"] = statement
    (f,) = [f for f in validate(model_of(rec)).all_findings() if f.code == "compound-outcome"]
    assert listed in f.message
