"""The activations of torch.nn.functional beyond relu/elu/gelu (hardtanh, SELU, PReLU, GLU, the shrinks, …) and the
distance functions, re-exported by functional.py. One engine node each where PyTorch records one; softsign,
tanhshrink, softmin, normalize and the distances composed from other ops as PyTorch composes them."""
from .._C import op as _op
from .._tensor import _wrap


def _in_place(input, name, *args):
    _op("iop", name, input._t, *args)
    return input


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    # PyTorch 2.x checks the bounds in Python (1.13 clamped with them as given).
    if min_val > max_val:
        raise ValueError("min_val cannot be greater than max_val")
    if inplace:
        return _in_place(input, "hardtanh", float(min_val), float(max_val))
    return _wrap(_op("hardtanh", input._t, float(min_val), float(max_val)))


def hardtanh_(input, min_val=-1.0, max_val=1.0):
    return hardtanh(input, min_val, max_val, inplace=True)


def relu6(input, inplace=False):
    return hardtanh(input, 0.0, 6.0, inplace)


def threshold(input, threshold, value, inplace=False):
    if inplace:
        return _in_place(input, "threshold", float(threshold), float(value))
    return _wrap(_op("threshold", input._t, float(threshold), float(value)))


def threshold_(input, threshold, value):
    return _in_place(input, "threshold", float(threshold), float(value))


def _unary(name):
    def f(input, inplace=False):
        if inplace:
            return _in_place(input, name)
        return _wrap(_op(name, input._t))

    f.__name__ = f.__qualname__ = name
    return f


hardsigmoid = _unary("hardsigmoid")
hardswish = _unary("hardswish")
mish = _unary("mish")
selu = _unary("selu")


def selu_(input):
    return _in_place(input, "selu")


def celu(input, alpha=1.0, inplace=False):
    if inplace:
        return _in_place(input, "celu", float(alpha))
    return _wrap(_op("celu", input._t, float(alpha)))


def celu_(input, alpha=1.0):
    return _in_place(input, "celu", float(alpha))


def prelu(input, weight):
    """PyTorch 2.x's prelu: the weight checked against the channels (dim 1), viewed to broadcast, one node."""
    if weight.numel() != 1:
        if input.dim() == 0:
            raise RuntimeError("Not allow zero-dim input tensor.")
        channels = input.shape[1] if input.dim() > 1 else 1
        if channels != weight.numel():
            raise RuntimeError(
                "Mismatch of parameter numbers and input channel size. Found parameter numbers = %d and channel size = %d."
                % (weight.numel(), channels)
            )
    if weight.dim() > 1:
        raise RuntimeError("prelu: Expected `weight` to be a scalar or 1D tensor, but got: ndim = %d" % weight.dim())
    if input.dim() != weight.dim():
        shape = [1] * input.dim()
        if input.dim() > 1:
            shape[1] = weight.numel()
        weight = weight.reshape(shape)
    return _wrap(_op("prelu", input._t, weight._t))


def rrelu(input, lower=1.0 / 8, upper=1.0 / 3, training=False, inplace=False):
    if training:
        # The noise is drawn per element from the generator; not reproduced bit for bit here, so refused.
        raise NotImplementedError("rrelu with training=True (random slopes) is not supported in the playground; use training=False")
    if inplace:
        return _in_place(input, "rrelu_eval", float(lower), float(upper))
    return _wrap(_op("rrelu_eval", input._t, float(lower), float(upper)))


def rrelu_(input, lower=1.0 / 8, upper=1.0 / 3, training=False):
    return rrelu(input, lower, upper, training, inplace=True)


def glu(input, dim=-1):
    if input.dim() == 0:
        raise RuntimeError("glu does not support scalars because halving size must be even")
    n = input.dim()
    if not -n <= dim < n:
        raise IndexError("Dimension out of range (expected to be in range of [%d, %d], but got %d)" % (-n, n - 1, dim))
    return _wrap(_op("glu", input._t, dim + n if dim < 0 else dim))


def logsigmoid(input):
    return _wrap(_op("log_sigmoid", input._t))


def softshrink(input, lambd=0.5):
    return _wrap(_op("softshrink", input._t, float(lambd)))


def hardshrink(input, lambd=0.5):
    return _wrap(_op("hardshrink", input._t, float(lambd)))


def softsign(input):
    return input / (input.abs() + 1)


def tanhshrink(input):
    return input - input.tanh()


def softmin(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        from .functional import _implicit_dim
        dim = _implicit_dim("softmin", input.dim(), _stacklevel + 1)
    return (-input).softmax(dim, dtype=dtype)


def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
    if out is not None:
        raise NotImplementedError("F.normalize(out=...) is not supported in the playground")
    denom = input.norm(p, dim, keepdim=True).clamp(min=eps).expand_as(input)
    return input / denom


def cosine_similarity(x1, x2, dim=1, eps=1e-8):
    """x1/‖x1‖ · x2/‖x2‖ summed over `dim`, each norm held at least `eps` (outside autograd, as PyTorch clamps)."""
    from .. import broadcast_tensors, no_grad
    a, b = broadcast_tensors(x1, x2)
    # Cloned before the in-place clamp, as PyTorch does, so the norms' saved results stay unmodified.
    na = a.norm(2, dim, keepdim=True).clone()
    nb = b.norm(2, dim, keepdim=True).clone()
    with no_grad():
        na.clamp_(min=eps)
        nb.clamp_(min=eps)
    return ((a / na) * (b / nb)).sum(dim)


def pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False):
    ndim = max(x1.dim(), x2.dim())
    return (x1 - x2 + eps).norm(p, ndim - 1, keepdim=keepdim)


__all__ = [
    "hardtanh", "hardtanh_", "relu6", "threshold", "threshold_", "hardsigmoid", "hardswish", "mish", "selu", "selu_",
    "celu", "celu_", "prelu", "rrelu", "rrelu_", "glu", "logsigmoid", "softshrink", "hardshrink", "softsign", "tanhshrink",
    "softmin", "normalize", "cosine_similarity", "pairwise_distance",
]
