"""Universal functions: NumPy's element-wise math and comparisons in NumPy 2's promotion, matmul, ndarray's
operators (which are these ufuncs, as in NumPy), and np.errstate, accepted and inert."""

import sys as _sys
import warnings

from _playground_host import binding as _E

from ._internal import _bind_methods, _broadcast, _call, _compact_shape, _new, _op, _pytuple
from .multiarray import _cast, _foreign_array, _in_order, _js_number, _result, _wrap, asarray, ndarray
from .numerictypes import _B, _CASTING_KIND, _CASTINGS, _F64, _I64, _dtype, _promote, _py_dtype, _weak, can_cast
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
    if name == "pow" and d._rank == 1:
        neg = (q.value < 0) if q.arr is None else bool(_op("any", _op("lt", q.arr._t, 0, True), None, False).item())
        if neg:
            raise ValueError("Integers to negative integer powers are not allowed.")
    ta = _tensor_of(p, d)
    if name in _DIVMOD:
        tb = _tensor_of(q, d)
    elif q.arr is None and p.arr is not None and name in _SCALAR_RHS:
        # A JS boolean keeps a bool op in bool; a number would promote it.
        tb = bool(q.value) if d is _B else _js_number(q.value, d)
        b_int = d._rank == 1
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


# -- the ufunc call: out=, where=, casting=, order=, dtype= -----------------------------------------------------

_ORDERS = ("K", "A", "C", "F")
_BITWISE_UFUNCS = frozenset(("bitwise_and", "bitwise_or", "bitwise_xor"))
# Ufuncs whose loops compare or test: their result is bool whatever dtype= asks the inputs to be.
_BOOL_RESULT = frozenset(
    "equal not_equal less less_equal greater greater_equal logical_and logical_or logical_xor logical_not isnan isinf "
    "isfinite".split()
)


def _out_arg(out):
    """The array out= names (an ndarray, or a tuple of one), or None."""
    if type(out) is tuple:
        if len(out) != 1:
            raise ValueError("The 'out' tuple must have exactly one entry per ufunc output")
        out = out[0]
    if out is None or type(out) is ndarray:
        return out
    raise TypeError("return arrays must be of ArrayType")


def _check_keywords(name, casting, order, subok, signature):
    if casting not in _CASTINGS:
        raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got %r)" % (casting,))
    if order not in _ORDERS:
        raise ValueError("order must be one of 'C', 'F', 'A', or 'K' (got %r)" % (order,))
    if not isinstance(subok, bool):
        raise TypeError("%s() argument 'subok' must be bool, not %s" % (name, type(subok).__name__))
    if signature is not None:
        raise NotImplementedError("Autograd Playground's NumPy does not support %s(signature=%r)" % (name, signature))


def _as_loop_dtype(name, args, d, casting):
    """The arguments cast to the loop dtype dtype= asks for, by the casting rule (Python scalars take any)."""
    cast = []
    for i, x in enumerate(args):
        o = _operand(x)
        if o is not None and not o.weak:
            if not can_cast(o.dtype, d, casting):
                raise _UFuncOutputCastingError(
                    "Cannot cast ufunc '%s' input %d from %r to %r with casting rule '%s'" % (name, i, o.dtype, d, casting)
                )
            x = (o.arr if o.arr is not None else asarray(x)).astype(d)
        cast.append(x)
    return cast


def _check_input_casts(name, args, r, casting):
    """casting='no' or 'equiv': every array operand must already be in the loop's dtype (the result's, or for a
    comparison the operands' common one); Python scalars take any."""
    operands = [_operand(x) for x in args]
    strong = [(i, o.dtype) for i, o in enumerate(operands) if o is not None and not o.weak]
    if not strong:
        return
    loop = r.dtype
    if name in _BOOL_RESULT:
        loop = strong[0][1]
        for _, d in strong[1:]:
            loop = _promote(loop, d)
    for i, d in strong:
        if d is not loop:
            raise _UFuncOutputCastingError(
                "Cannot cast ufunc '%s' input %d from %r to %r with casting rule '%s'" % (name, i, d, loop, casting)
            )


def _apply(name, compute, args, out, where, casting, order, dtype, subok, signature):
    """One call of ufunc `name`: `compute(*args)` gives its result as an array or NumPy scalar."""
    _check_keywords(name, casting, order, subok, signature)
    out = _out_arg(out)
    d = None if dtype is None else _dtype(dtype)
    if d is not None:
        if (name in _BOOL_RESULT and d is not _B) or (name in _BITWISE_UFUNCS and d._rank >= 2):
            raise TypeError("No loop matching the specified signature and casting was found for ufunc %s" % name)
        args = _as_loop_dtype(name, args, d, casting)
    r = compute(*args)
    if casting in ("no", "equiv"):
        _check_input_casts(name, args, r, casting)
    if d is not None and name not in _BOOL_RESULT and r.dtype is not d:
        r = asarray(r).astype(d)[()]
    shapes = [asarray(x).shape if not isinstance(x, (int, float)) else () for x in args]
    if out is None:
        if where is True:
            return _in_order(asarray(r), "F")[()] if order == "F" else r
        warnings.warn("'where' used without 'out', expect unitialized memory in output. If this is intentional, use out=None.", UserWarning, stacklevel=3)
        out = _wrap(_call(_E.full, 0, r.dtype.name, *(_broadcast(asarray(r).shape, asarray(where).shape) or asarray(r).shape)), r.dtype)
    return _write(name, r, out, casting, where, shapes)


def _operands_error(shapes):
    return ValueError("operands could not be broadcast together with shapes %s " % " ".join(_compact_shape(s) for s in shapes))


def _write(name, result, out, casting="same_kind", where=True, shapes=None):
    """A result written into out= as NumPy's ufuncs write it: the result broadcasts to the out array's shape, its
    dtype casts by the casting rule, a where= mask keeps out's own values where it is False; returns out.
    `shapes`: the operands' shapes, which NumPy names when they do not broadcast with out's."""
    r = asarray(result)
    shapes = [r.shape] if shapes is None else shapes
    mask = None if where is True else asarray(where, dtype=_B)
    extra = [] if mask is None else [mask.shape]
    shape = _broadcast(r.shape, out.shape)
    if shape is None or (mask is not None and _broadcast(mask.shape, out.shape) is None):
        raise _operands_error(shapes + [out.shape] + extra)
    if shape != out.shape or (mask is not None and _broadcast(mask.shape, out.shape) != out.shape):
        wider = shape if shape != out.shape else _broadcast(mask.shape, out.shape)
        raise ValueError(
            "non-broadcastable output operand with shape %s doesn't match the broadcast shape %s"
            % (_compact_shape(out.shape), _compact_shape(wider))
        )
    if not can_cast(r.dtype, out.dtype, casting):
        raise _UFuncOutputCastingError(
            "Cannot cast ufunc '%s' output from %r to %r with casting rule '%s'" % (name, r.dtype, out.dtype, casting)
        )
    t = _cast(r, out.dtype)
    if mask is not None:
        t = _op("where", mask._t, t, False, out._t, False)
    _op("copy_", out._t, t)
    return out


def _ufunc(name, compute, nin=1):
    """np.<name> over `compute`, with the keywords every NumPy ufunc takes."""
    if nin == 1:

        def f(x, /, out=None, *, where=True, casting="same_kind", order="K", dtype=None, subok=True, signature=None):
            return _apply(name, compute, (x,), out, where, casting, order, dtype, subok, signature)

    else:

        def f(x1, x2, /, out=None, *, where=True, casting="same_kind", order="K", dtype=None, subok=True, signature=None):
            return _apply(name, compute, (x1, x2), out, where, casting, order, dtype, subok, signature)

    f.__name__ = f.__qualname__ = name
    return f


_LIBM = frozenset(["log", "log1p", "sin", "cos"])


def _float_unary(engine_op, int_keeps=False):
    def compute(x):
        a = _ufunc_operand(x)
        d = a.dtype
        if d._rank < 2 and not int_keeps:
            d = _F64
        if d is _F64 and engine_op in _LIBM:
            return _result(_call(_E.np_libm, _cast(a, d), engine_op), d)
        return _result(_op(engine_op, _cast(a, d)), d)

    return compute


sqrt = _ufunc("sqrt", _float_unary("sqrt"))
exp = _ufunc("exp", _float_unary("exp"))
expm1 = _ufunc("expm1", _float_unary("expm1"))
log = _ufunc("log", _float_unary("log"))
log2 = _ufunc("log2", _float_unary("log2"))
log10 = _ufunc("log10", _float_unary("log10"))
log1p = _ufunc("log1p", _float_unary("log1p"))
sin = _ufunc("sin", _float_unary("sin"))
cos = _ufunc("cos", _float_unary("cos"))
tan = _ufunc("tan", _float_unary("tan"))
tanh = _ufunc("tanh", _float_unary("tanh"))
rint = _ufunc("rint", _float_unary("round"))
floor = _ufunc("floor", _float_unary("floor", int_keeps=True))
ceil = _ufunc("ceil", _float_unary("ceil", int_keeps=True))
trunc = _ufunc("trunc", _float_unary("trunc", int_keeps=True))


def _square(x):
    a = _ufunc_operand(x)
    # NumPy squares bools in int8, which the playground lacks; int64 holds the same values.
    d = _I64 if a.dtype is _B else a.dtype
    t = _cast(a, d)
    return _result(_op("mul", t, t, False), d)


def _sign(x):
    a = _ufunc_operand(x)
    if a.dtype is _B:
        raise TypeError(_NO_LOOP % "sign")
    return _result(_op("sign", a._t), a.dtype)


def _reciprocal(x):
    a = _ufunc_operand(x)
    if a.dtype._rank >= 2:
        return _ufunc2(1.0, a, "div")
    # Integer reciprocal is C integer division: 1 // x truncated toward zero.
    d = _I64
    return _result(_op("div", _call(_E.full, 1, "int64"), _cast(a, d), False, "trunc"), d)


def _test(engine_op):
    return lambda x: _result(_op(engine_op, _ufunc_operand(x)._t), _B)


square = _ufunc("square", _square)
absolute = abs = _ufunc("absolute", lambda x: _ufunc_operand(x).__abs__())
fabs = _ufunc("fabs", _float_unary("abs"))
negative = _ufunc("negative", lambda x: -_ufunc_operand(x))
positive = _ufunc("positive", lambda x: +_ufunc_operand(x))
sign = _ufunc("sign", _sign)
reciprocal = _ufunc("reciprocal", _reciprocal)
isnan = _ufunc("isnan", _test("isnan"))
isinf = _ufunc("isinf", _test("isinf"))
isfinite = _ufunc("isfinite", _test("isfinite"))
logical_not = _ufunc("logical_not", _test("logical_not"))


def _binary_compute(name, op_name):
    def compute(x1, x2):
        r = _ufunc2(x1, x2, op_name)
        if r is NotImplemented:
            if not (_foreign_array(x1) or _foreign_array(x2)):
                raise TypeError("ufunc '%s' not supported for the input types" % name)
            # Another library's array (a torch.Tensor) is converted: np.add(array, tensor) is an array.
            r = _ufunc2(asarray(x1), asarray(x2), op_name)
        return r

    return compute


add = _ufunc("add", _binary_compute("add", "add"), 2)
subtract = _ufunc("subtract", _binary_compute("subtract", "sub"), 2)
multiply = _ufunc("multiply", _binary_compute("multiply", "mul"), 2)
divide = true_divide = _ufunc("divide", _binary_compute("divide", "div"), 2)
floor_divide = _ufunc("floor_divide", _binary_compute("floor_divide", "floordiv"), 2)
remainder = mod = _ufunc("remainder", _binary_compute("remainder", "mod"), 2)
power = pow = _ufunc("power", _binary_compute("power", "pow"), 2)
maximum = _ufunc("maximum", _binary_compute("maximum", "maximum"), 2)
minimum = _ufunc("minimum", _binary_compute("minimum", "minimum"), 2)
equal = _ufunc("equal", _binary_compute("equal", "eq"), 2)
not_equal = _ufunc("not_equal", _binary_compute("not_equal", "ne"), 2)
less = _ufunc("less", _binary_compute("less", "lt"), 2)
less_equal = _ufunc("less_equal", _binary_compute("less_equal", "le"), 2)
greater = _ufunc("greater", _binary_compute("greater", "gt"), 2)
greater_equal = _ufunc("greater_equal", _binary_compute("greater_equal", "ge"), 2)
bitwise_and = _ufunc("bitwise_and", _binary_compute("bitwise_and", "and"), 2)
bitwise_or = _ufunc("bitwise_or", _binary_compute("bitwise_or", "or"), 2)
bitwise_xor = _ufunc("bitwise_xor", _binary_compute("bitwise_xor", "xor"), 2)


def _logical(engine_op):
    return lambda x1, x2: _result(_op(engine_op, asarray(x1)._t, asarray(x2)._t), _B)


logical_and = _ufunc("logical_and", _logical("logical_and"), 2)
logical_or = _ufunc("logical_or", _logical("logical_or"), 2)
logical_xor = _ufunc("logical_xor", _logical("logical_xor"), 2)


def _matmul(x1, x2):
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


_MATMUL_SIGNATURE = "gufunc core with signature (n?,k),(k,m?)->(n?,m?)"


def matmul(x1, x2, /, out=None, *, casting="same_kind", order="K", dtype=None, subok=True, signature=None, axes=None, axis=None):
    if axes is not None or axis is not None:
        raise NotImplementedError("Autograd Playground's NumPy does not support matmul(%s=...)" % ("axes" if axes is not None else "axis"))
    target = _out_arg(out)
    if target is not None:
        # The output's core dims (n and m, where the operands have them) must match exactly; loop dims broadcast.
        a, b = asarray(x1), asarray(x2)
        core = ([a.shape[-2]] if a.ndim > 1 else []) + ([b.shape[-1]] if b.ndim > 1 else [])
        if target.ndim < len(core):
            raise ValueError(
                "matmul: Output operand 0 does not have enough dimensions (has %d, %s requires %d)" % (target.ndim, _MATMUL_SIGNATURE, len(core))
            )
        for i, n in enumerate(core):
            got = target.shape[target.ndim - len(core) + i]
            if got != n:
                raise ValueError(
                    "matmul: Output operand 0 has a mismatch in its core dimension %d, with gufunc signature "
                    "(n?,k),(k,m?)->(n?,m?) (size %d is different from %d)" % (i, got, n)
                )
    return _apply("matmul", _matmul, (x1, x2), out, True, casting, order, dtype, subok, signature)


def fix(x, out=None):
    """np.fix: round toward zero (a function over trunc in NumPy 2, not a ufunc)."""
    return trunc(x, out=out)


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


_ERR_KINDS = ("divide", "over", "under", "invalid")
_ERR_DEFAULT = {"divide": "warn", "over": "warn", "under": "ignore", "invalid": "warn"}
_errstate = dict(_ERR_DEFAULT)


def _err_value(kind, value):
    """The playground's NumPy reports no floating-point errors: "ignore" is what it does, and "warn" (NumPy's
    default, under which NumPy would warn) is accepted as before; handling them otherwise is refused by name."""
    if value not in ("ignore", "warn", "raise", "call", "print", "log"):
        raise ValueError("invalid error mode %r" % (value,))
    if value not in ("ignore", "warn"):
        raise NotImplementedError("Autograd Playground's NumPy does not support floating-point error handling %s=%r" % (kind, value))
    return value


def seterr(all=None, divide=None, over=None, under=None, invalid=None):
    old = dict(_errstate)
    given = {"divide": divide, "over": over, "under": under, "invalid": invalid}
    for kind in _ERR_KINDS:
        value = given[kind] if given[kind] is not None else all
        if value is not None:
            _errstate[kind] = _err_value(kind, value)
    return old


def geterr():
    return dict(_errstate)


class errstate:
    """np.errstate: seterr for the duration of a `with` block (or of a decorated function)."""

    def __init__(self, *, call=None, all=None, divide=None, over=None, under=None, invalid=None):
        if call is not None:
            raise NotImplementedError("Autograd Playground's NumPy does not support errstate(call=...)")
        self._settings = {"all": all, "divide": divide, "over": over, "under": under, "invalid": invalid}
        self._saved = []

    def __enter__(self):
        self._saved.append(seterr(**self._settings))
        return self

    def __exit__(self, *exc):
        _errstate.update(self._saved.pop())
        return False

    def __call__(self, fn):
        import functools

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with self:
                return fn(*args, **kwargs)

        return wrapper
