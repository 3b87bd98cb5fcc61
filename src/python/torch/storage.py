"""torch.storage: the storage types a .pt file names, and the storages torch.load reads (serialization.py).

A .pt file's pickle names each storage's type by its legacy class (GLOBAL 'torch FloatStorage'), so these
classes exist under those names in `torch`. Only the four dtypes the engine has can be loaded; the classes of
the others exist so that a file holding one fails with an error naming its dtype.
"""
from ._C import E
from ._device import cpu_device
from ._dtype import from_name


class TypedStorage:
    """The storage tensors view, as pickling sees it: what Tensor.__reduce_ex__ hands pickle (torch.save saves it
    as a record of its own), what torch.load's map_location function receives."""

    __slots__ = ("_data", "_dtype", "_size")

    def __init__(self, *args, **kwargs):
        raise RuntimeError("torch.storage.TypedStorage cannot be created in Autograd Playground; tensors make their own storage")

    @classmethod
    def _from_engine(cls, data, dtype):
        s = object.__new__(cls)
        s._data = data
        s._dtype = dtype
        s._size = int(data.length)
        return s

    @classmethod
    def _of(cls, tensor):
        return cls._from_engine(E.storage_of(tensor._t), tensor.dtype)

    def _bytes(self):
        return E.storage_bytes(self._data, self._dtype.name).to_bytes()

    def __reduce__(self):
        # Plain pickle (torch.save names storages by persistent id instead): the bytes, made a storage again.
        return (_from_bytes, (self._bytes(), self._dtype.name))

    @property
    def dtype(self):
        return self._dtype

    @property
    def device(self):
        return cpu_device

    def size(self):
        return self._size

    def __len__(self):
        return self._size

    def element_size(self):
        return self._dtype.itemsize

    def nbytes(self):
        return self._size * self._dtype.itemsize

    def cpu(self):
        return self

    def __repr__(self):
        return "<%s of %s, size %d>" % (type(self).__qualname__, self._dtype, self._size)


def _from_bytes(data, dtype_name):
    from pyodide.ffi import to_js

    dtype = from_name(dtype_name)
    return TypedStorage._from_engine(E.storage_from_bytes(to_js(data), dtype.name), dtype)


class _LegacyStorage:
    """torch.FloatStorage and its kin: names in pickles. PyTorch's are storages; here they cannot be made."""

    # The dtype's name, as torch names it (`float16` for HalfStorage).
    _dtype_name = None

    def __init__(self, *args, **kwargs):
        raise RuntimeError("torch.%s cannot be created in Autograd Playground; use tensors" % type(self).__name__)


def _legacy(name, dtype_name):
    return type(name, (_LegacyStorage,), {"_dtype_name": dtype_name, "__module__": "torch", "__qualname__": name})


# PyTorch's legacy storage class names and their dtypes (torch/storage.py's _dtype_to_storage_type_map).
_STORAGE_DTYPES = {
    "FloatStorage": "float32",
    "DoubleStorage": "float64",
    "LongStorage": "int64",
    "BoolStorage": "bool",
    "HalfStorage": "float16",
    "BFloat16Storage": "bfloat16",
    "IntStorage": "int32",
    "ShortStorage": "int16",
    "CharStorage": "int8",
    "ByteStorage": "uint8",
    "ComplexFloatStorage": "complex64",
    "ComplexDoubleStorage": "complex128",
    "QInt8Storage": "qint8",
    "QUInt8Storage": "quint8",
    "QInt32Storage": "qint32",
}

LEGACY_STORAGES = {name: _legacy(name, d) for name, d in _STORAGE_DTYPES.items()}

# The class torch.save names for each engine dtype.
STORAGE_OF_DTYPE = {d: LEGACY_STORAGES[name] for name, d in _STORAGE_DTYPES.items() if d in ("float16", "bfloat16", "float32", "float64", "int32", "int64", "bool")}
