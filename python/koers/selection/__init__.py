"""Choosing the work: which processes the Lean experts take on, proven optimal (issue 4 §2).

Ranking is not choosing. A "take the top 10" cut ignores that processes need different hours
and that a process goes whole to one expert; :func:`select` finds the selection and the
assignment (expert → processes) with the highest total score, proves it optimal (bound = total,
gap 0) with the exact branch-and-bound core in C++ (the GIL is released while it runs), and
shows what the top-N cut would have selected, whether it can even be assigned, and what it loses.

>>> import koers.selection as ks
>>> s = ks.Selection.from_dict({"format": "koers.selection", "version": 1,
...     "items": [{"id": "big", "score": 10, "hours": 150}, {"id": "b", "score": 6, "hours": 60},
...               {"id": "c", "score": 5, "hours": 50}, {"id": "urgent", "score": 1, "hours": 40, "pinned": True}],
...     "experts": [{"id": "x", "hours": 100}, {"id": "y", "hours": 100}],
...     "min_items_per_expert": 1, "top_n": 2})
>>> r = ks.select(s)
>>> r.status, r.optimum, r.gap, r.selected
('optimal', 12.0, 0.0, ['b', 'c', 'urgent'])
>>> r.top_n.selected, r.top_n.feasible   # "big" needs more hours than any one expert has
(['big', 'urgent'], False)

Under uncertain weights, :func:`selection_probability` gives the share of weight samples in
which each process is in the optimal set, and :func:`selection_sensitivity` the smallest
one-at-a-time weight change that moves a process in or out of it.

One module per concept: ``problem.py`` (:class:`Selection`, :func:`select`), ``result.py``
(:class:`SelectionResult`, :class:`TopNCut`), ``hours.py`` (:func:`expert_hours`,
:func:`working_days`), ``scoring.py`` (scores as a function of the weights, the SMAA draws),
``probability.py`` (:func:`selection_probability`), ``sensitivity.py``
(:func:`selection_sensitivity`) and ``document.py`` (the file format's name and version).
"""
from __future__ import annotations

from .hours import expert_hours, working_days
from .probability import plot_probability, selection_probability
from .problem import Selection, _scores_of, _selection_from_state, select  # noqa: F401  (pickles name koers.selection._selection_from_state)
from .result import SelectionResult, TopNCut
from .scoring import _Scorer, _solve_with, _tightened, sample_simplex  # noqa: F401  (the tests reach these)
from .sensitivity import selection_sensitivity

__all__ = ["Selection", "SelectionResult", "TopNCut", "select", "selection_probability", "sample_simplex", "plot_probability",
           "selection_sensitivity", "expert_hours", "working_days"]

# documented, pickled and shown as koers.selection.<name>: pickles made before the split name these
for _obj in (Selection, SelectionResult, TopNCut, _selection_from_state):
    _obj.__module__ = __name__
del _obj
