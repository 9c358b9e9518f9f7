"""Write notebooks/03_budget_what_if.ipynb (without outputs; tests execute it)."""
import pathlib

import nbformat as nbf

ROOT = pathlib.Path(__file__).resolve().parents[1]
md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
cells = [
    md("# Budget and what-if: the Deventer plan 2014\n\n"
       "Tabel 7 of the Deventer strategic L&D plan (seed 000, ch. 4.2), the payroll path 2014–2017 towards 3 % "
       "by 2020, the −10 % strategic scenario, the optimal funding against funding in plan order, a budget curve, "
       "a sweep heat map, the infeasible case explained, and what the plan costs per participant and per "
       "learning hour.\n\n"
       "Money is whole cents throughout; euro text is only for display (`koers.budget.euros`). "
       "**The costs of the interventions are illustrative**: the plan's Bijlage 2 with the costs is not in the seed "
       "text (see the portfolio's `note`)."),
    code("import koers\nimport pandas as pd\nimport matplotlib.pyplot as plt\nfrom koers.budget import euros\n"
         "%matplotlib inline"),
    md("## Tabel 7: overzicht budgetten (exact)"),
    code("bm = koers.BudgetModel.deventer_2014()\nt7 = bm.table7()\n"
         "assert t7.loc['total', 'cents'] == 31477700 + 31459400 + 35745162 == 98682262\nt7"),
    md("Reserved lines inside the strategic budget (illustrative amounts: *onvoorzien* and the *stelpost* "
       "Organisatie van de Toekomst):"),
    code("euros(bm.reserved, ['amount'])"),
    md("## The payroll path 2014–2017\n\nTabel 7 is about 2 % of the payroll; the aim is 3 % by 2020. The share "
       "rises linearly and exactly (2 %, 2 1/6 %, 2 1/3 %, 2 1/2 %); 2014 counts from 1 May (8 of 12 months)."),
    code("path = bm.path()\npath[['share', 'months', 'budget_eur', 'budget']]"),
    code("ax = (path['budget'] / 100).plot.bar(color='tab:blue', figsize=(6, 3.5))\n"
         "ax.set_ylabel('€'); ax.set_title('L&D budget on the payroll path (2014 from 1 May)');\n"
         "plt.tight_layout()"),
    md("## The portfolio and the −10 % strategic scenario"),
    code("p = koers.Portfolio.example('deventer-2014')\np"),
    code("base = p.optimise()\ncut = p.apply('strategisch -10%').optimise()\n"
         "print(base)\nprint(cut)\n"
         "assert cut.spend.loc['stream.strategisch', 'budget'] == 28329930  # floor(31477700 × 0.9)\n"
         "euros(cut.spend)"),
    md("All scenarios of the file side by side (exact optimum, spend per stream, what changes against the base):"),
    code("cmp = p.compare()\neuros(cmp[['status', 'optimum', 'delta_optimum', 'funded', 'budget_stream.strategisch', 'spent_stream.strategisch', 'binding']],\n"
         "      ['budget_stream.strategisch', 'spent_stream.strategisch'])"),
    md("## Optimal funding against funding in plan order\n\nPlan order funds the mandatory intervention, then "
       "each intervention in the order of the plan while it still fits. The optimum serves more goal weight with "
       "the same money:"),
    code("plan = p.plan_order()\n"
         "tab = pd.DataFrame({'optimal': base.to_frame()['funded'], 'plan order': plan.to_frame()['funded'],\n"
         "                    'cost': p.items['cost'], 'why (optimal)': base.to_frame()['reason']})\n"
         "print(f'goal weight served: optimal {base.optimum}, plan order {plan.optimum}')\n"
         "euros(tab, ['cost'])"),
    md("## Budget curve of the strategic stream\n\nThe exact optimum at every budget where it changes "
       "(breakpoints, not samples)."),
    code("c = koers.curve(p, 'stream.strategisch')\nax = c.plot()\n"
         "ax.axvline(p.streams.loc['stream.strategisch', 'budget'] / 100, color='grey', ls='--', label='Tabel 7')\n"
         "ax.legend(); plt.tight_layout()\nc.head()"),
    md("## Sweep: budget cut × payroll share\n\nEvery cut of the strategic budget from 0 to 30 % in steps of "
       "0.5 % × payroll share 2–3 % × three sets of mandatory interventions, solved exactly on all cores."),
    code("g = koers.grid(p, cut=('0', '0.30', '0.005'), payroll_share=('0.02', '0.03', '0.0025'),\n"
         "               mandatory={'agressie': [], '+zaakgericht': ['iv.zaakgericht-werken'],\n"
         "                          '+hostmanship': ['iv.traject-hostmanship']})\n"
         "df = koers.sweep(p, g, progress=False)\nprint(len(df), 'scenarios;', df['status'].value_counts().to_dict())\n"
         "df[['scenario', 'status', 'optimum', 'budget_stream.strategisch', 'spent_stream.strategisch']].head()"),
    code("heat = (df[df['mandatory'] == 'agressie']\n"
         "        .assign(cut=lambda d: d['cut'].astype(float) * 100, share=lambda d: d['payroll_share'].astype(float) * 100)\n"
         "        .pivot(index='cut', columns='share', values='optimum').astype(float))\n"
         "fig, ax = plt.subplots(figsize=(6, 5))\n"
         "im = ax.imshow(heat.values, aspect='auto', origin='lower', cmap='viridis',\n"
         "               extent=[heat.columns.min(), heat.columns.max(), heat.index.min(), heat.index.max()])\n"
         "ax.set_xlabel('payroll share (%)'); ax.set_ylabel('cut of the strategic budget (%)')\n"
         "ax.set_title('Exact optimum (goal weight served)'); fig.colorbar(im, ax=ax); plt.tight_layout()"),
    md("## The infeasible case, explained"),
    code("bad = p.apply('strategisch EUR 50.000 (onhaalbaar)').optimise()\nprint(bad.explain_infeasible())\n"
         "pd.DataFrame([bad.to_dict()['conflict']])[['stream', 'items', 'required_cents', 'available_cents']]"),
    md("## What the plan costs per participant and per learning hour\n\n"
       "`koers.cost_plan` costs every intervention of the strategy model exactly: per participant when the model "
       "gives `cost_cents` with `participants`, else a fixed amount whose participants come from the target groups "
       "(Σ `size`); the interventions with an ILB contribution charge half of the cost per participant "
       "(floored to whole cents) to each participant's ILB, i.e. the personal-development stream. Unit costs are "
       "exact fractions of cents, shown rounded half-even. **Illustrative**: the costs, hours, target-group sizes "
       "(about 1,150 employees) and ILB choices are not in the seed text (see the model's `source`)."),
    code("costs = koers.cost_plan(koers.examples.load('deventer-2014'))\nt = costs.total\n"
         "assert t['cost_cents'] == t['own_cents'] + t['ilb_cents'] == int(costs['cost'].sum())\n"
         "print(f\"plan {koers.Money.from_cents(t['cost_cents'])}: {t['participants']} participant places, \"\n"
         "      f\"{t['learning_hours']} learning hours; per participant {koers.Money.from_cents(t['per_participant_cents'])}, \"\n"
         "      f\"per learning hour {koers.Money.from_cents(t['per_hour_cents'])}\")\n"
         "money = ['cost', 'ilb', 'own', 'per_participant', 'per_hour']\n"
         "euros(costs.sort_values('per_hour', ascending=False)[['name', 'participants', 'hours'] + money], money)"),
    md("Per stream: the own parts land on the stream each intervention is funded by (all strategic), the ILB "
       "parts on the personal-development stream. The whole plan does not fit the strategic budget — that is "
       "what the optimisation above chooses within."),
    code("euros(costs.streams, ['budget', 'own', 'ilb', 'committed', 'free'])"),
    code("ax = costs.plot('per_hour')\nplt.tight_layout()"),
]
nb = nbf.v4.new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                               "language": "python"}})
(ROOT / "notebooks" / "03_budget_what_if.ipynb").write_text(nbf.writes(nb), encoding="utf-8")
print("written")
