"""Small utilities torch and its subpackages share: typename."""
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

