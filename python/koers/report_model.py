"""``koers report`` section: the Deventer 2014 strategy graph."""
from __future__ import annotations

from .report import section


@section("deventer-2014-strategy", order=10)
def deventer_strategy(out):
    import matplotlib.pyplot as plt

    from . import examples
    from .cli_model import analysis_dict

    m = examples.load("deventer-2014")
    d = analysis_dict(m)
    c = d["counts"]
    lines = [
        f"{m.name}",
        f"{c['development']} developments, {c['strategic_theme']} strategic themes, {c['goal']} goals, "
        f"{c['learning_goal']} learning goals, {c['intervention']} interventions for {c['target_group']} target groups.",
        f"Validation: {'valid' if d['valid'] else 'problems found: ' + str(len(m.check()))}.",
        "",
        "Budget 2014 (Tabel 7):",
    ]
    for sid, r in m.streams().iterrows():
        lines.append(f"  {r['name']:<45} {r['budget']:>16}")
    lines.append(f"  {'Totaal':<45} {str(m.total_budget()):>16}")
    lines.append("")
    iv = m.interventions()
    lines.append("Interventions by status: " + ", ".join(f"{k} {v}" for k, v in iv["status"].value_counts().items()))
    lines.append(f"Mandatory: {', '.join(iv.index[iv['mandatory']]) or 'none'}")
    lines.append(f"Goals without an intervention: {len(d['gaps'])}" +
                 ("" if not d["gaps"] else " — " + "; ".join(m._name(g) for g in d["gaps"])))
    lines.append("")
    lines.append("70/20/10 mix (on the job / with others / formal):")
    for n, r in m.learning_mix().iterrows():
        lines.append(f"  {r['name']:<45} {r.on_the_job:>3} / {r.with_others:>3} / {r.formal:>3}")
    spof = m.single_points_of_failure()
    lines.append("")
    lines.append(f"Single points of failure: {len(spof)} goals hang on one intervention")
    for n, r in spof.head(8).iterrows():
        lines.append(f"  {r['name']} <- {', '.join(r['work_names'])}")
    figures = []
    for name, fn in (("deventer_coverage.png", m.plot_coverage), ("deventer_mix.png", m.plot_mix),
                     ("deventer_graph.png", m.plot_graph)):
        ax = fn()
        ax.figure.tight_layout()
        path = out / name
        ax.figure.savefig(path, dpi=110)
        plt.close(ax.figure)
        figures.append(path)
    return {"title": "Deventer 2014-2017: strategy graph", "text": "\n".join(lines), "data": d, "figures": figures}
