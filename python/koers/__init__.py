"""koers: strategy graphs, process priorities and budgets for municipal learning & development.

>>> import koers
>>> plan = koers.examples.load("deventer-2014")
>>> plan.counts()["intervention"]
30
"""
from __future__ import annotations

from ._version import __version__  # noqa: F401  (generated from CMakeLists.txt)

from .errors import (BudgetError, Errc, GraphError, InputError, KoersError, ModelError,  # noqa: F401
                     RankingError, SolverError)
from .core import Money  # noqa: F401
from .calendar import Calendar  # noqa: F401
from . import calendar  # noqa: F401
from .model import Model, load, loads  # noqa: F401
from . import examples  # noqa: F401
from . import grl  # noqa: F401
from . import ahp  # noqa: F401
from . import decide  # noqa: F401
from . import budget  # noqa: F401
from .decide import *  # noqa: F401,F403  rank, ahp, weights, smaa, sensitivity, select
from .budget import *  # noqa: F401,F403  Portfolio, optimise, curve, sweep
from . import selection  # noqa: F401
from .selection import (Selection, SelectionResult, TopNCut, plot_probability, select,  # noqa: F401
                        selection_probability, selection_sensitivity)
