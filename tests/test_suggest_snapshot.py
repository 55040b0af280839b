"""The top three suggestions, with their scores, for every outcome of the evaluation sets, frozen
in tests/data/suggest_top3.json.

hit@3 only asks whether one acceptable measure is in the top three, so it cannot see a changed
weight, score scale or order. This snapshot sees every change; when one is meant (a retuned
weight, a new measure), look at the differences this test prints, then update the file on purpose:

    LM_EXCEL_UPDATE_SNAPSHOTS=1 python -m pytest -q tests/test_suggest_snapshot.py

and commit it with the change that caused it.
"""

from __future__ import annotations

import csv
import json
import os

from lm_excel.measures import suggest

from .conftest import DATA, EVAL

SNAPSHOT = DATA / "suggest_top3.json"
SETS = (EVAL / "outcomes_dev.csv", DATA / "outcomes_heldout_own.csv")


def _current() -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    for path in SETS:
        with path.open(encoding="utf-8", newline="") as f:
            outcomes = [row["outcome"] for row in csv.DictReader(f)]
        out[path.name] = {o: [f"{s.measure.key} {s.score:.3f}" for s in suggest(o, top=3)] for o in outcomes}
    return out


def _dump(snapshot: dict[str, dict[str, list[str]]]) -> str:
    """JSON with one line per outcome, so a change shows as a one-line difference."""
    sets = []
    for name, rows in snapshot.items():
        lines = ",\n".join(f"  {json.dumps(o, ensure_ascii=False)}: {json.dumps(top)}" for o, top in rows.items())
        sets.append(f" {json.dumps(name)}: {{\n{lines}\n }}")
    return "{\n" + ",\n".join(sets) + "\n}\n"


def test_top_three_suggestions_match_the_snapshot():
    current = _current()
    if os.environ.get("LM_EXCEL_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(_dump(current), encoding="utf-8")
    frozen = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert set(frozen) == {p.name for p in SETS}
    changed = [
        f"{name}: {outcome!r}\n    was {frozen[name].get(outcome)}\n    now {got}"
        for name, rows in current.items() for outcome, got in rows.items()
        if frozen[name].get(outcome) != got
    ]
    gone = [f"{name}: {o!r} is no longer in the set" for name in frozen for o in frozen[name]
            if o not in current.get(name, {})]
    assert not changed and not gone, (
        "suggestions differ from tests/data/suggest_top3.json; if meant, update it with "
        "LM_EXCEL_UPDATE_SNAPSHOTS=1 (see this file's docstring):\n" + "\n".join(changed + gone))
