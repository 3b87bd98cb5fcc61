"""matplotlib for the Autograd Playground: just enough for training scripts to plot their curves.

There is no renderer here. `matplotlib.pyplot` records figures and hands them to the host on show() and
savefig() as `figure` events (see FigureEvent in src/protocol/events.ts); the panel and the CLI (--plots)
draw them. What is not implemented raises AttributeError naming it, so a script stops at the call the
playground cannot honour instead of producing a silently wrong figure.

The modules follow real matplotlib's seams, each importing only those before it: cbook (data → floats),
colors and cm (colour specs, the cycle, colormaps, Normalize), ticker (locators and formatters), artists
(Line2D, PathCollection, Rectangle, BarContainer, the Artist base of what is drawn by kind), collections,
text, image and contour (fill_between's polygons and error bars, text and annotations, imshow, contour
sets), axis (ax.xaxis / ax.yaxis), axes (_base: an Axes' state and its event; _axes: the plotting methods),
colorbar, figure (Figure, its subplot grid, its event), and pyplot (the current figure and axes, and the
plt.* functions that act on them). This file holds rcParams and the backend: the host is reached only from
here and from pyplot's run-start reset.
"""

import warnings

from _playground import frames as _frames, hooks as _hooks

__version__ = "3.10.0"

# Named like a third-party backend so code that prints it sees that this is not a real one.
_DEFAULT_BACKEND = "module://autograd_playground"

SUPPORTED = (
    "figure, subplot(s), plot, scatter, bar, barh, hist, errorbar, fill_between, axhline/axvline, text/annotate, "
    "imshow, contour/contourf, colorbar, twinx, title/suptitle, xlabel/ylabel, legend, grid, xlim/ylim, "
    "xticks/yticks, xscale/yscale, axis, ticker locators and formatters, savefig, show, close"
)


def _unsupported(owner, name):
    """The AttributeError for anything outside the subset. `name=None` on purpose: left unset, the
    interpreter fills it in and the traceback appends "Did you mean: 'show'?" to imshow, an unrelated function."""
    return AttributeError(
        "%s.%s is not supported: the Autograd Playground's matplotlib is partial (it records %s)"
        % (owner, name, SUPPORTED),
        name=None,
    )


def _unsupported_arg(call):
    """For an argument outside the subset, e.g. call="hist(orientation='horizontal')"."""
    return TypeError("%s is not supported: the Autograd Playground's matplotlib is partial (it records %s)" % (call, SUPPORTED))


def _unsupported_getattr(module):
    """A module-level __getattr__ that raises _unsupported for `module`'s public names."""

    def __getattr__(name):
        if name.startswith("__"):
            raise AttributeError("module %r has no attribute %r" % (module, name))
        raise _unsupported(module, name)

    return __getattr__


def _warn_external(message):
    """warnings.warn attributed to the first frame outside this package, as matplotlib's warnings are."""
    warnings.warn(message, UserWarning, stacklevel=_frames.user_stacklevel())


def _emit_figure(fig, reason, path):
    """The backend, whatever use() was given: show() and savefig() hand the figure to the host as an event."""
    # `index` and `t` are filled in by the host.
    _hooks.emit_event(fig._event(reason, path))


def _default_rc():
    return {
        "backend": _DEFAULT_BACKEND,
        "figure.figsize": [6.4, 4.8],
        "figure.dpi": 100.0,
        "savefig.dpi": "figure",
        "font.size": 10.0,
        "font.family": ["sans-serif"],
        "font.sans-serif": ["DejaVu Sans", "Bitstream Vera Sans", "Arial", "Helvetica", "sans-serif"],
        "axes.unicode_minus": True,
        "axes.grid": False,
        "axes.titlesize": "large",
        "axes.labelsize": "medium",
        "lines.linewidth": 1.5,
        "lines.linestyle": "-",
        "lines.marker": "None",
        "lines.markersize": 6.0,
        "hist.bins": 10,
        "legend.loc": "best",
        "image.cmap": "viridis",
        "image.origin": "upper",
        "image.aspect": "equal",
        "errorbar.capsize": 0.0,
    }


class RcParams(dict):
    """matplotlib's settings dict. Takes any key and value (scripts set fonts for CJK text, styles, dpi);
    pyplot reads the few it honours: figure.figsize, lines.linewidth, lines.markersize, axes.grid,
    hist.bins, legend.loc, image.cmap."""

    def copy(self):
        return RcParams(self)

    def find_all(self, pattern):
        import re

        return RcParams((k, v) for k, v in self.items() if re.search(pattern, k))


rcParams = RcParams(_default_rc())
rcParamsDefault = RcParams(_default_rc())

# rc() accepts matplotlib's short names for properties.
_RC_ALIASES = {
    "lw": "linewidth",
    "ls": "linestyle",
    "c": "color",
    "fc": "facecolor",
    "ec": "edgecolor",
    "mew": "markeredgewidth",
    "aa": "antialiased",
}


def rc(group, **kwargs):
    groups = (group,) if isinstance(group, str) else tuple(group)
    for g in groups:
        for key, value in kwargs.items():
            rcParams["%s.%s" % (g, _RC_ALIASES.get(key, key))] = value


def rcdefaults():
    rcParams.clear()
    rcParams.update(_default_rc())


def use(backend, *, force=True):
    """Accepted for any backend name and otherwise ignored: whatever the script asks for, the playground
    behaves as one interactive backend (show() sends the figures to the panel and closes them)."""
    if not isinstance(backend, str):
        raise TypeError("backend must be a string, not %s" % type(backend).__name__)
    rcParams["backend"] = backend


def get_backend():
    return rcParams["backend"]


_interactive = False


def interactive(b):
    global _interactive
    _interactive = bool(b)


def is_interactive():
    return _interactive


def _reset():
    global _interactive
    rcdefaults()
    _interactive = False


_hooks.on_run_start(_reset)


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError("module 'matplotlib' has no attribute %r" % name)
    raise _unsupported("matplotlib", name)
