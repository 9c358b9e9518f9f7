"""Every notebook runs top to bottom (an error cell fails the test), and every figure it shows
keeps all its text inside the canvas (koers.plotting.text_outside: matplotlib's tight bounding
boxes against the figure size, checked as the figure is rendered for display)."""
import json
import pathlib

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((pathlib.Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))

# runs first in the kernel: wraps the canvas's print_figure, which every displayed figure goes through
CHECK_FIRST = """
import matplotlib.backend_bases as _bb
from koers import plotting as _kp
_koers_clipped, _koers_figures = [], []
_koers_print = _bb.FigureCanvasBase.print_figure
def _koers_checked(self, *a, **k):
    _koers_figures.append(getattr(self.figure, "_koers_title", "") or (self.figure.axes[0].get_title() if self.figure.axes else ""))
    _koers_clipped.extend(_kp.text_outside(self.figure))
    return _koers_print(self, *a, **k)
_bb.FigureCanvasBase.print_figure = _koers_checked
"""
CHECK_LAST = """
import json as _json
print("KOERS-CHECK " + _json.dumps({"clipped": _koers_clipped, "figures": _koers_figures}))
"""


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 1


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path):
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(CHECK_FIRST))
    nb.cells.append(nbformat.v4.new_code_cell(CHECK_LAST))
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    # every notebook ends on something a manager can read: a table or a plot
    outputs = [o for c in nb.cells[1:-1] if c.cell_type == "code" for o in c.get("outputs", [])]
    pngs = [o for o in outputs if "image/png" in o.get("data", {})]
    assert pngs
    assert any("text/html" in o.get("data", {}) for o in outputs)
    # every figure shown went through the check, and none has text outside its canvas
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("name") == "stdout")
    check = json.loads(text.split("KOERS-CHECK ", 1)[1])
    assert len(check["figures"]) >= len(pngs)
    assert check["clipped"] == []
