"""``koers report``: the report a manager reads, as text, JSON or one self-contained HTML page.

Every section opens with its answer in one sentence, says what it reads (its source), and marks
every paragraph, table and figure with where it comes from:

- **from the plan** (``plan("Tabel 7")``): a seed's table or text, with its table number;
- **derived** (``derived("links inferred from the interventions' doel/inhoud")``): computed or
  inferred by koers, saying how;
- **illustrative** (``illustrative("costs made up to show the method")``): made-up data.

A section's ``provenance`` (in ``koers report --json``) is the weakest mark it carries:
``illustrative`` if any part is, else ``derived`` if any part is, else ``plan``.

Registering a section
---------------------
A module adds a section with the :func:`section` decorator of :mod:`koers.report_parts` and is
listed in ``koers/report_sections.py`` (that import is what registers it)::

    from .report_parts import Section, derived, plan, section

    @section("academy-2023", order=40)           # order: place in the report (10, 20, ... used)
    def academy(out, lang="en"):                  # out: folder for figures; lang: "en" or "nl"
        s = Section("academy-2023", out, lang, title=("Academy", "Academie"))
        s.source(plan("seed 005, Tabel 2"))       # what the section reads
        s.answer(s.t("3 of 12 courses are full.", "3 van de 12 cursussen zijn vol."))
        s.para(s.t("...", "..."), mark=derived("seats taken / seats offered"))
        s.table(["course", "seats"], rows, mark=plan("Tabel 2"), caption=s.t("Courses", "Cursussen"),
                align="lr")
        fig = ...                                 # a matplotlib figure made with koers.plotting
        s.figure(fig, "academy.png", caption=s.t("...", "..."), mark=plan("Tabel 2"))
        return s.result(data={...})               # data: what --json prints for the section

:meth:`Section.t` picks the English or the Dutch text. A section function that still returns the
old dict ``{"title", "text", "data", "figures"}`` keeps working (its text is shown as it is and
it is marked ``derived`` unless it gives ``provenance`` or its data says ``"illustrative": True``),
but the tests of ``tests/python/test_report.py`` ask every section for an answer, a source and
marks, so a new section should use :class:`Section`.
"""
from __future__ import annotations

import base64
import html
import inspect
import pathlib

from . import report_sections  # noqa: F401  the modules that contribute sections (importing them registers them)
from ._lazy import LazyModule
from .errors import Errc, error
from .report_parts import (_LABEL, _RANK, _SECTIONS, DERIVED, ILLUSTRATIVE, PLAN, WIDTH,  # noqa: F401  (koers.report.<name>)
                           Mark, Section, _source_text, _wrap, derived, illustrative, plan, render_text_body,
                           section, text_table, weakest)

matplotlib = LazyModule("matplotlib")  # the report draws its figures with the Agg backend


# ---- building ------------------------------------------------------------------------------

def build(out_dir, lang: str = "en") -> list[dict]:
    """Run every registered section in order (figures written under ``out_dir``); returns their
    results."""
    matplotlib.use("Agg")
    out = pathlib.Path(out_dir)
    if out.exists() and not out.is_dir():
        raise error(Errc.file_unreadable, f"cannot write the report to '{out}': it is a file, not a folder", [str(out)])
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:  # a parent that is a file, no permission, ...
        raise error(Errc.file_unreadable, f"cannot make the folder '{out}': {e.strerror}", [str(out)]) from None
    results = []
    for _, name, fn in sorted(_SECTIONS, key=lambda t: t[0]):
        takes_lang = "lang" in inspect.signature(fn).parameters
        r = fn(out, lang=lang) if takes_lang else fn(out)
        r.setdefault("name", name)
        r.setdefault("title", name)
        r.setdefault("answer", "")
        r.setdefault("source", [])
        r.setdefault("blocks", [])
        r.setdefault("provenance", ILLUSTRATIVE if (r.get("data") or {}).get("illustrative") else DERIVED)
        results.append(r)
    return results


# ---- text ----------------------------------------------------------------------------------

def render_text(sections: list[dict]) -> str:
    """The whole text report (each line at most :data:`WIDTH` characters)."""
    out = []
    for s in sections:
        title = s.get("title", s["name"])
        out += _wrap(title)
        out.append("=" * min(len(title), WIDTH))
        body = s.get("text", "").rstrip()
        for line in body.split("\n"):
            out += _wrap(line) if len(line) > WIDTH else [line]
        if not s.get("blocks"):
            for f in s.get("figures", []):
                out += _wrap(f"  figure: {f}")
        out.append("")
    return "\n".join(out)


# ---- JSON ----------------------------------------------------------------------------------

def to_json(sections: list[dict], out_dir) -> dict:
    """The ``koers report --json`` object: per section name, title, answer, provenance
    (plan/derived/illustrative), the marks of its parts, data and figures."""
    res = []
    for s in sections:
        marks = [m for m in s.get("source", []) if isinstance(m, Mark)] + \
                [b["mark"] for b in s.get("blocks", [])]
        res.append({"name": s["name"], "title": s.get("title", s["name"]), "answer": s.get("answer", ""),
                    "provenance": s.get("provenance", DERIVED),
                    "source": _source_text(s, s.get("lang", "en")),
                    "marks": [{"part": b["type"], **({"caption": b["caption"]} if b.get("caption") else {}),
                               **b["mark"].to_dict()} for b in s.get("blocks", [])],
                    "provenance_kinds": sorted({m.kind for m in marks}, key=_RANK.__getitem__),
                    "data": s.get("data", {}), "figures": [str(f) for f in s.get("figures", [])]})
    return {"out": str(pathlib.Path(out_dir).resolve()), "sections": res}


# ---- HTML ----------------------------------------------------------------------------------

_CSS = """
body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:64rem;margin:0 auto;padding:1rem 1.5rem;
color:#1a1a1a;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin-top:2.4rem;border-bottom:2px solid #0072B2}
.lead{color:#444}.answer{font-size:1.1rem;font-weight:bold;background:#eef5fb;padding:.5rem .8rem;
border-left:4px solid #0072B2}.source{color:#444;font-size:.9rem}
.mark{display:inline-block;font-size:.78rem;padding:0 .4rem;border-radius:.6rem;margin-left:.3rem;
white-space:normal;font-weight:normal}
.mark-plan{background:#dff0d8;color:#1b5e20}.mark-derived{background:#e3ecf7;color:#0b3d6b}
.mark-illustrative{background:#fdebd3;color:#8a4b00;border:1px dashed #c77700}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{border-bottom:1px solid #ddd;padding:.25rem .6rem;vertical-align:top;text-align:left;
overflow-wrap:break-word}
th{background:#f4f4f4;cursor:pointer}td.r,th.r{text-align:right;white-space:nowrap}
figure{margin:1rem 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
figcaption{font-size:.9rem;color:#333}nav ol{columns:2}
.legend span{margin-right:.6rem}
"""

_SORT_JS = """
document.querySelectorAll("table.sortable th").forEach(function(th,i){th.addEventListener("click",function(){
var t=th.closest("table"),b=t.tBodies[0],r=Array.from(b.rows),d=th.dataset.dir==="a"?-1:1;th.dataset.dir=d>0?"a":"d";
r.sort(function(x,y){var p=x.cells[i].dataset.v||x.cells[i].textContent,q=y.cells[i].dataset.v||y.cells[i].textContent;
var a=parseFloat(p),c=parseFloat(q);return(isNaN(a)||isNaN(c)?p.localeCompare(q):a-c)*d;});
r.forEach(function(x){b.appendChild(x);});});});
"""


def _sort_key(text: str) -> str:
    """A numeric sort key for '€ 1.234,56', '70 %', '12' (empty when the cell is not a number)."""
    s = text.replace("€", "").replace("%", "").replace("h", "").strip()
    s = s.replace(".", "").replace(",", ".") if "," in s else s
    try:
        return repr(float(s.split()[0])) if s else ""
    except (ValueError, IndexError):
        return ""


def _mark_html(m: Mark, lang: str) -> str:
    return f'<span class="mark mark-{m.kind}">{html.escape(m.label(lang))}</span>'


def _block_html(b: dict, lang: str) -> str:
    esc = html.escape
    mark = _mark_html(b["mark"], lang)
    if b["type"] == "para":
        return f"<p>{esc(b['text'])} {mark}</p>"
    if b["type"] == "table":
        al = b.get("align", "")
        cls = (lambda j: ' class="r"' if j < len(al) and al[j] == "r" else "")
        head = "".join(f"<th{cls(j)} scope=\"col\">{esc(h)}</th>" for j, h in enumerate(b["header"]))
        body = []
        for r in b["rows"]:
            cells = []
            for j, c in enumerate(r):
                k = _sort_key(c) if j < len(al) and al[j] == "r" else ""
                cells.append(f"<td{cls(j)}" + (f' data-v="{k}"' if k else "") + f">{esc(c)}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        cap = f"<caption>{esc(b.get('caption', ''))} {mark}</caption>"
        return (f'<table class="sortable">{cap}<thead><tr>{head}</tr></thead><tbody>'
                + "".join(body) + "</tbody></table>")
    if b["type"] == "figure":
        path = pathlib.Path(b["path"])
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        mime = "image/svg+xml" if path.suffix == ".svg" else "image/png"
        return (f'<figure><img src="data:{mime};base64,{data}" alt="{esc(b.get("alt") or b["caption"])}">'
                f"<figcaption>{esc(b['caption'])} {mark}</figcaption></figure>")
    return ""


def render_html(sections: list[dict], lang: str = "nl") -> str:
    """One self-contained HTML page (figures embedded as PNG data; no network; a small script
    only sorts tables)."""
    esc = html.escape
    nl = lang == "nl"
    title = "koers — rapport" if nl else "koers — report"
    lead = ("Wat de voorbeeldplannen zeggen, wat koers eruit afleidt en wat alleen ter illustratie is. "
            "Elk getal, elke tabel en elke figuur zegt waar het vandaan komt:"
            if nl else "What the example plans say, what koers derives from them and what is only illustrative. "
                       "Every number, table and figure says where it comes from:")
    legend = " ".join(_mark_html(Mark(k, ""), lang) for k in (PLAN, DERIVED, ILLUSTRATIVE))
    explain = (" uit het plan = een tabel of tekst van het plan (met tabelnummer); afgeleid = door koers berekend "
               "of afgeleid (met hoe); illustratief = verzonnen gegevens om de methode te tonen."
               if nl else " from the plan = a table or text of the plan (with its table number); derived = computed "
                          "or inferred by koers (saying how); illustrative = made-up data to show the method.")
    parts = [f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
             f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{esc(title)}</title>\n'
             f"<style>{_CSS}</style>\n</head>\n<body>\n<header><h1>{esc(title)}</h1>\n"
             f'<p class="lead">{esc(lead)}</p><p class="legend">{legend}{esc(explain)}</p>\n']
    parts.append("<nav><h2>" + ("Inhoud" if nl else "Contents") + "</h2><ol>" + "".join(
        f'<li><a href="#{esc(s["name"])}">{esc(s.get("title", s["name"]))}</a> '
        f'{_mark_html(Mark(s.get("provenance", DERIVED)), lang)}</li>' for s in sections) + "</ol></nav></header>\n<main>\n")
    for s in sections:
        parts.append(f'<section id="{esc(s["name"])}">\n<h2>{esc(s.get("title", s["name"]))}</h2>\n')
        if s.get("answer"):
            parts.append(f'<p class="answer">{esc(s["answer"])}</p>\n')
        src = [m for m in s.get("source", []) if isinstance(m, Mark)]
        if src:
            parts.append('<p class="source">' + ("Bron: " if nl else "Source: ")
                         + " ".join(_mark_html(m, lang) for m in src) + "</p>\n")
        if s.get("blocks"):
            parts.extend(_block_html(b, lang) + "\n" for b in s["blocks"])
        else:  # a section in the old form: its text as it is
            parts.append(f"<pre>{esc(s.get('text', ''))}</pre>\n")
            for f in s.get("figures", []):
                parts.append(_block_html({"type": "figure", "path": f, "caption": pathlib.Path(f).name,
                                          "mark": Mark(s.get("provenance", DERIVED))}, lang) + "\n")
        parts.append("</section>\n")
    parts.append(f"</main>\n<script>{_SORT_JS}</script>\n</body>\n</html>\n")
    return "".join(parts)
