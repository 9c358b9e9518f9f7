"""The ``koers.selection`` document: its format name, version and JSON text."""
from __future__ import annotations

import json

from ..errors import Errc, error


_FORMAT = "koers.selection"
_VERSION = 1


def _dumps(data) -> str:
    try:
        return json.dumps(data, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise error(Errc.wrong_type, f"selection is not JSON-serialisable: {e}", ["/"]) from None


# ---------------------------------------------------------------------------------------------
