"""Multi-criteria decision problems: ranking, objective weights, sensitivity and SMAA-2.

A :class:`DecisionProblem` holds alternatives × criteria scores with each criterion's
direction (``"max"``/``"min"``), weight, optional fixed scale ``(lo, hi)`` and optional
PROMETHEE preference function. The maths runs in C++ (``koers._core.decide``); this package
reads and writes ``koers.decision`` files and turns results into DataFrames and plots, one
module per concept: ``problem.py`` (:class:`DecisionProblem`), ``ranking.py`` (:func:`rank`),
``weighting.py`` (:func:`weights`), ``weight_sensitivity.py`` (:func:`sensitivity`) and
``smaa2.py`` (:func:`smaa`, :func:`smaa_draws`); the vocabulary is :mod:`koers.decide_terms`.

>>> import koers
>>> p = koers.DecisionProblem.from_dict({
...     "format": "koers.decision", "version": 1, "alternatives": ["A", "B", "C"],
...     "criteria": [{"name": "quality", "direction": "max", "weight": 0.6},
...                  {"name": "cost", "direction": "min", "weight": 0.4}],
...     "scores": [[7, 300], [9, 450], [5, 200]]})
>>> r = koers.rank(p, method="topsis")
>>> r.ranking
['A', 'B', 'C']
>>> koers.weights(p, method="entropy").round(3).to_dict()
{'quality': 0.344, 'cost': 0.656}
"""
from __future__ import annotations

from ..decide_terms import (FORMAT, METHODS, NORMALISATIONS, PREFERENCE_FUNCTIONS,  # noqa: F401
                            VERSION, WEIGHT_METHODS)
from .problem import DecisionProblem, _core, _problem_from_state  # noqa: F401  (pickles name koers.decide._problem_from_state)
from .ranking import RankResult, _rank_from_state, rank  # noqa: F401  (... and koers.decide._rank_from_state)
from .smaa2 import SmaaResult, smaa, smaa_draws
from .weight_sensitivity import SensitivityResult, sensitivity
from .weighting import weights

__all__ = ["DecisionProblem", "rank", "weights", "smaa", "smaa_draws", "sensitivity"]

# documented, pickled and shown as koers.decide.<name>: pickles made before the split name these
for _obj in (DecisionProblem, RankResult, SensitivityResult, SmaaResult, _problem_from_state, _rank_from_state):
    _obj.__module__ = __name__
del _obj
