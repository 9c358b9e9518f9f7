"""Start-up stays light (issue 10 §1): what ``import koers`` and ``koers --help`` load.

Not timed (the targets are in benchmarks/bench_startup.py): each check runs a fresh
interpreter and asserts which modules it imported. Source: issue 10, "Start-up".
"""
import json
import os
import pathlib
import subprocess
import sys

import pytest

import koers

HEAVY = ("pandas", "matplotlib")


def _loaded(code: str, env=None) -> set:
    """The top-level modules (and koers._core) a fresh interpreter has after running ``code``."""
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    mods = json.loads(out.stdout.strip().splitlines()[-1])
    return {m.split(".")[0] for m in mods} | ({"koers._core"} & set(mods))


def _koers_script() -> pathlib.Path:
    return pathlib.Path(sys.executable).with_name("koers")


def test_import_koers_loads_neither_pandas_nor_matplotlib_nor_the_compiled_module():
    mods = _loaded("import koers")
    assert "koers" in mods
    assert not mods & {*HEAVY, "koers._core"}, mods & {*HEAVY, "koers._core"}


@pytest.mark.parametrize("argv", [["--help"], ["--version"]])
def test_the_koers_command_help_and_version_load_nothing_heavy(argv):
    """The installed ``koers`` script itself, its imports reported by -X importtime."""
    script = _koers_script()
    assert script.exists(), script
    env = dict(os.environ, PYTHONPROFILEIMPORTTIME="1")
    out = subprocess.run([str(script), *argv], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "koers" in out.stdout  # usage text or 'koers 0.1.0'
    imported = {line.rsplit("|", 1)[-1].strip() for line in out.stderr.splitlines() if line.startswith("import time:")}
    assert "koers.cli" in imported
    heavy = {m for m in imported if m.split(".")[0] in HEAVY or m == "koers._core"}
    assert not heavy, sorted(heavy)


def test_every_subcommand_help_loads_nothing_heavy():
    code = """
import sys
from koers.cli import build_parser, main
parser = build_parser()
names = sorted(next(a for a in parser._actions if a.dest == 'command').choices)
assert len(names) >= 10, names
for name in names:
    try:
        main([name, '--help'])
    except SystemExit as e:
        assert e.code == 0, (name, e.code)
"""
    mods = _loaded(code)
    assert not mods & {*HEAVY, "koers._core"}, mods & {*HEAVY, "koers._core"}


_NO_PANDAS = "import sys\nsys.modules['pandas'] = None\nsys.modules['matplotlib'] = None\n"


@pytest.mark.parametrize("argv", [
    ["validate", "--example", "deventer-2014", "--json"],
    ["analyse", "--example", "deventer-2014", "--json"],
    ["optimise", "--example", "deventer-2014", "--json"],
])
def test_the_json_paths_of_the_command_work_without_pandas(argv):
    """With pandas and matplotlib made unimportable, the JSON paths still answer in full."""
    code = _NO_PANDAS + f"from koers.cli import main\nrc = main({argv!r})\nsys.stdout.flush()\nsys.exit(rc)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-3000:]
    assert isinstance(json.loads(out.stdout), dict)
    with_pandas = subprocess.run([sys.executable, "-m", "koers.cli", *argv], capture_output=True, text=True)
    assert with_pandas.returncode == 0, with_pandas.stderr[-2000:]
    assert json.loads(out.stdout) == json.loads(with_pandas.stdout)


def test_a_dataframe_loads_pandas_when_asked_for():
    mods = _loaded("import koers\nplan = koers.examples.load('deventer-2014')\nplan.counts()")
    assert "koers._core" in mods
    mods = _loaded("import koers\nkoers.examples.load('deventer-2014').interventions()")
    assert "pandas" in mods and "matplotlib" not in mods


def test_every_exported_name_is_the_object_of_its_module():
    import importlib
    for module, names in koers._EXPORTS.items():
        mod = importlib.import_module(f"koers.{module}")
        for name in names:
            assert getattr(koers, name) is getattr(mod, name), (module, name)
            assert name in dir(koers) and name in koers.__all__
    for sub in koers._SUBMODULES:
        assert getattr(koers, sub) is importlib.import_module(f"koers.{sub}")


@pytest.mark.parametrize("module", ["decide", "budget"])
def test_the_names_koers_star_imported_before_are_all_still_exported(module):
    """koers/__init__.py used ``from .decide import *`` and ``from .budget import *``."""
    import importlib
    mod = importlib.import_module(f"koers.{module}")
    assert set(mod.__all__) <= set(koers._EXPORTS[module])


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_name"):
        koers.no_such_name  # noqa: B018
    assert not hasattr(koers, "no_such_name")


def test_the_budget_frames_keep_their_public_home():
    from koers import budget
    assert budget.BudgetCurve.__module__ == "koers.budget"
    assert koers.CostPlan is budget.CostPlan
    c = koers.cost_plan(koers.examples.load("deventer-2014"))
    assert isinstance(c, koers.CostPlan)


def test_the_command_table_is_what_the_modules_register():
    """``koers --help`` lists the sub-commands from koers.cli.COMMANDS without importing their
    modules: the table must name exactly what each module registers, with the same help."""
    import argparse
    import importlib
    from koers.cli import COMMANDS
    registered = {}
    for module in dict.fromkeys(m for m, _, _ in COMMANDS.values()):
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        importlib.import_module(module).register(sub)
        helps = {a.dest: a.help for a in sub._choices_actions}
        for name, p in sub.choices.items():
            if name in helps:  # aliases share the parser but have no help entry of their own
                aliases = tuple(n for n, q in sub.choices.items() if q is p and n != name)
                registered[name] = (module, helps[name], aliases)
    assert registered == COMMANDS


def test_a_subcommand_imports_only_its_own_module():
    mods = _loaded_koers("from koers.cli import main\ntry:\n    main(['rank', '--help'])\nexcept SystemExit:\n    pass")
    assert "koers.cli_decide" in mods
    assert not mods & {"koers.cli_budget", "koers.cli_model", "koers.cli_select", "koers.cli_archimate"}, mods


def test_an_unknown_command_is_a_usage_error_listing_the_commands():
    out = subprocess.run([str(_koers_script()), "rnak"], capture_output=True, text=True)
    assert out.returncode == 2
    assert "invalid choice: 'rnak'" in out.stderr and "'rank'" in out.stderr and "Traceback" not in out.stderr


def _loaded_koers(code: str) -> set:
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return {m for m in json.loads(out.stdout.strip().splitlines()[-1]) if m.startswith("koers")}
