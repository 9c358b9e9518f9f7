"""Budget streams in exact cents with reserved lines (:class:`BudgetModel`): the plan's budget
table (Deventer 2014: Tabel 7), the payroll path and FTE shares."""
from __future__ import annotations

import decimal
from fractions import Fraction
from typing import Mapping

from .._lazy import pandas as pd
from .. import _core
from ..errors import Errc, error
from .money import _html, _money, euros
from .portfolio import Portfolio
from .scenario import _check_factor

__all__ = ["BudgetModel"]


def _ratio_text(r) -> str:
    """A payroll share as exact percent text: 13/600 → '2 1/6 %'; 2/100 → '2 %'."""
    f = Fraction(r.num, r.den) * 100
    whole, rest = divmod(f, 1)
    return f"{int(whole)} %" if rest == 0 else (f"{int(whole)} {rest} %" if whole else f"{rest} %")


class BudgetModel:
    """Budget streams in exact cents with reserved lines: a portfolio's streams, seen as the plan's
    budget table (the Deventer 2014 plan: Tabel 7), with the payroll path and FTE shares.

    What-if changes to budgets are portfolio scenarios (:class:`Scenario`); :meth:`scale` is the
    one shortcut kept here.

    >>> m = BudgetModel.deventer_2014()
    >>> int(m.streams["budget"].sum())
    98682262
    """

    def __init__(self, core: "_core.BudgetModel"):
        self._m = core

    @classmethod
    def from_portfolio(cls, portfolio: "Portfolio") -> "BudgetModel":
        """The budget streams of ``portfolio`` (id, name, budget; reserved cents as one line)."""
        return cls(_core.budget_model(portfolio._p))

    @classmethod
    def deventer_2014(cls) -> "BudgetModel":
        """Tabel 7 (seed 000, ch. 4.2), from the example portfolio's streams; the reserved cents are
        illustrative (onvoorzien € 15.000 + stelpost OvdT € 25.000: Bijlage 2 is not in the seed)."""
        return cls.from_portfolio(Portfolio.example("deventer-2014"))

    @property
    def name(self) -> str:
        return self._m.name

    @property
    def total(self):
        """The exact total as :class:`koers.Money`."""
        return self._m.total()

    @property
    def streams(self) -> pd.DataFrame:
        """Per stream (index id): name, budget, reserved, free (int64 cents)."""
        rows = []
        for s in self._m.streams:
            res = sum(r.amount.cents for r in s.reserved)
            rows.append({"id": s.id, "name": s.name or s.id, "budget": s.budget.cents,
                         "reserved": res, "free": s.budget.cents - res})
        return pd.DataFrame(rows).set_index("id").astype({"budget": "int64", "reserved": "int64", "free": "int64"})

    @property
    def reserved(self) -> pd.DataFrame:
        """The reserved lines (stream, line, amount in cents)."""
        rows = [{"stream": s.id, "line": r.id, "amount": r.amount.cents} for s in self._m.streams for r in s.reserved]
        return pd.DataFrame(rows, columns=["stream", "line", "amount"]).astype({"amount": "int64"})

    def table7(self) -> pd.DataFrame:
        """Tabel 7 'overzicht budgetten' as in the plan: name, amount (text), cents; with the total."""
        st = self.streams
        rows = [{"stream": i, "name": r["name"], "amount": _money(r["budget"]), "cents": int(r["budget"])}
                for i, r in st.iterrows()]
        rows.append({"stream": "total", "name": "Totaal", "amount": str(self.total), "cents": self.total.cents})
        return pd.DataFrame(rows).set_index("stream")

    def payroll(self, share: str = "0.02") -> int:
        """The payroll (cents) for which the total is ``share`` (Tabel 7: 'ongeveer 2%'); exact or BudgetError."""
        f = Fraction(self.total.cents) / Fraction(decimal.Decimal(share))
        if f.denominator != 1:
            raise error(Errc.invalid_argument, f"total / {share} is not a whole number of cents", [share])
        return int(f)

    def path(self, payroll_cents: int | None = None, first: int = 2014, last: int = 2017, *,
             from_share: str = "0.02", to_share: str = "0.03", to_year: int = 2020,
             first_year_months: int = 8) -> pd.DataFrame:
        """The payroll path: share rising linearly from ``from_share`` in 2014 to ``to_share`` in
        ``to_year``, exact; the first year pro rata (Deventer: from 1 May = 8 months).

        ``payroll_cents`` defaults to :meth:`payroll` (Tabel 7 as exactly 2 %). Columns: share
        (exact, as text), share_num/share_den, months, budget (cents, half-even once), budget_eur.
        """
        pay = self.payroll(from_share) if payroll_cents is None else int(payroll_cents)
        o = _core.PathOptions()
        o.from_year = first
        o.from_share = _core.Ratio.parse(from_share)
        o.to_share = _core.Ratio.parse(to_share)
        o.to_year = to_year
        o.first_year_months = first_year_months
        rows = []
        for y in _core.payroll_path(_core.Money.from_cents(pay), first, last, o):
            rows.append({"year": y.year, "share": _ratio_text(y.share), "share_num": y.share.num,
                         "share_den": y.share.den, "months": y.months, "budget": y.budget.cents,
                         "budget_eur": str(y.budget)})
        return pd.DataFrame(rows).set_index("year").astype({"budget": "int64"})

    def scale(self, stream: str, factor: str) -> "BudgetModel":
        """A copy with ``stream`` scaled by floor(budget × factor) (decimal text)."""
        _check_factor(stream, factor)
        scaled = _core.scale_exact(self._m.stream(stream).budget, factor).cents  # unknown stream: BudgetError
        st = self.__getstate__()
        st["streams"] = [(i, scaled if i == stream else c, res, name) for i, c, res, name in st["streams"]]
        out = BudgetModel.__new__(BudgetModel)
        out.__setstate__(st)
        return out

    def compare(self, other: "BudgetModel") -> pd.DataFrame:
        """Stream by stream: base budget, budget, delta (cents)."""
        a, b = self.streams, other.streams
        df = pd.DataFrame({"base": a["budget"], "budget": b["budget"]})
        df["delta"] = (df["budget"] - df["base"]).astype("int64")
        return df

    def shares_by_fte(self, stream: str, fte: Mapping[str, float | str]) -> pd.DataFrame:
        """Share a stream's budget to teams by FTE (to 0.01 FTE), largest remainder: the parts add up."""
        weights = [int(Fraction(decimal.Decimal(str(v))) * 100) for v in fte.values()]
        amount = _core.Money.from_cents(int(self.streams.loc[stream, "budget"]))
        parts = _core.share_by_fte(amount, weights)
        return pd.DataFrame({"fte": [str(v) for v in fte.values()], "amount": [p.cents for p in parts],
                             "amount_eur": [str(p) for p in parts]}, index=pd.Index(list(fte), name="team"))

    def __repr__(self):
        return f"BudgetModel({self.name!r}, streams={len(self._m.streams)}, total='{self.total}')"

    def _repr_html_(self):
        return f"<p><b>{_html(repr(self))}</b></p>" + euros(self.streams).to_html()

    def __getstate__(self):
        return {"streams": [(s.id, s.budget.cents, [(r.id, r.amount.cents) for r in s.reserved], s.name)
                            for s in self._m.streams], "name": self._m.name}

    def __setstate__(self, st):
        m = _core.BudgetModel()
        m.name = st["name"]
        streams = []
        for sid, c, res, name in st["streams"]:
            s = _core.BudgetStream()
            s.id = sid
            s.budget = _core.Money.from_cents(c)
            s.reserved = [_core.ReservedLine(i, _core.Money.from_cents(a)) for i, a in res]
            s.name = name if isinstance(name, str) else ""  # pickles of 0.x held a 'capped' flag here
            streams.append(s)
        m.streams = streams
        self._m = m
