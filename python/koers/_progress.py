"""THE progress bar of koers's long calls (SMAA samples, sensitivity rankings, budget-curve
breakpoints): a tqdm bar on stderr fed by the C++ ``progress(done, total)`` callback of the call's
options (called with the GIL taken by pybind11). The command line asks for one only when stderr
is a terminal and neither ``--json`` nor ``--quiet`` is given; the library only when
``progress=True``. ``delay`` keeps a short call silent: the bar appears after that many seconds."""
from __future__ import annotations


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
