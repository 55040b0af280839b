"""``lm-excel demo``: the main job, run on the built-in worked example."""

from __future__ import annotations

import argparse
from pathlib import Path

from lm_excel.commands import OUTPUT_POLICY, add_force_option

#: The demo's outputs, in the order written (the checked copy's name comes from checked_name).
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
    add_force_option(p, "the demo's outputs when they")
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
    one of them exists.
    """
    from lm_excel.example import EXAMPLE_FILE_NAME, example_records
    from lm_excel.fileio import claim_output, ensure_folder
    from lm_excel.workbook.builder import build_workbook

    ensure_folder(outdir)
    for path in demo_outputs(outdir):
        claim_output(path, force=force)
    outputs: list[Path] = []
    workbook = build_workbook(outdir / EXAMPLE_FILE_NAME, example_records())
    outputs.append(workbook)
    outputs += _demo_plan(workbook, outdir)
    # Check (issue 3): the example's validation result, on the Validation sheet of a checked copy.
    from lm_excel.workbook.validation_sheet import check_file, checked_name

    outputs.append(check_file(workbook, out=checked_name(workbook), force=True).output)
    # Working with partners (issue 6): the macro-free copy to email.
    from lm_excel.exchange.partners import share_file

    shared = share_file(workbook, outdir / SHARED_NAME, to="partner organisations", force=True)
    outputs.append(shared.path)
    # Word report (issue 5): with the check's findings (and the measures plan when there is one).
    from lm_excel.commands.report import make_report

    report = make_report(workbook, outdir / REPORT_NAME, force=True)
    outputs.append(report.path)
    # Excel buttons (issue 9): the same example as a macro-enabled workbook with buttons.
    from lm_excel.workbook.buttons import build_macro_workbook

    outputs.append(build_macro_workbook(workbook.with_suffix(".xlsm"), example_records()))
    return outputs


def _demo_plan(workbook: Path, outdir: Path) -> list[Path]:
    """The measures plan (issue 4): written into the example workbook and exported as CSV."""
    from lm_excel.measures.plan import make_plan
    from lm_excel.workbook.plan_sheet import write_plan, write_plan_csv
    from lm_excel.workbook.reader import read_workbook

    plan = make_plan(read_workbook(workbook))
    write_plan(workbook, plan)
    return [write_plan_csv(plan, outdir / PLAN_CSV_NAME)]


def run(args: argparse.Namespace) -> int:
    for path in run_demo(args.outdir, args.force):
        print(path)
    return 0
