"""``koers report`` section: the West Betuwe Academie on 23-6-2022, the Leercafé of 10 March 2022
and the workshops on the development conversation — computed from the embedded **illustrative**
event logs (``west-betuwe-2022/academy``, ``leercafe-2022``, ``gesprek-workshops-2021``), each
figure beside the one the report publishes.
"""
from __future__ import annotations

from . import examples, plotting
from .report_parts import Section, illustrative, plan, section

EXAMPLE = "west-betuwe-2022"
AS_OF = "2022-06-23"
#: the Academie's status in the report (seed 004, "Stand van zaken per: 23-6-2022")
REPORTED = {"kinds_of_training": 9, "registrations_total": 61, "runs_started": 6,
            "participants_in_started_runs": 25, "avg_participants_per_started_run": "4.17",
            "runs_planned_in_2022": 47, "participants_cancelled": 21, "participants_cancelled_by_self": 9,
            "runs_cancelled": 10}


def figures() -> dict:
    """The computed figures of the three logs beside the reported ones."""
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


#: the KPIs in people's words (English, Dutch)
WORDS = {"kinds_of_training": ("kinds of training", "soorten training"),
         "registrations_total": ("registrations", "aanmeldingen"),
         "runs_started": ("runs started", "gestarte trainingen"),
         "participants_in_started_runs": ("participants in started runs", "deelnemers in gestarte trainingen"),
         "avg_participants_per_started_run": ("participants per started run", "deelnemers per gestarte training"),
         "runs_planned_in_2022": ("runs planned in 2022", "trainingen gepland in 2022"),
         "participants_cancelled": ("participants cancelled", "afmeldingen"),
         "participants_cancelled_by_self": ("of which by the participant", "waarvan door de deelnemer zelf"),
         "runs_cancelled": ("runs cancelled", "geannuleerde trainingen"),
         "workshops": ("workshops", "workshops"), "colleagues": ("colleagues", "collega's"),
         "average_rating": ("average rating", "gemiddeld cijfer"), "online": ("of which online", "waarvan online"),
         "employees": ("employees", "medewerkers")}


@section("west-betuwe-2022-academy", order=40)
def west_betuwe_academy(out, lang: str = "en"):

    s = Section("west-betuwe-2022-academy", out, lang,
                ("West Betuwe 2022: the Academie, the Leercafé and the conversation workshops",
                 "West Betuwe 2022: de Academie, het Leercafé en de workshops het goede gesprek"))
    f = figures()
    log = f.pop("_log")
    a, lc, gw = f["academy"], f["leercafe"], f["gesprek_workshops"]
    seed = plan(s.t("seed 004, progress report 2022: the Academie's status on 23-6-2022, the Leercafé of 10 March "
                    "2022, the workshops 'het goede gesprek' of 2021", "seed 004, voortgangsrapportage 2022: stand "
                    "van de Academie per 23-6-2022, het Leercafé van 10 maart 2022, de workshops 'het goede gesprek' "
                    "van 2021"))
    logs = illustrative(s.t("the event logs (registrations, runs, cancellations, evaluations) are made up to "
                            "reproduce the report's totals", "de gebeurtenislogboeken (aanmeldingen, trainingen, "
                            "afmeldingen, evaluaties) zijn verzonnen om de totalen van het rapport na te bootsen"))
    s.source(seed, logs)
    same = sum(1 for n in a["reported"] if str(a["computed"][n]) == str(a["reported"][n]))
    s.answer(s.t(f"Recomputed from event logs, {same} of the Academie's {len(a['reported'])} reported figures come "
                 "out the same; the Leercafé lists 15 of the 17 workshops it reports.",
                 f"Opnieuw berekend uit logboeken komen {same} van de {len(a['reported'])} gerapporteerde cijfers "
                 "van de Academie uit; het Leercafé noemt 15 van de 17 workshops die het rapporteert."))
    s.para(s.t("Computed from event logs that are ILLUSTRATIVE: made up to reproduce the report's totals (see the "
               "examples' README); the reported figures beside them are the report's.",
               "Berekend uit logboeken die ILLUSTRATIEF zijn: verzonnen om de totalen van het rapport na te bootsen "
               "(zie de README van de voorbeelden); de gerapporteerde cijfers ernaast zijn die van het rapport."), logs)
    how = illustrative(s.t("the 'reported' column is the report's (seed 004); the 'koers' column is computed from "
                           "the illustrative event logs", "de kolom 'gerapporteerd' is die van het rapport (seed 004); "
                           "de kolom 'koers' is berekend uit de illustratieve logboeken"))
    rep, calc = s.t("reported", "gerapporteerd"), s.t("koers, from the log", "koers, uit het logboek")

    def rows(block):
        return [[s.t(*WORDS.get(n, (n, n))), str(r).replace(".", ",") if s.lang == "nl" else str(r),
                 str(block["computed"][n]).replace(".", ",") if s.lang == "nl" else str(block["computed"][n])]
                for n, r in block["reported"].items()]
    s.table([s.t("figure", "cijfer"), rep, calc], rows(a), how, align="lrr",
            caption=s.t(f"Academie, status on {AS_OF} (launch 12 April 2022); the average exactly {a['avg_exact']}",
                        f"Academie, stand per {AS_OF} (start 12 april 2022); het gemiddelde precies {a['avg_exact']}"))
    s.table([s.t("figure", "cijfer"), rep, calc], rows(lc), how, align="lrr",
            caption=s.t("Leercafé 10 March 2022 (the report says 17 workshops but lists 15: the 15 listed are "
                        "modelled)", "Leercafé 10 maart 2022 (het rapport zegt 17 workshops maar noemt er 15: die "
                                     "15 zijn nagebootst)"))
    s.table([s.t("figure", "cijfer"), rep, calc], rows(gw), how, align="lrr",
            caption=s.t("Workshops 'het goede gesprek', 6 July - 8 November 2021",
                        "Workshops 'het goede gesprek', 6 juli - 8 november 2021"))
    fig, ax = plotting.figure(10, 5.6)
    log.plot(freq="W", year=2022, ax=ax, mark=AS_OF, lang=s.lang,
             title=s.t("West Betuwe Academie: KPIs per week (line: the report's 23-6-2022)",
                       "West Betuwe Academie: kengetallen per week (lijn: 23-6-2022 van het rapport)"))
    s.figure(fig, "west_betuwe_academy_weekly.png",
             s.t("Registrations, participants and cancellations per week of 2022.",
                 "Aanmeldingen, deelnemers en afmeldingen per week van 2022."), logs)
    return s.result(data={**f, "illustrative": True})
