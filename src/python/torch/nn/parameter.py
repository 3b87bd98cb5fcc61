"""torch.nn.parameter: Parameter, the leaf tensor a Module registers (as in PyTorch, whose class lives here)."""
from .._tensor import Tensor, _wrap


class Parameter(Tensor):
    """A leaf tensor that a Module registers; requires grad by default."""

    def __new__(cls, data=None, requires_grad=True):
        if data is None:
            from .. import empty

            data = empty(0)
        t = _wrap(data.detach()._t, cls)
        if requires_grad:
            t.requires_grad_(True)
        return t

    def __repr__(self):
        return "Parameter containing:\n" + Tensor.__repr__(self)

    def __reduce_ex__(self, proto):
        # As PyTorch's: torch._utils rebuilds it from its data (with any attributes set on it).
        from collections import OrderedDict
        from .. import _utils

        hooks = OrderedDict()
        if self.__dict__:
            return (_utils._rebuild_parameter_with_state, (self.data, self.requires_grad, hooks, dict(self.__dict__)))
        return (_utils._rebuild_parameter, (self.data, self.requires_grad, hooks))
