"""SMAA-2 under uncertain weights and scores (:func:`smaa` → :class:`SmaaResult`): rank
acceptability, central weights and confidence factors; :func:`smaa_draws` hands out the draws."""
from __future__ import annotations

import numpy as np

from .._checks import INT64_MAX, MAX_THREADS, UINT64_MAX, whole
from .._lazy import LazyModule, is_frame, pandas as pd
from .._progress import progress_bar
from ..errors import Errc, InputError
from .problem import DecisionProblem, _as_problem, _core
from .ranking import _rank_options

__all__ = ["SmaaResult", "smaa", "smaa_draws"]

plotting = LazyModule("koers.plotting")  # matplotlib only when a plot is drawn


class SmaaResult:
    """SMAA-2 result: ``acceptability`` (alternatives × ranks), ``central_weights``, ``confidence``."""

    def __init__(self, problem: DecisionProblem, cpp, spec: dict):
        self.problem = problem
        self.method = spec["name"]
        alts, crits = problem.alternatives, problem.criteria
        self.samples = int(cpp.samples)
        self.weight_draws = int(cpp.weight_draws)
        self.params = {k: v for k, v in cpp.choices}
        self.params["name"] = self.method
        self.warnings = list(cpp.warnings)
        acc = np.asarray(cpp.acceptability)  # alternatives × the ranks counted (SmaaOptions.ranks)
        self.acceptability = pd.DataFrame(acc, index=pd.Index(alts, name="alternative"),
                                          columns=pd.Index([f"rank {r + 1}" for r in range(acc.shape[1])], name="rank"))
        cw = np.asarray(cpp.central_weights)
        has = list(cpp.has_central)
        self.central_weights = pd.DataFrame(cw, index=pd.Index(alts, name="alternative"), columns=pd.Index(crits, name="criterion"))
        self.central_weights.loc[[a for a, h in zip(alts, has) if not h]] = np.nan
        self.confidence = pd.Series(np.asarray(cpp.confidence), index=pd.Index(alts, name="alternative"), name="confidence")
        self.holistic = pd.Series(np.asarray(cpp.holistic), index=pd.Index(alts, name="alternative"), name="holistic")

    @property
    def standard_error(self) -> pd.DataFrame:
        """sqrt(b(1 − b)/samples) per acceptability index."""
        b = self.acceptability
        return np.sqrt(b * (1 - b) / self.samples)

    def to_frame(self) -> pd.DataFrame:
        """Rank-1 acceptability, holistic acceptability and confidence, best (by rank 1) first."""
        df = pd.DataFrame({"rank_1": self.acceptability.iloc[:, 0], "holistic": self.holistic, "confidence": self.confidence})
        return df.sort_values(["rank_1", "holistic"], ascending=False, kind="stable")

    def to_dict(self) -> dict:
        alts = self.problem.alternatives
        cw = {}
        for a in alts:
            row = self.central_weights.loc[a]
            cw[a] = None if row.isna().any() else row.to_dict()
        return {"method": self.params, "samples": self.samples, "weight_draws": self.weight_draws,
                "rank_acceptability": {a: self.acceptability.loc[a].tolist() for a in alts},
                "central_weights": cw,
                "confidence_factors": self.confidence.to_dict(),
                "holistic_acceptability": self.holistic.to_dict(),
                "ranking": list(self.to_frame().index),
                "warnings": list(self.warnings)}

    def plot(self, ax=None, top: int | None = None):
        """Stacked rank-acceptability bars (rank 1 darkest), ordered as ``to_frame()``."""
        order = list(self.to_frame().index)
        if top:
            order = order[:top]
        return plotting.plot_acceptability(self.acceptability, order, self.method, self.samples, ax=ax)

    def __repr__(self) -> str:
        best = self.to_frame().index[0]
        return f"<SmaaResult method={self.method!r} alternatives={len(self.acceptability)} samples={self.samples} most_often_first={best!r}>"

    def _repr_html_(self) -> str:
        return self.to_frame()._repr_html_()


def _progress_bar(total: int, desc: str = "SMAA", unit: str = "sample"):
    return progress_bar(total, desc, unit)


def _smaa_options(p, samples=None, seed=None, weights=None, intervals=None, orderings=None, score_model=None,
                  score_spread=None, method=None, normalisation=None, v=None, threads=0, confidence_samples=None,
                  chunk_size=1024, ranks=None):
    """The C++ SmaaOptions of a call (arguments, else the file's ``smaa`` options) and the method spec."""
    defaults = p.smaa_options or {}
    d = _core()
    o = d.SmaaOptions()
    o.rank, spec = _rank_options(p, method, normalisation, v)
    o.samples = whole(samples if samples is not None else defaults.get("samples", 10_000), "samples", 1,
                      limit=d.max_smaa_samples)
    o.seed = whole(seed if seed is not None else defaults.get("seed", 0), "seed", 0, UINT64_MAX)
    o.threads = whole(threads, "threads", 0, MAX_THREADS)
    o.chunk_size = whole(chunk_size, "chunk_size", 1, INT64_MAX)
    if ranks is not None:
        o.ranks = whole(ranks, "ranks", 1, INT64_MAX)
    if isinstance(weights, dict):
        intervals = weights.get("intervals", intervals)
        orderings = weights.get("orderings", orderings)
        weights = weights.get("model", "uniform")
    if weights is None:
        weights = defaults.get("weights", "uniform")
    if weights not in ("uniform", "fixed"):
        raise InputError(f"weights must be 'uniform' or 'fixed', got {weights!r}", int(Errc.invalid_value), ["weights"])
    o.weights = d.WeightModel.uniform if weights == "uniform" else d.WeightModel.fixed
    names = p.criteria
    intervals = intervals if intervals is not None else defaults.get("intervals")
    if intervals:
        lo, hi = np.zeros(len(names)), np.ones(len(names))
        for k, (a, b) in intervals.items():
            if k not in names:
                raise InputError(f"weight interval for unknown criterion '{k}'", int(Errc.unknown_name), [k])
            lo[names.index(k)], hi[names.index(k)] = float(a), float(b)
        o.weight_lower, o.weight_upper = lo, hi
    orderings = orderings if orderings is not None else defaults.get("orderings")
    if orderings:
        pairs = []
        for item in orderings:
            if isinstance(item, str):
                if ">=" not in item:
                    raise InputError(f"ordering {item!r} must read 'a >= b'", int(Errc.invalid_value), [item])
                a, b = (s.strip() for s in item.split(">=", 1))
            else:
                a, b = item
            for x in (a, b):
                if x not in names:
                    raise InputError(f"ordering names unknown criterion '{x}'", int(Errc.unknown_name), [str(x)])
            pairs.append((names.index(a), names.index(b)))
        o.orderings = pairs
    sm = score_model if score_model is not None else defaults.get("score_model", "none")
    spread = score_spread if score_spread is not None else defaults.get("score_spread")
    if sm not in (None, "none"):
        if spread is None:
            raise InputError("score_spread is needed with a score model", int(Errc.missing_field), ["score_spread"])
        if is_frame(spread):
            spread = spread.loc[p.alternatives, names].to_numpy(dtype=float)
        arr = np.broadcast_to(np.asarray(spread, dtype=float), p.scores.shape).copy()
        o.scores = d.ScoreModel.uniform if sm == "uniform" else d.ScoreModel.normal if sm == "normal" else None
        if o.scores is None:
            raise InputError(f"score_model must be none, uniform or normal, got {sm!r}", int(Errc.invalid_value), ["score_model"])
        o.score_spread = arr
    cs = confidence_samples if confidence_samples is not None else defaults.get("confidence_samples")
    if cs is not None:
        o.confidence_samples = whole(cs, "confidence_samples", 0, limit=d.max_smaa_samples)
    return o, spec


def smaa(problem, samples: int | None = None, seed: int | None = None, weights=None, intervals: dict | None = None,
         orderings=None, score_model: str | None = None, score_spread=None, method: str | None = None,
         normalisation: str | None = None, v: float | None = None, threads: int = 0, confidence_samples: int | None = None,
         progress: bool = False, chunk_size: int = 1024, ranks: int | None = None) -> SmaaResult:
    """SMAA-2 rank acceptability, central weights and confidence factors.

    ``weights``: ``"uniform"`` (uniform on the simplex; the problem's weights are ignored) or
    ``"fixed"`` (the problem's weights); None: the file's ``smaa.weights``, else uniform; ``intervals`` ``{criterion: (lo, hi)}`` and
    ``orderings`` ``[(a, b), ...]`` (weight of a ≥ weight of b, also ``"a >= b"``) restrict
    the uniform weights. ``score_model`` ``"uniform"`` (± ``score_spread``) or ``"normal"``
    (sd ``score_spread``; a number, a matrix or a DataFrame like the scores). Seeded: the same
    ``seed`` and ``chunk_size`` give the same result for any ``threads``. The GIL is released.
    ``ranks``: fill the acceptability of the first ``ranks`` ranks only (None: every rank); the
    full matrix is alternatives × alternatives and more than ``_core.max_smaa_cells`` cells
    (4,194,304: 2,048 alternatives) is InputError E119 — ask for fewer ranks. Holistic
    acceptability always counts every rank. :func:`smaa_draws` hands out the same draws.
    """
    p, _ = _as_problem(problem)
    o, spec = _smaa_options(p, samples, seed, weights, intervals, orderings, score_model, score_spread, method,
                            normalisation, v, threads, confidence_samples, chunk_size, ranks)
    bar = None
    if progress:
        bar, cb = _progress_bar(o.samples)
        if cb is not None:
            o.progress = cb
    try:
        res = _core().smaa(p._core_problem(), o)
    finally:
        if bar is not None:
            bar.close()
    return SmaaResult(p, res, spec)


def smaa_draws(problem, samples: int | None = None, seed: int | None = None, weights=None, intervals: dict | None = None,
               orderings=None, score_model: str | None = None, score_spread=None, threads: int = 0,
               chunk_size: int = 1024):
    """The draws of :func:`smaa` with the same arguments: ``(weights, scores)``.

    ``weights``: a samples × criteria array (rows sum to 1); ``scores``: a samples ×
    alternatives × criteria array of the drawn scores with a score model, else None. The same
    generators in the same order as ``smaa`` (so ``smaa(p, seed=1)`` ranks exactly these
    weights; the first k draws do not depend on ``samples``, nor anything on ``threads``).
    ``koers.selection_probability`` solves one selection per draw.
    """
    p, _ = _as_problem(problem)
    o, _spec = _smaa_options(p, samples, seed, weights, intervals, orderings, score_model, score_spread,
                             threads=threads, chunk_size=chunk_size)
    r = _core().smaa_draws(p._core_problem(), o)
    w = np.asarray(r.weights)
    x = np.stack([np.asarray(m) for m in r.scores]) if len(r.scores) else None
    return w, x
