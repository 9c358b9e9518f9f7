"""koers exceptions: one class per area, each carrying a stable code.

Every class takes ``(message, code, elements, errors)`` so that it pickles and a
Dask worker can send it back. ``code`` is a :class:`koers.Errc`; ``elements`` the ids
of the offending elements (``element`` the first); ``errors`` the full list of
problems for a :class:`ModelError`.
"""
from __future__ import annotations

import enum


def _build_errc():
    try:
        from . import _core
        members = {name: value for value, name in _core.error_codes()}
    except ImportError:  # pragma: no cover - only without the compiled module
        members = {}
    return enum.IntEnum("Errc", members or {"unknown": 0})


Errc = _build_errc()
Errc.__doc__ = "Stable koers error codes (1xx input, 2xx graph, 3xx ranking, 4xx budget/solver, 5xx dates, 6xx formats)."


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


class InputError(KoersError, ValueError):
    """Bad input: a file, a field, an argument (codes 1xx, 5xx, 6xx)."""


class ModelError(KoersError, ValueError):
    """A model that failed validation; ``.errors`` lists every problem found."""


class GraphError(KoersError, ValueError):
    """A problem with the strategy graph (codes 2xx)."""


class RankingError(KoersError, ValueError):
    """A problem with a decision problem, weights or judgments (codes 3xx)."""


class BudgetError(KoersError, ValueError):
    """A problem with budgets, costs or scenarios (codes 4xx)."""


class SolverError(KoersError, RuntimeError):
    """The exact solver could not finish (codes 4xx)."""


__all__ = ["Errc", "KoersError", "InputError", "ModelError", "GraphError", "RankingError",
           "BudgetError", "SolverError"]
