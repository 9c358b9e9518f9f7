"""Generate large strategy graphs in the koers.model format (for benchmarks).

A plan of `n_edges` edges: developments → goals → learning goals (refines), interventions
contributing to goals and learning goals (most edges), target groups (targets). Seeded.
"""
from __future__ import annotations

import numpy as np


def generate(n_edges: int, seed: int = 2014, edges_per_intervention: int = 8) -> dict:
    rng = np.random.default_rng(seed)
    # sizes chosen so nodes ~ edges / 5 (e.g. 100k nodes, 500k edges)
    n_nodes = max(50, n_edges // 5)
    n_dev = max(1, n_nodes // 100)
    n_goal = max(2, n_nodes // 10)
    n_lg = max(2, n_nodes * 3 // 10)
    n_tg = max(1, n_nodes // 1000)
    n_iv = max(1, n_nodes - n_dev - n_goal - n_lg - n_tg)
    nodes = [{"id": f"d{i}", "kind": "development", "name": f"Ontwikkeling {i}"} for i in range(n_dev)]
    nodes += [{"id": f"g{i}", "kind": "goal", "name": f"Doel {i}"} for i in range(n_goal)]
    nodes += [{"id": f"l{i}", "kind": "learning_goal", "name": f"Leerdoel {i}"} for i in range(n_lg)]
    nodes += [{"id": f"t{i}", "kind": "target_group", "name": f"Doelgroep {i}"} for i in range(n_tg)]
    channels = ["on_the_job", "with_others", "formal"]
    ch = rng.choice(3, size=n_iv, p=[0.7, 0.2, 0.1])
    nodes += [{"id": f"i{i}", "kind": "intervention", "name": f"Interventie {i}", "status": "new",
               "channel": channels[ch[i]]} for i in range(n_iv)]
    edges = [{"kind": "refines", "from": f"d{i % n_dev}", "to": f"g{i}"} for i in range(n_goal)]
    edges += [{"kind": "refines", "from": f"g{i % n_goal}", "to": f"l{i}"} for i in range(n_lg)]
    edges += [{"kind": "targets", "from": f"i{i}", "to": f"t{i % n_tg}"} for i in range(n_iv)]
    remaining = max(n_iv, n_edges - len(edges))
    per = max(1, remaining // n_iv)
    src = np.repeat(np.arange(n_iv), per)[:remaining]
    # every goal-like node gets at least one contribution: first targets cover them in order
    tgt = rng.integers(0, n_goal + n_lg, size=len(src))
    tgt[: n_goal + n_lg] = np.arange(min(len(src), n_goal + n_lg))
    strength = rng.integers(-100, 101, size=len(src))
    for s, t, w in zip(src.tolist(), tgt.tolist(), strength.tolist()):
        to = f"g{t}" if t < n_goal else f"l{t - n_goal}"
        edges.append({"kind": "contributes", "from": f"i{s}", "to": to, "strength": w})
    values = {f"i{i}": int(v) for i, v in enumerate(rng.integers(0, 101, size=n_iv))}
    return {"format": "koers.model", "version": 1, "name": f"generated {n_edges} edges", "nodes": nodes,
            "edges": edges, "strategies": [{"name": "random", "values": values}]}
