"""Runs one user script inside the playground worker and reports how it ended.

The worker calls `run(file, source)`, and `user_location()` for events that came without a line; everything
the script prints goes to the real sys.stdout/sys.stderr, which the worker captures. Uncaught exceptions are
printed the way CPython prints them, minus our own frames (frames.py).
"""

import builtins
import linecache
import sys
import traceback
import types

import _playground_host
from pyodide.ffi import create_proxy

from . import frames, guard, hooks, naming, recursion, variables, warned  # noqa: F401  (recursion: installed on import)
from .frames import is_internal_file, user_location  # noqa: F401  (user_location: the worker calls it)

# Made once: the binding keeps them across runs, and a proxy per run would only be more to release.
_LEAF_NAMER = create_proxy(naming.name_leaves)
_SNAPSHOT = create_proxy(variables.snapshot_at_backward)

# Before any script: from here on, only our own files import the host's modules (guard.py).
guard.install()
warned.install()


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
    hooks.emit_event(
        {
            "type": "error",
            "errorType": type(exc).__qualname__,
            "message": _message(exc, te),
            "file": file,
            "line": _user_line(exc, file),
            "traceback": text,
        }
    )


def _message(exc, te):
    """The message as the traceback's last line shows it, so CPython's suggestions ("Did you mean: 'loss'?")
    reach the panel, the hover and the diagnostic too."""
    if isinstance(exc, SyntaxError) and exc.msg is not None:
        return exc.msg
    first = next(iter(te.format_exception_only()), "")
    _type, sep, message = first.partition(": ")
    return message.rstrip("\n") if sep else str(exc)


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def _exit_code_status(exc):
    """SystemExit the way CPython's interpreter ends on it: (status, exit code); a non-int code is printed."""
    code = exc.code
    if code is None:
        return "ok", 0
    if isinstance(code, int):
        # CPython reads the code as a C long (an overflow counts as -1) and a POSIX exit keeps its low byte:
        # sys.exit(256) exits 0, sys.exit(-1) 255. The status follows what a shell would see.
        exit_code = code & 0xFF if -(2**63) <= code < 2**63 else 0xFF
        return ("ok" if exit_code == 0 else "error"), exit_code
    sys.stderr.write(str(code) + "\n")
    return "error", 1


def _emit_variables(main, file, exc, raised):
    """The `variables` event: the tensors the script left in its globals and, when an exception, a stop or
    sys.exit() ended it inside functions, the locals of those frames (for the editor's hovers). `raised`: exc is
    the run's uncaught error, whose innermost user frame is marked as where it was raised."""
    try:
        user = [] if exc is None else frames.traceback_user_frames(exc.__traceback__)
        raised_frame = user[0][0] if raised and user else None
        scopes, namespaces = variables.scoped_namespaces(user, main.__dict__, raised_frame)
        hooks.emit_event(variables.event(file, scopes, namespaces))
    except BaseException as failure:
        # Also KeyboardInterrupt (the stop arriving while collecting): the run's own outcome is already decided,
        # and a stop needs no explanation.
        try:
            if not _playground_host.stopRequested():
                sys.stderr.write("autograd-playground: could not list the script's variables: %r\n" % (failure,))
        except BaseException:
            pass


def run(file, source):
    """Compiles and runs `source` as the __main__ module named `file`.

    Returns (status, exit code): status 'ok', 'error' or 'stopped'; the code `python FILE` would exit with
    where it is not simply 0 for 'ok' and 1 otherwise (None: the host's runner applies that rule).
    """
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
    # Set only where the code is not simply 0 for 'ok' and 1 otherwise.
    exit_code = None
    # The exception that ended the script, if any: its traceback holds the frames whose locals hovers show.
    ended_by = None
    raised = False
    hooks.start_run()
    variables.begin_run(main.__dict__, file)
    _playground_host.binding.reset_graph_reporting(_LEAF_NAMER, _SNAPSHOT)
    try:
        try:
            code = compile(source, file, "exec", dont_inherit=True)
            exec(code, main.__dict__)
        except SystemExit as exc:
            ended_by = exc
            status, exit_code = _exit_code_status(exc)
        except KeyboardInterrupt as exc:
            ended_by = exc
            if _playground_host.stopRequested():
                status = "stopped"
            else:
                _report(exc, file)
                status = "error"
                raised = True
                # CPython's exit after an uncaught KeyboardInterrupt: it ends itself by SIGINT (128 + 2).
                exit_code = 130
        except BaseException as exc:
            ended_by = exc
            if _playground_host.stopRequested():
                # The interrupt surfaced as some other error (e.g. caught and re-raised by user code).
                status = "stopped"
            else:
                _report(exc, file)
                status = "error"
                raised = True
    finally:
        _flush()
        # The last step's whole graph, if its backward event went without it; it shows in the panel at the end.
        try:
            _playground_host.binding.flush_graph()
        except Exception as failure:
            sys.stderr.write("autograd-playground: could not send the last graph: %r\n" % (failure,))
        variables.end_run()
        _emit_variables(main, file, ended_by, raised)
        # The frames (and every tensor their locals hold) stay alive as long as the traceback does.
        ended_by = None
        sys.argv = saved_argv
        if saved_main is not None:
            sys.modules["__main__"] = saved_main
        else:
            sys.modules.pop("__main__", None)
    return status, exit_code
