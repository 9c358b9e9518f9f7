"""Cross-check of the exact portfolio solver against HiGHS (highspy, a general MIP solver).

30 seeded random portfolios (15 additive, 15 coverage; 6–60 interventions over 1–3 streams,
with reserved lines, groups of alternatives, "requires" pairs, mandatory and excluded
interventions) are solved by koers (``koers._core.optimise``) and by HiGHS on the MIP
written below. Source of the expected values: HiGHS's proven optimum (mip_rel_gap = 0, absolute
gap < 1 on an integer objective); every selection is re-checked here in exact integer arithmetic.

MIP (x_i binary: intervention i funded; z_g ∈ [0, 1]: goal g counted, coverage only):
    additive  max Σ_i value_i·x_i              coverage  max Σ_g w_g·z_g,  z_g ≤ Σ_{i ∋ g} x_i
    s.t.  Σ_{i ∈ stream s} cost_i·x_i ≤ budget_s − reserved_s      for every stream s
          Σ_{i ∈ G} x_i ≤ max_G                                    for every group G
          x_a ≤ x_b                                                for every pair "a requires b"
          x_i = 1 (mandatory), x_i = 0 (excluded; excluded wins)
"""
from __future__ import annotations

import json
import random

import pytest

import highspy  # a test dependency (pyproject's test extra, installed by make test)

from koers import _core as core


# ---- instances ------------------------------------------------------------------------------------

def random_portfolio(seed: int, objective: str) -> dict:
    rng = random.Random(seed)
    n = rng.randint(6, 60)
    S = rng.randint(1, 3)
    streams = [f"s{k}" for k in range(S)]
    n_goals = max(2, n // 3)
    items = []
    for i in range(n):
        it = {"id": f"i{i}", "stream": rng.choice(streams),
              "cost_cents": 0 if rng.random() < 0.05 else rng.randint(100, 50_000)}
        if objective == "additive":
            it["value"] = rng.randint(-5, 400)
        else:
            it["covers"] = sorted({f"g{rng.randrange(n_goals)}" for _ in range(rng.randint(1, 3))})
        r = rng.random()
        if r < 0.06:
            it["mandatory"] = True
        elif r < 0.09:
            it["excluded"] = True
        items.append(it)
    d = {"format": "koers.portfolio", "version": 1, "name": f"crosscheck {objective} {seed}",
         "objective": objective, "items": items}
    if objective == "coverage":
        d["goals"] = [{"id": f"g{g}", "weight": rng.randint(0, 20)} for g in range(n_goals)]
    mand = {it["id"] for it in items if it.get("mandatory")}
    groups = []
    for k in range(rng.randint(0, max(1, n // 8))):
        members = rng.sample([it["id"] for it in items], rng.randint(2, min(5, n)))
        need = sum(1 for m in members if m in mand)
        groups.append({"id": f"grp{k}", "items": members, "max": max(need, rng.randint(1, 2))})
    if groups:
        d["groups"] = groups
    pairs = set()
    for _ in range(rng.randint(0, max(1, n // 6))):
        a, b = rng.sample(range(n), 2)
        if a < b:
            a, b = b, a
        pairs.add((f"i{a}", f"i{b}"))  # the higher index needs the lower one: acyclic
    if pairs:
        d["requires"] = [list(p) for p in sorted(pairs)]
    st = []
    for s in streams:
        tot = sum(it["cost_cents"] for it in items if it["stream"] == s)
        reserved = rng.choice([0, 0, rng.randint(0, 5_000)])
        st.append({"id": s, "budget_cents": reserved + int(tot * rng.uniform(0.15, 0.7)), "reserved_cents": reserved})
    d["streams"] = st
    return d


# ---- exact checks ---------------------------------------------------------------------------------

def value_if_feasible(d: dict, selected: list[str]):
    """The objective of `selected` in exact integers, or None when it breaks a constraint."""
    sel = set(selected)
    items = {it["id"]: it for it in d["items"]}
    for it in d["items"]:
        if it.get("excluded") and it["id"] in sel:
            return None
        if it.get("mandatory") and not it.get("excluded") and it["id"] not in sel:
            return None
    for s in d["streams"]:
        spend = sum(items[i]["cost_cents"] for i in sel if items[i]["stream"] == s["id"])
        if spend > s["budget_cents"] - s.get("reserved_cents", 0):
            return None
    for g in d.get("groups", []):
        if sum(1 for i in g["items"] if i in sel) > g["max"]:
            return None
    for a, b in d.get("requires", []):
        if a in sel and b not in sel:
            return None
    if d["objective"] == "additive":
        return sum(items[i].get("value", 0) for i in sel)
    covered = {g for i in sel for g in items[i].get("covers", [])}
    return sum(g.get("weight", 1) for g in d["goals"] if g["id"] in covered)


def highs_solve(d: dict):
    """HiGHS on the MIP of the module docstring: ("optimal", selected ids) or ("infeasible", None)."""
    import numpy as np
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.999)  # the objective is an integer
    # no "threads" option: HiGHS refuses to run (status kNotset) when another test of this process
    # has already started its global scheduler with a different thread count
    inf = highspy.kHighsInf
    items = d["items"]
    n = len(items)
    ix = {it["id"]: i for i, it in enumerate(items)}
    cov = d["objective"] == "coverage"
    goals = d.get("goals", []) if cov else []
    ncol = n + len(goals)
    lo, up, obj = np.zeros(ncol), np.ones(ncol), np.zeros(ncol)
    for i, it in enumerate(items):
        if it.get("mandatory"):
            lo[i] = 1
        if it.get("excluded"):
            lo[i] = up[i] = 0
        if not cov:
            obj[i] = it.get("value", 0)
    for k, g in enumerate(goals):
        obj[n + k] = g.get("weight", 1)
    h.addVars(ncol, lo, up)
    h.changeColsCost(ncol, np.arange(ncol, dtype=np.int32), obj)
    h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * n))
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    rows = []
    for s in d["streams"]:
        rows.append((s["budget_cents"] - s.get("reserved_cents", 0),
                     {ix[it["id"]]: it["cost_cents"] for it in items if it["stream"] == s["id"]}))
    for g in d.get("groups", []):
        rows.append((g["max"], {ix[i]: 1 for i in g["items"]}))
    for a, b in d.get("requires", []):
        rows.append((0, {ix[a]: 1, ix[b]: -1}))
    gix = {g["id"]: k for k, g in enumerate(goals)}
    for k in range(len(goals)):
        coefs = {n + k: 1}
        for i, it in enumerate(items):
            if any(gix[g] == k for g in it.get("covers", [])):
                coefs[i] = -1
        rows.append((0, coefs))
    for upper, coefs in rows:
        idx = np.array(list(coefs), dtype=np.int32)
        val = np.array([float(v) for v in coefs.values()])
        h.addRow(-inf, float(upper), len(idx), idx, val)
    h.run()
    st = h.getModelStatus()
    if st == highspy.HighsModelStatus.kInfeasible:
        return "infeasible", None
    assert st == highspy.HighsModelStatus.kOptimal, f"HiGHS ended with {st}"
    x = h.getSolution().col_value
    return "optimal", [items[i]["id"] for i in range(n) if x[i] > 0.5]


CASES = [(seed, "additive") for seed in range(15)] + [(100 + seed, "coverage") for seed in range(15)]


@pytest.mark.parametrize("seed,objective", CASES)
def test_koers_equals_highs(seed, objective):
    d = random_portfolio(seed, objective)
    p = core.parse_portfolio(json.dumps(d))
    r = core.optimise(p, core.SolveOptions())
    hs, hsel = highs_solve(d)
    if hs == "infeasible":
        assert r["status"] == "infeasible"
        assert r.get("conflict")
        return
    assert r["status"] == "optimal"
    # HiGHS's selection is feasible (exact check) and its value is koers's optimum
    hv = value_if_feasible(d, hsel)
    assert hv is not None, "HiGHS returned a selection that breaks a constraint"
    assert r["optimum"] == hv
    assert r["bound"] == r["optimum"] and r["gap"] == 0
    assert value_if_feasible(d, r["selected"]) == r["optimum"]
    if not r["unique"]:
        assert value_if_feasible(d, r["alternative"]) == r["optimum"]
        assert set(r["alternative"]) != set(r["selected"])


def test_family_is_not_trivial():
    """The family includes instances where the budget binds and where groups/requires matter."""
    binding = 0
    for seed, objective in CASES:
        d = random_portfolio(seed, objective)
        r = core.optimise(core.parse_portfolio(json.dumps(d)), core.SolveOptions())
        binding += bool(r.get("binding"))
    assert binding >= 10
