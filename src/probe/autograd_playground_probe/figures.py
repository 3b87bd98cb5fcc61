"""matplotlib figures as the playground's `figure` events (FigureEvent in src/protocol/events.ts).

The run uses the Agg backend (the host sets MPLBACKEND); plt.show() sends every open figure and closes them
as a blocking show() would (nothing opens a window), and Figure.savefig writes the file as usual and sends the
figure too. Nothing here imports matplotlib: the patch is applied when the script imports matplotlib.pyplot.

What is sent: per axes its grid cell, title, labels, final view limits, scales, grid, legend and location,
and its lines (plot), scatters and bars, with colours, styles, markers, sizes and labels. Not sent yet (the
playground sends them): fills, reference lines, error bars, text, images, contours, colorbars, fixed ticks,
twin axes; their axes still come with the series they have.
"""

import importlib.abc
import importlib.util
import sys

from . import channel

FIGURE_MAX_POINTS = 10000
_LEGEND_LOCS = {0: "best", 1: "upper right", 2: "upper left", 3: "lower left", 4: "lower right", 5: "right",
                6: "center left", 7: "center right", 8: "lower center", 9: "upper center", 10: "center"}
_LINESTYLES = {"-": "-", "solid": "-", "--": "--", "dashed": "--", ":": ":", "dotted": ":", "-.": "-.", "dashdot": "-."}


def _floats(values):
    out = []
    for v in values:
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            out.append(float("nan"))
    return out


def _thin(xs, ys):
    n = len(xs)
    if n <= FIGURE_MAX_POINTS:
        return xs, ys
    idx = [round(i * (n - 1) / (FIGURE_MAX_POINTS - 1)) for i in range(FIGURE_MAX_POINTS)]
    return [xs[i] for i in idx], [ys[i] for i in idx]


def _color(mcolors, c):
    try:
        rgba = mcolors.to_rgba(c)
    except (ValueError, TypeError):
        return "#000000"
    return mcolors.to_hex(rgba, keep_alpha=rgba[3] < 1)


def _label(artist, legend_on):
    label = artist.get_label()
    if not legend_on or not isinstance(label, str) or not label or label.startswith("_"):
        return None
    return label


def _series_base(kind, xs, ys, label, color, alpha):
    n = len(xs)
    xs, ys = _thin(xs, ys)
    return {"kind": kind, "x": xs, "y": ys, "pointCount": n, "label": label, "color": color, "linestyle": "none",
            "marker": None, "alpha": 1.0 if alpha is None else float(alpha), "linewidth": None, "size": 6.0,
            "colors": None, "sizes": None, "widths": None, "bottoms": None}


def _line(mcolors, line, legend_on):
    xs, ys = line.get_data()
    s = _series_base("line", _floats(xs), _floats(ys), _label(line, legend_on), _color(mcolors, line.get_color()), line.get_alpha())
    ls = line.get_linestyle()
    s["linestyle"] = _LINESTYLES.get(ls, "none")
    marker = line.get_marker()
    s["marker"] = None if marker in (None, "None", "none", "", " ") else str(marker)
    s["linewidth"] = float(line.get_linewidth())
    s["size"] = float(line.get_markersize())
    return s


def _scatter(mcolors, coll, legend_on):
    offsets = coll.get_offsets()
    xs = _floats(offsets[:, 0]) if len(offsets) else []
    ys = _floats(offsets[:, 1]) if len(offsets) else []
    faces = coll.get_facecolors()
    colors = [_color(mcolors, tuple(c)) for c in faces]
    s = _series_base("scatter", xs, ys, _label(coll, legend_on), colors[0] if colors else "#1f77b4", coll.get_alpha())
    if len(colors) > 1:
        s["colors"] = colors[: len(s["x"])]
    sizes = coll.get_sizes()
    if len(sizes):
        s["size"] = float(sizes[0]) ** 0.5
        if len(sizes) > 1:
            s["sizes"] = [float(v) ** 0.5 for v in sizes[: len(s["x"])]]
    return s


def _bars(mcolors, container, legend_on):
    patches = list(container.patches)
    horizontal = getattr(container, "orientation", "vertical") == "horizontal"
    xs, ys, widths, bottoms = [], [], [], []
    for p in patches:
        x, y, w, h = p.get_x(), p.get_y(), p.get_width(), p.get_height()
        if horizontal:
            xs.append(float(w)), ys.append(float(y + h / 2)), widths.append(float(h)), bottoms.append(float(x))
        else:
            xs.append(float(x + w / 2)), ys.append(float(h)), widths.append(float(w)), bottoms.append(float(y))
    first = patches[0] if patches else None
    color = _color(mcolors, first.get_facecolor()) if first is not None else "#1f77b4"
    s = _series_base("barh" if horizontal else "bar", xs, ys, _label(container, legend_on), color, None if first is None else first.get_alpha())
    s["widths"] = widths
    s["bottoms"] = bottoms if any(bottoms) else None
    return s


def _grid_cell(ax):
    get = getattr(ax, "get_subplotspec", None)
    spec = get() if get is not None else None
    if spec is None:
        return 0, 0, 1, 1, 1, 1
    rows, cols = spec.get_gridspec().get_geometry()
    try:
        rs, cs = spec.rowspan, spec.colspan
        return rs.start, cs.start, rows, cols, len(rs), len(cs)
    except AttributeError:
        _, _, start, _ = spec.get_geometry()
        return start // cols, start % cols, rows, cols, 1, 1


def _axes(mcolors, ax):
    row, col, rows, cols, row_span, col_span = _grid_cell(ax)
    legend = ax.get_legend()
    legend_on = legend is not None
    series = []
    in_bars = set()
    for container in getattr(ax, "containers", []):
        if hasattr(container, "patches"):
            series.append(_bars(mcolors, container, legend_on))
            in_bars.update(id(p) for p in container.patches)
    for coll in ax.collections:
        if type(coll).__name__ == "PathCollection":
            series.append(_scatter(mcolors, coll, legend_on))
    for line in ax.get_lines():
        series.append(_line(mcolors, line, legend_on))
    grid = any(g.get_visible() for g in ax.get_xgridlines()) or any(g.get_visible() for g in ax.get_ygridlines())
    scale = lambda s: s if s in ("linear", "log") else "linear"  # noqa: E731
    return {
        "row": row, "col": col, "rows": rows, "cols": cols, "rowSpan": row_span, "colSpan": col_span,
        "title": ax.get_title() or None, "xlabel": ax.get_xlabel() or None, "ylabel": ax.get_ylabel() or None,
        "xlim": [float(v) for v in ax.get_xlim()], "ylim": [float(v) for v in ax.get_ylim()],
        "xscale": scale(ax.get_xscale()), "yscale": scale(ax.get_yscale()),
        "xticks": None, "yticks": None, "grid": bool(grid), "legend": legend_on,
        "legendLoc": _LEGEND_LOCS.get(getattr(legend, "_loc", 0), "best") if legend_on else "best",
        "series": series,
    }


def figure_event(fig, reason, path):
    import matplotlib.colors as mcolors

    get_suptitle = getattr(fig, "get_suptitle", None)
    suptitle = get_suptitle() if get_suptitle is not None else None
    w, h = fig.get_size_inches()
    return {"type": "figure", "reason": reason, "savefigPath": path, "figsize": [float(w), float(h)],
            "suptitle": suptitle or None, "axes": [_axes(mcolors, ax) for ax in fig.get_axes()]}


def _send(fig, reason, path):
    try:
        channel.emit(figure_event(fig, reason, path))
    except Exception as failure:
        sys.stderr.write("autograd-playground: could not send a figure: %r\n" % (failure,))


def _savefig_path(fname):
    import os

    if isinstance(fname, bytes):
        return fname.decode("utf-8", "replace")
    if isinstance(fname, (str, os.PathLike)):
        return str(os.fspath(fname))
    name = getattr(fname, "name", None)
    return name if isinstance(name, str) else None


def _patch(pyplot):
    import matplotlib
    from matplotlib.figure import Figure

    real_savefig = Figure.savefig

    def savefig(self, fname, *args, **kwargs):
        result = real_savefig(self, fname, *args, **kwargs)
        _send(self, "savefig", _savefig_path(fname))
        return result

    savefig.__wrapped__ = real_savefig
    Figure.savefig = savefig

    def show(*args, block=None, **kwargs):
        for num in pyplot.get_fignums():
            _send(pyplot.figure(num), "show", None)
        # As a blocking show() returns once its windows are closed: the figures are gone, the next plot starts
        # a new one; interactive mode or block=False keep them (live-updating loops).
        if block is None:
            block = not matplotlib.is_interactive()
        if block:
            pyplot.close("all")

    show.__wrapped__ = pyplot.show
    pyplot.show = show


class _Loader(importlib.abc.Loader):
    def __init__(self, inner):
        self.inner = inner

    def create_module(self, spec):
        return self.inner.create_module(spec)

    def exec_module(self, module):
        self.inner.exec_module(module)
        try:
            _patch(module)
        except Exception as failure:
            sys.stderr.write("autograd-playground: figures will not reach the panel: %r\n" % (failure,))


class _Finder(importlib.abc.MetaPathFinder):
    busy = False

    def find_spec(self, name, path, target=None):
        if name != "matplotlib.pyplot" or self.busy:
            return None
        self.busy = True
        try:
            spec = importlib.util.find_spec(name)
        finally:
            self.busy = False
        if spec is None or spec.loader is None:
            return None
        spec.loader = _Loader(spec.loader)
        return spec


def install():
    """Patches pyplot when the script imports it (or now, if it is already imported)."""
    if "matplotlib.pyplot" in sys.modules:
        _patch(sys.modules["matplotlib.pyplot"])
    else:
        sys.meta_path.insert(0, _Finder())
