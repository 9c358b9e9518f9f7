"""Exact branch-and-price for the selection of bench_select (issue 10 §4): prototype and measurement.

    python benchmarks/select_bnp.py [--seeds 1 2 3] [--regular] [--node-time-limit 600] [--out FILE]

Model (``bench_select.generate``): choose processes (score, hours) and give each chosen one to
one expert within the expert's hours; pinned processes must be in; every expert gets ≥ 1
process; maximise the total score. Column formulation (as ``select_bounds.column_bound``):

    max Σ_p c_p λ_p   over patterns p (a non-empty set of processes that fits one expert's hours)
    Σ_{p ∋ i} λ_p ≤ 1 (= 1 pinned or branched in)     Σ_{p of class k} λ_p = K_k (experts of class k)
    cuts Σ_{i ∈ X} x_i ≤ |X| − 1 (X a set that does not fit the experts; x_i = Σ_{p ∋ i} λ_p)

Experts are grouped by their hours (classes); one knapsack DP over the largest hours prices every
class (the DP table at capacity H_k is class k's pricing). min_items_per_expert must be 0 or 1.

Exact arithmetic: scores in units of their gcd (0.005 here), hours in units of their gcd (0.1 h
here, 2024 per expert). The LP (HiGHS, floats) only proposes duals; every bound is recomputed in
integers as a Lagrangian bound from the duals rounded to 1/1000 of a score unit (any duals of the
right sign give a valid bound): L = Σ_i π_i + Σ_k σ_k (|X_k| − 1) + Σ_k K_k · v_k, v_k = the best
non-empty pattern of class k under the profits s_i − π_i − Σ σ (exact integer DP). A node is
pruned when floor(L) ≤ incumbent (scores are integers in these units). Branching on a process in /
out (x_i fractional); when every x_i is integral the chosen set is checked for an exact packing
(HiGHS MIP on x_ie); a packing is a solution of the node's LP value, no packing gives a cut.
Node order: best bound, deepest first among equal (integer) bounds. Incumbent: greedy, then the
restricted master as a MIP over the generated columns (root, and every few hundred nodes).
Every solution is re-checked in exact integers (bench_select.check and a check here).
"""
from __future__ import annotations

import argparse
import heapq
import pathlib
import sys
import time

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_select import check, generate  # noqa: E402

R = 1000          # dual resolution: 1/R of a score unit
TOL = 1e-6        # reduced-cost tolerance (score units)
BIG = 1e4         # penalty of the artificial columns (score units)


class Instance:
    """Integer data: s (score units), w (hour units), caps per class, counts, pinned."""

    def __init__(self, d: dict):
        self.d = d
        items = d["items"]
        micro = np.array([round(it["score"] * 1e6) for it in items], dtype=np.int64)
        milli = np.array([round(it["hours"] * 1000) for it in items], dtype=np.int64)
        ecap = [round(e["hours"] * 1000) for e in d["experts"]]
        self.unit = int(np.gcd.reduce(micro))
        self.grid = int(np.gcd.reduce(np.concatenate([milli, ecap])))
        self.s = micro // self.unit
        self.w = milli // self.grid
        caps = sorted({c // self.grid for c in ecap})
        self.caps = np.array(caps, dtype=np.int64)
        self.counts = [sum(1 for c in ecap if c // self.grid == k) for k in caps]
        self.pin = np.array([bool(it.get("mandatory")) for it in items])
        self.n = len(items)
        self.m = int(d.get("min_items_per_expert", 0))
        if self.m > 1:
            raise ValueError("select_bnp: min_items_per_expert > 1 is not supported")
        self.nonempty = self.m == 1


# ---- pricing: exact 0/1 knapsack on the integer grid -----------------------------------------

def knapsack(q: np.ndarray, w: np.ndarray, allowed: np.ndarray, cmax: int):
    """DP over the items with q > 0: dp[c] = best Σ q over sets of weight ≤ c; keep for backtracking."""
    idx = np.nonzero(allowed & (q > 0) & (w <= cmax))[0]
    dp = np.zeros(cmax + 1, dtype=np.int64)
    keep = np.zeros((len(idx), cmax + 1), dtype=bool)
    for k, i in enumerate(idx):
        wi = int(w[i])
        cand = dp[: cmax + 1 - wi] + q[i]
        better = cand > dp[wi:]
        keep[k, wi:] = better
        dp[wi:] = np.where(better, cand, dp[wi:])
    return idx, dp, keep


def backtrack(idx, keep, w, c: int) -> list[int]:
    chosen = []
    for k in range(len(idx) - 1, -1, -1):
        if keep[k, c]:
            chosen.append(int(idx[k]))
            c -= int(w[idx[k]])
    return sorted(chosen)


def best_single(q, w, allowed, cap):
    ok = np.nonzero(allowed & (w <= cap))[0]
    if len(ok) == 0:
        return None, []
    j = int(ok[np.argmax(q[ok])])
    return int(q[j]), [j]


# ---- exact packing check of a chosen set ---------------------------------------------------------

def bin_completion(w: list[int], caps: list[int], counts: list[int], limit: int = 2_000_000,
                   fewest_first: bool = True):
    """Exact packing of all items w into the bins (counts[t] bins of caps[t]) by bin completion.

    Bins are filled one at a time, each with the largest remaining item and a completion whose
    waste fits the remaining slack (Σ caps − Σ w): completions with the fewest items first (the
    small processes are the fillers of later bins), then least waste; failed remainders are
    memoised. Returns per bin (class, item indices), None (no packing) or "unknown" (limit)."""
    order = sorted(range(len(w)), key=lambda i: -w[i])
    ws = [w[i] for i in order]
    failed: set = set()
    calls = [0]

    def completions(rem, cap, slack):
        first, others = rem[0], rem[1:]
        out = []

        def rec(k, s, chosen):
            if cap - s <= slack:
                out.append((cap - s, chosen))
            for j in range(k, len(others)):
                if s + ws[others[j]] <= cap:
                    rec(j + 1, s + ws[others[j]], chosen + (others[j],))

        if ws[first] <= cap:
            rec(0, ws[first], (first,))
        out.sort(key=(lambda o: (len(o[1]), o[0])) if fewest_first else None)
        return out

    def dfs(rem, cnt, slack):
        calls[0] += 1
        if calls[0] > limit:
            raise TimeoutError
        if not rem:
            return [(t, ()) for t, c in enumerate(cnt) for _ in range(c)]
        key = (rem, cnt)
        if key in failed or not any(cnt):
            return None
        for t in range(len(cnt)):
            if not cnt[t]:
                continue
            nxt = cnt[:t] + (cnt[t] - 1,) + cnt[t + 1:]
            for waste, S in completions(rem, caps[t], slack):
                Ss = set(S)
                r = dfs(tuple(i for i in rem if i not in Ss), nxt, slack - waste)
                if r is not None:
                    return [(t, S)] + r
        failed.add(key)
        return None

    slack = sum(c * k for c, k in zip(caps, counts, strict=True)) - sum(ws)
    if slack < 0:
        return None
    try:
        res = dfs(tuple(range(len(ws))), tuple(counts), slack)
    except TimeoutError:
        return "unknown"
    return None if res is None else [(t, [order[i] for i in S]) for t, S in res]


def set_partition(w: list[int], caps: list[int], counts: list[int], time_limit: float = 300.0):
    """Exact packing as a set partitioning MIP (HiGHS) over every pattern whose waste fits the slack."""
    import highspy
    wv = np.array(w, dtype=np.int64)
    nX = len(w)
    slack = sum(c * k for c, k in zip(caps, counts, strict=True)) - int(wv.sum())
    pats: list[tuple[int, np.ndarray]] = []
    for t, cap in enumerate(caps):
        cur, cs = np.arange(nX)[:, None], wv.copy()
        keep = cs <= cap
        cur, cs = cur[keep], cs[keep]
        while len(cur):
            for row in cur[cs >= cap - slack]:
                pats.append((t, row))
            ok = (np.arange(nX)[None, :] > cur[:, -1][:, None]) & (wv[None, :] <= (cap - cs)[:, None])
            r, c = np.nonzero(ok)
            cur, cs = np.hstack([cur[r], c[:, None]]), cs[r] + wv[c]
    m, T = len(pats), len(caps)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(time_limit))
    h.addRows(nX + T, np.r_[np.ones(nX), np.array(counts, float)], np.r_[np.ones(nX), np.array(counts, float)], 0,
              np.array([], dtype=np.int32), np.array([], dtype=np.int32), np.array([]))
    starts, ind = [], []
    for t, row in pats:
        starts.append(len(ind))
        ind += [int(i) for i in row] + [nX + t]
    h.addCols(m, np.zeros(m), np.zeros(m), np.ones(m), len(ind), np.array(starts, dtype=np.int32),
              np.array(ind, dtype=np.int32), np.ones(len(ind)))
    h.changeColsIntegrality(m, np.arange(m, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * m))
    h.run()
    st = h.getModelStatus()
    if st == highspy.HighsModelStatus.kInfeasible:
        return None
    if st != highspy.HighsModelStatus.kOptimal:
        return "unknown"
    x = np.array(h.getSolution().col_value)
    return [(pats[a][0], [int(i) for i in pats[a][1]]) for a in range(m) if x[a] > 0.5]


def pack(inst: Instance, X: list[int]):
    """Assign exactly the processes X to the experts (exact); list of (class, items), None or 'unknown'.

    Bin completion first (50,000 calls, fewest items first; then least waste first), then the set
    partitioning MIP (300 s)."""
    if inst.nonempty and len(X) < sum(inst.counts):
        return None
    args = ([int(inst.w[i]) for i in X], [int(c) for c in inst.caps], list(inst.counts))
    res = bin_completion(*args, limit=50_000)
    if res == "unknown":
        res = bin_completion(*args, limit=50_000, fewest_first=False)
    if res == "unknown":
        res = set_partition(*args)
    if not isinstance(res, list):
        return res
    parts = [(t, [X[a] for a in S]) for t, S in res]
    if inst.nonempty:      # an empty bin takes one process of a bin with two or more (it fits alone)
        for t, S in parts:
            if not S:
                donor = next((D for _, D in parts if len(D) > 1 and inst.w[D[-1]] <= inst.caps[t]), None)
                if donor is None:   # only with unequal hours: not decided here
                    return "unknown"
                S.append(donor.pop())
    return parts


# ---- the solver -------------------------------------------------------------------------------------

class BranchAndPrice:
    def __init__(self, inst: Instance, log=print, time_limit: float = 600.0, mip_every: int = 300,
                 mip_time: float = 20.0):
        import highspy
        self.hp = highspy
        self.inst = inst
        self.log = log
        self.time_limit = time_limit
        self.mip_every = mip_every
        self.mip_time = mip_time
        n, T = inst.n, len(inst.caps)
        self.T = T
        self.cmax = int(inst.caps.max())
        self.h = highspy.Highs()
        h = self.h
        h.setOptionValue("output_flag", False)
        h.changeObjectiveSense(highspy.ObjSense.kMaximize)
        inf = highspy.kHighsInf
        lo = np.concatenate([np.where(inst.pin, 1.0, -inf), np.array(inst.counts, dtype=float)])
        up = np.concatenate([np.ones(n), np.array(inst.counts, dtype=float)])
        h.addRows(n + T, lo, up, 0, np.array([], dtype=np.int32), np.array([], dtype=np.int32), np.array([]))
        self.cuts: list[list[int]] = []           # row n + T + k
        self.cols: list[tuple[int, tuple[int, ...]]] = []   # (class, items); -1 = artificial
        self.colset: set = set()
        self.A = np.zeros((1024, n), dtype=bool)    # column × item membership
        self.kind = np.zeros(1024, dtype=np.int8)   # 0 pattern, 1 artificial (class row), 2 artificial (item row)
        for t in range(T):                          # artificial: an empty "pattern" at a big penalty
            self._add(-1, (), rows=[n + t], cost=-BIG, kind=1)
        for i in range(n):                          # artificial for an item row fixed to 1
            self._add(-1, (i,), rows=[i], cost=-BIG, kind=2)
        self.inc = -1                               # incumbent value (score units)
        self.inc_sol: list[tuple[int, list[int]]] | None = None
        self.times = {"lp": 0.0, "pricing": 0.0, "master MIP": 0.0, "packing": 0.0, "rounding": 0.0}
        self.stats = {"nodes": 0, "lp_iters": 0, "pack_checks": 0, "cuts": 0, "mip_runs": 0, "max_depth": 0,
                      "fixed": 0}

    # columns
    def _add(self, t, S, rows=None, cost=None, kind=0):
        inst = self.inst
        j = len(self.cols)
        if j >= len(self.A):
            self.A = np.vstack([self.A, np.zeros_like(self.A)])
            self.kind = np.concatenate([self.kind, np.zeros_like(self.kind)])
        if rows is None:
            rows = [inst.n + t] + list(S) + [inst.n + self.T + k for k, X in enumerate(self.cuts)
                                             if sum(1 for i in S if i in X) > 0]
            vals = [1.0] + [1.0] * len(S) + [float(sum(1 for i in S if i in set(X)))
                                              for X in self.cuts if sum(1 for i in S if i in X) > 0]
            cost = float(inst.s[list(S)].sum())
        else:
            vals = [1.0] * len(rows)
        self.h.addCol(cost, 0.0, self.hp.kHighsInf, len(rows), np.array(rows, dtype=np.int32), np.array(vals))
        self.cols.append((t, tuple(S)))
        if kind == 0:
            self.colset.add((t, tuple(S)))
            self.A[j, list(S)] = True
        self.kind[j] = kind
        return j

    def add_pattern(self, t, S) -> bool:
        key = (t, tuple(sorted(S)))
        if key in self.colset:
            return False
        self._add(t, key[1])
        return True

    def add_cut(self, X: list[int]):
        inst = self.inst
        k = len(self.cuts)
        self.cuts.append(sorted(X))
        Xs = set(X)
        nc = len(self.cols)
        js = [j for j in range(nc) if self.kind[j] == 0 and any(i in Xs for i in self.cols[j][1])]
        vals = [float(sum(1 for i in self.cols[j][1] if i in Xs)) for j in js]
        self.h.addRow(-self.hp.kHighsInf, float(len(X) - 1), len(js), np.array(js, dtype=np.int32), np.array(vals))
        assert self.h.getNumRow() == inst.n + self.T + k + 1
        self.stats["cuts"] += 1

    # node activation: forbidden items (out), fixed items (in)
    def activate(self, out: frozenset, inn: frozenset):
        inst, h = self.inst, self.h
        n = inst.n
        nc = len(self.cols)
        ub = np.full(nc, self.hp.kHighsInf)
        A = self.A[:nc]
        if out:
            dis = A[:, sorted(out)].any(axis=1)
            ub[dis] = 0.0
        fixed = inst.pin.copy()
        fixed[list(inn)] = True
        T = self.T                                  # columns T .. T+n-1: the item artificials
        ub[T:T + n][~fixed] = 0.0
        h.changeColsBounds(nc, np.arange(nc, dtype=np.int32), np.zeros(nc), ub)
        lo = np.where(fixed, 1.0, -self.hp.kHighsInf)
        h.changeRowsBounds(n, np.arange(n, dtype=np.int32), lo, np.ones(n))
        self.fixed = fixed
        self.allowed = np.ones(n, dtype=bool)
        self.allowed[list(out)] = False

    def lagrangian(self, duals) -> tuple[int, np.ndarray, list]:
        """Exact integer bound from the rounded duals; also the priced patterns (class, items, value)."""
        inst = self.inst
        n, T = inst.n, self.T
        pi = duals[:n].copy()
        free = self.fixed
        pi = np.where(free, pi, np.maximum(pi, 0.0))
        pi[~self.allowed] = 0.0
        pi_i = np.round(pi * R).astype(np.int64)
        sig = np.maximum(duals[n + T:], 0.0) if self.cuts else np.zeros(0)
        sig_i = np.round(sig * R).astype(np.int64)
        q = inst.s * R - pi_i
        for k, X in enumerate(self.cuts):
            if sig_i[k]:
                q[X] -= sig_i[k]
        idx, dp, keep = knapsack(q, inst.w, self.allowed, self.cmax)
        L = int(pi_i.sum()) + sum(int(sig_i[k]) * (len(X) - 1) for k, X in enumerate(self.cuts))
        priced, vs = [], []
        for t in range(T):
            cap = int(inst.caps[t])
            v = int(dp[cap])
            if v == 0 and inst.nonempty:
                v, S = best_single(q, inst.w, self.allowed, cap)
                if v is None:
                    return -(10 ** 18), q, []
            else:
                S = backtrack(idx, keep, inst.w, cap)
            L += inst.counts[t] * v
            vs.append(v)
            priced.append((t, S, v))
            # a few more columns: the best sets at slightly smaller capacities
            seen = {tuple(S)}
            c = cap - 1
            while len(seen) < 6 and c > cap - 400 and c > 0 and dp[c] > 0:
                S2 = backtrack(idx, keep, inst.w, c)
                if tuple(S2) not in seen:
                    seen.add(tuple(S2))
                    priced.append((t, S2, int(dp[c])))
                c -= 1
                while c > 0 and dp[c] == dp[c + 1]:
                    c -= 1
        self.last = (L, q, dp, vs, pi_i)
        return L, q, priced

    def fixings(self):
        """Processes fixed by the last exact bound L (for the node's subtree; only better solutions count).

        out: every pattern holding i is worth at most q_i + dp[H − w_i] (dp over all items), so
        with i in, z ≤ L − v_t + q_i + dp[H_t − w_i]; in: with i out, z ≤ L − π_i."""
        inst = self.inst
        L, q, dp, vs, pi_i = self.last
        lim = (self.inc + 1) * R          # a bound below this proves: no better solution
        free = self.allowed & ~self.fixed
        best = np.full(inst.n, -(10 ** 18), dtype=np.int64)
        for t in range(self.T):
            cap = int(inst.caps[t])
            fits = inst.w <= cap
            val = np.full(inst.n, -(10 ** 18), dtype=np.int64)
            val[fits] = L - vs[t] + q[fits] + dp[cap - inst.w[fits]]
            best = np.maximum(best, val)
        out = np.nonzero(free & (best < lim))[0]
        inn = np.nonzero(free & (pi_i >= 0) & (L - pi_i < lim))[0]
        return {int(i) for i in out}, {int(i) for i in inn}

    def solve_node(self, out, inn, parent_bound):
        """Column generation at a node, with fixing by the exact bound; (bound, lam, out, inn)."""
        while True:
            bound, lam = self._cg(out, inn, parent_bound)
            if lam is None or not self.fix:
                return bound, lam, out, inn
            fo, fi = self.fixings()
            if fo & fi or fo & inn or fi & out:
                return -(10 ** 18) // R, None, out, inn
            if not fo and not fi:
                return bound, lam, out, inn
            self.stats["fixed"] += len(fo) + len(fi)
            out, inn = out | fo, inn | fi
            parent_bound = bound

    def _cg(self, out, inn, parent_bound):
        h = self.h
        self.activate(out, inn)
        bound = parent_bound
        for _ in range(5000):
            t0 = time.perf_counter()
            h.run()
            self.times["lp"] += time.perf_counter() - t0
            self.stats["lp_iters"] += 1
            st = h.getModelStatus()
            if st != self.hp.HighsModelStatus.kOptimal:
                raise RuntimeError(f"master LP: {h.modelStatusToString(st)}")
            duals = np.array(h.getSolution().row_dual)
            t0 = time.perf_counter()
            L, q, priced = self.lagrangian(duals)
            self.times["pricing"] += time.perf_counter() - t0
            bound = min(bound, L // R)
            if bound <= self.inc:
                return bound, None
            n = self.inst.n
            added = 0
            for t, S, v in priced:
                if v / R - duals[n + t] > TOL and self.add_pattern(t, S):
                    added += 1
            if not added:
                break
        lam = np.array(h.getSolution().col_value)
        return bound, lam

    def closed(self, bound):
        """A node closed by a solution of its LP value: only a proof when its exact bound is that value."""
        if bound > self.inc:
            raise RuntimeError(f"node closed by a solution {self.inc} below its exact bound {bound}")

    def xvals(self, lam):
        nc = len(self.cols)
        real = self.kind[:nc] == 0
        return (lam[:nc][real, None] * self.A[:nc][real]).sum(axis=0), float(lam[:nc][~real].sum())

    def set_incumbent(self, sol, how):
        inst = self.inst
        val = int(sum(int(inst.s[list(S)].sum()) for _, S in sol))
        if val > self.inc and self.valid(sol):
            self.inc, self.inc_sol = val, [(t, list(S)) for t, S in sol]
            self.log(f"    incumbent {val * inst.unit / 1e6:.6f} ({how}, node {self.stats['nodes']}, "
                     f"{time.perf_counter() - self.t0:.1f} s)")
            return True
        return False

    def valid(self, sol) -> bool:
        """Exact integer check: each process at most once, pinned in, hours, ≥ 1 each, expert counts."""
        inst = self.inst
        seen: set = set()
        per = [0] * self.T
        for t, S in sol:
            per[t] += 1
            if inst.nonempty and not S:
                return False
            if int(inst.w[list(S)].sum()) > int(inst.caps[t]):
                return False
            for i in S:
                if i in seen:
                    return False
                seen.add(i)
        return per == list(inst.counts) and all(i in seen for i in np.nonzero(inst.pin)[0])

    def greedy(self):
        inst = self.inst
        bins = [k for k, c in enumerate(inst.counts) for _ in range(c)]
        load = [0] * len(bins)
        parts: list[list[int]] = [[] for _ in bins]
        order = sorted(range(inst.n), key=lambda i: (not inst.pin[i], -inst.s[i] / inst.w[i]))
        for i in order:
            for b in sorted(range(len(bins)), key=lambda b: len(parts[b])):
                if load[b] + inst.w[i] <= inst.caps[bins[b]]:
                    load[b] += int(inst.w[i])
                    parts[b].append(i)
                    break
        return [(bins[b], parts[b]) for b in range(len(bins))]

    def round_lp(self, lam, threshold: float):
        """Rounding: the LP's patterns (λ ≥ threshold, largest λ first, disjoint), then every expert
        left gets an exact knapsack over the processes left (pinned ones first: a big bonus)."""
        inst = self.inst
        nc = len(self.cols)
        js = [j for j in range(nc) if self.kind[j] == 0 and lam[j] >= threshold]
        js.sort(key=lambda j: -lam[j])
        used = np.zeros(inst.n, dtype=bool)
        left = list(inst.counts)
        sol = []
        for j in js:
            t, S = self.cols[j]
            if left[t] and not used[list(S)].any():
                sol.append((t, list(S)))
                used[list(S)] = True
                left[t] -= 1
        bonus = int(inst.s.sum()) + 1
        for t in sorted(range(self.T), key=lambda t: inst.caps[t]):
            for _ in range(left[t]):
                q = (inst.s + np.where(inst.pin, bonus, 0)) * 1
                free = ~used
                idx, dp, keep = knapsack(q, inst.w, free, int(inst.caps[t]))
                S = backtrack(idx, keep, inst.w, int(inst.caps[t]))
                if not S:
                    return
                sol.append((t, S))
                used[S] = True
        self.set_incumbent(sol, f"rounding λ ≥ {threshold:g}")

    def pack_from_pool(self, X: list[int], time_limit: float = 5.0):
        """A packing of exactly X from the generated patterns inside X (HiGHS MIP); None if none found."""
        hp, inst = self.hp, self.inst
        inX = np.zeros(inst.n, dtype=bool)
        inX[X] = True
        nc = len(self.cols)
        pats = [j for j in range(nc) if self.kind[j] == 0 and inX[list(self.cols[j][1])].all()]
        pos = {i: a for a, i in enumerate(X)}
        nX, T = len(X), self.T
        h = hp.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("time_limit", float(time_limit))
        rhs = np.r_[np.ones(nX), np.array(inst.counts, dtype=float)]
        h.addRows(nX + T, rhs, rhs, 0, np.array([], dtype=np.int32), np.array([], dtype=np.int32), np.array([]))
        for j in pats:
            t, S = self.cols[j]
            rows = np.array([pos[i] for i in S] + [nX + t], dtype=np.int32)
            h.addCol(0.0, 0.0, 1.0, len(rows), rows, np.ones(len(rows)))
        m = len(pats)
        if not m:
            return None
        h.changeColsIntegrality(m, np.arange(m, dtype=np.int32), np.array([hp.HighsVarType.kInteger] * m))
        h.run()
        if h.getModelStatus() != hp.HighsModelStatus.kOptimal:
            return None
        x = np.array(h.getSolution().col_value)
        return [self.cols[pats[a]] for a in range(m) if x[a] > 0.5]

    def rmp_mip(self, time_limit: float):
        """The restricted master as a MIP over all generated patterns (root restrictions only)."""
        hp, inst = self.hp, self.inst
        if time_limit <= 0:
            return
        self.stats["mip_runs"] += 1
        pats = [j for j in range(len(self.cols)) if self.kind[j] == 0]
        h = hp.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("time_limit", float(time_limit))
        h.setOptionValue("mip_abs_gap", 0.999)
        h.changeObjectiveSense(hp.ObjSense.kMaximize)
        n, T, inf = inst.n, self.T, hp.kHighsInf
        lo = np.concatenate([np.where(inst.pin, 1.0, -inf), np.array(inst.counts, dtype=float)])
        up = np.concatenate([np.ones(n), np.array(inst.counts, dtype=float)])
        h.addRows(n + T, lo, up, 0, np.array([], dtype=np.int32), np.array([], dtype=np.int32), np.array([]))
        for j in pats:
            t, S = self.cols[j]
            rows = np.array([n + t] + list(S), dtype=np.int32)
            h.addCol(float(inst.s[list(S)].sum()), 0.0, 1.0, len(rows), rows, np.ones(len(rows)))
        m = len(pats)
        h.changeColsIntegrality(m, np.arange(m, dtype=np.int32), np.array([hp.HighsVarType.kInteger] * m))
        if self.inc_sol is not None:
            pos = {self.cols[j]: a for a, j in enumerate(pats)}
            start = np.zeros(m)
            for t, S in self.inc_sol:
                a = pos.get((t, tuple(sorted(S))))
                if a is not None:
                    start[a] = 1.0
            sol = hp.HighsSolution()
            sol.col_value = list(start)
            h.setSolution(sol)
        t0 = time.perf_counter()
        h.run()
        self.times["master MIP"] += time.perf_counter() - t0
        if h.getInfo().primal_solution_status == 2:
            x = np.array(h.getSolution().col_value)
            sol = [self.cols[pats[a]] for a in range(m) if x[a] > 0.5]
            self.set_incumbent(sol, "master MIP")

    def solve(self, start=None, fix: bool = True):
        self.t0 = time.perf_counter()
        inst = self.inst
        g = self.greedy()
        for t, S in g:
            self.add_pattern(t, S)
        if self.valid(g):
            self.set_incumbent(g, "greedy")
        if start:
            for t, S in start:
                self.add_pattern(t, S)
            self.set_incumbent(start, "start")
        UB = 10 ** 18
        self.fix = False                  # the root's bound without fixing first (reported), then fixing
        root_bound, lam, _, _ = self.solve_node(frozenset(), frozenset(), UB)
        self.fix = fix
        self.root_lp = self.h.getInfo().objective_function_value
        self.root_bound = root_bound
        self.root_cols = len(self.colset)
        self.stats["nodes"] = 1
        self.log(f"    root: LP {self.root_lp * inst.unit / 1e6:.6f}, exact bound {root_bound * inst.unit / 1e6:.6f}, "
                 f"{self.root_cols} columns, {self.stats['lp_iters']} LP solves, {time.perf_counter() - self.t0:.2f} s")
        self.rmp_mip(self.mip_time)
        if lam is not None and self.fix and root_bound > self.inc:
            root_bound, lam, rout, rinn = self.solve_node(frozenset(), frozenset(), root_bound)
        else:
            rout = rinn = frozenset()
        heap = [(-root_bound, 0, 0, rout, rinn)]
        seq = 1
        self.open_bound = root_bound
        status = "optimal"
        first = True
        while heap:
            nb, negdepth, _, out, inn = heapq.heappop(heap)
            nb = -nb
            self.open_bound = max(nb, max((-e[0] for e in heap), default=-1))
            if nb <= self.inc:
                continue
            if time.perf_counter() - self.t0 > self.time_limit:
                heapq.heappush(heap, (-nb, negdepth, seq, out, inn))
                status = "limit"
                break
            self.stats["nodes"] += 0 if first else 1
            self.stats["max_depth"] = max(self.stats["max_depth"], -negdepth)
            if first:
                bound, lam = root_bound, lam
                first = False
            else:
                bound, lam, out, inn = self.solve_node(out, inn, nb)
            if self.stats["nodes"] % self.mip_every == 0:
                self.rmp_mip(self.mip_time / 2)
            if lam is None or bound <= self.inc:
                continue
            t1 = time.perf_counter()
            for thr in (0.5, 1e-6):
                self.round_lp(lam, thr)
            self.times["rounding"] += time.perf_counter() - t1
            if bound <= self.inc:
                continue
            x, art = self.xvals(lam)
            if art > 1e-6:
                raise RuntimeError("artificial columns in an unpruned node's LP")
            frac = np.nonzero((x > 1e-6) & (x < 1 - 1e-6))[0]
            if len(frac) == 0:
                X = [int(i) for i in np.nonzero(x > 0.5)[0]]
                nc = len(self.cols)
                pats = [j for j in range(nc) if self.kind[j] == 0 and lam[j] > 1e-6]
                if all(lam[j] > 1 - 1e-6 for j in pats):
                    self.set_incumbent([self.cols[j] for j in pats], "integral LP")
                    self.closed(bound)
                    continue
                self.stats["pack_checks"] += 1
                t0 = time.perf_counter()
                p = self.pack_from_pool(X) or pack(inst, X)
                self.times["packing"] += time.perf_counter() - t0
                if p == "unknown":
                    raise RuntimeError("packing check undecided")
                if p is not None:
                    self.set_incumbent(p, "packing of an integral x")
                    self.closed(bound)
                    continue
                self.add_cut(X)           # X fits no assignment: Σ_{i∈X} x_i ≤ |X| − 1, globally valid
                heapq.heappush(heap, (-bound, negdepth, seq, out, inn))
                seq += 1
                continue
            # branch on the process whose x is closest to 1/2 (ties: the larger score)
            f = frac[np.lexsort((-inst.s[frac], np.abs(x[frac] - 0.5)))[0]]
            f = int(f)
            d = negdepth - 1
            heapq.heappush(heap, (-bound, d, seq, out, inn | {f}))        # in (explored first on ties)
            heapq.heappush(heap, (-bound, d, seq + 1, out | {f}, inn))    # out
            seq += 2
            if self.stats["nodes"] % 200 == 0:
                self.log(f"    node {self.stats['nodes']}: open {len(heap)}, best open bound "
                         f"{max(-e[0] for e in heap) * inst.unit / 1e6:.6f}, incumbent {self.inc * inst.unit / 1e6:.6f}, "
                         f"columns {len(self.colset)}, {time.perf_counter() - self.t0:.1f} s")
        self.seconds = time.perf_counter() - self.t0
        self.left = len([e for e in heap if -e[0] > self.inc])
        self.final_bound = max([-e[0] for e in heap if -e[0] > self.inc], default=self.inc)
        return status


def assignment_of(inst: Instance, sol) -> dict:
    """Expert id → process ids (experts of each class in order)."""
    by_class: dict[int, list[str]] = {}
    for e in inst.d["experts"]:
        by_class.setdefault(round(e["hours"] * 1000) // inst.grid, []).append(e["id"])
    out, used = {}, {c: 0 for c in by_class}
    for t, S in sol:
        c = int(inst.caps[t])
        out[by_class[c][used[c]]] = [inst.d["items"][i]["id"] for i in S]
        used[c] += 1
    return out


def run_koers(d: dict, tl: float):
    import koers
    r = koers.select(koers.Selection.from_dict(d), time_limit=tl, check_unique=False, compare_top_n=False)
    return r


def crosscheck(n: int, experts: int, seeds) -> int:
    """Small instances: the optimum here against HiGHS's proven optimum of the x_ie MIP."""
    import json
    import tempfile

    from bench_select import worker_highs
    bad = 0
    for seed in seeds:
        for step in (0.1, None):
            d = generate(n, seed, experts, step)
            inst = Instance(d)
            bp = BranchAndPrice(inst, log=lambda s: None, time_limit=300, mip_time=2.0)
            status = bp.solve()
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
                json.dump(d, f)
            h = worker_highs(f.name, 300.0)
            v = bp.inc * inst.unit / 1e6
            same = h["status"] == "optimal" and abs(v - h["value"]) < 1e-6 * n
            bad += not same
            print(f"n={n} experts={experts} seed={seed} step={step or (10 if seed % 2 else 20)}: branch-and-price "
                  f"{status} {v:.6f} ({bp.stats['nodes']} nodes), HiGHS {h['status']} {h['value']}: "
                  f"{'same' if same else 'DIFFERENT'}", flush=True)
    return 1 if bad else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--regular", action="store_true", help="also the regular instances (10 h / 20 h steps)")
    ap.add_argument("--time-limit", type=float, default=600.0, help="branch-and-price seconds per instance")
    ap.add_argument("--koers-time-limit", type=float, default=10.0)
    ap.add_argument("--mip-time", type=float, default=0.0, help="master MIP seconds at the root (half later); 0: none")
    ap.add_argument("--mip-every", type=int, default=50, help="master MIP every this many nodes")
    ap.add_argument("--small", type=int, nargs=2, metavar=("N", "EXPERTS"),
                    help="cross-check instead: generate(N, seed, EXPERTS, 0.1) against the HiGHS x_ie MIP")
    ap.add_argument("--out", help="also write the report to this file")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    lines: list[str] = []
    if a.small:
        return crosscheck(a.small[0], a.small[1], a.seeds)

    def out(s=""):
        print(s, flush=True)
        lines.append(s)

    def log(s):
        if not a.quiet:
            out(s)

    out(f"select_bnp: branch-and-price on bench_select.generate({a.n}, seed, 15, step); "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; koers at {a.koers_time_limit:g} s")
    cases = [(s, 0.1) for s in a.seeds]
    if a.regular:
        cases += [(s, None) for s in a.seeds]
    rows = []
    for seed, step in cases:
        d = generate(a.n, seed, 15, step)
        st = step or (10 if seed % 2 else 20)
        out(f"seed {seed} step {st:g} h")
        inst = Instance(d)
        r = run_koers(d, a.koers_time_limit)
        kval = round(r.total_score * 1e6) // inst.unit if len(r.selected) else None
        out(f"    koers: {r.status}, incumbent {r.total_score:.6f}, bound {r.bound:.6f}, {r.seconds:.2f} s, "
            f"{r.nodes} nodes")
        bp = BranchAndPrice(inst, log=log, time_limit=a.time_limit, mip_every=a.mip_every, mip_time=a.mip_time)
        status = bp.solve()
        val = bp.inc
        chk = check(d, assignment_of(inst, bp.inc_sol)) if bp.inc_sol else "-"
        ok = "ok" if bp.valid(bp.inc_sol) and chk == "ok" else f"FAILED ({chk})"
        u = inst.unit / 1e6
        if status == "optimal":
            verdict = ("optimal" if kval == val else (f"NOT optimal ({(val - kval) * u:.3f} below)" if kval is not None
                                                       else "-"))
        else:
            verdict = "unknown"
        out(f"    branch-and-price: {status}, value {val * u:.6f}"
            + ("" if status == "optimal" else f", bound {bp.final_bound * u:.6f}, open nodes {bp.left}")
            + f"; root LP {bp.root_lp * u:.6f} (exact bound {bp.root_bound * u:.6f}); nodes {bp.stats['nodes']}, "
              f"max depth {bp.stats['max_depth']}, columns {len(bp.colset)} (root {bp.root_cols}), "
              f"LP solves {bp.stats['lp_iters']}, packing checks {bp.stats['pack_checks']}, cuts {bp.stats['cuts']}, "
              f"{bp.seconds:.1f} s (" + ", ".join(f"{k} {v:.1f}" for k, v in bp.times.items())
            + f"); check {ok}; koers's incumbent: {verdict}")
        proof = None
        if status == "optimal":   # the proof alone: the same search started from the optimum, no master MIP
            proof = BranchAndPrice(inst, log=lambda s: None, time_limit=a.time_limit, mip_time=0)
            pst = proof.solve(start=bp.inc_sol)
            out(f"    proof from the optimum as the start: {pst}, value {proof.inc * u:.6f}, nodes {proof.stats['nodes']}, "
                f"max depth {proof.stats['max_depth']}, LP solves {proof.stats['lp_iters']}, columns {len(proof.colset)}, "
                f"{proof.seconds:.2f} s (" + ", ".join(f"{k} {v:.2f}" for k, v in proof.times.items()) + ")")
        rows.append((seed, st, r, kval, bp, status, ok, verdict, proof))
    out()
    hdr = (f"{'seed':>4} {'step':>4} {'optimum':>10} {'status':>7} {'root LP':>10} {'gap':>6} {'nodes':>6} "
           f"{'depth':>5} {'columns':>7} {'seconds':>7} {'proof nodes':>11} {'proof s':>7} {'koers inc':>10} {'koers':>7} "
           f"{'koers verdict':>14} check")
    out(hdr)
    out("-" * len(hdr))
    for seed, st, r, _kval, bp, status, ok, verdict, proof in rows:
        u = bp.inst.unit / 1e6
        out(f"{seed:>4} {st:>4g} {bp.inc * u:>10.6f} {status:>7} {bp.root_lp * u:>10.6f} "
            f"{(bp.root_lp - bp.inc) * u:>6.3f} {bp.stats['nodes']:>6} {bp.stats['max_depth']:>5} {len(bp.colset):>7} "
            f"{bp.seconds:>7.1f} {proof.stats['nodes'] if proof else '-':>11} "
            f"{f'{proof.seconds:.2f}' if proof else '-':>7} {r.total_score:>10.6f} {r.status:>7} {verdict:>14} {ok}")
    if a.out:
        with open(a.out, "w") as f:
            f.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
