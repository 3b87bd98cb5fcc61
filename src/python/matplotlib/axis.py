"""ax.xaxis and ax.yaxis: the tick locator and formatter of one axis, and the tick positions and labels the
figure event carries for it.

Without a locator or formatter set, an axis leaves its ticks to the renderers (automatic ticks, or the fixed
ones set_xticks/xticks gave). With one, the ticks are worked out here at show()/savefig() time on the axis'
view limits, as matplotlib does at draw time.
"""

import math

from matplotlib import _unsupported, rcParams
from matplotlib.ticker import (
    AutoLocator, FixedFormatter, Formatter, FuncFormatter, Locator, NullFormatter, NullLocator, ScalarFormatter,
    StrMethodFormatter,
)

# matplotlib's default subplot box as a fraction of the figure (figure.subplot.left/right/bottom/top).
_BOX_WIDTH = 0.9 - 0.125
_BOX_HEIGHT = 0.88 - 0.11


class Axis:
    """One axis of an Axes; XAxis and YAxis differ only in which coordinate they hold."""

    axis_name = None

    def __init__(self, axes):
        self.axes = axes
        self._major_locator = None
        self._major_formatter = None
        self._minor_locator = None
        self._minor_formatter = None
        self._visible = True

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise _unsupported(type(self).__name__, name)

    # -- locators and formatters -------------------------------------------------------------------------
    def set_major_locator(self, locator):
        if not isinstance(locator, Locator):
            raise TypeError("locator must be a subclass of matplotlib.ticker.Locator")
        locator.set_axis(self)
        self._major_locator = locator
        # a locator replaces set_xticks' fixed positions, as it replaces matplotlib's FixedLocator
        self.axes._ticks[self.axis_name] = None

    def set_major_formatter(self, formatter):
        self._major_formatter = self._as_formatter(formatter)

    def set_minor_locator(self, locator):
        if not isinstance(locator, Locator):
            raise TypeError("locator must be a subclass of matplotlib.ticker.Locator")
        locator.set_axis(self)
        self._minor_locator = locator

    def set_minor_formatter(self, formatter):
        formatter = self._as_formatter(formatter)
        if not isinstance(formatter, NullFormatter):
            raise NotImplementedError(
                "set_minor_formatter(%s) is not supported: the Autograd Playground draws minor ticks without "
                "labels (NullFormatter)" % type(formatter).__name__
            )
        self._minor_formatter = formatter

    def _as_formatter(self, formatter):
        if isinstance(formatter, str):
            formatter = StrMethodFormatter(formatter)
        elif callable(formatter) and not isinstance(formatter, Formatter):
            formatter = FuncFormatter(formatter)
        if not isinstance(formatter, Formatter):
            raise TypeError("formatter must be a subclass of matplotlib.ticker.Formatter")
        formatter.set_axis(self)
        return formatter

    def get_major_locator(self):
        if self._major_locator is None:
            self._major_locator = AutoLocator()
            self._major_locator.set_axis(self)
        return self._major_locator

    def get_major_formatter(self):
        if self._major_formatter is None:
            self._major_formatter = ScalarFormatter()
            self._major_formatter.set_axis(self)
        return self._major_formatter

    def get_minor_locator(self):
        return self._minor_locator if self._minor_locator is not None else NullLocator()

    def get_minor_formatter(self):
        return self._minor_formatter if self._minor_formatter is not None else NullFormatter()

    # -- ticks --------------------------------------------------------------------------------------------
    def set_ticks(self, ticks, labels=None, *, minor=False, **kwargs):
        if kwargs:
            raise TypeError("Axis.set_ticks(%s=...) is not supported by the Autograd Playground's matplotlib" % next(iter(kwargs)))
        if minor:
            from matplotlib.ticker import FixedLocator

            self.set_minor_locator(FixedLocator(ticks))
            return
        self.axes._set_ticks(self.axis_name, ticks, labels)
        self._major_locator = None

    def set_ticklabels(self, labels, *, minor=False, **kwargs):
        if minor:
            raise NotImplementedError("set_ticklabels(minor=True) is not supported: minor ticks have no labels here")
        self.axes._set_ticklabels(self.axis_name, labels)
        self._major_formatter = None

    def get_view_interval(self):
        return self.axes._limits(self.axis_name)

    def get_tick_space(self):
        # matplotlib: the axis length in points over 3 (x) or 2 (y) label heights
        fig = self.axes.figure
        w, h = fig._figsize
        rows, cols, _r, _c, rowspan, colspan = self.axes._spec
        if self.axis_name == "x":
            length = w * 72 * _BOX_WIDTH * colspan / cols
            return int(math.floor(length / (float(rcParams.get("font.size", 10.0)) * 3)))
        length = h * 72 * _BOX_HEIGHT * rowspan / rows
        return int(math.floor(length / (float(rcParams.get("font.size", 10.0)) * 2)))

    def set_visible(self, b):
        self._visible = bool(b)

    def get_visible(self):
        return self._visible

    def _has_ticker(self):
        return self._major_locator is not None or self._major_formatter is not None or self._minor_locator is not None

    def _ticks_event(self, fixed):
        """The event's ticks for this axis: `fixed` is set_xticks' (values, labels) or None."""
        if not self._has_ticker():
            return None
        lo, hi = self.get_view_interval()
        cats = self.axes._categories[self.axis_name]
        if fixed is not None:
            values, labels = list(fixed[0]), None if fixed[1] is None else list(fixed[1])
        elif self._major_locator is None and cats:
            # a categorical axis keeps its ticks at the categories (matplotlib's StrCategoryLocator)
            values = [float(i) for i in range(len(cats))]
            labels = list(cats) if self._major_formatter is None else None
        else:
            values, labels = [float(v) for v in self.get_major_locator().tick_values(lo, hi)], None
        out = {"values": values, "labels": labels}
        if labels is None and self._major_formatter is not None and not isinstance(self._major_formatter, ScalarFormatter):
            if isinstance(self._major_formatter, FixedFormatter):
                out["labels"] = [self._major_formatter(v, i) for i, v in enumerate(values)]
            else:
                out["labels"] = [str(s) for s in self._major_formatter.format_ticks(values)]
        if self._minor_locator is not None:
            if isinstance(self._minor_locator, NullLocator):
                out["minor"] = []
            elif hasattr(self._minor_locator, "_minor"):
                out["minor"] = self._minor_locator._minor(values, lo, hi)
            else:
                out["minor"] = [float(v) for v in self._minor_locator.tick_values(lo, hi)]
        return out


class XAxis(Axis):
    axis_name = "x"


class YAxis(Axis):
    axis_name = "y"
