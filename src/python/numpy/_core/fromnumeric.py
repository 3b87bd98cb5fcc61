"""NumPy's functions over one array that are also ndarray methods or work along axes: reshaping (transpose,
reshape, squeeze, ...), where and nonzero, clip, around, reductions (sum, mean, var, max, argmax, median, ...),
sorting and unique, diagonals, repeat and tile."""

import builtins as _b
import operator as _operator

from _playground_host import binding as _E

from ..exceptions import AxisError as _AxisError
from ._internal import _bind_methods, _call, _normalize_axis, _op
from ._methods import _reduced_out
from .multiarray import _cast, _from_flat, _js_number, _result, _values, _wrap, array, asarray, ndarray
from .numerictypes import _B, _F64, _I64
from .numeric import arange, ones_like, zeros
from .scalars import float64, generic
from .shape_base import concatenate, stack
from .umath import _UFuncOutputCastingError, _apply, _operand, _result_dtype, _tensor_of, _ufunc2, _ufunc_operand, _write, subtract


def swapaxes(a, axis1, axis2):
    return asarray(a).swapaxes(axis1, axis2)


def transpose(a, axes=None):
    return asarray(a).transpose(axes)


def reshape(a, shape=None, order="C", *, newshape=None, copy=None):
    return asarray(a).reshape(shape if shape is not None else newshape, order=order, copy=copy)


def ravel(a, order="C"):
    return asarray(a).ravel(order)


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


def clip(a, a_min=None, a_max=None, out=None, *, min=None, max=None, where=True, casting="same_kind", order="K", dtype=None, subok=True, signature=None):
    """np.clip: NumPy 2's clip ufunc, with the keywords every ufunc takes."""
    if min is not None:
        a_min = min
    if max is not None:
        a_max = max
    if a_min is None and a_max is None:
        raise ValueError("One of max or min must be given")
    return _apply("clip", _clip, (a, a_min, a_max), out, where, casting, order, dtype, subok, signature)


def _clip(a, a_min, a_max):
    r = a if type(a) is ndarray else asarray(a)
    if a_min is not None:
        r = _ufunc2(r, a_min, "maximum", keep0d=True)
        r = _wrap(*r)
    if a_max is not None:
        r = _ufunc2(r, a_max, "minimum", keep0d=True)
        r = _wrap(*r)
    return r[()] if r.ndim == 0 else r


def around(a, decimals=0, out=None):
    """np.round: half to even, `rint(a * 10**decimals) / 10**decimals` in the array's dtype as NumPy computes it;
    out= takes the result as the ufunc NumPy rounds with (rint, or multiply for decimals) writes it."""
    r = _around(a, decimals)
    if out is None:
        return r
    if type(out) is not ndarray:
        raise TypeError("output must be an array")
    if out.shape != asarray(r).shape:
        raise ValueError("invalid output shape")
    return _write("rint" if decimals == 0 else "multiply" if decimals > 0 else "true_divide", r, out)


def _around(a, decimals):
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
    return _ufunc_operand(a).mean(axis, dtype, out, keepdims, where=where)


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
    return _ufunc_operand(a).var(axis, dtype, out, ddof, keepdims, where=where, mean=mean, correction=correction)


def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None):
    return _ufunc_operand(a).std(axis, dtype, out, ddof, keepdims, where=where, mean=mean, correction=correction)


def max(a, axis=None, out=None, keepdims=False, initial=None, where=True):
    return _ufunc_operand(a).max(axis, out, keepdims, initial, where)


def min(a, axis=None, out=None, keepdims=False, initial=None, where=True):
    return _ufunc_operand(a).min(axis, out, keepdims, initial, where)


amax = max
amin = min


def argmax(a, axis=None, out=None, *, keepdims=False):
    return _ufunc_operand(a).argmax(axis, out, keepdims=keepdims)


def argmin(a, axis=None, out=None, *, keepdims=False):
    return _ufunc_operand(a).argmin(axis, out, keepdims=keepdims)


def prod(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
    return _ufunc_operand(a).prod(axis, dtype, out, keepdims, initial, where)


def cumsum(a, axis=None, dtype=None, out=None):
    return _ufunc_operand(a).cumsum(axis, dtype, out)


def any(a, axis=None, out=None, keepdims=False, *, where=True):
    return _ufunc_operand(a).any(axis, out, keepdims, where=where)


def all(a, axis=None, out=None, keepdims=False, *, where=True):
    return _ufunc_operand(a).all(axis, out, keepdims, where=where)


def ptp(a, axis=None, out=None, keepdims=False):
    # As NumPy: the maximum goes into out (a reduction's out), then the difference (a subtract ufunc's).
    a = asarray(a)
    return subtract(a.max(axis, out, keepdims), a.min(axis, keepdims=keepdims), out=out)


def median(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    source = a
    a = asarray(a)
    if axis is None:
        a = a.ravel()
        axis = 0
    ax = _normalize_axis(axis, a.ndim)
    if overwrite_input and type(source) is ndarray and source.ndim == a.ndim:
        # NumPy may reorder the input in place when allowed to: it sorts it here.
        source.sort(ax)
        s = source
    else:
        s = sort(a, ax)
    n = a.shape[ax]
    lo = (n - 1) // 2
    hi = n // 2
    take_lo = [slice(None)] * a.ndim
    take_hi = [slice(None)] * a.ndim
    take_lo[ax] = slice(lo, lo + 1)
    take_hi[ax] = slice(hi, hi + 1)
    middle = concatenate([s[tuple(take_lo)], s[tuple(take_hi)]] if lo != hi else [s[tuple(take_lo)]], ax)
    r = asarray(mean(middle, axis=ax, keepdims=True))
    if not keepdims:
        r = r.squeeze(ax)
    r = r[()] if r.ndim == 0 else r
    return r if out is None else _reduced_out("mean", r, out, middle.shape, [ax], keepdims)


def _sorted(a, axis):
    a = asarray(a)
    if axis is None:
        a = a.ravel()
        axis = 0
    if a.ndim == 0:
        raise _AxisError(axis, 0)
    r = _call(_E.np_sort, a._t, _normalize_axis(axis, a.ndim))
    return _wrap(r[0], a.dtype), _wrap(r[1], _I64)


_KINDS = (None, "quicksort", "mergesort", "heapsort", "stable")


def _sort_keywords(kind, order, stable):
    """NumPy's checks of sort's keywords. The playground always sorts stably, which every kind allows (a quicksort
    may order equal elements any way; this one keeps them in order)."""
    if kind not in _KINDS:
        raise ValueError("sort kind must be one of 'quick', 'heap', or 'stable' (got %r)" % (kind,))
    if kind is not None and stable is not None:
        raise ValueError("`kind` and keyword parameters can't be provided at the same time. Use only one of them.")
    if order is not None:
        raise ValueError("Cannot specify order when the array has no fields.")


def sort(a, axis=-1, kind=None, order=None, *, stable=None):
    _sort_keywords(kind, order, stable)
    return _sorted(a, axis)[0]


def argsort(a, axis=-1, kind=None, order=None, *, stable=None):
    _sort_keywords(kind, order, stable)
    return _sorted(a, axis)[1]


def unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None, *, equal_nan=True, sorted=True):
    # sorted=False lets NumPy return the values in any order; it (and the playground) returns them sorted.
    if sorted not in (True, False):
        raise TypeError("unique() argument 'sorted' must be bool")
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
    if a.ndim < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    x1, x2 = _normalize_axis(axis1, a.ndim), _normalize_axis(axis2, a.ndim)
    if x1 == x2:
        raise ValueError("axis1 and axis2 cannot be the same")
    # The diagonal of the two axes, last, as NumPy's (a view: copied, as NumPy's is read-only).
    return _wrap(_op("clone", _op("diagonal", a._t, offset, x1, x2)), a.dtype)


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


def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    """The sums along diagonals: the diagonal's last axis summed (with sum's dtype= and out=)."""
    return diagonal(a, offset, axis1, axis2).sum(-1, dtype, out)


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
        return around(self, decimals, out)

    def clip(self, min=None, max=None, out=None, **kwargs):
        # ufunc keywords (where=, casting=, ...) go to np.clip, which takes them by name or refuses them
        return clip(self, min, max, out, **kwargs)

    def nonzero(self):
        return nonzero(self)

    def argsort(self, axis=-1, kind=None, order=None, *, stable=None):
        return argsort(self, axis, kind, order, stable=stable)

    def sort(self, axis=-1, kind=None, order=None, *, stable=None):
        self[...] = sort(self, axis, kind, order, stable=stable)

    def trace(self, offset=0, axis1=0, axis2=1, dtype=None, out=None):
        return trace(self, offset, axis1, axis2, dtype, out)

    def diagonal(self, offset=0, axis1=0, axis2=1):
        return diagonal(self, offset, axis1, axis2)

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
