"""The selection problem (file format ``koers.selection`` v1): processes with score, hours, whether
they are mandatory and what they require, experts with their hours (:class:`Selection`);
:func:`select` solves one exactly."""
from __future__ import annotations

import copy
import json
import math
import os
import pathlib
import warnings
from typing import Iterable, Mapping, Sequence

import numpy as np

from .._lazy import is_series, pandas as pd
from .. import _core
from .._progress import solve_watched
from ..errors import Errc, error
from .document import _FORMAT, _VERSION
from .hours import expert_hours
from .result import SelectionResult, _cut_meets_minimum, _options

__all__ = ["Selection", "select"]


class Selection:
    """Processes (score, hours, mandatory, requires), experts with their hours, the minimum number of
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
        # read by the reader of files, from JSON values (E110 a non-finite number, E108 too deep)
        return cls(_core.selection_from_dict(dict(data), "selection"))

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
                     period: Sequence = ("2022-01-01", "2022-12-31"), calendar="nl", mandatory: Iterable[str] = (),
                     min_items_per_expert: int = 1, top_n: int = 10, requires: Mapping | None = None,
                     items: Iterable[str] | None = None, name: str = "", pinned: Iterable[str] | None = None,
                     needs: Mapping | None = None) -> "Selection":
        """A selection from a ranking.

        ``ranking``: a rank result with labelled ``.scores`` (higher is better) or a Series
        (process → score). ``hours``: process → hours (Mapping/Series) or one number for all.
        ``experts``: a number (``expert-01`` … ids), a list of ids (each gets
        :func:`expert_hours` ``(hours_per_week, period, calendar)``, i.e. the working days of
        the period in :class:`koers.Calendar`) or a Mapping expert → hours (used as given).
        ``mandatory``: urgent processes that must be in. ``requires``: process → list of processes
        it requires. (``pinned`` and ``needs``, their old names, still work with a
        DeprecationWarning, for one release.) ``items``: restrict to these processes (default: all ranked).

        >>> import pandas as pd
        >>> s = Selection.from_ranking(pd.Series({"a": 0.9, "b": 0.5}), hours={"a": 150, "b": 60},
        ...                            experts=2, mandatory=["b"], top_n=1)
        >>> s.experts["hours"].tolist()      # 4 h/week over the 253 Dutch working days of 2022
        [202.4, 202.4]
        """
        scores = _scores_of(ranking)
        ids = list(scores.index) if items is None else [str(i) for i in items]
        for i in ids:
            if i not in scores.index:
                raise error(Errc.unknown_name, f"process '{i}' is not in the ranking", [i])
        if pinned is not None:
            mandatory = _renamed("pinned", "mandatory", pinned, mandatory)
        if needs is not None:
            requires = _renamed("needs", "requires", needs, requires)
        mandatory = [str(p) for p in mandatory]
        for p in mandatory:
            if p not in ids:
                raise error(Errc.unknown_name, f"mandatory process '{p}' is not among the processes", [p])
        if isinstance(hours, Mapping) or is_series(hours):
            hmap = dict(hours.items())
            missing = [i for i in ids if i not in hmap]
            if missing:
                raise error(Errc.unknown_name, f"no hours for process '{missing[0]}'" +
                                 (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""), missing)
        else:
            hmap = {i: hours for i in ids}
        requires = dict(requires or {})
        out_items = []
        for i in ids:
            it = {"id": i, "score": float(scores[i]), "hours": float(hmap[i])}
            if i in mandatory:
                it["mandatory"] = True
            if requires.get(i):
                it["requires"] = [str(x) for x in requires[i]]
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
        """One row per process (index ``id``): score, hours, mandatory, requires (and ``pinned``,
        ``needs``: the old names of mandatory and requires, the same values, for one release)."""
        rows = [{"id": it["id"], "score": float(it["score"]), "hours": float(it["hours"]),
                 "mandatory": bool(it.get("mandatory", False)), "requires": list(it.get("requires", []))}
                for it in self._dict["items"]]
        df = pd.DataFrame(rows, columns=["id", "score", "hours", "mandatory", "requires"]).set_index("id")
        df["pinned"] = df["mandatory"]
        df["needs"] = df["requires"]
        return df

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
        pins = sum(1 for i in it if i.get("mandatory"))
        hours = sum(float(i["hours"]) for i in it)
        cap = (sum(float(e.get("hours", 0)) for e in ex) if ex else float(self._dict.get("capacity_hours", 0)))
        who = f"{len(ex)} experts" if ex else "one pool"
        nm = f" {self.name!r}" if self.name else ""
        return (f"<koers.Selection{nm}: {len(it)} processes ({pins} mandatory, {hours:g} h), {who} with {cap:g} h, "
                f"≥{self.min_items_per_expert} per expert, top_n={self.top_n}>")


def _renamed(old: str, new: str, value, given):
    """``value`` of the old argument ``old`` (DeprecationWarning), unless ``new`` is given too (E107)."""
    warnings.warn(f"Selection.from_ranking({old}=...) is the old name of {new}=...; it goes in the next release",
                  DeprecationWarning, stacklevel=3)
    if given:
        raise error(Errc.invalid_value, f"give {new} or its old name {old}, not both", [old])
    return value


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


def _as_selection(selection) -> Selection:
    if isinstance(selection, Selection):
        return selection
    if isinstance(selection, Mapping):
        return Selection.from_dict(selection)
    if isinstance(selection, (str, os.PathLike)):
        return Selection.load(selection)
    raise TypeError("selection must be a koers.selection.Selection, a dict or a path")


def select(selection, *, node_limit: int = 0, time_limit: float = 0.0, check_unique: bool = True,
           compare_top_n: bool = True, progress: bool = False) -> SelectionResult:
    """Choose and assign the processes with the highest total score, proven optimal.

    The exact branch-and-bound (C++) picks the processes and assigns each to an expert within
    the experts' hours, and proves it: bound = total, gap 0.

    Parameters
    ----------
    selection : Selection, dict, str or os.PathLike
        A :class:`Selection`, a ``koers.selection`` dict or a file path.
    node_limit : int, default 0
        Stop after this many search nodes (0: no limit): status ``"limit"`` with the bound and
        gap reached.
    time_limit : float, default 0.0
        Stop after this many seconds (0: no limit), as ``node_limit``.
    check_unique : bool, default True
        Also prove whether another selection reaches the optimum (``.unique``).
    compare_top_n : bool, default True
        Also check (exactly, a second small solve) whether the top-N cut leaves an expert below
        ``min_items_per_expert`` (``.top_n.meets_minimum``; None when False).
    progress : bool, default False
        A bar of the search nodes and the incumbent on stderr (shown after half a second).
        Ctrl-C (KeyboardInterrupt) stops the search in any case: the C++ solve is cancelled
        and the interrupt re-raised.

    Returns
    -------
    SelectionResult
        ``status``, ``selected``, ``assignment``, ``total``, ``bound``, ``gap``, ``unique``, the
        top-N cut for comparison; an infeasible problem is a result with status
        ``"infeasible"`` and its ``explanation`` and ``conflict``, not an error.

    Raises
    ------
    koers.InputError
        A file problem, with the JSON path.

    Examples
    --------
    >>> import koers
    >>> sel = koers.Selection.load(koers.examples.path("west-betuwe-2022", "selection.json"))
    >>> r = koers.select(sel)
    >>> r.status, len(r.selected), r.gap, r.unique
    ('optimal', 28, 0.0, True)
    """
    s = _as_selection(selection)
    opts = _options(node_limit, time_limit, check_unique)
    raw = solve_watched(lambda counters: _core.select(s._core_obj, opts, counters), progress, "select")
    meets = _cut_meets_minimum(s, raw) if compare_top_n else None
    return SelectionResult(s, raw, meets)


# ---------------------------------------------------------------------------------------------
