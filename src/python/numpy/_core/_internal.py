"""What every numpy._core module shares: engine calls with NumPy's wording of the engine's errors, the
"partial NumPy" wording, and axis, shape and `out=` arguments read and reported as NumPy does."""

import builtins as _b
import operator as _operator
from types import FunctionType as _FunctionType

from _playground import bridge as _playground_bridge

from ..exceptions import AxisError as _AxisError

_new = object.__new__

_PARTIAL = "Autograd Playground's NumPy is partial: it has the arrays, math and printing tutorial scripts use"

# Engine calls with NumPy's wording of the engine's errors (MemoryError for a too-large array).
_op, _call = _playground_bridge.calls("numpy")


def _normalize_axis(axis, ndim):
    try:
        a = _operator.index(axis)
    except TypeError:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(axis).__name__) from None
    if not -ndim <= a < ndim:
        raise _AxisError(a, ndim)
    return a + ndim if a < 0 else a


def _axes(axis, ndim):
    """Normalised reduction axes (sorted), or None for all."""
    if axis is None:
        return None
    if isinstance(axis, (tuple, list)):
        out = [_normalize_axis(a, ndim) for a in axis]
        if len(set(out)) != len(out):
            raise ValueError("duplicate value in 'axis'")
        return sorted(out)
    return [_normalize_axis(axis, ndim)]


def _shape_arg(shape):
    if isinstance(shape, (list, tuple)):
        out = tuple(_operator.index(s) for s in shape)
    else:
        out = (_operator.index(shape),)
    if _b.any(s < 0 for s in out):
        raise ValueError("negative dimensions are not allowed")
    return out


def _compact_shape(shape):
    """A shape as NumPy's C code prints it: `(2,3)`, `(4,newaxis)`, `(3,)`."""
    parts = ["newaxis" if s == -1 else str(s) for s in shape]
    return "(" + ",".join(parts) + ("," if len(parts) == 1 else "") + ")"


def _pytuple(shape):
    return "(%d,)" % shape[0] if len(shape) == 1 else "(" + ", ".join(str(s) for s in shape) + ")"


def _broadcast(s1, s2):
    n = _b.max(len(s1), len(s2))
    a = (1,) * (n - len(s1)) + tuple(s1)
    b = (1,) * (n - len(s2)) + tuple(s2)
    out = []
    for x, y in zip(a, b):
        if x == y or y == 1:
            out.append(x)
        elif x == 1:
            out.append(y)
        else:
            return None
    return tuple(out)


def _no_out(out, where=True):
    if out is not None:
        raise NotImplementedError("the out= argument is not supported by Autograd Playground's NumPy")
    if where is not True:
        raise NotImplementedError("the where= argument is not supported by Autograd Playground's NumPy")


def _bind_methods(cls, holder):
    """Puts the methods `holder` defines onto `cls`, named as if its body defined them (Python's argument errors
    print "ndarray.round()"): how a module adds methods that need it to a class of a module it builds on."""
    for name, fn in vars(holder).items():
        if isinstance(fn, _FunctionType):
            fn.__qualname__ = "%s.%s" % (cls.__name__, name)
            setattr(cls, name, fn)
