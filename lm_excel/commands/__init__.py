"""The ``lm-excel`` subcommands, one module each.

Each module has ``register(subparsers)``, which adds its subparser and sets ``handler`` to a
function taking the parsed arguments and returning an exit code. Modules import nothing heavy at
import time: ``lm-excel --help`` must stay fast.
"""

#: Modules in the order their commands appear in ``lm-excel --help``.
COMMAND_MODULES = (
    "new",
    "check",
    "demo",
    "report",
    "plan",
    "diagram",
    "suggest",
    "share",
    "diff",
    "merge",
    "portfolio",
    "excel_setup",
)

#: The output policy in one sentence, for the --help of every command that writes files
#: (lm_excel.fileio.claim_output applies it; the README's "Files lm-excel writes" explains it).
OUTPUT_POLICY = """\
files written: an existing file is replaced only with --force, and never one this command
reads; a file open in Excel or LibreOffice is never written; --in-place (where offered) first
copies the file to NAME.bak.EXT and keeps its permissions.
"""


def add_force_option(p: object, what: str = "an output file") -> None:
    """--force: allow replacing an existing output (never an input, never an open file)."""
    p.add_argument("--force", action="store_true",  # type: ignore[attr-defined]
                   help=f"replace {what} if already there (never an input, nor a file open "
                   "in Excel or LibreOffice)")
