"""The collections fill_between() and errorbar() make: filled polygons (PolyCollection) and the error-bar
segments (LineCollection), with the container errorbar() returns."""

import math

from matplotlib import _unsupported_getattr
from matplotlib.artists import Artist
from matplotlib.colors import _css_color


class PolyCollection(Artist):
    """Filled polygons in data coordinates, all one colour (what fill_between() returns)."""

    def __init__(self, axes, polygons, color, edgecolor, linewidth, alpha, label, zorder):
        super().__init__(axes, label, alpha, zorder)
        self._polygons = polygons  # each a list of (x, y) points
        self._color = color
        self._edgecolor = edgecolor
        self._linewidth = linewidth

    def get_facecolor(self):
        return self._color

    def set_facecolor(self, c):
        self._color = _css_color(c)

    def set_color(self, c):
        self._color = _css_color(c)
        self._edgecolor = self._color if self._edgecolor not in (None, "transparent") else self._edgecolor

    def set_edgecolor(self, c):
        self._edgecolor = _css_color(c)

    def get_paths(self):
        return [list(p) for p in self._polygons]

    def _extent(self, axis):
        k = 0 if axis == "x" else 1
        return [p[k] for poly in self._polygons for p in poly if math.isfinite(p[k])], []

    def _event(self, legend_label):
        out = self._common("fill", legend_label)
        out.update(
            polygons=[[v for p in poly for v in p] for poly in self._polygons],
            color=self._color,
            edgecolor=self._edgecolor,
            linewidth=self._linewidth,
        )
        return out

    def __repr__(self):
        return "<matplotlib.collections.PolyCollection object>"


class LineCollection(Artist):
    """The error bars of an errorbar(): one segment per point and direction, with caps `capsize` points long."""

    _default_zorder = 2

    def __init__(self, axes, x, y, xerr, yerr, color, linewidth, capsize, alpha, zorder):
        super().__init__(axes, None, alpha, zorder)
        self._x = x
        self._y = y
        self._xerr = xerr  # (lows, highs) in data coordinates, or None
        self._yerr = yerr
        self._color = color
        self._linewidth = linewidth
        self._capsize = capsize

    def set_color(self, c):
        self._color = _css_color(c)

    def _extent(self, axis):
        err = self._xerr if axis == "x" else self._yerr
        base = self._x if axis == "x" else self._y
        values = [v for v in base if math.isfinite(v)]
        if err is not None:
            values += [v for v in err[0] + err[1] if math.isfinite(v)]
        return values, []

    def _event(self, legend_label):
        out = self._common("errorbar", None)
        out.update(
            x=list(self._x),
            y=list(self._y),
            xerr=None if self._xerr is None else [list(self._xerr[0]), list(self._xerr[1])],
            yerr=None if self._yerr is None else [list(self._yerr[0]), list(self._yerr[1])],
            color=self._color,
            linewidth=self._linewidth,
            capsize=self._capsize,
        )
        return out

    def __repr__(self):
        return "<matplotlib.collections.LineCollection object>"


class ErrorbarContainer(tuple):
    """What errorbar() returns: (data_line, caplines, barlinecols), with `lines` and the label."""

    def __new__(cls, lines, has_xerr, has_yerr, label):
        self = super().__new__(cls, lines)
        self.lines = lines
        self.has_xerr = has_xerr
        self.has_yerr = has_yerr
        self._label = label
        return self

    def get_label(self):
        return self._label

    def remove(self):
        for part in (self[0], *self[2]):
            if part is not None:
                part.remove()

    def __repr__(self):
        return "<ErrorbarContainer object of 3 artists>"


__getattr__ = _unsupported_getattr("matplotlib.collections")
