"""Source lines, output shapes and layer calls for the graph's nodes, recorded as the script runs.

A TorchFunctionMode (torch.overrides, public in 1.13 and 2.x) sees every torch function and Tensor method
the script calls, through nn layers included; it writes into each result's grad_fn.metadata (a dict PyTorch
keeps per graph node for exactly such annotations) the user's line, the output's shape and dtype and a weak
reference to the output (its value in a whole graph). Leaves made by a torch function get their line the same
way; parameters get none, as in the playground. A node PyTorch records inside one function (the transpose
inside F.linear) has no entry of its own and takes its consumer's line (graph.py), as the playground records
every node of a call at the call's line.

Global forward hooks (register_module_forward_pre_hook / register_module_forward_hook) mark the calls of the
layers the playground shows as one node (recurrent layers, attention): the output's node keeps the call, and
the nodes between it and the call's inputs fold into it (graph.py).
"""

import sys
import weakref

import torch

from . import frames

KEY = "autograd_playground"

# The layers the playground's graph shows as one node (its Module._graph_as_one_node).
ONE_NODE_LAYERS = ("RNN", "LSTM", "GRU", "MultiheadAttention")

_getframe = sys._getframe
_Tensor = torch.Tensor

# id(tensor) -> (weakref, line) for leaves that require grad: graph leaves show where they were made.
_leaf_lines = {}


def leaf_line(t):
    entry = _leaf_lines.get(id(t))
    if entry is not None and entry[0]() is t:
        return entry[1]
    return None


def _remember_leaf(t, line):
    if len(_leaf_lines) > 65536:
        for k in [k for k, (ref, _) in _leaf_lines.items() if ref() is None]:
            del _leaf_lines[k]
    try:
        _leaf_lines[id(t)] = (weakref.ref(t), line)
    except TypeError:
        pass


def _tag(out, frame):
    # The user's line is looked up only for a result that needs it: most calls (a property read, an optimizer's
    # update under no_grad, a result without history) need none.
    if isinstance(out, _Tensor):
        node = out.grad_fn
        if node is not None:
            meta = node.metadata
            if KEY not in meta:
                meta[KEY] = (frames.user_line(frame), out.shape, out.dtype, weakref.ref(out))
        elif out.requires_grad:
            line = frames.user_line(frame)
            if line is not None:
                _remember_leaf(out, line)
    elif isinstance(out, (tuple, list)) and len(out) <= 64:
        for o in out:
            if isinstance(o, _Tensor):
                _tag(o, frame)


def _make_mode():
    overrides = getattr(torch, "overrides", None)
    Base = getattr(overrides, "TorchFunctionMode", None)
    if Base is None:
        return None
    grad_enabled = torch.is_grad_enabled

    class LineMode(Base):
        def __torch_function__(self, func, types, args=(), kwargs=None):
            out = func(*args, **kwargs) if kwargs else func(*args)
            if grad_enabled():
                _tag(out, _getframe(1))
            return out

    return LineMode()


def node_info(node):
    """(line, shape, dtype, output weakref) the mode recorded for a graph node, or None."""
    try:
        return node.metadata.get(KEY)
    except (AttributeError, RuntimeError):
        return None


class _Call:
    __slots__ = ("class_name", "line", "stops")

    def __init__(self, class_name, line, stops):
        self.class_name = class_name
        self.line = line
        self.stops = stops


MODULE_KEY = "autograd_playground_module"
_pending = []
_marked = []


def calls_marked():
    """Whether any one-node layer's call was marked yet (else a graph has nothing to fold)."""
    return bool(_marked)


def _inputs_nodes(args):
    out = set()
    for a in args:
        if isinstance(a, _Tensor):
            node = a.grad_fn
            if node is not None:
                out.add(node)
        elif isinstance(a, (tuple, list)):
            out |= _inputs_nodes(a)
    return out


def _pre_hook(module, args):
    if type(module).__name__ in ONE_NODE_LAYERS:
        _pending.append((module, _inputs_nodes(args), frames.user_line(_getframe(1))))


def _post_hook(module, args, output):
    if not _pending or _pending[-1][0] is not module:
        return None
    _, stops, line = _pending.pop()
    first = output[0] if isinstance(output, (tuple, list)) and output else output
    if isinstance(first, _Tensor) and first.grad_fn is not None:
        try:
            first.grad_fn.metadata[MODULE_KEY] = _Call(type(module).__name__, line, stops)
            if not _marked:
                _marked.append(True)
        except (AttributeError, RuntimeError):
            pass
    return None


def module_call(node):
    try:
        return node.metadata.get(MODULE_KEY)
    except (AttributeError, RuntimeError):
        return None


def _stack_length():
    """How many torch function modes are on this thread's stack, or None where PyTorch does not say."""
    length = getattr(torch._C, "_len_torch_function_stack", None)
    if length is not None:
        try:
            return length()
        except Exception:
            return None
    stack = getattr(torch.overrides, "_get_current_function_mode_stack", None)
    if stack is not None:
        try:
            return len(stack())
        except Exception:
            return None
    return None


def _innermost(mode):
    get = getattr(torch.overrides, "_get_current_function_mode", None)
    if get is not None:
        try:
            return get() is mode
        except Exception:
            return False
    stack = getattr(torch.overrides, "_get_current_function_mode_stack", None)
    try:
        modes = stack() if stack is not None else None
    except Exception:
        return False
    return bool(modes) and modes[-1] is mode


class _Paused:
    """The mode off around the probe's own work (a backward()'s report: its graph walk, leaf statistics and
    names), whose torch calls are none of the script's lines and would each pay the mode's dispatch; on again
    afterwards when the reporter wants the next step's lines (Tracking.wanted)."""

    __slots__ = ("tracking",)

    def __init__(self, tracking):
        self.tracking = tracking

    def __enter__(self):
        self.tracking.turn(False)
        return self

    def __exit__(self, *exc):
        self.tracking.turn(self.tracking.wanted)
        return False


class _NoPause:
    __slots__ = ()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


_NO_PAUSE = _NoPause()


class Tracking:
    """What install() turned on, for the run's report and for turning it off."""

    def __init__(self):
        self.mode = None
        # Whether our mode is on the stack (we pushed it and have not popped it).
        self.on = False
        # Whether the mode can go on and off between steps (PyTorch says how deep its mode stack is).
        self.switchable = False
        # Whether the steps to come want lines (graph.Reporter sets it after each report).
        self.wanted = True
        self.handles = []
        self.features = []
        self._paused = None

    def paused(self):
        """A context in which the probe's own torch calls are not tracked (see _Paused)."""
        if self.mode is None or not self.switchable:
            return _NO_PAUSE
        if self._paused is None:
            self._paused = _Paused(self)
        return self._paused

    def turn(self, on):
        """The mode on or off. Only ever pushed on an empty stack and popped while innermost: a mode the script
        entered stays as it is, and so does ours under it (which then stays on: lines cost, nothing is lost)."""
        if on == self.on or self.mode is None:
            return
        try:
            if on:
                if _stack_length() == 0:
                    self.mode.__enter__()
                    self.on = True
            elif _innermost(self.mode):
                self.mode.__exit__(None, None, None)
                self.on = False
        except Exception:
            pass

    def stop(self):
        for h in self.handles:
            try:
                h.remove()
            except Exception:
                pass
        self.handles = []
        if self.mode is not None and self.on:
            try:
                self.mode.__exit__(None, None, None)
            except Exception:
                pass
        self.mode = None
        self.on = False


def install(track_lines=True):
    """Turns on what this PyTorch offers; each part is feature-tested, so an older one loses only that part."""
    tracking = Tracking()
    if track_lines:
        mode = _make_mode()
        if mode is not None:
            mode.__enter__()
            tracking.mode = mode
            tracking.on = True
            tracking.switchable = _stack_length() is not None
            tracking.features.append("lines")
    mod = torch.nn.modules.module
    pre = getattr(mod, "register_module_forward_pre_hook", None)
    post = getattr(mod, "register_module_forward_hook", None)
    if pre is not None and post is not None:
        tracking.handles += [pre(_pre_hook), post(_post_hook)]
        tracking.features.append("layers")
    return tracking
