"""Grids of scenarios: every combination of a budget cut × a payroll share × a set of mandatory
items (:func:`grid`), counted before it is built."""
from __future__ import annotations

import decimal
import itertools
from fractions import Fraction
from typing import TYPE_CHECKING, Mapping, Sequence

from ..errors import Errc, error
from .money import _decimal_text, _fraction_text
from .scenario import Scenario

if TYPE_CHECKING:  # annotations only
    from .portfolio import Portfolio

__all__ = ["MAX_SCENARIOS", "grid"]


MAX_SCENARIOS = 10_000
"""The most scenarios :func:`grid` builds unless ``max_scenarios`` raises it (``koers sweep
--max-scenarios``): a grid is counted before it is built, and a larger one is E119."""

_GRID_MAX_EXPONENT = 100  # a cut or share of 1e-400 means nothing and costs a 400-digit fraction


def _grid_decimal(text, what: str) -> decimal.Decimal:
    """A grid value: a finite decimal text (``"0.005"``, ``"1e-3"``); else InputError E115/E110
    naming the value."""
    if not isinstance(text, str):
        raise error(Errc.invalid_scenario, "grid values must be decimal strings", [what])
    try:
        d = decimal.Decimal(text.strip())
    except (decimal.InvalidOperation, ValueError):
        raise error(Errc.invalid_argument, f"grid: {what} '{text}' is not a decimal number (e.g. 0.005)", [what]) from None
    if not d.is_finite():
        raise error(Errc.not_finite, f"grid: {what} '{text}' is not a finite number", [what])
    return d


def _grid_count(a: decimal.Decimal, z: decimal.Decimal, s: decimal.Decimal) -> decimal.Decimal:
    """How many values start:stop:step has (counted, never listed; may be astronomically large)."""
    if z < a:
        return decimal.Decimal(0)
    with decimal.localcontext() as ctx:
        ctx.prec, ctx.Emax, ctx.Emin = 60, decimal.MAX_EMAX, decimal.MIN_EMIN
        ctx.traps[decimal.Inexact] = ctx.traps[decimal.Rounded] = False
        try:
            return ((z - a) / s).to_integral_value(rounding=decimal.ROUND_FLOOR) + 1
        except decimal.DecimalException:  # past even MAX_EMAX
            return decimal.Decimal("Infinity")


def _frange_parts(start, stop, step, what: str = "value"):
    a = _grid_decimal(start, f"{what} start")
    z = _grid_decimal(stop, f"{what} stop")
    s = _grid_decimal(step, f"{what} step")
    if s <= 0:
        raise error(Errc.invalid_argument, f"grid: {what} step must be positive, not '{step}'", [step])
    return a, z, s


def _frange(start: str, stop: str, step: str, what: str = "value") -> list[str]:
    a, z, s = _frange_parts(start, stop, step, what)
    out, v = [], a
    with decimal.localcontext() as ctx:
        ctx.prec = max(28, len(s.as_tuple().digits) + max(abs(a.adjusted()), abs(z.adjusted())) - s.adjusted() + 2)
        while v <= z:
            out.append(_decimal_text(v) if v != 0 else "0")
            v += s
    return out


def _grid_axis(v, what: str):
    """(count, build) of one grid axis: a (start, stop, step) triple of texts or a list of texts."""
    if isinstance(v, tuple) and len(v) == 3 and all(isinstance(x, str) for x in v):
        a, z, s = _frange_parts(*v, what=what)
        return _grid_count(a, z, s), lambda: _frange(*v, what=what)
    vals = [str(x) if not isinstance(x, str) else x for x in v]
    for x in vals:
        _grid_decimal(x, what)
    return decimal.Decimal(len(vals)), lambda: vals


def grid(portfolio: "Portfolio", *, cut: Sequence[str] | tuple = ("0",), cut_stream: str | None = None,
         payroll_share: Sequence[str] | None = None, base_share: str = "0.02",
         mandatory: Mapping[str, Sequence[str]] | None = None,
         max_scenarios: int = MAX_SCENARIOS) -> list[Scenario]:
    """Every combination of a budget cut × a payroll share × a set of mandatory items.

    The factors of one combination are combined into one exact decimal per stream (the floor is
    taken once, when the scenario is applied). The grid is counted before it is built, so an
    oversized grid is refused without building anything.

    Parameters
    ----------
    portfolio : Portfolio
        The portfolio whose streams the scenarios scale.
    cut : sequence of str or (start, stop, step) tuple of str, default ("0",)
        Budget cuts as decimal texts (``("0", "0.005", ...)``) or a ``(start, stop, step)``
        triple of texts (stop included); the cut stream's budget is multiplied by (1 − cut).
    cut_stream : str, optional
        The stream that is cut (default: the portfolio's first stream, Deventer's
        ``stream.strategisch``).
    payroll_share : sequence of str or (start, stop, step) tuple of str, optional
        Payroll shares as decimal texts (or a triple); every stream is multiplied by
        share / ``base_share``, exactly. None: the base share only.
    base_share : str, default "0.02"
        The payroll share the portfolio's budgets stand for (Tabel 7 ≈ 2 % of the payroll).
    mandatory : mapping of str to sequence of str, optional
        Named sets of item ids that must be funded (default: one set ``"none"``).
    max_scenarios : int, default MAX_SCENARIOS
        The most scenarios built (:data:`MAX_SCENARIOS`, 10,000).

    Returns
    -------
    list of Scenario
        One per combination, named ``"cut C | share S | NAME"``; each scenario's ``params``
        hold the grid values (``cut``, ``payroll_share``, ``mandatory``), which :func:`sweep`
        shows as columns.

    Raises
    ------
    koers.InputError
        E119 a grid of more than ``max_scenarios`` (with the count); E115 a value that is not a
        decimal text, a step that is not positive or a bad ``max_scenarios``; E110 a value that is
        not finite (each naming the value).
    koers.BudgetError
        E402 an unknown ``cut_stream``; E406 a grid value that is not a string, or a cut that
        makes a budget negative.

    Examples
    --------
    >>> import koers
    >>> pf = koers.Portfolio.example("deventer-2014")
    >>> g = koers.grid(pf, cut=("0", "0.2", "0.1"), payroll_share=["0.02", "0.03"])
    >>> len(g)
    6
    >>> g[-1].name
    'cut 0.2 | share 0.03 | none'
    >>> g[-1].params
    {'cut': '0.2', 'payroll_share': '0.03', 'mandatory': 'none'}
    """
    if isinstance(max_scenarios, bool) or not isinstance(max_scenarios, int) or max_scenarios < 1:
        raise error(Errc.invalid_argument, f"grid: max_scenarios must be a whole number ≥ 1, not {max_scenarios!r}", ["max_scenarios"])
    n_cut, cuts_of = _grid_axis(cut, "cut")
    n_share, shares_of = _grid_axis(payroll_share, "payroll share") if payroll_share is not None else \
        (decimal.Decimal(1), lambda: [base_share])
    mand = dict(mandatory) if mandatory else {"none": ()}
    with decimal.localcontext() as ctx:
        ctx.prec, ctx.Emax = 60, decimal.MAX_EMAX
        ctx.traps[decimal.Inexact] = ctx.traps[decimal.Rounded] = False
        total = n_cut * n_share * len(mand)
    if total > max_scenarios:
        def count(x):
            return f"{int(x):,}" if x < 10 ** 15 else (f"{x:.3E}" if x.is_finite() else "infinitely many")
        raise error(Errc.limit_exceeded, f"grid: {count(n_cut)} cuts × {count(n_share)} payroll shares × {len(mand)} mandatory sets = "
                         f"{count(total)} scenarios, more than the limit of {max_scenarios:,}; use a larger step "
                         f"or raise the limit (koers sweep --max-scenarios)", ["grid"])
    cuts = cuts_of()
    shares = shares_of()
    for what, vals in (("cut", cuts), ("payroll share", shares)):
        for v in vals:
            d = _grid_decimal(v, what)
            if d != 0 and abs(d.adjusted()) > _GRID_MAX_EXPONENT:
                raise error(Errc.invalid_argument, f"grid: {what} '{v}' is out of range (|exponent| over {_GRID_MAX_EXPONENT})", [what])
    streams = list(portfolio.streams.index)
    if cut_stream is None and streams:
        cut_stream = streams[0]
    if cut_stream not in streams:
        raise error(Errc.unknown_stream, f"grid: unknown stream '{cut_stream}'", [cut_stream])
    base = Fraction(_grid_decimal(base_share, "base share"))
    if base <= 0:
        raise error(Errc.invalid_argument, f"grid: base share '{base_share}' must be positive", ["base_share"])
    out = []
    for c, s, (mname, ids) in itertools.product(cuts, shares, mand.items()):
        pf = Fraction(decimal.Decimal(s)) / base
        scale = {}
        for st in streams:
            f = pf * (1 - Fraction(decimal.Decimal(c))) if st == cut_stream else pf
            if f < 0:
                raise error(Errc.invalid_scenario, f"grid: cut {c} makes stream '{st}' negative", [st])
            if f != 1:
                scale[st] = _fraction_text(f)
        name = f"cut {c} | share {s} | {mname}"
        out.append(Scenario(name, scale, {}, (), tuple(ids), {"cut": c, "payroll_share": s, "mandatory": mname}))
    return out
