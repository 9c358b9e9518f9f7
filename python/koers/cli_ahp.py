"""``koers ahp FILE [--json]``: priorities, consistency, completion, inconsistent triads, judges.

Exit codes: 0 computed (an inconsistent CR > threshold is reported, not an error); 1 a domain
error in the judgments (E303 out of range, E304 contradictory, E305 judge without judgments,
E306 disconnected); 2 a file or usage error (unreadable, not JSON, unknown field E104, ...).
"""
from __future__ import annotations

import sys

from ._cli_common import EXIT_OK, add_command, emit_json


def register(sub) -> None:
    """Add ``koers ahp`` to the koers parser."""
    p = add_command(sub, "ahp",
                    description="Run a koers.ahp file: priorities by name (best first), lambda_max, CI, CR with "
                                "the random-index table named, values chosen for missing pairs, the most "
                                "inconsistent triads and, for a group, each judge's disagreement.")
    p.add_argument("file", metavar="FILE", help="a koers.ahp JSON file")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.set_defaults(func=cmd_ahp)


def _fmt(v, digits=4):
    return "-" if v is None else f"{v:.{digits}f}"


def _print_single(r, indent=""):
    w = r["weights"]
    width = max(len(e) for e in r["ranking"]) if r["ranking"] else 8
    print(f"{indent}priorities ({r['priority_method']}), best first:")
    for k, e in enumerate(r["ranking"], 1):
        print(f"{indent}  {k:>2}. {e:<{width}}  {w[e]:.4f}")
    ri_extra = f", {r['ri_source']}" if r["ri_source"] != "table" else ""
    print(f"{indent}lambda_max {r['lambda_max']:.4f}   CI {r['ci']:.4f}   CR {r['cr']:.4f}   "
          f"(RI {r['ri']:.4f}, {r['ri_table_name']}{ri_extra})   "
          + ("consistent" if r["consistent"] else f"INCONSISTENT (CR > {r['cr_threshold']:g})"))
    if r["ri_source"] not in ("table",):
        print(f"{indent}  RI: {r['ri_note']}")
    if r["completed"]:
        print(f"{indent}completed by minimising lambda_max (Bozoki et al. 2010), {r['completion_cycles']} cycles:")
        for c in r["completed"]:
            print(f"{indent}  {c['a']} is {c['value']:.4f} times as important as {c['b']}")
    bad = [t for t in r["inconsistent"] if t["index"] > 1e-9]
    if bad:
        print(f"{indent}most inconsistent triads (Koczkodaj index; max {r['koczkodaj_index']:.3f}):")
        for t in bad[:5]:
            i, j, k = t["elements"]
            print(f"{indent}  {t['index']:.3f}  {i} > {j} {t['a_ij']:.3g}, {j} > {k} {t['a_jk']:.3g}: "
                  f"implies {i} > {k} {t['implied_a_ik']:.3g}, judged {t['a_ik']:.3g}")
    rev = r.get("revision")
    if rev and rev["lambda_max_after"] < r["lambda_max"] - 1e-9:
        print(f"{indent}revise first: {rev['a']} vs {rev['b']} (judged {rev['value']:.4g}, suggested {rev['suggested']:.3g}; "
              f"CR would become {rev['cr_after']:.4f})")


def _print_judges(r, indent=""):
    print(f"{indent}group of {len(r['judges'])} judges, {r['aggregation'].upper()}; consistency of {r['consistency_of']}")
    width = max(len(j) for j in r["judges"])
    print(f"{indent}  {'judge':<{width}}  weight  pairs     GCI  distance      CR")
    for name, j in r["judges"].items():
        print(f"{indent}  {name:<{width}}  {j['weight']:.3f}  {j['judged_pairs']:>5}  {j['gci']:.4f}  {_fmt(j['distance']):>8}  "
              f"{_fmt(j.get('cr')):>6}")
    print(f"{indent}  (GCI: geometric compatibility of the judge's judgments with the group priorities; distance: "
          "Euclidean, own priorities vs the group's)")
    for name, j in r["judges"].items():
        for c in j.get("completed") or []:
            print(f"{indent}  {name} left {c['a']} vs {c['b']} open: completed as {c['value']:.4f}")


def _print(r):
    title = r.get("name") or "AHP"
    kind = r.get("kind", "single")
    print(f"{title} ({kind})")
    if kind == "hierarchy":
        print("criteria:")
        _print_single(r["criteria"], "  ")
        if r["criteria"].get("kind") == "group":
            _print_judges(r["criteria"], "  ")
        print("overall, best first:")
        for k, e in enumerate(r["ranking"], 1):
            print(f"  {k:>2}. {e}  {r['overall'][e]:.4f}")
        for c, d in r["local_details"].items():
            print(f"  under {c}: CR {d['cr']:.4f}" + ("" if d["consistent"] else " INCONSISTENT"))
        return
    _print_single(r)
    if kind == "group":
        _print_judges(r)
    for w in r.get("warnings", []):
        print(f"note: {w}")


def cmd_ahp(args) -> int:
    from . import ahp
    result = ahp.analyse(args.file)
    if args.json:
        emit_json(result)
    else:
        _print(result)
    for w in result.get("warnings", []):
        if args.json:
            print(f"koers: note: {w}", file=sys.stderr)
    return EXIT_OK
