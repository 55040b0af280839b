"""``lm-excel suggest``: suggest evaluation measures for outcome statements."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import SuggestError

HELP = "Suggest evaluation measures for an outcome statement, with reasons."
DESCRIPTION = """\
Suggest evaluation measures for an outcome statement, best first, each with a score (0 to 1)
and the reason it was suggested. Works offline from the measures library shipped with lm-excel
(see docs/measures.md).

With --file, reads one outcome per line (UTF-8; blank lines are skipped; '-' reads standard
input) and, with --json, writes one JSON object per line:
  {"outcome": ..., "suggestions": [{"key": ..., "name": ..., "score": ..., "confidence": ..., "why": ...}]}
and, when the library has no close match, "no_match" with what to do instead.

example:
  lm-excel suggest "Fewer children are re-referred within 12 months"
  lm-excel suggest "Parents report less parenting stress" --top 5 --json
  lm-excel suggest --file outcomes.txt --json > suggestions.jsonl
"""


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``suggest`` subcommand to an argparse subparsers object."""
    p = sub.add_parser(
        "suggest", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("text", nargs="?", help="the outcome statement (quote it)")
    p.add_argument("--file", metavar="FILE", help="read outcomes from FILE, one per line")
    p.add_argument("--top", type=int, default=3, metavar="N",
                   help="number of suggestions per outcome (default 3)")
    p.add_argument("--json", action="store_true", help="write JSON (one object per outcome)")
    p.add_argument("--who", metavar="WHO",
                   help="who benefits: child, young person, parent or carer, foster carer, "
                        "kinship carer, family, practitioner, school or early-years staff, "
                        "service or system, community (default: read from the text)")
    p.add_argument("--timescale", choices=("short", "medium", "long"),
                   help="the outcome's timescale")
    p.add_argument("--age", metavar="AGE", help="age or age range in years, e.g. 0-5 or 13+")
    p.set_defaults(handler=run)


def read_outcomes(path: str) -> list[str]:
    """Outcome statements from a text file, one per line; '-' reads standard input."""
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "standard input"
    else:
        p = Path(path)
        name = str(p)
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise SuggestError(f"{name}: file not found") from None
        except IsADirectoryError:
            raise SuggestError(f"{name}: is a folder, not a text file") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SuggestError(f"{name} line {line}: not UTF-8 text") from None
    return [line.strip() for line in text.splitlines() if line.strip()]


def run(args: argparse.Namespace) -> int:
    """Handle ``lm-excel suggest``; library errors propagate as LmExcelError."""
    from ..measures.suggest import match

    if (args.text is None) == (args.file is None):
        raise SuggestError("give either an outcome statement or --file FILE, not both or neither")
    if args.top < 1:
        raise SuggestError(f"--top must be at least 1, not {args.top}")
    outcomes = [args.text] if args.file is None else read_outcomes(args.file)
    lines = []
    for outcome in outcomes:
        found = match(outcome, who_benefits=args.who, timescale=args.timescale,
                      age=args.age, top=args.top)
        if args.json:
            lines.append(json.dumps(found.as_dict(), ensure_ascii=False))
            continue
        lines.append(f"Outcome: {outcome}")
        if found.abstained:
            lines.append(f"  {found.advice}")
        for n, s in enumerate(found.suggestions, 1):
            lines.append(f"  {n}. {s.measure.name} [{s.measure.key}]  score {s.score:.2f}, "
                         f"confidence {s.confidence}")
            lines.append(f"     {s.measure.kind}; {s.measure.data_source}; "
                         f"licence: {s.measure.licence}")
            lines.append(f"     why: {s.why}")
        if found.unmatched:
            lines.append("  No close match for " + ", ".join(f"'{p}'" for p in found.unmatched)
                         + ": use a bespoke measure for that part.")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
