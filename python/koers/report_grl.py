"""``koers report`` section: GRL evaluation of the Deventer 2014 strategies (jUCMNav's
quantitative algorithm) — how much of each development and theme a strategy satisfies."""
from __future__ import annotations

from . import examples, grl, plotting
from ._lazy import pandas as pd
from .report_model import SOURCE_PLAN, links_mark
from .report_parts import Section, derived, section


@section("deventer-2014-grl", order=15)
def deventer_grl(out, lang: str = "en"):


    m = examples.load("deventer-2014")
    s = Section("deventer-2014-grl", out, lang, ("Deventer 2014-2017: what each strategy achieves (GRL)",
                                                 "Deventer 2014-2017: wat elke strategie oplevert (GRL)"))
    names = grl.strategies(m)
    frames = {n: m.evaluate(n).to_frame() for n in names}
    gmark = derived(s.t("satisfaction propagated up the inferred contribution links with jUCMNav's quantitative GRL "
                        "algorithm (tolerance 10); the strategies' starting values follow the statuses "
                        "(nieuw 0, deels bestaand 50, bestaand 100 without new interventions)",
                        "vervulling omhoog gepropageerd langs de afgeleide bijdragelinks met het kwantitatieve "
                        "GRL-algoritme van jUCMNav (tolerantie 10); de beginwaarden van de strategieën volgen de "
                        "status (nieuw 0, deels bestaand 50, bestaand 100 zonder nieuwe interventies)"))
    s.source(SOURCE_PLAN, links_mark(s), gmark)
    if not frames:
        s.answer(s.t("The model has no strategy to evaluate.", "Het model heeft geen strategie om te evalueren."))
        return s.result(data={})
    top = ["development", "strategic_theme"]
    table = pd.DataFrame({n: f.loc[f.kind.isin(top), "value"] for n, f in frames.items()})
    first = next(iter(frames.values()))
    table.insert(0, "name", first.loc[table.index, "name"])
    if len(names) >= 2:
        a, b = names[0], names[1]
        drop = (table[a] - table[b]).astype(int)
        worst = drop.idxmax()
        s.answer(s.t(f"Without the new interventions ('{b}') the developments and themes reach on average "
                     f"{table[b].mean():.0f} instead of {table[a].mean():.0f} of 100; "
                     f"'{table.loc[worst, 'name']}' loses most ({int(table.loc[worst, a])} → "
                     f"{int(table.loc[worst, b])}).",
                     f"Zonder de nieuwe interventies ('{b}') halen de ontwikkelingen en thema's gemiddeld "
                     f"{table[b].mean():.0f} in plaats van {table[a].mean():.0f} van de 100; "
                     f"'{table.loc[worst, 'name']}' verliest het meest ({int(table.loc[worst, a])} → "
                     f"{int(table.loc[worst, b])})."))
    else:
        s.answer(s.t(f"Strategy '{names[0]}' satisfies the developments and themes on average "
                     f"{table[names[0]].mean():.0f} of 100.",
                     f"Strategie '{names[0]}' vervult de ontwikkelingen en thema's gemiddeld "
                     f"{table[names[0]].mean():.0f} van de 100."))
    for n in names:
        desc = next((x.get("description", "") for x in m.to_dict().get("strategies", []) if x["name"] == n), "")
        s.para(f"'{n}': {desc}", derived(s.t("a strategy of the model: its starting value per intervention",
                                             "een strategie van het model: beginwaarde per interventie")))
    rows = [[r["name"]] + [f"{int(r[n])}" for n in names] for _, r in table.iterrows()]
    s.table([s.t("development / theme", "ontwikkeling / thema")] + names, rows, gmark,
            caption=s.t("GRL satisfaction per strategy (−100 denied, 0 none, 100 fully satisfied)",
                        "GRL-vervulling per strategie (−100 ontkend, 0 geen, 100 volledig vervuld)"),
            align="l" + "r" * len(names))
    words = {"Satisfied": ("satisfied", "vervuld"), "WeaklySatisfied": ("weakly satisfied", "zwak vervuld"),
             "None": ("none", "geen"), "WeaklyDenied": ("weakly denied", "zwak ontkend"),
             "Denied": ("denied", "ontkend"), "Conflict": ("conflict", "conflict"), "Unknown": ("unknown", "onbekend")}
    goal_frames = {n: f[f.kind.isin(["goal", "learning_goal"])] for n, f in frames.items()}
    labels = [lab for lab in words if lab not in ("Conflict", "Unknown")
              or any((g["label"] == lab).any() for g in goal_frames.values())]
    label_rows = [[n] + [str(int((g["label"] == lab).sum())) for lab in labels] for n, g in goal_frames.items()]
    s.table([s.t("strategy", "strategie")] + [s.t(*words[lab]) for lab in labels], label_rows, gmark,
            caption=s.t("Goals and learning goals by GRL label", "Doelen en leerdoelen naar GRL-label"),
            align="l" + "r" * len(labels))
    ax = plotting.plot_grl(table, lang=s.lang)
    s.figure(ax.figure, "deventer_grl.png", s.t("GRL satisfaction of each development and theme per strategy.",
                                                "GRL-vervulling van elke ontwikkeling en elk thema per strategie."),
             gmark)
    data = {"strategies": names,
            "values": {n: {i: int(v) for i, v in f["value"].items()} for n, f in frames.items()},
            "labels": {n: {i: str(v) for i, v in f["label"].items()} for n, f in frames.items()}}
    return s.result(data=data)
