"""``koers report`` section: West Betuwe 2022 process priorities — the ranking's top 10 and the
optimal selection for the 15 Green Belts against the top-10 cut.

Reads the embedded example ``west-betuwe-2022`` (``processes.json``, ``decision.json``,
``selection.json``); a missing file raises :class:`koers.InputError` naming it. The report of
West Betuwe publishes no process list, scores or hours: those are illustrative, and the section
says so on every part that uses them.
"""
from __future__ import annotations

import json

from . import decide, examples, plotting
from ._lazy import pandas as pd
from .selection import Selection, select
from .report_parts import Section, derived, illustrative, plan, section

EXAMPLE = "west-betuwe-2022"


def processes() -> dict:
    """Local process name → its processes.json entry (the alternatives of decision.json and the
    ids of selection.json are these names)."""
    d = json.loads(examples.path(EXAMPLE, "processes.json").read_text(encoding="utf-8"))
    return {p["name"]: p for p in d["processes"]}


def ranking_table(n: int = 10):
    """The decision ranking of the example (decision.json with its own method): a DataFrame
    (index: process) with rank, score and the GEMMA process, best first; and the RankResult."""

    problem = decide.DecisionProblem.load(examples.path(EXAMPLE, "decision.json"))
    res = decide.rank(problem)
    procs = processes()
    order = list(res.ranking)[:n] if n else list(res.ranking)
    rows = [{"process": a, "rank": int(res.ranks[a]), "score": float(res.scores[a]),
             "gemma": procs.get(a, {}).get("gemma_name", "")} for a in order]
    return pd.DataFrame(rows).set_index("process"), res


def practice_list(sel) -> list[str]:
    """What West Betuwe's 2022 report describes (seed 004): the 10 best non-urgent processes,
    plus the urgent ones taken up in between."""
    items = sel.items
    ids = list(items[~items["pinned"]].sort_values("score", ascending=False, kind="stable").index[:10])
    return ids + list(items.index[items["pinned"]])


@section("west-betuwe-2022-priorities", order=30)
def west_betuwe_priorities(out, lang: str = "en"):

    s = Section("west-betuwe-2022-priorities", out, lang,
                ("West Betuwe 2022: which processes the Green Belts take on",
                 "West Betuwe 2022: welke processen de Green Belts oppakken"))
    yes, no = s.t("yes", "ja"), s.t("no", "nee")
    top, res = ranking_table(10)
    sel = Selection.load(examples.path(EXAMPLE, "selection.json"))
    r = select(sel)
    ex = sel.experts
    seed = plan(s.t("seed 004, progress report 2022 'Samen West Betuws Werken', Project procesverbetering: five "
                    "criteria, a list of 10 priority processes plus urgent refugee-reception processes, 15 Green "
                    "Belts with at least 4 hours a week each",
                    "seed 004, voortgangsrapportage 2022 'Samen West Betuws Werken', Project procesverbetering: vijf "
                    "criteria, een lijst van 10 prioritaire processen plus urgente processen voor "
                    "vluchtelingenopvang, 15 Green Belts met elk minstens 4 uur per week"))
    made_up = illustrative(s.t("the 36 process names, their 1-5 scores and hours, and the management team's AHP "
                               "judgments (the report publishes none); names mapped onto GEMMA (VNG Realisatie)",
                               "de 36 procesnamen, hun scores 1-5 en uren, en de AHP-oordelen van het "
                               "managementteam (het rapport publiceert die niet); namen gekoppeld aan GEMMA "
                               "(VNG Realisatie)"))
    s.source(seed, made_up)
    method = f"{res.method}, {s.t('normalisation', 'normalisatie')} {str(res.normalisation).split(':')[0]}"
    rmark = illustrative(s.t(f"ranking of the illustrative scores ({method}; weights from the illustrative AHP)",
                             f"rangorde van de illustratieve scores ({method}; gewichten uit de illustratieve AHP)"))
    if r.status == "infeasible":
        s.answer(s.t(f"No selection fits the experts' hours: {r.explanation}",
                     f"Geen keuze past in de uren van de experts: {r.explanation}"))
    else:
        c = r.top_n
        idle = c.meets_minimum is False or not c.feasible
        s.answer(s.t(f"The best choice gives the {len(ex)} Green Belts {len(r.selected)} processes with a total score of "
                     f"{r.total_score:.2f}; taking the top 10 scores {c.total_score:.2f}"
                     + (" and leaves experts without a process" if idle else "") + " (illustrative scores).",
                     f"De beste keuze geeft de {len(ex)} Green Belts {len(r.selected)} processen met een totale score "
                     f"van {r.total_score:.2f}; de top 10 nemen scoort {c.total_score:.2f}"
                     + (" en laat experts zonder proces" if idle else "") + " (illustratieve scores)."))
    rows = [[str(int(row["rank"])), a, f"{row['score']:.4f}", row["gemma"]] for a, row in top.iterrows()]
    s.table([s.t("rank", "rang"), s.t("work process", "werkproces"), "score",
             s.t("GEMMA business process", "GEMMA-bedrijfsproces")], rows, rmark,
            caption=s.t("Ranking, the top 10", "Rangorde, de top 10"), align="rlrl")
    if r.status != "infeasible":
        pins = list(sel.items.index[sel.items["pinned"]])
        raw = json.loads(examples.path(EXAMPLE, "selection.json").read_text(encoding="utf-8"))
        per_week = {e.get("hours_per_week") for e in raw.get("experts", [])}
        each = sorted(set(ex["hours"].astype(float)))
        how = ""
        if len(per_week) == 1 and None not in per_week and raw.get("period"):
            pr = raw["period"]
            hw = per_week.pop()
            how = s.t(f" ({hw:g} h a week over the working days of {pr['start']} to {pr['end']}, Dutch "
                      "holidays off)", f" ({hw:g} uur per week over de werkdagen van {pr['start']} tot "
                                     f"{pr['end']}, zonder Nederlandse feestdagen)")
        hmark = derived(s.t("hours from the report's 4 h a week over the 2022 working days of the Dutch calendar",
                            "uren uit de 4 uur per week van het rapport over de werkdagen van 2022 (Nederlandse "
                            "kalender)"))
        s.para(s.t(f"{len(ex)} experts with {each[0]:g} h each{how}, {float(ex['hours'].sum()):g} h in all; every "
                   f"expert takes at least {sel.min_items_per_expert} process; the {len(pins)} urgent processes are "
                   f"pinned: " + "; ".join(pins) + ".",
                   f"{len(ex)} experts met elk {each[0]:g} uur{how}, samen {float(ex['hours'].sum()):g} uur; elke "
                   f"expert neemt minstens {sel.min_items_per_expert} proces; de {len(pins)} urgente processen staan "
                   f"vast: " + "; ".join(pins) + "."), hmark)
        c = r.top_n
        pr = r.evaluate(practice_list(sel))
        g = r.longest_prefix
        hours = sel.items["hours"]

        def row(label, n, total, h, ok, minimum):
            return [label, str(n), f"{total:.4f}", f"{h:g}", yes if ok else no,
                    "" if minimum is None else (yes if minimum else no), f"{r.total_score - total:.4f}"]
        rows = [row(s.t("optimal selection (proven: gap 0)" if r.gap == 0 else "optimal selection",
                        "optimale keuze (bewezen: gat 0)" if r.gap == 0 else "optimale keuze"), len(r.selected),
                    r.total_score, float(hours[list(r.selected)].sum()), True, True),
                row(s.t(f"top-{c.n} cut (pinned first, then by score)", f"top-{c.n} (eerst de vaste, dan op score)"),
                    len(c.selected), c.total_score, float(hours[list(c.selected)].sum()), c.feasible,
                    c.meets_minimum),
                row(s.t("West Betuwe's practice (seed 004): the 10 best non-urgent processes plus the urgent ones",
                        "de praktijk van West Betuwe (seed 004): de 10 beste niet-urgente processen plus de "
                        "urgente"), pr.n, pr.total_score, float(hours[list(pr.selected)].sum()), pr.feasible,
                    pr.meets_minimum),
                row(s.t("greedy: the longest prefix of the ranking that can be assigned",
                        "gretig: het langste begin van de rangorde dat kan worden toegewezen"), g.n, g.total_score,
                    float(hours[list(g.selected)].sum()), g.feasible, g.meets_minimum)]
        smark = illustrative(s.t("computed exactly (branch and bound, each process whole to one expert) from the "
                                 "illustrative scores and hours", "exact berekend (branch-and-bound, elk proces in "
                                                                  "zijn geheel naar één expert) uit de illustratieve "
                                                                  "scores en uren"))
        s.table([s.t("choice", "keuze"), s.t("processes", "processen"), s.t("total score", "totale score"),
                 s.t("hours", "uren"), s.t("assignable", "toewijsbaar"), s.t("every expert ≥ 1", "elke expert ≥ 1"),
                 s.t("below the optimum", "onder het optimum")], rows, smark,
                caption=s.t("Four ways to choose, judged the same way", "Vier manieren van kiezen, op dezelfde "
                                                                        "manier beoordeeld"), align="lrrrllr")
        s.para(s.t(f"The optimum is proven: the bound {r.bound:.4f} equals the total score, gap {r.gap:g}; it uses "
                   f"{r.raw['hours_used']:g} of {r.raw['hours_available']:g} h. The top-10 cut is "
                   + ("assignable" if c.feasible else "NOT assignable") + " within the hours"
                   + ("" if c.meets_minimum is not False else ", but leaves experts without the minimum of "
                      f"{sel.min_items_per_expert} process") + f"; the optimum is {c.lost:.4f} higher.",
                   f"Het optimum is bewezen: de grens {r.bound:.4f} is gelijk aan de totale score, gat {r.gap:g}; het "
                   f"gebruikt {r.raw['hours_used']:g} van {r.raw['hours_available']:g} uur. De top 10 is "
                   + ("toewijsbaar" if c.feasible else "NIET toewijsbaar") + " binnen de uren"
                   + ("" if c.meets_minimum is not False else ", maar laat experts zonder het minimum van "
                      f"{sel.min_items_per_expert} proces") + f"; het optimum is {c.lost:.4f} hoger."), smark)
        if c.extra:
            s.para(s.t("In the top-10 cut but not in the optimum (many hours for their score): ",
                       "Wel in de top 10 maar niet in het optimum (veel uren voor hun score): ")
                   + "; ".join(c.extra) + ".", smark)
        rows = [[e, f"{r.hours_used[e]:g} / {float(ex.loc[e, 'hours']):g}", "; ".join(ps)]
                for e, ps in r.assignment_map.items()]
        s.table([s.t("expert", "expert"), s.t("hours used / available", "uren gebruikt / beschikbaar"),
                 s.t("processes", "processen")], rows, smark,
                caption=s.t("Who takes which process", "Wie welk proces oppakt"), align="lrl")
        ax = plotting.plot_selection(r, lang=s.lang)
        s.figure(ax.figure, "westbetuwe_selection.png",
                 s.t("Each process's score, coloured by whether the optimum and the top-10 cut choose it.",
                     "De score van elk proces, gekleurd naar of het optimum en de top 10 het kiezen."), smark)
    data = {"ranking_top10": [{"process": a, "rank": int(row["rank"]), "score": float(row["score"]),
                               "gemma": row["gemma"]} for a, row in top.iterrows()],
            "method": dict(res.params, name=res.method),
            "selection": r.to_dict()}
    if r.status != "infeasible":
        data["greedy_prefix"] = r.longest_prefix.to_dict()
        data["report_practice"] = pr.to_dict()
    return s.result(data=data)
