"""The playground's own machinery, shared by the embedded torch, numpy, sklearn and matplotlib.

A leaf: nothing here imports those packages at module level, so each of them can import from here without an
import cycle. What needs their classes (naming tensors) gets them registered by torch instead.

    run        the driver the worker calls for each script
    hooks      events to the host, host settings, run-start hooks
    bridge     calls into the TypeScript engine and the one translation of its errors into Python's
    frames     which files are ours, and the user's frame outside them
    naming     the names a script gives its tensors (graph leaves, the variables event)
    variables  the variables event's entries
    guard      keeps the host's modules out of the script's imports
    recursion  sys.setrecursionlimit capped at what the worker's stacks bear
    warned     Python warnings as events, still printed as CPython prints them
"""
