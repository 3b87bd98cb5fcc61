"""Colours: matplotlib's colour specs turned into CSS colours, the default colour cycle, and colormaps.

Everything the figure event carries is already a CSS colour ('#1f77b4', 'red', 'transparent'), so the
renderers never parse matplotlib's specs. Holds what real matplotlib splits between colors.py and cm.py.
"""

import bisect
import math

from matplotlib import _unsupported, _unsupported_arg, _unsupported_getattr, rcParams
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

# Colormaps as 33 evenly spaced anchors (matplotlib's colour at k/32), interpolated linearly: within a step or
# two of 256 of matplotlib's own 256-entry tables.
_CMAPS = {
    "viridis": (
        "440154 470d60 48186a 482374 472d7b 453781 424086 3e4989 3b528b 375b8d 33638d "
        "2f6b8e 2c728e 297a8e 26828e 23898e 21918c 1f988b 1fa088 22a785 28ae80 32b67a "
        "3fbc73 4ec36b 5ec962 70cf57 84d44b 98d83e addc30 c2df23 d8e219 ece51b fde725"
    ),
    "plasma": (
        "0d0887 220690 310597 3f049c 4c02a1 5901a5 6600a7 7201a8 7e03a8 8a09a5 9511a1 "
        "a01a9c aa2395 b32c8e bc3587 c43e7f cc4778 d35171 da5a6a e06363 e66c5c eb7655 "
        "f0804e f58b47 f89540 fba139 fdac33 feb82c fdc527 fcd225 f8df25 f4ed27 f0f921"
    ),
    "inferno": (
        "000004 040312 0b0724 150b37 210c4a 2f0a5b 3d0965 4a0c6b 57106e 64156e 71196e "
        "7d1e6d 8a226a 972766 a32c61 b0315b bc3754 c73e4c d24644 db503b e45a31 eb6628 "
        "f1731d f68013 f98e09 fb9d07 fcac11 fbbc21 f9cb35 f5db4c f2ea69 f3f68a fcffa4"
    ),
    "magma": (
        "000004 030312 0a0822 130d34 1d1147 29115a 36106b 440f76 51127c 5d177f 6a1c81 "
        "762181 832681 902a81 9c2e7f aa337d b73779 c43c75 d0416f dc4869 e75263 ef5d5e "
        "f56b5c f9795d fc8961 fd9869 fea772 feb67c fec488 fed395 fde2a3 fcf0b2 fcfdbf"
    ),
    "cividis": (
        "00224e 00285b 002e6a 053371 1a386f 273e6e 32436d 3b496c 434e6c 4b546c 535a6d "
        "5a5f6e 61656f 686a71 6f7073 767676 7d7c78 848279 8c8878 938e78 9b9476 a39a74 "
        "aba072 b4a76f bcae6c c4b468 cdbb63 d5c25e dec958 e7d150 f0d846 f9e03a fee838"
    ),
    "coolwarm": (
        "3b4cc0 445acc 4e68d8 5875e1 6282ea 6c8ff1 779af7 82a6fb 8db0fe 98b9ff a3c2fe "
        "aec9fc b9d0f9 c3d5f4 ccd9ed d5dbe5 dddcdc e5d8d1 ecd3c5 f1ccb8 f5c4ac f7ba9f "
        "f7b093 f6a586 f4987a f08b6e eb7d62 e46e56 dd5f4b d44e41 ca3b37 be242e b40426"
    ),
    "jet": (
        "000080 0000a4 0000c8 0000ed 0000ff 0020ff 0040ff 0060ff 0080ff 00a0ff 00c0ff "
        "00e0fb 16ffe1 30ffc7 49ffad 63ff94 7dff7a 97ff60 b1ff46 caff2c e4ff13 feed00 "
        "ffd000 ffb200 ff9400 ff7700 ff5900 ff3b00 ff1e00 e80000 c40000 9f0000 800000"
    ),
    "rainbow": (
        "8000ff 7019ff 6032fe 504afc 4062fa 3079f7 208ef4 10a2f0 00b5eb 10c6e6 20d5e1 "
        "30e1da 40ecd4 50f4cc 60fac5 70febc 80ffb4 90feab a0faa1 b0f397 c0eb8d d0e082 "
        "e0d377 f0c46c ffb360 ffa055 ff8c49 ff763d ff5f30 ff4724 ff2f18 ff160b ff0000"
    ),
    "seismic": (
        "00004c 000063 000079 000090 0000a6 0000bc 0000d3 0000e9 0101ff 2121ff 4141ff "
        "6161ff 8181ff a1a1ff c1c1ff e1e1ff fffdfd ffdddd ffbdbd ff9d9d ff7d7d ff5d5d "
        "ff3d3d ff1d1d fe0000 ee0000 de0000 ce0000 be0000 ae0000 9e0000 8e0000 800000"
    ),
    "bwr": (
        "0000ff 1010ff 2020ff 3030ff 4040ff 5050ff 6060ff 7070ff 8080ff 9090ff a0a0ff "
        "b0b0ff c0c0ff d0d0ff e0e0ff f0f0ff fffefe ffeeee ffdede ffcece ffbebe ffaeae "
        "ff9e9e ff8e8e ff7e7e ff6e6e ff5e5e ff4e4e ff3e3e ff2e2e ff1e1e ff0e0e ff0000"
    ),
    "Blues": (
        "f7fbff f1f7fd eaf3fb e4eff9 deebf7 d8e7f5 d2e3f3 ccdff1 c6dbef bcd7eb b2d2e8 "
        "a8cee4 9dcae1 91c3de 84bcdb 77b5d9 6aaed6 60a7d2 56a0ce 4b98ca 4191c6 3989c1 "
        "3181bd 2979b9 2070b4 1a68ae 1460a8 0e58a2 08509b 08488e 084082 083776 08306b"
    ),
    "Reds": (
        "fff5f0 fff0e8 feeae1 fee5d9 fee0d2 fdd7c6 fdcdb9 fcc4ad fcbba1 fcb095 fca689 "
        "fc9c7d fc9272 fc8767 fb7d5d fb7353 fb694a f85d42 f5523a f24633 ee3a2c e53228 "
        "dc2924 d32020 ca181d c1161b b71319 ad1117 a30f15 940b13 840711 75030f 67000d"
    ),
    "Greens": (
        "f7fcf5 f2faf0 eef8ea e9f7e5 e5f5e0 ddf2d8 d6efd0 ceecc8 c7e9c0 bde5b6 b4e1ad "
        "aadda4 a0d99b 95d391 8ace88 7fc97f 73c476 66bd6f 5ab769 4db163 40aa5d 39a257 "
        "319a50 2a924a 228a44 19833e 117b38 087432 006c2c 006227 005723 004d1f 00441b"
    ),
    "Oranges": (
        "fff5eb fff1e4 feeddc feead5 fee6ce fee0c3 fddbb8 fdd5ad fdd0a2 fdc794 fdbf86 "
        "fdb678 fdae6a fda55f fd9d53 fd9547 fd8c3b fa8331 f77a27 f4711c f16813 eb600e "
        "e4580a de5005 d84801 cb4302 be3f02 b13a03 a53603 9b3203 912e04 882a04 7f2704"
    ),
    "Purples": (
        "fcfbfd f9f7fb f5f4f9 f2f0f7 efedf5 eae8f2 e4e3f0 dfdfed dadaeb d2d2e7 cbcbe3 "
        "c3c4e0 bcbddc b4b4d7 adabd2 a5a2cd 9e9ac8 9692c4 8e8bc1 8784bd 807cba 7a71b4 "
        "7566ae 6f5ba8 6950a3 64459e 5e3b98 593093 53268f 4e1c8a 491285 440981 3f007d"
    ),
    "Greys": (
        "ffffff fbfbfb f7f7f7 f4f4f4 f0f0f0 eaeaea e4e4e4 dfdfdf d9d9d9 d2d2d2 cbcbcb "
        "c4c4c4 bdbdbd b3b3b3 a9a9a9 9f9f9f 959595 8d8d8d 848484 7b7b7b 727272 6a6a6a "
        "626262 5a5a5a 515151 464646 3a3a3a 2f2f2f 242424 1b1b1b 111111 080808 000000"
    ),
    "RdBu": (
        "67001f 7f0823 960f27 ae172a bb2a34 c6413e d25849 dc6e57 e58368 ef9979 f5ac8b "
        "f8bda1 fbceb7 fdddcb fbe6da f9efe9 f6f7f7 eaf1f5 deebf2 d2e6f0 c0dceb acd2e5 "
        "98c8e0 81bad8 68abd0 4f9bc7 3e8cbf 337eb8 2870b1 1e61a5 15508d 0d3f76 053061"
    ),
    "RdYlBu": (
        "a50026 b50f26 c41e27 d42d27 de402e e75337 f16640 f67a49 f98e52 fba35c fdb567 "
        "fdc576 fed485 fee294 feeca2 fff6b1 feffc0 f5fbd2 ebf7e4 e1f3f6 d1ecf4 c1e4ef "
        "b0dcea 9fd0e4 8ec2dc 7db4d5 6da4cc 5e93c3 4f81ba 436fb1 3d5ba7 36479e 313695"
    ),
    "RdYlGn": (
        "a50026 b50f26 c41e27 d42d27 de402e e75337 f16640 f67a49 f98e52 fba35c fdb567 "
        "fdc574 fed481 fee28f feec9f fff6b0 feffbe f2faae e6f59d daf08d cbe982 bbe278 "
        "abdb6d 98d368 84ca66 70c164 5ab760 42ac5a 2aa054 17934e 0f8446 07753e 006837"
    ),
    "Spectral": (
        "9e0142 af1446 c1274a d23a4e dd4a4c e75948 f06744 f67a49 f98e52 fba35c fdb567 "
        "fdc574 fed481 fee28f feec9f fff6b0 ffffbe f7fcb2 eff9a6 e7f59a d6ee9b c3e79f "
        "b1dfa3 9cd7a4 86cfa5 71c6a5 5eb9a9 4ea7b0 3d95b8 3682ba 4471b2 525fa9 5e4fa2"
    ),
    "gray": (
        "000000 080808 101010 181818 202020 282828 303030 383838 404040 484848 505050 "
        "585858 606060 686868 707070 787878 808080 888888 909090 989898 a0a0a0 a8a8a8 "
        "b0b0b0 b8b8b8 c0c0c0 c8c8c8 d0d0d0 d8d8d8 e0e0e0 e8e8e8 f0f0f0 f8f8f8 ffffff"
    ),
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
        if not isinstance(name, str):
            raise ValueError("%r is not a valid value for cmap" % (name,))
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
        if not self._qualitative:
            # anchor k is entry min(255, int(k / 32 * 256)) of matplotlib's table: place it there (mirrored for _r)
            m = len(self._anchors) - 1
            self._positions = [min(255, (k * 256) // m) / 255 for k in range(m + 1)]
            if name.endswith("_r"):
                self._positions = [1 - p for p in reversed(self._positions)]

    _positions = None

    def _rgb(self, t):
        t = min(1.0, max(0.0, t))
        a = self._anchors
        if self._qualitative:
            return a[min(len(a) - 1, int(t * len(a)))]
        # matplotlib looks colours up in an N-entry table: entry min(N - 1, int(t * N)), sampled at i / (N - 1)
        x = min(self.N - 1, int(t * self.N)) / (self.N - 1)
        pos = self._positions or [k / (len(a) - 1) for k in range(len(a))]
        i = max(0, min(len(a) - 2, bisect.bisect_right(pos, x) - 1))
        span = pos[i + 1] - pos[i]
        f = (x - pos[i]) / span if span else 0.0
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

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise _unsupported("Colormap", name)

    def reversed(self, name=None):
        out = object.__new__(type(self))
        out.__dict__.update(self.__dict__)
        out._anchors = list(reversed(self._anchors))
        if self._positions is not None:
            out._positions = [1 - p for p in reversed(self._positions)]
        out.name = name if name is not None else (self.name[:-2] if self.name.endswith("_r") else self.name + "_r")
        return out

    def _lut(self, n=256):
        """n CSS colours sampled evenly from 0 to 1 (the colorbar's gradient)."""
        if self._qualitative:
            return [_hex(*a) for a in self._anchors]
        return [_hex(*self._rgb(i / (n - 1))) for i in range(n)]


class ListedColormap(Colormap):
    """A colormap from a list of colours, each taking an equal share of [0, 1] (no interpolation)."""

    def __init__(self, colors, name="from_list", N=None):
        values = _tolist(colors)
        if isinstance(values, str):
            values = [values]
        css = [_css_color(c) for c in values]
        if N is not None:
            css = [css[i % len(css)] for i in range(int(N))]
        self.name = name
        self._anchors = [_rgb_of(c) for c in css]
        self._qualitative = True
        self.N = len(css)
        self.colors = values


class LinearSegmentedColormap(Colormap):
    """A colormap interpolating evenly between colours (from_list); segment data dictionaries are not supported."""

    def __init__(self, name, segmentdata, N=256, gamma=1.0):
        raise NotImplementedError(
            "LinearSegmentedColormap(segmentdata) is not supported by the Autograd Playground; use "
            "LinearSegmentedColormap.from_list(name, colors)"
        )

    @classmethod
    def from_list(cls, name, colors, N=256, gamma=1.0):
        values = _tolist(colors)
        if values and isinstance(values[0], (tuple, list)) and len(values[0]) == 2 and not _is_color(values[0]):
            raise NotImplementedError("from_list with (value, colour) pairs is not supported by the Autograd Playground")
        out = object.__new__(cls)
        out.name = name
        out._anchors = [_rgb_of(_css_color(c)) for c in values]
        out._qualitative = False
        out.N = int(N)
        return out


def _rgb_of(css):
    """(r, g, b) in 0..1 of a CSS colour this module made ('#rrggbb', '#rrggbbaa', '#rgb' or a CSS name)."""
    if css.startswith("#"):
        h = css[1:]
        if len(h) in (3, 4):
            h = "".join(ch * 2 for ch in h)
        return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))
    table = {"black": "000000", "white": "ffffff", "red": "ff0000", "blue": "0000ff", "green": "008000",
             "yellow": "ffff00", "orange": "ffa500", "purple": "800080", "gray": "808080", "grey": "808080",
             "transparent": "ffffff"}
    if css in table:
        return tuple(int(table[css][i:i + 2], 16) / 255 for i in (0, 2, 4))
    raise ValueError("the Autograd Playground cannot use the colour %r in a colormap; give it as hex" % (css,))


class Normalize:
    """Linear map of [vmin, vmax] onto [0, 1]; unset limits come from the data (autoscale_None)."""

    def __init__(self, vmin=None, vmax=None, clip=False):
        self.vmin = None if vmin is None else float(vmin)
        self.vmax = None if vmax is None else float(vmax)
        self.clip = clip

    def autoscale_None(self, values):
        finite = [v for v in values if math.isfinite(v)]
        if self.vmin is None:
            self.vmin = min(finite) if finite else 0.0
        if self.vmax is None:
            self.vmax = max(finite) if finite else 1.0

    def scaled(self):
        return self.vmin is not None and self.vmax is not None

    def __call__(self, value):
        v = float(value)
        if not math.isfinite(v):
            return math.nan
        if self.vmin == self.vmax:
            return 0.0
        t = (v - self.vmin) / (self.vmax - self.vmin)
        return min(1.0, max(0.0, t)) if self.clip else t


class _ScalarMappable:
    """What colorbar() reads from an image, a contour set or a scatter: the colormap and its value range."""

    def _init_mappable(self, cmap, vmin, vmax, norm=None):
        if norm is not None and not isinstance(norm, Normalize):
            raise _unsupported_arg("norm=%r" % (norm,))
        self.cmap = get_cmap(cmap)
        self.norm = norm if norm is not None else Normalize(vmin, vmax)
        if norm is not None and (vmin is not None or vmax is not None):
            raise ValueError("Passing a Normalize instance simultaneously with vmin/vmax is not supported.  Please pass vmin/vmax directly to the norm when creating it.")
        self.colorbar = None

    def get_cmap(self):
        return self.cmap

    def set_cmap(self, cmap):
        self.cmap = get_cmap(cmap)

    def get_clim(self):
        return (self.norm.vmin, self.norm.vmax)

    def set_clim(self, vmin=None, vmax=None):
        if vmax is None and isinstance(vmin, (tuple, list)):
            vmin, vmax = vmin
        if vmin is not None:
            self.norm.vmin = float(vmin)
        if vmax is not None:
            self.norm.vmax = float(vmax)

    def _colorbar_spec(self):
        """(lut, vmin, vmax, boundaries or None) for colorbar()."""
        self.norm.autoscale_None([0.0, 1.0])
        return self.cmap._lut(), self.norm.vmin, self.norm.vmax, None


class ScalarMappable(_ScalarMappable):
    """A colormap and a value range without an artist, for colorbar(ScalarMappable(norm, cmap))."""

    def __init__(self, norm=None, cmap=None):
        self._init_mappable(cmap, None, None, norm)

    def set_array(self, A):
        from matplotlib.cbook import _flatten, _floats, _tolist

        self.norm.autoscale_None(_floats(_flatten(_tolist(A)), "A"))


def get_cmap(name=None, lut=None):
    cmap = name if isinstance(name, Colormap) else Colormap(rcParams.get("image.cmap", "viridis") if name is None else name)
    if lut is None:
        return cmap
    # resampled to `lut` colours, as matplotlib's Colormap.resampled
    n = int(lut)
    if cmap._qualitative:
        colors = [_hex(*cmap._anchors[i % len(cmap._anchors)]) for i in range(n)]
    else:
        colors = [_hex(*cmap._rgb(i / (n - 1) if n > 1 else 0.0)) for i in range(n)]
    return ListedColormap(colors, name=cmap.name, N=n)


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
