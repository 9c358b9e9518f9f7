"""koers.ahp across the Python boundary: published vectors, numpy cross-check, frames, pickle, CLI, bad files."""
import json
import pickle

import numpy as np
import pandas as pd
import pytest

import koers
from koers import ahp
from koers.errors import InputError, RankingError

from conftest import run_cli

# Relative consumption of drinks in the US: Saaty (1980); Saaty (2008), Int. J. Services Sciences 1(1):83-98;
# judgments and expected values as in AHPy's tests/test_ahp.py.
DRINKS = ["coffee", "wine", "tea", "beer", "soda", "milk", "water"]
DRINK_JUDGMENTS = [
    ("coffee", 9, "wine"), ("coffee", 5, "tea"), ("coffee", 2, "beer"), ("coffee", 1, "soda"), ("coffee", 1, "milk"),
    ("water", 2, "coffee"), ("water", 9, "wine"), ("water", 9, "tea"), ("water", 3, "beer"), ("water", 2, "soda"),
    ("water", 3, "milk"), ("tea", 3, "wine"), ("beer", 9, "wine"), ("beer", 3, "tea"), ("beer", 1, "milk"),
    ("soda", 9, "wine"), ("soda", 4, "tea"), ("soda", 2, "beer"), ("soda", 2, "milk"), ("milk", 9, "wine"),
    ("milk", 3, "tea")]
DRINK_WEIGHTS = {"beer": 0.116, "coffee": 0.177, "milk": 0.129, "soda": 0.190, "tea": 0.042, "water": 0.327, "wine": 0.019}

# Bozóki, Fülöp & Rónyai (2010), Math. Comput. Modelling 52:318-333, 4x4 example with a_cd missing (AHPy tests).
BOZOKI = {"format": "koers.ahp", "version": 1, "elements": ["a", "b", "c", "d"],
          "judgments": [{"a": "a", "b": "b", "value": 1}, {"a": "a", "b": "c", "value": 5}, {"a": "a", "b": "d", "value": 2},
                        {"a": "b", "b": "c", "value": 3}, {"a": "b", "b": "d", "value": 4}],
          "ri_table": "donegan-dodd"}

WB = koers.examples.path("west-betuwe-2022", "ahp.json") if hasattr(koers.examples, "path") else None


def test_drinks_priorities_and_cr():
    a = ahp.AHP(DRINKS, DRINK_JUDGMENTS, ri_table="saaty2005")
    p = a.priorities()
    assert list(p.index) == DRINKS
    assert p.round(3).to_dict() == pytest.approx(DRINK_WEIGHTS, abs=1e-12)
    c = a.consistency()
    assert round(c["cr"], 3) == 0.022
    assert c["ri"] == 1.35 and c["ri_table"] == "saaty2005" and c["ri_source"] == "table"
    assert a.ranking()[0] == "water"
    dd = ahp.AHP(DRINKS, DRINK_JUDGMENTS, ri_table="donegan-dodd")
    assert round(dd.consistency()["cr"], 4) == 0.0235


def test_bozoki_completion():
    r = ahp.analyse(BOZOKI)
    assert len(r["completed"]) == 1
    c = r["completed"][0]
    assert (c["a"], c["b"]) == ("c", "d")
    assert c["value"] == pytest.approx(0.730297106886979, rel=1e-4)
    assert {k: round(v, 4) for k, v in r["weights"].items()} == {"a": 0.3738, "b": 0.392, "c": 0.0985, "d": 0.1357}
    assert round(r["cr"], 4) == 0.0372
    a = ahp.AHP.from_dict(BOZOKI)
    assert a.completed().shape == (1, 3)


@pytest.mark.parametrize("n", [3, 4, 6, 9, 15])
def test_eigenvector_matches_numpy(n):
    rng = np.random.default_rng(n)
    scale = np.array([1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9, 2, 0.5])
    m = np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            m[i, j] = rng.choice(scale)
            m[j, i] = 1 / m[i, j]
    vals, vecs = np.linalg.eig(m)
    k = int(np.argmax(vals.real))
    ref = np.abs(vecs[:, k].real)
    ref /= ref.sum()
    vec, lam = ahp.principal_eigen(m)
    assert lam == pytest.approx(vals[k].real, rel=1e-10)
    assert np.max(np.abs(vec - ref)) < 1e-10
    # the same through named judgments
    names = [f"e{i}" for i in range(n)]
    js = [(names[i], float(m[i, j]), names[j]) for i in range(n) for j in range(i + 1, n)]
    a = ahp.AHP(names, js)
    assert np.max(np.abs(a.priorities().to_numpy() - ref)) < 1e-10
    assert a.consistency()["lambda_max"] == pytest.approx(vals[k].real, rel=1e-10)
    gm = np.exp(np.log(m).mean(axis=1))
    assert np.allclose(ahp.geometric_mean(m), gm / gm.sum())


def test_judge_phrasing_dataframe_and_frames():
    a = ahp.AHP(["x", "y", "z"])
    a.judge("x", 3, "y").judge("z", 2, "y")
    assert repr(a) == "<AHP elements=3 judgments=2 missing=1>"
    m = a.matrix()
    assert list(m.index) == ["x", "y", "z"] and list(m.columns) == ["x", "y", "z"]
    assert m.loc["x", "y"] == 3 and m.loc["y", "x"] == pytest.approx(1 / 3)
    assert m.loc["x", "z"] == pytest.approx(1.5)  # completed: consistent with the two judgments
    df = pd.DataFrame({"a": ["x", "z"], "b": ["y", "y"], "value": [3, 2]})
    b = ahp.AHP(["x", "y", "z"], df)
    assert b == a
    assert list(a.judgments().columns) == ["a", "b", "value"]
    t = ahp.AHP(["x", "y", "z"], [("x", 2, "y"), ("y", 3, "z"), ("x", 5, "z")]).inconsistent_triads()
    assert list(t.columns) == ["i", "j", "k", "a_ij", "a_jk", "a_ik", "implied_a_ik", "index"]
    assert t.loc[0, "index"] == pytest.approx(1 / 6)
    assert ahp.koczkodaj_triad(2, 3, 5) == pytest.approx(1 / 6)


def test_save_load_pickle(tmp_path):
    a = ahp.AHP(DRINKS, DRINK_JUDGMENTS, name="drinks", priorities="geometric", ri_table="aguaron")
    path = tmp_path / "drinks.json"
    a.save(path)
    b = ahp.load(path)
    assert isinstance(b, ahp.AHP) and b == a
    assert b.result()["priority_method"] == "geometric"
    c = pickle.loads(pickle.dumps(a))
    assert c == a
    assert c.priorities().equals(a.priorities())
    assert a.__getstate__()[0] == ahp.PICKLE_VERSION


def test_group_aij_aip_and_disagreement():
    g = ahp.Group(["x", "y", "z"], {"one": [("x", 2, "y"), ("y", 2, "z"), ("x", 4, "z")],
                                    "two": [("x", 1, "y"), ("y", 1, "z"), ("x", 1, "z")]})
    s = 2 + np.sqrt(2) + 1
    assert g.priorities().to_numpy() == pytest.approx([2 / s, np.sqrt(2) / s, 1 / s], rel=1e-10)
    assert g.priorities(aggregation="aip").to_numpy() == pytest.approx([2 / s, np.sqrt(2) / s, 1 / s], rel=1e-10)
    d = g.disagreement()
    assert list(d.index) == ["one", "two"]
    assert list(d.columns) == ["weight", "judged_pairs", "gci", "distance", "max_difference", "cr", "consistent"]
    assert d["weight"].tolist() == [0.5, 0.5]
    assert d.loc["one", "gci"] == pytest.approx(d.loc["two", "gci"])
    jp = g.judge_priorities()
    assert jp.loc["two"].to_numpy() == pytest.approx([1 / 3] * 3)
    assert "judges=2" in repr(g)
    h = pickle.loads(pickle.dumps(g))
    assert h == g and isinstance(h, ahp.Group)
    w = ahp.Group(["x", "y"], [("a", [("x", 2, "y")]), ("b", [("y", 2, "x")])], weights=[3, 1])
    assert w.matrix().loc["x", "y"] == pytest.approx(2 ** 0.5)


def test_west_betuwe_example():
    r = ahp.analyse(koers.examples.path("west-betuwe-2022", "ahp.json"))
    assert r["kind"] == "group" and r["aggregation"] == "aij"
    assert set(r["weights"]) == {"bestuurlijke_prioriteiten", "dienstverlening", "bedrijfsvoering", "financiele_impact",
                                 "structurele_problemen"}
    assert sum(r["weights"].values()) == pytest.approx(1.0)
    assert len(r["judges"]) == 5
    assert any(j["completed"] for j in r["judges"].values())  # one judge left a pair out
    assert 0 <= r["cr"] < 0.1
    g = ahp.load(koers.examples.path("west-betuwe-2022", "ahp.json"))
    assert isinstance(g, ahp.Group)
    assert g.disagreement().shape == (5, 7)


def test_plots():
    import matplotlib
    matplotlib.use("Agg")
    a = ahp.AHP(DRINKS, DRINK_JUDGMENTS)
    assert a.plot_priorities() is not None
    g = ahp.load(koers.examples.path("west-betuwe-2022", "ahp.json"))
    assert g.plot_disagreement() is not None


def test_random_index():
    assert ahp.random_index(3, "saaty1980")["value"] == 0.58
    r = ahp.random_index(40, "saaty2005")
    assert r["source"] == "monte-carlo" and r["seed"] == 1998 and r["samples"] > 0
    assert ahp.random_index(22, "donegan-dodd")["source"] == "interpolated"
    with pytest.raises(RankingError) as e:
        ahp.random_index(5, "nope")
    assert e.value.code == koers.Errc.invalid_method


@pytest.mark.parametrize("js,code", [
    ([("x", 10, "y")], "judgment_out_of_range"),
    ([("x", 3, "y"), ("y", 3, "x")], "contradictory_judgment"),
    ([("x", 3, "q")], "unknown_name"),
])
def test_bad_judgments(js, code):
    with pytest.raises(koers.KoersError) as e:
        ahp.AHP(["x", "y", "z"], js)
    assert e.value.code == getattr(koers.Errc, code)


def test_errors_name_elements():
    with pytest.raises(RankingError) as e:
        ahp.AHP(["x", "y", "z"], [("x", 2, "y")]).priorities()
    assert e.value.code == koers.Errc.incomplete_judgments
    assert e.value.element == "z"
    with pytest.raises(RankingError) as e:
        ahp.Group(["x", "y"], {"a": [("x", 2, "y")], "b": []})
    assert e.value.code == koers.Errc.judge_without_judgments
    assert "b" in e.value.elements
    with pytest.raises(InputError) as e:
        ahp.AHP(["x", "x"])
    assert e.value.code == koers.Errc.duplicate_name
    with pytest.raises(InputError) as e:
        ahp.analyse({**BOZOKI, "extra": 1})
    assert e.value.code == koers.Errc.unknown_field and "/extra" in str(e.value)
    with pytest.raises(InputError) as e:
        ahp.analyse({**BOZOKI, "judgments": [{"a": "a", "b": "b", "value": 2, "why": "x"}]})
    assert e.value.code == koers.Errc.unknown_field and "/judgments/0/why" in str(e.value)


def test_a_dict_json_cannot_hold_is_refused_with_its_path():
    # the dict crosses as JSON values (translated in C++): what JSON cannot hold names its place
    with pytest.raises(InputError) as e:
        ahp.analyse({**BOZOKI, "judgments": [{"a": "a", "b": "b", "value": float("nan")}]})
    assert e.value.code == koers.Errc.not_finite and "/judgments/0/value" in str(e.value)
    with pytest.raises(InputError) as e:
        ahp.AHP.from_dict({**BOZOKI, "description": {1, 2}})
    assert e.value.code == koers.Errc.wrong_type and "/description" in str(e.value)
    deep = []
    for _ in range(100):
        deep = [deep]
    with pytest.raises(InputError) as e:
        ahp.analyse({**BOZOKI, "description": deep})
    assert e.value.code == koers.Errc.too_deep


def test_hierarchy_cities():
    # Saaty (2005), Theory and Applications of the ANP: choosing a city (AHPy tests: .229 .275 .385 .111)
    def js(pairs):
        return [{"a": a, "b": b, "value": v} for (a, b), v in pairs.items()]
    doc = {"format": "koers.ahp", "version": 1, "name": "cities",
           "criteria": {"elements": ["Culture", "Family", "Housing", "Jobs", "Transportation"],
                        "judgments": js({("Culture", "Housing"): 3, ("Culture", "Transportation"): 5, ("Family", "Culture"): 5,
                                         ("Family", "Housing"): 7, ("Family", "Transportation"): 7,
                                         ("Housing", "Transportation"): 3, ("Jobs", "Culture"): 2, ("Jobs", "Housing"): 4,
                                         ("Jobs", "Transportation"): 7, ("Family", "Jobs"): 1})},
           "alternatives": {"elements": ["Bethesda", "Boston", "Pittsburgh", "Santa Fe"], "judgments": {
               "Culture": js({("Bethesda", "Pittsburgh"): 1, ("Boston", "Bethesda"): 2, ("Boston", "Pittsburgh"): 2.5,
                              ("Boston", "Santa Fe"): 1, ("Santa Fe", "Bethesda"): 2, ("Santa Fe", "Pittsburgh"): 2.5}),
               "Family": js({("Bethesda", "Boston"): 2, ("Bethesda", "Santa Fe"): 4, ("Boston", "Santa Fe"): 2,
                             ("Pittsburgh", "Bethesda"): 3, ("Pittsburgh", "Boston"): 8, ("Pittsburgh", "Santa Fe"): 9}),
               "Housing": js({("Bethesda", "Boston"): 5, ("Bethesda", "Santa Fe"): 2.5, ("Pittsburgh", "Bethesda"): 2,
                              ("Pittsburgh", "Boston"): 9, ("Pittsburgh", "Santa Fe"): 7, ("Santa Fe", "Boston"): 4}),
               "Jobs": js({("Bethesda", "Pittsburgh"): 3, ("Bethesda", "Santa Fe"): 4, ("Boston", "Bethesda"): 2,
                           ("Boston", "Pittsburgh"): 6, ("Boston", "Santa Fe"): 8, ("Pittsburgh", "Santa Fe"): 1}),
               "Transportation": js({("Bethesda", "Boston"): 1.5, ("Bethesda", "Santa Fe"): 4, ("Boston", "Santa Fe"): 2.5,
                                     ("Pittsburgh", "Bethesda"): 2, ("Pittsburgh", "Boston"): 3.5,
                                     ("Pittsburgh", "Santa Fe"): 9})}}}
    r = ahp.analyse(doc)
    assert r["kind"] == "hierarchy"
    assert {k: round(v, 3) for k, v in r["overall"].items()} == {"Bethesda": 0.229, "Boston": 0.275, "Pittsburgh": 0.385,
                                                                  "Santa Fe": 0.111}
    assert r["ranking"][0] == "Pittsburgh"
    assert set(r["local"]) == set(doc["criteria"]["elements"])


def test_schema_accepts_examples_and_refuses_unknown(root):
    import jsonschema
    schema = json.loads((root / "schemas" / "ahp.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(BOZOKI, schema)
    jsonschema.validate(json.loads(koers.examples.path("west-betuwe-2022", "ahp.json").read_text(encoding="utf-8")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**BOZOKI, "extra": 1}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**BOZOKI, "judgments": [{"a": "a", "b": "b", "value": 12}]}, schema)


# ---- command line ----------------------------------------------------------------------------

def test_cli_json_shape(tmp_path):
    p = tmp_path / "bozoki.json"
    p.write_text(json.dumps(BOZOKI))
    r = run_cli("ahp", p, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    for k in ["weights", "ranking", "lambda_max", "ci", "cr", "ri", "ri_table", "ri_table_name", "completed", "inconsistent"]:
        assert k in out
    assert out["ri_table"] == "donegan-dodd"
    assert out["ranking"][0] == "b"
    assert out["completed"][0]["a"] == "c"


def test_cli_text_and_group():
    r = run_cli("ahp", koers.examples.path("west-betuwe-2022", "ahp.json"))
    assert r.returncode == 0, r.stderr
    assert "bestuurlijke_prioriteiten" in r.stdout and "CR" in r.stdout and "AIJ" in r.stdout
    j = json.loads(run_cli("ahp", koers.examples.path("west-betuwe-2022", "ahp.json"), "--json").stdout)
    assert all("weights" in v for v in j["judges"].values())


def test_cli_inconsistent_is_not_an_error(tmp_path):
    doc = {"format": "koers.ahp", "version": 1, "elements": ["a", "b", "c"],
           "judgments": [{"a": "a", "b": "b", "value": 9}, {"a": "b", "b": "c", "value": 9}, {"a": "c", "b": "a", "value": 9}]}
    p = tmp_path / "bad.json"
    p.write_text(json.dumps(doc))
    r = run_cli("ahp", p, "--json")
    assert r.returncode == 0
    out = json.loads(r.stdout)
    assert out["cr"] > 0.1 and out["consistent"] is False
    assert out["revision"] is not None


@pytest.mark.parametrize("content,code", [
    ("{not json", 2),
    (json.dumps({**BOZOKI, "extra": 1}), 2),
    (json.dumps({**BOZOKI, "format": "koers.model"}), 2),
    (json.dumps({**BOZOKI, "judgments": [{"a": "a", "b": "b", "value": 20}]}), 1),
    (json.dumps({**BOZOKI, "judgments": [{"a": "a", "b": "b", "value": 2}, {"a": "b", "b": "a", "value": 2}]}), 1),
    (json.dumps({"format": "koers.ahp", "version": 1, "elements": ["a", "b", "c"],
                 "judgments": [{"a": "a", "b": "b", "value": 2}]}), 1),
    (json.dumps({"format": "koers.ahp", "version": 1, "elements": ["a", "b"],
                 "judges": [{"name": "j", "judgments": []}]}), 1),
])
def test_cli_bad_files(tmp_path, content, code):
    p = tmp_path / "f.json"
    p.write_text(content)
    r = run_cli("ahp", p)
    assert r.returncode == code, (r.stdout, r.stderr)
    assert r.stderr.startswith("koers:")


def test_cli_missing_file(tmp_path):
    r = run_cli("ahp", tmp_path / "nope.json")
    assert r.returncode == 2


@pytest.mark.parametrize("n", [3, 5, 8, 12, 15])
def test_matches_pymcdm_ahp(n):
    # Peer cross-check: pymcdm 1.4 AHP (numpy eigenvector; CR with Tummala & Ling 1998's RI table).
    pymcdm_ahp = pytest.importorskip("pymcdm.weights.subjective").AHP
    rng = np.random.default_rng(100 + n)
    vals = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1 / 2, 1, 2, 3, 5, 7, 9]
    m = np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            m[i, j] = rng.choice(vals)
            m[j, i] = 1 / m[i, j]
    peer = pymcdm_ahp(matrix=m)
    names = [f"c{i}" for i in range(n)]
    a = ahp.AHP(names, [(names[i], float(m[i, j]), names[j]) for i in range(n) for j in range(i + 1, n)],
                ri_table="tummala-ling")
    assert np.max(np.abs(a.priorities().to_numpy() - peer())) < 1e-10
    assert a.consistency()["cr"] == pytest.approx(peer.get_cr(), rel=1e-9)


def test_from_matrix():
    m = pd.DataFrame([[1, 3, np.nan], [1 / 3, 1, 2], [np.nan, 0.5, 1]], index=list("xyz"), columns=list("xyz"))
    a = ahp.AHP.from_matrix(m)
    assert a.elements == ["x", "y", "z"]
    assert len(a.judgments()) == 2
    assert a.matrix().loc["x", "z"] == pytest.approx(6.0)
    b = ahp.AHP.from_matrix(np.array([[1, 2], [0.5, 1]]), ["p", "q"])
    assert b.priorities().round(4).tolist() == [0.6667, 0.3333]
    with pytest.raises(RankingError) as e:
        ahp.AHP.from_matrix(np.array([[1, 2], [2, 1]]), ["p", "q"])  # not reciprocal
    assert e.value.code == koers.Errc.contradictory_judgment
