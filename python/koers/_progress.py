"""THE progress bar of koers's long calls (SMAA samples, sensitivity rankings, budget-curve
breakpoints, sweeps, exact solves): a tqdm bar on stderr fed by the C++ ``progress(done, total)``
callback of the call's options (called with the GIL taken by pybind11), or by polling the
counters of a call that runs in a worker thread (:func:`run_watched`: sweeps and the exact
solves, which Ctrl-C cancels). The command line asks for one only when stderr
is a terminal and neither ``--json`` nor ``--quiet`` is given; the library only when
``progress=True``. ``delay`` keeps a short call silent: the bar appears after that many seconds."""
from __future__ import annotations

import threading


def progress_bar(total: int, desc: str, unit: str, delay: float = 0.0):
    """(bar, callback) — or (None, None) without tqdm. Close the bar when the call returns."""
    try:
        import warnings
        with warnings.catch_warnings():  # tqdm.auto warns when a notebook has no ipywidgets: plain bar then
            warnings.simplefilter("ignore")
            from tqdm.auto import tqdm
    except ImportError:  # pragma: no cover
        return None, None
    bar = tqdm(total=total, desc=desc, unit=unit, delay=delay)
    state = {"n": 0}

    def callback(done, total_now):
        if total_now != bar.total:
            bar.total = total_now
        bar.update(done - state["n"])
        state["n"] = done
    return bar, callback


def wanted(args) -> bool:
    """Whether a command shows a bar: stderr a terminal, no --json, no --quiet."""
    import sys
    return not getattr(args, "json", False) and not getattr(args, "quiet", False) and sys.stderr.isatty()


def run_watched(call, cancel, poll=None, interval: float = 0.1):
    """Run ``call()`` — a C++ call that releases the GIL — in a worker thread, while this thread
    calls ``poll()`` every ``interval`` seconds (to feed a bar) and stays able to take Ctrl-C:
    on KeyboardInterrupt it calls ``cancel()`` (the C++ work stops as at a limit), waits for the
    worker to finish (a second Ctrl-C meanwhile is absorbed: the wait is short) and re-raises.
    Returns what ``call()`` returned, or raises what it raised.

    The worker signals its end with an Event, not ``Thread.join``: a join interrupted by
    KeyboardInterrupt can mark a running thread as stopped (CPython gh-90882, 3.11), and the
    interpreter would then exit under a C++ call still running — std::terminate."""
    box: dict = {}
    done = threading.Event()

    def run():
        try:
            box["value"] = call()
        except BaseException as e:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = e
        finally:
            done.set()

    t = threading.Thread(target=run, name="koers-worker", daemon=True)
    t.start()
    try:
        while not done.wait(interval):
            if poll is not None:
                poll()
    except KeyboardInterrupt:
        cancel()
        while True:
            try:
                if done.wait(interval):
                    break
            except KeyboardInterrupt:
                continue
        raise
    if "error" in box:
        raise box["error"]
    return box["value"]


def solve_watched(call, progress: bool, desc: str):
    """An exact solve (``call(counters)`` with a fresh ``_core.SolveProgress``) under
    :func:`run_watched`: Ctrl-C cancels it; with ``progress`` a bar counts the search nodes and
    shows the incumbent (after 0.5 s, so that quick solves stay silent)."""
    from . import _core
    counters = _core.SolveProgress()
    bar = progress_bar(None, desc, "node", delay=0.5)[0] if progress else None

    def poll():
        if bar is not None:
            bar.update(counters.nodes - bar.n)
            if counters.incumbent is not None:
                bar.set_postfix(incumbent=f"{counters.incumbent:.6g}", refresh=False)
    try:
        return run_watched(lambda: call(counters), counters.cancel, poll)
    finally:
        if bar is not None:
            poll()
            bar.close()
