"""Costing the plan (issue 5 §1, "Intervention costs"): koers.cost_plan, intervention_cost, koers costs.

Deventer figures: the illustrative costs, hours, target-group sizes and ILB contributions that
tools/make_deventer_portfolio.py writes into the embedded model (seed 000 gives none of them; its
Bijlage 1 and 2 are missing); Tabel 7 budgets (seed 000, ch. 4.2). Hand cases are computed in the
comments.
"""
import json
from fractions import Fraction

import pandas as pd
import pytest

import koers
from koers import budget
from conftest import run_cli

DEVENTER = koers.examples.path("deventer-2014").parent


@pytest.fixture(scope="module")
def plan():
    return koers.examples.load("deventer-2014")


@pytest.fixture(scope="module")
def costs(plan):
    return koers.cost_plan(plan)


def _half_even(f: Fraction) -> int:
    return round(f)  # Python's round() of a Fraction is exact and rounds halves to even


def test_deventer_totals_add_up_per_stream(plan, costs):
    iv = plan.interventions()
    assert len(costs) == 30 and costs.uncosted == [] and bool(costs["costed"].all())
    # every cost is the model's cost_cents; own + ILB = cost on every line
    assert (costs["cost"] == iv.loc[costs.index, "cost_cents"]).all()
    assert ((costs["own"] + costs["ilb"]) == costs["cost"]).all()
    st = costs.streams
    assert list(st.index) == ["stream.strategisch", "stream.functioneel", "stream.persoonlijk"]
    # Tabel 7 budgets, exact
    assert list(st["budget"]) == [31477700, 31459400, 35745162]
    # own parts land on the funded_by stream (all strategic), ILB parts on the personal stream
    assert int(st.loc["stream.strategisch", "own"]) == int(costs["own"].sum()) == 51955200
    assert int(st.loc["stream.persoonlijk", "ilb"]) == int(costs["ilb"].sum()) == 1350000 + 594000 + 450000
    assert int(st.loc["stream.functioneel", "committed"]) == 0
    assert (st["committed"] == st["own"] + st["ilb"]).all() and (st["free"] == st["budget"] - st["committed"]).all()
    assert int(st.loc["stream.strategisch", "free"]) == 31477700 - 51955200  # the whole plan is over budget
    t = costs.total
    assert t["cost_cents"] == int(iv["cost_cents"].sum()) == t["own_cents"] + t["ilb_cents"] == 54349200
    assert t["participants"] == int(costs["participants"].sum())
    assert Fraction(t["learning_hours"]) == sum(costs["learning_hours"])
    assert Fraction(t["per_hour_exact"]) == Fraction(t["cost_cents"], 1) / Fraction(t["learning_hours"])
    assert t["per_hour_cents"] == _half_even(Fraction(t["per_hour_exact"]))
    assert costs.ilb_stream == "stream.persoonlijk" and costs.rounding == "half_even"


def test_deventer_ilb_contributions(costs):
    # 'ILB' interventions (illustrative): half of the cost per participant, floored per participant
    ilb = costs[costs["ilb"] > 0]
    assert list(ilb.index) == ["iv.loopbaanmodules", "iv.e-coaching-reis-naar-jezelf", "iv.personal-branding"]
    # Loopbaanmodules: 30 × € 900 = € 27.000; ILB 30 × € 450
    assert int(costs.loc["iv.loopbaanmodules", "ilb"]) == 30 * 45000
    assert int(costs.loc["iv.personal-branding", "own"]) == 60 * 7500


def test_deventer_unit_costs_are_exact(costs):
    for iid, r in costs.iterrows():
        assert r["per_participant_exact"] == Fraction(int(r["cost"]), int(r["participants"])), iid
        assert int(r["per_participant"]) == _half_even(r["per_participant_exact"]), iid
        assert r["learning_hours"] == r["hours"] * int(r["participants"]), iid
        assert r["per_hour_exact"] == Fraction(int(r["cost"])) / r["learning_hours"], iid
        assert int(r["per_hour"]) == _half_even(r["per_hour_exact"]), iid
    # e-coaching: € 594 over 21 weeks × 1.5 h = 31.5 h → 59400/31.5 = 13200/7 cents = € 18,857… → € 18,86
    e = costs.loc["iv.e-coaching-reis-naar-jezelf"]
    assert e["hours"] == Fraction(63, 2) and e["per_hour_exact"] == Fraction(13200, 7) and e["per_hour"] == 1886
    # agressie en geweld: € 23.400 for 60 × 7.5 h = 450 h → € 52,00 per hour exactly
    assert costs.loc["iv.agressie-en-geweld", "per_hour_exact"] == 5200
    # Spelsimulatie HNW: fixed € 28.800 for all 1,150 (tg.iedereen) → 57600/23 = 2504.35 → € 25,04
    s = costs.loc["iv.spelsimulatie-hnw"]
    assert s["participants_from"] == "target_groups" and s["participants"] == 1150
    assert s["per_participant_exact"] == Fraction(57600, 23) and s["per_participant"] == 2504


def test_participants_from_target_groups_and_uptake(plan, costs):
    fixed = costs[costs["participants_from"] == "target_groups"]
    assert list(fixed.index) == ["iv.spelsimulatie-hnw", "iv.vraagstukken-verder-brengen",
                                 "iv.waarderend-ontwikkelen", "iv.traject-hostmanship"]
    assert (fixed["participants"] == 1150).all()
    c = koers.cost_plan(plan, uptake="0.25")  # 1150 × 0.25 = 287.5 → 288 (half up, whole people)
    assert int(c.loc["iv.spelsimulatie-hnw", "participants"]) == 288
    assert int(c.loc["iv.spelsimulatie-hnw", "cost"]) == 2880000  # a fixed cost does not change
    c = koers.cost_plan(plan, costs={"iv.traject-hostmanship": {"uptake": Fraction(1, 10)}})
    assert int(c.loc["iv.traject-hostmanship", "participants"]) == 115


def test_portfolio_is_consistent_with_the_cost_plan(costs):
    p = json.loads((DEVENTER / "portfolio.json").read_text(encoding="utf-8"))
    for it in p["items"]:
        assert it["cost_cents"] == int(costs.loc[it["id"], "own"]), it["id"]  # the strategic stream's part
        if "per_participant_cents" in it and "participants" in it:
            assert it["per_participant_cents"] * it["participants"] == it["cost_cents"], it["id"]
    koers.Portfolio.load(DEVENTER / "portfolio.json").optimise()  # still loads (E404-free) and solves


def test_overrides_mix_and_errors(plan):
    # a mix: € 2.000 design + 2 runs × € 1.250 + 40 × € 450 = € 22.500 for Gesprekstechnieken
    mix = {"fixed_cents": 200000, "per_run_cents": 125000, "runs": 2, "per_participant_cents": 45000,
           "cost_cents": 2250000, "hours_per_participant": 16}
    c = koers.cost_plan(plan, costs={"iv.gesprekstechnieken": mix})
    r = c.loc["iv.gesprekstechnieken"]
    assert int(r["cost"]) == 2250000 and r["participants_from"] == "model" and r["per_hour_exact"] == Fraction(2250000, 640)
    # without the override's cost_cents the model's (€ 21.600) must match: E404 naming the intervention
    with pytest.raises(koers.BudgetError) as e:
        koers.cost_plan(plan, costs={"iv.gesprekstechnieken": {k: v for k, v in mix.items() if k != "cost_cents"}})
    assert int(e.value.code) == 404 and "iv.gesprekstechnieken" in e.value.elements
    with pytest.raises(koers.BudgetError) as e:
        koers.cost_plan(plan, costs={"iv.nope": {"fixed_cents": 1}})
    assert int(e.value.code) == 403
    with pytest.raises(koers.InputError) as e:
        koers.cost_plan(plan, costs={"iv.feedback": {"participants": -1}})
    assert int(e.value.code) == 107 and "/costs/iv.feedback/participants" in str(e.value)
    with pytest.raises(koers.InputError) as e:
        koers.cost_plan(plan, costs={"iv.feedback": {"fixed_cents": 12.5}})
    assert int(e.value.code) == 106
    with pytest.raises(koers.InputError) as e:  # the options cross as JSON values: a set is none
        koers.cost_plan(plan, costs={"iv.feedback": {"runs": {1}}})
    assert e.value.code == koers.Errc.wrong_type and "/costs/iv.feedback/runs" in str(e.value)
    with pytest.raises(koers.InputError):
        koers.cost_plan(plan, ilb_share=0.5)  # a float share is not exact
    with pytest.raises(koers.InputError) as e:  # E107 is an InputError, wherever it is raised
        koers.cost_plan(plan, ilb_share="1.5")
    assert int(e.value.code) == 107
    with pytest.raises(koers.InputError) as e:  # E114, the table's class
        koers.cost_plan(plan, costs={"iv.feedback": {"per_participant_cents": 2**62, "cost_cents": 1}})
    assert int(e.value.code) == 114 and e.value.elements == ["iv.feedback"]
    with pytest.raises(koers.BudgetError) as e:
        koers.cost_plan(plan, ilb_stream="stream.nope")
    assert int(e.value.code) == 402
    # an ILB share as a Fraction, and the other rounding rules
    c = koers.cost_plan(plan, ilb_share=Fraction(1, 3), rounding="floor")
    assert int(c.loc["iv.loopbaanmodules", "ilb"]) == 30 * 30000
    assert int(c.loc["iv.e-coaching-reis-naar-jezelf", "ilb"]) == 20 * 19800
    assert int(c.loc["iv.e-coaching-reis-naar-jezelf", "per_hour"]) == 1885  # 1885.71 floored


def _tiny(**iv):
    node = {"id": "iv.a", "kind": "intervention", "name": "A", "status": "new", **iv}
    return koers.loads(json.dumps({
        "format": "koers.model", "version": 1, "name": "tiny",
        "nodes": [{"id": "g", "kind": "goal", "name": "G"}, node,
                  {"id": "tg.x", "kind": "target_group", "name": "X"},
                  {"id": "s.p", "kind": "budget_stream", "name": "Persoonlijk", "budget_cents": 100}],
        "edges": [{"kind": "contributes", "from": "iv.a", "to": "g", "strength": 50},
                  {"kind": "targets", "from": "iv.a", "to": "tg.x"},
                  {"kind": "funded_by", "from": "iv.a", "to": "s.p"}]}))


def test_uncosted_and_unsized():
    c = koers.cost_plan(_tiny())
    assert c.uncosted == ["iv.a"] and pd.isna(c.loc["iv.a", "cost"]) and c.total["cost_cents"] == 0
    c = koers.cost_plan(_tiny(cost_cents=1000))  # a fixed cost, the target group has no size
    assert int(c.loc["iv.a", "cost"]) == 1000 and pd.isna(c.loc["iv.a", "participants"])
    assert "without a size" in c.loc["iv.a", "notes"]
    with pytest.raises(koers.GraphError) as e:  # a per-participant price needs the size (E207, a graph code)
        koers.cost_plan(_tiny(), costs={"iv.a": {"per_participant_cents": 500}})
    assert int(e.value.code) == 207 and e.value.elements == ["iv.a", "tg.x"]
    c = koers.cost_plan(_tiny(cost_cents=1000, participants=3))  # 1000/3 is not whole cents: fixed, noted
    assert int(c.loc["iv.a", "cost"]) == 1000 and "fixed amount" in c.loc["iv.a", "notes"]
    assert c.loc["iv.a", "per_participant_exact"] == Fraction(1000, 3) and int(c.loc["iv.a", "per_participant"]) == 333


def test_intervention_cost_by_hand():
    # € 1.500 + 3 × € 800 + 36 × € 45,50 = € 5.538; 553800/36 = 15383.33… → 15383; 36 × 7.5 h = 270 h
    d = budget.intervention_cost(fixed_cents=150000, per_run_cents=80000, runs=3, per_participant_cents=4550,
                                 participants=36, hours_per_participant="7.5", ilb_share="0.5")
    assert d["cost_cents"] == 553800 and d["per_participant_exact"] == Fraction(46150, 3)
    assert d["per_participant_cents"] == 15383 and d["learning_hours"] == 270
    assert d["per_hour_exact"] == Fraction(18460, 9) and d["per_hour_cents"] == 2051
    assert d["ilb_per_participant_cents"] == 2275 and d["ilb_cents"] == 36 * 2275 and d["own_cents"] == 553800 - 81900
    # half-even vs half-up on 500.5 cents
    assert budget.intervention_cost(fixed_cents=1001, participants=2)["per_participant_cents"] == 500
    assert budget.intervention_cost(fixed_cents=1001, participants=2, rounding="half_up")["per_participant_cents"] == 501
    # participants from target-group sizes × uptake: (95 + 320) × 0.1 = 41.5 → 42
    assert budget.intervention_cost(per_participant_cents=100, target_group_sizes=[95, 320], uptake="0.1")["participants"] == 42
    with pytest.raises(koers.BudgetError) as e:
        budget.intervention_cost(per_participant_cents=100, participants=2, cost_cents=201, element="iv.x")
    assert int(e.value.code) == 404 and e.value.elements == ["iv.x"]


def test_cost_plan_frame_and_plot(costs):
    import matplotlib
    matplotlib.use("Agg")
    assert str(costs["cost"].dtype) == "Int64" and str(costs["participants"].dtype) == "Int64"
    assert costs.to_dict()["total"] == costs.total
    ax = costs.plot()
    assert len(ax.patches) == 30
    ax = costs.plot("per_participant")
    assert "per participant" in ax.get_xlabel()
    with pytest.raises(koers.InputError):
        costs.plot("nope")
    e = budget.euros(costs[["cost", "per_hour"]], ["cost", "per_hour"])
    assert e.loc["iv.agressie-en-geweld", "per_hour"] == "€ 52,00"


def test_cli_costs_json_and_exit_codes(tmp_path):
    r = run_cli("costs", "--example", "deventer-2014", "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert set(d) == {"name", "rounding", "ilb_stream", "interventions", "streams", "total", "uncosted"}
    row = d["interventions"][0]
    for k in ("id", "name", "stream", "costed", "participants", "participants_from", "target_groups",
              "hours_per_participant", "learning_hours", "price", "fixed_cents", "run_cents", "participant_cents",
              "cost_cents", "ilb_share", "ilb_per_participant_cents", "ilb_cents", "own_cents",
              "per_participant_cents", "per_participant_exact", "per_hour_cents", "per_hour_exact", "notes"):
        assert k in row, k
    assert all(isinstance(x["cost_cents"], int) for x in d["interventions"])
    assert d["total"]["cost_cents"] == sum(x["cost_cents"] for x in d["interventions"]) == 54349200
    assert {s["id"]: s["ilb_cents"] for s in d["streams"]}["stream.persoonlijk"] == 2394000
    text = run_cli("costs", "--example", "deventer-2014")
    assert text.returncode == 0 and "€ 18,86" in text.stdout and "over budget" in text.stdout
    # a model file, and an override file whose price does not add up (E404: a file error, exit 2)
    model = DEVENTER / "model.json"
    assert json.loads(run_cli("costs", model, "--json").stdout) == d
    bad = tmp_path / "costs.json"
    bad.write_text(json.dumps({"iv.feedback": {"per_participant_cents": 1}}))
    r = run_cli("costs", model, "--costs", bad)
    assert r.returncode == 2 and "E404" in r.stderr and "iv.feedback" in r.stderr
    bad.write_text("{not json")
    assert run_cli("costs", model, "--costs", bad).returncode == 2
    bad.write_text(json.dumps({"iv.feedback": {"fixed_cents": 1.5}}))
    assert run_cli("costs", model, "--costs", bad).returncode == 2
    assert run_cli("costs", tmp_path / "missing.json").returncode == 2
    assert run_cli("costs").returncode == 2
    assert run_cli("costs", model, "--example", "deventer-2014").returncode == 2
    r = run_cli("costs", model, "--ilb-stream", "stream.nope")  # an option naming no stream: usage (E402)
    assert r.returncode == 2 and "E402" in r.stderr
    r = run_cli("costs", model, "--json", "--rounding", "floor", "--ilb-share", "1/3")
    assert r.returncode == 0 and json.loads(r.stdout)["rounding"] == "floor"


def test_report_section_has_the_costing(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    from koers import report_budget
    r = report_budget.deventer_budget(tmp_path)
    assert r["data"]["costs"]["total"]["cost_cents"] == 54349200
    assert "per learning hour € 17,32" in r["text"]
