"""Hostile and careless input (issue 13): every reproducer of the issue, as a test. Each case ends
as a coded error (exit 1 or 2, the message on stderr without a traceback, stdout pure JSON where
--json promises it) or a correct answer, in bounded time and memory. The numbers in the test
names are the issue's items."""
import json
import os
import subprocess
import sys

import pytest

import koers
from conftest import ROOT

EXAMPLES = ROOT / "python" / "koers" / "examples" / "data"
PORTFOLIO = EXAMPLES / "deventer-2014" / "portfolio.json"
SELECTION = EXAMPLES / "west-betuwe-2022" / "selection.json"


def run(*args, timeout=60, input=None):
    """The koers command in a subprocess; a hang fails the test instead of the run."""
    r = subprocess.run([sys.executable, "-m", "koers.cli", *map(str, args)], capture_output=True, text=True,
                       timeout=timeout, input=input)
    assert "Traceback" not in r.stderr, r.stderr
    return r


def refused(r, code: str, exit_code: int | None = None, json_out: bool = False):
    """r ended as a coded error: exit 1 or 2 (or exactly exit_code), [Ecode] on stderr, and with
    --json nothing but JSON (or nothing) on stdout."""
    assert r.returncode in ((1, 2) if exit_code is None else (exit_code,)), (r.returncode, r.stderr)
    assert f"[{code}]" in r.stderr, r.stderr
    if json_out and r.stdout.strip():
        json.loads(r.stdout)


# ---- 1: strategies that include each other ------------------------------------------------------

def _jucm(strategies: list[tuple[str, list[str]]]) -> str:
    """A jUCMNav file with one softgoal and the strategies (id, included ids), each evaluating it."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<urn:URNspec xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:grl="http:///grl.ecore" '
           'xmlns:urn="http:///urn.ecore" name="chain">', "<grlspec>",
           '<intElements name="Goal" id="1"/>']
    for sid, inc in strategies:
        attr = f' includedStrategies="{" ".join(inc)}"' if inc else ""
        out.append(f'<strategies name="S{sid}" id="{sid}"{attr}><evaluations evaluation="50" intElement="1"/>'
                   f"</strategies>")
    out += ["</grlspec>", "</urn:URNspec>"]
    return "\n".join(out)


def test_1_a_chain_of_100000_included_strategies_is_E108_not_a_crash(tmp_path):
    n = 100_000
    p = tmp_path / "chain.jucm"
    p.write_text(_jucm([(str(k), [str(k + 1)] if k + 1 < n else []) for k in range(n)]))
    r = run("propagate", p, "--strategy", "S0", "--json")
    refused(r, "E108", 2, json_out=True)
    assert "S0" in r.stderr


def test_1_strategies_that_include_each_other_are_E201(tmp_path):
    p = tmp_path / "cycle.jucm"
    p.write_text(_jucm([("1", ["2"]), ("2", ["3"]), ("3", ["1"])]))
    r = run("propagate", p, "--strategy", "S1", "--json")
    refused(r, "E201", 1, json_out=True)
    assert "'S1' includes 'S2' includes 'S3' includes 'S1'" in r.stderr


def test_1_a_short_chain_still_evaluates(tmp_path):
    p = tmp_path / "short.jucm"
    p.write_text(_jucm([("1", ["2"]), ("2", ["3"]), ("3", [])]))
    r = run("propagate", p, "--strategy", "S1", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["elements"]["Goal"]["given"] is True


# ---- 2: an expert who can take nothing -----------------------------------------------------------

def test_2_an_expert_with_no_hours_is_infeasible_at_once_and_named(tmp_path):
    d = json.loads(SELECTION.read_text(encoding="utf-8"))
    assert d["min_items_per_expert"] >= 1  # "at least one process each"
    d["experts"][2]["hours_per_week"] = 0
    p = tmp_path / "sel.json"
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    r = run("select", p, "--json", timeout=30)
    assert r.returncode == 1, r.stderr
    out = json.loads(r.stdout)
    assert out["status"] == "infeasible"
    assert out["conflict"]["kind"] == "expert_too_small"
    assert out["conflict"]["items"] == [d["experts"][2]["id"]]
    assert d["experts"][2]["id"] in r.stderr


def test_2_two_experts_who_both_fit_only_one_process_are_infeasible():
    # Hall's condition: a and b (1 h each) must take a process each; only "small" fits 1 h
    d = {"format": "koers.selection", "version": 1, "min_items_per_expert": 1,
         "items": [{"id": "small", "score": 1, "hours": 1}, {"id": "big", "score": 1, "hours": 5},
                   {"id": "big2", "score": 1, "hours": 5}],
         "experts": [{"id": "a", "hours": 1}, {"id": "b", "hours": 1}, {"id": "c", "hours": 10}]}
    r = koers.select(d)
    assert r.status == "infeasible"
    assert r.conflict["kind"] == "too_few_items" and r.conflict["items"] == ["a", "b"]


# ---- 3: sweep grids that never end ---------------------------------------------------------------

@pytest.mark.parametrize("cut", ["0:1e400:0.1", "0:1:0.0000001", "0:0.3:1e-400"])
def test_3_a_grid_over_the_limit_is_E119_with_its_count(cut):
    r = run("sweep", PORTFOLIO, "--cut", cut, "--json", timeout=30)
    refused(r, "E119", 2, json_out=True)
    assert "scenarios, more than the limit of 10,000" in r.stderr
    assert "--max-scenarios" in r.stderr


def test_3_the_count_is_in_the_message():
    r = run("sweep", PORTFOLIO, "--cut", "0:1:0.0000001", "--json", timeout=30)
    assert "10,000,001 cuts" in r.stderr


def test_3_infinity_is_not_a_grid_bound():
    r = run("sweep", PORTFOLIO, "--cut", "0:Infinity:0.1", "--json", timeout=30)
    refused(r, "E110", 2, json_out=True)


def test_3_max_scenarios_raises_and_lowers_the_limit():
    r = run("sweep", PORTFOLIO, "--cut", "0:0.3:0.1", "--max-scenarios", "3", "--json")
    refused(r, "E119", 2, json_out=True)
    assert "4 cuts" in r.stderr and "4 scenarios" in r.stderr
    r = run("sweep", PORTFOLIO, "--cut", "0:0.3:0.1", "--max-scenarios", "4", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["count"] == 4


def test_3_grid_counts_before_it_builds():
    p = koers.Portfolio.load(PORTFOLIO)
    with pytest.raises(koers.InputError) as e:
        koers.budget.grid(p, cut=("0", "1", "1e-400"))
    assert e.value.code == 119
    assert len(koers.budget.grid(p, cut=("0", "0.3", "0.1"))) == 4


# ---- 4: endless streams ---------------------------------------------------------------------------

DEV_ZERO = "/dev/zero"
needs_dev_zero = pytest.mark.skipif(not os.path.exists(DEV_ZERO), reason="no /dev/zero")


# one per way of reading (each reads 1 GiB: ~5 s): the model's own reader, the reader of the other
# JSON formats (select, optimise, ahp), the jUCMNav reader; io::read_file itself in tests/cpp/io
@needs_dev_zero
@pytest.mark.parametrize("command", [["validate"], ["select"], ["propagate", "--strategy", "s"]])
def test_4_an_endless_stream_stops_at_the_limit_in_the_cpp_readers(command):
    r = run(command[0], DEV_ZERO, *command[1:], "--json", timeout=60)
    refused(r, "E117", 2, json_out=True)
    assert "larger than 1 GiB" in r.stderr


@needs_dev_zero
def test_4_an_endless_stream_stops_at_the_limit_in_the_python_readers():
    # the decision reader and `costs --costs` read through koers._core.read_file
    r = run("rank", DEV_ZERO, "--json", timeout=60)
    refused(r, "E117", 2, json_out=True)


def test_4_costs_file_is_read_bounded_and_decoded_with_a_code(tmp_path):
    p = tmp_path / "costs.json"
    p.write_bytes(b'{"iv.x": {"runs": 1}, "name": "\xff"}')
    r = run("costs", "--example", "deventer-2014", "--costs", p, "--json")
    refused(r, "E101", 2, json_out=True)  # a JSON file that is not UTF-8: E101, as the C++ readers say
    r = run("costs", "--example", "deventer-2014", "--costs", tmp_path, "--json")
    refused(r, "E100", 2, json_out=True)
    assert "is a directory" in r.stderr


def test_4_read_file_names_a_directory_and_a_missing_file(tmp_path):
    with pytest.raises(koers.InputError) as e:
        koers._core.read_file(str(tmp_path))
    assert e.value.code == 100 and "is a directory" in str(e.value)
    with pytest.raises(koers.InputError) as e:
        koers._core.read_file(str(tmp_path / "missing"))
    assert e.value.code == 100
    (tmp_path / "x").write_bytes(b"abc")
    assert koers._core.read_file(str(tmp_path / "x")) == b"abc"


# ---- 5, 6: numbers near the double range ----------------------------------------------------------

def _decision(tmp_path, scores, weights, name="d.json"):
    d = {"format": "koers.decision", "version": 1, "alternatives": [f"a{i}" for i in range(len(scores))],
         "criteria": [{"name": f"c{j}", "direction": "max", "weight": w} for j, w in enumerate(weights)],
         "scores": scores}
    p = tmp_path / name
    p.write_text(json.dumps(d))
    return p


@pytest.mark.parametrize("method", ["wsm", "topsis", "vikor", "promethee2"])
def test_5_a_column_of_1e308_is_E310_naming_it_not_a_nan_ranking(tmp_path, method):
    p = _decision(tmp_path, [[1e308, 1, 2], [-1e308, 2, 1], [0, 3, 3]], [0.3, 0.3, 0.4])
    for fmt in ([], ["--json"]):
        r = run("rank", p, "--method", method, *fmt)
        refused(r, "E310", 1, json_out=bool(fmt))
        assert "'c0'" in r.stderr and "'a0'" in r.stderr
        assert "nan" not in r.stdout.lower()


@pytest.mark.parametrize("method", ["critic", "std", "entropy", "merec"])
def test_5_objective_weights_refuse_the_column_instead_of_calling_it_constant(tmp_path, method):
    p = _decision(tmp_path, [[1e308, 1, 2], [1.5e308, 2, 1], [1.7e308, 3, 3]], [0.3, 0.3, 0.4])
    r = run("weights", p, "--method", method, "--json")
    refused(r, "E310", 1, json_out=True)
    assert "one value" not in r.stderr


@pytest.mark.parametrize("method", ["wsm", "topsis", "vikor", "promethee2"])
def test_6_weights_of_1e308_rank_as_equal_weights(tmp_path, method):
    scores = [[1, 1, 2], [2, 3, 1], [3, 2, 3.5]]
    huge = json.loads(run("rank", _decision(tmp_path, scores, [1e308] * 3, "h.json"), "--method", method,
                          "--json").stdout)
    equal = json.loads(run("rank", _decision(tmp_path, scores, [1, 1, 1], "e.json"), "--method", method,
                           "--json").stdout)
    assert huge["ranking"] == equal["ranking"]
    assert len({round(x, 12) for x in _scores(huge)}) > 1  # not every score the same (they were all 0)
    assert _scores(huge) == pytest.approx(_scores(equal))


def _scores(out):
    return [out["scores"][a] for a in sorted(out["scores"])]


# ---- 9: koers costs --costs FILE ------------------------------------------------------------------

@pytest.mark.parametrize("content,code", [
    (b'{"iv.x": 5}', "E106"),                                   # an entry that is not an object
    (b'{"iv.x": {"runs": 1}, "\xff": 1}', "E101"),            # not UTF-8 (E101 as every JSON reader: item 15)
    (b'{"a":' * 5000 + b"1" + b"}" * 5000, "E108"),            # nesting
    (b'[1, 2', "E101"),                                         # not JSON
])
def test_9_costs_file_errors_are_coded(tmp_path, content, code):
    p = tmp_path / "costs.json"
    p.write_bytes(content)
    r = run("costs", "--example", "deventer-2014", "--costs", p, "--json")
    refused(r, code, 2, json_out=True)
    assert str(p) in r.stderr


# ---- 10: analyse a model that validation refuses -----------------------------------------------------

def test_10_analyse_a_stream_without_budget_cents_is_E207_as_validate_says(tmp_path):
    d = json.loads((EXAMPLES / "deventer-2014" / "model.json").read_text(encoding="utf-8"))
    stream = next(n for n in d["nodes"] if n["kind"] == "budget_stream")
    del stream["budget_cents"]
    p = tmp_path / "m.json"
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    v = run("validate", p)
    assert "[E207]" in v.stdout + v.stderr
    for fmt in ([], ["--json"]):
        r = run("analyse", p, *fmt)
        refused(r, "E207", 1, json_out=bool(fmt))
        assert stream["name"] in r.stderr


# ---- 11: sweep values and error rows ---------------------------------------------------------------

@pytest.mark.parametrize("cut", ["NaN", "abc", "", "0,1", "0:1:0", "0:1:-1", "0:abc:0.1"])
def test_11_bad_cut_values_are_usage_errors(cut):
    r = run("sweep", PORTFOLIO, "--cut", cut, "--json")
    assert r.returncode == 2, r.stderr
    assert "E1" in r.stderr  # a coded InputError (E107/E110)
    assert not r.stdout.strip()


def test_11_a_scenario_that_fails_to_apply_is_a_row_with_status_error():
    # a payroll share of 10^20 (a factor 5·10^21) cannot be applied: status "error", not a traceback
    for fmt in ([], ["--json"]):
        r = run("sweep", PORTFOLIO, "--cut", "0", "--share", "1e20", *fmt)
        assert r.returncode == 0, r.stderr
        if fmt:
            row = json.loads(r.stdout)["rows"][0]
            assert row["status"] == "error" and row["optimum"] is None and row["error"].startswith("[E")
            assert row["budget_cents"]["stream.strategisch"] is None
        else:
            assert "error" in r.stdout


def test_11_a_share_beyond_any_sense_is_refused():
    r = run("sweep", PORTFOLIO, "--cut", "0", "--share", "1e400", "--json")
    refused(r, "E115", 2, json_out=True)


# ---- 12: integer options outside the C++ range -------------------------------------------------------

DECISION = EXAMPLES / "west-betuwe-2022" / "decision.json"


@pytest.mark.parametrize("args", [
    ["smaa", DECISION, "--samples", "-1"], ["smaa", DECISION, "--seed", "-1"],
    ["smaa", DECISION, "--seed", str(2**64)], ["smaa", DECISION, "--threads", "-1"],
    ["sensitivity", DECISION, "--steps", "2147483648"], ["sensitivity", DECISION, "--steps", "0"],
    ["sweep", PORTFOLIO, "--threads", "-1"], ["select", SELECTION, "--node-limit", str(2**63)],
    ["select", SELECTION, "--time-limit", "nan"], ["select", SELECTION, "--time-limit", "-1"],
    ["smaa", DECISION, "--samples", "1e12"],
])
def test_12_out_of_range_options_are_usage_errors(args):
    r = run(*args, "--json")
    assert r.returncode == 2, r.stderr
    assert not r.stdout.strip()


@pytest.mark.parametrize("args,code", [
    (["smaa", DECISION, "--samples", str(10**12)], "E119"),
    (["sensitivity", DECISION, "--steps", "1000000000"], "E119"),
])
def test_12_counts_past_the_documented_limits_are_E119(args, code):
    r = run(*args, "--json", timeout=30)
    refused(r, code, 2, json_out=True)
    assert "more than the limit of" in r.stderr


def test_12_steps_in_the_file_are_checked_too(tmp_path):
    d = json.loads(DECISION.read_text(encoding="utf-8"))
    d["sensitivity"] = {"steps": 2147483648}
    p = tmp_path / "d.json"
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    r = run("sensitivity", p, "--json")
    refused(r, "E119", 2, json_out=True)


def test_12_the_library_checks_as_the_parser_does():
    with pytest.raises(koers.InputError) as e:
        koers.smaa(str(DECISION), samples=-1)
    assert e.value.code == 107
    with pytest.raises(koers.InputError) as e:
        koers.select(str(SELECTION), time_limit=float("nan"))
    assert e.value.code == 110


# ---- 13: report --out names a file ------------------------------------------------------------------

def test_13_report_out_an_existing_file_is_E100(tmp_path):
    f = tmp_path / "taken"
    f.write_text("x")
    for fmt in ([], ["--json"]):
        r = run("report", "--out", f, *fmt)
        refused(r, "E100", 2, json_out=bool(fmt))
        assert "is a file" in r.stderr
    assert f.read_text() == "x"


# ---- found by fuzz/run.py jucm: broken UTF-8 in a jUCMNav file ---------------------------------------

def test_fuzz_jucm_broken_utf8_is_E118_not_a_decode_error(tmp_path):
    p = tmp_path / "bad.jucm"
    p.write_bytes(_jucm([("1", [])]).replace("S1", "S\x01").encode().replace(b"\x01", b"\x98"))
    r = run("propagate", p, "--strategy", "S1", "--json")
    refused(r, "E118", 2, json_out=True)
    with pytest.raises(koers.InputError) as e:
        koers.grl.load_jucm(p)
    assert e.value.code == 118
    # a file that declares ISO-8859-1 (what jUCMNav writes) is converted, not refused
    latin = _jucm([("1", [])]).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("S1", "S\xe9")
    p.write_bytes(latin.encode("latin-1"))
    assert koers.grl.load_jucm(p).strategies() == ["S\u00e9"]


# ---- 7: work that grows without a bound the user asked for -----------------------------------------

def test_7_sensitivity_sweeps_past_the_cell_limit_are_E119_before_any_work(tmp_path):
    # 10,001 sweep rows (the step limit) × 4 criteria × 300 alternatives = 12,001,200 cells: refused at once
    n = 300
    scores = [[float((i * 7 + j * 13) % 97), float((i * 11) % 89), float(i % 5), float((i * j) % 7)] for i, j in
              zip(range(n), range(n), strict=True)]
    p = _decision(tmp_path, scores, [0.4, 0.3, 0.2, 0.1])
    r = run("sensitivity", p, "--steps", "10000", "--json", timeout=30)
    refused(r, "E119", 2, json_out=True)
    assert "12001200 cells" in r.stderr  # 10,001 × 4 × 300
    with pytest.raises(koers.InputError) as e:
        koers.sensitivity(str(p), steps=10_000)
    assert e.value.code == 119
    assert koers.decide._core().max_sensitivity_cells == 10_000_000


def test_7_sensitivity_intervals_of_a_linear_method_match_the_pairwise_answer(tmp_path):
    # the whole ranking: only neighbours can cross first, so the exact intervals are those of every pair
    import numpy as np
    rng = np.random.default_rng(13)
    x = rng.uniform(0, 100, size=(60, 4))
    w = np.array([0.4, 0.3, 0.2, 0.1])
    r = koers.sensitivity(koers.DecisionProblem.from_array(x, weights=w), method="wsm", steps=2)
    mn, mx = x.min(axis=0), x.max(axis=0)
    u = (x - mn) / (mx - mn)  # WSM's default min-max normalisation (benefit criteria)
    assert r.params["normalisation"].startswith("minmax")
    for j, row in enumerate(r.to_frame().itertuples()):
        rest = np.delete(np.arange(4), j)
        c = u[:, rest] @ (w[rest] / w[rest].sum())
        d = u[:, j] - c
        lo, hi = 0.0, 1.0
        for a in range(60):
            for b in range(a + 1, 60):
                slope, off = d[a] - d[b], c[a] - c[b]
                if abs(slope) < 1e-15:
                    continue
                t = -off / slope
                if w[j] < t < hi:
                    hi = t
                if lo < t < w[j]:
                    lo = t
        assert row.lower == pytest.approx(lo, abs=1e-12) and row.upper == pytest.approx(hi, abs=1e-12)


def test_7_sensitivity_refuses_a_scan_step_that_never_ends():
    for kw in ({"scan_step": 1e-12}, {"tolerance": 0.0}):
        with pytest.raises(koers.InputError) as e:
            koers.sensitivity(str(DECISION), method="topsis", **kw)
        assert e.value.code == 115


def _ahp_doc(n: int, seed: int = 5, keep: float = 0.5) -> dict:
    """n elements; a spanning path plus about `keep` of the other pairs judged."""
    import random
    rnd = random.Random(seed)
    names = [f"e{i}" for i in range(n)]
    judgments = []
    for i in range(n):
        for j in range(i + 1, n):
            if j == i + 1 or rnd.random() < keep:
                v = rnd.choice([1, 2, 3, 4, 5])
                a, b = (names[i], names[j]) if rnd.random() < 0.5 else (names[j], names[i])
                judgments.append({"a": a, "b": b, "value": v})
    return {"format": "koers.ahp", "version": 1, "elements": names, "judgments": judgments}


def test_7_ahp_150_elements_with_missing_judgments_completes(tmp_path):
    # the case: 150 elements, about half the pairs missing (41 s before; the joint descent
    # needs a few hundred steps of two power iterations each, where a coordinate cycle needed ~20 per pair)
    doc = _ahp_doc(150)
    p = tmp_path / "a.json"
    p.write_text(json.dumps(doc))
    r = run("ahp", p, "--json", timeout=60)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert len(out["completed"]) == 150 * 149 // 2 - len(doc["judgments"])
    assert not any("without meeting its tolerance" in w for w in out["warnings"])


def test_7_ahp_completion_is_the_minimum_of_lambda_max():
    # every completed entry at the minimum of λmax: moving any one of them either way raises it
    a = koers.ahp.AHP.from_dict(_ahp_doc(12, seed=3, keep=0.4))
    m = a.matrix().to_numpy()
    names = a.elements
    lam = koers.ahp.principal_eigen(m)[1]
    completed = a.completed()
    assert len(completed) > 10
    for row in completed.itertuples():
        i, j = names.index(row.a), names.index(row.b)
        for f in (1.001, 1 / 1.001):
            mm = m.copy()
            mm[i, j] *= f
            mm[j, i] /= f
            assert koers.ahp.principal_eigen(mm)[1] > lam - 1e-12


def _portfolio_items(n: int, seed: int = 1) -> dict:
    """One stream, n items of random cost and value (a portfolio whose exact curve is long)."""
    import random
    rnd = random.Random(seed)
    items = [{"id": f"i{k}", "name": f"item {k}", "stream": "s", "cost_cents": rnd.randint(1, 5000) * 100,
              "value": rnd.randint(1, 1000)} for k in range(n)]
    return {"format": "koers.portfolio", "version": 1, "name": "many", "objective": "additive",
            "streams": [{"id": "s", "budget_cents": 10_000_000}], "items": items}


def test_7_a_curve_past_the_cell_limit_is_E119_and_a_short_one_is_exact(tmp_path):
    p = tmp_path / "p.json"
    p.write_text(json.dumps(_portfolio_items(400)))
    r = run("curve", p, "--stream", "s", "--json", timeout=60)
    refused(r, "E119", 2, json_out=True)
    assert "breakpoints" in r.stderr and "'s'" in r.stderr
    # a small one: every breakpoint is where the optimum changes, and it climbs to take everything
    p.write_text(json.dumps(_portfolio_items(8)))
    r = run("curve", p, "--stream", "s", "--json")
    assert r.returncode == 0, r.stderr
    pts = json.loads(r.stdout)["breakpoints"]
    opt = [b["optimum"] for b in pts]
    assert opt == sorted(opt) and len(set(opt)) == len(opt)
    assert len(pts[-1]["selected"]) == 8


# ---- 14: directories, overflow messages, exact decimals ----------------------------------------------

@pytest.mark.parametrize("command", [["validate"], ["analyse"], ["select"], ["optimise"], ["curve", "--stream", "s"],
                                     ["ahp"], ["rank"], ["propagate", "--strategy", "s"], ["archimate", "stats"],
                                     ["costs"]])
def test_14_a_directory_is_E100_is_a_directory(tmp_path, command):
    if command[0] == "archimate":
        args = [*command, tmp_path]
    else:
        args = [command[0], tmp_path, *command[1:]]
    r = run(*args, "--json")
    refused(r, "E100", 2, json_out=True)
    assert "is a directory" in r.stderr


def test_14_analyse_budgets_past_64_bits_name_the_streams(tmp_path):
    d = json.loads((EXAMPLES / "deventer-2014" / "model.json").read_text(encoding="utf-8"))
    streams = [n for n in d["nodes"] if n["kind"] == "budget_stream"]
    for n in streams:
        n["budget_cents"] = 2**63 - 1
    p = tmp_path / "m.json"
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    for fmt in ([], ["--json"]):
        r = run("analyse", p, *fmt)
        refused(r, "E114", json_out=bool(fmt))
        assert all(n["name"] in r.stderr for n in streams), r.stderr


def test_14_costs_overflow_exits_1_naming_the_intervention(tmp_path):
    over = tmp_path / "costs.json"
    over.write_text(json.dumps({"iv.feedback": {"per_participant_cents": 2**62, "participants": 4}}))
    r = run("costs", "--example", "deventer-2014", "--costs", over, "--json")
    refused(r, "E114", 1, json_out=True)
    assert "iv.feedback" in r.stderr


def test_14_a_scale_factor_with_many_trailing_zeros_is_exactly_one(tmp_path):
    d = json.loads(PORTFOLIO.read_text(encoding="utf-8"))
    sid = d["streams"][0]["id"]
    d["scenarios"] = [{"name": "same", "scale_budget": {sid: "1.000000000000000000000000000000"}},
                      {"name": "tenth", "scale_budget": {sid: "0.90000000000000000000000000"}}]
    p = tmp_path / "p.json"
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    r = run("optimise", p, "--json")
    out = json.loads(r.stdout) if r.stdout.strip() else None
    assert out is not None, r.stderr
    by = {s["name"]: s for s in out["scenarios"]}
    assert by["same"]["optimum"] == out["optimum"] and by["same"]["selected"] == out["selected"]
    assert by["same"]["capacity_cents"] == out["capacity_cents"]
    assert koers._core.scale_floor_cents(31477700, "1.000000000000000000000000000000") == 31477700
    assert koers._core.scale_floor_cents(31477700, "0.90000000000000000000000000") == 28329930
    # digits that matter past 64 bits: the scenario's error, naming scenario and stream
    d["scenarios"] = [{"name": "too fine", "scale_budget": {sid: "0.1234567890123456789012"}}]
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    r = run("optimise", p, "--json")
    assert "[E406]" in r.stdout + r.stderr and "Traceback" not in r.stderr
    assert "'too fine'" in r.stdout + r.stderr and f"'{sid}'" in r.stdout + r.stderr


def test_14_scale_overflow_names_scenario_stream_and_json_path(tmp_path):
    d = json.loads(PORTFOLIO.read_text(encoding="utf-8"))
    sid = d["streams"][0]["id"]
    d["streams"][0]["budget_cents"] = 2**62
    d["scenarios"] = [{"name": "double", "scale_budget": {sid: "2.5"}}]
    p = tmp_path / "p.json"
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    r = run("optimise", p, "--json")
    assert "[E114]" in r.stdout + r.stderr
    text = r.stdout + r.stderr
    assert "'double'" in text and f"'{sid}'" in text


# ---- 15: smaller ones -------------------------------------------------------------------------------

def test_15_rank_copies_a_negative_stride_array_and_refuses_complex():
    import numpy as np
    x = np.array([[1.0, 5.0], [3.0, 2.0], [2.0, 4.0], [5.0, 1.0]])
    flipped = koers.rank(x[::-1], weights=[0.5, 0.5])
    assert list(flipped.scores) == pytest.approx(list(koers.rank(x[::-1].copy(), weights=[0.5, 0.5]).scores))
    assert list(koers.rank(x[:, ::-1], weights=[0.5, 0.5]).scores) == pytest.approx(
        list(koers.rank(np.ascontiguousarray(x[:, ::-1]), weights=[0.5, 0.5]).scores))
    for bad in (x + 1j, x.astype(complex)):
        with pytest.raises(koers.InputError) as e:
            koers.rank(bad, weights=[0.5, 0.5])
        assert e.value.code == 106 and "complex" in str(e.value)
    with pytest.raises(koers.InputError) as e:
        koers.DecisionProblem.from_array(x + 0j, weights=[0.5, 0.5])
    assert e.value.code == 106


def test_15_a_grl_model_pickles():
    import pickle
    from koers import grl
    m = grl.from_model(koers.load(EXAMPLES / "deventer-2014" / "model.json"))
    back = pickle.loads(pickle.dumps(m))
    assert back.to_dict() == m.to_dict()
    s = m.strategies()[0] if m.strategies() else None
    if s is not None:
        assert back.evaluate(s).to_dict() == m.evaluate(s).to_dict()


@pytest.mark.parametrize("text,shown", [("12٣,00", "'٣' (U+0663)"), ("١٢", "'١' (U+0661)"), ("12\u00a0x", "'x'"),
                                        ("٣4", "(U+0663)")])
def test_15_money_errors_show_the_whole_character(text, shown):
    with pytest.raises(koers.InputError) as e:
        koers.Money(text)
    assert e.value.code == 113
    assert shown in str(e.value)
    assert "\ufffd" not in str(e.value)



@pytest.mark.parametrize("content,code,words", [
    (b'{"a": "\xff"}', "E101", "is not valid JSON: not UTF-8 (byte 7)"),
    (b"[" * 65 + b"]" * 65, "E108", "nests deeper than 64 levels"),
    (b'{"a": 1', "E101", "is not valid JSON: "),
])
def test_15_the_json_readers_word_an_error_alike(tmp_path, content, code, words):
    p = tmp_path / "bad.json"
    p.write_bytes(content)
    costs = run("costs", "--example", "deventer-2014", "--costs", p, "--json")  # the C++ reader since issue 12
    for cpp_side in (run("optimise", p, "--json"), run("rank", p, "--json"), run("ahp", p, "--json")):
        for r in (costs, cpp_side):
            refused(r, code, 2, json_out=True)
            assert f"'{p}' {words}" in r.stderr, r.stderr
        assert "\ufffd" not in cpp_side.stderr


# ---- issue 12: every command and every dict reads JSON through the same guarded reader ----------------

@pytest.mark.parametrize("content", [
    b'{"iv.feedback": {"runs": NaN}}',                      # JSON has no NaN (Python's json.loads took it)
    b'{"iv.feedback": {"runs": 1}, "iv.x\\ud800": {}}',   # a lone surrogate (json.loads took it too)
    b'{"iv.feedback": {"runs": Infinity}}',
])
def test_12_costs_file_is_read_by_the_reader_of_files(tmp_path, content):
    # `koers costs --costs FILE` says what every other reader of a JSON file says, naming the file
    p = tmp_path / "costs.json"
    p.write_bytes(content)
    costs = run("costs", "--example", "deventer-2014", "--costs", p, "--json")
    other = run("optimise", p, "--json")
    code = other.stderr.split("[", 1)[1].split("]", 1)[0]
    assert code in ("E101", "E110"), other.stderr
    refused(costs, code, 2, json_out=True)
    assert f"'{p}'" in costs.stderr


def test_12_costs_file_errors_give_the_files_json_path(tmp_path):
    p = tmp_path / "costs.json"
    p.write_text(json.dumps({"iv.feedback": {"runs": 1.5}}))
    r = run("costs", "--example", "deventer-2014", "--costs", p, "--json")
    refused(r, "E106", 2, json_out=True)
    assert f"'{p}': /iv.feedback/runs" in r.stderr and "/costs/" not in r.stderr, r.stderr
    # the Python API takes the same file: the same overrides as the dict
    model = koers.examples.load("deventer-2014")
    p.write_text(json.dumps({"iv.traject-hostmanship": {"uptake": "1/10"}}))
    from_file = koers.cost_plan(model, costs=p)
    from_dict = koers.cost_plan(model, costs={"iv.traject-hostmanship": {"uptake": "1/10"}})
    assert from_file.to_dict() == from_dict.to_dict()
    assert from_file.to_dict() != koers.cost_plan(model).to_dict()
    assert koers.cost_plan(model, costs=str(p)).to_dict() == from_dict.to_dict()


def _nested(depth):
    d = {}
    for _ in range(depth):
        d = {"a": d}
    return d


def _from_dict_readers():
    model = json.loads((EXAMPLES / "deventer-2014" / "model.json").read_text(encoding="utf-8"))
    portfolio = json.loads(PORTFOLIO.read_text(encoding="utf-8"))
    selection = json.loads(SELECTION.read_text(encoding="utf-8"))
    return [("model", koers.Model.from_dict, model, ("nodes", 0, "name")),
            ("portfolio", koers.Portfolio.from_dict, portfolio, ("items", 0, "cost_cents")),
            ("selection", koers.selection.Selection.from_dict, selection, ("items", 0, "score"))]


@pytest.mark.parametrize("kind", ["model", "portfolio", "selection"])
@pytest.mark.parametrize("depth", [900, 5000, 100_000])
def test_12_a_deeply_nested_dict_is_E108_not_a_recursion_error(kind, depth):
    # Python's JSON encoder raised RecursionError past ~1,000 levels; the C++ translation stops at 64
    name, read, doc, _ = next(r for r in _from_dict_readers() if r[0] == kind)
    with pytest.raises(koers.InputError) as e:
        read({**doc, "note": _nested(depth)})
    assert e.value.code == koers.Errc.too_deep, (name, e.value)
    assert "/note/a/a" in str(e.value)


@pytest.mark.parametrize("kind", ["model", "portfolio", "selection"])
def test_12_nan_and_cycles_in_a_dict_are_refused_at_their_json_path(kind):
    # as the decision and AHP dicts: E110 a number that is not finite, E108 a dict that holds itself
    # (json.dumps made these E106 or E101 "not JSON-serialisable", without a path)
    import copy
    import math
    _, read, doc, (key, i, field) = next(r for r in _from_dict_readers() if r[0] == kind)
    bad = copy.deepcopy(doc)
    bad[key][i][field] = math.nan
    with pytest.raises(koers.InputError) as e:
        read(bad)
    assert e.value.code == koers.Errc.not_finite and f"/{key}/{i}/{field}" in str(e.value), e.value
    loop = copy.deepcopy(doc)
    loop["note"] = {"self": loop}
    with pytest.raises(koers.InputError) as e:
        read(loop)
    assert e.value.code == koers.Errc.too_deep
    odd = copy.deepcopy(doc)
    odd["note"] = {1, 2}  # a set: no JSON value
    with pytest.raises(koers.InputError) as e:
        read(odd)
    assert e.value.code == koers.Errc.wrong_type and "/note" in str(e.value)
