"""torch.Tensor: the Python face of the engine's Tensor, argument handling and operator overloading only.

What the class leans on lives beside it, as in PyTorch: turning Python values into engine arguments in
_tensor_args, grad_fn's Node in autograd/graph.py, hook handles in utils/hooks.py, devices in _device, the legacy
constructor `torch.Tensor(data | *sizes)` in _legacy, max/min's named pairs in return_types, typename in _utils.
"""
from . import _C
from ._C import E, op as _op, call as _call, js as _js
from ._device import cpu_device, cuda_not_compiled
from . import _legacy, _memory_format
from ._dtype import dtype, from_name, bfloat16, float16, float32, float64, int32, int64, bool_ as _bool_dtype, get_default_dtype  # noqa: F401
from ._size import Size
from .return_types import _ReturnType
from ._tensor_args import (  # noqa: F401  (the names beyond the class's own use stay importable from here)
    bind_tensor_class as _bind_tensor_class,
    _new,
    geometry_epoch as _geometry_epoch,
    _wrap,
    _wrap_opt,
    _arg,
    _binary,
    _inplace,
    _unary,
    _unary_inplace,
    _dim,
    _dim_or_none,
    _dims,
    _shape_args,
    _flatten_data,
    _tensor_from_data,
    _scalar_or_none,
    _tensor_or_none,
    _norm_p,
    _correction,
    _index_items,
    _slice_bound,
    _gen,
    numpy_names as _numpy_names,
    parse_to as _parse_to,
)


# Bound once: reading an attribute of the binding is a crossing of its own, and these run in every training step.
_item_typed = E.item_typed
_E_requires_grad = E.requires_grad
_E_is_leaf = E.is_leaf
_E_grad_fn = E.grad_fn
_E_grad = E.grad
_E_data_of = E.data_of


class Tensor:
    """torch.Tensor backed by an engine tensor (`_t`)."""

    # _geo: (geometry epoch, Size or None, dtype or None) as last read from the engine, each read on first use;
    # metadata reads are then no crossing.
    __slots__ = ("_t", "_geo", "__dict__", "__weakref__")
    __module__ = "torch"  # the class users see is torch.Tensor, as in PyTorch
    __array_priority__ = 1000  # as PyTorch's: NumPy's operators defer to it, so array + tensor is a tensor

    def __new__(cls, *args, **kwargs):
        # The legacy constructor: torch.Tensor([1., 2.]), torch.Tensor(2, 3).
        t = _legacy.base_new(args, kwargs)
        return t if cls is Tensor else _wrap(t._t, cls)

    def new(self, *args, **kwargs):
        return _legacy.legacy_new(self.dtype, args, kwargs, True)

    # -- identity and printing -------------------------------------------------------------------
    # No __str__: str() falls back to type(self).__repr__, so Parameter's "Parameter containing:" prints in both.
    def __repr__(self, *, tensor_contents=None):
        return str(_call(E.repr, self._t))

    def __format__(self, spec):
        if self.dim() == 0:
            return self.item().__format__(spec)
        return object.__format__(str(self), spec)

    __hash__ = object.__hash__

    # -- geometry ---------------------------------------------------------------------------------
    @property
    def shape(self):
        g = self._geo
        if g is not None and g[0] == _geometry_epoch[0] and g[1] is not None:
            return g[1]
        s = Size(E.shape(self._t))
        self._geo = (_geometry_epoch[0], s, g[2] if g is not None and g[0] == _geometry_epoch[0] else None)
        return s

    def size(self, dim=None):
        s = self.shape
        if dim is None:
            return s
        n = len(s)
        if not (-max(n, 1) <= dim < max(n, 1)):
            raise IndexError(
                "Dimension out of range (expected to be in range of [%d, %d], but got %d)" % (-max(n, 1), max(n, 1) - 1, dim)
            )
        return s[dim] if n else 1

    def dim(self):
        return len(self.shape)

    ndimension = dim

    @property
    def ndim(self):
        return self.dim()

    def numel(self):
        n = 1
        for d in self.shape:
            n *= d
        return n

    nelement = numel

    def stride(self, dim=None):
        s = tuple(int(x) for x in E.stride(self._t))
        return s if dim is None else s[dim]

    def storage_offset(self):
        return int(E.storage_offset(self._t))

    def is_contiguous(self, memory_format=None):
        if memory_format is None:
            return bool(E.is_contiguous(self._t))
        return _memory_format.is_contiguous(self, memory_format)

    def element_size(self):
        return self.dtype.itemsize

    @property
    def dtype(self):
        g = self._geo
        if g is not None and g[0] == _geometry_epoch[0] and g[2] is not None:
            return g[2]
        d = from_name(str(E.dtype(self._t)))
        self._geo = (_geometry_epoch[0], g[1] if g is not None and g[0] == _geometry_epoch[0] else None, d)
        return d

    @property
    def device(self):
        return cpu_device

    def get_device(self):
        return -1

    is_cuda = False
    is_mps = False
    is_cpu = True
    is_sparse = False
    is_quantized = False
    is_meta = False
    is_nested = False
    layout = "torch.strided"

    def is_floating_point(self):
        return self.dtype.is_floating_point

    def __len__(self):
        s = self.shape
        if len(s) == 0:
            raise TypeError("len() of a 0-d tensor")
        return int(s[0])

    def __iter__(self):
        n = len(self)
        return iter([self[i] for i in range(n)])

    # -- autograd state ---------------------------------------------------------------------------
    @property
    def requires_grad(self):
        return bool(_E_requires_grad(self._t))

    @requires_grad.setter
    def requires_grad(self, value):
        _call(E.set_requires_grad, self._t, bool(value))

    def requires_grad_(self, requires_grad=True):
        _call(E.set_requires_grad, self._t, bool(requires_grad))
        if requires_grad:
            _call(E.set_line, self._t, _C.user_line())
        return self

    @property
    def is_leaf(self):
        return bool(_E_is_leaf(self._t))

    @property
    def grad_fn(self):
        # torch.autograd imports this module, so its graph module is imported on use, as backward's is.
        from .autograd.graph import _node

        return _node(_E_grad_fn(self._t))

    @property
    def grad(self):
        g = _E_grad(self._t)
        if g is None:
            return None
        cache = self.__dict__.get("_grad_cache")
        if cache is not None and cache._t == g:
            return cache
        w = _wrap(g)
        self.__dict__["_grad_cache"] = w
        return w

    @grad.setter
    def grad(self, value):
        if value is not None and not isinstance(value, Tensor):
            raise TypeError("assigned grad expected to be a Tensor or None but got grad of type %s" % type(value).__name__)
        if value is not None and value.shape != self.shape:
            raise RuntimeError(
                "assigned grad has data of a different size"
            )
        self.__dict__.pop("_grad_cache", None)
        _call(E.set_grad, self._t, None if value is None else value._t)

    @property
    def data(self):
        return _wrap(_E_data_of(self._t))

    @data.setter
    def data(self, value):
        if not isinstance(value, Tensor):
            raise TypeError("Variable data has to be a tensor, but got %s" % type(value).__name__)
        _call(E.set_data, self._t, value._t)
        _geometry_epoch[0] += 1

    @property
    def _version(self):
        return int(E.version(self._t))

    @property
    def _base(self):
        return _wrap_opt(E.view_base(self._t))

    def _is_view(self):
        return E.view_base(self._t) is not None

    def detach(self):
        return _wrap(E.detach(self._t))

    def detach_(self):
        _call(E.detach_, self._t)
        return self

    def retain_grad(self):
        _call(E.retain_grad, self._t)

    @property
    def retains_grad(self):
        return bool(E.retains_grad(self._t))

    def register_hook(self, hook):
        def js_hook(g):
            r = hook(_wrap(g))
            return None if r is None else r._t

        from pyodide.ffi import create_proxy

        from .utils.hooks import RemovableHandle

        proxy = create_proxy(js_hook)
        remove = _call(E.register_hook, self._t, proxy)
        return RemovableHandle(remove, proxy)

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        if inputs is not None:
            # Accumulating into some leaves only needs the engine's backward to take them; refused, not ignored.
            raise NotImplementedError("Autograd Playground does not support backward(inputs=...); use torch.autograd.grad(loss, inputs)")
        from .autograd import _run_backward

        _run_backward(self, gradient, retain_graph, create_graph)

    # -- conversion -------------------------------------------------------------------------------
    def item(self):
        # One crossing, no dtype read (a fresh result's dtype would be another): the value's JS type says it.
        v = _call(_item_typed, self._t)
        tp = type(v)
        return int(v) if tp is str else v if tp is bool else float(v)

    def tolist(self):
        dt = self.dtype
        flat = E.tolist_flat(self._t).to_py().tolist()
        if not dt.is_floating_point:
            flat = list(map(bool if dt is _bool_dtype else int, flat))
        shape = list(self.shape)
        if not shape:
            return flat[0]

        def build(i, d):
            if d == len(shape) - 1:
                return flat[i : i + shape[d]], i + shape[d]
            out = []
            for _ in range(shape[d]):
                sub, i = build(i, d + 1)
                out.append(sub)
            return out, i

        return build(0, 0)[0]

    def numpy(self, force=False):
        if self.requires_grad and not force:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        if self.dtype is bfloat16:
            raise TypeError("Got unsupported ScalarType BFloat16")
        if self.dtype is float16:
            raise TypeError(
                "Autograd Playground's numpy has no float16 arrays: call .float() before .numpy() "
                "(real PyTorch returns a NumPy array of this dtype)"
            )
        import numpy

        # Shares memory, as in PyTorch; the array gets its own version counter because NumPy writes are invisible
        # to autograd.
        return numpy._from_engine(_E_data_of(self._t))

    def __float__(self):
        self._scalar_check("float")
        return float(self.item())

    def __int__(self):
        self._scalar_check("int")
        return int(self.item())

    def __index__(self):
        if self.dtype.is_floating_point or self.numel() != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(self.item())

    def __bool__(self):
        if self.numel() == 0:
            raise RuntimeError("Boolean value of Tensor with no values is ambiguous")
        if self.numel() > 1:
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return bool(self.item())

    def _scalar_check(self, what):
        if self.numel() != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")

    def to(self, *args, **kwargs):
        _, target, copy = _parse_to(args, kwargs)
        _memory_format.check(kwargs.get("memory_format"), "to", self.shape)
        if target is None or target is self.dtype:
            # PyTorch returns self itself when nothing changes
            return self.clone() if copy else self
        return _wrap(_op("to", self._t, target.name))

    def type(self, dtype=None, non_blocking=False, *, memory_format=None):
        if dtype is None:
            return _legacy.type_string(self.dtype)
        return self.to(_legacy.dtype_of_type(dtype), non_blocking=bool(non_blocking), memory_format=memory_format)

    def type_as(self, other):
        return self.to(other.dtype)

    def float(self):
        return self.to(float32)

    def double(self):
        return self.to(float64)

    def half(self):
        return self.to(float16)

    def bfloat16(self):
        return self.to(bfloat16)

    def long(self):
        return self.to(int64)

    def int(self):
        return self.to(int32)

    def bool(self):
        return self.to(_bool_dtype)

    def cpu(self, memory_format=None):
        _memory_format.check(memory_format, "cpu", self.shape)
        return self

    def cuda(self, device=None, non_blocking=False, memory_format=None):
        # PyTorch parses the arguments (a bad device string fails as such) before finding no CUDA.
        _parse_to((), {"device": device, "non_blocking": non_blocking, "memory_format": memory_format}, check_device=False)
        raise cuda_not_compiled()

    def clone(self, *, memory_format=None):
        _memory_format.check(memory_format, "clone", self.shape)
        return _wrap(_op("clone", self._t))

    def contiguous(self, memory_format=None):
        if memory_format is _memory_format.preserve_format:
            raise RuntimeError("preserve memory format is unsupported by the contiguous operator")
        _memory_format.check(memory_format, "contiguous", self.shape)
        if self.is_contiguous():
            return self  # PyTorch returns self itself when already contiguous
        return _wrap(_op("contiguous", self._t))

    def resize_(self, *sizes, memory_format=None):
        if self.requires_grad:
            raise RuntimeError("cannot resize variables that require grad")
        shape = _shape_args(sizes, "resize_")
        _memory_format.check(memory_format, "resize_", shape, _memory_format.contiguous_format)
        E.resize_(self._t, *shape)
        _geometry_epoch[0] += 1
        return self

    def new_tensor(self, data, dtype=None, device=None, requires_grad=False):
        from . import tensor

        return tensor(data, dtype=dtype or self.dtype, device=device, requires_grad=requires_grad)

    def new_zeros(self, *args, size=None, dtype=None, device=None, requires_grad=False):
        from . import zeros

        return zeros(*args, size=size, dtype=dtype or self.dtype, device=device, requires_grad=requires_grad)

    def new_ones(self, *args, size=None, dtype=None, device=None, requires_grad=False):
        from . import ones

        return ones(*args, size=size, dtype=dtype or self.dtype, device=device, requires_grad=requires_grad)

    def new_full(self, size, fill_value, dtype=None, device=None, requires_grad=False):
        from . import full

        return full(size, fill_value, dtype=dtype or self.dtype, device=device, requires_grad=requires_grad)

    def new_empty(self, *args, size=None, dtype=None, device=None, requires_grad=False):
        return self.new_zeros(*args, size=size, dtype=dtype, device=device, requires_grad=requires_grad)

    # -- arithmetic -------------------------------------------------------------------------------
    __add__, __radd__ = _binary("add", "radd")
    __sub__, __rsub__ = _binary("sub", "rsub")
    __mul__, __rmul__ = _binary("mul", "rmul")
    __truediv__, __rtruediv__ = _binary("div", "rdiv")
    __floordiv__, __rfloordiv__ = _binary("floordiv", "rfloordiv")
    __mod__, __rmod__ = _binary("mod", "rmod")
    __pow__, __rpow__ = _binary("pow", "rpow")
    __iadd__ = _inplace("add")
    __isub__ = _inplace("sub")
    __imul__ = _inplace("mul")
    __itruediv__ = _inplace("div")
    __ifloordiv__ = _inplace("floordiv")
    __imod__ = _inplace("mod")
    __ipow__ = _inplace("pow")

    def __matmul__(self, other):
        if not isinstance(other, Tensor):
            return NotImplemented
        return _wrap(_op("matmul", self._t, other._t))

    def __rmatmul__(self, other):
        if not isinstance(other, Tensor):
            return NotImplemented
        return _wrap(_op("matmul", other._t, self._t))

    def __neg__(self):
        return _wrap(_op("neg", self._t))

    def __pos__(self):
        return self

    def __abs__(self):
        return _wrap(_op("abs", self._t))

    def __invert__(self):
        return _wrap(_op("bitwise_not", self._t))

    def _cmp(name):
        def method(self, other):
            a = _arg(other)
            if a is None:
                return NotImplemented
            return _wrap(_op(name, self._t, a[0], a[1]))

        return method

    __eq__ = _cmp("eq")
    __ne__ = _cmp("ne")
    __lt__ = _cmp("lt")
    __le__ = _cmp("le")
    __gt__ = _cmp("gt")
    __ge__ = _cmp("ge")
    eq = _numpy_names(_cmp("eq"))
    ne = _numpy_names(_cmp("ne"))
    lt = _numpy_names(_cmp("lt"))
    le = _numpy_names(_cmp("le"))
    gt = _numpy_names(_cmp("gt"))
    ge = _numpy_names(_cmp("ge"))
    greater = gt
    less = lt
    del _cmp

    def _bit(name):
        def method(self, other):
            a = _arg(other)
            if a is None:
                return NotImplemented
            return _wrap(_op("bitwise", name, self._t, a[0], a[1]))

        return method

    __and__ = __rand__ = _bit("and")
    __or__ = __ror__ = _bit("or")
    __xor__ = __rxor__ = _bit("xor")
    del _bit
    __iand__ = _inplace("and")
    __ior__ = _inplace("or")
    __ixor__ = _inplace("xor")

    @_numpy_names
    def add(self, other, alpha=1):
        a = _arg(other)
        return _wrap(_op("add", self._t, a[0], a[1], alpha))

    @_numpy_names
    def sub(self, other, alpha=1):
        a = _arg(other)
        return _wrap(_op("sub", self._t, a[0], a[1], alpha))

    subtract = sub

    @_numpy_names
    def mul(self, other):
        a = _arg(other)
        return _wrap(_op("mul", self._t, a[0], a[1]))

    multiply = mul

    @_numpy_names
    def div(self, other, rounding_mode=None):
        a = _arg(other)
        return _wrap(_op("div", self._t, a[0], a[1], rounding_mode))

    divide = div
    true_divide = div

    @_numpy_names
    def floor_divide(self, other):
        return self.__floordiv__(other)

    @_numpy_names
    def remainder(self, other):
        return self.__mod__(other)

    def fmod(self, other):
        a = _arg(other)
        return _wrap(_op("fmod", self._t, a[0], a[1]))

    def pow(self, exponent):
        a = _arg(exponent)
        return _wrap(_op("pow", self._t, a[0], a[1]))

    def add_(self, other, alpha=1):
        a = _arg(other)
        _op("iop", "add", self._t, a[0], a[1], alpha)
        return self

    def sub_(self, other, alpha=1):
        a = _arg(other)
        _op("iop", "sub", self._t, a[0], a[1], alpha)
        return self

    mul_ = _inplace("mul")
    div_ = _inplace("div")
    pow_ = _inplace("pow")

    def clamp_(self, min=None, max=None):
        _op("iop", "clamp", self._t, _scalar_or_none(min), _scalar_or_none(max))
        return self

    clip_ = clamp_

    def zero_(self):
        _op("zero_", self._t)
        return self

    def fill_(self, value):
        _op("fill_", self._t, float(value.item() if isinstance(value, Tensor) else value))
        return self

    def copy_(self, src, non_blocking=False):
        # non_blocking only overlaps copies with an accelerator's work; a CPU copy is the same either way.
        if not isinstance(non_blocking, bool):
            raise TypeError("copy_(): argument 'non_blocking' must be bool, not %s" % type(non_blocking).__name__)
        if not isinstance(src, Tensor):
            src = _tensor_from_data(src)
        _op("copy_", self._t, src._t)
        return self

    def masked_fill_(self, mask, value):
        _op("iop", "masked_fill", self._t, mask._t, value._t if isinstance(value, Tensor) else float(value))
        return self

    def uniform_(self, a=0.0, b=1.0, generator=None):
        _call(E.uniform_, _gen(generator), self._t, float(a), float(b))
        return self

    def random_(self, from_=None, to=None, *, generator=None):
        if from_ is not None and to is None:
            from_, to = 0, from_
        _call(E.random_, _gen(generator), self._t, from_, to)
        return self

    def normal_(self, mean=0.0, std=1.0, generator=None):
        _call(E.normal_, _gen(generator), self._t, float(mean), float(std))
        return self

    def bernoulli_(self, p=0.5, *, generator=None):
        if isinstance(p, Tensor):
            _call(E.bernoulli_tensor, _gen(generator), self._t, p._t)
        else:
            _call(E.bernoulli_, _gen(generator), self._t, float(p))
        return self

    def bernoulli(self, p=None, *, generator=None):
        out = _wrap(_call(E.full, 0, self._t.dtype, *self.shape))
        return out.bernoulli_(self if p is None else p, generator=generator)

    def exponential_(self, lambd=1.0, *, generator=None):
        _call(E.exponential_, _gen(generator), self._t, float(lambd))
        return self

    def multinomial(self, num_samples, replacement=False, *, generator=None):
        return _wrap(_call(E.multinomial, _gen(generator), self._t, int(num_samples), bool(replacement)))

    # -- matrix products --------------------------------------------------------------------------
    @_numpy_names
    def matmul(self, other):
        return _wrap(_op("matmul", self._t, other._t))

    def mm(self, mat2):
        return _wrap(_op("mm", self._t, mat2._t))

    def mv(self, vec):
        return _wrap(_op("mv", self._t, vec._t))

    def bmm(self, mat2):
        return _wrap(_op("bmm", self._t, mat2._t))

    def dot(self, tensor):
        return _wrap(_op("dot", self._t, tensor._t))

    def outer(self, vec2):
        return _wrap(_op("outer", self._t, vec2._t))

    # -- reductions -------------------------------------------------------------------------------
    # Reductions over several dims take them as a tuple or list (`x.sum((0, 1))`); all take NumPy's `axis=`.
    def _cast_first(self, dtype):
        # A reduction's dtype= casts the input before reducing, so the sums are made in that dtype.
        return self if dtype is None or from_name(dtype) is self.dtype else self.to(dtype)

    @_numpy_names
    def sum(self, dim=None, keepdim=False, *, dtype=None):
        return _wrap(_op("sum", self._cast_first(dtype)._t, _dims(dim), keepdim, None if dtype is None else from_name(dtype).name))

    @_numpy_names
    def mean(self, dim=None, keepdim=False, *, dtype=None):
        return _wrap(_op("mean", self._cast_first(dtype)._t, _dims(dim), keepdim, None if dtype is None else from_name(dtype).name))

    def _extreme(self, which, dim, keepdim, other):
        if isinstance(dim, Tensor) or other is not None:
            other = dim if other is None else other
            return _wrap(_op("maximum" if which == "max" else "minimum", self._t, other._t))
        if dim is None:
            return _wrap(_op(which + "_all", self._t))
        r = _op(which + "_dim", self._t, _dim(dim, which), keepdim)
        return _ReturnType(which, _wrap(r[0]), _wrap(r[1]))

    @_numpy_names
    def max(self, dim=None, keepdim=False, *, other=None):
        return self._extreme("max", dim, keepdim, other)

    @_numpy_names
    def min(self, dim=None, keepdim=False, *, other=None):
        return self._extreme("min", dim, keepdim, other)

    @_numpy_names
    def amax(self, dim=(), keepdim=False):
        return _wrap(_op("amax", self._t, _dims(dim), keepdim))

    @_numpy_names
    def amin(self, dim=(), keepdim=False):
        return _wrap(_op("amin", self._t, _dims(dim), keepdim))

    @_numpy_names
    def argmax(self, dim=None, keepdim=False):
        return _wrap(_op("argmax", self._t, _dim_or_none(dim, "argmax"), keepdim))

    @_numpy_names
    def argmin(self, dim=None, keepdim=False):
        return _wrap(_op("argmin", self._t, _dim_or_none(dim, "argmin"), keepdim))

    @_numpy_names
    def prod(self, dim=None, keepdim=False, *, dtype=None):
        return _wrap(_op("prod", self._cast_first(dtype)._t, _dim_or_none(dim, "prod"), keepdim))

    def norm(self, p="fro", dim=None, keepdim=False, dtype=None):
        import torch

        return torch.norm(self, p, dim, keepdim, dtype=dtype)

    @_numpy_names
    def var(self, dim=None, unbiased=None, keepdim=False, *, correction=None):
        return _wrap(_op("var", self._t, _dims(dim), _correction(unbiased, correction), keepdim))

    @_numpy_names
    def std(self, dim=None, unbiased=None, keepdim=False, *, correction=None):
        return _wrap(_op("std", self._t, _dims(dim), _correction(unbiased, correction), keepdim))

    @_numpy_names
    def logsumexp(self, dim, keepdim=False):
        return _wrap(_op("logsumexp", self._t, _dims(dim), keepdim))

    @_numpy_names
    def softmax(self, dim, dtype=None):
        return _wrap(_op("softmax", self._cast_first(dtype)._t, _dim(dim, "softmax")))

    @_numpy_names
    def log_softmax(self, dim, dtype=None):
        return _wrap(_op("log_softmax", self._cast_first(dtype)._t, _dim(dim, "log_softmax")))

    @_numpy_names
    def all(self, dim=None, keepdim=False):
        return _wrap(_op("all", self._t, _dims(dim), keepdim))

    @_numpy_names
    def any(self, dim=None, keepdim=False):
        return _wrap(_op("any", self._t, _dims(dim), keepdim))

    @_numpy_names
    def cumsum(self, dim, *, dtype=None):
        return _wrap(_op("cumsum", self._cast_first(dtype)._t, _dim(dim, "cumsum")))

    # -- elementwise functions --------------------------------------------------------------------
    abs = _unary("abs")
    absolute = abs
    neg = _unary("neg")
    negative = neg
    reciprocal = _unary("reciprocal")
    sign = _unary("sign")
    exp = _unary("exp")
    expm1 = _unary("expm1")
    log = _unary("log")
    log2 = _unary("log2")
    log10 = _unary("log10")
    log1p = _unary("log1p")
    sqrt = _unary("sqrt")
    rsqrt = _unary("rsqrt")
    sin = _unary("sin")
    cos = _unary("cos")
    tan = _unary("tan")
    tanh = _unary("tanh")
    sigmoid = _unary("sigmoid")
    relu = _unary("relu")
    erf = _unary("erf")
    lgamma = _unary("lgamma")
    digamma = _unary("digamma")
    floor = _unary("floor")
    ceil = _unary("ceil")
    round = _unary("round")
    trunc = _unary("trunc")
    square = _unary("square")
    isnan = _unary("isnan")
    isinf = _unary("isinf")
    isfinite = _unary("isfinite")

    def nan_to_num(self, nan=0.0, posinf=None, neginf=None):
        return _wrap(_op("nan_to_num", self._t, float(nan), _scalar_or_none(posinf), _scalar_or_none(neginf)))
    logical_not = _unary("logical_not")
    neg_ = _unary_inplace("neg")
    exp_ = _unary_inplace("exp")
    log_ = _unary_inplace("log")
    sqrt_ = _unary_inplace("sqrt")
    abs_ = _unary_inplace("abs")
    relu_ = _unary_inplace("relu")
    sigmoid_ = _unary_inplace("sigmoid")
    tanh_ = _unary_inplace("tanh")

    def clamp(self, min=None, max=None):
        if isinstance(min, Tensor) or isinstance(max, Tensor):
            return _wrap(_op("clamp_tensor", self._t, _tensor_or_none(min), _tensor_or_none(max)))
        return _wrap(_op("clamp", self._t, _scalar_or_none(min), _scalar_or_none(max)))

    clip = clamp

    @_numpy_names
    def maximum(self, other):
        return _wrap(_op("maximum", self._t, other._t))

    @_numpy_names
    def minimum(self, other):
        return _wrap(_op("minimum", self._t, other._t))

    @_numpy_names
    def where(self, condition, other):
        a = _arg(other)
        return _wrap(_op("where", condition._t, self._t, False, a[0], a[1]))

    def masked_fill(self, mask, value):
        return _wrap(_op("masked_fill", self._t, mask._t, value._t if isinstance(value, Tensor) else float(value)))

    @_numpy_names
    def logical_and(self, other):
        return _wrap(_op("logical_and", self._t, other._t))

    @_numpy_names
    def logical_or(self, other):
        return _wrap(_op("logical_or", self._t, other._t))

    @_numpy_names
    def logical_xor(self, other):
        return _wrap(_op("logical_xor", self._t, other._t))

    # -- shapes and views -------------------------------------------------------------------------
    def view(self, *shape, size=None):
        if len(shape) == 1 and isinstance(shape[0], dtype):
            raise NotImplementedError("view(dtype) is not supported by Autograd Playground")
        return _wrap(_op("view", self._t, *_shape_args(shape, "view", size)))

    def view_as(self, other):
        return self.view(other.shape)

    def reshape(self, *args, shape=None):
        return _wrap(_op("reshape", self._t, *_shape_args(args, "reshape", shape, "shape")))

    def reshape_as(self, other):
        return self.reshape(other.shape)

    def expand(self, *sizes, size=None):
        return _wrap(_op("expand", self._t, *_shape_args(sizes, "expand", size)))

    def expand_as(self, other):
        return self.expand(other.shape)

    def repeat(self, *sizes, repeats=None):
        return _wrap(_op("repeat", self._t, *_shape_args(sizes, "repeat", repeats, "repeats")))

    def flatten(self, start_dim=0, end_dim=-1):
        return _wrap(_op("flatten", self._t, start_dim, end_dim))

    def unflatten(self, dim, sizes):
        return _wrap(_op("unflatten", self._t, dim, *sizes))

    def ravel(self):
        return self.reshape(-1)

    def t(self):
        return _wrap(_op("t", self._t))

    def t_(self):
        raise NotImplementedError("t_() is not supported by Autograd Playground; use t()")

    @property
    def T(self):
        return _wrap(_op("T", self._t))

    @property
    def mT(self):
        return self.transpose(-2, -1)

    mH = mT  # real tensors only: the conjugate is the tensor itself

    def transpose(self, dim0, dim1):
        return _wrap(_op("transpose", self._t, dim0, dim1))

    swapaxes = transpose

    def permute(self, *args, dims=None):
        return _wrap(_op("permute", self._t, *_shape_args(args, "permute", dims, "dims")))

    @_numpy_names
    def unsqueeze(self, dim):
        return _wrap(_op("unsqueeze", self._t, dim))

    @_numpy_names
    def squeeze(self, dim=None):
        return _wrap(_op("squeeze", self._t, _dims(dim)))

    @_numpy_names
    def select(self, dim, index):
        return _wrap(_op("select", self._t, dim, int(index)))

    @_numpy_names
    def narrow(self, dim, start, length):
        return _wrap(_op("narrow", self._t, dim, int(start), int(length)))

    @_numpy_names
    def chunk(self, chunks, dim=0):
        return tuple(_wrap(x) for x in _op("chunk", self._t, chunks, dim))

    def split(self, split_size, dim=0):
        s = split_size if isinstance(split_size, int) else _js(list(split_size))
        return tuple(_wrap(x) for x in _op("split", self._t, s, dim))

    def unsafe_chunk(self, chunks, dim=0):
        return tuple(_wrap(x) for x in _op("unsafe_chunk", self._t, chunks, dim))

    def unsafe_split(self, split_size, dim=0):
        s = split_size if isinstance(split_size, int) else _js(list(split_size))
        return tuple(_wrap(x) for x in _op("unsafe_split", self._t, s, dim))

    @_numpy_names
    def unbind(self, dim=0):
        return tuple(_wrap(x) for x in _op("unbind", self._t, dim))

    @_numpy_names
    def index_select(self, dim, index):
        return _wrap(_op("index_select", self._t, dim, index._t))

    @_numpy_names
    def gather(self, dim, index, *, sparse_grad=False):
        if sparse_grad:
            raise NotImplementedError("gather(): sparse_grad=True is not supported in Autograd Playground (no sparse tensors)")
        return _wrap(_op("gather", self._t, dim, index._t))

    @_numpy_names
    def scatter_add(self, dim, index, src):
        return _wrap(_op("scatter_add", self._t, dim, index._t, src._t))

    @_numpy_names
    def scatter_add_(self, dim, index, src):
        _op("iop", "scatter_add", self._t, dim, index._t, src._t)
        return self

    def diagonal(self, offset=0, dim1=0, dim2=1):
        return _wrap(_op("diagonal", self._t, offset, dim1, dim2))

    def tril(self, diagonal=0):
        return _wrap(_op("tril", self._t, diagonal))

    def triu(self, diagonal=0):
        return _wrap(_op("triu", self._t, diagonal))

    def flip(self, *args, dims=None):
        return _wrap(_op("flip", self._t, *_shape_args(args, "flip", dims, "dims")))

    def __getitem__(self, index):
        return _wrap(_op("getitem", self._t, *_index_items(index)))

    def __setitem__(self, index, value):
        if isinstance(value, Tensor):
            v = value
        else:
            v = _tensor_from_data(value, self.dtype)
        _op("setitem", self._t, v._t, *_index_items(index))

    def __contains__(self, element):
        return bool((self == element).any().item())

    def __array__(self, dtype=None):
        return self.numpy()

    def __reduce_ex__(self, proto):
        # As PyTorch's: a rebuild from the storage (shared by copy.copy; bytes in a pickle) and the view on it.
        from collections import OrderedDict
        from ._utils import _rebuild_tensor_v2
        from .storage import TypedStorage

        args = (TypedStorage._of(self), self.storage_offset(), tuple(self.size()), tuple(self.stride()), self.requires_grad, OrderedDict())
        return (_rebuild_tensor_v2, args)

    def __deepcopy__(self, memo):
        c = self.detach().clone()
        if self.requires_grad:
            c.requires_grad_(True)
        if isinstance(self, type(c)) is False:
            c = _wrap(c._t, type(self))
        memo[id(self)] = c
        return c


_bind_tensor_class(Tensor)

# Names that moved into modules which import this one, so they cannot be imported back at load: looked up on
# first use, which keeps `from torch._tensor import Node` working without an import cycle.
_MOVED = {
    "Node": ("torch.autograd.graph", "Node"),
    "_node": ("torch.autograd.graph", "_node"),
    "_nodes": ("torch.autograd.graph", "_nodes"),
    "_RemovableHandle": ("torch.utils.hooks", "RemovableHandle"),
    "typename": ("torch._utils", "typename"),
}


def __getattr__(name):
    if name not in _MOVED:
        raise AttributeError("module %r has no attribute %r" % (__name__, name))
    import importlib

    module, attr = _MOVED[name]
    return getattr(importlib.import_module(module), attr)
