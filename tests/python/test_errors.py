"""The Python errors come from the one C++ error table: every code its class, raised alike
from C++ and Python, pickling with code and elements (Dask sends them back)."""
import pickle

import pytest

import koers
from koers import _core
from koers import errors

TABLE = _core.error_table()


def test_errc_has_every_row_of_the_table_by_name():
    assert len(koers.Errc) == len(TABLE)
    for number, name, _cls, _doc in TABLE:
        assert koers.Errc[name] == number


@pytest.mark.parametrize("number,name,cls,doc", TABLE, ids=[row[1] for row in TABLE])
def test_cpp_raises_the_class_the_table_names(number, name, cls, doc):
    with pytest.raises(koers.KoersError) as info:
        _core._throw_error(number, "m")
    assert type(info.value).__name__ == cls
    assert type(info.value) is errors.class_for(number)
    assert info.value.code is koers.Errc[name]
    assert info.value.element == "element"
    e = pickle.loads(pickle.dumps(info.value))
    assert (type(e), e.code, e.elements, str(e)) == (type(info.value), info.value.code, ["element"],
                                                     f"[E{number}] m")


@pytest.mark.parametrize("number,name,cls,doc", TABLE, ids=[row[1] for row in TABLE])
def test_python_error_helper_matches(number, name, cls, doc):
    e = errors.error(koers.Errc[name], "m", ["x"])
    assert type(e).__name__ == cls and e.code == number and e.element == "x"


def test_a_renamed_code_keeps_its_old_name_as_an_alias():
    # issue 12 §3: E405 was pinned_exceed_capacity; the table knows it once, by its new name
    assert errors.RENAMED == (("pinned_exceed_capacity", "mandatory_exceed_capacity", 405),)
    assert koers.Errc.pinned_exceed_capacity is koers.Errc.mandatory_exceed_capacity
    assert koers.Errc["pinned_exceed_capacity"] == 405
    assert koers.Errc(405).name == "mandatory_exceed_capacity"
    listed = [c.name for c in koers.Errc]
    assert listed.count("mandatory_exceed_capacity") == 1 and "pinned_exceed_capacity" not in listed
    assert (405, "mandatory_exceed_capacity") in _core.error_codes()
    assert "pinned_exceed_capacity" not in {name for _n, name in _core.error_codes()}
    for old, name, number in errors.RENAMED:
        assert old not in {row[1] for row in TABLE} and (number, name) in {row[:2] for row in TABLE}


def test_area_ranges_match_classes():
    area_class = {1: "InputError", 2: "GraphError", 3: "RankingError", 5: "InputError", 6: "InputError",
                  7: "InputError"}
    for number, name, cls, _doc in TABLE:
        expected = area_class.get(number // 100) or ("SolverError" if number <= 401 else "BudgetError")
        assert cls == expected, name


@pytest.mark.parametrize("cls,base", [(koers.ModelError, ValueError), (koers.InputError, ValueError),
                                      (koers.GraphError, ValueError), (koers.RankingError, ValueError),
                                      (koers.BudgetError, ValueError), (koers.SolverError, RuntimeError)])
def test_builtin_bases(cls, base):
    assert issubclass(cls, base)
    assert issubclass(cls, koers.KoersError)
    assert cls.__module__ == "koers.errors"


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
