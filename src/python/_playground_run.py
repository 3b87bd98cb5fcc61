"""Runs one user script inside the playground worker and reports how it ended.

The worker calls `run(file, source)`; everything the script prints goes to the real sys.stdout/sys.stderr,
which the worker captures. Uncaught exceptions are printed the way CPython prints them, minus the frames of
our own package (the embedded `torch` etc.), because users should see their code only, the way PyTorch users
never see the C++ frames.

Also the home of the small helpers our own Python package needs from the host: `emit_event`,
`user_location`, `settings`, `on_run_start`.
"""

import builtins
import json
import linecache
import math
import os
import sys
import traceback
import types

import _playground_host

# Everything under this directory is ours (the embedded package tree); frames from here are hidden.
INTERNAL_DIR = os.path.dirname(os.path.abspath(__file__))
_INTERNAL_PREFIX = INTERNAL_DIR.rstrip("/") + "/"


def is_internal_file(filename):
    return isinstance(filename, str) and filename.startswith(_INTERNAL_PREFIX)


def settings():
    """Host settings as a plain dict, e.g. {'graphNodeLimit': 200}."""
    return _playground_host.settings.to_py()


def user_location():
    """(file, line) of the innermost frame outside our package, i.e. the user code that called into us."""
    frame = sys._getframe(0)  # this file is internal, so the walk starts past it
    while frame is not None:
        if not is_internal_file(frame.f_code.co_filename):
            return frame.f_code.co_filename, frame.f_lineno
        frame = frame.f_back
    return None, None


def _finite(value):
    # JSON has no NaN/Infinity; the event schema spells them as strings (see src/protocol/events.ts).
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return value
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


_run_start_hooks = []


def on_run_start(hook):
    """Registers `hook()` to be called before each later run. Imported modules outlive a run (a session runs
    many scripts in one interpreter), so module-level state that a script must see fresh (pyplot's open
    figures, rcParams) is reset through this."""
    _run_start_hooks.append(hook)


def _start_run():
    for hook in _run_start_hooks:
        try:
            hook()
        except Exception as failure:
            # A broken reset must not cost the user their run; say so where a developer will see it.
            sys.stderr.write("autograd-playground: run-start hook %r failed: %r\n" % (hook, failure))


def emit_event(event):
    """Sends an event dict (e.g. {'type': 'backward', ...}) to the host. `t` is filled in by the host, as
    are `step`, `file` and `line` of backward events when missing."""
    _playground_host.emit(json.dumps(_finite(event), allow_nan=False))


def _filter_frames(te, seen):
    """Drops internal frames from a TracebackException and everything chained to it."""
    if te is None or id(te) in seen:
        return
    seen.add(id(te))
    te.stack = traceback.StackSummary.from_list(
        [f for f in te.stack if not is_internal_file(f.filename)]
    )
    _filter_frames(te.__cause__, seen)
    _filter_frames(te.__context__, seen)
    for sub in getattr(te, "exceptions", None) or ():
        _filter_frames(sub, seen)


def _user_line(exc, file):
    """Line of the innermost frame of `file` in exc's traceback (or the SyntaxError position)."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == file:
            line = tb.tb_lineno
        tb = tb.tb_next
    if line is None and isinstance(exc, SyntaxError) and exc.filename == file:
        line = exc.lineno
    return line


def _report(exc, file):
    try:
        _report_unguarded(exc, file)
    except BaseException as failure:
        # Never lose the user's error to a bug in the formatting; fall back to the plain CPython format.
        sys.stderr.write("".join(traceback.format_exception(exc)))
        sys.stderr.write("(autograd-playground: could not format the error: %r)\n" % (failure,))


def _report_unguarded(exc, file):
    te = traceback.TracebackException(type(exc), exc, exc.__traceback__, compact=True)
    _filter_frames(te, set())
    text = "".join(te.format())
    sys.stderr.write(text)
    sys.stderr.flush()
    message = exc.msg if isinstance(exc, SyntaxError) and exc.msg is not None else str(exc)
    emit_event(
        {
            "type": "error",
            "errorType": type(exc).__qualname__,
            "message": message,
            "file": file,
            "line": _user_line(exc, file),
            "traceback": text,
        }
    )


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def _exit_code_status(exc):
    """SystemExit the way CPython's interpreter ends on it: 0/None is success, a non-int is printed."""
    code = exc.code
    if code is None or code == 0:
        return "ok"
    if not isinstance(code, int):
        sys.stderr.write(str(code) + "\n")
    return "error"


def _emit_variables(main, file):
    """The `variables` event: the tensors the script left in its globals (for the editor's hovers)."""
    try:
        import _playground_variables

        variables, truncated = _playground_variables.collect(main.__dict__)
        emit_event({"type": "variables", "file": file, "variables": variables, "truncated": truncated})
    except BaseException as failure:
        # Also KeyboardInterrupt (the stop arriving while collecting): the run's own outcome is already decided,
        # and a stop needs no explanation.
        try:
            if not _playground_host.stopRequested():
                sys.stderr.write("autograd-playground: could not list the script's variables: %r\n" % (failure,))
        except BaseException:
            pass


def run(file, source):
    """Compiles and runs `source` as the __main__ module named `file`. Returns 'ok', 'error' or 'stopped'."""
    if source.startswith("\ufeff"):
        source = source[1:]
    # Register the source so tracebacks can quote lines from a file that does not exist in this file system.
    linecache.cache[file] = (len(source), None, source.splitlines(True), file)

    main = types.ModuleType("__main__")
    main.__file__ = file
    main.__builtins__ = builtins
    saved_main = sys.modules.get("__main__")
    saved_argv = sys.argv
    sys.modules["__main__"] = main
    sys.argv = [file]
    status = "ok"
    _start_run()
    _playground_host.binding.reset_graph_reporting()
    try:
        try:
            code = compile(source, file, "exec", dont_inherit=True)
            exec(code, main.__dict__)
        except SystemExit as exc:
            status = _exit_code_status(exc)
        except KeyboardInterrupt as exc:
            if _playground_host.stopRequested():
                status = "stopped"
            else:
                _report(exc, file)
                status = "error"
        except BaseException as exc:
            if _playground_host.stopRequested():
                # The interrupt surfaced as some other error (e.g. caught and re-raised by user code).
                status = "stopped"
            else:
                _report(exc, file)
                status = "error"
    finally:
        _flush()
        # The last step's whole graph, if its backward event went without it; it shows in the panel at the end.
        try:
            _playground_host.binding.flush_graph()
        except Exception as failure:
            sys.stderr.write("autograd-playground: could not send the last graph: %r\n" % (failure,))
        _emit_variables(main, file)
        sys.argv = saved_argv
        if saved_main is not None:
            sys.modules["__main__"] = saved_main
        else:
            sys.modules.pop("__main__", None)
    return status
