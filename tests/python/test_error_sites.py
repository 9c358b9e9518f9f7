"""Every place that raises a koers error agrees with the one error table (issue: one error
table): a C++ `throw XError(Errc::name, ...)` names the class the table gives that code, and
Python never raises with a bare number — it names the code (`error(Errc.name, ...)`), so a code
means one thing and comes with one class everywhere. Also checks that a code raised through
the binding arrives as the table's class whatever C++ class carried it."""
import ast
import pathlib
import re

import pytest

import koers
from koers import _core, errors

ROOT = pathlib.Path(__file__).resolve().parents[2]
TABLE = {name: cls for _n, name, cls, _d in _core.error_table()}
CLASSES = {row[0] for row in _core.error_classes()}
CPP_THROW = re.compile(r"\b(" + "|".join(sorted(CLASSES)) + r")(?:::at)?\(\s*(?:koers::)?Errc::(\w+)")


def _cpp_sources():
    for folder in ("include", "src", "python/bindings"):
        for f in sorted((ROOT / folder).rglob("*")):
            if f.suffix in (".hpp", ".cpp"):
                yield f


def test_cpp_throw_sites_use_the_class_the_table_names():
    wrong = []
    for f in _cpp_sources():
        for i, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("//"):
                continue
            for m in CPP_THROW.finditer(line):
                cls, code = m.group(1), m.group(2)
                assert code in TABLE, f"{f.relative_to(ROOT)}:{i}: Errc::{code} is not in the error table"
                if cls != "ModelError" and cls != TABLE[code]:
                    wrong.append(f"{f.relative_to(ROOT)}:{i}: {cls}(Errc::{code}) but the table says {TABLE[code]}")
    assert not wrong, "\n".join(wrong)


def test_cpp_sources_name_only_codes_in_the_table():
    unknown = []
    for f in _cpp_sources():
        if f.name == "error.hpp":  # the table itself (its macros say Errc::name)
            continue
        for i, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            for code in re.findall(r"Errc::(\w+)", line):
                if code not in TABLE:
                    unknown.append(f"{f.relative_to(ROOT)}:{i}: Errc::{code}")
    assert not unknown, "\n".join(unknown)


def test_python_raises_name_their_code_never_a_number():
    """`raise InputError("...", 107, [...])` is how codes drifted apart (107 for 115); every
    koers class called with a literal or module-constant number is a finding."""
    found = []
    for f in sorted((ROOT / "python" / "koers").rglob("*.py")):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        numbers = {n.targets[0].id for n in tree.body
                   if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                   and isinstance(n.value, ast.Constant) and isinstance(n.value.value, int)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in
                    {"InputError", "GraphError", "RankingError", "BudgetError", "SolverError", "KoersError"}
                    and len(node.args) >= 2):
                code = node.args[1]
                if (isinstance(code, ast.Constant) and isinstance(code.value, int)) or (
                        isinstance(code, ast.Name) and code.id in numbers):
                    found.append(f"{f.relative_to(ROOT)}:{node.lineno}: {node.func.id}(..., {ast.unparse(code)}, ...)")
                # a class named beside its code (`InputError(msg, int(Errc.x))`) can disagree with
                # the table: `error(Errc.x, msg)` takes the class from it
                if "Errc." in ast.unparse(code):
                    found.append(f"{f.relative_to(ROOT)}:{node.lineno}: {node.func.id}(..., {ast.unparse(code)}, ...) "
                                 "-> error(Errc.x, ...)")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("code", ["money_overflow", "invalid_value", "cycle", "unknown_item", "infeasible"])
def test_the_binding_raises_the_table_class(code):
    with pytest.raises(koers.KoersError) as info:
        _core._throw_error(int(koers.Errc[code]), "m")
    assert type(info.value) is errors.class_for(koers.Errc[code])


def test_a_portfolio_reader_error_is_the_table_class():
    """portfolio-inl.hpp threw BudgetError for a negative cost (E107 invalid_value, an
    InputError in the table) and for a duplicate item (E202, a graph code); now the table's
    class, and a duplicate item is E112 duplicate_name."""
    import json
    d = json.loads((ROOT / "python/koers/examples/data/deventer-2014/portfolio.json").read_text(encoding="utf-8"))
    neg = json.loads(json.dumps(d))
    neg["items"][0]["cost_cents"] = -1
    with pytest.raises(koers.InputError) as info:
        koers.budget.Portfolio.from_dict(neg)
    assert info.value.code is koers.Errc.invalid_value and not isinstance(info.value, koers.BudgetError)
    dup = json.loads(json.dumps(d))
    dup["items"].append(dict(dup["items"][0]))
    with pytest.raises(koers.InputError) as info:
        koers.budget.Portfolio.from_dict(dup)
    assert info.value.code is koers.Errc.duplicate_name
