"""The Python error classes match the C++ codes and pickle (Dask sends them back)."""
import pickle

import pytest

import koers
from koers import _core


def test_errc_matches_core():
    assert {int(e): e.name for e in koers.Errc} == {v: n for v, n in _core.error_codes()}


@pytest.mark.parametrize("cls", [koers.ModelError, koers.InputError, koers.GraphError, koers.RankingError,
                                 koers.BudgetError])
def test_value_error_subclasses(cls):
    assert issubclass(cls, ValueError)
    assert issubclass(cls, koers.KoersError)


def test_errors_pickle_with_code_and_elements():
    with pytest.raises(koers.InputError) as info:
        koers.load("/nonexistent/plan.json")
    e = pickle.loads(pickle.dumps(info.value))
    assert e.code == koers.Errc.file_unreadable
    assert e.element == "/nonexistent/plan.json"
    assert "[E100]" in str(e)


def test_money_errors_are_input_errors():
    with pytest.raises(koers.InputError) as info:
        koers.Money("12,345")
    assert info.value.code == koers.Errc.money_parse
