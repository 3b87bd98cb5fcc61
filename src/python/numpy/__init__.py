"""NumPy for Autograd Playground: the part of NumPy that tutorial scripts touch, over the playground's engine.

Arrays are engine tensors without autograd (`ndarray._t`); views share memory as in NumPy. Dtypes are float32,
float64, int64 and bool; any other dtype raises a TypeError that says so rather than silently changing the
numbers. Arithmetic follows NumPy 2's promotion (NEP 50: Python scalars are "weak", so `float32_array * 2.5`
stays float32), printing is NumPy 2.x's to the character (src/engine/numpy/format.ts), and sums, means and
variances add in NumPy's order so their printed digits match (src/engine/numpy/ops.ts). What is missing raises an
AttributeError that says the playground's NumPy is partial.

Interface for the playground's other Python modules (numpy.random, sklearn, torch):
    _from_engine(js_tensor) -> ndarray
        Wraps an engine tensor (float32, float64, int64 or bool) as an array without copying: the two share
        memory from then on.
    _scalar(value, dtype_name) -> np.float64 / np.float32 / np.int64 / np.bool_ for a Python number.
    _engine_tensor_of(obj) -> engine tensor or None
        The tensor behind an ndarray (shared), or a new one for a NumPy scalar or for a sequence holding
        NumPy values (what torch.tensor needs to keep NumPy's dtypes); None for anything else.
"""

import builtins as _b
import math as _math
import operator as _operator
import struct as _struct
import sys as _sys

from pyodide.ffi import JsException as _JsException, to_js as _to_js

from _playground import bridge as _playground_bridge, hooks as _playground_hooks
from _playground_host import binding as _E

from . import exceptions  # noqa: F401  (np.exceptions.AxisError)
from .exceptions import AxisError as _AxisError

__version__ = "2.4.6+playground"

_new = object.__new__

_PARTIAL = "Autograd Playground's NumPy is partial: it has the arrays, math and printing tutorial scripts use"

# ---------------------------------------------------------------------------------------------------
# engine calls


# Engine calls with NumPy's wording of the engine's errors (MemoryError for a too-large array).
_op, _call = _playground_bridge.calls("numpy")


def _f32(x):
    """Rounds a Python float to the nearest float32 (what a float32 store keeps)."""
    try:
        return _struct.unpack("f", _struct.pack("f", x))[0]
    except OverflowError:
        return _math.inf if x > 0 else -_math.inf


# ---------------------------------------------------------------------------------------------------
# dtypes


class dtype:
    """A NumPy dtype; one shared object per supported type (`np.dtype('float32') is np.dtype(np.float32)`)."""

    __slots__ = ("name", "kind", "char", "itemsize", "type", "_rank", "_str")

    def __new__(cls, obj=None, align=False, copy=False):
        return _dtype(obj)

    def __repr__(self):
        return "dtype('%s')" % self.name

    def __str__(self):
        return self.name

    def __eq__(self, other):
        if isinstance(other, dtype):
            return self is other
        try:
            return _dtype(other) is self
        except TypeError:
            return False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self.name)

    def __reduce__(self):
        return (dtype, (self.name,))

    @property
    def str(self):
        return self._str

    byteorder = "="
    isnative = True
    isbuiltin = 1
    names = None
    fields = None
    shape = ()
    ndim = 0
    subdtype = None
    metadata = None

    @property
    def base(self):
        return self

    @property
    def descr(self):
        return [("", self._str)]

    @property
    def num(self):
        return {"bool": 0, "int64": 7, "float32": 11, "float64": 12}[self.name]

    @property
    def alignment(self):
        return self.itemsize


def _make_dtype(name, kind, char, itemsize, rank, typestr):
    d = _new(dtype)
    d.name = name
    d.kind = kind
    d.char = char
    d.itemsize = itemsize
    d._rank = rank
    d._str = typestr
    return d


_B = _make_dtype("bool", "b", "?", 1, 0, "|b1")
_I64 = _make_dtype("int64", "i", "q", 8, 1, "<i8")
_F32 = _make_dtype("float32", "f", "f", 4, 2, "<f4")
_F64 = _make_dtype("float64", "f", "d", 8, 3, "<f8")
_DT = {"bool": _B, "int64": _I64, "float32": _F32, "float64": _F64}

_DTYPE_NAMES = {
    "float32": _F32, "f4": _F32, "f": _F32, "single": _F32,
    "float64": _F64, "f8": _F64, "d": _F64, "double": _F64, "float": _F64, "float_": _F64, "g": None,
    "int64": _I64, "i8": _I64, "q": _I64, "l": _I64, "int": _I64, "int_": _I64, "long": _I64, "longlong": _I64,
    "intp": _I64, "p": _I64,
    "bool": _B, "?": _B, "b1": _B, "bool_": _B, "bool8": _B,
}

_UNSUPPORTED_NAMES = {
    "int32": "int32", "i4": "int32", "i": "int32", "intc": "int32",
    "int16": "int16", "i2": "int16", "h": "int16", "short": "int16",
    "int8": "int8", "i1": "int8", "b": "int8", "byte": "int8",
    "uint8": "uint8", "u1": "uint8", "B": "uint8", "ubyte": "uint8",
    "uint16": "uint16", "u2": "uint16", "H": "uint16", "ushort": "uint16",
    "uint32": "uint32", "u4": "uint32", "I": "uint32", "uintc": "uint32",
    "uint64": "uint64", "u8": "uint64", "Q": "uint64", "L": "uint64", "uint": "uint64", "uintp": "uint64",
    "float16": "float16", "f2": "float16", "e": "float16", "half": "float16",
    "longdouble": "longdouble", "float128": "longdouble", "g": "longdouble", "f16": "longdouble",
    "complex64": "complex64", "c8": "complex64", "F": "complex64", "csingle": "complex64",
    "complex128": "complex128", "c16": "complex128", "D": "complex128", "complex": "complex128", "cdouble": "complex128",
    "object": "object", "O": "object", "str": "str", "U": "str", "str_": "str", "bytes": "bytes", "S": "bytes",
    "datetime64": "datetime64", "M": "datetime64", "timedelta64": "timedelta64", "m": "timedelta64",
}


def _unsupported_dtype(name):
    return TypeError(
        "dtype %s is not supported by Autograd Playground's NumPy (it has float32, float64, int64 and bool)" % name
    )


def _dtype(obj):
    """The dtype object for a dtype specification, as `np.dtype(obj)` reads it."""
    if isinstance(obj, dtype):
        return obj
    if obj is None or obj is float:
        return _F64
    if obj is int:
        return _I64
    if obj is bool:
        return _B
    if isinstance(obj, type):
        d = getattr(obj, "_dtype_obj", None)
        if d is not None:
            return d
        name = getattr(obj, "_unsupported", None) or {complex: "complex128", str: "str", bytes: "bytes", object: "object"}.get(obj)
        if name is not None:
            raise _unsupported_dtype(name)
        raise TypeError("Cannot interpret '%r' as a data type" % (obj,))
    if isinstance(obj, str):
        key = obj.lstrip("<>=|")
        d = _DTYPE_NAMES.get(key)
        if d is not None:
            return d
        name = _UNSUPPORTED_NAMES.get(key)
        if name is not None:
            raise _unsupported_dtype(name)
        raise TypeError("data type %r not understood" % obj)
    d = getattr(obj, "dtype", None)
    if isinstance(d, dtype):
        return d
    raise TypeError("Cannot interpret '%r' as a data type" % (obj,))


def _promote(a, b):
    """np.promote_types for the supported dtypes."""
    if a is b:
        return a
    if a._rank < b._rank:
        a, b = b, a
    if a is _F32 and b is _I64:
        return _F64
    return a


def _weak(d, v):
    """The result dtype of an array of dtype `d` with a Python scalar `v` (NEP 50: the scalar is weak)."""
    t = type(v)
    if t is bool:
        return d
    if t is int:
        return _I64 if d is _B else d
    return _F64 if d._rank < 2 else d


def _py_dtype(v):
    """The dtype NumPy gives a Python scalar on its own (`np.asarray(v).dtype`)."""
    t = type(v)
    if t is float:
        return _F64
    if t is bool:
        return _B
    return _I64


def promote_types(type1, type2):
    return _promote(_dtype(type1), _dtype(type2))


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


# ---------------------------------------------------------------------------------------------------
# scalar types


class generic:
    """Base of NumPy's scalar types (np.float64(1.5), np.int64(3), np.True_)."""

    __slots__ = ()
    shape = ()
    ndim = 0
    size = 1

    @property
    def dtype(self):
        return type(self)._dtype_obj

    @property
    def itemsize(self):
        return type(self)._dtype_obj.itemsize

    @property
    def nbytes(self):
        return type(self)._dtype_obj.itemsize

    @property
    def T(self):
        return self

    def item(self, *args):
        return self._py()

    def tolist(self):
        return self._py()

    def __array__(self, dtype=None, copy=None):
        return _full0(self._py(), type(self)._dtype_obj if dtype is None else _dtype(dtype))

    def astype(self, dtype, copy=True):
        return _scalar_as(self._py(), _dtype(dtype))

    def __repr__(self):
        return str(_E.np_scalar_repr(self._py(), type(self)._dtype_obj.name))

    def __str__(self):
        return str(_E.np_scalar_str(self._py(), type(self)._dtype_obj.name))

    def __format__(self, spec):
        if not spec:
            return self.__str__()
        return format(self._py(), spec)

    def __bool__(self):
        return bool(self._py())

    def __float__(self):
        return float(self._py())

    def __int__(self):
        return int(self._py())

    def __hash__(self):
        return hash(self._py())

    def __reduce__(self):
        return (_scalar, (self._py(), type(self)._dtype_obj.name))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __round__(self, ndigits=None):
        if ndigits is None:
            return int(_b.round(self._py()))
        return around(self, ndigits)

    def round(self, decimals=0):
        return around(self, decimals)

    def __neg__(self):
        d = type(self)._dtype_obj
        if d is _B:
            raise TypeError(_BOOL_NEGATIVE)
        return _scalar_as(-self._py(), d)

    def __pos__(self):
        return self

    def __abs__(self):
        return _scalar_as(_b.abs(self._py()), type(self)._dtype_obj)

    def __invert__(self):
        d = type(self)._dtype_obj
        if d is _B:
            return False_ if self._py() else True_
        if d is _I64:
            return _scalar_as(~self._py(), d)
        raise TypeError(_NO_LOOP % "invert")

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError("'numpy.%s' object has no attribute '%s'" % (type(self).__name__, name))
        # Array methods (x.sum(), x.reshape(...)) work on a scalar through its 0-d array.
        fn = getattr(ndarray, name, None)
        if fn is None or name.startswith("_"):
            raise AttributeError("'numpy.%s' object has no attribute '%s' (%s)" % (type(self).__name__, name, _PARTIAL))
        return getattr(self.__array__(), name)


class number(generic):
    __slots__ = ()


class integer(number):
    __slots__ = ()

    def is_integer(self):
        return True


class signedinteger(integer):
    __slots__ = ()


class unsignedinteger(integer):
    __slots__ = ()


class inexact(number):
    __slots__ = ()


class floating(inexact):
    __slots__ = ()

    def is_integer(self):
        return float(self._py()).is_integer()


class complexfloating(inexact):
    __slots__ = ()


class float64(floating, float):
    """np.float64: a Python float subclass, as in NumPy."""

    __slots__ = ()

    def __new__(cls, x=0.0):
        if isinstance(x, (list, tuple, ndarray)):
            return array(x, dtype=_F64)
        if isinstance(x, str):
            x = float(x)
        return float.__new__(cls, x)

    def _py(self):
        return float.__float__(self)

    # float64's digits are Python's repr (Dragon4 and Python's dtoa agree on the shortest round-trip digits).
    def __repr__(self):
        return "np.float64(%s)" % float.__repr__(self)

    def __str__(self):
        return float.__repr__(self)

    def __float__(self):
        return float.__float__(self)

    def __getnewargs__(self):
        return (float.__float__(self),)


class float32(floating):
    __slots__ = ("_v",)

    def __new__(cls, x=0.0):
        if isinstance(x, (list, tuple, ndarray)):
            return array(x, dtype=_F32)
        s = _new(cls)
        s._v = _f32(float(x))
        return s

    def _py(self):
        return self._v


class int64(signedinteger):
    __slots__ = ("_v",)

    def __new__(cls, x=0):
        if isinstance(x, (list, tuple, ndarray)):
            return array(x, dtype=_I64)
        if isinstance(x, str):
            x = int(x)
        v = int(x)
        if not -(2**63) <= v < 2**63:
            raise OverflowError("Python integer %d out of bounds for int64" % v)
        s = _new(cls)
        s._v = v
        return s

    def _py(self):
        return self._v

    def __index__(self):
        return self._v

    def __repr__(self):
        return "np.int64(%d)" % self._v

    def __str__(self):
        return "%d" % self._v


class bool_(generic):
    __slots__ = ("_v",)

    def __new__(cls, x=False):
        if isinstance(x, (list, tuple, ndarray)):
            return array(x, dtype=_B)
        return True_ if x else False_

    def _py(self):
        return self._v

    def __repr__(self):
        return "np.True_" if self._v else "np.False_"

    def __str__(self):
        return "True" if self._v else "False"


# NumPy 2 names the type `numpy.bool` (`np.bool_` is an alias).
bool_.__name__ = "bool"
bool_.__qualname__ = "bool"

True_ = _new(bool_)
True_._v = True
False_ = _new(bool_)
False_._v = False

float64._dtype_obj = _F64
float32._dtype_obj = _F32
int64._dtype_obj = _I64
bool_._dtype_obj = _B
_F64.type = float64
_F32.type = float32
_I64.type = int64
_B.type = bool_

double = float64
single = float32
int_ = intp = longlong = int64


def _unsupported_type(name, base):
    def __new__(cls, *args, **kwargs):
        raise _unsupported_dtype(name)

    return type(name, (base,), {"__slots__": (), "__new__": __new__, "__module__": "numpy", "_unsupported": name})


int8 = byte = _unsupported_type("int8", signedinteger)
int16 = short = _unsupported_type("int16", signedinteger)
int32 = intc = _unsupported_type("int32", signedinteger)
uint8 = ubyte = _unsupported_type("uint8", unsignedinteger)
uint16 = ushort = _unsupported_type("uint16", unsignedinteger)
uint32 = uintc = _unsupported_type("uint32", unsignedinteger)
uint64 = uint = uintp = _unsupported_type("uint64", unsignedinteger)
float16 = half = _unsupported_type("float16", floating)
longdouble = _unsupported_type("longdouble", floating)
complex64 = csingle = _unsupported_type("complex64", complexfloating)
complex128 = cdouble = _unsupported_type("complex128", complexfloating)
object_ = _unsupported_type("object", generic)
str_ = _unsupported_type("str", generic)
bytes_ = _unsupported_type("bytes", generic)


def _scalar_as(v, d):
    """The NumPy scalar of dtype `d` holding Python number `v` (cast as a store into that dtype would)."""
    if d is _F64:
        return float.__new__(float64, v)
    if d is _F32:
        s = _new(float32)
        s._v = _f32(float(v))
        return s
    if d is _I64:
        s = _new(int64)
        if type(v) is float:
            if v != v:
                v = -(2**63)
            elif v in (_math.inf, -_math.inf):
                v = -(2**63)
            else:
                v = int(v)
        else:
            v = int(v)
            if not -(2**63) <= v < 2**63:
                v = (v + 2**63) % 2**64 - 2**63
        s._v = v
        return s
    return True_ if v else False_


def _scalar(value, dtype_name):
    """A NumPy scalar for a Python number: `_scalar(1.5, 'float32')` is np.float32(1.5)."""
    return _scalar_as(value, _DT[dtype_name])


def isscalar(element):
    return isinstance(element, (generic, int, float, complex, str, bytes))


# Scalar arithmetic runs on Python numbers and rounds once to the result dtype: exact for + - * / and sqrt, as
# float64 has more than twice float32's precision.

_BOOL_NEGATIVE = (
    "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not "
    "function instead."
)
_BOOL_SUBTRACT = (
    "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the "
    "logical_xor function instead."
)
_NO_LOOP = (
    "ufunc '%s' not supported for the input types, and the inputs could not be safely coerced to any supported "
    "types according to the casting rule ''safe''"
)


def _fdiv(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        if a != a or a == 0:
            return _math.nan
        neg = (a < 0) != (_math.copysign(1.0, b) < 0)
        return -_math.inf if neg else _math.inf


def _floordiv(a, b, integral):
    try:
        return a // b
    except ZeroDivisionError:
        return 0 if integral else _fdiv(a, b)


def _mod(a, b, integral):
    try:
        return a % b
    except ZeroDivisionError:
        return 0 if integral else _math.nan


def _pow(a, b, integral):
    if integral:
        if b < 0:
            raise ValueError("Integers to negative integer powers are not allowed.")
        return a**b
    try:
        return _math.pow(a, b)
    except ValueError:
        return _math.nan
    except OverflowError:
        return _math.inf if a > 0 or float(b).is_integer() and int(b) % 2 == 0 else -_math.inf


_SCALAR_OPS = {
    "add": lambda a, b, d: (a or b) if d is _B else a + b,
    "sub": lambda a, b, d: a - b,
    "mul": lambda a, b, d: (a and b) if d is _B else a * b,
    "div": lambda a, b, d: _fdiv(float(a), float(b)),
    "floordiv": lambda a, b, d: _floordiv(a, b, d._rank < 2),
    "mod": lambda a, b, d: _mod(a, b, d._rank < 2),
    "pow": lambda a, b, d: _pow(a, b, d._rank < 2),
    "and": lambda a, b, d: a & b,
    "or": lambda a, b, d: a | b,
    "xor": lambda a, b, d: a ^ b,
}
_COMPARE = {
    "eq": _operator.eq,
    "ne": _operator.ne,
    "lt": _operator.lt,
    "le": _operator.le,
    "gt": _operator.gt,
    "ge": _operator.ge,
}
_UFUNC_NAMES = {
    "add": "add", "sub": "subtract", "mul": "multiply", "div": "divide", "floordiv": "floor_divide",
    "mod": "remainder", "pow": "power", "and": "bitwise_and", "or": "bitwise_or", "xor": "bitwise_xor",
    "maximum": "maximum", "minimum": "minimum",
}
_TORCH_DUNDERS = {
    "add": ("__add__", "__radd__"), "sub": ("__sub__", "__rsub__"), "mul": ("__mul__", "__rmul__"),
    "div": ("__truediv__", "__rtruediv__"), "floordiv": ("__floordiv__", "__rfloordiv__"),
    "mod": ("__mod__", "__rmod__"), "pow": ("__pow__", "__rpow__"), "and": ("__and__", "__rand__"),
    "or": ("__or__", "__ror__"), "xor": ("__xor__", "__rxor__"), "eq": ("__eq__", "__eq__"),
    "ne": ("__ne__", "__ne__"), "lt": ("__lt__", "__gt__"), "le": ("__le__", "__ge__"), "gt": ("__gt__", "__lt__"),
    "ge": ("__ge__", "__le__"), "matmul": ("__matmul__", "__rmatmul__"),
}


def _is_tensor(x):
    return type(x).__module__.startswith("torch")


def _scalar_binary(name, reflected):
    def method(self, other):
        tp = type(other)
        if tp is float or tp is int or tp is bool:
            d = _weak(type(self)._dtype_obj, other)
            ov = other
        elif isinstance(other, generic):
            d = _promote(type(self)._dtype_obj, type(other)._dtype_obj)
            ov = other._py()
        elif isinstance(other, ndarray) or isinstance(other, (list, tuple)):
            return NotImplemented
        elif _is_tensor(other):
            # PyTorch treats a NumPy scalar like a Python number.
            forward, backward = _TORCH_DUNDERS[name]
            return getattr(other, forward if reflected else backward)(self._py())
        else:
            return NotImplemented
        a, b = self._py(), ov
        if reflected:
            a, b = b, a
        if name in _COMPARE:
            # Both sides in the common dtype first (np.float32(0.1) == 0.1 compares two float32 values).
            if d is _F32:
                a, b = _f32(float(a)), _f32(float(b))
            return True_ if _COMPARE[name](a, b) else False_
        if name == "div":
            d = d if d._rank >= 2 else _F64
        elif name == "sub" and d is _B:
            raise TypeError(_BOOL_SUBTRACT)
        elif name in ("and", "or", "xor") and d._rank >= 2:
            raise TypeError(_NO_LOOP % _UFUNC_NAMES[name])
        elif name in ("floordiv", "mod", "pow") and d is _B:
            d = _I64
        if d._rank < 2:
            a, b = int(a), int(b)
        elif d is _F32:
            # A weak Python float becomes a float32 before the float32 operation, as in NumPy.
            a, b = _f32(float(a)), _f32(float(b))
        return _scalar_as(_SCALAR_OPS.get(name, _COMPARE.get(name))(a, b, d), d)

    return method


for _name, (_fwd, _rev) in (
    ("add", ("__add__", "__radd__")), ("sub", ("__sub__", "__rsub__")), ("mul", ("__mul__", "__rmul__")),
    ("div", ("__truediv__", "__rtruediv__")), ("floordiv", ("__floordiv__", "__rfloordiv__")),
    ("mod", ("__mod__", "__rmod__")), ("pow", ("__pow__", "__rpow__")), ("and", ("__and__", "__rand__")),
    ("or", ("__or__", "__ror__")), ("xor", ("__xor__", "__rxor__")),
):
    setattr(generic, _fwd, _scalar_binary(_name, False))
    setattr(generic, _rev, _scalar_binary(_name, True))
for _name, _fwd in (("eq", "__eq__"), ("ne", "__ne__"), ("lt", "__lt__"), ("le", "__le__"), ("gt", "__gt__"), ("ge", "__ge__")):
    setattr(generic, _fwd, _scalar_binary(_name, False))
# Defining __eq__ clears the inherited hash; scalars hash like the Python number they hold.
for _cls in (generic, float64, float32, int64, bool_):
    _cls.__hash__ = generic.__hash__
del _name, _fwd, _rev, _cls


# ---------------------------------------------------------------------------------------------------
# ndarray


def _wrap(t, d=None):
    a = _new(ndarray)
    a._t = t
    a._shape = None
    a._dt = d
    return a


def _from_engine(t):
    """Wraps an engine tensor as an ndarray without copying (see the module docstring)."""
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
    if d is _I64:
        s = _new(int64)
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
    if d is _I64:
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


def _cast(a, d):
    """The engine tensor of array `a` in dtype `d` (the same tensor when it already is)."""
    if a.dtype is d:
        return a._t
    return _op("to", a._t, d.name)


class _Operand:
    """What an ufunc sees of one argument: an array, or a Python scalar (weak) or NumPy scalar (strong)."""

    __slots__ = ("arr", "value", "dtype", "weak")


def _operand(x):
    o = _new(_Operand)
    tp = type(x)
    if tp is ndarray:
        o.arr, o.value, o.dtype, o.weak = x, None, x.dtype, False
    elif tp is float or tp is int or tp is bool:
        o.arr, o.value, o.dtype, o.weak = None, x, None, True
    elif isinstance(x, generic):
        o.arr, o.value, o.dtype, o.weak = None, x._py(), type(x)._dtype_obj, False
    elif isinstance(x, (list, tuple, range)):
        a = asarray(x)
        o.arr, o.value, o.dtype, o.weak = a, None, a.dtype, False
    else:
        return None
    return o


def _result_dtype(p, q):
    if p.weak and q.weak:
        return _weak(_py_dtype(p.value), q.value)
    if p.weak:
        return _weak(q.dtype, p.value)
    if q.weak:
        return _weak(p.dtype, q.value)
    return _promote(p.dtype, q.dtype)


def _tensor_of(o, d):
    """Engine tensor for an operand in dtype `d` (a scalar becomes a 0-d tensor)."""
    if o.arr is not None:
        return _cast(o.arr, d)
    return _call(_E.full, _js_number(o.value, d), d.name)


# Engine ops that take a Python scalar as their second operand directly; the rest need tensors.
_SCALAR_RHS = frozenset(["add", "sub", "mul", "div", "floordiv", "mod", "pow", "eq", "ne", "lt", "le", "gt", "ge"])
_BITWISE = frozenset(["and", "or", "xor"])
_DIVMOD = {"floordiv": 0, "mod": 1}


def _ufunc2(x1, x2, name, keep0d=False):
    """A binary ufunc (engine tensor, dtype) or NotImplemented; errors are NumPy's."""
    p = _operand(x1)
    q = _operand(x2)
    if p is None or q is None:
        return NotImplemented
    d = _result_dtype(p, q)
    out_d = d
    if name in _COMPARE:
        out_d = _B
    elif name == "div":
        if d._rank < 2:
            d = out_d = _F64
    elif d is _B:
        if name == "sub":
            raise TypeError(_BOOL_SUBTRACT)
        if name in ("floordiv", "mod", "pow"):
            d = out_d = _I64
    if name in _BITWISE and d._rank >= 2:
        raise TypeError(_NO_LOOP % _UFUNC_NAMES[name])
    if name == "pow" and d is _I64:
        neg = (q.value < 0) if q.arr is None else bool(_op("any", _op("lt", q.arr._t, 0, True), None, False).item())
        if neg:
            raise ValueError("Integers to negative integer powers are not allowed.")
    ta = _tensor_of(p, d)
    if name in _DIVMOD:
        tb = _tensor_of(q, d)
    elif q.arr is None and p.arr is not None and name in _SCALAR_RHS:
        # A JS boolean keeps a bool op in bool; a number would promote it.
        tb = bool(q.value) if d is _B else _js_number(q.value, d)
        b_int = d is _I64
    else:
        tb = _tensor_of(q, d)
        b_int = False
    try:
        if name in _DIVMOD:
            # NumPy's divmod (exact fmod, zero-divisor results), not the engine's PyTorch-style rounding.
            r = _call(_E.np_divmod, ta, tb, _DIVMOD[name])
        elif name in _BITWISE:
            r = _op("bitwise", name, ta, tb, b_int)
        elif name in ("maximum", "minimum"):
            r = _op(name, ta, tb)
        else:
            r = _op(name, ta, tb, b_int)
    except (RuntimeError, ValueError) as e:
        sa = p.arr.shape if p.arr is not None else ()
        sb = q.arr.shape if q.arr is not None else ()
        if _broadcast(sa, sb) is None:
            raise ValueError("operands could not be broadcast together with shapes %s %s " % (_pytuple(sa), _pytuple(sb))) from None
        raise e from None
    if keep0d:
        return r, out_d
    return _result(r, out_d)


def _binary(name):
    forward_dunder, reflected_dunder = _TORCH_DUNDERS[name]

    def forward(self, other):
        if _is_tensor(other):
            return getattr(_torch_view(self), forward_dunder)(other)
        return _ufunc2(self, other, name)

    def reflected(self, other):
        if _is_tensor(other):
            return getattr(other, forward_dunder)(_torch_view(self))
        return _ufunc2(other, self, name)

    return forward, reflected


def _torch_view(a):
    # Only called with a tensor in hand, so torch is loaded; looked up rather than imported because numpy sits
    # below torch (torch imports numpy, never the reverse).
    return _sys.modules["torch"].from_numpy(a)


_CASTING_KIND = {"b": 0, "i": 1, "f": 2}


def _inplace(name):
    def method(self, other):
        if _is_tensor(other):
            other = asarray(other)
        r = _ufunc2(self, other, name, keep0d=True)
        if r is NotImplemented:
            return NotImplemented
        t, d = r
        if _CASTING_KIND[d.kind] > _CASTING_KIND[self.dtype.kind]:
            raise _UFuncOutputCastingError(
                "Cannot cast ufunc '%s' output from %r to %r with casting rule 'same_kind'" % (_UFUNC_NAMES[name], d, self.dtype)
            )
        shape = tuple(t.shape)
        if shape != self.shape:
            raise ValueError(
                "non-broadcastable output operand with shape %s doesn't match the broadcast shape %s"
                % (_pytuple(self.shape), _pytuple(shape))
            )
        _op("copy_", self._t, t)
        return self

    return method


class _UFuncOutputCastingError(TypeError):
    pass


_UFuncOutputCastingError.__name__ = "UFuncTypeError"
_UFuncOutputCastingError.__qualname__ = "UFuncTypeError"
_UFuncOutputCastingError.__module__ = "numpy._core._exceptions"


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
                items.append(_to_js(["s", _bound(it.start), _bound(it.stop), step]))
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
_FULL_SLICE = _to_js(["s", None, None, None])


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
    return asarray(value)._t


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
        return zeros(shape, dtype)

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
        d = _dtype(dtype)
        if d is self.dtype:
            return self.copy() if copy else self
        return _wrap(_op("to", self._t, d.name), d)

    def copy(self, order="C"):
        return _wrap(_op("clone", self._t), self.dtype)

    def view(self, dtype=None, type=None):
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

    __add__, __radd__ = _binary("add")
    __sub__, __rsub__ = _binary("sub")
    __mul__, __rmul__ = _binary("mul")
    __truediv__, __rtruediv__ = _binary("div")
    __floordiv__, __rfloordiv__ = _binary("floordiv")
    __mod__, __rmod__ = _binary("mod")
    __pow__, __rpow__ = _binary("pow")
    __and__, __rand__ = _binary("and")
    __or__, __ror__ = _binary("or")
    __xor__, __rxor__ = _binary("xor")
    __eq__, _ = _binary("eq")
    __ne__, _ = _binary("ne")
    __lt__, _ = _binary("lt")
    __le__, _ = _binary("le")
    __gt__, _ = _binary("gt")
    __ge__, _ = _binary("ge")
    del _
    __iadd__ = _inplace("add")
    __isub__ = _inplace("sub")
    __imul__ = _inplace("mul")
    __itruediv__ = _inplace("div")
    __ifloordiv__ = _inplace("floordiv")
    __imod__ = _inplace("mod")
    __ipow__ = _inplace("pow")
    __iand__ = _inplace("and")
    __ior__ = _inplace("or")
    __ixor__ = _inplace("xor")

    def __matmul__(self, other):
        if _is_tensor(other):
            return _torch_view(self).__matmul__(other)
        return matmul(self, other)

    def __rmatmul__(self, other):
        if _is_tensor(other):
            return other.__matmul__(_torch_view(self))
        return matmul(other, self)

    def __imatmul__(self, other):
        r = matmul(self, other)
        self[...] = r
        return self

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
        if order not in ("C", "A"):
            raise NotImplementedError("reshape(order=%r) is not supported by Autograd Playground's NumPy" % (order,))
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
        return _wrap(_op("reshape", self._t, *new), self.dtype)

    def ravel(self, order="C"):
        return self.reshape(-1)

    def flatten(self, order="C"):
        return _wrap(_op("clone", _op("reshape", self._t, -1)), self.dtype)

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

    def _acc_input(self, acc):
        """The tensor a reduction in dtype `acc` reads: exact widenings stay lazy (NumPy casts in its buffer)."""
        d = self.dtype
        if d is acc or d is _B or (d is _I64 and acc is _F64) or (d is _F32 and acc is _F64):
            return self._t
        return _cast(self, acc)

    def sum(self, axis=None, dtype=None, out=None, keepdims=False, initial=0, where=True):
        _no_out(out, where)
        acc = _dtype(dtype) if dtype is not None else (_I64 if self.dtype._rank < 2 else self.dtype)
        axes = _axes(axis, self.ndim)
        t = _call(_E.np_sum, self._acc_input(acc), None if axes is None else _to_js(axes), bool(keepdims), acc.name)
        r = _result(t, acc)
        return r + initial if initial != 0 else r

    def mean(self, axis=None, dtype=None, out=None, keepdims=False, where=True):
        _no_out(out, where)
        acc = _dtype(dtype) if dtype is not None else (_F64 if self.dtype._rank < 2 else self.dtype)
        if acc._rank < 2:
            return self.mean(axis, _F64, keepdims=keepdims).astype(acc)
        axes = _axes(axis, self.ndim)
        _warn_empty(self, axes, "Mean of empty slice.")
        t = _call(_E.np_mean, self._acc_input(acc), None if axes is None else _to_js(axes), bool(keepdims), acc.name)
        return _result(t, acc)

    def _var(self, axis, dtype, ddof, keepdims, std, correction):
        if correction is not None:
            ddof = correction
        acc = _dtype(dtype) if dtype is not None else (_F64 if self.dtype._rank < 2 else self.dtype)
        axes = _axes(axis, self.ndim)
        t = _call(_E.np_var, self._acc_input(acc), None if axes is None else _to_js(axes), float(ddof), bool(keepdims), acc.name, std)
        return _result(t, acc)

    def var(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None):
        _no_out(out, where)
        return self._var(axis, dtype, ddof, keepdims, False, correction)

    def std(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None):
        _no_out(out, where)
        return self._var(axis, dtype, ddof, keepdims, True, correction)

    def _extreme(self, which, axis, keepdims):
        axes = _axes(axis, self.ndim)
        if self.size == 0 and (axes is None or _b.any(self.shape[a] == 0 for a in axes)):
            raise ValueError("zero-size array to reduction operation %s which has no identity" % ("maximum" if which == "max" else "minimum"))
        if axes is None:
            t = _op(which + "_all", self._t)
            if keepdims:
                t = _op("reshape", t, *([1] * self.ndim))
            return _result(t, self.dtype)
        t = self._t
        for a in reversed(axes):
            t = _op(which + "_dim", t, a, True)[0]
        if not keepdims:
            t = _op("squeeze", t, _to_js(axes))
        return _result(t, self.dtype)

    def max(self, axis=None, out=None, keepdims=False, initial=None, where=True):
        _no_out(out, where)
        return self._extreme("max", axis, keepdims)

    def min(self, axis=None, out=None, keepdims=False, initial=None, where=True):
        _no_out(out, where)
        return self._extreme("min", axis, keepdims)

    def _arg(self, which, axis, keepdims):
        if self.size == 0:
            raise ValueError("attempt to get %s of an empty sequence" % which)
        if axis is None:
            t = _op(which, self._t, None, False)
            if keepdims:
                t = _op("reshape", t, *([1] * self.ndim))
        else:
            t = _op(which, self._t, _normalize_axis(axis, self.ndim), bool(keepdims))
        return _result(t, _I64)

    def argmax(self, axis=None, out=None, *, keepdims=False):
        return self._arg("argmax", axis, keepdims)

    def argmin(self, axis=None, out=None, *, keepdims=False):
        return self._arg("argmin", axis, keepdims)

    def _fold(self, name, axis, keepdims, out_d):
        """A reduction the engine does one axis at a time (prod, any, all)."""
        axes = _axes(axis, self.ndim)
        t = self._t
        if axes is None:
            t = _op(name, t, None, False)
            if keepdims:
                t = _op("reshape", t, *([1] * self.ndim))
        else:
            for a in reversed(axes):
                t = _op(name, t, a, True)
            if not keepdims:
                t = _op("squeeze", t, _to_js(axes))
        return _result(t, out_d)

    def prod(self, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
        _no_out(out, where)
        a = self if dtype is None else self.astype(dtype)
        return a._fold("prod", axis, keepdims, _I64 if a.dtype._rank < 2 else a.dtype)

    def any(self, axis=None, out=None, keepdims=False, *, where=True):
        _no_out(out, where)
        return self._fold("any", axis, keepdims, _B)

    def all(self, axis=None, out=None, keepdims=False, *, where=True):
        _no_out(out, where)
        return self._fold("all", axis, keepdims, _B)

    def cumsum(self, axis=None, dtype=None, out=None):
        a = self if dtype is None else self.astype(dtype)
        if axis is None:
            a = a.ravel()
            axis = 0
        d = _I64 if a.dtype._rank < 2 else a.dtype
        return _wrap(_call(_E.np_cumsum, _cast(a, d), _normalize_axis(axis, a.ndim)), d)

    # -- other methods --------------------------------------------------------------------------

    def round(self, decimals=0, out=None):
        return around(self, decimals)

    def clip(self, min=None, max=None, out=None, **kwargs):
        return clip(self, min, max)

    def dot(self, b):
        return dot(self, b)

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


def _no_out(out, where=True):
    if out is not None:
        raise NotImplementedError("the out= argument is not supported by Autograd Playground's NumPy")
    if where is not True:
        raise NotImplementedError("the where= argument is not supported by Autograd Playground's NumPy")


def _warn_empty(a, axes, message):
    n = a.size if axes is None else 1
    if axes is not None:
        for ax in axes:
            n *= a.shape[ax]
    if n == 0:
        import warnings

        warnings.warn(message, RuntimeWarning, stacklevel=3)


# ---------------------------------------------------------------------------------------------------
# array creation


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
        if _is_tensor(x):
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
                "Autograd Playground's NumPy has numeric arrays only (float32, float64, int64, bool); got %s %r"
                % (type(v).__name__, v)
            )
        elif isinstance(v, (list, tuple, ndarray, range)) or _is_tensor(v):
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
        if type(x) is ndarray or _is_tensor(x):
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
        if d is _I64:
            conv = []
            for v in flat:
                if type(v) is float:
                    if v != v:
                        raise ValueError("cannot convert float NaN to integer")
                    if v in (_math.inf, -_math.inf):
                        raise OverflowError("cannot convert float infinity to integer")
                elif not -(2**63) <= v < 2**63:
                    raise OverflowError("Python integer %d out of bounds for int64" % v)
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
    if _is_tensor(obj):
        arr = obj.__array__()
        return _asarray(arr, d, copy)
    if not isinstance(obj, (list, tuple, range)) and hasattr(obj, "__array__"):
        return _asarray(obj.__array__(), d, copy)
    if isinstance(obj, (str, bytes)):
        raise TypeError("Autograd Playground's NumPy has numeric arrays only (float32, float64, int64, bool); got a string")
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


def array(object, dtype=None, *, copy=True, order="K", subok=False, ndmin=0, like=None):
    a = _asarray(object, None if dtype is None else _dtype(dtype), copy is not False)
    if ndmin > a.ndim:
        a = a.reshape((1,) * (ndmin - a.ndim) + a.shape)
    return a


def asarray(a, dtype=None, order=None, *, device=None, copy=None, like=None):
    return _asarray(a, None if dtype is None else _dtype(dtype), copy is True)


asanyarray = asarray


def ascontiguousarray(a, dtype=None, *, like=None):
    a = asarray(a, dtype)
    return a if a._t.isContiguous() else a.copy()


def _engine_tensor_of(obj):
    """See the module docstring: the engine tensor torch.tensor() should copy, or None."""
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


def _filled(shape, value, d):
    return _wrap(_call(_E.full, _js_number(value, d), d.name, *_shape_arg(shape)), d)


def zeros(shape, dtype=float, order="C", *, device=None, like=None):
    return _filled(shape, 0, _dtype(dtype))


def ones(shape, dtype=None, order="C", *, device=None, like=None):
    return _filled(shape, 1, _dtype(dtype))


def empty(shape, dtype=float, order="C", *, device=None, like=None):
    return _filled(shape, 0, _dtype(dtype))


def full(shape, fill_value, dtype=None, order="C", *, device=None, like=None):
    if isinstance(fill_value, (ndarray, list, tuple)):
        v = asarray(fill_value)
        out = zeros(shape, v.dtype if dtype is None else dtype)
        out[...] = v
        return out
    if dtype is None:
        d = type(fill_value)._dtype_obj if isinstance(fill_value, generic) else _py_dtype(fill_value)
    else:
        d = _dtype(dtype)
    return _filled(shape, fill_value._py() if isinstance(fill_value, generic) else fill_value, d)


def _like_shape(a, shape):
    return asarray(a).shape if shape is None else shape


def zeros_like(a, dtype=None, order="K", subok=True, shape=None, *, device=None):
    a = asarray(a)
    return _filled(_like_shape(a, shape), 0, a.dtype if dtype is None else _dtype(dtype))


def ones_like(a, dtype=None, order="K", subok=True, shape=None, *, device=None):
    a = asarray(a)
    return _filled(_like_shape(a, shape), 1, a.dtype if dtype is None else _dtype(dtype))


def empty_like(a, dtype=None, order="K", subok=True, shape=None, *, device=None):
    return zeros_like(a, dtype, shape=shape)


def full_like(a, fill_value, dtype=None, order="K", subok=True, shape=None, *, device=None):
    a = asarray(a)
    return full(_like_shape(a, shape), fill_value, a.dtype if dtype is None else dtype)


def _pynum(v):
    return v._py() if isinstance(v, generic) else v


def arange(start, stop=None, step=None, dtype=None, *, device=None, like=None):
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
    d = _dtype(dtype)
    m = N if M is None else M
    if k == 0:
        return _wrap(_call(_E.eye, _operator.index(N), _operator.index(m), d.name), d)
    flat = [0] * (N * m)
    for i in range(N):
        j = i + k
        if 0 <= j < m:
            flat[i * m + j] = 1
    return _from_flat(flat, (N, m), d)


def identity(n, dtype=None, *, like=None):
    return eye(n, dtype=float if dtype is None else dtype)


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
    return asarray(a).copy()


# ---------------------------------------------------------------------------------------------------
# joining


def _join_dtype(arrs, dtype):
    if dtype is not None:
        return _dtype(dtype)
    d = arrs[0].dtype
    for a in arrs[1:]:
        d = _promote(d, a.dtype)
    return d


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
    d = _join_dtype(arrs, dtype)
    return _wrap(_op("cat", ax, *[_cast(a, d) for a in arrs]), d)


def stack(arrays, axis=0, out=None, *, dtype=None, casting="same_kind"):
    arrs = [asarray(a) for a in arrays]
    if not arrs:
        raise ValueError("need at least one array to stack")
    for a in arrs[1:]:
        if a.shape != arrs[0].shape:
            raise ValueError("all input arrays must have the same shape")
    ax = _normalize_axis(axis, arrs[0].ndim + 1)
    d = _join_dtype(arrs, dtype)
    return _wrap(_op("stack", ax, *[_cast(a, d) for a in arrs]), d)


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
    return concatenate(arrs, 0, dtype=dtype)


row_stack = vstack


def hstack(tup, *, dtype=None, casting="same_kind"):
    arrs = atleast_1d(*tup)
    if not isinstance(arrs, tuple):
        arrs = (arrs,)
    return concatenate(arrs, 0 if arrs and arrs[0].ndim == 1 else 1, dtype=dtype)


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


# ---------------------------------------------------------------------------------------------------
# ufuncs and math


def _ufunc_operand(x):
    """`x` as an array (scalars become 0-d arrays with their NumPy dtype)."""
    return x if type(x) is ndarray else asarray(x)


_LIBM = frozenset(["log", "log1p", "sin", "cos"])


def _float_ufunc(name, engine_op, int_keeps=False):
    def f(x, /, out=None, *, where=True, dtype=None, **kwargs):
        _no_out(out, where)
        a = _ufunc_operand(x)
        d = a.dtype
        if dtype is not None:
            d = _dtype(dtype)
        elif d._rank < 2 and not int_keeps:
            d = _F64
        if d is _F64 and engine_op in _LIBM:
            return _result(_call(_E.np_libm, _cast(a, d), engine_op), d)
        return _result(_op(engine_op, _cast(a, d)), d)

    f.__name__ = name
    f.__qualname__ = name
    return f


sqrt = _float_ufunc("sqrt", "sqrt")
exp = _float_ufunc("exp", "exp")
expm1 = _float_ufunc("expm1", "expm1")
log = _float_ufunc("log", "log")
log2 = _float_ufunc("log2", "log2")
log10 = _float_ufunc("log10", "log10")
log1p = _float_ufunc("log1p", "log1p")
sin = _float_ufunc("sin", "sin")
cos = _float_ufunc("cos", "cos")
tan = _float_ufunc("tan", "tan")
tanh = _float_ufunc("tanh", "tanh")
rint = _float_ufunc("rint", "round")
floor = _float_ufunc("floor", "floor", int_keeps=True)
ceil = _float_ufunc("ceil", "ceil", int_keeps=True)
trunc = fix = _float_ufunc("trunc", "trunc", int_keeps=True)


def square(x, /, out=None, **kwargs):
    a = _ufunc_operand(x)
    # NumPy squares bools in int8, which the playground lacks; int64 holds the same values.
    d = _I64 if a.dtype is _B else a.dtype
    t = _cast(a, d)
    return _result(_op("mul", t, t, False), d)


def absolute(x, /, out=None, **kwargs):
    return abs(_ufunc_operand(x))


fabs = absolute


def abs(x, /, out=None, **kwargs):
    a = _ufunc_operand(x)
    return a.__abs__()


def negative(x, /, out=None, **kwargs):
    return -_ufunc_operand(x)


def positive(x, /, out=None, **kwargs):
    return +_ufunc_operand(x)


def sign(x, /, out=None, **kwargs):
    a = _ufunc_operand(x)
    if a.dtype is _B:
        raise TypeError(_NO_LOOP % "sign")
    return _result(_op("sign", a._t), a.dtype)


def reciprocal(x, /, out=None, **kwargs):
    a = _ufunc_operand(x)
    if a.dtype._rank >= 2:
        return _ufunc2(1.0, a, "div")
    # Integer reciprocal is C integer division: 1 // x truncated toward zero.
    d = _I64
    return _result(_op("div", _call(_E.full, 1, "int64"), _cast(a, d), False, "trunc"), d)


def isnan(x, /, out=None, **kwargs):
    return _result(_op("isnan", _ufunc_operand(x)._t), _B)


def isinf(x, /, out=None, **kwargs):
    return _result(_op("isinf", _ufunc_operand(x)._t), _B)


def isfinite(x, /, out=None, **kwargs):
    return _result(_op("isfinite", _ufunc_operand(x)._t), _B)


def logical_not(x, /, out=None, **kwargs):
    return _result(_op("logical_not", _ufunc_operand(x)._t), _B)


def _binary_ufunc(name, op_name):
    def f(x1, x2, /, out=None, *, where=True, dtype=None, **kwargs):
        _no_out(out, where)
        if _is_tensor(x1) or _is_tensor(x2):
            x1, x2 = asarray(x1), asarray(x2)
        r = _ufunc2(x1, x2, op_name)
        if r is NotImplemented:
            raise TypeError("ufunc '%s' not supported for the input types" % name)
        return r if dtype is None else asarray(r).astype(dtype)[()]

    f.__name__ = name
    f.__qualname__ = name
    return f


add = _binary_ufunc("add", "add")
subtract = _binary_ufunc("subtract", "sub")
multiply = _binary_ufunc("multiply", "mul")
divide = true_divide = _binary_ufunc("divide", "div")
floor_divide = _binary_ufunc("floor_divide", "floordiv")
remainder = mod = _binary_ufunc("remainder", "mod")
power = pow = _binary_ufunc("power", "pow")
maximum = _binary_ufunc("maximum", "maximum")
minimum = _binary_ufunc("minimum", "minimum")
equal = _binary_ufunc("equal", "eq")
not_equal = _binary_ufunc("not_equal", "ne")
less = _binary_ufunc("less", "lt")
less_equal = _binary_ufunc("less_equal", "le")
greater = _binary_ufunc("greater", "gt")
greater_equal = _binary_ufunc("greater_equal", "ge")
bitwise_and = _binary_ufunc("bitwise_and", "and")
bitwise_or = _binary_ufunc("bitwise_or", "or")
bitwise_xor = _binary_ufunc("bitwise_xor", "xor")


def _logical(name, engine_op):
    def f(x1, x2, /, out=None, **kwargs):
        a, b = asarray(x1), asarray(x2)
        return _result(_op(engine_op, a._t, b._t), _B)

    f.__name__ = name
    return f


logical_and = _logical("logical_and", "logical_and")
logical_or = _logical("logical_or", "logical_or")
logical_xor = _logical("logical_xor", "logical_xor")


def matmul(x1, x2, /, out=None, **kwargs):
    if _is_tensor(x1) or _is_tensor(x2):
        x1, x2 = asarray(x1), asarray(x2)
    a = x1 if type(x1) is ndarray else asarray(x1)
    b = x2 if type(x2) is ndarray else asarray(x2)
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError(
            "matmul: Input operand %d does not have enough dimensions (has 0, gufunc core with signature "
            "(n?,k),(k,m?)->(n?,m?) requires 1)" % (0 if a.ndim == 0 else 1)
        )
    k1 = a.shape[-1]
    k2 = b.shape[-2] if b.ndim > 1 else b.shape[0]
    if k1 != k2:
        raise ValueError(
            "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
            "(n?,k),(k,m?)->(n?,m?) (size %d is different from %d)" % (k2, k1)
        )
    d = _promote(a.dtype, b.dtype)
    if d is _B:
        return _result(_op("ne", _op("matmul", _cast(a, _I64), _cast(b, _I64)), 0, True), _B)
    return _result(_op("matmul", _cast(a, d), _cast(b, d)), d)


def dot(a, b, out=None):
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
    return matmul(a, swapaxes(b, -1, -2) if b.ndim > 1 else b)


def outer(a, b, out=None):
    a = asarray(a).ravel()
    b = asarray(b).ravel()
    return multiply(a.reshape(-1, 1), b.reshape(1, -1))


def moveaxis(a, source, destination):
    a = asarray(a)
    nd = a.ndim
    src = _normalize_axis(source, nd)
    dst = _normalize_axis(destination, nd)
    order = [i for i in range(nd) if i != src]
    order.insert(dst, src)
    return a.transpose(order)


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


# ---------------------------------------------------------------------------------------------------
# reductions and sorting


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


def issubdtype(arg1, arg2):
    t1 = arg1 if isinstance(arg1, type) and issubclass(arg1, generic) else _dtype(arg1).type
    t2 = arg2 if isinstance(arg2, type) and issubclass(arg2, generic) else _dtype(arg2).type
    return issubclass(t1, t2)


def can_cast(from_, to, casting="safe"):
    a, b = _dtype(from_), _dtype(to)
    if casting == "unsafe":
        return True
    if casting == "same_kind":
        return _CASTING_KIND[a.kind] <= _CASTING_KIND[b.kind]
    return _promote(a, b) is b


class finfo:
    def __init__(self, dtype):
        d = _dtype(dtype)
        if d is _F32:
            self.bits, self.eps, self.max, self.tiny, self.precision, self.resolution = 32, float32(2.0**-23), float32(3.4028234663852886e38), float32(2.0**-126), 6, float32(1e-6)
        elif d is _F64:
            self.bits, self.eps, self.max, self.tiny, self.precision, self.resolution = 64, float64(2.0**-52), float64(1.7976931348623157e308), float64(2.0**-1022), 15, float64(1e-15)
        else:
            raise ValueError("data type %r not inexact" % d.type)
        self.dtype = d
        self.min = -self.max
        self.smallest_normal = self.tiny

    def __repr__(self):
        return "finfo(resolution=%s, min=%s, max=%s, dtype=%s)" % (self.resolution, self.min, self.max, self.dtype)


class iinfo:
    def __init__(self, int_type):
        d = _dtype(int_type)
        if d is not _I64:
            raise ValueError("Invalid integer data type %r." % d.kind)
        self.dtype = d
        self.bits = 64
        self.min = -(2**63)
        self.max = 2**63 - 1

    def __repr__(self):
        return "iinfo(min=%d, max=%d, dtype=int64)" % (self.min, self.max)


# ---------------------------------------------------------------------------------------------------
# printing options


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, suppress=None, nanstr=None,
                     infstr=None, formatter=None, sign=None, floatmode=None, *, legacy=None, override_repr=None):
    if formatter is not None or override_repr is not None:
        raise NotImplementedError("np.set_printoptions(formatter=...) is not supported by Autograd Playground's NumPy")
    if legacy not in (None, False):
        raise NotImplementedError("np.set_printoptions(legacy=...) is not supported by Autograd Playground's NumPy")
    opts = {}
    if precision is not None:
        try:
            opts["precision"] = _operator.index(precision)
        except TypeError:
            raise TypeError("precision must be an integer") from None
    if threshold is not None:
        if not isinstance(threshold, (int, float, generic)):
            raise TypeError("threshold must be numeric")
        opts["threshold"] = float(threshold)
    if edgeitems is not None:
        opts["edgeitems"] = _operator.index(edgeitems)
    if linewidth is not None:
        opts["linewidth"] = _operator.index(linewidth)
    if suppress is not None:
        opts["suppress"] = bool(suppress)
    if nanstr is not None:
        opts["nanstr"] = str(nanstr)
    if infstr is not None:
        opts["infstr"] = str(infstr)
    if sign is not None:
        opts["sign"] = sign
    if floatmode is not None:
        opts["floatmode"] = floatmode
    try:
        _E.np_set_printoptions(_to_js(opts, dict_converter=_js_object))
    except _JsException as e:
        raise ValueError(getattr(e, "message", str(e))) from None


def _js_object(entries):
    import js

    return js.Object.fromEntries(entries)


def get_printoptions():
    o = _E.np_get_printoptions().to_py()
    threshold = o["threshold"]
    return {
        "edgeitems": int(o["edgeitems"]),
        "threshold": int(threshold) if threshold == threshold and _b.abs(threshold) != _math.inf else threshold,
        "floatmode": o["floatmode"],
        "precision": int(o["precision"]),
        "suppress": bool(o["suppress"]),
        "linewidth": int(o["linewidth"]),
        "nanstr": o["nanstr"],
        "infstr": o["infstr"],
        "sign": o["sign"],
        "formatter": None,
        "legacy": False,
        "override_repr": None,
    }


class printoptions:
    """`with np.printoptions(precision=3): ...`"""

    def __init__(self, *args, **kwargs):
        self._args = args
        self._kwargs = kwargs

    def __enter__(self):
        self._saved = get_printoptions()
        set_printoptions(*self._args, **self._kwargs)
        return get_printoptions()

    def __exit__(self, *exc):
        s = self._saved
        set_printoptions(precision=s["precision"], threshold=s["threshold"], edgeitems=s["edgeitems"],
                         linewidth=s["linewidth"], suppress=s["suppress"], nanstr=s["nanstr"], infstr=s["infstr"],
                         sign=s["sign"], floatmode=s["floatmode"])


def array_repr(arr, max_line_width=None, precision=None, suppress_small=None):
    with printoptions(linewidth=max_line_width, precision=precision, suppress=suppress_small):
        return repr(asarray(arr))


def array_str(a, max_line_width=None, precision=None, suppress_small=None):
    with printoptions(linewidth=max_line_width, precision=precision, suppress=suppress_small):
        return str(asarray(a))


class errstate:
    """Accepted for compatibility; the playground's NumPy does not warn about floating-point errors."""

    def __init__(self, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __call__(self, fn):
        return fn


def seterr(all=None, divide=None, over=None, under=None, invalid=None):
    return {"divide": "warn", "over": "warn", "under": "ignore", "invalid": "warn"}


def geterr():
    return {"divide": "warn", "over": "warn", "under": "ignore", "invalid": "warn"}


# A new run must not inherit the previous script's print options (modules outlive runs in a session).
_playground_hooks.on_run_start(lambda: _E.np_reset_printoptions())


# ---------------------------------------------------------------------------------------------------
# constants and the rest of the namespace

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
