"""Choosing the work: which processes the Lean experts take on, proven optimal (issue 4 §2).

Ranking is not choosing. A "take the top 10" cut ignores that processes need different hours
and that a process goes whole to one expert; :func:`select` finds the selection and the
assignment (expert → processes) with the highest total score, proves it optimal (bound = total,
gap 0) with the exact branch-and-bound core in C++ (the GIL is released while it runs), and
shows what the top-N cut would have selected, whether it can even be assigned, and what it loses.

>>> import koers.selection as ks
>>> s = ks.Selection.from_dict({"format": "koers.selection", "version": 1,
...     "items": [{"id": "big", "score": 10, "hours": 150}, {"id": "b", "score": 6, "hours": 60},
...               {"id": "c", "score": 5, "hours": 50}, {"id": "urgent", "score": 1, "hours": 40, "pinned": True}],
...     "experts": [{"id": "x", "hours": 100}, {"id": "y", "hours": 100}],
...     "min_items_per_expert": 1, "top_n": 2})
>>> r = ks.select(s)
>>> r.status, r.optimum, r.gap, r.selected
('optimal', 12.0, 0.0, ['b', 'c', 'urgent'])
>>> r.top_n.selected, r.top_n.feasible   # "big" needs more hours than any one expert has
(['big', 'urgent'], False)

Under uncertain weights, :func:`selection_probability` gives the share of weight samples in
which each process is in the optimal set, and :func:`selection_sensitivity` the smallest
one-at-a-time weight change that moves a process in or out of it.
"""
from __future__ import annotations

import copy
import dataclasses
import json
import math
import os
import pathlib
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from . import _core
from .errors import InputError

__all__ = ["Selection", "SelectionResult", "TopNCut", "select", "selection_probability",
           "selection_sensitivity", "expert_hours", "working_days"]

_FORMAT = "koers.selection"
_VERSION = 1
# error codes (koers.Errc): keep the numbers here so this module imports without the enum
_E_INVALID_VALUE = 107
_E_NOT_FINITE = 110
_E_UNKNOWN_NAME = 111
_E_BAD_JSON = 106


def _dumps(data) -> str:
    try:
        return json.dumps(data, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise InputError(f"selection is not JSON-serialisable: {e}", _E_BAD_JSON, ["/"]) from None


# ---------------------------------------------------------------------------------------------
# Working days and expert hours
# ---------------------------------------------------------------------------------------------
def _as_date(d):
    import datetime as _dt
    if isinstance(d, _dt.datetime):
        return d.date()
    if isinstance(d, _dt.date):
        return d
    try:
        return _dt.date.fromisoformat(str(d))
    except ValueError:
        raise InputError(f"'{d}' is not a date (YYYY-MM-DD)", _E_INVALID_VALUE, [str(d)]) from None


def working_days(period: Sequence) -> int:
    """The number of Dutch working days in ``period = (first, last)`` (both inclusive).

    Uses :class:`koers.Calendar` (the foundation's calendar) when it offers a working-day
    count; raises :class:`koers.InputError` otherwise — hours are never guessed.
    """
    first, last = (_as_date(period[0]), _as_date(period[1]))
    if last < first:
        raise InputError(f"period ends ({last}) before it starts ({first})", _E_INVALID_VALUE, ["period"])
    from . import calendar as _cal
    cal_cls = getattr(_cal, "Calendar", None)
    errors = []
    for factory in ("dutch", "netherlands", "nl"):
        make = getattr(cal_cls, factory, None)
        if make is None:
            continue
        try:
            cal = make()
        except Exception as e:  # pragma: no cover - depends on the calendar area
            errors.append(str(e))
            continue
        for meth in ("working_days", "count_working_days", "workdays"):
            f = getattr(cal, meth, None)
            if f is not None:
                n = f(first.isoformat(), last.isoformat()) if True else None
                n = len(n) if hasattr(n, "__len__") else int(n)
                return int(n)
    try:
        cal = cal_cls()  # default calendar
        for meth in ("working_days", "count_working_days", "workdays"):
            f = getattr(cal, meth, None)
            if f is not None:
                n = f(first.isoformat(), last.isoformat())
                return int(len(n) if hasattr(n, "__len__") else n)
    except Exception as e:  # pragma: no cover
        errors.append(str(e))
    raise InputError("koers.Calendar cannot count working days in this build; give the experts' hours "
                     "explicitly" + (f" ({'; '.join(errors)})" if errors else ""), _E_INVALID_VALUE, ["period"])


def expert_hours(hours_per_week: float, period: Sequence) -> float:
    """Hours an expert has in ``period``: ``hours_per_week`` × working days / 5.

    ("4 hours a week" over the working days of the period: a week of 5 working days gives
    the full ``hours_per_week``; a public holiday takes one fifth of it off.)
    """
    h = float(hours_per_week)
    if not math.isfinite(h) or h < 0:
        raise InputError(f"hours_per_week must be a finite number ≥ 0, not {hours_per_week}", _E_INVALID_VALUE,
                         ["hours_per_week"])
    return h * working_days(period) / 5.0


# ---------------------------------------------------------------------------------------------
# The problem
# ---------------------------------------------------------------------------------------------
class Selection:
    """Processes (score, hours, pinned, needs), experts with their hours, the minimum number of
    processes per expert and the length of the top-N cut to compare with (``koers.selection`` v1).

    Build one with :meth:`load`, :meth:`loads`, :meth:`from_dict` or :meth:`from_ranking`.
    Every construction goes through the C++ reader, so a Selection is always valid.
    Pickles (as its dictionary) and compares by value.
    """

    __slots__ = ("_dict", "_core_obj")

    def __init__(self, core_selection: "_core.Selection"):
        if not isinstance(core_selection, _core.Selection):
            raise TypeError("use Selection.load / loads / from_dict / from_ranking")
        self._core_obj = core_selection
        self._dict = json.loads(core_selection.to_json(-1))

    # ---- construction and files --------------------------------------------------------
    @classmethod
    def from_dict(cls, data: Mapping) -> "Selection":
        """A selection from a ``koers.selection`` dictionary (as in the JSON file)."""
        if not isinstance(data, Mapping):
            raise InputError(f"a selection must be a JSON object, not {type(data).__name__}", _E_BAD_JSON, ["/"])
        return cls(_core.parse_selection(_dumps(dict(data)), "selection"))

    @classmethod
    def loads(cls, text: str, origin: str = "selection") -> "Selection":
        """A selection from ``koers.selection`` JSON text."""
        return cls(_core.parse_selection(text, origin))

    @classmethod
    def load(cls, path) -> "Selection":
        """Read a ``koers.selection`` file (InputError E100 when it cannot be read)."""
        return cls(_core.load_selection(os.fspath(path)))

    def to_dict(self) -> dict:
        """The selection as a ``koers.selection`` dictionary (a copy)."""
        return copy.deepcopy(self._dict)

    def to_json(self, indent: int = 2) -> str:
        return self._core_obj.to_json(indent)

    def save(self, path) -> None:
        """Write a ``koers.selection`` file."""
        pathlib.Path(path).write_text(self.to_json(2) + "\n", encoding="utf-8")

    @classmethod
    def from_ranking(cls, ranking, hours, experts, *, hours_per_week: float = 4,
                     period: Sequence = ("2022-01-01", "2022-12-31"), pinned: Iterable[str] = (),
                     min_items_per_expert: int = 1, top_n: int = 10, needs: Mapping | None = None,
                     items: Iterable[str] | None = None, name: str = "") -> "Selection":
        """A selection from a ranking.

        ``ranking``: a rank result with labelled ``.scores`` (higher is better) or a Series
        (process → score). ``hours``: process → hours (Mapping/Series) or one number for all.
        ``experts``: a number (``expert-01`` … ids), a list of ids (each gets
        :func:`expert_hours` ``(hours_per_week, period)``) or a Mapping expert → hours (used
        as given). ``pinned``: urgent processes that must be in. ``needs``: process → list of
        processes it needs. ``items``: restrict to these processes (default: all ranked).
        """
        scores = _scores_of(ranking)
        ids = list(scores.index) if items is None else [str(i) for i in items]
        for i in ids:
            if i not in scores.index:
                raise InputError(f"process '{i}' is not in the ranking", _E_UNKNOWN_NAME, [i])
        pinned = [str(p) for p in pinned]
        for p in pinned:
            if p not in ids:
                raise InputError(f"pinned process '{p}' is not among the processes", _E_UNKNOWN_NAME, [p])
        if isinstance(hours, (Mapping, pd.Series)):
            hmap = dict(hours.items())
            missing = [i for i in ids if i not in hmap]
            if missing:
                raise InputError(f"no hours for process '{missing[0]}'" +
                                 (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""),
                                 _E_UNKNOWN_NAME, missing)
        else:
            hmap = {i: hours for i in ids}
        needs = dict(needs or {})
        out_items = []
        for i in ids:
            it = {"id": i, "score": float(scores[i]), "hours": float(hmap[i])}
            if i in pinned:
                it["pinned"] = True
            if needs.get(i):
                it["needs"] = [str(x) for x in needs[i]]
            out_items.append(it)
        if isinstance(experts, Mapping):
            ex = [{"id": str(e), "hours": float(h)} for e, h in experts.items()]
        else:
            if isinstance(experts, (int, np.integer)) and not isinstance(experts, bool):
                width = max(2, len(str(int(experts))))
                eids = [f"expert-{k:0{width}d}" for k in range(1, int(experts) + 1)]
            else:
                eids = [str(e) for e in experts]
            h = expert_hours(hours_per_week, period)
            ex = [{"id": e, "hours": h} for e in eids]
        d = {"format": _FORMAT, "version": _VERSION, "items": out_items, "experts": ex,
             "min_items_per_expert": int(min_items_per_expert), "top_n": int(top_n)}
        if name:
            d["name"] = name
        return cls.from_dict(d)

    # ---- views -------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self._dict.get("name", "")

    @property
    def top_n(self) -> int:
        return int(self._dict.get("top_n", 0))

    @property
    def min_items_per_expert(self) -> int:
        return int(self._dict.get("min_items_per_expert", 0))

    @property
    def capacity_hours(self) -> float | None:
        return self._dict.get("capacity_hours")

    @property
    def items(self) -> pd.DataFrame:
        """One row per process (index ``id``): score, hours, pinned, needs."""
        rows = [{"id": it["id"], "score": float(it["score"]), "hours": float(it["hours"]),
                 "pinned": bool(it.get("pinned", False)), "needs": list(it.get("needs", []))}
                for it in self._dict["items"]]
        return pd.DataFrame(rows, columns=["id", "score", "hours", "pinned", "needs"]).set_index("id")

    @property
    def experts(self) -> pd.DataFrame:
        """One row per expert (index ``id``) with the hours as the file gives them."""
        rows = [dict(e) for e in self._dict.get("experts", [])]
        if not rows:
            return pd.DataFrame(columns=["hours"], index=pd.Index([], name="id"))
        return pd.DataFrame(rows).set_index("id")

    def with_scores(self, scores) -> "Selection":
        """The same selection with other scores (Mapping/Series process → score; all processes)."""
        smap = dict(scores.items()) if hasattr(scores, "items") else None
        if smap is None:
            raise TypeError("scores must be a Mapping or a Series")
        d = self.to_dict()
        for it in d["items"]:
            if it["id"] not in smap:
                raise InputError(f"no score for process '{it['id']}'", _E_UNKNOWN_NAME, [it["id"]])
            it["score"] = float(smap[it["id"]])
        return Selection.from_dict(d)

    def select(self, **options) -> "SelectionResult":
        """:func:`select` on this selection."""
        return select(self, **options)

    # ---- protocol ----------------------------------------------------------------------
    def __eq__(self, other):
        if not isinstance(other, Selection):
            return NotImplemented
        return self._dict == other._dict

    __hash__ = None

    def __getstate__(self):
        return {"dict": self._dict}

    def __setstate__(self, state):
        obj = _core.parse_selection(_dumps(state["dict"]), "selection")
        self._core_obj = obj
        self._dict = json.loads(obj.to_json(-1))

    def __reduce__(self):
        return (_selection_from_state, (self._dict,))

    def __repr__(self):
        it = self._dict["items"]
        ex = self._dict.get("experts", [])
        pins = sum(1 for i in it if i.get("pinned"))
        hours = sum(float(i["hours"]) for i in it)
        cap = (sum(float(e.get("hours", 0)) for e in ex) if ex else float(self._dict.get("capacity_hours", 0)))
        who = f"{len(ex)} experts" if ex else "one pool"
        nm = f" {self.name!r}" if self.name else ""
        return (f"<koers.Selection{nm}: {len(it)} processes ({pins} pinned, {hours:g} h), {who} with {cap:g} h, "
                f"≥{self.min_items_per_expert} per expert, top_n={self.top_n}>")


def _selection_from_state(d):
    return Selection.from_dict(d)


def _scores_of(ranking) -> pd.Series:
    """Labelled higher-is-better scores from a rank result, a Series or a Mapping."""
    if isinstance(ranking, pd.Series):
        s = ranking
    elif isinstance(ranking, Mapping):
        s = pd.Series(dict(ranking), dtype=float)
    else:
        scores = getattr(ranking, "scores", None)
        if scores is None:
            raise TypeError("ranking must be a rank result with .scores, a Series or a Mapping")
        if not isinstance(scores, pd.Series):
            raise InputError("the rank result has unlabelled scores (a NumPy array); rank a DataFrame so that "
                             "the processes have names", _E_INVALID_VALUE, ["scores"])
        s = scores
        order = getattr(ranking, "ranking", None)
        if order is not None and len(s) > 1:
            best = list(order)[0]
            if s[best] < s.max():
                raise InputError("this method's scores are lower-is-better (e.g. VIKOR Q, SPOTIS distance); "
                                 "give selection scores where higher is better", _E_INVALID_VALUE, ["scores"])
    s = s.astype(float)
    s.index = [str(i) for i in s.index]
    bad = [i for i, v in s.items() if not math.isfinite(v)]
    if bad:
        raise InputError(f"process '{bad[0]}' has a non-finite score", _E_NOT_FINITE, bad)
    return s


# ---------------------------------------------------------------------------------------------
# The answer
# ---------------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class TopNCut:
    """What "take the top N" (pinned first, then by score) would have done."""
    n: int
    selected: list
    total_score: float
    feasible: bool            #: the N processes can be assigned within the experts' hours
    lost: float               #: optimum − total_score of the cut (0 when the problem is infeasible)
    meets_minimum: bool       #: ... and every expert can get at least min_items_per_expert of them
    assignment: dict          #: expert → processes for the cut (empty when it cannot be assigned)
    missing: list             #: in the optimum, not in the cut
    extra: list               #: in the cut, not in the optimum

    def to_dict(self) -> dict:
        return {"n": self.n, "selected": list(self.selected), "total_score": self.total_score,
                "feasible": self.feasible, "lost": self.lost, "meets_minimum": self.meets_minimum,
                "assignment": {k: list(v) for k, v in self.assignment.items()},
                "missing": list(self.missing), "extra": list(self.extra)}


class SelectionResult:
    """The optimal selection and assignment, with the proof (bound, gap) and the top-N cut.

    Attributes: ``status`` ("optimal", "infeasible" or "limit"), ``optimum`` (= ``total_score``),
    ``bound``, ``gap`` (0 when proven; None when infeasible), ``selected`` (ids, input order),
    ``unique``, ``assignment_map`` (expert → ids), ``top_n`` (:class:`TopNCut`), ``conflict``
    (dict or None) and ``explanation`` (why it is infeasible, else "").
    DataFrames: :attr:`items`, :attr:`assignment`, :attr:`experts`; Series :attr:`hours_used`.
    """

    def __init__(self, selection: Selection, raw: dict, cut_meets_minimum: bool):
        self.selection = selection
        self.raw = raw
        self.status = raw["status"]
        self.selected = list(raw["selected"])
        self.total_score = float(raw["total_score"])
        self.bound = None if raw.get("bound") is None else float(raw["bound"])
        self.gap = None if raw.get("gap") is None else float(raw["gap"])
        self.unique = bool(raw.get("unique", False))
        self.assignment_map = {k: list(v) for k, v in raw.get("assignment", {}).items()}
        self.conflict = raw.get("conflict")
        self.explanation = self.conflict["message"] if self.conflict else ""
        self.nodes = int(raw.get("nodes", 0))
        self.seconds = float(raw.get("seconds", 0.0))
        c = raw["top_n_cut"]
        sel = set(self.selected)
        cut = list(c["selected"])
        self.top_n = TopNCut(n=int(c["n"]), selected=cut, total_score=float(c["total_score"]),
                             feasible=bool(c["feasible"]), lost=float(c["lost"]),
                             meets_minimum=bool(cut_meets_minimum),
                             assignment={k: list(v) for k, v in c.get("assignment", {}).items()},
                             missing=[] if self.status == "infeasible" else [i for i in self.selected if i not in set(cut)],
                             extra=[] if self.status == "infeasible" else [i for i in cut if i not in sel])

    @property
    def optimal(self) -> bool:
        return self.status == "optimal"

    @property
    def optimum(self) -> float | None:
        """Total score of the chosen processes (the proven optimum when ``status`` is optimal;
        None when infeasible)."""
        return None if self.status == "infeasible" else self.total_score

    @property
    def items(self) -> pd.DataFrame:
        """Every process: score, hours, pinned, selected, expert (or None), in_top_n."""
        df = self.selection.items.drop(columns=["needs"])
        who = {p: e for e, ps in self.assignment_map.items() for p in ps}
        sel, cut = set(self.selected), set(self.top_n.selected)
        df["selected"] = [i in sel for i in df.index]
        df["expert"] = [who.get(i) for i in df.index]
        df["in_top_n"] = [i in cut for i in df.index]
        return df

    @property
    def assignment(self) -> pd.DataFrame:
        """One row per (expert, process) of the optimal assignment, with score and hours."""
        items = self.selection.items
        rows = [{"expert": e, "process": p, "score": float(items.at[p, "score"]), "hours": float(items.at[p, "hours"])}
                for e, ps in self.assignment_map.items() for p in ps]
        return pd.DataFrame(rows, columns=["expert", "process", "score", "hours"])

    @property
    def hours_used(self) -> pd.Series:
        """Hours each expert spends on the assigned processes (experts in file order)."""
        ex = self.selection.experts
        a = self.assignment
        used = a.groupby("expert")["hours"].sum() if len(a) else pd.Series(dtype=float)
        return pd.Series({e: float(used.get(e, 0.0)) for e in ex.index}, name="hours_used", dtype=float)

    @property
    def experts(self) -> pd.DataFrame:
        """Per expert: hours available, used, free and the number of processes."""
        ex = self.selection.experts
        used = self.hours_used
        n = {e: len(ps) for e, ps in self.assignment_map.items()}
        df = pd.DataFrame({"hours_available": ex["hours"].astype(float) if "hours" in ex else np.nan,
                           "hours_used": used.reindex(ex.index).fillna(0.0)}, index=ex.index)
        df["hours_free"] = df["hours_available"] - df["hours_used"]
        df["processes"] = [n.get(e, 0) for e in ex.index]
        return df

    def to_dict(self) -> dict:
        """The JSON shape of ``koers select --json``."""
        d = {"status": self.status, "optimum": None if self.status == "infeasible" else self.total_score,
             "total_score": self.total_score,
             "bound": self.bound, "gap": self.gap, "unique": self.unique, "selected": list(self.selected),
             "assignment": {k: list(v) for k, v in self.assignment_map.items()},
             "hours_used": {k: float(v) for k, v in self.hours_used.items()},
             "hours_used_total": float(self.raw.get("hours_used", 0.0)),
             "hours_available": float(self.raw.get("hours_available", 0.0)),
             "top_n": self.top_n.to_dict(), "top_n_cut": self.top_n.to_dict(),
             "nodes": self.nodes, "seconds": self.seconds}
        if self.conflict:
            d["conflict"] = dict(self.conflict)
            d["explanation"] = self.explanation
        return d

    def __repr__(self):
        if self.status == "infeasible":
            return f"<koers.SelectionResult infeasible: {self.explanation}>"
        c = self.top_n
        cut = (f"top-{c.n} cut {c.total_score:g}" + ("" if c.feasible else " (cannot be assigned)")
               + ("" if c.meets_minimum or not c.feasible else " (leaves an expert below the minimum)"))
        return (f"<koers.SelectionResult {self.status}: {len(self.selected)} processes, total {self.total_score:g}, "
                f"bound {self.bound:g}, gap {self.gap:g}; {cut}>")

    def _repr_html_(self):
        head = f"<p><b>{self.status}</b>"
        if self.status != "infeasible":
            head += (f": total score {self.total_score:g}, bound {self.bound:g}, gap {self.gap:g}; "
                     f"top-{self.top_n.n} cut {self.top_n.total_score:g}"
                     f"{'' if self.top_n.feasible else ' (cannot be assigned)'}")
        else:
            head += f": {self.explanation}"
        return head + "</p>" + self.items.to_html()

    # ---- plots -------------------------------------------------------------------------
    def plot(self, kind: str = "comparison", ax=None):
        """``kind="comparison"``: each process's score, coloured by optimum / top-N cut / both;
        ``kind="assignment"``: each expert's hours, stacked by process, against the hours available.
        Returns the Axes."""
        if kind == "comparison":
            return self._plot_comparison(ax)
        if kind == "assignment":
            return self._plot_assignment(ax)
        raise ValueError("kind must be 'comparison' or 'assignment'")

    def _plot_comparison(self, ax=None):
        import textwrap
        df = self.items.sort_values("score", ascending=True)
        if ax is None:
            import matplotlib.pyplot as plt
            _, ax = plt.subplots(figsize=(9, max(3.0, 0.28 * len(df) + 1.2)))
        colours = {(True, True): "#2e75b6", (True, False): "#70ad47", (False, True): "#c00000",
                   (False, False): "#d9d9d9"}
        labels = {(True, True): "in both", (True, False): "optimum only",
                  (False, True): f"top-{self.top_n.n} cut only", (False, False): "neither"}
        y = np.arange(len(df))
        cols = [colours[(bool(s), bool(t))] for s, t in zip(df["selected"], df["in_top_n"])]
        ax.barh(y, df["score"], color=cols)
        names = [textwrap.shorten(str(i), 48) + (" (pinned)" if p else "") for i, p in zip(df.index, df["pinned"])]
        ax.set_yticks(y)
        ax.set_yticklabels(names, fontsize=7)
        for yy, (sc, h) in enumerate(zip(df["score"], df["hours"])):
            ax.text(sc, yy, f" {h:g} h", va="center", fontsize=6)
        from matplotlib.patches import Patch
        seen = [k for k in colours if any((bool(s), bool(t)) == k for s, t in zip(df["selected"], df["in_top_n"]))]
        ax.legend(handles=[Patch(color=colours[k], label=labels[k]) for k in seen], fontsize=7, loc="lower right")
        cut = self.top_n
        ax.set_xlabel("score")
        ax.set_title(f"Optimal selection {self.total_score:.3g} (gap {self.gap if self.gap is not None else '-'}) "
                     f"vs top-{cut.n} cut {cut.total_score:.3g}" + ("" if cut.feasible else " — cut cannot be assigned"),
                     fontsize=9)
        return ax

    def _plot_assignment(self, ax=None):
        ex = self.experts
        if ax is None:
            import matplotlib.pyplot as plt
            _, ax = plt.subplots(figsize=(9, max(3.0, 0.35 * len(ex) + 1.2)))
        y = {e: k for k, e in enumerate(ex.index)}
        left = {e: 0.0 for e in ex.index}
        cmap = __import__("matplotlib").colormaps["tab20"]
        for k, r in enumerate(self.assignment.itertuples()):
            ax.barh(y[r.expert], r.hours, left=left[r.expert], color=cmap(k % 20), edgecolor="white")
            ax.text(left[r.expert] + r.hours / 2, y[r.expert], str(r.process)[:18], ha="center", va="center", fontsize=5)
            left[r.expert] += r.hours
        ax.scatter(ex["hours_available"], list(range(len(ex))), marker="|", s=200, color="black",
                   label="hours available")
        ax.set_yticks(list(range(len(ex))))
        ax.set_yticklabels(ex.index, fontsize=7)
        ax.invert_yaxis()
        ax.set_xlabel("hours")
        ax.legend(fontsize=7, loc="lower right")
        ax.set_title("Assignment: hours per expert", fontsize=9)
        return ax


def _options(node_limit=0, time_limit=0.0, check_unique=True):
    o = _core.SolveOptions()
    o.node_limit = int(node_limit)
    o.time_limit = float(time_limit)
    o.check_unique = bool(check_unique)
    return o


def _as_selection(selection) -> Selection:
    if isinstance(selection, Selection):
        return selection
    if isinstance(selection, Mapping):
        return Selection.from_dict(selection)
    if isinstance(selection, (str, os.PathLike)):
        return Selection.load(selection)
    raise TypeError("selection must be a koers.selection.Selection, a dict or a path")


def _cut_meets_minimum(s: Selection, raw: dict) -> bool:
    """Whether the top-N cut can be assigned with every expert at ≥ min_items_per_expert:
    solved exactly as a selection of only the cut's processes, all pinned."""
    cut = raw["top_n_cut"]
    if not cut["feasible"]:
        return False
    d = s.to_dict()
    if not d.get("experts") or not d.get("min_items_per_expert"):
        return True
    keep = set(cut["selected"])
    d["items"] = [dict(it, pinned=True, needs=[n for n in it.get("needs", []) if n in keep])
                  for it in d["items"] if it["id"] in keep]
    for it in d["items"]:
        if not it["needs"]:
            del it["needs"]
    if len(d["items"]) < len(d["experts"]) * int(d["min_items_per_expert"]):
        return False
    d["top_n"] = 0
    sub = _core.parse_selection(_dumps(d), "top-n cut")
    r = json.loads(_core.select_json(sub, _options(check_unique=False)))
    return r["status"] == "optimal" and sorted(r["selected"]) == sorted(keep)


def select(selection, *, node_limit: int = 0, time_limit: float = 0.0, check_unique: bool = True,
           compare_top_n: bool = True) -> SelectionResult:
    """Choose and assign the processes with the highest total score, proven optimal.

    ``selection``: a :class:`Selection`, a ``koers.selection`` dict or a file path.
    ``node_limit``/``time_limit`` (0 = none) stop the search early: status ``"limit"`` with the
    bound and gap reached. An infeasible problem is a result with status ``"infeasible"`` and
    the explanation (``.explanation``, ``.conflict``); bad input raises :class:`koers.InputError`.
    """
    s = _as_selection(selection)
    raw = json.loads(_core.select_json(s._core_obj, _options(node_limit, time_limit, check_unique)))
    meets = _cut_meets_minimum(s, raw) if compare_top_n else False
    return SelectionResult(s, raw, meets)


def _solve_selected(core_sel) -> tuple[str, frozenset]:
    r = json.loads(_core.select_json(core_sel, _options(check_unique=False)))
    return r["status"], frozenset(r["selected"])
