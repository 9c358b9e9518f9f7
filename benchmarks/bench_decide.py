"""Ranking benchmark (issues 4 §6 and 10 §3): TOPSIS, WSM and VIKOR on a 100,000 × 10 NumPy matrix
and SMAA-2 with 1,000 alternatives × 5 criteria × 10,000 samples, koers against what an analyst
would use instead, each case in its own process (benchmarks/harness.py).

koers is timed the way a user calls it: ``koers.rank(X, w, dirs, method=..., normalisation=...)
.scores`` from a NumPy array, the scores back as NumPy. Peers: hand-written NumPy (same formulas;
checked to agree with koers to 1e-9 first), pymcdm and scikit-criteria (TOPSIS), and a plain C++
loop (benchmarks/decide_loop.cpp, g++ -O3: the closeness/score only — no checks, no ranks).
Targets: ≥ 10× NumPy and within 2× the C++ loop for each method; SMAA-2 under 0.5 s on 2
threads (koers's complete result: acceptabilities, central weights, confidence factors), beside
the same SMAA-2 in vectorised NumPy (checked to agree within sampling error).

    python benchmarks/bench_decide.py [--quick]
"""
from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys
import tempfile
import warnings

import numpy as np

import harness
from harness import Report, at_least, call, self_timed, under, within

HERE = pathlib.Path(__file__).resolve().parent
ME = pathlib.Path(__file__).resolve()


def matrix(m, n):
    rng = np.random.default_rng(1)
    x = rng.uniform(1, 100, (m, n))
    w = np.full(n, 1.0 / n)
    dirs = ["max"] * (n // 2) + ["min"] * (n - n // 2)
    return x, w, dirs, np.array([d == "max" for d in dirs])


# ---- the peers, in NumPy --------------------------------------------------------------------------

def numpy_topsis(x, w, benefit):
    r = x / np.sqrt((x * x).sum(axis=0))
    r = np.where(benefit, r, 1 - r) * w
    dp = np.sqrt(((r - r.max(axis=0)) ** 2).sum(axis=1))
    dm = np.sqrt(((r - r.min(axis=0)) ** 2).sum(axis=1))
    return dm / (dp + dm)


def numpy_wsm(x, w, benefit):
    lo, hi = x.min(axis=0), x.max(axis=0)
    u = np.where(benefit, (x - lo) / (hi - lo), (hi - x) / (hi - lo))
    return u @ w


def numpy_vikor(x, w, benefit, v=0.5):
    lo, hi = x.min(axis=0), x.max(axis=0)
    best, worst = np.where(benefit, hi, lo), np.where(benefit, lo, hi)
    t = w * (best - x) / (best - worst)
    s, r = t.sum(axis=1), t.max(axis=1)
    return v * (s - s.min()) / (s.max() - s.min()) + (1 - v) * (r - r.min()) / (r.max() - r.min())


NUMPY = {"topsis": numpy_topsis, "wsm": numpy_wsm, "vikor": numpy_vikor}
NORMALISATION = {"topsis": "vector", "wsm": "minmax", "vikor": None}


# ---- cases (each runs in a fresh process through harness.call) ------------------------------------

def case_koers(method, m, n):
    import koers
    x, w, dirs, benefit = matrix(m, n)
    norm = NORMALISATION[method]
    np.testing.assert_allclose(koers.rank(x, w, dirs, method=method, normalisation=norm).scores,
                               NUMPY[method](x, w, benefit), rtol=1e-9, atol=1e-12)
    return lambda: koers.rank(x, w, dirs, method=method, normalisation=norm).scores


def case_numpy(method, m, n):
    x, w, _dirs, benefit = matrix(m, n)
    f = NUMPY[method]
    return lambda: f(x, w, benefit)


def case_pymcdm(m, n):
    from pymcdm.methods import TOPSIS
    from pymcdm.normalizations import vector_normalization
    x, w, _dirs, benefit = matrix(m, n)
    t = TOPSIS(normalization_function=vector_normalization)
    types = np.where(benefit, 1, -1)
    warnings.simplefilter("ignore")
    np.testing.assert_allclose(t(x, w, types), numpy_topsis(x, w, benefit), rtol=1e-9, atol=1e-12)
    return lambda: t(x, w, types)


def case_skcriteria(m, n):
    warnings.simplefilter("ignore")
    import skcriteria as skc
    from skcriteria.agg.topsis import TOPSIS as SkTOPSIS
    from skcriteria.preprocessing.scalers import VectorScaler
    x, w, _dirs, benefit = matrix(m, n)

    def sk():
        dm = skc.mkdm(x, [max if b else min for b in benefit], weights=w)
        return SkTOPSIS().evaluate(VectorScaler(target="matrix").transform(dm)).e_.similarity
    np.testing.assert_allclose(sk(), numpy_topsis(x, w, benefit), rtol=1e-9, atol=1e-12)
    return sk


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


def smaa_matrix(m, n):
    return np.random.default_rng(2).uniform(1, 5, (m, n))


def case_smaa_koers(m, n, samples):
    import koers
    x = smaa_matrix(m, n)
    p = koers.DecisionProblem.from_array(x)
    run = lambda: koers.smaa(p, samples=samples, seed=1, method="wsm", normalisation="minmax", threads=2)  # noqa: E731
    b1 = run().acceptability.iloc[:, 0].to_numpy()
    acc = numpy_smaa(x, samples, 1)
    se = np.sqrt(np.maximum(b1 * (1 - b1), 1e-4) / samples)
    assert np.all(np.abs(b1 - acc[:, 0]) < 6 * se + 1e-3), "koers and numpy SMAA disagree beyond sampling error"
    return run


def case_smaa_numpy(m, n, samples):
    x = smaa_matrix(m, n)
    return lambda: numpy_smaa(x, samples, 1)


def cpp_loop(tmp):
    gxx = shutil.which("g++")
    if not gxx:
        return None
    exe = pathlib.Path(tmp) / "decide_loop"
    subprocess.run([gxx, "-O3", "-std=c++17", str(HERE / "decide_loop.cpp"), "-o", str(exe)], check=True)
    return exe


def main(quick: bool = False) -> int:
    m, n, repeat = (10_000, 10, 5) if quick else (100_000, 10, 15)
    rep = Report("bench_decide", "Ranking from NumPy: TOPSIS, WSM, VIKOR, SMAA-2", quick)
    rep.header()
    with tempfile.TemporaryDirectory() as tmp:
        exe = cpp_loop(tmp)
        for method in ("topsis", "wsm", "vikor"):
            case = f"{method} {m:,} × {n}"
            k = call(ME, "case_koers", {"method": method, "m": m, "n": n}, repeat=repeat)
            rep.add(case, k, "NumPy", call(ME, "case_numpy", {"method": method, "m": m, "n": n}, repeat=repeat),
                    at_least(10))
            if exe is not None:
                rep.add(case, k, "plain C++ loop", self_timed([exe, method, m, n]), within(2))
            if method == "topsis":
                for name, fn in (("pymcdm", "case_pymcdm"), ("scikit-criteria", "case_skcriteria")):
                    try:
                        rep.add(case, k, name, call(ME, fn, {"m": m, "n": n}, repeat=max(3, repeat // 3)))
                    except RuntimeError as e:  # not installed
                        rep.note(f"{name}: {str(e).splitlines()[-1]}")
        sm, sn, ss = (100, 5, 1_000) if quick else (1_000, 5, 10_000)
        k = call(ME, "case_smaa_koers", {"m": sm, "n": sn, "samples": ss}, repeat=3 if quick else 5)
        rep.add(f"SMAA-2 {sm:,} × {sn} × {ss:,}, 2 threads", k, "NumPy",
                call(ME, "case_smaa_numpy", {"m": sm, "n": sn, "samples": ss}, repeat=3), under(500))
    rep.note("koers: koers.rank(X, w, dirs, ...).scores from a NumPy array; every peer agrees with koers "
             "to 1e-9 (SMAA: within 6 standard errors); the C++ loop times the score only")
    rep.save()
    return 0


if __name__ == "__main__":
    sys.exit(main(harness.quick_flag()))
