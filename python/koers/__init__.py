"""koers: strategy graphs, process priorities and budgets for municipal learning & development.

>>> import koers
>>> plan = koers.examples.load("deventer-2014")
>>> plan.counts()["intervention"]
30

Every name below is imported on first use (PEP 562, :mod:`koers._lazy`): ``import koers`` and
``koers --help`` load neither pandas, matplotlib nor the compiled module. To export a new name,
add it to its module's row of ``_EXPORTS`` (tests/python/test_startup.py checks the table).
"""
from __future__ import annotations

from ._lazy import exports as _exports

from ._version import __version__  # noqa: E402,F401  (generated from CMakeLists.txt)

#: module (relative to koers) -> the names ``koers.<name>`` gives from it.
_EXPORTS = {
    "errors": ("BudgetError", "Errc", "GraphError", "InputError", "KoersError", "ModelError",
               "RankingError", "SolverError"),
    "core": ("Money",),
    "calendar": ("Calendar",),
    "model": ("Model", "load", "loads"),
    "decide": ("DecisionProblem", "rank", "weights", "smaa", "smaa_draws", "sensitivity"),
    "budget": ("Portfolio", "Scenario", "OptimiseResult", "BudgetCurve", "BudgetModel", "optimise", "curve",
               "sweep", "grid", "compose", "euros", "CostPlan", "cost_plan", "intervention_cost"),
    "selection": ("Selection", "SelectionResult", "TopNCut", "plot_probability", "select",
                  "selection_probability", "selection_sensitivity"),
    "learning": ("entitlement",),
}

#: sub-modules reachable as ``koers.<name>`` without an explicit ``import koers.<name>``.
_SUBMODULES = ("errors", "core", "calendar", "model", "examples", "grl", "archimate", "ahp", "decide", "budget",
               "selection", "learning", "academy")

__getattr__, __dir__, __all__ = _exports(__name__, _EXPORTS, _SUBMODULES)
