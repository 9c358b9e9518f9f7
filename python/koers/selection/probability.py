"""The probability that each process is in the optimal set under SMAA uncertainty
(:func:`selection_probability`, :func:`plot_probability`)."""
from __future__ import annotations

from typing import Mapping

import numpy as np

from .._lazy import LazyModule, pandas as pd
from ..errors import Errc, error
from .problem import _as_selection, select
from .scoring import _check_cover, _draw, _map, _progress, _scorer_for, _smaa_model, _solve_with, _tightened

__all__ = ["selection_probability", "plot_probability"]

plotting = LazyModule("koers.plotting")  # matplotlib only when a plot is drawn


def selection_probability(problem, selection, samples: int | None = None, seed=None, *, weights=None,
                          intervals=None, orderings=None, score_model=None, score_spread=None,
                          method=None, normalisation=None, threads=None, progress: bool = True,
                          scorer=None) -> pd.DataFrame:
    """The probability that each process is in the optimal chosen set under SMAA uncertainty.

    For every sample the processes are scored by ``koers.decide.rank`` with the problem's
    method and the selection is solved exactly with those scores; membership is counted. The
    draws are those of :func:`koers.smaa` with the same model and ``seed`` (handed out by the C++
    sampler, :func:`koers.smaa_draws`): ``selection_probability(seed=1)`` solves one selection for
    each of the weight vectors that ``koers.smaa(seed=1)`` draws. Every argument left None
    comes from the problem's ``smaa`` options (seed, weights, intervals, orderings, scores), else
    uniform weights, no score noise, seed 0. Same seed → same result for any ``threads``.

    Parameters
    ----------
    problem : DecisionProblem
        The decision problem whose alternatives are the selection's processes.
    selection : Selection, dict, str or os.PathLike
        The selection (processes, hours, experts); its process ids must be the problem's
        alternatives.
    samples : int, optional
        How many weight (and score) samples, each an exact solve (default 200).
    seed : int, optional
        The sampler's seed.
    weights : {"uniform", "fixed"} or array of shape (samples, criteria), optional
        ``"uniform"``: uniform on the simplex (Dirichlet(1)), restricted by ``intervals`` and
        ``orderings`` by rejection; ``"fixed"``: the problem's weights; an array: these weight
        vectors (with a score model, the scores are then those of the uniform-weight model).
    intervals : mapping of str to (float, float), optional
        ``{criterion: (lo, hi)}`` bounds on the sampled weights.
    orderings : sequence, optional
        Weight orderings ``[(a, b)]`` or ``["a >= b"]``.
    score_model : {"uniform", "normal"}, optional
        Score noise: x ± ``score_spread`` or normal with sd ``score_spread``, clamped to the
        criterion's scale, drawn with the weights.
    score_spread : float, optional
        The spread of ``score_model``.
    method, normalisation : str, optional
        Override the problem's ranking method and normalisation.
    threads : int, optional
        Solver threads (default: all cores; the C++ solver releases the GIL).
    progress : bool, default True
        A tqdm bar.
    scorer : optional
        A scorer to use instead of the problem's ranking (internal, for tests).

    Returns
    -------
    pandas.DataFrame
        Index: process, sorted by probability. ``probability`` (share of samples in the optimal
        set), ``top_n_probability`` (share in the top-N cut), ``mandatory`` (and ``pinned``, its
        old name, for one release), and — when the problem has weights — ``selected`` and
        ``score`` at those weights. ``.attrs`` states the model (samples, seed, weights,
        intervals, orderings, score model).

    Raises
    ------
    koers.InputError
        E111 a process of the selection that is not an alternative of the problem.
    koers.SolverError
        E400 an infeasible selection.

    Examples
    --------
    >>> import koers
    >>> from koers import decide, examples
    >>> problem = decide.DecisionProblem.load(examples.path("west-betuwe-2022", "decision.json"))
    >>> sel = koers.Selection.load(examples.path("west-betuwe-2022", "selection.json"))
    >>> p = koers.selection_probability(problem, sel, samples=20, seed=1, progress=False)
    >>> bool((p.loc[p["mandatory"], "probability"] == 1.0).all())  # mandatory: in every sample
    True
    >>> p.attrs["samples"], p.attrs["score_model"]
    (20, 'uniform')
    """
    s = _as_selection(selection)
    sc = _scorer_for(problem, method, normalisation, scorer)
    m = _smaa_model(sc, samples, seed, weights, intervals, orderings, score_model, score_spread)
    W, Xs = _draw(sc, m, weights)
    n = W.shape[0]
    base = None
    if np.isfinite(sc.weights).all() and sc.weights.size == len(sc.criteria) and sc.weights.sum() > 0:
        base_scores = sc(sc.weights)
        _check_cover(s, base_scores)
        base = select(s.with_scores(base_scores), check_unique=False, compare_top_n=False)
        if base.status == "infeasible":
            raise error(Errc.infeasible, f"the selection is infeasible: {base.explanation}", base.conflict.get("items", []))
    else:
        _check_cover(s, sc(W[0], Xs[0]))

    td = _tightened(s._dict)

    def one(k):
        st, chosen, cut = _solve_with(td, sc(W[k], Xs[k]))
        if st == "infeasible":  # scores do not change feasibility: only an infeasible selection
            raise error(Errc.infeasible, "the selection is infeasible", [])
        return chosen, cut

    with _progress(n, "selection per sample", progress) as bar:
        res = _map(one, list(range(n)), threads, bar)
    ids = list(s.items.index)
    inc = dict.fromkeys(ids, 0)
    cut_inc = dict.fromkeys(ids, 0)
    for chosen, cut in res:
        for i in chosen:
            inc[i] += 1
        for i in cut:
            cut_inc[i] += 1
    df = pd.DataFrame({"probability": [inc[i] / n for i in ids],
                       "top_n_probability": [cut_inc[i] / n for i in ids],
                       "mandatory": s.items["mandatory"].to_numpy()}, index=pd.Index(ids, name="process"))
    df["pinned"] = df["mandatory"]
    if base is not None:
        chosen0 = set(base.selected)
        df["selected"] = [i in chosen0 for i in ids]
        df["score"] = [float(base_scores[i]) for i in ids]
    df.attrs.update({"samples": n, "seed": None if m["weights"] == "given" else m["seed"],
                     "weights": m["weights"], "intervals": m["intervals"], "orderings": m["orderings"],
                     "score_model": m["score_model"], "score_spread": m["score_spread"],
                     "sampler": "koers.smaa_draws: the weights (and scores) koers.smaa draws for this seed"})
    return df.sort_values(["probability", "top_n_probability"], ascending=False, kind="stable")


def plot_probability(prob: pd.DataFrame, ax=None, labels: Mapping | None = None):
    """Bars of each process's probability of being in the optimal set (and in the top-N cut)."""
    return plotting.plot_probability(prob, ax=ax, labels=labels)
