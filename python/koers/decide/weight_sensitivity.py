"""One-at-a-time weight sensitivity of a ranking (:func:`sensitivity` → :class:`SensitivityResult`):
per criterion the interval of its weight in which the ranking holds, and the sweeps."""
from __future__ import annotations

import numpy as np

from .._checks import real, whole
from .._lazy import LazyModule, pandas as pd
from .._progress import progress_bar
from ..errors import Errc, InputError
from .problem import DecisionProblem, _as_problem, _core
from .ranking import _rank_options

__all__ = ["SensitivityResult", "sensitivity"]

plotting = LazyModule("koers.plotting")  # matplotlib only when a plot is drawn


class SensitivityResult:
    """Weight intervals per criterion (``to_frame()``) and the one-at-a-time sweeps (``sweep()``)."""

    def __init__(self, problem: DecisionProblem, cpp, spec: dict):
        self.problem = problem
        self.method = spec["name"]
        self.target = cpp.target
        self.top_k = int(cpp.top_k)
        self.params = {k: v for k, v in cpp.choices}
        self.params["name"] = self.method
        self._intervals = [{"criterion": iv.criterion, "weight": iv.weight, "lower": iv.lower, "upper": iv.upper,
                            "exact": bool(iv.exact), "changes_at_lower": list(iv.changes_at_lower),
                            "changes_at_upper": list(iv.changes_at_upper)} for iv in cpp.intervals]
        self.grid = np.asarray(cpp.grid)
        self._scores = [np.asarray(s) for s in cpp.sweep_scores]
        self._ranks = [np.asarray(r) for r in cpp.sweep_ranks]

    def to_frame(self) -> pd.DataFrame:
        """One row per criterion: weight, lower, upper, exact, changes_at_lower, changes_at_upper."""
        df = pd.DataFrame(self._intervals).set_index("criterion")
        return df[["weight", "lower", "upper", "exact", "changes_at_lower", "changes_at_upper"]]

    def sweep(self, criterion: str, what: str = "score") -> pd.DataFrame:
        """Scores (or ranks) of every alternative as ``criterion``'s weight runs over the grid."""
        j = self.problem.criteria.index(criterion) if criterion in self.problem.criteria else None
        if j is None:
            raise InputError(f"unknown criterion '{criterion}'", int(Errc.unknown_name), [criterion])
        data = self._scores[j] if what == "score" else self._ranks[j]
        return pd.DataFrame(data, index=pd.Index(self.grid, name=f"weight of {criterion}"),
                            columns=pd.Index(self.problem.alternatives, name="alternative"))

    def to_dict(self) -> dict:
        return {"method": self.params, "target": self.target, "top_k": self.top_k,
                "intervals": {iv["criterion"]: {k: v for k, v in iv.items() if k != "criterion"} for iv in self._intervals},
                "sweep": {"grid": self.grid.tolist(),
                          "scores": {c: {a: self._scores[j][:, i].tolist() for i, a in enumerate(self.problem.alternatives)}
                                     for j, c in enumerate(self.problem.criteria)}}}

    def plot(self, ax=None):
        """Each criterion's current weight and the interval in which the ranking holds."""
        return plotting.plot_weight_intervals(self.to_frame(), self.method, self.target, ax=ax)

    def __repr__(self) -> str:
        return f"<SensitivityResult method={self.method!r} target={self.target!r} criteria={len(self._intervals)}>"

    def _repr_html_(self) -> str:
        return self.to_frame()._repr_html_()


def sensitivity(problem, method: str | None = None, top_k: int | None = None, steps: int | None = None,
                normalisation: str | None = None, v: float | None = None, tolerance: float = 1e-9,
                scan_step: float = 0.001, progress: bool = False) -> SensitivityResult:
    """One-at-a-time weight sensitivity: per criterion the interval of its weight in which the
    ranking (``top_k=0``) or the set of the best ``top_k`` stays the same (exact for wsm,
    promethee2 and spotis, which are linear in the weights; scan + bisection to ``tolerance``
    for topsis and vikor), and sweeps over ``steps + 1`` weights.

    Bounded (docs/limits.md): ``steps`` ≤ ``max_sensitivity_steps`` and (steps + 1) × criteria ×
    alternatives ≤ ``max_sensitivity_cells`` (InputError E119, before any work); ``scan_step`` in
    [1e-6, 0.5], ``tolerance`` in [1e-15, scan_step] (E115). ``progress``: a tqdm bar (stderr)
    over the rankings, shown once the call has taken a second."""
    p, _ = _as_problem(problem)
    o, spec = _rank_options(p, method, normalisation, v)
    d = _core()
    so = d.SensitivityOptions()
    so.rank = o
    defaults = p.sensitivity_options or {}
    so.top_k = whole(top_k if top_k is not None else defaults.get("top_k", 0), "top_k", 0, len(p.alternatives))
    so.steps = whole(steps if steps is not None else defaults.get("steps", 20), "steps", 1,
                     limit=d.max_sensitivity_steps)
    so.tolerance = real(tolerance, "tolerance", 0.0)
    so.scan_step = real(scan_step, "scan_step", 0.0)
    bar = None
    if progress:
        bar, cb = progress_bar(0, "sensitivity", "ranking", delay=1.0)
        if cb is not None:
            so.progress = cb
    try:
        res = d.sensitivity(p._core_problem(), so)
    finally:
        if bar is not None:
            bar.close()
    return SensitivityResult(p, res, spec)
