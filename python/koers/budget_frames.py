"""Deprecated alias of :mod:`koers.budget.frames` (the module moved into the ``koers.budget``
package); it goes in the release after next. Use ``koers.BudgetCurve`` / ``koers.CostPlan``."""
import warnings

from .budget.frames import BudgetCurve, CostPlan

__all__ = ["BudgetCurve", "CostPlan"]

warnings.warn("koers.budget_frames is deprecated: use koers.budget.BudgetCurve / koers.budget.CostPlan "
              "(the module is koers.budget.frames)", DeprecationWarning, stacklevel=2)
