"""matplotlib.axes: the Axes class (state in _base.py, plotting methods in _axes.py, as in matplotlib)."""

from matplotlib import _unsupported_getattr
from matplotlib.axes._axes import Axes

__all__ = ["Axes"]

__getattr__ = _unsupported_getattr("matplotlib.axes")
