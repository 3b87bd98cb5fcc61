"""Small utilities torch and its subpackages share: typename, and the rebuild functions .pt files call."""
from ._C import E
from ._tensor import Tensor


def typename(obj):
    """torch.typename: how PyTorch names a value's type in its error messages."""
    if isinstance(obj, Tensor):
        return obj.type()
    module = getattr(obj, "__module__", "") or ""
    if hasattr(obj, "__qualname__"):
        qualname = obj.__qualname__
    elif hasattr(obj, "__name__"):
        qualname = obj.__name__
    else:
        module = obj.__class__.__module__ or ""
        qualname = obj.__class__.__qualname__
    if module in ("", "builtins"):
        return qualname
    return "%s.%s" % (module, qualname)



# The functions a .pt file's pickle calls to make tensors again (torch.save writes them, torch.load calls them:
# serialization.py). The names and arguments are PyTorch's, so files move between the two.


def _rebuild_tensor(storage, storage_offset, size, stride):
    from ._tensor_args import _wrap

    size = tuple(size)
    return _wrap(E.tensor_over_storage(storage._data, storage.dtype.name, storage_offset, len(size), *size, *stride))


def _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks, metadata=None):
    if metadata:
        raise NotImplementedError("tensor metadata %r (conjugate or negative bits) is not supported by Autograd Playground" % (metadata,))
    tensor = _rebuild_tensor(storage, storage_offset, size, stride)
    tensor.requires_grad = requires_grad
    # PyTorch saves no hooks either (backward_hooks is always empty in its files).
    return tensor


def _rebuild_parameter(data, requires_grad, backward_hooks):
    from .nn.parameter import Parameter

    return Parameter(data, requires_grad)


def _rebuild_parameter_with_state(data, requires_grad, backward_hooks, state):
    param = _rebuild_parameter(data, requires_grad, backward_hooks)
    if isinstance(state, tuple) and len(state) == 2:
        # (dict state, slots state), as PyTorch's _get_obj_state makes for a class with __slots__.
        state, slots = state
        for k, v in (slots or {}).items():
            setattr(param, k, v)
    param.__dict__.update(state or {})
    return param
