"""torch.cuda as a CPU build of PyTorch has it: no device, and the calls that would need one raise the
"Torch not compiled with CUDA enabled" AssertionError. Seeding and memory queries answer as that build does
(the seed calls queue nothing and return, the memory counters are 0), so a tutorial's set-up code runs."""
from ._device import cuda_not_compiled
from ._legacy import CUDA_TYPES as _CUDA_TYPES

globals().update(_CUDA_TYPES)


def is_available():
    return False


def device_count():
    return 0


def is_initialized():
    return False


def manual_seed(seed):
    pass


def manual_seed_all(seed):
    pass


def seed():
    pass


def seed_all():
    pass


def empty_cache():
    pass


def set_rng_state(new_state, device="cuda"):
    pass


def memory_allocated(device=None):
    return 0


def max_memory_allocated(device=None):
    return 0


def memory_reserved(device=None):
    return 0


def max_memory_reserved(device=None):
    return 0


def _needs_cuda(name):
    def f(*args, **kwargs):
        raise cuda_not_compiled()

    f.__name__ = f.__qualname__ = name
    return f


current_device = _needs_cuda("current_device")
get_device_name = _needs_cuda("get_device_name")
get_device_properties = _needs_cuda("get_device_properties")
get_device_capability = _needs_cuda("get_device_capability")
synchronize = _needs_cuda("synchronize")
initial_seed = _needs_cuda("initial_seed")
get_rng_state = _needs_cuda("get_rng_state")
is_bf16_supported = _needs_cuda("is_bf16_supported")
