"""Multi-criteria decision problems: ranking, objective weights, sensitivity and SMAA-2.

A :class:`DecisionProblem` holds alternatives × criteria scores with each criterion's
direction (``"max"``/``"min"``), weight, optional fixed scale ``(lo, hi)`` and optional
PROMETHEE preference function. The maths runs in C++ (``koers._core.decide``); this module
reads and writes ``koers.decision`` files and turns results into DataFrames and plots.

>>> import koers
>>> p = koers.DecisionProblem.from_dict({
...     "format": "koers.decision", "version": 1, "alternatives": ["A", "B", "C"],
...     "criteria": [{"name": "quality", "direction": "max", "weight": 0.6},
...                  {"name": "cost", "direction": "min", "weight": 0.4}],
...     "scores": [[7, 300], [9, 450], [5, 200]]})
>>> r = koers.rank(p, method="topsis")
>>> r.ranking
['A', 'B', 'C']
>>> koers.weights(p, method="entropy").round(3).to_dict()
{'quality': 0.344, 'cost': 0.656}
"""
from __future__ import annotations

import json
import os
import pathlib
from typing import Any

import numpy as np
from ._lazy import is_frame, is_series, pandas as pd

from ._checks import INT64_MAX, MAX_THREADS, UINT64_MAX, real, whole
from .errors import Errc, error, InputError, RankingError

# star-imported by koers/__init__.py; the result classes stay in koers.decide
__all__ = ["DecisionProblem", "rank", "weights", "smaa", "smaa_draws", "sensitivity"]

from .decide_terms import (FORMAT, METHODS, NORMALISATIONS, PREFERENCE_FUNCTIONS,  # noqa: F401
                           VERSION, WEIGHT_METHODS)
_PICKLE_VERSION = 1


def _core():
    from . import _core
    return _core.decide


def _rank_err(code: str, message: str, elements=()) -> RankingError:
    return error(Errc[code], message, list(elements))


# ---------------------------------------------------------------------------------------------
# reading koers.decision documents: the C++ reader (koers/decide/problem_json.hpp) checks every
# field and names its JSON path; it returns the pieces as Python objects
# ---------------------------------------------------------------------------------------------

def _utf8(text: str, origin: str) -> str:
    """Text that can cross to C++ as UTF-8 (a lone surrogate cannot: E101, not a TypeError)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise error(Errc.not_json, f"{origin} is not valid Unicode text: {e.reason} at position {e.start}", [origin]) from None
    return text


def _is_num(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _as_direction(x) -> str:
    if isinstance(x, (bool, np.bool_)):
        return "max" if x else "min"
    if _is_num(x):
        return "max" if x > 0 else "min"
    s = str(x).lower()
    if s in ("max", "benefit", "+"):
        return "max"
    if s in ("min", "cost", "-"):
        return "min"
    raise InputError(f"direction {x!r} is not 'max' or 'min'", int(Errc.invalid_value), [str(x)])


def _per_criterion(value, names: list[str], what: str, convert=lambda x: x):
    """A per-criterion argument as a list: a dict by name, a sequence in order, or one value for all."""
    if value is None:
        return [None] * len(names)
    if is_series(value):
        value = value.to_dict()
    if isinstance(value, dict) and what == "preferences" and set(value) <= {"function", "q", "p", "s"}:
        return [convert(value)] * len(names)
    if isinstance(value, dict):
        for k in value:
            if k not in names:
                raise InputError(f"{what}: unknown criterion '{k}'", int(Errc.unknown_name), [str(k)])
        return [convert(value[n]) if n in value else None for n in names]
    if isinstance(value, str) or np.isscalar(value):
        return [convert(value)] * len(names)
    value = list(value)
    if what == "scales" and len(value) == 2 and all(_is_num(v) for v in value):
        return [convert(value)] * len(names)  # one (lo, hi) for every criterion; per criterion: nested pairs
    if len(value) != len(names):
        raise InputError(f"{what} has {len(value)} entries, expected {len(names)}", int(Errc.size_mismatch), [what])
    return [convert(v) for v in value]


# ---------------------------------------------------------------------------------------------
# DecisionProblem
# ---------------------------------------------------------------------------------------------

class DecisionProblem:
    """Alternatives × criteria scores with directions, weights, scales and the chosen method.

    Build with :meth:`from_frame`, :meth:`from_array`, :meth:`from_dict` or :meth:`load`;
    the problem is checked when built (duplicate names, sizes, non-finite scores, invalid
    weights, scales that miss scores raise :class:`koers.InputError` / :class:`koers.RankingError`
    naming the element).
    """

    def __init__(self, alternatives, criteria, scores, method=None, smaa=None, sensitivity=None, meta=None):
        self._alternatives = [str(a) for a in alternatives]
        self._criteria = [dict(c) for c in criteria]
        arr = _real_array(scores, "scores")
        if arr.ndim != 2:
            raise InputError(f"scores must be a 2-d matrix, got {arr.ndim} dimension(s)", int(Errc.size_mismatch), ["scores"])
        self._scores = arr
        self.method = dict(method) if method else None
        self.smaa_options = dict(smaa) if smaa else None
        self.sensitivity_options = dict(sensitivity) if sensitivity else None
        self.meta = dict(meta or {})
        self._cpp = None
        self._core_problem()  # validate now

    # -- construction --------------------------------------------------------------------------
    @classmethod
    def from_frame(cls, df: pd.DataFrame, directions=None, weights=None, scales=None, preferences=None, method=None):
        """From an alternatives × criteria DataFrame (index = alternative names).

        ``directions``, ``weights``, ``scales`` and ``preferences`` are each a dict by
        criterion, a sequence in column order, or one value for every criterion
        (directions default to ``"max"``; a scale is ``(lo, hi)``).
        """
        names = [str(c) for c in df.columns]
        dirs = _per_criterion(directions if directions is not None else "max", names, "directions", _as_direction)
        ws = _per_criterion(weights, names, "weights", lambda x: None if x is None else float(x))
        scs = _per_criterion(scales, names, "scales", lambda x: None if x is None else (float(x[0]), float(x[1])))
        prefs = _per_criterion(preferences, names, "preferences", lambda x: None if x is None else dict(x))
        crits = []
        for n, d, w, s, p in zip(names, dirs, ws, scs, prefs):
            c = {"name": n, "direction": d or "max"}
            if w is not None:
                c["weight"] = w
            if s is not None:
                c["scale"] = s
            if p is not None:
                c["preference"] = p
            crits.append(c)
        if isinstance(method, str):
            method = {"name": method}
        return cls([str(i) for i in df.index], crits, _real_array(df.to_numpy(), "scores"), method=method)

    @classmethod
    def from_array(cls, scores, weights=None, directions=None, alternatives=None, criteria=None, scales=None,
                   method=None):
        """From a NumPy matrix; names default to A1.., C1.."""
        arr = _real_array(scores, "scores")
        if arr.ndim != 2:
            raise InputError("scores must be a 2-d matrix", int(Errc.size_mismatch), ["scores"])
        alts = list(alternatives) if alternatives is not None else [f"A{i + 1}" for i in range(arr.shape[0])]
        crits = list(criteria) if criteria is not None else [f"C{j + 1}" for j in range(arr.shape[1])]
        if len(alts) != arr.shape[0]:
            raise InputError(f"alternatives has {len(alts)} entries, expected {arr.shape[0]}", int(Errc.size_mismatch), ["alternatives"])
        if len(crits) != arr.shape[1]:
            raise InputError(f"criteria has {len(crits)} entries, expected {arr.shape[1]}", int(Errc.size_mismatch), ["criteria"])
        df = pd.DataFrame(arr, index=alts, columns=crits, copy=False)
        return cls.from_frame(df, directions=directions, weights=weights, scales=scales, method=method)

    @classmethod
    def from_dict(cls, doc: dict) -> "DecisionProblem":
        """From a ``koers.decision`` v1 document (errors name the JSON path)."""
        return cls._from_read(_core().decision_from_dict(doc))

    @classmethod
    def loads(cls, text: str, origin: str = "decision") -> "DecisionProblem":
        return cls._from_read(_core().parse_decision(_utf8(text, origin), origin))

    @classmethod
    def load(cls, path) -> "DecisionProblem":
        """Read a ``koers.decision`` file (InputError E100 unreadable, E101 not JSON or not
        UTF-8, E108 too deep, E117 larger than 1 GiB; field problems name their JSON path)."""
        return cls._from_read(_core().load_decision(os.fspath(path)))

    @classmethod
    def _from_read(cls, d: dict) -> "DecisionProblem":
        return cls(d["alternatives"], d["criteria"], d["scores"], d["method"], d["smaa"], d["sensitivity"], d["meta"])

    def to_dict(self) -> dict:
        """The ``koers.decision`` v1 document."""
        doc: dict = {"format": FORMAT, "version": VERSION}
        doc.update(self.meta)
        doc["alternatives"] = list(self._alternatives)
        crits = []
        for c in self._criteria:
            o = {"name": c["name"]}
            for k in ("id", "description"):
                if k in c:
                    o[k] = c[k]
            o["direction"] = c.get("direction", "max")
            if c.get("weight") is not None:
                o["weight"] = c["weight"]
            if c.get("scale") is not None:
                o["scale"] = [c["scale"][0], c["scale"][1]]
            if c.get("preference") is not None:
                o["preference"] = dict(c["preference"])
            crits.append(o)
        doc["criteria"] = crits
        doc["scores"] = [[(int(x) if float(x).is_integer() and abs(x) < 2**53 else float(x)) for x in row]
                         for row in self._scores]
        if self.method:
            doc["method"] = json.loads(json.dumps(self.method))
        if self.smaa_options:
            s = dict(self.smaa_options)
            if isinstance(s.get("score_spread"), np.ndarray):
                s["score_spread"] = s["score_spread"].tolist()
            out = {k: s[k] for k in ("samples", "seed", "weights", "confidence_samples") if k in s}
            if "intervals" in s:
                out["intervals"] = {k: list(v) for k, v in s["intervals"].items()}
            if "orderings" in s:
                out["orderings"] = [list(o) for o in s["orderings"]]
            if "score_model" in s or "score_spread" in s:
                out["scores"] = {"model": s.get("score_model", "uniform"), "spread": s.get("score_spread", 0.0)}
            doc["smaa"] = out
        if self.sensitivity_options:
            doc["sensitivity"] = dict(self.sensitivity_options)
        return doc

    def dumps(self, indent: int = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, allow_nan=False)

    def save(self, path) -> None:
        """Write the ``koers.decision`` file (UTF-8)."""
        pathlib.Path(path).write_text(self.dumps() + "\n", encoding="utf-8")

    # -- views ---------------------------------------------------------------------------------
    @property
    def alternatives(self) -> list[str]:
        return list(self._alternatives)

    @property
    def criteria(self) -> list[str]:
        return [c["name"] for c in self._criteria]

    @property
    def scores(self) -> np.ndarray:
        """The score matrix (a read-only view)."""
        v = self._scores.view()
        v.flags.writeable = False
        return v

    @property
    def directions(self) -> pd.Series:
        return pd.Series([c.get("direction", "max") for c in self._criteria], index=self.criteria, name="direction")

    @property
    def weight_vector(self) -> pd.Series | None:
        """The weights as given (None when a criterion has none)."""
        if any(c.get("weight") is None for c in self._criteria):
            return None
        return pd.Series([c["weight"] for c in self._criteria], index=self.criteria, name="weight", dtype=float)

    def to_frame(self) -> pd.DataFrame:
        """Scores as an alternatives × criteria DataFrame (a copy)."""
        df = pd.DataFrame(self._scores.copy(), index=pd.Index(self._alternatives, name="alternative"),
                          columns=pd.Index(self.criteria, name="criterion"))
        return df

    def criteria_frame(self) -> pd.DataFrame:
        """One row per criterion: direction, weight, scale_lo, scale_hi, preference."""
        rows = []
        for c in self._criteria:
            sc = c.get("scale")
            pr = c.get("preference")
            rows.append({"direction": c.get("direction", "max"), "weight": c.get("weight", np.nan),
                         "scale_lo": sc[0] if sc else np.nan, "scale_hi": sc[1] if sc else np.nan,
                         "preference": pr.get("function") if pr else None})
        df = pd.DataFrame(rows, index=pd.Index(self.criteria, name="criterion"))
        df["direction"] = pd.Categorical(df["direction"], categories=["max", "min"])
        return df

    def with_weights(self, weights) -> "DecisionProblem":
        """A copy with new weights (dict by criterion, Series, or sequence in order)."""
        ws = _per_criterion(weights, self.criteria, "weights", float)
        crits = [dict(c, weight=w) if w is not None else dict(c) for c, w in zip(self._criteria, ws)]
        return DecisionProblem(self._alternatives, crits, self._scores, self.method, self.smaa_options,
                               self.sensitivity_options, self.meta)

    def with_method(self, name: str, **params) -> "DecisionProblem":
        m = {"name": name, **params}
        return DecisionProblem(self._alternatives, self._criteria, self._scores, m, self.smaa_options,
                               self.sensitivity_options, self.meta)

    # -- C++ -----------------------------------------------------------------------------------
    def _core_problem(self):
        if self._cpp is None:
            d = _core()
            p = d.DecisionProblem()
            p.alternatives = self._alternatives
            crits = []
            for c in self._criteria:
                cc = d.Criterion()
                cc.name = str(c["name"])
                cc.direction = d.direction_from_string(_as_direction(c.get("direction", "max")))
                if c.get("weight") is not None:
                    cc.weight = float(c["weight"])
                if c.get("scale") is not None:
                    cc.scale = d.Scale(float(c["scale"][0]), float(c["scale"][1]))
                if c.get("preference") is not None:
                    pr = c["preference"]
                    cc.preference = d.Preference(d.preference_from_string(pr.get("function", "usual")),
                                                 float(pr.get("q", 0.0)), float(pr.get("p", 0.0)), float(pr.get("s", 0.0)))
                crits.append(cc)
            p.criteria = crits
            p.scores = self._scores  # one copy into the C++ problem, kept for every later call
            p.validate()
            self._cpp = p
        return self._cpp

    # -- dunder --------------------------------------------------------------------------------
    def __repr__(self) -> str:
        name = f" {self.meta['name']!r}" if "name" in self.meta else ""
        m = f" method={self.method['name']!r}" if self.method else ""
        w = "" if self.weight_vector is not None else " weights=none"
        return f"<DecisionProblem{name} alternatives={len(self._alternatives)} criteria={len(self._criteria)}{m}{w}>"

    def _repr_html_(self) -> str:
        return self.to_frame()._repr_html_() + f"<p>{len(self._alternatives)} alternatives × {len(self._criteria)} criteria</p>"

    def __eq__(self, other) -> bool:
        return isinstance(other, DecisionProblem) and self.to_dict() == other.to_dict()

    def __reduce__(self):
        return (_problem_from_state, ((_PICKLE_VERSION, self.dumps(indent=None).encode("utf-8")),))


def _problem_from_state(state):
    version, data = state
    if version != _PICKLE_VERSION:
        raise InputError(f"pickled DecisionProblem version {version} is not supported", int(Errc.unsupported_version))
    return DecisionProblem.loads(data.decode("utf-8"), "pickle")


def _real_array(x, what: str) -> np.ndarray:
    """``x`` as a float64 array; complex numbers are refused (InputError E106 naming ``what``)
    rather than silently losing their imaginary part."""
    a = x if isinstance(x, np.ndarray) else np.asarray(x)
    if np.iscomplexobj(a) or (a.dtype == object and any(isinstance(v, complex) for v in a.flat)):
        raise error(Errc.wrong_type, f"{what} are complex numbers; koers ranks real numbers only", [what])
    return a if a.dtype == np.float64 else a.astype(np.float64)


def _as_problem(problem, weights=None, directions=None, scales=None) -> tuple[DecisionProblem, str]:
    """(problem, kind) where kind is 'problem', 'frame' or 'array' (for the result's shapes)."""
    if isinstance(problem, DecisionProblem):
        p = problem if weights is None else problem.with_weights(weights)
        return p, "problem"
    if isinstance(problem, (str, pathlib.Path)):
        p = DecisionProblem.load(problem)
        return (p if weights is None else p.with_weights(weights)), "problem"
    if is_frame(problem):
        return DecisionProblem.from_frame(problem, directions=directions, weights=weights, scales=scales), "frame"
    if isinstance(problem, dict):
        p = DecisionProblem.from_dict(problem)
        return (p if weights is None else p.with_weights(weights)), "problem"
    return DecisionProblem.from_array(problem, weights=weights, directions=directions, scales=scales), "array"


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


# ---------------------------------------------------------------------------------------------
# rank
# ---------------------------------------------------------------------------------------------

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
        from .plotting import plot_contributions
        return plot_contributions(self, ax=ax, top=top)

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


# ---------------------------------------------------------------------------------------------
# weights
# ---------------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------------
# sensitivity
# ---------------------------------------------------------------------------------------------

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
        from .plotting import plot_weight_intervals
        return plot_weight_intervals(self.to_frame(), self.method, self.target, ax=ax)

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
        from ._progress import progress_bar
        bar, cb = progress_bar(0, "sensitivity", "ranking", delay=1.0)
        if cb is not None:
            so.progress = cb
    try:
        res = d.sensitivity(p._core_problem(), so)
    finally:
        if bar is not None:
            bar.close()
    return SensitivityResult(p, res, spec)


# ---------------------------------------------------------------------------------------------
# SMAA-2
# ---------------------------------------------------------------------------------------------

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
        from .plotting import plot_acceptability
        order = list(self.to_frame().index)
        if top:
            order = order[:top]
        return plot_acceptability(self.acceptability, order, self.method, self.samples, ax=ax)

    def __repr__(self) -> str:
        best = self.to_frame().index[0]
        return f"<SmaaResult method={self.method!r} alternatives={len(self.acceptability)} samples={self.samples} most_often_first={best!r}>"

    def _repr_html_(self) -> str:
        return self.to_frame()._repr_html_()


def _progress_bar(total: int, desc: str = "SMAA", unit: str = "sample"):
    from ._progress import progress_bar
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
