"""ArchiMate import benchmark (issue 9): the 6.6 MB GEMMA 2026 exchange file into objects
(elements, relationships, properties with their definitions) with koers from Python, against the
same import with Python's xml.etree.ElementTree and with lxml; and the diff of GEMMA 2023-06-08
against 2026-06-30 (koers in C++ against the same comparison over the lxml objects in Python).

Each tool runs in a fresh process so that its peak memory is its own; every tool first agrees on
the counts (elements, relationships, property values) and the diff on its added/removed/changed
ids. Times are the best of 5 runs. Targets: koers import < 150 ms and >= 5x faster than lxml;
diff < 300 ms. GEMMA is read from ../shared/data/gemma (EUPL, never copied).

    python benchmarks/bench_archimate.py [--quick]
"""
from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
GEMMA = HERE.parent.parent / "shared" / "data" / "gemma"
G26 = GEMMA / "gemma-2026-06-30.xml"
G23 = GEMMA / "gemma-2023-06-08.xml"
NS = "{http://www.opengroup.org/xsd/archimate/3.0/}"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}type"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def rss_mb():
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def best(fn, repeat):
    out, t = None, float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        t = min(t, time.perf_counter() - t0)
    return out, t


# ---- the same objects from an ElementTree-like API -----------------------------------------
def tree_import(parse, path):
    root = parse(str(path)).getroot()
    defs = {d.get("identifier"): d.findtext(NS + "name") for d in root.iter(NS + "propertyDefinition")}

    def texts(node, tag):
        return [(t.get(LANG, ""), t.text or "") for t in node.findall(NS + tag)]

    def props(node):
        ps = node.find(NS + "properties")
        if ps is None:
            return []
        return [(p.get("propertyDefinitionRef"), [(v.get(LANG, ""), v.text or "") for v in p.findall(NS + "value")])
                for p in ps.findall(NS + "property")]

    elements = {e.get("identifier"): {"type": e.get(XSI), "names": texts(e, "name"), "doc": texts(e, "documentation"),
                                      "props": props(e)} for e in root.find(NS + "elements")}
    rels = {}
    for r in root.find(NS + "relationships"):
        rels[r.get("identifier")] = {"type": r.get(XSI), "source": r.get("source"), "target": r.get("target"),
                                     "names": texts(r, "name"), "doc": texts(r, "documentation"), "props": props(r),
                                     "accessType": r.get("accessType", ""), "modifier": r.get("modifier", "")}
    return {"defs": defs, "elements": elements, "relationships": rels}


def counts_of_tree(m):
    n_props = sum(len(v) for part in ("elements", "relationships") for c in m[part].values() for _, v in c["props"])
    return {"elements": len(m["elements"]), "relationships": len(m["relationships"]), "values": n_props}


def tree_diff(a, b):
    def key(m, c):
        out = {}
        for d, vals in c["props"]:
            out.setdefault(m["defs"].get(d, d), []).append(vals)
        return out

    res = {}
    for part in ("elements", "relationships"):
        pa, pb = a[part], b[part]
        changed = []
        for i, c in pb.items():
            o = pa.get(i)
            if o is None:
                continue
            fields = [k for k in ("type", "names", "doc", "source", "target", "accessType", "modifier") if o.get(k) != c.get(k)]
            if fields or key(a, o) != key(b, c):
                changed.append(i)
        res[part] = {"added": [i for i in pb if i not in pa], "removed": [i for i in pa if i not in pb], "changed": changed}
    return res


def worker(tool, repeat):
    base = rss_mb()
    if tool == "koers":
        import koers

        m, t_import = best(lambda: koers.archimate.read(G26), repeat)
        counts = {"elements": len(m.elements), "relationships": len(m.relationships),
                  "values": sum(len(p.values) for part in (m.elements, m.relationships) for c in part
                                for p in c.properties)}
        old = koers.archimate.read(G23)
        d, t_diff = best(lambda: old.diff(m), repeat)
        d = d.to_dict()
    else:
        if tool == "lxml":
            from lxml import etree

            def parse(p):
                return etree.parse(p, etree.XMLParser(resolve_entities=False, no_network=True))
        else:
            import xml.etree.ElementTree as etree
            parse = etree.parse
        m, t_import = best(lambda: tree_import(parse, G26), repeat)
        counts = counts_of_tree(m)
        old = tree_import(parse, G23)
        d, t_diff = best(lambda: tree_diff(old, m), repeat)
    digest = {p: {k: len(v) for k, v in d[p].items()} for p in d}
    return {"tool": tool, "import_s": t_import, "diff_s": t_diff, "counts": counts, "diff": digest,
            "changed_ids": sorted(d["elements"]["changed"])[:50] if tool != "etree" else None,
            "peak_mb": rss_mb(), "delta_mb": rss_mb() - base}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="one run per tool")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    repeat = 1 if args.quick else args.repeat
    if args.worker:
        print(json.dumps(worker(args.worker, repeat)))
        return 0
    if not G26.exists():
        print(f"missing {G26}", file=sys.stderr)
        return 2
    res = {}
    for tool in ("koers", "lxml", "etree"):
        r = subprocess.run([sys.executable, __file__, "--worker", tool, "--repeat", str(repeat)],
                           capture_output=True, text=True, check=True)
        res[tool] = json.loads(r.stdout)
    k = res["koers"]
    for tool in ("lxml", "etree"):
        assert res[tool]["counts"] == k["counts"], (tool, res[tool]["counts"], k["counts"])
        assert res[tool]["diff"] == k["diff"], (tool, res[tool]["diff"], k["diff"])
    print(f"GEMMA 2026-06-30 ({G26.stat().st_size / 1e6:.1f} MB): {k['counts']['elements']} elements, "
          f"{k['counts']['relationships']} relationships, {k['counts']['values']} property values; "
          f"diff vs 2023-06-08: {k['diff']}")
    print(f"best of {repeat}, each tool in its own process\n")
    print(f"{'tool':8} {'import ms':>10} {'vs koers':>9} {'diff ms':>9} {'vs koers':>9} {'peak MB':>8} {'+MB':>7}")
    for tool in ("koers", "lxml", "etree"):
        r = res[tool]
        print(f"{tool:8} {r['import_s'] * 1e3:10.1f} {r['import_s'] / k['import_s']:8.1f}x {r['diff_s'] * 1e3:9.1f} "
              f"{r['diff_s'] / k['diff_s']:8.1f}x {r['peak_mb']:8.1f} {r['delta_mb']:7.1f}")
    ok_import = k["import_s"] < 0.150 and res["lxml"]["import_s"] / k["import_s"] >= 5
    print(f"\ntargets: import < 150 ms and >= 5x lxml: {'met' if ok_import else 'MISSED'} "
          f"({k['import_s'] * 1e3:.0f} ms, {res['lxml']['import_s'] / k['import_s']:.1f}x); "
          f"diff < 300 ms: {'met' if k['diff_s'] < 0.300 else 'MISSED'} ({k['diff_s'] * 1e3:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
