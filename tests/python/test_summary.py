"""Model.summary(): every analysis in plain values, the same that `koers analyse --json` prints."""
import json
import subprocess
import sys

import koers


def test_summary_is_what_analyse_json_prints():
    m = koers.examples.load("deventer-2014")
    s = m.summary()
    # Source: seed 000, ch. 3 (three developments) and Tabel 7 (986.822,62 in three streams)
    assert s["counts"]["development"] == 3
    assert s["total_budget_cents"] == 98682262 == sum(s["budgets_cents"].values())
    assert set(s["budgets_cents"]) == {"stream.strategisch", "stream.functioneel", "stream.persoonlijk"}
    assert s["valid"] is True
    assert s["gaps"] == m.gaps()
    out = subprocess.run([sys.executable, "-m", "koers.cli", "analyse", "--example", "deventer-2014", "--json"],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == json.loads(json.dumps(s))
