"""The legacy constructors: `torch.Tensor(data | *sizes)`, `torch.FloatTensor`, `DoubleTensor`, `LongTensor`,
`BoolTensor` (and `Tensor.new`), with PyTorch's argument rules and errors.

`torch.FloatTensor` and its siblings are not subclasses of torch.Tensor in PyTorch: they are instances of the
metaclass `torch.tensortype`, calling one builds a plain torch.Tensor of its dtype, and `isinstance(t,
torch.FloatTensor)` asks whether t is a float32 tensor. The same holds here.

Sizes give memory PyTorch leaves uninitialised (whatever bytes were there); the playground fills it with zeros.
"""
from ._C import E, call as _call, op as _op
from ._device import as_device
from ._dtype import CPP_NAMES as _C_TYPE_NAMES, dtype as _dtype_class, from_name, get_default_dtype
from ._size import Size
from . import _tensor_args as _args


class tensortype(type):
    """The metaclass of torch.FloatTensor & co.: a call builds a tensor, isinstance checks the dtype."""

    _cuda = False

    def __call__(cls, *args, **kwargs):
        if cls._cuda:
            raise TypeError("type torch.cuda.%s not available. Torch not compiled with CUDA enabled." % cls.__name__)
        return legacy_new(cls._dtype(), args, kwargs, True)

    def __instancecheck__(cls, obj):
        if cls._cuda or cls._dtype_name not in _SUPPORTED or not isinstance(obj, _args.Tensor):
            return False
        return obj.dtype is from_name(cls._dtype_name)

    @property
    def dtype(cls):
        return cls._dtype()

    @property
    def is_cuda(cls):
        return False

    @property
    def is_sparse(cls):
        return False

    def _dtype(cls):
        # Raises the playground's "dtype ... is not supported" for the types whose dtype the engine lacks.
        return from_name(cls._dtype_name)


tensortype.__module__ = "torch"

_SUPPORTED = ("float16", "bfloat16", "float32", "float64", "int32", "int64", "bool")

# PyTorch's legacy type names, and the dtype each stands for.
_TYPE_NAMES = {
    "FloatTensor": "float32",
    "DoubleTensor": "float64",
    "LongTensor": "int64",
    "BoolTensor": "bool",
    "IntTensor": "int32",
    "ShortTensor": "int16",
    "CharTensor": "int8",
    "ByteTensor": "uint8",
    "HalfTensor": "float16",
    "BFloat16Tensor": "bfloat16",
}


LEGACY_TYPES = {
    name: tensortype(name, (), {"_dtype_name": dt, "__module__": "torch", "__qualname__": name})
    for name, dt in _TYPE_NAMES.items()
}
# torch.cuda.FloatTensor & co.: they exist in a CPU build, and calling one says there is no CUDA.
CUDA_TYPES = {
    name: tensortype(name, (), {"_dtype_name": dt, "_cuda": True, "__module__": "torch.cuda", "__qualname__": name})
    for name, dt in _TYPE_NAMES.items()
}
_BY_DTYPE = {dt: "torch." + name for name, dt in _TYPE_NAMES.items() if dt in _SUPPORTED}


def type_string(dtype):
    """`t.type()`: 'torch.FloatTensor' for float32 and so on."""
    return _BY_DTYPE[dtype.name]


def dtype_of_type(target):
    """The dtype `t.type(target)` converts to, for a legacy type, torch.Tensor, a type-name string or a dtype."""
    if isinstance(target, tensortype):
        if target._cuda:
            raise RuntimeError(_CUDA_LIBRARY)
        return target._dtype()
    if isinstance(target, _dtype_class):
        return target
    if isinstance(target, type):
        name = "torch.Tensor" if target is _args.Tensor else target.__name__
    elif isinstance(target, str):
        name = target
    else:
        raise TypeError("dtype must be a type, str, or dtype object")
    if name == "torch.Tensor":
        return get_default_dtype()
    if name.startswith("torch.cuda."):
        raise RuntimeError(_CUDA_LIBRARY)
    if name.startswith("torch.") and name[6:] in _TYPE_NAMES:
        return LEGACY_TYPES[name[6:]]._dtype()
    raise ValueError("invalid type: '%s'" % name)


# What PyTorch 1.13's CPU build raises for t.type('torch.cuda.FloatTensor').
_CUDA_LIBRARY = (
    "Cannot initialize CUDA without ATen_cuda library. PyTorch splits its backend into two shared libraries: a "
    "CPU library and a CUDA library; this error has occurred because you are trying to use some CUDA "
    "functionality, but the CUDA library has not been loaded by the dynamic linker for some reason.  The CUDA "
    "library MUST be loaded, EVEN IF you don't directly use any symbols from the CUDA library! One common culprit "
    "is a lack of -Wl,--no-as-needed in your link arguments; many dynamic linkers will delete dynamic library "
    "dependencies if you don't depend on any of their symbols.  You can check if this has occurred by using ldd on "
    "your binary to see if there is a dependency on *_cuda.so library."
)

# ---------------------------------------------------------------------------------------------------
# argument parsing, as PyTorch's `new(...)` parser does it

_SIGNATURES = (
    ("(*, torch.device device = None)", ("device",)),
    ("(torch.Storage storage)", ("storage",)),
    ("(Tensor other)", ("other",)),
    ("(tuple of ints size, *, torch.device device = None)", ("size", "device")),
    ("(object data, *, torch.device device = None)", ("data", "device")),
)
# Which signatures PyTorch's message annotates, by the number of arguments given (its matching is by count).
_ANNOTATED = {1: (1, 2), 2: (0,), 3: (3, 4)}



def _arg_type(value):
    if isinstance(value, _args.Tensor):
        return "Tensor"
    tp = type(value)
    if tp.__module__ == "torch":
        return "torch." + tp.__name__
    return tp.__name__


def _invalid(args, kwargs):
    # PyTorch lists keywords in the reverse of the order they were given.
    keys = list(kwargs)[::-1]
    given = [_arg_type(a) for a in args] + ["%s=%s" % (k, _arg_type(kwargs[k])) for k in keys]
    got = ", ".join(given) if args else "".join(g + ", " for g in given)
    lines = ["new() received an invalid combination of arguments - got (%s), but expected one of:" % got]
    annotated = _ANNOTATED.get(len(args) + len(kwargs), ())
    for i, (text, params) in enumerate(_SIGNATURES):
        lines.append(" * " + text)
        if i not in annotated:
            continue
        if keys:
            wrong = [k for k in keys if k not in params]
            if wrong:
                lines.append("      didn't match because some of the keywords were incorrect: " + ", ".join(wrong))
        else:
            lines.append(
                "      didn't match because some of the arguments have invalid types: (%s)"
                % ", ".join("!%s!" % _arg_type(a) for a in args)
            )
    return TypeError("\n".join(lines) + "\n")


def _is_int(value):
    if isinstance(value, int) and not isinstance(value, bool):
        return True
    tp = type(value)
    return tp.__module__ == "numpy" and "int" in tp.__name__ and getattr(value, "ndim", 0) == 0


def _is_sequence(value):
    if isinstance(value, (list, tuple)):
        return True
    return hasattr(value, "__len__") and hasattr(value, "__getitem__") and not isinstance(value, (str, bytes, dict))


def _qualified(value):
    tp = type(value)
    return tp.__name__ if tp.__module__ == "builtins" else "%s.%s" % (tp.__module__, tp.__name__)


def _with_sizes(dtype, sizes):
    sizes = [int(s) for s in sizes]
    for s in sizes:
        if s < 0:
            raise RuntimeError(
                "Trying to create tensor with negative dimension %d: [%s]" % (s, ", ".join(str(x) for x in sizes))
            )
    return _args._wrap(_call(E.full, 0, dtype.name, *sizes))


def _from_data(dtype, data):
    if isinstance(data, str):
        raise TypeError("new(): invalid data type 'str'")
    if not _is_sequence(data):
        raise TypeError("new(): data must be a sequence (got %s)" % _qualified(data))
    return _args._tensor_from_data(data, dtype)


def _alias(dtype, other, typed):
    if typed and other.dtype is not dtype:
        raise TypeError("expected %s (got %s)" % (_options(dtype), _options(other.dtype)))
    return _args._wrap(_op("alias", other._t)) if other.requires_grad else other.detach()


def _options(dtype):
    return (
        "TensorOptions(dtype=%s, device=cpu, layout=Strided, requires_grad=false (default), pinned_memory=false "
        "(default), memory_format=(nullopt))" % _C_TYPE_NAMES[dtype.name]
    )


def legacy_new(dtype, args, kwargs, typed):
    """torch.Tensor(...) (typed=False: any tensor is accepted as is), torch.FloatTensor(...) and t.new(...)."""
    allowed = ("device",) if args else ("device", "size", "data", "other")
    chosen = [k for k in kwargs if k != "device"]
    if any(k not in allowed for k in kwargs) or len(chosen) > 1:
        raise _invalid(args, kwargs)
    device = kwargs.get("device")
    if device is not None:
        d = as_device(device)
        if d.type != "cpu":
            if len(args) == 1 and isinstance(args[0], _args.Tensor):
                raise _tensor_device_error()
            raise RuntimeError("legacy constructor expects device type: cpu but device type: %s was passed" % d.type)
        if len(args) == 1 and isinstance(args[0], _args.Tensor):
            raise _tensor_device_error()
    if not args:
        if "size" in kwargs:
            size = kwargs["size"]
            if not isinstance(size, (list, tuple)) or not all(_is_int(s) for s in size):
                raise _invalid(args, kwargs)
            return _with_sizes(dtype, size)
        if "data" in kwargs:
            return _from_data(dtype, kwargs["data"])
        if "other" in kwargs:
            other = kwargs["other"]
            if not isinstance(other, _args.Tensor) or device is not None:
                raise _invalid(args, kwargs)
            return _alias(dtype, other, typed)
        return _with_sizes(dtype, [0])
    first = args[0]
    if len(args) == 1:
        if isinstance(first, _args.Tensor):
            return _alias(dtype, first, typed)
        if _is_int(first) or isinstance(first, Size):
            return _with_sizes(dtype, [first] if _is_int(first) else first)
        return _from_data(dtype, first)
    if not _is_int(first):
        raise _invalid(args, kwargs)
    for pos, a in enumerate(args[1:], 2):
        if not (_is_int(a) or isinstance(a, bool)):
            raise TypeError(
                "new(): argument 'size' must be tuple of ints, but found element of type %s at pos %d"
                % (type(a).__name__, pos)
            )
    return _with_sizes(dtype, args)


def _tensor_device_error():
    return RuntimeError(
        "Legacy tensor constructor of the form torch.Tensor(tensor, device=device) is not supported.  Use "
        "torch.tensor(...) or torch.as_tensor(...) instead."
    )


def base_new(args, kwargs):
    """torch.Tensor(...): the default dtype, and a tensor argument of any dtype is aliased as it is."""
    return legacy_new(get_default_dtype(), args, kwargs, False)

