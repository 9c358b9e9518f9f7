"""Dates and the Dutch public-holiday calendar: working days and hours in a period.

The rules, the Easter computus and the counting live in C++ (``koers/core/calendar.hpp``);
this module accepts the dates an analyst has (``datetime.date``, ISO strings such as
``"2022-04-12"``, pandas Timestamps, numpy ``datetime64``) and returns DataFrames.

Variants (``Calendar.variants()``): ``"nl"`` (Nieuwjaarsdag, Goede Vrijdag, Easter Sunday and
Monday, Koningsdag 27 April — 26 April when the 27th is a Sunday; Koninginnedag 30 April,
1949-2013, on a Sunday 29 April from 1980 and 1 May before — Bevrijdingsdag, Hemelvaartsdag, Whit Sunday and Monday,
Christmas and Boxing Day), ``"nl-no-good-friday"``, ``"nl-liberation-lustrum"``
(Bevrijdingsdag only in years divisible by 5), ``"nl-lustrum"`` (both: no Goede Vrijdag,
Bevrijdingsdag only in lustrum years) and ``"none"`` (weekends only). An unknown name raises
:class:`koers.InputError` 504 (unknown_holiday_rules).

>>> import koers
>>> nl = koers.Calendar()
>>> nl.working_days("2022-01-01", "2022-12-31")
253
>>> nl.hours("2022-01-01", "2022-12-31", 4)      # one Green Belt freeing 4 hours a week
202.4
>>> nl.holidays(2025).loc[4, ["date", "name"]].tolist()
[Timestamp('2025-04-26 00:00:00'), 'Koningsdag']
"""
from __future__ import annotations

import datetime as _dt
import numbers
from fractions import Fraction
from typing import Mapping

import numpy as np
from ._lazy import is_frame, is_na, pandas as pd

from . import _core
from .errors import Errc, error

__all__ = ["Calendar", "easter", "to_date", "hours_ratio", "exact_text"]

_STATE_VERSION = 1
_WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def to_date(value) -> _dt.date:
    """A ``datetime.date`` from a date, datetime, pandas Timestamp, numpy datetime64 or ISO string.

    Raises :class:`koers.InputError` (code 500, invalid_date) for anything else.
    """
    if isinstance(value, str):
        return _core.parse_date(value)
    if value is None or is_na(value) or (isinstance(value, np.datetime64) and np.isnat(value)):
        raise error(Errc.invalid_date, f"'{value}' is not a valid date", [str(value)])
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, _dt.datetime):  # also pandas Timestamp: the date part
        return _dt.date(value.year, value.month, value.day)
    if isinstance(value, _dt.date):
        return value
    raise error(Errc.invalid_date, f"'{value!r}' is not a date (give a datetime.date, a pandas Timestamp or 'YYYY-MM-DD')", [repr(value)])


def hours_ratio(value, element: str = "hours_per_week") -> "_core.Ratio":
    """Hours as an exact ``_core.Ratio``, read by C++ ``koers::parse_hours``: text such as ``"2.5"``,
    ``"2,5"`` or ``"10/3"``; ints and Fractions as they are; floats by their shortest decimal text
    (4.5 -> 9/2, 0.1 -> 1/10). Never computed through a float.

    Raises :class:`koers.InputError` 502 (invalid_hours: not a number, negative, NaN, out of range),
    503 (invalid_fraction: a malformed fraction or a zero denominator) or 106 (a boolean).
    """
    if isinstance(value, bool):
        raise error(Errc.wrong_type, f"{element} must be a number, not a boolean", [element])
    if isinstance(value, str):
        return _core.parse_hours(value, element)
    if isinstance(value, numbers.Integral):
        f = Fraction(int(value))
    elif isinstance(value, Fraction):
        f = value
    elif isinstance(value, numbers.Real):
        x = float(value)
        if x != x or x in (float("inf"), float("-inf")):
            raise error(Errc.invalid_hours, f"{element}: '{value}' is not a finite number of hours", [element])
        f = Fraction(repr(x))
    else:
        raise error(Errc.invalid_hours, f"{element}: {value!r} is not a number of hours", [element])
    return _core.parse_hours(f"{f.numerator}/{f.denominator}", element)


def _extra_pairs(extra_days) -> list[tuple[_dt.date, str]]:
    if extra_days is None:
        return []
    if is_frame(extra_days):
        if "date" not in extra_days.columns:
            raise error(Errc.missing_field, "extra_days needs a 'date' column", ["extra_days"])
        names = extra_days["name"] if "name" in extra_days.columns else ["Extra vrije dag"] * len(extra_days)
        items = list(zip(extra_days["date"], names, strict=True))
    elif isinstance(extra_days, Mapping):
        items = list(extra_days.items())
    elif isinstance(extra_days, (str, _dt.date)):
        items = [extra_days]
    else:
        items = list(extra_days)
    out = []
    for it in items:
        if isinstance(it, tuple) and len(it) == 2:
            d, n = it
        else:
            d, n = it, "Extra vrije dag"
        out.append((to_date(d), str(n)))
    return out


def easter(year: int) -> _dt.date:
    """Gregorian Easter Sunday of ``year`` (1583..9999).

    >>> easter(2022)
    datetime.date(2022, 4, 17)
    """
    return _core.easter_sunday(int(year))


class Calendar:
    """The Dutch public-holiday calendar (or a named variant) plus days you add.

    Parameters
    ----------
    variant : str
        ``"nl"`` (default), ``"nl-no-good-friday"``, ``"nl-liberation-lustrum"``, ``"nl-lustrum"``
        or ``"none"``. An unknown name raises :class:`koers.InputError` (code 504).
    extra_days : mapping, iterable or DataFrame, optional
        Extra days off: ``{date: name}``, ``[(date, name), ...]``, bare dates (named
        "Extra vrije dag") or a DataFrame with ``date`` (and ``name``) columns.

    Examples
    --------
    >>> cal = Calendar("nl-liberation-lustrum", extra_days={"2022-05-27": "Brugdag"})
    >>> cal
    <Calendar 'nl-liberation-lustrum' extra_days=1>
    >>> cal.working_days("2022-01-01", "2022-12-31")
    253
    >>> cal.is_working_day("2022-05-05")
    True
    """

    def __init__(self, variant: str = "nl", extra_days=None):
        self._init(str(variant), _extra_pairs(extra_days))

    def _init(self, variant, pairs):
        self._cal = _core.HolidayCalendar.variant(variant)
        for d, n in pairs:
            self._cal.add_day(d, n)

    # ---- what it is -----------------------------------------------------------------------
    @staticmethod
    def variants() -> list[str]:
        """The variant names this koers knows."""
        return list(_core.HolidayCalendar.variants())

    @property
    def variant(self) -> str:
        return self._cal.name

    @property
    def extra_days(self) -> list[tuple[_dt.date, str]]:
        """The added days as ``(date, name)`` pairs, by date."""
        return [(h.date, h.name) for h in self._cal.extra_days]

    @property
    def core(self) -> "_core.HolidayCalendar":
        """The underlying C++ calendar (for other koers modules)."""
        return self._cal

    # ---- queries --------------------------------------------------------------------------
    def holidays(self, year: int) -> pd.DataFrame:
        """Every day off in ``year`` as a DataFrame with columns ``date`` (datetime64),
        ``name`` (Dutch) and ``weekday`` (Dutch, category), by date. A date can appear twice
        (2016: Bevrijdingsdag and Hemelvaartsdag on 5 May)."""
        if isinstance(year, bool) or not isinstance(year, numbers.Integral):
            raise error(Errc.wrong_type, f"year must be a whole number, not {year!r}", ["year"])
        return self._frame(self._cal.holidays(int(year)))

    def holidays_between(self, start, end) -> pd.DataFrame:
        """Every day off from ``start`` to ``end`` (both included), same columns as :meth:`holidays`."""
        return self._frame(self._cal.holidays_in(self._period(start, end)))

    @staticmethod
    def _frame(hs) -> pd.DataFrame:
        dates = np.array([h.date.isoformat() for h in hs], dtype="datetime64[D]").astype("datetime64[s]")
        return pd.DataFrame({
            "date": pd.Series(dates, dtype="datetime64[s]"),
            "name": pd.Series([h.name for h in hs], dtype=object),
            "weekday": pd.Categorical([_WEEKDAYS[h.date.weekday()] for h in hs], categories=_WEEKDAYS),
        })

    @staticmethod
    def _period(start, end) -> "_core.Period":
        return _core.Period(to_date(start), to_date(end))

    def days_off(self, start, end, weekdays_only: bool = False) -> pd.DataFrame:
        """The distinct days off from ``start`` to ``end``, one row per date (two names on one
        date " / "-joined: 2016-05-05 "Bevrijdingsdag / Hemelvaartsdag"); with ``weekdays_only``
        exactly the days :meth:`working_days` subtracts. Same columns as :meth:`holidays`."""
        return self._frame(self._cal.days_off(self._period(start, end), bool(weekdays_only)))

    def capacity(self, start, end, hours_per_week, experts: int = 1) -> dict:
        """Hours from ``start`` to ``end`` for ``experts`` people freeing ``hours_per_week`` each:
        working days × hours_per_week / 5 × experts, exact (C++ ``koers::capacity``).

        Returns ``{"hours": "202.40", "hours_exact": "1012/5", "working_days": 253}``: the
        exact fraction in lowest terms and its value rounded half-up to 2 decimals.

        >>> Calendar().capacity("2022-01-01", "2022-12-31", "4")
        {'hours': '202.40', 'hours_exact': '1012/5', 'working_days': 253}
        """
        if isinstance(experts, bool) or not isinstance(experts, numbers.Integral):
            raise error(Errc.wrong_type, f"experts must be a whole number, not {experts!r}", ["experts"])
        c = _core.capacity(self._cal, self._period(start, end), hours_ratio(hours_per_week), int(experts))
        return {"hours": _core.ratio_decimal(c.hours, 2), "hours_exact": _core.ratio_fraction(c.hours),
                "working_days": int(c.working_days)}

    def is_holiday(self, date) -> bool:
        return self._cal.is_holiday(to_date(date))

    def holiday_name(self, date) -> str | None:
        """The name of the day off on ``date`` (" / "-joined when several), or None."""
        return self._cal.holiday_name(to_date(date)) or None

    def is_working_day(self, date) -> bool:
        """Monday to Friday and not a day off in this calendar."""
        return self._cal.is_working_day(to_date(date))

    def working_days(self, start, end) -> int:
        """Working days from ``start`` to ``end``, both included (E501 when end < start)."""
        return self._cal.working_days(self._period(start, end))

    def hours(self, start, end, hours_per_week, exact: bool = False):
        """Hours from ``start`` to ``end`` for someone who frees ``hours_per_week`` hours a week:
        working days × hours_per_week / 5.

        Computed exactly in C++; returns the nearest float, or a :class:`fractions.Fraction`
        with ``exact=True``. ``hours_per_week`` is read by its decimal text (4.5 is 9/2 exactly).

        >>> Calendar().hours("2022-01-01", "2022-12-31", 4, exact=True)
        Fraction(1012, 5)
        """
        r = self._cal.hours(self._period(start, end), hours_ratio(hours_per_week))
        f = Fraction(r.num, r.den)
        return f if exact else float(f)

    def milli_hours(self, start, end, hours_per_week) -> int:
        """:meth:`hours` in whole milli-hours (the selection solver's unit; half-even rounding)."""
        return self._cal.milli_hours(self._period(start, end), hours_ratio(hours_per_week))

    @staticmethod
    def weeks(start, end, exact: bool = False):
        """Calendar days from ``start`` to ``end`` (both included) divided by 7."""
        r = _core.weeks(Calendar._period(start, end))
        f = Fraction(r.num, r.den)
        return f if exact else float(f)

    # ---- printing, equality, pickling -------------------------------------------------------
    def __repr__(self) -> str:
        return f"<Calendar '{self.variant}' extra_days={len(self._cal.extra_days)}>"

    def __eq__(self, other) -> bool:
        if not isinstance(other, Calendar):
            return NotImplemented
        return self._cal == other._cal

    __hash__ = None  # mutable through core.add_day

    def __getstate__(self):
        return (_STATE_VERSION, self.variant, [(d.isoformat(), n) for d, n in self.extra_days])

    def __setstate__(self, state):
        version, variant, pairs = state
        if version != _STATE_VERSION:
            raise error(Errc.unsupported_version, f"Calendar pickle version {version} is not supported (this koers reads 1)", ["version"])
        self._init(variant, [(_core.parse_date(d), n) for d, n in pairs])

    def __reduce__(self):
        return (_restore, (self.__getstate__(),))


def exact_text(value, places: int = 2) -> tuple[str, str]:
    """A Fraction (or Ratio) as ``(rounded half-up to places, lowest terms)``: ``("202.40", "1012/5")``."""
    r = value if isinstance(value, _core.Ratio) else _core.Ratio(Fraction(value).numerator, Fraction(value).denominator)
    return _core.ratio_decimal(r, places), _core.ratio_fraction(r)


def _restore(state) -> Calendar:
    c = Calendar.__new__(Calendar)
    c.__setstate__(state)
    return c
