"""ArchiMate import benchmark (issue 9): the 6.6 MB GEMMA 2026 exchange file into objects
(elements, relationships, properties with their definitions) with koers from Python, against the
same import with Python's xml.etree.ElementTree and with lxml; and the diff of GEMMA 2023-06-08
against 2026-06-30 (koers in C++ against the same comparison over the lxml objects in Python).

Each tool runs in a fresh process so that its peak memory is its own; every tool first agrees on
the counts (elements, relationships, property values) and the diff on its added/removed/changed
ids. Times: median and min of 5 runs (benchmarks/harness.py). Targets: koers import < 150 ms and >= 5x faster than lxml;
diff < 300 ms. GEMMA is read from ../shared/data/gemma (EUPL, never copied).

    python benchmarks/bench_archimate.py [--quick]
"""
from __future__ import annotations

import argparse
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
GEMMA = HERE.parent.parent / "shared" / "data" / "gemma"
G26 = GEMMA / "gemma-2026-06-30.xml"
G23 = GEMMA / "gemma-2023-06-08.xml"
NS = "{http://www.opengroup.org/xsd/archimate/3.0/}"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}type"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


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


def _parse(tool):
    if tool == "lxml":
        from lxml import etree

        def parse(p):
            return etree.parse(p, etree.XMLParser(resolve_entities=False, no_network=True))
        return parse
    import xml.etree.ElementTree as etree
    return etree.parse


def _koers_counts(m):
    return {"elements": len(m.elements), "relationships": len(m.relationships),
            "values": sum(len(p.values) for part in (m.elements, m.relationships) for c in part for p in c.properties)}


def case_import(tool):
    """harness.call setup: the import of GEMMA 2026 by `tool`; info = the counts."""
    if tool == "koers":
        import koers
        return (lambda: koers.archimate.read(G26)), _koers_counts
    parse = _parse(tool)
    return (lambda: tree_import(parse, G26)), counts_of_tree


def case_diff(tool):
    """harness.call setup: the diff GEMMA 2023 → 2026 by `tool` (both read first); info = its digest."""
    def digest(d):
        return {p: {k: len(v) for k, v in d[p].items()} for p in d}
    if tool == "koers":
        import koers
        old, new = koers.archimate.read(G23), koers.archimate.read(G26)
        return (lambda: old.diff(new)), (lambda d: digest(d.to_dict()))
    parse = _parse(tool)
    old, new = tree_import(parse, G23), tree_import(parse, G26)
    return (lambda: tree_diff(old, new)), digest


def main(argv=None) -> int:
    import harness
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="two runs per tool")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    repeat = 2 if args.quick else args.repeat
    if not G26.exists():
        print(f"missing {G26}", file=sys.stderr)
        return 2
    rep = harness.Report("bench_archimate", "ArchiMate: GEMMA 2026 (6.6 MB) import and diff against 2023", args.quick)
    rep.header()
    imp = {tool: harness.call(__file__, "case_import", {"tool": tool}, repeat=repeat) for tool in ("koers", "lxml", "etree")}
    dif = {tool: harness.call(__file__, "case_diff", {"tool": tool}, repeat=repeat) for tool in ("koers", "lxml", "etree")}
    for tool in ("lxml", "etree"):
        assert imp[tool].info == imp["koers"].info, (tool, imp[tool].info, imp["koers"].info)
        assert dif[tool].info == dif["koers"].info, (tool, dif[tool].info, dif["koers"].info)
    rep.add("import GEMMA 2026", imp["koers"], "lxml", imp["lxml"], harness.at_least(5))
    rep.add("import GEMMA 2026", imp["koers"], "ElementTree", imp["etree"], harness.under(150))
    rep.add("diff 2023 → 2026", dif["koers"], "lxml objects in Python", dif["lxml"], harness.under(300))
    c = imp["koers"].info
    rep.note(f"{c['elements']} elements, {c['relationships']} relationships, {c['values']} property values; "
             f"diff {dif['koers'].info}; every tool agrees on the counts and the diff; each in its own process")
    rep.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
