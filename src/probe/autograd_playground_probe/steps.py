"""Backward events sent without their graph (most steps of a fast loop), kept as rows and sent together.

A training loop's step costs tens of microseconds on a small model, so what a step does here is the least that
keeps its numbers: the loss (already a float), a new root id, and each leaf's gradient stats as they are right
after backward() (zero_grad() may zero the gradients in place before anything is written). make_form() decides
how, once per form: a model's small CPU gradients are kept as the Python lists tolist() gives (one call each,
cheaper than any reduction); up to FLAT_LIMIT elements they are copied end to end by one call, and reduced per
batch of steps when the batch is written (on the CPU into the next row of a table the form reuses, Chunk, and
reduced with NumPy; on their device otherwise: one read-back, no step waiting for a GPU); any other gradient
gets its stats reduced on its device at once (summary.stats_many).

Steps whose graph has the same form (the same leaves, in the same order, called from the same line: a training
loop's) share one Form: the leaves' ids, names and shapes, encoded once. When the channel writes held steps, it
asks encode() for them: each run of rows of one form becomes one `steps` line, which the host
(src/runtime/python/probeSteps.ts) expands into the playground's backward events, one per step, reducing the
kept values to their stats there, off the training process.
"""

import json
import math
import operator
import sys
from array import array
from base64 import b64encode

import torch

from .summary import SMALL_CPU, dtype_name, stats_many

_strided = torch.strided
_no_grad = torch.no_grad
_nan = float("nan")
_BIG_ENDIAN = sys.byteorder == "big"


class Stats(list):
    """A row's cell that holds [min, max, mean, norm] already (not a gradient's values)."""

    __slots__ = ()


class Flat:
    """A row's cell that holds a copy of the form's `flat` leaves' gradients, end to end in one tensor (the
    other flat leaves' cells are FLAT): their stats are reduced when the row is written, for all its rows at
    once (encode), with one read-back (a GPU's: no step waits for the device); CPU copies NumPy can view, by
    NumPy (_np_flat_stats)."""

    __slots__ = ("values",)

    def __init__(self, values):
        self.values = values


FLAT = object()

# How many gradient elements, in all, a step may copy to have their stats reduced later: above it, a step
# reduces its gradients at once (a large model's step is long, and copies of its gradients would not be small).
FLAT_LIMIT = 1 << 16
# Kinds of leaf in a form (Form.dims holds a leaf's dimension count for VALUES).
IMMEDIATE = -1
IN_FLAT = -2

_flatten = getattr(getattr(torch._C, "_nn", None), "flatten_dense_tensors", None)


def _flatten_fallback(tensors):
    return torch.cat([t.reshape(-1) for t in tensors])


if _flatten is None:
    _flatten = _flatten_fallback


class Form:
    __slots__ = ("leaves", "file", "line", "count", "heads", "dims", "all_small", "flat", "offsets", "np_starts", "np_sizes",
                 "np_dtype", "grads", "ptrs", "views", "chunk", "at", "free", "squares", "all_in_chunks")

    def __init__(self, leaves, file, line, count, heads, dims, flat, offsets):
        # The leaves, compared by identity each step (held: no other tensor can take their place).
        self.leaves = leaves
        self.file = file
        self.line = line
        # Visible nodes of the graph (its size in the backward event).
        self.count = count
        self.heads = heads
        # Per leaf: its dimension count when its gradient is kept as values (tolist), IMMEDIATE (stats at
        # once) or IN_FLAT (a slice of the step's Flat).
        self.dims = dims
        self.all_small = all(d >= 0 for d in dims)
        # Whether every leaf's gradient goes into the rows' chunks (make_form): a group packs as one table.
        self.all_in_chunks = False
        # The indices of the IN_FLAT leaves, and where each one's values start and end in a Flat.
        self.flat = flat
        self.offsets = offsets
        # For CPU Flats that NumPy can view: their leaves' starts and sizes (_np_flat_stats), and what
        # _chunk_copy keeps: the NumPy dtype, the gradients last seen with their flat views (a gradient zeroed in
        # place is the same tensor every step), and the chunk the next row goes into with its first free row.
        self.np_starts = None
        self.np_sizes = None
        self.np_dtype = None
        self.grads = [_NOTHING] * len(flat)
        self.ptrs = None
        self.views = None
        self.chunk = None
        self.at = 0
        self.free = []
        self.squares = None


def _flat_key(v):
    if not v.is_floating_point() or v.layout is not _strided or v.numel() == 0 or v.device.type == "meta":
        return None
    return (v.device, v.dtype)


def make_form(leaves, file, line, count, leaf_id, name_of):
    """The form of a step: `leaf_id(v)` and `name_of(v)` are the reporter's (ids kept across steps).

    Where the leaves' gradients go: all of one device and dtype (a model's parameters), up to SMALL_CPU
    elements in all on the CPU, as values (a tolist() each costs less than any torch op); up to FLAT_LIMIT, into
    one Flat per step (one torch call); any other gradient has its stats reduced at once."""
    heads = []
    dims = []
    keys = []
    for v in leaves:
        shape = [int(d) for d in v.shape]
        numel = v.numel()
        heads.append({"id": leaf_id(v), "name": name_of(v), "shape": shape,
                      "grad": {"shape": shape, "dtype": dtype_name(v.dtype), "numel": numel}})
        keys.append(_flat_key(v))
        dims.append(IMMEDIATE)
    flat = []
    offsets = []
    counted = [k for k in keys if k is not None]
    if counted:
        key = max(set(counted), key=counted.count)
        members = [i for i, k in enumerate(keys) if k == key]
        total = sum(leaves[i].numel() for i in members)
        if key[0].type == "cpu" and total <= SMALL_CPU:
            for i in members:
                dims[i] = leaves[i].dim()
        elif total <= FLAT_LIMIT:
            at = 0
            for i in members:
                dims[i] = IN_FLAT
                n = leaves[i].numel()
                offsets.append((at, at + n))
                at += n
            flat = members
    form = Form(list(leaves), file, line, count, json.dumps(heads, separators=(",", ":")), dims, flat, offsets)
    if flat and key[0].type == "cpu" and key[1] in _NUMPY_DTYPES:
        np = _numpy()
        if np is not None:
            form.np_starts = np.array([a for a, _ in offsets], dtype=np.int64)
            form.np_sizes = np.array([b - a for a, b in offsets], dtype=np.float64)
            form.np_dtype = _NUMPY_DTYPES[key[1]]
            form.all_in_chunks = len(flat) == len(leaves)
    return form


_NUMPY_DTYPES = {torch.float32: "float32", torch.float64: "float64", torch.float16: "float16"}
_np = []


def _numpy():
    """NumPy where this Python has it (PyTorch works without it), imported once."""
    if not _np:
        try:
            import numpy
        except ImportError:
            numpy = None
        _np.append(numpy)
    return _np[0]


def _np_flat_stats(form, flats):
    """_flat_stats for CPU Flats NumPy can view: the held steps' copies as one table (one torch call), then
    one segment reduction per statistic for the whole table and one read-back: per step, a few microseconds,
    where reducing each step's copy by itself costs several times that. Min and max in the gradients' dtype
    (exact), mean and norm in double; NaN wins min and max, as in summary.stats."""
    np = _numpy()
    starts = form.np_starts
    with _no_grad():
        table = torch.cat([f.values for f in flats]).numpy().reshape(len(flats), -1)
    low = np.minimum.reduceat(table, starts, axis=1)
    high = np.maximum.reduceat(table, starts, axis=1)
    wide = table.astype(np.float64)
    total = np.add.reduceat(wide, starts, axis=1)
    np.multiply(wide, wide, out=wide)
    squares = np.add.reduceat(wide, starts, axis=1)
    return np.stack([low, high, total / form.np_sizes, np.sqrt(squares)], axis=2).tolist()


class InChunk:
    """A row's cell that holds where _chunk_copy copied the form's flat leaves' gradients: row `k` of `chunk`. The
    rows of a chunk are reduced together when they are written (_np_table_stats)."""

    __slots__ = ("chunk", "k")

    def __init__(self, chunk, k):
        self.chunk = chunk
        self.k = k


class Chunk:
    """A table the form's rows fill in turn: a CPU tensor, its rows as views (written by torch.cat, the cheapest
    copy of several tensors into one row), and the table as NumPy sees it (for the reductions). It is written again
    only once all its rows were reduced and it went back to the form's free list: memory used again costs no page
    faults, where a fresh table's first writes cost more than the copies."""

    __slots__ = ("rows", "array", "done", "free")

    def __init__(self, table, free):
        self.rows = list(table)
        self.array = table.numpy()
        self.done = 0
        self.free = free

    def reduced(self, n):
        # Under the channel's lock (encode). Every row was written before any went out: full and all reduced.
        self.done += n
        if self.done == len(self.rows):
            self.done = 0
            self.free.append(self)


_NOTHING = object()
_is = operator.is_
_data_ptr = torch.Tensor.data_ptr
_cat = torch.cat
# A chunk's size: rows enough for a batch of fast steps, at most about this many bytes (and at least 4 rows).
CHUNK_BYTES = 1 << 20
CHUNK_ROWS = 64


def _chunk_copy(form, members):
    """Copies the flat leaves' CPU gradients end to end into the form's next table row (one call, into memory
    already there); None when they cannot go there (a gradient missing, with history, not contiguous, or not
    strided): then the step takes the torch path."""
    if not all(map(_is, members, form.grads)) or list(map(_data_ptr, members)) != form.ptrs:
        # New gradients (set_to_none), or their storage changed: their flat views, once (a view of a gradient
        # whose tensor took other storage would still read the old one, hence the pointers).
        views = []
        for g in members:
            if g is None or g.layout is not _strided or g.requires_grad or not g.is_contiguous():
                return None
            views.append(g.view(-1))
        form.grads = members
        form.ptrs = list(map(_data_ptr, members))
        form.views = views
    chunk = form.chunk
    k = form.at
    if chunk is None or k == len(chunk.rows):
        if form.free:
            chunk = form.free.pop()
        else:
            width = form.offsets[-1][1]
            dtype = members[0].dtype
            rows = max(4, min(CHUNK_ROWS, CHUNK_BYTES // (width * members[0].element_size())))
            chunk = Chunk(torch.empty((rows, width), dtype=dtype), form.free)
        form.chunk = chunk
        k = 0
    _cat(form.views, out=chunk.rows[k])
    form.at = k + 1
    return InChunk(chunk, k)


def _chunk_runs(held):
    """[(i, j, table)]: the cells held[i:j] are rows of one chunk, `table` those rows (a slice of it: a form's rows
    fill its chunk in order)."""
    runs = []
    i = 0
    n = len(held)
    while i < n:
        chunk = held[i].chunk
        j = i + 1
        while j < n and held[j].chunk is chunk:
            j += 1
        ks = [c.k for c in held[i:j]]
        table = chunk.array
        runs.append((i, j, table[ks[0]:ks[-1] + 1] if ks[-1] - ks[0] == j - i - 1 else table[ks]))
        i = j
    return runs


def _np_table_stats(form, table):
    """[[min, max, mean, norm] per flat leaf] per row of `table` (rows of a chunk): one segment reduction per
    statistic for them all. Min and max in the gradients' dtype (exact), mean and norm in double (the squares
    in a table the form keeps); NaN wins min and max, as in summary.stats."""
    np = _np[0]
    starts = form.np_starts
    low = np.minimum.reduceat(table, starts, axis=1)
    high = np.maximum.reduceat(table, starts, axis=1)
    total = np.add.reduceat(table, starts, axis=1, dtype=np.float64)
    if form.squares is None or form.squares.shape[0] < len(table):
        form.squares = np.empty((max(len(table), CHUNK_ROWS // 4), table.shape[1]), dtype=np.float64)
    squared = form.squares[: len(table)]
    np.square(table, out=squared, dtype=np.float64)
    squares = np.add.reduceat(squared, starts, axis=1)
    return np.stack([low.astype(np.float64), high.astype(np.float64), total / form.np_sizes, np.sqrt(squares)], axis=2)


def _no_stats():
    return Stats((None, None, None, None))


def row(form, leaves, step, root_id, loss):
    """A step's row: [step, root id, loss, each leaf's cell]: a small model's gradients as tolist() gives them
    (None for a missing one, Stats for one not strided), any other form's as cells() keeps them."""
    out = [step, root_id, loss]
    if form.all_small:
        for v in leaves:
            g = v.grad
            if g is None:
                out.append(None)
            elif g.layout is _strided:
                out.append(g.tolist())
            else:
                out.append(Stats(stats_many([g])[0] or _no_stats()))
        return out
    out += cells(form, leaves)
    return out


def cells(form, leaves):
    """Each leaf's gradient as the row of a form that is not all small keeps it: None, a small one's tolist(),
    Stats, an InChunk or a Flat (the first of the flat leaves) or FLAT (the others)."""
    grads = [v.grad for v in leaves]
    out = [None] * len(grads)
    rest = []
    flat = form.flat
    if flat:
        members = [grads[i] for i in flat]
        held = _chunk_copy(form, members) if form.np_dtype is not None else None
        if held is not None:
            out[flat[0]] = held
            for i in flat[1:]:
                out[i] = FLAT
        elif all(g is not None and g.layout is _strided for g in members):
            # (One tensor is flattened to a view of itself, which zero_grad() would zero: a copy.) No no_grad()
            # for gradients without history (all but create_graph=True's): entering it costs as much as the copy.
            if any(g.requires_grad for g in members):
                with _no_grad():
                    values = _flatten(members) if len(members) > 1 else members[0].reshape(-1).clone()
            else:
                values = _flatten(members) if len(members) > 1 else members[0].reshape(-1).clone()
            out[flat[0]] = Flat(values)
            for i in flat[1:]:
                out[i] = FLAT
        else:
            # A step that left some of them without a gradient: each of the others on its own.
            rest = [i for i in flat if grads[i] is not None]
    for i, (g, d) in enumerate(zip(grads, form.dims)):
        if g is None or d == IN_FLAT:
            continue
        if d >= 0 and g.layout is _strided:
            out[i] = g.tolist()
        else:
            rest.append(i)
    if rest:
        with _no_grad():
            found = stats_many([grads[i] for i in rest])
        for i, st in zip(rest, found):
            out[i] = Stats(st) if st is not None else _no_stats()
    return out


def _flat_stats(form, flats):
    """[[min, max, mean, norm] per flat leaf] per Flat, reduced together (one read-back for them all). Mean and
    norm in double, from one conversion and one square of the whole table: PyTorch's reductions with a dtype,
    and its vector_norm, cost several times a plain sum on the CPU."""
    with _no_grad():
        m = torch.stack([f.values for f in flats])
        acc = torch.float32 if m.device.type == "mps" else torch.float64
        squares = m * m
        ends = []
        sums = []
        for a, b in form.offsets:
            seg = m[:, a:b]
            ends += [seg.amin(1), seg.amax(1)]
            sums += [seg.sum(1, dtype=acc), squares[:, a:b].sum(1, dtype=acc)]
        lows_highs = torch.stack(ends, 1).tolist()
        sums = torch.stack(sums, 1).tolist()
    sizes = [b - a for a, b in form.offsets]
    out = []
    for lh, sm in zip(lows_highs, sums):
        out.append([[lh[2 * j], lh[2 * j + 1], sm[2 * j] / n, math.sqrt(sm[2 * j + 1]) if sm[2 * j + 1] == sm[2 * j + 1] else _nan]
                    for j, n in enumerate(sizes)])
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


def _resolve_flats(form, group):
    """Replaces the rows' Flat, InChunk and FLAT cells by their leaves' Stats, reduced for all the rows at once
    (InChunk: for each run of rows in one chunk)."""
    at = 3 + form.flat[0]
    with_flat = [row for row in group if type(row[at]) is Flat]
    if with_flat:
        try:
            flats = [row[at] for row in with_flat]
            table = _np_flat_stats(form, flats) if form.np_starts is not None else _flat_stats(form, flats)
        except Exception:
            table = [[None] * len(form.flat) for _ in with_flat]
        _put_stats(form, with_flat, table)
    held = [row for row in group if type(row[at]) is InChunk]
    for i, j, table in _chunk_runs([row[at] for row in held]):
        chunk = held[i][at].chunk
        try:
            found = _np_table_stats(form, table).tolist()
        except Exception:
            found = [[None] * len(form.flat) for _ in range(j - i)]
        _put_stats(form, held[i:j], found)
        chunk.reduced(j - i)


def _put_stats(form, rows, table):
    for row, stats in zip(rows, table):
        for i, st in zip(form.flat, stats):
            row[3 + i] = Stats(st) if st is not None else _no_stats()


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
        start = i
        while i < n and rows[i][0] is form:
            i += 1
        count = i - start
        group = [rows[j][1] for j in range(start, i)]
        whole = _packed_in_chunks(form, group) if form.all_in_chunks else None
        if whole is not None:
            out.append(_line(form, count, whole))
            continue
        if form.flat:
            _resolve_flats(form, group)
        for row in group:
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
        if _BIG_ENDIAN:
            packed.byteswap()
        out.append(_line(form, count, packed.tobytes()))
    return "".join(out).encode("utf-8")


def _line(form, count, packed):
    return '{"type":"steps","file":%s,"line":%d,"hiddenNodes":%d,"leaves":%s,"count":%d,"rows":"%s"}\n' % (
        json.dumps(form.file), form.line, form.count, form.heads, count, b64encode(packed).decode("ascii"))


def _packed_in_chunks(form, group):
    """The packed rows of a group whose every leaf is in its rows' chunks (a model's parameters, every step with
    all their gradients), built as one NumPy table, without Python per cell. None for any other group (a row
    without its chunk), which the general packing takes."""
    np = _np[0]
    at = 3 + form.flat[0]
    held = [row[at] for row in group]
    if any(type(c) is not InChunk for c in held):
        return None
    n = len(group)
    leaves = len(form.dims)
    packed = np.empty((n, 4 + 5 * leaves), dtype="<f8")
    packed[:, :4] = [(r[0], r[1], 0.0, 0.0) if r[2] is None else (r[0], r[1], 1.0, r[2]) for r in group]
    cells = packed[:, 4:].reshape(n, leaves, 5)
    cells[:, :, 0] = STATS
    runs = _chunk_runs(held)
    try:
        for i, j, table in runs:
            cells[i:j, :, 1:] = _np_table_stats(form, table)
    except Exception:
        return None
    for i, j, _ in runs:
        held[i].chunk.reduced(j - i)
    return packed.tobytes()

