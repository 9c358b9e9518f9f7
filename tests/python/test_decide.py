"""koers.decide: the crossing to C++ (frames, errors, pickle, GIL) and agreement with pymcdm.

pymcdm (installed in .venv) is the peer. Where the definitions differ the test says so:
- entropy: pymcdm sets a column's entropy to 0 when any p_ij = 0; koers uses 0·ln 0 = 0
  (Shannon), so the comparison uses strictly positive matrices;
- CRITIC: pymcdm min-max normalises every column as a benefit; koers normalises by direction
  (Diakoulaki et al. 1995), so the comparison uses benefit criteria only;
- TOPSIS: pymcdm's default normalisation is min-max; it is compared with koers' vector and
  min-max normalisations by passing pymcdm the same normalisation.
"""
import json
import pathlib
import pickle
import threading
import time

import numpy as np
import pandas as pd
import pytest

import koers
from koers.errors import Errc, InputError, RankingError

try:  # the peer of the comparisons: a test dependency (pyproject's `test` extra, installed by `make test`)
    from pymcdm import methods as pm
    from pymcdm import normalizations as pn
    from pymcdm import weights as pw
except ImportError:  # only the tests that compare with it skip; the others run
    pm = pn = pw = None
needs_pymcdm = pytest.mark.skipif(pm is None, reason="pymcdm (the peer) is not installed")

# pymcdm warns about dominant alternatives in random matrices (koers reports them, it does not refuse)
pytestmark = pytest.mark.filterwarnings("ignore:Alternatives with indices:UserWarning")

ROOT = pathlib.Path(__file__).resolve().parents[2]
WB = ROOT / "python" / "koers" / "examples" / "data" / "west-betuwe-2022" / "decision.json"


def _random_problems(n=25, seed=11):
    rng = np.random.default_rng(seed)
    for _ in range(n):
        m, k = rng.integers(3, 12), rng.integers(2, 7)
        x = rng.uniform(1, 100, size=(m, k))
        w = rng.uniform(0.1, 1, size=k)
        w /= w.sum()
        types = rng.choice([1, -1], size=k)
        yield x, w, types


def _dirs(types):
    return ["max" if t > 0 else "min" for t in types]


@needs_pymcdm
@pytest.mark.parametrize("norm,peer", [("vector", "vector_normalization"), ("minmax", "minmax_normalization")])
def test_topsis_matches_pymcdm(norm, peer):
    for x, w, t in _random_problems():
        ours = koers.rank(x, weights=w, directions=_dirs(t), method="topsis", normalisation=norm).scores
        theirs = pm.TOPSIS(normalization_function=getattr(pn, peer))(x, w, t)
        np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)


@needs_pymcdm
def test_vikor_matches_pymcdm():
    for x, w, t in _random_problems():
        r = koers.rank(x, weights=w, directions=_dirs(t), method="vikor", v=0.5)
        np.testing.assert_allclose(r.scores, pm.VIKOR(v=0.5)(x, w, t), rtol=1e-10, atol=1e-12)


@needs_pymcdm
@pytest.mark.parametrize("ours,theirs", [("usual", "usual"), ("u-shape", "ushape"), ("v-shape", "vshape"),
                                         ("level", "level"), ("linear", "vshape_2")])
def test_promethee_matches_pymcdm(ours, theirs):
    for x, w, t in _random_problems(10):
        q = np.full(x.shape[1], 5.0)
        p = np.full(x.shape[1], 20.0)
        df = pd.DataFrame(x, columns=[f"c{j}" for j in range(x.shape[1])], index=[f"a{i}" for i in range(x.shape[0])])
        prob = koers.DecisionProblem.from_frame(df, directions=_dirs(t), weights=w,
                                                preferences={"function": ours, "q": 5.0, "p": 20.0})
        r = koers.rank(prob, method="promethee2")
        peer = pm.PROMETHEE_II(theirs, p=p, q=q)
        np.testing.assert_allclose(r.scores.to_numpy(), peer(x, w, t), rtol=1e-10, atol=1e-12)


@needs_pymcdm
def test_spotis_matches_pymcdm():
    for x, w, t in _random_problems():
        bounds = np.column_stack([np.zeros(x.shape[1]), np.full(x.shape[1], 100.0)])
        ours = koers.rank(x, weights=w, directions=_dirs(t), method="spotis", scales=(0, 100)).scores
        np.testing.assert_allclose(ours, pm.SPOTIS(bounds)(x, w, t), rtol=1e-10, atol=1e-12)


@needs_pymcdm
def test_objective_weights_match_pymcdm():
    for x, _w, t in _random_problems():
        p = koers.DecisionProblem.from_array(x, directions=_dirs(t))
        np.testing.assert_allclose(koers.weights(p, "entropy").to_numpy(), pw.entropy_weights(x), rtol=1e-10)
        np.testing.assert_allclose(koers.weights(p, "std").to_numpy(), pw.standard_deviation_weights(x), rtol=1e-10)
        np.testing.assert_allclose(koers.weights(p, "merec").to_numpy(), pw.merec_weights(x, t), rtol=1e-10)
        benefit = koers.DecisionProblem.from_array(x, directions="max")
        np.testing.assert_allclose(koers.weights(benefit, "critic").to_numpy(), pw.critic_weights(x), rtol=1e-10)


def test_entropy_zero_score_is_shannon():
    # 0 ln 0 = 0: column (0, 1, 1) has entropy ln 2 / ln 3, not 0 as pymcdm sets it
    p = koers.DecisionProblem.from_array(np.array([[0.0, 1], [1, 2], [1, 4]]))
    e = koers.weights(p, "entropy").attrs["entropy"]
    assert e["C1"] == pytest.approx(np.log(2) / np.log(3))


def test_frames_and_params():
    df = pd.DataFrame({"quality": [7, 9, 5], "cost": [300, 450, 200]}, index=["A", "B", "C"])
    p = koers.DecisionProblem.from_frame(df, directions={"cost": "min"}, weights={"quality": 0.6, "cost": 0.4})
    r = koers.rank(p, method="wsm", normalisation="minmax")
    f = r.to_frame()
    assert list(f.columns) == ["score", "rank"]
    assert list(f.index) == r.ranking
    assert f.index.name == "alternative"
    assert r.params["name"] == "wsm" and r.params["normalisation"].startswith("minmax")
    assert "tie_rule" in r.params
    c = r.contributions()
    np.testing.assert_allclose(c.sum(axis=1).to_numpy(), f["score"].to_numpy())
    assert isinstance(r.scores, pd.Series)
    assert p.to_frame().equals(df.rename_axis(index="alternative", columns="criterion").astype(float))
    # numpy in, numpy out
    a = koers.rank(df.to_numpy(), weights=[0.6, 0.4], directions=["max", "min"])
    assert isinstance(a.scores, np.ndarray)
    assert repr(p).startswith("<DecisionProblem alternatives=3 criteria=2")
    assert "RankResult" in repr(r)


def test_vikor_intermediates():
    # Papathanasiou & Ploskas (2018), VIKOR chapter: v = 0.625
    x = np.array([[8, 7, 2, 1], [5, 3, 7, 5], [7, 5, 6, 4], [9, 9, 7, 3], [11, 10, 3, 7], [6, 9, 5, 4]], float)
    r = koers.rank(x, weights=[0.4, 0.3, 0.1, 0.2], directions="max", method="vikor", v=0.625)
    np.testing.assert_allclose(r.scores, [0.640, 1.000, 0.693, 0.271, 0.000, 0.694], atol=5e-4)
    d = r.to_dict()
    assert set(d) >= {"S", "R", "Q", "compromise", "acceptable_advantage", "acceptable_stability"}
    assert d["compromise"] == ["A5"]


def test_file_round_trip_and_pickle(tmp_path):
    p = koers.DecisionProblem.load(WB)
    out = tmp_path / "d.json"
    p.save(out)
    q = koers.DecisionProblem.load(out)
    assert q == p
    assert pickle.loads(pickle.dumps(p)) == p
    r = koers.rank(p)
    r2 = pickle.loads(pickle.dumps(r))
    pd.testing.assert_frame_equal(r.to_frame(), r2.to_frame())
    assert r.params["name"] == "wsm"  # the file's method


def test_bad_documents_name_the_path():
    good = {"format": "koers.decision", "version": 1, "alternatives": ["a", "b"],
            "criteria": [{"name": "x", "weight": 1}], "scores": [[1], [2]]}
    koers.DecisionProblem.from_dict(good)
    with pytest.raises(InputError) as e:
        koers.DecisionProblem.from_dict({**good, "criteria": [{"name": "x", "wieght": 1}]})
    assert e.value.code == Errc.unknown_field and e.value.element == "/criteria/0/wieght"
    with pytest.raises(InputError) as e:
        koers.DecisionProblem.from_dict({**good, "scores": [[1], [2, 3]]})
    assert e.value.code == Errc.size_mismatch and e.value.element == "/scores/1"
    with pytest.raises(InputError) as e:
        koers.DecisionProblem.loads('{"format": "koers.decision", "version": 1, "alternatives": ["a"], '
                                    '"criteria": [{"name": "x"}], "scores": [[NaN]]}')
    assert e.value.code == Errc.not_finite
    with pytest.raises(InputError) as e:
        koers.DecisionProblem.from_dict({**good, "alternatives": ["a", "a"]})
    assert e.value.code == Errc.duplicate_name and e.value.element == "a"
    with pytest.raises(RankingError) as e:
        koers.DecisionProblem.from_dict({**good, "criteria": [{"name": "x", "weight": -1}]})
    assert e.value.code == Errc.invalid_weights and e.value.element == "x"
    with pytest.raises(RankingError) as e:
        koers.DecisionProblem.from_dict({**good, "criteria": [{"name": "x", "weight": 1, "scale": [1.5, 5]}]})
    assert e.value.code == Errc.invalid_scale
    p = koers.DecisionProblem.from_dict({**good, "criteria": [{"name": "x"}]})
    with pytest.raises(RankingError) as e:
        koers.rank(p)
    assert e.value.code == Errc.invalid_weights and e.value.element == "x"


def test_schema_validates_example():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "schemas" / "decision.schema.json").read_text())
    jsonschema.validate(json.loads(WB.read_text(encoding="utf-8")), schema)
    jsonschema.validate(koers.DecisionProblem.load(WB).to_dict(), schema)


def test_smaa_analytic_and_frames():
    # A = (1, 0), B = (0, 3), raw weighted sum: A first iff w1 > 3/4 -> b_A^1 = 1/4
    p = koers.DecisionProblem.from_array(np.array([[1.0, 0], [0, 3]]), weights=[0.5, 0.5], alternatives=["A", "B"])
    n = 20_000
    r = koers.smaa(p, samples=n, seed=5, method="wsm", normalisation="none")
    assert abs(r.acceptability.loc["A", "rank 1"] - 0.25) < 3 * np.sqrt(0.25 * 0.75 / n)
    assert r.central_weights.loc["A", "C1"] == pytest.approx(0.875, abs=0.01)
    assert r.confidence.to_dict() == {"A": 1.0, "B": 1.0}
    d = r.to_dict()
    assert set(d) >= {"rank_acceptability", "central_weights", "confidence_factors"}
    assert "SmaaResult" in repr(r)
    # same seed, other thread count: identical
    r1 = koers.smaa(p, samples=n, seed=5, method="wsm", normalisation="none", threads=1)
    pd.testing.assert_frame_equal(r.acceptability, r1.acceptability)


def test_smaa_orderings_and_gil_released():
    p = koers.DecisionProblem.from_array(np.eye(3), alternatives=["A", "B", "C"])
    r = koers.smaa(p, samples=30_000, seed=1, method="wsm", normalisation="none", orderings=["C1 >= C2"])
    assert r.acceptability.loc["A", "rank 1"] == pytest.approx(2 / 3, abs=0.02)
    assert r.acceptability.loc["B", "rank 1"] == 0.0
    # while SMAA runs in another thread, this thread keeps running Python
    big = koers.DecisionProblem.from_array(np.random.default_rng(0).uniform(1, 5, (400, 5)))
    ticks = []
    t = threading.Thread(target=lambda: koers.smaa(big, samples=20_000, seed=1, threads=1))
    t.start()
    start = time.perf_counter()
    while t.is_alive():
        ticks.append(time.perf_counter() - start)
        time.sleep(0.001)
    t.join()
    assert len(ticks) > 5


def test_smaa_first_ranks_and_the_cell_limit():
    # issue 13 item 7: the rank acceptability matrix is alternatives × alternatives; beyond
    # max_smaa_cells (2^22) it is E119 before any sampling, and `ranks` keeps it linear
    x = np.random.default_rng(3).uniform(1, 5, (300, 4))
    p = koers.DecisionProblem.from_array(x)
    full = koers.smaa(p, samples=2_000, seed=4)
    top = koers.smaa(p, samples=2_000, seed=4, ranks=5)
    assert list(top.acceptability.columns) == ["rank 1", "rank 2", "rank 3", "rank 4", "rank 5"]
    pd.testing.assert_frame_equal(top.acceptability, full.acceptability.iloc[:, :5])
    pd.testing.assert_series_equal(top.holistic, full.holistic)
    assert len(top.to_dict()["rank_acceptability"]["A1"]) == 5
    m = 2_100  # 2,100² cells > 2^22
    big = koers.DecisionProblem.from_array(np.random.default_rng(5).uniform(1, 5, (m, 3)))
    t0 = time.perf_counter()
    with pytest.raises(koers.InputError) as e:
        koers.smaa(big, samples=200, seed=1)
    assert e.value.code == koers.Errc.limit_exceeded and "ranks" in str(e.value)
    r = koers.smaa(big, samples=200, seed=1, ranks=10)
    assert r.acceptability.shape == (m, 10) and r.holistic.shape == (m,)
    assert time.perf_counter() - t0 < 30


def test_sensitivity_frame():
    p = koers.DecisionProblem.from_array(np.array([[1.0, 0], [0, 1], [0.6, 0.6]]), weights=[0.3, 0.7])
    s = koers.sensitivity(p, method="wsm", normalisation="none")
    f = s.to_frame()
    assert list(f.columns) == ["weight", "lower", "upper", "exact", "changes_at_lower", "changes_at_upper"]
    assert f.loc["C1", "upper"] == pytest.approx(0.4)
    assert bool(f.loc["C1", "exact"])
    sw = s.sweep("C1")
    assert sw.shape == (21, 3)


def test_weights_roc_swing():
    p = koers.DecisionProblem.from_array(np.array([[1.0, 2, 3], [2, 1, 3]]))
    w = koers.weights(p, "roc", order=["C2", "C1", "C3"])
    assert w.to_dict() == pytest.approx({"C1": 5 / 18, "C2": 11 / 18, "C3": 2 / 18})
    assert koers.weights(p, "swing", points={"C1": 100, "C2": 50, "C3": 50})["C1"] == pytest.approx(0.5)
    with pytest.raises(RankingError):
        koers.weights(p, "nope")


def test_plots():
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    p = koers.DecisionProblem.load(WB)
    assert koers.rank(p).plot() is not None
    assert koers.smaa(p, samples=500, seed=1).plot() is not None
    assert koers.sensitivity(p).plot() is not None
    import matplotlib.pyplot as plt
    plt.close("all")


def test_results_pickle_and_repr():
    p = koers.DecisionProblem.from_array(np.array([[1.0, 2, 3], [2, 1, 3], [3, 3, 1], [0, 1, 2]]), weights=[0.5, 0.3, 0.2])
    s = koers.smaa(p, samples=500, seed=3)
    s2 = pickle.loads(pickle.dumps(s))
    pd.testing.assert_frame_equal(s.acceptability, s2.acceptability)
    pd.testing.assert_series_equal(s.confidence, s2.confidence)
    t = koers.sensitivity(p)
    pd.testing.assert_frame_equal(t.to_frame(), pickle.loads(pickle.dumps(t)).to_frame())
    a = koers.rank(p.scores.copy(), weights=[0.5, 0.3, 0.2])
    b = pickle.loads(pickle.dumps(a))
    np.testing.assert_array_equal(a.scores, b.scores)
    for obj in (p, s, t, a):
        assert repr(obj).startswith("<") and len(repr(obj)) < 200
    assert "<table" in p._repr_html_() and "<table" in s._repr_html_()


def test_value_functions_from_file():
    doc = {"format": "koers.decision", "version": 1, "alternatives": ["a", "b", "c"],
           "criteria": [{"name": "x", "weight": 0.5}, {"name": "y", "direction": "min", "weight": 0.5}],
           "scores": [[1, 5], [3, 1], [2, 3]],
           "method": {"name": "wsm", "value_functions": {"x": {"x": [1, 2, 3], "v": [0, 0.9, 1]}}}}
    r = koers.rank(koers.DecisionProblem.from_dict(doc))
    # x by its value function, y min-max as a cost: a 0 + 0, b 0.5 + 0.5, c 0.45 + 0.25
    np.testing.assert_allclose(r.scores.to_numpy(), [0.0, 1.0, 0.7])
    assert "value functions on: x" in r.params["value_functions"]
    bad = json.loads(json.dumps(doc))
    bad["method"]["value_functions"] = {"z": {"x": [0, 1], "v": [0, 1]}}
    with pytest.raises(InputError) as e:
        koers.DecisionProblem.from_dict(bad)
    assert e.value.code == Errc.unknown_field


def test_non_finite_weights_refused():
    x = np.array([[1.0, 2], [2, 1]])
    with pytest.raises(RankingError) as e:
        koers.rank(x, weights=[np.nan, 1])
    assert e.value.code == Errc.invalid_weights and e.value.element == "C1"
    r = koers.rank(x, weights=[2, 2])
    assert any("normalised" in w for w in r.warnings)


def test_numpy_fast_path_contributions_on_demand():
    x = np.random.default_rng(4).uniform(1, 9, (50, 4))
    r = koers.rank(x, [0.1, 0.2, 0.3, 0.4], ["max", "min", "max", "min"])
    p = koers.rank(koers.DecisionProblem.from_array(x, weights=[0.1, 0.2, 0.3, 0.4], directions=["max", "min", "max", "min"]))
    np.testing.assert_allclose(r.scores, p.scores.to_numpy())
    pd.testing.assert_frame_equal(r.contributions(), p.contributions())
    assert r.ranking == p.ranking


# ---- ranking straight from NumPy (issue 10 §3): read in place, sorted only when asked -------------

@pytest.mark.parametrize("method,norm", [("topsis", "vector"), ("topsis", "minmax"), ("wsm", None),
                                         ("wsm", "max"), ("vikor", None)])
@pytest.mark.parametrize("layout", ["C", "F", "sliced"])
def test_rank_from_an_array_equals_the_problem_path(method, norm, layout):
    """Seeded random data; the reference is the same matrix through DecisionProblem (the general path)."""
    rng = np.random.default_rng(7)
    base = rng.uniform(1, 100, (300, 10))
    x = {"C": np.ascontiguousarray(base[:, :5]), "F": np.asfortranarray(base[:, :5]), "sliced": base[:, ::2]}[layout]
    w, dirs = [0.3, 0.2, 0.2, 0.2, 0.1], ["max", "min", "max", "max", "min"]
    before = x.copy()
    r = koers.rank(x, w, dirs, method=method, normalisation=norm)
    ref = koers.rank(koers.DecisionProblem.from_array(np.array(x), weights=w, directions=dirs), method=method,
                     normalisation=norm)
    np.testing.assert_allclose(r.scores, ref.scores.to_numpy(), rtol=1e-12, atol=1e-15)
    assert np.array_equal(x, before)  # read, never written
    assert r.params == {k: v for k, v in ref.params.items() if k != "method_source"} and r.warnings == ref.warnings
    assert list(r.ranks) == list(ref.ranks.to_numpy()) and r.ranking == ref.ranking
    assert list(r.order) == list(ref.order)
    np.testing.assert_allclose(r.contributions().to_numpy(), ref.contributions().to_numpy(), rtol=1e-12, atol=1e-15)
    if method == "vikor":
        assert r.compromise == ref.compromise
        np.testing.assert_allclose(r.S, ref.S.to_numpy(), rtol=1e-12)


def test_rank_from_an_array_sorts_only_when_ranks_are_asked():
    x = np.random.default_rng(8).uniform(1, 5, (1000, 3))
    r = koers.rank(x, [0.5, 0.3, 0.2], "max", method="topsis")
    assert r._ranks_order is None       # scores only so far: nothing sorted
    scores = r.scores
    assert r._ranks_order is None
    assert r.ranks[int(np.argmax(scores))] == 1 and r._ranks_order is not None


def test_rank_from_an_array_reports_what_the_general_path_reports():
    x = np.array([[1.0, 5], [2, 5], [3, 5]])  # second criterion constant: the general path's warning
    r = koers.rank(x, [0.5, 0.5], "max", method="wsm")
    assert any("one value for every alternative" in w for w in r.warnings)
    with pytest.raises(koers.InputError) as e:
        koers.rank(np.array([[1.0, np.nan], [2, 1]]), [0.5, 0.5], "max")
    assert e.value.code == koers.Errc.not_finite
    with pytest.raises(koers.RankingError) as e:
        koers.rank(np.array([[1.0, 2], [2, 1]]), [-0.5, 0.5], "max")
    assert e.value.code == koers.Errc.invalid_weights


def test_weight_methods_are_one_list_in_cpp_python_and_the_command_line():
    from koers import _core
    from koers.decide_terms import WEIGHT_METHODS
    assert tuple(_core.decide.weight_methods()) == WEIGHT_METHODS
    import koers.cli
    parser = koers.cli.build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    method = next(a for a in sub.choices["weights"]._actions if a.dest == "method")
    assert tuple(method.choices) == WEIGHT_METHODS


def test_swing_and_equal_from_the_command_line(tmp_path):
    import json
    import subprocess
    import sys
    f = tmp_path / "d.json"
    f.write_text(json.dumps({"format": "koers.decision", "version": 1, "alternatives": ["a", "b"],
                             "criteria": [{"name": "C1"}, {"name": "C2"}], "scores": [[1, 2], [2, 1]]}))
    run = lambda *a: subprocess.run([sys.executable, "-m", "koers.cli", "weights", str(f), "--json", *a],
                                    capture_output=True, text=True)
    r = run("--method", "swing", "--points", "C1=100,C2=60")
    assert r.returncode == 0, r.stderr
    w = json.loads(r.stdout)["weights"]
    assert w["C1"] == pytest.approx(100 / 160) and w["C2"] == pytest.approx(60 / 160)
    assert json.loads(run("--method", "equal").stdout)["weights"] == {"C1": 0.5, "C2": 0.5}
    bad = run("--method", "swing", "--points", "C1:100")
    assert bad.returncode == 2 and "[E115]" in bad.stderr and "Traceback" not in bad.stderr
    none = run("--method", "swing")
    assert none.returncode == 2 and "[E105]" in none.stderr and "points" in none.stderr
