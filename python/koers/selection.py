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
from typing import Iterable, Mapping, Sequence

import numpy as np
from ._lazy import is_series, pandas as pd

from . import _core
from .errors import Errc, error

__all__ = ["Selection", "SelectionResult", "TopNCut", "select", "selection_probability", "sample_simplex", "plot_probability",
           "selection_sensitivity", "expert_hours", "working_days"]

_FORMAT = "koers.selection"
_VERSION = 1
# error codes (koers.Errc): keep the numbers here so this module imports without the enum


def _dumps(data) -> str:
    try:
        return json.dumps(data, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise error(Errc.wrong_type, f"selection is not JSON-serialisable: {e}", ["/"]) from None


# ---------------------------------------------------------------------------------------------
# Working days and expert hours
# ---------------------------------------------------------------------------------------------
def _calendar(calendar):
    from .calendar import Calendar
    if isinstance(calendar, Calendar):
        return calendar
    return Calendar(str(calendar))


def working_days(period: Sequence, calendar="nl") -> int:
    """The number of working days in ``period = (first, last)`` (both inclusive) with
    :class:`koers.Calendar` (``calendar``: a Calendar or a variant name, default ``"nl"``:
    Dutch public holidays)."""
    first, last = period
    return int(_calendar(calendar).working_days(first, last))


def expert_hours(hours_per_week: float, period: Sequence, calendar="nl") -> float:
    """Hours an expert has in ``period``: ``hours_per_week`` × working days / 5 (a week of 5
    working days gives the full ``hours_per_week``; a public holiday takes a fifth of it off),
    computed exactly by :meth:`koers.Calendar.hours`. 4 h/week over 2022: 253 days → 202.4 h.
    """
    h = float(hours_per_week)
    if not math.isfinite(h) or h < 0:
        raise error(Errc.invalid_value, f"hours_per_week must be a finite number ≥ 0, not {hours_per_week}", ["hours_per_week"])
    first, last = period
    return float(_calendar(calendar).hours(first, last, hours_per_week))


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
            raise error(Errc.wrong_type, f"a selection must be a JSON object, not {type(data).__name__}", ["/"])
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
                     period: Sequence = ("2022-01-01", "2022-12-31"), calendar="nl", pinned: Iterable[str] = (),
                     min_items_per_expert: int = 1, top_n: int = 10, needs: Mapping | None = None,
                     items: Iterable[str] | None = None, name: str = "") -> "Selection":
        """A selection from a ranking.

        ``ranking``: a rank result with labelled ``.scores`` (higher is better) or a Series
        (process → score). ``hours``: process → hours (Mapping/Series) or one number for all.
        ``experts``: a number (``expert-01`` … ids), a list of ids (each gets
        :func:`expert_hours` ``(hours_per_week, period, calendar)``, i.e. the working days of
        the period in :class:`koers.Calendar`) or a Mapping expert → hours (used as given).
        ``pinned``: urgent processes that must be in. ``needs``: process → list of processes
        it needs. ``items``: restrict to these processes (default: all ranked).

        >>> import pandas as pd
        >>> s = Selection.from_ranking(pd.Series({"a": 0.9, "b": 0.5}), hours={"a": 150, "b": 60},
        ...                            experts=2, pinned=["b"], top_n=1)
        >>> s.experts["hours"].tolist()      # 4 h/week over the 253 Dutch working days of 2022
        [202.4, 202.4]
        """
        scores = _scores_of(ranking)
        ids = list(scores.index) if items is None else [str(i) for i in items]
        for i in ids:
            if i not in scores.index:
                raise error(Errc.unknown_name, f"process '{i}' is not in the ranking", [i])
        pinned = [str(p) for p in pinned]
        for p in pinned:
            if p not in ids:
                raise error(Errc.unknown_name, f"pinned process '{p}' is not among the processes", [p])
        if isinstance(hours, Mapping) or is_series(hours):
            hmap = dict(hours.items())
            missing = [i for i in ids if i not in hmap]
            if missing:
                raise error(Errc.unknown_name, f"no hours for process '{missing[0]}'" +
                                 (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""), missing)
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
            h = expert_hours(hours_per_week, period, calendar)
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
                raise error(Errc.unknown_name, f"no score for process '{it['id']}'", [it["id"]])
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

    def __reduce__(self):  # pickles as its koers.selection dictionary (read back through C++)
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
    if is_series(ranking):
        s = ranking
    elif isinstance(ranking, Mapping):
        s = pd.Series(dict(ranking), dtype=float)
    else:
        scores = getattr(ranking, "scores", None)
        if scores is None:
            raise TypeError("ranking must be a rank result with .scores, a Series or a Mapping")
        if not is_series(scores):
            raise error(Errc.invalid_value, "the rank result has unlabelled scores (a NumPy array); rank a DataFrame so that "
                        "the processes have names", ["scores"])
        s = scores
        order = getattr(ranking, "ranking", None)
        hib = getattr(ranking, "higher_is_better", None)
        if hib is False:
            raise error(Errc.invalid_value, f"{getattr(ranking, 'method', 'this method')} scores are lower-is-better (e.g. VIKOR Q, "
                             "SPOTIS distance); give selection scores where higher is better", ["scores"])
        if hib is None and order is not None and len(s) > 1:
            best = list(order)[0]
            if s[best] < s.max():
                raise error(Errc.invalid_value, "this method's scores are lower-is-better (e.g. VIKOR Q, SPOTIS distance); "
                                 "give selection scores where higher is better", ["scores"])
    s = s.astype(float)
    s.index = [str(i) for i in s.index]
    bad = [i for i, v in s.items() if not math.isfinite(v)]
    if bad:
        raise error(Errc.not_finite, f"process '{bad[0]}' has a non-finite score", bad)
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
    meets_minimum: bool | None  #: ... and every expert can get ≥ min_items_per_expert of them (None: not checked)
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
                             meets_minimum=None if cut_meets_minimum is None else bool(cut_meets_minimum),
                             assignment={k: list(v) for k, v in c.get("assignment", {}).items()},
                             missing=[] if self.status == "infeasible" else [i for i in self.selected if i not in set(cut)],
                             extra=[] if self.status == "infeasible" else [i for i in cut if i not in sel])

    @property
    def longest_prefix(self) -> TopNCut:
        """The greedy alternative to the top-N cut: the longest prefix of the ranking (pinned
        first, then by score) that can still be assigned within the experts' hours."""
        d = self.selection.to_dict()
        d["top_n"] = 0
        sub = Selection.from_dict(d)
        raw = json.loads(_core.select_json(sub._core_obj, _options(check_unique=False)))
        r = SelectionResult(sub, {**raw, "status": self.status, "selected": self.selected,
                                  "total_score": self.total_score}, _cut_meets_minimum(sub, raw))
        c = r.top_n
        return dataclasses.replace(c, lost=0.0 if self.status == "infeasible" else self.total_score - c.total_score)

    def evaluate(self, ids: Iterable[str]) -> TopNCut:
        """Judge any list of processes (e.g. a list the management drew up) like the top-N cut:
        can it be assigned within the experts' hours (``feasible``), with every expert at
        ``min_items_per_expert`` (``meets_minimum``), its total score and what it loses against
        the optimum. Both checks are exact solves with exactly these processes pinned."""
        ids = [str(i) for i in ids]
        known = set(self.selection.items.index)
        bad = [i for i in ids if i not in known]
        if bad:
            raise error(Errc.unknown_name, f"unknown process '{bad[0]}'", bad)
        keep = set(ids)
        d = self.selection.to_dict()
        d["items"] = [dict(it, pinned=True) for it in d["items"] if it["id"] in keep]
        for it in d["items"]:
            it["needs"] = [n for n in it.get("needs", []) if n in keep]
            if not it["needs"]:
                del it["needs"]
        d["top_n"] = 0
        order = [it["id"] for it in d["items"]]
        total = float(sum(float(it["score"]) for it in d["items"]))

        def solve(min_per):
            dd = dict(d, min_items_per_expert=min_per) if d.get("experts") else d
            r = json.loads(_core.select_json(_core.parse_selection(_dumps(dd), "list"), _options(check_unique=False)))
            ok = r["status"] == "optimal" and set(r["selected"]) == keep
            return ok, r.get("assignment", {})
        feasible, assignment = solve(0)
        meets = feasible
        if feasible and d.get("experts") and d.get("min_items_per_expert"):
            meets, a2 = solve(int(d["min_items_per_expert"]))
            if meets:
                assignment = a2
        sel = set(self.selected)
        infeasible = self.status == "infeasible"
        return TopNCut(n=len(order), selected=order, total_score=total, feasible=feasible,
                       lost=0.0 if infeasible else self.total_score - total, meets_minimum=meets,
                       assignment={k: list(v) for k, v in assignment.items()} if feasible else {},
                       missing=[] if infeasible else [i for i in self.selected if i not in keep],
                       extra=[] if infeasible else [i for i in order if i not in sel])

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
               + ("" if c.meets_minimum is not False or not c.feasible else " (leaves an expert below the minimum)"))
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
        from .plotting import plot_selection
        return plot_selection(self, ax=ax)

    def _plot_assignment(self, ax=None):
        from .plotting import plot_assignment
        return plot_assignment(self, ax=ax)


def _trim(s, width) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _options(node_limit=0, time_limit=0.0, check_unique=True):
    o = _core.SolveOptions()
    from ._checks import INT64_MAX, real, whole
    o.node_limit = whole(node_limit, "node_limit", 0, INT64_MAX)
    o.time_limit = real(time_limit, "time_limit", 0.0)
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
    ``check_unique``: also prove whether another selection reaches the optimum (``.unique``).
    ``compare_top_n``: also check (exactly, a second small solve) whether the top-N cut leaves
    an expert below ``min_items_per_expert`` (``.top_n.meets_minimum``; None when False).
    """
    s = _as_selection(selection)
    raw = json.loads(_core.select_json(s._core_obj, _options(node_limit, time_limit, check_unique)))
    meets = _cut_meets_minimum(s, raw) if compare_top_n else None
    return SelectionResult(s, raw, meets)


# ---------------------------------------------------------------------------------------------
# Under uncertain weights (and scores)
# ---------------------------------------------------------------------------------------------
class _Scorer:
    """Higher-is-better scores of the processes as a function of the criteria weights (and,
    optionally, of a perturbed score matrix)."""

    def __init__(self, criteria, weights, fn, base_matrix=None, scale=None, describe=""):
        self.criteria = [str(c) for c in criteria]
        self.weights = np.asarray(weights, dtype=float)
        self.fn = fn                     # fn(w, X or None) -> Series
        self.base_matrix = base_matrix   # alternatives × criteria, for score models
        self.scale = scale               # list of (lo, hi) or None per criterion
        self.describe = describe

    def __call__(self, w, x=None) -> pd.Series:
        s = self.fn(np.asarray(w, dtype=float), x)
        if not is_series(s):
            raise TypeError("a scorer must return a labelled Series (process → score)")
        return s


def _decision_scorer(problem, method=None, normalisation=None) -> _Scorer:
    """Scores from koers.decide.rank on ``problem`` (a DecisionProblem or a koers.decision
    file or dict) with weights w and, optionally, a perturbed score matrix."""
    from . import decide
    if isinstance(problem, (str, os.PathLike)):
        problem = decide.DecisionProblem.load(problem)
    elif isinstance(problem, Mapping):
        problem = decide.DecisionProblem.from_dict(problem)
    if not isinstance(problem, decide.DecisionProblem):
        raise TypeError("problem must be a koers.DecisionProblem, a koers.decision dict or file")
    crits = problem.to_dict()["criteria"]
    names = problem.criteria
    wv = problem.weight_vector
    w0 = wv.to_numpy(dtype=float) if wv is not None else np.full(len(names), np.nan)
    alts = problem.alternatives
    X0 = np.array(problem.scores, dtype=float)

    def fn(w, x):
        cr = [dict(c, weight=float(wi)) for c, wi in zip(crits, w)]
        p = decide.DecisionProblem(alts, cr, X0 if x is None else x, problem.method)
        r = decide.rank(p, method=method, normalisation=normalisation)
        if not r.higher_is_better:
            raise error(Errc.invalid_value, f"{r.method} scores are lower-is-better; choose a method whose scores are higher-is-better "
                             "(wsm, topsis, promethee2) for a selection", ["method"])
        return r.scores

    scale = [tuple(c["scale"]) if c.get("scale") else None for c in crits]
    sc = _Scorer(names, w0, fn, base_matrix=X0, scale=scale)
    sc.problem = problem
    return sc


def _scorer_for(problem, method=None, normalisation=None, scorer=None) -> _Scorer:
    if isinstance(problem, _Scorer):
        return problem
    if scorer is not None:
        return scorer
    return _decision_scorer(problem, method, normalisation)


def _check_cover(selection: Selection, scores: pd.Series):
    missing = [i for i in selection.items.index if i not in scores.index]
    if missing:
        raise error(Errc.unknown_name, f"process '{missing[0]}' of the selection is not an alternative of the decision problem", missing)


def _tightened(d: dict) -> dict:
    """The same selection with each expert's hours lowered to the largest sum of process hours
    that fits them (a subset sum, in the solver's milli-hours). Exactly equivalent — an expert's
    load is always such a sum — but it gives the solver's bound less slack; used for the many
    solves under uncertainty (results report the hours as given)."""
    if not d.get("experts"):
        return d
    hs = sorted({round(float(it["hours"]) * 1000) for it in d["items"] if float(it["hours"]) > 0})
    counts = {}
    for it in d["items"]:
        h = round(float(it["hours"]) * 1000)
        if h > 0:
            counts[h] = counts.get(h, 0) + 1
    experts = []
    for e in d["experts"]:
        cap = round(float(e["hours"]) * 1000)
        mask = (1 << (cap + 1)) - 1
        reach = 1
        for h in hs:
            for _ in range(min(counts[h], cap // h if h else 0)):
                nxt = (reach | (reach << h)) & mask
                if nxt == reach:
                    break
                reach = nxt
        experts.append(dict(e, hours=(reach.bit_length() - 1) / 1000.0))
    return {**d, "experts": experts}


def _solve_with(d: dict, scores: pd.Series) -> tuple[str, frozenset, frozenset]:
    """(status, optimal set, top-N cut set) of selection dict ``d`` with these scores."""
    items = [dict(it, score=float(scores[it["id"]])) for it in d["items"]]
    core = _core.parse_selection(_dumps({**d, "items": items}), "selection")
    r = json.loads(_core.select_json(core, _options(check_unique=False)))
    return r["status"], frozenset(r["selected"]), frozenset(r["top_n_cut"]["selected"])


def _progress(total, desc, enabled):
    import warnings
    with warnings.catch_warnings():  # tqdm.auto warns when a notebook has no ipywidgets: plain bar then
        warnings.simplefilter("ignore")
        from tqdm.auto import tqdm
    return tqdm(total=total, desc=desc, disable=not enabled, leave=False, mininterval=1.0)


def _map(fn, args, threads, bar=None):
    from concurrent.futures import ThreadPoolExecutor, as_completed
    threads = int(threads or os.cpu_count() or 1)
    out = [None] * len(args)
    if threads <= 1:
        for k, a in enumerate(args):
            out[k] = fn(a)
            if bar is not None:
                bar.update(1)
        return out
    with ThreadPoolExecutor(max_workers=threads) as ex:
        futs = {ex.submit(fn, a): k for k, a in enumerate(args)}
        for f in as_completed(futs):
            out[futs[f]] = f.result()
            if bar is not None:
                bar.update(1)
    return out


def sample_simplex(n_criteria: int, samples: int, seed, intervals=None, orderings=None) -> np.ndarray:
    """``samples`` × ``n_criteria`` weight vectors uniform on the simplex (sum 1): the weight
    draws of :func:`koers.smaa` with this ``seed`` (Dirichlet(1, …, 1) from normalised
    exponentials, koers's own seeded generator), reproducible for a given seed.

    ``intervals``: ``[(lo, hi)]`` per criterion and ``orderings``: ``[(a, b)]`` index pairs
    (w_a ≥ w_b) restrict the weights; draws outside are rejected, which keeps the uniform
    distribution on the restricted set (a complete chain of orderings is drawn by sorting).
    Raises RankingError E300 when the restrictions leave (almost) no weights.
    """
    k = int(n_criteria)
    names = [f"c{j + 1}" for j in range(k)]
    iv = {names[j]: tuple(b) for j, b in enumerate(intervals)} if intervals else None
    od = [(names[a], names[b]) for a, b in orderings] if orderings else None
    return _core_draws(_bare_problem(names, np.zeros((1, k)), None, None), samples, seed, "uniform", iv, od, None, None)[0]


def _bare_problem(names, X, weights, scale):
    """A decision problem over ``names`` for drawing (directions do not matter to the draws)."""
    from . import decide
    crits = []
    for j, c in enumerate(names):
        d = {"name": c, "direction": "max"}
        if weights is not None and np.isfinite(weights).all() and weights.sum() > 0:
            d["weight"] = float(weights[j])
        if scale and scale[j]:
            d["scale"] = list(scale[j])
        crits.append(d)
    return decide.DecisionProblem([f"A{i + 1}" for i in range(X.shape[0])], crits, X)


def _core_draws(problem, samples, seed, weights, intervals, orderings, score_model, score_spread):
    """(weights, scores) from the C++ SMAA sampler (koers.decide.smaa_draws)."""
    from . import decide
    return decide.smaa_draws(problem, samples=samples, seed=seed, weights=weights, intervals=intervals,
                             orderings=orderings, score_model=score_model, score_spread=score_spread)


def _smaa_model(sc: _Scorer, samples, seed, weights, intervals, orderings, score_model, score_spread):
    """The sampling model: the arguments, else the problem's own ``smaa`` options."""
    defaults = dict(getattr(getattr(sc, "problem", None), "smaa_options", None) or {})
    names = sc.criteria
    n = int(samples if samples is not None else 200)  # not the problem's SMAA count: each sample is a solve
    seed = int(seed if seed is not None else defaults.get("seed", 0))
    model = weights if isinstance(weights, str) or weights is None else "given"
    if model is None:
        model = defaults.get("weights", "uniform")
    iv = intervals if intervals is not None else defaults.get("intervals")
    od = orderings if orderings is not None else defaults.get("orderings")
    file_scores = defaults.get("scores") or {}
    sm = score_model if score_model is not None else defaults.get("score_model", file_scores.get("model", "none"))
    spread = score_spread if score_spread is not None else defaults.get("score_spread", file_scores.get("spread"))
    idx = {c: j for j, c in enumerate(names)}

    def crit(c):
        if c not in idx:
            raise error(Errc.unknown_name, f"unknown criterion '{c}'", [str(c)])
        return idx[c]
    ivl = None
    if iv:
        ivl = [(0.0, 1.0)] * len(names)
        for c, (lo, hi) in dict(iv).items():
            ivl[crit(c)] = (float(lo), float(hi))
    odl = None
    if od:
        odl = []
        for item in od:
            a, b = ([s.strip() for s in item.split(">=", 1)] if isinstance(item, str) else item)
            odl.append((crit(a), crit(b)))
    return {"samples": n, "seed": seed, "weights": model, "intervals": ivl, "orderings": odl,
            "score_model": sm, "score_spread": spread}


def _draw(sc: _Scorer, m: dict, given):
    """The weight and score draws: those of koers.smaa with the same model and seed (the C++
    sampler hands them out), or the given weight samples."""
    k = len(sc.criteria)
    if m["weights"] == "given":
        W = np.asarray(given, dtype=float)
        if W.ndim != 2 or W.shape[1] != k:
            raise error(Errc.invalid_value, f"weights must be samples × {k} criteria, not {W.shape}", ["weights"])
        if not np.isfinite(W).all() or (W < 0).any() or (W.sum(axis=1) <= 0).any():
            raise error(Errc.invalid_value, "weight samples must be finite, non-negative and not all zero", ["weights"])
        if W.shape[0] < 1:
            raise error(Errc.invalid_value, "samples must be ≥ 1", ["samples"])
    elif m["weights"] not in ("fixed", "uniform"):
        raise error(Errc.invalid_value, f"weights must be 'uniform', 'fixed' or an array, not {m['weights']!r}", ["weights"])
    if m["weights"] == "fixed" and not np.isfinite(sc.weights).all():
        raise error(Errc.invalid_weights, "weights 'fixed' needs the problem's weights", sc.criteria)
    scored = m["score_model"] not in (None, "none")
    if scored:
        if sc.base_matrix is None:
            raise error(Errc.invalid_value, "a score model needs a decision problem", ["score_model"])
        if m["score_spread"] is None:
            raise error(Errc.missing_field, "score_spread is needed with a score model", ["score_spread"])
    if m["weights"] == "given" and not scored:
        return W, [None] * W.shape[0]
    problem = getattr(sc, "problem", None)
    if problem is None:
        X0 = sc.base_matrix if sc.base_matrix is not None else np.zeros((1, k))
        problem = _bare_problem(sc.criteria, np.asarray(X0, dtype=float), sc.weights, sc.scale)
    names = sc.criteria
    # the model as _smaa_model resolved it ({} / []: none; None would fall back to the file again)
    iv = {names[j]: b for j, b in enumerate(m["intervals"])} if m["intervals"] else {}
    od = [(names[a], names[b]) for a, b in m["orderings"]] if m["orderings"] else []
    # given weights with a score model: the score draws of the uniform-weight model
    model = "uniform" if m["weights"] == "given" else m["weights"]
    n = W.shape[0] if m["weights"] == "given" else m["samples"]
    Wc, X = _core_draws(problem, n, m["seed"], model, iv, od, m["score_model"] if scored else "none",
                        m["score_spread"] if scored else None)
    if m["weights"] != "given":
        W = Wc
    return W, (list(X) if X is not None else [None] * W.shape[0])


def selection_probability(problem, selection, samples: int | None = None, seed=None, *, weights=None,
                          intervals=None, orderings=None, score_model=None, score_spread=None,
                          method=None, normalisation=None, threads=None, progress: bool = True,
                          scorer=None) -> pd.DataFrame:
    """The probability that each process is in the optimal chosen set under SMAA uncertainty.

    For every sample the processes are scored by ``koers.decide.rank`` with the problem's
    method (``method``/``normalisation`` override it) and the selection is solved exactly with
    those scores; membership is counted. The selection's process ids must be the problem's
    alternatives (missing ones raise InputError).

    Sampling: the draws of :func:`koers.smaa` with the same model and ``seed`` (handed out by
    the C++ sampler, :func:`koers.smaa_draws`: ``selection_probability(seed=1)`` solves one
    selection for each of the weight vectors that ``koers.smaa(seed=1)`` ranks first):
    ``weights="uniform"`` — uniform on the simplex (Dirichlet(1)), restricted by ``intervals``
    ``{criterion: (lo, hi)}`` and ``orderings`` ``[(a, b)]`` / ``["a >= b"]`` by rejection;
    ``"fixed"`` — the problem's weights; or a samples × criteria array (with a score model, the
    scores are then those of the uniform-weight model). ``score_model`` "uniform"
    (x ± ``score_spread``) or "normal" (sd ``score_spread``), clamped to the criterion's
    scale, drawn with the weights. Every argument left None comes from the problem's ``smaa``
    options (seed, weights, intervals, orderings, scores), else uniform weights, no score
    noise, seed 0; ``samples`` defaults to 200 (each sample is an exact solve). Same seed →
    same result for any ``threads`` (default: all
    cores; the C++ solver releases the GIL). A tqdm bar shows progress.

    Returns a DataFrame (index: process) with ``probability`` (share of samples in the optimal
    set), ``top_n_probability`` (share in the top-N cut), ``pinned``, and — when the problem has
    weights — ``selected`` and ``score`` at those weights. ``.attrs`` states the model.
    """
    s = _as_selection(selection)
    sc = _scorer_for(problem, method, normalisation, scorer)
    m = _smaa_model(sc, samples, seed, weights, intervals, orderings, score_model, score_spread)
    W, Xs = _draw(sc, m, weights)
    n = W.shape[0]
    base = None
    if np.isfinite(sc.weights).all() and sc.weights.size == len(sc.criteria) and sc.weights.sum() > 0:
        base_scores = sc(sc.weights)
        _check_cover(s, base_scores)
        base = select(s.with_scores(base_scores), check_unique=False, compare_top_n=False)
        if base.status == "infeasible":
            raise error(Errc.infeasible, f"the selection is infeasible: {base.explanation}", base.conflict.get("items", []))
    else:
        _check_cover(s, sc(W[0], Xs[0]))

    td = _tightened(s._dict)

    def one(k):
        st, chosen, cut = _solve_with(td, sc(W[k], Xs[k]))
        if st == "infeasible":  # scores do not change feasibility: only an infeasible selection
            raise error(Errc.infeasible, "the selection is infeasible", [])
        return chosen, cut

    with _progress(n, "selection per sample", progress) as bar:
        res = _map(one, list(range(n)), threads, bar)
    ids = list(s.items.index)
    inc = dict.fromkeys(ids, 0)
    cut_inc = dict.fromkeys(ids, 0)
    for chosen, cut in res:
        for i in chosen:
            inc[i] += 1
        for i in cut:
            cut_inc[i] += 1
    df = pd.DataFrame({"probability": [inc[i] / n for i in ids],
                       "top_n_probability": [cut_inc[i] / n for i in ids],
                       "pinned": s.items["pinned"].to_numpy()}, index=pd.Index(ids, name="process"))
    if base is not None:
        chosen0 = set(base.selected)
        df["selected"] = [i in chosen0 for i in ids]
        df["score"] = [float(base_scores[i]) for i in ids]
    df.attrs.update({"samples": n, "seed": None if m["weights"] == "given" else m["seed"],
                     "weights": m["weights"], "intervals": m["intervals"], "orderings": m["orderings"],
                     "score_model": m["score_model"], "score_spread": m["score_spread"],
                     "sampler": "koers.smaa_draws: the weights (and scores) koers.smaa draws for this seed"})
    return df.sort_values(["probability", "top_n_probability"], ascending=False, kind="stable")


def plot_probability(prob: pd.DataFrame, ax=None, labels: Mapping | None = None):
    """Bars of each process's probability of being in the optimal set (and in the top-N cut)."""
    from . import plotting
    return plotting.plot_probability(prob, ax=ax, labels=labels)


def selection_sensitivity(problem, selection, *, steps: int = 20, tol: float = 1e-4, method=None,
                          normalisation=None, threads=None, progress: bool = True, scorer=None) -> pd.DataFrame:
    """For each process the smallest one-at-a-time weight change that moves it in or out of the
    optimal set.

    Definition: for criterion j the weight w_j is moved to t ∈ [0, 1] and the other weights are
    rescaled proportionally so that they still sum to 1 (w_k·(1 − t)/(1 − w_j)); the scores are
    recomputed with the problem's method and the selection is solved exactly. For each process
    and each criterion, in each direction (up to t = 1, down to t = 0), the sweep is scanned at
    ``steps`` equal steps and the first step where the process's membership differs from the
    base is refined by bisection on the exact selection to ``tol``. The result is the smallest
    |t − w_j| over criteria and directions. A flip narrower than one grid step can be missed;
    ties between equally good selections are broken by the solver as in :func:`select`.

    Returns a DataFrame (index: process) with ``selected`` (at the base weights), ``pinned``,
    ``change`` (the smallest |Δw|, <NA> when no sweep moves it), ``criterion``, ``weight_from``,
    ``weight_to`` and ``moves`` ("out"/"in"/"never"/"pinned"), smallest change first.
    """
    s = _as_selection(selection)
    sc = _scorer_for(problem, method, normalisation, scorer)
    w0 = sc.weights.astype(float)
    if not (np.isfinite(w0).all() and w0.sum() > 0):
        raise error(Errc.invalid_weights, "the decision problem needs weights for a sensitivity analysis", sc.criteria)
    w0 = w0 / w0.sum()
    base_scores = sc(w0)
    _check_cover(s, base_scores)
    td = _tightened(s._dict)
    st, base_set, _ = _solve_with(td, base_scores)
    if st == "infeasible":
        raise error(Errc.infeasible, "the selection is infeasible", [])
    ids = list(s.items.index)
    pinned = set(s.items.index[s.items["pinned"]])
    k = len(w0)
    cache = {}

    def weights_at(j, t):
        rest = 1.0 - w0[j]
        if rest <= 0:
            w = np.full(k, (1.0 - t) / (k - 1) if k > 1 else 1.0)
        else:
            w = w0 * (1.0 - t) / rest
        w[j] = t
        return w

    # 1) the grid, in parallel
    grid = {}
    for j in range(k):
        for d in (+1, -1):
            end = 1.0 if d > 0 else 0.0
            ts = [w0[j] + (end - w0[j]) * q / steps for q in range(1, steps + 1)]
            grid[(j, d)] = [t for t in ts if abs(t - w0[j]) > 0]
    keys = list(dict.fromkeys((j, t) for (j, d), ts in grid.items() for t in ts))
    with _progress(len(keys), "weight sweeps", progress) as bar:
        sets = _map(lambda key: (key, _solve_with(td, sc(weights_at(*key)))[1]), keys, threads, bar)
    for key, chosen in sets:
        cache[key] = chosen
    # 2) the first flip on each sweep, per process; then bisection, all tasks one level at a time
    #    (the mid-points of one level are solved in parallel; shared mid-points are solved once)
    tasks = []  # [process, j, lo, hi]: membership as at the base at lo, flipped at hi
    for (j, d), ts in grid.items():
        prev = w0[j]
        todo = [i for i in ids if i not in pinned]
        for t in ts:
            chosen = cache[(j, t)]
            flipped = [i for i in todo if (i in chosen) != (i in base_set)]
            tasks.extend([i, j, prev, t] for i in flipped)
            todo = [i for i in todo if i not in flipped]
            prev = t
            if not todo:
                break
    rounds = 0
    with _progress(None, "bisection", progress) as bar:
        while True:
            live = [tk for tk in tasks if abs(tk[3] - tk[2]) > tol]
            if not live:
                break
            need = list(dict.fromkeys((tk[1], 0.5 * (tk[2] + tk[3])) for tk in live if (tk[1], 0.5 * (tk[2] + tk[3])) not in cache))
            for key, chosen in _map(lambda key: (key, _solve_with(td, sc(weights_at(*key)))[1]), need, threads, bar):
                cache[key] = chosen
            for tk in live:
                i, j, lo, hi = tk
                mid = 0.5 * (lo + hi)
                if (i in cache[(j, mid)]) != (i in base_set):
                    tk[3] = mid
                else:
                    tk[2] = mid
            rounds += 1
    best = dict.fromkeys(ids)
    for i, j, lo, hi in tasks:
        change = abs(hi - w0[j])
        if best[i] is None or change < best[i][0] - 1e-15:
            best[i] = (change, sc.criteria[j], float(w0[j]), float(hi))
    rows = []
    for i in ids:
        b = best[i]
        moves = "pinned" if i in pinned else ("never" if b is None else ("out" if i in base_set else "in"))
        rows.append({"process": i, "selected": i in base_set, "pinned": i in pinned,
                     "change": None if b is None else b[0], "criterion": None if b is None else b[1],
                     "weight_from": None if b is None else b[2], "weight_to": None if b is None else b[3],
                     "moves": moves})
    df = pd.DataFrame(rows).set_index("process")
    for c in ("change", "weight_from", "weight_to"):
        df[c] = df[c].astype("Float64")
    df.attrs.update({"steps": steps, "tol": tol, "solves": len(cache), "definition": "one-at-a-time weight sweep, "
                     "others rescaled proportionally to sum 1; first flip on the grid refined by bisection"})
    return df.sort_values("change", na_position="last", kind="stable")
