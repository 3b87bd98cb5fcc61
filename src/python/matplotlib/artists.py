"""The recorded artists: what plot(), scatter(), bar() and hist() return, and how each becomes a series.

Real matplotlib spreads these over lines.py (Line2D), collections.py (PathCollection), patches.py (Rectangle)
and container.py (BarContainer). Here they share one base, _Artist, that holds the data and writes the
`series` entry of the figure event, so they stay together.
"""

import math

from matplotlib import _unsupported, _unsupported_arg, _unsupported_getattr
from matplotlib.cbook import _as_float, _flatten, _tolist
from matplotlib.colors import _css_color

_MAX_POINTS = 10000

_LINESTYLES = {
    "-": "-",
    "solid": "-",
    "--": "--",
    "dashed": "--",
    ":": ":",
    "dotted": ":",
    "-.": "-.",
    "dashdot": "-.",
    "None": "none",
    "none": "none",
    " ": "none",
    "": "none",
}
_MARKERS = frozenset(".,ov^<>1234sp*hH+xXDd|_P8")


def _sample_indices(n):
    """Evenly spaced indices 0..n-1 (both ends kept) when n exceeds the per-series point budget."""
    if n <= _MAX_POINTS:
        return None
    m = _MAX_POINTS - 1
    return [(2 * i * (n - 1) + m) // (2 * m) for i in range(_MAX_POINTS)]


def _linestyle(ls):
    if ls is None:
        return None
    if isinstance(ls, str) and ls in _LINESTYLES:
        return _LINESTYLES[ls]
    if isinstance(ls, tuple):
        return "--"  # a dash tuple (offset, (on, off)) draws dashed
    raise ValueError("%r is not a valid value for ls; supported values are '-', '--', '-.', ':', 'None', ' ', '', 'solid', 'dashed', 'dashdot', 'dotted'" % (ls,))


def _marker(m):
    if m is None or m in ("", " ", "None", "none"):
        return None
    if isinstance(m, str) and m in _MARKERS:
        return m
    if isinstance(m, int) and not isinstance(m, bool):
        return "o"
    raise ValueError("Unrecognized marker style %r" % (m,))


class _Shared:
    """What series and the other artists answer alike: label, alpha, visibility, removal, set(**kw), and an
    error naming any other matplotlib method the playground lacks."""

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise _unsupported(type(self).__name__, name)

    def get_label(self):
        return self._label

    def set_label(self, s):
        self._label = "" if s is None else str(s)

    def get_alpha(self):
        return self._alpha

    def set_alpha(self, alpha):
        self._alpha = None if alpha is None else float(alpha)

    def get_visible(self):
        return self._visible

    def set_visible(self, b):
        self._visible = bool(b)

    def remove(self):
        if self in self.axes._series:
            self.axes._series.remove(self)

    def set(self, **kwargs):
        for key, value in kwargs.items():
            getattr(self, "set_" + key)(value)


class Artist(_Shared):
    """An artist drawn by kind rather than as x/y points: fills, reference lines, error bars, text, images,
    contours. Each writes one entry of the axes' `artists` list in the figure event (see FigureArtist)."""

    _is_series = False
    _default_zorder = 1

    def __init__(self, axes, label=None, alpha=None, zorder=None):
        self.axes = axes
        self._label = "" if label is None else str(label)
        self._alpha = None if alpha is None else float(alpha)
        self._zorder = self._default_zorder if zorder is None else float(zorder)
        self._visible = True

    def get_zorder(self):
        return self._zorder

    def set_zorder(self, level):
        self._zorder = float(level)

    def _extent(self, axis):
        """(values, sticky values) this artist adds to the autoscaled limits along `axis`; None for none."""
        return None

    def _common(self, kind, legend_label):
        alpha = 1.0 if self._alpha is None else max(0.0, min(1.0, self._alpha))
        return {"kind": kind, "zorder": self._zorder, "label": legend_label, "alpha": alpha}


def _check_kwargs(call, kwargs, allowed):
    """TypeError naming the first keyword outside `allowed` (nothing the playground cannot draw is dropped)."""
    for key in kwargs:
        if key not in allowed:
            raise _unsupported_arg("%s(%s=...)" % (call, key))


class _Artist(_Shared):
    """One series on an Axes. Subclasses are the objects plot()/scatter()/bar() return."""

    _is_series = True

    def __init__(self, axes, kind, x, y, color, label, linestyle="none", marker=None, alpha=None, linewidth=None, size=6.0):
        self.axes = axes
        self._kind = kind
        self._x = x
        self._y = y
        self._color = color
        self._label = "" if label is None else str(label)
        self._linestyle = linestyle
        self._marker = marker
        self._alpha = None if alpha is None else float(alpha)
        self._linewidth = linewidth
        self._size = size
        self._colors = None
        self._sizes = None
        self._widths = None
        self._bottoms = None
        self._visible = True
        self._edgecolor = None
        self._edgewidth = None

    def get_color(self):
        return self._color

    def set_color(self, c):
        self._color = _css_color(c)
        self._colors = None

    def _event(self, legend_label):
        idx = _sample_indices(len(self._x))

        def pick(seq):
            if seq is None or idx is None:
                return None if seq is None else list(seq)
            return [seq[i] for i in idx]

        alpha = 1.0 if self._alpha is None else max(0.0, min(1.0, float(self._alpha)))
        extra = {} if self._edgecolor is None else {"edgecolor": self._edgecolor, "edgewidth": self._edgewidth}
        return {
            **extra,
            "kind": self._kind,
            "x": pick(self._x),
            "y": pick(self._y),
            "pointCount": len(self._x),
            "label": legend_label,
            "color": self._color,
            "linestyle": self._linestyle,
            "marker": self._marker,
            "alpha": alpha,
            "linewidth": self._linewidth,
            "size": self._size,
            "colors": pick(self._colors),
            "sizes": pick(self._sizes),
            "widths": pick(self._widths),
            "bottoms": pick(self._bottoms),
        }


class Line2D(_Artist):
    def get_xdata(self, orig=True):
        return list(self._x)

    def get_ydata(self, orig=True):
        return list(self._y)

    def get_data(self, orig=True):
        return self.get_xdata(), self.get_ydata()

    def set_xdata(self, x):
        self._x = self.axes._values("x", x)

    def set_ydata(self, y):
        self._y = self.axes._values("y", y)

    def set_data(self, *args):
        x, y = args[0] if len(args) == 1 else args
        self.set_xdata(x)
        self.set_ydata(y)

    def get_linestyle(self):
        return "None" if self._linestyle == "none" else self._linestyle

    def set_linestyle(self, ls):
        self._linestyle = _linestyle(ls)

    def get_linewidth(self):
        return self._linewidth

    def set_linewidth(self, w):
        self._linewidth = float(w)

    def get_marker(self):
        return "None" if self._marker is None else self._marker

    def set_marker(self, m):
        self._marker = _marker(m)

    def get_markersize(self):
        return self._size

    def set_markersize(self, sz):
        self._size = float(sz)

    set_ls = set_linestyle
    set_lw = set_linewidth
    set_ms = set_markersize
    set_c = _Artist.set_color

    def __repr__(self):
        return "Line2D(%s)" % self._label


class PathCollection(_Artist):
    """What scatter() returns."""

    def get_offsets(self):
        return [[x, y] for x, y in zip(self._x, self._y)]

    def set_offsets(self, offsets):
        pts = _tolist(offsets)
        self._x = [_as_float(p[0], "offsets") for p in pts]
        self._y = [_as_float(p[1], "offsets") for p in pts]

    def set_sizes(self, sizes):
        values = [_as_float(v, "sizes") for v in _flatten(_tolist(sizes))]
        self._sizes = None if len(values) == 1 else [math.sqrt(max(0.0, v)) for v in values]
        if len(values) == 1:
            self._size = math.sqrt(max(0.0, values[0]))

    def __repr__(self):
        return "<matplotlib.collections.PathCollection object>"


class Rectangle:
    """One bar of a bar()/hist(), for the getters scripts use to place value labels."""

    def __init__(self, series, i):
        self._series = series
        self._i = i

    def _horizontal(self):
        return self._series._kind == "barh"

    def get_x(self):
        s = self._series
        if self._horizontal():
            return 0.0 if s._bottoms is None else s._bottoms[self._i]
        return s._x[self._i] - s._widths[self._i] / 2

    def get_y(self):
        s = self._series
        if self._horizontal():
            return s._y[self._i] - s._widths[self._i] / 2
        return 0.0 if s._bottoms is None else s._bottoms[self._i]

    def get_xy(self):
        return (self.get_x(), self.get_y())

    def get_width(self):
        s = self._series
        return s._x[self._i] if self._horizontal() else s._widths[self._i]

    def get_height(self):
        s = self._series
        return s._widths[self._i] if self._horizontal() else s._y[self._i]

    def get_facecolor(self):
        s = self._series
        return s._color if s._colors is None else s._colors[self._i]

    def set_color(self, c):
        s = self._series
        if s._colors is None:
            s._colors = [s._color] * len(s._x)
        s._colors[self._i] = _css_color(c)

    set_facecolor = set_color

    def get_label(self):
        return self._series.get_label()

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise _unsupported("Rectangle", name)

    def __repr__(self):
        return "Rectangle(xy=(%g, %g), width=%g, height=%g, angle=0)" % (self.get_x(), self.get_y(), self.get_width(), self.get_height())


class BarContainer(_Artist):
    """What bar() returns and hist() returns third: a sequence of its Rectangles, and one legend entry."""

    @property
    def patches(self):
        return [Rectangle(self, i) for i in range(len(self._x))]

    def __len__(self):
        return len(self._x)

    def __iter__(self):
        return iter(self.patches)

    def __getitem__(self, i):
        return self.patches[i]

    def __repr__(self):
        return "<BarContainer object of %d artists>" % len(self._x)


__getattr__ = _unsupported_getattr("matplotlib.artists")


class _AxLine(Artist):
    """What axhline()/axvline() return: a line across the axes at one data value, from `lo` to `hi` as fractions
    of the axes (matplotlib's Line2D with a blended transform)."""

    _default_zorder = 2

    def __init__(self, axes, orientation, value, lo, hi, color, linestyle, linewidth, alpha, label, zorder):
        super().__init__(axes, label, alpha, zorder)
        self._orientation = orientation
        self._value = value
        self._lo = lo
        self._hi = hi
        self._color = color
        self._linestyle = linestyle
        self._linewidth = linewidth

    def get_color(self):
        return self._color

    def set_color(self, c):
        self._color = _css_color(c)

    def get_linestyle(self):
        return "None" if self._linestyle == "none" else self._linestyle

    def set_linestyle(self, ls):
        self._linestyle = _linestyle(ls)

    def get_linewidth(self):
        return self._linewidth

    def set_linewidth(self, w):
        self._linewidth = float(w)

    def get_xdata(self, orig=True):
        return [self._value, self._value] if self._orientation == "v" else [self._lo, self._hi]

    def get_ydata(self, orig=True):
        return [self._value, self._value] if self._orientation == "h" else [self._lo, self._hi]

    set_ls = set_linestyle
    set_lw = set_linewidth
    set_c = set_color

    def _extent(self, axis):
        # matplotlib autoscales only the data coordinate of a reference line
        if (axis == "y") == (self._orientation == "h") and math.isfinite(self._value):
            return [self._value], []
        return None

    def _event(self, legend_label):
        out = self._common("refline", legend_label)
        out.update(
            orientation=self._orientation,
            value=self._value,
            span=[self._lo, self._hi],
            color=self._color,
            linestyle=self._linestyle,
            linewidth=self._linewidth,
        )
        return out

    def __repr__(self):
        return "Line2D(%s)" % self._label
