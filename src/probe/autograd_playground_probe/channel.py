"""Where events go: a pipe the host opened for us (a file descriptor named in the environment), never stdout,
which is the script's own.

Backward events that carry no graph (most steps of a fast loop) are held as rows (steps.py) and written
together, as the playground's worker posts them (src/runtime/host/worker.ts): a write per step, and the host's
wake-up to read it, cost more than a small training step; so does encoding each step's JSON, which happens here
for a whole batch at once. While steps come faster than HOLD_S apart they wait up to HOLD_S; a
step later than that after the one before goes out at once, so a slow loop shows each step as it happens; any
other event writes them first, so the order is kept; a timer thread writes what a loop left held when it
stopped making steps (a long evaluation, input()).
"""

import json
import math
import os
import threading
import time

ENV_FD = "AUTOGRAD_PLAYGROUND_EVENTS_FD"

_fd = None
_pid = None
# Set in a forked child (a DataLoader's workers): the pipe is the parent's. A flag, since os.getpid() is a system
# call on every event, and system calls can cost tens of microseconds in a container.
_child = False
_lock = threading.Lock()

HOLD_S = 0.02
_held = []
_held_since = 0.0
_last_step_at = -1.0
_wake = None
_perf = time.perf_counter


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
    register = getattr(os, "register_at_fork", None)
    if register is not None:
        register(after_in_child=_forked)
    return True


def _forked():
    global _child
    _child = True


def _in_child():
    if _child:
        return True
    # Without register_at_fork (not POSIX), the process id says.
    return _pid is not None and not hasattr(os, "register_at_fork") and os.getpid() != _pid


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
    """Sends one event dict (held steps first); the host stamps its time. Silent in forked children (a
    DataLoader's workers)."""
    if _fd is None or _in_child():
        return
    try:
        text = json.dumps(event, allow_nan=False, separators=(",", ":"))
    except ValueError:
        # A NaN or an infinity in it (most events have none, and walking a whole graph's values costs more than
        # writing them).
        text = json.dumps(_finite(event), allow_nan=False, separators=(",", ":"))
    data = (text + "\n").encode("utf-8")
    with _lock:
        if _held:
            _write_held()
        _write(data)


def emit_row(form, row):
    """Holds a backward event sent without its graph (steps.py: its form and row), as above."""
    global _held_since, _last_step_at
    if _fd is None or _child:
        return
    now = _perf()
    with _lock:
        if not _held:
            _held_since = now
            _start_timer()
        _held.append((form, row))
        slow = now - _last_step_at >= HOLD_S
        _last_step_at = now
        if slow or now - _held_since >= HOLD_S:
            _write_held()


def _write_held():
    # Under _lock.
    from . import steps

    rows = _held[:]
    del _held[:]
    _write(steps.encode(rows))


def _write(data):
    # Under _lock.
    view = memoryview(data)
    while view and _fd is not None:
        try:
            n = os.write(_fd, view)
        except BrokenPipeError:
            # The host is gone (stopped): the script still ends as it would without us.
            _close_fd()
            return
        view = view[n:]


def _start_timer():
    # Under _lock, when a step starts being held: wakes the timer thread, started on the first one.
    global _wake
    if _wake is None:
        _wake = threading.Event()
        threading.Thread(target=_timer, args=(_wake,), name="autograd-playground-events", daemon=True).start()
    _wake.set()


def _timer(wake):
    while True:
        wake.wait()
        wake.clear()
        time.sleep(HOLD_S)
        with _lock:
            if _held and not _in_child():
                # Only for a loop that stopped making steps: while they come, the script's thread writes them
                # (encoding them here would take the GIL from it, for up to the interpreter's switch interval).
                if _perf() - _last_step_at >= HOLD_S:
                    _write_held()
                else:
                    wake.set()


def close():
    if _in_child():
        # A forked child: the lock may have been held when it forked; nothing it holds is its to send.
        _close_fd()
        return
    with _lock:
        if _held and _fd is not None:
            try:
                _write_held()
            except Exception as failure:
                import sys

                sys.stderr.write("autograd-playground: could not send the last steps: %r\n" % (failure,))
        _close_fd()


def _close_fd():
    global _fd
    fd, _fd = _fd, None
    del _held[:]
    if fd is not None:
        try:
            os.close(fd)
        except OSError:
            pass
