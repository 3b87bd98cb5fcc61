"""Between Python values and engine tensors: `_wrap` dresses an engine result as a torch.Tensor, `_arg` and the
helpers below turn operands, shapes, dims, indices and nested Python data into what the engine takes, and
`_binary`/`_inplace`/`_unary` build Tensor's operator methods.

Tensor's methods need these helpers while its class body runs, so this module cannot import torch._tensor; that
module binds the class here once it exists (bind_tensor_class), as PyTorch's C++ learns torch.Tensor at start-up.
"""
import sys
from array import array as _array
from itertools import chain as _chain

from ._C import E, op as _op, call as _call, js as _js
from ._dtype import dtype as dtype_class, from_name, float32, int64, bool_ as _bool_dtype, get_default_dtype
from ._device import device as device_class, as_device, check_copy_device

_new = object.__new__

# torch.Tensor once torch._tensor has bound it; nothing here runs before then.
Tensor = None


def bind_tensor_class(cls):
    global Tensor
    Tensor = cls


# Bumped by whatever changes an engine tensor's shape or dtype in place (resize_, an out= resize, `.data =`):
# a wrapper's cached shape and dtype are good while the count they were read at is current.
geometry_epoch = [0]


def _wrap(t, cls=None):
    w = _new(cls or Tensor)
    w._t = t
    w._geo = None
    return w


def _wrap_opt(t):
    return None if t is None else _wrap(t)


def _arg(o):
    """(engine value, is_python_int) for an operand, or None when the type is not supported."""
    tp = type(o)
    if tp is float:
        return o, False
    if tp is int:
        return o, True
    if tp is bool:
        return o, False
    if isinstance(o, Tensor):
        return o._t, False
    if isinstance(o, (list, tuple)):
        return _tensor_from_data(o)._t, False
    if hasattr(o, "__array__") and hasattr(o, "shape"):
        return _tensor_from_data(o)._t, False
    if isinstance(o, int):
        return int(o), True
    if hasattr(o, "__float__"):
        return float(o), False
    return None


def _binary(name, rname=None):
    def forward(self, other):
        a = _arg(other)
        if a is None:
            return NotImplemented
        return _wrap(_op(name, self._t, a[0], a[1]))

    def reflected(self, other):
        a = _arg(other)
        if a is None:
            return NotImplemented
        if isinstance(other, Tensor):
            return _wrap(_op(name, other._t, self._t, False))
        return _wrap(_op(rname, self._t, a[0], a[1]))

    return forward, reflected


def _inplace(name):
    def method(self, other, *args):
        a = _arg(other)
        if a is None:
            return NotImplemented
        _op("iop", name, self._t, a[0], a[1], *args)
        return self

    return method


def _unary(name):
    def method(self):
        return _wrap(_op(name, self._t))

    method.__name__ = name
    return method


def _unary_inplace(name):
    def method(self):
        _op("iop", name, self._t)
        return self

    method.__name__ = name + "_"
    return method


# The keyword aliases PyTorch's argument parser accepts on every native function and Tensor method, for NumPy's
# sake (python_arg_parser.cpp): `x.sum(axis=0)`, `keepdims=True`, `torch.add(x1=a, x2=b)`. Functions PyTorch
# writes in Python (Tensor.norm, torch.split, torch.nn.functional.*) take none of them, and nor do ours.
_NUMPY_NAMES = {"axis": "dim", "keepdims": "keepdim", "x": "input", "a": "input", "x1": "input", "x2": "other"}


def numpy_names(f):
    """Wraps a native function or method so that it also takes the NumPy spellings of its parameter names."""
    code = f.__code__
    params = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
    table = {alias: name for alias, name in _NUMPY_NAMES.items() if name in params and alias not in params}
    if not table:
        return f
    qualname = f.__qualname__.rpartition(".")[2]

    def wrapper(*args, **kwargs):
        if kwargs:
            for alias in [k for k in kwargs if k in table]:
                name = table[alias]
                if name in kwargs:
                    raise TypeError("%s() got multiple values for argument '%s'" % (qualname, name))
                kwargs[name] = kwargs.pop(alias)
        return f(*args, **kwargs)

    wrapper.__name__ = f.__name__
    wrapper.__module__ = f.__module__
    wrapper.__qualname__ = f.__qualname__
    wrapper.__doc__ = f.__doc__
    wrapper.__wrapped__ = f
    return wrapper


def _dim(dim, name="dim"):
    """A single dim: reductions such as prod, max, argmax, cumsum and softmax take no tuple of dims."""
    if isinstance(dim, int) and not isinstance(dim, bool):
        return dim
    if hasattr(dim, "__index__") and not isinstance(dim, bool):
        return dim.__index__()
    raise TypeError("%s(): argument 'dim' must be int, not %s" % (name, type(dim).__name__))


def _dim_or_none(dim, name="dim"):
    return None if dim is None else _dim(dim, name)


def _dims(dim):
    if dim is None:
        return None
    if isinstance(dim, (list, tuple)):
        return _js([int(d) for d in dim])
    return int(dim)


def _shape_args(args, name="size", keyword=None, kwname="size"):
    """`f(2, 3)`, `f((2, 3))`, `f([2, 3])`, `f(torch.Size([2, 3]))` all mean shape (2, 3), and so does the keyword
    form PyTorch also takes (`x.view(size=(2, 3))`, `x.reshape(shape=...)`, `x.permute(dims=...)`)."""
    if keyword is not None:
        if args:
            raise TypeError(
                "%s() received an invalid combination of arguments - got (%s, %s=%s)"
                % (name, ", ".join(type(a).__name__ for a in args), kwname, type(keyword).__name__)
            )
        if not isinstance(keyword, (list, tuple)):
            raise TypeError("%s(): argument '%s' must be tuple of ints, not %s" % (name, kwname, type(keyword).__name__))
        args = (keyword,)
    if len(args) == 1 and isinstance(args[0], (list, tuple)):
        args = args[0]
    out = []
    for a in args:
        if isinstance(a, Tensor):
            a = a.item()
        if isinstance(a, bool) or not isinstance(a, int):
            if hasattr(a, "__index__"):
                a = a.__index__()
            else:
                raise TypeError(
                    "%s(): argument '%s' must be tuple of ints, but found element of type %s at pos 0"
                    % (name, "size", type(a).__name__)
                )
        out.append(int(a))
    return out



def _flatten_data(data):
    """Row-major values, shape and inferred dtype of nested Python data, with PyTorch's errors."""
    shape = []
    d = data
    while True:
        if isinstance(d, Tensor):
            shape.extend(d.shape)
            break
        if isinstance(d, (list, tuple)) or (hasattr(d, "__len__") and hasattr(d, "__getitem__") and not isinstance(d, (str, bytes))):
            n = len(d)
            shape.append(n)
            if n == 0:
                break
            d = d[0]
        else:
            break
    nd = len(shape)
    fast = _flatten_plain(data, shape)
    if fast is not None:
        flat, kind = fast
        return flat, shape, _inferred_dtype(kind, shape)
    flat = []
    kind = [0]  # 0 bool, 1 int, 2 float

    def scalar(x):
        tp = type(x)
        if tp is float:
            kind[0] = 2
            flat.append(x)
        elif tp is bool:
            flat.append(1 if x else 0)
        elif tp is int:
            if kind[0] < 1:
                kind[0] = 1
            flat.append(x)
        elif isinstance(x, Tensor):
            if x.numel() != 1:
                raise ValueError("only one element tensors can be converted to Python scalars")
            k = 2 if x.dtype.is_floating_point else 0 if x.dtype is _bool_dtype else 1
            kind[0] = max(kind[0], k)
            flat.append(float(x.item()))
        elif isinstance(x, bool) or type(x).__name__ == "bool_":
            flat.append(1 if x else 0)
        elif isinstance(x, int):
            kind[0] = max(kind[0], 1)
            flat.append(int(x))
        elif hasattr(x, "__float__"):
            kind[0] = 2
            flat.append(float(x))
        else:
            raise TypeError("new(): invalid data type '%s'" % type(x).__name__)

    def rec(x, dim):
        if dim == nd:
            scalar(x)
            return
        if isinstance(x, Tensor):
            rest = list(x.shape)
            if rest != shape[dim:]:
                raise ValueError(
                    "expected sequence of length %d at dim %d (got %d)" % (shape[dim], dim, rest[0] if rest else 0)
                )
            k = 2 if x.dtype.is_floating_point else 0 if x.dtype is _bool_dtype else 1
            kind[0] = max(kind[0], k)
            flat.extend(_call(E.tolist_flat, x._t).to_py().tolist())
            return
        if not (isinstance(x, (list, tuple)) or (hasattr(x, "__len__") and hasattr(x, "__getitem__"))):
            raise TypeError("not a sequence")
        if len(x) != shape[dim]:
            raise ValueError("expected sequence of length %d at dim %d (got %d)" % (shape[dim], dim, len(x)))
        for e in x:
            rec(e, dim + 1)

    rec(data, 0)
    return flat, shape, _inferred_dtype(kind[0], shape)


def _inferred_dtype(kind, shape):
    if kind == 2 or (len(shape) > 0 and 0 in shape and kind == 0):
        return get_default_dtype()
    return int64 if kind == 1 else _bool_dtype


_PLAIN_KINDS = {frozenset([float]): 2, frozenset([int]): 1, frozenset([bool]): 0, frozenset([float, int]): 2,
                frozenset([float, bool]): 2, frozenset([int, bool]): 1, frozenset([float, int, bool]): 2}
_EXACT_INT = 2**53


def _flatten_plain(data, shape):
    """Nested lists and tuples of Python numbers, flattened at C speed into a float64 buffer: (values, kind), or
    None for anything else (tensors, NumPy scalars, ragged data, huge ints), which the general walk handles."""
    if not shape or 0 in shape:
        return None
    level = [data]
    for n in shape[:-1]:
        for x in level:
            if type(x) is not list and type(x) is not tuple or len(x) != n:
                return None
        level = list(_chain.from_iterable(level))
    n = shape[-1]
    for x in level:
        if type(x) is not list and type(x) is not tuple or len(x) != n:
            return None
    flat = list(_chain.from_iterable(level))
    kind = _PLAIN_KINDS.get(frozenset(map(type, flat)))
    if kind is None or (kind == 1 and (max(flat) > _EXACT_INT or min(flat) < -_EXACT_INT)):
        return None
    return memoryview(_array("d", flat)), kind


def _tensor_from_data(data, dtype=None):
    if isinstance(data, Tensor):
        t = data.detach()
        return t.to(dtype) if dtype is not None else t.clone()
    engine_tensor_of = getattr(sys.modules.get("numpy"), "_engine_tensor_of", None)
    if engine_tensor_of is not None and not isinstance(data, (int, float)):
        # The playground's NumPy arrays (and lists of them) are engine tensors already: copy, keeping their dtype.
        src = engine_tensor_of(data)
        if src is not None:
            t = _wrap(E.data_of(src))
            return t.clone() if dtype is None or from_name(dtype) is t.dtype else t.to(dtype)
    if hasattr(data, "__array_interface__") or type(data).__module__ == "numpy":
        arr_dtype = getattr(data, "dtype", None)
        values = data.tolist() if hasattr(data, "tolist") else data
        flat, shape, inferred = _flatten_data(values)
        if arr_dtype is not None and dtype is None:
            dtype = from_name(str(arr_dtype)) if str(arr_dtype) in ("float32", "float64", "int32", "int64", "bool") else None
    else:
        flat, shape, inferred = _flatten_data(data)
    dt = inferred if dtype is None else from_name(dtype)
    return _wrap(_call(E.from_values, _js(flat), dt.name, *shape))



def _scalar_or_none(x):
    if x is None:
        return None
    if isinstance(x, Tensor):
        return float(x.item())
    return float(x)


def _tensor_or_none(x):
    if x is None:
        return None
    if isinstance(x, Tensor):
        return x._t
    return _tensor_from_data(x)._t


def _norm_p(p):
    if p in ("fro", None):
        return 2.0
    if p == "nuc":
        raise NotImplementedError("nuclear norm is not supported by Autograd Playground")
    return float(p)


def _correction(unbiased, correction):
    if correction is not None:
        return float(correction)
    if unbiased is None:
        return 1.0
    return 1.0 if unbiased else 0.0


def _index_items(index):
    if type(index) is not tuple:
        index = (index,)
    out = []
    for it in index:
        tp = type(it)
        if tp is int:
            out.append(it)
        elif tp is slice:
            out.append(_slice_item(_slice_bound(it.start), _slice_bound(it.stop), _slice_bound(it.step)))
        elif it is None:
            out.append(None)
        elif it is Ellipsis:
            out.append("...")
        elif tp is bool:
            out.append(it)
        elif isinstance(it, Tensor):
            out.append(it._t)
        elif isinstance(it, (list, tuple, range)) or hasattr(it, "__array__"):
            out.append(_tensor_from_data(it)._t)
        elif hasattr(it, "__index__"):
            out.append(int(it.__index__()))
        else:
            raise IndexError(
                "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got %s)"
                % tp.__name__
            )
    return out


def _slice_item(start, stop, step):
    # A slice crosses to the engine as one string (the bridge's indexItems reads it): a list would need to_js.
    return "s%s:%s:%s" % ("" if start is None else start, "" if stop is None else stop, "" if step is None else step)


def _slice_bound(x):
    if x is None:
        return None
    if isinstance(x, Tensor):
        return int(x.item())
    return int(x.__index__())



def _gen(generator):
    return None if generator is None else generator._g


_TO_SIGNATURES = (
    " * (torch.device device = None, torch.dtype dtype = None, bool non_blocking = False, bool copy = False, *, "
    "torch.memory_format memory_format = None)\n"
    " * (torch.dtype dtype, bool non_blocking = False, bool copy = False, *, torch.memory_format memory_format = None)\n"
    " * (Tensor tensor, bool non_blocking = False, bool copy = False, *, torch.memory_format memory_format = None)\n"
)


def _type_name(value):
    if isinstance(value, Tensor):
        return "Tensor"
    tp = type(value)
    return "torch." + tp.__name__ if tp.__module__ == "torch" else tp.__name__


def _invalid_to(args, kwargs):
    given = [_type_name(a) for a in args] + ["%s=%s" % (k, _type_name(v)) for k, v in reversed(list(kwargs.items()))]
    got = ", ".join(given) if args else "".join(g + ", " for g in given)
    return TypeError("to() received an invalid combination of arguments - got (%s), but expected one of:\n%s" % (got, _TO_SIGNATURES))


def _as_dtype(value):
    if isinstance(value, dtype_class) or value in (float, int, bool):
        return from_name(value)
    return None


def parse_to(args, kwargs, check_device=True):
    """(device or None, dtype or None, copy) from Tensor.to / Module.to arguments, with PyTorch's three forms:
    to(dtype, ...), to(device=None, dtype=None, ...) and to(tensor, ...). Module.to parses without checking the
    device: like PyTorch, a module without tensors moves anywhere, and one with tensors fails on the first."""
    if any(k not in ("device", "dtype", "non_blocking", "copy", "memory_format") for k in kwargs):
        raise _invalid_to(args, kwargs)
    device = dtype = None
    positional_device = False
    rest = list(args)
    if rest:
        first = rest.pop(0)
        if isinstance(first, Tensor):
            device, dtype = first.device, first.dtype
        elif _as_dtype(first) is not None:
            dtype = _as_dtype(first)
        elif first is None or isinstance(first, (str, device_class)) or (isinstance(first, int) and not isinstance(first, bool)):
            device, positional_device = first, True
            if rest and (rest[0] is None or _as_dtype(rest[0]) is not None):
                second = rest.pop(0)
                dtype = None if second is None else _as_dtype(second)
        else:
            raise _invalid_to(args, kwargs)
    if len(rest) > 2 or any(not isinstance(flag, bool) for flag in rest):
        raise _invalid_to(args, kwargs)
    copy = rest[1] if len(rest) > 1 else False
    if "device" in kwargs:
        if positional_device or (args and isinstance(args[0], Tensor)):
            raise _invalid_to(args, kwargs)
        device = kwargs["device"]
    if kwargs.get("dtype") is not None:
        if dtype is not None:
            raise _invalid_to(args, kwargs)
        dtype = _as_dtype(kwargs["dtype"])
        if dtype is None:
            raise _invalid_to(args, kwargs)
    copy = kwargs.get("copy", copy)
    if device is not None:
        if check_device:
            check_copy_device(device)
        else:
            as_device(device)
    return device, dtype, bool(copy)
