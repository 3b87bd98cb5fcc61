"""torch.autograd.function: custom autograd Functions.

A subclass of Function gets a `<Name>Backward` class (FunctionMeta); `apply` makes one instance of it as the
`ctx`, runs `forward` under no_grad, and has the engine record a node (src/engine/ops/custom.ts) whose backward
calls `_backward_from_engine` here, which runs the user's `backward` with that same ctx. The ctx is the output's
grad_fn, as in PyTorch, and is kept in graph._contexts while the engine node lives.
"""
import functools
import inspect
import linecache
import warnings

from .. import _C
from .._C import E, call as _call, js as _js
from .. import _tensor_args
from .._tensor_args import _wrap, _wrap_opt
from . import graph as _graph
from .grad_mode import no_grad


class _FunctionBase:
    """What PyTorch's C++ gives every custom Function node: graph access and saved tensors over the engine."""

    __module__ = "torch._C"

    def _engine_node(self):
        ref = self.__dict__.get("_nref")
        n = None if ref is None else ref.deref()
        if n is None:
            raise RuntimeError("this %s is not part of a recorded graph" % type(self).__name__)
        return n

    def name(self):
        return type(self).__name__

    @property
    def next_functions(self):
        if self.__dict__.get("_nref") is None:
            return ()
        return _graph._next_functions(self._engine_node())

    @property
    def metadata(self):
        m = self.__dict__.get("_metadata")
        if m is None:
            m = self.__dict__["_metadata"] = {}
        return m

    @property
    def saved_tensors(self):
        # Inside forward, before the node exists, PyTorch answers with an empty tuple.
        if self.__dict__.get("_nref") is None:
            return ()
        return tuple(_wrap_opt(t) for t in _call(E.node_saved, self._engine_node()))

    def register_hook(self, fn):
        return _graph._register_hook(self._engine_node(), fn)

    def register_prehook(self, fn):
        return _graph._register_prehook(self._engine_node(), fn)


_FunctionBase.__qualname__ = "_FunctionBase"
_graph.Node.register(_FunctionBase)


class FunctionCtx:
    """The `ctx` methods a forward (or setup_context) calls to prepare backward."""

    def save_for_backward(self, *tensors):
        self.to_save = tensors

    def save_for_forward(self, *tensors):
        for t in tensors:
            if t is not None and not isinstance(t, _tensor_args.Tensor):
                raise AssertionError(
                    "save_for_forward expects all arguments to be tensors; you should save non-tensors as attributes on ctx."
                )
        self.saved_for_forward = tensors

    def mark_dirty(self, *args):
        self.dirty_tensors = args

    def mark_shared_storage(self, *pairs):
        warnings.warn(
            "mark_shared_storage is deprecated. Tensors with shared storages are automatically tracked. Note that calls to `set_()` are not tracked"
        )

    def mark_non_differentiable(self, *args):
        self.non_differentiable = args

    def set_materialize_grads(self, value):
        self.materialize_grads = value


class _HookMixin:
    @staticmethod
    def _register_hook(backward_hooks, hook):
        from collections import OrderedDict

        from ..utils.hooks import RemovableHandle

        if backward_hooks is None:
            backward_hooks = OrderedDict()
        handle = RemovableHandle(None, None)
        backward_hooks[id(handle)] = hook
        return backward_hooks, handle


class BackwardCFunction(_FunctionBase, FunctionCtx, _HookMixin):
    """The class of a custom Function's ctx and grad_fn; `<Name>Backward` subclasses it."""

    def apply(self, *args):
        cls = self._forward_cls
        if cls.backward is not Function.backward and cls.vjp is not Function.vjp:
            raise RuntimeError(
                "Implementing both 'backward' and 'vjp' for a custom Function is not allowed. You should only implement one of them."
            )
        user_fn = cls.vjp if cls.vjp is not Function.vjp else cls.backward
        return user_fn(self, *args)

    def apply_jvp(self, *args):
        return self._forward_cls.jvp(self, *args)


class FunctionMeta(type):
    """Gives each Function subclass its `<Name>Backward` class, the type of its ctx and grad_fn."""

    def __init__(cls, name, bases, attrs):
        cls._backward_cls = type(name + "Backward", (BackwardCFunction,), {"_forward_cls": cls})
        super().__init__(name, bases, attrs)


class _SingleLevelFunction(_FunctionBase, FunctionCtx, _HookMixin, metaclass=FunctionMeta):
    @staticmethod
    def forward(*args, **kwargs):
        raise NotImplementedError("You must implement the forward function for custom autograd.Function.")

    @staticmethod
    def setup_context(ctx, inputs, output):
        raise NotImplementedError("setup_context is not implemented.")

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError(
            "You must implement either the backward or vjp method for your custom autograd.Function to use it with backward mode AD."
        )

    vjp = backward

    @staticmethod
    def jvp(ctx, *grad_inputs):
        raise NotImplementedError(
            "You must implement the jvp function for custom autograd.Function to use it with forward mode AD."
        )


class Function(_SingleLevelFunction):
    """Base class of custom autograd Functions: static `forward(ctx, ...)` and `backward(ctx, ...)`, used as
    `MyFunction.apply(...)`."""

    generate_vmap_rule = False

    def __init__(self, *args, **kwargs):
        warnings.warn(
            f"{self.__class__} should not be instantiated. Methods on autograd functions"
            "are all static, so you should invoke them on the class itself. "
            "Instantiating an autograd function will raise an "
            "error in a future version of PyTorch.",
            DeprecationWarning,
            stacklevel=2,
        )

    def __call__(self, *args, **kwargs):
        raise RuntimeError(
            "Legacy autograd function with non-static forward method is deprecated. "
            "Please use new-style autograd function with static forward method. "
            "(Example: https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)"
        )

    @classmethod
    def apply(cls, *args, **kwargs):
        setup = cls.setup_context is not _SingleLevelFunction.setup_context
        if setup:
            bound = inspect.signature(cls.forward).bind(*args, **kwargs)
            bound.apply_defaults()
            args = bound.args
        elif kwargs:
            raise TypeError("apply() takes no keyword arguments")
        return _apply(cls, args, setup)


class InplaceFunction(Function):
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace


def _apply(cls, args, setup):
    Tensor = _tensor_args.Tensor
    ctx = object.__new__(cls._backward_cls)
    ctx.to_save = None
    ctx.dirty_tensors = None
    ctx.non_differentiable = None
    ctx.materialize_grads = True
    ctx.needs_input_grad = tuple(isinstance(a, Tensor) and a.requires_grad for a in args)
    with no_grad():
        if setup:
            outputs = cls.forward(*args)
            cls.setup_context(ctx, args, outputs)
        else:
            outputs = cls.forward(ctx, *args)

    single = not isinstance(outputs, tuple)
    outs = (outputs,) if single else outputs
    saved = _saved_engine_values(ctx.to_save)
    line = _C.user_line()
    if line >= 0:
        line = _backward_line(cls, line)
    tensor_outs = [o._t if isinstance(o, Tensor) else None for o in outs]
    marked = ctx.non_differentiable or ()
    rec = _call(
        E.autograd_function_apply,
        line,
        cls._backward_cls.__name__,
        _js([a._t for a in args if isinstance(a, Tensor)]),
        _js(tensor_outs),
        _js([t is not None and any(m._t == t for m in marked if isinstance(m, Tensor)) for t in tensor_outs]),
        _js([t._t for t in (ctx.dirty_tensors or ()) if isinstance(t, Tensor)]),
        _js(saved),
        bool(ctx.materialize_grads),
        _DISPATCH,
    )
    ctx.to_save = None
    ctx.dirty_tensors = None
    ctx.non_differentiable = None
    node = rec.node
    if node is not None:
        key = int(node.id)
        ctx._is_tensor_input = tuple(isinstance(a, Tensor) for a in args)
        ctx._nref = E.node_weakref(node)
        _graph._contexts.put(node, key, ctx)
    result = []
    for o, t in zip(outs, rec.outputs):
        # The forward's own tensor objects come back as they were given; a new view gets a new wrapper.
        result.append(o if t is None or o._t == t else _wrap(t))
    return result[0] if single else tuple(result)


def _saved_engine_values(to_save):
    if to_save is None:
        return []
    out = []
    for i, t in enumerate(to_save):
        if t is None:
            out.append(None)
        elif isinstance(t, _tensor_args.Tensor):
            out.append(t._t)
        else:
            raise TypeError(
                "save_for_backward can only save variables, but argument %d is of type %s" % (i, type(t).__name__)
            )
    return out


def _backward_line(cls, default):
    """The line of the user's `backward` (its `def`, past decorators), shown with the node in the graph."""
    fn = cls.vjp if cls.vjp is not Function.vjp else cls.backward
    fn = inspect.unwrap(fn)
    code = getattr(fn, "__code__", None)
    if fn is Function.backward or code is None:
        return default
    line = code.co_firstlineno
    while linecache.getline(code.co_filename, line).lstrip().startswith("@"):
        line += 1
    return line


def _backward_from_engine(node, grads):
    """The engine running a custom Function's node: the user's backward, and PyTorch's checks on its result."""
    ctx = _graph._contexts.get(int(node.id))
    result = ctx.apply(*[_wrap_opt(g) for g in grads])
    if not isinstance(result, tuple):
        result = (result,)
    is_tensor = ctx._is_tensor_input
    n = len(is_tensor)
    # Extra trailing Nones are allowed, as in PyTorch.
    if len(result) > n and all(r is None for r in result[n:]):
        result = result[:n]
    if len(result) != n:
        raise RuntimeError(
            "function %s returned an incorrect number of gradients (expected %d, got %d)"
            % (type(ctx).__name__, n, len(result))
        )
    out = []
    for i, r in enumerate(result):
        if is_tensor[i]:
            if r is None:
                out.append(None)
            elif isinstance(r, _tensor_args.Tensor):
                out.append(r._t)
            else:
                raise RuntimeError("expected Variable or None (got %s)" % type(r).__name__)
        elif r is not None:
            raise RuntimeError(
                "function %s returned a gradient different than None at position %d, but the corresponding forward input was not a Variable"
                % (type(ctx).__name__, i + 1)
            )
    return _js(out)


def _make_dispatch():
    from pyodide.ffi import create_proxy

    return create_proxy(_backward_from_engine)


# One proxy for every node: the engine passes the node back, and the ctx is found by its id.
_DISPATCH = _make_dispatch()


def once_differentiable(fn):
    """Runs `backward` under no_grad; a second differentiation through its result raises, as in PyTorch."""

    @functools.wraps(fn)
    def wrapper(ctx, *args):
        with no_grad():
            outputs = fn(ctx, *args)
        if not E.is_grad_enabled():
            return outputs
        Tensor = _tensor_args.Tensor
        if not any(isinstance(a, Tensor) and a.requires_grad for a in args):
            return outputs
        single = not isinstance(outputs, tuple)
        outs = (outputs,) if single else outputs
        fakes = []
        for v in outs:
            if v is not None:
                v = v.detach()
                v.requires_grad = True
            fakes.append(v)
        guarded = iter(
            _call(
                E.autograd_error_node,
                "trying to differentiate twice a function that was marked with @once_differentiable",
                _js([v._t for v in fakes if v is not None]),
            )
        )
        result = tuple(None if v is None else _wrap(next(guarded)) for v in fakes)
        return result[0] if len(result) == 1 else result

    return wrapper
