"""torch.return_types: the named (values, indices) pairs that max and min along a dim return."""


class _ReturnType(tuple):
    """torch.return_types.max and friends: a named pair that prints like PyTorch's."""

    _fields = ("values", "indices")
    _name = "max"

    def __new__(cls, name, values, indices):
        self = tuple.__new__(cls, (values, indices))
        self._name = name
        return self

    @property
    def values(self):
        return self[0]

    @property
    def indices(self):
        return self[1]

    def __repr__(self):
        return "torch.return_types.%s(\nvalues=%r,\nindices=%r)" % (self._name, self[0], self[1])
