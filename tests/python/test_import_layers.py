"""The Python modules of koers import one way (issue 12 §3): no circles, not even through an import
hidden inside a function. Read from the sources (ast), not by importing them."""
import ast
import pathlib

SOURCE = pathlib.Path(__file__).resolve().parents[2] / "python" / "koers"


def _name(path: pathlib.Path) -> str:
    parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: pathlib.Path, modules: set) -> set:
    """The koers modules ``path`` imports anywhere (module level or in a function), except under
    ``if TYPE_CHECKING:`` (annotations only, never run)."""
    me = _name(path)
    package = me if path.name == "__init__.py" else me.rsplit(".", 1)[0]
    out = set()

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
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return out


def _graph() -> dict:
    files = {_name(p): p for p in SOURCE.rglob("*.py")}
    modules = set(files)
    graph = {m: _imports(p, modules) for m, p in files.items()}
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


def test_the_report_sections_import_the_parts_not_the_report():
    graph = _graph()
    for m in ("koers.report_model", "koers.report_grl", "koers.report_budget", "koers.report_decide",
              "koers.report_academy"):
        assert "koers.report_parts" in graph[m] and "koers.report" not in graph[m], m
