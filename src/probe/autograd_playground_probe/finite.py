"""The NaN finder ("Find where NaN first appears", the run setting detectNonFinite): every torch function the
script calls whose result holds a NaN or an infinity raises a RuntimeError naming it, with the playground's text
(src/protocol/nonFiniteMessage.ts: the extension recognises it by its start and reveals the line), so the
traceback, and the error event, point at the user's line where non-finite values first appeared. lines.py's mode
calls check() after each torch function outside the probe's own work.

Only what the script calls is checked, as in the playground: the gradients backward() computes inside
PyTorch's engine are seen when the script (or its optimizer) next uses them.
"""

import torch

PREFIX = "non-finite values detected: "

_Tensor = torch.Tensor
_isfinite = torch.isfinite
_isnan = torch.isnan
_isinf = torch.isinf

# Operator methods as the playground's op names (src/python/torch/_tensor.py): `a / b` is div, `a **= b` pow_.
_OPERATORS = {
    "add": "add", "sub": "sub", "mul": "mul", "truediv": "div", "div": "div", "floordiv": "floor_divide",
    "mod": "remainder", "pow": "pow", "matmul": "matmul", "neg": "neg", "abs": "abs", "and": "bitwise_and",
    "or": "bitwise_or", "xor": "bitwise_xor", "lshift": "bitwise_left_shift", "rshift": "bitwise_right_shift",
}


def op_name(func):
    name = getattr(func, "__name__", None) or str(func)
    if not (name.startswith("__") and name.endswith("__")):
        return name
    base = name[2:-2]
    if base in _OPERATORS:
        return _OPERATORS[base]
    if base[:1] == "i" and base[1:] in _OPERATORS:
        return _OPERATORS[base[1:]] + "_"
    if base[:1] == "r" and base[1:] in _OPERATORS:
        return "r" + _OPERATORS[base[1:]]
    return base


def message(op, grad_fn, nan, inf):
    what = "NaN and inf" if nan and inf else "NaN" if nan else "inf"
    name = "%s (%s)" % (grad_fn, op) if grad_fn else op
    return (
        "%s%s returned %s values. This is the first operation in the run whose result is not finite (the run was "
        "started with NaN/inf detection on)." % (PREFIX, name, what)
    )


def _outputs(func, args, out):
    if isinstance(out, _Tensor):
        return (out,)
    if isinstance(out, (tuple, list)):
        return out
    if out is None and args and getattr(func, "__name__", "").endswith("_"):
        # An in-place op that returns nothing (torch._foreach_add_): the tensors it wrote.
        first = args[0]
        return first if isinstance(first, (tuple, list)) else (first,)
    return ()


def _reads_tensor(args):
    for a in args:
        if isinstance(a, _Tensor):
            return True
        if isinstance(a, (tuple, list)) and a and isinstance(a[0], _Tensor):
            return True
    return False


def check(func, args, out):
    if not _reads_tensor(args):
        # A factory (torch.tensor([float("nan")]), torch.full(..., -inf)) makes what the script asked for, as
        # the playground's creation functions do without a check.
        return
    for t in _outputs(func, args, out):
        if not isinstance(t, _Tensor) or not (t.is_floating_point() or t.is_complex()) or t.numel() == 0:
            continue
        if t.layout != torch.strided or t.device.type == "meta":
            continue
        if bool(_isfinite(t).all()):
            continue
        nan = bool(_isnan(t).any())
        inf = bool(_isinf(t).any())
        grad_fn = t.grad_fn
        raise RuntimeError(message(op_name(func), type(grad_fn).__name__ if grad_fn is not None else None, nan, inf))
