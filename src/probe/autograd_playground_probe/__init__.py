"""The Autograd Playground's probe: runs a user's script on a real Python with PyTorch and reports the same
event stream the playground's own runtime emits (src/protocol/events.ts), so the extension's panel, hovers and
diagnostics work on real PyTorch too.

    python -m autograd_playground_probe script.py [args...]

The script runs as `python script.py` would run it (`__main__`, `sys.argv`, `sys.path[0]` its folder). Events go
to the file descriptor named by AUTOGRAD_PLAYGROUND_EVENTS_FD, one JSON object per line, never to stdout; without
it the script just runs. Pure Python, no dependency but torch (matplotlib only when the script imports it).
The host (src/runtime/python/) adds the start and end events and the script's stdout/stderr.
"""

__version__ = "0.1.0"
