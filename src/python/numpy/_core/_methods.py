"""ndarray's reductions (sum, mean, var, std, max, min, prod, any, all, argmax, argmin, cumsum) with NumPy's
keywords: out=, where=, initial=, keepdims=, dtype= and var/std's mean=, as NumPy's own numpy/_core/_methods.py
holds them. np.sum and the other module functions call these methods; ndarray gets them bound below (multiarray,
which this module builds on, defines the class).

Without where= the sums, means and variances are the engine's, which add in NumPy's order so the printed digits
match. A where= mask puts the reduction's identity in the masked places (0 for sums, 1 for products, `initial`
for max/min), and means count only the unmasked elements, as NumPy's masked loops do.
"""

import builtins as _b
import warnings

from pyodide.ffi import to_js as _to_js

from _playground_host import binding as _E

from ._internal import _axes, _bind_methods, _broadcast, _call, _compact_shape, _normalize_axis, _op, _pytuple
from .multiarray import _cast, _result, _wrap, asarray, ndarray
from .numerictypes import _B, _F32, _F64, _I64, _dtype, can_cast
from .umath import maximum, minimum, multiply, sqrt, true_divide

# The ufunc each reduction is, which NumPy's messages name.
_UFUNC = {"sum": "add", "mean": "add", "prod": "multiply", "max": "maximum", "min": "minimum", "any": "logical_or", "all": "logical_and"}


def _reduced_out(name, result, out, shape, axes, keepdims):
    """A reduction's result written into out=: NumPy wants the result's shape exactly, and casts into it
    whatever the dtypes (unsafe casting)."""
    if type(out) is not ndarray:
        raise TypeError("return arrays must be of ArrayType")
    r = asarray(result)
    if out.ndim != r.ndim:
        raise ValueError(
            "output parameter for reduction operation %s has the wrong number of dimensions: Found %d but expected %d"
            % (_UFUNC[name], out.ndim, r.ndim)
        )
    if out.shape != r.shape:
        # NumPy lines the out array's dims up with the input's (a reduced axis is a new axis unless keepdims).
        reduced = set(range(len(shape))) if axes is None else set(axes)
        kept = [i for i in range(len(shape)) if keepdims or i not in reduced]
        for d, (o, n) in enumerate(zip(out.shape, r.shape)):
            if o == 1 and n != 1:
                raise ValueError(
                    "output operand requires a reduction along dimension %d, but the reduction is not enabled. The "
                    "dimension size of 1 does not match the expected output shape." % kept[d]
                )
        remapped = []
        dims = iter(out.shape)
        for i in range(len(shape)):
            remapped.append(next(dims) if i in kept else -1)
        while remapped and remapped[0] == -1:
            remapped.pop(0)
        mapped = "(" + ",".join("newaxis" if s == -1 else str(s) for s in remapped) + ")"
        raise ValueError(
            "operands could not be broadcast together with remapped shapes [original->remapped]: %s->%s %s "
            % (_pytuple(out.shape), mapped, _compact_shape(shape))
        )
    _op("copy_", out._t, _cast(r, out.dtype))
    return out


def _mask(a, where):
    """The where= mask as a bool array of `a`'s shape (NumPy broadcasts it to the input)."""
    m = asarray(where, dtype=_B)
    if _broadcast(m.shape, a.shape) != a.shape:
        raise ValueError(
            "operands could not be broadcast together with remapped shapes [original->remapped]: %s %s "
            % (_compact_shape(a.shape), _compact_shape(m.shape))
        )
    return _wrap(_op("expand", m._t, *a.shape), _B)


def _masked(a, where, fill):
    """`a` with `fill` where the mask is False: a masked reduction's identity in the masked places."""
    m = _mask(a, where)
    return _wrap(_op("where", m._t, a._t, False, _cast(asarray(fill), a.dtype), False), a.dtype)


class _Reductions:
    """The reductions, bound onto ndarray below."""

    def _acc_input(self, acc):
        """The tensor a reduction in dtype `acc` reads: exact widenings stay lazy (NumPy casts in its buffer)."""
        d = self.dtype
        if d is acc or d is _B or (d._rank == 1 and acc is _F64) or (d is _F32 and acc is _F64):
            return self._t
        return _cast(self, acc)

    def _finish(self, name, r, out, axes, keepdims):
        return r if out is None else _reduced_out(name, r, out, self.shape, axes, keepdims)

    def _out_loop(self, dtype, out):
        """NumPy's sums and products run in the out array's dtype when the input casts to it by 'same_kind'."""
        if dtype is None and type(out) is ndarray and out.dtype is not self.dtype and can_cast(self.dtype, out.dtype, "same_kind"):
            return out.dtype
        return dtype

    def sum(self, axis=None, dtype=None, out=None, keepdims=False, initial=0, where=True):
        dtype = self._out_loop(dtype, out)
        acc = _dtype(dtype) if dtype is not None else (_I64 if self.dtype._rank < 2 else self.dtype)
        axes = _axes(axis, self.ndim)
        a = self if where is True else _masked(self, where, 0)
        t = _call(_E.np_sum, a._acc_input(acc), None if axes is None else _to_js(axes), bool(keepdims), acc.name)
        r = _result(t, acc)
        if initial is not None and initial != 0:
            # The initial value joins the sum in its dtype.
            r = r + asarray(initial).astype(acc)[()]
        return self._finish("sum", r, out, axes, keepdims)

    def mean(self, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
        acc = _dtype(dtype) if dtype is not None else (_F64 if self.dtype._rank < 2 else self.dtype)
        axes = _axes(axis, self.ndim)
        if where is not True:
            count = _count(self, axes, keepdims, where)
            if bool((asarray(count) == 0).any()):
                warnings.warn("Mean of empty slice", RuntimeWarning, stacklevel=3)
            total = asarray(self.sum(axis, _F64 if acc._rank < 2 else acc, keepdims=keepdims, where=where))
            r = true_divide(total, count, casting="unsafe")
            return self._finish("mean", asarray(r).astype(acc)[()] if acc._rank < 2 else r, out, axes, keepdims)
        if acc._rank < 2:
            return self._finish("mean", self.mean(axis, _F64, keepdims=keepdims).astype(acc), out, axes, keepdims)
        _warn_empty(self, axes, "Mean of empty slice")
        t = _call(_E.np_mean, self._acc_input(acc), None if axes is None else _to_js(axes), bool(keepdims), acc.name)
        return self._finish("mean", _result(t, acc), out, axes, keepdims)

    def _var(self, axis, dtype, out, ddof, keepdims, std, where, mean, correction):
        if std and out is not None:
            # NumPy's std writes the variance into out, then takes sqrt(out, out=out) by a ufunc's casting rule.
            self._var(axis, dtype, out, ddof, keepdims, False, where, mean, correction)
            return sqrt(out, out=out)
        if correction is not None:
            if ddof != 0:
                raise ValueError("ddof and correction can't be provided simultaneously.")
            ddof = correction
        acc = _dtype(dtype) if dtype is not None else (_F64 if self.dtype._rank < 2 else self.dtype)
        axes = _axes(axis, self.ndim)
        if where is True and mean is None:
            t = _call(_E.np_var, self._acc_input(acc), None if axes is None else _to_js(axes), float(ddof), bool(keepdims), acc.name, std)
            r = _result(t, acc)
        else:
            # NumPy's _var: squared deviations from the mean (given, or of the unmasked elements), summed, divided.
            count = _count(self, axes, True, where)
            if mean is None:
                mean = true_divide(self.sum(axis, acc, keepdims=True, where=where), count, casting="unsafe")
            x = self.astype(acc) - mean
            x = multiply(x, x)
            total = asarray(x).sum(axis, acc, keepdims=keepdims, where=where)
            count = asarray(count)
            dof = maximum((count.reshape(asarray(total).shape) if count.ndim else count) - ddof, 0)
            r = true_divide(total, dof, casting="unsafe")
            if std:
                r = _result(_op("sqrt", asarray(r)._t), acc)
        return self._finish("sum", r, out, axes, keepdims)

    def var(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None):
        return self._var(axis, dtype, out, ddof, keepdims, False, where, mean, correction)

    def std(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None):
        return self._var(axis, dtype, out, ddof, keepdims, True, where, mean, correction)

    def _extreme(self, which, axis, out, keepdims, initial, where):
        if type(out) is ndarray and out.dtype is not self.dtype:
            # maximum/minimum reduce in the out array's dtype, the input cast to it.
            return self.astype(out.dtype)._extreme(which, axis, out, keepdims, initial, where)
        axes = _axes(axis, self.ndim)
        ufunc = "maximum" if which == "max" else "minimum"
        if where is not True and initial is None:
            raise ValueError(
                "reduction operation '%s' does not have an identity, so to use a where mask one has to specify 'initial'" % ufunc
            )
        a = self if where is True else _masked(self, where, initial)
        empty = a.size == 0 and (axes is None or _b.any(a.shape[x] == 0 for x in axes))
        if empty and initial is None:
            raise ValueError("zero-size array to reduction operation %s which has no identity" % ufunc)
        if empty:
            shape = [1 if axes is None or i in axes else n for i, n in enumerate(a.shape)] if keepdims else [
                n for i, n in enumerate(a.shape) if axes is not None and i not in axes
            ]
            r = _result(_call(_E.full, 0, a.dtype.name, *shape), a.dtype)
        elif axes is None:
            t = _op(which + "_all", a._t)
            if keepdims:
                t = _op("reshape", t, *([1] * a.ndim))
            r = _result(t, a.dtype)
        else:
            t = a._t
            for x in reversed(axes):
                t = _op(which + "_dim", t, x, True)[0]
            if not keepdims:
                t = _op("squeeze", t, _to_js(axes))
            r = _result(t, a.dtype)
        if initial is not None:
            initial = asarray(initial).astype(a.dtype)[()]
            r = (maximum if which == "max" else minimum)(r, initial) if not empty else r + initial
        return self._finish(which, r, out, axes, keepdims)

    def max(self, axis=None, out=None, keepdims=False, initial=None, where=True):
        return self._extreme("max", axis, out, keepdims, initial, where)

    def min(self, axis=None, out=None, keepdims=False, initial=None, where=True):
        return self._extreme("min", axis, out, keepdims, initial, where)

    def _arg(self, which, axis, out, keepdims):
        if self.size == 0:
            raise ValueError("attempt to get %s of an empty sequence" % which)
        if axis is None:
            t = _op(which, self._t, None, False)
            if keepdims:
                t = _op("reshape", t, *([1] * self.ndim))
        else:
            t = _op(which, self._t, _normalize_axis(axis, self.ndim), bool(keepdims))
        r = _result(t, _I64)
        if out is None:
            return r
        if type(out) is not ndarray:
            raise TypeError("output must be an array")
        if out.shape != asarray(r).shape:
            raise ValueError("output array does not match result of np.%s." % which)
        if not can_cast(out.dtype, _I64, "safe"):
            raise TypeError(
                "Cannot cast %s from %r to dtype('int64') according to the rule 'safe'" % ("scalar" if out.ndim == 0 else "array data", out.dtype)
            )
        _op("copy_", out._t, _cast(asarray(r), out.dtype))
        return out

    def argmax(self, axis=None, out=None, *, keepdims=False):
        return self._arg("argmax", axis, out, keepdims)

    def argmin(self, axis=None, out=None, *, keepdims=False):
        return self._arg("argmin", axis, out, keepdims)

    def _fold(self, name, axis, keepdims, out_d):
        """A reduction the engine does one axis at a time (prod, any, all)."""
        axes = _axes(axis, self.ndim)
        t = self._t
        if axes is None:
            t = _op(name, t, None, False)
            if keepdims:
                t = _op("reshape", t, *([1] * self.ndim))
        else:
            for x in reversed(axes):
                t = _op(name, t, x, True)
            if not keepdims:
                t = _op("squeeze", t, _to_js(axes))
        return _result(t, out_d)

    def prod(self, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
        dtype = self._out_loop(dtype, out)
        a = self if dtype is None else self.astype(dtype)
        if where is not True:
            a = _masked(a, where, 1)
        acc = _I64 if a.dtype._rank < 2 else a.dtype
        r = a._fold("prod", axis, keepdims, acc)
        if initial is not None:
            r = r * asarray(initial).astype(acc)[()]
        return self._finish("prod", r, out, _axes(axis, self.ndim), keepdims)

    def any(self, axis=None, out=None, keepdims=False, *, where=True):
        a = self if where is True else _masked(self.astype(_B), where, False)
        return self._finish("any", a._fold("any", axis, keepdims, _B), out, _axes(axis, self.ndim), keepdims)

    def all(self, axis=None, out=None, keepdims=False, *, where=True):
        a = self if where is True else _masked(self.astype(_B), where, True)
        return self._finish("all", a._fold("all", axis, keepdims, _B), out, _axes(axis, self.ndim), keepdims)

    def cumsum(self, axis=None, dtype=None, out=None):
        a = self if dtype is None else self.astype(dtype)
        if axis is None:
            a = a.ravel()
            axis = 0
        d = _I64 if a.dtype._rank < 2 else a.dtype
        r = _wrap(_call(_E.np_cumsum, _cast(a, d), _normalize_axis(axis, a.ndim)), d)
        if out is None:
            return r
        if type(out) is not ndarray:
            raise TypeError("return arrays must be of ArrayType")
        if out.shape != r.shape:
            if out.size != r.size or out.ndim != r.ndim:
                raise ValueError(
                    "provided out is the wrong size for the accumulation." if out.ndim != r.ndim or r.ndim == 1
                    else "operands could not be broadcast together with remapped shapes [original->remapped]: %s->%s %s->%s "
                    % (_compact_shape(out.shape), _compact_shape(out.shape), _compact_shape(r.shape), _compact_shape(r.shape))
                )
            raise ValueError(
                "operands could not be broadcast together with remapped shapes [original->remapped]: %s->%s %s->%s "
                % (_compact_shape(out.shape), _compact_shape(out.shape), _compact_shape(r.shape), _compact_shape(r.shape))
            )
        _op("copy_", out._t, _cast(r, out.dtype))
        return out


def _count(a, axes, keepdims, where):
    """How many elements each reduction adds up: all along `axes`, or the unmasked ones."""
    if where is True:
        n = 1
        for x in range(a.ndim) if axes is None else axes:
            n *= a.shape[x]
        return n
    m = _mask(a, where)
    t = _call(_E.np_sum, m._t, None if axes is None else _to_js(axes), bool(keepdims), "int64")
    return _result(t, _I64)


def _warn_empty(a, axes, message):
    n = a.size if axes is None else 1
    if axes is not None:
        for ax in axes:
            n *= a.shape[ax]
    if n == 0:
        warnings.warn(message, RuntimeWarning, stacklevel=3)


_bind_methods(ndarray, _Reductions)
