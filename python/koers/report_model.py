"""``koers report`` section: the Deventer 2014 strategy graph — does every goal have an
intervention, which goals hang on one, and how close is the learning mix to 70/20/10."""
from __future__ import annotations

from . import examples, plotting
from .report_parts import Section, derived, plan, section

STATUS = {"en": {"new": "nieuw (new)", "existing": "bestaand (existing)", "partly_existing": "deels bestaand (partly)"},
          "nl": {"new": "nieuw", "existing": "bestaand", "partly_existing": "deels bestaand"}}

SOURCE_PLAN = plan("seed 000, Deventer strategisch leer- & ontwikkelplan 2014-2017, hoofdstuk 3, Tabel 1-6; "
                   "par. 4.2, Tabel 7")


def links_mark(s: Section):
    return derived(s.t("contribution links inferred from each intervention's doel/inhoud (the plan's Figures 3 "
                       "and 5 are not in the text); a goal counts as served through its learning goals too",
                       "bijdragelinks afgeleid uit doel/inhoud van elke interventie (Figuur 3 en 5 van het plan "
                       "staan niet in de tekst); een doel telt ook als bediend via zijn leerdoelen"))


def channel_mark(s: Section):
    return derived(s.t("channel of each intervention classified from its name and inhoud (course = formal, "
                       "with colleagues = with others, in one's own work = on the job); norm 70/20/10 from chapter 2",
                       "kanaal van elke interventie ingedeeld naar naam en inhoud (cursus = formeel, met collega's "
                       "= met anderen, in het eigen werk = in het werk); norm 70/20/10 uit hoofdstuk 2"))


def tables_of(iv) -> list[str]:
    """The plan's table names in their order (Tabel 1, Tabel 2, ...)."""
    return sorted({str(t) for t in iv["table"].dropna()}, key=lambda t: (len(t), t))


@section("deventer-2014-strategy", order=10)
def deventer_strategy(out, lang: str = "en"):

    m = examples.load("deventer-2014")
    s = Section("deventer-2014-strategy", out, lang, ("Deventer 2014-2017: strategy — goals and interventions",
                                                      "Deventer 2014-2017: strategie — doelen en interventies"))
    d = m.summary()
    c = d["counts"]
    iv = m.interventions()
    cov = m.coverage()
    served = {g: len(cov.by_goal.get(g, [])) for g in cov.goals}
    goals = [g for g in cov.goals if m._kind(g) == "goal"]
    single = [g for g in cov.goals if served[g] == 1]
    gaps = [g for g in cov.goals if served[g] == 0]
    single_goals = [g for g in single if m._kind(g) == "goal"]
    lmark = links_mark(s)
    s.source(SOURCE_PLAN, lmark)
    n_all = len(cov.goals)
    s.answer(s.t(f"{len(single)} of the {n_all} goals and learning goals hang on a single intervention "
                 f"({len(single_goals)} of the {len(goals)} goals), {len(gaps)} {'has' if len(gaps) == 1 else 'have'} "
                 f"none; the plan is {'consistent' if d['valid'] else 'not consistent'}.",
                 f"{len(single)} van de {n_all} doelen en leerdoelen hangen aan één interventie "
                 f"({len(single_goals)} van de {len(goals)} doelen), {len(gaps)} {'heeft' if len(gaps) == 1 else 'hebben'} "
                 f"er geen; het plan is {'consistent' if d['valid'] else 'niet consistent'}."))
    s.para(s.t(f"{m.name}: {c['development']} developments and {c['strategic_theme']} strategic themes, "
               f"{c['intervention']} learning interventions for {c['target_group']} target groups.",
               f"{m.name}: {c['development']} ontwikkelingen en {c['strategic_theme']} strategische thema's, "
               f"{c['intervention']} leerinterventies voor {c['target_group']} doelgroepen."),
           plan("hoofdstuk 3, Tabel 1-6"))
    s.para(s.t(f"{c['goal']} goals and {c['learning_goal']} learning goals, formulated from the plan's texts "
               "'Opgave en leerdoelen' (par. 3.1, 3.2), the 6 pillars of Hostmanship and par. 3.3-3.4.",
               f"{c['goal']} doelen en {c['learning_goal']} leerdoelen, geformuleerd uit de teksten 'Opgave en "
               "leerdoelen' (par. 3.1, 3.2), de 6 pijlers van Hostmanship en par. 3.3-3.4."),
           derived(s.t("goals and learning goals written from the plan's prose", "doelen en leerdoelen "
                                                                                 "geschreven uit de tekst van het plan")))
    # interventions per table and status
    st = STATUS[s.lang]
    cats = ["new", "existing", "partly_existing"]
    rows = []
    for t in tables_of(iv):
        sub = iv[iv["table"] == t]
        rows.append([t] + [str(int((sub["status"] == k).sum())) for k in cats] + [str(len(sub))])
    rows.append([s.t("all", "alle")] + [str(int((iv["status"] == k).sum())) for k in cats] + [str(len(iv))])
    s.table([s.t("table", "tabel")] + [st[k] for k in cats] + [s.t("interventions", "interventies")], rows,
            plan(s.t("Tabel 1-6, status as written after each intervention: (nieuw), (bestaand), (deels bestaand)",
                     "Tabel 1-6, status zoals achter elke interventie geschreven: (nieuw), (bestaand), "
                     "(deels bestaand)")),
            caption=s.t("Interventions per table of the plan, by status", "Interventies per tabel van het plan, "
                                                                           "naar status"), align="lrrrr")
    mand = list(iv.loc[iv["mandatory"], "name"])
    s.para(s.t("Mandatory: " + ("; ".join(mand) or "none") + " (its target group says '= verplicht').",
               "Verplicht: " + ("; ".join(mand) or "geen") + " (de doelgroep zegt '= verplicht')."),
           plan("Tabel 6"))
    # budgets
    streams = m.streams()
    rows = [[r["name"], plotting.euro_text(r["budget_cents"])] for _, r in streams.iterrows()]
    rows.append([s.t("Total", "Totaal"), plotting.euro_text(m.total_budget().cents)])
    s.table([s.t("budget stream", "budgetstroom"), s.t("budget 2014", "budget 2014")], rows, plan("Tabel 7"),
            caption=s.t("Budgets 2014", "Budgetten 2014"), align="lr")
    # single points of failure and gaps
    kind = {"goal": s.t("goal", "doel"), "learning_goal": s.t("learning goal", "leerdoel")}
    rows = []
    for g in gaps + single:
        rows.append([m._name(g), kind.get(m._kind(g), m._kind(g)), s.t("none: a gap", "geen: een gat")
                     if served[g] == 0 else "; ".join(m._name(i) for i in cov.by_goal[g])])
    s.table([s.t("goal", "doel"), s.t("kind", "soort"),
             s.t("the only intervention serving it", "de enige interventie die het dient")],
            rows, lmark, caption=s.t("Goals on one intervention or none: dropping that intervention leaves the "
                                     "goal unserved", "Doelen op één of geen interventie: valt die interventie "
                                                      "weg, dan wordt het doel niet meer bediend"))
    spof = m.single_points_of_failure()
    top = [r for _, r in spof.iterrows() if r["kind"] in ("development", "strategic_theme")]
    if top:
        s.para(s.t("Developments and themes whose whole support runs through one intervention: "
                   + "; ".join(f"{r['name']} (via {', '.join(r['work_names'])})" for r in top) + ".",
                   "Ontwikkelingen en thema's waarvan alle steun via één interventie loopt: "
                   + "; ".join(f"{r['name']} (via {', '.join(r['work_names'])})" for r in top) + "."), lmark)
    # mix
    mix = m.learning_mix()
    rows = [[s.t("norm (chapter 2)", "norm (hoofdstuk 2)"), "70 %", "20 %", "10 %", "", ""]]
    for _, r in mix.iterrows():
        known = r.on_the_job + r.with_others + r.formal
        rows.append([r["name"]] + [f"{plotting.percent(r[k])} ({int(r[k[6:]])})" for k in
                                   ("share_on_the_job", "share_with_others", "share_formal")]
                    + [str(int(r.unknown)), f"{r.deviation_points:.0f}"])
        assert known >= 0
    s.table([s.t("development / theme", "ontwikkeling / thema"), s.t("on the job (norm 70 %)", "in het werk "
                                                                                                 "(norm 70 %)"),
             s.t("with others (norm 20 %)", "met anderen (norm 20 %)"), s.t("formal (norm 10 %)", "formeel (norm 10 %)"),
             s.t("channel unknown", "kanaal onbekend"), s.t("points off the norm", "punten naast de norm")],
            rows, channel_mark(s), caption=s.t("Learning mix against 70/20/10 (share of the interventions with a "
                                               "known channel; count in brackets)",
                                               "Leermix tegen 70/20/10 (aandeel van de interventies met een "
                                               "bekend kanaal; aantal tussen haakjes)"), align="lrrrrr")
    # figures
    ax = plotting.plot_coverage(m, lang=s.lang)
    s.figure(ax.figure, "deventer_coverage.png",
             s.t("Which interventions serve which goals; goals with no or one intervention on top, in red.",
                 "Welke interventies welke doelen dienen; doelen met geen of één interventie bovenaan, in rood."),
             lmark)
    ax = plotting.plot_mix(m, lang=s.lang)
    s.figure(ax.figure, "deventer_mix.png", s.t("Learning mix per development against the 70/20/10 norm.",
                                                "Leermix per ontwikkeling tegen de norm 70/20/10."), channel_mark(s))
    for dev in list(m.nodes("development").index) + list(m.nodes("strategic_theme").index):
        ax = plotting.plot_tree(m, dev, lang=s.lang)
        s.figure(ax.figure, f"deventer_tree_{dev.split('.', 1)[-1].replace('.', '_')}.png",
                 s.t(f"{m._name(dev)}: its goals and the interventions that serve each.",
                     f"{m._name(dev)}: de doelen en de interventies die elk doel dienen."), lmark)
    d["single_intervention_goals"] = single
    return s.result(data=d)
