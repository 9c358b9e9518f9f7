"""The Python modules of koers import one way (issue 12 §3): no circles, not even through an import
hidden inside a function. Read from the sources (ast), not by importing them."""
import ast
import pathlib

SOURCE = pathlib.Path(__file__).resolve().parents[2] / "python" / "koers"


def _name(path: pathlib.Path) -> str:
    parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


#: calls that import the module their first argument names: importlib's, and koers._lazy's
#: LazyModule (which imports on first use — a circle through it is still a circle)
_LOADERS = {"import_module", "__import__", "LazyModule"}


def _loader(call: ast.Call) -> bool:
    f = call.func
    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else None
    return name in _LOADERS and bool(call.args)


def _imports(path: pathlib.Path, modules: set) -> tuple:
    """The koers modules ``path`` imports anywhere (module level or in a function), except under
    ``if TYPE_CHECKING:`` (annotations only, never run) — by an import statement or by a call
    that imports a module by name (``importlib.import_module``, ``LazyModule``) with a constant
    name; whether it also imports a name computed at run time (``import_module(module)``, as
    koers.cli loads the sub-command modules from its table); the strings it holds."""
    me = _name(path)
    package = me if path.name == "__init__.py" else me.rsplit(".", 1)[0]
    out = set()
    computed = False
    tree = ast.parse(path.read_text(encoding="utf-8"))
    named = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}

    def add(target):
        if target in modules and target != me:
            out.add(target)

    def visit(node):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            return
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            add(target)
            for a in node.names:
                add(f"{target}.{a.name}")
        elif isinstance(node, ast.Import):
            for a in node.names:
                add(a.name)
        elif isinstance(node, ast.Call) and _loader(node):
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                add(arg.value)
            else:
                nonlocal computed
                computed = True
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return out, computed, named


def _graph() -> dict:
    files = {_name(p): p for p in SOURCE.rglob("*.py")}
    modules = set(files)
    found = {m: _imports(p, modules) for m, p in files.items()}
    graph = {m: set(targets) for m, (targets, _, _) in found.items()}
    for m, (targets, computed, _) in found.items():
        if computed:  # a name computed at run time: any koers module it or the modules it imports name
            for source in (m, *targets):
                graph[m] |= {t for t in found[source][2] & modules if t != m}
    for m, targets in graph.items():  # importing a.b.c runs a/__init__ and a/b/__init__ too
        for t in list(targets):
            parts = t.split(".")
            for k in range(1, len(parts)):
                parent = ".".join(parts[:k])
                if parent in modules and not (m == parent or m.startswith(parent + ".")):
                    targets.add(parent)
    return graph


def _cycles(graph: dict) -> list:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, found = {}, {}, [], set(), []

    def strong(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return found


def test_no_import_circles_between_the_modules():
    graph = _graph()
    assert len(graph) > 40 and graph["koers.model"] and graph["koers.report"]
    assert _cycles(graph) == []


def test_the_check_finds_a_circle_hidden_in_a_function():
    """The check itself: model ↔ grl through an import inside a function, as it was."""
    graph = _graph()
    graph["koers.grl"] = graph["koers.grl"] | {"koers.model"}
    assert ["koers.grl", "koers.model"] in _cycles(graph)


def test_modules_loaded_by_name_are_edges():
    """koers.cli loads the sub-command modules with importlib.import_module (names from its
    table), LazyModule loads on first use: both are imports, so a sub-command module that imported
    koers.cli back would be a circle."""
    graph = _graph()
    assert {"koers.cli_model", "koers.cli_decide", "koers.cli_budget", "koers.cli_select"} <= graph["koers.cli"]
    assert "koers.budget.frames" in graph["koers.budget.costing"]  # LazyModule("koers.budget.frames")
    for m in (m for m in graph if m.startswith("koers.cli_")):
        assert "koers.cli" not in graph[m] and "koers._cli_common" in graph[m], m
    graph["koers.cli_select"] = graph["koers.cli_select"] | {"koers.cli"}  # as it was: cli.main in a function
    assert any({"koers.cli", "koers.cli_select"} <= set(c) for c in _cycles(graph))


def test_the_report_sections_import_the_parts_not_the_report():
    graph = _graph()
    for m in ("koers.report_model", "koers.report_grl", "koers.report_budget", "koers.report_decide",
              "koers.report_academy"):
        assert "koers.report_parts" in graph[m] and "koers.report" not in graph[m], m


def test_the_cli_helpers_keep_their_old_names():
    """The shared helpers moved to koers._cli_common; koers.cli re-exports them for one release."""
    from koers import _cli_common, cli
    for name in ("COMMANDS", "EXIT_OK", "EXIT_INVALID", "EXIT_USAGE", "EXIT_INTERRUPTED", "emit_json", "fail",
                 "add_source", "source", "model_from", "add_command", "stop_text", "STOPPED_BY"):
        assert getattr(cli, name) is getattr(_cli_common, name), name
