"""The ``koers`` command.

Each area registers its sub-commands from its own module (``cli_model``, ``cli_decide``,
``cli_budget``): a module exposes ``register(subparsers)`` and each sub-command's
``func(args) -> int``. Exit codes: 0 fine, 1 invalid model / infeasible / domain error,
2 usage or file error; messages go to stderr.
"""
from __future__ import annotations

import argparse
import importlib
import math
import sys

COMMAND_MODULES = ["koers.cli_model", "koers.cli_decide", "koers.cli_ahp", "koers.cli_select", "koers.cli_budget",
                   "koers.cli_archimate", "koers.cli_academy", "koers.cli_calendar", "koers.cli_learning"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _clean(obj):
    """Make a result JSON-safe: NaN/inf are refused (never printed as NaN)."""
    if isinstance(obj, float):
        if not math.isfinite(obj):
            raise ValueError("non-finite number in result")
        return obj
    if isinstance(obj, dict):
        return {str(k): _clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_clean(v) for v in obj]
    if hasattr(obj, "item") and callable(obj.item):  # numpy scalar
        return _clean(obj.item())
    return obj


def emit_json(obj) -> None:
    """Print a result as JSON on stdout (UTF-8, no NaN)."""
    import json  # here, not at the top: `koers --help` needs no JSON
    json.dump(_clean(obj), sys.stdout, ensure_ascii=False, indent=2, allow_nan=False)
    sys.stdout.write("\n")


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="koers",
        description="Strategy graphs, process priorities and budgets for municipal L&D.")
    from . import __version__
    parser.add_argument("--version", action="version", version=f"koers {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # --help and --version end here: no pandas, no compiled module
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    from .errors import InputError, KoersError, ModelError
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
        return fail(f"[E100] cannot read {e.filename}: {e.strerror}", EXIT_USAGE)
    except KoersError as e:
        return fail(str(e), EXIT_INVALID)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
