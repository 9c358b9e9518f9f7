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


def _archimate(koers, path):
    import koers.archimate as archimate
    m = archimate.read(path)
    m.to_json()


ACADEMY = EXAMPLES / "west-betuwe-2022" / "academy"


def _academy_folder(folder):
    """The example's academy log beside the mutated registrations.csv."""
    import shutil
    for f in ACADEMY.glob("*.csv"):
        if f.name != "registrations.csv":
            shutil.copyfile(f, folder / f.name)


def _academy(koers, path):
    import koers.academy as academy
    log = academy.load(str(pathlib.Path(path).parent))
    log.kpis("2022-12-31")


def _seeds(*globs):
    out = []
    for base, pattern in globs:
        out += sorted(base.glob(pattern))
    return out


# name -> (name of the file the target reads, seed files, the target, None or a function that
# lays the other files of the input beside it)
TARGETS = {
    "model": ("in.json", _seeds((EXAMPLES, "*/model*.json")), _model, None),
    "decision": ("in.json", _seeds((EXAMPLES, "*/decision.json")), _decision, None),
    "ahp": ("in.json", _seeds((EXAMPLES, "*/ahp.json")), _ahp, None),
    "selection": ("in.json", _seeds((EXAMPLES, "*/selection.json")), _selection, None),
    "portfolio": ("in.json", _seeds((EXAMPLES, "*/portfolio.json")), _portfolio, None),
    "jucm": ("in.jucm", _seeds((SHARED / "grl", "*.jucm")), _jucm, None),
    "archimate": ("in.xml", _seeds((SHARED / "archimate", "archi_Sample1.xml"),
                                   (SHARED / "archimate", "ogxml_archisurance_exchange.xml")), _archimate, None),
    "academy": ("registrations.csv", _seeds((ACADEMY, "registrations.csv")), _academy, _academy_folder),
}
