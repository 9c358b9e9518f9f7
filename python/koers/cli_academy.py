"""``koers academy DIR --as-of DATE [--year Y] [--strict] [--json]``: the academy's figures from its event log.

``koers academy --example west-betuwe-2022 --as-of 2022-06-23`` reads the embedded Academie log.
With ``--json``: ``{"kpis": {name: value}, "errors": [{"file", "row", "field", "reason"}]}``.

Exit codes: 0 every row was valid; 1 rows were left out (the KPIs are computed from the valid
rows) or, with ``--strict``, the log was refused (``"kpis": null``); 2 a usage or file error
(a missing file or column, a file that is not UTF-8 or not CSV, a bad date, an as-of date
before the log's first event). Messages go to stderr.
"""
from __future__ import annotations

import sys

from ._cli_common import EXIT_INVALID, EXIT_OK, add_command, add_source, emit_json, source

_SHOWN = 20  # bad rows listed on stderr (all of them are in the JSON)


def register(sub) -> None:
    """Add ``koers academy`` to the koers parser."""
    p = add_command(sub, "academy",
                    description="Load an academy event log (courses.csv, runs.csv, registrations.csv, "
                                "cancellations.csv, optional evaluations.csv), validate it row by row and "
                                "compute the nine KPIs of the Academie report as of the end of a day.")
    add_source(p, "a folder with the log's CSV files", example_file="academy")
    p.add_argument("--as-of", required=True, metavar="DATE", help="the date (YYYY-MM-DD), end of day, inclusive")
    from ._checks import int_arg
    p.add_argument("--year", type=int_arg(1, 9999), metavar="Y", help="the year of runs_planned_in_<Y> (default: the as-of year)")
    p.add_argument("--strict", action="store_true", help="refuse the whole log when a row is invalid (exit 1)")
    p.add_argument("--json", action="store_true", help="print {kpis, errors} as JSON")
    p.set_defaults(func=cmd_academy)


def _report_rows(log) -> None:
    errs = log.error_messages()
    if not errs:
        return
    print(f"koers: {len(errs)} row{'s' if len(errs) != 1 else ''} left out:", file=sys.stderr)
    for m in errs[:_SHOWN]:
        print(f"koers:   {m}", file=sys.stderr)
    if len(errs) > _SHOWN:
        print(f"koers:   ... and {len(errs) - _SHOWN} more (all in --json)", file=sys.stderr)


def cmd_academy(args) -> int:
    from . import academy
    from .errors import InputError
    _, folder = source(args)
    log = academy.load(folder)
    errors = log.error_list()
    if args.strict and errors:
        _report_rows(log)
        try:
            log.refuse_if_invalid()
        except InputError as e:
            print(f"koers: {e}", file=sys.stderr)
        if args.json:
            emit_json({"kpis": None, "errors": errors})
        return EXIT_INVALID
    k = log.kpis(args.as_of, args.year)
    _report_rows(log)
    if args.json:
        emit_json({"kpis": dict(k), "errors": errors})
    else:
        width = max(len(n) for n in k)
        print(f"academy {folder} as of {k.as_of.isoformat()}")
        for name, value in k.items():
            print(f"  {name:<{width}}  {'-' if value is None else value}")
    return EXIT_INVALID if errors else EXIT_OK
