"""torch.serialization: torch.save and torch.load, in PyTorch's own file format.

A .pt file is a zip archive: `<name>/data.pkl` is a pickle (protocol 2) of the object in which each tensor is a
call of torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks) and each storage a
persistent id ('storage', torch.FloatStorage, key, 'cpu', numel) whose bytes are the record `<name>/data/<key>`;
`byteorder` and `version` records sit beside them. Files PyTorch writes load here, and files written here load
in PyTorch. Tensors that share storage are saved with it once and share it again after loading.

torch.load defaults to weights_only=True, as PyTorch does since 2.6: tensors, containers of them and plain
Python values load; any other class or function in the file is refused with PyTorch's message, and
weights_only=False loads it (a whole nn.Module, for one).

Paths go through `open`, so in a run a file is read from the script's folder and a saved one is kept in memory
(the run's note says so); file objects such as io.BytesIO work as in PyTorch.
"""
import _compat_pickle
import collections
import io
import os
import pickle
import re
import struct
import zipfile

from pyodide.ffi import to_js as _to_js

from ._C import E
from ._device import device as _Device
from ._dtype import _BY_NAME, _UNSUPPORTED
from ._size import Size
from ._tensor import Tensor
from . import _utils
from .storage import LEGACY_STORAGES, STORAGE_OF_DTYPE, TypedStorage

__all__ = ["save", "load", "add_safe_globals", "get_safe_globals", "clear_safe_globals", "safe_globals"]

DEFAULT_PROTOCOL = 2
# PyTorch aligns each storage record's bytes to this many bytes (so that mmap can map them in place).
_STORAGE_ALIGNMENT = 64

_ENGINE_DTYPES = ("float16", "bfloat16", "float32", "float64", "int32", "int64", "bool")


# ---------------------------------------------------------------------------------------------------
# save


class _Pickler(pickle.Pickler):
    """Pickles tensors as PyTorch does (Tensor.__reduce_ex__), with each storage a persistent id whose bytes
    become a record of the archive, once however many tensors view it."""

    def __init__(self, file, protocol):
        super().__init__(file, protocol)
        # engine storage key -> (archive key, storage)
        self.storages = {}

    def persistent_id(self, obj):
        if type(obj) is not TypedStorage:
            return None
        engine_key = E.storage_key(obj._data)
        saved = self.storages.get(engine_key)
        if saved is None:
            saved = self.storages[engine_key] = (str(len(self.storages)), obj)
        return ("storage", STORAGE_OF_DTYPE[obj.dtype.name], saved[0], "cpu", obj.size())


def _is_path(f):
    return isinstance(f, (str, os.PathLike))


def _archive_name(f):
    # PyTorch names the archive's folder after the file, and "archive" when writing to a buffer.
    if _is_path(f):
        return os.path.splitext(os.path.basename(os.fspath(f)))[0] or "archive"
    return "archive"


def _write_record(zf, name, data, align=False):
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    if align:
        # Pads the local header's extra field ("FB" as PyTorch's writer does) so the bytes start aligned.
        start = zf.fp.tell() + 30 + len(name.encode("utf-8")) + 4
        info.extra = b"FB" + struct.pack("<H", -start % _STORAGE_ALIGNMENT) + b"Z" * (-start % _STORAGE_ALIGNMENT)
    zf.writestr(info, data)


def save(obj, f, pickle_module=pickle, pickle_protocol=DEFAULT_PROTOCOL, _use_new_zipfile_serialization=True, _disable_byteorder_record=False):
    """torch.save: writes `obj` to `f` (a path or a binary file object) in PyTorch's zip format."""
    if pickle_module is not pickle:
        raise TypeError("torch.save: pickle_module %r is not supported by Autograd Playground (only the standard pickle module)" % (pickle_module,))
    if not _use_new_zipfile_serialization:
        raise NotImplementedError("torch.save: the legacy format (_use_new_zipfile_serialization=False) is not supported by Autograd Playground")
    buffer = io.BytesIO()
    pickler = _Pickler(buffer, pickle_protocol)
    pickler.dump(obj)
    name = _archive_name(f)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        _write_record(zf, name + "/data.pkl", buffer.getvalue())
        _write_record(zf, name + "/.format_version", b"1")
        _write_record(zf, name + "/.storage_alignment", str(_STORAGE_ALIGNMENT).encode())
        if not _disable_byteorder_record:
            _write_record(zf, name + "/byteorder", b"little")
        for key, storage in pickler.storages.values():
            _write_record(zf, "%s/data/%s" % (name, key), storage._bytes(), align=True)
        _write_record(zf, name + "/version", b"3\n")
    data = out.getvalue()
    if _is_path(f):
        with open(f, "wb") as file:
            file.write(data)
    else:
        f.write(data)


# ---------------------------------------------------------------------------------------------------
# load: which globals a weights-only load allows

_safe_globals = set()


def add_safe_globals(safe_globals):
    """Allows these classes and functions in weights-only loads (each, or a (value, "module.name") pair)."""
    _safe_globals.update(safe_globals)


def get_safe_globals():
    return list(_safe_globals)


def clear_safe_globals():
    _safe_globals.clear()


class safe_globals:
    """Context manager: allows these globals in weights-only loads within the block."""

    def __init__(self, safe_globals):
        self.safe_globals = list(safe_globals)

    def __enter__(self):
        self._added = [g for g in self.safe_globals if g not in _safe_globals]
        _safe_globals.update(self._added)

    def __exit__(self, *exc):
        _safe_globals.difference_update(self._added)
        return False


def _user_allowed_globals():
    allowed = {}
    for g in _safe_globals:
        if isinstance(g, tuple):
            value, name = g
            allowed[name] = value
        else:
            allowed["%s.%s" % (g.__module__, g.__qualname__)] = g
    return allowed


def _allowed_globals():
    import torch
    from .nn.parameter import Parameter

    allowed = {
        "collections.OrderedDict": collections.OrderedDict,
        "collections.Counter": collections.Counter,
        "torch.nn.parameter.Parameter": Parameter,
        "torch.Size": Size,
        "torch.Tensor": Tensor,
        "torch.device": torch.device,
        "builtins.bytearray": bytearray,
        "builtins.set": set,
        "builtins.complex": complex,
        "_codecs.encode": __import__("_codecs").encode,
    }
    for name in _ENGINE_DTYPES:
        allowed["torch." + name] = _BY_NAME[name]
    for f in (_utils._rebuild_tensor, _utils._rebuild_tensor_v2, _utils._rebuild_parameter, _utils._rebuild_parameter_with_state):
        allowed["torch._utils." + f.__name__] = f
    return allowed


# Modules a weights-only load never takes anything from, whatever is allowed.
_BLOCKED_MODULES = ("sys", "os", "posix", "nt")

_UNSAFE_MESSAGE = (
    "In PyTorch 2.6, we changed the default value of the `weights_only` argument in `torch.load` from `False` to "
    "`True`. Re-running `torch.load` with `weights_only` set to `False` will likely succeed, but it can result in "
    "arbitrary code execution. Do it only if you got the file from a trusted source."
)
_DOCS_MESSAGE = (
    "\n\nCheck the documentation of torch.load to learn more about types accepted by default with weights_only "
    "https://pytorch.org/docs/stable/generated/torch.load.html."
)


def _weights_only_message(message):
    """PyTorch's wording around a weights-only refusal (without its terminal bold codes, which consoles here
    would print as text)."""
    if re.search(r"GLOBAL (\S+) was not an allowed global by default.", message):
        text = (
            "Weights only load failed. This file can still be loaded, to do so you have two options, do those steps "
            "only if you trust the source of the checkpoint. \n\t(1) " + _UNSAFE_MESSAGE + "\n\t(2) Alternatively, to "
            "load with `weights_only=True` please check the recommended steps in the following error message.\n\t"
            "WeightsUnpickler error: " + message
        )
    else:
        text = "Weights only load failed. " + _UNSAFE_MESSAGE + "\n"
        if not re.search(r"whose module (\S+) is blocked", message):
            text += (
                "Please file an issue with the following so that we can make `weights_only=True` compatible with "
                "your use case: WeightsUnpickler error: "
            )
        text += message
    return text + _DOCS_MESSAGE


# ---------------------------------------------------------------------------------------------------
# load


_CUDA_MESSAGE = (
    "Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. If you are running "
    "on a CPU-only machine, please use torch.load with map_location=torch.device('cpu') to map your storages to the CPU."
)


def _check_location(location):
    """Storages load onto the CPU only; other devices fail as they do in PyTorch on a machine without them."""
    name = str(location)
    if name.split(":")[0] == "cpu":
        return
    if name.startswith("cuda"):
        raise RuntimeError(_CUDA_MESSAGE)
    import torch

    torch.device(name)  # raises, naming the device
    raise RuntimeError("Autograd Playground runs on the CPU only; device '%s' is not available" % name)


def _restore(map_location):
    """storage, location -> the storage to use, following torch.load's map_location."""
    if map_location is None:

        def restore_saved(storage, location):
            _check_location(location)
            return storage

        return restore_saved
    if isinstance(map_location, (str, bytes, _Device)):
        _check_location(map_location.decode() if isinstance(map_location, bytes) else map_location)
        return lambda storage, location: storage
    if isinstance(map_location, dict):

        def restore(storage, location):
            _check_location(map_location.get(location, location))
            return storage

        return restore
    if callable(map_location):

        def restore(storage, location):
            result = map_location(storage, location)
            if result is None:
                _check_location(location)
                return storage
            if not isinstance(result, TypedStorage):
                raise TypeError("torch.load: map_location must return a storage or None, not %s" % type(result).__name__)
            return result

        return restore
    raise TypeError("torch.load: map_location must be a string, a torch.device, a dict or a function, not %s" % type(map_location).__name__)


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, archive, prefix, restore, weights_only, **kwargs):
        super().__init__(file, **kwargs)
        self._archive = archive
        self._prefix = prefix
        self._restore = restore
        self._weights_only = weights_only
        self._storages = {}

    def find_class(self, module, name):
        # Protocol 2 names Python 3's modules by their Python 2 names (__builtin__.set); map them back first.
        if (module, name) in _compat_pickle.NAME_MAPPING:
            module, name = _compat_pickle.NAME_MAPPING[(module, name)]
        elif module in _compat_pickle.IMPORT_MAPPING:
            module = _compat_pickle.IMPORT_MAPPING[module]
        if module == "torch" and name in LEGACY_STORAGES:
            return LEGACY_STORAGES[name]
        if module == "torch" and name in _UNSUPPORTED:
            raise TypeError(
                "torch.load: the file holds the dtype torch.%s, which Autograd Playground does not support "
                "(it has float16, bfloat16, float32, float64, int32, int64 and bool)" % name
            )
        if self._weights_only:
            full = "%s.%s" % (module, name)
            if module in _BLOCKED_MODULES:
                raise pickle.UnpicklingError("Trying to load unsupported GLOBAL %s whose module %s is blocked." % (full, module))
            allowed = _allowed_globals().get(full) or _user_allowed_globals().get(full)
            if allowed is None:
                if full.startswith("builtins."):
                    full = full[len("builtins."):]
                raise pickle.UnpicklingError(
                    "Unsupported global: GLOBAL %s was not an allowed global by default. Please use "
                    "`torch.serialization.add_safe_globals([%s])` or the `torch.serialization.safe_globals([%s])` "
                    "context manager to allowlist this global if you trust this class/function." % (full, full, full)
                )
            return allowed
        return super().find_class(module, name)

    def persistent_load(self, saved_id):
        if not (isinstance(saved_id, tuple) and len(saved_id) == 5 and saved_id[0] == "storage"):
            raise pickle.UnpicklingError("torch.load: unexpected persistent id %r in the file" % (saved_id,))
        _, storage_type, key, location, numel = saved_id
        storage = self._storages.get(key)
        if storage is not None:
            return storage
        dtype_name = getattr(storage_type, "_dtype_name", None)
        if dtype_name not in _ENGINE_DTYPES:
            raise TypeError(
                "torch.load: the file holds a tensor of dtype torch.%s, which Autograd Playground does not support "
                "(it has float16, bfloat16, float32, float64, int32, int64 and bool)" % (dtype_name or getattr(storage_type, "__name__", storage_type))
            )
        data = self._archive.read("%s/data/%s" % (self._prefix, key))
        storage = TypedStorage._from_engine(E.storage_from_bytes(_to_js(data), dtype_name), _BY_NAME[dtype_name])
        storage = self._restore(storage, location)
        self._storages[key] = storage
        return storage


def _open_for_load(f):
    if _is_path(f):
        return open(f, "rb")
    if not (hasattr(f, "read") and hasattr(f, "seek")):
        raise TypeError("torch.load: expected a file path or a binary file object with read and seek, not %s" % type(f).__name__)
    return None


def load(f, map_location=None, pickle_module=None, *, weights_only=None, mmap=None, **pickle_load_args):
    """torch.load: reads an object torch.save wrote (here or in PyTorch 1.6 or later)."""
    if weights_only is None:
        weights_only = True
    if weights_only:
        if pickle_module is not None:
            raise RuntimeError("Can not safely load weights when explicit pickle_module is specified")
    elif pickle_module not in (None, pickle):
        raise TypeError("torch.load: pickle_module %r is not supported by Autograd Playground (only the standard pickle module)" % (pickle_module,))
    unknown = sorted(set(pickle_load_args) - {"encoding", "errors"})
    if unknown:
        raise TypeError("torch.load: argument %s is not supported by Autograd Playground" % ", ".join("'%s'" % k for k in unknown))
    if mmap and not _is_path(f):
        raise ValueError("f must be a file path in order to use the mmap argument")
    pickle_load_args.setdefault("encoding", "utf-8")
    restore = _restore(map_location)
    opened = _open_for_load(f)
    file = opened if opened is not None else f
    try:
        start = file.tell()
        magic = file.read(4)
        file.seek(start)
        if magic != b"PK\x03\x04":
            raise RuntimeError(
                "torch.load: this file is not in PyTorch's zip format (written by torch.save since PyTorch 1.6); "
                "Autograd Playground cannot load the legacy format or other pickles"
            )
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            prefix = names[0].split("/", 1)[0] if names else ""
            if prefix + "/data.pkl" not in names:
                if prefix + "/constants.pkl" in names:
                    raise RuntimeError("torch.load: this is a TorchScript archive (torch.jit.save); Autograd Playground has no torch.jit")
                raise RuntimeError("torch.load: the archive has no %s/data.pkl record, so it was not written by torch.save" % prefix)
            if prefix + "/byteorder" in names:
                order = archive.read(prefix + "/byteorder").decode()
                if order != "little":
                    raise RuntimeError("torch.load: the file's byte order is '%s'; Autograd Playground reads little-endian files only" % order)
            unpickler = _Unpickler(io.BytesIO(archive.read(prefix + "/data.pkl")), archive, prefix, restore, weights_only, **pickle_load_args)
            try:
                return unpickler.load()
            except pickle.UnpicklingError as e:
                if weights_only:
                    raise pickle.UnpicklingError(_weights_only_message(str(e))) from None
                raise
    finally:
        if opened is not None:
            opened.close()
