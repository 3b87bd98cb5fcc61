"""Colorbar: what fig.colorbar()/plt.colorbar() return. It belongs to the Axes it was made for, and the renderers
draw it at that Axes' right, taking room from it as matplotlib's does (the `colorbar` entry of the axes).

A filled contour set gives a bar of discrete bands at its levels; images, contour lines and scatter colours give
a continuous gradient over vmin..vmax.
"""

from matplotlib import _unsupported, _unsupported_arg, _unsupported_getattr
from matplotlib.artists import _check_kwargs
from matplotlib.cbook import _flatten, _floats, _text, _tolist
from matplotlib.colors import Normalize, ScalarMappable, _ScalarMappable
from matplotlib.ticker import Formatter, FuncFormatter, Locator, StrMethodFormatter

_KWARGS = {"label", "orientation", "shrink", "fraction", "pad", "aspect", "ticks", "format", "extend", "location", "drawedges", "spacing", "boundaries", "values", "anchor", "panchor", "use_gridspec"}


def _mappable_of(obj):
    """A ScalarMappable for what scatter(c=values) returned, or the image/contour set itself."""
    if isinstance(obj, _ScalarMappable):
        return obj
    spec = getattr(obj, "_mappable", None)
    if spec is not None:
        cmap, vmin, vmax, values = spec
        sm = ScalarMappable(Normalize(vmin, vmax), cmap)
        sm.set_array(values)
        return sm
    raise ValueError(
        "Unable to determine Axes to steal space for Colorbar. Either provide the *cax* argument to use as the Axes "
        "for the Colorbar, provide the *ax* argument to steal space from it, or add *mappable* to an Axes."
        if obj is None
        else "the Autograd Playground's colorbar() takes what imshow(), contour(), contourf() or scatter(c=values) returned, not %s" % type(obj).__name__
    )


class _ColorbarAxes:
    """cbar.ax: the label and ticks scripts set on a colorbar's own Axes."""

    def __init__(self, cbar):
        self._cbar = cbar

    def set_ylabel(self, label, fontdict=None, labelpad=None, **kwargs):
        self._cbar.set_label(label)

    def set_title(self, label, fontdict=None, loc=None, pad=None, **kwargs):
        self._cbar.set_label(label)

    def set_yticks(self, ticks, labels=None, *, minor=False, **kwargs):
        self._cbar.set_ticks(ticks, labels=labels)

    def set_yticklabels(self, labels, *, minor=False, **kwargs):
        self._cbar.set_ticklabels(labels)

    def tick_params(self, axis="both", **kwargs):
        """Accepted, as Axes.tick_params: the renderers lay ticks out themselves."""

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise _unsupported("Colorbar.ax", name)


class Colorbar:
    def __init__(self, mappable, parent, kwargs):
        _check_kwargs("colorbar", kwargs, _KWARGS)
        orientation = kwargs.get("orientation", "vertical")
        location = kwargs.get("location")
        if orientation != "vertical" or location not in (None, "right"):
            raise _unsupported_arg("colorbar(orientation=%r)" % (location or orientation,))
        for key in ("boundaries", "values", "anchor", "panchor"):
            if kwargs.get(key) is not None:
                raise _unsupported_arg("colorbar(%s=...)" % key)
        if kwargs.get("drawedges"):
            raise _unsupported_arg("colorbar(drawedges=True)")
        if kwargs.get("spacing", "uniform") != "uniform":
            raise _unsupported_arg("colorbar(spacing=%r)" % (kwargs["spacing"],))
        self.mappable = _mappable_of(mappable)
        self.mappable.colorbar = self
        self._parent = parent
        self.ax = _ColorbarAxes(self)
        self._label = _text(kwargs.get("label"))
        self._shrink = float(kwargs.get("shrink", 1.0))
        self._ticks = None
        self._ticklabels = None
        self._formatter = None
        if kwargs.get("ticks") is not None:
            self.set_ticks(kwargs["ticks"])
        fmt = kwargs.get("format")
        if fmt is not None:
            self._formatter = StrMethodFormatter(fmt) if isinstance(fmt, str) and "{" in fmt else (
                FuncFormatter(lambda x, pos: fmt % x) if isinstance(fmt, str) else fmt
            )
            if not isinstance(self._formatter, Formatter):
                raise TypeError("format must be a format string or a matplotlib.ticker.Formatter")

    def set_label(self, label, *, loc=None, **kwargs):
        self._label = _text(label)

    def set_ticks(self, ticks, update_ticks=True, labels=None, *, minor=False, **kwargs):
        if isinstance(ticks, Locator):
            lo, hi = self._range()
            ticks = ticks.tick_values(lo, hi)
        self._ticks = _floats(_flatten(_tolist(ticks)), "ticks")
        if labels is not None:
            self.set_ticklabels(labels)

    def set_ticklabels(self, ticklabels, *, minor=False, **kwargs):
        self._ticklabels = [str(v) for v in _flatten(_tolist(ticklabels))]

    def _range(self):
        _lut, vmin, vmax, _bounds = self.mappable._colorbar_spec()
        return vmin, vmax

    def remove(self):
        if self._parent._colorbar is self:
            self._parent._colorbar = None

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise _unsupported("Colorbar", name)

    def _event(self):
        colors, vmin, vmax, bounds = self.mappable._colorbar_spec()
        values = self._ticks
        if values is None and bounds is not None:
            values = list(bounds)
        ticks = None
        if values is not None or self._formatter is not None:
            if values is None:
                from matplotlib.ticker import MaxNLocator

                values = MaxNLocator(nbins="auto", steps=[1, 2, 2.5, 5, 10]).tick_values(vmin, vmax)
            labels = None
            if self._ticklabels is not None:
                labels = [self._ticklabels[i] if i < len(self._ticklabels) else "" for i in range(len(values))]
            elif self._formatter is not None:
                labels = [str(s) for s in self._formatter.format_ticks(values)]
            ticks = {"values": list(values), "labels": labels}
        alpha = getattr(self.mappable, "_alpha", None)
        return {
            "colors": colors,
            "vmin": vmin,
            "vmax": vmax,
            "boundaries": None if bounds is None else list(bounds),
            "label": self._label,
            "ticks": ticks,
            "shrink": self._shrink,
            "alpha": 1.0 if alpha is None else float(alpha),
        }


__getattr__ = _unsupported_getattr("matplotlib.colorbar")
