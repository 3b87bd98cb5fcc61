"""Tensor's sorting and selection methods (sort, topk, unique, nonzero, masked_select, cumprod), the one-sided
clamps and the closeness tests, added to the class here because _tensor.py holds its core. torch/__init__.py
exposes each as a torch function too."""
from ._C import op as _op
from ._tensor import Tensor
from ._tensor_args import _wrap, _dim, _scalar_or_none, numpy_names as _numpy_names
from .return_types import _ReturnType


def _pair(name, r):
    return _ReturnType(name, _wrap(r[0]), _wrap(r[1]))


def _flag(value, name, fn):
    if not isinstance(value, bool):
        raise TypeError("%s(): argument '%s' must be bool, not %s" % (fn, name, type(value).__name__))
    return value


def sort(self, dim=-1, descending=False, *, stable=False):
    stable = False if stable is None else _flag(stable, "stable", "sort")
    return _pair("sort", _op("sort", self._t, _dim(dim, "sort"), _flag(descending, "descending", "sort"), stable))


def argsort(self, dim=-1, descending=False, *, stable=False):
    return sort(self, dim, descending, stable=stable)[1]


def msort(self):
    return sort(self, 0)[0]


def topk(self, k, dim=-1, largest=True, sorted=True):
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError("topk(): argument 'k' (position 1) must be int, not %s" % type(k).__name__)
    return _pair("topk", _op("topk", self._t, k, _dim(dim, "topk"), _flag(largest, "largest", "topk"), _flag(sorted, "sorted", "topk")))


def cumprod(self, dim, *, dtype=None):
    return _wrap(_op("cumprod", self._cast_first(dtype)._t, _dim(dim, "cumprod")))


def nonzero(self, *, as_tuple=False):
    r = _wrap(_op("nonzero", self._t))
    if not as_tuple:
        return r
    if self.dim() == 0:
        return (r.reshape(-1),)
    return tuple(r.unbind(1))


def argwhere(self):
    return _wrap(_op("nonzero", self._t))


def masked_select(self, mask):
    if not isinstance(mask, Tensor):
        raise TypeError("masked_select(): argument 'mask' (position 1) must be Tensor, not %s" % type(mask).__name__)
    return _wrap(_op("masked_select", self._t, mask._t))


def unique(self, sorted=True, return_inverse=False, return_counts=False, dim=None):
    # sorted=False: PyTorch 2.x's CPU kernel sorts all the same (1.13 left its hash table's order).
    _flag(sorted, "sorted", "unique")
    if dim is not None:
        raise NotImplementedError("unique(dim=%r) is not supported in the playground; only dim=None" % (dim,))
    out, inverse, counts = (_wrap(t) for t in _op("unique", self._t))
    if return_inverse and return_counts:
        return out, inverse, counts
    if return_inverse:
        return out, inverse
    if return_counts:
        return out, counts
    return out


def _bound(value, name, fn):
    if isinstance(value, Tensor):
        return value._t
    v = _scalar_or_none(value)
    if v is None:
        raise TypeError("%s(): argument '%s' must be Number or Tensor, not %s" % (fn, name, type(value).__name__))
    return v


def clamp_min(self, min):
    return _wrap(_op("clamp_min", self._t, _bound(min, "min", "clamp_min")))


def clamp_max(self, max):
    return _wrap(_op("clamp_max", self._t, _bound(max, "max", "clamp_max")))


def clamp_min_(self, min):
    _op("iop", "clamp_min", self._t, _bound(min, "min", "clamp_min_"))
    return self


def clamp_max_(self, max):
    _op("iop", "clamp_max", self._t, _bound(max, "max", "clamp_max_"))
    return self


def isclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    if not isinstance(other, Tensor):
        raise TypeError("isclose(): argument 'other' (position 1) must be Tensor, not %s" % type(other).__name__)
    if self.dtype is not other.dtype:
        raise RuntimeError("%s did not match %s" % (_scalar_name(self.dtype), _scalar_name(other.dtype)))
    if rtol < 0:
        raise RuntimeError("rtol must be greater than or equal to zero, but got %s" % _num(rtol))
    if atol < 0:
        raise RuntimeError("atol must be greater than or equal to zero, but got %s" % _num(atol))
    a, b = self.detach(), other.detach()
    close = a == b
    if equal_nan and a.is_floating_point():
        close = close | (a.isnan() & b.isnan())
    if rtol == 0 and atol == 0:
        return close
    if not a.is_floating_point():
        a, b = a.double(), b.double()
    allowed = (b * rtol).abs() + atol
    actual = (a - b).abs()
    return close | (actual.isfinite() & (actual <= allowed))


def _num(x):
    return "%g" % x  # as C++'s stream prints a double


def _scalar_name(dt):
    return {"float32": "Float", "float64": "Double", "float16": "Half", "bfloat16": "BFloat16", "int64": "Long",
            "int32": "Int", "int16": "Short", "int8": "Char", "uint8": "Byte", "bool": "Bool"}.get(dt.name, dt.name)


def allclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    return bool(isclose(self, other, rtol, atol, equal_nan).all())


def equal(self, other):
    if not isinstance(other, Tensor):
        raise TypeError("equal(): argument 'other' (position 1) must be Tensor, not %s" % type(other).__name__)
    if tuple(self.shape) != tuple(other.shape):
        return False
    return bool((self.detach() == other.detach()).all())


for _f in (sort, argsort, msort, topk, cumprod, nonzero, argwhere, masked_select, unique, clamp_min, clamp_max,
           clamp_min_, clamp_max_, isclose, allclose, equal):
    setattr(Tensor, _f.__name__, _numpy_names(_f) if _f.__name__ in ("sort", "argsort", "cumprod") else _f)
del _f
