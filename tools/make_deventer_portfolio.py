"""Write python/koers/examples/data/deventer-2014/portfolio.json from the Deventer model.

Budgets: Tabel 7 (seed 000, ch. 4.2), exact cents. Everything else that the seed does not give
(Bijlage 2 with the costs is not in the seed text) is ILLUSTRATIVE and marked so in the file's
``note``: the reserved lines, the costs and participant numbers, the basic-skills group max.
Ids of interventions and (learning) goals are those of model.json. An item serves ("covers") the
(learning) goals it contributes to with strength >= 50 in the model; a goal's weight comes from
the strategy graph: 1 per 25 of the strongest such contribution (50/75 -> 2/3), plus 1 for a
top-level goal (kind ``goal``) over a learning goal.

Run: python tools/make_deventer_portfolio.py
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
FOLDER = ROOT / "python" / "koers" / "examples" / "data" / "deventer-2014"

# id -> (euros per participant, participants) or euros fixed. Illustrative.
COSTS = {
    "iv.spelsimulatie-hnw": 24000, "iv.plaats-tijd-onafhankelijk": (150, 120),
    "iv.gesprekstechnieken": (450, 40), "iv.online-communiceren": (95, 100),
    "iv.slimmer-werken": (75, 150), "iv.tijdsurfen": (295, 40),
    "iv.ambtelijk-ondernemerschap": (650, 24), "iv.outputgericht-aansturen": (850, 30),
    "iv.fit-virtueel-kantoor": (60, 120), "iv.feedback": (275, 60),
    "iv.vraagstukken-verder-brengen": 6000, "iv.omgaan-met-verandering": (395, 40),
    "iv.waarderend-ontwikkelen": 12500, "iv.leren-netwerken": (325, 30),
    "iv.beinvloedingsstijlen": (495, 24), "iv.loopbaanmodules": (750, 30),
    "iv.e-coaching-reis-naar-jezelf": (495, 20), "iv.personal-branding": 7500,
    "iv.levensfasen": (250, 40), "iv.lastige-gesprekken": (595, 20),
    "iv.vitaliteit": (195, 80), "iv.vermogen-tot-verbinden": (695, 30),
    "iv.traject-hostmanship": 27500, "iv.zaakgericht-werken": (225, 120),
    "iv.computer-essentials": (185, 60), "iv.mediation": (895, 16),
    "iv.adviseren-met-impact": (1250, 16), "iv.ontwerpen-geven-trainingen": (795, 12),
    "iv.schrijfvaardigheden": (345, 36), "iv.agressie-en-geweld": (325, 60),
}
STREAMS = {"stream.strategisch": "strategic", "stream.functioneel": "functional", "stream.persoonlijk": "personal"}
PRICE_LEVEL = 1.2  # the table above at 2013 prices, +20 % (illustrative; keeps the budget binding)
MIN_STRENGTH = 50  # an item "serves" a goal when it contributes with strength >= 50 in the model
RESERVED = {"strategic": 15_000_00 + 25_000_00}  # onvoorzien € 15.000 + stelpost OvdT € 25.000 (illustrative)


def build():
    model = json.loads((FOLDER / "model.json").read_text(encoding="utf-8"))
    nodes = {n["id"]: n for n in model["nodes"]}
    funded = {e["from"]: STREAMS[e["to"]] for e in model["edges"] if e["kind"] == "funded_by"}
    contributes = [e for e in model["edges"] if e["kind"] == "contributes"]
    streams = [{"id": STREAMS[n["id"]], "budget_cents": n["budget_cents"],
                **({"reserved_cents": RESERVED[STREAMS[n["id"]]]} if STREAMS[n["id"]] in RESERVED else {})}
               for n in model["nodes"] if n["kind"] == "budget_stream"]
    items = []
    for n in model["nodes"]:
        if n["kind"] != "intervention":
            continue
        covers = [e["to"] for e in contributes if e["from"] == n["id"] and e.get("strength", 25) >= MIN_STRENGTH]
        it = {"id": n["id"], "name": n["name"], "stream": funded[n["id"]]}
        c = COSTS[n["id"]]
        c = (round(c[0] * PRICE_LEVEL), c[1]) if isinstance(c, tuple) else round(c * PRICE_LEVEL)
        if isinstance(c, tuple):
            it["per_participant_cents"] = c[0] * 100
            it["participants"] = c[1]
            it["cost_cents"] = c[0] * 100 * c[1]
        else:
            it["cost_cents"] = c * 100
        if covers:
            it["covers"] = covers
        if n.get("mandatory"):
            it["mandatory"] = True
        items.append(it)
    strongest = {}
    for e in contributes:
        if e.get("strength", 25) < MIN_STRENGTH:
            continue
        strongest[e["to"]] = max(strongest.get(e["to"], 0), e.get("strength", 25))
    goals = [{"id": g, "weight": s // 25 + (1 if nodes[g]["kind"] == "goal" else 0)}
             for g, s in strongest.items()]
    goals.sort(key=lambda g: [n["id"] for n in model["nodes"]].index(g["id"]))
    basis = [n["id"] for n in model["nodes"] if n["kind"] == "intervention" and n.get("table") == "Tabel 6"]
    new = [n["id"] for n in model["nodes"] if n["kind"] == "intervention" and n.get("status") == "new"]
    doc = {
        "format": "koers.portfolio", "version": 1,
        "name": "Deventer 2014: leerinterventies uit het strategisch opleidingsbudget",
        "note": ("Budgets: Tabel 7 (seed 000, ch. 4.2), exact. ILLUSTRATIVE (not in the seed text, whose "
                 "Bijlage 2 with the costs is missing): reserved_cents of 'strategic' = onvoorzien EUR 15.000 + "
                 "stelpost Organisatie van de Toekomst EUR 25.000; every cost and participant number; the max of "
                 "group 'basisvaardigheden' (the isolated basic-skills amount may not grow: at most 5 of the 6 "
                 "Tabel 6 interventions). Item and goal ids are those of model.json; stream ids strategic/"
                 "functional/personal = stream.strategisch/functioneel/persoonlijk. An item covers the (learning) goals "
                 "it contributes to with strength >= 50 in model.json; goal weight = strongest such strength / 25, "
                 "+1 for a top-level goal. The 3% scenario "
                 "assumes Tabel 7 is exactly 2% of the payroll (the seed: 'ongeveer 2%'), so 3% = factor 1.5. "
                 "Generated by tools/make_deventer_portfolio.py."),
        "objective": "coverage",
        "streams": streams,
        "items": items,
        "goals": goals,
        "groups": [{"id": "basisvaardigheden", "items": basis, "max": 5}],
        "scenarios": [
            {"name": "strategisch -10%", "scale_budget": {"strategic": "0.9"}},
            {"name": "3% loonsom", "scale_budget": {"strategic": "1.5", "functional": "1.5", "personal": "1.5"}},
            {"name": "zonder nieuwe interventies", "drop_items": new},
            {"name": "strategisch EUR 50.000 (onhaalbaar)", "set_budget_cents": {"strategic": 50_000_00}},
        ],
    }
    return doc


if __name__ == "__main__":
    doc = build()
    (FOLDER / "portfolio.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    total = sum(i["cost_cents"] for i in doc["items"])
    print(f"{len(doc['items'])} items, {len(doc['goals'])} goals, plan cost {total} cents")
