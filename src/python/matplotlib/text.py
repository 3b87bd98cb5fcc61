"""Text and Annotation: what ax.text() and ax.annotate() return, and the `text` artist of the figure event.

Positions are in data coordinates, axes fractions (transform=ax.transAxes, xycoords='axes fraction') or
figure fractions, with annotate()'s 'offset points' kept as an offset the renderers apply in points. Text
never changes the axes' limits, as in matplotlib.
"""

from matplotlib import _unsupported_arg, _unsupported_getattr, rcParams
from matplotlib.artists import Artist, _check_kwargs
from matplotlib.cbook import _scalar
from matplotlib.colors import _css_color

_FONT_SCALE = {
    "xx-small": 0.579, "x-small": 0.694, "small": 0.833, "medium": 1.0,
    "large": 1.2, "x-large": 1.44, "xx-large": 1.728, "larger": 1.2, "smaller": 0.833,
}
_HA = {"left": "left", "center": "center", "centre": "center", "right": "right"}
_VA = {"top": "top", "center": "center", "bottom": "bottom", "baseline": "baseline", "center_baseline": "center"}
_WEIGHTS = {"normal": "normal", "regular": "normal", "bold": "bold", "heavy": "bold", "semibold": "bold", "demibold": "bold", "black": "bold", "light": "normal", "ultralight": "normal"}

TEXT_KWARGS = frozenset({
    "color", "c", "fontsize", "size", "ha", "horizontalalignment", "va", "verticalalignment", "rotation",
    "fontweight", "weight", "fontstyle", "style", "alpha", "zorder", "bbox", "transform", "label", "clip_on",
    "family", "fontfamily", "multialignment", "ma",
})


class _Transform:
    """ax.transData, ax.transAxes, fig.transFigure: named coordinate systems for text positions."""

    def __init__(self, coords, name):
        self._coords = coords
        self._name = name

    def __repr__(self):
        return "<%s>" % self._name


def _fontsize(value):
    if value is None:
        return float(rcParams.get("font.size", 10.0))
    if isinstance(value, str):
        if value not in _FONT_SCALE:
            raise ValueError(
                "%r is not a valid font size. Valid font sizes are %s." % (value, ", ".join(_FONT_SCALE))
            )
        return float(rcParams.get("font.size", 10.0)) * _FONT_SCALE[value]
    return _scalar(value, "fontsize")


def _choice(value, table, name):
    if value not in table:
        raise ValueError("%r is not a valid value for %s; supported values are %s" % (value, name, ", ".join(repr(k) for k in table)))
    return table[value]


def _bbox(spec):
    if spec is None:
        return None
    if not isinstance(spec, dict):
        raise TypeError("bbox must be a dict of rectangle properties, not %s" % type(spec).__name__)
    allowed = {"boxstyle", "facecolor", "fc", "edgecolor", "ec", "alpha", "pad", "linewidth", "lw", "color"}
    for key in spec:
        if key not in allowed:
            raise _unsupported_arg("text(bbox={%r: ...})" % key)
    style = str(spec.get("boxstyle", "square")).split(",")[0].strip()
    if style not in ("square", "round", "round4", "roundtooth", "sawtooth", "circle", "larrow", "rarrow"):
        raise ValueError("Unknown style: %r" % style)
    face = spec.get("facecolor", spec.get("fc", spec.get("color", "#1f77b4")))
    edge = spec.get("edgecolor", spec.get("ec", spec.get("color", "black")))
    return {
        "facecolor": _css_color(face),
        "edgecolor": _css_color(edge),
        "alpha": 1.0 if spec.get("alpha") is None else float(spec["alpha"]),
        "rounded": style != "square",
        "linewidth": float(spec.get("linewidth", spec.get("lw", 1.0))),
    }


class Text(Artist):
    """A string at a position."""

    _default_zorder = 3

    def __init__(self, axes, x, y, text, coords="data", kwargs=None, call="text"):
        kwargs = dict(kwargs or {})
        _check_kwargs(call, kwargs, TEXT_KWARGS | getattr(self, "_extra_kwargs", frozenset()))
        super().__init__(axes, kwargs.get("label"), kwargs.get("alpha"), kwargs.get("zorder"))
        self._x = x
        self._y = y
        self._coords = coords
        transform = kwargs.get("transform")
        if transform is not None:
            if not isinstance(transform, _Transform):
                raise _unsupported_arg("%s(transform=%r)" % (call, transform))
            self._coords = transform._coords
        self._text = "" if text is None else str(text)
        self._color = _css_color(kwargs.get("color", kwargs.get("c", "black")))
        self._fontsize = _fontsize(kwargs.get("fontsize", kwargs.get("size")))
        self._ha = _choice(kwargs.get("horizontalalignment", kwargs.get("ha", self._default_ha)), _HA, "horizontalalignment")
        self._va = _choice(kwargs.get("verticalalignment", kwargs.get("va", self._default_va)), _VA, "verticalalignment")
        rotation = kwargs.get("rotation", 0)
        self._rotation = {"horizontal": 0.0, "vertical": 90.0}.get(rotation) if isinstance(rotation, str) else _scalar(rotation, "rotation")
        if self._rotation is None:
            raise ValueError("rotation must be 'vertical', 'horizontal' or a number, not %r" % (rotation,))
        self._weight = _choice(kwargs.get("fontweight", kwargs.get("weight", "normal")), _WEIGHTS, "fontweight")
        self._style = _choice(kwargs.get("fontstyle", kwargs.get("style", "normal")), {"normal": "normal", "italic": "italic", "oblique": "italic"}, "fontstyle")
        family = kwargs.get("fontfamily", kwargs.get("family"))
        self._family = None if family is None else _choice(family, {"serif": "serif", "sans-serif": "sans-serif", "monospace": "monospace", "cursive": "cursive", "fantasy": "fantasy"}, "family")
        self._bbox = _bbox(kwargs.get("bbox"))
        self._offset = (0.0, 0.0)

    _default_ha = "left"
    _default_va = "baseline"

    def get_text(self):
        return self._text

    def set_text(self, s):
        self._text = "" if s is None else str(s)

    def get_position(self):
        return (self._x, self._y)

    def set_position(self, xy):
        self._x, self._y = (_scalar(v, "position") for v in xy)

    def set_x(self, x):
        self._x = _scalar(x, "x")

    def set_y(self, y):
        self._y = _scalar(y, "y")

    def get_color(self):
        return self._color

    def set_color(self, color):
        self._color = _css_color(color)

    def get_fontsize(self):
        return self._fontsize

    def set_fontsize(self, size):
        self._fontsize = _fontsize(size)

    set_size = set_fontsize

    def set_ha(self, align):
        self._ha = _choice(align, _HA, "horizontalalignment")

    def set_va(self, align):
        self._va = _choice(align, _VA, "verticalalignment")

    set_horizontalalignment = set_ha
    set_verticalalignment = set_va

    def set_rotation(self, s):
        self._rotation = _scalar(s, "rotation")

    def set_fontweight(self, weight):
        self._weight = _choice(weight, _WEIGHTS, "fontweight")

    def _arrow(self):
        return None

    def _event(self, legend_label):
        out = self._common("text", None)
        out.update(
            text=self._text,
            x=self._x,
            y=self._y,
            coords=self._coords,
            offset=list(self._offset),
            color=self._color,
            fontsize=self._fontsize,
            ha=self._ha,
            va=self._va,
            rotation=self._rotation,
            weight=self._weight,
            style=self._style,
            family=self._family,
            bbox=self._bbox,
            arrow=self._arrow(),
        )
        return out

    def __repr__(self):
        return "Text(%g, %g, %r)" % (self._x, self._y, self._text)


_COORDS = {"data": "data", "axes fraction": "axes", "figure fraction": "figure", "offset points": "offset points"}
_ARROW_KEYS = {
    "arrowstyle", "color", "facecolor", "fc", "edgecolor", "ec", "lw", "linewidth", "shrink",
    "width", "headwidth", "headlength", "alpha", "linestyle", "ls", "connectionstyle",
}
_ARROW_STYLES = ("-", "->", "-|>", "<-", "<|-", "<->", "<|-|>", "fancy", "simple", "wedge")


class Annotation(Text):
    """Text at `xytext` pointing at `xy`, with an arrow when arrowprops is given."""

    _extra_kwargs = frozenset({"xytext", "xycoords", "textcoords", "arrowprops", "annotation_clip"})

    def __init__(self, axes, text, xy, xytext=None, xycoords="data", textcoords=None, arrowprops=None, kwargs=None):
        self._xy = tuple(_scalar(v, "xy") for v in xy)
        self._xycoords = _choice(xycoords, {k: v for k, v in _COORDS.items() if k != "offset points"}, "xycoords")
        textcoords = xycoords if textcoords is None else textcoords
        text_coords = _choice(textcoords, _COORDS, "textcoords")
        if xytext is None:
            xytext = xy
        tx, ty = (_scalar(v, "xytext") for v in xytext)
        if text_coords == "offset points":
            super().__init__(axes, self._xy[0], self._xy[1], text, self._xycoords, kwargs, call="annotate")
            self._offset = (tx, ty)
        else:
            super().__init__(axes, tx, ty, text, text_coords, kwargs, call="annotate")
        self._arrowprops = self._check_arrowprops(arrowprops)

    @property
    def xy(self):
        return self._xy

    @staticmethod
    def _check_arrowprops(props):
        if props is None:
            return None
        if not isinstance(props, dict):
            raise TypeError("arrowprops must be a dict, not %s" % type(props).__name__)
        for key in props:
            if key not in _ARROW_KEYS:
                raise _unsupported_arg("annotate(arrowprops={%r: ...})" % key)
        style = props.get("arrowstyle")
        if style is not None and style not in _ARROW_STYLES:
            raise ValueError("Unknown arrow style %r (the Autograd Playground draws %s)" % (style, ", ".join(_ARROW_STYLES)))
        connection = props.get("connectionstyle")
        if connection is not None and not str(connection).replace(" ", "").startswith(("arc3", "arc3,rad=0")):
            raise _unsupported_arg("annotate(arrowprops={'connectionstyle': %r})" % (connection,))
        return dict(props)

    def _arrow(self):
        props = self._arrowprops
        if props is None:
            return None
        style = props.get("arrowstyle")
        out = {"x": self._xy[0], "y": self._xy[1], "coords": self._xycoords}
        if style is None:
            # matplotlib's older arrow (YAArrow): a filled shaft `width` points wide with a head, shrunk by
            # `shrink` at both ends
            face = props.get("facecolor", props.get("fc", props.get("color", "black")))
            out.update(
                style="wide",
                color=_css_color(face),
                edgecolor=_css_color(props.get("edgecolor", props.get("ec", props.get("color", "black")))),
                linewidth=float(props.get("linewidth", props.get("lw", 1.0))),
                shrink=float(props.get("shrink", 0.0)),
                width=float(props.get("width", 4.0)),
                headwidth=float(props.get("headwidth", 12.0)),
                headlength=float(props.get("headlength", 12.0)),
            )
            return out
        for key in ("width", "headwidth", "headlength", "shrink"):
            if key in props:
                raise TypeError("annotate(arrowprops=...): %r is for arrows without 'arrowstyle'; matplotlib refuses it with arrowstyle=%r" % (key, style))
        color = props.get("color", props.get("edgecolor", props.get("ec", props.get("facecolor", props.get("fc", "black")))))
        out.update(style=style, color=_css_color(color), linewidth=float(props.get("linewidth", props.get("lw", 1.0))), shrink=0.0)
        return out


__getattr__ = _unsupported_getattr("matplotlib.text")
