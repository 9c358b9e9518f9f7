"""Portfolio scenarios: a declarative change of a portfolio (:class:`Scenario`), applied once to
the base, and :func:`compose` (one scenario after another, by the C++ rules)."""
from __future__ import annotations

import dataclasses
import warnings
from typing import TYPE_CHECKING, Mapping, Sequence

from .. import _core
from ..errors import Errc, error

if TYPE_CHECKING:  # annotations only
    from .portfolio import Portfolio

__all__ = ["Scenario", "compose"]


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
    Items: ``drop_items`` may not be funded; ``mandatory_items`` must be funded (the word of the
    portfolio's ``mandatory`` items; ``force_items``, its old name, is still read — as an argument,
    an attribute or a file's field — with a DeprecationWarning, for one release). ``params`` are
    free labels (e.g. the grid values of a sweep) shown as columns in sweep tables; they are not
    part of the file format.
    """
    name: str
    scale_budget: Mapping[str, str] = dataclasses.field(default_factory=dict)
    set_budget_cents: Mapping[str, int] = dataclasses.field(default_factory=dict)
    drop_items: Sequence[str] = ()
    mandatory_items: Sequence[str] = ()
    params: Mapping[str, object] = dataclasses.field(default_factory=dict, compare=False)
    set_cost_cents: Mapping[str, int] = dataclasses.field(default_factory=dict)
    scale_cost: Mapping[str, str] = dataclasses.field(default_factory=dict)
    set_participants: Mapping[str, int] = dataclasses.field(default_factory=dict)
    move_cents: Sequence[Mapping] = ()
    payroll_share: Mapping[str, str] | None = None
    force_items: dataclasses.InitVar[Sequence[str] | None] = None  # the old name of mandatory_items

    def __post_init__(self, force_items=None):
        if force_items is not None:
            _renamed("force_items", "mandatory_items")
            if self.mandatory_items:
                raise error(Errc.invalid_scenario, f"scenario '{self.name}': give mandatory_items or its old name "
                                                   "force_items, not both", [self.name, "force_items"])
            object.__setattr__(self, "mandatory_items", force_items)
        for k in ("scale_budget", "set_budget_cents", "set_cost_cents", "scale_cost", "set_participants"):
            v = getattr(self, k)
            if not isinstance(v, Mapping):
                raise error(Errc.invalid_scenario, f"scenario '{self.name}': {k} must be a mapping, not {type(v).__name__}", [self.name, k])
            object.__setattr__(self, k, dict(v))
        object.__setattr__(self, "drop_items", tuple(self.drop_items))
        object.__setattr__(self, "mandatory_items", tuple(self.mandatory_items))
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

    def __setstate__(self, state):
        # a pickle made before mandatory_items had its old name
        state = dict(state)
        if "force_items" in state:
            state.setdefault("mandatory_items", state.pop("force_items"))
        for k, v in state.items():
            object.__setattr__(self, k, v)

    _FIELDS = ("scale_budget", "set_budget_cents", "drop_items", "mandatory_items", "set_cost_cents", "scale_cost",
               "set_participants", "move_cents", "payroll_share")

    @classmethod
    def from_dict(cls, d: Mapping) -> "Scenario":
        known = {"name", "params", "force_items", *cls._FIELDS}
        extra = set(d) - known
        if extra:
            raise error(Errc.unknown_field, f"scenario: unknown field '{sorted(extra)[0]}'", sorted(extra))
        if "name" not in d:
            raise error(Errc.missing_field, "scenario: missing field 'name'", [])
        return cls(d["name"], d.get("scale_budget", {}), d.get("set_budget_cents", {}),
                   d.get("drop_items", ()), d.get("mandatory_items", ()), d.get("params", {}),
                   d.get("set_cost_cents", {}), d.get("scale_cost", {}), d.get("set_participants", {}),
                   d.get("move_cents", ()), d.get("payroll_share"), force_items=d.get("force_items"))

    def to_dict(self) -> dict:
        """The scenario as in a koers.portfolio file (``params`` left out)."""
        d: dict = {"name": self.name}
        for k in self._FIELDS:
            v = getattr(self, k)
            if v:
                d[k] = (list(v) if k in ("drop_items", "mandatory_items") else
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


def _force_items(self) -> tuple:
    """The old name of :attr:`Scenario.mandatory_items` (DeprecationWarning; goes in the next release)."""
    _renamed("force_items", "mandatory_items")
    return self.mandatory_items


Scenario.force_items = property(_force_items)


def _renamed(old: str, new: str) -> None:
    warnings.warn(f"Scenario.{old} is the old name of {new}; it goes in the next release", DeprecationWarning,
                  stacklevel=4)


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
    out = _core.compose_portfolio_scenarios(a.to_dict(), b.to_dict(), name or "")
    out["params"] = {**a.params, **b.params}
    return Scenario.from_dict(out)


def _as_scenario(s) -> Scenario:
    if isinstance(s, Scenario):
        return s
    if isinstance(s, Mapping):
        return Scenario.from_dict(s)
    raise error(Errc.invalid_argument, f"not a scenario: {type(s).__name__}", [])
