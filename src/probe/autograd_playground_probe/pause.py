"""The debugger in the probe: the playground's src/python/_playground/pause.py for real PyTorch. The script
stops where backward() or optimizer.step() returned, the state now is sent (the step's whole graph, the
variables), and it waits until the host continues it, steps it or stops it (SIGINT); while it waits, console
code runs in the paused frame.

The host's commands come on a pipe of their own (AUTOGRAD_PLAYGROUND_COMMANDS_FD), one JSON object a line
(src/runtime/python/pythonControl.ts writes them). A thread reads it and sets this module's flags, so the check
after each backward() reads a few globals: no system call, no lock, whatever the host sends. A paused script
waits on a queue that thread fills, in slices short enough that SIGINT (Stop) is seen at once.
"""

import io
import json
import math
import os
import queue
import sys
import threading
import traceback

import torch

from . import channel, frames, variables

ENV_FD = "AUTOGRAD_PLAYGROUND_COMMANDS_FD"
PROBE_DIR = os.path.dirname(os.path.abspath(__file__))
_WAIT_SLICE_S = 0.05

# Set by the reader thread; read by the script's thread after each backward() (see after_backward).
_request = False
_on_non_finite = False
_at_step = 0
_grad_norm_above = None
_pause_at_step = False
# Whether any condition is set: a run with none reads only this and _request per backward().
_watching = False
# A pause waits for the next optimizer.step() to return.
armed = False
# Console code must not pause again (it may call backward() itself).
_paused = False
_reason = "request"
_commands = queue.SimpleQueue()
_context = None


class _Context:
    __slots__ = ("reporter", "display", "globals", "quiet")

    def __init__(self, reporter, display, globals_, quiet):
        self.reporter = reporter
        self.display = display
        self.globals = globals_
        self.quiet = quiet


def start(conditions, reporter, display, globals_, quiet):
    """Opens the commands pipe (False when the host gave none: no debugger), applies the run's first
    conditions and wraps optimizer.step(). `reporter`: graph.Reporter, whose step count and flush() a pause uses;
    `display(filename)`: how events name a file; `quiet()`: the context the probe's own torch calls run in."""
    global _context
    spec = os.environ.pop(ENV_FD, None)
    if not spec:
        return False
    try:
        fd = int(spec)
        os.fstat(fd)
        os.set_inheritable(fd, False)
    except (ValueError, OSError):
        return False
    _context = _Context(reporter, display, globals_, quiet)
    _set_conditions(conditions or {})
    _install_step_hook()
    # What the host sent while Python started (a Pause pressed at once) applies from the first backward(): the
    # thread might not run before a fast first step returns.
    pending = _take_sent(fd)
    if pending is not None:
        threading.Thread(target=_read, args=(fd, pending), name="autograd-playground-commands", daemon=True).start()
    return True


# ---- the commands pipe (the reader thread) ----


def _take_sent(fd):
    """Runs the whole commands already in the pipe; returns the rest of a line, or None at the pipe's end."""
    import select

    pending = b""
    try:
        while select.select([fd], [], [], 0)[0]:
            chunk = os.read(fd, 65536)
            if not chunk:
                _host_gone()
                return None
            pending = _run_lines(pending + chunk)
    except (OSError, ValueError):
        pass
    return pending


def _read(fd, pending):
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            break
        pending = _run_lines(pending + chunk)
    _host_gone()


def _run_lines(pending):
    while b"\n" in pending:
        line, _, pending = pending.partition(b"\n")
        try:
            _command(json.loads(line))
        except Exception as failure:
            sys.stderr.write("autograd-playground: a debugger command failed: %r\n" % (failure,))
    return pending


def _host_gone():
    # Nobody can continue a pause now, so none may happen.
    global _request
    _set_conditions({})
    _request = False
    _commands.put(("continue",))


def _command(c):
    global _request
    kind = c.get("cmd")
    if kind == "pause":
        _request = True
    elif kind == "step":
        _request = True
        _commands.put(("continue",))
    elif kind == "continue":
        _commands.put(("continue",))
    elif kind == "conditions":
        _set_conditions(c)
    elif kind == "evaluate":
        _commands.put(("evaluate", int(c["id"]), str(c["code"])))
    else:
        raise ValueError("unknown command %r" % (kind,))


def _set_conditions(c):
    global _on_non_finite, _at_step, _grad_norm_above, _pause_at_step, _watching
    at_step = c.get("atStep")
    threshold = c.get("gradNormAbove")
    threshold = None if threshold is None else float(threshold)
    if threshold is not None and threshold != threshold:
        threshold = None
    _on_non_finite = bool(c.get("nonFinite"))
    _at_step = int(at_step) if isinstance(at_step, (int, float)) and at_step > 0 else 0
    _grad_norm_above = threshold
    _pause_at_step = c.get("pauseAt") == "step"
    _watching = _on_non_finite or _at_step > 0 or threshold is not None


# ---- the pause points (the script's thread) ----


def after_backward(step, frame):
    """After backward() returned and its event went out: `step` is graph.Reporter's record of it, `frame` the
    user frame that called backward()."""
    global _request, armed, _reason
    if not (_request or _watching) or _paused or _context is None:
        return
    number = _context.reporter.step
    if _request:
        _request = False
        reason = "request"
    elif _at_step and number == _at_step:
        reason = "atStep"
    elif _on_non_finite and step.loss is not None and not math.isfinite(step.loss):
        reason = "nonFinite"
    elif _grad_norm_above is not None and not (_max_grad_norm(step) <= _grad_norm_above):
        reason = "gradNorm"
    else:
        return
    _reason = reason
    # A script that never calls optimizer.step() (an update under no_grad) pauses at its next backward().
    if _pause_at_step and not armed:
        armed = True
        return
    armed = False
    _pause(frame, "backward")


def _max_grad_norm(step):
    most = 0.0
    with torch.no_grad():
        for leaf in step.leaves:
            g = leaf.grad
            if g is None:
                continue
            norm = float(g.detach().float().norm())
            if not (norm <= most):  # NaN counts as above any threshold
                most = norm
    return most


def _after_step(frame):
    global armed
    armed = False
    if not _paused:
        _pause(frame, "step")


def _install_step_hook():
    """optimizer.step() returning, as a pause point: PyTorch 2's global post-hook, else a wrapper on each
    optimizer class's step, put there when the first optimizer of that class is made."""
    register = getattr(getattr(torch.optim, "optimizer", None), "register_optimizer_step_post_hook", None)
    if register is not None:
        def hook(optimizer, args, kwargs):
            if armed:
                _after_step(frames.user_frame(sys._getframe(1)))

        register(hook)
        return
    Optimizer = torch.optim.Optimizer
    real_init = Optimizer.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        _wrap_step(type(self))

    init.__wrapped__ = real_init
    Optimizer.__init__ = init


_depth = threading.local()


def _wrap_step(cls):
    owner = next((k for k in cls.__mro__ if "step" in k.__dict__), None)
    if owner is None or getattr(owner.__dict__["step"], "_autograd_playground", False):
        return
    real = owner.__dict__["step"]

    def step(*args, **kwargs):
        # A subclass's step() that calls super().step() is one step.
        depth = getattr(_depth, "n", 0)
        _depth.n = depth + 1
        try:
            result = real(*args, **kwargs)
        finally:
            _depth.n = depth
        if armed and depth == 0:
            _after_step(frames.user_frame(sys._getframe(1)))
        return result

    for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
        try:
            setattr(step, attr, getattr(real, attr))
        except AttributeError:
            pass
    # PyTorch 1.x's profiler hook looks for `hooked` on the class's step, so that it wraps it once.
    step.__dict__.update(getattr(real, "__dict__", {}))
    step.__wrapped__ = real
    step._autograd_playground = True
    owner.step = step


def _pause(frame, at):
    global _paused
    _paused = True
    ctx = _context
    try:
        with ctx.quiet():
            _show_state(frame)
            line = frame.f_lineno if frame is not None else None
            file = ctx.display(frame.f_code.co_filename) if frame is not None else ctx.display("")
            channel.emit({"type": "paused", "step": ctx.reporter.step, "file": file, "line": line, "at": at, "reason": _reason})
            while True:
                command = _next_command()
                if command[0] == "continue":
                    break
                _, rid, code = command
                output, failed = evaluate(code, frame)
                channel.emit({"type": "console", "id": rid, "code": code, "output": output, "error": failed})
            channel.emit({"type": "resumed"})
    finally:
        _paused = False


def _next_command():
    # In slices: a signal's handler (Stop's SIGINT: KeyboardInterrupt) runs between two of them.
    while True:
        try:
            return _commands.get(timeout=_WAIT_SLICE_S)
        except queue.Empty:
            continue


def _show_state(frame):
    """The step's whole graph and the variables now (the frame that paused, its callers, the globals), in
    the playground's order: graph, variables, then `paused`."""
    ctx = _context
    try:
        ctx.reporter.flush()
    except Exception as failure:
        sys.stderr.write("autograd-playground: could not send the paused step's graph: %r\n" % (failure,))
    try:
        channel.emit(_variables_event(frame))
    except Exception as failure:
        sys.stderr.write("autograd-playground: could not list the paused step's variables: %r\n" % (failure,))


def _variables_event(frame):
    ctx = _context
    user = []
    f = frame
    while f is not None:
        if frames.user_frame(f) is f:
            user.append((f, f.f_lineno))
        f = f.f_back
    file = ctx.display(frame.f_code.co_filename) if frame is not None else ctx.display("")
    event = variables.event(file, user, ctx.globals, ctx.display)
    event["at"] = "backward"
    event["step"] = ctx.reporter.step
    return event


# ---- the console ----

_CONSOLE_FILE = "<console>"


def _locals_to_fast():
    """Before Python 3.13 a function frame's f_locals is a copy: what the console wrote there goes back into
    the frame through PyFrame_LocalsToFast (3.13's f_locals writes through)."""
    try:
        import ctypes

        call = ctypes.pythonapi.PyFrame_LocalsToFast
    except (ImportError, AttributeError):
        return None
    call.argtypes = [ctypes.py_object, ctypes.c_int]
    call.restype = None
    return lambda frame: call(frame, 0)


_write_back = None


def evaluate(code, frame):
    """Runs `code` in `frame` as Python's interactive console would: (what it prints, whether it raised). An
    expression's value is printed with repr(); statements may change the frame's variables."""
    global _write_back
    out = io.StringIO()
    saved = sys.stdout, sys.stderr, sys.displayhook
    globals_ = frame.f_globals if frame is not None else _context.globals
    locals_ = frame.f_locals if frame is not None else globals_
    copied = type(locals_) is dict and locals_ is not globals_
    failed = False
    try:
        sys.stdout = sys.stderr = out
        sys.displayhook = _display(out)
        try:
            compiled = compile(code, _CONSOLE_FILE, "single", dont_inherit=True)
        except SyntaxError as single_error:
            # Several statements (lines) in one request: run them as a block, as a pasted cell.
            try:
                compiled = compile(code, _CONSOLE_FILE, "exec", dont_inherit=True)
            except SyntaxError:
                raise single_error from None
        exec(compiled, globals_, locals_)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:
        failed = True
        out.write(_format(exc))
    finally:
        sys.stdout, sys.stderr, sys.displayhook = saved
        if copied:
            if _write_back is None:
                _write_back = _locals_to_fast() or (lambda frame: None)
            _write_back(frame)
    return out.getvalue(), failed


def _display(out):
    def display(value):
        if value is not None:
            out.write(repr(value) + "\n")

    return display


def _format(exc):
    te = traceback.TracebackException(type(exc), exc, exc.__traceback__, compact=True)
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if not f.filename.startswith(PROBE_DIR + os.sep)])
    return "".join(te.format())
