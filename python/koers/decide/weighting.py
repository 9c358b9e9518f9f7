"""Criteria weights from the scores or from the decision maker (:func:`weights`): entropy, CRITIC,
std, MEREC, ROC, swing and equal, one list with C++ (``WEIGHT_METHODS``)."""
from __future__ import annotations

from typing import Any

import numpy as np

from .._lazy import pandas as pd
from ..decide_terms import WEIGHT_METHODS
from ..errors import Errc, RankingError, error
from .problem import _as_problem, _core, _per_criterion

__all__ = ["weights"]


def _rank_err(code: str, message: str, elements=()) -> RankingError:
    return error(Errc[code], message, list(elements))


def weights(problem, method: str = "entropy", order=None, points=None, directions=None) -> pd.Series:
    """Weights for the criteria of a decision problem, from its scores or from an order.

    Parameters
    ----------
    problem : DecisionProblem, str, os.PathLike, dict, pandas.DataFrame or numpy.ndarray
        As for :func:`rank`.
    method : {"entropy", "critic", "std", "merec", "roc", "swing", "equal"}, default "entropy"
        Objective methods from the scores (entropy, critic, std, merec), rank order centroid
        (roc, from ``order``), swing (from ``points``), or equal weights.
    order : sequence of str, optional
        For roc: the criteria, most important first.
    points : sequence, dict or pandas.Series, optional
        For swing: the points per criterion (the most important swing 100).
    directions : str or sequence of str, optional
        ``"max"``/``"min"`` per criterion, for a DataFrame or matrix (merec uses them).

    Returns
    -------
    pandas.Series
        The weight per criterion, summing to 1; ``.attrs`` holds the method's choices and
        intermediate figures (entropy, correlation, measure).

    Raises
    ------
    koers.RankingError
        An unknown method (E307); for critic, a criterion with one value for every alternative
        (E301).
    koers.InputError
        No ``order`` (roc) or ``points`` (swing), or a criterion missing from them (E105); an
        unknown criterion (E111).

    Examples
    --------
    >>> import koers, numpy as np
    >>> p = koers.DecisionProblem.from_array(np.array([[9.0, 8.0], [6.0, 4.0], [3.0, 2.0]]), weights=[0.5, 0.5],
    ...                                      directions=["max", "min"], alternatives=["A", "B", "C"],
    ...                                      criteria=["quality", "cost"])
    >>> koers.weights(p, "entropy").round(4).to_dict()
    {'quality': 0.379, 'cost': 0.621}
    >>> koers.weights(p, "roc", order=["cost", "quality"]).to_dict()
    {'quality': 0.25, 'cost': 0.75}
    """
    p, _ = _as_problem(problem, None, directions)
    d = _core()
    names = p.criteria
    attrs: dict[str, Any] = {"method": method}
    if method not in WEIGHT_METHODS:
        raise _rank_err("invalid_method", f"unknown weighting method '{method}' (known: {', '.join(WEIGHT_METHODS)})", [method])
    m = d.weight_method_from_string(method)
    pts = None
    if method == "swing" and points is not None:
        pts = _per_criterion(points, names, "points", float)
        if any(x is None for x in pts):
            missing = [n for n, x in zip(names, pts, strict=True) if x is None]
            raise error(Errc.missing_field, f"swing points missing for criterion '{missing[0]}'", missing)
        pts = np.asarray(pts, dtype=float)
    # objective weights do not use the weights: give the C++ problem unit weights if absent
    cp = p._core_problem() if p.weight_vector is not None else p.with_weights([1.0] * len(names))._core_problem()
    r = d.weights(cp, m, [str(o) for o in order] if order is not None else [], pts)
    w = np.asarray(r.weights)
    attrs["choices"] = {k: v for k, v in r.choices}
    if method in ("entropy", "critic", "std", "merec"):
        attrs["measure"] = dict(zip(names, np.asarray(r.measure).tolist(), strict=True))
        if method == "entropy":
            attrs["entropy"] = dict(zip(names, np.asarray(r.entropy).tolist(), strict=True))
        if method == "critic":
            corr = np.asarray(r.correlation)
            attrs["correlation"] = {a: dict(zip(names, row.tolist(), strict=True)) for a, row in zip(names, corr, strict=True)}
        attrs["warnings"] = list(r.warnings)
    elif method == "roc":
        attrs["order"] = list(order)
    s = pd.Series(w, index=pd.Index(names, name="criterion"), name="weight")
    s.attrs.update(attrs)
    return s
