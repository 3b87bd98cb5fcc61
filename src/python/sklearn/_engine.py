"""Engine calls for the data generators: arrays are built from engine tensors and become ndarrays at the end.

The generators only need a handful of array operations (matmul, concatenation, row/column selection), which the
engine already has; doing them here keeps each step's arithmetic identical to NumPy's (float64, one rounding per
operation) without depending on more of the ndarray surface than `numpy._from_engine`.
"""

from pyodide.ffi import to_js as _to_js

from _playground.bridge import calls as _calls
from _playground_host import binding as E

import numpy as _np

# The generators draw through numpy.random, so the engine's errors read as numpy.random's.
op, _call = _calls("numpy.random")


def draw(fn_name, random_state, *args):
    """One numpy.random draw on a RandomState, as an engine tensor (`npr_uniform`, `npr_standard_normal`, ...)."""
    return _call(getattr(E, fn_name), random_state._rs, *args)


def uniform(random_state, *shape):
    return draw("npr_uniform", random_state, 0.0, 1.0, *shape)


def permutation(random_state, n):
    return draw("npr_permutation", random_state, n)


def randint_scalar(random_state, low, high):
    return int(_call(E.npr_randint_scalar, random_state._rs, low, high, "int64"))


def values(t):
    """The tensor's elements in row-major order as a Python list."""
    return E.tolist_flat(t).to_py().tolist()


def tensor(flat, dtype, *shape):
    return _call(E.from_values, _to_js(list(flat)), dtype, *shape)


def zeros(dtype, *shape):
    return _call(E.full, 0, dtype, *shape)


def ndarray(t):
    return _np._from_engine(op("contiguous", t))
