"""The one benchmark harness: every ``benchmarks/bench_*.py`` measures and reports through it.

- :func:`command` times a whole process (``koers --help``, ``python -c pass``, a HiGHS script):
  wall clock around ``Popen`` → ``os.wait4``, peak RSS from the child's ``rusage``.
- :func:`call` times a Python callable in a fresh interpreter (one subprocess per case, so one
  case's memory never counts for another): the bench script names a *setup* function
  ``setup(**kwargs) -> body`` (or ``(body, info)``); the worker runs setup once, ``body()`` for
  ``warmup`` + ``repeat`` rounds, and reports each round's wall time, the process's peak RSS
  (``resource.getrusage``) and ``info`` (what the bench compares across tools, e.g. an optimum).
- :class:`Report` collects rows ``case | koers | alternative | ratio | target`` and writes
  ``benchmarks/results/<bench>.json`` (read by ``run.py`` into ``results/summary.md``, the
  table the README shows) and prints the table.

Wall time is given as the median and the minimum of N rounds; "ratio" is the alternative's
minimum over koers's (> 1: koers is faster) — the minima, because they are the least disturbed
by other work on the shared machine. Targets are :func:`under` (koers's median below a time),
:func:`at_least` (ratio at least x) or :func:`within` (koers's minimum at most x times the
alternative's). Nothing here is a test: the machine is shared and noisy.

    python benchmarks/harness.py --worker SCRIPT FUNC KWARGS_JSON REPEAT WARMUP   (internal)
"""
from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import pathlib
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
#: where each bench saves its rows: ``results/`` for a full run (the README's table), ``results/quick/``
#: for ``--quick`` (so that a quick pass never replaces a full run's figures)
RESULTS = HERE / "results"
ROOT = HERE.parent


@dataclasses.dataclass
class Timing:
    """N wall-clock rounds (seconds) and the peak resident memory (bytes) of the process."""

    times: list
    rss: int
    info: object = None
    steps: dict = dataclasses.field(default_factory=dict)  #: step name -> seconds per round

    def step(self, *names) -> "Timing":
        """The rounds of the named steps only (summed per round), same peak memory."""
        rounds = [sum(r) for r in zip(*(self.steps[n] for n in names), strict=True)]
        return Timing(rounds, self.rss, self.info)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def min(self) -> float:
        return min(self.times)

    @property
    def ms(self) -> float:
        return self.median * 1e3

    def to_dict(self) -> dict:
        return {"median_ms": self.median * 1e3, "min_ms": self.min * 1e3, "n": len(self.times),
                "peak_rss_mb": self.rss / 2**20}


# ---- measuring ----------------------------------------------------------------------------------

#: GNU time, when installed: a child forked from this (large) Python process inherits its resident
#: size in ru_maxrss (Linux keeps the pre-exec high-water mark), so the peak RSS of a command is
#: taken from a small spawner's child instead; its wall time stays measured here.
TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def command(argv, repeat: int = 7, warmup: int = 1, env=None, cwd=None, check: bool = True) -> Timing:
    """Wall time and peak RSS of running ``argv`` as a new process, ``repeat`` times.

    Wall: ``perf_counter`` around spawn → ``os.wait4``. Peak RSS: the command's own maximum
    resident set (through GNU time ``%M``; without it, ``wait4``'s ``ru_maxrss``, an upper bound).
    """
    argv = [str(a) for a in argv]
    times, rss = [], 0
    for k in range(warmup + repeat + (1 if TIME else 0)):
        wrapped, rss_file = argv, None
        if TIME and k == warmup:  # one measured run through the spawner gives the memory
            fd, rss_file = tempfile.mkstemp(prefix="koers-bench-rss-")
            os.close(fd)
            wrapped = [TIME, "-q", "-f", "%M", "-o", rss_file, *argv]
        t0 = time.perf_counter()
        p = subprocess.Popen(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
        _pid, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        err = p.stderr.read().decode(errors="replace")
        p.stderr.close()
        p.returncode = os.waitstatus_to_exitcode(status)
        if check and p.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)}: exit {p.returncode}\n{err[-2000:]}")
        if rss_file:
            text = pathlib.Path(rss_file).read_text().split()
            os.unlink(rss_file)
            rss = int(text[-1]) * 1024 if text else rss
            continue  # the spawner's extra exec is not part of the timing
        if k >= warmup:
            times.append(wall)
            if not TIME:
                rss = max(rss, usage.ru_maxrss * 1024)
    return Timing(times, rss)


def call(script, func: str, kwargs: dict | None = None, repeat: int = 5, warmup: int = 1,
         timeout: float | None = None, budget: float = 0, env=None) -> Timing:
    """Run ``script``'s ``func(**kwargs)`` (setup, returns the body to time) in a fresh interpreter.

    ``budget`` (seconds, 0: none): stop repeating once the timed rounds took that long (slow
    cases get fewer rounds; ``n`` in the result says how many).
    """
    argv = [sys.executable, str(HERE / "harness.py"), "--worker", str(script), func,
            json.dumps(kwargs or {}), str(repeat), str(warmup)]
    env = dict(os.environ if env is None else env, KOERS_BENCH_BUDGET=str(budget))
    out = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=env)
    if out.returncode != 0:
        raise RuntimeError(f"{pathlib.Path(script).name}:{func}({kwargs}) failed\n{out.stderr[-3000:]}")
    d = json.loads(out.stdout.strip().splitlines()[-1])
    return Timing(d["times"], d["rss"], d.get("info"), d.get("steps") or {})


def self_timed(argv) -> Timing:
    """A program that times itself and prints ``{"times": [seconds...]}`` as its last line (the
    plain C++ loops); its peak RSS through GNU time when installed."""
    argv = [str(a) for a in argv]
    rss = 0
    if TIME:
        fd, rss_file = tempfile.mkstemp(prefix="koers-bench-rss-")
        os.close(fd)
        out = subprocess.run([TIME, "-q", "-f", "%M", "-o", rss_file, *argv], capture_output=True, text=True, check=True)
        text = pathlib.Path(rss_file).read_text().split()
        os.unlink(rss_file)
        rss = int(text[-1]) * 1024 if text else 0
    else:  # pragma: no cover
        out = subprocess.run(argv, capture_output=True, text=True, check=True)
    d = json.loads(out.stdout.strip().splitlines()[-1])
    return Timing(d["times"], rss, d.get("info"))


def _worker(script: str, func: str, kwargs: str, repeat: str, warmup: str) -> int:
    sys.path.insert(0, str(pathlib.Path(script).resolve().parent))
    spec = importlib.util.spec_from_file_location("_bench_case", script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    made = getattr(mod, func)(**json.loads(kwargs))
    body, info = made if isinstance(made, tuple) else (made, None)
    times, steps, info_of = [], {}, info if callable(info) else None
    spent, budget = 0.0, float(os.environ.get("KOERS_BENCH_BUDGET", "0") or 0)
    for k in range(int(warmup) + int(repeat)):
        t0 = time.perf_counter()
        r = body()
        dt = time.perf_counter() - t0
        if info_of is not None:  # info computed from the body's result (e.g. the optimum found)
            info = info_of(r)
        if k >= int(warmup):
            times.append(dt)
            # a body may report its own steps: {"steps": {"check": s, ...}} (each round)
            for name, sec in (r.get("steps", {}) if isinstance(r, dict) else {}).items():
                steps.setdefault(name, []).append(sec)
        spent += dt
        if budget and spent > budget and times:  # slow cases: fewer rounds (stated as n)
            break
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"times": times, "rss": rss, "info": info, "steps": steps}))
    return 0


# ---- targets ------------------------------------------------------------------------------------

def under(ms: float):
    """Target: koers's median wall time under ``ms`` milliseconds."""
    return (f"< {ms:g} ms", lambda k, a: k.ms < ms)


def at_least(x: float):
    """Target: the alternative takes at least ``x`` times koers's time."""
    return (f"≥ {x:g}× faster", lambda k, a: a is not None and a.min >= x * k.min)


class Target:
    """Targets on memory (the other targets are plain functions)."""

    @staticmethod
    def memory(mb: float):
        """Target: koers's peak RSS under ``mb`` MB."""
        return (f"peak < {mb:g} MB", lambda k, a: k.rss < mb * 2**20)


def within(x: float):
    """Target: koers takes at most ``x`` times the alternative's time."""
    return (f"within {x:g}×", lambda k, a: a is not None and k.min <= x * a.min)


# ---- reporting ----------------------------------------------------------------------------------

def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:  # pragma: no cover
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "load": round(os.getloadavg()[0], 1)}


def _fmt_ms(t: Timing | None) -> str:
    if t is None:
        return "n/a"
    med, lo = t.median * 1e3, t.min * 1e3
    f = (lambda v: f"{v:.3g}") if med < 10 else (lambda v: f"{v:,.0f}")
    return f"{f(med)} ({f(lo)})"


class Report:
    """The table of one bench script: rows of koers against an alternative, with targets."""

    def __init__(self, bench: str, title: str, quick: bool = False):
        self.bench, self.title, self.quick = bench, title, quick
        self.rows: list[dict] = []
        self.notes: list[str] = []

    def add(self, case: str, koers: Timing, alt_name: str | None = None, alt: Timing | None = None,
            target=None, note: str = "") -> dict:
        ratio = alt.min / koers.min if alt is not None else None
        row = {"case": case, "koers": koers.to_dict(), "koers_text": _fmt_ms(koers),
               "alternative": alt_name or "", "alt": alt.to_dict() if alt is not None else None,
               "alt_text": _fmt_ms(alt) if alt_name else "", "ratio": ratio,
               "target": target[0] if target else "", "met": bool(target[1](koers, alt)) if target else None,
               "note": note}
        self.rows.append(row)
        print(self._line(row), flush=True)
        return row

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note: {text}", flush=True)

    @staticmethod
    def _line(r: dict) -> str:
        ratio = f"{r['ratio']:.2f}×" if r["ratio"] is not None else ""
        met = "" if r["met"] is None else ("met" if r["met"] else "MISSED")
        mb = f"{r['koers']['peak_rss_mb']:.0f} MB"
        amb = f"{r['alt']['peak_rss_mb']:.0f} MB" if r["alt"] else ""
        return (f"{r['case']:<34} {r['koers_text']:>16} {mb:>8}  {r['alternative']:<18} {r['alt_text']:>16} "
                f"{amb:>8} {ratio:>9}  {r['target']} {met}").rstrip()

    def header(self) -> None:
        print(f"# {self.title}{' (quick)' if self.quick else ''}")
        print(f"{'case':<34} {'koers ms med(min)':>16} {'peak':>8}  {'alternative':<18} {'alt ms med(min)':>16} "
              f"{'peak':>8} {'alt/koers':>9}  target")

    def save(self) -> pathlib.Path:
        folder = RESULTS / "quick" if self.quick else RESULTS
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.bench}.json"
        doc = {"bench": self.bench, "title": self.title, "quick": self.quick, "machine": machine(),
               "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "rows": self.rows, "notes": self.notes}
        path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
        return path


def markdown(doc: dict) -> str:
    """One bench's rows as a Markdown table (used by run.py for summary.md)."""
    lines = [f"### {doc['title']}{' (quick)' if doc.get('quick') else ''}", "",
             "| case | koers ms, median (min) | peak MB | alternative | alt ms, median (min) | alt peak MB "
             "| alt / koers | target | |",
             "|---|---:|---:|---|---:|---:|---:|---|---|"]
    for r in doc["rows"]:
        ratio = f"{r['ratio']:.2f}×" if r["ratio"] is not None else ""
        met = "" if r["met"] is None else ("met" if r["met"] else "**missed**")
        amb = f"{r['alt']['peak_rss_mb']:.0f}" if r["alt"] else ""
        lines.append(f"| {r['case']} | {r['koers_text']} | {r['koers']['peak_rss_mb']:.0f} | {r['alternative']} "
                     f"| {r['alt_text']} | {amb} | {ratio} | {r['target']} | {met} |")
    for n in doc.get("notes", []):
        lines.append("")
        lines.append(f"_{n}_")
    return "\n".join(lines) + "\n"


def quick_flag(argv=None) -> bool:
    return "--quick" in (sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    if len(sys.argv) == 7 and sys.argv[1] == "--worker":
        sys.exit(_worker(*sys.argv[2:]))
    print(__doc__)
    sys.exit(2)
