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
    """Criteria weights as a Series (sums to 1; ``.attrs`` holds the method's choices and figures).

    ``method``: entropy, critic, std, merec (objective, from the scores), roc (give ``order``,
    criteria most important first), swing (give ``points`` per criterion), equal.
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
            missing = [n for n, x in zip(names, pts) if x is None]
            raise error(Errc.missing_field, f"swing points missing for criterion '{missing[0]}'", missing)
        pts = np.asarray(pts, dtype=float)
    # objective weights do not use the weights: give the C++ problem unit weights if absent
    cp = p._core_problem() if p.weight_vector is not None else p.with_weights([1.0] * len(names))._core_problem()
    r = d.weights(cp, m, [str(o) for o in order] if order is not None else [], pts)
    w = np.asarray(r.weights)
    attrs["choices"] = {k: v for k, v in r.choices}
    if method in ("entropy", "critic", "std", "merec"):
        attrs["measure"] = dict(zip(names, np.asarray(r.measure).tolist()))
        if method == "entropy":
            attrs["entropy"] = dict(zip(names, np.asarray(r.entropy).tolist()))
        if method == "critic":
            corr = np.asarray(r.correlation)
            attrs["correlation"] = {a: dict(zip(names, row.tolist())) for a, row in zip(names, corr)}
        attrs["warnings"] = list(r.warnings)
    elif method == "roc":
        attrs["order"] = list(order)
    s = pd.Series(w, index=pd.Index(names, name="criterion"), name="weight")
    s.attrs.update(attrs)
    return s
