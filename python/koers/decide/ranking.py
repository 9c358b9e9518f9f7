"""Ranking a decision problem (:func:`rank` → :class:`RankResult`): WSM, TOPSIS, VIKOR,
PROMETHEE II and SPOTIS in C++, with scores, ranks, contributions and every choice made."""
from __future__ import annotations

import json
from typing import Any

import numpy as np

from .._lazy import LazyModule, pandas as pd
from ..errors import Errc, InputError
from .problem import _PICKLE_VERSION, DecisionProblem, _as_direction, _as_problem, _core, _per_criterion, _real_array

__all__ = ["RankResult", "rank"]

plotting = LazyModule("koers.plotting")  # matplotlib only when a plot is drawn


def _rank_options(problem: DecisionProblem, method=None, normalisation=None, v=None, value_functions=None):
    d = _core()
    spec = dict(problem.method or {})
    if method is not None:
        if method != spec.get("name"):
            spec = {}
        spec["name"] = method
    if normalisation is not None:
        spec["normalisation"] = normalisation
    if v is not None:
        spec["v"] = v
    if value_functions is not None:
        spec["value_functions"] = value_functions
    name = spec.get("name", "topsis")
    if name == "promethee":
        name = "promethee2"
    o = d.RankOptions()
    o.method = d.method_from_string(name)
    if spec.get("normalisation") is not None:
        o.normalisation = d.normalisation_from_string(spec["normalisation"])
    if spec.get("v") is not None:
        o.v = float(spec["v"])
    vfs = spec.get("value_functions")
    if vfs:
        for k in vfs:
            if k not in problem.criteria:
                raise InputError(f"value function for unknown criterion '{k}'", int(Errc.unknown_name), [k])
        o.value_functions = [d.ValueFunction(list(map(float, vfs[c]["x"])), list(map(float, vfs[c]["v"])))
                             if c in vfs else None for c in problem.criteria]
    spec["name"] = name
    return o, spec


class RankResult:
    """The ranking of a decision problem: scores, ranks, contributions and every choice made."""

    def __init__(self, problem: DecisionProblem | None, cpp, kind: str = "problem", spec: dict | None = None,
                 cpp_problem=None, options=None):
        self._options = options
        self._problem = problem
        self._cpp_problem = cpp_problem
        self._kind = kind
        self._spec = dict(spec or {"name": cpp.method.name})
        self._cpp = cpp
        self.method = cpp.method.name
        self.normalisation = cpp.normalisation
        self.higher_is_better = bool(cpp.higher_is_better)
        self._scores = cpp.scores          # NumPy views of the C++ result (no copy)
        # (ranks, order) when C++ filled them; ranked from an array they are sorted when first asked for
        self._ranks_order = (cpp.ranks, cpp.order) if len(cpp.order) == len(cpp.scores) else None
        self.contribution_kind = cpp.contribution_kind
        self.warnings = list(cpp.warnings)
        self.params = {k: v for k, v in cpp.choices}
        self.params["higher_is_better"] = self.higher_is_better
        self._extra = None
        if self.method == "vikor":
            self.params["v"] = float(cpp.v)

    @property
    def _ranks(self):
        if self._ranks_order is None:  # ranked from an array: sorted when first asked for
            self._ranks_order = _core().order_and_ranks(self._scores, self.higher_is_better)
        return self._ranks_order[0]

    @property
    def _order(self):
        self._ranks  # noqa: B018 - sorts on first use
        return self._ranks_order[1]

    def _core_problem(self):
        """The C++ problem; from an array it is built (one copy of the matrix) when first needed."""
        if callable(self._cpp_problem):
            self._cpp_problem = self._cpp_problem()
        return self._cpp_problem

    @property
    def problem(self) -> DecisionProblem:
        if self._problem is None:
            cp = self._core_problem()
            crits = [{"name": c.name, "direction": c.direction.name, "weight": c.weight} for c in cp.criteria]
            self._problem = DecisionProblem(cp.alternative_names(), crits, np.asarray(cp.scores))
        return self._problem

    @property
    def _alternatives(self) -> list[str]:
        if self._problem is not None:
            return self._problem._alternatives
        if getattr(self, "_alt_cache", None) is None:
            self._alt_cache = [f"A{i + 1}" for i in range(len(self._scores))] if callable(self._cpp_problem) \
                else self._cpp_problem.alternative_names()
        return self._alt_cache

    @property
    def ranking(self) -> list[str]:
        """Alternative names, best first."""
        alts = self._alternatives
        return [alts[i] for i in self._order]

    @property
    def order(self) -> np.ndarray:
        """Alternative indices, best first."""
        return np.array(self._order)

    @property
    def weights(self) -> pd.Series:
        return pd.Series(np.array(self._cpp.weights), index=self.problem.criteria, name="weight")

    @property
    def extra(self) -> dict:
        """Method-specific figures: TOPSIS d_plus/d_minus; VIKOR S, R, Q, conditions and compromise set;
        PROMETHEE phi_plus, phi_minus, phi."""
        if self._extra is None:
            if self.method == "vikor" and len(self._cpp.order) == 0 and self._options is not None:
                # ranked from an array, scores only: the conditions need the order — rank in full now
                self._options.ranks = True
                self._cpp = _core().rank(self._core_problem(), self._options)
            cpp, ex = self._cpp, {}
            if self.method == "topsis":
                ex["d_plus"] = np.array(cpp.d_plus)
                ex["d_minus"] = np.array(cpp.d_minus)
            if self.method == "vikor":
                for k in ("S", "R", "Q"):
                    ex[k] = np.array(getattr(cpp, k))
                ex["acceptable_advantage"] = bool(cpp.acceptable_advantage)
                ex["acceptable_stability"] = bool(cpp.acceptable_stability)
                alts = self._alternatives
                ex["compromise"] = [alts[i] for i in cpp.compromise]
            if self.method == "promethee2":
                for k in ("phi_plus", "phi_minus", "phi"):
                    ex[k] = np.array(getattr(cpp, k))
            self._extra = ex
        return self._extra

    @property
    def _contrib(self) -> np.ndarray:
        c = self._cpp.contributions
        if c.size == 0 and self._options is not None:
            # the NumPy fast path ranks without contributions; compute them when asked
            self._options.contributions = True
            self._options.ranks = True
            self._cpp = _core().rank(self._core_problem(), self._options)
            self.contribution_kind = self._cpp.contribution_kind
            self._options = None
            c = self._cpp.contributions
        return c

    @property
    def scores(self):
        """The method's own index: a labelled Series (a NumPy array when ranked from an array)."""
        if self._kind == "array":
            return np.array(self._scores)
        return pd.Series(np.array(self._scores), index=self._alternatives, name="score")

    @property
    def ranks(self):
        if self._kind == "array":
            return np.array(self._ranks)
        return pd.Series(np.array(self._ranks), index=self._alternatives, name="rank")

    def __getattr__(self, name):
        if name.startswith("_") or name in ("problem", "extra"):
            raise AttributeError(name)
        extra = self.extra
        if name in extra:
            v = extra[name]
            if isinstance(v, np.ndarray):
                if self._kind == "array":
                    return v.copy()
                return pd.Series(v, index=self._alternatives, name=name)
            return v
        raise AttributeError(name)

    def to_frame(self) -> pd.DataFrame:
        """Columns score, rank (+ S, R, Q or phi_plus, phi_minus, phi), indexed by alternative, best first."""
        df = pd.DataFrame({"score": np.array(self._scores), "rank": np.array(self._ranks)},
                          index=pd.Index(self._alternatives, name="alternative"))
        for k, v in self.extra.items():
            if isinstance(v, np.ndarray):
                df[k] = v
        return df.loc[self.ranking]

    def contributions(self) -> pd.DataFrame:
        """Each alternative's contribution per criterion (see ``contribution_kind``), best first."""
        df = pd.DataFrame(np.array(self._contrib), index=pd.Index(self._alternatives, name="alternative"),
                          columns=pd.Index(self.problem.criteria, name="criterion"))
        return df.loc[self.ranking]

    def dominated(self) -> dict[str, str]:
        """Dominated alternatives → one alternative that dominates it (reported, never refused;
        checked up to 5000 alternatives)."""
        cp = self._core_problem() if self._problem is None else self._problem._core_problem()
        d = _core().dominance(cp)
        if not d.checked:
            return {}
        alts = self._alternatives
        return {alts[i]: alts[b] for i, b in enumerate(d.dominated_by) if b >= 0}

    def to_dict(self) -> dict:
        """The full result (the ``koers rank --json`` document)."""
        alts = self._alternatives
        out: dict[str, Any] = {
            "method": dict(self.params, name=self.method),
            "scores": dict(zip(alts, np.asarray(self._scores).tolist())),
            "ranking": list(self.ranking),
            "ranks": dict(zip(alts, np.asarray(self._ranks).tolist())),
            "weights": self.weights.to_dict(),
            "contributions": {a: dict(zip(self.problem.criteria, row.tolist())) for a, row in zip(alts, np.asarray(self._contrib))},
            "contribution_kind": self.contribution_kind,
            "warnings": list(self.warnings),
            "dominated": self.dominated(),
        }
        for k, v in self.extra.items():
            out[k] = dict(zip(alts, v.tolist())) if isinstance(v, np.ndarray) else v
        return out

    def plot(self, ax=None, top: int | None = None):
        """Stacked contribution bars per alternative, best at the top."""
        return plotting.plot_contributions(self, ax=ax, top=top)

    def __repr__(self) -> str:
        best = self.ranking[0] if self.ranking else None
        return f"<RankResult method={self.method!r} alternatives={len(self.ranking)} best={best!r}>"

    def _repr_html_(self) -> str:
        return self.to_frame()._repr_html_()

    def __reduce__(self):
        # versioned state: the problem (koers.decision JSON) and the method spec; the ranking is
        # recomputed on load (deterministic)
        return (_rank_from_state, ((_PICKLE_VERSION, self.problem.dumps(indent=None), self._kind,
                                    json.dumps(self._spec)),))


def _rank_from_state(state):
    version, problem_json, kind, spec = state
    if version != _PICKLE_VERSION:
        raise InputError(f"pickled RankResult version {version} is not supported", int(Errc.unsupported_version))
    p = DecisionProblem.loads(problem_json, "pickle")
    spec = json.loads(spec)
    o, spec = _rank_options(p, spec.get("name"), spec.get("normalisation"), spec.get("v"), spec.get("value_functions"))
    return RankResult(p, _core().rank(p._core_problem(), o), kind, spec)


def rank(problem, weights=None, directions=None, method: str | None = None, normalisation: str | None = None,
         v: float | None = None, value_functions: dict | None = None, scales=None) -> RankResult:
    """Rank a decision problem.

    ``problem`` is a :class:`DecisionProblem`, a ``koers.decision`` file path or dict, an
    alternatives × criteria DataFrame or a NumPy matrix (then give ``weights`` and
    ``directions``). ``method``: wsm, topsis (default), vikor, promethee2, spotis;
    ``normalisation``: vector, minmax, max, sum, scale, none (default per method and stated in
    ``result.params``); ``v`` for VIKOR; ``value_functions`` ``{criterion: {"x": [...], "v": [...]}}`` for WSM.
    Without arguments the method in the problem (its file's ``method``) is used.
    """
    if isinstance(problem, np.ndarray) and scales is None and value_functions is None:
        # NumPy fast path: the matrix maps into C++ without a copy; names stay in C++ until asked for
        return _rank_array(problem, weights, directions, method, normalisation, v)
    p, kind = _as_problem(problem, weights, directions, scales)
    o, spec = _rank_options(p, method, normalisation, v, value_functions)
    res = RankResult(p, _core().rank(p._core_problem(), o), kind, spec)
    if kind == "problem" and p.method is None:
        res.params.setdefault("method_source", "not given: topsis" if method is None else "argument")
    return res


def _rank_array(x: np.ndarray, weights, directions, method, normalisation, v) -> RankResult:
    d = _core()
    if x.ndim != 2:
        raise InputError("scores must be a 2-d matrix", int(Errc.size_mismatch), ["scores"])
    # read in place when C- or F-contiguous float64; anything else (x[::-1], a slice, ints) is copied
    x = _real_array(x, "scores")
    if not (x.flags.c_contiguous or x.flags.f_contiguous):
        x = np.ascontiguousarray(x)
    k = x.shape[1]
    dirs = _per_criterion(directions if directions is not None else "max", [f"C{j + 1}" for j in range(k)],
                          "directions", _as_direction)
    w = np.empty(0) if weights is None else _real_array(weights, "weights").reshape(-1)
    dir_enums = [d.direction_from_string(s) for s in dirs]
    spec = {"name": method or "topsis"}
    if normalisation is not None:
        spec["normalisation"] = normalisation
    if v is not None:
        spec["v"] = v
    o = d.RankOptions()
    o.method = d.method_from_string(spec["name"])
    spec["name"] = o.method.name
    if normalisation is not None:
        o.normalisation = d.normalisation_from_string(normalisation)
    if v is not None:
        o.v = float(v)
    o.contributions = False  # computed on demand by RankResult.contributions()
    o.ranks = False          # sorted on demand (RankResult.ranks, .ranking, .order)
    # x (C- or F-order float64) is read in place; the C++ problem (a copy) only when a result needs it
    cpp = d.rank_matrix(x, w, dir_enums, o)
    return RankResult(None, cpp, "array", spec, cpp_problem=lambda: d.make_problem(x, w, dir_enums), options=o)
