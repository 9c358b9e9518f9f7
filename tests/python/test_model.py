"""The strategy graph from Python: the Deventer example, frames, pickling, errors."""
import json
import pickle

import pandas as pd
import pytest

import koers


@pytest.fixture(scope="module")
def plan():
    return koers.examples.load("deventer-2014")


def test_deventer_counts_per_table(plan):
    # Source: seeds/000_b2e3445de29c70ff.txt, Tabel 1 (HNW) 10, Tabel 2 (Mobiliteit) 11,
    # Tabel 3-5 (themes) 1 each, Tabel 6 (basisvaardigheden) 6: 30 interventions.
    iv = plan.interventions()
    assert len(iv) == 30
    per_table = iv["table"].value_counts().to_dict()
    assert per_table == {"Tabel 1": 10, "Tabel 2": 11, "Tabel 3": 1, "Tabel 4": 1, "Tabel 5": 1, "Tabel 6": 6}
    assert plan.counts()["development"] == 3


def test_deventer_budget_total_exact(plan):
    # Source: Tabel 7: 314.777,00 + 314.594,00 + 357.451,62 = 986.822,62
    assert sorted(plan.budgets_cents().values()) == [31459400, 31477700, 35745162]
    assert plan.total_budget() == koers.Money("€ 986.822,62")
    assert plan.streams()["budget_cents"].dtype == "int64"


def test_deventer_is_valid_and_texts_stay_dutch(plan):
    assert plan.check().empty, plan.check().to_string()
    iv = plan.interventions()
    row = iv[iv["name"].str.contains("Spelsimulatie")].iloc[0]
    assert row["status"] == "new"
    assert row["doelgroep"] == "Iedereen"
    assert "verhuizing" in row["doel"]


def test_frames_have_labels(plan):
    cov = plan.coverage()
    assert cov.matrix.index.name == "goal" and cov.matrix.columns.name == "intervention"
    frame = cov.to_frame()
    assert list(frame.columns) == ["kind", "name", "interventions", "intervention_ids", "gap"]
    mix = plan.learning_mix()
    assert {"on_the_job", "with_others", "formal", "deviation_points"} <= set(mix.columns)
    assert isinstance(plan.interventions()["status"].dtype, pd.CategoricalDtype)


def test_round_trip_and_pickle(plan, tmp_path):
    path = tmp_path / "plan.json"
    plan.save(path)
    again = koers.load(path)
    assert again == plan
    assert json.loads(path.read_text())["format"] == "koers.model"
    assert pickle.loads(pickle.dumps(plan)) == plan
    assert repr(plan).startswith("<Model ")
    assert "interventions=30" in repr(plan)


def test_trace_and_removal(plan):
    dev = plan.nodes("development").index[0]
    down = plan.trace_down(dev)
    assert len(down) > 0 and (down["kind"] == "intervention").all()
    iv = down["end"].iloc[0]
    up = plan.trace_up(iv)
    assert dev in set(up["end"])
    impact = plan.removal_impact(iv)
    assert impact.loc[iv, "effect"] == "removed"
    with pytest.raises(koers.GraphError) as info:
        plan.trace_down("no.such.node")
    assert info.value.code == koers.Errc.unknown_node


def test_model_error_lists_every_problem(tmp_path):
    bad = {"format": "koers.model", "version": 1, "nodes": [
        {"id": "g", "kind": "goal", "name": "G"},
        {"id": "g", "kind": "goal", "name": "G2"},
        {"id": "i", "kind": "intervention", "name": "I"}],
        "edges": [{"kind": "contributes", "from": "i", "to": "x", "strength": 500}]}
    m = koers.Model.from_dict(bad)
    with pytest.raises(koers.ModelError) as info:
        m.validate()
    codes = {e["code"] for e in info.value.errors}
    assert {"E202", "E200", "E207", "E204", "E205"} <= codes
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("text,code", [
    ("{", koers.Errc.not_json),
    ('{"format": "koers.model", "version": 2, "nodes": []}', koers.Errc.unsupported_version),
    ('{"format": "koers.model", "version": 1, "nodes": [], "extra": 1}', koers.Errc.unknown_field),
    ('{"format": "koers.model", "version": 1, "nodes": [{"id": "a", "kind": "goal", "name": 5}]}', koers.Errc.wrong_type),
    ("[" * 5000, koers.Errc.too_deep),
    ('{"format": "koers.model", "version": 1, "nodes": [{"id": "a", "kind": "budget_stream", "name": "x", '
     '"budget_cents": 1e999}]}', koers.Errc.invalid_value),
])
def test_hostile_text(text, code):
    with pytest.raises(koers.InputError) as info:
        koers.loads(text)
    assert info.value.code == code


def test_invalid_utf8_file(tmp_path):
    p = tmp_path / "bad.json"
    p.write_bytes(b'{"format": "koers.model", "version": 1, "name": "\xff", "nodes": []}')
    with pytest.raises(koers.InputError) as info:
        koers.load(p)
    assert info.value.code == koers.Errc.not_json


def test_gil_released_during_validation():
    """A second thread runs Python while C++ validates a large plan."""
    import threading
    import time
    nodes = [{"id": f"g{i}", "kind": "goal", "name": f"G{i}"} for i in range(20000)]
    nodes += [{"id": f"i{i}", "kind": "intervention", "name": f"I{i}", "status": "new"} for i in range(20000)]
    edges = [{"kind": "contributes", "from": f"i{i}", "to": f"g{(i * 7) % 20000}", "strength": 50} for i in range(20000)]
    m = koers.Model.from_dict({"format": "koers.model", "version": 1, "nodes": nodes, "edges": edges})
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    start = time.perf_counter()
    for _ in range(5):
        m.graph.check()
        m.graph.to_json(-1)
    end = time.perf_counter()
    stop.set()
    t.join()
    assert sum(start < x < end for x in ticks) >= 2
