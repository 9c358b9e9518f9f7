"""``koers report`` section: GRL evaluation of the Deventer 2014 strategies (jUCMNav's
quantitative algorithm), developments and themes side by side."""
from __future__ import annotations

from .report import section


@section("deventer-2014-grl", order=15)
def deventer_grl(out):
    import matplotlib.pyplot as plt
    import pandas as pd

    from . import examples, grl

    m = examples.load("deventer-2014")
    names = grl.strategies(m)
    frames = {s: m.evaluate(s).to_frame() for s in names}
    if not frames:
        return {"title": "Deventer 2014-2017: goal-model evaluation", "text": "no strategies", "data": {}, "figures": []}
    top = ["development", "strategic_theme"]
    lines = [f"{m.name}: GRL evaluation (jUCMNav quantitative algorithm, tolerance 10) of "
             f"{len(names)} strateg{'y' if len(names) == 1 else 'ies'}: {', '.join(names)}.", ""]
    table = pd.DataFrame({s: f.loc[f.kind.isin(top), "value"] for s, f in frames.items()})
    first = next(iter(frames.values()))
    table.insert(0, "name", first.loc[table.index, "name"])
    width = max((len(n) for n in table["name"]), default=10)
    lines.append(f"  {'':<{width}} " + " ".join(f"{s[:24]:>24}" for s in names))
    for _, r in table.iterrows():
        lines.append(f"  {r['name']:<{width}} " + " ".join(f"{int(r[s]):>24}" for s in names))
    data = {"strategies": names,
            "values": {s: {i: int(v) for i, v in f["value"].items()} for s, f in frames.items()},
            "labels": {s: {i: str(v) for i, v in f["label"].items()} for s, f in frames.items()}}
    for s, f in frames.items():
        goals = f[f.kind.isin(["goal", "learning_goal"])]
        lines.append("")
        lines.append(f"{s}: goals and learning goals by label: " +
                     ", ".join(f"{lab} {n}" for lab, n in goals["label"].value_counts().items() if n))
    ax = table.drop(columns="name").set_index(table["name"]).plot.barh(figsize=(8, 4))
    ax.set_xlabel("GRL satisfaction (-100..100)")
    ax.set_ylabel("")
    ax.set_xlim(-100, 100)
    ax.figure.tight_layout()
    path = out / "deventer_grl.png"
    ax.figure.savefig(path, dpi=110)
    plt.close(ax.figure)
    return {"title": "Deventer 2014-2017: goal-model evaluation", "text": "\n".join(lines), "data": data,
            "figures": [path]}
