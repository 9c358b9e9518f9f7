"""The results cross the bindings as Python objects (issue 12 §2: bindings translate types, not
JSON text): ``_core.optimise``, ``_core.curve``, ``_core.select``, ``_core.sweep_portfolio``,
``_core.ahp_analyse``, ``_core.cost_plan``, ``_core.intervention_cost`` and
``AhpDocument.to_dict`` give the JSON value of each result's one C++ writer
(``src/result_json.hpp``) translated into dicts, lists and numbers in C++ (``to_python``); the
text of the same writer is reachable as ``_core._test_*_json``, for this file only. Here both are
held to the same content, key order and number types, so ``koers optimise --json``, ``koers
select --json``, ``koers ahp --json`` and ``koers costs --json`` print what the C++ writers
print."""
import json

import pytest

import koers
from koers import _core
from koers.budget.result import _options as portfolio_options
from koers.selection.result import _options as selection_options


def _same(a, b, path="$"):
    """Equal with the same types (int stays int, float float) and dict keys in the same order."""
    assert type(a) is type(b), (path, type(a), type(b))
    if isinstance(a, dict):
        assert list(a) == list(b), path
        for k in a:
            _same(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list):
        assert len(a) == len(b), path
        for k, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{path}[{k}]")
    else:
        assert a == b, (path, a, b)


def _no_seconds(d):
    d = dict(d)
    d.pop("seconds", None)
    return d


def _portfolios():
    base = {"format": "koers.portfolio", "version": 1, "name": "x",
            "streams": [{"id": "s", "budget_cents": 15, "reserved_cents": 1}]}
    item = {"stream": "s", "value": 1}
    return {"deventer": koers.Portfolio.example("deventer-2014"),
            "stream conflict": koers.Portfolio.from_dict(dict(base, items=[
                dict(item, id="a", cost_cents=10, mandatory=True), dict(item, id="b", cost_cents=10, mandatory=True)])),
            "requires conflict": koers.Portfolio.from_dict(dict(base, items=[
                dict(item, id="a", cost_cents=1, mandatory=True), dict(item, id="b", cost_cents=1, excluded=True)],
                requires=[["a", "b"]])),
            "group conflict": koers.Portfolio.from_dict(dict(base, items=[
                dict(item, id="a", cost_cents=1, mandatory=True), dict(item, id="b", cost_cents=1),
                dict(item, id="c", cost_cents=1, mandatory=True)],
                requires=[["a", "b"]], groups=[{"id": "g", "items": ["b", "c"], "max": 1}]))}


@pytest.mark.parametrize("name", ["deventer", "stream conflict", "requires conflict", "group conflict"])
@pytest.mark.parametrize("limits", [{}, {"node_limit": 1}])
def test_optimise_gives_the_fields_of_its_json(name, limits):
    p = _portfolios()[name]
    o = portfolio_options(**limits)
    d = _core.optimise(p._p, o)
    _same(_no_seconds(d), _no_seconds(json.loads(_core._test_optimise_json(p._p, o))))
    assert isinstance(d["seconds"], float)
    if name != "deventer":
        assert d["status"] == "infeasible" and d["conflict"]["kind"] == name.split()[0]


def test_curve_gives_the_fields_of_its_json():
    p = koers.Portfolio.example("deventer-2014")
    o = portfolio_options(check_unique=False, check_binding=False)
    d = _core.curve(p._p, "stream.strategisch", o, 100000)
    _same(d, json.loads(_core._test_curve_json(p._p, "stream.strategisch", o, 100000)))
    assert len(d["breakpoints"]) > 10 and d["breakpoints"][0]["budget_cents"] == 0


def test_sweep_gives_the_columns_of_its_json():
    p = koers.Portfolio.example("deventer-2014")
    forced = tuple(i for i, r in p.items.iterrows() if r["stream"] == "stream.strategisch")
    grouped = {i for g in p.to_dict().get("groups", []) for i in g["items"]}
    big = max((i for i in forced if i not in grouped), key=lambda i: p.items.loc[i, "cost"])
    scs = koers.grid(p, cut=("0", "0.5", "0.25")) + [
        koers.budget.Scenario("error", force_items=forced),  # more forced than its groups allow
        koers.budget.Scenario("infeasible", scale_budget={"stream.strategisch": "0.001"}, force_items=(big,))]
    d = p.with_scenarios(scs)
    o = portfolio_options(0, 0, False, False)
    cols = _core.sweep_portfolio(d._p, 2, o)
    _same(cols, json.loads(_core._test_sweep_portfolio_json(d._p, 2, o)))
    assert cols["status"][-2:] == ["error", "infeasible"] and cols["conflict"][-1]["kind"] == "stream"
    assert isinstance(cols["error"][-2], str) and isinstance(cols["error_code"][-2], int)
    assert cols["streams"] == list(p.streams.index)


def _selections():
    ok = koers.selection.Selection.from_dict({
        "format": "koers.selection", "version": 1,
        "items": [{"id": "big", "score": 10, "hours": 150}, {"id": "b", "score": 6, "hours": 60},
                  {"id": "c", "score": 5, "hours": 50}, {"id": "urgent", "score": 1, "hours": 40, "mandatory": True}],
        "experts": [{"id": "y", "hours": 100}, {"id": "x", "hours": 100}], "min_items_per_expert": 1, "top_n": 2})
    bad = ok.to_dict()
    for it in bad["items"]:
        it["mandatory"] = True
    return {"assigned": ok, "infeasible": koers.selection.Selection.from_dict(bad),
            "west-betuwe": koers.selection.Selection.load(koers.examples.path("west-betuwe-2022", "selection.json"))}


@pytest.mark.parametrize("name", ["assigned", "infeasible", "west-betuwe"])
def test_select_gives_the_fields_of_its_json(name):
    s = _selections()[name]
    o = selection_options()
    d = _core.select(s._core_obj, o)
    _same(_no_seconds(d), _no_seconds(json.loads(_core._test_select_json(s._core_obj, o))))
    assert (d["status"] == "infeasible") == (name == "infeasible")
    if name == "assigned":
        assert list(d["assignment"]) == ["x", "y"]  # keyed as the JSON object was: sorted


# --- AHP: the analysis, and the document ---------------------------------------------------------
def _ahp_docs():
    def js(pairs):
        return [{"a": a, "b": b, "value": v} for a, v, b in pairs]
    single = {"format": "koers.ahp", "version": 1, "name": "single", "elements": ["x", "y", "z", "w"],
              "judgments": js([("x", 3, "y"), ("y", 2, "z"), ("x", 9, "z"), ("w", 1 / 5, "x")])}  # w-y, w-z missing
    n = 17  # past the table: a Monte-Carlo RI (ri_samples, ri_seed)
    names = [f"e{i}" for i in range(n)]
    big = {"format": "koers.ahp", "version": 1, "elements": names, "priorities": "geometric", "cr_threshold": 0.2,
           "judgments": js([(names[i], 1 + (i * j) % 5, names[j]) for i in range(n) for j in range(i + 1, n)])}
    group = json.loads(koers.examples.path("west-betuwe-2022", "ahp.json").read_text(encoding="utf-8"))
    aip = dict(group, aggregation="aip")
    crit = {"elements": ["c1", "c2"], "judgments": js([("c1", 2, "c2")])}
    alts = {"elements": ["p", "q", "r"], "judgments": {"c1": js([("p", 3, "q"), ("q", 2, "r")]),
                                                       "c2": js([("r", 4, "p"), ("q", 1, "r"), ("p", 1 / 2, "q")])}}
    hier = {"format": "koers.ahp", "version": 1, "name": "h", "criteria": crit, "alternatives": alts}
    judged = {"elements": ["c1", "c2"], "judges": [{"name": "j1", "judgments": js([("c1", 2, "c2")])},
                                                   {"name": "j2", "weight": 2, "judgments": js([("c2", 3, "c1")])}]}
    return {"single": single, "monte-carlo": big, "group": group, "aip": aip, "hierarchy": hier,
            "hierarchy of judges": dict(hier, criteria=judged, aggregation="aip")}


@pytest.mark.parametrize("name", ["single", "monte-carlo", "group", "aip", "hierarchy", "hierarchy of judges"])
def test_ahp_analysis_gives_the_fields_of_its_json(name):
    doc = _core.ahp_read(_ahp_docs()[name])
    r = _core.ahp_analyse(doc)
    _same(r, json.loads(_core._test_ahp_analyse_json(doc)))
    _same(doc.to_dict(), json.loads(doc.to_json(-1)))
    assert r["kind"] == {"single": "single", "monte-carlo": "single", "group": "group", "aip": "group"}.get(name, "hierarchy")
    if name == "monte-carlo":
        assert r["ri_source"] == "monte-carlo" and isinstance(r["ri_seed"], int)
    if name.startswith("hierarchy"):  # the criteria's figures at the top are copies, not the same objects
        assert r["weights"] == r["criteria"]["weights"] and r["weights"] is not r["criteria"]["weights"]


def test_ahp_file_reads_as_the_same_document():
    path = koers.examples.path("west-betuwe-2022", "ahp.json")
    assert _core.ahp_load(str(path)) == _core.ahp_read(json.loads(path.read_text(encoding="utf-8")))


# --- the plan costing ----------------------------------------------------------------------------
@pytest.mark.parametrize("options", [{}, {"ilb_share": "1/3", "uptake": "0.5", "rounding": "floor"},
                                     {"costs": {"iv.gesprekstechnieken": {
                                         "fixed_cents": 200000, "per_run_cents": 125000, "runs": 2,
                                         "per_participant_cents": 45000, "cost_cents": 2250000,
                                         "hours_per_participant": 16}}}])
def test_cost_plan_gives_the_fields_of_its_json(options):
    g = koers.examples.load("deventer-2014")._g
    d = _core.cost_plan(g, options)
    _same(d, json.loads(_core._test_cost_plan_json(g, options)))
    assert d["interventions"] and d["streams"] and isinstance(d["total"]["cost_cents"], int)


@pytest.mark.parametrize("fields", [
    {"fixed_cents": 150000, "per_run_cents": 80000, "runs": 3, "per_participant_cents": 4550, "participants": 36,
     "hours_per_participant": "7.5"},
    {"fixed_cents": 100000, "cost_cents": 100000, "target_group_sizes": [10, 25], "uptake": "1/2", "ilb_share": "0.5", "rounding": "ceil"},
    {"fixed_cents": 1}])
def test_intervention_cost_gives_the_fields_of_its_json(fields):
    _same(_core.intervention_cost(fields), json.loads(_core._test_intervention_cost_json(fields)))
