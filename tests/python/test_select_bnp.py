"""benchmarks/select_bnp.py, the branch-and-price prototype behind docs/solver.md's irregular-hours
figures: on small instances of bench_select's generator (both hour kinds) its proven optimum is
koers's proven optimum, and its solution is a valid selection (checked in exact integers)."""
import pathlib
import sys

import pytest

import koers

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "benchmarks"))
import select_bnp  # noqa: E402
from bench_select import check, generate  # noqa: E402


@pytest.mark.parametrize("seed,step", [(1, 0.1), (2, 0.1), (1, None), (2, None)])
def test_branch_and_price_agrees_with_koers_on_small_instances(seed, step):
    d = generate(40, seed, 3, step)
    inst = select_bnp.Instance(d)
    bp = select_bnp.BranchAndPrice(inst, log=lambda s: None, time_limit=120)
    assert bp.solve() == "optimal"
    r = koers.select(koers.Selection.from_dict(d), check_unique=False, compare_top_n=False)
    assert r.status == "optimal"
    assert bp.inc * inst.unit == round(r.total_score * 1e6)
    assert check(d, select_bnp.assignment_of(inst, bp.inc_sol)) == "ok"
