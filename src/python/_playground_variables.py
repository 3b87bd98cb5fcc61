"""The `variables` event: which tensors the script left in its module globals when it ended.

The editor uses it for hovers (`w`, `model.linear.weight`, `w.grad`), so names follow the naming of backward
leaves (torch.autograd._leaf_names): module-level names, list/tuple items as `name[i]`, and one level into
objects — an nn.Module's parameters and buffers by their dotted path, tensor attributes of other objects
(`self` never appears: an instance is named by the global that holds it). Only reads; it never calls user
code other than attribute access on plain objects.
"""

import sys

import _playground_host

# Same cap as VARIABLES_LIMIT in src/protocol/events.ts: an event stays small whatever the script holds.
LIMIT = 500
# Containers and objects with more entries than this are not looked into (same bound as leaf naming).
_FANOUT = 64


def _tensor_classes():
    """(Tensor, Module) when the script imported torch; None otherwise (nothing can be a tensor then)."""
    torch = sys.modules.get("torch")
    if torch is None:
        return None
    try:
        from torch._tensor import Tensor
        from torch.nn import Module
    except Exception:
        return None
    return Tensor, Module


def _candidates(scope, Tensor, Module):
    """(name, tensor) pairs in naming order; a tensor may appear under several names."""
    for name, value in list(scope.items()):
        if name.startswith("__"):
            continue
        if isinstance(value, Tensor):
            yield name, value
        elif isinstance(value, Module):
            yield from _module_tensors(name, value)
        elif isinstance(value, (list, tuple)):
            if len(value) <= _FANOUT:
                for i, v in enumerate(value):
                    if isinstance(v, Tensor):
                        yield "%s[%d]" % (name, i), v
        elif isinstance(value, dict):
            # A dict of tensors (e.g. `params = {'w': w, 'b': b}`) reads as name['w'] in the script.
            if len(value) <= _FANOUT:
                for k, v in list(value.items()):
                    if isinstance(k, str) and isinstance(v, Tensor):
                        yield "%s[%r]" % (name, k), v
        elif _is_plain_object(value):
            try:
                attrs = vars(value)
            except TypeError:
                continue
            if len(attrs) > _FANOUT:
                continue
            for attr, v in list(attrs.items()):
                if attr.startswith("__"):
                    continue
                if isinstance(v, Tensor):
                    yield name + "." + attr, v
                elif isinstance(v, Module):
                    yield from _module_tensors(name + "." + attr, v)


def _module_tensors(prefix, module):
    try:
        for pname, p in module.named_parameters():
            yield prefix + "." + pname, p
        for bname, b in module.named_buffers():
            yield prefix + "." + bname, b
    except Exception:
        # A half-built user Module (e.g. the script failed inside __init__) must not cost the other variables.
        return


def _is_plain_object(value):
    if isinstance(value, type) or not hasattr(value, "__dict__"):
        return False
    # Modules, functions and classes (whose types live in builtins) hold the script's imports, not its data.
    # Callable instances stay: a hand-written model class with __call__ is exactly what should be looked into.
    return type(value).__module__ not in ("builtins", "module")


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
    classes = _tensor_classes()
    if classes is None:
        return [], 0
    Tensor, Module = classes
    E = _playground_host.binding
    cache = {}
    seen = set()
    variables = []
    dropped = 0
    for name, tensor in _candidates(scope, Tensor, Module):
        if name in seen:
            continue
        seen.add(name)
        if len(variables) >= LIMIT:
            dropped += 1
            continue
        try:
            entries = _describe(name, tensor, E, cache)
        except Exception:
            # A tensor the engine cannot describe (e.g. freed by a failed op) is left out, not fatal.
            continue
        room = LIMIT - len(variables)
        variables.extend(entries[:room])
        dropped += len(entries) - len(entries[:room])
    return variables, dropped
