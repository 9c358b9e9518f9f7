"""koers exceptions, built from the one error table in C++ (``include/koers/core/error.hpp``).

The table gives every code its number, its name, the class that raises it and its meaning;
this module turns it into :class:`Errc` (``Errc.cycle``, never a bare number) and the
exception classes (``InputError``, ``GraphError``, ...), each also a built-in ``ValueError``
or ``RuntimeError`` so that generic handlers keep working.

Every class takes ``(message, code, elements, errors)`` so that it pickles and a Dask
worker can send it back. ``code`` is an :class:`Errc`; ``elements`` the ids of the
offending elements (``element`` the first); ``errors`` the full list of problems for a
:class:`ModelError`.

>>> from koers.errors import Errc, class_for
>>> class_for(Errc.cycle).__name__
'GraphError'
"""
from __future__ import annotations

import builtins
import enum

from . import _core

#: The error table as rows ``(number, name, class, meaning)``.
TABLE = tuple(tuple(row) for row in _core.error_table())

#: Codes renamed since the last release as rows ``(old_name, name, number)``: each old name is an
#: alias of the same :class:`Errc` member for one release (``Errc.pinned_exceed_capacity is
#: Errc.mandatory_exceed_capacity``); iterating :class:`Errc` lists every code once, by its new name.
RENAMED = tuple(tuple(row) for row in _core.error_renamed())

Errc = enum.IntEnum("Errc", [(name, number) for number, name, _cls, _doc in TABLE]
                    + [(old, number) for old, _name, number in RENAMED], module=__name__)
Errc.__doc__ = ("Stable koers error codes (1xx input, 2xx graph, 3xx ranking, 4xx budget/solver, "
                "5xx dates, 6xx foreign formats, 7xx learning time and academy).")


class KoersError(Exception):
    """Root of every koers error."""

    def __init__(self, message, code=None, elements=None, errors=None):
        super().__init__(message, code, elements, errors)
        self.message = message
        try:
            self.code = Errc(code) if code is not None else None
        except ValueError:
            self.code = code
        self.elements = list(elements or [])
        self.errors = list(errors or [])

    @property
    def element(self):
        """The first offending element, or None."""
        return self.elements[0] if self.elements else None

    def __str__(self):
        if isinstance(self.code, int):
            return f"[E{int(self.code)}] {self.message}"
        return str(self.message)


def _python_name(cpp_name: str) -> str:
    return "KoersError" if cpp_name == "Error" else cpp_name


def _build_classes() -> dict:
    classes = {"KoersError": KoersError}
    for name, parent, python_base, meaning in _core.error_classes():
        if not parent:
            continue
        base = classes[_python_name(parent)]
        classes[name] = type(name, (base, getattr(builtins, python_base)),
                             {"__doc__": meaning, "__module__": __name__})
    return classes


_CLASSES = _build_classes()
globals().update(_CLASSES)
_CLASS_OF_CODE = {Errc(number): _CLASSES[_python_name(cls)] for number, _name, cls, _doc in TABLE}


def class_for(code) -> type:
    """The exception class the error table prescribes for ``code`` (an :class:`Errc` or int)."""
    return _CLASS_OF_CODE.get(Errc(code), KoersError)


def error(code, message: str, elements=None) -> KoersError:
    """The exception of the table's class for ``code``: ``raise error(Errc.invalid_value, "…")``."""
    code = Errc(code)
    return class_for(code)(message, code, elements)


__all__ = ["Errc", "KoersError", "class_for", "error", "TABLE", "RENAMED"] + sorted(set(_CLASSES) - {"KoersError"})
