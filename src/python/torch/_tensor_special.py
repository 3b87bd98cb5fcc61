"""Tensor's elementwise functions beyond the basic set: atan2 (arctan2), hypot, logaddexp, logit and erfinv, over
the engine's ops/specialMath.ts, with the in-place forms PyTorch has. torch/__init__.py exposes each as a torch
function too."""
from ._C import op as _op
from ._tensor import Tensor
from ._tensor_args import _wrap


def _other(other, fn):
    if not isinstance(other, Tensor):
        raise TypeError("%s(): argument 'other' (position 1) must be Tensor, not %s" % (fn, type(other).__name__))
    return other._t


def _binary(name):
    def f(self, other):
        return _wrap(_op(name, self._t, _other(other, name)))

    def f_(self, other):
        _op("iop", name, self._t, _other(other, name + "_"))
        return self

    f.__name__, f_.__name__ = name, name + "_"
    return f, f_


atan2, atan2_ = _binary("atan2")
hypot, hypot_ = _binary("hypot")
logaddexp = _binary("logaddexp")[0]


def _eps(eps, fn):
    if eps is None:
        return None
    if isinstance(eps, bool) or not isinstance(eps, (int, float)):
        raise TypeError("%s(): argument 'eps' must be float, not %s" % (fn, type(eps).__name__))
    return float(eps)


def logit(self, eps=None):
    return _wrap(_op("logit", self._t, _eps(eps, "logit")))


def logit_(self, eps=None):
    _op("iop", "logit", self._t, _eps(eps, "logit_"))
    return self


def erfinv(self):
    return _wrap(_op("erfinv", self._t))


def erfinv_(self):
    _op("iop", "erfinv", self._t)
    return self


for _f in (atan2, atan2_, hypot, hypot_, logaddexp, logit, logit_, erfinv, erfinv_):
    setattr(Tensor, _f.__name__, _f)
Tensor.arctan2 = atan2
Tensor.arctan2_ = atan2_
del _f
