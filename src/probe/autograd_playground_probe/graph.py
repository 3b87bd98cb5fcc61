"""What a backward() reports: the playground's GraphReporter (src/runtime/report/graphReporter.ts and
graphCapture.ts) for real PyTorch graphs, walked from grad_fn.next_functions with PyTorch's own node names.

A whole graph (every node's value and gradient, printed) is described at most once per `interval_ms`, and
always for the first step and a step whose loss is not finite; the steps in between send the loss, the
leaves' gradient stats and the graph's size. At the end, flush() sends the last step's whole graph when its
backward event went without it (its leaves as they are then: unlike the playground, the probe keeps no copy
of every parameter at every step, which on a GPU would double the model's memory).
"""

import math
import time
import weakref

from . import channel, lines, naming
from .summary import dtype_name, stats_many, summarize, summary_from

NAME_CACHE_LIMIT = 4096


def _is_leaf_node(node):
    return hasattr(node, "variable")


class _Step:
    __slots__ = ("line", "file", "order", "root", "loss", "sent_whole", "node_grads", "handles", "leaf_root")

    def __init__(self):
        self.sent_whole = None
        self.node_grads = None
        self.handles = []
        self.leaf_root = None


class Reporter:
    def __init__(self, file, node_limit=200, interval_ms=0):
        self.file = file
        self.node_limit = node_limit
        self.interval_ms = interval_ms
        self.step = 0
        self.last_whole = None
        self.latest = None
        # id(tensor) -> (weakref, name or None): names looked up, kept while the tensor lives.
        self.names = {}
        # id(tensor) -> (weakref, node id): a leaf keeps its node id across steps, as the playground's does.
        self.leaf_ids = {}
        self.next_id = 1
        self.diverged = False

    # ---- the backward() wrapper's two calls ----

    def before(self, root, frame):
        """Walks the graph (before backward frees it) and, when this step's whole graph is due, hooks its
        nodes for the gradients that pass through them. None when there is nothing to report."""
        import torch

        if not isinstance(root, torch.Tensor) or not root.requires_grad:
            return None
        step = _Step()
        step.line = -1 if frame is None else frame.f_lineno
        step.file = self.file if frame is None else frame.f_code.co_filename
        step.loss = float(root.detach().reshape(())) if root.numel() == 1 else None
        start = root.grad_fn
        if start is None:
            step.order = []
            step.leaf_root = root
        else:
            order = [start]
            seen = {id(start)}
            for node in order:
                for nx, _ in node.next_functions:
                    if nx is not None and id(nx) not in seen:
                        seen.add(id(nx))
                        order.append(nx)
            step.order = order
        if self._whole_due(step.loss) and step.order:
            step.node_grads = {}
            for node in step.order[: self.node_limit]:
                if _is_leaf_node(node):
                    continue
                try:
                    step.handles.append(node.register_hook(self._grad_hook(step.node_grads, id(node))))
                except Exception:
                    pass
        return step, frame

    @staticmethod
    def _grad_hook(store, key):
        def hook(grad_inputs, grad_outputs):
            if grad_outputs and grad_outputs[0] is not None:
                store[key] = grad_outputs[0]

        return hook

    def after(self, token):
        step, frame = token
        for h in step.handles:
            h.remove()
        step.handles = []
        self.step += 1
        # A step whose report never went out (an error while describing it) is not retried.
        leaves = self._leaves(step)
        whole = self._whole_due(step.loss)
        if whole or any(self._name(v, _UNKNOWN) is _UNKNOWN for v in leaves):
            self._look_up_names(leaves, frame)
        self.latest = step
        self._send(step, whole)

    def flush(self):
        step = self.latest
        if step is None or step.sent_whole is not False:
            return
        graph, leaves = self._capture(step, True)
        channel.emit({"type": "graph", "step": self.step, "file": step.file, "line": step.line, "graph": graph, "leaves": leaves})
        step.sent_whole = True

    # ---- internals ----

    def _whole_due(self, loss):
        if self.interval_ms <= 0 or self.last_whole is None:
            return True
        if loss is not None and not math.isfinite(loss):
            return True
        return (time.perf_counter() - self.last_whole) * 1000 >= self.interval_ms

    def _leaves(self, step):
        if step.leaf_root is not None:
            return [step.leaf_root]
        return [n.variable for n in step.order if _is_leaf_node(n)]

    def _name(self, t, default):
        entry = self.names.get(id(t))
        if entry is not None and entry[0]() is t:
            return entry[1]
        return default

    def _look_up_names(self, leaves, frame):
        if len(self.names) > NAME_CACHE_LIMIT:
            self.names.clear()
        found = naming.leaf_names(frame)
        for v in leaves:
            hit = found.get(id(v))
            try:
                self.names[id(v)] = (weakref.ref(v), None if hit is None or hit[1] is not v else hit[0])
            except TypeError:
                pass

    def _leaf_id(self, t):
        entry = self.leaf_ids.get(id(t))
        if entry is not None and entry[0]() is t:
            return entry[1]
        if len(self.leaf_ids) > NAME_CACHE_LIMIT:
            self.leaf_ids = {k: e for k, e in self.leaf_ids.items() if e[0]() is not None}
        nid = self.next_id
        self.next_id += 1
        try:
            self.leaf_ids[id(t)] = (weakref.ref(t), nid)
        except TypeError:
            pass
        return nid

    def _send(self, step, whole):
        step.sent_whole = whole
        graph, leaves = self._capture(step, whole)
        if whole:
            self.last_whole = time.perf_counter()
        channel.emit(
            {"type": "backward", "step": self.step, "file": step.file, "line": step.line, "loss": step.loss, "graph": graph, "leaves": leaves}
        )
        if step.loss is not None and not math.isfinite(step.loss) and not self.diverged:
            # Where training diverged: the first non-finite loss (DivergedEvent), right after its step.
            self.diverged = True
            channel.emit({"type": "diverged", "step": self.step, "file": step.file, "line": step.line, "loss": step.loss})
        # Only a whole graph needs the gradients that passed through its nodes; a later flush describes none.
        step.node_grads = None

    def _capture(self, step, whole):
        import torch

        with torch.no_grad():
            return self._capture_unguarded(step, whole)

    def _capture_unguarded(self, step, whole):
        if step.leaf_root is not None:
            v = step.leaf_root
            nid = self._leaf_id(v)
            leaf = {"id": nid, "name": self._name(v, None), "shape": list(v.shape), "grad": None if v.grad is None else summarize(v.grad, whole)}
            nodes = [self._describe_leaf(nid, v)] if whole else []
            graph = {"rootId": nid, "nodes": nodes, "edges": [], "truncated": None if whole else {"shownNodes": 0, "hiddenNodes": 1}}
            return graph, [leaf]
        order = step.order
        rep, folded = _fold_layer_calls(order)
        visible = [n for n in order if rep.get(id(n), n) is n]
        shown = visible[: self.node_limit]
        ids = {}
        for node in shown:
            ids[id(node)] = self._leaf_id(node.variable) if _is_leaf_node(node) else self._new_id()
        leaf_vars = [node.variable for node in shown if _is_leaf_node(node)]
        grads = [v.grad for v in leaf_vars]
        grad_stats = stats_many(grads)
        leaves = []
        for v, g, st in zip(leaf_vars, grads, grad_stats):
            leaves.append({"id": self._leaf_id(v), "name": self._name(v, None), "shape": list(v.shape), "grad": None if g is None else summary_from(g, st, whole)})
        root_id = ids[id(rep.get(id(order[0]), order[0]))]
        if not whole:
            return {"rootId": root_id, "nodes": [], "edges": [], "truncated": {"shownNodes": 0, "hiddenNodes": len(visible)}}, leaves
        nodes = []
        inherited = _inherited_lines(order)
        for node in shown:
            nid = ids[id(node)]
            if _is_leaf_node(node):
                nodes.append(self._describe_leaf(nid, node.variable))
                continue
            d = self._describe_op(nid, node, step.node_grads)
            if d["line"] is None:
                d["line"] = inherited.get(id(node))
            ops = folded.get(id(node))
            if ops is not None:
                call = lines.module_call(node)
                d["gradFn"] = call.class_name
                d["line"] = call.line
                d["module"] = {"ops": ops}
            nodes.append(d)
        edges = []
        keys = set()
        for node in order:
            to = rep.get(id(node), node)
            if id(to) not in ids:
                continue
            for nx, _ in node.next_functions:
                if nx is None:
                    continue
                frm = rep.get(id(nx), nx)
                key = (id(frm), id(to))
                if frm is to or id(frm) not in ids or key in keys:
                    continue
                keys.add(key)
                edges.append([ids[id(frm)], ids[id(to)]])
        hidden = len(visible) - len(shown)
        return {"rootId": root_id, "nodes": nodes, "edges": edges, "truncated": {"shownNodes": len(nodes), "hiddenNodes": hidden} if hidden else None}, leaves

    def _new_id(self):
        nid = self.next_id
        self.next_id += 1
        return nid

    def _describe_leaf(self, nid, v):
        out = {
            "id": nid,
            "kind": "leaf",
            "gradFn": None,
            "name": self._name(v, None),
            "shape": list(v.shape),
            "dtype": dtype_name(v.dtype),
            "line": lines.leaf_line(v),
            "value": summarize(v),
        }
        if v.grad is not None:
            out["grad"] = summarize(v.grad)
        return out

    def _describe_op(self, nid, node, node_grads):
        info = lines.node_info(node)
        out = {"id": nid, "kind": "op", "gradFn": type(node).__name__, "name": None, "shape": [], "dtype": "", "line": None}
        if info is not None:
            line, shape, dtype, ref = info
            out["line"] = line
            out["shape"] = list(shape)
            out["dtype"] = dtype_name(dtype)
            value = ref()
            if value is not None:
                out["value"] = summarize(value)
        grad = None if node_grads is None else node_grads.get(id(node))
        if grad is not None:
            out["grad"] = summarize(grad)
            if info is None:
                out["shape"] = list(grad.shape)
                out["dtype"] = dtype_name(grad.dtype)
        return out


_UNKNOWN = object()


def _inherited_lines(order):
    """{id(node): line} for op nodes the line mode never saw (recorded inside one torch function), from the
    nearest consumer that has a line, in the walk's breadth-first order."""
    out = {}
    for node in order:
        info = lines.node_info(node)
        line = info[0] if info is not None else out.get(id(node))
        if line is None:
            continue
        for nx, _ in node.next_functions:
            if nx is not None and not _is_leaf_node(nx) and lines.node_info(nx) is None and id(nx) not in out:
                out[id(nx)] = line
    return out


def _fold_layer_calls(order):
    """The nodes a one-node layer's call recorded (lines.py marks its output's node and its inputs' nodes),
    folded onto the output's node, as graphCapture.ts's foldModuleCalls: ({id(node): standing-in node},
    {id(standing-in node): how many it stands for}). Leaves keep their own nodes."""
    rep = {}
    folded = {}
    in_order = {id(n) for n in order}
    for node in order:
        if id(node) in rep or _is_leaf_node(node):
            continue
        call = lines.module_call(node)
        if call is None:
            continue
        stops = {id(s) for s in call.stops}
        members = [node]
        seen = {id(node)}
        for m in members:
            for nx, _ in m.next_functions:
                if nx is None or id(nx) in seen or id(nx) in stops or _is_leaf_node(nx) or id(nx) not in in_order:
                    continue
                seen.add(id(nx))
                members.append(nx)
        if len(members) > 1:
            for m in members:
                rep.setdefault(id(m), node)
            folded[id(node)] = len(members)
    return rep, folded
