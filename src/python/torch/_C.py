"""torch's view of the engine: the calling convention, error translation and source lines of
_playground.bridge, under the name the rest of the package imports them by (as PyTorch's `torch._C`)."""

from _playground.bridge import E, call, checks_each_op, convert, js, op, user_line  # noqa: F401
from _playground.frames import is_internal_file, user_frame  # noqa: F401
