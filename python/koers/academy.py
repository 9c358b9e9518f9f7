"""The academy event log: what the academy really did, computed from its events as of any date.

A log is a folder of UTF-8 CSV files (``courses.csv``, ``runs.csv``, ``registrations.csv``,
``cancellations.csv`` and optionally ``evaluations.csv``; columns and rules in
``include/koers/learning/academy.hpp``) or the same tables as DataFrames. Loading, row
validation and every figure are computed in C++ (koers's CSV reader over libcsv, one sorted
sweep for the time series); this module turns the results into DataFrames and plots.

>>> import koers
>>> log = koers.academy.load(koers.examples.path("west-betuwe-2022", "academy"))
>>> k = log.kpis(as_of="2022-06-23")
>>> k["runs_started"], k["participants_in_started_runs"], k["avg_participants_per_started_run"]
(6, 25, '4.17')
>>> k.exact
Fraction(25, 6)
>>> k["runs_planned_in_2022"], k["participants_cancelled"], k["participants_cancelled_by_self"]
(47, 21, 9)

Bad rows are left out and listed in :attr:`AcademyLog.errors` (file, 1-based data row, field,
reason); ``strict=True`` refuses the whole log instead (:class:`koers.InputError`, code 705).
"""
from __future__ import annotations

import datetime as _dt
import os
import pathlib
from fractions import Fraction
from typing import Mapping

import numpy as np

from . import _core
from ._lazy import is_frame
from ._lazy import pandas as pd
from .errors import Errc, error

__all__ = ["AcademyLog", "Kpis", "Evaluations", "load", "KPI_NAMES", "FILES"]

#: The nine KPIs of the Academie report, in its order (``runs_planned_in`` takes the year).
KPI_NAMES = ["kinds_of_training", "registrations_total", "runs_started", "participants_in_started_runs",
             "avg_participants_per_started_run", "runs_planned_in", "participants_cancelled",
             "participants_cancelled_by_self", "runs_cancelled"]
#: The files of a log; ``evaluations`` is optional.
FILES = ["courses", "runs", "registrations", "cancellations", "evaluations"]
_STATE_VERSION = 1


def _iso(value) -> str:
    from .calendar import to_date
    return to_date(value).isoformat()


def _fraction(r) -> Fraction | None:
    return None if r is None else Fraction(r.num, r.den)


def _one_text(v) -> str:
    if v is None or v is pd.NaT or v is pd.NA or (isinstance(v, float) and not np.isfinite(v)):
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, (_dt.date, pd.Timestamp)):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _text_column(s: pd.Series) -> list[str]:
    """A DataFrame column as the text a CSV file would hold: dates ISO, whole floats without
    ".0", booleans yes/no, missing values blank. Vectorised: integers through ``str``, every
    other column through its distinct values (a log repeats dates and codes)."""
    if pd.api.types.is_integer_dtype(s) and not s.hasnans:
        return list(map(str, s.tolist()))
    if pd.api.types.is_datetime64_any_dtype(s):
        s = s.dt.normalize()
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    if pd.api.types.is_datetime64_any_dtype(s):
        texts = np.datetime_as_string(np.asarray(uniques, dtype="datetime64[D]"), unit="D").tolist()
    elif pd.api.types.is_bool_dtype(s):
        texts = ["yes" if v else "no" for v in uniques]
    else:
        texts = [_one_text(v) for v in uniques]
    table = np.array(texts + [""], dtype=object)  # code -1 (missing) → the last entry, ""
    return table[codes].tolist()


def _table(name: str, df) -> "_core.CsvTable":
    if not is_frame(df):
        raise error(Errc.invalid_argument, f"{name}: expected a pandas DataFrame, not {type(df).__name__}", [name])
    header = [str(c).strip() for c in df.columns]
    return _core.csv_table_from_columns(f"{name}.csv", header, [_text_column(df[c]) for c in df.columns])


class Kpis(dict):
    """The KPIs as of a date, by name, as ``koers academy --json`` prints them: counts as ints,
    ``avg_participants_per_started_run`` rounded half-up to two decimals as text (``"4.17"``) beside
    ``avg_participants_per_started_run_exact`` (``"25/6"``), both None when no run started.

    Attributes: ``as_of`` (date), ``year``, ``exact`` (the average as a Fraction),
    ``employees_in_started_runs`` and ``online_runs_started`` (beyond the nine).
    """

    def __init__(self, k=None, *, state=None):
        if state is not None:
            super().__init__(state["kpis"])
            self.__dict__.update(state["attrs"])
            return
        avg = k.avg_participants_per_started_run
        super().__init__({
            "kinds_of_training": k.kinds_of_training,
            "registrations_total": k.registrations_total,
            "runs_started": k.runs_started,
            "participants_in_started_runs": k.participants_in_started_runs,
            "avg_participants_per_started_run": k.avg_rounded() if avg is not None else None,
            "avg_participants_per_started_run_exact": k.avg_exact() if avg is not None else None,
            k.runs_planned_name(): k.runs_planned_in_year,
            "participants_cancelled": k.participants_cancelled,
            "participants_cancelled_by_self": k.participants_cancelled_by_self,
            "runs_cancelled": k.runs_cancelled,
        })
        self.as_of = _dt.date.fromisoformat(k.as_of)
        self.year = k.year
        self.exact = _fraction(avg)
        self.employees_in_started_runs = k.employees_in_started_runs
        self.online_runs_started = k.online_runs_started

    def __reduce__(self):
        return (_kpis_from_state, ({"kpis": dict(self), "attrs": dict(self.__dict__)},))

    def to_series(self) -> pd.Series:
        """The KPIs as a Series (the average as a float)."""
        d = dict(self)
        d["avg_participants_per_started_run"] = float(self.exact) if self.exact is not None else np.nan
        d.pop("avg_participants_per_started_run_exact")
        return pd.Series(d, name=self.as_of.isoformat(), dtype=object)

    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in self.items() if not k.endswith("_exact"))
        return f"<Kpis as of {self.as_of.isoformat()}: {inner}>"


def _kpis_from_state(state):
    return Kpis(state=state)


def _stats_row(prefix: str, s) -> dict:
    return {f"{prefix}_n": s.n, f"{prefix}_mean": float(_fraction(s.mean)) if s.mean is not None else np.nan,
            f"{prefix}_sd": s.sd if s.n else np.nan}


def _groups_frame(groups, key: str) -> pd.DataFrame:
    rows = []
    for g in groups:
        row = {key: g.key, "title": g.title, "n": g.n}
        for part in ("trainer", "content", "location", "overall"):
            s = getattr(g, part)
            row[f"{part}_mean"] = float(_fraction(s.mean)) if s.mean is not None else np.nan
            row[f"{part}_sd"] = s.sd
        row["overall_min"], row["overall_max"] = g.overall.min, g.overall.max
        row["overall_mean_exact"] = _fraction(g.overall.mean)
        row["low"] = g.low
        rows.append(row)
    cols = [key, "title", "n"] + [f"{p}_{m}" for p in ("trainer", "content", "location", "overall") for m in ("mean", "sd")] \
        + ["overall_min", "overall_max", "overall_mean_exact", "low"]
    df = pd.DataFrame(rows, columns=cols)
    if key == "run_id" or key == "course_id":
        df[key] = df[key].astype("int64")
    return df.set_index(key)


class Evaluations:
    """The evaluation forms aggregated: ``by_run``, ``by_course``, ``by_trainer`` (DataFrames with
    n, mean and spread of the trainer, content and location scores and the three pooled,
    ``low`` when a mean is below the threshold), ``overall`` (a Series), ``mean`` (the pooled mean
    as a Fraction), ``unevaluated_runs`` (started runs of a day or more without a form) and
    ``low`` (the flagged rows of the three tables)."""

    def __init__(self, s, as_of: _dt.date):
        self.as_of = as_of
        self.threshold = _fraction(s.low_threshold)
        self.by_run = _groups_frame(s.by_run, "run_id")
        self.by_course = _groups_frame(s.by_course, "course_id")
        self.by_trainer = _groups_frame(s.by_trainer, "trainer")
        self.overall = pd.Series({**_stats_row("trainer", s.trainer), **_stats_row("content", s.content),
                                  **_stats_row("location", s.location), **_stats_row("overall", s.overall)})
        self.mean = _fraction(s.overall.mean)
        self.forms = s.trainer.n
        self.unevaluated_runs = list(s.unevaluated_runs)
        parts = []
        for what, df in (("run", self.by_run), ("course", self.by_course), ("trainer", self.by_trainer)):
            low = df[df["low"]]
            parts.append(pd.DataFrame({"level": what, "key": low.index.astype(str), "title": low["title"].values,
                                       "overall_mean": low["overall_mean"].values,
                                       "trainer_mean": low["trainer_mean"].values,
                                       "content_mean": low["content_mean"].values,
                                       "location_mean": low["location_mean"].values}))
        self.low = pd.concat(parts, ignore_index=True)

    def __repr__(self):
        mean = "-" if self.mean is None else f"{float(self.mean):.2f}"
        return (f"<Evaluations forms={self.forms} mean={mean} low={len(self.low)} "
                f"unevaluated_runs={self.unevaluated_runs}>")


#: the words of :meth:`AcademyLog.plot`, per language
_PLOT_WORDS = {
    "en": {"registrations": "registrations (cumulative)", "participants": "participants in started runs",
           "participants_cancelled": "participants cancelled (cumulative)", "people": "people",
           "runs_started": "runs started", "runs_cancelled": "runs cancelled (cumulative)",
           "runs_planned": "runs planned in {year} (started or open)", "runs": "runs",
           "as_of_week": "as of the end of the week (Sunday)", "as_of": "as of",
           "title": "Academy event log, {freq} time series"},
    "nl": {"registrations": "aanmeldingen (cumulatief)", "participants": "deelnemers in gestarte trainingen",
           "participants_cancelled": "afgemelde deelnemers (cumulatief)", "people": "personen",
           "runs_started": "gestarte trainingen", "runs_cancelled": "geannuleerde trainingen (cumulatief)",
           "runs_planned": "trainingen gepland in {year} (gestart of open)", "runs": "trainingen",
           "as_of_week": "stand aan het eind van de week (zondag)", "as_of": "stand per",
           "title": "Logboek van de academie, tijdreeks per {freq}"},
}


class AcademyLog:
    """An academy event log (see the module docstring). Make one with :func:`load`."""

    def __init__(self, core: "_core.AcademyLog", origin: str = ""):
        self._log = core
        self.origin = origin

    # ---- the data ---------------------------------------------------------------------------
    @property
    def errors(self) -> pd.DataFrame:
        """The rows left out: file, row (1-based data row), field, reason, message."""
        return pd.DataFrame([(e.file, e.row, e.field, e.reason, e.message) for e in self._log.errors],
                            columns=["file", "row", "field", "reason", "message"])

    def error_messages(self) -> list[str]:
        """Each row left out, said for a person: "registrations.csv, row 3 (line 4), field run_id: ... [reason]"."""
        return [f"{e.message} [{e.reason}]" for e in self._log.errors]

    def error_list(self) -> list[dict]:
        """The rows left out as ``koers academy --json`` prints them: file, row, field, reason."""
        return [{"file": e.file, "row": e.row, "field": e.field, "reason": e.reason} for e in self._log.errors]

    def refuse_if_invalid(self) -> None:
        """Raise :class:`koers.InputError` (705, log_refused) naming the first bad row, if any."""
        self._log.refuse_if_invalid()

    @property
    def first_event(self) -> _dt.date | None:
        """The earliest date in the log (the launch, for as-of dates)."""
        d = self._log.first_event
        return None if d is None else _dt.date.fromisoformat(d)

    @property
    def last_event(self) -> _dt.date | None:
        """The latest registration or cancellation (run starts may lie beyond it)."""
        d = self._log.last_event
        return None if d is None else _dt.date.fromisoformat(d)

    @property
    def courses(self) -> pd.DataFrame:
        return pd.DataFrame([(c.id, c.title, c.kind) for c in self._log.courses],
                            columns=["course_id", "title", "kind"]).set_index("course_id")

    @property
    def runs(self) -> pd.DataFrame:
        titles = {c.id: c.title for c in self._log.courses}
        df = pd.DataFrame([(r.id, r.course_id, titles[r.course_id], r.start_date, r.cancelled_on, r.capacity,
                            _fraction(r.days), r.trainer, r.online) for r in self._log.runs],
                          columns=["run_id", "course_id", "title", "start_date", "cancelled_on", "capacity", "days",
                                   "trainer", "online"])
        for c in ("start_date", "cancelled_on"):
            df[c] = pd.to_datetime(df[c])
        df["capacity"] = df["capacity"].astype("Int64")
        return df.set_index("run_id")

    @property
    def registrations(self) -> pd.DataFrame:
        df = pd.DataFrame([(g.id, g.run_id, g.employee_id, g.registered_on, g.cancelled_on, g.cancelled_by)
                           for g in self._log.registrations],
                          columns=["registration_id", "run_id", "employee_id", "registered_on", "cancelled_on",
                                   "cancelled_by"])
        for c in ("registered_on", "cancelled_on"):
            df[c] = pd.to_datetime(df[c])
        return df.set_index("registration_id")

    # ---- the figures ------------------------------------------------------------------------
    def kpis(self, as_of, year: int | None = None) -> Kpis:
        """The nine KPIs as of the end of day ``as_of``; ``year`` of ``runs_planned_in_<year>``
        (default: the as-of year). Raises InputError 706 for a date before :attr:`first_event`."""
        return Kpis(self._log.kpis(_iso(as_of), int(year or 0)))

    def dates(self, freq: str = "W", start=None, end=None) -> pd.DatetimeIndex:
        """The as-of dates of :meth:`timeseries`: pandas ``freq`` labels from ``start`` (default
        the first event) to the first label on or after ``end`` (default the last event)."""
        start = pd.Timestamp(_iso(start) if start is not None else self.first_event)
        end = pd.Timestamp(_iso(end) if end is not None else self.last_event)
        if end < start:
            raise error(Errc.invalid_period, f"the end {end.date()} is before the start {start.date()}", [str(end.date())])
        idx = pd.date_range(start, end, freq=freq)
        if len(idx) == 0 or idx[-1] < end:
            nxt = pd.date_range(end, periods=1, freq=freq)
            idx = idx.append(nxt)
        return idx

    def timeseries(self, freq: str = "W", start=None, end=None, year: int | None = None, dates=None) -> pd.DataFrame:
        """Every KPI at each date of :meth:`dates` (or the given ``dates``): a DataFrame indexed by
        the as-of date, the average as a float. Computed in C++ by one pass over the events into
        the sorted dates, not one recount per date."""
        idx = pd.DatetimeIndex(pd.to_datetime(list(dates))) if dates is not None else self.dates(freq, start, end)
        if len(idx) == 0:
            raise error(Errc.invalid_argument, "timeseries needs at least one date", ["dates"])
        year = int(year or idx[-1].year)
        series = self._log.timeseries([d.strftime("%Y-%m-%d") for d in idx], year)
        cols = {
            "kinds_of_training": [k.kinds_of_training for k in series],
            "registrations_total": [k.registrations_total for k in series],
            "runs_started": [k.runs_started for k in series],
            "participants_in_started_runs": [k.participants_in_started_runs for k in series],
            "avg_participants_per_started_run": [float(_fraction(k.avg_participants_per_started_run))
                                                 if k.avg_participants_per_started_run is not None else np.nan
                                                 for k in series],
            f"runs_planned_in_{year}": [k.runs_planned_in_year for k in series],
            "participants_cancelled": [k.participants_cancelled for k in series],
            "participants_cancelled_by_self": [k.participants_cancelled_by_self for k in series],
            "runs_cancelled": [k.runs_cancelled for k in series],
        }
        return pd.DataFrame(cols, index=pd.DatetimeIndex(idx, name="as_of"))

    def kpis_by(self, by: str, as_of, year: int | None = None) -> pd.DataFrame:
        """The KPIs per ``"course"`` (every course) or per ``"kind"``, as of ``as_of``."""
        if by not in ("course", "kind"):
            raise error(Errc.invalid_argument, f"kpis_by: by must be 'course' or 'kind', not {by!r}", ["by"])
        f = self._log.kpis_by_course if by == "course" else self._log.kpis_by_kind
        rows = []
        for g in f(_iso(as_of), int(year or 0)):
            k = Kpis(g.kpis)
            row = {by if by == "kind" else "course_id": int(g.key) if by == "course" else g.key}
            if by == "course":
                row["title"] = g.title
            row.update({n: v for n, v in k.items() if not n.startswith("avg_")})
            row["avg_participants_per_started_run"] = float(k.exact) if k.exact is not None else np.nan
            row["employees_in_started_runs"] = k.employees_in_started_runs
            rows.append(row)
        return pd.DataFrame(rows).set_index("course_id" if by == "course" else "kind")

    def fill_rates(self, as_of) -> pd.DataFrame:
        """Per run at ``as_of``: status, live registrations, places and the fill rate (exact
        Fraction and float; NaN/None without a capacity)."""
        titles = {c.id: c.title for c in self._log.courses}
        rows = [(f.run_id, f.course_id, titles[f.course_id], f.start_date, f.status, f.participants, f.capacity,
                 _fraction(f.fill_rate)) for f in self._log.fill_rates(_iso(as_of))]
        df = pd.DataFrame(rows, columns=["run_id", "course_id", "title", "start_date", "status", "participants",
                                         "capacity", "fill_rate_exact"])
        df["start_date"] = pd.to_datetime(df["start_date"])
        df["capacity"] = df["capacity"].astype("Int64")
        df["fill_rate"] = [float(v) if v is not None else np.nan for v in df["fill_rate_exact"]]
        return df.set_index("run_id")

    def cancellation_rates(self, as_of) -> pd.DataFrame:
        """Per course at ``as_of``: registrations, cancelled, by self and the cancellation rate."""
        rows = [(c.course_id, c.title, c.registrations, c.cancelled, c.cancelled_by_self, _fraction(c.rate))
                for c in self._log.cancellation_rates(_iso(as_of))]
        df = pd.DataFrame(rows, columns=["course_id", "title", "registrations", "cancelled", "cancelled_by_self",
                                         "rate_exact"])
        df["rate"] = [float(v) if v is not None else np.nan for v in df["rate_exact"]]
        return df.set_index("course_id")

    def evaluations(self, as_of=None, low_threshold="6") -> Evaluations:
        """The evaluation forms per run, course and trainer; means below ``low_threshold`` (exact,
        a decimal text or number; default 6) are flagged, and started runs (as of ``as_of``,
        default the last event) of a day or more without a form are listed."""
        as_of = _iso(as_of) if as_of is not None else (self.last_event or _dt.date.today()).isoformat()
        t = Fraction(str(low_threshold))
        s = self._log.evaluation_summary(as_of, _core.Ratio(t.numerator, t.denominator))
        return Evaluations(s, _dt.date.fromisoformat(as_of))

    # ---- plots ------------------------------------------------------------------------------
    def plot(self, freq: str = "W", start=None, end=None, year: int | None = None, ax=None, title: str | None = None,
             mark=None, lang: str = "en"):
        """The time series: registrations, participants in started runs and cancellations (people,
        left axis; solid) and runs started, cancelled and planned in the year (runs, right axis;
        dashed). Each point is the state at the end of its date (for "W", the Sunday ending the
        week). ``mark``: a date to draw as a vertical line (e.g. a report's date); ``lang``: the
        words of axes and legend, ``"en"`` or ``"nl"`` (the report's Dutch page)."""
        if lang not in _PLOT_WORDS:
            raise error(Errc.invalid_argument, f"lang must be one of {', '.join(_PLOT_WORDS)}, not {lang!r}", [str(lang)])
        w = _PLOT_WORDS[lang]
        from ._lazy import pyplot as plt
        ts = self.timeseries(freq, start, end, year)
        if ax is None:
            _, ax = plt.subplots(figsize=(10, 5))
        planned = [c for c in ts.columns if c.startswith("runs_planned_in_")][0]
        for col, label, color in (("registrations_total", w["registrations"], "tab:blue"),
                                  ("participants_in_started_runs", w["participants"], "tab:orange"),
                                  ("participants_cancelled", w["participants_cancelled"], "tab:green")):
            ax.plot(ts.index, ts[col], marker="o", markersize=3, color=color, label=label)
        ax.set_ylabel(w["people"])
        ax.set_ylim(bottom=0)
        ax2 = ax.twinx()
        for col, label, color in (("runs_started", w["runs_started"], "tab:red"),
                                  ("runs_cancelled", w["runs_cancelled"], "tab:purple"),
                                  (planned, w["runs_planned"].format(year=planned.rsplit('_', 1)[-1]), "grey")):
            ax2.plot(ts.index, ts[col], linestyle="--", marker="s", markersize=3, color=color, label=label)
        ax2.set_ylabel(w["runs"])
        ax2.set_ylim(bottom=0)
        if mark is not None:
            m = pd.Timestamp(_iso(mark))
            ax.axvline(m, color="black", linewidth=0.8)
            ax.annotate(f" {m.date().isoformat()}", (m, ax.get_ylim()[1]), va="top", fontsize="small")
        ax.set_xlabel(w["as_of_week"] if freq.upper().startswith("W") else w["as_of"])
        ax.set_title(title or w["title"].format(freq=freq))
        h1, l1 = ax.get_legend_handles_labels()
        h2, l2 = ax2.get_legend_handles_labels()
        ax.legend(h1 + h2, l1 + l2, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3, fontsize="small",
                  frameon=False)
        ax.grid(True, alpha=0.3)
        return ax

    # ---- protocol ---------------------------------------------------------------------------
    def __repr__(self):
        L = self._log
        cancellations = sum(1 for g in L.registrations if g.cancelled_on is not None)
        span = f" {L.first_event}..{L.last_event}" if L.first_event else ""
        where = f" '{self.origin}'" if self.origin else ""
        return (f"<AcademyLog{where} courses={len(L.courses)} runs={len(L.runs)} registrations={len(L.registrations)} "
                f"cancellations={cancellations} evaluations={len(L.evaluations)} errors={len(L.errors)}{span}>")

    def __reduce__(self):
        t = self._log.to_tables()
        tables = {}
        for name in FILES:
            tab = getattr(t, name)
            if tab is None:
                continue
            rows = [tab.fields(i) for i in range(tab.rows)]
            tables[name] = (list(tab.header), [list(c) for c in zip(*rows, strict=True)] if rows else [[] for _ in tab.header])
        errors = [(e.file, e.row, e.field, e.reason, e.message) for e in self._log.errors]
        return (_restore, ({"version": _STATE_VERSION, "tables": tables, "errors": errors, "origin": self.origin},))


def _restore(state):
    t = _core.AcademyTables()
    for name, (header, columns) in state["tables"].items():
        setattr(t, name, _core.csv_table_from_columns(f"{name}.csv", header, columns))
    errors = [_core.RowError(*e) for e in state["errors"]]
    return AcademyLog(_core.AcademyLog.restore(t, errors), state.get("origin", ""))


def load(source=None, *, strict: bool = False, **tables) -> AcademyLog:
    """Load an academy event log from a folder of CSV files, or from DataFrames.

    Parameters
    ----------
    source : str, os.PathLike, Mapping or AcademyLog, optional
        A folder holding ``courses.csv``, ``runs.csv``, ``registrations.csv``,
        ``cancellations.csv`` and, when present, ``evaluations.csv`` (``docs/academy.md``);
        or a mapping ``{"courses": df, ...}`` of DataFrames.
    strict : bool, default False
        Refuse the whole log when a row is bad, instead of leaving the row out.
    **tables : pandas.DataFrame
        ``courses=df, runs=df, registrations=df, cancellations=df[, evaluations=df]`` instead of
        a folder (dates as datetime64 or ISO text; columns by name, in any order).

    Returns
    -------
    AcademyLog
        The log; bad rows are left out and listed in :attr:`AcademyLog.errors` (file, row,
        field, reason).

    Raises
    ------
    koers.InputError
        A missing file (E100), not UTF-8 (E118), malformed CSV (E700), a missing column (E701),
        an empty file (E702), a duplicate column (E703); with ``strict=True`` a bad row (E705).

    Examples
    --------
    >>> import koers
    >>> folder = koers.examples.path("west-betuwe-2022", "academy")
    >>> log = koers.academy.load(folder)
    >>> len(log.errors), log.kpis(as_of="2022-06-23")["avg_participants_per_started_run"]
    (0, '4.17')

    The same log from DataFrames (without its evaluations):

    >>> import pandas as pd
    >>> frames = {n: pd.read_csv(folder / f"{n}.csv") for n in ("courses", "runs", "registrations", "cancellations")}
    >>> koers.academy.load(**frames).kpis(as_of="2022-06-23") == log.kpis(as_of="2022-06-23")
    True
    """
    if isinstance(source, Mapping):
        tables = {**source, **tables}
        source = None
    if source is not None and tables:
        raise error(Errc.invalid_argument, "give a folder or DataFrames, not both", ["source"])
    if source is not None:
        if isinstance(source, AcademyLog):
            return source
        if not isinstance(source, (str, os.PathLike)):
            raise error(Errc.invalid_argument, f"load: expected a folder or DataFrames, not {type(source).__name__}", ["source"])
        path = pathlib.Path(source)
        return AcademyLog(_core.AcademyLog.load(str(path), strict), str(path))
    unknown = sorted(set(tables) - set(FILES))
    if unknown:
        raise error(Errc.invalid_argument, f"load: unknown table(s) {', '.join(unknown)}; expected {', '.join(FILES)}", unknown)
    missing = [n for n in FILES[:4] if tables.get(n) is None]
    if missing:
        raise error(Errc.file_unreadable, f"load: the table(s) {', '.join(missing)} are missing", missing)
    t = _core.AcademyTables()
    for name in FILES:
        if tables.get(name) is not None:
            setattr(t, name, _table(name, tables[name]))
    return AcademyLog(_core.AcademyLog.from_tables(t, strict), "DataFrames")
