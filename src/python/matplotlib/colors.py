"""Colours: matplotlib's colour specs turned into CSS colours, the default colour cycle, and colormaps.

Everything the figure event carries is already a CSS colour ('#1f77b4', 'red', 'transparent'), so the
renderers never parse matplotlib's specs. Holds what real matplotlib splits between colors.py and cm.py.
"""

import math

from matplotlib import _unsupported, _unsupported_getattr, rcParams
from matplotlib.cbook import _is_array_like, _tolist

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


def _map_colors(values, cmap, vmin, vmax):
    cmap = get_cmap(cmap)
    finite = [v for v in values if math.isfinite(v)]
    lo = float(vmin) if vmin is not None else (min(finite) if finite else 0.0)
    hi = float(vmax) if vmax is not None else (max(finite) if finite else 1.0)
    span = hi - lo
    return [cmap._css((v - lo) / span if span else 0.0) if math.isfinite(v) else "transparent" for v in values]


__getattr__ = _unsupported_getattr("matplotlib.colors")
