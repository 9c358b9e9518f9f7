"""Imports every module that adds a section to ``koers report``."""
from . import report_model  # noqa: F401  Deventer strategy graph (order 10)
from . import report_grl  # noqa: F401  GRL evaluation of the Deventer strategies
from . import report_budget  # noqa: F401  Deventer budget and a what-if (order 20)
from . import report_decide  # noqa: F401  West Betuwe process priorities (order 30)
from . import report_academy  # noqa: F401  West Betuwe Academie, Leercafé, gesprek workshops (order 40)
