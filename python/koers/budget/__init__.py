"""Budgets and what-if scenarios: cost the plan, fund the best interventions exactly, sweep.

Money is always whole cents (Python ``int`` / pandas ``int64``); tables that show euros show them
as text made by :class:`koers.Money` (see :func:`euros`), never as floats.

>>> import koers
>>> p = koers.Portfolio.example("deventer-2014")
>>> r = p.optimise()
>>> r.status, r.gap
('optimal', 0)
>>> cut = koers.budget.Scenario("cut", scale_budget={"stream.strategisch": "0.9"})
>>> int(cut.apply(p).streams.loc["stream.strategisch", "budget"])
28329930
>>> BudgetModel.deventer_2014().total.cents
98682262

Pieces (one module each):

- :class:`Portfolio` (``portfolio.py``) (file format ``koers.portfolio``): load/save/from_dict/to_dict, pickles
  through its JSON; :meth:`Portfolio.optimise` → :class:`OptimiseResult`; :meth:`Portfolio.apply`;
  :meth:`Portfolio.compare` (scenarios side by side); :class:`OptimiseResult` (``result.py``).
- :class:`Scenario`: scale/set budgets, drop/force items; :func:`compose` (explicit) (``scenario.py``).
- :func:`curve` → :class:`BudgetCurve` (a DataFrame of exact breakpoints with ``.plot()``;
  ``curves.py``, ``frames.py``).
- :func:`sweep` many scenarios on all cores (C++ threads, GIL released) or on Dask
  (``client=``; ``sweeps.py``); :func:`grid` builds cut × payroll share × mandatory-set grids
  (``grids.py``).
- :func:`cost_plan` → :class:`CostPlan` (``costing.py``): every intervention of a strategy model costed exactly (fixed,
  per run, per participant; participants from target-group sizes; the ILB part; cost per participant
  and per learning hour) and the totals per stream against the budget; :func:`intervention_cost`.
- :class:`BudgetModel` (``budget_model.py``): the Deventer budget of Tabel 7, reserved lines, FTE shares and the
  payroll path 2014–2017 towards 3 % in 2020.
- ``money.py``: cents as euro text (:func:`euros`) and exact decimals as text.
"""
from __future__ import annotations

from .._lazy import exports as _exports
from .budget_model import BudgetModel
from .costing import cost_plan, intervention_cost
from .grids import MAX_SCENARIOS, grid  # noqa: F401  (MAX_SCENARIOS: koers.budget.MAX_SCENARIOS, not in *)
from .money import euros
from .portfolio import Portfolio, curve, optimise, optimize  # noqa: F401  (optimize: the US spelling)
from .result import OptimiseResult, comparison_table  # noqa: F401  (comparison_table: koers.budget.comparison_table)
from .scenario import Scenario, compose
from .sweeps import sweep

# the DataFrame subclasses live in frames.py (it imports pandas); koers.budget.BudgetCurve and
# .CostPlan resolve on first use
__getattr__, __dir__, _ = _exports(__name__, {"frames": ("BudgetCurve", "CostPlan")})

__all__ = ["Portfolio", "Scenario", "OptimiseResult", "BudgetCurve", "BudgetModel",
           "optimise", "curve", "sweep", "grid", "compose", "euros", "CostPlan", "cost_plan", "intervention_cost"]

for _cls in (BudgetModel, OptimiseResult, Portfolio, Scenario):  # documented, pickled and shown as koers.budget.<name>
    _cls.__module__ = __name__
del _cls
