"""koers's one lazy-import mechanism: heavy modules load when they are first used.

``koers --help`` and ``import koers`` must not pay for pandas, matplotlib or the compiled
module. Two pieces do that, and nothing else in koers defers imports by hand:

- :class:`LazyModule` stands in for a heavy module: ``from ._lazy import pandas as pd`` reads
  like ``import pandas as pd``, and pandas is imported the first time an attribute
  (``pd.DataFrame``) is used — i.e. when a DataFrame is actually asked for.
- :func:`exports` gives a package (or module) a PEP 562 ``__getattr__``/``__dir__`` over a
  table ``{module: (names...)}``: ``koers.rank`` imports ``koers.decide`` on first use.

Type tests that must not import pandas just to say "no" go through :func:`is_frame`,
:func:`is_series` and :func:`is_na`: an object cannot be a pandas object unless pandas is
already imported.

>>> import sys
>>> from koers._lazy import LazyModule
>>> fr = LazyModule("fractions")
>>> fr.Fraction(1, 3)
Fraction(1, 3)
"""
from __future__ import annotations

import importlib
import sys

__all__ = ["LazyModule", "pandas", "pyplot", "exports", "is_frame", "is_series", "is_na"]


class LazyModule:
    """A module imported on first attribute access (not at ``import`` time).

    Unlike :class:`importlib.util.LazyLoader` it puts nothing into ``sys.modules`` until the
    module is really used, so "pandas is not loaded" stays checkable.
    """

    __slots__ = ("_name", "_module")

    def __init__(self, name: str):
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_module", None)

    def _load(self):
        module = self._module
        if module is None:
            module = importlib.import_module(self._name)
            object.__setattr__(self, "_module", module)
        return module

    def __getattr__(self, attr):
        return getattr(self._load(), attr)

    def __setattr__(self, attr, value):
        setattr(self._load(), attr, value)

    def __dir__(self):
        return dir(self._load())

    def __repr__(self):
        state = "loaded" if self._module is not None else "not loaded yet"
        return f"<lazy module {self._name!r} ({state})>"


#: ``from ._lazy import pandas as pd`` / ``from ._lazy import pyplot as plt``.
pandas = LazyModule("pandas")
pyplot = LazyModule("matplotlib.pyplot")


def exports(package: str, table: dict, submodules=(), base: str | None = None):
    """PEP 562 ``(__getattr__, __dir__, __all__)`` for the module ``package`` over ``table``.

    ``table`` maps a module (named relative to ``base``, default ``package``: ``"decide"``) to
    the names it exports; each ``submodules`` name is itself importable as an attribute
    (``koers.grl``). A name is imported on first access and then stored on ``package``, so
    later look-ups are plain attribute reads.
    """
    base = base or package
    where = {}
    for module, names in table.items():
        for name in names:
            if name in where:
                raise ValueError(f"{package}: {name} exported by both {where[name]} and {module}")
            where[name] = module
    subs = frozenset(submodules)

    def __getattr__(name):
        if name in where:
            value = getattr(importlib.import_module(f"{base}.{where[name]}"), name)
        elif name in subs:
            value = importlib.import_module(f"{base}.{name}")
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        setattr(sys.modules[package], name, value)
        return value

    def __dir__():
        return sorted(set(vars(sys.modules[package])) | set(where) | subs)

    return __getattr__, __dir__, sorted(where) + sorted(subs)


def is_frame(obj) -> bool:
    """``isinstance(obj, pandas.DataFrame)``, without importing pandas to find out."""
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(obj, pd.DataFrame)


def is_series(obj) -> bool:
    """``isinstance(obj, pandas.Series)``, without importing pandas to find out."""
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(obj, pd.Series)


def is_na(obj) -> bool:
    """``obj`` is pandas's missing value ``pd.NA`` or ``pd.NaT``, without importing pandas to find out."""
    pd = sys.modules.get("pandas")
    return pd is not None and (obj is pd.NA or obj is pd.NaT)
