"""The debugger's pause points: the script stops where backward() or optimizer.step() returned, the state now is
sent (the step's whole graph, the variables), and the worker sleeps until it is continued, stepped or stopped.
While paused, the panel's console runs code in the paused frame.

The binding's backward() returns whether to pause (src/runtime/host/pausePoint.ts reads the shared cells the
debugger writes), so a run nobody pauses costs no crossing; a pause waiting for optimizer.step() is this
module's `armed`, which the optimizer reads as a plain attribute.
"""

import io
import sys
import traceback

import _playground_host

from . import frames, hooks, variables  # noqa: F401  (hooks: the run-start reset)

# The binding's answers (PAUSE_NONE, PAUSE_NOW, PAUSE_AFTER_STEP in src/runtime/bridge/autograd.ts).
_NOW = 1
_AFTER_STEP = 2
# pause_wait's answers besides a console request's id (PAUSE_CONTINUE, PAUSE_STOP in pausePoint.ts).
_CONTINUE = -1
_STOP = -2

# A pause waits for the next optimizer.step() to return (torch/optim/optimizer.py reads it).
armed = False
# Code run from the console must not pause again (it may call backward() itself).
_paused = False


def _reset():
    global armed, _paused
    armed = False
    _paused = False


hooks.on_run_start(_reset)


def after_backward(answer, frame):
    """Called by Tensor.backward with the binding's answer (non-zero only) and the frame that called it."""
    global armed
    if _paused:
        return
    # A script that never calls optimizer.step() (an update under no_grad) pauses at its next backward().
    if answer == _NOW or (answer == _AFTER_STEP and armed):
        armed = False
        _pause(frame, "backward")
    elif answer == _AFTER_STEP:
        armed = True


def after_step():
    """Called by Optimizer.step's wrapper when `armed`, once step() and its hooks returned."""
    global armed
    armed = False
    if not _paused:
        _pause(frames.user_frame(), "step")


def _pause(frame, at):
    global _paused
    _paused = True
    try:
        _show_state(frame)
        _playground_host.pause_enter(at, frame.f_lineno if frame is not None else -1)
        while True:
            answer = _playground_host.pause_wait()
            if answer == _CONTINUE:
                break
            if answer == _STOP:
                raise KeyboardInterrupt
            code = _playground_host.pause_code()
            output, failed = evaluate(code, frame)
            _playground_host.console_result(answer, code, output, failed)
        _playground_host.pause_leave()
    finally:
        _paused = False


def _show_state(frame):
    """The step's whole graph and the variables now, so that the panel and the hovers show the paused state."""
    try:
        _playground_host.binding.flush_graph()
    except Exception as failure:
        sys.stderr.write("autograd-playground: could not send the paused step's graph: %r\n" % (failure,))
    # The variables of the frame that called backward() or step(), its callers and the globals (at: 'backward').
    variables.snapshot_at_backward()


_CONSOLE_FILE = "<console>"


def evaluate(code, frame):
    """Runs `code` in `frame` as Python's interactive console would: (what it prints, whether it raised). An
    expression's value is printed with repr(); statements may change the frame's variables (in a function,
    through frame.f_locals, which writes through to the frame since Python 3.13)."""
    out = io.StringIO()
    saved = sys.stdout, sys.stderr, sys.displayhook
    globals_ = frame.f_globals if frame is not None else {}
    locals_ = frame.f_locals if frame is not None else globals_
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
    return out.getvalue(), failed


def _display(out):
    def display(value):
        if value is not None:
            out.write(repr(value) + "\n")

    return display


def _format(exc):
    te = traceback.TracebackException(type(exc), exc, exc.__traceback__, compact=True)
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if not frames.is_internal_file(f.filename)])
    return "".join(te.format())
