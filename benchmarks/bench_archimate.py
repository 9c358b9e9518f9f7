"""ArchiMate import benchmark (issue 9): the 6.6 MB GEMMA 2026 exchange file into objects
(elements, relationships, properties with their definitions) with koers from Python, against the
same import with Python's xml.etree.ElementTree and with lxml; and the diff of GEMMA 2023-06-08
against 2026-06-30 (koers in C++ against the same comparison over the lxml objects in Python).

Each tool runs in a fresh process so that its peak memory is its own; every tool first agrees on
the counts (elements, relationships, property values) and the diff on its added/removed/changed
counts. Timed by benchmarks/harness.py (median and min of N rounds, peak RSS). Targets: koers import < 150 ms and >= 5x faster than lxml;
diff < 300 ms. GEMMA is read from ../shared/data/gemma (EUPL, never copied).

    python benchmarks/bench_archimate.py [--quick]
"""
from __future__ import annotations

import pathlib
import sys

import harness
from harness import Report, at_least, call, under

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


def _parser(tool):
    if tool == "lxml":
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        return lambda p: etree.parse(p, parser)
    import xml.etree.ElementTree as etree
    return etree.parse


def _digest(d):
    return {p: {k: len(v) for k, v in d[p].items()} for p in ("elements", "relationships")}


# ---- the cases (setup functions run by harness.call in a fresh interpreter) ----------------
def koers_import():
    import koers

    def counts(m):
        return {"elements": len(m.elements), "relationships": len(m.relationships),
                "values": sum(len(p.values) for part in (m.elements, m.relationships) for c in part
                              for p in c.properties)}
    return (lambda: koers.archimate.read(G26)), counts


def tree_import_case(tool):
    parse = _parser(tool)
    return (lambda: tree_import(parse, G26)), counts_of_tree


def koers_diff():
    import koers
    old, new = koers.archimate.read(G23), koers.archimate.read(G26)
    return (lambda: old.diff(new)), (lambda d: _digest(d.to_dict()))


def tree_diff_case(tool):
    parse = _parser(tool)
    old, new = tree_import(parse, G23), tree_import(parse, G26)
    return (lambda: tree_diff(old, new)), _digest


def main(quick: bool = False) -> int:
    if not G26.exists():
        print(f"missing {G26}", file=sys.stderr)
        return 2
    repeat = 3 if quick else 9
    me = pathlib.Path(__file__)
    rep = Report("bench_archimate", f"ArchiMate: GEMMA 2026-06-30 ({G26.stat().st_size / 1e6:.1f} MB) from Python", quick)
    rep.header()
    k = call(me, "koers_import", repeat=repeat)
    lx = call(me, "tree_import_case", {"tool": "lxml"}, repeat=repeat)
    et = call(me, "tree_import_case", {"tool": "etree"}, repeat=repeat)
    assert k.info == lx.info == et.info, (k.info, lx.info, et.info)  # the same objects, counted
    rep.add("import into objects", k, "lxml", lx, at_least(5))
    rep.add("import into objects", k, "xml.etree", et, under(150))
    kd = call(me, "koers_diff", repeat=repeat)
    ld = call(me, "tree_diff_case", {"tool": "lxml"}, repeat=repeat)
    assert kd.info == ld.info, (kd.info, ld.info)  # the same added/removed/changed counts
    rep.add("diff 2023-06-08 -> 2026-06-30", kd, "Python over lxml", ld, under(300))
    rep.note(f"{k.info['elements']} elements, {k.info['relationships']} relationships, {k.info['values']} property "
             f"values (all three tools agree); diff {kd.info} (koers and Python agree). Diff rows: both models "
             "already in memory; peak MB is the whole process (the diff rows hold both releases)")
    rep.save()
    return 0


if __name__ == "__main__":
    sys.exit(main(harness.quick_flag()))
