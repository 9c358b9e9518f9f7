"""Decision-problem benchmark (issue 4 §6): TOPSIS on a 100,000 × 10 NumPy matrix and SMAA-2 with
1,000 alternatives × 5 criteria × 10,000 samples, koers against what an analyst would use instead,
in one run.

TOPSIS peers: hand-written NumPy, pymcdm, scikit-criteria (VectorScaler + TOPSIS), and a plain C++
loop (benchmarks/decide_loop.cpp, compiled here with g++ -O3 when g++ is present; it times the
closeness only — no checks, no ranks). Every peer is first checked to agree with koers (1e-9).
koers' time includes validation, ranks (ties), contributions and the result object.

SMAA peer: the same SMAA-2 written in vectorised NumPy (Dirichlet weights, matrix product,
argsort), on a weighted sum with min-max normalisation, checked to agree on rank-1
acceptabilities within sampling error. koers runs on 2 threads (results do not depend on it).

    PYTHONPATH=python python benchmarks/bench_decide.py [--quick]
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np

import koers

HERE = pathlib.Path(__file__).resolve().parent


def best_of(f, repeat):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t)
    return best * 1000


def numpy_topsis(x, w, benefit):
    r = x / np.sqrt((x * x).sum(axis=0))
    r = np.where(benefit, r, 1 - r) * w
    dp = np.sqrt(((r - r.max(axis=0)) ** 2).sum(axis=1))
    dm = np.sqrt(((r - r.min(axis=0)) ** 2).sum(axis=1))
    return dm / (dp + dm)


def cpp_loop(m, n):
    gxx = shutil.which("g++")
    if not gxx:
        return None
    with tempfile.TemporaryDirectory() as d:
        exe = pathlib.Path(d) / "loop"
        subprocess.run([gxx, "-O3", "-std=c++17", str(HERE / "decide_loop.cpp"), "-o", str(exe)], check=True)
        out = subprocess.run([str(exe), str(m), str(n)], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0])


def row(case, k_ms, peer, p_ms):
    ratio = f"{p_ms / k_ms:10.2f}" if p_ms is not None else f"{'-':>10}"
    p = f"{p_ms:10.1f}" if p_ms is not None else f"{'n/a':>10}"
    print(f"{case:<24}{k_ms:10.1f}  {peer:<16}{p}{ratio}")


def bench_topsis(m, n, repeat):
    rng = np.random.default_rng(1)
    x = rng.uniform(1, 100, (m, n))
    w = np.full(n, 1.0 / n)
    dirs = ["max"] * (n // 2) + ["min"] * (n - n // 2)
    benefit = np.array([d == "max" for d in dirs])
    types = np.where(benefit, 1, -1)
    ours = koers.rank(x, w, dirs, method="topsis", normalisation="vector").scores
    k_ms = best_of(lambda: koers.rank(x, w, dirs, method="topsis", normalisation="vector"), repeat)
    case = f"topsis {m}x{n}"
    np.testing.assert_allclose(numpy_topsis(x, w, benefit), ours, rtol=1e-9, atol=1e-12)
    row(case, k_ms, "numpy", best_of(lambda: numpy_topsis(x, w, benefit), repeat))
    try:
        from pymcdm.methods import TOPSIS
        from pymcdm.normalizations import vector_normalization
        t = TOPSIS(normalization_function=vector_normalization)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            np.testing.assert_allclose(t(x, w, types), ours, rtol=1e-9, atol=1e-12)
            row(case, k_ms, "pymcdm", best_of(lambda: t(x, w, types), max(1, repeat // 2)))
    except ImportError:  # pragma: no cover
        row(case, k_ms, "pymcdm", None)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import skcriteria as skc
            from skcriteria.agg.topsis import TOPSIS as SkTOPSIS
            from skcriteria.preprocessing.scalers import VectorScaler

            def sk():
                dm = skc.mkdm(x, [max if b else min for b in benefit], weights=w)
                return SkTOPSIS().evaluate(VectorScaler(target="matrix").transform(dm)).e_.similarity
            np.testing.assert_allclose(sk(), ours, rtol=1e-9, atol=1e-12)
            row(case, k_ms, "scikit-criteria", best_of(sk, max(1, repeat // 2)))
    except ImportError:  # pragma: no cover
        row(case, k_ms, "scikit-criteria", None)
    try:
        row(case, k_ms, "plain C++ loop", cpp_loop(m, n))
    except (subprocess.CalledProcessError, OSError):  # pragma: no cover
        row(case, k_ms, "plain C++ loop", None)


def numpy_smaa(x, samples, seed):
    """SMAA-2 rank acceptability of a min-max weighted sum, vectorised NumPy."""
    u = (x - x.min(axis=0)) / (x.max(axis=0) - x.min(axis=0))
    rng = np.random.default_rng(seed)
    m = x.shape[0]
    acc = np.zeros((m, m))
    for start in range(0, samples, 1000):
        k = min(1000, samples - start)
        w = rng.dirichlet(np.ones(x.shape[1]), size=k)     # k × n
        s = u @ w.T                                          # m × k
        order = np.argsort(-s, axis=0, kind="stable")
        ranks = np.empty_like(order)
        np.put_along_axis(ranks, order, np.arange(m)[:, None], axis=0)
        np.add.at(acc, (np.repeat(np.arange(m), k), ranks.ravel()), 1)
    return acc / samples


def bench_smaa(m, n, samples):
    x = np.random.default_rng(2).uniform(1, 5, (m, n))
    p = koers.DecisionProblem.from_array(x)
    t = time.perf_counter()
    r = koers.smaa(p, samples=samples, seed=1, method="wsm", normalisation="minmax", threads=2)
    k_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    acc = numpy_smaa(x, samples, 1)
    n_ms = (time.perf_counter() - t) * 1000
    b1 = r.acceptability.iloc[:, 0].to_numpy()
    se = np.sqrt(np.maximum(b1 * (1 - b1), 1e-4) / samples)
    assert np.all(np.abs(b1 - acc[:, 0]) < 6 * se + 1e-3), "koers and numpy SMAA disagree beyond sampling error"
    row(f"smaa {m}x{n} {samples}", k_ms, "numpy", n_ms)


def main(quick=False):
    print(f"{'case':<24}{'koers_ms':>10}  {'peer':<16}{'peer_ms':>10}{'peer/koers':>10}")
    if quick:
        bench_topsis(10_000, 10, 3)
        bench_smaa(100, 5, 1_000)
    else:
        bench_topsis(100_000, 10, 10)
        bench_smaa(1_000, 5, 10_000)
    print("(koers SMAA on 2 threads, the complete result: acceptability, central weights, confidence)")


if __name__ == "__main__":
    main("--quick" in sys.argv)
