"""The ``lm-excel`` command line: a thin layer over the library.

Exit codes, the same with or without ``--debug`` (which adds the traceback on stderr):

- 0: done, nothing found at or above the command's threshold;
- 1: problems found (``check``, ``diff``, ``excel-setup``, a portfolio none of whose workbooks
  could be read);
- 2: unusable input or refused action: a library error (:class:`~lm_excel.errors.LmExcelError`)
  or a command line that cannot work, as one line on stderr;
- 3: internal error (a bug), as one line on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from collections.abc import Sequence
from typing import NoReturn

from . import __version__
from .commands import COMMAND_MODULES
from .errors import LmExcelError

DESCRIPTION = """\
Build, check and report on a logic model of a children's services model of practice, kept in an
Excel workbook. Run 'lm-excel COMMAND --help' for each command's options and an example.

example:
  lm-excel demo                 # the main job on the built-in example
  lm-excel new my-model.xlsx    # a blank workbook to fill in

exit codes: 0 ok, 1 problems found, 2 unusable input or refused action, 3 internal error.
"""

EXIT_OK, EXIT_PROBLEMS, EXIT_REFUSED, EXIT_INTERNAL = 0, 1, 2, 3


class Parser(argparse.ArgumentParser):
    """argparse, but a command-line mistake is one plain line (and exit code 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_REFUSED, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="lm-excel", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"lm-excel {__version__}")
    parser.add_argument("--debug", action="store_true", help="also show the traceback of an error")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"lm_excel.commands.{name}").register(sub)
    for command in sub.choices.values():  # --debug also after the command name
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                             help="also show the traceback of an error")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_REFUSED
    debug = bool(args.debug)
    try:
        return int(args.handler(args) or EXIT_OK)
    except LmExcelError as exc:
        if debug:
            traceback.print_exc()
        print(f"lm-excel: error: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("lm-excel: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: still one line, but say so
        if debug:
            traceback.print_exc()
        print(
            f"lm-excel: internal error: {type(exc).__name__}: {exc} "
            "(please report it; run again with --debug for details)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
