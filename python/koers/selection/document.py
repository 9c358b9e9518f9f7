"""The ``koers.selection`` document: its format name and version (a dict crosses to C++ as JSON
values, ``_core.selection_from_dict``, read by the reader of files)."""
from __future__ import annotations


_FORMAT = "koers.selection"
_VERSION = 1
