"""The answer of a selection (:class:`SelectionResult`): the optimal selection and assignment with
its proof, and what the top-N cut (:class:`TopNCut`) or any other list would have done."""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Iterable

import numpy as np

from .._checks import INT64_MAX, real, whole
from .._lazy import LazyModule, pandas as pd
from .. import _core
from ..errors import Errc, error

if TYPE_CHECKING:  # annotations only: a selection is passed in, never built here from scratch
    from .problem import Selection

__all__ = ["SelectionResult", "TopNCut"]

plotting = LazyModule("koers.plotting")  # matplotlib only when a plot is drawn


@dataclasses.dataclass(frozen=True)
class TopNCut:
    """What "take the top N" (mandatory first, then by score) would have done."""
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
    ``unique``, ``alternative`` (another selection that reaches the optimum, ids in input order,
    when the search found one; [] when unique, not asked or left open), ``assignment_map`` (expert → ids), ``top_n`` (:class:`TopNCut`), ``conflict``
    (dict or None), ``explanation`` (why it is infeasible, else "") and ``stopped_by`` (why the
    status is "limit": "node_limit", "time_limit", "cancelled" or "assignment_check" — the exact
    check of a selection that could beat the incumbent did not finish within its budget; None
    otherwise).
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
        self.alternative = list(raw.get("alternative", []))
        self.assignment_map = {k: list(v) for k, v in raw.get("assignment", {}).items()}
        self.conflict = raw.get("conflict")
        self.explanation = self.conflict["message"] if self.conflict else ""
        self.nodes = int(raw.get("nodes", 0))
        self.seconds = float(raw.get("seconds", 0.0))
        self.stopped_by = raw.get("stopped_by")
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
        """The greedy alternative to the top-N cut: the longest prefix of the ranking (mandatory
        first, then by score) that can still be assigned within the experts' hours."""
        d = self.selection.to_dict()
        d["top_n"] = 0
        sub = type(self.selection).from_dict(d)
        raw = _core.select(sub._core_obj, _options(check_unique=False))
        r = SelectionResult(sub, {**raw, "status": self.status, "selected": self.selected,
                                  "total_score": self.total_score}, _cut_meets_minimum(sub, raw))
        c = r.top_n
        return dataclasses.replace(c, lost=0.0 if self.status == "infeasible" else self.total_score - c.total_score)

    def evaluate(self, ids: Iterable[str]) -> TopNCut:
        """Judge any list of processes (e.g. a list the management drew up) like the top-N cut:
        can it be assigned within the experts' hours (``feasible``), with every expert at
        ``min_items_per_expert`` (``meets_minimum``), its total score and what it loses against
        the optimum. Both checks are exact solves with exactly these processes mandatory."""
        ids = [str(i) for i in ids]
        known = set(self.selection.items.index)
        bad = [i for i in ids if i not in known]
        if bad:
            raise error(Errc.unknown_name, f"unknown process '{bad[0]}'", bad)
        keep = set(ids)
        d = self.selection.to_dict()
        d["items"] = [dict(it, mandatory=True) for it in d["items"] if it["id"] in keep]
        for it in d["items"]:
            it["requires"] = [n for n in it.get("requires", []) if n in keep]
            if not it["requires"]:
                del it["requires"]
        d["top_n"] = 0
        order = [it["id"] for it in d["items"]]
        total = float(sum(float(it["score"]) for it in d["items"]))

        def solve(min_per):
            dd = dict(d, min_items_per_expert=min_per) if d.get("experts") else d
            r = _core.select(_core.selection_from_dict(dd, "list"), _options(check_unique=False))
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
        """Every process: score, hours, mandatory, selected, expert (or None), in_top_n (and
        ``pinned``, the old name of mandatory, for one release)."""
        df = self.selection.items.drop(columns=["requires", "needs"])
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
             "bound": self.bound, "gap": self.gap, "unique": self.unique, "alternative": list(self.alternative),
             "selected": list(self.selected),
             "assignment": {k: list(v) for k, v in self.assignment_map.items()},
             "hours_used": {k: float(v) for k, v in self.hours_used.items()},
             "hours_used_total": float(self.raw.get("hours_used", 0.0)),
             "hours_available": float(self.raw.get("hours_available", 0.0)),
             "top_n": self.top_n.to_dict(), "top_n_cut": self.top_n.to_dict(),
             "nodes": self.nodes, "seconds": self.seconds, "stopped_by": self.stopped_by}
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
        return plotting.plot_selection(self, ax=ax)

    def _plot_assignment(self, ax=None):
        return plotting.plot_assignment(self, ax=ax)


def _options(node_limit=0, time_limit=0.0, check_unique=True):
    """The C++ SolveOptions of a call (limits checked: E115 naming the argument)."""
    o = _core.SolveOptions()
    o.node_limit = whole(node_limit, "node_limit", 0, INT64_MAX)
    o.time_limit = real(time_limit, "time_limit", 0.0)
    o.check_unique = bool(check_unique)
    return o


def _cut_meets_minimum(s: Selection, raw: dict) -> bool:
    """Whether the top-N cut can be assigned with every expert at ≥ min_items_per_expert:
    solved exactly as a selection of only the cut's processes, all mandatory."""
    cut = raw["top_n_cut"]
    if not cut["feasible"]:
        return False
    d = s.to_dict()
    if not d.get("experts") or not d.get("min_items_per_expert"):
        return True
    keep = set(cut["selected"])
    d["items"] = [dict(it, mandatory=True, requires=[n for n in it.get("requires", []) if n in keep])
                  for it in d["items"] if it["id"] in keep]
    for it in d["items"]:
        if not it["requires"]:
            del it["requires"]
    if len(d["items"]) < len(d["experts"]) * int(d["min_items_per_expert"]):
        return False
    d["top_n"] = 0
    sub = _core.selection_from_dict(d, "top-n cut")
    r = _core.select(sub, _options(check_unique=False))
    return r["status"] == "optimal" and sorted(r["selected"]) == sorted(keep)
