"""Many scenarios of one portfolio solved exactly: on all cores (C++ threads, the GIL released)
or on a Dask cluster, into one table (:func:`sweep`)."""
from __future__ import annotations

import json
import math
from typing import Iterable, Mapping

from .._lazy import pandas as pd
from .. import _core
from .._progress import progress_bar, run_watched
from .portfolio import _as_portfolio
from .result import _options
from .scenario import Scenario, _as_scenario

__all__ = ["sweep"]


def _sweep_columns(portfolio_json: str, scenarios: list[dict], threads: int, progress=None) -> dict:
    """Solve one batch in this process (C++ threads, GIL released); the column dict."""
    base = json.loads(portfolio_json)
    base["scenarios"] = scenarios
    if not scenarios:
        base.pop("scenarios")
    core = _core.portfolio_from_dict(base, "sweep")
    return _core.sweep_portfolio(core, int(threads), _options(0, 0, False, False), progress)


def _sweep_chunk(portfolio_json: str, scenarios: list[dict], threads: int = 1) -> dict:
    """The Dask task: a batch of scenarios on one worker."""
    return _sweep_columns(portfolio_json, scenarios, threads)


def _sweep_bar(total: int, progress: bool):
    """The sweep's bar (scenarios done), or None."""
    return progress_bar(total, "sweep", "scenario")[0] if progress else None


def _run_threaded(pjson: str, dicts: list[dict], threads: int, progress: bool) -> dict:
    prog = _core.SweepProgress()
    bar = _sweep_bar(len(dicts), progress)

    def poll():
        if bar is not None:
            bar.update(prog.done - bar.n)
    try:
        return run_watched(lambda: _sweep_columns(pjson, dicts, threads, prog), prog.cancel, poll)
    finally:
        if bar is not None:
            poll()
            bar.close()


def _merge(parts: list[dict]) -> dict:
    out = {k: [] for k in ("name", "status", "optimum", "selected", "nodes", "error", "error_code", "conflict")}
    streams = parts[0]["streams"] if parts else []
    for k in ("budget_cents", "capacity_cents", "spent_cents"):
        out[k] = {s: [] for s in streams}
    out["streams"] = streams
    for p in parts:
        for k in ("name", "status", "optimum", "selected", "nodes", "error", "error_code", "conflict"):
            out[k].extend(p[k])
        for k in ("budget_cents", "capacity_cents", "spent_cents"):
            for s in streams:
                out[k][s].extend(p[k][s])
    return out


def _sweep_frame(scenarios: list[Scenario], cols: dict) -> pd.DataFrame:
    params = []
    for s in scenarios:
        for k in s.params:
            if k not in params:
                params.append(k)
    data = {"scenario": cols["name"]}
    for k in params:
        data[k] = [s.params.get(k) for s in scenarios]
    data["status"] = cols["status"]
    data["optimum"] = pd.array(cols["optimum"], dtype="Int64")
    data["funded"] = pd.array([len(s) for s in cols["selected"]], dtype="int64")
    for s in cols["streams"]:
        data[f"budget_{s}"] = pd.array(cols["budget_cents"][s], dtype="Int64")
        data[f"capacity_{s}"] = pd.array(cols["capacity_cents"][s], dtype="Int64")
        data[f"spent_{s}"] = pd.array(cols["spent_cents"][s], dtype="Int64")
    data["selected"] = [tuple(x) for x in cols["selected"]]
    data["conflict_stream"] = [c.get("stream") if c else None for c in cols["conflict"]]
    data["error"] = cols["error"]
    return pd.DataFrame(data)


def sweep(portfolio, scenarios: Iterable[Scenario | Mapping], *, threads: int | None = None,
          progress: bool = True, client=None, chunk_size: int | None = None) -> pd.DataFrame:
    """Solve a portfolio under each of many scenarios with the exact optimiser, on all cores.

    Every scenario is validated before anything is solved, so nothing is half-swept; each is
    applied once to the base.

    Parameters
    ----------
    portfolio : Portfolio, dict, str or os.PathLike
        As for :func:`optimise`.
    scenarios : iterable of Scenario or dict
        What to solve, e.g. from :func:`grid`.
    threads : int, optional
        C++ worker threads (None: every core); the GIL is released.
    progress : bool, default True
        A tqdm bar polled from Python.
    client : dask.distributed.Client, optional
        Solve on a Dask cluster instead: the scenarios go in chunks with the portfolio's JSON
        to the workers and come back in order; the table is the same as the local one.
    chunk_size : int, optional
        Scenarios per Dask task (default about 4 per worker thread).

    Returns
    -------
    pandas.DataFrame
        One row per scenario: scenario, the scenario's ``params`` (e.g. cut, payroll_share,
        mandatory), status ("optimal" | "infeasible" | "limit" | "error"), optimum (Int64),
        funded (count), budget_/capacity_/spent_<stream> (cents, Int64), selected (tuple),
        conflict_stream, error. Status "error" is left for what only shows when applying (an
        overflow).

    Raises
    ------
    koers.BudgetError, koers.InputError
        A scenario naming an unknown stream or item, a bad factor, an item both dropped and
        forced — naming it, before any solve.

    Examples
    --------
    >>> import koers
    >>> pf = koers.Portfolio.example("deventer-2014")
    >>> table = koers.sweep(pf, koers.grid(pf, cut=("0", "0.3", "0.1")), progress=False)
    >>> table[["scenario", "status", "optimum", "funded"]]
                          scenario   status  optimum  funded
    0    cut 0 | share 0.02 | none  optimal      117      14
    1  cut 0.1 | share 0.02 | none  optimal      109      12
    2  cut 0.2 | share 0.02 | none  optimal      100      11
    3  cut 0.3 | share 0.02 | none  optimal       89       9
    """
    p = _as_portfolio(portfolio)
    scs = [_as_scenario(s) for s in scenarios]
    dicts = [s.to_dict() for s in scs]
    pjson = p.with_scenarios([]).to_json(-1)
    if client is None:
        cols = _run_threaded(pjson, dicts, 0 if threads is None else int(threads), progress)
    else:
        cols = _run_dask(client, pjson, dicts, threads, progress, chunk_size)
    return _sweep_frame(scs, cols)


def _run_dask(client, pjson, dicts, threads, progress, chunk_size) -> dict:
    from distributed import as_completed
    if not dicts:
        return _sweep_columns(pjson, [], 1)
    if chunk_size is None:
        nthreads = sum(client.nthreads().values()) or 1
        chunk_size = max(1, math.ceil(len(dicts) / (4 * nthreads)))
    chunks = [dicts[i:i + chunk_size] for i in range(0, len(dicts), chunk_size)]
    [pj] = client.scatter([pjson], broadcast=True)
    futures = [client.submit(_sweep_chunk, pj, ch, 1 if threads is None else int(threads), pure=False)
               for ch in chunks]
    index = {f.key: k for k, f in enumerate(futures)}
    parts: list = [None] * len(futures)
    bar = _sweep_bar(len(dicts), progress)
    try:
        for f in as_completed(futures):
            k = index[f.key]
            parts[k] = f.result()
            if bar is not None:
                bar.update(len(chunks[k]))
    finally:
        if bar is not None:
            bar.close()
    return _merge(parts)
