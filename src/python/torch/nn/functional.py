"""torch.nn.functional over the engine's ops."""
import warnings

from _playground import hooks as _hooks

from .._C import op as _op
from .. import _dtype as _dtypes
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


# ---- normalisation, channel dropout, lookup tables (issue 14) ----


def _verify_batch_size(size):
    prod = size[0]
    for d in size[2:]:
        prod *= d
    if prod == 1:
        raise ValueError("Expected more than 1 value per channel when training, got input size %s" % (size,))


def _opt(t):
    return None if t is None else t._t


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    if training:
        _verify_batch_size(input.size())
    return _wrap(
        _op("batch_norm", input._t, _opt(weight), _opt(bias), _opt(running_mean), _opt(running_var), bool(training),
            float(momentum), float(eps))
    )


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-5):
    if isinstance(normalized_shape, int):
        normalized_shape = (normalized_shape,)
    return _wrap(_op("layer_norm", input._t, _opt(weight), _opt(bias), float(eps), *[int(d) for d in normalized_shape]))


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-5):
    if input.dim() < 2:
        raise RuntimeError("Expected at least 2 dimensions for input tensor but received %d" % input.dim())
    _verify_batch_size([input.size(0) * input.size(1) // num_groups, num_groups] + list(input.size()[2:]))
    return _wrap(_op("group_norm", input._t, int(num_groups), _opt(weight), _opt(bias), float(eps)))


def _feature_dropout(input, p, training, inplace, unbatched=False):
    """PyTorch's feature_dropout: one Bernoulli(1 - p) draw per (sample, channel), broadcast over the rest;
    `unbatched`: the input is (C, L), its channels in dim 0."""
    if not training or p == 0 or input.numel() == 0:
        return input
    from .. import zeros

    if p == 1:
        noise = zeros((), dtype=input.dtype)
    else:
        if input.dim() < 2:
            raise RuntimeError("Feature dropout requires at least 2 dimensions in the input")
        lead = [input.size(0)] if unbatched else [input.size(0), input.size(1)]
        noise = zeros(*lead, *([1] * (input.dim() - len(lead))), dtype=input.dtype).bernoulli_(1 - p)
        noise.div_(1 - p)
    return input.mul_(noise) if inplace else input * noise


def _check_p(p):
    if p < 0.0 or p > 1.0:
        raise ValueError("dropout probability has to be between 0 and 1, but got %s" % p)


def dropout1d(input, p=0.5, training=True, inplace=False):
    _check_p(p)
    inp_dim = input.dim()
    if inp_dim not in (2, 3):
        raise RuntimeError(
            "dropout1d: Expected 2D or 3D input, but received a %dD input. Note that dropout1d exists to provide "
            "channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an optional batch "
            "dimension (i.e. 2D or 3D inputs)." % inp_dim
        )
    if inp_dim == 3:
        return _feature_dropout(input, p, training, inplace)
    if inplace:
        # PyTorch unsqueezes the input in place and squeezes it back; a (C, 1) mask makes the same draws.
        return _feature_dropout(input, p, training, True, unbatched=True)
    return _feature_dropout(input.unsqueeze(0), p, training, False).squeeze(0)


def dropout2d(input, p=0.5, training=True, inplace=False):
    _check_p(p)
    inp_dim = input.dim()
    if inp_dim not in (3, 4):
        warnings.warn(
            "dropout2d: Received a %d-D input to dropout2d, which is deprecated and will result in an error in a "
            "future release. To retain the behavior and silence this warning, please use dropout instead. Note that "
            "dropout2d exists to provide channel-wise dropout on inputs with 2 spatial dimensions, a channel "
            "dimension, and an optional batch dimension (i.e. 3D or 4D inputs)." % inp_dim
        )
    if inp_dim == 3:
        warnings.warn(
            "dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout behavior is "
            "desired - input is interpreted as shape (N, C, L), where C is the channel dim. This behavior will "
            "change in a future release to interpret the input as one without a batch dimension, i.e. shape "
            "(C, H, W). To maintain the 1D channel-wise dropout behavior, please switch to using dropout1d instead."
        )
    return _feature_dropout(input, p, training, inplace)


def _padding_index(padding_idx, rows, what):
    if padding_idx is None:
        return -1
    if padding_idx > 0:
        assert padding_idx < rows, what
    elif padding_idx < 0:
        assert padding_idx >= -rows, what
        padding_idx = rows + padding_idx
    return padding_idx


def _no_sparse(sparse, name):
    if sparse:
        raise NotImplementedError(
            "%s(sparse=True): sparse gradients are not supported in Autograd Playground; use sparse=False" % name
        )


def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, sparse=False):
    _no_sparse(sparse, "embedding")
    padding_idx = _padding_index(padding_idx, weight.size(0), "Padding_idx must be within num_embeddings")
    if max_norm is not None:
        input = input.contiguous()
        _op("embedding_renorm_", weight._t, input._t, float(max_norm), float(norm_type))
    return _wrap(_op("embedding", weight._t, input._t, int(padding_idx), bool(scale_grad_by_freq)))


def embedding_bag(input, weight, offsets=None, max_norm=None, norm_type=2, scale_grad_by_freq=False, mode="mean",
                  sparse=False, per_sample_weights=None, include_last_offset=False, padding_idx=None):
    if weight.dtype == _dtypes.int64 and input.is_floating_point():
        warnings.warn(
            "Argument order of nn.functional.embedding_bag was changed. Usage `embedding_bag(weight, input, ...)` is "
            "deprecated, and should now be `embedding_bag(input, weight, ...)`."
        )
        weight, input = input, weight
    if per_sample_weights is not None and input.size() != per_sample_weights.size():
        raise ValueError(
            "embedding_bag: If per_sample_weights (%s) is not None, then it must have the same shape as the input (%s)"
            % (per_sample_weights.shape, input.shape)
        )
    if weight.dim() != 2:
        raise ValueError("weight has to be a 2D Tensor, but got Tensor of dimension %d" % weight.dim())
    if input.dim() == 2:
        if offsets is not None:
            raise ValueError(
                "if input is 2D, then offsets has to be None, as input is treated is a mini-batch of fixed length "
                "sequences. However, found offsets of type %s" % (type(offsets),)
            )
        from .. import arange

        offsets = arange(0, input.numel(), input.size(1), dtype=input.dtype)
        input = input.reshape(-1)
        if per_sample_weights is not None:
            per_sample_weights = per_sample_weights.reshape(-1)
    elif input.dim() == 1:
        if offsets is None:
            raise ValueError("offsets has to be a 1D Tensor but got None")
        if offsets.dim() != 1:
            raise ValueError("offsets has to be a 1D Tensor")
    else:
        raise ValueError("input has to be 1D or 2D Tensor, but got Tensor of dimension %d" % input.dim())
    if mode == "max":
        if scale_grad_by_freq:
            raise ValueError("max mode does not support scaling the gradient by the frequency")
        if sparse:
            raise ValueError("max mode does not support sparse weights")
    elif mode not in ("sum", "mean"):
        raise ValueError("mode has to be one of sum, mean or max")
    _no_sparse(sparse, "embedding_bag")
    if max_norm is not None:
        _op("embedding_renorm_", weight._t, input._t, float(max_norm), float(norm_type))
    if per_sample_weights is not None and mode != "sum":
        raise NotImplementedError(
            "embedding_bag: per_sample_weights was not None. per_sample_weights is only supported for mode='sum' "
            "(got mode='%s'). Please open a feature request on GitHub." % mode
        )
    rows = weight.size(0)
    if padding_idx is None:
        padding_idx = -1
    elif not -rows <= padding_idx < rows:
        raise RuntimeError(
            "padding_idx must be within the number of embeddings, -%d through %d, but got %d" % (rows, rows - 1, padding_idx)
        )
    elif padding_idx < 0:
        padding_idx += rows
    return _wrap(
        _op("embedding_bag", weight._t, input._t, offsets._t, mode, _opt(per_sample_weights), bool(include_last_offset),
            int(padding_idx), bool(scale_grad_by_freq))
    )


def one_hot(tensor, num_classes=-1):
    return _wrap(_op("one_hot", tensor._t, int(num_classes)))
