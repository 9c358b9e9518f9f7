"""Sub-commands for decision problems (``koers.decision`` files): rank, weights, smaa, sensitivity.

Each reads a ``koers.decision`` v1 file; ``--json`` prints the full result. File and usage
problems exit 2 (koers.InputError), domain problems (weights, scales, methods) exit 1.
"""
from __future__ import annotations

import sys

from ._cli_common import add_command, emit_json


def _load(path):
    from .decide import DecisionProblem
    return DecisionProblem.load(path)


def _emit(obj):
    emit_json(obj)


def _print_frame(df, floatfmt="{:.4f}"):
    import pandas as pd
    with pd.option_context("display.max_rows", 500, "display.width", 160, "display.max_colwidth", 60,
                           "display.float_format", floatfmt.format):
        print(df.to_string())


def _warn(warnings):
    for w in warnings:
        print(f"koers: warning: {w}", file=sys.stderr)


def _rank(args) -> int:
    from .decide import rank
    p = _load(args.file)
    r = rank(p, method=args.method, normalisation=args.normalisation, v=args.v)
    if args.json:
        _emit(r.to_dict())
        return 0
    _warn(r.warnings)
    dom = r.dominated()
    if dom:  # one line, however many (a 10,000-row problem would print thousands otherwise)
        shown = ", ".join(f"'{a}' (by '{b}')" for a, b in list(dom.items())[:3])
        more = f" and {len(dom) - 3} more" if len(dom) > 3 else ""
        print(f"koers: note: {len(dom)} alternative{'s are' if len(dom) != 1 else ' is'} dominated: "
              f"{shown}{more} (reported, not removed; --json lists them all)", file=sys.stderr)
    print(f"{r.method} ({r.normalisation}); {'higher' if r.higher_is_better else 'lower'} is better")
    _print_frame(r.to_frame())
    if r.method == "vikor":
        print(f"acceptable advantage: {r.acceptable_advantage}; acceptable stability: {r.acceptable_stability}; "
              f"compromise set: {', '.join(r.compromise)}")
    return 0


def _points(text: str) -> dict:
    """'a=100,b=60' → {'a': 100.0, 'b': 60.0}; a malformed pair is a usage error naming it."""
    from .errors import Errc, error
    out = {}
    for part in (x.strip() for x in text.split(",")):
        name, eq, value = part.rpartition("=")
        try:
            v = float(value)
        except ValueError:
            v = None
        if not eq or not name.strip() or v is None:
            raise error(Errc.invalid_argument, f"--points: '{part}' is not CRITERION=POINTS", [part])
        out[name.strip()] = v
    return out


def _weights(args) -> int:
    from .decide import weights
    p = _load(args.file)
    order = [s.strip() for s in args.order.split(",")] if args.order else None
    points = _points(args.points) if args.points else None
    w = weights(p, method=args.method, order=order, points=points)
    if args.json:
        out = {"method": {"name": args.method, **w.attrs.get("choices", {})}, "weights": w.to_dict()}
        out.update({k: v for k, v in w.attrs.items() if k not in ("method", "choices")})
        _emit(out)
        return 0
    _warn(w.attrs.get("warnings", []))
    _print_frame(w.to_frame())
    return 0


def _smaa(args) -> int:
    from .decide import smaa
    p = _load(args.file)
    # the text shows the first 10 ranks: only those are counted (--json: every rank, or --ranks)
    ranks = args.ranks if args.ranks is not None else (None if args.json else 10)
    r = smaa(p, samples=args.samples, seed=args.seed, weights=args.weights, method=args.method,
             threads=args.threads, progress=not args.json and not args.quiet and sys.stderr.isatty(), ranks=ranks)
    if args.json:
        _emit(r.to_dict())
        return 0
    _warn(r.warnings)
    print(f"SMAA-2, {r.method}, {r.samples} samples, seed {r.params.get('seed')}")
    df = r.acceptability.copy()
    m = len(r.acceptability)
    if m > 10 or df.shape[1] < m:
        df = df.iloc[:, :10]
        print(f"(rank acceptability for ranks 1-{df.shape[1]} of {m}; --json gives all)")
    df["central weights"] = [", ".join(f"{c}={v:.3f}" for c, v in row.items()) if not row.isna().any() else "-"
                             for _, row in r.central_weights.iterrows()]
    df["confidence"] = r.confidence
    _print_frame(df.loc[r.to_frame().index], "{:.3f}")
    return 0


def _sensitivity(args) -> int:
    from .decide import sensitivity
    p = _load(args.file)
    from ._progress import wanted
    r = sensitivity(p, method=args.method, top_k=args.top_k, steps=args.steps, progress=wanted(args))
    if args.json:
        _emit(r.to_dict())
        return 0
    print(f"{r.method}: interval of each weight in which the {r.target} stays the same "
          f"({r.params.get('interval')})")
    df = r.to_frame()
    df["changes_at_lower"] = df["changes_at_lower"].map(lambda v: ", ".join(v) or "-")
    df["changes_at_upper"] = df["changes_at_upper"].map(lambda v: ", ".join(v) or "-")
    _print_frame(df)
    return 0


def register(sub) -> None:
    """Add rank, weights, smaa and sensitivity to the koers parser."""
    from ._checks import MAX_THREADS, UINT64_MAX, float_arg, int_arg
    from .decide_terms import METHODS, NORMALISATIONS, WEIGHT_METHODS

    def common(p, method=True):
        p.add_argument("file", help="a koers.decision file")
        if method:
            p.add_argument("--method", choices=METHODS + ("promethee",), default=None,
                           help="ranking method (default: the file's method, else topsis)")
        p.add_argument("--json", action="store_true", help="print the full result as JSON")

    p = add_command(sub, "rank")
    common(p)
    p.add_argument("--normalisation", choices=NORMALISATIONS, default=None, help="normalisation (default: the file's, else the method's)")
    p.add_argument("--v", type=float_arg(0.0, 1.0), default=None, help="VIKOR v (default: the file's, else 0.5)")
    p.set_defaults(func=_rank)

    p = add_command(sub, "weights")
    p.add_argument("file", help="a koers.decision file")
    p.add_argument("--method", choices=WEIGHT_METHODS, default="entropy",
                   help="entropy, critic, std, merec (from the scores); roc (give --order); swing (give --points); equal")
    p.add_argument("--order", default=None, help="ROC: criteria, most important first, comma-separated")
    p.add_argument("--points", default=None, metavar="C=P,...",
                   help="swing: points per criterion, e.g. 'Urgentie=100,Impact=60' (every criterion once)")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.set_defaults(func=_weights)

    p = add_command(sub, "smaa")
    common(p)
    p.add_argument("--samples", type=int_arg(1), default=None, help="Monte Carlo samples (default: the file's, else 10000)")
    p.add_argument("--seed", type=int_arg(0, UINT64_MAX), default=None, help="random seed (default: the file's, else 0)")
    p.add_argument("--weights", choices=("uniform", "fixed"), default=None,
                   help="uniform on the simplex (the file's intervals/orderings apply) or the file's weights "
                        "(default: the file's smaa.weights, else uniform)")
    p.add_argument("--threads", type=int_arg(0, MAX_THREADS), default=0, help="threads (0: all cores; the result does not depend on it)")
    p.add_argument("--ranks", type=int_arg(1), default=None,
                   help="count the rank acceptability of the first N ranks only (default: every rank with --json, "
                        "the 10 shown otherwise; every rank of more than 2,048 alternatives is E119)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_smaa)

    p = add_command(sub, "sensitivity")
    common(p)
    p.add_argument("--top-k", dest="top_k", type=int_arg(0), default=None, help="only the set of the best k must stay (default: whole ranking)")
    p.add_argument("--steps", type=int_arg(1), default=None, help="sweep grid steps (default 20)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_sensitivity)
