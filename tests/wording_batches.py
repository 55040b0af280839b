"""Session 9's own outcome wording batches (issue 14): ``tests/data/wording_s9_x.csv`` (tuned on)
and ``wording_s9_y.csv`` (run once after tuning on X; its first run is recorded in
docs/checks.md). Each row is an outcome statement, the direction entered beside it, and the one
wording finding an evaluator expects at it (or none). A row agrees when the wording findings at
the outcome are exactly the expected one.

    python -m tests.wording_batches X      # agreed / rows, and each row that disagrees
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from lm_excel.checks import validate

from .modelkit import example, model_of, row

DATA = Path(__file__).parent / "data"
#: The wording rules these batches judge; other findings at the outcome are not scored.
WORDING = frozenset({"outcome-not-a-change", "compound-outcome", "no-direction",
                     "direction-contradicts", "vague-statement"})


def rows(batch: str) -> list[dict[str, str]]:
    with (DATA / f"wording_s9_{batch.lower()}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def found(text: str, direction: str) -> set[str]:
    """The wording codes at outcome OC3 of the worked example when it says ``text``."""
    records = example()
    row(records, "outcomes", "OC3").update(outcome=text, direction=direction)
    return {f.code for f in validate(model_of(records)).all_findings()
            if f.element_id == "OC3" and f.code in WORDING}


def expected(rec: dict[str, str]) -> set[str]:
    return {rec["expect"]} if rec["expect"] else set()


def main(argv: list[str]) -> None:
    batch = argv[0] if argv else "X"
    recs = rows(batch)
    wrong = [(r, found(r["text"], r["direction"])) for r in recs]
    wrong = [(r, got) for r, got in wrong if got != expected(r)]
    print(f"batch {batch}: {len(recs) - len(wrong)}/{len(recs)} agreed", flush=True)
    for r, got in wrong:
        print(f"  {r['kind']}: {r['text']!r} [{r['direction']}] expected {sorted(expected(r))}"
              f" got {sorted(got)}")


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
