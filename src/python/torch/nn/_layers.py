"""torch.nn.functional's instance_norm, pixel_shuffle/pixel_unshuffle, adaptive_max_pool1d/2d, local_response_norm,
bilinear, alpha_dropout and dropout3d, re-exported by functional.py. instance_norm and local_response_norm are
composed here from other ops, as ATen and PyTorch's Python compose them (so their graphs show the same nodes)."""
from .._C import op as _op
from .._tensor import _wrap

__all__ = ["instance_norm", "pixel_shuffle", "pixel_unshuffle"]


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
