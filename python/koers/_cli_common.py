"""What the ``koers`` sub-commands share: the command table, exit codes, ``--json`` output,
messages, "FILE or --example NAME" and the run of one parsed command line.

The sub-command modules (``cli_model``, ``cli_decide``, …) import from here, never from
:mod:`koers.cli`, which loads them (``importlib``, by :data:`COMMANDS`): the imports point one
way (tests/python/test_import_layers.py). Nothing heavy is imported here, so ``koers --help``
stays fast.
"""
from __future__ import annotations

import argparse
import math
import sys

# Every sub-command: name -> (module that registers it, one-line help, aliases). `koers --help`
# lists them from this table alone and `koers NAME ...` imports only NAME's module, so the
# command starts in milliseconds. Modules register with :func:`add_command`, which takes the help
# and aliases from here; tests/python/test_startup.py checks the table against the modules.
COMMANDS = {
    "validate": ("koers.cli_model", "check a koers model; exit 1 when invalid", ()),
    "analyse": ("koers.cli_model", "counts, budgets, coverage, gaps, reach, 70/20/10 mix", ("analyze",)),
    "propagate": ("koers.cli_model", "GRL evaluation of a strategy (koers model or jUCMNav .jucm)", ()),
    "diff": ("koers.cli_model", "what changed between two versions of a plan", ()),
    "report": ("koers.cli_model", "the readable report over the embedded examples, with figures", ()),
    "rank": ("koers.cli_decide", "rank the alternatives of a decision problem", ()),
    "weights": ("koers.cli_decide", "objective (or rank-order) criteria weights from the scores", ()),
    "smaa": ("koers.cli_decide", "SMAA-2 rank acceptability, central weights, confidence factors", ()),
    "sensitivity": ("koers.cli_decide", "weight intervals in which the ranking stays the same, and sweeps", ()),
    "ahp": ("koers.cli_ahp", "AHP: priorities, lambda_max, CI, CR, completion, inconsistent triads, judges", ()),
    "select": ("koers.cli_select", "choose and assign processes under expert hours (proven optimal)", ()),
    "optimise": ("koers.cli_budget", "fund the best interventions exactly: the base and every scenario of a "
                                     "portfolio file", ("optimize",)),
    "curve": ("koers.cli_budget", "exact budget curve of one stream: every budget where the optimum changes", ()),
    "scenarios": ("koers.cli_budget", "compare the base and the scenarios of a portfolio file side by side", ()),
    "sweep": ("koers.cli_budget", "solve a grid of budget cuts x payroll shares x mandatory items exactly, "
                                  "on all cores", ()),
    "costs": ("koers.cli_budget", "cost every intervention of a model: per participant, per learning hour, "
                                  "ILB part, per stream against the budget", ()),
    "archimate": ("koers.cli_archimate", "ArchiMate exchange files: stats, import, export, diff", ()),
    "academy": ("koers.cli_academy", "the academy's KPIs as of a date, from its event log (CSV folder)", ()),
    "calendar": ("koers.cli_calendar", "Dutch public holidays, working days and capacity hours", ()),
    "entitlement": ("koers.cli_learning", "learning-time entitlement of a staff roster (per person, team, group)",
                    ()),
}
COMMAND_MODULES = list(dict.fromkeys(module for module, _, _ in COMMANDS.values()))
_BY_ALIAS = {alias: name for name, (_, _, aliases) in COMMANDS.items() for alias in aliases}

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C


def _clean(obj, path: str = ""):
    """Make a result JSON-safe: NaN/inf are refused (never printed as NaN) with E110 naming the
    JSON path — a result that holds one is a koers bug, reported as a coded error, not a traceback."""
    if isinstance(obj, float):
        if not math.isfinite(obj):
            from .errors import Errc, error
            raise error(Errc.not_finite, f"{path or '/'}: the result holds {obj} where JSON needs a number "
                                         "(a koers bug: please report it with the command)", [path or "/"])
        return obj
    if isinstance(obj, dict):
        return {str(k): _clean(v, f"{path}/{k}") for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_clean(v, f"{path}/{i}") for i, v in enumerate(obj)]
    if hasattr(obj, "item") and callable(obj.item):  # numpy scalar
        return _clean(obj.item(), path)
    return obj


def emit_json(obj) -> None:
    """Print a result as JSON on stdout (UTF-8, no NaN)."""
    import json  # here, not at the top: `koers --help` needs no JSON
    json.dump(_clean(obj), sys.stdout, ensure_ascii=False, indent=2, allow_nan=False)
    sys.stdout.write("\n")


#: why an exact solve stopped at "limit" (``stopped_by`` of a result), in people's words after "stopped"
STOPPED_BY = {"node_limit": "by the node limit", "time_limit": "by the time limit", "cancelled": "on cancel (Ctrl-C)",
              "assignment_check": "because the exact assignment check of a selection that could beat the one found "
                                  "did not finish within its budget (hours with few equal sizes)"}


def stop_text(stopped_by) -> str:
    """``stopped_by`` of a solve as the words after "stopped" (``"at a limit"`` when unknown)."""
    return STOPPED_BY.get(stopped_by, "at a limit")


def fail(message: str, code: int) -> int:
    print(f"koers: {message}", file=sys.stderr)
    return code


def add_source(p, file_help: str, example_file: str | None = None) -> None:
    """Give sub-command ``p`` its input: a positional FILE or ``--example NAME`` (one of the two).

    ``example_file`` is the file of the embedded example the command reads (``"portfolio.json"``,
    a folder such as ``"academy"``); ``None`` means the example's strategy model. Resolve the
    choice with :func:`source`.
    """
    what = f"the example's {example_file}" if example_file else "the example's strategy model"
    p.add_argument("file", nargs="?", metavar="FILE", help=file_help)
    p.add_argument("--example", metavar="NAME", help=f"an embedded example instead of FILE ({what}), "
                                                      "e.g. deventer-2014 or west-betuwe-2022")
    p.set_defaults(_example_file=example_file)


def source(args):
    """The input of a sub-command made with :func:`add_source`: ``("file", path)`` or
    ``("example", name)``. Exactly one of FILE and ``--example`` must be given: otherwise the
    command ends with exit 2 and a message naming both (an unknown example name raises
    :class:`koers.InputError` listing the known ones, also exit 2).

    With an ``example_file`` the example resolves to that file's path, so a command reads both
    the same way: ``("file", path)``.
    """
    file, example = getattr(args, "file", None), getattr(args, "example", None)
    if file and example:
        raise SystemExit(fail("give a FILE or --example NAME, not both", EXIT_USAGE))
    if not file and not example:
        raise SystemExit(fail("give a FILE or --example NAME", EXIT_USAGE))
    if file:
        return "file", file
    example_file = getattr(args, "_example_file", None)
    if example_file is None:
        return "example", example
    from . import examples
    return "file", examples.path(example, example_file)


def model_from(args):
    """The strategy model a sub-command made with :func:`add_source` (no ``example_file``) names."""
    from . import examples, model
    kind, what = source(args)
    return examples.load(what) if kind == "example" else model.load(what)


def add_command(sub, name: str, **kwargs) -> argparse.ArgumentParser:
    """Add sub-command ``name`` to ``sub`` with its help and aliases from :data:`COMMANDS`."""
    _, help_, aliases = COMMANDS[name]
    return sub.add_parser(name, help=help_, aliases=list(aliases), **kwargs)


def run(parser: argparse.ArgumentParser, argv) -> int:
    """Parse ``argv`` with ``parser`` and run the sub-command it names, mapping koers errors to
    exit codes: 1 an invalid model, an infeasible problem or a domain error, 2 usage or file
    errors (an :class:`koers.InputError`), 130 on Ctrl-C; each message on stderr."""
    args = parser.parse_args(argv)  # --help and --version end here: no pandas, no compiled module
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    from .errors import Errc, InputError, KoersError, ModelError, error
    try:
        return int(args.func(args) or 0)
    except ModelError as e:
        for err in e.errors:
            print(f"koers: [{err['code']}] {err['message']}", file=sys.stderr)
        if not e.errors:
            print(f"koers: {e}", file=sys.stderr)
        return EXIT_INVALID
    except InputError as e:
        return fail(str(e), EXIT_USAGE)
    except BrokenPipeError:  # pragma: no cover  (the reader closed the pipe: | head)
        return EXIT_OK
    except OSError as e:  # not found, a directory, no permission, a symlink loop, ...
        return fail(str(error(Errc.file_unreadable, f"cannot read {e.filename}: {e.strerror}", [str(e.filename)])),
                    EXIT_USAGE)
    except KoersError as e:
        return fail(str(e), EXIT_INVALID)
    except KeyboardInterrupt:  # Ctrl-C: the solve (or sweep) was cancelled; no traceback
        print("koers: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
