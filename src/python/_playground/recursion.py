"""sys.setrecursionlimit capped at what the worker's stacks can bear, and reset for each run.

Recursion that goes through C (`Module.__call__`, `__getattr__`) is stopped by CPython's C-stack check, which
the worker sets up to fire before the thread's JS stack runs out (guardCStack in worker.ts). Plain Python
recursion uses no C stack, but freeing what it leaves behind does: the traceback of a RecursionError is a
chain of objects freed one inside the other, and at ~300,000 frames that chain overflowed the 64 MiB JS stack,
a fatal error after the script had already caught the exception. Formatting an uncaught one also costs
~70 microseconds a frame. So a limit above LIMIT_CAP becomes LIMIT_CAP, and sys.getrecursionlimit() reports
the limit in force, as it does in CPython.
"""

import sys

from . import hooks

LIMIT_CAP = 50_000

_DEFAULT_LIMIT = sys.getrecursionlimit()
_set_limit = sys.setrecursionlimit


def setrecursionlimit(limit, /):
    # Anything that is not a large int goes through unchanged, so CPython raises its own errors for it.
    if isinstance(limit, int) and limit > LIMIT_CAP:
        limit = LIMIT_CAP
    _set_limit(limit)


setrecursionlimit.__doc__ = _set_limit.__doc__ + "\n\nIn the playground, a limit above %d is set to %d." % (LIMIT_CAP, LIMIT_CAP)
sys.setrecursionlimit = setrecursionlimit

# A session runs many scripts in one interpreter; each starts with CPython's default, as a fresh one would.
hooks.on_run_start(lambda: _set_limit(_DEFAULT_LIMIT))
