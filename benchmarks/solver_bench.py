"""Benchmark: the exact koers portfolio solver against HiGHS (highspy) and CBC (via PuLP).

    PYTHONPATH=python .venv/bin/python benchmarks/solver_bench.py [--sizes 100 1000 5000]
        [--seeds 1 2 3] [--time-limit 30] [--no-cbc] [--out benchmarks/results/solver.txt]

For n in --sizes × {additive, coverage} one generated portfolio (benchmarks/solver_mip.py,
seeded: three streams, costs € 50–€ 5.000, groups, requires pairs, mandatory interventions) is
solved by every solver, each in its own subprocess (so that the peak memory of one does not
count for another):

  koers  koers._core.optimise with check_unique = check_binding = False (the optimum and
         its proof bound = optimum only — what the MIP solvers give); time = the solver's own
         clock (r["seconds"]), parsing excluded;
  HiGHS  the MIP of solver_mip.highs_portfolio, one thread, mip_rel_gap = 0 and an absolute gap
         below 1 (the objective is an integer): a proven optimum; time = h.run() only;
  CBC    the same MIP through PuLP's bundled CBC binary, one thread, gapRel = 0, gapAbs = 0.999;
         time = the solve call (includes writing the model file for the CBC process).

koers and HiGHS solves that take less than 2 s are repeated (fresh model, up to five runs)
and the fastest run counts: the 2 cores are shared with other work. Every solve has the same
time limit; a solver that hits it is reported as "timeout" (and no
ratio is claimed). "same" = every solver that finished found the same optimum as koers.
Peak memory: ru_maxrss of the worker process after the solve (CBC: of its CBC child), i.e. the
whole Python process with numpy/highspy loaded; "base" is the worker's RSS before the solve
and py-peak the tracemalloc peak of the Python-side allocations during the solve.
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
import tracemalloc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def _version(dist: str) -> str:
    try:
        from importlib.metadata import version
        return version(dist)
    except Exception:  # noqa: BLE001
        return "?"


def _rss_now_kb() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


# ---- workers (run in a subprocess) ----------------------------------------------------------------

def worker_koers(path: str, tl: float) -> dict:
    import koers._core as core
    text = open(path).read()
    p = core.parse_portfolio(text)
    o = core.SolveOptions()
    o.check_unique = False
    o.check_binding = False
    o.time_limit = tl
    base = _rss_now_kb()
    tracemalloc.start()
    best, wall, spent = None, None, 0.0
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        r = core.optimise(p, o)
        w = time.perf_counter() - t0
        spent += w
        best = r["seconds"] if best is None else min(best, r["seconds"])
        wall = w if wall is None else min(wall, w)
        if spent > REPEAT_BUDGET or r["status"] != "optimal":
            break
    py_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    status = {"optimal": "optimal", "limit": "timeout"}.get(r["status"], r["status"])
    return {"status": status, "optimum": r.get("optimum") if status == "optimal" else None,
            "seconds": best, "wall": wall, "nodes": r.get("nodes"),
            "bound": r.get("bound"),
            "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "base_kb": base, "py_peak": py_peak}


def worker_highs(path: str, tl: float) -> dict:
    from solver_mip import highs_portfolio
    d = json.load(open(path))
    base = _rss_now_kb()
    tracemalloc.start()
    best, spent = None, 0.0
    for _ in range(REPEAT):
        timing: dict = {}
        st, opt, _ = highs_portfolio(d, time_limit=tl, timing=timing)
        spent += timing["build"] + timing["run"]
        best = timing["run"] if best is None else min(best, timing["run"])
        if spent > REPEAT_BUDGET or st != "optimal":
            break
    py_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"status": st, "optimum": opt, "seconds": best, "build": timing.get("build"),
            "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "base_kb": base, "py_peak": py_peak}


def worker_cbc(path: str, tl: float) -> dict:
    import pulp
    d = json.load(open(path))
    base = _rss_now_kb()
    tracemalloc.start()
    items = d["items"]
    cov = d.get("objective", "additive") == "coverage"
    prob = pulp.LpProblem("portfolio", pulp.LpMaximize)
    x = {it["id"]: pulp.LpVariable(f"x{k}", cat="Binary") for k, it in enumerate(items)}
    goals = d.get("goals", []) if cov else []
    z = {g["id"]: pulp.LpVariable(f"z{k}", lowBound=0, upBound=1) for k, g in enumerate(goals)}
    if cov:
        prob += pulp.lpSum(g.get("weight", 1) * z[g["id"]] for g in goals)
        by_goal: dict = {g["id"]: [] for g in goals}
        for it in items:
            for g in set(it.get("covers", [])):
                by_goal[g].append(x[it["id"]])
        for g in goals:
            prob += z[g["id"]] <= pulp.lpSum(by_goal[g["id"]])
    else:
        prob += pulp.lpSum(it.get("value", 0) * x[it["id"]] for it in items)
    for s in d["streams"]:
        prob += pulp.lpSum(it["cost_cents"] * x[it["id"]] for it in items if it["stream"] == s["id"]) <= \
            s["budget_cents"] - s.get("reserved_cents", 0)
    for g in d.get("groups", []):
        prob += pulp.lpSum(x[i] for i in g["items"]) <= g["max"]
    for a, b in d.get("requires", []):
        prob += x[a] <= x[b]
    for it in items:
        if it.get("excluded"):
            prob += x[it["id"]] == 0
        elif it.get("mandatory"):
            prob += x[it["id"]] == 1
    solver = pulp.PULP_CBC_CMD(msg=False, timeLimit=tl, gapRel=0.0, gapAbs=0.999, threads=1)
    t0 = time.perf_counter()
    prob.solve(solver)
    secs = time.perf_counter() - t0
    py_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    st = pulp.LpStatus[prob.status]
    sol_ok = prob.sol_status == pulp.LpSolutionOptimal
    opt = None
    if st == "Optimal" and sol_ok:
        sel = {it["id"] for it in items if (x[it["id"]].value() or 0) > 0.5}
        if cov:
            covered = {g for it in items if it["id"] in sel for g in it.get("covers", [])}
            opt = sum(g.get("weight", 1) for g in goals if g["id"] in covered)
        else:
            opt = sum(it.get("value", 0) for it in items if it["id"] in sel)
        status = "optimal"
    elif st == "Infeasible":
        status = "infeasible"
    else:
        status = "timeout"
    return {"status": status, "optimum": opt, "seconds": secs,
            "rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "base_kb": base, "py_peak": py_peak}


WORKERS = {"koers": worker_koers, "highs": worker_highs, "cbc": worker_cbc}
#: koers and HiGHS solves are repeated (fresh model each time) up to REPEAT times while they
#: have taken less than REPEAT_BUDGET seconds in all; the fastest run counts (the machine is shared).
REPEAT, REPEAT_BUDGET = 5, 2.0


def case(kind: str, path: str, tl: float):
    """harness.call setup: one worker run; the timed step is the solver's own (best) seconds."""
    def body():
        r = WORKERS[kind](path, tl)
        r["steps"] = {"solve": r["seconds"] or 0.0}
        return r
    return body, (lambda r: r)


def run_worker(kind: str, path: str, tl: float) -> dict:
    """One worker in its own process through benchmarks/harness.py; its dict + "_timing"."""
    import harness
    try:
        t = harness.call(__file__, "case", {"kind": kind, "path": path, "tl": tl}, repeat=1, warmup=0,
                         timeout=tl * 2 + 60)
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "optimum": None, "seconds": None, "rss_kb": None}
    except RuntimeError as e:
        return {"status": "error: " + str(e).strip().splitlines()[-1], "optimum": None, "seconds": None, "rss_kb": None}
    d = dict(t.info)
    d["_timing"] = t.step("solve")
    return d


# ---- driver ---------------------------------------------------------------------------------------

def fmt_t(r: dict) -> str:
    if r["status"] == "optimal":
        return f"{r['seconds']:.4f}"
    return r["status"]


def fmt_mb(r: dict) -> str:
    if not r.get("rss_kb"):
        return "-"
    if r.get("base_kb") and r is not None and r.get("kind") != "cbc":
        return f"{r['rss_kb'] / 1024:.0f} (+{max(0, r['rss_kb'] - r['base_kb']) / 1024:.0f})"
    return f"{r['rss_kb'] / 1024:.0f}"


def ratio(k: dict, o: dict) -> str:
    if k["status"] != "optimal" or o["status"] != "optimal" or not k["seconds"]:
        if k["status"] == "optimal" and o["status"] == "timeout":
            return f">{o.get('limit', 0) / max(k['seconds'], 1e-6):.0f}"
        return "-"
    return f"{o['seconds'] / max(k['seconds'], 1e-6):.1f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    ap.add_argument("--objectives", nargs="+", default=["additive", "coverage"])
    ap.add_argument("--seeds", type=int, nargs="+", default=[1], help="one instance per seed and size")
    ap.add_argument("--time-limit", type=float, default=30.0, help="seconds per solve (every solver)")
    ap.add_argument("--no-cbc", action="store_true")
    ap.add_argument("--out", help="also write the printed report to this file")
    ap.add_argument("--quick", action="store_true", help="1,000 interventions only, no CBC, 10 s limit")
    ap.add_argument("--worker", nargs=3, metavar=("KIND", "FILE", "TL"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.quick:
        a.sizes, a.no_cbc, a.time_limit = [1000], True, min(a.time_limit, 10.0)
    if a.worker:
        kind, path, tl = a.worker
        print(json.dumps(WORKERS[kind](path, float(tl))))
        return 0

    from solver_mip import generate_portfolio
    have_cbc = False
    if not a.no_cbc:
        try:
            import pulp
            have_cbc = "PULP_CBC_CMD" in pulp.listSolvers(onlyAvailable=True)
        except ImportError:
            pass
    import highspy  # noqa: F401  (fail here, before any worker starts, when HiGHS is missing)
    lines = []

    def out(s=""):
        print(s, flush=True)
        lines.append(s)

    out("koers exact portfolio solver vs HiGHS" + (" and CBC" if have_cbc else " (CBC not available)"))
    out(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores (shared); Python {platform.python_version()}; highspy {_version('highspy')}"
        + (f"; PuLP {pulp.__version__} CBC" if have_cbc else ""))
    out(f"generated portfolios (benchmarks/solver_mip.py, seeds {' '.join(map(str, a.seeds))}), three streams; one thread per solver; "
        f"time limit {a.time_limit:g} s per solve")
    out("times in seconds of the solve itself; ratio = other solver's time / koers's time; "
        "peak = ru_maxrss of the solver's process in MB (+ growth during the solve)")
    out()
    hdr = f"{'seed':>4} {'n':>5} {'objective':<9} {'koers':>8} {'nodes':>9} {'HiGHS':>8} {'ratio':>7}"
    if have_cbc:
        hdr += f" {'CBC':>8} {'ratio':>7}"
    hdr += f" {'optimum':>8} {'same':>5} {'peak koers':>11} {'peak HiGHS':>11}"
    if have_cbc:
        hdr += f" {'peak CBC':>9}"
    out(hdr)
    out("-" * len(hdr))
    import harness
    rep = harness.Report("solver_bench", "Exact portfolio solver against HiGHS (and CBC), one thread each", a.quick)
    tmp = tempfile.mkdtemp(prefix="koers_bench_")
    rows = []
    for seed, n, obj in [(s, n, o) for s in a.seeds for n in a.sizes for o in a.objectives]:
        if True:
            d = generate_portfolio(n, obj, seed=seed)
            path = os.path.join(tmp, f"p_{obj}_{n}_{seed}.json")
            with open(path, "w") as f:
                json.dump(d, f)
            k = run_worker("koers", path, a.time_limit)
            h = run_worker("highs", path, a.time_limit)
            h["limit"] = a.time_limit
            c = run_worker("cbc", path, a.time_limit) if have_cbc else None
            if c:
                c["limit"] = a.time_limit
                c["kind"] = "cbc"
            finished = [r for r in (k, h, c) if r and r["status"] == "optimal"]
            same = "yes" if len({r["optimum"] for r in finished}) <= 1 and finished else "NO"
            if len(finished) < 2:
                same = "-" if not finished else "n/a"
            row = f"{seed:>4} {n:>5} {obj:<9} {fmt_t(k):>8} {str(k.get('nodes', '-')):>9} {fmt_t(h):>8} {ratio(k, h):>7}"
            if have_cbc:
                row += f" {fmt_t(c):>8} {ratio(k, c):>7}"
            opt = k["optimum"] if k["status"] == "optimal" else (finished[0]["optimum"] if finished else "-")
            row += f" {str(opt):>8} {same:>5} {fmt_mb(k):>11} {fmt_mb(h):>11}"
            if have_cbc:
                row += f" {fmt_mb(c):>9}"
            out(row)
            rows.append({"seed": seed, "n": n, "objective": obj, "koers": k, "highs": h, "cbc": c})
            if "_timing" in k:
                label = f"portfolio {n:,} {obj}, seed {seed}" + ("" if k["status"] == "optimal" else f" — koers {k['status']}")
                for name, o in (("HiGHS", h), ("CBC", c)):
                    if o is None:
                        continue
                    rep.add(label if o["status"] == "optimal" else f"{label} — {name} {o['status']}", k["_timing"],
                            name, o.get("_timing"), harness.at_least(10) if n == 1000 and name == "HiGHS" else None,
                            note=f"same optimum: {same}")
    out()
    kb = [r["koers"].get("base_kb") for r in rows if r["koers"].get("base_kb")]
    hb = [r["highs"].get("base_kb") for r in rows if r["highs"].get("base_kb")]
    if kb and hb:
        out(f"process RSS before the solve (interpreter, numpy, module, the instance): koers workers "
            f"{min(kb) / 1024:.0f}-{max(kb) / 1024:.0f} MB, HiGHS workers {min(hb) / 1024:.0f}-{max(hb) / 1024:.0f} MB; "
            "CBC peak is its own process")
    pk = [r["koers"].get("py_peak", 0) for r in rows]
    ph = [r["highs"].get("py_peak", 0) for r in rows]
    out(f"tracemalloc peak of Python allocations during the solve: koers ≤ {max(pk) / 1e6:.2f} MB, "
        f"HiGHS model building ≤ {max(ph) / 1e6:.2f} MB")
    rep.note("times: each solver's own solve time (koers: its clock, best of up to 5 runs within 2 s; HiGHS: "
             "h.run(); CBC: the solve call); same optimum checked for every solver that finished")
    rep.save()
    if a.out:
        with open(a.out, "w") as f:
            f.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
