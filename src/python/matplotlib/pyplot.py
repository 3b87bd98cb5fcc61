"""matplotlib.pyplot that records figures instead of drawing them: the state machine, nothing more.

show() and savefig() send the figure, series data included, as a `figure` event (FigureEvent in
src/protocol/events.ts); the panel and the CLI draw it. savefig() writes nothing: it records the path it was
given. Data may be lists, tuples, ranges, torch tensors (requires_grad or not) or anything with `tolist()`.
The state machine follows matplotlib's: numbered figures, a current figure (each keeping its current axes),
show() closing what it showed, and plt.* functions that act on the current figure or axes. What they act on
lives in figure.py, axes.py, artists.py and colors.py.
"""

import operator

from _playground import hooks as _hooks
import matplotlib
from matplotlib import _emit_figure, _unsupported, rcParams
from matplotlib.figure import Figure, _subplot_spec

# Not used here: scripts reach these as plt.Line2D, plt.Axes, plt.cm, plt.get_cmap, as real pyplot allows.
from matplotlib.artists import BarContainer, Line2D, PathCollection, Rectangle
from matplotlib.axes import Axes
from matplotlib.colors import Colormap, Normalize, cm, get_cmap
from matplotlib.text import Annotation, Text
from matplotlib.ticker import (
    AutoLocator, FixedFormatter, FixedLocator, FormatStrFormatter, Formatter, FuncFormatter, LinearLocator, Locator,
    MaxNLocator, MultipleLocator, NullFormatter, NullLocator, ScalarFormatter, TickHelper,
)

# ---- pyplot state ------------------------------------------------------------------------------------

_figures = {}
_current = None


def _reset():
    global _current
    _figures.clear()
    _current = None


_hooks.on_run_start(_reset)


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
        _emit_figure(fig, "show", None)
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


def barh(*args, **kwargs):
    return gca().barh(*args, **kwargs)


def errorbar(*args, **kwargs):
    return gca().errorbar(*args, **kwargs)


def fill_between(*args, **kwargs):
    return gca().fill_between(*args, **kwargs)


def fill_betweenx(*args, **kwargs):
    return gca().fill_betweenx(*args, **kwargs)


def axhline(*args, **kwargs):
    return gca().axhline(*args, **kwargs)


def axvline(*args, **kwargs):
    return gca().axvline(*args, **kwargs)


def text(*args, **kwargs):
    return gca().text(*args, **kwargs)


def annotate(*args, **kwargs):
    return gca().annotate(*args, **kwargs)


def figtext(*args, **kwargs):
    return gcf().text(*args, **kwargs)


def imshow(*args, **kwargs):
    return gca().imshow(*args, **kwargs)


def contour(*args, **kwargs):
    return gca().contour(*args, **kwargs)


def contourf(*args, **kwargs):
    return gca().contourf(*args, **kwargs)


def clabel(*args, **kwargs):
    return gca().clabel(*args, **kwargs)


def twinx(ax=None):
    return (gca() if ax is None else ax).twinx()


def twiny(ax=None):
    return (gca() if ax is None else ax).twiny()


def gci():
    """The current image-like artist (the last imshow, contour, contourf or colour-mapped scatter)."""
    fig = gcf()
    for ax in [fig._gca] + list(reversed(fig._axes)):
        if ax is not None and ax._current_image is not None:
            return ax._current_image
    return None


def colorbar(mappable=None, cax=None, ax=None, **kwargs):
    if mappable is None:
        mappable = gci()
    return gcf().colorbar(mappable, cax=cax, ax=ax, **kwargs)


def clim(vmin=None, vmax=None):
    im = gci()
    if im is None:
        raise RuntimeError("You must first define an image, e.g., with imshow")
    im.set_clim(vmin, vmax)


def axis(arg=None, /, *, emit=True, **kwargs):
    return gca().axis(arg, emit=emit, **kwargs)


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


# ---- settings ----------------------------------------------------------------------------------------


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


def rc(group, **kwargs):
    matplotlib.rc(group, **kwargs)


def rcdefaults():
    matplotlib.rcdefaults()


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError("module 'matplotlib.pyplot' has no attribute %r" % name)
    raise _unsupported("matplotlib.pyplot", name)
