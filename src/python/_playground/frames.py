"""Which code is the playground's own, and the user's frame outside it.

The whole embedded tree (torch, numpy, ..., this package) counts as ours: users see their code only, the
way PyTorch users never see the C++ frames. So tracebacks drop our frames, and an op, an event or a warning
is attributed to the innermost frame outside the tree.
"""

import os
import sys

# The embedded tree's root (this package sits directly in it); anything under it is ours.
INTERNAL_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_INTERNAL_PREFIX = INTERNAL_DIR.rstrip("/") + "/"
_JS_SUFFIXES = (".js", ".mjs", ".cjs")

_getframe = sys._getframe

# The walk runs on every tensor op (see "cost of source locations" in `npm run bench`), so each file name is
# classified once and then found by set membership on its hash-cached string.
_internal = set()
_external = set()


def is_internal_file(filename):
    if filename in _internal:
        return True
    if filename in _external:
        return False
    # JavaScript frames (the worker's bundle, Pyodide's own) show in tracebacks of errors that crossed the
    # engine, e.g. raised in a hook or a custom Function's backward: they are the host's, so ours too.
    internal = isinstance(filename, str) and (filename.startswith(_INTERNAL_PREFIX) or filename.endswith(_JS_SUFFIXES))
    (_internal if internal else _external).add(filename)
    return internal


def first_user_frame(frame):
    """`frame` or the nearest frame it was called from whose code is not ours; None if there is none."""
    while frame is not None:
        name = frame.f_code.co_filename
        if name not in _internal and (name in _external or not is_internal_file(name)):
            return frame
        frame = frame.f_back
    return None


def user_frame():
    """The user code that (maybe through several of our frames) called the caller."""
    return first_user_frame(_getframe(1))


def user_line():
    """The line of user_frame(), -1 when there is none."""
    frame = first_user_frame(_getframe(1))
    return -1 if frame is None else frame.f_lineno


def user_location():
    """(file, line) of user_frame(); (None, None) when there is none."""
    # From this very frame (ours, so skipped): the worker calls this from JavaScript, maybe with no caller.
    frame = first_user_frame(_getframe(0))
    if frame is None:
        return None, None
    return frame.f_code.co_filename, frame.f_lineno


def user_stacklevel():
    """The `stacklevel` that makes warnings.warn, called by the caller of this function, name the user's line."""
    start = _getframe(1)
    target = first_user_frame(start)
    level = 1
    frame = start
    while frame is not None and frame is not target:
        frame = frame.f_back
        level += 1
    return level


def user_frames(frame):
    """The user frames from `frame` outwards (the caller's caller last), our frames between them skipped."""
    frame = first_user_frame(frame)
    while frame is not None:
        yield frame
        frame = first_user_frame(frame.f_back)


def traceback_user_frames(tb):
    """(frame, line) of the user frames an exception passed through, innermost first (a traceback lists them
    outermost first); the line is where each frame was when the exception passed."""
    found = []
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if not is_internal_file(name):
            found.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    found.reverse()
    return found
