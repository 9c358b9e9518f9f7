"""``koers report`` section: the Deventer 2014 budget (Tabel 7, payroll path), the optimal funding
and one what-if, and what the plan costs per participant and per learning hour."""
from __future__ import annotations

from . import examples, plotting
from .budget import BudgetModel, Portfolio, cost_plan
from .report_parts import Section, derived, illustrative, plan, section

STRATEGIC = "stream.strategisch"  # the example's stream ids are the model's


@section("deventer-2014-budget", order=20)
def deventer_budget(out, lang: str = "en"):

    euro = plotting.euro_text
    s = Section("deventer-2014-budget", out, lang, ("Deventer 2014: budget and a what-if",
                                                    "Deventer 2014: budget en een wat-als"))
    bm = BudgetModel.deventer_2014()
    p = Portfolio.example("deventer-2014")
    base = p.optimise()
    what_if = "strategisch -10%"
    cut = p.apply(what_if).optimise()
    in_order = p.plan_order()
    path = bm.path()
    total_weight = int(p.goals["weight"].astype("int64").sum()) if "weight" in p.goals.columns else None
    sp = base.spend.loc[STRATEGIC]
    cs = cut.spend.loc[STRATEGIC]
    names = {i: r["name"] for i, r in p.items.iterrows()} if "name" in p.items else {}
    name = (lambda i: names.get(i, i))

    t7 = plan("Tabel 7 (par. 4.2)")
    costs_made_up = illustrative(s.t("the interventions' costs, and goal weights from the inferred link strengths "
                                     "(the plan's Bijlage 2 with the costs is not in the seed)",
                                     "de kosten van de interventies, en doelgewichten uit de afgeleide "
                                     "linksterktes (Bijlage 2 met de kosten staat niet in de seed)"))
    s.source(t7, costs_made_up)
    of = (s.t(f" of {total_weight}", f" van {total_weight}") if total_weight else "")
    s.answer(s.t(f"Within the strategic budget the best choice funds {len(base.selection)} of {len(p.items)} "
                 f"interventions, serving goals worth {base.optimum}{of} goal-weight points; a 10 % cut costs "
                 f"{base.optimum - cut.optimum} points (illustrative costs).",
                 f"Binnen het strategisch budget financiert de beste keuze {len(base.selection)} van de "
                 f"{len(p.items)} interventies; die dienen doelen ter waarde van {base.optimum}{of} "
                 f"doelgewichtpunten; 10 % korten kost {base.optimum - cut.optimum} punten (illustratieve kosten)."))
    rows = [[r["name"], r["amount"]] for _, r in bm.table7().iterrows()]
    s.table([s.t("budget", "budget"), s.t("amount", "bedrag")], rows, t7,
            caption=s.t("Budget 2014 (exact)", "Budget 2014 (exact)"), align="lr")
    rows = [[str(y), f"{r['share']}", str(int(r["months"])), euro(r["budget"])] for y, r in path.iterrows()]
    pmark = derived(s.t("Tabel 7 taken as exactly 2 % of the payroll (the plan: 'ongeveer 2%'), the share rising "
                        "linearly to 3 % in 2020; 2014 counts from 1 May",
                        "Tabel 7 opgevat als precies 2 % van de loonsom (het plan: 'ongeveer 2%'), het aandeel "
                        "lineair stijgend naar 3 % in 2020; 2014 telt vanaf 1 mei"))
    s.table([s.t("year", "jaar"), s.t("share of the payroll", "aandeel loonsom"), s.t("months", "maanden"),
             s.t("L&D budget", "opleidingsbudget")], rows, pmark,
            caption=s.t("The payroll path 2014-2017", "Het loonsompad 2014-2017"), align="lrrr")
    ax = plotting.plot_payroll_path(path, lang=s.lang)
    s.figure(ax.figure, "deventer_payroll_path.png", s.t("L&D budget per year on the payroll path.",
                                                         "Opleidingsbudget per jaar op het loonsompad."), pmark)
    s.para(s.t(f"The optimum: {len(base.selection)} of {len(p.items)} interventions funded, goals worth "
               f"{base.optimum}{of} goal-weight points served, proven optimal (the bound equals the optimum, gap "
               f"{base.gap}); funding in plan order (the mandatory intervention first, then each in the plan's order "
               f"while it fits) serves {in_order.optimum}. Strategic stream: spent {euro(sp['spent'])} of "
               f"{euro(sp['capacity'])} available (budget {euro(sp['budget'])} less reserved {euro(sp['reserved'])}).",
               f"Het optimum: {len(base.selection)} van de {len(p.items)} interventies gefinancierd, doelen ter "
               f"waarde van {base.optimum}{of} doelgewichtpunten bediend, bewezen optimaal (de grens is gelijk aan "
               f"het optimum, gat {base.gap}); financieren in de volgorde van het plan (eerst de verplichte "
               f"interventie, dan elk in de volgorde van het plan zolang het past) dient {in_order.optimum}. "
               f"Strategische stroom: {euro(sp['spent'])} besteed van {euro(sp['capacity'])} beschikbaar (budget "
               f"{euro(sp['budget'])} min gereserveerd {euro(sp['reserved'])})."), costs_made_up)
    lost = [i for i in base.selection if i not in set(cut.selection)]
    added = [i for i in cut.selection if i not in set(base.selection)]
    s.para(s.t(f"What if '{what_if}': budget {euro(cs['budget'])}, optimum {cut.optimum} "
               f"({cut.optimum - base.optimum:+d} points); drops {'; '.join(map(name, lost)) or 'nothing'}"
               f"{'; adds ' + '; '.join(map(name, added)) if added else ''}.",
               f"Wat als '{what_if}': budget {euro(cs['budget'])}, optimum {cut.optimum} "
               f"({cut.optimum - base.optimum:+d} punten); valt af: {'; '.join(map(name, lost)) or 'niets'}"
               f"{'; erbij: ' + '; '.join(map(name, added)) if added else ''}."), costs_made_up)
    bad = [sc for sc in p.scenarios
           if p.apply(sc).optimise(check_unique=False, check_binding=False).status == "infeasible"]
    for sc in bad:
        s.para(s.t(f"Scenario '{sc.name}' cannot be met: ", f"Scenario '{sc.name}' is onhaalbaar: ")
               + p.apply(sc).optimise().explain_infeasible(), costs_made_up)
    c = p.curve(STRATEGIC)
    ax = plotting.plot_budget_curve(c, lang=s.lang, current={s.t("Tabel 7 budget", "budget Tabel 7"):
                                                             int(p.streams.loc[STRATEGIC, "budget"]),
                                                             what_if: int(cs["budget"])})
    s.figure(ax.figure, "deventer_budget_curve.png",
             s.t("The exact optimum at every budget of the strategic stream where it changes; the plan's budget "
                 "and the what-if marked.", "Het exacte optimum bij elk budget van de strategische stroom waar het "
                                            "verandert; het budget van het plan en de wat-als gemarkeerd."),
             costs_made_up)

    costs = cost_plan(examples.load("deventer-2014"))
    t = costs.total
    cmark = illustrative(s.t("costs, hours, target-group sizes (about 1,150 employees) and the ILB choices are not "
                             "in the seed", "kosten, uren, doelgroepgroottes (ongeveer 1.150 medewerkers) en de "
                                            "ILB-keuzes staan niet in de seed"))
    s.para(s.t(f"The whole plan costed: {euro(t['cost_cents'])} = own streams {euro(t['own_cents'])} + ILB "
               f"contributions {euro(t['ilb_cents'])} (personal development); {t['participants']} participant places, "
               f"{t['learning_hours']} learning hours; per participant {euro(t['per_participant_cents'])}, "
               f"per learning hour {euro(t['per_hour_cents'])}.",
               f"Het hele plan begroot: {euro(t['cost_cents'])} = eigen stromen {euro(t['own_cents'])} + "
               f"ILB-bijdragen {euro(t['ilb_cents'])} (persoonlijke ontwikkeling); {t['participants']} "
               f"deelnemersplaatsen, {t['learning_hours']} leeruren; per deelnemer {euro(t['per_participant_cents'])}, "
               f"per leeruur {euro(t['per_hour_cents'])}."), cmark)
    dear = costs.sort_values("per_hour", ascending=False).head(5)
    s.table([s.t("intervention", "interventie"), s.t("participants", "deelnemers"), s.t("hours", "uren"),
             s.t("cost", "kosten"), s.t("per learning hour", "per leeruur")],
            [[r["name"], str(r["participants"]), str(r["hours"]), euro(r["cost"]), euro(r["per_hour"])]
             for _, r in dear.iterrows()], cmark,
            caption=s.t("The dearest interventions per learning hour", "De duurste interventies per leeruur"),
            align="lrrrr")

    data = {
        "tabel7_cents": {k: int(v) for k, v in bm.streams["budget"].items()},
        "total_cents": bm.total.cents,
        "path": {int(y): {"share": r["share"], "months": int(r["months"]), "budget_cents": int(r["budget"])}
                 for y, r in path.iterrows()},
        "base": {"optimum": base.optimum, "selected": base.selection, "spent_cents": base.spent_cents,
                 "total_goal_weight": total_weight},
        "plan_order_optimum": in_order.optimum,
        "costs": {"total": t, "streams": costs.to_dict()["streams"]},
        "what_if": {"name": what_if, "optimum": cut.optimum, "selected": cut.selection, "spent_cents": cut.spent_cents},
    }
    return s.result(data=data)
