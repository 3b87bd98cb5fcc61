"""torch.nn.modules: the layers, one file per family as in PyTorch."""
from .module import Module
from .linear import Identity, Linear
from .container import ModuleDict, ModuleList, ParameterDict, ParameterList, Sequential
from .activation import (
    CELU, ELU, GELU, GLU, Hardshrink, Hardsigmoid, Hardswish, Hardtanh, LeakyReLU, LogSigmoid, LogSoftmax, Mish,
    MultiheadAttention, PReLU, ReLU, ReLU6, RReLU, SELU, SiLU, Sigmoid, Softmax, Softmin, Softplus, Softshrink, Softsign,
    Tanh, Tanhshrink, Threshold,
)
from .distance import CosineSimilarity, PairwiseDistance
from .flatten import Flatten, Unflatten
from .dropout import Dropout, Dropout1d, Dropout2d
from .batchnorm import BatchNorm1d, BatchNorm2d, BatchNorm3d
from .normalization import GroupNorm, LayerNorm
from .instancenorm import InstanceNorm1d, InstanceNorm2d
from .pixelshuffle import PixelShuffle, PixelUnshuffle
from .pooling import AdaptiveMaxPool1d, AdaptiveMaxPool2d
from .activation import Softmax2d
from .normalization import LocalResponseNorm
from .linear import Bilinear
from .dropout import AlphaDropout, Dropout3d
from .sparse import Embedding, EmbeddingBag
from .rnn import GRU, GRUCell, LSTM, LSTMCell, RNN, RNNBase, RNNCell, RNNCellBase
from .transformer import Transformer, TransformerDecoder, TransformerDecoderLayer, TransformerEncoder, TransformerEncoderLayer
from .conv import Conv1d, Conv2d, ConvTranspose2d
from .pooling import AdaptiveAvgPool1d, AdaptiveAvgPool2d, AvgPool1d, AvgPool2d, MaxPool1d, MaxPool2d
from .padding import (
    CircularPad1d, CircularPad2d, CircularPad3d, ConstantPad1d, ConstantPad2d, ConstantPad3d, ReflectionPad1d,
    ReflectionPad2d, ReflectionPad3d, ReplicationPad1d, ReplicationPad2d, ReplicationPad3d, ZeroPad1d, ZeroPad2d, ZeroPad3d,
)
from .upsampling import Upsample, UpsamplingBilinear2d, UpsamplingNearest2d
from .loss import BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, HuberLoss, L1Loss, MSELoss, NLLLoss, SmoothL1Loss, _Loss
from .loss import (
    CosineEmbeddingLoss, GaussianNLLLoss, HingeEmbeddingLoss, KLDivLoss, MarginRankingLoss, MultiLabelSoftMarginLoss,
    MultiMarginLoss, PoissonNLLLoss, SoftMarginLoss, TripletMarginLoss,
)

__all__ = [
    "Module", "Identity", "Linear", "ModuleList", "Sequential", "ELU", "GELU", "LeakyReLU", "LogSoftmax", "ReLU",
    "SiLU", "Sigmoid", "Softmax", "Softplus", "Tanh", "Flatten", "Dropout", "BCELoss", "BCEWithLogitsLoss",
    "CrossEntropyLoss", "HuberLoss", "L1Loss", "MSELoss", "NLLLoss", "SmoothL1Loss",
    # normalisation, channel dropout, lookup tables, containers (issue 14)
    "BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "LayerNorm", "GroupNorm", "Dropout1d", "Dropout2d", "Embedding", "EmbeddingBag",
    "ModuleDict", "ParameterList", "ParameterDict",
    # recurrent and attention layers (issue 14)
    "RNNBase", "RNN", "LSTM", "GRU", "RNNCellBase", "RNNCell", "LSTMCell", "GRUCell",
    "MultiheadAttention", "Transformer", "TransformerEncoder", "TransformerDecoder", "TransformerEncoderLayer",
    "TransformerDecoderLayer",
]
# convolution, pooling and upsampling (issue 14)
__all__ += [
    "Conv1d", "Conv2d", "ConvTranspose2d", "AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AvgPool1d", "AvgPool2d",
    "MaxPool1d", "MaxPool2d", "Upsample", "UpsamplingBilinear2d", "UpsamplingNearest2d",
]
# padding
__all__ += [
    "ConstantPad1d", "ConstantPad2d", "ConstantPad3d", "ZeroPad1d", "ZeroPad2d", "ZeroPad3d", "ReflectionPad1d", "ReflectionPad2d",
    "ReflectionPad3d", "ReplicationPad1d", "ReplicationPad2d", "ReplicationPad3d", "CircularPad1d", "CircularPad2d", "CircularPad3d",
]
# activations and distances
__all__ += [
    "CELU", "GLU", "Hardshrink", "Hardsigmoid", "Hardswish", "Hardtanh", "LogSigmoid", "Mish", "PReLU", "ReLU6", "RReLU",
    "SELU", "Softmin", "Softshrink", "Softsign", "Tanhshrink", "Threshold", "CosineSimilarity", "PairwiseDistance", "Unflatten",
]
# kl_div, the margin and hinge losses, Poisson and Gaussian NLL
__all__ += [
    "KLDivLoss", "CosineEmbeddingLoss", "MarginRankingLoss", "HingeEmbeddingLoss", "SoftMarginLoss", "MultiLabelSoftMarginLoss",
    "MultiMarginLoss", "TripletMarginLoss", "PoissonNLLLoss", "GaussianNLLLoss",
]
# instance norm, pixel shuffle, adaptive max pooling, local response norm, bilinear, alpha and 3-D dropout
__all__ += [
    "InstanceNorm1d", "InstanceNorm2d", "PixelShuffle", "PixelUnshuffle",
    "AdaptiveMaxPool1d", "AdaptiveMaxPool2d", "Softmax2d", "LocalResponseNorm", "Bilinear", "AlphaDropout", "Dropout3d",
]
