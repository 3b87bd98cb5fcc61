"""torch.autograd.grad_mode: the switches of grad mode (no_grad, enable_grad, set_grad_enabled,
inference_mode), as context managers and decorators over the engine's one flag."""
import functools

from .._C import E


class _GradMode:
    """Context manager and decorator that sets grad mode, like torch.no_grad and friends."""

    _mode = True

    def __enter__(self):
        self._prev = E.set_grad_enabled(self._mode)
        return self

    def __exit__(self, *exc):
        E.set_grad_enabled(self._prev)
        return False

    def __call__(self, fn):
        mode = self._mode

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            prev = E.set_grad_enabled(mode)
            try:
                return fn(*args, **kwargs)
            finally:
                E.set_grad_enabled(prev)

        return wrapper

    def clone(self):
        return type(self)()


class _NoParamGradMode(_GradMode):
    """Also usable as a bare decorator (`@torch.no_grad` without parentheses), as in PyTorch 2."""

    def __new__(cls, orig_func=None):
        if orig_func is None:
            return super().__new__(cls)
        return cls()(orig_func)


class no_grad(_NoParamGradMode):
    _mode = False


class enable_grad(_NoParamGradMode):
    _mode = True


class inference_mode(_GradMode):
    def __init__(self, mode=True):
        self._mode = not mode


class set_grad_enabled(_GradMode):
    """Takes effect immediately (usable as a plain call) and restores the old mode when used with `with`."""

    def __init__(self, mode):
        self._mode = bool(mode)
        self._prev = E.set_grad_enabled(self._mode)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        E.set_grad_enabled(self._prev)
        return False

    def clone(self):
        return set_grad_enabled(self._mode)


def is_grad_enabled():
    return bool(E.is_grad_enabled())
