"""The `variables` event at the end of a run: the tensors, modules and optimizers the script left in its module
globals, named and described as the playground's src/python/_playground/variables.py does."""

import torch

from . import naming
from .summary import summarize

# VARIABLES_LIMIT in src/protocol/events.ts.
VARIABLES_LIMIT = 500
_REPR_LIMIT = 4000
_PARAMETER_LIMIT = 50


def _cached(t, cache):
    s = cache.get(id(t))
    if s is None:
        s = cache[id(t)] = (summarize(t), t)
    return s[0]


def _describe(name, tensor, cache):
    summary = _cached(tensor, cache)
    # .grad of a non-leaf that does not retain it warns in PyTorch; it is None anyway.
    grad = tensor.grad if tensor.is_leaf or getattr(tensor, "retains_grad", False) else None
    grad_summary = None if grad is None else _cached(grad, cache)
    out = [{
        "name": name,
        "shape": list(summary["shape"]),
        "dtype": summary["dtype"],
        "requiresGrad": bool(tensor.requires_grad),
        "gradFn": None if tensor.grad_fn is None else type(tensor.grad_fn).__name__,
        "isLeaf": bool(tensor.is_leaf),
        "value": summary,
        "grad": grad_summary,
    }]
    if grad is not None:
        out.append({
            "name": name + ".grad",
            "shape": list(grad_summary["shape"]),
            "dtype": grad_summary["dtype"],
            "requiresGrad": bool(grad.requires_grad),
            "gradFn": None if grad.grad_fn is None else type(grad.grad_fn).__name__,
            "isLeaf": bool(grad.is_leaf),
            "value": grad_summary,
            "grad": None,
        })
    return out


def collect(scope, limit=VARIABLES_LIMIT):
    """(variables, truncated) for a module's globals."""
    cache = {}
    seen = set()
    variables = []
    dropped = 0
    with torch.no_grad():
        for name, tensor in naming.named_tensors(scope):
            if name in seen:
                continue
            seen.add(name)
            if len(variables) >= limit:
                dropped += 1
                continue
            try:
                entries = _describe(name, tensor, cache)
            except Exception:
                continue
            room = limit - len(variables)
            variables.extend(entries[:room])
            dropped += len(entries) - len(entries[:room])
    return variables, dropped


def _repr(value):
    text = repr(value)
    return text if len(text) <= _REPR_LIMIT else text[: _REPR_LIMIT - 1] + "…"


def _module_info(name, module):
    parameters = []
    count = 0
    for pname, p in module.named_parameters():
        count += p.numel()
        if len(parameters) >= _PARAMETER_LIMIT:
            continue
        grad_norm = None
        if p.grad is not None:
            grad_norm = float(torch.linalg.vector_norm(p.grad.detach().to(torch.float64 if p.grad.device.type != "mps" else torch.float32)))
        parameters.append({"name": name + "." + pname, "shape": list(p.shape), "gradNorm": grad_norm})
    return {"name": name, "kind": "module", "className": type(module).__name__, "repr": _repr(module),
            "parameterCount": count, "parameters": parameters}


def _optimizer_info(name, optimizer):
    step = None
    for group in optimizer.param_groups:
        for p in group["params"]:
            s = optimizer.state.get(p, {}).get("step")
            if s is not None:
                step = float(s.item() if hasattr(s, "item") else s)
                break
        if step is not None:
            break
    return {"name": name, "kind": "optimizer", "className": type(optimizer).__name__, "repr": _repr(optimizer),
            "parameterCount": sum(len(g["params"]) for g in optimizer.param_groups), "step": step}


def collect_objects(scope):
    Optimizer = torch.optim.Optimizer
    out = []
    with torch.no_grad():
        for name, value in list(scope.items()):
            if name.startswith("__"):
                continue
            try:
                if isinstance(value, torch.nn.Module):
                    out.append(_module_info(name, value))
                elif isinstance(value, Optimizer):
                    out.append(_optimizer_info(name, value))
            except Exception:
                continue
            if len(out) >= 50:
                break
    return out
