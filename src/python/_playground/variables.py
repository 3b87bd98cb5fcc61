"""The `variables` event: which tensors the script left in its module globals when it ended.

The editor uses it for hovers (`w`, `model.linear.weight`, `w.grad`); names are naming.py's, the same as
backward leaves get.
"""

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
