"""matplotlib.pyplot that records figures instead of drawing them.

show() and savefig() send the figure, series data included, as a `figure` event (FigureEvent in
src/protocol/events.ts); the panel and the CLI draw it. savefig() writes nothing: it records the path it was
given. Data may be lists, tuples, ranges, torch tensors (requires_grad or not) or anything with `tolist()`.
The state machine follows matplotlib's: a current figure and a current axes per figure, numbered figures,
separate colour cycles for lines and for patches/collections, show() closing what it showed.
"""

import bisect
import itertools
import math
import operator
import os
import sys
import warnings

import _playground_run
import matplotlib
from matplotlib import _unsupported, _unsupported_arg, rcParams

_MAX_POINTS = 10000
# hist() has a parameter named `range`, as matplotlib's does.
_range = range

# matplotlib's default property cycle (tab10), used for 'C0'..'C9' and 'tab:<name>' too.
_TAB10 = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
_TAB_NAMES = ("blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan")
# matplotlib's single-letter colours are not the CSS ones ('g' is #008000, 'c' is 75% cyan).
_BASE_COLORS = {
    "b": "#0000ff",
    "g": "#008000",
    "r": "#ff0000",
    "c": "#00bfbf",
    "m": "#bf00bf",
    "y": "#bfbf00",
    "k": "#000000",
    "w": "#ffffff",
}
# matplotlib's CSS4 colour names are exactly CSS's, so they pass through unchanged.
_CSS_NAMES = frozenset(
    """aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown
    burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan
    darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred
    darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink
    deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold
    goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush
    lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey
    lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow
    lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen
    mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin
    navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise
    palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue
    saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow
    springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow
    yellowgreen""".split()
)
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
_LEGEND_LOCS = (
    "best",
    "upper right",
    "upper left",
    "lower left",
    "lower right",
    "right",
    "center left",
    "center right",
    "lower center",
    "upper center",
    "center",
)

# Colormaps as evenly spaced anchors, interpolated linearly (close to matplotlib's at plotting resolution).
_CMAPS = {
    "viridis": "440154 482878 3e4989 31688e 26828e 1f9e89 35b779 6ece58 b5de2b fde725",
    "plasma": "0d0887 46039f 7201a8 9c179e bd3786 d8576b ed7953 fb9f3a fdca26 f0f921",
    "inferno": "000004 1b0c41 4a0c6b 781c6d a52c60 cf4446 ed6925 fb9b06 f7d13d fcffa4",
    "magma": "000004 180f3d 440f76 721f81 9e2f7f cd4071 f1605d fd9668 feca8d fcfdbf",
    "cividis": "00224e 123570 3b496c 575d6d 707173 8a8779 a69d75 c4b56c e4cf5b fee838",
    "coolwarm": "3b4cc0 6788ee 9abbff c9d7f0 edd1c2 f7a889 e26952 b40426",
    "bwr": "0000ff ffffff ff0000",
    "seismic": "00004c 0000ff ffffff ff0000 7f0000",
    "RdBu": "67001f b2182b d6604d f4a582 fddbc7 f7f7f7 d1e5f0 92c5de 4393c3 2166ac 053061",
    "RdYlBu": "a50026 d73027 f46d43 fdae61 fee090 ffffbf e0f3f8 abd9e9 74add1 4575b4 313695",
    "RdYlGn": "a50026 d73027 f46d43 fdae61 fee08b ffffbf d9ef8b a6d96a 66bd63 1a9850 006837",
    "Spectral": "9e0142 d53e4f f46d43 fdae61 fee08b ffffbf e6f598 abdda4 66c2a5 3288bd 5e4fa2",
    "jet": "00007f 0000ff 007fff 00ffff 7fff7f ffff00 ff7f00 ff0000 7f0000",
    "rainbow": "8000ff 4062fa 00b5eb 40ecd4 80ffb4 c0eb8d ffb360 ff6231 ff0000",
    "gray": "000000 ffffff",
    "Greys": "ffffff 000000",
    "Blues": "f7fbff deebf7 c6dbef 9ecae1 6baed6 4292c6 2171b5 08519c 08306b",
    "Reds": "fff5f0 fee0d2 fcbba1 fc9272 fb6a4a ef3b2c cb181d a50f15 67000d",
    "Greens": "f7fcf5 e5f5e0 c7e9c0 a1d99b 74c476 41ab5d 238b45 006d2c 00441b",
    "Oranges": "fff5eb fee6ce fdd0a2 fdae6b fd8d3c f16913 d94801 a63603 7f2704",
    "Purples": "fcfbfd efedf5 dadaeb bcbddc 9e9ac8 807dba 6a51a3 54278f 3f007d",
}
# Qualitative maps pick a colour per bin instead of interpolating.
_QUALITATIVE = {
    "tab10": " ".join(c[1:] for c in _TAB10),
    "Set1": "e41a1c 377eb8 4daf4a 984ea3 ff7f00 ffff33 a65628 f781bf 999999",
    "Set2": "66c2a5 fc8d62 8da0cb e78ac3 a6d854 ffd92f e5c494 b3b3b3",
    "Dark2": "1b9e77 d95f02 7570b3 e7298a 66a61e e6ab02 a6761d 666666",
    "Paired": "a6cee3 1f78b4 b2df8a 33a02c fb9a99 e31a1c fdbf6f ff7f00 cab2d6 6a3d9a ffff99 b15928",
}


# ---- values ------------------------------------------------------------------------------------------


def _tolist(data):
    """Plain (nested) lists or a scalar from lists, tuples, ranges, generators, tensors, numpy arrays."""
    if isinstance(data, (str, bytes)):
        return data
    if hasattr(data, "detach") and callable(data.detach):
        # A tensor that requires grad; real matplotlib would refuse it, the playground is lenient.
        data = data.detach()
    if hasattr(data, "tolist") and callable(data.tolist):
        # Tensors' and numpy's tolist() already give plain nested lists; walking them again costs seconds
        # for a million points.
        return data.tolist()
    if isinstance(data, (str, bytes, dict)):
        return data
    if isinstance(data, (list, tuple, range)) or hasattr(data, "__iter__"):
        items = list(data)
        if set(map(type, items)) <= _PLAIN_NUMBERS:
            return items
        return [_tolist(v) for v in items]
    return data


_PLAIN_NUMBERS = frozenset({int, float})


def _is_array_like(data):
    return hasattr(data, "tolist") and not isinstance(data, (str, bytes))


def _as_float(v, what):
    if v is None:
        return math.nan
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, list) and len(v) == 1:
        return _as_float(v[0], what)
    try:
        return float(v)
    except (TypeError, ValueError):
        raise TypeError("%s must be numbers, not %s" % (what, type(v).__name__)) from None


def _floats(values, what):
    """Floats from a flat list, at C speed when it holds only ints and floats (the usual case)."""
    if set(map(type, values)) <= _PLAIN_NUMBERS:
        return list(map(float, values))
    return [_as_float(v, what) for v in values]


def _flatten(values):
    if not isinstance(values, list):
        return [values]
    if list not in set(map(type, values)):
        return values
    out = []
    for v in values:
        out.extend(_flatten(v))
    return out


def _is_2d(values):
    return isinstance(values, list) and len(values) > 0 and all(isinstance(v, list) for v in values)


def _columns(values):
    """Columns of a 2-D list (matplotlib plots each column of a 2-D y as its own line)."""
    width = max(len(r) for r in values)
    if any(len(r) != width for r in values):
        raise ValueError("setting an array element with a sequence: the rows have different lengths")
    return [[r[j] for r in values] for j in range(width)]


def _sample_indices(n):
    """Evenly spaced indices 0..n-1 (both ends kept) when n exceeds the per-series point budget."""
    if n <= _MAX_POINTS:
        return None
    m = _MAX_POINTS - 1
    return [(2 * i * (n - 1) + m) // (2 * m) for i in range(_MAX_POINTS)]


def _scalar(v, what):
    v = _tolist(v)
    if isinstance(v, list):
        if len(v) != 1:
            raise TypeError("%s must be a number" % what)
        v = v[0]
    return _as_float(v, what)


def _text(value):
    return None if value is None else str(value)


# ---- colours -----------------------------------------------------------------------------------------


def _hex(r, g, b, a=None):
    s = "#%02x%02x%02x" % tuple(max(0, min(255, int(round(float(v) * 255)))) for v in (r, g, b))
    if a is not None and float(a) < 1:
        s += "%02x" % max(0, min(255, int(round(float(a) * 255))))
    return s


def _cycle_color(index):
    return _TAB10[index % len(_TAB10)]


def _css_color(c):
    """A matplotlib colour spec as a CSS colour; ValueError for what matplotlib rejects."""
    if isinstance(c, str):
        s = c.strip()
        if s in _BASE_COLORS:
            return _BASE_COLORS[s]
        if len(s) >= 2 and s[0] == "C" and s[1:].isdigit():
            return _cycle_color(int(s[1:]))
        low = s.lower()
        if low.startswith("tab:") and low[4:] in _TAB_NAMES:
            return _TAB10[_TAB_NAMES.index(low[4:])]
        if low == "none":
            return "transparent"
        if low in _CSS_NAMES:
            return low
        if low.startswith("#") and len(low) in (4, 5, 7, 9) and all(ch in "0123456789abcdef" for ch in low[1:]):
            return low
        try:
            gray = float(s)
        except ValueError:
            gray = None
        if gray is not None and 0.0 <= gray <= 1.0:
            return _hex(gray, gray, gray)
        raise ValueError("%r is not a valid color value." % (c,))
    if _is_array_like(c):
        c = c.tolist()
    if isinstance(c, (tuple, list)) and len(c) in (3, 4) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in c):
        vals = [float(v) for v in c]
        if any(not 0.0 <= v <= 1.0 for v in vals):
            raise ValueError("RGBA values should be within 0-1 range")
        return _hex(*vals)
    raise ValueError("Invalid RGBA argument: %r" % (c,))


def _is_color(c):
    try:
        _css_color(c)
        return True
    except (ValueError, TypeError):
        return False


class Colormap:
    """A named colormap: called with a value in [0, 1] it returns an RGBA tuple, like matplotlib's."""

    def __init__(self, name):
        base = name[:-2] if name.endswith("_r") else name
        if base not in _CMAPS and base not in _QUALITATIVE:
            raise ValueError(
                "%r is not a valid value for cmap; the Autograd Playground knows %s"
                % (name, ", ".join(sorted(list(_CMAPS) + list(_QUALITATIVE))))
            )
        self.name = name
        table = _CMAPS.get(base) or _QUALITATIVE[base]
        self._anchors = [tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)) for h in table.split()]
        if name.endswith("_r"):
            self._anchors.reverse()
        self._qualitative = base in _QUALITATIVE
        self.N = len(self._anchors) if self._qualitative else 256

    def _rgb(self, t):
        t = min(1.0, max(0.0, t))
        a = self._anchors
        if self._qualitative:
            return a[min(len(a) - 1, int(t * len(a)))]
        pos = t * (len(a) - 1)
        i = min(len(a) - 2, int(pos))
        f = pos - i
        return tuple(a[i][k] + (a[i + 1][k] - a[i][k]) * f for k in range(3))

    def __call__(self, x, alpha=None):
        values = _tolist(x)
        if isinstance(values, list):
            return [self(v, alpha) for v in values]
        v = float(values)
        if isinstance(values, int) and not isinstance(values, bool):
            v = values / max(1, self.N - 1)  # integers index the table, as in matplotlib
        if math.isnan(v):
            return (0.0, 0.0, 0.0, 0.0)
        return self._rgb(v) + (1.0 if alpha is None else float(alpha),)

    def _css(self, t):
        if math.isnan(t):
            return "transparent"
        return _hex(*self._rgb(t))

    def __repr__(self):
        return "<matplotlib.colors.Colormap object: %r>" % self.name


def get_cmap(name=None, lut=None):
    if isinstance(name, Colormap):
        return name
    return Colormap(rcParams.get("image.cmap", "viridis") if name is None else name)


class _ColormapNamespace:
    """`plt.cm`: plt.cm.viridis, plt.cm.get_cmap('coolwarm')."""

    def get_cmap(self, name=None, lut=None):
        return get_cmap(name, lut)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return Colormap(name)
        except ValueError:
            raise _unsupported("matplotlib.cm", name) from None


cm = _ColormapNamespace()


class _Style:
    """`plt.style.use(...)` is accepted and ignored: figures are drawn in the default style."""

    available = ["default", "classic", "ggplot", "seaborn-v0_8", "bmh", "fivethirtyeight", "dark_background"]

    def use(self, style):
        return None

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise _unsupported("matplotlib.style", name)


style = _Style()


def _parse_fmt(fmt):
    """matplotlib's '[marker][line][color]' format string → (linestyle, marker, color)."""
    if _is_color(fmt) and not (len(fmt) == 1 and fmt in _MARKERS):
        return "-", None, _css_color(fmt)
    linestyle = marker = color = None
    i = 0
    while i < len(fmt):
        two = fmt[i : i + 2]
        ch = fmt[i]
        if two in ("--", "-."):
            if linestyle is not None:
                raise ValueError("Illegal format string %r; two linestyle symbols" % fmt)
            linestyle = two
            i += 2
            continue
        if ch in "-:":
            if linestyle is not None:
                raise ValueError("Illegal format string %r; two linestyle symbols" % fmt)
            linestyle = ch
        elif ch == "C" and i + 1 < len(fmt) and fmt[i + 1].isdigit():
            if color is not None:
                raise ValueError("Illegal format string %r; two color symbols" % fmt)
            j = i + 1
            while j < len(fmt) and fmt[j].isdigit():
                j += 1
            color = _cycle_color(int(fmt[i + 1 : j]))
            i = j
            continue
        elif ch in _BASE_COLORS:
            if color is not None:
                raise ValueError("Illegal format string %r; two color symbols" % fmt)
            color = _BASE_COLORS[ch]
        elif ch in _MARKERS:
            if marker is not None:
                raise ValueError("Illegal format string %r; two marker symbols" % fmt)
            marker = ch
        else:
            raise ValueError("Unrecognized character %s in format string %r" % (ch, fmt))
        i += 1
    if linestyle is None:
        linestyle = "-" if marker is None else "none"
    return linestyle, marker, color


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


def _warn_external(message):
    """warnings.warn attributed to the first frame outside this package, as matplotlib's warnings are."""
    frame = sys._getframe(1)
    level = 2
    while frame is not None and _playground_run.is_internal_file(frame.f_code.co_filename):
        frame = frame.f_back
        level += 1
    warnings.warn(message, UserWarning, stacklevel=level)


# ---- artists -----------------------------------------------------------------------------------------


class _Artist:
    """One series on an Axes. Subclasses are the objects plot()/scatter()/bar() return."""

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

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise _unsupported(type(self).__name__, name)

    def get_label(self):
        return self._label

    def set_label(self, s):
        self._label = "" if s is None else str(s)

    def get_color(self):
        return self._color

    def set_color(self, c):
        self._color = _css_color(c)
        self._colors = None

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

    def _event(self, legend_label):
        idx = _sample_indices(len(self._x))

        def pick(seq):
            if seq is None or idx is None:
                return None if seq is None else list(seq)
            return [seq[i] for i in idx]

        alpha = 1.0 if self._alpha is None else max(0.0, min(1.0, float(self._alpha)))
        return {
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

    def get_x(self):
        s = self._series
        return s._x[self._i] - s._widths[self._i] / 2

    def get_y(self):
        s = self._series
        return 0.0 if s._bottoms is None else s._bottoms[self._i]

    def get_xy(self):
        return (self.get_x(), self.get_y())

    def get_width(self):
        return self._series._widths[self._i]

    def get_height(self):
        return self._series._y[self._i]

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


# ---- axes --------------------------------------------------------------------------------------------


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


def _limits_arg(name, left, right, lo_kw, hi_kw):
    if lo_kw is not None:
        left = lo_kw
    if hi_kw is not None:
        right = hi_kw
    pair = _tolist(left) if right is None and (isinstance(left, (tuple, list)) or _is_array_like(left)) else None
    if isinstance(pair, list):
        if len(pair) != 2:
            raise ValueError("%s limits must be a pair (low, high)" % name)
        left, right = pair
    lo = None if left is None else _scalar(left, name)
    hi = None if right is None else _scalar(right, name)
    for v in (lo, hi):
        if v is not None and not math.isfinite(v):
            raise ValueError("Axis limits cannot be NaN or Inf")
    return lo, hi


class Axes:
    """A subplot. Holds series and decorations; drawing happens wherever the figure event is consumed."""

    def __init__(self, figure, spec):
        self.figure = figure
        self._spec = spec
        self.cla()

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise _unsupported("Axes", name)

    def __repr__(self):
        return "<Axes: title={'center': %r}, xlabel=%r, ylabel=%r>" % (self._title or "", self._xlabel or "", self._ylabel or "")

    def cla(self):
        self._series = []
        self._title = None
        self._xlabel = None
        self._ylabel = None
        self._lims = {"x": None, "y": None}
        self._scales = {"x": "linear", "y": "linear"}
        self._ticks = {"x": None, "y": None}
        self._categories = {"x": [], "y": []}
        self._grid = bool(rcParams.get("axes.grid", False))
        self._legend = False
        self._legend_loc = "best"
        self._legend_handles = None
        self._line_cycle = 0
        self._patch_cycle = 0

    clear = cla

    # -- data ------------------------------------------------------------------------------------------
    def _values(self, axis, data):
        """Flat floats for one coordinate; strings become category positions (matplotlib's categorical axis)."""
        values = _tolist(data)
        if not isinstance(values, list):
            values = [values]
        values = _flatten(values)
        if str not in set(map(type, values)):
            return _floats(values, axis)
        out = []
        cats = self._categories[axis]
        for v in values:
            if isinstance(v, str):
                if v not in cats:
                    cats.append(v)
                out.append(float(cats.index(v)))
            else:
                out.append(_as_float(v, axis))
        return out

    def _next_line_color(self):
        c = _cycle_color(self._line_cycle)
        self._line_cycle += 1
        return c

    def _next_patch_color(self):
        c = _cycle_color(self._patch_cycle)
        self._patch_cycle += 1
        return c

    # -- plotting --------------------------------------------------------------------------------------
    def plot(self, *args, scalex=True, scaley=True, data=None, **kwargs):
        if data is not None:
            raise _unsupported_arg("plot(data=...)")
        lines = []
        rest = list(args)
        while rest:
            group, rest = rest[:2], rest[2:]
            if rest and isinstance(rest[0], str):
                group.append(rest.pop(0))
            lines.extend(self._plot_group(group, kwargs))
        return lines

    def _plot_group(self, group, kwargs):
        fmt = None
        if len(group) > 1 and isinstance(group[-1], str):
            fmt = group.pop()
        if len(group) == 1:
            x, y = None, group[0]
        elif len(group) == 2:
            x, y = group
        else:
            raise TypeError("plot() got an unexpected number of positional arguments")
        if isinstance(y, str):
            raise ValueError("third arg must be a format string")
        fmt_ls, fmt_marker, fmt_color = _parse_fmt(fmt) if fmt is not None else (None, None, None)

        ys = _tolist(y)
        ys = _columns(ys) if _is_2d(ys) else [ys if isinstance(ys, list) else [ys]]
        if x is None:
            xs = [list(range(len(ys[0])))]
        else:
            xv = _tolist(x)
            xs = _columns(xv) if _is_2d(xv) else [xv if isinstance(xv, list) else [xv]]
        if len(xs) != len(ys) and len(xs) != 1 and len(ys) != 1:
            raise ValueError("x has %d columns but y has %d columns" % (len(xs), len(ys)))
        n = max(len(xs), len(ys))
        labels = kwargs.get("label")
        if isinstance(labels, (list, tuple)) and n > 1:
            if len(labels) != n:
                raise ValueError("label must be scalar or have the same length as the input data, but found %d for %d datasets." % (len(labels), n))
        else:
            labels = [labels] * n

        color = kwargs.get("color", kwargs.get("c"))
        ls = _linestyle(kwargs.get("linestyle", kwargs.get("ls")))
        marker = _marker(kwargs["marker"]) if "marker" in kwargs else fmt_marker
        if ls is None:
            ls = fmt_ls if fmt_ls is not None else "-"
        lw = kwargs.get("linewidth", kwargs.get("lw"))
        ms = kwargs.get("markersize", kwargs.get("ms"))
        alpha = kwargs.get("alpha")
        lines = []
        for k in range(n):
            xk = self._values("x", xs[0] if len(xs) == 1 else xs[k])
            yk = self._values("y", ys[0] if len(ys) == 1 else ys[k])
            if len(xk) != len(yk):
                raise ValueError("x and y must have same first dimension, but have shapes (%d,) and (%d,)" % (len(xk), len(yk)))
            if color is not None:
                c = _css_color(color)
            elif fmt_color is not None:
                c = fmt_color
            else:
                c = self._next_line_color()
            line = Line2D(
                self,
                "line",
                xk,
                yk,
                c,
                labels[k],
                linestyle=ls,
                marker=marker,
                alpha=None if alpha is None else float(alpha),
                linewidth=float(rcParams.get("lines.linewidth", 1.5) if lw is None else lw),
                size=float(rcParams.get("lines.markersize", 6.0) if ms is None else ms),
            )
            self._series.append(line)
            lines.append(line)
        return lines

    def semilogy(self, *args, **kwargs):
        self.set_yscale("log")
        return self.plot(*args, **kwargs)

    def semilogx(self, *args, **kwargs):
        self.set_xscale("log")
        return self.plot(*args, **kwargs)

    def loglog(self, *args, **kwargs):
        self.set_xscale("log")
        self.set_yscale("log")
        return self.plot(*args, **kwargs)

    def scatter(self, x, y, s=None, c=None, marker=None, cmap=None, norm=None, vmin=None, vmax=None, alpha=None, linewidths=None, *, edgecolors=None, plotnonfinite=False, data=None, **kwargs):
        if data is not None:
            raise _unsupported_arg("scatter(data=...)")
        xs = self._values("x", x)
        ys = self._values("y", y)
        if len(xs) != len(ys):
            raise ValueError("x and y must be the same size")
        n = len(xs)
        label = kwargs.get("label")
        color = kwargs.get("color")
        if c is not None and color is not None:
            raise ValueError("Supply a 'c' argument or a 'color' kwarg but not both; they differ but their functionalities overlap.")
        if c is None:
            c = color
        colors = None
        if c is None:
            main = self._next_patch_color()
        elif isinstance(c, str) or (_is_color(c) and len(_flatten(_tolist(c))) != n):
            main = _css_color(c)
        else:
            cv = _tolist(c)
            if not isinstance(cv, list):
                cv = [cv]
            if len(cv) == n and all(isinstance(v, str) or (isinstance(v, list) and len(v) in (3, 4)) for v in cv):
                colors = [_css_color(v) for v in cv]
            else:
                values = [_as_float(v, "c") for v in _flatten(cv)]
                if len(values) != n and len(values) != 1:
                    raise ValueError("'c' argument has %d elements, which is inconsistent with 'x' and 'y' with size %d." % (len(values), n))
                if len(values) == 1:
                    values = values * n
                colors = _map_colors(values, cmap, vmin, vmax)
            main = colors[0] if colors else self._next_patch_color()
        size = float(rcParams.get("lines.markersize", 6.0))  # s defaults to markersize²
        sizes = None
        if s is not None:
            sv = [_as_float(v, "s") for v in _flatten(_tolist(s))]
            if len(sv) == 1:
                size = math.sqrt(max(0.0, sv[0]))
            elif len(sv) == n:
                sizes = [math.sqrt(max(0.0, v)) if math.isfinite(v) else 0.0 for v in sv]
                size = sizes[0] if sizes else size
            else:
                raise ValueError("s must be a scalar, or float array-like with the same size as x and y")
        coll = PathCollection(
            self,
            "scatter",
            xs,
            ys,
            main,
            label,
            linestyle="none",
            marker=_marker(marker) or "o",
            alpha=None if alpha is None else float(alpha),
            linewidth=None,
            size=size,
        )
        coll._colors = colors
        coll._sizes = sizes
        self._series.append(coll)
        return coll

    def bar(self, x, height, width=0.8, bottom=None, *, align="center", data=None, **kwargs):
        if data is not None:
            raise _unsupported_arg("bar(data=...)")
        for err in ("xerr", "yerr"):
            if kwargs.get(err) is not None:
                raise _unsupported_arg("bar(%s=...)" % err)
        xs = self._values("x", x)
        hs = [_as_float(v, "height") for v in _flatten(_tolist(height))]
        ws = [_as_float(v, "width") for v in _flatten(_tolist(width))]
        bs = None if bottom is None else [_as_float(v, "bottom") for v in _flatten(_tolist(bottom))]
        n = max(len(xs), len(hs))
        columns = [xs, hs, ws] + ([bs] if bs is not None else [])
        for col in columns:
            if len(col) not in (1, n):
                raise ValueError("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (%d,) and arg 1 with shape (%d,)." % (len(xs), len(hs)))
        xs, hs, ws = [col * n if len(col) == 1 else col for col in (xs, hs, ws)]
        if bs is not None:
            bs = bs * n if len(bs) == 1 else bs
        if align == "edge":
            xs = [x0 + w / 2 for x0, w in zip(xs, ws)]
        elif align != "center":
            raise ValueError("%r is not a valid value for align; supported values are 'center', 'edge'" % (align,))
        color = kwargs.get("color", kwargs.get("facecolor", kwargs.get("fc")))
        colors = None
        if color is None:
            main = self._next_patch_color()
        elif _is_color(color):
            main = _css_color(color)
        else:
            colors = [_css_color(v) for v in _tolist(color)]
            if len(colors) < n:
                colors = [colors[i % len(colors)] for i in range(n)]
            colors = colors[:n]
            main = colors[0] if colors else self._next_patch_color()
        bars = BarContainer(self, "bar", xs, hs, main, kwargs.get("label"), alpha=kwargs.get("alpha"), size=0.0)
        bars._widths = ws
        bars._bottoms = bs
        bars._colors = colors
        tick_label = kwargs.get("tick_label")
        if tick_label is not None:
            names = [str(v) for v in _flatten(_tolist(tick_label))]
            self._ticks["x"] = (list(xs), names * n if len(names) == 1 else names)
        self._series.append(bars)
        return bars

    def hist(self, x, bins=None, range=None, density=False, weights=None, cumulative=False, bottom=None, histtype="bar", align="mid", orientation="vertical", rwidth=None, log=False, color=None, label=None, stacked=False, *, data=None, **kwargs):
        if orientation != "vertical":
            raise _unsupported_arg("hist(orientation=%r)" % (orientation,))
        raw = _tolist(x)
        if _is_2d(raw):
            datasets = _columns(raw) if _is_array_like(x) else raw
        elif isinstance(raw, list) and raw and any(isinstance(v, list) for v in raw):
            datasets = [_flatten(v) for v in raw]
        else:
            datasets = [_flatten(raw) if isinstance(raw, list) else [raw]]
        datasets = [_floats(ds, "x") for ds in datasets]
        wsets = None
        if weights is not None:
            wraw = _tolist(weights)
            wsets = _columns(wraw) if _is_2d(wraw) and _is_array_like(weights) else (wraw if _is_2d(wraw) else [_flatten(wraw)])
            wsets = [[_as_float(v, "weights") for v in ws] for ws in wsets]
            if len(wsets) != len(datasets) or any(len(a) != len(b) for a, b in zip(wsets, datasets)):
                raise ValueError("weights should have the same shape as x")
        edges = _bin_edges(datasets, rcParams.get("hist.bins", 10) if bins is None else bins, range)
        nb = len(edges) - 1
        counts = []
        for k, ds in enumerate(datasets):
            cnt = [0.0] * nb
            for i, v in enumerate(ds):
                if not math.isfinite(v) or v < edges[0] or v > edges[-1]:
                    continue
                j = bisect.bisect_right(edges, v) - 1
                cnt[min(j, nb - 1)] += wsets[k][i] if wsets is not None else 1.0
            if density:
                total = sum(cnt)
                cnt = [c / (total * (edges[j + 1] - edges[j])) if total else math.nan for j, c in enumerate(cnt)]
            if cumulative:
                cnt = list(itertools.accumulate(cnt))
            counts.append(cnt)
        if log:
            self.set_yscale("log")
        nx = len(datasets)
        labels = label if isinstance(label, (list, tuple)) else [label] + [None] * (nx - 1)
        colors = color if isinstance(color, (list, tuple)) and nx > 1 and not _is_color(color) else [color] * nx
        totwidth = [edges[j + 1] - edges[j] for j in _range(nb)]
        dr = min(1.0, max(0.0, float(rwidth))) if rwidth is not None else (0.8 if nx > 1 and not stacked else 1.0)
        containers = []
        running = [0.0] * nb
        for k in _range(nx):
            if stacked:
                widths = [dr * tw for tw in totwidth]
                offsets = [0.5 * tw for tw in totwidth]
            else:
                widths = [dr * tw / nx for tw in totwidth]
                offsets = [0.5 * tw - 0.5 * dr * tw * (1 - 1 / nx) + k * (dr * tw / nx) for tw in totwidth]
            if align == "left":
                offsets = [o - 0.5 * tw for o, tw in zip(offsets, totwidth)]
            elif align == "right":
                offsets = [o + 0.5 * tw for o, tw in zip(offsets, totwidth)]
            centers = [edges[j] + offsets[j] for j in _range(nb)]
            c = _css_color(colors[k]) if colors[k] is not None else self._next_line_color()
            bars = BarContainer(self, "hist", centers, list(counts[k]), c, labels[k] if k < len(labels) else None, alpha=kwargs.get("alpha"), size=0.0)
            bars._widths = widths
            if stacked and k > 0:
                bars._bottoms = list(running)
            if stacked:
                running = [a + b for a, b in zip(running, counts[k])]
            self._series.append(bars)
            containers.append(bars)
        if nx == 1:
            return counts[0], list(edges), containers[0]
        return counts, list(edges), containers

    # -- decorations -----------------------------------------------------------------------------------
    def set_title(self, label, fontdict=None, loc=None, pad=None, *, y=None, **kwargs):
        self._title = _text(label)

    def get_title(self, loc="center"):
        return self._title or ""

    def set_xlabel(self, xlabel, fontdict=None, labelpad=None, *, loc=None, **kwargs):
        self._xlabel = _text(xlabel)

    def set_ylabel(self, ylabel, fontdict=None, labelpad=None, *, loc=None, **kwargs):
        self._ylabel = _text(ylabel)

    def get_xlabel(self):
        return self._xlabel or ""

    def get_ylabel(self):
        return self._ylabel or ""

    def set_xlim(self, left=None, right=None, *, emit=True, auto=False, xmin=None, xmax=None):
        lo, hi = _limits_arg("x", left, right, xmin, xmax)
        old = self._lims["x"] or [None, None]
        self._lims["x"] = [lo if lo is not None else old[0], hi if hi is not None else old[1]]
        return self.get_xlim()

    def set_ylim(self, bottom=None, top=None, *, emit=True, auto=False, ymin=None, ymax=None):
        lo, hi = _limits_arg("y", bottom, top, ymin, ymax)
        old = self._lims["y"] or [None, None]
        self._lims["y"] = [lo if lo is not None else old[0], hi if hi is not None else old[1]]
        return self.get_ylim()

    def get_xlim(self):
        return self._limits("x")

    def get_ylim(self):
        return self._limits("y")

    def _limits(self, axis):
        """Explicit limits, else the data range with 5% margins (bars stick to 0) like matplotlib's autoscale."""
        lims = self._lims[axis] or [None, None]
        if lims[0] is not None and lims[1] is not None:
            return (lims[0], lims[1])
        log = self._scales[axis] == "log"
        values = []
        sticky = []
        for s in self._series:
            if not s._visible:
                continue
            if s._kind in ("bar", "hist"):
                if axis == "x":
                    values += [c - w / 2 for c, w in zip(s._x, s._widths)] + [c + w / 2 for c, w in zip(s._x, s._widths)]
                else:
                    base = s._bottoms or [0.0] * len(s._y)
                    values += base + [b + h for b, h in zip(base, s._y)]
                    sticky += base
            else:
                values += s._x if axis == "x" else s._y
        values = [v for v in values if math.isfinite(v) and (not log or v > 0)]
        if not values:
            lo, hi = (1.0, 10.0) if log else (0.0, 1.0)
        else:
            lo, hi = min(values), max(values)
            tr = math.log10 if log else (lambda v: v)
            inv = (lambda v: 10.0**v) if log else (lambda v: v)
            a, b = tr(lo), tr(hi)
            if a == b:
                d = abs(a) * 0.05 if a != 0 else 0.05
                a, b = a - d, b + d
            m = (b - a) * 0.05
            lo = lo if lo in sticky else inv(a - m)
            hi = hi if hi in sticky else inv(b + m)
        return (lims[0] if lims[0] is not None else lo, lims[1] if lims[1] is not None else hi)

    def set_xscale(self, value, **kwargs):
        self._scales["x"] = _scale(value)

    def set_yscale(self, value, **kwargs):
        self._scales["y"] = _scale(value)

    def get_xscale(self):
        return self._scales["x"]

    def get_yscale(self):
        return self._scales["y"]

    def _set_ticks(self, axis, ticks, labels=None):
        values = [_as_float(v, "ticks") for v in _flatten(_tolist(ticks))]
        names = None if labels is None else [str(v) for v in _flatten(_tolist(labels))]
        if names is not None and len(names) != len(values):
            raise ValueError("The number of FixedLocator locations (%d), usually from a call to set_ticks, does not match the number of labels (%d)." % (len(values), len(names)))
        self._ticks[axis] = (values, names)

    def _set_ticklabels(self, axis, labels):
        names = [str(v) for v in _flatten(_tolist(labels))]
        current = self._ticks[axis]
        values = current[0] if current is not None else [float(i) for i in _range(len(names))]
        if len(values) != len(names):
            raise ValueError("The number of FixedLocator locations (%d), usually from a call to set_ticks, does not match the number of labels (%d)." % (len(values), len(names)))
        self._ticks[axis] = (values, names)

    def set_xticks(self, ticks, labels=None, *, minor=False, **kwargs):
        if not minor:
            self._set_ticks("x", ticks, labels)

    def set_yticks(self, ticks, labels=None, *, minor=False, **kwargs):
        if not minor:
            self._set_ticks("y", ticks, labels)

    def set_xticklabels(self, labels, *, minor=False, **kwargs):
        if not minor:
            self._set_ticklabels("x", labels)

    def set_yticklabels(self, labels, *, minor=False, **kwargs):
        if not minor:
            self._set_ticklabels("y", labels)

    def get_xticks(self):
        t = self._ticks["x"]
        return list(t[0]) if t is not None else []

    def get_yticks(self):
        t = self._ticks["y"]
        return list(t[0]) if t is not None else []

    def tick_params(self, axis="both", **kwargs):
        """Accepted and ignored (rotation, label sizes): the renderers lay ticks out themselves."""

    def grid(self, visible=None, which="major", axis="both", **kwargs):
        if visible is None:
            visible = True if kwargs else not self._grid
        self._grid = bool(visible)

    def legend(self, *args, **kwargs):
        handles = kwargs.pop("handles", None)
        labels = kwargs.pop("labels", None)
        if len(args) == 1:
            labels = args[0]
        elif len(args) == 2:
            handles, labels = args
        elif len(args) > 2:
            raise TypeError("legend only accepts two non-keyword arguments")
        if handles is not None:
            resolved = [_series_of(h) for h in handles]
            if labels is not None:
                labels = [str(v) for v in labels]
                for artist, text in zip(resolved, labels):
                    artist._label = text
                resolved = resolved[: len(labels)]
            self._legend_handles = resolved
        elif labels is not None:
            if isinstance(labels, str):
                labels = [labels]  # matplotlib takes a bare string as a sequence of one-character labels; one label is what scripts mean
            labels = [str(v) for v in labels]
            shown = [s for s in self._series][: len(labels)]
            for artist, text in zip(shown, labels):
                artist._label = text
            self._legend_handles = shown
        else:
            self._legend_handles = None
            if not any(_legend_label(s) for s in self._series):
                _warn_external(
                    "No artists with labels found to put in legend.  Note that artists whose label start with an "
                    "underscore are ignored when legend() is called with no argument."
                )
        loc = kwargs.get("loc", rcParams.get("legend.loc", "best"))
        if isinstance(loc, int) and not isinstance(loc, bool) and 0 <= loc < len(_LEGEND_LOCS):
            loc = _LEGEND_LOCS[loc]
        self._legend_loc = loc if loc in _LEGEND_LOCS else "best"
        self._legend = True

    def get_legend(self):
        return None

    def set(self, **kwargs):
        for key, value in kwargs.items():
            setter = getattr(self, "set_" + key, None) if key in _AXES_SETTABLE else None
            if setter is None:
                raise _unsupported("Axes.set", key)
            setter(value)

    # -- event -----------------------------------------------------------------------------------------
    def _event(self):
        rows, cols, row, col, rowspan, colspan = self._spec
        in_legend = None if self._legend_handles is None else set(id(s) for s in self._legend_handles)

        def legend_label(s):
            if in_legend is not None and id(s) not in in_legend:
                return None
            return _legend_label(s)

        def ticks(axis):
            t = self._ticks[axis]
            if t is not None:
                return {"values": list(t[0]), "labels": None if t[1] is None else list(t[1])}
            cats = self._categories[axis]
            if cats:
                return {"values": [float(i) for i in _range(len(cats))], "labels": list(cats)}
            return None

        return {
            "row": row,
            "col": col,
            "rows": rows,
            "cols": cols,
            "rowSpan": rowspan,
            "colSpan": colspan,
            "title": self._title,
            "xlabel": self._xlabel,
            "ylabel": self._ylabel,
            "xlim": None if self._lims["x"] is None else list(self._lims["x"]),
            "ylim": None if self._lims["y"] is None else list(self._lims["y"]),
            "xscale": self._scales["x"],
            "yscale": self._scales["y"],
            "xticks": ticks("x"),
            "yticks": ticks("y"),
            "grid": self._grid,
            "legend": self._legend,
            "legendLoc": self._legend_loc,
            "series": [s._event(legend_label(s)) for s in self._series if s._visible],
        }


_AXES_SETTABLE = frozenset({"title", "xlabel", "ylabel", "xlim", "ylim", "xscale", "yscale", "xticks", "yticks", "xticklabels", "yticklabels"})


def _legend_label(series):
    label = series._label
    return label if label and not label.startswith("_") else None


def _series_of(handle):
    if isinstance(handle, _Artist):
        return handle
    if isinstance(handle, (list, tuple)) and handle and isinstance(handle[0], _Artist):
        return handle[0]
    if isinstance(handle, Rectangle):
        return handle._series
    raise TypeError("legend handles must be what plot(), scatter(), bar() or hist() returned, not %s" % type(handle).__name__)


def _scale(value):
    if value in ("linear", "log"):
        return value
    raise ValueError("the Autograd Playground's matplotlib supports the 'linear' and 'log' scales, not %r" % (value,))


def _map_colors(values, cmap, vmin, vmax):
    cmap = get_cmap(cmap)
    finite = [v for v in values if math.isfinite(v)]
    lo = float(vmin) if vmin is not None else (min(finite) if finite else 0.0)
    hi = float(vmax) if vmax is not None else (max(finite) if finite else 1.0)
    span = hi - lo
    return [cmap._css((v - lo) / span if span else 0.0) if math.isfinite(v) else "transparent" for v in values]


def _bin_edges(datasets, bins, value_range):
    if not isinstance(bins, (int, str)) and not isinstance(bins, bool):
        edges = [_as_float(v, "bins") for v in _flatten(_tolist(bins))]
        if len(edges) < 2 or any(b < a for a, b in zip(edges, edges[1:])):
            raise ValueError("`bins` must increase monotonically, when an array")
        return edges
    finite = [v for ds in datasets for v in ds if math.isfinite(v)]
    if isinstance(bins, str):
        # numpy's estimators; Sturges' rule stands in for all of them ('auto' picks it for small data).
        bins = int(math.ceil(math.log2(len(finite)))) + 1 if len(finite) > 1 else 1
    if bins < 1:
        raise ValueError("`bins` must be positive, when an integer")
    if value_range is not None:
        lo, hi = (_as_float(v, "range") for v in _tolist(value_range))
        if lo > hi:
            raise ValueError("max must be larger than min in range parameter.")
    elif finite:
        lo, hi = min(finite), max(finite)
    else:
        lo, hi = 0.0, 1.0
    if lo == hi:
        lo, hi = lo - 0.5, hi + 0.5
    return [lo + (hi - lo) * i / bins for i in _range(bins)] + [hi]


# ---- figures -----------------------------------------------------------------------------------------


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
            return [build(offset + i * step, dims[1:]) for i in _range(dims[0])]

        return build(0, list(self.shape))

    @property
    def T(self):
        if self.ndim < 2:
            return self
        rows, cols = self.shape
        return _AxesArray([self._items[r * cols + c] for c in _range(cols) for r in _range(rows)], (cols, rows))

    def __len__(self):
        return self.shape[0]

    def __iter__(self):
        if self.ndim == 1:
            return iter(self._items)
        return iter(self[i] for i in _range(self.shape[0]))

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
                r = list(_range(*k.indices(n)))
                picks.append(r)
                out_shape.append(len(r))
            else:
                i = operator.index(k)
                if i < -n or i >= n:
                    raise IndexError("index %d is out of bounds for axis %d with size %d" % (i, d, n))
                picks.append([i % n])
        strides = [_prod(self.shape[d + 1 :]) for d in _range(self.ndim)]
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
        items = [self.add_subplot(nrows, ncols, i + 1, **(subplot_kw or {})) for i in _range(nrows * ncols)]
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

    def suptitle(self, t, **kwargs):
        self._suptitle = _text(t)

    def get_suptitle(self):
        return self._suptitle or ""

    def savefig(self, fname, *, transparent=None, dpi="figure", format=None, **kwargs):
        _emit(self, "savefig", _savefig_path(fname))

    def show(self, warn=True):
        _emit(self, "show", None)

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
            "axes": [ax._event() for ax in self._axes],
        }


def _savefig_path(fname):
    if isinstance(fname, bytes):
        return fname.decode("utf-8", "replace")
    if isinstance(fname, (str, os.PathLike)):
        return str(os.fspath(fname))
    name = getattr(fname, "name", None)  # a file object: record its name when it has one
    return name if isinstance(name, str) else None


def _emit(fig, reason, path):
    # `index` and `t` are filled in by the host.
    _playground_run.emit_event(fig._event(reason, path))


# ---- pyplot state ------------------------------------------------------------------------------------

_figures = {}
_current = None


def _reset():
    global _current
    _figures.clear()
    _current = None


_playground_run.on_run_start(_reset)


def figure(num=None, figsize=None, dpi=None, *, facecolor=None, edgecolor=None, frameon=True, clear=False, **kwargs):
    global _current
    if isinstance(num, Figure):
        _figures.setdefault(num.number, num)
        _current = num
        return num
    label = ""
    if isinstance(num, str):
        for fig in _figures.values():
            if fig._label == num:
                _current = fig
                return fig
        label, num = num, None
    if num is not None:
        num = operator.index(num)
        if num in _figures:
            fig = _figures[num]
            if clear:
                fig.clf()
            _current = fig
            return fig
    else:
        num = max(_figures, default=0) + 1
    fig = Figure(num, rcParams.get("figure.figsize", (6.4, 4.8)) if figsize is None else figsize, label)
    _figures[num] = fig
    _current = fig
    return fig


def gcf():
    return _current if _current is not None else figure()


def gca():
    return gcf().gca()


def sca(ax):
    figure(ax.figure)
    ax.figure.sca(ax)


def get_fignums():
    return sorted(_figures)


def fignum_exists(num):
    return num in _figures or any(f._label == num for f in _figures.values())


def subplot(*args, **kwargs):
    fig = gcf()
    spec = _subplot_spec(args)
    for ax in fig._axes:
        if ax._spec == spec:
            fig._gca = ax
            return ax
    return fig.add_subplot(*args, **kwargs)


def subplots(nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True, width_ratios=None, height_ratios=None, subplot_kw=None, gridspec_kw=None, **fig_kw):
    fig = figure(**fig_kw)
    axs = fig.subplots(nrows, ncols, sharex=sharex, sharey=sharey, squeeze=squeeze, subplot_kw=subplot_kw)
    return fig, axs


def close(fig=None):
    global _current
    if fig is None:
        if _current is not None:
            _figures.pop(_current.number, None)
    elif isinstance(fig, str) and fig == "all":
        _figures.clear()
    elif isinstance(fig, Figure):
        if _figures.get(fig.number) is fig:
            del _figures[fig.number]
    elif isinstance(fig, int) and not isinstance(fig, bool):
        _figures.pop(fig, None)
    elif isinstance(fig, str):
        for num, f in list(_figures.items()):
            if f._label == fig:
                del _figures[num]
    else:
        raise TypeError("close() argument must be a Figure, an int, a string, or None, not %s" % type(fig))
    if _current is not None and _current.number not in _figures:
        _current = list(_figures.values())[-1] if _figures else None


def show(*args, block=None, **kwargs):
    for fig in list(_figures.values()):
        _emit(fig, "show", None)
    # A blocking show() returns once its windows are closed, so the figures are gone and the next plot starts
    # a new one. That holds even after use('Agg') (where real show() does nothing): keeping figures open would
    # send every earlier figure again at each later show(). Interactive mode (ion) or block=False keep them,
    # which is what live-updating loops rely on.
    if block is None:
        block = not matplotlib.is_interactive()
    if block:
        close("all")


def savefig(*args, **kwargs):
    return gcf().savefig(*args, **kwargs)


def clf():
    gcf().clf()


def cla():
    gca().cla()


def suptitle(t, **kwargs):
    return gcf().suptitle(t, **kwargs)


def tight_layout(**kwargs):
    """Accepted; the renderers always lay subplots out without overlaps."""


def subplots_adjust(**kwargs):
    """Accepted and ignored, like tight_layout."""


def ion():
    matplotlib.interactive(True)


def ioff():
    matplotlib.interactive(False)


def isinteractive():
    return matplotlib.is_interactive()


def draw():
    """Nothing to do: figures are sent on show() and savefig()."""


def pause(interval):
    """Does not sleep or send anything; live-updating loops end with a show() that sends the final figure."""


def plot(*args, **kwargs):
    return gca().plot(*args, **kwargs)


def scatter(*args, **kwargs):
    return gca().scatter(*args, **kwargs)


def bar(*args, **kwargs):
    return gca().bar(*args, **kwargs)


def hist(*args, **kwargs):
    return gca().hist(*args, **kwargs)


def semilogy(*args, **kwargs):
    return gca().semilogy(*args, **kwargs)


def semilogx(*args, **kwargs):
    return gca().semilogx(*args, **kwargs)


def loglog(*args, **kwargs):
    return gca().loglog(*args, **kwargs)


def title(label, fontdict=None, loc=None, pad=None, **kwargs):
    return gca().set_title(label, fontdict, loc, pad, **kwargs)


def xlabel(xlabel, fontdict=None, labelpad=None, **kwargs):
    return gca().set_xlabel(xlabel, fontdict, labelpad, **kwargs)


def ylabel(ylabel, fontdict=None, labelpad=None, **kwargs):
    return gca().set_ylabel(ylabel, fontdict, labelpad, **kwargs)


def xlim(*args, **kwargs):
    ax = gca()
    if not args and not kwargs:
        return ax.get_xlim()
    return ax.set_xlim(*args, **kwargs)


def ylim(*args, **kwargs):
    ax = gca()
    if not args and not kwargs:
        return ax.get_ylim()
    return ax.set_ylim(*args, **kwargs)


def xscale(value, **kwargs):
    gca().set_xscale(value)


def yscale(value, **kwargs):
    gca().set_yscale(value)


def xticks(ticks=None, labels=None, *, minor=False, **kwargs):
    ax = gca()
    if ticks is None and labels is None:
        return ax.get_xticks(), []
    if ticks is None:
        ax.set_xticklabels(labels, minor=minor)
    else:
        ax.set_xticks(ticks, labels, minor=minor)


def yticks(ticks=None, labels=None, *, minor=False, **kwargs):
    ax = gca()
    if ticks is None and labels is None:
        return ax.get_yticks(), []
    if ticks is None:
        ax.set_yticklabels(labels, minor=minor)
    else:
        ax.set_yticks(ticks, labels, minor=minor)


def tick_params(axis="both", **kwargs):
    gca().tick_params(axis, **kwargs)


def legend(*args, **kwargs):
    return gca().legend(*args, **kwargs)


def grid(visible=None, which="major", axis="both", **kwargs):
    return gca().grid(visible, which, axis, **kwargs)


def rc(group, **kwargs):
    matplotlib.rc(group, **kwargs)


def rcdefaults():
    matplotlib.rcdefaults()


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError("module 'matplotlib.pyplot' has no attribute %r" % name)
    raise _unsupported("matplotlib.pyplot", name)
