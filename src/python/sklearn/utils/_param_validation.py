"""scikit-learn's parameter validation, reduced to the constraints the provided functions declare.

Messages are scikit-learn's, e.g. "The 'n_samples' parameter of make_regression must be an int in the range
[1, inf). Got 0 instead.", so a script that fails here fails the way it would under scikit-learn.
"""

import numbers

import numpy as np


class InvalidParameterError(ValueError, TypeError):
    """Raised when a parameter does not satisfy its constraints (a ValueError and a TypeError, as in scikit-learn)."""


def _is_integral(v):
    integer = getattr(np, "integer", None)
    return isinstance(v, numbers.Integral) or (isinstance(integer, type) and isinstance(v, integer))


def _is_real(v):
    floating = getattr(np, "floating", None)
    return isinstance(v, numbers.Real) or _is_integral(v) or (isinstance(floating, type) and isinstance(v, floating))


class Interval:
    """Interval(kind, left, right, closed) with kind "int", "real" or "real_not_int"; None bounds are open ends."""

    def __init__(self, kind, left, right, closed):
        self.kind = kind
        self.left = left
        self.right = right
        self.closed = closed

    def is_satisfied_by(self, v):
        if self.kind == "int":
            if not _is_integral(v):
                return False
        elif not _is_real(v) or (self.kind == "real_not_int" and _is_integral(v)):
            return False
        left_closed = self.closed in ("left", "both")
        right_closed = self.closed in ("right", "both")
        if self.left is not None and not (v >= self.left if left_closed else v > self.left):
            return False
        if self.right is not None and not (v <= self.right if right_closed else v < self.right):
            return False
        return True

    def __str__(self):
        kind = "an int" if self.kind == "int" else "a float"

        def bound(b, side):
            if b is None:
                return "-inf" if side == "left" else "inf"
            return str(b) if self.kind == "int" else str(float(b))

        left_bracket = "[" if self.closed in ("left", "both") and self.left is not None else "("
        right_bracket = "]" if self.closed in ("right", "both") and self.right is not None else ")"
        return "%s in the range %s%s, %s%s" % (
            kind, left_bracket, bound(self.left, "left"), bound(self.right, "right"), right_bracket
        )


def _random_state_ok(v):
    from numpy.random import RandomState

    if v is None or isinstance(v, RandomState):
        return True
    return _is_integral(v) and 0 <= v <= 2**32 - 1


def _array_like_ok(v):
    if isinstance(v, (str, bytes)):
        return False
    return hasattr(v, "__len__") or hasattr(v, "shape") or hasattr(v, "__array__")


def _bool_ok(v):
    bool_type = getattr(np, "bool_", None)
    return isinstance(v, bool) or (isinstance(bool_type, type) and isinstance(v, bool_type))


_DESCRIPTIONS = {
    "boolean": ["an instance of 'bool'", "an instance of 'numpy.bool'"],
    "random_state": ["an int in the range [0, 4294967295]", "an instance of 'numpy.random.mtrand.RandomState'", "None"],
    "array-like": ["an array-like"],
    "tuple": ["an instance of 'tuple'"],
    None: ["None"],
}

_CHECKS = {
    "boolean": _bool_ok,
    "random_state": _random_state_ok,
    "array-like": _array_like_ok,
    "tuple": lambda v: isinstance(v, tuple),
    None: lambda v: v is None,
}


def validate(func_name, constraints, values):
    """Checks each named value against its list of constraints (any one satisfied is enough)."""
    for name, options in constraints.items():
        v = values[name]
        if any(o.is_satisfied_by(v) if isinstance(o, Interval) else _CHECKS[o](v) for o in options):
            continue
        parts = []
        for o in options:
            parts.extend([str(o)] if isinstance(o, Interval) else _DESCRIPTIONS[o])
        text = parts[0] if len(parts) == 1 else "%s or %s" % (", ".join(parts[:-1]), parts[-1])
        raise InvalidParameterError(
            "The %r parameter of %s must be %s. Got %r instead." % (name, func_name, text, v)
        )
