"""Scores of the processes as a function of the criteria weights, the weight (and score) draws
of :func:`koers.smaa`, and the many exact solves that :func:`selection_probability` and
:func:`selection_sensitivity` make with them."""
from __future__ import annotations

import os
import warnings
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Mapping

import numpy as np

from .. import _core, decide
from .._lazy import is_series, pandas as pd
from ..errors import Errc, error
from .problem import Selection
from .result import _options

__all__ = ["sample_simplex"]


class _Scorer:
    """Higher-is-better scores of the processes as a function of the criteria weights (and,
    optionally, of a perturbed score matrix)."""

    def __init__(self, criteria, weights, fn, base_matrix=None, scale=None, describe=""):
        self.criteria = [str(c) for c in criteria]
        self.weights = np.asarray(weights, dtype=float)
        self.fn = fn                     # fn(w, X or None) -> Series
        self.base_matrix = base_matrix   # alternatives × criteria, for score models
        self.scale = scale               # list of (lo, hi) or None per criterion
        self.describe = describe

    def __call__(self, w, x=None) -> pd.Series:
        s = self.fn(np.asarray(w, dtype=float), x)
        if not is_series(s):
            raise TypeError("a scorer must return a labelled Series (process → score)")
        return s


def _decision_scorer(problem, method=None, normalisation=None) -> _Scorer:
    """Scores from koers.decide.rank on ``problem`` (a DecisionProblem or a koers.decision
    file or dict) with weights w and, optionally, a perturbed score matrix."""
    if isinstance(problem, (str, os.PathLike)):
        problem = decide.DecisionProblem.load(problem)
    elif isinstance(problem, Mapping):
        problem = decide.DecisionProblem.from_dict(problem)
    if not isinstance(problem, decide.DecisionProblem):
        raise TypeError("problem must be a koers.DecisionProblem, a koers.decision dict or file")
    crits = problem.to_dict()["criteria"]
    names = problem.criteria
    wv = problem.weight_vector
    w0 = wv.to_numpy(dtype=float) if wv is not None else np.full(len(names), np.nan)
    alts = problem.alternatives
    X0 = np.array(problem.scores, dtype=float)

    def fn(w, x):
        cr = [dict(c, weight=float(wi)) for c, wi in zip(crits, w, strict=True)]
        p = decide.DecisionProblem(alts, cr, X0 if x is None else x, problem.method)
        r = decide.rank(p, method=method, normalisation=normalisation)
        if not r.higher_is_better:
            raise error(Errc.invalid_value, f"{r.method} scores are lower-is-better; choose a method whose scores are higher-is-better "
                             "(wsm, topsis, promethee2) for a selection", ["method"])
        return r.scores

    scale = [tuple(c["scale"]) if c.get("scale") else None for c in crits]
    sc = _Scorer(names, w0, fn, base_matrix=X0, scale=scale)
    sc.problem = problem
    return sc


def _scorer_for(problem, method=None, normalisation=None, scorer=None) -> _Scorer:
    if isinstance(problem, _Scorer):
        return problem
    if scorer is not None:
        return scorer
    return _decision_scorer(problem, method, normalisation)


def _check_cover(selection: Selection, scores: pd.Series):
    missing = [i for i in selection.items.index if i not in scores.index]
    if missing:
        raise error(Errc.unknown_name, f"process '{missing[0]}' of the selection is not an alternative of the decision problem", missing)


def _tightened(d: dict) -> dict:
    """The same selection with each expert's hours lowered to the largest sum of process hours
    that fits them (a subset sum, in the solver's milli-hours). Exactly equivalent — an expert's
    load is always such a sum — but it gives the solver's bound less slack; used for the many
    solves under uncertainty (results report the hours as given)."""
    if not d.get("experts"):
        return d
    hs = sorted({round(float(it["hours"]) * 1000) for it in d["items"] if float(it["hours"]) > 0})
    counts = {}
    for it in d["items"]:
        h = round(float(it["hours"]) * 1000)
        if h > 0:
            counts[h] = counts.get(h, 0) + 1
    experts = []
    for e in d["experts"]:
        cap = round(float(e["hours"]) * 1000)
        mask = (1 << (cap + 1)) - 1
        reach = 1
        for h in hs:
            for _ in range(min(counts[h], cap // h if h else 0)):
                nxt = (reach | (reach << h)) & mask
                if nxt == reach:
                    break
                reach = nxt
        experts.append(dict(e, hours=(reach.bit_length() - 1) / 1000.0))
    return {**d, "experts": experts}


def _solve_with(d: dict, scores: pd.Series) -> tuple[str, frozenset, frozenset]:
    """(status, optimal set, top-N cut set) of selection dict ``d`` with these scores."""
    items = [dict(it, score=float(scores[it["id"]])) for it in d["items"]]
    core = _core.selection_from_dict({**d, "items": items}, "selection")
    r = _core.select(core, _options(check_unique=False))
    return r["status"], frozenset(r["selected"]), frozenset(r["top_n_cut"]["selected"])


def _progress(total, desc, enabled):
    with warnings.catch_warnings():  # tqdm.auto warns when a notebook has no ipywidgets: plain bar then
        warnings.simplefilter("ignore")
        from tqdm.auto import tqdm
    return tqdm(total=total, desc=desc, disable=not enabled, leave=False, mininterval=1.0)


def _map(fn, args, threads, bar=None):
    threads = int(threads or os.cpu_count() or 1)
    out = [None] * len(args)
    if threads <= 1:
        for k, a in enumerate(args):
            out[k] = fn(a)
            if bar is not None:
                bar.update(1)
        return out
    with ThreadPoolExecutor(max_workers=threads) as ex:
        futs = {ex.submit(fn, a): k for k, a in enumerate(args)}
        for f in as_completed(futs):
            out[futs[f]] = f.result()
            if bar is not None:
                bar.update(1)
    return out


def sample_simplex(n_criteria: int, samples: int, seed, intervals=None, orderings=None) -> np.ndarray:
    """``samples`` × ``n_criteria`` weight vectors uniform on the simplex (sum 1): the weight
    draws of :func:`koers.smaa` with this ``seed`` (Dirichlet(1, …, 1) from normalised
    exponentials, koers's own seeded generator), reproducible for a given seed.

    ``intervals``: ``[(lo, hi)]`` per criterion and ``orderings``: ``[(a, b)]`` index pairs
    (w_a ≥ w_b) restrict the weights; draws outside are rejected, which keeps the uniform
    distribution on the restricted set (a complete chain of orderings is drawn by sorting).
    Raises RankingError E300 when the restrictions leave (almost) no weights.
    """
    k = int(n_criteria)
    names = [f"c{j + 1}" for j in range(k)]
    iv = {names[j]: tuple(b) for j, b in enumerate(intervals)} if intervals else None
    od = [(names[a], names[b]) for a, b in orderings] if orderings else None
    return _core_draws(_bare_problem(names, np.zeros((1, k)), None, None), samples, seed, "uniform", iv, od, None, None)[0]


def _bare_problem(names, X, weights, scale):
    """A decision problem over ``names`` for drawing (directions do not matter to the draws)."""
    crits = []
    for j, c in enumerate(names):
        d = {"name": c, "direction": "max"}
        if weights is not None and np.isfinite(weights).all() and weights.sum() > 0:
            d["weight"] = float(weights[j])
        if scale and scale[j]:
            d["scale"] = list(scale[j])
        crits.append(d)
    return decide.DecisionProblem([f"A{i + 1}" for i in range(X.shape[0])], crits, X)


def _core_draws(problem, samples, seed, weights, intervals, orderings, score_model, score_spread):
    """(weights, scores) from the C++ SMAA sampler (koers.decide.smaa_draws)."""
    return decide.smaa_draws(problem, samples=samples, seed=seed, weights=weights, intervals=intervals,
                             orderings=orderings, score_model=score_model, score_spread=score_spread)


def _smaa_model(sc: _Scorer, samples, seed, weights, intervals, orderings, score_model, score_spread):
    """The sampling model: the arguments, else the problem's own ``smaa`` options."""
    defaults = dict(getattr(getattr(sc, "problem", None), "smaa_options", None) or {})
    names = sc.criteria
    n = int(samples if samples is not None else 200)  # not the problem's SMAA count: each sample is a solve
    seed = int(seed if seed is not None else defaults.get("seed", 0))
    model = weights if isinstance(weights, str) or weights is None else "given"
    if model is None:
        model = defaults.get("weights", "uniform")
    iv = intervals if intervals is not None else defaults.get("intervals")
    od = orderings if orderings is not None else defaults.get("orderings")
    file_scores = defaults.get("scores") or {}
    sm = score_model if score_model is not None else defaults.get("score_model", file_scores.get("model", "none"))
    spread = score_spread if score_spread is not None else defaults.get("score_spread", file_scores.get("spread"))
    idx = {c: j for j, c in enumerate(names)}

    def crit(c):
        if c not in idx:
            raise error(Errc.unknown_name, f"unknown criterion '{c}'", [str(c)])
        return idx[c]
    ivl = None
    if iv:
        ivl = [(0.0, 1.0)] * len(names)
        for c, (lo, hi) in dict(iv).items():
            ivl[crit(c)] = (float(lo), float(hi))
    odl = None
    if od:
        odl = []
        for item in od:
            a, b = ([s.strip() for s in item.split(">=", 1)] if isinstance(item, str) else item)
            odl.append((crit(a), crit(b)))
    return {"samples": n, "seed": seed, "weights": model, "intervals": ivl, "orderings": odl,
            "score_model": sm, "score_spread": spread}


def _draw(sc: _Scorer, m: dict, given):
    """The weight and score draws: those of koers.smaa with the same model and seed (the C++
    sampler hands them out), or the given weight samples."""
    k = len(sc.criteria)
    if m["weights"] == "given":
        W = np.asarray(given, dtype=float)
        if W.ndim != 2 or W.shape[1] != k:
            raise error(Errc.invalid_value, f"weights must be samples × {k} criteria, not {W.shape}", ["weights"])
        if not np.isfinite(W).all() or (W < 0).any() or (W.sum(axis=1) <= 0).any():
            raise error(Errc.invalid_value, "weight samples must be finite, non-negative and not all zero", ["weights"])
        if W.shape[0] < 1:
            raise error(Errc.invalid_value, "samples must be ≥ 1", ["samples"])
    elif m["weights"] not in ("fixed", "uniform"):
        raise error(Errc.invalid_value, f"weights must be 'uniform', 'fixed' or an array, not {m['weights']!r}", ["weights"])
    if m["weights"] == "fixed" and not np.isfinite(sc.weights).all():
        raise error(Errc.invalid_weights, "weights 'fixed' needs the problem's weights", sc.criteria)
    scored = m["score_model"] not in (None, "none")
    if scored:
        if sc.base_matrix is None:
            raise error(Errc.invalid_value, "a score model needs a decision problem", ["score_model"])
        if m["score_spread"] is None:
            raise error(Errc.missing_field, "score_spread is needed with a score model", ["score_spread"])
    if m["weights"] == "given" and not scored:
        return W, [None] * W.shape[0]
    problem = getattr(sc, "problem", None)
    if problem is None:
        X0 = sc.base_matrix if sc.base_matrix is not None else np.zeros((1, k))
        problem = _bare_problem(sc.criteria, np.asarray(X0, dtype=float), sc.weights, sc.scale)
    names = sc.criteria
    # the model as _smaa_model resolved it ({} / []: none; None would fall back to the file again)
    iv = {names[j]: b for j, b in enumerate(m["intervals"])} if m["intervals"] else {}
    od = [(names[a], names[b]) for a, b in m["orderings"]] if m["orderings"] else []
    # given weights with a score model: the score draws of the uniform-weight model
    model = "uniform" if m["weights"] == "given" else m["weights"]
    n = W.shape[0] if m["weights"] == "given" else m["samples"]
    Wc, X = _core_draws(problem, n, m["seed"], model, iv, od, m["score_model"] if scored else "none",
                        m["score_spread"] if scored else None)
    if m["weights"] != "given":
        W = Wc
    return W, (list(X) if X is not None else [None] * W.shape[0])
