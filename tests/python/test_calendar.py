"""The crossing of the calendar: date conversion, frames, error mapping, pickling.

Vectors are the ones of tests/cpp/core/test_calendar.cpp (sources named there):
Easter from Meeus, Astronomical Algorithms ch. 8, and the US Naval Observatory; Koningsdag by
the Algemene termijnenwet; working days of 2022 counted by hand (260 weekdays − 7).
"""
import datetime as dt
import pickle
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

import koers
from koers.calendar import Calendar, easter


@pytest.mark.parametrize("year, iso", [
    (2014, "2014-04-20"), (2022, "2022-04-17"), (2024, "2024-03-31"), (2025, "2025-04-20"),
    (2038, "2038-04-25"), (1818, "1818-03-22"), (1991, "1991-03-31"), (2000, "2000-04-23"),
])
def test_easter(year, iso):
    assert easter(year) == dt.date.fromisoformat(iso)


def test_holidays_frame_2022():
    df = Calendar().holidays(2022)
    assert list(df.columns) == ["date", "name", "weekday"]
    assert str(df["date"].dtype).startswith("datetime64")
    assert isinstance(df["weekday"].dtype, pd.CategoricalDtype)
    assert len(df) == 11
    assert df["name"].tolist() == [
        "Nieuwjaarsdag", "Goede Vrijdag", "Eerste Paasdag", "Tweede Paasdag", "Koningsdag", "Bevrijdingsdag",
        "Hemelvaartsdag", "Eerste Pinksterdag", "Tweede Pinksterdag", "Eerste Kerstdag", "Tweede Kerstdag"]
    row = df[df["name"] == "Koningsdag"].iloc[0]
    assert row["date"] == pd.Timestamp("2022-04-27")
    assert row["weekday"] == "woensdag"


@pytest.mark.parametrize("year, iso, name", [
    (2014, "2014-04-26", "Koningsdag"),    # 27 April 2014 was a Sunday
    (2022, "2022-04-27", "Koningsdag"),
    (2025, "2025-04-26", "Koningsdag"),    # 27 April 2025 is a Sunday
    (2013, "2013-04-30", "Koninginnedag"),
    (2006, "2006-04-29", "Koninginnedag"), # 30 April 2006 was a Sunday
    (1967, "1967-05-01", "Koninginnedag"), # a Sunday before 1980: the Monday after (Wikipedia nl)
])
def test_kings_day(year, iso, name):
    df = Calendar().holidays(year)
    assert df.loc[df["name"] == name, "date"].tolist() == [pd.Timestamp(iso)]


def test_variants():
    assert Calendar.variants() == ["nl", "nl-no-good-friday", "nl-liberation-lustrum", "nl-lustrum", "none"]
    lustrum = Calendar("nl-liberation-lustrum")
    assert "Bevrijdingsdag" not in lustrum.holidays(2022)["name"].tolist()
    assert "Bevrijdingsdag" in lustrum.holidays(2025)["name"].tolist()
    assert lustrum.is_working_day("2022-05-05")
    assert not Calendar().is_working_day("2022-05-05")
    assert Calendar("nl-no-good-friday").is_working_day(dt.date(2022, 4, 15))
    assert Calendar("none").holidays(2022).empty
    with pytest.raises(koers.InputError) as e:
        Calendar("be")
    assert e.value.code == 504 and e.value.element == "be"


def test_working_days_and_dates_of_every_kind():
    nl = Calendar()
    assert nl.working_days("2022-01-01", "2022-12-31") == 253
    assert nl.working_days(dt.date(2022, 1, 1), pd.Timestamp("2022-12-31")) == 253
    assert nl.working_days(np.datetime64("2022-01-01"), dt.datetime(2022, 12, 31, 17, 30)) == 253
    assert Calendar("nl-no-good-friday").working_days("2022-01-01", "2022-12-31") == 254
    assert Calendar("none").working_days("2022-01-01", "2022-12-31") == 260
    # Deventer programme period (seeds/000): 175 weekdays − 5 holidays
    assert nl.working_days("2014-05-01", "2014-12-31") == 170
    assert nl.weeks("2014-05-01", "2014-12-31") == 35.0
    assert nl.weeks("2022-01-01", "2022-12-31", exact=True) == Fraction(365, 7)
    assert nl.is_holiday(pd.Timestamp("2022-12-26"))
    assert nl.holiday_name("2016-05-05") == "Bevrijdingsdag / Hemelvaartsdag"
    assert nl.holiday_name("2016-05-06") is None


def test_hours_green_belts():
    nl = Calendar()
    assert nl.hours("2022-01-01", "2022-12-31", 4) == pytest.approx(202.4, abs=1e-12)
    assert nl.hours("2022-01-01", "2022-12-31", 4, exact=True) == Fraction(1012, 5)
    assert nl.milli_hours("2022-01-01", "2022-12-31", 4) == 202400
    assert nl.hours("2022-01-01", "2022-12-31", 15 * 4) == 3036.0  # 15 Green Belts
    assert nl.hours("2022-01-01", "2022-12-31", 4.5, exact=True) == Fraction(2277, 10)
    assert nl.hours("2022-01-01", "2022-12-31", "4,5", exact=True) == Fraction(2277, 10)
    assert nl.hours("2014-05-01", "2014-12-31", Fraction(4)) == 136.0
    for bad in (-4, "abc", float("nan"), True):
        with pytest.raises(koers.InputError):
            nl.hours("2022-01-01", "2022-12-31", bad)


def test_extra_days():
    cal = Calendar(extra_days={"2022-05-27": "Brugdag"})
    assert cal.working_days("2022-01-01", "2022-12-31") == 252
    assert cal.extra_days == [(dt.date(2022, 5, 27), "Brugdag")]
    assert Calendar(extra_days=[("2022-05-27", "Brugdag")]) == cal
    frame = pd.DataFrame({"date": [pd.Timestamp("2022-05-27")], "name": ["Brugdag"]})
    assert Calendar(extra_days=frame) == cal
    assert Calendar(extra_days=["2022-05-27"]).holiday_name("2022-05-27") == "Extra vrije dag"
    assert cal != Calendar()
    assert repr(cal) == "<Calendar 'nl' extra_days=1>"
    assert len(cal.holidays_between("2022-05-01", "2022-05-31")) == 3


@pytest.mark.parametrize("bad", ["2022-02-30", "abc", "", "2022-4-12", "2021-02-29", None, pd.NaT, 20220412])
def test_bad_dates_raise_500(bad):
    with pytest.raises(koers.InputError) as e:
        Calendar().is_working_day(bad)
    assert e.value.code == 500
    assert e.value.code == koers.Errc.invalid_date


def test_bad_period_raises_501():
    with pytest.raises(koers.InputError) as e:
        Calendar().working_days("2022-12-31", "2022-01-01")
    assert e.value.code == 501
    assert e.value.element == "2022-12-31..2022-01-01"
    with pytest.raises(koers.InputError) as e:
        Calendar().working_days("2022-02-30", "2022-12-31")
    assert e.value.code == 500
    assert e.value.element == "2022-02-30"


def test_pickle_round_trip():
    cal = Calendar("nl-liberation-lustrum", extra_days={"2022-05-27": "Brugdag", "2023-12-27": "Kerstsluiting"})
    back = pickle.loads(pickle.dumps(cal))
    assert back == cal
    assert back.variant == "nl-liberation-lustrum"
    assert back.extra_days == cal.extra_days
    assert back.working_days("2022-01-01", "2023-12-31") == cal.working_days("2022-01-01", "2023-12-31")
    err = pickle.loads(pickle.dumps(_error_of(lambda: Calendar().working_days("abc", "2022-01-01"))))
    assert isinstance(err, koers.InputError) and err.code == 500


def _error_of(f):
    try:
        f()
    except koers.KoersError as e:
        return e
    raise AssertionError("no error")


def test_selection_file_period_and_hours_per_week():
    # koers.selection: experts may give hours_per_week over a top-level period (calendar hours).
    doc = ('{"format": "koers.selection", "version": 1, "items": [{"id": "P1", "score": 1, "hours": 100}],'
           ' "experts": [{"id": "GB1", "hours_per_week": 4}, {"id": "GB2", "hours": 50}],'
           ' "period": {"start": "2022-01-01", "end": "2022-12-31", "calendar": "nl"}}')
    from koers.selection import Selection
    s = Selection.loads(doc)
    assert s.experts["hours"].to_dict() == {"GB1": 202.4, "GB2": 50.0}
    with pytest.raises(koers.InputError) as e:
        Selection.loads(doc.replace("2022-12-31", "2021-12-31"))
    assert e.value.code == 501 and e.value.element == "/period"
    with pytest.raises(koers.InputError) as e:
        Selection.loads(doc.replace(', "period"', ', "period_unused"'))
    assert e.value.code == 105 and e.value.element == "/period"  # hours_per_week needs the period
