"""Exit codes of the budget commands (koers optimise, sweep, costs) on bad input: a budget file or a
command line that is wrong exits 2 with its code on stderr and no traceback, whichever class —
InputError or BudgetError — raised it; a model that cannot be costed exits 1."""
import json

from conftest import ROOT, run_cli

EXAMPLES = ROOT / "python" / "koers" / "examples" / "data"
MODEL = EXAMPLES / "deventer-2014" / "model.json"
PORTFOLIO = EXAMPLES / "deventer-2014" / "portfolio.json"


def refused(r, code: str, exit_code: int):
    """A coded error: the exit code, [code] on stderr, no traceback, nothing on stdout."""
    assert r.returncode == exit_code, (r.returncode, r.stderr)
    assert f"[{code}]" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr, r.stderr
    assert r.stdout == "", r.stdout


def test_a_costs_file_whose_price_does_not_add_up_exits_2_naming_it(tmp_path):
    bad = tmp_path / "costs.json"
    bad.write_text(json.dumps({"iv.feedback": {"per_participant_cents": 1}}))  # 1 ct × 60 is not 19.800,00
    r = run_cli("costs", MODEL, "--costs", bad, "--json")
    refused(r, "E404", 2)
    assert str(bad) in r.stderr and "iv.feedback" in r.stderr


def test_a_costs_file_overriding_an_unknown_intervention_exits_2(tmp_path):
    bad = tmp_path / "costs.json"
    bad.write_text(json.dumps({"iv.nope": {"cost_cents": 100}}))
    r = run_cli("costs", MODEL, "--costs", bad)
    refused(r, "E403", 2)
    assert str(bad) in r.stderr and "iv.nope" in r.stderr


def test_an_unknown_ilb_stream_option_exits_2_but_a_model_without_one_clear_stream_exits_1(tmp_path):
    refused(run_cli("costs", MODEL, "--ilb-stream", "stream.nope"), "E402", 2)
    # the model's own problem: two streams named personal, no --ilb-stream to choose
    d = json.loads(MODEL.read_text(encoding="utf-8"))
    d["nodes"].append({"id": "stream.personal-2", "kind": "budget_stream", "name": "Personal 2", "budget_cents": 100})
    two = tmp_path / "model.json"
    two.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    r = run_cli("costs", two)
    refused(r, "E402", 1)
    assert "several budget streams" in r.stderr
    r = run_cli("costs", two, "--ilb-stream", "stream.persoonlijk", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["ilb_stream"] == "stream.persoonlijk"


def test_a_portfolio_file_with_a_cost_that_does_not_add_up_exits_2(tmp_path):
    d = json.loads(PORTFOLIO.read_text(encoding="utf-8"))
    d["items"][0].update(per_participant_cents=1, participants=3)  # 3 ct, not its cost_cents
    bad = tmp_path / "portfolio.json"
    bad.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    for command in ("optimise", "scenarios", "sweep"):
        refused(run_cli(command, bad, "--json"), "E404", 2)


def test_a_sweep_command_line_naming_what_the_portfolio_lacks_exits_2():
    refused(run_cli("sweep", PORTFOLIO, "--stream", "stream.nope", "--json"), "E402", 2)
    refused(run_cli("sweep", PORTFOLIO, "--mandatory", "x=iv.nope", "--json"), "E403", 2)
    refused(run_cli("sweep", PORTFOLIO, "--cut", "2", "--json"), "E406", 2)  # a budget × (1 − 2)
    refused(run_cli("curve", PORTFOLIO, "--stream", "stream.nope", "--json"), "E402", 2)


def test_a_sweep_with_feasible_and_infeasible_scenarios_prints_its_json():
    """A grid where some cuts leave the mandatory items unfunded: the feasible rows have no
    conflict stream (pandas' str column holds NaN there), which the JSON gives as null."""
    r = run_cli("sweep", PORTFOLIO, "--cut", "0.79:0.8:0.01", "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)["rows"]
    assert [x["status"] for x in rows] == ["optimal", "infeasible"]
    assert rows[0]["conflict_stream"] is None and rows[0]["optimum"] == 4
    assert rows[1]["conflict_stream"] == "stream.strategisch" and rows[1]["optimum"] is None
