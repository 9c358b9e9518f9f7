"""The ``koers`` command.

Each area registers its sub-commands from its own module (``cli_model``, ``cli_decide``,
``cli_budget``): a module exposes ``register(subparsers)`` and each sub-command's
``func(args) -> int``, built with the shared helpers of :mod:`koers._cli_common` (the command
table, exit codes, ``emit_json``, ``add_source``/``source``, ``fail``); this module only builds
the parser and runs it. Exit codes: 0 fine, 1 invalid model / infeasible / domain error,
2 usage or file error; messages go to stderr.
"""
from __future__ import annotations

import argparse
import importlib
import sys

# The helpers the sub-commands share live in koers._cli_common, which the cli_* modules import
# (never this module, which loads them): re-exported here, under their old names, for one release.
from ._cli_common import (  # noqa: F401
    _BY_ALIAS, COMMAND_MODULES, COMMANDS, EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, EXIT_USAGE, STOPPED_BY, _clean,
    add_command, add_source, emit_json, fail, model_from, run, source, stop_text)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The ``koers`` parser. With ``command=None`` every sub-command is complete; with a name
    only that sub-command's module is imported and registered, the others are listed by name
    and help (enough for ``koers --help`` and for argparse's "invalid choice" message)."""
    parser = argparse.ArgumentParser(
        prog="koers",
        description="Strategy graphs, process priorities and budgets for municipal L&D.")
    from . import __version__
    parser.add_argument("--version", action="version", version=f"koers {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = COMMAND_MODULES if command is None else [COMMANDS[command][0]] if command in COMMANDS else []
    for module in wanted:
        importlib.import_module(module).register(sub)
    for name, (module, _, _) in COMMANDS.items():
        if module not in wanted:
            add_command(sub, name)
    return parser


def _command(argv) -> str | None:
    """The sub-command ``argv`` names (its first word that is not an option), aliases resolved."""
    word = next((a for a in argv if not a.startswith("-")), None)
    return _BY_ALIAS.get(word, word)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    return run(build_parser(_command(argv) or ""), argv)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
