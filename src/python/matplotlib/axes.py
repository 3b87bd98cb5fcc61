"""The Axes: what plot(), scatter(), bar() and hist() do with their arguments, plus titles, labels, limits,
ticks, scales, grid and legend. pyplot's plotting functions are this class's methods on the current Axes.

As in matplotlib, each Axes keeps separate colour cycles for lines and for patches/collections, and its
limits, when not set, are worked out from the data the way matplotlib's autoscale does.
"""

import bisect
import itertools
import math

from matplotlib import _unsupported, _unsupported_arg, _unsupported_getattr, _warn_external, rcParams
from matplotlib.artists import BarContainer, Line2D, PathCollection, Rectangle, _Artist, _linestyle, _marker, _MARKERS
from matplotlib.cbook import _as_float, _columns, _flatten, _floats, _is_2d, _is_array_like, _scalar, _text, _tolist
from matplotlib.colors import _BASE_COLORS, _css_color, _cycle_color, _is_color, _map_colors

# hist() has a parameter named `range`, as matplotlib's does.
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


__getattr__ = _unsupported_getattr("matplotlib.axes")
