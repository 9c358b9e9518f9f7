"""AHP benchmark (issue 4 §6): n = 10, 50 (and 100), koers against NumPy and pymcdm, each case in
its own process (benchmarks/harness.py).

Each case first checks that koers and the peer agree (priorities to 1e-9), then times both on the
same matrix. `full` is koers's whole analysis (priorities, λmax/CI/CR, Koczkodaj triads, best
revision) from named judgments; `completion` fills 30 % missing pairs by minimising λmax (Bozóki
et al. 2010), which neither peer offers. pymcdm gives CR only up to n = 15 (its RI table).

    python benchmarks/bench_ahp.py [--quick]
"""
from __future__ import annotations

import pathlib
import sys

import numpy as np

import harness
from harness import Report, call

ME = pathlib.Path(__file__).resolve()
SCALE = np.array([1 / k for k in range(9, 1, -1)] + list(range(1, 10)), dtype=float)


def random_matrix(n, rng):
    """Noisy judgments of random weights, snapped to Saaty's 17 values (pymcdm accepts only those)."""
    w = rng.uniform(1, 9, n)
    m = np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            x = np.log(w[i] / w[j]) + rng.normal(0, 0.3)
            m[i, j] = SCALE[int(np.argmin(np.abs(np.log(SCALE) - x)))]
            m[j, i] = 1 / m[i, j]
    return m


def numpy_ahp(m):
    vals, vecs = np.linalg.eig(m)
    k = int(np.argmax(vals.real))
    v = np.abs(vecs[:, k].real)
    return v / v.sum(), vals[k].real


def _doc(n):
    rng = np.random.default_rng(n)
    m = random_matrix(n, rng)
    names = [f"e{i}" for i in range(n)]
    judgments = [{"a": names[i], "b": names[j], "value": float(m[i, j])} for i in range(n) for j in range(i + 1, n)]
    doc = {"format": "koers.ahp", "version": 1, "elements": names, "judgments": judgments, "ri_table": "donegan-dodd"}
    return m, doc, names, judgments, rng


def case_eigen_koers(n):
    from koers import ahp
    m = _doc(n)[0]
    kv, kl = ahp.principal_eigen(m)
    nv, nl = numpy_ahp(m)
    assert np.max(np.abs(kv - nv)) < 1e-9 and abs(kl - nl) < 1e-9 * n
    return lambda: ahp.principal_eigen(m)


def case_eigen_numpy(n):
    m = _doc(n)[0]
    return lambda: numpy_ahp(m)


def case_eigen_pymcdm(n):
    from pymcdm.weights.subjective import AHP
    m = _doc(n)[0]
    assert np.max(np.abs(AHP(matrix=m)() - numpy_ahp(m)[0])) < 1e-9
    if n <= 15:  # pymcdm's RI table stops at n = 15 (get_cr raises beyond it)
        return lambda: (lambda a: (a(), a.get_cr()))(AHP(matrix=m))
    return lambda: AHP(matrix=m)()


def case_full(n, missing=False):
    from koers import ahp
    _m, doc, names, judgments, rng = _doc(n)
    if missing:
        keep = [j for j in judgments if j["b"] == names[names.index(j["a"]) + 1] or rng.random() > 0.3]
        doc = {**doc, "judgments": keep}
    ahp.analyse(doc)  # warm the Monte-Carlo RI cache for sizes beyond a table
    return lambda: ahp.analyse(doc)


def main(quick: bool = False) -> int:
    sizes = [10, 50] if quick else [10, 50, 100]
    repeat = 5 if quick else 15
    rep = Report("bench_ahp", "AHP: principal eigenvector, full analysis, completion", quick)
    rep.header()
    for n in sizes:
        k = call(ME, "case_eigen_koers", {"n": n}, repeat=repeat)
        rep.add(f"eigen n={n}", k, "NumPy", call(ME, "case_eigen_numpy", {"n": n}, repeat=repeat))
        try:
            rep.add(f"eigen n={n}", k, "pymcdm" + (" + CR" if n <= 15 else ""),
                    call(ME, "case_eigen_pymcdm", {"n": n}, repeat=repeat))
        except RuntimeError as e:
            rep.note(f"pymcdm: {str(e).splitlines()[-1]}")
        rep.add(f"full analysis n={n}", call(ME, "case_full", {"n": n}, repeat=max(3, repeat // 3)))
        rep.add(f"completion n={n} (30 % missing)", call(ME, "case_full", {"n": n, "missing": True},
                                                            repeat=max(3, repeat // 3)))
    rep.note("pymcdm: CR only up to n = 15 (its RI table); koers: any n, Monte-Carlo RI beyond a table")
    rep.save()
    return 0


if __name__ == "__main__":
    sys.exit(main(harness.quick_flag()))
