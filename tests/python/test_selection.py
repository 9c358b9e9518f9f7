"""koers.selection and ``koers select``: choosing the work under expert hours (issue 4 §2).

Test vectors are hand-made (source: this file); each optimum is checked by hand in a comment
and, for the random instances, against a brute force over every subset and assignment.
"""
import itertools
import json
import pickle

import numpy as np
import pytest

import koers.cli
import koers.selection as ks
from koers.errors import InputError

# Hand-checked instance (source: this file). Two experts with 100 h each, at least one process each.
#   big    score 10, 150 h  -> fits no single expert (a process is never split)
#   b      score  6,  60 h
#   c      score  5,  50 h
#   urgent score  1,  40 h, pinned
# The top-2 cut (pinned first, then score) is {urgent, big}: 11 points but it cannot be assigned.
# Optimum: urgent + b + c = 12 (b|c+urgent or c|b+urgent: 60 ≤ 100, 90 ≤ 100); adding nothing else fits.
HAND = {"format": "koers.selection", "version": 1, "name": "hand",
        "items": [{"id": "big", "score": 10, "hours": 150}, {"id": "b", "score": 6, "hours": 60},
                  {"id": "c", "score": 5, "hours": 50}, {"id": "urgent", "score": 1, "hours": 40, "mandatory": True}],
        "experts": [{"id": "x", "hours": 100}, {"id": "y", "hours": 100}],
        "min_items_per_expert": 1, "top_n": 2}


def test_hand_instance_top_n_cut_is_worse():
    r = ks.select(HAND)
    assert r.status == "optimal" and r.optimal
    assert r.optimum == 12 and r.bound == 12 and r.gap == 0
    assert r.selected == ["b", "c", "urgent"]
    assert r.top_n.selected == ["big", "urgent"]
    assert r.top_n.feasible is False and r.top_n.meets_minimum is False
    assert r.top_n.extra == ["big"] and r.top_n.missing == ["b", "c"]
    # every expert has at least one process, within the hours
    assert set(r.assignment_map) == {"x", "y"} and all(len(v) >= 1 for v in r.assignment_map.values())
    used = r.hours_used
    assert (used <= 100).all() and used.sum() == 150
    assert r.experts.loc["x", "hours_available"] == 100
    assert r.items.loc["urgent", "selected"] and not r.items.loc["big", "selected"]


def test_feasible_cut_that_loses():
    # Source: this file. Two experts (100 h each, no minimum). Ranking by score:
    # a (9, 100 h), b (8, 100 h), c (5, 50 h), d (5, 50 h). top-2 = {a, b}: 17 points, assignable.
    # Optimum: a + b (17) or a + c + d (19): a on x, c+d on y → 19.
    d = {"format": "koers.selection", "version": 1,
         "items": [{"id": "a", "score": 9, "hours": 100}, {"id": "b", "score": 8, "hours": 100},
                   {"id": "c", "score": 5, "hours": 50}, {"id": "d", "score": 5, "hours": 50}],
         "experts": [{"id": "x", "hours": 100}, {"id": "y", "hours": 100}], "top_n": 2}
    r = ks.select(d)
    assert r.optimum == 19 and r.gap == 0
    assert r.top_n.selected == ["a", "b"] and r.top_n.feasible and r.top_n.meets_minimum
    assert r.top_n.total_score == 17 and r.top_n.lost == 2


def brute_force(d):
    """Best total over every assignment of each item to an expert or to nobody."""
    items, experts = d["items"], d["experts"]
    m = d.get("min_items_per_expert", 0)
    best = None
    for choice in itertools.product(range(len(experts) + 1), repeat=len(items)):
        load = [0.0] * len(experts)
        count = [0] * len(experts)
        ok = True
        total = 0.0
        for it, c in zip(items, choice, strict=True):
            if c == len(experts):
                if it.get("mandatory"):
                    ok = False
                    break
                continue
            load[c] += it["hours"]
            count[c] += 1
            total += it["score"]
        if not ok or any(l > e["hours"] + 1e-9 for l, e in zip(load, experts, strict=True)) or any(k < m for k in count):
            continue
        if best is None or total > best:
            best = total
    return best


def random_instance(rng, n, e):
    items = [{"id": f"p{i}", "score": int(rng.integers(1, 20)), "hours": int(rng.integers(5, 60))} for i in range(n)]
    if rng.random() < 0.5:
        items[int(rng.integers(n))]["mandatory"] = True
    experts = [{"id": f"e{k}", "hours": int(rng.integers(30, 90))} for k in range(e)]
    return {"format": "koers.selection", "version": 1, "items": items, "experts": experts,
            "min_items_per_expert": int(rng.integers(0, 2)), "top_n": 3}


@pytest.mark.parametrize("seed", range(25))
def test_optimum_equals_brute_force(seed):
    rng = np.random.default_rng(seed)
    d = random_instance(rng, n=int(rng.integers(3, 7)), e=int(rng.integers(1, 4)))
    best = brute_force(d)
    r = ks.select(d)
    if best is None:
        assert r.status == "infeasible" and r.explanation
        assert r.optimum is None and r.gap is None
        return
    assert r.status == "optimal"
    assert r.optimum == pytest.approx(best) and r.gap == 0 and r.bound == pytest.approx(best)
    # the assignment is a real one: hours respected, minimum met, pinned in, every selected assigned once
    cap = {e["id"]: e["hours"] for e in d["experts"]}
    hours = {it["id"]: it["hours"] for it in d["items"]}
    assigned = [p for ps in r.assignment_map.values() for p in ps]
    assert sorted(assigned) == sorted(r.selected)
    for e, ps in r.assignment_map.items():
        assert sum(hours[p] for p in ps) <= cap[e] + 1e-9
        assert len(ps) >= d["min_items_per_expert"]
    for it in d["items"]:
        if it.get("mandatory"):
            assert it["id"] in r.selected
    # the top-N cut never beats the optimum when it can be assigned with the minimum
    if r.top_n.meets_minimum:
        assert r.top_n.total_score <= r.optimum + 1e-9


def test_pinned_always_in_even_when_low_score():
    d = json.loads(json.dumps(HAND))
    d["items"][3]["score"] = -5  # a pinned process with a negative score is still in
    r = ks.select(d)
    assert "urgent" in r.selected and r.optimum == 6


def test_infeasible_pinned_hours_explained():
    d = json.loads(json.dumps(HAND))
    d["items"][1]["mandatory"] = True
    d["items"][2]["mandatory"] = True
    d["items"][2]["hours"] = 120  # pinned 60 + 120 + 40 = 220 h > 200 h
    r = ks.select(d)
    assert r.status == "infeasible"
    assert r.conflict["kind"] == "pinned_hours"
    assert "220" in r.explanation and "200" in r.explanation
    assert "infeasible" in repr(r)


def test_infeasible_minimum_per_expert():
    d = json.loads(json.dumps(HAND))
    d["experts"].append({"id": "z", "hours": 100})
    d["min_items_per_expert"] = 2  # 3 experts × 2 = 6 processes, only 3 fit any expert
    r = ks.select(d)
    assert r.status == "infeasible" and r.conflict["kind"] == "too_few_items"


def test_selection_roundtrip_pickle_repr(tmp_path):
    s = ks.Selection.from_dict(HAND)
    assert ks.Selection.from_dict(s.to_dict()) == s
    p = tmp_path / "s.json"
    s.save(p)
    assert ks.Selection.load(p) == s
    assert pickle.loads(pickle.dumps(s)) == s
    assert "4 processes" in repr(s) and "2 experts" in repr(s)
    assert list(s.items.index) == ["big", "b", "c", "urgent"]
    assert s.items.loc["urgent", "mandatory"]
    assert s.top_n == 2 and s.min_items_per_expert == 1
    s2 = s.with_scores({"big": 1, "b": 1, "c": 1, "urgent": 1})
    assert s2 != s and s2.items["score"].tolist() == [1, 1, 1, 1]


def test_from_ranking():
    import pandas as pd
    scores = pd.Series({"big": 10, "b": 6, "c": 5, "urgent": 1})
    s = ks.Selection.from_ranking(scores, hours={"big": 150, "b": 60, "c": 50, "urgent": 40},
                                  experts={"x": 100, "y": 100}, mandatory=["urgent"], top_n=2, name="hand")
    assert s == ks.Selection.from_dict(HAND)
    with pytest.raises(InputError):
        ks.Selection.from_ranking(scores, hours=10, experts=2, mandatory=["nope"], period=("2022-01-01", "2022-12-31"))
    with pytest.raises(InputError):
        ks.Selection.from_ranking(scores, hours={"big": 1}, experts={"x": 1})


@pytest.mark.parametrize("bad, word", [
    ({"items": [{"id": "a", "score": 1, "hours": -1}], "experts": [{"id": "x", "hours": 1}]}, "hours"),
    ({"items": [{"id": "a", "score": 1, "hours": 1}, {"id": "a", "score": 1, "hours": 1}],
      "experts": [{"id": "x", "hours": 1}]}, "a"),
    ({"items": [{"id": "a", "score": 1, "hours": 1, "requires": ["zz"]}], "experts": [{"id": "x", "hours": 1}]}, "zz"),
    ({"items": [{"id": "a", "score": 1, "hours": 1}]}, "experts"),
])
def test_bad_input_named(bad, word):
    d = {"format": "koers.selection", "version": 1, **bad}
    with pytest.raises(InputError) as e:
        ks.Selection.from_dict(d)
    assert word in str(e.value)


def test_non_finite_score_refused():
    with pytest.raises(InputError):
        ks.Selection.loads('{"format": "koers.selection", "version": 1, '
                           '"items": [{"id": "a", "score": NaN, "hours": 1}], "experts": [{"id": "x", "hours": 1}]}')


# ---- command line ------------------------------------------------------------------------
@pytest.fixture
def cli():
    """koers.cli.main, the command line in this process."""
    return koers.cli.main


def test_cli_json_shape(cli, tmp_path, capsys):
    p = tmp_path / "s.json"
    p.write_text(json.dumps(HAND))
    assert cli(["select", str(p), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for key in ("status", "optimum", "total_score", "bound", "gap", "selected", "assignment", "hours_used",
                "top_n", "top_n_cut"):
        assert key in out
    assert out["status"] == "optimal" and out["gap"] == 0 and out["total_score"] == 12
    assert out["selected"] == ["b", "c", "urgent"]
    assert set(out["assignment"]) == {"x", "y"}
    assert sum(out["hours_used"].values()) == 150
    for key in ("n", "selected", "total_score", "feasible", "lost"):
        assert key in out["top_n"]
    assert out["top_n_cut"]["selected"] == ["big", "urgent"] and out["top_n_cut"]["total_score"] == 11


def test_cli_no_unique_proves_irregular_hours(cli, capsys):
    """``--no-unique``: irregular hours (0.1 h steps) go to branch-and-price. The instance is
    bench_select.generate(200, seed 4, 8 experts, step 0.1); its optimum 18.035 is proven by
    benchmarks/select_bnp.py (the Python prototype; tests/cpp/budget/test_selection_bnp.cpp too)."""
    import pathlib
    path = pathlib.Path(__file__).resolve().parents[1] / "cpp/budget/data/selection_irregular_200x8_seed4.json"
    assert cli(["select", str(path), "--no-unique", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "optimal" and out["gap"] == 0
    assert round(out["total_score"] * 1000) == 18035 and out["unique"] is False
    data = json.loads(path.read_text())
    hours = {it["id"]: it["hours"] for it in data["items"]}
    have = {e["id"]: e["hours"] for e in data["experts"]}
    assert set(out["assignment"]) == set(have)
    assert all(round(sum(hours[i] for i in ids) * 10) <= round(have[e] * 10) for e, ids in out["assignment"].items())
    assert all(len(ids) >= 1 for ids in out["assignment"].values())


def test_cli_default_answers_uniqueness_on_irregular_hours(cli, capsys):
    """Without ``--no-unique`` the same instance is proven optimal and its uniqueness answered by a
    second branch-and-price run that looks for another selection worth the optimum
    (docs/solver.md, "Uniqueness"; tests/cpp/budget/test_selection_bnp.cpp checks that run against
    enumeration and against the branch-and-bound alone)."""
    import pathlib
    path = pathlib.Path(__file__).resolve().parents[1] / "cpp/budget/data/selection_irregular_200x8_seed4.json"
    assert cli(["select", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "optimal" and out["gap"] == 0 and out["stopped_by"] is None
    assert round(out["total_score"] * 1000) == 18035
    assert out["unique"] is True and out["alternative"] == []
    assert cli(["select", str(path)]) == 0
    assert "(proven optimal); no other selection reaches it" in capsys.readouterr().out


# Twins (source: this file): five processes of 5 h and score 1, two experts of 10 h: any four of
# the five are optimal (4 points), so the optimum is not unique.
TWINS = {"format": "koers.selection", "version": 1, "name": "twins",
         "items": [{"id": k, "score": 1, "hours": 5} for k in "abcde"],
         "experts": [{"id": "x", "hours": 10}, {"id": "y", "hours": 10}]}


def test_alternative_when_not_unique(cli, tmp_path, capsys):
    r = ks.select(TWINS)
    assert r.optimal and r.optimum == 4 and r.unique is False
    assert len(r.alternative) == 4 and set(r.alternative) != set(r.selected)
    assert set(r.alternative) <= set("abcde")
    assert r.to_dict()["alternative"] == r.alternative
    assert ks.select(TWINS, check_unique=False).alternative == []
    p = tmp_path / "twins.json"
    p.write_text(json.dumps(TWINS))
    assert cli(["select", str(p)]) == 0
    assert "another selection reaches the same total (4 processes" in capsys.readouterr().out
    # not asked: the text claims nothing about other selections
    assert cli(["select", str(p), "--no-unique"]) == 0
    text = capsys.readouterr().out
    assert "(proven optimal)\n" in text and "another selection" not in text


def test_cli_text(cli, tmp_path, capsys):
    p = tmp_path / "s.json"
    p.write_text(json.dumps(HAND))
    assert cli(["select", str(p)]) == 0
    out = capsys.readouterr().out
    assert "gap 0" in out and "cannot be assigned" in out


def test_cli_infeasible_exit_1(cli, tmp_path, capsys):
    d = json.loads(json.dumps(HAND))
    d["items"][0]["mandatory"] = True  # 150 h pinned, no expert has that
    p = tmp_path / "s.json"
    p.write_text(json.dumps(d))
    assert cli(["select", str(p), "--json"]) == 1
    cap = capsys.readouterr()
    out = json.loads(cap.out)
    assert out["status"] == "infeasible" and out["explanation"] and out["bound"] is None
    assert "big" in cap.err and "infeasible" in cap.err


@pytest.mark.parametrize("content", ["{not json", '{"format": "koers.model", "version": 1}',
                                     '{"format": "koers.selection", "version": 99, "items": []}'])
def test_cli_bad_files_exit_2(cli, tmp_path, content, capsys):
    p = tmp_path / "bad.json"
    p.write_text(content)
    assert cli(["select", str(p)]) == 2
    assert "koers:" in capsys.readouterr().err


def test_cli_missing_file_and_usage(cli, tmp_path, capsys):
    assert cli(["select", str(tmp_path / "nope.json")]) == 2
    with pytest.raises(SystemExit) as e:
        cli(["select"])
    assert e.value.code == 2
    assert cli(["select", "--example", "no-such-example"]) == 2


# ---- under uncertain weights -------------------------------------------------------------
def _two_process_scorer(w0=(0.7, 0.3)):
    """Analytic case (source: this file): A scores w1, B scores w2 (weighted sum of the identity);
    one expert has the hours for one of them. A is chosen iff w1 > w2: with weights uniform on the
    simplex P(A) = P(B) = 1/2; at w = (0.7, 0.3) the smallest change that moves A out (and B in)
    is 0.2 (w1 0.7 → 0.5, or w2 0.3 → 0.5)."""
    import pandas as pd
    m = pd.DataFrame({"c1": [1.0, 0.0], "c2": [0.0, 1.0]}, index=["A", "B"])
    return ks._Scorer(["c1", "c2"], list(w0), lambda w, x=None: pd.Series(m.to_numpy() @ w, index=m.index))


TWO = {"format": "koers.selection", "version": 1,
       "items": [{"id": "A", "score": 0, "hours": 10}, {"id": "B", "score": 0, "hours": 10}],
       "experts": [{"id": "x", "hours": 10}], "top_n": 1}


def test_selection_probability_analytic():
    p = ks.selection_probability(_two_process_scorer(), TWO, samples=4000, seed=7, progress=False, threads=2)
    # 3 sigma of a proportion with n = 4000 around 1/2: 0.024
    assert abs(p.loc["A", "probability"] - 0.5) < 0.024
    assert p.loc["A", "probability"] + p.loc["B", "probability"] == pytest.approx(1.0)
    assert bool(p.loc["A", "selected"]) and not bool(p.loc["B", "selected"])
    # seeded: reproducible, also with another thread count
    q = ks.selection_probability(_two_process_scorer(), TWO, samples=4000, seed=7, progress=False, threads=1)
    assert p.equals(q)


def test_selection_probability_draws_the_weights_of_smaa():
    # One sampler (issue 12 §2): koers.smaa(seed=1), koers.smaa_draws(seed=1) and
    # selection_probability(seed=1) see the same weight vectors. With A = (1, 0), B = (0, 1)
    # (raw WSM), A is ranked first, and selected, exactly in the draws with w1 > w2.
    import koers
    prob = koers.DecisionProblem.from_array(np.eye(2), alternatives=["A", "B"], criteria=["c1", "c2"])
    n = 700
    w, x = koers.smaa_draws(prob, samples=n, seed=1)
    assert w.shape == (n, 2) and x is None
    assert np.allclose(w.sum(axis=1), 1.0)
    wins = int((w[:, 0] > w[:, 1]).sum())
    r = koers.smaa(prob, samples=n, seed=1, method="wsm", normalisation="none", threads=2)
    assert r.acceptability.loc["A", "rank 1"] == wins / n
    assert r.central_weights.loc["A"].to_numpy() == pytest.approx(w[w[:, 0] > w[:, 1]].mean(axis=0), abs=1e-12)
    p = ks.selection_probability(_two_process_scorer(), TWO, samples=n, seed=1, progress=False, threads=2)
    assert p.loc["A", "probability"] == wins / n
    # the first draws do not depend on how many are asked for; another seed draws others
    assert np.array_equal(koers.smaa_draws(prob, samples=10, seed=1)[0], w[:10])
    assert not np.array_equal(koers.smaa_draws(prob, samples=10, seed=2)[0], w[:10])
    assert np.array_equal(ks.sample_simplex(2, 10, 1), w[:10])


def test_selection_probability_pinned_is_certain():
    d = json.loads(json.dumps(TWO))
    d["items"][1]["mandatory"] = True
    p = ks.selection_probability(_two_process_scorer(), d, samples=200, seed=1, progress=False)
    assert p.loc["B", "probability"] == 1.0 and p.loc["A", "probability"] == 0.0


def test_selection_sensitivity_analytic():
    r = ks.selection_sensitivity(_two_process_scorer(), TWO, steps=10, tol=1e-6, progress=False)
    assert r.loc["A", "moves"] == "out" and r.loc["B", "moves"] == "in"
    assert float(r.loc["A", "change"]) == pytest.approx(0.2, abs=1e-5)
    assert float(r.loc["B", "change"]) == pytest.approx(0.2, abs=1e-5)
    d = json.loads(json.dumps(TWO))
    d["items"][0]["mandatory"] = True
    r = ks.selection_sensitivity(_two_process_scorer(), d, steps=10, progress=False)
    assert r.loc["A", "moves"] == "pinned" and r.loc["B", "moves"] == "never"
    assert r["change"].isna().sum() == 2


def test_selection_probability_bad_weights():
    with pytest.raises(InputError):
        ks.selection_probability(_two_process_scorer(), TWO, weights=[[0.5, 0.5, 0.0]], progress=False)
    with pytest.raises(InputError):
        ks.selection_probability(_two_process_scorer(), TWO, weights=[[-1.0, 2.0]], progress=False)


def test_expert_hours_from_the_calendar():
    # 2022 in the Dutch calendar ("nl"): 260 weekdays − 7 holidays on weekdays = 253 working days
    # (koers.Calendar docs); 4 h/week → 253 × 4/5 = 202.4 h (DOMAIN.md §2: at least 4 hours a week).
    assert ks.working_days(("2022-01-01", "2022-12-31")) == 253
    assert ks.expert_hours(4, ("2022-01-01", "2022-12-31")) == pytest.approx(202.4)
    import pandas as pd
    s = ks.Selection.from_ranking(pd.Series({"a": 1.0, "b": 0.5}), hours=100, experts=3, top_n=1)
    assert list(s.experts.index) == ["expert-01", "expert-02", "expert-03"]
    assert s.experts["hours"].tolist() == pytest.approx([202.4] * 3)
    with pytest.raises(InputError):
        ks.expert_hours(-1, ("2022-01-01", "2022-12-31"))
    with pytest.raises(InputError):
        ks.expert_hours(4, ("2022-12-31", "2022-01-01"))


def test_longest_prefix_greedy_cut():
    # HAND (source: this file): ranking urgent (pinned), big, b, c. urgent fits; urgent + big does
    # not (big fits no expert), so the longest assignable prefix is {urgent}: 1 point, lost 11.
    r = ks.select(HAND)
    g = r.longest_prefix
    assert g.n == 1 and g.selected == ["urgent"] and g.feasible
    assert g.total_score == 1 and g.lost == 11
    assert not g.meets_minimum  # one expert would be left without a process


# ---- the embedded example ---------------------------------------------------------------
def test_west_betuwe_example(cli, capsys):
    from koers import examples
    s = ks.Selection.load(examples.path("west-betuwe-2022", "selection.json"))
    # 15 Green Belts at 4 h/week over 2022 (Dutch calendar): 253 working days × 4/5 = 202.4 h each
    assert len(s.experts) == 15 and s.experts["hours"].tolist() == pytest.approx([202.4] * 15)
    assert s.min_items_per_expert == 1 and s.top_n == 10
    pinned = list(s.items.index[s.items["mandatory"]])
    assert pinned and all(p.startswith("Vluchtelingenopvang") for p in pinned)
    assert cli(["select", "--example", "west-betuwe-2022", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "optimal" and out["gap"] == 0 and out["bound"] == pytest.approx(out["total_score"])
    assert set(pinned) <= set(out["selected"])
    assert len(out["assignment"]) == 15 and all(len(v) >= 1 for v in out["assignment"].values())
    assert all(h <= 202.4 + 1e-9 for h in out["hours_used"].values())
    assert out["top_n"]["n"] == 10 and len(out["top_n"]["selected"]) == 10
    assert out["top_n"]["total_score"] < out["total_score"]


@pytest.mark.parametrize("seed", range(10))
def test_tightened_capacities_are_equivalent(seed):
    # lowering each expert's hours to the largest subset sum of process hours that fits changes
    # nothing: the same optimum as the brute force (source: this file)
    rng = np.random.default_rng(100 + seed)
    d = random_instance(rng, n=6, e=2)
    t = ks._tightened(d)
    assert all(te["hours"] <= e["hours"] for te, e in zip(t["experts"], d["experts"], strict=True))
    best = brute_force(d)
    st, chosen, _ = ks._solve_with(t, {it["id"]: it["score"] for it in d["items"]})
    if best is None:
        assert st == "infeasible"
    else:
        assert sum(it["score"] for it in d["items"] if it["id"] in chosen) == pytest.approx(best)


def test_report_section(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    from koers import report_decide
    r = report_decide.west_betuwe_priorities(tmp_path)
    assert len(r["data"]["ranking_top10"]) == 10
    assert r["data"]["selection"]["status"] == "optimal" and r["data"]["selection"]["gap"] == 0
    assert r["figures"] and all(p.is_file() and p.suffix == ".png" for p in r["figures"])
    assert "top-10 cut" in r["text"] and "gap 0" in r["text"]


def test_probability_on_the_example_with_the_decision_problem():
    # the decision problem's own SMAA model (uniform weights under the AHP order, scores ± 0.5
    # clamped to 1..5) and its WSM ranking feed the exact selection; pinned processes are certain
    from koers import decide, examples
    p = decide.DecisionProblem.load(examples.path("west-betuwe-2022", "decision.json"))
    s = ks.Selection.load(examples.path("west-betuwe-2022", "selection.json"))
    a = ks.selection_probability(p, s, samples=4, seed=3, progress=False, threads=2)
    b = ks.selection_probability(p, s, samples=4, seed=3, progress=False, threads=1)
    assert a.equals(b)
    assert a.attrs["score_model"] == "uniform" and a.attrs["orderings"]
    assert (a.loc[a["mandatory"], "probability"] == 1.0).all()
    assert a["selected"].sum() == len(ks.select(s).selected)
    with pytest.raises(InputError):
        ks.selection_probability(p, HAND, samples=2, progress=False)  # ids are not alternatives


def test_limits_report_bound_and_gap(cli, capsys):
    from koers import examples
    s = ks.Selection.load(examples.path("west-betuwe-2022", "selection.json"))
    r = ks.select(s, node_limit=50)
    assert r.status == "limit" and r.gap >= 0 and r.bound >= r.total_score
    assert r.gap == pytest.approx(r.bound - r.total_score)
    assert pickle.loads(pickle.dumps(r)).to_dict() == r.to_dict()
    assert cli(["select", "--example", "west-betuwe-2022", "--node-limit", "50", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "limit"


def test_evaluate_any_list():
    # HAND (source: this file): {b, c} fits (60 | 50) with one process each; {big} fits nobody;
    # {b} fits but leaves one expert without a process.
    r = ks.select(HAND)
    e = r.evaluate(["c", "b"])
    assert e.feasible and e.meets_minimum and e.total_score == 11 and e.lost == 1
    assert e.selected == ["b", "c"] and e.missing == ["urgent"] and e.extra == []
    assert not r.evaluate(["big"]).feasible
    one = r.evaluate(["b"])
    assert one.feasible and not one.meets_minimum
    with pytest.raises(InputError):
        r.evaluate(["nope"])


def test_pooled_capacity(cli, tmp_path, capsys):
    # Source: this file. One pool of 8 h: a (3 points, 5 h) alone vs b + c (2 + 2, 4 + 4 h) = 4.
    d = {"format": "koers.selection", "version": 1, "capacity_hours": 8, "top_n": 1,
         "items": [{"id": "a", "score": 3, "hours": 5}, {"id": "b", "score": 2, "hours": 4},
                   {"id": "c", "score": 2, "hours": 4}]}
    r = ks.select(d)
    assert r.selected == ["b", "c"] and r.optimum == 4 and r.gap == 0
    assert r.assignment_map == {} and r.hours_used.empty
    assert r.top_n.selected == ["a"] and r.top_n.lost == 1
    p = tmp_path / "pool.json"
    p.write_text(json.dumps(d))
    assert cli(["select", str(p)]) == 0
    assert "- b" in capsys.readouterr().out
