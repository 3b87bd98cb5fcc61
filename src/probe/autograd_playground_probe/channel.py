"""Where events go: a pipe the host opened for us (a file descriptor named in the environment), never stdout,
which is the script's own."""

import json
import math
import os
import threading

ENV_FD = "AUTOGRAD_PLAYGROUND_EVENTS_FD"

_fd = None
_pid = None
_lock = threading.Lock()


def open_channel():
    """Takes the descriptor from the environment (and out of it, so the script's subprocesses do not see it)."""
    global _fd, _pid
    spec = os.environ.pop(ENV_FD, None)
    if not spec:
        return False
    try:
        fd = int(spec)
        os.fstat(fd)
    except (ValueError, OSError):
        return False
    # The script's subprocesses must not hold the pipe open: the host reads it to its end.
    try:
        os.set_inheritable(fd, False)
    except OSError:
        pass
    _fd, _pid = fd, os.getpid()
    return True


def is_open():
    return _fd is not None


def _finite(value):
    # JSON has no NaN/Infinity; the event schema spells them as strings (encodeJson in src/protocol/events.ts).
    if isinstance(value, float):
        if value != value:
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return value
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def emit(event):
    """Sends one event dict; the host stamps its time. Silent in forked children (a DataLoader's workers)."""
    if _fd is None or os.getpid() != _pid:
        return
    data = (json.dumps(_finite(event), allow_nan=False, separators=(",", ":")) + "\n").encode("utf-8")
    with _lock:
        view = memoryview(data)
        while view:
            try:
                n = os.write(_fd, view)
            except BrokenPipeError:
                # The host is gone (stopped): the script still ends as it would without us.
                close()
                return
            view = view[n:]


def close():
    global _fd
    fd, _fd = _fd, None
    if fd is not None:
        try:
            os.close(fd)
        except OSError:
            pass
