"""``koers report`` section: the Deventer 2014 budget (Tabel 7, payroll path), one what-if, and what
the plan costs per participant and per learning hour."""
from __future__ import annotations

from .report import section


@section("deventer-2014-budget", order=20)
def deventer_budget(out):
    import matplotlib.pyplot as plt

    from .budget import BudgetModel, Portfolio, _money

    bm = BudgetModel.deventer_2014()
    p = Portfolio.example("deventer-2014")
    base = p.optimise()
    what_if = "strategisch -10%"
    cut = p.apply(what_if).optimise()
    plan = p.plan_order()
    path = bm.path()

    lines = ["Budget 2014 (Tabel 7, exact):"]
    for sid, r in bm.table7().iterrows():
        lines.append(f"  {r['name']:<45} {r['amount']:>16}")
    lines.append("")
    lines.append("Payroll path (Tabel 7 as 2 % of the payroll, 3 % in 2020; 2014 from 1 May):")
    for y, r in path.iterrows():
        lines.append(f"  {y}  {r['share']:>8}  {r['months']:>2} months  {r['budget_eur']:>16}")
    lines.append("")
    sp = base.spend.loc["strategic"]
    lines.append(f"Optimal funding (costs illustrative): {len(base.selection)} of {len(p.items)} interventions, "
                 f"goal weight {base.optimum} (proven: bound {base.bound}, gap {base.gap}); "
                 f"in plan order: {plan.optimum}.")
    lines.append(f"  strategic: spent {_money(sp['spent'])} of capacity {_money(sp['capacity'])} "
                 f"(budget {_money(sp['budget'])} less reserved {_money(sp['reserved'])})")
    cs = cut.spend.loc["strategic"]
    lost = [i for i in base.selection if i not in set(cut.selection)]
    added = [i for i in cut.selection if i not in set(base.selection)]
    lines.append(f"What if '{what_if}': budget {_money(cs['budget'])}, optimum {cut.optimum} "
                 f"({cut.optimum - base.optimum:+d}); drops {', '.join(lost) or 'nothing'}"
                 f"{'; adds ' + ', '.join(added) if added else ''}.")
    bad = [s for s in p.scenarios if p.apply(s).optimise(check_unique=False, check_binding=False).status == "infeasible"]
    for s in bad:
        lines.append(f"Infeasible scenario '{s.name}': {p.apply(s).optimise().explain_infeasible()}")

    from . import examples
    from .budget import cost_plan
    costs = cost_plan(examples.load("deventer-2014"))
    t = costs.total
    lines.append("")
    lines.append(f"The whole plan costed (illustrative costs, hours and target-group sizes): {_money(t['cost_cents'])} = "
                 f"own streams {_money(t['own_cents'])} + ILB contributions {_money(t['ilb_cents'])} "
                 f"(personal development); {t['participants']} participant places, {t['learning_hours']} learning hours; "
                 f"per participant {_money(t['per_participant_cents'])}, per learning hour {_money(t['per_hour_cents'])} "
                 f"(exact: {t['per_hour_exact']} cents).")
    dear = costs.sort_values("per_hour", ascending=False).head(3)
    lines.append("  dearest per learning hour: " + ", ".join(f"{r['name']} {_money(r['per_hour'])}" for _, r in dear.iterrows()))

    c = p.curve("strategic")
    ax = c.plot()
    ax.axvline(int(p.streams.loc["strategic", "budget"]) / 100, color="grey", ls="--", label="Tabel 7")
    ax.axvline(int(cs["budget"]) / 100, color="tab:red", ls=":", label=what_if)
    ax.legend()
    ax.figure.tight_layout()
    fig_path = out / "deventer_budget_curve.png"
    ax.figure.savefig(fig_path, dpi=110)
    plt.close(ax.figure)

    data = {
        "tabel7_cents": {k: int(v) for k, v in bm.streams["budget"].items()},
        "total_cents": bm.total.cents,
        "path": {int(y): {"share": r["share"], "months": int(r["months"]), "budget_cents": int(r["budget"])}
                 for y, r in path.iterrows()},
        "base": {"optimum": base.optimum, "selected": base.selection, "spent_cents": base.spent_cents},
        "plan_order_optimum": plan.optimum,
        "costs": {"total": t, "streams": costs.to_dict()["streams"]},
        "what_if": {"name": what_if, "optimum": cut.optimum, "selected": cut.selection, "spent_cents": cut.spent_cents},
    }
    return {"title": "Deventer 2014: budget and a what-if", "text": "\n".join(lines), "data": data,
            "figures": [fig_path]}
