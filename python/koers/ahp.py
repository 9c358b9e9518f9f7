"""The Analytic Hierarchy Process on named judgments: :class:`AHP`, :class:`Group`, :func:`analyse`.

Judgments are phrased as sentences, so a matrix can never be entered transposed:
``ahp.judge("bestuurlijke_prioriteiten", 3, "financiele_impact")`` reads "bestuurlijke
prioriteiten is 3 times as important as financiële impact". Pairs left out are completed by
minimising λmax (Bozóki, Fülöp & Rónyai 2010). Every result names its priority method, its
random-index table and how RI was obtained (table, interpolated, or Monte-Carlo beyond the
table), the values chosen for missing pairs and the most inconsistent triads (Koczkodaj).

>>> import koers
>>> a = koers.ahp.AHP(["x", "y", "z"])
>>> a.judge("x", 2, "y").judge("y", 2, "z").judge("x", 4, "z")
<AHP elements=3 judgments=3 missing=0>
>>> a.priorities().round(4).tolist()
[0.5714, 0.2857, 0.1429]
>>> round(a.consistency()["cr"], 6)
0.0
"""
from __future__ import annotations

import copy
import json
import math
import os
from typing import Mapping

import numpy as np
from ._lazy import is_frame, pandas as pd

from . import _core
from .errors import Errc, error

__all__ = ["AHP", "Group", "analyse", "load", "random_index", "principal_eigen", "geometric_mean",
           "koczkodaj_triad", "PICKLE_VERSION"]

#: Version of the pickled state ``(PICKLE_VERSION, koers.ahp JSON bytes)``.
PICKLE_VERSION = 1

# A document crosses to C++ as a Python dict (``_core.ahp_read``: translated to JSON values in
# C++ and checked by the reader of koers.ahp files, with its codes and JSON paths) or as a file
# path (``_core.ahp_load``); the C++ document (``_core.AhpDocument``) is analysed by
# ``_core.ahp_analyse``, whose result is a dict built in C++. No JSON text crosses.
_OPTION_KEYS = ("priorities", "ri_table", "completion", "cr_threshold")


def _dumps(doc) -> str:
    """The pickled state's JSON text (pickling only: C++ is handed dicts)."""
    try:
        return json.dumps(doc, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise error(Errc.wrong_type, f"ahp document is not JSON-serialisable: {e}", ["/"]) from None


def _judgment_list(judgments) -> list[dict]:
    """Judgments from dicts {a, b, value}, tuples (a, value, b) or a DataFrame (columns a, b, value)."""
    if judgments is None:
        return []
    if is_frame(judgments):
        missing = {"a", "b", "value"} - set(judgments.columns)
        if missing:
            raise error(Errc.missing_field, f"a judgments DataFrame needs columns a, b, value (missing: {', '.join(sorted(missing))})", sorted(missing))
        return [{"a": str(r.a), "b": str(r.b), "value": float(r.value)} for r in judgments.itertuples()]
    out = []
    for k, j in enumerate(judgments):
        if isinstance(j, Mapping):
            out.append({"a": j["a"], "b": j["b"], "value": float(j["value"])})
        elif isinstance(j, (tuple, list)) and len(j) == 3:
            a, v, b = j
            if isinstance(v, str) and not isinstance(b, str):  # (a, b, value) also accepted
                a, v, b = j[0], j[2], j[1]
            out.append({"a": a, "b": b, "value": float(v)})
        else:
            raise error(Errc.wrong_type, f"judgment {k + 1} must be (a, value, b) or {{'a', 'b', 'value'}}, not {j!r}", [f"/judgments/{k}"])
    return out


def _series(d: Mapping, elements, name="priority") -> pd.Series:
    return pd.Series([d[e] for e in elements], index=pd.Index(list(elements), name="element"), name=name, dtype=float)


def _triads_frame(items) -> pd.DataFrame:
    cols = ["i", "j", "k", "a_ij", "a_jk", "a_ik", "implied_a_ik", "index"]
    rows = [[t["elements"][0], t["elements"][1], t["elements"][2], t["a_ij"], t["a_jk"], t["a_ik"], t["implied_a_ik"],
             t["index"]] for t in items]
    return pd.DataFrame(rows, columns=cols)


def _consistency(r: dict) -> dict:
    keys = ["lambda_max", "ci", "cr", "ri", "ri_table", "ri_table_name", "ri_source", "ri_note", "gci", "consistent",
            "cr_threshold", "koczkodaj_index"]
    return {k: r[k] for k in keys if k in r}


class _Base:
    """What AHP and Group share: options, caching of the C++ result, frames and pickling."""

    def __init__(self, elements, *, name="", priorities="eigenvector", ri_table="saaty1980", completion="bozoki",
                 cr_threshold=0.10):
        elements = list(elements)
        if not elements:
            raise error(Errc.invalid_argument, "AHP needs at least one element", [])
        self._elements = [str(e) for e in elements]
        # names checked by koers now (E112 duplicate, empty names)
        _core.ahp_read({"format": "koers.ahp", "version": 1, "elements": self._elements, "judgments": []}, "elements")
        self.name = name
        self._options = {"priorities": priorities, "ri_table": ri_table, "completion": completion,
                         "cr_threshold": cr_threshold}
        self._cache = None

    @property
    def elements(self) -> list[str]:
        return list(self._elements)

    def _options_doc(self) -> dict:
        d = {k: self._options[k] for k in ("priorities", "ri_table", "completion")}
        if self._options["cr_threshold"] != 0.10:
            d["cr_threshold"] = self._options["cr_threshold"]
        return d

    def _document(self):
        """The comparisons as the C++ document, checked by koers."""
        return _core.ahp_read(self.to_dict(), self.name or "ahp")

    def _run(self) -> dict:
        if self._cache is None:
            self._cache = _core.ahp_analyse(self._document())
        return self._cache

    def _changed(self):
        self._cache = None

    # ---- files ---------------------------------------------------------------------------
    def to_json(self, indent: int = 2) -> str:
        """The comparisons as ``koers.ahp`` JSON (checked by koers)."""
        return json.dumps(self._document().to_dict(), ensure_ascii=False, indent=indent)

    def save(self, path) -> None:
        """Write a ``koers.ahp`` v1 file; :func:`load` gives the same comparisons back."""
        with open(os.fspath(path), "w", encoding="utf-8") as f:
            f.write(self.to_json() + "\n")

    # ---- results -------------------------------------------------------------------------
    def result(self) -> dict:
        """The full result, as ``koers ahp FILE --json`` prints it."""
        return copy.deepcopy(self._run())

    def priorities(self) -> pd.Series:
        """Priorities (sum 1) in element order, by the chosen method."""
        r = self._run()
        return _series(r["weights"], self._elements)

    def ranking(self) -> list[str]:
        """Elements, best first."""
        return list(self._run()["ranking"])

    def consistency(self) -> dict:
        """λmax, CI, CR, RI with its table and source, GCI, Koczkodaj index, and CR ≤ threshold."""
        return _consistency(self._run())

    def matrix(self) -> pd.DataFrame:
        """The (completed) reciprocal matrix, rows and columns labelled by element (row is `a`)."""
        m = np.array(self._run()["matrix"], dtype=float)
        idx = pd.Index(self._elements, name="a")
        return pd.DataFrame(m, index=idx, columns=pd.Index(self._elements, name="b"))

    def completed(self) -> pd.DataFrame:
        """The values chosen for the pairs nobody judged (columns a, b, value)."""
        return pd.DataFrame(self._run()["completed"], columns=["a", "b", "value"])

    def inconsistent_triads(self) -> pd.DataFrame:
        """Fully judged triads, worst first, with Koczkodaj's index (columns i, j, k, a_ij, a_jk, a_ik, implied_a_ik, index)."""
        return _triads_frame(self._run()["inconsistent"])

    def revision(self) -> dict | None:
        """The judgment whose change lowers λmax most, with the suggested value and the CR after."""
        r = self._run().get("revision")
        return dict(r) if r else None

    def warnings(self) -> list[str]:
        return list(self._run()["warnings"])

    def plot_priorities(self, ax=None):
        """Horizontal bars of the priorities, best on top, with CR in the title."""
        from .plotting import plot_bars
        c = self.consistency()
        return plot_bars(self.priorities().sort_values(), ax=ax, xlabel="priority (the weights sum to 1)",
                         title=f"{self.name or 'AHP'}: CR {c['cr']:.3f} ({c['ri_table_name']})"
                         + ("" if c["consistent"] else " - inconsistent"))

    # ---- pickling ------------------------------------------------------------------------
    def __getstate__(self):
        return (PICKLE_VERSION, _dumps(self.to_dict()).encode("utf-8"))

    def __setstate__(self, state):
        version, data = state
        if version != PICKLE_VERSION:
            raise error(Errc.unsupported_version, f"cannot unpickle koers.ahp state version {version}", [])
        other = _from_doc(json.loads(data.decode("utf-8")))
        self.__dict__.update(other.__dict__)

    def __eq__(self, other):
        return type(self) is type(other) and self.to_dict() == other.to_dict()

    def __hash__(self):  # mutable
        return id(self)


class AHP(_Base):
    """One comparison set: elements and named-pair judgments.

    Parameters
    ----------
    elements : list of str
        The elements compared (criteria, or alternatives under one criterion).
    judgments : iterable, optional
        Tuples ``(a, value, b)`` ("a is value times as important as b"), dicts ``{"a", "b",
        "value"}``, or a DataFrame with columns a, b, value.
    priorities : {"eigenvector", "geometric"}
    ri_table : {"saaty1980", "saaty2005", "donegan-dodd", "aguaron", "tummala-ling"}
    completion : {"bozoki", "none"}

    Examples
    --------
    >>> a = AHP(["x", "y", "z"], [("x", 3, "y"), ("y", 2, "z")])
    >>> a.completed().round(4).to_dict("records")
    [{'a': 'x', 'b': 'z', 'value': 6.0}]
    """

    def __init__(self, elements, judgments=None, **options):
        super().__init__(elements, **options)
        self._judgments: list[dict] = []
        js = _judgment_list(judgments)
        if js:
            self._add(*js)  # checked at once: one parse, not one per judgment (quadratic in their number)

    def _add(self, *js: dict):
        trial = self._judgments + list(js)
        doc = {"format": "koers.ahp", "version": 1, "elements": self._elements, "judgments": trial}
        _core.ahp_read(doc, "judgment")  # checks names, range, contradictions now
        self._judgments = trial
        self._changed()

    def judge(self, a: str, value: float, b: str) -> "AHP":
        """Record "a is `value` times as important as b" (1/9..9); returns self for chaining."""
        self._add({"a": a, "b": b, "value": float(value)})
        return self

    def judgments(self) -> pd.DataFrame:
        """The judgments as entered (columns a, b, value)."""
        return pd.DataFrame(self._judgments, columns=["a", "b", "value"])

    def to_dict(self) -> dict:
        d = {"format": "koers.ahp", "version": 1}
        if self.name:
            d["name"] = self.name
        d["elements"] = list(self._elements)
        d["judgments"] = [dict(j) for j in self._judgments]
        d.update(self._options_doc())
        return d

    @classmethod
    def from_dict(cls, data: dict) -> "AHP":
        """An AHP from a ``koers.ahp`` dictionary with ``judgments`` (use :class:`Group` for ``judges``)."""
        return _single(_from_doc(data))

    @classmethod
    def load(cls, path) -> "AHP":
        return _single(_from_document(_core.ahp_load(os.fspath(path))))

    @classmethod
    def from_matrix(cls, matrix, elements=None, **options) -> "AHP":
        """An AHP from a square matrix whose entry (row a, column b) says "a is value times as
        important as b": a DataFrame labelled both ways (labels must match) or an array with
        ``elements``. NaN or 0 marks a missing pair; both triangles may be given but must then be
        reciprocal (E304 otherwise).
        """
        if is_frame(matrix):
            if list(matrix.index) != list(matrix.columns):
                raise error(Errc.invalid_value, "a judgment matrix needs the same labels on rows and columns, in the same order", [str(x) for x in matrix.index])
            elements = [str(x) for x in matrix.index] if elements is None else list(elements)
            m = matrix.to_numpy(dtype=float)
        else:
            m = np.asarray(matrix, dtype=float)
            if elements is None:
                elements = [f"e{i + 1}" for i in range(m.shape[0])]
        if m.ndim != 2 or m.shape[0] != m.shape[1] or m.shape[0] != len(elements):
            raise error(Errc.size_mismatch, f"a judgment matrix must be square with one row per element ({len(elements)}), "
                             f"got shape {m.shape}", ["matrix"])
        given = np.isfinite(m) & (m != 0)
        both = [(elements[i], float(m[i, j]), elements[j]) for i in range(len(elements)) for j in range(len(elements))
                if i != j and given[i, j]]
        cls(elements, both)  # koers checks both triangles agree (E304)
        n = len(elements)
        js = [(elements[i], float(m[i, j]), elements[j]) if given[i, j] else (elements[j], float(m[j, i]), elements[i])
              for i in range(n) for j in range(i + 1, n) if given[i, j] or given[j, i]]
        return cls(elements, js, **options)

    def __repr__(self):
        missing = len(self._elements) * (len(self._elements) - 1) // 2 - len(self._judgments)
        name = f" '{self.name}'" if self.name else ""
        return f"<AHP{name} elements={len(self._elements)} judgments={len(self._judgments)} missing={missing}>"


class Group(_Base):
    """Several judges over one set of elements, combined by AIJ or AIP.

    Parameters
    ----------
    elements : list of str
    judges : mapping name -> judgments (or :class:`AHP`), or a list of (name, judgments)
    weights : mapping name -> weight, or a list in judge order; default equal. Normalised to sum 1.
    aggregation : {"aij", "aip"}
        AIJ: weighted geometric mean of the judgments per pair (over the judges who judged it);
        AIP: weighted geometric mean of the judges' priority vectors, renormalised.

    Examples
    --------
    >>> g = Group(["x", "y"], {"one": [("x", 4, "y")], "two": [("x", 1, "y")]})
    >>> g.priorities().round(4).tolist()
    [0.6667, 0.3333]
    """

    def __init__(self, elements, judges=None, weights=None, *, aggregation="aij", **options):
        super().__init__(elements, **options)
        self.aggregation = aggregation
        self._judges: list[dict] = []
        if judges is not None:
            items = list(judges.items()) if isinstance(judges, Mapping) else list(judges)
            if isinstance(weights, Mapping):
                wmap = dict(weights)
            elif weights is None:
                wmap = {}
            else:
                wl = list(weights)
                if len(wl) != len(items):
                    raise error(Errc.size_mismatch, f"weights has {len(wl)} entries, expected {len(items)}", ["weights"])
                wmap = {items[k][0]: wl[k] for k in range(len(items))}
            for name, js in items:
                self.add_judge(name, js, wmap.get(name, 1.0))

    def add_judge(self, name: str, judgments, weight: float = 1.0) -> "Group":
        """Add a judge (judgments as for :class:`AHP`, or an AHP); returns self."""
        if isinstance(judgments, AHP):
            js = [dict(j) for j in judgments._judgments]
        else:
            js = _judgment_list(judgments)
        trial = self._judges + [{"name": str(name), "weight": float(weight), "judgments": js}]
        doc = {"format": "koers.ahp", "version": 1, "elements": self._elements, "judges": trial}
        _core.ahp_read(doc, "group")
        self._judges = trial
        self._changed()
        return self

    @property
    def judges(self) -> list[str]:
        return [j["name"] for j in self._judges]

    def to_dict(self) -> dict:
        d = {"format": "koers.ahp", "version": 1}
        if self.name:
            d["name"] = self.name
        d["elements"] = list(self._elements)
        d["judges"] = [{"name": j["name"], "weight": j["weight"], "judgments": [dict(x) for x in j["judgments"]]}
                       for j in self._judges]
        d["aggregation"] = self.aggregation
        d.update(self._options_doc())
        return d

    def _run(self) -> dict:
        if not self._judges:
            raise error(Errc.missing_field, "the group has no judges yet", ["/judges"])
        return super()._run()

    def priorities(self, aggregation: str | None = None) -> pd.Series:
        """Group priorities by ``aggregation`` ("aij" or "aip"; default: the group's own)."""
        if aggregation is None or aggregation == self.aggregation:
            return super().priorities()
        other = Group.from_dict({**self.to_dict(), "aggregation": aggregation})
        return other.priorities()

    def judge_priorities(self) -> pd.DataFrame:
        """Each judge's own priorities (rows: judges, columns: elements); NaN where a judge's
        judgments are disconnected."""
        r = self._run()["judges"]
        rows = [[(r[j]["weights"] or {}).get(e, math.nan) for e in self._elements] for j in self.judges]
        return pd.DataFrame(rows, index=pd.Index(self.judges, name="judge"), columns=pd.Index(self._elements, name="element"))

    def disagreement(self) -> pd.DataFrame:
        """Per judge: weight, judged_pairs, gci (geometric compatibility of their judgments with the
        group priorities, Aguarón & Moreno-Jiménez 2003), distance and max_difference (own priorities
        vs the group's), own cr and whether it is consistent."""
        r = self._run()["judges"]
        cols = ["weight", "judged_pairs", "gci", "distance", "max_difference", "cr", "consistent"]
        rows = []
        for j in self.judges:
            x = r[j]
            rows.append([x["weight"], x["judged_pairs"], x["gci"],
                         math.nan if x["distance"] is None else x["distance"],
                         math.nan if x["max_difference"] is None else x["max_difference"],
                         x.get("cr", math.nan), x.get("consistent")])
        df = pd.DataFrame(rows, index=pd.Index(self.judges, name="judge"), columns=cols)
        df["judged_pairs"] = df["judged_pairs"].astype("int64")
        return df

    def plot_disagreement(self, ax=None):
        """Bars of each judge's GCI against the group, with Aguarón's GCI thresholds for n ≥ 5 (0.35)."""
        from .plotting import ORANGE, plot_bars
        d = self.disagreement().sort_values("gci")
        n = len(self._elements)
        threshold = 0.31 if n == 3 else 0.35 if n == 4 else 0.37
        return plot_bars(d["gci"], ax=ax, colour=ORANGE, threshold=threshold,
                         threshold_label=f"threshold {threshold} (Aguarón & Moreno-Jiménez 2003)",
                         xlabel="GCI against the group priorities",
                         title=f"{self.name or 'Group'}: disagreement per judge ({self.aggregation.upper()})")

    @classmethod
    def from_dict(cls, data: dict) -> "Group":
        return _group(_from_doc(data))

    @classmethod
    def load(cls, path) -> "Group":
        return _group(_from_document(_core.ahp_load(os.fspath(path))))

    def __repr__(self):
        name = f" '{self.name}'" if self.name else ""
        return f"<Group{name} elements={len(self._elements)} judges={len(self._judges)} aggregation={self.aggregation}>"


def _single(obj) -> AHP:
    if not isinstance(obj, AHP):
        raise error(Errc.invalid_value, "this koers.ahp document holds judges: use koers.ahp.Group.from_dict", ["/judges"])
    return obj


def _group(obj) -> Group:
    if not isinstance(obj, Group):
        raise error(Errc.invalid_value, "this koers.ahp document holds one set of judgments: use koers.ahp.AHP.from_dict", ["/judgments"])
    return obj


def _read(data):
    """The C++ document of a koers.ahp dictionary (checked by koers)."""
    return _core.ahp_read(data, str(data.get("name") or "ahp") if isinstance(data, Mapping) else "ahp")


def _from_doc(data: dict):
    """AHP or Group from a (flat) koers.ahp dictionary, checked by koers first."""
    return _from_document(_read(data))


def _from_document(document):
    """AHP or Group from a C++ koers.ahp document (a two-level hierarchy is refused)."""
    doc = document.to_dict()
    if "criteria" in doc:
        raise error(Errc.invalid_value, "a two-level hierarchy: use koers.ahp.analyse for it", ["/criteria"])
    opts = {k: doc[k] for k in _OPTION_KEYS if k in doc}
    if "judges" in doc:
        g = Group(doc["elements"], aggregation=doc.get("aggregation", "aij"), name=doc.get("name", ""), **opts)
        g._judges = [{"name": j["name"], "weight": float(j["weight"]), "judgments": list(j["judgments"])}
                     for j in doc["judges"]]
        return g
    a = AHP(doc["elements"], name=doc.get("name", ""), **opts)
    a._judgments = list(doc.get("judgments", []))
    return a


def load(path):
    """Load one set of pairwise judgments, or a group of judges, from a ``koers.ahp`` file.

    Parameters
    ----------
    path : str or os.PathLike
        A ``koers.ahp`` file (``docs/ahp-format.md``) holding one judgment set or a group;
        a two-level hierarchy is analysed by :func:`analyse`.

    Returns
    -------
    AHP or Group
        One judge's :class:`AHP`, or a :class:`Group` of judges with its aggregation (AIJ or AIP).

    Raises
    ------
    koers.InputError
        File problems, with the JSON path (unknown element, judgment outside 1/9..9, ...).

    Examples
    --------
    >>> import koers
    >>> group = koers.ahp.load(koers.examples.path("west-betuwe-2022", "ahp.json"))
    >>> len(group.judges), group.ranking()[0]
    (5, 'bestuurlijke_prioriteiten')
    >>> round(group.consistency()["cr"], 4)
    0.0049
    """
    return _from_document(_core.ahp_load(os.fspath(path)))


def analyse(path_or_dict) -> dict:
    """Analyse a ``koers.ahp`` document: priorities, consistency, completion and judges.

    Parameters
    ----------
    path_or_dict : str, os.PathLike or Mapping
        A ``koers.ahp`` file, or the same document as a dictionary: one judgment set, a group
        of judges, or a two-level hierarchy.

    Returns
    -------
    dict
        What ``koers ahp --json`` prints: ``weights`` and ``ranking``, ``lambda_max``, ``ci``,
        ``cr`` with the random-index table and its source, the completed pairs, the most
        inconsistent triads and, for a group, every judge's priorities and disagreement.

    Raises
    ------
    koers.InputError
        File problems, with the JSON path.

    Examples
    --------
    >>> import koers
    >>> r = koers.ahp.analyse(koers.examples.path("west-betuwe-2022", "ahp.json"))
    >>> r["ranking"][:2], r["consistent"], r["ri_note"]
    (['bestuurlijke_prioriteiten', 'dienstverlening'], True, 'Saaty 1980, n = 5')
    >>> round(r["weights"]["bestuurlijke_prioriteiten"], 3)
    0.262
    """
    if isinstance(path_or_dict, Mapping):
        return _core.ahp_analyse(_read(dict(path_or_dict)))
    return _core.ahp_analyse(_core.ahp_load(os.fspath(path_or_dict)))


def random_index(n: int, table: str = "saaty1980") -> dict:
    """RI(n) of a named table with its source ("table", "interpolated", "monte-carlo", "n<3")."""
    return dict(_core.ahp_random_index(int(n), table))


def principal_eigen(matrix) -> tuple[np.ndarray, float]:
    """Principal eigenvector (sum 1) and λmax of a positive matrix (power iteration, tolerance 1e-13)."""
    vec, value, _ = _core.ahp_principal_eigen(np.asarray(matrix, dtype=float))
    return np.asarray(vec), float(value)


def geometric_mean(matrix) -> np.ndarray:
    """Row geometric means, normalised to sum 1 (RGMM)."""
    return np.asarray(_core.ahp_geometric_mean(np.asarray(matrix, dtype=float)))


def koczkodaj_triad(a_ij: float, a_jk: float, a_ik: float) -> float:
    """Koczkodaj's inconsistency of one triad: min(|1 − a_ik/(a_ij a_jk)|, |1 − a_ij a_jk/a_ik|)."""
    return float(_core.ahp_koczkodaj_triad(a_ij, a_jk, a_ik))
