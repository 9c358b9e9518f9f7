"""Sub-commands of the koers command for this area (see koers.cli)."""
from __future__ import annotations


def register(sub) -> None:
    """Add this area's sub-commands to the koers parser."""
