"""Money and exact numbers as text: euro amounts ('€ 1.234,56') from whole cents, exact
decimals and terminating fractions as decimal text (never through a float)."""
from __future__ import annotations

import decimal
import html
import math
from fractions import Fraction
from typing import Iterable

from .._lazy import is_na, pandas as pd
from .. import _core
from ..errors import Errc, error

__all__ = ["euros"]


_MONEY_COLUMNS = ("budget", "reserved", "capacity", "spent", "free", "cost", "per_participant",
                  "required", "available")


def _money(cents) -> str:
    """'€ 314.777,00' for a whole number of cents; '' for a missing value."""
    if cents is None or (isinstance(cents, float) and math.isnan(cents)) or is_na(cents):
        return ""
    return str(_core.Money.from_cents(int(cents)))


def euros(frame: pd.DataFrame, columns: Iterable[str] | None = None) -> pd.DataFrame:
    """A copy of ``frame`` with its cent columns shown as euro text ('€ 1.234,56').

    For display only: the values become strings. ``columns`` defaults to the columns named
    budget/reserved/capacity/spent/free/cost/... or ending in ``_cents`` (renamed without it).
    """
    out = frame.copy()
    cols = list(columns) if columns is not None else [
        c for c in out.columns if isinstance(c, str) and (c in _MONEY_COLUMNS or c.endswith("_cents")
                                                          or c.split("_")[0] in ("budget", "spent", "capacity"))]
    for c in cols:
        if c in out.columns and pd.api.types.is_integer_dtype(out[c].dtype):
            out[c] = [_money(v) for v in out[c]]
    return out.rename(columns={c: c[:-6] for c in cols if c.endswith("_cents")})


def _decimal_text(d: decimal.Decimal) -> str:
    s = format(d.normalize(), "f")
    return s


def _fraction_text(f: Fraction) -> str:
    """A terminating fraction as exact decimal text; else BudgetError."""
    d = f.denominator
    k2 = k5 = 0
    while d % 2 == 0:
        d //= 2
        k2 += 1
    while d % 5 == 0:
        d //= 5
        k5 += 1
    if d != 1:
        raise error(Errc.invalid_scenario, f"factor {f} is not a finite decimal", [str(f)])
    k = max(k2, k5)
    n = f.numerator * 10 ** k // f.denominator
    with decimal.localcontext() as ctx:
        ctx.prec = 200
        return _decimal_text(decimal.Decimal(n).scaleb(-k))


def _html(s: str) -> str:
    return html.escape(s)
