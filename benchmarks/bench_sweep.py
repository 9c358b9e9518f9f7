"""Sweep benchmark (issue 5 §6): 10,000 scenarios of the Deventer portfolio, exact, on 2 threads.

Target: under 2 s on 2 cores. Run: PYTHONPATH=python python benchmarks/bench_sweep.py
"""
import time

import koers


def main(n_threads=2):
    p = koers.Portfolio.example("deventer-2014")
    # 61 cuts (0..30 % by 0.5 %) × 41 payroll shares (2..3 % by 0.025 %) × 4 mandatory sets = 10,004
    g = koers.grid(p, cut=("0", "0.30", "0.005"), payroll_share=("0.02", "0.03", "0.00025"),
                   mandatory={"agressie": [], "+zaakgericht": ["iv.zaakgericht-werken"],
                              "+hostmanship": ["iv.traject-hostmanship"], "+feedback": ["iv.feedback"]})
    t = time.perf_counter()
    df = koers.sweep(p, g, threads=n_threads, progress=False)
    dt = time.perf_counter() - t
    one = time.perf_counter()
    p.optimise(check_unique=False, check_binding=False)
    one = time.perf_counter() - one
    print(f"sweep: {len(df)} scenarios on {n_threads} threads in {dt:.3f} s "
          f"({len(df) / dt:,.0f} solves/s; target < 2 s: {'met' if dt < 2 else 'MISSED'}); "
          f"one solve from Python {one * 1000:.2f} ms; statuses {df['status'].value_counts().to_dict()}")


if __name__ == "__main__":
    main()
