"""NumPy's functions over one array that are also ndarray methods or work along axes: reshaping (transpose,
reshape, squeeze, ...), where and nonzero, clip, around, reductions (sum, mean, var, max, argmax, median, ...),
sorting and unique, diagonals, repeat and tile."""

import builtins as _b
import operator as _operator

from _playground_host import binding as _E

from ..exceptions import AxisError as _AxisError
from ._internal import _bind_methods, _call, _no_out, _normalize_axis, _op
from .multiarray import _cast, _from_flat, _js_number, _result, _values, _wrap, array, asarray, ndarray
from .numerictypes import _B, _F64, _I64
from .numeric import arange, ones_like, zeros
from .scalars import float64, generic
from .shape_base import concatenate, stack
from .umath import _UFuncOutputCastingError, _operand, _result_dtype, _tensor_of, _ufunc2, _ufunc_operand, subtract


def swapaxes(a, axis1, axis2):
    return asarray(a).swapaxes(axis1, axis2)


def transpose(a, axes=None):
    return asarray(a).transpose(axes)


def reshape(a, shape=None, order="C", *, newshape=None, copy=None):
    return asarray(a).reshape(shape if shape is not None else newshape, order=order)


def ravel(a, order="C"):
    return asarray(a).ravel()


def squeeze(a, axis=None):
    return asarray(a).squeeze(axis)


def expand_dims(a, axis):
    a = asarray(a)
    axes = axis if isinstance(axis, (tuple, list)) else (axis,)
    nd = a.ndim + len(axes)
    norm = sorted(_normalize_axis(x, nd) for x in axes)
    shape = list(a.shape)
    for x in norm:
        shape.insert(x, 1)
    return a.reshape(shape)


def where(condition, x=None, y=None, /):
    if x is None and y is None:
        return nonzero(condition)
    if x is None or y is None:
        raise ValueError("either both or neither of x and y should be given")
    c = asarray(condition)
    p = _operand(x)
    q = _operand(y)
    if p is None or q is None:
        raise TypeError("where() arguments must be arrays or numbers")
    d = _result_dtype(p, q)
    r = _op("where", c._t, _tensor_of(p, d), False, _tensor_of(q, d), False)
    return _result(r, d)


def nonzero(a):
    a = asarray(a)
    if a.ndim == 0:
        raise ValueError(
            "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead. If the context "
            "of this error is of the form `arr[nonzero(cond)]`, just use `arr[cond]`."
        )
    mask = a if a.dtype is _B else (a != 0)
    flat_idx = arange(a.size)[mask.ravel()]
    out = []
    rest = flat_idx
    for dim in reversed(a.shape[1:]):
        out.append(rest % dim)
        rest = rest // dim
    out.append(rest)
    return tuple(reversed(out))


def argwhere(a):
    idx = nonzero(a)
    return stack(idx, axis=1) if idx else zeros((0, 0), int)


def count_nonzero(a, axis=None, *, keepdims=False):
    a = asarray(a)
    return (a != 0).sum(axis=axis, keepdims=keepdims)


def clip(a, a_min=None, a_max=None, out=None, *, min=None, max=None, **kwargs):
    _no_out(out)
    if min is not None:
        a_min = min
    if max is not None:
        a_max = max
    if a_min is None and a_max is None:
        raise ValueError("One of max or min must be given")
    r = a if type(a) is ndarray else asarray(a)
    if a_min is not None:
        r = _ufunc2(r, a_min, "maximum", keep0d=True)
        r = _wrap(*r)
    if a_max is not None:
        r = _ufunc2(r, a_max, "minimum", keep0d=True)
        r = _wrap(*r)
    return r[()] if r.ndim == 0 else r


def around(a, decimals=0, out=None):
    """np.round: half to even, `rint(a * 10**decimals) / 10**decimals` in the array's dtype as NumPy computes it."""
    x = _ufunc_operand(a)
    decimals = _operator.index(decimals)
    d = x.dtype
    if d is _B:
        if decimals != 0:
            raise _UFuncOutputCastingError(
                "Cannot cast ufunc '%s' output from dtype('float64') to dtype('bool') with casting rule 'same_kind'"
                % ("multiply" if decimals > 0 else "divide")
            )
        # NumPy rounds bools in float16, which the playground lacks; float64 holds the same 0s and 1s.
        return _result(_cast(x, _F64), _F64)
    if d._rank < 2:
        if decimals >= 0:
            return _result(_op("clone", x._t), _I64 if d is _B else d) if x.ndim else x[()]
        f = 10 ** (-decimals)
        r = (x.astype(_F64) / f).__array__()
        r = _wrap(_op("round", r._t), _F64) * f
        return asarray(r).astype(d)[()] if asarray(r).ndim == 0 else asarray(r).astype(d)
    if decimals == 0:
        return _result(_op("round", x._t), d)
    if decimals > 0:
        f = 10.0**decimals
        y = _ufunc2(x, f, "mul", keep0d=True)
        y = _op("round", y[0])
        return _result(_op("div", y, _js_number(f, d), False), d)
    f = 10.0 ** (-decimals)
    y = _ufunc2(x, f, "div", keep0d=True)
    y = _op("round", y[0])
    return _result(_op("mul", y, _js_number(f, d), False), d)


round = round_ = around


def sum(a, axis=None, dtype=None, out=None, keepdims=False, initial=0, where=True):
    return _ufunc_operand(a).sum(axis, dtype, out, keepdims, initial, where)


def mean(a, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
    return _ufunc_operand(a).mean(axis, dtype, out, keepdims, where)


def average(a, axis=None, weights=None, returned=False, *, keepdims=False):
    a = asarray(a)
    if weights is None:
        r = a.mean(axis, keepdims=keepdims)
        n = a.size if axis is None else a.size // asarray(r).size
        return (r, float64(n)) if returned else r
    w = asarray(weights)
    if w.shape != a.shape:
        if axis is None or w.ndim != 1:
            raise TypeError("Axis must be specified when shapes of a and weights differ.")
        ax = _normalize_axis(axis, a.ndim)
        w = w.reshape((-1,) + (1,) * (a.ndim - 1 - ax))
    scl = (w * ones_like(a)).sum(axis, keepdims=keepdims)
    r = (a * w).sum(axis, keepdims=keepdims) / scl
    return (r, scl) if returned else r


def var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None):
    return _ufunc_operand(a).var(axis, dtype, out, ddof, keepdims, where=where, correction=correction)


def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None):
    return _ufunc_operand(a).std(axis, dtype, out, ddof, keepdims, where=where, correction=correction)


def max(a, axis=None, out=None, keepdims=False, initial=None, where=True):
    return _ufunc_operand(a).max(axis, out, keepdims)


def min(a, axis=None, out=None, keepdims=False, initial=None, where=True):
    return _ufunc_operand(a).min(axis, out, keepdims)


amax = max
amin = min


def argmax(a, axis=None, out=None, *, keepdims=False):
    return _ufunc_operand(a).argmax(axis, keepdims=keepdims)


def argmin(a, axis=None, out=None, *, keepdims=False):
    return _ufunc_operand(a).argmin(axis, keepdims=keepdims)


def prod(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
    return _ufunc_operand(a).prod(axis, dtype, out, keepdims)


def cumsum(a, axis=None, dtype=None, out=None):
    return _ufunc_operand(a).cumsum(axis, dtype)


def any(a, axis=None, out=None, keepdims=False, *, where=True):
    return _ufunc_operand(a).any(axis, out, keepdims)


def all(a, axis=None, out=None, keepdims=False, *, where=True):
    return _ufunc_operand(a).all(axis, out, keepdims)


def ptp(a, axis=None, out=None, keepdims=False):
    a = asarray(a)
    return subtract(a.max(axis, keepdims=keepdims), a.min(axis, keepdims=keepdims))


def median(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    a = asarray(a)
    if axis is None:
        a = a.ravel()
        axis = 0
    ax = _normalize_axis(axis, a.ndim)
    s = sort(a, ax)
    n = a.shape[ax]
    lo = (n - 1) // 2
    hi = n // 2
    take_lo = [slice(None)] * a.ndim
    take_hi = [slice(None)] * a.ndim
    take_lo[ax] = slice(lo, lo + 1)
    take_hi[ax] = slice(hi, hi + 1)
    r = mean(concatenate([s[tuple(take_lo)], s[tuple(take_hi)]], ax), axis=ax, keepdims=True)
    r = asarray(r)
    if not keepdims:
        r = r.squeeze(ax)
    return r[()] if r.ndim == 0 else r


def _sorted(a, axis):
    a = asarray(a)
    if axis is None:
        a = a.ravel()
        axis = 0
    if a.ndim == 0:
        raise _AxisError(axis, 0)
    r = _call(_E.np_sort, a._t, _normalize_axis(axis, a.ndim))
    return _wrap(r[0], a.dtype), _wrap(r[1], _I64)


def sort(a, axis=-1, kind=None, order=None, *, stable=None):
    return _sorted(a, axis)[0]


def argsort(a, axis=-1, kind=None, order=None, *, stable=None):
    return _sorted(a, axis)[1]


def unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None, *, equal_nan=True, sorted=True):
    if axis is not None:
        raise NotImplementedError("np.unique(axis=...) is not supported by Autograd Playground's NumPy")
    a = asarray(ar)
    vals, order = _sorted(a, None)
    v = _values(vals)
    idx = _values(order)
    firsts = []
    for i, x in enumerate(v):
        if i == 0:
            firsts.append(0)
            continue
        prev = v[i - 1]
        same = x == prev or (equal_nan and x != x and prev != prev)
        if not same:
            firsts.append(i)
    uniq = _from_flat([v[i] for i in firsts], (len(firsts),), a.dtype)
    if not (return_index or return_inverse or return_counts):
        return uniq
    out = [uniq]
    bounds = firsts + [len(v)]
    if return_index:
        out.append(_from_flat([idx[i] for i in firsts], (len(firsts),), _I64))
    if return_inverse:
        inv = [0] * len(v)
        for k in range(len(firsts)):
            for i in range(bounds[k], bounds[k + 1]):
                inv[idx[i]] = k
        out.append(_from_flat(inv, a.shape if a.ndim > 1 else (len(v),), _I64))
    if return_counts:
        out.append(_from_flat([bounds[k + 1] - bounds[k] for k in range(len(firsts))], (len(firsts),), _I64))
    return tuple(out)


def diagonal(a, offset=0, axis1=0, axis2=1):
    a = asarray(a)
    if a.ndim != 2:
        raise NotImplementedError("np.diagonal of a %d-d array is not supported by Autograd Playground's NumPy" % a.ndim)
    n, m = a.shape
    rows = [i for i in range(n) if 0 <= i + offset < m]
    if not rows:
        return zeros(0, a.dtype)
    return a[array(rows), array([i + offset for i in rows])]


def diag(v, k=0):
    v = asarray(v)
    if v.ndim == 1:
        n = v.size + _b.abs(k)
        out = zeros((n, n), v.dtype)
        i = arange(v.size)
        if k >= 0:
            out[i, i + k] = v
        else:
            out[i - k, i] = v
        return out
    return diagonal(v, k)


def trace(a, offset=0):
    return diagonal(a, offset).sum()


def repeat(a, repeats, axis=None):
    a = asarray(a)
    if axis is None:
        a = a.ravel()
        axis = 0
    ax = _normalize_axis(axis, a.ndim)
    n = a.shape[ax]
    reps = [repeats] * n if isinstance(repeats, int) else [int(r) for r in asarray(repeats).tolist()]
    idx = [i for i in range(n) for _ in range(reps[i])]
    sel = [slice(None)] * a.ndim
    sel[ax] = _from_flat(idx, (len(idx),), _I64)
    return a[tuple(sel)]


def tile(A, reps):
    a = asarray(A)
    reps = (reps,) if isinstance(reps, int) else tuple(reps)
    nd = _b.max(a.ndim, len(reps))
    a = a.reshape((1,) * (nd - a.ndim) + a.shape)
    reps = (1,) * (nd - len(reps)) + reps
    return _wrap(_op("repeat", a._t, *reps), a.dtype)


def shape(a):
    return asarray(a).shape


def ndim(a):
    return asarray(a).ndim


def size(a, axis=None):
    a = asarray(a)
    return a.size if axis is None else a.shape[axis]


class _NdarrayMethods:
    """ndarray's methods that are this module's functions, bound onto ndarray below (multiarray, which this module
    builds on, cannot import them)."""

    def round(self, decimals=0, out=None):
        return around(self, decimals)

    def clip(self, min=None, max=None, out=None, **kwargs):
        return clip(self, min, max)

    def nonzero(self):
        return nonzero(self)

    def argsort(self, axis=-1, kind=None, order=None, *, stable=None):
        return argsort(self, axis)

    def sort(self, axis=-1, kind=None, order=None, *, stable=None):
        self[...] = sort(self, axis)

    def trace(self, offset=0):
        return diagonal(self, offset).sum()

    def diagonal(self, offset=0):
        return diagonal(self, offset)

    def repeat(self, repeats, axis=None):
        return repeat(self, repeats, axis)


class _ScalarMethods:
    """The same for the scalar types: `round(np.float64(2.25), 1)`, `np.float32(2.5).round()`."""

    def __round__(self, ndigits=None):
        if ndigits is None:
            return int(_b.round(self._py()))
        return around(self, ndigits)

    def round(self, decimals=0):
        return around(self, decimals)


_bind_methods(ndarray, _NdarrayMethods)
_bind_methods(generic, _ScalarMethods)
