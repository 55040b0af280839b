"""How often each evidence pattern's top suggestion is right, across every labelled set (issue 18).

A suggestion rests on evidence: one matched word, one phrase or concept, or several matches, in
the statement's main change or inside a complement ("the generational cycle of *crime*").
This module runs the rules with no pattern excluded, tabulates each pattern's top-1 precision
over every labelled row (published development and held-out rounds, own variant batches, own
held-out set), derives which patterns a suggestion may not rest on (precision below
``ABSTAIN_PATTERN_BELOW`` on at least ``MIN_ROWS`` rows) and checks that choice
leave-one-round-out: choose the patterns on every round but one, score the round left out.

    python -m tests.suggest_calibration            # the table and the leave-one-round-out figures
"""

from __future__ import annotations

import csv
import importlib
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from lm_excel.measures import match

suggest_module = importlib.import_module("lm_excel.measures.suggest")

DATA = Path(__file__).parent / "data"
MIN_ROWS = 10


@dataclass(frozen=True)
class Row:
    group: str  # the round or batch the row belongs to
    outcome: str
    acceptable: frozenset[str]  # measure keys an evaluator accepts; "-": no close match


@dataclass(frozen=True)
class Outcome:
    row: Row
    top: str | None  # the top suggestion's key, None when no close match
    pattern: tuple[str, str] | None  # what the top suggestion rests on

    @property
    def right(self) -> bool:
        return (self.top in self.row.acceptable) if self.top else ("-" in self.row.acceptable)

    @property
    def confident_wrong(self) -> bool:
        return self.top is not None and self.row.acceptable == {"-"}


def labelled_rows() -> list[Row]:
    """Every labelled outcome statement in the repository, each with its round or batch."""
    rows = []
    for path in sorted(DATA.glob("outcomes_published_*.csv")):
        group = path.stem.replace("outcomes_published_", "")
        rows += _rows(path, lambda r, g=group: g)
    rows += _rows(DATA / "outcomes_own_variants.csv", lambda r: f"own batch {int(r['batch']):02d}")
    rows += _rows(DATA / "outcomes_heldout_own.csv", lambda r: "own held out")
    return rows


def _rows(path: Path, group) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as f:
        return [Row(group(r), r["outcome"], frozenset(r["acceptable"].split(";")))
                for r in csv.DictReader(f)]


@contextmanager
def abstaining_on(patterns: frozenset[tuple[str, str]]) -> Iterator[None]:
    """Run the rules with ``patterns`` as the evidence a suggestion may not rest on."""
    kept = suggest_module.ABSTAIN_PATTERNS
    suggest_module.ABSTAIN_PATTERNS = patterns
    try:
        yield
    finally:
        suggest_module.ABSTAIN_PATTERNS = kept


def run(rows: list[Row]) -> list[Outcome]:
    out = []
    for row in rows:
        found = match(row.outcome, top=3).suggestions
        top = found[0] if found else None
        out.append(Outcome(row, top.measure.key if top else None, top.evidence if top else None))
    return out


def table(outcomes: list[Outcome]) -> dict[tuple[str, str], tuple[int, int, int]]:
    """pattern -> (top suggestions resting on it, right, confident wrong)."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for o in outcomes:
        if o.pattern is not None:
            c = counts[o.pattern]
            c[0] += 1
            c[1] += o.right
            c[2] += o.confident_wrong
    return {k: (v[0], v[1], v[2]) for k, v in sorted(counts.items())}


def weak_patterns(outcomes: list[Outcome]) -> frozenset[tuple[str, str]]:
    """The patterns whose top suggestions were right less often than the threshold."""
    below = suggest_module.ABSTAIN_PATTERN_BELOW
    return frozenset(k for k, (n, right, _) in table(outcomes).items()
                     if n >= MIN_ROWS and right / n < below)


def scores(outcomes: list[Outcome]) -> tuple[float, int, float]:
    """(top-1, confident wrong answers, no close match rate)."""
    n = len(outcomes)
    return (sum(o.right for o in outcomes) / n, sum(o.confident_wrong for o in outcomes),
            sum(o.top is None for o in outcomes) / n)


def leave_one_round_out(rows: list[Row]) -> list[tuple[str, tuple, tuple, frozenset]]:
    """For each published round: (round, scores with no pattern excluded, scores with the
    patterns chosen on every other group, those patterns)."""
    with abstaining_on(frozenset()):
        plain = run(rows)
    out = []
    for group in sorted({r.group for r in rows if not r.group.startswith("own")}, key=lambda g: (len(g), g)):
        chosen = weak_patterns([o for o in plain if o.row.group != group])
        held = [r for r in rows if r.group == group]
        with abstaining_on(chosen):
            tuned = run(held)
        out.append((group, scores([o for o in plain if o.row.group == group]), scores(tuned), chosen))
    return out


def main() -> None:
    rows = labelled_rows()
    with abstaining_on(frozenset()):
        plain = run(rows)
    print(f"{len(rows)} labelled rows in {len({r.group for r in rows})} rounds and batches; "
          "rules with no pattern excluded")
    print("| rests on | where | top suggestions | right | confident wrong |")
    print("|---|---|---|---|---|")
    for (much, where), (n, right, cw) in table(plain).items():
        print(f"| {much} | {where} | {n} | {right / n:.2f} | {cw} |")
    print(f"weak patterns (right < {suggest_module.ABSTAIN_PATTERN_BELOW}, >= {MIN_ROWS} rows):",
          sorted(weak_patterns(plain)), "; in the rules:", sorted(suggest_module.ABSTAIN_PATTERNS))
    print("\nleave-one-round-out (published rounds): top-1 / confident wrong / no close match")
    print("| round | no pattern excluded | patterns chosen without it |")
    print("|---|---|---|")
    totals = [0.0, 0, 0.0, 0]
    for group, before, after, _ in leave_one_round_out(rows):
        print(f"| {group} | {before[0]:.2f} / {before[1]} / {before[2]:.2f} | "
              f"{after[0]:.2f} / {after[1]} / {after[2]:.2f} |")
        totals[0] += before[0]
        totals[1] += before[1]
        totals[2] += after[0]
        totals[3] += after[1]
    k = len({r.group for r in rows if not r.group.startswith("own")})
    print(f"| mean top-1, total confident wrong | {totals[0] / k:.3f}, {totals[1]} | "
          f"{totals[2] / k:.3f}, {totals[3]} |")


if __name__ == "__main__":
    main()
