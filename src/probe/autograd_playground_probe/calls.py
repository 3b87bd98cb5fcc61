"""The nn.Module calls a whole graph's nodes ran under (GraphSummary.modules, GraphNode.call): the panel draws
each as a box around its nodes, as it does for the playground's (its Module.__call__, src/python/torch/nn/
modules/module.py, which this mirrors: names, lines and nesting the same way).

Global forward pre- and post-hooks (torch.nn.modules.module, 1.13 and 2.x) keep a stack of the calls running,
whose innermost the line mode writes beside each op's line (lines._tag). They are on only while the line mode
is (lines.Tracking.turn): with any global hook every module call of the script takes PyTorch's slower path, so
the steps whose graphs go without nodes must not pay for them.

A forward that raises never reaches the post-hook where PyTorch has no `always_call` (1.13): each entry keeps
the frame that ran its hooks, and an entry whose frame is no longer among the caller's is dropped at the next
hook and passed over by the ops (innermost), so the stack unwinds by itself. The stack is the thread's that
turned the hooks on (the script's): calls on other threads are not recorded.
"""

import sys
import threading

from . import frames, naming

# The layers the playground's graph shows as one node (its Module._graph_as_one_node).
ONE_NODE_LAYERS = ("RNN", "LSTM", "GRU", "MultiheadAttention")

_getframe = sys._getframe
_get_ident = threading.get_ident


class Call:
    """One module call: plain data (no module, no frame), as a graph node's metadata may outlive the step."""

    __slots__ = ("id", "parent", "name", "class_name", "line", "def_line", "one_node")

    def __init__(self, cid, parent, name, class_name, line, def_line, one_node):
        self.id = cid
        self.parent = parent
        self.name = name
        self.class_name = class_name
        self.line = line
        self.def_line = def_line
        self.one_node = one_node


# (frame that ran the call's hooks, module, Call), outermost first.
_stack = []
_handles = []
_next_id = [1]
_def_lines = {}
_one_node_classes = ()
_owner = [None]


def innermost(frame):
    """The innermost call running that `frame` (an op's caller) runs under, or None: an entry left by a forward
    that raised is not among its callers."""
    stack = _stack
    i = len(stack) - 1
    while i >= 0:
        if _on_chain(stack[i][0], frame):
            return stack[i][2]
        i -= 1
    return None


def active():
    return bool(_handles)


def start():
    """Turns the hooks on (lines.Tracking.turn, with the line mode); False where this PyTorch has none."""
    global _one_node_classes
    if _handles:
        return True
    hooks = _hook_module()
    if hooks is None:
        return False
    _owner[0] = _get_ident()
    if not _one_node_classes:
        nn = sys.modules["torch"].nn
        _one_node_classes = tuple(c for c in (getattr(nn, n, None) for n in ONE_NODE_LAYERS) if isinstance(c, type))
    try:
        _handles.append(hooks.register_module_forward_pre_hook(_pre))
        try:
            # PyTorch 2.1+: the post-hook runs when the forward raises too.
            _handles.append(hooks.register_module_forward_hook(_post, always_call=True))
        except TypeError:
            _handles.append(hooks.register_module_forward_hook(_post))
    except Exception:
        stop()
        return False
    return True


def stop():
    """The hooks off and the stack emptied (it holds frames): the end of a tracked step."""
    for h in _handles:
        try:
            h.remove()
        except Exception:
            pass
    del _handles[:]
    del _stack[:]


def _hook_module():
    torch = sys.modules.get("torch")
    hooks = getattr(getattr(getattr(torch, "nn", None), "modules", None), "module", None)
    if hooks is None or not hasattr(hooks, "register_module_forward_pre_hook") or not hasattr(hooks, "register_module_forward_hook"):
        return None
    return hooks


def _on_chain(target, frame):
    while frame is not None:
        if frame is target:
            return True
        frame = frame.f_back
    return False


def _pre(module, inputs):
    if _get_ident() != _owner[0]:
        return
    frame = _getframe(1)
    stack = _stack
    # Calls whose forward raised (no post-hook ran) are not among this call's callers any more.
    while stack and not _on_chain(stack[-1][0], frame):
        stack.pop()
    parent = stack[-1][2] if stack else None
    cls = type(module)
    one = parent is not None and parent.one_node or isinstance(module, _one_node_classes)
    call = Call(_next_id[0], parent, _call_name(module, frame), cls.__name__, frames.user_line(frame), _def_line(cls), one)
    _next_id[0] += 1
    stack.append((frame, module, call))


def _post(module, inputs, output):
    if _get_ident() != _owner[0]:
        return
    frame = _getframe(1)
    stack = _stack
    while stack:
        top = stack[-1][0]
        if top is frame:
            stack.pop()
            return
        if _on_chain(top, frame.f_back):
            # A caller's: this call began before the hooks came on and has no entry.
            return
        stack.pop()


def _def_line(cls):
    line = _def_lines.get(cls)
    if line is None:
        line = -1
        code = getattr(getattr(cls, "forward", None), "__code__", None)
        if code is not None and not frames.is_internal(code.co_filename):
            line = code.co_firstlineno
        _def_lines[cls] = line
    return None if line < 0 else line


def _call_name(module, frame):
    """`model.encoder.0` for a child called from its parent's forward (the path its parameters are named by,
    naming.py); the name the user's code binds a module called from outside any module to; None otherwise."""
    if _stack:
        _, parent, parent_call = _stack[-1]
        try:
            for key, child in parent._modules.items():
                if child is module:
                    return None if parent_call.name is None else parent_call.name + "." + key
            # Held by a container the parent does not call (a ModuleList, a ModuleDict): 'net.layers.0'.
            for key, child in parent.named_modules():
                if child is module and key:
                    return None if parent_call.name is None else parent_call.name + "." + key
        except Exception:
            pass
    return naming.module_name(frames.user_frame(frame), module)


# ---- a whole graph's boxes (graph.Reporter._capture_unguarded) ----


def node_calls(order, infos, is_leaf):
    """{id(node): Call} for a graph's op nodes: the call the line mode recorded with each (infos' fifth
    field), and for a node it never saw (recorded inside one torch function: F.linear's transpose) its nearest
    consumer's, as the playground records every node of a call under that call."""
    return from_consumers(order, infos, 4, is_leaf)


def from_consumers(order, infos, field, is_leaf):
    """{id(node): value} for a graph's op nodes: infos[id(node)][field] where the line mode saw the node and
    recorded one, else its nearest consumer's that has one, in the walk's breadth-first order (the line mode
    never sees a node recorded inside one torch function)."""
    out = {}
    for node in order:
        info = infos.get(id(node))
        value = info[field] if info is not None else out.get(id(node))
        if value is None:
            continue
        out.setdefault(id(node), value)
        for nx, _ in node.next_functions:
            if nx is not None and not is_leaf(nx) and id(nx) not in infos and id(nx) not in out:
                out[id(nx)] = value
    return out


def outermost_one_node(call):
    found = None
    while call is not None:
        if call.one_node:
            found = call
        call = call.parent
    return found


def box_of(call, folded):
    """The box an op node sits in: its call's, or for a layer shown as one node (`folded`) the one around it."""
    if call is not None and folded:
        one = outermost_one_node(call)
        if one is not None:
            return one.parent
    return call


def parameter_calls(order, shown_leaves, calls, is_leaf):
    """{id(leaf node): Call} for parameter leaves: among the calls their consumers ran under, the one of the
    module that holds them by name (`model.0.weight` in a call named `model.0`); inside a layer shown as one
    node, the box around it. `shown_leaves`: {id(leaf node): its name or None}."""
    owner = {}
    for key, name in shown_leaves.items():
        dot = name.rfind(".") if name else -1
        if dot > 0:
            owner[key] = name[:dot]
    out = {}
    if not owner:
        return out
    for node in order:
        if is_leaf(node):
            continue
        for nx, _ in node.next_functions:
            if nx is None:
                continue
            want = owner.get(id(nx))
            if want is None or id(nx) in out:
                continue
            c = calls.get(id(node))
            while c is not None:
                if c.name == want:
                    one = outermost_one_node(c)
                    box = one.parent if one is not None else c
                    if box is not None:
                        out[id(nx)] = box
                    break
                c = c.parent
    return out


class Boxes:
    """The calls a graph's nodes name, each once, after the calls it ran inside (GraphSummary.modules)."""

    def __init__(self):
        self.list = []
        self._listed = set()

    def add(self, call):
        if call is None:
            return None
        if call.id not in self._listed:
            self.add(call.parent)
            self._listed.add(call.id)
            self.list.append(
                {
                    "id": call.id,
                    "parent": None if call.parent is None else call.parent.id,
                    "name": call.name,
                    "className": call.class_name,
                    "line": call.line,
                    "defLine": call.def_line,
                }
            )
        return call.id
