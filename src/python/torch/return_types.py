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


def _named(name, fields):
    """A torch.return_types class with its own field names (linalg_cholesky_ex, triangular_solve)."""

    def __new__(cls, *values):
        return tuple.__new__(cls, values)

    def __repr__(self):
        body = ",\n".join("%s=%r" % (f, v) for f, v in zip(fields, self))
        return "torch.return_types.%s(\n%s)" % (name, body)

    namespace = {"__new__": __new__, "__repr__": __repr__, "_fields": fields, "__module__": "torch.return_types"}
    for i, f in enumerate(fields):
        namespace[f] = property(lambda self, i=i: self[i])
    return type(name, (tuple,), namespace)
