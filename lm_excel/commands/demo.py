"""``lm-excel demo``: the main job, run on the built-in worked example."""

from __future__ import annotations

import argparse
from pathlib import Path

from lm_excel.commands import OUTPUT_POLICY, add_force_option

#: The demo's outputs besides the example workbook (the checked copy's name comes from checked_name).
SHARED_NAME = "example-logic-model (to share).xlsx"
REPORT_NAME = "example-report.docx"
PLAN_CSV_NAME = "measures-plan.csv"

HELP = "Run the main job on the built-in example and print each output's path."
DESCRIPTION = """\
Run the main job on the built-in worked example (a fictional council's hybrid family-support
model): write the example workbook and everything lm-excel makes from it, printing the path of
each output. Outputs already in the folder are replaced only with --force.

example:
  lm-excel demo
  lm-excel demo demo-out
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help=HELP, description=DESCRIPTION, epilog=OUTPUT_POLICY,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("outdir", nargs="?", type=Path, default=Path("lm-excel-demo"),
                   help="folder for the outputs (default: ./lm-excel-demo)")
    add_force_option(p, "the demo's outputs")
    p.set_defaults(handler=run)


def demo_outputs(outdir: Path) -> list[Path]:
    """Every file the demo writes into ``outdir``."""
    from lm_excel.example import EXAMPLE_FILE_NAME
    from lm_excel.workbook.validation_sheet import checked_name

    workbook = outdir / EXAMPLE_FILE_NAME
    return [workbook, outdir / PLAN_CSV_NAME, checked_name(workbook), outdir / SHARED_NAME,
            outdir / REPORT_NAME, workbook.with_suffix(".xlsm")]


def run_demo(outdir: Path, force: bool = False) -> list[Path]:
    """Write the example workbook and its derived outputs into ``outdir``; return their paths.

    All outputs are claimed first (the output policy): without ``force`` nothing is written when
    one of them exists; the steps after that replace the demo's own files.
    """
    from lm_excel.example import EXAMPLE_FILE_NAME
    from lm_excel.fileio import claim_output, ensure_folder
    from lm_excel.usecases import (
        build_plan,
        check_workbook,
        make_report,
        new_workbook,
        read_model,
        share_workbook,
    )
    from lm_excel.workbook.plan_sheet import write_plan, write_plan_csv
    from lm_excel.workbook.validation_sheet import checked_name

    ensure_folder(outdir)
    for path in demo_outputs(outdir):
        claim_output(path, force=force)
    workbook = new_workbook(outdir / EXAMPLE_FILE_NAME, example=True, force=True)
    outputs: list[Path] = [workbook]
    # The measures plan, written into the example workbook (no backup: it is the demo's own
    # file, just made) and exported as CSV.
    plan = build_plan(read_model(workbook)).plan
    write_plan(workbook, plan)
    outputs.append(write_plan_csv(plan, outdir / PLAN_CSV_NAME))
    # The check's result, on the Validation sheet of a checked copy.
    outputs.append(check_workbook(workbook, out=checked_name(workbook), force=True).output)
    # Working with partners: the macro-free copy to email.
    shared = share_workbook(workbook, outdir / SHARED_NAME,
                            to="partner organisations", force=True)
    outputs.append(shared.path)
    # The Word report, with the check's findings and the measures plan.
    outputs.append(make_report(workbook, outdir / REPORT_NAME, force=True).path)
    # Excel buttons: the same example as a macro-enabled workbook with buttons.
    outputs.append(new_workbook(workbook.with_suffix(".xlsm"), example=True, force=True))
    return outputs


def run(args: argparse.Namespace) -> int:
    for path in run_demo(args.outdir, args.force):
        print(path)
    return 0
