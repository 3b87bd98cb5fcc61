"""torch.nn: Module, Parameter, layers and losses in Python over the engine's ops.

Only re-exports, as in PyTorch: the classes live in torch.nn.parameter and torch.nn.modules.*.
"""
from . import functional
from . import init
from .parameter import Parameter
from .modules import *  # noqa: F401,F403
from .modules import _Loss  # noqa: F401
from . import modules, parameter  # noqa: F401
from . import utils  # noqa: F401

# `nn.F` was an attribute of this module before the split; kept so that nothing importable disappears.
F = functional
