"""The README's code runs as written.

Every ```python block of README.md runs, top to bottom in one namespace (as a reader would type
them into one session), from an empty temporary folder with ``../shared`` beside it (the data
the README reads in place, as from a checkout): only what ships with koers
(``koers.examples``) and ``../shared`` may be used. A trailing comment that shows a value — a
plain number (``# 253``) or a repr (``# <OptimiseResult ...: optimal, optimum=117, ...>``, where
``...`` stands for any text) — is checked against what the line gives. The ```cpp block names
only what ``examples/consumer`` (built and run by ``make consumer``) uses too, so the snippet
cannot drift from a program that compiles.
"""
import ast
import os
import re

import pytest

from conftest import ROOT, SHARED

README = ROOT / "README.md"


def _blocks(lang: str) -> list[tuple[int, str]]:
    """(first line number, text) of every ```lang block of the README."""
    text = README.read_text(encoding="utf-8")
    out = []
    for m in re.finditer(rf"^```{lang}\n(.*?)^```", text, flags=re.M | re.S):
        out.append((text.count("\n", 0, m.start()) + 2, m.group(1)))
    return out


def _shown(comment: str):
    """The value a trailing comment claims, as a regex over repr(value) / str(value), or None."""
    c = comment.strip()
    if re.fullmatch(r"-?\d+", c):
        return re.escape(c)
    if c.startswith("<") and c.endswith(">"):
        return ".*".join(re.escape(part) for part in c.split("..."))
    return None


def _statements(start: int, text: str):
    """(line number, statement source, claimed value or None, target name or None) per statement."""
    lines = text.splitlines()
    tree = ast.parse(text)
    for node in tree.body:
        src = ast.get_source_segment(text, node)
        last = lines[node.end_lineno - 1]
        m = re.search(r"#(.*)$", last[node.end_col_offset:])
        claim = _shown(m.group(1)) if m else None
        target = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            target = node.targets[0].id
        yield start + node.lineno - 1, src, claim, target, isinstance(node, ast.Expr)


def test_the_readme_has_python_blocks():
    assert len(_blocks("python")) >= 2


@pytest.mark.filterwarnings("ignore::UserWarning")  # plots on the non-interactive backend
def test_every_python_snippet_runs_as_written(tmp_path, monkeypatch):
    assert (SHARED / "data").is_dir(), "the README reads ../shared/data in place"
    work = tmp_path / "checkout"
    work.mkdir()
    os.symlink(SHARED, tmp_path / "shared")
    monkeypatch.chdir(work)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    ns: dict = {"__name__": "__readme__"}
    checked = 0
    for start, text in _blocks("python"):
        for line, src, claim, target, is_expr in _statements(start, text):
            code = compile(src, f"README.md:{line}", "eval" if is_expr else "exec")
            try:
                value = eval(code, ns) if is_expr else exec(code, ns)
            except Exception as e:  # the line number makes the failure readable
                pytest.fail(f"README.md:{line}: {src!r} raised {type(e).__name__}: {e}")
            if claim is not None:
                if target is not None:
                    value = ns[target]
                assert re.fullmatch(claim, repr(value), flags=re.S) or re.fullmatch(claim, str(value), flags=re.S), \
                    f"README.md:{line}: shows {claim!r}, gives {value!r}"
                checked += 1
    assert checked >= 3  # the shown values are checked, not only run
    assert (work / "deventer.xml").is_file()  # archimate.export wrote into the working folder


def test_cpp_snippet_uses_only_what_the_consumer_builds():
    (_, cpp), = _blocks("cpp")
    consumer = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples/consumer").glob("*.cpp")))
    names = set(re.findall(r"koers::[A-Za-z_:]*[A-Za-z_]", cpp))
    members = set(re.findall(r"\.([a-z_]+)\b", cpp)) - {"json", "hpp"}
    assert names and members
    missing = sorted(n for n in names if n not in consumer) + sorted(
        m for m in members if not re.search(rf"\.{m}\b", consumer))
    assert missing == [], f"README's C++ names what examples/consumer does not use: {missing}"
    (_, cmake), = _blocks("cmake")
    cmakelists = (ROOT / "examples/consumer/CMakeLists.txt").read_text(encoding="utf-8")
    for line in cmake.strip().splitlines():
        call = re.sub(r"my_tool", r"\\w+", re.escape(line.strip()))
        assert re.search(call, cmakelists), f"README's CMake line not in examples/consumer: {line}"


def test_docs_speak_to_users_and_maintainers():
    """README and docs/ name capabilities, not issue numbers, and no machine's paths."""
    found = []
    for p in [README, *sorted((ROOT / "docs").glob("*.md"))]:
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\bissues? \d|\bissue's\b|(?<![\w&])#\d+\b|/work/|/tmp/|/home/", line):
                found.append(f"{p.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == []
