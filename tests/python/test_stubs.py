"""The type stubs of the compiled module list exactly what it has, and ship with the package.

``python/koers/_core/*.pyi`` (written by tools/make_core_stubs.py) must name every public
function, class, constant and submodule of ``koers._core`` and every public member of each
class — and nothing that is gone — so a binding added or renamed without its stub fails here.
"""
import ast
import inspect
import pathlib
import types

import pytest

import koers
from koers import _core

PACKAGE = pathlib.Path(koers.__file__).resolve().parent
HOW = "regenerate with `.venv/bin/python tools/make_core_stubs.py` after `make build`"


def _modules():
    """(module, stub file) of _core and each of its submodules."""
    out = [(_core, "__init__.pyi")]
    out += [(v, f"{k}.pyi") for k, v in vars(_core).items() if isinstance(v, types.ModuleType)
            and v.__name__.startswith("koers._core.")]
    return out


def _public(names) -> set[str]:
    return {n for n in names if not n.startswith("_")}


def _body_names(body) -> set[str]:
    names = set()
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.ImportFrom) and node.module is None:  # from . import decide
            names.update(a.asname or a.name for a in node.names)
    return names


def _stub(file: str) -> ast.Module:
    path = PACKAGE / "_core" / file
    assert path.is_file(), f"no stub {path}; {HOW}"
    return ast.parse(path.read_text(encoding="utf-8"))


def test_stubs_and_py_typed_are_installed_with_the_package():
    assert (PACKAGE / "py.typed").is_file()
    assert {f for _, f in _modules()} <= {p.name for p in (PACKAGE / "_core").glob("*.pyi")}
    assert len(_modules()) >= 2  # _core and _core.decide


@pytest.mark.parametrize("module,file", _modules(), ids=lambda x: x if isinstance(x, str) else x.__name__)
def test_stub_lists_every_public_name(module, file):
    tree = _stub(file)
    stub_names = _public(_body_names(tree.body))
    real = _public(dir(module))
    assert sorted(real - stub_names) == [], f"missing from the stub of {module.__name__}; {HOW}"
    assert sorted(stub_names - real) == [], f"in the stub of {module.__name__} but gone; {HOW}"
    declared = next((ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.AnnAssign)
                     and isinstance(n.target, ast.Name) and n.target.id == "__all__"), None)
    assert declared is None or set(declared) == real


@pytest.mark.parametrize("module,file", _modules(), ids=lambda x: x if isinstance(x, str) else x.__name__)
def test_stub_lists_every_member_of_every_class(module, file):
    classes = {n.name: n for n in _stub(file).body if isinstance(n, ast.ClassDef)}
    stale = {}
    for name, cls in inspect.getmembers(module, inspect.isclass):
        if name.startswith("_") or cls.__module__ != module.__name__:
            continue
        real = _public(vars(cls))
        stub = _public(_body_names(classes[name].body))
        if real != stub:
            stale[name] = {"missing": sorted(real - stub), "gone": sorted(stub - real)}
    assert stale == {}, HOW
