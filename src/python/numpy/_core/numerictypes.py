"""numpy.dtype and type promotion: the four dtypes the engine has (float32, float64, int64, bool), the names
that spell them, NumPy 2's promotion (NEP 50: Python scalars are weak) and casting rules."""

from ._internal import _new


class dtype:
    """A NumPy dtype; one shared object per supported type (`np.dtype('float32') is np.dtype(np.float32)`)."""

    __slots__ = ("name", "kind", "char", "itemsize", "type", "_rank", "_str")

    def __new__(cls, obj=None, align=False, copy=False):
        # align pads structured dtypes' fields, which the playground has none of; its dtypes are singletons, so a
        # copy would be the very dtype (and compares equal, as NumPy's copy does).
        if not isinstance(align, bool) or not isinstance(copy, bool):
            raise TypeError("dtype() arguments 'align' and 'copy' must be bools")
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
        return {"bool": 0, "int32": 5, "int64": 7, "float32": 11, "float64": 12}[self.name]

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
_I32 = _make_dtype("int32", "i", "i", 4, 1, "<i4")
_I64 = _make_dtype("int64", "i", "q", 8, 1, "<i8")
_F32 = _make_dtype("float32", "f", "f", 4, 2, "<f4")
_F64 = _make_dtype("float64", "f", "d", 8, 3, "<f8")
_DT = {"bool": _B, "int32": _I32, "int64": _I64, "float32": _F32, "float64": _F64}

_DTYPE_NAMES = {
    "float32": _F32, "f4": _F32, "f": _F32, "single": _F32,
    "float64": _F64, "f8": _F64, "d": _F64, "double": _F64, "float": _F64, "float_": _F64, "g": None,
    "int64": _I64, "i8": _I64, "q": _I64, "l": _I64, "int": _I64, "int_": _I64, "long": _I64, "longlong": _I64,
    "intp": _I64, "p": _I64,
    "int32": _I32, "i4": _I32, "i": _I32, "intc": _I32,
    "bool": _B, "?": _B, "b1": _B, "bool_": _B, "bool8": _B,
}

_UNSUPPORTED_NAMES = {
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
        "dtype %s is not supported by Autograd Playground's NumPy (it has float32, float64, int32, int64 and bool)" % name
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
    if a._rank == b._rank == 1:
        return _I64
    if a is _F32 and b._rank == 1:
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


# Casting kinds, in order: a 'same_kind' cast never goes down this order.
_CASTING_KIND = {"b": 0, "i": 1, "f": 2}


_CASTINGS = ("no", "equiv", "safe", "same_kind", "unsafe")


def can_cast(from_, to, casting="safe"):
    if casting not in _CASTINGS:
        raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got %r)" % (casting,))
    a, b = _dtype(from_), _dtype(to)
    if casting == "unsafe":
        return True
    if casting == "same_kind":
        return _CASTING_KIND[a.kind] <= _CASTING_KIND[b.kind]
    if casting in ("no", "equiv"):
        return a is b
    return _promote(a, b) is b
