"""``koers report`` section: the West Betuwe Academie on 23-6-2022, the Leercafé of 10 March 2022
and the workshops on the development conversation — computed from the embedded **illustrative**
event logs (``west-betuwe-2022/academy``, ``leercafe-2022``, ``gesprek-workshops-2021``), each
figure beside the one the report publishes.
"""
from __future__ import annotations

from .report import section

EXAMPLE = "west-betuwe-2022"
AS_OF = "2022-06-23"
#: the Academie's status in the report (seed 004, "Stand van zaken per: 23-6-2022")
REPORTED = {"kinds_of_training": 9, "registrations_total": 61, "runs_started": 6,
            "participants_in_started_runs": 25, "avg_participants_per_started_run": "4.17",
            "runs_planned_in_2022": 47, "participants_cancelled": 21, "participants_cancelled_by_self": 9,
            "runs_cancelled": 10}


def figures() -> dict:
    """The computed figures of the three logs beside the reported ones."""
    from . import examples
    log = examples.load(EXAMPLE, "academy")
    k = log.kpis(AS_OF, 2022)
    lc = examples.load(EXAMPLE, "leercafe-2022")
    kl, ev = lc.kpis("2022-03-10"), lc.evaluations("2022-03-10")
    gw = examples.load(EXAMPLE, "gesprek-workshops-2021")
    kg = gw.kpis("2021-11-08")
    return {
        "academy": {"as_of": AS_OF, "computed": {n: k[n] for n in REPORTED}, "reported": dict(REPORTED),
                    "avg_exact": k["avg_participants_per_started_run_exact"]},
        "leercafe": {"as_of": "2022-03-10",
                     "computed": {"workshops": kl["runs_started"], "colleagues": kl.employees_in_started_runs,
                                  "average_rating": round(float(ev.mean), 1)},
                     "reported": {"workshops": 17, "colleagues": 171, "average_rating": 7.7}},
        "gesprek_workshops": {"as_of": "2021-11-08",
                              "computed": {"workshops": kg["runs_started"], "online": kg.online_runs_started,
                                           "employees": kg.employees_in_started_runs},
                              "reported": {"workshops": 18, "online": 3, "employees": "bijna 150"}},
        "_log": log,
    }


@section("west-betuwe-2022-academy", order=40)
def west_betuwe_academy(out):
    import matplotlib.pyplot as plt

    f = figures()
    log = f.pop("_log")
    a, lc, gw = f["academy"], f["leercafe"], f["gesprek_workshops"]
    lines = ["West Betuwe 2022: the Academie, the Leercafé and the gesprek workshops — computed from "
             "ILLUSTRATIVE event logs (made up to reproduce the report's totals; see the examples' README)", "",
             f"Academie, status on {AS_OF} (launch 12 April 2022):   reported   koers"]
    for n, rep in a["reported"].items():
        lines.append(f"  {n:<34} {str(rep):>8}   {a['computed'][n]!s:>5}")
    lines.append(f"  (average exactly {a['avg_exact']})")
    lines += ["", "Leercafé 10 March 2022:                reported   koers"]
    for n, rep in lc["reported"].items():
        lines.append(f"  {n:<34} {str(rep):>8}   {lc['computed'][n]!s:>5}")
    lines.append("  the report says 17 workshops but lists 15: the 15 listed are modelled (difference 2)")
    lines += ["", "Workshops 'het goede gesprek', 6 July - 8 November 2021:   reported   koers"]
    for n, rep in gw["reported"].items():
        lines.append(f"  {n:<34} {str(rep):>10}   {gw['computed'][n]!s:>5}")

    fig, ax = plt.subplots(figsize=(10, 5.2))
    log.plot(freq="W", year=2022, ax=ax, mark=AS_OF,
             title="West Betuwe Academie: KPIs per week (illustrative event log; line: the report's 23-6-2022)")
    fig.tight_layout()
    path = out / "west_betuwe_academy_weekly.png"
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return {"title": "West Betuwe Academie (illustrative event log)", "text": "\n".join(lines),
            "data": {**f, "illustrative": True}, "figures": [str(path)]}
