"""Start-up benchmark (issue 10 §1): what a user meets first, from the shell, beside `python -c pass`.

Every case is a new process, timed by benchmarks/harness.py (median and min of N, peak RSS):

- ``koers --help`` and ``koers --version``: target < 120 ms;
- ``python -c "import koers"``: target < 200 ms;
- ``koers validate --example deventer-2014``: target < 300 ms;
- ``koers optimise FILE --json`` on a generated 1,000-intervention, 3-stream portfolio with groups,
  requires and mandatory items (benchmarks/solver_mip.py, seed 1): target < 300 ms, beside
  HiGHS reading the same file from a script (``python benchmarks/solver_mip.py portfolio FILE``:
  JSON, the MIP, one thread, a proven optimum). Both optima are checked to agree first.

    python benchmarks/bench_startup.py [--quick]
"""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import tempfile

import harness
from harness import Report, command, under

HERE = pathlib.Path(__file__).resolve().parent


def main(quick: bool = False) -> int:
    from solver_mip import generate_portfolio
    py = sys.executable
    koers = pathlib.Path(py).with_name("koers")
    if not koers.exists():
        print(f"no koers command beside {py}; run `make build` first", file=sys.stderr)
        return 2
    repeat = 5 if quick else 15
    rep = Report("bench_startup", "Start-up: the command from the shell (new process per run)", quick)
    rep.header()
    base = command([py, "-c", "pass"], repeat=repeat)
    rep.add("python -c pass", base, target=None, note="the floor every Python command pays")
    for argv in (["--help"], ["--version"], ["optimise", "--help"]):
        rep.add("koers " + " ".join(argv), command([koers, *argv], repeat=repeat), "python -c pass", base, under(120))
    rep.add('python -c "import koers"', command([py, "-c", "import koers"], repeat=repeat), "python -c pass", base,
            under(200))
    rep.add("koers validate (Deventer)", command([koers, "validate", "--example", "deventer-2014"], repeat=repeat),
            "python -c pass", base, under(300))
    with tempfile.TemporaryDirectory() as d:
        path = pathlib.Path(d) / "portfolio-1000.json"
        path.write_text(json.dumps(generate_portfolio(1000, "additive", seed=1)))
        ours = json.loads(subprocess.run([koers, "optimise", path, "--json"], capture_output=True, text=True,
                                         check=True).stdout)
        highs = subprocess.run([py, HERE / "solver_mip.py", "portfolio", path], capture_output=True, text=True,
                               check=True).stdout
        highs = json.loads(highs.strip().splitlines()[-1])  # after the banner HiGHS prints on stdout
        assert ours["status"] == highs["status"] == "optimal" and ours["optimum"] == highs["optimum"], (ours, highs)
        rep.add("koers optimise 1,000 × 3 streams --json", command([koers, "optimise", path, "--json"], repeat=repeat),
                "HiGHS from a script", command([py, HERE / "solver_mip.py", "portfolio", path],
                                               repeat=1 if quick else 3, warmup=0),  # seconds per run
                under(300))
    rep.note(f"optimise: the same optimum {ours['optimum']} from both; koers also proves it unique "
             "and finds the binding streams (extra solves), HiGHS does neither")
    rep.save()
    return 0


if __name__ == "__main__":
    sys.exit(main(harness.quick_flag()))
