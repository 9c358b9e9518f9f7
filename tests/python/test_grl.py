"""koers.grl across the boundary: the jUCMNav importer, evaluation results as frames, the
`koers propagate` command (JSON shape, labels, exit codes)."""
import json
import re
import threading

import pytest

import koers
from conftest import SHARED, run_cli

AMYOT = SHARED / "data" / "grl" / "idrisgrl_amyot-main.jucm"
LABELS = {"Denied", "WeaklyDenied", "None", "Conflict", "Unknown", "WeaklySatisfied", "Satisfied"}
IDR_LABELS = {"DENIED": "Denied", "WEAKDEN": "WeaklyDenied", "NONE": "None", "CONFLICT": "Conflict",
              "UNDECIDED": "Unknown", "WEAKSATIS": "WeaklySatisfied", "SATISFIED": "Satisfied"}
# names the .idr spells differently from the .jucm
IDR_ALIASES = {"High Performance": "High Performace", "Maximun Hardware Utilisation": "Maximum Hardware Utilisation"}


def _idr():
    """Amyot et al. (2010), "Evaluating goal models within the goal-oriented requirement language",
    Int. J. Intelligent Systems 25(8): the telecom example's expected qualitative results, as
    written in jfdm/idris-grl GRL/Test/Amyot.idr (../shared/data/grl/idrisgrl_Amyot_expected_results.idr).
    Returns {strategy: (inputs, expected)}, each {element name: label}."""
    text = (SHARED / "data" / "grl" / "idrisgrl_Amyot_expected_results.idr").read_text()
    names = {v: IDR_ALIASES.get(n, n) for v, n in re.findall(r'^(\w+)\s*=\s*mk\w+\s+"([^"]+)"', text, re.M)}

    def block(name):
        body = re.search(name + r"\s*=\s*buildStrategy\s*\[(.*?)\]", text, re.S).group(1)
        return {names[v]: IDR_LABELS[lab] for v, lab in re.findall(r"\((\w+)\s*,\s*(\w+)\)", body)}

    return {s: (block(s), block(s + "ExpectedResults")) for s in ("strategy1", "strategy2", "strategy4")}


def test_amyot_strategies_match_the_published_results():
    model = koers.grl.load_jucm(AMYOT)
    assert model.strategies() == ["EvaluationStrategy4", "EvaluationStrategy76", "EvaluationStrategy121"]
    assert model.default_algorithm == "qualitative"
    expected = _idr()
    matched = {}
    for name in model.strategies():
        ev = model.evaluate(name)
        frame = ev.to_frame().set_index("name")
        given = {n: r.label for n, r in frame.iterrows() if r.given and r.label != "None"}
        # which idr strategy has exactly these inputs (None inputs are the default)
        for sid, (inputs, result) in expected.items():
            if {k: v for k, v in inputs.items() if v != "None"} == given:
                matched[name] = sid
                for element, label in result.items():
                    assert frame.loc[element, "label"] == label, (name, element)
    assert matched == {"EvaluationStrategy4": "strategy1", "EvaluationStrategy76": "strategy2",
                       "EvaluationStrategy121": "strategy4"}


def test_frames_and_explanations():
    ev = koers.grl.evaluate(AMYOT, "EvaluationStrategy76", algorithm="quantitative")
    df = ev.to_frame()
    assert list(df.columns) == ["name", "kind", "value", "label", "given", "rule"]
    assert str(df["label"].dtype) == "category"
    assert df["value"].dtype == "int64"
    assert df.loc["15", "value"] == -13  # 12 - 25: jUCMNav's truncating integer arithmetic
    ex = ev.explain("Minimum Changes to Infrastructure")
    assert list(ex.columns) == ["source", "source_name", "link", "contribution", "strength", "source_value",
                                "source_label", "amount", "amount_label", "decisive"]
    assert dict(zip(ex.source_name, ex.amount, strict=True)) == {"Maximum Hardware Utilisation": 12,
                                                    "Data in New Service Node": -25,
                                                    "Data in Service Control Point": 0}
    assert "contributions" in ex.attrs["rule"]
    assert repr(ev).startswith("<Evaluation strategy='EvaluationStrategy76' algorithm=quantitative")
    with pytest.raises(koers.GraphError):
        ev.explain("no such element")
    with pytest.raises(koers.InputError):
        koers.grl.evaluate(AMYOT, "EvaluationStrategy4", algorithm="fuzzy")


def test_every_shared_jucm_loads_and_evaluates():
    for path in sorted((SHARED / "data" / "grl").glob("*.jucm")):
        model = koers.grl.load_jucm(path)
        assert repr(model).startswith("<GrlModel")
        assert len(model.elements()) > 0
        for s in model.strategies():
            labels = set(model.evaluate(s).to_frame()["label"])
            assert labels <= LABELS


def test_unknown_strategy_names_the_known_ones():
    with pytest.raises(koers.GraphError) as e:
        koers.grl.evaluate(AMYOT, "Strategy 3")
    assert e.value.code == koers.Errc.unknown_strategy
    assert "EvaluationStrategy121" in str(e.value)


def test_malformed_jucm(tmp_path):
    p = tmp_path / "x.jucm"
    p.write_text("<urn:URNspec xmlns:urn='u'><grlspec><intElements name='no id'/></grlspec></urn:URNspec>")
    with pytest.raises(koers.InputError) as e:
        koers.grl.load_jucm(p)
    assert e.value.code == 600
    p.write_text("<<<")
    with pytest.raises(koers.InputError) as e:
        koers.grl.load_jucm(p)
    assert e.value.code == 116


def test_model_evaluate_on_the_deventer_example():
    plan = koers.examples.load("deventer-2014")
    names = koers.grl.strategies(plan)
    assert names, "the Deventer example has strategies"
    ev = plan.evaluate(names[0])
    df = ev.to_frame()
    assert ev.algorithm == "quantitative"
    assert set(df["kind"]) <= {"development", "strategic_theme", "goal", "learning_goal", "intervention", "programme"}
    assert df["value"].between(-100, 100).all()
    dev = df[df.kind == "development"].index[0]
    assert len(ev.explain(dev)) > 0


def test_evaluation_releases_the_gil():
    model = koers.grl.load_jucm(AMYOT)
    results = []
    threads = [threading.Thread(target=lambda: results.append(model.evaluate("EvaluationStrategy4").label("Low Cost")))
               for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["WeaklySatisfied"] * 4


# ---- the command ------------------------------------------------------------------------
def test_cli_propagate_json_shape():
    r = run_cli("propagate", AMYOT, "--strategy", "EvaluationStrategy4", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert set(out["elements"]) >= {"Low Cost", "Minimum Switch Load", "High Performace"}
    for e in out["elements"].values():
        assert isinstance(e["value"], (int, float))
        assert e["label"] in LABELS
    assert out["elements"]["Low Cost"]["label"] == "WeaklySatisfied"
    assert out["elements"]["Minimum Switch Load"]["label"] == "Denied"
    assert out["elements"]["Minimum Message Exchange"] == {"value": 100, "label": "Satisfied", "id": "23",
                                                           "kind": "softgoal", "given": False}


def test_cli_propagate_koers_model(tmp_path):
    path = tmp_path / "plan.json"
    plan = koers.examples.load("deventer-2014")
    plan.save(path)
    strategy = koers.grl.strategies(plan)[0]
    r = run_cli("propagate", path, "--strategy", strategy, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["algorithm"] == "quantitative"
    assert all(e["label"] in LABELS for e in out["elements"].values())


def test_cli_propagate_exit_codes(tmp_path):
    # file problems: exit 2 (InputError)
    assert run_cli("propagate", tmp_path / "missing.jucm", "--strategy", "s", "--json").returncode == 2
    p = tmp_path / "bad.jucm"
    p.write_text("this is not xml")
    r = run_cli("propagate", p, "--strategy", "s", "--json")
    assert r.returncode == 2 and "E116" in r.stderr
    # an unknown strategy is a problem with the model, not the file: exit 1 (GraphError E209)
    r = run_cli("propagate", AMYOT, "--strategy", "nope", "--json")
    assert r.returncode == 1
    assert "E209" in r.stderr and "EvaluationStrategy4" in r.stderr


def test_cli_propagate_cycle_is_E201(tmp_path):
    p = tmp_path / "cycle.json"
    p.write_text(json.dumps({
        "format": "koers.model", "version": 1, "name": "cycle",
        "nodes": [{"id": "g1", "kind": "goal", "name": "G1"}, {"id": "g2", "kind": "goal", "name": "G2"},
                  {"id": "i", "kind": "intervention", "name": "I", "status": "new"}],
        "edges": [{"kind": "decomposes", "from": "g1", "to": "g2"}, {"kind": "decomposes", "from": "g2", "to": "g1"},
                  {"kind": "contributes", "from": "i", "to": "g1", "strength": "help"}],
        "strategies": [{"name": "s", "values": {"i": 100}}]}))
    r = run_cli("propagate", p, "--strategy", "s", "--json")
    assert r.returncode == 1
    assert "E201" in r.stderr and "'G1'" in r.stderr and "'G2'" in r.stderr


def test_cli_propagate_defaults_to_the_first_strategy_and_labels_columns(tmp_path):
    r = run_cli("propagate", AMYOT, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["strategy"] == koers.grl.strategies(AMYOT)[0]
    t = run_cli("propagate", AMYOT)
    lines = t.stdout.splitlines()
    assert lines[0].startswith(f"strategy: {koers.grl.strategies(AMYOT)[0]}")
    assert lines[1].split() == ["value", "label", "element"]


def test_cli_propagate_without_any_strategy_is_E209(tmp_path):
    p = tmp_path / "plain.json"
    p.write_text(json.dumps({"format": "koers.model", "version": 1, "nodes": [
        {"id": "g", "kind": "goal", "name": "G"}], "edges": []}))
    r = run_cli("propagate", p, "--json")
    assert r.returncode == 1 and "E209" in r.stderr and "no evaluation strategy" in r.stderr
    assert r.stdout == ""


def test_cli_propagate_takes_an_example_like_the_other_commands():
    # `koers propagate --example NAME` reads the example's model (the one "FILE or --example"
    # helper); the same result as the file itself; neither or both is a usage error (exit 2)
    path = koers.examples.path("deventer-2014", "model.json")
    by_example = run_cli("propagate", "--example", "deventer-2014", "--json")
    by_file = run_cli("propagate", path, "--json")
    assert by_example.returncode == 0, by_example.stderr
    assert json.loads(by_example.stdout) == json.loads(by_file.stdout)
    assert json.loads(by_example.stdout)["strategy"] == "plan 2014"
    assert run_cli("propagate").returncode == 2
    both = run_cli("propagate", path, "--example", "deventer-2014")
    assert both.returncode == 2 and "not both" in both.stderr
