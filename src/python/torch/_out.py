"""`out=`: how PyTorch's functions write their result into a tensor the caller passes.

One path for every torch function that takes out= (`call`, and `call_pair` for the (values, indices) kind), in
PyTorch's order:
1. the out argument's type (a tensor, or a tuple of two);
2. autograd: a differentiable function refuses out= while grad mode is on and an input or the out tensor
   requires grad (PyTorch has no derivative for writing into a given tensor);
3. the result is computed as without out=, then checked against the out tensor's dtype by the function's rule
   (each of PyTorch's kernels has its own, with its own message; RULES);
4. an out tensor of another shape is resized, silently when it had no elements and with PyTorch's deprecation
   warning otherwise; an out tensor that partly overlaps an input is refused;
5. the values are cast to the out tensor's dtype and written through its strides (a view writes into its base),
   and the call returns the out tensor itself.
Functions that make new values (factories, random sampling) take their dtype from the out tensor instead
(`dtype_for`, `factory`; samplers fill it in memory order, `memory_view`).
"""
import warnings

from ._C import E, op as _op
from ._dtype import bool_, int64, from_name
from . import _tensor_args

from ._dtype import CPP_NAMES as _CPP, SCALAR_NAMES as _SCALAR  # noqa: E402

_RESIZED = (
    "An output with one or more elements was resized since it had shape [%s], which does not match the required "
    "output shape [%s]. This behavior is deprecated, and in a future PyTorch release outputs will not be resized "
    "unless they have zero elements. You can explicitly reuse an out tensor t by resizing it, inplace, to zero "
    "elements with t.resize_(0)."
)
_OVERLAP = (
    "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory "
    "location. Please clone() the tensor before performing the operation."
)
_NO_AUTOGRAD = "%s(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad."


def _can_cast(src, dst):
    """c10::canCast: no float to integer or bool, nothing but bool to bool."""
    if src.is_floating_point and not dst.is_floating_point:
        return False
    return src is bool_ or dst is not bool_


# The dtype rules: (result dtype, out dtype) -> the error message, or None where the out tensor may take it.
def _cast(res, out):
    if not _can_cast(res, out):
        return "result type %s can't be cast to the desired output type %s" % (_SCALAR[res.name], _SCALAR[out.name])


# TensorIterator's usual rule, for callers whose function's rule depends on its arguments.
cast = _cast


def _same(res, out):
    if res is not out:
        return "Found dtype %s but expected %s" % (_SCALAR[out.name], _SCALAR[res.name])


def _exact(res, out):
    if res is not out:
        return "Expected out tensor to have dtype %s, but got %s instead" % (_CPP[res.name], _CPP[out.name])


def _any(res, out):
    return None


def _message(template, check=_can_cast):
    def rule(res, out):
        if not check(res, out):
            return template % {"res": _SCALAR[res.name], "out": _SCALAR[out.name]}

    return rule


_EQUAL = lambda res, out: res is out  # noqa: E731
_FLOAT_OUT = lambda res, out: out.is_floating_point  # noqa: E731


def _not_for(dtype, template):
    def rule(res, out):
        if out is dtype:
            return template % _SCALAR[out.name]

    return rule


# TensorIterator's kernels: unary ops that keep their input's dtype want the same dtype, the others cast.
_SAME = "abs absolute neg negative sign floor ceil round trunc square clamp clip clamp_min clamp_max pow_scalar hardshrink".split()
_ANY = "eq ne lt le gt ge greater less logical_not logical_and logical_or logical_xor sum prod bernoulli".split()
RULES = dict.fromkeys(_SAME, _same)
RULES.update(dict.fromkeys(_ANY, _any))
RULES.update(dict.fromkeys("argmax argmin softmax log_softmax mm mv bmm matmul gather scatter_add tril triu "
                           "linalg.cholesky linalg.vector_norm linalg.norm".split(), _exact))
RULES.update({
    "amax": _message("Expected the dtype for input and out to match, but got %(res)s for input's dtype and %(out)s for out's dtype.", _EQUAL),
    "amin": _message("Expected the dtype for input and out to match, but got %(res)s for input's dtype and %(out)s for out's dtype.", _EQUAL),
    "all": lambda res, out: None if out is bool_ else "all only supports bool tensor for result, got: %s" % _SCALAR[out.name],
    "any": lambda res, out: None if out is bool_ else "any only supports bool tensor for result, got: %s" % _SCALAR[out.name],
    "std": lambda res, out: None if out.is_floating_point else "\"std_cpu\" not implemented for '%s'" % _SCALAR[out.name],
    "var": lambda res, out: None if out.is_floating_point else "\"std_cpu\" not implemented for '%s'" % _SCALAR[out.name],
    "logsumexp": _message("logsumexp(): Expected floating point type for result tensor, but got: %(out)s", _FLOAT_OUT),
    "cumsum": _not_for(bool_, "\"cumsum_out_cpu\" not implemented for '%s'"),
    "cumprod": _not_for(bool_, "\"cumprod_out_cpu\" not implemented for '%s'"),
    "msort": _exact,
    "nonzero": _message("nonzero: Expected out tensor to have scalar type Long but got scalar type%(out)s", lambda res, out: out is int64),
    "addmm": _exact,
    "scatter": _exact,
    "index_add": _exact,
    "diag": _message("expected scalar type %(res)s but found %(out)s", _EQUAL),
    "nansum": lambda res, out: None if out.is_floating_point else "\"nansum_cpu\" not implemented for '%s'" % _SCALAR[out.name],
    "nanmean": lambda res, out: None if out.is_floating_point else "\"nansum_cpu\" not implemented for '%s'" % _SCALAR[out.name],
    "nan_to_num": _message("nan_to_num: dtype of out: %(out)s should be same as input: %(res)s", _EQUAL),
    "masked_select": _message("masked_select(): self and result must have the same scalar type", _EQUAL),
    "dot": _message("result dtype %(out)s does not match input dtype %(res)s", _EQUAL),
    "matmul_1d": _message("result dtype %(out)s does not match input dtype %(res)s", _EQUAL),
    "cat": _message("torch.cat(): input types can't be cast to the desired output type %(out)s"),
    "index_select": _message("index_select(): self and result must have the same scalar type", _EQUAL),
    "cholesky": _message("cholesky: Expected result to be safely castable from %(res)s dtype, but got result with dtype %(out)s"),
    "cholesky_inverse": _message("cholesky_inverse: Expected result to be safely castable from %(res)s dtype, but got result with dtype %(out)s"),
    "linalg.solve_triangular": _message("expected scalar type %(res)s but found %(out)s", _EQUAL),
    "multinomial": lambda res, out: None if out is int64 else "multinomial expects Long tensor out, got: %s" % _SCALAR[out.name],
})
# running extremes, order statistics, kron and cross (torch/_tensor_scans.py)
RULES.update({
    "logcumsumexp": _message("expected scalar_type %(res)s but found %(out)s", _EQUAL),
    "cross": _exact,
    "linalg.cross": _exact,
})
for _name in ("concat", "concatenate", "stack", "hstack", "vstack"):
    RULES[_name] = RULES["cat"]
del _name

# The ATen operator a function's out= form runs, where its name differs: the autograd error names it.
ATEN = {
    "absolute": "abs", "square": "pow", "true_divide": "div", "clip": "clamp", "outer": "mul", "concat": "cat",
    "concatenate": "cat", "hstack": "cat", "vstack": "cat", "linalg.cholesky": "linalg_cholesky_ex",
    "linalg.norm": "linalg_vector_norm", "msort": "sort", "arctan2": "atan2", "diff": "sub",
    "kron": "mul", "cross": "linalg_cross",
}

# Functions without a derivative: out= is allowed whatever requires grad.
NOT_DIFFERENTIABLE = frozenset(
    "eq ne lt le gt ge greater less logical_not logical_and logical_or logical_xor argmax argmin all any "
    "multinomial nonzero aminmax".split()
)


def _binding_name(name):
    """The name PyTorch's argument parser gives a function in its messages: torch.linalg.norm is linalg_norm."""
    return name.replace(".", "_")


def check_out(name, out):
    """Step 1: the out argument must be a tensor. PyTorch's argument parser takes a Python number for a tensor
    argument too (a 0-d tensor of its type), so `out=3` is a long tensor the result is written into and returned."""
    if isinstance(out, (int, float)):
        from . import tensor

        return tensor(out)
    if not isinstance(out, _tensor_args.Tensor):
        raise TypeError("%s(): argument 'out' must be Tensor, not %s" % (_binding_name(name), type(out).__name__))
    return out


def _tensors(values):
    for v in values:
        if isinstance(v, _tensor_args.Tensor):
            yield v
        elif isinstance(v, (list, tuple)):
            yield from _tensors(v)


def check_autograd(name, inputs, outs, aten=None):
    """Step 2: PyTorch refuses out= for a differentiable function while autograd would need its derivative."""
    if name in NOT_DIFFERENTIABLE or not E.is_grad_enabled():
        return
    if any(t.requires_grad for t in _tensors(inputs)) or any(o.requires_grad for o in outs):
        raise RuntimeError(_NO_AUTOGRAD % (aten or ATEN.get(name, _binding_name(name))))


def _no_grad():
    from .autograd import no_grad

    return no_grad()


def call(name, compute, out, inputs, rule=None, aten=None):
    """`name(..., out=out)`: `compute()` gives the result as without out= (see the module docstring)."""
    out = check_out(name, out)
    check_autograd(name, inputs, (out,), aten)
    with _no_grad():
        result = compute()
    return write(name, result, out, inputs, rule)


def write(name, result, out, inputs=(), rule=None):
    """Steps 3 to 5 for a computed result."""
    message = (rule or RULES.get(name, _cast))(result.dtype, out.dtype)
    if message:
        raise RuntimeError(message)
    _check_overlap(out, inputs)
    resize(out, result.shape, warn=name not in _SAMPLERS)
    with _no_grad():
        out.copy_(result if result.dtype is out.dtype else result.to(out.dtype))
    return out


def resize(out, shape, warn=True):
    """PyTorch's resize_output: silent for an out tensor without elements, a deprecation warning otherwise."""
    shape = tuple(shape)
    if tuple(out.shape) == shape:
        return
    if warn and out.numel() != 0:
        warnings.warn(_RESIZED % (", ".join(map(str, out.shape)), ", ".join(map(str, shape))), UserWarning, stacklevel=4)
    E.resize_(out._t, *shape)
    _tensor_args.geometry_epoch[0] += 1


# Samplers resize their out tensor without the deprecation warning.
_SAMPLERS = frozenset(("multinomial", "normal"))


def _dense(t):
    """Non-overlapping and dense: its elements fill a block of storage, in some order of its dims."""
    expected = 1
    for s, n in sorted((s, n) for n, s in zip(t.shape, t.stride()) if n != 1):
        if s != expected:
            return False
        expected *= n
    return True


def _check_overlap(out, inputs):
    """PyTorch's get_overlap_status, before the out tensor is resized: an input over the same block of storage
    as the out tensor with other strides, or over part of it, is refused (both dense; other layouts it leaves)."""
    if out.numel() == 0 or not _dense(out):
        return
    key = E.storage_key(E.storage_of(out._t))
    begin = out.storage_offset()
    end = begin + out.numel()
    for t in _tensors(inputs):
        if t is out or t.numel() == 0 or not _dense(t) or E.storage_key(E.storage_of(t._t)) != key:
            continue
        b = t.storage_offset()
        e = b + t.numel()
        if (b == begin and e == end and t.stride() != out.stride()) or (begin < e and b < end and (b, e) != (begin, end)):
            raise RuntimeError(_OVERLAP)


def call_pair(name, compute, out, inputs, result_type, rule=_any):
    """`name(..., out=(a, b))` for functions that return two tensors (max/min along a dim, sort, topk, cholesky_ex,
    triangular_solve): each is written as `write` does, by `rule`, and the result is PyTorch's `<name>_out` named
    tuple."""
    if not (isinstance(out, (tuple, list)) and len(out) == 2 and all(isinstance(o, _tensor_args.Tensor) for o in out)):
        raise TypeError("%s(): argument 'out' must be tuple of Tensors, not %s" % (_binding_name(name), type(out).__name__))
    check_autograd(name, inputs, out)
    with _no_grad():
        result = compute()
    for r, o in zip(result, out):
        write(name, r, o, inputs, rule)
    return result_type(*out)


# -- factories and random sampling -------------------------------------------------------------------------


def dtype_for(name, dtype, out):
    """The dtype a factory makes: its dtype= argument, else the out tensor's; both must agree."""
    if out is None:
        return dtype
    check_out(name, out)
    if dtype is None:
        return out.dtype
    d = from_name(dtype)
    if d is not out.dtype:
        raise RuntimeError("dtype %s does not match dtype of out parameter (%s)" % (_SCALAR[d.name], _SCALAR[out.dtype.name]))
    return d


def factory(name, out, make, shape=None, requires_grad=False, resize_check=False, warning=None, random=False):
    """A factory's out= (zeros, full, arange, rand, randn, bernoulli, …): `make(shape)` gives the new values in
    the out tensor's dtype (`shape` None: make() knows its shape). They are written into `out`, which then gets
    the call's requires_grad, as PyTorch's binding sets it. Random values are drawn in the order the out tensor's
    elements lie in memory, as PyTorch fills its storage. An out tensor that requires grad is refused: by the
    resize some factories make first (`resize_check`), whatever the grad mode, or else by the in-place write
    while grad mode is on. The resize is silent but for arange's own `warning`."""
    check_out(name, out)
    result = None
    if shape is None:
        result = make(None)
        shape = result.shape
    shape = tuple(shape)
    if out.requires_grad and resize_check and tuple(out.shape) != shape:
        raise RuntimeError("cannot resize variables that require grad")
    if out.requires_grad and E.is_grad_enabled():
        raise RuntimeError("a leaf Variable that requires grad is being used in an in-place operation.")
    if tuple(out.shape) != shape:
        if warning is not None and out.numel() != 0:
            warnings.warn(warning, UserWarning, stacklevel=3)
        E.resize_(out._t, *shape)
        _tensor_args.geometry_epoch[0] += 1
    with _no_grad():
        if random:
            view = memory_view(out)[0]
            view.copy_(make(view.shape))
        else:
            out.copy_(make(shape) if result is None else result)
    if out.requires_grad != bool(requires_grad):
        out.requires_grad_(bool(requires_grad))
    return out


def memory_view(out):
    """The out tensor with its dims in the order its elements lie in memory (contiguous for a transposed or
    permuted tensor), and that order: PyTorch's samplers fill storage in order, so random values drawn into this
    view land where PyTorch's would."""
    strides = out.stride()
    order = sorted(range(out.dim()), key=lambda i: -strides[i])
    return out.permute(*order), order


# -- torch functions that mirror a Tensor method ---------------------------------------------------------------

# Reductions whose out= form accumulates in the out tensor's dtype: the input is cast to it first.
_IN_OUT_DTYPE = frozenset(("sum", "prod", "cumsum", "cumprod"))
# Reductions PyTorch gives out= only along given dims (their all-dims form takes none).
_NEEDS_DIM = frozenset(("sum", "mean", "prod"))


def _given(args, kwargs, position, name):
    # NumPy's spelling counts too: torch.sum(x, axis=1, out=o)
    return len(args) > position or kwargs.get(name) is not None or (name == "dim" and kwargs.get("axis") is not None)


def _invalid(name, args, kwargs):
    got = ", ".join(["Tensor"] + [type(a).__name__ for a in args] + ["%s=%s" % (k, type(v).__name__) for k, v in kwargs.items()] + ["out=Tensor"])
    return TypeError("%s() received an invalid combination of arguments - got (%s)" % (name, got))


def method_out(name, input, args, kwargs, out, method_name=None):
    """torch.<name>(input, *args, out=out, **kwargs) for the functions that are Tensor methods too (`method_name`
    where torch's name is an alias, as torch.absolute is of abs)."""
    method = getattr(input, method_name or name)
    inputs = (input, args, tuple(kwargs.values()))
    if name in _NEEDS_DIM and not _given(args, kwargs, 0, "dim"):
        raise _invalid(name, args, kwargs)
    if name in ("max", "min"):
        other = kwargs.get("other", args[0] if args else None)
        if isinstance(other, _tensor_args.Tensor):
            return call(name, lambda: method(*args, **kwargs), out, inputs, _cast, "maximum" if name == "max" else "minimum")
        if not _given(args, kwargs, 0, "dim") or isinstance(out, _tensor_args.Tensor):
            raise _invalid(name, args, kwargs)
        from .return_types import _named

        return call_pair(name, lambda: method(*args, **kwargs), out, inputs, _named(name + "_out", ("values", "indices")))
    if name in ("sort", "topk"):
        if isinstance(out, _tensor_args.Tensor) and name == "sort":
            raise _invalid(name, args, kwargs)
        from .return_types import _named

        return call_pair(name, lambda: method(*args, **kwargs), out, inputs, _named(name + "_out", ("values", "indices")), _exact)
    if name in _PAIRS:
        return _pair_out(name, method, args, kwargs, out, inputs)
    if name == "lerp":
        weight = kwargs.get("weight", args[1] if len(args) > 1 else None)
        return call(name, lambda: method(*args, **kwargs), out, inputs, _same if isinstance(weight, _tensor_args.Tensor) else _cast)
    if name == "nanmean":
        # PyTorch builds nanmean's out= from other ops: no autograd refusal of its own, and the result is written
        # into the out tensor in place (which a leaf that requires grad refuses)
        out = check_out(name, out)
        if out.requires_grad and E.is_grad_enabled():
            raise RuntimeError("a view of a leaf Variable that requires grad is being used in an in-place operation.")
        with _no_grad():
            result = method(*args, **kwargs)
        return write(name, result, out, inputs)
    if name == "diff":
        return _diff_out(input, method, args, kwargs, out)
    if name in ("clamp_min", "clamp_max") and any(isinstance(a, _tensor_args.Tensor) for a in args + tuple(kwargs.values())):
        return call(name, lambda: method(*args, **kwargs), out, inputs, _cast)
    if name in _IN_OUT_DTYPE:
        check_out(name, out)
        dtype = kwargs.get("dtype")
        if dtype is not None:
            message = _exact(from_name(dtype), out.dtype)
            if message:
                raise RuntimeError(message)
        elif out.dtype is not bool_ or name not in ("cumsum", "cumprod"):
            kwargs = dict(kwargs, dtype=out.dtype)
            if out.dtype is bool_:
                # A bool sum or product is the logical or / and: counted in int64, cast back when written.
                input = input.bool()
                kwargs["dtype"] = int64
                method = getattr(input, method_name or name)
    aten = None
    if name == "matmul":
        other = kwargs.get("other", args[0] if args else None)
        dims = (input.dim(), getattr(other, "ndim", 0))
        aten = {(1, 1): "dot", (2, 1): "mv", (1, 2): "mm", (2, 2): "mm"}.get(dims, "bmm")
        if dims == (1, 1):
            return call(name, lambda: method(*args, **kwargs), out, inputs, RULES["matmul_1d"], aten)
    return call(name, lambda: method(*args, **kwargs), out, inputs, None, aten)


# (values, indices) pairs and aminmax's (min, max), out= as a tuple of two (torch/_tensor_scans.py)
_PAIRS = frozenset(("cummax", "cummin", "kthvalue", "median", "aminmax"))


def _pair_out(name, method, args, kwargs, out, inputs):
    from .return_types import _named

    if name == "aminmax":
        # aminmax has no derivative: no autograd refusal, only the in-place write's into a leaf
        if isinstance(out, (tuple, list)) and E.is_grad_enabled() and any(getattr(o, "requires_grad", False) for o in out):
            raise RuntimeError("a leaf Variable that requires grad is being used in an in-place operation.")
        return call_pair(name, lambda: method(*args, **kwargs), out, inputs, _named("aminmax_out", ("min", "max")))
    if isinstance(out, _tensor_args.Tensor) or (name == "median" and not _given(args, kwargs, 0, "dim")):
        raise _invalid(name, args, kwargs)
    if name == "kthvalue" and isinstance(out, (tuple, list)) and len(out) == 2:
        _kthvalue_resize(inputs[0], method, args, kwargs, out)
    return call_pair(name, lambda: method(*args, **kwargs), out, inputs, _named(name + "_out", ("values", "indices")), _exact)


def _kthvalue_resize(input, method, args, kwargs, out):
    """kthvalue's kernel unsqueezes out tensors one dim short of the input at dim before resizing them, so the
    deprecation warning names both shapes with that dim of size 1."""
    keepdim = kwargs.get("keepdim", args[2] if len(args) > 2 else False)
    if keepdim or not all(isinstance(o, _tensor_args.Tensor) for o in out):
        return
    dim = kwargs.get("dim", args[1] if len(args) > 1 else -1)
    d = dim % input.dim() if input.dim() else 0
    with _no_grad():
        shape = tuple(method(*args, **kwargs)[0].shape)
    for o in out:
        if o.dim() == input.dim() - 1 and tuple(o.shape) != shape and o.numel() != 0:
            wide = lambda s: ", ".join(map(str, s[:d] + (1,) + s[d:]))  # noqa: E731
            warnings.warn(_RESIZED % (wide(tuple(o.shape)), wide(shape)), UserWarning, stacklevel=5)
            resize(o, shape, warn=False)


def _diff_out(input, method, args, kwargs, out):
    """torch.diff(..., out=): PyTorch's diff_out writes its last difference with sub's out= (logical_xor's for
    bool, which has no derivative), and for n=0 copies the input into the out tensor, autograd and all, after a
    check of its own that the dtypes are equal."""
    n = kwargs.get("n", args[0] if args else 1)
    if n == 0:
        out = check_out("diff", out)
        result = method(*args, **kwargs)
        resize(out, result.shape)
        if result.dtype is not out.dtype:
            raise RuntimeError("expected scalar_type %s but found %s" % (_SCALAR[result.dtype.name], _SCALAR[out.dtype.name]))
        return out.copy_(result)
    if input.dtype is bool_:
        out = check_out("diff", out)
        with _no_grad():
            result = method(*args, **kwargs)
        return write("diff", result, out, (input, args, tuple(kwargs.values())), _any)
    return call("diff", lambda: method(*args, **kwargs), out, (input, args, tuple(kwargs.values())))
