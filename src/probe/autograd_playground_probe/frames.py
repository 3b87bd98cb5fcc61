"""Which frames are the user's: everything outside the interpreter's own library, its site-packages (torch,
matplotlib, ...) and this package. Events and errors name the innermost user frame, as the playground names
the innermost frame outside its embedded packages."""

import os
import site
import sys
import sysconfig

_internal = {}
_prefixes = ()


def _init():
    global _prefixes
    dirs = {os.path.dirname(os.path.abspath(__file__))}
    paths = sysconfig.get_paths()
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        if paths.get(key):
            dirs.add(paths[key])
    try:
        dirs.update(site.getsitepackages())
    except AttributeError:  # virtualenv's old site.py
        pass
    try:
        dirs.add(site.getusersitepackages())
    except AttributeError:
        pass
    torch = sys.modules.get("torch")
    if torch is not None and getattr(torch, "__file__", None):
        dirs.add(os.path.dirname(os.path.dirname(os.path.abspath(torch.__file__))))
    _prefixes = tuple(sorted({os.path.abspath(d).rstrip(os.sep) + os.sep for d in dirs if d}))


def is_internal(filename):
    found = _internal.get(filename)
    if found is None:
        if not _prefixes:
            _init()
        found = filename.startswith("<") or os.path.abspath(filename).startswith(_prefixes)
        _internal[filename] = found
    return found


def user_frame(frame):
    """`frame` or the nearest frame it was called from that is the user's; None if none is."""
    internal = _internal
    while frame is not None:
        name = frame.f_code.co_filename
        known = internal.get(name)
        if known is False or (known is None and not is_internal(name)):
            return frame
        frame = frame.f_back
    return None


def user_line(frame):
    found = user_frame(frame)
    return None if found is None else found.f_lineno


def user_location(frame):
    found = user_frame(frame)
    return (None, None) if found is None else (found.f_code.co_filename, found.f_lineno)
