"""Benchmark: koers's exact selection (issue 4 §6) against HiGHS on the same model.

    python benchmarks/bench_select.py [--quick] [--sizes 100 500] [--seeds 1 2 3]

"The selection for 500 processes and 15 experts (target: proven optimal in under 1 s), against
HiGHS on the same model. Print the ratios."

Instances (seeded, :func:`generate`): n processes with hours 40–200 h in steps of 10 h (odd
seeds) or 20 h (even seeds), and the largest size again with irregular hours (uniform in
40–200 h, rounded to 0.1 h: few equal sizes) for every seed; score = a 5-criteria weighted sum (weights .30 .25 .20 .15 .10 of
integer criterion scores 1–10, divided by 10; so scores lie in 0.1–1.0 with many ties); a few
pinned urgent processes (n/100, at least 2); 15 experts with 202.4 h each (4 h/week over the
253 Dutch working days of 2022, ``koers.selection.expert_hours``); at least 1 process per expert.

koers   ``koers.select(Selection.from_dict(d), check_unique=False, compare_top_n=False)``; for the
        irregular hours also ``check_unique=True`` (the default call), the uniqueness proven too;
        time = the solver's own ``seconds`` (parsing excluded); nodes, bound and gap as reported.
        koers works in micro-points and milli-hours (exact integers).
HiGHS   the MIP written here with highspy: x_ie binary (process i to expert e),
        Σ_e x_ie ≤ 1 (= 1 for pinned), Σ_i hours_i x_ie ≤ H_e, Σ_i x_ie ≥ 1,
        max Σ score_i x_ie; mip_rel_gap = 0, mip_abs_gap = 1e-6 (scores are multiples of 1e-6);
        no "threads" option (HiGHS's default; its MIP search is serial); time = h.run() only.

Both solutions are re-checked here in exact milli-hours (every process at most once, pinned ones
in, each expert within its hours and with ≥ 1 process). Optimum values are compared with a
tolerance of 1e-6 × n (koers rounds scores to micro-points, HiGHS sums doubles). Every solver runs
in its own subprocess; peak memory = ru_maxrss of that process (+ growth during the solve).
A solver that hits its time limit is reported as "limit" (koers, with its incumbent, bound, gap
and nodes) or "timeout" (HiGHS); no ratio is claimed beyond what the limit allows.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np

import harness

WEIGHTS = (0.30, 0.25, 0.20, 0.15, 0.10)
EXPERT_HOURS = 202.4   # 4 h/week × 253 working days / 5 (2022, Dutch public holidays)


def generate(n: int, seed: int = 1, experts: int = 15, step: float | None = None) -> dict:
    """A koers.selection dict (see the module docstring); ``step`` 0.1: irregular hours, uniform
    in 40–200 h rounded to 0.1 h (few equal sizes: docs/solver.md, open ends)."""
    rng = np.random.default_rng(seed)
    step = step or (10 if seed % 2 else 20)
    crit = rng.integers(1, 11, size=(n, len(WEIGHTS)))
    scores = crit @ np.array(WEIGHTS) / 10.0
    if step < 1:
        hours = np.round(rng.uniform(40, 200, size=n) / step) * step
        hv = [float(round(h, 1)) for h in hours]
    else:
        hv = [int(h) for h in rng.choice(np.arange(40, 201, step), size=n)]
    items = [{"id": f"p{i:03d}", "score": float(round(scores[i], 6)), "hours": hv[i]} for i in range(n)]
    for i in rng.choice(n, size=max(2, n // 100), replace=False):
        items[int(i)]["mandatory"] = True
    ex = [{"id": f"e{k + 1:02d}", "hours": EXPERT_HOURS} for k in range(experts)]
    return {"format": "koers.selection", "version": 1, "name": f"bench {n}x{experts} seed {seed} step {step}",
            "items": items, "experts": ex, "min_items_per_expert": 1}


def check(d: dict, assignment: dict) -> str:
    """'ok' when the assignment (expert → ids) is feasible, in exact milli-hours; else why not."""
    items = {it["id"]: it for it in d["items"]}
    seen: set = set()
    for e in d["experts"]:
        ps = assignment.get(e["id"], [])
        if len(ps) < d.get("min_items_per_expert", 0):
            return f"{e['id']} below minimum"
        used = sum(round(items[p]["hours"] * 1000) for p in ps)
        if used > round(e["hours"] * 1000):
            return f"{e['id']} over its hours"
        for p in ps:
            if p in seen:
                return f"{p} twice"
            seen.add(p)
    if any(it.get("mandatory") and it["id"] not in seen for it in d["items"]):
        return "mandatory missing"
    return "ok"


def _rss_now_kb() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


# ---- workers (each in its own subprocess) ----------------------------------------------------

def worker_koers(path: str, tl: float, unique: bool = False) -> dict:
    import koers
    d = json.load(open(path))
    s = koers.Selection.from_dict(d)
    base = _rss_now_kb()
    t0 = time.perf_counter()
    r = koers.select(s, time_limit=tl, check_unique=unique, compare_top_n=False)
    wall = time.perf_counter() - t0
    found = r.status == "optimal" or (r.status == "limit" and len(r.selected) > 0)
    ok = check(d, r.assignment_map) if found else "-"
    return {"status": r.status, "value": r.optimum if found else None, "bound": r.bound, "gap": r.gap, "nodes": r.nodes,
            "seconds": r.seconds, "wall": wall, "check": ok, "selected": len(r.selected), "unique": bool(r.unique),
            "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "base_kb": base}


def worker_highs(path: str, tl: float) -> dict:
    import highspy
    d = json.load(open(path))
    base = _rss_now_kb()
    items, ex = d["items"], d["experts"]
    n, E = len(items), len(ex)
    N = n * E
    col = lambda i, e: i * E + e  # noqa: E731
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 1e-6)
    h.setOptionValue("time_limit", float(tl))
    inf = highspy.kHighsInf
    idx = np.arange(N, dtype=np.int32)
    h.addVars(N, np.zeros(N), np.ones(N))
    h.changeColsCost(N, idx, np.repeat([float(it["score"]) for it in items], E))
    h.changeColsIntegrality(N, idx, np.array([highspy.HighsVarType.kInteger] * N))
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    lo, up, starts, ind, val = [], [], [], [], []
    for i, it in enumerate(items):                      # Σ_e x_ie ≤ 1 (= 1 pinned)
        lo.append(1.0 if it.get("mandatory") else -inf)
        up.append(1.0)
        starts.append(len(ind))
        ind += [col(i, e) for e in range(E)]
        val += [1.0] * E
    m = float(d.get("min_items_per_expert", 0))
    for e, x in enumerate(ex):
        lo.append(-inf)                                  # Σ_i hours_i x_ie ≤ H_e
        up.append(float(x["hours"]))
        starts.append(len(ind))
        ind += [col(i, e) for i in range(n)]
        val += [float(it["hours"]) for it in items]
        if m:
            lo.append(m)                                 # Σ_i x_ie ≥ m
            up.append(inf)
            starts.append(len(ind))
            ind += [col(i, e) for i in range(n)]
            val += [1.0] * n
    h.addRows(len(lo), np.array(lo), np.array(up), len(ind), np.array(starts, dtype=np.int32),
              np.array(ind, dtype=np.int32), np.array(val))
    t0 = time.perf_counter()
    h.run()
    secs = time.perf_counter() - t0
    st = h.getModelStatus()
    info = h.getInfo()
    out = {"seconds": secs, "nodes": int(info.mip_node_count), "bound": float(info.mip_dual_bound),
           "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "base_kb": base, "value": None,
           "check": "-"}
    if st == highspy.HighsModelStatus.kOptimal:
        x = np.asarray(h.getSolution().col_value).reshape(n, E)
        assignment = {ex[e]["id"]: [items[i]["id"] for i in range(n) if x[i, e] > 0.5] for e in range(E)}
        out.update(status="optimal", check=check(d, assignment),
                   value=float(sum(items[i]["score"] for i in range(n) if x[i].max() > 0.5)))
    elif st == highspy.HighsModelStatus.kInfeasible:
        out.update(status="infeasible")
    elif st == highspy.HighsModelStatus.kTimeLimit:
        out.update(status="timeout")
        if info.primal_solution_status == 2:
            out["value"] = float(info.objective_function_value)
    else:
        out.update(status=h.modelStatusToString(st))
    return out


def worker_koers_default(path: str, tl: float) -> dict:
    """``koers.select(s)`` as the README calls it: with the uniqueness question."""
    return worker_koers(path, tl, unique=True)


WORKERS = {"koers": worker_koers, "highs": worker_highs, "koers_default": worker_koers_default}


def case(kind: str, path: str, tl: float):
    """harness.call setup: one solve by `kind`; the timed step is the solver's own seconds."""
    def body():
        r = WORKERS[kind](path, tl)
        r["steps"] = {"solve": r["seconds"] or 0.0}
        return r
    return body, (lambda r: r)


def run_worker(kind: str, path: str, tl: float) -> dict:
    """One solve in its own process through benchmarks/harness.py; the worker's dict + "_timing"."""
    try:
        t = harness.call(__file__, "case", {"kind": kind, "path": path, "tl": tl}, repeat=1, warmup=0,
                         timeout=tl * 2 + 60)
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "value": None, "seconds": None, "rss_kb": None}
    except RuntimeError as e:
        return {"status": "error: " + str(e).strip().splitlines()[-1], "value": None, "seconds": None, "rss_kb": None}
    d = dict(t.info)
    d["_timing"] = t.step("solve")
    return d


# ---- driver -----------------------------------------------------------------------------------

def _version(dist: str) -> str:
    try:
        from importlib.metadata import version
        return version(dist)
    except Exception:  # noqa: BLE001
        return "?"


def fmt_v(v) -> str:
    return "-" if v is None else f"{v:.6f}"


def fmt_mb(r: dict) -> str:
    if not r.get("rss_kb"):
        return "-"
    return f"{r['rss_kb'] / 1024:.0f} (+{max(0, r['rss_kb'] - r.get('base_kb', 0)) / 1024:.0f})"


def ratio(k: dict, h: dict, ktl: float, htl: float) -> str:
    """HiGHS time / koers time; bounds only when one of them stopped at its limit."""
    ko, ho = k["status"] == "optimal", h["status"] == "optimal"
    if ko and ho:
        return f"{h['seconds'] / max(k['seconds'], 1e-6):.1f}"
    if ko and h["status"] == "timeout":
        return f">{htl / max(k['seconds'], 1e-6):.0f}"
    if k["status"] == "limit" and ho:   # koers would need more than the time it took
        return f"<{h['seconds'] / max(k['seconds'] or ktl, 1e-6):.2f}"
    return "-"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes only (a smoke run)")
    ap.add_argument("--sizes", type=int, nargs="+", default=None, help="default 100 500 (--quick: 30)")
    ap.add_argument("--seeds", type=int, nargs="+", default=None, help="default 1 2 3 (--quick: 1)")
    ap.add_argument("--experts", type=int, default=15)
    ap.add_argument("--time-limit", type=float, default=None, help="HiGHS seconds per solve (default 60; --quick 10)")
    ap.add_argument("--koers-time-limit", type=float, default=None,
                    help="koers seconds per solve (default 10 = 10× the 1 s target; --quick 5)")
    ap.add_argument("--out", help="also write the printed report to this file")
    ap.add_argument("--worker", nargs=3, metavar=("KIND", "FILE", "TL"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.worker:
        kind, path, tl = a.worker
        print(json.dumps(WORKERS[kind](path, float(tl))))
        return 0
    sizes = a.sizes or ([30] if a.quick else [100, 500])
    seeds = a.seeds or ([1] if a.quick else [1, 2, 3])
    htl = a.time_limit or (10.0 if a.quick else 60.0)
    ktl = a.koers_time_limit or (5.0 if a.quick else 10.0)
    # the 100-process instances are for scale; the target is 500: one seed of the smaller sizes;
    # then the largest size with irregular hours (0.1 h steps) for every seed
    cases = [(n, s, None) for n in sizes for s in (seeds if n == max(sizes) else seeds[:1])]
    cases += [(max(sizes), s, 0.1) for s in seeds]

    lines: list = []

    def out(s=""):
        print(s, flush=True)
        lines.append(s)

    out("koers exact selection (issue 4 §6) vs HiGHS on the same model")
    out(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {platform.machine()}, {os.cpu_count()} cores (shared); "
        f"Python {platform.python_version()}; highspy {_version('highspy')}")
    out(f"generated selections (bench_select.generate): {a.experts} experts × {EXPERT_HOURS} h, ≥ 1 process each, "
        "hours 40–200 in steps of 10 (odd seed) / 20 (even seed) or irregular (0.1 h steps), 5-criteria weighted-sum "
        "scores, n/100 pinned")
    out(f"time limits: koers {ktl:g} s, HiGHS {htl:g} s; HiGHS: x_ie binary MIP, mip_rel_gap 0, mip_abs_gap 1e-6, "
        "default threads")
    out("value = total score (koers: incumbent when stopped at its limit); same = |koers − HiGHS| ≤ 1e-6 × n; "
        "ratio = HiGHS time / koers time ('<r': koers hit its limit, so the ratio is below r);")
    out("koers value '-' = no feasible selection found before the limit (status limit, empty selection)")
    out("check = both assignments re-checked in exact milli-hours; peak = ru_maxrss of the solver's process in MB "
        "(+ growth during the solve)")
    out()
    hdr = (f"{'n':>4} {'seed':>4} {'step':>4} {'koers':>8} {'status':>7} {'nodes':>8} {'value':>10} {'bound':>10} "
           f"{'HiGHS':>8} {'status':>7} {'nodes':>6} {'value':>10} {'ratio':>6} {'same':>4} {'check':>5} "
           f"{'peak koers':>10} {'peak HiGHS':>10}")
    out(hdr)
    out("-" * len(hdr))
    rep = harness.Report("bench_select", "Selection of processes under expert hours, proven optimal", a.quick)
    tmp = tempfile.mkdtemp(prefix="koers_bench_select_")
    rows = []
    for n, seed, step in cases:
        d = generate(n, seed, a.experts, step)
        step = step or (10 if seed % 2 else 20)
        path = os.path.join(tmp, f"s_{n}_{seed}_{step}.json")
        with open(path, "w") as f:
            json.dump(d, f)
        k = run_worker("koers", path, ktl)
        h = run_worker("highs", path, htl)
        tol = 1e-6 * n
        if k.get("value") is not None and h["status"] == "optimal":
            diff = k["value"] - h["value"]
            same = "yes" if abs(diff) <= tol else ("NO" if k["status"] == "optimal" else "no")
        else:
            same = "-"
        chk = "ok" if k.get("check") in ("ok", "-") and h.get("check") in ("ok", "-") else \
            f"k:{k.get('check')} h:{h.get('check')}"
        kt = f"{k['seconds']:.3f}" if k.get("seconds") is not None else "-"
        ht = f"{h['seconds']:.3f}" if h.get("seconds") is not None else "-"
        out(f"{n:>4} {seed:>4} {step:>4g} {kt:>8} {k['status']:>7} {str(k.get('nodes', '-')):>8} "
            f"{fmt_v(k.get('value')):>10} {fmt_v(k.get('bound')):>10} {ht:>8} {h['status']:>7} "
            f"{str(h.get('nodes', '-')):>6} {fmt_v(h.get('value')):>10} {ratio(k, h, ktl, htl):>6} {same:>4} "
            f"{chk:>5} {fmt_mb(k):>10} {fmt_mb(h):>10}")
        u = run_worker("koers_default", path, ktl) if step == 0.1 else None
        rows.append((n, seed, step, k, h, u))
        if "_timing" in k:
            label = f"select {n} × {a.experts}, seed {seed} (step {step:g} h)"
            label += "" if k["status"] == "optimal" else f" — koers {k['status']}"
            label += "" if h["status"] == "optimal" else f" — HiGHS {h['status']}"
            # the target counts every 500-process instance: a proof under 1 s (a `limit` misses it)
            proven = k["status"] == "optimal"
            target = ("proven optimal < 1000 ms", lambda kt, _alt, proven=proven: proven and kt.ms < 1000)
            rep.add(label, k["_timing"], "HiGHS" if "_timing" in h else "", h.get("_timing"),
                    target if n == 500 else None, note=f"same optimum: {same}; check: {chk}")
        if u is not None and "_timing" in u:
            label = f"select {n} × {a.experts}, seed {seed} (step {step:g} h), uniqueness asked (the default)"
            label += "" if u["status"] == "optimal" else f" — koers {u['status']}"
            same_u = "yes" if u.get("value") is not None and k.get("value") is not None and \
                abs(u["value"] - k["value"]) <= 1e-6 * n else "NO"
            rep.add(label, u["_timing"], "", None, None,
                    note=f"unique: {'yes' if u.get('unique') else 'no'}; same optimum: {same_u}; check: {u.get('check')}")
    out()
    for n, seed, step, k, h, u in rows:
        notes = []
        if k["status"] != "optimal":
            notes.append(f"koers (limit {ktl:g} s) stopped after {k.get('seconds') or 0:.1f} s and {k.get('nodes')} nodes "
                         f"({k.get('nodes', 0) / max(k.get('seconds') or ktl, 1e-9):.0f} nodes/s), "
                         f"incumbent {fmt_v(k.get('value'))}, bound {fmt_v(k.get('bound'))}, gap {fmt_v(k.get('gap'))}")
        if h["status"] == "optimal" and k.get("bound") is not None and k["bound"] < h["value"] - 1e-6 * n:
            notes.append(f"koers's bound {k['bound']:.6f} is BELOW HiGHS's optimum {h['value']:.6f}")
        if h["status"] == "optimal" and k.get("value") is not None and k["status"] != "optimal":
            notes.append(f"HiGHS optimum {h['value']:.6f} (koers incumbent {h['value'] - k['value']:.6f} below)")
        if h["status"] == "timeout":
            notes.append(f"HiGHS stopped at {htl:g} s, incumbent {fmt_v(h.get('value'))}, bound {fmt_v(h.get('bound'))}")
        if u is not None:
            ut = f"{u['seconds']:.3f} s" if u.get("seconds") is not None else "-"
            notes.append(f"with the uniqueness question (koers.select(s), the default): {u['status']} in {ut}, "
                         f"{u.get('nodes')} nodes, unique: {'yes' if u.get('unique') else 'no'}, "
                         f"value {fmt_v(u.get('value'))}, check {u.get('check')}")
        if notes:
            out(f"n={n} seed={seed} step={step:g}: " + "; ".join(notes))
    target = [k for n, _, _, k, _, _ in rows if n == 500]
    if target:
        met = sum(1 for k in target if k["status"] == "optimal" and k["seconds"] < 1.0)
        out(f"target (500 processes, {a.experts} experts, proven optimal < 1 s): met on {met} of {len(target)} instances")
    rep.note("koers: the solver's own seconds (parsing excluded); HiGHS: h.run() only; each solve in its own process")
    rep.save()
    if a.out:
        with open(a.out, "w") as f:
            f.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
