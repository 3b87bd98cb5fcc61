"""Between Python values and engine tensors: `_wrap` dresses an engine result as a torch.Tensor, `_arg` and the
helpers below turn operands, shapes, dims, indices and nested Python data into what the engine takes, and
`_binary`/`_inplace`/`_unary` build Tensor's operator methods.

Tensor's methods need these helpers while its class body runs, so this module cannot import torch._tensor; that
module binds the class here once it exists (bind_tensor_class), as PyTorch's C++ learns torch.Tensor at start-up.
"""
import sys

from ._C import E, op as _op, call as _call, js as _js
from ._dtype import from_name, float32, int64, bool_ as _bool_dtype, get_default_dtype

_new = object.__new__

# torch.Tensor once torch._tensor has bound it; nothing here runs before then.
Tensor = None


def bind_tensor_class(cls):
    global Tensor
    Tensor = cls


def _wrap(t, cls=None):
    w = _new(cls or Tensor)
    w._t = t
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


def _dims(dim):
    if dim is None:
        return None
    if isinstance(dim, (list, tuple)):
        return _js([int(d) for d in dim])
    return int(dim)


def _shape_args(args, name="size"):
    """`f(2, 3)`, `f((2, 3))`, `f([2, 3])`, `f(torch.Size([2, 3]))` all mean shape (2, 3)."""
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
    flat = []
    kind = [0]  # 0 bool, 1 int, 2 float
    nd = len(shape)

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
            flat.extend(float(v) for v in _call(E.tolist_flat, x._t))
            return
        if not (isinstance(x, (list, tuple)) or (hasattr(x, "__len__") and hasattr(x, "__getitem__"))):
            raise TypeError("not a sequence")
        if len(x) != shape[dim]:
            raise ValueError("expected sequence of length %d at dim %d (got %d)" % (shape[dim], dim, len(x)))
        for e in x:
            rec(e, dim + 1)

    rec(data, 0)
    inferred = float32 if kind[0] == 2 else int64 if kind[0] == 1 else _bool_dtype
    if kind[0] == 2:
        inferred = get_default_dtype()
    if nd > 0 and 0 in shape and kind[0] == 0:
        inferred = get_default_dtype()
    return flat, shape, inferred


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
            dtype = from_name(str(arr_dtype)) if str(arr_dtype) in ("float32", "float64", "int64", "bool") else None
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
            out.append(_js(["s", _slice_bound(it.start), _slice_bound(it.stop), _slice_bound(it.step)]))
        elif it is None:
            out.append(None)
        elif it is Ellipsis:
            out.append("...")
        elif tp is bool:
            out.append(it)
        elif isinstance(it, Tensor):
            out.append(it._t)
        elif isinstance(it, (list, tuple)) or hasattr(it, "__array__"):
            out.append(_tensor_from_data(it)._t)
        elif hasattr(it, "__index__"):
            out.append(int(it.__index__()))
        else:
            raise IndexError(
                "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got %s)"
                % tp.__name__
            )
    return out


def _slice_bound(x):
    if x is None:
        return None
    if isinstance(x, Tensor):
        return int(x.item())
    return int(x.__index__())



def _gen(generator):
    return None if generator is None else generator._g
