"""The one plotting module of koers: one house style for the report's PNGs, the HTML report and
the notebooks.

Every figure koers draws is made here (the ``plot`` methods of the result objects call these
functions) and follows the house style: a title that states what the figure answers, axis labels
with their units, a legend wherever more than one colour means something, fonts of at least
7 pt, colours from one colour-blind-safe palette (Okabe & Ito), and no clipping — figures use
matplotlib's ``constrained`` layout, so that every text lies inside the canvas (tested with
:func:`text_outside`). Names are wrapped, never cut with "…".

Functions take ``ax=None`` (a new figure in the house style) and ``lang="en"`` or ``"nl"`` for
their words, and return the Axes. :func:`caption` writes a figure's source (from the plan /
derived / illustrative) under it; :func:`save` writes a PNG without ``bbox_inches="tight"``, so
what the test checks is what the reader sees.
"""
from __future__ import annotations

import contextlib
import textwrap

import numpy as np

# ---- the house style ---------------------------------------------------------------------

#: Okabe & Ito's palette (distinguishable with the common colour-vision deficiencies)
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
BLUE, ORANGE, GREEN, RED, PURPLE, SKY, YELLOW, BLACK = PALETTE
GREY, LIGHT = "#8c8c8c", "#d9d9d9"
WARN = "#c00000"  # a goal at risk (gap, one intervention)

HOUSE = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10.5,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.title_fontsize": 8,
    "figure.titlesize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": None,  # set below (needs cycler)
    "figure.dpi": 100,
    "savefig.dpi": 110,
    "image.cmap": "viridis",
    "figure.constrained_layout.use": True,  # every figure made in the style: no clipped labels
}
MIN_FONT = 7  # no text below this size


def _rc():
    from cycler import cycler
    rc = dict(HOUSE)
    rc["axes.prop_cycle"] = cycler(color=PALETTE)
    return rc


@contextlib.contextmanager
def style():
    """The house style as a matplotlib rc context (``with koers.plotting.style(): ...``)."""
    import matplotlib
    with matplotlib.rc_context(_rc()):
        yield


def use_house_style() -> None:
    """Make the house style the default of this session (the notebooks call it once)."""
    import matplotlib
    matplotlib.rcParams.update(_rc())


def figure(width: float, height: float):
    """A new figure with one Axes in the house style and constrained layout: ``(fig, ax)``."""
    import matplotlib.pyplot as plt
    with style():
        fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    return fig, ax


def _axes(ax, size):
    if ax is None:
        ax = figure(*size)[1]
        ax.figure._koers_own = True  # a figure of our own: its title may span the whole canvas
    return ax


def styled(fn):
    """Run a plotting function inside the house style (fonts of legends and texts made in it)."""
    import functools

    @functools.wraps(fn)
    def run(*a, **k):
        with style():
            return fn(*a, **k)
    return run


def headline(ax, text: str, size: float = 10.5) -> None:
    """The figure's title, wrapped to the canvas width (never clipped): on a figure of our own it
    stands at the canvas's left edge above everything; on a caller's Axes it is the Axes title."""
    fig = ax.figure
    chars = max(30, int(fig.get_size_inches()[0] * 72 / (size * 0.6)) - 4)
    if getattr(fig, "_koers_own", False) and len(fig.axes) <= 2:
        fig.suptitle(wrap(text, chars), x=0.01, ha="left", fontsize=size, fontweight="bold")
        ax.set_title("")
        fig._koers_title = text
    else:
        w = max(30, int(chars * ax.get_position().width))
        ax.set_title(wrap(text, w), loc="left", fontsize=size, fontweight="bold")


def _t(lang: str, en: str, nl: str) -> str:
    return nl if lang == "nl" else en


def wrap(text, width: int = 40) -> str:
    """A name wrapped onto lines of at most ``width`` characters (never cut)."""
    return "\n".join(textwrap.wrap(" ".join(str(text).split()), width, break_long_words=False)) or str(text)


# ---- numbers in people's words -----------------------------------------------------------

def euro_text(cents, decimals: bool = True) -> str:
    """'€ 314.777,00' for whole cents (Dutch separators); ``decimals=False``: '€ 314.777'."""
    cents = int(cents)
    sign = "-" if cents < 0 else ""
    e, c = divmod(abs(cents), 100)
    whole = f"{e:,}".replace(",", ".")
    return f"{sign}€ {whole},{c:02d}" if decimals else f"{sign}€ {whole}"


def euro_axis(ax, axis: str = "y") -> None:
    """Tick labels in whole euros with Dutch thousands separators (the data are euros)."""
    from matplotlib.ticker import FuncFormatter
    fmt = FuncFormatter(lambda v, _: euro_text(round(v * 100), decimals=False))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(fmt)


def percent(x, digits: int = 0) -> str:
    """A share 0..1 as '70 %' (Dutch style: a space before the sign)."""
    return f"{100 * float(x):.{digits}f} %".replace(".", ",")


# ---- provenance under a figure -----------------------------------------------------------

def caption(fig, text: str) -> None:
    """Write the figure's source (e.g. 'From the plan: Tabel 7') at its foot, inside the canvas."""
    fig.supxlabel(wrap(text, 120), fontsize=7.5, color="#444444", ha="left", x=0.01)


def save(fig, path, close: bool = True):
    """Write ``fig`` as PNG (or SVG by suffix) at the house resolution; the canvas is what the
    reader sees (no tight cropping that would hide clipping). Returns the path."""
    import matplotlib.pyplot as plt
    with style():
        fig.savefig(path)
    if close:
        plt.close(fig)
    return path


def text_outside(fig, tolerance: float = 1.0) -> list[str]:
    """What falls outside the canvas of ``fig``: one line per offending artist (empty when all
    text is inside). Uses matplotlib's tight bounding boxes (display pixels) against the figure
    box; ``tolerance`` in pixels."""
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    box = fig.bbox
    bad = []

    def out(bb):
        return (bb.x0 < box.x0 - tolerance or bb.y0 < box.y0 - tolerance or
                bb.x1 > box.x1 + tolerance or bb.y1 > box.y1 + tolerance)

    for ax in fig.axes:
        if not ax.get_visible():
            continue
        for a in [ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label]:
            if a.get_text() and a.get_visible() and out(a.get_window_extent(r)):
                bad.append(f"{ax.get_title()!r}: {a.get_text()!r}")
        for axis in (ax.xaxis, ax.yaxis) if ax.axison else ():
            if not axis.get_visible():
                continue
            bb = axis.get_tightbbox(r)
            if bb is not None and out(bb):
                bad.append(f"{ax.get_title()!r}: tick labels of the {axis.axis_name}-axis")
        for t in ax.texts:
            if t.get_visible() and t.get_text() and out(t.get_window_extent(r)):
                bad.append(f"{ax.get_title()!r}: text {t.get_text()!r}")
        leg = ax.get_legend()
        if leg is not None and leg.get_visible() and out(leg.get_window_extent(r)):
            bad.append(f"{ax.get_title()!r}: legend")
    for t in fig.texts + [getattr(fig, n, None) for n in ("_suptitle", "_supxlabel", "_supylabel")]:
        if t is not None and t.get_visible() and t.get_text() and out(t.get_window_extent(r)):
            bad.append(f"figure text {t.get_text()!r}")
    for leg in fig.legends:
        if out(leg.get_window_extent(r)):
            bad.append("figure legend")
    bb = fig.get_tightbbox(r)
    if not bad and bb is not None:
        inch = fig.dpi_scale_trans.transform
        (x0, y0), (x1, y1) = inch((bb.x0, bb.y0)), inch((bb.x1, bb.y1))
        from matplotlib.transforms import Bbox
        if out(Bbox.from_extents(x0, y0, x1, y1)):
            bad.append(f"the figure's tight bounding box {bb} exceeds {fig.get_size_inches()} in")
    return bad


def small_text(fig) -> list[str]:
    """Texts of ``fig`` smaller than :data:`MIN_FONT` points."""
    from matplotlib.text import Text
    return [t.get_text() for t in fig.findobj(Text)
            if t.get_visible() and t.get_text().strip() and t.get_fontsize() < MIN_FONT - 1e-9]


# ---- the strategy graph ------------------------------------------------------------------

_COLOURS = {"development": "#1f4e79", "strategic_theme": BLUE, "goal": GREEN, "learning_goal": "#a9d18e",
            "intervention": ORANGE, "target_group": "#bfbfbf", "programme": PURPLE, "process": RED,
            "budget_stream": YELLOW}


@styled
def plot_coverage(model, ax=None, lang: str = "en"):
    """Which goals each intervention serves, as a matrix: dark = directly, light = through a
    learning goal below the goal. Goals are sorted by how many interventions serve them (gaps and
    single points of failure on top, marked in the margin); interventions serving no goal are left
    out and counted in the title."""
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch
    cov = model.coverage()
    m = cov.matrix
    unused = [i for i in m.columns if not (m[i] > 0).any()]
    m = m.drop(columns=unused)
    served = (m > 0).sum(axis=1)
    rows = sorted(m.index, key=lambda g: (served[g], model._name(g)))
    cols = sorted(m.columns, key=lambda i: (-(m[i] > 0).sum(), model._name(i)))
    m = m.loc[rows, cols]
    ax = _axes(ax, (max(10, 0.26 * m.shape[1] + 7), max(5, 0.34 * m.shape[0] + 3.4)))
    cmap = ListedColormap(["#ffffff", "#a9d18e", "#2e7d32"])
    ax.imshow(m.values, cmap=cmap, vmin=0, vmax=1, aspect="auto", interpolation="nearest")
    ax.set_xticks(np.arange(m.shape[1] + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(m.shape[0] + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="#eeeeee", lw=0.5)
    ax.tick_params(which="minor", length=0)
    ax.set_yticks(range(m.shape[0]))
    ylabels = []
    for g in m.index:
        n = int(served[g])
        mark = _t(lang, " [gap]", " [gat]") if n == 0 else _t(lang, " [one only]", " [maar één]") if n == 1 else ""
        ylabels.append(model._name(g) + mark)
    ax.set_yticklabels([wrap(s, 75) for s in ylabels], fontsize=7.5)
    for r, g in enumerate(m.index):
        if served[g] <= 1:
            ax.get_yticklabels()[r].set_color(WARN)
    ax.set_xticks(range(m.shape[1]))
    ax.set_xticklabels([wrap(model._name(i), 34) for i in m.columns], rotation=90, fontsize=7)
    ax.set_xlabel(_t(lang, "interventions (most goals served on the left)",
                     "interventies (die de meeste doelen dienen links)"))
    ax.set_ylabel(_t(lang, "goals and learning goals (fewest interventions on top)",
                     "doelen en leerdoelen (minst bediend bovenaan)"))
    ax.legend(handles=[Patch(facecolor="#2e7d32", label=_t(lang, "serves the goal directly", "dient het doel direct")),
                       Patch(facecolor="#a9d18e", label=_t(lang, "serves it through a learning goal",
                                                          "dient het via een leerdoel")),
                       Patch(facecolor="white", edgecolor=WARN,
                             label=_t(lang, "red goal: no or one intervention", "rood doel: geen of één interventie"))],
              loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    gaps = int((served == 0).sum())
    single = int((served == 1).sum())
    extra = (_t(lang, f"; {len(unused)} intervention{'s' if len(unused) != 1 else ''} serving no goal left out",
                f"; {len(unused)} interventie{'s' if len(unused) != 1 else ''} zonder doel weggelaten")
             if unused else "")
    headline(ax, _t(lang, f"Which interventions serve which goals and learning goals: {gaps} gaps, {single} on one "
                          "intervention", f"Welke interventies welke doelen en leerdoelen dienen: {gaps} gaten, "
                                          f"{single} op één interventie") + extra)
    return ax


@styled
def plot_mix(model, ax=None, lang: str = "en"):
    """The 70/20/10 mix per development and theme as stacked percentages, with the norm as the
    first bar."""
    mix = model.learning_mix()
    ax = _axes(ax, (9, 0.5 * (len(mix) + 2) + 2.0))
    norm = _t(lang, "norm 70/20/10", "norm 70/20/10")
    labels = [norm] + [wrap(n, 40) for n in mix["name"]]
    shares = np.vstack([[0.7, 0.2, 0.1], mix[["share_on_the_job", "share_with_others", "share_formal"]].to_numpy()])
    left = np.zeros(len(labels))
    names = [_t(lang, "on the job (norm 70 %)", "in het werk (norm 70 %)"),
             _t(lang, "with others (norm 20 %)", "met anderen (norm 20 %)"),
             _t(lang, "formal (norm 10 %)", "formeel (norm 10 %)")]
    y = np.arange(len(labels))
    for j, (name, colour) in enumerate(zip(names, [GREEN, BLUE, ORANGE], strict=True)):
        vals = shares[:, j] * 100
        ax.barh(y, vals, left=left, color=colour, label=name, edgecolor="white")
        for k, (v, l0) in enumerate(zip(vals, left, strict=True)):
            if v >= 7:
                ax.text(l0 + v / 2, k, f"{v:.0f} %", ha="center", va="center", fontsize=7.5,
                        color="white" if colour != ORANGE else "black")
        left += vals
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    ax.invert_yaxis()
    ax.set_xlabel(_t(lang, "% of the interventions with a known channel", "% van de interventies met een bekend kanaal"))
    ax.set_xlim(0, 100)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18 if len(labels) < 6 else -0.1), ncol=3, frameon=False)
    headline(ax, _t(lang, "Learning mix per development against the 70/20/10 norm",
                    "Leermix per ontwikkeling tegen de norm 70/20/10"))
    return ax


def development_tree(model, development: str) -> list[tuple[str, list[tuple[str, bool]]]]:
    """The tree under one development or theme: ``[(goal, [(intervention, direct), ...]), ...]``,
    goals in the order of the model, each goal's interventions direct ones first. A goal with no
    intervention has an empty list."""
    edges = model.edges()
    goals = [t for k, f, t in zip(edges["kind"], edges["from"], edges["to"], strict=True)
             if k == "refines" and f == development and model._kind(t) == "goal"]
    cov = model.coverage()
    direct = {(g, i): d for g, i, d, _ in cov._entries}
    out = []
    for g in goals:
        ivs = cov.by_goal.get(g, [])
        ivs = sorted(ivs, key=lambda i: (not direct.get((g, i), False), model._name(i)))
        out.append((g, [(i, bool(direct.get((g, i), False))) for i in ivs]))
    return out


@styled
def plot_tree(model, development: str, ax=None, lang: str = "en"):
    """One development (or theme) → its goals → the interventions that serve each goal, drawn as
    a tree from left to right (an intervention serving two goals appears under both, so no lines
    cross). Goals served by one intervention or none are red: they are the single points of
    failure and the gaps."""
    from matplotlib.lines import Line2D
    tree = development_tree(model, development)
    leaves = sum(max(1, len(ivs)) for _, ivs in tree) or 1
    ax = _axes(ax, (10, max(3.0, 0.24 * leaves + 1.8)))
    y = 0.0
    goal_y = []
    box = dict(boxstyle="round,pad=0.25", lw=0.8)
    for g, ivs in tree:
        n = max(1, len(ivs))
        ys = [y + k for k in range(n)]
        gy = (ys[0] + ys[-1]) / 2
        goal_y.append(gy)
        weak = len(ivs) <= 1
        colour = WARN if weak else "#1b5e20"
        ax.text(1.0, gy, wrap(model._name(g), 38), ha="left", va="center", fontsize=8, color=colour, zorder=3,
                bbox=dict(box, fc="#fff0f0" if weak else "#eef7ee", ec=colour))
        if not ivs:
            ax.text(2.2, ys[0], _t(lang, "no intervention", "geen interventie"), ha="left", va="center",
                    fontsize=8, color=WARN, style="italic")
            ax.plot([1.0, 2.15], [gy, ys[0]], color=WARN, lw=0.8, ls=":", zorder=1)
        for (i, d), yy in zip(ivs, ys, strict=False):
            ax.plot([1.0, 2.05, 2.05, 2.15], [gy, gy, yy, yy], color="#555555" if d else GREY, lw=0.8,
                    ls="-" if d else "--", zorder=1)
            ax.text(2.2, yy, wrap(model._name(i), 60), ha="left", va="center", fontsize=8)
        y += n + 0.6
    top = goal_y[0] if goal_y else 0
    bottom = goal_y[-1] if goal_y else 0
    mid = (top + bottom) / 2
    ax.text(0.0, mid, wrap(model._name(development), 20), ha="left", va="center", fontsize=9, fontweight="bold",
            color="white", zorder=3, bbox=dict(boxstyle="round,pad=0.35", fc="#1f4e79", ec="#1f4e79"))
    for gy in goal_y:
        ax.plot([0.0, 0.85, 0.85, 1.0], [mid, mid, gy, gy], color="#1f4e79", lw=0.8, zorder=1)
    ax.set_xlim(-0.02, 3.6)
    ax.set_ylim(max(y - 0.6, 1) - 0.5, -0.7)
    ax.axis("off")
    ax.legend(handles=[Line2D([], [], color="#555555", lw=1, label=_t(lang, "serves the goal directly",
                                                                      "dient het doel direct")),
                       Line2D([], [], color=GREY, lw=1, ls="--", label=_t(lang, "through a learning goal",
                                                                          "via een leerdoel")),
                       Line2D([], [], color=WARN, lw=0, marker="s", markerfacecolor="#fff0f0",
                              label=_t(lang, "goal on one intervention or none", "doel op één of geen interventie"))],
              loc="upper left", bbox_to_anchor=(0.0, 0.0), ncol=3, frameon=False, fontsize=7.5)
    single = sum(1 for _, ivs in tree if len(ivs) <= 1)
    headline(ax, _t(lang, f"{model._name(development)}: {len(tree)} goals, {single} on one intervention or none",
                    f"{model._name(development)}: {len(tree)} doelen, {single} op één of geen interventie"))
    return ax


@styled
def plot_graph(model, ax=None, kinds=None, lang: str = "en"):
    """Kept for old callers: the whole graph is unreadable, so this draws the tree of the first
    development (:func:`plot_tree`); draw each development with :func:`plot_tree`."""
    devs = list(model.nodes("development").index)
    if not devs:
        raise ValueError("the model has no development to draw")
    return plot_tree(model, devs[0], ax=ax, lang=lang)


# ---- goal-model evaluation ---------------------------------------------------------------

@styled
def plot_grl(table, ax=None, lang: str = "en", title: str | None = None):
    """GRL satisfaction (−100..100) per element (rows, a ``name`` column) and strategy (the other
    columns), as grouped bars with the value written at each bar, so that 0 reads as 0."""
    names = list(table["name"])
    strategies = [c for c in table.columns if c != "name"]
    ax = _axes(ax, (9, 0.42 * len(names) * max(1, len(strategies)) * 0.6 + 2.4))
    h = 0.8 / max(1, len(strategies))
    y = np.arange(len(names))
    for k, s in enumerate(strategies):
        vals = table[s].astype(float).to_numpy()
        yy = y - 0.4 + h * (k + 0.5)
        ax.barh(yy, vals, height=h * 0.92, color=PALETTE[k % len(PALETTE)], label=s)
        for v, y0 in zip(vals, yy, strict=True):
            ax.text(v + (2 if v >= 0 else -2), y0, f"{v:.0f}", va="center", ha="left" if v >= 0 else "right",
                    fontsize=7.5)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_yticks(y)
    ax.set_yticklabels([wrap(n, 36) for n in names])
    ax.invert_yaxis()
    ax.set_xlim(-115, 115)
    ax.set_xlabel(_t(lang, "GRL satisfaction (−100 denied … 0 none … 100 satisfied)",
                     "GRL-vervulling (−100 ontkend … 0 geen … 100 vervuld)"))
    ax.legend(title=_t(lang, "strategy", "strategie"), loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    headline(ax, title or _t(lang, "How far each strategy satisfies the developments and themes",
                             "Hoe ver elke strategie de ontwikkelingen en thema's vervult"))
    return ax


# ---- budget ------------------------------------------------------------------------------

@styled
def plot_budget_curve(curve, ax=None, lang: str = "en", current: dict | None = None):
    """The exact optimum (goal weight served) as the budget of one stream grows: a step function
    through the breakpoints. ``current``: {label: budget in cents} drawn as vertical lines (the
    plan's budget, a what-if)."""
    import pandas as pd
    ax = _axes(ax, (8, 4.4))
    x = [int(v) / 100 for v in curve["budget"]]
    y = [float("nan") if pd.isna(v) else int(v) for v in curve["optimum"]]
    if x:
        right = max([x[-1]] + [int(c) / 100 for c in (current or {}).values()])
        x = x + [right * 1.08 if right else 1]
        y = y + [y[-1]]
    ax.step(x, y, where="post", color=BLUE, label=_t(lang, "optimum at that budget", "optimum bij dat budget"))
    ax.plot(x[:-1], y[:-1], "o", ms=3, color=BLUE)
    styles = [("--", GREY), (":", RED), ("-.", GREEN)]
    for k, (label, cents) in enumerate((current or {}).items()):
        ls, colour = styles[k % len(styles)]
        ax.axvline(int(cents) / 100, color=colour, ls=ls, lw=1.2, label=f"{label}: {euro_text(cents, False)}")
    euro_axis(ax, "x")
    ax.tick_params(axis="x", rotation=20)
    ax.set_xlabel(_t(lang, f"budget of the stream '{curve.stream}' (€)", f"budget van de stroom '{curve.stream}' (€)"))
    ax.set_ylabel(_t(lang, "goal weight served (points)", "gediend doelgewicht (punten)"))
    headline(ax, _t(lang, "What each budget buys: the exact optimum", "Wat elk budget oplevert: het exacte optimum"))
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right")
    return ax


@styled
def plot_payroll_path(path, ax=None, lang: str = "en"):
    """The L&D budget per year on the payroll path (euros), with each year's share written on
    its bar."""
    ax = _axes(ax, (7, 4))
    years = [str(y) for y in path.index]
    eur = path["budget"].astype("int64").to_numpy() / 100
    ax.bar(years, eur, color=BLUE)
    for k, (v, share, months) in enumerate(zip(eur, path["share"], path["months"], strict=True)):
        note = f"{share}" + ("" if int(months) == 12 else _t(lang, f"\n{months} months", f"\n{months} mnd"))
        ax.text(k, v, note, ha="center", va="bottom", fontsize=7.5)
    ax.set_ylim(0, eur.max() * 1.2 if len(eur) else 1)
    euro_axis(ax, "y")
    ax.set_xlabel(_t(lang, "year", "jaar"))
    ax.set_ylabel(_t(lang, "L&D budget (€)", "opleidingsbudget (€)"))
    headline(ax, _t(lang, "L&D budget on the payroll path (share of the payroll on each bar)",
                    "Opleidingsbudget op het loonsompad (aandeel van de loonsom per staaf)"))
    return ax


@styled
def plot_sweep(heat, ax=None, lang: str = "en", base: tuple | None = None, value_label: str | None = None,
               xlabel: str = "", ylabel: str = "", title: str | None = None):
    """A sweep result as a heat map: ``heat`` a DataFrame (index: the y values swept, columns:
    the x values), each cell centred on its swept values (edges half-way between them), a labelled
    colour bar, and the base case ``base=(x, y)`` marked."""
    import matplotlib.pyplot as plt
    ax = _axes(ax, (7, 5))
    xs = np.asarray(heat.columns, dtype=float)
    ys = np.asarray(heat.index, dtype=float)

    def edges(v):
        if len(v) == 1:
            return np.array([v[0] - 0.5, v[0] + 0.5])
        mid = (v[:-1] + v[1:]) / 2
        return np.concatenate([[v[0] - (mid[0] - v[0])], mid, [v[-1] + (v[-1] - mid[-1])]])

    mesh = ax.pcolormesh(edges(xs), edges(ys), heat.to_numpy(dtype=float), cmap="viridis", shading="flat")
    cb = plt.colorbar(mesh, ax=ax)
    cb.set_label(value_label or _t(lang, "goal weight served (points)", "gediend doelgewicht (punten)"))
    ax.set_xticks(xs if len(xs) <= 12 else xs[:: max(1, len(xs) // 8)])
    ax.set_xticklabels([f"{v:g}" for v in (xs if len(xs) <= 12 else xs[:: max(1, len(xs) // 8)])])
    if base is not None:
        ax.plot([base[0]], [base[1]], marker="*", ms=14, color="white", mec="black", lw=0,
                label=_t(lang, "base case (the plan)", "basisgeval (het plan)"))
        ax.legend(loc="upper right", bbox_to_anchor=(1.0, -0.13), frameon=False)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    headline(ax, title or _t(lang, "Exact optimum over the sweep", "Exact optimum over de variaties"))
    return ax


@styled
def plot_costs(costs, what: str = "per_hour", ax=None, lang: str = "en"):
    """Cost per learning hour (or per participant) per costed intervention, highest on top;
    orange: with an ILB contribution."""
    from matplotlib.patches import Patch
    col = costs[what].dropna().astype("int64").sort_values()
    ax = _axes(ax, (8, max(3.0, 0.3 * len(col) + 1.6)))
    names = [wrap(costs.loc[i, "name"], 45) for i in col.index]
    colours = [ORANGE if costs.loc[i, "ilb"] else BLUE for i in col.index]
    ax.barh(range(len(col)), col.values / 100, color=colours)
    ax.set_yticks(range(len(col)))
    ax.set_yticklabels(names)
    euro_axis(ax, "x")
    label = _t(lang, "per learning hour", "per leeruur") if what == "per_hour" else _t(lang, "per participant",
                                                                                    "per deelnemer")
    ax.set_xlabel(_t(lang, f"cost {label} (€)", f"kosten {label} (€)"))
    ax.legend(handles=[Patch(color=BLUE, label=_t(lang, "own budget only", "alleen eigen budget")),
                       Patch(color=ORANGE, label=_t(lang, "with an ILB contribution", "met een ILB-bijdrage"))],
              loc="lower right")
    headline(ax, _t(lang, f"Cost {label}: {costs.plan_name or 'plan'}", f"Kosten {label}: {costs.plan_name or 'plan'}"))
    ax.grid(axis="x", alpha=0.3)
    return ax


# ---- ranking and selection ---------------------------------------------------------------

@styled
def plot_contributions(result, ax=None, top: int | None = None):
    """Stacked contribution bars per alternative (criteria in the palette), best at the top."""
    c = result.contributions()
    if top:
        c = c.head(top)
    ax = _axes(ax, (9, max(3, 0.38 * len(c) + 1.6)))
    left = np.zeros(len(c))
    y = np.arange(len(c))
    for k, crit in enumerate(c.columns):
        vals = c[crit].to_numpy(dtype=float)
        ax.barh(y, vals, left=left, color=PALETTE[k % len(PALETTE)], label=str(crit).replace("_", " "))
        left += vals
    ax.set_yticks(y)
    ax.set_yticklabels([wrap(a, 45) for a in c.index])
    ax.invert_yaxis()
    ax.set_xlabel(result.contribution_kind)
    ax.legend(title="criterion", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    headline(ax, f"{result.method}: what each criterion contributes to the score")
    return ax


@styled
def plot_weight_intervals(df, method: str, target: str, ax=None):
    """Each criterion's weight and the interval in which the ranking's ``target`` holds."""
    ax = _axes(ax, (8, max(2.8, 0.5 * len(df) + 1.6)))
    y = np.arange(len(df))
    ax.barh(y, df["upper"] - df["lower"], left=df["lower"], color="#a9d18e", label=f"{target} unchanged")
    ax.scatter(df["weight"], y, color=BLUE, zorder=3, label="current weight")
    ax.set_yticks(y)
    ax.set_yticklabels([str(i).replace("_", " ") for i in df.index])
    ax.set_xlim(0, 1)
    ax.set_xlabel("weight (0..1, the others rescaled proportionally)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    headline(ax, f"{method}: weight intervals that keep the {target}")
    return ax


def _rank_label(col) -> str:
    return str(col) if str(col).startswith("rank") else f"rank {col}"


@styled
def plot_acceptability(acceptability, order, method: str, samples: int, ax=None, ranks: int = 8):
    """SMAA-2 rank acceptability, stacked: ranks 1..``ranks`` in distinguishable colours (the
    palette), the rest in one grey."""
    b = acceptability.loc[order]
    ax = _axes(ax, (9, max(3, 0.36 * len(b) + 1.8)))
    y = np.arange(len(b))
    left = np.zeros(len(b))
    colours = PALETTE[:ranks]
    k = min(ranks, b.shape[1])
    for r in range(k):
        vals = b.iloc[:, r].to_numpy(dtype=float)
        ax.barh(y, vals, left=left, color=colours[r], label=_rank_label(b.columns[r]), edgecolor="white", lw=0.3)
        left += vals
    if b.shape[1] > k:
        rest = b.iloc[:, k:].sum(axis=1).to_numpy(dtype=float)
        ax.barh(y, rest, left=left, color=LIGHT, label=f"rank {k + 1} or lower", edgecolor="white", lw=0.3)
    ax.set_yticks(y)
    ax.set_yticklabels([wrap(a, 45) for a in order])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the samples in which the alternative takes the rank")
    ax.legend(title="rank", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    headline(ax, f"SMAA-2 rank acceptability ({method}, {samples} samples)")
    return ax


@styled
def plot_selection(result, ax=None, lang: str = "en"):
    """Each process's score, coloured by: in the optimum and the top-N cut / optimum only / cut
    only / neither; the hours each needs written beside its bar."""
    from matplotlib.patches import Patch
    df = result.items.sort_values("score", ascending=False)
    ax = _axes(ax, (10, max(3.5, 0.3 * len(df) + 2.2)))
    n = result.top_n.n
    colours = {(True, True): BLUE, (True, False): GREEN, (False, True): RED, (False, False): LIGHT}
    labels = {(True, True): _t(lang, "in both", "in beide"),
              (True, False): _t(lang, "optimal selection only", "alleen in de optimale keuze"),
              (False, True): _t(lang, f"top-{n} cut only", f"alleen in de top-{n}"),
              (False, False): _t(lang, "neither", "geen van beide")}
    y = np.arange(len(df))
    keys = [(bool(s), bool(t)) for s, t in zip(df["selected"], df["in_top_n"], strict=True)]
    ax.barh(y, df["score"], color=[colours[k] for k in keys])
    mandatory = _t(lang, " (mandatory)", " (verplicht)")
    ax.set_yticks(y)
    ax.set_yticklabels([wrap(i, 60) + (mandatory if p else "") for i, p in zip(df.index, df["mandatory"], strict=True)], fontsize=7)
    for yy, (sc, h) in enumerate(zip(df["score"], df["hours"], strict=True)):
        ax.text(sc, yy, f" {h:g} h", va="center", fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, float(df["score"].max()) * 1.15 if len(df) else 1)
    seen = [k for k in colours if k in keys]
    ax.legend(handles=[Patch(color=colours[k], label=labels[k]) for k in seen], loc="lower right")
    cut = result.top_n
    ax.set_xlabel(_t(lang, "score in the ranking (hours needed beside each bar)",
                     "score in de rangorde (benodigde uren naast elke staaf)"))
    gap = "-" if result.gap is None else f"{result.gap:g}"
    t = _t(lang, f"Optimal selection {result.total_score:.4g} (proven: gap {gap}) against the top-{cut.n} cut "
                 f"{cut.total_score:.4g}", f"Optimale keuze {result.total_score:.4g} (bewezen: gat {gap}) tegen de "
                                         f"top-{cut.n} {cut.total_score:.4g}")
    if not cut.feasible:
        t += _t(lang, " — the cut cannot be assigned", " — de top kan niet worden toegewezen")
    elif cut.meets_minimum is False:
        t += _t(lang, " — the cut leaves experts idle", " — de top laat experts zonder werk")
    headline(ax, t)
    return ax


@styled
def plot_assignment(result, ax=None):
    """Each expert's hours, stacked by process, against the hours available."""
    ex = result.experts
    ax = _axes(ax, (10, max(3.5, 0.42 * len(ex) + 1.8)))
    y = {e: k for k, e in enumerate(ex.index)}
    left = {e: 0.0 for e in ex.index}
    widest = max([float(h) for h in ex["hours_available"]] + [1.0])
    for k, r in enumerate(result.assignment.itertuples()):
        ax.barh(y[r.expert], r.hours, left=left[r.expert], color=PALETTE[k % 6], edgecolor="white")
        room = int(60 * r.hours / widest)
        if room >= 8:
            ax.text(left[r.expert] + r.hours / 2, y[r.expert], wrap(r.process, room).split("\n")[0]
                    if len(r.process) <= room else str(k + 1), ha="center", va="center", fontsize=7)
        else:
            ax.text(left[r.expert] + r.hours / 2, y[r.expert], str(k + 1), ha="center", va="center", fontsize=7)
        left[r.expert] += r.hours
    ax.scatter(ex["hours_available"], list(range(len(ex))), marker="|", s=200, color="black",
               label="hours available")
    ax.set_yticks(list(range(len(ex))))
    ax.set_yticklabels(ex.index)
    ax.invert_yaxis()
    ax.set_xlabel("hours (numbered blocks: see the assignment table)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    headline(ax, "Assignment: each expert's hours, by process")
    return ax


@styled
def plot_probability(prob, ax=None, labels=None):
    """Each process's share of samples in the optimal selection and in the top-N cut."""
    df = prob
    ax = _axes(ax, (10, max(3.5, 0.3 * len(df) + 2)))
    y = np.arange(len(df))
    ax.barh(y - 0.16, df["probability"], height=0.3, color=BLUE, label="in the optimal selection")
    ax.barh(y + 0.16, df["top_n_probability"], height=0.3, color=ORANGE, label="in the top-N cut")
    ax.set_yticks(y)
    ax.set_yticklabels([wrap((labels or {}).get(i, i), 60) + (" (mandatory)" if p else "")
                        for i, p in zip(df.index, df["mandatory"], strict=True)], fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(f"share of {prob.attrs.get('samples', '?')} samples")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    headline(ax, "Probability of being chosen under uncertain weights")
    return ax


@styled
def plot_bars(values, ax=None, xlabel: str = "", title: str = "", colour: str = BLUE, threshold=None,
              threshold_label: str = ""):
    """Horizontal bars with the value written at each (AHP priorities, disagreement)."""
    ax = _axes(ax, (8, 0.45 * len(values) + 1.6))
    names = [str(i).replace("_", " ") for i in values.index]
    ax.barh(names, values.to_numpy(dtype=float), color=colour)
    for yy, v in enumerate(values.to_numpy(dtype=float)):
        ax.text(v, yy, f" {v:.3f}", va="center", fontsize=8)
    ax.set_xlim(0, float(values.max()) * 1.2 if len(values) else 1)
    if threshold is not None:
        ax.axvline(threshold, color=GREY, ls="--", lw=1, label=threshold_label)
        ax.legend(loc="lower right")
    ax.set_xlabel(xlabel)
    headline(ax, title)
    return ax
