"""torch.nn.utils.clip_grad: scaling gradients to a total norm, and clamping them to a value, as PyTorch 2 does
(one norm per gradient, then the norm of those norms; the returned total norm is a tensor)."""
import functools
import types
import warnings


def _no_grad(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from ... import no_grad

        with no_grad():
            return func(*args, **kwargs)

    return wrapper


def _check_foreach(foreach):
    """foreach= picks PyTorch's kernel, not the values: a CPU build has both, they compute the same norms and
    products, and the playground's one path gives those values for every choice."""
    return foreach


@_no_grad
def get_total_norm(tensors, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    from ... import Tensor, stack, tensor
    from ...linalg import vector_norm

    _check_foreach(foreach)
    tensors = [tensors] if isinstance(tensors, Tensor) else list(tensors)
    norm_type = float(norm_type)
    if len(tensors) == 0:
        return tensor(0.0)
    # As PyTorch's grouping by dtype: the norms of each dtype's tensors, the dtypes in order of first appearance.
    groups = {}
    for t in tensors:
        groups.setdefault(t.dtype, []).append(t)
    norms = [vector_norm(t, norm_type) for group in groups.values() for t in group]
    first = tensors[0].dtype
    total_norm = vector_norm(stack([n.to(first) for n in norms]), norm_type)
    if error_if_nonfinite and (total_norm.isnan() | total_norm.isinf()).item():
        raise RuntimeError(
            "The total norm of order %s for gradients from `parameters` is non-finite, so it cannot be clipped. To "
            "disable this error and scale the gradients by the non-finite norm anyway, set "
            "`error_if_nonfinite=False`" % norm_type
        )
    return total_norm


@_no_grad
def clip_grads_with_norm_(parameters, max_norm, total_norm, foreach=None):
    from ... import Tensor, clamp

    _check_foreach(foreach)
    if isinstance(parameters, Tensor):
        parameters = [parameters]
    grads = [p.grad for p in parameters if p.grad is not None]
    max_norm = float(max_norm)
    if len(grads) == 0:
        return
    clip_coef_clamped = clamp(max_norm / (total_norm + 1e-6), max=1.0)
    for g in grads:
        g.mul_(clip_coef_clamped.to(g.dtype) if clip_coef_clamped.dtype != g.dtype else clip_coef_clamped)


@_no_grad
def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    from ... import Tensor

    if isinstance(parameters, Tensor):
        parameters = [parameters]
    else:
        is_generator = isinstance(parameters, types.GeneratorType)
        parameters = list(parameters)
        if is_generator and len(parameters) == 0:
            warnings.warn("`parameters` is an empty generator, no gradient clipping will occur.", stacklevel=3)
    grads = [p.grad for p in parameters if p.grad is not None]
    total_norm = get_total_norm(grads, norm_type, error_if_nonfinite, foreach)
    clip_grads_with_norm_(parameters, max_norm, total_norm, foreach)
    return total_norm


def clip_grad_norm(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    warnings.warn(
        "`torch.nn.utils.clip_grad_norm` is now deprecated in favor of `torch.nn.utils.clip_grad_norm_`.",
        FutureWarning,
        stacklevel=2,
    )
    return clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite, foreach)


@_no_grad
def clip_grad_value_(parameters, clip_value, foreach=None):
    from ... import Tensor

    _check_foreach(foreach)
    if isinstance(parameters, Tensor):
        parameters = [parameters]
    clip_value = float(clip_value)
    for p in parameters:
        if p.grad is not None:
            p.grad.clamp_(min=-clip_value, max=clip_value)


for _f in (clip_grad_norm, clip_grad_norm_, clip_grad_value_, get_total_norm, clip_grads_with_norm_):
    _f.__module__ = "torch.nn.utils"
