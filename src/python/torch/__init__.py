"""torch for Autograd Playground: PyTorch's Python API over the playground's TypeScript engine."""
import builtins as _b
import math as _math
import sys as _sys

from _playground import hooks as _hooks, naming as _playground_naming

from . import _C
from ._C import E as _E, op as _op, call as _call, js as _js
from ._dtype import (
    dtype,
    float32,
    float64,
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
from .return_types import _ReturnType

__version__ = "2.11.0+playground"

float = float32
double = float64
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


def zeros(*args, size=None, dtype=None, device=None, requires_grad=False, out=None):
    _check_device(device)
    return _filled(_new_shape(args, size, "zeros"), 0, _float_dtype(dtype), requires_grad)


def ones(*args, size=None, dtype=None, device=None, requires_grad=False, out=None):
    _check_device(device)
    return _filled(_new_shape(args, size, "ones"), 1, _float_dtype(dtype), requires_grad)


def empty(*args, size=None, dtype=None, device=None, requires_grad=False, out=None):
    # PyTorch leaves the memory uninitialised (whatever bytes were there); the playground gives zeros.
    _check_device(device)
    return _filled(_new_shape(args, size, "empty"), 0, _float_dtype(dtype), requires_grad)


def full(size, fill_value, dtype=None, device=None, requires_grad=False):
    _check_device(device)
    if isinstance(size, int) and not isinstance(size, _b.bool):
        raise TypeError("full(): argument 'size' (position 1) must be tuple of SymInts, not int")
    if dtype is None:
        dtype = (
            bool if type(fill_value) is type(True) else int64 if isinstance(fill_value, int) else get_default_dtype()
        )
    return _filled(_new_shape((), tuple(size), "full"), fill_value, dtype, requires_grad)


def _like(input, dtype, device):
    if device is not None:
        _check_device(device, "empty_strided")
    return tuple(input.shape), input.dtype if dtype is None else dtype


def zeros_like(input, dtype=None, device=None, requires_grad=False, memory_format=None):
    shape, dtype = _like(input, dtype, device)
    return _filled(shape, 0, dtype, requires_grad)


def ones_like(input, dtype=None, device=None, requires_grad=False, memory_format=None):
    shape, dtype = _like(input, dtype, device)
    return _filled(shape, 1, dtype, requires_grad)


def empty_like(input, dtype=None, device=None, requires_grad=False, memory_format=None):
    return zeros_like(input, dtype=dtype, device=device, requires_grad=requires_grad)


def full_like(input, fill_value, dtype=None, device=None, requires_grad=False, memory_format=None):
    shape, dtype = _like(input, dtype, device)
    return _filled(shape, fill_value, dtype, requires_grad)


def arange(start=0, end=None, step=1, dtype=None, device=None, requires_grad=False, out=None):
    _check_device(device)
    if end is None:
        start, end = 0, start
    vals = [v.item() if isinstance(v, Tensor) else v for v in (start, end, step)]
    if dtype is None:
        dtype = get_default_dtype() if _b.any(isinstance(v, _b.float) for v in vals) else int64
    t = _wrap(_call(_E.arange, vals[0], vals[1], vals[2], _dt(dtype).name))
    return _finish(t, requires_grad)


def linspace(start, end, steps, dtype=None, device=None, requires_grad=False, out=None):
    _check_device(device)
    t = _wrap(_call(_E.linspace, start, end, int(steps), _float_dtype(dtype).name))
    return _finish(t, requires_grad)


def eye(n, m=None, dtype=None, device=None, requires_grad=False, out=None):
    _check_device(device)
    t = _wrap(_call(_E.eye, n, n if m is None else m, _float_dtype(dtype).name))
    return _finish(t, requires_grad)


# ---------------------------------------------------------------------------------------------------
# random numbers


class Generator:
    """torch.Generator over the engine's bit-exact copy of PyTorch's CPU generator."""

    def __init__(self, device="cpu"):
        self._g = _E.generator()

    def manual_seed(self, seed):
        _call(_E.manual_seed, self._g, _seed_value(seed))
        return self

    def seed(self):
        return int(_call(_E.seed, self._g))

    def initial_seed(self):
        return int(_call(_E.initial_seed, self._g))

    @property
    def device(self):
        return _cpu


def _seed_value(seed):
    seed = int(seed)
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


def rand(*args, size=None, generator=None, dtype=None, device=None, requires_grad=False, out=None):
    _check_device(device)
    t = _wrap(_call(_E.rand, _g(generator), _float_dtype(dtype).name, *_new_shape(args, size, "rand")))
    return _finish(t, requires_grad)


def randn(*args, size=None, generator=None, dtype=None, device=None, requires_grad=False, out=None):
    _check_device(device)
    t = _wrap(_call(_E.randn, _g(generator), _float_dtype(dtype).name, *_new_shape(args, size, "randn")))
    return _finish(t, requires_grad)


def rand_like(input, dtype=None, generator=None, requires_grad=False, device=None):
    if device is not None:
        _check_device(device, "empty_strided")
    return rand(*input.shape, generator=generator, dtype=dtype or input.dtype, requires_grad=requires_grad)


def randn_like(input, dtype=None, generator=None, requires_grad=False, device=None):
    if device is not None:
        _check_device(device, "empty_strided")
    return randn(*input.shape, generator=generator, dtype=dtype or input.dtype, requires_grad=requires_grad)


def randint(low=None, high=None, size=None, generator=None, dtype=None, device=None, requires_grad=False):
    _check_device(device)
    if size is None:
        # randint(high, size): the second positional is the size
        low, high, size = 0, low, high
    elif high is None:
        low, high = 0, low
    if low is None:
        low = 0
    shape = _new_shape((size,), None, "randint")
    return _wrap(_call(_E.randint, _g(generator), int(low), int(high), _dt(dtype or int64).name, *shape))


def randperm(n, generator=None, dtype=None, device=None, requires_grad=False):
    _check_device(device)
    t = _wrap(_call(_E.randperm, _g(generator), int(n)))
    return t if dtype is None else t.to(dtype)


def normal(mean=0.0, std=1.0, size=None, *, generator=None, dtype=None, out=None, device=None, requires_grad=False):
    if device is not None:
        _check_device(device)
    if isinstance(mean, Tensor) or isinstance(std, Tensor):
        # PyTorch fills N(0, 1) of the broadcast shape, then multiplies by std and adds mean, as tensor ops.
        like = mean if isinstance(mean, Tensor) else std
        if isinstance(std, Tensor) and not _b.bool((std >= 0).all()):
            raise RuntimeError("normal expects all elements of std >= 0.0")
        shape = broadcast_shapes(*[t.shape for t in (mean, std) if isinstance(t, Tensor)])
        with autograd.no_grad():
            if isinstance(std, Tensor):
                out = empty(*shape, dtype=like.dtype).normal_(generator=generator) * std + mean
            else:
                # normal_(0, std) scales inside the sampler (one rounding), as PyTorch's kernel does.
                out = empty(*shape, dtype=like.dtype).normal_(0.0, std, generator=generator) + mean
            return _finish(out, requires_grad)
    if size is None:
        raise TypeError("normal() received an invalid combination of arguments - got (float, float), but expected a size")
    t = _wrap(
        _call(_E.normal, _g(generator), _b.float(mean), _b.float(std), _float_dtype(dtype).name, *_new_shape((size,), None, "normal"))
    )
    return _finish(t, requires_grad)


def bernoulli(input, p=None, *, generator=None, out=None):
    if out is not None:
        raise NotImplementedError("bernoulli(): the out= argument is not supported in Autograd Playground")
    return input.bernoulli(p, generator=generator)


def multinomial(input, num_samples, replacement=False, *, generator=None, out=None):
    if out is not None:
        raise NotImplementedError("multinomial(): the out= argument is not supported in Autograd Playground")
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


def _method(name):
    def f(*args, **kwargs):
        input = _input(name, args, kwargs)
        return getattr(input, name)(*args[1:], **kwargs)

    f.__name__ = f.__qualname__ = name
    return f


for _name in (
    "abs exp expm1 log log2 log10 log1p sqrt rsqrt sin cos tan tanh sigmoid relu erf floor ceil round trunc square "
    "neg negative reciprocal sign isnan isinf isfinite logical_not logical_and logical_or logical_xor "
    "sum mean prod argmax argmin var std logsumexp softmax log_softmax all any cumsum amax amin "
    "reshape flatten unflatten squeeze unsqueeze transpose permute t select narrow chunk unbind index_select "
    "matmul mm mv bmm dot outer clone detach masked_fill numel ravel lgamma digamma gather scatter_add diagonal flip"
).split():
    globals()[_name] = _method(_name)
del _name

absolute = abs
swapaxes = transpose


def _scalar_first(input, other):
    """(engine number, is_int) when `input` is a Python number and `other` a tensor: PyTorch then keeps the
    number as the first operand (a wrapped scalar), which next_functions shows; else None."""
    if type(input) not in (_b.int, _b.float, _b.bool) or not isinstance(other, Tensor):
        return None
    return _arg(input)


def split(tensor, split_size_or_sections, dim=0):
    return tensor.split(split_size_or_sections, dim)


@_numpy_names
def add(input, other, alpha=1, out=None):
    s = _scalar_first(input, other)
    if s is not None:
        return _wrap(_op("add_scalar_first", s[0], s[1], other._t, alpha))
    if not isinstance(input, Tensor):
        return tensor(input) + other
    a = _arg(other)
    return _wrap(_op("add", input._t, a[0], a[1], alpha))


@_numpy_names
def sub(input, other, alpha=1, out=None):
    s = _scalar_first(input, other)
    if s is not None:
        return _wrap(_op("sub_scalar_first", s[0], s[1], other._t, alpha))
    a = _arg(other)
    return _wrap(_op("sub", input._t, a[0], a[1], alpha))


subtract = sub


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
def mul(input, other, out=None):
    s = _scalar_first(input, other)
    if s is not None:
        return _wrap(_op("mul_scalar_first", s[0], s[1], other._t))
    if not isinstance(input, Tensor):
        return other * input
    return input * other


multiply = mul


@_numpy_names
def div(input, other, rounding_mode=None, out=None):
    s = _scalar_first(input, other)
    if s is not None:
        return _wrap(_op("div_scalar_first", s[0], s[1], other._t, rounding_mode))
    if not isinstance(input, Tensor):
        return tensor(input) / other
    return input.div(other, rounding_mode=rounding_mode)


divide = true_divide = div


@_numpy_names
def pow(input, exponent, out=None):
    if not isinstance(input, Tensor):
        return exponent.__rpow__(input)
    return input.pow(exponent)


@_numpy_names
def floor_divide(input, other):
    return input // other


@_numpy_names
def remainder(input, other):
    return input % other


def fmod(input, other):
    return input.fmod(other)


@_numpy_names
def max(input, dim=None, keepdim=False, *, other=None, out=None):
    return input.max(dim, keepdim, other=other)


@_numpy_names
def min(input, dim=None, keepdim=False, *, other=None, out=None):
    return input.min(dim, keepdim, other=other)


@_numpy_names
def maximum(input, other):
    return input.maximum(other)


@_numpy_names
def minimum(input, other):
    return input.minimum(other)


@_numpy_names
def clamp(input, min=None, max=None, out=None):
    return input.clamp(min, max)


clip = clamp


def norm(input, p="fro", dim=None, keepdim=False, out=None, dtype=None):
    return input.norm(p, dim, keepdim)


@_numpy_names
def where(condition, input=None, other=None):
    if input is None:
        raise NotImplementedError("torch.where(condition) with one argument is not supported by Autograd Playground")
    a = _arg(input)
    b = _arg(other)
    return _wrap(_op("where", condition._t, a[0], a[1], b[0], b[1]))


@_numpy_names
def eq(input, other):
    return input == other


@_numpy_names
def ne(input, other):
    return input != other


@_numpy_names
def lt(input, other):
    return input < other


@_numpy_names
def le(input, other):
    return input <= other


@_numpy_names
def gt(input, other):
    return input > other


@_numpy_names
def ge(input, other):
    return input >= other


greater = gt
less = lt


@_numpy_names
def equal(input, other):
    return input.shape == other.shape and _b.bool((input == other).all())


@_numpy_names
def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    return _b.bool(isclose(input, other, rtol, atol, equal_nan).all())


@_numpy_names
def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    if not isinstance(other, Tensor):
        other = tensor(other, dtype=input.dtype)
    close = (input - other).abs() <= atol + rtol * other.abs()
    if equal_nan:
        close = close | (input.isnan() & other.isnan())
    return close


@_numpy_names
def cat(tensors, dim=0, out=None):
    return _wrap(_op("cat", dim, *[t._t for t in tensors]))


concat = concatenate = cat


@_numpy_names
def stack(tensors, dim=0, out=None):
    return _wrap(_op("stack", dim, *[t._t for t in tensors]))


def hstack(tensors):
    return cat(tensors, 1 if tensors[0].dim() > 1 else 0)


def vstack(tensors):
    return cat([t if t.dim() > 1 else t.unsqueeze(0) for t in tensors], 0)


def square_(input):
    return input.pow_(2)


def linalg_norm(input, ord=None, dim=None, keepdim=False):
    return input.norm(2 if ord is None else ord, dim, keepdim)


def polygamma(n, input, *, out=None):
    if out is not None:
        raise NotImplementedError("polygamma(): the out= argument is not supported in Autograd Playground")
    if n == 0:
        return input.digamma()
    return _wrap(_op("polygamma", int(n), input._t))


def broadcast_shapes(*shapes):
    result = []
    for shape in shapes:
        shape = (shape,) if isinstance(shape, int) else tuple(shape)
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
    cholesky_legacy as cholesky,
    cholesky_inverse,
    triangular_solve,
    _LinAlgError,
)
from . import _triangular  # noqa: E402


class _Linalg:
    LinAlgError = _LinAlgError
    cholesky = staticmethod(_triangular.cholesky)
    cholesky_ex = staticmethod(_triangular.cholesky_ex)
    solve_triangular = staticmethod(_triangular.solve_triangular)

    @staticmethod
    @_numpy_names
    def norm(input, ord=None, dim=None, keepdim=False, out=None, dtype=None):
        return input.norm(2 if ord is None else ord, dim, keepdim)

    @staticmethod
    @_numpy_names
    def vector_norm(input, ord=2, dim=None, keepdim=False, out=None, dtype=None):
        return input.norm(ord, dim, keepdim)


linalg = _Linalg()


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None):
    _call(_E.set_printoptions, precision, None if threshold is None else threshold, edgeitems, linewidth, profile, sci_mode)


# ---------------------------------------------------------------------------------------------------
# grad mode

from .autograd import no_grad, enable_grad, set_grad_enabled, is_grad_enabled, inference_mode  # noqa: E402
from . import autograd  # noqa: E402
from . import nn  # noqa: E402
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
