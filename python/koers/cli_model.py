"""Sub-commands for the strategy graph: validate, analyse, propagate, diff, report."""
from __future__ import annotations

import sys

from ._cli_common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_command, add_source, emit_json, fail, model_from as _model_from, source


def cmd_validate(args) -> int:
    """Every problem of a model file, collected: the reader's (unknown field, wrong type, a
    misspelt status, cents as a float — each with its JSON path) and the graph's. With
    ``--json`` the verdict is always JSON on stdout for a file that is JSON at all (exit 0 valid,
    1 invalid) — a document that is not an object (E106) or nests too deep (E108) included; exit 2
    is for unreadable files, not-JSON, too large and usage."""
    from . import model
    _kind, what = source(args)  # --example resolves to the example's model.json (add_source)
    v = model.validate_file(what)
    errors = v.problems
    if args.json:  # the verdict on stdout; each problem also on stderr for a person watching
        emit_json({"valid": not errors, "errors": errors})
        for e in errors:
            print(f"koers: [{e['code']}] {e['message']}", file=sys.stderr)
        return EXIT_INVALID if errors else EXIT_OK
    name = (v.model.name if v.model is not None else "") or args.file or args.example
    if errors:
        print(f"{name}: {len(errors)} problem{'s' if len(errors) != 1 else ''}")
        for e in errors:
            print(f"  [{e['code']}] {e['message']}")
    else:
        c = v.model.counts()
        print(f"{name}: valid ({sum(c.values())} nodes, {v.model.graph.edge_count()} edges)")
    return EXIT_INVALID if errors else EXIT_OK


def cmd_analyse(args) -> int:
    m = _model_from(args)
    d = m.summary()
    if args.json:
        emit_json(d)
        return EXIT_OK
    print(f"{m.name}")
    print("  nodes: " + ", ".join(f"{k} {v}" for k, v in d["counts"].items() if v))
    for sid in d["budgets_cents"]:
        print(f"  budget {m._name(sid)}: {m.streams().loc[sid, 'budget']}")
    print(f"  goals without an intervention: {len(d['gaps'])}")
    for g in d["gaps"]:
        print(f"    - {m._name(g)} ({g})")
    print("  70/20/10 mix per development (on the job / with others / formal):")
    for _, r in m.learning_mix().iterrows():
        print(f"    {r['name']}: {r.on_the_job} / {r.with_others} / {r.formal}"
              f" (deviation {r.deviation_points:.0f} points)")
    return EXIT_OK


def cmd_propagate(args) -> int:
    from . import grl
    _, path = source(args)
    result = grl.propagate_file(path, args.strategy, algorithm=args.algorithm)
    if args.json:
        emit_json(result)
        return EXIT_OK
    print(f"strategy: {result['strategy']} ({result.get('algorithm', '')})")
    print(f"{'value':>8}  {'label':<16} element")
    for name, r in result["elements"].items():
        print(f"{r['value']:8.1f}  {r['label']:<16} {name}")
    return EXIT_OK


def cmd_diff(args) -> int:
    from . import model
    a, b = model.load(args.before), model.load(args.after)
    d = a.diff(b)
    if args.json:
        emit_json(d.to_dict())
        return EXIT_OK
    if d.empty:
        print("no differences")
    else:
        print(d.to_frame().to_string(index=False))
    return EXIT_OK


def cmd_report(args) -> int:
    import pathlib

    from . import report
    lang = args.lang or ("nl" if args.html else "en")
    sections = report.build(args.out, lang=lang)
    if args.html:
        page = pathlib.Path(args.html)
        try:
            page.write_text(report.render_html(sections, lang=lang), encoding="utf-8")
        except OSError as e:
            return fail(f"cannot write {page}: {e.strerror}", EXIT_USAGE)
        if not args.json:
            print(f"koers: wrote {page} ({len(sections)} sections, figures embedded; PNGs also in {args.out})")
    if args.json:
        emit_json(report.to_json(sections, args.out))
        return EXIT_OK
    if not args.html:
        print(report.render_text(sections), end="")
    return EXIT_OK


def register(sub) -> None:
    p = add_command(sub, "validate")
    add_source(p, "a koers.model JSON file", "model.json")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_validate)

    p = add_command(sub, "analyse")
    add_source(p, "a koers.model JSON file")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_analyse)

    p = add_command(sub, "propagate")
    add_source(p, "a koers.model JSON file or a jUCMNav .jucm file", "model.json")
    p.add_argument("--strategy", default=None, help="the strategy's name (default: the model's first strategy)")
    p.add_argument("--algorithm", choices=["quantitative", "qualitative"], default=None,
                   help="jUCMNav's algorithm (default: quantitative for koers models, qualitative for .jucm)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_propagate)

    p = add_command(sub, "diff")
    p.add_argument("before", help="the earlier koers.model JSON file")
    p.add_argument("after", help="the later koers.model JSON file")
    p.add_argument("--json", action="store_true", help="print the changes as JSON")
    p.set_defaults(func=cmd_diff)

    p = add_command(sub, "report")
    p.add_argument("--out", default="out", help="folder for the PNG figures (default: out)")
    p.add_argument("--json", action="store_true", help="print the report as JSON (with each section's provenance)")
    p.add_argument("--html", metavar="FILE", help="write the report as one self-contained HTML page")
    p.add_argument("--lang", choices=["nl", "en"], default=None,
                   help="language of the report (default: nl for --html, en for the text and JSON)")
    p.set_defaults(func=cmd_report)
