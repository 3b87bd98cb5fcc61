"""Keeps the host's modules out of the script's imports: defence in depth, not a sandbox.

A script runs with the same reach as our own packages unless something says otherwise, and our packages need
the host (the engine's binding, events). So imports of the names below are refused when the code asking is
the user's: the script and anything it defines (frames.is_internal_file says which files are ours; a frame in
the standard library or Pyodide's own packages defers to whoever called it, so a stdlib function a script
calls cannot import them for it either). What this cannot stop, the README's "What a script can reach" says.

`import X` finds sys.modules['X'] without asking sys.meta_path, so a finder would not do: builtins.__import__
itself is wrapped, and importlib's import_module and __import__ with it.
"""

import builtins
import importlib
import sys
from types import ModuleType

from pyodide.ffi import JsProxy

from . import hooks
from .frames import _internal, is_internal_file

# Module roots a script may not import, each with why (a submodule is refused with its package).
_BLOCKED = frozenset(
    {
        # The JavaScript global object of the worker: process, require, the file system, the network.
        "js",
        # Pyodide's own JavaScript API: runPython/loadPackage and, through them, the same JavaScript globals.
        "pyodide_js",
        # The host's module: emit() would forge run events, binding is the whole engine table.
        "_playground_host",
        # Our driver and hooks: hooks.emit_event would forge run events, run.run would nest runs.
        "_playground",
    }
)

# Files of the standard library and Pyodide's packages (and importlib's frozen frames): neutral, so the
# decision goes to the frame that called into them.
_LIB_PREFIXES = tuple(
    {"<frozen "}
    | {p.rstrip("/") + "/" for p in sys.path if p.startswith("/lib/")}
)

_import = builtins.__import__
_import_module = importlib.import_module
_getframe = sys._getframe
_emit_event = hooks.emit_event

# Absolute names and packages whose root is not blocked: nothing to decide when they come again.
_clear = set()


def _trusted(frame):
    """Whether the import asked for by code running in `frame` comes from our packages (or the host)."""
    while frame is not None:
        name = frame.f_code.co_filename
        if name in _internal or is_internal_file(name):
            return True
        if not name.startswith(_LIB_PREFIXES):
            return False
        frame = frame.f_back
    # No Python frame left: the worker itself (pyimport) asked.
    return True


def _missing(root):
    # CPython's words for a module that does not exist (for "a.b", it names "a").
    return ModuleNotFoundError("No module named %r" % root, name=root)


def _relative_root(globals):
    # A relative import's package is the importer's (a script could hand exec globals naming ours).
    package = (globals or {}).get("__package__") or (globals or {}).get("__name__") or ""
    return package.partition(".")[0]


def _forbidden(value):
    # What `from our_module import name` must not hand a script: the host's objects by another name.
    if isinstance(value, ModuleType):
        return value.__name__.partition(".")[0] in _BLOCKED
    return isinstance(value, JsProxy) or value is _emit_event


def _check_fromlist(module, fromlist):
    names = fromlist
    if "*" in fromlist:
        names = getattr(module, "__all__", None) or [n for n in vars(module) if not n.startswith("_")]
    for attr in names:
        if attr != "*" and _forbidden(getattr(module, attr, None)):
            raise ImportError(
                "cannot import name %r from %r (%s)" % (attr, module.__name__, getattr(module, "__file__", "unknown location")),
                name=module.__name__,
                path=getattr(module, "__file__", None),
            )


def _guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
    # Runs for every import statement, our hot functions' lazy imports included (Tensor.backward's, `from .
    # import tensor`), so the common case costs set lookups and no call: a name (or a relative import's package)
    # once seen not to be blocked goes to _clear; our own `from ... import` is known by the importer's globals.
    if level == 0:
        if name not in _clear:
            _check(name.partition(".")[0], name, _getframe(1))
    else:
        try:
            package = globals["__package__"]
        except (KeyError, TypeError):
            package = None
        if package is None or package not in _clear:
            _check(_relative_root(globals), package, _getframe(1))
    module = _import(name, globals, locals, fromlist, level)
    if fromlist:
        try:
            importer = globals["__file__"]
        except (KeyError, TypeError):
            importer = None
        if importer not in _internal and not _trusted(_getframe(1)):
            _check_fromlist(module, fromlist)
    return module


def _check(root, name, frame):
    if root in _BLOCKED:
        if not _trusted(frame):
            raise _missing(root)
    elif name:
        _clear.add(name)


def _guarded_import_module(name, package=None):
    absolute = (package or "") if name.startswith(".") else name
    if absolute not in _clear:
        _check(absolute.partition(".")[0], absolute, _getframe(1))
    return _import_module(name, package)


def _remove_run_js():
    # pyodide.code.run_js is JavaScript's eval under a Python name; nothing of ours uses it.
    import pyodide.code

    if hasattr(pyodide.code, "run_js"):
        del pyodide.code.run_js
    pyodide.code.__all__ = [n for n in getattr(pyodide.code, "__all__", ()) if n != "run_js"]


def install():
    """Once per interpreter, before the first script (run.py calls it when the worker loads it)."""
    if builtins.__import__ is _guarded_import:
        return
    _remove_run_js()
    builtins.__import__ = _guarded_import
    importlib.__import__ = _guarded_import
    importlib.import_module = _guarded_import_module
