"""koers rank / weights / smaa / sensitivity: JSON shape, exit codes, bad files."""
import json
import pathlib

import pytest

from conftest import run_cli

ROOT = pathlib.Path(__file__).resolve().parents[2]
WB = ROOT / "python" / "koers" / "examples" / "data" / "west-betuwe-2022" / "decision.json"

# Papathanasiou & Ploskas (2018): 6 alternatives, 4 benefit criteria, w = (0.4, 0.3, 0.1, 0.2)
DOC = {"format": "koers.decision", "version": 1, "alternatives": ["A1", "A2", "A3", "A4", "A5", "A6"],
       "criteria": [{"name": f"C{j + 1}", "direction": "max", "weight": w,
                     "preference": {"function": "linear", "q": 1, "p": 2}} for j, w in enumerate([0.4, 0.3, 0.1, 0.2])],
       "scores": [[8, 7, 2, 1], [5, 3, 7, 5], [7, 5, 6, 4], [9, 9, 7, 3], [11, 10, 3, 7], [6, 9, 5, 4]],
       "method": {"name": "vikor", "v": 0.625}}


@pytest.fixture
def doc(tmp_path):
    p = tmp_path / "d.json"
    p.write_text(json.dumps(DOC))
    return p


def _json(*args):
    r = run_cli(*args, "--json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_rank_vikor(doc):
    out = _json("rank", doc)
    assert out["method"]["name"] == "vikor" and out["method"]["v"] == 0.625
    assert out["ranking"][0] == "A5"
    assert set(out["scores"]) == set(DOC["alternatives"])
    assert out["Q"] == out["scores"]
    assert {"S", "R", "Q", "compromise"} <= set(out)
    assert out["scores"]["A1"] == pytest.approx(0.640, abs=5e-4)


def test_rank_promethee_flows(doc):
    out = _json("rank", doc, "--method", "promethee2")
    assert out["phi"] == out["scores"]
    assert out["phi"]["A5"] == pytest.approx(0.70)
    assert set(out["phi_plus"]) == set(out["phi_minus"]) == set(DOC["alternatives"])


@pytest.mark.parametrize("m", ["topsis", "wsm"])
def test_rank_other_methods(doc, m):
    out = _json("rank", doc, "--method", m)
    assert len(out["ranking"]) == 6 and out["method"]["name"] == m


def test_rank_plain_text(doc):
    r = run_cli("rank", doc)
    assert r.returncode == 0 and "A5" in r.stdout


@pytest.mark.parametrize("m", ["entropy", "critic", "std", "merec"])
def test_weights(doc, m):
    out = _json("weights", doc, "--method", m)
    assert set(out["weights"]) == {"C1", "C2", "C3", "C4"}
    assert sum(out["weights"].values()) == pytest.approx(1.0)


def test_smaa(doc):
    out = _json("smaa", doc, "--samples", "2000", "--seed", "7")
    assert set(out["rank_acceptability"]) == set(DOC["alternatives"])
    assert all(len(v) == 6 for v in out["rank_acceptability"].values())
    assert set(out["confidence_factors"]) == set(DOC["alternatives"])
    assert set(out["central_weights"]) == set(DOC["alternatives"])
    again = _json("smaa", doc, "--samples", "2000", "--seed", "7", "--threads", "1")
    assert again["rank_acceptability"] == out["rank_acceptability"]


def test_smaa_ranks_and_many_alternatives(tmp_path):
    # issue 13 item 7 (6,000 alternatives, 200 samples: over 120 s and 2 GB before): the text
    # counts the 10 ranks it shows; --json asks for every rank: E119 (exit 2) beyond the cell limit,
    # unless --ranks
    m = 6_000
    d = {"format": "koers.decision", "version": 1, "alternatives": [f"a{i}" for i in range(m)],
         "criteria": [{"name": f"c{j}", "direction": "max"} for j in range(3)],
         "scores": [[(i * 7 + j * 13) % 101 for j in range(3)] for i in range(m)]}
    f = tmp_path / "many.json"
    f.write_text(json.dumps(d))
    r = run_cli("smaa", f, "--samples", "200", "--quiet")
    assert r.returncode == 0, r.stderr
    assert "ranks 1-10 of 6000" in r.stdout
    r = run_cli("smaa", f, "--samples", "200", "--json")
    assert r.returncode == 2 and "E119" in r.stderr and "Traceback" not in r.stderr  # InputError: exit 2
    out = _json("smaa", f, "--samples", "200", "--ranks", "3")
    assert len(out["rank_acceptability"]["a0"]) == 3 and len(out["holistic_acceptability"]) == m


def test_sensitivity(doc):
    out = _json("sensitivity", doc, "--method", "wsm")
    assert set(out["intervals"]) == {"C1", "C2", "C3", "C4"}
    iv = out["intervals"]["C1"]
    assert iv["lower"] <= iv["weight"] <= iv["upper"] and iv["exact"] is True


def test_west_betuwe():
    out = _json("rank", WB)
    assert len(out["ranking"]) == 36
    s = _json("smaa", WB, "--samples", "1000", "--seed", "2022")
    assert len(s["rank_acceptability"]) == 36


@pytest.mark.parametrize("text,code", [
    ("{not json", "E101"),
    (json.dumps({**DOC, "colour": "red"}), "E104"),
    (json.dumps({**DOC, "format": "koers.model"}), "E102"),
    (json.dumps({**DOC, "scores": DOC["scores"][:5]}), "E109"),
    (json.dumps({**DOC, "scores": [[1, 2, 3]] + DOC["scores"][1:]}), "E109"),
    (json.dumps(DOC).replace("[8, 7, 2, 1]", "[NaN, 7, 2, 1]"), "E110"),
    (json.dumps(DOC).replace("[8, 7, 2, 1]", "[Infinity, 7, 2, 1]"), "E110"),
])
def test_bad_files_exit_2(tmp_path, text, code):
    p = tmp_path / "bad.json"
    p.write_text(text)
    r = run_cli("rank", p, "--json")
    assert r.returncode == 2, r.stderr
    assert code in r.stderr
    assert r.stdout == ""


def test_unknown_field_names_json_path(tmp_path):
    bad = json.loads(json.dumps(DOC))
    bad["criteria"][2]["wieght"] = 1
    p = tmp_path / "bad.json"
    p.write_text(json.dumps(bad))
    r = run_cli("rank", p)
    assert r.returncode == 2 and "/criteria/2/wieght" in r.stderr


def test_domain_errors_exit_1(tmp_path):
    bad = json.loads(json.dumps(DOC))
    bad["criteria"][0]["weight"] = -0.4
    p = tmp_path / "neg.json"
    p.write_text(json.dumps(bad))
    r = run_cli("rank", p, "--json")
    assert r.returncode == 1 and "E300" in r.stderr and "C1" in r.stderr
    bad = json.loads(json.dumps(DOC))
    for c in bad["criteria"]:
        del c["weight"]
    p.write_text(json.dumps(bad))
    assert run_cli("rank", p).returncode == 1          # no weights: ranking refuses
    assert run_cli("smaa", p, "--samples", "100").returncode == 0  # SMAA samples them
    r = run_cli("rank", p, "--method", "spotis")
    assert r.returncode == 1


def test_missing_file_exit_2(tmp_path):
    r = run_cli("rank", tmp_path / "nope.json")
    assert r.returncode == 2


def test_dominated_reported(tmp_path):
    doc = {"format": "koers.decision", "version": 1, "alternatives": ["a", "b", "c"],
           "criteria": [{"name": "x", "weight": 0.5}, {"name": "y", "direction": "min", "weight": 0.5}],
           "scores": [[1, 3], [2, 3], [0, 1]]}
    p = tmp_path / "dom.json"
    p.write_text(json.dumps(doc))
    out = _json("rank", p)
    assert out["dominated"] == {"a": "b"}
    assert "a" in out["ranking"]  # reported, not refused
    r = run_cli("rank", p)
    assert r.returncode == 0 and "dominated" in r.stderr


def test_many_dominated_alternatives_are_one_line(tmp_path):
    """koers rank says once how many alternatives are dominated, not one line per alternative."""
    n = 200
    doc = {"format": "koers.decision", "version": 1, "alternatives": [f"a{i}" for i in range(n)],
           "criteria": [{"name": "x", "weight": 0.5}, {"name": "y", "weight": 0.5}],
           "scores": [[i, i] for i in range(n)]}  # each alternative dominated by the next
    p = tmp_path / "dom.json"
    p.write_text(json.dumps(doc))
    r = run_cli("rank", p)
    assert r.returncode == 0, r.stderr
    notes = [line for line in r.stderr.splitlines() if "dominated" in line]
    assert len(notes) == 1 and f"{n - 1} alternatives are dominated" in notes[0] and "196 more" in notes[0]
    assert len(_json("rank", p)["dominated"]) == n - 1


def test_rank_checks_the_format_before_the_fields_and_names_the_file(tmp_path):
    # a koers.model file is the wrong format (E102), not an unknown field /period (E104); a JSON
    # array is not a document (E106): both name the file, as every other reader does (issue 12)
    model = ROOT / "python" / "koers" / "examples" / "data" / "deventer-2014" / "model.json"
    r = run_cli("rank", model)
    assert r.returncode == 2 and "[E102]" in r.stderr and f"'{model}'" in r.stderr, r.stderr
    assert "period" not in r.stderr and "Traceback" not in r.stderr
    arr = tmp_path / "arr.json"
    arr.write_text("[1, 2]")
    for fmt in ([], ["--json"]):
        r = run_cli("rank", arr, *fmt)
        assert r.returncode == 2 and "[E106]" in r.stderr and f"'{arr}'" in r.stderr, r.stderr
        assert r.stdout == ""
    # a field problem names the file and its JSON path
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**DOC, "extra": 1}))
    r = run_cli("rank", bad)
    assert r.returncode == 2 and "[E104]" in r.stderr and f"'{bad}': /extra" in r.stderr, r.stderr
