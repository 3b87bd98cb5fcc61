"""Functions PyTorch writes in Python over its ops (torch/functional.py in PyTorch): meshgrid."""

import warnings

from _playground.frames import user_stacklevel

from ._tensor import Tensor


def meshgrid(*tensors, indexing=None):
    """Grids from 0-d or 1-d tensors, as expanded views (grad_fn ExpandBackward0), 'ij' unless told 'xy'."""
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    if indexing is None:
        warnings.warn(
            "torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument.",
            UserWarning,
            stacklevel=user_stacklevel(),
        )
        indexing = "ij"
    if indexing not in ("ij", "xy"):
        raise RuntimeError('torch.meshgrid: indexing must be one of "xy" or "ij", but received: %s' % (indexing,))
    if not tensors:
        raise RuntimeError("meshgrid expects a non-empty TensorList")
    for t in tensors:
        if not isinstance(t, Tensor):
            raise TypeError("meshgrid(): argument 'tensors' must be tuple of Tensors, not %s" % type(t).__name__)
        if t.dim() > 1:
            raise RuntimeError("torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: %s" % (t,))
        if t.dtype != tensors[0].dtype:
            raise RuntimeError("meshgrid expects all tensors to have the same dtype")
    sizes = [t.numel() for t in tensors]
    order = list(range(len(tensors)))
    if indexing == "xy" and len(tensors) >= 2:
        order[0], order[1] = 1, 0
    shape = [sizes[i] for i in order]
    out = []
    for i, t in enumerate(tensors):
        view = [1] * len(tensors)
        view[order.index(i)] = sizes[i]
        out.append(t.reshape(view).expand(shape))
    return tuple(out)
