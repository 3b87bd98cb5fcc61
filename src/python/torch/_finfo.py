"""torch.finfo and torch.iinfo: the numeric limits of a dtype, printed as PyTorch prints them."""
from ._dtype import dtype as _dtype_class, get_default_dtype

_FLOAT_LIMITS = {
    # bits, eps, max, smallest normal, resolution (10 ** -precision)
    "float16": (16, 2.0**-10, 65504.0, 2.0**-14, 0.001),
    "bfloat16": (16, 2.0**-7, 3.3895313892515355e38, 2.0**-126, 0.01),
    "float32": (32, 2.0**-23, 3.4028234663852886e38, 2.0**-126, 1e-06),
    "float64": (64, 2.0**-52, 1.7976931348623157e308, 2.0**-1022, 1e-15),
}
_INT_LIMITS = {"int32": (32, -(2**31), 2**31 - 1), "int64": (64, -(2**63), 2**63 - 1)}


def _g(x):
    return "%g" % x


class finfo:
    def __init__(self, type=None):
        t = get_default_dtype() if type is None else type
        if not isinstance(t, _dtype_class) or t.name not in _FLOAT_LIMITS:
            raise TypeError("torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'")
        self.bits, self.eps, self.max, self.smallest_normal, self.resolution = _FLOAT_LIMITS[t.name]
        self.min = -self.max
        self.tiny = self.smallest_normal
        self.dtype = t.name

    def __repr__(self):
        return "finfo(resolution=%s, min=%s, max=%s, eps=%s, smallest_normal=%s, tiny=%s, dtype=%s)" % (
            _g(self.resolution), _g(self.min), _g(self.max), _g(self.eps), _g(self.smallest_normal),
            _g(self.tiny), self.dtype,
        )


class iinfo:
    def __init__(self, type):
        if not isinstance(type, _dtype_class) or type.name not in _INT_LIMITS:
            raise TypeError("torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'")
        self.bits, self.min, self.max = _INT_LIMITS[type.name]
        self.dtype = type.name

    def __repr__(self):
        # PyTorch streams the limits as doubles, which C++ prints like %g.
        return "iinfo(min=%s, max=%s, dtype=%s)" % (_g(self.min), _g(self.max), self.dtype)

