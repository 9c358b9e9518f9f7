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
    for s, t, w in zip(src.tolist(), tgt.tolist(), strength.tolist(), strict=True):
        to = f"g{t}" if t < n_goal else f"l{t - n_goal}"
        edges.append({"kind": "contributes", "from": f"i{s}", "to": to, "strength": w})
    values = {f"i{i}": int(v) for i, v in enumerate(rng.integers(0, 101, size=n_iv))}
    return {"format": "koers.model", "version": 1, "name": f"generated {n_edges} edges", "nodes": nodes,
            "edges": edges, "strategies": [{"name": "random", "values": values}]}


def generate_themed(n_edges: int, seed: int = 2022) -> dict:
    """A second plan shape: developments and strategic themes → three levels of goals (refines,
    then decomposes with AND/OR/XOR) → two levels of learning goals, interventions whose fan-out
    is uneven (a few serve hundreds of goals, most serve one to three; some serve a development or
    a theme directly), goals with several parents (a development and a theme). Seeded; valid."""
    rng = np.random.default_rng(seed)
    n_nodes = max(80, n_edges // 5)
    n_dev = max(1, n_nodes // 200)
    n_theme = max(1, n_nodes // 100)
    n_g1 = max(2, n_nodes // 40)
    n_g2 = max(2, n_nodes // 15)
    n_g3 = max(2, n_nodes // 8)
    n_lg1 = max(2, n_nodes // 6)
    n_lg2 = max(2, n_nodes // 6)
    n_tg = max(1, n_nodes // 1000)
    n_iv = max(1, n_nodes - n_dev - n_theme - n_g1 - n_g2 - n_g3 - n_lg1 - n_lg2 - n_tg)
    decomps = ["and", "or", "xor"]
    nodes = [{"id": f"d{i}", "kind": "development", "name": f"Ontwikkeling {i}"} for i in range(n_dev)]
    nodes += [{"id": f"s{i}", "kind": "strategic_theme", "name": f"Thema {i}"} for i in range(n_theme)]
    goals = [f"ga{i}" for i in range(n_g1)] + [f"gb{i}" for i in range(n_g2)] + [f"gc{i}" for i in range(n_g3)]
    dec = rng.choice(3, size=len(goals), p=[0.6, 0.3, 0.1])
    nodes += [{"id": g, "kind": "goal", "name": f"Doel {g}", "decomposition": decomps[d]} for g, d in zip(goals, dec, strict=True)]
    nodes += [{"id": f"la{i}", "kind": "learning_goal", "name": f"Leerdoel a{i}"} for i in range(n_lg1)]
    nodes += [{"id": f"lb{i}", "kind": "learning_goal", "name": f"Leerdoel b{i}"} for i in range(n_lg2)]
    nodes += [{"id": f"t{i}", "kind": "target_group", "name": f"Doelgroep {i}"} for i in range(n_tg)]
    channels = ["on_the_job", "with_others", "formal"]
    ch = rng.choice(3, size=n_iv, p=[0.7, 0.2, 0.1])
    nodes += [{"id": f"i{i}", "kind": "intervention", "name": f"Interventie {i}", "status": "existing",
               "channel": channels[ch[i]]} for i in range(n_iv)]
    edges = []
    # level 1: each goal under a development, every third also under a theme; themes get goals too
    for i in range(n_g1):
        edges.append({"kind": "refines", "from": f"d{i % n_dev}", "to": f"ga{i}"})
        if i % 3 == 0 or i < n_theme:
            edges.append({"kind": "refines", "from": f"s{i % n_theme}", "to": f"ga{i}"})
    # levels 2 and 3: decomposes, parents drawn unevenly (a few parents have many children)
    for child, parents, n_par in (("gb", "ga", n_g1), ("gc", "gb", n_g2)):
        n_child = n_g2 if child == "gb" else n_g3
        par = np.minimum((rng.pareto(1.2, size=n_child) * n_par / 20).astype(np.int64), n_par - 1)
        par[:n_par] = np.arange(min(n_child, n_par))
        edges += [{"kind": "decomposes", "from": f"{parents}{p}", "to": f"{child}{i}"} for i, p in enumerate(par.tolist())]
    # learning goals: la under level-3 goals (refines), lb under la (decomposes)
    edges += [{"kind": "refines", "from": f"gc{i % n_g3}", "to": f"la{i}"} for i in range(n_lg1)]
    edges += [{"kind": "decomposes", "from": f"la{i % n_lg1}", "to": f"lb{i}"} for i in range(n_lg2)]
    edges += [{"kind": "targets", "from": f"i{i}", "to": f"t{i % n_tg}"} for i in range(n_iv)]
    # contributions: fan-out per intervention from a heavy-tailed distribution
    remaining = max(n_iv, n_edges - len(edges))
    fan = 1 + (rng.pareto(1.5, size=n_iv) * 1.5).astype(np.int64)
    fan = np.minimum(fan, 2000)
    fan = np.maximum(1, (fan * remaining / fan.sum()).astype(np.int64))
    src = np.repeat(np.arange(n_iv), fan)[:remaining]
    targets = goals + [f"la{i}" for i in range(n_lg1)] + [f"lb{i}" for i in range(n_lg2)]
    tops = [f"d{i}" for i in range(n_dev)] + [f"s{i}" for i in range(n_theme)]
    tgt = rng.integers(0, len(targets), size=len(src))
    tgt[: len(targets)] = np.arange(min(len(src), len(targets)))  # every goal-like node is served
    to_top = rng.random(len(src)) < 0.01
    top_pick = rng.integers(0, len(tops), size=len(src))
    strength = rng.integers(-100, 101, size=len(src))
    for s, t, w, up, tp in zip(src.tolist(), tgt.tolist(), strength.tolist(), to_top.tolist(), top_pick.tolist(), strict=True):
        edges.append({"kind": "contributes", "from": f"i{s}", "to": tops[tp] if up else targets[t], "strength": w})
    served = set(src.tolist())
    for i in range(n_iv):  # an intervention that drew no contribution still serves one goal
        if i not in served:
            edges.append({"kind": "contributes", "from": f"i{i}", "to": targets[i % len(targets)], "strength": 50})
    values = {f"i{i}": int(v) for i, v in enumerate(rng.integers(0, 101, size=n_iv))}
    return {"format": "koers.model", "version": 1, "name": f"generated themed {n_edges} edges", "nodes": nodes,
            "edges": edges, "strategies": [{"name": "random", "values": values}]}
