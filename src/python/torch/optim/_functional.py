"""Float32 building blocks the optimizers use, written over the public torch API.

PyTorch's optimizers call `lerp_`, `addcmul_` and `addcdiv_`; their CPU kernels evaluate, in the tensor's dtype,
`self + weight * (end - self)` (or `end - (end - self) * (1 - weight)` when |weight| >= 0.5),
`self + value * t1 * t2` and `self + value * t1 / t2` in that order of operations. These helpers perform the
same steps one rounded operation at a time so float32 results follow PyTorch's as closely as the engine allows.
"""
from .._tensor import Tensor


def _value(x):
    return x.item() if isinstance(x, Tensor) else x


def lerp_(self, end, weight):
    """`self.lerp_(end, weight)` for a Python-number weight."""
    weight = _value(weight)
    diff = end.sub(self)
    if abs(weight) < 0.5:
        return self.add_(diff, alpha=weight)
    # end - diff * (1 - weight), written into self
    return self.copy_(end.sub(diff, alpha=1 - weight))


def addcmul_(self, t1, t2, value=1):
    """`self.addcmul_(t1, t2, value=value)`: self + value * t1 * t2."""
    value = _value(value)
    prod = t1.mul(t2) if value == 1 else t1.mul(value).mul(t2)
    return self.add_(prod)


def addcmul(self, t1, t2, value=1):
    value = _value(value)
    prod = t1.mul(t2) if value == 1 else t1.mul(value).mul(t2)
    return self.add(prod)


def addcdiv_(self, t1, t2, value=1):
    """`self.addcdiv_(t1, t2, value=value)`: self + value * t1 / t2."""
    value = _value(value)
    quot = t1.div(t2) if value == 1 else t1.mul(value).div(t2)
    return self.add_(quot)


def maximum_(self, other):
    """`torch.maximum(self, other, out=self)`."""
    return self.copy_(self.maximum(other))


def get_value(x):
    """`_get_value`: a step counter as a Python number."""
    return x.item() if isinstance(x, Tensor) else x


def to_scalar(x):
    """`_to_scalar`: one-element tensors become 0-dim (PyTorch keeps them tensors)."""
    if isinstance(x, Tensor) and x.dim() != 0:
        return x.squeeze()
    return x
