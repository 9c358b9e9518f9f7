"""The exact optimum of one portfolio: :class:`OptimiseResult` (status, optimum, selection, spend,
proof and why each item is or is not funded), the plan-order baseline and the side-by-side
comparison of several results."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from .._checks import INT64_MAX, real, whole
from .._lazy import pandas as pd
from .. import _core
from .._progress import solve_watched
from .money import _html, _money, euros

if TYPE_CHECKING:  # annotations only: a portfolio is passed in, never built here
    from .portfolio import Portfolio

__all__ = ["OptimiseResult", "comparison_table"]


def _options(node_limit=0, time_limit=0.0, check_unique=True, check_binding=True):
    """The C++ SolveOptions of a call (limits checked: E115 naming the argument)."""
    o = _core.SolveOptions()
    o.node_limit = whole(node_limit, "node_limit", 0, INT64_MAX)
    o.time_limit = real(time_limit, "time_limit", 0.0)
    o.check_unique = bool(check_unique)
    o.check_binding = bool(check_binding)
    return o


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
    #: why the status is "limit": "node_limit", "time_limit" or "cancelled" (None otherwise)
    stopped_by = property(lambda self: self.raw.get("stopped_by"))
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
        requires = {}
        for a, b in d.get("requires", []):
            requires.setdefault(a, []).append(b)
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
            elif any(n not in sel for n in requires.get(iid, [])):
                reasons.append(f"not funded: requires {', '.join(n for n in requires[iid] if n not in sel)}")
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
                "binding", "alternative", "nodes", "seconds", "stopped_by"]
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


def _optimise(portfolio: Portfolio, options, progress: bool = False) -> OptimiseResult:
    """The exact optimum of ``portfolio`` with these SolveOptions (Ctrl-C cancels the solve)."""
    raw = solve_watched(lambda counters: _core.optimise(portfolio._p, options, counters), progress, "optimise")
    return OptimiseResult(portfolio, raw)


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
