"""``koers archimate``: the ArchiMate exchange format (stats, import, export, diff).

Exit codes: 0 done; 2 when a file cannot be read or is refused (not XML, the 2.x format, an Archi
native file, E116/E117/E601-E609, or bad JSON); messages go to stderr, never file content on stdout.
"""
from __future__ import annotations

import sys

from ._cli_common import EXIT_OK, add_command, emit_json


def cmd_stats(args) -> int:
    from . import archimate
    m = archimate.read(args.file)
    s = m.stats()
    if args.json:
        emit_json(s)
        return EXIT_OK
    print(f"{m.name}: {sum(s['elements'].values())} elements, {sum(s['relationships'].values())} relationships, "
          f"{s['property_definitions']} property definitions, {s['organizations']} organization items, {s['views']} views")
    for part in ("elements", "relationships"):
        for t, n in sorted(s[part].items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {part[:-1] if part == 'elements' else 'relationship'} {t}: {n}")
    return EXIT_OK


def cmd_import(args) -> int:
    from . import archimate
    m = archimate.read(args.file)
    m.save_json(args.output)
    s = m.stats()
    print(f"{args.output}: {sum(s['elements'].values())} elements, {sum(s['relationships'].values())} relationships "
          f"(koers.archimate JSON)", file=sys.stderr)
    return EXIT_OK


def cmd_export(args) -> int:
    from . import archimate
    m = archimate.export(args.file, args.output)
    s = m.stats()
    print(f"{args.output}: {sum(s['elements'].values())} elements, {sum(s['relationships'].values())} relationships, "
          f"{s['views']} views", file=sys.stderr)
    return EXIT_OK


def cmd_diff(args) -> int:
    from . import archimate
    a, b = archimate.read(args.before), archimate.read(args.after)
    d = a.diff(b)
    if args.json:
        emit_json(d.to_dict())
        return EXIT_OK
    dd = d.to_dict()
    print(f"{a.name} -> {b.name}")
    for part in ("elements", "relationships"):
        print(f"  {part}: {len(dd[part]['added'])} added, {len(dd[part]['removed'])} removed, "
              f"{len(dd[part]['changed'])} changed")
    ch = d.changes()
    renamed = ch[(ch.part == "elements") & (ch.field == "name")]
    if len(renamed):
        print(f"  renamed elements ({len(renamed)}; first {min(args.limit, len(renamed))}):")
    for r in renamed.head(args.limit).itertuples():
        print(f"    {r.id}: {r.before} -> {r.after}")
    if args.processes:
        aff = archimate.affected_processes(d)
        hit = aff[aff.status != "unchanged"]
        print(f"  West Betuwe processes affected: {len(hit)} of {len(aff)}")
        for _, r in hit.iterrows():
            print(f"    {r['name']} -> {r.gemma_name}: {r.status}" + (f" ({r.fields})" if r.fields else ""))
    return EXIT_OK


def register(sub) -> None:
    p = add_command(sub, "archimate")
    asub = p.add_subparsers(dest="archimate_command", metavar="ACTION")
    s = asub.add_parser("stats", help="counts per element and relationship type")
    s.add_argument("file", metavar="FILE", help="an ArchiMate 3.x exchange file")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_stats)
    s = asub.add_parser("import", help="an exchange file as koers.archimate JSON")
    s.add_argument("file", metavar="FILE")
    s.add_argument("-o", "--output", required=True, metavar="MODEL.json")
    s.set_defaults(func=cmd_import)
    s = asub.add_parser("export", help="koers.archimate JSON or a koers model as an exchange file")
    s.add_argument("file", metavar="MODEL.json", help="koers.archimate JSON, a koers model (model.save) or an exchange file")
    s.add_argument("-o", "--output", required=True, metavar="FILE.xml")
    s.set_defaults(func=cmd_export)
    s = asub.add_parser("diff", help="elements and relationships added, removed, changed between two models")
    s.add_argument("before", metavar="A")
    s.add_argument("after", metavar="B")
    s.add_argument("--json", action="store_true")
    s.add_argument("--processes", action="store_true", help="which West Betuwe processes (example) are affected")
    from ._checks import int_arg
    s.add_argument("--limit", type=int_arg(0), default=20, help="renamed elements to list (default 20)")
    s.set_defaults(func=cmd_diff)
    p.set_defaults(func=lambda args: (p.print_help(sys.stderr), 2)[1])
