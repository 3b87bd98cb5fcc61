"""Tensor's diff, tensor_split, flipud and fliplr, built from slices, subtraction and flip as PyTorch builds them
(so their grad_fn names are SubBackward0, SliceBackward0 and FlipBackward0). torch/__init__.py exposes each as a
torch function too."""
from ._tensor import Tensor
from ._tensor_args import _dim


def _slice(t, dim, start, stop):
    return t[(slice(None),) * dim + (slice(start, stop),)]


def diff(self, n=1, dim=-1, prepend=None, append=None):
    if self.dim() == 0:
        raise RuntimeError("diff expects input to be at least one-dimensional")
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("diff(): argument 'n' must be int, not %s" % type(n).__name__)
    d = _dim(dim, "diff")
    d = d + self.dim() if d < 0 else d
    x = self
    if prepend is not None or append is not None:
        from . import cat
        parts = [p for p in (prepend, self, append) if p is not None]
        if any(p.dim() != self.dim() for p in parts):
            raise RuntimeError("diff expects prepend or append to be the same dimension as input")
        x = cat(parts, d)
    for _ in range(n):
        size = x.shape[d]
        if size == 0:
            break
        hi, lo = _slice(x, d, 1, size), _slice(x, d, 0, size - 1)
        x = hi.logical_xor(lo) if x.dtype.name == "bool" else hi - lo
    return x


def tensor_split(self, indices_or_sections, dim=0):
    if self.dim() == 0:
        raise RuntimeError("tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims")
    d = _dim(dim, "tensor_split")
    d = d + self.dim() if d < 0 else d
    size = self.shape[d]
    if isinstance(indices_or_sections, Tensor):
        if indices_or_sections.dim() == 0:
            indices_or_sections = int(indices_or_sections.item())
        else:
            indices_or_sections = [int(i) for i in indices_or_sections.tolist()]
    if isinstance(indices_or_sections, int) and not isinstance(indices_or_sections, bool):
        sections = indices_or_sections
        if sections <= 0:
            raise RuntimeError("number of sections must be larger than 0, got %d" % sections)
        small, extra = divmod(size, sections)
        out, start = [], 0
        for i in range(sections):
            stop = start + small + (1 if i < extra else 0)
            out.append(_slice(self, d, start, stop))
            start = stop
        return tuple(out)
    if not isinstance(indices_or_sections, (list, tuple)) or not all(isinstance(i, int) and not isinstance(i, bool) for i in indices_or_sections):
        raise TypeError("tensor_split(): argument 'indices' (position 1) must be tuple of ints, not %s" % type(indices_or_sections).__name__)
    bounds = [0] + list(indices_or_sections) + [size]
    return tuple(_slice(self, d, bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1))


def flipud(self):
    if self.dim() < 1:
        raise RuntimeError("Input must be >= 1-d.")
    return self.flip(0)


def fliplr(self):
    if self.dim() < 2:
        raise RuntimeError("Input must be >= 2-d.")
    return self.flip(1)


for _f in (diff, tensor_split, flipud, fliplr):
    setattr(Tensor, _f.__name__, _f)
del _f
