"""torch for Autograd Playground: PyTorch's Python API over the playground's TypeScript engine."""
import builtins as _b
import math as _math
import sys as _sys

from _playground import hooks as _hooks, naming as _playground_naming

from . import _C
from ._C import E as _E, op as _op, call as _call, js as _js
from ._dtype import (
    dtype,
    float16,
    bfloat16,
    float32,
    float64,
    int32,
    int64,
    bool_ as bool,
    get_default_dtype,
    set_default_dtype,
    from_name as _dt,
)
from ._size import Size
from ._device import (
    device,
    cpu_device as _cpu,
    set_default_device,
    get_default_device,
    check_factory_device as _check_device,
    check_pin_memory as _check_pin_memory,
    as_device as _as_device,
    default_device_for_data as _check_data_device,
    reset as _reset_default_device,
)
from ._tensor import Tensor
from ._legacy import tensortype, LEGACY_TYPES as _LEGACY_TYPES
from ._tensor_args import (
    _wrap,
    _arg,
    _dims,
    _shape_args,
    _tensor_from_data,
    _norm_p,
    _correction,
    _scalar_or_none,
    _tensor_or_none,
    numpy_names as _numpy_names,
)
from ._utils import typename
from . import _out, _memory_format
from ._memory_format import memory_format, preserve_format, contiguous_format, channels_last, channels_last_3d
from .return_types import _ReturnType

__version__ = "2.11.0+playground"

float = float32
double = float64
half = float16
int = int32
long = int64
pi = _math.pi
e = _math.e
inf = _math.inf
nan = _math.nan

# torch.FloatTensor & co. (torch._legacy): instances of torch.tensortype, not subclasses of Tensor.
globals().update(_LEGACY_TYPES)

from . import cuda, backends  # noqa: E402

# A script's torch.set_default_device must not outlive it: later runs in the same interpreter start on the CPU.
_hooks.on_run_start(_reset_default_device)


def is_tensor(obj):
    return isinstance(obj, Tensor)


def numel(input):
    return input.numel()


def promote_types(type1, type2):
    if not isinstance(type1, dtype) or not isinstance(type2, dtype):
        raise TypeError("promote_types(): argument 'type1' and 'type2' must be torch.dtype")
    return _dt(_op("promote_types", type1.name, type2.name))


def result_type(tensor1, tensor2):
    a, b = _arg(tensor1), _arg(tensor2)
    if a is None or b is None or not (isinstance(tensor1, Tensor) or isinstance(tensor2, Tensor)):
        raise TypeError(
            "result_type() received an invalid combination of arguments - got (%s, %s)"
            % (type(tensor1).__name__, type(tensor2).__name__)
        )
    r = _dt(_op("result_type", a[0], a[1], b[0], b[1]))
    # A Python float with an integer tensor gives the default dtype, which the engine leaves to this side.
    if r is float32 and not _b.any(isinstance(t, Tensor) and t.is_floating_point() for t in (tensor1, tensor2)):
        return get_default_dtype()
    return r


# ---------------------------------------------------------------------------------------------------
# creation


def _finish(t, requires_grad):
    if requires_grad:
        t.requires_grad_(True)
    return t


def _float_dtype(dtype):
    return get_default_dtype() if dtype is None else _dt(dtype)


# The signatures PyTorch's message lists when a size is given both ways (`torch.randn(2, size=(3,))`).
_SIZE_SIGNATURES = {
    "zeros": (
        "(tuple of ints size, *, tuple of names names, torch.dtype dtype, torch.layout layout, torch.device device, bool pin_memory, bool requires_grad)",
        "(tuple of SymInts size, *, Tensor out, torch.dtype dtype, torch.layout layout, torch.device device, bool pin_memory, bool requires_grad)",
    ),
    "randn": (
        "(tuple of ints size, *, torch.Generator generator, tuple of names names, torch.dtype dtype, torch.layout layout, torch.device device, bool pin_memory, bool requires_grad)",
        "(tuple of ints size, *, torch.Generator generator, Tensor out, torch.dtype dtype, torch.layout layout, torch.device device, bool pin_memory, bool requires_grad)",
        "(tuple of ints size, *, Tensor out, torch.dtype dtype, torch.layout layout, torch.device device, bool pin_memory, bool requires_grad)",
        "(tuple of ints size, *, tuple of names names, torch.dtype dtype, torch.layout layout, torch.device device, bool pin_memory, bool requires_grad)",
    ),
}


def _new_shape(args, size, name):
    """The shape of a factory call: sizes as arguments (`zeros(2, 3)`, `zeros((2, 3))`) or `size=(2, 3)`."""
    if size is not None:
        if args:
            got = ", ".join(type(a).__name__ for a in args)
            lines = _SIZE_SIGNATURES["randn" if name in ("rand", "randn") else "zeros"]
            raise TypeError(
                "%s() received an invalid combination of arguments - got (%s, size=%s), but expected one of:\n%s\n"
                % (name, got, type(size).__name__, "\n".join(" * " + line for line in lines))
            )
        if not isinstance(size, (list, tuple)):
            what = "tuple of ints" if name in ("rand", "randn") else "tuple of SymInts"
            raise TypeError("%s(): argument 'size' must be %s, not %s" % (name, what, type(size).__name__))
        args = (size,)
    shape = _shape_args(args, name)
    for n in shape:
        if n < 0:
            raise RuntimeError(
                "Trying to create tensor with negative dimension %d: [%s]" % (n, ", ".join(str(x) for x in shape))
            )
    return shape


def tensor(data, dtype=None, device=None, requires_grad=False, pin_memory=False):
    _check_data_device(device)
    _check_pin_memory(pin_memory)
    if isinstance(data, Tensor):
        import warnings

        warnings.warn(
            "To copy construct from a tensor, it is recommended to use sourceTensor.clone().detach() or "
            "sourceTensor.clone().detach().requires_grad_(True), rather than torch.tensor(sourceTensor).",
            UserWarning,
            stacklevel=2,
        )
    t = _tensor_from_data(data, dtype)
    return _finish(t, requires_grad)


def as_tensor(data, dtype=None, device=None):
    _check_data_device(device)
    if isinstance(data, Tensor):
        return data if dtype is None else data.to(dtype)
    np = _sys.modules.get("numpy")
    if np is not None and isinstance(data, np.ndarray) and (dtype is None or _dt(dtype).name == data.dtype.name):
        return from_numpy(data)
    return _tensor_from_data(data, dtype)


asarray = as_tensor


def from_numpy(arr):
    np = _sys.modules.get("numpy")
    if np is None or not isinstance(arr, np.ndarray):
        raise TypeError("expected np.ndarray (got %s)" % type(arr).__name__)
    # Shares memory with the array, as in PyTorch.
    return _wrap(_E.data_of(arr._t))


def _filled(shape, value, dtype, requires_grad):
    t = _wrap(_call(_E.full, value, _dt(dtype).name, *shape))
    return _finish(t, requires_grad)


def _factory(name, shape, value, dtype, device, pin_memory, requires_grad, out):
    """zeros, ones, empty and full: `shape` filled with `value`, in a new tensor or in `out`."""
    _check_device(device)
    _check_pin_memory(pin_memory)
    if out is None:
        return _filled(shape, value, dtype, requires_grad)
    dtype = _out.dtype_for(name, dtype, out)
    return _out.factory(name, out, lambda s: _filled(s, value, dtype, False), shape, requires_grad, name == "empty")


def zeros(*args, size=None, out=None, dtype=None, device=None, pin_memory=False, requires_grad=False):
    shape = _new_shape(args, size, "zeros")
    return _factory("zeros", shape, 0, None if out is not None and dtype is None else _float_dtype(dtype), device, pin_memory, requires_grad, out)


def ones(*args, size=None, out=None, dtype=None, device=None, pin_memory=False, requires_grad=False):
    shape = _new_shape(args, size, "ones")
    return _factory("ones", shape, 1, None if out is not None and dtype is None else _float_dtype(dtype), device, pin_memory, requires_grad, out)


def empty(*args, size=None, out=None, dtype=None, device=None, pin_memory=False, requires_grad=False, memory_format=None):
    # PyTorch leaves the memory uninitialised (whatever bytes were there); the playground gives zeros.
    shape = _new_shape(args, size, "empty")
    _memory_format.check(memory_format, "empty", shape, _memory_format.contiguous_format)
    return _factory("empty", shape, 0, None if out is not None and dtype is None else _float_dtype(dtype), device, pin_memory, requires_grad, out)


def full(size, fill_value, *, out=None, dtype=None, device=None, pin_memory=False, requires_grad=False):
    if isinstance(size, _b.int) and not isinstance(size, _b.bool):
        raise TypeError("full(): argument 'size' (position 1) must be tuple of SymInts, not int")
    if dtype is None and out is None:
        dtype = (
            bool if type(fill_value) is type(True) else int64 if isinstance(fill_value, _b.int) else get_default_dtype()
        )
    return _factory("full", _new_shape((), tuple(size), "full"), fill_value, dtype, device, pin_memory, requires_grad, out)


def _like(name, input, dtype, device, pin_memory, memory_format):
    if device is not None:
        _check_device(device, "empty_strided")
    _check_pin_memory(pin_memory)
    _memory_format.check(memory_format, name, input.shape)
    return tuple(input.shape), input.dtype if dtype is None else dtype


def zeros_like(input, *, dtype=None, device=None, pin_memory=False, requires_grad=False, memory_format=None):
    shape, dtype = _like("zeros_like", input, dtype, device, pin_memory, memory_format)
    return _filled(shape, 0, dtype, requires_grad)


def ones_like(input, *, dtype=None, device=None, pin_memory=False, requires_grad=False, memory_format=None):
    shape, dtype = _like("ones_like", input, dtype, device, pin_memory, memory_format)
    return _filled(shape, 1, dtype, requires_grad)


def empty_like(input, *, dtype=None, device=None, pin_memory=False, requires_grad=False, memory_format=None):
    shape, dtype = _like("empty_like", input, dtype, device, pin_memory, memory_format)
    return _filled(shape, 0, dtype, requires_grad)


def full_like(input, fill_value, *, dtype=None, device=None, pin_memory=False, requires_grad=False, memory_format=None):
    shape, dtype = _like("full_like", input, dtype, device, pin_memory, memory_format)
    return _filled(shape, fill_value, dtype, requires_grad)


_NOT_IMPLEMENTED = '"%s" not implemented for \'%s\''
from ._dtype import SCALAR_NAMES as _C10_NAMES  # noqa: E402


def _kernel_dtype_check(kernel, dtype, ok):
    """PyTorch's CPU kernels are compiled for some dtypes; asking another one raises naming the kernel."""
    if not ok(dtype):
        raise RuntimeError(_NOT_IMPLEMENTED % (kernel, _C10_NAMES[dtype.name]))


def arange(start=0, end=None, step=1, *, out=None, dtype=None, device=None, pin_memory=False, requires_grad=False):
    _check_device(device)
    _check_pin_memory(pin_memory)
    if end is None:
        start, end = 0, start
    vals = [v.item() if isinstance(v, Tensor) else v for v in (start, end, step)]
    dtype = _out.dtype_for("arange", dtype, out)
    if dtype is None:
        dtype = get_default_dtype() if _b.any(isinstance(v, _b.float) for v in vals) else int64
    dtype = _dt(dtype)
    _kernel_dtype_check("arange_cpu", dtype, lambda d: d is not bool)
    if dtype is int64:
        # An integer arange works in integers: its bounds and step are truncated first.
        vals = [_b.int(v) for v in vals]
        if vals[2] == 0:
            raise RuntimeError("step must be nonzero")
    t = _wrap(_call(_E.arange, vals[0], vals[1], vals[2], dtype.name))
    if out is None:
        return _finish(t, requires_grad)
    resized = (
        "The number of elements in the out tensor of shape [%s] is %d which does not match the computed number of "
        "elements %d. Note that this may occur as a result of rounding error. The out tensor will be resized to a "
        "tensor of shape (%d,)." % (", ".join(map(str, out.shape)), out.numel(), t.numel(), t.numel())
    )
    return _out.factory("arange", out, lambda s: t, None, requires_grad, warning=resized)


def linspace(start, end, steps, *, out=None, dtype=None, device=None, pin_memory=False, requires_grad=False):
    _check_device(device)
    _check_pin_memory(pin_memory)
    dtype = _float_dtype(_out.dtype_for("linspace", dtype, out))
    _kernel_dtype_check("linspace_cpu", dtype, lambda d: d is not bool)
    t = _wrap(_call(_E.linspace, start, end, _b.int(steps), dtype.name))
    if out is None:
        return _finish(t, requires_grad)
    return _out.factory("linspace", out, lambda s: t, None, requires_grad)


def eye(n, m=None, *, out=None, dtype=None, device=None, pin_memory=False, requires_grad=False):
    _check_device(device)
    _check_pin_memory(pin_memory)
    t = _wrap(_call(_E.eye, n, n if m is None else m, _float_dtype(_out.dtype_for("eye", dtype, out)).name))
    if out is None:
        return _finish(t, requires_grad)
    return _out.factory("eye", out, lambda s: t, None, requires_grad)


# ---------------------------------------------------------------------------------------------------
# random numbers


class Generator:
    """torch.Generator over the engine's bit-exact copy of PyTorch's CPU generator."""

    def __init__(self, device="cpu"):
        kind = _as_device(device).type
        if kind != "cpu":
            raise RuntimeError("Device type %s is not supported for torch.Generator() api." % kind.upper())
        self._g = _E.generator()

    def manual_seed(self, seed):
        _call(_E.manual_seed, self._g, _seed_value(seed))
        return self

    def seed(self):
        return _b.int(_call(_E.seed, self._g))

    def initial_seed(self):
        return _b.int(_call(_E.initial_seed, self._g))

    @property
    def device(self):
        return _cpu


def _seed_value(seed):
    seed = _b.int(seed)
    if seed < -(2**63) or seed >= 2**64:
        raise RuntimeError("Overflow when unpacking long")
    return str(seed % 2**64)


default_generator = Generator.__new__(Generator)
default_generator._g = _E.default_generator()


def manual_seed(seed):
    default_generator.manual_seed(seed)
    return default_generator


def seed():
    return default_generator.seed()


def initial_seed():
    return default_generator.initial_seed()


def _g(generator):
    return None if generator is None else generator._g


def _random(name, draw, shape, dtype, requires_grad, out, resize_check=False):
    """A new tensor of random values, `draw(shape, dtype)`, or the out tensor filled with them."""
    if out is None:
        return _finish(draw(shape, dtype), requires_grad)
    return _out.factory(name, out, lambda s: draw(s, dtype), shape, requires_grad, resize_check, random=True)


def _uniform(shape, dtype, generator):
    _kernel_dtype_check("check_uniform_bounds", dtype, lambda d: d.is_floating_point)
    return _wrap(_call(_E.rand, _g(generator), dtype.name, *shape))


def _gaussian(shape, dtype, generator, mean=0.0, std=1.0):
    _kernel_dtype_check("normal_kernel_cpu", dtype, lambda d: d.is_floating_point)
    if mean == 0.0 and std == 1.0:
        return _wrap(_call(_E.randn, _g(generator), dtype.name, *shape))
    return _wrap(_call(_E.normal, _g(generator), _b.float(mean), _b.float(std), dtype.name, *shape))


def rand(*args, size=None, generator=None, out=None, dtype=None, device=None, pin_memory=False, requires_grad=False):
    _check_device(device)
    _check_pin_memory(pin_memory)
    shape = _new_shape(args, size, "rand")
    dtype = _float_dtype(_out.dtype_for("rand", dtype, out))
    return _random("rand", lambda s, d: _uniform(s, d, generator), shape, dtype, requires_grad, out)


def randn(*args, size=None, generator=None, out=None, dtype=None, device=None, pin_memory=False, requires_grad=False):
    _check_device(device)
    _check_pin_memory(pin_memory)
    shape = _new_shape(args, size, "randn")
    dtype = _float_dtype(_out.dtype_for("randn", dtype, out))
    return _random("randn", lambda s, d: _gaussian(s, d, generator), shape, dtype, requires_grad, out, True)


def rand_like(input, *, generator=None, dtype=None, device=None, pin_memory=False, requires_grad=False, memory_format=None):
    shape, dtype = _like("rand_like", input, dtype, device, pin_memory, memory_format)
    return _finish(_uniform(shape, _dt(dtype), generator), requires_grad)


def randn_like(input, *, generator=None, dtype=None, device=None, pin_memory=False, requires_grad=False, memory_format=None):
    shape, dtype = _like("randn_like", input, dtype, device, pin_memory, memory_format)
    return _finish(_gaussian(shape, _dt(dtype), generator), requires_grad)


def randint(low=None, high=None, size=None, *, generator=None, out=None, dtype=None, device=None, pin_memory=False, requires_grad=False):
    _check_device(device)
    _check_pin_memory(pin_memory)
    if size is None:
        # randint(high, size): the second positional is the size
        low, high, size = 0, low, high
    elif high is None:
        low, high = 0, low
    if low is None:
        low = 0
    shape = _new_shape((size,), None, "randint")
    dtype = _dt(_out.dtype_for("randint", dtype, out) or int64)
    if dtype is bool:
        raise RuntimeError("to - 1 is out of bounds for bool")

    def draw(s, d):
        return _wrap(_call(_E.randint, _g(generator), _b.int(low), _b.int(high), d.name, *s))

    return _random("randint", draw, shape, dtype, requires_grad, out)


def randperm(n, *, generator=None, out=None, dtype=None, device=None, pin_memory=False, requires_grad=False):
    _check_device(device)
    _check_pin_memory(pin_memory)
    dtype = _dt(_out.dtype_for("randperm", dtype, out) or int64)
    _kernel_dtype_check("randperm", dtype, lambda d: d is not bool)

    def draw(s, d):
        t = _wrap(_call(_E.randperm, _g(generator), _b.int(n)))
        return t if d is int64 else t.to(d)

    return _random("randperm", draw, (_b.int(n),), dtype, requires_grad, out)


def normal(mean=0.0, std=1.0, size=None, *, generator=None, out=None, dtype=None, device=None, pin_memory=False, requires_grad=False):
    if device is not None:
        _check_device(device)
    _check_pin_memory(pin_memory)
    if isinstance(mean, Tensor) or isinstance(std, Tensor):
        tensors = [t for t in (mean, std) if isinstance(t, Tensor)]
        if isinstance(std, Tensor) and not _b.bool((std >= 0).all()):
            raise RuntimeError("normal expects all elements of std >= 0.0")
        if out is not None:
            _out.check_out("normal", out)
            _out.check_autograd("normal", tensors, (out,))
            # PyTorch sizes the result by broadcasting the inputs with the out tensor as it was.
            _out.resize(out, _broadcast_with_out(broadcast_shapes(*[t.shape for t in tensors]), out.shape), warn=False)
            with autograd.no_grad():
                drawn = normal(mean, std, generator=generator)
            return _out.write("normal", drawn, out, tensors)
        like = tensors[0]
        shape = broadcast_shapes(*[t.shape for t in tensors])
        with autograd.no_grad():
            if isinstance(std, Tensor):
                result = empty(*shape, dtype=like.dtype).normal_(generator=generator) * std + mean
            else:
                # normal_(0, std) scales inside the sampler (one rounding), as PyTorch's kernel does.
                result = empty(*shape, dtype=like.dtype).normal_(0.0, std, generator=generator) + mean
            return _finish(result, requires_grad)
    if size is None:
        raise TypeError("normal() received an invalid combination of arguments - got (float, float), but expected a size")
    shape = _new_shape((size,), None, "normal")
    dtype = _float_dtype(_out.dtype_for("normal", dtype, out))
    return _random("normal", lambda s, d: _gaussian(s, d, generator, mean, std), shape, dtype, requires_grad, out)


def _broadcast_with_out(shape, out_shape):
    """at::infer_size of the inputs' shape and the out tensor's, in PyTorch's words when they do not match."""
    a, b = list(shape), list(out_shape)
    n = _b.max(len(a), len(b))
    a, b = [1] * (n - len(a)) + a, [1] * (n - len(b)) + b
    for i in range(n):
        if a[i] != b[i] and a[i] != 1 and b[i] != 1:
            raise RuntimeError(
                "The size of tensor a (%d) must match the size of tensor b (%d) at non-singleton dimension %d" % (a[i], b[i], i)
            )
    return [x if y == 1 else y for x, y in zip(a, b)]


def bernoulli(input, p=None, *, generator=None, out=None):
    if out is not None:
        if p is not None:
            raise TypeError("bernoulli() received an invalid combination of arguments - got (Tensor, float, out=Tensor)")
        _out.check_out("bernoulli", out)
        _out.check_autograd("bernoulli", (input,), (out,))
        _out.resize(out, input.shape, warn=False)
        view, order = _out.memory_view(out)
        with autograd.no_grad():
            view.bernoulli_(input.permute(*order), generator=generator)
        return out
    return input.bernoulli(p, generator=generator)


def multinomial(input, num_samples, replacement=False, *, generator=None, out=None):
    if out is not None:
        compute = lambda: input.multinomial(num_samples, replacement, generator=generator)  # noqa: E731
        return _out.call("multinomial", compute, out, (input,))
    return input.multinomial(num_samples, replacement, generator=generator)


# ---------------------------------------------------------------------------------------------------
# functions that mirror Tensor methods


def _input(name, args, kwargs):
    """The tensor a torch function applies to: the first argument, or `input=` (NumPy's x=, a=, x1= too)."""
    if args:
        input, where = args[0], " (position 1)"
    else:
        given = [k for k in ("input", "x", "a", "x1") if k in kwargs]
        if not given:
            raise TypeError('%s() missing 1 required positional arguments: "input"' % name)
        if len(given) > 1:
            raise TypeError("%s() got multiple values for argument 'input'" % name)
        input, where = kwargs.pop(given[0]), ""
    if not isinstance(input, Tensor):
        raise TypeError("%s(): argument 'input'%s must be Tensor, not %s" % (name, where, type(input).__name__))
    return input


# The functions above whose PyTorch form takes out= (the others refuse it, as PyTorch's do).
_OUT_METHODS = frozenset(
    (
        "abs exp expm1 log log2 log10 log1p sqrt rsqrt sin cos tan tanh sigmoid erf floor ceil round trunc square "
        "neg negative reciprocal sign logical_not logical_and logical_or logical_xor sum mean prod argmax argmin "
        "var std logsumexp softmax log_softmax all any cumsum amax amin index_select matmul mm mv bmm dot outer "
        "lgamma digamma gather scatter_add sort msort topk cumprod nonzero masked_select clamp_min clamp_max "
        "lerp addcmul addcdiv addmm nansum nanmean diag scatter index_add nan_to_num atan2 hypot logaddexp logit "
        "erfinv diff"
        # running extremes, order statistics, aminmax, kron, cross (_tensor_scans)
        " cummax cummin logcumsumexp kthvalue median aminmax kron cross"
    ).split()
)


def _method(name, alias=None):
    label = alias or name
    if name in _OUT_METHODS:

        def f(*args, out=None, **kwargs):
            input = _input(label, args, kwargs)
            if out is not None:
                return _out.method_out(label, input, args[1:], kwargs, out, name)
            return getattr(input, name)(*args[1:], **kwargs)

    else:

        def f(*args, **kwargs):
            input = _input(label, args, kwargs)
            if "out" in kwargs:
                raise TypeError("%s() got an unexpected keyword argument 'out'" % label)
            return getattr(input, name)(*args[1:], **kwargs)

    f.__name__ = f.__qualname__ = label
    return f


for _name in (
    "abs exp expm1 log log2 log10 log1p sqrt rsqrt sin cos tan tanh sigmoid relu erf floor ceil round trunc square "
    "neg negative reciprocal sign isnan isinf isfinite nan_to_num logical_not logical_and logical_or logical_xor "
    "sum mean prod argmax argmin var std logsumexp softmax log_softmax all any cumsum amax amin "
    "reshape flatten unflatten squeeze unsqueeze transpose permute t select narrow chunk unbind index_select "
    "matmul mm mv bmm dot outer clone detach masked_fill numel ravel lgamma digamma gather scatter_add diagonal flip"
).split():
    globals()[_name] = _method(_name)
del _name

# sorting, selection, one-sided clamps, closeness: Tensor methods that _tensor_sorting adds
from . import _tensor_sorting  # noqa: E402,F401

# blends, NaN-skipping reductions, diag/trace, roll and the other rearrangements that _tensor_blend adds
from . import _tensor_blend  # noqa: E402,F401

for _name in (
    "sort argsort msort topk cumprod nonzero argwhere masked_select unique clamp_min clamp_max isclose allclose equal "
    "lerp addcmul addcdiv addmm nansum nanmean count_nonzero diag trace roll repeat_interleave broadcast_to movedim "
    "scatter index_add"
).split():
    globals()[_name] = _method(_name)
del _name
moveaxis = _method("movedim", "moveaxis")

# einsum, the elementwise functions beyond the basic set (_tensor_special) and diff/tensor_split/flipud/fliplr
# (_tensor_slicing)
from . import _tensor_special, _tensor_slicing  # noqa: E402,F401
from ._einsum import einsum  # noqa: E402,F401

for _name in "atan2 hypot logaddexp logit erfinv diff tensor_split flipud fliplr".split():
    globals()[_name] = _method(_name)
del _name
arctan2 = _method("atan2", "arctan2")



# running extremes, order statistics, paired reductions, products, rot90/diag_embed (_tensor_scans)
from . import _tensor_scans  # noqa: E402,F401
from ._tensor_scans import var_mean, std_mean, cdist  # noqa: E402,F401

for _name in "cummax cummin logcumsumexp kthvalue median aminmax kron cross rot90 diag_embed".split():
    globals()[_name] = _method(_name)
del _name

absolute = _method("abs", "absolute")
swapaxes = _method("transpose", "swapaxes")
unsafe_chunk = _method("unsafe_chunk")


def _scalar_first(input, other):
    """(engine number, is_int) when `input` is a Python number and `other` a tensor: PyTorch then keeps the
    number as the first operand (a wrapped scalar), which next_functions shows; else None."""
    if type(input) not in (_b.int, _b.float, _b.bool) or not isinstance(other, Tensor):
        return None
    return _arg(input)


def split(tensor, split_size_or_sections, dim=0):
    return tensor.split(split_size_or_sections, dim)


def _alias(f, name):
    """torch.<name>, another name for `f` (torch.subtract for sub): PyTorch's out= messages call it by this name."""

    def alias(*args, out=None, **kwargs):
        if out is None:
            return f(*args, **kwargs)
        return _out.call(name, lambda: f(*args, **kwargs), out, (args, tuple(kwargs.values())))

    alias.__name__ = alias.__qualname__ = name
    return alias


@_numpy_names
def add(input, other, *, alpha=1, out=None):
    if out is not None:
        return _out.call("add", lambda: add(input, other, alpha=alpha), out, (input, other))
    s = _scalar_first(input, other)
    if s is not None:
        return _wrap(_op("add_scalar_first", s[0], s[1], other._t, alpha))
    if not isinstance(input, Tensor):
        return tensor(input) + other
    a = _arg(other)
    return _wrap(_op("add", input._t, a[0], a[1], alpha))


@_numpy_names
def sub(input, other, *, alpha=1, out=None):
    if out is not None:
        return _out.call("sub", lambda: sub(input, other, alpha=alpha), out, (input, other))
    s = _scalar_first(input, other)
    if s is not None:
        return _wrap(_op("sub_scalar_first", s[0], s[1], other._t, alpha))
    a = _arg(other)
    return _wrap(_op("sub", input._t, a[0], a[1], alpha))


subtract = _alias(sub, "subtract")


@_numpy_names
def rsub(input, other, alpha=1):
    if not isinstance(input, Tensor):
        raise TypeError(
            "rsub() received an invalid combination of arguments - got (%s, %s), but expected one of:\n"
            " * (Tensor input, Tensor other, *, Number alpha)\n"
            " * (Tensor input, Number other, Number alpha)\n" % (type(input).__name__, type(other).__name__)
        )
    if isinstance(other, Tensor):
        return _wrap(_op("rsub_tensor", input._t, other._t, alpha))
    a = _arg(other)
    return _wrap(_op("rsub", input._t, a[0], a[1], alpha))


@_numpy_names
def mul(input, other, *, out=None):
    if out is not None:
        return _out.call("mul", lambda: mul(input, other), out, (input, other))
    s = _scalar_first(input, other)
    if s is not None:
        return _wrap(_op("mul_scalar_first", s[0], s[1], other._t))
    if not isinstance(input, Tensor):
        return other * input
    return input * other


multiply = _alias(mul, "multiply")


@_numpy_names
def div(input, other, *, rounding_mode=None, out=None):
    if out is not None:
        return _out.call("div", lambda: div(input, other, rounding_mode=rounding_mode), out, (input, other))
    s = _scalar_first(input, other)
    if s is not None:
        return _wrap(_op("div_scalar_first", s[0], s[1], other._t, rounding_mode))
    if not isinstance(input, Tensor):
        return tensor(input) / other
    return input.div(other, rounding_mode=rounding_mode)


divide = _alias(div, "divide")
true_divide = _alias(div, "true_divide")


@_numpy_names
def pow(input, exponent, *, out=None):
    if out is not None:
        rule = _out.cast if isinstance(exponent, Tensor) else _out.RULES["pow_scalar"]
        return _out.call("pow", lambda: pow(input, exponent), out, (input, exponent), rule)
    if not isinstance(input, Tensor):
        return exponent.__rpow__(input)
    return input.pow(exponent)


@_numpy_names
def floor_divide(input, other, *, out=None):
    if out is not None:
        return _out.call("floor_divide", lambda: input // other, out, (input, other))
    return input // other


@_numpy_names
def remainder(input, other, *, out=None):
    if out is not None:
        return _out.call("remainder", lambda: input % other, out, (input, other))
    return input % other


def fmod(input, other, *, out=None):
    if out is not None:
        return _out.call("fmod", lambda: input.fmod(other), out, (input, other))
    return input.fmod(other)


@_numpy_names
def max(input, dim=None, keepdim=False, *, other=None, out=None):
    if out is not None:
        args = () if dim is None else (dim, keepdim)
        return _out.method_out("max", input, args, {} if other is None else {"other": other}, out)
    return input.max(dim, keepdim, other=other)


@_numpy_names
def min(input, dim=None, keepdim=False, *, other=None, out=None):
    if out is not None:
        args = () if dim is None else (dim, keepdim)
        return _out.method_out("min", input, args, {} if other is None else {"other": other}, out)
    return input.min(dim, keepdim, other=other)


@_numpy_names
def maximum(input, other, *, out=None):
    if out is not None:
        return _out.call("maximum", lambda: input.maximum(other), out, (input, other))
    return input.maximum(other)


@_numpy_names
def minimum(input, other, *, out=None):
    if out is not None:
        return _out.call("minimum", lambda: input.minimum(other), out, (input, other))
    return input.minimum(other)


def _clamp_out(name, input, min, max, out):
    # Tensor bounds make clamp a TensorIterator op that casts; number bounds keep the input's dtype.
    tensors = isinstance(min, Tensor) or isinstance(max, Tensor)
    return _out.call(name, lambda: input.clamp(min, max), out, (input, min, max), _out.cast if tensors else _out.RULES["clamp"])


@_numpy_names
def clamp(input, min=None, max=None, *, out=None):
    if out is not None:
        return _clamp_out("clamp", input, min, max, out)
    return input.clamp(min, max)


@_numpy_names
def clip(input, min=None, max=None, *, out=None):
    if out is not None:
        return _clamp_out("clip", input, min, max, out)
    return input.clamp(min, max)


def norm(input, p="fro", dim=None, keepdim=False, out=None, dtype=None):
    # PyTorch 2's torch.norm is torch.linalg.vector_norm for every p but "nuc" (and a matrix "fro" over two dims,
    # which has the same value).
    if p == "nuc":
        raise NotImplementedError("nuclear norm is not supported by Autograd Playground")
    return linalg.vector_norm(input, 2 if p in ("fro", None) else p, dim, keepdim, dtype=dtype, out=out)


@_numpy_names
def where(condition, input=None, other=None, *, out=None):
    if input is None:
        raise NotImplementedError("torch.where(condition) with one argument is not supported by Autograd Playground")
    if out is not None:
        return _out.call("where", lambda: where(condition, input, other), out, (condition, input, other))
    a = _arg(input)
    b = _arg(other)
    return _wrap(_op("where", condition._t, a[0], a[1], b[0], b[1]))


def _comparison(name, compare):
    @_numpy_names
    def f(input, other, *, out=None):
        if out is not None:
            return _out.call(name, lambda: compare(input, other), out, (input, other))
        return compare(input, other)

    f.__name__ = f.__qualname__ = name
    return f


eq = _comparison("eq", lambda a, b: a == b)
ne = _comparison("ne", lambda a, b: a != b)
lt = _comparison("lt", lambda a, b: a < b)
le = _comparison("le", lambda a, b: a <= b)
gt = _comparison("gt", lambda a, b: a > b)
ge = _comparison("ge", lambda a, b: a >= b)
greater = _comparison("greater", lambda a, b: a > b)
less = _comparison("less", lambda a, b: a < b)


@_numpy_names
def cat(tensors, dim=0, *, out=None):
    if out is not None:
        return _out.call("cat", lambda: cat(tensors, dim), out, (tensors,))
    return _wrap(_op("cat", dim, *[t._t for t in tensors]))


concat = _alias(cat, "concat")
concatenate = _alias(cat, "concatenate")


@_numpy_names
def stack(tensors, dim=0, *, out=None):
    if out is not None:
        return _out.call("stack", lambda: stack(tensors, dim), out, (tensors,))
    return _wrap(_op("stack", dim, *[t._t for t in tensors]))


def hstack(tensors, *, out=None):
    if out is not None:
        return _out.call("hstack", lambda: hstack(tensors), out, (tensors,))
    return cat(tensors, 1 if tensors[0].dim() > 1 else 0)


def vstack(tensors, *, out=None):
    if out is not None:
        return _out.call("vstack", lambda: vstack(tensors), out, (tensors,))
    return cat([t if t.dim() > 1 else t.unsqueeze(0) for t in tensors], 0)


def square_(input):
    return input.pow_(2)


def polygamma(n, input, *, out=None):
    if out is not None:
        return _out.call("polygamma", lambda: polygamma(n, input), out, (input,))
    if n == 0:
        return input.digamma()
    return _wrap(_op("polygamma", _b.int(n), input._t))


def broadcast_shapes(*shapes):
    result = []
    for shape in shapes:
        shape = (shape,) if isinstance(shape, _b.int) else tuple(shape)
        for i, n in enumerate(reversed(shape)):
            if i == len(result):
                result.insert(0, n)
            elif result[-1 - i] == 1:
                result[-1 - i] = n
            elif n != 1 and n != result[-1 - i]:
                raise RuntimeError("Shape mismatch: objects cannot be broadcast to a single shape")
    return Size(result)


def broadcast_tensors(*tensors):
    shape = []
    for t in tensors:
        a, b = shape, list(t.shape)
        n = _b.max(len(a), len(b))
        a, b = [1] * (n - len(a)) + a, [1] * (n - len(b)) + b
        for i in range(n):
            if a[i] != b[i] and a[i] != 1 and b[i] != 1:
                raise RuntimeError(
                    "The size of tensor a (%d) must match the size of tensor b (%d) at non-singleton dimension %d"
                    % (a[i], b[i], i)
                )
        shape = [y if x == 1 else x for x, y in zip(a, b)]
    return tuple(t.expand(*shape) for t in tensors)


from ._finfo import finfo, iinfo  # noqa: E402
from .functional import meshgrid  # noqa: E402
from ._triangular import (  # noqa: E402
    tril,
    triu,
    tril_indices,
    triu_indices,
    cholesky_legacy as cholesky,
    cholesky_inverse,
    triangular_solve,
)
from . import linalg  # noqa: E402


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None):
    _call(_E.set_printoptions, precision, None if threshold is None else threshold, edgeitems, linewidth, profile, sci_mode)


# ---------------------------------------------------------------------------------------------------
# grad mode

from .autograd import no_grad, enable_grad, set_grad_enabled, is_grad_enabled, inference_mode  # noqa: E402
from . import autograd  # noqa: E402
from . import nn  # noqa: E402
# torch.selu & co.: the functional forms PyTorch also has at top level, and the two Tensor methods among them.
from .nn._activations import (  # noqa: E402
    selu, selu_, celu_, prelu, rrelu, rrelu_, threshold_, cosine_similarity, pairwise_distance,
)
from .nn import _activations as _act  # noqa: E402


# torch.celu, torch.threshold and torch.hardshrink are ATen's bindings, not F's: no inplace=, and the last two
# take out= (celu's binding has none).
def celu(input, alpha=1.0):
    return _act.celu(input, alpha)


def threshold(input, threshold, value, *, out=None):
    if out is None:
        return _act.threshold(input, threshold, value)
    return _out.call("threshold", lambda: _act.threshold(input, threshold, value), out, (input,))


def hardshrink(input, lambd=0.5, *, out=None):
    if out is None:
        return _act.hardshrink(input, lambd)
    return _out.call("hardshrink", lambda: _act.hardshrink(input, lambd), out, (input,))


Tensor.prelu = lambda self, weight: prelu(self, weight)
Tensor.hardshrink = lambda self, lambd=0.5: hardshrink(self, lambd)
from . import optim  # noqa: E402
from . import utils  # noqa: E402
from .storage import TypedStorage, LEGACY_STORAGES as _LEGACY_STORAGES  # noqa: E402

# torch.FloatStorage, torch.LongStorage, …: the names .pt files give their storages' types.
globals().update(_LEGACY_STORAGES)


def __getattr__(name):
    # torch.distributions loads on first use: most scripts never sample from one.
    if name == "distributions":
        import importlib

        return importlib.import_module("torch.distributions")
    # torch.save and torch.load live in torch.serialization, imported on first use: it needs pickle, which takes
    # longer to import than a script that never saves should wait.
    if name in ("save", "load", "serialization"):
        import importlib

        serialization = importlib.import_module("torch.serialization")
        return serialization if name == "serialization" else getattr(serialization, name)
    raise AttributeError("module 'torch' has no attribute '%s'" % name)

# The playground names tensors (graph leaves, the variables event) without importing torch itself.
_playground_naming.register_tensor_types(Tensor, nn.Module)
