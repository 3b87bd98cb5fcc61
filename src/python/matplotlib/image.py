"""AxesImage: what imshow() returns, and the `image` artist of the figure event.

The pixels are coloured here (the colormap over vmin..vmax for 2-D data, RGB(A) as given, NaN transparent), so
the renderers only place a grid of colours over `extent`. Images larger than MAX_PIXELS are sent resampled to
the nearest pixel, as the screen would show them anyway.
"""

import math

from matplotlib import _unsupported_arg, _unsupported_getattr, _warn_external
from matplotlib.artists import Artist, _check_kwargs
from matplotlib.cbook import _tolist
from matplotlib.colors import _hex, _ScalarMappable

MAX_PIXELS = 250000

_INTERPOLATIONS = (
    "antialiased", "none", "nearest", "bilinear", "bicubic", "spline16", "spline36", "hanning", "hamming", "hermite",
    "kaiser", "quadric", "catrom", "gaussian", "bessel", "mitchell", "sinc", "lanczos", "blackman",
)


def _grid(X):
    """(rows, cols, channels, flat values) of 2-D data or an RGB(A) image."""
    data = _tolist(X)
    if not isinstance(data, list) or not data or not isinstance(data[0], list):
        raise TypeError("Invalid shape (%s,) for image data" % (len(data) if isinstance(data, list) else ""))
    rows = len(data)
    cols = len(data[0])
    if any(not isinstance(r, list) or len(r) != cols for r in data):
        raise TypeError("Invalid shape for image data: the rows have different lengths")
    first = data[0][0] if cols else 0
    if isinstance(first, list):
        channels = len(first)
        if channels not in (3, 4):
            raise TypeError("Invalid shape (%d, %d, %d) for image data" % (rows, cols, channels))
        flat = [float(v) for r in data for px in r for v in px]
        return rows, cols, channels, flat
    flat = []
    for r in data:
        for v in r:
            if isinstance(v, list):
                raise TypeError("Invalid shape for image data")
            flat.append(math.nan if v is None else float(v))
    return rows, cols, 1, flat


class AxesImage(Artist, _ScalarMappable):
    """An image on an Axes: a grid of coloured cells spanning `extent`."""

    _default_zorder = 0

    def __init__(self, axes, X, cmap, norm, vmin, vmax, alpha, origin, extent, interpolation, zorder, label):
        Artist.__init__(self, axes, label, alpha, zorder)
        self._init_mappable(cmap, vmin, vmax, norm)
        if origin not in ("upper", "lower"):
            raise ValueError("%r is not a valid value for origin; supported values are 'upper', 'lower'" % (origin,))
        if interpolation is not None and interpolation not in _INTERPOLATIONS:
            raise ValueError("%r is not a valid value for interpolation; supported values are %s" % (interpolation, ", ".join(repr(i) for i in _INTERPOLATIONS)))
        self._origin = origin
        self._interpolation = interpolation or "antialiased"
        self.set_data(X)
        self._extent_given = None if extent is None else [float(v) for v in _tolist(extent)]
        if self._extent_given is not None and len(self._extent_given) != 4:
            raise ValueError("extent must be a 4-tuple (left, right, bottom, top), got %r" % (extent,))

    def set_data(self, A):
        self._rows, self._cols, self._channels, self._values = _grid(A)
        if self._channels == 1:
            self.norm.autoscale_None(self._values)
        elif any(v < 0 or v > (255 if v > 1 else 1) for v in self._values):
            _warn_external("Clipping input data to the valid range for imshow with RGB data ([0..1] for floats or [0..255] for integers).")

    set_array = set_data

    def get_array(self):
        return [self._values[r * self._cols:(r + 1) * self._cols] for r in range(self._rows)] if self._channels == 1 else None

    def get_size(self):
        return (self._rows, self._cols)

    def get_extent(self):
        if self._extent_given is not None:
            return tuple(self._extent_given)
        if self._origin == "upper":
            return (-0.5, self._cols - 0.5, self._rows - 0.5, -0.5)
        return (-0.5, self._cols - 0.5, -0.5, self._rows - 0.5)

    def set_extent(self, extent):
        self._extent_given = [float(v) for v in _tolist(extent)]

    def set_interpolation(self, s):
        if s is not None and s not in _INTERPOLATIONS:
            raise ValueError("%r is not a valid value for interpolation" % (s,))
        self._interpolation = s or "antialiased"

    def get_interpolation(self):
        return self._interpolation

    def _extent(self, axis):
        x0, x1, y0, y1 = self.get_extent()
        pair = [x0, x1] if axis == "x" else [y0, y1]
        return pair, pair

    def _colors(self, rows, cols):
        out = []
        n = self._channels
        for r in rows:
            for c in cols:
                i = r * self._cols + c
                if n == 1:
                    v = self._values[i]
                    if not math.isfinite(v):
                        out.append("transparent")
                    else:
                        out.append(self.cmap._css(min(1.0, max(0.0, self.norm(v)))))
                    continue
                px = self._values[i * n:(i + 1) * n]
                scale = 255.0 if any(v > 1 for v in px) else 1.0
                px = [min(1.0, max(0.0, v / scale)) for v in px]
                out.append(_hex(*px))
        return out

    def _event(self, legend_label):
        rows = list(range(self._rows))
        cols = list(range(self._cols))
        if self._rows * self._cols > MAX_PIXELS:
            step = math.sqrt(self._rows * self._cols / MAX_PIXELS)
            rows = sorted({min(self._rows - 1, int(k * step)) for k in range(int(self._rows / step))})
            cols = sorted({min(self._cols - 1, int(k * step)) for k in range(int(self._cols / step))})
        out = self._common("image", None)
        out.update(
            rows=len(rows),
            cols=len(cols),
            extent=list(self.get_extent()),
            origin=self._origin,
            interpolation=self._interpolation,
            pixels=self._colors(rows, cols),
        )
        return out

    def __repr__(self):
        return "<matplotlib.image.AxesImage object>"


def _check_imshow_kwargs(kwargs):
    _check_kwargs("imshow", kwargs, {"zorder", "label", "interpolation_stage", "filternorm", "filterrad", "resample", "url"})
    # resampling options change how matplotlib smooths pixels; only their defaults describe what is drawn here
    defaults = {"filternorm": True, "filterrad": 4.0, "resample": None, "url": None, "interpolation_stage": "data"}
    for key, default in defaults.items():
        if key in kwargs and kwargs[key] != default and not (key == "interpolation_stage" and kwargs[key] is None):
            raise _unsupported_arg("imshow(%s=%r)" % (key, kwargs[key]))


__getattr__ = _unsupported_getattr("matplotlib.image")
