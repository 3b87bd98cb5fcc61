"""The `variables` event: the tensors, modules and optimizers bound to names in the user's code, by scope.

Sent when the run ends (the module globals, and the locals of the user frames an uncaught exception, a stop or
sys.exit() left on the stack) and at each whole-graph capture of a backward() (the frame that called it and
its callers, plus globals). The editor uses it for hovers (`w`, `model.linear.weight`, `w.grad`, `model`,
`self.weights` in a method, `loss` inside `def main():`); names are naming.py's, the same as backward leaves
get. The script's own globals carry no `scope` index: consumers that predate scopes read them as before.
"""

import sys

import _playground_host

from . import frames, hooks, naming


def _limit():
    # VARIABLES_LIMIT in src/protocol/events.ts, passed in the host settings: an event stays small whatever
    # the script holds.
    return int(_playground_host.settings.variablesLimit)


def _describe(name, tensor, key, E, cache):
    """The VariableInfo dicts for one name: the tensor, and its gradient as `name.grad` when it has one. `key`
    is the tensor's engine id."""
    t = tensor._t
    # Keyed by the engine's tensor id: the JS proxies Python holds for a grad are fresh objects on every access,
    # so Python's id() of one can be reused by the next.
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


# Most modules and optimizers an event describes.
_OBJECT_LIMIT = 50


def _object_info(name, value, Module, Optimizer, E, cache):
    if isinstance(value, Module):
        return _module_info(name, value, E, cache)
    if Optimizer is not None and isinstance(value, Optimizer):
        return _optimizer_info(name, value)
    return None


def _objects(namespace, Module, Optimizer, E, cache, room):
    """The modules and optimizers bound to names in a namespace, and one level into plain objects (`self.model`
    and `self.optimizer` of a trainer class)."""
    out = []
    for name, value in list(namespace.items()):
        if len(out) >= room:
            break
        if name.startswith("__"):
            continue
        try:
            info = _object_info(name, value, Module, Optimizer, E, cache)
            if info is not None:
                out.append(info)
                continue
            if not naming.is_plain_object(value):
                continue
            attrs = vars(value)
            if len(attrs) > naming.FANOUT:
                continue
            for attr, v in list(attrs.items()):
                if len(out) >= room:
                    break
                info = None if attr.startswith("__") else _object_info(name + "." + attr, v, Module, Optimizer, E, cache)
                if info is not None:
                    out.append(info)
        except Exception:
            # An object that cannot describe itself (a broken custom repr) is left out, not fatal.
            continue
    return out


def _entries(namespace, E):
    """(name, tensor, engine id, in_module) for a namespace's names, each name once."""
    seen = set()
    out = []
    for name, tensor, in_module in naming.named_tensors_with_origin(namespace):
        if name in seen:
            continue
        seen.add(name)
        try:
            key = int(E.tensor_id(tensor._t))
        except Exception:
            continue
        out.append((name, tensor, key, in_module))
    return out


def describe(namespaces, objects=True):
    """(variables, truncated, objects) for [(scope index or None for the globals, namespace)]. A tensor bound to
    a name that is also a parameter or buffer of a module in the same namespace or in the globals gets that
    module path as `aliasOf` (`W1 = model[0].weight`)."""
    if naming.tensor_types() is None:
        return [], 0, []
    limit = _limit()
    E = _playground_host.binding
    # Shared by every scope of the event: the same tensor is often bound in several frames (an argument).
    cache = {}
    listed = [(index, _entries(namespace, E)) for index, namespace in namespaces]
    module_paths_of_globals = {}
    for index, entries in listed:
        if index is None:
            module_paths_of_globals = _module_paths(entries)
    variables = []
    dropped = 0
    for index, entries in listed:
        paths = _module_paths(entries)
        if index is not None:
            for key, path in module_paths_of_globals.items():
                paths.setdefault(key, path)
        for name, tensor, key, in_module in entries:
            if len(variables) >= limit:
                dropped += 1
                continue
            try:
                described = _describe(name, tensor, key, E, cache)
            except Exception:
                # A tensor the engine cannot describe (e.g. freed by a failed op) is left out, not fatal.
                continue
            alias = None if in_module else paths.get(key)
            for i, entry in enumerate(described):
                if index is not None:
                    entry["scope"] = index
                if alias is not None:
                    entry["aliasOf"] = alias if i == 0 else alias + ".grad"
            room = limit - len(variables)
            variables.extend(described[:room])
            dropped += len(described) - len(described[:room])
    found_objects = []
    if objects:
        types = naming.tensor_types()
        optim = sys.modules.get("torch.optim")
        Optimizer = getattr(optim, "Optimizer", None)
        for index, namespace in namespaces:
            room = _OBJECT_LIMIT - len(found_objects)
            if room <= 0:
                break
            for info in _objects(namespace, types[1], Optimizer, E, cache, room):
                if index is not None:
                    info["scope"] = index
                found_objects.append(info)
    return variables, dropped, found_objects


def _module_paths(entries):
    """Engine tensor id → the first module path naming it (`model.0.weight`)."""
    paths = {}
    for name, _tensor, key, in_module in entries:
        if in_module and key not in paths:
            paths[key] = name
    return paths


# ---- Scopes ----

# Code object → (first line, last line) of its source; code objects live as long as their functions.
_code_lines = {}


def _lines(code):
    found = _code_lines.get(code)
    if found is None:
        last = code.co_firstlineno
        stack = [code]
        # Nested functions' lines are their own code objects': a function that ends with a `def` ends where
        # that def's body ends.
        while stack:
            c = stack.pop()
            for _start, _end, line in c.co_lines():
                if line is not None and line > last:
                    last = line
            stack.extend(k for k in c.co_consts if isinstance(k, type(code)))
        found = _code_lines[code] = (code.co_firstlineno, last)
    return found


def _scope_info(frame, line, raised):
    code = frame.f_code
    first, last = _lines(code)
    info = {
        "kind": "module" if code.co_name == "<module>" else "function",
        "name": getattr(code, "co_qualname", code.co_name),
        "file": code.co_filename,
        "firstLine": first,
        "lastLine": last,
        "line": line,
    }
    if raised:
        info["raised"] = True
    return info


def scoped_namespaces(user_frames, globals_dict, raised_frame=None):
    """(scopes, namespaces) for describe(): one ScopeInfo per user frame (innermost first) that is not the
    script's module level, then the globals."""
    scopes = []
    namespaces = []
    for frame, line in user_frames:
        if frame.f_globals is globals_dict and frame.f_code.co_name == "<module>":
            continue
        namespaces.append((len(scopes), frame.f_locals))
        scopes.append(_scope_info(frame, line, frame is raised_frame))
    namespaces.append((None, globals_dict))
    return scopes, namespaces


def event(file, scopes, namespaces, at=None):
    found, truncated, objects = describe(namespaces)
    out = {"type": "variables", "file": file, "variables": found, "truncated": truncated, "objects": objects}
    if scopes:
        out["scopes"] = scopes
    if at is not None:
        out["at"] = at
    return out


# The run's module globals and file, for the snapshots taken during backward() (begin_run / end_run).
_run = None


def begin_run(globals_dict, file):
    global _run
    _run = (globals_dict, file)
    _code_lines.clear()


def end_run():
    global _run
    _run = None


def snapshot_at_backward():
    """Called by the graph reporter (during backward(), right after a step's whole graph was sent): the
    variables of the frame that called backward(), its callers and the globals, as an `at: 'backward'` event.
    The host stamps the step."""
    if _run is None:
        return
    globals_dict, file = _run
    try:
        user = [(f, f.f_lineno) for f in frames.user_frames(sys._getframe(0))]
        scopes, namespaces = scoped_namespaces(user, globals_dict)
        hooks.emit_event(event(file, scopes, namespaces, at="backward"))
    except Exception:
        # Hovers then read the previous snapshot; the user's step must not fail for it. A stop
        # (KeyboardInterrupt) passes.
        pass
