"""The Axes' plotting methods: what plot(), scatter(), bar(), barh(), hist(), errorbar(), fill_between(),
axhline()/axvline(), text()/annotate(), contour()/contourf() and imshow() do with their arguments.
pyplot's plotting functions are these methods on the current Axes.

As in matplotlib, each Axes keeps separate colour cycles for lines and for patches/collections.
"""

import bisect
import itertools
import math

from matplotlib import _unsupported_arg, _unsupported_getattr, rcParams
from matplotlib.artists import BarContainer, Line2D, PathCollection, _AxLine, _check_kwargs, _linestyle, _marker, _MARKERS
from matplotlib.axes._base import _AxesBase, _range
from matplotlib.cbook import _as_float, _columns, _flatten, _floats, _is_2d, _is_array_like, _scalar, _tolist
from matplotlib.collections import ErrorbarContainer, LineCollection, PolyCollection
from matplotlib.colors import _BASE_COLORS, _css_color, _cycle_color, _is_color, _map_colors
from matplotlib.contour import QuadContourSet
from matplotlib.image import AxesImage, _check_imshow_kwargs
from matplotlib.text import Annotation, Text


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


class Axes(_AxesBase):
    """A subplot: the plotting methods over _AxesBase's state."""

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
        mappable = None
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
                mappable = (cmap, vmin, vmax, values)
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
        coll._mappable = mappable
        edge = edgecolors if edgecolors is not None else kwargs.get("edgecolor", kwargs.get("ec"))
        if edge is not None and edge != "face":
            # an outline around each marker, e.g. edgecolors='k' over a decision boundary
            coll._edgecolor = _css_color(edge)
            lw = linewidths if linewidths is not None else kwargs.get("linewidth", kwargs.get("lw"))
            coll._edgewidth = 1.0 if lw is None else _scalar(lw, "linewidths")  # patch.linewidth
        if mappable is not None:
            self._current_image = coll
        self._series.append(coll)
        return coll

    def bar(self, x, height, width=0.8, bottom=None, *, align="center", data=None, **kwargs):
        if data is not None:
            raise _unsupported_arg("bar(data=...)")
        return self._bars("bar", x, height, width, bottom, align, kwargs)

    def barh(self, y, width, height=0.8, left=None, *, align="center", data=None, **kwargs):
        if data is not None:
            raise _unsupported_arg("barh(data=...)")
        return self._bars("barh", y, width, height, left, align, kwargs)

    def _bars(self, kind, positions, lengths, thickness, base, align, kwargs):
        """bar() (vertical: positions along x) and barh() (horizontal: positions along y)."""
        pos_axis = "x" if kind == "bar" else "y"
        for err in ("xerr", "yerr"):
            if kwargs.get(err) is not None:
                raise _unsupported_arg("%s(%s=...)" % (kind, err))
        names = ("height", "width", "bottom") if kind == "bar" else ("width", "height", "left")
        xs = self._values(pos_axis, positions)
        hs = [_as_float(v, names[0]) for v in _flatten(_tolist(lengths))]
        ws = [_as_float(v, names[1]) for v in _flatten(_tolist(thickness))]
        bs = None if base is None else [_as_float(v, names[2]) for v in _flatten(_tolist(base))]
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
        if kind == "bar":
            bars = BarContainer(self, "bar", xs, hs, main, kwargs.get("label"), alpha=kwargs.get("alpha"), size=0.0)
        else:
            # barh: x holds each bar's length and y its centre, so both stay in their own axis' units
            bars = BarContainer(self, "barh", hs, xs, main, kwargs.get("label"), alpha=kwargs.get("alpha"), size=0.0)
        bars._widths = ws
        bars._bottoms = bs
        bars._colors = colors
        tick_label = kwargs.get("tick_label")
        if tick_label is not None:
            labels = [str(v) for v in _flatten(_tolist(tick_label))]
            self._ticks[pos_axis] = (list(xs), labels * n if len(labels) == 1 else labels)
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

    # -- lines and fills ---------------------------------------------------------------------------------
    def axhline(self, y=0, xmin=0, xmax=1, **kwargs):
        return self._axline("h", "axhline", y, xmin, xmax, kwargs)

    def axvline(self, x=0, ymin=0, ymax=1, **kwargs):
        return self._axline("v", "axvline", x, ymin, ymax, kwargs)

    def _axline(self, orientation, call, value, lo, hi, kwargs):
        _check_kwargs(call, kwargs, _LINE_KWARGS)
        color = kwargs.get("color", kwargs.get("c"))
        ls = _linestyle(kwargs.get("linestyle", kwargs.get("ls", "-")))
        lw = kwargs.get("linewidth", kwargs.get("lw", rcParams.get("lines.linewidth", 1.5)))
        v = self._values("y" if orientation == "h" else "x", value)
        if len(v) != 1:
            raise ValueError("%s takes a single %s value" % (call, "y" if orientation == "h" else "x"))
        line = _AxLine(
            self, orientation, v[0], _scalar(lo, "xmin"), _scalar(hi, "xmax"),
            _css_color(color) if color is not None else _cycle_color(0),  # Line2D's default lines.color, 'C0'
            ls, float(lw), kwargs.get("alpha"), kwargs.get("label"), kwargs.get("zorder"),
        )
        self._series.append(line)
        return line

    def fill_between(self, x, y1, y2=0, where=None, interpolate=False, step=None, *, data=None, **kwargs):
        return self._fill_between("x", x, y1, y2, where, interpolate, step, data, kwargs)

    def fill_betweenx(self, y, x1, x2=0, where=None, step=None, interpolate=False, *, data=None, **kwargs):
        return self._fill_between("y", y, x1, x2, where, interpolate, step, data, kwargs)

    def _fill_between(self, ind_axis, t, f1, f2, where, interpolate, step, data, kwargs):
        call = "fill_between" if ind_axis == "x" else "fill_betweenx"
        if data is not None:
            raise _unsupported_arg("%s(data=...)" % call)
        if step is not None:
            raise _unsupported_arg("%s(step=%r)" % (call, step))
        _check_kwargs(call, kwargs, _FILL_KWARGS)
        dep_axis = "y" if ind_axis == "x" else "x"
        ts = self._values(ind_axis, t)
        n = len(ts)

        def column(v, name):
            vals = [_as_float(u, name) for u in _flatten(_tolist(v))]
            if len(vals) == 1:
                return vals * n
            if len(vals) != n:
                raise ValueError("%s must be a scalar or have the same length as %s (%d), not %d" % (name, ind_axis, n, len(vals)))
            return vals

        a = column(f1, dep_axis + "1")
        b = column(f2, dep_axis + "2")
        mask = [True] * n if where is None else [bool(v) for v in _flatten(_tolist(where))]
        if len(mask) != n:
            raise ValueError("where size (%d) does not match %s size (%d)" % (len(mask), ind_axis, n))
        mask = [m and math.isfinite(ts[i]) and math.isfinite(a[i]) and math.isfinite(b[i]) for i, m in enumerate(mask)]
        polygons = []
        i = 0
        while i < n:
            if not mask[i]:
                i += 1
                continue
            j = i
            while j < n and mask[j]:
                j += 1
            top = [(ts[k], a[k]) for k in range(i, j)]
            bottom = [(ts[k], b[k]) for k in range(i, j)]
            if interpolate and where is not None:
                # extend the run to where the two curves cross, as matplotlib does with interpolate=True
                for edge, inside, outside in ((0, i, i - 1), (1, j - 1, j)):
                    if 0 <= outside < n:
                        d0 = a[inside] - b[inside]
                        d1 = a[outside] - b[outside]
                        if d0 != d1 and math.isfinite(d1):
                            f = d0 / (d0 - d1)
                            tc = ts[inside] + f * (ts[outside] - ts[inside])
                            yc = a[inside] + f * (a[outside] - a[inside])
                            if edge == 0:
                                top.insert(0, (tc, yc))
                                bottom.insert(0, (tc, yc))
                            else:
                                top.append((tc, yc))
                                bottom.append((tc, yc))
            pts = top + bottom[::-1]
            if ind_axis == "y":
                pts = [(p[1], p[0]) for p in pts]
            polygons.append(pts)
            i = j
        color = kwargs.get("color")
        face = kwargs.get("facecolor", kwargs.get("fc", color))
        edge = kwargs.get("edgecolor", kwargs.get("ec", color))
        face = _css_color(face) if face is not None else self._next_patch_color()
        lw = kwargs.get("linewidth", kwargs.get("lw"))
        coll = PolyCollection(
            self, polygons, face, None if edge is None else _css_color(edge),
            1.0 if lw is None else float(lw), kwargs.get("alpha"), kwargs.get("label"), kwargs.get("zorder"),
        )
        self._series.append(coll)
        return coll

    def errorbar(self, x, y, yerr=None, xerr=None, fmt="", ecolor=None, elinewidth=None, capsize=None, barsabove=False, lolims=False, uplims=False, xlolims=False, xuplims=False, errorevery=1, capthick=None, *, data=None, **kwargs):
        if data is not None:
            raise _unsupported_arg("errorbar(data=...)")
        for name, value in (("lolims", lolims), ("uplims", uplims), ("xlolims", xlolims), ("xuplims", xuplims)):
            if value:
                raise _unsupported_arg("errorbar(%s=True)" % name)
        if errorevery != 1:
            raise _unsupported_arg("errorbar(errorevery=%r)" % (errorevery,))
        xs = self._values("x", x)
        ys = self._values("y", y)
        if len(xs) != len(ys):
            raise ValueError("'x' and 'y' must have the same size")
        label = kwargs.get("label")
        if fmt == "none" or (isinstance(fmt, str) and fmt.lower() == "none"):
            color = kwargs.get("color", kwargs.get("c"))
            color = _css_color(color) if color is not None else self._next_line_color()
            line = None
        else:
            line = self.plot(xs, ys, fmt, **kwargs)[0] if fmt else self.plot(xs, ys, **kwargs)[0]
            color = line._color
        lw = float(elinewidth) if elinewidth is not None else (line._linewidth if line is not None else float(rcParams.get("lines.linewidth", 1.5)))
        bars = LineCollection(
            self, xs, ys, _err_bounds(xerr, xs, "xerr"), _err_bounds(yerr, ys, "yerr"),
            _css_color(ecolor) if ecolor is not None else color, lw,
            float(rcParams.get("errorbar.capsize", 0.0) if capsize is None else capsize),
            kwargs.get("alpha"), 2.1 if barsabove else 1.9,
        )
        self._series.append(bars)
        return ErrorbarContainer((line, (), (bars,)), xerr is not None, yerr is not None, "" if label is None else str(label))

    # -- text ------------------------------------------------------------------------------------------
    def text(self, x, y, s, fontdict=None, **kwargs):
        merged = {**(fontdict or {}), **kwargs}
        t = Text(self, _scalar(x, "x"), _scalar(y, "y"), s, "data", merged)
        self._series.append(t)
        return t

    def annotate(self, text, xy, xytext=None, xycoords="data", textcoords=None, arrowprops=None, annotation_clip=None, **kwargs):
        a = Annotation(self, text, xy, xytext, xycoords, textcoords, arrowprops, kwargs)
        self._series.append(a)
        return a

    # -- images and contours ---------------------------------------------------------------------------
    def imshow(self, X, cmap=None, norm=None, *, aspect=None, interpolation=None, alpha=None, vmin=None, vmax=None, origin=None, extent=None, data=None, **kwargs):
        if data is not None:
            raise _unsupported_arg("imshow(data=...)")
        _check_imshow_kwargs(kwargs)
        im = AxesImage(
            self, X, cmap, norm, vmin, vmax, alpha, origin or rcParams.get("image.origin", "upper"), extent,
            interpolation, kwargs.get("zorder"), kwargs.get("label"),
        )
        self.set_aspect(rcParams.get("image.aspect", "equal") if aspect is None else aspect)
        x0, x1, y0, y1 = im.get_extent()
        # matplotlib's imshow sets the view to the image's extent (inverted y for origin='upper')
        if self._lims["x"] is None:
            self.set_xlim(x0, x1)
        if self._lims["y"] is None:
            self.set_ylim(y0, y1)
        self._series.append(im)
        self._current_image = im
        return im

    def contour(self, *args, data=None, **kwargs):
        return self._contour(args, False, data, kwargs)

    def contourf(self, *args, data=None, **kwargs):
        return self._contour(args, True, data, kwargs)

    def _contour(self, args, filled, data, kwargs):
        if data is not None:
            raise _unsupported_arg("%s(data=...)" % ("contourf" if filled else "contour"))
        if not args:
            raise TypeError("%s() missing the required argument Z" % ("contourf" if filled else "contour"))
        cs = QuadContourSet(self, args, filled, kwargs)
        self._series.append(cs)
        self._current_image = cs
        return cs

    def clabel(self, CS, levels=None, **kwargs):
        raise NotImplementedError("clabel() is not supported by the Autograd Playground's matplotlib: contour lines are drawn without labels")



def _err_bounds(err, values, name):
    """(lows, highs) in data coordinates from errorbar's xerr/yerr: a scalar, one value per point, or a 2×N
    array of (below, above) distances."""
    if err is None:
        return None
    e = _tolist(err)
    n = len(values)
    if isinstance(e, list) and len(e) == 2 and all(isinstance(r, list) for r in e):
        below, above = ([_as_float(v, name) for v in r] for r in e)
    else:
        flat = [_as_float(v, name) for v in _flatten(e if isinstance(e, list) else [e])]
        if len(flat) == 1:
            flat = flat * n
        below = above = flat
    if len(below) != n or len(above) != n:
        raise ValueError("'%s' (shape: (%d,)) must be a scalar or a 1D or (2, n) array-like whose shape matches '%s' (shape: (%d,))" % (name, len(below), name[0], n))
    if any(v < 0 for v in below + above):
        raise ValueError("'%s' must not contain negative values" % name)
    return [v - d for v, d in zip(values, below)], [v + d for v, d in zip(values, above)]


_LINE_KWARGS = frozenset({"color", "c", "linestyle", "ls", "linewidth", "lw", "alpha", "label", "zorder"})
_FILL_KWARGS = frozenset({"color", "facecolor", "fc", "edgecolor", "ec", "alpha", "label", "linewidth", "lw", "zorder"})


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

