"""benchmarks/select_bounds.py: the column-formulation LP bound is a valid, per-expert bound."""
import pathlib
import sys

import pytest

import koers

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "benchmarks"))
import select_bounds  # noqa: E402
from bench_select import generate  # noqa: E402


def _sel(items, experts, hours):
    return {"format": "koers.selection", "version": 1, "name": "t",
            "items": [{"id": f"p{i}", "score": s, "hours": h} for i, (s, h) in enumerate(items)],
            "experts": [{"id": f"e{k}", "hours": hours} for k in range(experts)]}


def test_column_bound_keeps_each_experts_hours():
    # three processes of 6 h, two experts of 10 h: one process each. The pooled LP says
    # 20/6 = 3.33; the column LP knows that no expert takes two.
    d = _sel([(1.0, 6), (1.0, 6), (1.0, 6)], 2, 10)
    r = koers.select(d)
    assert r.total_score == 2.0
    lp, _, _ = select_bounds.column_bound(d, r.assignment_map)
    assert lp == pytest.approx(2.0, abs=1e-9)


def test_column_bound_lies_between_the_optimum_and_the_pooled_lp():
    d = generate(30, 1, 3, 0.1)
    r = koers.select(d, check_unique=False)
    assert r.status == "optimal"
    lp, rounds, cols = select_bounds.column_bound(d, r.assignment_map)
    assert lp >= r.total_score - 1e-6
    items = sorted(d["items"], key=lambda it: -it["score"] / it["hours"])
    pinned = [it for it in items if it.get("mandatory")]
    room = sum(e["hours"] for e in d["experts"]) - sum(it["hours"] for it in pinned)
    pooled = sum(it["score"] for it in pinned)
    for it in items:
        if it.get("mandatory"):
            continue
        take = min(1.0, room / it["hours"])
        pooled += take * it["score"]
        room -= take * it["hours"]
        if room <= 0:
            break
    assert lp <= pooled + 1e-6
    assert rounds >= 1 and cols >= len(d["experts"])


def test_column_bound_refuses_unequal_experts():
    d = _sel([(1.0, 6)], 2, 10)
    d["experts"][1]["hours"] = 8
    with pytest.raises(ValueError, match="same hours"):
        select_bounds.column_bound(d, {})
