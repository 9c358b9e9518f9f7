"""Write the illustrative costs into the Deventer model and generate its portfolio.

1. ``python/koers/examples/data/deventer-2014/model.json`` (and ``model-2015.json``, for the nodes it
   shares, so that ``Model.diff`` still shows only the 2015 recalibration): target-group ``size``,
   and per intervention ``cost_cents``, ``participants`` (per-participant priced ones),
   ``duration_hours`` and ``ilb_contribution``. ALL ILLUSTRATIVE — the seed gives no head counts
   (Deventer had roughly 1,100–1,200 employees in 2014: 'Iedereen' = 1,150), and its Bijlage 1
   (which interventions ask an ILB contribution) and Bijlage 2 (the costs) are not in the text. The
   model's ``source`` says so.
2. ``portfolio.json`` from the model: Tabel 7 budgets (seed 000, ch. 4.2), exact cents; every item's
   cost as ``koers costs`` computes it for the strategic stream: for an intervention with an ILB
   contribution the strategic stream pays the cost per participant less the ILB part
   (floor(cost per participant × ILB_SHARE), paid from each participant's ILB, i.e. the personal
   development stream), so ``per_participant_cents × participants = cost_cents`` holds for every
   item that gives both.
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
    "iv.e-coaching-reis-naar-jezelf": (495, 20), "iv.personal-branding": (125, 60),
    "iv.levensfasen": (250, 40), "iv.lastige-gesprekken": (595, 20),
    "iv.vitaliteit": (195, 80), "iv.vermogen-tot-verbinden": (695, 30),
    "iv.traject-hostmanship": 27500, "iv.zaakgericht-werken": (225, 120),
    "iv.computer-essentials": (185, 60), "iv.mediation": (895, 16),
    "iv.adviseren-met-impact": (1250, 16), "iv.ontwerpen-geven-trainingen": (795, 12),
    "iv.schrijfvaardigheden": (345, 36), "iv.agressie-en-geweld": (325, 60),
}
# Learning hours per participant (illustrative; the e-coaching runs 21 weeks at 1.5 h).
HOURS = {
    "iv.spelsimulatie-hnw": 4, "iv.plaats-tijd-onafhankelijk": 3, "iv.gesprekstechnieken": 16,
    "iv.online-communiceren": 4, "iv.slimmer-werken": 6, "iv.tijdsurfen": 8, "iv.ambtelijk-ondernemerschap": 24,
    "iv.outputgericht-aansturen": 16, "iv.fit-virtueel-kantoor": 2, "iv.feedback": 8,
    "iv.vraagstukken-verder-brengen": 3, "iv.omgaan-met-verandering": 12, "iv.waarderend-ontwikkelen": 4,
    "iv.leren-netwerken": 8, "iv.beinvloedingsstijlen": 12, "iv.loopbaanmodules": 18,
    "iv.e-coaching-reis-naar-jezelf": 31.5, "iv.personal-branding": 3, "iv.levensfasen": 4,
    "iv.lastige-gesprekken": 12, "iv.vitaliteit": 6, "iv.vermogen-tot-verbinden": 16, "iv.traject-hostmanship": 6,
    "iv.zaakgericht-werken": 4, "iv.computer-essentials": 20, "iv.mediation": 24, "iv.adviseren-met-impact": 24,
    "iv.ontwerpen-geven-trainingen": 32, "iv.schrijfvaardigheden": 12, "iv.agressie-en-geweld": 7.5,
}
# Target-group sizes, people (illustrative; about 1,150 employees in 2014).
SIZES = {
    "tg.iedereen": 1150, "tg.leidinggevende": 95, "tg.klantcontact": 320, "tg.adviseurs": 180,
    "tg.interne_trainers": 25, "tg.schrijvers": 400, "tg.agressie": 140, "tg.zonder_basis_ict": 90,
    "tg.boventallig": 35, "tg.zaaksysteem": 450,
}
# Personal-development interventions that ask part of the ILB (illustrative: Bijlage 1 is missing).
ILB = {"iv.loopbaanmodules", "iv.e-coaching-reis-naar-jezelf", "iv.personal-branding"}
ILB_SHARE = (1, 2)  # part of the cost per participant paid from the ILB = koers.cost_plan's default
# Key order of a node as koers writes it (src/model_json.cpp): new keys go in this order.
NODE_KEYS = ["id", "kind", "name", "description", "importance", "decomposition", "audience", "table", "doel",
             "inhoud", "doelgroep", "status", "mandatory", "channel", "duration_hours", "cost_cents",
             "participants", "ilb_contribution", "note", "size", "gemma_id", "domain", "budget_cents", "year"]
ILLUSTRATIVE = (" ILLUSTRATIEF (illustrative; niet in de seed, gegenereerd door tools/make_deventer_portfolio.py): "
                "de size van de doelgroepen (de seed noemt geen aantallen; Deventer had in 2014 ruwweg 1.100-1.200 "
                "medewerkers, 'Iedereen' = 1.150) en per interventie cost_cents, participants, duration_hours en "
                "ilb_contribution (bijlage 1 en 2 met het uitvoeringsprogramma en de begroting staan niet in de tekst; "
                "een ILB-bijdrage is gekozen voor Loopbaanmodules, E-coaching en Personal branding).")
# the portfolio names streams as the model does (one id for one thing)
STREAMS = {"stream.strategisch": "stream.strategisch", "stream.functioneel": "stream.functioneel",
           "stream.persoonlijk": "stream.persoonlijk"}
PRICE_LEVEL = 1.2  # the table above at 2013 prices, +20 % (illustrative; keeps the budget binding)
MIN_STRENGTH = 50  # an item "serves" a goal when it contributes with strength >= 50 in the model
RESERVED = {"stream.strategisch": 15_000_00 + 25_000_00}  # onvoorzien € 15.000 + stelpost OvdT € 25.000 (illustrative)


def _cost(iid):
    """(total cents, participants or None): the COSTS table at PRICE_LEVEL."""
    c = COSTS[iid]
    if isinstance(c, tuple):
        pp = round(c[0] * PRICE_LEVEL) * 100
        return pp * c[1], c[1]
    return round(c * PRICE_LEVEL) * 100, None


def _put(node, key, value):
    """Set node[key], inserting a new key after the last present key that precedes it in NODE_KEYS
    (existing keys keep their order, so the diff of the data file stays small)."""
    if key in node:
        node[key] = value
        return node
    before = NODE_KEYS[:NODE_KEYS.index(key)]
    items = list(node.items())
    at = max([i + 1 for i, (k, _) in enumerate(items) if k in before], default=len(items))
    items.insert(at, (key, value))
    return dict(items)


def annotate(model):
    """Write the illustrative sizes and costs into a model dict (in place); returns it."""
    out = []
    for n in model["nodes"]:
        n = dict(n)
        if n["kind"] == "target_group" and n["id"] in SIZES:
            n = _put(n, "size", SIZES[n["id"]])
        if n["kind"] == "intervention" and n["id"] in COSTS:
            total, count = _cost(n["id"])
            n = _put(n, "duration_hours", HOURS[n["id"]])
            n = _put(n, "cost_cents", total)
            if count is not None:
                n = _put(n, "participants", count)
            else:
                n.pop("participants", None)
            if n["id"] in ILB:
                n = _put(n, "ilb_contribution", True)
            else:
                n.pop("ilb_contribution", None)
        out.append(n)
    model["nodes"] = out
    src = model.get("source", "")
    cut = src.find(" ILLUSTRATIEF (illustrative;")
    model["source"] = (src if cut < 0 else src[:cut]) + ILLUSTRATIVE
    return model


def _write_json(path, doc):
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def build():
    model = json.loads((FOLDER / "model.json").read_text(encoding="utf-8"))
    nodes = {n["id"]: n for n in model["nodes"]}
    funded = {e["from"]: STREAMS[e["to"]] for e in model["edges"] if e["kind"] == "funded_by"}
    contributes = [e for e in model["edges"] if e["kind"] == "contributes"]
    streams = [{"id": STREAMS[n["id"]], "name": n["name"], "budget_cents": n["budget_cents"],
                **({"reserved_cents": RESERVED[STREAMS[n["id"]]]} if STREAMS[n["id"]] in RESERVED else {})}
               for n in model["nodes"] if n["kind"] == "budget_stream"]
    items = []
    for n in model["nodes"]:
        if n["kind"] != "intervention":
            continue
        covers = [e["to"] for e in contributes if e["from"] == n["id"] and e.get("strength", 25) >= MIN_STRENGTH]
        it = {"id": n["id"], "name": n["name"], "stream": funded[n["id"]]}
        # the model's cost, as koers.cost_plan reads it: per participant when it divides exactly
        total, count = n["cost_cents"], n.get("participants")
        if count and total % count == 0:
            pp = total // count
            ilb_pp = pp * ILB_SHARE[0] // ILB_SHARE[1] if n.get("ilb_contribution") else 0  # floor
            it["per_participant_cents"] = pp - ilb_pp
            it["participants"] = count
            it["cost_cents"] = (pp - ilb_pp) * count
        else:
            it["cost_cents"] = total
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
                 "Bijlage 2 with the costs is missing): the costs, participants, hours and ILB contributions written into "
                 "model.json (see koers costs --example deventer-2014); reserved_cents of 'stream.strategisch' = onvoorzien EUR 15.000 + "
                 "stelpost Organisatie van de Toekomst EUR 25.000; the max of "
                 "group 'basisvaardigheden' (the isolated basic-skills amount may not grow: at most 5 of the 6 "
                 "Tabel 6 interventions). Item, goal and stream ids are those of model.json. An item covers the (learning) goals "
                 "it contributes to with strength >= 50 in model.json; goal weight = strongest such strength / 25, "
                 "+1 for a top-level goal. Items with an ILB contribution (illustrative: Loopbaanmodules, "
                 "E-coaching, Personal branding) cost the strategic stream their cost less the ILB part, "
                 "floor(cost per participant x 1/2) per participant, which the personal development stream pays. "
                 "The 3% scenario "
                 "assumes Tabel 7 is exactly 2% of the payroll (the seed: 'ongeveer 2%'), so 3% = factor 1.5. "
                 "The participants/+10% and the move scenarios are illustrative what-ifs. "
                 "Generated by tools/make_deventer_portfolio.py."),
        "objective": "coverage",
        "streams": streams,
        "items": items,
        "goals": goals,
        "groups": [{"id": "basisvaardigheden", "items": basis, "max": 5}],
        "scenarios": [
            {"name": "strategisch -10%", "scale_budget": {"stream.strategisch": "0.9"}},
            {"name": "3% loonsom", "payroll_share": {"from": "0.02", "to": "0.03"}},
            {"name": "zonder nieuwe interventies", "drop_items": new},
            {"name": "strategisch EUR 50.000 (onhaalbaar)", "set_budget_cents": {"stream.strategisch": 50_000_00}},
            {"name": "gesprekstechnieken 60 deelnemers, kosten +10%",
             "set_participants": {"iv.gesprekstechnieken": 60}, "scale_cost": {"*": "1.1"}},
            {"name": "EUR 50.000 van persoonlijk naar strategisch",
             "move_cents": [{"from": "stream.persoonlijk", "to": "stream.strategisch", "cents": 50_000_00}]},
        ],
    }
    return doc


if __name__ == "__main__":
    m2014 = annotate(json.loads((FOLDER / "model.json").read_text(encoding="utf-8")))
    _write_json(FOLDER / "model.json", m2014)
    m2015 = annotate(json.loads((FOLDER / "model-2015.json").read_text(encoding="utf-8")))
    _write_json(FOLDER / "model-2015.json", m2015)
    doc = build()
    _write_json(FOLDER / "portfolio.json", doc)
    total = sum(i["cost_cents"] for i in doc["items"])
    print(f"{len(doc['items'])} items, {len(doc['goals'])} goals, plan cost {total} cents")
