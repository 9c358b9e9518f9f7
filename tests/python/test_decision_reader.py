"""The koers.decision reader is C++ (koers/decide/problem_json.hpp), the one guarded JSON reader
for every command: deep nesting, huge numbers, lone surrogates, symlink loops, endless streams
and NaN in a Python dict each end as a coded error naming the JSON path — never a traceback
(RecursionError, OverflowError, TypeError, OSError, MemoryError)."""
import json
import math
import pathlib

import numpy as np
import pytest

import koers
from koers import Errc, InputError
from conftest import run_cli

ROOT = pathlib.Path(__file__).resolve().parents[2]
WB = ROOT / "python" / "koers" / "examples" / "data" / "west-betuwe-2022" / "decision.json"
GOOD = {"format": "koers.decision", "version": 1, "alternatives": ["a", "b"],
        "criteria": [{"name": "x", "weight": 1}], "scores": [[1], [2]]}


def test_the_example_reads_the_same_from_file_text_and_dict():
    a = koers.DecisionProblem.load(WB)
    b = koers.DecisionProblem.loads(WB.read_text(encoding="utf-8"))
    c = koers.DecisionProblem.from_dict(json.loads(WB.read_text(encoding="utf-8")))
    assert a == b == c
    assert len(a.to_dict()["alternatives"]) == 36
    assert koers.DecisionProblem.from_dict(a.to_dict()) == a  # round trip


def test_cli_rank_on_a_file_nested_100000_deep_exits_2_with_E108(tmp_path):
    p = tmp_path / "deep.json"
    p.write_text("[" * 100_000 + "]" * 100_000)
    r = run_cli("rank", p, "--json")
    assert r.returncode == 2
    assert "E108" in r.stderr and "Traceback" not in r.stderr
    assert r.stdout == ""


def test_nesting_inside_a_field_is_refused_too(tmp_path):
    deep = {**GOOD, "note": None}
    text = json.dumps(deep).replace('"note": null', '"note": ' + "[" * 5000 + "]" * 5000)
    with pytest.raises(InputError) as e:
        koers.DecisionProblem.loads(text)
    assert e.value.code == Errc.too_deep


def test_a_400_digit_integer_is_not_finite_not_an_overflow_traceback(tmp_path):
    text = json.dumps(GOOD).replace("[[1], [2]]", "[[1], [" + "9" * 400 + "]]")
    with pytest.raises(InputError) as e:
        koers.DecisionProblem.loads(text)
    assert e.value.code == Errc.not_finite
    p = tmp_path / "big.json"
    p.write_text(text)
    r = run_cli("rank", p, "--json")
    assert r.returncode == 2 and "E110" in r.stderr and "Traceback" not in r.stderr
    with pytest.raises(InputError) as e:
        koers.DecisionProblem.from_dict({**GOOD, "scores": [[1], [10 ** 400]]})
    assert e.value.code == Errc.not_finite and e.value.element == "/scores/1/0"


def test_a_lone_surrogate_in_a_name_is_a_coded_error():
    with pytest.raises(InputError) as e:
        koers.DecisionProblem.from_dict({**GOOD, "alternatives": ["a", "b\ud800"]})
    assert e.value.code == Errc.invalid_value and e.value.element == "/alternatives/1"
    with pytest.raises(InputError) as e:
        koers.DecisionProblem.loads(json.dumps(GOOD).replace('"b"', '"b\ud800"'))
    assert e.value.code == Errc.not_json


def test_nan_in_a_python_dict_names_its_path():
    with pytest.raises(InputError) as e:
        koers.DecisionProblem.from_dict({**GOOD, "scores": [[1], [math.nan]]})
    assert e.value.code == Errc.not_finite and e.value.element == "/scores/1/0"
    # NumPy values are read as numbers
    p = koers.DecisionProblem.from_dict({**GOOD, "scores": np.array([[1.0], [2.0]])})
    assert p.scores.shape == (2, 1)


def test_a_document_that_contains_itself_is_too_deep():
    d = dict(GOOD)
    d["criteria"] = [{"name": "x", "weight": 1}]
    d["criteria"][0]["preference"] = d["criteria"]  # a cycle through Python objects
    with pytest.raises(InputError) as e:
        koers.DecisionProblem.from_dict(d)
    assert e.value.code == Errc.too_deep


def test_a_symlink_loop_is_E100(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(InputError) as e:
        koers.DecisionProblem.load(a)
    assert e.value.code == Errc.file_unreadable
    r = run_cli("rank", a, "--json")
    assert r.returncode == 2 and "E100" in r.stderr and "Traceback" not in r.stderr


def test_a_directory_and_a_non_utf8_file(tmp_path):
    with pytest.raises(InputError) as e:
        koers.DecisionProblem.load(tmp_path)
    assert e.value.code == Errc.file_unreadable and "directory" in str(e.value)
    p = tmp_path / "latin1.json"
    p.write_bytes(json.dumps(GOOD).replace('"a"', '"\u00e9"').encode("latin-1"))
    with pytest.raises(InputError) as e:
        koers.DecisionProblem.load(p)
    assert e.value.code == Errc.not_json


def test_a_non_object_document():
    with pytest.raises(InputError) as e:
        koers.DecisionProblem.from_dict([1, 2])
    assert e.value.code == Errc.wrong_type
