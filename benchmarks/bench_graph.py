"""Strategy-graph benchmark: koers against networkx doing the same work, side by side.

Work per case: load the plan file, validate it (duplicate ids, unknown references, the
allowed-edge table, cycles in refines/decomposes, goals no intervention serves, interventions
that serve no goal), coverage of every goal, and GRL propagation of one strategy
(contributions weighted by strength, AND decomposition = min, OR/XOR = max, clamped to
-100..100, jUCMNav's tolerance). Two plan shapes: ``flat`` (benchmarks/generate.py
``generate``: developments → goals → learning goals, even fan-out) and ``themed``
(``generate_themed``: developments and strategic themes, three levels of goals and two of
learning goals, AND/OR/XOR, heavy-tailed fan-out). Each (tool, shape, size) runs in a fresh
process so peak memory is its own; both tools agree on the number of problems, of coverage
cells and on the developments' total value.

    python benchmarks/bench_graph.py [--quick] [--sizes N ...] [--shapes flat|themed ...]

Targets (met / MISSED is decided from the measured values by harness.py): peak memory of the
whole process under 400 MB at 1,000,000 edges; check + evaluate at 500,000 edges at least 20×
networkx's time for the same work; both on each shape.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "build" / "bench"

# include/koers/model/kinds.hpp allowed_edges
ALLOWED = {("refines", "development", "goal"), ("refines", "strategic_theme", "goal"),
           ("refines", "development", "learning_goal"), ("refines", "strategic_theme", "learning_goal"),
           ("refines", "goal", "learning_goal")}
ALLOWED |= {("contributes", w, t) for w in ("intervention", "programme")
            for t in ("goal", "learning_goal", "development", "strategic_theme")}
ALLOWED |= {("decomposes", "goal", "goal"), ("decomposes", "learning_goal", "learning_goal"),
            ("decomposes", "development", "development"), ("targets", "intervention", "target_group"),
            ("targets", "programme", "target_group"), ("funded_by", "intervention", "budget_stream"),
            ("funded_by", "programme", "budget_stream"), ("part_of", "intervention", "programme"),
            ("part_of", "programme", "programme"), ("part_of", "process", "process"),
            ("part_of", "target_group", "target_group"), ("improves", "programme", "process"),
            ("improves", "intervention", "process")}
HIERARCHY = ("refines", "decomposes")
SHAPES = ("flat", "themed")


def rss_mb():
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_koers(path, strategy):
    """What the README shows a user calling: koers.load → check() → coverage() → evaluate().to_frame()."""
    import koers
    import pandas  # noqa: F401  imported before the clock, as networkx is (koers imports it lazily)
    base = rss_mb()
    t = {}
    t0 = time.perf_counter()
    m = koers.load(path)
    t["load"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    problems = m.check()
    t["validate"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    cov = m.coverage()
    t["coverage"] = time.perf_counter() - t0
    cells = cov.cells
    t0 = time.perf_counter()
    frame = m.evaluate(strategy).to_frame()
    t["propagate"] = time.perf_counter() - t0
    top = int(frame.loc[[i for i in frame.index if str(i).startswith("d")], "value"].sum())
    return t, {"problems": len(problems), "cells": cells, "top": top}, rss_mb() - base, rss_mb()


def run_networkx(path, strategy):
    import networkx as nx
    base = rss_mb()
    t = {}
    t0 = time.perf_counter()
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    g = nx.MultiDiGraph()
    for n in doc["nodes"]:
        g.add_node(n["id"], **n)
    for e in doc["edges"]:
        g.add_edge(e["from"], e["to"], kind=e["kind"], strength=e.get("strength"))
    t["load"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    problems = 0
    ids = [n["id"] for n in doc["nodes"]]
    problems += len(ids) - len(set(ids))
    kinds = nx.get_node_attributes(g, "kind")
    for u, v, k in g.edges(data="kind"):
        if u not in kinds or v not in kinds:
            problems += 1
        elif (k, kinds[u], kinds[v]) not in ALLOWED:
            problems += 1
    hier = g.edge_subgraph([(u, v, key) for u, v, key, k in g.edges(keys=True, data="kind") if k in HIERARCHY])
    problems += sum(1 for c in nx.strongly_connected_components(hier) if len(c) > 1)
    served = set()
    contributing = set()
    for u, v, k in g.edges(data="kind"):
        if k == "contributes":
            served.add(v)
            contributing.add(u)
    rev = hier.reverse(copy=False)
    frontier = list(served)
    while frontier:
        nxt = []
        for v in frontier:
            if v in rev:
                for p in rev.successors(v):
                    if p not in served:
                        served.add(p)
                        nxt.append(p)
        frontier = nxt
    problems += sum(1 for n, k in kinds.items() if k in ("goal", "learning_goal") and n not in served)
    problems += sum(1 for n, k in kinds.items() if k == "intervention" and n not in contributing)
    t["validate"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    contrib = {}
    for u, v, k in g.edges(data="kind"):
        if k == "contributes":
            contrib.setdefault(v, set()).add(u)
    # children before parents: a goal's cover is its own contributors and its children's covers
    cover = {}
    order = list(nx.topological_sort(hier))
    for n in reversed(order):
        c = set(contrib.get(n, ()))
        for child in hier.successors(n):
            c |= cover.get(child, set())
        cover[n] = c
    cells = 0
    for n, k in kinds.items():
        if k in ("goal", "learning_goal"):
            cells += len(cover[n]) if n in cover else len(contrib.get(n, ()))
    t["coverage"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    strat = {s["name"]: s["values"] for s in doc.get("strategies", [])}[strategy]
    value = {n: int(round(v)) for n, v in strat.items()}
    # jUCMNav's quantitative rule (what koers implements): AND = min over the refined children,
    # contributions trunc(strength * source / 100) added, clamped, tolerance 10
    hier_in = {}
    for u, v, k in g.edges(data="kind"):
        if k in HIERARCHY:
            hier_in.setdefault(u, []).append(v)
    decomposition = nx.get_node_attributes(g, "decomposition")
    order = list(nx.topological_sort(hier))
    for n in reversed(order):  # children before parents
        if n in value or kinds.get(n) not in ("goal", "learning_goal", "development", "strategic_theme"):
            continue
        kids = [value.get(c, 0) for c in hier_in.get(n, ())]
        dec = (max(kids) if decomposition.get(n, "and") != "and" else min(kids)) if kids else None
        contribs = []
        for u, _, d in g.in_edges(n, data=True):
            if d["kind"] == "contributes":
                amt = int(d["strength"] * value.get(u, 0) / 100)
                if amt:
                    contribs.append(amt)
        result = dec if dec is not None else 0
        if contribs:
            total = sum(contribs)
            sat = result == 100 or 100 in contribs
            deny = result == -100 or -100 in contribs
            result = max(-100, min(100, result + total))
            if result >= 90 and not sat:
                result = max(dec if dec is not None else -10000, 90) if total > 0 else max(result, 90)
            elif result <= -90 and not deny:
                result = min(dec, -90) if (total < 0 and dec is not None) else min(result, -90)
        value[n] = result
    top = sum(value.get(n, 0) for n, k in kinds.items() if k == "development")
    t["propagate"] = time.perf_counter() - t0
    return t, {"problems": problems, "cells": cells, "top": round(top, 6)}, rss_mb() - base, rss_mb()


def plan_file(shape, n):
    """The generated plan of this shape and size (written once under build/bench), generated in a
    process of its own: a timed case is a child of this process, and Linux hands a child the
    parent's high-water mark in ru_maxrss, so building a 1M-edge plan here would count as the
    case's peak memory."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / (f"plan_{n}.json" if shape == "flat" else f"plan_{shape}_{n}.json")
    if not path.exists():
        code = ("import json, sys; sys.path.insert(0, sys.argv[1]); from generate import generate, generate_themed; "
                "shape, n, out = sys.argv[2], int(sys.argv[3]), sys.argv[4]; "
                "open(out, 'w', encoding='utf-8').write(json.dumps(generate(n) if shape == 'flat' "
                "else generate_themed(n)))")
        tmp = path.with_suffix(".part")
        subprocess.run([sys.executable, "-c", code, str(HERE), shape, str(n), str(tmp)], check=True)
        tmp.replace(path)
    return path


def case(tool, path, strategy="random"):
    """harness.call setup: the whole pipeline of one tool; steps load/validate/coverage/propagate."""
    fn = run_koers if tool == "koers" else run_networkx

    def body():
        steps, check, _delta, _peak = fn(path, strategy)
        return {"steps": steps, "check": check}
    return body, (lambda r: r["check"])


def main():
    import harness
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="10k edges only")
    ap.add_argument("--sizes", nargs="+", type=int, default=None, metavar="N",
                    help="edge counts to run (default 10k, 100k, 500k, 1M; the targets are at 500k and 1M)")
    ap.add_argument("--shapes", nargs="+", choices=SHAPES, default=list(SHAPES), help="plan shapes to run")
    args = ap.parse_args()
    sizes = args.sizes or ([10_000] if args.quick else [10_000, 100_000, 500_000, 1_000_000])
    rep = harness.Report("bench_graph", "Strategy graph: load → check → coverage → evaluate, as the README shows", args.quick)
    rep.header()
    for shape in args.shapes:
        for n in sizes:
            path = plan_file(shape, n)
            repeat = 3 if n <= 100_000 else 1
            k = harness.call(__file__, "case", {"tool": "koers", "path": str(path)}, repeat=repeat, warmup=0)
            x = None
            if n <= 500_000:
                x = harness.call(__file__, "case", {"tool": "networkx", "path": str(path)}, repeat=repeat, warmup=0)
                assert k.info == x.info, (k.info, x.info)
            steps = ("load", "validate", "coverage", "propagate")
            rep.add(f"{shape} {n:,} edges: the four steps", k.step(*steps), "networkx" if x else "",
                    x.step(*steps) if x else None, harness.Target.memory(400) if n == 1_000_000 else None)
            rep.add(f"{shape} {n:,} edges: check + evaluate", k.step("validate", "propagate"), "networkx" if x else "",
                    x.step("validate", "propagate") if x else None, harness.at_least(20) if n == 500_000 else None)
    rep.note("koers: koers.load(path), plan.check(), plan.coverage(), plan.evaluate('random').to_frame() — "
             "the README's calls (not the dense coverage().matrix; the cell count, not the id table); networkx: the "
             "same work on a MultiDiGraph; both agree on the problems, the cells and the developments' total "
             "value; shapes: flat = generate(), themed = generate_themed() (themes, 5 levels, uneven fan-out); "
             "peak = the whole process")
    rep.save()
    for r in (r for r in rep.rows if r["target"]):  # the targets again, each with the figure that decided it
        got = f"{r['koers']['peak_rss_mb']:.0f} MB" if "MB" in r["target"] else \
            (f"{r['ratio']:.1f}×" if r["ratio"] is not None else "no alternative")
        print(f"target {r['case']}: {r['target']}: {'met' if r['met'] else 'NOT met'} (measured {got})")


if __name__ == "__main__":
    main()
