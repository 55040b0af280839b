"""The outcome wording rules on 887 published outcome statements (issue 14): every finding about a
statement has an evaluator's judgement on record, for the message it gives now, and at least 19
findings in 20 are agreed. Each statement is checked through validate() as one outcome of the
worked example (see tests/outcome_wording.py)."""

from __future__ import annotations

import pytest

from .outcome_wording import findings_for, judgements, key, run, statements, table

MIN_PRECISION = 0.95


@pytest.fixture(scope="module")
def found():
    return run()


def test_the_statements_are_read():
    assert len(statements()) >= 850
    assert findings_for("Number of families attending the group")  # the harness sees findings


def test_every_finding_about_a_published_statement_has_a_judgement(found):
    judged = judgements()
    missing = [key(code, s.text) for s, code, _ in found if key(code, s.text) not in judged]
    assert not missing, "judge these in tests/data/outcome_wording_judgements.json:\n" + "\n".join(missing)
    changed = [key(code, s.text) for s, code, msg in found if judged[key(code, s.text)]["message"] != msg]
    assert not changed, "the message changed since it was judged; judge again:\n" + "\n".join(changed)


def test_every_judgement_is_of_a_finding_given_now(found):
    now = {key(code, s.text) for s, code, _ in found}
    stale = sorted(set(judgements()) - now)
    assert not stale, "no longer found; remove from the judgements:\n" + "\n".join(stale)


def test_at_least_19_findings_in_20_are_agreed(found):
    judged = judgements()
    agreed = sum(judged[key(code, s.text)]["agree"] for s, code, _ in found)
    assert agreed / len(found) >= MIN_PRECISION, table(found, judged)
