"""The embedded examples: names, paths, errors, and the Deventer model against its seed.

Seed: /work/shared/seeds/000_b2e3445de29c70ff.txt (gemeente Deventer, strategisch leer &
ontwikkelplan 2014-2017). West Betuwe: seeds/004_481bb832475c1a2f.txt (Project procesverbetering)
and shared/data/gemma/gemma-2026-06-30.xml (GEMMA, EUPL).
"""
import json

import pytest

import koers
from koers import examples


@pytest.fixture(scope="module")
def plan():
    return examples.load("deventer-2014")


# ---- names, paths, errors ----------------------------------------------------------------

def test_names_lists_the_examples():
    # deventer-2014 and west-betuwe-2022 (model.json since test_example_west_betuwe.py) have a strategy model
    assert "deventer-2014" in examples.names()
    assert "west-betuwe-2022" in examples.names()
    assert {"deventer-2014", "west-betuwe-2022"} <= set(examples.all_names())
    assert examples.names() == sorted(examples.names())


def test_path_points_at_files():
    p = examples.path("deventer-2014")
    assert p.name == "model.json" and p.is_file()
    q = examples.path("west-betuwe-2022", "processes.json")
    assert q.is_file()
    assert json.loads(q.read_text(encoding="utf-8"))["format"] == "koers.processes"


def test_unknown_name_raises_input_error_listing_known_names():
    with pytest.raises(koers.InputError) as info:
        examples.load("amsterdam-2030")
    assert info.value.code == koers.Errc.unknown_name
    assert "deventer-2014" in str(info.value)
    assert info.value.element == "amsterdam-2030"
    with pytest.raises(koers.InputError) as info:
        examples.path("amsterdam-2030")
    assert info.value.code == koers.Errc.unknown_name
    # a data file that is not a strategy model cannot be load()ed
    with pytest.raises(koers.InputError):
        examples.load("west-betuwe-2022", "processes")


def test_unknown_file_and_escape_refused():
    with pytest.raises(koers.InputError) as info:
        examples.path("deventer-2014", "nope.json")
    assert info.value.code == koers.Errc.unknown_name
    with pytest.raises(koers.InputError):
        examples.path("deventer-2014", "../west-betuwe-2022/processes.json")


# ---- Deventer 2014 against the seed ------------------------------------------------------

def test_interventions_per_table(plan):
    # Seed 000: Tabel 1 (HNW) 10, Tabel 2 (Mobiliteit) 11, Tabel 3 (Vermogen tot verbinden) 1,
    # Tabel 4 (Hostmanship) 1, Tabel 5 (Zaakgericht werken) 1, Tabel 6 (basis) 6 = 30
    iv = plan.interventions()
    assert iv["table"].value_counts().to_dict() == {
        "Tabel 1": 10, "Tabel 2": 11, "Tabel 3": 1, "Tabel 4": 1, "Tabel 5": 1, "Tabel 6": 6}
    assert len(iv) == 30
    assert plan.counts()["intervention"] == 30


def test_developments_themes_and_goals(plan):
    c = plan.counts()
    # Seed 000, hoofdstuk 3: three developments (3.1-3.3) and three strategic themes (3.4)
    assert c["development"] == 3 and c["strategic_theme"] == 3
    edges = plan.edges()
    refines = edges[edges["kind"] == "refines"]
    goals = set(plan.nodes("goal").index)
    # Seed 000, par. 3.1: six HNW goals ('Wat willen we met HNW als organisatie bereiken?')
    assert len(set(refines[refines["from"] == "dev.hnw"]["to"]) & goals) == 6
    # Seed 000, par. 3.2: three Mobiliteit goals ('De belangrijkste doelen zijn dan ook')
    assert len(set(refines[refines["from"] == "dev.mobiliteit"]["to"]) & goals) == 3
    names = set(plan.nodes("goal")["name"])
    assert "Sturen op output/outcome voor betere resultaten" in names
    assert "Het verhogen van de eigen verantwoordelijkheid op je loopbaan" in names


def test_budget_streams_exact(plan):
    # Seed 000, par. 4.2, Tabel 7: Strategisch 314.777,00; Functioneel 314.594,00;
    # Persoonlijke ontwikkeling 357.451,62; total 986.822,62
    b = plan.budgets_cents()
    assert b["stream.strategisch"] == 31477700
    assert b["stream.functioneel"] == 31459400
    assert b["stream.persoonlijk"] == 35745162
    assert sum(b.values()) == 98682262
    assert plan.total_budget() == koers.Money("€ 986.822,62")
    assert set(plan.streams()["year"]) == {2014}


def test_model_validates_without_issues(plan):
    assert plan.check().empty, plan.check().to_string()
    plan.validate()
    assert plan.gaps() == []


def test_every_intervention_has_the_seed_fields(plan):
    # Seed 000, Tabel 1-6: columns Leerinterventie, Doel, Inhoud, Doelgroep; status from
    # (nieuw)/(bestaand)/(deels bestaand). Tabel 6 gives no Inhoud for 'Omgaan met agressie en geweld'.
    iv = plan.interventions()
    no_inhoud = {"iv.agressie-en-geweld"}
    for iid, row in iv.iterrows():
        assert isinstance(row["doel"], str) and row["doel"], iid
        assert isinstance(row["doelgroep"], str) and row["doelgroep"], iid
        assert row["status"] in ("new", "existing", "partly_existing"), iid
        assert row["channel"] in ("on_the_job", "with_others", "formal"), iid
        if iid not in no_inhoud:
            assert isinstance(row["inhoud"], str) and row["inhoud"], iid
    assert iv["inhoud"].isna().sum() == 1


def test_status_and_mandatory_from_seed(plan):
    iv = plan.interventions().set_index("name")
    # Tabel 1: 'Spelsimulatie HNW (nieuw)', 'Gesprekstechnieken (bestaand)', 'Feedback (deels bestaand)'
    assert iv.loc["Spelsimulatie HNW", "status"] == "new"
    assert iv.loc["Gesprekstechnieken", "status"] == "existing"
    assert iv.loc["Feedback", "status"] == "partly_existing"
    # Tabel 6: only 'Omgaan met agressie en geweld' is verplicht ('(= verplicht)' in Doelgroep)
    assert list(iv.index[iv["mandatory"]]) == ["Omgaan met agressie en geweld"]
    # Status counts, counted in the seed: Tabel 1 nieuw 4 / bestaand 1 / deels 5; Tabel 2 6 / 4 / 1;
    # Tabel 3-5 nieuw 3; Tabel 6 1 / 3 / 2; total nieuw 14, bestaand 8, deels bestaand 8
    assert iv["status"].value_counts().to_dict() == {"new": 14, "existing": 8, "partly_existing": 8}
    per_table = iv.groupby("table", observed=True)["status"].value_counts().unstack(fill_value=0)
    assert per_table.loc["Tabel 1"].to_dict() == {"new": 4, "existing": 1, "partly_existing": 5}
    assert per_table.loc["Tabel 2"].to_dict() == {"new": 6, "existing": 4, "partly_existing": 1}
    assert per_table.loc["Tabel 6"].to_dict() == {"new": 1, "existing": 3, "partly_existing": 2}


def test_all_interventions_funded_by_strategic_budget(plan):
    # Seed 000, par. 3.5 and 4.2: the interventions of this plan are paid from the strategisch opleidingsbudget
    e = plan.edges()
    funded = e[(e["kind"] == "funded_by") & (e["to"] == "stream.strategisch")]["from"]
    assert set(plan.interventions().index) <= set(funded)


def test_strategies_present(plan):
    names = [s["name"] for s in plan.to_dict()["strategies"]]
    assert names == ["plan 2014", "zonder nieuwe interventies"]


def test_model_2015_variant_loads_and_differs(plan):
    # Illustrative autumn recalibration (seed 000, hoofdstuk 2 'Jaarlijkse herijking'; not from the seed's tables)
    v2015 = examples.load("deventer-2014", "model-2015")
    assert v2015.check().empty, v2015.check().to_string()
    assert v2015.counts()["intervention"] == 28
    assert examples.load("deventer-2014", "model-2015.json") == v2015
    assert not plan.diff(v2015).empty
    with pytest.raises(koers.InputError) as info:
        examples.load("deventer-2014", "model-1999")
    assert info.value.code == koers.Errc.unknown_name and "model-2015" in str(info.value)


# ---- West Betuwe 2022 processes ----------------------------------------------------------

@pytest.fixture(scope="module")
def processes():
    return json.loads(examples.path("west-betuwe-2022", "processes.json").read_text(encoding="utf-8"))


CRITERIA = ["bestuurlijke_prioriteiten", "dienstverlening", "bedrijfsvoering", "financiele_impact",
            "structurele_problemen"]


def test_processes_have_the_five_criteria(processes):
    # Seed 004, Project procesverbetering: 'Bij de weging wordt gekeken naar bestuurlijke prioriteiten, invloed op
    # de dienstverlening en bedrijfsvoering, financiële impact van een proces en de structurele problemen in processen.'
    assert [c["id"] for c in processes["criteria"]] == CRITERIA
    ps = processes["processes"]
    assert 30 <= len(ps) <= 40
    assert len({p["id"] for p in ps}) == len(ps)
    for p in ps:
        assert list(p["scores"]) == CRITERIA, p["id"]
        assert all(isinstance(v, int) and 1 <= v <= 5 for v in p["scores"].values()), p["id"]
        assert 40 <= p["hours"] <= 200, p["id"]
        assert p["gemma_id"].startswith("id-") and p["gemma_name"], p["id"]
    # the scores are not from the report: the file says so
    assert "illustrative" in processes["note"].lower()


def test_refugee_reception_is_urgent_and_mandatory(processes):
    # Seed 004: 'Tussen door zijn enkele werkprocessen voor vluchtelingenopvang aangepakt vanwege het grote belang
    # en urgentie.'
    urgent = [p for p in processes["processes"] if p["urgent"]]
    assert urgent and all("vluchtelingenopvang" in p["name"].lower() and p["mandatory"] for p in urgent)
    assert all(not p["urgent"] for p in processes["processes"] if "vluchtelingenopvang" not in p["name"].lower())


def test_processes_credit_gemma(processes):
    # shared/data/gemma/SOURCES.md: 'Licence: ... European Union Public Licence (EUPL). Credit: VNG Realisatie, GEMMA.'
    assert "VNG Realisatie, GEMMA" in processes["credit"] and "EUPL" in processes["credit"]


def test_processes_exist_in_gemma(processes):
    # shared/data/gemma/gemma-2026-06-30.xml: every gemma_id is a BusinessProcess with that name
    import pathlib
    import xml.etree.ElementTree as ET
    gemma = pathlib.Path(__file__).resolve().parents[3] / "shared" / "data" / "gemma" / "gemma-2026-06-30.xml"
    assert gemma.is_file(), f"the shared GEMMA model must lie beside the repository: {gemma}"
    a = "{http://www.opengroup.org/xsd/archimate/3.0/}"
    xsi = "{http://www.w3.org/2001/XMLSchema-instance}type"
    found = {}
    for e in ET.parse(gemma).getroot().find(a + "elements"):
        if e.get(xsi) == "BusinessProcess":
            found[e.get("identifier")] = e.find(a + "name").text
    for p in processes["processes"]:
        assert found.get(p["gemma_id"]) == p["gemma_name"], p["id"]
