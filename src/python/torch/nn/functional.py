"""torch.nn.functional over the engine's ops."""
import math
import warnings

from _playground import hooks as _hooks

from .._C import op as _op
from .. import _dtype as _dtypes
from .._tensor import Tensor, _wrap
from . import _padding
from ._activations import *  # noqa: F401,F403 (hardtanh, selu, prelu, glu, normalize, … live there)
from ._losses import *  # noqa: F401,F403 (kl_div, the margin losses, Poisson and Gaussian NLL live there)
from ._layers import *  # noqa: F401,F403 (instance_norm, pixel_shuffle, adaptive_max_pool2d, bilinear, … live there)


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
    if bias is not None and input.dim() == 3 and input.is_contiguous():
        # As ATen: a contiguous 3-D input is folded into rows for one addmm, whose result is viewed back
        # (ViewBackward0, and the shape error names the folded matrix)
        n, length, k = input.shape
        out = _wrap(_op("linear", input.view(n * length, k)._t, weight._t, bias._t))
        return out.view(n, length, out.size(1))
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


# --- attention: scaled_dot_product_attention and multi_head_attention_forward, as PyTorch 2's CPU path
# computes them (the math kernel of scaled_dot_product_attention, composed from matmul and softmax). ---


def _bool_mask_as_float(mask, dtype):
    """A boolean mask where True means "masked out", as an additive float mask: -inf there, 0 elsewhere."""
    from .. import zeros_like

    return zeros_like(mask, dtype=dtype).masked_fill_(mask, float("-inf"))


def scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0, is_causal=False, scale=None, enable_gqa=False):
    from .. import bool as _bool, ones

    if enable_gqa:
        raise NotImplementedError("scaled_dot_product_attention(enable_gqa=True) is not supported by Autograd Playground")
    if is_causal and attn_mask is not None:
        raise RuntimeError("_scaled_dot_product_attention: Explicit attn_mask should not be set when is_causal=True")
    L, S = query.size(-2), key.size(-2)
    # q and k are each scaled by the square root of the scale before their product, as ATen's math kernel does
    factor = math.sqrt(abs(scale) if scale is not None else 1.0 / math.sqrt(query.size(-1)))
    q = query * (-factor if scale is not None and scale < 0 else factor)
    if is_causal:
        attn_mask = ones(L, S, dtype=_bool).tril()
    if attn_mask is not None and attn_mask.dtype == _bool:
        attn_mask = _bool_mask_as_float(attn_mask.logical_not(), query.dtype)
    attn = q.matmul(key.transpose(-2, -1) * factor)
    if attn_mask is not None:
        attn = attn + attn_mask
    weights = attn.softmax(-1)
    if attn_mask is not None:
        # PyTorch's safe softmax: a row where every position is masked attends to nothing (zeros, not NaN)
        weights = weights.masked_fill((attn == float("-inf")).all(-1, keepdim=True), 0.0)
    if dropout_p > 0.0:
        weights = dropout(weights, dropout_p, True)
    return weights.matmul(value)


def _none_or_dtype(input):
    if input is None:
        return None
    from .. import Tensor as _T

    if isinstance(input, _T):
        return input.dtype
    raise RuntimeError("input to _none_or_dtype() must be None or torch.Tensor")


def _canonical_mask(mask, mask_name, other_type, other_name, target_type, check_other=True):
    from .. import bool as _bool

    if mask is not None:
        is_float = mask.is_floating_point()
        if mask.dtype != _bool and not is_float:
            raise AssertionError("only bool and floating types of %s are supported" % mask_name)
        if check_other and other_type is not None and mask.dtype != other_type:
            warnings.warn(
                "Support for mismatched %s and %s is deprecated. Use same type for both instead." % (mask_name, other_name)
            )
        if not is_float:
            mask = _bool_mask_as_float(mask, target_type)
    return mask


def _mha_shape_check(query, key, value, key_padding_mask, attn_mask, num_heads):
    if query.dim() == 3:
        is_batched = True
        assert key.dim() == 3 and value.dim() == 3, (
            "For batched (3-D) `query`, expected `key` and `value` to be 3-D but found %d-D and %d-D tensors respectively"
            % (key.dim(), value.dim())
        )
        if key_padding_mask is not None:
            assert key_padding_mask.dim() == 2, (
                "For batched (3-D) `query`, expected `key_padding_mask` to be `None` or 2-D but found %d-D tensor instead"
                % key_padding_mask.dim()
            )
        if attn_mask is not None:
            assert attn_mask.dim() in (2, 3), (
                "For batched (3-D) `query`, expected `attn_mask` to be `None`, 2-D or 3-D but found %d-D tensor instead"
                % attn_mask.dim()
            )
    elif query.dim() == 2:
        is_batched = False
        assert key.dim() == 2 and value.dim() == 2, (
            "For unbatched (2-D) `query`, expected `key` and `value` to be 2-D but found %d-D and %d-D tensors respectively"
            % (key.dim(), value.dim())
        )
        if key_padding_mask is not None:
            assert key_padding_mask.dim() == 1, (
                "For unbatched (2-D) `query`, expected `key_padding_mask` to be `None` or 1-D but found %d-D tensor instead"
                % key_padding_mask.dim()
            )
        if attn_mask is not None:
            assert attn_mask.dim() in (2, 3), (
                "For unbatched (2-D) `query`, expected `attn_mask` to be `None`, 2-D or 3-D but found %d-D tensor instead"
                % attn_mask.dim()
            )
            if attn_mask.dim() == 3:
                expected_shape = (num_heads, query.shape[0], key.shape[0])
                assert attn_mask.shape == expected_shape, "Expected `attn_mask` shape to be %s but got %s" % (expected_shape, attn_mask.shape)
    else:
        raise AssertionError("query should be unbatched 2D or batched 3D tensor but received %d-D query tensor" % query.dim())
    return is_batched


def _in_projection_packed(q, k, v, w, b=None):
    if k is v and q is k:
        return linear(q, w, b).chunk(3, dim=-1)
    E = q.size(-1)
    if k is v:
        w_q, w_kv = w.split([E, E * 2])
        b_q, b_kv = (None, None) if b is None else b.split([E, E * 2])
        return (linear(q, w_q, b_q),) + linear(k, w_kv, b_kv).chunk(2, dim=-1)
    w_q, w_k, w_v = w.chunk(3)
    b_q, b_k, b_v = (None, None, None) if b is None else b.chunk(3)
    return linear(q, w_q, b_q), linear(k, w_k, b_k), linear(v, w_v, b_v)


def _in_projection(q, k, v, w_q, w_k, w_v, b_q=None, b_k=None, b_v=None):
    Eq, Ek, Ev = q.size(-1), k.size(-1), v.size(-1)
    assert w_q.shape == (Eq, Eq), "expecting query weights shape of %s, but got %s" % ((Eq, Eq), w_q.shape)
    assert w_k.shape == (Eq, Ek), "expecting key weights shape of %s, but got %s" % ((Eq, Ek), w_k.shape)
    assert w_v.shape == (Eq, Ev), "expecting value weights shape of %s, but got %s" % ((Eq, Ev), w_v.shape)
    return linear(q, w_q, b_q), linear(k, w_k, b_k), linear(v, w_v, b_v)


def _pad_last(mask, n=1):
    """F.pad(mask, (0, n)): n zeros (False) appended along the last dim."""
    from .. import cat, zeros

    return cat([mask, zeros(*mask.shape[:-1], n, dtype=mask.dtype)], -1)


def multi_head_attention_forward(query, key, value, embed_dim_to_check, num_heads, in_proj_weight, in_proj_bias, bias_k,
                                 bias_v, add_zero_attn, dropout_p, out_proj_weight, out_proj_bias, training=True,
                                 key_padding_mask=None, need_weights=True, attn_mask=None, use_separate_proj_weight=False,
                                 q_proj_weight=None, k_proj_weight=None, v_proj_weight=None, static_k=None, static_v=None,
                                 average_attn_weights=True, is_causal=False):
    from .. import bmm, cat, zeros

    if static_k is not None or static_v is not None:
        raise NotImplementedError("multi_head_attention_forward(static_k=, static_v=) is not supported by Autograd Playground")
    is_batched = _mha_shape_check(query, key, value, key_padding_mask, attn_mask, num_heads)
    if not is_batched:
        query, key, value = query.unsqueeze(1), key.unsqueeze(1), value.unsqueeze(1)
        if key_padding_mask is not None:
            key_padding_mask = key_padding_mask.unsqueeze(0)
    tgt_len, bsz, embed_dim = query.shape
    src_len = key.shape[0]
    key_padding_mask = _canonical_mask(key_padding_mask, "key_padding_mask", _none_or_dtype(attn_mask), "attn_mask", query.dtype)
    if is_causal and attn_mask is None:
        raise RuntimeError(
            "Need attn_mask if specifying the is_causal hint. You may use the Transformer module method "
            "`generate_square_subsequent_mask` to create this mask."
        )
    if is_causal and key_padding_mask is None and not need_weights:
        attn_mask = None
    else:
        attn_mask = _canonical_mask(attn_mask, "attn_mask", None, "", query.dtype, check_other=False)
        if key_padding_mask is not None:
            is_causal = False
    assert embed_dim == embed_dim_to_check, "was expecting embedding dimension of %s, but got %s" % (embed_dim_to_check, embed_dim)
    head_dim = embed_dim // num_heads
    assert head_dim * num_heads == embed_dim, "embed_dim %s not divisible by num_heads %s" % (embed_dim, num_heads)
    if use_separate_proj_weight:
        assert key.shape[:2] == value.shape[:2], "key's sequence and batch dims %s do not match value's %s" % (key.shape[:2], value.shape[:2])
        assert q_proj_weight is not None, "use_separate_proj_weight is True but q_proj_weight is None"
        assert k_proj_weight is not None, "use_separate_proj_weight is True but k_proj_weight is None"
        assert v_proj_weight is not None, "use_separate_proj_weight is True but v_proj_weight is None"
        b_q, b_k, b_v = (None, None, None) if in_proj_bias is None else in_proj_bias.chunk(3)
        q, k, v = _in_projection(query, key, value, q_proj_weight, k_proj_weight, v_proj_weight, b_q, b_k, b_v)
    else:
        assert key.shape == value.shape, "key shape %s does not match value shape %s" % (key.shape, value.shape)
        assert in_proj_weight is not None, "use_separate_proj_weight is False but in_proj_weight is None"
        q, k, v = _in_projection_packed(query, key, value, in_proj_weight, in_proj_bias)

    if attn_mask is not None:
        if attn_mask.dim() == 2:
            if attn_mask.shape != (tgt_len, src_len):
                raise RuntimeError("The shape of the 2D attn_mask is %s, but should be %s." % (attn_mask.shape, (tgt_len, src_len)))
            attn_mask = attn_mask.unsqueeze(0)
        elif attn_mask.dim() == 3:
            if attn_mask.shape != (bsz * num_heads, tgt_len, src_len):
                raise RuntimeError(
                    "The shape of the 3D attn_mask is %s, but should be %s." % (attn_mask.shape, (bsz * num_heads, tgt_len, src_len))
                )
        else:
            raise RuntimeError("attn_mask's dimension %s is not supported" % attn_mask.dim())

    if bias_k is not None and bias_v is not None:
        k = cat([k, bias_k.repeat(1, bsz, 1)])
        v = cat([v, bias_v.repeat(1, bsz, 1)])
        if attn_mask is not None:
            attn_mask = _pad_last(attn_mask)
        if key_padding_mask is not None:
            key_padding_mask = _pad_last(key_padding_mask)
    else:
        assert bias_k is None
        assert bias_v is None

    q = q.contiguous().view(tgt_len, bsz * num_heads, head_dim).transpose(0, 1)
    k = k.contiguous().view(k.shape[0], bsz * num_heads, head_dim).transpose(0, 1)
    v = v.contiguous().view(v.shape[0], bsz * num_heads, head_dim).transpose(0, 1)
    if add_zero_attn:
        k = cat([k, zeros(bsz * num_heads, 1, head_dim, dtype=k.dtype)], dim=1)
        v = cat([v, zeros(bsz * num_heads, 1, head_dim, dtype=v.dtype)], dim=1)
        if attn_mask is not None:
            attn_mask = _pad_last(attn_mask)
        if key_padding_mask is not None:
            key_padding_mask = _pad_last(key_padding_mask)
    src_len = k.size(1)

    if key_padding_mask is not None:
        if key_padding_mask.shape[0] != bsz:
            raise AssertionError("Expected key_padded_mask.shape[0] to be %s, but got %s" % (bsz, key_padding_mask.shape[0]))
        if key_padding_mask.shape[1] != src_len:
            raise AssertionError("Expected key_padded_mask.shape[1] to be %s, but got %s" % (src_len, key_padding_mask.shape[1]))
        key_padding_mask = key_padding_mask.view(bsz, 1, 1, src_len).expand(-1, num_heads, -1, -1).reshape(bsz * num_heads, 1, src_len)
        attn_mask = key_padding_mask if attn_mask is None else attn_mask + key_padding_mask

    if not training:
        dropout_p = 0.0

    if need_weights:
        q_scaled = q * math.sqrt(1.0 / float(q.shape[2]))
        weights = bmm(q_scaled, k.transpose(-2, -1))
        if attn_mask is not None:
            weights = attn_mask + weights
        weights = softmax(weights, dim=-1)
        if dropout_p > 0.0:
            weights = dropout(weights, p=dropout_p)
        attn_output = bmm(weights, v)
        attn_output = attn_output.transpose(0, 1).contiguous().view(tgt_len * bsz, embed_dim)
        attn_output = linear(attn_output, out_proj_weight, out_proj_bias)
        attn_output = attn_output.view(tgt_len, bsz, attn_output.size(1))
        weights = weights.view(bsz, num_heads, tgt_len, src_len)
        if average_attn_weights:
            weights = weights.mean(dim=1)
        if not is_batched:
            attn_output = attn_output.squeeze(1)
            weights = weights.squeeze(0)
        return attn_output, weights

    if attn_mask is not None:
        if attn_mask.size(0) == 1 and attn_mask.dim() == 3:
            attn_mask = attn_mask.unsqueeze(0)
        else:
            attn_mask = attn_mask.view(bsz, num_heads, -1, src_len)
    q = q.view(bsz, num_heads, tgt_len, head_dim)
    k = k.view(bsz, num_heads, src_len, head_dim)
    v = v.view(bsz, num_heads, src_len, head_dim)
    attn_output = scaled_dot_product_attention(q, k, v, attn_mask, dropout_p, is_causal)
    attn_output = attn_output.permute(2, 0, 1, 3).contiguous().view(bsz * tgt_len, embed_dim)
    attn_output = linear(attn_output, out_proj_weight, out_proj_bias)
    attn_output = attn_output.view(tgt_len, bsz, attn_output.size(1))
    if not is_batched:
        attn_output = attn_output.squeeze(1)
    return attn_output, None


# ---- convolution, pooling and resampling (issue 14): engine ops `convolution`, `max_pool2d_with_indices`,
# `avg_pool2d`, `adaptive_avg_pool2d`, `upsample_nearest`, `upsample_bilinear2d` ----


_PAD_MODES = ("constant", "reflect", "replicate", "circular")


def pad(input, pad, mode="constant", value=None):
    """torch.nn.functional.pad: `pad` is (before, after) pairs from the last dimension backwards."""
    from .._C import js

    if not isinstance(input, Tensor):
        raise TypeError("pad(): argument 'input' (position 1) must be Tensor, not %s" % _type_name(input))
    if not isinstance(pad, (list, tuple)) or not all(isinstance(p, int) and not isinstance(p, bool) for p in pad):
        raise TypeError("pad(): argument 'pad' (position 2) must be tuple of ints, not %s" % _type_name(pad))
    if len(pad) % 2:
        raise RuntimeError("Padding length must be divisible by 2")
    if len(pad) // 2 > input.dim():
        raise RuntimeError("Padding length too large")
    if mode not in _PAD_MODES:
        raise NotImplementedError("Unrecognised padding mode %s" % (mode,))
    if mode == "constant":
        return _wrap(_op("constant_pad_nd", input._t, js(list(pad)), 0 if value is None else value))
    if value is not None and value != 0:
        raise RuntimeError('Padding mode "%s" doesn\'t take in value argument' % mode)
    k = len(pad) // 2
    if k not in (1, 2, 3) or input.dim() not in (k + 1, k + 2):
        raise NotImplementedError("Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now")
    if mode == "circular":
        return _padding.circular(input, list(pad))
    return _wrap(_op("index_pad", input._t, js(list(pad)), mode))


def _conv_arg(name, value, n):
    """An int or a list of n ints, as ATen's convolution takes them (its error text when neither)."""
    if isinstance(value, int):
        return [value] * n
    value = list(value)
    if len(value) == 1:
        return value * n
    if len(value) != n:
        raise RuntimeError(
            "expected %s to be a single integer value or a list of %d values to match the convolution dimensions, but got %s=%s"
            % (name, n, name, value)
        )
    return value


def _type_name(value):
    if isinstance(value, Tensor):
        return "Tensor"
    kind = type(value)
    return kind.__name__ if kind.__module__ == "builtins" else "%s.%s" % (kind.__module__, kind.__name__)


def _check_conv_tensors(name, input, weight, bias, transposed):
    """PyTorch's argument-parser errors for operands that are not tensors."""
    if transposed:
        for position, (what, value) in enumerate((("input", input), ("weight", weight)), 1):
            if not isinstance(value, Tensor):
                raise TypeError("%s(): argument '%s' (position %d) must be Tensor, not %s" % (name, what, position, _type_name(value)))
        return
    if not isinstance(input, Tensor) or not isinstance(weight, Tensor) or not (bias is None or isinstance(bias, Tensor)):
        got = ", ".join(_type_name(v) for v in ((input, weight) if bias is None else (input, weight, bias)))
        signature = "Tensor input, Tensor weight, Tensor bias, tuple of ints stride, %s padding, tuple of ints dilation, int groups"
        raise TypeError(
            "%s() received an invalid combination of arguments - got (%s), but expected one of:\n * (%s)\n * (%s)\n"
            % (name, got, signature % "tuple of ints", signature % "str")
        )


def _conv(name, spatial, input, weight, bias, stride, padding, dilation, groups, transposed=False, output_padding=0):
    from .._C import js

    _check_conv_tensors(name, input, weight, bias, transposed)
    nd = input.dim()
    if nd not in (spatial + 1, spatial + 2):
        raise RuntimeError(
            "Expected %dD (unbatched) or %dD (batched) input to %s, but got input of size: %s"
            % (spatial + 1, spatial + 2, name, list(input.shape))
        )
    if isinstance(padding, str):
        if transposed or padding not in ("same", "valid"):
            raise RuntimeError("Invalid padding string: '%s'" % padding)
        pad = padding
        dil = _conv_arg("dilation", dilation, spatial)
        if padding == "same" and any(dil[i] * (k - 1) % 2 for i, k in enumerate(weight.shape[2:2 + spatial])):
            # ATen pads such an input unevenly (more after than before), and says so every time.
            warnings.warn(
                "Using padding='same' with even kernel lengths and odd dilation may require a zero-padded copy of the input be created",
                UserWarning,
                stacklevel=3,
            )
    else:
        pad = js(_conv_arg("padding", padding, spatial))
    batched = nd == spatial + 2
    x = input if batched else input.unsqueeze(0)
    if pad == "same":
        if any(s != 1 for s in _conv_arg("stride", stride, spatial)):
            raise RuntimeError("padding='same' is not supported for strided convolutions")
        x, pad = _padding.same(x, weight, _conv_arg("dilation", dilation, spatial), spatial)
    out = _wrap(
        _op(
            "convolution", x._t, weight._t, None if bias is None else bias._t, js(_conv_arg("stride", stride, spatial)),
            pad, js(_conv_arg("dilation", dilation, spatial)), transposed,
            js(_conv_arg("output_padding", output_padding, spatial)), groups,
        )
    )
    return out if batched else out.squeeze(0)


def conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    return _conv("conv1d", 1, input, weight, bias, stride, padding, dilation, groups)


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    return _conv("conv2d", 2, input, weight, bias, stride, padding, dilation, groups)


def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
    return _conv("conv_transpose2d", 2, input, weight, bias, stride, padding, dilation, groups, True, output_padding)


def _check_input(name, input):
    if not isinstance(input, Tensor):
        raise TypeError("%s(): argument 'input' (position 1) must be Tensor, not %s" % (name, _type_name(input)))


def _pool_pair(fn, what, value, omitted_ok=False):
    """kernel_size/stride/padding/dilation of a 2-D pool: an int or a pair (ATen's error text otherwise)."""
    if omitted_ok and (value is None or (not isinstance(value, int) and len(value) == 0)):
        return None
    if isinstance(value, int):
        return [value, value]
    value = list(value)
    if len(value) == 1:
        return value * 2
    if len(value) != 2:
        must = {"kernel_size": "must either be a single int", "stride": "must either be omitted, a single int",
                "padding": "must either be a single int", "dilation": "must be either a single int"}[what]
        raise RuntimeError("%s: %s %s, or a tuple of two ints" % (fn, what, must))
    return value


def _pool1d_arg(fn, what, value, omitted_ok=False):
    """One int of a 1-D pool (an int or a one-element sequence)."""
    if omitted_ok and (value is None or (not isinstance(value, int) and len(value) == 0)):
        return None
    if isinstance(value, int):
        return value
    value = list(value)
    if len(value) != 1:
        raise RuntimeError("%s() argument '%s' should contain one int (got %d)" % (fn, what, len(value)))
    return value[0]


def _max_pool2d_with_indices(fn, input, kernel_size, stride, padding, dilation, ceil_mode):
    from .._C import js

    k = _pool_pair(fn, "kernel_size", kernel_size)
    s = _pool_pair(fn, "stride", stride, omitted_ok=True) or k
    p = _pool_pair(fn, "padding", padding)
    d = _pool_pair(fn, "dilation", dilation)
    out, idx = _op("max_pool2d_with_indices", input._t, js(k), js(s), js(p), js(d), bool(ceil_mode))
    return _wrap(out), _wrap(idx)


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    _check_input("max_pool2d", input)
    out, idx = _max_pool2d_with_indices("max_pool2d", input, kernel_size, stride, padding, dilation, ceil_mode)
    return (out, idx) if return_indices else out


def max_pool1d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    _check_input("max_pool1d", input)
    if input.dim() not in (2, 3):
        raise RuntimeError(
            "max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:%s"
            % list(input.shape)
        )
    k = _pool1d_arg("max_pool1d", "kernel_size", kernel_size)
    s = _pool1d_arg("max_pool1d", "stride", stride, omitted_ok=True)
    p = _pool1d_arg("max_pool1d", "padding", padding)
    d = _pool1d_arg("max_pool1d", "dilation", dilation)
    out, idx = _max_pool2d_with_indices(
        "max_pool2d", input.unsqueeze(-2), (1, k), (1, k if s is None else s), (0, p), (1, d), ceil_mode
    )
    out = out.squeeze(-2)
    return (out, idx.squeeze(-2)) if return_indices else out


def avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None):
    _check_input("avg_pool2d", input)
    from .._C import js

    if input.dim() < 3:
        raise IndexError("Dimension out of range (expected to be in range of [%d, %d], but got -3)" % (-max(input.dim(), 1), max(input.dim(), 1) - 1))
    k = _pool_pair("avg_pool2d", "kernel_size", kernel_size)
    s = _pool_pair("avg_pool2d", "stride", stride, omitted_ok=True) or k
    p = _pool_pair("avg_pool2d", "padding", padding)
    return _wrap(_op("avg_pool2d", input._t, js(k), js(s), js(p), bool(ceil_mode), bool(count_include_pad), divisor_override))


def avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
    _check_input("avg_pool1d", input)
    if input.dim() not in (2, 3):
        raise RuntimeError("avg_pool1d() Expected 2D or 3D input tensor, but got %s" % list(input.shape))
    k = _pool1d_arg("avg_pool1d", "kernel_size", kernel_size)
    s = _pool1d_arg("avg_pool1d", "stride", stride, omitted_ok=True)
    p = _pool1d_arg("avg_pool1d", "padding", padding)
    out = avg_pool2d(input.unsqueeze(-2), (1, k), (1, k if s is None else s), (0, p), ceil_mode, count_include_pad)
    return out.squeeze(-2)


def adaptive_avg_pool2d(input, output_size):
    _check_input("adaptive_avg_pool2d", input)
    size = [output_size, output_size] if isinstance(output_size, int) else list(output_size)
    if len(size) != 2:
        raise RuntimeError("adaptive_avg_pool2d: output_size must be 2")
    size = [input.shape[i - 2] if v is None else v for i, v in enumerate(size)]
    if any(v < 0 for v in size):
        raise RuntimeError("adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {%d, %d}" % tuple(size))
    if size == [1, 1]:
        # ATen's shortcut for a global average: a mean over the last two dims (its grad_fn is MeanBackward1).
        return input.mean((-1, -2), keepdim=True)
    return _wrap(_op("adaptive_avg_pool2d", input._t, size[0], size[1]))


def adaptive_avg_pool1d(input, output_size):
    _check_input("adaptive_avg_pool1d", input)
    if input.dim() not in (2, 3):
        raise RuntimeError(
            "Expected 2 to 3 dimensions, but got %d-dimensional tensor for argument #1 'self' (while checking arguments for adaptive_avg_pool1d)"
            % input.dim()
        )
    size = _pool1d_arg("adaptive_avg_pool1d", "output_size", output_size)
    return adaptive_avg_pool2d(input.unsqueeze(-2), (1, size)).squeeze(-2)


_INTERPOLATE_MODES = "nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact"


def interpolate(input, size=None, scale_factor=None, mode="nearest", align_corners=None, recompute_scale_factor=None, antialias=False):
    import math

    if mode in ("nearest", "area", "nearest-exact"):
        if align_corners is not None:
            raise ValueError("align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear")
    elif align_corners is None:
        align_corners = False
    dim = input.dim() - 2
    if size is not None and scale_factor is not None:
        raise ValueError("only one of size or scale_factor should be defined")
    if size is not None:
        scales = None
        if isinstance(size, (list, tuple)):
            if len(size) != dim:
                raise ValueError(
                    "Input and output must have the same number of spatial dimensions, but got input with spatial "
                    "dimensions of %s and output size of %s. Please provide input tensor in (N, C, d1, d2, ...,dK) "
                    "format and output size in (o1, o2, ...,oK) format." % (list(input.shape[2:]), size)
                )
            out_size = list(size)
        else:
            out_size = [size] * dim
    elif scale_factor is not None:
        out_size = None
        if isinstance(scale_factor, (list, tuple)):
            if len(scale_factor) != dim:
                raise ValueError(
                    "Input and scale_factor must have the same number of spatial dimensions, but got input with "
                    "spatial dimensions of %s and scale_factor of shape %s. Please provide input tensor in (N, C, "
                    "d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format." % (list(input.shape[2:]), scale_factor)
                )
            scales = [float(s) for s in scale_factor]
        else:
            scales = [float(scale_factor)] * dim
    else:
        raise ValueError("either size or scale_factor should be defined")
    if recompute_scale_factor and size is not None:
        raise ValueError("recompute_scale_factor is not meaningful with an explicit size.")
    if mode == "area" and out_size is None:
        recompute_scale_factor = True
    if recompute_scale_factor:
        out_size = [math.floor(float(input.size(i + 2)) * scales[i]) for i in range(dim)]
        scales = None
    if antialias and not (mode in ("bilinear", "bicubic") and input.dim() == 4):
        raise ValueError("Anti-alias option is only supported for bilinear and bicubic modes")
    if antialias:
        raise NotImplementedError("interpolate(antialias=True) is not supported by Autograd Playground yet")
    if out_size is None:
        # ATen's output size for scale factors: the input size times the factor, truncated.
        out_size = [int(input.size(i + 2) * scales[i]) for i in range(dim)]
    if mode == "nearest" and input.dim() in (3, 4):
        h, sh = (out_size[0], scales and scales[0]) if dim == 2 else (1, None)
        return _wrap(_op("upsample_nearest", input._t, h, out_size[-1], sh, scales and scales[-1]))
    if mode == "area" and input.dim() == 4:
        return adaptive_avg_pool2d(input, out_size)
    if mode == "bilinear" and input.dim() == 4:
        return _wrap(
            _op("upsample_bilinear2d", input._t, out_size[0], out_size[1], bool(align_corners), scales and scales[0], scales and scales[1])
        )
    if mode == "bilinear" and input.dim() == 3:
        raise NotImplementedError("Got 3D input, but bilinear mode needs 4D input")
    if input.dim() in (3, 4, 5) and mode in _INTERPOLATE_MODES.split(" | "):
        raise NotImplementedError(
            "interpolate(mode=%r) on %dD input is not supported by Autograd Playground yet (nearest and bilinear are)" % (mode, input.dim())
        )
    raise NotImplementedError(
        "Input Error: Only 3D, 4D and 5D input Tensors supported (got %dD) for the modes: %s (got %s)" % (input.dim(), _INTERPOLATE_MODES, mode)
    )
