"""Joining and splitting arrays: concatenate, stack and the *stack family, np.r_ / np.c_, split."""

import builtins as _b

from ._internal import _normalize_axis, _op
from .multiarray import _cast, _wrap, asarray, ndarray
from .numerictypes import _CASTINGS, _dtype, _promote, can_cast
from .numeric import arange, linspace


def _join_dtype(arrs, out, dtype, casting):
    """The dtype arrays are joined in: out's, dtype=, or their common one; each must cast to it by `casting`."""
    if casting not in _CASTINGS:
        raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got %r)" % (casting,))
    if out is not None and dtype is not None:
        raise TypeError("concatenate() only takes `out` or `dtype` as an argument, but both were provided.")
    if out is not None:
        if type(out) is not ndarray:
            raise TypeError("'out' must be an array")
        d = out.dtype
    elif dtype is not None:
        d = _dtype(dtype)
    else:
        d = arrs[0].dtype
        for a in arrs[1:]:
            d = _promote(d, a.dtype)
    for a in arrs:
        if not can_cast(a.dtype, d, casting):
            raise TypeError("Cannot cast array data from %r to %r according to the rule '%s'" % (a.dtype, d, casting))
    return d


def _joined(t, d, out):
    if out is None:
        return _wrap(t, d)
    if tuple(out.shape) != tuple(t.shape):
        raise ValueError("Output array is the wrong shape")
    _op("copy_", out._t, t)
    return out


def concatenate(arrays, axis=0, out=None, dtype=None, casting="same_kind"):
    arrs = [asarray(a) for a in arrays]
    if not arrs:
        raise ValueError("need at least one array to concatenate")
    if axis is None:
        arrs = [a.ravel() for a in arrs]
        axis = 0
    nd = arrs[0].ndim
    if nd == 0:
        raise ValueError("zero-dimensional arrays cannot be concatenated")
    for i, a in enumerate(arrs[1:], 1):
        if a.ndim != nd:
            raise ValueError(
                "all the input arrays must have same number of dimensions, but the array at index 0 has %d dimension(s) "
                "and the array at index %d has %d dimension(s)" % (nd, i, a.ndim)
            )
    ax = _normalize_axis(axis, nd)
    for i, a in enumerate(arrs[1:], 1):
        for k in range(nd):
            if k != ax and a.shape[k] != arrs[0].shape[k]:
                raise ValueError(
                    "all the input array dimensions except for the concatenation axis must match exactly, but along "
                    "dimension %d, the array at index 0 has size %d and the array at index %d has size %d"
                    % (k, arrs[0].shape[k], i, a.shape[k])
                )
    d = _join_dtype(arrs, out, dtype, casting)
    return _joined(_op("cat", ax, *[_cast(a, d) for a in arrs]), d, out)


def stack(arrays, axis=0, out=None, *, dtype=None, casting="same_kind"):
    arrs = [asarray(a) for a in arrays]
    if not arrs:
        raise ValueError("need at least one array to stack")
    for a in arrs[1:]:
        if a.shape != arrs[0].shape:
            raise ValueError("all input arrays must have the same shape")
    ax = _normalize_axis(axis, arrs[0].ndim + 1)
    d = _join_dtype(arrs, out, dtype, casting)
    return _joined(_op("stack", ax, *[_cast(a, d) for a in arrs]), d, out)


def atleast_1d(*arys):
    out = [a if a.ndim >= 1 else a.reshape(1) for a in (asarray(x) for x in arys)]
    return out[0] if len(out) == 1 else tuple(out)


def atleast_2d(*arys):
    res = []
    for x in arys:
        a = asarray(x)
        if a.ndim == 0:
            a = a.reshape(1, 1)
        elif a.ndim == 1:
            a = a.reshape(1, -1)
        res.append(a)
    return res[0] if len(res) == 1 else tuple(res)


def atleast_3d(*arys):
    res = []
    for x in arys:
        a = asarray(x)
        if a.ndim == 0:
            a = a.reshape(1, 1, 1)
        elif a.ndim == 1:
            a = a.reshape(1, -1, 1)
        elif a.ndim == 2:
            a = a.reshape(a.shape + (1,))
        res.append(a)
    return res[0] if len(res) == 1 else tuple(res)


def vstack(tup, *, dtype=None, casting="same_kind"):
    arrs = atleast_2d(*tup)
    if not isinstance(arrs, tuple):
        arrs = (arrs,)
    return concatenate(arrs, 0, dtype=dtype, casting=casting)


row_stack = vstack


def hstack(tup, *, dtype=None, casting="same_kind"):
    arrs = atleast_1d(*tup)
    if not isinstance(arrs, tuple):
        arrs = (arrs,)
    return concatenate(arrs, 0 if arrs and arrs[0].ndim == 1 else 1, dtype=dtype, casting=casting)


def dstack(tup):
    arrs = atleast_3d(*tup)
    if not isinstance(arrs, tuple):
        arrs = (arrs,)
    return concatenate(arrs, 2)


def column_stack(tup):
    arrs = []
    for x in tup:
        a = asarray(x)
        if a.ndim < 2:
            a = a.reshape(-1, 1) if a.ndim == 1 else a.reshape(1, 1)
        arrs.append(a)
    return concatenate(arrs, 1)


class _Concatenator:
    """`np.r_[...]` / `np.c_[...]`: slices become ranges, then everything is joined (r_: rows, c_: columns)."""

    def __init__(self, columns):
        self._columns = columns

    def __getitem__(self, key):
        items = key if isinstance(key, tuple) else (key,)
        arrs = []
        for it in items:
            if isinstance(it, str):
                raise NotImplementedError("np.r_/np.c_ string directives are not supported by Autograd Playground's NumPy")
            if isinstance(it, slice):
                step = 1 if it.step is None else it.step
                start = 0 if it.start is None else it.start
                if isinstance(step, complex):
                    a = linspace(start, it.stop, int(_b.abs(step)))
                else:
                    a = arange(start, it.stop, step)
            else:
                a = asarray(it)
            if self._columns and a.ndim < 2:
                a = a.reshape(-1, 1)
            elif a.ndim == 0:
                a = a.reshape(1)
            arrs.append(a)
        return concatenate(arrs, axis=-1 if self._columns else 0)

    def __len__(self):
        return 0


r_ = _Concatenator(False)
c_ = _Concatenator(True)


def split(ary, indices_or_sections, axis=0):
    a = asarray(ary)
    ax = _normalize_axis(axis, a.ndim)
    n = a.shape[ax]
    if isinstance(indices_or_sections, int):
        if n % indices_or_sections:
            raise ValueError("array split does not result in an equal division")
        step = n // indices_or_sections
        bounds = list(range(0, n + 1, step))
    else:
        bounds = [0] + [int(i) for i in indices_or_sections] + [n]
    out = []
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        idx = [slice(None)] * a.ndim
        idx[ax] = slice(lo, hi)
        out.append(a[tuple(idx)])
    return out
