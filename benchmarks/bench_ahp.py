"""AHP benchmark (issue 4 §6): n = 50 (and 10, 100), koers against numpy and pymcdm in one run.

Each case first checks that koers and the peer agree (priorities to 1e-9), then times both on
the same matrix. `full` is koers's whole analysis (priorities, λmax/CI/CR, Koczkodaj triads,
best revision) from named judgments; `completion` fills 30 % missing pairs by minimising λmax
(Bozóki et al. 2010), which neither peer offers (AHPy does, but is not a koers dependency).

    PYTHONPATH=python python benchmarks/bench_ahp.py [--quick]
"""
import sys
import time

import numpy as np

from koers import ahp


def timeit(f, repeat):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t)
    return best


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


def main(quick=False):
    try:
        from pymcdm.weights.subjective import AHP as PymcdmAHP
    except ImportError:  # pragma: no cover
        PymcdmAHP = None
    sizes = [10, 50] if quick else [10, 50, 100]
    repeat = 3 if quick else 10
    print(f"{'case':<22}{'koers_ms':>10}  {'peer':<10}{'peer_ms':>10}{'peer/koers':>12}")
    print("(pymcdm: CR only up to n = 15, its RI table; koers: any n, Monte-Carlo RI beyond a table)")
    for n in sizes:
        rng = np.random.default_rng(n)
        m = random_matrix(n, rng)
        kv, kl = ahp.principal_eigen(m)
        nv, nl = numpy_ahp(m)
        assert np.max(np.abs(kv - nv)) < 1e-9 and abs(kl - nl) < 1e-9 * n
        tk = timeit(lambda: ahp.principal_eigen(m), repeat)
        tn = timeit(lambda: numpy_ahp(m), repeat)
        print(f"{'eigen n=' + str(n):<22}{tk * 1e3:>10.3f}  {'numpy':<10}{tn * 1e3:>10.3f}{tn / tk:>12.2f}")
        if PymcdmAHP is not None:
            pv = PymcdmAHP(matrix=m)()
            assert np.max(np.abs(kv - pv)) < 1e-9
            if n <= 15:  # pymcdm's RI table stops at n = 15 (get_cr raises beyond it)
                tp = timeit(lambda: (lambda a: (a(), a.get_cr()))(PymcdmAHP(matrix=m)), repeat)
                label = "pymcdm+CR"
            else:
                tp = timeit(lambda: PymcdmAHP(matrix=m)(), repeat)
                label = "pymcdm"
            print(f"{'eigen n=' + str(n):<22}{tk * 1e3:>10.3f}  {label:<10}{tp * 1e3:>10.3f}{tp / tk:>12.2f}")
        names = [f"e{i}" for i in range(n)]
        judgments = [{"a": names[i], "b": names[j], "value": float(m[i, j])} for i in range(n) for j in range(i + 1, n)]
        doc = {"format": "koers.ahp", "version": 1, "elements": names, "judgments": judgments, "ri_table": "donegan-dodd"}
        ahp.analyse(doc)  # warm the Monte-Carlo RI cache for sizes beyond a table
        tf = timeit(lambda: ahp.analyse(doc), max(1, repeat // 2))
        print(f"{'full n=' + str(n):<22}{tf * 1e3:>10.3f}  {'-':<10}{'':>10}{'':>12}")
        keep = [j for k, j in enumerate(judgments) if j["b"] == names[names.index(j["a"]) + 1] or rng.random() > 0.3]
        inc = {**doc, "judgments": keep}
        tc = timeit(lambda: ahp.analyse(inc), max(1, repeat // 2))
        missing = len(judgments) - len(keep)
        print(f"{'completion n=' + str(n) + ' (' + str(missing) + ')':<22}{tc * 1e3:>10.3f}  {'-':<10}{'':>10}{'':>12}")


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
