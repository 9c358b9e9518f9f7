"""ArchiMate exchange format from Python and the command line: the shared files (ArchiSurance,
GEMMA 2023 and 2026, read in place from ../shared, never copied), round trips that validate
against the exchange XSD with xmllint, hostile files made here, the diff and the mapping."""
import json
import shutil
import subprocess

import pytest

import koers
from koers import archimate
from conftest import ROOT, SHARED, run_cli

XSD = SHARED / "data" / "archimate" / "archimate3_exchange.xsd"
GEMMA26 = SHARED / "data" / "gemma" / "gemma-2026-06-30.xml"
GEMMA23 = SHARED / "data" / "gemma" / "gemma-2023-06-08.xml"
ARCHISURANCE = SHARED / "data" / "archimate" / "ogxml_archisurance_exchange.xml"
ROUND_TRIP = [GEMMA26, GEMMA23, ARCHISURANCE]


def xmllint(path):
    """Validate with xmllint against the XSD, offline (libxml2-utils; make test installs it)."""
    exe = shutil.which("xmllint")
    assert exe, "xmllint is missing: make deps installs libxml2-utils"
    r = subprocess.run([exe, "--nonet", "--noout", "--schema", str(XSD), str(path)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]


def test_shared_files_are_there():
    for p in ROUND_TRIP + [XSD]:
        assert p.exists(), p


def test_read_gemma_2026_counts_from_sources_md():
    m = archimate.read(GEMMA26)
    s = m.stats()
    assert sum(s["elements"].values()) == 3006
    assert sum(s["relationships"].values()) == 6257
    assert s["property_definitions"] == 63
    assert s["elements"]["BusinessProcess"] == 177 and s["elements"]["Requirement"] == 106
    assert s["views"] == 0


@pytest.mark.parametrize("path", ROUND_TRIP, ids=lambda p: p.name)
def test_round_trip_validates_and_keeps_everything(path, tmp_path):
    a = archimate.read(path)
    out = tmp_path / "out.xml"
    a.write(out)
    xmllint(out)
    b = archimate.read(out)
    assert b.stats() == a.stats()
    assert b == a  # every element, relationship, property, organization item, the views' XML
    # contents, checked independently of the C++ equality: names and properties per element
    for x, y in zip(a.elements, b.elements, strict=True):
        assert (x.id, x.type, [(t.lang, t.text) for t in x.names]) == (y.id, y.type, [(t.lang, t.text) for t in y.names])
        assert a.properties_of(x) == b.properties_of(y)


def test_cli_stats_import_export(tmp_path):
    r = run_cli("archimate", "stats", ARCHISURANCE, "--json")
    assert r.returncode == 0, r.stderr
    stats = json.loads(r.stdout)
    assert set(stats) == {"elements", "relationships", "property_definitions", "organizations", "views"}
    assert stats["views"] == 17 and stats["property_definitions"] == 3
    assert stats["relationships"]["Access"] == 14
    model = tmp_path / "model.json"
    r = run_cli("archimate", "import", ARCHISURANCE, "-o", model)
    assert r.returncode == 0, r.stderr
    assert json.loads(model.read_text())["format"] == "koers.archimate"
    out = tmp_path / "out.xml"
    r = run_cli("archimate", "export", model, "-o", out)
    assert r.returncode == 0, r.stderr
    xmllint(out)
    r = run_cli("archimate", "stats", out, "--json")
    assert json.loads(r.stdout) == stats


def test_export_deventer_plan_validates_and_reads_back(tmp_path):
    plan = koers.examples.load("deventer-2014")
    saved = tmp_path / "plan.json"
    plan.save(saved)
    out = tmp_path / "plan.xml"
    r = run_cli("archimate", "export", saved, "-o", out)
    assert r.returncode == 0, r.stderr
    xmllint(out)
    m = archimate.read(out)
    s = m.stats()
    assert s["views"] == plan.counts()["development"] == 3
    assert s["elements"]["WorkPackage"] == plan.counts()["intervention"] + plan.counts()["programme"]
    assert s["elements"]["Driver"] == 3
    back = m.to_model()
    assert back.unmapped == {"elements": [], "relationships": []}
    assert back == plan  # the same graph: nodes with every field, edges with strengths, strategies


def test_mapping_table_is_one_table():
    assert set(archimate.NODE_MAPPINGS.kind) >= {"development", "goal", "learning_goal", "intervention", "process"}
    primary = archimate.NODE_MAPPINGS[archimate.NODE_MAPPINGS.primary]
    assert primary.kind.is_unique  # one ArchiMate type per koers kind when writing
    assert "Influence" in set(archimate.EDGE_MAPPINGS.archimate_type)
    assert dict(zip(archimate.MODIFIER_MAPPINGS.label, archimate.MODIFIER_MAPPINGS.modifier, strict=True))["make"] == "++"


def test_gemma_processes_and_motivation_graph():
    m = archimate.read(GEMMA26)
    procs = m.processes()
    assert len(procs) == 177
    assert {"Object ID", "GEMMA type"} <= set(procs.columns)
    wb = json.loads(koers.examples.path("west-betuwe-2022", "processes.json").read_text(encoding="utf-8"))["processes"]
    for p in wb:  # every West Betuwe process maps onto a GEMMA business process of 2026, by name as the example says
        assert procs.loc[p["gemma_id"], "name"] == p["gemma_name"]
        assert procs.loc[p["gemma_id"], "Object ID"] == p["gemma_object_id"]
    mot = m.motivation()
    counts = mot.counts()
    s = m.stats()["elements"]
    assert counts["development"] == s["Driver"]
    assert counts["goal"] == s["Goal"]
    assert counts["learning_goal"] == s["Requirement"] + s.get("Outcome", 0)
    assert mot.graph.edge_count() > 0
    mot.check()  # the existing validation runs on it


def test_diff_gemma_2023_2026_and_west_betuwe(tmp_path):
    a, b = archimate.read(GEMMA23), archimate.read(GEMMA26)
    d = a.diff(b)
    dd = d.to_dict()
    ids_a = {e.id for e in a.elements}
    ids_b = {e.id for e in b.elements}
    assert set(dd["elements"]["added"]) == ids_b - ids_a
    assert set(dd["elements"]["removed"]) == ids_a - ids_b
    assert len(dd["elements"]["added"]) - len(dd["elements"]["removed"]) == 3006 - 2125
    rel_a = {r.id for r in a.relationships}
    rel_b = {r.id for r in b.relationships}
    assert set(dd["relationships"]["added"]) == rel_b - rel_a
    # changed: same id, some field differs — check against a direct comparison of names
    renamed = {i for i in ids_a & ids_b if a.element(i).names[0].text != b.element(i).names[0].text}
    assert renamed == set(d.elements[d.elements.status == "renamed"].index)
    assert renamed <= set(dd["elements"]["changed"])
    r = run_cli("archimate", "diff", GEMMA23, GEMMA26, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == dd
    aff = archimate.affected_processes(d)
    assert len(aff) == 36
    assert set(aff.status) <= {"removed", "added", "renamed", "changed", "relationships", "unchanged"}
    for _, row in aff.iterrows():
        if row.status == "removed":
            assert row.gemma_id in dd["elements"]["removed"]
        if row.status == "added":
            assert row.gemma_id in dd["elements"]["added"]
        if row.status == "unchanged":
            assert a.element(row.gemma_id) is not None and row.gemma_id not in dd["elements"]["changed"]
        if row.status in ("renamed", "changed"):
            assert row.gemma_id in dd["elements"]["changed"]


HEAD = ('<?xml version="1.0"?>\n<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m"><name>x</name>')

HOSTILE = {
    "not_xml": ("plain text, no XML", 116),
    "truncated": (HEAD + "<elements><element identifier=\"a\" xsi:type=\"Goal\"><name>a", 116),
    "archimate2": ('<model xmlns="http://www.opengroup.org/xsd/archimate" identifier="m"><name>x</name></model>', 602),
    "archi_native": ('<archimate:model xmlns:archimate="http://www.archimatetool.com/archimate" name="x"/>', 603),
    "unknown_type": (HEAD + '<elements><element identifier="a" xsi:type="Gadget"><name>a</name></element></elements></model>', 604),
    "dangling": (HEAD + '<elements><element identifier="a" xsi:type="Goal"><name>a</name></element></elements>'
                 '<relationships><relationship identifier="r" source="a" target="zz" xsi:type="Influence"/></relationships></model>', 605),
    "duplicate": (HEAD + '<elements><element identifier="a" xsi:type="Goal"><name>a</name></element>'
                  '<element identifier="a" xsi:type="Goal"><name>b</name></element></elements></model>', 606),
    "bad_id": (HEAD + '<elements><element identifier="9a" xsi:type="Goal"><name>a</name></element></elements></model>', 607),
    "unknown_property": (HEAD + '<elements><element identifier="a" xsi:type="Goal"><name>a</name><properties>'
                         '<property propertyDefinitionRef="p"><value>v</value></property></properties></element></elements></model>', 608),
    "billion_laughs": ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                       + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
                       + ']>\n<model>&lol9;</model>', 609),
    "xxe": ('<?xml version="1.0"?>\n<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<model>&x;</model>', 609),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_refused_with_code_line_and_nothing_on_stdout(name, tmp_path):
    text, code = HOSTILE[name]
    p = tmp_path / f"{name}.xml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(koers.InputError) as e:
        archimate.read(p)
    assert e.value.code == code
    assert f"{p.name}'" in str(e.value) and ":" in str(e.value)
    r = run_cli("archimate", "stats", p, "--json")
    assert r.returncode == 2
    assert r.stdout == ""
    assert f"E{code}" in r.stderr
    assert "root:" not in r.stderr and "Traceback" not in r.stderr


def test_line_is_named():
    text = HEAD + '\n<elements>\n<element identifier="a" xsi:type="Gadget"><name>a</name></element></elements></model>'
    with pytest.raises(koers.InputError) as e:
        archimate.loads(text, "f.xml")
    assert "f.xml:4:" in str(e.value) and 'identifier="a"' in str(e.value)


def test_json_form_matches_its_schema(tmp_path):
    import jsonschema
    schema = json.loads((ROOT / "schemas" / "archimate.schema.json").read_text())
    for path in (ARCHISURANCE, SHARED / "data" / "archimate" / "archi_Sample1.xml"):
        jsonschema.validate(json.loads(archimate.read(path).to_json()), schema)
    jsonschema.validate(json.loads(archimate.from_model(koers.examples.load("deventer-2014")).to_json()), schema)


@pytest.mark.parametrize("where", ["extension", "views", "items"])
def test_deep_nesting_is_bounded(where):
    """200,000 nested elements: kept as XML text (extensions, views) or refused (organization items
    nest at most 256 deep) — never a stack overflow."""
    n = 200_000
    head = HEAD.replace('identifier="m"', 'xmlns:x="urn:x" identifier="m"')
    body = {"extension": '<elements><element identifier="a" xsi:type="Goal"><name>a</name>' + "<x:a>" * n + "</x:a>" * n
                         + "</element></elements>",
            "views": "<views><diagrams>" + "<x:a>" * n + "</x:a>" * n + "</diagrams></views>",
            "items": "<organizations>" + "<item>" * n + "</item>" * n + "</organizations>"}[where]
    text = head + body + "</model>"
    if where == "items":
        with pytest.raises(koers.InputError) as e:
            archimate.loads(text, "deep.xml")
        assert e.value.code == 601 and "256" in str(e.value)
    else:
        m = archimate.loads(text, "deep.xml")
        assert archimate.loads(m.to_xml(), "again") == m


def test_motivation_graph_runs_the_analyses():
    mot = archimate.read(GEMMA26).motivation()
    problems = mot.check()
    # GEMMA is no learning plan: goals without interventions are reported (E204), nothing breaks
    assert set(problems.code) <= {"E204", "E205", "E207"}, problems.code.value_counts()
    cov = mot.coverage()
    assert len(cov.gaps) == (problems.code == "E204").sum()
    some_goal = mot.nodes("goal").index[0]
    mot.trace_up(some_goal)
    assert mot.unmapped["elements"] and mot.unmapped["relationships"]


def test_model_pickles():
    import pickle
    m = archimate.read(ARCHISURANCE)
    back = pickle.loads(pickle.dumps(m))
    assert back == m and back.stats() == m.stats()


def test_west_betuwe_processes_joined_to_gemma():
    m26, m23 = archimate.read(GEMMA26), archimate.read(GEMMA23)
    j = archimate.mapped_processes(m26)
    assert len(j) == 36 and j.in_model.all()
    assert (j["gemma:name"] == j["gemma_name"]).all()  # the example's names are GEMMA 2026's
    assert (j["gemma:Object ID"] == j["gemma_object_id"]).all()
    assert (j["gemma:type"] == "BusinessProcess").all()
    assert (j["gemma:parent"] == j["gemma_parent"]).all()
    old = archimate.mapped_processes(m23)
    assert old.in_model.sum() == sum(m23.element(g) is not None for g in j.gemma_id)


def test_cli_diff_text_and_processes():
    dd = archimate.read(GEMMA23).diff(archimate.read(GEMMA26)).to_dict()["elements"]
    r = run_cli("archimate", "diff", GEMMA23, GEMMA26, "--processes", "--limit", "2")
    assert r.returncode == 0, r.stderr
    assert f"elements: {len(dd['added'])} added, {len(dd['removed'])} removed, {len(dd['changed'])} changed" in r.stdout
    assert "West Betuwe processes affected:" in r.stdout
    r = run_cli("archimate")
    assert r.returncode == 2 and "ACTION" in r.stderr


@pytest.mark.parametrize("path", [GEMMA26, GEMMA23], ids=lambda p: p.name)
def test_cli_import_export_gemma_same_stats_and_valid(path, tmp_path):
    model, out = tmp_path / "model.json", tmp_path / "out.xml"
    assert run_cli("archimate", "import", path, "-o", model).returncode == 0
    r = run_cli("archimate", "export", model, "-o", out)
    assert r.returncode == 0, r.stderr
    xmllint(out)
    a = json.loads(run_cli("archimate", "stats", path, "--json").stdout)
    b = json.loads(run_cli("archimate", "stats", out, "--json").stdout)
    assert a == b and sum(a["elements"].values()) > 2000
    assert archimate.read(out) == archimate.read(path)


def test_hostile_koers_properties_are_refused_with_a_code():
    """The 'koers node' property is koers.model JSON: a deep or broken one is an InputError, not a crash."""
    for value, code in (("[" * 100_000, 108), ("{not json", 101)):
        text = (HEAD + '<elements><element identifier="a" xsi:type="Goal"><name>a</name><properties>'
                '<property propertyDefinitionRef="p"><value>' + value + '</value></property></properties></element>'
                '</elements><propertyDefinitions><propertyDefinition identifier="p" type="string"><name>koers node</name>'
                '</propertyDefinition></propertyDefinitions></model>')
        m = archimate.loads(text, "k.xml")
        with pytest.raises(koers.InputError) as e:
            m.to_model()
        assert e.value.code == code
