"""The names a script gives its tensors, by the playground's rules (src/python/_playground/naming.py, which
this mirrors: change both together): `w`, `params['w']`, `xs[0]`, `self.w`, `model.linear.weight`.

Module-level (and local) names, list/tuple items as `name[i]`, dict items with string keys as `name['k']`,
and one level into objects: an nn.Module's parameters and buffers by their dotted path, tensor and Module
attributes of other objects. Only reads; it never calls user code other than attribute access on plain objects.
"""

import torch

FANOUT = 64

Tensor = torch.Tensor
Module = torch.nn.Module


def named_tensors(scope):
    """(name, tensor) pairs in a scope's naming order; a tensor may appear under several names."""
    for name, tensor, _ in named_tensors_with_origin(scope):
        yield name, tensor


def named_tensors_with_origin(scope):
    """(name, tensor, in_module) triples: in_module tells a module's parameter or buffer (`model.0.weight`,
    `self.linear.weight`) from a tensor bound to a name, a container item or an object's attribute."""
    for name, value in list(scope.items()):
        if name.startswith("__"):
            continue
        if isinstance(value, Tensor):
            yield name, value, False
        elif isinstance(value, Module):
            yield from _module_tensors(name, value)
        elif isinstance(value, (list, tuple)):
            if len(value) <= FANOUT:
                for i, v in enumerate(value):
                    if isinstance(v, Tensor):
                        yield "%s[%d]" % (name, i), v, False
        elif isinstance(value, dict):
            if len(value) <= FANOUT:
                for k, v in list(value.items()):
                    if isinstance(k, str) and isinstance(v, Tensor):
                        yield "%s[%r]" % (name, k), v, False
        elif _is_plain_object(value):
            try:
                attrs = vars(value)
            except TypeError:
                continue
            if len(attrs) > FANOUT:
                continue
            for attr, v in list(attrs.items()):
                if attr.startswith("__"):
                    continue
                if isinstance(v, Tensor):
                    yield name + "." + attr, v, False
                elif isinstance(v, Module):
                    yield from _module_tensors(name + "." + attr, v)


def _module_tensors(prefix, module):
    try:
        for pname, p in module.named_parameters():
            yield prefix + "." + pname, p, True
        for bname, b in module.named_buffers():
            yield prefix + "." + bname, b, True
    except Exception:
        # A half-built user Module (the script failed inside __init__) must not cost the other names.
        return


def _is_plain_object(value):
    if isinstance(value, type) or not hasattr(value, "__dict__"):
        return False
    # Modules, functions and classes (whose types live in builtins) hold the script's imports, not its data.
    return type(value).__module__ not in ("builtins", "module")


def leaf_names(frame):
    """{id(tensor): (name, tensor)} for the tensors requiring grad seen from `frame`: its locals first, then
    its module's globals; the first name found for a tensor wins."""
    return tensor_names(frame, inputs=False)


def tensor_names(frame, inputs=True):
    """leaf_names, and with `inputs` also the tensors that do not require grad (the data a graph reads: `X`,
    `y`, a target), which the graph report draws as input nodes."""
    found = {}
    if frame is None:
        return found
    scopes = [frame.f_locals]
    if frame.f_globals is not frame.f_locals:
        scopes.append(frame.f_globals)
    for scope in scopes:
        for name, tensor in named_tensors(scope):
            if id(tensor) not in found and (inputs or tensor.requires_grad):
                found[id(tensor)] = (name, tensor)
    return found


# id(module) -> the name module_name last found it under (checked by identity before use).
_root_names = {}


def module_name(frame, module):
    """The name `frame` (the user's frame calling a module from outside any module) binds `module` to, its
    locals first: the prefix of its parameters' names (`model` of `model.0.weight`); None if none does. As the
    playground's Module.__call__ (src/python/torch/nn/modules/module.py, _call_name)."""
    if frame is None:
        return None
    local, glob = frame.f_locals, frame.f_globals
    cached = _root_names.get(id(module))
    if cached is not None and (local.get(cached) is module or glob.get(cached) is module):
        return cached
    for scope in (local, glob):
        for key, value in list(scope.items()):
            if value is module and not key.startswith("_"):
                if len(_root_names) > 256:
                    _root_names.clear()
                _root_names[id(module)] = key
                return key
    return None
