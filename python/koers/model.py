"""The strategy graph as an analyst meets it: :class:`Model`, with DataFrames out.

>>> import koers
>>> plan = koers.examples.load("deventer-2014")
>>> plan.counts()["intervention"]
30
>>> sorted(plan.budgets_cents().values())[-1]
35745162
"""
from __future__ import annotations

import json
import os
from typing import Iterable

from ._lazy import LazyModule, pandas as pd

from . import _core, grl
from .errors import Errc, error

__all__ = ["Model", "load", "loads"]

np = LazyModule("numpy")  # only the matrix views need it
plotting = LazyModule("koers.plotting")  # matplotlib only when a plot is drawn

_KIND_ORDER = ["development", "strategic_theme", "goal", "learning_goal", "intervention",
               "target_group", "programme", "process", "budget_stream"]
_INTERVENTION_COLUMNS = ["name", "table", "status", "mandatory", "channel", "doelgroep", "doel", "inhoud",
                         "duration_hours", "cost_cents", "participants", "ilb_contribution"]


def _strength_value(s):
    return s


class Model:
    """A strategy graph: developments and themes → goals → learning goals ← interventions,
    with target groups, programmes, processes and budget streams.

    Build one with :func:`koers.load`, :func:`koers.loads`, :meth:`from_dict` or
    :func:`koers.examples.load`. Every listing is a DataFrame; every analysis returns one.
    """

    def __init__(self, graph: "_core.StrategyGraph | None" = None):
        self._g = graph if graph is not None else _core.StrategyGraph()
        self._doc = None  # parsed JSON, cached for tables

    # ---- construction and files -------------------------------------------------------
    @classmethod
    def from_dict(cls, data: dict) -> "Model":
        """A model from a ``koers.model`` dictionary (as in the JSON file).

        The dict crosses to C++ as JSON values and is read by the reader of files, with its codes
        and JSON paths: InputError E110 for a number that is not finite, E108 nesting deeper
        than 64 levels (or a dict that holds itself), E106 a value JSON cannot hold.
        """
        return cls(_core.model_from_dict(data, "model"))

    def to_dict(self) -> dict:
        """The model as a ``koers.model`` dictionary."""
        return json.loads(self._g.to_json(-1))

    def to_json(self, indent: int = 2) -> str:
        return self._g.to_json(indent)

    def save(self, path) -> None:
        """Write the model as a ``koers.model`` JSON file; loading it gives the same model."""
        _core.save_model(self._g, os.fspath(path))

    @property
    def graph(self):
        """The underlying C++ graph (for the other koers modules)."""
        return self._g

    @property
    def name(self) -> str:
        return self._g.name

    def _data(self) -> dict:
        if self._doc is None:
            self._doc = self.to_dict()
        return self._doc

    # ---- printing and pickling ----------------------------------------------------------
    def __repr__(self) -> str:
        c = self.counts()
        plural = {"strategic_theme": "themes", "process": "processes"}
        parts = " ".join(f"{plural.get(k, k + 's')}={c[k]}" for k in _KIND_ORDER if c.get(k))
        return f"<Model {self.name!r} {parts} edges={self._g.edge_count()}>"

    def _repr_html_(self) -> str:
        frame = pd.DataFrame({"nodes": pd.Series(self.counts())}).loc[_KIND_ORDER]
        return f"<p><b>Model</b> {self.name}</p>" + frame.T.to_html()

    def __getstate__(self):
        return {"format_version": 1, "json": self._g.to_json(-1)}

    def __setstate__(self, state):
        self._g = _core.parse_model(state["json"], "pickle")
        self._doc = None

    def __eq__(self, other) -> bool:
        return isinstance(other, Model) and self._g == other._g

    __hash__ = None

    # ---- listings -----------------------------------------------------------------------
    def counts(self) -> dict:
        """Number of nodes per kind (every kind, zero when absent)."""
        return dict(self._g.counts())

    def nodes(self, kind: str | None = None) -> pd.DataFrame:
        """Nodes as a DataFrame indexed by id (columns: kind, name and the kind's attributes)."""
        rows = self._data()["nodes"]
        if kind is not None:
            if kind not in _KIND_ORDER:
                raise error(Errc.invalid_value, f"unknown node kind '{kind}'; expected one of {', '.join(_KIND_ORDER)}", [kind])
            rows = [r for r in rows if r["kind"] == kind]
        df = pd.DataFrame(rows)
        if df.empty:
            return pd.DataFrame(columns=["kind", "name"]).rename_axis("id")
        df = df.set_index("id")
        df["kind"] = pd.Categorical(df["kind"], categories=_KIND_ORDER)
        return df

    def interventions(self) -> pd.DataFrame:
        """The interventions with their attributes (index id)."""
        df = self.nodes("intervention")
        for c in _INTERVENTION_COLUMNS:
            if c not in df.columns:
                df[c] = pd.NA
        df = df[_INTERVENTION_COLUMNS].copy()
        df["status"] = pd.Categorical(df["status"], categories=["new", "existing", "partly_existing"])
        df["channel"] = pd.Categorical(df["channel"], categories=["on_the_job", "with_others", "formal"])
        for c in ("cost_cents", "participants"):
            df[c] = df[c].astype("Int64")
        df["mandatory"] = df["mandatory"].fillna(False).astype(bool)
        df["ilb_contribution"] = df["ilb_contribution"].fillna(False).astype(bool)
        return df

    def edges(self) -> pd.DataFrame:
        """Edges as a DataFrame (columns kind, from, to, strength)."""
        df = pd.DataFrame(self._data().get("edges", []), columns=["kind", "from", "to", "strength"])
        return df

    def streams(self) -> pd.DataFrame:
        """Budget streams (index id; budget_cents exact int64, and euros for display)."""
        df = self.nodes("budget_stream")
        if df.empty:
            return pd.DataFrame(columns=["name", "budget_cents", "year"]).rename_axis("id")
        out = df[["name"]].copy()
        out["budget_cents"] = pd.Series(self.budgets_cents()).reindex(df.index).astype("int64")
        out["year"] = df["year"].astype("Int64") if "year" in df else pd.NA
        out["budget"] = [str(_core.Money.from_cents(int(c))) for c in out["budget_cents"]]
        return out

    def budgets_cents(self) -> dict:
        """Budget per stream, in exact cents."""
        out = {}
        for n in self._data()["nodes"]:
            if n["kind"] != "budget_stream":
                continue
            if n.get("budget_cents") is None:  # what validation reports as E207, refused where it is used
                raise error(Errc.missing_required, f"budget stream '{n.get('name') or n['id']}' has no budget_cents",
                            [n["id"]])
            out[n["id"]] = int(n["budget_cents"])
        return out

    def total_budget(self) -> "_core.Money":
        """The sum of the streams as exact :class:`koers.Money`."""
        budgets = self.budgets_cents()
        total = sum(budgets.values())
        if not -2**63 <= total < 2**63:  # each stream fits; their sum does not (E114 naming them)
            names = [f"'{self._name(s)}'" for s in budgets]
            raise error(Errc.money_overflow, f"the budget streams {', '.join(names)} add up to {total:,} cents, "
                        "beyond the 64-bit cent range (budget_cents)", list(budgets))
        return _core.Money.from_cents(total)

    # ---- validation ---------------------------------------------------------------------
    def problems(self) -> list[dict]:
        """Every problem validation finds, as dicts ``{code, elements, message}``; ``[]`` when valid.

        The rows of :meth:`check` without pandas (what ``koers validate --json`` prints).
        """
        return [{"code": i.code, "elements": list(i.elements), "message": i.message} for i in self._g.check()]

    def check(self) -> pd.DataFrame:
        """Every problem validation finds (columns code, elements, message); empty when valid."""
        return pd.DataFrame(self.problems(), columns=["code", "elements", "message"])

    @property
    def is_valid(self) -> bool:
        return not self._g.check()

    def validate(self) -> "Model":
        """Raise :class:`koers.ModelError` listing every problem; returns the model when valid."""
        self._g.validate()
        return self

    # ---- analyses -----------------------------------------------------------------------
    def coverage(self) -> "Coverage":
        """Which interventions serve which goals and learning goals (directly or below them)."""
        return Coverage(self, _core.sparse_coverage(self._g))

    def gaps(self) -> list[str]:
        """Goals and learning goals that no intervention serves."""
        return list(self.coverage().gaps)

    def _reach_rows(self) -> list[dict]:
        return [{"target_group": r.target_group, "name": self._name(r.target_group), "size": r.size,
                 "interventions": len(r.interventions), "mandatory": r.mandatory,
                 "participants": r.participants, "intervention_ids": list(r.interventions)}
                for r in _core.reach(self._g)]

    def reach(self) -> pd.DataFrame:
        """Per target group: interventions offered, how many mandatory, known participants."""
        df = pd.DataFrame(self._reach_rows(), columns=["target_group", "name", "size", "interventions", "mandatory",
                                         "participants", "intervention_ids"]).set_index("target_group")
        df["size"] = df["size"].astype("Int64")
        return df

    def _mix_rows(self) -> list[dict]:
        rows = []
        for m in _core.learning_mix(self._g):
            known = m.on_the_job + m.with_others + m.formal
            rows.append({"node": m.node, "name": self._name(m.node), "on_the_job": m.on_the_job,
                         "with_others": m.with_others, "formal": m.formal, "unknown": m.unknown,
                         "share_on_the_job": m.on_the_job / known if known else 0.0,
                         "share_with_others": m.with_others / known if known else 0.0,
                         "share_formal": m.formal / known if known else 0.0,
                         "deviation_points": m.deviation_points()})
        return rows

    def learning_mix(self) -> pd.DataFrame:
        """The 70/20/10 mix per development and theme: counts, shares and deviation from the norm."""
        cols = ["node", "name", "on_the_job", "with_others", "formal", "unknown", "share_on_the_job",
                "share_with_others", "share_formal", "deviation_points"]
        return pd.DataFrame(self._mix_rows(), columns=cols).set_index("node")

    def trace_down(self, node_id: str) -> pd.DataFrame:
        """Every intervention below a development, theme or goal, with the path that reaches it."""
        return self._paths(_core.trace_down(self._g, node_id))

    def trace_up(self, node_id: str) -> pd.DataFrame:
        """Every development and theme above an intervention or goal, with its path."""
        return self._paths(_core.trace_up(self._g, node_id))

    def removal_impact(self, drop: str | Iterable[str]) -> pd.DataFrame:
        """What dropping interventions or programmes does: one row per affected node, with
        ``effect`` 'removed', 'unsupported' (loses all support) or 'weakened'."""
        drop = [drop] if isinstance(drop, str) else list(drop)
        r = _core.removal_impact(self._g, drop)
        rows = [(i, "removed") for i in r.removed] + [(i, "unsupported") for i in r.unsupported] + \
               [(i, "weakened") for i in r.weakened]
        df = pd.DataFrame(rows, columns=["node", "effect"])
        df["kind"] = [self._kind(i) for i in df["node"]]
        df["name"] = [self._name(i) for i in df["node"]]
        df["effect"] = pd.Categorical(df["effect"], categories=["removed", "unsupported", "weakened"])
        return df.set_index("node")[["effect", "kind", "name"]]

    def _spof_rows(self) -> list[dict]:
        return [{"node": s.node, "kind": self._kind(s.node), "name": self._name(s.node),
                 "work": list(s.work), "work_names": [self._name(w) for w in s.work]}
                for s in _core.single_points_of_failure(self._g)]

    def single_points_of_failure(self) -> pd.DataFrame:
        """Goals, developments and themes whose whole support passes through one piece of work."""
        return pd.DataFrame(self._spof_rows(), columns=["node", "kind", "name", "work", "work_names"]).set_index("node")

    def summary(self) -> dict:
        """Every analysis of the plan in plain Python values (what ``koers analyse --json`` prints):
        name, valid, counts, budgets_cents, total_budget_cents, coverage (goal → interventions),
        gaps, reach per target group, learning_mix per development and single_points_of_failure.
        Needs no pandas.

        >>> import koers
        >>> s = koers.examples.load("deventer-2014").summary()
        >>> s["total_budget_cents"], s["counts"]["development"]
        (98682262, 3)
        """
        cov = self.coverage()  # rows, not DataFrames
        return {
            "name": self.name,
            "valid": self.is_valid,
            "counts": self.counts(),
            "budgets_cents": self.budgets_cents(),
            "total_budget_cents": int(self.total_budget().cents),
            "coverage": cov.by_goal,
            "gaps": cov.gaps,
            "reach": {r["target_group"]: {"interventions": r["intervention_ids"], "mandatory": int(r["mandatory"]),
                                          "participants": int(r["participants"])} for r in self._reach_rows()},
            "learning_mix": {r["node"]: {"on_the_job": int(r["on_the_job"]), "with_others": int(r["with_others"]),
                                         "formal": int(r["formal"]), "unknown": int(r["unknown"]),
                                         "deviation_points": float(r["deviation_points"])} for r in self._mix_rows()},
            "single_points_of_failure": {r["node"]: r["work"] for r in self._spof_rows()},
        }

    def diff(self, other: "Model") -> "PlanDiff":
        """What changed from this plan to ``other``."""
        return PlanDiff(_core.diff(self._g, other._g))

    def evaluate(self, strategy: str, algorithm: str | None = None, tolerance: int = 10):
        """Propagate satisfaction up the graph with jUCMNav's GRL algorithm (see :mod:`koers.grl`):
        ``algorithm`` "quantitative" (default for koers models) or "qualitative"; ``tolerance`` as
        in jUCMNav. The result's ``.to_frame()`` has value and label per element, ``.explain(id)``
        the inputs that gave them."""
        return grl.evaluate_model(self, strategy, algorithm=algorithm, tolerance=tolerance)

    # ---- plots --------------------------------------------------------------------------
    def plot_coverage(self, ax=None, lang: str = "en"):
        """The coverage matrix, sorted so that gaps and single points of failure stand out."""
        return plotting.plot_coverage(self, ax=ax, lang=lang)

    def plot_mix(self, ax=None, lang: str = "en"):
        """The 70/20/10 mix per development, in % against the norm."""
        return plotting.plot_mix(self, ax=ax, lang=lang)

    def plot_tree(self, development: str, ax=None, lang: str = "en"):
        """One development (or theme) → its goals → the interventions serving each goal."""
        return plotting.plot_tree(self, development, ax=ax, lang=lang)

    def plot_graph(self, ax=None, kinds=None):
        """Superseded by :meth:`plot_tree` (one readable tree per development): draws the first
        development's tree."""
        return plotting.plot_graph(self, ax=ax, kinds=kinds)

    # ---- helpers ------------------------------------------------------------------------
    def _index(self):
        if getattr(self, "_by_id", None) is None or self._doc is None:
            self._by_id = {n["id"]: n for n in self._data()["nodes"]}
        return self._by_id

    def _name(self, node_id: str) -> str:
        n = self._index().get(node_id)
        return n["name"] if n else node_id

    def _kind(self, node_id: str) -> str:
        n = self._index().get(node_id)
        return n["kind"] if n else ""

    def _paths(self, paths) -> pd.DataFrame:
        rows = [{"start": p.start, "end": p.end, "name": self._name(p.end), "kind": self._kind(p.end),
                 "length": len(p.path) - 1, "path": list(p.path)} for p in paths]
        return pd.DataFrame(rows, columns=["start", "end", "name", "kind", "length", "path"])


class Coverage:
    """Coverage of goals by interventions: ``matrix`` (goals × interventions), ``gaps``,
    ``by_goal`` (goal id → intervention ids).

    Held as a sparse structure over node indices (:class:`koers._core.SparseCoverage`); the id
    lists and tables are built when first asked for."""

    def __init__(self, model: Model, raw):
        self._model = model
        self._raw = raw
        self._cache: dict = {}

    def _get(self, key, build):
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    @property
    def cells(self) -> int:
        """The number of (goal, intervention) pairs served."""
        return int(self._raw.cells())

    @property
    def goals(self) -> list:
        """Goal and learning-goal ids, in model order."""
        return self._get("goals", lambda: self._model._g.ids_at(self._raw.goals))

    @property
    def interventions(self) -> list:
        """Intervention and programme ids, in model order."""
        return self._get("interventions", lambda: self._model._g.ids_at(self._raw.work))

    def _work_positions(self):
        """Per cell: the position of its work in :attr:`interventions`."""
        def build():
            work = self._raw.work
            pos = np.zeros(self._model._g.size(), dtype=np.int64)
            pos[work] = np.arange(len(work))
            return pos[self._raw.cell_work]
        return self._get("work_positions", build)

    @property
    def by_goal(self) -> dict:
        """Goal id → the ids of the work serving it (model order)."""
        def build():
            ivs = self.interventions
            pos = self._work_positions().tolist()
            off = self._raw.offset.tolist()
            out: dict = {}
            for k, g in enumerate(self.goals):
                out.setdefault(g, []).extend([ivs[p] for p in pos[off[k]:off[k + 1]]])
            return out
        return self._get("by_goal", build)

    @property
    def gaps(self) -> list:
        """Goals that no intervention serves."""
        def build():
            off = self._raw.offset
            if not (np.diff(off) == 0).any():
                return []
            off = off.tolist()
            out, served = [], set()
            for k, g in enumerate(self.goals):  # as the id table reads: a goal id is a gap until one of its nodes is served
                if off[k + 1] > off[k]:
                    served.add(g)
                if g not in served:
                    out.append(g)
            return out
        return self._get("gaps", build)

    @property
    def _entries(self) -> list:
        """Every served cell as (goal, intervention, direct, strength)."""
        def build():
            goals, ivs = self.goals, self.interventions
            off = self._raw.offset
            edge = self._raw.cell_edge
            direct = edge != self._raw.indirect
            strengths = [None] * len(edge)
            at = np.flatnonzero(direct)
            for k, s in zip(at.tolist(), self._model._g.strengths_at(edge[at]), strict=True):
                strengths[k] = s
            goal_of = np.repeat(np.arange(len(goals)), np.diff(off)).tolist()
            return [(goals[g], ivs[p], d, s) for g, p, d, s in
                    zip(goal_of, self._work_positions().tolist(), direct.tolist(), strengths, strict=True)]
        return self._get("entries", build)

    @property
    def matrix(self) -> pd.DataFrame:
        """Goals × interventions: 1 where the intervention serves the goal directly,
        0.5 where it serves something below the goal, 0 elsewhere."""
        goals, ivs = self.goals, self.interventions
        index = pd.Index(goals, name="goal")
        columns = pd.Index(ivs, name="intervention")
        if not (index.is_unique and columns.is_unique):  # an invalid model: label-based, as before
            m = pd.DataFrame(0.0, index=index, columns=columns)
            for g, i, direct, _ in self._entries:
                m.loc[g, i] = 1.0 if direct else 0.5
            return m
        values = np.zeros((len(goals), len(ivs)))
        off = self._raw.offset
        rows = np.repeat(np.arange(len(goals)), np.diff(off))
        values[rows, self._work_positions()] = np.where(self._raw.cell_edge != self._raw.indirect, 1.0, 0.5)
        return pd.DataFrame(values, index=index, columns=columns)

    def to_frame(self) -> pd.DataFrame:
        """One row per goal: kind, name, how many interventions serve it, which, and whether it is a gap."""
        g = self._model._g
        by_goal, gaps = self.by_goal, set(self.gaps)
        rows = [{"goal": goal, "kind": kind, "name": name, "interventions": len(by_goal.get(goal, [])),
                 "intervention_ids": by_goal.get(goal, []), "gap": goal in gaps}
                for goal, kind, name in zip(self.goals, g.kinds_at(self._raw.goals), g.names_at(self._raw.goals), strict=True)]
        return pd.DataFrame(rows, columns=["goal", "kind", "name", "interventions", "intervention_ids",
                                           "gap"]).set_index("goal")

    def entries(self) -> pd.DataFrame:
        return pd.DataFrame(self._entries, columns=["goal", "intervention", "direct", "strength"])

    def __repr__(self):
        return f"<Coverage goals={len(self._raw.goals)} interventions={len(self._raw.work)} gaps={len(self.gaps)}>"


class PlanDiff:
    """The difference between two plans; ``to_frame()`` lists every change."""

    def __init__(self, raw):
        self.nodes_added = list(raw.nodes_added)
        self.nodes_removed = list(raw.nodes_removed)
        self.edges_added = list(raw.edges_added)
        self.edges_removed = list(raw.edges_removed)
        self.changed = [(c.element, c.field, c.before, c.after) for c in raw.changed]

    @property
    def empty(self) -> bool:
        return not (self.nodes_added or self.nodes_removed or self.edges_added or self.edges_removed or self.changed)

    def to_dict(self) -> dict:
        return {"nodes": {"added": self.nodes_added, "removed": self.nodes_removed},
                "edges": {"added": self.edges_added, "removed": self.edges_removed},
                "changed": [{"element": e, "field": f, "before": b, "after": a} for e, f, b, a in self.changed]}

    def to_frame(self) -> pd.DataFrame:
        rows = [("node", "added", n, "", "", "") for n in self.nodes_added]
        rows += [("node", "removed", n, "", "", "") for n in self.nodes_removed]
        rows += [("edge", "added", e, "", "", "") for e in self.edges_added]
        rows += [("edge", "removed", e, "", "", "") for e in self.edges_removed]
        rows += [("edge" if ":" in e and "->" in e else "node", "changed", e, f, b, a) for e, f, b, a in self.changed]
        return pd.DataFrame(rows, columns=["what", "change", "element", "field", "before", "after"])

    def __repr__(self):
        return (f"<PlanDiff nodes +{len(self.nodes_added)} -{len(self.nodes_removed)} "
                f"edges +{len(self.edges_added)} -{len(self.edges_removed)} changed={len(self.changed)}>")


def load(path) -> Model:
    """Load a strategy graph from a ``koers.model`` JSON file.

    Parameters
    ----------
    path : str or os.PathLike
        A ``koers.model`` v1 file (``docs/model-format.md``, ``schemas/model.schema.json``).

    Returns
    -------
    Model
        The strategy graph. A graph that breaks a rule (a cycle, an edge the kinds do not allow)
        still loads: :meth:`Model.check` lists its problems.

    Raises
    ------
    koers.InputError
        The file is unreadable (E100), not JSON (E101), too deep (E108) or too large (E117), or
        a field is missing, unknown or of the wrong kind; the message names the JSON path.

    See Also
    --------
    loads : the same from JSON text.
    koers.examples.load : the embedded examples by name.

    Examples
    --------
    >>> import koers
    >>> plan = koers.load(koers.examples.path("deventer-2014", "model.json"))
    >>> plan.counts()["intervention"], len(plan.check())
    (30, 0)
    """
    return Model(_core.load_model(os.fspath(path)))


class Validation:
    """What :func:`validate_file` found: ``problems`` (every problem as a dict ``{code,
    elements, message}`` — the reader's with their JSON paths, then the graph's; ``[]`` when
    valid), :meth:`to_frame` (the same as a DataFrame) and ``model`` (the :class:`Model`, or
    ``None`` when the file could not be read as one)."""

    def __init__(self, v):
        self.model = Model(v.graph) if v.graph is not None else None
        self.problems = [{"code": i.code, "elements": list(i.elements), "message": i.message} for i in v.issues]

    @property
    def valid(self) -> bool:
        return not self.problems

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.problems, columns=["code", "elements", "message"])

    def __repr__(self):
        return f"<Validation {'valid' if self.valid else f'{len(self.problems)} problems'}>"


def validate_file(path) -> Validation:
    """Validate a ``koers.model`` file, collecting every problem instead of stopping at the first.

    A file that is JSON at all gets a verdict: a document that is not an object is its E106, one
    that nests deeper than the reader goes (64 levels) its E108. Raises :class:`koers.InputError`
    only for a file that cannot be judged (unreadable or a directory E100, not JSON E101, too large
    E117).

    >>> import koers
    >>> koers.model.validate_file(koers.examples.path("deventer-2014")).valid
    True
    """
    return Validation(_core.validate_model(os.fspath(path)))


def loads(text: str, origin: str = "model") -> Model:
    """Load a strategy graph from ``koers.model`` JSON text.

    Parameters
    ----------
    text : str
        The JSON text of a ``koers.model`` v1 document.
    origin : str, default "model"
        The name error messages give the text (as a file name would be).

    Returns
    -------
    Model

    Raises
    ------
    koers.InputError
        As :func:`load`, with ``origin`` in place of the file name.

    Examples
    --------
    >>> import koers
    >>> plan = koers.loads('{"format": "koers.model", "version": 1, "name": "tiny", '
    ...                    '"nodes": [{"id": "g1", "kind": "goal", "name": "Goal"}], "edges": []}')
    >>> plan
    <Model 'tiny' goals=1 edges=0>
    """
    return Model(_core.parse_model(text, origin))
