"""Arrays from shapes and ranges (zeros, ones, full, the *_like family, arange, linspace, eye, meshgrid),
products (dot, inner, outer) and whole-array comparisons (isclose, allclose, array_equal)."""

import builtins as _b
import math as _math
import operator as _operator

from _playground_host import binding as _E

from ..exceptions import AxisError as _AxisError
from ._internal import _bind_methods, _broadcast, _call, _compact_shape, _normalize_axis, _op, _shape_arg
from . import _methods  # noqa: F401  (binds ndarray's reductions)
from .multiarray import _check_creation, _from_flat, _subok, _full0, _in_order, _js_number, _wrap, asarray, ndarray
from .numerictypes import _F64, _I64, _dtype, _promote, _py_dtype
from .scalars import float64, generic
from .umath import absolute, equal, isfinite, isnan, less_equal, matmul, multiply


def _filled(shape, value, d):
    return _wrap(_call(_E.full, _js_number(value, d), d.name, *_shape_arg(shape)), d)


def zeros(shape, dtype=float, order="C", *, device=None, like=None):
    _check_creation(order, device, like)
    return _in_order(_filled(shape, 0, _dtype(dtype)), order)


def ones(shape, dtype=None, order="C", *, device=None, like=None):
    _check_creation(order, device, like)
    return _in_order(_filled(shape, 1, _dtype(dtype)), order)


def empty(shape, dtype=float, order="C", *, device=None, like=None):
    # NumPy leaves the memory uninitialised; the playground gives zeros.
    _check_creation(order, device, like)
    return _in_order(_filled(shape, 0, _dtype(dtype)), order)


def full(shape, fill_value, dtype=None, order="C", *, device=None, like=None):
    _check_creation(order, device, like)
    if isinstance(fill_value, (ndarray, list, tuple)):
        v = asarray(fill_value)
        out = zeros(shape, v.dtype if dtype is None else dtype, order)
        out[...] = v
        return out
    if dtype is None:
        d = type(fill_value)._dtype_obj if isinstance(fill_value, generic) else _py_dtype(fill_value)
    else:
        d = _dtype(dtype)
    return _in_order(_filled(shape, fill_value._py() if isinstance(fill_value, generic) else fill_value, d), order)


def _like(a, fill_value, dtype, order, subok, shape, device):
    _subok(subok)
    _check_creation(order, device)
    a = asarray(a)
    r = full(a.shape if shape is None else shape, fill_value, a.dtype if dtype is None else dtype)
    return _in_order(r, order, a if shape is None else None)


def zeros_like(a, dtype=None, order="K", subok=True, shape=None, *, device=None):
    return _like(a, 0, dtype, order, subok, shape, device)


def ones_like(a, dtype=None, order="K", subok=True, shape=None, *, device=None):
    return _like(a, 1, dtype, order, subok, shape, device)


def empty_like(a, dtype=None, order="K", subok=True, shape=None, *, device=None):
    return _like(a, 0, dtype, order, subok, shape, device)


def full_like(a, fill_value, dtype=None, order="K", subok=True, shape=None, *, device=None):
    return _like(a, fill_value, dtype, order, subok, shape, device)


def _pynum(v):
    return v._py() if isinstance(v, generic) else v


def arange(start, stop=None, step=None, dtype=None, *, device=None, like=None):
    _check_creation(None, device, like)
    if stop is None:
        start, stop = 0, start
    if step is None:
        step = 1
    vals = [_pynum(v) for v in (start, stop, step)]
    for v in vals:
        if not isinstance(v, (int, float)):
            raise TypeError("unsupported operand type for arange: '%s'" % type(v).__name__)
    start, stop, step = vals
    if dtype is None:
        d = _F64 if _b.any(type(v) is float for v in vals) else _I64
        for v in (start, stop, step):
            if isinstance(v, generic):
                d = _promote(d, v.dtype)
    else:
        d = _dtype(dtype)
    if step == 0:
        raise ZeroDivisionError("division by zero")
    length = (stop - start) / step
    if length != length:
        raise ValueError("arange: cannot compute length")
    length = _b.max(0, _math.ceil(length))
    second = start + step
    return _wrap(_call(_E.np_arange, _js_number(start, _F64), _js_number(second, _F64), length, d.name), d)


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0, *, device=None):
    _check_creation(None, device)
    # Scalar endpoints make a 1-d result, whose only axis is 0 (or -1).
    if not -1 <= _operator.index(axis) <= 0:
        raise _AxisError(axis, 1, "destination")
    num = _operator.index(num)
    if num < 0:
        raise ValueError("Number of samples, %d, must be non-negative." % num)
    start, stop = _pynum(start), _pynum(stop)
    if not isinstance(start, (int, float)) or not isinstance(stop, (int, float)):
        raise NotImplementedError("linspace with array endpoints is not supported by Autograd Playground's NumPy")
    d = _F64 if dtype is None else _dtype(dtype)
    y = _wrap(_call(_E.np_linspace, float(start), float(stop), num, bool(endpoint), d.name), d)
    if retstep:
        div = num - 1 if endpoint else num
        return y, float64((float(stop) - float(start)) / div if div > 0 else _math.nan)
    return y


def eye(N, M=None, k=0, dtype=float, order="C", *, device=None, like=None):
    _check_creation(order, device, like)
    d = _dtype(dtype)
    m = N if M is None else M
    if k == 0:
        return _in_order(_wrap(_call(_E.eye, _operator.index(N), _operator.index(m), d.name), d), order)
    flat = [0] * (N * m)
    for i in range(N):
        j = i + k
        if 0 <= j < m:
            flat[i * m + j] = 1
    return _in_order(_from_flat(flat, (N, m), d), order)


def identity(n, dtype=None, *, like=None):
    return eye(n, dtype=float if dtype is None else dtype, like=like)


def meshgrid(*xi, copy=True, sparse=False, indexing="xy"):
    if indexing not in ("xy", "ij"):
        raise ValueError("Valid values for `indexing` are 'xy' and 'ij'.")
    arrs = [asarray(x).ravel() for x in xi]
    nd = len(arrs)
    shapes = [[1] * nd for _ in arrs]
    for i, a in enumerate(arrs):
        shapes[i][i] = a.size
    if indexing == "xy" and nd > 1:
        shapes[0][0], shapes[0][1] = 1, arrs[0].size
        shapes[1][0], shapes[1][1] = arrs[1].size, 1
    out = [a.reshape(s) for a, s in zip(arrs, shapes)]
    if sparse:
        return tuple(o.copy() if copy else o for o in out)
    full_shape = [1] * nd
    for s in shapes:
        full_shape = [_b.max(p, q) for p, q in zip(full_shape, s)]
    return tuple(_wrap(_op("clone", _op("expand", o._t, *full_shape)), o.dtype) for o in out)


def copy(a, order="K", subok=False):
    _subok(subok)
    a = asarray(a)
    return _in_order(a.copy(), order, a)


def dot(a, b, out=None):
    if out is None:
        return _dot(a, b)
    if type(out) is not ndarray:
        raise TypeError("'out' must be an array")
    r = asarray(_dot(a, b))
    # NumPy's dot writes into out directly: it must be the result's dtype, dims and a C array.
    if out.dtype is not r.dtype or out.ndim != r.ndim or not out._t.isContiguous():
        raise ValueError("output array is not acceptable (must have the right datatype, number of dimensions, and be a C-Array)")
    if out.shape != r.shape:
        raise ValueError("output array has wrong dimensions")
    _op("copy_", out._t, r._t)
    return out


def _dot(a, b):
    a = a if type(a) is ndarray else asarray(a)
    b = b if type(b) is ndarray else asarray(b)
    if a.ndim == 0 or b.ndim == 0:
        return multiply(a if a.ndim else a[()], b if b.ndim else b[()])
    if b.ndim <= 2:
        k_b = b.shape[0] if b.ndim == 1 else b.shape[-2]
        if a.shape[-1] != k_b:
            raise ValueError(
                "shapes %s and %s not aligned: %d (dim %d) != %d (dim %d)"
                % (_compact_shape(a.shape), _compact_shape(b.shape), a.shape[-1], a.ndim - 1, k_b, 0 if b.ndim == 1 else b.ndim - 2)
            )
        return matmul(a, b)
    # N-D · M-D: sum over a's last axis and b's second-to-last.
    if a.shape[-1] != b.shape[-2]:
        raise ValueError(
            "shapes %s and %s not aligned: %d (dim %d) != %d (dim %d)"
            % (_compact_shape(a.shape), _compact_shape(b.shape), a.shape[-1], a.ndim - 1, b.shape[-2], b.ndim - 2)
        )
    k = a.shape[-1]
    bm = moveaxis(b, -2, 0).reshape(k, -1)
    r = matmul(a.reshape(-1, k), bm)
    return r.reshape(a.shape[:-1] + b.shape[:-2] + b.shape[-1:])


vdot = lambda a, b: dot(asarray(a).ravel(), asarray(b).ravel())


def inner(a, b):
    a, b = asarray(a), asarray(b)
    if a.ndim == 0 or b.ndim == 0:
        return multiply(a, b)
    return matmul(a, b.swapaxes(-1, -2) if b.ndim > 1 else b)


def outer(a, b, out=None):
    a = asarray(a).ravel()
    b = asarray(b).ravel()
    return multiply(a.reshape(-1, 1), b.reshape(1, -1), out=out)


def moveaxis(a, source, destination):
    a = asarray(a)
    nd = a.ndim
    src = _normalize_axis(source, nd)
    dst = _normalize_axis(destination, nd)
    order = [i for i in range(nd) if i != src]
    order.insert(dst, src)
    return a.transpose(order)


def isclose(a, b, rtol=1.0e-5, atol=1.0e-8, equal_nan=False):
    x = a if isinstance(a, (int, float)) else asarray(a)
    y = b if isinstance(b, (int, float)) else asarray(b)
    if isinstance(y, ndarray) and y.dtype._rank < 2:
        y = y.astype(_F64)
    elif type(y) is int:
        y = float(y)
    xa = x if isinstance(x, ndarray) else _full0(x, _py_dtype(x))
    ya = y if isinstance(y, ndarray) else _full0(y, _F64)
    diff = absolute(xa - ya)
    result = (asarray(less_equal(diff, atol + rtol * absolute(ya))) & asarray(isfinite(ya))) | asarray(equal(xa, ya))
    if equal_nan:
        result = asarray(result) | (asarray(isnan(xa)) & asarray(isnan(ya)))
    return result if isinstance(result, generic) else result[()] if result.ndim == 0 else result


def allclose(a, b, rtol=1.0e-5, atol=1.0e-8, equal_nan=False):
    return bool(asarray(isclose(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan)).all())


def array_equal(a1, a2, equal_nan=False):
    try:
        a, b = asarray(a1), asarray(a2)
    except Exception:
        return False
    if a.shape != b.shape:
        return False
    eq = a == b
    if equal_nan:
        eq = asarray(eq) | (asarray(isnan(a)) & asarray(isnan(b)))
    return bool(asarray(eq).all())


def array_equiv(a1, a2):
    a, b = asarray(a1), asarray(a2)
    if _broadcast(a.shape, b.shape) is None:
        return False
    return bool(asarray(a == b).all())


class _NdarrayMethods:
    """ndarray's method that is this module's function, bound onto ndarray below (see fromnumeric's)."""

    def dot(self, b, out=None):
        return dot(self, b, out)


_bind_methods(ndarray, _NdarrayMethods)
