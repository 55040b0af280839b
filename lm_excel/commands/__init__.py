"""CLI subcommands: each module exposes register(subparsers) and a handler."""
