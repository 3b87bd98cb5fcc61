"""Turning what scripts pass (lists, ranges, generators, tensors, numpy arrays) into plain floats and lists.

Named after matplotlib's own grab-bag of helpers. Everything here works by duck typing (`tolist()`,
`detach()`), so matplotlib never imports torch or numpy: a script that only plots need not load them.
"""

import math

from matplotlib import _unsupported_getattr


def _tolist(data):
    """Plain (nested) lists or a scalar from lists, tuples, ranges, generators, tensors, numpy arrays."""
    if isinstance(data, (str, bytes)):
        return data
    if hasattr(data, "detach") and callable(data.detach):
        # A tensor that requires grad; real matplotlib would refuse it, the playground is lenient.
        data = data.detach()
    if hasattr(data, "tolist") and callable(data.tolist):
        # Tensors' and numpy's tolist() already give plain nested lists; walking them again costs seconds
        # for a million points.
        return data.tolist()
    if isinstance(data, (str, bytes, dict)):
        return data
    if isinstance(data, (list, tuple, range)) or hasattr(data, "__iter__"):
        items = list(data)
        if set(map(type, items)) <= _PLAIN_NUMBERS:
            return items
        return [_tolist(v) for v in items]
    return data


_PLAIN_NUMBERS = frozenset({int, float})


def _is_array_like(data):
    return hasattr(data, "tolist") and not isinstance(data, (str, bytes))


def _as_float(v, what):
    if v is None:
        return math.nan
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, list) and len(v) == 1:
        return _as_float(v[0], what)
    try:
        return float(v)
    except (TypeError, ValueError):
        raise TypeError("%s must be numbers, not %s" % (what, type(v).__name__)) from None


def _floats(values, what):
    """Floats from a flat list, at C speed when it holds only ints and floats (the usual case)."""
    if set(map(type, values)) <= _PLAIN_NUMBERS:
        return list(map(float, values))
    return [_as_float(v, what) for v in values]


def _flatten(values):
    if not isinstance(values, list):
        return [values]
    if list not in set(map(type, values)):
        return values
    out = []
    for v in values:
        out.extend(_flatten(v))
    return out


def _is_2d(values):
    return isinstance(values, list) and len(values) > 0 and all(isinstance(v, list) for v in values)


def _columns(values):
    """Columns of a 2-D list (matplotlib plots each column of a 2-D y as its own line)."""
    width = max(len(r) for r in values)
    if any(len(r) != width for r in values):
        raise ValueError("setting an array element with a sequence: the rows have different lengths")
    return [[r[j] for r in values] for j in range(width)]


def _scalar(v, what):
    v = _tolist(v)
    if isinstance(v, list):
        if len(v) != 1:
            raise TypeError("%s must be a number" % what)
        v = v[0]
    return _as_float(v, what)


def _text(value):
    return None if value is None else str(value)


__getattr__ = _unsupported_getattr("matplotlib.cbook")
