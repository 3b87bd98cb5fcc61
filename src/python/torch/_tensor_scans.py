"""Tensor's running extremes and order statistics (cummax, cummin, logcumsumexp, kthvalue, median), aminmax,
var_mean/std_mean, kron, cross, rot90 and diag_embed over the engine's ops/scans.ts, pairedReductions.ts,
products.ts and arrange.ts; cdist and linalg.cross are torch functions only. torch/__init__.py exposes the methods
as torch functions too."""
from ._C import op as _op
from ._tensor import Tensor
from ._tensor_args import _wrap, _dim, _dims, _correction
from .return_types import _ReturnType, _named

_aminmax_type = _named("aminmax", ("min", "max"))


def _pair(name, r):
    return _ReturnType(name, _wrap(r[0]), _wrap(r[1]))


def _int(value, name, fn, position):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s(): argument '%s' (position %d) must be int, not %s" % (fn, name, position, type(value).__name__))
    return value


def _tensor(value, name, fn, position):
    if not isinstance(value, Tensor):
        raise TypeError("%s(): argument '%s' (position %d) must be Tensor, not %s" % (fn, name, position, type(value).__name__))
    return value._t


def _bool(value, name, fn):
    if not isinstance(value, bool):
        raise TypeError("%s(): argument '%s' must be bool, not %s" % (fn, name, type(value).__name__))
    return value


def cummax(self, dim):
    return _pair("cummax", _op("cummax", self._t, _dim(dim, "cummax")))


def cummin(self, dim):
    return _pair("cummin", _op("cummin", self._t, _dim(dim, "cummin")))


def logcumsumexp(self, dim):
    return _wrap(_op("logcumsumexp", self._t, _dim(dim, "logcumsumexp")))


def kthvalue(self, k, dim=-1, keepdim=False):
    r = _op("kthvalue", self._t, _int(k, "k", "kthvalue", 1), _dim(dim, "kthvalue"), _bool(keepdim, "keepdim", "kthvalue"))
    return _pair("kthvalue", r)


def median(self, dim=None, keepdim=False):
    if dim is None:
        return _wrap(_op("median", self._t, None, False))
    return _pair("median", _op("median", self._t, _dim(dim, "median"), _bool(keepdim, "keepdim", "median")))


def aminmax(self, *, dim=None, keepdim=False):
    r = _op("aminmax", self._t, None if dim is None else _dim(dim, "aminmax"), _bool(keepdim, "keepdim", "aminmax"))
    return _aminmax_type(_wrap(r[0]), _wrap(r[1]))


def _var_mean(which):
    def f(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
        if not isinstance(input, Tensor):
            raise TypeError("%s_mean(): argument 'input' (position 1) must be Tensor, not %s" % (which, type(input).__name__))
        if isinstance(dim, bool):
            # var_mean(x, True): the unbiased overload
            dim, unbiased = None, dim
        r = _op("var_mean", input._t, _dims(dim), _correction(unbiased, correction), keepdim, which)
        return (_wrap(r[0]), _wrap(r[1]))

    f.__name__ = f.__qualname__ = which + "_mean"
    return f


var_mean = _var_mean("var")
std_mean = _var_mean("std")


def kron(self, other):
    return _wrap(_op("kron", self._t, _tensor(other, "other", "kron", 1)))


def _cross_dim(a, b, dim):
    if dim is not None:
        return _dim(dim, "cross")
    shape = a.shape if a.dim() == b.dim() else b.shape
    for i, n in enumerate(shape):
        if n == 3:
            return i
    raise RuntimeError("no dimension of size 3 in input")


def cross(self, other, dim=None):
    _tensor(other, "other", "cross", 1)
    return _wrap(_op("cross", self._t, other._t, _cross_dim(self, other, dim)))


def linalg_cross(input, other, *, dim=-1):
    _tensor(input, "input", "linalg_cross", 1)
    _tensor(other, "other", "linalg_cross", 2)
    return _wrap(_op("cross", input._t, other._t, _dim(dim, "linalg_cross")))


linalg_cross.__name__ = linalg_cross.__qualname__ = "cross"


def cdist(x1, x2, p=2.0, compute_mode="use_mm_for_euclid_dist_if_necessary"):
    _tensor(x1, "x1", "cdist", 1)
    _tensor(x2, "x2", "cdist", 2)
    if compute_mode not in ("use_mm_for_euclid_dist_if_necessary", "use_mm_for_euclid_dist", "donot_use_mm_for_euclid_dist"):
        raise ValueError("%s is not a valid value for compute_mode" % compute_mode)
    if x1.dim() < 2 or x2.dim() < 2:
        return _wrap(_op("cdist", x1._t, x2._t, float(p)))
    if p == 2 and (compute_mode == "use_mm_for_euclid_dist" or (compute_mode == "use_mm_for_euclid_dist_if_necessary" and (x1.shape[-2] > 25 or x2.shape[-2] > 25))):
        raise NotImplementedError("Autograd Playground computes cdist directly (p=2 with more than 25 rows, or compute_mode='use_mm_for_euclid_dist', takes PyTorch's matrix-product path, which it does not have); pass compute_mode='donot_use_mm_for_euclid_dist'")
    if isinstance(p, bool) or not isinstance(p, (int, float)):
        raise TypeError("cdist(): argument 'p' must be float, not %s" % type(p).__name__)
    return _wrap(_op("cdist", x1._t, x2._t, float(p)))


def rot90(self, k=1, dims=(0, 1)):
    _int(k, "k", "rot90", 1)
    if not isinstance(dims, (list, tuple)) or any(isinstance(d, bool) or not isinstance(d, int) for d in dims):
        raise TypeError("rot90(): argument 'dims' (position 2) must be tuple of ints, not %s" % type(dims).__name__)
    return _wrap(_op("rot90", self._t, k, _dims(list(dims))))


def diag_embed(self, offset=0, dim1=-2, dim2=-1):
    _int(offset, "offset", "diag_embed", 1)
    return _wrap(_op("diag_embed", self._t, offset, _dim(dim1, "diag_embed"), _dim(dim2, "diag_embed")))


for _f in (cummax, cummin, logcumsumexp, kthvalue, median, aminmax, kron, cross, rot90, diag_embed):
    setattr(Tensor, _f.__name__, _f)
del _f
