import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared():
    """The ../shared folder beside the repository (seeds and data, read in place)."""
    return SHARED


@pytest.fixture
def root():
    return ROOT


def run_cli(*args, cwd=None):
    """Run the koers command in a subprocess with this interpreter; returns CompletedProcess."""
    import subprocess
    return subprocess.run([sys.executable, "-m", "koers.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd)
