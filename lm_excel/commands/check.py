"""``lm-excel check``: check a logic-model workbook and list what to fix, cell by cell."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from lm_excel.commands import OUTPUT_POLICY, add_force_option

HELP = "Check a logic-model workbook and list what to fix, with the cell of each problem."
DESCRIPTION = """\
Check a logic-model workbook: its structure, IDs and links, whether it is complete, whether the
logic chain holds together, and its wording. Each finding says what is wrong, where (Sheet!A1)
and how to fix it. The input file is never changed unless you ask for --in-place.

Exit code: 0 when nothing at or above --fail-on was found, 1 when something was, 2 when the file
cannot be read as a logic model or an output cannot be written, 3 on an internal error.

example:
  lm-excel check "Family Connect logic model.xlsx"
  lm-excel check model.xlsx --json > findings.json
  lm-excel check model.xlsx --write            # writes model-checked.xlsx with a Validation sheet
  lm-excel check model.xlsx --in-place         # same, into model.xlsx (after a backup copy)
"""

SEVERITY_LABEL = {"error": "error", "warning": "warning", "info": "note"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help=HELP, description=DESCRIPTION, epilog=OUTPUT_POLICY,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", type=Path, help="the workbook to check (.xlsx or .xlsm)")
    p.add_argument("--json", action="store_true", help="print the findings as JSON (see docs/checks.md)")
    p.add_argument("--fail-on", choices=("error", "warning"), default="error",
                   help="exit 1 when a finding this serious or worse is found (default: error)")
    p.add_argument("--write", action="store_true",
                   help="write a copy with the results on its Validation sheet (default name "
                   "<name>-checked.xlsx beside the input)")
    p.add_argument("-o", "--output", type=Path, help="file name for --write")
    p.add_argument("--in-place", action="store_true",
                   help="write the results into the workbook itself (a backup copy is made first)")
    add_force_option(p, "the --write output")
    p.add_argument("--no-highlight", action="store_true",
                   help="with --write/--in-place: do not shade the offending cells")
    p.set_defaults(handler=run)


def format_text(report, output: Path | None = None, backup: Path | None = None,
                kept_out: Sequence[str] = ()) -> str:
    """The headlines (whole-model verdicts, each with the rows it concerns under it), then the
    other findings grouped by sheet, each with its Sheet!A1 reference, message and fix."""
    lines = [f"{report.source}: {report.status()}",
             report.verdict()]
    if report.headlines:
        lines.append("")
        lines.append("The model as a whole")
        for f in report.headlines:
            lines.extend(_finding_lines(f))
    for sheet, findings in report.by_sheet().items():
        findings = [f for f in findings if not f.headline]
        if not findings:
            continue
        lines.append("")
        lines.append(sheet or "Workbook")
        for f in findings:
            lines.extend(_finding_lines(f))
    if output is not None:
        lines.append("")
        if backup is not None:
            lines.append(f"backup: {backup}")
        lines.extend(kept_out)
        lines.append(f"Results written to {output}")
    return "\n".join(lines)


def _finding_lines(f) -> list[str]:
    """A finding, its fix, and the rows grouped under it (a headline's or a sheet-wide one's)."""
    where = f.ref or "(workbook)"
    ident = f" {f.element_id}" if f.element_id else ""
    lines = [f"  {where}  {SEVERITY_LABEL[f.severity]} [{f.code}]{ident}: {f.brief}",
             f"      Fix: {f.fix}"]
    for d in f.details:
        ident = f" {d.element_id}" if d.element_id else ""
        lines.append(f"      - {d.ref or '(workbook)'} [{d.code}]{ident}: {d.brief}")
    return lines


def run(args: argparse.Namespace) -> int:
    from lm_excel.usecases import check_workbook

    write = args.write or args.output is not None
    result = check_workbook(args.path, write=write, out=args.output, in_place=args.in_place,
                            highlight=not args.no_highlight, force=args.force)
    report = result.report
    if args.json:
        data = report.to_dict()
        if result.output is not None:
            data["output"] = str(result.output)
        if result.backup is not None:
            data["backup"] = str(result.backup)
        if result.kept_out:
            data["kept_out"] = list(result.kept_out)
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(format_text(report, result.output, result.backup, result.kept_out))
    return 1 if report.at_or_above(args.fail_on) else 0
