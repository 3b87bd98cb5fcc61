"""torch.dtype objects for the dtypes the engine supports."""

from _playground import hooks as _hooks


class dtype:
    __slots__ = ("name", "is_floating_point", "itemsize", "is_signed")
    # PyTorch's own: type(torch.float32) prints as <class 'torch.dtype'>, and pickles name torch.float32.
    __module__ = "torch"

    def __init__(self, name, is_floating_point, itemsize, is_signed=True):
        self.name = name
        self.is_floating_point = is_floating_point
        self.itemsize = itemsize
        self.is_signed = is_signed

    is_complex = False

    def __repr__(self):
        return "torch." + self.name

    def __reduce__(self):
        # A string: pickled as the global torch.<name>, as PyTorch pickles its dtypes.
        return self.name


float16 = dtype("float16", True, 2)
bfloat16 = dtype("bfloat16", True, 2)
float32 = dtype("float32", True, 4)
float64 = dtype("float64", True, 8)
int32 = dtype("int32", False, 4)
int64 = dtype("int64", False, 8)
bool_ = dtype("bool", False, 1, False)

_BY_NAME = {
    "float16": float16,
    "half": float16,
    "bfloat16": bfloat16,
    "float32": float32,
    "float": float32,
    "float64": float64,
    "double": float64,
    "int32": int32,
    "int": int32,
    "int64": int64,
    "long": int64,
    "bool": bool_,
}

_UNSUPPORTED = ("int16", "short", "int8", "uint8", "complex64", "complex128")

# The names PyTorch's messages use for each dtype: c10's ScalarType ("Half") and the C++ type ("c10::Half").
SCALAR_NAMES = {
    "float16": "Half", "bfloat16": "BFloat16", "float32": "Float", "float64": "Double", "int32": "Int", "int64": "Long",
    "bool": "Bool",
}
CPP_NAMES = {
    "float16": "c10::Half", "bfloat16": "c10::BFloat16", "float32": "float", "float64": "double", "int32": "int",
    "int64": "long int", "bool": "bool",
}

_default = [float32]

# A script's set_default_dtype must not reach the next run of a session.
_hooks.on_run_start(lambda: _default.__setitem__(0, float32))


def from_name(d):
    """A torch.dtype from a dtype, a name ('float32'), a Python type (float, int, bool) or a NumPy dtype."""
    if isinstance(d, dtype):
        return d
    if d is float:
        return float64
    if d is int:
        return int64
    if d is bool:
        return bool_
    name = str(d)
    if name.startswith("torch."):
        name = name[6:]
    r = _BY_NAME.get(name)
    if r is None:
        if name in _UNSUPPORTED:
            raise TypeError(
                "dtype torch.%s is not supported by Autograd Playground (it has float16, bfloat16, float32, float64, int32, int64 and bool)" % name
            )
        raise TypeError("cannot interpret '%s' as a data type" % (d,))
    return r


def get_default_dtype():
    return _default[0]


def set_default_dtype(d):
    d = from_name(d)
    if not d.is_floating_point:
        raise TypeError("only floating-point types are supported as the default type")
    _default[0] = d
