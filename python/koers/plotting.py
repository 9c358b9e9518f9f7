"""Plots for the strategy graph (matplotlib; each function returns its Axes)."""
from __future__ import annotations

import textwrap

import numpy as np

_LAYERS = ["development", "strategic_theme", "goal", "learning_goal", "intervention", "target_group"]
_COLOURS = {"development": "#1f4e79", "strategic_theme": "#2e75b6", "goal": "#70ad47", "learning_goal": "#a9d18e",
            "intervention": "#ed7d31", "target_group": "#bfbfbf", "programme": "#7030a0", "process": "#c00000",
            "budget_stream": "#ffc000"}


def _axes(ax, size):
    if ax is None:
        import matplotlib.pyplot as plt
        _, ax = plt.subplots(figsize=size)
    return ax


def plot_coverage(model, ax=None):
    """Heat map of goals × interventions (dark: serves directly; light: serves below the goal)."""
    cov = model.coverage()
    m = cov.matrix
    ax = _axes(ax, (max(8, 0.32 * m.shape[1]), max(4, 0.3 * m.shape[0])))
    ax.imshow(m.values, cmap="Greens", vmin=0, vmax=1, aspect="auto")
    ax.set_yticks(range(m.shape[0]))
    ax.set_yticklabels([textwrap.shorten(model._name(g), 45) for g in m.index], fontsize=7)
    ax.set_xticks(range(m.shape[1]))
    ax.set_xticklabels([textwrap.shorten(model._name(i), 30) for i in m.columns], rotation=90, fontsize=7)
    for r, g in enumerate(m.index):
        if g in cov.gaps:
            ax.get_yticklabels()[r].set_color("#c00000")
    ax.set_title(f"Coverage of goals by interventions ({len(cov.gaps)} gaps in red)")
    return ax


def plot_mix(model, ax=None):
    """Stacked bars of the 70/20/10 mix per development and theme, with the norm as a reference bar."""
    mix = model.learning_mix()
    ax = _axes(ax, (8, 0.5 * (len(mix) + 2) + 1.5))
    labels = ["norm 70/20/10"] + [textwrap.shorten(n, 35) for n in mix["name"]]
    shares = np.vstack([[0.7, 0.2, 0.1], mix[["share_on_the_job", "share_with_others", "share_formal"]].to_numpy()])
    left = np.zeros(len(labels))
    for j, (name, colour) in enumerate(zip(["on the job (70)", "with others (20)", "formal (10)"],
                                           ["#70ad47", "#2e75b6", "#ed7d31"])):
        ax.barh(labels, shares[:, j] * 100, left=left, color=colour, label=name)
        left += shares[:, j] * 100
    ax.invert_yaxis()
    ax.set_xlabel("% of interventions (with a known channel)")
    ax.set_xlim(0, 100)
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title("70/20/10 learning mix per development")
    return ax


def plot_graph(model, ax=None, kinds=None, sweeps: int = 4):
    """A layered drawing: developments and themes on top, then goals, learning goals,
    interventions and target groups; edges as thin lines. Within a layer, nodes are ordered
    by the barycentre of their neighbours (a few up-and-down sweeps, Sugiyama-style), which
    removes most crossings; labels of goals and interventions are drawn slanted."""
    kinds = kinds or _LAYERS[:5]
    nodes = model.nodes()
    nodes = nodes[nodes["kind"].isin(kinds)]
    layers = [k for k in _LAYERS if k in kinds] + [k for k in kinds if k not in _LAYERS]
    order = {kind: list(nodes.index[nodes["kind"] == kind]) for kind in layers}
    neighbours = {nid: [] for nid in nodes.index}
    for _, e in model.edges().iterrows():
        if e["from"] in neighbours and e["to"] in neighbours:
            neighbours[e["from"]].append(e["to"])
            neighbours[e["to"]].append(e["from"])
    layer_of = {nid: nodes.loc[nid, "kind"] for nid in nodes.index}

    def place():
        return {nid: (i + 0.5) / max(len(ids), 1) for ids in order.values() for i, nid in enumerate(ids)}

    for sweep in range(sweeps):
        seq = layers[1:] if sweep % 2 == 0 else layers[-2::-1]
        for kind in seq:
            x = place()
            depth = layers.index(kind)
            near = layers[depth - 1] if sweep % 2 == 0 else layers[depth + 1] if depth + 1 < len(layers) else kind

            def key(nid, x=x, near=near):
                xs = [x[m] for m in neighbours[nid] if layer_of[m] == near]
                xs = xs or [x[m] for m in neighbours[nid]] or [x[nid]]
                return sum(xs) / len(xs)
            order[kind].sort(key=key)
    x = place()
    pos = {nid: (x[nid], -layers.index(layer_of[nid])) for nid in nodes.index}
    ax = _axes(ax, (14, 1.6 * len(layers) + 1))
    for _, e in model.edges().iterrows():
        if e["from"] in pos and e["to"] in pos:
            (x0, y0), (x1, y1) = pos[e["from"]], pos[e["to"]]
            ax.plot([x0, x1], [y0, y1], color="#999999", lw=0.5, alpha=0.6, zorder=1)
    for nid, (x, y) in pos.items():
        kind = nodes.loc[nid, "kind"]
        ax.scatter([x], [y], s=60, color=_COLOURS.get(kind, "#666666"), zorder=2, edgecolor="white")
        if kind in ("development", "strategic_theme"):
            ax.annotate(textwrap.shorten(nodes.loc[nid, "name"], 32), (x, y), fontsize=7, ha="center",
                        xytext=(0, 7), textcoords="offset points")
        elif kind in ("goal", "intervention"):
            ax.annotate(textwrap.shorten(nodes.loc[nid, "name"], 30), (x, y), fontsize=5.5, ha="left",
                        va="bottom", rotation=35, xytext=(2, 4), textcoords="offset points")
    ax.set_yticks([-d for d in range(len(layers))])
    ax.set_yticklabels([k.replace("_", " ") for k in layers])
    ax.set_xticks([])
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_title(model.name)
    return ax
