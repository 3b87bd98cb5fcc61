"""The crossing into the TypeScript engine (src/engine, through src/runtime/bridge/binding.ts): calls, source
lines, and the one translation of the engine's errors into the Python exceptions each library raises.

Like pyodide's own error handling, a JavaScript error is mapped by its `name`: the engine throws errors named
after the Python exception PyTorch raises for the same mistake (TorchError in src/engine/errors.ts).
"""

from pyodide.ffi import JsException, to_js

from _playground_host import binding as E, settings as _host_settings

from . import frames

try:
    TRACK_LINES = bool(_host_settings.trackLines)
except AttributeError:
    TRACK_LINES = True

_call = E.call

# Engine error name -> Python exception. A RangeError is JavaScript's own (typed arrays, a few range checks).
EXCEPTIONS = {
    "RuntimeError": RuntimeError,
    "IndexError": IndexError,
    "ValueError": ValueError,
    "TypeError": TypeError,
    "NotImplementedError": NotImplementedError,
    "RangeError": ValueError,
}

# A JavaScript error whose exact message maps onto one exception whichever library sees it.
_EXACT = {("RangeError", "Range exceeds valid bounds"): OverflowError}

_MEMORY_PHRASES = ("not enough memory", "allocation failed", "Invalid typed array length")


class _Library:
    """How one library words the engine's errors, over the shared table.

    `passes`: the error names raised as EXCEPTIONS says; `out_of_memory`: the exception for a failed
    allocation (None: it counts as any other error), checked before the names when `memory_first`; any other
    error is a bug in the engine, and the message names `label`.
    """

    __slots__ = ("label", "passes", "out_of_memory", "memory_first")

    def __init__(self, label, passes, out_of_memory=None, memory_first=False):
        self.label = label
        self.passes = frozenset(passes)
        self.out_of_memory = out_of_memory
        self.memory_first = memory_first


_TORCH_NAMES = ("RuntimeError", "IndexError", "ValueError", "TypeError", "NotImplementedError")

LIBRARIES = {
    # The engine's own "not enough memory" is already PyTorch's RuntimeError; only JavaScript's failures need words.
    "torch": _Library(
        "engine",
        _TORCH_NAMES,
        lambda: RuntimeError(
            "DefaultCPUAllocator: not enough memory: the tensor is too large for the playground's memory"
        ),
    ),
    "numpy": _Library(
        "NumPy",
        _TORCH_NAMES + ("RangeError",),
        lambda: MemoryError("Unable to allocate the array: it is too large for the playground's memory"),
        memory_first=True,
    ),
    "numpy.random": _Library("numpy.random", ("ValueError", "TypeError", "IndexError")),
}


def _is_out_of_memory(message):
    for phrase in _MEMORY_PHRASES:
        if phrase in message:
            return True
    return False


def convert(e, library="torch"):
    """The Python exception `library` raises for the engine's error `e` (a JsException)."""
    rules = LIBRARIES[library]
    name = getattr(e, "name", None)
    message = getattr(e, "message", None) or str(e)
    exact = _EXACT.get((name, message))
    if exact is not None:
        return exact(message)
    if rules.out_of_memory is not None and (rules.memory_first or name not in rules.passes):
        if _is_out_of_memory(message):
            return rules.out_of_memory()
    if name in rules.passes:
        return EXCEPTIONS[name](message)
    return RuntimeError("internal error in Autograd Playground's %s: %s: %s" % (rules.label, name, message))


def checks_each_op():
    """Whether the host checks each op's result for NaN and inf (the run's detectNonFinite): an engine call that
    stands for many ops (torch._VF's recurrent layers) then runs them one call each, so the error names the op."""
    return bool(_host_settings.detectNonFinite)


def user_line():
    """The user's line for the engine to record on graph nodes; -1 when line tracking is off."""
    return frames.user_line() if TRACK_LINES else -1


_getframe = frames._getframe
_internal = frames._internal
_external = frames._external
_first_user_frame = frames.first_user_frame


def op(name, *args):
    """A torch op: the engine records the user's line on the graph nodes it creates."""
    # frames.user_line() inlined: this runs once per tensor operation, and two Python calls more per op
    # show in `npm run bench`. Files already classified take the set lookups; a new one goes to frames.
    # The walk starts at op's caller's caller: op is called by our own operator methods and functions.
    line = -1
    if TRACK_LINES:
        f = _getframe(2)
        while f is not None and f.f_code.co_filename in _internal:
            f = f.f_back
        if f is not None and f.f_code.co_filename not in _external:
            f = _first_user_frame(f)
        if f is not None:
            line = f.f_lineno
    try:
        return _call(line, name, *args)
    except JsException as e:
        raise convert(e) from None


def call(fn, *args):
    """A binding function other than an op, with torch's error translation."""
    try:
        return fn(*args)
    except JsException as e:
        raise convert(e) from None


def calls(library):
    """(op, call) for a library other than torch: ops record no source line (its values never join the
    autograd graph) and errors are worded the library's way."""

    def library_op(name, *args):
        try:
            return _call(-1, name, *args)
        except JsException as e:
            raise convert(e, library) from None

    def library_call(fn, *args):
        try:
            return fn(*args)
        except JsException as e:
            raise convert(e, library) from None

    return library_op, library_call


def js(value):
    return to_js(value)
