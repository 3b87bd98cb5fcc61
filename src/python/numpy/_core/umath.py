"""Universal functions: NumPy's element-wise math and comparisons in NumPy 2's promotion, matmul, ndarray's
operators (which are these ufuncs, as in NumPy), and np.errstate, accepted and inert."""

import sys as _sys

from _playground_host import binding as _E

from ._internal import _bind_methods, _broadcast, _call, _new, _no_out, _op, _pytuple
from .multiarray import _cast, _foreign_array, _js_number, _result, asarray, ndarray
from .numerictypes import _B, _CASTING_KIND, _F64, _I64, _dtype, _promote, _py_dtype, _weak
from .scalars import _BOOL_SUBTRACT, _COMPARE, _NO_LOOP, _UFUNC_NAMES, generic


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
    """ndarray's operator and reflected operator for ufunc `name`.

    An operand the ufuncs do not take gets NotImplemented, so Python asks the operand's own reflected operator:
    that is how `array + tensor` becomes a torch.Tensor (torch.Tensor's __array_priority__ outranks ndarray's, and
    NumPy defers to it the same way). _TENSOR_FORWARD's operators are the exception."""
    tensor_dunder = _TENSOR_FORWARD.get(name)
    if tensor_dunder is None:

        def forward(self, other):
            return _ufunc2(self, other, name)

    else:

        def forward(self, other):
            r = _ufunc2(self, other, name)
            if r is NotImplemented and _foreign_array(other):
                return getattr(_torch_view(self), tensor_dunder)(other)
            return r

    def reflected(self, other):
        return _ufunc2(other, self, name)

    return forward, reflected


def _inplace(name):
    def method(self, other):
        r = _ufunc2(self, other, name, keep0d=True)
        if r is NotImplemented:
            # In place NumPy converts another library's array (a torch.Tensor) rather than defer: `a += t` stays a.
            if not _foreign_array(other):
                return NotImplemented
            r = _ufunc2(self, asarray(other), name, keep0d=True)
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

# Operators with a tensor whose answer stays the tensor's forward operator on the array as a tensor, because
# torch.Tensor's reflected forms give another one: its __rsub__ miscomputes a tensor operand (NaN, garbage
# integers, the wrong shape), its __rtruediv__ records MulBackward0 where `array / tensor` has always recorded
# DivBackward0, and its __matmul__/__rmatmul__ take tensors only (so `@` goes the same way, in _NdarrayMatmul).
_TENSOR_FORWARD = {"sub": "__sub__", "div": "__truediv__"}


def _torch_view(a):
    # Only called with a tensor in hand, so torch is loaded; looked up rather than imported because numpy sits
    # below torch (torch imports numpy, never the reverse).
    return _sys.modules["torch"].from_numpy(a)


class _NdarrayMatmul:
    """ndarray's `@` operators, bound onto ndarray with the others below."""

    def __matmul__(self, other):
        if _foreign_array(other):
            return _torch_view(self).__matmul__(other)
        return matmul(self, other)

    def __rmatmul__(self, other):
        if _foreign_array(other):
            return other.__matmul__(_torch_view(self))
        return matmul(other, self)

    def __imatmul__(self, other):
        r = matmul(self, other)
        self[...] = r
        return self


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
        r = _ufunc2(x1, x2, op_name)
        if r is NotImplemented:
            if not (_foreign_array(x1) or _foreign_array(x2)):
                raise TypeError("ufunc '%s' not supported for the input types" % name)
            # Another library's array (a torch.Tensor) is converted: np.add(array, tensor) is an array.
            r = _ufunc2(asarray(x1), asarray(x2), op_name)
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


# ndarray's operators are the ufuncs (NumPy's ndarray calls its ufuncs for them too), bound here so that
# multiarray, which this module builds on, need not import it.
ndarray.__add__, ndarray.__radd__ = _binary("add")
ndarray.__sub__, ndarray.__rsub__ = _binary("sub")
ndarray.__mul__, ndarray.__rmul__ = _binary("mul")
ndarray.__truediv__, ndarray.__rtruediv__ = _binary("div")
ndarray.__floordiv__, ndarray.__rfloordiv__ = _binary("floordiv")
ndarray.__mod__, ndarray.__rmod__ = _binary("mod")
ndarray.__pow__, ndarray.__rpow__ = _binary("pow")
ndarray.__and__, ndarray.__rand__ = _binary("and")
ndarray.__or__, ndarray.__ror__ = _binary("or")
ndarray.__xor__, ndarray.__rxor__ = _binary("xor")
ndarray.__eq__ = _binary("eq")[0]
ndarray.__ne__ = _binary("ne")[0]
ndarray.__lt__ = _binary("lt")[0]
ndarray.__le__ = _binary("le")[0]
ndarray.__gt__ = _binary("gt")[0]
ndarray.__ge__ = _binary("ge")[0]
ndarray.__iadd__ = _inplace("add")
ndarray.__isub__ = _inplace("sub")
ndarray.__imul__ = _inplace("mul")
ndarray.__itruediv__ = _inplace("div")
ndarray.__ifloordiv__ = _inplace("floordiv")
ndarray.__imod__ = _inplace("mod")
ndarray.__ipow__ = _inplace("pow")
ndarray.__iand__ = _inplace("and")
ndarray.__ior__ = _inplace("or")
ndarray.__ixor__ = _inplace("xor")
_bind_methods(ndarray, _NdarrayMatmul)


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
