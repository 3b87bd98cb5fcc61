"""The `variables` event: which tensors the script left in its module globals when it ended, and its modules and
optimizers.

The editor uses it for hovers (`w`, `model.linear.weight`, `w.grad`, `model`, `optimizer`); names are
naming.py's, the same as backward leaves get.
"""

import sys

import _playground_host

from . import naming


def _limit():
    # VARIABLES_LIMIT in src/protocol/events.ts, passed in the host settings: an event stays small whatever
    # the script holds.
    return int(_playground_host.settings.variablesLimit)


def _describe(name, tensor, E, cache):
    """The VariableInfo dicts for one name: the tensor, and its gradient as `name.grad` when it has one."""
    t = tensor._t
    # Keyed by the engine's tensor id: the JS proxies Python holds for a grad are fresh objects on every access,
    # so Python's id() of one can be reused by the next.
    key = int(E.tensor_id(t))
    summary = cache.get(key)
    if summary is None:
        summary = E.summary(t).to_py()
        cache[key] = summary
    grad_t = E.grad(t)
    grad_summary = None
    if grad_t is not None:
        gkey = int(E.tensor_id(grad_t))
        grad_summary = cache.get(gkey)
        if grad_summary is None:
            grad_summary = E.summary(grad_t).to_py()
            cache[gkey] = grad_summary
    node = E.grad_fn(t)
    info = {
        "name": name,
        "shape": list(summary["shape"]),
        "dtype": summary["dtype"],
        "requiresGrad": bool(E.requires_grad(t)),
        "gradFn": None if node is None else str(node.name),
        "isLeaf": bool(E.is_leaf(t)),
        "value": summary,
        "grad": grad_summary,
    }
    out = [info]
    if grad_t is not None:
        gnode = E.grad_fn(grad_t)
        out.append(
            {
                "name": name + ".grad",
                "shape": list(grad_summary["shape"]),
                "dtype": grad_summary["dtype"],
                "requiresGrad": bool(E.requires_grad(grad_t)),
                "gradFn": None if gnode is None else str(gnode.name),
                "isLeaf": bool(E.is_leaf(grad_t)),
                "value": grad_summary,
                "grad": None,
            }
        )
    return out


# A module's or optimizer's repr past this many characters is cut (a hover has no room for a model zoo).
_REPR_LIMIT = 4000
# Parameters listed per module.
_PARAMETER_LIMIT = 50


def _repr(value):
    text = repr(value)
    return text if len(text) <= _REPR_LIMIT else text[: _REPR_LIMIT - 1] + "…"


def _module_info(name, module, E, cache):
    parameters = []
    count = 0
    for pname, p in module.named_parameters():
        count += p.numel()
        if len(parameters) >= _PARAMETER_LIMIT:
            continue
        grad_norm = None
        if p.grad is not None:
            gkey = int(E.tensor_id(p.grad._t))
            summary = cache.get(gkey)
            if summary is None:
                summary = cache[gkey] = E.summary(p.grad._t).to_py()
            grad_norm = summary["norm"]
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
    """The modules and optimizers bound to names in a scope, for hovers on `model` and `optimizer`."""
    types = naming.tensor_types()
    optim = sys.modules.get("torch.optim")
    if types is None:
        return []
    Module = types[1]
    Optimizer = getattr(optim, "Optimizer", None)
    E = _playground_host.binding
    cache = {}
    out = []
    for name, value in list(scope.items()):
        if name.startswith("__"):
            continue
        try:
            if isinstance(value, Module):
                out.append(_module_info(name, value, E, cache))
            elif Optimizer is not None and isinstance(value, Optimizer):
                out.append(_optimizer_info(name, value))
        except Exception:
            # An object that cannot describe itself (a broken custom repr) is left out, not fatal.
            continue
        if len(out) >= 50:
            break
    return out


def collect(scope):
    """(variables, truncated) for a module's globals."""
    if naming.tensor_types() is None:
        return [], 0
    limit = _limit()
    E = _playground_host.binding
    cache = {}
    seen = set()
    variables = []
    dropped = 0
    for name, tensor in naming.named_tensors(scope):
        if name in seen:
            continue
        seen.add(name)
        if len(variables) >= limit:
            dropped += 1
            continue
        try:
            entries = _describe(name, tensor, E, cache)
        except Exception:
            # A tensor the engine cannot describe (e.g. freed by a failed op) is left out, not fatal.
            continue
        room = limit - len(variables)
        variables.extend(entries[:room])
        dropped += len(entries) - len(entries[:room])
    return variables, dropped
