"""The ``lm-excel`` command line: a thin layer over the library.

Library errors (:class:`~lm_excel.errors.LmExcelError`) become one line on stderr and exit code 2;
``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from . import __version__
from .commands import COMMAND_MODULES
from .errors import LmExcelError

DESCRIPTION = """\
Build, check and report on a logic model of a children's services model of practice, kept in an
Excel workbook. Run 'lm-excel COMMAND --help' for each command's options and an example.

example:
  lm-excel demo                 # the main job on the built-in example
  lm-excel new my-model.xlsx    # a blank workbook to fill in
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lm-excel", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"lm-excel {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the full traceback on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"lm_excel.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    debug = args.debug or "--debug" in argv
    try:
        return int(args.handler(args) or 0)
    except LmExcelError as exc:
        if debug:
            raise
        print(f"lm-excel: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("lm-excel: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: still one line, but say so
        if debug:
            raise
        print(
            f"lm-excel: internal error: {type(exc).__name__}: {exc} "
            "(please report it; run again with --debug for details)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
