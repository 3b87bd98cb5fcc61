"""Python warnings as events: each warning the script's run shows still prints as CPython prints it, and also
reaches the host with its category, text and the user's line, so the editor can put it on that line (a
broadcasting UserWarning from a loss is a classic silent bug that a console line alone hides)."""

import warnings

from . import hooks
from .frames import is_internal_file, user_location

_shown_by_python = warnings.showwarning


def _show(message, category, filename, lineno, file=None, line=None):
    _shown_by_python(message, category, filename, lineno, file, line)
    if is_internal_file(filename):
        # Warned from our own code with a stacklevel that stops inside it: the user's line is the nearest one.
        filename, lineno = user_location()
    hooks.emit_event(
        {
            "type": "warning",
            "category": getattr(category, "__name__", str(category)),
            "message": str(message),
            "file": filename,
            "line": lineno,
        }
    )


# The filters a fresh interpreter has: a script's filterwarnings() must not reach the next run of a session.
_initial_filters = list(warnings.filters)


def _restore_filters():
    warnings.resetwarnings()
    warnings.filters.extend(_initial_filters)
    # Tells the warnings machinery the filters changed, so no module's registry reuses an older decision.
    warnings._filters_mutated()


def install():
    warnings.showwarning = _show
    hooks.on_run_start(_restore_filters)
