"""The DataFrame results of :mod:`koers.budget`: :class:`BudgetCurve` and :class:`CostPlan`.

A module of their own because a class that derives from ``pandas.DataFrame`` needs pandas when
it is defined; :mod:`koers.budget` resolves both names on first use (:mod:`koers._lazy`), so
``koers optimise --json`` never imports pandas.
"""
from __future__ import annotations

import json

import pandas as pd

from .._lazy import LazyModule
from ..errors import Errc, error

__all__ = ["BudgetCurve", "CostPlan"]

plotting = LazyModule("koers.plotting")  # matplotlib only when a plot is drawn


class BudgetCurve(pd.DataFrame):
    """Breakpoints of the exact optimum as one stream's budget goes from 0 up.

    Columns: budget (cents, int64), optimum (Int64; <NA> = infeasible below the mandatory spend),
    selected (tuple of ids). From each breakpoint's budget up to the next one the optimum is that
    row's. ``.plot()`` draws the step function.
    """
    _metadata = ["stream", "portfolio_name"]

    @property
    def _constructor(self):
        return pd.DataFrame

    def plot(self, ax=None, current=None, lang: str = "en"):  # noqa: A003 - deliberate: a step plot
        """The step function in euros (:func:`koers.plotting.plot_budget_curve`); ``current``:
        {label: budget in cents} marked as vertical lines (the plan's budget, a what-if)."""
        return plotting.plot_budget_curve(self, ax=ax, lang=lang, current=current)


class CostPlan(pd.DataFrame):
    """The plan costed per intervention (index id), exact.

    Money columns are whole cents (pandas ``Int64``; <NA> for an intervention without a known cost):
    ``cost`` (= fixed + per run × runs + per participant × participants), ``ilb`` (the part paid from
    the participants' ILBs, i.e. the personal-development stream), ``own`` (= cost − ilb: the stream
    the intervention is funded by, the strategic one in Deventer), ``per_participant`` and
    ``per_hour`` (rounded to whole cents by ``.rounding``, half-even by default). The exact unit
    costs are ``per_participant_exact`` / ``per_hour_exact`` (:class:`fractions.Fraction` of cents);
    ``hours`` and ``learning_hours`` are exact Fractions of hours. Also ``participants`` (Int64),
    ``participants_from`` ("model", "override", "target_groups"), ``stream``, ``costed``, ``notes``.

    ``.streams``: per budget stream budget, own, ilb, committed, free (cents); ``.total``: the plan
    totals (dict, as in the JSON); ``.uncosted``; ``.to_dict()``: the ``koers costs --json`` object;
    ``.plot()``: a bar chart of the cost per learning hour (or per participant).
    """
    _metadata = ["streams", "total", "uncosted", "raw", "plan_name", "ilb_stream", "rounding"]

    @property
    def _constructor(self):
        return pd.DataFrame

    def to_dict(self) -> dict:  # noqa: D102 - the CLI JSON
        return json.loads(json.dumps(self.raw))

    def plot(self, what: str = "per_hour", ax=None, **kw):  # noqa: A003 - a bar chart
        """Bars of ``per_hour`` or ``per_participant`` (€) per costed intervention, highest first."""
        if what not in ("per_hour", "per_participant"):
            raise error(Errc.invalid_argument, f"plot what must be 'per_hour' or 'per_participant', not '{what}'", [what])
        return plotting.plot_costs(self, what, ax=ax, lang=kw.get("lang", "en"))


for _cls in (BudgetCurve, CostPlan):  # documented, pickled and shown as koers.budget.<name>
    _cls.__module__ = "koers.budget"
