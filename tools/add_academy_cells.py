"""Add (or refresh) the academy part of notebooks/04_learning_time_and_academy.ipynb.

    python tools/add_academy_cells.py [NOTEBOOK]     (default: notebooks/04_learning_time_and_academy.ipynb)

The cells between the markers "<!-- academy:start -->" and "<!-- academy:end -->" are replaced;
without them they are appended; a missing notebook is created with the academy part only.
Outputs are left empty (tests/python/test_notebooks.py executes the notebook).
"""
from __future__ import annotations

import pathlib

import nbformat

NB = pathlib.Path(__file__).resolve().parents[1] / "notebooks" / "04_learning_time_and_academy.ipynb"
START, END = "<!-- academy:start -->", "<!-- academy:end -->"

CELLS = [
    ("md", START + """
## The West Betuwe Academie on 23-6-2022 — from its event log

The 2022 report of *Samen West Betuws Werken* gives the Academie's status on 23 June 2022, after its
launch on 12 April. koers computes those figures from an event log of courses, runs, registrations
and cancellations, as of any date: a run's status comes from its dates (cancelled if
`cancelled_on <= D`, else started if `start_date <= D`), never from a snapshot column.

The embedded log is **illustrative**: made up (seeded, `tools/make_academy_example.py`) so that it
reproduces every published figure; see `koers.examples.path("west-betuwe-2022", "academy") / "README.md"`."""),
    ("code", """import pandas as pd
import matplotlib.pyplot as plt
import koers

log = koers.examples.load("west-betuwe-2022", "academy")
log"""),
    ("code", """k = log.kpis(as_of="2022-06-23")
reported = {"kinds_of_training": 9, "registrations_total": 61, "runs_started": 6,
            "participants_in_started_runs": 25, "avg_participants_per_started_run": "4.17",
            "runs_planned_in_2022": 47, "participants_cancelled": 21,
            "participants_cancelled_by_self": 9, "runs_cancelled": 10}
dashboard = pd.DataFrame({"reported (23-6-2022)": reported,
                          "koers from the log": {n: k[n] for n in reported}})
dashboard["same"] = dashboard.iloc[:, 0].astype(str) == dashboard.iloc[:, 1].astype(str)
assert dashboard["same"].all()
print("average exactly:", k.exact, "=", k["avg_participants_per_started_run"])
dashboard"""),
    ("md", """### The weekly time series

Every KPI as of each Sunday from the launch to the log's extraction (30 September 2022), computed
in one sorted sweep over the events (not one recount per week). Registrations and cancellations
are cumulative; participants are those in runs that have started and not been cancelled."""),
    ("code", """ts = log.timeseries(freq="W", year=2022)
fig, ax = plt.subplots(figsize=(10, 5.2))
log.plot(freq="W", year=2022, ax=ax, mark="2022-06-23",
         title="West Betuwe Academie: KPIs per week (illustrative event log; line: the report's 23-6-2022)")
fig.tight_layout()
ts.loc["2022-06-19":"2022-07-03"]"""),
    ("code", """by_kind = log.kpis_by("kind", "2022-06-23")
by_kind[["kinds_of_training", "registrations_total", "runs_started", "participants_in_started_runs",
         "runs_planned_in_2022", "participants_cancelled", "runs_cancelled"]]"""),
    ("code", """fill = log.fill_rates("2022-06-23")
print("started runs, fill rate (participants / places):")
display(fill[fill["status"] == "started"][["title", "start_date", "participants", "capacity", "fill_rate"]])
log.cancellation_rates("2022-06-23")[["title", "registrations", "cancelled", "cancelled_by_self", "rate"]]"""),
    ("code", """ev = log.evaluations(as_of="2022-06-23")
print(ev)
print("started runs of a day or more without an evaluation:", ev.unevaluated_runs)
ev.low"""),
    ("md", """## The Leercafé of 10 March 2022

The report says the Leercafé offered **17** workshops but lists **15**; the log models the 15 that
are named and koers reports the difference instead of inventing two. 171 colleagues took part
(some in both rounds), and the offer was rated 7,7 on average."""),
    ("code", """lc = koers.examples.load("west-betuwe-2022", "leercafe-2022")
kl = lc.kpis("2022-03-10")
ev_lc = lc.evaluations("2022-03-10")
pd.DataFrame({"reported": {"workshops": 17, "colleagues": 171, "average rating": "7,7"},
              "koers from the log": {"workshops": kl["runs_started"],
                                     "colleagues": kl.employees_in_started_runs,
                                     "average rating": f"{float(ev_lc.mean):.1f}".replace(".", ",")}})"""),
    ("code", """r = ev_lc.by_course.sort_values("overall_mean")
fig, ax = plt.subplots(figsize=(9, 6))
ax.errorbar(r["overall_mean"], r["title"], xerr=r["overall_sd"], fmt="o", color="tab:blue", ecolor="lightgrey",
            elinewidth=3, label="mean of trainer, content and location ± 1 standard deviation")
for y, (m, n) in enumerate(zip(r["overall_mean"], r["n"])):
    ax.text(10.05, y, f"{m:.2f}  (n={n})", va="center", fontsize=8)
ax.axvline(float(ev_lc.mean), color="tab:red", linestyle="--",
           label=f"all {ev_lc.forms} forms: {float(ev_lc.mean):.2f} (reported: 7,7)")
ax.set_xlim(4, 11)
ax.set_xticks(range(4, 11))
ax.set_xlabel("score (1–10; mean and forms per workshop on the right)")
ax.set_title("Leercafé 10 March 2022: rating per workshop (illustrative evaluation forms)")
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=1, fontsize="small", frameon=False)
ax.grid(True, axis="x", alpha=0.3)
fig.tight_layout()"""),
    ("md", """## Workshops on the development conversation (July – November 2021)

*"Tussen juli en december zijn er 18 workshops (drie online) georganiseerd. Bijna 150 medewerkers
hebben de training gevolgd."* — computed from its (illustrative) log as of 8 November 2021."""),
    ("code", """gw = koers.examples.load("west-betuwe-2022", "gesprek-workshops-2021")
kg = gw.kpis("2021-11-08")
print(f"workshops held: {kg['runs_started']}, of which online: {kg.online_runs_started}, "
      f"employees trained: {kg.employees_in_started_runs}, cancelled workshops: {kg['runs_cancelled']}")
gw.kpis_by("course", "2021-11-08")[["title", "runs_started", "participants_in_started_runs",
                                    "employees_in_started_runs"]]"""),
    ("md", """The figures above come from illustrative logs built to reproduce the report's totals; the code
is the same for a real extraction from the academy's registration system.""" + "\n" + END),
]


def cell(kind, src):
    return nbformat.v4.new_markdown_cell(src) if kind == "md" else nbformat.v4.new_code_cell(src)


def main(path=None) -> None:
    NB = pathlib.Path(path) if path else globals()["NB"]
    if NB.exists():
        nb = nbformat.read(NB, as_version=4)
    else:
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_markdown_cell(
            "# Learning time and the academy\n\nIssue 8: learning time, expert capacity and the academy's figures, "
            "computed from data instead of counted by hand.")]
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    start = next((i for i, c in enumerate(nb.cells) if START in c.source), None)
    end = next((i for i, c in enumerate(nb.cells) if END in c.source), None)
    new = [cell(k, s) for k, s in CELLS]
    if start is not None and end is not None:
        nb.cells[start:end + 1] = new
    else:
        nb.cells += new
    nbformat.write(nb, NB)
    print(f"{NB}: {len(nb.cells)} cells")


if __name__ == "__main__":
    import sys
    main(sys.argv[1] if len(sys.argv) > 1 else None)
