"""Runs the user's script as `python script.py` would, with the probe's reports around it.

Settings come from the host in AUTOGRAD_PLAYGROUND_SETTINGS (JSON: graphNodeLimit, graphIntervalMs,
trackLines, instrument, detectNonFinite (the NaN finder: finite.py), `pause` (the debugger's conditions at the
start: pause.py); from an editor also `source`, a file holding the text to run in place of the script's saved
one, and `name`, what events call the script), events go to the channel (channel.py), the debugger's commands come on a pipe of their own
(pause.py). The script gets `__main__`, `sys.argv`, its folder as sys.path[0] and the PYTHONPATH the host
found; uncaught exceptions print as CPython prints them, minus the probe's frames, and also go out as an
`error` event with the script's line.
"""

import builtins
import io
import json
import os
import signal
import sys
import traceback
import types

from . import frames

ENV_SETTINGS = "AUTOGRAD_PLAYGROUND_SETTINGS"
ENV_PYTHONPATH = "AUTOGRAD_PLAYGROUND_PYTHONPATH"
PROBE_DIR = os.path.dirname(os.path.abspath(__file__))
# finite.PREFIX, without importing torch for it.
_NON_FINITE_PREFIX = "non-finite values detected: "


def _settings():
    try:
        return json.loads(os.environ.pop(ENV_SETTINGS, "") or "{}")
    except ValueError:
        return {}


def _restore_path():
    """Takes the probe's folder out of the script's sys.path and PYTHONPATH (the host put it there for -m)."""
    parent = os.path.dirname(PROBE_DIR)
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != parent]
    if ENV_PYTHONPATH in os.environ:
        original = os.environ.pop(ENV_PYTHONPATH)
        if original:
            os.environ["PYTHONPATH"] = original
        else:
            os.environ.pop("PYTHONPATH", None)


def _is_probe_frame(filename):
    return filename.startswith(PROBE_DIR + os.sep) or filename in ("<frozen runpy>",) or filename.endswith(os.sep + "runpy.py")


def _filter(te, seen):
    if te is None or id(te) in seen:
        return
    seen.add(id(te))
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if not _is_probe_frame(f.filename)])
    _filter(te.__cause__, seen)
    _filter(te.__context__, seen)
    for sub in getattr(te, "exceptions", None) or ():
        _filter(sub, seen)


def _message(exc, te):
    if isinstance(exc, SyntaxError) and exc.msg is not None:
        return exc.msg
    first = next(iter(te.format_exception_only()), "")
    _type, sep, message = first.partition(": ")
    return message.rstrip("\n") if sep else str(exc)


def _user_line(exc, path):
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == path:
            line = tb.tb_lineno
        tb = tb.tb_next
    if line is None and isinstance(exc, SyntaxError) and exc.filename == path:
        line = exc.lineno
    return line


def _report(exc, path, shown, emit):
    try:
        te = traceback.TracebackException(type(exc), exc, exc.__traceback__)
        _filter(te, set())
        if isinstance(exc, RuntimeError) and str(exc).startswith(_NON_FINITE_PREFIX):
            # The NaN finder's error: the frames under the script's line are PyTorch's dispatch to our mode.
            stack = list(te.stack)
            while len(stack) > 1 and frames.is_internal(stack[-1].filename):
                stack.pop()
            te.stack = traceback.StackSummary.from_list(stack)
        text = "".join(te.format())
    except Exception:
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        te = None
    sys.stderr.write(text)
    sys.stderr.flush()
    emit({"type": "error", "errorType": type(exc).__qualname__, "message": str(exc) if te is None else _message(exc, te),
          "file": shown, "line": _user_line(exc, path), "traceback": text})


def run(argv):
    """Runs argv[0] with argv as sys.argv; returns the exit code, or re-raises SystemExit as the script did."""
    from . import channel

    path = os.path.abspath(argv[0])
    channel.open_channel()
    settings = _settings()
    script = settings.get("name") or argv[0]
    _restore_path()
    text_from = settings.get("source") or path
    try:
        with io.open_code(text_from) as f:
            source = f.read()
    except OSError as e:
        sys.stderr.write("%s: can't open file %r: [Errno %d] %s\n" % (sys.executable, text_from, e.errno, e.strerror))
        return 2
    if text_from != path:
        _remember_lines(path, source)
    sys.path[0:1] = [os.path.dirname(os.path.realpath(path))]

    import torch  # noqa: F401  (the host checked it is there; the script's import is then a lookup)

    from . import backward, device, figures, graph, lines, pause, variables, warned

    def display(filename):
        return script if filename == path else filename

    instrument = settings.get("instrument", True) and channel.is_open()
    tracking = None
    # The NaN finder stops the script whether or not its steps are reported (the command line's --nan-finder
    # without --events), as the playground's does.
    check_finite = bool(settings.get("detectNonFinite"))
    if instrument:
        tracking = lines.install(track_lines=settings.get("trackLines", True), check_finite=check_finite)
    elif check_finite:
        tracking = lines.install(track_lines=False, check_finite=True, mark_layers=False)
    # With a line mode that can go off between steps, whole graphs come on the steps it was on for.
    on_demand = tracking if tracking is not None and tracking.mode is not None and tracking.switchable else None
    # Backward events name the script as the host does (frames in other files keep their paths); the debugger
    # pauses once a step's event went out.
    reporter = graph.Reporter(script, int(settings.get("graphNodeLimit", 200)), float(settings.get("graphIntervalMs", 0)), on_demand,
                              display, pause.after_backward)
    if instrument:
        backward.install(reporter, tracking if tracking.mode is not None else None)
    if channel.is_open():
        device.install()
        warned.install(display)
        figures.install()

    main = types.ModuleType("__main__")
    main.__file__ = path
    main.__builtins__ = builtins
    main.__spec__ = None
    main.__cached__ = None
    try:
        from importlib.machinery import SourceFileLoader

        main.__loader__ = SourceFileLoader("__main__", path)
    except ImportError:
        pass
    sys.modules["__main__"] = main
    if instrument:
        # The debugger: pauses come from the backward() reports (Reporter.after) and optimizer.step().
        pause.start(settings.get("pause"), reporter, display, main.__dict__, tracking.paused)
    sys.argv = list(argv)
    exit_code = 0
    pending = None
    interrupted = False
    # The exception that ended the script, if any, and whether it is the run's error (not a stop, not an exit).
    ended_by = None
    raised = False
    try:
        code = compile(source, path, "exec", dont_inherit=True)
        exec(code, main.__dict__)
    except SystemExit as exc:
        pending = ended_by = exc
    except KeyboardInterrupt as exc:
        _report(exc, path, script, channel.emit)
        interrupted = True
        ended_by = exc
    except BaseException as exc:
        _report(exc, path, script, channel.emit)
        exit_code = 1
        ended_by = exc
        raised = True
    finally:
        _flush()
        if tracking is not None:
            tracking.stop()
        if instrument:
            try:
                reporter.flush()
            except Exception as failure:
                sys.stderr.write("autograd-playground: could not send the last graph: %r\n" % (failure,))
        if channel.is_open():
            try:
                # The frames an exception, a stop or sys.exit() ended the script in: their locals too.
                user = [] if ended_by is None else variables.traceback_user_frames(ended_by.__traceback__)
                raised_frame = user[0][0] if user and raised else None
                channel.emit(variables.event(script, user, main.__dict__, display, raised_frame))
            except BaseException as failure:
                sys.stderr.write("autograd-playground: could not list the script's variables: %r\n" % (failure,))
        # The frames (and every tensor their locals hold) live as long as the traceback does.
        ended_by = None
        channel.close()
    if pending is not None:
        raise pending
    if interrupted:
        _die_by_sigint()
    return exit_code


def _remember_lines(path, source):
    """Tracebacks and warnings quote the text that ran, not the file's saved text (an entry without a modification
    time is one linecache never checks against the disk)."""
    import linecache

    try:
        text = source.decode("utf-8") if isinstance(source, bytes) else source
    except UnicodeDecodeError:
        return
    linecache.cache[path] = (len(text), None, text.splitlines(True), path)


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def _die_by_sigint():
    # As CPython ends after an uncaught KeyboardInterrupt: by SIGINT itself, so a shell sees 130.
    _flush()
    if hasattr(signal, "SIGINT") and os.name == "posix":
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    sys.exit(130)
