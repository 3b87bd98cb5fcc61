"""NumPy's scalar types: the hierarchy under np.generic, the four the engine has (np.float64, a Python float
subclass as in NumPy, np.float32, np.int64, np.bool), the others as types that say they are unsupported, scalar
arithmetic in NumPy 2's promotion, and the queries over the types (issubdtype, finfo, iinfo).

What a scalar does as an array (`x.sum()`, `np.float64([1, 2])`) imports multiarray where it is done, and
fromnumeric binds `round` onto the types: those build on this module, as NumPy's arrays build on its scalars."""

import builtins as _b
import math as _math
import operator as _operator
import struct as _struct

from _playground_host import binding as _E

from ._internal import _PARTIAL, _new
from .numerictypes import _B, _DT, _F32, _F64, _I32, _I64, _dtype, _promote, _unsupported_dtype, _weak


def _f32(x):
    """Rounds a Python float to the nearest float32 (what a float32 store keeps)."""
    try:
        return _struct.unpack("f", _struct.pack("f", x))[0]
    except OverflowError:
        return _math.inf if x > 0 else -_math.inf


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
        # A scalar is an array of one element: item(0), item(-1) and item((0,)) name it too.
        for index in args:
            for i in index if isinstance(index, tuple) else (index,):
                if i not in (0, -1):
                    raise IndexError("index %d is out of bounds for size 1" % i)
        return self._py()

    def tolist(self):
        return self._py()

    def __array__(self, dtype=None, copy=None):
        from .multiarray import _full0

        return _full0(self._py(), type(self)._dtype_obj if dtype is None else _dtype(dtype))

    def astype(self, dtype, copy=True):
        d = _dtype(dtype)
        if not copy and d is type(self)._dtype_obj:
            return self
        return _scalar_as(self._py(), d)

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

    # __round__ and round are fromnumeric's around, bound onto this class there.

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
        if d is _I64 or d is _I32:
            return _scalar_as(~self._py(), d)
        raise TypeError(_NO_LOOP % "invert")

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError("'numpy.%s' object has no attribute '%s'" % (type(self).__name__, name))
        # Array methods (x.sum(), x.reshape(...)) work on a scalar through its 0-d array.
        from .multiarray import ndarray

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


# What a scalar type reads as a number; anything else may be a sequence or an array, which makes an array
# (np.float64([1, 2]) is array([1., 2.]), as in NumPy).
_PLAIN = frozenset([float, int, bool, str])


def _array_of(x, d):
    """An array of dtype `d` for a list, tuple or array `x`; None for anything else."""
    from .multiarray import array, ndarray

    return array(x, dtype=d) if isinstance(x, (list, tuple, ndarray)) else None


class float64(floating, float):
    """np.float64: a Python float subclass, as in NumPy."""

    __slots__ = ()

    def __new__(cls, x=0.0):
        a = None if type(x) in _PLAIN else _array_of(x, _F64)
        if a is not None:
            return a
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
        a = None if type(x) in _PLAIN else _array_of(x, _F32)
        if a is not None:
            return a
        s = _new(cls)
        s._v = _f32(float(x))
        return s

    def _py(self):
        return self._v


class int64(signedinteger):
    __slots__ = ("_v",)
    _BITS = 64

    def __new__(cls, x=0):
        a = None if type(x) in _PLAIN else _array_of(x, _I64)
        if a is not None:
            return a
        if isinstance(x, str):
            x = int(x)
        v = int(x)
        bound = 2 ** (cls._BITS - 1)
        if not -bound <= v < bound:
            raise OverflowError("Python integer %d out of bounds for %s" % (v, cls.__name__))
        s = _new(cls)
        s._v = v
        return s

    def _py(self):
        return self._v

    def __index__(self):
        return self._v

    def __repr__(self):
        return "np.%s(%d)" % (type(self).__name__, self._v)

    def __str__(self):
        return "%d" % self._v


class bool_(generic):
    __slots__ = ("_v",)

    def __new__(cls, x=False):
        a = None if type(x) in _PLAIN else _array_of(x, _B)
        if a is not None:
            return a
        return True_ if x else False_

    def _py(self):
        return self._v

    def __repr__(self):
        return "np.True_" if self._v else "np.False_"

    def __str__(self):
        return "True" if self._v else "False"


class int32(int64.__base__):
    __slots__ = ("_v",)
    _BITS = 32
    __new__ = int64.__new__
    _py = int64._py
    __index__ = int64.__index__
    __repr__ = int64.__repr__
    __str__ = int64.__str__


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
int32._dtype_obj = _I32
bool_._dtype_obj = _B
_F64.type = float64
_F32.type = float32
_I64.type = int64
_I32.type = int32
_B.type = bool_

double = float64
single = float32
int_ = intp = longlong = int64
intc = int32


def _unsupported_type(name, base):
    def __new__(cls, *args, **kwargs):
        raise _unsupported_dtype(name)

    return type(name, (base,), {"__slots__": (), "__new__": __new__, "__module__": "numpy", "_unsupported": name})


int8 = byte = _unsupported_type("int8", signedinteger)
int16 = short = _unsupported_type("int16", signedinteger)
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
    if d is _I64 or d is _I32:
        bits = 64 if d is _I64 else 32
        bound = 2 ** (bits - 1)
        s = _new(int64 if d is _I64 else int32)
        if type(v) is float:
            # NaN, infinities and floats out of range convert to the smallest integer, as x86's conversion does.
            v = int(v) if v == v and -bound <= v < bound else -bound
        else:
            v = int(v)
            if not -bound <= v < bound:
                v = (v + bound) % (2 * bound) - bound
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
# Each operator's (forward, reflected) method on the other operand, for handing a scalar operation over to it.
_DUNDERS = {
    "add": ("__add__", "__radd__"), "sub": ("__sub__", "__rsub__"), "mul": ("__mul__", "__rmul__"),
    "div": ("__truediv__", "__rtruediv__"), "floordiv": ("__floordiv__", "__rfloordiv__"),
    "mod": ("__mod__", "__rmod__"), "pow": ("__pow__", "__rpow__"), "and": ("__and__", "__rand__"),
    "or": ("__or__", "__ror__"), "xor": ("__xor__", "__rxor__"), "eq": ("__eq__", "__eq__"),
    "ne": ("__ne__", "__ne__"), "lt": ("__lt__", "__gt__"), "le": ("__le__", "__ge__"), "gt": ("__gt__", "__lt__"),
    "ge": ("__ge__", "__le__"),
}


def _scalar_binary(name, reflected):
    def method(self, other):
        tp = type(other)
        if tp is float or tp is int or tp is bool:
            d = _weak(type(self)._dtype_obj, other)
            ov = other
        elif isinstance(other, generic):
            d = _promote(type(self)._dtype_obj, type(other)._dtype_obj)
            ov = other._py()
        elif getattr(type(other), "__array_priority__", 0.0) > 0.0:
            # An operand that outranks arrays (torch.Tensor; ndarray's priority is 0) gets the Python number: PyTorch
            # treats a NumPy scalar like one. Arrays, lists and the rest are left to their own reflected operators.
            forward, backward = _DUNDERS[name]
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


def issubdtype(arg1, arg2):
    t1 = arg1 if isinstance(arg1, type) and issubclass(arg1, generic) else _dtype(arg1).type
    t2 = arg2 if isinstance(arg2, type) and issubclass(arg2, generic) else _dtype(arg2).type
    return issubclass(t1, t2)


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
        if d is not _I64 and d is not _I32:
            raise ValueError("Invalid integer data type %r." % d.kind)
        self.dtype = d
        self.bits = d.itemsize * 8
        self.min = -(2 ** (self.bits - 1))
        self.max = 2 ** (self.bits - 1) - 1

    def __repr__(self):
        return "iinfo(min=%d, max=%d, dtype=%s)" % (self.min, self.max, self.dtype.name)
