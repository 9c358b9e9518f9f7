"""Core types: :class:`Money` (exact euros as int64 cents) and :class:`Ratio`.

>>> from koers import Money
>>> str(Money("314.777,00") + Money("314.594,00") + Money("357.451,62"))
'€ 986.822,62'
>>> Money("314777.00").cents
31477700
"""
from ._core import Money, Ratio, Rounding  # noqa: F401

__all__ = ["Money", "Ratio", "Rounding"]
