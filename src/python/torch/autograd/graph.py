"""torch.autograd.graph: Node, the abstract class of every grad_fn; the built-in grad_fn classes (one per engine
node name, `MulBackward0`, ...); and the Python state kept per engine node (a custom Function's ctx, `metadata`).

The engine's nodes are JavaScript objects that hold nothing of Python's, so no reference cycle crosses the two
heaps. Python state that must live as long as a node is kept in a _PerNode table beside a JavaScript WeakRef to
the node, and dropped once the WeakRef is cleared.
"""
import abc
import weakref

from .._C import E, call as _call, js as _js
from .. import _tensor_args
from .._tensor_args import _wrap, _wrap_opt

_new = object.__new__

# Engine names PyTorch prefixes with their C++ namespace in name(); their classes keep the short name.
_QUALIFIED = {n: "torch::autograd::" + n for n in ("AccumulateGrad", "CopyBackwards", "CopySlices", "Error", "NotImplemented")}


class Node(abc.ABC):
    """What every grad_fn is an instance of (the built-in classes and custom Functions' `<Name>Backward`)."""

    __slots__ = ()

    @abc.abstractmethod
    def name(self):
        """The node's name, e.g. 'MulBackward0'."""

    @property
    @abc.abstractmethod
    def next_functions(self):
        """((node, output number), ...) for each input of the operation, None where it needs no gradient."""

    @property
    @abc.abstractmethod
    def metadata(self):
        """A dict kept with the node, for the user's own data."""

    @abc.abstractmethod
    def register_hook(self, fn):
        """`fn(grad_inputs, grad_outputs)` after the node ran; may return replacement grad_inputs."""

    @abc.abstractmethod
    def register_prehook(self, fn):
        """`fn(grad_outputs)` before the node runs; may return replacement grad_outputs."""


class _PerNode:
    """Python objects kept while their engine node lives. JavaScript calls nothing back when a node is collected
    during a run, so entries are found dead by their WeakRef, in a sweep each time the table has doubled."""

    __slots__ = ("_items", "_limit")

    def __init__(self):
        self._items = {}
        self._limit = 64

    def get(self, key):
        entry = self._items.get(key)
        return None if entry is None else entry[0]

    def put(self, node, key, value):
        self._items[key] = (value, E.node_weakref(node))
        if len(self._items) >= self._limit:
            dead = [k for k, (_, ref) in self._items.items() if ref.deref() is None]
            for k in dead:
                del self._items[k]
            self._limit = max(64, 2 * len(self._items))


# A custom Function's ctx (its grad_fn object) by node id, and the metadata dicts of built-in nodes.
_contexts = _PerNode()
_metadata = _PerNode()
# One wrapper per built-in node while any is referenced, so `y.grad_fn is y.grad_fn` and Node keys stay stable.
_nodes = weakref.WeakValueDictionary()
_classes = {}


def _node_class(name):
    cls = _classes.get(name)
    if cls is None:
        # As PyTorch's generated classes print: `<class 'MulBackward0'>`.
        cls = type(name, (_EngineNode,), {"__slots__": (), "__module__": "builtins"})
        _classes[name] = cls
    return cls


def _node(n):
    """The grad_fn object of engine node `n` (None for None)."""
    if n is None:
        return None
    key = int(n.id)
    ctx = _contexts.get(key)
    if ctx is not None:
        return ctx
    w = _nodes.get(key)
    if w is None:
        w = _new(_node_class(str(n.name)))
        w._n = n
        _nodes[key] = w
    return w


# -- what built-in nodes and custom Functions' nodes share, on the engine node -------------------------------
def _next_functions(n):
    nrs = _call(E.node_next_nr, n)
    return tuple((_node(x), int(nrs[i])) for i, x in enumerate(_call(E.node_next, n)))


def _hook_name(fn):
    return getattr(fn, "__name__", "<unknown>")


def _checked(fn, given, result):
    """A hook's result as engine values, with PyTorch's checks; None when the hook returned None."""
    if result is None:
        return None
    if not isinstance(result, tuple):
        raise TypeError("expected tuple, but hook returned '%s'" % type(result).__name__)
    if len(result) != len(given):
        raise RuntimeError(
            "hook '%s' has returned an incorrect number of values (got %d, but expected %d)"
            % (_hook_name(fn), len(result), len(given))
        )
    out = []
    for old, new in zip(given, result):
        if new is None:
            out.append(None)
            continue
        if old is None:
            raise RuntimeError("can't replace a None gradient with a non-None value")
        if not isinstance(new, _tensor_args.Tensor):
            raise TypeError("expected Variable, but hook returned '%s'" % type(new).__name__)
        if new.dtype != old.dtype:
            raise RuntimeError(
                "hook '%s' has changed the type of value (was %s got %s)" % (_hook_name(fn), old.type(), new.type())
            )
        if new.shape != old.shape:
            raise RuntimeError("hook '%s' has changed the size of value" % _hook_name(fn))
        out.append(new._t)
    return _js(out)


def _register_prehook(n, fn):
    def js_hook(grad_outputs):
        given = tuple(_wrap_opt(g) for g in grad_outputs)
        return _checked(fn, given, fn(given))

    return _removable(E.node_register_prehook, n, js_hook)


def _register_hook(n, fn):
    def js_hook(grad_inputs, grad_outputs):
        given = tuple(_wrap_opt(g) for g in grad_inputs)
        return _checked(fn, given, fn(given, tuple(_wrap_opt(g) for g in grad_outputs)))

    return _removable(E.node_register_hook, n, js_hook)


def _removable(register, n, js_hook):
    from pyodide.ffi import create_proxy

    from ..utils.hooks import RemovableHandle

    proxy = create_proxy(js_hook)
    return RemovableHandle(_call(register, n, proxy), proxy)


def _call_node(n, grads):
    for g in grads:
        if g is not None and not isinstance(g, _tensor_args.Tensor):
            raise TypeError("expected Tensor or None, got %s" % type(g).__name__)
    res = [_wrap_opt(g) for g in _call(E.node_call, n, _js([None if g is None else g._t for g in grads]))]
    return res[0] if len(res) == 1 else tuple(res)


class _EngineNode(Node):
    """A built-in grad_fn over its engine node; each engine name gets its own subclass (see _node_class)."""

    __slots__ = ("_n", "__weakref__")

    def name(self):
        s = str(self._n.name)
        return _QUALIFIED.get(s, s)

    @property
    def next_functions(self):
        return _next_functions(self._n)

    @property
    def variable(self):
        v = _call(E.node_variable, self._n)
        if v is None:
            raise AttributeError("'%s' object has no attribute 'variable'" % type(self).__name__)
        return _wrap(v)

    @property
    def metadata(self):
        key = int(self._n.id)
        m = _metadata.get(key)
        if m is None:
            m = {}
            _metadata.put(self._n, key, m)
        return m

    def register_hook(self, fn):
        return _register_hook(self._n, fn)

    def register_prehook(self, fn):
        return _register_prehook(self._n, fn)

    def __call__(self, *grads):
        return _call_node(self._n, grads)

    def __repr__(self):
        return "<%s object at 0x%012x>" % (type(self).__name__, 0x7F0000000000 + int(self._n.id) * 16)

    def __eq__(self, other):
        return isinstance(other, _EngineNode) and other._n.id == self._n.id

    def __hash__(self):
        return int(self._n.id)
