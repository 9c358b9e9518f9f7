"""Budgets and what-if scenarios (issue 5): Tabel 7, payroll path, exact optimisation, curves,
sweeps (threads and Dask), CLI and bad files.

Sources: seed 000_b2e3445de29c70ff, ch. 4.2, Tabel 7 'overzicht budgetten' (Deventer 2014):
strategic 314.777,00, functional 314.594,00, personal 357.451,62; "ongeveer 2% van de loonsom",
3 % by 2020; the programme runs from 1 May 2014. Costs in the example portfolio are illustrative
(Bijlage 2 is not in the seed text).
"""
import json
import pickle
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

import koers
from koers import budget

from conftest import run_cli

EXAMPLE = koers.examples.path("deventer-2014", "portfolio.json")


@pytest.fixture(scope="module")
def p():
    return koers.Portfolio.example("deventer-2014")


# ---- budget model ---------------------------------------------------------------------------

def test_tabel7_exact():
    m = koers.BudgetModel.deventer_2014()
    st = m.streams
    assert st.loc["stream.strategisch", "budget"] == 31477700
    assert st.loc["stream.functioneel", "budget"] == 31459400
    assert st.loc["stream.persoonlijk", "budget"] == 35745162
    assert st["budget"].dtype == np.int64
    assert 31477700 + 31459400 + 35745162 == 98682262 == m.total.cents == int(st["budget"].sum())
    t7 = m.table7()
    assert t7.loc["total", "amount"] == "€ 986.822,62"
    assert t7.loc["stream.strategisch", "amount"] == "€ 314.777,00"


def test_strategic_minus_10_percent():
    m = koers.BudgetModel.deventer_2014().scale("stream.strategisch", "0.9")
    assert m.streams.loc["stream.strategisch", "budget"] == 28329930 == (31477700 * 9) // 10
    with pytest.raises(koers.BudgetError):
        koers.BudgetModel.deventer_2014().scale("stream.strategisch", 0.9)  # a float loses cents


def test_payroll_path():
    m = koers.BudgetModel.deventer_2014()
    payroll = m.payroll("0.02")
    assert payroll == 98682262 * 50
    path = m.path()
    assert list(path.index) == [2014, 2015, 2016, 2017]
    # share from 2 % (2014) to 3 % (2020) linearly, exact: 2 + k/6 %
    for year, row in path.iterrows():
        share = Fraction(2, 100) + Fraction(1, 100) * Fraction(year - 2014, 6)
        assert Fraction(row.share_num, row.share_den) == share
        months = 8 if year == 2014 else 12  # from 1 May 2014
        assert row.months == months
        exact = Fraction(payroll) * share * Fraction(months, 12)
        assert abs(Fraction(int(row.budget)) - exact) <= Fraction(1, 2)
    assert path.loc[2014, "budget"] == round(Fraction(98682262 * 8, 12))  # Tabel 7, 8 of 12 months
    assert path["budget"].is_monotonic_increasing


def test_fte_shares_add_up():
    m = koers.BudgetModel.deventer_2014()
    s = m.shares_by_fte("stream.functioneel", {"A": "12.5", "B": "8.3", "C": "21.75", "D": "0.6"})
    assert int(s["amount"].sum()) == 31459400


def test_budget_model_pickles():
    m = koers.BudgetModel.deventer_2014()
    m2 = pickle.loads(pickle.dumps(m))
    assert m2.total.cents == 98682262 and list(m2.reserved["amount"]) == list(m.reserved["amount"])


# ---- portfolio ------------------------------------------------------------------------------

def test_portfolio_roundtrip_and_pickle(p, tmp_path):
    d = p.to_dict()
    assert d["format"] == "koers.portfolio" and "illustrative" in d["note"].lower()
    assert koers.Portfolio.from_dict(d) == p
    assert pickle.loads(pickle.dumps(p)) == p
    p.save(tmp_path / "x.json")
    assert koers.Portfolio.load(tmp_path / "x.json") == p
    assert "items=30" in repr(p)
    assert p.streams.loc["stream.strategisch", "budget"] == 31477700
    assert int(p.streams["budget"].sum()) == 98682262


def test_portfolio_ids_match_model(p):
    model = koers.examples.load("deventer-2014")
    assert set(p.items.index) == set(model.interventions().index)
    assert bool(p.items.loc["iv.agressie-en-geweld", "mandatory"])
    nodes = set(model.nodes().index)
    assert set(p.goals.index) <= nodes


def test_scenario_minus_10_percent(p):
    q = p.apply("strategisch -10%")
    assert q.streams.loc["stream.strategisch", "budget"] == 28329930
    assert q.streams.loc["stream.strategisch", "reserved"] == 4000000  # reserved lines are not scaled
    assert q.streams.loc["stream.functioneel", "budget"] == 31459400


def test_compose():
    a = budget.Scenario("a", scale_budget={"stream.strategisch": "0.9"}, drop_items=["x"])
    b = budget.Scenario("b", scale_budget={"stream.strategisch": "0.95"}, mandatory_items=["x"])
    c = budget.compose(a, b)
    assert c.name == "a + b" and c.scale_budget == {"stream.strategisch": "0.855"}
    assert c.drop_items == () and c.mandatory_items == ("x",)
    s = budget.compose(budget.Scenario("s", set_budget_cents={"stream.strategisch": 1001}), budget.Scenario("h", scale_budget={"stream.strategisch": "0.5"}))
    assert s.set_budget_cents == {"stream.strategisch": 500}


def _highs_optimum(p):
    """The same model solved by HiGHS (MIP), as the cross-check."""
    import highspy
    d = p.to_dict()
    items = d["items"]
    goals = {g["id"]: g["weight"] for g in d.get("goals", [])}
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    n = len(items)
    gid = list(goals)
    inf = highspy.kHighsInf
    for it in items:
        lo = 1.0 if it.get("mandatory") else 0.0
        hi = 0.0 if it.get("excluded") else 1.0
        h.addVar(lo, hi)
    for _ in gid:
        h.addVar(0.0, 1.0)
    for k in range(n + len(gid)):
        h.changeColIntegrality(k, highspy.HighsVarType.kInteger)
    for k, g in enumerate(gid):
        h.changeColCost(n + k, float(goals[g]))
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    for s in d["streams"]:
        idx = [i for i, it in enumerate(items) if it["stream"] == s["id"]]
        if idx:
            h.addRow(-inf, float(s["budget_cents"] - s.get("reserved_cents", 0)), len(idx), np.array(idx, dtype=np.int32),
                     np.array([float(items[i]["cost_cents"]) for i in idx]))
    for k, g in enumerate(gid):  # y_g <= sum x_i covering g
        idx = [i for i, it in enumerate(items) if g in it.get("covers", [])]
        h.addRow(-inf, 0.0, len(idx) + 1, np.array([n + k] + idx, dtype=np.int32), np.array([1.0] + [-1.0] * len(idx)))
    pos = {it["id"]: i for i, it in enumerate(items)}
    for grp in d.get("groups", []):
        idx = [pos[i] for i in grp["items"]]
        h.addRow(-inf, float(grp["max"]), len(idx), np.array(idx, dtype=np.int32), np.ones(len(idx)))
    for a, b in d.get("requires", []):
        h.addRow(-inf, 0.0, 2, np.array([pos[a], pos[b]], dtype=np.int32), np.array([1.0, -1.0]))
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    return round(h.getInfo().objective_function_value)


def test_optimise_example_against_highs(p):
    r = koers.optimise(p)
    assert r.status == "optimal" and r.gap == 0 and r.bound == r.optimum
    assert r.optimum == _highs_optimum(p)
    assert "iv.agressie-en-geweld" in r.selection
    sp = r.spend
    assert list(sp.columns) == ["budget", "reserved", "capacity", "spent", "free", "binding"]
    assert sp["spent"].dtype == np.int64
    assert sp.loc["stream.strategisch", "spent"] <= sp.loc["stream.strategisch", "capacity"]
    assert sp.loc["stream.strategisch", "spent"] == sum(p.items.loc[i, "cost"] for i in r.selection)
    assert bool(sp.loc["stream.strategisch", "binding"]) == ("stream.strategisch" in r.binding)
    fr = r.to_frame()
    assert fr["funded"].sum() == len(r.selection) and fr["reason"].str.len().min() > 0
    assert pickle.loads(pickle.dumps(r)).optimum == r.optimum
    # every scenario agrees with HiGHS too
    for s in p.scenarios:
        q = p.apply(s)
        assert q.optimise().optimum == _highs_optimum(q), s.name
    # the optimum beats (or equals) funding in plan order
    assert r.optimum >= p.plan_order().optimum


def test_infeasible_explained(p):
    r = p.apply("strategisch EUR 50.000 (onhaalbaar)").optimise()
    assert r.status == "infeasible" and r.optimum is None and r.selection == []
    c = r.conflict
    assert c["stream"] == "stream.strategisch" and c["items"] == ["iv.agressie-en-geweld"]
    assert c["required_cents"] == int(p.items.loc["iv.agressie-en-geweld", "cost"])
    assert c["capacity_cents"] == 5000000 - 4000000
    text = r.explain_infeasible()
    assert "stream.strategisch" in text and "€ 10.000,00" in text
    assert r.to_dict()["conflict"]["available_cents"] == 1000000


def test_curve_monotone_and_exact(p):
    c = koers.curve(p, "stream.strategisch")
    assert c["budget"].is_monotonic_increasing and c["budget"].iloc[0] == 0
    opts = [int(v) for v in c["optimum"].dropna()]
    assert opts == sorted(opts) and len(set(opts)) == len(opts)
    for b, o in zip(c["budget"], c["optimum"], strict=True):
        q = koers.budget.Scenario("at", set_budget_cents={"stream.strategisch": int(b)}).apply(p).optimise(check_unique=False, check_binding=False)
        assert (q.optimum is None) if pd.isna(o) else (q.optimum == int(o))
        if b > 0:  # just below a breakpoint the optimum is lower
            q1 = koers.budget.Scenario("below", set_budget_cents={"stream.strategisch": int(b) - 1}).apply(p).optimise(check_unique=False, check_binding=False)
            assert q1.optimum is None or pd.isna(o) or q1.optimum < int(o)
    ax = c.plot()
    assert ax.get_xlabel().startswith("budget")


# ---- sweeps ---------------------------------------------------------------------------------

def _grid(p):
    return koers.grid(p, cut=("0", "0.30", "0.01"), payroll_share=("0.02", "0.03", "0.005"),
                      mandatory={"agressie": [], "+zaakgericht": ["iv.zaakgericht-werken"]})


def test_sweep_matches_single_solves(p):
    g = _grid(p)
    assert len(g) == 31 * 3 * 2
    df = koers.sweep(p, g, progress=False)
    assert list(df["scenario"]) == [s.name for s in g]
    assert {"cut", "payroll_share", "mandatory", "status", "optimum", "spent_stream.strategisch"} <= set(df.columns)
    for k in (0, 7, 100, len(g) - 1):
        r = g[k].apply(p).optimise(check_unique=False, check_binding=False)
        assert df.loc[k, "optimum"] == r.optimum
        assert df.loc[k, "spent_stream.strategisch"] == r.spent_cents["stream.strategisch"]
    one = koers.sweep(p, g, threads=1, progress=False)
    pd.testing.assert_frame_equal(df, one)
    # the cut row at 10 %, 2 %: floor(31477700 × 0.9)
    row = df[(df["cut"] == "0.1") & (df["payroll_share"] == "0.02") & (df["mandatory"] == "agressie")].iloc[0]
    assert row["budget_stream.strategisch"] == 28329930


def test_sweep_bad_scenario_refused_up_front(p):
    # every scenario is validated before any solve: nothing half-swept
    with pytest.raises(koers.BudgetError) as e:
        koers.sweep(p, [{"name": "ok"}, {"name": "bad", "drop_items": ["iv.feedback"], "mandatory_items": ["iv.feedback"]}],
                    progress=False)
    assert int(e.value.code) == 406 and "bad" in str(e.value)


def test_sweep_dask_equals_threads(p):
    distributed = pytest.importorskip("distributed")
    g = _grid(p)
    local = koers.sweep(p, g, progress=False)
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as client:
        remote = koers.sweep(p, g, client=client, progress=False, chunk_size=25)
    pd.testing.assert_frame_equal(local, remote)


# ---- CLI and bad files ----------------------------------------------------------------------

def test_cli_optimise_json():
    r = run_cli("optimise", EXAMPLE, "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    for k in ("status", "optimum", "selected", "spent_cents", "bound", "gap", "unique", "binding", "scenarios"):
        assert k in d
    assert d["status"] == "optimal" and d["gap"] == 0
    inf = [s for s in d["scenarios"] if s["status"] == "infeasible"]
    assert len(inf) == 1 and inf[0]["optimum"] is None and inf[0]["selected"] == []
    c = inf[0]["conflict"]
    assert c["stream"] == "stream.strategisch" and c["required_cents"] > c["capacity_cents"] == 1000000
    assert c["items"] == ["iv.agressie-en-geweld"]
    r2 = run_cli("optimise", "--example", "deventer-2014", "--json")
    assert r2.returncode == 0 and json.loads(r2.stdout)["optimum"] == d["optimum"]


def test_cli_curve_and_scenarios():
    r = run_cli("curve", EXAMPLE, "--stream", "stream.strategisch", "--json")
    assert r.returncode == 0, r.stderr
    pts = json.loads(r.stdout)["breakpoints"]
    assert pts[0]["budget_cents"] == 0 and all(isinstance(x["budget_cents"], int) for x in pts)
    r = run_cli("scenarios", EXAMPLE, "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)["scenarios"]
    assert rows[0]["name"] == "base" and rows[1]["budget_cents"]["stream.strategisch"] == 28329930
    assert run_cli("scenarios", EXAMPLE).returncode == 0
    assert run_cli("curve", EXAMPLE, "--stream", "nope").returncode == 2


def test_cli_infeasible_base_exit_1(p, tmp_path):
    d = p.to_dict()
    d["streams"][0]["budget_cents"] = 5000000
    f = tmp_path / "inf.json"
    f.write_text(json.dumps(d))
    r = run_cli("optimise", f, "--json")
    assert r.returncode == 1
    out = json.loads(r.stdout)
    assert out["status"] == "infeasible" and out["conflict"]["stream"] == "stream.strategisch"
    assert "cannot hold" in r.stderr


def _bad(tmp_path, p, change):
    d = p.to_dict()
    change(d)
    f = tmp_path / "bad.json"
    f.write_text(json.dumps(d) if not isinstance(d, str) else d)
    return f


@pytest.mark.parametrize("name,change,code,cls", [
    ("wrong format", lambda d: d.update(format="koers.model"), 102, koers.InputError),
    ("unknown field", lambda d: d["items"][0].update(colour="red"), 104, koers.InputError),
    ("float cents", lambda d: d["streams"][0].update(budget_cents=314777.0), 106, koers.InputError),
    ("cost mismatch", lambda d: d["items"][1].update(cost_cents=d["items"][1]["cost_cents"] + 1), 404, koers.BudgetError),
    ("unknown stream", lambda d: d["items"][0].update(stream="nope"), 402, koers.BudgetError),
    ("float factor", lambda d: d["scenarios"][0].update(scale_budget={"stream.strategisch": 0.9}), 106, koers.InputError),
])
def test_bad_files(tmp_path, p, name, change, code, cls):
    f = _bad(tmp_path, p, change)
    with pytest.raises(cls) as e:
        koers.Portfolio.load(f)
    assert int(e.value.code) == code, name
    r = run_cli("optimise", f)
    assert r.returncode == 2, (name, r.stderr)
    assert f"E{code}" in r.stderr


def test_bad_file_paths(tmp_path, p):
    f = _bad(tmp_path, p, lambda d: d["items"][3].update(colour="red"))
    with pytest.raises(koers.InputError) as e:
        koers.Portfolio.load(f)
    assert "/items/3/colour" in str(e.value)
    nj = tmp_path / "nj.json"
    nj.write_text("{not json")
    with pytest.raises(koers.InputError) as e:
        koers.Portfolio.load(nj)
    assert int(e.value.code) == 101
    assert run_cli("optimise", nj).returncode == 2
    assert run_cli("optimise", tmp_path / "missing.json").returncode == 2
    assert run_cli("optimise").returncode == 2


def test_report_section(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    from koers import report_budget
    r = report_budget.deventer_budget(tmp_path)
    assert "€ 986.822,62" in r["text"] and "strategisch -10%" in r["text"]
    assert r["data"]["total_cents"] == 98682262
    # the payroll path (in euros) and the budget curve
    assert [f.name for f in r["figures"]] == ["deventer_payroll_path.png", "deventer_budget_curve.png"]
    assert all(f.is_file() and f.suffix == ".png" for f in r["figures"])


def test_sweep_progress_bar(p, capsys):
    g = koers.grid(p, cut=("0", "0.05", "0.01"))
    df = koers.sweep(p, g, progress=True, threads=2)
    assert len(df) == 6 and (df["status"] == "optimal").all()
    err = capsys.readouterr().err
    assert "6/6" in err  # tqdm wrote its bar to stderr


def test_cli_sweep(p):
    r = run_cli("sweep", EXAMPLE, "--cut", "0:0.2:0.1", "--share", "0.02:0.03:0.01", "--force",
                "zaak=iv.zaakgericht-werken", "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["count"] == 3 * 2 * 2
    row = next(x for x in d["rows"] if x["cut"] == "0.1" and x["payroll_share"] == "0.02" and x["mandatory"] == "base")
    assert row["budget_cents"]["stream.strategisch"] == 28329930
    assert row["optimum"] == p.apply("strategisch -10%").optimise().optimum
    assert run_cli("sweep", EXAMPLE, "--cut", "0:1").returncode == 2


# ---- scenarios: costs, participants, moves, payroll share (issue 5 §2) ----------------------
# Deventer example (tools/make_deventer_portfolio.py): Tabel 7 budgets (seed 000, ch. 4),
# illustrative costs; expected values computed by hand in the comments.

def test_new_scenarios_example_exact(p):
    q = p.apply("3% loonsom")  # payroll 2 % -> 3 %: × 3/2, floor
    assert q.streams["budget"].to_dict() == {"stream.strategisch": 47216550, "stream.functioneel": 47189100, "stream.persoonlijk": 53617743}
    assert q.streams.loc["stream.strategisch", "reserved"] == 4000000
    q = p.apply("gesprekstechnieken 60 deelnemers, kosten +10%")
    assert q.items.loc["iv.gesprekstechnieken", "cost"] == 3564000  # 540,00 × 60 × 1.1
    assert q.items.loc["iv.gesprekstechnieken", "participants"] == 60
    assert q.items.loc["iv.beinvloedingsstijlen", "cost"] == 1568160  # 14.256,00 × 1.1
    assert q.items.loc["iv.spelsimulatie-hnw", "cost"] == 3168000  # 28.800,00 × 1.1
    q = p.apply("EUR 50.000 van persoonlijk naar strategisch")
    assert q.streams["budget"].to_dict() == {"stream.strategisch": 36477700, "stream.functioneel": 31459400, "stream.persoonlijk": 30745162}
    # the optimum of every new scenario against HiGHS
    for name in ("3% loonsom", "gesprekstechnieken 60 deelnemers, kosten +10%",
                 "EUR 50.000 van persoonlijk naar strategisch"):
        q = p.apply(name)
        r = q.optimise()
        assert r.status == "optimal" and r.gap == 0
        assert r.optimum == _highs_optimum(q), name
        assert r.spend.loc["stream.strategisch", "spent"] == sum(q.items.loc[i, "cost"] for i in r.selection if q.items.loc[i, "stream"] == "stream.strategisch")


def test_new_scenarios_handmade_against_highs(p):
    s = budget.Scenario("mix", payroll_share={"from": "0.02", "to": "0.025"}, scale_budget={"stream.strategisch": "0.8"},
                        move_cents=[{"from": "stream.functioneel", "to": "stream.strategisch", "cents": 1_000_000}],
                        set_cost_cents={"iv.vitaliteit": 100_00}, scale_cost={"*": "0.95", "iv.mediation": "1.5"},
                        set_participants={"iv.tijdsurfen": 80})
    q = p.apply(s)
    # strategic floor(31477700 × 5/4 × 4/5) + 1000000 = 32477700; functional 31459400 × 5/4 − 1000000
    assert q.streams.loc["stream.strategisch", "budget"] == 32477700
    assert q.streams.loc["stream.functioneel", "budget"] == 38324250
    assert q.streams.loc["stream.persoonlijk", "budget"] == 44681452  # floor(35745162 × 1.25) = floor(44681452.5)
    assert q.items.loc["iv.vitaliteit", "cost"] == 10000  # set wins over "*"
    assert q.items.loc["iv.mediation", "cost"] == 2577600  # 17.184,00 × 1.5: own factor replaces "*"
    assert q.items.loc["iv.tijdsurfen", "cost"] == 2690400  # 354,00 × 80 × 0.95
    assert q.items.loc["iv.feedback", "cost"] == 1881000  # 19.800,00 × 0.95
    r = q.optimise()
    assert r.optimum == _highs_optimum(q)
    # the sweep applies the same changes in C++
    df = koers.sweep(p, [s], progress=False)
    assert int(df.loc[0, "optimum"]) == r.optimum and int(df.loc[0, "budget_stream.strategisch"]) == 32477700


def test_compose_new_fields():
    a = budget.Scenario("a", payroll_share={"from": "0.02", "to": "0.025"}, scale_cost={"*": "1.1"},
                        set_cost_cents={"y": 1001}, move_cents=[{"from": "stream.persoonlijk", "to": "stream.strategisch", "cents": 5}])
    b = budget.Scenario("b", scale_cost={"x": "0.5"},
                        set_participants={"z": 7}, move_cents=[{"from": "stream.strategisch", "to": "stream.functioneel", "cents": 1}])
    c = a + b
    assert c.payroll_share == {"from": "0.02", "to": "0.025"}
    pay = budget.Scenario("p", payroll_share={"from": "0.025", "to": "0.03"})
    assert budget.compose(budget.Scenario("q", payroll_share={"from": "0.02", "to": "0.025"}, set_budget_cents={"s": 1001}),
                          pay).to_dict() == {"name": "q + p", "set_budget_cents": {"s": 1201},  # floor(1001 × 6/5)
                                             "payroll_share": {"from": "0.02", "to": "0.03"}}
    assert budget.compose(budget.Scenario("r", payroll_share={"from": "0.5", "to": "2"}), pay).payroll_share == \
        {"from": "0.0125", "to": "0.06"}
    assert c.scale_cost == {"*": "1.1", "x": "0.55", "z": "1"}
    assert c.set_cost_cents == {"y": 1001} and c.set_participants == {"z": 7}
    assert c.move_cents == ({"from": "stream.persoonlijk", "to": "stream.strategisch", "cents": 5},
                            {"from": "stream.strategisch", "to": "stream.functioneel", "cents": 1})
    # a move, then a budget change of a moved stream: the order would matter, so it is refused
    with pytest.raises(koers.BudgetError) as e:
        budget.compose(a, budget.Scenario("cut", scale_budget={"stream.strategisch": "0.9"}))
    assert int(e.value.code) == 406 and "stream.strategisch" in str(e.value)
    assert budget.compose(budget.Scenario("cut", scale_budget={"stream.strategisch": "0.9"}), a).move_cents == a.move_cents


def test_compose_matches_sequential_application(p):
    # without floors in between (exact factors) compose(a, b) = a then b; participants re-price from the base
    a = budget.Scenario("a", scale_cost={"*": "1.5"}, move_cents=[{"from": "stream.persoonlijk", "to": "stream.strategisch", "cents": 2_000_000}])
    b = budget.Scenario("b", set_participants={"iv.gesprekstechnieken": 20}, scale_cost={"iv.feedback": "2"},
                        move_cents=[{"from": "stream.strategisch", "to": "stream.functioneel", "cents": 500_000}])
    once = p.apply(a + b)
    assert once.items.loc["iv.gesprekstechnieken", "cost"] == 54000 * 20  # re-priced, a's "*" dropped for it
    assert once.items.loc["iv.feedback", "cost"] == 1980000 * 3  # 1.5 × 2
    assert once.streams.loc["stream.strategisch", "budget"] == 31477700 + 2_000_000 - 500_000
    assert once.streams.loc["stream.functioneel", "budget"] == 31459400 + 500_000
    seq = p.apply(a).apply(b.__class__("b2", scale_cost=b.scale_cost, move_cents=b.move_cents))
    assert seq.items["cost"].drop("iv.gesprekstechnieken").equals(once.items["cost"].drop("iv.gesprekstechnieken"))
    assert seq.streams["budget"].equals(once.streams["budget"])


@pytest.mark.parametrize("name,scen,code,path", [
    ("float cents", {"set_cost_cents": {"iv.feedback": 100.0}}, 106, "/scenarios/0/set_cost_cents/iv.feedback"),
    ("negative cents", {"set_cost_cents": {"iv.feedback": -1}}, 107, "/scenarios/0/set_cost_cents/iv.feedback"),
    ("float factor", {"scale_cost": {"*": 1.1}}, 106, "/scenarios/0/scale_cost/*"),
    ("negative factor", {"scale_cost": {"*": "-1.1"}}, 406, "/scenarios/0/scale_cost/*"),
    ("not a decimal", {"scale_cost": {"iv.feedback": "1e3"}}, 406, "/scenarios/0/scale_cost/iv.feedback"),
    ("unknown item", {"scale_cost": {"iv.nope": "1.1"}}, 403, "/scenarios/0/scale_cost/iv.nope"),
    ("participants float", {"set_participants": {"iv.gesprekstechnieken": 6.0}}, 106, "/scenarios/0/set_participants"),
    ("no per-participant price", {"set_participants": {"iv.spelsimulatie-hnw": 6}}, 406,
     "/scenarios/0/set_participants/iv.spelsimulatie-hnw"),
    ("participants overflow", {"set_participants": {"iv.gesprekstechnieken": 2 ** 62}}, 114, "set_participants"),
    ("move below reserve", {"move_cents": [{"from": "stream.strategisch", "to": "stream.persoonlijk", "cents": 27477701}]}, 406,
     "/scenarios/0/move_cents/0"),
    ("move unknown stream", {"move_cents": [{"from": "stream.strategisch", "to": "nope", "cents": 1}]}, 402,
     "/scenarios/0/move_cents/0/to"),
    ("move float", {"move_cents": [{"from": "stream.strategisch", "to": "stream.persoonlijk", "cents": 1.5}]}, 106,
     "/scenarios/0/move_cents/0/cents"),
    ("move extra field", {"move_cents": [{"from": "stream.strategisch", "to": "stream.persoonlijk", "cents": 1, "x": 1}]}, 104,
     "/scenarios/0/move_cents/0/x"),
    ("payroll float", {"payroll_share": {"from": 0.02, "to": "0.03"}}, 106, "/scenarios/0/payroll_share/from"),
    ("payroll zero", {"payroll_share": {"from": "0", "to": "0.03"}}, 406, "/scenarios/0/payroll_share/from"),
])
def test_bad_new_scenario_fields(tmp_path, p, name, scen, code, path):
    def change(d):
        d["scenarios"] = [{"name": "bad", **scen}]
    f = _bad(tmp_path, p, change)
    with pytest.raises((koers.InputError, koers.BudgetError)) as e:
        koers.Portfolio.load(f)
    assert int(e.value.code) == code, (name, str(e.value))
    assert path in str(e.value), (name, str(e.value))
    r = run_cli("optimise", f)
    assert r.returncode == 2 and f"E{code}" in r.stderr, (name, r.stderr)
    # the Python Scenario refuses the type errors itself (before any C++ call)
    if code == 106:
        with pytest.raises(koers.BudgetError):
            budget.Scenario.from_dict({"name": "bad", **scen})


def test_move_below_reserve_nothing_half_applied(p):
    s = budget.Scenario("m", move_cents=[{"from": "stream.persoonlijk", "to": "stream.strategisch", "cents": 100},
                                         {"from": "stream.strategisch", "to": "stream.functioneel", "cents": 40_000_000}])
    with pytest.raises(koers.BudgetError) as e:
        p.apply(s)
    assert int(e.value.code) == 406 and "stream.strategisch" in str(e.value)
    assert p.streams.loc["stream.strategisch", "budget"] == 31477700


def test_cli_scenarios_json_shows_cost_changes():
    r = run_cli("scenarios", EXAMPLE, "--json")
    assert r.returncode == 0, r.stderr
    rows = {x["name"]: x for x in json.loads(r.stdout)["scenarios"]}
    assert rows["base"]["costs"] == []
    costs = {c["item"]: c for c in rows["gesprekstechnieken 60 deelnemers, kosten +10%"]["costs"]}
    assert len(costs) == 30
    assert costs["iv.gesprekstechnieken"] == {"item": "iv.gesprekstechnieken", "base_cents": 2160000, "cost_cents": 3564000,
                                              "base_participants": 40, "participants": 60}
    mv = rows["EUR 50.000 van persoonlijk naar strategisch"]
    assert mv["budget_cents"] == {"stream.strategisch": 36477700, "stream.functioneel": 31459400, "stream.persoonlijk": 30745162}
    assert mv["costs"] == []
    r = run_cli("optimise", EXAMPLE, "--json")
    names = [s["name"] for s in json.loads(r.stdout)["scenarios"]]
    assert "EUR 50.000 van persoonlijk naar strategisch" in names
    t = koers.Portfolio.example().compare()
    assert "540" not in t.loc["base", "cost_changes"] and "(40 → 60 participants)" in t.iloc[5]["cost_changes"]


def test_cli_scenarios_fits_100_columns_unless_wide():
    """koers scenarios on the Deventer portfolio: every line at most 100 characters (the table
    wraps into blocks); --wide prints one block however wide."""
    from conftest import run_cli
    r = run_cli("scenarios", "--example", "deventer-2014")
    assert r.returncode == 0, r.stderr
    assert max(len(line) for line in r.stdout.splitlines()) <= 100
    w = run_cli("scenarios", "--example", "deventer-2014", "--wide")
    assert w.returncode == 0
    assert max(len(line) for line in w.stdout.splitlines()) > 100


def test_cli_scenarios_cuts_long_scenario_names_to_fit(tmp_path):
    """A scenario name of 100 characters heads a column: cut to 40 characters ("…") so that the
    lines still fit 100 columns; two names that coincide when cut stay distinct; --wide keeps
    them whole. (Source: the Deventer example portfolio with its scenarios renamed here.)"""
    import json

    from conftest import run_cli
    from koers import examples
    d = json.loads(examples.path("deventer-2014", "portfolio.json").read_text(encoding="utf-8"))
    long = "bezuiniging op het strategische budget met extra aandacht voor " + "x" * 60
    for k, s in enumerate(d["scenarios"][:2]):
        s["name"] = long + str(k)
    path = tmp_path / "p.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    r = run_cli("scenarios", path)
    assert r.returncode == 0, r.stderr
    assert max(len(line) for line in r.stdout.splitlines()) <= 100
    assert "…#1" in r.stdout and "…#2" in r.stdout
    w = run_cli("scenarios", path, "--wide")
    assert long + "0" in w.stdout and long + "1" in w.stdout
