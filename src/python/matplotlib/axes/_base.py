"""The Axes' state: titles, labels, limits (with matplotlib's autoscale), scales, ticks (through the two Axis
objects and their locators and formatters), grid, legend, twins, and the `axes` entry of the figure event.
The plotting methods are in _axes.py, as in matplotlib, on the Axes class built on this one.
"""

import math

from matplotlib import _unsupported, _unsupported_arg, _unsupported_getattr, _warn_external, rcParams
from matplotlib.artists import Rectangle, _Artist
from matplotlib.axis import XAxis, YAxis
from matplotlib.text import _Transform
from matplotlib.cbook import _as_float, _flatten, _floats, _is_array_like, _scalar, _text, _tolist
from matplotlib.colors import _cycle_color

# set_xticks() and hist() take parameters named like builtins, as matplotlib's do.
_range = range

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


class _AxesBase:
    """A subplot's state. Holds artists and decorations; drawing happens wherever the figure event is consumed."""

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
        self.xaxis = XAxis(self)
        self.yaxis = YAxis(self)
        self._aspect = None
        self._axis_on = True
        self._twin_of = getattr(self, "_twin_of", None)
        self._colorbar = None
        self._current_image = None
        self.transData = _Transform("data", "Axes.transData")
        self.transAxes = _Transform("axes", "Axes.transAxes")

    clear = cla

    def get_xaxis(self):
        return self.xaxis

    def get_yaxis(self):
        return self.yaxis

    # -- aspect, axis on/off, twins --------------------------------------------------------------------
    def set_aspect(self, aspect, adjustable=None, anchor=None, share=False):
        if aspect == "auto":
            self._aspect = None
        elif aspect == "equal":
            self._aspect = 1.0
        else:
            value = _scalar(aspect, "aspect")
            if not (value > 0 and math.isfinite(value)):
                raise ValueError("aspect must be finite and positive ")
            self._aspect = value
        if adjustable not in (None, "box", "datalim"):
            raise ValueError("%r is not a valid value for adjustable; supported values are 'box', 'datalim'" % (adjustable,))
        if anchor not in (None, "C"):
            raise _unsupported_arg("set_aspect(anchor=%r)" % (anchor,))

    def get_aspect(self):
        return "auto" if self._aspect is None else self._aspect

    def set_axis_off(self):
        self._axis_on = False

    def set_axis_on(self):
        self._axis_on = True

    def axis(self, arg=None, /, *, emit=True, **kwargs):
        """axis('off'|'on'|'equal'|'scaled'|'image'|'tight'|'auto'|'square') or axis([xmin, xmax, ymin, ymax])."""
        if isinstance(arg, bool):
            arg = "on" if arg else "off"
        if isinstance(arg, str):
            key = arg.lower()
            if key == "off":
                self._axis_on = False
            elif key == "on":
                self._axis_on = True
            elif key in ("equal", "scaled", "image", "square"):
                self._aspect = 1.0
                if key in ("image", "square"):
                    self.set_xlim(*self.get_xlim())
                    self.set_ylim(*self.get_ylim())
            elif key == "tight":
                self._lims = {"x": list(self._limits("x", margins=False)), "y": list(self._limits("y", margins=False))}
            elif key == "auto":
                self._aspect = None
            else:
                raise ValueError("Unrecognized string %r to axis; try 'on' or 'off'" % arg)
        elif arg is not None:
            values = [_scalar(v, "axis") for v in _tolist(arg)]
            if len(values) != 4:
                raise TypeError("The first argument to axis() must be an iterable of the form [xmin, xmax, ymin, ymax]")
            self.set_xlim(values[0], values[1])
            self.set_ylim(values[2], values[3])
        for key in kwargs:
            if key not in ("xmin", "xmax", "ymin", "ymax"):
                raise TypeError("axis() got an unexpected keyword argument %r" % key)
        if kwargs:
            self.set_xlim(kwargs.get("xmin"), kwargs.get("xmax"))
            self.set_ylim(kwargs.get("ymin"), kwargs.get("ymax"))
        x0, x1 = self.get_xlim()
        y0, y1 = self.get_ylim()
        return (x0, x1, y0, y1)

    def twinx(self):
        """A second Axes over this one, sharing its x axis, with its own y axis on the right."""
        if self._twin_of is not None:
            raise NotImplementedError("twinx() of a twin Axes is not supported by the Autograd Playground's matplotlib")
        twin = type(self).__new__(type(self))
        twin._twin_of = self
        type(self).__init__(twin, self.figure, self._spec)
        # the twin's colours continue nowhere: matplotlib starts its line cycle afresh (C0)
        self.figure._axes.append(twin)
        self.figure._gca = twin
        return twin

    def twiny(self):
        raise NotImplementedError("twiny() is not supported by the Autograd Playground's matplotlib (twinx() is)")

    def _group(self):
        """This Axes and its twins (or, for a twin, its parent's group): those sharing the x axis."""
        parent = self._twin_of or self
        return [parent] + [a for a in parent.figure._axes if getattr(a, "_twin_of", None) is parent]

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

    def _limits(self, axis, margins=True):
        """Explicit limits, else the data range with 5% margins (bars, images and contours stick to their edges),
        like matplotlib's autoscale. Twins share the x axis: its limits cover the data of the whole group."""
        if axis == "x" and self._twin_of is not None:
            return self._twin_of._limits("x", margins)
        lims = self._lims[axis] or [None, None]
        if lims[0] is not None and lims[1] is not None:
            return (lims[0], lims[1])
        log = self._scales[axis] == "log"
        values = []
        sticky = []
        for ax in (self._group() if axis == "x" else [self]):
            for s in ax._series:
                if not s._visible:
                    continue
                if not s._is_series:
                    ext = s._extent(axis)
                    if ext is not None:
                        values += ext[0]
                        sticky += ext[1]
                    continue
                along = "x" if s._kind == "barh" else "y"
                if s._kind in ("bar", "hist", "barh"):
                    centres = s._x if along == "y" else s._y
                    lengths = s._y if along == "y" else s._x
                    if axis != along:
                        values += [c - w / 2 for c, w in zip(centres, s._widths)] + [c + w / 2 for c, w in zip(centres, s._widths)]
                    else:
                        base = s._bottoms or [0.0] * len(lengths)
                        values += base + [b + h for b, h in zip(base, lengths)]
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
            m = (b - a) * 0.05 if margins else 0.0
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
        getattr(self, axis + "axis")._major_locator = None
        if labels is not None:
            getattr(self, axis + "axis")._major_formatter = None
        values = [_as_float(v, "ticks") for v in _flatten(_tolist(ticks))]
        names = None if labels is None else [str(v) for v in _flatten(_tolist(labels))]
        if names is not None and len(names) != len(values):
            raise ValueError("The number of FixedLocator locations (%d), usually from a call to set_ticks, does not match the number of labels (%d)." % (len(values), len(names)))
        self._ticks[axis] = (values, names)

    def _set_ticklabels(self, axis, labels):
        getattr(self, axis + "axis")._major_formatter = None
        names = [str(v) for v in _flatten(_tolist(labels))]
        current = self._ticks[axis]
        values = current[0] if current is not None else [float(i) for i in _range(len(names))]
        if len(values) != len(names):
            raise ValueError("The number of FixedLocator locations (%d), usually from a call to set_ticks, does not match the number of labels (%d)." % (len(values), len(names)))
        self._ticks[axis] = (values, names)

    def set_xticks(self, ticks, labels=None, *, minor=False, **kwargs):
        if minor:
            self.xaxis.set_ticks(ticks, minor=True)
        else:
            self._set_ticks("x", ticks, labels)

    def set_yticks(self, ticks, labels=None, *, minor=False, **kwargs):
        if minor:
            self.yaxis.set_ticks(ticks, minor=True)
        else:
            self._set_ticks("y", ticks, labels)

    def set_xticklabels(self, labels, *, minor=False, **kwargs):
        if not minor:
            self._set_ticklabels("x", labels)

    def set_yticklabels(self, labels, *, minor=False, **kwargs):
        if not minor:
            self._set_ticklabels("y", labels)

    def get_xticks(self, *, minor=False):
        return self._get_ticks("x", minor)

    def get_yticks(self, *, minor=False):
        return self._get_ticks("y", minor)

    def _get_ticks(self, axis, minor):
        """The tick positions: set_xticks' fixed ones, else the axis locator's over the view limits."""
        a = getattr(self, axis + "axis")
        if minor:
            return list(a.get_minor_locator().tick_values(*self._limits(axis))) if a._minor_locator is not None else []
        t = self._ticks[axis]
        if t is not None:
            return list(t[0])
        if a._major_locator is None:
            return []
        return [float(v) for v in a._major_locator.tick_values(*self._limits(axis))]

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
    def _event(self, index_of=None):
        """The `axes` entry of the figure event; `index_of` maps an Axes to its index in the figure (for twins)."""
        rows, cols, row, col, rowspan, colspan = self._spec
        in_legend = None if self._legend_handles is None else set(id(s) for s in self._legend_handles)

        def legend_label(s):
            if in_legend is not None and id(s) not in in_legend:
                return None
            return _legend_label(s)

        def ticks(axis):
            t = self._ticks[axis]
            from_ticker = getattr(self, axis + "axis")._ticks_event(t)
            if from_ticker is not None:
                return from_ticker
            if t is not None:
                return {"values": list(t[0]), "labels": None if t[1] is None else list(t[1])}
            cats = self._categories[axis]
            if cats:
                return {"values": [float(i) for i in _range(len(cats))], "labels": list(cats)}
            return None

        shown = [s for s in self._series if s._visible]
        # Artists drawn by kind (fills, images, contours, text, ...) go in their own list; `order` keeps the
        # drawing order across both lists. Their limits are worked out here, where all the data is known.
        rich = any(not s._is_series for s in shown) or self._twin_of is not None or any(
            getattr(a, "_twin_of", None) is self for a in self.figure._axes
        )
        out = {
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
            "series": [],
        }
        artists = []
        for order, s in enumerate(shown):
            entry = s._event(legend_label(s))
            if rich:
                entry["order"] = order
            (out["series"] if s._is_series else artists).append(entry)
            if not s._is_series:
                entry["order"] = order
        if rich:
            out["xlim"] = list(self._limits("x"))
            out["ylim"] = list(self._limits("y"))
            out["artists"] = artists
        if self._aspect is not None:
            out["aspect"] = self._aspect
        if not self._axis_on:
            out["axisOn"] = False
        if self._twin_of is not None and index_of is not None:
            out["twinOf"] = index_of(self._twin_of)
        if self._colorbar is not None:
            out["colorbar"] = self._colorbar._event()
        return out

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



__getattr__ = _unsupported_getattr("matplotlib.axes")
