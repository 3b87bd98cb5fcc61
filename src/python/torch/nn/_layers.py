"""torch.nn.functional's instance_norm, pixel_shuffle/pixel_unshuffle, adaptive_max_pool1d/2d, local_response_norm,
bilinear, alpha_dropout and dropout3d, re-exported by functional.py. instance_norm and local_response_norm are
composed here from other ops, as ATen and PyTorch's Python compose them (so their graphs show the same nodes)."""
from .._C import op as _op
from .._tensor import _wrap

__all__ = [
    "instance_norm", "pixel_shuffle", "pixel_unshuffle", "adaptive_max_pool2d", "adaptive_max_pool1d", "local_response_norm",
    "bilinear", "alpha_dropout", "dropout3d",
]


def _verify_spatial_size(size):
    prod = 1
    for d in size[2:]:
        prod *= d
    if prod == 1:
        raise ValueError("Expected more than 1 spatial element when training, got input size %s" % (size,))


def _repeat(t, b):
    return None if t is None else t.repeat(b)


def instance_norm(input, running_mean=None, running_var=None, weight=None, bias=None, use_input_stats=True,
                  momentum=0.1, eps=1e-5):
    from . import functional as F

    if use_input_stats:
        _verify_spatial_size(input.size())
    elif running_mean is None or running_var is None:
        raise RuntimeError("Expected running_mean and running_var to be defined when use_input_stats is false")
    # ATen's instance_norm: batch norm over a (1, N*C, ...) view, with the per-channel tensors repeated N times;
    # the running statistics come back as the mean over the N copies.
    shape = list(input.shape)
    b, c = shape[0], shape[1]
    mean_, var_ = _repeat(running_mean, b), _repeat(running_var, b)
    out = F.batch_norm(input.contiguous().view(1, b * c, *shape[2:]), mean_, var_, _repeat(weight, b),
                       _repeat(bias, b), use_input_stats, momentum, eps)
    from .. import no_grad

    with no_grad():
        if running_mean is not None:
            running_mean.copy_(mean_.view(b, c).mean(0))
        if running_var is not None:
            running_var.copy_(var_.view(b, c).mean(0))
    return out.view(*shape)


def pixel_shuffle(input, upscale_factor):
    return _wrap(_op("pixel_shuffle", input._t, int(upscale_factor)))


def pixel_unshuffle(input, downscale_factor):
    return _wrap(_op("pixel_unshuffle", input._t, int(downscale_factor)))


def _list_with_default(out_size, defaults):
    if isinstance(out_size, int):
        return out_size
    if len(defaults) <= len(out_size):
        raise ValueError("Input dimension should be at least %d" % (len(out_size) + 1))
    return [v if v is not None else d for v, d in zip(out_size, defaults[-len(out_size):])]


def adaptive_max_pool2d(input, output_size, return_indices=False):
    from .functional import _check_input

    _check_input("adaptive_max_pool2d", input)
    size = _list_with_default(output_size, list(input.size()))
    size = [size, size] if isinstance(size, int) else list(size)
    if len(size) != 2:
        raise RuntimeError("adaptive_max_pool2d(): internal error: output_size.size() must be 2")
    out, idx = _op("adaptive_max_pool2d", input._t, int(size[0]), int(size[1]))
    return (_wrap(out), _wrap(idx)) if return_indices else _wrap(out)


def adaptive_max_pool1d(input, output_size, return_indices=False):
    from .functional import _check_input, _pool1d_arg

    _check_input("adaptive_max_pool1d", input)
    if input.dim() not in (2, 3):
        raise RuntimeError(
            "Expected 2 to 3 dimensions, but got %d-dimensional tensor for argument #1 'self' (while checking arguments for adaptive_max_pool1d)"
            % input.dim()
        )
    size = _pool1d_arg("adaptive_max_pool1d", "output_size", output_size)
    # ATen's adaptive_max_pool1d: the 2-D kernel over an unsqueezed height of 1, squeezed back.
    out, idx = adaptive_max_pool2d(input.unsqueeze(-2), (1, size), return_indices=True)
    out = out.squeeze(-2)
    return (out, idx.squeeze(-2)) if return_indices else out


def local_response_norm(input, size, alpha=1e-4, beta=0.75, k=1.0):
    from .functional import avg_pool2d, pad

    dim = input.dim()
    if dim < 3:
        raise ValueError(
            "Expected 3D or higher dimensionality                          input (got %d dimensions)" % dim
        )
    if input.numel() == 0:
        return input
    div = input.mul(input).unsqueeze(1)
    if dim == 3:
        div = pad(div, (0, 0, size // 2, (size - 1) // 2))
        div = avg_pool2d(div, (size, 1), stride=1).squeeze(1)
    else:
        # PyTorch runs avg_pool3d with a (size, 1, 1) window over (N, 1, C, H, rest); the same window slides over a
        # (N, 1, C, H * rest) view with avg_pool2d, summing the same terms in the same order.
        sizes = input.size()
        div = div.view(sizes[0], 1, sizes[1], -1)
        div = pad(div, (0, 0, size // 2, (size - 1) // 2))
        div = avg_pool2d(div, (size, 1), stride=1).squeeze(1)
        div = div.view(sizes)
    div = div.mul(alpha).add(k).pow(beta)
    return input / div


def bilinear(input1, input2, weight, bias=None):
    from .._C import js

    if input1.dim() != input2.dim():
        raise RuntimeError("bilinear(): input dimensions do not match: got %d and %d" % (input1.dim(), input2.dim()))
    for i in range(input1.dim() - 1):
        if input1.size(i) != input2.size(i):
            raise RuntimeError("bilinear(): input batch dimensions do not match at dim %d: got %d and %d" % (i, input1.size(i), input2.size(i)))
    if input1.size(-1) != weight.size(1):
        raise RuntimeError("bilinear(): input1 size does not match weight size: got %d but expected %d" % (input1.size(-1), weight.size(1)))
    if input2.size(-1) != weight.size(2):
        raise RuntimeError("bilinear(): input2 size does not match weight size: got %d but expected %d" % (input2.size(-1), weight.size(2)))
    if bias is not None and bias.size(0) != weight.size(0):
        raise RuntimeError("bilinear(): bias size does not match weight size: got %d but expected %d" % (bias.size(0), weight.size(0)))
    size = list(input1.shape)
    size[-1] = weight.size(0)
    flat1 = input1.reshape(-1, input1.size(-1))
    flat2 = input2.reshape(-1, input2.size(-1))
    out = _wrap(_op("reshape_alias", _op("trilinear", flat1._t, flat2._t, weight._t), js(size)))
    return out if bias is None else out + bias


def _check_p(p):
    if p < 0.0 or p > 1.0:
        raise ValueError("dropout probability has to be between 0 and 1, but got %s" % p)


def alpha_dropout(input, p=0.5, training=False, inplace=False):
    _check_p(p)
    if not training or p == 0 or input.numel() == 0:
        return input
    from .. import zeros

    if p == 1:
        return input.mul_(zeros((), dtype=input.dtype)) if inplace else input * zeros((), dtype=input.dtype)
    # ATen's _dropout_impl with alpha: the Bernoulli(1 - p) mask dropout draws, mapped to a·mask and an offset b
    # that keeps SELU's mean and variance.
    alpha = 1.7580993408473766
    a = 1.0 / ((alpha * alpha * p + 1) * (1 - p)) ** 0.5
    noise = zeros(*input.shape, dtype=input.dtype).bernoulli_(1 - p)
    b = noise.add(-1).mul_(alpha * a).add_(alpha * a * p)
    noise.mul_(a)
    return (input.mul_(noise) if inplace else input * noise).add_(b)


def dropout3d(input, p=0.5, training=True, inplace=False):
    import warnings

    from .functional import _feature_dropout

    _check_p(p)
    inp_dim = input.dim()
    if inp_dim not in (4, 5):
        warnings.warn(
            "dropout3d: Received a %d-D input to dropout3d, which is deprecated and will result in an error in a "
            "future release. To retain the behavior and silence this warning, please use dropout instead. Note that "
            "dropout3d exists to provide channel-wise dropout on inputs with 3 spatial dimensions, a channel "
            "dimension, and an optional batch dimension (i.e. 4D or 5D inputs)." % inp_dim
        )
    if inp_dim == 5:
        return _feature_dropout(input, p, training, inplace)
    if inplace:
        # PyTorch unsqueezes in place and squeezes back; a (C, 1, ...) mask makes the same draws.
        return _feature_dropout(input, p, training, True, unbatched=True)
    return _feature_dropout(input.unsqueeze(0), p, training, False).squeeze(0)
