"""The smallest one-at-a-time weight change that moves each process in or out of the optimal set
(:func:`selection_sensitivity`)."""
from __future__ import annotations

import numpy as np

from .._lazy import pandas as pd
from ..errors import Errc, error
from .problem import _as_selection
from .scoring import _check_cover, _map, _progress, _scorer_for, _solve_with, _tightened

__all__ = ["selection_sensitivity"]


def selection_sensitivity(problem, selection, *, steps: int = 20, tol: float = 1e-4, method=None,
                          normalisation=None, threads=None, progress: bool = True, scorer=None) -> pd.DataFrame:
    """For each process the smallest one-at-a-time weight change that moves it in or out of the
    optimal set.

    Definition: for criterion j the weight w_j is moved to t ∈ [0, 1] and the other weights are
    rescaled proportionally so that they still sum to 1 (w_k·(1 − t)/(1 − w_j)); the scores are
    recomputed with the problem's method and the selection is solved exactly. For each process
    and each criterion, in each direction (up to t = 1, down to t = 0), the sweep is scanned at
    ``steps`` equal steps and the first step where the process's membership differs from the
    base is refined by bisection on the exact selection to ``tol``. The result is the smallest
    |t − w_j| over criteria and directions. A flip narrower than one grid step can be missed;
    ties between equally good selections are broken by the solver as in :func:`select`.

    Returns a DataFrame (index: process) with ``selected`` (at the base weights), ``pinned``,
    ``change`` (the smallest |Δw|, <NA> when no sweep moves it), ``criterion``, ``weight_from``,
    ``weight_to`` and ``moves`` ("out"/"in"/"never"/"pinned"), smallest change first.
    """
    s = _as_selection(selection)
    sc = _scorer_for(problem, method, normalisation, scorer)
    w0 = sc.weights.astype(float)
    if not (np.isfinite(w0).all() and w0.sum() > 0):
        raise error(Errc.invalid_weights, "the decision problem needs weights for a sensitivity analysis", sc.criteria)
    w0 = w0 / w0.sum()
    base_scores = sc(w0)
    _check_cover(s, base_scores)
    td = _tightened(s._dict)
    st, base_set, _ = _solve_with(td, base_scores)
    if st == "infeasible":
        raise error(Errc.infeasible, "the selection is infeasible", [])
    ids = list(s.items.index)
    pinned = set(s.items.index[s.items["pinned"]])
    k = len(w0)
    cache = {}

    def weights_at(j, t):
        rest = 1.0 - w0[j]
        if rest <= 0:
            w = np.full(k, (1.0 - t) / (k - 1) if k > 1 else 1.0)
        else:
            w = w0 * (1.0 - t) / rest
        w[j] = t
        return w

    # 1) the grid, in parallel
    grid = {}
    for j in range(k):
        for d in (+1, -1):
            end = 1.0 if d > 0 else 0.0
            ts = [w0[j] + (end - w0[j]) * q / steps for q in range(1, steps + 1)]
            grid[(j, d)] = [t for t in ts if abs(t - w0[j]) > 0]
    keys = list(dict.fromkeys((j, t) for (j, d), ts in grid.items() for t in ts))
    with _progress(len(keys), "weight sweeps", progress) as bar:
        sets = _map(lambda key: (key, _solve_with(td, sc(weights_at(*key)))[1]), keys, threads, bar)
    for key, chosen in sets:
        cache[key] = chosen
    # 2) the first flip on each sweep, per process; then bisection, all tasks one level at a time
    #    (the mid-points of one level are solved in parallel; shared mid-points are solved once)
    tasks = []  # [process, j, lo, hi]: membership as at the base at lo, flipped at hi
    for (j, d), ts in grid.items():
        prev = w0[j]
        todo = [i for i in ids if i not in pinned]
        for t in ts:
            chosen = cache[(j, t)]
            flipped = [i for i in todo if (i in chosen) != (i in base_set)]
            tasks.extend([i, j, prev, t] for i in flipped)
            todo = [i for i in todo if i not in flipped]
            prev = t
            if not todo:
                break
    rounds = 0
    with _progress(None, "bisection", progress) as bar:
        while True:
            live = [tk for tk in tasks if abs(tk[3] - tk[2]) > tol]
            if not live:
                break
            need = list(dict.fromkeys((tk[1], 0.5 * (tk[2] + tk[3])) for tk in live if (tk[1], 0.5 * (tk[2] + tk[3])) not in cache))
            for key, chosen in _map(lambda key: (key, _solve_with(td, sc(weights_at(*key)))[1]), need, threads, bar):
                cache[key] = chosen
            for tk in live:
                i, j, lo, hi = tk
                mid = 0.5 * (lo + hi)
                if (i in cache[(j, mid)]) != (i in base_set):
                    tk[3] = mid
                else:
                    tk[2] = mid
            rounds += 1
    best = dict.fromkeys(ids)
    for i, j, lo, hi in tasks:
        change = abs(hi - w0[j])
        if best[i] is None or change < best[i][0] - 1e-15:
            best[i] = (change, sc.criteria[j], float(w0[j]), float(hi))
    rows = []
    for i in ids:
        b = best[i]
        moves = "pinned" if i in pinned else ("never" if b is None else ("out" if i in base_set else "in"))
        rows.append({"process": i, "selected": i in base_set, "pinned": i in pinned,
                     "change": None if b is None else b[0], "criterion": None if b is None else b[1],
                     "weight_from": None if b is None else b[2], "weight_to": None if b is None else b[3],
                     "moves": moves})
    df = pd.DataFrame(rows).set_index("process")
    for c in ("change", "weight_from", "weight_to"):
        df[c] = df[c].astype("Float64")
    df.attrs.update({"steps": steps, "tol": tol, "solves": len(cache), "definition": "one-at-a-time weight sweep, "
                     "others rescaled proportionally to sum 1; first flip on the grid refined by bisection"})
    return df.sort_values("change", na_position="last", kind="stable")
