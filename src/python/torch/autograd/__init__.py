"""torch.autograd: backward() and grad() over the engine's autograd; the grad mode switches live in grad_mode."""
import warnings as _warnings

from _playground import pause as _pause
from .. import _C
from .._C import E, call as _call, js as _js
from .._tensor import Tensor, _wrap
from . import graph  # noqa: F401
from . import function  # noqa: F401
from . import functional  # noqa: F401
from .function import Function  # noqa: F401
from .grad_mode import _GradMode, _NoParamGradMode, enable_grad, inference_mode, is_grad_enabled, no_grad, set_grad_enabled  # noqa: F401


def _run_backward(root, gradient, retain_graph, create_graph):
    frame = _C.user_frame()
    line = frame.f_lineno if frame is not None else -1
    if gradient is not None and not isinstance(gradient, Tensor):
        from .. import tensor

        gradient = tensor(gradient, dtype=root.dtype)
    # Leaf names, when this step's report needs them, come from the namer the run registered
    # (_playground.naming.name_leaves), called back from inside this call.
    # Non-zero when the debugger wants the script to pause (see _playground.pause): no crossing of its own.
    pause = _call(
        E.backward,
        line,
        root._t,
        None if gradient is None else gradient._t,
        retain_graph,
        bool(create_graph),
    )
    if pause:
        _pause.after_backward(pause, frame)


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None):
    if inputs is not None:
        # As Tensor.backward: accumulating into some leaves only needs the engine's backward to take them.
        raise NotImplementedError("Autograd Playground does not support backward(inputs=...); use torch.autograd.grad(loss, inputs)")
    if isinstance(tensors, Tensor):
        tensors = [tensors]
        grad_tensors = [grad_tensors] if grad_tensors is not None else None
    for i, t in enumerate(tensors):
        g = grad_tensors[i] if grad_tensors is not None else None
        _run_backward(t, g, True if i < len(tensors) - 1 else retain_graph, create_graph)


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, only_inputs=True, allow_unused=None, is_grads_batched=False, materialize_grads=False):
    if not only_inputs:
        _warnings.warn(
            "only_inputs argument is deprecated and is ignored now (defaults to True). To accumulate gradient for "
            "other parts of the graph, please use torch.autograd.backward.",
            UserWarning,
            stacklevel=2,
        )
    if is_grads_batched:
        raise NotImplementedError("Autograd Playground does not support torch.autograd.grad(is_grads_batched=True)")
    single_in = isinstance(inputs, Tensor)
    outs = [outputs] if isinstance(outputs, Tensor) else list(outputs)
    ins = [inputs] if single_in else list(inputs)
    gouts = None
    if grad_outputs is not None:
        gouts = [grad_outputs] if isinstance(grad_outputs, Tensor) else list(grad_outputs)
        gouts = [None if g is None else g._t for g in gouts]
    res = _call(
        E.autograd_grad,
        _js([o._t for o in outs]),
        _js([i._t for i in ins]),
        None if gouts is None else _js(gouts),
        retain_graph,
        bool(create_graph),
        bool(allow_unused or materialize_grads),
    )
    out = []
    for i, r in enumerate(res):
        if r is None and materialize_grads:
            from .. import zeros_like

            out.append(zeros_like(ins[i]))
        else:
            out.append(None if r is None else _wrap(r))
    return tuple(out)


class Variable(Tensor):
    """Deprecated wrapper kept for old tutorials: Variable(t, requires_grad=True) is just a tensor."""

    def __new__(cls, data, requires_grad=False):
        t = data.detach() if isinstance(data, Tensor) else __import__("torch").tensor(data)
        if requires_grad:
            t.requires_grad_(True)
        return t


class _AnomalyMode:
    """Accepted for compatibility; the engine's errors already name the failing operation's line."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def set_detect_anomaly(mode, check_nan=True):
    return _AnomalyMode()


detect_anomaly = set_detect_anomaly
