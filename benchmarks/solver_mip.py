"""Generated portfolio and selection instances, and the same models as MIPs for HiGHS.

Used by ``benchmarks/solver_bench.py`` (koers against HiGHS and CBC). The test
``tests/python/test_solver_crosscheck.py`` writes its own copy of the portfolio MIP, so that the
test does not depend on the benchmark code. Instances are plain dicts in the ``koers.portfolio``
/ ``koers.selection`` file formats; everything is seeded.

The MIPs are written directly with ``highspy.Highs`` (columns, rows, integrality):

portfolio   max Σ v_i x_i  (additive)  or  max Σ w_g z_g, z_g ≤ Σ_{i covers g} x_i, 0 ≤ z_g ≤ 1 (coverage)
            s.t. Σ_{i in stream s} c_i x_i ≤ budget_s − reserved_s,  Σ_{i in group} x_i ≤ max,
            x_a − x_b ≤ 0 for "a requires b", x_i = 1 mandatory, x_i = 0 excluded, x binary.
selection   max Σ s_i x_i  s.t.  Σ_e y_ie = x_i,  Σ_i h_i y_ie ≤ H_e,  Σ_i y_ie ≥ m,
            x_i = 1 pinned, x_a ≤ x_b for needs, x, y binary  (a process goes whole to one expert).

HiGHS is asked for a proven optimum: mip_rel_gap = 0 and, the objectives being integers
(portfolio) or multiples of 10⁻⁶ (selection), an absolute gap below one unit.
"""
from __future__ import annotations

import numpy as np


# ---- instances ------------------------------------------------------------------------------

def generate_portfolio(n: int, objective: str = "additive", seed: int = 1, streams: int = 3,
                       budget_share: float | None = None, groups: bool = True, requires: bool = True,
                       mandatory: bool = True) -> dict:
    """A koers.portfolio dict with `n` interventions over `streams` streams.

    Costs €50–€5.000 in cents; additive values weakly correlated with cost (the classic hard-ish
    knapsack family); coverage: n/5 goals of weight 1–10, each intervention serving 1–3 of them.
    Each stream's budget is `budget_share` of its items' total (default 30 % additive, 10 %
    coverage, so that not every goal can be served).
    """
    rng = np.random.default_rng(seed)
    if budget_share is None:
        budget_share = 0.3 if objective == "additive" else 0.1
    sids = [f"s{k}" for k in range(streams)]
    cost = rng.integers(5_000, 500_000, size=n)
    stream = rng.integers(0, streams, size=n)
    items = []
    n_goals = max(2, n // 5)
    weights = rng.integers(1, 11, size=n_goals)
    for i in range(n):
        it = {"id": f"i{i}", "stream": sids[stream[i]], "cost_cents": int(cost[i])}
        if objective == "additive":
            it["value"] = int(max(1, round(cost[i] / 5_000 * rng.uniform(0.7, 1.3))))
        else:
            k = int(rng.integers(1, 4))
            it["covers"] = sorted({f"g{int(g)}" for g in rng.integers(0, n_goals, size=k)})
        items.append(it)
    if mandatory:
        for i in rng.choice(n, size=max(1, n // 100), replace=False):
            items[int(i)]["mandatory"] = True
    total = {s: 0 for s in sids}
    for it in items:
        total[it["stream"]] += it["cost_cents"]
    st = []
    for s in sids:
        mand = sum(it["cost_cents"] for it in items if it["stream"] == s and it.get("mandatory"))
        reserved = int(total[s] * 0.02)
        budget = int(total[s] * budget_share) + reserved + 2 * mand
        st.append({"id": s, "budget_cents": budget, "reserved_cents": reserved})
    d = {"format": "koers.portfolio", "version": 1, "name": f"generated {objective} {n}",
         "objective": objective, "streams": st, "items": items}
    if objective == "coverage":
        d["goals"] = [{"id": f"g{g}", "weight": int(weights[g])} for g in range(n_goals)]
    mand_ids = {it["id"] for it in items if it.get("mandatory")}
    if groups:
        gs = []
        for k in range(max(1, n // 50)):
            members = [f"i{int(i)}" for i in rng.choice(n, size=int(rng.integers(3, 6)), replace=False)]
            m = sum(1 for x in members if x in mand_ids)
            gs.append({"id": f"grp{k}", "items": members, "max": int(max(m, rng.integers(1, 3)))})
        d["groups"] = gs
    if requires:
        pairs = set()
        for _ in range(max(1, n // 50)):
            a, b = sorted(int(v) for v in rng.choice(n, size=2, replace=False))
            pairs.add((f"i{b}", f"i{a}"))  # higher index needs lower index: acyclic
        d["requires"] = [list(p) for p in sorted(pairs)]
    return d


def generate_selection(n: int = 500, experts: int = 15, seed: int = 1, hours_per_expert: float = 160.0,
                       min_items: int = 1, pinned: int = 2, needs: int = 5) -> dict:
    """A koers.selection dict: `n` processes (scores with 4 decimals, whole hours 8–120, skewed
    small), `experts` experts with 4 h/week over a period (`hours_per_expert` ± 20 %)."""
    rng = np.random.default_rng(seed)
    scores = np.round(rng.uniform(0.05, 1.0, size=n), 4)
    hours = np.clip(np.round(rng.gamma(2.0, 18.0, size=n)), 8, 120).astype(int)
    items = [{"id": f"p{i}", "score": float(scores[i]), "hours": int(hours[i])} for i in range(n)]
    for i in rng.choice(n, size=pinned, replace=False):
        items[int(i)]["mandatory"] = True
    for _ in range(needs):
        a, b = sorted(int(v) for v in rng.choice(n, size=2, replace=False))
        items[b].setdefault("requires", []).append(f"p{a}")
    ex = [{"id": f"e{k}", "hours": float(round(hours_per_expert * rng.uniform(0.8, 1.2)))} for k in range(experts)]
    return {"format": "koers.selection", "version": 1, "name": f"generated selection {n}x{experts}",
            "items": items, "experts": ex, "min_items_per_expert": min_items}


# ---- HiGHS ----------------------------------------------------------------------------------

def _highs(threads: int = 1):
    import highspy
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("threads", threads)
    return h, highspy


def _add_rows(h, inf, rows):
    """rows: list of (lower, upper, {col: coef})."""
    if not rows:
        return
    lo = np.array([r[0] for r in rows], dtype=float)
    up = np.array([r[1] for r in rows], dtype=float)
    starts, idx, val = [], [], []
    for _, _, coefs in rows:
        starts.append(len(idx))
        for c, v in coefs.items():
            idx.append(c)
            val.append(float(v))
    h.addRows(len(rows), lo, up, len(idx), np.array(starts, dtype=np.int32), np.array(idx, dtype=np.int32),
              np.array(val, dtype=float))


def highs_portfolio(d: dict, time_limit: float | None = None, timing: dict | None = None):
    """Solve the portfolio dict with HiGHS. Returns (status, optimum or None, selected ids).
    `timing` (a dict), when given, receives "build" and "run" seconds (model building / h.run())."""
    import time
    t0 = time.perf_counter()
    h, highspy = _highs()
    inf = highspy.kHighsInf
    items = d["items"]
    n = len(items)
    ix = {it["id"]: i for i, it in enumerate(items)}
    cov = d.get("objective", "additive") == "coverage"
    goals = d.get("goals", []) if cov else []
    gix = {g["id"]: k for k, g in enumerate(goals)}
    lo = np.zeros(n + len(goals))
    up = np.ones(n + len(goals))
    cost = np.zeros(n + len(goals))
    for i, it in enumerate(items):
        if it.get("mandatory"):
            lo[i] = 1
        if it.get("excluded"):
            up[i] = 0
        if not cov:
            cost[i] = it.get("value", 0)
    for k, g in enumerate(goals):
        cost[n + k] = g.get("weight", 1)
    h.addVars(n + len(goals), lo, up)
    h.changeColsCost(n + len(goals), np.arange(n + len(goals), dtype=np.int32), cost)
    h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * n))
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    rows = []
    for s in d["streams"]:
        cap = s["budget_cents"] - s.get("reserved_cents", 0)
        rows.append((-inf, float(cap), {ix[it["id"]]: it["cost_cents"] for it in items if it["stream"] == s["id"]}))
    for g in d.get("groups", []):
        rows.append((-inf, float(g["max"]), {ix[i]: 1.0 for i in g["items"]}))
    for a, b in d.get("requires", []):
        rows.append((-inf, 0.0, {ix[a]: 1.0, ix[b]: -1.0}))
    if cov:
        by_goal = {k: {} for k in range(len(goals))}
        for i, it in enumerate(items):
            for g in set(it.get("covers", [])):
                by_goal[gix[g]][i] = -1.0
        for k in range(len(goals)):
            coefs = dict(by_goal[k])
            coefs[n + k] = 1.0
            rows.append((-inf, 0.0, coefs))
    _add_rows(h, inf, rows)
    h.setOptionValue("mip_abs_gap", 0.999)  # integer objective
    if time_limit:
        h.setOptionValue("time_limit", float(time_limit))
    t1 = time.perf_counter()
    h.run()
    if timing is not None:
        timing["build"] = t1 - t0
        timing["run"] = time.perf_counter() - t1
    st = h.getModelStatus()
    if st == highspy.HighsModelStatus.kInfeasible:
        return "infeasible", None, []
    if st == highspy.HighsModelStatus.kTimeLimit:
        return "timeout", None, []
    if st != highspy.HighsModelStatus.kOptimal:
        return str(st), None, []
    x = h.getSolution().col_value
    sel = [items[i]["id"] for i in range(n) if x[i] > 0.5]
    if cov:
        covered = {g for i in range(n) if x[i] > 0.5 for g in items[i].get("covers", [])}
        opt = sum(g.get("weight", 1) for g in goals if g["id"] in covered)
    else:
        opt = sum(items[i].get("value", 0) for i in range(n) if x[i] > 0.5)
    return "optimal", int(opt), sel


def highs_selection(d: dict, time_limit: float | None = None):
    """Solve the selection dict with HiGHS (x_i and y_ie). Returns (status, total score, ids)."""
    h, highspy = _highs()
    inf = highspy.kHighsInf
    items = d["items"]
    n = len(items)
    ix = {it["id"]: i for i, it in enumerate(items)}
    experts = d.get("experts", [])
    E = len(experts)
    pooled = not experts
    ncols = n + (0 if pooled else n * E)
    lo = np.zeros(ncols)
    up = np.ones(ncols)
    cost = np.zeros(ncols)
    for i, it in enumerate(items):
        cost[i] = round(it["score"] * 1e6)  # the same micro-points as koers
        if it.get("mandatory"):
            lo[i] = 1
    h.addVars(ncols, lo, up)
    h.changeColsCost(ncols, np.arange(ncols, dtype=np.int32), cost)
    h.changeColsIntegrality(ncols, np.arange(ncols, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * ncols))
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    rows = []
    y = lambda i, e: n + i * E + e  # noqa: E731
    if pooled:
        rows.append((-inf, float(d["capacity_hours"]), {i: it["hours"] for i, it in enumerate(items)}))
    else:
        for i in range(n):
            coefs = {y(i, e): 1.0 for e in range(E)}
            coefs[i] = -1.0
            rows.append((0.0, 0.0, coefs))
        m = d.get("min_items_per_expert", 0)
        for e, ex in enumerate(experts):
            rows.append((-inf, float(ex["hours"]), {y(i, e): it["hours"] for i, it in enumerate(items)}))
            if m:
                rows.append((float(m), inf, {y(i, e): 1.0 for i in range(n)}))
    for b, it in enumerate(items):
        for a in it.get("requires", []):
            rows.append((-inf, 0.0, {b: 1.0, ix[a]: -1.0}))
    _add_rows(h, inf, rows)
    h.setOptionValue("mip_abs_gap", 0.999)  # integer micro-points
    if time_limit:
        h.setOptionValue("time_limit", float(time_limit))
    h.run()
    st = h.getModelStatus()
    if st == highspy.HighsModelStatus.kInfeasible:
        return "infeasible", None, []
    if st != highspy.HighsModelStatus.kOptimal:
        return str(st), None, []
    x = h.getSolution().col_value
    sel = [items[i]["id"] for i in range(n) if x[i] > 0.5]
    return "optimal", sum(items[i]["score"] for i in range(n) if x[i] > 0.5), sel


def main(argv=None) -> int:
    """``python solver_mip.py portfolio FILE``: solve a koers.portfolio file with HiGHS and print
    ``{"status", "optimum", "selected"}`` as JSON — the "HiGHS from a script" of bench_startup."""
    import json
    import sys
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or argv[0] not in ("portfolio", "selection"):
        print("usage: solver_mip.py portfolio|selection FILE", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        d = json.load(f)
    solve = highs_portfolio if argv[0] == "portfolio" else highs_selection
    status, optimum, selected = solve(d)
    json.dump({"status": status, "optimum": optimum, "selected": selected}, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
