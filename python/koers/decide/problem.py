"""The decision problem (file format ``koers.decision`` v1): alternatives × criteria scores with
directions, weights, scales and preference functions (:class:`DecisionProblem`). The C++ reader
(``koers/decide/problem_json.hpp``) checks every field of a file and names its JSON path."""
from __future__ import annotations

import json
import os
import pathlib

import numpy as np

from .._lazy import LazyModule, is_frame, is_series, pandas as pd
from ..decide_terms import FORMAT, VERSION
from ..errors import Errc, error, InputError

__all__ = ["DecisionProblem"]

_PICKLE_VERSION = 1

#: the compiled module, loaded when a problem is first built (``import koers.decide`` stays light)
_compiled = LazyModule("koers._core")


def _core():
    """The compiled ``koers._core.decide``."""
    return _compiled.decide


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
