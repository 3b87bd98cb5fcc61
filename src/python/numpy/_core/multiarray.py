"""numpy.ndarray over an engine tensor (`_t`), its indexing, and arrays made from Python data (np.array,
np.asarray, and `_from_engine` for the playground's other modules).

Arrays are engine tensors without autograd; views share memory as in NumPy. ndarray's operators are umath's
ufuncs, and the methods that are module functions in NumPy (`a.round()`, `a.sort()`, `a.dot(b)`) are those of
numeric and fromnumeric: those modules build on this one and bind them onto the class."""

import builtins as _b
import math as _math
import operator as _operator

from pyodide.ffi import to_js as _to_js

from _playground_host import binding as _E

from ._internal import (
    _PARTIAL, _axes, _broadcast, _call, _compact_shape, _new, _normalize_axis, _op, _pytuple, _shape_arg,
)
from .numerictypes import _B, _DT, _F32, _F64, _I32, _I64, _dtype, _promote, _py_dtype, _unsupported_dtype, _weak
from .scalars import _BOOL_NEGATIVE, _NO_LOOP, False_, True_, _scalar_as, bool_, float32, float64, generic, int32, int64


def _wrap(t, d=None):
    a = _new(ndarray)
    a._t = t
    a._shape = None
    a._dt = d
    return a


def _from_engine(t):
    """Wraps an engine tensor as an ndarray without copying (see numpy's module docstring)."""
    return _wrap(t)


def _result(t, d):
    """A ufunc's result: 0-d results become NumPy scalars, as NumPy returns them."""
    if t.ndim == 0:
        return _scalar_of(t, d)
    return _wrap(t, d)


def _scalar_of(t, d):
    v = _E.np_item(t)
    if d is _F64:
        return float.__new__(float64, -0.0 if v.__class__ is str else v)
    if d is _F32:
        s = _new(float32)
        s._v = -0.0 if v.__class__ is str else float(v)
        return s
    if d is _I64 or d is _I32:
        s = _new(int64 if d is _I64 else int32)
        s._v = int(v)
        return s
    return True_ if v else False_


def _full0(v, d):
    """A 0-d array of dtype `d` holding Python number `v`."""
    return _wrap(_call(_E.full, _js_number(v, d), d.name), d)


def _js_number(v, d):
    """A Python number as the engine receives it for dtype `d` (ints past 2**53 travel as floats)."""
    if d._rank >= 2:
        return float(v)
    if d is _B:
        # As 0/1: the engine's bool cast tests `v !== 0`, which a JS `false` passes.
        return 1 if v else 0
    if type(v) is float:
        if v != v:
            raise ValueError("cannot convert float NaN to integer")
        if v in (_math.inf, -_math.inf):
            raise OverflowError("cannot convert float infinity to integer")
    v = int(v)
    return v if -(2**53) <= v <= 2**53 else float(v)


def _values(a):
    """An array's elements in row-major order as Python numbers of its dtype's kind."""
    vals = _E.np_values(a._t).to_py().tolist()
    d = a.dtype
    if d._rank == 1:
        return [int(v) for v in vals]
    if d is _B:
        return [v != 0 for v in vals]
    return vals


def _nest(flat, shape):
    if not shape:
        return flat[0]
    if len(shape) == 1:
        return flat
    step = 1
    for s in shape[1:]:
        step *= s
    return [_nest(flat[i * step : (i + 1) * step], shape[1:]) for i in range(shape[0])]


def _cast(a, d):
    """The engine tensor of array `a` in dtype `d` (the same tensor when it already is)."""
    if a.dtype is d:
        return a._t
    return _op("to", a._t, d.name)


_ORDERS = ("C", "F", "A", "K")


def _check_creation(order=None, device=None, like=None):
    """The keywords NumPy's array-creating functions share: order=, device= ("cpu" only) and like= (an ndarray,
    whose __array_function__ is ndarray's own, or None)."""
    if order is not None and order not in _ORDERS:
        raise ValueError("order must be one of 'C', 'F', 'A', or 'K' (got %r)" % (order,))
    if device is not None and device != "cpu":
        raise ValueError('Device not understood. Only "cpu" is allowed, but received: %s' % (device,))
    if like is not None and type(like) is not ndarray:
        raise TypeError("The `like` argument must be an array-like that implements the `__array_function__` protocol.")


def _subok(subok):
    """subok=True lets an ndarray subclass through as itself; the playground's NumPy has no subclasses, so either
    value gives a plain ndarray."""
    return bool(subok)


def _is_fortran(t):
    """Column-major with at least two dims of more than one element (where the orders differ)."""
    dims = [(n, s) for n, s in zip(t.shape, t.strides) if n != 1]
    if len(dims) < 2:
        return False
    expected = 1
    for n, s in dims:
        if s != expected:
            return False
        expected *= n
    return True


def _in_order(a, order, source=None):
    """`a`, a new array, laid out as order= asks: "C" row-major, "F" column-major (the transpose of a row-major
    array of the reversed shape), "A" column-major if `source` is, "K" as `source` is laid out."""
    fortran = order == "F" or (order in ("A", "K") and source is not None and _is_fortran(source._t))
    if not fortran or a.ndim < 2:
        return a
    rev = list(range(a.ndim))[::-1]
    return _wrap(_op("permute", _op("contiguous", _op("permute", a._t, *rev)), *rev), a.dtype)


def _index_items(a, index):
    """(engine tensor to index, engine index items, whether the result is a scalar) for `a[index]`.

    Slices with a negative step (which the engine's PyTorch-style indexing lacks) are applied first as views and
    replaced by `:`."""
    if type(index) is not tuple:
        index = (index,)
    t = a._t
    shape = a.shape
    ndim = len(shape)
    items = []
    # How many dimensions the index consumes, to place an ellipsis.
    consumed = 0
    for it in index:
        if it is None or it is Ellipsis or type(it) is bool or isinstance(it, bool_):
            continue
        if isinstance(it, ndarray) and it.dtype is _B:
            consumed += _b.max(it.ndim, 1)
        elif isinstance(it, (list, tuple)) and it and _b.all(type(x) is bool for x in it):
            consumed += 1
        else:
            consumed += 1
    if consumed > ndim:
        raise IndexError("too many indices for array: array is %d-dimensional, but %d were indexed" % (ndim, consumed))
    dim = 0
    ellipsis = False
    for it in index:
        tp = type(it)
        if tp is int:
            n = shape[dim]
            if not -n <= it < n:
                raise IndexError("index %d is out of bounds for axis %d with size %d" % (it, dim, n))
            items.append(it)
            dim += 1
        elif tp is slice:
            step = None if it.step is None else _operator.index(it.step)
            if step is not None and step < 0:
                start, stop, st = it.indices(shape[dim])
                t = _call(_E.np_slice, t, dim, start, st, len(range(start, stop, st)))
                items.append(_FULL_SLICE)
            elif it.start is None and it.stop is None and step is None:
                items.append(_FULL_SLICE)
            else:
                if step == 0:
                    raise ValueError("slice step cannot be zero")
                start, stop = _bound(it.start), _bound(it.stop)
                # One string per slice, as torch's indexing sends it (the bridge's indexItems reads it).
                items.append("s%s:%s:%s" % ("" if start is None else start, "" if stop is None else stop, "" if step is None else step))
            dim += 1
        elif it is None:
            items.append(None)
        elif it is Ellipsis:
            if ellipsis:
                raise IndexError("an index can only have a single ellipsis ('...')")
            ellipsis = True
            items.append("...")
            dim += ndim - consumed
        elif tp is bool:
            items.append(it)
        elif isinstance(it, generic):
            if isinstance(it, bool_):
                items.append(it._v)
            elif isinstance(it, int64):
                items.append(it._v)
                dim += 1
            else:
                raise IndexError(_BAD_INDEX)
        elif tp is ndarray or isinstance(it, (list, tuple)):
            arr = it if tp is ndarray else (asarray(it) if len(it) else _wrap(_call(_E.full, 0, "int64", 0), _I64))
            if arr.dtype._rank >= 2:
                raise IndexError("arrays used as indices must be of integer (or boolean) type")
            if arr.ndim == 0 and arr.dtype is _I64:
                # A 0-d integer array indexes like the integer it holds.
                items.append(arr.item())
                dim += 1
                continue
            if arr.dtype is _B:
                for k, size in enumerate(arr.shape):
                    if dim + k < ndim and shape[dim + k] != size:
                        raise IndexError(
                            "boolean index did not match indexed array along axis %d; size of axis is %d but size of "
                            "corresponding boolean axis is %d" % (dim + k, shape[dim + k], size)
                        )
            items.append(arr._t)
            dim += _b.max(arr.ndim, 1) if arr.dtype is _B else 1
        elif hasattr(it, "__index__"):
            items.append(_operator.index(it))
            dim += 1
        else:
            raise IndexError(_BAD_INDEX)
    scalar = not ellipsis and _b.all(type(x) is int for x in items) and len(items) == ndim
    if not scalar and _b.any(hasattr(x, "ndim") for x in items):
        # With an array index present NumPy treats integers as (0-d) array indices too, which decides where the
        # indexed dimensions land when the indices are not adjacent.
        items = [_call(_E.full, x, "int64") if type(x) is int else x for x in items]
    return t, items, scalar


_BAD_INDEX = (
    "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid "
    "indices"
)
_FULL_SLICE = "s::"


def _bound(x):
    return None if x is None else _operator.index(x)


def _index_error(e):
    msg = str(e).replace("for dimension", "for axis")
    return IndexError(msg)


def _index_shape_error(items, e):
    """NumPy's error for index arrays that do not broadcast together (else a ValueError with the engine's text)."""
    shapes = []
    for it in items:
        if hasattr(it, "ndim") and it.ndim > 0:
            if it.dtype == "bool":
                shapes.append((int(_op("sum", it, None, False, "int64").item()),) * it.ndim if it.ndim == 1 else tuple(it.shape))
            else:
                shapes.append(tuple(it.shape))
    out = shapes[0] if shapes else ()
    for sh in shapes[1:]:
        out = _broadcast(out, sh) if out is not None else None
    if len(shapes) > 1 and out is None:
        return IndexError(
            "shape mismatch: indexing arrays could not be broadcast together with shapes %s "
            % " ".join(_pytuple(sh) for sh in shapes)
        )
    return ValueError(str(e))


def _as_value_tensor(value, d):
    """The engine tensor to write for `a[...] = value` into an array of dtype `d`."""
    tp = type(value)
    if tp is float or tp is int or tp is bool:
        return _call(_E.full, _js_number(value, d), d.name)
    if isinstance(value, generic):
        return _call(_E.full, _js_number(value._py(), d), d.name)
    a = asarray(value)
    # NumPy casts the value into the array's dtype (the engine's index_put_ wants them equal, as PyTorch's does).
    return (a if a.dtype == d else a.astype(d))._t


def _not_partial(kind, name):
    return AttributeError("%s has no attribute '%s' (%s)" % (kind, name, _PARTIAL))


class ndarray:
    """A NumPy array over an engine tensor (`_t`)."""

    __slots__ = ("_t", "_shape", "_dt", "__weakref__")
    __hash__ = None
    __array_priority__ = 0.0

    def __new__(cls, shape, dtype=float, buffer=None, offset=0, strides=None, order=None):
        if buffer is not None:
            raise NotImplementedError("np.ndarray(buffer=...) is not supported by Autograd Playground's NumPy")
        from .numeric import zeros

        a = zeros(shape, dtype, order or "C")
        if offset != 0:
            raise NotImplementedError("np.ndarray(offset=%r) is not supported by Autograd Playground's NumPy (it has no buffer)" % (offset,))
        if strides is not None and tuple(strides) != a.strides:
            raise NotImplementedError("np.ndarray(strides=%r) is not supported by Autograd Playground's NumPy" % (tuple(strides),))
        return a

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError("'numpy.ndarray' object has no attribute '%s'" % name)
        raise _not_partial("'numpy.ndarray' object", name)

    # -- geometry -------------------------------------------------------------------------------

    @property
    def shape(self):
        s = self._shape
        if s is None:
            s = self._shape = tuple(self._t.shape)
        return s

    @shape.setter
    def shape(self, value):
        new = tuple(_shape_arg(value))
        try:
            self._t = _op("view", self._t, *new)
        except RuntimeError:
            raise AttributeError(
                "Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape."
            ) from None
        self._shape = None

    @property
    def dtype(self):
        d = self._dt
        if d is None:
            d = self._dt = _DT[self._t.dtype]
        return d

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def size(self):
        n = 1
        for s in self.shape:
            n *= s
        return n

    @property
    def itemsize(self):
        return self.dtype.itemsize

    @property
    def nbytes(self):
        return self.size * self.dtype.itemsize

    @property
    def strides(self):
        return tuple(int(s) * self.dtype.itemsize for s in self._t.strides)

    @property
    def T(self):
        return _wrap(_op("T", self._t), self.dtype)

    @property
    def mT(self):
        return self.swapaxes(-1, -2)

    @property
    def base(self):
        # The array whose memory this view shares (a new wrapper of it: NumPy would give the very object).
        b = self._t.base
        return _wrap(b, self.dtype) if b is not None and hasattr(b, "shape") else None

    @property
    def flat(self):
        return flatiter(self)

    @property
    def real(self):
        return self

    def __len__(self):
        s = self.shape
        if not s:
            raise TypeError("len() of unsized object")
        return s[0]

    def __iter__(self):
        s = self.shape
        if not s:
            raise TypeError("iteration over a 0-d array")
        if len(s) == 1:
            d = self.dtype
            return iter([_scalar_as(v, d) for v in _values(self)])
        return (self[i] for i in range(s[0]))

    def __contains__(self, value):
        return bool((self == value).any())

    # -- printing -------------------------------------------------------------------------------

    def __repr__(self):
        return str(_E.np_repr(self._t))

    def __str__(self):
        return str(_E.np_str(self._t))

    def __format__(self, spec):
        if self.ndim == 0:
            return self[()].__format__(spec)
        if spec:
            raise TypeError("unsupported format string passed to numpy.ndarray.__format__")
        return str(self)

    # -- conversion -----------------------------------------------------------------------------

    def tolist(self):
        return _nest(_values(self), self.shape)

    def item(self, *args):
        if args:
            if len(args) == 1 and not isinstance(args[0], tuple):
                flat = _operator.index(args[0])
                n = self.size
                if not -n <= flat < n:
                    raise IndexError("index %d is out of bounds for size %d" % (flat, n))
                return self.ravel()[flat].item()
            return self[args[0] if len(args) == 1 else args].item()
        if self.size != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return _scalar_of(self._t, self.dtype)._py()

    def _scalar_value(self):
        if self.ndim > 0:
            if self.size != 1:
                raise TypeError("only 0-dimensional arrays can be converted to Python scalars")
            import warnings

            warnings.warn(
                "Conversion of an array with ndim > 0 to a scalar is deprecated, and will error in future. Ensure "
                "you extract a single element from your array before performing this operation. (Deprecated NumPy 1.25.)",
                DeprecationWarning,
                stacklevel=3,
            )
        return self.item()

    def __float__(self):
        return float(self._scalar_value())

    def __int__(self):
        return int(self._scalar_value())

    def __index__(self):
        if self.ndim != 0 or self.dtype._rank != 1:
            raise TypeError("only integer scalar arrays can be converted to a scalar index")
        return self.item()

    def __bool__(self):
        n = self.size
        if n == 0:
            raise ValueError("The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.")
        if n > 1:
            raise ValueError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
        return bool(self.item())

    def __array__(self, dtype=None, copy=None):
        if dtype is None or _dtype(dtype) is self.dtype:
            return self.copy() if copy else self
        return self.astype(dtype)

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo):
        return self.copy()

    def __reduce__(self):
        return (array, (self.tolist(), self.dtype.name))

    def astype(self, dtype, order="K", casting="unsafe", subok=True, copy=True):
        from .numerictypes import can_cast

        _check_creation(order)
        d = _dtype(dtype)
        if not can_cast(self.dtype, d, casting):
            raise TypeError("Cannot cast array data from %r to %r according to the rule '%s'" % (self.dtype, d, casting))
        if d is self.dtype and not copy and not (order == "F" and not _is_fortran(self._t) and self.ndim > 1):
            return self
        _subok(subok)
        return _in_order(_wrap(_op("to", self._t, d.name), d) if d is not self.dtype else self.copy(), order, self)

    def copy(self, order="C"):
        _check_creation(order)
        return _in_order(_wrap(_op("contiguous", self._t) if not self._t.isContiguous() else _op("clone", self._t), self.dtype), order, self)

    def view(self, dtype=None, type=None):
        if isinstance(dtype, _b.type) and issubclass(dtype, ndarray):
            dtype, type = None, dtype
        if type is not None and type is not ndarray:
            raise NotImplementedError("ndarray.view(type=%s) is not supported by Autograd Playground's NumPy" % type.__name__)
        if dtype is not None and _dtype(dtype) is not self.dtype:
            raise NotImplementedError("ndarray.view(dtype) is not supported by Autograd Playground's NumPy")
        return _wrap(_call(_E.data_of, self._t), self.dtype)

    def fill(self, value):
        _op("fill_", self._t, _js_number(value, self.dtype) if not isinstance(value, generic) else _js_number(value._py(), self.dtype))

    # -- indexing -------------------------------------------------------------------------------

    def __getitem__(self, index):
        t, items, scalar = _index_items(self, index)
        try:
            r = _op("getitem", t, *items)
        except IndexError as e:
            raise _index_error(e) from None
        except RuntimeError as e:
            raise _index_shape_error(items, e) from None
        if scalar:
            return _scalar_of(r, self.dtype)
        return _wrap(r, self.dtype)

    def __setitem__(self, index, value):
        t, items, _ = _index_items(self, index)
        v = _as_value_tensor(value, self.dtype)
        try:
            if v.ndim:
                # The engine broadcasts without checking; NumPy refuses a value that does not fit the target.
                src = tuple(v.shape)
                dst = tuple(_op("getitem", t, *items).shape)
                fit = src
                while len(fit) > len(dst) and fit[0] == 1:
                    fit = fit[1:]
                if _broadcast(fit, dst) != dst:
                    raise ValueError(
                        "could not broadcast input array from shape %s into shape %s" % (_pytuple(src), _pytuple(dst))
                    )
            _op("setitem", t, v, *items)
        except IndexError as e:
            raise _index_error(e) from None
        except RuntimeError as e:
            raise _index_shape_error(items, e) from None

    # -- arithmetic -----------------------------------------------------------------------------
    # The operators (+ - * / // % ** & | ^ @, their reflected and in-place forms, the comparisons) are umath's
    # ufuncs, bound to this class where they are defined.

    def __neg__(self):
        if self.dtype is _B:
            raise TypeError(_BOOL_NEGATIVE)
        return _result(_op("neg", self._t), self.dtype)

    def __pos__(self):
        if self.dtype is _B:
            raise TypeError(_NO_LOOP % "positive")
        return _result(_op("clone", self._t), self.dtype)

    def __abs__(self):
        if self.dtype is _B:
            return _result(_op("clone", self._t), _B)
        return _result(_op("abs", self._t), self.dtype)

    def __invert__(self):
        if self.dtype._rank >= 2:
            raise TypeError(_NO_LOOP % "invert")
        return _result(_op("bitwise_not", self._t), self.dtype)

    # -- shape ----------------------------------------------------------------------------------

    def reshape(self, *shape, order="C", copy=None):
        if order == "K":
            raise ValueError("order 'K' is not permitted for reshaping")
        _check_creation(order)
        if order == "F" or (order == "A" and _is_fortran(self._t)):
            # Column-major reading and writing: the reversed shape of the transpose, transposed back.
            dims = tuple(shape[0]) if len(shape) == 1 and isinstance(shape[0], (tuple, list)) else shape
            return self.T.reshape(*dims[::-1], copy=copy).T
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = tuple(shape[0])
        new = tuple(_operator.index(s) for s in shape)
        known = 1
        unknown = 0
        for s in new:
            if s == -1:
                unknown += 1
            else:
                known *= s
        n = self.size
        if unknown > 1:
            raise ValueError("can only specify one unknown dimension")
        if (unknown == 0 and known != n) or (unknown == 1 and (known == 0 or n % known != 0)):
            raise ValueError("cannot reshape array of size %d into shape %s" % (n, _compact_shape(new)))
        if copy:
            return _wrap(_op("clone", _op("reshape", self._t, *new)), self.dtype)
        r = _op("reshape", self._t, *new)
        if copy is False and _E.storage_key(_E.storage_of(r)) != _E.storage_key(_E.storage_of(self._t)):
            raise ValueError("Unable to avoid creating a copy while reshaping.")
        return _wrap(r, self.dtype)

    def ravel(self, order="C"):
        if order == "K":
            order = "F" if _is_fortran(self._t) else "C"
        return self.reshape(-1, order=order)

    def flatten(self, order="C"):
        return _wrap(_op("clone", self.ravel(order)._t), self.dtype)

    def transpose(self, *axes):
        if not axes or (len(axes) == 1 and axes[0] is None):
            return self.T
        if len(axes) == 1 and isinstance(axes[0], (tuple, list)):
            axes = tuple(axes[0])
        nd = self.ndim
        if len(axes) != nd:
            raise ValueError("axes don't match array")
        perm = [_normalize_axis(a, nd) for a in axes]
        if len(set(perm)) != nd:
            raise ValueError("repeated axis in transpose")
        return _wrap(_op("permute", self._t, *perm), self.dtype)

    def swapaxes(self, axis1, axis2):
        nd = self.ndim
        return _wrap(_op("transpose", self._t, _normalize_axis(axis1, nd), _normalize_axis(axis2, nd)), self.dtype)

    def squeeze(self, axis=None):
        if axis is None:
            return _wrap(_op("squeeze", self._t, None), self.dtype)
        axes = _axes(axis, self.ndim)
        for a in axes:
            if self.shape[a] != 1:
                raise ValueError("cannot select an axis to squeeze out which has size not equal to one")
        return _wrap(_op("squeeze", self._t, _to_js(axes)), self.dtype)

    # -- reductions -----------------------------------------------------------------------------
    # sum, mean, var, std, max, min, prod, any, all, argmax, argmin and cumsum are _methods' (NumPy keeps them in
    # numpy/_core/_methods.py too), bound onto this class there.

    # -- other methods --------------------------------------------------------------------------
    # round, clip, nonzero, argsort, sort, trace, diagonal and repeat are fromnumeric's functions, and dot is
    # numeric's, as in NumPy: those modules build on this one, and bind these methods onto the class.


class flatiter:
    """`arr.flat`: the elements in row-major order, readable and writable by flat index."""

    def __init__(self, base):
        self.base = base

    def __iter__(self):
        return iter(self.base.ravel())

    def __len__(self):
        return self.base.size

    def __getitem__(self, index):
        return self.base.ravel()[index]

    def __setitem__(self, index, value):
        b = self.base
        if not b._t.isContiguous():
            raise NotImplementedError("writing through .flat of a non-contiguous array is not supported by Autograd Playground's NumPy")
        b.reshape(-1)[index] = value


def _foreign_array(x):
    """Whether `x` is another library's array (a torch.Tensor): it outranks ndarray's __array_priority__ of 0."""
    return getattr(type(x), "__array_priority__", 0.0) > 0.0


def _discover(obj):
    """(flat Python values, shape, dtype) of nested sequences, as NumPy's array coercion finds them."""
    shape = []
    x = obj
    while True:
        if type(x) is ndarray:
            shape.extend(x.shape)
            break
        if isinstance(x, (list, tuple, range)):
            shape.append(len(x))
            if not x:
                break
            x = x[0]
            continue
        if _foreign_array(x):
            shape.extend(x.shape)
            break
        break
    nd = len(shape)
    flat = []
    rank = [-1]
    found = [None]

    def note(d):
        found[0] = d if found[0] is None else _promote(found[0], d)

    def ragged(depth):
        return ValueError(
            "setting an array element with a sequence. The requested array has an inhomogeneous shape after %d "
            "dimensions. The detected shape was %s + inhomogeneous part." % (depth, _pytuple(shape[:depth]) if depth else "()")
        )

    def leaf(v):
        tp = type(v)
        if tp is float:
            note(_F64)
            flat.append(v)
        elif tp is int:
            note(_I64)
            flat.append(v)
        elif tp is bool:
            note(_B)
            flat.append(v)
        elif isinstance(v, generic):
            note(type(v)._dtype_obj)
            flat.append(v._py())
        elif isinstance(v, ndarray) and v.ndim == 0:
            note(v.dtype)
            flat.append(v.item())
        elif isinstance(v, (str, bytes)):
            raise TypeError(
                "Autograd Playground's NumPy has numeric arrays only (float32, float64, int32, int64, bool); got %s %r"
                % (type(v).__name__, v)
            )
        elif isinstance(v, (list, tuple, ndarray, range)) or _foreign_array(v):
            raise ragged(nd)
        elif isinstance(v, complex):
            raise _unsupported_dtype("complex128")
        elif hasattr(v, "__float__"):
            note(_F64)
            flat.append(float(v))
        elif v is None:
            raise TypeError("Autograd Playground's NumPy has numeric arrays only; None would need an object array")
        else:
            raise TypeError("Autograd Playground's NumPy cannot make an array from %s" % type(v).__name__)

    def fill(x, depth):
        if depth == nd:
            leaf(x)
            return
        if type(x) is ndarray or _foreign_array(x):
            arr = x if type(x) is ndarray else asarray(x)
            if arr.shape != tuple(shape[depth:]):
                raise ragged(depth)
            note(arr.dtype)
            flat.extend(_values(arr))
            return
        if not isinstance(x, (list, tuple, range)):
            raise ragged(depth)
        if len(x) != shape[depth]:
            raise ragged(depth)
        if depth == nd - 1:
            kinds = set(map(type, x))
            if kinds <= _PLAIN_FLOAT:
                if x:
                    note(_F64)
                flat.extend(x)
                return
            if kinds <= _PLAIN_NUMBER:
                note(_F64 if float in kinds else _I64 if int in kinds else _B)
                flat.extend(x)
                return
        for e in x:
            fill(e, depth + 1)

    fill(obj, 0)
    return flat, tuple(shape), found[0] if found[0] is not None else _F64


_PLAIN_FLOAT = frozenset([float])
_PLAIN_NUMBER = frozenset([float, int, bool])


def _from_flat(flat, shape, d):
    """An array of dtype `d` from row-major Python numbers."""
    if d is _B:
        # As 0/1: the engine's bool cast tests `v !== 0`, which a JS `false` passes.
        flat = [1 if v else 0 for v in flat]
    elif d._rank < 2:
        if d._rank == 1:
            bound = 2**63 if d is _I64 else 2**31
            conv = []
            for v in flat:
                if type(v) is float:
                    if v != v:
                        raise ValueError("cannot convert float NaN to integer")
                    if v in (_math.inf, -_math.inf):
                        raise OverflowError("cannot convert float infinity to integer")
                elif not -bound <= v < bound:
                    raise OverflowError("Python integer %d out of bounds for %s" % (v, d.name))
                conv.append(v if -(2**53) <= v <= 2**53 else float(v))
            flat = conv
    elif flat and _b.any(type(v) is int and not -(2**53) <= v <= 2**53 for v in flat):
        flat = [float(v) for v in flat]
    return _wrap(_call(_E.from_values, _to_js(flat), d.name, *shape), d)


def _asarray(obj, d, copy):
    tp = type(obj)
    if tp is ndarray:
        if d is None or d is obj.dtype:
            return obj.copy() if copy else obj
        return _wrap(_op("to", obj._t, d.name), d)
    if isinstance(obj, generic):
        return _full0(obj._py(), type(obj)._dtype_obj if d is None else d)
    if tp is float or tp is int or tp is bool:
        return _full0(obj, _py_dtype(obj) if d is None else d)
    if not isinstance(obj, (list, tuple, range)) and hasattr(obj, "__array__"):
        return _asarray(obj.__array__(), d, copy)
    if isinstance(obj, (str, bytes)):
        raise TypeError("Autograd Playground's NumPy has numeric arrays only (float32, float64, int32, int64, bool); got a string")
    if isinstance(obj, complex):
        raise _unsupported_dtype("complex128")
    if not isinstance(obj, (list, tuple, range)):
        if hasattr(obj, "__iter__") or obj is None:
            raise TypeError(
                "Autograd Playground's NumPy cannot make an array from %s (convert it to a list first)" % type(obj).__name__
            )
        if hasattr(obj, "__float__"):
            return _full0(float(obj), _F64 if d is None else d)
        raise TypeError("Autograd Playground's NumPy cannot make an array from %s" % type(obj).__name__)
    flat, shape, found = _discover(obj)
    return _from_flat(flat, shape, found if d is None else d)


def _ordered(a, obj, order, copied):
    """An array from np.array/asarray laid out as order= asks ("K" and "A" follow an ndarray given)."""
    source = obj if type(obj) is ndarray else None
    if order in (None, "K", "A") and (source is None or not _is_fortran(source._t)):
        return a
    if order == "C" and a._t.isContiguous():
        return a
    if order in ("K", "A", "F", None) and _is_fortran(a._t):
        return a
    return _in_order(a if copied else a.copy(), order, source)


def array(object, dtype=None, *, copy=True, order="K", subok=False, ndmin=0, like=None):
    _subok(subok)
    _check_creation(order, None, like)
    a = _asarray(object, None if dtype is None else _dtype(dtype), copy is not False)
    if ndmin > a.ndim:
        a = a.reshape((1,) * (ndmin - a.ndim) + a.shape)
    return _ordered(a, object, order, a is not object)


def asarray(a, dtype=None, order=None, *, device=None, copy=None, like=None):
    _check_creation(order, device, like)
    r = _asarray(a, None if dtype is None else _dtype(dtype), copy is True)
    return _ordered(r, a, order, r is not a)


def asanyarray(a, dtype=None, order=None, *, device=None, copy=None, like=None):
    return asarray(a, dtype, order, device=device, copy=copy, like=like)


def ascontiguousarray(a, dtype=None, *, like=None):
    _check_creation(None, None, like)
    a = asarray(a, dtype)
    return a if a._t.isContiguous() else a.copy()


def _engine_tensor_of(obj):
    """See numpy's module docstring: the engine tensor torch.tensor() should copy, or None."""
    if type(obj) is ndarray:
        return obj._t
    if isinstance(obj, generic):
        return _full0(obj._py(), type(obj)._dtype_obj)._t
    if isinstance(obj, (list, tuple)):
        x = obj
        while isinstance(x, (list, tuple)) and x:
            x = x[0]
        if type(x) is ndarray or isinstance(x, generic):
            return asarray(obj)._t
    return None


def result_type(*arrays_and_dtypes):
    out = None
    weak = []
    for x in arrays_and_dtypes:
        if type(x) in (int, float, bool):
            weak.append(x)
            continue
        d = x.dtype if isinstance(x, (ndarray, generic)) else _dtype(x)
        out = d if out is None else _promote(out, d)
    if out is None:
        out = _py_dtype(weak[0]) if weak else _F64
        weak = weak[1:]
    for v in weak:
        out = _weak(out, v)
    return out
