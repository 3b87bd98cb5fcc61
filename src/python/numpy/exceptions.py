"""numpy.exceptions: the NumPy exception types the playground's NumPy raises."""


class AxisError(ValueError, IndexError):
    """An axis argument outside the array's dimensions (a ValueError and an IndexError, as in NumPy)."""

    def __init__(self, axis, ndim=None, msg_prefix=None):
        if ndim is None:
            super().__init__(axis)
            return
        msg = "axis %d is out of bounds for array of dimension %d" % (axis, ndim)
        if msg_prefix:
            msg = "%s: %s" % (msg_prefix, msg)
        super().__init__(msg)
        self.axis = axis
        self.ndim = ndim


class ComplexWarning(RuntimeWarning):
    pass


class VisibleDeprecationWarning(UserWarning):
    pass
