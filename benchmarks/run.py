"""Run every koers benchmark side by side in one run and save what each printed.

    python benchmarks/run.py [--quick] [--only NAME ...]

Each benchmark is a script in this folder (``bench_*.py`` / ``*_bench.py``) that times koers
and the tool a user would pick instead on the same instances, in the same run, and prints a
table with the ratios and peak memory. The printed tables are saved under
``benchmarks/results/<name>.txt`` (the README quotes the latest ones). Benchmarks are never
part of the tests: these machines are noisy.
"""
from __future__ import annotations

import argparse
import pathlib
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
RESULTS = HERE / "results"


def scripts():
    found = sorted(set(HERE.glob("bench_*.py")) | set(HERE.glob("*_bench.py")))
    return {p.stem: p for p in found}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes only (a smoke run)")
    ap.add_argument("--only", nargs="*", default=None, help="names of benchmarks to run")
    args = ap.parse_args(argv)
    RESULTS.mkdir(exist_ok=True)
    todo = scripts()
    if args.only:
        unknown = set(args.only) - set(todo)
        if unknown:
            print(f"unknown benchmarks: {sorted(unknown)}; known: {sorted(todo)}", file=sys.stderr)
            return 2
        todo = {k: v for k, v in todo.items() if k in args.only}
    failed = []
    for name, path in todo.items():
        print(f"==> {name}", flush=True)
        t0 = time.perf_counter()
        cmd = [sys.executable, str(path)] + (["--quick"] if args.quick else [])
        proc = subprocess.run(cmd, capture_output=True, text=True)
        out = proc.stdout + (f"\n[stderr]\n{proc.stderr}" if proc.returncode else "")
        print(out, flush=True)
        print(f"    ({time.perf_counter() - t0:.1f} s, exit {proc.returncode})")
        if proc.returncode:
            failed.append(name)
        if not args.quick:
            (RESULTS / f"{name}.txt").write_text(proc.stdout)
    if failed:
        print(f"failed: {failed}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
