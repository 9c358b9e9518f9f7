"""SMAA-2 under uncertain weights and scores (:func:`smaa` → :class:`SmaaResult`): rank
acceptability, central weights and confidence factors; :func:`smaa_draws` hands out the draws."""
from __future__ import annotations

import numpy as np

from .._checks import INT64_MAX, MAX_THREADS, UINT64_MAX, whole
from .._lazy import LazyModule, is_frame, pandas as pd
from .._progress import progress_bar
from ..errors import Errc, error
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
        self.central_weights.loc[[a for a, h in zip(alts, has, strict=True) if not h]] = np.nan
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
        raise error(Errc.invalid_value, f"weights must be 'uniform' or 'fixed', got {weights!r}", ["weights"])
    o.weights = d.WeightModel.uniform if weights == "uniform" else d.WeightModel.fixed
    names = p.criteria
    intervals = intervals if intervals is not None else defaults.get("intervals")
    if intervals:
        lo, hi = np.zeros(len(names)), np.ones(len(names))
        for k, (a, b) in intervals.items():
            if k not in names:
                raise error(Errc.unknown_name, f"weight interval for unknown criterion '{k}'", [k])
            lo[names.index(k)], hi[names.index(k)] = float(a), float(b)
        o.weight_lower, o.weight_upper = lo, hi
    orderings = orderings if orderings is not None else defaults.get("orderings")
    if orderings:
        pairs = []
        for item in orderings:
            if isinstance(item, str):
                if ">=" not in item:
                    raise error(Errc.invalid_value, f"ordering {item!r} must read 'a >= b'", [item])
                a, b = (s.strip() for s in item.split(">=", 1))
            else:
                a, b = item
            for x in (a, b):
                if x not in names:
                    raise error(Errc.unknown_name, f"ordering names unknown criterion '{x}'", [str(x)])
            pairs.append((names.index(a), names.index(b)))
        o.orderings = pairs
    sm = score_model if score_model is not None else defaults.get("score_model", "none")
    spread = score_spread if score_spread is not None else defaults.get("score_spread")
    if sm not in (None, "none"):
        if spread is None:
            raise error(Errc.missing_field, "score_spread is needed with a score model", ["score_spread"])
        if is_frame(spread):
            spread = spread.loc[p.alternatives, names].to_numpy(dtype=float)
        arr = np.broadcast_to(np.asarray(spread, dtype=float), p.scores.shape).copy()
        o.scores = d.ScoreModel.uniform if sm == "uniform" else d.ScoreModel.normal if sm == "normal" else None
        if o.scores is None:
            raise error(Errc.invalid_value, f"score_model must be none, uniform or normal, got {sm!r}", ["score_model"])
        o.score_spread = arr
    cs = confidence_samples if confidence_samples is not None else defaults.get("confidence_samples")
    if cs is not None:
        o.confidence_samples = whole(cs, "confidence_samples", 0, limit=d.max_smaa_samples)
    return o, spec


def smaa(problem, samples: int | None = None, seed: int | None = None, weights=None, intervals: dict | None = None,
         orderings=None, score_model: str | None = None, score_spread=None, method: str | None = None,
         normalisation: str | None = None, v: float | None = None, threads: int = 0, confidence_samples: int | None = None,
         progress: bool = False, chunk_size: int = 1024, ranks: int | None = None) -> SmaaResult:
    """SMAA-2: how often each alternative takes each rank when the weights (and scores) vary.

    Seeded and multi-threaded in C++ (the GIL is released): the same ``seed`` and
    ``chunk_size`` give the same result for any ``threads``. :func:`smaa_draws` hands out the
    same weight draws.

    Parameters
    ----------
    problem : DecisionProblem, str, os.PathLike or dict
        As for :func:`rank`; a ``koers.decision`` file's ``smaa`` block gives the defaults.
    samples : int, optional
        Monte-Carlo samples (default the file's, else 10,000).
    seed : int, optional
        The seed of the generator (default the file's, else 0).
    weights : {"uniform", "fixed"}, optional
        Uniform on the simplex (the problem's weights are ignored) or the problem's weights;
        default the file's ``smaa.weights``, else uniform.
    intervals : dict, optional
        ``{criterion: (lo, hi)}``: bounds that restrict the uniform weights.
    orderings : sequence, optional
        ``[(a, b), ...]`` or ``["a >= b", ...]``: the weight of a is at least that of b.
    score_model : {"none", "uniform", "normal"}, optional
        Scores varied uniformly (± ``score_spread``) or normally (sd ``score_spread``).
    score_spread : float, numpy.ndarray or pandas.DataFrame, optional
        The spread: one number, or a matrix / DataFrame shaped like the scores.
    method, normalisation, v
        As for :func:`rank` (default the problem's method).
    threads : int, default 0
        Worker threads (0: every core).
    confidence_samples : int, optional
        Samples for the confidence factors (default ``samples``).
    progress : bool, default False
        Show a tqdm progress bar.
    chunk_size : int, default 1024
        Samples per seeded chunk (part of what the seed reproduces).
    ranks : int, optional
        Fill the acceptability of the first ``ranks`` ranks only (default every rank). More
        than ``_core.max_smaa_cells`` cells (4,194,304: 2,048 alternatives) is E119 — ask for
        fewer ranks; holistic acceptability always counts every rank.

    Returns
    -------
    SmaaResult
        ``acceptability`` (alternatives × ranks), ``central_weights``, ``confidence``,
        ``holistic``, ``standard_error()``, ``to_frame()``, ``plot()``.

    Raises
    ------
    koers.InputError
        An unknown criterion in ``intervals`` or ``orderings`` (E111), a bad option (E107),
        work beyond the limits (E119).
    koers.RankingError
        As for :func:`rank`.

    Examples
    --------
    >>> import koers, numpy as np
    >>> p = koers.DecisionProblem.from_array(np.array([[9.0, 8.0], [6.0, 4.0], [3.0, 2.0]]), weights=[0.5, 0.5],
    ...                                      directions=["max", "min"], alternatives=["A", "B", "C"],
    ...                                      criteria=["quality", "cost"])
    >>> s = koers.smaa(p, samples=10_000, seed=1)
    >>> s
    <SmaaResult method='topsis' alternatives=3 samples=10000 most_often_first='C'>
    >>> s.acceptability.round(2)["rank 1"].to_dict()
    {'A': 0.39, 'B': 0.17, 'C': 0.43}
    >>> koers.smaa(p, samples=10_000, seed=1, threads=1).acceptability.equals(s.acceptability)
    True
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
