"""Generate python/koers/examples/data/west-betuwe-2022/selection.json (koers.selection v1).

    PYTHONPATH=python python tools/make_westbetuwe_selection.py

Ids: the local process names (the alternatives of decision.json). Scores: the decision ranking of decision.json (its own method, higher is better) for every process
of processes.json; hours and mandatory (urgent refugee reception) from processes.json; 15 Green Belts
at 4 h/week over 2022 in the Dutch calendar ("nl"), counted by the koers.selection reader
("period" + "hours_per_week" → 253 working days × 4/5 = 202.4 h each); each expert at least one
process; top_n 10 (the report's list of 10 priority processes).
"""
import json
import pathlib
import sys

import koers.decide as decide
from koers import examples
from koers.selection import Selection, _scores_of

EX = "west-betuwe-2022"
procs = json.loads(examples.path(EX, "processes.json").read_text(encoding="utf-8"))
problem = decide.DecisionProblem.load(examples.path(EX, "decision.json"))
res = decide.rank(problem)
scores = _scores_of(res)
items = []
for p in procs["processes"]:
    # ids are the local process names: the alternatives of decision.json (same order as processes.json)
    it = {"id": p["name"], "score": round(float(scores[p["name"]]), 6), "hours": p["hours"]}
    if p.get("mandatory"):
        it["mandatory"] = True
    items.append(it)
doc = {"format": "koers.selection", "version": 1,
       "name": "West Betuwe 2022: processen voor de Green Belts (procesverbetering)",
       "period": {"start": "2022-01-01", "end": "2022-12-31", "calendar": "nl"},
       "items": items,
       "experts": [{"id": f"GB{k:02d}", "hours_per_week": 4} for k in range(1, 16)],
       "min_items_per_expert": 1, "top_n": 10}
Selection.from_dict(doc)  # validate through the C++ reader
out = pathlib.Path(examples.DATA) / EX / "selection.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"wrote {out} ({len(items)} processes; method {getattr(res, 'method', '?')})", file=sys.stderr)
