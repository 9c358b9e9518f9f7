"""Cross-check of the exact selection (koers.select) against HiGHS (highspy, a general MIP solver).

40 seeded random selections with irregular hours (0.1 h steps, some processes of more than half
an expert's hours — the case of the wasted-hours bound, issue 10 §4), pinned processes,
dependencies and a minimum per expert are solved by koers and by HiGHS on the MIP written below.
Source of the expected values: HiGHS's proven optimum on integer scores (micro-points, so its
objective is an integer); koers's assignment is re-checked here in exact milli-hours.

MIP (x_ie binary: process i with expert e):
    max Σ_i score_i · Σ_e x_ie
    s.t. Σ_e x_ie ≤ 1 (= 1 pinned)                   every process once at most
         Σ_i hours_i · x_ie ≤ H_e                     every expert's hours
         Σ_i x_ie ≥ min_items_per_expert               the minimum per expert
         Σ_e x_ae ≤ Σ_e x_be                           "a needs b"
"""
from __future__ import annotations

import random

import numpy as np
import pytest

import highspy  # a test dependency (pyproject's test extra, installed by make test)

import koers


def random_selection(seed: int) -> dict:
    rng = random.Random(seed)
    n = rng.randint(8, 26)
    E = rng.randint(2, 4)
    experts = [{"id": f"e{k}", "hours": rng.randint(150, 260) / 10} for k in range(E)]
    items = []
    for i in range(n):
        big = rng.random() < 0.3
        it = {"id": f"p{i}", "score": rng.randint(0, 60) / 20,
              "hours": rng.randint(90, 200) / 10 if big else rng.randint(20, 90) / 10}
        if rng.random() < 0.08:
            it["pinned"] = True
        if i > 0 and rng.random() < 0.1:
            it["needs"] = [f"p{rng.randrange(i)}"]
        items.append(it)
    # pinned processes must fit at all: keep at most one per expert, and not too big
    pinned = [it for it in items if it.get("pinned")]
    for it in pinned[E:]:
        del it["pinned"]
    return {"format": "koers.selection", "version": 1, "name": f"crosscheck {seed}", "items": items,
            "experts": experts, "min_items_per_expert": rng.choice([0, 1, 1, 2, 4])}


def highs_optimum(d: dict):
    """HiGHS's optimum in micro-points, or None when infeasible."""
    items, ex = d["items"], d["experts"]
    n, E = len(items), len(ex)
    N = n * E
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.5)
    inf = highspy.kHighsInf
    h.addVars(N, np.zeros(N), np.ones(N))
    idx = np.arange(N, dtype=np.int32)
    h.changeColsIntegrality(N, idx, np.array([highspy.HighsVarType.kInteger] * N))
    h.changeColsCost(N, idx, np.repeat([float(round(it["score"] * 1e6)) for it in items], E))
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    pos = {it["id"]: i for i, it in enumerate(items)}
    for i, it in enumerate(items):
        h.addRow(1.0 if it.get("pinned") else -inf, 1.0, E, np.array([i * E + e for e in range(E)], dtype=np.int32),
                 np.ones(E))
        for b in it.get("needs", []):
            j = pos[b]
            h.addRow(-inf, 0.0, 2 * E, np.array([i * E + e for e in range(E)] + [j * E + e for e in range(E)], dtype=np.int32),
                     np.array([1.0] * E + [-1.0] * E))
    for e, x in enumerate(ex):
        cols = np.array([i * E + e for i in range(n)], dtype=np.int32)
        h.addRow(-inf, float(round(x["hours"] * 1000)), n, cols, np.array([float(round(it["hours"] * 1000)) for it in items]))
        if d["min_items_per_expert"]:
            h.addRow(float(d["min_items_per_expert"]), inf, n, cols, np.ones(n))
    h.run()
    st = h.getModelStatus()
    if st == highspy.HighsModelStatus.kInfeasible:
        return None
    assert st == highspy.HighsModelStatus.kOptimal, h.modelStatusToString(st)
    return round(h.getInfo().objective_function_value)


def check_assignment(d: dict, r) -> None:
    items = {it["id"]: it for it in d["items"]}
    seen = []
    for e in d["experts"]:
        ps = r.assignment_map.get(e["id"], [])
        assert len(ps) >= d["min_items_per_expert"]
        assert sum(round(items[p]["hours"] * 1000) for p in ps) <= round(e["hours"] * 1000)
        seen += ps
    assert sorted(seen) == sorted(r.selected)
    assert all(it["id"] in seen for it in d["items"] if it.get("pinned"))
    for it in d["items"]:
        if it["id"] in seen:
            assert all(b in seen for b in it.get("needs", []))


@pytest.mark.parametrize("seed", range(40))
def test_select_equals_highs(seed):
    d = random_selection(seed)
    want = highs_optimum(d)
    r = koers.select(d, check_unique=False, compare_top_n=False, time_limit=60)
    if want is None:
        assert r.status == "infeasible"
        return
    assert r.status == "optimal"
    got = sum(round(it["score"] * 1e6) for it in d["items"] if it["id"] in set(r.selected))
    assert got == want
    check_assignment(d, r)


def test_family_is_not_trivial():
    """The family has infeasible instances, big processes and optima that leave processes out."""
    ds = [random_selection(s) for s in range(40)]
    wants = [highs_optimum(d) for d in ds]
    assert any(w is None for w in wants)
    assert sum(1 for d in ds if any(2 * it["hours"] > min(e["hours"] for e in d["experts"]) for it in d["items"])) > 20
    left_out = 0
    for d, w in zip(ds, wants, strict=True):
        if w is not None and w < sum(round(it["score"] * 1e6) for it in d["items"]):
            left_out += 1
    assert left_out > 20
