"""The `torch` event: this PyTorch's version, and the device the script's model lives on, as the panel's header
names them ("PyTorch 2.11 · cuda:0"). The device is the first one seen: the first parameter of the first module
called with any, or else the root of the first backward(). Each check is one global read once it is known."""

import torch

from . import channel

# Whether the device was reported (the backward() wrapper reads it before calling seen()).
known = False
_handle = None


def install():
    """Sends the version; listens for the device until it is seen (each part feature-tested)."""
    global _handle
    channel.emit({"type": "torch", "version": str(getattr(torch, "__version__", "unknown")), "device": None})
    register = getattr(torch.nn.modules.module, "register_module_forward_pre_hook", None)
    if register is not None:
        _handle = register(_pre_hook)


def _pre_hook(module, args):
    if known:
        return None
    for p in module.parameters():
        seen(p)
        break
    return None


def seen(tensor):
    """Reports `tensor`'s device if none was reported yet."""
    global known, _handle
    if known:
        return
    try:
        device = str(tensor.device)
    except Exception:
        return
    known = True
    if _handle is not None:
        # Removing a global hook from inside one is safe: modules iterate over a copy of the hooks.
        handle, _handle = _handle, None
        handle.remove()
    channel.emit({"type": "torch", "version": str(getattr(torch, "__version__", "unknown")), "device": device})
