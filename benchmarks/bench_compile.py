"""Compile cost of the public headers (issue 12 §5): what a C++ user pays to include koers.

Each case compiles one file with ``g++ -std=c++20 -O2 -c`` (the include paths of an installed
koers: ``include/``, the generated ``<koers/version.hpp>``, Eigen's) and measures the compiler's
CPU time (user + system of g++ and its cc1plus) and peak resident memory (GNU time ``%M``, or the
child's ``rusage``), beside the same compile of a file that includes only ``<vector>`` and
``<string>`` — the floor any C++ file pays.

- ``#include <koers/koers.hpp>`` (everything): target under 5 s of CPU and 300 MB;
- one row per layer header (the full run only), to show where the cost sits.

The time column is CPU seconds of the compiler (not wall time: the machine is shared).

    python benchmarks/bench_compile.py [--quick]
"""
from __future__ import annotations

import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import harness
from harness import Report, Timing

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
TIME = harness.TIME

#: the per-layer rows of the full run: each the heaviest-looking entry point of its layer
LAYERS = ["koers/core/money.hpp", "koers/core/calendar.hpp", "koers/core/hours.hpp", "koers/model/strategy_graph.hpp",
          "koers/model/model_json.hpp", "koers/analysis/grl.hpp", "koers/decide/rank.hpp", "koers/decide/ahp.hpp",
          "koers/decide/smaa.hpp", "koers/budget/portfolio.hpp", "koers/budget/selection.hpp",
          "koers/budget/plan_costs.hpp", "koers/io/archimate.hpp", "koers/learning/academy.hpp"]


def _version_dir(tmp: pathlib.Path) -> pathlib.Path:
    """A folder holding <koers/version.hpp>: the build's, or one written from CMakeLists.txt."""
    for build in (ROOT / "build" / "py", ROOT / "build"):
        if (build / "include" / "koers" / "version.hpp").exists():
            return build / "include"
    v = re.search(r"project\(koers VERSION ([0-9]+)\.([0-9]+)\.([0-9]+)", (ROOT / "CMakeLists.txt").read_text()).groups()
    out = tmp / "gen"
    (out / "koers").mkdir(parents=True)
    text = (ROOT / "cmake" / "version.hpp.in").read_text()
    for key, val in zip(("MAJOR", "MINOR", "PATCH"), v):
        text = text.replace(f"@PROJECT_VERSION_{key}@", val)
    (out / "koers" / "version.hpp").write_text(text.replace("@PROJECT_VERSION@", ".".join(v)))
    return out


def _eigen_flags() -> list[str]:
    try:
        out = subprocess.run(["pkg-config", "--cflags", "eigen3"], capture_output=True, text=True, check=True).stdout
        return out.split()
    except (OSError, subprocess.CalledProcessError):
        return ["-I/usr/include/eigen3"]


def compile_once(cxx: str, flags: list[str], source: pathlib.Path, obj: pathlib.Path) -> tuple[float, int]:
    """CPU seconds (user + system, the compiler and its children) and peak RSS in bytes."""
    argv = [cxx, *flags, "-c", str(source), "-o", str(obj)]
    if TIME:
        fd, rss_file = tempfile.mkstemp(prefix="koers-bench-compile-")
        os.close(fd)
        try:
            p = subprocess.run([TIME, "-q", "-f", "%U %S %M", "-o", rss_file, *argv], capture_output=True, text=True)
            fields = pathlib.Path(rss_file).read_text().split()
        finally:
            os.unlink(rss_file)
        if p.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)}: exit {p.returncode}\n{p.stderr[-3000:]}")
        user, sys_, rss_kb = float(fields[-3]), float(fields[-2]), int(fields[-1])
        return user + sys_, rss_kb * 1024
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # pragma: no cover
    _pid, status, usage = os.wait4(p.pid, 0)
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(argv)}: failed\n{err[-3000:]}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def measure(cxx: str, flags: list[str], text: str, tmp: pathlib.Path, repeat: int) -> Timing:
    name = re.sub(r"[^A-Za-z0-9]+", "_", text)[:60] or "empty"
    src, obj = tmp / f"{name}.cpp", tmp / f"{name}.o"
    src.write_text(text + "\nint koers_bench_compile_anchor() { return 0; }\n")
    times, rss = [], 0
    for _ in range(repeat):
        cpu, peak = compile_once(cxx, flags, src, obj)
        times.append(cpu)
        rss = max(rss, peak)
    return Timing(times, rss)


def main(quick: bool = False) -> int:
    cxx = os.environ.get("CXX", "g++")
    if shutil.which(cxx) is None:
        print(f"no C++ compiler {cxx!r}", file=sys.stderr)
        return 2
    repeat = 1 if quick else 3
    rep = Report("bench_compile", "Compile cost: one file that includes a koers header (g++ -std=c++20 -O2 -c)", quick)
    rep.header()
    with tempfile.TemporaryDirectory() as d:
        tmp = pathlib.Path(d)
        flags = ["-std=c++20", "-O2", f"-I{ROOT / 'include'}", f"-I{_version_dir(tmp)}", *_eigen_flags()]
        base = measure(cxx, flags, "#include <vector>\n#include <string>", tmp, repeat)
        rep.add("<vector> + <string>", base, note="the floor of any C++ file")
        target = ("< 5 s CPU, peak < 300 MB", lambda k, a: k.median < 5 and k.rss < 300 * 2**20)
        rep.add("<koers/koers.hpp>", measure(cxx, flags, "#include <koers/koers.hpp>", tmp, repeat),
                "<vector> + <string>", base, target)
        if not quick:
            for h in LAYERS:
                rep.add(f"<{h}>", measure(cxx, flags, f"#include <{h}>", tmp, repeat), "<vector> + <string>", base)
    version = subprocess.run([cxx, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    rep.note(f"times are the compiler's CPU seconds (user + system), shown as ms; {version}; "
             "alt / koers < 1: the header costs that fraction more than the floor")
    rep.save()
    return 0


if __name__ == "__main__":
    sys.exit(main(harness.quick_flag()))
