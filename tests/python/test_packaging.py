"""Packaging facts set once: the version (CMakeLists.txt's project()), the licence, the Python
version the build and the package metadata require."""
import importlib.metadata
import pathlib
import re
import tomllib

import koers
from koers import _core

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _cmake_version():
    m = re.search(r"project\(koers VERSION ([0-9.]+)", (ROOT / "CMakeLists.txt").read_text(encoding="utf-8"))
    assert m, "CMakeLists.txt sets the version in project()"
    return m.group(1)


def test_one_version_everywhere():
    v = _cmake_version()
    assert koers.__version__ == v
    assert _core.__version__ == v
    assert importlib.metadata.version("koers") == v
    py = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in py["project"] and "version" in py["project"]["dynamic"]


def test_the_version_is_typed_nowhere_else():
    v = _cmake_version()
    hits = [str(p.relative_to(ROOT)) for folder in ("python", "include", "src")
            for p in (ROOT / folder).rglob("*") if p.suffix in (".py", ".cpp", ".hpp", ".toml")
            and p.name != "_version.py" and f'"{v}"' in p.read_text(encoding="utf-8", errors="replace")]
    assert hits == []


def test_licence_file_matches_the_metadata():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    py = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert py["project"]["license"] == {"file": "LICENSE"}


def test_requires_python_agrees_with_cmake():
    py = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    floor = re.match(r">=\s*(3\.\d+)", py["project"]["requires-python"]).group(1)
    m = re.search(r"find_package\(Python (3\.\d+)", (ROOT / "CMakeLists.txt").read_text(encoding="utf-8"))
    assert m and m.group(1) == floor


def test_build_type_forced_only_at_top_level():
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    assert re.search(r"if\(_koers_top AND NOT CMAKE_BUILD_TYPE", text)
