"""``koers calendar holidays | working-days | capacity``: the holiday calendar on the command line.

Thin: the rules, the counting and the exact hours are C++ (``koers/core/calendar.hpp``,
``koers/core/hours.hpp``). Exit codes (see koers.cli): 0 fine, 2 usage or bad input (a coded
:class:`koers.InputError` on stderr: 500 invalid_date, 501 invalid_period, 502 invalid_hours,
503 invalid_fraction, 504 unknown_holiday_rules).

A date carrying two days off (2016-05-05: Bevrijdingsdag and Hemelvaartsdag) is one entry, its
names joined by " / ", and is counted once.
"""
from __future__ import annotations

import sys

from ._cli_common import EXIT_USAGE, add_command, emit_json

#: the holiday rules koers knows (HolidayCalendar::variants(); tests/python/test_cli_calendar.py checks they agree)
RULES = ("nl", "nl-no-good-friday", "nl-liberation-lustrum", "nl-lustrum", "none")


def _input_error(name: str, message: str, elements):
    """The table's error for code ``name`` (errors load _core, so only when one is raised)."""
    from .errors import Errc, error
    return error(Errc[name], message, elements)


def _calendar(args):
    from .calendar import Calendar
    return Calendar(args.holidays)


def _year(text: str) -> int:
    t = text.strip()
    if not (t.isascii() and t.isdigit()) or len(t) != 4:
        raise _input_error("invalid_date", f"YEAR '{text}' is not a four-digit year such as 2022", [text])
    return int(t)


def _rows(frame) -> list[dict]:
    return [{"date": d.date().isoformat(), "name": n} for d, n in zip(frame["date"], frame["name"], strict=True)]


def cmd_holidays(args) -> int:
    cal = _calendar(args)
    y = _year(args.year)
    rows = _rows(cal.days_off(f"{y:04d}-01-01", f"{y:04d}-12-31"))
    if args.json:
        emit_json({"holidays": rows})
    else:
        print(f"{cal.variant} {y}: {len(rows)} days off")
        for r in rows:
            print(f"  {r['date']}  {r['name']}")
    return 0


def cmd_working_days(args) -> int:
    cal = _calendar(args)
    n = cal.working_days(args.start, args.end)
    rows = _rows(cal.days_off(args.start, args.end, weekdays_only=True))
    if args.json:
        emit_json({"working_days": n, "holidays": rows})
    else:
        print(f"{args.start}..{args.end} ({cal.variant}): {n} working days; days off on a weekday:")
        for r in rows:
            print(f"  {r['date']}  {r['name']}")
    return 0


def cmd_capacity(args) -> int:
    cal = _calendar(args)
    experts = _experts(args.experts)
    out = cal.capacity(args.start, args.end, args.hours_per_week, experts=experts)
    if args.json:
        emit_json(out)
    else:
        print(f"{experts} x {args.hours_per_week} h/week, {args.start}..{args.end} ({cal.variant}): "
              f"{out['working_days']} working days, {out['hours']} h (exactly {out['hours_exact']})")
    return 0


def _experts(text: str) -> int:
    t = text.strip()
    if not (t.isascii() and t.isdigit()) or int(t) < 1:
        raise _input_error("invalid_value", f"--experts '{text}' must be a whole number of at least 1", ["experts"])
    return int(t)


def register(sub) -> None:
    """Add ``calendar`` with its three sub-commands to the koers parser."""
    p = add_command(sub, "calendar",
                    description="Dutch public holidays, working days and the hours of a period, exact.")
    cs = p.add_subparsers(dest="calendar_command", metavar="SUBCOMMAND")
    rules_help = "holiday rules: " + ", ".join(RULES) + " (default nl)"

    def common(q):
        q.add_argument("--holidays", default="nl", metavar="RULES", help=rules_help)
        q.add_argument("--json", action="store_true", help="print the result as JSON")

    h = cs.add_parser("holidays", help="the days off of a year",
                      description='{"holidays": [{"date", "name"}]}: one entry per date, by date.')
    h.add_argument("year", metavar="YEAR")
    common(h)
    h.set_defaults(calendar_func=cmd_holidays)

    w = cs.add_parser("working-days", help="working days from FROM to TO, both included",
                      description='{"working_days": int, "holidays": [{"date", "name"}]}: the days off that '
                                  "fall on a weekday in the range (both ends included).")
    w.add_argument("start", metavar="FROM")
    w.add_argument("end", metavar="TO")
    common(w)
    w.set_defaults(calendar_func=cmd_working_days)

    c = cs.add_parser("capacity", help="hours of N people freeing H hours a week over a period",
                      description='{"hours": "202.40", "hours_exact": "1012/5", "working_days": int}: '
                                  "H x working days / 5 x N, exact, shown rounded half-up to 2 decimals.")
    c.add_argument("--hours-per-week", required=True, metavar="H", help='a decimal ("2.5") or a fraction ("10/3")')
    c.add_argument("--from", dest="start", required=True, metavar="A", help="first day, YYYY-MM-DD")
    c.add_argument("--to", dest="end", required=True, metavar="B", help="last day, YYYY-MM-DD (included)")
    c.add_argument("--experts", default="1", metavar="N", help="number of people (default 1)")
    common(c)
    c.set_defaults(calendar_func=cmd_capacity)

    def dispatch(args) -> int:
        f = getattr(args, "calendar_func", None)
        if f is None:
            p.print_help(sys.stderr)
            return EXIT_USAGE
        return f(args)

    p.set_defaults(func=dispatch)
