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
