"""Many scenarios of one portfolio solved exactly: on all cores (C++ threads, the GIL released)
or on a Dask cluster, into one table (:func:`sweep`)."""
from __future__ import annotations

import json
import math
import threading
from typing import Iterable, Mapping

from .._lazy import pandas as pd
from .. import _core
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
    core = _core.parse_portfolio(json.dumps(base, ensure_ascii=False), "sweep")
    return json.loads(_core.sweep_portfolio_json(core, int(threads), _options(0, 0, False, False), progress))


def _sweep_chunk(portfolio_json: str, scenarios: list[dict], threads: int = 1) -> dict:
    """The Dask task: a batch of scenarios on one worker."""
    return _sweep_columns(portfolio_json, scenarios, threads)


def _run_threaded(pjson: str, dicts: list[dict], threads: int, progress: bool) -> dict:
    prog = _core.SweepProgress()
    box: dict = {}

    def run():
        try:
            box["cols"] = _sweep_columns(pjson, dicts, threads, prog)
        except BaseException as e:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = e

    t = threading.Thread(target=run, name="koers-sweep", daemon=True)
    bar = _bar(len(dicts), progress)
    t.start()
    try:
        last = 0
        while t.is_alive():
            t.join(0.1)
            d = prog.done
            if bar is not None and d > last:
                bar.update(d - last)
                last = d
        if bar is not None and prog.done > last:
            bar.update(prog.done - last)
    except KeyboardInterrupt:
        prog.cancel()
        t.join()
        raise
    finally:
        if bar is not None:
            bar.close()
    if "error" in box:
        raise box["error"]
    return box["cols"]


def _bar(total: int, progress):
    if not progress:
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError:  # pragma: no cover
        return None
    return tqdm(total=total, desc="sweep", unit="scenario")


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
    """Solve ``portfolio`` under each scenario (applied once to the base) with the exact optimiser.

    Locally: all cores (``threads``; None = all) from C++ threads, the GIL released, a tqdm bar
    polled from Python. With ``client`` (a ``dask.distributed.Client``): the scenarios go in
    chunks (``chunk_size``, default ≈ 4 per worker thread) with the portfolio's JSON to the
    workers and come back in order; the table is the same as the local one.

    Returns one row per scenario: scenario, the scenario's ``params`` (e.g. cut, payroll_share,
    mandatory), status ("optimal" | "infeasible" | "limit" | "error"), optimum (Int64), funded
    (count), budget_/capacity_/spent_<stream> (cents, Int64), selected (tuple), conflict_stream,
    error. Every scenario is validated before anything is solved (unknown stream or item, a bad
    factor, an item both dropped and forced → BudgetError/InputError naming it): nothing is
    half-swept. Status "error" is left for what only shows when applying (e.g. an overflow).
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
    bar = _bar(len(dicts), progress)
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
