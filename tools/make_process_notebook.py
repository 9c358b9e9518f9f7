"""Build notebooks/02_process_priorities.ipynb with nbformat.

    python tools/make_process_notebook.py [--execute [--keep-outputs]]

--execute runs it with nbclient (as tests/python/test_notebooks.py does) and prints what it printed.
"""
import pathlib
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "notebooks" / "02_process_priorities.ipynb"

cells = []
md = lambda s: cells.append(new_markdown_cell(s.strip()))  # noqa: E731
code = lambda s: cells.append(new_code_cell(s.strip()))  # noqa: E731

md("""
# 02 — West Betuwe: which work processes do the Green Belts take on?

*Question: which processes should the Lean experts improve in 2022 — and is "take the top 10 of
the ranking" a good way to choose them?*

The municipality of West Betuwe mapped all its work processes on the GEMMA process architecture
of the VNG at the end of 2021 and weighted every process on five criteria: administrative
priorities (*bestuurlijke prioriteiten*), influence on service delivery (*dienstverlening*) and on
operations (*bedrijfsvoering*), financial impact and structural problems in the process. High
scores are picked up first; setting the priorities is a task of the whole management. For 2022 a
list of 10 priority processes was set, and a few refugee-reception processes (*vluchtelingenopvang*)
were taken up in between because of their urgency. The 15 trained Lean Green Belts each work on at
least one improvement and free at least 4 hours a week for it (seed 004, *Project procesverbetering*).

This notebook walks through the whole chain: the management team's weights (AHP), the ranking,
how sure that ranking is (sensitivity and SMAA), and then the step a ranking cannot do by
itself — **choosing** the processes the experts can actually carry, proven optimal.

> **Data.** The report publishes no process list, scores, hours or judgments. The 36 process names
> are mapped onto GEMMA business processes (credit: VNG Realisatie, GEMMA, EUPL); the scores,
> hours and the management team's judgments are **illustrative** (see the example's README).
""")

code("""
import json

import matplotlib.pyplot as plt
import pandas as pd

import koers
import koers.ahp
import koers.decide
import koers.selection as ks
from koers import examples

pd.set_option("display.max_colwidth", 60)
pd.set_option("display.width", 160)
EX = "west-betuwe-2022"
doc = json.loads(examples.path(EX, "processes.json").read_text(encoding="utf-8"))
crit = [c["id"] for c in doc["criteria"]]
processes = pd.DataFrame([{"process": p["name"], "GEMMA process": p["gemma_name"], "domain": p["domain"],
                           **p["scores"], "hours": p["hours"], "urgent": p.get("urgent", False)}
                          for p in doc["processes"]]).set_index("process")
print(f"{len(processes)} work processes, {int(processes['urgent'].sum())} urgent; scores 1-5 on {len(crit)} criteria")
processes.head(12)
""")

md("""
## 1. The weights: the management team's AHP

Five members of the management team compared the criteria in pairs ("administrative priorities
is 3 times as important as financial impact"); the judgments are combined by the weighted
geometric mean of the judgments (AIJ). One judge left a pair out: it is completed by minimising
λmax. The consistency ratio CR = CI / RI must stay below 0.1; the RI table used is named.
""")

code("""
group = koers.ahp.load(examples.path(EX, "ahp.json"))
weights = group.priorities()
cons = group.consistency()
print(f"λmax = {cons['lambda_max']:.4f}, CI = {cons['ci']:.4f}, RI = {cons['ri']} ({cons['ri_table_name']}), "
      f"CR = {cons['cr']:.4f} -> {'consistent' if cons['consistent'] else 'NOT consistent'}")
pd.DataFrame({"group weight": weights}).style.format("{:.3f}")
""")

code("""
# how far each judge is from the group, and each judge's own weights
display(group.disagreement())
ax = group.plot_disagreement()
plt.show()
""")

code("""
triads = group.inconsistent_triads()
print("The most inconsistent triads (Koczkodaj index, 0 = consistent):")
triads.head(5)
""")

md("""
## 2. The ranking

The decision problem (`decision.json`) uses the group weights and a weighted sum on the fixed
1–5 scale: the municipality's own weighting. The contribution bars show *why* a process ranks
where it does.
""")

code("""
problem = koers.decide.DecisionProblem.load(examples.path(EX, "decision.json"))
ranking = koers.decide.rank(problem)
print({k: v for k, v in ranking.params.items() if k in ("name", "normalisation", "tie_rule")})
ranking.to_frame().head(15)
""")

code("""
ax = ranking.plot(top=15)
ax.figure.set_size_inches(9, 6)
plt.show()
""")

md("""
## 3. How stable is the ranking?

**Sensitivity.** For each criterion, the interval of its weight (the others rescaled
proportionally) in which the top 10 stays the same set.
""")

code("""
sens = koers.decide.sensitivity(problem)
display(sens.to_frame()[["weight", "lower", "upper", "exact"]])
sens.plot()
plt.show()
""")

md("""
**SMAA-2.** Instead of one weight vector: weights drawn uniformly under the management team's
order of importance (administrative priorities ≥ service delivery ≥ …), and every score uncertain
by ±0.5 on the scale (the file's SMAA settings). The rank-acceptability index is the share of
draws in which a process takes each rank.
""")

code("""
smaa = koers.decide.smaa(problem, threads=2)
print(f"{smaa.samples} samples, seed {problem.smaa_options.get('seed')}")
display(smaa.to_frame().head(12))
smaa.plot(top=15)
plt.show()
""")

md("""
## 4. Ranking is not choosing: the selection under expert hours

Now the decision the management actually takes: which processes go to which Green Belt.

- 15 experts, each with 4 hours a week over the working days of 2022 in the Dutch calendar
  (253 days × 4/5 = 202.4 h each);
- every process needs its own number of hours and goes **whole to one expert**;
- every expert takes at least one process;
- the four refugee-reception processes are **mandatory**: they are in, whatever they score;
- the score of a process is its score in the ranking above.

`koers.selection.select` finds the selection and assignment with the highest total score and
**proves** it optimal (the bound equals the total: gap 0). It also shows what "take the top 10"
(mandatory first, then by score) would have done; `result.evaluate(list)` judges any other list the
same way, such as the report's practice (the 10 best plus the urgent processes in between).
""")

code("""
sel = ks.Selection.load(examples.path(EX, "selection.json"))
print(sel)
result = ks.select(sel)
result
""")

code("""
cut, greedy = result.top_n, result.longest_prefix
items = sel.items
hours = items["hours"]
# what the report describes: the list of 10 priority processes, plus the urgent ones taken up in between
practice_ids = list(items[~items["mandatory"]].sort_values("score", ascending=False, kind="stable").index[:10])
practice = result.evaluate(practice_ids + list(items.index[items["mandatory"]]))
compare = pd.DataFrame([
    {"choice": "optimal selection", "processes": len(result.selected), "total score": result.total_score,
     "hours": float(hours[result.selected].sum()), "assignable": True, "every expert ≥ 1": True},
    {"choice": f"top-{cut.n} cut", "processes": len(cut.selected), "total score": cut.total_score,
     "hours": float(hours[cut.selected].sum()), "assignable": cut.feasible, "every expert ≥ 1": cut.meets_minimum},
    {"choice": "the report's practice: 10 best non-urgent + the urgent", "processes": len(practice.selected),
     "total score": practice.total_score, "hours": float(hours[practice.selected].sum()),
     "assignable": practice.feasible, "every expert ≥ 1": practice.meets_minimum},
    {"choice": "greedy: longest assignable prefix", "processes": len(greedy.selected), "total score": greedy.total_score,
     "hours": float(hours[greedy.selected].sum()), "assignable": greedy.feasible, "every expert ≥ 1": greedy.meets_minimum},
]).set_index("choice")
compare["lost vs optimum"] = result.total_score - compare["total score"]
print(f"proven optimal: status {result.status}, bound {result.bound:.4f}, gap {result.gap:g}")
compare
""")

code("""
print("In the top-10 cut but not in the optimal selection (they need many hours for their score):")
display(result.items.loc[cut.extra, ["score", "hours"]])
ax = result.plot("comparison")
ax.figure.set_size_inches(10, 10)
plt.show()
""")

code("""
display(result.experts)
ax = result.plot("assignment")
ax.figure.set_size_inches(10, 6)
plt.show()
""")

md("""
## 5. The selection under uncertain weights

The selection uses the ranking's scores, so it inherits the ranking's uncertainty. With the same
model as the SMAA above (weights uniform under the order of importance, scores ±0.5), each draw
is scored and the selection is solved exactly again. The table gives, per process, the share of
draws in which it is in the optimal set (and in the top-10 cut). Weights are drawn here with
numpy's seeded generator (Dirichlet(1) with rejection for the order), because `koers.decide.smaa`
does not hand out its draws. Fewer draws than the SMAA above: each draw is an exact solve.
""")

code("""
prob = ks.selection_probability(problem, sel, samples=100, seed=2022, threads=2)
print(f"{prob.attrs['samples']} draws, seed {prob.attrs['seed']}, weights {prob.attrs['weights']} "
      f"with orderings, scores {prob.attrs['score_model']} ± {prob.attrs['score_spread']}")
borderline = prob[(prob["probability"] > 0) & (prob["probability"] < 1)]
print(f"{int((prob['probability'] == 1).sum())} processes are chosen in every draw, "
      f"{int((prob['probability'] == 0).sum())} in none; {len(borderline)} depend on the weights:")
borderline
""")

code("""
ax = ks.plot_probability(prob)
ax.figure.set_size_inches(10, 10)
plt.show()
""")

md("""
**The smallest weight change that moves a process in or out.** One criterion's weight at a time
is moved (the others rescaled proportionally to keep the sum 1); the first change of the optimal
set on a grid is refined by bisection on the exact selection. A small number means the decision
on that process hangs on the weights; "never" means no single weight moves it.
""")

code("""
moves = ks.selection_sensitivity(problem, sel, steps=5, tol=0.01, threads=2)
print(f"{moves.attrs['solves']} exact solves; grid of {moves.attrs['steps']} steps per direction, tolerance {moves.attrs['tol']}")
moves.head(12)
""")

md("""
## What this means

- The ranking is stable at the top (see the sensitivity intervals and the rank-acceptability
  chart), but the *choice* of processes is a different question: a process that ranks high but
  needs many hours can push out two smaller processes that together add more.
- A top-10 cut gives 15 Green Belts only 10 processes: several experts have nothing to do, and
  the hours they freed are lost. The longest prefix of the ranking that still fits uses the hours
  better, but the proven optimum is higher still.
- Processes with a selection probability between 0 and 1, or a small weight change in the last
  table, are where the management team's discussion should go.
""")

nb = new_notebook(cells=cells, metadata={"kernelspec": {"display_name": "Python 3", "language": "python",
                                                        "name": "python3"}})
nbformat.write(nb, OUT)
print(f"wrote {OUT}", file=sys.stderr)

if "--execute" in sys.argv:
    from nbclient import NotebookClient
    nb = nbformat.read(OUT, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(OUT.parent)}}).execute()
    outs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    png = sum("image/png" in o.get("data", {}) for o in outs)
    html = sum("text/html" in o.get("data", {}) for o in outs)
    print(f"executed: {png} PNG, {html} HTML outputs", file=sys.stderr)
    for c in nb.cells:
        if c.cell_type == "code":
            for o in c.get("outputs", []):
                if o.get("output_type") == "stream" and o.get("name") == "stdout":
                    print(o["text"][:1500])
    if "--keep-outputs" in sys.argv:
        nbformat.write(nb, OUT)
    if "--png" in sys.argv:  # dump the figures for a look
        import base64
        k = 0
        for o in outs:
            if "image/png" in o.get("data", {}):
                k += 1
                (pathlib.Path("/tmp") / f"nb02_{k}.png").write_bytes(base64.b64decode(o["data"]["image/png"]))
