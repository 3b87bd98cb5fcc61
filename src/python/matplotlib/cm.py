"""matplotlib.cm: the colormaps by name (cm.viridis, cm.get_cmap('coolwarm')); they live in colors.py."""

from matplotlib import _unsupported
from matplotlib.colors import Colormap, ScalarMappable, get_cmap

__all__ = ["Colormap", "ScalarMappable", "get_cmap"]


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError("module 'matplotlib.cm' has no attribute %r" % name)
    try:
        return Colormap(name)
    except ValueError:
        raise _unsupported("matplotlib.cm", name) from None
