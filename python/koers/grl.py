"""Goal-model evaluation with the GRL algorithms of jUCMNav, and the jUCMNav importer.

A strategy gives initial satisfaction values (-100..100) to some elements, usually
interventions; the evaluation propagates them up contributions and decompositions to goals
and developments, and explains every result (which inputs gave how much).

Two algorithms, as in jUCMNav: ``"quantitative"`` (integers, contribution = trunc(strength ×
source / 100), AND = min, OR/XOR = max, clamped to -100..100 with jUCMNav's tolerance 10) and
``"qualitative"`` (jUCMNav's label tables). koers models default to quantitative, jUCMNav
files to qualitative (their reference results are labels). A cycle among the evaluated
elements raises :class:`koers.GraphError` E201 naming its path; an unknown strategy raises
E209 naming the known ones. The rules in full: ``include/koers/analysis/grl.hpp``.

``koers propagate FILE --strategy NAME --json`` prints :func:`propagate_file`'s dict. Exit codes:
0 done; 2 when the file cannot be read or is not XML/JSON or not a jUCMNav/koers model
(:class:`koers.InputError` E100/E101/E116/E600); 1 when the model cannot be evaluated with that
strategy (:class:`koers.GraphError`: E209 unknown strategy, E201 cycle, E200 unknown element).

>>> import koers, pathlib
>>> path = pathlib.Path(koers.__file__).parents[2] / ".." / "shared" / "data" / "grl" / "idrisgrl_amyot-main.jucm"
>>> model = koers.grl.load_jucm(path) if path.exists() else None
>>> model.strategies() if model else ['EvaluationStrategy4', 'EvaluationStrategy76', 'EvaluationStrategy121']
['EvaluationStrategy4', 'EvaluationStrategy76', 'EvaluationStrategy121']
"""
from __future__ import annotations

import json
import os
import pathlib

from ._lazy import LazyModule, pandas as pd

from . import _core
from .errors import Errc, error

__all__ = ["LABELS", "GrlModel", "Evaluation", "load_jucm", "from_model", "strategies", "evaluate",
           "evaluate_model", "propagate_file"]

np = LazyModule("numpy")  # only the matrix views need it

#: The seven GRL labels, from worst to best (Conflict and Unknown in the middle).
LABELS = ["Denied", "WeaklyDenied", "None", "Conflict", "Unknown", "WeaklySatisfied", "Satisfied"]
ALGORITHMS = ["quantitative", "qualitative"]

_FRAME_COLUMNS = ["name", "kind", "value", "label", "given", "rule"]
_EXPLAIN_COLUMNS = ["source", "source_name", "link", "contribution", "strength", "source_value",
                    "source_label", "amount", "amount_label", "decisive"]


def _algorithm(algorithm):
    if algorithm is None:
        return None
    if isinstance(algorithm, _core.GrlAlgorithm):
        return algorithm
    if algorithm not in ALGORITHMS:
        raise error(Errc.invalid_value, f"unknown GRL algorithm '{algorithm}'; expected one of {', '.join(ALGORITHMS)}", [str(algorithm)])
    return getattr(_core.GrlAlgorithm, algorithm)


class GrlModel:
    """A GRL model: intentional elements, links, actors and strategies (from a jUCMNav file or
    from a koers model)."""

    def __init__(self, raw: "_core.GrlModel", origin: str = ""):
        self._raw = raw
        self.origin = origin
        self._doc = None

    @property
    def name(self) -> str:
        return self._raw.name

    @property
    def default_algorithm(self) -> str:
        return self._raw.default_algorithm.name

    def _data(self) -> dict:
        if self._doc is None:
            self._doc = json.loads(self._raw.to_json())
        return self._doc

    def to_dict(self) -> dict:
        """The model as a dict (elements, links, actors, strategies)."""
        return json.loads(self._raw.to_json())

    def strategies(self) -> list[str]:
        """Strategy names in order."""
        return list(self._raw.strategy_names())

    def elements(self) -> pd.DataFrame:
        """Intentional elements indexed by id (columns name, type, kind, decomposition, importance,
        importance_quantitative)."""
        cols = ["name", "type", "kind", "decomposition", "importance", "importance_quantitative"]
        df = pd.DataFrame(self._data()["elements"], columns=["id"] + cols).set_index("id")
        return df

    def links(self) -> pd.DataFrame:
        """Links (columns id, kind, src, dest, contribution, strength, correlation)."""
        return pd.DataFrame(self._data()["links"],
                            columns=["id", "kind", "src", "dest", "contribution", "strength", "correlation"])

    def evaluate(self, strategy: str, algorithm: str | None = None, tolerance: int = 10) -> "Evaluation":
        """Evaluate one strategy (by name). ``algorithm``: ``"quantitative"``, ``"qualitative"``
        or None for the model's default; ``tolerance`` is jUCMNav's (quantitative only)."""
        return Evaluation(_core.grl_evaluate_lazy(self._raw, strategy, _algorithm(algorithm), int(tolerance)))

    def values(self, strategy: str, algorithm: str | None = None, tolerance: int = 10) -> pd.DataFrame:
        """The values and labels of one strategy without explanations (the fast path for large
        models): a DataFrame indexed by element id with columns value (int) and label."""
        ev = Evaluation(_core.grl_evaluate_lazy(self._raw, strategy, _algorithm(algorithm), int(tolerance)))
        values, codes, _given = ev._raw.arrays()
        return pd.DataFrame({"value": values, "label": [_LABEL_NAMES[c] for c in codes.tolist()]},
                            index=pd.Index(ev._raw.ids(), name="element"))

    def __repr__(self) -> str:
        d = self._data()
        return (f"<GrlModel {self.name!r} elements={len(d['elements'])} links={len(d['links'])} "
                f"actors={len(d['actors'])} strategies={len(d['strategies'])}>")


# jUCMNav's Label order (the codes the C++ result gives) -> names, and -> positions in LABELS
_LABEL_NAMES = ["Denied", "WeaklyDenied", "WeaklySatisfied", "Satisfied", "Conflict", "Unknown", "None"]
_LABEL_TO_LABELS = [LABELS.index(n) for n in _LABEL_NAMES]


def _input_row(i) -> dict:
    return {"source": i.source, "source_name": i.source_name, "link": i.link, "contribution": i.contribution,
            "strength": i.strength, "source_value": i.source_value, "source_label": i.source_label,
            "amount": i.amount, "amount_label": i.amount_label, "decisive": i.decisive}


def _actor_input_row(i) -> dict:
    return {"source": i.source, "source_name": i.source_name, "link": "importance", "importance": i.importance,
            "source_value": i.source_value, "source_label": i.source_label, "amount": i.amount,
            "amount_label": i.amount_label, "decisive": i.decisive}


class Evaluation:
    """The evaluation of one strategy: :meth:`to_frame` (one row per element), :meth:`explain`
    (the inputs of one element), :meth:`actors`, :meth:`to_dict` (the CLI's JSON).

    Values, labels and flags are arrays held in C++; an element's explanation (its inputs and
    rule) is computed when :meth:`explain`, :meth:`rule` or ``to_frame(explain=True)`` asks."""

    def __init__(self, raw: "_core.GrlLazyResult"):
        self._raw = raw
        self.strategy: str = raw.strategy
        self.algorithm: str = raw.algorithm

    def __len__(self) -> int:
        return len(self._raw)

    def to_frame(self, explain: bool = True) -> pd.DataFrame:
        """Elements indexed by id: name, kind, value (-100..100), label (category), given, and
        with ``explain`` (the default) rule — how the inputs combined, in words."""
        r = self._raw
        values, codes, given = r.arrays()
        data = {"name": r.names(), "kind": r.kinds(), "value": values.astype("int64"),
                "label": pd.Categorical.from_codes(np.asarray(_LABEL_TO_LABELS, dtype=np.int8)[codes], categories=LABELS),
                "given": given}
        if explain:
            data["rule"] = r.rules()
        return pd.DataFrame(data, index=pd.Index(r.ids(), name="id", dtype=object),
                            columns=_FRAME_COLUMNS if explain else _FRAME_COLUMNS[:-1])

    def _position(self, element: str) -> int:
        i = self._raw.find(element)
        if i is None:
            raise error(Errc.unknown_node, f"no element '{element}' in the evaluation of strategy '{self.strategy}'", [element])
        return i

    def explain(self, element: str) -> pd.DataFrame:
        """The inputs of one element (by id or name): source, link kind, contribution type and
        strength, the source's value and label, and the amount it gave (quantitative) or the
        label it brought (qualitative); ``decisive`` marks the inputs that set the result."""
        e = self._raw.explain(self._position(element))
        df = pd.DataFrame([_input_row(i) for i in e.inputs], columns=_EXPLAIN_COLUMNS)
        for c in ("source_label", "amount_label"):
            df[c] = pd.Categorical(df[c], categories=LABELS)
        df.attrs["rule"] = e.rule
        df.attrs["element"] = e.id
        return df

    def rule(self, element: str) -> str:
        """How the inputs of one element combined, in words."""
        return self._raw.explain(self._position(element)).rule

    def value(self, element: str) -> int:
        values, _codes, _given = self._raw.arrays()
        return int(values[self._position(element)])

    def label(self, element: str) -> str:
        _values, codes, _given = self._raw.arrays()
        return _LABEL_NAMES[int(codes[self._position(element)])]

    def _actor_rows(self) -> list[dict]:
        return [{"id": a.id, "name": a.name, "value": a.value, "label": a.label} for a in self._raw.actors]

    def actors(self) -> pd.DataFrame:
        """Actors indexed by id: name, value, label (importance-weighted satisfaction)."""
        df = pd.DataFrame(self._actor_rows(), columns=["id", "name", "value", "label"]).set_index("id")
        df["label"] = pd.Categorical(df["label"], categories=LABELS)
        return df

    def _element_rows(self) -> list[dict]:
        r = self._raw
        values, codes, given = r.arrays()
        return [{"id": i, "name": n, "kind": k, "value": v, "label": _LABEL_NAMES[c], "given": g}
                for i, n, k, v, c, g in zip(r.ids(), r.names(), r.kinds(), values.tolist(), codes.tolist(),
                                            given.tolist())]

    def to_dict(self) -> dict:
        """``{"strategy", "algorithm", "elements": {name: {"value", "label", "id", "kind", "given"}},
        "actors": {name: {...}}}``. A name that two elements share gets its id appended:
        ``"name [id]"``."""
        def keyed(rows):
            counts: dict[str, int] = {}
            for r in rows:
                counts[r["name"]] = counts.get(r["name"], 0) + 1
            out = {}
            for r in rows:
                key = r["name"] if counts[r["name"]] == 1 else f"{r['name']} [{r['id']}]"
                entry = {"value": r["value"], "label": r["label"], "id": r["id"]}
                if "kind" in r:
                    entry["kind"] = r["kind"]
                    entry["given"] = r["given"]
                out[key] = entry
            return out
        return {"strategy": self.strategy, "algorithm": self.algorithm,
                "elements": keyed(self._element_rows()), "actors": keyed(self._actor_rows())}

    def raw(self) -> dict:
        """Everything, with the inputs of every element (each explained now)."""
        elements = []
        for k in range(len(self._raw)):
            e = self._raw.explain(k)
            elements.append({"id": e.id, "name": e.name, "kind": e.kind, "value": e.value, "label": e.label,
                             "given": e.given, "rule": e.rule, "inputs": [_input_row(i) for i in e.inputs]})
        actors = [{"id": a.id, "name": a.name, "value": a.value, "label": a.label,
                   "inputs": [_actor_input_row(i) for i in a.inputs]} for a in self._raw.actors]
        return {"strategy": self.strategy, "algorithm": self.algorithm, "elements": elements, "actors": actors}

    def __repr__(self) -> str:
        _values, codes, _given = self._raw.arrays()
        counts = np.bincount(codes, minlength=len(_LABEL_NAMES))
        summary = ", ".join(f"{lab} {counts[_LABEL_NAMES.index(lab)]}" for lab in LABELS
                            if counts[_LABEL_NAMES.index(lab)])
        return (f"<Evaluation strategy={self.strategy!r} algorithm={self.algorithm} "
                f"elements={len(self._raw)} ({summary})>")

    def _repr_html_(self) -> str:
        return self.to_frame(explain=False)[["name", "kind", "value", "label"]].to_html()


def load_jucm(path) -> GrlModel:
    """Load a GRL goal model from a jUCMNav ``.jucm`` file (EMF XMI).

    Parameters
    ----------
    path : str or os.PathLike
        The ``.jucm`` file: its intentional elements, links (contributions, decompositions,
        dependencies), actors and evaluation strategies are read.

    Returns
    -------
    GrlModel
        Evaluate it with :meth:`GrlModel.evaluate` (jUCMNav's quantitative, qualitative or
        hybrid algorithm).

    Raises
    ------
    koers.InputError
        Unreadable (E100), not XML (E116) or not a readable GRL model (E600, naming the element).

    Examples
    --------
    >>> import koers, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "tiny.jucm"
    >>> _ = path.write_text('''<?xml version="1.0" encoding="UTF-8"?>
    ... <urn:URNspec xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:grl="http:///grl.ecore"
    ...              xmlns:urn="http:///urn.ecore" name="tiny"><grlspec>
    ...   <intElements name="Training" id="1" type="Task" linksSrc="3"/>
    ...   <intElements name="Skills" id="2" linksDest="3"/>
    ...   <links xsi:type="grl:Contribution" id="3" src="1" dest="2" contribution="Make"
    ...          quantitativeContribution="100"/>
    ...   <strategies name="plan" id="4"><evaluations evaluation="100" intElement="1"/></strategies>
    ... </grlspec></urn:URNspec>''', encoding="utf-8")
    >>> model = koers.grl.load_jucm(path)
    >>> model
    <GrlModel 'tiny' elements=2 links=1 actors=0 strategies=1>
    >>> model.evaluate("plan").to_frame()["label"].tolist()
    ['Satisfied', 'Satisfied']
    """
    return GrlModel(_core.grl_load_jucm(os.fspath(path)), os.fspath(path))


def from_model(model) -> GrlModel:
    """The GRL model of a :class:`koers.Model` (see ``grl::from_graph``)."""
    return GrlModel(_core.grl_from_graph(model.graph if hasattr(model, "graph") else model), model.name)


def _is_jucm(path) -> bool:
    p = pathlib.Path(os.fspath(path))
    if p.suffix.lower() == ".jucm":
        return True
    if p.suffix.lower() == ".json":
        return False
    try:  # sniff: XML starts with '<'
        with open(p, "rb") as f:
            head = f.read(256).lstrip()
        return head.startswith(b"<")
    except OSError:
        return False


def _grl_model(source) -> GrlModel:
    if isinstance(source, GrlModel):
        return source
    if isinstance(source, (str, os.PathLike)):
        if _is_jucm(source):
            return load_jucm(source)
        return from_model(_core.load_model(os.fspath(source)))  # a koers model file: its graph
    return from_model(source)


def strategies(source) -> list[str]:
    """Strategy names of a ``.jucm``/koers JSON path, a :class:`koers.Model` or a :class:`GrlModel`."""
    return _grl_model(source).strategies()


def evaluate(source, strategy: str, algorithm: str | None = None, tolerance: int = 10) -> Evaluation:
    """Evaluate a strategy of a path (``.jucm`` or koers JSON), a :class:`koers.Model` or a
    :class:`GrlModel`."""
    return _grl_model(source).evaluate(strategy, algorithm=algorithm, tolerance=tolerance)


def evaluate_model(model, strategy: str, algorithm: str | None = None, tolerance: int = 10) -> Evaluation:
    """Evaluate a strategy of a :class:`koers.Model` (what :meth:`koers.Model.evaluate` calls): on
    the strategy graph as it is, with the same results as ``from_model(model).evaluate(...)``."""
    graph = model.graph if hasattr(model, "graph") else model
    return Evaluation(_core.grl_evaluate_graph(graph, strategy, _algorithm(algorithm), int(tolerance)))


def propagate_file(path, strategy: str | None = None, algorithm: str | None = None) -> dict:
    """What ``koers propagate FILE [--strategy NAME] --json`` prints: ``{"elements": {name:
    {"value": int, "label": str, ...}}, "strategy", "algorithm", "actors"}``. ``.jucm`` files are
    read as jUCMNav models (qualitative by default), anything else as a koers model
    (quantitative by default). Without a strategy, the model's first one is evaluated; a model
    without strategies raises :class:`koers.GraphError` E209 saying so."""
    m = _grl_model(path)
    if strategy is None:
        names = m.strategies()
        if not names:
            raise error(Errc.unknown_strategy, f"'{path}' defines no evaluation strategy; add one to propagate", [str(path)])
        strategy = names[0]
    return m.evaluate(strategy, algorithm=algorithm).to_dict()
