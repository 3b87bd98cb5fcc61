"""torch.device as PyTorch builds it, the default device, and what asking for a device other than the CPU does.

The playground computes on the CPU only, like a CPU build of PyTorch: a `torch.device('cuda')` object is
fine (the tutorial idiom `torch.device("cuda" if torch.cuda.is_available() else "cpu")` builds one before
choosing), but putting a tensor there raises what a CPU build raises.
"""
import builtins as _b

# c10::DeviceType numbering: std::hash<c10::Device>, and so hash(torch.device), is built from it.
_TYPE_IDS = {
    "cpu": 0, "cuda": 1, "mkldnn": 2, "opengl": 3, "opencl": 4, "ideep": 5, "hip": 6, "fpga": 7, "maia": 8,
    "xla": 9, "vulkan": 10, "xpu": 12, "mps": 13, "meta": 14, "hpu": 15, "ve": 16, "lazy": 17, "ipu": 18,
    "mtia": 19, "privateuseone": 20,
}
# The order PyTorch 2.x lists them in when a device string names none of them.
_TYPE_LIST = (
    "cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, vulkan, mps, meta, hpu, "
    "mtia, privateuseone"
)
# The dispatch key PyTorch names in "Could not run 'aten::…' with arguments from the '…' backend".
_BACKEND_NAMES = {"mps": "MPS", "xla": "XLA", "hpu": "HPU", "xpu": "XPU", "ipu": "IPU", "hip": "HIP", "ve": "VE",
                  "lazy": "Lazy", "vulkan": "Vulkan", "mtia": "MTIA", "maia": "MAIA", "mkldnn": "MkldnnCPU",
                  "privateuseone": "PrivateUse1"}


def _parse(text):
    """(type, index) of a device string, with c10::Device's errors: `name` or `name:index`."""
    name, sep, index = text.partition(":")
    ok = name != "" and all(c.isalpha() or c == "_" for c in name) and name.isascii()
    if sep:
        ok = ok and index.isdigit() and index.isascii() and (index == "0" or not index.startswith("0"))
    if not ok:
        raise RuntimeError("Invalid device string: '%s'" % text)
    if name not in _TYPE_IDS:
        raise RuntimeError("Expected one of %s device type at start of device string: %s" % (_TYPE_LIST, name))
    return name, int(index) if sep else None


class device:
    """torch.device: a device type ('cpu', 'cuda', 'mps', …) and an optional index."""

    __slots__ = ("_type", "_index", "_previous")

    def __new__(cls, type=None, index=None):
        self = object.__new__(cls)
        if isinstance(type, device):
            if index is not None:
                raise TypeError("device(): argument 'type' must be str, not torch.device")
            self._type, self._index = type._type, type._index
            return self
        if isinstance(type, int) and not isinstance(type, bool) and index is None:
            # A bare ordinal means a CUDA device, as in PyTorch.
            if type < 0:
                raise RuntimeError("Device index must not be negative")
            self._type, self._index = "cuda", type
            return self
        if not isinstance(type, str):
            raise TypeError(
                "device() received an invalid combination of arguments - got (%s), but expected one of:\n"
                " * (torch.device device)\n * (str type, int index = -1)\n" % _b.type(type).__name__
            )
        name, parsed = _parse(type)
        if index is not None:
            if parsed is not None:
                raise RuntimeError(
                    "type (string) must not include an index because index was passed explicitly: %s" % type
                )
            if isinstance(index, bool) or not isinstance(index, int):
                raise TypeError("Device(): argument 'index' (position 2) must be int, not %s" % _b.type(index).__name__)
            if index < 0:
                raise RuntimeError("Device index must not be negative")
            parsed = index
        self._type, self._index = name, parsed
        return self

    @property
    def type(self):
        return self._type

    @property
    def index(self):
        return self._index

    def __repr__(self):
        if self._index is None:
            return "device(type='%s')" % self._type
        return "device(type='%s', index=%d)" % (self._type, self._index)

    def __str__(self):
        return self._type if self._index is None else "%s:%d" % (self._type, self._index)

    def __eq__(self, other):
        if not isinstance(other, device):
            return NotImplemented
        return self._type == other._type and self._index == other._index

    def __ne__(self, other):
        if not isinstance(other, device):
            return NotImplemented
        return not self == other

    def __lt__(self, other):
        raise TypeError("comparison not implemented")

    __le__ = __gt__ = __ge__ = __lt__

    def __hash__(self):
        index = 255 if self._index is None else self._index & 0xFF
        return (_TYPE_IDS[self._type] << 16) | index

    def __reduce__(self):
        # Pickled as PyTorch pickles a device (torch.save too): a call of torch.device('cuda', 0).
        return (device, (self._type,) if self._index is None else (self._type, self._index))

    # `with torch.device(...):` makes it the default device of the factory functions for the block (PyTorch 2.x).
    def __enter__(self):
        self._previous = _default[0]
        _default[0] = self
        return self

    def __exit__(self, exc_type, exc, tb):
        _default[0] = self._previous
        return False


device.__module__ = "torch"

cpu_device = device("cpu")

# The device factory functions use when given none (torch.set_default_device); None is the CPU.
_default = [None]


def as_device(value):
    """torch.device of a `device=` argument (a device, a string or a CUDA ordinal)."""
    if isinstance(value, device):
        return value
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return device(value)
    raise TypeError("expected a torch.device, a string or an int for device, but got %s" % type(value).__name__)


def cuda_not_compiled():
    """What a CPU build of PyTorch raises when CUDA is asked for."""
    return AssertionError("Torch not compiled with CUDA enabled")


def _unsupported_device(d):
    return NotImplementedError("device '%s' is not supported by Autograd Playground, which computes on the CPU" % d)


def check_factory_device(value, op="empty.memory_format"):
    """Raises as PyTorch's factory functions do unless `device=` (or the default device) is the CPU.

    `op` is the ATen operator PyTorch's error names: 'empty.memory_format' for zeros/ones/rand/arange/…,
    'empty_strided' for the *_like functions.
    """
    d = _default[0] if value is None else as_device(value)
    if d is None or d._type == "cpu":
        return
    if d._type == "cuda":
        raise cuda_not_compiled()
    if d._type == "meta":
        raise _unsupported_device(d)
    raise NotImplementedError(
        "Could not run 'aten::%s' with arguments from the '%s' backend. This could be because the operator "
        "doesn't exist for this backend, or was omitted during the selective/custom build process (if using "
        "custom build). If you are a Facebook employee using PyTorch on mobile, please visit "
        "https://fburl.com/ptmfixes for possible resolutions." % (op, _BACKEND_NAMES.get(d._type, d._type.upper()))
    )


def check_copy_device(value):
    """Raises as PyTorch's `Tensor.to(device)` (and torch.tensor(device=)) does for a device that is not the CPU."""
    d = as_device(value)
    if d._type == "cpu":
        return
    if d._type == "cuda":
        raise cuda_not_compiled()
    if d._type == "meta":
        raise _unsupported_device(d)
    raise RuntimeError("PyTorch is not linked with support for %s devices" % d._type)


def default_device_for_data(value):
    """The device torch.tensor/as_tensor put data on: `device=`, else the default device."""
    d = _default[0] if value is None else value
    if d is not None:
        check_copy_device(d)


def set_default_device(d):
    """torch.set_default_device: the device factory functions use when given none (None resets it to the CPU)."""
    _default[0] = None if d is None else as_device(d)


def get_default_device():
    """torch.get_default_device. An index-less non-CPU default is resolved the way PyTorch resolves it, by
    making an empty tensor there, so a CUDA default raises here as it does in a CPU build."""
    d = _default[0]
    if d is None:
        return cpu_device
    if d._index is not None:
        return d
    default_device_for_data(None)
    return cpu_device


def reset():
    _default[0] = None


def check_pin_memory(pin_memory):
    """pin_memory=True asks for page-locked memory to copy to an accelerator from; a CPU build has none, and
    PyTorch 2 says so in these words."""
    if pin_memory:
        raise RuntimeError("Cannot access accelerator device when none is available.")
