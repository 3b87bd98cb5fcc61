"""TensorSummary (src/protocol/events.ts) for real tensors, with the meaning src/runtime/report/tensorSummary.ts
gives its fields: shape, dtype, numel, a PyTorch print cut to 3 items per edge past 64 elements, and min, max,
mean and the 2-norm (NaN wins min and max), in double precision.

The stats are reduced where the tensor lives: a CUDA tensor sends four numbers to the host, never its data.

The print is the host's to make where it can make it exactly (a plain CPU tensor under the default print
options): PyTorch's Python formatter costs about 130 us a tensor, a whole graph's worth of the training loop's
time, so the summary carries `printValues` instead, the elements that formatter looks at (its
get_summarized_data), and an empty `text` that src/runtime/python/probePrint.ts fills.
"""

import math

import torch

SUMMARY_THRESHOLD = 64
SUMMARY_EDGE = 3

_NO_STATS = (torch.complex64, torch.complex128) + tuple(
    getattr(torch, n) for n in ("complex32", "quint8", "qint8", "qint32", "quint4x2") if hasattr(torch, n)
)


def dtype_name(dtype):
    return str(dtype).replace("torch.", "")


def _print_options():
    # PyTorch has a setter for print options but no getter: read the current ones where its module keeps them
    # (present in 1.13 and 2.x), so the script's own set_printoptions survives our summaries.
    return getattr(getattr(torch, "_tensor_str", None), "PRINT_OPTS", None)


def text_of(t):
    opts = _print_options()
    if opts is None:
        return ""
    saved = (opts.threshold, opts.edgeitems)
    try:
        torch.set_printoptions(threshold=min(saved[0], SUMMARY_THRESHOLD), edgeitems=min(saved[1], SUMMARY_EDGE))
        return repr(t)
    except Exception:
        return ""
    finally:
        torch.set_printoptions(threshold=saved[0], edgeitems=saved[1])


# The dtypes src/engine/print/format.ts prints as PyTorch does (test/fixtures/host_print.json holds it to that).
_HOST_PRINTED = frozenset([torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.int32, torch.int64, torch.bool])
_Tensor = torch.Tensor
_int64 = torch.int64
# Past this an int64 is not exact as a JSON number the host reads into a double.
_EXACT_INT = 2 ** 53
_edge_index = {}
# (Named tensors are gone from recent PyTorch.)
_has_names = getattr(_Tensor, "has_names", None)


def _host_can_print(t):
    """Whether the host prints t exactly as repr(t) under text_of's options: a plain strided CPU tensor of a
    dtype it knows, and PyTorch's print options at the defaults the host assumes."""
    if type(t) is not _Tensor or not t.is_cpu or t.layout is not _strided or t.dtype not in _HOST_PRINTED:
        return False
    opts = _print_options()
    if opts is None or opts.precision != 4 or opts.linewidth != 80 or opts.sci_mode is not None:
        return False
    if opts.threshold < SUMMARY_THRESHOLD or opts.edgeitems < SUMMARY_EDGE:
        return False
    # The default dtype is the one repr leaves unnamed; named and nested tensors print more than their data.
    return torch.get_default_dtype() is torch.float32 and not t.is_nested and not (_has_names is not None and _has_names(t))


def print_values(t):
    """The elements repr(t) shows under text_of's options, flat and row-major (get_summarized_data's: past 64
    elements, the first and last 3 along each longer dimension), or None where the host cannot print t exactly."""
    if not _host_can_print(t):
        return None
    if t.numel() > SUMMARY_THRESHOLD:
        for d, n in enumerate(t.shape):
            if n > 2 * SUMMARY_EDGE:
                index = _edge_index.get(n)
                if index is None:
                    index = _edge_index[n] = torch.tensor([0, 1, 2, n - 3, n - 2, n - 1])
                t = t.index_select(d, index)
    values = t.reshape(-1).tolist()
    if t.dtype is _int64 and values and (max(values) > _EXACT_INT or min(values) < -_EXACT_INT):
        return None
    return values


def _printed(t, out):
    """Fills out's `text`, or its `printValues` for the host to print."""
    values = print_values(t)
    if values is None:
        out["text"] = text_of(t)
    else:
        out["text"] = ""
        out["printValues"] = values
    return out


def _has_stats(t):
    return t.numel() > 0 and t.dtype not in _NO_STATS and t.layout == torch.strided and t.device.type != "meta"


def _stats_tensor(t):
    """[min, max, mean, norm] as one tensor on t's device, mean and norm accumulated in double (float where the
    device has no float64: MPS); floating tensors are not copied for it."""
    acc = torch.float32 if t.device.type == "mps" else torch.float64
    if not t.is_floating_point():
        t = t.to(acc)
    return torch.stack([t.min().to(acc), t.max().to(acc), t.mean(dtype=acc), torch.linalg.vector_norm(t, dtype=acc)])


def stats(t):
    """[min, max, mean, norm] as floats, or None for an empty or non-real tensor."""
    if not _has_stats(t):
        return None
    return [float(v) for v in _stats_tensor(t).tolist()]


# A CPU tensor up to this size is read as Python floats and reduced here: one call, where four reductions and a
# stack cost a few microseconds each (a small model's gradients, every step).
SMALL_CPU = 256
_strided = torch.strided
_nan = float("nan")


def values_stats(values):
    """[min, max, mean, norm] of a non-empty list of floats, in double precision, NaN winning min and max."""
    total = sum(values)
    if total - total == 0:
        # All finite (an infinity or a NaN would make the sum one).
        return [min(values), max(values), total / len(values), math.hypot(*values)]
    if total != total and any(v != v for v in values):
        low = high = _nan
    else:
        low, high = min(values), max(values)
    return [low, high, total / len(values), math.sqrt(sum([v * v for v in values]))]


def _flat_list(t):
    # tolist() and flattening here cost less than a reshape (a view op through the dispatcher) first.
    values = t.tolist()
    dims = t.dim()
    if dims == 0:
        return [values]
    for _ in range(dims - 1):
        values = [v for row in values for v in row]
    return values


def small_stats(t):
    """stats() of a small CPU tensor, reduced here; None for any other (stats_many reduces those)."""
    if t.is_cpu and 0 < t.numel() <= SMALL_CPU and t.is_floating_point() and t.layout is _strided:
        return values_stats(_flat_list(t))
    return None


def stats_many(tensors):
    """stats() of each tensor, read back from each device once (one sync for a whole model's gradients)."""
    out = [None] * len(tensors)
    by_device = {}
    for i, t in enumerate(tensors):
        if t is None:
            continue
        small = small_stats(t)
        if small is not None:
            out[i] = small
        elif _has_stats(t):
            by_device.setdefault(t.device, []).append(i)
    with torch.no_grad():
        for idx in by_device.values():
            rows = torch.stack([_stats_tensor(tensors[i].detach()) for i in idx]).tolist()
            for i, row in zip(idx, rows):
                out[i] = [float(v) for v in row]
    return out


def summary_from(t, s, printed):
    out = {
        "shape": list(t.shape),
        "dtype": dtype_name(t.dtype),
        "numel": t.numel(),
        "text": "",
        "min": None if s is None else s[0],
        "max": None if s is None else s[1],
        "mean": None if s is None else s[2],
        "norm": None if s is None else s[3],
    }
    if printed:
        with torch.no_grad():
            _printed(t.detach(), out)
    return out


def summarize(t, printed=True):
    with torch.no_grad():
        t = t.detach()
        s = stats(t)
        out = {
            "shape": list(t.shape),
            "dtype": dtype_name(t.dtype),
            "numel": t.numel(),
            "text": "",
            "min": None if s is None else s[0],
            "max": None if s is None else s[1],
            "mean": None if s is None else s[2],
            "norm": None if s is None else s[3],
        }
        return _printed(t, out) if printed else out
