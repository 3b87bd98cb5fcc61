from ._C import E


class Size(tuple):
    """torch.Size: a tuple of ints that prints as `torch.Size([2, 3])`."""

    # PyTorch's: type(t.shape) prints as <class 'torch.Size'>, and pickles name torch.Size.
    __module__ = "torch"

    def __new__(cls, seq=()):
        return tuple.__new__(cls, (int(x) for x in seq))

    def __repr__(self):
        return "torch.Size([%s])" % ", ".join(str(x) for x in self)

    __str__ = __repr__

    def numel(self):
        n = 1
        for x in self:
            n *= x
        return n

    def __getitem__(self, key):
        r = tuple.__getitem__(self, key)
        return Size(r) if isinstance(key, slice) else r

    def __add__(self, other):
        return Size(tuple(self) + tuple(other))
