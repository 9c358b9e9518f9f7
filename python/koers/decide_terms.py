"""The vocabulary of ``koers.decision`` problems: formats, methods, normalisations.

Its own small module so that ``koers rank --help`` can list the choices without importing
:mod:`koers.decide` (NumPy and the compiled module). :mod:`koers.decide` re-exports every name.
"""
FORMAT = "koers.decision"
VERSION = 1
METHODS = ("wsm", "topsis", "vikor", "promethee2", "spotis")
NORMALISATIONS = ("none", "vector", "minmax", "max", "sum", "scale")
PREFERENCE_FUNCTIONS = ("usual", "u-shape", "v-shape", "level", "linear", "gaussian")
WEIGHT_METHODS = ("entropy", "critic", "std", "merec", "roc", "swing", "equal")
