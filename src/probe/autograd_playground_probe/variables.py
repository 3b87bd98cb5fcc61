"""The `variables` event: the tensors, modules and optimizers bound to names in the user's code, named and
described as the playground's src/python/_playground/variables.py does: the module globals, and the locals of
each user frame still on the stack (at the end: the frames the exception, stop or sys.exit() that ended the
script passed through; at a pause: the paused frame and its callers), each with its ScopeInfo."""

import torch

from . import frames, naming
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
    found, dropped = describe([(None, scope)], limit)
    return found, dropped


def describe(namespaces, limit=VARIABLES_LIMIT):
    """(variables, truncated) for [(scope index or None for the globals, namespace)]. A tensor bound to a name
    that is also a parameter or buffer of a module in the same namespace or in the globals gets that module
    path as `aliasOf` (`W1 = model[0].weight`)."""
    # Shared by every scope: the same tensor is often bound in several frames (an argument).
    cache = {}
    listed = [(index, _entries(namespace)) for index, namespace in namespaces]
    global_paths = {}
    for index, entries in listed:
        if index is None:
            global_paths = _module_paths(entries)
    variables = []
    dropped = 0
    with torch.no_grad():
        for index, entries in listed:
            paths = _module_paths(entries)
            if index is not None:
                for key, path in global_paths.items():
                    paths.setdefault(key, path)
            for name, tensor, in_module in entries:
                if len(variables) >= limit:
                    dropped += 1
                    continue
                try:
                    entries_of = _describe(name, tensor, cache)
                except Exception:
                    continue
                alias = None if in_module else paths.get(id(tensor))
                for i, entry in enumerate(entries_of):
                    if index is not None:
                        entry["scope"] = index
                    if alias is not None:
                        entry["aliasOf"] = alias if i == 0 else alias + ".grad"
                room = limit - len(variables)
                variables.extend(entries_of[:room])
                dropped += len(entries_of) - len(entries_of[:room])
    return variables, dropped


def _entries(namespace):
    """(name, tensor, in_module) for a namespace's names, each name once."""
    seen = set()
    out = []
    for name, tensor, in_module in naming.named_tensors_with_origin(namespace):
        if name not in seen:
            seen.add(name)
            out.append((name, tensor, in_module))
    return out


def _module_paths(entries):
    """id(tensor) -> the first module path naming it (`model.0.weight`)."""
    paths = {}
    for name, tensor, in_module in entries:
        if in_module and id(tensor) not in paths:
            paths[id(tensor)] = name
    return paths


def scope_info(frame, line, display, raised=False):
    """ScopeInfo (src/protocol/events.ts) of a user frame at `line`."""
    code = frame.f_code
    last = code.co_firstlineno
    stack = [code]
    # Nested functions' lines are their own code objects': a function that ends with a `def` ends where that
    # def's body ends.
    while stack:
        c = stack.pop()
        for _start, _end, at in c.co_lines() if hasattr(c, "co_lines") else ():
            if at is not None and at > last:
                last = at
        stack.extend(k for k in c.co_consts if hasattr(k, "co_firstlineno"))
    module = code.co_name == "<module>"
    info = {"kind": "module" if module else "function", "name": getattr(code, "co_qualname", code.co_name),
            "file": display(code.co_filename), "firstLine": 1 if module else code.co_firstlineno, "lastLine": last,
            "line": line}
    if raised:
        info["raised"] = True
    return info


def event(file, user_frames, globals_dict, display, raised_frame=None):
    """The variables event for [(frame, line)] of user frames, innermost first (the script's module level is
    the globals, listed last without a scope)."""
    scopes = []
    namespaces = []
    for frame, line in user_frames:
        if frame.f_globals is globals_dict and frame.f_code.co_name == "<module>":
            continue
        namespaces.append((len(scopes), frame.f_locals))
        scopes.append(scope_info(frame, line, display, frame is raised_frame))
    namespaces.append((None, globals_dict))
    found, truncated = describe(namespaces)
    objects = []
    for index, names in namespaces:
        for info in collect_objects(names, 50 - len(objects)):
            if index is not None:
                info["scope"] = index
            objects.append(info)
    out = {"type": "variables", "file": file, "variables": found, "truncated": truncated, "objects": objects}
    if scopes:
        out["scopes"] = scopes
    return out


def traceback_user_frames(tb):
    """(frame, line) of the user frames an exception passed through, innermost first, each at the line where
    the exception passed it."""
    found = []
    while tb is not None:
        if not frames.is_internal(tb.tb_frame.f_code.co_filename):
            found.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    found.reverse()
    return found


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


def collect_objects(scope, limit=50):
    Optimizer = torch.optim.Optimizer
    out = []
    if limit <= 0:
        return out
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
            if len(out) >= limit:
                break
    return out
