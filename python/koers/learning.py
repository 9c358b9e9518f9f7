"""Learning time: who may learn how much (issue 8 §2; Deventer plan §4.1 "Tijd voor leren").

Every employee has 1 day a month for learning (12 days a year full time), managers half a day a
month more for management development; a day is the contract's weekly hours / 5 (so part-time is
pro rata by contract hours) and a start or end inside the year is pro rata by working days of the
chosen calendar. The rules, the row validation and the exact fractions are C++
(``koers/learning/entitlement.hpp``); this module turns rosters (a CSV file or a DataFrame) into
DataFrames.

>>> import koers, pandas as pd
>>> roster = pd.DataFrame({"employee_id": [1, 2], "team": ["Burgerzaken"] * 2, "role": ["manager", "employee"],
...                        "hours_per_week": [36, 18], "start_date": ["2010-01-01", "2022-07-01"]})
>>> e = koers.entitlement(roster, year=2022)
>>> e.people["hours_exact"].tolist()     # 18 days x 7.2 h; 12 x 130/253 days x 3.6 h
[Fraction(648, 5), Fraction(5616, 253)]
>>> e.total["hours"].round(2).tolist()
[151.8]
"""
from __future__ import annotations

import datetime as _dt
import math
import numbers
import os
from fractions import Fraction
from typing import Iterable

import numpy as np

from . import _core
from ._lazy import is_frame, pandas as pd
from .calendar import Calendar, exact_text
from .errors import Errc, error

__all__ = ["Roster", "Entitlement", "entitlement", "load_roster", "read_roster", "ROSTER_COLUMNS"]

#: The roster's columns: the first five required, the last two optional.
ROSTER_COLUMNS = ["employee_id", "team", "role", "hours_per_week", "start_date", "end_date", "target_groups"]


def _fraction(r) -> Fraction:
    return Fraction(r.num, r.den)


def _cell(v) -> str:
    """A DataFrame cell as the text the C++ validation reads (never a float's binary value)."""
    if v is None or v is pd.NaT:
        return ""
    if isinstance(v, float) and math.isnan(v):
        return ""
    if isinstance(v, str):
        return v.strip()
    if isinstance(v, (list, tuple, set, frozenset)):
        return ";".join(str(x) for x in v)
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, pd.Timestamp):
        return v.date().isoformat() if (v.hour, v.minute, v.second, v.microsecond) == (0, 0, 0, 0) else v.isoformat()
    if isinstance(v, np.datetime64):
        return "" if np.isnat(v) else _cell(pd.Timestamp(v))
    if isinstance(v, _dt.datetime):
        return v.isoformat()
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, Fraction):
        return f"{v.numerator}/{v.denominator}"
    if isinstance(v, numbers.Integral):
        return str(int(v))
    if isinstance(v, numbers.Real):
        return repr(float(v))  # shortest decimal text: 25.5 -> "25.5"
    return str(v)


def _columns(frame, file: str) -> tuple:
    """(origin, header, columns of text) for ``koers::io::table_from_columns``."""
    header = [str(c) for c in frame.columns]
    cols = [[_cell(v) for v in frame.iloc[:, i].tolist()] for i in range(frame.shape[1])]
    return file, header, cols


class Roster:
    """The valid rows of a roster (``.frame``) and the bad rows left out (``.errors``).

    Build with :func:`load_roster` (CSV) or :func:`read_roster` (DataFrame).
    """

    def __init__(self, core: "_core.Roster"):
        self._core = core

    @property
    def file(self) -> str:
        return self._core.file

    @property
    def core(self) -> "_core.Roster":
        return self._core

    @property
    def valid(self) -> bool:
        return not self._core.errors

    @property
    def frame(self) -> pd.DataFrame:
        """One row per valid employee (roster order), dates as datetime64, hours exact (Fraction)."""
        es = self._core.employees
        return pd.DataFrame({
            "employee_id": pd.Series([e.id for e in es], dtype="int64"),
            "team": pd.Series([e.team for e in es], dtype=object),
            "role": pd.Series([e.role.name for e in es], dtype=object),
            "hours_per_week": pd.Series([float(_fraction(e.hours_per_week)) for e in es], dtype="float64"),
            "hours_per_week_exact": pd.Series([_fraction(e.hours_per_week) for e in es], dtype=object),
            "start_date": pd.to_datetime(pd.Series([e.start for e in es], dtype=object)),
            "end_date": pd.to_datetime(pd.Series([e.end for e in es], dtype=object)),
            "target_groups": pd.Series([list(e.target_groups) for e in es], dtype=object),
            "row": pd.Series([e.row for e in es], dtype="int64"),
        })

    @property
    def errors(self) -> pd.DataFrame:
        """The bad rows: file, row (1-based data row), field, reason (a stable code), message."""
        return _errors_frame(self._core.errors)

    def error_list(self) -> list[dict]:
        return [{"file": f, "row": int(r), "field": fd, "reason": why} for f, r, fd, why, _m in self._core.errors]

    def require_valid(self) -> "Roster":
        """Raise :class:`koers.InputError` 710 (invalid_roster) listing the bad rows, if any."""
        self._core.require_valid()
        return self

    def __len__(self) -> int:
        return len(self._core.employees)

    def __repr__(self) -> str:
        return f"<Roster {self.file or 'DataFrame'!r} employees={len(self)} errors={len(self._core.errors)}>"


def _errors_frame(errors) -> pd.DataFrame:
    """Row errors ((file, row, field, reason, message) tuples from C++) as a DataFrame."""
    errors = list(errors)
    return pd.DataFrame({
        "file": pd.Series([e[0] for e in errors], dtype=object),
        "row": pd.Series([e[1] for e in errors], dtype="int64"),
        "field": pd.Series([e[2] for e in errors], dtype=object),
        "reason": pd.Series([e[3] for e in errors], dtype=object),
        "message": pd.Series([e[4] for e in errors], dtype=object),
    })


def read_roster(frame: pd.DataFrame, name: str = "roster") -> Roster:
    """Validate a roster DataFrame row by row (the same C++ rules as a CSV file; rows counted from 1)."""
    if not is_frame(frame):
        raise error(Errc.invalid_argument, f"a roster must be a DataFrame or a CSV path, not {type(frame).__name__}", ["roster"])
    return Roster(_core.read_roster_columns(*_columns(frame, name)))


def load_roster(path) -> Roster:
    """Read and validate a roster CSV file (UTF-8 with a header row; quoted fields, a BOM and CRLF
    accepted). A missing file raises FileNotFoundError; a file without a required column E701."""
    return Roster(_core.load_roster(os.fspath(path)))


def _roster(roster) -> Roster:
    if isinstance(roster, Roster):
        return roster
    if is_frame(roster):
        return read_roster(roster)
    if isinstance(roster, (str, os.PathLike)):
        return load_roster(roster)
    raise error(Errc.invalid_argument, f"a roster must be a CSV path, a DataFrame or a koers Roster, not {type(roster).__name__}", ["roster"])


_AMOUNTS = ["days", "base_hours", "management_hours", "hours"]


class Entitlement:
    """Learning time per person, team, target group and in total, for one or more years.

    DataFrames (``people``, ``teams``, ``target_groups``, ``total``) carry every amount as a float
    (for tables and plots) and as an exact :class:`fractions.Fraction` in ``<name>_exact``.
    Days are each person's contract days (weekly hours / 5); hours are comparable across people.
    """

    def __init__(self, reports, roster: Roster, calendar: Calendar):
        self._reports = list(reports)
        self.roster = roster
        self.calendar = calendar

    @property
    def years(self) -> list[int]:
        return [r.year for r in self._reports]

    @property
    def errors(self) -> pd.DataFrame:
        return self.roster.errors

    @property
    def people(self) -> pd.DataFrame:
        rows = []
        for r in self._reports:
            for p in r.people:
                row = {"year": r.year, "employee_id": p.employee_id, "team": p.team, "role": p.role.name,
                       "target_groups": list(p.target_groups), "hours_per_week": float(_fraction(p.hours_per_week)),
                       "working_days_year": p.working_days_year, "working_days_employed": p.working_days_employed,
                       "share": float(_fraction(p.share))}
                for k in ["base_days", "management_days"] + _AMOUNTS:
                    f = _fraction(getattr(p, k))
                    row[k] = float(f)
                    row[k + "_exact"] = f
                row["share_exact"] = _fraction(p.share)
                rows.append(row)
        cols = ["year", "employee_id", "team", "role", "target_groups", "hours_per_week", "working_days_year",
                "working_days_employed", "share", "base_days", "management_days", "days", "base_hours",
                "management_hours", "hours", "share_exact", "base_days_exact", "management_days_exact", "days_exact",
                "base_hours_exact", "management_hours_exact", "hours_exact"]
        return pd.DataFrame(rows, columns=cols)

    @staticmethod
    def _totals(items, year, key):
        rows = []
        for t in items:
            row = {"year": year} if key is None else {"year": year, key: t.key}
            row.update({"people": t.people, "managers": t.managers, "fte": float(_fraction(t.fte))})
            for k in _AMOUNTS:
                f = _fraction(getattr(t, k))
                row[k] = float(f)
                row[k + "_exact"] = f
            row["fte_exact"] = _fraction(t.fte)
            rows.append(row)
        return rows

    def _frame(self, attr, key):
        rows = []
        for r in self._reports:
            items = [r.total] if attr == "total" else getattr(r, attr)
            rows += self._totals(items, r.year, key)
        cols = ["year"] + ([key] if key else []) + ["people", "managers", "fte"] + _AMOUNTS + \
               [k + "_exact" for k in _AMOUNTS] + ["fte_exact"]
        return pd.DataFrame(rows, columns=cols)

    @property
    def teams(self) -> pd.DataFrame:
        """Per year and team: people, managers, FTE (36 h = 1), days, base/management/total hours."""
        return self._frame("teams", "team")

    @property
    def target_groups(self) -> pd.DataFrame:
        """Per year and target group id (a person counts in each of their groups)."""
        return self._frame("target_groups", "target_group")

    @property
    def total(self) -> pd.DataFrame:
        """Per year, everyone on the roster employed in it."""
        return self._frame("total", None)

    # ---- JSON (the koers entitlement command) ------------------------------------------------
    @staticmethod
    def _amounts(obj) -> dict:
        out = {}
        for k in _AMOUNTS:
            out[k], out[k + "_exact"] = exact_text(_fraction(getattr(obj, k)))
        return out

    def to_dict(self) -> dict:
        """The result as JSON-ready data: amounts as decimal strings (half-up, 2 decimals) beside
        their exact fractions (``"hours": "86.40", "hours_exact": "432/5"``)."""
        years = []
        for r in self._reports:
            people = []
            for p in r.people:
                d = {"employee_id": p.employee_id, "team": p.team, "role": p.role.name,
                     "target_groups": list(p.target_groups),
                     "hours_per_week_exact": _core.ratio_fraction(p.hours_per_week),
                     "working_days_employed": p.working_days_employed,
                     "share_exact": _core.ratio_fraction(p.share)}
                d.update(self._amounts(p))
                people.append(d)

            def totals(items, key):
                out = []
                for t in items:
                    d = {key: t.key} if key else {}
                    d.update({"people": t.people, "managers": t.managers})
                    d["fte"], d["fte_exact"] = exact_text(_fraction(t.fte))
                    d.update(self._amounts(t))
                    out.append(d)
                return out

            years.append({"year": r.year, "working_days_year": r.working_days_year, "people": people,
                          "teams": totals(r.teams, "team"), "target_groups": totals(r.target_groups, "target_group"),
                          "total": totals([r.total], None)[0], "outside_year": r.outside_year})
        out = {"holidays": self.calendar.variant}
        if len(years) == 1:
            out.update(years[0])
        else:
            out["years"] = years
        out["errors"] = self.roster.error_list()
        return out

    def __repr__(self) -> str:
        tot = " ".join(f"{r.year}: {float(_fraction(r.total.hours)):.1f} h" for r in self._reports)
        return f"<Entitlement people={len(self.roster)} errors={len(self.roster.error_list())} {tot}>"


def entitlement(roster, year=None, holidays: str = "nl", calendar: Calendar | None = None, strict: bool = False,
                days_per_month="1", manager_extra_days_per_month="1/2", full_time_hours="36") -> Entitlement:
    """Learning-time entitlement of a roster in ``year`` (an int or several).

    Parameters
    ----------
    roster : path, DataFrame or Roster
        Columns ``employee_id``, ``team``, ``role`` (``employee`` | ``manager``), ``hours_per_week``,
        ``start_date``, optional ``end_date`` and ``target_groups`` (``;``-separated ids or a list).
        Bad rows are left out and listed in ``.errors``; ``strict=True`` raises E710 instead.
    year : int or iterable of int
    holidays : str, default "nl"
        Holiday rules (``koers.Calendar.variants()``).
    calendar : koers.Calendar, optional
        A calendar instead of ``holidays`` (e.g. with added days off).
    days_per_month, manager_extra_days_per_month : exact text or number
        The §4.1 rules (1 day; ½ day more for managers).
    full_time_hours : exact text or number
        The full-time week for the FTE column (36, the municipal CAO).
    strict : bool, default False
        Refuse the roster (E710, listing the bad rows) instead of leaving bad rows out.

    Returns
    -------
    Entitlement
        ``people``, ``teams``, ``target_groups`` and ``total`` as DataFrames (hours and days as
        floats with exact ``*_exact`` Fractions beside them), and ``errors``.

    Raises
    ------
    koers.InputError
        No year (E105), a year that is not a whole number (E106), an unreadable roster or unknown
        holiday rules (E504); with ``strict=True`` a bad row (E710).

    Examples
    --------
    >>> import koers
    >>> e = koers.entitlement(koers.examples.path("deventer-2014", "roster.csv"), year=2014)
    >>> e
    <Entitlement people=1150 errors=0 2014: 87261.8 h>
    >>> e.total["hours_exact"].iloc[0]
    Fraction(110386224, 1265)
    """
    if year is None:
        raise error(Errc.missing_field, "entitlement needs a year (e.g. year=2022)", ["year"])
    years = [year] if isinstance(year, numbers.Integral) and not isinstance(year, bool) else list(year) \
        if isinstance(year, Iterable) and not isinstance(year, (str, bytes)) else None
    if not years or any(isinstance(y, bool) or not isinstance(y, numbers.Integral) for y in years):
        raise error(Errc.wrong_type, f"year must be a whole number or a list of them, not {year!r}", ["year"])
    cal = calendar if calendar is not None else Calendar(holidays)
    r = _roster(roster)
    if strict:
        r.require_valid()
    from .calendar import hours_ratio
    rules = _core.EntitlementRules()
    rules.days_per_month = hours_ratio(days_per_month, "days_per_month")
    rules.manager_extra_days_per_month = hours_ratio(manager_extra_days_per_month, "manager_extra_days_per_month")
    ft = hours_ratio(full_time_hours, "full_time_hours")
    reports = [_core.entitlement_report(r.core.employees, int(y), cal.core, rules, ft) for y in years]
    return Entitlement(reports, r, cal)


# ---------------------------------------------------------------------------------------------
# Expert capacity with leave (koers/learning/capacity.hpp)
# ---------------------------------------------------------------------------------------------
def read_leave(frame: pd.DataFrame, name: str = "leave") -> "_core.LeaveTable":
    """Validate a leave DataFrame (``employee_id``, ``start_date``, ``end_date``) row by row."""
    if not is_frame(frame):
        raise error(Errc.invalid_argument, f"a leave table must be a DataFrame or a CSV path, not {type(frame).__name__}", ["leave"])
    return _core.read_leave_columns(*_columns(frame, name))


def load_leave(path) -> "_core.LeaveTable":
    """Read and validate a leave CSV file (``employee_id``, ``start_date``, ``end_date``, inclusive)."""
    return _core.load_leave(os.fspath(path))


def _leave(leave) -> "_core.LeaveTable":
    if leave is None:
        return _core.LeaveTable()
    if isinstance(leave, _core.LeaveTable):
        return leave
    if is_frame(leave):
        return read_leave(leave)
    if isinstance(leave, (str, os.PathLike)):
        return load_leave(leave)
    raise error(Errc.invalid_argument, f"leave must be a CSV path or a DataFrame, not {type(leave).__name__}", ["leave"])


def _experts(experts, hours_per_week) -> list:
    from .calendar import hours_ratio
    if isinstance(experts, numbers.Integral) and not isinstance(experts, bool):
        if experts < 1:
            raise error(Errc.invalid_value, f"experts must be at least 1 (got {experts})", ["experts"])
        return [_core.ExpertHours(f"GB{k:02d}", hours_ratio(hours_per_week)) for k in range(1, int(experts) + 1)]
    if is_frame(experts):
        if "id" not in experts.columns:
            raise error(Errc.missing_field, "the experts DataFrame needs an 'id' column (and hours_per_week)", ["id"])
        hs = experts["hours_per_week"] if "hours_per_week" in experts.columns else [hours_per_week] * len(experts)
        return [_core.ExpertHours(str(i), hours_ratio(h)) for i, h in zip(experts["id"], hs)]
    if isinstance(experts, dict):
        return [_core.ExpertHours(str(i), hours_ratio(h)) for i, h in experts.items()]
    return [_core.ExpertHours(str(i), hours_ratio(hours_per_week)) for i in experts]


def expert_capacity(experts=15, start="2022-01-01", end="2022-12-31", hours_per_week="4", leave=None,
                    holidays: str = "nl", calendar: Calendar | None = None) -> pd.DataFrame:
    """The hours each expert has from ``start`` to ``end``: (working days − working days on leave)
    × hours_per_week / 5, exact (C++ ``koers::learning::expert_capacity``).

    ``experts``: a count (ids ``GB01``.., all at ``hours_per_week``; West Betuwe: 15 Green Belts at
    4 h/week), ids, ``{id: hours_per_week}`` or a DataFrame with ``id`` (and ``hours_per_week``).
    ``leave``: a CSV path or DataFrame (``employee_id``, ``start_date``, ``end_date``); a row for an
    id that is not an expert raises E711 (unknown_employee). Over 2022 ("nl"): 202.4 h each.
    """
    cal = calendar if calendar is not None else Calendar(holidays)
    from .calendar import to_date
    period = _core.Period(to_date(start), to_date(end))
    caps = _core.expert_capacity(_experts(experts, hours_per_week), period, cal.core, _leave(leave))
    return pd.DataFrame({
        "expert": [c.id for c in caps],
        "hours_per_week": [float(_fraction(c.hours_per_week)) for c in caps],
        "working_days": [c.working_days for c in caps],
        "leave_days": [c.leave_days for c in caps],
        "available_days": [c.available_days for c in caps],
        "hours": [float(_fraction(c.hours)) for c in caps],
        "hours_exact": [_fraction(c.hours) for c in caps],
    })


def selection_with_leave(selection, leave):
    """A :class:`koers.Selection` from a ``koers.selection`` file (path or dict) whose experts give
    ``hours_per_week`` over the file's ``period``, with each expert's leave taken off their hours.

    The leave table is checked against the experts first (E711 for an id that is not an expert,
    bad rows: E710 listing them), then written into the experts' ``leave`` lists, so the C++
    selection reader counts the hours (the same ``koers::person_capacity``).
    """
    import copy
    import json
    from .selection import Selection
    if isinstance(selection, (str, os.PathLike)):
        with open(os.fspath(selection), encoding="utf-8") as f:
            data = json.load(f)
    elif isinstance(selection, dict):
        data = copy.deepcopy(selection)
    else:
        raise error(Errc.invalid_argument, "selection_with_leave needs a koers.selection path or dict (the file's period and "
                         "hours_per_week, which a loaded Selection no longer has)", ["selection"])
    table = _leave(leave)
    if table.errors:
        listed = [f"{f} row {r} {fd}: {why}" for f, r, fd, why, _m in table.errors]
        raise error(Errc.invalid_roster, f"{table.file or 'leave'}: {len(table.errors)} invalid row(s): " + "; ".join(listed[:5]), listed)
    experts = data.get("experts") or []
    period = data.get("period")
    with_week = {str(e.get("id")): e for e in experts if isinstance(e, dict) and "hours_per_week" in e}
    for l in table.leave:
        if l.employee_id not in with_week:
            known = ", ".join(sorted(with_week)) or "(none with hours_per_week)"
            raise error(Errc.unknown_employee, f"{table.file or 'leave'} row {l.row} employee_id: '{l.employee_id}' is not an expert "
                             f"with hours_per_week in the selection (experts: {known})", [table.file or "leave", str(l.row), "employee_id", l.employee_id])
    if table.leave and not isinstance(period, dict):
        raise error(Errc.missing_field, "the selection has no period to take leave off", ["/period"])
    for l in table.leave:
        with_week[l.employee_id].setdefault("leave", []).append({"start": l.start.isoformat(), "end": l.end.isoformat()})
    return Selection.from_dict(data)


# ---------------------------------------------------------------------------------------------
# The plan's demand against the entitlement (koers/learning/demand.hpp)
# ---------------------------------------------------------------------------------------------
class Demand:
    """The learning hours a plan's interventions ask, by target group, team and person, against the
    entitlement (see ``koers/learning/demand.hpp`` for the attribution rules). Amounts are hours:
    floats for tables and plots, exact Fractions in ``<name>_exact``."""

    def __init__(self, report, entitlement: Entitlement):
        self._r = report
        self.entitlement = entitlement

    @property
    def year(self) -> int:
        return self._r.year

    @staticmethod
    def _frame(items, fields, amounts):
        rows = []
        for it in items:
            row = {f: (list(getattr(it, f)) if f == "target_groups" else getattr(it, f)) for f in fields}
            for a in amounts:
                v = getattr(it, a)
                f = None if v is None else _fraction(v)
                row[a] = float("nan") if f is None else float(f)
                row[a + "_exact"] = f
            rows.append(row)
        return pd.DataFrame(rows, columns=fields + amounts + [a + "_exact" for a in amounts])

    @property
    def lines(self) -> pd.DataFrame:
        """Per intervention: target groups, participants, hours per participant, learning hours."""
        df = self._frame(self._r.lines, ["intervention", "name", "target_groups", "participants", "participants_from"],
                         ["hours_per_participant", "learning_hours"])
        df["participants"] = df["participants"].astype("Int64")
        return df

    @property
    def groups(self) -> pd.DataFrame:
        """Per target group of the model: demand, supply (its members' entitlement), over; the hours
        one member would need for all its interventions against the mean entitlement per member."""
        df = self._frame(self._r.groups, ["target_group", "name", "size", "people", "interventions"],
                         ["demand", "supply", "over", "max_hours_per_member", "supply_per_member", "over_per_member"])
        df["size"] = df["size"].astype("Int64")
        return df

    @property
    def teams(self) -> pd.DataFrame:
        """Per team: demand spread to its people, their entitlement, the hours over and who goes over."""
        return self._frame(self._r.teams, ["team", "people", "people_over"], ["demand", "supply", "over"])

    @property
    def people(self) -> pd.DataFrame:
        return self._frame(self._r.people, ["employee_id", "team"], ["demand", "supply", "over"])

    @property
    def totals(self) -> dict:
        """demand, supply, over and unplaced hours (exact Fractions)."""
        return {k: _fraction(getattr(self._r, k)) for k in ("demand", "supply", "over", "unplaced")}

    @property
    def groups_without_people(self) -> list[str]:
        return list(self._r.groups_without_people)

    def __repr__(self) -> str:
        t = self.totals
        return (f"<Demand {self.year}: demand {float(t['demand']):.1f} h, supply {float(t['supply']):.1f} h, "
                f"over {float(t['over']):.1f} h>")


def demand(plan, roster, year: int, holidays: str = "nl", calendar: Calendar | None = None, **entitlement_options) -> Demand:
    """The learning hours ``plan``'s interventions ask (duration × participants, by target group)
    against the entitlement of ``roster`` in ``year`` (whose ``target_groups`` name the model's ids).

    >>> import koers
    >>> d = koers.learning.demand(koers.examples.load("deventer-2014"),
    ...                           koers.examples.path("deventer-2014", "roster.csv"), 2014)
    >>> d.totals["demand"]                 # Σ participants x duration of the 26 interventions with both
    Fraction(31378, 1)
    """
    from .model import Model
    if isinstance(plan, (str, os.PathLike)):
        from .model import load as _load
        plan = _load(plan)
    if not isinstance(plan, Model):
        raise error(Errc.invalid_argument, f"plan must be a koers.Model or a model path, not {type(plan).__name__}", ["plan"])
    e = entitlement(roster, year=year, holidays=holidays, calendar=calendar, **entitlement_options)
    return Demand(_core.demand_vs_supply(plan._g, e._reports[0]), e)
