"""QuadContourSet: what contour() and contourf() return, and the `contour` artist of the figure event.

The levels and their colours are matplotlib 3.6's (MaxNLocator(N + 1) over the data range, band colours from
the colormap at the middle of each band, normalised over the levels); the grid and the levels go to the
renderers, which trace the bands and lines themselves (src/figures/contour.ts), so a decision boundary on a
fine meshgrid costs one number per grid node in the event.
"""

import math

from matplotlib import _unsupported, _unsupported_arg, _unsupported_getattr, _warn_external, rcParams
from matplotlib.artists import Artist, _check_kwargs, _linestyle
from matplotlib.cbook import _tolist
from matplotlib.colors import _css_color, _is_color, _ScalarMappable
from matplotlib.ticker import MaxNLocator

MAX_NODES = 250000

_KWARGS = {
    "levels", "colors", "cmap", "norm", "vmin", "vmax", "alpha", "extend", "linewidths", "linestyles", "origin",
    "extent", "zorder", "antialiased", "nchunk", "corner_mask", "algorithm", "hatches", "locator",
    "negative_linestyles", "label",
}


def _matrix(values, what):
    data = _tolist(values)
    if not isinstance(data, list) or not data or not isinstance(data[0], list):
        ndim = 0 if not isinstance(data, list) else 1
        raise TypeError("Input %s must be 2D, not %dD" % (what, ndim))
    width = len(data[0])
    if any(not isinstance(r, list) or len(r) != width for r in data):
        raise TypeError("Input %s must be a 2D array with rows of equal length" % what)
    return [[math.nan if v is None else float(v) for v in r] for r in data]


def _vector(values, what):
    data = _tolist(values)
    if not isinstance(data, list):
        raise TypeError("Input %s must be 1D or 2D" % what)
    return data


class QuadContourSet(Artist, _ScalarMappable):
    """Contour lines (filled=False) or filled bands (filled=True) of Z over a grid."""

    def __init__(self, axes, args, filled, kwargs):
        fn = "contourf" if filled else "contour"
        _check_kwargs(fn, kwargs, _KWARGS)
        Artist.__init__(self, axes, kwargs.get("label"), kwargs.get("alpha"), kwargs.get("zorder", 1 if filled else 2))
        self.filled = filled
        self.extend = kwargs.get("extend", "neither")
        if self.extend not in ("neither", "both", "min", "max"):
            raise ValueError("%r is not a valid value for extend; supported values are 'neither', 'both', 'min', 'max'" % (self.extend,))
        for key in ("hatches", "locator"):
            if kwargs.get(key) not in (None, (None,)):
                raise _unsupported_arg("%s(%s=...)" % (fn, key))
        colors = kwargs.get("colors")
        cmap = kwargs.get("cmap")
        if colors is not None and cmap is not None:
            raise ValueError("Either colors or cmap must be None")
        self.origin = kwargs.get("origin")
        self.extent = kwargs.get("extent")
        self._parse(args, fn, kwargs.get("levels"))
        self._init_mappable(cmap, kwargs.get("vmin"), kwargs.get("vmax"), kwargs.get("norm"))
        self._colors_given = None if colors is None else ([_css_color(colors)] if _is_color(colors) else [_css_color(c) for c in _tolist(colors)])
        if filled and kwargs.get("linewidths") is not None:
            _warn_external("linewidths is ignored by contourf")
        self._linewidths = self._per_level(kwargs.get("linewidths"), float(rcParams.get("lines.linewidth", 1.5)), float)
        self._linestyles = self._process_linestyles(kwargs.get("linestyles"), kwargs.get("negative_linestyles"))
        # set_array(levels) then autoscale_None: the colours span the levels, not the data
        self.norm.autoscale_None(self.levels)
        self.collections = []

    # -- arguments -----------------------------------------------------------------------------------------
    def _parse(self, args, fn, levels):
        args = list(args)
        if len(args) <= 2:
            z = _matrix(args[0], "z")
            rest = args[1:]
            ny, nx = len(z), len(z[0])
            self._check_shape(z)
            xs, ys = self._default_xy(nx, ny)
        elif len(args) <= 4:
            z = _matrix(args[2], "z")
            self._check_shape(z)
            ny, nx = len(z), len(z[0])
            xs, ys = self._xy(args[0], args[1], nx, ny)
            rest = args[3:]
        else:
            raise TypeError("Too many arguments to %s; see help(%s)" % (fn, fn))
        self._z = z
        self._x, self._y = xs, ys
        finite = [v for row in z for v in row if math.isfinite(v)]
        if not finite:
            raise ValueError("%s: z contains no finite values" % fn)
        self.zmin, self.zmax = float(min(finite)), float(max(finite))
        if levels is None:
            levels = rest[0] if rest else 7
        self.levels = self._levels_from(levels)
        self._process_levels()

    @staticmethod
    def _check_shape(z):
        if len(z) < 2 or len(z[0]) < 2:
            raise TypeError("Input z must be at least a (2, 2) shaped array, but has shape (%d, %d)" % (len(z), len(z[0])))

    def _default_xy(self, nx, ny):
        if self.origin is None:
            if self.extent is None:
                return [float(i) for i in range(nx)], [float(j) for j in range(ny)]
            x0, x1, y0, y1 = [float(v) for v in self.extent]
            return _linspace(x0, x1, nx), _linspace(y0, y1, ny)
        x0, x1, y0, y1 = (0, nx, 0, ny) if self.extent is None else [float(v) for v in self.extent]
        dx, dy = (x1 - x0) / nx, (y1 - y0) / ny
        xs = [x0 + (i + 0.5) * dx for i in range(nx)]
        ys = [y0 + (j + 0.5) * dy for j in range(ny)]
        return xs, ys[::-1] if self.origin == "upper" else ys

    def _xy(self, X, Y, nx, ny):
        x, y = _vector(X, "x"), _vector(Y, "y")
        x2 = bool(x) and isinstance(x[0], list)
        y2 = bool(y) and isinstance(y[0], list)
        if x2 != y2:
            raise TypeError("Number of dimensions of x (%d) and y (%d) do not match" % (2 if x2 else 1, 2 if y2 else 1))
        if not x2:
            if len(x) != nx:
                raise TypeError("Length of x (%d) must match number of columns in z (%d)" % (len(x), nx))
            if len(y) != ny:
                raise TypeError("Length of y (%d) must match number of rows in z (%d)" % (len(y), ny))
            return [float(v) for v in x], [float(v) for v in y]
        X, Y = _matrix(x, "x"), _matrix(y, "y")
        for name, M in (("x", X), ("y", Y)):
            if (len(M), len(M[0])) != (ny, nx):
                raise TypeError("Shapes of %s (%d, %d) and z (%d, %d) do not match" % (name, len(M), len(M[0]), ny, nx))
        # meshgrid output (every row of X the same, every column of Y the same) is sent as two vectors
        if all(row == X[0] for row in X) and all(all(v == row[0] for v in row) for row in Y):
            return list(X[0]), [row[0] for row in Y]
        return [v for row in X for v in row], [v for row in Y for v in row]

    def _autolev(self, n):
        lev = MaxNLocator(n + 1, min_n_ticks=1).tick_values(self.zmin, self.zmax)
        under = [i for i, v in enumerate(lev) if v < self.zmin]
        i0 = under[-1] if under else 0
        over = [i for i, v in enumerate(lev) if v > self.zmax]
        i1 = over[0] + 1 if over else len(lev)
        if self.extend in ("min", "both"):
            i0 += 1
        if self.extend in ("max", "both"):
            i1 -= 1
        if i1 - i0 < 3:
            i0, i1 = 0, len(lev)
        return lev[i0:i1]

    def _levels_from(self, arg):
        if isinstance(arg, int) and not isinstance(arg, bool):
            levels = self._autolev(arg)
        else:
            levels = [float(v) for v in _vector(arg, "levels")]
        if not self.filled:
            if not any(self.zmin < v < self.zmax for v in levels):
                levels = [self.zmin]
                _warn_external("No contour levels were found within the data range.")
        if self.filled and len(levels) < 2:
            raise ValueError("Filled contours require at least 2 levels.")
        if any(b <= a for a, b in zip(levels, levels[1:])):
            raise ValueError("Contour levels must be increasing")
        return levels

    def _process_levels(self):
        levels = list(self.levels)
        if self.extend in ("both", "min"):
            levels.insert(0, -1e250)
        if self.extend in ("both", "max"):
            levels.append(1e250)
        self._levels = levels
        self.layers = list(self.levels) if not self.filled else [0.5 * (a + b) for a, b in zip(levels, levels[1:])]

    def _per_level(self, given, default, convert):
        n = len(self.levels)
        if given is None:
            return [default] * n
        values = given if isinstance(given, (list, tuple)) else ([given] if not hasattr(given, "tolist") else _tolist(given))
        if not isinstance(values, list):
            values = [values]
        values = [convert(v) for v in values]
        return [values[i % len(values)] for i in range(n)]

    def _process_linestyles(self, given, negative):
        n = len(self.levels)
        if given is None:
            styles = ["-"] * n
            monochrome = self._colors_given is not None and len(set(self._colors_given)) == 1
            if monochrome:
                neg = _linestyle(negative if negative is not None else "dashed")
                eps = -(self.zmax - self.zmin) * 1e-15
                styles = [neg if lev < eps else "-" for lev in self.levels]
            return styles
        if isinstance(given, str):
            return [_linestyle(given)] * n
        values = [_linestyle(v) for v in _tolist(given)]
        return [values[i % len(values)] for i in range(n)]

    # -- colours -------------------------------------------------------------------------------------------
    def _colors(self):
        """One colour per band (filled) or per level (lines)."""
        n = len(self._levels) - 1 if self.filled else len(self.levels)
        if self._colors_given is not None:
            given = self._colors_given
            i0 = -1 if self.filled and self.extend in ("both", "min") else 0
            return [given[(i0 + k) % len(given)] if i0 + k >= 0 else given[0] for k in range(n)]
        return [self.cmap._css(min(1.0, max(0.0, self.norm(v)))) for v in self.layers]

    def _colorbar_spec(self):
        lut, vmin, vmax, _ = super()._colorbar_spec()
        if not self.filled:
            return lut, vmin, vmax, None
        colors, levels = self._colors(), list(self._levels)
        if self.extend in ("both", "min"):
            colors, levels = colors[1:], levels[1:]
        if self.extend in ("both", "max"):
            colors, levels = colors[:-1], levels[:-1]
        return colors, levels[0], levels[-1], levels

    def clabel(self, *args, **kwargs):
        raise _unsupported("ContourSet", "clabel")

    # -- event ---------------------------------------------------------------------------------------------
    def _extent(self, axis):
        values = [v for v in (self._x if axis == "x" else self._y) if math.isfinite(v)]
        pair = [min(values), max(values)] if values else []
        return pair, pair

    def _event(self, legend_label):
        z = self._z
        rows, cols = len(z), len(z[0])
        rstep = cstep = 1
        while (rows // rstep) * (cols // cstep) > MAX_NODES:
            rstep += 1
            cstep += 1
        ri = list(range(0, rows, rstep))
        ci = list(range(0, cols, cstep))
        full_grid = len(self._x) == rows * cols
        if full_grid:
            xs = [self._x[r * cols + c] for r in ri for c in ci]
            ys = [self._y[r * cols + c] for r in ri for c in ci]
        else:
            xs = [self._x[c] for c in ci]
            ys = [self._y[r] for r in ri]
        # seven significant digits are plenty to place a boundary and halve the event's size
        flat = [float("%.7g" % z[r][c]) if math.isfinite(z[r][c]) else math.nan for r in ri for c in ci]
        out = self._common("contour", legend_label)
        out.update(
            filled=self.filled,
            rows=len(ri),
            cols=len(ci),
            x=xs,
            y=ys,
            z=flat,
            levels=list(self._levels) if self.filled else list(self.levels),
            colors=self._colors(),
            linewidths=list(self._linewidths),
            linestyles=list(self._linestyles),
        )
        return out

    def __repr__(self):
        return "<matplotlib.contour.QuadContourSet object>"


ContourSet = QuadContourSet


def _linspace(a, b, n):
    if n == 1:
        return [a]
    step = (b - a) / (n - 1)
    return [a + i * step for i in range(n - 1)] + [b]


__getattr__ = _unsupported_getattr("matplotlib.contour")
