"""Tensor's blending ops (lerp, addcmul, addcdiv, addmm), NaN-skipping reductions, diag/trace, scatter and
index_add, and the rearrangements roll, repeat_interleave, broadcast_to and movedim, added to the class here because _tensor.py holds
its core. torch/__init__.py exposes each as a torch function too. repeat_interleave, broadcast_to, movedim and
nanmean are built from other ops, as PyTorch builds them, so their grad_fn names are those ops' names."""
from ._C import op as _op, js as _js
from ._dtype import from_name, int64
from ._tensor import Tensor
from ._tensor_args import _wrap, _dim, _dims, numpy_names as _numpy_names


def _tensor_arg(value, name, fn, position):
    if not isinstance(value, Tensor):
        raise TypeError("%s(): argument '%s' (position %d) must be Tensor, not %s" % (fn, name, position, type(value).__name__))
    return value


def _number(value, name, fn):
    if isinstance(value, Tensor) and value.dim() == 0:
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError("%s(): argument '%s' must be Number, not %s" % (fn, name, type(value).__name__))
    return value


def _weight(weight, fn):
    if isinstance(weight, Tensor):
        return weight._t
    if isinstance(weight, bool) or not isinstance(weight, (int, float)):
        raise TypeError("%s(): argument 'weight' (position 2) must be Number or Tensor, not %s" % (fn, type(weight).__name__))
    return float(weight)


def lerp(self, end, weight):
    return _wrap(_op("lerp", self._t, _tensor_arg(end, "end", "lerp", 1)._t, _weight(weight, "lerp")))


def lerp_(self, end, weight):
    _op("iop", "lerp", self._t, _tensor_arg(end, "end", "lerp_", 1)._t, _weight(weight, "lerp_"))
    return self


def _addc_value(self, t1, t2, value, fn):
    _tensor_arg(t1, "tensor1", fn, 1)
    _tensor_arg(t2, "tensor2", fn, 2)
    # integer tensors take the value truncated to an integer, as PyTorch 1.13's kernel casts it
    return float(_number(value, "value", fn))


def addcmul(self, tensor1, tensor2, *, value=1):
    return _wrap(_op("addcmul", self._t, tensor1._t if isinstance(tensor1, Tensor) else None, tensor2._t if isinstance(tensor2, Tensor) else None, _addc_value(self, tensor1, tensor2, value, "addcmul")))


def addcmul_(self, tensor1, tensor2, *, value=1):
    v = _addc_value(self, tensor1, tensor2, value, "addcmul_")
    _op("iop", "addcmul", self._t, tensor1._t, tensor2._t, v)
    return self


def addcdiv(self, tensor1, tensor2, *, value=1):
    return _wrap(_op("addcdiv", self._t, tensor1._t if isinstance(tensor1, Tensor) else None, tensor2._t if isinstance(tensor2, Tensor) else None, _addc_value(self, tensor1, tensor2, value, "addcdiv")))


def addcdiv_(self, tensor1, tensor2, *, value=1):
    v = _addc_value(self, tensor1, tensor2, value, "addcdiv_")
    _op("iop", "addcdiv", self._t, tensor1._t, tensor2._t, v)
    return self


def addmm(self, mat1, mat2, *, beta=1, alpha=1):
    _tensor_arg(mat1, "mat1", "addmm", 1)
    _tensor_arg(mat2, "mat2", "addmm", 2)
    return _wrap(_op("addmm", self._t, mat1._t, mat2._t, float(_number(beta, "beta", "addmm")), float(_number(alpha, "alpha", "addmm"))))


def nansum(self, dim=None, keepdim=False, *, dtype=None):
    if not self.is_floating_point() and dtype is None:
        return self.sum(dim, keepdim)
    src = self if dtype is None or from_name(dtype) is self.dtype else self.to(dtype)
    return _wrap(_op("nansum", src._t, _dims(dim), keepdim, None))


def nanmean(self, dim=None, keepdim=False, *, dtype=None):
    if not self.is_floating_point() and not (dtype is not None and from_name(dtype).is_floating_point):
        raise RuntimeError("nanmean(): expected input to have floating point dtype but got %s" % _type_name(self.dtype))
    factor = (~self.isnan()).sum(dim, keepdim)
    return nansum(self, dim, keepdim, dtype=dtype) / factor


def _type_name(dt):
    return {"int64": "Long", "int32": "Int", "bool": "Bool", "float32": "Float", "float64": "Double"}.get(dt.name, dt.name)


def count_nonzero(self, dim=None):
    return (self != 0).sum(dim, dtype=int64)


def diag(self, diagonal=0):
    return _wrap(_op("diag", self._t, _dim(diagonal, "diag")))


def trace(self):
    return _wrap(_op("trace", self._t))


def _int_list(v, name, fn):
    if isinstance(v, bool):
        raise TypeError("%s(): argument '%s' must be tuple of ints, not bool" % (fn, name))
    if isinstance(v, int):
        return [v]
    if isinstance(v, (list, tuple)) and all(isinstance(i, int) and not isinstance(i, bool) for i in v):
        return list(v)
    raise TypeError("%s(): argument '%s' must be tuple of ints, not %s" % (fn, name, type(v).__name__))


def roll(self, shifts, dims=None):
    shifts = _int_list(shifts, "shifts", "roll")
    dims = [] if dims is None else _int_list(dims, "dims", "roll")
    return _wrap(_op("roll", self._t, _js(shifts), _js(dims)))


def repeat_interleave(self, repeats=None, dim=None, *, output_size=None):
    from . import tensor as _tensor

    if isinstance(repeats, Tensor):
        if repeats.dim() > 1:
            raise RuntimeError("repeats must be 0-dim or 1-dim tensor")
        counts = repeats
    elif isinstance(repeats, int) and not isinstance(repeats, bool):
        counts = None
    else:
        raise TypeError("repeat_interleave(): argument 'repeats' (position 1) must be Tensor, not %s" % type(repeats).__name__)
    input = self.reshape(-1) if dim is None else self
    d = 0 if dim is None else _dim(dim, "repeat_interleave") % max(input.dim(), 1)
    size = input.shape[d] if input.dim() else 1
    if counts is None or counts.dim() == 0:
        n = repeats if counts is None else int(counts.item())
        if n < 0:
            raise RuntimeError("repeats can not be negative")
        counts_list = [n] * size
    else:
        counts_list = [int(c) for c in counts.tolist()]
        if len(counts_list) != size:
            raise RuntimeError("repeats must have the same size as input along dim")
        if any(c < 0 for c in counts_list):
            raise RuntimeError("repeats can not be negative")
    if output_size is not None and output_size != sum(counts_list):
        raise RuntimeError("allocated size does not match required size")
    index = _tensor([i for i, c in enumerate(counts_list) for _ in range(c)], dtype=int64)
    return input.index_select(d, index)


def broadcast_to(self, size):
    return self.expand(size)


def movedim(self, source, destination):
    src = _int_list(source, "source", "movedim")
    dst = _int_list(destination, "destination", "movedim")
    n = self.dim()
    if len(src) != len(dst):
        raise RuntimeError("movedim: Invalid source or destination dims: source (%s dims) should contain the same number of dims as destination (%s dims)" % (src, dst))
    src = [_wrap_dim(d, n) for d in src]
    dst = [_wrap_dim(d, n) for d in dst]
    if len(set(src)) != len(src):
        raise RuntimeError("movedim: repeated dim in `source` (%s)" % list(source if isinstance(source, (list, tuple)) else [source]))
    if len(set(dst)) != len(dst):
        raise RuntimeError("movedim: repeated dim in `destination` (%s)" % list(destination if isinstance(destination, (list, tuple)) else [destination]))
    order = [None] * n
    for s, d in zip(src, dst):
        order[d] = s
    rest = iter(i for i in range(n) if i not in src)
    order = [next(rest) if o is None else o for o in order]
    return self.permute(*order)


def _wrap_dim(d, n):
    m = max(n, 1)
    if not -m <= d < m:
        raise IndexError("Dimension out of range (expected to be in range of [%d, %d], but got %d)" % (-m, m - 1, d))
    return d % m


def _scatter_args(self, dim, index, src, value, reduce, fn):
    if src is None and value is None:
        raise TypeError("%s() missing 1 required positional argument: 'src'" % fn)
    if src is not None and value is not None:
        raise TypeError("%s() got multiple values for argument 'src'" % fn)
    given = src if src is not None else value
    _tensor_arg(index, "index", fn, 2)
    if reduce is not None and reduce not in ("add", "multiply"):
        raise RuntimeError("reduce argument must be either add or multiply.")
    if isinstance(given, Tensor):
        operand = given._t
    else:
        operand = float(_number(given, "value", fn))
    return _dim(dim, fn), index._t, operand, reduce


def scatter(self, dim, index, src=None, value=None, *, reduce=None):
    return _wrap(_op("scatter", self._t, *_scatter_args(self, dim, index, src, value, reduce, "scatter")))


def scatter_(self, dim, index, src=None, value=None, *, reduce=None):
    _op("iop", "scatter", self._t, *_scatter_args(self, dim, index, src, value, reduce, "scatter_"))
    return self


def _index_add_args(dim, index, source, alpha, fn):
    _tensor_arg(index, "index", fn, 2)
    _tensor_arg(source, "source", fn, 3)
    return _dim(dim, fn), index._t, source._t, float(_number(alpha, "alpha", fn))


def index_add(self, dim, index, source, *, alpha=1):
    return _wrap(_op("index_add", self._t, *_index_add_args(dim, index, source, alpha, "index_add")))


def index_add_(self, dim, index, source, *, alpha=1):
    _op("iop", "index_add", self._t, *_index_add_args(dim, index, source, alpha, "index_add_"))
    return self


for _f in (lerp, lerp_, addcmul, addcmul_, addcdiv, addcdiv_, addmm, nansum, nanmean, count_nonzero, diag, trace, roll,
           repeat_interleave, broadcast_to, movedim, scatter, scatter_, index_add, index_add_):
    setattr(Tensor, _f.__name__, _numpy_names(_f) if _f.__name__ in ("nansum", "nanmean", "count_nonzero") else _f)
Tensor.moveaxis = movedim
del _f
