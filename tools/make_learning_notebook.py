"""Write notebooks/04_learning_time_and_academy.ipynb (without outputs; tests execute it).

The academy part (issue 8 §3-4) is added after the learning part by tools/add_academy_cells.py
(between its <!-- academy:start/end --> markers): run both, in this order.
"""
import pathlib

import nbformat as nbf

ROOT = pathlib.Path(__file__).resolve().parents[1]
md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
cells = [
    md("# Learning time, Green Belt capacity and the academy\n\n"
       "Who may learn how much, what the plan asks of that time, and how many hours the West Betuwe "
       "Green Belts have for process improvement.\n\n"
       "- **Rules** (Deventer plan 2014–2017, §4.1 *Tijd voor leren*, seed 000): every employee 1 day a month for "
       "learning (12 days a year full time); managers ½ day a month more for management development. A day is the "
       "contract's weekly hours / 5 (part-time pro rata); a start or end inside the year pro rata by working days.\n"
       "- **Green Belts** (West Betuwe 2022, *Project procesverbetering*, seed 004): 15 experts, at least 4 hours a "
       "week each for process improvement — separate from their learning time; the project runs two years, to "
       "August 2023.\n"
       "- **The rosters and the leave table are illustrative** (neither seed publishes a staff list): "
       "`tools/make_rosters.py` made them with the group sizes of the example models.\n\n"
       "Hours are exact fractions in C++ (`koers/core/hours.hpp`, `koers/learning/`); the tables show them rounded."),
    code("import koers\nimport koers.plotting\nimport pandas as pd\nimport matplotlib.pyplot as plt\nfrom fractions import Fraction\n"
         "from koers import learning\n%matplotlib inline\n"
         "pd.set_option('display.precision', 1)"),
    md("## The calendar: working days and capacity\n\n"
       "`nl` has every Dutch public holiday; `nl-lustrum` drops Goede Vrijdag and keeps Bevrijdingsdag only in years "
       "divisible by 5 (the reading of most collective agreements). A date with two holidays counts once "
       "(2016-05-05: Bevrijdingsdag and Hemelvaartsdag)."),
    code("rules = ['nl', 'nl-lustrum', 'none']\n"
         "wd = pd.DataFrame({r: {y: koers.Calendar(r).working_days(f'{y}-01-01', f'{y}-12-31') for y in (2014, 2015, 2016, 2022, 2023)}\n"
         "                   for r in rules})\nwd.index.name = 'year'\n"
         "assert wd.loc[2022, 'nl'] == 253 and wd.loc[2022, 'nl-lustrum'] == 255\nwd"),
    code("cap = koers.Calendar('nl').capacity('2022-01-01', '2022-12-31', '4', experts=15)\n"
         "assert cap == {'hours': '3036.00', 'hours_exact': '3036', 'working_days': 253}\ncap"),
    md("## Deventer 2014: learning-time entitlement\n\nThe illustrative roster has 1,150 people (the model's "
       "*Iedereen*), 95 of them managers. 2014 counts the whole calendar year; people who start or leave during "
       "the year get their share of its working days."),
    code("roster = koers.examples.path('deventer-2014', 'roster.csv')\n"
         "ent = koers.entitlement(roster, year=2014, holidays='nl')\nassert ent.errors.empty\n"
         "ent.total[['year', 'people', 'managers', 'fte', 'days', 'base_hours', 'management_hours', 'hours']]"),
    code("teams = ent.teams.set_index('team').sort_values('hours')\n"
         "ax = teams[['base_hours', 'management_hours']].plot.barh(stacked=True, figsize=(8, 7), color=['tab:blue', 'tab:orange'])\n"
         "ax.set_xlabel('learning hours in 2014 (h)'); ax.set_ylabel('team')\n"
         "koers.plotting.headline(ax, 'Deventer 2014: learning-time entitlement per team (illustrative roster)')\n"
         "ax.legend(['1 day a month (everyone)', '½ day a month more (managers)'], loc='lower right'); plt.tight_layout()"),
    md("Per person the rules give, for example (hours exact):"),
    code("ent.people[['employee_id', 'team', 'role', 'hours_per_week', 'working_days_employed', 'days', 'hours', 'hours_exact']]"
         ".sort_values('hours').iloc[[0, 1, 400, 800, -2, -1]]"),
    md("## Demand against supply: what the plan's interventions ask\n\n"
       "Each intervention asks duration × participants learning hours (`koers.cost_plan`; participants from the "
       "model or from its target groups). Those hours go to its target groups (pro rata to the groups' sizes when it "
       "has several) and are spread over the groups' members on the roster; a member's entitlement counts in each of "
       "their groups, so the group supplies overlap — the person and team views add up."),
    code("plan = koers.examples.load('deventer-2014')\n"
         "dem = learning.demand(plan, roster, 2014)\n"
         "groups = dem.groups.set_index('target_group')\n"
         "groups[['name', 'size', 'people', 'interventions', 'demand', 'supply', 'over', 'max_hours_per_member',\n"
         "        'supply_per_member', 'over_per_member']]"),
    code("fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))\n"
         "g = groups.sort_values('supply')\n"
         "g[['demand', 'supply']].plot.barh(ax=axes[0], logx=True, color=['tab:red', 'tab:green'])\n"
         "axes[0].set_xlabel('hours in 2014 (log scale)'); axes[0].set_ylabel('target group')\n"
         "koers.plotting.headline(axes[0], 'All members: hours the plan asks vs their learning time')\n"
         "axes[0].legend(['demand (participants × duration)', 'supply (entitlement of the members)'],\n"
         "               loc='upper center', bbox_to_anchor=(0.5, -0.15), ncols=2, fontsize='small')\n"
         "g[['max_hours_per_member', 'supply_per_member']].plot.barh(ax=axes[1], color=['tab:red', 'tab:green'])\n"
         "axes[1].set_xlabel('hours per member in 2014'); axes[1].set_ylabel('')\n"
         "koers.plotting.headline(axes[1], 'One member taking every intervention offered to the group')\n"
         "axes[1].legend(['hours of all its interventions', 'mean entitlement per member'],\n"
         "               loc='upper center', bbox_to_anchor=(0.5, -0.15), ncols=2, fontsize='small')\n"
         "plt.tight_layout()"),
    md("As a whole, the 2014 programme asks about a third of the learning time; but a member of *Iedereen* who "
       "took every intervention open to everyone would need more than two years' entitlement, and the people "
       "who carry several groups' parts go over:"),
    code("t = dem.totals\nprint(f\"demand {float(t['demand']):,.0f} h of {float(t['supply']):,.0f} h entitlement \"\n"
         "      f\"({float(t['demand'] / t['supply']):.1%}); hours over the persons' entitlement: {float(t['over']):,.1f} h\")\n"
         "over = groups[groups['over_per_member'] > 0][['name', 'max_hours_per_member', 'supply_per_member', 'over_per_member']]\n"
         "over"),
    code("dem.teams.sort_values('demand', ascending=False).head(8)[['team', 'people', 'people_over', 'demand', 'supply', 'over']]"),
    md("## West Betuwe 2022: learning time and the Green Belts' 4 hours a week\n\n"
       "The 15 Green Belts free at least 4 hours a week for process improvement. That is separate time: beside their "
       "learning entitlement, not part of it."),
    code("wb_roster = koers.examples.path('west-betuwe-2022', 'roster.csv')\n"
         "wb = koers.entitlement(wb_roster, year=2022)\n"
         "gb = wb.people[wb.people['target_groups'].map(lambda g: 'tg.green-belts' in g)].copy()\n"
         "assert len(gb) == 15\n"
         "gb['process_improvement_hours'] = [float(koers.Calendar().hours('2022-01-01', '2022-12-31', 4))] * len(gb)\n"
         "gb['contract_hours'] = gb['hours_per_week'] * 253 / 5\n"
         "gb['share_of_contract'] = (gb['hours'] + gb['process_improvement_hours']) / gb['contract_hours']\n"
         "gb[['employee_id', 'team', 'hours_per_week', 'hours', 'process_improvement_hours', 'share_of_contract']]"),
    code("ax = gb.set_index('team')[['hours', 'process_improvement_hours']].plot.bar(stacked=True, figsize=(10, 4),\n"
         "                                                                      color=['tab:blue', 'tab:purple'])\n"
         "ax.set_ylabel('hours in 2022 (h)'); ax.set_xlabel('team of the Green Belt')\n"
         "koers.plotting.headline(ax, 'West Betuwe Green Belts 2022: learning time and process-improvement time (illustrative roster)')\n"
         "ax.set_ylim(0, 400)\n"
         "ax.legend(['learning entitlement (1 day a month)', 'process improvement (4 h a week)'], loc='upper left', ncols=2)\n"
         "plt.tight_layout()"),
    md("## Green Belt capacity for the selection, with leave\n\n"
       "The hours `koers select` gives the 15 experts: working days × 4 / 5 over 2022 or over the two-year project "
       "(August 2021 – July 2023), minus each expert's leave (the illustrative `leave.csv`; a leave row for someone "
       "who is not an expert is refused, E711)."),
    code("leave = koers.examples.path('west-betuwe-2022', 'leave.csv')\n"
         "y2022 = learning.expert_capacity(15, '2022-01-01', '2022-12-31', '4', leave=leave)\n"
         "project = learning.expert_capacity(15, '2021-08-01', '2023-07-31', '4', leave=leave)\n"
         "both = pd.DataFrame({'2022 without leave': [202.4] * 15, '2022': y2022['hours'].values,\n"
         "                     'Aug 2021 – Jul 2023': project['hours'].values}, index=y2022['expert'])\n"
         "print('2022:', y2022['hours_exact'].sum(), 'h;  project:', project['hours_exact'].sum(), 'h')\n"
         "y2022[['expert', 'working_days', 'leave_days', 'available_days', 'hours']]"),
    code("ax = both.plot.bar(figsize=(10, 4), color=['lightgrey', 'tab:blue', 'tab:cyan'])\n"
         "ax.set_ylabel('hours for process improvement (h)'); ax.set_xlabel('expert')\n"
         "koers.plotting.headline(ax, 'Green Belt capacity at 4 h/week: 2022 and the two-year project, leave taken off')\n"
         "ax.set_ylim(0, 480); ax.legend(loc='upper left', ncols=3); plt.tight_layout()"),
    md("The selection of processes with those hours (the example's `selection.json` gives each expert 4 h/week "
       "over 2022; `selection_with_leave` adds the leave, `koers select --leave leave.csv` does the same):"),
    code("path = koers.examples.path('west-betuwe-2022', 'selection.json')\n"
         "plain, net = koers.select(koers.Selection.load(path)), koers.select(learning.selection_with_leave(path, leave))\n"
         "pd.DataFrame({'hours available': [plain.raw['hours_available'], net.raw['hours_available']],\n"
         "              'processes': [len(plain.selected), len(net.selected)],\n"
         "              'total score': [plain.total_score, net.total_score], 'status': [plain.status, net.status]},\n"
         "             index=['4 h/week, no leave', '4 h/week, leave taken off'])"),
]
nb = nbf.v4.new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                               "language": "python"}})
out = ROOT / "notebooks" / "04_learning_time_and_academy.ipynb"
nbf.write(nb, out)
print("wrote", out)
