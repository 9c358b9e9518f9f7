"""The exact budget curve of one stream: every budget at which the optimum changes."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .._checks import INT64_MAX, whole
from .._lazy import LazyModule, pandas as pd
from .._progress import progress_bar
from .. import _core
from .result import _options

if TYPE_CHECKING:  # annotations only
    from .frames import BudgetCurve
    from .portfolio import Portfolio

#: BudgetCurve derives from a DataFrame, so its module imports pandas: loaded on first use.
frames = LazyModule("koers.budget.frames")


def _curve(p: Portfolio, stream: str, *, max_points: int = 100000, node_limit: int = 0,
           time_limit: float = 0, progress: bool = False) -> BudgetCurve:
    """The curve of :func:`koers.budget.curve` for a :class:`Portfolio`."""
    bar, cb = None, None
    if progress:
        bar, cb = progress_bar(0, "curve", "value", delay=1.0)
    try:
        raw = json.loads(_core.curve_json(p._p, stream, _options(node_limit, time_limit, False, False),
                                          whole(max_points, "max_points", 1, INT64_MAX), cb))
    finally:
        if bar is not None:
            bar.close()
    pts = raw["breakpoints"]
    df = frames.BudgetCurve({"budget": pd.Series([b["budget_cents"] for b in pts], dtype="int64"),
                             "optimum": pd.Series([b["optimum"] for b in pts], dtype="Int64"),
                             "selected": [tuple(b["selected"]) for b in pts]})
    df.stream = stream
    df.portfolio_name = p.name
    return df
