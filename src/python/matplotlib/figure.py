"""The Figure: its grid of Axes (add_subplot, subplots and the array they return), its size and suptitle,
and the `figure` event it becomes on show() and savefig().
"""

import itertools
import math
import operator
import os

from matplotlib import _emit_figure, _unsupported, _unsupported_arg, _unsupported_getattr
from matplotlib.axes import Axes
from matplotlib.cbook import _as_float, _text, _tolist


def _subplot_spec(args):
    """(rows, cols, row, col, rowspan, colspan) from subplot()'s (), (234,) or (2, 3, 4) / (2, 3, (1, 2))."""
    if len(args) == 0:
        args = (1, 1, 1)
    if len(args) == 1:
        code = args[0]
        if isinstance(code, bool) or not isinstance(code, int) or not 111 <= code <= 999:
            raise ValueError("Single argument to subplot must be a three-digit integer, not %r" % (code,))
        args = (code // 100, code // 10 % 10, code % 10)
    if len(args) != 3:
        raise TypeError("subplot() takes 1 or 3 positional arguments but %d were given" % len(args))
    rows, cols, num = args
    rows, cols = operator.index(rows), operator.index(cols)
    if rows < 1 or cols < 1:
        raise ValueError("Number of rows and columns must be positive integers, not %r and %r" % (rows, cols))
    first, last = (num if isinstance(num, tuple) else (num, num))
    first, last = operator.index(first), operator.index(last)
    for k in (first, last):
        if not 1 <= k <= rows * cols:
            raise ValueError("num must be an integer with 1 <= num <= %d, not %r" % (rows * cols, k))
    r1, c1 = divmod(first - 1, cols)
    r2, c2 = divmod(last - 1, cols)
    return (rows, cols, min(r1, r2), min(c1, c2), abs(r2 - r1) + 1, abs(c2 - c1) + 1)


class _AxesArray:
    """The numpy object array subplots() returns, with the indexing and iteration scripts use on it."""

    def __init__(self, items, shape):
        self._items = list(items)
        self.shape = tuple(shape)

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def size(self):
        return len(self._items)

    @property
    def flat(self):
        return list(self._items)

    def flatten(self):
        return _AxesArray(self._items, (len(self._items),))

    ravel = flatten

    def reshape(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], tuple):
            shape = shape[0]
        shape = list(shape)
        if shape.count(-1) == 1:
            known = 1
            for d in shape:
                if d != -1:
                    known *= d
            shape[shape.index(-1)] = len(self._items) // known if known else 0
        total = 1
        for d in shape:
            total *= d
        if total != len(self._items):
            raise ValueError("cannot reshape array of size %d into shape %s" % (len(self._items), tuple(shape)))
        return _AxesArray(self._items, shape)

    def tolist(self):
        def build(offset, dims):
            if not dims:
                return self._items[offset]
            step = _prod(dims[1:])
            return [build(offset + i * step, dims[1:]) for i in range(dims[0])]

        return build(0, list(self.shape))

    @property
    def T(self):
        if self.ndim < 2:
            return self
        rows, cols = self.shape
        return _AxesArray([self._items[r * cols + c] for c in range(cols) for r in range(rows)], (cols, rows))

    def __len__(self):
        return self.shape[0]

    def __iter__(self):
        if self.ndim == 1:
            return iter(self._items)
        return iter(self[i] for i in range(self.shape[0]))

    def __getitem__(self, key):
        if not isinstance(key, tuple):
            key = (key,)
        if len(key) > self.ndim:
            raise IndexError("too many indices for array: array is %d-dimensional, but %d were indexed" % (self.ndim, len(key)))
        key = key + (slice(None),) * (self.ndim - len(key))
        picks = []
        out_shape = []
        for d, k in enumerate(key):
            n = self.shape[d]
            if isinstance(k, slice):
                r = list(range(*k.indices(n)))
                picks.append(r)
                out_shape.append(len(r))
            else:
                i = operator.index(k)
                if i < -n or i >= n:
                    raise IndexError("index %d is out of bounds for axis %d with size %d" % (i, d, n))
                picks.append([i % n])
        strides = [_prod(self.shape[d + 1 :]) for d in range(self.ndim)]
        items = [self._items[sum(i * s for i, s in zip(combo, strides))] for combo in itertools.product(*picks)]
        if not out_shape:
            return items[0]
        return _AxesArray(items, out_shape)

    def __repr__(self):
        return "array(%r, dtype=object)" % (self.tolist(),)


def _prod(values):
    out = 1
    for v in values:
        out *= v
    return out


def _figsize(value):
    size = _tolist(value)
    if not isinstance(size, list) or len(size) != 2:
        raise ValueError("figure size must be a (width, height) pair, not %r" % (value,))
    w, h = (_as_float(v, "figsize") for v in size)
    if not (math.isfinite(w) and math.isfinite(h) and w > 0 and h > 0):
        raise ValueError("figure size must be positive finite not (%r, %r)" % (w, h))
    return [w, h]


class Figure:
    def __init__(self, number, figsize, label=""):
        self.number = number
        self._label = label
        self._figsize = _figsize(figsize)
        self._suptitle = None
        self._axes = []
        self._gca = None

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise _unsupported("Figure", name)

    def __repr__(self):
        w, h = self._figsize
        return "<Figure size %gx%g with %d Axes>" % (w * 100, h * 100, len(self._axes))

    def __str__(self):
        w, h = self._figsize
        return "Figure(%gx%g)" % (w * 100, h * 100)

    @property
    def axes(self):
        return list(self._axes)

    def get_label(self):
        return self._label

    def add_subplot(self, *args, projection=None, polar=False, **kwargs):
        if projection is not None or polar:
            raise _unsupported_arg("add_subplot(projection=%r)" % (projection or "polar",))
        ax = Axes(self, _subplot_spec(args))
        self._axes.append(ax)
        self._gca = ax
        return ax

    def subplots(self, nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True, width_ratios=None, height_ratios=None, subplot_kw=None, gridspec_kw=None):
        nrows, ncols = operator.index(nrows), operator.index(ncols)
        if nrows < 1 or ncols < 1:
            raise ValueError("Number of rows and columns must be positive integers, not %r and %r" % (nrows, ncols))
        items = [self.add_subplot(nrows, ncols, i + 1, **(subplot_kw or {})) for i in range(nrows * ncols)]
        if squeeze and nrows == 1 and ncols == 1:
            return items[0]
        if squeeze and (nrows == 1 or ncols == 1):
            return _AxesArray(items, (len(items),))
        return _AxesArray(items, (nrows, ncols))

    def gca(self):
        if self._gca is None:
            self.add_subplot(1, 1, 1)
        return self._gca

    def sca(self, ax):
        self._gca = ax
        return ax

    def delaxes(self, ax):
        if ax in self._axes:
            self._axes.remove(ax)
        if self._gca is ax:
            self._gca = self._axes[-1] if self._axes else None

    def colorbar(self, mappable=None, cax=None, ax=None, use_gridspec=True, **kwargs):
        from matplotlib.colorbar import Colorbar

        if cax is not None:
            raise _unsupported_arg("colorbar(cax=...)")
        if mappable is None:
            raise RuntimeError(
                "No mappable was found to use for colorbar creation. First define a mappable such as an image "
                "(with imshow) or a contour set (with contourf)."
            )
        if ax is not None and not isinstance(ax, Axes):
            items = ax.flat if hasattr(ax, "flat") else list(ax)
            items = list(items)
            if len(items) != 1:
                raise NotImplementedError(
                    "colorbar(ax=<several Axes>) is not supported by the Autograd Playground's matplotlib; give "
                    "the one Axes the colorbar belongs to"
                )
            ax = items[0]
        if ax is None:
            ax = getattr(mappable, "axes", None) or self.gca()
        if ax._twin_of is not None:
            ax = ax._twin_of
        cbar = Colorbar(mappable, ax, kwargs)
        if ax._colorbar is not None:
            raise NotImplementedError("a second colorbar on one Axes is not supported by the Autograd Playground's matplotlib")
        ax._colorbar = cbar
        return cbar

    def text(self, x, y, s, fontdict=None, **kwargs):
        """Text in figure coordinates (0..1 across the whole figure), drawn over the first Axes' layer."""
        from matplotlib.text import Text

        host = self.gca()
        t = Text(host, float(x), float(y), s, "figure", {**(fontdict or {}), **kwargs})
        host._series.append(t)
        return t

    def suptitle(self, t, **kwargs):
        self._suptitle = _text(t)

    def get_suptitle(self):
        return self._suptitle or ""

    def savefig(self, fname, *, transparent=None, dpi="figure", format=None, **kwargs):
        _emit_figure(self, "savefig", _savefig_path(fname))

    def show(self, warn=True):
        _emit_figure(self, "show", None)

    def tight_layout(self, **kwargs):
        """Accepted; the renderers always lay subplots out without overlaps."""

    def subplots_adjust(self, **kwargs):
        """Accepted and ignored, like tight_layout."""

    def set_size_inches(self, w, h=None, forward=True):
        self._figsize = _figsize((w, h) if h is not None else w)

    def get_size_inches(self):
        return tuple(self._figsize)

    def set_figwidth(self, val, forward=True):
        self._figsize = _figsize((val, self._figsize[1]))

    def set_figheight(self, val, forward=True):
        self._figsize = _figsize((self._figsize[0], val))

    def clf(self, keep_observers=False):
        self._axes = []
        self._gca = None
        self._suptitle = None

    clear = clf

    def _event(self, reason, path):
        return {
            "type": "figure",
            "reason": reason,
            "savefigPath": path,
            "figsize": list(self._figsize),
            "suptitle": self._suptitle,
            "axes": [ax._event(self._axes.index) for ax in self._axes],
        }


def _savefig_path(fname):
    if isinstance(fname, bytes):
        return fname.decode("utf-8", "replace")
    if isinstance(fname, (str, os.PathLike)):
        return str(os.fspath(fname))
    name = getattr(fname, "name", None)  # a file object: record its name when it has one
    return name if isinstance(name, str) else None


__getattr__ = _unsupported_getattr("matplotlib.figure")
