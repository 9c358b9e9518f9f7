"""Exact solves watched from Python: the progress bar, and Ctrl-C, which cancels the C++ search
(koers.select / koers.optimise run it in a worker thread; `koers select` exits 130)."""
import _thread
import json
import pathlib
import signal
import subprocess
import sys
import threading
import time

import pytest

import koers
from koers import _core

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "benchmarks"))
from bench_select import generate  # noqa: E402
from conftest import run_cli  # noqa: E402
from solver_mip import generate_portfolio  # noqa: E402


def _irregular():
    """bench_select's irregular-hours instance, seed 1 (hours in 0.1 h steps), with one requires
    pair: branch-and-price (which proves the instance without it in well under a second) takes
    no dependencies, and the branch-and-bound has not ended after 5 s and 20,000 nodes
    (docs/solver.md, open ends) — a search long enough to interrupt."""
    d = generate(500, 1, 15, 0.1)
    d["items"][-1]["requires"] = [d["items"][-2]["id"]]
    return d


def _west_betuwe():
    return koers.Selection.load(koers.examples.path("west-betuwe-2022", "selection.json"))


def test_select_with_progress_gives_the_same_answer():
    a = koers.select(_west_betuwe())
    b = koers.select(_west_betuwe(), progress=True)
    assert (b.status, b.selected, b.total_score, b.unique) == (a.status, a.selected, a.total_score, a.unique)


def test_optimise_with_progress_gives_the_same_answer():
    path = koers.examples.path("deventer-2014", "portfolio.json")
    a = koers.optimise(path)
    b = koers.optimise(path, progress=True)
    assert (b.status, b.optimum, b.selection, b.binding) == (a.status, a.optimum, a.selection, a.binding)


def test_solve_progress_counts_and_cancels():
    sel = _west_betuwe()
    opts = _core.SolveOptions()
    prog = _core.SolveProgress()
    assert prog.nodes == 0 and prog.incumbent is None and not prog.cancelled
    raw = _core.select(sel._core_obj, opts, prog)
    assert raw["status"] == "optimal"
    assert prog.nodes == raw["nodes"]
    assert abs(prog.incumbent - raw["total_score"]) < 1e-6
    stopped = _core.SolveProgress()
    stopped.cancel()
    raw = _core.select(sel._core_obj, opts, stopped)
    assert raw["status"] == "limit"
    assert raw["bound"] >= raw["total_score"]


def test_ctrl_c_stops_koers_select_with_exit_130(tmp_path):
    path = tmp_path / "irregular.json"
    path.write_text(json.dumps(_irregular()))
    proc = subprocess.Popen([sys.executable, "-m", "koers.cli", "select", str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(2.0)  # start-up, reading, and well into the search (which has no time limit)
        assert proc.poll() is None, "the search ended before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert "koers: interrupted" in err
    assert "Traceback" not in err


def test_a_limit_result_says_which_limit_stopped_it():
    done = koers.select(_west_betuwe())
    assert done.status == "optimal" and done.stopped_by is None
    assert done.to_dict()["stopped_by"] is None
    r = koers.select(_west_betuwe(), node_limit=10)
    assert (r.status, r.stopped_by) == ("limit", "node_limit")
    assert r.to_dict()["stopped_by"] == "node_limit"
    raw = _core.select(_west_betuwe()._core_obj, _core.SolveOptions(), _cancelled())
    assert (raw["status"], raw["stopped_by"]) == ("limit", "cancelled")
    # 1,000 generated interventions: tens of thousands of nodes to the proof
    p = koers.optimise(generate_portfolio(1000, "additive", seed=1), node_limit=100, check_binding=False)
    assert (p.status, p.stopped_by) == ("limit", "node_limit")
    assert p.to_dict()["stopped_by"] == "node_limit"


def _cancelled():
    c = _core.SolveProgress()
    c.cancel()
    return c


def test_koers_select_names_the_limit():
    out = run_cli("select", "--example", "west-betuwe-2022", "--node-limit", "10", "--json")
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert (d["status"], d["stopped_by"]) == ("limit", "node_limit")
    text = run_cli("select", "--example", "west-betuwe-2022", "--node-limit", "10")
    assert "search stopped by the node limit" in text.stdout
    done = json.loads(run_cli("select", "--example", "west-betuwe-2022", "--json").stdout)
    assert done["stopped_by"] is None


def test_keyboard_interrupt_in_python_cancels_the_solve_and_leaves_no_worker():
    timer = threading.Timer(1.0, _thread.interrupt_main)
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            koers.select(_irregular())
    finally:
        timer.cancel()
    # the C++ search has returned: no worker is left running it (a Thread.join interrupted by
    # Ctrl-C could leave one, and the interpreter would abort at exit)
    time.sleep(0.05)
    assert not [t for t in threading.enumerate() if t.name == "koers-worker" and t.is_alive()]


def test_koers_optimise_takes_limits_and_names_them(tmp_path):
    path = tmp_path / "p1000.json"
    path.write_text(json.dumps(generate_portfolio(1000, "additive", seed=1)))
    out = run_cli("optimise", path, "--node-limit", "100", "--json")
    assert out.returncode == 1  # a limit is not a proven answer for optimise
    d = json.loads(out.stdout)
    assert (d["status"], d["stopped_by"]) == ("limit", "node_limit")
    assert "solver stopped by the node limit" in out.stderr
    ok = run_cli("optimise", "--example", "deventer-2014", "--time-limit", "60", "--json")
    assert ok.returncode == 0, ok.stderr
    assert (json.loads(ok.stdout)["status"], json.loads(ok.stdout)["stopped_by"]) == ("optimal", None)
