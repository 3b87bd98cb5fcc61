"""torch.memory_format: the layouts a tensor's elements may have in memory. The playground's tensors are
row-major (contiguous_format); preserve_format keeps a tensor as it is. The channels-last layouts, which only
convolutions use, are refused by name, after PyTorch's own check of the tensor's rank."""


class memory_format:
    __slots__ = ("_name",)
    __module__ = "torch"

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return "torch." + self._name

    def __reduce__(self):
        # A string: pickled as the global torch.<name>, as PyTorch pickles its memory formats.
        return self._name


preserve_format = memory_format("preserve_format")
contiguous_format = memory_format("contiguous_format")
channels_last = memory_format("channels_last")
channels_last_3d = memory_format("channels_last_3d")

_RANK = {"channels_last": 4, "channels_last_3d": 5}


def check(value, fn, shape, default=preserve_format):
    """The memory format `fn(..., memory_format=value)` asks for, for a tensor of `shape`: PyTorch's errors for a
    value of another type and a rank the layout needs; NotImplementedError for the channels-last layouts."""
    if value is None:
        return default
    if not isinstance(value, memory_format):
        raise TypeError("%s(): argument 'memory_format' must be torch.memory_format, not %s" % (fn, type(value).__name__))
    rank = _RANK.get(value._name)
    if rank is not None:
        if len(shape) != rank:
            raise RuntimeError("required rank %d tensor to use %s format" % (rank, value._name))
        raise NotImplementedError("Autograd Playground does not support %s(memory_format=torch.%s)" % (fn, value._name))
    return value


def is_contiguous(t, value):
    """Tensor.is_contiguous(memory_format): row-major order, or the channels-last order (channels innermost)."""
    if value is None or value is contiguous_format or value is preserve_format:
        return t.is_contiguous()
    if not isinstance(value, memory_format):
        raise TypeError("is_contiguous(): argument 'memory_format' must be torch.memory_format, not %s" % type(value).__name__)
    shape, strides = list(t.shape), list(t.stride())
    if len(shape) != _RANK[value._name]:
        return False
    # Channels last is N, spatial dims..., C in memory: walk them innermost first, skipping dims of size 1.
    order = [1] + list(range(len(shape) - 1, 1, -1)) + [0]
    expected = 1
    for d in order:
        if shape[d] == 1:
            continue
        if strides[d] != expected:
            return False
        expected *= shape[d]
    return True
