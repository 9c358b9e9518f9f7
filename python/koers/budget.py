"""Budgets and what-if scenarios: cost the plan, fund the best interventions exactly, sweep.

Money is always whole cents (Python ``int`` / pandas ``int64``); tables that show euros show them
as text made by :class:`koers.Money` (see :func:`euros`), never as floats.

>>> import koers
>>> p = koers.Portfolio.example("deventer-2014")
>>> r = p.optimise()
>>> r.status, r.gap
('optimal', 0)
>>> cut = koers.budget.Scenario("cut", scale_budget={"stream.strategisch": "0.9"})
>>> int(cut.apply(p).streams.loc["stream.strategisch", "budget"])
28329930
>>> BudgetModel.deventer_2014().total.cents
98682262

Pieces:

- :class:`Portfolio` (file format ``koers.portfolio``): load/save/from_dict/to_dict, pickles
  through its JSON; :meth:`Portfolio.optimise` → :class:`OptimiseResult`; :meth:`Portfolio.apply`;
  :meth:`Portfolio.compare` (scenarios side by side).
- :class:`Scenario`: scale/set budgets, drop/force items; :func:`compose` (explicit).
- :func:`curve` → :class:`BudgetCurve` (a DataFrame of exact breakpoints with ``.plot()``).
- :func:`sweep` many scenarios on all cores (C++ threads, GIL released) or on Dask
  (``client=``); :func:`grid` builds cut × payroll share × mandatory-set grids.
- :func:`cost_plan` → :class:`CostPlan`: every intervention of a strategy model costed exactly (fixed,
  per run, per participant; participants from target-group sizes; the ILB part; cost per participant
  and per learning hour) and the totals per stream against the budget; :func:`intervention_cost`.
- :class:`BudgetModel`: the Deventer budget of Tabel 7, reserved lines, FTE shares and the
  payroll path 2014–2017 towards 3 % in 2020.
"""
from __future__ import annotations

import dataclasses
import decimal
import itertools
import json
import math
import pathlib
import threading
from fractions import Fraction
from typing import Iterable, Mapping, Sequence

from ._lazy import exports as _exports, is_na, pandas as pd

from . import _core
from .errors import Errc, error

# the DataFrame subclasses live in budget_frames (it imports pandas); koers.budget.BudgetCurve
# and .CostPlan resolve on first use
__getattr__, __dir__, _ = _exports(__name__, {"budget_frames": ("BudgetCurve", "CostPlan")}, base="koers")

__all__ = ["Portfolio", "Scenario", "OptimiseResult", "BudgetCurve", "BudgetModel",
           "optimise", "curve", "sweep", "grid", "compose", "euros", "CostPlan", "cost_plan", "intervention_cost"]

_MONEY_COLUMNS = ("budget", "reserved", "capacity", "spent", "free", "cost", "per_participant",
                  "required", "available")


def _money(cents) -> str:
    """'€ 314.777,00' for a whole number of cents; '' for a missing value."""
    if cents is None or (isinstance(cents, float) and math.isnan(cents)) or is_na(cents):
        return ""
    return str(_core.Money.from_cents(int(cents)))


def euros(frame: pd.DataFrame, columns: Iterable[str] | None = None) -> pd.DataFrame:
    """A copy of ``frame`` with its cent columns shown as euro text ('€ 1.234,56').

    For display only: the values become strings. ``columns`` defaults to the columns named
    budget/reserved/capacity/spent/free/cost/... or ending in ``_cents`` (renamed without it).
    """
    out = frame.copy()
    cols = list(columns) if columns is not None else [
        c for c in out.columns if isinstance(c, str) and (c in _MONEY_COLUMNS or c.endswith("_cents")
                                                          or c.split("_")[0] in ("budget", "spent", "capacity"))]
    for c in cols:
        if c in out.columns and pd.api.types.is_integer_dtype(out[c].dtype):
            out[c] = [_money(v) for v in out[c]]
    return out.rename(columns={c: c[:-6] for c in cols if c.endswith("_cents")})


# ---- scenarios ----------------------------------------------------------------------------

def _decimal_text(d: decimal.Decimal) -> str:
    s = format(d.normalize(), "f")
    return s


def _check_factor(stream: str, f) -> str:
    if not isinstance(f, str):
        raise error(Errc.invalid_scenario, f"scale factor for stream '{stream}' must be a decimal string such as \"0.9\" "
                          f"(a float loses cents), not {type(f).__name__}", [stream])
    return f


def _check_cents(scen: str, field: str, key: str, c) -> int:
    if isinstance(c, bool) or not isinstance(c, int):
        raise error(Errc.invalid_scenario, f"scenario '{scen}': {field}['{key}'] must be whole cents (int), not {type(c).__name__}", [scen, key])
    if c < 0:
        raise error(Errc.invalid_scenario, f"scenario '{scen}': {field}['{key}'] must not be negative", [scen, key])
    return c


def _check_decimal(scen: str, field: str, key: str, f) -> str:
    if not isinstance(f, str):
        raise error(Errc.invalid_scenario, f"scenario '{scen}': {field}['{key}'] must be a decimal string such as \"0.9\" "
                          f"(a float loses cents), not {type(f).__name__}", [scen, key])
    return f


@dataclasses.dataclass(frozen=True)
class Scenario:
    """A declarative change of a portfolio, applied once to the base.

    Budgets: ``scale_budget``: stream → decimal text ("0.9"): budget := floor(budget × factor),
    exactly; ``set_budget_cents``: stream → whole cents; ``payroll_share``: ``{"from": "0.02",
    "to": "0.03"}``: every stream's budget × to/from (one floor together with its scale);
    ``move_cents``: ``[{"from": s, "to": t, "cents": n}]`` after the budget changes (the source keeps
    its reserved lines). Costs: ``set_participants``: item → participants (cost := per-participant
    price × participants); ``set_cost_cents``: item → cents; ``scale_cost``: item or ``"*"`` →
    decimal text: cost := floor(cost × factor) (an item's own factor replaces "*"; a set wins).
    Items: ``drop_items`` may not be funded; ``force_items`` must be funded. ``params`` are free
    labels (e.g. the grid values of a sweep) shown as columns in sweep tables; they are not part of
    the file format.
    """
    name: str
    scale_budget: Mapping[str, str] = dataclasses.field(default_factory=dict)
    set_budget_cents: Mapping[str, int] = dataclasses.field(default_factory=dict)
    drop_items: Sequence[str] = ()
    force_items: Sequence[str] = ()
    params: Mapping[str, object] = dataclasses.field(default_factory=dict, compare=False)
    set_cost_cents: Mapping[str, int] = dataclasses.field(default_factory=dict)
    scale_cost: Mapping[str, str] = dataclasses.field(default_factory=dict)
    set_participants: Mapping[str, int] = dataclasses.field(default_factory=dict)
    move_cents: Sequence[Mapping] = ()
    payroll_share: Mapping[str, str] | None = None

    def __post_init__(self):
        for k in ("scale_budget", "set_budget_cents", "set_cost_cents", "scale_cost", "set_participants"):
            v = getattr(self, k)
            if not isinstance(v, Mapping):
                raise error(Errc.invalid_scenario, f"scenario '{self.name}': {k} must be a mapping, not {type(v).__name__}", [self.name, k])
            object.__setattr__(self, k, dict(v))
        object.__setattr__(self, "drop_items", tuple(self.drop_items))
        object.__setattr__(self, "force_items", tuple(self.force_items))
        object.__setattr__(self, "params", dict(self.params))
        for s, f in self.scale_budget.items():
            _check_factor(s, f)
        for s, c in self.set_budget_cents.items():
            if isinstance(c, bool) or not isinstance(c, int):
                raise error(Errc.invalid_scenario, f"scenario '{self.name}': set_budget_cents['{s}'] must be whole cents (int), "
                                  f"not {type(c).__name__}", [self.name, s])
        for i, c in self.set_cost_cents.items():
            _check_cents(self.name, "set_cost_cents", i, c)
        for i, f in self.scale_cost.items():
            _check_decimal(self.name, "scale_cost", i, f)
        for i, n in self.set_participants.items():
            if isinstance(n, bool) or not isinstance(n, int) or n < 0:
                raise error(Errc.invalid_scenario, f"scenario '{self.name}': set_participants['{i}'] must be a whole number ≥ 0, "
                                  f"not {n!r}", [self.name, i])
        moves = []
        for k, m in enumerate(self.move_cents):
            if not isinstance(m, Mapping) or set(m) != {"from", "to", "cents"}:
                raise error(Errc.invalid_scenario, f"scenario '{self.name}': move_cents[{k}] must be {{'from', 'to', 'cents'}}, not {m!r}", [self.name])
            _check_cents(self.name, "move_cents", str(k), m["cents"])
            moves.append({"from": m["from"], "to": m["to"], "cents": m["cents"]})
        object.__setattr__(self, "move_cents", tuple(moves))
        if self.payroll_share is not None:
            ps = self.payroll_share
            if not isinstance(ps, Mapping) or set(ps) != {"from", "to"}:
                raise error(Errc.invalid_scenario, f"scenario '{self.name}': payroll_share must be {{'from': '0.02', 'to': '0.03'}}, "
                                  f"not {ps!r}", [self.name, "payroll_share"])
            for k in ("from", "to"):
                _check_decimal(self.name, "payroll_share", k, ps[k])
            object.__setattr__(self, "payroll_share", {"from": ps["from"], "to": ps["to"]})

    _FIELDS = ("scale_budget", "set_budget_cents", "drop_items", "force_items", "set_cost_cents", "scale_cost",
               "set_participants", "move_cents", "payroll_share")

    @classmethod
    def from_dict(cls, d: Mapping) -> "Scenario":
        known = {"name", "params", *cls._FIELDS}
        extra = set(d) - known
        if extra:
            raise error(Errc.unknown_field, f"scenario: unknown field '{sorted(extra)[0]}'", sorted(extra))
        if "name" not in d:
            raise error(Errc.missing_field, "scenario: missing field 'name'", [])
        return cls(d["name"], d.get("scale_budget", {}), d.get("set_budget_cents", {}),
                   d.get("drop_items", ()), d.get("force_items", ()), d.get("params", {}),
                   d.get("set_cost_cents", {}), d.get("scale_cost", {}), d.get("set_participants", {}),
                   d.get("move_cents", ()), d.get("payroll_share"))

    def to_dict(self) -> dict:
        """The scenario as in a koers.portfolio file (``params`` left out)."""
        d: dict = {"name": self.name}
        for k in self._FIELDS:
            v = getattr(self, k)
            if v:
                d[k] = (list(v) if k in ("drop_items", "force_items") else
                        [dict(m) for m in v] if k == "move_cents" else dict(v))
        return d

    def apply(self, portfolio: "Portfolio") -> "Portfolio":
        return portfolio.apply(self)

    def __add__(self, other: "Scenario") -> "Scenario":
        return compose(self, other)

    def __repr__(self):
        parts = [repr(self.name)]
        for k in self._FIELDS:
            v = getattr(self, k)
            if v:
                parts.append(f"{k}={list(v) if isinstance(v, tuple) else v!r}")
        return f"Scenario({', '.join(parts)})"


def compose(a: Scenario, b: Scenario, name: str | None = None) -> Scenario:
    """``a`` then ``b`` as one scenario (named "a + b"); the rule is the C++ ``compose``.

    Rules (exact, no float): two scales of a stream multiply as decimals (0.9 then 0.95 = 0.855,
    so the floor is taken once, on the original budget); a set in ``b`` replaces whatever ``a``
    did to that stream; a scale in ``b`` after a set in ``a`` sets floor(set × factor); payroll
    shares compose as from = a.from × b.from, to = a.to × b.to (or {a.from, b.to} when b.from =
    a.to), and a payroll change in ``b`` after a set in ``a`` sets floor(set × to/from). Moves:
    ``a``'s then ``b``'s (after the budget changes); BudgetError E406 when ``b`` scales, sets or
    payroll-changes a stream that a move of ``a`` touches. Costs: factors multiply per item ("*"
    with "*", an item's factor with the other's factor for it or its "*"); a scale in ``b`` after
    a set in ``a`` sets floor(set × factor); a set in ``b`` replaces ``a``'s change of the item;
    participants in ``b`` replace ``a``'s participants and cost change of the item (re-priced from
    the base per-participant price). Items: ``b`` wins where the two disagree (dropped in ``a``,
    forced in ``b`` → forced).
    """
    a, b = _as_scenario(a), _as_scenario(b)
    out = json.loads(_core.compose_portfolio_scenarios(json.dumps(a.to_dict(), ensure_ascii=False),
                                                       json.dumps(b.to_dict(), ensure_ascii=False), name or ""))
    out["params"] = {**a.params, **b.params}
    return Scenario.from_dict(out)


MAX_SCENARIOS = 10_000
"""The most scenarios :func:`grid` builds unless ``max_scenarios`` raises it (``koers sweep
--max-scenarios``): a grid is counted before it is built, and a larger one is E119."""

_GRID_MAX_EXPONENT = 100  # a cut or share of 1e-400 means nothing and costs a 400-digit fraction


def _grid_decimal(text, what: str) -> decimal.Decimal:
    """A grid value: a finite decimal text (``"0.005"``, ``"1e-3"``); else InputError E107/E110
    naming the value."""
    if not isinstance(text, str):
        raise error(Errc.invalid_scenario, "grid values must be decimal strings", [what])
    try:
        d = decimal.Decimal(text.strip())
    except (decimal.InvalidOperation, ValueError):
        raise error(Errc.invalid_argument, f"grid: {what} '{text}' is not a decimal number (e.g. 0.005)", [what]) from None
    if not d.is_finite():
        raise error(Errc.not_finite, f"grid: {what} '{text}' is not a finite number", [what])
    return d


def _grid_count(a: decimal.Decimal, z: decimal.Decimal, s: decimal.Decimal) -> decimal.Decimal:
    """How many values start:stop:step has (counted, never listed; may be astronomically large)."""
    if z < a:
        return decimal.Decimal(0)
    with decimal.localcontext() as ctx:
        ctx.prec, ctx.Emax, ctx.Emin = 60, decimal.MAX_EMAX, decimal.MIN_EMIN
        ctx.traps[decimal.Inexact] = ctx.traps[decimal.Rounded] = False
        try:
            return ((z - a) / s).to_integral_value(rounding=decimal.ROUND_FLOOR) + 1
        except decimal.DecimalException:  # past even MAX_EMAX
            return decimal.Decimal("Infinity")


def _frange_parts(start, stop, step, what: str = "value"):
    a = _grid_decimal(start, f"{what} start")
    z = _grid_decimal(stop, f"{what} stop")
    s = _grid_decimal(step, f"{what} step")
    if s <= 0:
        raise error(Errc.invalid_argument, f"grid: {what} step must be positive, not '{step}'", [step])
    return a, z, s


def _frange(start: str, stop: str, step: str, what: str = "value") -> list[str]:
    a, z, s = _frange_parts(start, stop, step, what)
    out, v = [], a
    with decimal.localcontext() as ctx:
        ctx.prec = max(28, len(s.as_tuple().digits) + max(abs(a.adjusted()), abs(z.adjusted())) - s.adjusted() + 2)
        while v <= z:
            out.append(_decimal_text(v) if v != 0 else "0")
            v += s
    return out


def _grid_axis(v, what: str):
    """(count, build) of one grid axis: a (start, stop, step) triple of texts or a list of texts."""
    if isinstance(v, tuple) and len(v) == 3 and all(isinstance(x, str) for x in v):
        a, z, s = _frange_parts(*v, what=what)
        return _grid_count(a, z, s), lambda: _frange(*v, what=what)
    vals = [str(x) if not isinstance(x, str) else x for x in v]
    for x in vals:
        _grid_decimal(x, what)
    return decimal.Decimal(len(vals)), lambda: vals


def grid(portfolio: "Portfolio", *, cut: Sequence[str] | tuple = ("0",), cut_stream: str | None = None,
         payroll_share: Sequence[str] | None = None, base_share: str = "0.02",
         mandatory: Mapping[str, Sequence[str]] | None = None,
         max_scenarios: int = MAX_SCENARIOS) -> list[Scenario]:
    """Every combination of a budget cut × a payroll share × a set of forced items.

    ``cut``: decimal texts (``("0", "0.005", ...)``) or a ``(start, stop, step)`` triple of
    texts; the cut stream's budget (``cut_stream``, default the portfolio's first stream: Deventer's
    ``stream.strategisch``) is multiplied by (1 − cut). ``payroll_share``: decimal texts
    (or a triple); every stream is multiplied by share / ``base_share`` (Tabel 7 ≈ 2 % of the
    payroll), exactly. ``mandatory``: name → item ids to force. The factors are combined into one
    exact decimal per stream (floor taken once). Each scenario's ``params`` hold the grid values.

    The grid is counted before it is built: more than ``max_scenarios`` (default
    :data:`MAX_SCENARIOS`) is InputError E119 with the count; a value that is not a finite
    decimal is E107/E110 naming it.
    """
    if isinstance(max_scenarios, bool) or not isinstance(max_scenarios, int) or max_scenarios < 1:
        raise error(Errc.invalid_argument, f"grid: max_scenarios must be a whole number ≥ 1, not {max_scenarios!r}", ["max_scenarios"])
    n_cut, cuts_of = _grid_axis(cut, "cut")
    n_share, shares_of = _grid_axis(payroll_share, "payroll share") if payroll_share is not None else \
        (decimal.Decimal(1), lambda: [base_share])
    mand = dict(mandatory) if mandatory else {"none": ()}
    with decimal.localcontext() as ctx:
        ctx.prec, ctx.Emax = 60, decimal.MAX_EMAX
        ctx.traps[decimal.Inexact] = ctx.traps[decimal.Rounded] = False
        total = n_cut * n_share * len(mand)
    if total > max_scenarios:
        def count(x):
            return f"{int(x):,}" if x < 10 ** 15 else (f"{x:.3E}" if x.is_finite() else "infinitely many")
        raise error(Errc.limit_exceeded, f"grid: {count(n_cut)} cuts × {count(n_share)} payroll shares × {len(mand)} forced sets = "
                         f"{count(total)} scenarios, more than the limit of {max_scenarios:,}; use a larger step "
                         f"or raise the limit (koers sweep --max-scenarios)", ["grid"])
    cuts = cuts_of()
    shares = shares_of()
    for what, vals in (("cut", cuts), ("payroll share", shares)):
        for v in vals:
            d = _grid_decimal(v, what)
            if d != 0 and abs(d.adjusted()) > _GRID_MAX_EXPONENT:
                raise error(Errc.invalid_argument, f"grid: {what} '{v}' is out of range (|exponent| over {_GRID_MAX_EXPONENT})", [what])
    streams = list(portfolio.streams.index)
    if cut_stream is None and streams:
        cut_stream = streams[0]
    if cut_stream not in streams:
        raise error(Errc.unknown_stream, f"grid: unknown stream '{cut_stream}'", [cut_stream])
    base = Fraction(_grid_decimal(base_share, "base share"))
    if base <= 0:
        raise error(Errc.invalid_argument, f"grid: base share '{base_share}' must be positive", ["base_share"])
    out = []
    for c, s, (mname, ids) in itertools.product(cuts, shares, mand.items()):
        pf = Fraction(decimal.Decimal(s)) / base
        scale = {}
        for st in streams:
            f = pf * (1 - Fraction(decimal.Decimal(c))) if st == cut_stream else pf
            if f < 0:
                raise error(Errc.invalid_scenario, f"grid: cut {c} makes stream '{st}' negative", [st])
            if f != 1:
                scale[st] = _fraction_text(f)
        name = f"cut {c} | share {s} | {mname}"
        out.append(Scenario(name, scale, {}, (), tuple(ids), {"cut": c, "payroll_share": s, "mandatory": mname}))
    return out


def _fraction_text(f: Fraction) -> str:
    """A terminating fraction as exact decimal text; else BudgetError."""
    d = f.denominator
    k2 = k5 = 0
    while d % 2 == 0:
        d //= 2
        k2 += 1
    while d % 5 == 0:
        d //= 5
        k5 += 1
    if d != 1:
        raise error(Errc.invalid_scenario, f"factor {f} is not a finite decimal", [str(f)])
    k = max(k2, k5)
    n = f.numerator * 10 ** k // f.denominator
    with decimal.localcontext() as ctx:
        ctx.prec = 200
        return _decimal_text(decimal.Decimal(n).scaleb(-k))


# ---- the portfolio ------------------------------------------------------------------------

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
        try:
            text = json.dumps(data, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as e:
            raise error(Errc.not_json, f"{origin}: not JSON-serialisable: {e}", [origin]) from None
        return cls.loads(text, origin)

    @classmethod
    def example(cls, name: str = "deventer-2014") -> "Portfolio":
        """The portfolio of an embedded example (``portfolio.json``)."""
        from . import examples
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
                 check_binding: bool = True) -> "OptimiseResult":
        return optimise(self, node_limit=node_limit, time_limit=time_limit, check_unique=check_unique,
                        check_binding=check_binding)

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


def _html(s: str) -> str:
    import html
    return html.escape(s)


def _as_scenario(s) -> Scenario:
    if isinstance(s, Scenario):
        return s
    if isinstance(s, Mapping):
        return Scenario.from_dict(s)
    raise error(Errc.invalid_argument, f"not a scenario: {type(s).__name__}", [])


def _as_portfolio(p) -> Portfolio:
    if isinstance(p, Portfolio):
        return p
    if isinstance(p, (str, pathlib.Path)):
        return Portfolio.load(p)
    if isinstance(p, Mapping):
        return Portfolio.from_dict(p)
    raise error(Errc.invalid_argument, f"not a portfolio: {type(p).__name__}", [])


def _options(node_limit=0, time_limit=0.0, check_unique=True, check_binding=True):
    o = _core.SolveOptions()
    from ._checks import INT64_MAX, real, whole
    o.node_limit = whole(node_limit, "node_limit", 0, INT64_MAX)
    o.time_limit = real(time_limit, "time_limit", 0.0)
    o.check_unique = bool(check_unique)
    o.check_binding = bool(check_binding)
    return o


# ---- results ------------------------------------------------------------------------------

class OptimiseResult:
    """The exact answer for one portfolio: status, optimum, selection, spend, proof.

    ``status`` "optimal" | "infeasible" | "limit"; ``optimum`` int or None; ``selection`` funded
    item ids (portfolio order); ``bound``/``gap`` the proof (gap 0 when optimal); ``unique``;
    ``binding`` streams whose budget binds; ``conflict`` (dict) when infeasible.
    """

    def __init__(self, portfolio: Portfolio, raw: dict, label: str = ""):
        self.portfolio = portfolio
        self.raw = raw
        self.label = label or portfolio.name

    status = property(lambda self: self.raw["status"])
    optimum = property(lambda self: self.raw["optimum"])
    selection = property(lambda self: list(self.raw["selected"]))
    selected = selection
    bound = property(lambda self: self.raw["bound"])
    gap = property(lambda self: self.raw["gap"])
    unique = property(lambda self: bool(self.raw["unique"]))
    binding = property(lambda self: list(self.raw.get("binding", [])))
    alternative = property(lambda self: list(self.raw.get("alternative", [])))
    conflict = property(lambda self: self.raw.get("conflict"))
    nodes = property(lambda self: self.raw.get("nodes", 0))
    seconds = property(lambda self: self.raw.get("seconds", 0.0))
    feasible = property(lambda self: self.raw["status"] != "infeasible")

    @property
    def spent_cents(self) -> dict:
        return dict(self.raw["spent_cents"])

    @property
    def spend(self) -> pd.DataFrame:
        """Per stream (index id): budget, reserved, capacity, spent, free (all int64 cents), binding."""
        st = self.portfolio.streams
        df = pd.DataFrame(index=st.index)
        df["budget"] = st["budget"]
        df["reserved"] = st["reserved"]
        df["capacity"] = st["capacity"]
        df["spent"] = pd.Series({k: int(v) for k, v in self.raw["spent_cents"].items()}).reindex(df.index).astype("int64")
        df["free"] = (df["capacity"] - df["spent"]).astype("int64")
        df["binding"] = [s in set(self.binding) for s in df.index]
        return df

    def to_frame(self) -> pd.DataFrame:
        """Per item: stream, cost (cents), funded, and why (in words)."""
        it = self.portfolio.items
        sel = set(self.selection)
        d = self.portfolio.to_dict()
        goals = {g["id"]: g["weight"] for g in d.get("goals", [])}
        covered = set()
        for i in sel:
            covered.update(it.loc[i, "covers"])
        free = self.spend["free"].to_dict() if self.feasible else {}
        group_of, gmax = {}, {}
        for g in d.get("groups", []):
            gmax[g["id"]] = g["max"]
            for i in g["items"]:
                group_of.setdefault(i, []).append(g["id"])
        gcount = {g: sum(1 for i in sel if g in group_of.get(i, [])) for g in gmax}
        needs = {}
        for a, b in d.get("requires", []):
            needs.setdefault(a, []).append(b)
        reasons = []
        for iid, r in it.iterrows():
            if not self.feasible:
                c = self.conflict or {}
                reasons.append("infeasible portfolio" + (": in the conflict" if iid in c.get("items", []) else ""))
            elif iid in sel:
                if r["mandatory"]:
                    reasons.append("funded: mandatory")
                elif self.portfolio.objective == "coverage":
                    own = [g for g in r["covers"] if g in goals]
                    reasons.append(f"funded: serves {len(own)} goal(s)")
                else:
                    reasons.append(f"funded: value {r['value']}")
            elif r["excluded"]:
                reasons.append("not funded: dropped (may not be funded)")
            elif any(gcount[g] >= gmax[g] for g in group_of.get(iid, [])):
                g = next(g for g in group_of.get(iid, []) if gcount[g] >= gmax[g])
                reasons.append(f"not funded: group '{g}' is at its max {gmax[g]}")
            elif any(n not in sel for n in needs.get(iid, [])):
                reasons.append(f"not funded: needs {', '.join(n for n in needs[iid] if n not in sel)}")
            elif r["cost"] > free.get(r["stream"], 0):
                reasons.append(f"not funded: costs {_money(r['cost'])}, {r['stream']} has {_money(free.get(r['stream'], 0))} left")
            elif self.portfolio.objective == "coverage" and all(g in covered or goals.get(g, 0) == 0 for g in r["covers"]):
                reasons.append("not funded: its goals are served already")
            elif self.portfolio.objective == "additive" and r["value"] <= 0:
                reasons.append("not funded: adds no value")
            elif self.status == "given":
                reasons.append("not funded: no room left when its turn came (plan order)")
            else:
                reasons.append("not funded: the money does more elsewhere (optimal choice)")
        out = pd.DataFrame({"name": it["name"], "stream": it["stream"], "cost": it["cost"],
                            "mandatory": it["mandatory"], "funded": [i in sel for i in it.index],
                            "reason": reasons}, index=it.index)
        return out

    def explain_infeasible(self) -> str | None:
        """One paragraph a person can act on, or None when feasible."""
        c = self.conflict
        if self.feasible or not c:
            return None
        names = {i["id"]: i.get("name", "") for i in self.portfolio.to_dict()["items"]}
        items = ", ".join(f"{names.get(i) or i} ({i})" for i in c.get("items", []))
        if c.get("kind") == "stream":
            need, cap = c["required_cents"], c["capacity_cents"]
            return (f"Stream '{c['stream']}' cannot hold its mandatory interventions: {items} need "
                    f"{_money(need)}, but only {_money(cap)} is available (budget less reserved lines); "
                    f"{_money(need - cap)} short. Raise the budget of '{c['stream']}', lower its reserved "
                    f"lines, or make fewer of these interventions mandatory.")
        return c.get("message") or f"infeasible: {items}"

    def to_dict(self) -> dict:
        """The JSON of ``koers optimise --json`` for this solve (without "scenarios")."""
        keys = ["status", "optimum", "selected", "spent_cents", "capacity_cents", "bound", "gap", "unique",
                "binding", "alternative", "nodes", "seconds"]
        d = {k: self.raw.get(k) for k in keys}
        if self.conflict:
            c = dict(self.conflict)
            if c.get("kind") == "stream":
                c["available_cents"] = c["capacity_cents"]
            c["explanation"] = self.explain_infeasible()
            d["conflict"] = c
        return d

    def __reduce__(self):
        return (OptimiseResult, (self.portfolio, self.raw, self.label))

    def __repr__(self):
        if not self.feasible:
            c = self.conflict or {}
            return f"<OptimiseResult {self.label!r}: infeasible, stream={c.get('stream')!r}, items={c.get('items')}>"
        return (f"<OptimiseResult {self.label!r}: {self.status}, optimum={self.optimum}, bound={self.bound}, "
                f"gap={self.gap}, selected={len(self.selection)}, unique={self.unique}, binding={self.binding}>")

    def _repr_html_(self):
        head = f"<p><b>{_html(repr(self))}</b></p>"
        if not self.feasible:
            return head + f"<p>{_html(self.explain_infeasible() or '')}</p>"
        return head + euros(self.spend).to_html()


def _evaluate(portfolio: Portfolio, selection: list[str], label: str) -> OptimiseResult:
    """The objective value and spend of a given selection (not optimised)."""
    d = portfolio.to_dict()
    chosen = set(selection)
    spent = {s["id"]: 0 for s in d["streams"]}
    value = 0
    covered = set()
    for i in d["items"]:
        if i["id"] in chosen:
            spent[i["stream"]] += i["cost_cents"]
            value += i.get("value", 0)
            covered.update(i.get("covers", []))
    if d.get("objective") == "coverage":
        value = sum(g["weight"] for g in d.get("goals", []) if g["id"] in covered)
    raw = {"status": "given", "optimum": value, "selected": [i["id"] for i in d["items"] if i["id"] in chosen],
           "spent_cents": spent,
           "capacity_cents": {s["id"]: s["budget_cents"] - s.get("reserved_cents", 0) for s in d["streams"]},
           "bound": None, "gap": None, "unique": False, "binding": [], "alternative": []}
    return OptimiseResult(portfolio, raw, label)


def optimise(portfolio, *, node_limit: int = 0, time_limit: float = 0, check_unique: bool = True,
             check_binding: bool = True) -> OptimiseResult:
    """Exact optimisation of ``portfolio`` (a Portfolio, a path, or a dict); see :class:`OptimiseResult`.

    An infeasible portfolio is a result (``status == "infeasible"`` with ``conflict``), not an error.
    """
    p = _as_portfolio(portfolio)
    raw = json.loads(_core.optimise_json(p._p, _options(node_limit, time_limit, check_unique, check_binding)))
    return OptimiseResult(p, raw)


optimize = optimise


def comparison_table(results: Sequence[tuple[str, OptimiseResult]]) -> pd.DataFrame:
    """Rows: one per (name, result); the first is the reference for the deltas."""
    if not results:
        return pd.DataFrame()
    base = results[0][1]
    bsel = set(base.selection)
    rows = []
    for name, r in results:
        row = {"scenario": name, "status": r.status, "optimum": r.optimum,
               "delta_optimum": (r.optimum - base.optimum) if (r.optimum is not None and base.optimum is not None) else None,
               "funded": len(r.selection)}
        sp = r.spend
        for s in sp.index:
            row[f"budget_{s}"] = int(sp.loc[s, "budget"])
            row[f"capacity_{s}"] = int(sp.loc[s, "capacity"])
            row[f"spent_{s}"] = int(sp.loc[s, "spent"])
        row["binding"] = ", ".join(r.binding)
        row["added"] = ", ".join(i for i in r.selection if i not in bsel)
        row["dropped"] = ", ".join(i for i in base.selection if i not in set(r.selection))
        row["conflict"] = r.explain_infeasible() or ""
        row["costs"] = _cost_changes(base.portfolio, r.portfolio)
        row["cost_changes"] = "; ".join(
            f"{c['item']} {_money(c['base_cents'])} → {_money(c['cost_cents'])}"
            + (f" ({c['base_participants']} → {c['participants']} participants)"
               if c["participants"] != c["base_participants"] else "") for c in row["costs"])
        rows.append(row)
    df = pd.DataFrame(rows).set_index("scenario")
    df["optimum"] = df["optimum"].astype("Int64")
    df["delta_optimum"] = df["delta_optimum"].astype("Int64")
    return df


def _cost_changes(base: Portfolio, other: Portfolio) -> tuple:
    """Items whose cost or participants differ: ({item, base_cents, cost_cents, base_participants,
    participants}, ...) in portfolio order."""
    if base is other:
        return ()
    b = {i["id"]: i for i in base.to_dict()["items"]}
    out = []
    for i in other.to_dict()["items"]:
        o = b.get(i["id"])
        if o is None:
            continue
        if o["cost_cents"] != i["cost_cents"] or o.get("participants") != i.get("participants"):
            out.append({"item": i["id"], "base_cents": o["cost_cents"], "cost_cents": i["cost_cents"],
                        "base_participants": o.get("participants"), "participants": i.get("participants")})
    return tuple(out)


# ---- curves -------------------------------------------------------------------------------

def curve(portfolio, stream: str, *, max_points: int = 100000, node_limit: int = 0,
          time_limit: float = 0, progress: bool = False) -> "BudgetCurve":
    """The exact budget curve of ``stream``: every budget (cents) at which the optimum changes.

    Bounded (docs/limits.md): breakpoints × items ≤ ``max_curve_cells`` (InputError E119; each
    breakpoint carries its selection), breakpoints ≤ ``max_points`` (SolverError E401).
    ``progress``: a tqdm bar (stderr) over the optimum's climb, shown once it has taken a second."""
    from .budget_frames import BudgetCurve
    from ._checks import INT64_MAX, whole
    p = _as_portfolio(portfolio)
    bar, cb = None, None
    if progress:
        from ._progress import progress_bar
        bar, cb = progress_bar(0, "curve", "value", delay=1.0)
    try:
        raw = json.loads(_core.curve_json(p._p, stream, _options(node_limit, time_limit, False, False),
                                          whole(max_points, "max_points", 1, INT64_MAX), cb))
    finally:
        if bar is not None:
            bar.close()
    pts = raw["breakpoints"]
    df = BudgetCurve({"budget": pd.Series([b["budget_cents"] for b in pts], dtype="int64"),
                      "optimum": pd.Series([b["optimum"] for b in pts], dtype="Int64"),
                      "selected": [tuple(b["selected"]) for b in pts]})
    df.stream = stream
    df.portfolio_name = p.name
    return df


# ---- sweeps -------------------------------------------------------------------------------

def _sweep_columns(portfolio_json: str, scenarios: list[dict], threads: int, progress=None) -> dict:
    """Solve one batch in this process (C++ threads, GIL released); the column dict."""
    base = json.loads(portfolio_json)
    base["scenarios"] = scenarios
    if not scenarios:
        base.pop("scenarios")
    core = _core.parse_portfolio(json.dumps(base, ensure_ascii=False), "sweep")
    return json.loads(_core.sweep_portfolio_json(core, int(threads), _options(0, 0, False, False), progress))


def _sweep_chunk(portfolio_json: str, scenarios: list[dict], threads: int = 1) -> dict:
    """The Dask task: a batch of scenarios on one worker."""
    return _sweep_columns(portfolio_json, scenarios, threads)


def _run_threaded(pjson: str, dicts: list[dict], threads: int, progress: bool) -> dict:
    prog = _core.SweepProgress()
    box: dict = {}

    def run():
        try:
            box["cols"] = _sweep_columns(pjson, dicts, threads, prog)
        except BaseException as e:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = e

    t = threading.Thread(target=run, name="koers-sweep", daemon=True)
    bar = _bar(len(dicts), progress)
    t.start()
    try:
        last = 0
        while t.is_alive():
            t.join(0.1)
            d = prog.done
            if bar is not None and d > last:
                bar.update(d - last)
                last = d
        if bar is not None and prog.done > last:
            bar.update(prog.done - last)
    except KeyboardInterrupt:
        prog.cancel()
        t.join()
        raise
    finally:
        if bar is not None:
            bar.close()
    if "error" in box:
        raise box["error"]
    return box["cols"]


def _bar(total: int, progress):
    if not progress:
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError:  # pragma: no cover
        return None
    return tqdm(total=total, desc="sweep", unit="scenario")


def _merge(parts: list[dict]) -> dict:
    out = {k: [] for k in ("name", "status", "optimum", "selected", "nodes", "error", "error_code", "conflict")}
    streams = parts[0]["streams"] if parts else []
    for k in ("budget_cents", "capacity_cents", "spent_cents"):
        out[k] = {s: [] for s in streams}
    out["streams"] = streams
    for p in parts:
        for k in ("name", "status", "optimum", "selected", "nodes", "error", "error_code", "conflict"):
            out[k].extend(p[k])
        for k in ("budget_cents", "capacity_cents", "spent_cents"):
            for s in streams:
                out[k][s].extend(p[k][s])
    return out


def _sweep_frame(scenarios: list[Scenario], cols: dict) -> pd.DataFrame:
    params = []
    for s in scenarios:
        for k in s.params:
            if k not in params:
                params.append(k)
    data = {"scenario": cols["name"]}
    for k in params:
        data[k] = [s.params.get(k) for s in scenarios]
    data["status"] = cols["status"]
    data["optimum"] = pd.array(cols["optimum"], dtype="Int64")
    data["funded"] = pd.array([len(s) for s in cols["selected"]], dtype="int64")
    for s in cols["streams"]:
        data[f"budget_{s}"] = pd.array(cols["budget_cents"][s], dtype="Int64")
        data[f"capacity_{s}"] = pd.array(cols["capacity_cents"][s], dtype="Int64")
        data[f"spent_{s}"] = pd.array(cols["spent_cents"][s], dtype="Int64")
    data["selected"] = [tuple(x) for x in cols["selected"]]
    data["conflict_stream"] = [c.get("stream") if c else None for c in cols["conflict"]]
    data["error"] = cols["error"]
    return pd.DataFrame(data)


def sweep(portfolio, scenarios: Iterable[Scenario | Mapping], *, threads: int | None = None,
          progress: bool = True, client=None, chunk_size: int | None = None) -> pd.DataFrame:
    """Solve ``portfolio`` under each scenario (applied once to the base) with the exact optimiser.

    Locally: all cores (``threads``; None = all) from C++ threads, the GIL released, a tqdm bar
    polled from Python. With ``client`` (a ``dask.distributed.Client``): the scenarios go in
    chunks (``chunk_size``, default ≈ 4 per worker thread) with the portfolio's JSON to the
    workers and come back in order; the table is the same as the local one.

    Returns one row per scenario: scenario, the scenario's ``params`` (e.g. cut, payroll_share,
    mandatory), status ("optimal" | "infeasible" | "limit" | "error"), optimum (Int64), funded
    (count), budget_/capacity_/spent_<stream> (cents, Int64), selected (tuple), conflict_stream,
    error. Every scenario is validated before anything is solved (unknown stream or item, a bad
    factor, an item both dropped and forced → BudgetError/InputError naming it): nothing is
    half-swept. Status "error" is left for what only shows when applying (e.g. an overflow).
    """
    p = _as_portfolio(portfolio)
    scs = [_as_scenario(s) for s in scenarios]
    dicts = [s.to_dict() for s in scs]
    pjson = p.with_scenarios([]).to_json(-1)
    if client is None:
        cols = _run_threaded(pjson, dicts, 0 if threads is None else int(threads), progress)
    else:
        cols = _run_dask(client, pjson, dicts, threads, progress, chunk_size)
    return _sweep_frame(scs, cols)


def _run_dask(client, pjson, dicts, threads, progress, chunk_size) -> dict:
    from distributed import as_completed
    if not dicts:
        return _sweep_columns(pjson, [], 1)
    if chunk_size is None:
        nthreads = sum(client.nthreads().values()) or 1
        chunk_size = max(1, math.ceil(len(dicts) / (4 * nthreads)))
    chunks = [dicts[i:i + chunk_size] for i in range(0, len(dicts), chunk_size)]
    [pj] = client.scatter([pjson], broadcast=True)
    futures = [client.submit(_sweep_chunk, pj, ch, 1 if threads is None else int(threads), pure=False)
               for ch in chunks]
    index = {f.key: k for k, f in enumerate(futures)}
    parts: list = [None] * len(futures)
    bar = _bar(len(dicts), progress)
    try:
        for f in as_completed(futures):
            k = index[f.key]
            parts[k] = f.result()
            if bar is not None:
                bar.update(len(chunks[k]))
    finally:
        if bar is not None:
            bar.close()
    return _merge(parts)


# ---- the budget model ---------------------------------------------------------------------

def _ratio_text(r) -> str:
    """A payroll share as exact percent text: 13/600 → '2 1/6 %'; 2/100 → '2 %'."""
    f = Fraction(r.num, r.den) * 100
    whole, rest = divmod(f, 1)
    return f"{int(whole)} %" if rest == 0 else (f"{int(whole)} {rest} %" if whole else f"{rest} %")


class BudgetModel:
    """Budget streams in exact cents with reserved lines: a portfolio's streams, seen as the plan's
    budget table (the Deventer 2014 plan: Tabel 7), with the payroll path and FTE shares.

    What-if changes to budgets are portfolio scenarios (:class:`Scenario`); :meth:`scale` is the
    one shortcut kept here.

    >>> m = BudgetModel.deventer_2014()
    >>> int(m.streams["budget"].sum())
    98682262
    """

    def __init__(self, core: "_core.BudgetModel"):
        self._m = core

    @classmethod
    def from_portfolio(cls, portfolio: "Portfolio") -> "BudgetModel":
        """The budget streams of ``portfolio`` (id, name, budget; reserved cents as one line)."""
        return cls(_core.budget_model(portfolio._p))

    @classmethod
    def deventer_2014(cls) -> "BudgetModel":
        """Tabel 7 (seed 000, ch. 4.2), from the example portfolio's streams; the reserved cents are
        illustrative (onvoorzien € 15.000 + stelpost OvdT € 25.000: Bijlage 2 is not in the seed)."""
        return cls.from_portfolio(Portfolio.example("deventer-2014"))

    @property
    def name(self) -> str:
        return self._m.name

    @property
    def total(self):
        """The exact total as :class:`koers.Money`."""
        return self._m.total()

    @property
    def streams(self) -> pd.DataFrame:
        """Per stream (index id): name, budget, reserved, free (int64 cents)."""
        rows = []
        for s in self._m.streams:
            res = sum(r.amount.cents for r in s.reserved)
            rows.append({"id": s.id, "name": s.name or s.id, "budget": s.budget.cents,
                         "reserved": res, "free": s.budget.cents - res})
        return pd.DataFrame(rows).set_index("id").astype({"budget": "int64", "reserved": "int64", "free": "int64"})

    @property
    def reserved(self) -> pd.DataFrame:
        """The reserved lines (stream, line, amount in cents)."""
        rows = [{"stream": s.id, "line": r.id, "amount": r.amount.cents} for s in self._m.streams for r in s.reserved]
        return pd.DataFrame(rows, columns=["stream", "line", "amount"]).astype({"amount": "int64"})

    def table7(self) -> pd.DataFrame:
        """Tabel 7 'overzicht budgetten' as in the plan: name, amount (text), cents; with the total."""
        st = self.streams
        rows = [{"stream": i, "name": r["name"], "amount": _money(r["budget"]), "cents": int(r["budget"])}
                for i, r in st.iterrows()]
        rows.append({"stream": "total", "name": "Totaal", "amount": str(self.total), "cents": self.total.cents})
        return pd.DataFrame(rows).set_index("stream")

    def payroll(self, share: str = "0.02") -> int:
        """The payroll (cents) for which the total is ``share`` (Tabel 7: 'ongeveer 2%'); exact or BudgetError."""
        f = Fraction(self.total.cents) / Fraction(decimal.Decimal(share))
        if f.denominator != 1:
            raise error(Errc.invalid_argument, f"total / {share} is not a whole number of cents", [share])
        return int(f)

    def path(self, payroll_cents: int | None = None, first: int = 2014, last: int = 2017, *,
             from_share: str = "0.02", to_share: str = "0.03", to_year: int = 2020,
             first_year_months: int = 8) -> pd.DataFrame:
        """The payroll path: share rising linearly from ``from_share`` in 2014 to ``to_share`` in
        ``to_year``, exact; the first year pro rata (Deventer: from 1 May = 8 months).

        ``payroll_cents`` defaults to :meth:`payroll` (Tabel 7 as exactly 2 %). Columns: share
        (exact, as text), share_num/share_den, months, budget (cents, half-even once), budget_eur.
        """
        pay = self.payroll(from_share) if payroll_cents is None else int(payroll_cents)
        o = _core.PathOptions()
        o.from_year = first
        o.from_share = _core.Ratio.parse(from_share)
        o.to_share = _core.Ratio.parse(to_share)
        o.to_year = to_year
        o.first_year_months = first_year_months
        rows = []
        for y in _core.payroll_path(_core.Money.from_cents(pay), first, last, o):
            rows.append({"year": y.year, "share": _ratio_text(y.share), "share_num": y.share.num,
                         "share_den": y.share.den, "months": y.months, "budget": y.budget.cents,
                         "budget_eur": str(y.budget)})
        return pd.DataFrame(rows).set_index("year").astype({"budget": "int64"})

    def scale(self, stream: str, factor: str) -> "BudgetModel":
        """A copy with ``stream`` scaled by floor(budget × factor) (decimal text)."""
        _check_factor(stream, factor)
        scaled = _core.scale_exact(self._m.stream(stream).budget, factor).cents  # unknown stream: BudgetError
        st = self.__getstate__()
        st["streams"] = [(i, scaled if i == stream else c, res, name) for i, c, res, name in st["streams"]]
        out = BudgetModel.__new__(BudgetModel)
        out.__setstate__(st)
        return out

    def compare(self, other: "BudgetModel") -> pd.DataFrame:
        """Stream by stream: base budget, budget, delta (cents)."""
        a, b = self.streams, other.streams
        df = pd.DataFrame({"base": a["budget"], "budget": b["budget"]})
        df["delta"] = (df["budget"] - df["base"]).astype("int64")
        return df

    def shares_by_fte(self, stream: str, fte: Mapping[str, float | str]) -> pd.DataFrame:
        """Share a stream's budget to teams by FTE (to 0.01 FTE), largest remainder: the parts add up."""
        weights = [int(Fraction(decimal.Decimal(str(v))) * 100) for v in fte.values()]
        amount = _core.Money.from_cents(int(self.streams.loc[stream, "budget"]))
        parts = _core.share_by_fte(amount, weights)
        return pd.DataFrame({"fte": [str(v) for v in fte.values()], "amount": [p.cents for p in parts],
                             "amount_eur": [str(p) for p in parts]}, index=pd.Index(list(fte), name="team"))

    def __repr__(self):
        return f"BudgetModel({self.name!r}, streams={len(self._m.streams)}, total='{self.total}')"

    def _repr_html_(self):
        return f"<p><b>{_html(repr(self))}</b></p>" + euros(self.streams).to_html()

    def __getstate__(self):
        return {"streams": [(s.id, s.budget.cents, [(r.id, r.amount.cents) for r in s.reserved], s.name)
                            for s in self._m.streams], "name": self._m.name}

    def __setstate__(self, st):
        m = _core.BudgetModel()
        m.name = st["name"]
        streams = []
        for sid, c, res, name in st["streams"]:
            s = _core.BudgetStream()
            s.id = sid
            s.budget = _core.Money.from_cents(c)
            s.reserved = [_core.ReservedLine(i, _core.Money.from_cents(a)) for i, a in res]
            s.name = name if isinstance(name, str) else ""  # pickles of 0.x held a 'capped' flag here
            streams.append(s)
        m.streams = streams
        self._m = m


# ---- costing the plan ---------------------------------------------------------------------

_COST_FIELDS = ("fixed_cents", "per_run_cents", "runs", "per_participant_cents", "participants", "uptake",
                "ilb_share", "hours_per_participant", "cost_cents")


def _share_text(v, what: str, hours: bool = False):
    """A share, uptake or hours as exact text for C++: str as given ("0.5", "1/3"), int, Fraction,
    Decimal; a float only for hours (read as written, e.g. 7.5)."""
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, bool):
        raise error(Errc.invalid_argument, f"{what} must be a decimal text such as \"0.5\", not a boolean", [what])
    if isinstance(v, int):
        return str(v)
    if isinstance(v, Fraction):
        return f"{v.numerator}/{v.denominator}"
    if isinstance(v, decimal.Decimal):
        return _decimal_text(v)
    if isinstance(v, float) and hours:
        return v
    raise error(Errc.invalid_argument, f"{what} must be a decimal text such as \"0.5\" or a Fraction (a float is not exact), "
                     f"not {type(v).__name__}", [what])


def _cost_fields(d: Mapping, where: str) -> dict:
    if not isinstance(d, Mapping):
        raise error(Errc.wrong_type, f"{where} must be an object of cost fields, not {type(d).__name__}", [where])
    out = {}
    for k, v in d.items():
        if k in ("uptake", "ilb_share"):
            v = _share_text(v, f"{where}.{k}")
        elif k == "hours_per_participant":
            v = _share_text(v, f"{where}.{k}", hours=True)
        out[k] = v
    return out


def _fraction(text):
    """'57600/23' → Fraction(57600, 23); None stays None."""
    return None if text is None else Fraction(text)


def cost_plan(model, costs: Mapping[str, Mapping] | None = None, *, ilb_share="0.5", uptake="1",
              ilb_stream: str | None = None, rounding: str = "half_even") -> "CostPlan":
    """Cost every intervention of a strategy model exactly (see :class:`CostPlan`).

    ``model``: a :class:`koers.Model` (or a path of a koers.model file). The cost model of each
    intervention comes from its fields: ``cost_cents`` with ``participants`` is priced per
    participant (cost_cents / participants, when that is whole cents; else a fixed amount, with a
    note); ``cost_cents`` alone is a fixed amount, its participants come from the target groups it
    ``targets`` (Σ ``size`` × ``uptake``, rounded half up to whole people); ``ilb_contribution``
    charges ``ilb_share`` of the cost per participant (floored to whole cents per participant) to
    each participant's ILB (the budget stream named personal/persoonlijk, or ``ilb_stream``);
    ``duration_hours`` gives the learning hours per participant, exactly as written.

    ``costs``: overrides by intervention id, each with any of ``fixed_cents``, ``per_run_cents``,
    ``runs``, ``per_participant_cents``, ``participants``, ``uptake``, ``ilb_share``,
    ``hours_per_participant``, ``cost_cents`` (cents and counts are ints; shares are decimal text,
    ints or Fractions). A price given there must add up to the model's ``cost_cents`` (or the
    override's), else BudgetError E404 naming the intervention.

    >>> import koers
    >>> c = koers.cost_plan(koers.examples.load("deventer-2014"))
    >>> int(c.loc["iv.loopbaanmodules", "ilb"]), int(c.loc["iv.loopbaanmodules", "own"])
    (1350000, 1350000)
    >>> c.loc["iv.e-coaching-reis-naar-jezelf", "per_hour_exact"]  # 594 € over 31.5 h, in cents
    Fraction(13200, 7)
    """
    from .model import Model, load as load_model
    if not isinstance(model, Model):
        model = load_model(model)
    opts = {"ilb_share": _share_text(ilb_share, "ilb_share"), "uptake": _share_text(uptake, "uptake"),
            "rounding": rounding}
    if ilb_stream:
        opts["ilb_stream"] = ilb_stream
    if costs:
        opts["costs"] = {str(k): _cost_fields(v, f"costs['{k}']") for k, v in costs.items()}
    try:
        text = json.dumps(opts, ensure_ascii=False, allow_nan=False)
    except RecursionError:
        raise error(Errc.too_deep, "costs: nested too deeply", ["costs"]) from None
    except (TypeError, ValueError) as e:
        raise error(Errc.wrong_type, f"costs: not JSON-serialisable: {e}", ["costs"]) from None
    raw = json.loads(_core.cost_plan_json(model._g, text))
    return _cost_frame(raw)


def _cost_frame(raw: dict) -> "CostPlan":
    from .budget_frames import CostPlan
    rows = raw["interventions"]

    def ints(key):
        return pd.array([r[key] for r in rows], dtype="Int64")

    df = CostPlan({
        "name": [r["name"] for r in rows],
        "stream": [r["stream"] for r in rows],
        "costed": [r["costed"] for r in rows],
        "participants": ints("participants"),
        "participants_from": [r["participants_from"] for r in rows],
        "hours": [_fraction(r["hours_per_participant"]) for r in rows],
        "learning_hours": [_fraction(r["learning_hours"]) for r in rows],
        "cost": ints("cost_cents"),
        "ilb": ints("ilb_cents"),
        "own": ints("own_cents"),
        "per_participant": ints("per_participant_cents"),
        "per_hour": ints("per_hour_cents"),
        "per_participant_exact": [_fraction(r["per_participant_exact"]) for r in rows],
        "per_hour_exact": [_fraction(r["per_hour_exact"]) for r in rows],
        "notes": ["; ".join(r["notes"]) for r in rows],
    }, index=pd.Index([r["id"] for r in rows], name="id"))
    st = raw["streams"]
    streams = pd.DataFrame({
        "name": [s["name"] for s in st],
        **{k: pd.array([s[f"{k}_cents"] for s in st], dtype="Int64") for k in ("budget", "own", "ilb", "committed", "free")},
    }, index=pd.Index([s["id"] if s["id"] is not None else "" for s in st], name="stream"))
    df.streams = streams
    df.total = raw["total"]
    df.uncosted = list(raw["uncosted"])
    df.raw = raw
    df.plan_name = raw["name"]
    df.ilb_stream = raw["ilb_stream"]
    df.rounding = raw["rounding"]
    return df


def intervention_cost(*, fixed_cents: int = 0, per_run_cents: int = 0, runs: int = 1, per_participant_cents: int = 0,
                      participants: int | None = None, ilb_share="0", hours_per_participant=None,
                      cost_cents: int | None = None, target_group_sizes: Sequence[int] | None = None, uptake="1",
                      rounding: str = "half_even", element: str = "intervention") -> dict:
    """Cost one intervention's cost model (the rules of :func:`cost_plan`), as a dict of cents and
    exact Fractions (``per_participant_exact``, ``per_hour_exact``, ``learning_hours``).

    >>> d = intervention_cost(fixed_cents=150000, per_run_cents=80000, runs=3, per_participant_cents=4550,
    ...                       participants=36, hours_per_participant="7.5")
    >>> d["cost_cents"], d["per_participant_cents"], d["per_participant_exact"]
    (553800, 15383, Fraction(46150, 3))
    """
    d = {"fixed_cents": fixed_cents, "per_run_cents": per_run_cents, "runs": runs,
         "per_participant_cents": per_participant_cents, "ilb_share": _share_text(ilb_share, "ilb_share"),
         "uptake": _share_text(uptake, "uptake"), "rounding": rounding, "element": element}
    if participants is not None:
        d["participants"] = participants
    if hours_per_participant is not None:
        d["hours_per_participant"] = _share_text(hours_per_participant, "hours_per_participant", hours=True)
    if cost_cents is not None:
        d["cost_cents"] = cost_cents
    if target_group_sizes is not None:
        d["target_group_sizes"] = list(target_group_sizes)
    out = json.loads(_core.intervention_cost_json(json.dumps(d)))
    for k in ("per_participant_exact", "per_hour_exact", "learning_hours", "ilb_share"):
        out[k] = _fraction(out[k])
    return out
