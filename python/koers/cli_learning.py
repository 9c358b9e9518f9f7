"""``koers entitlement ROSTER.csv --year Y``: learning-time entitlement per person, team, target group.

Exit codes (see koers.cli): 0 every roster row valid; 1 rows were left out (the entitlement is
still computed from the valid rows and the bad ones are listed under ``errors``) or, with
``--strict``, the roster was refused (E710); 2 usage or file error (a missing file or column,
a bad year, unknown holiday rules).
"""
from __future__ import annotations

import sys

from ._cli_common import EXIT_INVALID, EXIT_OK, add_command, add_source, emit_json, source


def _year(text: str) -> int:
    t = text.strip()
    if not (t.isascii() and t.isdigit()) or len(t) != 4:
        from .errors import Errc, error
        raise error(Errc.invalid_date, f"--year '{text}' is not a four-digit year such as 2022", [text])
    return int(t)


def _text(out: dict) -> str:
    lines = [f"learning time {out['year']} ({out['holidays']}, {out['working_days_year']} working days): "
             f"{out['total']['people']} people, {out['total']['hours']} h, {out['total']['days']} contract days"]
    lines.append(f"  {'team':<30} {'people':>6} {'managers':>8} {'FTE':>8} {'hours':>10}")
    for t in out["teams"]:
        lines.append(f"  {t['team']:<30} {t['people']:>6} {t['managers']:>8} {t['fte']:>8} {t['hours']:>10}")
    if out["target_groups"]:
        lines.append(f"  {'target group':<30} {'people':>6} {'':>8} {'':>8} {'hours':>10}")
        for t in out["target_groups"]:
            lines.append(f"  {t['target_group']:<30} {t['people']:>6} {'':>8} {'':>8} {t['hours']:>10}")
    if out["outside_year"]:
        lines.append(f"  ({out['outside_year']} roster rows not employed in {out['year']})")
    return "\n".join(lines)


def cmd_entitlement(args) -> int:
    from .errors import InputError
    from .learning import entitlement, load_roster
    _kind, path = source(args)
    year = _year(args.year)
    roster = load_roster(path)
    if args.strict and not roster.valid:
        try:
            roster.require_valid()
        except InputError as e:
            if args.json:
                emit_json({"errors": roster.error_list()})
            print(f"koers: {e}", file=sys.stderr)
            return EXIT_INVALID
    out = entitlement(roster, year=year, holidays=args.holidays).to_dict()
    if args.json:
        emit_json(out)
    else:
        print(_text(out))
    for e in out["errors"]:
        print(f"koers: {e['file']} row {e['row']} {e['field']}: {e['reason']} (row left out)", file=sys.stderr)
    return EXIT_INVALID if out["errors"] else EXIT_OK


def register(sub) -> None:
    """Add ``entitlement`` to the koers parser."""
    p = add_command(sub, "entitlement",
                    description="1 day a month for learning (12 a year full time), managers half a day a month "
                                "more; part-time pro rata by contract hours (a day = weekly hours / 5), a start "
                                "or end inside the year pro rata by working days. Exact; shown rounded half-up.")
    add_source(p, "a roster CSV (employee_id, team, role, hours_per_week, start_date[, end_date, target_groups])",
               "roster.csv")
    p.add_argument("--year", required=True, metavar="Y", help="the calendar year")
    p.add_argument("--holidays", default="nl", metavar="RULES", help="holiday rules (default nl)")
    p.add_argument("--strict", action="store_true", help="refuse the whole roster when a row is invalid (exit 1)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_entitlement)
