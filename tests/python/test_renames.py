"""One word for one idea (issue 12 §3): what must be in is ``mandatory`` and what an item depends on
is ``requires``, in the portfolio and the selection alike (scenarios: ``mandatory_items``). The
old names — a selection item's ``pinned`` and ``needs``, a scenario's ``force_items``, the
arguments ``pinned=``/``needs=``/``force_items=``, ``koers sweep --force`` — keep working for
one release with a DeprecationWarning (the command: a note on stderr)."""
import base64
import json
import pathlib
import pickle
import warnings

import pytest

import koers
import koers.selection as ks
from koers import budget

from conftest import run_cli

DATA = pathlib.Path(__file__).resolve().parent / "data"


def _selection(mandatory="mandatory", requires="requires"):
    return {"format": "koers.selection", "version": 1,
            "items": [{"id": "a", "score": 3, "hours": 10, mandatory: True},
                      {"id": "b", "score": 2, "hours": 10, requires: ["a"]},
                      {"id": "c", "score": 9, "hours": 25}],
            "capacity_hours": 30}


def _deprecations(record):
    return [str(w.message) for w in record if issubclass(w.category, DeprecationWarning)]


def test_a_selection_reads_the_new_names_without_a_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = ks.Selection.from_dict(_selection())
    items = s.items
    assert items.loc["a", "mandatory"] and items.loc["b", "requires"] == ["a"]
    assert s.to_dict()["items"][0] == {"id": "a", "score": 3.0, "hours": 10.0, "mandatory": True}
    assert s.to_dict()["items"][1]["requires"] == ["a"]
    r = ks.select(s)  # a mandatory (10 h); c (25 h) does not fit beside it; b requires a: a + b
    assert r.selected == ["a", "b"] and r.optimum == 5.0


def test_the_old_selection_names_still_read_with_a_deprecation_warning():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        old = ks.Selection.from_dict(_selection("pinned", "needs"))
    notes = _deprecations(w)
    assert any("/items/0/pinned" in n and "'mandatory'" in n for n in notes), notes
    assert any("/items/1/needs" in n and "'requires'" in n for n in notes), notes
    assert old == ks.Selection.from_dict(_selection())  # the same problem, written with the new names
    assert "pinned" not in json.dumps(old.to_dict()) and "needs" not in json.dumps(old.to_dict())
    assert ks.select(old).selected == ["a", "b"]


def test_both_names_at_once_is_an_error():
    d = _selection()
    d["items"][0]["pinned"] = False
    with pytest.raises(koers.InputError) as e:
        ks.Selection.from_dict(d)
    assert e.value.code == 107 and "/items/0/pinned" in str(e.value)


def test_the_old_frame_columns_stay_for_one_release():
    s = ks.Selection.from_dict(_selection())
    items = s.items
    assert list(items.columns) == ["score", "hours", "mandatory", "requires", "pinned", "needs"]
    assert (items["pinned"] == items["mandatory"]).all() and (items["needs"] == items["requires"]).all()
    r = ks.select(s).items
    assert "mandatory" in r.columns and (r["pinned"] == r["mandatory"]).all()


def test_from_ranking_takes_the_old_argument_names_with_a_warning():
    import pandas as pd
    scores = pd.Series({"a": 0.9, "b": 0.5, "c": 0.1})
    kw = dict(hours=10, experts={"x": 40}, top_n=1)
    new = ks.Selection.from_ranking(scores, mandatory=["c"], requires={"b": ["a"]}, **kw)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        old = ks.Selection.from_ranking(scores, pinned=["c"], needs={"b": ["a"]}, **kw)
    assert len(_deprecations(w)) == 2
    assert old == new and new.items.loc["c", "mandatory"] and new.items.loc["b", "requires"] == ["a"]
    with pytest.raises(koers.InputError):
        ks.Selection.from_ranking(scores, mandatory=["c"], pinned=["c"], **kw)


def test_a_scenario_names_its_mandatory_items_as_the_portfolio_does():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = budget.Scenario("s", mandatory_items=["iv.loopbaanmodules"])
        assert s.to_dict() == {"name": "s", "mandatory_items": ["iv.loopbaanmodules"]}
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        old = budget.Scenario("s", force_items=["iv.loopbaanmodules"])
        from_file = budget.Scenario.from_dict({"name": "s", "force_items": ["iv.loopbaanmodules"]})
        assert old.force_items == ("iv.loopbaanmodules",)
    assert len(_deprecations(w)) == 3
    assert old == s == from_file
    with pytest.raises(koers.KoersError):
        budget.Scenario("s", mandatory_items=["a"], force_items=["b"])


def test_a_portfolio_file_with_the_old_scenario_field_reads_with_a_warning():
    d = koers.Portfolio.example("deventer-2014").to_dict()
    d["scenarios"] = [{"name": "old", "force_items": ["iv.loopbaanmodules"]}]
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        p = koers.Portfolio.from_dict(d)
    assert any("/scenarios/0/force_items" in n and "'mandatory_items'" in n for n in _deprecations(w))
    assert p.to_dict()["scenarios"] == [{"name": "old", "mandatory_items": ["iv.loopbaanmodules"]}]
    assert p.scenario("old").mandatory_items == ("iv.loopbaanmodules",)
    assert "iv.loopbaanmodules" in p.apply("old").optimise().selection


def test_pickles_with_the_old_names_still_load():
    """tests/python/data/pickles-before-renames.json: made by koers before the renames."""
    old = json.loads((DATA / "pickles-before-renames.json").read_text(encoding="utf-8"))
    sc = pickle.loads(base64.b64decode(old["scenario_force_items"]))
    assert sc.mandatory_items == ("iv.loopbaanmodules",) and sc.drop_items == ("iv.a",)
    assert sc == budget.Scenario("forced", drop_items=["iv.a"], mandatory_items=["iv.loopbaanmodules"])
    assert sc.to_dict() == {"name": "forced", "drop_items": ["iv.a"], "mandatory_items": ["iv.loopbaanmodules"]}
    s = pickle.loads(base64.b64decode(old["selection_pinned_needs"]))
    assert s.items.loc["a", "mandatory"] and s.items.loc["b", "requires"] == ["a"]


def test_the_sweep_command_takes_mandatory_and_still_force():
    args = ["sweep", "--example", "deventer-2014", "--cut", "0:0.1:0.1", "--json"]
    new = run_cli(*args, "--mandatory", "m=iv.loopbaanmodules")
    old = run_cli(*args, "--force", "m=iv.loopbaanmodules")
    assert new.returncode == 0 and old.returncode == 0, (new.stderr, old.stderr)
    assert "--force is the old name of --mandatory" in old.stderr and "old name" not in new.stderr
    assert json.loads(new.stdout) == json.loads(old.stdout)
    assert "--force" not in run_cli("sweep", "--help").stdout
