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

from ..errors import Errc, InputError

__all__ = ["names", "all_names", "path", "load", "academy_logs", "DATA"]

#: Folder that holds one sub-folder per example.
DATA = pathlib.Path(__file__).resolve().parent / "data"

_MODEL_FILE = "model.json"
_UNKNOWN_NAME = Errc.unknown_name


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
    return InputError(f"unknown example {what} '{name}'; known: {listing}", _UNKNOWN_NAME, [name])


def path(name: str, file: str = _MODEL_FILE) -> pathlib.Path:
    """The path of data file ``file`` of example ``name``.

    Raises :class:`koers.InputError` (unknown_name) for an unknown example or a file
    that the example does not have; the message lists what is known.
    """
    known = all_names()
    if not isinstance(name, str) or name not in known:
        raise _unknown("name", str(name), known)
    folder = DATA / name
    p = (folder / file).resolve()
    if folder.resolve() not in p.parents or not (p.is_file() or p.is_dir()):
        files = sorted(f.name for f in folder.iterdir() if f.is_file() and f.suffix == ".json")
        raise InputError(f"example '{name}' has no file '{file}'; files: {', '.join(files) or '(none)'}",
                         _UNKNOWN_NAME, [f"{name}/{file}"])
    return p


def load(name: str, model: str = "model"):
    """The strategy model of example ``name`` as a :class:`koers.Model`.

    ``model`` picks another strategy model file of the same example (``"model-2015"`` or
    ``"model-2015.json"``); the default is ``model.json``. It may also name one of the
    example's academy event logs (a folder with ``courses.csv``): ``load("west-betuwe-2022",
    "academy")`` is the Academie's log as a :class:`koers.academy.AcademyLog` (also
    ``"leercafe-2022"`` and ``"gesprek-workshops-2021"``; :func:`academy_logs` lists them).

    Raises :class:`koers.InputError` (unknown_name) listing :func:`names` when
    ``name`` is not an example with a strategy model, or the example's model files
    when ``model`` is not one of them.
    """
    known = names()
    if not isinstance(name, str) or name not in known:
        raise _unknown("model", str(name), known)
    if not isinstance(model, str):
        raise InputError(f"model must be a file name, not {type(model).__name__}", _UNKNOWN_NAME, [str(model)])
    if "/" not in model and "\\" not in model and (DATA / name / model / "courses.csv").is_file():
        from .. import academy as _academy
        return _academy.load(DATA / name / model)
    file = model if model.endswith(".json") else model + ".json"
    models = sorted(f.stem for f in (DATA / name).glob("model*.json"))
    if not file.startswith("model") or "/" in file or "\\" in file or not (DATA / name / file).is_file():
        raise InputError(f"example '{name}' has no strategy model '{model}'; models: {', '.join(models)}",
                         _UNKNOWN_NAME, [f"{name}/{model}"])
    from .. import model as _model  # lazy: koers/__init__ imports examples after model
    return _model.load(DATA / name / file)
