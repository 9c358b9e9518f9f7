"""The west-betuwe-2022 strategy model against its seed.

Seed: /work/shared/seeds/004_481bb832475c1a2f.txt (gemeente West Betuwe, voortgangsrapportage 2022 van het
programma Samen West Betuws Werken). Processes: python/koers/examples/data/west-betuwe-2022/processes.json
(GEMMA business processes, VNG Realisatie, EUPL; local names and scores illustrative).
"""
import json

import pytest

import koers
from koers import examples

PV = "prog.procesverbetering"


@pytest.fixture(scope="module")
def plan():
    return examples.load("west-betuwe-2022")


@pytest.fixture(scope="module")
def processes():
    return json.loads(examples.path("west-betuwe-2022", "processes.json").read_text(encoding="utf-8"))["processes"]


def _edges(plan, kind):
    e = plan.edges()
    return e[e["kind"] == kind]


def test_loads_and_is_listed(plan):
    # koers.examples: a folder with a model.json is in names() and load() opens it
    assert "west-betuwe-2022" in examples.names()
    assert isinstance(plan, koers.Model)
    assert plan.name == "West Betuwe Samen West Betuws Werken 2022"
    assert "004_481bb832475c1a2f" in plan.to_dict()["source"]


def test_validates_without_issues(plan):
    # every goal is served by a programme (src/model_check.cpp: E204 goal_unserved)
    assert plan.check().empty, plan.check().to_string()
    plan.validate()
    assert plan.gaps() == []


def test_programme_and_its_nine_parts(plan):
    # Seed 004, Inleiding: 'Het programma Samen West Betuws Werken ... In de subsidieaanvraag onderscheiden we
    # verschillende onderdelen'; the headings: Model voor Lerend Veranderen, Nieuwsbrief SWBW, Leercafé 2022 en
    # NetWerkdag, Project procesverbetering, HR-gesprekscyclus, Pilot teamontwikkeling,
    # Managementontwikkeltraject, Academie ('West Betuwe Academie'), Coördinatiepunt Lerende Organisatie
    progs = plan.nodes("programme")
    assert plan.counts()["programme"] == 10
    names = set(progs["name"])
    assert names == {
        "Samen West Betuws Werken", "Model voor Lerend Veranderen", "Nieuwsbrief SWBW",
        "Leercafé 2022 en NetWerkdag Samen West Betuws Werken 2022", "Project procesverbetering",
        "HR-gesprekscyclus", "Pilot teamontwikkeling", "Managementontwikkeltraject", "West Betuwe Academie",
        "Coördinatiepunt Lerende Organisatie"}
    part_of = _edges(plan, "part_of")
    assert len(part_of) == 9
    assert set(part_of["to"]) == {"prog.swbw"}
    assert set(part_of["from"]) == set(progs.index) - {"prog.swbw"}


def test_procesverbetering_goals(plan):
    # Seed 004, Project procesverbetering, Aanleiding en doel: 'procesverbetering te introduceren en verankeren
    # ... het centraal zetten van de inwoner in alle werkprocessen en het effectiever en efficiënter uitvoeren
    # van het werk'
    c = _edges(plan, "contributes")
    served = set(c[c["from"] == PV]["to"])
    assert {"goal.pv.verankeren", "goal.pv.inwoner-centraal", "goal.pv.effectief-efficient"} <= served
    goals = plan.nodes("goal")
    assert goals.loc["goal.pv.inwoner-centraal", "name"] == "De inwoner centraal zetten in alle werkprocessen"
    assert goals.loc["goal.pv.effectief-efficient", "name"] == "Het werk effectiever en efficiënter uitvoeren"


def test_goals_refine_the_development_and_every_part_serves_one(plan):
    # Seed 004: every part has a 'Doel' section; the goals sit under Samen West Betuws Werken (lerende organisatie)
    refines = _edges(plan, "refines")
    goals = set(plan.nodes("goal").index)
    assert set(refines[refines["from"] == "dev.swbw"]["to"]) == goals
    c = _edges(plan, "contributes")
    assert set(plan.nodes("programme").index) <= set(c["from"])


def test_pilot_teamontwikkeling_three_requirements(plan):
    # Seed 004, Pilot teamontwikkeling, Doel: a method so that the team's ontwikkelopgave is clear, team members
    # get to know each other better and the goede gesprek over teamontwikkeling is promoted (all three)
    d = _edges(plan, "decomposes")
    assert set(d[d["from"] == "goal.team.methode"]["to"]) == {
        "goal.team.ontwikkelopgave", "goal.team.kennen", "goal.team.gesprek"}


def test_figures_in_descriptions(plan):
    progs = plan.nodes("programme")
    # Seed 004, Leercafé: '17 verschillende workshops', '171 collega's', 'gewaardeerd met 7,7 gemiddeld'
    leercafe = progs.loc["prog.leercafe", "description"]
    assert "17 workshops" in leercafe and "171 deelnemers" in leercafe and "7,7" in leercafe
    # Seed 004, HR-gesprekscyclus: '18 workshops (drie online)', 'Bijna 150 medewerkers'
    hr = progs.loc["prog.hr-gesprekscyclus", "description"]
    assert "18 workshops (drie online)" in hr and "bijna 150 medewerkers" in hr
    # Seed 004, Academie, 'Stand van zaken per: 23-6-2022'
    academie = progs.loc["prog.academie", "description"]
    for figure in ("23-6-2022", "aanmeldingen 61", "4,17", "(2022) 47", "zelf geannuleerd 9"):
        assert figure in academie, figure


def test_target_groups(plan):
    # Seed 004, Project procesverbetering: 'Inmiddels zijn er 15 collega's opgeleid op het niveau van lean Green
    # Belt'; 'Ook alle teamleiders worden opgeleid'; Managementontwikkeltraject: 'Ondersteunen van het
    # managementteam'
    tg = plan.nodes("target_group")
    assert tg.loc["tg.green-belts", "size"] == 15
    t = _edges(plan, "targets")
    assert {"tg.green-belts", "tg.teamleiders"} <= set(t[t["from"] == PV]["to"])
    assert "tg.managementteam" in set(t[t["from"] == "prog.managementontwikkeltraject"]["to"])
    assert "tg.medewerkers" in set(t[t["from"] == "prog.academie"]["to"])


def test_every_process_is_a_process_node_with_its_gemma_id(plan, processes):
    # Seed 004, Project procesverbetering: 'Eind 2021 zijn de bestaande werkprocessen in beeld gebracht, hiervoor
    # is gebruik gemaakt van de GEMMA-structuur van de VNG'; ids, names, gemma_id as in processes.json
    nodes = plan.nodes("process")
    assert len(nodes) == len(processes)
    for p in processes:
        assert p["id"] in nodes.index, p["id"]
        assert nodes.loc[p["id"], "name"] == p["name"], p["id"]
        assert nodes.loc[p["id"], "gemma_id"] == p["gemma_id"], p["id"]
        assert nodes.loc[p["id"], "domain"] == p["domain"], p["id"]


def test_procesverbetering_improves_every_process(plan, processes):
    # Seed 004, Project procesverbetering: 'Aan alle processen is een weging gehangen om te kunnen prioriteren in
    # procesverbetering'
    imp = _edges(plan, "improves")
    assert set(imp["from"]) == {PV}
    assert sorted(imp["to"]) == sorted(p["id"] for p in processes)


def test_urgent_refugee_reception_processes_exist(plan, processes):
    # Seed 004, Project procesverbetering: 'Tussen door zijn enkele werkprocessen voor vluchtelingenopvang
    # aangepakt vanwege het grote belang en urgentie.'
    urgent = [p["id"] for p in processes if p.get("urgent")]
    assert urgent
    nodes = plan.nodes("process")
    for pid in urgent:
        assert pid in nodes.index, pid
        assert "vluchtelingenopvang" in nodes.loc[pid, "name"].lower(), pid
        assert "urgent" in nodes.loc[pid, "description"].lower(), pid


def test_strategy_2022(plan):
    # Seed 004: the report on 2022; every part was carried out or started
    strategies = plan.to_dict()["strategies"]
    assert [s["name"] for s in strategies] == ["2022 zoals uitgevoerd"]
    assert set(strategies[0]["values"]) == set(plan.nodes("programme").index)
    plan.evaluate("2022 zoals uitgevoerd")


def test_cli_analyse_example(plan):
    # koers analyse --example west-betuwe-2022 --json (tests/python/conftest.py run_cli)
    from conftest import run_cli
    r = run_cli("analyse", "--example", "west-betuwe-2022", "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["valid"] is True and d["gaps"] == []
    assert d["counts"]["programme"] == 10 and d["counts"]["process"] == 36
