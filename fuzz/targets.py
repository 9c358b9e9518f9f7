"""The fuzz targets: one per file format, each reading a mutated file the way the ``koers``
command does (through the file loaders, so the bounded read, the parsers and the first use of
the result are all exercised), seeded from the embedded examples and the shared data.

A target may end in a coded koers error (``koers.KoersError`` with a code from the table):
that is the contract for hostile input. Anything else — another exception, a crash, a hang
past the per-input timeout, memory past the limit — is a finding.
"""
from __future__ import annotations

import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "python" / "koers" / "examples" / "data"
SHARED = ROOT.parent / "shared" / "data"


def _model(koers, path):
    m = koers.load(path)
    m.problems()
    m.coverage()
    m.learning_mix()


def _decision(koers, path):
    p = koers.DecisionProblem.load(path)
    for method in ("wsm", "topsis", "vikor", "promethee2"):
        try:
            koers.rank(p, method=method)
        except koers.KoersError:
            pass
    koers.weights(p, "critic") if len(p.alternatives) > 1 else None


def _ahp(koers, path):
    koers.ahp.analyse(str(path))


def _selection(koers, path):
    s = koers.selection.Selection.load(path)
    koers.select(s, node_limit=2000, time_limit=2.0)


def _portfolio(koers, path):
    p = koers.Portfolio.load(path)
    p.optimise(node_limit=2000, time_limit=2.0)


def _jucm(koers, path):
    m = koers.grl.load_jucm(path)
    for s in m.strategies()[:5]:
        m.evaluate(s)


def _seeds(*globs):
    out = []
    for base, pattern in globs:
        out += sorted(base.glob(pattern))
    return out


# name -> (suffix of the file the target reads, seed files, the target)
TARGETS = {
    "model": (".json", _seeds((EXAMPLES, "*/model*.json")), _model),
    "decision": (".json", _seeds((EXAMPLES, "*/decision.json")), _decision),
    "ahp": (".json", _seeds((EXAMPLES, "*/ahp.json")), _ahp),
    "selection": (".json", _seeds((EXAMPLES, "*/selection.json")), _selection),
    "portfolio": (".json", _seeds((EXAMPLES, "*/portfolio.json")), _portfolio),
    "jucm": (".jucm", _seeds((SHARED / "grl", "*.jucm")), _jucm),
}
