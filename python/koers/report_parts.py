"""What a ``koers report`` section is made of: the provenance marks (:func:`plan`,
:func:`derived`, :func:`illustrative`), :class:`Section` and the :func:`section` decorator that
registers one, and a section's text. The report itself (building, text, JSON, HTML) is
:mod:`koers.report`; the modules that contribute sections import this one, never the report."""
from __future__ import annotations

import pathlib
import textwrap
from typing import NamedTuple

from ._lazy import LazyModule

plotting = LazyModule("koers.plotting")  # matplotlib only when a section draws a figure

_SECTIONS = []  # (order, name, function)

WIDTH = 100  # no line of the text report is wider
PLAN, DERIVED, ILLUSTRATIVE = "plan", "derived", "illustrative"
_RANK = {PLAN: 0, DERIVED: 1, ILLUSTRATIVE: 2}
_LABEL = {"en": {PLAN: "from the plan", DERIVED: "derived", ILLUSTRATIVE: "illustrative"},
          "nl": {PLAN: "uit het plan", DERIVED: "afgeleid", ILLUSTRATIVE: "illustratief"}}


class Mark(NamedTuple):
    """Where a number, table or figure comes from: ``kind`` plan/derived/illustrative and a note
    (the table number; how it was derived; what is made up)."""
    kind: str
    note: str = ""

    def label(self, lang: str = "en") -> str:
        head = _LABEL["nl" if lang == "nl" else "en"][self.kind]
        return f"{head}: {self.note}" if self.note else head

    def to_dict(self) -> dict:
        return {"kind": self.kind, "note": self.note}


def plan(ref: str) -> Mark:
    """From the plan (a seed's table or text): ``ref`` names it, e.g. "Tabel 7"."""
    return Mark(PLAN, ref)


def derived(how: str) -> Mark:
    """Computed or inferred by koers: ``how`` says how."""
    return Mark(DERIVED, how)


def illustrative(what: str) -> Mark:
    """Made-up data to show the method: ``what`` says which."""
    return Mark(ILLUSTRATIVE, what)


def weakest(marks) -> str:
    """The provenance of a whole: the weakest of its marks (plan < derived < illustrative)."""
    kinds = [m.kind for m in marks] or [DERIVED]
    return max(kinds, key=_RANK.__getitem__)


def section(name: str, order: int):
    """Register a report section (see the module's documentation)."""
    def deco(fn):
        _SECTIONS.append((order, name, fn))
        return fn
    return deco


class Section:
    """Builds one section: answer, source, and blocks (paragraphs, tables, figures), each with
    its :class:`Mark`; :meth:`result` gives the dict ``koers report`` renders."""

    def __init__(self, name: str, out, lang: str = "en", title: tuple[str, str] | str = ""):
        self.name = name
        self.out = pathlib.Path(out)
        self.lang = "nl" if lang == "nl" else "en"
        self.title = self.t(*title) if isinstance(title, tuple) else title
        self._answer = ""
        self._source: list[Mark] = []
        self.blocks: list[dict] = []
        self.figures: list[pathlib.Path] = []

    def t(self, en: str, nl: str) -> str:
        """The text in the report's language."""
        return nl if self.lang == "nl" else en

    def answer(self, sentence: str) -> None:
        self._answer = sentence

    def source(self, *marks: Mark) -> None:
        """What the section reads (each a mark: the plan's tables, the example's files)."""
        self._source.extend(marks)

    def para(self, text: str, mark: Mark) -> None:
        self.blocks.append({"type": "para", "text": text, "mark": mark})

    def table(self, header, rows, mark: Mark, caption: str = "", align: str = "") -> None:
        """A table of text cells (numbers already in people's words); ``align``: one letter per
        column, l or r. Cells are wrapped in the text report, never cut."""
        rows = [[str(c) for c in r] for r in rows]
        self.blocks.append({"type": "table", "header": [str(h) for h in header], "rows": rows, "mark": mark,
                            "caption": caption, "align": align or "l" * len(header)})

    def figure(self, fig, filename: str, caption: str, mark: Mark, alt: str = "") -> pathlib.Path:
        """Caption ``fig`` with its mark (inside the canvas) and save it as ``out/filename``."""
        plotting.caption(fig, f"{mark.label(self.lang)}")
        path = plotting.save(fig, self.out / filename)
        self.blocks.append({"type": "figure", "path": path, "caption": caption, "mark": mark,
                            "alt": alt or caption})
        self.figures.append(path)
        return path

    def marks(self) -> list[Mark]:
        return self._source + [b["mark"] for b in self.blocks]

    def result(self, data: dict | None = None) -> dict:
        r = {"name": self.name, "title": self.title, "answer": self._answer, "lang": self.lang,
             "source": [m for m in self._source], "provenance": weakest(self.marks()),
             "blocks": self.blocks, "data": data or {}, "figures": list(self.figures)}
        r["text"] = render_text_body(r)
        return r


# ---- text ----------------------------------------------------------------------------------

def _wrap(text: str, indent: str = "", width: int = WIDTH) -> list[str]:
    out = []
    for par in str(text).split("\n"):
        out.extend(textwrap.wrap(par, width, initial_indent=indent, subsequent_indent=indent + "  ",
                                 break_long_words=True, break_on_hyphens=False) or [""])
    return out


def _source_text(r: dict, lang: str) -> str:
    marks = r.get("source") or []
    return "; ".join(m.label(lang) if isinstance(m, Mark) else str(m) for m in marks)


def text_table(header, rows, align: str = "", indent: str = "  ", width: int = WIDTH) -> list[str]:
    """A table as text lines no wider than ``width``: columns shrink (widest first) and their
    cells wrap onto more lines; nothing is cut."""
    n = len(header)
    align = (align or "l" * n).ljust(n, "l")
    cols = [[header[j]] + [r[j] for r in rows] for j in range(n)]
    w = [max(len(c) for c in col) for col in cols]
    room = width - len(indent) - 2 * (n - 1)
    floor = [min(w[j], max(8, max((len(word) for c in cols[j] for word in c.split()), default=1)))
             for j in range(n)]
    floor = [min(f, 30) for f in floor]
    while sum(w) > room:
        j = max(range(n), key=lambda k: w[k] - floor[k])
        if w[j] <= floor[j]:
            break
        w[j] -= 1

    def cell(text, j):
        return textwrap.wrap(text, w[j], break_long_words=True, break_on_hyphens=False) or [""]

    lines = []
    for k, row in enumerate([header] + rows):
        parts = [cell(row[j], j) for j in range(n)]
        for i in range(max(len(p) for p in parts)):
            seg = [(p[i] if i < len(p) else "") for p in parts]
            lines.append((indent + "  ".join(s.rjust(w[j]) if align[j] == "r" else s.ljust(w[j])
                                              for j, s in enumerate(seg))).rstrip())
        if k == 0:
            lines.append(indent + "  ".join("-" * w[j] for j in range(n)))
    return lines


def render_text_body(r: dict) -> str:
    """A section's body as text (answer, source, blocks with their marks)."""
    lang = r.get("lang", "en")
    t = (lambda en, nl: nl if lang == "nl" else en)
    lines = []
    if r.get("answer"):
        lines += _wrap(t("Answer: ", "Antwoord: ") + r["answer"])
    src = _source_text(r, lang)
    if src:
        lines += _wrap(t("Source: ", "Bron: ") + src)
    for b in r.get("blocks", []):
        mark = f" [{b['mark'].label(lang)}]"
        lines.append("")
        if b["type"] == "para":
            lines += _wrap(b["text"] + mark)
        elif b["type"] == "table":
            if b.get("caption"):
                lines += _wrap(b["caption"] + mark)
            else:
                lines += _wrap(mark.strip())
            lines += text_table(b["header"], b["rows"], b.get("align", ""))
        elif b["type"] == "figure":
            lines += _wrap(t("Figure: ", "Figuur: ") + f"{b['path']} — {b['caption']}{mark}")
    return "\n".join(lines)
