# Lists every parameter of the playground's public torch and NumPy functions and methods that the function's
# code never reads (test/python/torch/unread-parameters.test.ts): a parameter nobody reads is an argument the
# binding drops, so `torch.add(a, b, out=c)` would give numbers without `c` and no error. A `**kwargs` counts the
# same way: read (passed on, checked) or absent.
#
# "Read" is a load of the name in the function's bytecode, or a load of it as a free variable in a function
# defined inside (a closure). Wrappers that forward everything (`__wrapped__`, as torch's NumPy-name wrapper
# sets) are looked through, and a function that always raises has nothing to drop. Prints one JSON object:
# {"unread": ["torch.add(out)", ...], "scanned": N}.
import dis
import inspect
import json
import sys
import types

import numpy
import numpy.random
import torch
import torch.nn
import torch.nn.functional

_READS = {"LOAD_FAST", "LOAD_FAST_BORROW", "LOAD_FAST_CHECK", "LOAD_FAST_LOAD_FAST", "LOAD_FAST_BORROW_LOAD_FAST_BORROW", "LOAD_DEREF", "LOAD_FROM_DICT_OR_DEREF"}


def _reads(code, names, free=False):
    """The names of `names` this code object (and the functions it defines) load."""
    found = set()
    for ins in dis.get_instructions(code):
        op = ins.opname
        if op == "STORE_FAST_LOAD_FAST":
            loaded = (ins.argval[1],)
        elif op in _READS:
            if free and op.startswith("LOAD_FAST"):
                continue  # a nested function's own local of the same name
            loaded = ins.argval if isinstance(ins.argval, tuple) else (ins.argval,)
        else:
            continue
        found.update(n for n in loaded if n in names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            inner = names & set(const.co_freevars)
            if inner:
                found |= _reads(const, inner, True)
    return found


def _parameters(code):
    n = code.co_argcount + code.co_kwonlyargcount
    n += bool(code.co_flags & inspect.CO_VARARGS) + bool(code.co_flags & inspect.CO_VARKEYWORDS)
    return code.co_varnames[:n]


def _never_returns(code):
    """A function that always raises refuses every argument: nothing it is given can be dropped."""
    return not any(ins.opname in ("RETURN_VALUE", "RETURN_CONST", "YIELD_VALUE") for ins in dis.get_instructions(code))


def unread(fn):
    code = fn.__code__
    params = [p for p in _parameters(code) if p not in ("self", "cls")]
    if not params or _never_returns(code):
        return []
    got = _reads(code, set(params))
    return [p for p in params if p not in got]


def _ours(obj):
    module = getattr(obj, "__module__", None) or ""
    return module.split(".")[0] in ("torch", "numpy")


def _function(obj):
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    if isinstance(obj, property):
        return None
    obj = getattr(obj, "__func__", obj)
    while isinstance(obj, types.FunctionType) and getattr(obj, "__wrapped__", None) is not None:
        obj = obj.__wrapped__
    return obj if isinstance(obj, types.FunctionType) and _ours(obj) else None


_DUNDERS = ("__init__", "__new__", "__call__")
seen = set()
found = []


def scan_function(label, obj):
    fn = _function(obj)
    if fn is None or fn.__code__ in seen:
        return
    seen.add(fn.__code__)
    missing = unread(fn)
    if missing:
        found.append("%s(%s)" % (label, ", ".join(missing)))


def scan_class(label, cls):
    for name in sorted(set(dir(cls))):
        if name.startswith("_") and name not in _DUNDERS:
            continue
        try:
            attr = inspect.getattr_static(cls, name)
        except AttributeError:
            continue
        if isinstance(attr, property):
            for part in (attr.fget, attr.fset):
                if part is not None:
                    scan_function("%s.%s" % (label, name), part)
        else:
            scan_function("%s.%s" % (label, name), attr)


def scan_module(label, module, classes=True):
    names = getattr(module, "__all__", None) or dir(module)
    for name in sorted(names):
        if name.startswith("_"):
            continue
        try:
            obj = getattr(module, name)
        except Exception:
            continue
        if isinstance(obj, type):
            if classes and _ours(obj):
                scan_class("%s.%s" % (label, name), obj)
        else:
            scan_function("%s.%s" % (label, name), obj)


scan_class("Tensor", torch.Tensor)
scan_class("ndarray", numpy.ndarray)
scan_module("torch", torch)
scan_module("torch.linalg", torch.linalg)
scan_module("F", torch.nn.functional)
scan_module("torch.nn", torch.nn)
scan_module("np", numpy)
scan_module("np.random", numpy.random)
if "numpy.linalg" in sys.modules or hasattr(numpy, "linalg"):
    scan_module("np.linalg", numpy.linalg)
print(json.dumps({"unread": found, "scanned": len(seen)}))
