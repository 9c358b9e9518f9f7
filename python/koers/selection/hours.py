"""Working days and expert hours over a period, from :class:`koers.Calendar`."""
from __future__ import annotations

import math
from typing import Sequence

from ..calendar import Calendar
from ..errors import Errc, error

__all__ = ["working_days", "expert_hours"]


def _calendar(calendar):
    if isinstance(calendar, Calendar):
        return calendar
    return Calendar(str(calendar))


def working_days(period: Sequence, calendar="nl") -> int:
    """The number of working days in ``period = (first, last)`` (both inclusive) with
    :class:`koers.Calendar` (``calendar``: a Calendar or a variant name, default ``"nl"``:
    Dutch public holidays)."""
    first, last = period
    return int(_calendar(calendar).working_days(first, last))


def expert_hours(hours_per_week: float, period: Sequence, calendar="nl") -> float:
    """Hours an expert has in ``period``: ``hours_per_week`` × working days / 5 (a week of 5
    working days gives the full ``hours_per_week``; a public holiday takes a fifth of it off),
    computed exactly by :meth:`koers.Calendar.hours`. 4 h/week over 2022: 253 days → 202.4 h.
    """
    h = float(hours_per_week)
    if not math.isfinite(h) or h < 0:
        raise error(Errc.invalid_value, f"hours_per_week must be a finite number ≥ 0, not {hours_per_week}", ["hours_per_week"])
    first, last = period
    return float(_calendar(calendar).hours(first, last, hours_per_week))


# ---------------------------------------------------------------------------------------------
