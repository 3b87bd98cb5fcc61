"""NumPy for Autograd Playground: the part of NumPy that tutorial scripts touch, over the playground's engine.

Arrays are engine tensors without autograd (`ndarray._t`); views share memory as in NumPy. Dtypes are float32,
float64, int64 and bool; any other dtype raises a TypeError that says so rather than silently changing the
numbers. Arithmetic follows NumPy 2's promotion (NEP 50: Python scalars are "weak", so `float32_array * 2.5`
stays float32), printing is NumPy 2.x's to the character (src/engine/numpy/format.ts), and sums, means and
variances add in NumPy's order so their printed digits match (src/engine/numpy/ops.ts). What is missing raises an
AttributeError that says the playground's NumPy is partial.

The implementation is numpy._core, cut along the real NumPy's own modules (see numpy/_core/__init__.py); this
module re-exports it, beside numpy.random (random.py) and numpy.exceptions.

Interface for the playground's other Python modules (numpy.random, sklearn, torch):
    _from_engine(js_tensor) -> ndarray
        Wraps an engine tensor (float32, float64, int64 or bool) as an array without copying: the two share
        memory from then on.
    _scalar(value, dtype_name) -> np.float64 / np.float32 / np.int64 / np.bool_ for a Python number.
    _engine_tensor_of(obj) -> engine tensor or None
        The tensor behind an ndarray (shared), or a new one for a NumPy scalar or for a sequence holding
        NumPy values (what torch.tensor needs to keep NumPy's dtypes); None for anything else.
"""

import math as _math
import sys as _sys
import types as _types

from . import exceptions  # noqa: F401  (np.exceptions.AxisError)
from ._core.numerictypes import (  # noqa: F401
    can_cast, dtype, promote_types,
)
from ._core.scalars import (  # noqa: F401
    _scalar, bool_, byte, bytes_, cdouble, complex128, complex64, complexfloating, csingle, double, False_, finfo,
    float16, float32, float64, floating, generic, half, iinfo, inexact, int16, int32, int64, int8, int_, intc,
    integer, intp, isscalar, issubdtype, longdouble, longlong, number, object_, short, signedinteger, single, str_,
    True_, ubyte, uint, uint16, uint32, uint64, uint8, uintc, uintp, unsignedinteger, ushort,
)
from ._core.multiarray import (  # noqa: F401
    _engine_tensor_of, _from_engine, array, asanyarray, asarray, ascontiguousarray, flatiter, ndarray, result_type,
)
from ._core.umath import (  # noqa: F401
    abs, absolute, add, bitwise_and, bitwise_or, bitwise_xor, ceil, cos, divide, equal, errstate, exp, expm1, fabs,
    fix, floor, floor_divide, geterr, greater, greater_equal, isfinite, isinf, isnan, less, less_equal, log, log10,
    log1p, log2, logical_and, logical_not, logical_or, logical_xor, matmul, maximum, minimum, mod, multiply,
    negative, not_equal, positive, pow, power, reciprocal, remainder, rint, seterr, sign, sin, sqrt, square,
    subtract, tan, tanh, true_divide, trunc,
)
from ._core.numeric import (  # noqa: F401
    allclose, arange, array_equal, array_equiv, copy, dot, empty, empty_like, eye, full, full_like, identity, inner,
    isclose, linspace, meshgrid, moveaxis, ones, ones_like, outer, vdot, zeros, zeros_like,
)
from ._core.shape_base import (  # noqa: F401
    atleast_1d, atleast_2d, atleast_3d, c_, column_stack, concatenate, dstack, hstack, r_, row_stack, split, stack,
    vstack,
)
from ._core.fromnumeric import (  # noqa: F401
    all, amax, amin, any, argmax, argmin, argsort, argwhere, around, average, clip, count_nonzero, cumsum, diag,
    diagonal, expand_dims, max, mean, median, min, ndim, nonzero, prod, ptp, ravel, repeat, reshape, round, round_,
    shape, size, sort, squeeze, std, sum, swapaxes, tile, trace, transpose, unique, var, where,
)
from ._core.arrayprint import (  # noqa: F401
    array_repr, array_str, get_printoptions, printoptions, set_printoptions,
)
from ._core._internal import _PARTIAL
from .lib._npyio_impl import loadtxt  # noqa: F401

__version__ = "2.4.6+playground"

# What _core defines says it lives in `numpy`, as NumPy's public objects do (np.ndarray.__module__ == "numpy"):
# reprs, pickles and help() show that name, and torch's collate and torch.tensor() test it.
for _module in [m for name, m in _sys.modules.items() if name.startswith("numpy._core.")]:
    for _obj in vars(_module).values():
        if isinstance(_obj, (type, _types.FunctionType)) and _obj.__module__ == _module.__name__:
            _obj.__module__ = "numpy"
del _module, _obj

pi = _math.pi
e = _math.e
inf = _math.inf
nan = _math.nan
euler_gamma = 0.5772156649015329
newaxis = None
little_endian = True

# np.bool is the scalar type in NumPy 2; defining it as a module global would shadow the builtin in this file.
_LAZY = {"bool": bool_}


def __getattr__(name):
    v = _LAZY.get(name)
    if v is not None:
        return v
    if name == "random":
        import importlib

        try:
            return importlib.import_module("numpy.random")
        except ModuleNotFoundError as e:
            if e.name != "numpy.random":
                raise
            raise AttributeError("module 'numpy' has no attribute 'random' (%s; numpy.random is not available)" % _PARTIAL) from None
    if name.startswith("__"):
        raise AttributeError("module 'numpy' has no attribute '%s'" % name)
    raise AttributeError("module 'numpy' has no attribute '%s' (%s)" % (name, _PARTIAL))


def __dir__():
    return sorted(set(globals()) | set(_LAZY) | {"random"})
