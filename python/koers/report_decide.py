"""``koers report`` section: West Betuwe 2022 process priorities — the ranking's top 10 and the
optimal selection for the 15 Green Belts against the top-10 cut.

Reads the embedded example ``west-betuwe-2022`` (``processes.json``, ``decision.json``,
``selection.json``); a missing file raises :class:`koers.InputError` naming it — no number in
this section is made up.
"""
from __future__ import annotations

import json

from .report import section

EXAMPLE = "west-betuwe-2022"


def processes() -> dict:
    """Local process name → its processes.json entry (the alternatives of decision.json and the
    ids of selection.json are these names)."""
    from . import examples
    d = json.loads(examples.path(EXAMPLE, "processes.json").read_text(encoding="utf-8"))
    return {p["name"]: p for p in d["processes"]}


def ranking_table(n: int = 10):
    """The decision ranking of the example (decision.json with its own method): a DataFrame
    (index: process) with rank, score and the GEMMA process, best first; and the RankResult."""
    import pandas as pd

    from . import decide, examples
    problem = decide.DecisionProblem.load(examples.path(EXAMPLE, "decision.json"))
    res = decide.rank(problem)
    procs = processes()
    order = list(res.ranking)[:n] if n else list(res.ranking)
    rows = [{"process": a, "rank": int(res.ranks[a]), "score": float(res.scores[a]),
             "gemma": procs.get(a, {}).get("gemma_name", "")} for a in order]
    return pd.DataFrame(rows).set_index("process"), res


def _short(s, width=52):
    s = " ".join(str(s).split())
    return s if len(s) <= width else s[: width - 1] + "…"


@section("west-betuwe-2022-priorities", order=30)
def west_betuwe_priorities(out):
    import matplotlib.pyplot as plt

    from . import examples
    from .selection import Selection, select

    procs = processes()
    names = {k: k for k in procs}
    top, res = ranking_table(10)
    method_txt = f"{res.method}, normalisation {str(res.normalisation).split(':')[0]}"
    sel = Selection.load(examples.path(EXAMPLE, "selection.json"))
    r = select(sel)
    ex = sel.experts
    lines = [f"West Betuwe 2022: process priorities ({len(names)} work processes on GEMMA; scores and hours "
             "illustrative)", ""]
    lines.append(f"Ranking, top 10 ({method_txt}; weights from the management team's AHP):")
    for a, row in top.iterrows():
        lines.append(f"  {row['rank']:>2}. {_short(a):<54} {row['score']:.4f}  [{_short(row['gemma'], 40)}]")
    lines.append("")
    if r.status == "infeasible":
        lines.append(f"Selection: infeasible — {r.explanation}")
    else:
        pins = list(sel.items.index[sel.items["pinned"]])
        raw = json.loads(examples.path(EXAMPLE, "selection.json").read_text(encoding="utf-8"))
        per_week = {e.get("hours_per_week") for e in raw.get("experts", [])}
        how = ""
        if len(per_week) == 1 and None not in per_week and raw.get("period"):
            pr = raw["period"]
            how = (f": {per_week.pop():g} h/week over the working days of {pr['start']}..{pr['end']}, "
                   f"calendar {pr.get('calendar', 'nl')}")
        each = sorted(set(ex["hours"].astype(float)))
        each_txt = f"{each[0]:g} h each{how}" if len(each) == 1 else f"{each[0]:g}-{each[-1]:g} h each"
        lines.append(f"Selection for {len(ex)} experts with {float(ex['hours'].sum()):g} h in all ({each_txt}), "
                     f"at least {sel.min_items_per_expert} process each, {len(pins)} urgent processes pinned:")
        for p in pins:
            lines.append(f"    pinned: {p}")
        lines.append(f"  optimal: {len(r.selected)} processes, total score {r.total_score:.4f}, bound {r.bound:.4f}, "
                     f"gap {r.gap:g} ({'proven optimal' if r.optimal else 'stopped at a limit'}), "
                     f"{r.raw['hours_used']:g} of {r.raw['hours_available']:g} h")
        c = r.top_n
        lines.append(f"  top-{c.n} cut (pinned first, then by score): {len(c.selected)} processes, total {c.total_score:.4f}; "
                     + ("assignable within the hours" if c.feasible else "NOT assignable within the hours")
                     + ("" if c.meets_minimum is not False else f", leaves experts without the minimum of "
                        f"{sel.min_items_per_expert} process") + f"; the optimum is {c.lost:.4f} higher")
        items = sel.items
        practice_ids = list(items[~items["pinned"]].sort_values("score", ascending=False, kind="stable").index[:10])
        practice_ids += list(items.index[items["pinned"]])
        pr = r.evaluate(practice_ids)
        lines.append(f"  the report's practice (the 10 best non-urgent processes, plus the {len(pins)} urgent ones in between): "
                     f"{pr.n} processes, {float(items.loc[practice_ids, 'hours'].sum()):g} h, total {pr.total_score:.4f}; "
                     + ("assignable" if pr.feasible else "NOT assignable")
                     + ("" if pr.meets_minimum is not False else ", leaves experts without a process")
                     + f"; the optimum is {pr.lost:.4f} higher")
        g = r.longest_prefix
        lines.append(f"  greedy (longest assignable prefix of the ranking): {g.n} processes, total {g.total_score:.4f}; "
                     f"the optimum is {g.lost:.4f} higher")
        if c.extra:
            lines.append("  in the top-10 cut but not in the optimum: " + "; ".join(_short(names.get(p, p), 40) for p in c.extra))
        lines.append("  assignment:")
        for e, ps in r.assignment_map.items():
            lines.append(f"    {e} ({r.hours_used[e]:g} of {float(ex.loc[e, 'hours']):g} h): "
                         + "; ".join(_short(names.get(p, p), 38) for p in ps))
    figures = []
    if r.status != "infeasible":
        ax = r.plot("comparison")
        ax.figure.tight_layout()
        path = out / "westbetuwe_selection.png"
        ax.figure.savefig(path, dpi=110)
        plt.close(ax.figure)
        figures.append(path)
    data = {"ranking_top10": [{"process": a, "rank": int(row["rank"]), "score": float(row["score"]),
                               "gemma": row["gemma"]} for a, row in top.iterrows()],
            "method": dict(res.params, name=res.method),
            "selection": r.to_dict()}
    if r.status != "infeasible":
        data["greedy_prefix"] = r.longest_prefix.to_dict()
        data["report_practice"] = pr.to_dict()
    return {"title": "West Betuwe 2022: process priorities and the Green Belts' selection",
            "text": "\n".join(lines), "data": data, "figures": figures}
