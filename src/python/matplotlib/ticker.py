"""matplotlib.ticker: where ticks go (locators) and what they say (formatters), as matplotlib 3.6 computes them.

A locator or formatter set on an axis (ax.xaxis.set_major_locator, set_major_formatter) is applied here, in
Python, when the figure is sent: the event then carries the tick positions and their label texts, which the
panel and the CLI draw as given. Axes without them keep the renderers' automatic ticks.
"""

import math

from matplotlib import _unsupported_getattr, rcParams

_MINUS = "\u2212"


def _nonsingular(vmin, vmax, expander=0.001, tiny=1e-15, increasing=True):
    """matplotlib.transforms.nonsingular: widen a zero-width or tiny interval so ticks can be placed."""
    if not (math.isfinite(vmin) and math.isfinite(vmax)):
        return -expander, expander
    swapped = False
    if vmax < vmin:
        vmin, vmax = vmax, vmin
        swapped = True
    vmin, vmax = float(vmin), float(vmax)
    maxabs = max(abs(vmin), abs(vmax))
    if maxabs < (1e6 / tiny) * 2.2250738585072014e-308:
        vmin, vmax = -expander, expander
    elif vmax - vmin <= maxabs * tiny:
        if vmax == 0 and vmin == 0:
            vmin, vmax = -expander, expander
        else:
            vmin -= expander * abs(vmin)
            vmax += expander * abs(vmax)
    if swapped and not increasing:
        vmin, vmax = vmax, vmin
    return vmin, vmax


def _scale_range(vmin, vmax, n=1, threshold=100):
    dv = abs(vmax - vmin)
    meanv = (vmax + vmin) / 2
    if abs(meanv) / dv < threshold:
        offset = 0
    else:
        offset = math.copysign(10 ** (math.log10(abs(meanv)) // 1), meanv)
    return 10 ** (math.log10(dv / n) // 1), offset


class _EdgeInteger:
    """Integer multiples of `step` that tolerate floating-point error near the interval's edges."""

    def __init__(self, step, offset):
        if step <= 0:
            raise ValueError("'step' must be positive")
        self.step = step
        self._offset = abs(offset)

    def closeto(self, ms, edge):
        if self._offset > 0:
            digits = math.log10(self._offset / self.step)
            tol = min(0.4999, max(1e-10, 10 ** (digits - 12)))
        else:
            tol = 1e-10
        return abs(ms - edge) < tol

    def le(self, x):
        d, m = divmod(x, self.step)
        return d + 1 if self.closeto(m / self.step, 1) else d

    def ge(self, x):
        d, m = divmod(x, self.step)
        return d if self.closeto(m / self.step, 0) else d + 1


class TickHelper:
    axis = None

    def set_axis(self, axis):
        self.axis = axis

    def create_dummy_axis(self, **kwargs):
        if self.axis is None:
            self.axis = _DummyAxis(**kwargs)


class _DummyAxis:
    def __init__(self, minpos=0):
        self._view = (0.0, 1.0)

    def get_view_interval(self):
        return self._view

    def set_view_interval(self, vmin, vmax):
        self._view = (vmin, vmax)

    def get_tick_space(self):
        return 9


# ---- locators ------------------------------------------------------------------------------------------


class Locator(TickHelper):
    MAXTICKS = 1000

    def tick_values(self, vmin, vmax):
        raise NotImplementedError("Derived must override")

    def __call__(self):
        vmin, vmax = self.axis.get_view_interval()
        return self.tick_values(vmin, vmax)

    def nonsingular(self, v0, v1):
        return _nonsingular(v0, v1, expander=0.05)

    def raise_if_exceeds(self, locs):
        return locs

    def set_params(self, **kwargs):
        if kwargs:
            raise TypeError("set_params() got an unexpected keyword argument %r" % next(iter(kwargs)))


class NullLocator(Locator):
    """No ticks."""

    def tick_values(self, vmin, vmax):
        return []


class FixedLocator(Locator):
    """Ticks at the given positions (what set_xticks installs)."""

    def __init__(self, locs, nbins=None):
        from matplotlib.cbook import _flatten, _floats, _tolist

        self.locs = _floats(_flatten(_tolist(locs)), "locs")
        self.nbins = None if nbins is None else max(nbins, 2)

    def tick_values(self, vmin, vmax):
        if self.nbins is None:
            return list(self.locs)
        step = max(int(math.ceil(len(self.locs) / self.nbins)), 1)
        return self.locs[::step]


class LinearLocator(Locator):
    """`numticks` evenly spaced ticks from the lower to the upper view limit."""

    def __init__(self, numticks=None, presets=None):
        self.numticks = numticks
        self.presets = {} if presets is None else presets

    def tick_values(self, vmin, vmax):
        vmin, vmax = _nonsingular(vmin, vmax, expander=0.05)
        if vmax < vmin:
            vmin, vmax = vmax, vmin
        if (vmin, vmax) in self.presets:
            return list(self.presets[(vmin, vmax)])
        n = 11 if self.numticks is None else self.numticks
        if n == 0:
            return []
        if n == 1:
            return [vmin]
        step = (vmax - vmin) / (n - 1)
        return [vmin + i * step for i in range(n - 1)] + [vmax]


class MultipleLocator(Locator):
    """A tick at every integer multiple of `base` within the view."""

    def __init__(self, base=1.0):
        self._edge = _EdgeInteger(base, 0)

    def set_params(self, base=None, **kwargs):
        super().set_params(**kwargs)
        if base is not None:
            self._edge = _EdgeInteger(base, 0)

    def tick_values(self, vmin, vmax):
        if vmax < vmin:
            vmin, vmax = vmax, vmin
        step = self._edge.step
        vmin = self._edge.ge(vmin) * step
        n = (vmax - vmin + 0.001 * step) // step
        return [vmin - step + i * step for i in range(int(n) + 3)]


class MaxNLocator(Locator):
    """At most `nbins` intervals between ticks at nice numbers (steps of 1, 2, 2.5, 5, ... × 10ⁿ)."""

    default_params = dict(nbins=10, steps=None, integer=False, symmetric=False, prune=None, min_n_ticks=2)

    def __init__(self, nbins=None, **kwargs):
        if nbins is not None:
            kwargs["nbins"] = nbins
        self.set_params(**{**self.default_params, **kwargs})

    @staticmethod
    def _validate_steps(steps):
        steps = [float(s) for s in steps]
        if any(b <= a for a, b in zip(steps, steps[1:])) or steps[-1] > 10 or steps[0] < 1:
            raise ValueError(
                "steps argument must be an increasing sequence of numbers between 1 and 10 inclusive"
            )
        if steps[0] != 1:
            steps = [1.0] + steps
        if steps[-1] != 10:
            steps = steps + [10.0]
        return steps

    def set_params(self, **kwargs):
        if "nbins" in kwargs:
            self._nbins = kwargs.pop("nbins")
            if self._nbins != "auto":
                self._nbins = int(self._nbins)
        if "symmetric" in kwargs:
            self._symmetric = kwargs.pop("symmetric")
        if "prune" in kwargs:
            prune = kwargs.pop("prune")
            if prune not in ("upper", "lower", "both", None):
                raise ValueError("%r is not a valid value for prune; supported values are 'upper', 'lower', 'both', None" % (prune,))
            self._prune = prune
        if "min_n_ticks" in kwargs:
            self._min_n_ticks = max(1, kwargs.pop("min_n_ticks"))
        if "steps" in kwargs:
            steps = kwargs.pop("steps")
            self._steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] if steps is None else self._validate_steps(steps)
            self._extended_steps = [0.1 * s for s in self._steps[:-1]] + list(self._steps) + [10 * self._steps[1]]
        if "integer" in kwargs:
            self._integer = kwargs.pop("integer")
        super().set_params(**kwargs)

    def _raw_ticks(self, vmin, vmax):
        if self._nbins == "auto":
            space = self.axis.get_tick_space() if self.axis is not None else 9
            nbins = min(9, max(max(1, self._min_n_ticks - 1), space))
        else:
            nbins = self._nbins
        scale, offset = _scale_range(vmin, vmax, nbins)
        _vmin = vmin - offset
        _vmax = vmax - offset
        raw_step = (_vmax - _vmin) / nbins
        steps = [s * scale for s in self._extended_steps]
        if self._integer:
            steps = [s for s in steps if s < 1 or abs(s - round(s)) < 0.001]
        istep = next(i for i, s in enumerate(steps) if s >= raw_step)
        # axes.autolimit_mode is 'data' by default: no rounding of the view to ticks
        ticks = []
        for istep in reversed(range(istep + 1)):
            step = steps[istep]
            if self._integer and math.floor(_vmax) - math.ceil(_vmin) >= self._min_n_ticks - 1:
                step = max(1, step)
            best_vmin = _vmin // step * step
            edge = _EdgeInteger(step, offset)
            low = edge.le(_vmin - best_vmin)
            high = edge.ge(_vmax - best_vmin)
            ticks = [k * step + best_vmin for k in _frange(low, high + 1)]
            nticks = sum(1 for t in ticks if _vmin <= t <= _vmax)
            if nticks >= self._min_n_ticks:
                break
        return [t + offset for t in ticks]

    def tick_values(self, vmin, vmax):
        if self._symmetric:
            vmax = max(abs(vmin), abs(vmax))
            vmin = -vmax
        vmin, vmax = _nonsingular(vmin, vmax, expander=1e-13, tiny=1e-14)
        locs = self._raw_ticks(vmin, vmax)
        if self._prune == "lower":
            locs = locs[1:]
        elif self._prune == "upper":
            locs = locs[:-1]
        elif self._prune == "both":
            locs = locs[1:-1]
        return locs


def _frange(start, stop):
    """np.arange(start, stop) for the whole-number floats the locators use."""
    n = max(0, int(math.ceil(stop - start)))
    return [start + i for i in range(n)]


class AutoLocator(MaxNLocator):
    """The default: MaxNLocator(nbins='auto', steps=[1, 2, 2.5, 5, 10])."""

    def __init__(self):
        super().__init__(nbins="auto", steps=[1, 2, 2.5, 5, 10])


class AutoMinorLocator(Locator):
    """Minor ticks dividing each major interval into `n` parts (5 or 4 by default, after the major step)."""

    def __init__(self, n=None):
        self.ndivs = n

    def __call__(self):
        major = self.axis.get_major_locator()()
        vmin, vmax = self.axis.get_view_interval()
        return self._minor(major, vmin, vmax)

    def _minor(self, major, vmin, vmax):
        if len(major) < 2:
            return []
        step = major[1] - major[0]
        if self.ndivs is None:
            mantissa = 10 ** (math.log10(step) % 1)
            ndivs = 5 if any(abs(mantissa - v) <= 1e-8 + 1e-5 * v for v in (1.0, 2.5, 5.0, 10.0)) else 4
        else:
            ndivs = self.ndivs
        minor_step = step / ndivs
        lo, hi = sorted((vmin, vmax))
        t0 = major[0]
        start = math.floor((lo - t0) / minor_step)
        stop = math.ceil((hi - t0) / minor_step) + 1
        out = []
        for k in range(start, stop):
            if k % ndivs == 0:
                continue
            v = t0 + k * minor_step
            if lo <= v <= hi:
                out.append(v)
        return out

    def tick_values(self, vmin, vmax):
        raise NotImplementedError("Cannot get tick locations for a %s." % type(self).__name__)


# ---- formatters ----------------------------------------------------------------------------------------


class Formatter(TickHelper):
    locs = []

    def __call__(self, x, pos=None):
        raise NotImplementedError("Derived must override")

    def format_ticks(self, values):
        self.set_locs(values)
        return [self(value, i) for i, value in enumerate(values)]

    def set_locs(self, locs):
        self.locs = locs

    @staticmethod
    def fix_minus(s):
        return s.replace("-", _MINUS) if rcParams.get("axes.unicode_minus", True) else s


class NullFormatter(Formatter):
    """Empty labels."""

    def __call__(self, x, pos=None):
        return ""


class FixedFormatter(Formatter):
    """The given strings, one per tick position (what set_xticklabels installs)."""

    def __init__(self, seq):
        self.seq = list(seq)

    def __call__(self, x, pos=None):
        if pos is None or pos >= len(self.seq):
            return ""
        return str(self.seq[pos])


class FuncFormatter(Formatter):
    """Labels from a function of (value, position)."""

    def __init__(self, func):
        self.func = func

    def __call__(self, x, pos=None):
        return self.func(x, pos)


class FormatStrFormatter(Formatter):
    """Labels from an old-style format string: FormatStrFormatter('%.2f')."""

    def __init__(self, fmt):
        self.fmt = fmt

    def __call__(self, x, pos=None):
        return self.fmt % x


class StrMethodFormatter(Formatter):
    """Labels from a str.format string with fields x and pos: StrMethodFormatter('{x:,.0f}')."""

    def __init__(self, fmt):
        self.fmt = fmt

    def __call__(self, x, pos=None):
        return self.fmt.format(x=x, pos=pos)


class PercentFormatter(Formatter):
    """Values as percentages of `xmax`, with decimals chosen from the view's span unless given."""

    def __init__(self, xmax=100, decimals=None, symbol="%", is_latex=False):
        self.xmax = xmax + 0.0
        self.decimals = decimals
        self._symbol = symbol
        self._is_latex = is_latex

    def __call__(self, x, pos=None):
        lo, hi = self.axis.get_view_interval() if self.axis is not None else (0.0, 1.0)
        return self.fix_minus(self.format_pct(x, abs(hi - lo)))

    def format_pct(self, x, display_range):
        x = self.convert_to_pct(x)
        if self.decimals is None:
            scaled = self.convert_to_pct(display_range)
            decimals = 0 if scaled <= 0 else min(5, max(0, math.ceil(2.0 - math.log10(2.0 * scaled))))
        else:
            decimals = self.decimals
        return "{x:0.{decimals}f}".format(x=x, decimals=int(decimals)) + self.symbol

    def convert_to_pct(self, x):
        return 100.0 * (x / self.xmax)

    @property
    def symbol(self):
        return self._symbol or ""

    @symbol.setter
    def symbol(self, symbol):
        self._symbol = symbol


class ScalarFormatter(Formatter):
    """The default formatter. Its labels are left to the renderers, which format numbers the same way."""

    def __init__(self, useOffset=None, useMathText=None, useLocale=None):
        for name, value in (("useOffset", useOffset), ("useLocale", useLocale)):
            if value not in (None, True):
                raise TypeError(
                    "ScalarFormatter(%s=%r) is not supported: the Autograd Playground's renderers choose the offset "
                    "and number format themselves" % (name, value)
                )

    def __call__(self, x, pos=None):
        return self.fix_minus("%g" % x)


__getattr__ = _unsupported_getattr("matplotlib.ticker")
