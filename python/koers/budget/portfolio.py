"""The portfolio (file format ``koers.portfolio`` v1): streams, items, goals, groups, requires
pairs and scenarios; :func:`optimise` and :func:`curve` on one."""
from __future__ import annotations

import json
import pathlib
from typing import TYPE_CHECKING, Iterable, Mapping

from .._lazy import pandas as pd
from .. import _core, examples
from ..errors import Errc, error
from .curves import _curve
from .money import _html, euros
from .result import OptimiseResult, _evaluate, _optimise, _options, comparison_table
from .scenario import Scenario, _as_scenario

if TYPE_CHECKING:  # annotations only
    from .frames import BudgetCurve

__all__ = ["Portfolio", "optimise", "optimize", "curve"]


class Portfolio:
    """A portfolio optimisation model (file format ``koers.portfolio`` v1).

    Streams with budgets and reserved lines (cents), items (interventions) with costs (cents),
    goals with weights, groups, requires pairs, objective ``additive``/``coverage``, scenarios.
    Reading validates everything first: a bad file raises :class:`koers.InputError` /
    :class:`koers.BudgetError` with ``.code`` and the JSON path, never a half-loaded model.
    """

    def __init__(self, core: "_core.Portfolio"):
        self._p = core
        self._dict = None

    # construction / io
    @classmethod
    def load(cls, path) -> "Portfolio":
        return cls(_core.load_portfolio(str(path)))

    @classmethod
    def loads(cls, text: str, origin: str = "portfolio") -> "Portfolio":
        return cls(_core.parse_portfolio(text, origin))

    @classmethod
    def from_dict(cls, data: Mapping, origin: str = "portfolio") -> "Portfolio":
        """A portfolio from a ``koers.portfolio`` dictionary, read by the reader of files (its codes
        and JSON paths; E110 a number that is not finite, E108 too deep, E106 a value JSON cannot hold)."""
        return cls(_core.portfolio_from_dict(dict(data) if isinstance(data, Mapping) else data, origin))

    @classmethod
    def example(cls, name: str = "deventer-2014") -> "Portfolio":
        """The portfolio of an embedded example (``portfolio.json``)."""
        return cls.load(examples.path(name, "portfolio.json"))

    def to_dict(self) -> dict:
        if self._dict is None:
            self._dict = json.loads(self._p.to_json(-1))
        return json.loads(json.dumps(self._dict))

    def to_json(self, indent: int = 2) -> str:
        return self._p.to_json(indent)

    def save(self, path) -> None:
        _core.save_portfolio(self._p, str(path))

    def __getstate__(self):
        return {"json": self._p.to_json(-1)}

    def __setstate__(self, state):
        self._p = _core.parse_portfolio(state["json"], "pickle")
        self._dict = None

    def __eq__(self, other):
        return isinstance(other, Portfolio) and self._p == other._p

    __hash__ = None

    # views
    @property
    def name(self) -> str:
        return self._p.name

    @property
    def note(self) -> str:
        return self.to_dict().get("note", "")

    @property
    def objective(self) -> str:
        return self._p.objective

    @property
    def streams(self) -> pd.DataFrame:
        """Per stream (index id): name, budget, reserved, capacity (cents, int64) and items."""
        d = self.to_dict()
        rows = []
        for s in d["streams"]:
            res = s.get("reserved_cents", 0)
            rows.append({"id": s["id"], "name": s.get("name", ""), "budget": s["budget_cents"], "reserved": res,
                         "capacity": s["budget_cents"] - res,
                         "items": sum(1 for i in d["items"] if i["stream"] == s["id"])})
        return pd.DataFrame(rows, columns=["id", "name", "budget", "reserved", "capacity", "items"]).set_index("id").astype(
            {"budget": "int64", "reserved": "int64", "capacity": "int64", "items": "int64"})

    @property
    def items(self) -> pd.DataFrame:
        """Per item (index id): name, stream, cost (cents), value, covers, mandatory, excluded."""
        d = self.to_dict()
        rows = [{"id": i["id"], "name": i.get("name", ""), "stream": i["stream"], "cost": i["cost_cents"],
                 "per_participant": i.get("per_participant_cents"), "participants": i.get("participants"),
                 "value": i.get("value", 0), "covers": tuple(i.get("covers", ())),
                 "mandatory": bool(i.get("mandatory", False)), "excluded": bool(i.get("excluded", False))}
                for i in d["items"]]
        df = pd.DataFrame(rows, columns=["id", "name", "stream", "cost", "per_participant", "participants", "value",
                                         "covers", "mandatory", "excluded"]).set_index("id")
        df["cost"] = df["cost"].astype("int64")
        df["per_participant"] = df["per_participant"].astype("Int64")
        df["participants"] = df["participants"].astype("Int64")
        return df

    @property
    def goals(self) -> pd.DataFrame:
        d = self.to_dict()
        return pd.DataFrame(d.get("goals", []), columns=["id", "weight"]).set_index("id").astype({"weight": "int64"})

    @property
    def scenarios(self) -> list[Scenario]:
        return [Scenario.from_dict(s) for s in self.to_dict().get("scenarios", [])]

    def scenario(self, name: str) -> Scenario:
        for s in self.scenarios:
            if s.name == name:
                return s
        known = ", ".join(s.name for s in self.scenarios) or "(none)"
        raise error(Errc.unknown_name, f"unknown scenario '{name}'; known: {known}", [name])

    def with_scenarios(self, scenarios: Iterable[Scenario | Mapping]) -> "Portfolio":
        """The same base with ``scenarios`` as its scenario list (validated)."""
        d = self.to_dict()
        d["scenarios"] = [_as_scenario(s).to_dict() for s in scenarios]
        if not d["scenarios"]:
            del d["scenarios"]
        return Portfolio.from_dict(d, self.name or "portfolio")

    def apply(self, scenario: "Scenario | str | Mapping") -> "Portfolio":
        """The base changed once by ``scenario`` (a Scenario, a dict, or the name of one of mine)."""
        sc = self.scenario(scenario) if isinstance(scenario, str) else _as_scenario(scenario)
        tmp = self.with_scenarios([sc])
        return Portfolio(_core.apply_scenario(tmp._p, 0))

    # solving
    def optimise(self, *, node_limit: int = 0, time_limit: float = 0, check_unique: bool = True,
                 check_binding: bool = True, progress: bool = False) -> "OptimiseResult":
        return optimise(self, node_limit=node_limit, time_limit=time_limit, check_unique=check_unique,
                        check_binding=check_binding, progress=progress)

    optimize = optimise

    def curve(self, stream: str, **kw) -> "BudgetCurve":
        return curve(self, stream, **kw)

    def plan_order(self) -> "OptimiseResult":
        """Funding in plan order: mandatory items first, then each item in file order when it still
        fits in its stream (and its group); the baseline the optimum is compared with."""
        d = self.to_dict()
        cap = {s["id"]: s["budget_cents"] - s.get("reserved_cents", 0) for s in d["streams"]}
        group_of = {}
        for g in d.get("groups", []):
            for i in g["items"]:
                group_of.setdefault(i, []).append(g["id"])
        gmax = {g["id"]: g["max"] for g in d.get("groups", [])}
        gcount = {g: 0 for g in gmax}
        chosen = []
        items = [i for i in d["items"] if i.get("mandatory")] + [i for i in d["items"] if not i.get("mandatory")]
        for i in items:
            if i.get("excluded"):
                continue
            fits = i["cost_cents"] <= cap[i["stream"]] and all(gcount[g] < gmax[g] for g in group_of.get(i["id"], []))
            if fits:
                cap[i["stream"]] -= i["cost_cents"]
                for g in group_of.get(i["id"], []):
                    gcount[g] += 1
                chosen.append(i["id"])
        # the items that require an unchosen item are removed (simple baseline)
        req = [tuple(r) for r in d.get("requires", [])]
        changed = True
        while changed:
            changed = False
            for a, b in req:
                if a in chosen and b not in chosen:
                    chosen.remove(a)
                    changed = True
        order = [i["id"] for i in d["items"] if i["id"] in chosen]
        return _evaluate(self, order, "plan order")

    def compare(self, scenarios: Iterable[Scenario | str] | None = None, **kw) -> pd.DataFrame:
        """The base and each scenario side by side: status, optimum and its change, budget,
        capacity and spend per stream (cents), items funded, added and dropped against the base,
        ``costs`` (the items whose cost or participants the scenario changed: tuple of dicts
        item/base_cents/cost_cents/base_participants/participants) and ``cost_changes`` (as text)."""
        scs = self.scenarios if scenarios is None else [self.scenario(s) if isinstance(s, str) else _as_scenario(s)
                                                        for s in scenarios]
        results = [("base", self.optimise(**kw))] + [(s.name, self.apply(s).optimise(**kw)) for s in scs]
        return comparison_table(results)

    # display
    def __repr__(self):
        c = self._p.counts
        return (f"Portfolio({self.name!r}, objective={self.objective}, streams={c['streams']}, items={c['items']}, "
                f"goals={c['goals']}, groups={c['groups']}, scenarios={c['scenarios']})")

    def _repr_html_(self):
        return f"<p><b>{_html(repr(self))}</b></p>" + euros(self.streams).to_html()


def _as_portfolio(p) -> Portfolio:
    if isinstance(p, Portfolio):
        return p
    if isinstance(p, (str, pathlib.Path)):
        return Portfolio.load(p)
    if isinstance(p, Mapping):
        return Portfolio.from_dict(p)
    raise error(Errc.invalid_argument, f"not a portfolio: {type(p).__name__}", [])


def optimise(portfolio, *, node_limit: int = 0, time_limit: float = 0, check_unique: bool = True,
             check_binding: bool = True, progress: bool = False) -> OptimiseResult:
    """Fund the interventions that serve the goals best within the budgets, exactly.

    The exact branch-and-bound (C++, integer cents) solves the base and proves the optimum
    (bound = optimum, gap 0).

    Parameters
    ----------
    portfolio : Portfolio, dict, str or os.PathLike
        A :class:`Portfolio`, a ``koers.portfolio`` dict or a file path.
    node_limit : int, default 0
        Stop after this many search nodes (0: no limit): status ``"limit"`` with the bound and
        gap reached.
    time_limit : float, default 0
        Stop after this many seconds (0: no limit), as ``node_limit``.
    check_unique : bool, default True
        Also prove whether another selection reaches the optimum (``.unique``).
    check_binding : bool, default True
        Also find the streams whose budget binds (``.binding``; extra solves).
    progress : bool, default False
        A bar of the search nodes and the incumbent on stderr (shown after half a second).
        Ctrl-C (KeyboardInterrupt) stops the search in any case: the C++ solve is cancelled
        and the interrupt re-raised.

    Returns
    -------
    OptimiseResult
        ``status``, ``optimum``, ``bound``, ``gap``, ``selected``, ``unique``, ``binding``,
        ``to_frame()`` (funded or not, and why); an infeasible portfolio is a result
        (``status == "infeasible"`` with ``conflict``), not an error.

    Raises
    ------
    koers.InputError
        A file problem, with the JSON path.
    koers.BudgetError
        A portfolio that is not consistent (an item needing itself, an unknown stream, ...).

    See Also
    --------
    Portfolio.compare : the base and every scenario side by side.
    curve, sweep

    Examples
    --------
    >>> import koers
    >>> r = koers.optimise(koers.examples.path("deventer-2014", "portfolio.json"))
    >>> r.status, r.optimum, r.gap, r.binding
    ('optimal', 117, 0, ['stream.strategisch'])
    """
    return _optimise(_as_portfolio(portfolio), _options(node_limit, time_limit, check_unique, check_binding), progress)


optimize = optimise


def curve(portfolio, stream: str, *, max_points: int = 100000, node_limit: int = 0,
          time_limit: float = 0, progress: bool = False) -> "BudgetCurve":
    """The exact budget curve of one stream: every budget (cents) at which the optimum changes.

    Parameters
    ----------
    portfolio : Portfolio, dict, str or os.PathLike
        As for :func:`optimise`.
    stream : str
        The id of the budget stream whose budget varies (the others stay as they are).
    max_points : int, default 100000
        At most this many breakpoints (SolverError E401 beyond).
    node_limit : int, default 0
        Search nodes per solve (0: no limit).
    time_limit : float, default 0
        Seconds per solve (0: no limit).
    progress : bool, default False
        A tqdm bar (stderr) over the optimum's climb, shown once it has taken a second.

    Returns
    -------
    BudgetCurve
        A DataFrame, one row per breakpoint: ``budget`` (cents), ``optimum`` and ``selected``;
        ``.plot()``.

    Raises
    ------
    koers.InputError
        Breakpoints × items beyond ``max_curve_cells`` (E119; each breakpoint carries its
        selection), an unknown stream.
    koers.SolverError
        More than ``max_points`` breakpoints (E401).

    Examples
    --------
    >>> import koers
    >>> c = koers.curve(koers.Portfolio.example("deventer-2014"), "stream.strategisch")
    >>> len(c)
    71
    >>> c.iloc[1].to_dict()   # the first budget that funds anything (cents), and what it funds
    {'budget': 6340000, 'optimum': 4, 'selected': ('iv.agressie-en-geweld',)}
    """
    return _curve(_as_portfolio(portfolio), stream, max_points=max_points, node_limit=node_limit,
                  time_limit=time_limit, progress=progress)
