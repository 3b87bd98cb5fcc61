"""Backward events sent without their graph (most steps of a fast loop), kept as rows and sent together.

A training loop's step costs tens of microseconds on a small model, so what a step does here is the least that
keeps its numbers: the loss (already a float), a new root id, and each leaf's gradient as it is right after
backward() (zero_grad() may zero it in place before anything is written). A small CPU gradient is kept as the
Python list tolist() gives (one call, cheaper than any reduction); any other gets its stats reduced on its
device at once (summary.stats_many: one read-back per device), so no copy of a large gradient is ever held.

Steps whose graph has the same form (the same leaves, in the same order, called from the same line: a training
loop's) share one Form: the leaves' ids, names and shapes, encoded once. When the channel writes held steps, it
asks encode() for them: each run of rows of one form becomes one `steps` line, which the host
(src/runtime/python/probeSteps.ts) expands into the playground's backward events, one per step, reducing the
kept values to their stats there, off the training process.
"""

import json
import sys
from array import array
from base64 import b64encode

import torch

from .summary import SMALL_CPU, dtype_name, stats_many

_strided = torch.strided
_BIG_ENDIAN = sys.byteorder == "big"


class Stats(list):
    """A row's cell that holds [min, max, mean, norm] already (not a gradient's values)."""

    __slots__ = ()


class Form:
    __slots__ = ("ids", "leaves", "file", "line", "count", "heads", "dims", "all_small")

    def __init__(self, ids, leaves, file, line, count, heads, dims):
        # `leaves` are held, so their ids (compared each step) cannot be reused while this form stands.
        self.ids = ids
        self.leaves = leaves
        self.file = file
        self.line = line
        # Visible nodes of the graph (its size in the backward event).
        self.count = count
        self.heads = heads
        # Per leaf: its dimension count when its gradient is kept as values, else -1 (stats at once).
        self.dims = dims
        self.all_small = all(d >= 0 for d in dims)


def make_form(ids, leaves, file, line, count, leaf_id, name_of):
    """The form of a step: `leaf_id(v)` and `name_of(v)` are the reporter's (ids kept across steps)."""
    heads = []
    dims = []
    for v in leaves:
        shape = [int(d) for d in v.shape]
        numel = v.numel()
        heads.append({"id": leaf_id(v), "name": name_of(v), "shape": shape,
                      "grad": {"shape": shape, "dtype": dtype_name(v.dtype), "numel": numel}})
        small = v.is_cpu and 0 < numel <= SMALL_CPU and v.is_floating_point() and v.layout is _strided
        dims.append(v.dim() if small else -1)
    return Form(ids, list(leaves), file, line, count, json.dumps(heads, separators=(",", ":")), dims)


def cells(form, leaves):
    """Each leaf's gradient as the row keeps it: None, a small one's tolist(), or Stats."""
    if form.all_small:
        out = []
        for v in leaves:
            g = v.grad
            if g is None:
                out.append(None)
            elif g.layout is _strided:
                out.append(g.tolist())
            else:
                out.append(Stats(stats_many([g])[0] or (None, None, None, None)))
        return out
    grads = [v.grad for v in leaves]
    out = [None] * len(grads)
    rest = []
    for i, (g, d) in enumerate(zip(grads, form.dims)):
        if g is None:
            continue
        if d >= 0 and g.layout is _strided:
            out[i] = g.tolist()
        else:
            rest.append(i)
    if rest:
        with torch.no_grad():
            found = stats_many([grads[i] for i in rest])
        for i, st in zip(rest, found):
            out[i] = Stats(st or (None, None, None, None))
    return out


def _flat(values, dims):
    if dims == 0:
        return (values,)
    for _ in range(dims - 1):
        values = [v for row in values for v in row]
    return values


# A row's cell, as its first number in the packed rows: what follows it.
NO_GRAD = 0.0
VALUES = 1.0  # the gradient's numel values (numel from the form)
STATS = 2.0  # min, max, mean, norm
NO_STATS = 3.0  # a gradient without stats (empty): nothing follows


def encode(rows):
    """[(form, [step, root id, loss, cell...])] -> the `steps` lines, as bytes. A line's rows are packed as
    little-endian float64 (base64): per row the step, the root's id, 1 and the loss or 0 and 0 (no loss), then
    per leaf a cell as above. Packing costs a fraction of writing each float as JSON text, and the host reduces
    the gradients' values (as summary.values_stats does) where it has a core of its own."""
    out = []
    i = 0
    n = len(rows)
    while i < n:
        form = rows[i][0]
        dims = form.dims
        packed = array("d")
        add = packed.append
        extend = packed.extend
        count = 0
        while i < n and rows[i][0] is form:
            row = rows[i][1]
            loss = row[2]
            extend((row[0], row[1], 0.0, 0.0) if loss is None else (row[0], row[1], 1.0, loss))
            for cell, d in zip(row[3:], dims):
                if cell is None:
                    add(NO_GRAD)
                elif type(cell) is Stats:
                    if cell[0] is None:
                        add(NO_STATS)
                    else:
                        add(STATS)
                        extend(cell)
                else:
                    add(VALUES)
                    extend(cell if d == 1 else _flat(cell, d))
            count += 1
            i += 1
        if _BIG_ENDIAN:
            packed.byteswap()
        out.append('{"type":"steps","file":%s,"line":%d,"hiddenNodes":%d,"leaves":%s,"count":%d,"rows":"%s"}\n' % (
            json.dumps(form.file), form.line, form.count, form.heads, count, b64encode(packed.tobytes()).decode("ascii")))
    return "".join(out).encode("utf-8")
