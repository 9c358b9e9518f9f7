"""Exact solves watched from Python: the progress bar, and Ctrl-C, which cancels the C++ search
(koers.select / koers.optimise run it in a worker thread; `koers select` exits 130)."""
import json
import pathlib
import signal
import subprocess
import sys
import time

import koers
from koers import _core

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "benchmarks"))
from bench_select import generate  # noqa: E402


def _irregular():
    """bench_select's irregular-hours instance, seed 1 (hours in 0.1 h steps): a search that
    has not ended after 10 s and more than 5,000 nodes (docs/solver.md, open ends)."""
    return generate(500, 1, 15, 0.1)


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
