"""Learning time (issue 8 §2): entitlement from a roster DataFrame or CSV, demand against supply,
expert capacity with leave, and the koers entitlement command.

Rules from the Deventer plan §4.1 (seeds/000): 12 days a year full time, managers half a day a
month more. Figures by hand (same as tests/cpp/learning/test_entitlement.cpp): 2022 has 253 working
days in "nl"; July-December 2022 130; a full-time (36 h) employee 12 x 7.2 = 86.4 h, a manager
18 x 7.2 = 129.6 h, 18 h/week 12 x 3.6 = 43.2 h.
"""
import datetime as dt
import json
from fractions import Fraction

import pandas as pd
import pytest

import koers
from koers import learning
from conftest import run_cli


def _roster(**extra):
    d = {"employee_id": [1, 2, 3], "team": ["Burgerzaken", "Burgerzaken", "Financien"],
         "role": ["manager", "employee", "employee"], "hours_per_week": [36, 18, "36"],
         "start_date": ["2010-01-01", pd.Timestamp("2010-01-01"), dt.date(2022, 7, 1)],
         "end_date": [None, float("nan"), ""],
         "target_groups": ["tg.leidinggevende", ["tg.klantcontact"], "tg.klantcontact; tg.schrijvers"]}
    d.update(extra)
    return pd.DataFrame(d)


def test_entitlement_from_a_dataframe():
    e = koers.entitlement(_roster(), year=2022)
    people = e.people
    assert people["hours_exact"].tolist() == [Fraction(648, 5), Fraction(216, 5), Fraction(11232, 253)]
    assert people["days_exact"].tolist() == [18, 12, Fraction(1560, 253)]
    assert people["management_hours_exact"].tolist() == [Fraction(216, 5), 0, 0]
    assert people["working_days_year"].tolist() == [253] * 3
    assert people["working_days_employed"].tolist() == [253, 253, 130]
    assert people["target_groups"].tolist() == [["tg.leidinggevende"], ["tg.klantcontact"],
                                                ["tg.klantcontact", "tg.schrijvers"]]
    teams = e.teams.set_index("team")
    assert teams.loc["Burgerzaken", "hours_exact"] == Fraction(864, 5)
    assert teams.loc["Burgerzaken", "fte_exact"] == Fraction(3, 2)
    assert teams.loc["Burgerzaken", "managers"] == 1
    groups = e.target_groups.set_index("target_group")
    assert groups.loc["tg.klantcontact", "people"] == 2
    assert groups.loc["tg.klantcontact", "hours_exact"] == Fraction(216, 5) + Fraction(11232, 253)
    assert e.total["hours_exact"].iloc[0] == Fraction(648, 5) + Fraction(216, 5) + Fraction(11232, 253)
    assert e.errors.empty


def test_several_years_and_other_rules():
    e = koers.entitlement(_roster(), year=[2021, 2022])
    assert e.total["year"].tolist() == [2021, 2022]
    assert e.total["people"].tolist() == [2, 3]  # person 3 starts in July 2022
    lu = koers.entitlement(_roster(), year=2022, holidays="nl-lustrum")
    assert lu.people["share_exact"].iloc[2] == Fraction(130, 255)
    cao = koers.entitlement(_roster(), year=2022, days_per_month="1.5", manager_extra_days_per_month=0)
    assert cao.people["days_exact"].iloc[0] == 18 and cao.people["management_days_exact"].iloc[0] == 0


def test_row_errors_and_strict():
    bad = _roster(employee_id=[1, "x", 1], hours_per_week=[36, 18, -4])
    e = koers.entitlement(bad, year=2022)
    assert e.errors[["row", "field", "reason"]].values.tolist() == [[2, "employee_id", "invalid_id"],
                                                                    [3, "hours_per_week", "invalid_hours"]]
    assert len(e.people) == 1
    with pytest.raises(koers.InputError) as ex:
        koers.entitlement(bad, year=2022, strict=True)
    assert ex.value.code == koers.Errc.invalid_roster
    with pytest.raises(koers.InputError) as ex:
        koers.entitlement(_roster().drop(columns=["role"]), year=2022)
    assert ex.value.code == koers.Errc.missing_column
    with pytest.raises(koers.InputError) as ex:
        koers.entitlement(_roster(), year=2022, holidays="be")
    assert ex.value.code == koers.Errc.unknown_holiday_rules
    for y in ("2022", 2022.0, True, None):
        with pytest.raises(koers.InputError):
            koers.entitlement(_roster(), year=y)
    with pytest.raises(koers.InputError) as ex:
        koers.entitlement(_roster(), year=1200)
    assert ex.value.code == koers.Errc.invalid_date


def test_columns_by_name_in_any_order():
    r = _roster()
    e1 = koers.entitlement(r, year=2022).people["hours_exact"].tolist()
    e2 = koers.entitlement(r[list(reversed(r.columns))], year=2022).people["hours_exact"].tolist()
    assert e1 == e2


def test_to_dict_strings_exact():
    d = koers.entitlement(_roster(), year=2022).to_dict()
    assert d["year"] == 2022 and d["holidays"] == "nl" and d["working_days_year"] == 253
    assert d["people"][0]["hours"] == "129.60" and d["people"][0]["hours_exact"] == "648/5"
    assert d["people"][2]["hours"] == "44.40" and d["people"][2]["hours_exact"] == "11232/253"
    assert d["errors"] == []
    json.dumps(d)


def test_expert_capacity_and_leave():
    cap = learning.expert_capacity(15, "2022-01-01", "2022-12-31", "4")
    assert cap["hours_exact"].sum() == 3036
    assert cap["expert"].tolist()[:2] == ["GB01", "GB02"]
    leave = pd.DataFrame({"employee_id": ["GB01"], "start_date": ["2022-07-18"], "end_date": ["2022-07-29"]})
    cap = learning.expert_capacity(15, "2022-01-01", "2022-12-31", 4, leave=leave)
    assert cap.loc[0, "leave_days"] == 10 and cap.loc[0, "hours_exact"] == Fraction(972, 5)
    project = learning.expert_capacity(15, "2021-08-01", "2023-07-31", 4)
    assert project.loc[0, "working_days"] == 508
    with pytest.raises(koers.InputError) as ex:
        learning.expert_capacity(2, "2022-01-01", "2022-12-31", 4, leave=leave.assign(employee_id=["GB09"]))
    assert ex.value.code == koers.Errc.unknown_employee


def test_selection_with_leave_keeps_the_plain_file_working():
    path = koers.examples.path("west-betuwe-2022", "selection.json")
    plain = koers.Selection.load(path)
    assert plain.experts["hours"].tolist() == [202.4] * 15
    leave = pd.DataFrame({"employee_id": ["GB01", "GB01"], "start_date": ["2022-07-18", "2022-07-25"],
                          "end_date": ["2022-07-29", "2022-07-29"]})
    s = learning.selection_with_leave(path, leave)
    assert s.experts["hours"].tolist() == [194.4] + [202.4] * 14
    with pytest.raises(koers.InputError) as ex:
        learning.selection_with_leave(path, leave.assign(employee_id=["GB01", "Jan"]))
    assert ex.value.code == koers.Errc.unknown_employee and "row 2" in str(ex.value)


def test_entitlement_command(tmp_path):
    r = run_cli("entitlement", "--example", "deventer-2014", "--year", "2014", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["total"]["people"] == 1150 and out["total"]["managers"] == 95 and out["errors"] == []
    assert out["working_days_year"] == 253
    p = tmp_path / "roster.csv"
    p.write_bytes("\ufeffteam,employee_id,role,hours_per_week,start_date\r\n"
                  "\"Burgerzaken, balie\",1,manager,36,2010-01-01\r\n"
                  "B,2,employee,-4,2010-01-01\r\n".encode("utf-8"))
    r = run_cli("entitlement", p, "--year", "2022", "--json")
    assert r.returncode == 1
    out = json.loads(r.stdout)
    assert out["people"][0]["team"] == "Burgerzaken, balie" and out["people"][0]["hours_exact"] == "648/5"
    assert out["errors"] == [{"file": "roster.csv", "row": 2, "field": "hours_per_week", "reason": "invalid_hours"}]
    assert "Traceback" not in r.stderr
    assert run_cli("entitlement", p, "--year", "2022", "--strict", "--json").returncode == 1
    assert run_cli("entitlement", tmp_path / "missing.csv", "--year", "2022").returncode == 2
    assert run_cli("entitlement", p, "--year", "20x2").returncode == 2
    assert run_cli("entitlement", p, "--year", "2022", "--holidays", "xx").returncode == 2
    q = tmp_path / "nocol.csv"
    q.write_text("employee_id,team\n1,A\n")
    r = run_cli("entitlement", q, "--year", "2022")
    assert r.returncode == 2 and "E701" in r.stderr and "Traceback" not in r.stderr
    e = tmp_path / "empty.csv"
    e.write_text("")
    r = run_cli("entitlement", e, "--year", "2022")
    assert r.returncode == 2 and "E702" in r.stderr
    b = tmp_path / "latin1.csv"
    b.write_bytes("employee_id,team,role,hours_per_week,start_date\n1,Financiën,employee,36,2010-01-01\n".encode("latin-1"))
    r = run_cli("entitlement", b, "--year", "2022")
    assert r.returncode == 2 and "E118" in r.stderr


def test_select_with_a_leave_table():
    sel = koers.examples.path("west-betuwe-2022", "selection.json")
    leave = koers.examples.path("west-betuwe-2022", "leave.csv")
    plain = json.loads(run_cli("select", sel, "--json").stdout)
    r = run_cli("select", sel, "--leave", leave, "--json")
    assert r.returncode == 0, r.stderr
    net = json.loads(r.stdout)
    expected = learning.expert_capacity(15, "2022-01-01", "2022-12-31", 4, leave=leave)["hours_exact"].sum()
    assert net["hours_available"] == pytest.approx(float(expected), abs=1e-9) and net["hours_available"] < plain["hours_available"]
