"""Every docstring example in koers runs, and the public functions document themselves.

Each module of the installed package is run through :mod:`doctest` (from an empty temporary
folder, so an example can only use what ships with koers); a module that gains examples is
tested without being listed. The public functions an analyst calls carry numpydoc docstrings:
a summary line, ``Parameters`` (when they take any), ``Returns`` and an ``Examples`` section
with at least one example — which the first test runs.
"""
import doctest
import importlib
import inspect
import pkgutil
import re

import pytest

import koers

_SKIP = {"koers._core", "koers._version"}  # compiled, generated
MODULES = ["koers"] + sorted(m.name for m in pkgutil.walk_packages(koers.__path__, "koers.") if m.name not in _SKIP)

#: The public calls of the README, by where a user reaches them.
PUBLIC = [
    "koers.load", "koers.loads",
    "koers.examples.load", "koers.examples.path",
    "koers.grl.load_jucm",
    "koers.ahp.load", "koers.ahp.analyse",
    "koers.academy.load",
    "koers.archimate.read", "koers.archimate.loads", "koers.archimate.export", "koers.archimate.ArchimateModel.write",
    "koers.entitlement",
    "koers.rank", "koers.weights", "koers.smaa", "koers.sensitivity",
    "koers.select", "koers.selection_probability",
    "koers.optimise", "koers.curve", "koers.sweep", "koers.grid", "koers.cost_plan",
]


def _resolve(dotted: str):
    obj, parts = koers, dotted.split(".")[1:]
    for p in parts:
        obj = getattr(obj, p)
    return obj


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of {name} failed (see above)"


def test_the_package_has_examples_to_run():
    finder = doctest.DocTestFinder()
    counts = {n: sum(len(t.examples) for t in finder.find(importlib.import_module(n))) for n in MODULES}
    assert sum(counts.values()) > 100
    assert all(counts[n] > 0 for n in ("koers", "koers.model", "koers.archimate", "koers.academy", "koers.ahp",
                                        "koers.learning", "koers.calendar", "koers.budget", "koers.decide.ranking",
                                        "koers.selection.problem"))


def _sections(doc: str) -> dict[str, str]:
    """numpydoc sections of a docstring: header -> body."""
    parts = re.split(r"^(\w[\w ]*)\n-{3,}\n", doc, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


@pytest.mark.parametrize("name", PUBLIC)
def test_public_function_has_a_numpydoc_docstring(name):
    fn = _resolve(name)
    doc = inspect.getdoc(fn) or ""
    summary = doc.split("\n\n", 1)[0]
    assert summary and "\n" not in summary.strip() and summary.rstrip().endswith("."), f"{name}: one-line summary"
    sections = _sections(doc)
    params = [p for p in inspect.signature(fn).parameters if p not in ("self", "cls")]
    if params:
        assert "Parameters" in sections, f"{name}: no Parameters section"
        # "name : type", "a, b : type", "**tables : type" or "a, b" (described alike elsewhere),
        # each at the start of a line
        names = {w for head in re.findall(r"^(\S[^:\n]*)", sections["Parameters"], flags=re.M)
                 for w in re.findall(r"\w+", head.split(" : ")[0])}
        missing = [p for p in params if p not in names]
        assert missing == [], f"{name}: parameters not documented: {missing}"
    if not isinstance(fn, type) and name.rsplit(".", 1)[-1] != "write":
        assert "Returns" in sections, f"{name}: no Returns section"
    assert ">>>" in sections.get("Examples", ""), f"{name}: no runnable Examples section"
