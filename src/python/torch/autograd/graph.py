"""torch.autograd.graph: Node, the grad_fn wrapper over an engine graph node."""
import weakref

from .._C import E, call as _call
from .._tensor_args import _wrap

_new = object.__new__
# One Node per engine node while any is referenced, so `y.grad_fn is y.grad_fn` and Node keys stay stable.
_nodes = weakref.WeakValueDictionary()


class Node:
    """A grad_fn: names, next_functions and hooks as PyTorch shows them."""

    __slots__ = ("_n", "__weakref__")

    def name(self):
        return str(self._n.name)

    @property
    def next_functions(self):
        return tuple((_node(n), 0) for n in _call(E.node_next, self._n))

    @property
    def variable(self):
        v = _call(E.node_variable, self._n)
        if v is None:
            raise AttributeError("'%s' object has no attribute 'variable'" % self.name())
        return _wrap(v)

    @property
    def metadata(self):
        return {}

    def __repr__(self):
        return "<%s object at 0x%012x>" % (self.name(), 0x7F0000000000 + int(self._n.id) * 16)

    def __eq__(self, other):
        return isinstance(other, Node) and other._n.id == self._n.id

    def __hash__(self):
        return int(self._n.id)


def _node(n):
    if n is None:
        return None
    key = int(n.id)
    w = _nodes.get(key)
    if w is None:
        w = _new(Node)
        w._n = n
        _nodes[key] = w
    return w
