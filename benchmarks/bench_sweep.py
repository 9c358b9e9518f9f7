"""Sweep benchmark (issue 5 §6): 10,004 scenarios of the Deventer portfolio, exact, on 2 threads,
beside the same scenarios solved one by one from Python (benchmarks/harness.py, own process each).

Target: the sweep under 2 s on 2 cores. ``--quick``: 1,000 scenarios.

    python benchmarks/bench_sweep.py [--quick]
"""
from __future__ import annotations

import pathlib
import sys

import harness
from harness import Report, call, under

ME = pathlib.Path(__file__).resolve()


def _grid(quick):
    import koers
    p = koers.Portfolio.example("deventer-2014")
    if quick:  # 25 cuts × 10 payroll shares × 4 mandatory sets = 1,000
        g = koers.grid(p, cut=("0", "0.25", "0.01"), payroll_share=("0.02", "0.03", "0.001"),
                       mandatory={"agressie": [], "+zaakgericht": ["iv.zaakgericht-werken"],
                                  "+hostmanship": ["iv.traject-hostmanship"], "+feedback": ["iv.feedback"]})
    else:  # 61 cuts (0..30 % by 0.5 %) × 41 payroll shares (2..3 % by 0.025 %) × 4 mandatory sets = 10,004
        g = koers.grid(p, cut=("0", "0.30", "0.005"), payroll_share=("0.02", "0.03", "0.00025"),
                       mandatory={"agressie": [], "+zaakgericht": ["iv.zaakgericht-werken"],
                                  "+hostmanship": ["iv.traject-hostmanship"], "+feedback": ["iv.feedback"]},
                       max_scenarios=10_004)  # just over the default limit of 10,000
    return koers, p, g


def case_sweep(quick, threads=2):
    koers, p, g = _grid(quick)
    return (lambda: koers.sweep(p, g, threads=threads, progress=False)), (lambda df: {"scenarios": len(df)})


def case_one_by_one(quick):
    _koers, p, g = _grid(quick)
    return lambda: [p.apply(s).optimise(check_unique=False, check_binding=False) for s in g]


def main(quick: bool = False) -> int:
    rep = Report("bench_sweep", "Scenario sweep of the Deventer portfolio (exact, 2 threads)", quick)
    rep.header()
    k = call(ME, "case_sweep", {"quick": quick}, repeat=3 if quick else 5)
    n = k.info["scenarios"]
    if quick:  # the one-by-one peer takes ~7 s even for the small grid: full runs only
        rep.add(f"sweep {n:,} scenarios", k, target=under(2000))
    else:
        rep.add(f"sweep {n:,} scenarios", k, "one by one from Python",
                call(ME, "case_one_by_one", {"quick": quick}, repeat=1, warmup=0), under(2000))
    rep.save()
    return 0


if __name__ == "__main__":
    sys.exit(main(harness.quick_flag()))
