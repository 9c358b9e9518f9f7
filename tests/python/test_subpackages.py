"""koers.budget, koers.decide and koers.selection are packages, one module per concept (issue 12
§3), behind the import paths they had as single modules: the names, the pickles made before
the split, the installed files."""
import base64
import importlib
import json
import pathlib
import pickle
import pkgutil
import warnings

import pytest

import koers

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = pathlib.Path(__file__).resolve().parent / "data"
PACKAGES = ("budget", "decide", "selection")


@pytest.mark.parametrize("name", PACKAGES)
def test_every_public_name_keeps_its_import_path(name):
    pkg = importlib.import_module(f"koers.{name}")
    assert hasattr(pkg, "__path__"), f"koers.{name} is a package"
    for n in pkg.__all__:
        obj = getattr(pkg, n)
        assert obj is getattr(koers, n, obj)
        exec(f"from koers.{name} import {n}", {})  # noqa: S102 - the user's spelling
    mods = [m.name for m in pkgutil.iter_modules(pkg.__path__)]
    assert len(mods) >= 4, mods
    for m in mods:  # no module of a package shadows one of its names (koers.decide.rank is the function)
        assert m not in pkg.__all__, m


@pytest.mark.parametrize("name", PACKAGES)
def test_classes_show_and_pickle_as_the_package(name):
    pkg = importlib.import_module(f"koers.{name}")
    for n in pkg.__all__:
        obj = getattr(pkg, n)
        if isinstance(obj, type):
            assert obj.__module__ == f"koers.{name}", (n, obj.__module__)


def _fresh():
    p = koers.Portfolio.example("deventer-2014")
    prob = koers.DecisionProblem.from_dict({
        "format": "koers.decision", "version": 1, "alternatives": ["A", "B", "C"],
        "criteria": [{"name": "quality", "direction": "max", "weight": 0.6},
                     {"name": "cost", "direction": "min", "weight": 0.4}],
        "scores": [[7, 300], [9, 450], [5, 200]]})
    s = koers.selection.Selection.from_dict({
        "format": "koers.selection", "version": 1,
        "items": [{"id": "big", "score": 10, "hours": 150}, {"id": "b", "score": 6, "hours": 60},
                  {"id": "c", "score": 5, "hours": 50}, {"id": "urgent", "score": 1, "hours": 40, "pinned": True}],
        "experts": [{"id": "x", "hours": 100}, {"id": "y", "hours": 100}], "min_items_per_expert": 1, "top_n": 2})
    sr = koers.select(s)
    return {"portfolio": p, "optimise_result": p.optimise(),
            "scenario": koers.budget.Scenario("cut", scale_budget={"stream.strategisch": "0.9"}),
            "budget_model": koers.BudgetModel.deventer_2014(), "budget_curve": koers.curve(p, "stream.strategisch"),
            "decision_problem": prob, "rank_result": koers.rank(prob, method="topsis"),
            "selection": s, "selection_result": sr, "top_n_cut": sr.top_n}


def _same(kind, a, b):
    if kind == "optimise_result":
        return a.portfolio == b.portfolio and a.to_dict() == b.to_dict() | {"seconds": a.to_dict()["seconds"]}
    if kind == "budget_model":
        return a.streams.equals(b.streams)
    if kind == "budget_curve":
        return a.equals(b) and type(a) is type(b)
    if kind == "rank_result":
        return a.ranking == b.ranking and a.problem == b.problem
    if kind == "selection_result":
        return a.selection == b.selection and a.selected == b.selected and a.top_n == b.top_n
    return a == b


def test_pickles_made_before_the_split_still_load():
    """tests/python/data/pickles-before-subpackages.json: pickles (protocol 4) made by koers with
    budget.py, decide.py and selection.py as single modules."""
    old = json.loads((DATA / "pickles-before-subpackages.json").read_text(encoding="utf-8"))
    fresh = _fresh()
    assert set(old) == set(fresh)
    for kind, b64 in old.items():
        obj = pickle.loads(base64.b64decode(b64))
        assert type(obj) is type(fresh[kind]), kind
        assert _same(kind, obj, fresh[kind]), kind


def test_new_pickles_name_the_package_not_its_modules():
    """So a pickle made now loads wherever the names are importable from the package, however its
    modules are cut later."""
    for kind, obj in _fresh().items():
        data = pickle.dumps(obj, protocol=4)
        for name in PACKAGES:
            for m in pkgutil.iter_modules(importlib.import_module(f"koers.{name}").__path__):
                assert f"koers.{name}.{m.name}".encode() not in data, (kind, m.name)
        assert pickle.loads(data) is not None


def test_the_old_budget_frames_module_is_a_deprecated_alias():
    import sys
    sys.modules.pop("koers.budget_frames", None)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        import koers.budget_frames as bf
    assert any(issubclass(x.category, DeprecationWarning) and "koers.budget_frames" in str(x.message) for x in w)
    assert bf.BudgetCurve is koers.BudgetCurve and bf.CostPlan is koers.CostPlan


def test_every_source_module_is_installed():
    """The wheel (pyproject's wheel.packages = python/koers) carries the sub-packages."""
    installed = pathlib.Path(koers.__file__).resolve().parent
    source = ROOT / "python" / "koers"
    want = {p.relative_to(source).as_posix() for p in source.rglob("*.py")} - {"_version.py"}
    have = {p.relative_to(installed).as_posix() for p in installed.rglob("*.py")}
    assert want <= have, sorted(want - have)
