"""What a backward() reports: the playground's GraphReporter (src/runtime/report/graphReporter.ts and
graphCapture.ts) for real PyTorch graphs, walked from grad_fn.next_functions with PyTorch's own node names.

A whole graph (every node's value and gradient, printed) is described at most once per `interval_ms` (and at
most once per WHOLE_SHARE times what the last one took), and always for the first step and a step whose loss
is not finite; the steps in between send the loss, the
leaves' gradient stats and the graph's size, as rows of steps.py that the channel holds and writes together,
as the playground's worker does. At the end, flush() sends the last step's whole graph when its backward event went
without it (its leaves as they are then: unlike the playground, the probe keeps no copy of every parameter at
every step, which on a GPU would double the model's memory).

Source lines on demand (lines.Tracking.wanted): the line mode's dispatch costs more than a small step, and
only whole graphs show lines, so once a report finds the next whole graph due the mode goes on for the step
that follows, and that step gets the whole graph; the mode goes off again after it. A graph's nodes made
before the previous backward() (a tensor computed once and reused) get lines only while the mode is on all
the time (interval 0); a last graph sent at the end takes the lines of the last whole graph that had them
when the two graphs have the same nodes in the same order (a training loop's steps).
"""

import math
import operator
import time
import weakref

import torch

from . import calls, channel, lines, naming, steps
from .summary import dtype_name, stats_many, summarize, summary_from

_Tensor = torch.Tensor
_no_grad = torch.no_grad
_perf = time.perf_counter

NAME_CACHE_LIMIT = 4096
TEMPLATE_LIMIT = 16
# With an interval, whole graphs come at most once per WHOLE_SHARE times what the last one cost (about 1% of
# the run's time).
WHOLE_SHARE = 100

# Node type -> whether it is a leaf's AccumulateGrad (has `variable`): a failed hasattr costs an exception.
_leaf_kinds = {}


def _is_leaf_node(node):
    kind = _leaf_kinds.get(type(node))
    if kind is None:
        kind = _leaf_kinds[type(node)] = hasattr(node, "variable")
    return kind


class _Step:
    __slots__ = ("line", "file", "loss", "order", "leaves", "leaf_root", "whole", "sent_whole", "node_grads", "handles")

    def __init__(self, line, file, loss, order, leaves, leaf_root):
        self.line = line
        self.file = file
        self.loss = loss
        self.order = order
        self.leaves = leaves
        self.leaf_root = leaf_root
        self.sent_whole = None
        self.node_grads = None
        self.handles = ()


class Reporter:
    def __init__(self, file, node_limit=200, interval_ms=0, tracking=None, display=None, reported=None):
        """`tracking`: lines.Tracking when the line mode can be turned on and off between steps (else None:
        whole graphs are due by time alone). `display(filename)`: how events name a frame's file (the host's name
        for the script); `reported(step, frame)`: called once a step's event went out (the debugger's pause
        point)."""
        self.file = file
        self.display = display or _same
        self.shown_for = None
        self.shown = None
        self.reported = reported
        self.tracking = tracking
        # Whether the step now running was announced as one with a whole graph (the line mode is on for it).
        self.armed = True
        # _fingerprint(step) -> (the graph's node types in walk order, [(line, shape, dtype) or None]): the lines
        # of the last graph of that form the line mode saw, for graphs of that form made while it was off.
        self.templates = {}
        self.node_limit = node_limit
        self.interval_ms = interval_ms
        self.step = 0
        self.last_whole = None
        # Seconds the last whole graph took to describe and send.
        self.whole_cost = 0.0
        # When the next whole graph is due (perf_counter seconds; -inf: at once).
        self.whole_at = -math.inf
        self.latest = None
        # id(tensor) -> (weakref, name or None): names looked up, kept while the tensor lives.
        self.names = {}
        # id(tensor) -> (weakref, node id): a leaf keeps its node id across steps, as the playground's does.
        self.leaf_ids = {}
        self.next_id = 1
        self.diverged = False
        # The form of the last step sent without its graph (steps.Form), for the next one of the same form.
        self.form = None

    # ---- the backward() wrapper's two calls ----

    def before(self, root, frame):
        """Walks the graph (before backward frees it) and, when this step's whole graph is due, hooks its
        nodes for the gradients that pass through them. None when there is nothing to report. Every step of a
        training loop comes here: it is kept lean."""
        if not isinstance(root, _Tensor) or not root.requires_grad:
            return None
        if frame is None:
            line = -1
            file = self.display(self.file)
        else:
            line = frame.f_lineno
            file = frame.f_code.co_filename
            file = self.shown if file is self.shown_for else self._display(file)
        loss = root.item() if root.numel() == 1 else None
        if type(loss) is not float:
            # A complex root has no loss to chart (and its backward() without a gradient raises in PyTorch).
            loss = None
        start = root.grad_fn
        if start is None:
            step = _Step(line, file, loss, [], [root], root)
        else:
            # Breadth first, each node once (nodes hash by identity); a leaf's AccumulateGrad has nothing after it.
            order = [start]
            seen = {start}
            leaves = []
            kinds = _leaf_kinds
            for node in order:
                kind = kinds.get(type(node))
                if kind is None:
                    kind = _is_leaf_node(node)
                if kind:
                    leaves.append(node.variable)
                    continue
                for nx, _ in node.next_functions:
                    if nx is not None and nx not in seen:
                        seen.add(nx)
                        order.append(nx)
            step = _Step(line, file, loss, order, leaves, None)
        whole = step.whole = self._decide_whole(loss)
        if whole and step.order:
            step.node_grads = {}
            handles = step.handles = []
            for node in step.order[: self.node_limit]:
                if _is_leaf_node(node):
                    continue
                try:
                    handles.append(node.register_hook(self._grad_hook(step.node_grads, id(node))))
                except Exception:
                    pass
        return step, frame

    def _display(self, filename):
        # The last frame's file and its shown name, kept: a loop's backward() is on one line.
        self.shown_for = filename
        self.shown = self.display(filename)
        return self.shown

    @staticmethod
    def _grad_hook(store, key):
        def hook(grad_inputs, grad_outputs):
            if grad_outputs and grad_outputs[0] is not None:
                store[key] = grad_outputs[0]

        return hook

    def after(self, token):
        step, frame = token
        self.step += 1
        self.latest = step
        # A step whose report never went out (an error while describing it) is not retried.
        whole = step.whole
        if whole or step.leaf_root is not None:
            self._send_step(step, frame)
        else:
            self._send_light(step, frame)
        if self.tracking is not None:
            # The next step's whole graph is due already: it runs with the line mode on and gets it. So does a
            # step after one whose graph's form has no lines yet (a last graph sent at the end takes them).
            key = self._fingerprint(step)
            known = key is None or key in self.templates
            if not known and not whole and self.tracking.wanted:
                # The mode was on for this step: what it saw of the graph is that form's template, with the names
                # of the data it read (a last graph sent at the end shows them as input nodes).
                inputs = self._infos(step.order, learn=True)[1]
                if inputs:
                    self._look_up_names((), frame, inputs)
                known = True
            self.armed = self.interval_ms <= 0 or self._whole_due(step.loss)
            self.tracking.wanted = self.armed or not known
        if self.reported is not None:
            self.reported(step, frame)

    def _send_step(self, step, frame):
        """A step sent with its graph (whole, or a leaf's one node) as a backward event of its own."""
        if step.handles:
            for h in step.handles:
                h.remove()
            step.handles = ()
        whole = step.whole
        began = time.perf_counter()
        leaves = step.leaves
        if whole or any(self._name(v, _UNKNOWN) is _UNKNOWN for v in leaves):
            self._look_up_names(leaves, frame, self._infos(step.order)[1] if whole else None)
        self._send(step, whole)
        if whole:
            # (The first one also pays for first uses: the next comes a little later than it need.)
            self.whole_cost = time.perf_counter() - began
            self._plan_whole()

    def flush(self):
        step = self.latest
        if step is None or step.sent_whole is not False:
            return
        graph, leaves = self._capture(step, True)
        channel.emit({"type": "graph", "step": self.step, "file": step.file, "line": step.line, "graph": graph, "leaves": leaves})
        step.sent_whole = True

    # ---- internals ----

    def _decide_whole(self, loss):
        if self.tracking is None:
            return self._whole_due(loss)
        if self.armed or self.last_whole is None:
            return True
        return loss is not None and not math.isfinite(loss)

    def _whole_due(self, loss):
        return _perf() >= self.whole_at or (loss is not None and loss - loss != 0)

    def _plan_whole(self):
        if self.interval_ms <= 0 or self.last_whole is None:
            self.whole_at = -math.inf
        else:
            # The interval, or longer when describing a whole graph takes more than 1/WHOLE_SHARE of it (printing
            # a model's tensors as PyTorch does costs milliseconds): whole graphs then take that share of the run.
            self.whole_at = self.last_whole + max(self.interval_ms / 1000, self.whole_cost * WHOLE_SHARE)

    def _leaves(self, step):
        return step.leaves

    def _name(self, t, default):
        entry = self.names.get(id(t))
        if entry is not None and entry[0]() is t:
            return entry[1]
        return default

    def _look_up_names(self, leaves, frame, inputs=None):
        """Names for `leaves` and, with `inputs` ({id(node): [weakref]}, a whole graph's), for the tensors
        without grad its ops read, which it shows as input nodes when they have a name."""
        if len(self.names) > NAME_CACHE_LIMIT:
            self.names.clear()
        found = naming.tensor_names(frame, inputs=bool(inputs))
        for v in leaves:
            self._remember_name(v, found.get(id(v)))
        if inputs:
            for refs in inputs.values():
                for ref in refs:
                    t = ref()
                    if t is not None:
                        self._remember_name(t, found.get(id(t)))

    def _remember_name(self, t, hit):
        try:
            self.names[id(t)] = (weakref.ref(t), None if hit is None or hit[1] is not t else hit[0])
        except TypeError:
            pass

    def _name_or_none(self, t):
        return self._name(t, None)

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
            self._plan_whole()
        channel.emit(
            {"type": "backward", "step": self.step, "file": step.file, "line": step.line, "loss": step.loss, "graph": graph, "leaves": leaves}
        )
        self._diverged(step)
        # Only a whole graph needs the gradients that passed through its nodes; a later flush describes none.
        step.node_grads = None

    def _send_light(self, step, frame):
        """A step without its graph: a row of its form (steps.py), which the channel holds with the others."""
        step.sent_whole = False
        order = step.order
        if _layer_calls:
            rep, _ = _fold_layer_calls(order)
            visible = [n for n in order if rep.get(id(n), n) is n]
        else:
            visible = order
        if visible is order and len(order) <= self.node_limit:
            leaves = step.leaves
        else:
            leaves = [node.variable for node in visible[: self.node_limit] if _is_leaf_node(node)]
        form = self.form
        if (form is None or form.count != len(visible) or form.line != step.line or form.file != step.file
                or len(form.leaves) != len(leaves) or not all(map(_is, form.leaves, leaves))):
            if any(self._name(v, _UNKNOWN) is _UNKNOWN for v in leaves):
                self._look_up_names(leaves, frame)
            form = self.form = steps.make_form(leaves, step.file, step.line, len(visible), self._leaf_id, self._name_or_none)
        # (The root is an op's node: a leaf root's step goes with its graph.)
        root_id = self.next_id
        self.next_id = root_id + 1
        loss = step.loss
        channel.emit_row(form, steps.row(form, leaves, self.step, root_id, loss))
        if loss is not None and loss - loss != 0:
            self._diverged(step)

    def _diverged(self, step):
        if step.loss is not None and not math.isfinite(step.loss) and not self.diverged:
            # Where training diverged: the first non-finite loss (DivergedEvent), right after its step.
            self.diverged = True
            channel.emit({"type": "diverged", "step": self.step, "file": step.file, "line": step.line, "loss": step.loss})

    def _capture(self, step, whole):
        with _no_grad():
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
        infos, inputs = self._infos(order)
        # Lines for the nodes the line mode never saw, from their consumers (their own where it did).
        inherited = calls.from_consumers(order, infos, 0, _is_leaf_node)
        # The module calls around the nodes (calls.py): a box each in the panel.
        boxes = calls.Boxes()
        node_calls = calls.node_calls(order, infos, _is_leaf_node)
        params = calls.parameter_calls(order, {id(n): self._name(n.variable, None) for n in shown if _is_leaf_node(n)}, node_calls, _is_leaf_node) if node_calls else {}
        for node in shown:
            nid = ids[id(node)]
            if _is_leaf_node(node):
                d = self._describe_leaf(nid, node.variable)
                cid = boxes.add(params.get(id(node)))
                if cid is not None:
                    d["call"] = cid
                nodes.append(d)
                continue
            d = self._describe_op(nid, node, step.node_grads, infos.get(id(node)))
            if d["line"] is None:
                d["line"] = inherited.get(id(node))
            ops = folded.get(id(node))
            if ops is not None:
                call = lines.module_call(node)
                d["gradFn"] = call.class_name
                d["line"] = call.line
                d["module"] = {"ops": ops}
            cid = boxes.add(calls.box_of(node_calls.get(id(node)), ops is not None))
            if cid is not None:
                d["call"] = cid
            nodes.append(d)
        edges = []
        keys = set()
        # Inputs bound to a name (X, y) as small nodes of their own, as the playground's; unnamed ones (an
        # expression's temporary) are constants, folded into their op.
        input_ids = {}
        for node in order:
            to = rep.get(id(node), node)
            if id(to) not in ids:
                continue
            refs = inputs.get(id(node)) if inputs else None
            if refs:
                for ref in refs:
                    t = ref()
                    name = None if t is None else self._name(t, None)
                    if name is None:
                        continue
                    iid = input_ids.get(id(t))
                    if iid is None:
                        iid = input_ids[id(t)] = _input_id(self._leaf_id(t))
                        nodes.append(self._describe_input(iid, t, name))
                    key = (id(t), id(to))
                    if key not in keys:
                        keys.add(key)
                        edges.append([iid, ids[id(to)]])
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
        truncated = {"shownNodes": len(nodes) - len(input_ids), "hiddenNodes": hidden} if hidden else None
        graph = {"rootId": root_id, "nodes": nodes, "edges": edges, "truncated": truncated}
        if boxes.list:
            graph["modules"] = boxes.list
        return graph, leaves

    def _infos(self, order, learn=False):
        """({id(node): (line, shape, dtype, output weakref, calls.Call)}, {id(node): [weakref to an input]}): what the line
        mode recorded for the graph's op nodes (lines.node_info, lines.node_inputs); for a graph it recorded
        nothing of (made while it was off), the last whole graph's, if it had the same nodes (its inputs, when
        they are still alive: a training loop's X and y)."""
        infos = {}
        inputs = {}
        for node in order:
            info = lines.node_info(node)
            if info is not None:
                infos[id(node)] = info
                refs = lines.node_inputs(node)
                if refs:
                    inputs[id(node)] = refs
        if not order:
            return infos, inputs
        key = _fingerprint_of(order)
        signature = tuple([type(n) for n in order])
        if infos or learn:
            if len(self.templates) >= TEMPLATE_LIMIT and key not in self.templates:
                self.templates.clear()
            self.templates[key] = (
                signature,
                [infos.get(id(n)) and infos[id(n)][:3] + (_gone,) + infos[id(n)][4:] for n in order],
                [inputs.get(id(n)) for n in order] if inputs else None,
            )
        else:
            template = self.templates.get(key)
            if template is not None and template[0] == signature:
                for node, info in zip(order, template[1]):
                    if info is not None:
                        infos[id(node)] = info
                if template[2] is not None:
                    for node, refs in zip(order, template[2]):
                        if refs:
                            inputs[id(node)] = refs
        return infos, inputs

    @staticmethod
    def _fingerprint(step):
        return _fingerprint_of(step.order) if step.order else None

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

    @staticmethod
    def _describe_input(nid, t, name):
        return {
            "id": nid,
            "kind": "leaf",
            "input": True,
            "gradFn": None,
            "name": name,
            "shape": list(t.shape),
            "dtype": dtype_name(t.dtype),
            "line": lines.leaf_line(t),
            "value": summarize(t),
        }

    def _describe_op(self, nid, node, node_grads, info):
        out = {"id": nid, "kind": "op", "gradFn": type(node).__name__, "name": None, "shape": [], "dtype": "", "line": None}
        if info is not None:
            line, shape, dtype, ref = info[:4]
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


_is = operator.is_
# Whether a one-node layer's call was marked yet (lines._marked, read every step: the list itself).
_layer_calls = lines._marked


def _same(filename):
    return filename


def _fingerprint_of(order):
    # Cheap to take every step; a template is used only when the whole list of node types matches too.
    return (len(order), type(order[0]), type(order[-1]))


def _input_id(nid):
    # Negative, as the playground's input nodes (graphCapture.ts's inputNodeId): never an op's or a leaf's id.
    return -2 - nid


def _gone():
    # A template's output weakref: that step's value is not this one's.
    return None


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
