"""Bridge to the TypeScript engine: calling convention, error mapping and source lines.

Everything of substance happens in src/engine; this module only moves values across the boundary.
"""
import sys

from pyodide.ffi import JsException, to_js
from _playground_host import binding as E, settings as _host_settings

_PREFIX = "/playground/lib/"
_getframe = sys._getframe
_call = E.call

try:
    TRACK_LINES = bool(_host_settings.trackLines)
except AttributeError:
    TRACK_LINES = True

_ERRORS = {
    "RuntimeError": RuntimeError,
    "IndexError": IndexError,
    "ValueError": ValueError,
    "TypeError": TypeError,
    "NotImplementedError": NotImplementedError,
}


def _internal_files():
    import os

    found = set()
    for root, _dirs, files in os.walk(_PREFIX):
        for name in files:
            if name.endswith(".py"):
                found.add(os.path.join(root, name))
    return frozenset(found)


# Set membership on the (hash-cached) file name string is the cheapest test per frame; this walk runs on
# every op, so it matters (see "cost of source locations" in `npm run bench`).
_INTERNAL = _internal_files()


def user_line():
    """Line of the innermost frame outside this package: the user's line that caused the op."""
    if not TRACK_LINES:
        return -1
    f = _getframe(2)
    while f is not None and f.f_code.co_filename in _INTERNAL:
        f = f.f_back
    return f.f_lineno if f is not None else -1


def user_frame():
    f = _getframe(1)
    while f is not None and f.f_code.co_filename in _INTERNAL:
        f = f.f_back
    return f


def convert(e):
    """The Python exception PyTorch raises for the engine's error."""
    name = getattr(e, "name", None)
    message = getattr(e, "message", None)
    if message is None:
        message = str(e)
    cls = _ERRORS.get(name)
    if cls is None:
        if name == "RangeError" and ("allocation failed" in message or "Invalid typed array length" in message):
            return RuntimeError(
                "DefaultCPUAllocator: not enough memory: the tensor is too large for the playground's memory"
            )
        return RuntimeError("internal error in Autograd Playground's engine: %s: %s" % (name, message))
    return cls(message)


def op(name, *args):
    # user_line() inlined: this runs once per tensor operation.
    line = -1
    if TRACK_LINES:
        f = _getframe(2)
        while f is not None and f.f_code.co_filename in _INTERNAL:
            f = f.f_back
        if f is not None:
            line = f.f_lineno
    try:
        return _call(line, name, *args)
    except JsException as e:
        raise convert(e) from None


def call(fn, *args):
    """Calls a non-op binding function with the same error mapping."""
    try:
        return fn(*args)
    except JsException as e:
        raise convert(e) from None


def js(value):
    return to_js(value)
