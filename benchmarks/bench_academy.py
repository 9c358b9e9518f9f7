"""Academy benchmark (issue 8 §5): the nine KPIs of a generated event log of 1,000,000
registrations over 5 years as of 260 weekly dates, koers against pandas, in one run.

Target: under 1 s from Python and at least 10x pandas. Each side runs in its own child process
(same seeded log, generation not timed), so each peak memory (ru_maxrss) is its own. The two
results are compared cell by cell before anything is printed.

    .venv/bin/python benchmarks/bench_academy.py [--quick]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
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


def child(part: str, n: int, out: str) -> None:
    frames = generate(n)
    dates = weekly_dates()
    year = 2022
    res = {}
    if part == "koers":
        import koers
        t = time.perf_counter()
        log = koers.academy.load(dict(zip(["courses", "runs", "registrations", "cancellations"], frames)))
        res["load_s"] = time.perf_counter() - t
        assert log.errors.empty, log.errors.head()
        t = time.perf_counter()
        ts = log.timeseries(dates=dates, year=year)
        res["kpis_s"] = time.perf_counter() - t
    else:
        t = time.perf_counter()
        ts = pandas_kpis(*frames, dates, year)
        res["kpis_s"] = time.perf_counter() - t
    ts.to_pickle(out)
    res["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(res))


def run_child(part, n, out):
    p = subprocess.run([sys.executable, __file__, "--child", part, "--n", str(n), "--out", out],
                       capture_output=True, text=True, check=True)
    return json.loads(p.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--child")
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--out")
    a = ap.parse_args(argv)
    if a.child:
        child(a.child, a.n, a.out)
        return 0
    import tempfile
    n = 50_000 if a.quick else a.n
    with tempfile.TemporaryDirectory() as tmp:
        k = run_child("koers", n, f"{tmp}/koers.pkl")
        p = run_child("pandas", n, f"{tmp}/pandas.pkl")
        tk, tp = pd.read_pickle(f"{tmp}/koers.pkl"), pd.read_pickle(f"{tmp}/pandas.pkl")
    pd.testing.assert_frame_equal(tk, tp[tk.columns], check_dtype=False, check_freq=False)
    ratio = p["kpis_s"] / k["kpis_s"]
    print(f"academy: {n:,} registrations over {YEARS[0]}-{YEARS[1]}, nine KPIs as of 260 weekly dates "
          f"(results identical)")
    print(f"  koers  {k['kpis_s']:8.3f} s  (load from DataFrames {k['load_s']:.2f} s)   peak RSS {k['maxrss_mb']:7.0f} MB")
    print(f"  pandas {p['kpis_s']:8.3f} s                                  peak RSS {p['maxrss_mb']:7.0f} MB")
    print(f"  ratio {ratio:.0f}x   targets: < 1 s from Python {'met' if k['kpis_s'] < 1 else 'MISSED'}, "
          f">= 10x pandas {'met' if ratio >= 10 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
