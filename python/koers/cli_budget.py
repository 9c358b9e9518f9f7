"""Sub-commands for budgets: ``optimise``, ``curve``, ``scenarios``, ``sweep`` (koers.portfolio files)
and ``costs`` (a koers.model file: every intervention costed, per stream against the budget).

Exit codes: 0 the base portfolio solved (optimal; scenarios may be infeasible, that is reported,
not an error); 1 the base portfolio is infeasible (the explanation goes to stderr and, with
``--json``, into the output) or the solver hit a limit; 2 usage or file errors — not JSON, wrong
format, unknown field (with its JSON path), a cost that is not per_participant × participants
(E404), an item in an unknown stream (E402): a file that cannot be loaded whole is a file error;
and a command line that names what the portfolio lacks or asks what cannot be — ``curve`` or
``sweep --stream`` naming no stream (E402), ``sweep --mandatory`` naming no item (E403), a cut
that makes a budget negative (E406) — is a usage error, its code on stderr.

``koers costs``: 0 when the plan is costed (a stream over its budget is reported, not an error);
1 when the model cannot be costed (BudgetError: E404 a cost of the model that does not add up, E402
no ILB stream among the model's; E207 a target group without a size that a per-participant price
needs, E107/E114); 2 usage and file errors (the model or the --costs file): also a BudgetError that
the input causes — E403 an override for an unknown intervention, E404 an override whose price does
not add up (naming the --costs file), E402 an --ilb-stream that is not a stream of the model.
"""
from __future__ import annotations

import argparse
import sys

from ._cli_common import (EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_command, add_source, emit_json, fail, model_from,
                          source, stop_text)


def _portfolio(args):
    from . import budget
    from .errors import BudgetError, InputError
    _kind, path = source(args)
    try:
        return budget.Portfolio.load(path)
    except BudgetError as e:  # a file that does not validate is a file error (exit 2)
        raise InputError(e.message, e.code, e.elements) from None


def _solve_dict(r) -> dict:
    """The acceptance shape of one solve (see the module docstring of koers.budget)."""
    d = r.to_dict()
    out = {"status": d["status"], "optimum": d["optimum"],
           "selected": d["selected"] if d["status"] != "infeasible" else [],
           "spent_cents": d["spent_cents"], "capacity_cents": d["capacity_cents"],
           "bound": d["bound"], "gap": d["gap"], "unique": d["unique"], "binding": d["binding"],
           "stopped_by": d["stopped_by"]}
    if "conflict" in d:
        c = d["conflict"]
        out["conflict"] = {"kind": c.get("kind"), "stream": c.get("stream"), "items": c.get("items", []),
                           "required_cents": c.get("required_cents"), "capacity_cents": c.get("capacity_cents"),
                           "available_cents": c.get("capacity_cents"), "message": c.get("message"),
                           "explanation": c.get("explanation")}
    return out


def optimise_dict(p, progress: bool = False, node_limit: int = 0, time_limit: float = 0.0) -> dict:
    """``koers optimise --json`` for a portfolio: the base fields plus ``scenarios`` (each solve
    with the same limits)."""
    base = p.optimise(progress=progress, node_limit=node_limit, time_limit=time_limit)
    out = {"name": p.name, "objective": p.objective, **_solve_dict(base), "scenarios": []}
    for s in p.scenarios:
        r = p.apply(s).optimise(progress=progress, node_limit=node_limit, time_limit=time_limit)
        out["scenarios"].append({"name": s.name, **_solve_dict(r)})
    return out, base


def _line(name, d) -> str:
    if d["status"] == "infeasible":
        c = d.get("conflict") or {}
        return f"{name}: infeasible — {c.get('explanation') or c.get('message')}"
    spent = ", ".join(f"{k} {_eur(v)}" for k, v in d["spent_cents"].items() if v)
    return (f"{name}: {d['status']}, optimum {d['optimum']} (bound {d['bound']}, gap {d['gap']}"
            f"{', unique' if d['unique'] else ''}), {len(d['selected'])} funded; spent {spent or 'nothing'}"
            f"{'; binding: ' + ', '.join(d['binding']) if d['binding'] else ''}")


def _eur(cents) -> str:
    from .budget.money import _money
    return _money(cents)


def cmd_optimise(args) -> int:
    from ._progress import wanted
    p = _portfolio(args)
    out, base = optimise_dict(p, progress=wanted(args), node_limit=args.node_limit, time_limit=args.time_limit)
    if args.json:
        emit_json(out)
    else:
        print(_line("base", out))
        for iid in out["selected"]:
            print(f"  + {iid}")
        for s in out["scenarios"]:
            print(_line(s["name"], s))
    if base.status == "infeasible":
        print(f"koers: base portfolio is infeasible: {base.explain_infeasible()}", file=sys.stderr)
        return EXIT_INVALID
    if base.status != "optimal":
        print(f"koers: solver stopped {stop_text(base.stopped_by)} (gap {base.gap})", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def cmd_curve(args) -> int:
    from .budget import curve
    p = _portfolio(args)
    if args.stream not in set(p.streams.index):
        from .errors import Errc, error
        # a stream named on the command line: a usage error (exit 2), coded E402
        return fail(str(error(Errc.unknown_stream, f"unknown stream '{args.stream}'; streams: {', '.join(p.streams.index)}",
                              [args.stream])), EXIT_USAGE)
    from ._progress import wanted
    c = curve(p, args.stream, progress=wanted(args))
    pts = [{"budget_cents": int(r.budget), "optimum": None if r.optimum is None or str(r.optimum) == "<NA>" else int(r.optimum),
            "selected": list(r.selected)} for r in c.itertuples()]
    if args.json:
        emit_json({"stream": args.stream, "breakpoints": pts})
    else:
        print(f"budget curve of '{args.stream}' ({len(pts)} breakpoints; the optimum holds from each budget up to the next)")
        for pt in pts:
            opt = "infeasible" if pt["optimum"] is None else pt["optimum"]
            print(f"  {_eur(pt['budget_cents']):>16}  {opt}")
    return EXIT_OK


def cmd_scenarios(args) -> int:
    p = _portfolio(args)
    table = p.compare()
    streams = list(p.streams.index)
    rows = []
    for name, r in table.iterrows():
        rows.append({"name": name, "status": r["status"],
                     "optimum": None if str(r["optimum"]) == "<NA>" else int(r["optimum"]),
                     "delta_optimum": None if str(r["delta_optimum"]) == "<NA>" else int(r["delta_optimum"]),
                     "funded": int(r["funded"]),
                     "budget_cents": {s: int(r[f"budget_{s}"]) for s in streams},
                     "capacity_cents": {s: int(r[f"capacity_{s}"]) for s in streams},
                     "spent_cents": {s: int(r[f"spent_{s}"]) for s in streams},
                     "binding": [b for b in r["binding"].split(", ") if b],
                     "added": [b for b in r["added"].split(", ") if b],
                     "dropped": [b for b in r["dropped"].split(", ") if b],
                     "conflict": r["conflict"] or None,
                     "costs": [dict(c) for c in r["costs"]]})
    if args.json:
        emit_json({"name": p.name, "scenarios": rows})
        return EXIT_OK
    from .budget import euros
    show = table.drop(columns=[c for c in table.columns if c.startswith("capacity_")] + ["conflict", "costs"])
    show = euros(show, [c for c in show.columns if c.startswith(("budget_", "spent_"))])
    import pandas as pd
    # a terminal's 100 columns: the scenarios wrap into blocks (--wide: one block, any width)
    width = None if getattr(args, "wide", False) else 100
    wide = show.T
    if width is not None:  # a long scenario name is a column head: cut it to 40 characters as the cells are
        wide.columns = _short_labels([str(c) for c in wide.columns], 40)
    with pd.option_context("display.max_columns", None, "display.max_colwidth", 40):
        print(wide.to_string(line_width=width, max_colwidth=40))
    import textwrap
    for r in rows:
        if r["conflict"]:
            text = f"{r['name']}: {r['conflict']}"
            print("\n" + (text if width is None else textwrap.fill(text, width, subsequent_indent="  ")))
    return EXIT_OK


def _short_labels(labels: list[str], limit: int) -> list[str]:
    """Each label cut to ``limit`` characters (ending in "…"); cut labels that would coincide are
    numbered in order ("…#1", "…#2", …), so every column stays distinct."""
    out = [t if len(t) <= limit else t[:limit - 1] + "…" for t in labels]
    count: dict[str, int] = {}
    for t in out:
        count[t] = count.get(t, 0) + 1
    nth: dict[str, int] = {}
    for i, t in enumerate(out):
        if count[t] > 1 and t != labels[i]:
            nth[t] = nth.get(t, 0) + 1
            tag = f"…#{nth[t]}"
            out[i] = labels[i][:limit - len(tag)] + tag
    return out


def _triple(text: str, what: str):
    parts = text.split(":")
    if len(parts) == 1:
        return [parts[0]]
    if len(parts) != 3:
        raise SystemExit(fail(f"--{what} takes VALUE or START:STOP:STEP (decimal texts), not '{text}'", EXIT_USAGE))
    return tuple(parts)


def cmd_sweep(args) -> int:
    import pandas as pd
    from .budget import MAX_SCENARIOS, grid, sweep
    p = _portfolio(args)
    mandatory = {"base": []}
    if args.force:
        print("koers: --force is the old name of --mandatory; it goes in the next release", file=sys.stderr)
    for spec in (args.mandatory or []) + (args.force or []):
        name, _, ids = spec.partition("=")
        if not ids:
            raise SystemExit(fail(f"--mandatory takes NAME=ID[,ID...], not '{spec}'", EXIT_USAGE))
        mandatory[name] = [i for i in ids.split(",") if i]
    from ._progress import wanted
    from .errors import BudgetError
    try:
        g = grid(p, cut=_triple(args.cut, "cut"), cut_stream=args.stream,
                 payroll_share=_triple(args.share, "share") if args.share else None, mandatory=mandatory,
                 max_scenarios=MAX_SCENARIOS if args.max_scenarios is None else args.max_scenarios)
        df = sweep(p, g, threads=args.threads, progress=wanted(args))
    except BudgetError as e:
        # the grid comes from the command line: an unknown --stream (E402) or --mandatory item (E403),
        # a cut that makes a budget negative (E406) is a usage error (exit 2), as in curve
        return fail(str(e), EXIT_USAGE)
    streams = list(p.streams.index)
    rows = []
    def whole(v):  # an Int64 cell: int, or None where the scenario has no value (status "error")
        return None if v is None or v is pd.NA else int(v)
    def text(v):  # a string cell: str, or None where missing (pandas' str dtype gives NaN there)
        return v if isinstance(v, str) else None
    for rr in df.to_dict("records"):  # not itertuples: stream ids such as stream.strategisch are no identifiers
        rows.append({"scenario": rr["scenario"], "cut": rr["cut"], "payroll_share": rr["payroll_share"],
                     "mandatory": rr["mandatory"], "status": rr["status"],
                     "optimum": whole(rr["optimum"]),
                     "budget_cents": {s: whole(rr[f"budget_{s}"]) for s in streams},
                     "spent_cents": {s: whole(rr[f"spent_{s}"]) for s in streams},
                     "selected": list(rr["selected"]), "conflict_stream": text(rr["conflict_stream"]),
                     "error": rr["error"] or None})
    if args.json:
        emit_json({"name": p.name, "count": len(rows), "rows": rows})
        return EXIT_OK
    counts = df["status"].value_counts().to_dict()
    opt = df["optimum"].dropna()
    print(f"{len(df)} scenarios: " + ", ".join(f"{k} {v}" for k, v in counts.items()) +
          (f"; optimum {int(opt.min())}..{int(opt.max())}" if len(opt) else ""))
    for r in rows:
        if r["status"] == "error":
            print(f"  {r['scenario']:<48} {'error':>10}  {r['error']}")
            continue
        o = "infeasible" if r["optimum"] is None else r["optimum"]
        print(f"  {r['scenario']:<48} {o!s:>10}  spent {_eur(sum(r['spent_cents'].values()))}")
    return EXIT_OK


def _cost_plan(args, model, costs_file):
    """``koers costs``: the plan costing (see docs/budget.md); ``costs_file`` the --costs file or
    None, read by the C++ reader of files (bounded; its codes, JSON paths and the file's name)."""
    from .budget import cost_plan
    return cost_plan(model, costs_file, ilb_share=args.ilb_share, uptake=args.uptake,
                     ilb_stream=args.ilb_stream, rounding=args.rounding)


def _file_error(args, e) -> bool:
    """Whether koers error ``e`` is the --costs file's own: unreadable or too large (io::read_file
    lists the path) or not JSON or a bad field (the C++ reader names the file at the front)."""
    return bool(args.costs) and (args.costs in e.elements or e.message.startswith(f"'{args.costs}'"))


def _input_fault(args, model, e) -> str | None:
    """Whether BudgetError ``e`` of ``koers costs`` comes from the command's input rather than the
    model: ``"option"`` (--ilb-stream names no stream, E402), ``"file"`` (the --costs file: E403 an
    override for an unknown intervention, E404 an override whose price does not add up — one
    that costing the model without the file does not raise) or None (the model's own)."""
    from .errors import Errc, KoersError
    if e.code == Errc.unknown_stream and args.ilb_stream and args.ilb_stream in e.elements:
        return "option"
    if not args.costs or e.code not in (Errc.unknown_item, Errc.inconsistent_cost):
        return None
    if e.code == Errc.unknown_item:  # only an override can name an unknown intervention
        return "file"
    try:
        _cost_plan(args, model, None)
    except KoersError as alone:
        if alone.code == e.code and alone.elements == e.elements:
            return None
    return "file"


def cmd_costs(args) -> int:
    from .errors import BudgetError, KoersError, error
    model = model_from(args)
    try:
        c = _cost_plan(args, model, args.costs)
    except BudgetError as e:
        # bad input — the --costs file or an option — exits 2 (its code on stderr) as a malformed
        # file does; a model that cannot be costed (an E404 or E402 of its own) exits 1
        fault = _input_fault(args, model, e)
        if fault == "file":
            e = error(e.code, f"'{args.costs}': {e.message}", [args.costs, *e.elements])
        return fail(str(e), EXIT_USAGE if fault else EXIT_INVALID)
    except KoersError as e:
        # a bad option or a field of the --costs file: an InputError, exit 2 as raised (koers.cli);
        # anything else means the model cannot be costed (E207, E107, E114): exit 1
        if _file_error(args, e) or {"ilb_share", "uptake", "rounding"} & {str(x) for x in e.elements}:
            raise
        return fail(str(e), EXIT_INVALID)
    if args.json:
        emit_json(c.to_dict())
        return EXIT_OK
    t = c.total
    print(f"{c.plan_name}: {len(c) - len(c.uncosted)} interventions costed"
          f"{f', {len(c.uncosted)} without a cost: ' + ', '.join(c.uncosted) if c.uncosted else ''}")
    print(f"  total {_eur(t['cost_cents'])} = own streams {_eur(t['own_cents'])} + ILB {_eur(t['ilb_cents'])}"
          f"{' (' + c.ilb_stream + ')' if c.ilb_stream and t['ilb_cents'] else ''}; {t['participants']} participant places, "
          f"{t['learning_hours']} learning hours")
    if t["per_participant_cents"] is not None:
        print(f"  per participant {_eur(t['per_participant_cents'])}"
              + (f", per learning hour {_eur(t['per_hour_cents'])}" if t["per_hour_cents"] is not None else "")
              + f" (rounded {c.rounding}; exact in --json)")
    rows = []
    for iid, r in c.iterrows():
        rows.append([iid, "" if pd_na(r["participants"]) else str(int(r["participants"])),
                     *("" if pd_na(r[k]) else _eur(r[k]) for k in ("cost", "ilb", "own", "per_participant", "per_hour")),
                     r["notes"]])
    head = ["intervention", "participants", "cost", "ILB", "own stream", "per participant", "per hour", "notes"]
    widths = [max(len(str(x[i])) for x in rows + [head]) for i in range(len(head) - 1)]
    for x in [head] + rows:
        print("  " + "  ".join(str(v).rjust(w) if i else str(v).ljust(w) for i, (v, w) in enumerate(zip(x[:-1], widths, strict=True)))
              + (f"  {x[-1]}" if x[-1] else ""))
    print("streams:")
    for sid, s in c.streams.iterrows():
        budget = "" if pd_na(s["budget"]) else _eur(s["budget"])
        free = "" if pd_na(s["free"]) else _eur(s["free"])
        over = " (over budget)" if not pd_na(s["free"]) and int(s["free"]) < 0 else ""
        print(f"  {sid or '(no stream)'}: budget {budget}, committed {_eur(s['committed'])} "
              f"(own {_eur(s['own'])}, ILB {_eur(s['ilb'])}), free {free}{over}")
    return EXIT_OK


def pd_na(v) -> bool:
    from ._lazy import is_na
    return v is None or is_na(v) or (isinstance(v, float) and v != v)


def register(sub) -> None:
    """Add the budget sub-commands to the koers parser."""
    from ._checks import INT64_MAX, MAX_THREADS, float_arg, int_arg
    def common(p):
        add_source(p, "a koers.portfolio JSON file", "portfolio.json")
        p.add_argument("--json", action="store_true", help="print JSON")

    p = add_command(sub, "optimise")
    common(p)
    p.add_argument("--node-limit", type=int_arg(0, INT64_MAX), default=0, metavar="N",
                   help="stop each solve after N nodes (0: no limit)")
    p.add_argument("--time-limit", type=float_arg(0.0), default=0.0, metavar="S",
                   help="stop each solve after S seconds (0: no limit; Ctrl-C stops it too, exit 130)")
    p.add_argument("--quiet", action="store_true", help="no progress bar (shown on a terminal for a search beyond 0.5 s)")
    p.set_defaults(func=cmd_optimise)
    p = add_command(sub, "curve")
    common(p)
    p.add_argument("--stream", required=True, help="the stream whose budget varies")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_curve)
    p = add_command(sub, "scenarios")
    p.add_argument("--wide", action="store_true", help="one table however wide (default: wrapped at 100 columns)")
    common(p)
    p.set_defaults(func=cmd_scenarios)
    p = add_command(sub, "sweep")
    common(p)
    p.add_argument("--cut", default="0:0.30:0.005", help="cut of --stream: VALUE or START:STOP:STEP (default 0:0.30:0.005)")
    p.add_argument("--stream", default=None, help="the stream that is cut (default: the portfolio's first, "
                                                 "stream.strategisch in the Deventer example)")
    p.add_argument("--share", help="payroll share: VALUE or START:STOP:STEP, e.g. 0.02:0.03:0.0025 (Tabel 7 = 0.02)")
    p.add_argument("--mandatory", action="append", metavar="NAME=ID,...",
                   help="a named set of items that must be funded (repeatable)")
    p.add_argument("--force", action="append", metavar="NAME=ID,...", help=argparse.SUPPRESS)  # the old --mandatory
    p.add_argument("--threads", type=int_arg(0, MAX_THREADS), default=None, help="C++ threads (default: all cores)")
    p.add_argument("--max-scenarios", type=int_arg(1), default=None, metavar="N",
                   help="refuse a grid of more than N scenarios, counted before anything is built "
                        "(default koers.budget.MAX_SCENARIOS, 10,000)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_sweep)
    p = add_command(sub, "costs")
    add_source(p, "a koers.model JSON file")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--costs", metavar="FILE", help="JSON {intervention id: {fixed_cents, per_run_cents, runs, "
                                                   "per_participant_cents, participants, uptake, ilb_share, "
                                                   "hours_per_participant, cost_cents}} overriding the model")
    p.add_argument("--ilb-share", default="0.5", help="part of the cost per participant paid from the ILB for "
                                                       "interventions with ilb_contribution (decimal text; default 0.5)")
    p.add_argument("--uptake", default="1", help="share of a target group that takes part (decimal text; default 1)")
    p.add_argument("--ilb-stream", default=None, help="the budget stream of the ILBs (default: the one named personal/persoonlijk)")
    p.add_argument("--rounding", default="half_even", choices=["half_even", "half_up", "floor", "ceil", "toward_zero"],
                   help="rounding of the unit costs to whole cents (default half_even)")
    p.set_defaults(func=cmd_costs)
