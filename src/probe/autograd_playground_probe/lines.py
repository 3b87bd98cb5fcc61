"""Source lines, output shapes and layer calls for the graph's nodes, recorded as the script runs.

A TorchFunctionMode (torch.overrides, public in 1.13 and 2.x) sees every torch function and Tensor method
the script calls, through nn layers included; it writes into each result's grad_fn.metadata (a dict PyTorch
keeps per graph node for exactly such annotations) the user's line, the output's shape and dtype and a weak
reference to the output (its value in a whole graph), and the innermost nn.Module call it ran under (calls.py,
whose hooks are on only while this mode is). Leaves made by a torch function get their line the same
way; parameters get none, as in the playground. A node PyTorch records inside one function (the transpose
inside F.linear) has no entry of its own and takes its consumer's line (graph.py), as the playground records
every node of a call at the call's line.

The forward of each layer the playground shows as one node (recurrent layers, attention), wrapped, marks its
calls: the output's node keeps the call, and the nodes between it and the call's inputs fold into it
(graph.py).
"""

import functools
import sys
import weakref

import torch

from . import calls, frames
from .calls import ONE_NODE_LAYERS

KEY = "autograd_playground"

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


def _tag(out, frame, args, kwargs):
    # The user's line is looked up only for a result that needs it: most calls (a property read, an optimizer's
    # update under no_grad, a result without history) need none.
    if isinstance(out, _Tensor):
        node = out.grad_fn
        if node is not None:
            meta = node.metadata
            if KEY not in meta:
                meta[KEY] = (frames.user_line(frame), out.shape, out.dtype, weakref.ref(out), calls.innermost(frame) if calls._stack else None)
                inputs = _data_inputs(args, kwargs)
                if inputs:
                    meta[INPUTS_KEY] = inputs
        elif out.requires_grad:
            line = frames.user_line(frame)
            if line is not None:
                _remember_leaf(out, line)
    elif isinstance(out, (tuple, list)) and len(out) <= 64:
        for o in out:
            if isinstance(o, _Tensor):
                _tag(o, frame, args, kwargs)


# A graph node's data inputs (lines.node_inputs): a grad_fn keeps no reference to the tensors of its call that
# do not require grad (X, y, a target), which the graph shows as input nodes, as the playground's constInputs.
INPUTS_KEY = "autograd_playground_inputs"


def _data_inputs(args, kwargs):
    """Weak references to the call's tensor arguments that do not require grad (one level into lists and
    tuples, as torch.cat's); weak, so that a graph kept alive keeps no data alive."""
    found = None
    for a in args:
        if isinstance(a, _Tensor):
            if not a.requires_grad:
                found = _add_input(found, a)
        elif isinstance(a, (tuple, list)) and len(a) <= 64:
            for b in a:
                if isinstance(b, _Tensor) and not b.requires_grad:
                    found = _add_input(found, b)
    if kwargs:
        for a in kwargs.values():
            if isinstance(a, _Tensor) and not a.requires_grad:
                found = _add_input(found, a)
    return found


def _add_input(found, t):
    try:
        ref = weakref.ref(t)
    except TypeError:
        return found
    if found is None:
        return [ref]
    if all(r() is not t for r in found):
        found.append(ref)
    return found


def node_inputs(node):
    """Weak references to the tensors without grad the call that made `node` read (see _data_inputs), or None."""
    try:
        return node.metadata.get(INPUTS_KEY)
    except (AttributeError, RuntimeError):
        return None


def _make_mode(tracking, tag=True, check=None):
    """The mode: tags results with their lines (`tag`), and with `check` (finite.check) also checks them,
    except in the probe's own work (tracking.own)."""
    overrides = getattr(torch, "overrides", None)
    Base = getattr(overrides, "TorchFunctionMode", None)
    if Base is None:
        return None
    grad_enabled = torch.is_grad_enabled

    if check is None:
        class LineMode(Base):
            def __torch_function__(self, func, types, args=(), kwargs=None):
                out = func(*args, **kwargs) if kwargs else func(*args)
                if grad_enabled():
                    _tag(out, _getframe(1), args, kwargs)
                return out

        return LineMode()

    class CheckingMode(Base):
        def __torch_function__(self, func, types, args=(), kwargs=None):
            out = func(*args, **kwargs) if kwargs else func(*args)
            if not tracking.own:
                if tag and grad_enabled():
                    _tag(out, _getframe(1), args, kwargs)
                check(func, args, out)
            return out

    return CheckingMode()


def node_info(node):
    """(line, shape, dtype, output weakref, calls.Call or None) the mode recorded for a graph node, or None."""
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
# Not empty once any one-node layer's call was marked (before that, a graph has nothing to fold).
_marked = []


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


def _wrap_forward(cls):
    """cls.forward, marking its output's node with the call (see module_call); None if cls has none of its own."""
    real = cls.__dict__.get("forward")
    if real is None or getattr(real, "_autograd_playground", False):
        return None

    @functools.wraps(real)
    def forward(self, *args, **kwargs):
        stops = _inputs_nodes(args)
        if kwargs:
            stops |= _inputs_nodes(tuple(kwargs.values()))
        line = frames.user_line(_getframe(1))
        output = real(self, *args, **kwargs)
        first = output[0] if isinstance(output, (tuple, list)) and output else output
        if isinstance(first, _Tensor) and first.grad_fn is not None:
            try:
                first.grad_fn.metadata[MODULE_KEY] = _Call(type(self).__name__, line, stops)
                if not _marked:
                    _marked.append(True)
            except (AttributeError, RuntimeError):
                pass
        return output

    forward._autograd_playground = True
    cls.forward = forward
    return cls, real


class _Restore:
    """A handle that puts a class's own forward back (Tracking.stop)."""

    __slots__ = ("cls", "real")

    def __init__(self, cls, real):
        self.cls = cls
        self.real = real

    def remove(self):
        self.cls.forward = self.real


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
        t = self.tracking
        t.own += 1
        if t.switchable:
            t.turn(False)
        return self

    def __exit__(self, *exc):
        t = self.tracking
        t.own -= 1
        if t.switchable:
            t.turn(t.wanted)
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
        # Whether the mode tags results (lines, module calls), not only checks them.
        self.tags = False
        # Whether the mode can go on and off between steps (PyTorch says how deep its mode stack is).
        self.switchable = False
        # Whether the steps to come want lines (graph.Reporter sets it after each report).
        self.wanted = True
        self.handles = []
        self.features = []
        self._paused = None
        # How deep in the probe's own work (a report, a pause) the script's thread is: the NaN finder's mode
        # checks nothing there.
        self.own = 0

    def paused(self):
        """A context in which the probe's own torch calls are not tracked (see _Paused)."""
        if self.mode is None:
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
                    if self.tags:
                        calls.start()
            elif _innermost(self.mode):
                self.mode.__exit__(None, None, None)
                self.on = False
                calls.stop()
        except Exception:
            pass

    def stop(self):
        for h in self.handles:
            try:
                h.remove()
            except Exception:
                pass
        self.handles = []
        calls.stop()
        if self.mode is not None and self.on:
            try:
                self.mode.__exit__(None, None, None)
            except Exception:
                pass
        self.mode = None
        self.on = False


def install(track_lines=True, check_finite=False, mark_layers=True):
    """Turns on what this PyTorch offers; each part is feature-tested, so an older one loses only that part.
    `check_finite`: the NaN finder (finite.py), whose mode stays on for every op of the run. `mark_layers`: the
    one-node layers' calls, for graphs (none without reports)."""
    tracking = Tracking()
    if track_lines or check_finite:
        from . import finite

        mode = _make_mode(tracking, track_lines, finite.check if check_finite else None)
        if mode is not None:
            mode.__enter__()
            tracking.mode = mode
            tracking.on = True
            tracking.switchable = not check_finite and _stack_length() is not None
            if track_lines:
                tracking.features.append("lines")
                tracking.tags = True
                if calls.start():
                    tracking.features.append("modules")
            if check_finite:
                tracking.features.append("finite")
    # Only these layers' calls are marked, by wrapping their forward: a global module hook would put every
    # module call of the script on PyTorch's slower path with hooks (microseconds a call, many calls a step).
    for name in ONE_NODE_LAYERS if mark_layers else ():
        cls = getattr(torch.nn, name, None)
        wrapped = _wrap_forward(cls) if isinstance(cls, type) else None
        if wrapped is not None:
            tracking.handles.append(_Restore(*wrapped))
    if tracking.handles:
        tracking.features.append("layers")
    return tracking
