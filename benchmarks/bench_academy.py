"""Academy benchmark (issue 8 §5): the nine KPIs of a generated event log of 1,000,000
registrations over 5 years as of 260 weekly dates, koers against pandas, in one run.

Target: under 1 s from Python and at least 10x pandas. Measured through benchmarks/harness.py:
each side runs in its own fresh interpreter (same seeded log; generation and loading are setup,
not timed), so each peak memory is its own. The two results are compared cell by cell.

    .venv/bin/python benchmarks/bench_academy.py [--quick]      (or: benchmarks/run.py --only bench_academy)
"""
from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

YEARS = (2020, 2024)


def generate(n_regs: int, seed: int = 1):
    """A seeded log: 60 courses, runs of ~10 registrations over 2020-2024, 8 % of runs cancelled,
    18 % of registrations cancelled (by self, organiser or with their run)."""
    rng = np.random.default_rng(seed)
    start0, end0 = np.datetime64(f"{YEARS[0]}-01-01"), np.datetime64(f"{YEARS[1]}-12-31")
    span = int((end0 - start0).astype(int))
    n_runs = max(1, n_regs // 10)
    courses = pd.DataFrame({"course_id": np.arange(1, 61), "title": [f"Course {i}" for i in range(1, 61)],
                            "kind": [f"kind {i % 7}" for i in range(1, 61)]})
    run_start = start0 + rng.integers(30, span, n_runs).astype("timedelta64[D]")
    run_cancel = np.full(n_runs, np.datetime64("NaT"), dtype="datetime64[D]")
    cancelled = rng.random(n_runs) < 0.08
    run_cancel[cancelled] = run_start[cancelled] - rng.integers(1, 20, cancelled.sum()).astype("timedelta64[D]")
    runs = pd.DataFrame({"run_id": np.arange(1, n_runs + 1), "course_id": rng.integers(1, 61, n_runs),
                         "start_date": run_start, "cancelled_on": run_cancel})
    reg_run = rng.integers(0, n_runs, n_regs)
    lead = rng.integers(1, 60, n_regs).astype("timedelta64[D]")
    reg_on = np.maximum(run_start[reg_run] - lead, start0)
    rc = run_cancel[reg_run]
    on_cancelled = ~np.isnat(rc)
    reg_on[on_cancelled] = np.minimum(reg_on[on_cancelled], rc[on_cancelled])
    regs = pd.DataFrame({"registration_id": np.arange(1, n_regs + 1), "run_id": reg_run + 1,
                         "employee_id": rng.integers(1, 5001, n_regs), "registered_on": reg_on})
    # cancellations: every registration of a cancelled run on its date; 12 % of the others
    own = (~on_cancelled) & (rng.random(n_regs) < 0.12)
    gap = np.maximum((run_start[reg_run] - reg_on).astype(int), 1)
    own_on = reg_on + (rng.random(n_regs) * gap).astype(int).astype("timedelta64[D]")
    ids = np.concatenate([np.flatnonzero(on_cancelled), np.flatnonzero(own)])
    dates = np.concatenate([rc[on_cancelled], own_on[own]])
    by = np.concatenate([np.full(on_cancelled.sum(), "run_cancelled", dtype=object),
                         np.where(rng.random(own.sum()) < 0.6, "self", "organiser").astype(object)])
    cancels = pd.DataFrame({"registration_id": ids + 1, "cancelled_on": dates, "by": by})
    return courses, runs, regs, cancels


def weekly_dates(n=260):
    return pd.date_range(f"{YEARS[0]}-01-05", periods=n, freq="W")


def pandas_kpis(courses, runs, regs, cancels, dates, year):
    """The nine KPIs by the definitions of issue 8 §3, one vectorised recount per date."""
    r = regs.merge(runs[["run_id", "start_date", "cancelled_on"]], on="run_id", how="left", suffixes=("", "_run"))
    r = r.merge(cancels.rename(columns={"cancelled_on": "reg_cancelled_on"}), on="registration_id", how="left")
    kinds = runs["course_id"].nunique()
    rows = []
    for d in dates:
        run_cancelled = runs["cancelled_on"] <= d
        run_started = (runs["start_date"] <= d) & ~run_cancelled
        exist = r["registered_on"] <= d
        reg_cancelled = exist & (r["reg_cancelled_on"] <= d)
        started = (r["start_date"] <= d) & ~(r["cancelled_on"] <= d)
        live_started = exist & ~reg_cancelled & started
        n_started = int(run_started.sum())
        n_part = int(live_started.sum())
        rows.append({"kinds_of_training": kinds, "registrations_total": int(exist.sum()), "runs_started": n_started,
                     "participants_in_started_runs": n_part,
                     "avg_participants_per_started_run": n_part / n_started if n_started else np.nan,
                     f"runs_planned_in_{year}": int(((runs["start_date"].dt.year == year) & ~run_cancelled).sum()),
                     "participants_cancelled": int(reg_cancelled.sum()),
                     "participants_cancelled_by_self": int((reg_cancelled & (r["by"] == "self")).sum()),
                     "runs_cancelled": int(run_cancelled.sum())})
    return pd.DataFrame(rows, index=pd.DatetimeIndex(dates, name="as_of"))


def _cells(ts) -> list:
    """The result as JSON-safe cells (NaN as None), for the cross-check of the two sides."""
    return [[None if (isinstance(v, float) and np.isnan(v)) else round(float(v), 12) for v in row]
            for row in ts[sorted(ts.columns)].to_numpy()]


def koers_case(n: int):
    """Setup (not timed): generate, load into koers; the body: the nine KPIs at 260 dates."""
    import koers
    frames = generate(n)
    t = time.perf_counter()
    log = koers.academy.load(dict(zip(["courses", "runs", "registrations", "cancellations"], frames, strict=True)))
    load_s = time.perf_counter() - t
    assert log.errors.empty, log.errors.head()
    dates = weekly_dates()
    return (lambda: log.timeseries(dates=dates, year=2022)), (lambda ts: {"cells": _cells(ts), "load_s": load_s})


def pandas_case(n: int):
    frames = generate(n)
    dates = weekly_dates()
    return (lambda: pandas_kpis(*frames, dates, 2022)), (lambda ts: {"cells": _cells(ts)})


def main(argv=None) -> int:
    import harness
    quick = harness.quick_flag(argv)
    n = 50_000 if quick else 1_000_000
    rep = harness.Report("bench_academy", "Academy event log: nine KPIs as of 260 weekly dates", quick)
    rep.header()
    k = harness.call(__file__, "koers_case", {"n": n}, repeat=5, warmup=1)
    p = harness.call(__file__, "pandas_case", {"n": n}, repeat=1 if not quick else 3, warmup=0)
    same = k.info["cells"] == p.info["cells"]
    if not same:
        raise SystemExit("koers and pandas disagree: the benchmark compares nothing")
    rep.add(f"{n:,} registrations, 5 years, 260 dates", k, "pandas recount", p, harness.under(1000))
    rep.add(f"{n:,} registrations: ≥ 10× pandas", k, "pandas recount", p, harness.at_least(10))
    rep.note(f"results identical cell by cell; koers loads the DataFrames in {k.info['load_s']:.2f} s (not timed "
             "above); pandas: one vectorised recount per date over the merged registrations")
    rep.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
