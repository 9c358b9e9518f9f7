"""How far any capacity relaxation is from proving the irregular-hours selections optimal.

The selection (`koers.select`) proves optimality with the pooled-hours LP bound (plus the waste
of big processes) and an exact assignment check at the leaves. With hours in 0.1 h steps the
500 × 15 instances of ``bench_select.generate(500, seed, 15, 0.1)`` stop at the time limit. This
script asks whether a stronger bound of the same family would close them: it computes the
strongest one, the LP of the column (pattern) formulation — one variable per set of processes
that fits one expert, solved by column generation with HiGHS and an exact 0/1-knapsack pricing
on the 0.1 h grid. That LP's value equals the best Lagrangian bound that dualises "each process
at most once" and keeps every expert's hours, so no waste or per-expert capacity argument can
give a bound below it. Pinned processes larger than half an expert's hours each take their own
expert (experts are identical here), the others are rows with right-hand side 1.

    python benchmarks/select_bounds.py [--seeds 1 2 3] [--time-limit 10]

It prints, per seed: koers's incumbent and bound at its time limit (the bound of the search's open
nodes, which branching has already lowered below the root's), the column LP bound at the root, and
both gaps to the incumbent. A bound can only prove optimality when it
falls to the incumbent; where the column LP stays above every incumbent found, a proof needs
branching on top of it (branch-and-price), not a stronger relaxation alone.
"""
from __future__ import annotations

import argparse
import pathlib
import sys
import time

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_select import generate  # noqa: E402

GRID = 100  # milli-hours: the hours must be multiples of 0.1 h


def _units(d: dict):
    p = np.array([round(it["score"] * 1e6) for it in d["items"]], dtype=float)
    h = np.array([round(it["hours"] * 1000) // GRID for it in d["items"]], dtype=np.int64)
    pin = np.array([bool(it.get("mandatory")) for it in d["items"]])
    caps = {round(e["hours"] * 1000) // GRID for e in d["experts"]}
    if len(caps) != 1:
        raise ValueError("column_bound: the experts must all have the same hours")
    return p, h, pin, caps.pop()


def _price(q: np.ndarray, h: np.ndarray, cap: int) -> tuple[float, list[int]]:
    """Exact 0/1 knapsack: max Σ q_i over sets with Σ h_i ≤ cap (dynamic programme on the grid)."""
    idx = [i for i in np.nonzero(q > 1e-9)[0] if h[i] <= cap]
    dp = np.zeros(cap + 1)
    keep = np.zeros((len(idx), cap + 1), dtype=bool)
    for k, i in enumerate(idx):
        w = int(h[i])
        cand = dp[: cap + 1 - w] + q[i]
        better = cand > dp[w:]
        keep[k, w:] = better
        dp[w:] = np.where(better, cand, dp[w:])
    c, chosen = cap, []
    for k in range(len(idx) - 1, -1, -1):
        if keep[k, c]:
            chosen.append(int(idx[k]))
            c -= int(h[idx[k]])
    return float(dp[cap]), chosen


def column_bound(d: dict, start: dict[str, list[str]], max_rounds: int = 2000) -> tuple[float, int, int]:
    """The column-formulation LP bound (total score), the rounds and the columns it took."""
    import highspy

    p, h, pin, cap = _units(d)
    n = len(p)
    ix = {it["id"]: i for i, it in enumerate(d["items"])}
    big = [int(i) for i in np.nonzero(pin)[0] if 2 * h[i] > cap]
    types = [cap - int(h[i]) for i in big] + [cap]
    counts = [1] * len(big) + [len(d["experts"]) - len(big)]
    T = len(types)
    cols: list[tuple[int, list[int]]] = []
    for procs in start.values():  # koers's assignment: a feasible start
        S = [ix[q] for q in procs]
        b = [i for i in S if i in big]
        cols.append((big.index(b[0]), [i for i in S if i not in big]) if b else (T - 1, S))
    inf = highspy.kHighsInf
    lo = np.concatenate([np.full(T, -inf), np.where(pin, 1.0, -inf)])
    up = np.concatenate([np.array(counts, dtype=float), np.ones(n)])
    for b in big:  # placed with their own expert
        lo[T + b], up[T + b] = -inf, inf
    hs = highspy.Highs()
    hs.setOptionValue("output_flag", False)
    hs.changeObjectiveSense(highspy.ObjSense.kMaximize)
    hs.addRows(T + n, lo, up, 0, np.array([], dtype=np.int32), np.array([], dtype=np.int32), np.array([]))

    def add(t: int, S: list[int]):
        rows = np.array([t] + [T + i for i in S], dtype=np.int32)
        hs.addCol(float(p[S].sum()), 0.0, inf, len(rows), rows, np.ones(len(rows)))

    for t, S in cols:
        add(t, S)
    obj, rounds = 0.0, 0
    for rounds in range(1, max_rounds + 1):  # noqa: B007
        hs.run()
        obj = hs.getObjectiveValue()
        dual = np.array(hs.getSolution().row_dual)
        q = p - dual[T:]
        q[big] = -1.0
        added = 0
        for t in range(T):
            v, S = _price(q, h, types[t])
            if v - dual[t] > 1e-6:
                add(t, S)
                cols.append((t, S))
                added += 1
        if not added:
            break
    return (obj + float(p[big].sum())) / 1e6, rounds, len(cols)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--time-limit", type=float, default=10.0, help="koers seconds per instance (default 10)")
    a = ap.parse_args(argv)
    import koers

    print(f"irregular-hours selections (bench_select.generate({a.n}, seed, 15, 0.1)); koers time limit {a.time_limit:g} s")
    hdr = (f"{'seed':>4} {'koers':>7} {'status':>7} {'incumbent':>10} {'bound':>10} {'column LP':>10} {'rounds':>6} "
           f"{'cols':>5} {'LP s':>6} {'koers gap':>9} {'LP gap':>8}")
    print(hdr)
    print("-" * len(hdr))
    for seed in a.seeds:
        d = generate(a.n, seed, 15, 0.1)
        t0 = time.perf_counter()
        r = koers.select(d, time_limit=a.time_limit, check_unique=False)
        tk = time.perf_counter() - t0
        t0 = time.perf_counter()
        lp, rounds, ncols = column_bound(d, r.assignment_map)
        tl = time.perf_counter() - t0
        print(f"{seed:>4} {tk:>7.2f} {r.status:>7} {r.total_score:>10.6f} {r.bound:>10.6f} {lp:>10.6f} {rounds:>6} "
              f"{ncols:>5} {tl:>6.2f} {r.bound - r.total_score:>9.6f} {lp - r.total_score:>8.6f}")
    print("column LP = the strongest capacity relaxation (each expert's hours kept, 'each process once' relaxed);")
    print("above the incumbent: no bound of that family proves the instance, a proof needs branching on top of it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
