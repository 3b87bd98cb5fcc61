"""Print options: np.set_printoptions, get_printoptions, printoptions, array_repr, array_str. The digits are
NumPy 2.x's to the character, laid out by the engine (src/engine/numpy/format.ts); each run starts from the
defaults."""

import builtins as _b
import math as _math
import operator as _operator

from pyodide.ffi import JsException as _JsException, to_js as _to_js

from _playground import hooks as _playground_hooks
from _playground_host import binding as _E

from .multiarray import asarray
from .scalars import generic


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, suppress=None, nanstr=None,
                     infstr=None, formatter=None, sign=None, floatmode=None, *, legacy=None, override_repr=None):
    if formatter is not None or override_repr is not None:
        raise NotImplementedError("np.set_printoptions(formatter=...) is not supported by Autograd Playground's NumPy")
    if legacy not in (None, False):
        raise NotImplementedError("np.set_printoptions(legacy=...) is not supported by Autograd Playground's NumPy")
    opts = {}
    if precision is not None:
        try:
            opts["precision"] = _operator.index(precision)
        except TypeError:
            raise TypeError("precision must be an integer") from None
    if threshold is not None:
        if not isinstance(threshold, (int, float, generic)):
            raise TypeError("threshold must be numeric")
        opts["threshold"] = float(threshold)
    if edgeitems is not None:
        opts["edgeitems"] = _operator.index(edgeitems)
    if linewidth is not None:
        opts["linewidth"] = _operator.index(linewidth)
    if suppress is not None:
        opts["suppress"] = bool(suppress)
    if nanstr is not None:
        opts["nanstr"] = str(nanstr)
    if infstr is not None:
        opts["infstr"] = str(infstr)
    if sign is not None:
        opts["sign"] = sign
    if floatmode is not None:
        opts["floatmode"] = floatmode
    try:
        _E.np_set_printoptions(_to_js(opts, dict_converter=_js_object))
    except _JsException as e:
        raise ValueError(getattr(e, "message", str(e))) from None


def _js_object(entries):
    import js

    return js.Object.fromEntries(entries)


def get_printoptions():
    o = _E.np_get_printoptions().to_py()
    threshold = o["threshold"]
    return {
        "edgeitems": int(o["edgeitems"]),
        "threshold": int(threshold) if threshold == threshold and _b.abs(threshold) != _math.inf else threshold,
        "floatmode": o["floatmode"],
        "precision": int(o["precision"]),
        "suppress": bool(o["suppress"]),
        "linewidth": int(o["linewidth"]),
        "nanstr": o["nanstr"],
        "infstr": o["infstr"],
        "sign": o["sign"],
        "formatter": None,
        "legacy": False,
        "override_repr": None,
    }


class printoptions:
    """`with np.printoptions(precision=3): ...`"""

    def __init__(self, *args, **kwargs):
        self._args = args
        self._kwargs = kwargs

    def __enter__(self):
        self._saved = get_printoptions()
        set_printoptions(*self._args, **self._kwargs)
        return get_printoptions()

    def __exit__(self, *exc):
        s = self._saved
        set_printoptions(precision=s["precision"], threshold=s["threshold"], edgeitems=s["edgeitems"],
                         linewidth=s["linewidth"], suppress=s["suppress"], nanstr=s["nanstr"], infstr=s["infstr"],
                         sign=s["sign"], floatmode=s["floatmode"])


def array_repr(arr, max_line_width=None, precision=None, suppress_small=None):
    with printoptions(linewidth=max_line_width, precision=precision, suppress=suppress_small):
        return repr(asarray(arr))


def array_str(a, max_line_width=None, precision=None, suppress_small=None):
    with printoptions(linewidth=max_line_width, precision=precision, suppress=suppress_small):
        return str(asarray(a))


# A new run must not inherit the previous script's print options (modules outlive runs in a session).
_playground_hooks.on_run_start(lambda: _E.np_reset_printoptions())
