"""``koers report``: one readable report over the embedded examples.

Each area adds a section with :func:`section`; a section is a function
``(out_dir: pathlib.Path) -> dict`` returning ``{"title", "text", "data", "figures"}``
(text for people, data for ``--json``, figures: list of PNG paths written under out_dir).
"""
from __future__ import annotations

import pathlib

_SECTIONS = []  # (order, name, function)


def section(name: str, order: int):
    def deco(fn):
        _SECTIONS.append((order, name, fn))
        return fn
    return deco


def build(out_dir) -> list[dict]:
    """Run every section in order; returns their results."""
    import matplotlib
    matplotlib.use("Agg")
    out = pathlib.Path(out_dir)
    if out.exists() and not out.is_dir():
        from .errors import InputError
        raise InputError(f"cannot write the report to '{out}': it is a file, not a folder", 100, [str(out)])
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:  # a parent that is a file, no permission, ...
        from .errors import InputError
        raise InputError(f"cannot make the folder '{out}': {e.strerror}", 100, [str(out)]) from None
    # the modules that contribute sections
    from . import report_sections  # noqa: F401
    results = []
    for _, name, fn in sorted(_SECTIONS, key=lambda t: t[0]):
        r = fn(out)
        r.setdefault("name", name)
        results.append(r)
    return results
