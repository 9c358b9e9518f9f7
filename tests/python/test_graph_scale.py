"""The strategy graph at scale (issues 10 §2 and 13 item 7): the user's calls run on the graph as
it is — evaluation without a GRL copy, coverage as a sparse structure, explanations on demand —
and give the same answers as the id tables and the GRL model they replace. Inputs are generated
here; the tests assert answers, never times (timings live in benchmarks/bench_graph.py)."""
import json
import subprocess
import sys

import pytest

import koers
from koers import _core, grl
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate, generate_themed  # noqa: E402

EXAMPLES = ROOT / "python" / "koers" / "examples" / "data"


def chain(n: int, own_work: bool = False) -> dict:
    """A development over a decomposition chain of n goals, one intervention at the bottom (and,
    with own_work, one more intervention on every tenth goal)."""
    nodes = [{"id": "d0", "kind": "development", "name": "D"}]
    nodes += [{"id": f"g{i}", "kind": "goal", "name": f"G{i}"} for i in range(n)]
    nodes += [{"id": "i0", "kind": "intervention", "name": "I", "status": "new", "channel": "formal"}]
    edges = [{"kind": "refines", "from": "d0", "to": "g0"}]
    edges += [{"kind": "decomposes", "from": f"g{i}", "to": f"g{i + 1}"} for i in range(n - 1)]
    edges += [{"kind": "contributes", "from": "i0", "to": f"g{n - 1}", "strength": 50}]
    if own_work:
        for i in range(0, n, 10):
            nodes.append({"id": f"w{i}", "kind": "intervention", "name": f"W{i}", "status": "new", "channel": "on_the_job"})
            edges.append({"kind": "contributes", "from": f"w{i}", "to": f"g{i}", "strength": 20})
    return {"format": "koers.model", "version": 1, "name": "chain", "nodes": nodes, "edges": edges,
            "strategies": [{"name": "s", "values": {"i0": 80}}]}


def test_7_analyse_on_a_40000_goal_chain_is_linear_and_right(tmp_path):
    n = 40_000
    p = tmp_path / "chain.json"
    p.write_text(json.dumps(chain(n)), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "koers.cli", "analyse", str(p), "--json"], capture_output=True,
                       text=True, timeout=120)  # a guard against a hang, not a timing
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["valid"] and d["gaps"] == []
    assert len(d["coverage"]) == n and all(v == ["i0"] for v in d["coverage"].values())
    # every goal and the development hang on the one intervention
    spof = d["single_points_of_failure"]
    assert len(spof) == n + 1 and all(v == ["i0"] for v in spof.values())
    assert d["learning_mix"]["d0"]["formal"] == 1


def test_7_a_chain_with_work_along_it_collects_everything_below():
    n = 2_000
    plan = koers.loads(json.dumps(chain(n, own_work=True)))
    cov = plan.coverage()
    for i in (0, 5, 10, 1990, n - 1):
        below = [f"w{k}" for k in range(0, n, 10) if k >= i]
        assert cov.by_goal[f"g{i}"] == ["i0"] + below  # model order: i0 comes before the w's
    assert cov.cells == sum(1 + len([k for k in range(0, n, 10) if k >= i]) for i in range(n))
    spof = {r["node"]: r["work"] for r in plan._spof_rows()}
    assert "g0" not in spof and spof[f"g{n - 1}"] == ["i0"]  # the top has several lines of support
    ev = plan.evaluate("s")
    assert ev.value(f"g{n - 1}") == 40 and ev.rule(f"g{n - 1}") == "contributions +40 → 40"


def plans():
    yield "flat", generate(5_000)
    yield "themed", generate_themed(8_000)
    for p in sorted(EXAMPLES.glob("*/model*.json")):
        yield p.name, json.loads(p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name,doc", list(plans()), ids=lambda x: x if isinstance(x, str) else "")
def test_coverage_sparse_matches_the_id_tables(name, doc):
    plan = koers.loads(json.dumps(doc))
    cov = plan.coverage()
    table = _core.coverage(plan.graph)  # the C++ id tables
    assert cov.goals == list(table.goals) and cov.interventions == list(table.interventions)
    assert cov.by_goal == {k: list(v) for k, v in table.by_goal.items()}
    assert cov.gaps == list(table.gaps) and cov.cells == len(table.entries)
    assert cov._entries == [(e.goal, e.intervention, e.direct, e.strength) for e in table.entries]


@pytest.mark.parametrize("name,doc", list(plans()), ids=lambda x: x if isinstance(x, str) else "")
@pytest.mark.parametrize("algorithm", ["quantitative", "qualitative"])
def test_evaluation_on_the_graph_matches_the_grl_model(name, doc, algorithm):
    plan = koers.loads(json.dumps(doc))
    model = grl.from_model(plan)
    for s in model.strategies():
        a = plan.evaluate(s, algorithm=algorithm)
        b = model.evaluate(s, algorithm=algorithm)
        assert a.raw() == b.raw()
        assert a.to_dict() == b.to_dict()
        fa, fb = a.to_frame(), b.to_frame()
        assert fa.equals(fb) and list(fa.dtypes) == list(fb.dtypes)
        assert list(fa.columns) == ["name", "kind", "value", "label", "given", "rule"]
        assert list(a.to_frame(explain=False).columns) == ["name", "kind", "value", "label", "given"]
        top = fa.index[-1]
        assert a.explain(top).equals(b.explain(top)) and a.rule(top) == fa.loc[top, "rule"]


def test_explanations_are_the_values_arithmetic():
    plan = koers.loads(json.dumps(generate_themed(4_000)))
    ev = plan.evaluate("random")
    frame = ev.to_frame()
    goals = [i for i, k in zip(frame.index, frame["kind"], strict=True) if k == "goal"][:50]
    for g in goals:
        ex = ev.explain(g)
        contrib = ex[ex["link"] == "contribution"]
        assert (contrib["amount"] == (contrib["strength"] * contrib["source_value"] / 100).astype(int)).all()
        dec = ex[ex["link"] == "decomposition"]
        if len(dec) and not len(contrib[contrib["amount"] != 0]):
            assert frame.loc[g, "value"] == (dec["amount"].min() if "AND" in ex.attrs["rule"] else dec["amount"].max())


def test_evaluation_errors_match_the_grl_model():
    doc = generate(2_000)
    doc["edges"].append({"kind": "contributes", "from": "i1", "to": "nowhere", "strength": 10})
    plan = koers.loads(json.dumps(doc))
    with pytest.raises(koers.GraphError) as a:
        plan.evaluate("random")
    with pytest.raises(koers.GraphError) as b:
        grl.from_model(plan)
    assert str(a.value) == str(b.value) and "E200" in str(a.value)
    doc["edges"].pop()
    plan = koers.loads(json.dumps(doc))
    with pytest.raises(koers.GraphError) as a:
        plan.evaluate("no such strategy")
    with pytest.raises(koers.GraphError) as b:
        grl.from_model(plan).evaluate("no such strategy")
    assert str(a.value) == str(b.value) and "E209" in str(a.value)


def test_a_cycle_is_the_same_E201_on_both_paths():
    doc = chain(50)
    doc["edges"].append({"kind": "decomposes", "from": "g30", "to": "g10"})
    plan = koers.loads(json.dumps(doc))
    assert any(p["code"] == "E201" for p in plan.problems())
    with pytest.raises(koers.GraphError) as a:
        plan.evaluate("s")
    with pytest.raises(koers.GraphError) as b:
        grl.from_model(plan).evaluate("s")
    assert str(a.value) == str(b.value) and "E201" in str(a.value)
