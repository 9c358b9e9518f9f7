"""The academy event log from Python and the ``koers academy`` command (issue 8 §3-4).

Test vectors: the West Betuwe report (seed 004, "Stand van zaken per: 23-6-2022"; Leercafé
2022; HR-gesprekscyclus) reproduced by the embedded illustrative logs; the bad-input list of
the issue."""
import json
import pathlib
import pickle
import shutil
from fractions import Fraction

import pandas as pd
import pytest

import koers
from conftest import run_cli

ACADEMY = koers.examples.path("west-betuwe-2022", "academy")
#: the nine figures of the report on 23-6-2022 (seed 004), as koers academy --json prints them
REPORTED = {"kinds_of_training": 9, "registrations_total": 61, "runs_started": 6,
            "participants_in_started_runs": 25, "avg_participants_per_started_run": "4.17",
            "avg_participants_per_started_run_exact": "25/6", "runs_planned_in_2022": 47,
            "participants_cancelled": 21, "participants_cancelled_by_self": 9, "runs_cancelled": 10}


@pytest.fixture
def log_dir(tmp_path):
    """A writable copy of the Academie log."""
    d = tmp_path / "log"
    shutil.copytree(ACADEMY, d)
    return d


def test_the_nine_figures_of_23_june_2022():
    log = koers.academy.load(ACADEMY)
    k = log.kpis(as_of="2022-06-23")
    assert dict(k) == REPORTED
    assert k.exact == Fraction(25, 6)
    assert k.year == 2022
    assert log.errors.empty
    assert log.first_event.isoformat() == "2022-04-12"  # the launch


def test_examples_load_reaches_the_academy_log():
    log = koers.examples.load("west-betuwe-2022", "academy")
    assert isinstance(log, koers.academy.AcademyLog)
    assert dict(log.kpis("2022-06-23")) == REPORTED
    assert koers.examples.academy_logs("west-betuwe-2022") == ["academy", "gesprek-workshops-2021", "leercafe-2022"]


def test_leercafe_and_gesprek_workshops():
    lc = koers.examples.load("west-betuwe-2022", "leercafe-2022")
    k = lc.kpis("2022-03-10")
    reported_workshops = 17  # the report says 17 and lists 15
    assert k["runs_started"] == 15 and reported_workshops - k["runs_started"] == 2
    assert k.employees_in_started_runs == 171
    ev = lc.evaluations("2022-03-10")
    assert round(float(ev.mean), 1) == 7.7
    assert ev.forms == 128
    by_course = lc.kpis_by("course", "2022-03-10")
    assert by_course.loc[by_course["title"] == "De Zes Denkhoeden", "participants_in_started_runs"].item() == 20
    gw = koers.examples.load("west-betuwe-2022", "gesprek-workshops-2021")
    g = gw.kpis("2021-11-08")
    assert (g["runs_started"], g.online_runs_started, g.employees_in_started_runs) == (18, 3, 147)


def test_weekly_timeseries_matches_the_kpis_each_week():
    log = koers.academy.load(ACADEMY)
    ts = log.timeseries(freq="W", year=2022)
    assert (ts.index.dayofweek == 6).all()  # Sundays
    assert ts.index[0] == pd.Timestamp("2022-04-17")
    assert ts.index[-1] >= pd.Timestamp(log.last_event)
    for when in ts.index:
        k = log.kpis(when, 2022).to_series()
        row = ts.loc[when]
        for name in k.index:
            assert row[name] == pytest.approx(k[name], nan_ok=True), (when, name)
    assert ts["registrations_total"].is_monotonic_increasing
    at = log.timeseries(dates=["2022-06-23"], year=2022)
    assert at.iloc[0]["runs_planned_in_2022"] == 47


def test_per_course_kind_fill_and_cancellation_rates():
    log = koers.academy.load(ACADEMY)
    kinds = log.kpis_by("kind", "2022-06-23")
    assert set(kinds.index) == {"Persoonlijk leiderschap", "Effectief werken", "Algemene kennis"}
    assert kinds["kinds_of_training"].sum() == 9
    assert kinds["registrations_total"].sum() == 61
    assert kinds["runs_started"].sum() == 6
    courses = log.kpis_by("course", "2022-06-23")
    assert courses.loc[10, "kinds_of_training"] == 0  # M365: no run yet
    fill = log.fill_rates("2022-06-23")
    started = fill[fill["status"] == "started"]
    assert started["participants"].sum() == 25
    assert (started["fill_rate_exact"] == started["participants"].map(Fraction) / started["capacity"].astype(int)).all()
    canc = log.cancellation_rates("2022-06-23")
    assert canc["cancelled"].sum() == 21 and canc["cancelled_by_self"].sum() == 9
    assert canc["registrations"].sum() == 61


def test_evaluations_flags():
    log = koers.academy.load(ACADEMY)
    ev = log.evaluations("2022-06-23")
    assert ev.unevaluated_runs == [6]  # the two-day Persoonlijk leiderschap of 16 June
    low_runs = ev.low[ev.low["level"] == "run"]
    assert "3" in set(low_runs["key"])  # the venue of Presenteren met impact
    assert ev.by_run.loc[3, "location_mean"] < 6
    assert set(ev.by_trainer.index) >= {"Bureau Kompas", "Bureau Meander", "Bureau Linge"}
    assert "forms=" in repr(ev)


def test_load_from_dataframes_equals_the_folder():
    frames = {n: pd.read_csv(ACADEMY / f"{n}.csv", keep_default_na=False, dtype=str)
              for n in ("courses", "runs", "registrations", "cancellations", "evaluations")}
    frames["registrations"]["registered_on"] = pd.to_datetime(frames["registrations"]["registered_on"])
    frames["runs"] = frames["runs"][list(reversed(frames["runs"].columns))]  # another column order
    log = koers.academy.load(frames)
    assert dict(log.kpis("2022-06-23")) == REPORTED
    assert koers.academy.load(**frames).kpis("2022-06-23") == REPORTED
    with pytest.raises(koers.InputError) as e:
        koers.academy.load(courses=frames["courses"])
    assert "runs" in str(e.value)
    # a numeric column from pandas (ids as int, capacity as float with NaN) reads as text
    runs = pd.read_csv(ACADEMY / "runs.csv")
    assert runs["capacity"].dtype.kind in "if"
    assert dict(koers.academy.load({**frames, "runs": runs}).kpis("2022-06-23")) == REPORTED


def test_pickle_and_repr():
    log = koers.academy.load(ACADEMY)
    r = repr(log)
    assert "runs=59" in r and "errors=0" in r and "2022-04-12" in r
    again = pickle.loads(pickle.dumps(log))
    assert dict(again.kpis("2022-06-23")) == REPORTED
    assert len(again.registrations) == len(log.registrations)
    k = log.kpis("2022-06-23")
    k2 = pickle.loads(pickle.dumps(k))
    assert k2 == k and k2.exact == Fraction(25, 6) and "runs_started=6" in repr(k2)


def test_row_errors_are_listed_and_strict_refuses(log_dir):
    with open(log_dir / "registrations.csv", "a", encoding="utf-8") as f:
        f.write("9001,9999,5,2022-05-01\n")       # unknown run
        f.write("9002,1,5,2022-02-30\n")          # no such date
        f.write(",1,5,2022-05-01\n")              # blank id
    log = koers.academy.load(log_dir)
    assert list(log.errors["reason"]) == ["unknown_run_id", "invalid_date", "blank_id"]
    assert list(log.errors["field"]) == ["run_id", "registered_on", "registration_id"]
    assert dict(log.kpis("2022-06-23")) == REPORTED  # nothing valid lost
    with pytest.raises(koers.InputError) as e:
        koers.academy.load(log_dir, strict=True)
    assert e.value.code == koers.Errc.log_refused

    r = run_cli("academy", log_dir, "--as-of", "2022-06-23", "--json")
    assert r.returncode == 1, r.stderr
    out = json.loads(r.stdout)
    assert out["kpis"] == REPORTED
    n = len(pd.read_csv(ACADEMY / "registrations.csv"))
    assert out["errors"] == [
        {"file": "registrations.csv", "row": n + 1, "field": "run_id", "reason": "unknown_run_id"},
        {"file": "registrations.csv", "row": n + 2, "field": "registered_on", "reason": "invalid_date"},
        {"file": "registrations.csv", "row": n + 3, "field": "registration_id", "reason": "blank_id"}]
    assert "registrations.csv, row" in r.stderr and "Traceback" not in r.stderr

    r = run_cli("academy", log_dir, "--as-of", "2022-06-23", "--strict", "--json")
    assert r.returncode == 1
    assert json.loads(r.stdout)["kpis"] is None
    assert "E705" in r.stderr


def test_cli_example_and_year():
    r = run_cli("academy", "--example", "west-betuwe-2022", "--as-of", "2022-06-23", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"kpis": REPORTED, "errors": []}
    r = run_cli("academy", "--example", "west-betuwe-2022", "--as-of", "2022-06-23", "--year", "2023", "--json")
    kpis = json.loads(r.stdout)["kpis"]
    assert kpis["runs_planned_in_2023"] == 2 and "runs_planned_in_2022" not in kpis
    r = run_cli("academy", "--example", "west-betuwe-2022", "--as-of", "2022-06-23")
    assert r.returncode == 0 and "runs_planned_in_2022" in r.stdout and "4.17" in r.stdout


@pytest.mark.parametrize("case", ["bad_year", "missing_file", "missing_column", "not_utf8", "empty_file", "malformed",
                                  "before_launch", "bad_as_of", "no_dir", "both_sources", "no_source"])
def test_cli_bad_input_exit_2(log_dir, case):
    args = [log_dir, "--as-of", "2022-06-23", "--json"]
    expect = {"missing_file": "E100", "missing_column": "E701", "not_utf8": "E118", "empty_file": "E702",
              "malformed": "E700", "before_launch": "E706", "bad_as_of": "E500", "no_dir": "E100"}.get(case)
    if case == "bad_year":
        args += ["--year", "-5"]
    elif case == "missing_file":
        (log_dir / "runs.csv").unlink()
    elif case == "missing_column":
        (log_dir / "cancellations.csv").write_text("registration_id,cancelled_on\n", encoding="utf-8")
    elif case == "not_utf8":
        (log_dir / "courses.csv").write_bytes("course_id,title,kind\n1,Caf\xe9,x\n".encode("latin-1"))
    elif case == "empty_file":
        (log_dir / "courses.csv").write_bytes(b"")
    elif case == "malformed":
        (log_dir / "courses.csv").write_text('course_id,title,kind\n1,"open quote,x\n', encoding="utf-8")
    elif case == "before_launch":
        args[2] = "2022-04-11"
    elif case == "bad_as_of":
        args[2] = "2022-02-30"
    elif case == "no_dir":
        args[0] = log_dir / "nope"
    elif case == "both_sources":
        args += ["--example", "west-betuwe-2022"]
    elif case == "no_source":
        args = args[1:]
    r = run_cli("academy", *args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    if expect:
        assert expect in r.stderr
    if case in ("missing_column", "not_utf8", "empty_file"):
        assert ".csv" in r.stderr


def test_python_bad_input():
    log = koers.academy.load(ACADEMY)
    with pytest.raises(koers.InputError) as e:
        log.kpis("2022-04-11")
    assert e.value.code == koers.Errc.as_of_before_launch
    with pytest.raises(koers.InputError):
        log.kpis("2022-02-30")
    with pytest.raises(koers.InputError):
        log.kpis_by("team", "2022-06-23")
    with pytest.raises(koers.InputError):
        koers.academy.load(42)


def test_the_json_path_works_without_pandas():
    """As the other commands' JSON paths (issue 10): pandas and matplotlib unimportable."""
    import subprocess
    import sys
    code = ("import sys\nsys.modules['pandas'] = None\nsys.modules['matplotlib'] = None\n"
            "from koers.cli import main\nrc = main(['academy', '--example', 'west-betuwe-2022', "
            "'--as-of', '2022-06-23', '--json'])\nsys.stdout.flush()\nsys.exit(rc)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-3000:]
    assert json.loads(out.stdout) == {"kpis": REPORTED, "errors": []}


def test_report_section(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    from koers import report_academy
    r = report_academy.west_betuwe_academy(tmp_path)
    assert "ILLUSTRATIVE" in r["text"] and r["data"]["illustrative"] is True
    assert r["data"]["academy"]["computed"] == r["data"]["academy"]["reported"]
    assert r["data"]["leercafe"]["computed"] == {"workshops": 15, "colleagues": 171, "average_rating": 7.7}
    assert all(pathlib.Path(f).stat().st_size > 10_000 for f in r["figures"])
    json.dumps(r["data"])


def test_plot_speaks_the_language_asked():
    # the report's Dutch page draws the academy figure with Dutch words (axes, legend, title)
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    log = koers.academy.load(ACADEMY)
    for lang, people, first in (("en", "people", "registrations (cumulative)"),
                                ("nl", "personen", "aanmeldingen (cumulatief)")):
        fig, ax = plt.subplots()
        log.plot(freq="W", year=2022, ax=ax, lang=lang)
        assert ax.get_ylabel() == people
        assert ax.get_legend().get_texts()[0].get_text() == first
        plt.close(fig)
    with pytest.raises(koers.InputError, match="lang must be one of en, nl"):
        log.plot(lang="de")
