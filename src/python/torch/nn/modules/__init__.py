"""torch.nn.modules: the layers, one file per family as in PyTorch."""
from .module import Module
from .linear import Identity, Linear
from .container import ModuleList, Sequential
from .activation import ELU, GELU, LeakyReLU, LogSoftmax, ReLU, SiLU, Sigmoid, Softmax, Softplus, Tanh
from .flatten import Flatten
from .dropout import Dropout
from .loss import BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, HuberLoss, L1Loss, MSELoss, NLLLoss, SmoothL1Loss, _Loss

__all__ = [
    "Module", "Identity", "Linear", "ModuleList", "Sequential", "ELU", "GELU", "LeakyReLU", "LogSoftmax", "ReLU",
    "SiLU", "Sigmoid", "Softmax", "Softplus", "Tanh", "Flatten", "Dropout", "BCELoss", "BCEWithLogitsLoss",
    "CrossEntropyLoss", "HuberLoss", "L1Loss", "MSELoss", "NLLLoss", "SmoothL1Loss",
]
