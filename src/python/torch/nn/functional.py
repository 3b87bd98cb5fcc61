"""torch.nn.functional over the engine's ops."""
import warnings

from _playground import hooks as _hooks

from .._C import op as _op
from .._tensor import Tensor, _wrap


def relu(input, inplace=False):
    return input.relu_() if inplace else input.relu()


def sigmoid(input):
    return input.sigmoid()


def tanh(input):
    return input.tanh()


def _in_place(input, name, *args):
    """The in-place form of an activation (inplace=True): the input tensor holds the result, and is returned."""
    _op("iop", name, input._t, *args)
    return input


def leaky_relu(input, negative_slope=0.01, inplace=False):
    if inplace:
        return _in_place(input, "leaky_relu", float(negative_slope))
    return _wrap(_op("leaky_relu", input._t, float(negative_slope)))


def softplus(input, beta=1.0, threshold=20.0):
    return _wrap(_op("softplus", input._t, float(beta), float(threshold)))


def elu(input, alpha=1.0, inplace=False):
    if inplace:
        return _in_place(input, "elu", float(alpha))
    return _wrap(_op("elu", input._t, float(alpha)))


def silu(input, inplace=False):
    if inplace:
        return _in_place(input, "silu")
    return _wrap(_op("silu", input._t))


def gelu(input, approximate="none"):
    return _wrap(_op("gelu", input._t, approximate))


def _implicit_dim(name, ndim, stacklevel):
    """PyTorch's choice of dim when softmax is given none (deprecated, with a warning at the caller's
    `stacklevel`): the last dim for 0, 1 and 3 dims, else dim 1."""
    warnings.warn(
        "Implicit dimension choice for %s has been deprecated. Change the call to include dim=X as an argument." % name,
        UserWarning,
        stacklevel=stacklevel,
    )
    return 0 if ndim in (0, 1, 3) else 1


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _implicit_dim("softmax", input.dim(), _stacklevel)
    return input.softmax(dim, dtype=dtype)


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _implicit_dim("log_softmax", input.dim(), _stacklevel)
    return input.log_softmax(dim, dtype=dtype)


def linear(input, weight, bias=None):
    return _wrap(_op("linear", input._t, weight._t, None if bias is None else bias._t))


def _check_sizes(input, target):
    if target.shape != input.shape:
        warnings.warn(
            "Using a target size (%r) that is different to the input size (%r). This will likely lead to incorrect "
            "results due to broadcasting. Please ensure they have the same size." % (target.shape, input.shape),
            UserWarning,
            stacklevel=3,
        )


def _reduction(size_average, reduce, reduction):
    if size_average is not None or reduce is not None:
        if reduce is False:
            return "none"
        return "mean" if size_average is not False else "sum"
    return reduction


def _weighted(loss, weight, input, reduction, mean):
    """PyTorch 2's weighted losses (weight=): the elementwise loss times the weights, reduced; `mean` divides the
    weighted sum by the summed weights (mse, l1) or by the element count (huber), as each of them does."""
    if weight.size() != input.size():
        raise ValueError("Weights and input must have the same size.")
    loss = loss * weight
    if reduction == "none":
        return loss
    if reduction == "sum":
        return loss.sum()
    if reduction == "mean":
        return loss.sum() / weight.sum() if mean == "weights" else loss.mean()
    raise ValueError("Invalid reduction mode: %s. Expected one of 'none', 'mean', 'sum'." % reduction)


# PyTorch's CPU mse kernel warns once per process about float16; here once per run.
_warned_half_mse = [False]
_hooks.on_run_start(lambda: _warned_half_mse.__setitem__(0, False))


def mse_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    _check_sizes(input, target)
    reduction = _reduction(size_average, reduce, reduction)
    if input.dtype.name == "float16" and not _warned_half_mse[0]:
        _warned_half_mse[0] = True
        warnings.warn(
            "Applying the CPU mse kernel on half-type tensors. This may be slower than using float or double-type tensors."
        )
    if weight is not None:
        from .. import broadcast_tensors

        a, b = broadcast_tensors(input, target)
        return _weighted((a - b).pow(2), weight, input, reduction, "weights")
    return _wrap(_op("mse_loss", input._t, target._t, reduction))


def l1_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    _check_sizes(input, target)
    reduction = _reduction(size_average, reduce, reduction)
    if weight is not None:
        return _weighted((input - target).abs(), weight, input, reduction, "weights")
    return _wrap(_op("l1_loss", input._t, target._t, reduction))


def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction="mean", beta=1.0):
    _check_sizes(input, target)
    return _wrap(_op("smooth_l1_loss", input._t, target._t, _reduction(size_average, reduce, reduction), float(beta)))


def huber_loss(input, target, reduction="mean", delta=1.0, weight=None):
    _check_sizes(input, target)
    if weight is not None:
        from .. import broadcast_tensors

        a, b = broadcast_tensors(input, target)
        return _weighted(_wrap(_op("huber_loss", a._t, b._t, "none", float(delta))), weight, input, reduction, "count")
    return _wrap(_op("huber_loss", input._t, target._t, reduction, float(delta)))


def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction="mean"):
    return _wrap(
        _op(
            "binary_cross_entropy",
            input._t,
            target._t,
            None if weight is None else weight._t,
            _reduction(size_average, reduce, reduction),
        )
    )


def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None, reduction="mean", pos_weight=None):
    return _wrap(
        _op(
            "binary_cross_entropy_with_logits",
            input._t,
            target._t,
            None if weight is None else weight._t,
            None if pos_weight is None else pos_weight._t,
            _reduction(size_average, reduce, reduction),
        )
    )


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean"):
    return _wrap(
        _op("nll_loss", input._t, target._t, None if weight is None else weight._t, _reduction(size_average, reduce, reduction), ignore_index)
    )


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean", label_smoothing=0.0):
    return _wrap(
        _op(
            "cross_entropy",
            input._t,
            target._t,
            None if weight is None else weight._t,
            _reduction(size_average, reduce, reduction),
            ignore_index,
            float(label_smoothing),
        )
    )


def dropout(input, p=0.5, training=True, inplace=False):
    if p < 0 or p > 1:
        raise ValueError("dropout probability has to be between 0 and 1, but got %s" % p)
    if not training or p == 0 or input.numel() == 0:
        return input
    from .. import zeros

    if p == 1:
        noise = zeros((), dtype=input.dtype)
    else:
        # PyTorch's CPU path: a Bernoulli(1 - p) mask (one double uniform per element), scaled, then multiplied.
        noise = zeros(*input.shape, dtype=input.dtype).bernoulli_(1 - p)
        noise.div_(1 - p)
    return input.mul_(noise) if inplace else input * noise
