"""Costing the plan: every intervention of a strategy model costed exactly (:func:`cost_plan`,
:func:`intervention_cost`)."""
from __future__ import annotations

import decimal
import os
from fractions import Fraction
from typing import TYPE_CHECKING, Mapping, Sequence

from .._lazy import LazyModule, pandas as pd
from .. import _core
from ..errors import Errc, error
from ..model import Model, load as load_model
from .money import _decimal_text

if TYPE_CHECKING:  # annotations only
    from .frames import CostPlan

__all__ = ["cost_plan", "intervention_cost"]

#: CostPlan derives from a DataFrame, so its module imports pandas: loaded on first use.
frames = LazyModule("koers.budget.frames")


_COST_FIELDS = ("fixed_cents", "per_run_cents", "runs", "per_participant_cents", "participants", "uptake",
                "ilb_share", "hours_per_participant", "cost_cents")


def _share_text(v, what: str, hours: bool = False):
    """A share, uptake or hours as exact text for C++: str as given ("0.5", "1/3"), int, Fraction,
    Decimal; a float only for hours (read as written, e.g. 7.5)."""
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, bool):
        raise error(Errc.invalid_argument, f"{what} must be a decimal text such as \"0.5\", not a boolean", [what])
    if isinstance(v, int):
        return str(v)
    if isinstance(v, Fraction):
        return f"{v.numerator}/{v.denominator}"
    if isinstance(v, decimal.Decimal):
        return _decimal_text(v)
    if isinstance(v, float) and hours:
        return v
    raise error(Errc.invalid_argument, f"{what} must be a decimal text such as \"0.5\" or a Fraction (a float is not exact), "
                     f"not {type(v).__name__}", [what])


def _cost_fields(d: Mapping, where: str) -> dict:
    if not isinstance(d, Mapping):
        raise error(Errc.wrong_type, f"{where} must be an object of cost fields, not {type(d).__name__}", [where])
    out = {}
    for k, v in d.items():
        if k in ("uptake", "ilb_share"):
            v = _share_text(v, f"{where}.{k}")
        elif k == "hours_per_participant":
            v = _share_text(v, f"{where}.{k}", hours=True)
        out[k] = v
    return out


def _fraction(text):
    """'57600/23' → Fraction(57600, 23); None stays None."""
    return None if text is None else Fraction(text)


def cost_plan(model, costs: "Mapping[str, Mapping] | str | os.PathLike | None" = None, *, ilb_share="0.5", uptake="1",
              ilb_stream: str | None = None, rounding: str = "half_even") -> "CostPlan":
    """Cost every intervention of a strategy model exactly.

    The cost model of each intervention comes from its fields: ``cost_cents`` with
    ``participants`` is priced per participant (cost_cents / participants, when that is whole
    cents; else a fixed amount, with a note); ``cost_cents`` alone is a fixed amount, its
    participants come from the target groups it ``targets`` (Σ ``size`` × ``uptake``, rounded half
    up to whole people); ``ilb_contribution`` charges ``ilb_share`` of the cost per participant
    (floored to whole cents per participant) to each participant's ILB; ``duration_hours`` gives
    the learning hours per participant, exactly as written.

    Parameters
    ----------
    model : Model, str or os.PathLike
        A :class:`koers.Model`, or the path of a koers.model file.
    costs : mapping of str to mapping, str or os.PathLike, optional
        Overrides by intervention id, each with any of ``fixed_cents``, ``per_run_cents``,
        ``runs``, ``per_participant_cents``, ``participants``, ``uptake``, ``ilb_share``,
        ``hours_per_participant``, ``cost_cents`` (cents and counts are ints; shares are decimal
        text, ints or Fractions). A price given there must add up to the model's ``cost_cents``
        (or the override's). A path names a JSON file of such overrides (``koers costs --costs``),
        read by the C++ reader of files: its errors name the file and the JSON path
        (``'costs.json': /iv.x/runs: …``).
    ilb_share : str, int or Fraction, default "0.5"
        The part of the cost per participant paid from the ILB for interventions with
        ``ilb_contribution`` (exact: a decimal text such as ``"0.5"`` or ``"1/3"``, never a float).
    uptake : str, int or Fraction, default "1"
        The share of a target group that takes part.
    ilb_stream : str, optional
        The budget stream of the ILBs (default: the one named personal/persoonlijk).
    rounding : str, default "half_even"
        How the unit costs round to whole cents: ``"half_even"``, ``"half_up"``, ``"floor"``,
        ``"ceil"`` or ``"toward_zero"``.

    Returns
    -------
    CostPlan
        A DataFrame with one row per intervention (money in whole cents, exact unit costs as
        Fractions), with ``.streams`` (per budget stream: budget, own, ILB, committed, free),
        ``.total`` and ``.uncosted``; see :class:`CostPlan`.

    Raises
    ------
    koers.BudgetError
        E404 a price that does not add up (naming the intervention); E402 no ILB stream; E403 an
        override for an unknown intervention.
    koers.GraphError
        E207 a target group without the ``size`` a per-participant price needs.
    koers.InputError
        A bad option or override field (E107, E115), an amount past the cent range (E114).

    Examples
    --------
    >>> import koers
    >>> c = koers.cost_plan(koers.examples.load("deventer-2014"))
    >>> int(c.loc["iv.loopbaanmodules", "ilb"]), int(c.loc["iv.loopbaanmodules", "own"])
    (1350000, 1350000)
    >>> c.loc["iv.e-coaching-reis-naar-jezelf", "per_hour_exact"]  # 594 € over 31.5 h, in cents
    Fraction(13200, 7)
    >>> c.total["cost_cents"]
    54349200
    """
    if not isinstance(model, Model):
        model = load_model(model)
    opts = {"ilb_share": _share_text(ilb_share, "ilb_share"), "uptake": _share_text(uptake, "uptake"),
            "rounding": rounding}
    if ilb_stream:
        opts["ilb_stream"] = ilb_stream
    if isinstance(costs, (str, os.PathLike)):  # a --costs file: read by C++ (bounded, its codes and paths)
        return _cost_frame(_core.cost_plan(model._g, opts, os.fspath(costs)))
    if costs:
        opts["costs"] = {str(k): _cost_fields(v, f"costs['{k}']") for k, v in costs.items()}
    # the options cross as Python values: C++ reads and checks them as it reads a --costs file
    return _cost_frame(_core.cost_plan(model._g, opts))


def _cost_frame(raw: dict) -> "CostPlan":
    rows = raw["interventions"]

    def ints(key):
        return pd.array([r[key] for r in rows], dtype="Int64")

    df = frames.CostPlan({
        "name": [r["name"] for r in rows],
        "stream": [r["stream"] for r in rows],
        "costed": [r["costed"] for r in rows],
        "participants": ints("participants"),
        "participants_from": [r["participants_from"] for r in rows],
        "hours": [_fraction(r["hours_per_participant"]) for r in rows],
        "learning_hours": [_fraction(r["learning_hours"]) for r in rows],
        "cost": ints("cost_cents"),
        "ilb": ints("ilb_cents"),
        "own": ints("own_cents"),
        "per_participant": ints("per_participant_cents"),
        "per_hour": ints("per_hour_cents"),
        "per_participant_exact": [_fraction(r["per_participant_exact"]) for r in rows],
        "per_hour_exact": [_fraction(r["per_hour_exact"]) for r in rows],
        "notes": ["; ".join(r["notes"]) for r in rows],
    }, index=pd.Index([r["id"] for r in rows], name="id"))
    st = raw["streams"]
    streams = pd.DataFrame({
        "name": [s["name"] for s in st],
        **{k: pd.array([s[f"{k}_cents"] for s in st], dtype="Int64") for k in ("budget", "own", "ilb", "committed", "free")},
    }, index=pd.Index([s["id"] if s["id"] is not None else "" for s in st], name="stream"))
    df.streams = streams
    df.total = raw["total"]
    df.uncosted = list(raw["uncosted"])
    df.raw = raw
    df.plan_name = raw["name"]
    df.ilb_stream = raw["ilb_stream"]
    df.rounding = raw["rounding"]
    return df


def intervention_cost(*, fixed_cents: int = 0, per_run_cents: int = 0, runs: int = 1, per_participant_cents: int = 0,
                      participants: int | None = None, ilb_share="0", hours_per_participant=None,
                      cost_cents: int | None = None, target_group_sizes: Sequence[int] | None = None, uptake="1",
                      rounding: str = "half_even", element: str = "intervention") -> dict:
    """Cost one intervention's cost model (the rules of :func:`cost_plan`), as a dict of cents and
    exact Fractions (``per_participant_exact``, ``per_hour_exact``, ``learning_hours``).

    >>> d = intervention_cost(fixed_cents=150000, per_run_cents=80000, runs=3, per_participant_cents=4550,
    ...                       participants=36, hours_per_participant="7.5")
    >>> d["cost_cents"], d["per_participant_cents"], d["per_participant_exact"]
    (553800, 15383, Fraction(46150, 3))
    """
    d = {"fixed_cents": fixed_cents, "per_run_cents": per_run_cents, "runs": runs,
         "per_participant_cents": per_participant_cents, "ilb_share": _share_text(ilb_share, "ilb_share"),
         "uptake": _share_text(uptake, "uptake"), "rounding": rounding, "element": element}
    if participants is not None:
        d["participants"] = participants
    if hours_per_participant is not None:
        d["hours_per_participant"] = _share_text(hours_per_participant, "hours_per_participant", hours=True)
    if cost_cents is not None:
        d["cost_cents"] = cost_cents
    if target_group_sizes is not None:
        d["target_group_sizes"] = list(target_group_sizes)
    out = _core.intervention_cost(d)
    for k in ("per_participant_exact", "per_hour_exact", "learning_hours", "ilb_share"):
        out[k] = _fraction(out[k])
    return out
