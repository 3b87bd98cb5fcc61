"""What our Python packages need from the host around a run: events, settings and run-start hooks."""

import json
import math
import sys

import _playground_host


def settings():
    """Host settings as a plain dict (WorkerSettings in src/runtime/host/workerProtocol.ts)."""
    return _playground_host.settings.to_py()


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


def emit_event(event):
    """Sends an event dict (e.g. {'type': 'backward', ...}) to the host. `t` is filled in by the host, as
    are `step`, `file` and `line` of backward events when missing."""
    _playground_host.emit(json.dumps(_finite(event), allow_nan=False))


_run_start_hooks = []


def on_run_start(hook):
    """Registers `hook()` to be called before each later run. Imported modules outlive a run (a session runs
    many scripts in one interpreter), so module-level state that a script must see fresh (pyplot's open
    figures, rcParams) is reset through this."""
    _run_start_hooks.append(hook)


def start_run():
    for hook in _run_start_hooks:
        try:
            hook()
        except Exception as failure:
            # A broken reset must not cost the user their run; say so where a developer will see it.
            sys.stderr.write("autograd-playground: run-start hook %r failed: %r\n" % (hook, failure))
