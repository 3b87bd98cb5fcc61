"""torch.backends as a CPU build of PyTorch reports it: no cuDNN, no MPS, no CUDA. The cuDNN flags tutorials
set for reproducibility (`torch.backends.cudnn.deterministic = True`) are plain attributes, as there."""
from . import cuda, cudnn, mps  # noqa: F401
