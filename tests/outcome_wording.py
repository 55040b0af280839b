"""The checks' outcome wording rules on real published outcome statements (issue 14).

``tests/data/outcomes_published_*.csv`` hold about 900 outcome statements copied verbatim or
near-verbatim from published UK logic models, strategies and frameworks (each row cites its
source; they were collected for the measure suggestions). Each statement is entered, alone, as
the wording of one outcome of the worked example (a sound model with no findings), with its
other columns left as the example has them except *Intended direction*, which is left blank
(the column may be empty) and *Who benefits*, left blank so nothing is compared with it. The
findings at that outcome are the findings about the statement itself.
``tests/data/outcome_wording_judgements.json`` records an evaluator's judgement of each one.

    python -m tests.outcome_wording          # per rule code: findings, agreed, precision
    python -m tests.outcome_wording --half B # one half of the source files (A or B)
    python -m tests.outcome_wording --unjudged  # the findings no judgement covers yet
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lm_excel.checks import validate

from .modelkit import example, model_of, row

DATA = Path(__file__).parent / "data"
JUDGEMENTS = DATA / "outcome_wording_judgements.json"
#: The outcome of the worked example whose wording each statement replaces: a Secondary,
#: short-term outcome, so the notes that depend on a Primary outcome's population stay quiet.
SLOT = "OC3"


@dataclass(frozen=True)
class Statement:
    source_file: str
    line: int
    text: str


def _file_order(path: Path) -> tuple[int, int]:
    m = re.search(r"(dev|heldout)(\d*)$", path.stem)
    assert m, path
    return (m.group(1) != "dev", int(m.group(2) or 1))


def source_files() -> list[Path]:
    """The published statement files, dev first, then held-out rounds in number order."""
    return sorted(DATA.glob("outcomes_published_*.csv"), key=_file_order)


def halves() -> dict[str, list[str]]:
    """Half A and half B: alternate source files (A the 1st, 3rd, ...), fixed before tuning."""
    names = [p.name for p in source_files()]
    return {"A": names[0::2], "B": names[1::2]}


def statements(files: list[str] | None = None) -> list[Statement]:
    """Every statement (each distinct wording once, at its first source file and line)."""
    seen: set[str] = set()
    out = []
    for path in source_files():
        if files is not None and path.name not in files:
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            for i, rec in enumerate(csv.DictReader(fh), start=2):
                text = (rec.get("outcome") or "").strip()
                if text and text not in seen:
                    seen.add(text)
                    out.append(Statement(path.name, i, text))
    return out


def _checked(text: str) -> list:
    records = example()
    row(records, "outcomes", SLOT).update(outcome=text, direction="", who_benefits="")
    model = model_of(records)
    cell = next(o for o in model.outcomes if o.raw_id == SLOT).ref("outcome").cell
    return [(f, f.cell == cell) for f in validate(model).all_findings() if f.element_id == SLOT]


def findings_for(text: str) -> list[tuple[str, str]]:
    """(code, message) of each finding about the statement ``text`` itself: at the outcome it
    words, pointing at its cell (not at the blank direction cell: see :func:`column_findings`)."""
    return [(f.code, f.message) for f, own in _checked(text) if own]


def column_findings(text: str) -> list[str]:
    """The codes of the findings at the outcome that point at another cell: 'no-direction' at the
    direction cell left blank, for a statement whose words name no direction. Counted, not judged:
    they say the column is empty, which the harness chose."""
    return [f.code for f, own in _checked(text) if not own]


def key(code: str, text: str) -> str:
    return f"{code}|{text}"


def judgements() -> dict[str, dict]:
    return json.loads(JUDGEMENTS.read_text(encoding="utf-8")) if JUDGEMENTS.exists() else {}


def run(files: list[str] | None = None) -> list[tuple[Statement, str, str]]:
    """(statement, code, message) for every finding about the statements in ``files``."""
    return [(s, code, msg) for s in statements(files) for code, msg in findings_for(s.text)]


def table(found: list[tuple[Statement, str, str]], judged: dict[str, dict]) -> str:
    """Per rule code: findings, agreed, precision; then all codes together."""
    total: Counter[str] = Counter()
    agreed: Counter[str] = Counter()
    for s, code, _ in found:
        total[code] += 1
        agreed[code] += bool(judged.get(key(code, s.text), {}).get("agree"))
    lines = ["| rule code | findings | agreed | precision |", "|---|---|---|---|"]
    for code in sorted(total):
        lines.append(f"| {code} | {total[code]} | {agreed[code]} | {agreed[code] / total[code]:.0%} |")
    n, a = sum(total.values()), sum(agreed.values())
    lines.append(f"| all | {n} | {a} | {a / n if n else 1.0:.0%} |")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    files = halves()[argv[argv.index("--half") + 1]] if "--half" in argv else None
    found = run(files)
    judged = judgements()
    if "--unjudged" in argv:
        for s, code, msg in found:
            if key(code, s.text) not in judged:
                print(json.dumps({"key": key(code, s.text), "file": s.source_file, "message": msg}))
        return
    chosen = statements(files)
    blank = sum(len(column_findings(s.text)) for s in chosen)
    print(f"{len(chosen)} statements in {len(files or source_files())} files")
    print(table(found, judged))
    print(f"(not judged: {blank} findings at the blank direction cell)")


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
