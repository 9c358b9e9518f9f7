"""``koers select FILE``: choose and assign the processes the experts take on, proven optimal.

Exit codes (see koers.cli): 0 optimal (or a stated limit), 1 infeasible (the explanation on
stderr and, with ``--json``, in the JSON), 2 usage or file error.
"""
from __future__ import annotations

import argparse
import sys

from ._cli_common import EXIT_INVALID, EXIT_OK, add_command, add_source, emit_json, run, source, stop_text


def _selection_from(args):
    from .selection import Selection
    _kind, path = source(args)
    if getattr(args, "leave", None):
        from .learning import selection_with_leave
        return selection_with_leave(path, args.leave)
    return Selection.load(path)


def _uniqueness(r, asked: bool) -> str:
    """What the text says of uniqueness: only what was proven."""
    if not r.optimal or not asked:
        return ""
    if r.unique:
        return "; no other selection reaches it"
    if r.alternative:
        return f"; another selection reaches the same total ({len(r.alternative)} processes, --json: alternative)"
    return f"; whether another selection reaches it is open (search stopped {stop_text(r.stopped_by)})" \
        if r.stopped_by else "; whether another selection reaches it is open"


def _text(r, asked: bool = True) -> str:
    s = r.selection
    lines = [f"{s.name or 'selection'}: {r.status}"]
    if r.status == "infeasible":
        lines.append(f"  {r.explanation}")
        return "\n".join(lines)
    lines.append(f"  total score {r.total_score:g}, bound {r.bound:g}, gap {r.gap:g}"
                 + (" (proven optimal)" if r.optimal else f" (search stopped {stop_text(r.stopped_by)})")
                 + _uniqueness(r, asked))
    lines.append(f"  {len(r.selected)} processes, {r.raw.get('hours_used', 0):g} of {r.raw.get('hours_available', 0):g} h")
    items = s.items
    if r.assignment_map:
        used = r.hours_used
        avail = s.experts["hours"] if "hours" in s.experts else None
        for e, ps in r.assignment_map.items():
            cap = f" of {float(avail[e]):g}" if avail is not None else ""
            lines.append(f"  {e} ({used[e]:g}{cap} h):")
            for p in ps:
                pin = " [mandatory]" if items.at[p, "mandatory"] else ""
                lines.append(f"    - {p} (score {items.at[p, 'score']:g}, {items.at[p, 'hours']:g} h){pin}")
    else:
        for p in r.selected:
            lines.append(f"  - {p} (score {items.at[p, 'score']:g}, {items.at[p, 'hours']:g} h)")
    c = r.top_n
    lines.append(f"  top-{c.n} cut (mandatory first, then by score): total {c.total_score:g}"
                 + ("" if c.feasible else ", cannot be assigned within the experts' hours")
                 + ("" if c.meets_minimum is not False or not c.feasible else ", leaves an expert below the minimum")
                 + f"; the optimum is {c.lost:g} higher")
    if c.extra:
        lines.append("    in the cut, not in the optimum: " + ", ".join(c.extra))
    if c.missing:
        lines.append("    in the optimum, not in the cut: " + ", ".join(c.missing))
    return "\n".join(lines)


def cmd_select(args) -> int:
    from .selection import select
    s = _selection_from(args)
    from ._progress import wanted
    r = select(s, node_limit=args.node_limit, time_limit=args.time_limit, check_unique=not args.no_unique,
               progress=wanted(args))
    if args.json:
        emit_json(r.to_dict())
    else:
        print(_text(r, asked=not args.no_unique))
    if r.status == "infeasible":
        print(f"koers: infeasible: {r.explanation}", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def register(sub) -> None:
    """Add ``select`` to the koers parser."""
    from ._checks import INT64_MAX, float_arg, int_arg
    p = add_command(sub, "select",
                    description="Choose the processes with the highest total score that the experts can take "
                                "on within their hours (each process whole to one expert, mandatory processes in, "
                                "each expert at least min_items_per_expert), proven optimal; compare with the "
                                "top-N cut.")
    add_source(p, "a koers.selection JSON file", "selection.json")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--leave", metavar="LEAVE.csv",
                   help="a leave table (employee_id, start_date, end_date): the working days each expert is on "
                        "leave are taken off their hours_per_week hours (E711 for an id that is not an expert)")
    p.add_argument("--node-limit", type=int_arg(0, INT64_MAX), default=0, metavar="N", help="stop after N nodes (0: no limit)")
    p.add_argument("--time-limit", type=float_arg(0.0), default=0.0, metavar="S",
                   help="stop after S seconds (0: no limit; Ctrl-C stops it too, exit 130)")
    p.add_argument("--no-unique", action="store_true",
                   help="do not ask whether the optimum is unique (one solve less)")
    p.add_argument("--quiet", action="store_true", help="no progress bar (shown on a terminal for a search beyond 0.5 s)")
    p.set_defaults(func=cmd_select)


def main(argv=None) -> int:
    """``python -m koers.cli_select FILE ...`` (the same as ``koers select FILE ...``)."""
    parser = argparse.ArgumentParser(prog="koers")  # koers.cli's parser, with this command alone
    register(parser.add_subparsers(dest="command", metavar="COMMAND"))
    return run(parser, ["select", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
