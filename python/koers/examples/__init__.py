"""Embedded example data from the two seed documents.

>>> import koers
>>> koers.examples.names()
['deventer-2014', 'west-betuwe-2022']
>>> plan = koers.examples.load("deventer-2014")
>>> plan.counts()["intervention"]
30
>>> koers.examples.path("west-betuwe-2022", "processes.json").name
'processes.json'

Data lives in ``koers/examples/data/<name>/``:

- ``deventer-2014/model.json``: the Deventer strategic learning & development plan
  2014-2017 as a ``koers.model`` v1 strategy graph (seed 000);
  ``model-2015.json`` an illustrative autumn recalibration of it, for :meth:`Model.diff`
  (``load("deventer-2014", "model-2015")``).
- ``west-betuwe-2022/processes.json``: GEMMA work processes with illustrative
  process-improvement scores (seed 004, Project procesverbetering); other koers
  areas add ``decision.json``, ``ahp.json`` and ``selection.json`` there;
  ``academy/``, ``leercafe-2022/`` and ``gesprek-workshops-2021/`` are illustrative academy
  event logs (CSV) that reproduce the report's Academie, Leercafé and workshop figures
  (``load("west-betuwe-2022", "academy")``).

:func:`names` lists the examples that hold a strategy model (``model.json``) that
:func:`load` can open; :func:`path` works for every example folder and file.
"""
from __future__ import annotations

import pathlib

from ..errors import Errc, InputError, error

__all__ = ["names", "all_names", "path", "load", "academy_logs", "DATA"]

#: Folder that holds one sub-folder per example.
DATA = pathlib.Path(__file__).resolve().parent / "data"

_MODEL_FILE = "model.json"


def all_names() -> list[str]:
    """Every example folder (sorted), also those without a strategy model."""
    if not DATA.is_dir():
        return []
    return sorted(p.name for p in DATA.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def names() -> list[str]:
    """The examples that :func:`load` can open (folders with a ``model.json``), sorted."""
    return [n for n in all_names() if (DATA / n / _MODEL_FILE).is_file()]


def academy_logs(name: str) -> list[str]:
    """The academy event logs (folders with a ``courses.csv``) of example ``name``, sorted."""
    known = all_names()
    if not isinstance(name, str) or name not in known:
        raise _unknown("name", str(name), known)
    return sorted(p.name for p in (DATA / name).iterdir() if (p / "courses.csv").is_file())


def _unknown(what: str, name: str, known: list[str]) -> InputError:
    listing = ", ".join(known) if known else "(none)"
    return error(Errc.unknown_name, f"unknown example {what} '{name}'; known: {listing}", [name])


def path(name: str, file: str = _MODEL_FILE) -> pathlib.Path:
    """The path of a data file (or folder) of an embedded example.

    Parameters
    ----------
    name : str
        The example: one of :func:`all_names` (``"deventer-2014"``, ``"west-betuwe-2022"``).
    file : str, default "model.json"
        A file or folder inside it: ``"decision.json"``, ``"portfolio.json"``, ``"academy"``, ...

    Returns
    -------
    pathlib.Path
        The absolute path inside the installed package.

    Raises
    ------
    koers.InputError
        E111 (unknown_name) for an unknown example or a file the example does not have; the
        message lists what is known.

    Examples
    --------
    >>> import koers
    >>> p = koers.examples.path("west-betuwe-2022", "decision.json")
    >>> p.name, p.is_file()
    ('decision.json', True)
    >>> koers.DecisionProblem.load(p)
    <DecisionProblem '...' alternatives=36 criteria=5 ...>
    """
    known = all_names()
    if not isinstance(name, str) or name not in known:
        raise _unknown("name", str(name), known)
    folder = DATA / name
    p = (folder / file).resolve()
    if folder.resolve() not in p.parents or not (p.is_file() or p.is_dir()):
        files = sorted(f.name for f in folder.iterdir() if f.is_file() and f.suffix == ".json")
        raise error(Errc.unknown_name, f"example '{name}' has no file '{file}'; files: {', '.join(files) or '(none)'}",
                    [f"{name}/{file}"])
    return p


def load(name: str, model: str = "model"):
    """Load the strategy model (or an academy event log) of an embedded example.

    Parameters
    ----------
    name : str
        An example with a strategy model: one of :func:`names`.
    model : str, default "model"
        Another strategy model file of the same example (``"model-2015"`` or
        ``"model-2015.json"``), or one of the example's academy event logs (a folder with
        ``courses.csv``: ``"academy"``, ``"leercafe-2022"``, ``"gesprek-workshops-2021"``;
        :func:`academy_logs` lists them).

    Returns
    -------
    koers.Model or koers.academy.AcademyLog
        The strategy graph, or the academy's event log.

    Raises
    ------
    koers.InputError
        E111 (unknown_name) listing :func:`names` when ``name`` is not an example with a
        strategy model, or the example's model files when ``model`` is not one of them.

    Examples
    --------
    >>> import koers
    >>> plan = koers.examples.load("deventer-2014")
    >>> plan.counts()["goal"], plan.counts()["intervention"]
    (18, 30)
    >>> koers.examples.load("deventer-2014", "model-2015").diff(plan)
    <PlanDiff ...>
    >>> koers.examples.load("west-betuwe-2022", "academy")
    <AcademyLog '...academy' courses=10 runs=59 registrations=204 cancellations=51 evaluations=75 ...>
    """
    known = names()
    if not isinstance(name, str) or name not in known:
        raise _unknown("model", str(name), known)
    if not isinstance(model, str):
        raise error(Errc.unknown_name, f"model must be a file name, not {type(model).__name__}", [str(model)])
    if "/" not in model and "\\" not in model and (DATA / name / model / "courses.csv").is_file():
        from .. import academy as _academy
        return _academy.load(DATA / name / model)
    file = model if model.endswith(".json") else model + ".json"
    models = sorted(f.stem for f in (DATA / name).glob("model*.json"))
    if not file.startswith("model") or "/" in file or "\\" in file or not (DATA / name / file).is_file():
        raise error(Errc.unknown_name, f"example '{name}' has no strategy model '{model}'; models: {', '.join(models)}",
                    [f"{name}/{model}"])
    from .. import model as _model  # lazy: koers/__init__ imports examples after model
    return _model.load(DATA / name / file)
