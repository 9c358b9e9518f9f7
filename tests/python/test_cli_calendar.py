"""``koers calendar holidays | working-days | capacity`` (issue 8 §1): JSON fields, exact hours, codes.

Sources: 2022 and 2016 counted by hand in tests/cpp/core/test_calendar.cpp and
test_hours.cpp; the two-year West Betuwe project period (August 2021 - July 2023, seeds/004
"Na 2 jaar (augustus 2023)") is cross-checked with numpy.busday_count over a hand-written
list of the weekday holidays of that period (Easter 2022: 17 April, 2023: 9 April).
"""
import json
from fractions import Fraction

import numpy as np
import pytest

import koers
from conftest import run_cli


def _json(*args):
    r = run_cli("calendar", *args, "--json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_holidays_2022_nl():
    out = _json("holidays", "2022", "--holidays", "nl")
    assert set(out) == {"holidays"}
    assert [h["date"] for h in out["holidays"]] == [
        "2022-01-01", "2022-04-15", "2022-04-17", "2022-04-18", "2022-04-27", "2022-05-05", "2022-05-26",
        "2022-06-05", "2022-06-06", "2022-12-25", "2022-12-26"]
    assert all(set(h) == {"date", "name"} for h in out["holidays"])
    assert out["holidays"][4]["name"] == "Koningsdag"


def test_holidays_two_on_one_date_count_once():
    out = _json("holidays", "2016", "--holidays", "nl")
    may5 = [h for h in out["holidays"] if h["date"] == "2016-05-05"]
    assert may5 == [{"date": "2016-05-05", "name": "Bevrijdingsdag / Hemelvaartsdag"}]
    assert len(out["holidays"]) == 10  # 11 names, 10 dates
    lu = _json("holidays", "2016", "--holidays", "nl-lustrum")
    names = [h["name"] for h in lu["holidays"]]
    assert "Goede Vrijdag" not in names and "Bevrijdingsdag" not in " ".join(names)
    assert {"date": "2016-05-05", "name": "Hemelvaartsdag"} in lu["holidays"]
    names2025 = [h["name"] for h in _json("holidays", "2025", "--holidays", "nl-lustrum")["holidays"]]
    assert "Bevrijdingsdag" in names2025 and "Goede Vrijdag" not in names2025


def test_working_days():
    out = _json("working-days", "2022-01-01", "2022-12-31", "--holidays", "nl")
    assert out["working_days"] == 253
    assert [h["date"] for h in out["holidays"]] == [
        "2022-04-15", "2022-04-18", "2022-04-27", "2022-05-05", "2022-05-26", "2022-06-06", "2022-12-26"]
    assert _json("working-days", "2022-01-01", "2022-12-31", "--holidays", "nl-lustrum")["working_days"] == 255
    # 2016 in nl: 261 weekdays, 5 May listed and subtracted once
    out = _json("working-days", "2016-01-01", "2016-12-31")
    assert out["working_days"] == 254 and len(out["holidays"]) == 7
    # both ends included: a single holiday, a single working day
    assert _json("working-days", "2022-04-27", "2022-04-27")["working_days"] == 0
    assert _json("working-days", "2022-04-28", "2022-04-28")["working_days"] == 1


PROJECT_WEEKDAY_HOLIDAYS = [  # 2021-08-01 .. 2023-07-31, nl; Christmas 2021 and New Year 2023 fall in weekends
    "2022-04-15", "2022-04-18", "2022-04-27", "2022-05-05", "2022-05-26", "2022-06-06", "2022-12-26",
    "2023-04-07", "2023-04-10", "2023-04-27", "2023-05-05", "2023-05-18", "2023-05-29"]


def test_working_days_project_period_against_numpy():
    expected = int(np.busday_count("2021-08-01", "2023-08-01", holidays=PROJECT_WEEKDAY_HOLIDAYS))
    out = _json("working-days", "2021-08-01", "2023-07-31", "--holidays", "nl")
    assert out["working_days"] == expected == 508
    assert [h["date"] for h in out["holidays"]] == PROJECT_WEEKDAY_HOLIDAYS


@pytest.mark.parametrize("h, experts, hours, exact, wd", [
    ("4", 1, "202.40", "1012/5", 253),                 # one Green Belt, 2022 (seeds/004: 4 h/week)
    ("4", 15, "3036.00", "3036", 253),                 # the 15 Green Belts
    ("2.5", 1, "126.50", "253/2", 253),
    ("10/3", 1, "168.67", "506/3", 253),
    ("8349/2024", 1, "208.73", "8349/40", 253),        # 208.725 rounds half-up
    ("0", 3, "0.00", "0", 253),
])
def test_capacity_2022(h, experts, hours, exact, wd):
    out = _json("capacity", "--hours-per-week", h, "--from", "2022-01-01", "--to", "2022-12-31",
                "--experts", str(experts), "--holidays", "nl")
    assert out == {"hours": hours, "hours_exact": exact, "working_days": wd}
    assert Fraction(out["hours_exact"]) == Fraction(h) * wd / 5 * experts


def test_capacity_project_period_15_green_belts():
    out = _json("capacity", "--hours-per-week", "4", "--from", "2021-08-01", "--to", "2023-07-31", "--experts", "15")
    assert out["working_days"] == 508
    assert Fraction(out["hours_exact"]) == Fraction(4 * 508 * 15, 5)
    assert out["hours"] == "6096.00"


def test_capacity_python_same_as_cli():
    cal = koers.Calendar("nl")
    assert cal.capacity("2022-01-01", "2022-12-31", "4") == {"hours": "202.40", "hours_exact": "1012/5",
                                                              "working_days": 253}
    assert cal.capacity("2022-01-01", "2022-12-31", Fraction(10, 3))["hours_exact"] == "506/3"
    assert cal.capacity("2022-01-01", "2022-12-31", 2.5)["hours_exact"] == "253/2"


@pytest.mark.parametrize("args, code", [
    (["capacity", "--hours-per-week", "-4", "--from", "2022-01-01", "--to", "2022-12-31"], "E502"),
    (["capacity", "--hours-per-week", "abc", "--from", "2022-01-01", "--to", "2022-12-31"], "E502"),
    (["capacity", "--hours-per-week", "nan", "--from", "2022-01-01", "--to", "2022-12-31"], "E502"),
    (["capacity", "--hours-per-week", "1e3", "--from", "2022-01-01", "--to", "2022-12-31"], "E502"),
    (["capacity", "--hours-per-week", "", "--from", "2022-01-01", "--to", "2022-12-31"], "E502"),
    (["capacity", "--hours-per-week", "10/0", "--from", "2022-01-01", "--to", "2022-12-31"], "E503"),
    (["capacity", "--hours-per-week", "10/", "--from", "2022-01-01", "--to", "2022-12-31"], "E503"),
    (["capacity", "--hours-per-week", "1/2/3", "--from", "2022-01-01", "--to", "2022-12-31"], "E503"),
    (["capacity", "--hours-per-week", "4", "--from", "2022-01-01", "--to", "2022-12-31", "--holidays", "be"], "E504"),
    (["capacity", "--hours-per-week", "4", "--from", "2022-02-30", "--to", "2022-12-31"], "E500"),
    (["capacity", "--hours-per-week", "4", "--from", "2022-12-31", "--to", "2022-01-01"], "E501"),
    (["capacity", "--hours-per-week", "4", "--from", "2022-01-01", "--to", "2022-12-31", "--experts", "0"], "E107"),
    (["capacity", "--hours-per-week", "4", "--from", "2022-01-01", "--to", "2022-12-31", "--experts", "-3"], "E107"),
    (["holidays", "2022", "--holidays", "nl-lustrumm"], "E504"),
    (["holidays", "22x", "--holidays", "nl"], "E500"),
    (["holidays", "1200"], "E500"),
    (["working-days", "2022-01-01", "2022-13-01"], "E500"),
    (["working-days", "2022-12-31", "2022-01-01"], "E501"),
    (["working-days", "2021-02-29", "2022-01-01"], "E500"),
])
def test_bad_input_is_a_coded_error(args, code):
    r = run_cli("calendar", *args, "--json")
    assert r.returncode == 2
    assert code in r.stderr
    assert "Traceback" not in r.stderr
    assert r.stdout == ""


def test_usage_errors_exit_2():
    assert run_cli("calendar").returncode == 2
    assert run_cli("calendar", "capacity", "--from", "2022-01-01", "--to", "2022-12-31").returncode == 2
    assert run_cli("calendar", "holidays").returncode == 2


def test_python_codes():
    with pytest.raises(koers.InputError) as e:
        koers.Calendar().hours("2022-01-01", "2022-12-31", -4)
    assert e.value.code == koers.Errc.invalid_hours
    with pytest.raises(koers.InputError) as e:
        koers.Calendar().hours("2022-01-01", "2022-12-31", "10/0")
    assert e.value.code == koers.Errc.invalid_fraction
    with pytest.raises(koers.InputError) as e:
        koers.Calendar("xx")
    assert e.value.code == koers.Errc.unknown_holiday_rules


def test_the_help_lists_the_rules_the_calendar_knows():
    from koers.cli_calendar import RULES
    assert list(RULES) == koers.Calendar.variants()
