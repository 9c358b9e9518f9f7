"""Range checks for whole-number and real options, shared by the library wrappers and the
``koers`` argument parser, so an out-of-range value is a coded error (InputError E107, or E119
past a documented size limit) before it reaches a C++ binding — never a TypeError or a
``std::bad_alloc`` (docs/limits.md)."""
from __future__ import annotations

import argparse
import math
import numbers

MAX_THREADS = 1024
INT64_MAX = 2**63 - 1
UINT64_MAX = 2**64 - 1


def whole(value, what: str, lo: int = 0, hi: int | None = None, *, limit: int | None = None) -> int:
    """``value`` as an int in lo..hi (InputError E107 naming ``what``); past ``limit`` (a
    documented size limit) E119 with the count."""
    from .errors import Errc, error
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        if isinstance(value, numbers.Real) and math.isfinite(value) and float(value).is_integer():
            value = int(value)
        else:
            raise error(Errc.invalid_value, f"{what} must be a whole number, not {value!r}", [what])
    value = int(value)
    if value < lo or (hi is not None and value > hi):
        span = f"{lo}.." + (f"{hi}" if hi is not None else "")
        raise error(Errc.invalid_value, f"{what} {value} is outside {span}", [what])
    if limit is not None and value > limit:
        raise error(Errc.limit_exceeded, f"{what} {value:,} is more than the limit of {limit:,}", [what])
    return value


def real(value, what: str, lo: float | None = None, hi: float | None = None) -> float:
    """``value`` as a finite float in [lo, hi] (InputError E110 for NaN/infinity, E107 outside)."""
    from .errors import Errc, error
    try:
        x = float(value)
    except (TypeError, ValueError, OverflowError):
        raise error(Errc.invalid_value, f"{what} must be a number, not {value!r}", [what]) from None
    if not math.isfinite(x):
        raise error(Errc.not_finite, f"{what} must be a finite number, not {value!r}", [what])
    if (lo is not None and x < lo) or (hi is not None and x > hi):
        raise error(Errc.invalid_value, f"{what} {value!r} is outside [{lo}, {hi if hi is not None else '∞'})", [what])
    return x


def int_arg(lo: int = 0, hi: int | None = None):
    """An argparse ``type``: a whole number in lo..hi (argparse reports anything else, exit 2)."""
    def parse(text: str) -> int:
        try:
            v = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if v < lo or (hi is not None and v > hi):
            raise argparse.ArgumentTypeError(f"{v} is outside {lo}..{hi if hi is not None else ''}")
        return v
    parse.__name__ = "whole number"
    return parse


def float_arg(lo: float | None = None, hi: float | None = None):
    """An argparse ``type``: a finite number in [lo, hi]."""
    def parse(text: str) -> float:
        try:
            v = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
        if not math.isfinite(v):
            raise argparse.ArgumentTypeError(f"'{text}' is not a finite number")
        if (lo is not None and v < lo) or (hi is not None and v > hi):
            raise argparse.ArgumentTypeError(f"{text} is outside [{lo}, {hi if hi is not None else '∞'}]")
        return v
    parse.__name__ = "number"
    return parse
