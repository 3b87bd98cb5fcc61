"""The script's folder, Python's side (the worker mounts it: src/runtime/host/scriptFolder.ts).

With the working directory in the script's folder, `''` on sys.path lets a script import the modules beside it,
as `python script.py` does. A session runs many scripts in one interpreter, so what a run imported from its
folder is forgotten when it ends: the next run (the same file edited, or another folder) imports it afresh.
"""

import importlib
import sys


def enter():
    # The import system caches folder listings by modification time; a folder mounted anew may list differently.
    importlib.invalidate_caches()


def leave(mount_points):
    """Forgets the modules whose files lie under the run's mounted folders."""
    prefixes = tuple(str(p).rstrip("/") + "/" for p in mount_points)
    if prefixes:
        for name, module in list(sys.modules.items()):
            file = getattr(module, "__file__", None)
            if isinstance(file, str) and file.startswith(prefixes):
                del sys.modules[name]
    importlib.invalidate_caches()
