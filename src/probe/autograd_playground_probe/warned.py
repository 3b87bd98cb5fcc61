"""Python warnings as `warning` events: each still prints as CPython prints it, and also reaches the host with
its category, text and the user's line (a warning from inside torch names the nearest user line)."""

import sys
import warnings

from . import channel, frames


def install(display):
    shown_by_python = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        shown_by_python(message, category, filename, lineno, file, line)
        if frames.is_internal(filename):
            filename, lineno = frames.user_location(sys._getframe(1))
        channel.emit({"type": "warning", "category": getattr(category, "__name__", str(category)), "message": str(message),
                      "file": None if filename is None else display(filename), "line": lineno})

    warnings.showwarning = show
