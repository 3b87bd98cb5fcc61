"""torch.nn.modules.activation: the element-wise activations and (Log)Softmax as Modules."""
from .. import functional as F
from .module import Module


def _activation(name, fn, extra=lambda self: ""):
    class Act(Module):
        def __init__(self, *args, inplace=False, **kwargs):
            super().__init__()
            self._args = args
            self._kwargs = kwargs
            self.inplace = inplace

        def forward(self, input):
            return fn(self, input)

        def extra_repr(self):
            return extra(self)

    Act.__name__ = Act.__qualname__ = name
    return Act


ReLU = _activation("ReLU", lambda s, x: x.relu(), lambda s: "inplace=True" if s.inplace else "")
Sigmoid = _activation("Sigmoid", lambda s, x: x.sigmoid())
Tanh = _activation("Tanh", lambda s, x: x.tanh())
GELU = _activation("GELU", lambda s, x: F.gelu(x, s._kwargs.get("approximate", "none")))
SiLU = _activation("SiLU", lambda s, x: F.silu(x))
Softplus = _activation("Softplus", lambda s, x: F.softplus(x, *s._args, **s._kwargs))


class LeakyReLU(Module):
    def __init__(self, negative_slope=0.01, inplace=False):
        super().__init__()
        self.negative_slope = negative_slope
        self.inplace = inplace

    def forward(self, input):
        return F.leaky_relu(input, self.negative_slope)

    def extra_repr(self):
        return "negative_slope=%s%s" % (self.negative_slope, ", inplace=True" if self.inplace else "")


class ELU(Module):
    def __init__(self, alpha=1.0, inplace=False):
        super().__init__()
        self.alpha = alpha

    def forward(self, input):
        return F.elu(input, self.alpha)

    def extra_repr(self):
        return "alpha=%s" % self.alpha


class Softmax(Module):
    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return input.softmax(self.dim)

    def extra_repr(self):
        return "dim=%s" % self.dim


class LogSoftmax(Softmax):
    def forward(self, input):
        return input.log_softmax(self.dim)
