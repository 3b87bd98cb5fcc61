"""Padding that torch.nn.functional composes from other ops, as PyTorch does: circular padding (slices copied
into a new tensor) and convolution's padding='same' when the total is odd (the input padded first)."""
from .._C import js, op as _op
from .._tensor import _wrap


def same(x, weight, dil, spatial):
    """padding='same' as ATen's _convolution_mode: an odd total pads the input by the extra element after
    (a ConstantPadNd node on the graph) and the convolution pads both sides alike."""
    left = []
    pad_nd = [0] * (2 * spatial)
    uneven = False
    for i in range(spatial):
        total = dil[i] * (weight.shape[2 + i] - 1)
        left.append(total // 2)
        if total - 2 * (total // 2):
            uneven = True
            pad_nd[2 * (spatial - 1 - i) + 1] = 1
    if not uneven:
        return x, js(left)
    return _wrap(_op("constant_pad_nd", x._t, js(pad_nd), 0)), js(left)


def circular(input, pad):
    """Circular padding as PyTorch writes it: slices of the input copied into a new tensor (CopySlices on the
    graph), each padded dimension wrapping round at most once."""
    k = len(pad) // 2
    nd = input.dim()
    for i in range(k):
        dim = nd - 1 - i
        if pad[2 * i] > input.shape[dim] or pad[2 * i + 1] > input.shape[dim]:
            raise RuntimeError("Padding value causes wrapping around more than once.")
    shape = list(input.shape)
    for i in range(k):
        shape[nd - 1 - i] += pad[2 * i] + pad[2 * i + 1]
        if shape[nd - 1 - i] < 0:
            raise RuntimeError("Negative padding value is resulting in an empty dimension.")
    import torch

    out = torch.empty(shape, dtype=input.dtype)
    # The core: the input, cropped where a pad is negative, placed after the positive "before" pads.
    src = [slice(None)] * nd
    dst = [slice(None)] * nd
    for i in range(k):
        dim = nd - 1 - i
        before, after = pad[2 * i], pad[2 * i + 1]
        size = input.shape[dim]
        src[dim] = slice(max(-before, 0), size - max(-after, 0))
        dst[dim] = slice(max(before, 0), shape[dim] - max(after, 0))
    out[tuple(dst)] = input[tuple(src)]
    # Then each padded dimension in turn, from the first, copies the wrapped-round parts of the output itself.
    for i in reversed(range(k)):
        dim = nd - 1 - i
        before, after = pad[2 * i], pad[2 * i + 1]
        n = shape[dim]
        if before > 0:
            to = [slice(None)] * nd
            frm = [slice(None)] * nd
            to[dim] = slice(0, before)
            frm[dim] = slice(n - max(after, 0) - before, n - max(after, 0))
            out[tuple(to)] = out[tuple(frm)]
        if after > 0:
            to = [slice(None)] * nd
            frm = [slice(None)] * nd
            to[dim] = slice(n - after, n)
            frm[dim] = slice(max(before, 0), max(before, 0) + after)
            out[tuple(to)] = out[tuple(frm)]
    return out
